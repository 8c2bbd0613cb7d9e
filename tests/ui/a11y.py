"""Helpers for driving Baokao through the accessibility tree (AT-SPI), as a
person with a screen reader would: find the application by process id, wait
for nodes by role and name, press buttons, type text, take screenshots."""
import atexit
import os
import re
import subprocess
import sys
import threading
import time

import pyatspi

SKIP = 77  # meson's "skipped" exit status


def require_session():
    """Exit as skipped when there is no display or D-Bus session to use."""
    if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        print("no DISPLAY or D-Bus session: run through scripts/test (Xvfb + dbus-run-session)")
        raise SystemExit(SKIP)
    serve_notifications()


def serve_notifications():
    """Starts a notification server on the session bus, as a desktop has
    (tests/ui/notification-server.py); it stops with the test."""
    server = subprocess.Popen(
        [sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                      "notification-server.py")],
        stdout=subprocess.PIPE, text=True)
    atexit.register(server.terminate)
    line = server.stdout.readline()  # "ready", or nothing when the name is taken
    threading.Thread(target=lambda: [print(l, end="", flush=True) for l in server.stdout],
                     daemon=True).start()
    return line.strip() == "ready"


def wait_for(predicate, timeout=20.0, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = predicate()
        except Exception:  # nodes vanish while the tree changes
            result = None
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def find_application(pid, timeout=60.0):
    # Generous: on a loaded machine the accessibility bus can take a while.
    def look():
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.get_process_id() == pid:
                return app
        return None
    return wait_for(look, timeout, f"the application (pid {pid}) on the accessibility bus")


def descendants(root, max_depth=60):
    """Every node under root, breadth first; nodes that vanish are skipped."""
    queue = [(root, 0)]
    while queue:
        node, depth = queue.pop(0)
        if depth > max_depth:
            continue
        try:
            children = list(node)
        except Exception:
            continue
        for child in children:
            if child is not None:
                yield child
                queue.append((child, depth + 1))


def clean_name(name):
    """GTK 4.8 names a button with a mnemonic label from both its label and
    its text ("_Sign Sign"): drop mnemonic underscores and the repetition."""
    name = (name or "").replace("_", "")
    half = len(name) // 2
    if len(name) % 2 == 1 and name[half] == " " and name[:half] == name[half + 1:]:
        return name[:half]
    return name


def names_match(actual, wanted):
    """GTK 4.8 also joins a button's accessible label and its visible text:
    "Add Education Add Education(A)". The application names its buttons
    without the mnemonic: "保存(_S)" is "保存"; callers may pass "保存(S)"."""
    actual = actual or ""
    return (names_match_exactly(actual, wanted) or
            actual.replace("_", "").startswith(wanted + " "))


def names_match_exactly(actual, wanted):
    """As names_match, but not a name that only starts with WANTED."""
    actual = actual or ""
    bare = re.sub(r"\(_?[A-Za-z0-9]\)", "", wanted).strip()
    return (actual == wanted or clean_name(actual) == wanted or
            clean_name(actual) == wanted.replace("_", "") or actual == bare)


def find(root, role=None, name=None, timeout=10.0):
    """The first descendant with this role name (e.g. 'push button') and
    accessible name."""
    def look():
        # A name matched exactly wins over one that only starts with it
        # ("Sign" is not "Sign In on This Computer").
        loose = None
        for node in descendants(root):
            try:
                if ((role is None or node.getRoleName() == role) and
                        (name is None or names_match(node.name, name))):
                    if name is None or names_match_exactly(node.name, name):
                        return node
                    loose = loose or node
            except Exception:
                continue
        return loose
    return wait_for(look, timeout, f"a {role or 'node'} named {name!r}")


def names(root):
    """Every (role, name) pair under root; for messages when a find fails."""
    found = []
    for node in descendants(root):
        try:
            if node.name:
                found.append((node.getRoleName(), node.name))
        except Exception:
            continue
    return found


def screenshot(path):
    """The whole Xvfb screen into PATH; fails when the image is blank."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    subprocess.run(["import", "-window", "root", path], check=True)
    from PIL import Image
    with Image.open(path) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    distinct = len(colours) if colours is not None else 1 << 20
    if distinct < 16:
        raise AssertionError(f"{path} is blank ({distinct} colours)")
    return path


def press(node):
    """Activates a button (or any node with an action) through AT-SPI."""
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "press", "activate", "toggle"):
            action.doAction(i)
            return
    action.doAction(0)


def set_text(node, text):
    """Replaces the text of an editable node, as typing would."""
    node.queryEditableText().setTextContents(text)


def get_text(node):
    t = node.queryText()
    return t.getText(0, t.characterCount)


def find_text_field(root, label, timeout=10.0):
    """The editable text node labelled `label`: either the node itself or the
    text inside a row (AdwEntryRow) of that name."""
    def look():
        for node in descendants(root):
            try:
                if not names_match(node.name, label):
                    continue
                if "EditableText" in node.get_interfaces():
                    return node
                for inner in descendants(node, max_depth=4):
                    if "EditableText" in inner.get_interfaces():
                        return inner
            except Exception:
                continue
        return None
    return wait_for(look, timeout, f"a text field labelled {label!r}")


def press_key(keysym=None, keycode=None, with_control=False, with_alt=False):
    """A key press as the keyboard makes it (XTest through the registry):
    for what only the keyboard can reach, such as the file chooser's
    location field (Control+L). The pointer is moved onto the window first,
    since without a window manager the key goes where the pointer is."""
    registry = pyatspi.Registry
    registry.generateMouseEvent(400, 300, "abs")
    time.sleep(0.2)
    if with_control:
        registry.generateKeyboardEvent(37, None, pyatspi.KEY_PRESS)  # Control_L
    if with_alt:
        registry.generateKeyboardEvent(64, None, pyatspi.KEY_PRESS)  # Alt_L
    if keysym is not None:
        registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    else:
        registry.generateKeyboardEvent(keycode, None, pyatspi.KEY_PRESSRELEASE)
    if with_alt:
        registry.generateKeyboardEvent(64, None, pyatspi.KEY_RELEASE)
    if with_control:
        registry.generateKeyboardEvent(37, None, pyatspi.KEY_RELEASE)


def choose_file(app, dialog_title, path):
    """Picks PATH in the application's GTK file chooser as a person would:
    Control+L, type the path, Return."""
    dialog = find(app, name=dialog_title, timeout=10)
    time.sleep(0.5)
    press_key(keysym=ord("l"), with_control=True)
    entry = wait_for(lambda: next((n for n in descendants(dialog)
                                   if n.getRoleName() == "text" and
                                   n.name == "GtkFileChooserEntry"), None),
                     10, "the file chooser's location field")
    set_text(entry, path)
    time.sleep(0.3)
    press_key(keysym=0xff0d)  # Return: the chooser opens what the field names
