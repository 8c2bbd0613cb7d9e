#!/usr/bin/python3
"""Generates varied eligibility cases (seeded) and times baokao-tool's batch
mode over them. Prints the wall time of the best of three runs and the
spread of verdicts, so a fast but wrong run is visible."""
import collections
import datetime
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

tool, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)

LEVELS = ["below-secondary", "secondary-vocational", "associate", "bachelor",
          "second-bachelor", "postgraduate-class", "master", "doctor"]
DISCIPLINES = ["science", "engineering", "other"]
TITLES = ["none", "none", "none", "engineering", "natural-science-research", "other"]
IDS = ["resident-id"] * 12 + ["hk-macau-taiwan", "passport", "military"]


def day(start, span_days):
    return start + datetime.timedelta(days=rng.randrange(span_days))


def case():
    session = rng.choice(["liaoning-2020", "shanghai-2026"])
    cutoff = datetime.date(2020 if session == "liaoning-2020" else 2026, 12, 31)
    education = []
    for _ in range(rng.choice([0, 1, 1, 1, 2, 2, 3])):
        education.append({
            "level": rng.choice(LEVELS),
            "discipline": rng.choice(DISCIPLINES),
            "graduated": day(datetime.date(1985, 1, 1), 365 * 40).isoformat(),
            "full_time": rng.random() < 0.7,
            "foreign": rng.random() < 0.05,
        })
    work = []
    start = day(datetime.date(1985, 1, 1), 365 * 40)
    for _ in range(rng.choice([0, 1, 1, 2, 3, 4, 6])):
        length = rng.randrange(30, 365 * 8)
        end = start + datetime.timedelta(days=length)
        ongoing = rng.random() < 0.3 or end > cutoff + datetime.timedelta(days=400)
        work.append({
            "from": start.isoformat(),
            "to": None if ongoing else end.isoformat(),
            "metrology": rng.random() < 0.7,
        })
        # Next period: after a gap, or overlapping this one.
        start = start + datetime.timedelta(days=rng.randrange(-200, length + 400))
    return {
        "session": session,
        "level": rng.choice([1, 2]),
        "mode": rng.choice(["all", "all", "exempt"]),
        "education": education,
        "work": work,
        "senior_title": rng.choice(TITLES),
        "verification_officer_certificate": rng.random() < 0.2,
        "integrity_record": rng.random() < 0.03,
        "id_type": rng.choice(IDS),
    }


with tempfile.TemporaryDirectory(prefix="baokao-bench-eligibility-") as tmp:
    path = os.path.join(tmp, "cases.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(count):
            f.write(json.dumps(case(), separators=(",", ":")) + "\n")

    # Wall time is the goal; CPU time (user + system) is shown beside it,
    # as it says more when other work shares the machine.
    timings, cpu = [], []
    for _ in range(3):
        with open(os.devnull, "w") as sink:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run([tool, "eligibility", "--batch", path], stdout=sink, check=False)
            timings.append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)

    out = subprocess.run([tool, "eligibility", "--batch", path], capture_output=True,
                         text=True, check=False).stdout.splitlines()
    if len(out) != count:
        sys.exit(f"expected {count} verdicts, got {len(out)}")
    spread = collections.Counter()
    for line in out:
        v = json.loads(line)
        spread["error" if "error" in v else ("eligible" if v["eligible"] else "not eligible")] += 1
        if "verification" in v:
            spread["route " + v["verification"]] += 1

print(f"eligibility --batch: {count} cases, best {min(timings):.3f} s wall "
      f"(runs: {', '.join(f'{t:.3f}' for t in timings)}), goal < 2 s; "
      f"CPU {min(cpu):.3f} s on {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")
print("verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(spread.items())))
