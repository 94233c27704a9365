"""kg.curation: the curation file, and kg merge / alias / rename / retype / drop on a real store.

The articles are hand-made (invented names): one firm is named two ways in two
articles that resolution cannot join (壬癸新材 and 壬癸材料(苏州)有限公司).
"""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal

import pytest
from conftest import ENV, store_leftovers
from handmade import extraction

from kg.api import KnowledgeGraph, add, remove
from kg.curation import CurationError, Rule, append, default_path, load, parse
from kg.model import Amount

T1 = "壬癸新材投资壬癸新材料项目，总投资5亿元。壬癸新材董事长子丑出席。"
T2 = "壬癸材料(苏州)有限公司投资壬癸二期项目，总投资3亿元。"


def articles():
    x1 = extraction("c1.txt", T1,
                    [("Company", "壬癸新材", set()), ("Project", "壬癸新材料项目", set()), ("Person", "子丑", set())],
                    [("investor", "壬癸新材料项目", "壬癸新材", "总投资5亿元"),
                     ("investment", "壬癸新材料项目", Amount(Decimal(500000000), "CNY"), "总投资5亿元"),
                     ("holdsPosition", "子丑", "壬癸新材", "董事长", "董事长")])
    x2 = extraction("c2.txt", T2,
                    [("Company", "壬癸材料(苏州)有限公司", set()), ("Project", "壬癸二期项目", set())],
                    [("investor", "壬癸二期项目", "壬癸材料(苏州)有限公司", "总投资3亿元"),
                     ("investment", "壬癸二期项目", Amount(Decimal(300000000), "CNY"), "总投资3亿元")])
    return [x1, x2]


FULL = "壬癸材料(苏州)有限公司"


def investors(kg) -> dict[str, int]:
    df = kg.query("investment_by_investor")
    return dict(zip(df["investor"], df["projects"]))


def kg_cli(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], env={**ENV, **kw.pop("env", {})},
                          capture_output=True, text=True, timeout=600)


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "out" / "store"
    KnowledgeGraph.from_extractions(articles(), store=path)
    return path


# ---------------------------------------------------------------- the file


def test_parse_reads_every_operation():
    cur = parse('[[rule]]\nmerge = ["A公司", "B公司"]\ntype = "Company"\n'
                '[[rule]]\nalias = "A公司"\nnames = "甲"\n'
                '[[rule]]\nrename = "A公司"\nto = "A股份公司"\n'
                '[[rule]]\nretype = "C"\nto = "Fund"\n'
                '[[rule]]\ndrop = "D"\n')
    assert [r.op for r in cur.rules] == ["merge", "alias", "rename", "retype", "drop"]
    assert cur.rules[0] == Rule("merge", ("A公司", "B公司"), type="Company")
    assert cur.rules[1].names == ("A公司", "甲")


@pytest.mark.parametrize("text, message", [
    ('[[rule]]\nmerge = ["A"]\n', "two or more names"),
    ('[[rule]]\nmerge = ["A", "B"]\ndrop = "C"\n', "exactly one of"),
    ('[[rule]]\nrename = "A"\n', "needs to ="),
    ('[[rule]]\nretype = "A"\nto = "Firm"\n', "unknown class 'Firm'"),
    ('[[rule]]\ndrop = "A"\ncolour = "red"\n', "unknown key colour"),
    ('[[rule]]\ndrop = "A"\ntype = "Firm"\n', "unknown type 'Firm'"),
    ('[[rule]]\ndrop = ""\n', "non-empty string"),
    ('[merge]\nnames = 1\n', "unknown table merge"),
    ('[[rule]\n', "not valid TOML"),
])
def test_a_wrong_file_is_one_clear_error_naming_the_rule(text, message):
    with pytest.raises(CurationError, match=message) as info:
        parse(text, "c.toml")
    assert str(info.value).startswith("c.toml")


def test_append_keeps_the_users_lines_and_escapes_names(tmp_path):
    path = tmp_path / "curation.toml"
    path.write_text("# my notes\n[[rule]]\ndrop = \"甲\"  # wrong entity\n", encoding="utf-8")
    odd = 'a "quoted" \\ name\t'
    append(path, Rule("rename", ("乙",), to=odd))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# my notes\n[[rule]]\ndrop = \"甲\"  # wrong entity\n")
    assert load(path).rules == [Rule("drop", ("甲",)), Rule("rename", ("乙",), to=odd.strip())]
    append(tmp_path / "new.toml", Rule("drop", ("丙",)))
    assert load(tmp_path / "new.toml").rules == [Rule("drop", ("丙",))]


