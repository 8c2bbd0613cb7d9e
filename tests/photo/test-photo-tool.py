#!/usr/bin/python3
"""`baokao-tool photo`: the JSON lines, the human output and the exit
statuses scripts rely on, over the generated corpus (see make-corpus.py)."""
import json
import os
import subprocess
import sys
import tempfile

tool, corpus = sys.argv[1], sys.argv[2]
manifest = json.load(open(os.path.join(corpus, "manifest.json"), encoding="utf-8"))
CHECKS = ["format", "colour", "size", "dimensions", "background", "sharpness", "upscaled"]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(*args):
    env = dict(os.environ, LANG="C.UTF-8", LANGUAGE="")
    return subprocess.run([tool, "photo", *args], env=env, capture_output=True, text=True,
                          timeout=120, cwd=corpus)


def verdict(entry):
    if entry["pass"] is None:
        return "null"
    if entry.get("warning"):
        return "warn"
    return "pass" if entry["pass"] else "fail"


# Every corpus file in one run: one JSON object per line, in order.
names = sorted(manifest)
r = run("check", "--json", *names)
check(r.returncode == 1, f"a refused photo among many exits {r.returncode}, expected 1")
lines = r.stdout.splitlines()
check(len(lines) == len(names), f"{len(lines)} JSON lines for {len(names)} files")
for name, line in zip(names, lines):
    try:
        obj = json.loads(line)
    except ValueError as e:
        check(False, f"{name}: not JSON ({e}): {line!r}")
        continue
    check(obj.get("file") == name, f"{name}: file is {obj.get('file')!r}")
    check(isinstance(obj.get("accepted"), bool), f"{name}: accepted is not a bool")
    checks = obj.get("checks", {})
    check(sorted(checks) == sorted(CHECKS), f"{name}: checks are {sorted(checks)}")
    for kind in CHECKS:
        entry = checks.get(kind, {})
        check({"pass", "value", "message"} <= set(entry), f"{name}: {kind} lacks keys: {entry}")
        check(entry.get("pass") in (True, False, None), f"{name}: {kind}.pass is {entry.get('pass')!r}")
        check(isinstance(entry.get("message"), str) and entry["message"],
              f"{name}: {kind} has no message")
    expected = manifest[name]
    for kind, want in expected["checks"].items():
        got = verdict(checks.get(kind, {"pass": None}))
        if want == "pass" and got == "warn":
            got = "pass"
        check(got == want, f"{name}: {kind} is {got}, expected {want}")
    if "accepted" in expected:
        check(obj.get("accepted") == expected["accepted"],
              f"{name}: accepted is {obj.get('accepted')}, expected {expected['accepted']}")
    for kind, want in expected.get("values", {}).items():
        check(checks.get(kind, {}).get("value") == want,
              f"{name}: {kind}.value is {checks.get(kind, {}).get('value')!r}, expected {want!r}")

# Measured values are numbers where they are numbers.
good = json.loads(run("check", "--json", "good-295x413.jpg").stdout)
check(good["checks"]["size"]["value"] == os.path.getsize(os.path.join(corpus, "good-295x413.jpg")),
      f"size value: {good['checks']['size']['value']}")
for kind in ("colour", "background", "sharpness", "upscaled"):
    check(isinstance(good["checks"][kind]["value"], (int, float)), f"{kind} value is not a number")
check("30,720" in good["checks"]["size"]["message"], "the size message states 30,720 bytes")

# Exit statuses.
r = run("check", "good-295x413.jpg", "good-413x579.jpg")
check(r.returncode == 0, f"all accepted exits {r.returncode}: {r.stderr}")
check("good-295x413.jpg: accepted" in r.stdout, f"human output: {r.stdout!r}")
r = run("check", "good-295x413.jpg", "bg-blue.jpg")
check(r.returncode == 1, f"one refused exits {r.returncode}")
check("bg-blue.jpg: refused" in r.stdout and "white" in r.stdout, f"human output: {r.stdout!r}")
r = run("check", "--json", "no-such-file.jpg")
check(r.returncode == 1, f"a missing file exits {r.returncode}")
check(json.loads(r.stdout)["accepted"] is False, f"a missing file: {r.stdout!r}")
for args in (["check"], ["check", "--no-such-option", "good-295x413.jpg"], [], ["frobnicate"],
             ["standardise", "good-295x413.jpg"], ["standardise"]):
    r = run(*args)
    check(r.returncode == 2, f"photo {' '.join(args)} exits {r.returncode}, expected 2")
    check("Usage" in r.stderr, f"photo {' '.join(args)} prints usage: {r.stderr!r}")
r = run("--help")
check(r.returncode == 0 and "standardise" in r.stdout, f"photo --help: {r.returncode}")

