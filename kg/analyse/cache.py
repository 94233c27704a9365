"""The projection of a store, kept on disk beside it and reused while the store is unchanged.

Projecting reads every fact and all its evidence from the store; on a
1M-triple store that is most of the cost of an analysis. The result depends
only on the store's content, so it is pickled once per *store version* (the
build activity of ``cyr:graph/build``: its IRI hashes the input articles, its
end time tells two builds of the same inputs apart) and the next ``kg analyze``,
``kg path`` or ``kg viz`` on that store loads it instead. A store without a
build record (one made by ``kg load``) is named by the version directory its
link points to: every write makes a new one (:mod:`kg.versions`).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

_BUILD = "https://w3id.org/chanye/id/graph/build"
_ENDED = "http://www.w3.org/ns/prov#endedAtTime"


def store_version(store: Any) -> str | None:
    """A short hash naming the store's content, or None when the store has no build record."""
    import pyoxigraph as ox

    ends = sorted(
        f"{q.subject.value}\t{q.object.value}"
        for q in store.quads_for_pattern(None, ox.NamedNode(_ENDED), None, ox.NamedNode(_BUILD))
    )
    if not ends:
        return None
    return hashlib.sha256("\n".join(ends).encode("utf-8")).hexdigest()[:16]


def directory_version(store_dir: Path) -> str | None:
    """A short hash of the version directory the store's link points to (None for a plain directory,
    which may be rewritten in place)."""
    store_dir = Path(store_dir)
    if not store_dir.is_symlink():
        return None
    return hashlib.sha256(os.path.realpath(store_dir).encode("utf-8")).hexdigest()[:16]


def cache_path(store_dir: Path, version: str) -> Path:
    """Where the projection of version ``version`` of the store at ``store_dir`` is kept."""
    store_dir = Path(store_dir).absolute()
    return store_dir.parent / f".{store_dir.name}.projection-{version}.pickle"


def cached_projection(store_dir: Path, store: Any, project: Any) -> Any:
    """The projection of ``store`` (at ``store_dir``): loaded from disk, or made by ``project()`` and saved."""
    version = store_version(store) or directory_version(store_dir)
    if version is None:
        return project()
    path = cache_path(store_dir, version)
    from kg.pipeline import collector_paused

    try:
        with open(path, "rb") as fh, collector_paused():  # (see projection.to_networkx)
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    G = project()
    try:
        for stale in path.parent.glob(f".{Path(store_dir).absolute().name}.projection-*.pickle"):
            stale.unlink(missing_ok=True)
        tmp = path.with_suffix(f".tmp-{os.getpid()}")
        with open(tmp, "wb") as fh:
            pickle.dump(G, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # readers see the old file or the whole new one
    except OSError:
        pass  # a read-only folder: the projection is still returned, just not kept
    return G
