#!/usr/bin/python3
"""Seats and signed admission tickets issued by the real baokao-server
(`baokao-server admin allocate-seats SESSION_ID`) on both seeds' sessions:
Shanghai (free) and Liaoning (an unpaid application is not placed); the
order of the seats; a second run keeps every ticket issued and places only
new ones; not enough seats writes nothing and says how many are left
unplaced; the key comes from the configuration, the development key only
with --dev; the candidate's pull brings a ticket that `baokao-tool ticket
verify` accepts (and refuses with one character changed); a candidate
cannot push a ticket of their own; GET /v1/staff/tickets gives a point's
staff its signed tickets, and its authorisation matrix (another point,
candidate, admin, nobody); everything is in the audit log."""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from serverlib import Server, WorkflowCandidate, change  # noqa: E402

SH, LN = "shanghai-2026", "liaoning-2020"
SH_POINT, LN_POINT = "2916", "沈阳市考试院"
DATA = os.path.join(os.environ.get("BAOKAO_DATADIR", ""), "sessions")
TOOL = sys.argv[2]
DEV_KEY = os.path.join(os.path.dirname(__file__), "..", "ticket", "test-authority.key")

server = Server(sys.argv[1], config="[workflow]\nspot-check-rate=0\n",
                env={"BAOKAO_NOW": "2026-04-08T09:00:00+08:00"})
serial = [500]
everyone = []


class Candidate(WorkflowCandidate):
    def __init__(self, name, session, point, **fields):
        serial[0] += 1
        super().__init__(server, name, serial[0], session, point, **fields)
        everyone.append(self)


def travel(**env):
    server.restart(**env)
    for c in everyone:
        c.token = server.sign_in(c.name)


def allocate(session, *args):
    return server.admin("allocate-seats", *args, session)


def ticket_of(c):
    return c.latest()["payload"].get("ticket")


def verify(text):
    return subprocess.run([TOOL, "ticket", "verify", "--json", text], capture_output=True,
                          text=True, timeout=30)


def session_file(name, venues):
    """The Shanghai session with other venues, to add with admin add-session."""
    with open(os.path.join(DATA, SH + ".json")) as f:
        session = json.load(f)
    session["venues"] = [dict(session["venues"][0], rooms=rooms, seats_per_room=seats)
                         for rooms, seats in venues]
    path = os.path.join(server.state_dir, name)
    with open(path, "w") as f:
        json.dump(session, f, ensure_ascii=False)
    return path


def check_ticket(c, province):
    """The ticket as the candidate's pull brings it, checked as the
    invigilator's scan would be."""
    ticket = ticket_of(c)
    assert ticket is not None, c.latest()
    number = ticket["number"]
    assert len(number) == 12 and number.startswith(province), ticket
    assert number.endswith(f"{ticket['venue']:02d}{ticket['room']:03d}{ticket['seat']:02d}")
    assert ticket["venue_name"] and ticket["venue_address"] and ticket["subjects"], ticket
    result = verify(ticket["signed"])
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["number"] == number and shown["id_number"] == c.id_number, shown
    assert (shown["room"], shown["seat"]) == (ticket["room"], ticket["seat"]), shown
    return ticket


