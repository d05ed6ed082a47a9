"""log_bench: N calls of the Python client's logging API against a live server
(PROVSCOPE_URL, PROVSCOPE_TOKEN). Prints one JSON line: the cost per call of Cmf.log_metric and
of Client.log_series (without the time spent waiting on a full buffer), and end-to-end points/s
(first call to every point acknowledged)."""

from __future__ import annotations

import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from provscope import Cmf  # noqa: E402


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    cmf = Cmf("bench-python")
    cmf.create_context("log")
    execution = cmf.create_execution("log-bench")
    client = cmf.client

    t0 = time.perf_counter()
    for i in range(n):
        client.log_series("bench_value", i, i * 0.5, execution=execution)
    t1 = time.perf_counter()
    blocked = client.status()["blocked_s"]

    m = min(n, 100_000)  # the CMF-style call, on a series of its own
    t2 = time.perf_counter()
    for i in range(m):
        cmf.log_metric("bench_metrics", {"bench_cmf": i * 0.25}, step=i)
    t3 = time.perf_counter()
    blocked_cmf = client.status()["blocked_s"] - blocked

    ok = cmf.finalize()
    t4 = time.perf_counter()
    st = client.status()
    print(json.dumps({
        "calls": n,
        "ns_per_call": (t1 - t0 - blocked) / n * 1e9,
        "ns_per_call_wall": (t1 - t0) / n * 1e9,
        "cmf_ns_per_call": (t3 - t2 - blocked_cmf) / m * 1e9,
        "e2e_s": t4 - t0,
        "e2e_points_per_s": st["delivered"] / (t4 - t0),
        "delivered": st["delivered"],
        "ok": ok,
    }))
    return 0 if ok else 3


if __name__ == "__main__":
    sys.exit(main())
