"""Events, projects and firms on hand-written sentences (seventh file: rules of session 14).

Each names firms, people and places invented for the test (real places only where the lexicon of
administrative places is what is tested), never those of a gold file."""

from extract_helpers import article, facts, types
from kg.extract import extract


def test_an_event_joining_two_acts_with_ji_keeps_the_first_act_in_its_name():
    ex = extract(article(
        "昨天上午,恒星集团西南区域总部落户暨重点项目签约仪式在恒川经济技术开发区举行。"
        "仪式上共签约项目6个,总投资约35亿元。"))
    t = types(ex)
    assert t.get("恒星集团西南区域总部落户暨重点项目签约仪式") == "Event", t
    assert "暨重点项目签约仪式" not in t, t
