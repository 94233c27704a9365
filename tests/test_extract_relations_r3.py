"""Relation patterns on hand-written sentences (third file: rules of session 10)."""

from extract_helpers import article, facts, types
from kg.extract import extract


def test_a_product_made_of_ordinary_words_before_production_is_no_firm():
    ex = extract(article("新加坡宏泰工业私人有限公司在开发区设立宏泰精工(常州)有限公司,建设精密轴承生产项目。"))
    f, t = facts(ex), types(ex)
    assert t.get("精密轴承生产项目") == "Project", t
    assert "精密轴承" not in t, t
    assert not any(x[0] == "investor" and x[2] == "精密轴承" for x in f), f


def test_no_brand_is_guessed_for_a_project_whose_investor_the_text_states():
    ex = extract(article("其中,江西赣能光电科技有限公司投资28亿元建设高效TOPCon光伏组件项目。"))
    f, t = facts(ex), types(ex)
    assert ("investor", "高效TOPCon光伏组件项目", "江西赣能光电科技有限公司") in f, f
    assert "高效" not in t, t


def test_a_korean_or_japanese_legal_form_opens_with_its_country_and_a_role_noun_is_not_part_of_a_name():
    t = types(extract(article(
        "高新区管委会与日本大和精工株式会社签约。其中,车企的一级供应商安徽瑞驰汽车零部件有限公司投资6亿元建设底盘件项目。")))
    assert t.get("日本大和精工株式会社") == "Company", t
    assert "精工株式会社" not in t, t
    assert t.get("安徽瑞驰汽车零部件有限公司") == "Company", t
    assert not any(k.startswith("一级供应商") or k.startswith("供应商") for k in t), t


def test_and_the_company_before_a_post_names_no_firm_and_listed_firms_are_no_name():
    ex = extract(article("市委副书记、市长王立新与公司董事长周海明共同敲响上市宝钟。目前全市共有境内外上市公司25家。"))
    t = types(ex)
    assert t.get("王立新") == "Person" and t.get("周海明") == "Person", t
    assert not any(k.endswith("与公司") for k in t), t
    assert "境内外上市公司" not in t, t


def test_a_japanese_consul_s_four_character_name():
    t = types(extract(article("日本国驻上海总领事馆领事山口和夫,新加坡企业代表陈志明出席活动。")))
    assert t.get("山口和夫") == "Person", t
