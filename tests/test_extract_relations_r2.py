"""Relation patterns on hand-written sentences (second file: rules of session 9)."""

from decimal import Decimal

from extract_helpers import article, facts, types
from kg.extract import extract
from kg.model import Amount


def test_two_products_joined_by_ji_after_a_build_verb_make_one_project():
    ex = extract(article("其中,湖北楚天汽配有限公司投资4亿元建设汽车座椅骨架及内饰件生产项目,项目建成后年产值8亿元。"))
    f, t = facts(ex), types(ex)
    assert t.get("汽车座椅骨架及内饰件生产项目") == "Project", t
    assert ("investor", "汽车座椅骨架及内饰件生产项目", "湖北楚天汽配有限公司") in f
    assert ("investment", "汽车座椅骨架及内饰件生产项目", Amount(Decimal("400000000"), "CNY")) in f
    assert "内饰件" not in t  # no firm made of the project's head


def test_product_attributes_tagged_as_adverb_or_verb_stay_in_names():
    t = types(extract(article("抚顺新宇防爆设备股份有限公司投资2亿元建设一次性无菌注射器生产项目。")))
    assert t.get("抚顺新宇防爆设备股份有限公司") == "Company", t
    assert t.get("一次性无菌注射器生产项目") == "Project", t


def test_founders_of_a_joint_fund_are_partners():
    f = facts(extract(article("会上,柳州市城市投资发展集团有限公司与广西汇金资本管理有限公司共同发起设立规模20亿元的柳州汽车零部件产业投资基金。")))
    pair = {"柳州市城市投资发展集团有限公司", "广西汇金资本管理有限公司"}
    assert any(x[0] == "partnerOf" and {x[1], x[2]} == pair for x in f), f


def test_a_bare_phase_project_is_the_phase_the_ceremony_is_named_after_and_sits_in_its_park():
    ex = extract(article(
        "本报讯 5月8日,安顺新材料产业园三期项目开工仪式在安顺经济技术开发区举行。"
        "安顺新材料产业园由安顺经济技术开发区管委会规划建设。三期项目总投资15亿元,将建设标准化厂房。", dateline="2025-05-09"))
    f, t = facts(ex), types(ex)
    assert "三期项目" not in t, t
    assert ("investment", "安顺新材料产业园三期项目", Amount(Decimal("1500000000"), "CNY")) in f
    assert ("locatedIn", "安顺新材料产业园三期项目", "安顺新材料产业园") in f
    assert ("locatedIn", "安顺新材料产业园三期项目", "安顺经济技术开发区") not in f
