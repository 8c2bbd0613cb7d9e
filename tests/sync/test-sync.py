"""The sync client (tests/sync/sync-driver) against the real baokao-server
--dev over TLS with its throwaway CA pinned, on real SQLite stores. Faults
the real server cannot produce on demand go through faultproxy.py, and
each test says which. After each, the client and the server hold the same
records at the same versions: nothing lost, nothing applied twice.

usage: test-sync.py BAOKAO_SERVER SYNC_DRIVER"""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "server"))
import serverlib  # noqa: E402
from faultproxy import FaultProxy  # noqa: E402

SERVER, DRIVER = sys.argv[1], sys.argv[2]
PASSWORD = "correct horse"
TABLES = ["profile", "education", "work_period", "application", "proof"]
# The BK_SYNC_ERROR codes (src/sync/bk-sync-error.h).
NETWORK, HTTP, PROTOCOL, CERTIFICATE, TIMEOUT = 0, 1, 2, 3, 4
TOO_LARGE, ADDRESS, NOT_SIGNED_IN, REFUSED, UNAVAILABLE = 5, 6, 7, 8, 9
CHANGE_TOO_LARGE = 10


class Client:
    """One computer: its own store file, talking to @url."""

    def __init__(self, tmp, name, server, url=None, ca=None):
        self.path = os.path.join(tmp, f"{name}.db")
        self.server = server
        self.url = url or f"https://127.0.0.1:{server.port}"
        self.ca = ca or server.ca_file
        self.token = None
        self.profile = None  # the profile open on this computer (BK_PROFILE)
        self.env = {}

    def run(self, *args, expect_ok=True, **env):
        all_env = dict(os.environ, BK_SERVER=self.url, BK_CA=self.ca)
        all_env.update(self.env)
        all_env.update(env)
        if self.token is not None:
            all_env.setdefault("BK_TOKEN", self.token)
        if self.profile is not None:
            all_env.setdefault("BK_PROFILE", self.profile)
        done = subprocess.run([DRIVER, self.path, *args], capture_output=True, text=True,
                              env=all_env, timeout=60)
        assert done.stdout.strip(), (args, done.returncode, done.stderr)
        answer = json.loads(done.stdout.strip().splitlines()[-1])
        if args[0] in ("add-profile", "edit") and "id" in answer:
            self.profile = answer["id"]  # the profile the window has open
        if expect_ok:
            assert done.returncode == 0 and "error" not in answer, (args, answer, done.stderr)
        else:
            assert done.returncode == 1 and "error" in answer, (args, answer, done.stderr)
        return answer

    def sign_in(self, user_name):
        self.token = self.run("sign-in", user_name, PASSWORD)["token"]

    def sync(self, **env):
        return self.run("sync", **env)

    def fails(self, command="sync", **env):
        return self.run(command, expect_ok=False, **env)["error"]

    def rows(self):
        with sqlite3.connect(self.path) as db:
            found = set()
            for table in TABLES:
                found |= {(table, i, v) for i, v in db.execute(f"SELECT id, version FROM {table}")}
            return found

    def query(self, sql):
        with sqlite3.connect(self.path) as db:
            return db.execute(sql).fetchall()

    def outbox(self):
        return self.query("SELECT count(*) FROM outbox")[0][0]


def server_rows(server):
    with server.db() as db:
        return {(t, i, v) for t, i, v in db.execute(
            "SELECT type, id, version FROM entity WHERE deleted = 0 AND type != 'photo'")}


def assert_same(server, *clients):
    """The same records at the same versions, nothing waiting, and each
    version of each record applied once on the server."""
    expected = server_rows(server)
    for client in clients:
        assert client.outbox() == 0, client.outbox()
        assert client.rows() == expected, (client.path, client.rows() ^ expected)
    with server.db() as db:
        twice = db.execute("SELECT type, id, version, count(*) FROM change "
                           "GROUP BY type, id, version HAVING count(*) > 1").fetchall()
        assert twice == [], twice


def account(server, name, serial):
    status, _, body = server.register(name, serial)
    assert status == 202, (status, body)


