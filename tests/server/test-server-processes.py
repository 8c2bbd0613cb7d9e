#!/usr/bin/python3
"""Two baokao-server processes on one database (PostgreSQL in the -postgres
run, one SQLite file otherwise) serve the same clients: nothing one process
needs is kept in the other's memory. Both start at once on a new database
and migrate it once. Register on one, sign in on the other;
push on one, pull on the other; an idempotent retry sent to the other gets
the same answer and applies nothing twice, even when both get it at once;
the sign-in rate limit counts failures on both; a token revoked on one is
refused by the other; PostgreSQL restarting under them refuses nothing. And the change feed's cursor never skips a change
that commits late: a push that took the lower sequence and commits after a
later one is still pulled (BAOKAO_SERVER_TEST_COMMIT_DELAY makes it late,
since nothing real makes a transaction slow on demand), and a pull meanwhile
is not held behind it."""
import os
import sys
import threading
import time
import uuid

sys.path.insert(0, os.path.dirname(__file__))
from serverlib import SCHEMA_VERSION, Server, profile_insert  # noqa: E402

CONFIG = "[limits]\nfailures-per-account=5\nfailures-per-address=100\n"
LATE_KEY = "late-" + str(uuid.uuid4())
LATE_MS = 4000

one = Server(sys.argv[1], config=CONFIG,
             env={"BAOKAO_SERVER_TEST_COMMIT_DELAY": f"{LATE_KEY}:{LATE_MS}"})
