#!/usr/bin/python3
"""baokao-tool's --help, --version and unknown-command behaviour, in English
and Chinese, with the exit statuses scripts rely on."""
import os
import subprocess
import sys
import tempfile

tool = sys.argv[1]


def run(*args, language=""):
    env = dict(os.environ, LANG="C.UTF-8", LANGUAGE=language)
    return subprocess.run([tool, *args], env=env, capture_output=True, text=True, timeout=30)


failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


r = run("--help")
check(r.returncode == 0, f"--help exits {r.returncode}")
check(r.stdout.startswith("Usage: baokao-tool"), f"--help prints usage: {r.stdout!r}")

r = run("--version")
check(r.returncode == 0 and r.stdout.strip().startswith("baokao-tool "),
      f"--version: {r.returncode} {r.stdout!r}")
check(r.stdout.strip().split()[-1][0].isdigit(), f"--version names a version: {r.stdout!r}")

r = run()
check(r.returncode == 2, f"no command exits {r.returncode}, expected 2")
check("Usage" in r.stderr, "no command prints usage on stderr")

r = run("no-such-command")
check(r.returncode == 2, f"unknown command exits {r.returncode}, expected 2")
check("no-such-command" in r.stderr and "--help" in r.stderr,
      f"unknown command says what to do: {r.stderr!r}")

r = run("--help", language="zh_CN")
check(r.returncode == 0 and r.stdout.startswith("用法"), f"--help in zh_CN: {r.stdout!r}")
r = run("no-such-command", language="zh_CN")
check("未知命令" in r.stderr, f"unknown command in zh_CN: {r.stderr!r}")

# A warning says which layer it comes from (G_LOG_DOMAIN per layer): with a
# bad BAOKAO_NOW, the clock in core warns when the demo profile is made.
with tempfile.TemporaryDirectory(prefix="baokao-tool-basics-") as tmp:
    env = dict(os.environ, LANG="C.UTF-8", G_DEBUG="", BAOKAO_NOW="next Tuesday")
    r = subprocess.run([tool, "profiles", "--database", os.path.join(tmp, "baokao.db"),
                        "--add-demo"], env=env, input="demo password\n", capture_output=True,
                       text=True, timeout=60)
    check(r.returncode == 0, f"--add-demo with a bad BAOKAO_NOW exits {r.returncode}")
    check("Baokao-Core-WARNING" in r.stderr and "BAOKAO_NOW" in r.stderr,
          f"the clock's warning names the core layer: {r.stderr[:300]!r}")

for f in failures:
    print("FAIL:", f, file=sys.stderr)
print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
