"""Names given as query parameters: folded as lookup folds them, refused when they name several entities.

``kg query people_posts -p person=馮玉川`` must answer as ``person=冯玉川``: a
parameter that is Chinese text is looked up among the labels and aliases of
the graph's entities in its given and folded forms (Traditional→Simplified,
full width, quotes and spaces, as :func:`kg.analyse.lookup.normalise`), with
one SPARQL lookup per parameter (index lookups, so cheap on any store,
remote ones too), and the label of the one entity found is bound. A name of
several entities of one top type is refused with
:class:`kg.query_params.AmbiguousParameter`, which lists them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from kg.model import top_type
from kg.library import QueryError
from kg.names import Candidate, unbracketed
from kg.prefixes import PREFIX_IRIS
from kg.query_answer import _term_converter
from kg.query_params import _CJK, AmbiguousParameter, sparql_term

_ENTITY_NS = "https://w3id.org/chanye/id/"


def _name_forms(value: str) -> list[str]:
    """``value`` and its folded forms (the folding of :func:`kg.analyse.lookup.normalise`, case kept)."""
    from kg.names import fold, normalise

    return list(dict.fromkeys([value, fold(value), normalise(value)]))


def _currency_code(value: str) -> str:
    """The ISO 4217 code of a currency given as a code (any case) or a word of the extractor's (美元, 港幣)."""
    from kg.extract.quantities import _CURRENCY
    from kg.names import fold

    text = value.strip()
    return _CURRENCY.get(text) or _CURRENCY.get(fold(text)) or text.upper()


@lru_cache(maxsize=1)
def _label_params() -> frozenset[str]:
    """The parameters the named queries bind as an entity's label (``# params: person (label of a person…)``)."""
    from kg.library import list_queries

    return frozenset(name for q in list_queries() for name, about in q.params if about.startswith("label"))


def _label_of(store: Any, key: str, iri: str) -> Any:
    """The label of the entity ``iri`` (as the graph holds it), for a query that binds labels; a
    :class:`QueryError` when no entity has that IRI, or when other entities of its kind share the
    label (namesakes: the query would answer for all of them)."""
    import pyoxigraph as ox

    text = (f"SELECT ?label (COUNT(DISTINCT ?other) AS ?n) WHERE {{ <{iri}> rdfs:label ?label . "
            f'?other rdfs:label ?label . FILTER(STRSTARTS(STR(?other), "{iri.rsplit("/", 1)[0]}/")) }} GROUP BY ?label')
    rows = list(store.query(text, prefixes=PREFIX_IRIS))
    if not rows:
        raise QueryError(f"parameter {key}: no entity has the IRI {iri}")
    label, n = rows[0][0], int(rows[0][1].value)
    if n > 1:
        raise QueryError(f"parameter {key}: {iri} is one of {n} entities labelled {label.value}, and this query tells them "
                         f"apart by label only; ask kg query entity_card -p entity={iri} for its facts")
    return label if isinstance(label, ox.Literal) else ox.Literal(str(label))


def fold_names(store: Any, params: Mapping[str, Any], unknown: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    """``params`` with each name folded to the name the graph holds: the label of the one
    entity that has it as label or alias (so ``firm=<an alias>`` finds the firm), as the
    graph holds it (``"MicroLED"@zh``: a name in Latin letters is found too).

    Text with letters is looked up as a name (IRIs are left alone; a number is bound as the
    label of an entity named by its digits, else left as it is; a currency is no entity's
    name: its ISO code is bound). A Chinese name no entity has
    is left as given (the query then finds nothing) and, with ``unknown``, added to it
    as ``(parameter, name)``; a name of several entities of one top type (two firms) raises
    :class:`AmbiguousParameter`. Entities of different top types (a firm and
    a project of one name) are told apart by the query's own pattern.
    """
    import pyoxigraph as ox

    out = dict(params)
    for key, value in params.items():
        if key == "currency" and isinstance(value, str):  # an ISO 4217 code, as the graph holds amounts: 美元 -> USD
            out[key] = _currency_code(value)
            continue
        if isinstance(value, int) and not isinstance(value, bool):  # a name of digits (360) came as a number:
            value = str(value)  # the entity's label if one has it, else the number stays
        elif isinstance(value, str) and (iri := unbracketed(value)).startswith(_ENTITY_NS) and key in _label_params():
            out[key] = _label_of(store, key, iri)  # (the named queries bind labels: an IRI is its entity's, if it alone has it)
            continue
        elif (not isinstance(value, str) or not re.search(r"[^\W\d_]", value)
                or re.match(r"^<?(https?|urn|file):", value) or re.match(r"^[a-z]+:\S+$", value)):
            continue
        forms = _name_forms(value)
        # Chinese text is tagged @zh in the graph (and so bound); a Latin name may be either
        terms = [ox.Literal(f, language="zh") for f in forms] + ([] if _CJK.search(value) else [ox.Literal(f) for f in forms])
        names = " ".join(sparql_term(t) for t in terms)
        text = (
            "SELECT ?e ?label ?t ?name (COUNT(DISTINCT ?a) AS ?n) (MIN(?f) AS ?first) WHERE { "
            f"VALUES ?name {{ {names} }} {{ ?e rdfs:label ?name }} UNION {{ ?e skos:altLabel ?name }} "
            f'FILTER(STRSTARTS(STR(?e), "{_ENTITY_NS}")) ?e rdfs:label ?label . '
            'OPTIONAL { ?e a ?t . FILTER(STRSTARTS(STR(?t), STR(cy:))) } '
            'OPTIONAL { ?e cy:mentionedIn ?a OPTIONAL { ?a cy:sourceFile ?f } } '
            "} GROUP BY ?e ?label ?t ?name"
        )
        found: dict[str, Candidate] = {}
        held_as: dict[str, Any] = {}  # each name found, as the graph holds it (its term)
        convert = _term_converter()
        for row in store.query(text, prefixes=PREFIX_IRIS):
            e, label, t, name, n, first = (convert(row[i]) for i in range(6))
            held_as[label], held_as[name] = row[1], row[3]
            c = Candidate(e, label, (t or "").rsplit("#", 1)[-1], int(n or 0), name, name != label, first or "")
            if e not in found or (c.by_alias, c.matched) < (found[e].by_alias, found[e].matched):
                found[e] = c  # by its label when it has the name as label and alias
        by_top: dict[str, list[Candidate]] = {}
        for c in found.values():
            by_top.setdefault(top_type(c.type), []).append(c)
        for same in by_top.values():  # a firm and a project of one name: the query's own pattern tells them apart
            if len(same) > 1:
                raise AmbiguousParameter(key, value, sorted(same, key=lambda c: (c.by_alias, -c.articles, c.iri)))
        if len(found) == 1:  # the entity's label: the named queries match labels, and find it by it
            out[key] = held_as[next(iter(found.values())).label]
        elif found:  # entities of several top types have the name: the form they have it in
            held = {c.matched for c in found.values()}
            out[key] = held_as[value if value in held else next(f for f in forms if f in held)]
        elif unknown is not None and _CJK.search(value):
            unknown.append((key, value))
    return out
