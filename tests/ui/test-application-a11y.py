#!/usr/bin/python3
"""Starts the real application under Xvfb in English and in Chinese, finds
its window and primary widgets through the accessibility tree, and leaves a
screenshot of each under the build directory."""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import a11y  # noqa: E402

a11y.require_session()
binary, shots = sys.argv[1], sys.argv[2]

LANGUAGES = {
    "en": {"LANGUAGE": "", "title": "Baokao", "menu": "Main Menu",
           "welcome": "Welcome to Baokao"},
    "zh_CN": {"LANGUAGE": "zh_CN", "title": "报考", "menu": "主菜单",
              "welcome": "欢迎使用“报考”"},
}

for lang, expect in LANGUAGES.items():
    home = tempfile.mkdtemp(prefix=f"baokao-a11y-{lang}-")
    env = dict(os.environ, LANG="C.UTF-8", LANGUAGE=expect["LANGUAGE"], HOME=home,
               G_DEBUG=os.environ.get("BAOKAO_APP_G_DEBUG", "fatal-warnings"),
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"))
    process = subprocess.Popen([binary], env=env)
    passed = False
    try:
        app = a11y.find_application(process.pid)
        try:
            frame = a11y.find(app, role="frame", name=expect["title"], timeout=20)
        except AssertionError:
            print(f"[{lang}] nodes found: {a11y.names(app)}", file=sys.stderr)
            raise
        try:
            a11y.find(frame, role="push button", name=expect["menu"])
            a11y.find(frame, name=expect["welcome"])
        except AssertionError:
            print(f"[{lang}] nodes found: {a11y.names(frame)}", file=sys.stderr)
            raise
        # Let the first frames settle before the picture.
        a11y.wait_for(lambda: frame.getState().contains(a11y.pyatspi.STATE_SHOWING),
                      what="the window to show")
        subprocess.run(["sleep", "0.5"])
        path = a11y.screenshot(os.path.join(shots, f"window-{lang}.png"))
        print(f"ok {lang}: window “{frame.name}” with its menu and welcome page; {path}")
        passed = True
    finally:
        process.terminate()
        process.wait(timeout=10)
        # The application's home goes with a pass; after a failure it is kept to look at.
        if passed:
            shutil.rmtree(home, ignore_errors=True)
        else:
            print(f"[{lang}] the application's home is kept in {home}", file=sys.stderr)
