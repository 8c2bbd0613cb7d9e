"""Pieces the end-to-end tests share: a demo candidate made on a computer
and registered on the server, a private D-Bus session for a second
application instance on the same display, and one application instance
(its own home folder, language and clock) driven through the
accessibility tree as a person would."""
import gettext
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
for _folder in ("ui", "server", "ticket"):
    sys.path.insert(0, os.path.join(HERE, "..", _folder))
import a11y  # noqa: E402

# The demo profile of `baokao-tool profiles --add-demo`: Shanghai 2026,
# point 2916.
DEMO_NAME = "张伟"
SESSION = "shanghai-2026"
POINT = "2916"


def run(argv, **kwargs):
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60, **kwargs)
    assert done.returncode == 0, (argv, done.returncode, done.stdout, done.stderr)
    return done.stdout


def demo_id_number():
    """The demo profile's resident ID number (GB 11643 check character)."""
    body = "31010419870523402"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]


def home_environment(home, now):
    return dict(os.environ, LANG="C.UTF-8", HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
                BAOKAO_NOW=now)


def demo_candidate(tool, driver, photo, server, home, user, password, now):
    """The demo profile (with a real photo) added on the computer whose home
    is HOME, its account registered on SERVER and its profile and draft
    application pushed, as the sync client does. Returns (profile id,
    application id, the account's token)."""
    env = home_environment(home, now)
    store = os.path.join(home, "data", "baokao", "baokao.db")
    profile_id = run([tool, "profiles", "--add-demo", "--user-name", user, "--photo", photo],
                     env=env, input=password + "\n").split()[-1]

    def sync_driver(*args, **more):
        out = run([driver, store, *args],
                  env=dict(env, BK_SERVER=f"https://127.0.0.1:{server.port}",
                           BK_CA=server.ca_file, **more))
        return json.loads(out.strip().splitlines()[-1])

    assert sync_driver("register", DEMO_NAME, demo_id_number(), user, password) == \
        {"status": "accepted"}
    token = sync_driver("sign-in", user, password)["token"]
    pushed = sync_driver("sync", BK_TOKEN=token, BK_PROFILE=profile_id)
    assert pushed["pushed"] > 0, pushed
    with sqlite3.connect(store) as db:
        app_id, = db.execute("SELECT id FROM application").fetchone()
    return profile_id, app_id, token


def write_server_settings(home, server):
    """The server's address and CA, as Preferences keeps them."""
    settings = os.path.join(home, "config", "glib-2.0", "settings")
    os.makedirs(settings, exist_ok=True)
    with open(os.path.join(settings, "keyfile"), "w") as f:
        f.write(f"[io/github/baokao/Baokao]\nserver-url='https://127.0.0.1:{server.port}/'\n"
                f"ca-file='{server.ca_file}'\n")


def end_after_close(process, env=None):
    """Waits for baokao to end after its window closed; one left in the
    background (its window hidden, docs/background.md) is told to Quit
    (app.quit over D-Bus, on the session bus of ENV)."""
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        subprocess.run(["gapplication", "action", "io.github.baokao.Baokao", "quit"],
                       check=True, timeout=20, env=env)
        process.wait(timeout=20)
    assert process.returncode == 0, f"baokao exited {process.returncode}"


class PrivateBus:
    """A D-Bus session bus of its own for a second instance of the
    application: on the shared bus GApplication would hand its start to the
    first instance. The accessibility bus stays the shared one, so one
    AT-SPI client sees both instances."""

    def start(self):
        a11y_address = run(["gdbus", "call", "--session", "--dest", "org.a11y.Bus",
                            "--object-path", "/org/a11y/bus",
                            "--method", "org.a11y.Bus.GetAddress"]).strip()
        # ('unix:path=…,guid=…',)
        a11y_address = a11y_address.split("'")[1]
        self.process = subprocess.Popen(["dbus-daemon", "--session", "--nofork",
                                         "--print-address=1"],
                                        stdout=subprocess.PIPE, text=True)
        address = self.process.stdout.readline().strip()
        assert address, "dbus-daemon printed no address"
        self.env = {"DBUS_SESSION_BUS_ADDRESS": address, "AT_SPI_BUS_ADDRESS": a11y_address}
        return self

    def stop(self):
        """Ends the bus; an instance still on it quits."""
        self.process.terminate()
        self.process.wait(timeout=10)


