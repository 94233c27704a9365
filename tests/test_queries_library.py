"""The named query library (queries/*.rq): headers, and answers on a hand-made graph and the seed graph."""

from __future__ import annotations

import pytest

from kg.query import QueryError, list_queries, run_query

#: The analyst questions of issue 4 (the graph/API engineer owns the others).
LIBRARY = (
    "brokers",
    "people_by_organization",
    "entity_card",
    "investment_by_park",
    "investment_by_industry",
    "investment_by_investor",
    "projects_by_event",
    "firms_by_park",
    "industries_rollup",
    "timeline",
    "multi_article_entities",
)


def q(ds, name, **params):
    return run_query(ds, name, params)


def test_every_query_has_a_header():
    infos = {i.name: i for i in list_queries()}
    for name in LIBRARY:
        info = infos[name]
        assert info.title and info.title != name, name
        assert info.question.endswith("?") or info.question, name
        text = info.text
        assert "# params:" in text, name
        for param, description in info.params:
            assert description, f"{name}: parameter {param} is not described"
            assert f"?{param}" in text.split("SELECT", 1)[1].split("WHERE", 1)[0], f"{name}: ?{param} must be projected"


def test_brokers(contract_ds):
    df = q(contract_ds, "brokers")
    assert list(df["firm"]) == ["友达光电"]
    assert int(df["initiatives"][0]) == 3
    assert set(df["initiativeLabels"][0].split("、")) == {"链长制", "昆山市新兴产业生态联盟计划", "元宇宙产业三年行动计划"}


def test_people_by_organization(contract_ds):
    df = q(contract_ds, "people_by_organization")
    rows = {r.organization: r for r in df.itertuples()}
    assert rows["清陶(昆山)能源发展股份有限公司"].posts == "冯玉川 董事长"
    assert rows["昆山市委"].type == "GovernmentBody"
    assert "王永锟" not in " ".join(df["posts"])  # a post without an organisation has no row


def test_entity_card_by_alias_and_by_iri(contract_ds):
    card = q(contract_ds, "entity_card", entity="清陶")
    assert set(card["subject"]) == {"清陶(昆山)能源发展股份有限公司"}
    post = card[card["property"] == "holdsPosition"].iloc[0]
    assert (post["value"], post["title"], post["source"], post["direction"]) == ("冯玉川", "董事长", "a1.txt", "←")
    assert "董事长冯玉川" in post["sentence"]
    facts = card[card["sentence"].notna()]
    assert set(facts["property"]) == {"holdsPosition", "partnerOf", "inIndustry"}
    assert (facts["source"] == "a1.txt").all()
    iri = card[card["property"] == "partnerOf"]["other"].iloc[0]
    iri_of_qingtao = card["e"].iloc[0]
    other = q(contract_ds, "entity_card", entity=iri)
    assert set(other["subject"]) == {"上汽集团"}
    back = other[other["property"] == "partnerOf"].iloc[0]
    assert back["direction"] == "←" and back["value"] == "清陶(昆山)能源发展股份有限公司"
    event = q(contract_ds, "entity_card", entity="昆山市新兴产业发展大会")
    money = event[event["property"] == "investment"].iloc[0]
    assert money["value"] == "98060000000 CNY" and "980.6亿元" in money["sentence"]
    # the post from the person's side (an n-ary node: the organisation is the value, the title beside it)
    person = q(contract_ds, "entity_card", entity="冯玉川")
    held = person[person["property"] == "holdsPosition"].iloc[0]
    assert (held["value"], held["title"], held["direction"], held["other"]) == ("清陶(昆山)能源发展股份有限公司", "董事长", "→", iri_of_qingtao)


def test_entity_card_needs_a_name_and_is_injection_safe(contract_ds):
    with pytest.raises(QueryError, match="needs entity"):
        q(contract_ds, "entity_card")
    assert q(contract_ds, "entity_card", entity='清陶" } ?s ?p ?o { "').empty
    with pytest.raises(QueryError, match="bad parameter"):
        q(contract_ds, "entity_card", entity="http://x> } ?s ?p ?o { <http://y")


