"""`python3 -m provscope pull MODEL@ALIAS | MODEL:VERSION | sha256:HEX [-o FILE]`: download a
model version's stored bytes and verify their sha256. Exit codes as the `provscope` CLI: 0 ok,
1 refused / not stored / did not verify, 2 usage error, 3 cannot connect."""

from __future__ import annotations

import argparse
import json
import sys

from .pull import PullError, describe, pull


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m provscope")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pull", help="download a model version's bytes, sha256-verified")
    p.add_argument("ref", help="MODEL@ALIAS, MODEL:VERSION or sha256:HEX")
    p.add_argument("-o", "--out", help="the file to write (default: the file name of the artifact's uri)")
    p.add_argument("--url", help="the server (default $PROVSCOPE_URL)")
    p.add_argument("--token", help="API token (default $PROVSCOPE_TOKEN)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)
    try:
        r = pull(args.ref, args.out, url=args.url, token=args.token)
    except ValueError as err:
        print(f"provscope: {err}", file=sys.stderr)
        return 2
    except PullError as err:
        print(f"provscope: {err}", file=sys.stderr)
        return 3 if err.status == 0 and str(err).startswith("cannot reach") else 1
    if args.json:
        print(json.dumps(r, indent=2))
    else:
        print(f"{describe(r)} {r['digest']} → {r['file']} ({r['size']} bytes, sha256 verified)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