class Shots:
    """Screenshots of one run, numbered in the order taken whichever
    instance is on screen: FOLDER/NN-NAME.png."""

    def __init__(self, folder):
        self.folder = folder
        shutil.rmtree(folder, ignore_errors=True)  # no stale shots from an older run
        os.makedirs(folder)
        self.count = 0

    def take(self, name):
        time.sleep(0.6)  # let the last change reach the screen
        self.count += 1
        return a11y.screenshot(os.path.join(self.folder, f"{self.count:02d}-{name}.png"))


class Instance:
    """One process of the application with its own home folder, language
    and clock (BAOKAO_NOW), on the shared display."""

    def __init__(self, binary, localedir, language, home, shots, extra_env=None):
        """EXTRA_ENV: variables of its own, such as the CUPS server's."""
        self.binary = binary
        self.language = language
        self.home = home
        self.shots = shots
        self.extra_env = dict(extra_env or {})
        self.process = None
        self.app = None
        self.frame = None
        catalogue = gettext.translation("baokao", localedir=localedir, languages=[language],
                                        fallback=True)
        self.gettext = catalogue.gettext
        self.gtk = gettext.translation("gtk40", languages=[language], fallback=True).gettext

    def _(self, msgid):
        """The label as the user sees it: translated, mnemonic marks gone."""
        return self.gettext(msgid).replace("_", "")

    def start(self, now):
        env = dict(home_environment(self.home, now),
                   LANGUAGE=self.language if self.language != "en" else "",
                   XDG_CONFIG_HOME=os.path.join(self.home, "config"),
                   XDG_CACHE_HOME=os.path.join(self.home, "cache"),
                   GSETTINGS_BACKEND="keyfile", SECRET_BACKEND="file",
                   SECRET_FILE_TEST_PATH=os.path.join(self.home, "keyring"),
                   SECRET_FILE_TEST_PASSWORD="e2e keyring",
                   # GTK's CUPS backend warns that it cannot reach colord (no
                   # system bus here): criticals only are fatal.
                   G_DEBUG="gc-friendly,fatal-criticals")
        env.update(self.extra_env)
        self.env = env
        # Started in its home: a file chooser that opens where the program
        # started saves there.
        self.process = subprocess.Popen([self.binary], env=env, cwd=self.home)
        self.app = a11y.find_application(self.process.pid)
        self.frame = a11y.find(self.app, role="frame", name=self._("Baokao"), timeout=30)

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def stop(self):
        if self.alive():
            self.process.terminate()
            self.process.wait(timeout=10)

    def quit(self):
        """Closes each window with its close button, as a person would (the
        main window last); the last changes are written then. A candidate's
        application may stay in the background after that: Quit ends it."""
        for window in [w for w in self.app if w.getRoleName() == "frame" and w != self.frame]:
            a11y.press(a11y.find(window, role="push button", name=self.gtk("Close")))
        a11y.press(a11y.find(self.frame, role="push button", name=self.gtk("Close")))
        end_after_close(self.process, self.env)

    def shot(self, name):
        return self.shots.take(name)

    def window(self, title, timeout=20):
        """The instance's window (frame or dialog) with this title."""
        wanted = self._(title)
        return a11y.wait_for(lambda: next((w for w in self.app if w.name == wanted), None),
                             timeout, f"a window titled “{wanted}”")

    def press(self, label, root=None, role="push button", timeout=10):
        """Presses the button LABEL. GTK 4.8 names a button with an
        accessible label and a mnemonic from both: "添加证明材料…
        添加证明材料(P)…", so the name without "(P)" is looked for too."""
        wanted = self._(label)
        bare = re.sub(r"\([A-Za-z0-9]\)", "", wanted)

        def look():
            # As a11y.find: a name matched exactly wins over one that only
            # starts with it ("Sign" is not "Sign In on This Computer").
            loose = None
            for node in a11y.descendants(root or self.frame):
                if role is not None and node.getRoleName() != role:
                    continue
                for name in (wanted, bare):
                    if a11y.names_match_exactly(node.name, name):
                        return node
                    if a11y.names_match(node.name, name):
                        loose = loose or node
            return loose
        a11y.press(a11y.wait_for(look, timeout, f"a {role} named {wanted!r}"))

    def type(self, label, text, root=None):
        a11y.set_text(a11y.find_text_field(root or self.frame, self._(label)), text)

    def see(self, text, root=None, timeout=20):
        """Waits until a node shows exactly this (translated) text."""
        wanted = self._(text)
        return a11y.wait_for(
            lambda: any(wanted == name for _, name in a11y.names(root or self.frame)),
            timeout, f"“{wanted}” on screen")

    def press_for_window(self, label, title, root=None, tries=3):
        """Presses LABEL until the window titled TITLE is up: on a loaded
        machine a press while the page is rebuilt can be lost."""
        for _ in range(tries):
            self.press(label, root)
            try:
                return a11y.find(self.app, name=self._(title), timeout=20)
            except AssertionError as e:
                print(f"pressing “{self._(label)}” again after: {e}", file=sys.stderr)
        raise AssertionError(f"“{self._(label)}” opened no “{self._(title)}”")

    def see_within(self, text, root=None, timeout=20):
        """Waits for a node whose text holds the translation of TEXT."""
        wanted = self._(text)
        return a11y.wait_for(
            lambda: next((name for _, name in a11y.names(root or self.frame) if wanted in name),
                         None),
            timeout, f"text holding “{wanted}” on screen")

    def see_prefix(self, text, root=None, timeout=20):
        """Waits for a node whose text starts as the translation of TEXT
        does, up to its first %s; returns that text."""
        wanted = self._(text).split("%s")[0]
        return a11y.wait_for(
            lambda: next((name for _, name in a11y.names(root or self.frame)
                          if name.startswith(wanted)), None),
            timeout, f"text starting “{wanted}” on screen")

    def step_to(self, index):
        """Chooses a step in the sidebar, as a click on its row would."""
        sidebar = a11y.find(self.frame, name=self._("Steps"))
        sidebar.querySelection().selectChild(index)
        time.sleep(0.5)

    def open_profile(self, real_name, password):
        """Presses the profile's Open button on the welcome page until its
        password dialog is up (a press on a row being replaced is lost),
        then types the password."""
        label = self.gettext("Open the profile of %s") % real_name
        for _ in range(3):
            assert self.alive(), f"baokao exited {self.process.returncode}"
            try:
                a11y.press(a11y.find(self.frame, role="push button", name=label, timeout=20))
                dialog = a11y.wait_for(
                    lambda: next((w for w in self.app if w.getRoleName() == "dialog"), None),
                    10, "the password dialog")
                break
            except Exception as e:  # a row replaced under the press
                print(f"pressing “{label}” again after: {e}", file=sys.stderr)
                time.sleep(0.5)
        else:
            raise AssertionError(f"“{label}” opened no password dialog")
        a11y.set_text(a11y.find_text_field(dialog, self._("Password")), password)
        self.press("_Open", dialog)

    def menu(self, item, root=None, menu="Main Menu"):
        """Chooses ITEM in the menu named MENU (the main menu) of the window
        ROOT."""
        # GTK 4.8 names both the menu button and the button inside it; only
        # the inner one has an action.
        label = self._(menu)
        button = a11y.wait_for(
            lambda: next((n for n in a11y.descendants(root or self.frame)
                          if n.getRoleName() == "push button" and
                          a11y.names_match(n.name, label) and n.queryAction().nActions > 0),
                         None), 10, f"the menu button “{label}”")
        a11y.press(button)
        wanted = self._(item)
        node = a11y.wait_for(
            lambda: next((n for n in a11y.descendants(self.app)
                          if n.getRoleName() == "menu item" and
                          a11y.names_match(n.name, wanted)), None),
            10, f"the menu item “{wanted}”")
        a11y.press(node)

    def scroll_down(self, x, y, clicks):
        """Turns the mouse wheel down over the screen point X, Y."""
        a11y.pyatspi.Registry.generateMouseEvent(x, y, "abs")
        for _ in range(clicks):
            a11y.pyatspi.Registry.generateMouseEvent(x, y, "b5c")
            time.sleep(0.05)
        time.sleep(0.5)

    def save_as(self, dialog_title, file_name):
        """Types FILE_NAME into the save dialog titled DIALOG_TITLE and
        presses Return, as a person would."""
        dialog = a11y.find(self.app, name=self._(dialog_title), timeout=15)
        name = a11y.wait_for(lambda: next(
            (n for n in a11y.descendants(dialog)
             if n.getRoleName() == "text" and "EditableText" in n.get_interfaces()), None),
            10, "the file chooser's name field")
        time.sleep(0.5)
        a11y.set_text(name, file_name)
        time.sleep(0.3)
        a11y.press_key(keysym=0xff0d)  # Return, in the name field that has the focus
