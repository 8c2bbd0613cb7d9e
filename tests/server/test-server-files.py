#!/usr/bin/python3
"""Photos and proofs as files: PUT and GET /v1/photos/{id}/file and
/v1/proofs/{id}/file. Size limits read as the body streams, content sniffed
(the Content-Type header is not trusted), a photo re-checked with the photo
layer and refused with its reasons, the verdict reaching the candidate
through pull, who may download what (candidates, staff of the point: the
proofs and the photo of its applications, the admin), downloads audited, nothing written on bad input, and the bytes kept
in the database, so a second server process serves them; deleting a record
deletes its file."""
import hashlib
import os
import sys
import uuid

sys.path.insert(0, os.path.dirname(__file__))
from serverlib import Server, change, raw_socket, read_response  # noqa: E402

corpus = sys.argv[2]
CONFIG = """[limits]
max-photo-bytes=1048576
max-proof-bytes=65536
"""
server = Server(sys.argv[1], config=CONFIG)
second = None


def corpus_file(name):
    with open(os.path.join(corpus, name), "rb") as f:
        return f.read()


GOOD = corpus_file("good-295x413.jpg")
PDF = corpus_file("renamed-pdf.jpg")  # a real PDF under a .jpg name
assert PDF.startswith(b"%PDF-") and b"%%EOF" in PDF[-1024:]


def put(kind, record_id, data, token, content_type="image/jpeg"):
    return server.request("PUT", f"/v1/{kind}s/{record_id}/file", raw=data, token=token,
                          content_type=content_type)


def get(kind, record_id, token, target=None):
    """(status, headers, bytes) of a download."""
    target = target or server
    conn = target.connection()
    try:
        conn.request("GET", f"/v1/{kind}s/{record_id}/file",
                     headers={"Authorization": f"Bearer {token}"})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def expect_error(result, status, code):
    got_status, _, body = result
    assert got_status == status and body["code"] == code, (got_status, body, status, code)
    return body


def written():
    return {table: server.count(table) for table in ["file", "change", "entity"]}


