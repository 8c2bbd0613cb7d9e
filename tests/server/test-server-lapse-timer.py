#!/usr/bin/python3
"""Applications lapse when their window closes with no request arriving:
the server's timer sweeps at the close. The clock here is the real one
(BAOKAO_NOW stands still): a session added by the admin whose
confirmation window closes a few seconds after the candidate's check."""
import datetime
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from serverlib import Server, WorkflowCandidate  # noqa: E402

POINT = "2916"
DATA = os.path.join(os.environ.get("BAOKAO_DATADIR", ""), "sessions")
CLOSES_IN = 8  # seconds from the session's writing: time to sign up and submit


def iso(when):
    return when.isoformat(timespec="seconds")


def session_closing(closes):
    """Shanghai 2026 as "timer-2026", registration open now and its
    confirmation window closing at @closes."""
    with open(os.path.join(DATA, "shanghai-2026.json")) as f:
        session = json.load(f)
    session["id"] = "timer-2026"
    hour, day = datetime.timedelta(hours=1), datetime.timedelta(days=1)
    now = closes - datetime.timedelta(seconds=CLOSES_IN)
    windows = {
        "register": (now - hour, now + hour),
        "verification": (now - hour, now + hour),
        "spot-check-review": (now - hour, now + hour),
        "confirmation": (now - hour, closes),
        "ticket-printing": (now + day, now + 2 * day),
        "exam": (now + 3 * day, now + 3 * day + hour),
        "scores": (now + 30 * day, now + 40 * day),
    }
    for window in session["windows"]:
        window["start"], window["end"] = (iso(t) for t in windows[window["step"]])
    return session


def state(app_id):
    payload = server.one("SELECT payload FROM entity WHERE type = 'application' AND id = ?",
                         app_id)
    return json.loads(payload)


# Nobody drawn for the spot check: the application waits for its
# candidate's confirmation. The real clock: no BAOKAO_NOW.
env = {"BAOKAO_NOW": ""}
server = Server(sys.argv[1], config="[workflow]\nspot-check-rate=0\n", env=env)
try:
    server.start()
    closes = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) + \
        datetime.timedelta(seconds=CLOSES_IN)
    path = os.path.join(server.state_dir, "timer-2026.json")
    with open(path, "w") as f:
        json.dump(session_closing(closes), f)
    result = server.admin("add-session", path)
    assert result.returncode == 0, result.stderr

    candidate = WorkflowCandidate(server, "timer", 1, "timer-2026", POINT)
    candidate.submit()
    payload = state(candidate.app_id)
    assert payload["state"] == "automatic-check-passed", payload
    assert datetime.datetime.now(datetime.timezone.utc) < closes, \
        "the machine was too slow to submit before the window closed"

    # From here on no request reaches the server: the window closes and
    # the application lapses, within a few seconds of the close.
    deadline = closes + datetime.timedelta(seconds=10)
    while datetime.datetime.now(datetime.timezone.utc) < deadline:
        payload = state(candidate.app_id)
        if payload["state"] == "lapsed":
            break
        time.sleep(0.25)
    assert payload["state"] == "lapsed", payload
    assert payload["workflow"]["lapsed"]["code"] == "confirmation_missed", payload
    lapsed_at = datetime.datetime.fromisoformat(payload["workflow"]["lapsed"]["at"])
    assert closes <= lapsed_at < closes + datetime.timedelta(seconds=5), (closes, lapsed_at)
    # In the candidate's feed and the audit log, as any sweep's move is.
    assert candidate.latest()["payload"]["state"] == "lapsed"
    assert any(row[4] == "workflow" and row[2] == "-" and row[1] == "server" and
               "confirmation_missed" in (row[7] or "") for row in server.audit()), server.audit()
finally:
    server.cleanup()
