"""Names, places and events on hand-written sentences (sixteenth file: rules of session 36).

Each names firms, people and projects invented for the test, never those of a gold file."""

from extract_helpers import article, facts, types

from kg.extract import extract


def test_a_portal_top_bar_is_furniture():
    from kg.clean import clean_text
    raw = ("欢迎访问岚州新闻网!设为首页 加入收藏\n岚州市召开产业项目推进会\n"
           "今天上午,岚州市召开产业项目推进会,市委书记温立恒出席会议并讲话,会上签约项目8个,总投资42亿元。\n")
    text = clean_text(raw)[0].text
    assert "新闻网" not in text and "设为首页" not in text and "签约项目8个" in text, text


def test_words_tagged_as_verbs_or_numbers_stay_inside_names():
    text = ("西南航空飞行学院与岚州通航科技有限公司签署联合培养协议。"
            "岚山镇分会场开工的有机大米精深加工项目由岚州禾丰粮油有限公司投资2.6亿元建设。")
    ex = extract(article(text, dateline="2026-10-20"))
    t = types(ex)
    assert t.get("西南航空飞行学院") == "University", t
    assert t.get("有机大米精深加工项目") == "Project" and "精深加工项目" not in t, t
    assert ("investor", "有机大米精深加工项目", "岚州禾丰粮油有限公司") in facts(ex), facts(ex)


def test_this_city_before_a_town_is_no_part_of_its_name():
    t = types(extract(article("分会场设在本市岚山镇。", dateline="2026-10-20")))
    assert t.get("岚山镇") == "Place" and "本市岚山镇" not in t, t


def test_a_demonstration_park_is_a_park_but_not_a_title_given_to_one():
    text = "张明来到榆阳区煤焦化产业升级示范园调研。该园区是全省首批循环化改造示范园区。"
    t = types(extract(article(text, dateline="2026-10-20")))
    assert t.get("榆阳区煤焦化产业升级示范园") == "Park", t
    assert "循环化改造示范园" not in t, t


def test_sub_venues_listed_after_the_main_venue_are_each_the_events_location():
    text = ("昨天上午,岚州市2026年第四季度重大项目集中开工活动举行。活动设1个主会场和2个分会场,"
            "主会场设在岚州高新技术产业开发区,分会场分别设在岚州循环经济产业园和本市岚山镇。")
    f = facts(extract(article(text, dateline="2026-11-29")))
    ev = "岚州市2026年第四季度重大项目集中开工活动"
    for venue in ("岚州高新技术产业开发区", "岚州循环经济产业园", "岚山镇"):
        assert ("location", ev, venue) in f, (venue, sorted(x for x in f if x[0] == "location"))


def test_each_item_of_a_list_of_projects_built_by_a_firm_gets_its_own_amount():
    text = ("活动现场,岚山镇开工的有机茶精深加工项目由岚州禾丰茶业有限公司投资3.2亿元建设;"
            "城南街道开工的岚州综合物流园项目由岚州顺运物流有限公司投资6.8亿元建设。")
    f = facts(extract(article(text, dateline="2026-11-29")))
    amounts = {(s, str(o.value)) for p, s, o in f if p == "investment"}
    assert ("岚州综合物流园项目", "680000000") in amounts, amounts
    assert ("有机茶精深加工项目", "320000000") in amounts, amounts


def test_the_how_manieth_of_a_kind_of_event_is_no_event():
    text = ("昨天上午,岚州市2026年第四季度重大项目集中开工活动举行,开工项目20个。"
            "本次开工活动是今年岚州市举办的第四次重大项目集中开工活动。")
    t = types(extract(article(text, dateline="2026-11-29")))
    assert [x for x, typ in t.items() if typ == "Event"] == ["岚州市2026年第四季度重大项目集中开工活动"], t


