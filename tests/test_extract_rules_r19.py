"""Parks, programmes, sectors and investors on hand-written sentences (nineteenth file: rules of session 39).

Each names firms, people, parks and projects invented for the test, never those of a gold file."""

from pathlib import Path

from extract_helpers import article, facts, types

from kg.clean import clean
from kg.extract import extract


def _objects(f: set, pred: str, subject: str) -> set:
    return {o for p, s, o in (x[:3] for x in f) if p == pred and s == subject}


def test_the_park_unveiled_then_said_to_lie_somewhere_lies_at_the_end_of_the_place_chain():
    text = ("10日上午,云山高新区2026年重大项目集中签约活动在云山高新区举行。"
            "活动中,云山低空经济产业园揭牌。该产业园位于云山高新区,规划面积约800亩。"
            "同日,石塘绿色建材产业园揭牌。该产业园位于抚州市临川区云山镇,规划面积约600亩。")
    f = facts(extract(article(text, dateline="2026-06-11")))
    assert "云山高新区" in _objects(f, "locatedIn", "云山低空经济产业园"), sorted(x for x in f if x[0] == "locatedIn")
    assert "云山镇" in _objects(f, "locatedIn", "石塘绿色建材产业园"), sorted(x for x in f if x[0] == "locatedIn")


def test_a_quoted_programme_keeps_the_words_of_its_kind():
    text = ("10日上午,临川市2026年重大项目集中签约活动举行。"
            "临川市委书记章立民在讲话中表示,临川正在深入实施“链聚临川”产业链招商行动,"
            "构建“一城三片”产业空间布局,坚定实施“钢铁+新材料”双轮驱动战略,推进“煤电+储能”融合发展路径。")
    names = {n for n, t in types(extract(article(text, dateline="2026-06-11"))).items() if t == "Initiative"}
    for n in ("链聚临川产业链招商行动", "一城三片产业空间布局", "钢铁+新材料双轮驱动战略", "煤电+储能融合发展路径"):
        assert n in names, sorted(names)
    assert "一城三片" not in names


def test_a_project_named_by_a_description_has_no_brand_for_investor():
    text = ("10日上午,云山高新区2026年重大项目集中签约活动举行,现场签约项目5个。"
            "功率模块封装项目、智能仓储物流分拨项目、数字孪生工厂项目等也在现场签约。")
    f = facts(extract(article(text, dateline="2026-06-11")))
    assert not _objects(f, "investor", "智能仓储物流分拨项目"), sorted(x for x in f if x[0] == "investor")
    assert not _objects(f, "investor", "数字孪生工厂项目"), sorted(x for x in f if x[0] == "investor")


def test_sectors_of_general_knowledge_in_a_list():
    text = ("10日上午,临川市2026年重大项目集中签约活动举行,现场签约项目9个,"
            "涵盖机器视觉、光学成像、热带水果、冷链物流、休闲农业、化学药和生物药等领域。")
    f = facts(extract(article(text, dateline="2026-06-11")))
    ev = "临川市2026年重大项目集中签约活动"
    got = _objects(f, "inIndustry", ev)
    for s in ("机器视觉", "光学成像", "热带水果", "冷链物流", "休闲农业", "化学药", "生物药"):
        assert s in got, sorted(got)


def test_a_former_post_written_with_yuan_before_or_inside_the_body_is_no_post_and_no_name():
    text = ("10日上午,临川市2026年重大项目集中签约活动举行。"
            "原国家稀土材料工程技术研究中心主任范立群出席活动。"
            "合资公司总经理由云山控股集团原副总裁汤志远担任。")
    ex = extract(article(text, dateline="2026-06-11"))
    t, f = types(ex), facts(ex)
    assert "原国家稀土材料工程技术研究中心" not in t and "国家稀土材料工程技术研究中心" in t, t
    assert not _objects(f, "holdsPosition", "范立群"), sorted(x for x in f if x[0] == "holdsPosition")
    assert not any(n.endswith("集团原") for n in t), t


