"""The extractions behind a store, kept beside it: add and remove articles without re-extracting.

Extraction is most of a build's cost; resolution and graph writing are cheap
and global (a new article can give an old entity a fuller label or a new
alias). So every build and every ``kg add`` keeps each article's
:class:`~kg.model.Extraction` in ``.<store>.articles/``, and
``kg add`` / ``kg remove`` re-extract only the new articles, then resolve and
write the whole graph from the kept extractions: the result is exactly the
graph a full build of the same articles gives.

Each extraction is kept as ``pickle`` of (extractor, extraction), the extractor being the package
version and a hash of the rules and lexicons in ``kg/data``; extractions of another extractor are
not mixed in: such a store must be rebuilt. The extraction is pickled as the tuples of its objects'
fields (:func:`pickled`); one pickled whole, as builds before 30 Nov 2026 kept it, is read too. A build
writes them all in one file, a pack (``<16 hex>.pack``: the pickles one after the other, then
an index of where each is), not one file per article: creating 1,344 files took 0.6-0.8 s of
system cpu on the 4 MB bench corpus, one file of the same 24 MB 0.07 s. A pack is written
whole under a temporary name, then renamed into place (a reader never sees part of one);
:func:`prune` drops the packs, or the records of a pack, that the store no longer needs. Files
of one extraction each (``<sha256>.pickle``, what builds before packs kept) are still read.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import pickle
import struct
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import fields, replace
from functools import cache
from importlib import resources
from operator import attrgetter
from pathlib import Path
from typing import Any, Self

from kg.model import Entity, Extraction, Mention, Relation, Sentence

_PREFIX = "https://w3id.org/chanye/id/article/"
#: A pack ends with its index (pickled), the index's length (8 bytes, little-endian) and this.
_MAGIC = b"KGPACK1\n"
_TAIL = struct.Struct("<Q")
_PACK = ".pack"
_serial = itertools.count()


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


def _values(cls: type) -> attrgetter:
    """The values of the fields of a dataclass, in their order (what ``cls(*values)`` takes)."""
    return attrgetter(*(f.name for f in fields(cls)))


_SENTENCE, _MENTION, _RELATION = _values(Sentence), _values(Mention), _values(Relation)
#: an entity's fields but its mentions (the last, kept as the tuples of their fields)
_ENTITY = attrgetter(*(f.name for f in fields(Entity)[:-1]))
if [f.name for f in fields(Extraction)] != ["article", "sentences", "entities", "relations"] or \
        fields(Entity)[-1].name != "mentions":  # pragma: no cover - what pickled() and _extraction() write and read
    raise ImportError("kg.archive keeps extractions of another shape than kg.model's: update pickled()")


def pickled(ex: Extraction) -> bytes:
    """An extraction as it is kept (with the extractor that made it): its article, and its sentences,
    entities (their mentions) and relations as the tuples of their fields, made by C getters
    (``map(attrgetter)``) instead of a ``__reduce__`` call per object (178k on the 4 MB bench corpus):
    0.215 -> 0.16 s cpu for its 1,344 extractions, unpickled as fast; :func:`unpickled` gives an equal
    extraction."""
    parts = (ex.article, list(map(_SENTENCE, ex.sentences)),
             [(*_ENTITY(e), list(map(_MENTION, e.mentions))) for e in ex.entities], list(map(_RELATION, ex.relations)))
    return pickle.dumps((extractor_id(), parts), protocol=pickle.HIGHEST_PROTOCOL)


def _maker(cls: type) -> Callable[[Sequence[Any]], Any]:
    """``cls(*values)`` for a dataclass given every field's value, its ``__dict__`` filled at once: a
    frozen dataclass's ``__init__`` sets each field by ``object.__setattr__``. Making the sentences,
    mentions and facts of 550 extractions: 305M -> 260M instructions (the
    main process of ``kg build -jN`` makes them of each extraction a worker sends; ``kg add`` of each kept)."""
    names, new = tuple(f.name for f in fields(cls)), object.__new__
    if hasattr(cls, "__post_init__") or "__slots__" in vars(cls):  # pragma: no cover - what make() relies on
        raise ImportError(f"kg.archive cannot make {cls.__name__} from its fields' values: update _maker()")

    def make(values: Sequence[Any]) -> Any:
        obj = new(cls)
        obj.__dict__.update(zip(names, values))
        return obj

    return make


_MAKE_SENTENCE, _MAKE_MENTION, _MAKE_RELATION = _maker(Sentence), _maker(Mention), _maker(Relation)


def _extraction(kept: Extraction | tuple[Any, ...]) -> Extraction:
    """The extraction of what :func:`pickled` pickled (or an extraction pickled whole, as kept before)."""
    if isinstance(kept, Extraction):
        return kept
    article, sentences, entities, relations = kept
    mention = _MAKE_MENTION
    return Extraction(article, list(map(_MAKE_SENTENCE, sentences)),
                      [Entity(*e[:-1], list(map(mention, e[-1]))) for e in entities],  # type: ignore[misc]
                      list(map(_MAKE_RELATION, relations)))


def unpickled(data: bytes) -> Extraction:
    """The extraction in :func:`pickled` bytes."""
    return _extraction(pickle.loads(data)[1])


class Pack:
    """A pack being written: :meth:`add` the pickled extractions, then :meth:`close` (written whole
    under a temporary name, renamed into place) or :meth:`abort` (nothing left behind)."""

    def __init__(self, store: Path) -> None:
        self.where = folder(store)
        self.records: dict[str, tuple[int, int]] = {}  # digest -> (offset, length)
        self._fh: Any = None
        self._tmp = self.where / f"pack{next(_serial)}.tmp-{os.getpid()}"
        self._size = 0

    def __contains__(self, digest: str) -> bool:
        return digest in self.records

    def add(self, digest: str, data: bytes, replace: bool = False) -> None:
        """Append one :func:`pickled` extraction (an article already in this pack is kept once;
        ``replace``: this one is the article's record, the first left unread in the pack)."""
        if digest in self.records and not replace:
            return
        if self._fh is None:
            self.where.mkdir(parents=True, exist_ok=True)
            self._fh = open(self._tmp, "wb")  # noqa: SIM115 - closed by close() or abort()
        self._fh.write(data)
        self.records[digest] = (self._size, len(data))
        self._size += len(data)

    def close(self) -> Path | None:
        """Write the index and rename the pack into place (named by the articles it holds); None if empty."""
        if self._fh is None:
            return None
        index = pickle.dumps((extractor_id(), self.records), protocol=pickle.HIGHEST_PROTOCOL)
        self._fh.write(index + _TAIL.pack(len(index)) + _MAGIC)
        self._fh.close()
        self._fh = None
        path = self.where / f"{_pack_name(self.records)}{_PACK}"
        os.replace(self._tmp, path)
        return path

    def abort(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
            self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()


def _index(path: Path) -> tuple[str, dict[str, tuple[int, int]]] | None:
    """A pack's (extractor, digest -> (offset, length)); None if the file is no pack."""
    try:
        with open(path, "rb") as fh:
            fh.seek(-(_TAIL.size + len(_MAGIC)), os.SEEK_END)
            tail = fh.read()
            if tail[_TAIL.size:] != _MAGIC:
                return None
            (n,) = _TAIL.unpack(tail[: _TAIL.size])
            fh.seek(-(n + len(tail)), os.SEEK_END)
            made_by, records = pickle.loads(fh.read(n))
    except (OSError, ValueError, pickle.UnpicklingError, EOFError):
        return None
    return made_by, records


def _packs(where: Path) -> list[tuple[Path, str, dict[str, tuple[int, int]]]]:
    """Every pack of a folder: (path, extractor, records), those of this extractor first."""
    out = []
    if where.is_dir():
        for path in sorted(where.glob(f"*{_PACK}")):
            found = _index(path)
            if found is not None:
                out.append((path, *found))
    ident = extractor_id()
    return sorted(out, key=lambda p: p[1] != ident)


def keep(store: Path, extractions: Iterable[Extraction], pickles: Mapping[str, bytes] | None = None) -> None:
    """Save the extractions of a store's articles that no pack of this extractor holds, in one pack.

    ``pickles``: article digest -> the extraction already :func:`pickled` (by the worker
    process that made it), written as it is."""
    ident = extractor_id()
    kept = {d for _, made_by, records in _packs(folder(store)) if made_by == ident for d in records}
    pickles = pickles or {}
    with Pack(store) as pack:
        for ex in extractions:
            digest = ex.article.digest
            if digest not in kept and digest not in pack:
                pack.add(digest, pickles.get(digest) or pickled(ex))


def prune(store: Path, digests: Iterable[str]) -> None:
    """Drop kept extractions of articles no longer in the store, and copies of one article kept
    twice (and dead writers' temporary files): a pack holding some of them is written again
    without them. ``digests``: the articles to keep, by digest or its first 16 hex digits
    (as :func:`articles_in` gives them)."""
    wanted = {d[:16] for d in digests}
    where = folder(store)
    if not where.is_dir():
        return
    have: set[str] = set()
    for path, _made_by, records in _packs(where):  # this extractor's first: theirs are the ones read
        needed = {d for d in records if d[:16] in wanted and d not in have}
        have |= needed
        if needed and len(needed) < len(records):
            with open(path, "rb") as fh, Pack(store) as pack:
                for d in sorted(needed, key=lambda d: records[d][0]):
                    fh.seek(records[d][0])
                    pack.add(d, fh.read(records[d][1]))
            if _pack_name(needed) != path.stem:
                path.unlink(missing_ok=True)
        elif not needed:
            path.unlink(missing_ok=True)
    for path in where.iterdir():
        if path.suffix == ".pickle" and (path.stem[:16] not in wanted or path.stem in have):
            path.unlink(missing_ok=True)
        elif ".tmp-" in path.name:
            pid = path.name.rsplit("-", 1)[-1]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    """Whether a process ``pid`` runs (a pack of a ``kg build -jN`` is written all through its
    extraction, outside the writer lock: another writer's prune must leave it be)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, ValueError, OverflowError):
        return True
    return True


def _pack_name(digests: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(digests)).encode()).hexdigest()[:16]


def articles_in(store_inner) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The store's articles: first 16 hex of the digest -> source file name."""
    import pyoxigraph as ox

    files = store_inner.quads_for_pattern(None, ox.NamedNode("https://w3id.org/chanye/ontology#sourceFile"), None, ox.DefaultGraph())
    return {q.subject.value[len(_PREFIX):]: q.object.value for q in files if q.subject.value.startswith(_PREFIX)}


def load(store: Path, short_digests: Sequence[str] | Mapping[str, str]) -> list[Extraction]:
    """The kept extractions of the articles named by their 16-hex digest prefixes.

    Given a mapping of those prefixes to file names (the store's articles, :func:`articles_in`),
    each comes under the name the store holds it by: an article's extraction is kept once per
    content, with the name it was first extracted under, and a later build of the same bytes
    under another name keeps it (a ``kg add`` after it brought the old name back)."""
    names = short_digests if isinstance(short_digests, Mapping) else {}
    where = folder(store)
    ident = extractor_id()
    located: dict[str, tuple[Path, int, int]] = {}  # digest prefix -> (pack, offset, length)
    for path, _, records in _packs(where):  # (this extractor's packs first)
        for d, (offset, length) in records.items():
            for short in {d[:16], d}:
                located.setdefault(short, (path, offset, length))
    out = []
    files: dict[Path, Any] = {}
    try:
        for short in sorted(short_digests):
            found = located.get(short) or next((v for k, v in located.items() if k.startswith(short)), None)
            if found is not None:
                path, offset, length = found
                fh = files.get(path) or files.setdefault(path, open(path, "rb"))  # noqa: SIM115 - closed below
                fh.seek(offset)
                made_by, ex = pickle.loads(fh.read(length))
            else:
                kept = sorted(where.glob(f"{short}*.pickle")) if where.is_dir() else []
                if not kept:
                    what = f"{names[short]} (article {short})" if names.get(short) else f"article {short}"
                    raise ArchiveError(f"the extraction of {what} is not kept beside {store} (a store made by kg load, or one "
                                       "whose files beside it were removed, keeps none); rebuild it with kg build")
                with open(kept[0], "rb") as fh:
                    made_by, ex = pickle.load(fh)
            if made_by != ident:
                raise ArchiveError(f"{store} was built by another version of the extractor ({made_by}, now {ident}); "
                                   "rebuild it with kg build")
            ex = _extraction(ex)
            name = names.get(short)
            if name is not None and name != ex.article.source_file:
                ex = replace(ex, article=replace(ex.article, source_file=name))
            out.append(ex)
    finally:
        for fh in files.values():
            fh.close()
    return out
