"""Relation patterns on hand-written sentences."""

from decimal import Decimal

from extract_helpers import article, facts, types
from kg.extract import extract
from kg.model import Amount, DateValue

EVENT_TEXT = (
    "南通市新材料产业发展大会举行\n"
    "2023年6月8日上午,南通市新材料产业发展大会在南通举行。会上,总投资达320亿元的45个新材料项目集中签约,"
    "发布《南通市新材料产业发展行动方案》,设立总规模50亿元的新材料产业投资基金。"
    "据悉,45个项目涵盖高分子材料、碳纤维、石墨烯等领域。"
    "江苏中天科技股份有限公司董事长薛济萍说,公司与南通大学共建联合实验室。"
)


def test_event_facts():
    ex = extract(article(EVENT_TEXT, dateline="2023-06-09"))
    f = facts(ex)
    ev = "南通市新材料产业发展大会"
    assert ("date", ev, DateValue("2023-06-08")) in f
    assert ("location", ev, "南通") in f
    assert ("projectCount", ev, 45) in f
    assert ("investment", ev, Amount(Decimal("32000000000"), "CNY")) in f
    assert ("launched", ev, "南通市新材料产业发展行动方案") in f
    assert ("launched", ev, "新材料产业投资基金") in f
    assert ("investment", "新材料产业投资基金", Amount(Decimal("5000000000"), "CNY")) in f
    assert ("inIndustry", ev, "碳纤维") in f
    assert ("participatedIn", "薛济萍", ev) in f
    assert ("partnerOf", "江苏中天科技股份有限公司", "南通大学") in f


def test_projects_signed_at_the_event_with_investors():
    text = (
        "张家港市先进制造业项目推进会举行。\n"
        "会上,投资总额6亿美元的华昌化工新材料、20亿元的沙钢特钢产线等项目现场签约。"
    )
    ex = extract(article(text, dateline="2023-03-01"))
    f = facts(ex)
    ev = "张家港市先进制造业项目推进会"
    assert ("signedAt", "华昌化工新材料项目", ev) in f
    assert ("investment", "华昌化工新材料项目", Amount(Decimal("600000000"), "USD")) in f
    assert ("investor", "华昌化工新材料项目", "华昌化工") in f


def test_settled_and_located():
    text = "位于周市镇的华辰精密科技有限公司加快发展。苏州相城经济开发区累计引进汇博机器人、科沃斯等企业。"
    f = facts(extract(article(text)))
    assert ("locatedIn", "华辰精密科技有限公司", "周市镇") in f
    assert ("settledIn", "汇博机器人", "苏州相城经济开发区") in f


def test_subsidiaries():
    text = "浙江大学苏州工业技术研究院和西门子(苏州)有限公司参加活动,西门子集团高管出席。"
    f = facts(extract(article(text)))
    assert ("subsidiaryOf", "浙江大学苏州工业技术研究院", "浙江大学") in f


def test_adjacent_places():
    f = facts(extract(article("代表团赴德国慕尼黑考察。")))
    assert ("locatedIn", "慕尼黑", "德国") in f


def test_firm_and_its_sectors_by_verb_topic_and_anaphora():
    ex = extract(article(
        "苏州远景新能源科技有限公司围绕氢能持续攻关。"
        "南通华峰材料股份有限公司成立于2015年,主要从事碳纤维等新材料的研发制造。"
        "无锡天合光电科技有限公司董事长李建中表示,公司已成为全市光伏与储能领域的龙头企业。"
    ))
    f = facts(ex)
    assert ("inIndustry", "苏州远景新能源科技有限公司", "氢能") in f
    assert ("inIndustry", "南通华峰材料股份有限公司", "新材料") in f
    assert ("inIndustry", "无锡天合光电科技有限公司", "光伏") in f
    assert ("inIndustry", "无锡天合光电科技有限公司", "储能") in f


def test_counted_projects_sectors_go_to_the_event_of_that_count():
    ex = extract(article(
        "2023年6月8日,南通市新材料产业发展大会在南通举行。会上,总投资达320亿元的45个项目集中签约。\n"
        "据悉,45个项目涵盖高分子材料、碳纤维、石墨烯等领域。",
        dateline="2023-06-08",
    ))
    f = facts(ex)
    assert ("projectCount", "南通市新材料产业发展大会", 45) in f
    assert ("inIndustry", "南通市新材料产业发展大会", "碳纤维") in f


def test_firms_settling_without_a_place_go_to_the_park_named_before_them():
    ex = extract(article(
        "半导体产业园是无锡高新区重点打造的特色园区。\n"
        "无锡高新区半导体产业园开园仪式举行,无锡芯联微电子有限公司、无锡光启精密科技有限公司等8家企业集中入驻。"
    ))
    f = facts(ex)
    assert ("settledIn", "无锡芯联微电子有限公司", "半导体产业园") in f
    assert ("settledIn", "无锡芯联微电子有限公司", "无锡高新区") not in f