try:
    server.start()
    assert server.admin("create-admin", "--user-name", "root", "--real-name", "管理员",
                        password="admin password").returncode == 0
    for user, point in [("sh", SH_POINT), ("other", "9999")]:
        assert server.admin("create-staff", "--user-name", user, "--real-name", "审核员",
                            "--session", SH, "--point", point).returncode == 0

    # Shanghai (free): seven candidates submit; confirmation comes later.
    sh = [Candidate(f"shcand{i}", SH, SH_POINT, real_name="考生" + "甲乙丙丁戊己庚"[i])
          for i in range(7)]
    for c in sh:
        c.submit()
        assert c.latest()["payload"]["state"] == "automatic-check-passed"
    travel(BAOKAO_NOW="2026-04-17T12:00:00+08:00")
    first, later, crowd = sh[:3], sh[3], sh[4:]
    for c in first:
        assert c.confirm()[0] == 200

    # No key: nothing is signed, and the message says where the key goes.
    result = allocate(SH)
    assert result.returncode == 1 and "signing-key" in result.stderr, result.stderr
    assert all(ticket_of(c) is None for c in sh)

    # The development key, only with --dev; the confirmed are placed in
    # the order point, confirmation time, application id: the same time
    # here, so by id.
    result = allocate(SH, "--dev")
    assert result.returncode == 0, result.stderr
    assert "3 tickets issued" in result.stdout, result.stdout
    tickets = {c.app_id: check_ticket(c, "3126") for c in first}
    seats = [(t["venue"], t["room"], t["seat"]) for _, t in sorted(tickets.items())]
    assert seats == [(1, 1, 1), (1, 1, 2), (1, 1, 3)], seats
    # Not confirmed: no ticket. The state stays confirmed: printing is the
    # candidate's step.
    assert all(ticket_of(c) is None for c in sh[3:])
    assert all(c.latest()["payload"]["state"] == "confirmed" for c in first)

    # One character changed: refused.
    text = tickets[first[0].app_id]["signed"]
    altered = text[:20] + ("A" if text[20] != "A" else "B") + text[21:]
    assert verify(altered).returncode == 1

    # Repeatable: a second run changes no ticket issued and places the new one.
    versions = {c.app_id: c.latest()["version"] for c in first}
    assert later.confirm()[0] == 200
    result = allocate(SH, "--dev")
    assert result.returncode == 0 and "1 tickets issued, 3 already issued kept" in result.stdout, \
        result.stdout
    for c in first:
        latest = c.latest()
        assert latest["version"] == versions[c.app_id], latest
        assert latest["payload"]["ticket"] == tickets[c.app_id]
    assert (check_ticket(later, "3126")["room"], ticket_of(later)["seat"]) == (1, 4)
    result = allocate(SH, "--dev")
    assert result.returncode == 0 and "0 tickets issued, 4 already issued kept" in result.stdout

    # Not enough seats: a venue of one room of five seats, three waiting.
    for c in crowd:
        assert c.confirm()[0] == 200
    assert server.admin("add-session", session_file("small.json", [(1, 5)])).returncode == 0
    versions = {c.app_id: c.latest()["version"] for c in crowd}
    result = allocate(SH, "--dev")
    assert result.returncode == 1, result.stdout
    assert "not enough seats" in result.stderr and "2 would be left unplaced" in result.stderr \
        and "nothing was written" in result.stderr, result.stderr
    assert all(c.latest()["version"] == versions[c.app_id] for c in crowd)
    assert all(ticket_of(c) is None for c in crowd)
    # A second room: all three placed, the next seats in order.
    assert server.admin("add-session", session_file("two.json", [(2, 5)])).returncode == 0
    result = allocate(SH, "--dev")
    assert result.returncode == 0 and "3 tickets issued" in result.stdout, result.stderr
    placed = sorted((ticket_of(c)["room"], ticket_of(c)["seat"]) for c in crowd)
    assert placed == [(1, 5), (2, 1), (2, 2)], placed

    # The key from the configuration; a candidate's push of a ticket of
    # their own is refused: the server owns it.
    server.config += f"[tickets]\nsigning-key={os.path.abspath(DEV_KEY)}\n"
    travel()
    payload = dict(later.latest()["payload"])
    forged = dict(payload["ticket"], seat=9)
    status, _, body = server.push(later.token, [change(
        "application", later.app_id, "update", later.latest()["version"] + 1,
        dict(payload, ticket=forged))])
    assert body["results"][0]["status"] == 403, body
    assert body["results"][0]["code"] == "server_owned_field", body
    assert ticket_of(later)["seat"] == 4

    # The help desk's batch: the staff of the point read its signed
    # tickets in number order; another point's staff see none of them;
    # candidates and admins are refused, and audited.
    staff, other = server.sign_in("sh", "staff password"), server.sign_in("other", "staff password")
    status, _, body = server.request("GET", "/v1/staff/tickets", token=staff)
    assert status == 200 and body["point_code"] == SH_POINT, (status, body)
    listed = body["tickets"]
    assert sorted(t["application_id"] for t in listed) == sorted(c.app_id for c in sh), listed
    assert [t["number"] for t in listed] == sorted(t["number"] for t in listed), listed
    for t in listed:
        c = next(c for c in sh if c.app_id == t["application_id"])
        assert t["signed"] == ticket_of(c)["signed"] and verify(t["signed"]).returncode == 0
    status, _, body = server.request("GET", "/v1/staff/tickets", token=other)
    assert status == 200 and body["tickets"] == [], body
    root = server.sign_in("root", "admin password")
    for token, want in [(later.token, 403), (root, 403), (None, 401)]:
        status, _, body = server.request("GET", "/v1/staff/tickets", token=token)
        assert status == want and body["code"], (status, body)
    log = [(e["decision"], e["status"]) for e in server.audit_log(root)
           if e["action"] == "staff-tickets"]
    assert log == [("allowed", 200)] * 2 + [("refused", 403)] * 2 + [("refused", 401)], log

    # Liaoning (fees): only the paid application is placed.
    travel(BAOKAO_NOW="2020-08-15T10:00:00+08:00")
    ln = [Candidate(f"lncand{i}", LN, LN_POINT) for i in range(2)]
    for c in ln:
        c.submit()
        assert c.confirm()[0] == 200
    path = os.path.join(server.state_dir, "payments.csv")
    with open(path, "w") as f:
        f.write(f"application_id,receipt,amount_yuan\n{ln[0].app_id},LN-0001,136\n")
    assert server.admin("import-payments", path).returncode == 0
    result = allocate(LN)
    assert result.returncode == 0, result.stderr
    assert "1 tickets issued" in result.stdout and "1 confirmed but not paid" in result.stdout, \
        result.stdout
    check_ticket(ln[0], "2120")
    assert ticket_of(ln[1]) is None
    assert allocate("no-such-session").returncode == 1

    # Every run is audited, the refusals too.
    root = server.sign_in("root", "admin password")
    log = [(e["decision"], e["path"]) for e in server.audit_log(root)
           if e["action"] == "allocate-seats"]
    assert log == [("allowed", SH)] * 3 + [("refused", SH), ("allowed", SH), ("allowed", LN),
                                            ("refused", "no-such-session")], log
    print("ok")
finally:
    server.cleanup()
