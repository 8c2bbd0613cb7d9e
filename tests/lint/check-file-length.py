#!/usr/bin/python3
"""Checks the House rule: no C source file over 800 lines, unless one type
truly needs it. Such a file is listed below with the reason; a file that
grows past the limit is cut by moving one of its jobs into its own type
and file (as bk-proof-loader.c and bk-photo-check-row.c were)."""
import os
import sys

from lintlib import project_files

LIMIT = 800
# path: why the one type in it needs more. A listed file that is gone or
# back under the limit is fine: drop it from here when you see it.
ALLOWED = {
}

root = sys.argv[1]
problems = []
for path in sorted(set(project_files(root, "src/*.c", "src/*.h"))):
    with open(os.path.join(root, path), encoding="utf-8") as f:
        lines = sum(1 for _ in f)
    if lines > LIMIT and path not in ALLOWED:
        problems.append(f"{path}: {lines} lines, over {LIMIT}: move one of its jobs into a type "
                        f"of its own, in its own file")

for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