def test_event_date_and_place_of_a_city_holding_it_on_a_day():
    ex = extract(article("江苏省南通市12日举行2022南通智能制造对接会,共有6个项目现场签约。", dateline="2022-06-14"))
    f = facts(ex)
    assert ("date", "2022南通智能制造对接会", DateValue("2022-06-12")) in f
    assert ("location", "2022南通智能制造对接会", "南通") in f


def test_event_date_not_taken_from_its_own_name_and_town_in_a_chain():
    text = "南通市召开2023年产业发展大会\n3月8日,南通市2023年产业发展大会在江苏省海门市召开。"
    ex = extract(article(text, dateline="2023-03-09"))
    f = facts(ex)
    assert ("date", "南通市2023年产业发展大会", DateValue("2023-03-08")) in f
    assert ("location", "南通市2023年产业发展大会", "海门") in f


def test_project_released_at_event_is_launched_not_signed():
    text = "2023扬州数字经济推介会上,航宇集团(扬州)智能制造基地项目发布,扬州软件园人才中心揭牌落地。"
    ex = extract(article(text, dateline="2023-03-09"))
    f = facts(ex)
    assert ("launched", "2023扬州数字经济推介会", "航宇集团(扬州)智能制造基地项目") in f
    assert not [x for x in f if x[0] == "signedAt"]


def test_the_event_held_now_is_the_main_event_not_one_recalled_from_last_year():
    text = (
        "3月6日下午,无锡市召开集成电路产业高质量发展大会。"
        "去年3月,无锡以“开年第一会”形式,召开集成电路产业推进会,无锡集成电路产业推进会成效明显。"
        "会上,无锡28个集成电路项目集中签约,总投资316亿元。"
    )
    ex = extract(article(text, dateline="2024-03-07"))
    f = facts(ex)
    main = "无锡市集成电路产业高质量发展大会"
    assert any(p == "investment" and s.endswith("集成电路产业高质量发展大会") and o == Amount(Decimal("31600000000"), "CNY")
               for p, s, o in f), (main, f)
    assert not any(p == "investment" and "推进会" in s for p, s, o in f)


def test_an_association_named_after_an_industry_of_the_article_is_in_that_industry():
    ex = extract(article(
        "会上,临江市集成电路产业联盟揭牌成立。临江将重点发展集成电路、生物医药等产业。",
        dateline="2026-05-09",
    ))
    assert ("inIndustry", "临江市集成电路产业联盟", "集成电路") in facts(ex)


def test_a_clause_without_subject_is_said_of_the_firm_the_sentence_opens_with():
    text = ("记者了解到,辽东华瑞储能科技有限公司是一家专注于储能电池研发和生产的高新技术企业,"
            "去年落户营口高新区。")
    f = facts(extract(article(text)))
    assert ("settledIn", "辽东华瑞储能科技有限公司", "营口高新区") in f
    assert ("inIndustry", "辽东华瑞储能科技有限公司", "储能") in f
    # a firm's name that goes on into a project's name is not the sentence's topic
    f = facts(extract(article("其中,华瑞储能电站运维中心项目拟投资3亿元,选址营口高新区。")))
    assert not any(p == "settledIn" and s.startswith("华瑞") and s != "华瑞储能电站运维中心项目" for p, s, o in f)


def test_a_park_is_not_placed_by_its_name_alone_but_a_part_of_a_park_is_in_it():
    text = ("9月2日,赣州市召开招商推介会。赣州高新技术产业开发区(以下简称赣州高新区)管委会主任介绍了园区情况,"
            "赣州高新区电子信息产业园重点发展智能终端。")
    f = facts(extract(article(text)))
    # SCHEMA 3: relations need the text; a zone named after its city is not said to lie in it (seed and dev gold)
    assert ("locatedIn", "赣州高新技术产业开发区", "赣州") not in f
    # a part of a park written with the park's short name is in that park
    assert any(p == "locatedIn" and "电子信息产业园" in s and o == "赣州高新技术产业开发区" for p, s, o in f)


def test_the_stated_investor_wins_over_the_brand_a_project_is_named_after():
    text = ("开工项目中,锦航新能源电机工厂二期项目总投资12亿元,由株洲锦航电机有限公司投资建设;"
            "瑞衡智能传感器产业园项目总投资6亿元,由湘潭瑞衡微电子股份有限公司建设。")
    f = facts(extract(article(text)))
    assert ("investor", "锦航新能源电机工厂二期项目", "株洲锦航电机有限公司") in f
    assert ("investor", "瑞衡智能传感器产业园项目", "湘潭瑞衡微电子股份有限公司") in f
    assert not any(p == "investor" and o in ("锦航", "瑞衡智能") for p, s, o in f)


def test_a_deal_signed_on_a_day_and_in_a_place_makes_partners():
    f = facts(extract(article("九江市人民政府7日与鸿川新能源集团有限公司在九江签署战略合作协议。")))
    assert ("partnerOf", "九江市人民政府", "鸿川新能源集团有限公司") in f


