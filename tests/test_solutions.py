"""kg.solutions: an answer read by column gives the terms and values that iterating it gives."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg import solutions
from kg.query import _term_converter, answer

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


@pytest.mark.parametrize("head", [2048, 0, 4])  # read as terms, as TSV, and the first four rows as terms
def test_columns_hold_the_terms_iteration_gives(head: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(solutions, "HEAD", head)
    store = _store()
    expected = [list(solution) for solution in store.query(QUERY)]
    result = store.query(QUERY)
    names = [v.value for v in result.variables]
    table = solutions.read(result, names)
    assert table is not None and table.names == ["x", "v", "w"] and len(table) == len(expected) == 15
    got = [[table.terms[j][table.cells[j][i]] for j in range(3)] for i in range(len(table))]
    assert got == expected  # unbound cells are None, as in a solution
    convert = _term_converter()
    assert table.rows(convert) == [[convert(t) for t in row] for row in expected]
    order = list(range(len(table)))[::-1]
    assert table.rows(convert, order) == [[convert(t) for t in row] for row in expected][::-1]


@pytest.mark.parametrize("head", [2048, 0])
def test_an_empty_answer_and_one_of_one_row(head: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(solutions, "HEAD", head)
    store = _store()
    empty = store.query(f"PREFIX ex: <{EX}>\nSELECT ?x WHERE {{ ?x ex:none ?y }}")
    table = solutions.read(empty, ["x"])
    assert table is not None and len(table) == 0 and table.rows(_term_converter()) == []
    assert answer(store, f"PREFIX ex: <{EX}>\nSELECT ?w WHERE {{ ex:c ex:w ?w }} ORDER BY ?w").rows == [[2]]
    assert answer(store, "SELECT * WHERE { }").rows == [[]]  # no variables: read as before
