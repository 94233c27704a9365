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