def test_a_park_named_after_its_city_places_a_visited_firm_of_that_province():
    text = ("今天上午,市委书记张宏远深入榆阳经济技术开发区调研。在榆阳经济技术开发区,张宏远来到陕西岚泰化工有限公司,"
            "了解年产20万吨精细化学品项目建设进度。")
    f = facts(extract(article(text, dateline="2026-11-29")))
    assert ("locatedIn", "陕西岚泰化工有限公司", "榆阳经济技术开发区") in f, sorted(x for x in f if x[0] == "locatedIn")


def test_a_county_level_city_after_its_province_is_the_one_written_not_a_namesake():
    # (东兴 is also a district of 内江 in Sichuan: the city written with 市 after 广西 is 防城港's)
    f = facts(extract(article("广西壮族自治区东兴市昨日在香港举行投资推介会。", dateline="2026-11-29")))
    located = {(s, o) for p, s, o in f if p == "locatedIn"}
    assert any(o == "广西" and s.startswith("东兴") for s, o in located), located


def test_border_cities_abroad_and_bureaus_with_and_in_their_names():
    text = "凭祥与越南谅山隔界相望。凭祥市商务和口岸管理局与广西岚海贸易有限公司签署合作备忘录。"
    ex = extract(article(text, dateline="2026-11-29"))
    t = types(ex)
    assert t.get("谅山") == "Place" and ("locatedIn", "谅山", "越南") in facts(ex), (t, facts(ex))
    assert t.get("凭祥市商务和口岸管理局") == "GovernmentBody" and "口岸管理局" not in t, t


def test_full_support_opens_no_name():
    text = "希望各部门全力支持项目早落地。园区将全力支持岚钧精工集团做大做强。"
    t = types(extract(article(text, dateline="2026-11-29")))
    assert not [x for x in t if x.startswith("全力支持")], t


def test_sub_funds_named_then_counted_are_each_a_fund_with_their_sizes():
    text = ("会上,总规模20亿元的岚州市茶产业发展母基金正式发布,岚州茶叶精深加工子基金、岚州茶旅融合子基金两支子基金同步启动,"
            "规模分别为5亿元和3亿元。")
    ex = extract(article(text, dateline="2026-11-29"))
    t = types(ex)
    assert t.get("岚州茶叶精深加工子基金") == "Fund" and t.get("岚州茶旅融合子基金") == "Fund", t
    amounts = {(s, str(o.value)) for p, s, o in facts(ex) if p == "investment"}
    assert {("岚州茶叶精深加工子基金", "500000000"), ("岚州茶旅融合子基金", "300000000")} <= amounts, amounts


def test_a_park_written_inside_a_zone_lies_in_it_and_takes_its_settlers():
    text = ("26日上午,岚钧精工集团有限公司华北区域总部落户暨项目签约仪式在岚港经济开发区举行。"
            "集团新设立的岚钧精工(岚港)有限公司同时揭牌,首批入驻岚港经济开发区内的岚港阀门产业创新中心。")
    f = facts(extract(article(text, dateline="2026-11-27")))
    assert ("locatedIn", "岚港阀门产业创新中心", "岚港经济开发区") in f, sorted(x for x in f if x[0] in ("locatedIn", "settledIn"))
    assert ("settledIn", "岚钧精工(岚港)有限公司", "岚港阀门产业创新中心") in f, sorted(x for x in f if x[0] in ("locatedIn", "settledIn"))


def test_a_bracketed_day_after_yesterday_is_that_day_in_a_late_page():
    from kg.extract.quantities import find_dates
    assert [d.date.value for d in find_dates("本报岚州电昨(29)日,对接会举行。", "2026-12-02")] == ["2026-11-29"]
    assert [d.date.value for d in find_dates("昨(4)日上午", "2026-12-05")] == ["2026-12-04"]


def test_the_papers_day_in_the_dateline_is_not_the_events():
    text = "本报岚州11月21日讯11月20日,岚州市人民政府与岚锐集团有限公司战略合作暨项目签约仪式在岚州经济开发区举行。"
    f = facts(extract(article(text, dateline="2026-11-21")))
    dates = {o.value for p, s, o in f if p == "date"}
    assert dates == {"2026-11-20"}, dates


