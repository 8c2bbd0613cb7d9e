#!/usr/bin/python3
"""baokao-tool on hostile input: nesting that would overflow the parser's
stack, input without end, dates near the year 10000, bytes that are not
UTF-8, special files. Every answer is bounded, valid UTF-8, and a bad case
or number spoils only its own line. Devices are our own nodes in a
temporary folder; the tool runs with 2 GiB of address space and a timeout."""
import json
import os
import resource
import stat
import subprocess
import sys
import tempfile

tool = sys.argv[1]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def limit():
    # Under AddressSanitizer (the sanitize step sets ASAN_OPTIONS) the
    # address space cannot be limited: its shadow memory needs terabytes of
    # it. ASan's own RSS limit does the job there (see bounded_env).
    if "ASAN_OPTIONS" not in os.environ:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def bounded_env(**variables):
    env = dict(os.environ, **variables)
    if "ASAN_OPTIONS" in env:
        env["ASAN_OPTIONS"] += ":hard_rss_limit_mb=2048"
    return env


def run(*args, stdin=b"", language=""):
    """(exit status, stdout, stderr) as bytes; -1 on a timeout."""
    env = bounded_env(LANG="C.UTF-8", LANGUAGE=language)
    try:
        r = subprocess.run([tool, *args], input=stdin, env=env, capture_output=True, timeout=30,
                           preexec_fn=limit)
    except subprocess.TimeoutExpired:
        return -1, b"", b"timed out"
    return r.returncode, r.stdout, r.stderr


def utf8(data, what):
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        check(False, f"{what}: not valid UTF-8 ({e}): {data[:200]!r}")
        return data.decode("utf-8", "replace")


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
    return json.dumps(c).encode()


def batch_lines(out):
    lines = []
    for line in utf8(out, "batch output").splitlines():
        try:
            lines.append(json.loads(line))
        except ValueError:
            check(False, f"batch line is not JSON: {line[:200]!r}")
    return lines


# Nesting: refused with a message, no crash; in a batch, that line only.
deep = b"[" * 1_000_000
for options in ([], ["--json"]):
    status, out, err = run("eligibility", *options, "-", stdin=deep)
    check(status == 2, f"deep nesting {options} exits {status}, expected 2")
    check(b"levels deep" in err, f"deep nesting {options} says why: {err[:300]!r}")
deep_object = b"{\"a\":" * 100_000 + b"1" + b"}" * 100_000
status, out, err = run("eligibility", "--batch", "-",
                       stdin=case() + b"\n" + deep + b"\n" + deep_object + b"\n" + case() + b"\n")
lines = batch_lines(out)
check(status == 2, f"batch with deep lines exits {status}, expected 2")
check(len(lines) == 4, f"batch with deep lines answers {len(lines)} of 4 lines")
if len(lines) == 4:
    check(lines[0].get("eligible") is True and lines[3].get("eligible") is True,
          f"the good lines are answered: {lines[0]} {lines[3]}")
    check(lines[1].get("line") == 2 and "levels deep" in lines[1].get("error", ""),
          f"the deep array line: {lines[1]}")
    check(lines[2].get("line") == 3 and "levels deep" in lines[2].get("error", ""),
          f"the deep object line: {lines[2]}")
# Brackets inside strings are not nesting.
status, out, err = run("eligibility", "--json", "-",
                       stdin=case(session="[" * 100 + "{" * 100))
check(status == 2 and b"no exam session" in out, f"brackets in a string: {status} {out[:200]!r}")

# Size: a case is at most 1 MiB, a batch line too; the message says the limit.
big = case()[:-1] + b', "padding": "' + b"x" * (2 << 20) + b'"}'
status, out, err = run("eligibility", "-", stdin=big)
check(status == 2 and b"1 MiB" in err, f"a 2 MiB case: {status} {err[:300]!r}")
status, out, err = run("eligibility", "--batch", "-",
                       stdin=case() + b"\n" + big + b"\n" + case() + b"\n")
