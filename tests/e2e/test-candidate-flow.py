#!/usr/bin/python3
"""The candidate's whole way from an empty profile to a submitted
application, driven through the accessibility tree as a person (or a
screen reader) would: create a profile (its first step walked with Tab
alone), enter everything, load a refused photo and then an accepted one,
then a refused one again (the accepted one stays), see eligibility, sign,
confirm and submit, and find what was submitted locked; then quit, add a
second profile with a draft, start again after registration has closed,
open the draft (it says registration closed and cannot be signed), switch
to the first profile (nothing of the other is left on screen) and find
everything still there. Once in English and once in Chinese, each with its
own empty data directory; a screenshot of every step lands in
SHOTS/<language>/.

    test-candidate-flow.py BAOKAO PHOTO_CORPUS SHOTS LOCALEDIR BAOKAO_TOOL
"""
import datetime
import gettext
import os
import sqlite3
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ui"))
import a11y  # noqa: E402
from e2elib import end_after_close  # noqa: E402

a11y.require_session()
binary, corpus, shots_root, localedir, tool = sys.argv[1:6]

GOOD_PHOTO = os.path.join(corpus, "good-413x579.jpg")
REFUSED_PHOTO = os.path.join(corpus, "bg-blue.jpg")
# Inside Shanghai 2026's registration window (7-13 April), and the day after
# it closed (13 April 16:00).
NOW = "2026-04-08T10:00:00+08:00"
AFTER_REGISTRATION = "2026-04-14T10:00:00+08:00"
MAJOR = "测控技术与仪器（计量&测试<A>）"


