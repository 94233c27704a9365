"""kg.resolve: cross-article identity (short names to full names, never across types) and curation hooks.

Every name here is invented for the test.
"""

from __future__ import annotations

from handmade import extraction

from kg.curation import parse
from kg.names import firm_core as _core
from kg.resolve import resolve


def _x(name: str, entities: list[tuple]) -> object:
    text = "".join(f"{label}出席会议。" for _, label, _ in entities)
    return extraction(name, text, entities, [])


def _labels(res, top: str = "Organization") -> dict[str, tuple[str, ...]]:
    return {e.label: e.alt_labels for e in res.entities if e.top_type == top}


def test_core_strips_brackets_place_forms_and_descriptors():
    assert _core("甲乙(苏州)能源科技有限公司") == "甲乙能源"
    assert _core("苏州甲乙能源有限公司") == "甲乙能源"
    assert _core("甲乙能源发展集团股份有限公司") == "甲乙能源"
    assert _core("甲乙能源") == "甲乙能源"


def test_bare_firm_name_joins_the_one_full_name_of_another_article():
    res = resolve([_x("a.txt", [("Company", "甲乙(苏州)能源科技有限公司", set())]),
                   _x("b.txt", [("Company", "甲乙能源", set())])])
    assert _labels(res) == {"甲乙(苏州)能源科技有限公司": ("甲乙能源",)}


def test_two_full_names_of_one_bare_name_join_nothing():
    # a firm and its local subsidiary: the bare name could be either
    res = resolve([_x("a.txt", [("Company", "甲乙(苏州)能源科技有限公司", set())]),
                   _x("b.txt", [("Company", "甲乙能源股份有限公司", set())]),
                   _x("c.txt", [("Company", "甲乙能源", set())])])
    assert set(_labels(res)) == {"甲乙(苏州)能源科技有限公司", "甲乙能源股份有限公司", "甲乙能源"}


def test_an_article_naming_both_keeps_them_apart():
    res = resolve([_x("a.txt", [("Company", "甲乙(苏州)能源科技有限公司", set()), ("Company", "甲乙能源", set())]),
                   _x("b.txt", [("Company", "甲乙能源", set())])])
    assert set(_labels(res)) == {"甲乙(苏州)能源科技有限公司", "甲乙能源"}


def test_never_across_types():
    res = resolve([_x("a.txt", [("Company", "丙丁(苏州)光电有限公司", set())]),
                   _x("b.txt", [("Project", "丙丁光电", set())]),
                   _x("c.txt", [("Person", "丙丁光电", set())])])
    assert {(e.top_type, e.label) for e in res.entities} == {
        ("Organization", "丙丁(苏州)光电有限公司"), ("Project", "丙丁光电"), ("Person", "丙丁光电")}
    # a bare government body is no short name (only firms join this way)
    res = resolve([_x("a.txt", [("GovernmentBody", "戊己市委", set())]), _x("b.txt", [("GovernmentBody", "市委", set())])])
    assert set(_labels(res)) == {"戊己市委", "市委"}


def test_a_link_stated_in_one_article_joins_the_short_name():
    res = resolve([_x("a.txt", [("Company", "庚辛(苏州)材料科技股份有限公司", {"庚辛"})]),
                   _x("b.txt", [("Company", "庚辛", set())])])
    assert _labels(res) == {"庚辛(苏州)材料科技股份有限公司": ("庚辛",)}


def test_an_alias_whose_owners_are_joined_is_no_longer_ambiguous():
    # 庚辛 is the alias of two names of one firm: once they are joined, the bare 庚辛 of a third article joins too
    res = resolve([_x("a.txt", [("Company", "庚辛(苏州)材料科技股份有限公司", {"庚辛"})]),
                   _x("b.txt", [("Company", "庚辛材料", {"庚辛"})]),
                   _x("c.txt", [("Company", "庚辛", set())])])
    assert _labels(res) == {"庚辛(苏州)材料科技股份有限公司": ("庚辛", "庚辛材料")}
    # an alias of two different bodies still links nothing
    res = resolve([_x("a.txt", [("GovernmentBody", "戊己市委", {"市委"})]),
                   _x("b.txt", [("GovernmentBody", "壬癸市委", {"市委"})]),
                   _x("c.txt", [("GovernmentBody", "市委", set())])])
    assert set(_labels(res)) == {"戊己市委", "壬癸市委", "市委"}


