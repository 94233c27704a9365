"""kg.analyse.lookup: entities by label or alias, Traditional script and full width tolerated."""

from __future__ import annotations

import pytest

from kg.analyse.lookup import EntityNotFound, lookup, lookup_all, normalise
from kg.analyse.projection import to_networkx


@pytest.fixture(scope="module")
def G(contract_ds):
    return to_networkx(contract_ds)


def test_normalise_folds_script_width_quotes_and_spaces():
    assert normalise("清陶（崑山）能源") == "清陶(昆山)能源"
    assert normalise("“链长制”") == "链长制"
    assert normalise(" 友达 光电 ") == "友达光电"
    assert normalise("ＬＴＰＳ") == "ltps"


def test_label_and_alias(G):
    assert lookup(G, "冯玉川").type == "Person"
    m = lookup(G, "清陶")
    assert m.label == "清陶(昆山)能源发展股份有限公司" and m.by_alias and m.matched == "清陶"


def test_traditional_and_full_width(G):
    assert lookup(G, "清陶（崑山）能源發展股份有限公司").label == "清陶(昆山)能源发展股份有限公司"
    assert lookup(G, "馮玉川").label == "冯玉川"
    assert lookup(G, "“六新產業鏈長制”").label == "链长制"


def test_unknown_name_raises_with_suggestions(G):
    with pytest.raises(EntityNotFound) as info:
        lookup(G, "清陶能")
    assert "清陶(昆山)能源发展股份有限公司" in info.value.suggestions
    assert "清陶能" in str(info.value) and "Did you mean" in str(info.value)
    with pytest.raises(EntityNotFound) as info:
        lookup(G, "冯玉州")  # one character off
    assert info.value.suggestions[0] == "冯玉川"
    assert isinstance(info.value, LookupError)


def test_lookup_all_is_exact(G):
    assert lookup_all(G, "友达") and lookup_all(G, "友达")[0].label == "友达光电"
    assert lookup_all(G, "昆山市新兴") == []


# ---------------------------------------------------------------- seed graph


def test_seed_lookup(seed_kg):
    assert seed_kg.lookup("馮玉川").label == "冯玉川"
    with pytest.raises(EntityNotFound) as info:
        seed_kg.lookup("冯玉")
    assert "冯玉川" in info.value.suggestions


# ---------------------------------------------------------------- a name of several entities (hand-made graph)


@pytest.fixture(scope="module")
def handmade_store(tmp_path_factory):
    from handmade import handmade

    from kg.api import KnowledgeGraph

    store = tmp_path_factory.mktemp("handmade-lookup") / "store"
    return KnowledgeGraph.from_extractions(handmade(), store=store)


def test_an_ambiguous_name_lists_the_candidates_and_picks_none(handmade_store):
    from kg.analyse.lookup import AmbiguousEntity, EntityLookupError

    with pytest.raises(AmbiguousEntity) as info:
        handmade_store.lookup("市委")  # 苏州市委 in one article, 昆山市委 in the same one
    exc = info.value
    assert isinstance(exc, EntityLookupError) and isinstance(exc, LookupError) and not isinstance(exc, EntityNotFound)
    assert sorted((c.label, c.type, c.articles, c.by_alias, c.matched) for c in exc.candidates) == [
        ("昆山市委", "GovernmentBody", 1, True, "市委"), ("苏州市委", "GovernmentBody", 1, True, "市委")]
    assert str(exc).startswith("'市委' names 2 entities; give the full label or the IRI")
    # the full label, or the IRI, names one
    one = handmade_store.lookup("苏州市委")
    assert handmade_store.lookup(one.iri).label == "苏州市委"
    with pytest.raises(AmbiguousEntity):
        handmade_store.path("市委", "李四")
    # a firm's label that is also the alias of a project: the label names the firm (else it could not be named)
    assert handmade_store.lookup("丙丁光伏").type == "Company"
    with pytest.raises(AmbiguousEntity):
        handmade_store.drawing(focus="市委")


def test_cli_ambiguous_name_is_exit_1_with_the_candidates(handmade_store):
    import subprocess
    import sys

    from conftest import ENV

    store = str(handmade_store.store_path)
    for args in (["path", "市委", "李四"], ["viz", "--focus", "市委", "-o", str(handmade_store.store_path.parent / "v.html")],
                 ["analyze", "lookup", "市委"]):
        proc = subprocess.run([sys.executable, "-m", "kg", *args, "--store", store], env=ENV,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 1, args
        lines = proc.stderr.splitlines()
        assert lines[0].startswith("error: '市委' names 2 entities"), args
        assert sorted(line.split("  (by")[0] for line in lines[1:]) == [
            "  昆山市委  [GovernmentBody]  1 article (a3.txt)", "  苏州市委  [GovernmentBody]  1 article (a3.txt)"], (args, lines)
    assert not (handmade_store.store_path.parent / "v.html").exists()
    proc = subprocess.run([sys.executable, "-m", "kg", "path", "苏州市委", "李四", "--store", store], env=ENV,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and "李四" in proc.stdout
