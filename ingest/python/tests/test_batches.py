import json
import math
import os
import tempfile
import unittest
import hashlib

from provscope import encode_value, hash_dir, hash_file
from provscope.batches import MAX_OPS_PER_BATCH, Pending, SeriesBuffer


def pending_with(points: dict) -> Pending:
    p = Pending()
    for key, steps in points.items():
        buf = p.series[key] = SeriesBuffer()
        for i, s in enumerate(steps):
            buf.steps.append(s)
            buf.values.append(float(i))
            buf.times.append(1000 + i)
            p.points += 1
    return p


class BatchTests(unittest.TestCase):
    def test_non_increasing_steps_start_a_new_op(self):
        p = pending_with({("e", "loss", 0): [1, 2, 3, 2, 3, 3]})
        body = json.loads(p.take("b-0", 1000).encode().body)
        self.assertEqual([op["steps"] for op in body["ops"]], [[1, 2, 3], [2, 3], [3]])
        self.assertEqual(body["ops"][1]["values"], [3.0, 4.0])
        self.assertEqual(p.points, 0)

    def test_non_finite_values_travel_as_strings(self):
        self.assertEqual([encode_value(v) for v in (math.nan, math.inf, -math.inf, 1.5, 2)], ["NaN", "Infinity", "-Infinity", 1.5, 2])
        p = pending_with({("e", "k", 0): [0, 1]})
        p.series[("e", "k", 0)].values[1] = math.nan
        self.assertEqual(json.loads(p.take("b", 10).encode().body)["ops"][0]["values"], [0.0, "NaN"])

    def test_take_respects_the_point_budget_and_keeps_the_rest(self):
        p = pending_with({("e", "a", 0): list(range(10)), ("e", "b", 1): list(range(5))})
        first = p.take("b-0", 12).encode()
        self.assertEqual(first.points, 12)
        ops = json.loads(first.body)["ops"]
        self.assertEqual([(op["key"], op["rank"], len(op["steps"])) for op in ops], [("a", 0, 10), ("b", 1, 2)])
        second = json.loads(p.take("b-1", 12).encode().body)["ops"]
        self.assertEqual(second[0]["steps"], [2, 3, 4])

    def test_ops_per_batch_are_bounded(self):
        p = pending_with({("e", "flat", 0): [7] * (MAX_OPS_PER_BATCH + 3)})
        self.assertEqual(len(json.loads(p.take("b", 10**6).encode().body)["ops"]), MAX_OPS_PER_BATCH)
        self.assertEqual(p.points, 3)

    def test_an_end_waits_for_pending_points_of_its_execution(self):
        p = pending_with({("e", "a", 0): list(range(10))})
        p.ops = [{"op": "execution.start", "execution": "e"}, {"op": "execution.end", "execution": "e"}]
        first = json.loads(p.take("b-0", 4).encode().body)["ops"]
        self.assertEqual([op["op"] for op in first], ["execution.start", "series"])
        last = json.loads(p.take("b-1", 100).encode().body)["ops"]
        self.assertEqual([op["op"] for op in last], ["series", "execution.end"])


class HashTests(unittest.TestCase):
    def test_file_and_directory_hashes(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "a.bin")
            with open(path, "wb") as f:
                f.write(b"abc")
            self.assertEqual(hash_file(path), ("sha256:" + hashlib.sha256(b"abc").hexdigest(), 3))
            os.mkdir(os.path.join(d, "sub"))
            with open(os.path.join(d, "sub", "b.txt"), "w") as f:
                f.write("hello")
            h1, size = hash_dir(d)
            self.assertEqual(size, 8)
            os.rename(os.path.join(d, "sub", "b.txt"), os.path.join(d, "sub", "c.txt"))
            self.assertNotEqual(hash_dir(d)[0], h1, "a rename changes the directory hash")


if __name__ == "__main__":
    unittest.main()
