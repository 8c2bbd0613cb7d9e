#!/usr/bin/python3
"""bench/help-desk, section "unlock": runs unlock-bench in a temporary
folder and prints the table (best of the runs, milliseconds)."""
import json
import os
import subprocess
import sys
import tempfile

bench, photo, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
with tempfile.TemporaryDirectory(prefix="bk-unlock-bench-") as tmp:
    done = subprocess.run([bench, tmp, photo, str(runs)], capture_output=True, text=True,
                          check=True, timeout=600)
r = json.loads(done.stdout.strip().splitlines()[-1])
print(f"unlock an encrypted profile, best of {runs} runs "
      f"(Argon2id {r['opslimit']} passes over {r['memlimit'] >> 20} MiB; "
      f"photo {r['photo_bytes'] // 1024} KiB, proof 180 KiB)")
print(f"{'':46} {'time':>9} {'goal':>8}")
print(f"{'key derivation (Argon2id) alone':46} {r['derive_ms']:7.1f}ms")
print(f"{'unlock: derive, unwrap the data key':46} {r['unlock_ms']:7.1f}ms")
print(f"{'load the unlocked profile (decrypting)':46} {r['load_sealed_ms']:7.1f}ms")
total = r["unlock_ms"] + r["load_sealed_ms"]
print(f"{'unlock + load, what the candidate waits for':46} {total:7.1f}ms {'300 ms':>8}")
print(f"{'load the same profile from a plain store':46} {r['load_plain_ms']:7.1f}ms "
      f"{'(before)':>8}")
print(f"{'first unlock of a plain profile (migration)':46} {r['migrate_ms']:7.1f}ms "
      f"{'(once)':>8}")
