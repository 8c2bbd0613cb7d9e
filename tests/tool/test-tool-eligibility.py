#!/usr/bin/python3
"""baokao-tool eligibility, id, sessions and session: the real binary on JSON
cases, checking exit statuses and JSON output that scripts rely on."""
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


def run(*args, stdin=None):
    env = dict(os.environ, LANG="C.UTF-8", LANGUAGE="")
    return subprocess.run([tool, *args], input=stdin, env=env, capture_output=True, text=True,
                          timeout=60)


def case(**changes):
    c = {
        "session": "liaoning-2020", "level": 1, "mode": "all",
        "education": [{"level": "associate", "discipline": "engineering",
                       "graduated": "2014-07-01", "full_time": True, "foreign": False}],
        "work": [{"from": "2015-01-01", "to": None, "metrology": True}],
        "senior_title": "none", "verification_officer_certificate": False,
        "integrity_record": False, "id_type": "resident-id",
    }
    c.update(changes)
    return c


def eligibility(c, *options):
    return run("eligibility", "--json", *options, "-", stdin=json.dumps(c))


# Exactly six years (2015-01-01..2020-12-31): eligible, all three subjects, 215 yuan.
r = eligibility(case())
check(r.returncode == 0, f"exact 6 years exits {r.returncode}: {r.stderr}")
v = json.loads(r.stdout)
check(v["eligible"] is True, "exact 6 years is eligible")
check(v["subjects"] == [1, 2, 3], f"subjects {v['subjects']}")
check(v["fee_yuan"] == 215, f"fee {v['fee_yuan']}")
check(v["verification"] == "automatic", f"verification {v['verification']}")
check(v["commitment_allowed"] is True, "commitment allowed")
check(v["counted"]["work_days"] == 2192, f"counted {v['counted']}")
check(v["counted"]["work"] == {"years": 6, "months": 0, "days": 0}, f"span {v['counted']}")
check(isinstance(v["reasons"], list) and all(isinstance(s, str) for s in v["reasons"]),
      "reasons are sentences")
check(v["eligible_from"] <= "2020-12-31", f"eligible_from {v['eligible_from']}")
check(v["rule"] == "level1-associate-all" and v["rule_text"].startswith("Rule applied"),
      f"rule {v['rule']} {v['rule_text']}")

# One day short: not eligible, the date it would be, nothing to pay.
r = eligibility(case(work=[{"from": "2015-01-02", "to": None, "metrology": True}]))
check(r.returncode == 1, f"one day short exits {r.returncode}")
v = json.loads(r.stdout)
check(v["eligible"] is False and v["subjects"] == [] and v["fee_yuan"] == 0,
      f"one day short verdict {v}")
check(v["missing"]["work_days"] == 1, f"missing {v['missing']}")
check(v["eligible_from"] == "2021-01-01", f"eligible_from {v['eligible_from']}")
check({"level": 2, "mode": "all"} in v["other_open"], f"other_open {v['other_open']}")

# Level 2, exempted subject, Shanghai: free, subject 1 only, proofs for the certificate.
r = eligibility(case(session="shanghai-2026", level=2, mode="exempt",
                     verification_officer_certificate=True))
v = json.loads(r.stdout)
check(r.returncode == 0 and v["subjects"] == [1] and v["fee_yuan"] == 0, f"level 2 exempt {v}")
check(v["verification"] == "proofs", f"certificate needs proofs: {v['verification']}")

# Integrity record: on site, no commitment.
v = json.loads(eligibility(case(integrity_record=True)).stdout)
check(v["verification"] == "on-site" and v["commitment_allowed"] is False, f"integrity {v}")

# Passport: on site.
v = json.loads(eligibility(case(id_type="passport")).stdout)
check(v["verification"] == "on-site", f"passport {v['verification']}")

# Text output names the rule; exit status as with --json.
r = run("eligibility", "-", stdin=json.dumps(case()))
check(r.returncode == 0 and "Rule applied" in r.stdout, f"text output: {r.stdout!r}")

# A file argument works as well as stdin.
with tempfile.TemporaryDirectory(prefix="baokao-test-tool-") as tmp:
    path = os.path.join(tmp, "case.json")
    with open(path, "w") as f:
        json.dump(case(level=2), f)
    r = run("eligibility", "--json", path)
    check(r.returncode == 0 and json.loads(r.stdout)["subjects"] == [1, 2], f"file: {r.stdout}")
    r = run("eligibility", os.path.join(tmp, "missing.json"))
    check(r.returncode == 2, f"missing file exits {r.returncode}")

