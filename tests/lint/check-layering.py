#!/usr/bin/python3
"""Each layer includes only its own headers and those of the layers below it
(docs/architecture.md); nothing below ui includes GTK or libadwaita. The include paths
already enforce most of this at compile time; this names the offence."""
import os
import re
import sys

from lintlib import project_files

root = sys.argv[1]
below = {
    "core": set(),
    "photo": {"core"},
    "store": {"core"},
    "sync": {"core", "store"},
    "ticket": {"core", "photo"},
    "tool": {"core", "photo", "store", "ticket"},
    "server": {"core", "photo", "store"},
    "ui": {"core", "photo", "store", "sync", "ticket"},
}
header_layer = {}
for path in project_files(root, "src/*.h"):
    header_layer[os.path.basename(path)] = path.split("/")[1]

include = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
problems = []
for path in project_files(root, "src/*.c", "src/*.h"):
    layer = path.split("/")[1]
    with open(os.path.join(root, path), encoding="utf-8") as f:
        text = f.read()
    for name in include.findall(text):
        if layer != "ui" and (name.startswith(("gtk/", "adwaita")) or name == "gtk/gtk.h"):
            problems.append(f"{path}: includes {name}, but only ui may use GTK")
        other = header_layer.get(os.path.basename(name))
        if other and other != layer and other not in below[layer]:
            problems.append(f"{path}: includes {name} from layer {other}, above {layer}")

for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
