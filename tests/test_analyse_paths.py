"""kg.analyse.paths: shortest paths with direction, relation and evidence of each hop."""

from __future__ import annotations

import pytest

from kg.analyse.lookup import EntityNotFound
from kg.analyse.paths import shortest_paths
from kg.analyse.projection import to_networkx


@pytest.fixture(scope="module")
def G(contract_ds):
    return to_networkx(contract_ds)


def test_firm_to_initiative_through_project_and_event(G):
    paths = shortest_paths(G, "友达", "链长制")
    assert paths and all(len(p.hops) == 3 for p in paths)
    [path] = [p for p in paths if [h.predicate for h in p.hops] == ["investor", "signedAt", "launched"]]
    first, second, third = path.hops
    assert (first.source_label, first.target_label, first.forward) == ("友达光电", "友达LTPS超窄边框面板项目", False)
    assert second.forward and third.forward
    assert all(h.evidence for h in path.hops)
    text = path.describe()
    assert "友达光电 ←[投资方]— 友达LTPS超窄边框面板项目" in text
    assert "[a1.txt]" in text and "现场签约" in text


def test_post_hop_shows_title(G):
    [path] = shortest_paths(G, "冯玉川", "清陶")
    assert path.hops[0].title == "董事长"
    assert "担任职务 董事长" in path.describe()


def test_avoid_types_and_no_path(G):
    around = shortest_paths(G, "硅基智能", "链长制", avoid=("Industry",))
    assert around and all(G.nodes[n]["type"] != "Industry" for p in around for n in p.nodes)
    assert any(G.nodes[n]["label"] == "昆山" for n in around[0].nodes)
    longer = shortest_paths(G, "硅基智能", "链长制", avoid=("Industry", "Place"))
    assert longer and len(longer[0].hops) > len(around[0].hops)
    assert "友达光电" in [G.nodes[n]["label"] for n in longer[0].nodes]
    assert shortest_paths(G, "硅基智能", "链长制", avoid=("Industry", "Place", "Company")) == []


def test_unknown_entity(G):
    with pytest.raises(EntityNotFound):
        shortest_paths(G, "不存在的公司", "链长制")


def test_two_names_of_one_entity_are_a_path_of_no_hops(G):
    [same] = shortest_paths(G, "冯玉川", "冯玉川")
    assert same.hops == [] and G.nodes[same.origin]["label"] == "冯玉川" and same.nodes == [same.origin]
    [alias] = shortest_paths(G, "友达", "友达光电")
    assert alias.hops == [] and G.nodes[alias.origin]["label"] == "友达光电"


def test_avoid_organization_means_its_subclasses_and_a_string_works(G):
    through_firms = shortest_paths(G, "硅基智能", "链长制", avoid=("Industry", "Place"))
    assert any(G.nodes[n]["type"] == "Company" for n in through_firms[0].nodes[1:-1])
    without = shortest_paths(G, "硅基智能", "链长制", avoid=("Industry", "Place", "Organization"))
    assert without == shortest_paths(G, "硅基智能", "链长制", avoid="Industry,Place,Company")
    assert all(G.nodes[n]["type"] != "Company" for p in without for n in p.nodes[1:-1])


@pytest.mark.parametrize(("call", "error", "message"), [
    (dict(a=None), TypeError, "an entity name must be a string, not NoneType"),
    (dict(b=7), TypeError, "an entity name must be a string, not int"),
    (dict(limit=0), ValueError, "limit must be at least 1, not 0"),
    (dict(limit="3"), TypeError, "limit must be a whole number, not str"),
    (dict(avoid=("Foo",)), ValueError, "unknown class 'Foo'; use one of Person, "),
])
def test_bad_arguments_are_refused_by_name(G, call, error, message):
    args = dict(a="冯玉川", b="链长制") | call
    with pytest.raises(error, match=message):
        shortest_paths(G, **args)


# ---------------------------------------------------------------- seed graph


def test_seed_path_from_a_firm_to_an_initiative_names_its_evidence(seed_kg):
    from kg.analyse.bipartite import firm_initiative_graph

    G = seed_kg.to_networkx()
    B = firm_initiative_graph(G)
    assert B.number_of_edges() > 0
    firm, initiative = sorted(B.edges())[0]
    if B.nodes[firm]["bipartite"] == 1:
        firm, initiative = initiative, firm
    paths = seed_kg.path(G.nodes[firm]["label"], G.nodes[initiative]["label"])
    assert paths
    for path in paths:
        assert path.nodes[0] == firm and path.nodes[-1] == initiative
        assert all(hop.evidence for hop in path.hops)
        text = path.describe()
        assert text.count(".txt]") >= len(path.hops)


def test_long_evidence_is_cut_around_the_names():
    from kg.analyse.paths import excerpt

    sentence = "甲" * 100 + "友达" + "丙" * 200 + "链长制" + "乙" * 50
    near = excerpt(sentence, ("友达",), width=40)
    assert "友达" in near and near.startswith("…") and near.endswith("…") and len(near) == 42
    far = excerpt(sentence, ("友达", "链长制"), width=40)
    assert "友达" in far and "链长制" in far and len(far) < 50
    assert excerpt("短句", ("x",)) == "短句"


def test_docstring_examples_run():
    import doctest
    import importlib

    for name in ("kg.analyse.paths", "kg.analyse.lookup"):
        module = importlib.import_module(name)  # the module, not the re-exported function
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__
