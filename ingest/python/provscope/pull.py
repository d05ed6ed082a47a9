"""`pull`: a model version's exact bytes from the server's artifact store, by alias
("EKE-ResNet@deployed") or number ("EKE-ResNet:3"), verified against the sha256 the registry
recorded. Written to a temp file beside the target and renamed into place only when the hash
matches, so a mismatch or a dropped connection leaves no file. Standard library only."""

from __future__ import annotations

import hashlib
from http.client import HTTPException
import json
import os
import re
import tempfile
import urllib.error
import urllib.parse
import urllib.request

from .client import ProvscopeError

DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")
CHUNK = 1 << 20


class PullError(ProvscopeError):
    """The server refused, the bytes are not stored (metadata-only), or they did not verify.
    `status` is the HTTP status (0 when the server was not reached)."""

    def __init__(self, message: str, status: int = 0, code: str = "error"):
        super().__init__(message)
        self.status, self.code = status, code


def parse_ref(ref: str) -> dict:
    """"MODEL@ALIAS", "MODEL:VERSION" or "sha256:<hex>"; the last @ or : separates."""
    if DIGEST.match(ref):
        return {"digest": ref}
    at, colon = ref.rfind("@"), ref.rfind(":")
    if colon > 0 and colon > at and ref[colon + 1:].isdigit():
        return {"model": ref[:colon], "version": int(ref[colon + 1:])}
    if 0 < at < len(ref) - 1:
        return {"model": ref[:at], "alias": ref[at + 1:]}
    raise ValueError(f"{ref!r} is not a model reference: write MODEL@ALIAS (e.g. EKE-ResNet@deployed), "
                     "MODEL:VERSION (e.g. EKE-ResNet:3) or sha256:<hex>")


class _Http:
    def __init__(self, url: str | None, token: str | None, timeout: float):
        self.url = (url or os.environ.get("PROVSCOPE_URL") or "").rstrip("/")
        self.token = token or os.environ.get("PROVSCOPE_TOKEN")
        self.timeout = timeout
        if not self.url:
            raise ValueError("no server URL: pass url= or set PROVSCOPE_URL (e.g. http://login01:3000)")

    def open(self, path: str):
        req = urllib.request.Request(self.url + path, headers={"User-Agent": "provscope-python/1"})
        if self.token:
            req.add_header("Authorization", f"Bearer {self.token}")
        try:
            return urllib.request.urlopen(req, timeout=self.timeout)
        except urllib.error.HTTPError as err:
            raise _refusal(err, f"GET {path}") from None
        except OSError as err:
            raise PullError(f"cannot reach {self.url} ({err}): is the server running? Set PROVSCOPE_URL") from None

    def json(self, path: str) -> dict:
        with self.open(path) as res:
            return json.loads(res.read())


def _refusal(err: urllib.error.HTTPError, what: str) -> PullError:
    try:
        e = json.loads(err.read()).get("error") or {}
    except ValueError:
        e = {}
    code, message = e.get("code", "http_error"), e.get("message", err.reason)
    return PullError(f"{what} → {err.code} {code}: {message}", err.code, code)


def resolve(ref: str, *, url: str | None = None, token: str | None = None, timeout: float = 60.0) -> dict:
    """{model, alias?, version, digest, uri, size} of a model reference."""
    return _resolve(_Http(url, token, timeout), parse_ref(ref))


def _resolve(http: _Http, r: dict) -> dict:
    q = urllib.parse.quote
    if "digest" in r:
        return {"digest": r["digest"], "uri": None, "size": None}
    if "alias" in r:
        a = http.json(f"/api/v1/models/{q(r['model'], safe='')}/aliases/{q(r['alias'], safe='')}")
        art = a["artifact"]
        return {"model": r["model"], "alias": r["alias"], "version": a["version"], "digest": art["hash"], "uri": art["uri"], "size": art["size"]}
    m = http.json(f"/api/v1/models/{q(r['model'], safe='')}")
    for v in m["versions"]:
        if v["version"] == r["version"]:
            art = v["artifact"]
            return {"model": r["model"], "version": v["version"], "digest": art["hash"], "uri": art["uri"], "size": art["size"]}
    known = ", ".join(str(v["version"]) for v in m["versions"]) or "none"
    raise PullError(f"model {r['model']!r} has no version {r['version']} (versions: {known})", 404, "not_found")


def describe(r: dict) -> str:
    if "model" not in r:
        return r["digest"]
    return f"{r['model']}@{r['alias']} (v{r['version']})" if r.get("alias") else f"{r['model']} v{r['version']}"


def default_file_name(r: dict) -> str:
    base = os.path.basename(urllib.parse.urlsplit(r.get("uri") or "").path)
    if base:
        return base
    if "model" in r:
        return re.sub(r"[^A-Za-z0-9._-]", "_", r["model"]) + f"-v{r['version']}"
    return r["digest"].replace(":", "-")


def pull(ref: str, out: str | None = None, *, url: str | None = None, token: str | None = None,
         timeout: float = 300.0) -> dict:
    """Downloads the bytes `ref` names to `out` (default: the file name of the artifact's uri) and
    returns {model, alias?, version, digest, uri, size, file}. Raises PullError when the bytes are
    not stored (metadata-only: the message says where they live) or do not hash to the digest."""
    http = _Http(url, token, timeout)
    r = _resolve(http, parse_ref(ref))
    where = describe(r)
    if not DIGEST.match(r["digest"] or ""):
        raise PullError(f"{where} has the hash {r['digest']!r}, not a sha256 digest, so its bytes cannot be in the store; "
                        f"they live at {r.get('uri') or '(no uri recorded)'}", 0, "metadata_only")
    target = os.path.abspath(out or default_file_name(r))
    try:
        res = http.open(f"/api/v1/blobs/{r['digest']}")
    except PullError as err:
        if err.status == 404:
            raise PullError(f"{where} is {r['digest']}, whose bytes are not stored in Provscope (metadata-only); "
                            f"they live at {r.get('uri') or '(no uri recorded)'}", 404, "metadata_only") from None
        raise
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".part", dir=os.path.dirname(target))
    h, size = hashlib.sha256(), 0
    try:
        with res, os.fdopen(fd, "wb") as f:
            declared = res.headers.get("X-Provscope-Blob-Size") or res.headers.get("Content-Length")
            while chunk := res.read(CHUNK):
                h.update(chunk)
                f.write(chunk)
                size += len(chunk)
        if declared is not None and int(declared) != size:
            raise PullError(f"the download of {r['digest']} ended after {size} of {declared} bytes; run it again", 0, "download_interrupted")
        actual = f"sha256:{h.hexdigest()}"
        if actual != r["digest"]:
            raise PullError(f"the downloaded bytes hash to {actual}, not {r['digest']}; nothing was written", 0, "digest_mismatch")
        os.replace(tmp, target)
    except BaseException as err:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(err, (OSError, HTTPException)):
            raise PullError(f"the download of {r['digest']} failed ({err}); nothing was written", 0, "download_interrupted") from None
        raise
    return {**r, "size": size, "file": target}
