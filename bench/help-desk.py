#!/usr/bin/python3
"""bench/help-desk's sections. Each section is a function that takes the
build directory and returns its rows for the table: (what, time, goal).
Add a section by writing its function and naming it in SECTIONS."""
import json
import os
import subprocess
import sys
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                                "server"))
import serverlib  # noqa: E402

SESSION, POINT = "shanghai-2026", "2916"
APPLICATIONS = 5000
BATCH = 100  # applications per push (5 changes each: 500 changes, the limit)


# --- Section: staff queue --------------------------------------------------
# A point with 5,000 applications waiting for manual verification, pushed
# by candidates' clients as the protocol says; the window's open and search.

def seed_point(server):
    """5,000 submitted applications (commitment "no": manual verification)
    at POINT; returns a name and an ID number fragment to search for."""
    token = server.candidate("seeder", 1)
    for start in range(0, APPLICATIONS, BATCH):
        changes = []
        for n in range(start, min(start + BATCH, APPLICATIONS)):
            profile_id, app_id = str(uuid.uuid4()), str(uuid.uuid4())
            # A complete profile with its accepted photo, education and
            # work: the server's check lapses an incomplete one.
            photo_id, education_id, work_id = (str(uuid.uuid4()) for _ in range(3))
            changes.append(serverlib.change("profile", profile_id, "insert", 1, {
                "id": profile_id, "id_type": "resident-id", "real_name": f"考生{n:04d}",
                "id_number": serverlib.resident_id(1000 + n), "mobile": "13800000000",
                "sex": "male", "birth_date": "1980-01-01", "senior_title": "none",
                "verification_officer_certificate": False, "user_name": f"cand{n:04d}",
                "ethnicity": "汉族", "email": f"c{n}@example.com",
                "address": "上海市徐汇区漕溪北路88号", "postcode": "200030",
                "work_unit": "上海市计量测试技术研究院"}))
            changes.append(serverlib.change("photo", photo_id, "insert", 1, {
                "id": photo_id, "profile_id": profile_id, "kind": "standardised",
                "file_name": "报名照片.jpg", "accepted": True, "size": 20000,
                "sha256": "0" * 64}))
            changes.append(serverlib.change("education", education_id, "insert", 1, {
                "id": education_id, "profile_id": profile_id, "level": "bachelor",
                "discipline": "engineering", "school": "大学", "major": "测控技术与仪器",
                "graduated": "2010-07-01", "certificate_number": "10001120100500001",
                "full_time": True, "foreign": False}))
            changes.append(serverlib.change("work_period", work_id, "insert", 1, {
                "id": work_id, "profile_id": profile_id, "employer": "计量院",
                "from": "2010-08-01", "to": None, "metrology": True}))
            changes.append(serverlib.change("application", app_id, "insert", 1, {
                "id": app_id, "profile_id": profile_id, "session_id": SESSION, "level": 2,
                "mode": "all", "point_code": POINT, "commitment": "no",
                "commitment_signed_at": None, "state": "submitted", "submitted_at": None}))
        status, _, body = server.push(token, changes)
        assert status == 200 and all(r["status"] == 201 for r in body["results"]), body
    return "考生4321", serverlib.resident_id(1000 + 4321)[6:14]


def section_staff_queue(build):
    server = serverlib.Server(os.path.join(build, "src", "server", "baokao-server"),
                              env={"BAOKAO_NOW": "2026-04-08T09:00:00+08:00"}).start()
    try:
        result = server.admin("create-staff", "--user-name", "desk", "--real-name", "审核员",
                              "--session", SESSION, "--point", POINT)
        assert result.returncode == 0, result.stderr
        name, id_part = seed_point(server)
        staff = server.sign_in("desk", "staff password")
        started = time.monotonic()
        status, _, body = server.request("GET", "/v1/staff/applications", token=staff,
                                         timeout=120)
        first_list = time.monotonic() - started
        assert status == 200 and body["counts"]["manual-verification"] == APPLICATIONS, body
        started = time.monotonic()
        server.request("GET", "/v1/staff/applications?queue=manual-verification", token=staff,
                       timeout=120)
        list_again = time.monotonic() - started
        # BENCH_WRAPPER: a profiler to run the window under, e.g. "perf record -g -o FILE".
        done = subprocess.run(
            os.environ.get("BENCH_WRAPPER", "").split() +
            [os.path.join(build, "tests", "ui", "help-desk-bench"),
             f"https://127.0.0.1:{server.port}/", server.ca_file, "desk", "staff password",
             name, id_part, "nobody"],
            capture_output=True, text=True, timeout=600, check=True)
        got = json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        server.stop()
        server.cleanup()
    assert got["rows"] == APPLICATIONS, got
    opens = got["open_ms"]
    rows = [(f"server: first staff list (checks {APPLICATIONS:,} submissions)",
             f"{first_list * 1000:.0f} ms", ""),
            (f"server: the queue's list again ({APPLICATIONS:,} rows)",
             f"{list_again * 1000:.0f} ms", ""),
            ("sign in, the point's list fetched, first rows painted",
             f"{got['sign_in_ms']:.0f} ms", ""),
            (f"open the queue, first rows painted (median of {len(opens)})",
             f"{opens[len(opens) // 2]:.0f} ms", "200 ms"),
            ("  best / worst", f"{opens[0]:.0f} / {opens[-1]:.0f} ms", "")]
    for search in got["search"]:
        rows.append((f"search \"{search['needle']}\" ({search['matches']} found), painted",
                     f"{search['painted_ms']:.1f} ms", "50 ms"))
        rows.append(("  of which filtering", f"{search['filter_ms']:.2f} ms", ""))
    return rows


# --- Sections run, in order ---------------------------------------------------

SECTIONS = {
    "staff-queue": section_staff_queue,
}


def main():
    build, wanted = sys.argv[1], sys.argv[2:] or list(SECTIONS)
    print("bench/help-desk (timings on a shared, busy machine: read them as upper bounds)")
    print(f"{'':62} {'time':>14} {'goal':>8}")
    for name in wanted:
        print(f"[{name}]")
        for what, value, goal in SECTIONS[name](build):
            print(f"{what:62} {value:>14} {goal:>8}")


main()
