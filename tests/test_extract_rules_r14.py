"""Names, events and sectors on hand-written sentences (fourteenth file: rules of session 34).

Each names firms, people and projects invented for the test, never those of a gold file."""

from extract_helpers import article, facts, types

from kg.extract import extract
from kg.model import DateValue


def test_a_yi_name_of_four_characters_keeps_its_given_name():
    text = "州委书记吉克拉哈,州委副书记、州长沙马尔布出席签约仪式。县长阿尔木呷表示,项目进展顺利。"
    t = types(extract(article(text, dateline="2026-10-20")))
    people = {label for label, typ in t.items() if typ == "Person"}
    assert {"吉克拉哈", "沙马尔布", "阿尔木呷"} <= people, people
    assert not {"吉克拉", "沙马尔", "阿尔木"} & people, people


def test_a_han_name_of_a_surname_and_a_clan_like_pair_stays_a_han_name():
    t = types(extract(article("副市长马海涛在会上致辞。县长吉克说,项目进展顺利。", dateline="2026-10-20")))
    assert t.get("马海涛") == "Person" and t.get("吉克") == "Person", t


def test_an_official_presiding_over_a_plain_signing_ceremony_is_not_part_of_its_name():
    text = ("上月28日,临川州人民政府与华岳绿能集团有限公司在州府举行签约仪式,双方签署战略合作协议。"
            "州长周明远出席签约仪式。州委常委、副州长杨启东主持签约仪式并代表州政府签约。")
    t = types(extract(article(text, dateline="2026-10-20")))
    events = {label for label, typ in t.items() if typ == "Event"}
    assert events == {"签约仪式"}, events


def test_the_sock_trade_is_a_sector():
    t = types(extract(article("会议提出,推动全市袜业向数字化、品牌化转型。", dateline="2026-10-20")))
    assert t.get("袜业") == "Industry", t


def test_an_investment_firm_that_pays_for_the_government_is_its_vehicle():
    text = "基金首期规模8亿元,由临江市国有资本投资运营集团有限公司代表市政府出资,委托青州恒远私募基金管理有限公司管理。"
    t = types(extract(article(text, dateline="2026-10-20")))
    assert t.get("临江市国有资本投资运营集团有限公司") == "GovernmentBody", t
    assert t.get("青州恒远私募基金管理有限公司") == "Company", t  # (委托 opens no firm's name)


def test_a_round_count_of_head_or_land_opens_a_projects_name():
    text = "基金出资1.2亿元,投向该公司总投资6.8亿元的万头肉牛标准化养殖项目。"
    t = types(extract(article(text, dateline="2026-10-20")))
    assert t.get("万头肉牛标准化养殖项目") == "Project", t


def test_a_city_written_before_a_place_opening_with_its_head_holds_no_mayor():
    # (real places: what is tested is the lexicon's 白山市 and 长白; the park and firm are invented)
    text = "青禾集团投资8亿元,在白山市长白山冰泉产业园建设人参饮品生产线项目。白山市长李明远出席。"
    t = types(extract(article(text, dateline="2026-10-20")))
    assert t.get("白山市长白山冰泉产业园") == "Park" and t.get("人参饮品生产线项目") == "Project", t
    assert "白山" not in {label for label, typ in t.items() if typ == "Person"}, t
    assert t.get("李明远") == "Person", t  # (白山 + 市长 + a name: the mayor)
    assert "长白" not in t, t  # (the county is the start of the mountain's name there)


def test_the_firms_just_named_settle_together_in_the_park():
    text = ("昨天,临江智造产业园揭牌。签约项目中,青禾航空科技有限公司投资10亿元,建设青禾飞行器总装基地项目;"
            "云翔无人机系统有限公司投资6亿元,建设工业级无人机生产基地项目。以上企业将入驻临江智造产业园。")
    f = facts(extract(article(text, dateline="2026-10-20")))
    settled = {(x[1], x[2]) for x in f if x[0] == "settledIn"}
    assert settled == {("青禾航空科技有限公司", "临江智造产业园"), ("云翔无人机系统有限公司", "临江智造产业园")}, settled


def test_the_dairy_trade_is_a_sector_by_either_name():
    ex = extract(article("会议提出,做强全市奶产业,打造奶业强市。", dateline="2026-10-20"))
    e = ex.entity("奶产业")
    assert e is not None and e.type == "Industry" and e is ex.entity("奶业"), types(ex)


def test_a_government_and_a_firm_before_a_count_of_projects_are_no_projects():
    text = "临川市人民政府与青禾集团签署战略合作协议 2个项目总投资40亿元\n昨天,双方签约。"
    t = types(extract(article(text, dateline="2026-10-20")))
    assert not [label for label, typ in t.items() if typ == "Project"], t


def test_a_word_ending_before_a_place_that_opens_with_its_head_holds_no_post():
    # (real places: the lexicon's 长白; the people are invented)
    t = types(extract(article("赵启明介绍,白山地处长白山腹地,是全国重要的矿泉水水源地。", dateline="2026-10-20")))
    assert [label for label, typ in t.items() if typ == "Person"] == ["赵启明"], t
    t = types(extract(article("市商务局处长王明远出席。", dateline="2026-10-20")))
    assert t.get("王明远") == "Person", t


def test_young_opens_no_new_name_inside_an_associations():
    text = "推介会由临江市人民政府主办,香港湾区青年企业家协会协办。协会会长罗启明致辞。"
    t = types(extract(article(text, dateline="2026-10-20")))
    assert t.get("香港湾区青年企业家协会") == "Association" and "企业家协会" not in t, t


