"""The extractions behind a store, kept beside it: add and remove articles without re-extracting.

Extraction is most of a build's cost; resolution and graph writing are cheap
and global (a new article can give an old entity a fuller label or a new
alias). So every build and every ``kg add`` keeps each article's
:class:`~kg.model.Extraction` in ``.<store>.articles/<sha256>.pickle``, and
``kg add`` / ``kg remove`` re-extract only the new articles, then resolve and
write the whole graph from the kept extractions: the result is exactly the
graph a full build of the same articles gives.

Each file records the extractor that made it (package version and a hash of
the rules and lexicons in ``kg/data``); extractions of another extractor are
not mixed in: such a store must be rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from kg.model import Extraction

_PREFIX = "https://w3id.org/chanye/id/article/"


class ArchiveError(Exception):
    """The kept extractions cannot serve this store (missing, or made by another extractor)."""


@cache
def extractor_id() -> str:
    """The package version and a hash of every rule and lexicon file the extractor reads."""
    from kg import __version__

    digest = hashlib.sha256()
    root = resources.files("kg") / "data"

    def walk(node, prefix: str = "") -> None:  # type: ignore[no-untyped-def]
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.name in ("ontology", "queries", "eval", "seeds", "web") and not prefix:
                continue  # read by the graph writer, the queries and kg serve, not by the extractor
            if child.is_dir():
                walk(child, f"{prefix}{child.name}/")
            elif child.is_file():
                digest.update(f"{prefix}{child.name}\n".encode())
                digest.update(child.read_bytes())

    walk(root)
    return f"{__version__}+{digest.hexdigest()[:12]}"


def folder(store: Path) -> Path:
    store = Path(store).absolute()
    return store.parent / f".{store.name}.articles"


def pickled(ex: Extraction) -> bytes:
    """An extraction as :func:`keep` writes it (with the extractor that made it)."""
    return pickle.dumps((extractor_id(), ex), protocol=pickle.HIGHEST_PROTOCOL)


def unpickled(data: bytes) -> Extraction:
    """The extraction in :func:`pickled` bytes."""
    return pickle.loads(data)[1]


def keep(store: Path, extractions: Iterable[Extraction], pickles: Mapping[str, bytes] | None = None) -> None:
    """Save the extractions of a store's articles (each written whole, then renamed into place).

    ``pickles``: article digest -> the extraction already :func:`pickled` (by the worker
    process that made it), written as it is."""
    where = folder(store)
    where.mkdir(parents=True, exist_ok=True)
    pickles = pickles or {}
    for ex in extractions:
        path = where / f"{ex.article.digest}.pickle"
        if path.exists():
            continue
        _write(path, pickles.get(ex.article.digest) or pickled(ex))


def keep_pickled(store: Path, digest: str, data: bytes) -> None:
    """Save one extraction already :func:`pickled` (by a worker), as :func:`keep` would.

    ``kg build -jN`` saves each as it arrives, while the workers extract the rest, so that
    little is left to write after the last extraction; an extraction of an article the store
    does not end up holding is dropped by the next :func:`prune`."""
    where = folder(store)
    where.mkdir(parents=True, exist_ok=True)
    path = where / f"{digest}.pickle"
    if not path.exists():
        _write(path, data)


def _write(path: Path, data: bytes) -> None:
    """Write whole, then rename into place (a reader never sees part of a file)."""
    tmp = path.with_suffix(f".tmp-{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def prune(store: Path, digests: Iterable[str]) -> None:
    """Drop kept extractions of articles no longer in the store (and dead writers' temporary files)."""
    wanted = set(digests)
    where = folder(store)
    if not where.is_dir():
        return
    for path in where.iterdir():
        if path.suffix == ".pickle" and path.stem not in wanted:
            path.unlink(missing_ok=True)
        elif ".tmp-" in path.name:
            pid = path.name.rsplit("-", 1)[-1]
            if pid.isdigit() and int(pid) != os.getpid():
                path.unlink(missing_ok=True)


def articles_in(store_inner) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The store's articles: first 16 hex of the digest -> source file name."""
    import pyoxigraph as ox

    files = store_inner.quads_for_pattern(None, ox.NamedNode("https://w3id.org/chanye/ontology#sourceFile"), None, ox.DefaultGraph())
    return {q.subject.value[len(_PREFIX):]: q.object.value for q in files if q.subject.value.startswith(_PREFIX)}


def load(store: Path, short_digests: Sequence[str]) -> list[Extraction]:
    """The kept extractions of the articles named by their 16-hex digest prefixes."""
    where = folder(store)
    out = []
    ident = extractor_id()
    for short in sorted(short_digests):
        found = sorted(where.glob(f"{short}*.pickle")) if where.is_dir() else []
        if not found:
            raise ArchiveError(f"the extraction of article {short} is not kept beside {store}; rebuild it with kg build")
        with open(found[0], "rb") as fh:
            made_by, ex = pickle.load(fh)
        if made_by != ident:
            raise ArchiveError(f"{store} was built by another version of the extractor ({made_by}, now {ident}); rebuild it with kg build")
        out.append(ex)
    return out
