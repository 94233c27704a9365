"""Mention detection and typing on hand-written sentences (not from the seeds)."""

from extract_helpers import article, types
from kg.extract import extract
from kg.extract.names import left_edge


def test_left_edge_stops_at_function_words_and_verbs():
    text = "落户张浦镇的华辰精密装备(昆山)股份有限公司"
    start, _ = left_edge(text, text.index("股份有限公司"), 0)
    assert text[start:] == "华辰精密装备(昆山)股份有限公司"
    text = "代表团走进海康威视集团"
    start, _ = left_edge(text, text.index("集团"), 0)
    assert text[start:] == "海康威视集团"


def test_organisations_by_suffix():
    t = types(extract(article("会上,常州市新能源产业促进会与南京工业大学、江苏省产业技术研究院签署合作协议。")))
    assert t.get("常州市新能源产业促进会") == "Association"
    assert t.get("南京工业大学") == "University"
    assert t.get("江苏省产业技术研究院") == "ResearchInstitute"


def test_parks_events_and_places():
    ex = extract(article("3月18日,2023无锡国际物联网产业推介会在无锡高新区举行,多个项目落户惠山区玉祁街道。", dateline="2023-03-19"))
    t = types(ex)
    assert t.get("2023无锡国际物联网产业推介会") == "Event"
    assert t.get("无锡高新区") == "Park"
    assert t.get("惠山") == "Place" and t.get("玉祁街道") == "Place"
    assert "物联网" not in t  # an industry inside a name is not a mention of its own


def test_generic_words_are_not_names():
    t = types(extract(article("全市各类产业园区加快建设,一批重点项目和特色专业创新园区加速崛起。")))
    assert not any(typ in ("Park", "Project") for typ in t.values()), t


def test_initiatives_quoted_and_by_suffix():
    text = "会上发布《太仓市智能制造产业发展三年行动计划(2024-2026年)》,实施“333”招商工作机制,推行“园长制”。"
    t = types(extract(article(text)))
    assert t.get("太仓市智能制造产业发展三年行动计划(2024-2026年)") == "Initiative"
    assert t.get("333招商工作机制") == "Initiative"
    assert t.get("园长制") == "Initiative"


def test_projects_from_a_list_with_amounts():
    text = "其中,总投资12亿元的瑞丰新型显示模组、5亿美元的奥克斯智能家电等项目现场签约。"
    ex = extract(article(text))
    t = types(ex)
    assert t.get("瑞丰新型显示模组项目") == "Project"
    assert t.get("奥克斯智能家电项目") == "Project"


def test_firms_in_a_list_of_companies():
    t = types(extract(article("目前已引进蓝思科技、晶澳太阳能、汇川技术等龙头企业20家。")))
    assert t.get("蓝思科技") == "Company"
    assert t.get("汇川技术") == "Company"


def test_place_short_forms_need_word_boundaries():
    t = types(extract(article("要做大新兴产业,建设新城市。")))
    assert "大新" not in t and "新城" not in t
