"""Inner part of bench/photo: times each peer and prints one table."""
import json
import os
import statistics
import subprocess
import sys
import time

tool, corpus, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
here = os.path.dirname(os.path.abspath(__file__))
pillow = [sys.executable, os.path.join(here, "photo-pillow.py")]
magick = ["bash", os.path.join(here, "photo-imagemagick.sh")]
photos = [("295 x 413", "good-295x413.jpg", 2.0, 200),
          ("413 x 579", "good-413x579.jpg", 5.0, 100),
          ("12 MP (3000 x 4000, EXIF 6)", "phone-12mp.jpg", 40.0, 20)]
CHECKS = ["format", "colour", "size", "dimensions", "background", "sharpness", "upscaled"]


def in_process(cmd, path, repeat):
    """Median over rounds of the mean time per photo that the command reports."""
    times = []
    for _ in range(rounds):
        r = subprocess.run([*cmd, "--repeat", str(repeat), path], capture_output=True, text=True)
        line = [x for x in r.stderr.splitlines() if x.startswith("time ")][-1]
        times.append(float(line.split()[-2]))
    return statistics.median(times)


def wall(cmd, path, runs):
    times = []
    out = ""
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run([*cmd, path], capture_output=True, text=True).stdout
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), json.loads(out.splitlines()[-1])


def verdicts(obj):
    return "".join({True: "P", False: "F", None: "-"}[obj["checks"].get(k, {}).get("pass")]
                   for k in CHECKS)


rows, goals = [], []
for label, name, goal, repeat in photos:
    path = os.path.join(corpus, name)
    ours = in_process([tool, "photo", "check"], path, repeat)
    ours_proc, ours_json = wall([tool, "photo", "check", "--json"], path, 5 * rounds)
    pil = in_process(pillow, path, max(3, repeat // 10))
    pil_proc, pil_json = wall(pillow, path, rounds)
    im_proc, im_json = wall(magick, path, max(3, rounds // 2))
    rows.append((label, ours, ours_proc, pil, pil_proc, im_proc, pil / ours, pil_proc / ours_proc,
                 im_proc / ours_proc, verdicts(ours_json), verdicts(pil_json), verdicts(im_json)))
    goals.append((label, ours, goal))

print(f"bench/photo: {rounds} rounds, median; times in ms per photo")
print("in-process = the checks on bytes already read (baokao: bk_photo_check_data via "
      "--repeat; Pillow: check() after imports); process = the whole command")
print()
print("| photo | baokao in-process | baokao-tool process | Pillow in-process | Pillow process | "
      "ImageMagick process | x Pillow (in-process) | x Pillow (process) | x ImageMagick | "
      "verdicts baokao / Pillow / IM |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
for r in rows:
    print(f"| {r[0]} | {r[1]:.2f} | {r[2]:.1f} | {r[3]:.2f} | {r[4]:.1f} | {r[5]:.1f} | "
          f"{r[6]:.1f}x | {r[7]:.1f}x | {r[8]:.1f}x | {r[9]} / {r[10]} / {r[11]} |")
print()
print("verdicts: one letter per check (" + ", ".join(CHECKS) + "): P pass, F fail, - not run")
for label, ours, goal in goals:
    print(f"goal {label}: {ours:.2f} ms in-process, goal < {goal:g} ms: "
          f"{'met' if ours < goal else 'NOT met'}")
ratio = rows[-1][6]
print(f"goal 12 MP at least 5x faster than Pillow: {ratio:.1f}x in-process "
      f"({'met' if ratio >= 5 else 'NOT met'}), {rows[-1][7]:.1f}x as whole commands "
      f"({'met' if rows[-1][7] >= 5 else 'NOT met'})")
