"""Helpers for the server tests: start the real baokao-server with --dev on
a free loopback port in a temporary state directory, and talk to it over
HTTPS with its throwaway CA pinned (peer verification on).

With BAOKAO_TEST_DATABASE=postgres (meson registers every server test a
second time, as NAME-postgres) each server gets a database of its own in a
throwaway PostgreSQL cluster that this test process starts on a free port
and removes at its end; otherwise the server keeps its SQLite file in its
state directory. Tests read the database only through Server.query() and
the helpers over it, which speak to either."""
import atexit
import hashlib
import http.client
import json
import os
import shutil
import signal
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import time
import uuid

POSTGRES = os.environ.get("BAOKAO_TEST_DATABASE") == "postgres"
PG_BIN = "/usr/lib/postgresql/15/bin"
# The schema version this build's server writes: the number of migrations
# in src/server/bk-server-sqlite-schema.c and bk-server-pg-schema.c.
SCHEMA_VERSION = 4

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def resident_id(serial, birth="19800101", region="110105"):
    """A GB 11643 number with a correct check character."""
    first17 = f"{region}{birth}{serial % 1000:03d}"
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS))
    return first17 + CHECK[total % 11]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Postgres:
    """A throwaway PostgreSQL 15 cluster on a free loopback port, trusting
    local connections. initdb refuses to run as root, so as root the
    cluster belongs to nobody."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="bk-pg-")
        self.data = os.path.join(self.dir, "data")
        self.log = os.path.join(self.dir, "postgres.log")
        self.databases = 0
        self.by_state_dir = {}
        self.as_user = []
        if os.getuid() == 0:
            shutil.chown(self.dir, "nobody")
            self.as_user = ["runuser", "-u", "nobody", "--"]
        template = self.template()
        if template is not None:
            self.pg("cp", "-a", template, self.data)
        else:
            self.initdb(self.data)
        for attempt in range(5):
            self.port = free_port()
            options = (f"-k {self.dir} -h 127.0.0.1 -p {self.port} -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off")
            result = subprocess.run(self.as_user + [f"{PG_BIN}/pg_ctl", "-D", self.data, "-o",
                                                    options, "-l", self.log, "-w", "start"],
                                    capture_output=True, text=True, cwd=self.dir)
            if result.returncode == 0:
                return
        raise AssertionError(f"PostgreSQL did not start: {result.stderr}\n{self.read_log()}")

    def initdb(self, data):
        self.pg(f"{PG_BIN}/initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-sync")

    def template(self):
        """A cluster made by initdb once per build tree and copied for each
        test (initdb takes most of a cluster's start); None outside meson.
        It lives in the temporary directory, not the build tree: as root the
        cluster belongs to nobody, who may not enter a checkout under /root."""
        build = os.environ.get("G_TEST_BUILDDIR")
        if build is None or not os.path.isdir(build):
            return None
        tree = hashlib.sha256(os.path.realpath(build).encode()).hexdigest()[:16]
        path = os.path.join(tempfile.gettempdir(), f"baokao-postgres-15-template-{tree}")
        if not os.path.isdir(path):
            # Made aside and renamed into place: tests running at once each
            # make one, the first rename wins, the others are removed.
            os.makedirs(os.path.dirname(path), exist_ok=True)
            aside = tempfile.mkdtemp(prefix="postgres-15-template-", dir=os.path.dirname(path))
            if self.as_user:
                shutil.chown(aside, "nobody")
            self.initdb(os.path.join(aside, "data"))
            try:
                os.rename(os.path.join(aside, "data"), path)
            except OSError:
                pass
            shutil.rmtree(aside, ignore_errors=True)
        return path

    def pg(self, *argv):
        result = subprocess.run(self.as_user + list(argv), capture_output=True, text=True,
                                cwd=self.dir)
        assert result.returncode == 0, (argv, result.stdout, result.stderr)
        return result.stdout

    def read_log(self):
        try:
            with open(self.log) as f:
                return f.read()
        except OSError:
            return ""

    def conninfo(self, name):
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={name}"

    def new_database(self):
        self.databases += 1
        name = f"baokao{self.databases}"
        self.psql("postgres", f"CREATE DATABASE {name}")
        return self.conninfo(name)

    def database_for(self, state_dir):
        """One database per state directory, as SQLite's default file is:
        servers started on one state directory share it."""
        key = os.path.realpath(state_dir)
        if key not in self.by_state_dir:
            self.by_state_dir[key] = self.new_database()
        return self.by_state_dir[key]

    def psql(self, conninfo, sql):
        if "=" not in conninfo:
            conninfo = self.conninfo(conninfo)
        result = subprocess.run([f"{PG_BIN}/psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                                 "-d", conninfo, "-c", sql], capture_output=True, text=True,
                                timeout=30)
        assert result.returncode == 0, (sql, result.stderr)
        return result.stdout

    def restart(self):
        """As an administrator's restart: every client connection is cut."""
        # The new postmaster logs to the file: a pipe of ours it kept open
        # would never reach its end.
        subprocess.run(self.as_user + [f"{PG_BIN}/pg_ctl", "-D", self.data, "-l", self.log, "-m",
                                       "fast", "-w", "restart"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=self.dir,
                       timeout=60)

    def stop(self):
        subprocess.run(self.as_user + [f"{PG_BIN}/pg_ctl", "-D", self.data, "-m", "immediate",
                                       "stop"], capture_output=True, cwd=self.dir)
        shutil.rmtree(self.dir, ignore_errors=True)


_cluster = None


def cluster():
    """This test process's PostgreSQL cluster, started on first use."""
    global _cluster
    if _cluster is None:
        _cluster = Postgres()
        atexit.register(_cluster.stop)
        # meson stops a test that overruns with SIGTERM: stop the cluster too.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    return _cluster


def sql_literal(value):
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


class Server:
    def __init__(self, binary, state_dir=None, config=None, args=(), fast_hash=True,
                 database=None, env=None, preexec_fn=None):
        """database: a connection string or SQLite path to share with another
        server; by default the state directory's own, as the server does:
        STATE/server.sqlite, or in postgres runs a PostgreSQL database of
        the state directory's."""
        self.binary = binary
        self.env = dict(env or {})  # e.g. BAOKAO_NOW, for the server and admin commands
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
        if database is None and POSTGRES:
            database = cluster().database_for(state_dir)
        self.database = database

    def database_args(self):
        """The options that point another baokao-server at this one's database."""
        return ["--database", self.database] if self.database is not None else []

    def shared_database(self):
        """What another Server(database=…) takes to share this one's data."""
        return self.database or self.sqlite_path()

    def start(self):
        argv = [self.binary, "--dev", "--port", "0", "--state-dir", self.state_dir,
                *self.database_args()]
        if self.config is not None:
            path = os.path.join(self.state_dir, "server.conf")
            with open(path, "w") as f:
                f.write(self.config)
            argv += ["--config", path]
        env = dict(os.environ)
        if self.fast_hash:
            env["BAOKAO_SERVER_TEST_FAST_HASH"] = "1"
        env.update(self.env)
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
        config = []
        if self.config is not None:
            config = ["--config", os.path.join(self.state_dir, "server.conf")]
        return subprocess.run([self.binary, "admin", command, "--state-dir", self.state_dir,
                               *config, *self.database_args(), *args], input=password + "\n",
                              capture_output=True, text=True, timeout=30,
                              env=dict(os.environ, **self.env))

    def restart(self, **env):
        """Stops the server and starts it again with @env changed (a value of
        None removes a variable), on the same state directory."""
        self.stop()
        for name, value in env.items():
            if value is None:
                self.env.pop(name, None)
            else:
                self.env[name] = value
        return self.start()

    def pull_all(self, token, since=0):
        """Every change after @since the caller may see, following the pages."""
        changes = []
        while True:
            status, _, page = self.request("GET", f"/v1/changes?since={since}&limit=1000",
                                           token=token)
            assert status == 200, (status, page)
            changes += page["changes"]
            since = page["next"]
            if not page["more"]:
                return changes

    def audit_log(self, admin_token, limit=1000):
        """The audit log through GET /v1/audit, oldest first."""
        status, _, body = self.request("GET", f"/v1/audit?limit={limit}", token=admin_token)
        assert status == 200, (status, body)
        return list(reversed(body["entries"]))

    def push(self, token, changes, key=None):
        key = key or str(uuid.uuid4())
        return self.request("POST", "/v1/changes", {"changes": changes}, token=token,
                            headers={"Idempotency-Key": key})

    def db(self):
        """sqlite3-like reads on either database, for tests written against
        the SQLite file: `with server.db() as db: db.execute(sql,
        params).fetchone()`."""
        return _Database(self)

    def is_postgres(self):
        return self.database is not None and "=" in self.database

    def sqlite_path(self):
        return self.database or os.path.join(self.state_dir, "server.sqlite")

    def query(self, sql, *params):
        """The rows of @sql (portable SQL, ? for each of @params) as tuples,
        on whichever database the server uses."""
        if not self.is_postgres():
            with sqlite3.connect(self.sqlite_path()) as db:
                return [tuple(row) for row in db.execute(sql, params).fetchall()]
        parts = sql.split("?")
        assert len(parts) == len(params) + 1, (sql, params)
        inlined = parts[0] + "".join(sql_literal(p) + part for p, part in zip(params, parts[1:]))
        out = cluster().psql(self.database,
                             f"SELECT coalesce(json_agg(q), '[]') FROM ({inlined}) q")
        # One tuple per row, in column order (json_agg keeps it).
        return json.loads(out, object_pairs_hook=lambda pairs: tuple(v for _, v in pairs))

    def execute(self, sql):
        """Runs one statement that returns no rows."""
        if not self.is_postgres():
            with sqlite3.connect(self.sqlite_path()) as db:
                db.execute(sql)
        else:
            cluster().psql(self.database, sql)

    def one(self, sql, *params):
        rows = self.query(sql, *params)
        assert len(rows) == 1, (sql, rows)
        return rows[0][0]

    def count(self, table):
        return self.one(f"SELECT count(*) FROM {table}")

    def audit(self):
        return self.query("SELECT account_id, address, method, path, action, decision, "
                          "status, detail FROM audit ORDER BY id")

    def schema_version(self):
        if not self.is_postgres():
            return self.one("PRAGMA user_version")
        return self.one("SELECT version FROM schema_version")

    def set_schema_version(self, version):
        if not self.is_postgres():
            self.execute(f"PRAGMA user_version = {int(version)}")
        else:
            self.execute(f"UPDATE schema_version SET version = {int(version)}")

    def dump(self):
        """Everything the database holds, as bytes: the SQLite file, or a
        pg_dump of the PostgreSQL database."""
        if not self.is_postgres():
            with open(self.sqlite_path(), "rb") as f:
                return f.read()
        return subprocess.run([f"{PG_BIN}/pg_dump", "-d", self.database], check=True,
                              capture_output=True, timeout=60).stdout

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


class _Rows:
    def __init__(self, rows):
        self.rows = rows

    def fetchone(self):
        return self.rows[0] if self.rows else None

    def fetchall(self):
        return self.rows

    def __iter__(self):
        return iter(self.rows)


class _Database:
    def __init__(self, server):
        self.server = server

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def execute(self, sql, params=()):
        return _Rows(self.server.query(sql, *params))


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


def response_length(data):
    """The length of the first whole answer in @data, or None."""
    head, found, _ = data.partition(b"\r\n\r\n")
    if not found:
        return None
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = len(head) + 4 + int(value)
            return length if len(data) >= length else None
    return None


def read_response(sock):
    """One answer: up to its Content-Length (the connection may be kept),
    or until the server closes the connection."""
    data = b""
    while response_length(data) is None:
        try:
            chunk = sock.recv(65536)
        except (ConnectionResetError, ssl.SSLError):
            break
        if not chunk:
            break
        data += chunk
    length = response_length(data)
    if length is not None:
        data = data[:length]
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ")[1]) if head.startswith(b"HTTP/") else None
    return status, head, body


class WorkflowCandidate:
    """A candidate with a complete profile (its accepted photo's record, one
    education record, one work period) and an application, pushed as the
    client's outbox would; @without leaves those profile members out."""

    def __init__(self, server, name, serial, session, point, app_id=None, commitment="yes",
                 level=2, mode="all", graduated="2010-07-01", id_type="resident-id", proofs=0,
                 real_name="测试考生", without=()):
        self.server = server
        self.name = name
        self.id_number = resident_id(serial)
        self.token = self.server.candidate(name, serial)
        self.profile_id, self.app_id = str(uuid.uuid4()), app_id or str(uuid.uuid4())
        self.app = {"id": self.app_id, "profile_id": self.profile_id, "session_id": session,
                    "level": level, "mode": mode, "point_code": point, "commitment": commitment,
                    "commitment_signed_at": None, "state": "draft", "submitted_at": None}
        profile = {"id": self.profile_id, "id_type": id_type,
                   "id_number": self.id_number, "real_name": real_name,
                   "mobile": "13800000000", "sex": "male", "birth_date": "1980-01-01",
                   "senior_title": "none", "verification_officer_certificate": False,
                   "user_name": f"cand{serial:04d}", "ethnicity": "汉族",
                   "email": f"{name}@example.com",
                   "address": "上海市徐汇区漕溪北路88号", "postcode": "200030",
                   "work_unit": "上海市计量测试技术研究院"}
        if id_type != "resident-id":
            profile["id_number"] = f"E{serial:08d}"  # a passport's
            self.id_number = profile["id_number"]  # what staff and the ticket show
        for member in without:
            del profile[member]
        education_id, work_id, photo_id = (str(uuid.uuid4()) for _ in range(3))
        self.photo_id = photo_id  # its record only: upload_photo() sends a file
        photo = {"id": photo_id, "profile_id": self.profile_id, "kind": "standardised",
                 "file_name": "报名照片.jpg", "accepted": True, "size": 20000,
                 "sha256": "0" * 64}
        education = {"id": education_id, "profile_id": self.profile_id, "level": "bachelor",
                     "discipline": "engineering", "school": "大学", "major": "测控技术与仪器",
                     "graduated": graduated, "certificate_number": "10001120100500001",
                     "full_time": True, "foreign": False}
        work = {"id": work_id, "profile_id": self.profile_id, "employer": "计量院",
                "from": graduated[:4] + "-08-01", "to": None, "metrology": True}
        rows = [change("profile", self.profile_id, "insert", 1, profile),
                change("photo", photo_id, "insert", 1, photo),
                change("education", education_id, "insert", 1, education),
                change("work_period", work_id, "insert", 1, work),
                change("application", self.app_id, "insert", 1, self.app)]
        status, _, body = self.server.push(self.token, rows)
        assert status == 200 and all(r["status"] == 201 for r in body["results"]), body
        for _ in range(proofs):
            self.add_proof()

    def upload_photo(self, data):
        """PUT the photo's file (the server checks it and writes its verdict)."""
        status, _, body = self.server.request("PUT", f"/v1/photos/{self.photo_id}/file",
                                              raw=data, token=self.token,
                                              content_type="image/jpeg")
        assert status == 200, (status, body)

    def new_application(self, session, point, app_id):
        """Another application of the same candidate and profile."""
        self.app_id = app_id
        self.app = dict(self.app, id=app_id, session_id=session, point_code=point, state="draft")
        status, _, body = self.server.push(self.token, [change("application", app_id, "insert", 1,
                                                          self.app)])
        assert body["results"][0]["status"] == 201, body

    def add_proof(self):
        proof_id = str(uuid.uuid4())
        status, _, body = self.server.push(self.token, [change(
            "proof", proof_id, "insert", 1,
            {"id": proof_id, "application_id": self.app_id, "kind": "work-certificate",
             "file_name": "工作证明.pdf", "size": 1000, "sha256": None})])
        assert body["results"][0]["status"] == 201, body

    def submit(self):
        self.app["state"] = "submitted"
        status, _, body = self.server.push(
            self.token, [change("application", self.app_id, "update", 2, self.app)])
        assert body["results"][0]["status"] == 200, body

    def latest(self):
        """The application as the candidate's pull brings it last."""
        mine = [c for c in self.server.pull_all(self.token) if c["entity_id"] == self.app_id]
        return mine[-1]

    def confirm(self, version=None, token=None):
        version = version or self.latest()["version"]
        return self.server.request("POST", "/v1/confirmations",
                              {"application_id": self.app_id, "version": version},
                              token=token or self.token)
