#!/usr/bin/python3
"""The application workflow on the real baokao-server over TLS, on both
seeds' sessions: the automatic check on submission (commitment or proofs,
on-site checks), staff queues and decisions (with a more-proofs-needed
round and the spot-check draw predicted from the seed), confirmation,
payment (Liaoning) or none (Shanghai), score imports; windows before,
inside and after, by BAOKAO_NOW; the authorisation matrix of every new
endpoint (refused and audited); bad input on every new endpoint; CSV
imports with a bad row; a server that stops between a push and its check;
staff account ids kept from candidates."""
import hashlib
import json
import os
import sys
import threading
import uuid

sys.path.insert(0, os.path.dirname(__file__))
from serverlib import Server, WorkflowCandidate, change, resident_id  # noqa: E402

RATE, SEED = 50, 7
SH, LN = "shanghai-2026", "liaoning-2020"
SH_POINT, LN_POINT = "2916", "沈阳市考试院"
DATA = os.path.join(os.environ.get("BAOKAO_DATADIR", ""), "sessions")


def drawn(app_id):
    """The spot-check draw, as docs/protocol.md defines it."""
    digest = hashlib.sha256(f"{SEED}:{app_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % 100 < RATE


def app_id_drawn(want):
    """A new application UUID whose draw is @want."""
    while True:
        app_id = str(uuid.uuid4())
        if drawn(app_id) == want:
            return app_id


server = Server(sys.argv[1], config=f"[workflow]\nspot-check-rate={RATE}\nspot-check-seed={SEED}\n",
                env={"BAOKAO_NOW": "2026-04-06T09:00:00+08:00"})
serial = [100]
everyone = []


def travel(**env):
    """Restarts the server at another BAOKAO_NOW; tokens expire with the
    days, so every candidate signs in again."""
    server.restart(**env)
    for c in everyone:
        c.token = server.sign_in(c.name)


class Candidate(WorkflowCandidate):
    """A candidate of this test's server, signed in again on each travel."""

    def __init__(self, name, session, point, **fields):
        serial[0] += 1
        super().__init__(server, name, serial[0], session, point, **fields)
        everyone.append(self)


def staff_read(token, app_id):
    return server.request("GET", f"/v1/staff/application?id={app_id}", token=token)


def decide(token, app_id, decision, reason="records-verified", text=None, version=None):
    if version is None:
        status, _, body = staff_read(token, app_id)
        assert status == 200, (status, body)
        version = body["version"]
    body = {"application_id": app_id, "version": version, "decision": decision, "reason": reason}
    if text is not None:
        body["text"] = text
    return server.request("POST", "/v1/staff/decisions", body, token=token)


def queues(token, queue=None):
    status, _, body = server.request(
        "GET", "/v1/staff/applications" + (f"?queue={queue}" if queue else ""), token=token)
    assert status == 200, (status, body)
    return body


def expect(result, status, code=None):
    got_status, _, body = result
    assert got_status == status, (got_status, body)
    if code is not None:
        assert body["code"] == code and body["message"], body
    return body


def write_csv(name, text):
    path = os.path.join(server.state_dir, name)
    with open(path, "w") as f:
        f.write(text)
    return path


try:
    server.start()
    assert server.admin("create-admin", "--user-name", "root", "--real-name", "管理员",
                        password="admin password").returncode == 0
    for user, session, point in [("sh", SH, SH_POINT), ("sh2", SH, "9999"), ("ln", LN, LN_POINT)]:
        result = server.admin("create-staff", "--user-name", user, "--real-name", "审核员",
                              "--session", session, "--point", point)
        assert result.returncode == 0, result.stderr

    # Before the registration window: a submission is not accepted.
    early = Candidate("early", SH, SH_POINT)
    early.submit()
    latest = early.latest()
    assert latest["version"] == 3 and latest["payload"]["state"] == "lapsed", latest
    assert latest["payload"]["verdict"]["code"] == "window_not_open", latest

    # Inside it: the automatic check routes each application.
    travel(BAOKAO_NOW="2026-04-08T09:00:00+08:00")
    root = server.sign_in("root", "admin password")
    sh = server.sign_in("sh", "staff password")
    sh2 = server.sign_in("sh2", "staff password")
    auto_drawn = [Candidate(f"drawn{i}", SH, SH_POINT, app_id=app_id_drawn(True)) for i in range(2)]
    auto_free = [Candidate(f"free{i}", SH, SH_POINT, app_id=app_id_drawn(False)) for i in range(2)]
    old_education = Candidate("oldedu", SH, SH_POINT, graduated="2000-07-01", proofs=1,
                              app_id=app_id_drawn(False))
    no_commitment = Candidate("nocommit", SH, SH_POINT, commitment="no", proofs=1)
    passport = Candidate("passport", SH, SH_POINT, id_type="passport", app_id=app_id_drawn(False))
    # The exam-integrity file: a bad row applies nothing; then it routes on site.
    clean = Candidate("clean", SH, SH_POINT, app_id=app_id_drawn(False))
    recorded = Candidate("recorded", SH, SH_POINT, app_id=app_id_drawn(False))
    bad = write_csv("bad-integrity.csv", f"id_number,recorded_until\n{clean.id_number},2027-12-31\n"
                    f"{recorded.id_number},2027-02-30\n")
    result = server.admin("import-integrity", bad)
    assert result.returncode == 1 and "bad-integrity.csv:3:" in result.stderr, result.stderr
    result = server.admin("import-integrity", write_csv(
        "integrity.csv", f"id_number,recorded_until\n{recorded.id_number.lower()},2027-12-31\n"
        f"{resident_id(999)},2026-01-31\n"))
    assert result.returncode == 0, result.stderr
    for c in [clean, recorded]:
        c.submit()
    assert clean.latest()["payload"]["state"] == "automatic-check-passed"
    payload = recorded.latest()["payload"]
    assert payload["state"] == "automatic-check-failed", payload
    assert payload["verdict"]["route"] == "on-site", payload
    assert payload["verdict"]["commitment_allowed"] is False, payload
    for c in auto_drawn + auto_free + [old_education, no_commitment, passport]:
        c.submit()
    # The server checks the profile is complete, as the application does
    # before it lets anyone submit: an incomplete one lapses, saying what
    # is missing.
    incomplete = Candidate("incomplete", SH, SH_POINT, without=("address", "postcode"))
    incomplete.submit()
    payload = incomplete.latest()["payload"]
    assert payload["state"] == "lapsed", payload
    assert payload["verdict"]["code"] == "profile_incomplete", payload
    assert "Contact address" in payload["verdict"]["reasons"][0] and \
        "Postcode" in payload["verdict"]["reasons"][0], payload
    for c in auto_drawn + auto_free:
        latest = c.latest()
        payload = latest["payload"]
        assert latest["version"] == 3 and payload["state"] == "automatic-check-passed", latest
        assert payload["verdict"]["eligible"] and payload["verdict"]["route"] == "automatic"
        assert payload["workflow"]["spot_check_drawn"] == drawn(c.app_id), payload
    payload = old_education.latest()["payload"]
    assert payload["state"] == "proofs-submitted" and payload["verdict"]["route"] == "proofs", \
        payload
    assert no_commitment.latest()["payload"]["state"] == "proofs-submitted"
    payload = passport.latest()["payload"]
    assert payload["state"] == "automatic-check-failed", payload
    assert payload["verdict"]["route"] == "on-site", payload

    # The staff's queues, with counts.
    body = queues(sh)
    assert body["counts"] == {"manual-verification": 2, "proofs-received": 0, "on-site": 2,
                              "spot-check": 2, "payment-due": 0}, body
    listed = {a["id"]: a["queue"] for a in queues(sh, "spot-check")["applications"]}
    assert listed == {c.app_id: "spot-check" for c in auto_drawn}, listed
    assert queues(sh2)["applications"] == []
    # What the help desk searches by, and the point's whole list.
    row = [a for a in queues(sh, "on-site")["applications"] if a["id"] == passport.app_id][0]
    assert row["real_name"] == "测试考生" and row["id_number"] == passport.id_number, row
    assert row["ticket_number"] is None and row["submitted_at"], row
    everything = {a["id"]: a for a in queues(sh, "all")["applications"]}
    assert everything[early.app_id]["queue"] is None, everything[early.app_id]
    assert everything[early.app_id]["state"] == "lapsed", everything[early.app_id]
    assert set(everything) >= {c.app_id for c in auto_drawn + auto_free}, everything
    assert queues(sh, "all")["counts"] == body["counts"]
    assert queues(sh2, "all")["applications"] == []

    # More proofs needed; the candidate pushes one; then it passes.
    body = expect(decide(sh, old_education.app_id, "more-proofs", "work-certificate-missing",
                         "请上传加盖公章的工作证明"), 200)
    assert body["state"] == "proofs-submitted" and body["queue"] is None, body
    assert queues(sh)["counts"]["manual-verification"] == 1
    old_education.add_proof()
    assert queues(sh)["counts"]["proofs-received"] == 1
    # What the staff read: the application and the records it rests on.
    body = expect(staff_read(sh, old_education.app_id), 200)
    assert body["queue"] == "proofs-received" and body["application"]["id"] == \
        old_education.app_id, body
    assert sorted(r["entity"] for r in body["records"]) == \
        ["education", "photo", "profile", "proof", "proof", "work_period"], body["records"]
    body = expect(decide(sh, old_education.app_id, "pass"), 200)
    assert body["state"] == "manual-check-passed", body
    payload = old_education.latest()["payload"]
    assert [d["decision"] for d in payload["decisions"]] == ["more-proofs", "pass"], payload
    assert payload["decisions"][0]["text"] == "请上传加盖公章的工作证明"
    assert payload["workflow"]["spot_check_drawn"] is False
    body = expect(decide(sh, no_commitment.app_id, "fail", "work-years-short"), 200)
    assert body["state"] == "terminated", body
    # Who decided is the staff's and the audit log's, not the candidate's:
    # the candidate's pull has no staff account id; the staff read has it;
    # the application pushed back as pulled is accepted and keeps it.
    latest = no_commitment.latest()
    assert [d["decision"] for d in latest["payload"]["decisions"]] == ["fail"], latest
    assert all("by" not in d for d in latest["payload"]["decisions"]), latest
    staff_id = expect(staff_read(sh, no_commitment.app_id), 200)["application"]["decisions"][0]["by"]
    assert staff_id, staff_id
    status, _, body = server.push(no_commitment.token, [change(
        "application", no_commitment.app_id, "update", latest["version"] + 1, latest["payload"])])
    assert body["results"][0]["status"] == 200, body
    assert all("by" not in d for d in no_commitment.latest()["payload"]["decisions"])
    assert [d["by"] for d in expect(staff_read(sh, no_commitment.app_id), 200)
            ["application"]["decisions"]] == [staff_id]
    body = expect(decide(sh, passport.app_id, "pass", "originals-checked"), 200)
    assert body["state"] == "manual-check-passed", body

    # Steps whose window has not opened: the spot check, the confirmation.
    body = expect(decide(sh, auto_drawn[0].app_id, "pass"), 409, "window_not_open")
    assert body["opens_at"] == "2026-04-15T00:00:00+08", body
    body = expect(auto_free[0].confirm(), 409, "window_not_open")
    assert (body["opens_at"], body["closes_at"]) == ("2026-04-17T10:00:00+08",
                                                     "2026-04-18T16:00:00+08"), body

    # The authorisation matrix of the new endpoints: refused and audited.
    audit_before = len(server.audit_log(root))
    victim = auto_free[0]
    refusals = [
        (victim.confirm(token=auto_free[1].token), 404),               # candidate A on B's
        (staff_read(sh2, victim.app_id), 404),                          # another point's staff
        (decide(sh2, victim.app_id, "pass", version=3), 404),
        (server.request("POST", "/v1/staff/payments",
                        {"application_id": victim.app_id, "version": 3, "receipt": "R1",
                         "amount_yuan": "136"}, token=sh2), 404),
        (server.request("GET", "/v1/staff/applications", token=victim.token), 403),
        (staff_read(victim.token, victim.app_id), 403),                 # a candidate on staff's
        (decide(victim.token, victim.app_id, "pass", version=3), 403),
        (server.request("POST", "/v1/staff/payments",
                        {"application_id": victim.app_id, "version": 3, "receipt": "R1",
                         "amount_yuan": "136"}, token=victim.token), 403),
        (victim.confirm(token=sh), 403),                                # staff on a candidate's
        (server.request("GET", "/v1/audit", token=victim.token), 403),  # a candidate on admin's
        (server.request("GET", "/v1/audit", token=sh), 403),            # staff on admin's
    ]
    for (status, _, body), wanted in refusals:
        assert status == wanted and body["code"] in ("not_found", "forbidden"), (status, body)
    refused = [e for e in server.audit_log(root)[audit_before:] if e["decision"] == "refused"]
    assert [e["status"] for e in refused] == [w for _, w in refusals], refused
    assert all(e["address"] == "127.0.0.1" and e["account_id"] for e in refused), refused
    assert victim.latest()["version"] == 3

    # Bad input on every new endpoint: 4xx {code, message}, nothing written.
    posts = {"/v1/staff/decisions": (sh, {"application_id": old_education.app_id, "version": 1,
                                          "decision": "pass", "reason": "records-verified"}),
             "/v1/staff/payments": (sh, {"application_id": old_education.app_id, "version": 1,
                                         "receipt": "R", "amount_yuan": "1"}),
             "/v1/confirmations": (victim.token, {"application_id": victim.app_id,
                                                  "version": 3})}
    for path, (token, good) in posts.items():
        bad_bodies = [b'{"application_id": ', b"[1, 2]", b'\xff\xfe{}',
                      json.dumps(dict(good, extra=1)).encode(),
                      json.dumps(dict(good, version="3")).encode(),
                      json.dumps(dict(good, application_id=42)).encode(),
                      json.dumps(dict(good, application_id="not-a-uuid")).encode()]
        if path == "/v1/staff/decisions":
            bad_bodies += [json.dumps(dict(good, decision="maybe")).encode(),
                           json.dumps(dict(good, reason="other")).encode(),  # other needs text
                           json.dumps(dict(good, text=5)).encode()]
        if path == "/v1/staff/payments":
            bad_bodies += [json.dumps(dict(good, amount_yuan=136)).encode(),
                           json.dumps(dict(good, amount_yuan="1.234")).encode()]
        for raw in bad_bodies:
            status, _, body = server.request("POST", path, raw=raw, token=token)
            assert status == 400 and body["code"] == "invalid_request" and body["message"], \
                (path, raw, status, body)
        status, _, body = server.request("POST", path, raw=json.dumps(good).encode(), token=token,
                                         content_type="text/plain")
        assert status == 415, (path, status, body)
    for query in ["", "?id=42"]:
        expect(server.request("GET", f"/v1/staff/application{query}", token=sh), 400,
               "invalid_request")
    expect(server.request("GET", "/v1/staff/applications?queue=everything", token=sh), 400,
           "invalid_request")
    expect(decide(sh, old_education.app_id, "pass", version=1), 409, "conflict")
    assert victim.latest()["version"] == 3
    assert old_education.latest()["version"] == staff_read(sh, old_education.app_id)[2]["version"]

    # Spot-check review: one passes, one fails and goes back to proofs.
    travel(BAOKAO_NOW="2026-04-15T12:00:00+08:00")
    sh = server.sign_in("sh", "staff password")
    expect(decide(sh, auto_drawn[0].app_id, "pass"), 200)
    body = expect(decide(sh, auto_drawn[1].app_id, "fail", "education-not-verified"), 200)
    assert body["state"] == "spot-check-failed" and body["queue"] is None, body
    auto_drawn[1].add_proof()
    assert auto_drawn[1].latest()["payload"]["state"] == "proofs-submitted"
    assert queues(sh, "proofs-received")["applications"][0]["id"] == auto_drawn[1].app_id
    # The verification window closed: the manual check waits no more.
    body = expect(decide(sh, auto_drawn[1].app_id, "pass"), 409, "window_closed")
    assert body["closes_at"].startswith("2026-04-14T16:00:00"), body

    # Confirmation in its window; Shanghai is free: no payment step.
    travel(BAOKAO_NOW="2026-04-17T12:00:00+08:00")
    sh = server.sign_in("sh", "staff password")
    expect(auto_drawn[1].confirm(), 409, "not_ready_to_confirm")
    for c in [auto_free[0], auto_drawn[0], passport]:
        body = expect(c.confirm(), 200)
        assert body["state"] == "confirmed" and body["queue"] is None, body
    expect(auto_free[0].confirm(), 409, "already_confirmed")
    expect(server.request("POST", "/v1/staff/payments",
                          {"application_id": auto_free[0].app_id,
                           "version": auto_free[0].latest()["version"], "receipt": "R1",
                           "amount_yuan": "0"}, token=sh), 409, "no_fee")
    assert queues(sh)["counts"]["payment-due"] == 0
    travel(BAOKAO_NOW="2026-04-19T12:00:00+08:00")
    body = expect(auto_free[1].confirm(), 409, "window_closed")
    # The confirmation window closed with the candidate's step not done:
    # lapsed, saying which step was missed; the verdict stays. What waits
    # for the staff does not lapse.
    payload = auto_free[1].latest()["payload"]
    assert payload["state"] == "lapsed", payload
    assert payload["workflow"]["lapsed"]["code"] == "confirmation_missed", payload
    assert "closed" in payload["workflow"]["lapsed"]["message"], payload
    assert payload["verdict"]["eligible"] is True, payload
    assert auto_drawn[1].latest()["payload"]["state"] == "proofs-submitted"
    assert auto_free[0].latest()["payload"]["state"] == "confirmed"

    # Scores: not before the exam is over; a bad row applies nothing.
    scores = write_csv("scores.csv", "application_id,subject,score\n"
                       f"{auto_free[0].app_id},1,75\n{auto_free[0].app_id},2,50\n"
                       f"{auto_drawn[0].app_id},1,60\n{auto_drawn[0].app_id},2,61.5\n")
    result = server.admin("import-scores", scores)
    assert result.returncode == 1 and "exam is over" in result.stderr, result.stderr
    travel(BAOKAO_NOW="2026-08-15T10:00:00+08:00")
    bad = write_csv("bad-scores.csv", "application_id,subject,score\n"
                    f"{auto_free[0].app_id},1,75\n{auto_free[0].app_id},2,50\n"
                    f"{passport.app_id},1,60\n{passport.app_id},9,61\n")
    result = server.admin("import-scores", bad)
    assert result.returncode == 1 and "bad-scores.csv:5:" in result.stderr, result.stderr
    assert "scores" not in auto_free[0].latest()["payload"]
    result = server.admin("import-scores", scores)
    assert result.returncode == 0, result.stderr
    payload = auto_free[0].latest()["payload"]
    assert payload["state"] == "scores-published", payload
    assert [(s["subject"], s["passed"]) for s in payload["scores"]["subjects"]] == \
        [(1, True), (2, False)], payload
    assert payload["scores"]["certificate_earned"] is False
    assert payload["scores"]["remaining"] == [2] and payload["scores"]["window_years"] == 2
    assert auto_drawn[0].latest()["payload"]["scores"]["certificate_earned"] is True

    # Liaoning: confirmation with the submission's window, then the fee.
    travel(BAOKAO_NOW="2020-08-15T10:00:00+08:00")
    ln = server.sign_in("ln", "staff password")
    liaoning = [Candidate(f"lncand{i}", LN, LN_POINT, app_id=app_id_drawn(True)) for i in range(3)]
    for c in liaoning:
        c.submit()
        payload = c.latest()["payload"]
        # No spot-check review in Liaoning's session: nobody is drawn.
        assert payload["state"] == "automatic-check-passed", payload
        assert payload["workflow"]["spot_check_drawn"] is False, payload
        expect(c.confirm(), 200)
    assert queues(ln)["counts"]["payment-due"] == 3
    pay = {"application_id": liaoning[0].app_id, "version": liaoning[0].latest()["version"],
           "receipt": "LN-0001", "amount_yuan": "100"}
    expect(server.request("POST", "/v1/staff/payments", pay, token=ln), 422, "wrong_amount")
    body = expect(server.request("POST", "/v1/staff/payments", dict(pay, amount_yuan="136.00"),
                                 token=ln), 200)
    assert body["queue"] is None, body
    payment = liaoning[0].latest()["payload"]["workflow"]["payment"]
    assert payment["receipt"] == "LN-0001" and payment["amount_fen"] == 13600, payment
    assert payment["recorded_by"] == "staff", payment  # not the staff's account id
    bad = write_csv("bad-payments.csv", "application_id,receipt,amount_yuan\n"
                    f"{liaoning[1].app_id},LN-0002,136\n{uuid.uuid4()},LN-0003,136\n")
    result = server.admin("import-payments", bad)
    assert result.returncode == 1 and "bad-payments.csv:3:" in result.stderr, result.stderr
    assert queues(ln)["counts"]["payment-due"] == 2
    good = write_csv("payments.csv", "\ufeffapplication_id,receipt,amount_yuan\r\n"
                     f"{liaoning[1].app_id},LN-0002,136\r\n")
    result = server.admin("import-payments", good)
    assert result.returncode == 0, result.stderr
    assert liaoning[1].latest()["payload"]["workflow"]["payment"]["recorded_by"] == "import"
    travel(BAOKAO_NOW="2020-08-28T10:00:00+08:00")
    ln = server.sign_in("ln", "staff password")
    body = expect(server.request("POST", "/v1/staff/payments",
                                 {"application_id": liaoning[2].app_id,
                                  "version": liaoning[2].latest()["version"],
                                  "receipt": "LN-0004", "amount_yuan": "136"}, token=ln),
                  409, "window_closed")
    assert body["closes_at"].startswith("2020-08-27T00:00:00"), body
    # Unpaid when the payment window closed: lapsed (逾期视为自动放弃报考).
    payload = liaoning[2].latest()["payload"]
    assert payload["state"] == "lapsed", payload
    assert payload["workflow"]["lapsed"]["code"] == "payment_missed", payload
    assert [c.latest()["payload"]["state"] for c in liaoning[:2]] == ["confirmed"] * 2
    travel(BAOKAO_NOW="2021-01-10T10:00:00+08:00")
    unpaid = write_csv("ln-scores.csv", "application_id,subject,score\n"
                       f"{liaoning[2].app_id},1,70\n{liaoning[2].app_id},2,80\n")
    result = server.admin("import-scores", unpaid)
    assert result.returncode == 1 and "never paid" in result.stderr, result.stderr
    paid = write_csv("ln-scores2.csv", "application_id,subject,score\n"
                     f"{liaoning[0].app_id},1,70\n{liaoning[0].app_id},2,80\n")
    assert server.admin("import-scores", paid).returncode == 0
    assert liaoning[0].latest()["payload"]["scores"]["certificate_earned"] is True

    # Every decision is in the audit log: who, when, what, from where.
    root = server.sign_in("root", "admin password")
    log = server.audit_log(root)
    decisions = [e for e in log if e["action"] == "staff-decision" and e["decision"] == "allowed"]
    assert len(decisions) == 6, decisions
    assert all(e["address"] == "127.0.0.1" and e["account_id"] and e["at"] and
               e["detail"].startswith(tuple(c.app_id for c in [
                   old_education, no_commitment, passport] + auto_drawn))
               for e in decisions), decisions
    assert [e["action"] for e in log if e["address"] == "local"] == \
        ["import-integrity", "import-scores", "import-payments", "import-scores"], log

    # A session added by the admin, seen by the running server; an
    # application submitted for it before it was known is checked then.
    travel(BAOKAO_NOW="2026-04-08T09:00:00+08:00")
    waiting = Candidate("waiting", "test-2026", SH_POINT, app_id=app_id_drawn(False))
    waiting.submit()
    assert waiting.latest()["payload"]["state"] == "submitted"
    broken = write_csv("broken.json", '{"format": 1, "id": "test-2026"}')
    result = server.admin("add-session", broken)
    assert result.returncode == 1 and "broken.json" in result.stderr, result.stderr
    assert waiting.latest()["payload"]["state"] == "submitted"
    with open(os.path.join(DATA, "shanghai-2026.json")) as f:
        session = json.load(f)
    session["id"] = "test-2026"
    result = server.admin("add-session", write_csv("test-2026.json", json.dumps(session)))
    assert result.returncode == 0, result.stderr
    assert waiting.latest()["payload"]["state"] == "automatic-check-passed"

    # A server that stops between a push and its check: the next start does it.
    travel(BAOKAO_SERVER_TEST_NO_PUSH_SWEEP="1")
    late = Candidate("late", SH, SH_POINT, app_id=app_id_drawn(False))
    late.submit()
    assert late.latest()["payload"]["state"] == "submitted"
    travel(BAOKAO_SERVER_TEST_NO_PUSH_SWEEP=None)
    latest = late.latest()
    assert latest["payload"]["state"] == "automatic-check-passed" and latest["version"] == 3, \
        latest

    # Two server processes on one database, both catching up on the same
    # unchecked submission at once: it is checked exactly once.
    server.restart(BAOKAO_SERVER_TEST_NO_PUSH_SWEEP="1")
    other = Server(sys.argv[1], state_dir=server.state_dir, config=server.config,
                   database=server.shared_database(), env=server.env).start()
    try:
        twice = Candidate("twice", SH, SH_POINT, app_id=app_id_drawn(False))
        twice.submit()  # through the first process, which does not check it
        assert twice.latest()["payload"]["state"] == "submitted"
        answers = []
        tokens = {server: server.sign_in("sh", "staff password"),
                  other: other.sign_in("sh", "staff password")}

        def list_queues(process):
            answers.append(process.request("GET", "/v1/staff/applications",
                                           token=tokens[process])[0])

        lists = [threading.Thread(target=list_queues, args=(p,)) for p in [server, other] * 3]
        for t in lists:
            t.start()
        for t in lists:
            t.join()
        assert answers == [200] * 6, answers
    finally:
        other.stop()
    server.restart(BAOKAO_SERVER_TEST_NO_PUSH_SWEEP=None)
    latest = twice.latest()
    assert latest["version"] == 3 and latest["payload"]["state"] == "automatic-check-passed", \
        latest
    root = server.sign_in("root", "admin password")
    checks = [e for e in server.audit_log(root) if e["path"] == twice.app_id]
    assert len(checks) == 1 and checks[0]["action"] == "workflow", checks

    # The rolling certificate window: a subject passed the year before counts.
    with open(os.path.join(DATA, "shanghai-2026.json")) as f:
        text = f.read().replace("2026-", "2025-")
    session = json.loads(text)
    session.update(id="shanghai-2025", exam_year=2025)
    result = server.admin("add-session", write_csv("shanghai-2025.json", json.dumps(session)))
    assert result.returncode == 0, result.stderr
    travel(BAOKAO_NOW="2025-04-08T09:00:00+08:00")
    rolling = Candidate("rolling", "shanghai-2025", SH_POINT, app_id=app_id_drawn(False))
    rolling.submit()
    travel(BAOKAO_NOW="2025-04-17T12:00:00+08:00")
    expect(rolling.confirm(), 200)
    travel(BAOKAO_NOW="2025-08-15T10:00:00+08:00")
    first_year = rolling.app_id
    assert server.admin("import-scores", write_csv(
        "scores-2025.csv", f"application_id,subject,score\n{first_year},1,70\n"
        f"{first_year},2,40\n")).returncode == 0
    assert rolling.latest()["payload"]["scores"]["remaining"] == [2]
    travel(BAOKAO_NOW="2026-04-08T09:00:00+08:00")
    rolling.new_application(SH, SH_POINT, app_id_drawn(False))
    rolling.submit()
    travel(BAOKAO_NOW="2026-04-17T12:00:00+08:00")
    expect(rolling.confirm(), 200)
    travel(BAOKAO_NOW="2026-08-15T10:00:00+08:00")
    assert server.admin("import-scores", write_csv(
        "scores-2026.csv", f"application_id,subject,score\n{rolling.app_id},1,30\n"
        f"{rolling.app_id},2,80\n")).returncode == 0
    scores = rolling.latest()["payload"]["scores"]
    assert scores["certificate_earned"] is True and scores["certificate_year"] == 2026, scores
    assert [(p["year"], p["subject"]) for p in scores["passes"]] == [(2025, 1), (2026, 2)], scores
finally:
    server.stop()
    server.cleanup()
print("ok")