def test_the_first_chairman_of_an_alliance_founded_in_the_sentence_before():
    text = ("10日上午,2026临川新材料产业大会开幕。"
            "大会期间,临川稀土新材料产业联盟宣告成立。联盟由36家企业和高校组成,"
            "江西云岭稀土股份有限公司董事长韩子墨当选首任理事长。")
    f = facts(extract(article(text, dateline="2026-06-11")))
    assert "临川稀土新材料产业联盟" in _objects(f, "holdsPosition", "韩子墨"), sorted(x for x in f if x[0] == "holdsPosition")


def test_a_universitys_campus_in_brackets_is_part_of_its_name():
    text = ("10日上午,2026临川新材料产业大会开幕。"
            "由临川市人民政府与山东大学(威海)共建的临川新材料研究院同步揭牌。")
    t = types(extract(article(text, dateline="2026-06-11")))
    assert t.get("山东大学(威海)") == "University" and "山东大学" not in t, t


def test_a_count_of_events_held_is_no_event():
    text = ("10日上午,临川市2026年第四季度重大项目集中开工活动举行。"
            "今年以来全市已举行三批次重大项目集中开工活动,累计开工项目78个。")
    t = types(extract(article(text, dateline="2026-10-11")))
    assert not any(n.startswith("次") for n in t), t


def test_a_listed_firms_kind_before_its_legal_name_is_no_name():
    text = "上柜电子零件公司云岭精密股份有限公司(云岭精密)昨(8)日公告,董事会通过在昆山设立子公司。"
    t = types(extract(article(text, dateline="2026-06-11")))
    assert "云岭精密股份有限公司" in t and not any(n.startswith("上柜") for n in t), t


def test_its_indirect_subsidiary_signs_a_joint_venture_with_a_state_platform():
    text = ("港股上市的云岭新能源控股有限公司(云岭新能源)昨日公布,其间接全资附属公司云岭(香港)投资有限公司已于同日"
            "与临川市城市发展投资有限公司签订合资协议,双方将在江西省临川市成立合资公司江西云岭临能储能科技有限公司。")
    f = facts(extract(article(text, dateline="2026-06-11")))
    assert "云岭新能源控股有限公司" in _objects(f, "subsidiaryOf", "云岭(香港)投资有限公司"), sorted(x for x in f if x[0] == "subsidiaryOf")
    jv = _objects(f, "subsidiaryOf", "江西云岭临能储能科技有限公司")
    assert jv == {"云岭(香港)投资有限公司", "临川市城市发展投资有限公司"}, sorted(x for x in f if x[0] == "subsidiaryOf")


def test_the_firm_invested_to_set_up_a_wholly_owned_subsidiary():
    text = ("市委书记章立民首先来到江西云岭精密钢材有限公司,察看生产线。云岭精钢董事长韩子墨介绍,公司今年前8个月实现产值62亿元。"
            "今年5月,公司投资设立的全资子公司临川云岭氢能装备有限公司入驻临川氢能产业园。")
    f = facts(extract(article(text, dateline="2026-06-11")))
    assert "江西云岭精密钢材有限公司" in _objects(f, "subsidiaryOf", "临川云岭氢能装备有限公司"), sorted(x for x in f if x[0] == "subsidiaryOf")


def test_firms_settling_in_the_park_a_sentence_opens_with_by_gai():
    text = ("10日上午,云山高新区2026年重大项目集中签约活动在云山高新区举行。"
            "活动中,云山低空经济产业园揭牌。该产业园位于云山高新区,规划面积约800亩,"
            "江西翼展航空科技有限公司等首批6家企业当天入驻。")
    f = facts(extract(article(text, dateline="2026-06-11")))
    assert _objects(f, "settledIn", "江西翼展航空科技有限公司") == {"云山低空经济产业园"}, sorted(x for x in f if x[0] == "settledIn")


def test_a_strategy_of_a_strong_city_without_quotes():
    text = "市委书记章立民在致辞中表示,临川正深入实施工业强市战略,加快建设先进制造业基地。"
    t = types(extract(article(text, dateline="2026-06-11")))
    assert t.get("工业强市战略") == "Initiative", t


