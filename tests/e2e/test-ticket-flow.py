#!/usr/bin/python3
"""The admission ticket end to end, against the real baokao-server --dev
and a real CUPS queue: a candidate's profile made on this computer
(`baokao-tool profiles --add-demo`, with a real photo) is pushed by the
sync client, the application is submitted and passes the automatic check,
the candidate confirms it in the confirmation window, and the admin runs
`allocate-seats`. Then the application opens the profile within the
ticket-printing window: its sync pulls the ticket, the step
"7. Admission Ticket" appears, shows the ticket and prints it through
GtkPrintJob to the test's CUPS-PDF queue; the printed page is rendered
(pdftoppm), its QR code decoded (zbarimg) and verified (`baokao-tool
ticket verify`); saved as a PDF through the file chooser, its text holds
the ticket. Once in English and once in Chinese, each from the same
store as the sync client left it; screenshots of every step, and the
rendered printed page, land in SHOTS/<language>/.

    test-ticket-flow.py BAOKAO BAOKAO_SERVER BAOKAO_TOOL SYNC_DRIVER PHOTO_CORPUS SHOTS LOCALEDIR
"""
import gettext
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2elib import (SESSION, a11y, demo_candidate, run,  # noqa: E402
                    write_server_settings)
from e2elib import DEMO_NAME as NAME  # noqa: E402
from e2elib import demo_id_number as id_number  # noqa: E402
import cupslib  # noqa: E402
from serverlib import Server, change  # noqa: E402

cupslib.require()
a11y.require_session()
binary, server_binary, tool, driver, corpus, shots_root, localedir = sys.argv[1:8]

# Shanghai 2026: registration 7-13 April, confirmation 17-18 April, ticket
# printing 10 June 10:00 to 12 June 16:00.
REGISTER = "2026-04-08T10:00:00+08:00"
CONFIRM = "2026-04-17T12:00:00+08:00"
PRINTING = "2026-06-11T10:00:00+08:00"
USER, PASSWORD = "zhangwei", "demo password"


def prepare(server, home):
    """The candidate's computer as the sync client leaves it, and the
    server up to the issued ticket. Returns the ticket the server wrote."""
    _, app_id, token = demo_candidate(tool, driver, os.path.join(corpus, "good-413x579.jpg"),
                                      server, home, USER, PASSWORD, REGISTER)

    def latest():
        return [c for c in server.pull_all(token) if c["entity_id"] == app_id][-1]

    # The candidate signs the commitment and submits (the window's
    # submission, pushed as the client would): all subjects, automatic check.
    copy = latest()
    app = dict(copy["payload"], commitment="yes", commitment_signed_at=REGISTER, mode="all",
               state="submitted", submitted_at=REGISTER)
    status, _, body = server.push(token, [change("application", app_id, "update",
                                                 copy["version"] + 1, app)])
    assert status == 200 and body["results"][0]["status"] == 200, body
    assert latest()["payload"]["state"] == "automatic-check-passed", latest()

    # Confirmed in the confirmation window; the authority allocates seats.
    server.restart(BAOKAO_NOW=CONFIRM)
    token = server.sign_in(USER, PASSWORD)
    status, _, body = server.request("POST", "/v1/confirmations",
                                     {"application_id": app_id, "version": latest()["version"]},
                                     token=token)
    assert status == 200, (status, body)
    result = server.admin("allocate-seats", "--dev", SESSION)
    assert result.returncode == 0 and "1 tickets issued" in result.stdout, result
    ticket = latest()["payload"]["ticket"]
    assert ticket["signed"].startswith("BKT1."), ticket
    return ticket