# ---------------------------------------------------------------- builds apply the file


def test_a_merge_changes_a_named_querys_answer_and_keeps_provenance(tmp_path):
    before = KnowledgeGraph.from_extractions(articles())
    assert investors(before) == {"壬癸新材": 1, FULL: 1}
    cur = tmp_path / "c.toml"
    cur.write_text(f'[[rule]]\nmerge = ["{FULL}", "壬癸新材"]\n', encoding="utf-8")
    after = KnowledgeGraph.from_extractions(articles(), curation=cur)
    assert investors(after) == {FULL: 2}
    card = after.query("entity_card", entity="壬癸新材")  # the old name is an alias now
    facts = card[card["property"] == "investor"]
    assert set(facts["source"]) == {"c1.txt", "c2.txt"}  # each fact keeps the article and sentence behind it
    assert set(facts["sentence"]) == {"壬癸新材投资壬癸新材料项目，总投资5亿元。", "壬癸材料(苏州)有限公司投资壬癸二期项目，总投资3亿元。"}
    posts = after.query("people_posts", person="子丑")
    assert list(posts["organization"]) == [FULL]
    from kg.store import counts

    assert {**after.report.counts, "triples": len(after.store)} == counts(after.store)


def test_rename_retype_and_drop(tmp_path):
    cur = tmp_path / "c.toml"
    cur.write_text('[[rule]]\nrename = "壬癸新材"\nto = "壬癸新材股份有限公司"\n'
                   '[[rule]]\nretype = "壬癸二期项目"\nto = "Park"\n'
                   '[[rule]]\ndrop = "子丑"\n', encoding="utf-8")
    kg = KnowledgeGraph.from_extractions(articles(), curation=cur)
    assert "壬癸新材股份有限公司" in investors(kg) and kg.lookup("壬癸新材").label == "壬癸新材股份有限公司"
    assert kg.lookup("壬癸二期项目").type == "Park"
    assert FULL not in investors(kg)  # the investor fact of a project retyped to a park breaks the ontology: dropped
    gone = kg.query('SELECT ?s ?p ?o WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } '
                    'FILTER(CONTAINS(STR(?o), "子丑") || EXISTS { ?s rdfs:label "子丑"@zh } || EXISTS { ?o rdfs:label "子丑"@zh }) }')
    assert gone.empty
    assert kg.query("people_posts").empty
    from kg.store import counts  # what kg build prints: the writer's counts, the store's own

    assert {**kg.report.counts, "triples": len(kg.store)} == counts(kg.store)


def test_rules_that_cannot_apply_are_reported_not_fatal(tmp_path):
    cur = tmp_path / "c.toml"
    cur.write_text('[[rule]]\ndrop = "不存在"\n', encoding="utf-8")
    kg = KnowledgeGraph.from_extractions(articles(), curation=cur)
    assert kg.report.warnings == ["curation rule 1 (drop 不存在) not applied: no entity is named '不存在'"]


def test_the_file_beside_the_store_is_applied_by_build_add_and_remove(store, tmp_path):
    default_path(store).write_text(f'[[rule]]\nmerge = ["{FULL}", "壬癸新材"]\n', encoding="utf-8")
    assert default_path(store) == store.parent / "curation.toml"
    article = tmp_path / "new.txt"
    article.write_text("2023年5月10日，苏州工业园区举行新能源产业大会。\n", encoding="utf-8")
    grown = add([article], store)
    assert investors(grown) == {FULL: 2} and "new.txt" in grown.report.articles
    smaller = remove(["c1.txt"], store)
    assert investors(smaller) == {FULL: 1} and not smaller.report.warnings  # nothing left to merge: no noise
    # without the kept firm's article the rule names nothing: said, kept in the file, applied when it is back
    alone = remove(["c2.txt"], store)
    assert alone.report.warnings == [f"curation rule 1 (merge 壬癸新材 into {FULL}) not applied: no entity is named '{FULL}'"]
    assert load(default_path(store)).rules == [Rule("merge", (FULL, "壬癸新材"))]


