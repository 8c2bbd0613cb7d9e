#!/usr/bin/python3
"""Every catalogue in po/LINGUAS must translate every message of a template
made afresh from po/POTFILES.in: nothing untranslated, nothing fuzzy, no
format mismatch, nothing stale."""
import os
import subprocess
import sys

root, workdir = sys.argv[1], sys.argv[2]
po = os.path.join(root, "po")
pot = os.path.join(workdir, "fresh.pot")

with open(os.path.join(po, "POTFILES.in"), encoding="utf-8") as f:
    sources = [l.strip() for l in f if l.strip() and not l.startswith("#")]

# The same xgettext call meson's gettext 'glib' preset makes.
subprocess.run(["xgettext", "--package-name=baokao", "-o", pot, "--from-code=UTF-8",
                "--add-comments", "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2",
                "--keyword=NC_:1c,2", "--keyword=g_dcgettext:2",
                "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
                "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
                "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
                "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
                "--flag=g_string_append_printf:2:c-format", "--flag=g_error_new:3:c-format",
                "--flag=g_set_error:4:c-format", "--flag=g_markup_printf_escaped:1:c-format",
                "--flag=g_log:3:c-format", "--flag=g_print:1:c-format",
                "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
                "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format",
                "--flag=g_snprintf:3:c-format", "--flag=fprintf:2:c-format", *sources],
               cwd=root, check=True)

failed = False
with open(os.path.join(po, "LINGUAS"), encoding="utf-8") as f:
    languages = [l.strip() for l in f if l.strip() and not l.startswith("#")]
for lang in languages:
    catalogue = os.path.join(po, f"{lang}.po")
    checks = [
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, catalogue],
        # every message of the fresh template is in the catalogue, translated
        ["msgcmp", catalogue, pot],
    ]
    for cmd in checks:
        r = subprocess.run(cmd, capture_output=True, text=True)
        out = (r.stdout + r.stderr).strip()
        print(out)
        if r.returncode != 0 or "untranslated" in out or "fuzzy" in out:
            failed = True
    merged = subprocess.run(["msgattrib", "--only-obsolete", catalogue],
                            capture_output=True, text=True).stdout
    if "#~ msgid" in merged:
        print(f"{catalogue}: has obsolete messages; run scripts/update-po", file=sys.stderr)
        failed = True
    # messages in the catalogue that the sources no longer have
    stale = subprocess.run(["msgcomm", "--less-than=2", "-u", catalogue, pot],
                           capture_output=True, text=True)
    if stale.returncode == 0 and "msgid \"" in stale.stdout.replace('msgid ""\nmsgstr ""', ""):
        print(f"{catalogue}: messages no longer in the sources; run scripts/update-po",
              file=sys.stderr)
        print(stale.stdout[:3000], file=sys.stderr)
        failed = True
sys.exit(1 if failed else 0)
