"""Names, counts, signings and sectors on hand-written sentences (eighteenth file: rules of session 38).

Each names firms, people and projects invented for the test, never those of a gold file."""

from pathlib import Path

from extract_helpers import article, facts, types

from kg.clean import clean
from kg.extract import extract
from kg.model import Amount


def _objects(f: set, pred: str, subject: str) -> set:
    return {o for p, s, o in (x[:3] for x in f) if p == pred and s == subject}


def test_a_firms_legal_name_before_a_base_project_is_its_investor_not_part_of_the_name():
    text = ("7日上午,临川市2026年第二季度重大项目集中开工活动举行。"
            "在主会场开工的江西合禾电气集团有限公司合禾智能配电全球研发生产基地项目位于云山镇,总投资26亿元。")
    f = facts(extract(article(text, dateline="2026-05-08")))
    p = "合禾智能配电全球研发生产基地项目"
    assert ("investor", p, "江西合禾电气集团有限公司") in f, sorted(x for x in f if x[0] == "investor")
    assert not any("有限公司合禾" in str(x[1]) for x in f), sorted(f)


def test_projects_started_the_same_day_or_at_the_venues_are_the_events():
    text = ("7日上午,临川市2026年第二季度重大项目集中签约开工活动举行,主会场设在云山镇。"
            "全市集中开工项目40个、总投资210亿元。"
            "临川市委书记章立民宣布项目开工。"
            "市长韩东升致辞。"
            "区长白晓峰主持活动。"
            "图为活动现场。"
            "记者 吴一 摄"
            "其中,云山镇开工项目12个。"
            "合禾电气有限公司投资12亿元的智能配电设备产业化项目同日在临川高新区开工,主要生产环网柜。"
            "石塘精密铸件项目、桥头茶叶深加工项目等也在各分会场同步开工。"
            "签约方面,临川市人民政府与江州远山新能源科技有限公司签署投资协议,后者将投资15亿元在云山镇建设储能变流器项目。")
    f = facts(extract(article(text, dateline="2026-05-08")))
    ev = "临川市2026年第二季度重大项目集中签约开工活动"
    signed = {x[1] for x in f if x[0] == "signedAt" and x[2] == ev}
    assert {"智能配电设备产业化项目", "石塘精密铸件项目", "桥头茶叶深加工项目", "储能变流器项目"} <= signed, signed


def test_a_parts_second_count_in_the_same_sentence_is_not_the_events():
    text = ("7日上午,临川市2026年第二季度重大项目集中签约开工活动举行。"
            "全市集中开工项目40个、总投资210亿元,集中签约项目18个、总投资96亿元。"
            "其中,云山区集中开工项目12个、总投资55亿元,签约项目7个、总投资31亿元,均居全市首位。")
    f = facts(extract(article(text, dateline="2026-05-08")))
    ev = "临川市2026年第二季度重大项目集中签约开工活动"
    assert _objects(f, "projectCount", ev) == {40, 18}, sorted(x for x in f if x[1] == ev)
    assert _objects(f, "investment", ev) == {Amount(21000000000, "CNY"), Amount(9600000000, "CNY")}, \
        sorted(x for x in f if x[1] == ev)


def test_a_sector_section_of_a_signing_list_holds_projects_signed_there():
    text = ("昨(9)日下午,临川经济开发区2026年5月重大项目集中签约仪式在开发区举行。"
            "此次共签约项目9个,总投资41亿元,涵盖泛半导体、智能装备等领域。\n"
            "临川市委书记章立民出席签约仪式。\n"
            "泛半导体领域,江州芯远微电子有限公司投资16亿元建设8英寸功率器件封测项目,达产后年产值30亿元。")
    f = facts(extract(article(text, dateline="2026-05-10")))
    assert ("signedAt", "8英寸功率器件封测项目", "临川经济开发区2026年5月重大项目集中签约仪式") in f, \
        sorted(x for x in f if x[0] == "signedAt")
    assert types(extract(article(text, dateline="2026-05-10"))).get("泛半导体") == "Industry"


def test_an_institute_built_by_others_is_the_subject_of_its_sectors_not_its_builders():
    text = ("仪式上,江州工程大学临川智能装备研究院揭牌。"
            "研究院由临川经济开发区管委会与江州工程大学共建,将围绕功能性纤维、工业机器人开展关键技术攻关。")
    f = facts(extract(article(text, dateline="2026-05-10")))
    inst = "江州工程大学临川智能装备研究院"
    assert {"功能性纤维", "工业机器人"} <= _objects(f, "inIndustry", inst), sorted(x for x in f if x[0] == "inIndustry")
    assert not _objects(f, "inIndustry", "江州工程大学"), sorted(x for x in f if x[0] == "inIndustry")


