"""Event detection and frames on handmade leads of the held-out kind (round 2)."""

from decimal import Decimal

from extract_helpers import article, facts
from kg.extract import extract
from kg.model import Amount, DateValue


def _x(text: str, dateline: str = "2022-11-20"):
    ex = extract(article(text, dateline=dateline))
    return ex, facts(ex)


def _events(ex) -> set[str]:
    return {e.label for e in ex.entities if e.type == "Event"}


def test_themed_joined_name_held_with_comma_and_relative_day():
    ex, f = _x(
        "本报讯 以“聚力长江 共赢未来”为主题的2022宜昌产业推介暨宜昌新区招商大会,前天上午在杭州拉开帷幕。"
        "截至昨天,此次活动共签约项目42个,签约总额达612.5亿元。"
        "本次签约项目覆盖光电子、生物医药、新材料等领域。"
    )
    ev = "2022宜昌产业推介暨宜昌新区招商大会"
    assert ev in _events(ex)
    assert ("date", ev, DateValue("2022-11-18")) in f
    assert ("location", ev, "杭州") in f
    assert ("projectCount", ev, 42) in f
    assert ("investment", ev, Amount(Decimal("61250000000"), "CNY")) in f
    assert ("inIndustry", ev, "生物医药") in f
    assert ("inIndustry", ev, "新材料") in f


def test_event_welcomed_by_a_place_keeps_its_joined_name():
    ex, f = _x("昨天下午,宁乡经开区迎来华宁智造产业园项目开工暨首批企业签约活动。活动现场,12个项目签约入园,预期投资9.6亿元。")
    ev = "华宁智造产业园项目开工暨首批企业签约活动"
    assert ev in _events(ex)
    assert ("projectCount", ev, 12) in f
    assert ("investment", ev, Amount(Decimal("960000000"), "CNY")) in f


def test_ceremony_held_during_a_fair_takes_the_signings():
    ex, f = _x(
        "第十八届中国西部国际博览会正在成都举办,昨天下午,四川省重大项目集中签约仪式在会期内举行。"
        "全省共有36个项目现场集中签约,计划投资820亿元。本届西博会于前天在成都开幕。"
    )
    fair, cer = "第十八届中国西部国际博览会", "四川省重大项目集中签约仪式"
    assert {fair, cer} <= _events(ex)
    assert ("projectCount", cer, 36) in f and ("projectCount", fair, 36) not in f
    assert ("investment", cer, Amount(Decimal("82000000000"), "CNY")) in f
    assert ("date", cer, DateValue("2022-11-19")) in f
    assert ("date", fair, DateValue("2022-11-18")) in f
    aliases = next(e.aliases for e in ex.entities if e.label == fair)
    assert "西博会" in aliases


def test_delegation_subtotal_is_not_the_events():
    _, f = _x("昨天,2022长沙产业招商大会举行,共签约项目40个,总投资500亿元。岳麓团此次签约项目9个,投资额达88亿元。")
    assert ("projectCount", "2022长沙产业招商大会", 40) in f
    assert ("projectCount", "2022长沙产业招商大会", 9) not in f


def test_project_started_in_the_events_name_and_welcoming_town():
    ex, f = _x(
        "昨天上午,白沙镇湘江智谷产业园区迎来湘江智谷产业园项目开工暨首批企业签约活动。"
        "湘江智谷产业园区由此进入施工阶段,首个片区落在白沙镇,所涉项目分布在数控装备、智能家居和汽车零部件等领域。"
    )
    ev = "湘江智谷产业园项目开工暨首批企业签约活动"
    assert ("signedAt", "湘江智谷产业园项目", ev) in f
    assert ("location", ev, "白沙镇") in f
    assert ("inIndustry", ev, "数控装备") in f
    assert ("inIndustry", ev, "智能家居") in f


def test_a_kind_of_project_in_a_drive_name_is_not_a_project():
    ex, _ = _x("2021宁乡春季重大项目集中开工。宁乡经开区有3个项目开工。")
    assert not any(e.type == "Project" and e.label.endswith("重大项目") for e in ex.entities)


def test_sector_list_of_signed_projects_goes_to_the_event_not_the_initiative():
    ex, f = _x("昨天,2022株洲产业招商大会在长沙举行。据介绍,本次签约项目紧扣株洲“3+3”产业体系,覆盖轨道交通、新材料、生物医药等领域。")
    ev = "2022株洲产业招商大会"
    assert ("inIndustry", ev, "新材料") in f
    assert not any(r[0] == "inIndustry" and "产业体系" in r[1] for r in f)