# standardise writes an accepted 295 x 413 photo, and nothing for a refused one.
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "ticket.jpg")
    r = run("standardise", "phone-12mp.jpg", out)
    check(r.returncode == 0, f"standardise exits {r.returncode}: {r.stderr}")
    r = run("check", "--json", out)
    obj = json.loads(r.stdout) if r.stdout else {}
    check(obj.get("accepted") is True, f"the standardised photo is accepted: {r.stdout}")
    check(obj.get("checks", {}).get("dimensions", {}).get("value") == "295x413",
          f"standardised dimensions: {r.stdout}")
    refused = os.path.join(tmp, "refused.jpg")
    r = run("standardise", "bg-blue.jpg", refused)
    check(r.returncode == 1, f"standardise of a refused photo exits {r.returncode}")
    check(not os.path.exists(refused), "nothing written for a refused photo")

# standardise never writes over what is not a photo file, nor over its input,
# and reads only a regular file of bounded size (never a device or a FIFO,
# which could grow without end or block). The devices are our own nodes.
def run_bounded(*args):
    """The tool with 2 GiB of address space and 20 s: a fault fails the check
    instead of eating the machine or hanging the suite."""
    import resource

    def limit():
        # Under AddressSanitizer (the sanitize step sets ASAN_OPTIONS) the
        # address space cannot be limited: its shadow memory needs terabytes
        # of it. ASan's own RSS limit does the job there (below).
        if "ASAN_OPTIONS" not in os.environ:
            resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    env = dict(os.environ, LANG="C.UTF-8", LANGUAGE="")
    if "ASAN_OPTIONS" in env:
        env["ASAN_OPTIONS"] += ":hard_rss_limit_mb=2048"
    try:
        return subprocess.run([tool, "photo", *args], env=env, capture_output=True, text=True,
                              timeout=20, cwd=corpus, preexec_fn=limit)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(args, -1, "", "timed out")


with tempfile.TemporaryDirectory() as tmp:
    import shutil
    import stat

    null = os.path.join(tmp, "null")
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    r = run_bounded("standardise", "phone-12mp.jpg", null)
    check(r.returncode == 2, f"standardise onto a device exits {r.returncode}: {r.stderr!r}")
    check(stat.S_ISCHR(os.lstat(null).st_mode), "the device node is still a device")
    check("null" in r.stderr and "regular file" in r.stderr,
          f"a device as output is named and explained: {r.stderr!r}")

    folder = os.path.join(tmp, "folder")
    os.mkdir(folder)
    r = run_bounded("standardise", "phone-12mp.jpg", folder)
    check(r.returncode == 2 and os.path.isdir(folder), f"onto a folder: {r.returncode} {r.stderr!r}")
    r = run_bounded("standardise", "phone-12mp.jpg", os.path.join(tmp, "no-such", "out.jpg"))
    check(r.returncode == 2 and "does not exist" in r.stderr,
          f"into a missing folder: {r.returncode} {r.stderr!r}")

    original = os.path.join(tmp, "original.jpg")
    shutil.copy(os.path.join(corpus, "phone-12mp.jpg"), original)
    before = open(original, "rb").read()
    linked = os.path.join(tmp, "linked.jpg")
    os.link(original, linked)
    for target in (original, os.path.join(tmp, ".", "original.jpg"), linked):
        r = run_bounded("standardise", original, target)
        check(r.returncode == 2, f"standardise onto its input {target} exits {r.returncode}")
        check("original" in r.stderr, f"onto its input: says so: {r.stderr!r}")
    check(open(original, "rb").read() == before, "the input is unchanged")

    zero = os.path.join(tmp, "zero")
    os.mknod(zero, 0o666 | stat.S_IFCHR, os.makedev(1, 5))
    fifo = os.path.join(tmp, "fifo")
    os.mkfifo(fifo)
    for special in (zero, fifo, null, folder):
        out = os.path.join(tmp, "out.jpg")
        r = run_bounded("standardise", special, out)
        check(r.returncode == 2, f"standardise from {os.path.basename(special)} exits "
              f"{r.returncode}: {r.stderr!r}")
        check("special file" in r.stderr, f"from a special file: says so: {r.stderr!r}")
        check(not os.path.exists(out), f"nothing written from {special}")
        for options in ([], ["--json"]):
            r = run_bounded("check", *options, special)
            check(r.returncode == 1 and "special file" in r.stdout + r.stderr,
                  f"check {options} of {os.path.basename(special)}: {r.returncode} {r.stderr!r}")

    # A good run still replaces an older photo file.
    old = os.path.join(tmp, "old.jpg")
    open(old, "wb").write(b"old")
    r = run_bounded("standardise", "phone-12mp.jpg", old)
    check(r.returncode == 0 and open(old, "rb").read(2) == b"\xff\xd8",
          f"an existing photo file is replaced: {r.returncode} {r.stderr!r}")

for f in failures:
    print("FAIL:", f, file=sys.stderr)
print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