def test_investment_tables_never_add_currencies(contract_ds):
    inv = q(contract_ds, "investment_by_investor")
    youda = inv[inv["investor"] == "友达光电"].set_index("currency")
    assert int(youda.loc["USD", "total"]) == 1_800_000_000
    assert int(youda.loc["CNY", "total"]) == 5_000_000_000
    park = q(contract_ds, "investment_by_park")
    kunshan = park[(park["location"] == "昆山") & (park["kind"] == "Project")].set_index("currency")
    assert int(kunshan.loc["USD", "total"]) == 1_800_000_000 and int(kunshan.loc["CNY", "total"]) == 5_000_000_000
    # parks first; a project in a park inside another park counts for both
    assert park.iloc[0]["locationType"] == "Park"
    assert {"昆山元宇宙产业创新中心", "昆山开发区"} <= set(park[park["locationType"] == "Park"]["location"])
    ind = q(contract_ds, "investment_by_industry")
    row = ind[ind["industry"] == "新显示"].iloc[0]
    assert (row["kind"], row["currency"], int(row["total"])) == ("Project", "CNY", 5_000_000_000)
    for df in (inv, park, ind):
        assert df.groupby(list(df.columns[: list(df.columns).index("currency") + 1])).size().max() == 1


def test_projects_by_event(contract_ds):
    df = q(contract_ds, "projects_by_event")
    dahui = df[df["event"] == "昆山市新兴产业发展大会"]
    assert set(dahui["project"]) == {"友达LTPS超窄边框面板项目", "智能通信设备项目"}
    row = dahui[dahui["project"] == "友达LTPS超窄边框面板项目"].iloc[0]
    assert (int(row["value"]), row["currency"], row["investor"]) == (1_800_000_000, "USD", "友达光电")


def test_firms_by_park(contract_ds):
    df = q(contract_ds, "firms_by_park")
    assert [tuple(r) for r in df[["park", "organization", "relation"]].itertuples(index=False)] == [
        ("昆山元宇宙产业创新中心", "硅基智能", "settledIn")
    ]


def test_industries_rollup_finds_narrower_industries(contract_ds):
    df = q(contract_ds, "industries_rollup", industry="新能源")
    assert set(df["broader"]) == {"新能源"}
    found = dict(zip(df["entity"], df["direct"]))
    assert found["链长制"] == "新能源"
    assert found["清陶(昆山)能源发展股份有限公司"] == "新能源汽车"
    assert found["昆山开发区"] == "固态锂电池"  # two levels down
    assert list(df["type"])[:2] == ["Park", "Initiative"]
    # an alias of the broader industry works too; a narrower one does not find the broader
    assert set(q(contract_ds, "industries_rollup", industry="新能源产业")["entity"]) == set(found)
    assert "链长制" not in set(q(contract_ds, "industries_rollup", industry="新能源汽车")["entity"])
    everything = q(contract_ds, "industries_rollup")
    assert {"新能源", "新能源汽车", "元宇宙"} <= set(everything["broader"])


def test_timeline_is_ordered(contract_ds):
    df = q(contract_ds, "timeline")
    assert list(df["event"]) == ["昆山市新兴产业发展大会", "元宇宙产业发展大会"]
    assert list(df["date"].dt.strftime("%Y-%m-%d")) == ["2021-11-09", "2023-05-01"]
    assert list(df["date_precision"]) == ["day", "month"]
    assert df.iloc[0]["amount"] == 98_060_000_000.0 and df.iloc[0]["currency"] == "CNY"


def test_multi_article_entities(contract_ds):
    df = q(contract_ds, "multi_article_entities")
    assert set(df["entity"]) == {"友达光电", "昆山"}
    assert (df["articles"].astype(int) == 2).all()


# ---------------------------------------------------------------- seed graph

SEED_PARAMS = {"entity_card": {"entity": "冯玉川"}, "industries_rollup": {"industry": "新能源"}}


