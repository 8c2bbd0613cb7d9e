"""Inner part of bench/server: runs each backend and the ceiling with the
same client and prints one table."""
import argparse
import http.client
import json
import os
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import uuid

PG_BIN = "/usr/lib/postgresql/15/bin"

parser = argparse.ArgumentParser()
parser.add_argument("server")
parser.add_argument("ceiling")
parser.add_argument("client")
parser.add_argument("--backends", default="sqlite,postgres")
parser.add_argument("--clients", type=int, default=100)
parser.add_argument("--seconds", type=float, default=10)
parser.add_argument("--batch", type=int, default=20)
parser.add_argument("--interval", type=float, default=0,
                    help="seconds between a client's rounds; 0: as fast as answered")
parser.add_argument("--rate", type=float, default=0,
                    help="pushed changes per second offered by all the clients together (paces "
                         "each client's rounds; overrides --interval)")
args = parser.parse_args()
if args.rate > 0:
    args.interval = args.clients * args.batch / args.rate

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def resident_id(serial):
    first17 = f"11010519800101{serial % 1000:03d}"
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS))
    return first17 + "10X98765432"[total % 11]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_postgres(tmp):
    """A throwaway PostgreSQL 15 cluster in @tmp (initdb refuses root: as
    nobody when root); returns (connection string, stop function)."""
    data = os.path.join(tmp, "pg")
    os.mkdir(data, 0o700)
    port = free_port()
    run_as = []
    if os.geteuid() == 0:
        shutil.chown(data, "nobody")
        os.chmod(tmp, 0o755)
        run_as = ["runuser", "-u", "nobody", "--"]
    subprocess.run(run_as + [f"{PG_BIN}/initdb", "-D", data, "-A", "trust", "-U", "bench"],
                   check=True, capture_output=True)
    with open(os.path.join(data, "postgresql.conf"), "a") as f:
        f.write("max_connections = 200\n")
    subprocess.run(run_as + [f"{PG_BIN}/pg_ctl", "-D", data, "-w", "-l",
                             os.path.join(data, "log"), "-o", f"-k {data} -h 127.0.0.1 -p {port}",
                             "start"], check=True, capture_output=True)

    def stop():
        subprocess.run(run_as + [f"{PG_BIN}/pg_ctl", "-D", data, "-m", "fast", "stop"],
                       capture_output=True)
    return f"postgresql://bench@127.0.0.1:{port}/postgres", stop


class Process:
    """A server process that prints "listening on URL" first."""

    def __init__(self, argv, env=None, log=None):
        self.log = open(log or os.devnull, "w")
        self.process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=self.log, text=True,
                                        env=env)
        line = self.process.stdout.readline().strip()
        if not line.startswith("listening on "):
            self.stop()
            raise RuntimeError(f"{argv[0]} did not start: {line!r}")
        self.url = line.split(" ", 2)[2].rstrip("/")
        self.port = int(self.url.rsplit(":", 1)[1])

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=40)
        self.log.close()


def request(port, context, method, path, body=None, token=None, key=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if key:
        headers["Idempotency-Key"] = key
    conn = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=60)
    conn.request(method, path, body=json.dumps(body).encode() if body else None, headers=headers)
    response = conn.getresponse()
    data = json.loads(response.read() or b"null")
    conn.close()
    return response.status, data


def make_accounts(port, context, count):
    """@count candidates, each signed in with a profile: "TOKEN PROFILE 1"."""
    lines = [None] * count

    def one(i):
        name = f"bench{i:04d}"
        status, body = request(port, context, "POST", "/v1/accounts",
                               {"real_name": "测试考生", "id_type": "resident-id",
                                "id_number": resident_id(i), "mobile": "13800000000",
                                "user_name": name, "password": "bench password"})
        assert status == 202, (status, body)
        status, body = request(port, context, "POST", "/v1/sessions",
                               {"user_name": name, "password": "bench password"})
        assert status == 201, (status, body)
        token, profile = body["token"], str(uuid.uuid4())
        status, body = request(port, context, "POST", "/v1/changes",
                               {"changes": [{"entity": "profile", "entity_id": profile,
                                             "operation": "insert", "version": 1,
                                             "payload": {"id": profile, "name": "张三"}}]},
                               token=token, key=str(uuid.uuid4()))
        assert status == 200 and body["results"][0]["status"] == 201, (status, body)
        lines[i] = f"{token} {profile} 1"

    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    for i in range(0, count, 10):  # ten at a time
        for t in threads[i:i + 10]:
            t.start()
        for t in threads[i:i + 10]:
            t.join()
    return lines


def drive(url, ca_file, accounts_file):
    out = subprocess.run([args.client, url, ca_file, accounts_file, str(args.seconds),
                          str(args.batch), str(args.interval)], capture_output=True, text=True, check=True)
    if out.stderr:
        sys.stderr.write(out.stderr)
    return json.loads(out.stdout)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