def test_projects_counted_as_placed_then_listed_after_qizhong():
    text = ("19日上午,临川市循环经济产业基金发布会暨基金项目签约仪式在临川高新技术产业开发区举行。"
            "会上,3个基金投资项目现场签约,总投资20亿元。\n"
            "现场签约的3个项目均落户临川高新技术产业开发区。其中,江西云岭铜业有限公司投资12亿元,建设年产10万吨再生铜杆项目;"
            "江西锂环新能源科技有限公司投资5亿元,建设退役电池回收项目;再生橡胶综合利用项目投资3亿元。")
    f = facts(extract(article(text, dateline="2026-05-20")))
    ev = "临川市循环经济产业基金发布会暨基金项目签约仪式"
    for p in ("年产10万吨再生铜杆项目", "退役电池回收项目", "再生橡胶综合利用项目"):
        assert "临川高新技术产业开发区" in _objects(f, "locatedIn", p), sorted(x for x in f if x[0] == "locatedIn")
        assert ev in _objects(f, "signedAt", p), sorted(x for x in f if x[0] == "signedAt")


_ANNOUNCEMENT = ("苏州云岭传动科技股份有限公司(以下简称“云岭”)2月2日晚间公告,公司与江西省临川区人民政府签署《投资协议书》,"
                 "拟在临川综合保税区投资建设华中总部及精密减速器生产基地项目(以下简称“华中总部项目”),项目总投资约12亿元。"
                 "为推进项目实施,云岭拟以自有资金2亿元在临川区设立全资子公司云岭(临川)传动科技有限公司(暂定名),"
                 "作为华中总部项目的实施主体,由公司副总经理韩子墨出任该子公司执行董事兼总经理。"
                 "临川区副区长何蓓与云岭总经理顾小婷(此前任公司财务总监)代表双方签约。")


def test_an_announcing_firm_signs_by_its_bare_word_and_its_new_subsidiary_carries_the_project():
    f = facts(extract(article(_ANNOUNCEMENT, dateline="2026-02-03")))
    p = "华中总部及精密减速器生产基地项目"
    assert _objects(f, "investor", p) == {"苏州云岭传动科技股份有限公司", "云岭(临川)传动科技有限公司"}, sorted(x for x in f if x[0] == "investor")


def test_posts_of_the_firm_and_its_new_subsidiary_and_no_former_post():
    ex = extract(article(_ANNOUNCEMENT, dateline="2026-02-03"))
    posts = {(x[1], x[2], x[3]) for x in facts(ex) if x[0] == "holdsPosition" and len(x) > 3}
    assert ("韩子墨", "苏州云岭传动科技股份有限公司", "副总经理") in posts, sorted(posts)
    assert ("韩子墨", "云岭(临川)传动科技有限公司", "执行董事") in posts and ("韩子墨", "云岭(临川)传动科技有限公司", "总经理") in posts, sorted(posts)
    assert not any("此前" in n for n in types(ex)), types(ex)


def test_a_post_held_now_in_brackets_after_the_name():
    text = "江西云岭化工集团股份有限公司董事长罗建华(现任临川市工商联主席)等出席对接会。"
    posts = {(x[1], x[2], x[3]) for x in facts(extract(article(text, dateline="2026-02-03"))) if x[0] == "holdsPosition" and len(x) > 3}
    assert ("罗建华", "临川市工商联", "主席") in posts, sorted(posts)


def test_a_breadcrumb_after_a_site_name_and_a_page_word_is_furniture():
    raw = ("临川新闻网 首页 > 临川要闻 > 经济\n多彩江西网 繁体版 > 新闻 > 抚州\n"
           "临川日报讯 26日上午,临川市2026年第四季度重大项目集中开工活动举行。\n")
    text = clean(raw, "a.txt", Path("a.txt"), "", "utf-8", html=False).text
    assert ">" not in text and "首页" not in text and "繁体版" not in text, text
    assert "重大项目集中开工活动举行" in text, text


def test_a_newspapers_credit_names_no_place():
    text = "抚州日报讯 26日上午,临川区2026年第四季度重大项目集中开工活动在临川高新区举行。"
    t = types(extract(article(text, dateline="2026-10-27")))
    assert "抚州" not in t, t


