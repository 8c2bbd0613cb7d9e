#!/usr/bin/python3
"""The help desk against the real baokao-server: this starts the server
(tests/server/serverlib.py) in Shanghai 2026's verification window, makes
a staff account for point 2916 with the admin command, and seeds it as
candidates would: one application with a JPEG proof, one with a PDF proof
(both waiting for manual verification), one routed to an on-site check,
and one at another point. Then test-staff-window drives the window (sign
in, counts, search, open, proofs shown, decide, export, sign out); this
checks what it left on the server (the decision in the candidate's pull
and in the audit log) and reads the exported .xlsx back with openpyxl and
the CSV with the csv module. The window runs again in Chinese for the
screenshots. Last, on Liaoning 2020 (which charges a fee), a point's
staff record a confirmed candidate's payment (a wrong amount first).

    test-staff-window.py TEST-STAFF-WINDOW BAOKAO-SERVER JPEG SCREENSHOT-DIR BAOKAO-TOOL
"""
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(here), "server"))
sys.path.insert(0, os.path.join(os.path.dirname(here), "ticket"))
import cupslib  # noqa: E402
from serverlib import Server, WorkflowCandidate, change  # noqa: E402

test_binary, server_binary, jpeg_path, shots, tool = sys.argv[1:6]
if not os.environ.get("DISPLAY"):
    print("skipped: no display (run under Xvfb, see HACKING.md)")
    sys.exit(77)
import openpyxl  # noqa: E402


def tiny_pdf(text):
    """A one-page PDF with @text, offsets computed so poppler reads it strictly."""
    stream = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return out


SH, POINT = "shanghai-2026", "2916"
tmp = tempfile.mkdtemp(prefix="baokao-test-staff-window-")
# No spot-check draw: the passed application goes straight to confirmation.
server = Server(server_binary, config="[workflow]\nspot-check-rate=0\n",
                env={"BAOKAO_NOW": "2026-04-08T09:00:00+08:00"})