def test_the_topic_firm_is_the_subsidiary_and_the_investor_of_its_project():
    text = ("其中,陇川氢能科技有限公司去年落户白银新区,由华能氢源集团股份有限公司投资设立,"
            "其建设的白银新区2万吨/年绿氢制备项目总投资38亿元。")
    f = facts(extract(article(text)))
    assert ("subsidiaryOf", "陇川氢能科技有限公司", "华能氢源集团股份有限公司") in f
    assert ("investor", "白银新区2万吨/年绿氢制备项目", "陇川氢能科技有限公司") in f
    assert not any(p == "investor" and o == "华能氢源集团股份有限公司" for p, s, o in f)


def test_a_parks_own_sectors():
    text = ("据介绍,白银新区已集聚氢能相关企业23家。“白银新区的汽车电子产业链非常完整。”"
            "王强指出,白银高新区要围绕电子信息主导产业强链补链。")
    f = facts(extract(article(text)))
    assert ("inIndustry", "白银新区", "氢能") in f
    assert ("inIndustry", "白银新区", "汽车电子") in f
    assert ("inIndustry", "白银高新区", "电子信息") in f


def test_a_park_named_before_its_sectors_output():
    f = facts(extract(article("海口国家高新技术产业开发区生物医药产业产值突破300亿元,集聚医药企业200余家。")))
    assert ("inIndustry", "海口国家高新技术产业开发区", "生物医药") in f


def test_a_firm_set_up_in_a_park_and_a_project_sited_in_the_next_clause():
    text = ("根据协议,鸿川集团将在赣州高新区VR科创城设立鸿川虚拟现实(赣州)有限公司;"
            "同时投资45亿元建设鸿川XR终端智能制造基地项目,选址赣州经济技术开发区。")
    f = facts(extract(article(text)))
    assert ("settledIn", "鸿川虚拟现实(赣州)有限公司", "赣州高新区VR科创城") in f
    assert ("locatedIn", "鸿川XR终端智能制造基地项目", "赣州经济技术开发区") in f


def test_a_research_centre_project_with_a_firm_at_its_head_and_its_site_chain():
    text = ("论坛期间,重庆高新区与长安汽车、赛力斯集团等12家企业集中签约。"
            "其中,长安汽车智能驾驶研发中心项目拟投资30亿元,选址重庆高新区金凤镇;"
            "赛力斯集团超级工厂二期项目计划投资50亿元。")
    ex = extract(article(text))
    f = facts(ex)
    p = "长安汽车智能驾驶研发中心项目"
    assert ("investment", p, Amount(Decimal("3000000000"), "CNY")) in f
    assert ("investment", "赛力斯集团超级工厂二期项目", Amount(Decimal("5000000000"), "CNY")) in f
    assert ("investor", p, "长安汽车") in f
    assert ("locatedIn", p, "金凤镇") in f
    # the centre named only inside its project is no research body of its own
    assert not any(e.type == "ResearchInstitute" for e in ex.entities)


def test_a_project_sited_after_its_investor_clause_and_a_bare_firm_that_settles():
    text = ("其中,宏泰创新药产业化基地项目计划总投资35亿元,由四川宏泰药业股份有限公司投资建设,选址成都天府国际生物城。"
            "随后,他来到筑达电子(贵阳)有限公司。该公司由深圳筑达集团股份有限公司投资设立,于2023年落户贵阳高新区。")
    f = facts(extract(article(text)))
    assert ("locatedIn", "宏泰创新药产业化基地项目", "成都天府国际生物城") in f
    assert ("settledIn", "筑达电子(贵阳)有限公司", "贵阳高新区") in f


def test_a_programme_spelled_out_after_a_colon_owns_the_sectors_listed():
    text = ("近年来,江阴围绕“3+3”产业链精准发力:一头是精细化工、高端纺织、智能装备3条传统优势产业链,"
            "另一头是集成电路、生物医药、新能源3条新兴产业链。")
    ex = extract(article(text))
    f = facts(ex)
    init = next(e.label for e in ex.entities if e.type == "Initiative")
    for sector in ("精细化工", "高端纺织", "集成电路", "生物医药", "新能源"):
        assert ("inIndustry", init, sector) in f, sector


def test_a_bare_science_city_before_the_verb_is_the_subject_of_its_sectors():
    text = ("西部(成都)科学城位于高新区南部。成都高新区党工委书记、管委会主任李明表示,"
            "科学城将聚焦智能网联汽车、新能源汽车、软件和信息服务等产业。")
    f = facts(extract(article(text)))
    assert ("inIndustry", "西部(成都)科学城", "新能源汽车") in f
    assert not any(fact[0] == "inIndustry" and fact[1].endswith("党工委") for fact in f)


