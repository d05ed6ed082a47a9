"""The client against a scripted fake server: retries reuse the batch id, nothing is lost or
duplicated, the buffer bound holds while the server is down, bad tokens fail loudly."""

import json
import logging
import os
import tempfile
import time
import unittest

from fake_server import FakeServer, free_port

from provscope import AuthError, Client, Cmf

logging.getLogger("provscope").setLevel(logging.ERROR)  # the tests provoke warnings on purpose

FAST = dict(flush_interval=0.05, flush_timeout=5.0)


def wait_until(cond, timeout=5.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.02)
    return False


class ClientTests(unittest.TestCase):
    def test_retries_reuse_the_batch_id_and_deliver_once(self):
        with FakeServer(script=[503, 500]) as srv:
            cl = Client(srv.url, "tok", **FAST)
            for i in range(100):
                cl.log_series("loss", i, i / 10, execution="e1")
            self.assertTrue(cl.close())
            ids = [r["batchId"] for r in srv.requests]
            self.assertEqual(ids[0], ids[1], "a retried batch keeps its id")
            self.assertEqual(ids[1], ids[2])
            self.assertEqual(srv.points("loss"), list(range(100)))
            self.assertEqual(cl.status()["retries"], 2)

    def test_server_down_at_start_buffers_then_delivers(self):
        port = free_port()
        cl = Client(f"http://127.0.0.1:{port}", "tok", max_points=500, **FAST)
        cl.queue_op({"op": "execution.start", "pipeline": "p", "stage": "s", "execution": "e2"})
        cl.wait_first_attempt(timeout=2)  # unreachable is not an error
        for i in range(300):
            cl.log_series("x", i, float(i), execution="e2")
        st = cl.status()
        self.assertEqual((st["pending"], st["reachable"]), (300, False))
        self.assertIn("cannot deliver", st["last_error"])
        with FakeServer(port=port) as srv:
            self.assertTrue(cl.flush(timeout=10))
            self.assertTrue(cl.close())
            self.assertEqual(srv.points("x"), list(range(300)))
            self.assertEqual(cl.status()["delivered"], 300)

    def test_the_bound_holds_and_the_drop_policy_counts(self):
        cl = Client(f"http://127.0.0.1:{free_port()}", "tok", max_points=100, on_full="drop", flush_interval=0.05,
                    flush_timeout=0.2)
        kept = sum(cl.log_series("x", i, 1.0, execution="e3") for i in range(250))
        st = cl.status()
        self.assertEqual((kept, st["pending"], st["dropped"]), (100, 100, 150))
        self.assertFalse(cl.close())

    def test_wait_policy_blocks_at_the_bound(self):
        port = free_port()
        cl = Client(f"http://127.0.0.1:{port}", "tok", max_points=64, **FAST)
        import threading

        done = threading.Event()

        def produce():
            for i in range(200):
                cl.log_series("w", i, 0.5, execution="e4")
            done.set()

        threading.Thread(target=produce, daemon=True).start()
        time.sleep(0.3)
        self.assertFalse(done.is_set(), "logging waits while the buffer is full")
        self.assertEqual(cl.status()["pending"], 64)
        with FakeServer(port=port) as srv:
            self.assertTrue(done.wait(10))
            self.assertTrue(cl.close())
            self.assertEqual(srv.points("w"), list(range(200)))
            self.assertGreater(cl.status()["blocked_s"], 0.1)

    def test_bad_token_raises_at_create_execution(self):
        with FakeServer(script=[401]) as srv:
            cmf = Cmf("p", url=srv.url, token="bad", **FAST)
            cmf.create_context("train")
            with self.assertRaises(AuthError) as ctx:
                cmf.create_execution("t")
            self.assertIn("rejected the token", str(ctx.exception))
            self.assertFalse(cmf.client.log_series("loss", 0, 1.0, execution="e"), "logging is disabled")
            cmf.client.close()

    def test_a_4xx_is_reported_and_not_retried(self):
        with FakeServer(script=[422]) as srv:
            cl = Client(srv.url, "tok", **FAST)
            cl.log_series("x", 1, 1.0, execution="e5")
            self.assertTrue(cl.flush(timeout=5))
            st = cl.status()
            self.assertEqual((st["rejected"], len(srv.requests)), (1, 1))
            self.assertIn("HTTP 422", st["last_error"])
            self.assertFalse(cl.close())

    def test_close_spools_what_it_cannot_deliver(self):
        with tempfile.TemporaryDirectory() as d:
            cl = Client(f"http://127.0.0.1:{free_port()}", "tok", spool_dir=d, flush_interval=0.05, flush_timeout=0.3)
            for i in range(10):
                cl.log_series("s", i, 2.0, execution="e6")
            self.assertFalse(cl.close())
            files = os.listdir(d)
            self.assertEqual(len(files), 1)
            with open(os.path.join(d, files[0])) as f:
                body = json.load(f)
            self.assertEqual(body["batchId"] + ".json", files[0])
            self.assertEqual(body["ops"][0]["steps"], list(range(10)))
            self.assertEqual(cl.status()["spooled"], 10)


