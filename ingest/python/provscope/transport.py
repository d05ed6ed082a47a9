"""One keep-alive HTTP connection to the Provscope server (standard library only)."""

from __future__ import annotations

import http.client
import json
import time
import urllib.parse
from dataclasses import dataclass

IDLE_REUSE_S = 4.0  # Node closes idle keep-alive sockets after 5 s


@dataclass
class Response:
    status: int  # 0 when the server was not reached
    body: dict | None
    error: str  # connection error, or "code: message" from the error envelope
    path: str = ""

    @property
    def retryable(self) -> bool:
        """Connection errors, 5xx, 408 and 429 are retried with the same batch id; other 4xx never."""
        return self.status == 0 or self.status >= 500 or self.status in (408, 429)


class Transport:
    def __init__(self, url: str, token: str, timeout: float = 150.0):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"the server URL must look like http://host:port, got {url!r}")
        self._https = parts.scheme == "https"
        self._host = parts.hostname
        self._port = parts.port or (443 if self._https else 80)
        self._prefix = parts.path.rstrip("/")
        self._headers = {
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
            "User-Agent": "provscope-python/1",
        }
        self._timeout = timeout
        self._conn: http.client.HTTPConnection | None = None
        self._last_used = 0.0
        self.url = url

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _connect(self) -> http.client.HTTPConnection:
        cls = http.client.HTTPSConnection if self._https else http.client.HTTPConnection
        return cls(self._host, self._port, timeout=self._timeout)

    def post(self, path: str, body: bytes) -> Response:
        for _ in range(2):
            if self._conn is not None and time.monotonic() - self._last_used > IDLE_REUSE_S:
                self.close()
            reused = self._conn is not None
            if self._conn is None:
                self._conn = self._connect()
            try:
                self._conn.request("POST", self._prefix + path, body=body, headers=self._headers)
                res = self._conn.getresponse()
                data = res.read()
                if res.will_close:
                    self.close()
            except (OSError, http.client.HTTPException) as err:
                self.close()
                # A reused connection the server had closed while idle: once more on a fresh one.
                if reused and isinstance(err, (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)):
                    continue
                return Response(0, None, f"{type(err).__name__}: {err}")
            finally:
                self._last_used = time.monotonic()
            return _parse(res.status, data)
        return Response(0, None, "the connection was closed twice in a row")


def _parse(status: int, data: bytes) -> Response:
    try:
        body = json.loads(data) if data else None
    except ValueError:
        body = None
    if status == 200:
        return Response(status, body, "")
    err = (body or {}).get("error") if isinstance(body, dict) else None
    if isinstance(err, dict):
        return Response(status, body, f"{err.get('code', 'error')}: {err.get('message', '')}", str(err.get("path") or ""))
    return Response(status, body, data[:200].decode("utf-8", "replace") or http.client.responses.get(status, "error"))
