"""The rules of a curation (merge, alias, rename, retype, drop) and how they apply to
resolution's clusters; the file that holds them is read and written by :mod:`kg.curation_file`.

A name names the entities whose label it is (script, width and quotes
folded), or failing that those that have it as an alias. A rule naming no
entity, or several where it needs one, is not applied (:class:`CurationError`,
with the candidates). Rules apply in order, to the entities as resolution
found them; afterwards, clusters a rename or retype gave one IRI are one entity.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.model import ENTITY_TYPES
from kg.names import Candidate, normalise, unbracketed

#: The operations, in the words the file uses.
OPS = ("merge", "alias", "rename", "retype", "drop")
#: What a rule's ``type`` may say: a class, or Organization.
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
    """The clusters ``name`` names: by IRI, by label, else by alias (of ``type_``/``top`` when given;
    an IRI tells apart the events of one generic name, :mod:`kg.name_scope`)."""
    key = normalise(name)

    def fits(c: Any) -> bool:
        e = c.entity
        return (type_ is None or type_ in (e.type, e.top_type)) and (top is None or e.top_type == top)

    from kg.prefixes import PREFIX_IRIS
    from kg.terms import entity_iri

    name = unbracketed(name)
    if name.startswith(PREFIX_IRIS["cyr"]):
        return [c for c in clusters if fits(c) and entity_iri(c.entity.top_type, c.entity.label, c.entity.scope) == name]

    by_label = [c for c in clusters if normalise(c.entity.label) == key and fits(c)]
    if by_label:
        return by_label
    return [c for c in clusters if fits(c) and any(normalise(a) == key for a in c.entity.alt_labels)]


def _candidates(found: list[Any], name: str) -> list[Candidate]:
    from kg.terms import entity_iri

    key = normalise(name)
    return [Candidate(entity_iri(c.entity.top_type, c.entity.label, c.entity.scope), c.entity.label, c.entity.type, c.articles,
                      name, normalise(c.entity.label) != key) for c in found]


def _one(clusters: list[Any], name: str, type_: str | None) -> Any:
    found = _matches(clusters, name, type_)
    if not found:
        raise CurationError(f"no entity is named {name!r}" + (f" (of type {type_})" if type_ else ""))
    if len(found) > 1:
        raise CurationError(f"{name!r} names {len(found)} entities; give the full label, a type (--type, type = \"…\") or the IRI",
                            _candidates(found, name))
    return found[0]


def _apply(rule: Rule, clusters: list[Any], recompute: Callable[[Any], Any], strict: bool = True) -> list[Any]:
    """The clusters after one rule (raises :class:`CurationError` when it names no or several entities;
    not ``strict``: a merge's other names that name nothing are passed over)."""
    target = _one(clusters, rule.names[0], rule.type)
    if strict:  # a new rule (kg merge & co.): one that would do nothing, or more than it says, is refused
        _check_new(rule, target, clusters)
    else:  # a rule of the file: one that would now join two entities (one came later) is not applied
        _check_join(rule, target, clusters)
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
            if strict and len([c for c in found if c is not target]) > 1:
                raise CurationError(f"{name!r} names {len(found)} entities; give the full label or the IRI of the one to merge",
                                    _candidates(found, name))
            others += [c for c in found if c is not target and all(c is not o for o in others)]
        label, type_ = target.entity.label, target.entity.type
        target.scope = target.entity.scope  # (the kept entity keeps its IRI)
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
        target.scope = _renamed_scope(target.entity, rule.to)
    elif rule.op == "retype":
        target.type = rule.to
        target.scope = target.entity.scope
    elif rule.op == "drop":
        return [c for c in clusters if c is not target]
    target.entity = recompute(target)
    return clusters


def _check_new(rule: Rule, target: Any, clusters: list[Any]) -> None:
    """Refuse a new rule that changes nothing (``kg alias X X``), or one :func:`_check_join` refuses."""
    e = target.entity
    found = [_matches(clusters, n, None, e.top_type) for n in rule.names[1:]] if rule.op == "merge" else []
    if found and all(found) and all(c is target for f in found for c in f):  # (a name of nothing: said by the merge)
        raise CurationError(f"{rule.names[0]!r} and the other names are one entity already: nothing to merge")
    if rule.op == "alias" and all(normalise(n) in {normalise(a) for a in (e.label, *e.alt_labels)} for n in rule.names[1:]):
        raise CurationError(f"{e.label!r} has these names already: nothing to add")
    if rule.op == "rename" and rule.to == e.label:
        raise CurationError(f"{e.label!r} has this label already: nothing to rename")
    if rule.op == "retype" and rule.to == e.type:
        raise CurationError(f"{e.label!r} is a {e.type} already: nothing to retype")
    _check_join(rule, target, clusters)


def _check_join(rule: Rule, target: Any, clusters: list[Any]) -> None:
    """Refuse a rule whose rename or retype would give ``target`` another entity's label and top type,
    and so its IRI, or whose alias is another entity's label: the two would be joined, or the name
    would name both, without a merge having been asked for (``kg merge`` says so, and never across
    types). A new rule is refused; one of the file that comes to do so at a later build or
    ``kg add`` (the other entity came with the new articles) is not applied, and the build says so."""
    from kg.model import top_type

    e = target.entity
    if rule.op in ("rename", "retype"):
        label = rule.to if rule.op == "rename" else e.label
        top = top_type(rule.to) if rule.op == "retype" else e.top_type
        scope = _renamed_scope(e, label) if rule.op == "rename" else e.scope  # (as _apply gives it)
        clash = [c for c in clusters if c is not target and (c.entity.top_type, c.entity.label, c.entity.scope) == (top, label, scope)]
        if clash:
            raise CurationError(f"it would then be one entity with the {clash[0].entity.type} {label!r} (the same IRI); "
                                "if they are one, kg merge them", _candidates(clash, label))
    if rule.op == "alias":
        for name in rule.names[1:]:
            other = [c for c in clusters if c is not target and normalise(c.entity.label) == normalise(name)]
            if other:
                raise CurationError(f"{name!r} is the label of the {other[0].entity.type} {other[0].entity.label!r}: as an "
                                    "alias here it would name two entities; if they are one, kg merge them",
                                    _candidates(other, name))


def _renamed_scope(e: Any, label: str) -> str:
    """The scope of entity ``e`` renamed ``label``: its own while the name does not say which
    one it is (:mod:`kg.name_scope`), none once it does."""
    from kg.name_scope import says_which

    return "" if says_which(e.top_type, e.type, label) else e.scope


def _join_same_iri(clusters: list[Any], recompute: Callable[[Any], Any]) -> list[Any]:
    """Clusters a rename or retype gave the same top type, label and scope are one entity (one IRI)."""
    by_key: dict[tuple[str, str, str], Any] = {}
    out = []
    for c in clusters:
        key = (c.entity.top_type, c.entity.label, c.entity.scope)
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
