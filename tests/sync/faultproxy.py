"""A small TLS proxy in front of the real baokao-server, for the faults the
real server cannot produce on demand: a 500, a 503 with Retry-After, a
garbage body, a body cut by a connection reset, an answer that stalls, an
answer lost after the server committed. It presents the server's own
--dev certificate (so the client's pinned CA still verifies it), reads
one request per connection (it asks the server for Connection: close too,
and its answers say so), and for
each connection takes the next action of its plan ("pass" once the plan
is used up)."""
import json
import socket
import ssl
import struct
import threading
import time


def read_request(conn):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def canned(status, reason, body, extra=""):
    data = body.encode() if isinstance(body, str) else body
    return (f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(data)}\r\nConnection: close\r\n{extra}\r\n").encode() + data


class FaultProxy:
    def __init__(self, server):
        self.server = server
        self.plan = []
        self.log = []  # (action, first request line)
        self.before_forward = None  # called with each request's first line
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls_dir = server.ca_file.rsplit("/", 1)[0]
        self.context.load_cert_chain(f"{tls_dir}/server.pem", f"{tls_dir}/server.key")
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.url = f"https://127.0.0.1:{self.port}"
        self.count = 0
        self.stall_seconds = 30
        self.closed = False
        threading.Thread(target=self.serve, daemon=True).start()

    def close(self):
        self.closed = True
        self.listener.close()

    def serve(self):
        while not self.closed:
            try:
                raw, _ = self.listener.accept()
            except OSError:
                return
            self.count += 1
            action = self.plan.pop(0) if self.plan else "pass"
            threading.Thread(target=self.handle, args=(raw, action), daemon=True).start()

    def upstream(self, request):
        sock = socket.create_connection(("127.0.0.1", self.server.port), timeout=30)
        tls = self.server.context.wrap_socket(sock, server_hostname="127.0.0.1")
        # The server keeps connections unless asked not to: one request each.
        head, _, body = request.partition(b"\r\n\r\n")
        tls.sendall(head + b"\r\nConnection: close\r\n\r\n" + body)
        data = b""
        while True:
            try:
                chunk = tls.recv(65536)
            except (ssl.SSLError, OSError):
                break
            if not chunk:
                break
            data += chunk
        tls.close()
        return data

    def handle(self, raw, action):
        try:
            conn = self.context.wrap_socket(raw, server_side=True)
        except (ssl.SSLError, OSError):
            raw.close()
            return
        try:
            request = read_request(conn)
            if request is None:
                return
            line = request.split(b"\r\n", 1)[0].decode()
            self.log.append((action, line))
            if self.before_forward is not None:
                self.before_forward(line)
            if action == "500":
                conn.sendall(canned(500, "Internal Server Error",
                                    json.dumps({"code": "internal", "message": "injected"})))
            elif action.startswith("503"):
                conn.sendall(canned(503, "Service Unavailable",
                                    json.dumps({"code": "unavailable", "message": "injected"}),
                                    f"Retry-After: {action.split(':')[1]}\r\n"))
            elif action == "garbage":
                conn.sendall(canned(200, "OK", b"<html>\x00\xff not JSON"))
            elif action == "wrong-shape":  # JSON, but members of the wrong types
                conn.sendall(canned(200, "OK", json.dumps({
                    "results": [{"status": "ok", "entity_id": {}}],
                    "changes": [{"entity": {}, "entity_id": 5, "operation": [], "version": "2",
                                 "payload": {}}],
                    "next": "soon", "more": "yes"})))
            else:
                answer = self.upstream(request)
                head, _, body = answer.partition(b"\r\n\r\n")
                if action == "pass":
                    conn.sendall(answer)
                elif action == "drop":  # the server committed; the answer is lost
                    self.reset(conn)
                    return
                elif action == "reset-half":
                    conn.sendall(head + b"\r\n\r\n" + body[:max(1, len(body) // 2)])
                    self.reset(conn)
                    return
                elif action == "stall":
                    conn.sendall(head + b"\r\n\r\n" + body[:1])
                    time.sleep(self.stall_seconds)
            conn.close()
        except (ssl.SSLError, OSError):
            pass

    @staticmethod
    def reset(conn):
        """Closes with a TCP reset, without TLS's close_notify."""
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()
