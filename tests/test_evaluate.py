"""The scorer itself, on small hand-made RDF graphs in the contract shape and gold dicts."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib import namespace as ns

from kg.evaluate import Counts, EvalReport, evaluate, normalise, score_graph
from kg.namespaces import CY, CYR, SCHEMA

ARTICLE = CYR["article/0000000000000000"]

GOLD = {
    "doc": "t.txt",
    "entities": [
        {"type": "Event", "name": "昆山市新兴产业发展大会"},
        {"type": "Place", "name": "昆山", "aliases": ["昆山市"]},
        {"type": "Project", "name": "友达LTPS超窄边框面板项目", "aliases": ["友达LTPS超窄边框面板"]},
        {"type": "Company", "name": "友达"},
        {"type": "Company", "name": "清陶(昆山)能源发展股份有限公司", "aliases": ["清陶"]},
        {"type": "Company", "name": "上汽集团"},
        {"type": "Person", "name": "冯玉川"},
        {"type": "Industry", "name": "新能源"},
        {"type": "Initiative", "name": "链长制"},
    ],
    "relations": [
        {"p": "date", "s": "昆山市新兴产业发展大会", "o": "2021-11-09"},
        {"p": "projectCount", "s": "昆山市新兴产业发展大会", "o": 98},
        {"p": "location", "s": "昆山市新兴产业发展大会", "o": "昆山市"},
        {"p": "launched", "s": "昆山市新兴产业发展大会", "o": "链长制"},
        {"p": "signedAt", "s": "友达LTPS超窄边框面板项目", "o": "昆山市新兴产业发展大会"},
        {"p": "investor", "s": "友达LTPS超窄边框面板项目", "o": "友达"},
        {"p": "investment", "s": "友达LTPS超窄边框面板项目", "o": {"value": 1800000000, "currency": "USD"}},
        {"p": "partnerOf", "s": "清陶(昆山)能源发展股份有限公司", "o": "上汽集团"},
        {"p": "holdsPosition", "s": "冯玉川", "o": "清陶(昆山)能源发展股份有限公司", "title": "董事长"},
        {"p": "inIndustry", "s": "清陶", "o": "新能源"},
    ],
}

_LITERAL_TYPES = {10: ns.XSD.date, 7: ns.XSD.gYearMonth, 4: ns.XSD.gYear}


class GraphMaker:
    """Writes entities and facts in the graph shape of docs/ARCHITECTURE.md."""

    def __init__(self, graph: rdflib.Graph | None = None) -> None:
        self.g = graph if graph is not None else rdflib.Graph()
        self.iris: dict[str, URIRef] = {}
        self.g.add((ARTICLE, ns.RDF.type, CY.NewsArticle))

    def entity(self, type_: str, label: str, *alts: str, key: str | None = None) -> URIRef:
        iri = CYR[f"{type_.lower()}/{len(self.iris):016x}"]
        self.iris[key or label] = iri
        self.g.add((iri, ns.RDF.type, CY[type_]))
        self.g.add((iri, ns.RDFS.label, Literal(label, lang="zh")))
        for a in alts:
            self.g.add((iri, ns.SKOS.altLabel, Literal(a, lang="zh")))
        self.g.add((iri, CY.mentionedIn, ARTICLE))
        return iri

    def fact(self, p: str, s: str, o, title: str | None = None) -> None:
        subj = self.iris[s]
        if p == "holdsPosition":
            pos = BNode()
            self.g.add((subj, CY.holdsPosition, pos))
            self.g.add((pos, ns.RDF.type, CY.Position))
            self.g.add((pos, CY.title, Literal(title, lang="zh")))
            if o is not None:
                self.g.add((pos, CY.organization, self.iris[o]))
        elif p == "investment":
            amt = BNode()
            self.g.add((subj, CY.investment, amt))
            self.g.add((amt, ns.RDF.type, SCHEMA.MonetaryAmount))
            self.g.add((amt, SCHEMA.value, Literal(Decimal(o["value"]), datatype=ns.XSD.decimal)))
            self.g.add((amt, SCHEMA.currency, Literal(o["currency"])))
        elif p == "date":
            self.g.add((subj, CY.date, Literal(o, datatype=_LITERAL_TYPES[len(o)])))
        elif p == "projectCount":
            self.g.add((subj, CY.projectCount, Literal(o, datatype=ns.XSD.integer)))
        else:
            self.g.add((subj, CY[p], self.iris[o]))


def perfect(gold: dict) -> GraphMaker:
    """The graph a perfect extractor would write for ``gold``."""
    m = GraphMaker()
    for e in gold["entities"]:
        iri = m.entity(e["type"], e["name"], *e.get("aliases", []))
        for a in e.get("aliases", []):
            m.iris[a] = iri
    for r in gold["relations"]:
        m.fact(r["p"], r["s"], r["o"], r.get("title"))
    return m


def rel_counts(score, p: str) -> tuple[int, int, int]:
    c = score.relations.get(p, Counts())
    return c.tp, c.fp, c.fn


def test_perfect_graph_scores_one_everywhere():
    score = score_graph(perfect(GOLD).g, GOLD)
    for level in ("top", "exact"):
        assert score.entity_total(level).f1 == 1.0
        for c in score.entities[level].values():
            assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0)
    assert score.relation_total().f1 == 1.0
    assert set(score.relations) == {r["p"] for r in GOLD["relations"]}
    assert all(c.f1 == 1.0 for c in score.relations.values())
    assert score.missed == [] and score.spurious == []


def test_perfect_graph_in_an_oxigraph_dataset_with_named_graphs():
    ds = rdflib.Dataset(store="Oxigraph", default_union=True)
    m = perfect(GOLD)
    entities_graph = ds.graph(CYR["graph/entities"])
    article_graph = ds.graph(ARTICLE)
    for t in m.g:
        (entities_graph if t[1] in (ns.RDF.type, ns.RDFS.label, ns.SKOS.altLabel) else article_graph).add(t)
    score = score_graph(ds, GOLD)
    assert score.entity_total("exact").f1 == 1.0
    assert score.relation_total().f1 == 1.0


def test_empty_graph_scores_zero_recall_and_f1():
    score = score_graph(rdflib.Graph(), GOLD)
    for level in ("top", "exact"):
        total = score.entity_total(level)
        assert (total.tp, total.fp, total.fn) == (0, 0, len(GOLD["entities"]))
        assert total.recall == 0.0 and total.f1 == 0.0
    rel = score.relation_total()
    assert (rel.tp, rel.fn) == (0, len(GOLD["relations"]))
    assert rel.recall == 0.0 and rel.f1 == 0.0
    assert len(score.missed) == len(GOLD["entities"]) + len(GOLD["relations"])


def test_company_as_university_is_right_at_top_type_wrong_at_exact_class():
    gold = {"doc": "t", "entities": [{"type": "Company", "name": "上汽集团"}], "relations": []}
    m = GraphMaker()
    m.entity("University", "上汽集团")
    score = score_graph(m.g, gold)
    top, exact = score.entity_total("top"), score.entity_total("exact")
    assert (top.tp, top.fp, top.fn) == (1, 0, 0)
    assert (exact.tp, exact.fp, exact.fn) == (0, 1, 1)
    assert score.entities["exact"]["Company"].fn == 1
    assert score.entities["exact"]["University"].fp == 1
    assert score.entities["top"]["Organization"].tp == 1


def test_wrong_top_type_is_an_error_at_both_levels():
    gold = {"doc": "t", "entities": [{"type": "Place", "name": "昆山"}], "relations": []}
    m = GraphMaker()
    m.entity("Park", "昆山")
    score = score_graph(m.g, gold)
    for level in ("top", "exact"):
        c = score.entity_total(level)
        assert (c.tp, c.fp, c.fn) == (0, 1, 1)
    assert score.entities["top"]["Place"].fn == 1 and score.entities["top"]["Park"].fp == 1


def test_correctly_typed_duplicate_is_preferred_and_one_to_one():
    gold = {"doc": "t", "entities": [{"type": "Place", "name": "昆山", "aliases": ["昆山市"]}], "relations": []}
    m = GraphMaker()
    m.entity("Park", "昆山", key="a")
    m.entity("Place", "昆山市", key="b")
    m.entity("Place", "昆山", key="c")
    score = score_graph(m.g, gold)
    c = score.entity_total("exact")
    assert (c.tp, c.fp, c.fn) == (1, 2, 0)


@pytest.mark.parametrize(
    "amount",
    [{"value": 1700000000, "currency": "USD"}, {"value": 1800000000, "currency": "CNY"}],
    ids=["wrong-value", "wrong-currency"],
)
def test_wrong_amount_or_currency_is_an_error(amount):
    gold = copy.deepcopy(GOLD)
    m = perfect(gold)
    for s, _, amt in list(m.g.triples((None, CY.investment, None))):
        m.g.remove((amt, None, None))
        m.g.remove((s, CY.investment, amt))
    m.fact("investment", "友达LTPS超窄边框面板项目", amount)
    score = score_graph(m.g, gold)
    assert rel_counts(score, "investment") == (0, 1, 1)
    assert score.relation_total().tp == len(gold["relations"]) - 1


def test_amount_value_compared_numerically():
    gold = {
        "doc": "t",
        "entities": [{"type": "Fund", "name": "产业发展投资母基金"}],
        "relations": [
            {"p": "investment", "s": "产业发展投资母基金", "o": {"value": 10000000000, "currency": "CNY"}}
        ],
    }
    m = GraphMaker()
    iri = m.entity("Fund", "产业发展投资母基金")
    amt = BNode()
    m.g.add((iri, CY.investment, amt))
    m.g.add((amt, SCHEMA.value, Literal("1.0E10", datatype=ns.XSD.decimal)))
    m.g.add((amt, SCHEMA.currency, Literal("CNY")))
    assert rel_counts(score_graph(m.g, gold), "investment") == (1, 0, 0)


def test_alias_matching_both_ways():
    gold = {
        "doc": "t",
        "entities": [
            {"type": "Company", "name": "清陶(昆山)能源发展股份有限公司", "aliases": ["清陶"]},
            {"type": "Company", "name": "斯坦德机器人(昆山)有限公司", "aliases": ["斯坦德"]},
            {"type": "Industry", "name": "新能源"},
        ],
        "relations": [{"p": "inIndustry", "s": "清陶", "o": "新能源"}],
    }
    m = GraphMaker()
    m.entity("Company", "清陶")  # predicted label = gold alias
    m.entity("Company", "斯坦德公司", "斯坦德机器人(昆山)有限公司")  # predicted altLabel = gold name
    m.entity("Industry", "新能源产业", "新能源")
    m.fact("inIndustry", "清陶", "新能源产业")
    score = score_graph(m.g, gold)
    assert score.entity_total("exact").f1 == 1.0
    assert rel_counts(score, "inIndustry") == (1, 0, 0)


def test_relation_end_not_matching_any_name_is_wrong():
    gold = copy.deepcopy(GOLD)
    m = perfect(gold)
    m.entity("Industry", "新材料")
    m.g.remove((None, CY.inIndustry, None))
    m.fact("inIndustry", "清陶", "新材料")
    score = score_graph(m.g, gold)
    assert rel_counts(score, "inIndustry") == (0, 1, 1)
    assert any("新材料" in s for s in score.spurious)
    assert any(m.startswith("inIndustry: 清陶") for m in score.missed)


def test_partner_of_is_symmetric():
    gold = copy.deepcopy(GOLD)
    m = perfect(gold)
    m.g.remove((None, CY.partnerOf, None))
    m.fact("partnerOf", "上汽集团", "清陶(昆山)能源发展股份有限公司")
    assert rel_counts(score_graph(m.g, gold), "partnerOf") == (1, 0, 0)
    # both directions written are one fact, not one right and one spurious
    m.fact("partnerOf", "清陶(昆山)能源发展股份有限公司", "上汽集团")
    assert rel_counts(score_graph(m.g, gold), "partnerOf") == (1, 0, 0)


def test_other_properties_are_directed():
    gold = copy.deepcopy(GOLD)
    m = perfect(gold)
    m.g.remove((None, CY.investor, None))
    m.fact("investor", "友达", "友达LTPS超窄边框面板项目")
    assert rel_counts(score_graph(m.g, gold), "investor") == (0, 1, 1)


def _with_position(gold: dict, org: str | None, title: str) -> tuple[int, int, int]:
    m = perfect(gold)
    for _, _, pos in list(m.g.triples((None, CY.holdsPosition, None))):
        m.g.remove((pos, None, None))
        m.g.remove((None, CY.holdsPosition, pos))
    m.fact("holdsPosition", "冯玉川", org, title=title)
    return rel_counts(score_graph(m.g, gold), "holdsPosition")


def test_holds_position_needs_title_and_organisation():
    gold = copy.deepcopy(GOLD)
    assert _with_position(gold, "清陶(昆山)能源发展股份有限公司", "董事长") == (1, 0, 0)
    assert _with_position(gold, "清陶(昆山)能源发展股份有限公司", "总经理") == (0, 1, 1)
    assert _with_position(gold, "上汽集团", "董事长") == (0, 1, 1)
    assert _with_position(gold, None, "董事长") == (0, 1, 1)


def test_holds_position_without_organisation():
    gold = copy.deepcopy(GOLD)
    gold["relations"] = [{"p": "holdsPosition", "s": "冯玉川", "o": None, "title": "院士"}]
    assert _with_position(gold, None, "院士") == (1, 0, 0)
    assert _with_position(gold, "上汽集团", "院士") == (0, 1, 1)


def test_dates_and_counts_are_literals():
    gold = copy.deepcopy(GOLD)
    m = perfect(gold)
    m.g.remove((None, CY.date, None))
    m.g.remove((None, CY.projectCount, None))
    m.fact("date", "昆山市新兴产业发展大会", "2021-11")
    m.fact("projectCount", "昆山市新兴产业发展大会", 99)
    score = score_graph(m.g, gold)
    assert rel_counts(score, "date") == (0, 1, 1)
    assert rel_counts(score, "projectCount") == (0, 1, 1)
    gold["relations"] = [{"p": "date", "s": "昆山市新兴产业发展大会", "o": "2021-11"}]
    assert rel_counts(score_graph(m.g, gold), "date") == (1, 0, 0)


def test_normalisation_folds_width_quotes_spaces_and_script():
    assert normalise("清陶（昆山）能源") == "清陶(昆山)能源"
    assert normalise("“链长制”") == normalise("《链长制》") == normalise("「链长制」") == "链长制"
    assert normalise("２０２４年 ＣＥＳ") == "2024年CES"
    assert normalise("臺灣") == normalise("台湾")
    gold = {
        "doc": "t",
        "entities": [
            {"type": "Company", "name": "清陶(昆山)能源发展股份有限公司"},
            {"type": "Initiative", "name": "链长制"},
            {"type": "Company", "name": "友达光电"},
        ],
        "relations": [],
    }
    m = GraphMaker()
    m.entity("Company", "清陶（昆山）能源发展股份有限公司")
    m.entity("Initiative", "“链长制”")
    m.entity("Company", "友達光電")
    assert score_graph(m.g, gold).entity_total("exact").f1 == 1.0


def test_entities_not_mentioned_by_an_article_are_ignored():
    gold = {"doc": "t", "entities": [{"type": "Industry", "name": "新能源"}], "relations": []}
    m = GraphMaker()
    m.entity("Industry", "新能源")
    taxonomy_concept = CYR["industry/ffffffffffffffff"]
    m.g.add((taxonomy_concept, ns.RDF.type, CY.Industry))
    m.g.add((taxonomy_concept, ns.RDFS.label, Literal("生物医药", lang="zh")))
    c = score_graph(m.g, gold).entity_total("exact")
    assert (c.tp, c.fp, c.fn) == (1, 0, 0)


def test_evaluate_folder_sums_articles_and_reports(tmp_path: Path):
    gold_dir, articles = tmp_path / "gold", tmp_path / "articles"
    gold_dir.mkdir()
    articles.mkdir()
    other = {"doc": "b.txt", "entities": [{"type": "Person", "name": "周伟"}], "relations": []}
    for gold in ({**GOLD, "doc": "a.txt"}, other, {**other, "doc": "missing.txt"}):
        (gold_dir / gold["doc"].replace(".txt", ".json")).write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    (articles / "a.txt").write_text("perfect", "utf-8")
    (articles / "b.txt").write_text("empty", "utf-8")

    def build(path: Path) -> rdflib.Graph:  # stands in for the pipeline: the file names its graph
        return perfect(GOLD).g if path.read_text("utf-8") == "perfect" else rdflib.Graph()

    report = evaluate(gold_dir, articles, build=build)
    assert isinstance(report, EvalReport)
    assert [a.doc for a in report.articles] == ["a.txt", "b.txt", "missing.txt"]
    assert report.articles[2].error and "missing.txt" in report.articles[2].error
    top = report.entity_total("top")
    assert (top.tp, top.fp, top.fn) == (len(GOLD["entities"]), 0, 2)
    assert report.relation_total().f1 == 1.0
    data = json.loads(report.to_json(verbose=True))
    assert data["total"]["entities"]["top"]["micro"]["tp"] == len(GOLD["entities"])
    assert data["articles"][1]["missed"] == ["entity Person 周伟"]
    table = report.to_table(verbose=True)
    assert "missed   entity Person 周伟" in table and "a.txt relations" in table


def test_holds_position_title_may_contain_or_be_contained_in_the_gold_title():
    """SCHEMA.md §3.1: a title keeps the bare body, either side may be the longer one."""
    gold = copy.deepcopy(GOLD)
    gold["relations"] = [{"p": "holdsPosition", "s": "冯玉川", "o": None, "title": "市委书记"}]
    assert _with_position(gold, None, "书记") == (1, 0, 0)  # contained in the gold title
    assert _with_position(gold, None, "苏州市委书记") == (1, 0, 0)  # contains it
    assert _with_position(gold, None, "市委书记") == (1, 0, 0)
    assert _with_position(gold, None, "市长") == (0, 1, 1)
    assert _with_position(gold, "上汽集团", "书记") == (0, 1, 1)  # the organisation must still agree
    # the comparison is on normalised titles
    gold["relations"][0]["title"] = "市政协副主席"
    assert _with_position(gold, None, "市政协 副主席") == (1, 0, 0)
    assert _with_position(gold, None, "副主席") == (1, 0, 0)


def test_holds_position_deputy_is_not_the_chief():
    gold = copy.deepcopy(GOLD)
    gold["relations"] = [{"p": "holdsPosition", "s": "冯玉川", "o": None, "title": "书记"}]
    assert _with_position(gold, None, "副书记") == (0, 1, 1)
    gold["relations"][0]["title"] = "副市长"
    assert _with_position(gold, None, "市长") == (0, 1, 1)


def test_holds_position_two_nested_titles_of_one_person_match_one_to_one():
    """书记 and 市委书记 of one person both contain-match both gold facts: still two facts, two hits."""
    gold = copy.deepcopy(GOLD)
    gold["relations"] = [
        {"p": "holdsPosition", "s": "冯玉川", "o": None, "title": "书记"},
        {"p": "holdsPosition", "s": "冯玉川", "o": None, "title": "市委书记"},
    ]
    score = score_graph(perfect(gold).g, gold)
    assert rel_counts(score, "holdsPosition") == (2, 0, 0)
    one = {**gold, "relations": gold["relations"][:1]}
    assert rel_counts(score_graph(perfect(gold).g, one), "holdsPosition") == (1, 1, 0)


# ---------------------------------------------------------------- sets, groups, the eval command


def _fake_build(path: Path) -> rdflib.Graph:
    """Stands in for the pipeline: nothing extracted (an Oxigraph store, so the queries are fast)."""
    return rdflib.Dataset(store="Oxigraph", default_union=True)


def test_set_paths_are_the_repository_folders():
    from kg.evaluate import SET_NAMES, default_paths, repository_root, set_paths

    root = repository_root()
    assert set_paths("seeds") == {"seeds": (root / "eval" / "gold", root / "seeds")}
    assert set_paths("dev") == {"dev": (root / "eval" / "dev" / "gold", root / "eval" / "dev" / "articles")}
    assert set_paths("devcorpus") == {
        "devcorpus": (root / "eval" / "devcorpus" / "gold", root / "eval" / "devcorpus" / "docs")
    }
    assert list(set_paths("all")) == ["seeds", "dev", "devcorpus"]
    assert default_paths() == set_paths("seeds")["seeds"]
    for pair in set_paths("all").values():
        assert all(folder.is_dir() for folder in pair)
    assert SET_NAMES == ("seeds", "dev", "devcorpus", "fresh", "all")
    assert set_paths("fresh") == {"fresh": (root / "eval" / "fresh" / "gold", root / "eval" / "fresh" / "docs")}
    with pytest.raises(ValueError, match="unknown evaluation set 'gold'"):
        set_paths("gold")


def test_region_group_is_the_file_name_prefix():
    from kg.evaluate import region_group

    assert region_group("ks_d01.txt") == "ks"
    assert region_group("sz_d04.html") == "sz"
    assert region_group("plain.txt") == "plain.txt"


def test_evaluate_set_labels_sets_and_groups_only_the_devcorpus():
    from kg.evaluate import evaluate_set

    report = evaluate_set("all", build=_fake_build)
    sets = report.by_set()
    assert list(sets) == ["seeds", "dev", "devcorpus"]
    assert all(a.group is None for a in sets["seeds"].articles + sets["dev"].articles)
    groups = report.by_group()
    assert {"ks", "sz", "js", "yd", "cn"} <= set(groups)
    assert sum(len(r.articles) for r in groups.values()) == len(sets["devcorpus"].articles)
    # groups partition the devcorpus: their counts add up to its total
    total = sets["devcorpus"].relation_total()
    assert sum(r.relation_total().fn for r in groups.values()) == total.fn
    data = report.as_dict()
    assert list(data["sets"]) == ["seeds", "dev", "devcorpus"]
    assert set(data["groups"]) == set(groups)
    assert data["groups"]["ks"]["articles"] == len(groups["ks"].articles)
    assert set(data["groups"]["ks"]) == {"articles", "entities", "relations"}


def _two_group_report(tmp_path: Path) -> EvalReport:
    gold_dir, articles = tmp_path / "gold", tmp_path / "articles"
    gold_dir.mkdir()
    articles.mkdir()
    for doc in ("aa_1.txt", "aa_2.txt", "bb_1.txt"):
        gold = {**GOLD, "doc": doc}
        (gold_dir / doc.replace(".txt", ".json")).write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
        (articles / doc).write_text("perfect" if doc.startswith("aa") else "empty", "utf-8")

    def build(path: Path) -> rdflib.Graph:
        return perfect(GOLD).g if path.read_text("utf-8") == "perfect" else rdflib.Graph()

    return evaluate(gold_dir, articles, build=build, set_name="corpus", grouped=True)


def test_table_puts_aggregates_first_and_article_lines_only_with_verbose(tmp_path: Path):
    report = _two_group_report(tmp_path)
    groups = report.by_group()
    assert groups["aa"].relation_total().f1 == 1.0 and groups["bb"].relation_total().f1 == 0.0
    table = report.to_table()
    lines = table.splitlines()
    assert lines[0] == "Micro scores"
    assert any(line.startswith("corpus") and line.split()[1] == "3" for line in lines[:5])
    aa = next(line for line in lines if line.startswith("aa "))
    assert aa.split()[1:] == ["2"] + ["1.000"] * 9
    assert table.index("Region groups") < table.index("Entities by top type") < table.index("Relations by property")
    assert "aa_1.txt" not in table  # no per-article lines by default
    verbose = report.to_table(verbose=True)
    assert "aa_1.txt relations" in verbose and "== bb_1.txt" in verbose
    assert verbose.index("Relations by property") < verbose.index("Per article (micro)")


def test_eval_command_rejects_an_unknown_set_in_one_line():
    from typer.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(app, ["eval", "--set", "gold"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: unknown set 'gold'; use one of seeds, dev, devcorpus, fresh, all"
    ]
    both = CliRunner().invoke(app, ["eval", "--set", "seeds", "--gold", "eval/gold"])
    assert both.exit_code == 2 and "either --set or --gold" in both.stderr


def test_eval_command_set_devcorpus_reports_groups(monkeypatch):
    from typer.testing import CliRunner

    import kg.evaluate.sets
    from kg.cli import app

    monkeypatch.setattr(kg.evaluate.sets, "build_article_graph", _fake_build)
    result = CliRunner().invoke(app, ["eval", "--set", "devcorpus", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"ks", "sz", "js", "yd", "cn"} <= set(data["groups"])
    assert list(data["sets"]) == ["devcorpus"]
    assert all(g["relations"]["tp"] == 0 for g in data["groups"].values())
    table = CliRunner().invoke(app, ["eval", "--set", "dev"])
    assert table.exit_code == 0 and "Region groups" not in table.stdout


def test_write_thresholds_rewrites_or_only_raises(tmp_path: Path):
    from kg.evaluate import read_thresholds, write_thresholds

    path = tmp_path / "thresholds.toml"
    path.write_text("tolerance = 0.05\n[seeds]\nentities_top = 0.5\nrelations = 0.0\n", "utf-8")
    changes = write_thresholds(path, raise_only=True, build=_fake_build)  # nothing extracted: all 0
    figures, tolerance = read_thresholds(path)
    assert tolerance == 0.05  # kept
    assert figures["seeds.entities_top"] == 0.5 and figures["seeds.relations"] == 0.0
    assert {"devcorpus.entities_top", "devcorpus.relations", "devcorpus.groups.ks.relations"} <= set(figures)
    assert any(k.startswith("devcorpus.properties.") for k in figures)
    assert "seeds.entities_top: 0.500 -> 0.000" not in changes
    changes = write_thresholds(path, build=_fake_build)
    assert read_thresholds(path)[0]["seeds.entities_top"] == 0.0
    assert changes == ["seeds.entities_top: 0.500 -> 0.000"]


def test_an_article_that_cannot_be_built_says_why(tmp_path):
    """The per-article error carries the reader's reason, not only that nothing was read."""
    gold, articles = tmp_path / "gold", tmp_path / "articles"
    gold.mkdir()
    articles.mkdir()
    (articles / "x_1.txt").write_bytes(b"")
    (gold / "x_1.json").write_text('{"doc": "x_1.txt", "entities": [], "relations": []}', encoding="utf-8")
    (score,) = evaluate(gold, articles).articles
    assert score.error is not None and "empty" in score.error