def new_candidate(tmp, server, name, serial, url=None):
    account(server, name, serial)
    client = Client(tmp, name, server, url=url)
    client.sign_in(name)
    profile_id = client.run("add-profile", name)["id"]
    return client, profile_id


# The tests

def test_round_trip(tmp, server):
    """Register through the client, sign in, push, and pull on a second
    computer: the same profile, records and versions on all three."""
    first = Client(tmp, "first", server)
    id_number = serverlib.resident_id(1)
    assert first.run("register", "李四", id_number, "lisi", PASSWORD) == {"status": "accepted"}
    first.sign_in("lisi")
    profile_id = first.run("add-profile", "lisi")["id"]
    pushed = first.sync()
    assert pushed["pushed"] == 5, pushed  # profile, education, work, two photos
    assert first.outbox() == 0

    second = Client(tmp, "second", server)
    second.sign_in("lisi")
    pulled = second.sync()
    assert pulled["pushed"] == 0 and pulled["pulled"] == 5, pulled
    # Signed in with no profile here, the client takes up the profile it
    # pulled: the one the window is to open (once it has a password).
    assert pulled["profile"] == profile_id, pulled
    assert second.query(f"SELECT real_name FROM profile WHERE id = '{profile_id}'") == [("李四",)]
    # Photos travel as metadata only (their bytes come with uploads): kept as the server's copy.
    assert second.query("SELECT count(*) FROM remote_copy WHERE entity = 'photo'") == [(2,)]
    second.profile = pulled["profile"]  # the window opens it
    first.run("edit", profile_id, "李四四")
    assert first.sync() == {"pushed": 1, "pulled": 1}  # its own change, echoed: left alone
    assert second.sync()["pulled"] == 1
    assert second.query("SELECT real_name, version FROM profile") == [("李四四", 2)]
    assert first.sync() == {"pushed": 0, "pulled": 0}
    assert_same(server, first, second)

    first.run("sign-out")
    status, _, _ = server.request("GET", "/v1/changes?since=0", token=first.token)
    assert status == 401, "signing out revokes the token on the server"


def test_idempotent_retry(tmp, server):
    """Proxy (the real server cannot lose its own answer): the push is
    committed, its answer lost; the retry sends the same request under the
    same key and gets the stored answer, applying nothing twice."""
    proxy = FaultProxy(server)
    client, _ = new_candidate(tmp, server, "wangwu", 2, url=proxy.url)
    proxy.plan = ["drop"]
    error = client.fails()
    assert error["code"] == NETWORK and error["transient"], error
    key_before = client.query(
        f"SELECT value FROM sync_state WHERE key = 'push-key/{client.profile}'")
    assert key_before, "the unanswered push keeps its key"
    assert client.outbox() == 5, "nothing leaves the outbox without an answer"
    assert server.count("idempotency") == 1 and len(server_rows(server)) == 3

    assert client.sync()["pushed"] == 5
    with server.db() as db:
        keys = db.execute("SELECT key FROM idempotency").fetchall()
    assert keys == key_before, (keys, key_before)  # one key: the retry reused it
    assert_same(server, client)
    proxy.close()


def test_server_down(tmp, server):
    """No server at the address (the real server, stopped): a transient
    network error, nothing lost; it syncs once the server is back."""
    client, _ = new_candidate(tmp, server, "zhaoliu", 3)
    port = server.port
    server.stop()
    error = client.fails()
    assert error["code"] == NETWORK and error["transient"], error
    assert client.outbox() == 5
    server.start_on(port)
    assert client.sync()["pushed"] == 5
    assert_same(server, client)


def test_server_restarted_mid_sync(tmp, server):
    """The real server killed (SIGKILL) while a push of 525 changes is
    between its two batches, then started again on the same state; the
    proxy only chooses the moment. The next sync carries on: all there,
    once."""
    proxy = FaultProxy(server)
    client, profile_id = new_candidate(tmp, server, "sunqi", 4, url=proxy.url)
    client.run("edit", profile_id, "孙七", "520")
    assert client.outbox() == 525
    port = server.port

    pushes = []

    def kill(request_line):
        if request_line.startswith("POST /v1/changes"):
            pushes.append(request_line)
            if len(pushes) == 2:  # the second batch: the first was answered
                server.stop(signal.SIGKILL)
    proxy.before_forward = kill
    error = client.fails()
    proxy.before_forward = None
    assert error["code"] == NETWORK and error["transient"], error
    assert client.outbox() == 25, "the first batch was acknowledged and left the outbox"
    server.start_on(port)
    assert client.sync()["pushed"] == 25
    assert_same(server, client)
    proxy.close()


