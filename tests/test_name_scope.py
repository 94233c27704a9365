"""kg.name_scope: an entity whose name does not say which one it is (新闻发布会, 市财政局) is one
only within one story.

Every name here is invented for the test.
"""

from __future__ import annotations

import pytest
from handmade import extraction

from kg.api import KnowledgeGraph
from kg.name_scope import is_descriptive, is_generic_event, is_relative_organ
from kg.resolve import resolve


@pytest.mark.parametrize("name", ["新闻发布会", "签约仪式", "重点项目集中签约仪式", "开幕式暨重点项目签约仪式",
                                  "2025年重大项目集中开工仪式", "第二批项目集中开工仪式", "全市招商推介会", "“云签约”仪式",
                                  "例行新闻发布会", "市政府新闻发布会", "2025年第一季度重大项目集中开工活动", "二季度重大项目集中开工活动",
                                  "第二场新闻发布会", "政策解读新闻发布会", "政银企对接会", "经贸合作签约仪式", "新能源项目签约仪式"])
def test_a_name_of_no_particular_event_is_generic(name):
    assert is_generic_event(name)


@pytest.mark.parametrize("name", ["甲乙市新兴产业发展大会", "2025甲乙招商大会", "丙丁智能制造企业座谈会",
                                  "甲乙市支持装备制造业发展若干措施新闻发布会", "新年第一会", "甲乙新城"])
def test_a_name_that_says_which_event_is_not(name):
    assert not is_generic_event(name)


@pytest.mark.parametrize(("name", "relative"), [("市财政局", True), ("省工业和信息化厅", True), ("自治区人民政府", True), ("管委会", True),
                                              ("我市商务局", True), ("甲乙市财政局", False), ("市中区人民政府", False), ("区块链产业协会", False)])
def test_an_organ_named_relative_to_the_articles_place(name, relative):
    assert is_relative_organ(name) is relative


@pytest.mark.parametrize(("name", "kind", "descriptive"), [
    ("年产5GWh储能电池项目", "Project", True), ("二期项目", "Project", True), ("年产10GW光伏组件项目", "Project", True),
    ("研发中心项目", "Project", True), ("数字经济产业园", "Park", True), ("丙丁光伏项目", "Project", False), ("小米汽车工厂项目", "Project", False), ("大数据产业园", "Park", True), ("集成电路产业园", "Park", True),
    ("鼎升储能电池项目", "Project", False),  # (a brand: characters that are no word of their own)
    ("合肥储能电池项目", "Project", False), ("苏州数字经济产业园", "Park", False), ("宁东绿氢耦合煤化工示范项目", "Project", False)])
def test_a_park_or_project_named_only_by_what_it_makes(name, kind, descriptive):
    assert is_descriptive(name, kind) is descriptive


def _signing(name: str, places: list[str], investor: str | None = None, project: str = "年产5GWh储能电池项目", note: str = ""):
    text = f"{note}{investor or ''}{project}落户{'、'.join(places)}。"
    entities = [("Project", project, ())] + [("Park" if p.endswith("区") else "Place", p, ()) for p in places]
    relations = [("locatedIn", project, p, "落户") for p in places]
    if investor:
        entities.append(("Company", investor, ()))
        relations.append(("investor", project, investor, "落户"))
    return extraction(name, text, entities, relations)


def _projects(res) -> list[str]:
    return sorted(e.scope for e in res.entities if e.top_type == "Project")


def test_projects_of_one_descriptive_name_are_one_in_one_city():
    # two cities: two projects (one 年产10GW光伏组件项目 of 徐州 and 盐城 summed both cities' money)
    assert _projects(resolve([_signing("a.txt", ["合肥高新区"]), _signing("b.txt", ["常州经开区"])])) == ["in city 合肥", "in city 常州"]
    # one story from several outlets: one left out the investor, one placed it more finely, one in the city
    outlets = [_signing("a.txt", ["合肥高新区"], "甲乙新能源有限公司"), _signing("b.txt", ["合肥高新区"], note="据报道,"),
               _signing("c.txt", ["蜀山"], note="昨日,"), _signing("d.txt", ["合肥"], note="日前,")]
    assert _projects(resolve(outlets)) == ["in city 合肥 by 甲乙新能源有限公司"]
    # two firms' projects of one name in one city are two; an outlet naming neither joins no one
    firms = [_signing("a.txt", ["合肥高新区"], "甲乙新能源有限公司", "二期项目"), _signing("b.txt", ["合肥经开区"], "丙丁材料有限公司", "二期项目"),
             _signing("c.txt", ["合肥"], project="二期项目", note="据报道,")]
    assert _projects(resolve(firms)) == ["in city 合肥", "in city 合肥 by 丙丁材料有限公司", "in city 合肥 by 甲乙新能源有限公司"]
    # a project in each city's 数字经济产业园: each placed by its park's own city
    def in_park(name: str, city: str):
        return extraction(name, f"大数据中心项目落户{city}数字经济产业园。", [("Project", "大数据中心项目", ()), ("Park", "数字经济产业园", ()), ("Place", city, ())],
                          [("locatedIn", "大数据中心项目", "数字经济产业园", "落户"), ("locatedIn", "数字经济产业园", city, "落户")])
    res = resolve([in_park("a.txt", "宜宾"), in_park("b.txt", "泸州")])
    assert _projects(res) == ["in city 宜宾", "in city 泸州"]
    assert sorted(e.scope for e in res.entities if e.top_type == "Park") == ["in city 宜宾", "in city 泸州"]
    unplaced = [extraction(n, f"{d}年产5GWh储能电池项目开工。", [("Project", "年产5GWh储能电池项目", ())], []) for n, d in (("a.txt", "3日"), ("b.txt", "5日"))]
    assert len(_projects(resolve(unplaced))) == 2  # nothing says they are one