class ExitTests(unittest.TestCase):
    def test_a_program_that_never_closes_is_flushed_at_exit(self):
        import subprocess
        import sys

        here = os.path.dirname(os.path.abspath(__file__))
        script = ("import sys; sys.path.insert(0, sys.argv[2])\n"
                  "from provscope import Client\n"
                  "cl = Client(sys.argv[1], 'tok', flush_interval=60)\n"
                  "for i in range(5000): cl.log_series('exit', i, 0.5, execution='e7')\n")
        with FakeServer() as srv:
            r = subprocess.run([sys.executable, "-c", script, srv.url, os.path.dirname(here)], capture_output=True, timeout=60)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(srv.points("exit"), list(range(5000)))


class CmfTests(unittest.TestCase):
    def test_cmf_calls_map_to_ops(self):
        with FakeServer() as srv, tempfile.TemporaryDirectory() as d:
            data = os.path.join(d, "data.csv")
            with open(data, "w") as f:
                f.write("x\n1\n")
            cmf = Cmf("pipe", url=srv.url, token="tok", rank=0, **FAST)
            cmf.create_context("train", {"owner": "me"})
            ex = cmf.create_execution("train-a", {"lr": 0.1}, execution="ex-1")
            self.assertEqual(ex, "ex-1")
            cmf.log_dataset(data, "input")
            for step in range(3):
                cmf.log_metric("train", {"loss": 1.0 / (step + 1), "acc": step / 3})
            cmf.commit_metrics("train")
            cmf.log_model(data, "output", model_name="m1")
            cmf.log_execution_metrics("test", {"test_loss": float("nan")})
            self.assertTrue(cmf.finalize())
            ops = [op for body in srv.applied.values() for op in body["ops"]]
            kinds = [op["op"] for op in ops]
            self.assertEqual(kinds[0], "execution.start")
            self.assertEqual(kinds[-1], "execution.end")
            start = ops[0]
            self.assertEqual((start["params"], start["properties"]["owner"]), ({"lr": 0.1}, "me"))
            self.assertEqual(srv.points("loss"), [0, 1, 2])
            art = [op for op in ops if op["op"] == "artifact"]
            self.assertEqual([(a["type"], a["direction"]) for a in art],
                             [("dataset", "input"), ("step_metrics", "output"), ("model", "output"), ("metrics", "output")])
            self.assertTrue(art[0]["hash"].startswith("sha256:") and art[0]["uri"].startswith("file:///"))
            self.assertIn({"op": "model.version", "model": "m1", "hash": art[2]["hash"], "execution": "ex-1"}, ops)
            self.assertIn({"op": "metrics", "execution": "ex-1", "values": {"test_loss": "NaN"}}, ops)

    def test_other_ranks_send_no_params(self):
        with FakeServer() as srv:
            cmf = Cmf("pipe", url=srv.url, token="tok", rank=2, **FAST)
            cmf.create_context("sim")
            cmf.create_execution("sim", {"nx": 64}, execution="ex-2")
            cmf.log_metric("m", {"residual": 0.5}, step=7)
            self.assertTrue(cmf.finalize())
            ops = [op for body in srv.applied.values() for op in body["ops"]]
            self.assertEqual(ops[0], {"op": "execution.start", "pipeline": "pipe", "stage": "sim", "execution": "ex-2", "name": "sim"})
            self.assertEqual([op["rank"] for op in ops if op["op"] == "series"], [2])
            self.assertNotIn("execution.end", [op["op"] for op in ops], "only rank 0 ends a completed execution")


if __name__ == "__main__":
    unittest.main()