failures = []
try:
    server.start()
    for user, point in [("desk", POINT), ("elsewhere", "9999")]:
        r = server.admin("create-staff", "--user-name", user, "--real-name", "审核员",
                         "--session", SH, "--point", point)
        assert r.returncode == 0, r.stderr
    assert server.admin("create-admin", "--user-name", "root", "--real-name", "管理员",
                        password="admin password").returncode == 0

    def candidate(name, serial, real_name, proof=None, point=POINT, photo=None, **fields):
        c = WorkflowCandidate(server, name, serial, SH, point, real_name=real_name, **fields)
        if photo is not None:
            c.upload_photo(photo)
        if proof is not None:
            file_name, data = proof
            proof_id = str(uuid.uuid4())
            status, _, body = server.push(c.token, [change(
                "proof", proof_id, "insert", 1,
                {"id": proof_id, "application_id": c.app_id, "kind": "work-certificate",
                 "file_name": file_name, "size": len(data), "sha256": None})])
            assert body["results"][0]["status"] == 201, body
            status, _, body = server.request("PUT", f"/v1/proofs/{proof_id}/file", raw=data,
                                             token=c.token, content_type="application/octet-stream")
            assert status == 200, (status, body)
        c.submit()
        return c

    with open(jpeg_path, "rb") as f:
        jpeg = f.read()
    people = {
        # The JPEG proof's candidate's photo file is on the server; the others' are not.
        "jpeg": candidate("jpeg", 201, "王小明", ("工作证明.jpg", jpeg), commitment="no",
                          photo=jpeg),
        "pdf": candidate("pdfcand", 202, "李华", ("学历证明.pdf", tiny_pdf("Work certificate")),
                         commitment="no"),
        "onsite": candidate("onsite", 203, "张伟", id_type="passport"),
        "other": candidate("other", 204, "赵六", point="9999", commitment="no"),
    }
    seed = {k: {"name": {"jpeg": "王小明", "pdf": "李华", "onsite": "张伟", "other": "赵六"}[k],
                "id_number": c.id_number, "application_id": c.app_id}
            for k, c in people.items()}
    seed_path = os.path.join(tmp, "seed.json")
    with open(seed_path, "w") as f:
        json.dump(seed, f, ensure_ascii=False)
    os.makedirs(shots, exist_ok=True)

    url, ca = f"https://127.0.0.1:{server.port}/", server.ca_file
    r = subprocess.run([test_binary, url, ca, seed_path, tmp], capture_output=True, text=True,
                       timeout=240, env=dict(os.environ, LANGUAGE="en"))
    if r.returncode != 0:
        failures.append(f"the window failed: {r.returncode}\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}")
    else:
        # The decision reached the server: the candidate's pull brings it,
        # and the audit log has it with the staff member.
        latest = people["pdf"].latest()["payload"]
        if latest["state"] != "manual-check-passed" or \
                latest["decisions"][-1]["decision"] != "pass" or \
                latest["decisions"][-1]["reason"] != "records-verified":
            failures.append(f"the decision is not the candidate's: {latest}")
        root = server.sign_in("root", "admin password")
        status, _, body = server.request("GET", "/v1/audit?limit=1000", token=root)
        if not any(e["action"] == "staff-decision" and e["decision"] != "refused"
                   for e in body["entries"]):
            failures.append("no staff-decision line in the audit log")
        if people["jpeg"].latest()["payload"]["state"] != "proofs-submitted":
            failures.append("the JPEG proof's application moved without a decision")

        # The exported list: the point's applications, not another point's.
        sheet = openpyxl.load_workbook(os.path.join(tmp, "point.xlsx")).active
        rows = [[c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]
        with open(os.path.join(tmp, "point.csv"), encoding="utf-8-sig", newline="") as f:
            csv_rows = list(csv.reader(f))
        for what, table in [("xlsx", rows), ("csv", csv_rows)]:
            header, body_rows = table[0], table[1:]
            if header[:5] != ["Name", "ID Number", "Ticket Number", "State", "State Code"]:
                failures.append(f"{what}: header {header}")
            got = {(r[0], r[1], r[4]) for r in body_rows}
            want = {("王小明", people["jpeg"].id_number, "proofs-submitted"),
                    ("李华", people["pdf"].id_number, "manual-check-passed"),
                    ("张伟", people["onsite"].id_number, "automatic-check-failed")}
            if got != want:
                failures.append(f"{what}: rows {got}, expected {want}")

    # The same window in Chinese, for the screenshots.
    r = subprocess.run([test_binary, url, ca, seed_path, tmp, "look"], capture_output=True,
                       text=True, timeout=240,
                       env=dict(os.environ, LANG="C.UTF-8", LANGUAGE="zh_CN"))
    if r.returncode != 0:
        failures.append(f"the Chinese window failed: {r.returncode}\n{r.stdout[-3000:]}\n"
                        f"{r.stderr[-3000:]}")
    # Help a Candidate: the candidate's window on this computer's demo
    # profile (its own data directory), closed with the assist.
    home = os.path.join(tmp, "assist-home")
    assist_env = dict(os.environ, LANGUAGE="en", XDG_DATA_HOME=os.path.join(home, "data"),
                      XDG_CONFIG_HOME=os.path.join(home, "config"),
                      XDG_CACHE_HOME=os.path.join(home, "cache"))
    made = subprocess.run([tool, "profiles", "--add-demo", "--photo", jpeg_path], env=assist_env,
                          input="demo password\n", capture_output=True, text=True, check=True)
    seed["demo"] = {"profile_id": made.stdout.strip().splitlines()[-1],
                    "password": "demo password"}
    with open(seed_path, "w") as f:
        json.dump(seed, f, ensure_ascii=False)
    for language in ("en", "zh_CN"):
        r = subprocess.run([test_binary, url, ca, seed_path, tmp, "assist"], capture_output=True,
                           text=True, timeout=240, env=dict(assist_env, LANGUAGE=language))
        if r.returncode != 0:
            failures.append(f"the assist ({language}) failed: {r.returncode}\n{r.stdout[-3000:]}\n"
                            f"{r.stderr[-3000:]}")

    # The passed candidate confirms, the admin allocates seats; the staff
    # print the point's tickets in one batch (to a private CUPS-PDF queue
    # when this runs as root; saved as a PDF always).
    server.restart(BAOKAO_NOW="2026-04-17T11:00:00+08:00")
    people["pdf"].token = server.sign_in("pdfcand")
    status, _, body = people["pdf"].confirm()
    assert status == 200, (status, body)
    r = server.admin("allocate-seats", SH, "--dev")
    assert r.returncode == 0, r.stderr
    number = people["pdf"].latest()["payload"]["ticket"]["number"]

    def print_tickets(env):
        r = subprocess.run([test_binary, f"https://127.0.0.1:{server.port}/", server.ca_file,
                            seed_path, tmp, "tickets"], capture_output=True,
                           text=True, timeout=240, env=env)
        if r.returncode != 0:
            failures.append(f"the tickets failed: {r.returncode}\n{r.stdout[-3000:]}\n"
                            f"{r.stderr[-3000:]}")
        return r.returncode == 0

    can_print = os.geteuid() == 0 and shutil.which("cupsd") and os.path.exists(cupslib.PDF_BACKEND)
    if can_print:
        with cupslib.PrivateCups(tmp) as cups:
            if print_tickets(dict(cups.env, LANGUAGE="en", BAOKAO_TEST_CUPS_QUEUE=cupslib.QUEUE)):
                # CUPS-PDF names the file after the job's title, spaces as "_".
                printed = cups.wait_for_output("Admission_tickets_of_the_point")
                if printed is None:
                    failures.append("the CUPS-PDF queue wrote nothing: " + cups.error_log())
                else:
                    obj, problem = cupslib.read_printed(tool, printed, tmp)
                    if problem is not None:
                        failures.append(problem)
                    elif obj.get("name") != "李华" or obj.get("number") != number:
                        failures.append(f"the printed ticket is another one: {obj}")
    else:
        print("printing to CUPS skipped: needs root, cupsd and printer-driver-cups-pdf")
        print_tickets(dict(os.environ, LANGUAGE="en"))
    saved = os.path.join(tmp, "tickets.pdf")
    if os.path.exists(saved):
        info = subprocess.run(["pdfinfo", saved], capture_output=True, text=True).stdout
        text = subprocess.run(["pdftotext", saved, "-"], capture_output=True, text=True).stdout
        if re.search(r"^Pages:\s+1$", info, re.M) is None or number not in "".join(text.split()):
            failures.append(f"the saved tickets are not the point's one: {info} {text[:300]}")

    # Liaoning 2020 charges a fee: its staff record a payment at the point.
    server.restart(BAOKAO_NOW="2020-08-15T10:00:00+08:00")
    r = server.admin("create-staff", "--user-name", "lnd", "--real-name", "收费员",
                     "--session", "liaoning-2020", "--point", "沈阳市考试院")
    assert r.returncode == 0, r.stderr
    payer = WorkflowCandidate(server, "payer", 205, "liaoning-2020", "沈阳市考试院")
    payer.submit()
    status, _, body = payer.confirm()
    assert status == 200 and body["queue"] == "payment-due", (status, body)
    seed["payment"] = {"receipt": "LN-0042", "amount": "136.00"}
    with open(seed_path, "w") as f:
        json.dump(seed, f, ensure_ascii=False)
    r = subprocess.run([test_binary, f"https://127.0.0.1:{server.port}/", server.ca_file,
                        seed_path, tmp, "pay"], capture_output=True, text=True, timeout=240,
                       env=dict(os.environ, LANGUAGE="en"))
    if r.returncode != 0:
        failures.append(f"the payment failed: {r.returncode}\n{r.stdout[-3000:]}\n"
                        f"{r.stderr[-3000:]}")
    else:
        paid = payer.latest()["payload"]["workflow"].get("payment") or {}
        if paid.get("receipt") != "LN-0042" or paid.get("amount_fen") != 13600:
            failures.append(f"the payment is not on the server: {paid}")
    for name in os.listdir(tmp):
        if name.endswith(".png"):
            shutil.copy(os.path.join(tmp, name), shots)
finally:
    server.stop()
    server.cleanup()

if failures:
    print("\n".join(failures))
    print(f"files kept in {tmp}")
    sys.exit(1)
shutil.rmtree(tmp)
print("ok")
