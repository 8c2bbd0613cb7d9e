#!/usr/bin/python3
"""Bad input on every endpoint gets a 4xx JSON error {code, message} and
writes nothing; bodies are limited as they stream; huge headers and ".."
paths are refused; the number of connections is capped and idle or slow
clients are dropped; a connection is kept for several requests, each
guarded as the first, and closed when idle; SIGTERM answers the request in flight and stops."""
import json
import os
import signal
import socket
import sys
import time
import uuid

sys.path.insert(0, os.path.dirname(__file__))
from serverlib import Server, profile_insert, raw_socket, read_response, trickle  # noqa: E402

CONFIG = """[limits]
max-body-bytes=4096
max-connections=8
idle-timeout=2
request-timeout=4
keep-alive-seconds=2
"""
KEEP_ALIVE = 2
TABLES = ["account", "token", "sign_in_failure", "entity", "change", "idempotency"]

server = Server(sys.argv[1], config=CONFIG)


def counts():
    return {table: server.count(table) for table in TABLES}


def expect_error(status, body, expected_status, what):
    assert status == expected_status, (what, status, body)
    assert isinstance(body, dict) and set(body) == {"code", "message"}, (what, body)
    assert body["code"] and body["message"], (what, body)


def raw_request(data, timeout=10):
    sock = raw_socket(server, timeout=timeout)
    try:
        try:
            sock.sendall(data)
        except OSError:
            pass  # the server may answer and close before reading it all
        status, head, body = read_response(sock)
    finally:
        sock.close()
    return status, head, json.loads(body) if body else None