def test_a_bare_park_word_before_a_sector_chain():
    text = "苏州纳米城产业园区是园区的核心。管委会主任卢俊介绍了园区电子信息产业链招商情况。"
    f = facts(extract(article(text)))
    assert ("inIndustry", "苏州纳米城产业园区", "电子信息") in f


def test_a_sector_said_to_be_a_parks_foundation():
    text = "日照临港新区赴深圳举办海洋经济推介会。周海涛说,海洋经济是新区的立身之本。电子信息是苏州的主导产业。"
    f = facts(extract(article(text)))
    assert ("inIndustry", "日照临港新区", "海洋经济") in f
    assert not any(fact[0] == "inIndustry" and fact[2] == "电子信息" for fact in f)


def test_a_fund_named_in_its_ceremony_its_size_sectors_and_sub_fund():
    f = facts(extract(article(
        "23日,临江市半导体和集成电路产业投资基金揭牌仪式在临江举行。该基金总规模50亿元,首期规模20亿元,"
        "由临江鹭创投资集团有限公司发起设立,重点投向集成电路设计、封装测试等领域。"
        "其中设立规模10亿元的临江市人工智能子基金,专项支持大模型、智能算力等细分领域。",
        dateline="2025-06-24",
    )))
    fund = "临江市半导体和集成电路产业投资基金"
    assert ("launched", fund + "揭牌仪式", fund) in f
    assert ("investment", fund, Amount(Decimal("5000000000"), "CNY")) in f
    assert ("investment", fund, Amount(Decimal("2000000000"), "CNY")) not in f  # (首期规模: the first close, not the fund's size)
    assert ("inIndustry", fund, "封装测试") in f
    assert {("inIndustry", "临江市人工智能子基金", x) for x in ("人工智能", "大模型", "智能算力")} <= f


def test_a_project_that_gets_an_investment_and_an_innovation_consortium():
    ex = extract(article(
        "其中,榕智算力中心项目获基金投资3亿元;闽光集成电路封装测试项目获投资2亿元。"
        "开幕式上,山西碳基新材料产业创新联合体揭牌成立。",
        dateline="2025-06-24",
    ))
    f = facts(ex)
    assert ("investment", "榕智算力中心项目", Amount(Decimal("300000000"), "CNY")) in f
    assert ("investment", "闽光集成电路封装测试项目", Amount(Decimal("200000000"), "CNY")) in f
    assert {e.label: e.type for e in ex.entities}.get("山西碳基新材料产业创新联合体") == "Association"


def test_a_subjectless_spending_clause_is_the_topic_firms():
    f = facts(extract(article(
        "根据协议,北辰储能科技集团股份有限公司作为集团西北区域总部,将投资26亿元建设青禾储能系统集成基地项目。",
        dateline="2025-06-24",
    )))
    assert ("investor", "青禾储能系统集成基地项目", "北辰储能科技集团股份有限公司") in f


def test_what_a_firm_mainly_makes_after_该公司_are_its_sectors():
    f = facts(extract(article(
        "随后,王明来到北川航天材料股份有限公司。该公司是中航北川集团有限公司的控股子公司,主要生产航空航天用高性能复合材料。",
        dateline="2025-06-24",
    )))
    assert ("inIndustry", "北川航天材料股份有限公司", "复合材料") in f
    assert ("inIndustry", "北川航天材料股份有限公司", "航空航天") in f
    assert not any(p == "inIndustry" and s == "中航北川集团有限公司" for p, s, *_ in f)


def test_parks_gone_through_clause_by_clause_each_take_their_clauses_sectors():
    f = facts(extract(article(
        "获评特色产业示范园区的3个园区分别是东川信息产业园、临江工业园区、西湖工业园区。"
        "其中,东川信息产业园以数字经济为主导产业,临江工业园区以绿色能源和新材料为特色,西湖工业园区重点发展生物医药。",
        dateline="2025-06-24",
    )))
    assert {("inIndustry", "东川信息产业园", "数字经济"), ("inIndustry", "临江工业园区", "新材料"),
            ("inIndustry", "临江工业园区", "绿色能源"), ("inIndustry", "西湖工业园区", "生物医药")} <= f
    assert ("inIndustry", "东川信息产业园", "生物医药") not in f


def test_a_fund_of_two_named_fields_and_its_list_after_a_speaker_and_a_practised_system_is_no_subject():
    f = facts(extract(article(
        "23日,临江市半导体和集成电路产业投资基金揭牌仪式在临江举行。半导体和集成电路是临江的主导产业。"
        "王明介绍,基金将重点投向集成电路设计、封装测试等领域。"
        "王明指出,要深入落实“链长制”,聚焦机器人、航空航天等重点产业链。",
        dateline="2025-06-24",
    )))
    fund = "临江市半导体和集成电路产业投资基金"
    assert ("inIndustry", fund, "封装测试") in f
    assert ("inIndustry", fund, "半导体") not in f and ("inIndustry", fund, "集成电路") not in f
    assert not any(p == "inIndustry" and s == "链长制" for p, s, *_ in f)


