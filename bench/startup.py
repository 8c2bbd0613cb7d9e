"""Inner part of bench/startup: runs inside Xvfb + a D-Bus session."""
import os
import statistics
import subprocess
import sys
import tempfile
import time

runs = int(sys.argv[1])
home = tempfile.mkdtemp(prefix="baokao-bench-startup-")
env = dict(os.environ, GDK_BACKEND="x11", GSETTINGS_BACKEND="memory", LANG="C.UTF-8",
           HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
           XDG_CONFIG_HOME=os.path.join(home, "config"))


def one_run():
    # The application prints the time from BAOKAO_BENCH_T0 (CLOCK_MONOTONIC,
    # µs, the same clock as g_get_monotonic_time) to its first frame, and quits.
    t0 = time.monotonic_ns() // 1000
    out = subprocess.run(["baokao"], env=dict(env, BAOKAO_BENCH_T0=str(t0)),
                         capture_output=True, text=True, timeout=60).stdout
    for line in out.splitlines():
        if line.startswith("first-frame-us "):
            return int(line.split()[1]) / 1000.0
    raise SystemExit(f"no first frame reported; output: {out!r}")


def report(label, renderer):
    env["GSK_RENDERER"] = renderer
    one_run()  # warm-up: page cache, fontconfig cache, a11y bus activation
    times = sorted(one_run() for _ in range(runs))
    print(f"{label:<22} {statistics.median(times):8.1f} {times[0]:8.1f} {times[-1]:8.1f}")


print(f"baokao start to first frame, {runs} runs, milliseconds (goal: median < 400)")
print(f"{'renderer':<22} {'median':>8} {'min':>8} {'max':>8}")
report("cairo (tests)", "cairo")
report("gl (default, llvmpipe)", "gl")
