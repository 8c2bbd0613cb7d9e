#!/usr/bin/python3
"""An admission ticket printed through a real CUPS queue: the test starts
its own cupsd (private configuration, spool and socket), adds a CUPS-PDF
queue, prints the ticket PDF that `baokao-tool ticket render` wrote, then
renders what the printer produced at 200 dpi and decodes its QR code, which
`baokao-tool ticket verify` must accept. CUPS-PDF prints text as outlines,
so the check is the picture, not pdftotext.

    test-ticket-print.py BAOKAO-TOOL PHOTO-CORPUS

Skipped (exit 77) where it cannot run: not root (the CUPS-PDF backend runs
as root and writes to /var/spool/cups-pdf), or CUPS or CUPS-PDF missing.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

tool, corpus = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
key = os.path.join(here, "test-authority.key")
PDF_BACKEND = "/usr/lib/cups/backend/cups-pdf"
PPD = "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"
ANONYMOUS = "/var/spool/cups-pdf/ANONYMOUS"

if os.geteuid() != 0 or not shutil.which("cupsd") or not os.path.exists(PDF_BACKEND):
    print("skipped: needs root, cupsd and printer-driver-cups-pdf")
    sys.exit(77)


def run(*args, check=True, **kwargs):
    r = subprocess.run(list(args), capture_output=True, text=True, timeout=120, **kwargs)
    if check and r.returncode != 0:
        raise SystemExit(f"{' '.join(args)} exits {r.returncode}: {r.stdout} {r.stderr}")
    return r


tmp = tempfile.mkdtemp(prefix="baokao-test-print-")
os.chmod(tmp, 0o755)
socket = os.path.join(tmp, "cups.sock")
for name in ("spool", "cache", "state", "log"):
    os.mkdir(os.path.join(tmp, name))
shutil.chown(os.path.join(tmp, "spool"), "root", "lp")
os.chmod(os.path.join(tmp, "spool"), 0o1770)
with open(os.path.join(tmp, "cupsd.conf"), "w") as f:
    f.write(f"""Listen {socket}
LogLevel warn
WebInterface No
Browsing No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
""")
with open(os.path.join(tmp, "cups-files.conf"), "w") as f:
    f.write(f"""ServerRoot {tmp}
RequestRoot {tmp}/spool
CacheDir {tmp}/cache
StateDir {tmp}/state
TempDir {tmp}/spool
AccessLog {tmp}/log/access_log
ErrorLog {tmp}/log/error_log
PageLog {tmp}/log/page_log
User lp
Group lp
SystemGroup root
""")

env = dict(os.environ, CUPS_SERVER=socket, LANG="C.UTF-8", LANGUAGE="")
cupsd = subprocess.Popen(["cupsd", "-f", "-c", os.path.join(tmp, "cupsd.conf"),
                          "-s", os.path.join(tmp, "cups-files.conf")],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
title = f"baokao-test-ticket-{os.getpid()}-{int(time.time())}"
failures = []
try:
    for _ in range(100):
        if run("lpstat", "-r", env=env, check=False).returncode == 0:
            break
        time.sleep(0.1)
    run("lpadmin", "-p", "BaokaoPDF", "-E", "-v", "cups-pdf:/", "-m", PPD, env=env)

    ticket = {"session": "liaoning-2020", "name": "欧阳娜娜", "id_type": "passport",
              "id_number": "E12345678", "level": 1, "mode": "all", "venue": 2, "room": 3,
              "seat": 21}
    with open(os.path.join(tmp, "ticket.json"), "w", encoding="utf-8") as f:
        json.dump(ticket, f, ensure_ascii=False)
    pdf = os.path.join(tmp, "ticket.pdf")
    run(tool, "ticket", "render", "--key", key, "--photo",
        os.path.join(corpus, "good-295x413.jpg"), "-o", pdf, os.path.join(tmp, "ticket.json"))

    # A user name no account has: CUPS-PDF writes it to its anonymous folder.
    run("lp", "-d", "BaokaoPDF", "-U", "baokao-test-nobody", "-t", title, pdf, env=env)
    printed = []
    for _ in range(600):
        printed = glob.glob(os.path.join(ANONYMOUS, title + "*.pdf"))
        if printed and run("lpstat", "-o", env=env, check=False).stdout.strip() == "":
            break
        time.sleep(0.1)
    if not printed:
        failures.append("the CUPS-PDF queue wrote nothing in 60 s: " +
                        open(os.path.join(tmp, "log", "error_log")).read()[-2000:])
    else:
        info = run("pdfinfo", printed[0]).stdout
        if "Pages:           1" not in info or "(A4)" not in info:
            failures.append(f"the printed file is not one A4 page: {info}")
        run("pdftoppm", "-r", "200", "-png", printed[0], os.path.join(tmp, "printed"))
        r = run("zbarimg", "--raw", "-q", os.path.join(tmp, "printed-1.png"), check=False)
        text = r.stdout.strip()
        if not text.startswith("BKT1."):
            failures.append(f"no QR code decoded from the printed page: {r.stdout!r} {r.stderr!r}")
        else:
            r = run(tool, "ticket", "verify", "--json", text, check=False)
            obj = json.loads(r.stdout.splitlines()[-1]) if r.stdout else {}
            if r.returncode != 0 or obj.get("name") != "欧阳娜娜" or obj.get("seat") != 21:
                failures.append(f"verify refuses the printed ticket: {r.stdout} {r.stderr}")
        for path in printed:
            os.unlink(path)
finally:
    cupsd.terminate()
    cupsd.wait(timeout=30)

if failures:
    print("\n".join(failures))
    print(f"files kept in {tmp}")
    sys.exit(1)
shutil.rmtree(tmp)
print("ok")