try:
    server.start()
    alice = server.candidate("alice", 1)
    bob = server.candidate("bobby", 2)
    for name, point in [("sh01", "SH01"), ("sh02", "SH02")]:
        assert server.admin("create-staff", "--user-name", name, "--real-name", "员",
                            "--session", "2026-shanghai", "--point", point).returncode == 0
    assert server.admin("create-admin", "--user-name", "root", "--real-name",
                        "管理员").returncode == 0
    sh01 = server.sign_in("sh01", "staff password")
    sh02 = server.sign_in("sh02", "staff password")
    admin = server.sign_in("root", "staff password")

    profile, photo, app, proof = (str(uuid.uuid4()) for _ in range(4))
    status, _, body = server.push(alice, [
        change("profile", profile, "insert", 1, {"id": profile, "name": "张三"}),
        change("photo", photo, "insert", 1, {"id": photo, "profile_id": profile}),
        change("application", app, "insert", 1,
               {"id": app, "profile_id": profile, "session_id": "2026-shanghai",
                "point_code": "SH01", "state": "draft"}),
        change("proof", proof, "insert", 1, {"id": proof, "application_id": app,
                                            "kind": "education"}),
    ])
    assert [r["status"] for r in body["results"]] == [201] * 4, body
    before = written()
    audit_before = len(server.audit())

    # Bad input: nothing is written.
    expect_error(put("photo", photo, b"", alice), 400, "invalid_request")
    for data, what in [(corpus_file("renamed-png.jpg"), "a PNG named .jpg"),
                       (PDF, "a PDF"), (b"just text", "text")]:
        body = expect_error(put("photo", photo, data, alice), 415, "unsupported_file_type")
        assert "JPEG" in body["message"], (what, body)
    for name, failed in [("bg-blue.jpg", "background"), ("size-small.jpg", "size"),
                         ("greyscale.jpg", "colour"), ("small-294x413.jpg", "dimensions"),
                         ("corrupt.jpg", "format")]:
        body = expect_error(put("photo", photo, corpus_file(name), alice), 422, "photo_refused")
        checks = {reason["check"] for reason in body["reasons"]}
        assert failed in checks, (name, body)
        assert all(reason["message"] for reason in body["reasons"]), body
    # Over the photo limit (1 MiB here): declared, and chunked.
    big = corpus_file("phone-12mp.jpg")
    assert len(big) > 1048576
    body = expect_error(put("photo", photo, big, alice), 413, "body_too_large")
    assert "1048576" in body["message"], body
    sock = raw_socket(server)
    head = (f"PUT /v1/photos/{photo}/file HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
            f"Bearer {alice}\r\nTransfer-Encoding: chunked\r\n\r\n").encode()
    try:
        sock.sendall(head + b"".join(b"10000\r\n" + big[i:i + 65536] + b"\r\n"
                                     for i in range(0, 65536 * 20, 65536)) + b"0\r\n\r\n")
    except OSError:
        pass
    status, _, raw = read_response(sock)
    sock.close()
    assert status == 413 and b"body_too_large" in raw, (status, raw)
    # Proofs: 64 KiB here; JPEG or PDF by content; a truncated PDF.
    expect_error(put("proof", proof, b"x" * 70000, alice, "application/pdf"), 413,
                 "body_too_large")
    expect_error(put("proof", proof, b"<html>a proof</html>", alice, "application/pdf"), 415,
                 "unsupported_file_type")
    expect_error(put("proof", proof, PDF[:len(PDF) // 2], alice, "application/pdf"), 422,
                 "invalid_file")
    # Records that are not the caller's, or not records at all.
    expect_error(put("photo", str(uuid.uuid4()), GOOD, alice), 404, "not_found")
    expect_error(put("photo", proof, GOOD, alice), 404, "not_found")  # a proof's id
    expect_error(put("photo", photo, GOOD, bob), 404, "not_found")
    expect_error(put("proof", proof, PDF, bob, "application/pdf"), 404, "not_found")
    expect_error(put("photo", photo, GOOD, sh01), 403, "forbidden")
    expect_error(put("photo", photo, GOOD, None), 401, "not_signed_in")
    expect_error(server.request("PUT", "/v1/photos/not-a-uuid/file", raw=GOOD, token=alice),
                 404, "not_found")
    expect_error(server.request("POST", f"/v1/photos/{photo}/file", raw=GOOD, token=alice),
                 405, "method_not_allowed")
    status, _, _ = get("photo", photo, alice)
    assert status == 404, status  # nothing uploaded yet
    assert written() == before, (written(), before)
    refused = {(row[4], row[6]) for row in server.audit()[audit_before:] if row[5] == "refused"}
    assert refused >= {("upload-photo", 404), ("upload-proof", 404), ("upload-photo", 403),
                       ("upload-photo", 401)}, refused

    # A good photo, sent as application/octet-stream: the content decides.
    status, _, body = put("photo", photo, GOOD, alice, "application/octet-stream")
    assert status == 200, (status, body)
    digest = hashlib.sha256(GOOD).hexdigest()
    assert body["version"] == 2 and body["content_type"] == "image/jpeg" and \
        body["sha256"] == digest and body["size"] == len(GOOD), body
    assert body["verdict"]["accepted"] is True and body["verdict"]["width"] == 295, body
    # The verdict reaches the candidate through pull, as the server's.
    status, _, feed = server.request("GET", "/v1/changes?since=0", token=alice)
    latest = [c for c in feed["changes"] if c["entity_id"] == photo][-1]
    assert latest["version"] == 2 and latest["payload"]["verdict"]["sha256"] == digest, latest
    assert latest["payload"]["profile_id"] == profile, latest
    # The same bytes again change nothing; a client cannot write a verdict.
    status, _, body = put("photo", photo, GOOD, alice)
    assert status == 200 and body["version"] == 2, body
    status, _, body = server.push(alice, [change("photo", photo, "update", 3,
                                                 {"id": photo, "profile_id": profile,
                                                  "verdict": {"accepted": False}})])
    assert body["results"][0]["status"] == 403, body
    status, headers, data = get("photo", photo, alice)
    assert status == 200 and data == GOOD and headers["Content-Type"] == "image/jpeg", status

    # A proof as a PDF, then replaced by a JPEG scan.
    status, _, body = put("proof", proof, PDF, alice, "image/jpeg")
    assert status == 200 and body["content_type"] == "application/pdf" and \
        body["verdict"] is None and body["version"] == 1, body
    small_jpeg = corpus_file("good-295x413.jpg")
    status, _, body = put("proof", proof, small_jpeg, alice, "application/pdf")
    assert status == 200 and body["content_type"] == "image/jpeg", body
    status, _, body = put("proof", proof, PDF, alice, "application/pdf")
    assert status == 200, body

    # Who may download what.
    audit_before = len(server.audit())
    for kind, record, token, expected in [
            ("photo", photo, alice, 200), ("proof", proof, alice, 200),
            ("photo", photo, bob, 404), ("proof", proof, bob, 404),
            ("proof", proof, sh01, 200), ("proof", proof, sh02, 404),
            ("photo", photo, sh01, 200), ("photo", photo, sh02, 404),
            ("photo", photo, admin, 200),
            ("proof", proof, admin, 200)]:
        status, headers, data = get(kind, record, token)
        assert status == expected, (kind, token[:6], status, expected)
        if status == 200:
            assert data == (GOOD if kind == "photo" else PDF), (kind, len(data))
            assert headers["Content-Type"] == ("image/jpeg" if kind == "photo"
                                               else "application/pdf")
    audit = server.audit()[audit_before:]
    assert len(audit) == 10, audit
    refusals = [row for row in audit if row[5] == "refused"]
    assert len(refusals) == 4 and all(row[6] == 404 and row[7] == "another's file"
                                      for row in refusals), refusals
    assert {row[4] for row in refusals} == {"download-photo", "download-proof"}, refusals
    # The photo's downloads by the candidate, staff of the point and the admin.
    assert len([row for row in audit if row[4] == "download-photo" and row[6] == 200]) == 3, audit

    # The bytes are in the database: a second process on it serves them.
    second = Server(sys.argv[1], state_dir=server.state_dir, config=CONFIG)
    second.start()
    status, _, data = get("proof", proof, sh01, target=second)
    assert status == 200 and data == PDF, status
    with server.db() as db:
        assert db.execute("SELECT count(*), sum(size) FROM file").fetchone() == \
            (2, len(GOOD) + len(PDF))

    # Deleting a record deletes its file: no longer served, nor kept.
    versions = {kind: server.one("SELECT version FROM entity WHERE type = ? AND id = ?", kind,
                                 record)
                for kind, record in (("photo", photo), ("proof", proof))}
    status, _, body = server.push(alice, [change("photo", photo, "delete", versions["photo"], None),
                                          change("proof", proof, "delete", versions["proof"],
                                                 None)])
    assert [r["status"] for r in body["results"]] == [200, 200], body
    for kind, record in (("photo", photo), ("proof", proof)):
        status, _, _ = get(kind, record, alice)
        assert status == 404, (kind, status)
        status, _, _ = get(kind, record, admin, target=second)
        assert status == 404, (kind, status)
    assert server.count("file") == 0, server.query("SELECT entity, entity_id FROM file")
finally:
    if second is not None:
        second.stop()
    server.stop()
    server.cleanup()
print("ok")
