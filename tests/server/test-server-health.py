#!/usr/bin/python3
"""Starts the real baokao-server on a free loopback port, asks /v1/health,
checks refusals of other methods and bad options, and stops it with SIGTERM."""
import json
import subprocess
import sys
import urllib.error
import urllib.request

server = sys.argv[1]

process = subprocess.Popen([server, "--port", "0"], stdout=subprocess.PIPE, text=True)
try:
    line = process.stdout.readline().strip()
    assert line.startswith("listening on 127.0.0.1:"), f"unexpected first line {line!r}"
    port = int(line.rsplit(":", 1)[1])
    assert port > 0, "port 0 was not replaced by a free port"

    with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=5) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("application/json")
        body = json.load(response)
    assert body["status"] == "ok", body
    version = subprocess.run([server, "--version"], capture_output=True, text=True).stdout
    assert version.strip() == f"baokao-server {body['version']}", (version, body)

    request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/health", method="POST",
                                     data=b"{}")
    try:
        urllib.request.urlopen(request, timeout=5)
        raise AssertionError("POST /v1/health was accepted")
    except urllib.error.HTTPError as e:
        assert e.code == 405, e.code

    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/no-such-path", timeout=5)
        raise AssertionError("an unknown path was answered")
    except urllib.error.HTTPError as e:
        assert e.code == 404, e.code
finally:
    process.terminate()
    status = process.wait(timeout=10)
assert status == 0, f"server exited {status} on SIGTERM"

bad = subprocess.run([server, "--port", "70000"], capture_output=True, text=True, timeout=10)
assert bad.returncode == 2 and "out of range" in bad.stderr, (bad.returncode, bad.stderr)
print("ok")