def _conference(name: str, person: str, city: str, date: str | None = None, place: str | None = None, plan: str | None = None):
    text = f"{city}市政府召开新闻发布会。{person}出席发布会。" + (f"会上发布{plan}。" if plan else "")
    entities = [("Event", "新闻发布会", ()), ("Person", person, ()), ("GovernmentBody", f"{city}市政府", ())]
    relations = [("participatedIn", person, "新闻发布会", "出席发布会"), ("participatedIn", f"{city}市政府", "新闻发布会", "召开")]
    if plan is not None:
        entities.append(("Initiative", plan, ()))
        relations.append(("launched", "新闻发布会", plan, "会上发布"))
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
    plans = [_conference("a.txt", "子丑", "甲城", "2025-03-01", "甲城", "甲方案"), _conference("b.txt", "寅卯", "甲城", "2025-03-01", "甲城", "乙方案")]
    assert len(_events(resolve(plans))) == 2  # two conferences of one day and city, each releasing its own plan
    copies = [_conference("a.txt", "子丑", "甲城", "2025-03-01", "甲城", "甲方案"), _conference("b.txt", "寅卯", "甲城", "2025-03-01", "甲城", "甲方案")]
    assert _events(resolve(copies)) == [("新闻发布会", "on 2025-03-01 at 甲城 with 甲方案")]


def test_an_organ_of_an_unnamed_city_is_its_articles_own():
    def bureau(name: str, person: str):
        return extraction(name, f"市财政局局长{person}出席。", [("GovernmentBody", "市财政局", ()), ("Person", person, ())],
                          [("holdsPosition", person, "市财政局", "出席", "局长")])

    res = resolve([bureau("a.txt", "子丑"), bureau("b.txt", "寅卯")])
    assert sorted((e.label, e.scope) for e in res.entities if e.top_type == "Organization") == [
        ("市财政局", "held by 子丑"), ("市财政局", "held by 寅卯")]
    retold = [bureau("a.txt", "子丑"), extraction("c.txt", "据报道,市财政局局长子丑出席。", [("GovernmentBody", "市财政局", ()), ("Person", "子丑", ())],
                                                  [("holdsPosition", "子丑", "市财政局", "出席", "局长")])]
    assert len([e for e in resolve(retold).entities if e.top_type == "Organization"]) == 1  # one story, two outlets
    unheld = [extraction(n, f"{d}市财政局出席。", [("GovernmentBody", "市财政局", ())], []) for n, d in (("a.txt", "3日"), ("b.txt", "5日"))]
    assert len({e.scope for e in resolve(unheld).entities}) == 2
    named = [extraction(n, f"甲乙市财政局局长{p}出席。", [("GovernmentBody", "甲乙市财政局", ())], []) for n, p in (("a.txt", "子丑"), ("b.txt", "寅卯"))]
    assert [e.label for e in resolve(named).entities] == ["甲乙市财政局"]


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