def test_500_and_503(tmp, server):
    """Proxy (the real server answers 500 or 503 only when broken): a 500
    is transient; a 503 passes its Retry-After on; nothing is lost."""
    proxy = FaultProxy(server)
    client, _ = new_candidate(tmp, server, "zhouba", 5, url=proxy.url)
    proxy.plan = ["500"]
    error = client.fails()
    assert error["code"] == UNAVAILABLE and error["transient"], error
    assert error["server_code"] == "internal"
    proxy.plan = ["503:7"]
    error = client.fails()
    assert error["code"] == UNAVAILABLE and error["retry_after"] == 7, error
    assert client.outbox() == 5
    client.sync()
    assert_same(server, client)
    proxy.close()


def test_stall_garbage_reset(tmp, server):
    """Proxy (the real server never stalls, sends garbage or resets on
    purpose): an answer that stalls past the low-speed timeout, a garbage
    body, a reset halfway through a pulled page and a page of JSON with
    members of the wrong types each fail the sync without losing or
    half-applying anything."""
    proxy = FaultProxy(server)
    client, _ = new_candidate(tmp, server, "wujiu", 6, url=proxy.url)
    proxy.plan = ["stall"]
    started = time.monotonic()
    error = client.fails(BK_LOW_SPEED_TIME="2")
    assert error["code"] == TIMEOUT and error["transient"], error
    # curl measures the speed over its last few seconds, the upload included.
    assert time.monotonic() - started < 15, "the timeout, not the proxy's 30 s, ended it"
    proxy.plan = ["garbage"]
    error = client.fails()
    assert error["code"] == PROTOCOL, error
    assert client.sync()["pushed"] == 5

    second = Client(tmp, "second", server, url=proxy.url)
    second.sign_in("wujiu")
    proxy.plan = ["reset-half"]
    error = second.fails("pull")
    assert error["code"] == NETWORK, error
    proxy.plan = ["wrong-shape"]  # JSON, with members of the wrong types
    error = second.fails("pull")
    assert error["code"] == PROTOCOL, error
    assert second.rows() == set() and second.query("SELECT count(*) FROM sync_state") == [(0,)]
    assert second.sync()["pulled"] == 5
    assert_same(server, client, second)
    proxy.close()


def test_client_limits(tmp, server):
    """The client's own limits against the real server: a body over the
    cap is abandoned (nothing applied), an http:// address is refused
    before anything is sent, and a sync cancelled while an answer stalls
    (proxy) ends at once as cancelled, with nothing lost."""
    client, _ = new_candidate(tmp, server, "hanba", 11)
    client.sync()
    second = Client(tmp, "second", server)
    second.sign_in("hanba")
    error = second.fails("pull", BK_MAX_BODY_BYTES="100")
    assert error["code"] == TOO_LARGE and not error["transient"], error
    assert second.rows() == set()
    error = second.fails("pull", BK_SERVER=f"http://127.0.0.1:{server.port}")
    assert error["code"] == ADDRESS, error

    proxy = FaultProxy(server)
    second.url = proxy.url
    proxy.plan = ["stall"]
    started = time.monotonic()
    error = second.fails("pull", BK_CANCEL_AFTER_MS="300")
    assert error["domain"] == "g-io-error-quark" and error["code"] == 19, error  # CANCELLED
    assert time.monotonic() - started < 5
    assert second.rows() == set()
    assert second.sync()["pulled"] == 5
    assert_same(server, client, second)
    proxy.close()


