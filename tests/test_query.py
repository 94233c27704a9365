"""kg.query: named queries, parameters, errors, result tables."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pandas as pd
import pytest

from conftest import ENV, QUERIES, SEEDS
from handmade import handmade
from kg.api import KnowledgeGraph
from kg.query import (
    QueryError,
    format_table,
    list_queries,
    load_query,
    parse_header,
    resolve_query,
    run_query,
)

MINE = ("firm_initiative_links", "people_posts", "investment_by_event")


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    store = tmp_path_factory.mktemp("handmade") / "store"
    KnowledgeGraph.from_extractions(handmade(), store=store)
    return KnowledgeGraph.open(store)


# ---------------------------------------------------------------- named queries


def test_every_named_query_has_a_header():
    infos = list_queries()
    assert {q.name for q in infos} >= set(MINE)
    for q in infos:
        text = q.path.read_text(encoding="utf-8")
        assert q.title and q.question, q.name
        assert "# params:" in text, f"{q.name}: no '# params:' line"


def test_header_parsing():
    h = parse_header("# title: T\n# question: Q?\n# params: a (the a, e.g. x), b\n# showcase: true\nSELECT * {}\n# title: no\n")
    assert h == {"title": "T", "question": "Q?", "params": (("a", "the a, e.g. x"), ("b", "")), "showcase": True, "required": ()}
    assert parse_header("# params: a, b\n# required: a|b\nASK {}")["required"] == ("a", "b")
    assert parse_header("# params: none\nASK {}")["params"] == ()


def test_resolve_query_name_path_or_text(tmp_path):
    text, info = resolve_query("people_posts")
    assert info.name == "people_posts" and text == load_query("people_posts")
    assert resolve_query("people_posts.rq")[1].name == "people_posts"
    f = tmp_path / "mine.rq"
    f.write_text("# title: mine\n# question: q\n# params: none\nASK { ?s ?p ?o }\n", encoding="utf-8")
    assert resolve_query(str(f))[1].title == "mine"
    assert resolve_query("ASK { ?s ?p ?o }") == ("ASK { ?s ?p ?o }", None)
    with pytest.raises(QueryError, match="no named query 'nope'.*people_posts"):
        resolve_query("nope")
    with pytest.raises(QueryError, match="not found"):
        resolve_query(str(tmp_path / "missing.rq"))


# ---------------------------------------------------------------- the three questions


def test_firm_initiative_links(kg):
    df = kg.query("firm_initiative_links")
    assert list(df.columns) == ["firm", "initiatives", "via", "viaLabel", "articles"]
    rows = {tuple(r) for r in df.itertuples(index=False)}
    assert rows == {
        ("甲乙能源科技有限公司", "新能源产业链长制", "event", "苏州新能源产业大会", "a1.txt"),
        ("甲乙能源科技有限公司", "新能源产业链长制", "park", "苏州高新区", "a1.txt"),
        ("丙丁光伏", "新能源产业链长制", "project", "丙丁光伏项目", "a1.txt"),
        ("戊己集团", "新能源产业链长制", "project", "戊己半导体项目", "a2.txt"),  # joined across articles
    }
    # initiative=…: the paths leading to it; a name no path leads to finds nothing
    assert len(kg.query("firm_initiative_links", initiative="新能源产业链长制")) == 4
    assert kg.query("firm_initiative_links", initiative="产业链长").empty  # a part of a name is no name


def test_people_posts(kg):
    df = kg.query("people_posts")
    assert list(df.columns) == ["person", "title", "organization", "article", "sentence"]
    posts = {(r.person, r.title, r.organization) for r in df.itertuples()}
    assert ("张三", "董事长", "甲乙能源科技有限公司") in posts
    assert ("张三", "总经理", "甲乙能源科技有限公司") in posts  # 甲乙能源 in a2 is the same firm
    assert ("王五", "书记", None) in posts
    assert all(r.sentence and r.person in r.sentence for r in df.itertuples())


def test_investment_by_event_never_sums_across_currencies(kg):
    df = kg.query("investment_by_event")
    by = {(r.currency, r.basis): r for r in df.itertuples()}
    assert set(by) == {("CNY", "stated total"), ("CNY", "signed projects"), ("USD", "signed projects")}
    assert by[("CNY", "stated total")].amount == 30_000_000_000.0
    # 丙丁光伏项目's 50亿元 is stated by two articles but counted once
    assert by[("CNY", "signed projects")].amount == 5_000_000_000.0
    assert by[("USD", "signed projects")].amount == 200_000_000.0
    row = by[("CNY", "stated total")]
    assert row.date == pd.Timestamp(2023, 5, 10) and row.date_precision == "day"
    assert row.projectCount == 12 and row.location == "苏州高新区"


# ---------------------------------------------------------------- parameters


def test_params_are_bound(kg):
    df = kg.query("people_posts", person="王五")
    assert set(df["person"]) == {"王五"} and len(df) == 2
    assert len(kg.query("investment_by_event", currency="USD")) == 1
    assert set(kg.query("firm_initiative_links", firm="丙丁光伏")["via"]) == {"project"}


def test_names_are_folded_as_lookup_folds_them(kg):
    """Traditional script, full width, quotes and spaces: the same rows as the name in the graph."""
    want = kg.query("people_posts", person="张三")
    assert len(want) == 2
    for name in ("張三", " 张三 ", "“张三”", "張　三"):
        assert kg.query("people_posts", person=name).equals(want), name
    # a firm's alias finds the firm: the parameter binds its label
    links = kg.query("firm_initiative_links", firm="甲乙能源")
    assert set(links["firm"]) == {"甲乙能源科技有限公司"} and len(links) == 2
    nobody = kg.query("people_posts", person="張四")  # no such person: nothing, no error, but said
    assert nobody.empty and nobody.attrs["unknown_names"] == [("person", "張四")]
    assert kg.query("people_posts", person="张三").attrs["unknown_names"] == []


def test_a_name_in_latin_letters_is_found_as_the_graph_holds_it(seed_kg):
    """Every name is tagged @zh in the graph, Latin ones too: the parameter binds the name as held."""
    lookup = seed_kg.lookup("MicroLED")
    card = seed_kg.query("entity_card", entity="MicroLED")
    assert not card.empty and set(card["e"]) == {lookup.iri}
    assert seed_kg.query("investment_by_event", currency="CNY").attrs["unknown_names"] == []


def test_a_currency_is_a_code_not_a_name(seed_kg):
    """currency=美元 was looked up as an entity's name ("no entity is named 美元") and found nothing:
    a currency word or a code in any case is the ISO code the graph holds."""
    usd = seed_kg.query("investment_by_event", currency="USD")
    assert not usd.empty and set(usd["currency"]) == {"USD"}
    for given in ("美元", "usd", "美金"):
        same = seed_kg.query("investment_by_event", currency=given)
        assert same.equals(usd) and same.attrs["unknown_names"] == [], given


def test_cli_query_with_a_name_of_no_entity_says_so_and_exits_1(kg):
    proc = subprocess.run([sys.executable, "-m", "kg", "query", "people_posts", "-p", "person=張四",
                           "--store", str(kg.store_path)], env=ENV, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1 and "(0 rows)" in proc.stdout
    assert proc.stderr == "warning: no entity is named 張四 (parameter person); see kg analyze lookup 張四\n"


def test_a_name_of_several_entities_is_refused_with_the_candidates(kg):
    from kg.analyse.lookup import AmbiguousEntity
    from kg.query import AmbiguousParameter

    with pytest.raises(AmbiguousParameter) as info:
        kg.query("entity_card", entity="市委")
    exc = info.value
    assert isinstance(exc, QueryError) and isinstance(exc, AmbiguousEntity) and exc.param == "entity"
    assert [(c.label, c.type, c.articles, c.by_alias) for c in exc.candidates] == [
        ("昆山市委", "GovernmentBody", 1, True), ("苏州市委", "GovernmentBody", 1, True)]
    assert "'市委' names 2 entities" in str(exc) and "苏州市委  [GovernmentBody]  1 article" in str(exc)
    # a firm and a project of one name are no ambiguity: the query's own pattern tells them apart
    assert set(kg.query("firm_initiative_links", firm="丙丁光伏")["firm"]) == {"丙丁光伏"}


def test_cli_query_with_an_ambiguous_name_exits_1(kg):
    proc = subprocess.run([sys.executable, "-m", "kg", "query", "entity_card", "-p", "entity=市委",
                           "--store", str(kg.store_path)], env=ENV, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1 and proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert lines[0].startswith("error: parameter entity: '市委' names 2 entities")
    assert len(lines) == 3 and all("[GovernmentBody]  1 article" in line for line in lines[1:])


# ---------------------------------------------------------------- your own query folders

MINE_RQ = "# title: Mine\n# question: Which firms?\n# params: firm (a firm)\n# showcase: true\n" \
    "SELECT ?firm WHERE { ?f a cy:Company ; rdfs:label ?firm } ORDER BY ?firm\n"


def test_your_query_folder_joins_the_shipped_one(kg, tmp_path, monkeypatch):
    from kg.query import list_queries, query_folders

    (tmp_path / "my_firms.rq").write_text(MINE_RQ, encoding="utf-8")
    (tmp_path / "people_posts.rq").write_text("# title: Mine too\n# params: none\nASK { ?s ?p ?o }\n", encoding="utf-8")
    names = {q.name: q for q in list_queries(extra=[tmp_path])}
    assert {"my_firms", "entity_card"} <= set(names)
    assert names["people_posts"].title == "Mine too"  # yours comes first
    assert "my_firms" not in {q.name for q in list_queries()}
    mine = KnowledgeGraph.open(kg.store_path, queries=[tmp_path])
    assert list(mine.query("my_firms")["firm"]) == ["丙丁光伏", "戊己集团", "甲乙能源科技有限公司"]
    assert list(mine.query("my_firms", firm="甲乙能源")["firm"]) == ["甲乙能源科技有限公司"]
    assert "my_firms" in {q.name for q in mine.queries()}
    with pytest.raises(QueryError, match="no named query 'my_firms'"):
        kg.query("my_firms")
    monkeypatch.setenv("KG_QUERIES", str(tmp_path))
    assert len(kg.query("my_firms")) == 3 and query_folders()[0] == tmp_path
    monkeypatch.setenv("KG_QUERIES", str(tmp_path / "nope"))
    with pytest.raises(QueryError, match="no query folder .*nope.*KG_QUERIES"):
        kg.query("people_posts")
    with pytest.raises(QueryError, match="no query folder"):
        KnowledgeGraph.open(kg.store_path, queries=[tmp_path / "nope2"])


def test_cli_queries_folder(kg, tmp_path):
    (tmp_path / "my_firms.rq").write_text(MINE_RQ, encoding="utf-8")
    run = lambda *a: subprocess.run([sys.executable, "-m", "kg", *a], env=ENV, capture_output=True,  # noqa: E731
                                    text=True, timeout=300)
    listed = run("queries", "--queries", str(tmp_path))
    assert listed.returncode == 0 and f"my_firms  [showcase]  ({tmp_path / 'my_firms.rq'})" in listed.stdout
    assert "\npeople_posts  [showcase]\n" in listed.stdout
    answered = run("query", "my_firms", "--queries", str(tmp_path), "--store", str(kg.store_path), "-f", "csv")
    assert answered.returncode == 0 and answered.stdout.split() == ["firm", "丙丁光伏", "戊己集团", "甲乙能源科技有限公司"]
    missing = run("queries", "--queries", str(tmp_path / "nope"))
    assert missing.returncode == 2 and missing.stderr.startswith("error: no query folder")


def test_params_cannot_change_the_query(kg):
    evil = '王五"@zh } UNION { ?p ?x ?person } #'
    assert len(kg.query("people_posts", person=evil)) == 0


def test_unknown_param_is_an_error(kg):
    with pytest.raises(QueryError, match="no parameter colour.*person"):
        kg.query("people_posts", colour="red")


def test_params_on_sparql_text(kg):
    df = kg.query(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?e ?l WHERE { ?e rdfs:label ?l }",
        l="苏州高新区",
    )
    assert len(df) == 1 and df["e"][0].startswith("https://w3id.org/chanye/id/park/")


# ---------------------------------------------------------------- errors


def test_malformed_sparql_names_line_and_column(kg):
    with pytest.raises(QueryError) as info:
        kg.query("SELECT ?x\nWHERE { ?x ?y }")
    assert info.value.line == 2 and info.value.column is not None
    assert "line 2, column" in str(info.value)


def test_typed_columns(kg):
    """Dates, amounts, counts and text each get their own dtype, through either store path."""
    for df in (run_query(kg.dataset, "investment_by_event"), kg.query("investment_by_event")):
        assert str(df["amount"].dtype) == "float64"
        assert str(df["projectCount"].dtype) == "Int64"
        assert str(df["date"].dtype).startswith("datetime64")
        assert list(df["date_precision"].cat.categories) == ["year", "month", "day", "time"]
        assert df.attrs["precision"] == {"date": "date_precision"}
        assert df["event"].dtype == object and all(isinstance(v, str) for v in df["event"])
        assert list(df.columns).index("date_precision") == list(df.columns).index("date") + 1


def test_amounts_have_their_currency_and_are_summed_per_currency(kg):
    df = kg.query("investment_by_event")
    assert not df["amount"].map(lambda v: isinstance(v, str)).any()
    totals = df[df.basis == "signed projects"].groupby("currency")["amount"].sum()
    assert totals.to_dict() == {"CNY": 5_000_000_000.0, "USD": 200_000_000.0}


def test_a_projects_total_and_its_phase_count_once_in_what_an_event_signed_and_an_investor_put_in(tmp_path):
    """总投资50亿元, 其中一期20亿元: the project's amounts are its total and a part; the event's
    "signed projects" sum takes each project's largest (was 70亿 with the other project's 3亿: 73亿)."""
    from decimal import Decimal

    from handmade import extraction

    from kg.model import Amount

    text = "苏州新能源产业大会上，丙丁光伏项目签约，总投资50亿元，其中一期20亿元。戊己项目签约，总投资3亿元。"
    x = extraction("e.txt", text, [("Event", "苏州新能源产业大会", set()), ("Project", "丙丁光伏项目", set()),
                                   ("Project", "戊己项目", set())],
                   [("signedAt", "丙丁光伏项目", "苏州新能源产业大会", "丙丁光伏项目签约"),
                    ("investment", "丙丁光伏项目", Amount(Decimal("5000000000"), "CNY"), "总投资50亿元"),
                    ("investment", "丙丁光伏项目", Amount(Decimal("2000000000"), "CNY"), "一期20亿元"),
                    ("signedAt", "戊己项目", "苏州新能源产业大会", "戊己项目签约"),
                    ("investment", "戊己项目", Amount(Decimal("300000000"), "CNY"), "总投资3亿元")])
    kg = KnowledgeGraph.from_extractions([x, extraction("f.txt", "丙丁光伏投资丙丁光伏项目。", [("Company", "丙丁光伏", set()),
                                                ("Project", "丙丁光伏项目", set())], [("investor", "丙丁光伏项目", "丙丁光伏", "丙丁光伏投资")])])
    df = kg.query("investment_by_event")
    signed = df[df["basis"] == "signed projects"]
    assert list(signed["amount"]) == [5_300_000_000] and list(signed["currency"]) == ["CNY"]
    by_investor = kg.query("investment_by_investor")  # the same for what an investor put in
    assert list(zip(by_investor["investor"], by_investor["total"])) == [("丙丁光伏", 5_000_000_000)]


def test_timeline_splits_amount_and_currency(kg):
    df = kg.query("timeline")
    assert "investment" not in df.columns and {"amount", "currency"} <= set(df.columns)
    assert str(df["amount"].dtype) == "float64" and str(df["articles"].dtype) == "Int64"
    with_money = df[df["amount"].notna()]
    assert len(with_money) and set(with_money["currency"]) <= {"CNY", "USD"}


def test_timeline_has_one_row_per_event_and_currency(tmp_path):
    """Seed 002, dated and held "in 苏州": its event has three project counts (150 in all, 80 signed,
    70 begun) and two places; it was three rows (one per count), then two per place: now one,
    with the largest count and the places joined."""
    seed = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    dated = tmp_path / "dated.txt"
    dated.write_text(seed.replace("为加快打造", "2022年2月10日,在苏州工业园区举行,为加快打造", 1), encoding="utf-8")
    df = KnowledgeGraph.build([dated]).query("timeline")
    event = df[df["event"].str.startswith("苏州市电子信息产业创新集群")]
    assert len(event) == 1, event
    assert event["projectCount"].iloc[0] == 150 and event["amount"].iloc[0] == 129_000_000_000
    assert event["location"].iloc[0].split("、") == sorted(event["location"].iloc[0].split("、"))


def _answer(columns, *rows):
    from kg.query import Answer

    return Answer(list(columns), [list(r) for r in rows])


def test_partial_dates_get_a_precision_column():
    from kg.query import PartialDate, typed_frame

    df = typed_frame(_answer(["date", "n"], [PartialDate("2021"), 1], [PartialDate("2021-04"), None],
                             [date(2021, 4, 5), 3], [None, 4]))
    assert str(df["date"].dtype).startswith("datetime64") and str(df["n"].dtype) == "Int64"
    assert list(df["date"][:3]) == [pd.Timestamp(2021, 1, 1), pd.Timestamp(2021, 4, 1), pd.Timestamp(2021, 4, 5)]
    assert pd.isna(df["date"][3]) and pd.isna(df["n"][1])
    assert list(df["date_precision"][:3]) == ["year", "month", "day"] and pd.isna(df["date_precision"][3])
    # tables and CSV show the dates as precise as they were stated, and the precision column folded in
    rows = list(csv.reader(io.StringIO(format_table(df, "csv"))))
    assert rows == [["date", "n"], ["2021", "1"], ["2021-04", ""], ["2021-04-05", "3"], ["", "4"]]
    assert json.loads(format_table(df, "json"))[1] == {"date": "2021-04", "n": None}


def test_mixed_and_plain_columns():
    from kg.query import typed_frame

    df = typed_frame(_answer(["a", "b", "c", "d"], ["x", Decimal("1.5"), 2, True], [None, 3, None, False]))
    assert df["a"].dtype == object and list(df["a"]) == ["x", None]
    assert str(df["b"].dtype) == "float64" and list(df["b"]) == [1.5, 3.0]
    assert str(df["c"].dtype) == "Int64" and str(df["d"].dtype) == "boolean"
    mixed = typed_frame(_answer(["v"], ["text"], [date(2021, 1, 1)], [Decimal("2")]))
    assert mixed["v"].dtype == object  # a column of several kinds stays as it is


def test_excel_csv_has_a_byte_order_mark(kg, tmp_path):
    import subprocess
    import sys

    from conftest import ENV

    run = lambda *a: subprocess.run([sys.executable, "-m", "kg", "query", "people_posts", "--store", str(kg.store_path), *a],  # noqa: E731
                                    env=ENV, capture_output=True)
    excel = run("--excel")
    assert excel.returncode == 0, excel.stderr
    assert excel.stdout.startswith("\ufeffperson,title,organization".encode("utf-8")) and b"\r\n" in excel.stdout
    assert "王五".encode("utf-8") in excel.stdout
    plain = run("-f", "csv")
    assert plain.stdout.startswith(b"person,") and b"\r\n" not in plain.stdout
    assert plain.stdout.endswith(b"\n") and not plain.stdout.endswith(b"\n\n")  # no blank line after the last row
    formulas = subprocess.run([sys.executable, "-m", "kg", "query", "--store", str(kg.store_path), "--excel",
                               'SELECT ("=1+1" AS ?a) ("@SUM(A1)" AS ?b) ("-5" AS ?c) ("+x" AS ?d) (-3 AS ?e) WHERE {}'],
                              env=ENV, capture_output=True)
    assert formulas.stdout.decode("utf-8-sig").splitlines()[1] == "'=1+1,'@SUM(A1),-5,'+x,-3"  # shown as text, never run
    bad = run("--excel", "-f", "json")
    assert bad.returncode == 2 and bad.stderr.decode().strip() == "error: --excel writes CSV; drop -f json (or use -f csv)"


# ---------------------------------------------------------------- formats


def test_formats(kg):
    df = kg.query("investment_by_event")
    rows = list(csv.DictReader(io.StringIO(format_table(df, "csv"))))
    assert len(rows) == len(df) and rows[0]["event"] == df["event"][0]
    records = json.loads(format_table(df, "json"))
    assert len(records) == len(df)
    assert {r["amount"] for r in records} == {int(a) for a in df["amount"]}
    assert records[0]["date"] == "2023-05-10"
    md = format_table(df, "markdown").splitlines()
    assert md[0].startswith("| event |") and set(md[1]) <= set("|-") and len(md) == len(df) + 2
    table = format_table(df, "table").splitlines()
    assert table[0].split()[0] == "event" and table[-1] == f"({len(df)} rows)"
    with pytest.raises(ValueError):
        format_table(df, "xml")


def test_table_clips_long_cells_but_csv_does_not(kg):
    df = kg.query("people_posts")
    longest = max(df["sentence"], key=len)
    table = format_table(df, "table", max_width=10)
    assert longest not in table and "…" in table
    assert longest in format_table(df, "csv")


def test_ask_and_empty_results(kg):
    assert kg.query("ASK { ?s ?p ?o }")["answer"][0] == True  # noqa: E712 (numpy-free bool)
    empty = kg.query("SELECT ?s WHERE { ?s <https://example.org/none> ?o }")
    assert list(empty.columns) == ["s"] and len(empty) == 0
    assert "(0 rows)" in format_table(empty)


def test_queries_dir_is_the_repository_one():
    assert {p.stem for p in QUERIES.glob("*.rq")} == {q.name for q in list_queries()}


def test_a_query_file_that_is_not_utf8_and_a_where_in_a_string_are_handled(kg, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_bytes('SELECT ("\xff" AS ?x) WHERE {}'.encode("latin-1"))
    with pytest.raises(QueryError, match="bad.rq: not UTF-8 text"):
        kg.query(str(bad))
    df = kg.query('SELECT ?p ?s WHERE { BIND("a WHERE {b" AS ?s) }', p=1)  # (the parameters go in the real WHERE)
    assert list(df.itertuples(index=False, name=None)) == [(1, "a WHERE {b")]


@pytest.mark.parametrize(("env", "timeout", "message"), [
    ({"KG_QUERY_TIMEOUT": "abc"}, None, "KG_QUERY_TIMEOUT must be a number of seconds (0: no limit), not 'abc'"),
    ({}, "nan", "a time limit must be a number of seconds (0: no limit), not nan"),
])
def test_a_time_limit_that_is_no_number_is_one_line(kg, env, timeout, message):
    args = [sys.executable, "-m", "kg", "query", "ASK { ?s ?p ?o }", "--store", str(kg.store_path)]
    proc = subprocess.run(args + (["--timeout", timeout] if timeout else []), env={**ENV, **env},
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and proc.stderr == f"error: query failed: {message}\n"


def test_a_name_of_digits_given_as_a_number_is_found():
    """`kg query entity_card -p entity=360` binds 360 as a number (a parameter of digits is one): a firm
    named 360 was then found by lookup and path but not by the query (0 rows, no warning)."""
    from handmade import extraction

    x = extraction("n.txt", "360投资甲乙项目。", [("Company", "360", set()), ("Project", "甲乙项目", set())],
                   [("investor", "甲乙项目", "360", "360投资甲乙项目")])
    kg = KnowledgeGraph.from_extractions([x])
    card = kg.query("entity_card", entity=360)
    assert not card.empty and card.attrs["unknown_names"] == []
    assert kg.query("entity_card", entity=361).empty  # a number of no entity stays a number
