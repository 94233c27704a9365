"""kg.event_scope: an event of a generic name (新闻发布会) is one only within one story.

Every name here is invented for the test.
"""

from __future__ import annotations

import pytest
from handmade import extraction

from kg.api import KnowledgeGraph
from kg.event_scope import is_generic_event
from kg.resolve import resolve


@pytest.mark.parametrize("name", ["新闻发布会", "签约仪式", "重点项目集中签约仪式", "开幕式暨重点项目签约仪式",
                                  "2025年重大项目集中开工仪式", "第二批项目集中开工仪式", "全市招商推介会", "“云签约”仪式"])
def test_a_name_of_no_particular_event_is_generic(name):
    assert is_generic_event(name)


@pytest.mark.parametrize("name", ["甲乙市新兴产业发展大会", "2025甲乙招商大会", "丙丁智能制造企业座谈会",
                                  "甲乙市支持装备制造业发展若干措施新闻发布会", "新年第一会", "甲乙新城"])
def test_a_name_that_says_which_event_is_not(name):
    assert not is_generic_event(name)


def _conference(name: str, person: str, city: str, date: str | None = None, place: str | None = None):
    text = f"{city}市政府召开新闻发布会。{person}出席发布会。"
    entities = [("Event", "新闻发布会", ()), ("Person", person, ()), ("GovernmentBody", f"{city}市政府", ())]
    relations = [("participatedIn", person, "新闻发布会", "出席发布会"), ("participatedIn", f"{city}市政府", "新闻发布会", "召开")]
    if date is not None:
        from kg.model import DateValue

        relations.append(("date", "新闻发布会", DateValue(date), "召开"))
    if place is not None:
        entities.append(("Place", place, ()))
        relations.append(("location", "新闻发布会", place, "召开"))
    return extraction(name, text, entities, relations)


def _events(res) -> list[tuple[str, str]]:
    return sorted((e.label, e.scope) for e in res.entities if e.top_type == "Event")


def test_generic_events_of_two_stories_are_two_entities():
    res = resolve([_conference("a.txt", "子丑", "甲城"), _conference("b.txt", "寅卯", "乙城")])
    events = _events(res)
    assert [label for label, _ in events] == ["新闻发布会", "新闻发布会"]
    assert len({scope for _, scope in events}) == 2


def test_one_date_and_place_make_one_event_across_outlets():
    same = [_conference("a.txt", "子丑", "甲城", "2025-03-01", "甲城"), _conference("b.txt", "寅卯", "甲城", "2025-03-01", "甲城")]
    assert _events(resolve(same)) == [("新闻发布会", "on 2025-03-01 at 甲城")]
    other_day = [same[0], _conference("c.txt", "寅卯", "甲城", "2025-03-02", "甲城")]
    assert len(_events(resolve(other_day))) == 2
    no_place = [_conference("a.txt", "子丑", "甲城", "2025-03-01"), _conference("b.txt", "寅卯", "乙城", "2025-03-01")]
    assert len(_events(resolve(no_place))) == 2  # the same day is not enough


def test_a_named_event_is_still_one_across_articles():
    def named(name: str, person: str):
        return extraction(name, f"{person}出席甲乙市新兴产业发展大会。", [("Event", "甲乙市新兴产业发展大会", ()), ("Person", person, ())],
                          [("participatedIn", person, "甲乙市新兴产业发展大会", "出席")])

    assert _events(resolve([named("a.txt", "子丑"), named("b.txt", "寅卯")])) == [("甲乙市新兴产业发展大会", "")]


def test_no_path_through_a_generic_name_and_the_same_graph_in_any_order(tmp_path):
    stories = [_conference("a.txt", "子丑", "甲城"), _conference("b.txt", "寅卯", "乙城")]
    kg = KnowledgeGraph.from_extractions(stories)
    assert kg.path("子丑", "寅卯") == []  # (one 新闻发布会 joined every speaker of every conference)
    rows = kg.query("SELECT ?e (COUNT(?p) AS ?n) WHERE { ?p cy:participatedIn ?e . ?e a cy:Event } GROUP BY ?e")
    assert sorted(rows["n"]) == [2, 2]
    again = KnowledgeGraph.from_extractions(stories[::-1])
    quads = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    assert kg.query(quads).equals(again.query(quads))


def test_the_curation_tells_them_apart_by_iri(tmp_path):
    stories = [_conference("a.txt", "子丑", "甲城"), _conference("b.txt", "寅卯", "乙城")]
    kg = KnowledgeGraph.from_extractions(stories)
    iris = kg.query("SELECT ?e ?who WHERE { ?e a cy:Event . ?p cy:participatedIn ?e ; rdfs:label ?who }")
    first = iris[iris["who"] == "子丑"]["e"].iloc[0]
    cur = tmp_path / "c.toml"
    cur.write_text('[[rule]]\nrename = "新闻发布会"\nto = "甲城新闻发布会"\n', encoding="utf-8")
    ambiguous = KnowledgeGraph.from_extractions(stories, curation=cur)
    assert "names 2 entities" in ambiguous.report.warnings[0] and "or the IRI" in ambiguous.report.warnings[0]
    cur.write_text(f'[[rule]]\nrename = "{first}"\nto = "甲城新闻发布会"\n', encoding="utf-8")
    kg = KnowledgeGraph.from_extractions(stories, curation=cur)
    labels = kg.query("SELECT ?l ?who WHERE { ?e a cy:Event ; rdfs:label ?l . ?p cy:participatedIn ?e ; rdfs:label ?who }")
    assert sorted(zip(labels["l"], labels["who"])) == sorted([("甲城新闻发布会", "子丑"), ("甲城新闻发布会", "甲城市政府"),
                                                               ("新闻发布会", "乙城市政府"), ("新闻发布会", "寅卯")])
