"""Crash-safe replacement of an on-disk store: complete versions, one symlink, one writer.

A store path such as ``out/store`` is a symbolic link to a complete version
directory beside it (``out/.store.v<stamp>``). A writer

1. takes the writer lock ``out/.store.lock`` (a second writer fails at once
   with one line naming the holder; readers never take it);
2. fills a fresh store in ``out/.store.tmp-<pid>``, flushes and closes it;
3. renames it to ``out/.store.v<stamp>`` (a version exists only once complete);
4. points a new symlink at it and renames that over ``out/store``: one atomic
   ``rename``, so a reader opens either the old version or the new one;
5. removes the old versions and any leftovers of killed writers.

A kill at any moment leaves ``out/store`` pointing at a complete version, or
(only while a pre-symlink store directory is first moved aside) no link and a
complete version that :func:`recover` puts back; the next writer or reader
recovers and cleans. ``KG_STORE_CRASH_AT=<step>`` makes the writer die
(``os._exit``) at a named step, for the fault-injection tests.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

#: The steps a writer passes, in order (``KG_STORE_CRASH_AT`` names one of them).
STEPS = ("locked", "filled", "versioned", "moved-aside", "linked", "cleaned")


class StoreBusy(Exception):
    """Another process is writing the store."""


def _crash_point(step: str) -> None:
    if os.environ.get("KG_STORE_CRASH_AT") == step:
        os._exit(9)  # what kill -9 does: no cleanup, no finally


def _siblings(target: Path, kind: str) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}.{kind}*"))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def writer_lock(target: Path) -> Iterator[None]:
    """Hold the store's writer lock, or raise :class:`StoreBusy` naming the process that holds it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    lock_path = target.parent / f".{target.name}.lock"
    fh = open(lock_path, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise StoreBusy(f"the store {target} is being written by {holder}; wait for it to finish") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"process {os.getpid()} ({' '.join(sys.argv[:2]) or 'python'})")
        fh.flush()
        yield
    finally:
        fh.close()  # closing releases the lock, also when the process is killed


@contextmanager
def _held() -> Iterator[None]:
    yield


def recover(target: Path) -> None:
    """Put back a store whose link a killed writer removed, and drop what killed writers left.

    Safe to call at any time; without the writer lock it only relinks a missing store.
    """
    versions = _siblings(target, "v")
    if not target.exists() and not target.is_symlink() and versions:
        link = target.parent / f".{target.name}.link-{os.getpid()}"
        link.unlink(missing_ok=True)
        link.symlink_to(versions[-1].name)
        try:
            os.replace(link, target)
        except OSError:
            link.unlink(missing_ok=True)


def clean(target: Path) -> None:
    """Remove old versions and dead writers' leftovers (call with the writer lock held)."""
    current = target.resolve() if target.is_symlink() else None
    for path in _siblings(target, "v"):
        if current is not None and path.resolve() != current:
            shutil.rmtree(path, ignore_errors=True)
    for kind in ("tmp-", "link-", "old-"):
        for path in _siblings(target, kind):
            pid = path.name.rsplit("-", 1)[-1]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                if path.is_symlink() or path.is_file():
                    path.unlink(missing_ok=True)
                else:
                    shutil.rmtree(path, ignore_errors=True)


def replace(target: Path, fill: Callable[[Path], int], is_store: Callable[[Path], bool], locked: bool = False) -> int:
    """Write a new version with ``fill(directory)`` and make ``target`` point at it, crash-safely.

    ``locked``: the caller already holds :func:`writer_lock` (``kg add`` reads the
    current store and writes the next one under one lock)."""
    target = Path(target).absolute()
    with (_held() if locked else writer_lock(target)):
        _crash_point("locked")
        recover(target)
        clean(target)
        if target.exists() and not target.is_symlink() and not is_store(target) and any(target.iterdir()):
            raise StoreBusy(f"{target} exists and is not a knowledge-graph store; refusing to replace it")
        tmp = target.parent / f".{target.name}.tmp-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        try:
            n = fill(tmp)
            _crash_point("filled")
            version = target.parent / f".{target.name}.v{time.time_ns():020d}"
            os.rename(tmp, version)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        _crash_point("versioned")
        if target.is_dir() and not target.is_symlink():  # a store from before versions: move it aside once
            if any(target.iterdir()):
                os.rename(target, target.parent / f".{target.name}.v{0:020d}")
            else:
                target.rmdir()
            _crash_point("moved-aside")
        link = target.parent / f".{target.name}.link-{os.getpid()}"
        link.unlink(missing_ok=True)
        link.symlink_to(version.name)
        os.replace(link, target)  # the one atomic step readers can see
        _crash_point("linked")
        clean(target)
        _crash_point("cleaned")
    return n