try:
    server.start()
    token = server.candidate("alice", 1)
    status, _, _ = server.push(token, [profile_insert()])
    assert status == 200
    before = counts()

    # Every endpoint that takes a body, with every kind of bad body.
    bodies = [
        (b'{"user_name": "alice", "password": ', 400, "truncated JSON"),
        (b'{"user_name": alice}', 400, "malformed JSON"),
        (b'["user_name", "alice"]', 400, "not an object"),
        (b'{"user_name": 5, "password": true}', 400, "wrong types"),
        (b'{"user_name": "alice", "password": "correct horse", "admin": true}', 400,
         "an unknown member"),
        (b'{"user_name": "\xff\xfe", "password": "x"}', 400, "invalid UTF-8"),
        (b"", 400, "no body"),
        (b'{"changes": "' + b"x" * 5000 + b'"}', 413, "over the limit"),
    ]
    for path in ["/v1/accounts", "/v1/sessions", "/v1/changes"]:
        for raw, expected, what in bodies:
            status, _, body = server.request("POST", path, raw=raw, token=token,
                                             headers={"Idempotency-Key": str(uuid.uuid4())})
            expect_error(status, body, expected, f"{path}: {what}")
        status, _, body = server.request("POST", path, raw=b"{}", token=token,
                                         content_type="text/plain")
        expect_error(status, body, 415, f"{path}: text/plain")

    # Changes that are malformed one by one: the whole request is refused,
    # even the valid change before the bad one.
    good = profile_insert()
    for bad, what in [
            (dict(profile_insert(), version="1"), "a string version"),
            (dict(profile_insert(), version=2), "an insert at version 2"),
            (dict(profile_insert(), colour="red"), "an unknown member"),
            (dict(profile_insert(), entity="salary"), "an unknown entity"),
            (dict(profile_insert(), entity_id="not-a-uuid"), "not a UUID"),
            (dict(profile_insert(), payload="{}"), "a payload that is a string"),
            (dict(profile_insert(), payload={"id": str(uuid.uuid4())}), "another id"),
            (dict(profile_insert(), operation="upsert"), "an unknown operation"),
            ({"entity": "profile"}, "missing members"),
    ]:
        status, _, body = server.push(token, [good, bad])
        expect_error(status, body, 400, what)
    status, _, body = server.push(token, [])
    expect_error(status, body, 400, "no changes")

    # Bad queries, bad tokens, wrong methods, unknown paths, ".." paths.
    for method, path, expected in [
            ("GET", "/v1/changes?since=x", 400), ("GET", "/v1/changes?limit=-3", 400),
            ("PUT", "/v1/changes", 405), ("GET", "/v1/accounts", 405),
            ("GET", "/v1/nothing", 404), ("GET", "/v2/changes", 404),
    ]:
        status, _, body = server.request(method, path, token=token)
        expect_error(status, body, expected, f"{method} {path}")
    for bad_token in ["wrong", "x" * 500, "", "ünïcode"]:
        status, _, body = server.request("GET", "/v1/changes",
                                         headers={"Authorization": "Bearer " + bad_token})
        expect_error(status, body, 401, f"token {bad_token[:10]!r}")
    status, _, body = server.request("DELETE", "/v1/sessions/current")
    expect_error(status, body, 401, "sign out without a token")
    for path in [b"/v1/../v1/changes", b"/v1/%2e%2e/v1/changes", b"/v1/./ready",
                 b"/v1/changes/..", b"/%2E%2E/etc/passwd"]:
        status, _, body = raw_request(b"GET " + path + b" HTTP/1.1\r\nHost: localhost\r\n"
                                      b"Authorization: Bearer " + token.encode() + b"\r\n\r\n")
        expect_error(status, body, 400, path)
        assert body["code"] == "bad_path", body

    # Malformed HTTP: libsoup alone would answer these with empty bodies.
    for raw in [b"GARBAGE\r\n\r\n", b"GET /v1/health HTTP/9.9\r\nHost: x\r\n\r\n",
                b"GET /v1/health HTTP/1.1\r\nBad Header Line\r\n\r\n",
                b"GET /v1/health HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
                b"POST /v1/accounts HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
                b"GET /v1/health HTTP/1.1\r\nX-Nul: a\x00b\r\n\r\n",
                b"GET http://elsewhere/v1/health HTTP/1.1\r\n\r\n"]:
        status, _, body = raw_request(raw)
        expect_error(status, body, 400, raw)
        assert body["code"] == "malformed_request", (raw, body)
    # Bare line feeds are still HTTP as libsoup reads it.
    status, _, body = raw_request(b"GET /v1/health HTTP/1.1\nHost: localhost\n\n")
    assert status == 200 and body["status"] == "ok", (status, body)

    # A huge header: 431 with the same JSON error, not a dropped connection.
    status, head, body = raw_request(b"GET /v1/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " +
                                     b"a" * 100000 + b"\r\n\r\n")
    expect_error(status, body, 431, "a huge header")
    status, head, body = raw_request(b"GET /v1/health HTTP/1.1\r\nHost: localhost\r\n" +
                                     b"".join(b"X-%d: y\r\n" % i for i in range(3000)) + b"\r\n")
    expect_error(status, body, 431, "many headers")

    # Over the limit in chunks (no Content-Length): refused as it streams.
    chunks = b"".join(b"1000\r\n" + b"x" * 4096 + b"\r\n" for _ in range(50)) + b"0\r\n\r\n"
    status, _, body = raw_request(b"POST /v1/accounts HTTP/1.1\r\nHost: localhost\r\n"
                                  b"Content-Type: application/json\r\n"
                                  b"Transfer-Encoding: chunked\r\n\r\n" + chunks)
    expect_error(status, body, 413, "chunked over the limit")
    # 32 MiB sent anyway (no Expect): read and thrown away, never kept.
    rss_before = server.rss()
    big = 32 * 1024 * 1024
    sock = raw_socket(server, timeout=30)
    sock.sendall(b"POST /v1/changes HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                 b"application/json\r\nContent-Length: %d\r\n\r\n" % big)
    block = b"x" * (1024 * 1024)
    try:
        for _ in range(big // len(block)):
            sock.sendall(block)
    except OSError:
        pass
    status, _, body = read_response(sock)
    sock.close()
    assert status == 413 and json.loads(body)["code"] == "body_too_large", (status, body)
    growth = server.rss() - rss_before
    assert growth < 8 * 1024 * 1024, f"the server grew by {growth} bytes"

    # A declared length over the limit is refused before the body is sent.
    sock = raw_socket(server)
    sock.sendall(b"POST /v1/changes HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                 b"application/json\r\nExpect: 100-continue\r\nContent-Length: 400000000\r\n\r\n")
    status, _, body = read_response(sock)
    sock.close()
    assert status == 413 and json.loads(body)["code"] == "body_too_large", (status, body)

    assert counts() == before, (counts(), before)
    status, _, _ = server.request("GET", "/v1/health")
    assert status == 200

    # The connection cap: 8 clients that never speak fill it; the 9th is
    # closed at once; after the idle timeout they are gone and the server
    # answers again.
    idle = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(8)]
    time.sleep(0.3)
    extra = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    try:
        assert extra.recv(10) == b""
    except ConnectionResetError:
        pass
    extra.close()
    started = time.monotonic()
    for sock in idle:
        sock.settimeout(10)
        try:
            assert sock.recv(10) == b""  # closed by the server
        except ConnectionResetError:
            pass
        sock.close()
    waited = time.monotonic() - started
    assert waited < 5, waited
    status, _, _ = server.request("GET", "/v1/health")
    assert status == 200

    # Keep-alive: several requests on one TLS connection are all answered,
    # pipelined ones too, and none of the answers says "Connection: close".
    health_request = b"GET /v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n"
    kept = raw_socket(server)
    for _ in range(2):
        kept.sendall(health_request)
        status, head, body = read_response(kept)
        assert status == 200 and json.loads(body)["status"] == "ok", (status, head, body)
        assert b"connection: close" not in head.lower(), head
    bad_json = (b"POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                b"\r\nContent-Length: 5\r\n\r\n{bad}")
    kept.sendall(bad_json + health_request)
    status, head, body = read_response(kept)
    assert status == 400 and b"connection: close" not in head.lower(), (status, head, body)
    status, head, body = read_response(kept)
    assert status == 200, (status, head, body)
    # A later request on the connection is guarded as the first is.
    kept.sendall(b"GET /v1/../v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
    status, head, body = read_response(kept)
    assert status == 400 and json.loads(body)["code"] == "bad_path", (status, body)
    assert b"connection: close" in head.lower(), head
    assert read_response(kept)[0] is None  # and the connection closed after it
    kept.close()
    kept = raw_socket(server)
    kept.sendall(health_request)
    assert read_response(kept)[0] == 200
    kept.sendall(b"GET /v1/health HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                 + b"a" * (64 * 1024) + b"\r\n\r\n")
    status, head, body = read_response(kept)
    assert status == 431 and json.loads(body)["code"] == "headers_too_large", (status, body)
    assert b"connection: close" in head.lower(), head
    kept.close()
    # A chunked body's end is not tracked: that request is the connection's last.
    kept = raw_socket(server)
    kept.sendall(b"POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                 b"\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{bad}\r\n0\r\n\r\n"
                 + health_request)
    status, head, body = read_response(kept)
    assert status == 400 and b"connection: close" in head.lower(), (status, head, body)
    assert read_response(kept)[0] is None
    kept.close()
    kept = raw_socket(server)
    kept.sendall(health_request)
    assert read_response(kept)[0] == 200
    kept.sendall(b"POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                 b"application/json\r\nContent-Length: 100000\r\nExpect: 100-continue\r\n\r\n")
    status, head, body = read_response(kept)
    assert status == 413 and b"connection: close" in head.lower(), (status, head, body)
    kept.close()

    # Kept connections count under the cap; one left idle is closed after
    # keep-alive-seconds, and its place is free again.
    kept = []
    for _ in range(8):
        sock = raw_socket(server)
        sock.sendall(health_request)
        assert read_response(sock)[0] == 200
        kept.append(sock)
    status, _, body = raw_request(health_request)
    assert status == 503 and body["code"] == "too_many_connections", (status, body)
    started = time.monotonic()
    for sock in kept:
        answer = read_response(sock)
        assert answer[0] is None, answer  # closed by the server
        sock.close()
    waited = time.monotonic() - started
    assert KEEP_ALIVE - 0.5 < waited < KEEP_ALIVE + 2, waited
    status, _, _ = server.request("GET", "/v1/health")
    assert status == 200

    # A client that trickles its request a byte a second (each gap within
    # the idle timeout) is dropped at the request timeout.
    took = trickle(server, b"GET /v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"z" * 30,
                   1, 8)
    assert took is not None and took < 8, took

    # SIGTERM: the request in flight is answered, new connections are not
    # accepted, and the process exits 0.
    body = json.dumps({"user_name": "alice", "password": "correct horse"}).encode()
    sock = raw_socket(server)
    sock.sendall(b"POST /v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                 b"application/json\r\nContent-Length: %d\r\n\r\n" % len(body) + body[:10])
    time.sleep(0.3)
    server.process.send_signal(signal.SIGTERM)
    time.sleep(0.3)
    try:
        socket.create_connection(("127.0.0.1", server.port), timeout=2).close()
        raise AssertionError("a new connection was accepted after SIGTERM")
    except ConnectionRefusedError:
        pass
    sock.sendall(body[10:])
    status, _, answer = read_response(sock)
    sock.close()
    assert status == 201 and "token" in json.loads(answer), (status, answer)
    assert server.process.wait(timeout=10) == 0
    log = server.read_log()
    assert "<5>stopping" in log and "<5>stopped" in log, log
    assert all(line.startswith("<") for line in log.splitlines() if line), log
finally:
    server.stop()
    server.cleanup()
print("ok")