def test_wrong_ca(tmp, server):
    """Another CA than the server's (a second --dev server's): refused as
    an untrusted certificate, explained to the user in their language, and
    nothing is sent."""
    other = serverlib.Server(SERVER).start()
    try:
        client, _ = new_candidate(tmp, server, "zhengshi", 7)
        client.ca = other.ca_file
        error = client.fails()
        assert error["code"] == CERTIFICATE and not error["transient"], error
        assert "certificate" in error["message"], error
        assert "certificate is not trusted" in error["problem"], error  # and what to do
        error = client.fails(LANGUAGE="zh_CN")
        assert "证书不受信任" in error["problem"], error
        assert server.count("idempotency") == 0 and client.outbox() == 5
    finally:
        other.cleanup()
    client.ca = server.ca_file
    client.sync()
    assert_same(server, client)


def test_revoked_token(tmp, server):
    """A token revoked on the server (signed out elsewhere): 401, nothing
    lost; signing in again syncs everything."""
    client, _ = new_candidate(tmp, server, "qianyi", 8)
    status, _, _ = server.request("DELETE", "/v1/sessions/current", token=client.token)
    assert status == 200
    error = client.fails()
    assert error["code"] == NOT_SIGNED_IN and error["server_code"] == "not_signed_in", error
    assert not error["transient"]
    assert client.outbox() == 5
    client.sign_in("qianyi")
    assert client.sync()["pushed"] == 5
    assert_same(server, client)


def test_expired_token(tmp, server):
    """A token past its expiry: 401, nothing lost; sign in again and all is
    sent. The expiry is moved into the past in the server's database (the
    shortest lifetime the server allows is a minute)."""
    client, _ = new_candidate(tmp, server, "jiangsan", 10)
    with server.db() as db:
        db.execute("UPDATE token SET expires_at = strftime('%s', 'now') - 1")
    error = client.fails()
    assert error["code"] == NOT_SIGNED_IN and error["server_code"] == "not_signed_in", error
    assert client.outbox() == 5
    client.sign_in("jiangsan")
    assert client.sync()["pushed"] == 5
    assert_same(server, client)


def test_conflict_from_second_device(tmp, server):
    """Two computers change the same profile: the second's push gets 409;
    both copies are kept (the conflict table) and the record takes the
    server's version, so both computers end with the server's data."""
    first, profile_id = new_candidate(tmp, server, "liner", 9)
    first.sync()
    second = Client(tmp, "second", server)
    second.sign_in("liner")
    second.sync()
    first.run("edit", profile_id, "李二（第一台）")
    second.run("edit", profile_id, "李二（第二台）")
    first.sync()
    second.sync()
    conflicts = second.query("SELECT entity_id, code, local_version, local_payload, "
                             "server_version, server_payload FROM conflict")
    assert len(conflicts) == 1, conflicts
    entity_id, code, local_version, local_payload, server_version, server_payload = conflicts[0]
    assert (entity_id, code, local_version, server_version) == (profile_id, "conflict", 2, 2)
    assert "第二台" in local_payload and "第一台" in server_payload
    assert second.query("SELECT real_name FROM profile") == [("李二（第一台）",)]
    first.sync()
    assert_same(server, first, second)


def test_two_profiles_one_store(tmp, server):
    """A shared PC: two candidates' profiles in one store file, each with
    an account of their own. Each sync pushes only the signed-in
    candidate's profile: nothing of one reaches the other's account, the
    other's changes wait in the outbox, and each profile keeps its own
    cursor and push. A computer with no profile yet pulls each account's
    whole profile, whoever signed in there before."""
    account(server, "zhangjia", 12)
    account(server, "zhangyi", 13)
    shared = Client(tmp, "shared", server)
    profile_a = shared.run("add-profile", "zhangjia")["id"]
    profile_b = shared.run("add-profile", "zhangyi")["id"]
    owner = {}  # each local record's profile
    for table in ["education", "work_period", "photo"]:
        owner.update(shared.query(f"SELECT id, profile_id FROM {table}"))
    owner.update({profile_a: profile_a, profile_b: profile_b})

    def server_owners():
        with server.db() as db:
            return {i: user for i, user in db.execute(
                "SELECT entity.id, account.user_name FROM entity "
                "JOIN account ON account.id = entity.owner_id")}

    shared.sign_in("zhangyi")
    shared.profile = profile_b
    assert shared.sync()["pushed"] == 5
    on_server = server_owners()
    assert set(on_server) == {i for i, p in owner.items() if p == profile_b}, on_server
    assert shared.outbox() == 5, "the other candidate's changes wait for their own account"

    shared.sign_in("zhangjia")
    shared.profile = profile_a
    assert shared.sync()["pushed"] == 5
    expected = {i: "zhangjia" if p == profile_a else "zhangyi" for i, p in owner.items()}
    assert server_owners() == expected, server_owners()
    assert shared.outbox() == 0
    keys = {k for (k,) in shared.query("SELECT key FROM sync_state")}
    assert keys == {f"cursor/{profile_a}", f"cursor/{profile_b}"}, keys

    # A second computer of A's pulls A's profile and nothing of B's.
    second = Client(tmp, "second", server)
    second.sign_in("zhangjia")
    assert second.sync()["pulled"] == 5
    assert second.query("SELECT id FROM profile") == [(profile_a,)]
    # Then B signs in there too, before opening a profile: all of B's
    # comes, though B's changes are older in the server's feed than A's.
    second.sign_in("zhangyi")
    assert second.sync()["pulled"] == 5
    assert {i for (i,) in second.query("SELECT id FROM profile")} == {profile_a, profile_b}
    keys = {k for (k,) in second.query("SELECT key FROM sync_state")}
    assert keys == {f"cursor/{profile_a}", f"cursor/{profile_b}"}, keys


