#!/usr/bin/python3
"""Issue 13's help desk end to end: two instances of the application on one
display (a candidate's home folder and a staff member's, the staff one on
a D-Bus session of its own), one real baokao-server and one CUPS-PDF
queue, driven through the accessibility tree as people would.

The candidate applies without the commitment and uploads a proof; the
staff member signs in as staff, opens the application from the manual
verification queue, sees the proof and passes it; the spot check draws it
(the rate is 100 %: the draw is certain, and the protocol's formula says
so) and in the spot-check review window the staff member passes it again;
in the confirmation window the candidate confirms with their password; the
admin allocates seats; in the ticket-printing window the staff member
prints the point's tickets to the CUPS queue and exports the point's list
(read back with openpyxl); the QR code decoded from the printed page is
pasted into the staff computer's Check or Print a Ticket window, which
says it is valid and whose it is. Each step waits for the server clock
(BAOKAO_NOW) of its window, set by restarting the server. Once in English
and once in Chinese, each with its own server and homes; a screenshot of
every step lands in SHOTS/<language>/, with the printed page.

    test-help-desk-flow.py BAOKAO BAOKAO_SERVER BAOKAO_TOOL SYNC_DRIVER PHOTO_CORPUS SHOTS LOCALEDIR
"""
import glob
import hashlib
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2elib import (DEMO_NAME, POINT, SESSION, Instance, PrivateBus, Shots, a11y,  # noqa: E402
                    demo_candidate, demo_id_number, write_server_settings)
import cupslib  # noqa: E402
from serverlib import Server, free_port  # noqa: E402

cupslib.require()
a11y.require_session()
import openpyxl  # noqa: E402

binary, server_binary, tool, driver, corpus, shots_root, localedir = sys.argv[1:8]

# Shanghai 2026's windows: registration and manual verification from 7
# April, the spot-check review 15-16 April, confirmation 17-18 April,
# ticket printing 10-12 June.
REGISTER = "2026-04-08T10:00:00+08:00"
SPOT_CHECK = "2026-04-15T10:00:00+08:00"
CONFIRM = "2026-04-17T12:00:00+08:00"
PRINTING = "2026-06-11T10:00:00+08:00"
USER, PASSWORD = "zhangwei", "demo password"
STAFF, STAFF_PASSWORD = "desk", "staff password"
SPOT_CHECK_SEED, SPOT_CHECK_RATE = 13, 100
POINT_MENU = "Tickets, Chart and Export"  # the staff header's menu
PROOF = "work-certificate.jpg"  # the kind the list offers first
CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"  # fonts-noto-cjk


