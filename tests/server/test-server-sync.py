#!/usr/bin/python3
"""Push and pull (POST/GET /v1/changes) against the real baokao-server over
TLS: idempotent retries, conflicts with the server's copy, fields only the
server writes, candidates kept apart, staff seeing their point, pull pages
and cursors, and a server killed with SIGKILL in the middle of pushes."""
import json
import os
import signal
import sys
import threading
import uuid

sys.path.insert(0, os.path.dirname(__file__))
from serverlib import Server, change, profile_insert  # noqa: E402


def application(app_id, profile_id, state="draft", point="SH01", **extra):
    payload = {"id": app_id, "profile_id": profile_id, "session_id": "2026-shanghai",
               "level": 2, "mode": "full", "point_code": point, "commitment": "yes",
               "commitment_signed_at": None, "state": state, "submitted_at": None}
    payload.update(extra)
    return payload


server = Server(sys.argv[1])
try:
    server.start()
    alice = server.candidate("alice", 1)
    bob = server.candidate("bobby", 2)

    # An outbox row as the client's store writes it (seq and created_at too).
    profile_id = str(uuid.uuid4())
    row = profile_insert(profile_id)
    row.update(seq=7, created_at="2026-04-08T09:00:00Z")
    key = str(uuid.uuid4())
    status, _, first = server.push(alice, [row], key=key)
    assert status == 200, (status, first)
    assert first["results"] == [{"seq": 7, "entity": "profile", "entity_id": profile_id,
                                 "status": 201, "version": 1}], first

    # A retry with the same key gets the same answer and changes nothing.
    changes_before = server.count("change")
    status, _, again = server.push(alice, [row], key=key)
    assert (status, again) == (200, first), again
    assert server.count("change") == changes_before
    # The same key with another body is refused.
    other = dict(row, payload={"id": profile_id, "name": "李四"})
    status, _, body = server.push(alice, [other], key=key)
    assert status == 422 and body["code"] == "idempotency_key_reused", (status, body)
    # No key at all.
    status, _, body = server.request("POST", "/v1/changes", {"changes": [row]}, token=alice)
    assert status == 400 and body["code"] == "idempotency_key_required", (status, body)

    # An update based on version 1 makes version 2; one still based on 1 is
    # a conflict answered with the server's copy.
    update = change("profile", profile_id, "update", 2, {"id": profile_id, "name": "王五"})
    status, _, body = server.push(alice, [update])
    assert body["results"][0]["status"] == 200 and body["results"][0]["version"] == 2, body
    stale = change("profile", profile_id, "update", 2, {"id": profile_id, "name": "赵六"})
    status, _, body = server.push(alice, [stale])
    result = body["results"][0]
    assert status == 200 and result["status"] == 409 and result["code"] == "conflict", body
    assert result["current"] == {"version": 2, "deleted": False,
                                 "payload": {"id": profile_id, "name": "王五"}}, result

    # Fields the server owns: a candidate may submit a draft, nothing more.
    app_id = str(uuid.uuid4())
    status, _, body = server.push(alice, [change("application", app_id, "insert", 1,
                                                 application(app_id, profile_id))])
    assert body["results"][0]["status"] == 201, body
    for payload in [application(app_id, profile_id, state="confirmed"),
                    application(app_id, profile_id, ticket={"seat": "01"}),
                    application(app_id, profile_id, decisions=[{"result": "pass"}])]:
        status, _, body = server.push(alice, [change("application", app_id, "update", 2, payload)])
        result = body["results"][0]
        assert result["status"] == 403 and result["code"] == "server_owned_field", body
    status, _, body = server.push(alice, [change("application", app_id, "update", 2,
                                                 application(app_id, profile_id,
                                                             state="submitted"))])
    assert body["results"][0] == {"entity": "application", "entity_id": app_id, "status": 200,
                                  "version": 2}, body
    with server.db() as db:
        state = json.loads(db.execute("SELECT payload FROM entity WHERE id = ?",
                                      (app_id,)).fetchone()[0])["state"]
    assert state == "submitted", state

    # Candidate B against A's data: updating or deleting it is "not found",
    # inserting under its UUID is refused, and B's pull does not show it.
    audit_before = len(server.audit())
    for attempt in [change("profile", profile_id, "update", 3, {"id": profile_id, "name": "x"}),
                    change("profile", profile_id, "delete", 2, None)]:
        status, _, body = server.push(bob, [attempt])
        assert body["results"][0]["status"] == 404, body
    status, _, body = server.push(bob, [profile_insert(profile_id)])
    assert body["results"][0]["status"] == 409 and "current" not in body["results"][0], body
    refused = [r for r in server.audit()[audit_before:] if r[5] == "refused"]
    assert len(refused) == 3 and all(r[4] == "push" for r in refused), refused
    audit_before = len(server.audit())
    # Nor may B hang an application under A's profile, or under none.
    bob_app = str(uuid.uuid4())
    for parent in [profile_id, str(uuid.uuid4())]:
        status, _, body = server.push(bob, [change("application", bob_app, "insert", 1,
                                                   application(bob_app, parent))])
        assert body["results"][0]["status"] == 404, body
    assert len([r for r in server.audit()[audit_before:] if r[5] == "refused"]) == 2
    status, _, body = server.request("GET", "/v1/changes?since=0", token=bob)
    assert status == 200 and body["changes"] == [], body
    with server.db() as db:
        name = json.loads(db.execute("SELECT payload FROM entity WHERE id = ?",
                                     (profile_id,)).fetchone()[0])["name"]
    assert name == "王五", name

    # Staff see the applications of their point only; they cannot push.
    assert server.admin("create-staff", "--user-name", "sh01", "--real-name", "一",
                        "--session", "2026-shanghai", "--point", "SH01").returncode == 0
    assert server.admin("create-staff", "--user-name", "sh02", "--real-name", "二",
                        "--session", "2026-shanghai", "--point", "SH02").returncode == 0
    sh01 = server.sign_in("sh01", "staff password")
    sh02 = server.sign_in("sh02", "staff password")
    status, _, body = server.request("GET", "/v1/changes", token=sh01)
    assert [c["entity_id"] for c in body["changes"]] == [app_id, app_id], body
    status, _, body = server.request("GET", "/v1/changes", token=sh02)
    assert body["changes"] == [], body

    # Pull pages: every change of alice's, in commit order, 3 at a time.
    ids = [str(uuid.uuid4()) for _ in range(7)]
    status, _, body = server.push(alice, [profile_insert(i) for i in ids])
    assert [r["status"] for r in body["results"]] == [201] * 7, body
    seen, cursor, pages = [], 0, 0
    while True:
        status, _, page = server.request("GET", f"/v1/changes?since={cursor}&limit=3",
                                         token=alice)
        assert status == 200 and len(page["changes"]) <= 3, page
        pages += 1
        seen += page["changes"]
        assert page["next"] >= cursor
        cursor = page["next"]
        if not page["more"]:
            break
    assert pages == 4, pages  # 11 changes: 3 + 3 + 3 + 2
    cursors = [c["cursor"] for c in seen]
    assert cursors == sorted(cursors) and len(set(cursors)) == len(cursors), cursors
    assert [(c["entity_id"], c["version"]) for c in seen] == (
        [(profile_id, 1), (profile_id, 2), (app_id, 1), (app_id, 2)] +
        [(i, 1) for i in ids]), seen
    assert seen[1]["payload"] == {"id": profile_id, "name": "王五"}
    status, _, page = server.request("GET", f"/v1/changes?since={cursor}", token=alice)
    assert page == {"changes": [], "next": cursor, "more": False}, page
    # A change made after the last page comes with the next pull.
    status, _, body = server.push(alice, [change("profile", ids[0], "delete", 1, None)])
    assert body["results"][0] == {"entity": "profile", "entity_id": ids[0], "status": 200,
                                  "version": 2}, body
    status, _, page = server.request("GET", f"/v1/changes?since={cursor}", token=alice)
    assert [(c["entity_id"], c["operation"], c["payload"]) for c in page["changes"]] == \
        [(ids[0], "delete", None)], page
    for query in ["since=-1", "since=abc", "limit=0", "limit=5000"]:
        status, _, body = server.request("GET", f"/v1/changes?{query}", token=alice)
        assert status == 400 and body["code"] == "invalid_request", (query, status, body)

    # Concurrent updates of one record from the same base: one wins, every
    # other gets 409 with the winner's copy.
    results = []

    def update_from_base(n):
        payload = {"id": ids[1], "name": f"writer {n}"}
        status, _, body = server.push(alice, [change("profile", ids[1], "update", 2, payload)])
        results.append(body["results"][0])

    writers = [threading.Thread(target=update_from_base, args=(n,)) for n in range(8)]
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    winners = [r for r in results if r["status"] == 200]
    losers = [r for r in results if r["status"] == 409]
    assert len(winners) == 1 and len(losers) == 7, results
    assert all(r["current"]["version"] == 2 for r in losers), losers
    assert len({json.dumps(r["current"]) for r in losers}) == 1, losers

    # Pulling while others push: a puller that follows its cursor sees
    # every change exactly once, in cursor order (none commits behind it).
    dave = server.candidate("dave", 4)
    pushed = []
    done = threading.Event()

    def push_many():
        for _ in range(15):
            batch = [profile_insert() for _ in range(2)]
            status, _, body = server.push(dave, batch)
            assert status == 200 and [r["status"] for r in body["results"]] == [201, 201]
            pushed.extend(c["entity_id"] for c in batch)

    pushers = [threading.Thread(target=push_many) for _ in range(4)]
    for p in pushers:
        p.start()
    followed, cursor = [], 0
    while True:
        finished = not any(p.is_alive() for p in pushers)
        status, _, page = server.request("GET", f"/v1/changes?since={cursor}&limit=7",
                                         token=dave)
        followed += page["changes"]
        cursor = page["next"]
        if finished and not page["more"]:
            break
    for p in pushers:
        p.join()
    cursors = [c["cursor"] for c in followed]
    assert cursors == sorted(set(cursors)), cursors
    assert sorted(c["entity_id"] for c in followed) == sorted(pushed), (len(followed),
                                                                        len(pushed))

    # SIGKILL in the middle of pushes: every acknowledged change is there
    # after a restart, and retrying the unanswered ones applies each once.
    carol = server.candidate("carol", 3)
    requests = [(str(uuid.uuid4()), [profile_insert() for _ in range(5)]) for _ in range(60)]
    acknowledged = {}
    stop = threading.Event()

    def pusher():
        for key, changes in requests:
            if stop.is_set():
                return
            try:
                status, _, body = server.push(carol, changes, key=key)
            except OSError:
                return
            if status == 200:
                acknowledged[key] = body

    thread = threading.Thread(target=pusher)
    thread.start()
    while len(acknowledged) < 10:
        thread.join(0.005)
    server.process.send_signal(signal.SIGKILL)
    server.process.wait()
    stop.set()
    thread.join()
    server.stop()
    assert 10 <= len(acknowledged) < len(requests), len(acknowledged)
    server.start()
    for key, changes in requests:  # the client retries everything not acknowledged
        status, _, body = server.push(carol, changes, key=key)
        assert status == 200, (status, body)
        if key in acknowledged:
            assert body == acknowledged[key], (key, body)
        else:
            assert [r["status"] for r in body["results"]] in ([201] * 5, ), body
    with server.db() as db:
        rows = db.execute("SELECT id, count(*) FROM change WHERE owner_id = (SELECT id FROM "
                          "account WHERE user_name = 'carol') GROUP BY id").fetchall()
    assert len(rows) == 60 * 5 and all(n == 1 for _, n in rows), len(rows)

    # A push and its audit line are one transaction: when the audit line
    # cannot be written, the push is not applied either (nor acknowledged).
    dave = server.candidate("dave", 4)
    if server.is_postgres():
        server.execute("CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS "
                       "$$BEGIN RAISE EXCEPTION 'audit refused'; END$$")
        server.execute("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit FOR EACH ROW "
                       "EXECUTE FUNCTION refuse_audit()")
    else:
        server.execute("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit "
                       "BEGIN SELECT RAISE(ABORT, 'audit refused'); END")
    unaudited = profile_insert()
    status, _, body = server.push(dave, [unaudited])
    assert status == 503 and body["code"] == "unavailable", (status, body)
    with server.db() as db:
        assert db.execute("SELECT count(*) FROM entity WHERE id = ?",
                          (unaudited["entity_id"],)).fetchone()[0] == 0
    server.execute("DROP TRIGGER refuse_audit" + (" ON audit" if server.is_postgres() else ""))
    status, _, body = server.push(dave, [unaudited])
    assert status == 200 and body["results"][0]["status"] == 201, (status, body)
finally:
    server.stop()
    server.cleanup()
print("ok")