class Flow:
    def __init__(self, language):
        self.language = language
        self.home = tempfile.mkdtemp(prefix=f"baokao-e2e-{language}-")
        self.shots = os.path.join(shots_root, language)
        shutil.rmtree(self.shots, ignore_errors=True)  # no stale shots from an older run
        self.step = 0
        catalogue = gettext.translation("baokao", localedir=localedir,
                                        languages=[language], fallback=True)
        self.gettext = catalogue.gettext
        self.pgettext = catalogue.pgettext
        self.process = None

    def _(self, msgid):
        """The label as the user sees it: translated, mnemonic marks gone."""
        return self.gettext(msgid).replace("_", "")

    def environment(self, now=NOW):
        return dict(os.environ, LANG="C.UTF-8",
                    LANGUAGE=self.language if self.language != "en" else "",
                    HOME=self.home, XDG_DATA_HOME=os.path.join(self.home, "data"),
                    XDG_CONFIG_HOME=os.path.join(self.home, "config"),
                    XDG_CACHE_HOME=os.path.join(self.home, "cache"), BAOKAO_NOW=now,
                    G_DEBUG=os.environ.get("BAOKAO_APP_G_DEBUG", "fatal-criticals"))

    def start(self, now=NOW):
        self.process = subprocess.Popen([binary], env=self.environment(now))
        self.app = a11y.find_application(self.process.pid)
        self.frame = a11y.find(self.app, role="frame", name=self._("Baokao"), timeout=20)

    def window(self, title):
        """The application's window (dialog) with this title."""
        wanted = self._(title)
        return a11y.wait_for(lambda: next((w for w in self.app if w.name == wanted), None), 10,
                             f"a window titled “{wanted}”")

    def shot(self, name):
        time.sleep(0.6)  # let the last change reach the screen
        self.step += 1
        a11y.screenshot(os.path.join(self.shots, f"{self.step:02d}-{name}.png"))

    def press(self, label, root=None, role="push button"):
        a11y.press(a11y.find(root or self.frame, role=role, name=self._(label)))

    def type(self, label, text, root=None):
        a11y.set_text(a11y.find_text_field(root or self.frame, self._(label)), text)

    def see(self, text, root=None, timeout=10):
        """Waits until a node shows exactly this (translated) text."""
        wanted = self._(text)
        return a11y.wait_for(
            lambda: any(wanted == name for _, name in a11y.names(root or self.frame)),
            timeout, f"“{wanted}” on screen")

    def see_prefix(self, text, root=None, timeout=10):
        """Waits for a node whose text starts as the translation of TEXT
        does, up to its first %s."""
        wanted = self._(text).split("%s")[0]
        return a11y.wait_for(
            lambda: any(name.startswith(wanted) for _, name in a11y.names(root or self.frame)),
            timeout, f"text starting “{wanted}” on screen")

    def step_to(self, index):
        """Chooses a step in the sidebar, as a click on its row would."""
        sidebar = a11y.find(self.frame, name=self._("Steps"))
        sidebar.querySelection().selectChild(index)
        time.sleep(0.5)

    def tab_walk(self, fields, stay_on):
        """Walks the step with Tab alone, as a keyboard user would, typing a
        digit after each Tab to see where the focus went (GTK 4.8 does not
        tell AT-SPI which text field has it): FIELDS take the focus in this
        order, and the step does not change (the Next button still names
        STAY_ON)."""
        nodes = [a11y.find_text_field(self.frame, self._(field)) for field in fields]

        def lengths():
            return [node.queryText().characterCount for node in nodes]

        reached = []
        for _ in range(len(fields) * 4):
            before = lengths()
            a11y.press_key(keysym=ord("7"))
            time.sleep(0.3)
            reached += [f for f, b, a in zip(fields, before, lengths()) if a > b][:1]
            if len(reached) == len(fields):
                break
            a11y.press_key(keysym=0xff09)  # Tab
            time.sleep(0.2)
        assert reached == list(fields), f"Tab reached {reached}, not {list(fields)}"
        a11y.find(self.frame, role="push button",
                  name=self.gettext("Next: %s").replace("_", "") % self._(stay_on))

    def is_usable(self, node):
        states = node.getState()
        return (states.contains(a11y.pyatspi.STATE_SENSITIVE) and
                states.contains(a11y.pyatspi.STATE_EDITABLE))

    def next_step(self, title):
        self.press(self.gettext("Next: %s").replace("_", "") % self._(title))
        time.sleep(0.5)  # the stack's crossfade: buttons of the new page work once shown

    def quit(self):
        """Closes the window with its close button, as a person would; the
        last changes are written then. With a profile of a server account
        open the application stays in the background to notify news
        (docs/background.md): then Quit ends it, as the main menu's does."""
        a11y.press(a11y.find(self.frame, role="push button", name=self.gtk("Close")))
        end_after_close(self.process)


    def open_profile(self, real_name):
        """Presses the profile's Open button on the welcome page until its
        password dialog is up: the list is built again when the page shows,
        and a press on a row that is being replaced is lost."""
        label = self.gettext("Open the profile of %s") % real_name

        def dialog_up():
            return any(w.getRoleName() == "dialog" for w in self.app)

        for _ in range(3):
            assert self.process.poll() is None, f"baokao exited {self.process.returncode}"
            try:
                a11y.press(a11y.find(self.frame, role="push button", name=label, timeout=15))
                a11y.wait_for(dialog_up, 10, "the password dialog")
                return
            except Exception as e:  # a row replaced under the press
                print(f"pressing “{label}” again after: {e}", file=sys.stderr)
                time.sleep(0.5)
        raise AssertionError(f"“{label}” opened no password dialog")

    def unlock(self, password, expect_retry=False):
        """Types the password into the dialog that asks for it, and opens."""
        body = self._("That password is not right. Type it again; if you have forgotten it, "
                      "ask the help desk." if expect_retry else
                      "Type the password of this profile. It keeps the profile private on a "
                      "shared computer.")

        def dialog_saying_it():
            for node in self.app:
                if node.getRoleName() == "dialog" and any(
                        name == body for _, name in a11y.names(node)):
                    return node
            return None
        dialog = a11y.wait_for(dialog_saying_it, 15, f"a dialog saying “{body}”")
        field = a11y.find_text_field(dialog, self._("Password"))
        a11y.set_text(field, password)
        self.press("_Open", dialog)
        return dialog

    def fill_basics(self):
        """The profile step's basics and contact details."""
        for label, value in (("Ethnic group", "汉族"),
                             ("Employer (work unit)", "上海市计量测试技术研究院"),
                             ("Email", "zhangsan@example.com"),
                             ("Postal address", "上海市徐汇区桂箐路69号"),
                             ("Postcode", "200233")):
            self.type(label, value)

    def add_records(self, shot_education=False):
        """An education record and a period of metrology work."""
        self.press("Add Education")
        dialog = self.window("Education Record")
        self.type("School", "中国计量大学", dialog)
        # Exactly as on the certificate, brackets and all; "&" and "<" must
        # show as typed, not be taken for markup.
        self.type("Major, exactly as on the certificate", MAJOR, dialog)
        self.type("Graduation date (YYYY-MM-DD)", "2010-07-01", dialog)
        self.type("Certificate number (17 or 18 digits)", "103561201005000123", dialog)
        if shot_education:
            self.shot("education-dialog")
        self.press("_Save", dialog)
        self.press("Add Work")
        dialog = self.window("Period of Work")
        self.type("Employer", "上海市计量测试技术研究院", dialog)
        self.type("From (YYYY-MM-DD)", "2010-07-15", dialog)
        a11y.press(a11y.find(dialog, role="check box", name=self._("Metrology technical work")))
        self.press("_Save", dialog)

    def gtk(self, msgid):
        catalogue = gettext.translation("gtk40", languages=[self.language], fallback=True)
        return catalogue.gettext(msgid)

    def run(self):
        self.start()
        self.see("Welcome to Baokao")
        self.shot("welcome")

        # 1. Account: a mistyped ID number is caught at once, then corrected.
        self.press("_New Profile")
        # GTK emits "clicked" a moment after the accessible press; type only
        # once the new profile's workspace is there.
        self.see("New Profile")
        time.sleep(0.5)
        # The focus is in the first field; Tab alone walks the form in order
        # and never wanders into another step.
        self.tab_walk(("User name", "Password", "Repeat password", "Real name", "ID number",
                       "Mobile phone number"), stay_on="2. Profile")
        self.type("User name", "zhangsan")
        self.type("Password", "correct horse")
        self.type("Repeat password", "correct horse")
        self.type("Real name", "张三")
        self.type("ID number", "110105194912310021")
        self.see("The check character does not match the other digits; one of them is "
                 "probably mistyped.")
        self.type("Mobile phone number", "1380013800")
        self.shot("account-errors")
        self.type("ID number", "11010519491231002X")
        self.type("Mobile phone number", "13800138000")
        # Birth date and sex come from the number, written the language's way.
        birth = datetime.date(1949, 12, 31).strftime(self.gettext("%Y-%m-%d"))
        self.see(self.gettext("%s · %s") % (birth, self._("Female")))
        self.shot("account")

        # 2. Profile: basics, contact details, an education record, a period of work.
        self.next_step("2. Profile")
        self.fill_basics()
        self.add_records(shot_education=True)
        self.see("%s · %s" % (self.gettext("bachelor"), MAJOR))
        self.see("上海市计量测试技术研究院")
        self.shot("profile")

        # 3. Photo: a blue background is refused and says why; a good one is accepted.
        self.next_step("3. Photo")
        self.press("Choose Photo…")
        a11y.choose_file(self.app, self._("Choose Your Photo"), REFUSED_PHOTO)
        self.see("Refused: fix what is marked and choose another photo", timeout=20)
        self.shot("photo-refused")
        self.press("Choose Photo…")
        a11y.choose_file(self.app, self._("Choose Your Photo"), GOOD_PHOTO)
        self.see("Accepted", timeout=20)
        self.shot("photo-accepted")
        # A refused photo after an accepted one replaces nothing.
        self.press("Choose Photo…")
        a11y.choose_file(self.app, self._("Choose Your Photo"), REFUSED_PHOTO)
        self.see("Refused, and not used: your accepted photo stays in use. Fix what is marked "
                 "and choose another photo if you want to replace it.", timeout=20)
        self.see("Your accepted photo, still in use: it goes on your admission ticket")
        self.see(self.gettext("%s (refused, not used)") % os.path.basename(REFUSED_PHOTO))
        self.shot("photo-refused-after-accepted")

        # 4. Eligibility: a bachelor in science with 15 years of metrology work.
        self.next_step("4. Eligibility")
        self.see("Eligible")
        self.shot("eligibility")

        # 5. Application: the only Shanghai point is chosen; sign and submit.
        self.next_step("5. Application")
        self.press("I will use the commitment system")
        self.type("Type your real name to sign", "李四")
        self.press("_Sign")
        self.see("Type your real name exactly as in your account, to show that you sign "
                 "yourself.")
        self.type("Type your real name to sign", "张三")
        self.press("_Sign")
        # The commitment is the candidate's own act: their profile's password.
        dialog = self.window("Sign the Commitment?")
        self.type("Password", "correct horse", dialog)
        self.shot("commitment-password")
        self.press("_Sign Commitment", dialog)
        self.see_prefix("You signed the commitment on %s.")
        self.shot("application-signed")
        self.press("S_ubmit Application")
        # Submitting asks first, with a summary of what is submitted.
        dialog = self.window("Submit Your Application?")
        self.see_prefix("Candidate: %s (%s)", dialog)
        self.press("_Submit Application", dialog)

        # 6. Status: submitted, waiting for the automatic check.
        try:
            self.see(self.gettext("Submitted"))
        except AssertionError:
            print("on screen:", [n for _, n in a11y.names(self.frame) if len(n) > 30],
                  file=sys.stderr)
            raise
        self.shot("status")

        # What was submitted is locked: a banner says so and what to do, and
        # the identity the application was worked out from cannot change.
        self.step_to(0)
        self.see("Your application is submitted: your identity, photo, education and work "
                 "records and the application itself can no longer be changed here. If "
                 "something in it is wrong, ask the help desk of your registration point "
                 "before registration closes.")
        assert not self.is_usable(a11y.find_text_field(self.frame, self._("Real name")))
        assert not self.is_usable(a11y.find_text_field(self.frame, self._("ID number")))
        self.shot("submitted-locked")
        self.step_to(5)

        # The keyboard alone moves between the steps: Alt+Page Up, Alt+Page Down.
        # (The Next button names the step after the one on show.)
        to_status = self.gettext("Next: %s").replace("_", "") % self._("6. Status")
        a11y.press_key(keysym=0xff55, with_alt=True)  # Page_Up
        a11y.find(self.frame, role="push button", name=to_status)
        a11y.press_key(keysym=0xff56, with_alt=True)  # Page_Down
        a11y.find(self.frame, role="push button", name=self._("Next Step"))
        self.quit()

        # The database has it all, and the outbox has an entry for every change.
        db = sqlite3.connect(os.path.join(self.home, "data", "baokao", "baokao.db"))
        state, commitment = db.execute("SELECT state, commitment FROM application").fetchone()
        assert state == "submitted", state
        assert db.execute("SELECT count(*) FROM education").fetchone()[0] == 1
        kept = db.execute("SELECT file_name FROM photo WHERE kind = 'original' AND accepted = 1"
                          ).fetchall()
        assert kept == [(os.path.basename(GOOD_PHOTO),)], kept
        assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] > 0
        db.close()

        # Another candidate's draft on the same computer (made with the tool).
        subprocess.run([tool, "profiles", "--add-demo", "--photo", GOOD_PHOTO],
                       env=self.environment(), input="demo password\n", text=True, check=True,
                       stdout=subprocess.DEVNULL)

        # Start again the day after registration closed. The draft says so,
        # and cannot be signed or submitted any more.
        self.start(now=AFTER_REGISTRATION)
        self.open_profile("张伟")
        self.unlock("demo password")
        self.step_to(5)
        self.see("Registration closed")
        self.see_prefix("Registration closed on %s before this application was submitted. "
                        "There is no late registration.")
        self.shot("draft-after-registration")
        self.step_to(4)
        for label in ("_Sign", "S_ubmit Application"):
            button = a11y.find(self.frame, role="push button", name=self._(label))
            assert not button.getState().contains(a11y.pyatspi.STATE_SENSITIVE), label
        self.shot("draft-cannot-be-signed")

        # Switch to the first profile: locked by its password, and nothing of
        # the other candidate is left on screen.
        self.press("Profiles")
        self.see("New Profile")
        time.sleep(0.5)  # the list of profiles is built again as the page shows
        self.open_profile("张三")
        self.unlock("wrong password")
        self.unlock("correct horse", expect_retry=True)
        self.shot("unlocked")
        self.see(self.gettext("Submitted"))  # the workspace opens on the profile step
        self.see("上海市计量测试技术研究院")
        self.see("%s · %s" % (self.gettext("bachelor"), MAJOR))
        # The list of profiles, behind the workspace, names every profile (GTK
        # 4.8 marks nothing there as not showing); the workspace must not.
        listed = a11y.find(self.frame, role="list item", name="张伟").parent
        in_list = sum("张伟" in (n.name or "") for n in a11y.descendants(listed))
        left = [n.name for n in a11y.descendants(self.frame) if "张伟" in (n.name or "")]
        assert in_list > 0 and len(left) == in_list, \
            f"the other profile's data is still on screen: {left}"
        self.shot("restored")
        self.quit()
        print(f"ok {self.language}: {self.step} screenshots in {self.shots}")


if __name__ == "__main__":  # test-sync-flow.py builds on Flow
    for language in ("en", "zh_CN"):
        flow = Flow(language)
        try:
            flow.run()
        except BaseException:
            print(f"{language}: the application's home is kept in {flow.home}", file=sys.stderr)
            raise
        finally:
            if flow.process is not None and flow.process.poll() is None:
                flow.process.terminate()
                flow.process.wait(timeout=10)
        # Passed: the home goes; the screenshots stay in the build tree.
        shutil.rmtree(flow.home, ignore_errors=True)