def test_two_firms_that_jointly_invest_in_a_project_are_its_investors_and_partners():
    f = facts(extract(article(
        "其中,远帆智能制造产业园项目总投资20亿元,由湖南远帆重工集团有限公司与区属国有平台公司临江城发集团有限公司共同投资建设。")))
    p = "远帆智能制造产业园项目"
    assert ("investor", p, "湖南远帆重工集团有限公司") in f
    assert ("investor", p, "临江城发集团有限公司") in f
    assert ("partnerOf", "湖南远帆重工集团有限公司", "临江城发集团有限公司") in f


def test_a_bare_word_after_the_one_body_of_its_kind_named_in_full_refers_to_it():
    ex = extract(article(
        "临江新材料产业研究院昨天揭牌。根据协议,研究院落户临江高新区。"
        "研究院将聚焦碳纤维复合材料、新能源、船用氢燃料动力三大方向。"
        "三方还设立临江新材料成果转化基金,基金规模3亿元,重点投向研究院孵化的项目。"))
    f = facts(ex)
    ri = "临江新材料产业研究院"
    assert ("inIndustry", ri, "新能源") in f
    assert ("inIndustry", ri, "船用氢燃料动力") in f
    assert ("investment", "临江新材料成果转化基金", Amount(Decimal("300000000"), "CNY")) in f
    assert not any(e.label.endswith("投向研究院") for e in ex.entities)


def test_the_subsidiary_named_after_its_parent_invests_and_process_verbs_stay_in_names():
    f = facts(extract(article(
        "据介绍,远帆临江一体化压铸基地项目总投资25亿元,由远帆精工集团全资子公司远帆汽车零部件(临江)有限公司投资建设。"
        "项目二期由集团旗下另一家子公司远帆铝材科技(临江)有限公司负责实施。")))
    assert ("investor", "远帆临江一体化压铸基地项目", "远帆汽车零部件(临江)有限公司") in f
    assert not any("一家子" in x for r in f for x in r[1:] if isinstance(x, str))


def test_a_released_list_its_bare_name_its_sectors_and_an_official_short_form_of_a_body():
    ex = extract(article(
        "本报讯昨天,临江省2026年重点建设项目新闻发布会举行。临江省发展和改革委员会在会上发布《临江省2026年重点建设项目名单》。"
        "临江省发展改革委副主任周海介绍,今年的名单聚焦新一代信息技术、生物医药、新材料等领域。",
        dateline="2026-01-10",
    ))
    f = facts(ex)
    lst, body = "临江省2026年重点建设项目名单", "临江省发展和改革委员会"
    assert ("launched", "临江省2026年重点建设项目新闻发布会", lst) in f
    assert ("inIndustry", lst, "生物医药") in f
    assert not any(r[0] == "inIndustry" and r[1] == body for r in f)
    assert any(r[0] == "holdsPosition" and r[1] == "周海" and r[2] == body for r in f)
    assert "临江省发展改革委" not in {e.label for e in ex.entities}


def test_a_count_of_projects_signed_with_words_between_and_the_list_after_it():
    f = facts(extract(article(
        "本报讯11月12日,临江市重点产业链工作推进会召开。现场签约补链强链项目12个、总投资86亿元。"
        "其中,远帆一体化底盘项目总投资15亿元,由临江远帆汽车底盘科技有限公司投资建设。",
        dateline="2025-11-13",
    )))
    ev = "临江市重点产业链工作推进会"
    assert ("projectCount", ev, 12) in f
    assert ("signedAt", "远帆一体化底盘项目", ev) in f
    assert ("investor", "远帆一体化底盘项目", "临江远帆汽车底盘科技有限公司") in f


def test_a_parks_work_meeting_its_counted_sectors_and_the_firms_a_count_closes_settle():
    ex = extract(article(
        "本报讯昨天,临江高新技术产业开发区2026年经济工作会议召开。会议通报,2025年临江高新区实现工业总产值836亿元;"
        "新材料、光伏、生物医药三大产业产值占全区的70%。去年,临江远帆材料有限公司、临江青川科技有限公司等12家企业新入驻临江新材料产业园。",
        dateline="2026-01-09",
    ))
    f = facts(ex)
    assert "临江高新技术产业开发区2026年经济工作会议" in {e.label for e in ex.entities if e.type == "Event"}
    assert {("inIndustry", "临江高新技术产业开发区", x) for x in ("新材料", "光伏", "生物医药")} <= f
    assert ("settledIn", "临江远帆材料有限公司", "临江新材料产业园") in f
    assert ("settledIn", "临江青川科技有限公司", "临江新材料产业园") in f


def test_the_project_a_sentence_ends_with_is_the_one_the_next_sentences_bare_subject_means():
    f = facts(extract(article("在临江远帆化学股份有限公司,周海察看年产20万吨新材料一体化项目运行情况。该项目总投资46亿元,今年6月建成投产。")))
    assert ("investment", "年产20万吨新材料一体化项目", Amount(Decimal("4600000000"), "CNY")) in f


