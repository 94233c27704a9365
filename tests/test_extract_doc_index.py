"""Doc.has_relation's index follows the facts as the rules change the list."""

from extract_helpers import article
from kg.extract.doc import Doc
from kg.model import Relation


def _scan(doc: Doc, predicate: str, subject: str | None = None) -> bool:
    return any(r.predicate == predicate and (subject is None or r.subject == subject) for r in doc.relations)


def test_has_relation_follows_appends_filters_and_replacements():
    doc = Doc(article("甲公司在乙市。"))
    for label in ("甲", "乙", "丙", "丁"):
        doc.ensure_entity("Company", label)
    asks = [(p, s) for p in ("locatedIn", "investor", "settledIn") for s in (None, "甲", "乙", "丙", "丁")]

    def check():
        for p, s in asks:
            assert doc.has_relation(p, s) == _scan(doc, p, s), (p, s)

    check()  # no facts
    doc.relate("locatedIn", "甲", "乙", 0)
    check()
    doc.relate("investor", "丙", "甲", 0)  # appended after an answer
    check()
    doc.relations.remove(doc.relations[0])  # one fewer, then one more: the same length
    doc.relate("settledIn", "丁", "乙", 0)
    check()
    doc.relations[:] = [r for r in doc.relations if r.predicate != "investor"]  # filtered in place
    check()
    doc.relations.append(Relation("locatedIn", "乙", "丁", 0, None))  # appended by hand
    check()
    doc.relations = []  # replaced
    check()
    doc.relations = [Relation("investor", "丁", "甲", 0, None)]
    check()