@pytest.mark.parametrize("name", LIBRARY)
def test_seed_every_query_answers(seed_kg, name):
    df = seed_kg.query(name, **SEED_PARAMS.get(name, {}))
    assert len(df) > 0, name


def test_seed_entity_card_gives_sources(seed_kg):
    card = seed_kg.query("entity_card", entity="冯玉川")
    posts = card[card["property"] == "holdsPosition"]
    assert any("清陶" in str(v) and t == "董事长" for v, t in zip(posts["value"], posts["title"]))
    facts = card[card["sentence"].notna()]
    assert len(facts) and facts["source"].str.endswith(".txt").all()
    assert all("冯玉川" in s for s in facts["sentence"])


#: Every (fact, stating sentence) of the entity as the card's branches find them, plainly.
PLAIN_STATED = """
SELECT ?direction ?p ?other ?source ?offset ?sentence WHERE {
  { GRAPH <https://w3id.org/chanye/id/graph/statements> { ?st rdf:subject ?e ; rdf:predicate ?p ; rdf:object ?other } BIND("→" AS ?direction) }
  UNION { GRAPH <https://w3id.org/chanye/id/graph/statements> { ?st rdf:object ?e ; rdf:predicate ?p ; rdf:subject ?other } BIND("←" AS ?direction) }
  GRAPH ?a { ?sn cy:states ?st ; cy:text ?sentence ; cy:startOffset ?offset } ?a cy:sourceFile ?source .
}"""


def test_seed_entity_card_is_one_row_per_fact_with_its_articles_and_first_sentence(seed_kg):
    """One row per fact: the number of articles stating it, and the first stating sentence by
    article file, then offset (the others reachable in the store); seeds' cards lose no fact."""
    for name in ("冯玉川", "友达光电", "昆山市新兴产业发展大会"):
        card = seed_kg.query("entity_card", entity=name)
        e = card["e"].iloc[0]
        stated: dict[tuple[str, str, str], list[tuple[str, int, str]]] = {}
        for d, p, other, source, offset, sentence in seed_kg.query(PLAIN_STATED, e=e).itertuples(index=False):
            stated.setdefault((d, p.split("#")[1], other), []).append((source, offset, sentence))
        facts = card[card["direction"] != ""]
        assert facts["facts"].isna().all()  # no relation of the seeds is above the card's limit
        simple = facts[facts["other"].notna() & ~facts["property"].isin(["holdsPosition", "investment"])]
        assert len(simple) and len(simple) == len(simple.drop_duplicates(["direction", "property", "other"]))
        for row in simple.itertuples():
            found = stated[(row.direction, row.property, row.other)]
            assert row.articles == len({s for s, _, _ in found})
            assert (row.source, row.sentence) == min(found)[::2]
        mentions = card[card["property"] == "mentionedIn"]
        assert (mentions["articles"] == 1).all() and mentions["source"].is_unique


def test_seed_rollup_finds_narrower_industries(seed_kg):
    df = seed_kg.query("industries_rollup", industry="新能源")
    assert (df["direct"] != "新能源").any(), df


def test_seed_investments_are_per_currency(seed_kg):
    for name in ("investment_by_park", "investment_by_industry", "investment_by_investor"):
        df = seed_kg.query(name)
        assert set(df["currency"]) <= {"CNY", "USD", "EUR", "JPY", "HKD"}
    inv = seed_kg.query("investment_by_investor")
    assert "USD" in set(inv["currency"])


@pytest.mark.parametrize("name", LIBRARY + ("firm_initiative_links", "people_posts"))
def test_named_queries_give_the_same_rows_with_a_union_default_graph(seed_kg, name):
    """Servers differ in what the default graph is (Oxigraph/Fuseki can make it the union of all graphs):
    the named queries must not care, since no fact pattern matches an evidence node."""
    from kg.query import bind_values, resolve_query

    text = bind_values(resolve_query(name)[0], SEED_PARAMS.get(name, {}))
    store = seed_kg.store
    rows = lambda union: sorted(tuple(str(t) for t in s) for s in store.query(text, use_default_graph_as_union=union))  # noqa: E731
    assert rows(False) == rows(True), name


