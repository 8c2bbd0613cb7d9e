"""Helpers shared by the lint checks: which files the project tracks."""
import os
import subprocess


def project_files(root, *patterns):
    """Tracked and new (not ignored) files matching git pathspecs."""
    out = subprocess.run(
        ["git", "-C", root, "ls-files", "-co", "--exclude-standard", "--", *patterns],
        check=True, capture_output=True, text=True).stdout
    return [p for p in out.splitlines() if os.path.exists(os.path.join(root, p))]
