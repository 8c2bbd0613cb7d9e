#!/usr/bin/python3
"""baokao-tool profiles: lists the local store as the welcome page does
(never a full ID number) and adds a demo profile for benchmarks and UI
tests; exit statuses as scripts rely on them."""
import json
import os
import subprocess
import sys
import tempfile

tool = sys.argv[1]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(*args):
    env = dict(os.environ, LANG="C.UTF-8", LANGUAGE="")
    return subprocess.run([tool, "profiles", *args], env=env, capture_output=True, text=True,
                          timeout=60)


with tempfile.TemporaryDirectory(prefix="baokao-test-tool-profiles-") as tmp:
    db = os.path.join(tmp, "baokao.db")

    r = run("--database", db)
    check(r.returncode == 0 and r.stdout == "", f"empty store: {r.returncode} {r.stdout!r}")

    r = run("--database", db, "--add-demo")
    check(r.returncode == 0, f"--add-demo exits {r.returncode}: {r.stderr!r}")
    profile_id = r.stdout.strip()
    check(len(profile_id) == 36, f"--add-demo prints the new id: {r.stdout!r}")

    r = run("--database", db, "--add-demo", "--user-name", "second")
    check(r.returncode == 0, f"a second demo profile: {r.returncode} {r.stderr!r}")

    r = run("--database", db, "--add-demo")
    check(r.returncode == 1, f"a taken user name exits {r.returncode}, expected 1")
    check("user name" in r.stderr, f"a taken user name says so: {r.stderr!r}")

    r = run("--database", db)
    lines = r.stdout.splitlines()
    check(r.returncode == 0 and len(lines) == 2, f"two profiles listed: {r.stdout!r}")
    check(any(line.startswith(profile_id) for line in lines), f"the id is listed: {r.stdout!r}")
    check("310***********" in r.stdout and "19870523" not in r.stdout,
          f"ID numbers are masked: {r.stdout!r}")
    check("100%" in r.stdout, f"the demo profile is complete: {r.stdout!r}")

    r = run("--database", db, "--json")
    check(r.returncode == 0, f"--json exits {r.returncode}")
    try:
        profiles = json.loads(r.stdout)
    except ValueError as error:
        profiles = []
        failures.append(f"--json prints JSON: {error}: {r.stdout!r}")
    check(len(profiles) == 2, f"--json lists two profiles: {profiles!r}")
    for p in profiles:
        check(p["completeness"] == 100, f"completeness: {p!r}")
        check(p["masked_id_number"].startswith("310***"), f"masked: {p!r}")
        check(p["applications"] == [{"session_id": "shanghai-2026", "state": "draft",
                                      "proofs": 1}], f"applications: {p!r}")

    r = run("--database", db, "extra")
    check(r.returncode == 2, f"an argument exits {r.returncode}, expected 2")

    r = run("--database", db, "--add-demo", "--user-name", "third",
            "--photo", os.path.join(tmp, "missing.jpg"))
    check(r.returncode == 2 and "missing.jpg" in r.stderr,
          f"a missing photo exits 2 and names it: {r.returncode} {r.stderr!r}")

for f in failures:
    print(f, file=sys.stderr)
sys.exit(1 if failures else 0)
