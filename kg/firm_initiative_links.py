"""The rows of ``firm_initiative_links`` that :mod:`kg.derived` keeps: one per firm and path to
initiatives, with the articles stating the firm's side (the one place the summaries read provenance)."""

from __future__ import annotations

from typing import Any

from kg.prefixes import PREFIX_IRIS
from kg.summary_facts import _CY, _Facts

#: The firm-side statements of firm_initiative_links, by the predicate they state.
LINK_PREDICATES = ("participatedIn", "launched", "investor", "settledIn")
_LINK_PREDICATES = LINK_PREDICATES
#: What :func:`_statement_articles` finds: (subject, predicate, object) IRIs -> label keys of the
#: ``cy:sourceFile`` of the articles stating the fact.
StatementArticles = dict[tuple[str, str, str], set[tuple[str, str, str]]]


def _statement_articles(store: Any) -> dict[tuple[str, str, str], set[tuple[str, str, str]]]:
    """The articles stating each fact of :data:`_LINK_PREDICATES`: (subject, predicate,
    object) IRIs -> the ``cy:sourceFile`` of each article graph whose sentences state it,
    as label keys (text, language, datatype). The one place the summaries read provenance:
    each fact's statement node (``rdf:subject``/``rdf:predicate``/``rdf:object``) sits once in
    ``cyr:graph/statements``, and a sentence of each article stating it links to it by
    ``cy:states`` in the article's graph. One query, each property scanned once and
    hash-joined (as the named query does), rather than a lookup per statement."""
    import pyoxigraph as ox

    from kg.terms import G_STATEMENTS

    statements = G_STATEMENTS.value
    text = f"""PREFIX rdf: <{PREFIX_IRIS['rdf']}> PREFIX cy: <{_CY}>
    SELECT ?s ?p ?o ?article {{
      {{ SELECT ?st ?p {{ GRAPH <{statements}> {{ ?st rdf:predicate ?p }} VALUES ?p {{ {" ".join("cy:" + p for p in _LINK_PREDICATES)} }} }} }}
      {{ SELECT ?st ?s {{ GRAPH <{statements}> {{ ?st rdf:subject ?s }} }} }}
      {{ SELECT ?st ?o {{ GRAPH <{statements}> {{ ?st rdf:object ?o }} }} }}
      {{ SELECT DISTINCT ?st ?g {{ GRAPH ?g {{ ?sn cy:states ?st }} }} }}
      {{ SELECT ?g ?article {{ ?g cy:sourceFile ?article }} }}
    }}"""
    out: dict[tuple[str, str, str], set[tuple[str, str, str]]] = {}
    for s, p, o, article in store.query(text):
        if type(s) is ox.NamedNode and type(o) is ox.NamedNode and type(article) is ox.Literal:
            key = (article.value, article.language or "", article.datatype.value)
            out.setdefault((s.value, p.value, o.value), set()).add(key)
    return out


def _links(facts: _Facts, stated: StatementArticles | None = None) -> list[tuple[Any, Any, str, Any, Any]]:
    """The rows of firm_initiative_links, computed as its fallback branch computes them: one
    per firm, path (the event, project or park linking it to initiatives) and labels of the
    two, with the labels of the initiatives the path leads to and the articles stating the
    firm's side of it, each list in code-point order (articles None when no article states it).
    (firm label, initiatives joined, via, via label, articles joined or None), distinct.
    ``stated``: :func:`_statement_articles` of the store, when the writer knows it already."""
    import pyoxigraph as ox

    pairs, typed = facts.pairs, facts.typed
    company, initiative = typed("Company"), typed("Initiative")
    labels, label_of = facts.labels()
    launched = pairs("launched")
    inits: dict[str, set[str]] = {}  # node -> the labelled initiatives it launched
    for v, i in launched:
        if i in initiative and i in labels:
            inits.setdefault(v, set()).add(i)
    # path key (firm, via, node) -> the initiatives it leads to, the firm-side statements
    paths: dict[tuple[str, str, str], tuple[set[str], set[tuple[str, str, str]]]] = {}

    def link(f: str, via: str, v: str, found: set[str] | None, statement: tuple[str, str, str]) -> None:
        if found and f in company and f in labels and v in labels:
            to, said = paths.setdefault((f, via, v), (set(), set()))
            to |= found
            said.add(statement)

    p = {name: _CY + name for name in _LINK_PREDICATES}
    for f, v in pairs("participatedIn"):  # the firm took part in an event that launched the initiative
        link(f, "event", v, inits.get(v), (f, p["participatedIn"], v))
    for v, f in launched:  # the firm was founded at an event that also launched the initiative
        link(f, "event", v, inits.get(v), (v, p["launched"], f))
    signed: dict[str, set[str]] = {}  # project -> the initiatives of the events it was signed at
    for v, e in pairs("signedAt"):
        if e in inits:
            signed.setdefault(v, set()).update(inits[e])
    for v, f in pairs("investor"):  # the firm invests in a project signed at such an event
        link(f, "project", v, signed.get(v), (v, p["investor"], f))
    at_park: dict[str, set[str]] = {}  # park -> the initiatives launched there or with it
    for e, where in pairs("location") + launched:
        if e in inits:
            at_park.setdefault(where, set()).update(inits[e])
    for f, v in pairs("settledIn"):  # the firm settled in a park tied to the initiative
        link(f, "park", v, at_park.get(v), (f, p["settledIn"], v))
    articles = (_statement_articles(facts.store) if stated is None else stated) if paths else {}
    rows = set()
    joined: dict[frozenset[str], Any] = {}  # the firms of a park share its initiatives: joined once
    for (f, via, v), (found, said) in paths.items():
        key = frozenset(found)
        names = joined.get(key)
        if names is None:
            names = joined[key] = _joined([label_of[k] for k in sorted(set().union(*(labels[i] for i in found)))])
        files = sorted(set().union(*(articles.get(st, set()) for st in said)))
        stated = _joined([ox.Literal(t, datatype=ox.NamedNode(d)) if not lang else ox.Literal(t, language=lang)
                          for t, lang, d in files]) if files else None
        rows.update((label_of[fk], names, via, label_of[vk], stated) for fk in labels[f] for vk in labels[v])
    return sorted(rows, key=lambda r: tuple(str(t) for t in r))



def _joined(labels: list[Any]) -> Any:
    """Labels joined by "、" as GROUP_CONCAT joins them: tagged with their language when they share one."""
    import pyoxigraph as ox

    text = "、".join(label.value for label in labels)
    tags = {label.language for label in labels}
    tag = tags.pop() if len(tags) == 1 else None
    return ox.Literal(text, language=tag) if tag else ox.Literal(text)