def test_a_development_zone_written_short_as_kaifaqu_is_the_zone():
    ex = extract(article("临江开发区加快建设\n本报讯 12月2日,周海到临江经济技术开发区调研。"))
    parks = [e.label for e in ex.entities if e.type == "Park"]
    assert parks == ["临江经济技术开发区"], parks


def test_a_project_sited_in_a_chain_of_places_after_its_builders_clause():
    f = facts(extract(article(
        "远帆氢冶金示范工程项目总投资120亿元,建设单位为河北远帆钢铁集团有限公司,位于唐山市曹妃甸区。")))
    p = "远帆氢冶金示范工程项目"
    assert ("investor", p, "河北远帆钢铁集团有限公司") in f
    assert any(r[0] == "locatedIn" and r[1] == p and r[2].startswith("曹妃甸") for r in f), f
    assert any(r[0] == "locatedIn" and r[1] == p and r[2].startswith("唐山") for r in f), f


def test_a_firm_that_spends_on_the_project_it_builds_and_one_that_extends_its_own():
    ex = extract(article(
        "签约仪式上,新加坡远帆能源私人有限公司投资12亿美元建设的远帆临江储能产业园项目签约落户;"
        "美国青川生物科技公司宣布增资3.5亿美元,扩建其在临江东岗区的青川生物大湾区研发生产基地项目。"))
    f = facts(ex)
    assert ("investor", "远帆临江储能产业园项目", "新加坡远帆能源私人有限公司") in f
    assert ("investor", "青川生物大湾区研发生产基地项目", "美国青川生物科技公司") in f
    assert "远帆临江" not in {e.label for e in ex.entities}


def test_investor_spending_on_a_project_built_in_a_park():
    f = facts(extract(article("新加坡丰达集团有限公司投资2.5亿美元,在合肥高新技术产业开发区建设丰达精密光学镜头项目。")))
    assert ("investor", "丰达精密光学镜头项目", "新加坡丰达集团有限公司") in f
    assert ("investment", "丰达精密光学镜头项目", Amount(Decimal("250000000"), "USD")) in f
    assert ("locatedIn", "丰达精密光学镜头项目", "合肥高新技术产业开发区") in f


def test_joint_venture_founders_are_partners_and_owners():
    f = facts(extract(article(
        "省属国有企业华北能源集团有限公司与民营企业江苏远达锂电科技股份有限公司9日签署合资协议,"
        "双方将共同出资组建河北华达锂电材料有限公司。合资公司将投资建设华达锂电隔膜项目,总投资18亿元。")))
    assert ("partnerOf", "华北能源集团有限公司", "江苏远达锂电科技股份有限公司") in f \
        or ("partnerOf", "江苏远达锂电科技股份有限公司", "华北能源集团有限公司") in f
    assert ("subsidiaryOf", "河北华达锂电材料有限公司", "华北能源集团有限公司") in f
    assert ("subsidiaryOf", "河北华达锂电材料有限公司", "江苏远达锂电科技股份有限公司") in f
    assert ("investor", "华达锂电隔膜项目", "河北华达锂电材料有限公司") in f


def test_joint_venture_controlled_by_one_founder():
    f = facts(extract(article(
        "甘肃矿业投资集团有限公司与上海蓝海新材料股份有限公司共同组建甘肃蓝矿新材料有限公司,"
        "合资公司由甘肃矿业投资集团有限公司控股。")))
    assert ("subsidiaryOf", "甘肃蓝矿新材料有限公司", "甘肃矿业投资集团有限公司") in f
    assert ("subsidiaryOf", "甘肃蓝矿新材料有限公司", "上海蓝海新材料股份有限公司") not in f


def test_joint_venture_launched_by_its_signing():
    f = facts(extract(article(
        "本报讯 湖南华电能源集团有限公司与浙江蓝星新材料股份有限公司合资协议签约仪式昨天在长沙举行。"
        "双方将共同组建湖南蓝电新材料有限公司,注册资本5亿元。", dateline="2025-06-10")))
    launched = [x for x in f if x[0] == "launched"]
    assert any(o == "湖南蓝电新材料有限公司" for _, _, o in launched), launched


def test_projects_listed_after_among_the_signed_with_a_lead_in():
    f = facts(extract(article(
        "本报讯 昨天,滨海新区2025年春季重大项目集中签约活动在滨海新区举行。现场签约项目18个、总投资96亿元。"
        "据了解,本次签约项目中,华锐储能电池项目总投资20亿元;恒泰精密模具项目总投资6亿元。", dateline="2025-04-02")))
    ev = "滨海新区2025年春季重大项目集中签约活动"
    assert ("signedAt", "华锐储能电池项目", ev) in f
    assert ("signedAt", "恒泰精密模具项目", ev) in f