def test_investment_tables_list_the_largest_items_first():
    """On a synthetic graph (an industry or park of a hundred projects) investment_by_park and
    investment_by_industry list five items, the largest by amount first (ties by label), and "…"
    when the row sums more."""
    import pyoxigraph as ox

    from kg.query import answer
    from kg.synthetic import synthetic_quads

    store = ox.Store()
    store.extend(synthetic_quads(triples=20000))
    amounts = """SELECT ?item ?currency (MAX(?value) AS ?largest) { ?x rdfs:label ?item ; cy:investment ?amt .
                 ?amt <https://schema.org/value> ?value ; <https://schema.org/currency> ?currency } GROUP BY ?item ?currency"""
    largest = {(r[0], r[1]): r[2] for r in answer(store, amounts).rows}
    for name in ("investment_by_park", "investment_by_industry"):
        found = answer(store, name)
        col = {c: i for i, c in enumerate(found.columns)}
        assert any(r[col["items"]] > 5 for r in found.rows), name
        for r in found.rows:
            names, items = str(r[col["largestItems"]]).split("、"), r[col["items"]]
            if items > 5:
                assert len(names) == 6 and names.pop() == "…", r
            else:
                assert 1 <= len(names) <= items and "…" not in names, r
            keys = [(-largest[(n, r[col["currency"]])], n) for n in names]
            assert keys == sorted(keys), (name, r)


def test_investment_by_event_aggregates_an_event_reported_with_varying_figures():
    """An event that several articles report with different dates, places, project counts and amounts:
    one row per amount (and per currency of its signed projects), each with the earliest date, the
    places sorted and the largest project count (aggregated per event before the amounts are joined;
    joined plainly they multiplied: 6 s at 773k triples of real articles)."""
    import pyoxigraph as ox

    from kg.store import memory_dataset

    text = """@prefix cy: <https://w3id.org/chanye/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix schema: <https://schema.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix : <http://example.org/> .
    :ev a cy:Event ; rdfs:label "测试大会"@zh ; cy:date "2024-05-02"^^xsd:date, "2024-05-01"^^xsd:date ;
        cy:location :p1, :p2 ; cy:projectCount 10, 12 ; cy:investment :a1, :a2 .
    :p1 rdfs:label "苏州"@zh . :p2 rdfs:label "昆山"@zh .
    :a1 schema:value 100.0 ; schema:currency "CNY" . :a2 schema:value 200.0 ; schema:currency "CNY" .
    :j1 a cy:Project ; cy:signedAt :ev ; cy:investment :a3 . :a3 schema:value 50.0 ; schema:currency "CNY" .
    :j2 a cy:Project ; cy:signedAt :ev ; cy:investment :a4, :a5 .
    :a4 schema:value 70.0 ; schema:currency "CNY" . :a5 schema:value 5.0 ; schema:currency "USD" .
    :quiet a cy:Event ; rdfs:label "无地点大会"@zh ; cy:investment :a6 . :a6 schema:value 1.0 ; schema:currency "CNY" ."""
    ds = memory_dataset(ox.parse(text, ox.RdfFormat.TURTLE))
    df = q(ds, "investment_by_event")
    import pandas as pd

    def value(x, as_):
        return None if pd.isna(x) else as_(x)

    rows = sorted((r.event, value(r.date, lambda d: str(d.date())), value(r.location, str), value(r.projectCount, int),
                   float(r.amount), r.currency, r.basis) for r in df.itertuples())
    assert rows == sorted([
        ("测试大会", "2024-05-01", "昆山、苏州", 12, 5.0, "USD", "signed projects"),
        ("测试大会", "2024-05-01", "昆山、苏州", 12, 100.0, "CNY", "stated total"),
        ("测试大会", "2024-05-01", "昆山、苏州", 12, 120.0, "CNY", "signed projects"),
        ("测试大会", "2024-05-01", "昆山、苏州", 12, 200.0, "CNY", "stated total"),
        ("无地点大会", None, None, None, 1.0, "CNY", "stated total"),
    ])