def drawn(app_id):
    """docs/protocol.md's spot-check draw, as any server process makes it."""
    digest = hashlib.sha256(f"{SPOT_CHECK_SEED}:{app_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % 100 < SPOT_CHECK_RATE


def scan(path, lines):
    """A proof as a candidate photographs it: a page with lines of text."""
    from PIL import Image, ImageDraw, ImageFont
    page = Image.new("RGB", (827, 1169), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((40, 40, 787, 1129), outline="black", width=4)
    font = ImageFont.truetype(CJK_FONT, 48)
    for i, line in enumerate(lines):
        draw.text((120, 200 + 80 * i), line, fill="black", font=font)
    page.save(path, "JPEG", quality=90)


class HelpDeskFlow:
    def __init__(self, language, cups):
        self.language = language
        self.cups = cups
        self.shots = Shots(os.path.join(shots_root, language))
        self.folder = tempfile.mkdtemp(prefix=f"baokao-e2e-help-desk-{language}-")
        self.server = Server(server_binary, args=["--port", str(free_port())],
                             config=f"[workflow]\nspot-check-rate={SPOT_CHECK_RATE}\n"
                                    f"spot-check-seed={SPOT_CHECK_SEED}\n",
                             env={"BAOKAO_NOW": REGISTER})
        self.bus = None
        self.candidate = None
        self.staff = None

    def cups_env(self):
        return {name: self.cups.env[name] for name in ("CUPS_SERVER", "CUPS_USER")}

    def payload(self):
        return json.loads(self.server.one(
            "SELECT payload FROM entity WHERE type = 'application'"))

    def state(self):
        return self.server.one("SELECT state FROM entity WHERE type = 'application'")

    def wait_state(self, wanted, timeout=60):
        a11y.wait_for(lambda: self.state() == wanted, timeout,
                      f"the application “{wanted}” on the server (it is “{self.state()}”)")

    def clock(self, now):
        """The server's clock moves to NOW: a restart on the same port."""
        self.server.restart(BAOKAO_NOW=now)

    # The candidate's computer

    def candidate_applies(self):
        home = os.path.join(self.folder, "candidate")
        os.makedirs(home)
        _, self.app_id, _ = demo_candidate(tool, driver,
                                           os.path.join(corpus, "good-413x579.jpg"),
                                           self.server, home, USER, PASSWORD, REGISTER)
        write_server_settings(home, self.server)
        scan(os.path.join(home, PROOF), ["工作证明", "Work certificate", "上海市计量协会"])
        c = self.candidate = Instance(binary, localedir, self.language, home, self.shots,
                                      self.cups_env())
        c.start(REGISTER)
        c.open_profile(DEMO_NAME, PASSWORD)
        c.see(DEMO_NAME, timeout=60)  # the workspace's title
        # Synced first: a pull that brings the application again while the
        # choice is made would show the copy without it.
        c.see("Online", timeout=60)
        c.step_to(4)  # 5. Application
        c.press("I will not use it; I will upload proofs")
        c.type("Type your real name to sign", DEMO_NAME)  # the choice is the candidate's own
        c.press("_Sign")
        c.see_within("not used, proofs uploaded")  # in the review
        # The demo profile came with a placeholder certificate: the
        # candidate removes it and adds their own scan.
        c.press("Remove this proof")
        c.press_for_window("Add _Proof…", "Choose a Proof")
        a11y.choose_file(c.app, c._("Choose a Proof"), os.path.join(home, PROOF))
        c.see_prefix(PROOF, timeout=20)
        c.shot("candidate-without-commitment-proof-added")
        c.press("S_ubmit Application")
        dialog = c.window("Submit Your Application?")
        c.press("_Submit Application", dialog)
        self.wait_state("proofs-submitted")
        c.step_to(5)  # 6. Status
        c.see_prefix("Every file has reached the server. Your registration point looks at them "
                     "next.", timeout=90)
        c.shot("candidate-submitted-proofs-sent")
        c.quit()

    def candidate_confirms(self):
        c = self.candidate
        c.start(CONFIRM)
        c.open_profile(DEMO_NAME, PASSWORD)
        c.see(DEMO_NAME, timeout=60)
        c.step_to(5)  # 6. Status
        button = a11y.find(c.frame, role="push button", name=c._("_Confirm…"), timeout=60)
        a11y.wait_for(lambda: button.getState().contains(a11y.pyatspi.STATE_SENSITIVE), 60,
                      "the Confirm button usable")
        c.shot("candidate-ready-to-confirm")
        a11y.press(button)
        dialog = c.window("Confirm Your Application?")
        c.type("Password", PASSWORD, dialog)
        c.shot("candidate-confirm-password")
        c.press("_Confirm Application", dialog)
        self.wait_state("confirmed")
        c.see_prefix("You confirmed your application on %s. Nothing more to do here.",
                     timeout=60)
        c.shot("candidate-confirmed")
        c.quit()

    # The staff member's computer

    def staff_signs_in(self, now):
        """The staff instance, started at NOW, signed in as staff."""
        if self.staff is None:
            home = os.path.join(self.folder, "staff")
            os.makedirs(home)
            write_server_settings(home, self.server)
            self.staff = Instance(binary, localedir, self.language, home, self.shots,
                                  dict(self.cups_env(), **self.bus.env))
        s = self.staff
        s.start(now)
        s.menu("Sign In as _Staff…")
        window = s.window("Help Desk")
        s.type("User Name", STAFF, window)
        s.type("Password", STAFF_PASSWORD, window)
        s.press("_Sign In", window)
        # Signed in: the header shows Sign Out (hidden, and out of the
        # accessibility tree, until then).
        a11y.find(window, role="push button", name=s._("Sign _Out"), timeout=60)
        s.shot("staff-signed-in")
        return window

    def find_in_queue(self, window, queue_index, text):
        """Chooses the queue in the sidebar; returns the cell showing TEXT."""
        s = self.staff
        sidebar = a11y.find(window, name=s._("Queues"))
        sidebar.querySelection().selectChild(queue_index)
        return a11y.find(a11y.find(window, name=s._("Applications")), name=text, timeout=60)

    def open_in_queue(self, window, queue_index, queue):
        """Chooses the queue in the sidebar and opens the candidate's row."""
        s = self.staff
        cell = self.find_in_queue(window, queue_index, DEMO_NAME)
        s.shot(f"staff-queue-{queue}")
        click(cell)
        s.see(demo_id_number(), window, timeout=30)  # the candidate's data in the view

    def decide_pass(self, window, what):
        """Pass, with the reason the list offers first (records verified)."""
        s = self.staff
        s.see(s.gettext("Pass"), window)
        s.see(s.gettext("Records verified"), window)
        s.scroll_down(1000, 500, 40)  # the decision, at the end of the view
        s.press("Send Decision", window)
        s.see_prefix("Done: the application is now “%s”. The candidate sees it at their next "
                     "sync.", window, timeout=30)
        s.shot(f"staff-{what}-passed")

    def staff_passes_manual_check(self):
        window = self.staff_signs_in(REGISTER)
        self.open_in_queue(window, 1, "manual-verification")
        # The proof the candidate uploaded, shown in the window.
        a11y.wait_for(lambda: any(name.endswith(PROOF) for _, name in a11y.names(window)),
                      60, f"{PROOF} in the application view")  # "Work certificate · …"
        a11y.wait_for(lambda: not any(
            name == self.staff._("Fetching the file from the server…")
            for _, name in a11y.names(window)), 60, "the proof fetched")
        # The application view, scrolled down to the proofs.
        self.staff.scroll_down(1000, 500, 15)
        self.staff.shot("staff-sees-proof")
        self.decide_pass(window, "manual-check")
        self.wait_state("manual-check-passed")
        assert drawn(self.app_id), "the seeded draw should draw this application"
        assert self.payload()["workflow"]["spot_check_drawn"] is True, self.payload()
        self.staff.quit()

    def staff_passes_spot_check(self):
        window = self.staff_signs_in(SPOT_CHECK)
        self.open_in_queue(window, 2, "spot-check")
        self.decide_pass(window, "spot-check")
        self.wait_state("spot-check-passed")
        self.staff.quit()

    def staff_prints_and_exports(self):
        s = self.staff
        window = self.staff_signs_in(PRINTING)
        ticket = self.ticket
        self.find_in_queue(window, 0, ticket["number"])  # All at the Point
        s.shot("staff-point-list-with-ticket")

        # The point's tickets, printed to the CUPS-PDF queue.
        before = set(glob.glob(os.path.join(cupslib.ANONYMOUS, "*.pdf")))
        s.menu("Print _Tickets…", window, POINT_MENU)
        tickets = s.window("Print the Point's Tickets")
        print_button = a11y.find(tickets, role="push button", name=s._("_Print"))
        a11y.wait_for(lambda: print_button.getState().contains(a11y.pyatspi.STATE_SENSITIVE),
                      60, "the Print button usable (the tickets fetched, a printer found)")
        s.shot("staff-print-tickets")
        a11y.press(print_button)
        s.see_prefix("The tickets were sent to “%s”. Glue each candidate's photo into the box "
                     "on their ticket, or ask them to bring one.", tickets, timeout=60)
        s.shot("staff-tickets-printed")
        pdf = a11y.wait_for(lambda: next(iter(
            set(glob.glob(os.path.join(cupslib.ANONYMOUS, "*.pdf"))) - before), None)
            if self.cups.run("lpstat", "-o").stdout.strip() == "" else None,
            60, "the printed tickets from the CUPS-PDF queue: " + self.cups.error_log())
        self.cups.outputs.append(pdf)
        code, problem = cupslib.scan_printed(pdf, self.folder)
        assert problem is None, problem
        shutil.copy(os.path.join(self.folder, "printed-1.png"),
                    os.path.join(self.shots.folder, "printed-page.png"))
        a11y.press(a11y.find(tickets, role="push button", name=s.gtk("Close")))

        # The point's list, exported as a spreadsheet and read back.
        s.menu("Export _Spreadsheet…", window, POINT_MENU)
        s.save_as("Export the Point's List", "point.xlsx")
        s.see(s.gettext("The point's list was exported."), window, timeout=30)
        s.shot("staff-list-exported")
        sheet = openpyxl.load_workbook(os.path.join(s.home, "point.xlsx")).active
        rows = [["" if c is None else c for c in row] for row in sheet.iter_rows(values_only=True)]
        # Titles in the window's language; the state in its words, and its
        # code for other programs.
        assert rows[0][:5] == [s.gettext(t) for t in ("Name", "ID Number", "Ticket Number",
                                                      "State", "State Code")], rows[0]
        assert len(rows) == 2, rows
        name, id_number, number, _, state = rows[1][:5]
        assert (name, id_number, number, state) == \
            (DEMO_NAME, demo_id_number(), ticket["number"], "confirmed"), rows[1]
        return code

    def ticket_verifies(self, code):
        """The decoded QR code, pasted into Check or Print a Ticket."""
        s = self.staff
        s.menu("_Check or Print a Ticket", s.frame)
        window = s.window("Admission Ticket")
        field = a11y.find_text_field(window, s._("Ticket code"))
        a11y.set_text(field, code)
        a11y.press_key(keysym=0xff0d)  # Enter, in the field that has the focus
        s.see(s.gettext("Valid admission ticket, signed by the examination authority."), window,
              timeout=30)
        details = s.see_prefix("ID number %s\nTicket number %s\nRoom %03u, seat %02u\n%s", window)
        assert self.ticket["number"] in details and demo_id_number() in details, details
        s.see(DEMO_NAME, window)
        s.shot("staff-ticket-verified")
        s.quit()

    def run(self):
        self.server.start()
        r = self.server.admin("create-staff", "--user-name", STAFF, "--real-name", "审核员",
                              "--session", SESSION, "--point", POINT, password=STAFF_PASSWORD)
        assert r.returncode == 0, r.stderr
        # Ended in cleanup(), after the failure's screenshot: the staff
        # instance quits with its bus.
        self.bus = PrivateBus().start()
        self.candidate_applies()
        self.staff_passes_manual_check()
        self.clock(SPOT_CHECK)
        self.staff_passes_spot_check()
        self.clock(CONFIRM)
        self.candidate_confirms()
        r = self.server.admin("allocate-seats", "--dev", SESSION)
        assert r.returncode == 0 and "1 tickets issued" in r.stdout, r
        self.ticket = self.payload()["ticket"]
        self.clock(PRINTING)
        self.ticket_verifies(self.staff_prints_and_exports())

    def cleanup(self, failed):
        for instance in (self.candidate, self.staff):
            if instance is not None and instance.alive():
                try:
                    if failed:
                        print(a11y.names(instance.app), file=sys.stderr)
                        instance.shot("failed")
                except Exception as e:  # a blank screen fails the shot
                    print(f"no failure screenshot: {e}", file=sys.stderr)
                finally:
                    instance.stop()
        if self.bus is not None:
            self.bus.stop()
        self.server.stop()
        if failed:
            print(f"{self.language}: homes kept in {self.folder}; the server's state in "
                  f"{self.server.state_dir}", file=sys.stderr)
        else:
            self.server.cleanup()
            shutil.rmtree(self.folder, ignore_errors=True)


def click(node):
    """A click on the node's middle, as the pointer makes it: GTK 4.8 gives
    a list's cells no action."""
    x, y, w, h = node.queryComponent().getExtents(a11y.pyatspi.DESKTOP_COORDS)
    a11y.pyatspi.Registry.generateMouseEvent(x + w // 2, y + h // 2, "b1c")


cups_folder = tempfile.mkdtemp(prefix="baokao-e2e-help-desk-cups-")
try:
    with cupslib.PrivateCups(cups_folder) as cups:
        for language in os.environ.get("BAOKAO_E2E_LANGUAGES", "en zh_CN").split():
            flow = HelpDeskFlow(language, cups)
            failed = True
            try:
                flow.run()
                failed = False
            finally:
                flow.cleanup(failed)
            print(f"ok {language}: {flow.shots.count} screenshots and the printed page in "
                  f"{flow.shots.folder}")
finally:
    shutil.rmtree(cups_folder, ignore_errors=True)
