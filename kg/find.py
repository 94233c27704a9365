"""Which files given paths name as articles (:func:`article_files`): folders walked recursively in a
fixed order, hidden entries, views kg viz wrote and stores kept among the articles left out, each
file once; and which of files with the same bytes is kept (:func:`duplicates`). Reading them is
:mod:`kg.read`'s job."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from kg.read import SUFFIXES, ReadFailure, _missing


def find_files(path: str | Path) -> list[Path]:
    """The article files under a folder, recursively, in a fixed order (hidden entries skipped)."""
    return [p for p, _ in _found(Path(path))[0]]


def _suffix(name: str) -> str:
    """``PurePath(name).suffix``."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


#: what a page kg viz writes says of itself, in its head
VIEW_MARK = b'<meta name="generator" content="chanye-kg view">'


def _is_our_view(entry: os.DirEntry[str]) -> bool:
    """Whether an HTML file is a view kg viz wrote (kept among the articles, it is no article)."""
    if not entry.name.lower().endswith((".html", ".htm")):
        return False
    try:
        with open(entry.path, "rb") as fh:
            return VIEW_MARK in fh.read(1024)
    except OSError:
        return False  # (reading it says why)


def _is_store_link(entry: os.DirEntry[str]) -> bool:
    """Whether a link is a knowledge-graph store: its name points at a version beside it (``.NAME.v…``,
    :mod:`kg.versions`)."""
    try:
        return os.readlink(entry.path).startswith(f".{entry.name}.v")
    except OSError:
        return False


def _found(root: Path) -> tuple[list[tuple[Path, str | None]], list[ReadFailure]]:
    """:func:`find_files` of ``root``, each file with ``str()`` of its ``resolve()`` when it is no
    symbolic link (its folder's real path and its name; else None: resolved when asked); and a
    failure for each folder below that cannot be listed (so that none is passed over unsaid).

    The entries ``root.rglob("*")`` gives that have an article suffix, no hidden part below ``root``
    and are not folders: regular files, and also special files and symbolic links to nothing, so
    that reading them says what they are (a named pipe, a link to nothing) instead of their being
    passed over without a word; walked with ``os.scandir`` (whose entries know their type: no ``stat`` per file)
    and each folder resolved once (``Path.resolve`` of each file took an ``lstat`` per part of its
    path): ~0.06 s of reading the 1,344 files of the 4 MB bench corpus. As ``rglob``, a symbolic
    link to a folder is not entered (it may lead anywhere, out of the folder or back into it), but
    said: given by name, the folder it leads to is read."""
    found: list[tuple[str, Path, str | None]] = []
    failures: list[ReadFailure] = []
    if not root.is_dir():  # (rglob yields nothing under a file)
        return [], []

    def walk(folder: str, rel: str) -> None:
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as e:
            failures.append(ReadFailure(Path(folder), f"folder cannot be read ({e.strerror or e})"))
            return
        real: str | None = None
        for entry in entries:
            name = entry.name
            if name.startswith("."):  # hidden: neither it nor anything under it is read
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                walk(entry.path, f"{rel}{name}/")
            elif _is_linked_folder(entry):
                if not _is_store_link(entry):  # (a store kept among the articles is no article, nor a failure)
                    failures.append(ReadFailure(Path(entry.path), "a symbolic link to a folder, not followed "
                                                                    "(give the folder itself to read it)"))
            elif _suffix(name).lower() in SUFFIXES and not _is_our_view(entry):
                if entry.is_symlink():
                    key = None
                else:
                    real = real if real is not None else os.path.realpath(folder)
                    key = os.path.join(real, name)
                found.append((f"{rel}{name}", Path(entry.path), key))

    walk(str(root), "")
    found.sort(key=lambda f: f[0])
    return [(p, key) for _, p, key in found], failures


def _is_linked_folder(entry: os.DirEntry[str]) -> bool:
    """Whether ``entry`` (no folder itself) is a symbolic link to a folder, which is not entered;
    anything else with an article suffix is read, or says why it cannot be."""
    try:
        return entry.is_symlink() and entry.is_dir()
    except OSError:  # (its reading will say what is wrong with it)
        return False


def article_files(paths: str | Path | Iterable[str | Path]) -> list[Path | ReadFailure]:
    """What :func:`read_articles` reads, in its order, without reading: each file once, and a
    :class:`ReadFailure` where a path gives no file (missing, or a folder without articles).

    A build in several processes hands these paths to its workers, which read them.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    out: list[Path | ReadFailure] = []
    seen_files: set[str] = set()  # the files' real paths

    def add(p: Path, key: str | None = None) -> None:
        if key is None:
            try:
                key = str(p.resolve())
            except (OSError, RuntimeError):  # a symbolic link in a loop: its reading says so
                key = os.path.abspath(p)
        if key not in seen_files:
            seen_files.add(key)
            out.append(p)

    for raw in paths:
        p = Path(raw)
        if not p.exists():
            out.append(ReadFailure(p, _missing(p)))
        elif p.is_dir():
            files, unread = _found(p)
            out.extend(unread)
            if not files and not unread:
                out.append(ReadFailure(p, "folder has no .txt, .html or .htm files"))
            for f, key in files:
                add(f, key)
        else:
            add(p)
    return out


def duplicates(found: Sequence[tuple[Path, str]]) -> list[ReadFailure | None]:
    """For each file read (its path and digest): None if it is kept, else its failure as a duplicate.

    Of files with identical bytes the one kept is the first by name, then by path, not by the
    order given: the graph (its article's ``sourceFile``) must not depend on that order."""
    kept: dict[str, Path] = {}
    for path, digest in found:
        held = kept.get(digest)
        if held is None or (path.name, str(path)) < (held.name, str(held)):
            kept[digest] = path
    return [None if kept[digest] is path else ReadFailure(path, f"duplicate of {kept[digest]} (identical bytes)")
            for path, digest in found]