rows = []
tmp = tempfile.mkdtemp(prefix="baokao-bench-server-")
ca = cert = key = None
try:
    for backend in args.backends.split(","):
        state = os.path.join(tmp, backend)
        os.mkdir(state)
        argv = [args.server, "--dev", "--port", "0", "--state-dir", state]
        stop_pg = None
        if backend == "postgres":
            try:
                database, stop_pg = start_postgres(tmp)
            except (OSError, subprocess.CalledProcessError) as e:
                rows.append((backend, None, f"PostgreSQL did not start: {e}"))
                continue
            argv += ["--database", database]
        elif backend != "sqlite":
            sys.exit(f"unknown backend {backend}: use sqlite, postgres")
        env = dict(os.environ, BAOKAO_SERVER_TEST_FAST_HASH="1")
        try:
            server = Process(argv, env=env, log=os.path.join(state, "server.log"))
        except RuntimeError as e:
            with open(os.path.join(state, "server.log")) as f:
                rows.append((backend, None, f"{e}: " + f.read().strip()[-300:].replace("\n", " ")))
            if stop_pg:
                stop_pg()
            continue
        ca = server.process.stdout.readline().strip().split(": ", 1)[1]
        cert, key = os.path.join(state, "dev-tls", "server.pem"), \
            os.path.join(state, "dev-tls", "server.key")
        context = ssl.create_default_context(cafile=ca)
        accounts = os.path.join(state, "accounts")
        with open(accounts, "w") as f:
            f.write("\n".join(make_accounts(server.port, context, args.clients)) + "\n")
        cpu = cpu_seconds(server.process.pid)
        result = drive(server.url, ca, accounts)
        result["server_cpu"] = cpu_seconds(server.process.pid) - cpu
        server.stop()
        if stop_pg:
            stop_pg()
        rows.append((f"baokao-server, {backend}", result, None))

    if ca is not None:
        ceiling = Process([args.ceiling, cert, key])
        accounts = os.path.join(tmp, "ceiling-accounts")
        with open(accounts, "w") as f:
            f.write("".join(f"x {uuid.uuid4()} 1\n" for _ in range(args.clients)))
        cpu = cpu_seconds(ceiling.process.pid)
        result = drive(f"https://127.0.0.1:{ceiling.port}", ca, accounts)
        result["server_cpu"] = cpu_seconds(ceiling.process.pid) - cpu
        ceiling.stop()
        rows.append(("ceiling: bare libsoup, fixed reply", result, None))
finally:
    shutil.rmtree(tmp, ignore_errors=True)

ceiling_rps = None
for name, r, _ in rows:
    if r is not None and name.startswith("ceiling"):
        ceiling_rps = (r["push"]["count"] + r["pull"]["count"]) / r["seconds"]

pace = (f"a round every {args.interval:g} s per client "
        f"({args.clients * args.batch / args.interval:.0f} changes/s offered)" if args.interval > 0
        else "each client's next round as soon as the last is answered")
print(f"bench/server: {args.clients} clients, {args.seconds:g} s each, a push of {args.batch} "
      f"changes then a pull per round, {pace}; HTTPS, each client keeping its TLS connection "
      "between requests")
print(f"machine: {os.cpu_count()} CPUs, shared with whatever else runs; client and server on it")
print()
print("| server | pushed changes/s | requests/s | push p50 / p99 ms | pull p50 / p99 ms | "
      "errors | conflicts | server CPU s | x ceiling (requests/s) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for name, r, problem in rows:
    if r is None:
        print(f"| baokao-server, {name} | — | — | — | — | — | — | — | not run: {problem} |")
        continue
    rps = (r["push"]["count"] + r["pull"]["count"]) / r["seconds"]
    changes = f"{r['changes'] / r['seconds']:.0f}" if not name.startswith("ceiling") else "—"
    ratio = f"{rps / ceiling_rps:.2f}" if ceiling_rps else "—"
    print(f"| {name} | {changes} | {rps:.0f} | {r['push']['p50_ms']:.1f} / "
          f"{r['push']['p99_ms']:.1f} | {r['pull']['p50_ms']:.1f} / {r['pull']['p99_ms']:.1f} | "
          f"{r['errors']} | {r['conflicts']} | {r['server_cpu']:.1f} | {ratio} |")
print()
goals = {"sqlite": 2000, "postgres": 1000}
for name, r, _ in rows:
    backend = name.rsplit(", ", 1)[-1]
    if r is None or backend not in goals:
        continue
    changes = r["changes"] / r["seconds"]
    p99 = max(r["push"]["p99_ms"], r["pull"]["p99_ms"])
    print(f"goal {backend}: {changes:.0f} pushed changes/s (goal >= {goals[backend]}): "
          f"{'met' if changes >= goals[backend] else 'NOT met'}; p99 {p99:.1f} ms "
          f"(goal < 100): {'met' if p99 < 100 else 'NOT met'}")