def test_a_co_organiser_after_the_host_took_part():
    text = ("昨(20)日下午,2026临川经济开发区(杭州)产业链招商推介会在杭州举行。"
            "推介会由临川市人民政府主办、杭州市江州商会协办,现场签约项目6个。")
    f = facts(extract(article(text, dateline="2026-08-21")))
    ev = "2026临川经济开发区(杭州)产业链招商推介会"
    assert ("participatedIn", "杭州市江州商会", ev) in f, sorted(x for x in f if x[0] == "participatedIn")


def test_a_bare_firms_chair_after_with_and_people_met_before_the_event():
    text = ("昨(20)日下午,2026临川经济开发区(杭州)产业链招商推介会在杭州举行。临川市委书记章立民出席并致辞。\n"
            "推介会前,章立民一行走访了杭州远帆电子科技有限公司总部,与公司董事长柯明远座谈。")
    f = facts(extract(article(text, dateline="2026-08-21")))
    assert ("holdsPosition", "柯明远", "杭州远帆电子科技有限公司", "董事长") in f, sorted(x for x in f if x[0] == "holdsPosition")
    ev = "2026临川经济开发区(杭州)产业链招商推介会"
    assert ("participatedIn", "章立民", ev) in f
    assert ("participatedIn", "柯明远", ev) not in f, sorted(x for x in f if x[0] == "participatedIn")


def test_a_three_character_name_before_its_current_post():
    text = ("江州远航汽车零部件有限公司是浙江远驰汽车部件集团有限公司的全资子公司,主要生产底盘结构件。"
            "远航公司总经理钱浩然现任远驰集团副总裁,原任远驰集团宁波工厂厂长。")
    f = facts(extract(article(text, dateline="2026-08-21")))
    posts = {(x[1], x[2], x[3]) for x in f if x[0] == "holdsPosition"}
    assert ("钱浩然", "浙江远驰汽车部件集团有限公司", "副总裁") in posts, posts
    assert not any(p == "钱浩" for p, _, _ in posts), posts
    assert not any(t == "厂长" for _, _, t in posts), posts


def test_a_firm_visited_right_after_its_park_lies_in_it():
    text = ("3日,大冶市委书记章立民调研重点工业企业。"
            "在大冶经济开发区湖北远矿智能装备股份有限公司,公司副总经理刘一凡介绍了企业研发情况。"
            "工业是大冶的立市之本,要推动存量企业扩能升级、增量项目早日见效。")
    ex = extract(article(text, dateline="2026-08-04"))
    f = facts(ex)
    assert ("locatedIn", "湖北远矿智能装备股份有限公司", "大冶经济开发区") in f, sorted(x for x in f if x[0] == "locatedIn")
    assert types(ex).get("大冶") == "Place", types(ex)  # (大冶市: a county-level city by its short form too)
    assert "增量项目" not in types(ex)


def test_a_vice_mayor_of_the_parent_citys_peoples_government_is_that_citys():
    text = ("16日上午,2026中国(临川)特种材料产业发展大会在临川市开幕。"
            "江州市人民政府副市长唐一鸣,临川市委书记何立新出席开幕式。")
    posts = {(x[1], x[2], x[3]) for x in facts(extract(article(text, dateline="2026-05-16"))) if x[0] == "holdsPosition"}
    assert ("唐一鸣", "江州市人民政府", "副市长") in posts, posts


def test_towns_after_a_verb_or_their_county_and_no_past_signers_of_a_press_conference():
    text = ("本报讯 今天上午,临川市铝加工产业集群发展新闻发布会召开。"
            "《行动方案》明确建设回龙镇高端铝材产业园。新基地选址义乌市石桥镇,规划用地300亩。"
            "重点投向产业链关键环节和技术改造项目。"
            "王若冰表示,临川市人民政府已与江州大学签署合作协议,共建临川铝合金材料研究院。")
    ex = extract(article(text, dateline="2026-04-15"))
    t, f = types(ex), facts(ex)
    assert t.get("回龙镇") == "Place" and t.get("石桥镇") == "Place", t
    assert not any(k.startswith(("建设回龙", "选址")) for k in t), t
    assert "技术改造项目" not in t, t
    assert not any(x[0] == "participatedIn" and x[1] == "江州大学" for x in f), sorted(x for x in f if x[0] == "participatedIn")


