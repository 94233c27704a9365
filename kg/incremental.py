"""Add and remove articles of a store without re-extracting the others.

Both re-extract only what is new, then resolve and write the whole graph from
the extractions kept beside the store (:mod:`kg.archive`), under one writer
lock: the result is the graph a full build of the same articles gives.

A remote store (``http(s)://…``) works the same way: its articles are read
from the server, their kept extractions from this machine
(:func:`kg.remote.shadow`), and the new graph is written with the Graph Store
Protocol, only the article graphs that change (:meth:`kg.remote.RemoteStore.sync`).
"""

from __future__ import annotations

import os
from typing import Any
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from kg import store as _store
from kg.api import BuildReport, Jobs, KnowledgeGraph, _pipeline
from kg.model import Extraction
from kg.pipeline import collector_paused
from kg.remote import is_remote


def add(paths: Iterable[str | os.PathLike[str]], store: str | os.PathLike[str] = _store.DEFAULT_STORE, jobs: Jobs = 1,
        curation: str | os.PathLike[str] | None = None, progress: Any = None) -> KnowledgeGraph:
    """Add articles to a store, or replace those of the same file name, extracting only them.

    The graph is then resolved and written from every kept extraction, so it is
    the graph a full build of the same articles gives. ``store`` may be a SPARQL
    server's address (see :mod:`kg.remote`). Raises :class:`BuildError`
    when none of ``paths`` can be read, :class:`kg.archive.ArchiveError` when the
    store's extractions are not kept (rebuild it), :class:`kg.store.StoreError`
    when another process is writing it. The store's curation (``curation``, or
    ``curation.toml`` beside it) is applied again.
    """
    from kg import archive, versions
    from kg.curation_file import for_store

    started = datetime.now(timezone.utc)
    cur = for_store(store, curation) or False
    target = _local_path(store)
    # the collector paused, as for kg build: the kept extractions are ~10^5 objects per thousand
    # articles, and every few thousand made it would walk them all again (2.2 s of a 12 s add of one
    # article to a store of 5,391)
    with collector_paused():
        new, report = _pipeline(paths, jobs, progress=progress)
        try:
            with versions.writer_lock(target):
                current = current_articles(store)
                new = _not_held(new, {d: f for d, f in current.items() if f not in {x.article.source_file for x in new}}, report)
                names, digests = {x.article.source_file for x in new}, {x.article.digest[:16] for x in new}
                keep = {d: f for d, f in current.items() if f not in names and d not in digests}
                for name in sorted(names):
                    held = [d for d, f in current.items() if f == name]
                    if len(held) > 1:  # (one of the name is the file changed; several are several stories)
                        report.warnings.append(f"{name}: the store held {len(held)} articles of this name ({', '.join(sorted(held))}); "
                                               "kg add replaces articles by file name, so all of them are replaced by the one added")
                before = _kept_remote(store, target, current) if is_remote(store) else None
                kept = [x for x in before if x.article.digest[:16] in keep] if before is not None else archive.load(target, keep)
                report.articles = sorted({x.article.source_file for x in kept} | set(report.articles))
                return KnowledgeGraph.from_extractions(kept + new, store, report, started, locked=True, before=before, curation=cur)
        except versions.StoreBusy as exc:
            raise _store.StoreError(str(exc)) from None


def remove(articles: Iterable[str], store: str | os.PathLike[str] = _store.DEFAULT_STORE,
           curation: str | os.PathLike[str] | None = None) -> KnowledgeGraph:
    """Take articles (by file name or article IRI) out of a store, without re-extracting the rest.

    Raises ``ValueError`` for an article the store does not hold (the line lists
    what it holds) or when nothing would be left. The store's curation is
    applied again (rules about entities only the removed articles named are
    then reported in ``report.warnings``, and kept in the file).
    """
    from kg import archive, versions
    from kg.curation_file import for_store

    cur = for_store(store, curation) or False
    started = datetime.now(timezone.utc)
    target = _local_path(store)
    try:
        with versions.writer_lock(target), collector_paused():  # (see add)
            current = current_articles(store)
            gone = set()
            for name in articles:
                short = name.rsplit("/", 1)[-1][:16] if name.startswith("https://") else None
                hits = {d for d, f in current.items() if d == short or f == name or f == Path(name).name}
                if not hits:
                    shown = ", ".join(sorted(current.values())[:5]) + (", …" if len(current) > 5 else "")
                    raise ValueError(f"the store holds no article {name!r} (it holds {len(current)}: {shown})")
                gone |= hits
            left = [d for d in current if d not in gone]
            if not left:
                raise ValueError("that would leave the store empty; delete the store folder instead")
            before = _kept_remote(store, target, current) if is_remote(store) else None
            kept = [x for x in before if x.article.digest[:16] in left] if before is not None else \
                archive.load(target, {d: current[d] for d in left})
            report = BuildReport(articles=sorted(x.article.source_file for x in kept))
            return KnowledgeGraph.from_extractions(kept, store, report, started, locked=True, before=before, curation=cur)
    except versions.StoreBusy as exc:
        raise _store.StoreError(str(exc)) from None


