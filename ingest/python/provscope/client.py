"""The low-level client: buffered, bounded, flushed by a background thread, never loses
acknowledged data (a failed batch is retried with the same batch id, which the server applies once)."""

from __future__ import annotations

import atexit
import json
import logging
import os
import threading
import time
import uuid

from .batches import Pending, SeriesBuffer
from .settings import Settings
from .shipper import Shipper

log = logging.getLogger("provscope")


class ProvscopeError(Exception):
    pass


class AuthError(ProvscopeError):
    """The server rejected the token (401/403)."""


class Client:
    """Thread-safe. `log_series` appends to memory; the shipper thread POSTs batches.

    When `max_points` points are unsettled, logging waits (on_full="wait", the default) or drops
    and counts (on_full="drop"). Settings come from the arguments, then PROVSCOPE_* variables."""

    def __init__(self, url: str | None = None, token: str | None = None, *, rank: int | None = None, **options):
        self.settings = Settings.resolve(url=url, token=token, rank=rank, **options)
        self.rank = self.settings.rank
        self.max_points, self.wake_at = self.settings.max_points, self.settings.wake_at
        self.lock = threading.Lock()  # taken directly on the hot path (a C-level context manager)
        self.cv = threading.Condition(self.lock)
        self.pending = Pending()
        self.prefix = f"py{uuid.uuid4().hex[:12]}-r{self.rank}"
        self.seq = 0
        self.c = dict(settled=0, delivered=0, dropped=0, rejected=0, spooled=0, lost=0,
                      batches=0, retries=0, ops_queued=0, ops_done=0)
        self.blocked_s = 0.0
        self.unsettled = 0
        self.flush_wanted = False
        self.stop = False
        self.give_up_at = float("inf")
        self.fatal: str | None = None
        self.first_attempt: str | None = None  # "ok" | "unreachable" | "auth"
        self.reachable = False
        self.last_http_status = 0
        self.last_error = ""
        self._shipper = Shipper(self)
        self._thread = threading.Thread(target=self._shipper.run, name="provscope-shipper", daemon=True)
        self._thread.start()
        atexit.register(self._at_exit)

    # ---- logging ----

    def log_series(self, key: str, step: int, value: float, *, execution: str, rank: int | None = None) -> bool:
        """Appends one point; False when it was dropped (drop policy, closed, or fatal error)."""
        if type(step) is not int:
            step = int(step)
        if step < 0:
            raise ValueError(f"step must be an integer >= 0, got {step}")
        if type(value) is not float:
            value = float(value)  # ints, numpy and torch scalars; anything else fails here, not later
        t = int(time.time() * 1000)
        k = (execution, key, self.rank if rank is None else rank)
        with self.lock:
            if (self.unsettled >= self.max_points or self.stop or self.fatal) and not self._wait_for_room():
                return False
            buf = self.pending.series.get(k)
            if buf is None:
                buf = self.pending.series[k] = SeriesBuffer()
            buf.steps.append(step)
            buf.values.append(value)
            buf.times.append(t)
            self.pending.points += 1
            self.unsettled += 1
            if self.pending.points == self.wake_at:
                self.cv.notify_all()
        return True

    def _wait_for_room(self) -> bool:
        """lock held, the buffer full or the client closed: wait (or drop and count)."""
        while self.unsettled >= self.max_points or self.closed:
            if self.closed or self.settings.on_full == "drop":
                self.c["dropped"] += 1
                return False
            t0 = time.monotonic()
            self.cv.wait()
            self.blocked_s += time.monotonic() - t0
        return True

    @property
    def closed(self) -> bool:
        return self.stop or self.fatal is not None

    def queue_op(self, op: dict) -> None:
        json.dumps(op, allow_nan=False)  # not serialisable: the caller hears it now, not the shipper
        with self.cv:
            if self.fatal:
                raise AuthError(self.last_error) if self.fatal == "auth" else ProvscopeError(self.last_error)
            self.pending.ops.append(op)
            self.c["ops_queued"] += 1
            self.cv.notify_all()

    def wait_first_attempt(self, timeout: float = 5.0) -> None:
        """Sends what is queued now and waits for the server's first answer: a bad token (or a
        refused first batch) is an error at start, not after a long run. An unreachable server is
        not: the client buffers and retries."""
        with self.cv:
            self.flush_wanted = True
            self.cv.notify_all()
            self.cv.wait_for(lambda: self.first_attempt is not None, timeout)
            if self.first_attempt == "auth":
                raise AuthError(self.last_error)
            if self.first_attempt == "rejected":
                raise ProvscopeError(self.last_error)

    # ---- flushing ----

    def flush(self, timeout: float | None = None) -> bool:
        """Waits until everything logged so far is acknowledged; False on timeout or fatal error."""
        timeout = self.settings.flush_timeout if timeout is None else timeout
        with self.cv:
            pts, ops = self.c["settled"] + self.unsettled, self.c["ops_queued"]
            self.flush_wanted = True
            self.cv.notify_all()
            done = self.cv.wait_for(
                lambda: self.fatal or (self.c["settled"] >= pts and self.c["ops_done"] >= ops), timeout)
            return bool(done) and not self.fatal

    def close(self, timeout: float | None = None) -> bool:
        """Delivers what is left (retrying up to flush_timeout, then spooling to PROVSCOPE_SPOOL_DIR)
        and stops the thread. True when everything logged was delivered."""
        timeout = self.settings.flush_timeout if timeout is None else timeout
        with self.cv:
            if self.stop:
                return self._ok()
            self.stop = True
            self.give_up_at = time.monotonic() + timeout
            self.cv.notify_all()
        self._thread.join(timeout + 30)
        atexit.unregister(self._at_exit)
        s = self.status()
        if (not self._ok() and (s["logged"] or not self.fatal)) or s["dropped"]:
            self.report(f"finished: {s['logged']} points logged, {s['delivered']} delivered, {s['dropped']} dropped, "
                        f"{s['rejected']} rejected, {s['spooled']} spooled, {s['lost']} lost")
        self.settings.transport.close()
        return self._ok()

    def _ok(self) -> bool:
        c = self.c
        return not self.fatal and self.unsettled == 0 and c["delivered"] == c["settled"] \
            and c["ops_done"] >= c["ops_queued"]

    def _at_exit(self) -> None:
        if not self.stop:
            self.close()

    # ---- reporting ----

    def status(self) -> dict:
        with self.cv:
            return {**{k: v for k, v in self.c.items() if not k.startswith("ops_")},
                    "logged": self.c["settled"] + self.unsettled, "pending": self.unsettled,
                    "blocked_s": self.blocked_s, "buffer_points": self.settings.max_points,
                    "reachable": self.reachable, "last_http_status": self.last_http_status,
                    "last_error": self.last_error, "fatal": self.fatal}

    def report(self, msg: str) -> None:
        self.last_error = msg
        log.warning("provscope[rank %d]: %s", self.rank, msg)


def new_execution_id() -> str:
    return os.environ.get("PROVSCOPE_EXECUTION") or str(uuid.uuid4())