def test_a_tibetan_name_an_office_of_cooperation_and_a_released_handbook():
    text = ("本网讯 昨(30)日,2026年沪岚产业协作对接会在上海市举行。对接会由岚州市人民政府、上海市人民政府合作交流办公室共同主办。"
            "岚州市委副书记、市长次旺平措,上海市人民政府合作交流办公室副主任陈立新出席并致辞。"
            "对接会上还发布了《岚州市招商引资项目手册(2026年版)》。")
    ex = extract(article(text, dateline="2026-12-02"))
    t, f = types(ex), facts(ex)
    assert t.get("次旺平措") == "Person", t
    assert t.get("上海市人民政府合作交流办公室") == "GovernmentBody", t
    assert ("holdsPosition", "陈立新", "上海市人民政府合作交流办公室", "副主任") in f, sorted(x for x in f if x[0] == "holdsPosition")
    assert t.get("岚州市招商引资项目手册(2026年版)") == "Initiative", t


def test_a_towns_party_secretary_holds_the_post_in_the_towns_committee():
    text = "发布会上,市发展和改革委员会主任张立、岚山镇党委书记王海波回答记者提问。"
    f = facts(extract(article(text, dateline="2026-11-29")))
    assert ("holdsPosition", "王海波", "岚山镇党委", "镇党委书记") in f, sorted(x for x in f if x[0] == "holdsPosition")


def test_liquor_and_recycled_metal_sectors_and_a_host_city_in_brackets():
    text = ("2026中国(岚州)白酒产业发展大会9日开幕,签约项目覆盖白酒酿造、包装材料等领域。"
            "岚州将打造再生金属产业集群,岚州酱酒产业数字化服务平台同步上线。")
    ex = extract(article(text, dateline="2026-11-10"))
    t, f = types(ex), facts(ex)
    assert t.get("再生金属") == "Industry", t
    assert "酱酒" not in t or t.get("酱香白酒") == "Industry", t  # (酱酒 is 酱香白酒's short name)
    assert ("inIndustry", "2026中国(岚州)白酒产业发展大会", "白酒") in f, sorted(x for x in f if x[0] == "inIndustry")


def test_a_sector_no_lexicon_has_after_a_year_a_country_and_a_host_city():
    from kg.extract.components.name_sectors import _unknown_sector
    assert _unknown_sector("2025中国(岚州)竹木产业大会") == "竹木"


def test_firms_counted_as_moving_in_then_listed_settle_and_sign_with_the_government():
    text = ("岚港储能装备产业园揭牌 首批5家企业签约入驻\n昨天上午,岚港储能装备产业园揭牌暨首批企业入驻签约仪式在岚港市岚河镇举行。"
            "仪式上,岚港市人民政府与首批5家企业签约,5家企业将入驻产业园,涉及项目5个,总投资36亿元。"
            "其中,岚峰储能科技有限公司投资12亿元,建设储能电池模组项目;岚川新材料有限公司投资6亿元,建设电池隔膜项目。")
    f = facts(extract(article(text, dateline="2026-11-20")))
    ev = "岚港储能装备产业园揭牌暨首批企业入驻签约仪式"
    assert ("projectCount", ev, 5) in f, sorted(x for x in f if x[0] in ("projectCount", "investment"))
    for firm in ("岚峰储能科技有限公司", "岚川新材料有限公司"):
        assert ("settledIn", firm, "岚港储能装备产业园") in f, sorted(x for x in f if x[0] == "settledIn")
        assert ("partnerOf", firm, "岚港市人民政府") in f, sorted(x for x in f if x[0] == "partnerOf")
        assert ("participatedIn", firm, ev) in f, firm


