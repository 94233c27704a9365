"""The `kg analyze …` and `kg path` commands, run as a real process on a real on-disk store."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    import pyoxigraph as ox

    from kg.store import write_store

    path = tmp_path_factory.mktemp("analyse-cli") / "store"
    write_store(path, ox.parse(path=ROOT / "tests" / "data" / "analyse_contract.trig", format=ox.RdfFormat.TRIG))
    return path


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_help_documents_each_analysis():
    out = kg("analyze", "--help")
    assert out.returncode == 0
    for command in ("centrality", "communities", "brokers", "lookup"):
        assert command in out.stdout
    assert "--type" in kg("analyze", "centrality", "--help").stdout
    path_help = kg("path", "--help").stdout
    assert "--avoid" in path_help and "evidence" in path_help


def test_centrality(store):
    out = kg("analyze", "centrality", "--type", "Company", "--top", "2", "--store", str(store))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].split()[:5] == ["label", "type", "degree", "betweenness", "pagerank"]
    assert "(2 rows)" in out.stdout and "Company" in lines[2]
    bad = kg("analyze", "centrality", "--by", "fame", "--store", str(store))
    assert bad.returncode == 2 and "unknown measure" in bad.stderr


def test_path_prints_hops_and_evidence(store):
    out = kg("path", "友達", "鏈長制", "--store", str(store))
    assert out.returncode == 0, out.stderr
    assert "友达光电 ←[投资方]— 友达LTPS超窄边框面板项目" in out.stdout
    assert "[a1.txt]" in out.stdout
    quiet = kg("path", "友达", "链长制", "--no-evidence", "--store", str(store))
    assert "[a1.txt]" not in quiet.stdout


def test_unknown_name_suggests(store):
    out = kg("path", "清陶能", "链长制", "--store", str(store))
    assert out.returncode == 1
    assert "Did you mean" in out.stderr and "清陶(昆山)能源发展股份有限公司" in out.stderr


def test_brokers_communities_lookup(store):
    brokers = kg("analyze", "brokers", "--store", str(store), "--format", "json")
    assert brokers.returncode == 0, brokers.stderr
    assert '"firm": "友达光电"' in brokers.stdout
    comm = kg("analyze", "communities", "--store", str(store))
    assert comm.returncode == 0 and "元宇宙" in comm.stdout
    look = kg("analyze", "lookup", "清陶", "--store", str(store))
    assert look.returncode == 0 and "清陶(昆山)能源发展股份有限公司  [Company]" in look.stdout


def test_path_between_two_names_of_one_entity_says_so(store):
    out = kg("path", "友达", "友达光电", "--store", str(store))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("友达 and 友达光电 name the same entity: 友达光电  [Company]  https://")


def test_viz_of_nothing_says_why_without_blaming_a_query(tmp_path):
    no_entity = tmp_path / "no-entity.nt"  # a graph of no entity: one triple of something else
    no_entity.write_text('<http://example.org/a> <http://example.org/p> "v" .\n', encoding="utf-8")
    assert kg("load", str(no_entity), "--store", str(tmp_path / "st")).returncode == 0
    out = kg("viz", "-o", str(tmp_path / "v.html"), "--store", str(tmp_path / "st"))
    assert out.returncode == 0 and out.stderr.strip() == "warning: nothing to draw (the graph has no entities)"


def test_centrality_shows_iris_when_namesakes_share_a_label(tmp_path):
    """Two people of one name are two rows that only their IRIs tell apart (the column comes then)."""
    from handmade import extraction
    from typer.testing import CliRunner

    from kg.api import KnowledgeGraph
    from kg.cli import app

    def official(name, org, title):
        return extraction(name, f"{org}{title}周海川出席。", [("Person", "周海川", ()), ("GovernmentBody", org, ())],
                          [("holdsPosition", "周海川", org, f"{org}{title}", title)])

    store = tmp_path / "store"
    KnowledgeGraph.from_extractions([official("a.txt", "甲城市委", "市委常委"), official("b.txt", "乙城高新区党工委", "党工委书记")],
                                    store=store)
    out = CliRunner().invoke(app, ["analyze", "centrality", "--type", "Person", "--store", str(store)])
    assert out.exit_code == 0 and out.output.count("周海川") == 2 and out.output.count("https://w3id.org/chanye/id/person/") == 2, out.output
