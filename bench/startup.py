"""Inner part of bench/startup: runs inside Xvfb + a D-Bus session."""
import os
import statistics
import subprocess
import sys
import tempfile
import time

runs = int(sys.argv[1])
photo = sys.argv[2]
PROFILES = int(os.environ.get("BENCH_PROFILES", "30"))  # a help-desk PC after a busy week


def make_home(profiles):
    """A fresh home directory; with profiles, each a complete demo profile
    (photo, education, work, an application with a proof), as
    baokao-tool profiles --add-demo makes it."""
    home = tempfile.mkdtemp(prefix="baokao-bench-startup-")
    database = os.path.join(home, "data", "baokao", "baokao.db")
    for i in range(profiles):
        subprocess.run(["baokao-tool", "profiles", "--database", database, "--add-demo",
                        "--photo", photo, "--user-name", f"demo{i:02d}"],
                       input=b"bench-demo-password\n", check=True, capture_output=True)
    return home


def environment(home):
    return dict(os.environ, GDK_BACKEND="x11", GSETTINGS_BACKEND="memory", LANG="C.UTF-8",
                HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
                XDG_CONFIG_HOME=os.path.join(home, "config"))


def one_run(env):
    """(first frame, profile list on screen) in ms. The application prints
    the times from BAOKAO_BENCH_T0 (CLOCK_MONOTONIC, µs, the same clock as
    g_get_monotonic_time) and quits once the list is shown."""
    t0 = time.monotonic_ns() // 1000
    out = subprocess.run(["baokao"], env=dict(env, BAOKAO_BENCH_T0=str(t0)),
                         capture_output=True, text=True, timeout=60).stdout
    marks = dict(line.split() for line in out.splitlines() if line.endswith(tuple("0123456789")))
    try:
        return int(marks["first-frame-us"]) / 1000.0, int(marks["profiles-shown-us"]) / 1000.0
    except KeyError:
        raise SystemExit(f"no timings reported; output: {out!r}")


def report(label, renderer, home, language=""):
    env = dict(environment(home), GSK_RENDERER=renderer, LANGUAGE=language)
    one_run(env)  # warm-up: page cache, fontconfig cache, a11y bus activation
    results = [one_run(env) for _ in range(runs)]
    frame = sorted(r[0] for r in results)
    shown = sorted(r[1] for r in results)
    print(f"{label:<34} {statistics.median(frame):8.1f} {frame[0]:8.1f} {frame[-1]:8.1f}"
          f" {statistics.median(shown):12.1f}")


empty = make_home(0)
busy = make_home(PROFILES)
print(f"baokao start to first frame, {runs} runs each, milliseconds (goal: median < 400);")
print("last column: start until the list of profiles is on screen (median)")
print(f"{'renderer, language, data':<34} {'median':>8} {'min':>8} {'max':>8} {'list shown':>12}")
for renderer, name in (("cairo", "cairo"), ("gl", "gl (default)")):
    for language, tag in (("", "en"), ("zh_CN", "zh_CN")):
        report(f"{name}, {tag}, no profiles", renderer, empty, language)
        report(f"{name}, {tag}, {PROFILES} full profiles", renderer, busy, language)