# Malformed input: exit 2 and the field is named.
bad = [
    (case(level=3), "level"),
    (case(mode="half"), "mode"),
    (case(education=[{"level": "associate", "discipline": "science", "graduated": "2014-02-30",
                      "full_time": True, "foreign": False}]), "education[0].graduated"),
    (case(education=[{"level": "associate", "discipline": "science", "graduated": "2014-02-03",
                      "foreign": False}]), "education[0].full_time"),
    (case(work=[{"from": "2015-01-01", "to": "2014-01-01", "metrology": True}]), "work[0].to"),
    (case(work=[{"from": "2015-01-01", "to": None}]), "work[0].metrology"),
    (case(work=[{"from": "2015-01-01", "metrology": True}]), "work[0].to"),
    (case(id_type="licence"), "id_type"),
    (case(session="atlantis-2020"), "atlantis-2020"),
]
for c, field in bad:
    r = run("eligibility", "-", stdin=json.dumps(c))
    check(r.returncode == 2, f"{field}: exits {r.returncode}")
    check(field in r.stderr, f"{field}: message names it: {r.stderr!r}")
    r = eligibility(c)
    check(r.returncode == 2 and field in json.loads(r.stdout)["error"],
          f"{field}: --json error {r.stdout!r}")
r = run("eligibility", "-", stdin="{not json")
check(r.returncode == 2, f"not JSON exits {r.returncode}")
r = run("eligibility")
check(r.returncode == 2, f"no file exits {r.returncode}")

# Batch: one verdict per non-blank line, in order; worst status wins.
lines = [json.dumps(case()), "", json.dumps(case(level=2)),
         json.dumps(case(work=[{"from": "2019-01-01", "to": None, "metrology": True}])),
         "{\"session\": \"liaoning-2020\"}", json.dumps(case(session="shanghai-2026"))]
r = run("eligibility", "--batch", "-", stdin="\n".join(lines) + "\n")
out = [json.loads(line) for line in r.stdout.splitlines()]
check(len(out) == 5, f"batch writes {len(out)} lines for 5 cases")
if len(out) == 5:
    check(out[0]["eligible"] and out[1]["subjects"] == [1, 2], f"batch order {out[:2]}")
    check(out[2]["eligible"] is False, "batch third is not eligible")
    check("error" in out[3] and "level" in out[3]["error"] and out[3]["line"] == 5,
          f"batch error line {out[3]}")
    check(out[4]["session"] == "shanghai-2026" and out[4]["fee_yuan"] == 0, f"batch {out[4]}")
check(r.returncode == 2, f"batch with a bad line exits {r.returncode}")
r = run("eligibility", "--batch", "-", stdin=lines[0] + "\n" + lines[3] + "\n")
check(r.returncode == 1, f"batch with a not-eligible case exits {r.returncode}")
r = run("eligibility", "--batch", "-", stdin=(lines[0] + "\n") * 3000)
check(r.returncode == 0 and len(r.stdout.splitlines()) == 3000, "batch of 3000 eligible")

# id
r = run("id", "--json", "11010519491231002X", "11010519491231002x", "110105194912310021",
        "11010519490230002X")
ids = [json.loads(line) for line in r.stdout.splitlines()]
check(r.returncode == 1, f"id with invalid numbers exits {r.returncode}")
check(len(ids) == 4, f"id writes one object per number: {r.stdout!r}")
if len(ids) == 4:
    check(ids[0] == {**ids[0], "valid": True, "birth_date": "1949-12-31", "sex": "female",
                     "error": None}, f"sample {ids[0]}")
    check(ids[1]["valid"] and ids[1]["number"] == "11010519491231002X", f"lower x {ids[1]}")
    check(not ids[2]["valid"] and "check" in ids[2]["error"], f"check char {ids[2]}")
    check(not ids[3]["valid"] and "date" in ids[3]["error"], f"date {ids[3]}")
r = run("id", "11010519491231002X")
check(r.returncode == 0 and "1949-12-31" in r.stdout, f"id text {r.stdout!r}")
r = run("id", "--json", "--type", "passport", "E12345678")
check(r.returncode == 0 and json.loads(r.stdout)["manual_verification"] is True,
      f"passport {r.stdout!r}")
check(run("id").returncode == 2, "id without numbers exits 2")
check(run("id", "--type", "licence", "1").returncode == 2, "unknown type exits 2")

# sessions / session
r = run("sessions")
check(r.returncode == 0 and "liaoning-2020" in r.stdout and "shanghai-2026" in r.stdout,
      f"sessions {r.stdout!r}")
r = run("session", "liaoning-2020")
check(r.returncode == 0, f"session exits {r.returncode}")
for needle in ["2020-11-07 09:00", "2020-11-08 09:00", "024-22866188", "0429-6660762",
               "024-12333-0", "2020-08-14 09:00", "2020-08-24 24:00", "CNY 70.00", "CNY 75.00",
               "CNY 68.00"]:
    check(needle in r.stdout, f"session liaoning-2020 shows {needle}")
r = run("session", "shanghai-2026")
for needle in ["2916", "54042022", "54045035", "2026-04-07 10:00", "2026-04-18 16:00"]:
    check(needle in r.stdout, f"session shanghai-2026 shows {needle}")
r = run("session", "atlantis-2020")
check(r.returncode == 2 and "sessions" in r.stderr, f"unknown session {r.stderr!r}")

for f in failures:
    print("FAIL:", f, file=sys.stderr)
print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
