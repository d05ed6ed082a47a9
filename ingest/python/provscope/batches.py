"""Pending data of a Client and how it becomes the JSON of POST /api/v1/batches."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

MAX_OPS_PER_BATCH = 5_000  # the server allows 10,000
MAX_POINTS_PER_OP = 100_000


def encode_value(v: float) -> float | str:
    """JSON has no NaN/Infinity: the API takes them as strings."""
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, int):
        return v
    f = float(v)
    if math.isfinite(f):
        return f
    return "NaN" if f != f else ("Infinity" if f > 0 else "-Infinity")


@dataclass
class SeriesBuffer:
    steps: list[int] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    times: list[int] = field(default_factory=list)


@dataclass
class Batch:
    batch_id: str
    ops_list: list[dict]
    points: int
    ops: int  # non-series ops carried
    body: bytes = b""

    def encode(self) -> "Batch":
        """Freezes the JSON once (outside the client's lock): a retry sends exactly these bytes."""
        self.body = json.dumps({"batchId": self.batch_id, "ops": self.ops_list}, allow_nan=False,
                               separators=(",", ":")).encode()
        self.ops_list = []
        return self


@dataclass
class Pending:
    """What has been logged and not yet taken into a batch. Guarded by the Client's lock."""

    ops: list[dict] = field(default_factory=list)
    series: dict[tuple[str, str, int], SeriesBuffer] = field(default_factory=dict)
    points: int = 0

    def empty(self) -> bool:
        return not self.ops and self.points == 0

    def take(self, batch_id: str, max_points: int) -> Batch:
        """Moves up to max_points points and the queued ops into one batch (call .encode() on it
        once the lock is released). Ends go last so they follow the points they close."""
        ends = [op for op in self.ops if op["op"] == "execution.end"]
        ops = [op for op in self.ops if op["op"] != "execution.end"]
        n_misc = len(self.ops)
        self.ops = []
        taken = 0
        for key in list(self.series):
            if taken >= max_points or len(ops) >= MAX_OPS_PER_BATCH:
                break
            buf = self.series[key]
            n = min(len(buf.steps), max_points - taken)
            used, made = _series_ops(key, buf, n, MAX_OPS_PER_BATCH - len(ops))
            ops.extend(made)
            taken += used
            if used == len(buf.steps):
                del self.series[key]
            else:
                del buf.steps[:used], buf.values[:used], buf.times[:used]
        if self.series and ends:
            # points of an ended execution are still pending: the end waits for the next batch
            self.ops = ends
            n_misc -= len(ends)
            ends = []
        self.points -= taken
        return Batch(batch_id, ops + ends, taken, n_misc)


def _series_ops(key: tuple[str, str, int], buf: SeriesBuffer, n: int, max_ops: int) -> tuple[int, list[dict]]:
    """Series ops for the first n points: one per run of strictly increasing steps."""
    execution, name, rank = key
    ops: list[dict] = []
    start = 0
    steps = buf.steps
    while start < n and len(ops) < max_ops:
        end = start + 1
        limit = min(n, start + MAX_POINTS_PER_OP)
        while end < limit and steps[end] > steps[end - 1]:
            end += 1
        values = buf.values[start:end]
        if not all(map(math.isfinite, values)):  # floats only (log_series converts)
            values = [encode_value(v) for v in values]
        ops.append({"op": "series", "execution": execution, "key": name, "rank": rank,
                    "steps": steps[start:end], "values": values, "times": buf.times[start:end]})
        start = end
    return start, ops
