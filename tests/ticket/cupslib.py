"""A private CUPS for printing tests: its own cupsd (configuration, spool
and socket in a temporary folder) with a CUPS-PDF queue. CUPS-PDF writes a
job whose user has no account on this computer to its anonymous folder,
named after the job's title.

    with PrivateCups(tmp) as cups:
        env = cups.env         # CUPS_SERVER and CUPS_USER for lp and GTK
        ...print with title T...
        pdf = cups.wait_for_output("T")
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import time

PDF_BACKEND = "/usr/lib/cups/backend/cups-pdf"
PPD = "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"
ANONYMOUS = "/var/spool/cups-pdf/ANONYMOUS"
QUEUE = "BaokaoPDF"
SKIP = 77


def require():
    """Exit as skipped where the test cannot run: the CUPS-PDF backend runs
    as root and writes to /var/spool/cups-pdf."""
    if os.geteuid() != 0 or not shutil.which("cupsd") or not os.path.exists(PDF_BACKEND):
        print("skipped: needs root, cupsd and printer-driver-cups-pdf")
        raise SystemExit(SKIP)


class PrivateCups:
    def __init__(self, folder):
        self.folder = folder
        self.socket = os.path.join(folder, "cups.sock")
        self.env = dict(os.environ, CUPS_SERVER=self.socket,
                        # No such account: CUPS-PDF writes to its anonymous folder.
                        CUPS_USER="baokao-test-nobody")
        self.cupsd = None
        self.outputs = []

    def __enter__(self):
        tmp = self.folder
        os.chmod(tmp, 0o755)
        for name in ("spool", "cache", "state", "log"):
            os.makedirs(os.path.join(tmp, name), exist_ok=True)
        shutil.chown(os.path.join(tmp, "spool"), "root", "lp")
        os.chmod(os.path.join(tmp, "spool"), 0o1770)
        with open(os.path.join(tmp, "cupsd.conf"), "w") as f:
            f.write(f"Listen {self.socket}\nLogLevel warn\nWebInterface No\nBrowsing No\n"
                    "DefaultAuthType None\n"
                    "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                    "<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n")
        with open(os.path.join(tmp, "cups-files.conf"), "w") as f:
            f.write(f"ServerRoot {tmp}\nRequestRoot {tmp}/spool\nCacheDir {tmp}/cache\n"
                    f"StateDir {tmp}/state\nTempDir {tmp}/spool\n"
                    f"AccessLog {tmp}/log/access_log\nErrorLog {tmp}/log/error_log\n"
                    f"PageLog {tmp}/log/page_log\nUser lp\nGroup lp\nSystemGroup root\n")
        self.cupsd = subprocess.Popen(["cupsd", "-f", "-c", os.path.join(tmp, "cupsd.conf"),
                                       "-s", os.path.join(tmp, "cups-files.conf")],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # lpstat -r exits 0 either way; it says which.
        for _ in range(300):
            if self.run("lpstat", "-r").stdout.strip() == "scheduler is running":
                break
            time.sleep(0.1)
        r = self.run("lpadmin", "-p", QUEUE, "-E", "-v", "cups-pdf:/", "-m", PPD, admin=True)
        if r.returncode != 0:
            raise SystemExit(f"lpadmin: {r.stdout} {r.stderr}")
        return self

    def run(self, *args, admin=False):
        """A CUPS command as the printing user, or (admin) as root."""
        env = dict(self.env)
        if admin:
            del env["CUPS_USER"]
        return subprocess.run(list(args), env=env, capture_output=True, text=True, timeout=60)

    def wait_for_output(self, title_part, timeout=60.0):
        """The PDF CUPS-PDF wrote for the job whose title holds title_part,
        once the queue is empty; None after timeout seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = glob.glob(os.path.join(ANONYMOUS, f"*{title_part}*.pdf"))
            if found and self.run("lpstat", "-o").stdout.strip() == "":
                self.outputs += found
                return found[0]
            time.sleep(0.1)
        return None

    def error_log(self):
        try:
            with open(os.path.join(self.folder, "log", "error_log")) as f:
                return f.read()[-2000:]
        except OSError:
            return "(no error log)"

    def __exit__(self, *exc):
        if self.cupsd is not None:
            self.cupsd.terminate()
            self.cupsd.wait(timeout=30)
        for path in self.outputs:
            if os.path.exists(path):
                os.unlink(path)
        return False


def scan_printed(pdf, folder):
    """What a scanner reads from the printed page: page 1 of pdf rendered at
    200 dpi (FOLDER/printed-1.png), its QR code decoded by zbarimg.
    Returns (the ticket code or None, what went wrong)."""
    png = os.path.join(folder, "printed")
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", pdf, png], check=True)
    r = subprocess.run(["zbarimg", "--raw", "-q", png + "-1.png"], capture_output=True, text=True)
    text = r.stdout.strip()
    if not text.startswith("BKT1."):
        return None, f"no QR code decoded from the printed page: {r.stdout!r} {r.stderr!r}"
    return text, None


def read_printed(tool, pdf, folder):
    """The printed page's QR code (scan_printed) checked by `baokao-tool
    ticket verify --json`. Returns (ticket JSON or None, what went wrong)."""
    text, problem = scan_printed(pdf, folder)
    if text is None:
        return None, problem
    r = subprocess.run([tool, "ticket", "verify", "--json", text], capture_output=True, text=True)
    obj = json.loads(r.stdout.splitlines()[-1]) if r.stdout else {}
    if r.returncode != 0 or not obj.get("valid"):
        return None, f"verify refuses the printed ticket: {r.stdout} {r.stderr}"
    return obj, None


def finish(failures, folder):
    """Prints the failures and keeps folder for a look, or removes it."""
    if failures:
        print("\n".join(failures))
        print(f"files kept in {folder}")
        sys.exit(1)
    shutil.rmtree(folder)
    print("ok")
