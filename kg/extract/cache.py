"""A cache of prepared tables, so that a fresh process starts faster (the way jieba keeps its
prefix dictionary in the temp dir).

Building the segmenter's dictionary (jieba's words plus our lexicons) and the part-of-speech
table costs about 0.8 s of cpu per process; reading them back from one marshal file costs 0.4 s.
A file is named by its table and a key: a hash of everything it was built from (the package
version, our data files and the code that reads them, jieba's version and dictionary file),
so an edit to any of them makes a new key and the old file is never read again. Files are
written whole to a temporary name and renamed (atomic); a file that cannot be read or is not
what it should be is ignored, and the table is built as without a cache.

``KG_CACHE_DIR`` names the folder; unset, it is ``kg-cache-<uid>`` in the temp dir; ``off``
(or empty) turns the cache off. Nothing in it is needed: deleting it only costs start-up time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import kg

#: bumped when the layout of a cached table changes
FORMAT = 1
#: how many files of one table (different keys) the folder keeps
KEEP = 4


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    env = os.environ.get("KG_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "no", "false") else Path(env)
    uid = os.getuid() if hasattr(os, "getuid") else "user"
    return Path(tempfile.gettempdir()) / f"kg-cache-{uid}"


def key(parts: Iterable[bytes | str]) -> str:
    """A hash of the package version, the cache format and ``parts`` (file contents, versions)."""
    h = hashlib.sha256(f"kg {kg.__version__} format {FORMAT} marshal {marshal.version}".encode())
    for p in parts:
        b = p.encode() if isinstance(p, str) else p
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()[:32]


def _path(name: str, k: str) -> Path | None:
    d = cache_dir()
    return None if d is None else d / f"{name}-{k}.marshal"


def load(name: str, k: str) -> Any | None:
    """The table stored under ``name`` and key ``k``, or None (off, absent or unreadable)."""
    path = _path(name, k)
    if path is None:
        return None
    try:
        data = path.read_bytes()
        return marshal.loads(data)
    except Exception:  # absent, unreadable, truncated, not marshal data: build it again
        return None


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def store(name: str, k: str, value: Any) -> None:
    """Write ``value`` under ``name`` and key ``k`` (atomically; of the other keys of ``name``, the
    ``KEEP - 1`` newest stay, for checkouts of other versions). Failures are ignored: the cache
    only saves time."""
    path = _path(name, k)
    if path is None:
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(value))
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        others = sorted((f for f in path.parent.glob(f"{name}-*.marshal") if f != path), key=_mtime, reverse=True)
        for old in others[KEEP - 1 :]:
            old.unlink(missing_ok=True)
    except (OSError, ValueError):  # read-only or full disk, a value marshal cannot write
        pass
