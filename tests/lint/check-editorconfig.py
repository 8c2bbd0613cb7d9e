#!/usr/bin/python3
"""Checks the rules of .editorconfig that clang-format does not: UTF-8,
final newline, no trailing whitespace, no tabs in indented sources, and
100 columns in C."""
import os
import sys

from lintlib import project_files

root = sys.argv[1]
patterns = ["*.c", "*.h", "*.ui", "*.xml", "*.xml.in", "*.desktop.in", "*.py", "*.css",
            "*.json", "*.md", "meson.build", "meson_options.txt", "scripts/*", ".ci/*",
            "bench/*"]
problems = []
for path in sorted(set(project_files(root, *patterns))):
    if os.path.isdir(os.path.join(root, path)):
        continue
    with open(os.path.join(root, path), "rb") as f:
        data = f.read()
    if b"\0" in data[:8192]:
        continue  # binary (photos in a corpus)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(f"{path}: not UTF-8")
        continue
    if text and not text.endswith("\n"):
        problems.append(f"{path}: no newline at the end")
    is_c = path.endswith((".c", ".h"))
    for number, line in enumerate(text.split("\n"), 1):
        if line != line.rstrip(" \t"):
            problems.append(f"{path}:{number}: trailing whitespace")
        if "\t" in line[: len(line) - len(line.lstrip())] and not path.endswith(".md"):
            problems.append(f"{path}:{number}: tab in indentation")
        if is_c and len(line) > 100:
            problems.append(f"{path}:{number}: longer than 100 columns")

for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
