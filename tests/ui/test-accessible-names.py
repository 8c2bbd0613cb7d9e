#!/usr/bin/python3
"""A lint of the accessibility tree: every control a person can reach with
the keyboard, on the welcome page (empty, then with a profile), on every
step of a new profile and in the dialogs those open (education, work, the
password asked for a profile, the confirmation before submitting), has an
accessible name; the name carries no
mnemonic underscore and, under zh_CN, is not left in English. Run once in
English and once in Chinese.

    test-accessible-names.py BAOKAO LOCALEDIR BAOKAO_TOOL PHOTO
"""
import gettext
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import a11y  # noqa: E402

a11y.require_session()
binary, localedir, tool, photo = sys.argv[1:5]
# Inside Shanghai 2026's registration window, where the demo applies.
NOW = "2026-04-08T10:00:00+08:00"
pyatspi = a11y.pyatspi

STEPS = ("account", "profile", "photo", "eligibility", "application", "status")
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")
# What stays in Latin letters in the Chinese interface as well.
LATIN_IN_CHINESE = {"JPEG", "Baokao"}


def in_combo_box(node):
    for _ in range(6):
        node = node.parent
        if node is None:
            return False
        if node.getRoleName() == "combo box":
            return True
    return False


def problems_in(root, language, where):
    """(where, role, name, what is wrong) for each focusable, visible node."""
    found = []
    for node in a11y.descendants(root):
        try:
            states = node.getState()
            # GTK 4.8 exposes no "showing": the hidden steps are looked at too.
            if not (states.contains(pyatspi.STATE_FOCUSABLE) and
                    states.contains(pyatspi.STATE_VISIBLE)):
                continue
            role, name = node.getRoleName(), node.name or ""
        except Exception:
            continue  # gone while the tree changed
        # Windows are named by their titles; a scrolled window takes the focus
        # only when nothing inside it can, which never happens here.
        if role in ("frame", "dialog", "window", "scroll pane"):
            continue
        # GTK 4.8 names no row of a GtkListView, whatever the application
        # sets (gtk_list_item_set_accessible_label came in 4.12): the choices
        # of a combo row are read from their label inside.
        if role == "list item" and not name and in_combo_box(node):
            continue
        # GTK's fallback is the widget's class: "GtkImage", "GtkListBox".
        if not name.strip() or re.fullmatch(r"(Gtk|Adw|Bk)[A-Z]\w*", name):
            found.append((where, role, name, "has no accessible name"))
        elif re.search(r"_\w", name):
            found.append((where, role, name, "shows a mnemonic underscore"))
        elif language == "zh_CN" and not CJK.search(name) and \
                re.search(r"[A-Za-z]{2,}", name) and name not in LATIN_IN_CHINESE:
            found.append((where, role, name, "is not translated"))
    return found


def closed(app, dialog):
    try:
        return dialog not in list(app) or \
            not dialog.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return True