def test_same_answer_whatever_the_order():
    xs = [_x("a.txt", [("Company", "庚辛(苏州)材料科技股份有限公司", {"庚辛"})]),
          _x("b.txt", [("Company", "庚辛材料", {"庚辛"})]),
          _x("c.txt", [("Company", "庚辛", set()), ("Company", "甲乙能源", set())]),
          _x("d.txt", [("Company", "甲乙(苏州)能源科技有限公司", set())])]
    assert resolve(xs).entities == resolve(xs[::-1]).entities


# ---------------------------------------------------------------- curation applied by resolve


def test_curation_rules_apply_in_order_and_report_what_they_cannot():
    xs = [_x("a.txt", [("Company", "甲乙能源", set()), ("Person", "子丑", set())]),
          _x("b.txt", [("Company", "戊己集团", set()), ("GovernmentBody", "戊己市委", {"市委"}),
                       ("GovernmentBody", "壬癸市委", {"市委"})])]
    cur = parse('[[rule]]\nmerge = ["甲乙能源", "戊己集团"]\n'
                '[[rule]]\nrename = "甲乙能源"\nto = "甲乙能源科技有限公司"\n'
                '[[rule]]\nretype = "子丑"\nto = "Company"\n'
                '[[rule]]\ndrop = "市委"\n'
                '[[rule]]\nalias = "子丑"\nnames = ["子丑公司"]\n'
                '[[rule]]\nmerge = ["甲乙能源科技有限公司", "子丑"]\n')
    res = resolve(xs, (), cur)
    orgs = _labels(res)
    assert orgs["甲乙能源科技有限公司"] == ("子丑", "子丑公司", "戊己集团", "甲乙能源")
    assert "戊己市委" in orgs and "壬癸市委" in orgs  # the ambiguous drop was not applied
    assert [n for n, _ in res.notes] == [4] and "names 2 entities" in res.notes[0][1]
    assert cur.errors[4].candidates and {c.label for c in cur.errors[4].candidates} == {"戊己市委", "壬癸市委"}
    assert not [e for e in res.entities if e.top_type == "Person"]
    # every article's names still lead to the merged entity
    kept = next(e for e in res.entities if e.label == "甲乙能源科技有限公司")
    assert res.lookup(xs[1].article.digest, "戊己集团") == kept and res.lookup(xs[0].article.digest, "子丑") == kept


def test_drop_takes_the_entity_out_of_every_article():
    xs = [_x("a.txt", [("Company", "甲乙能源", set()), ("Person", "子丑", set())])]
    res = resolve(xs, (), parse('[[rule]]\ndrop = "甲乙能源"\n'))
    assert [e.label for e in res.entities] == ["子丑"]
    assert res.lookup(xs[0].article.digest, "甲乙能源") is None
    assert [e.label for e in res.mentioned_in(xs[0].article.digest)] == ["子丑"]


def test_merge_never_crosses_top_types():
    xs = [_x("a.txt", [("Company", "甲乙能源", set()), ("Person", "子丑", set())])]
    cur = parse('[[rule]]\nmerge = ["甲乙能源", "子丑"]\n')
    res = resolve(xs, (), cur)
    assert len(res.entities) == 2 and "never merged across types" in res.notes[0][1]


def test_a_rename_onto_an_existing_label_is_not_applied_and_said():
    """It would make the two one entity (the same IRI) without a merge asked for: kg rename refuses
    it, and a rule of the file that comes to do so (the other entity came later) is not applied."""
    xs = [_x("a.txt", [("Company", "甲乙能源", set())]), _x("b.txt", [("Company", "甲乙新能", set())])]
    cur = parse('[[rule]]\nrename = "甲乙新能"\nto = "甲乙能源"\n')
    res = resolve(xs, (), cur)
    assert _labels(res) == {"甲乙能源": (), "甲乙新能": ()}
    assert cur.notes == ["curation rule 1 (rename 甲乙新能 to 甲乙能源) not applied: it would then be one entity with the "
                         "Company '甲乙能源' (the same IRI); if they are one, kg merge them"]
    merged = parse('[[rule]]\nmerge = ["甲乙能源", "甲乙新能"]\n')
    assert _labels(resolve(xs, (), merged)) == {"甲乙能源": ("甲乙新能",)} and merged.notes == []


def test_a_government_by_its_everyday_name_is_the_one_named_in_full():
    from handmade import extraction

    a = extraction("a.txt", "临江市人民政府与甲乙公司签约。", [("GovernmentBody", "临江市人民政府", ())], [])
    b = extraction("b.txt", "临江市政府与丙丁公司签约。", [("GovernmentBody", "临江市政府", ())], [])
    govs = [e for e in resolve([a, b]).entities if e.type == "GovernmentBody"]
    assert len(govs) == 1 and govs[0].label == "临江市人民政府" and "临江市政府" in govs[0].alt_labels, govs