def test_body_too_large(tmp, server):
    """The real server's body limit (a small max-body-bytes in its own
    configuration): a push the server refuses whole as too large (413) is
    sent again in halves until it fits, applying each change once; one
    change too large even alone stops the sync with a message that names
    the record, the changes before it pushed and it kept in the outbox."""
    small = serverlib.Server(SERVER, config="[limits]\nmax-body-bytes=4096\n").start()
    try:
        client, profile_id = new_candidate(tmp, small, "dawei", 11)
        client.run("edit", profile_id, "大伟", "20")
        waiting = client.outbox()
        assert waiting == 25, waiting  # the profile, its records and photos, 20 edits
        assert client.sync()["pushed"] == waiting
        assert_same(small, client)
        assert client.query("SELECT real_name, version FROM profile") == [("大伟19", 21)]

        client.run("edit", profile_id, "小伟", "3")
        client.run("edit", profile_id, "伟" * 2000)
        error = client.fails()
        assert error["code"] == CHANGE_TOO_LARGE, error
        assert "Your profile is too large for the server" in error["problem"], error
        assert client.outbox() == 1  # the large one, kept; the three before it pushed
        with small.db() as db:
            assert db.execute("SELECT version FROM entity WHERE id = ?",
                              (profile_id,)).fetchone() == (24,)
    finally:
        small.cleanup()


def start_on(self, port):
    """Starts the server again on @port with the same state."""
    argv_port = ["--port", str(port)]
    env = dict(os.environ, BAOKAO_SERVER_TEST_FAST_HASH="1")
    self.log = open(os.path.join(self.state_dir, "server.log"), "a")
    for _ in range(50):
        self.process = subprocess.Popen(
            [self.binary, "--dev", *argv_port, "--state-dir", self.state_dir],
            stdout=subprocess.PIPE, stderr=self.log, text=True, env=env)
        line = self.process.stdout.readline().strip()
        if line.startswith("listening on"):
            self.process.stdout.readline()
            return self
        self.process.wait()
        self.process.stdout.close()
        time.sleep(0.1)
    raise AssertionError("the server did not start again on its port")


serverlib.Server.start_on = start_on


def main():
    tests = [(name, func) for name, func in globals().items() if name.startswith("test_")]
    only = os.environ.get("BK_SYNC_TEST")
    failed = 0
    print(f"1..{len(tests)}")
    for n, (name, func) in enumerate(tests, 1):
        if only and only != name:
            print(f"ok {n} {name} # SKIP")
            continue
        server = serverlib.Server(SERVER).start()
        with tempfile.TemporaryDirectory(prefix="bk-sync-") as tmp:
            try:
                func(tmp, server)
                print(f"ok {n} {name}")
            except Exception:
                failed += 1
                print(f"not ok {n} {name}")
                traceback.print_exc()
                print(server.read_log()[-3000:], file=sys.stderr)
            finally:
                server.cleanup()
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
