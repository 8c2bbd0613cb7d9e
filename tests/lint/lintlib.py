"""Helpers shared by the lint checks: which files the project has."""
import fnmatch
import os
import subprocess

SKIP_DIRS = {".git", "po"}


def project_files(root, *patterns):
    """Tracked and new (not ignored) files matching git pathspecs; without
    git (a source tarball), every file outside build directories."""
    try:
        out = subprocess.run(
            ["git", "-C", root, "ls-files", "-co", "--exclude-standard", "--", *patterns],
            check=True, capture_output=True, text=True).stdout
        paths = out.splitlines()
    except (OSError, subprocess.CalledProcessError):
        paths = []
        for directory, dirs, files in os.walk(root):
            rel = os.path.relpath(directory, root)
            dirs[:] = [d for d in dirs if not d.startswith(("build", "_build", "."))]
            for name in files:
                path = os.path.normpath(os.path.join(rel, name))
                # git pathspecs: '*' also matches '/'; a pattern without one
                # matches the name in any directory
                if any(fnmatch.fnmatch(path, p) or ("/" not in p and fnmatch.fnmatch(name, p))
                       for p in patterns):
                    paths.append(path)
    return [p for p in paths if os.path.exists(os.path.join(root, p))]