def _not_held(new: list[Extraction], held: dict[str, str], report: BuildReport) -> list[Extraction]:
    """The new extractions but those of a file of the same bytes as an article the store holds (and
    keeps) whose name comes first: a build of both keeps the first by name (:func:`kg.find.duplicates`),
    so the new one is its duplicate (a failure, as in a build). Of the new file whose name comes
    first the held one is then the duplicate: taken out, and said (``held``: 16-hex digest ->
    file name of the store's articles that no new file replaces by name)."""
    out = []
    for x in new:
        name = held.get(x.article.digest[:16])
        if name is not None and name < x.article.source_file:
            report.failures.append((str(x.article.path), f"duplicate of {name} (identical bytes), which the store holds"))
            report.articles.remove(x.article.source_file)
            continue
        if name is not None:
            report.warnings.append(f"{name}: taken out of the store, a duplicate of {x.article.source_file} (identical bytes)")
        out.append(x)
    return out


def _kept_remote(store: str | os.PathLike[str], target: Path, current: dict[str, str]) -> list:  # type: ignore[type-arg]
    """The kept extractions of every article a server holds (this machine keeps them, see kg.remote.shadow)."""
    from kg import archive
    from kg.remote import split_credentials

    try:
        return archive.load(target, current)
    except archive.ArchiveError as exc:
        if "is not kept" not in str(exc):
            raise
        raise archive.ArchiveError(f"{split_credentials(str(store))[0]}: the extractions of its articles are not kept on this "
                                   f"machine ({archive.folder(target)}): rebuild it with kg build PATHS --store URL") from None


def _local_path(store: str | os.PathLike[str]) -> Path:
    """The store's folder, or for a remote store where this machine keeps its extractions and lock."""
    from kg.remote import shadow

    return shadow(str(store)) if is_remote(store) else Path(store).absolute()


def would_drop(store: str | os.PathLike[str], names: Iterable[str]) -> str | None:
    """Why a build of the files ``names`` (file names) must not replace the local ``store``: the
    articles it holds that are not among them (the message says so); None when it holds no other."""
    if is_remote(store):
        return None
    held = set(current_articles(Path(store).absolute()).values())
    dropped = sorted(held - set(names))
    if not dropped:
        return None
    n = len(dropped)
    listed = ", ".join(dropped[:5]) + (", …" if n > 5 else "")
    return (f"{store} holds {n} article{'' if n == 1 else 's'} not in this build ({listed}): "
            f"use kg add to add articles, or --replace to replace the store")


def current_articles(store: str | os.PathLike[str]) -> dict[str, str]:
    """The articles of a store, local or remote (16-hex digest -> file name); {} when there is none."""
    from kg import archive

    if is_remote(store):
        from kg.remote import RemoteStore

        return archive.articles_in(RemoteStore(str(store)))
    target = Path(store).absolute()
    if not _store.is_store(target):
        return {}
    inner = _store.open_store(target)
    try:
        return archive.articles_in(inner)
    finally:
        del inner


def held_names(store: Path) -> set[str]:
    """The file names of the articles a local store holds (none when there is no store yet)."""
    try:
        return set(current_articles(store).values())
    except Exception:  # noqa: BLE001 - a store that cannot be read: the write says why
        return set()


def check_replace(keep: Path, extractions: list[Extraction], report: BuildReport, held_before: set[str], replace: bool) -> None:
    """Refuse (:class:`kg.store.StoreError`) a build of ``extractions`` that would replace the store ``keep``
    unseen: without ``replace``, one that holds articles these files are not (:func:`would_drop`); with it,
    one a ``kg add`` gave articles while the build ran (beyond ``held_before``, what it held at the start).
    The caller holds the writer lock."""
    if not replace:
        from kg.read import shown

        given = {x.article.source_file for x in extractions} | {shown(Path(p).name) for p, _ in report.failures}
        refused = would_drop(keep, given)
        if refused:
            raise _store.StoreError(refused)
    elif added := sorted(held_names(keep) - held_before - {x.article.source_file for x in extractions}):
        # (--replace replaces what the store held when the build started, not what a kg add put in meanwhile)
        raise _store.StoreError(f"{keep} gained {len(added)} article{'' if len(added) == 1 else 's'} while this "
                                f"build ran ({', '.join(added[:5])}{', …' if len(added) > 5 else ''}: kg add); "
                                "nothing was replaced: run the build again")