def test_sectors_a_bare_park_has_grown_and_of_parks_opening_the_clause():
    f = facts(extract(article(
        "襄阳讯 襄阳高新区位于樊城区,是国家级高新区。园区已形成汽车零部件、光电子、生物医药三大主导产业。"
        "据悉,该市已形成“一主两辅”发展格局,谷城经济开发区、老河口经济开发区重点发展再生资源和精细化工。")))
    assert ("inIndustry", "襄阳高新区", "光电子") in f or ("inIndustry", "襄阳高新区", "生物医药") in f
    assert ("inIndustry", "谷城经济开发区", "精细化工") in f
    assert not any(x[0] == "inIndustry" and x[1] == "一主两辅" for x in f)


def test_places_of_a_tour_and_county_level_cities_of_the_named_city():
    f = facts(extract(article(
        "本报讯 11月3日,市委书记李明在常州调研,深入金坛区、溧阳市部分重点企业。"
        "在金坛区,李明来到江苏华腾动力科技有限公司,察看电驱系统生产线。"
        "在溧阳市,李明调研了溧阳东升新材料有限公司。总投资15亿元的东升新材料三期项目正在加紧建设。")))
    assert ("locatedIn", "江苏华腾动力科技有限公司", "金坛") in f or ("locatedIn", "江苏华腾动力科技有限公司", "金坛区") in f
    assert any(x[:2] == ("locatedIn", "东升新材料三期项目") and x[2].startswith("溧阳") for x in f)
    assert any(x[0] == "locatedIn" and x[1].startswith("溧阳") and x[2].startswith("常州") for x in f)


def test_a_total_in_a_list_item_of_its_own_is_not_the_project_of_the_item_before():
    f = facts(extract(article(
        "常州讯 华芯电子有限公司投资20亿元的8英寸晶圆项目入驻园区;瑞士博格机械集团在园区设立研发中心,总投资0.8亿美元。")))
    assert ("investment", "8英寸晶圆项目", Amount(Decimal("80000000"), "USD")) not in f


def test_projects_seen_at_a_visited_firm_are_its_own():
    f = facts(extract(article(
        "本报讯 市委书记王强到企业调研。\n在江苏华星化学股份有限公司,王强走进中控室,察看年产20万吨环氧树脂一体化项目运行情况。")))
    assert ("investor", "年产20万吨环氧树脂一体化项目", "江苏华星化学股份有限公司") in f


def test_subsidiaries_a_new_group_sets_up():
    f = facts(extract(article(
        "新华社兰州12月3日电 两家市属国企完成重组,组建陇原产业投资集团有限公司。"
        "新集团下设陇原城建有限公司、陇原文旅发展有限公司等子公司。")))
    assert ("subsidiaryOf", "陇原城建有限公司", "陇原产业投资集团有限公司") in f
    assert ("subsidiaryOf", "陇原文旅发展有限公司", "陇原产业投资集团有限公司") in f


def test_the_firm_whose_brand_opens_a_project_name_invests():
    f = facts(extract(article("座谈会上,瑞士洛森驱动技术有限公司与园区签署投资协议,投资0.8亿欧元建设洛森精密减速器项目。")))
    assert ("investor", "洛森精密减速器项目", "瑞士洛森驱动技术有限公司") in f
    assert not any(x[0] == "investor" and x[2] == "洛森精密" for x in f)


def test_built_by_an_investor_before_a_capacity_named_project():
    f = facts(extract(article("本报讯 由国电风能股份有限公司投资建设的锡林郭勒50万千瓦风电项目全容量并网发电。", dateline="2025-11-19")))
    assert ("investor", "锡林郭勒50万千瓦风电项目", "国电风能股份有限公司") in f


def test_a_works_started_at_a_ceremony_named_after_it_is_a_project():
    f = facts(extract(article(
        "本报讯 昨天,江苏华海重工有限公司年产300台大型盾构机生产线投产仪式在盐城举行。该生产线总投资18亿元。"
        "江苏华海重工有限公司董事长刘波出席仪式。", dateline="2025-11-19")))
    ev = "江苏华海重工有限公司年产300台大型盾构机生产线投产仪式"
    assert ("signedAt", "年产300台大型盾构机生产线项目", ev) in f
    assert ("investor", "年产300台大型盾构机生产线项目", "江苏华海重工有限公司") in f
    assert ("investment", "年产300台大型盾构机生产线项目", Amount(Decimal("1800000000"), "CNY")) in f


def test_what_a_project_makes_is_its_sector():
    f = facts(extract(article("恒远光伏组件项目总投资12亿元。该项目建成后主要生产光伏组件和储能电池。")))
    assert ("inIndustry", "恒远光伏组件项目", "储能") in f


def test_a_chain_leader_firm_is_in_its_chain_sector():
    f = facts(extract(article("其中,鲁泰重工为工程机械产业链链主,江苏华信电子有限公司是集成电路产业链链主企业。")))
    assert any(x[0] == "inIndustry" and x[1] == "鲁泰重工" and x[2] == "工程机械" for x in f), f
    assert any(x[0] == "inIndustry" and x[1] == "江苏华信电子有限公司" and x[2] == "集成电路" for x in f), f