def test_a_firms_named_power_plant_is_its_own_works_and_the_bare_company_is_the_firm():
    text = ("今天上午,市委书记张宏远调研工业企业。在岚河工业园区,张宏远走进岚州岚能电力集团有限公司岚河热电厂,察看机组运行情况。"
            "公司董事长刘建军介绍,企业今年预计发电量超过80亿千瓦时。")
    ex = extract(article(text, dateline="2026-11-29"))
    t, f = types(ex), facts(ex)
    assert t.get("岚河热电厂") == "Company", t
    assert ("subsidiaryOf", "岚河热电厂", "岚州岚能电力集团有限公司") in f, sorted(x for x in f if x[0] == "subsidiaryOf")
    assert ("locatedIn", "岚河热电厂", "岚河工业园区") in f, sorted(x for x in f if x[0] == "locatedIn")
    assert ("holdsPosition", "刘建军", "岚州岚能电力集团有限公司", "董事长") in f, sorted(x for x in f if x[0] == "holdsPosition")


def test_a_campaign_of_years_put_into_practice_is_an_initiative():
    t = types(extract(article("全市要深入实施制造强县三年行动,坚持一手抓传统产业改造。", dateline="2026-11-29")))
    assert t.get("制造强县三年行动") == "Initiative", t


def test_a_bare_projects_total_after_a_clause_about_its_firm_is_the_projects_named_before():
    text = ("张宏远来到岚州煤化有限公司,详细了解年产20万吨特种燃料项目建设进度。"
            "该公司是岚州能源集团有限公司的控股子公司,项目总投资36亿元,目前主体装置已完成80%。")
    f = facts(extract(article(text, dateline="2026-11-29")))
    amounts = {(s, str(o.value)) for p, s, o in f if p == "investment"}
    assert ("年产20万吨特种燃料项目", "3600000000") in amounts, amounts


def test_an_office_stationed_abroad_and_a_co_organiser():
    text = ("2026岚州(香港)投资合作推介会昨日在香港举行。推介会由岚州市人民政府主办,香港岚州商会协办。"
            "推介会上,岚州驻香港招商联络处揭牌成立。")
    ex = extract(article(text, dateline="2026-11-29"))
    t, f = types(ex), facts(ex)
    ev = "2026岚州(香港)投资合作推介会"
    assert t.get("岚州驻香港招商联络处") == "GovernmentBody", t
    assert ("locatedIn", "岚州驻香港招商联络处", "香港") in f, sorted(x for x in f if x[0] == "locatedIn")
    assert ("participatedIn", "香港岚州商会", ev) in f, sorted(x for x in f if x[0] == "participatedIn")


def test_sub_funds_named_then_counted_are_launched_at_the_event():
    text = ("1日下午,岚州市茶产业发展基金发布暨投资项目签约会在岚州市举行。会上,岚州市茶产业发展母基金正式发布,"
            "岚州茶叶精深加工子基金、岚州茶旅融合子基金两支子基金同步启动。")
    f = facts(extract(article(text, dateline="2026-12-02")))
    ev = "岚州市茶产业发展基金发布暨投资项目签约会"
    for fund in ("岚州茶叶精深加工子基金", "岚州茶旅融合子基金"):
        assert ("launched", ev, fund) in f, sorted(x for x in f if x[0] == "launched")


def test_a_bare_zone_word_told_what_to_focus_on_stands_for_the_zone_by_its_long_name():
    text = ("今天上午,市委书记张宏远深入岚州高新技术产业开发区调研。在岚州高新区,张宏远来到岚州化工有限公司。"
            "张宏远指出,高新区要聚焦煤化工、新材料两大主导产业,提升产业链附加值。")
    f = facts(extract(article(text, dateline="2026-11-29")))
    assert {("inIndustry", "岚州高新技术产业开发区", "煤化工"), ("inIndustry", "岚州高新技术产业开发区", "新材料")} <= f, \
        sorted(x for x in f if x[0] == "inIndustry")
