"""Content hashes for artifacts: the same bytes give the same "sha256:…" in every client (the C
library hashes files identically), which is what connects lineage across tools."""

from __future__ import annotations

import hashlib
import os

CHUNK = 1 << 20


def hash_file(path: str) -> tuple[str, int]:
    """("sha256:<hex>", size in bytes) of a file."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
            size += len(chunk)
    return f"sha256:{h.hexdigest()}", size


def hash_dir(path: str) -> tuple[str, int]:
    """A directory: sha256 over "<relative path>\\0<file hash>\\n" lines in sorted order, so
    renaming or changing any file changes it; size is the sum of the files'."""
    lines: list[str] = []
    total = 0
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for name in files:
            full = os.path.join(root, name)
            digest, size = hash_file(full)
            total += size
            lines.append(f"{os.path.relpath(full, path).replace(os.sep, '/')}\0{digest}\n")
    h = hashlib.sha256("".join(sorted(lines)).encode())
    return f"sha256:{h.hexdigest()}", total


def hash_path(path: str) -> tuple[str, int]:
    return hash_dir(path) if os.path.isdir(path) else hash_file(path)


def hash_text(text: str) -> str:
    return f"sha256:{hashlib.sha256(text.encode()).hexdigest()}"
