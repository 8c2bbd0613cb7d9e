"""Inner part of bench/ticket: renders one ticket and a batch of 500 with
baokao-tool and with ReportLab (bench/ticket-reportlab.py), and prints one
table."""
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

tool, corpus, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
key = os.path.join(root, "tests", "ticket", "test-authority.key")
sessions_dir = os.path.join(root, "data", "sessions")
env = dict(os.environ, BAOKAO_DATADIR=os.path.join(root, "data"), LANG="C.UTF-8")
BATCH = 500
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


def photo_variants(tmp, n):
    """n copies of the standardised photo, each with its own JPEG comment, so
    that neither program can embed one image for every page."""
    with open(os.path.join(corpus, "good-295x413.jpg"), "rb") as f:
        jpeg = f.read()
    names = []
    for i in range(n):
        comment = b"candidate %d" % i
        segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
        name = "photo-%03d.jpg" % i
        with open(os.path.join(tmp, name), "wb") as f:
            f.write(jpeg[:2] + segment + jpeg[2:])
        names.append(name)
    return names


def tickets(n, photos):
    result = []
    for i in range(n):
        room, seat = divmod(i, 30)
        result.append({"session": "shanghai-2026",
                       "name": SURNAMES[i % 20] + GIVEN[(i // 20) % 20] + GIVEN[(i * 7) % 20],
                       "id_type": "resident-id", "id_number": "110105194912310%03d" % i,
                       "level": 1, "mode": "all", "venue": 1 + (room // 25),
                       "room": 1 + room % 25, "seat": 1 + seat, "photo": photos[i]})
    return result


def write_batches(tmp, name, entries):
    unsigned = os.path.join(tmp, name + "-unsigned.jsonl")
    with open(unsigned, "w", encoding="utf-8") as f:
        for t in entries:
            f.write(json.dumps(t, ensure_ascii=False) + "\n")
    r = subprocess.run([tool, "ticket", "sign", "--key", key, "--batch", unsigned], env=env,
                       capture_output=True, text=True, check=True)
    signed = os.path.join(tmp, name + ".jsonl")
    peer = os.path.join(tmp, name + "-reportlab.jsonl")
    with open(signed, "w") as f, open(peer, "w", encoding="utf-8") as g:
        for t, line in zip(entries, r.stdout.splitlines()):
            f.write(line + "\n")
            g.write(json.dumps(dict(json.loads(line), ticket=t), ensure_ascii=False) + "\n")
    return signed, peer


def cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(cmd, out, runs):
    """Median wall time of the whole command (ms), median in-process time
    (ms, what it prints after "time"), median CPU time of the whole command
    (ms, user + system: what the other builds on the machine do not
    inflate), and the size of what it wrote."""
    walls, inner, cpus = [], [], []
    for _ in range(runs):
        t, c = time.perf_counter(), cpu()
        r = subprocess.run(cmd, env=env, capture_output=True, text=True)
        walls.append((time.perf_counter() - t) * 1000)
        cpus.append((cpu() - c) * 1000)
        if r.returncode != 0:
            sys.exit(f"{cmd[0]} failed: {r.stderr}")
        inner.append(float([l for l in r.stderr.splitlines() if l.startswith("time ")][-1]
                           .split()[-2]))
    return (statistics.median(walls), statistics.median(inner), statistics.median(cpus),
            os.path.getsize(out))


tmp = tempfile.mkdtemp(prefix="baokao-bench-ticket-")
photos = photo_variants(tmp, BATCH)
everyone = tickets(BATCH, photos)
one, one_peer = write_batches(tmp, "one", everyone[:1])
many, many_peer = write_batches(tmp, "batch", everyone)
peer = ["/usr/bin/python3", os.path.join(here, "ticket-reportlab.py"), sessions_dir]

rows = []
for label, signed, peer_input, runs in (("1 ticket", one, one_peer, rounds),
                                        (f"{BATCH} tickets", many, many_peer,
                                         max(1, rounds // 3))):
    ours_pdf = os.path.join(tmp, "ours.pdf")
    theirs_pdf = os.path.join(tmp, "reportlab.pdf")
    ours = measure([tool, "ticket", "render", "--time", "--batch", signed, "-o", ours_pdf],
                   ours_pdf, runs)
    theirs = measure([*peer, peer_input, theirs_pdf, "--time"], theirs_pdf, runs)
    rows.append((label, ours, theirs))

print(f"bench/ticket: median of {rounds} rounds for 1 ticket, {max(1, rounds // 3)} for "
      f"{BATCH}; shanghai-2026 level 1 (three subjects), a different 295 x 413 JPEG on each "
      f"page; times in ms")
print("process = the whole command, wall clock (baokao-tool; python3 with its imports and "
      "font registration); CPU = that command's user + system time; in-process = from before "
      "the first page to the written file, wall clock (baokao: loading the font and checking "
      "each ticket's signature included; ReportLab: font registration before it)")
print(f"load average when starting: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
print()
print("| tickets | baokao process | baokao CPU | baokao in-process | ReportLab process | "
      "ReportLab CPU | ReportLab in-process | x ReportLab (process) | x ReportLab (CPU) | "
      "baokao PDF | ReportLab PDF |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for label, (ow, oi, oc, osz), (tw, ti, tc, tsz) in rows:
    print(f"| {label} | {ow:.0f} | {oc:.0f} | {oi:.0f} | {tw:.0f} | {tc:.0f} | {ti:.0f} | "
          f"{tw / ow:.1f}x | {tc / oc:.1f}x | {osz / 1024:.0f} KB | {tsz / 1024:.0f} KB |")
print()
(_, (ow1, oi1, oc1, osz1), (tw1, ti1, tc1, _)), (_, (owb, oib, ocb, _), (twb, tib, tcb, _)) = rows
per_ours, per_theirs = oib / BATCH, tib / BATCH
print(f"per ticket in the batch (in-process): baokao {per_ours:.1f} ms, ReportLab "
      f"{per_theirs:.1f} ms ({per_theirs / per_ours:.1f}x)")
one_ratio = tw1 / ow1
print(f"goal at least 3x faster than ReportLab per ticket: one ticket {one_ratio:.1f}x as whole "
      f"commands (wall), {tc1 / oc1:.1f}x in CPU time; {per_theirs / per_ours:.1f}x per ticket "
      f"in a batch ({'met' if min(one_ratio, per_theirs / per_ours) >= 3 else 'NOT met'} on "
      f"wall-clock time, {'met' if min(tc1 / oc1, tcb / ocb) >= 3 else 'NOT met'} on CPU time)")
print(f"goal {BATCH} tickets under 10 s: {owb / 1000:.2f} s as a whole command, "
      f"{ocb / 1000:.2f} s of CPU ({'met' if owb < 10000 else 'NOT met'})")
print(f"goal one ticket under 150 KB: {osz1 / 1024:.0f} KB "
      f"({'met' if osz1 < 150 * 1024 else 'NOT met'})")
subprocess.run(["rm", "-rf", tmp])
