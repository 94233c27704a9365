"""Reading an article's graph through the contract IRIs and matching it to its gold (SCHEMA.md §2)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import rdflib
from rdflib import URIRef

from kg.evaluate.scores import (
    _LEVELS,
    _LITERAL_PROPERTIES,
    _SYMMETRIC,
    ArticleScore,
    _add,
)
from kg.model import ENTITY_TYPES, RELATION_PROPERTIES, top_type
from kg.names import normalise
from kg.namespaces import CY, RDFS, SCHEMA, SKOS

# ---------------------------------------------------------------- reading the graph


@dataclass(frozen=True)
class _PredEntity:
    iri: str
    type: str  # one of ENTITY_TYPES, or "Organization" when only cy:Organization is given
    label: str  # rdfs:label (or the first label when there is none)
    keys: frozenset[str]  # normalised labels and alt labels


@dataclass(frozen=True)
class _PredRelation:
    p: str
    s: str  # subject IRI
    o: Any  # object IRI (str), None, str date, int, or (Decimal, currency)
    title: str | None = None


_CLASS_ORDER = {t: i for i, t in enumerate((*ENTITY_TYPES, "Organization"))}

_ENTITY_QUERY = """
SELECT DISTINCT ?e ?cls ?label ?alt WHERE {
  ?e a ?cls ; cy:mentionedIn ?article .
  FILTER(?cls IN (%s))
  OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e skos:altLabel ?alt }
}
""" % ", ".join(f"cy:{t}" for t in (*ENTITY_TYPES, "Organization"))

_BINARY_QUERY = """
SELECT DISTINCT ?s ?p ?o WHERE {
  ?s ?p ?o .
  FILTER(?p IN (%s))
}
""" % ", ".join(f"cy:{p}" for p in RELATION_PROPERTIES if p not in ("holdsPosition", "investment"))

_POSITION_QUERY = """
SELECT DISTINCT ?s ?title ?org WHERE {
  ?s cy:holdsPosition ?pos .
  OPTIONAL { ?pos cy:title ?title }
  OPTIONAL { ?pos cy:organization ?org }
}
"""

_AMOUNT_QUERY = """
SELECT DISTINCT ?s ?value ?currency WHERE {
  ?s cy:investment ?amt .
  OPTIONAL { ?amt schema:value ?value }
  OPTIONAL { ?amt schema:currency ?currency }
}
"""

#: Plain strings: the Oxigraph store accepts only ``str`` prefixes.
_NS = {"cy": str(CY), "schema": str(SCHEMA), "rdfs": str(RDFS), "skos": str(SKOS)}


def _read_entities(graph: rdflib.Graph) -> dict[str, _PredEntity]:
    """Entities of the contract classes that some article mentions.

    Requiring ``cy:mentionedIn`` keeps the ontology's own industry taxonomy
    concepts out: they are entities only once an article mentions them.
    """
    types: dict[str, str] = {}
    labels: dict[str, set[str]] = {}
    main: dict[str, str] = {}
    for e, cls, label, alt in graph.query(_ENTITY_QUERY, initNs=_NS):
        iri = str(e)
        t = str(cls).removeprefix(str(CY))
        if iri not in types or _CLASS_ORDER[t] < _CLASS_ORDER[types[iri]]:
            types[iri] = t  # most specific of the contract classes, deterministically
        names = labels.setdefault(iri, set())
        if label is not None:
            names.add(str(label))
            main[iri] = min(main.get(iri, str(label)), str(label))
        if alt is not None:
            names.add(str(alt))
    out = {}
    for iri, t in types.items():
        names = labels[iri]
        label = main.get(iri) or (min(names) if names else iri)
        out[iri] = _PredEntity(iri, t, label, frozenset(normalise(n) for n in names))
    return out


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _read_relations(graph: rdflib.Graph) -> list[_PredRelation]:
    rels: set[_PredRelation] = set()
    for s, p, o in graph.query(_BINARY_QUERY, initNs=_NS):
        name = str(p).removeprefix(str(CY))
        if name == "date":
            obj: Any = str(o)
        elif name == "projectCount":
            try:
                obj = int(str(o))
            except ValueError:
                obj = str(o)
        elif isinstance(o, URIRef):
            obj = str(o)
        else:
            continue  # an entity-valued property with a literal object: not a contract fact
        s_iri = str(s)
        if name in _SYMMETRIC and isinstance(obj, str) and obj < s_iri:
            s_iri, obj = obj, s_iri  # one fact per unordered pair
        rels.add(_PredRelation(name, s_iri, obj))
    for s, title, org in graph.query(_POSITION_QUERY, initNs=_NS):
        rels.add(
            _PredRelation(
                "holdsPosition", str(s), str(org) if org is not None else None, str(title) if title is not None else None
            )
        )
    for s, value, currency in graph.query(_AMOUNT_QUERY, initNs=_NS):
        rels.add(
            _PredRelation("investment", str(s), (_decimal(value), str(currency).upper() if currency else None))
        )
    return sorted(rels, key=lambda r: (r.p, r.s, repr(r.o), r.title or ""))


# ---------------------------------------------------------------- matching


def _gold_names(entity: dict[str, Any]) -> frozenset[str]:
    return frozenset(normalise(n) for n in [entity["name"], *entity.get("aliases", [])])


def _match_entities(
    gold: list[dict[str, Any]], pred: list[_PredEntity]
) -> dict[int, _PredEntity]:
    """One-to-one greedy matching, gold index -> predicted entity.

    Candidate pairs share a normalised name. They are taken in a fixed order of
    preference: same class, then same top type, then any type; within that, a
    predicted label equal to the gold canonical name first; then gold order and
    IRI order. So a correctly typed duplicate is preferred over a mistyped one.
    """
    candidates = []
    for gi, g in enumerate(gold):
        names = _gold_names(g)
        canonical = normalise(g["name"])
        for p in pred:
            if not names & p.keys:
                continue
            type_rank = 0 if p.type == g["type"] else 1 if top_type(p.type) == top_type(g["type"]) else 2
            name_rank = 0 if normalise(p.label) == canonical else 1 if normalise(p.label) in names else 2
            candidates.append((type_rank, name_rank, gi, p.iri, p))
    candidates.sort(key=lambda c: c[:4])
    matched: dict[int, _PredEntity] = {}
    used: set[str] = set()
    for _, _, gi, iri, p in candidates:
        if gi in matched or iri in used:
            continue
        matched[gi] = p
        used.add(iri)
    return matched


def _gold_relation_key(rel: dict[str, Any], names_of: dict[str, frozenset[str]]) -> tuple:
    """The gold relation in comparable form; entity ends become their sets of names."""

    def ends(name: str | None) -> frozenset[str] | None:
        if name is None:
            return None
        n = normalise(str(name))
        return names_of.get(n, frozenset({n}))

    p = rel["p"]
    o = rel.get("o")
    if p == "date":
        obj: Any = str(o)
    elif p == "projectCount":
        obj = int(o)
    elif p == "investment":
        obj = (_decimal(o["value"]), str(o["currency"]).upper())
    else:
        obj = ends(o)
    title = normalise(rel["title"]) if p == "holdsPosition" and rel.get("title") else None
    return p, ends(rel["s"]), obj, title


def _refers(keys: frozenset[str] | None, names: frozenset[str] | None) -> bool:
    if keys is None or names is None:
        return keys is None and names is None
    return bool(keys & names)


def _title_agrees(predicted: str | None, gold: str | None) -> bool:
    """A predicted post title agrees with the gold one when either contains the other.

    SCHEMA.md §3.1 "Post with no named body": a title keeps the bare body
    (市委书记, 市政协副主席), so 书记 for 市委书记 or 市委书记 for 书记 both count;
    comparison is on normalised titles, and an empty title agrees with nothing.
    A deputy is not the chief: when only one of the two titles has 副, they do
    not agree (副书记 is not 书记, though it contains it).
    """
    if not predicted or not gold:
        return False
    p = normalise(predicted)
    if not p or ("副" in p) != ("副" in gold):
        return False
    return p in gold or gold in p


def _relation_matches(gold_key: tuple, pred: _PredRelation, entities: dict[str, _PredEntity]) -> bool:
    gp, gs, go, gtitle = gold_key
    if gp != pred.p:
        return False

    def keys(iri: Any) -> frozenset[str] | None:
        if iri is None:
            return None
        e = entities.get(iri)
        return e.keys if e is not None else frozenset()

    if gp in _LITERAL_PROPERTIES:
        return _refers(keys(pred.s), gs) and pred.o == go
    if gp == "holdsPosition":
        return (
            _refers(keys(pred.s), gs)
            and _refers(keys(pred.o), go)
            and _title_agrees(pred.title, gtitle)
        )
    if _refers(keys(pred.s), gs) and _refers(keys(pred.o), go):
        return True
    return gp in _SYMMETRIC and _refers(keys(pred.o), gs) and _refers(keys(pred.s), go)


def _describe_gold(rel: dict[str, Any]) -> str:
    extra = f" [{rel['title']}]" if rel.get("title") else ""
    o = rel.get("o")
    if isinstance(o, dict):
        o = f"{o['value']} {o['currency']}"
    return f"{rel['p']}: {rel['s']} -> {o}{extra}"


def _describe_pred(rel: _PredRelation, entities: dict[str, _PredEntity]) -> str:
    def name(iri: Any) -> str:
        e = entities.get(iri) if isinstance(iri, str) else None
        return e.label if e is not None else str(iri)

    if rel.p in ("date", "projectCount"):
        o = str(rel.o)
    elif rel.p == "investment":
        o = f"{rel.o[0]} {rel.o[1]}"
    else:
        o = name(rel.o)
    extra = f" [{rel.title}]" if rel.p == "holdsPosition" else ""
    return f"{rel.p}: {name(rel.s)} -> {o}{extra}"


def _level_type(level: str, entity_type: str) -> str:
    return top_type(entity_type) if level == "top" else entity_type


def score_graph(graph: rdflib.Graph, gold: dict[str, Any]) -> ArticleScore:
    """Score one article's graph against its gold dict (SCHEMA.md §2 format)."""
    score = ArticleScore(doc=gold.get("doc", ""))
    entities = _read_entities(graph)
    pred_entities = sorted(entities.values(), key=lambda e: e.iri)
    gold_entities: list[dict[str, Any]] = list(gold.get("entities", []))

    matched = _match_entities(gold_entities, pred_entities)
    ok = {lvl: set() for lvl in _LEVELS}  # IRIs correct at each level
    for gi, g in enumerate(gold_entities):
        p = matched.get(gi)
        for lvl in _LEVELS:
            gold_type = _level_type(lvl, g["type"])
            if p is not None and _level_type(lvl, p.type) == gold_type:
                _add(score.entities[lvl], gold_type, tp=1)
                ok[lvl].add(p.iri)
            else:
                _add(score.entities[lvl], gold_type, fn=1)
        if p is None:
            score.missed.append(f"entity {g['type']} {g['name']}")
        elif p.type != g["type"]:
            score.missed.append(f"entity {g['type']} {g['name']} (extracted as {p.type})")
    for p in pred_entities:
        for lvl in _LEVELS:
            if p.iri not in ok[lvl]:
                _add(score.entities[lvl], _level_type(lvl, p.type), fp=1)
        if p.iri not in ok["exact"]:
            score.spurious.append(f"entity {p.type} {p.label}")

    # gold name -> all names of the gold entity it refers to (canonical names win over aliases)
    names_of: dict[str, frozenset[str]] = {}
    for g in gold_entities:
        names_of.setdefault(normalise(g["name"]), _gold_names(g))
    for g in gold_entities:
        for alias in g.get("aliases", []):
            names_of.setdefault(normalise(alias), _gold_names(g))

    gold_rels = list(gold.get("relations", []))
    gold_keys = [_gold_relation_key(r, names_of) for r in gold_rels]
    pred_rels = _read_relations(graph)
    # one-to-one: gold relations with fewer candidates choose first, then in gold order
    candidates = [
        [pi for pi, pr in enumerate(pred_rels) if _relation_matches(key, pr, entities)] for key in gold_keys
    ]
    for key, cands in zip(gold_keys, candidates):
        if key[0] == "holdsPosition":  # an equal title before a merely containing one
            cands.sort(key=lambda pi: normalise(pred_rels[pi].title or "") != key[3])
    used: set[int] = set()
    for gi in sorted(range(len(gold_rels)), key=lambda i: (len(candidates[i]), i)):
        rel = gold_rels[gi]
        hit = next((pi for pi in candidates[gi] if pi not in used), None)
        if hit is None:
            _add(score.relations, rel["p"], fn=1)
            score.missed.append(_describe_gold(rel))
        else:
            used.add(hit)
            _add(score.relations, rel["p"], tp=1)
    for pi, pr in enumerate(pred_rels):
        if pi not in used:
            _add(score.relations, pr.p, fp=1)
            score.spurious.append(_describe_pred(pr, entities))
    return score


