"""A cache of prepared tables, so that a fresh process starts faster (the way jieba keeps its
prefix dictionary in the temp dir).

Building the segmenter's dictionary (jieba's words plus our lexicons) and the part-of-speech
table costs about 0.8 s of cpu per process; reading them back from one marshal file costs 0.4 s.
A file is named by its table and a key: a hash of everything it was built from (the package
version, our data files and the code that reads them, jieba's version and dictionary file),
so an edit to any of them makes a new key and the old file is never read again. Files are
written whole to a temporary name and renamed (atomic); a file that cannot be read or is not
what it should be is ignored, and the table is built as without a cache.

The rules' regular expressions are kept too (:func:`compiled_patterns`): compiling them costs
about half a second per process, most of it in the ``re`` module's Python code for the large
ideograph classes; their compiled form is handed back to ``re``'s own cache, keyed by the
pattern's text and flags, so a pattern that was edited is simply compiled again.

``KG_CACHE_DIR`` names the folder; unset, it is ``kg-cache-<uid>`` in the temp dir; ``off``
(or empty) turns the cache off. Nothing in it is needed: deleting it only costs start-up time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
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
    d = Path(tempfile.gettempdir()) / f"kg-cache-{uid}"
    return d if _ours(d) else None


def _ours(d: Path) -> bool:
    """Whether the default folder in the shared temp dir is safe to read: absent (we make it,
    mode 0700), or a real folder of this user that no one else may write to."""
    try:
        st = os.lstat(d)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    import stat

    if not stat.S_ISDIR(st.st_mode):
        return False
    return not hasattr(os, "getuid") or (st.st_uid == os.getuid() and not st.st_mode & 0o022)


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


def _regex_entry(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``re``'s compiler hands ``_sre.compile`` for ``pattern`` (its ``compile``, in parts;
    the info block with the pattern's first characters, :mod:`kg.charsets`)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    from kg import charsets

    p = _parser.parse(pattern, flags)
    make = charsets.code if charsets.usable() else _compiler._code
    code = [int(c) for c in make(p, flags)]  # (its opcodes are named int constants)
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (pattern, flags, flags | p.state.flags, code, p.state.groups - 1, groupindex, tuple(indexgroup))


@contextmanager
def compiled_patterns(name: str = "regexes") -> Iterator[None]:
    """Within the block, ``re.compile`` finds the patterns kept in the cache already compiled;
    after it, the patterns it compiled are kept (with those kept before that are still in use).
    Either way (and with the cache off) they skip in C the positions where they cannot start
    (:func:`kg.charsets.first_characters`)."""
    from kg.charsets import first_characters

    with first_characters(), _kept_patterns(name):
        yield


@contextmanager
def _kept_patterns(name: str) -> Iterator[None]:
    """:func:`compiled_patterns`' cache.

    The compiled form is ``re``'s own (the arguments its compiler gives ``_sre.compile``), made
    by this Python for this Python (the key is the interpreter's version and the regex engine's
    magic number) and put into ``re``'s cache under the key ``re.compile`` looks up: the same
    pattern objects, without the compiling. Anything unexpected (no such private parts of
    ``re``, an entry the engine refuses) and patterns are compiled as usual.
    """
    re_cache = getattr(re, "_cache", None)
    try:
        import _sre

        k = key(["regexes", "charsets 1", sys.version, str(_sre.MAGIC), str(_sre.CODESIZE)]) if cache_dir() is not None else None
    except Exception:  # pragma: no cover  (not CPython's engine)
        k = None
    if k is None or not isinstance(re_cache, dict):
        yield
        return
    loaded: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    entries = load(name, k)
    for e in entries if isinstance(entries, list) else ():
        try:
            pattern, flags, final, code, groups, groupindex, indexgroup = e
            compiled = _sre.compile(pattern, final, code, groups, groupindex, indexgroup)
        except Exception:  # not an entry this engine takes: compiled as usual when asked for
            continue
        ck = (str, pattern, flags)
        if ck not in re_cache:
            re_cache[ck] = compiled
            loaded[ck] = e
    before = set(re_cache)
    yield
    new = [ck for ck in list(re_cache) if ck not in before and ck[0] is str and isinstance(ck[2], int)]
    if not new:
        return
    # the entries loaded that something still holds (besides re's cache and getrefcount's argument)
    keep = [e for ck, e in loaded.items() if ck in re_cache and sys.getrefcount(re_cache[ck]) > 2]
    try:
        keep += [_regex_entry(ck[1], ck[2]) for ck in new]
    except Exception:  # pragma: no cover  (private parts of re changed): keep nothing
        return
    store(name, k, keep)