two = Server(sys.argv[1], config=CONFIG, database=one.shared_database())
try:
    # Both start at once on a new database: one migrates, the other waits
    # for it (an advisory lock on PostgreSQL, BEGIN IMMEDIATE on SQLite)
    # and finds the schema up to date.
    starting = [threading.Thread(target=server.start) for server in (one, two)]
    for t in starting:
        t.start()
    for t in starting:
        t.join()
    assert one.process is not None and two.process is not None
    assert one.process.poll() is None and two.process.poll() is None, (one.read_log(),
                                                                      two.read_log())
    assert one.schema_version() == SCHEMA_VERSION, one.schema_version()

    # Register on one, sign in on the other; either takes the token.
    status, _, body = one.register("alice", 1)
    assert status == 202, (status, body)
    alice = two.sign_in("alice")
    for server in (one, two):
        status, _, body = server.request("GET", "/v1/changes", token=alice)
        assert status == 200 and body["changes"] == [], (status, body)

    # Push on one, pull on the other.
    profile = profile_insert()
    status, _, body = one.push(alice, [profile])
    assert status == 200 and body["results"][0]["status"] == 201, body
    status, _, body = two.request("GET", "/v1/changes?since=0", token=alice)
    assert [c["entity_id"] for c in body["changes"]] == [profile["entity_id"]], body
    cursor = body["next"]

    # An idempotent retry sent to the other process: the same answer,
    # nothing applied twice.
    key = str(uuid.uuid4())
    changes = [profile_insert()]
    status, _, first = one.push(alice, changes, key=key)
    assert status == 200 and first["results"][0]["status"] == 201, first
    status, _, again = two.push(alice, changes, key=key)
    assert (status, again) == (200, first), (status, again)
    assert one.one("SELECT count(*) FROM change WHERE id = ?", changes[0]["entity_id"]) == 1

    # The same request sent to both processes at once applies once; both
    # get the one stored answer.
    for attempt in range(3):
        key = str(uuid.uuid4())
        changes = [profile_insert(), profile_insert()]
        answers = []
        start = threading.Barrier(2)

        def push(server):
            start.wait()
            answers.append(server.push(alice, changes, key=key))

        threads = [threading.Thread(target=push, args=(s,)) for s in (one, two)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert [a[0] for a in answers] == [200, 200], answers
        assert answers[0][2] == answers[1][2], answers
        for c in changes:
            assert one.one("SELECT count(*) FROM change WHERE id = ?", c["entity_id"]) == 1

    # Failed sign-ins count on both: 3 on one and 2 on the other reach the
    # limit of 5, and then even the right password waits, on either.
    for server, times in ((one, 3), (two, 2)):
        for _ in range(times):
            status, _, body = server.request("POST", "/v1/sessions",
                                             {"user_name": "alice", "password": "wrong password"})
            assert status == 401, (status, body)
    for server in (one, two):
        status, headers, body = server.request("POST", "/v1/sessions",
                                               {"user_name": "alice",
                                                "password": "correct horse"})
        assert status == 429 and int(headers["Retry-After"]) > 0, (status, body)

    # A token revoked on one is refused by the other.
    status, _, body = two.register("bobby", 2)
    assert status == 202, (status, body)
    bob = one.sign_in("bobby")
    status, _, _ = two.request("GET", "/v1/changes", token=bob)
    assert status == 200
    status, _, _ = one.request("DELETE", "/v1/sessions/current", token=bob)
    assert status == 200
    status, _, body = two.request("GET", "/v1/changes", token=bob)
    assert status == 401 and body["code"] == "not_signed_in", (status, body)

    # PostgreSQL restarted under the servers (every connection they hold
    # is cut): they carry on with new connections, nothing refused.
    if one.is_postgres():
        from serverlib import cluster
        cluster().restart()
        for server in (one, two):
            for _ in range(3):
                status, _, body = server.request("GET", "/v1/ready")
                assert (status, body) == (200, {"status": "ready"}), (status, body)
            status, _, body = server.request("GET", "/v1/changes", token=alice)
            assert status == 200, (status, body)

    # A change that commits late is not skipped. Bob's push on one takes
    # its sequence number and then waits LATE_MS before committing; a push
    # on two starts meanwhile, and a pull runs while the first is still
    # uncommitted. Had the second committed with the higher number, that
    # pull would hand out a cursor past the first, and the first would
    # never be pulled.
    bob = two.sign_in("bobby")
    status, _, body = two.request("GET", f"/v1/changes?since={cursor}", token=bob)
    cursor = body["next"]
    late, early = profile_insert(), profile_insert()
    results = {}

    def push_late():
        results["late"] = one.push(bob, [late], key=LATE_KEY)

    def push_early():
        results["early"] = two.push(bob, [early])

    late_thread = threading.Thread(target=push_late)
    early_thread = threading.Thread(target=push_early)
    started = time.monotonic()
    late_thread.start()
    time.sleep(1.0)
    early_thread.start()
    time.sleep(1.0)
    # Meanwhile a pull on the process whose push waits for its commit is
    # answered at once: a read waits neither for the writer nor for the
    # commit of its own audit line.
    pull_started = time.monotonic()
    status, _, body = one.request("GET", "/v1/changes", token=alice)
    assert status == 200, (status, body)
    assert time.monotonic() - pull_started < 1.0, \
        ("a pull waited for another's commit", time.monotonic() - pull_started)
    assert late_thread.is_alive(), "the machine is too slow for this test's timing"
    seen = []
    status, _, body = two.request("GET", f"/v1/changes?since={cursor}", token=bob)
    assert status == 200, (status, body)
    seen += [c["entity_id"] for c in body["changes"]]
    cursor = body["next"]
    # The scenario really happened: that pull ran while the late push was
    # still uncommitted.
    # On SQLite the pull's audit line is a write, which waits for the
    # writer: there the pull cannot run in between, and only the order is
    # checked.
    if one.is_postgres():
        assert late_thread.is_alive() and time.monotonic() - started < LATE_MS / 1000, \
            "the machine is too slow for this test's timing"
    late_thread.join()
    early_thread.join()
    assert results["late"][0] == 200 and results["early"][0] == 200, results
    assert results["late"][2]["results"][0]["status"] == 201, results
    status, _, body = two.request("GET", f"/v1/changes?since={cursor}", token=bob)
    seen += [c["entity_id"] for c in body["changes"]]
    assert seen == [late["entity_id"], early["entity_id"]], \
        ("a change that committed late was skipped", seen, late, early)
finally:
    for server in (one, two):
        server.stop()
        server.cleanup()
print("ok")