def test_a_mainland_firm_its_holding_chain_and_an_event_long_before_the_report():
    text = ("2026/04/08 台湾财经日报\n"
            "卫浴设备大厂远宇卫浴科技股份有限公司董事会昨(7)日通过,将通过百分之百持股的香港子公司远宇国际(香港)有限公司,"
            "对其转投资的大陆公司远宇(临川)卫浴科技有限公司增资1.4亿美元。\n"
            "远宇与临川市人民政府已于上月28日在“2026海峡两岸(临川)水暖卫浴产业博览会”上签署投资协议,"
            "由远宇总经理蔡一哲与临川市长陈一鹏代表双方签约。\n"
            "远宇董事长林一达表示,新基地投产后集团产能将提升一倍。")
    ex = extract(article(text, dateline="2026-04-08"))
    f, t = facts(ex), types(ex)
    assert t.get("远宇(临川)卫浴科技有限公司") == "Company", t
    assert not any(k.startswith("大陆公司") for k in t), t
    assert ("subsidiaryOf", "远宇国际(香港)有限公司", "远宇卫浴科技股份有限公司") in f, sorted(x for x in f if x[0] == "subsidiaryOf")
    assert ("subsidiaryOf", "远宇(临川)卫浴科技有限公司", "远宇国际(香港)有限公司") in f, sorted(x for x in f if x[0] == "subsidiaryOf")
    ev = "2026海峡两岸(临川)水暖卫浴产业博览会"
    people = {x[1] for x in f if x[0] == "participatedIn" and x[2] == ev}
    assert "蔡一哲" in people and "林一达" not in people, people


def test_materials_wanted_are_no_projects_and_a_bare_projects_site_after_its_implementer():
    text = ("28日下午,临川市人民政府与江州铜远新材料集团有限公司战略合作协议签约仪式在临川举行。"
            "仪式上,双方同步签约首期项目——年产3万吨高端压延铜箔项目。项目总投资18亿元,由铜远集团全资子公司临川铜远铜箔科技有限公司负责实施,"
            "选址临川经济开发区,计划明年开工。"
            "同时,铜远集团与临川市城市投资控股集团有限公司签署合资协议,双方合资成立的临川铜远产业园运营有限公司当场揭牌。"
            "产业园将重点引进铜箔、铜合金线材、铜基复合材料等项目,做强铜基新材料产业。"
            "据了解,黄一成今年10月起任集团总经理,分管临川项目筹建工作。")
    ex = extract(article(text, dateline="2026-11-29"))
    t, f = types(ex), facts(ex)
    assert not any(k in t for k in ("铜箔项目", "铜合金线材项目", "铜基复合材料项目")), t
    assert not any(k.startswith("分管") for k in t), t
    assert t.get("铜基新材料") == "Industry", t
    assert ("locatedIn", "年产3万吨高端压延铜箔项目", "临川经济开发区") in f, sorted(x for x in f if x[0] == "locatedIn")
    ev = "临川市人民政府与江州铜远新材料集团有限公司战略合作协议签约仪式"
    assert ("launched", ev, "临川铜远产业园运营有限公司") in f, sorted(x for x in f if x[0] == "launched")


def test_a_fund_cluster_launch_its_rules_sizes_backers_and_a_photo_caption():
    text = ("今天上午,临川市产业基金集群发布暨基金招商项目签约活动在临川经济开发区举行。活动由临川市人民政府主办。"
            "现场,规模20亿元的临川市产业引导母基金正式启动,首批两只子基金——规模8亿元的临川光电产业基金和规模4亿元的临川储能产业基金同步发布。\n"
            "活动上还发布了《临川市产业引导基金管理办法(试行)》。"
            "活动现场,3个基金招商项目集中签约,总投资9.6亿元。其中,江州光远科技有限公司投资4.8亿元,建设光电传感器生产基地项目,"
            "临川光电产业基金参与投资;江州储远能源科技有限公司投资3.5亿元,建设储能逆变器项目,由临川储能产业基金领投;"
            "高端泵阀智能制造项目同步签约。力争到2028年基金集群总规模突破50亿元。")
    ex = extract(article(text, dateline="2026-05-16"))
    t, f = types(ex), facts(ex)
    ev = "临川市产业基金集群发布暨基金招商项目签约活动"
    assert t.get("临川市产业引导母基金") == "Fund" and "母基金" not in t, t
    assert not any(k.startswith("2028") for k in t), t
    launched = {x[2] for x in f if x[0] == "launched" and x[1] == ev}
    assert {"临川市产业引导母基金", "临川光电产业基金", "临川储能产业基金", "临川市产业引导基金管理办法(试行)"} <= launched, launched
    assert ("investor", "光电传感器生产基地项目", "临川光电产业基金") in f, sorted(x for x in f if x[0] == "investor")
    assert ("investor", "储能逆变器项目", "临川储能产业基金") in f, sorted(x for x in f if x[0] == "investor")
    assert "高端泵阀" not in t, t


def test_photo_captions_are_furniture():
    raw = ("今天上午,临川市产业基金集群发布活动举行。现场,临川市产业引导母基金正式启动。\n"
           "图为临川市产业引导母基金启动仪式现场。(王一航 摄)\n"
           "活动由临川市人民政府主办(王一航 摄)。\n")
    text = clean(raw, "a.txt", Path("a.txt"), "", "utf-8", html=False).text
    assert "图为" not in text and "摄" not in text, text
    assert "活动由临川市人民政府主办" in text, text