def test_a_new_firm_of_the_founders_own_brand_is_its_subsidiary():
    f = facts(extract(article("青禾集团将新设立青禾(临江)饮品有限公司,负责矿泉水项目的建设运营。", dateline="2026-10-20")))
    assert ("subsidiaryOf", "青禾(临江)饮品有限公司", "青禾集团") in f, f
    f = facts(extract(article("青禾集团将新设立临江远航饮品有限公司,负责矿泉水项目的建设运营。", dateline="2026-10-20")))
    assert not [x for x in f if x[0] == "subsidiaryOf"], f  # (another brand: the text does not say whose)


def test_a_firm_that_also_spends_invests():
    f = facts(extract(article("青禾集团同时投资8亿元,在临江产业园建设功能饮品生产线项目。", dateline="2026-10-20")))
    assert ("investor", "功能饮品生产线项目", "青禾集团") in f, f


def test_a_subsidiary_held_whole_in_words_and_a_partner_named_after_what_it_is():
    text = ("青禾精密工业股份有限公司(青禾)昨日举行新厂动土典礼。青禾透过百分之百持股的子公司青禾精密科技(临江)有限公司投资1.2亿美元,"
            "建设智慧工厂项目。典礼上,青禾也与大陆设备商沪芯装备科技有限公司签署策略合作备忘录。")
    f = facts(extract(article(text, dateline="2026-10-20")))
    assert ("subsidiaryOf", "青禾精密科技(临江)有限公司", "青禾精密工业股份有限公司") in f, f
    assert ("partnerOf", "青禾精密工业股份有限公司", "沪芯装备科技有限公司") in f, f


def test_the_parts_after_which_go_on_past_a_semicolon():
    text = ("昨天下午,临江经济开发区第四季度重点项目集中签约仪式在临江举行。现场集中签约项目28个,总投资超186亿元。"
            "其中,外资项目6个,合同外资约3.2亿美元;落户临江保税港区的项目11个,投资额42亿元。")
    f = facts(extract(article(text, dateline="2026-10-16")))
    counted = {(x[0], x[2]) for x in f if x[0] in ("projectCount", "investment")}
    assert ("projectCount", 28) in counted and ("projectCount", 11) not in counted, counted
    assert not [x for x in f if x[0] == "investment" and x[2].value == 4200000000], f


def test_the_bodies_that_organise_after_the_host_convened_too():
    text = ("昨天,临江市产业基金发布会在临江举行。此次发布会由临江市人民政府主办,临江市财政局、临江市地方金融管理局承办。")
    f = facts(extract(article(text, dateline="2026-10-16")))
    took_part = {x[1] for x in f if x[0] == "participatedIn"}
    assert {"临江市人民政府", "临江市财政局", "临江市地方金融管理局"} <= took_part, took_part


def test_a_project_fusing_two_things_keeps_both_in_its_name():
    f = facts(extract(article("青禾咖啡庄园有限公司投资5.5亿元,在宁洱县建设精品茶园与茶文旅融合项目。", dateline="2026-10-20")))
    assert ("investor", "精品茶园与茶文旅融合项目", "青禾咖啡庄园有限公司") in f, f


def test_a_count_recapping_the_projects_just_signed_is_the_events():
    text = ("上月28日,临川州人民政府与华岳绿能集团有限公司在州府举行签约仪式,双方签署战略合作协议,"
            "并现场签约华岳风光储一体化项目和储能装备制造项目,2个项目总投资83亿元。")
    f = facts(extract(article(text, dateline="2026-10-09")))
    assert ("projectCount", "签约仪式", 2) in f, f
    assert [x[2].value for x in f if x[0] == "investment" and x[1] == "签约仪式"] == [8300000000], f
    assert ("date", "签约仪式", DateValue("2026-09-28")) in f, f


def test_two_bodies_holding_an_event_in_a_named_place_both_convened_it():
    text = "上月28日,临川州人民政府与华岳绿能集团有限公司在西昌举行签约仪式,双方签署清洁能源开发战略合作协议。"
    f = facts(extract(article(text, dateline="2026-10-09")))
    took_part = {x[1] for x in f if x[0] == "participatedIn"}
    assert {"临川州人民政府", "华岳绿能集团有限公司"} <= took_part, took_part


def test_a_fund_paying_into_another_does_not_take_its_sectors():
    text = ("据介绍,临江市奶业发展基金规模20亿元,由临江市国有资本投资运营集团有限公司代表市政府出资,"
            "青州产业引导基金参与出资,重点投向奶业、乳制品等领域。")
    f = facts(extract(article(text, dateline="2026-10-20")))
    sectors = {(x[1], x[2]) for x in f if x[0] == "inIndustry"}
    assert ("临江市奶业发展基金", "乳制品") in sectors and not any(s == "青州产业引导基金" for s, _ in sectors), sectors


def test_the_place_a_park_is_named_after_stands_for_it_as_a_subject():
    text = ("昨天,洋湾经济开发区2026年第四季度重点项目集中签约仪式在洋湾经济开发区举行。"
            "下一步,洋湾将围绕油气化工、港航物流、国际贸易三大主导产业开展精准招商。")
    f = facts(extract(article(text, dateline="2026-10-20")))
    sectors = {x[2] for x in f if x[0] == "inIndustry" and x[1] == "洋湾经济开发区"}
    assert {"油气化工", "港航物流", "国际贸易"} <= sectors, f
