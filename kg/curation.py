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
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.model import ENTITY_TYPES
from kg.names import Candidate, normalise

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
    "parse",
    "rename",
    "retype",
    "update",
]

#: The operations, in the words the file uses.
OPS = ("merge", "alias", "rename", "retype", "drop")
FILE_NAME = "curation.toml"
_TYPES = frozenset(ENTITY_TYPES) | {"Organization"}


class CurationError(ValueError):
    """A curation file or rule that cannot be read or applied; the message says which and why.

    ``candidates`` lists the entities of an ambiguous name (type and article count).
    """

    def __init__(self, message: str, candidates: Sequence[Candidate] = ()) -> None:
        self.candidates = list(candidates)
        lines = [message] + [f"  {c.describe()}" for c in self.candidates]
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class Rule:
    """One correction: ``op`` on the entity ``names[0]`` (merge: ``names[1:]`` into it)."""

    op: str
    names: tuple[str, ...]  # merge: kept, then merged; alias: entity, then new names; else: the entity
    to: str | None = None  # rename: the new label; retype: the class
    type: str | None = None  # choose among entities of one name by class (or Organization)

    def describe(self) -> str:
        if self.op == "merge":
            return f"merge {'、'.join(self.names[1:])} into {self.names[0]}"
        if self.op == "alias":
            return f"alias {'、'.join(self.names[1:])} for {self.names[0]}"
        if self.op in ("rename", "retype"):
            return f"{self.op} {self.names[0]} to {self.to}"
        return f"drop {self.names[0]}"

    def toml(self) -> str:
        """The rule as a ``[[rule]]`` table of the file."""
        lines = ["[[rule]]"]
        if self.op == "merge":
            lines.append(f"merge = [{', '.join(_q(n) for n in self.names)}]")
        else:
            lines.append(f"{self.op} = {_q(self.names[0])}")
        if self.op == "alias":
            lines.append(f"names = [{', '.join(_q(n) for n in self.names[1:])}]")
        if self.to is not None:
            lines.append(f"to = {_q(self.to)}")
        if self.type is not None:
            lines.append(f"type = {_q(self.type)}")
        return "\n".join(lines) + "\n"


