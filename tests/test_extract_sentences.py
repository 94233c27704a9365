"""Sentence splitting and the component registry."""

import pytest

from extract_helpers import article
from kg.extract import REGISTRY, Pipeline, component, default_pipeline
from kg.extract.components.sentences import split


def test_split_keeps_offsets():
    text = "第一句话。第二句话!\n标题行\n第三句?"
    sents = split(text)
    assert [s.text for s in sents] == ["第一句话。", "第二句话!", "标题行", "第三句?"]
    for s in sents:
        assert text[s.start : s.end] == s.text
    assert [s.index for s in sents] == [0, 1, 2, 3]


def test_pipeline_order_comes_from_data():
    names = default_pipeline().names
    assert names[0] == "sentences" and "people" in names
    # the rules end with finalise; only the learned component, which reads what they found, follows
    assert names[names.index("finalise") :] in (["finalise"], ["finalise", "learned_relations"])
    assert all(n in REGISTRY for n in names)


def test_unknown_component_is_an_error():
    with pytest.raises(KeyError):
        Pipeline(["sentences", "no_such_component"])


def test_component_registers_and_runs():
    seen = []

    @component("test_probe")
    def probe(doc):
        seen.append(len(doc.sentences))

    Pipeline(["sentences", "test_probe"]).run(article("甲。乙。丙。"))
    assert seen == [3]
