#!/usr/bin/python3
"""Checks the house rule on size: no C source file over 800 lines, so each
file stays one type doing one job. Takes the project root and the source
directories to check (relative to it)."""
import os
import sys

from lintlib import project_files

MAX_LINES = 800

root = sys.argv[1]
directories = sys.argv[2:]
problems = []
for directory in directories:
    for path in sorted(set(project_files(root, f"{directory}/*.c", f"{directory}/*.h"))):
        with open(os.path.join(root, path), encoding="utf-8") as f:
            lines = sum(1 for _ in f)
        if lines > MAX_LINES:
            problems.append(f"{path}: {lines} lines, more than {MAX_LINES}: split it by job "
                            "(one type per file, named after it)")

for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
