"""A disk cache for tables that are slow to build and change only with sitrep's own files: the
knowledge base (with the tables derived from it) and the gazetteer, built from data files in
about a second, the case-forms table, py3langid's model (LZMA-compressed in its wheel: half
a second to decompress) and the learned models shipped as JSON (`resources.data_json`), load
from a pickle in a fraction of that, so a short run does not pay for them every time. It also
keeps what the parse's rule memo learned (`text/rule_memo.py`: `read_cached` / `write_cached`),
so that a new process starts with it.

The cache lives in `$SITREP_CACHE`, else `$XDG_CACHE_HOME/sitrep`, else `~/.cache/sitrep`
(`SITREP_CACHE=""` turns it off). An entry's name carries a hash of everything it was built from
(the files' bytes), so a changed data file or module is a new entry; an unreadable or
unwritable cache only costs the build.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

T = TypeVar("T")
KEEP = 4  # entries kept per name


def cache_dir() -> Path | None:
    configured = os.environ.get("SITREP_CACHE")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sitrep"


def content_key(files: Iterable[Path], *extra: str) -> str:
    """A key for what these files hold (and any extra strings, such as a library version)."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for value in extra:
        digest.update(value.encode())
    return digest.hexdigest()[:20]


def _load_without_gc(handle: BinaryIO) -> Any:
    """Unpickle with the cyclic garbage collector paused: unpickling creates hundreds of thousands
    of objects and none of them is garbage, yet each few hundred allocations set off a collection
    that walks them all (the knowledge base loads in about half the time without)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(handle)
    finally:
        if enabled:
            gc.enable()


def pickled(name: str, key: str, build: Callable[[], T]) -> T:
    """The value cached under `name`-`key`, else `build()` (then cached; older keys pruned)."""
    if cache_dir() is None:
        return build()
    found = read_cached(name, key)
    if found is not None:
        return found
    value = build()
    write_cached(name, key, value)
    return value


def read_cached(name: str, key: str) -> Any:
    """The value cached under `name`-`key`, or None (no cache, absent, truncated or stale)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with (folder / f"{name}-{key}.pickle").open("rb") as handle:
            return _load_without_gc(handle)
    except Exception:  # noqa: BLE001 - absent, truncated or stale: the caller builds it
        return None


def write_cached(name: str, key: str, value: Any) -> None:
    """Cache `value` under `name`-`key` (atomically; the oldest entries of `name` pruned); an
    unwritable cache only costs the next run the build."""
    folder = cache_dir()
    if folder is None:
        return
    path = folder / f"{name}-{key}.pickle"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False) as written:
            pickle.dump(value, written, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(written.name, path)  # atomic: a concurrent reader sees all of it or nothing
        # keep the few newest entries (checkouts of different versions may share the folder)
        entries = sorted(folder.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
