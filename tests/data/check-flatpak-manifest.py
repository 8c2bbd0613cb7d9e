#!/usr/bin/python3
"""Checks that the flatpak manifest parses and builds this project as the
right application: app id, command, a current GNOME runtime, and a last
module that builds the checkout with meson, with the options scripts/run
builds with (scripts/configure-run)."""
import json
import os
import re
import shlex
import sys

manifest_path, app_id = sys.argv[1], sys.argv[2]
errors = []

with open(manifest_path, encoding="utf-8") as f:
    manifest = json.load(f)

if manifest.get("id", manifest.get("app-id")) != app_id:
    errors.append(f"id is {manifest.get('id')!r}, expected {app_id!r}")
if manifest.get("command") != "baokao":
    errors.append(f"command is {manifest.get('command')!r}, expected 'baokao'")
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    errors.append("runtime/sdk must be org.gnome.Platform / org.gnome.Sdk")
try:
    if int(str(manifest.get("runtime-version"))) < 47:
        errors.append("runtime-version must be a current GNOME runtime (47 or later)")
except ValueError:
    errors.append(f"runtime-version {manifest.get('runtime-version')!r} is not a GNOME version")

modules = manifest.get("modules", [])
if not modules:
    errors.append("no modules")
else:
    app = modules[-1]
    if app.get("name") != "baokao" or app.get("buildsystem") != "meson":
        errors.append("the last module must be 'baokao' built with meson")
    if not any(s.get("type") == "dir" and s.get("path") == ".." for s in app.get("sources", [])):
        errors.append("the baokao module must build this checkout (a dir source with path '..')")
    configure_run = os.path.join(os.path.dirname(os.path.abspath(manifest_path)), "..",
                                 "scripts", "configure-run")
    with open(configure_run, encoding="utf-8") as f:
        match = re.search(r"^run_options=\((.*)\)$", f.read(), re.M)
    run_options = shlex.split(match.group(1)) if match else None
    if run_options is None:
        errors.append(f"{configure_run} has no run_options=(...) line")
    elif app.get("config-opts", []) != run_options:
        errors.append(f"the baokao module's config-opts {app.get('config-opts', [])} differ from "
                      f"scripts/run's options {run_options}")
    for module in modules[:-1]:
        for source in module.get("sources", []):
            if source.get("type") == "archive" and not source.get("sha256"):
                errors.append(f"module {module.get('name')}: archive without sha256")

finish_args = manifest.get("finish-args", [])
for needed in ("--share=network", "--socket=wayland", "--socket=fallback-x11", "--share=ipc"):
    if needed not in finish_args:
        errors.append(f"finish-args lacks {needed}")

for e in errors:
    print(f"{manifest_path}: {e}", file=sys.stderr)
sys.exit(1 if errors else 0)
