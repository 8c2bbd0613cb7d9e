#!/usr/bin/python3
"""po/POTFILES.in must list every file with translatable strings, and only
files that exist."""
import os
import re
import sys

from lintlib import project_files

root = sys.argv[1]
with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
    listed = {line.strip() for line in f if line.strip() and not line.startswith("#")}

problems = [f"po/POTFILES.in lists {p}, which does not exist"
            for p in sorted(listed) if not os.path.exists(os.path.join(root, p))]

c_marks = re.compile(r'\b(_|N_|C_|NC_|g_dngettext|ngettext|g_dpgettext2)\s*\(\s*"')
checks = {
    ("src/*.c", "src/*.h"): c_marks,
    ("ui/*.ui",): re.compile(r'translatable="yes"'),
}
for patterns, mark in checks.items():
    for path in project_files(root, *patterns):
        with open(os.path.join(root, path), encoding="utf-8") as f:
            if mark.search(f.read()) and path not in listed:
                problems.append(f"{path} has translatable strings but is not in po/POTFILES.in")
for path in project_files(root, "data/*.in", "data/*.gschema.xml"):
    if path not in listed:
        problems.append(f"{path} is translatable data but is not in po/POTFILES.in")

for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
