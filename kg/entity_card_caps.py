"""The relations ``entity_card`` shows as one row (their number, not their facts) that :mod:`kg.derived`
keeps: counted in the store by one grouped query, or from what the graph writer knows."""

from __future__ import annotations

from typing import Any

from kg.prefixes import PREFIX_IRIS
from kg.summary_facts import _CY, Written

def _card_caps(store: Any, limit: int) -> list[tuple[Any, str, Any, int]]:
    """The relations ``entity_card`` shows as one row: (entity, direction, property, number of
    facts) for each with more than ``limit``, counted as the card's branches find them:
    statements with the entity as subject ("→") or as object ("←"), statements of the posts
    held in an organisation ("←" cy:holdsPosition), articles mentioning it (""). One query,
    each property scanned once and hash-joined, grouped on the engine's own terms (0.4 s at
    1M triples; reading the statements into Python dictionaries took 8 s on disk)."""
    import pyoxigraph as ox

    from kg.terms import G_STATEMENTS

    st = G_STATEMENTS.value
    text = f"""PREFIX rdf: <{PREFIX_IRIS['rdf']}> PREFIX cy: <{_CY}>
    SELECT ?x ?dir ?p ?n {{
      {{ {{ SELECT ?x ?p (COUNT(*) AS ?n) {{
           {{ SELECT ?st ?p {{ GRAPH <{st}> {{ ?st rdf:predicate ?p }} }} }} {{ SELECT ?st ?x {{ GRAPH <{st}> {{ ?st rdf:subject ?x }} }} }}
         }} GROUP BY ?x ?p HAVING (COUNT(*) > {limit:d}) }} BIND("→" AS ?dir) }}
      UNION
      {{ {{ SELECT ?x ?p (COUNT(*) AS ?n) {{
           {{ SELECT ?st ?p {{ GRAPH <{st}> {{ ?st rdf:predicate ?p }} }} }} {{ SELECT ?st ?x {{ GRAPH <{st}> {{ ?st rdf:object ?x }} }} }}
         }} GROUP BY ?x ?p HAVING (COUNT(*) > {limit:d}) }} BIND("←" AS ?dir) }}
      UNION
      {{ {{ SELECT ?x (COUNT(*) AS ?n) {{
           {{ SELECT ?st {{ GRAPH <{st}> {{ ?st rdf:predicate cy:holdsPosition }} }} }} {{ SELECT ?st ?pos {{ GRAPH <{st}> {{ ?st rdf:object ?pos }} }} }}
           {{ SELECT ?pos ?x {{ ?pos cy:organization ?x }} }}
         }} GROUP BY ?x HAVING (COUNT(*) > {limit:d}) }} BIND("←" AS ?dir) BIND(cy:holdsPosition AS ?p) }}
      UNION
      {{ {{ SELECT ?x (COUNT(*) AS ?n) {{ ?x cy:mentionedIn ?a }} GROUP BY ?x HAVING (COUNT(*) > {limit:d}) }}
         BIND("" AS ?dir) BIND(cy:mentionedIn AS ?p) }}
    }}"""
    counts: dict[tuple[str, str, str], list[Any]] = {}
    for x, direction, p, n in store.query(text):
        if type(x) is ox.NamedNode:
            key = (x.value, direction.value, p.value)
            found = counts.setdefault(key, [x, direction.value, p, 0])
            found[3] += int(n.value)  # an organisation's posts and statements with it as object: one relation
    return [tuple(counts[key]) for key in sorted(counts)]  # type: ignore[misc]


def _card_caps_written(written: Written, limit: int) -> list[tuple[Any, str, Any, int]]:
    """:func:`_card_caps` counted from what the writer knows (:class:`Written`): the statements by
    subject and by object (an IRI), the statements of posts by their organisation, the articles
    mentioning each node."""
    import pyoxigraph as ox

    out: dict[tuple[str, str, str], int] = {}
    by_subject: dict[tuple[str, str], int] = {}
    by_object: dict[tuple[str, str], int] = {}
    posts: dict[str, int] = {}
    holds = _CY + "holdsPosition"
    organization = written.organization
    for s, p, o in written.statements:
        by_subject[(s, p)] = by_subject.get((s, p), 0) + 1
        if o.startswith("<"):
            o = o[1:-1]
            by_object[(o, p)] = by_object.get((o, p), 0) + 1
            if p == holds and o in organization:
                org = organization[o]
                posts[org] = posts.get(org, 0) + 1
    for (x, p), n in by_subject.items():
        if n > limit:
            out[(x, "→", p)] = n
    for (x, p), n in by_object.items():
        if n > limit:
            out[(x, "←", p)] = n
    for x, n in posts.items():
        if n > limit:
            out[(x, "←", holds)] = out.get((x, "←", holds), 0) + n
    for x, graphs in written.mentioned.items():
        if len(graphs) > limit:
            out[(x, "", _CY + "mentionedIn")] = len(graphs)
    return [(ox.NamedNode(x), d, ox.NamedNode(p), out[(x, d, p)]) for x, d, p in sorted(out)]