class Flow:
    def __init__(self, language, template, server, cups):
        self.language = language
        self.server = server
        self.cups = cups
        self.home = tempfile.mkdtemp(prefix=f"baokao-e2e-ticket-{language}-")
        shutil.copytree(template, self.home, dirs_exist_ok=True)
        self.shots = os.path.join(shots_root, language)
        shutil.rmtree(self.shots, ignore_errors=True)
        self.step = 0
        self.gettext = gettext.translation("baokao", localedir=localedir, languages=[language],
                                           fallback=True).gettext
        self.process = None
        write_server_settings(self.home, server)

    def _(self, msgid):
        return self.gettext(msgid).replace("_", "")

    def start(self):
        env = dict(self.cups.env, LANG="C.UTF-8",
                   LANGUAGE=self.language if self.language != "en" else "",
                   HOME=self.home, XDG_DATA_HOME=os.path.join(self.home, "data"),
                   XDG_CONFIG_HOME=os.path.join(self.home, "config"),
                   XDG_CACHE_HOME=os.path.join(self.home, "cache"), BAOKAO_NOW=PRINTING,
                   GSETTINGS_BACKEND="keyfile",
                   # GTK's CUPS backend warns that it cannot reach colord (no
                   # system bus here): not our code, and printing works; so
                   # criticals only are fatal in this run of the application.
                   G_DEBUG="gc-friendly,fatal-criticals")
        self.process = subprocess.Popen([binary], env=env)
        self.app = a11y.find_application(self.process.pid)
        self.frame = a11y.find(self.app, role="frame", name=self._("Baokao"), timeout=20)

    def shot(self, name):
        time.sleep(0.6)
        self.step += 1
        return a11y.screenshot(os.path.join(self.shots, f"{self.step:02d}-{name}.png"))

    def see_prefix(self, text, timeout=10):
        wanted = self._(text).split("%s")[0]
        return a11y.wait_for(
            lambda: any(name.startswith(wanted) for _, name in a11y.names(self.frame)),
            timeout, f"text starting “{wanted}” on screen")

    def open_profile(self):
        label = self.gettext("Open the profile of %s") % NAME
        for _ in range(3):
            try:
                a11y.press(a11y.find(self.frame, role="push button", name=label, timeout=15))
                dialog = a11y.wait_for(
                    lambda: next((w for w in self.app if w.getRoleName() == "dialog"), None),
                    10, "the password dialog")
                break
            except Exception as e:  # a row replaced under the press
                print(f"pressing “{label}” again after: {e}", file=sys.stderr)
                time.sleep(0.5)
        else:
            raise AssertionError(f"“{label}” opened no password dialog")
        a11y.set_text(a11y.find_text_field(dialog, self._("Password")), PASSWORD)
        a11y.press(a11y.find(dialog, role="push button", name=self._("_Open")))

    def run(self, ticket):
        self.start()
        self.open_profile()
        # The sync pulls the ticket: its step appears in the sidebar.
        step = self._("7. Admission Ticket")
        sidebar = a11y.find(self.frame, name=self._("Steps"), timeout=20)
        row = a11y.find(sidebar, role="list item", name=step, timeout=60)
        self.shot("step-appears")
        sidebar.querySelection().selectChild(row.getIndexInParent())
        self.see_prefix("Print the ticket before %s.")
        self.shot("ticket")
        # Printed to the test's CUPS-PDF queue, the only (and default) printer.
        printer = a11y.find(self.frame, name=self._("Printer"))
        print_button = a11y.find(self.frame, role="push button", name=self._("_Print"))
        a11y.wait_for(lambda: print_button.getState().contains(a11y.pyatspi.STATE_SENSITIVE),
                      30, "the Print button usable (a printer found)")
        assert printer is not None
        a11y.press(print_button)
        self.see_prefix("The ticket was sent to “%s”. Check the printed page: the photo, your "
                        "details and the QR code must be clear.", timeout=60)
        self.shot("printed")
        pdf = self.cups.wait_for_output(ticket["number"])
        assert pdf is not None, "the CUPS-PDF queue wrote nothing: " + self.cups.error_log()
        read, problem = cupslib.read_printed(tool, pdf, self.home)
        assert problem is None, problem
        assert read["name"] == NAME and read["id_number"] == id_number(), read
        assert read["number"] == ticket["number"] and read["room"] == ticket["room"], read
        shutil.copy(os.path.join(self.home, "printed-1.png"),
                    os.path.join(self.shots, "printed-page.png"))
        os.unlink(pdf)  # the other language's print is looked for next
        # Saved as a PDF through the file chooser, in the home folder (no
        # Documents folder here) rather than where the program started:
        # text a reader can find.
        saved = os.path.join(self.home, "ticket.pdf")
        a11y.press(a11y.find(self.frame, role="push button", name=self._("_Save as PDF…")))
        dialog = a11y.find(self.app, name=self._("Save the Admission Ticket"), timeout=10)
        name = a11y.wait_for(lambda: next(
            (n for n in a11y.descendants(dialog)
             if n.getRoleName() == "text" and "EditableText" in n.get_interfaces()), None),
            10, "the file chooser's name field")
        time.sleep(0.5)
        a11y.set_text(name, "ticket.pdf")
        time.sleep(0.3)
        a11y.press_key(keysym=0xff0d)  # Return, in the name field that has the focus
        self.see_prefix("Saved as “%s”. Print it on A4 paper, black and white or colour.",
                        timeout=30)
        self.shot("saved")
        text = run(["pdftotext", saved, "-"])
        assert ticket["number"] in text and NAME in text and "准考证" in text, text
        a11y.press(a11y.find(self.frame, role="push button",
                             name=gettext.translation("gtk40", languages=[self.language],
                                                      fallback=True).gettext("Close")))
        # The profile has a server account: the application stays in the
        # background to notify news (docs/background.md); Quit ends it.
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            run(["gapplication", "action", "io.github.baokao.Baokao", "quit"])
            self.process.wait(timeout=20)
        print(f"ok {self.language}: {self.step} screenshots and the printed page in "
              f"{self.shots}")


server = Server(server_binary, config="[workflow]\nspot-check-rate=0\n",
                env={"BAOKAO_NOW": REGISTER})
template = tempfile.mkdtemp(prefix="baokao-e2e-ticket-")
cups_folder = tempfile.mkdtemp(prefix="baokao-e2e-cups-")
try:
    server.start()
    issued = prepare(server, template)
    with cupslib.PrivateCups(cups_folder) as cups:
        for language in ("en", "zh_CN"):
            flow = Flow(language, template, server, cups)
            try:
                flow.run(issued)
            except BaseException:
                print(f"{language}: the application's home is kept in {flow.home}",
                      file=sys.stderr)
                if flow.process is not None and flow.process.poll() is None:
                    flow.shot("failed")
                    print(a11y.names(flow.frame), file=sys.stderr)
                raise
            finally:
                if flow.process is not None and flow.process.poll() is None:
                    flow.process.terminate()
                    flow.process.wait(timeout=10)
            shutil.rmtree(flow.home, ignore_errors=True)
finally:
    # The failing language's home is kept (it says where); nothing else.
    server.stop()
    server.cleanup()
    shutil.rmtree(cups_folder, ignore_errors=True)
    shutil.rmtree(template, ignore_errors=True)