def test_a_merge_keeps_the_kept_events_iri_and_never_joins_two_conferences(tmp_path):
    stories = [_conference("a.txt", "子丑", "甲城"), _conference("b.txt", "寅卯", "乙城"),
               extraction("c.txt", "甲城市推进大会召开。", [("Event", "甲城市推进大会", ())], []),
               extraction("d.txt", "乙城市推进大会召开。", [("Event", "乙城市推进大会", ())], [])]
    kg = KnowledgeGraph.from_extractions(stories)
    rows = kg.query("SELECT ?e ?who WHERE { ?e a cy:Event . ?p cy:participatedIn ?e ; rdfs:label ?who }")
    first, second = (rows[rows["who"] == who]["e"].iloc[0] for who in ("子丑", "寅卯"))
    cur = tmp_path / "c.toml"  # each conference merged with another event: two merges, asked apart
    cur.write_text(f'[[rule]]\nmerge = ["{first}", "甲城市推进大会"]\n[[rule]]\nmerge = ["{second}", "乙城市推进大会"]\n', encoding="utf-8")
    kg = KnowledgeGraph.from_extractions(stories, curation=cur)
    rows = kg.query("SELECT ?e ?who WHERE { ?e a cy:Event . ?p cy:participatedIn ?e ; rdfs:label ?who }")
    assert sorted(zip(rows["e"], rows["who"])) == sorted([(first, "子丑"), (first, "甲城市政府"), (second, "寅卯"), (second, "乙城市政府")])
    assert kg.path("子丑", "寅卯") == []


def test_the_curation_tells_them_apart_by_iri(tmp_path):
    stories = [_conference("a.txt", "子丑", "甲城"), _conference("b.txt", "寅卯", "乙城")]
    kg = KnowledgeGraph.from_extractions(stories)
    iris = kg.query("SELECT ?e ?who WHERE { ?e a cy:Event . ?p cy:participatedIn ?e ; rdfs:label ?who }")
    first = iris[iris["who"] == "子丑"]["e"].iloc[0]
    cur = tmp_path / "c.toml"
    cur.write_text('[[rule]]\nrename = "新闻发布会"\nto = "甲城新闻发布会"\n', encoding="utf-8")
    ambiguous = KnowledgeGraph.from_extractions(stories, curation=cur)
    assert "names 2 entities" in ambiguous.report.warnings[0] and "or the IRI" in ambiguous.report.warnings[0]
    cur.write_text(f'[[rule]]\nrename = "<{first}>"\nto = "甲城新闻发布会"\n', encoding="utf-8")  # (as SPARQL writes it)
    kg = KnowledgeGraph.from_extractions(stories, curation=cur)
    labels = kg.query("SELECT ?l ?who WHERE { ?e a cy:Event ; rdfs:label ?l . ?p cy:participatedIn ?e ; rdfs:label ?who }")
    assert sorted(zip(labels["l"], labels["who"])) == sorted([("甲城新闻发布会", "子丑"), ("甲城新闻发布会", "甲城市政府"),
                                                               ("新闻发布会", "乙城市政府"), ("新闻发布会", "寅卯")])


def test_the_candidates_say_their_article_and_an_iri_in_brackets_is_an_iri():
    from kg.names import AmbiguousEntity

    kg = KnowledgeGraph.from_extractions([_conference("a.txt", "子丑", "甲城"), _conference("b.txt", "寅卯", "乙城")])
    with pytest.raises(AmbiguousEntity) as lookup:
        kg.lookup("新闻发布会")
    assert sorted(c.first_file for c in lookup.value.candidates) == ["a.txt", "b.txt"]
    assert "1 article (a.txt)" in str(lookup.value)
    with pytest.raises(AmbiguousEntity) as parameter:
        kg.query("entity_card", entity="新闻发布会")
    assert sorted(c.first_file for c in parameter.value.candidates) == ["a.txt", "b.txt"]
    iri = lookup.value.candidates[0].iri
    card = kg.query("entity_card", entity=f"<{iri}>")
    assert set(card["e"]) == {iri} and "participatedIn" in set(card["property"])
    assert kg.lookup(f"<{iri}>").iri == iri


def test_a_short_name_joins_the_full_name_its_own_article_gives_it():
    # (宜宾三江新区数字经济产业园, then 数字经济产业园: the bare park was a second one with the firms)
    full, bare = "甲乙新区数字经济产业园", "数字经济产业园"
    a = extraction("a.txt", f"{full}开园。丙丁有限公司入驻{bare}。", [("Park", full, (bare,)), ("Park", bare, ()), ("Company", "丙丁有限公司", ())],
                   [("settledIn", "丙丁有限公司", bare, "入驻")])
    other = extraction("b.txt", f"戊己有限公司入驻{bare}。", [("Park", bare, ()), ("Company", "戊己有限公司", ())],
                       [("settledIn", "戊己有限公司", bare, "入驻")])
    res = resolve([a, other])
    parks = sorted((e.label, e.scope) for e in res.entities if e.top_type == "Park")
    assert parks[0] == (bare, f"in {other.article.digest}") and parks[1] == (full, "")  # another article's stays its own
    assert res.lookup(a.article.digest, bare).label == full