lines = batch_lines(out)
check(len(lines) == 3, f"batch with a 2 MiB line answers {len(lines)} of 3 lines")
if len(lines) == 3:
    check(lines[0].get("eligible") is True and lines[2].get("eligible") is True,
          f"the good lines around a long one are answered: {lines[0]} {lines[2]}")
    check(lines[1].get("line") == 2 and "1 MiB" in lines[1].get("error", ""),
          f"the long line: {lines[1]}")

# Dates the domain cannot hold: a clear error naming the field, never 10005-12-3 or (null).
for field, value in (("graduated", "9999-07-01"), ("graduated", "1899-12-31"),
                     ("graduated", "2101-01-01")):
    c = case(education=[{"level": "associate", "discipline": "engineering",
                         field: value, "full_time": True, "foreign": False}])
    status, out, err = run("eligibility", "--json", "-", stdin=c)
    text = utf8(out, "date error")
    check(status == 2, f"{field} {value}: exits {status}")
    check("education[0].graduated" in text and "1900" in text and "2100" in text,
          f"{field} {value}: says the range: {text!r}")
    check(b"CRITICAL" not in err, f"{field} {value}: no GLib criticals: {err!r}")
c = case(work=[{"from": "9995-01-01", "to": None, "metrology": True}])
status, out, err = run("eligibility", "--json", "-", stdin=c)
check(status == 2 and b"work[0].from" in out, f"work from 9995: {status} {out!r}")
check(b"(null)" not in out and b"10005" not in out, f"work from 9995: {out!r}")
status, out, err = run("eligibility", "--json", "-",
                       stdin=case(work=[{"from": "2100-12-31", "to": None, "metrology": True}]))
check(status in (0, 1) and b"eligible" in out, f"a date in 2100 is answered: {status} {out!r}")

# Special files: never read without end, never block.
with tempfile.TemporaryDirectory() as tmp:
    zero = os.path.join(tmp, "zero")
    os.mknod(zero, 0o666 | stat.S_IFCHR, os.makedev(1, 5))
    for options in ([], ["--batch"]):
        status, out, err = run("eligibility", *options, zero)
        check(status == 2 and b"special file" in err,
              f"eligibility {options} from a zero device: {status} {err[:300]!r}")
    status, out, err = run("eligibility", tmp)
    check(status == 2 and b"special file" in err, f"eligibility from a folder: {status} {err!r}")
    status, out, err = run("eligibility", os.path.join(tmp, "missing.json"))
    check(status == 2 and b"missing.json" in err, f"a missing case file: {status} {err!r}")
# An endless standard input stops at the limit.
env = bounded_env(LANG="C.UTF-8", LANGUAGE="")
with open("/dev/zero", "rb") as source:  # read by the test, as standard input only
    try:
        r = subprocess.run([tool, "eligibility", "-"], stdin=source, env=env,
                           capture_output=True, timeout=30, preexec_fn=limit)
        check(r.returncode == 2 and b"1 MiB" in r.stderr,
              f"endless standard input: {r.returncode} {r.stderr[:300]!r}")
    except subprocess.TimeoutExpired:
        check(False, "endless standard input: timed out")

# Invalid UTF-8 anywhere in the input: the output is valid UTF-8.
bad = b"\xff\xfe\xc3("
status, out, err = run("eligibility", "--json", "-",
                       stdin=b'{"session": "' + bad + b'", "level": 1}')
check(status == 2, f"invalid UTF-8 in a case exits {status}")
utf8(out, "eligibility --json on invalid UTF-8")
utf8(err, "eligibility on invalid UTF-8 (stderr)")
status, out, err = run("eligibility", "--json", "-", stdin=case(session="\ud800x"))
check(status == 2, f"a lone surrogate in a case exits {status}")
utf8(out, "eligibility --json on a lone surrogate")
utf8(err, "eligibility on a lone surrogate (stderr)")
status, out, err = run("eligibility", "--batch", "-",
                       stdin=case() + b"\n" + b'{"session": "' + bad + b'"}\n' + case() + b"\n")
