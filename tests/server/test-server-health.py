#!/usr/bin/python3
"""Starts the real baokao-server: --dev serves HTTPS with a throwaway CA that
a client pins (and only that CA); a configured certificate; plain HTTP only
with --insecure-http on loopback; /v1/health and /v1/ready; refusals of
other methods, bad options and bad configurations; SIGTERM stops it."""
import json
import os
import ssl
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from serverlib import Server, free_port  # noqa: E402

binary = sys.argv[1]

server = Server(binary)
try:
    server.start()
    # SQLite by default, in the state directory; nothing there when the
    # database is PostgreSQL.
    assert os.path.exists(os.path.join(server.state_dir, "server.sqlite")) != server.is_postgres()
    base = f"https://127.0.0.1:{server.port}"
    with urllib.request.urlopen(base + "/v1/health", timeout=5, context=server.context) as r:
        assert r.status == 200 and r.headers["Content-Type"].startswith("application/json")
        body = json.load(r)
    assert body["status"] == "ok", body
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout
    assert version.strip() == f"baokao-server {body['version']}", (version, body)
    status, _, body = server.request("GET", "/v1/ready")
    assert (status, body) == (200, {"status": "ready"}), (status, body)

    # The certificate is for 127.0.0.1 and localhost, and only the dev CA
    # vouches for it: the system's CAs do not.
    try:
        urllib.request.urlopen(base + "/v1/health", timeout=5,
                               context=ssl.create_default_context())
        raise AssertionError("the dev certificate was trusted without its CA")
    except urllib.error.URLError as e:
        assert isinstance(e.reason, ssl.SSLCertVerificationError), e

    status, headers, body = server.request("POST", "/v1/health", {})
    assert status == 405 and headers["Allow"] == "GET" and body["code"] == "method_not_allowed"
    status, _, body = server.request("GET", "/no-such-path")
    assert status == 404 and body["code"] == "not_found", (status, body)

    # A second start reuses the CA, so a pinned CA file stays valid.
    with open(server.ca_file) as f:
        ca = f.read()
    assert server.stop() == 0
    server.start()
    with open(server.ca_file) as f:
        assert f.read() == ca
    status, _, _ = server.request("GET", "/v1/ready")
    assert status == 200

    # The connection is kept: a second request goes over the same one.
    conn = server.connection()
    conn.request("GET", "/v1/health")
    response = conn.getresponse()
    response.read()
    assert response.getheader("Connection") is None, response.headers
    first = conn.sock
    conn.request("GET", "/v1/ready")
    response = conn.getresponse()
    response.read()
    assert response.status == 200 and conn.sock is first
    conn.close()

    # A database written by a newer server is left alone, with a message.
    assert server.stop() == 0
    schema_version = server.schema_version()
    server.set_schema_version(99)
    newer = subprocess.run([binary, "--dev", "--port", "0", "--state-dir", server.state_dir,
                            *server.database_args()], capture_output=True, text=True, timeout=20)
    assert newer.returncode == 1 and "newer baokao-server" in newer.stderr, newer
    assert server.schema_version() == 99
    server.set_schema_version(schema_version)
    server.start()

    # A configured certificate and key (here the dev ones) and database.
    with tempfile.TemporaryDirectory() as other:
        # The database key takes a SQLite file or a libpq connection string.
        database = (server.database if server.is_postgres()
                    else os.path.join(other, "elsewhere.sqlite"))
        config = os.path.join(other, "server.conf")
        tls = os.path.join(server.state_dir, "dev-tls")
        with open(config, "w") as f:
            f.write(f"[server]\naddress=127.0.0.1\nport=0\ncertificate={tls}/server.pem\n"
                    f"key={tls}/server.key\ndatabase={database}\n")
        process = subprocess.Popen([binary, "--config", config, "--state-dir", other],
                                   stdout=subprocess.PIPE, text=True)
        line = process.stdout.readline().strip()
        assert line.startswith("listening on https://127.0.0.1:"), line
        port = int(line.rsplit(":", 1)[1].rstrip("/"))
        with urllib.request.urlopen(f"https://localhost:{port}/v1/ready", timeout=5,
                                    context=server.context) as r:
            assert r.status == 200
        process.terminate()
        assert process.wait(timeout=10) == 0
        process.stdout.close()
        assert os.path.exists(database) or server.is_postgres()
        assert not os.path.exists(os.path.join(other, "server.sqlite"))

        # Plain HTTP only when asked, and only on loopback.
        process = subprocess.Popen([binary, "--insecure-http", "--port", "0", "--state-dir",
                                    other], stdout=subprocess.PIPE, text=True)
        line = process.stdout.readline().strip()
        assert line.startswith("listening on http://127.0.0.1:"), line
        port = int(line.rsplit(":", 1)[1].rstrip("/"))
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=5) as r:
            assert r.status == 200
        process.terminate()
        assert process.wait(timeout=10) == 0
        process.stdout.close()

        for args, message in [
                (["--insecure-http", "--address", "0.0.0.0"], "only on a loopback"),
                ([], "no certificate"),
                (["--port", "70000"], "out of range"),
                (["--config", os.path.join(other, "missing.conf")], "missing.conf"),
        ]:
            bad = subprocess.run([binary, "--state-dir", other, *args], capture_output=True,
                                 text=True, timeout=10)
            assert bad.returncode == 2 and message in bad.stderr, (args, bad.returncode,
                                                                   bad.stderr)
        # A PostgreSQL server that does not answer: a message, not a hang.
        bad = subprocess.run([binary, "--dev", "--port", "0", "--state-dir", other, "--database",
                              f"postgresql://127.0.0.1:{free_port()}/none?connect_timeout=5"],
                             capture_output=True, text=True, timeout=20)
        assert bad.returncode == 1 and "connecting to PostgreSQL" in bad.stderr, bad.stderr
        with open(config, "w") as f:
            f.write("[server]\nprot=8443\n")
        bad = subprocess.run([binary, "--config", config], capture_output=True, text=True,
                             timeout=10)
        assert bad.returncode == 2 and "no key “prot”" in bad.stderr, bad.stderr
finally:
    status = server.stop()
    server.cleanup()
assert status == 0, f"server exited {status} on SIGTERM"
print("ok")
