"""kg.terms: the N-Triples text the graph writer makes is exactly pyoxigraph's."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.terms import date_literal, date_text, integer, integer_text, quoted, typed_text, zh, zh_text

#: every control character, the characters N-Triples escapes, non-characters, astral and
#: separator code points, Traditional and Simplified Chinese
XSD_STRING, XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#string", "http://www.w3.org/2001/XMLSchema#decimal"
HOSTILE = "".join(map(chr, range(0x80))) + '\ufffe\uffff\U0001F600\u2028\u2029\u00a0\u3000中國"\\""\\\\n'


@pytest.mark.parametrize("text", ["", "苏州工业园区", HOSTILE, 'a"b', "a\\b", "line\nbreak\r\n", "\t\x00\x7f"])
def test_literal_text_is_what_oxigraph_writes(text):
    assert zh_text(text) == str(zh(text))
    assert typed_text(text, XSD_STRING) == str(ox.Literal(text))
    assert typed_text(text, XSD_DECIMAL) == str(ox.Literal(text, datatype=ox.NamedNode(XSD_DECIMAL)))


def test_literal_text_reads_back_as_the_same_literal():
    line = f"<http://e/s> <http://e/p> {zh_text(HOSTILE)} <http://e/g> .\n"
    (q,) = ox.parse(line.encode("utf-8"), ox.RdfFormat.N_QUADS)
    assert q.object == zh(HOSTILE)
    store = ox.Store()
    store.bulk_load(line.encode("utf-8"), ox.RdfFormat.N_QUADS, lenient=True)
    assert [x.object for x in store] == [zh(HOSTILE)]


@pytest.mark.parametrize("value", ["2023-05-10", "2023-05", "2023", "2023-05-10\n", "２０２３", "May 2023", ""])
def test_date_text_is_date_literal(value):
    lit = date_literal(value)
    assert date_text(value) == (None if lit is None else str(lit))


def test_integer_text_is_integer():
    for n in (0, 7, -3, 10**20):
        assert integer_text(n) == str(integer(n))
    assert quoted("x") == '"x"'