lines = batch_lines(out)
check(len(lines) == 3 and lines[1].get("line") == 2, f"batch with invalid UTF-8: {lines}")
status, out, err = run("eligibility", b"/nonexistent/" + bad + b".json")
check(status == 2, f"a missing file named in invalid UTF-8 exits {status}")
utf8(err, "eligibility on a file name in invalid UTF-8")
status, out, err = run("session", bad)
check(status == 2, f"session with invalid UTF-8 exits {status}")
utf8(err, "session with invalid UTF-8")
for args in (["photo", "check", bad + b".jpg"], ["photo", "check", "--json", bad + b".jpg"],
             ["photo", "standardise", bad + b".jpg", bad + b"-out.jpg"]):
    status, out, err = run(*args)
    check(status in (1, 2), f"{args} exits {status}")
    utf8(out, f"{args} (stdout)")
    utf8(err, f"{args} (stderr)")

# id: a bad argument spoils its own line only; all output is UTF-8.
for options in ([], ["--json"]):
    status, out, err = run("id", *options, "11010519491231002X", bad, "110105194912310021")
    check(status == 1, f"id {options} with an invalid-UTF-8 argument exits {status}, expected 1")
    text = utf8(out, f"id {options} stdout") + utf8(err, f"id {options} stderr")
    check("11010519491231002X" in text and "110105194912310021" in text,
          f"id {options}: the other numbers are answered: {text!r}")
    check(len(text.strip().splitlines()) == 3, f"id {options}: one line per number: {text!r}")
status, out, err = run("id", "--json", bad)
try:
    obj = json.loads(utf8(out, "id --json"))
except ValueError:
    obj = {}
check(obj.get("valid") is False and obj.get("error"), f"id --json on invalid UTF-8: {out!r}")
status, out, err = run("id", "--type", bad, "1")
check(status == 2, f"id --type with invalid UTF-8 exits {status}")
utf8(err, "id --type with invalid UTF-8")

# Usage lines name each argument once, with the command's full name.
for command, argument in (("id", "NUMBER"), ("eligibility", "FILE"), ("session", "ID"),
                          ("photo", None), ("profiles", None), ("sessions", None)):
    status, out, err = run(command, "--help")
    text = utf8(out, f"{command} --help")
    usage = [line for line in text.splitlines() if "baokao-tool " + command in line]
    check(status == 0 and usage, f"{command} --help names “baokao-tool {command}”: {text[:300]!r}")
    if argument is not None and usage:
        check(usage[0].count(argument) == 1,
              f"{command} --help names {argument} once: {usage[0]!r}")

# Errors are translated and say what to do, in Chinese as in English.
with tempfile.TemporaryDirectory() as tmp:
    null = os.path.join(tmp, "null")
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    for args, stdin, want in (
            (["eligibility", "-"], deep, "嵌套超过"),
            (["eligibility", "-"], b"{x", "不是有效的 JSON"),
            (["eligibility", tmp], b"", "不是案例文件"),
            (["eligibility", "--bogus"], b"", "baokao-tool eligibility --help"),
            (["id"], b"", "请至少提供"),
            (["photo", "standardise", null, os.path.join(tmp, "out.jpg")], b"", "特殊文件"),
            (["photo", "standardise", os.path.join(tmp, "in.jpg"), null], b"", "不是普通文件"),
            (["profiles", "--database", os.path.join(tmp, "db"), "--add-demo"], b"", "密码")):
        status, out, err = run(*args, stdin=stdin, language="zh_CN")
        text = utf8(out + err, f"{args} in zh_CN")
        check(status == 2 and want in text, f"{args} in zh_CN: {status} {text[:300]!r}")
    check(os.path.exists(null) and stat.S_ISCHR(os.lstat(null).st_mode), "the device is intact")

for f in failures:
    print("FAIL:", f, file=sys.stderr)
print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
