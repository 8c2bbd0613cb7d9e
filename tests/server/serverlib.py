"""Helpers for the server tests: start the real baokao-server with --dev on
a free loopback port in a temporary state directory, and talk to it over
HTTPS with its throwaway CA pinned (peer verification on)."""
import hashlib
import http.client
import json
import os
import signal
import socket
import sqlite3
import ssl
import subprocess
import tempfile
import time
import uuid

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def resident_id(serial, birth="19800101", region="110105"):
    """A GB 11643 number with a correct check character."""
    first17 = f"{region}{birth}{serial % 1000:03d}"
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS))
    return first17 + CHECK[total % 11]


class Server:
    def __init__(self, binary, state_dir=None, config=None, args=(), fast_hash=True,
                 preexec_fn=None):
        self.binary = binary
        self.tmp = None
        if state_dir is None:
            self.tmp = tempfile.TemporaryDirectory(prefix="bk-server-")
            state_dir = self.tmp.name
        self.state_dir = state_dir
        self.config = config
        self.args = list(args)
        self.fast_hash = fast_hash
        self.preexec_fn = preexec_fn
        self.process = None

    def start(self):
        argv = [self.binary, "--dev", "--port", "0", "--state-dir", self.state_dir]
        if self.config is not None:
            path = os.path.join(self.state_dir, "server.conf")
            with open(path, "w") as f:
                f.write(self.config)
            argv += ["--config", path]
        env = dict(os.environ)
        if self.fast_hash:
            env["BAOKAO_SERVER_TEST_FAST_HASH"] = "1"
        self.log = open(os.path.join(self.state_dir, "server.log"), "a")
        self.process = subprocess.Popen(argv + self.args, stdout=subprocess.PIPE,
                                        stderr=self.log, text=True, env=env,
                                        preexec_fn=self.preexec_fn)
        line = self.process.stdout.readline().strip()
        assert line.startswith("listening on https://127.0.0.1:"), (line, self.read_log())
        self.port = int(line.rsplit(":", 1)[1].rstrip("/"))
        line = self.process.stdout.readline().strip()
        assert line.startswith("CA certificate for clients: "), line
        self.ca_file = line.split(": ", 1)[1]
        self.context = ssl.create_default_context(cafile=self.ca_file)
        assert self.context.verify_mode == ssl.CERT_REQUIRED and self.context.check_hostname
        return self

    def rss(self):
        """The server process's resident memory (VmRSS), in bytes."""
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        raise AssertionError("no VmRSS")

    def read_log(self):
        with open(os.path.join(self.state_dir, "server.log")) as f:
            return f.read()

    def connection(self, timeout=10):
        return http.client.HTTPSConnection("127.0.0.1", self.port, context=self.context,
                                           timeout=timeout)

    def request(self, method, path, body=None, token=None, headers=None, raw=None,
                content_type="application/json", timeout=10):
        """Returns (status, headers, parsed JSON body or None)."""
        all_headers = dict(headers or {})
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
        if data is not None and content_type is not None:
            all_headers.setdefault("Content-Type", content_type)
        if token is not None:
            all_headers["Authorization"] = f"Bearer {token}"
        conn = self.connection(timeout)
        try:
            conn.request(method, path, body=data, headers=all_headers)
            response = conn.getresponse()
            payload = response.read()
        finally:
            conn.close()
        parsed = None
        if payload:
            assert response.getheader("Content-Type", "").startswith("application/json"), \
                (method, path, response.status, payload[:200])
            parsed = json.loads(payload)
        return response.status, response.headers, parsed

    def register(self, name, serial, password="correct horse", **fields):
        body = {"real_name": "测试考生", "id_type": "resident-id", "id_number": resident_id(serial),
                "mobile": "13800000000", "user_name": name, "password": password}
        body.update(fields)
        return self.request("POST", "/v1/accounts", body)

    def sign_in(self, user_name, password="correct horse"):
        status, _, body = self.request("POST", "/v1/sessions",
                                       {"user_name": user_name, "password": password})
        assert status == 201, (status, body)
        return body["token"]

    def candidate(self, user_name, serial):
        status, _, body = self.register(user_name, serial)
        assert status == 202, (status, body)
        return self.sign_in(user_name)

    def admin(self, command, *args, password="staff password"):
        return subprocess.run([self.binary, "admin", command, "--state-dir", self.state_dir,
                               *args], input=password + "\n", capture_output=True, text=True,
                              timeout=30)

    def push(self, token, changes, key=None):
        key = key or str(uuid.uuid4())
        return self.request("POST", "/v1/changes", {"changes": changes}, token=token,
                            headers={"Idempotency-Key": key})

    def db(self):
        return sqlite3.connect(os.path.join(self.state_dir, "server.sqlite"))

    def count(self, table):
        with self.db() as db:
            return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def audit(self):
        with self.db() as db:
            return db.execute("SELECT account_id, address, method, path, action, decision, "
                              "status, detail FROM audit ORDER BY id").fetchall()

    def stop(self, sig=signal.SIGTERM):
        if self.process is None:
            return None
        self.process.send_signal(sig)
        status = self.process.wait(timeout=40)
        self.process.stdout.close()
        self.log.close()
        self.process = None
        return status

    def cleanup(self):
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process.stdout.close()
            self.log.close()
        if self.tmp is not None:
            self.tmp.cleanup()


def change(entity, entity_id, operation, version, payload, seq=None):
    row = {"entity": entity, "entity_id": entity_id, "operation": operation, "version": version,
           "payload": payload}
    if seq is not None:
        row["seq"] = seq
    return row


def profile_insert(profile_id=None, name="张三"):
    profile_id = profile_id or str(uuid.uuid4())
    return change("profile", profile_id, "insert", 1, {"id": profile_id, "name": name})


def sha256(text):
    return hashlib.sha256(text.encode()).hexdigest()


def raw_socket(server, timeout=10):
    """A TLS socket to the server, for requests http.client will not send."""
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=timeout)
    return server.context.wrap_socket(sock, server_hostname="127.0.0.1")


def trickle(server, data, gap, give_up, head=b""):
    """Sends @head, then @data a byte every @gap seconds, watching whether
    the server closes the connection; the seconds until it did, or None
    when it did not within @give_up seconds (or before the end of @data)."""
    sock = raw_socket(server, timeout=give_up + 5)
    started = time.monotonic()
    try:
        sock.sendall(head)
        for byte in data:
            sock.sendall(bytes([byte]))
            time.sleep(gap)
            sock.setblocking(False)
            try:
                if sock.recv(4096) == b"":
                    return time.monotonic() - started
            except (BlockingIOError, ssl.SSLWantReadError):
                pass
            sock.setblocking(True)
            if time.monotonic() - started > give_up:
                return None
    except OSError:
        return time.monotonic() - started
    finally:
        sock.close()
    return None


def read_response(sock):
    data = b""
    while True:
        try:
            chunk = sock.recv(65536)
        except (ConnectionResetError, ssl.SSLError):
            break
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ")[1]) if head.startswith(b"HTTP/") else None
    return status, head, body
