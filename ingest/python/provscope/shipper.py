"""The background thread of a Client: takes batches, POSTs them, retries failures with the same
bytes and batch id, reports trouble, spools what it cannot deliver by the close deadline."""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

from .batches import Batch, Pending

if TYPE_CHECKING:
    from .client import Client

REPORT_EVERY_S = 10.0
BACKOFF_MIN_S, BACKOFF_MAX_S = 0.1, 5.0


class Shipper:
    def __init__(self, client: "Client"):
        self.cl = client
        self.last_report = 0.0

    def run(self) -> None:
        cl = self.cl
        while True:
            with cl.cv:
                deadline = time.monotonic() + cl.settings.flush_interval
                while not (cl.stop or cl.flush_wanted or cl.fatal or cl.pending.points >= cl.settings.wake_at):
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        if not cl.pending.empty():
                            break
                        deadline = time.monotonic() + cl.settings.flush_interval
                        continue
                    cl.cv.wait(remaining)
                if cl.fatal:
                    self._discard()
                    if cl.stop:
                        return
                    cl.cv.wait()
                    continue
                if cl.pending.empty():
                    cl.flush_wanted = False
                    cl.cv.notify_all()
                    if cl.stop:
                        return
                    continue
                batch = cl.pending.take(f"{cl.prefix}-{cl.seq}", cl.settings.batch_points)
                cl.seq += 1
            self.deliver(batch.encode())

    def deliver(self, batch: Batch) -> None:
        cl = self.cl
        backoff, failing_since = BACKOFF_MIN_S, 0.0
        while True:
            with cl.cv:
                give_up = cl.stop and time.monotonic() >= cl.give_up_at
            if give_up:
                return self._spool(batch)
            res = cl.settings.transport.post("/api/v1/batches", batch.body)
            with cl.cv:
                cl.last_http_status = res.status
                if cl.first_attempt is None:
                    cl.first_attempt = ("auth" if res.status in (401, 403) else "unreachable" if res.retryable
                                        else "ok" if res.status == 200 else "rejected")
                if res.status == 200:
                    if failing_since:
                        cl.report(f"server reachable again after {time.monotonic() - failing_since:.1f} s; "
                                  "delivering buffered data")
                    cl.reachable, self.last_report = True, 0.0
                    cl.c["batches"] += 1
                    return self._settle(batch, "delivered")
                if res.status in (401, 403):
                    cl.reachable, cl.fatal = True, "auth"
                    cl.report(f"the server rejected the token (HTTP {res.status} {res.error}); set PROVSCOPE_TOKEN "
                              "(or token=) to an API token with write scope. Logging is disabled.")
                    return self._settle(batch, "rejected")
                if not res.retryable:
                    cl.reachable = True
                    at = f" at {res.path}" if res.path else ""
                    cl.report(f"the server rejected a batch of {batch.points} points (HTTP {res.status} "
                              f"{res.error}{at}); it is not retried")
                    return self._settle(batch, "rejected")
                cl.c["retries"] += 1
                cl.reachable = res.status != 0
                failing_since = failing_since or time.monotonic()
                self._report_unreachable(res.error)
                cl.cv.notify_all()  # wait_first_attempt
                wait = min(backoff, max(0.0, cl.give_up_at - time.monotonic())) if cl.stop else backoff
                if wait > 0:
                    cl.cv.wait(wait)
            backoff = min(backoff * 2, BACKOFF_MAX_S)

    def _settle(self, batch: Batch, counter: str) -> None:
        """cv held: the batch left the buffer for good."""
        c = self.cl.c
        c[counter] += batch.points
        c["settled"] += batch.points
        c["ops_done"] += batch.ops
        self.cl.unsettled -= batch.points
        self.cl.cv.notify_all()

    def _report_unreachable(self, error: str) -> None:
        cl, now = self.cl, time.monotonic()
        if self.last_report and now - self.last_report < REPORT_EVERY_S:
            return
        verb = "still cannot deliver to" if self.last_report else "cannot deliver to"
        self.last_report = now
        policy = "dropping points when full" if cl.settings.on_full == "drop" else "logging waits when full"
        cl.report(f"{verb} {cl.settings.transport.url} ({error}); {cl.unsettled} points buffered "
                  f"(bound {cl.settings.max_points}), {policy}; retrying")

    def _spool(self, batch: Batch) -> None:
        """Past the close deadline: save the batch as is for a later replay (a batch id already
        applied is ignored by the server), or count it as lost."""
        cl, path = self.cl, None
        if cl.settings.spool_dir:
            try:
                os.makedirs(cl.settings.spool_dir, exist_ok=True)
                path = os.path.join(cl.settings.spool_dir, f"{batch.batch_id}.json")
                with open(path, "wb") as f:
                    f.write(batch.body)
            except OSError as err:
                cl.report(f"cannot write to PROVSCOPE_SPOOL_DIR: {err}")
                path = None
        with cl.cv:
            if path:
                cl.report(f"server unreachable past the flush timeout; batch {batch.batch_id} "
                          f"({batch.points} points) saved to {path}")
                return self._settle(batch, "spooled")
            cl.report(f"server unreachable past the flush timeout; batch {batch.batch_id} ({batch.points} points) "
                      "could not be delivered; set PROVSCOPE_SPOOL_DIR to keep such data")
            self._settle(batch, "lost")

    def _discard(self) -> None:
        """cv held, after a fatal error: what is buffered is dropped and counted."""
        cl = self.cl
        n = cl.pending.points
        cl.c["dropped"] += n
        cl.c["settled"] += n
        cl.c["ops_done"] += len(cl.pending.ops)
        cl.unsettled -= n
        cl.pending = Pending()
        cl.cv.notify_all()
