"""Client settings: arguments first, then PROVSCOPE_* environment variables, then defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass

from .transport import Transport

RANK_VARIABLES = ("PROVSCOPE_RANK", "OMPI_COMM_WORLD_RANK", "PMI_RANK", "PMIX_RANK", "SLURM_PROCID",
                  "MV2_COMM_WORLD_RANK", "ALPS_APP_PE")


def env_rank() -> int:
    for name in RANK_VARIABLES:
        v = os.environ.get(name)
        if v and v.strip().isdigit():
            return int(v)
    return 0


def _num(given, env: str, default, cast=float):
    if given is not None:
        return cast(given)
    v = os.environ.get(env)
    return cast(v) if v else default


@dataclass
class Settings:
    transport: Transport
    rank: int
    max_points: int        # points held (buffered or in flight) before logging waits or drops
    on_full: str           # "wait" | "drop"
    flush_interval: float  # seconds between background flushes
    flush_timeout: float   # how long flush()/close() wait for the server
    batch_points: int      # points per batch
    spool_dir: str | None  # where close() saves undeliverable batches
    wake_at: int

    @staticmethod
    def resolve(url=None, token=None, rank=None, max_points=None, on_full=None, flush_interval=None,
                flush_timeout=None, batch_points=None, spool_dir=None, timeout=150.0) -> "Settings":
        url = url or os.environ.get("PROVSCOPE_URL")
        token = token or os.environ.get("PROVSCOPE_TOKEN")
        if not url:
            raise ValueError("no server URL: pass url= or set PROVSCOPE_URL (e.g. http://login01:3000)")
        if not token:
            raise ValueError("no API token: pass token= or set PROVSCOPE_TOKEN (a token with write scope)")
        on_full = on_full or os.environ.get("PROVSCOPE_ON_FULL") or "wait"
        if on_full not in ("wait", "drop"):
            raise ValueError(f'on_full must be "wait" or "drop", got {on_full!r}')
        max_points = max(64, _num(max_points, "PROVSCOPE_BUFFER_POINTS", 1_000_000, int))
        batch_points = max(1, min(_num(batch_points, "PROVSCOPE_BATCH_POINTS", 50_000, int), max_points))
        flush_ms = os.environ.get("PROVSCOPE_FLUSH_MS")
        flush_interval = flush_interval if flush_interval is not None else (int(flush_ms) / 1000 if flush_ms else 1.0)
        return Settings(
            transport=Transport(url, token, timeout),
            rank=env_rank() if rank is None or rank < 0 else int(rank),
            max_points=max_points,
            on_full=on_full,
            flush_interval=float(flush_interval),
            flush_timeout=_num(flush_timeout, "PROVSCOPE_FLUSH_TIMEOUT", 120.0),
            batch_points=batch_points,
            spool_dir=spool_dir or os.environ.get("PROVSCOPE_SPOOL_DIR") or None,
            wake_at=max(1, min(batch_points, max_points // 4)),
        )
