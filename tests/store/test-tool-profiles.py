#!/usr/bin/python3
"""baokao-tool profiles: lists the local store as the welcome page does
(never a full ID number) and adds a demo profile for benchmarks and UI
tests; exit statuses as scripts rely on them."""
import json
import os
import subprocess
import sys
import tempfile

tool, corpus = sys.argv[1], sys.argv[2]
failures = []
PASSWORD = "correct horse battery"


def check(condition, message):
    if not condition:
        failures.append(message)


def run(*args, password=PASSWORD):
    """With --add-demo, the password goes on standard input."""
    env = dict(os.environ, LANG="C.UTF-8", LANGUAGE="")
    stdin = password + "\n" if password is not None else ""
    try:
        return subprocess.run([tool, "profiles", *args], env=env, capture_output=True, text=True,
                              input=stdin, timeout=30)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(args, -1, "", "timed out")


def password_matches(hash_text, password):
    """libsodium's own verification of the stored Argon2id hash."""
    import ctypes
    import ctypes.util
    sodium = ctypes.CDLL(ctypes.util.find_library("sodium") or "libsodium.so.23")
    sodium.sodium_init()
    word = password.encode()
    return sodium.crypto_pwhash_str_verify(hash_text.encode(), word,
                                           ctypes.c_ulonglong(len(word))) == 0


def photos(db, profile_id):
    import sqlite3
    with sqlite3.connect(db) as c:
        return {kind: (name, jpeg, accepted, report) for kind, name, jpeg, accepted, report in
                c.execute("SELECT kind, file_name, jpeg, accepted, report FROM photo "
                          "WHERE profile_id = ?", (profile_id,))}


def profile_count(db):
    import sqlite3
    with sqlite3.connect(db) as c:
        return c.execute("SELECT count(*) FROM profile").fetchone()[0]


