"""Entity mention rules on hand-written sentences: places, initiatives, projects, name edges."""

from extract_helpers import article, types
from kg.extract import extract


def test_county_short_form_needs_its_region():
    # 惠民 and 友谊 are county short forms, here common words
    t = types(extract(article("大家共叙友谊,推进教育惠民工程,企业纷纷到苏州投资。")))
    assert "友谊" not in t and "惠民" not in t
    # a county named with its ending or its city is a place
    t = types(extract(article("滨州市惠民县的企业到昆山市投资,惠民的客商表示满意。")))
    assert t.get("惠民") == "Place"


def test_name_does_not_start_with_you():
    t = types(extract(article("千灯镇则有华星精密科技等项目开工。")))
    assert not any(k.startswith("有") for k in t)
