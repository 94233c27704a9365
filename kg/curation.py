"""The user's corrections to entities: a ``curation.toml`` applied at every build, add and remove.

Extraction and resolution will split some firms and join nothing they are not
sure of; an analyst who knows that 甲乙能源 and 甲乙(苏州)能源科技有限公司 are one
firm says so once, in a file beside the store (``out/curation.toml`` for
``out/store``, or ``--curation FILE``), and every later ``kg build``,
``kg add`` and ``kg remove`` applies it. ``kg merge``, ``kg alias``,
``kg rename``, ``kg retype`` and ``kg drop`` append a rule to the file and
rewrite the store through the crash-safe writer. The file, hand-editable::

    # rules apply in order, to the entities as resolution found them
    [[rule]]
    merge = ["甲乙(苏州)能源科技有限公司", "甲乙能源"]   # the first is kept; the others are merged into it
    [[rule]]
    alias = "甲乙(苏州)能源科技有限公司"
    names = ["甲乙"]
    [[rule]]
    rename = "丙丁光伏"
    to = "丙丁光伏科技有限公司"                          # the old label stays an alias
    [[rule]]
    retype = "戊己研究院"
    to = "ResearchInstitute"
    [[rule]]
    drop = "某某"                                       # the entity and every fact about it
    # any rule may say type = "Company" (a class or Organization) to choose among entities of one name

A name names the entities whose label it is (script, width and quotes
folded), or failing that those that have it as an alias. A rule naming no
entity, or several where it needs one, is not applied, and the build says so
in one line per rule (``kg merge`` and friends refuse it, listing the
candidates). Merged entities keep every fact and every fact's evidence: the
facts of the merged articles are written on the kept entity.

This module holds kg merge, alias, rename, retype and drop (:func:`update`
and one function each); what a rule is and how it applies is in
:mod:`kg.curation_rules`, reading and writing the file in
:mod:`kg.curation_file`. Their public names are re-exported here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kg.curation_file import (  # noqa: F401 - FILE_NAME re-exported
    FILE_NAME,
    _write,
    append,
    default_path,
    for_store,
    load,
    one_line,
    parse,
)
from kg.curation_rules import _TYPES, OPS, Curation, CurationError, Rule
from kg.model import ENTITY_TYPES

__all__ = [
    "OPS",
    "Curation",
    "CurationError",
    "Rule",
    "alias",
    "append",
    "default_path",
    "drop",
    "for_store",
    "load",
    "merge",
    "one_line",
    "parse",
    "rename",
    "retype",
    "update",
]


# ---------------------------------------------------------------- kg merge / alias / rename / retype / drop


def update(store: str | os.PathLike[str], rule: Rule, path: str | os.PathLike[str] | None = None) -> Any:
    """Add ``rule`` to the store's curation and rewrite the store with it (one writer, crash-safe).

    The rule is tried on the store's kept extractions first: one that names no
    entity, or several, raises :class:`CurationError` (with the candidates) and
    nothing is written. Then the file is written, then the store (a crash in
    between leaves a file the next build applies). Returns the new
    :class:`kg.api.KnowledgeGraph`.
    """
    from kg import archive, versions
    from kg import store as _store
    from kg.api import BuildReport, KnowledgeGraph
    from kg.graph import load_taxonomy
    from kg.incremental import current_articles
    from kg.resolve import resolve

    if str(store).startswith(("http://", "https://")):
        raise _store.StoreError("curation commands need a local store (they rewrite it from the extractions kept "
                                "beside it); for a remote store give --curation FILE to kg build PATHS --store URL")
    target = Path(store).absolute()
    file = Path(path) if path is not None else default_path(store)
    try:
        with versions.writer_lock(target):
            current = current_articles(target)
            if not current:
                raise _store.StoreError(f"no store at {store}; build one first with kg build")
            kept = archive.load(target, current)
            cur = load(file) if file.exists() else Curation(path=file)
            trial = Curation([*cur.rules, rule], file, strict=frozenset({len(cur.rules) + 1}))
            resolve(sorted(kept, key=lambda x: x.article.digest), load_taxonomy(), trial)
            if len(trial.rules) in trial.errors:
                exc = trial.errors[len(trial.rules)]
                raise CurationError(f"cannot {rule.describe()}: {str(exc).splitlines()[0]}", exc.candidates)
            old = append(file, rule)
            try:
                report = BuildReport(articles=sorted(x.article.source_file for x in kept))
                return KnowledgeGraph.from_extractions(kept, store, report, locked=True, curation=trial)
            except BaseException:
                _write(file, old) if old else file.unlink(missing_ok=True)
                raise
    except versions.StoreBusy as exc:
        raise _store.StoreError(str(exc)) from None


def merge(store: str | os.PathLike[str], keep: str, *others: str, type: str | None = None,
          curation: str | os.PathLike[str] | None = None) -> Any:
    """Merge the entities named ``others`` into ``keep`` (its label and class stay), for good."""
    if not others:
        raise CurationError("merge needs the entity kept and at least one other")
    return update(store, Rule("merge", (keep, *others), type=type), curation)


def alias(store: str | os.PathLike[str], entity: str, *names: str, type: str | None = None,
          curation: str | os.PathLike[str] | None = None) -> Any:
    """Give ``entity`` more names (lookups and query parameters then find it by them)."""
    if not names:
        raise CurationError("alias needs the entity and at least one name")
    return update(store, Rule("alias", (entity, *names), type=type), curation)


def rename(store: str | os.PathLike[str], entity: str, label: str, type: str | None = None,
           curation: str | os.PathLike[str] | None = None) -> Any:
    """Give ``entity`` a new label (the old one stays an alias; the IRI follows the label)."""
    return update(store, Rule("rename", (entity,), to=label, type=type), curation)


def retype(store: str | os.PathLike[str], entity: str, cls: str, type: str | None = None,
           curation: str | os.PathLike[str] | None = None) -> Any:
    """Give ``entity`` another class (facts the ontology does not allow for it are dropped)."""
    if cls not in ENTITY_TYPES:
        raise CurationError(f"unknown class {cls!r}; use one of {', '.join(ENTITY_TYPES)}")
    return update(store, Rule("retype", (entity,), to=cls, type=type), curation)


def drop(store: str | os.PathLike[str], entity: str, type: str | None = None,
         curation: str | os.PathLike[str] | None = None) -> Any:
    """Take ``entity`` and every fact about it out of the graph."""
    return update(store, Rule("drop", (entity,), type=type), curation)


def check_type(type_: str | None) -> None:
    """Refuse an unknown ``type`` filter before anything is read."""
    if type_ is not None and type_ not in _TYPES:
        raise CurationError(f"unknown type {type_!r}; use one of {', '.join(sorted(_TYPES))}")