with tempfile.TemporaryDirectory(prefix="baokao-test-tool-profiles-") as tmp:
    db = os.path.join(tmp, "baokao.db")

    r = run("--database", db)
    check(r.returncode == 0 and r.stdout == "", f"empty store: {r.returncode} {r.stdout!r}")

    r = run("--database", db, "--add-demo")
    check(r.returncode == 0, f"--add-demo exits {r.returncode}: {r.stderr!r}")
    profile_id = r.stdout.strip()
    check(len(profile_id) == 36, f"--add-demo prints the new id: {r.stdout!r}")

    r = run("--database", db, "--add-demo", "--user-name", "second",
            "--photo", os.path.join(corpus, "good-295x413.jpg"))
    check(r.returncode == 0, f"a second demo profile: {r.returncode} {r.stderr!r}")
    second_id = r.stdout.strip()

    r = run("--database", db, "--add-demo")
    check(r.returncode == 1, f"a taken user name exits {r.returncode}, expected 1")
    check("user name" in r.stderr, f"a taken user name says so: {r.stderr!r}")

    r = run("--database", db)
    lines = r.stdout.splitlines()
    check(r.returncode == 0 and len(lines) == 2, f"two profiles listed: {r.stdout!r}")
    check(any(line.startswith(profile_id) for line in lines), f"the id is listed: {r.stdout!r}")
    check("310***********" in r.stdout and "19870523" not in r.stdout,
          f"ID numbers are masked: {r.stdout!r}")
    check(any(line.startswith(second_id) and "100%" in line for line in lines),
          f"the demo profile with a photo is complete: {r.stdout!r}")
    check(not any(line.startswith(profile_id) and "100%" in line for line in lines),
          f"the demo profile without a photo is not complete: {r.stdout!r}")

    r = run("--database", db, "--json")
    check(r.returncode == 0, f"--json exits {r.returncode}")
    try:
        profiles = json.loads(r.stdout)
    except ValueError as error:
        profiles = []
        failures.append(f"--json prints JSON: {error}: {r.stdout!r}")
    check(len(profiles) == 2, f"--json lists two profiles: {profiles!r}")
    for p in profiles:
        check(p["completeness"] == (100 if p["id"] == second_id else p["completeness"]) and
              (p["id"] == second_id or p["completeness"] < 100), f"completeness: {p!r}")
        check(p["masked_id_number"].startswith("310***"), f"masked: {p!r}")
        check(p["applications"] == [{"session_id": "shanghai-2026", "state": "draft",
                                      "proofs": 1}], f"applications: {p!r}")

    r = run("--database", db, "extra")
    check(r.returncode == 2, f"an argument exits {r.returncode}, expected 2")

    r = run("--database", db, "--add-demo", "--user-name", "third",
            "--photo", os.path.join(tmp, "missing.jpg"))
    check(r.returncode == 2 and "missing.jpg" in r.stderr,
          f"a missing photo exits 2 and names it: {r.returncode} {r.stderr!r}")

    # The password is the one given, never a default; none, or a short one, is refused.
    import sqlite3
    with sqlite3.connect(db) as c:
        stored = c.execute("SELECT password_hash FROM profile WHERE id = ?",
                           (profile_id,)).fetchone()[0]
    check(password_matches(stored, PASSWORD), "the demo profile opens with the password given")
    check(not password_matches(stored, "baokao-demo"), "the demo profile has no fixed password")
    for password in (None, "", "short"):
        r = run("--database", db, "--add-demo", "--user-name", "nopass", password=password)
        check(r.returncode == 2 and "assword" in r.stderr,
              f"password {password!r}: exits {r.returncode} and says why: {r.stderr!r}")
    check(profile_count(db) == 2, "no profile is added without a good password")

    # Without --photo there is no photo: nothing unchecked is marked accepted.
    check(photos(db, profile_id) == {}, f"no photo without --photo: {photos(db, profile_id)}")

    # The photo goes through the window's checks: refused files are refused with the
    # report's messages, and nothing is stored.
    png = os.path.join(tmp, "photo.png")
    import struct
    import zlib

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    raw = b"".join(b"\0" + b"\xff\xff\xff" * 295 for _ in range(413))
    open(png, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 295, 413,
                                                                           8, 2, 0, 0, 0)) +
                          chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    empty = os.path.join(tmp, "empty.jpg")
    open(empty, "wb").close()
    for refused, word in ((png, "PNG"), (empty, "empty"),
                          (os.path.join(corpus, "bg-blue.jpg"), "white")):
        r = run("--database", db, "--add-demo", "--user-name", "refused", "--photo", refused)
        check(r.returncode == 1, f"{os.path.basename(refused)}: exits {r.returncode}, expected 1")
        check("refused" in r.stderr and word in r.stderr,
              f"{os.path.basename(refused)}: the report's message: {r.stderr!r}")
    fifo = os.path.join(tmp, "fifo.jpg")
    os.mkfifo(fifo)
    r = run("--database", db, "--add-demo", "--user-name", "refused", "--photo", fifo)
    check(r.returncode == 2 and "special file" in r.stderr, f"a FIFO photo: {r.returncode} {r.stderr!r}")
    check(profile_count(db) == 2, "no profile is added with a refused photo")

    # The database must be a file: never a device (our own node) or a FIFO, which
    # SQLite would open, writing its journal beside them.
    import stat
    devices = os.path.join(tmp, "devices")
    os.mkdir(devices)
    null = os.path.join(devices, "null")
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    os.mkfifo(os.path.join(devices, "fifo"))
    for special in (null, os.path.join(devices, "fifo"), devices):
        for args in ([], ["--add-demo"]):
            r = run("--database", special, *args)
            check(r.returncode == 2 and "not a database" in r.stderr,
                  f"--database {os.path.basename(special)} {args}: {r.returncode} {r.stderr!r}")
    check(sorted(os.listdir(devices)) == ["fifo", "null"],
          f"nothing written beside the devices: {os.listdir(devices)}")

    # An accepted photo is stored as the window stores it: the original, and the
    # standardised 295 x 413 JPEG made from it, with the report.
    good = os.path.join(corpus, "phone-12mp.jpg")
    r = run("--database", db, "--add-demo", "--user-name", "photo", "--photo", good)
    check(r.returncode == 0, f"an accepted photo: {r.returncode} {r.stderr!r}")
    stored = photos(db, r.stdout.strip())
    original = open(good, "rb").read()
    check(set(stored) == {"original", "standardised"}, f"both photos stored: {sorted(stored)}")
    if set(stored) == {"original", "standardised"}:
        name, jpeg, accepted, report = stored["original"]
        check(name == "phone-12mp.jpg" and jpeg == original and accepted == 1,
              f"the original as chosen: {name} {len(jpeg)} bytes, accepted {accepted}")
        check(report is not None and json.loads(report).get("accepted") is True,
              f"the report is kept: {report!r}")
        jpeg = stored["standardised"][1]
        check(jpeg != original and jpeg[:2] == b"\xff\xd8", "the standardised photo is a new JPEG")
        path = os.path.join(tmp, "standardised.jpg")
        open(path, "wb").write(jpeg)
        c = subprocess.run([tool, "photo", "check", "--json", path], capture_output=True,
                           text=True, timeout=60)
        try:
            obj = json.loads(c.stdout)
        except ValueError:
            obj = {}
        check(obj.get("accepted") is True and
              obj.get("checks", {}).get("dimensions", {}).get("value") == "295x413",
              f"the standardised photo is 295 x 413 and accepted: {c.stdout!r}")

for f in failures:
    print(f, file=sys.stderr)
sys.exit(1 if failures else 0)
