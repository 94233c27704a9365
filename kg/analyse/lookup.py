"""Find an entity by any of its names, the way an analyst types it.

Analysts paste names from Traditional-script sources, with full-width
brackets, quotation marks and stray spaces. Both the query and every label
and alias are normalised the same way (OpenCC Traditional→Simplified, NFKC
width folding, quotation marks and spaces dropped) before comparing, so
``清陶（崑山）能源`` and ``清陶(昆山)能源`` are the same name. Nothing is
guessed: when no name matches exactly, :class:`EntityNotFound` lists the
closest names instead (names containing the query first, then
:mod:`difflib` near misses); when a name matches several entities (a short
name that is one firm's label and another's alias, two firms of one name),
:class:`AmbiguousEntity` lists them, with their type and article count, and
none is picked. An entity's IRI always names it alone.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import networkx as nx

from kg.analyse import checks
from kg.names import AmbiguousEntity, Candidate, EntityLookupError, fold, unbracketed

__all__ = ["AmbiguousEntity", "Candidate", "EntityLookupError", "EntityMatch", "EntityNotFound", "lookup", "lookup_all", "normalise", "suggestions", "candidates"]

#: Characters dropped before comparing names (quotes, book-title marks, spaces).


class EntityNotFound(EntityLookupError):
    """No entity has this name; ``suggestions`` holds the closest labels."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        self.query = query
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"No entity named {query!r}.{hint}")


@dataclass(frozen=True)
class EntityMatch:
    """One entity found for a query, and the name it was found by."""

    iri: str
    label: str
    type: str
    matched: str  # the label or alias that matched
    by_alias: bool
    aliases: list[str] = field(default_factory=list, compare=False)


def normalise(name: str) -> str:
    """Comparable form of a name: Simplified, half-width, no quotes or spaces, lower case.

    Examples
    --------
    >>> normalise("清陶（崑山）能源")
    '清陶(昆山)能源'
    >>> normalise("“链长制”")
    '链长制'
    """
    return fold(name).lower()


def lookup_all(G: nx.Graph, query: str) -> list[EntityMatch]:
    """Every entity of the projection whose label or alias equals ``query`` (normalised).

    Matches on the canonical label come before matches on an alias; ties are
    ordered by number of articles, then degree, then IRI, so the answer is
    deterministic.

    Examples
    --------
    >>> [m.label for m in lookup_all(G, "清陶")]  # doctest: +SKIP
    ['清陶(昆山)能源发展股份有限公司']
    """
    key = normalise(query)
    found: list[EntityMatch] = []
    for iri, data in G.nodes(data=True):
        label = data.get("label", "")
        names = [(label, False)] + [(a, True) for a in data.get("aliases", [])]
        for name, by_alias in names:
            if normalise(name) == key:
                found.append(EntityMatch(iri, label, data.get("type", ""), name, by_alias, list(data.get("aliases", []))))
                break
    found.sort(key=lambda m: (m.by_alias, -len(G.nodes[m.iri].get("articles", [])), -G.degree(m.iri), m.iri))
    return found


def suggestions(G: nx.Graph, query: str, n: int = 5) -> list[str]:
    """Labels close to ``query``: those containing it (or contained in it), then difflib matches."""
    key = normalise(query)
    by_name: dict[str, str] = {}
    for _, data in G.nodes(data=True):
        for name in [data.get("label", "")] + list(data.get("aliases", [])):
            by_name.setdefault(normalise(name), data.get("label", ""))
    out: list[str] = []
    containing = sorted((k for k in by_name if key and (key in k or k in key) and len(k) > 1), key=lambda k: (len(k), k))
    for k in containing + difflib.get_close_matches(key, sorted(by_name), n=n, cutoff=0.5):
        if by_name[k] not in out:
            out.append(by_name[k])
    return out[:n]


def candidates(G: nx.Graph, matches: list[EntityMatch]) -> list[Candidate]:
    """The matches as :class:`Candidate` (type and article count), in :func:`lookup_all` order."""
    out = []
    for m in matches:
        files = G.nodes[m.iri].get("articles", [])  # (sorted)
        out.append(Candidate(m.iri, m.label, m.type, len(files), m.matched, m.by_alias, files[0] if files else ""))
    return out


def lookup(G: nx.Graph, query: str) -> EntityMatch:
    """The entity named ``query`` (label or alias, any script or width; an IRI of ``G`` also works).

    Raises
    ------
    EntityNotFound
        When no label or alias matches; the exception carries suggestions.
    AmbiguousEntity
        When several entities have the name; the exception carries the candidates. (The
        label of one entity that is only an alias of entities of other types names the first.)

    Examples
    --------
    >>> lookup(G, "馮玉川").label   # doctest: +SKIP
    '冯玉川'
    >>> lookup(G, "冯玉")           # doctest: +SKIP
    Traceback (most recent call last):
    kg.analyse.lookup.EntityNotFound: No entity named '冯玉'. Did you mean: 冯玉川?
    """
    checks.name(query)
    query = unbracketed(query)
    if query in G and query.startswith(("http://", "https://")):
        data = G.nodes[query]
        return EntityMatch(query, data.get("label", ""), data.get("type", ""), query, False, list(data.get("aliases", [])))
    found = lookup_all(G, query)
    if not found:
        raise EntityNotFound(query, suggestions(G, query))
    if len(found) > 1 and not _label_stands_alone(found):
        raise AmbiguousEntity(query, candidates(G, found))
    return found[0]


def _label_stands_alone(found: list[EntityMatch]) -> bool:
    """Whether the first match is the one entity with the name as its label, every other one having
    it only as an alias and being of another top type (a firm's label, the alias of its project):
    the full label then names one entity, as the message of :class:`AmbiguousEntity` promises."""
    from kg.model import top_type

    first = found[0]
    return not first.by_alias and all(m.by_alias and top_type(m.type) != top_type(first.type) for m in found[1:])