def test_a_rule_of_the_file_that_comes_to_join_two_entities_is_not_applied_and_said(tmp_path):
    # written when only c1's firm was there (kg rename and kg alias accepted them); c2 brings the
    # entity whose label they name: applied, they joined the two firms (one IRI) or made a name of both
    x1, x2 = articles()
    path = tmp_path / "out" / "store"
    KnowledgeGraph.from_extractions([x1], store=path)
    for rule, line in ((f'rename = "壬癸新材"\nto = "{FULL}"\n', f"(rename 壬癸新材 to {FULL}) not applied: it would then be one "
                        f"entity with the Company '{FULL}' (the same IRI); if they are one, kg merge them"),
                       (f'alias = "壬癸新材"\nnames = ["{FULL}"]\n', f"(alias {FULL} for 壬癸新材) not applied: '{FULL}' is the "
                        "label of the Company")):
        default_path(path).write_text(f"[[rule]]\n{rule}", encoding="utf-8")
        grown = KnowledgeGraph.from_extractions([x1, x2], store=path)  # (kg add of c2 writes the same way)
        assert investors(grown) == {"壬癸新材": 1, FULL: 1}
        assert len(grown.report.warnings) == 1 and line in grown.report.warnings[0], grown.report.warnings
        fresh = KnowledgeGraph.from_extractions([x1, x2], curation=default_path(path))
        assert investors(fresh) == {"壬癸新材": 1, FULL: 1} and fresh.report.warnings == grown.report.warnings


# ---------------------------------------------------------------- kg merge / rename / drop on a store


def test_cli_merge_writes_the_file_and_rewrites_the_store(store):
    before = KnowledgeGraph.open(store)
    assert investors(before) == {"壬癸新材": 1, FULL: 1}
    proc = kg_cli("merge", FULL, "壬癸新材", "--store", str(store))
    assert proc.returncode == 0, proc.stderr
    assert "wrote" in proc.stdout and "curation.toml" in proc.stdout
    assert load(default_path(store)).rules == [Rule("merge", (FULL, "壬癸新材"))]
    assert investors(before) == {FULL: 2}  # an opened graph follows the new version
    assert store_leftovers(store.parent, projections=True) == []
    proc = kg_cli("query", "investment_by_investor", "--store", str(store), "-f", "csv")
    assert proc.stdout.splitlines()[1].startswith(f"{FULL},CNY,800000000,2,")


def test_cli_rename_alias_retype_drop(store):
    assert kg_cli("rename", "壬癸新材", "壬癸新材科技", "--store", str(store)).returncode == 0
    assert kg_cli("alias", "壬癸新材科技", "RG", "--store", str(store)).returncode == 0
    assert kg_cli("retype", "壬癸二期项目", "Initiative", "--store", str(store)).returncode == 0
    assert kg_cli("drop", "子丑", "--store", str(store)).returncode == 0
    kg = KnowledgeGraph.open(store)
    assert kg.lookup("RG").label == "壬癸新材科技" and kg.lookup("壬癸二期项目").type == "Initiative"
    assert kg.query("people_posts").empty
    assert [r.op for r in load(default_path(store)).rules] == ["rename", "alias", "retype", "drop"]


def test_cli_refuses_an_ambiguous_or_unknown_name_and_changes_nothing(store, tmp_path):
    # two firms with the same alias: the name is ambiguous
    more = articles() + [extraction("c3.txt", "癸亥实业有限公司简称壬癸。甲子光电有限公司也简称壬癸。",
                                    [("Company", "癸亥实业有限公司", {"壬癸"}), ("Company", "甲子光电有限公司", {"壬癸"})], [])]
    KnowledgeGraph.from_extractions(more, store=store)
    version = os.readlink(store)
    proc = kg_cli("drop", "壬癸", "--store", str(store))
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert lines[0].startswith("error: cannot drop 壬癸: '壬癸' names 2 entities")
    assert [line.split("  (by")[0] for line in lines[1:]] == ["  甲子光电有限公司  [Company]  1 article",
                                                               "  癸亥实业有限公司  [Company]  1 article"]
    assert not default_path(store).exists() and os.readlink(store) == version
    proc = kg_cli("merge", FULL, "不存在", "--store", str(store))
    assert proc.returncode == 1 and "no entity is named '不存在'" in proc.stderr
    proc = kg_cli("retype", FULL, "Firm", "--store", str(store))
    assert proc.returncode == 1 and "unknown class 'Firm'" in proc.stderr
    proc = kg_cli("merge", FULL, "子丑", "--store", str(store))
    assert proc.returncode == 1 and "never merged across types" in proc.stderr
    # --type chooses among entities of one name
    proc = kg_cli("drop", "壬癸新材", "--type", "Project", "--store", str(store))
    assert proc.returncode == 1 and "no entity is named '壬癸新材' (of type Project)" in proc.stderr
    assert not default_path(store).exists() and os.readlink(store) == version