def test_a_joint_venture_carries_the_project_and_gets_its_manager():
    text = ("昨天下午,临川市人民政府与云岭粮谷集团有限公司战略合作签约仪式在南昌举行。"
            "云岭粮谷集团有限公司将在临川投资建设年产20万吨玉米深加工项目,项目总投资30亿元。"
            "仪式上,云岭粮谷集团有限公司与临川市城市建设投资集团有限公司签署合资协议,共同出资设立云岭(临川)生物科技有限公司。"
            "合资公司将作为项目实施主体,总经理由云岭粮谷集团原副总裁韩子墨担任。")
    f = facts(extract(article(text, dateline="2026-03-11")))
    assert {"云岭(临川)生物科技有限公司", "云岭粮谷集团有限公司"} <= _objects(f, "investor", "年产20万吨玉米深加工项目"), sorted(x for x in f if x[0] == "investor")
    assert ("holdsPosition", "韩子墨", "云岭(临川)生物科技有限公司", "总经理") in f, sorted(x for x in f if x[0] == "holdsPosition")


def test_a_project_said_to_settle_in_the_clause_after_it():
    text = ("22日下午,2026临川市医药产业招商推介会在上海举行。"
            "推介会上,云岭生物科技(上海)有限公司投资3000万美元,建设生物制剂灌装项目,该项目将落户临川医药高新区。")
    f = facts(extract(article(text, dateline="2026-04-23")))
    assert "临川医药高新区" in _objects(f, "locatedIn", "生物制剂灌装项目"), sorted(x for x in f if x[0] == "locatedIn")


def test_two_people_signing_for_both_sides_make_their_firms_partners_at_the_event():
    text = ("12日上午,临川市磷化工产业链供需对接会在临川经济开发区举行。"
            "对接会上,江西云岭化工集团股份有限公司总经理曾德明与成都锂川新材料科技有限公司董事长吴一昊代表双方签署上下游供需协议。")
    f = facts(extract(article(text, dateline="2026-08-13")))
    ev = "临川市磷化工产业链供需对接会"
    a, b = "江西云岭化工集团股份有限公司", "成都锂川新材料科技有限公司"
    assert ev in _objects(f, "participatedIn", a) and ev in _objects(f, "participatedIn", b), sorted(x for x in f if x[0] == "participatedIn")
    assert ("partnerOf", a, b) in f or ("partnerOf", b, a) in f, sorted(x for x in f if x[0] == "partnerOf")


def test_a_long_sector_named_in_a_list_of_projects_is_a_projects_name():
    text = ("12日上午,临川市磷化工产业链供需对接会举行,现场签约项目9个。"
            "磷石膏综合利用项目、六氟磷酸锂项目、磷化工废水资源化项目等也现场签约。")
    t = types(extract(article(text, dateline="2026-08-13")))
    assert t.get("磷石膏综合利用项目") == "Project", t


def test_a_citys_role_as_a_base_of_sectors_and_a_raw_material_base_are_no_parks():
    text = ("市委书记章立民指出,临川是抚州重要的钢铁、焦化和电力基地。"
            "推介会前,章立民走访了云岭药业股份有限公司,就项目建设进度和原料基地配套进行深入交流。")
    t = types(extract(article(text, dateline="2026-08-13")))
    assert "电力基地" not in t and "原料基地" not in t, t


def test_a_new_area_that_is_a_district_is_a_place_and_one_of_another_city_a_zone():
    t = types(extract(article("推介会上,临川(上海)招商联络处揭牌。联络处设在上海市浦东新区,将派驻专职招商人员。", dateline="2026-04-23")))
    assert not any(n.endswith("浦东新区") and v == "Park" for n, v in t.items()), t
    t2 = types(extract(article("10日上午,绍兴市2026年重大项目集中签约活动在绍兴滨海新区举行。", dateline="2026-04-23")))
    assert t2.get("绍兴滨海新区") == "Park", t2


