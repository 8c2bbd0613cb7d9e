#!/usr/bin/python3
"""Runs sync-bench against a fresh baokao-server --dev for each run (a new
account, a seed store and an empty store) and prints the table: the best
time of the runs and the worst main-loop stall."""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                                "server"))
import serverlib  # noqa: E402

server_binary, bench, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
PUSHED, PULLED = 1000, 10000

results = []
for run in range(runs):
    server = serverlib.Server(server_binary).start()
    try:
        token = server.candidate(f"bench{run}", run)
        with tempfile.TemporaryDirectory(prefix="bk-sync-bench-") as tmp:
            done = subprocess.run(
                [bench, os.path.join(tmp, "seed.db"), os.path.join(tmp, "empty.db"),
                 str(PUSHED), str(PULLED)],
                capture_output=True, text=True, check=True, timeout=600,
                env=dict(os.environ, BK_SERVER=f"https://127.0.0.1:{server.port}",
                         BK_CA=server.ca_file, BK_TOKEN=token))
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    finally:
        server.cleanup()

push = min(r["push_seconds"] for r in results)
pull = min(r["pull_seconds"] for r in results)
push_stall = max(r["push_stall_ms"] for r in results)
pull_stall = max(r["pull_stall_ms"] for r in results)
idle_stall = max(r["idle_stall_ms"] for r in results)
push_busy = max(r["push_busy_ms"] for r in results)
pull_busy = max(r["pull_busy_ms"] for r in results)
print(f"sync over TLS on loopback, {runs} runs (best time, worst stall)")
print("stall: the longest gap between two 1 ms ticks of the main loop; busy: the most CPU")
print("time the main thread spent between two ticks (a stall longer than the busy time is")
print("the process waiting for a core that other programs hold, not work holding the loop)")
print(f"{'':34} {'time':>8} {'goal':>6} {'stall':>9} {'busy':>9} {'goal':>7}")
print(f"{'push ' + format(PUSHED, ',') + ' outbox changes':34} {push:7.2f}s {'2 s':>6} "
      f"{push_stall:7.1f}ms {push_busy:7.1f}ms {'16 ms':>7}")
print(f"{'pull ' + format(PULLED, ',') + ' changes, empty store':34} {pull:7.2f}s {'3 s':>6} "
      f"{pull_stall:7.1f}ms {pull_busy:7.1f}ms {'16 ms':>7}")
print(f"{'the same loop, nothing running':34} {'':>8} {'':>6} {idle_stall:7.1f}ms "
      f"(this machine's own stalls)")