def test_cli_build_with_a_broken_curation_file_is_one_line(tmp_path):
    cur = tmp_path / "c.toml"
    cur.write_text("[[rule]]\nmerge = 1\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("2023年5月10日，苏州工业园区举行新能源产业大会。\n", encoding="utf-8")
    proc = kg_cli("build", str(article), "--store", str(tmp_path / "store"), "--curation", str(cur))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "merge needs a list" in proc.stderr
    assert not (tmp_path / "store").exists()
    cur.write_text('[[rule]]\ndrop = "不存在"\n', encoding="utf-8")
    proc = kg_cli("build", str(article), "--store", str(tmp_path / "store"), "--curation", str(cur))
    assert proc.returncode == 0
    assert proc.stderr == "warning: curation rule 1 (drop 不存在) not applied: no entity is named '不存在'\n"


def test_a_writer_killed_during_kg_merge_leaves_a_whole_store(store, tmp_path):
    version = os.readlink(store)
    proc = kg_cli("merge", FULL, "壬癸新材", "--store", str(store), env={"KG_STORE_CRASH_AT": "filled"})
    assert proc.returncode != 0
    assert os.readlink(store) == version and investors(KnowledgeGraph.open(store)) == {"壬癸新材": 1, FULL: 1}
    # the rule is in the file, so the next writer applies it
    article = tmp_path / "new.txt"
    article.write_text("2023年5月10日，苏州工业园区举行新能源产业大会。\n", encoding="utf-8")
    assert kg_cli("add", str(article), "--store", str(store)).returncode == 0
    assert investors(KnowledgeGraph.open(store)) == {FULL: 2}
    assert store_leftovers(store.parent, projections=True) == []


@pytest.mark.parametrize(("args", "message"), [
    (("rename", "壬癸新材", FULL), f"cannot rename 壬癸新材 to {FULL}: it would then be one entity with the Company '{FULL}'"),
    (("alias", "壬癸新材", FULL), f"'{FULL}' is the label of the Company '{FULL}': as an alias here it would name two entities"),
    (("merge", FULL, FULL), "nothing to merge"),
    (("alias", FULL, FULL), "has these names already: nothing to add"),
    (("rename", FULL, FULL), "has this label already: nothing to rename"),
    (("retype", FULL, "Company"), "is a Company already: nothing to retype"),
])
def test_a_new_rule_that_would_join_entities_unasked_or_do_nothing_is_refused(store, args, message):
    version = os.readlink(store)
    proc = kg_cli(*args, "--store", str(store))
    assert proc.returncode == 1 and proc.stderr.startswith("error: ") and message in proc.stderr, proc.stderr
    assert not default_path(store).exists() and os.readlink(store) == version


def test_a_merge_name_of_several_entities_is_refused(store):
    more = articles() + [extraction("c3.txt", "癸亥实业有限公司简称壬癸。甲子光电有限公司也简称壬癸。",
                                    [("Company", "癸亥实业有限公司", {"壬癸"}), ("Company", "甲子光电有限公司", {"壬癸"})], [])]
    KnowledgeGraph.from_extractions(more, store=store)
    proc = kg_cli("merge", FULL, "壬癸", "--store", str(store))
    assert proc.returncode == 1 and "'壬癸' names 2 entities; give the full label or the IRI of the one to merge" in proc.stderr
    assert not default_path(store).exists()


def test_the_curation_file_as_a_folder_a_link_a_bom_or_in_no_folder(store, tmp_path):
    beside = default_path(store)
    beside.mkdir()
    proc = kg_cli("merge", FULL, "壬癸新材", "--store", str(store))
    assert proc.returncode == 1 and proc.stderr == f"error: {beside} is a folder, not a curation file\n"
    beside.rmdir()
    real = tmp_path / "kept" / "rules.toml"  # the user's own file, linked beside the store
    real.parent.mkdir()
    real.write_text("\ufeff# my rules\n", encoding="utf-8")
    beside.symlink_to(real)
    proc = kg_cli("merge", FULL, "壬癸新材", "--store", str(store))
    assert proc.returncode == 0, proc.stderr
    assert beside.is_symlink() and 'merge = ["壬癸材料(苏州)有限公司", "壬癸新材"]' in real.read_text(encoding="utf-8")
    proc = kg_cli("merge", FULL, "壬癸新材", "--store", str(store), "--curation", str(tmp_path / "none" / "c.toml"))
    assert proc.returncode == 1 and "no folder" in proc.stderr and not (tmp_path / "none").exists()
