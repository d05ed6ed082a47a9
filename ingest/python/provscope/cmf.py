"""CMF-style facade (cmflib.cmf.Cmf names) over the Provscope client, so CMF users feel at home:
no local MLMD file, no git or DVC on the node, nothing but the standard library."""

from __future__ import annotations

import json
import os
import socket
import sys
from datetime import datetime, timezone

from .batches import encode_value
from .client import Client, new_execution_id
from .hashing import hash_path, hash_text


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Cmf:
    """One pipeline. `create_context` picks the stage, `create_execution` starts a run of it;
    the log_* calls attach to the current execution.

    Multi-rank runs: every rank creates its Cmf with the same `execution` id (or
    PROVSCOPE_EXECUTION); series carry each rank; only rank 0 sends params and properties."""

    def __init__(self, pipeline: str | None = None, filepath: str | None = None, *, pipeline_name: str | None = None,
                 custom_properties: dict | None = None, url: str | None = None, token: str | None = None,
                 rank: int | None = None, client: Client | None = None, **client_options):
        del filepath  # CMF's local MLMD file: the server is the store here
        self.pipeline = pipeline or pipeline_name or os.environ.get("PROVSCOPE_PIPELINE")
        if not self.pipeline:
            raise ValueError("Cmf needs a pipeline name: Cmf('my-pipeline') or PROVSCOPE_PIPELINE")
        self.client = client or Client(url, token, rank=rank, **client_options)
        self.rank = self.client.rank
        self.pipeline_properties = custom_properties or {}
        self.stage: str | None = None
        self.stage_properties: dict = {}
        self.execution: str | None = None
        self._steps: dict[str, int] = {}
        self._metric_rows: dict[str, tuple[int, set]] = {}

    # ---- contexts and executions ----

    def create_context(self, pipeline_stage: str, custom_properties: dict | None = None) -> str:
        self.stage, self.stage_properties = pipeline_stage, custom_properties or {}
        return pipeline_stage

    def create_execution(self, execution_type: str, custom_properties: dict | None = None, cmd: str | None = None,
                         create_new_execution: bool = True, *, execution: str | None = None,
                         name: str | None = None, parent: str | None = None) -> str:
        """Starts an execution of the current stage and returns its id. Raises AuthError at once
        when the server rejects the token; an unreachable server only delays delivery."""
        if self.stage is None:
            self.create_context(execution_type)
        if self.execution and not create_new_execution:
            return self.execution
        self.execution = execution or new_execution_id()
        op: dict = {"op": "execution.start", "pipeline": self.pipeline, "stage": self.stage,
                    "execution": self.execution, "name": name or execution_type}
        if parent:
            op["parent"] = parent
        if self.rank == 0:  # a later rank's start would replace these
            op["params"] = dict(custom_properties or {})
            op["properties"] = {**self.pipeline_properties, **self.stage_properties, "execution_type": execution_type,
                                "command": cmd or " ".join(sys.argv), "host": socket.gethostname()}
            op["startedAt"] = _now()
        self.client.queue_op(op)
        self.client.wait_first_attempt()
        return self.execution

    def _current(self) -> str:
        if not self.execution:
            raise RuntimeError("no current execution: call create_execution first")
        return self.execution

    # ---- artifacts ----

    def _artifact(self, kind: str, url: str, event: str, props: dict, name: str | None = None) -> dict:
        event = event.lower()
        if event not in ("input", "output"):
            raise ValueError(f'event must be "input" or "output", got {event!r}')
        local = url[7:] if url.startswith("file://") else url
        op = {"op": "artifact", "execution": self._current(), "direction": event, "type": kind,
              "name": name or os.path.basename(local.rstrip("/")) or url}
        if os.path.exists(local):  # hashed here: the same content is the same lineage node everywhere
            op["hash"], op["size"] = hash_path(local)
            op["uri"] = "file://" + os.path.abspath(local)
        else:  # remote (s3://, …): identified by the hash the caller gives, else by its URI
            op["hash"] = str(props.pop("hash", None) or hash_text(url))
            op["uri"] = url
        if props:
            op["properties"] = props
        self.client.queue_op(op)
        return op

    def log_dataset(self, url: str, event: str, custom_properties: dict | None = None, label: str | None = None,
                    label_properties: dict | None = None, external: bool = False) -> dict:
        props = dict(custom_properties or {})
        if label:
            props["label"] = label
        return self._artifact("dataset", url, event, props)

    def log_model(self, path: str, event: str, model_framework: str = "Default", model_type: str = "Default",
                  model_name: str = "Default", custom_properties: dict | None = None, register: bool = True) -> dict:
        """An output model is also registered as the next version of `model_name` (the registry)."""
        props = {**(custom_properties or {}), "framework": model_framework, "model_type": model_type}
        name = model_name if model_name != "Default" else None
        op = self._artifact("model", path, event, props, name)
        if register and op["direction"] == "output":
            self.client.queue_op({"op": "model.version", "model": op["name"], "hash": op["hash"], "execution": op["execution"]})
        return op

    # ---- metrics ----

    def log_metric(self, metrics_name: str, custom_properties: dict | None = None, step: int | None = None) -> None:
        """One row of step metrics: each key becomes the series of that name at `step` (default:
        the row number under metrics_name)."""
        if step is None:
            step = self._steps.get(metrics_name, -1) + 1
        self._steps[metrics_name] = step
        execution = self._current()
        for key, value in (custom_properties or {}).items():
            self.client.log_series(key, step, value, execution=execution)
        rows, keys = self._metric_rows.get(metrics_name) or (0, set())
        keys.update((custom_properties or {}).keys())
        self._metric_rows[metrics_name] = (rows + 1, keys)

    def commit_metrics(self, metrics_name: str) -> dict | None:
        """Closes a set of step metrics: logs it as an output artifact of type step_metrics. Its
        points live in the execution's series, so (execution, name, rows) identifies it."""
        entry = self._metric_rows.pop(metrics_name, None)
        if entry is None:
            return None
        rows, keys = entry
        execution = self._current()
        op = {"op": "artifact", "execution": execution, "direction": "output", "type": "step_metrics",
              "name": metrics_name, "hash": hash_text(f"{execution}\0{metrics_name}\0{rows}"),
              "properties": {"rows": rows, "keys": sorted(keys)}}
        self.client.queue_op(op)
        return op

    def log_execution_metrics(self, metrics_name: str, custom_properties: dict | None = None) -> dict:
        """Final scalars of the execution (filterable, e.g. metrics.test_loss < 0.4)."""
        values = dict(custom_properties or {})
        self.client.queue_op({"op": "metrics", "execution": self._current(),
                              "values": {k: encode_value(v) for k, v in values.items()}})
        op = {"op": "artifact", "execution": self._current(), "direction": "output", "type": "metrics",
              "name": metrics_name, "hash": hash_text(json.dumps(values, sort_keys=True, default=str)),
              "properties": {"keys": sorted(values)}}
        self.client.queue_op(op)
        return op

    # ---- the end ----

    def end_execution(self, status: str = "COMPLETED") -> None:
        """Rank 0 ends the execution; another rank only reports its own failure."""
        if self.execution and (self.rank == 0 or status != "COMPLETED"):
            self.client.queue_op({"op": "execution.end", "execution": self.execution, "status": status, "endedAt": _now()})
        self.execution = None

    def finalize(self, status: str = "COMPLETED", timeout: float | None = None) -> bool:
        """Ends the current execution and delivers everything; True when nothing was lost."""
        self.end_execution(status)
        return self.client.close(timeout)

    def __enter__(self) -> "Cmf":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.finalize("FAILED" if exc_type else "COMPLETED")
