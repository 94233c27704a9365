"""kg.solutions: an answer read by column gives the terms and values that iterating it gives."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg import solutions
from kg.query import _parts_converter, _term_converter, answer

EX = "http://example.org/"
DATA = f"""
@prefix ex: <{EX}> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:v "tab\\there, new\\nline, \\"quoted\\", back\\\\slash, \\u0001 control, 中文"@zh .
ex:a ex:v "plain" , "01"^^xsd:integer , "1.50"^^xsd:decimal , "1e3"^^xsd:double , true , "2021-04"^^xsd:gYearMonth ,
          "2021-04-05"^^xsd:date , "2021-04-05T10:00:00Z"^^xsd:dateTime , "x"^^ex:custom , "en"@en-GB , ex:iri .
ex:b ex:v [ ex:w 1 ] .
ex:c ex:w 2 .
"""
QUERY = f"PREFIX ex: <{EX}>\nSELECT ?x ?v ?w WHERE {{ {{ ?x ex:v ?v }} UNION {{ ?x ex:w ?w }} }}"


def _store() -> ox.Store:
    s = ox.Store()
    s.load(DATA.encode("utf-8"), ox.RdfFormat.TURTLE)
    return s


def test_columns_hold_the_terms_iteration_gives() -> None:
    store = _store()
    expected = [list(solution) for solution in store.query(QUERY)]
    result = store.query(QUERY)
    names = [v.value for v in result.variables]
    table = solutions.read(result, names)
    assert table is not None and table.names == ["x", "v", "w"] and len(table) == len(expected) == 15
    got = [[table.terms[j][table.cells[j][i]] for j in range(3)] for i in range(len(table))]
    assert got == expected  # unbound cells are None, as in a solution
    parts = [[table.parts[j][table.cells[j][i]] for j in range(3)] for i in range(len(table))]
    assert parts == [[solutions.parts_of(t) for t in row] for row in expected]  # read from text as from the terms
    assert [[solutions.term(p) for p in row] for row in parts] == expected
    convert, of_term = _parts_converter(), _term_converter()
    assert table.rows(convert) == [[of_term(t) for t in row] for row in expected]
    order = list(range(len(table)))[::-1]
    assert table.rows(convert, order) == [[of_term(t) for t in row] for row in expected][::-1]


def test_an_empty_answer_and_one_of_one_row() -> None:
    store = _store()
    empty = store.query(f"PREFIX ex: <{EX}>\nSELECT ?x WHERE {{ ?x ex:none ?y }}")
    table = solutions.read(empty, ["x"])
    assert table is not None and len(table) == 0 and table.rows(_parts_converter()) == []
    assert answer(store, f"PREFIX ex: <{EX}>\nSELECT ?w WHERE {{ ex:c ex:w ?w }} ORDER BY ?w").rows == [[2]]
    assert answer(store, "SELECT * WHERE { }").rows == [[]]  # no variables: read as before


ONE_KIND = f"""
@prefix ex: <{EX}> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:label "甲乙"@zh ; ex:name "plain" ; ex:date "2021-04-05"^^xsd:date ; ex:amount "1.50"^^xsd:decimal .
ex:b ex:label "丙"@zh ; ex:name "" ; ex:date "2022-01-01"^^xsd:date .
ex:c ex:label ""@zh ; ex:name "x y" ; ex:amount "7"^^xsd:decimal .
ex:d ex:label "有\\"引号\\""@zh ; ex:name "tab\\tand" .
ex:e ex:label "en"@en .
"""


@pytest.mark.parametrize("drop", [(), ("ex:d",), ("ex:d", "ex:e")])  # with an escape or a second tag in the column, or neither
def test_columns_of_one_kind_are_read_whole_as_iteration_gives(drop: tuple[str, ...]) -> None:
    """A column of labels of one language, of plain strings, of dates or of amounts (an unbound cell
    among them) is read in one pass; a column with an escape or a second tag the usual way: alike."""
    store = ox.Store()
    store.load(ONE_KIND.encode("utf-8"), ox.RdfFormat.TURTLE)
    query = (f"PREFIX ex: <{EX}>\nSELECT ?x ?label ?name ?date ?amount WHERE {{ ?x ex:label ?label "
             "OPTIONAL { ?x ex:name ?name } OPTIONAL { ?x ex:date ?date } OPTIONAL { ?x ex:amount ?amount } "
             f"FILTER(?x NOT IN ({', '.join(drop) or '<urn:none>'})) }}")
    expected = [list(solution) for solution in store.query(query)]
    result = store.query(query)
    table = solutions.read(result, [v.value for v in result.variables])
    assert table is not None and len(table) == len(expected) == 5 - len(drop)
    parts = [[table.parts[j][table.cells[j][i]] for j in range(5)] for i in range(len(table))]
    assert parts == [[solutions.parts_of(t) for t in row] for row in expected]
    assert table.rows(_parts_converter()) == [[_term_converter()(t) for t in row] for row in expected]
    labels = [text for text in dict.fromkeys(table.cells[1]) if text]
    assert solutions._one_kind({}, labels) == (len(drop) == 2)  # the labels' column read whole only with one tag, no escape
    names, dates = ([text for text in dict.fromkeys(table.cells[j]) if text] for j in (2, 3))
    assert solutions._one_kind({}, names) == ("ex:d" in drop) and solutions._one_kind({}, dates)
