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


def test_projects_in_lists():
    ex = extract(article(
        "高新区有4个项目开工,分别是华光电子、明远冷链物流、星河机器人产业基地和雅丰食品。"
        "镇上的锦程广场、城北总部经济园和恒通物流3个项目开工。"
        "宏达精密、瑞丰新材等项目均在其列。"
    ))
    t = types(ex)
    for name in ("华光电子项目", "明远冷链物流项目", "星河机器人产业基地项目", "雅丰食品项目",
                 "锦程广场项目", "城北总部经济园项目", "恒通物流项目", "宏达精密项目", "瑞丰新材项目"):
        assert t.get(name) == "Project", name
    assert not any(k.endswith("3个项目") for k in t)


def test_works_and_kinds_of_projects():
    t = types(extract(article("城南医疗中心、城北医疗中心和妇幼保健中心同步开工建设。推动更多好项目和首店型项目落地。")))
    assert t.get("城南医疗中心项目") == "Project" and t.get("妇幼保健中心项目") == "Project"
    assert "更多好项目" not in t and "首店型项目" not in t