def test_lead_fallback_names_the_event_without_a_holding_verb():
    ex, f = _x("本报讯 以“产城融合 共赢未来”为主题的衡阳市产业合作推介会吸引了300余位客商,现场签约项目27个,总投资156亿元。")
    assert "衡阳市产业合作推介会" in _events(ex)
    assert ("projectCount", "衡阳市产业合作推介会", 27) in f


def test_signer_in_the_clause_before_and_trip_paragraph():
    _, f = _x(
        "昨天,2022岳阳产业推介大会在广州举行。\n"
        "大会上,岳阳城投集团联合华南建工集团,与岳阳经开区管委会签订产业园项目合作协议。\n"
        "在粤期间,代表团还拜访了多家企业。9日上午,管委会又同广州远航科技有限公司签下投资协议。"
    )
    ev = "2022岳阳产业推介大会"
    assert ("participatedIn", "岳阳城投集团", ev) in f
    assert ("participatedIn", "广州远航科技有限公司", ev) not in f


def test_drive_article_lists_town_batches_with_plans_in_other_clauses():
    _, f = _x(
        "2021株洲秋季重大项目集中开工。据统计,此次集中开工的重大项目共30个,总投资210亿元。\n"
        "各区镇产业项目多点开花。\n"
        "天元区开工项目4个,累计总投资30亿元,当年计划投资8亿元,星辰电机、华彩包装等项目名列其中。\n"
        "渌口镇则有南山纸业等项目开工。"
    )
    ev = "2021株洲秋季重大项目集中开工"
    assert ("signedAt", "星辰电机项目", ev) in f
    assert ("signedAt", "南山纸业项目", ev) in f


def test_project_named_in_the_signed_agreement():
    _, f = _x("昨天,2022岳阳产业推介大会在广州举行。会上,岳阳经开区管委会与华南建工集团签订岳阳智造谷项目合作协议。")
    assert ("signedAt", "岳阳智造谷项目", "2022岳阳产业推介大会") in f


def test_park_that_holds_the_event_and_one_character_city_name():
    _, f = _x(
        "8月18日,长沙星河智造产业园正式开园。开园仪式结束后,园区随即举行首批智能装备产业项目签约仪式。"
    )
    assert ("location", "首批智能装备产业项目签约仪式", "长沙星河智造产业园") in f
    _, f = _x("昨天,衡阳市产业合作推介会在衡举行。衡阳市相关负责人出席。衡阳将继续扩大开放。")
    assert ("location", "衡阳市产业合作推介会", "衡阳") in f


def test_a_place_that_convenes_is_not_the_location():
    _, f = _x("2022年12月15日,株洲召开动力谷建设动员大会,提出打造产业高地。")
    assert not any(r[0] == "location" for r in f)


def test_short_form_of_a_fair_is_an_alias_and_a_bo_hui_is_an_event():
    ex, f = _x("第六届中国国际消费品博览会昨天在海口开幕。本届消博会吸引了3000多家企业参展。继农博会之后,海口又迎来一场盛会。")
    ev = next(e for e in ex.entities if e.label == "第六届中国国际消费品博览会")
    assert "消博会" in ev.aliases
    assert "农博会" in _events(ex)


def test_bodies_acting_through_their_people():
    _, f = _x(
        "昨天,2022岳阳产业推介大会在长沙举行。岳阳城投集团总经理赵明远对外发布了《临港新城规划》。"
        "岳阳经开区党工委书记钱卫东代表党工委、管委会,对出席活动的各位嘉宾表示欢迎。"
        "市长孙立新代表市委、市政府,对项目签约表示祝贺。"
    )
    ev = "2022岳阳产业推介大会"
    assert ("participatedIn", "岳阳城投集团", ev) in f
    assert any(r[0] == "participatedIn" and r[1].endswith("党工委") for r in f)
    assert not any(r[0] == "participatedIn" and r[1].endswith("市委") for r in f)


def test_funding_origin_projects_are_a_kind_not_a_name():
    ex, f = _x("昨天,2022衡阳产业招商大会在衡阳举行,活动现场,12个港资项目签约入园,预期投资9.6亿元。")
    assert not any(e.type == "Project" and e.label == "港资项目" for e in ex.entities)
    assert ("projectCount", "2022衡阳产业招商大会", 12) in f


def test_plain_event_held_by_a_delegation_and_total_amount():
    ex, f = _x(
        "湘潭赴广州举办产业推介会 签约项目19个\n"
        "本报讯 9月12日,湘潭市党政代表团赴广州举办产业推介会。推介会上,19个项目现场签约,总金额135亿元。"
    )
    assert "产业推介会" in _events(ex)
    assert ("projectCount", "产业推介会", 19) in f
    assert ("investment", "产业推介会", Amount(Decimal("13500000000"), "CNY")) in f