def test_cities_of_a_province_and_its_city_and_of_a_province_prefixed_park():
    from kg.name_scope import _city

    assert [_city(p) for p in ("安徽合肥高新区", "浙江省宁波市", "蜀山", "北京经济技术开发区")] == ["合肥", "宁波", "合肥", "北京"]
    assert _projects(resolve([_signing("a.txt", ["浙江", "宁波"]), _signing("b.txt", ["宁波"], note="据报道,")])) == ["in city 宁波"]
    assert _projects(resolve([_signing("a.txt", ["安徽合肥高新区"]), _signing("b.txt", ["安徽芜湖高新区"])])) == ["in city 合肥", "in city 芜湖"]
    assert is_descriptive("新能源产业园二期项目", "Project")  # (an industry's park and a phase)


def _official(name: str, person: str, posts: list[tuple[str, str]], note: str = ""):
    text = note + "".join(f"{org}{title}{person}出席。" for org, title in posts) + (f"{person}出席。" if not posts else "")
    entities = [("Person", person, ())] + [("GovernmentBody", org, ()) for org, _ in posts]
    relations = [("holdsPosition", person, org, f"{org}{title}", title) for org, title in posts]
    return extraction(name, text, entities, relations)


def _people(res) -> list[str]:
    return sorted(e.scope for e in res.entities if e.top_type == "Person")


def test_namesakes_with_posts_in_different_bodies_are_different_people():
    res = resolve([_official("a.txt", "周海川", [("甲城市委", "市委常委"), ("甲城新区工委", "工委书记")]),
                   _official("b.txt", "周海川", [("乙城高新区党工委", "党工委书记")]),
                   _official("c.txt", "周海川", [("丙丁动力科技股份有限公司", "董事长")])])
    assert len(_people(res)) == 3, _people(res)


def test_one_official_told_by_several_outlets_is_one_person():
    res = resolve([_official("a.txt", "周海川", [("甲城市委", "市委常委"), ("甲城新区工委", "工委书记")]),
                   _official("b.txt", "周海川", [("甲城新区工委", "工委书记")], note="另一家媒体报道。"),
                   _official("c.txt", "周海川", [], note="第三家媒体报道。")])
    assert len(_people(res)) == 1, _people(res)


def test_a_person_named_with_no_post_stays_apart_from_namesakes_of_two_bodies():
    res = resolve([_official("a.txt", "周海川", [("甲城市委", "市委常委")]),
                   _official("b.txt", "周海川", [("乙城高新区党工委", "党工委书记")]),
                   _official("c.txt", "周海川", [], note="第三家媒体报道。")])
    assert len(_people(res)) == 3, _people(res)


def test_posts_the_text_names_no_body_for_still_tell_namesakes_apart():
    """市长X, 松阳市副市长X: posts with no organisation are posts of a city (the one written before the
    title, else the article's), so a namesake of another city's government stays apart."""
    a = extraction("a.txt", "临江市委副书记、市长韩书海出席。",
                   [("Person", "韩书海", ()), ("GovernmentBody", "临江市委", ()), ("GovernmentBody", "临江市人民政府", ())],
                   [("holdsPosition", "韩书海", "临江市委", "临江市委副书记", "市委副书记"),
                    ("holdsPosition", "韩书海", "临江市人民政府", "市长韩书海", "市长")])
    b = extraction("b.txt", "临江今天举行推介会。市长韩书海致辞。",
                   [("Place", "临江", ()), ("Person", "韩书海", ())],
                   [("holdsPosition", "韩书海", None, "市长韩书海", "市长")])
    c = extraction("c.txt", "松阳县副县长韩书海出席。",
                   [("Place", "松阳", ()), ("Person", "韩书海", ())],
                   [("holdsPosition", "韩书海", None, "副县长韩书海", "副县长")])
    people = [e for e in resolve([a, b, c]).entities if e.top_type == "Person"]
    assert len(people) == 2, [e.scope for e in people]


def test_a_query_that_binds_labels_takes_an_iri_of_a_name_one_entity_has_and_refuses_a_namesakes():
    from kg.library import QueryError

    kg = KnowledgeGraph.from_extractions([_official("a.txt", "周海川", [("甲城市委", "市委常委")]),
                                          _official("b.txt", "周海川", [("乙城高新区党工委", "党工委书记")]),
                                          _official("c.txt", "吴明远", [("甲城市委", "市委书记")])])
    one = next(e for e in kg.to_networkx().nodes(data=True) if e[1].get("label") == "吴明远")[0]
    rows = kg.query("people_posts", person=one)
    assert list(rows["person"]) == ["吴明远"], rows
    some = next(e for e in kg.to_networkx().nodes(data=True) if e[1].get("label") == "周海川")[0]
    with pytest.raises(QueryError, match="one of 2 entities labelled 周海川"):
        kg.query("people_posts", person=some)