def run(language):
    catalogue = gettext.translation("baokao", localedir=localedir, languages=[language],
                                    fallback=True)

    def _(msgid):
        """As a screen reader says it: no mnemonic, not even "(_S)"."""
        return re.sub(r"\(_.\)", "", catalogue.gettext(msgid)).replace("_", "").strip()

    home = tempfile.mkdtemp(prefix=f"baokao-names-{language}-")
    env = dict(os.environ, LANG="C.UTF-8", LANGUAGE=language if language != "en" else "",
               HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"),
               BAOKAO_NOW=NOW, G_DEBUG=os.environ.get("BAOKAO_APP_G_DEBUG", "fatal-warnings"))
    # A complete demo profile (张伟, password "baokao-demo") with a draft
    # application that can be submitted.
    subprocess.run([tool, "profiles", "--add-demo", "--photo", photo], env=env, check=True,
                   input="baokao-demo\n", text=True, stdout=subprocess.DEVNULL)
    process = subprocess.Popen([binary], env=env)
    found = []
    try:
        app = a11y.find_application(process.pid)
        frame = a11y.find(app, role="frame", name=_("Baokao"), timeout=20)
        new_profile = a11y.find(frame, role="push button", name=_("_New Profile"))
        time.sleep(0.5)
        found += problems_in(frame, language, "welcome page")

        a11y.press(new_profile)
        sidebar = a11y.find(frame, name=_("Steps"))
        for index, step in enumerate(STEPS):
            sidebar.querySelection().selectChild(index)
            time.sleep(0.8)  # the crossfade between steps
            found += problems_in(frame, language, f"step {step}")
            if step != "profile":
                continue
            for opener in ("Add Education", "Add Work"):
                before = set(w.name for w in app)
                a11y.press(a11y.find(frame, role="push button", name=_(opener)))
                dialog = a11y.wait_for(
                    lambda: next((w for w in app if w.name not in before), None),
                    10, f"the dialog of {opener!r}")
                time.sleep(0.5)
                found += problems_in(dialog, language, f"dialog {dialog.name}")
                a11y.press(a11y.find(dialog, role="push button", name=_("_Cancel")))
                a11y.wait_for(lambda: closed(app, dialog), 10, "the dialog to close")

        # A profile with a password: the welcome page lists it, and opening
        # it asks for the password in a dialog.
        sidebar.querySelection().selectChild(0)
        time.sleep(0.8)
        for label, text in (("User name", "zhangsan"), ("Password", "correct horse"),
                            ("Repeat password", "correct horse"), ("Real name", "张三")):
            a11y.set_text(a11y.find_text_field(frame, _(label)), text)
        time.sleep(2)  # the password is hashed, slowly on purpose
        a11y.press(a11y.find(frame, role="push button", name=_("_Profiles")))
        open_button = a11y.find(frame, role="push button",
                                name=catalogue.gettext("Open the profile of %s") % "张三")
        time.sleep(0.8)
        found += problems_in(frame, language, "welcome page with a profile")
        before = set(w.name for w in app)
        a11y.press(open_button)
        dialog = a11y.wait_for(
            lambda: next((w for w in app if w.getRoleName() == "dialog" and
                          w.name not in before), None), 10, "the password dialog")
        time.sleep(0.5)
        found += problems_in(dialog, language, "password dialog")
        a11y.press(a11y.find(dialog, role="push button", name=_("_Cancel")))

        # The demo profile, up to the confirmation before submitting.
        a11y.wait_for(lambda: closed(app, dialog), 10, "the password dialog to close")
        heading = catalogue.gettext("Open the Profile of %s") % "张伟"
        a11y.press(a11y.find(frame, role="push button",
                             name=catalogue.gettext("Open the profile of %s") % "张伟"))
        dialog = a11y.wait_for(
            lambda: next((w for w in app if w.getRoleName() == "dialog" and
                          any(n == heading for _role, n in a11y.names(w))), None), 10,
            "the password dialog of the demo")
        a11y.set_text(a11y.find_text_field(dialog, _("Password")), "baokao-demo")
        a11y.press(a11y.find(dialog, role="push button", name=_("_Open")))
        sidebar = a11y.find(frame, name=_("Steps"))
        a11y.wait_for(lambda: closed(app, dialog), 15, "the demo profile to open")
        time.sleep(0.8)
        sidebar.querySelection().selectChild(STEPS.index("application"))
        time.sleep(0.8)
        a11y.press(a11y.find(frame, name=_("I will use the commitment system")))
        a11y.set_text(a11y.find_text_field(frame, _("Type your real name to sign")), "张伟")
        time.sleep(0.3)
        a11y.press(a11y.find(frame, role="push button", name=_("_Sign")))
        # The commitment asks for the candidate's own password.
        dialog = a11y.wait_for(
            lambda: next((w for w in app if w.name == _("Sign the Commitment?")), None),
            10, "the commitment's password dialog")
        time.sleep(0.5)
        found += problems_in(dialog, language, "commitment's password dialog")
        a11y.set_text(a11y.find_text_field(dialog, _("Password")), "baokao-demo")
        a11y.press(a11y.find(dialog, role="push button", name=_("_Sign Commitment")))
        time.sleep(0.5)
        a11y.press(a11y.find(frame, role="push button", name=_("S_ubmit Application")))
        dialog = a11y.wait_for(
            lambda: next((w for w in app if w.name == _("Submit Your Application?")), None),
            10, "the confirmation before submitting")
        time.sleep(0.5)
        found += problems_in(dialog, language, "confirmation before submitting")
        a11y.press(a11y.find(dialog, role="push button", name=_("_Go Back")))
    finally:
        process.terminate()
        process.wait(timeout=10)
    return found


failures = []
for language in ("en", "zh_CN"):
    failures += [(language,) + problem for problem in run(language)]
for language, where, role, name, what in failures:
    print(f"[{language}] {where}: {role} {name!r} {what}", file=sys.stderr)
if failures:
    sys.exit(1)
print("ok: every focusable control is named, without mnemonics, in English and in Chinese")
