"""A training loop instrumented with Provscope's CMF-style API (standard library only).

    PROVSCOPE_URL=http://127.0.0.1:3000 PROVSCOPE_TOKEN=… python3 examples/train.py --steps 2000

Fits y = 3x - 1 by SGD on a generated dataset, logs the dataset as input, the loss at every step,
the model file as output (registered as a new version of "linreg") and the test loss. With
--stop-file it trains until that file exists (the CI test restarts the server meanwhile). Prints
one JSON line of counters; exits 0 when everything was delivered, 2 when the server refused the
token or the execution, 3 when data could not be delivered.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from provscope import Cmf, ProvscopeError  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=2000)
    ap.add_argument("--sleep", type=float, default=0.0, help="seconds between steps")
    ap.add_argument("--stop-file", default=None)
    ap.add_argument("--workdir", default=".")
    args = ap.parse_args()

    rng = random.Random(42)
    data_path = os.path.join(args.workdir, "train-data.csv")
    with open(data_path, "w") as f:
        f.write("x,y\n")
        for _ in range(200):
            x = rng.uniform(-1, 1)
            f.write(f"{x},{3 * x - 1 + rng.gauss(0, 0.05)}\n")
    with open(data_path) as f:
        rows = [tuple(map(float, line.split(","))) for line in f.read().splitlines()[1:]]

    cmf = Cmf(os.environ.get("PROVSCOPE_PIPELINE", "python-example"))
    cmf.create_context("train")
    try:
        execution = cmf.create_execution("train-linreg", {"lr": 0.05, "steps": args.steps})
    except ProvscopeError as err:  # a refused token (AuthError) or a refused execution
        print(f"train.py: {err}", file=sys.stderr)
        return 2
    cmf.log_dataset(data_path, "input", {"rows": len(rows)})

    w = b = 0.0
    step = 0
    while (not os.path.exists(args.stop_file)) if args.stop_file else step < args.steps:
        x, y = rows[step % len(rows)]
        err = w * x + b - y
        w -= 0.05 * err * x
        b -= 0.05 * err
        cmf.log_metric("training_metrics", {"loss": err * err}, step=step)
        step += 1
        if args.sleep:
            time.sleep(args.sleep)
    cmf.commit_metrics("training_metrics")

    model_path = os.path.join(args.workdir, "linreg-model.json")
    with open(model_path, "w") as f:
        json.dump({"w": w, "b": b}, f)
    cmf.log_model(model_path, "output", model_framework="python", model_type="linear", model_name="linreg")
    test_loss = sum((w * x + b - y) ** 2 for x, y in rows) / len(rows)
    cmf.log_execution_metrics("test_metrics", {"test_loss": test_loss})

    ok = cmf.finalize()
    status = cmf.client.status()
    print(json.dumps({"execution": execution, "steps": step, "logged": status["logged"],
                      "delivered": status["delivered"], "dropped": status["dropped"], "retries": status["retries"]}))
    return 0 if ok else 3


if __name__ == "__main__":
    sys.exit(main())
