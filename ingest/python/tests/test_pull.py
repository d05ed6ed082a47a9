"""pull against a scripted registry and blob store: by alias and by version, verified; a mismatch
or a metadata-only version leaves no file."""

import hashlib
import json
import os
import tempfile
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from fake_server import free_port

from provscope import PullError, pull
from provscope.__main__ import main
from provscope.pull import parse_ref

V1, V2 = b"weights of version one" * 1000, b"weights of version two"
D1, D2 = (f"sha256:{hashlib.sha256(b).hexdigest()}" for b in (V1, V2))
MISSING = "sha256:" + "0" * 64


class Registry:
    """GET /api/v1/models/m, /api/v1/models/m/aliases/deployed and /api/v1/blobs/<digest>."""

    def __init__(self, tamper: bool = False):
        self.port, self.tamper, self.auth = free_port(), tamper, []
        reg = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def send(self, status, body, ctype="application/json"):
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                reg.auth.append(self.headers.get("Authorization"))
                versions = [{"version": 1, "artifact": {"uri": "file:///models/it1.pt", "hash": D1, "size": len(V1)}},
                            {"version": 2, "artifact": {"uri": "file:///models/it2.pt", "hash": D2, "size": len(V2)}},
                            {"version": 3, "artifact": {"uri": "file:///lustre/it3.pt", "hash": MISSING, "size": 9}}]
                if self.path == "/api/v1/models/m":
                    return self.send(200, {"name": "m", "versions": versions})
                if self.path == "/api/v1/models/m/aliases/deployed":
                    return self.send(200, {"model": "m", "alias": "deployed", "version": 1, "artifact": versions[0]["artifact"]})
                blobs = {D1: V1, D2: V2}
                digest = self.path.rsplit("/", 1)[-1]
                if digest in blobs:
                    data = blobs[digest]
                    return self.send(200, data[:-1] + b"!" if reg.tamper else data, "application/octet-stream")
                self.send(404, {"error": {"code": "not_found", "message": "no such thing"}})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.port}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class PullTests(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        for f in os.listdir(self.dir):
            os.unlink(os.path.join(self.dir, f))
        os.rmdir(self.dir)

    def test_parse_ref(self):
        self.assertEqual(parse_ref("m@deployed"), {"model": "m", "alias": "deployed"})
        self.assertEqual(parse_ref("a:b@x:3"), {"model": "a:b@x", "version": 3})
        self.assertEqual(parse_ref(D1), {"digest": D1})
        with self.assertRaisesRegex(ValueError, "MODEL@ALIAS"):
            parse_ref("just-a-name")

    def test_by_alias_and_by_version_verified(self):
        reg = Registry()
        try:
            out = os.path.join(self.dir, "model.pt")
            r = pull("m@deployed", out, url=reg.url, token="tok")
            self.assertEqual((r["version"], r["digest"], r["size"], r["file"]), (1, D1, len(V1), out))
            with open(out, "rb") as f:
                self.assertEqual(f.read(), V1)
            r2 = pull("m:2", os.path.join(self.dir, "v2"), url=reg.url, token="tok")
            self.assertEqual(r2["version"], 2)
            self.assertEqual(reg.auth[0], "Bearer tok")
            self.assertEqual(sorted(os.listdir(self.dir)), ["model.pt", "v2"])
        finally:
            reg.close()

    def test_a_mismatch_leaves_no_file(self):
        reg = Registry(tamper=True)
        try:
            with self.assertRaisesRegex(PullError, "hash to sha256:.*not " + D1):
                pull("m@deployed", os.path.join(self.dir, "model.pt"), url=reg.url, token="tok")
            self.assertEqual(os.listdir(self.dir), [])
        finally:
            reg.close()

    def test_metadata_only_and_unknown_versions_say_so(self):
        reg = Registry()
        try:
            with self.assertRaises(PullError) as ctx:
                pull("m:3", os.path.join(self.dir, "x"), url=reg.url)
            self.assertEqual(ctx.exception.code, "metadata_only")
            self.assertIn("they live at file:///lustre/it3.pt", str(ctx.exception))
            with self.assertRaisesRegex(PullError, r"no version 9 \(versions: 1, 2, 3\)"):
                pull("m:9", url=reg.url)
            self.assertEqual(os.listdir(self.dir), [])
            self.assertEqual(main(["pull", "m:3", "-o", os.path.join(self.dir, "x"), "--url", reg.url]), 1)
            self.assertEqual(main(["pull", "nonsense", "--url", reg.url]), 2)
        finally:
            reg.close()

    def test_an_unreachable_server_is_exit_code_3(self):
        self.assertEqual(main(["pull", "m@deployed", "--url", f"http://127.0.0.1:{free_port()}"]), 3)


if __name__ == "__main__":
    unittest.main()