def test_a_bare_project_two_sentences_after_its_name_takes_the_total():
    f = facts(extract(article(
        "12月1日,酒泉瓜州风光储一体化项目全容量并网。项目建设期间带动就业1200余人。据介绍,该项目总投资98亿元。")))
    assert ("investment", "酒泉瓜州风光储一体化项目", Amount(Decimal("9800000000"), "CNY")) in f


def test_co_investors_listed_with_a_descriptor_are_investors_and_partners():
    f = facts(extract(article(
        "北海港冷链物流园项目总投资26亿元,由广西北港投资有限公司、招商局物流集团有限公司和北海经开区国有平台北海铁山港投资集团有限公司共同投资建设。")))
    p = "北海港冷链物流园项目"
    for firm in ("广西北港投资有限公司", "招商局物流集团有限公司", "北海铁山港投资集团有限公司"):
        assert ("investor", p, firm) in f, firm
    assert ("partnerOf", "广西北港投资有限公司", "招商局物流集团有限公司") in f or ("partnerOf", "招商局物流集团有限公司", "广西北港投资有限公司") in f


def test_subsidiaries_all_of_a_parent_and_counted_under_it():
    f = facts(extract(article(
        "甘肃陇能新能源投资有限公司和甘肃陇能新能源运维有限公司均为甘肃陇能能源集团有限公司的全资子公司。"
        "华锂集团总部迁入兰州,同时把旗下兰州华锂材料有限公司、华锂储能系统(兰州)有限公司两家子公司一并迁入。")))
    assert ("subsidiaryOf", "甘肃陇能新能源投资有限公司", "甘肃陇能能源集团有限公司") in f
    assert ("subsidiaryOf", "甘肃陇能新能源运维有限公司", "甘肃陇能能源集团有限公司") in f
    assert ("subsidiaryOf", "兰州华锂材料有限公司", "华锂集团") in f
    assert not any(x[1].endswith("两家子公司") for x in f)


def test_a_leader_and_the_bodies_it_joins_with_are_partners_but_not_alliance_members():
    f = facts(extract(article(
        "该中心由长春华纤集团有限公司牵头,联合吉林大学、长春理工大学共同组建。"
        "该联合体由辽宁华镁集团有限公司牵头,联合东北大学、大连理工大学等20家单位组建。")))
    assert ("partnerOf", "长春华纤集团有限公司", "吉林大学") in f
    assert ("partnerOf", "辽宁华镁集团有限公司", "东北大学") not in f


def test_sectors_of_a_park_agreed_on_after_the_agreement():
    f = facts(extract(article("宁波市人民政府与毕节市人民政府签署《宁波·毕节共建产业园合作框架协议》,双方将在毕节市七星关区共建“甬毕产业合作园”,首期规划面积2平方公里,重点发展电子信息、生物医药等产业。")))
    assert ("inIndustry", "甬毕产业合作园", "电子信息") in f
    assert not any(x[0] == "inIndustry" and x[1].endswith("框架协议") for x in f)


def test_verb_first_signing_and_a_bare_project_sentence_after_its_ceremony():
    f = facts(extract(article(
        "本报讯 7月16日,钦州港投资合作座谈会召开。座谈会上,新加坡华宝控股有限公司与钦州港签约华宝电子材料生产基地项目,投资额3000万美元。", dateline="2025-07-17")))
    assert ("signedAt", "华宝电子材料生产基地项目", "钦州港投资合作座谈会") in f
    f = facts(extract(article(
        "本报讯 昨天上午,钦州港国际物流枢纽项目开工仪式在钦州港举行。项目总投资86亿元,由广西北港投资有限公司、招商局物流集团有限公司共同投资建设。",
        dateline="2025-12-02")))
    assert ("investment", "钦州港国际物流枢纽项目", Amount(Decimal("8600000000"), "CNY")) in f
    assert ("investor", "钦州港国际物流枢纽项目", "招商局物流集团有限公司") in f


def test_projects_just_listed_placed_together_and_no_park_across_a_dash():
    f = facts(extract(article(
        "盐城讯 华能公司投资8亿元建设华能海上风电运维基地项目;江苏海源重工股份有限公司投资12亿元建设大型风电塔筒项目。上述项目均落户大丰港经济开发区。")))
    assert ("locatedIn", "华能海上风电运维基地项目", "大丰港经济开发区") in f
    assert ("locatedIn", "大型风电塔筒项目", "大丰港经济开发区") in f
    t = types(extract(article("本报讯7月16日上午召开的马来西亚福建商会—钦州港经济技术开发区投资合作座谈会上,双方签约项目3个。", dateline="2025-07-17")))
    assert not any("—" in k and v == "Park" for k, v in t.items()), t
