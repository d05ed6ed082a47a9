"""A scripted stand-in for POST /api/v1/batches, for the offline tests: answers from a list of
statuses, applies a batch id once (as the real server does), records every request."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class FakeServer:
    def __init__(self, port: int | None = None, script: list[int] | None = None):
        self.port = port or free_port()
        self.script = list(script or [])  # statuses to answer before answering 200
        self.requests: list[dict] = []     # every body received
        self.applied: dict[str, dict] = {}  # batch id -> body, first time only
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with fake.lock:
                    fake.requests.append(body)
                    status = fake.script.pop(0) if fake.script else 200
                    if status == 200:
                        fake.applied.setdefault(body["batchId"], body)
                if status == 200:
                    out = {"batchId": body["batchId"], "applied": len(body["ops"]), "results": []}
                else:
                    out = {"error": {"code": "unauthorized" if status == 401 else "invalid" if status == 422 else "unavailable",
                                     "message": f"scripted {status}", "path": "ops.0" if status == 422 else None}}
                data = json.dumps(out).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "FakeServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def points(self, key: str) -> list[int]:
        """Steps of `key` over the applied batches, in order of application."""
        with self.lock:
            return [s for body in self.applied.values() for op in body["ops"]
                    if op["op"] == "series" and op["key"] == key for s in op["steps"]]