def _q(text: str) -> str:
    """A TOML basic string (every control character escaped)."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


@dataclass
class Curation:
    """The rules of a curation file, in order."""

    rules: list[Rule] = field(default_factory=list)
    path: Path | None = None
    #: numbers of the rules that must name every entity they list (a new rule from kg merge & co.);
    #: at a build, a merge whose other names are gone merges nothing and says nothing
    strict: frozenset[int] = frozenset()
    #: after :meth:`apply`: rule number -> why it was not applied
    errors: dict[int, CurationError] = field(default_factory=dict, repr=False)
    #: after :meth:`apply`: one line per rule not applied
    notes: list[str] = field(default_factory=list, repr=False)

    def apply(self, clusters: list[Any], recompute: Callable[[Any], Any]) -> tuple[list[Any], list[tuple[int, str]]]:
        """Apply the rules to resolution's clusters (see :func:`kg.resolve.resolve`).

        Each cluster has ``entity`` (a :class:`kg.resolve.ResolvedEntity`),
        ``members``, and the curated ``label``, ``type`` and ``aliases``;
        ``recompute(cluster)`` gives its entity after a change. Returns the
        clusters left and, per rule not applied, ``(rule number, reason)``.
        """
        notes: list[tuple[int, str]] = []
        live = list(clusters)
        self.errors = {}
        for number, rule in enumerate(self.rules, 1):
            try:
                live = _apply(rule, live, recompute, number in self.strict)
            except CurationError as exc:
                self.errors[number] = exc
                first = str(exc).splitlines()[0]
                notes.append((number, f"curation rule {number} ({rule.describe()}) not applied: {first}"))
        self.notes = [line for _, line in notes]
        return _join_same_iri(live, recompute), notes


def _matches(clusters: list[Any], name: str, type_: str | None, top: str | None = None) -> list[Any]:
    """The clusters ``name`` names: by label, else by alias (of ``type_``/``top`` when given)."""
    key = normalise(name)

    def fits(c: Any) -> bool:
        e = c.entity
        return (type_ is None or type_ in (e.type, e.top_type)) and (top is None or e.top_type == top)

    by_label = [c for c in clusters if normalise(c.entity.label) == key and fits(c)]
    if by_label:
        return by_label
    return [c for c in clusters if fits(c) and any(normalise(a) == key for a in c.entity.alt_labels)]


def _candidates(found: list[Any], name: str) -> list[Candidate]:
    from kg.graph import entity_iri

    key = normalise(name)
    return [Candidate(entity_iri(c.entity.top_type, c.entity.label), c.entity.label, c.entity.type, c.articles,
                      name, normalise(c.entity.label) != key) for c in found]


def _one(clusters: list[Any], name: str, type_: str | None) -> Any:
    found = _matches(clusters, name, type_)
    if not found:
        raise CurationError(f"no entity is named {name!r}" + (f" (of type {type_})" if type_ else ""))
    if len(found) > 1:
        raise CurationError(f"{name!r} names {len(found)} entities; give the full label or a type (--type, type = \"…\")",
                            _candidates(found, name))
    return found[0]


def _apply(rule: Rule, clusters: list[Any], recompute: Callable[[Any], Any], strict: bool = True) -> list[Any]:
    """The clusters after one rule (raises :class:`CurationError` when it names no or several entities;
    not ``strict``: a merge's other names that name nothing are passed over)."""
    target = _one(clusters, rule.names[0], rule.type)
    if rule.op == "merge":
        others: list[Any] = []
        for name in rule.names[1:]:
            found = _matches(clusters, name, None, target.entity.top_type)
            if not found:
                elsewhere = _matches(clusters, name, None)
                if elsewhere:
                    raise CurationError(f"{name!r} is a {elsewhere[0].entity.top_type}, not a {target.entity.top_type}: "
                                        "entities are never merged across types (retype it first)")
                if strict:
                    raise CurationError(f"no entity is named {name!r}")
            others += [c for c in found if c is not target and all(c is not o for o in others)]
        label, type_ = target.entity.label, target.entity.type
        for c in others:
            target.members = sorted(target.members + c.members)
            target.aliases = target.aliases | c.aliases
        target.label, target.type = label, type_
        clusters = [c for c in clusters if all(c is not o for o in others)]
    elif rule.op == "alias":
        target.aliases = target.aliases | {n for n in rule.names[1:] if n}
    elif rule.op == "rename":
        assert rule.to is not None
        target.aliases = target.aliases | {target.entity.label}
        target.label = rule.to
    elif rule.op == "retype":
        target.type = rule.to
    elif rule.op == "drop":
        return [c for c in clusters if c is not target]
    target.entity = recompute(target)
    return clusters


def _join_same_iri(clusters: list[Any], recompute: Callable[[Any], Any]) -> list[Any]:
    """Clusters a rename or retype gave the same top type and label are one entity (one IRI)."""
    by_key: dict[tuple[str, str], Any] = {}
    out = []
    for c in clusters:
        key = (c.entity.top_type, c.entity.label)
        if key in by_key:
            kept = by_key[key]
            kept.members = sorted(kept.members + c.members)
            kept.aliases = kept.aliases | c.aliases
            kept.label = kept.label or kept.entity.label
            kept.type = kept.type or kept.entity.type
            kept.entity = recompute(kept)
        else:
            by_key[key] = c
            out.append(c)
    return out


# ---------------------------------------------------------------- the file


def default_path(store: str | os.PathLike[str]) -> Path:
    """``curation.toml`` in the folder that holds the store (``out/curation.toml`` for ``out/store``)."""
    return Path(store).absolute().parent / FILE_NAME


def parse(text: str, where: str = FILE_NAME) -> Curation:
    """The rules of a curation file's text; :class:`CurationError` names the rule that is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CurationError(f"{where}: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - {"rule"})
    if unknown:
        raise CurationError(f"{where}: unknown table {', '.join(unknown)} (rules are [[rule]] tables)")
    raw = data.get("rule", [])
    if not isinstance(raw, list):
        raise CurationError(f"{where}: rules are [[rule]] tables")
    return Curation([_rule(r, f"{where}: rule {i}") for i, r in enumerate(raw, 1)])


def _text(value: Any, what: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CurationError(f"{where}: {what} must be a non-empty string")
    return value.strip()


def _rule(raw: Any, where: str) -> Rule:
    if not isinstance(raw, dict):
        raise CurationError(f"{where}: not a table")
    ops = [op for op in OPS if op in raw]
    if len(ops) != 1:
        raise CurationError(f"{where}: needs exactly one of {', '.join(OPS)}")
    op = ops[0]
    allowed = {op, "type"} | ({"names"} if op == "alias" else set()) | ({"to"} if op in ("rename", "retype") else set())
    extra = sorted(set(raw) - allowed)
    if extra:
        raise CurationError(f"{where}: unknown key {', '.join(extra)} for {op} (keys: {', '.join(sorted(allowed))})")
    type_ = _text(raw["type"], "type", where) if "type" in raw else None
    if type_ is not None and type_ not in _TYPES:
        raise CurationError(f"{where}: unknown type {type_!r}; use one of {', '.join(sorted(_TYPES))}")
    if op == "merge":
        names = raw["merge"]
        if not isinstance(names, list) or len(names) < 2:
            raise CurationError(f"{where}: merge needs a list of two or more names (the first is kept)")
        return Rule(op, tuple(_text(n, "a name", where) for n in names), type=type_)
    name = _text(raw[op], op, where)
    if op == "alias":
        names = raw.get("names")
        names = [names] if isinstance(names, str) else names
        if not isinstance(names, list) or not names:
            raise CurationError(f"{where}: alias needs names = [\"…\"]")
        return Rule(op, (name, *(_text(n, "a name", where) for n in names)), type=type_)
    if op in ("rename", "retype"):
        if "to" not in raw:
            raise CurationError(f"{where}: {op} needs to = \"…\"")
        to = _text(raw["to"], "to", where)
        if op == "retype" and to not in ENTITY_TYPES:
            raise CurationError(f"{where}: unknown class {to!r}; use one of {', '.join(ENTITY_TYPES)}")
        return Rule(op, (name,), to=to, type=type_)
    return Rule(op, (name,), type=type_)


def load(path: str | os.PathLike[str]) -> Curation:
    """Read a curation file (:class:`CurationError` when it is missing or wrong)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CurationError(f"no curation file {p}") from None
    except UnicodeDecodeError:
        raise CurationError(f"{p}: not UTF-8 text") from None
    cur = parse(text, str(p))
    cur.path = p
    return cur


def for_store(store: str | os.PathLike[str] | None, path: str | os.PathLike[str] | None = None) -> Curation | None:
    """The curation a build of ``store`` applies: ``path`` if given, else the file beside a local store."""
    if path is not None:
        return load(path)
    if store is None or str(store).startswith(("http://", "https://")):
        return None
    beside = default_path(store)
    return load(beside) if beside.is_file() else None


_HEADER = ("# Chanye KG curation: corrections applied, in order, at every kg build, kg add and kg remove.\n"
           "# Written by kg merge / alias / rename / retype / drop; edit freely (see kg.curation).\n")


def append(path: str | os.PathLike[str], rule: Rule) -> str:
    """Add ``rule`` at the end of the file (created if missing), atomically; returns the old text.

    The user's own lines and comments are kept as they are.
    """
    p = Path(path)
    old = p.read_text(encoding="utf-8") if p.is_file() else ""
    text = (old or _HEADER) + ("" if (old or _HEADER).endswith("\n") else "\n") + "\n" + rule.toml()
    parse(text, str(p))  # what is written reads back
    _write(p, text)
    return old


def _write(p: Path, text: str) -> None:
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_name(f".{p.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, p)


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
            kept = archive.load(target, sorted(current))
            cur = load(file) if file.is_file() else Curation(path=file)
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

