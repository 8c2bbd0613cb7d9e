#!/usr/bin/python3
"""Fails when a C source differs from what clang-format makes of it
(.clang-format at the top of the tree). Fix with scripts/format."""
import os
import subprocess
import sys

from lintlib import project_files

root, clang_format = sys.argv[1], sys.argv[2]
files = project_files(root, "src/*.c", "src/*.h", "tests/*.c", "tests/*.h", "bench/*.c")
if not files:
    print("no C sources found", file=sys.stderr)
    sys.exit(1)
result = subprocess.run([clang_format, "--dry-run", "--Werror", *files], cwd=root,
                        capture_output=True, text=True)
sys.stderr.write(result.stderr[:20000])
if result.returncode != 0:
    print("\nformatting differs; run scripts/format", file=sys.stderr)
print(f"checked {len(files)} files")
sys.exit(result.returncode)
