#!/usr/bin/python3
"""bench/help-desk's sections. Each section is a function that takes the
build directory and returns its rows for the table: (what, time, goal).
Add a section by writing its function and naming it in SECTIONS."""
import concurrent.futures
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
APPLICATIONS = int(os.environ.get("HELP_DESK_APPLICATIONS", "5000"))  # at most 5,000 names


# --- Section: staff queue --------------------------------------------------
# A point with 5,000 applications waiting for manual verification, each
# candidate with an account of their own (as at a real point), pushed as
# their clients' outboxes would; the window's open and search.

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = ("伟芳娜敏静丽强磊军洋", "勇艳杰娟涛明超秀霞平")
SEEDERS = 8  # candidates signing up and pushing at once


def real_name(n):
    """A distinct, valid name (core refuses digits in a name) for n < 5,000."""
    return SURNAMES[n % 50] + GIVEN[0][n // 50 % 10] + GIVEN[1][n // 500 % 10]


def id_number(n):
    """A distinct, valid ID number for n < 10,000 (serverlib's serial
    repeats after 1,000: the birth year tells them apart)."""
    return serverlib.resident_id(n, birth=f"{1970 + n // 1000}0101")


def seed_candidate(server, n):
    """Candidate n signs up, signs in and pushes a complete profile (its
    accepted photo, education and work: the server's check lapses an
    incomplete one) and an application submitted without the commitment
    (so it waits for manual verification) at POINT."""
    user_name = f"cand{n:04d}"
    status, _, body = server.register(user_name, 0, real_name=real_name(n), id_number=id_number(n))
    assert status == 202, (status, body)
    token = server.sign_in(user_name)
    profile_id, app_id, photo_id, education_id, work_id = (str(uuid.uuid4()) for _ in range(5))
    changes = [
        serverlib.change("profile", profile_id, "insert", 1, {
            "id": profile_id, "id_type": "resident-id", "real_name": real_name(n),
            "id_number": id_number(n), "mobile": "13800000000", "sex": "male",
            "birth_date": f"{1970 + n // 1000}-01-01", "senior_title": "none",
            "verification_officer_certificate": False, "user_name": user_name,
            "ethnicity": "汉族", "email": f"c{n}@example.com",
            "address": "上海市徐汇区漕溪北路88号", "postcode": "200030",
            "work_unit": "上海市计量测试技术研究院"}),
        serverlib.change("photo", photo_id, "insert", 1, {
            "id": photo_id, "profile_id": profile_id, "kind": "standardised",
            "file_name": "报名照片.jpg", "accepted": True, "size": 20000, "sha256": "0" * 64}),
        serverlib.change("education", education_id, "insert", 1, {
            "id": education_id, "profile_id": profile_id, "level": "bachelor",
            "discipline": "engineering", "school": "大学", "major": "测控技术与仪器",
            "graduated": "2010-07-01", "certificate_number": "10001120100500001",
            "full_time": True, "foreign": False}),
        serverlib.change("work_period", work_id, "insert", 1, {
            "id": work_id, "profile_id": profile_id, "employer": "计量院",
            "from": "2010-08-01", "to": None, "metrology": True}),
        serverlib.change("application", app_id, "insert", 1, {
            "id": app_id, "profile_id": profile_id, "session_id": SESSION, "level": 2,
            "mode": "all", "point_code": POINT, "commitment": "no",
            "commitment_signed_at": None, "state": "submitted", "submitted_at": None}),
    ]
    status, _, body = server.push(token, changes)
    assert status == 200 and all(r["status"] == 201 for r in body["results"]), body


def seed_point(server):
    """APPLICATIONS candidates at POINT, SEEDERS at a time. The dev server
    hashes passwords cheaply (BAOKAO_SERVER_TEST_FAST_HASH, serverlib's
    default), so the seeding does not spend 5,000 argon2id derivations;
    the check after each push is the real one. Returns a name and an ID
    number fragment (its birth year, date and serial) to search for."""
    with concurrent.futures.ThreadPoolExecutor(SEEDERS) as pool:
        for done in pool.map(lambda n: seed_candidate(server, n), range(APPLICATIONS)):
            assert done is None
    return real_name(4321), id_number(4321)[8:17]


def section_staff_queue(build):
    # HELP_DESK_STATE_DIR: a server state directory to keep, seeded on the
    # first run and timed again on the next ones without seeding.
    state_dir = os.environ.get("HELP_DESK_STATE_DIR")
    seeded = state_dir is not None and os.path.exists(os.path.join(state_dir, "server.sqlite"))
    if state_dir is not None:
        os.makedirs(state_dir, exist_ok=True)
    server = serverlib.Server(os.path.join(build, "src", "server", "baokao-server"),
                              state_dir=state_dir,
                              env={"BAOKAO_NOW": "2026-04-08T09:00:00+08:00"}).start()
    seeding = None
    try:
        if seeded:
            name, id_part = real_name(4321), id_number(4321)[8:17]
        else:
            result = server.admin("create-staff", "--user-name", "desk", "--real-name",
                                  "审核员", "--session", SESSION, "--point", POINT)
            assert result.returncode == 0, result.stderr
            started = time.monotonic()
            name, id_part = seed_point(server)
            seeding = time.monotonic() - started
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
            capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
        got = json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        server.stop()
        server.cleanup()
    assert got["rows"] == APPLICATIONS, got
    opens = got["open_ms"]
    rows = [(f"seed: {APPLICATIONS:,} candidates sign up, push, are checked",
             f"{seeding:.0f} s" if seeding is not None else "(seeded before)", ""),
            (f"server: first staff list ({APPLICATIONS:,} rows, after a sweep)",
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
