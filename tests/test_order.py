"""kg.order: a trailing ORDER BY applied in Python gives the engine's order, or declines."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg import order, solutions
from kg.query import _strip_comments, answer

EX = "http://example.org/"
DATA = f"""
@prefix ex: <{EX}> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:label "乙"@zh ; ex:kind "Park" ; ex:n 3 ; ex:t "b" .
ex:b ex:label "甲"@zh ; ex:kind "Initiative" ; ex:n 10 ; ex:t "a" .
ex:c ex:label "甲乙"@zh ; ex:kind "Company" ; ex:n 2.5 ; ex:t "a" .
ex:d ex:label "Z"@zh ; ex:kind "Park" ; ex:n 3 .
ex:e ex:kind "Company" ; ex:n "1"^^xsd:double ; ex:t "c" .
ex:f ex:label "甲"@zh ; ex:kind "Park" ; ex:n -1 ; ex:t "a\u0001" ; ex:o ex:b .
"""
HEAD = f"PREFIX ex: <{EX}>\nSELECT ?x ?label ?kind ?n ?t ?o WHERE {{ ?x ex:kind ?kind ; ex:n ?n . " \
       "OPTIONAL { ?x ex:label ?label } OPTIONAL { ?x ex:t ?t } OPTIONAL { ?x ex:o ?o } }\n"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    s = ox.Store()
    s.load(DATA.encode("utf-8"), ox.RdfFormat.TURTLE)
    return s


def _python_order(store: ox.Store, text: str) -> list[list[str]] | None:
    plan = order.plan(text, _strip_comments(text))
    assert plan is not None
    result = store.query(plan.text)
    rows = plan.sort([v.value for v in result.variables], [list(s) for s in result])
    # the same order from the answer read by column (kg.solutions), as kg.query.answer reads it
    result = store.query(plan.text)
    names = [v.value for v in result.variables]
    table = solutions.read(result, names)
    perm = plan.permutation(names, table.cells, table.parts)
    terms = table.terms
    by_column = None if perm is None else [[str(terms[j][table.cells[j][i]] or "None") for j in range(len(names))] for i in perm]
    assert by_column == (None if rows is None else [[str(t) if t is not None else "None" for t in r] for r in rows])
    return None if rows is None else [[str(t) for t in r] for r in rows]


@pytest.mark.parametrize("keys", [
    'CONCAT(?label, "\\u0001") ?x',
    'DESC(?kind = "Park") DESC(?kind = "Initiative") ?kind ?x',
    "DESC(?n) ?x",
    "?n ?x",
    "STR(?t) DESC(?x)",
    'ASC(CONCAT(?t, "")) ?x',
    'CONCAT(?t, "\\u0002") ?x',  # "a\u0002" sorts after "a\u0001\u0002": the suffix counts
    "?o ?x",
    "DESC(?x)",
])
def test_same_order_as_the_engine(store: ox.Store, keys: str) -> None:
    text = HEAD + "ORDER BY " + keys
    engine = [[str(t) for t in s] for s in store.query(text)]
    assert _python_order(store, text) == engine


def test_declines_what_it_cannot_order_exactly(store: ox.Store) -> None:
    # a plain string and a tagged one under one key: the engine calls them equal, its order is its own
    mixed = f'PREFIX ex: <{EX}>\nSELECT ?x ?v WHERE {{ {{ ?x ex:label ?v }} UNION {{ ?x ex:t ?v }} }} ORDER BY ?v'
    assert _python_order(store, mixed) is None
    # a variable the query does not project
    assert _python_order(store, HEAD.replace("SELECT ?x ?label", "SELECT ?x") + "ORDER BY ?label") is None
    # a blank node
    assert _python_order(store, "SELECT ?b WHERE { BIND(BNODE() AS ?b) } ORDER BY ?b") is None


@pytest.mark.parametrize("tail", ["ORDER BY ?x LIMIT 2", "ORDER BY UCASE(?t)", "ORDER BY (?n + 1)", ""])
def test_no_plan_for_other_clauses(tail: str) -> None:
    text = HEAD + tail
    assert order.plan(text, _strip_comments(text)) is None


def test_answer_orders_as_written_either_way(store: ox.Store) -> None:
    for text in (HEAD + "ORDER BY DESC(?n) ?x",  # sorted in Python
                 f'PREFIX ex: <{EX}>\nSELECT ?x ?v WHERE {{ {{ ?x ex:label ?v }} UNION {{ ?x ex:n ?v }} }} ORDER BY DESC(?v) ?x'):  # by the engine
        got = [r[0] for r in answer(store, text).rows]  # the subjects, in the answer's order
        assert got == [s[0].value for s in store.query(text)]


def test_a_comment_after_order_by_is_ignored(store: ox.Store) -> None:
    text = HEAD + "# sort keys\nORDER BY ?n ?x  # numbers\n"
    plan = order.plan(text, _strip_comments(text))
    assert plan is not None and [k.var for k in plan.keys] == ["n", "x"]