def test_a_japanese_name_after_a_firms_title():
    text = ("10日上午,临川高新区2026年重大项目集中签约活动举行。"
            "日本三浦精工株式会社投资90亿日元,建设精密零部件项目。三浦精工社长三浦翔平在致辞中表示,公司看好临川的产业基础。")
    f = facts(extract(article(text, dateline="2026-06-11")))
    assert ("holdsPosition", "三浦翔平", "日本三浦精工株式会社", "社长") in f, sorted(x for x in f if x[0] == "holdsPosition")


def test_firms_listed_before_a_first_batch_count_settle_in_the_park_named_before():
    text = ("临川开发区的两栋大楼共同组成临川元宇宙产业创新中心。"
            "2025年10月,云岭智能、星图科技、青禾数据等首批28家元宇宙头部企业入驻其中。")
    f = facts(extract(article(text, dateline="2026-01-11")))
    for firm in ("云岭智能", "星图科技", "青禾数据"):
        assert _objects(f, "settledIn", firm) == {"临川元宇宙产业创新中心"}, sorted(x for x in f if x[0] == "settledIn")


def test_a_headlines_short_project_name_is_the_project_with_its_capacity():
    text = ("临川市与云岭铜业集团签约 高端铜箔项目落地\n"
            "10日上午,临川市人民政府与江西云岭铜业集团有限公司战略合作签约仪式举行。"
            "根据协议,江西云岭铜业集团有限公司将投资28亿元,在临川高新区建设年产5万吨高端电解铜箔项目。")
    t = types(extract(article(text, dateline="2026-06-11")))
    assert "年产5万吨高端电解铜箔项目" in t and "高端铜箔项目" not in t, t


def test_what_a_project_is_for_before_yong_opens_its_name():
    text = ("10日上午,临川高新区2026年重大项目集中签约活动举行。"
            "此外,锂电池用高纯石墨项目、高端纺织面料数字化工厂项目等也现场签约。公司采用高纯石墨工艺。")
    t = types(extract(article(text, dateline="2026-06-11")))
    assert t.get("锂电池用高纯石墨项目") == "Project" and "高纯石墨项目" not in t, t


def test_verbs_before_xiangmu_in_a_slogan_name_no_project():
    text = "临川新闻网\n章立民调研重点工业企业时强调 稳住工业基本盘 跑出项目加速度\n3日,临川市委书记章立民深入临川高新区调研。"
    t = types(extract(article(text, dateline="2026-06-04")))
    assert not any(n.endswith("项目") for n in t), t


def test_the_day_a_paper_reprints_a_report_is_not_the_events():
    text = ("【编者按】钢铁是临川的立市之本。本网今日转载关于临川精品钢产业链对接会的报道,以飨读者。\n"
            "17日上午,2026临川精品钢产业链对接会在临川市举行。")
    f = facts(extract(article(text, dateline="2026-09-19")))
    dates = {str(o) for p, s, o in (x[:3] for x in f) if p == "date"}
    assert any("2026-09-17" in d for d in dates) and not any("2026-09-19" in d for d in dates), dates


def test_a_project_named_by_its_head_is_the_one_project_that_goes_on_past_it():
    text = ("17日上午,2026临川精品钢产业链对接会举行。签约项目中,江西云岭钢铁集团有限公司投资32亿元建设氢基竖炉直接还原铁项目。"
            "云岭钢铁董事长韩子墨表示,氢基竖炉项目建成后每年可减少二氧化碳排放约80万吨。"
            "临川储能电站项目、临川储能电站二期项目同步签约。")
    t = types(extract(article(text, dateline="2026-09-18")))
    assert "氢基竖炉直接还原铁项目" in t and "氢基竖炉项目" not in t, t
    assert "临川储能电站二期项目" in t and "临川储能电站项目" in t, t


def test_what_a_firm_is_before_its_brand_and_bracketed_place_is_no_part_of_its_name():
    text = "2006年,云岭在临川设立首家在华工厂云岭(临川)精密机械有限公司,此后持续增资扩产。"
    t = types(extract(article(text, dateline="2026-06-11")))
    assert "云岭(临川)精密机械有限公司" in t and not any(n.startswith("华工厂") for n in t), t
