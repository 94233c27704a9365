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
