"""Event frames on hand-written sentences: names, aliases, dates, places, counts, launches, roles."""

from decimal import Decimal

from extract_helpers import article, facts, types
from kg.extract import extract
from kg.extract.quantities import find_dates
from kg.model import Amount, DateValue


def _event_names(ex):
    return {e.label: e.aliases for e in ex.entities if e.type == "Event"}


def test_relative_days_resolve_against_the_dateline():
    assert [d.date for d in find_dates("昨天上午,会议举行", "2022-03-01")] == [DateValue("2022-02-28")]
    assert [d.date for d in find_dates("今天", "2022-03-01")] == [DateValue("2022-03-01")]
    assert find_dates("昨天", None) == []


def test_event_named_as_the_object_of_a_holding_verb_with_yesterday_and_its_counts():
    text = (
        "南湖区12个项目签约 总投资80亿元\n"
        "本报讯 昨天,南湖区委、区政府召开绿色智造发展推进大会,部署全年工作。"
        "会上,12个智能装备重大项目签约落户,投资总额接近80亿元。"
    )
    ex = extract(article(text, dateline="2022-05-11"))
    f = facts(ex)
    ev = "绿色智造发展推进大会"
    assert ev in _event_names(ex)
    assert ("date", ev, DateValue("2022-05-10")) in f
    assert ("projectCount", ev, 12) in f
    assert ("investment", ev, Amount(Decimal("8000000000"), "CNY")) in f


def test_headline_short_form_and_bare_suffix_are_aliases_of_the_full_name():
    text = (
        "青溪金秋恳谈会30个项目落子\n"
        "前天,2022青溪金秋招商合作恳谈会在青溪镇召开,30个项目在会上集中签约。"
        "本届恳谈会还表彰了一批优秀企业。"
    )
    ex = extract(article(text, dateline="2022-10-20"))
    names = _event_names(ex)
    assert "2022青溪金秋招商合作恳谈会" in names
    assert {"青溪金秋恳谈会", "恳谈会"} <= names["2022青溪金秋招商合作恳谈会"]
    f = facts(ex)
    assert ("date", "2022青溪金秋招商合作恳谈会", DateValue("2022-10-18")) in f
    assert ("location", "2022青溪金秋招商合作恳谈会", "青溪镇") in f


def test_subtotals_of_a_district_or_a_part_are_not_the_events():
    text = (
        "2019东城春季重大项目集中开工\n"
        "2019东城春季重大项目集中开工。此次集中开工的重大项目共36个,总投资210亿元。"
        "其中,产业项目有20个,总投资150亿元。"
        "东城开发区有6个项目开工,累计总投资40亿元。"
    )
    f = facts(extract(article(text, dateline="2019-03-02")))
    ev = "2019东城春季重大项目集中开工"
    assert ("projectCount", ev, 36) in f
    assert ("investment", ev, Amount(Decimal("21000000000"), "CNY")) in f
    assert ("projectCount", ev, 20) not in f
    assert ("projectCount", ev, 6) not in f


def test_lead_date_opening_ceremony_and_a_second_event_the_same_day():
    text = (
        "北岸智造产业园开园\n"
        "6月3日,北岸智造产业园正式开园。开园仪式结束后,园区随即举行首批智能制造项目签约仪式。"
        "15余个智能制造项目在北岸智造产业园集中签约。"
    )
    ex = extract(article(text, dateline="2021-06-04"))
    f = facts(ex)
    names = _event_names(ex)
    assert "北岸智造产业园开园仪式" in names and "开园仪式" in names["北岸智造产业园开园仪式"]
    assert ("date", "北岸智造产业园开园仪式", DateValue("2021-06-03")) in f
    assert ("launched", "北岸智造产业园开园仪式", "北岸智造产业园") in f
    assert ("date", "首批智能制造项目签约仪式", DateValue("2021-06-03")) in f


def test_conveners_signers_and_launches_over_adverbs():
    text = (
        "2021滨江数字经济高峰论坛在滨江区举行\n"
        "9月3日,2021滨江数字经济高峰论坛在滨江区举行。论坛的主办方为滨江区人民政府,承办方是滨江区科学技术协会。"
        "会上,杭州云栖科技有限公司与浙江工业大学签署战略合作协议;滨江数字经济创新大赛同步启动,"
        "滨江数字贸易示范区也正式揭牌。"
    )
    f = facts(extract(article(text, dateline="2021-09-04")))
    ev = "2021滨江数字经济高峰论坛"
    assert ("participatedIn", "滨江区人民政府", ev) in f
    assert ("participatedIn", "杭州云栖科技有限公司", ev) in f
    assert ("participatedIn", "浙江工业大学", ev) in f
    assert ("launched", ev, "滨江数字经济创新大赛") in f
    assert any(p == "location" and s == ev and o.startswith("滨江") for p, s, o in f)


def test_a_firm_named_in_what_is_signed_does_not_sign():
    text = (
        "2022河西重点项目签约仪式举行\n"
        "3月2日,2022河西重点项目签约仪式举行。河西集团旗下的河西城建公司与10个拟入驻项目签订协议。"
        "市领导代表市政府对项目成功签约表示祝贺。"
    )
    f = facts(extract(article(text, dateline="2022-03-03")))
    ev = "2022河西重点项目签约仪式"
    assert ("participatedIn", "河西集团", ev) not in f
    assert not any(p == "participatedIn" and s.endswith("市政府") for p, s, *_ in f)


def test_projects_of_a_started_batch_and_of_the_signed_set_are_signed_at_the_event():
    text = (
        "2018西城春季重大项目集中开工\n"
        "2018西城春季重大项目集中开工。此次集中开工的重大项目共20个,总投资90亿元。"
        "南岭镇开工4个项目,累计总投资12亿元,华丰精密模具项目、春江电子项目均在其列。"
        "开工项目中,投资最大的是总投资30亿元的蓝海新材料产业园项目。"
    )
    f = facts(extract(article(text, dateline="2018-03-10")))
    ev = "2018西城春季重大项目集中开工"
    for p in ("华丰精密模具项目", "春江电子项目", "蓝海新材料产业园项目"):
        assert ("signedAt", p, ev) in f
    assert ("projectCount", ev, 4) not in f


def test_date_after_the_name_and_a_signing_activity_named_by_its_suffix():
    text = (
        "东湖区一季度重大项目集中签约活动举行\n"
        "东湖区2022年一季度重大项目集中签约活动于3月18日在东湖区举行,18个项目集中签约,总投资65亿元。"
    )
    f = facts(extract(article(text, dateline="2022-03-19")))
    ev = "东湖区2022年一季度重大项目集中签约活动"
    assert ("date", ev, DateValue("2022-03-18")) in f
    assert ("projectCount", ev, 18) in f


def test_projects_of_a_sentence_opening_with_qizhong_after_a_signing_count_are_signed_there():
    f = facts(extract(article(
        "本报讯 5月8日,2026临江数字经济推介会在杭州举行。推介会上,临江高新区共签约项目12个,总投资约90亿元。"
        "临江市副市长王立群出席推介会。"
        "其中,云帆数据中心项目计划总投资30亿元;星桥智能终端项目总投资12亿元。",
        dateline="2026-05-09",
    )))
    assert ("signedAt", "云帆数据中心项目", "2026临江数字经济推介会") in f
    assert ("signedAt", "星桥智能终端项目", "2026临江数字经济推介会") in f


def test_bodies_that_host_an_event_or_release_a_plan_there_took_part_in_it():
    ex = extract(article(
        "本报讯 20日,2026临江新材料产业大会在临江开幕。大会由东川省工业和信息化厅、临江市政府共同主办。"
        "开幕式上,临江市科学技术局发布了《临江市新材料产业发展三年行动计划(2026—2028年)》。",
        dateline="2026-05-21",
    ))
    f = facts(ex)
    ev = "2026临江新材料产业大会"
    assert ("participatedIn", "东川省工业和信息化厅", ev) in f
    assert ("participatedIn", "临江市政府", ev) in f
    assert ("participatedIn", "临江市科学技术局", ev) in f
    assert ("launched", ev, "临江市新材料产业发展三年行动计划(2026—2028年)") in f
    assert ("launched", ev, "临江市科学技术局") not in f


def test_a_signing_attended_in_the_lead_is_the_event_even_with_a_named_one_further_down():
    text = ("九江与鸿川集团签署战略合作协议\n"
            "新华社九江5月8日电 九江市人民政府7日与鸿川新能源集团有限公司在九江签署战略合作协议。\n"
            "九江市委书记王志海,鸿川新能源集团有限公司董事长陈立川出席签约仪式并见证签约。\n"
            "根据协议,鸿川集团将在九江设立区域总部。\n该项目计划投资20亿元。\n项目达产后年产值约50亿元。\n"
            "鸿川集团是国内领先的储能企业。\n"
            "双方还将共同筹办10月举行的2025长江新能源产业大会。")
    ex = extract(article(text, dateline="2025-05-08"))
    types = {e.label: e.type for e in ex.entities}
    assert types.get("签约仪式") == "Event"
    assert types.get("九江市人民政府") == "GovernmentBody"  # not 日电九江市人民政府
    f = facts(ex)
    assert ("participatedIn", "王志海", "签约仪式") in f


def test_main_venue_subtotals_after_qizhong_and_a_list_of_partners():
    text = ("本报讯 3月6日,成都市2025年第一季度重大项目集中开工活动举行,主会场设在天府新区。"
            "当天,全市集中开工重大项目186个,总投资1263亿元。其中,天府新区集中开工项目22个,总投资315亿元。"
            "天府新区管委会还与西南交通大学、中国航空工业集团有限公司分别签署合作协议。")
    ex = extract(article(text, dateline="2025-03-06"))
    f = facts(ex)
    ev = "成都市2025年第一季度重大项目集中开工活动"
    assert ("location", ev, "天府新区") in f
    assert ("projectCount", ev, 186) in f and ("projectCount", ev, 22) not in f
    assert ("partnerOf", "天府新区管委会", "西南交通大学") in f
    assert ("partnerOf", "天府新区管委会", "中国航空工业集团有限公司") in f


def test_a_zone_that_releases_a_policy_at_the_event_is_its_subject_not_launched():
    text = ("11月20日,绵阳高新区2025年重大项目集中签约活动在绵阳举行。"
            "活动现场,绵阳高新区还发布了《绵阳高新区促进低空经济产业发展若干政策》。")
    f = facts(extract(article(text, dateline="2025-11-20")))
    ev = "绵阳高新区2025年重大项目集中签约活动"
    assert ("launched", ev, "绵阳高新区促进低空经济产业发展若干政策") in f
    assert not any(p == "launched" and o.startswith("绵阳高新") and not o.endswith("政策") for p, s, o in f)


def test_a_firm_to_be_set_up_in_a_park_is_not_launched_at_the_signing():
    text = ("3月2日,赣州市人民政府与鸿川科技集团有限公司在赣州签署战略合作协议。市长出席签约仪式。"
            "根据协议,鸿川集团将在赣州高新区VR科创城设立鸿川虚拟现实(赣州)有限公司。")
    f = facts(extract(article(text, dateline="2025-03-02")))
    assert not any(p == "launched" for p, s, o in f)


def test_the_list_of_started_projects_runs_on_into_the_next_sentence():
    text = ("9月12日,重庆市2025年第三季度重大项目集中开工活动举行。"
            "在主会场开工的项目中,渝安新能源汽车智能工厂二期项目总投资85亿元。"
            "嘉安动力电池系统项目总投资42亿元;川安智能传感器产业园项目总投资16亿元。"
            "据了解,重庆已连续三年开展集中开工活动。")
    f = facts(extract(article(text, dateline="2025-09-12")))
    ev = "重庆市2025年第三季度重大项目集中开工活动"
    for p in ("渝安新能源汽车智能工厂二期项目", "嘉安动力电池系统项目", "川安智能传感器产业园项目"):
        assert ("signedAt", p, ev) in f, p


def test_a_plainly_named_signing_takes_the_day_and_place_of_the_lead():
    text = ("九江与鸿川集团签署战略合作协议\n"
            "新华社九江5月8日电 九江市人民政府7日与鸿川新能源集团有限公司在九江签署战略合作协议。\n"
            "九江市委书记王志海出席签约仪式并见证签约。")
    f = facts(extract(article(text, dateline="2025-05-08")))
    assert ("date", "签约仪式", DateValue("2025-05-07")) in f
    assert ("location", "签约仪式", "九江") in f


def test_the_zone_named_at_the_head_of_a_park_that_starts_is_not_launched():
    text = "9月12日,重庆市重大项目集中开工活动举行。活动中,两江新区智能网联新能源汽车产业园(二期)同步开工建设。"
    f = facts(extract(article(text, dateline="2025-09-12")))
    assert not any(p == "launched" and o == "两江新区" for p, s, o in f)
    assert any(p == "launched" and o.endswith("产业园") for p, s, o in f)


def test_a_gathering_named_after_a_sector_is_in_that_sector_and_a_park_ceremony_is_not():
    ex = extract(article(
        "本报讯 9月3日,2025氢能产业高质量发展论坛在临江举行。"
        "同日,临江高新区(北京)集成电路产业招商推介会在北京举行。"
        "10日,临江新材料产业园开工仪式在东川镇举行。",
        dateline="2025-09-12",
    ))
    f = facts(ex)
    assert ("inIndustry", "2025氢能产业高质量发展论坛", "氢能") in f
    assert ("inIndustry", "临江高新区(北京)集成电路产业招商推介会", "集成电路") in f
    assert not any(p == "inIndustry" and s == "临江新材料产业园开工仪式" for p, s, *_ in f)


def test_a_narrower_sector_is_its_own_concept_beside_the_broader_one():
    ex = extract(article("东川将聚焦工业机器人、服务机器人两大方向,做强机器人产业,布局新型储能和储能电站。", dateline="2025-09-12"))
    labels = {e.label for e in ex.entities if e.type == "Industry"}
    assert {"工业机器人", "服务机器人", "机器人", "新型储能"} <= labels


def test_a_body_that_starts_a_named_campaign_acts_and_the_campaign_is_launched():
    ex = extract(article(
        "昨天,2025年临江市优质企业授牌大会在临江举行。会上,临江市工业和信息化局还启动了2026年度“春城创新之星”企业评选活动。"
        "活动期间,临江市商务局还联合发布了《2025年临江重点产业招商图谱》。王明表示,临江正在深入推进“数字临江”建设。",
        dateline="2025-11-20",
    ))
    f = facts(ex)
    ev = "2025年临江市优质企业授牌大会"
    assert ("launched", ev, "2026年度春城创新之星企业评选活动") in f
    assert ("launched", ev, "临江市工业和信息化局") not in f
    assert ("participatedIn", "临江市工业和信息化局", ev) in f
    kinds = {e.label: e.type for e in ex.entities}
    assert kinds.get("2025年临江重点产业招商图谱") == "Initiative" and kinds.get("数字临江") == "Initiative"


def test_two_bodies_that_jointly_release_a_plan_take_part_and_are_partners():
    f = facts(extract(article(
        "昨天,2025年临江市重点招商引资项目集中签约活动在临江举行。活动期间,临江市商务局与中国国际贸易促进委员会临江分会"
        "还联合发布了《2025年临江重点产业招商图谱》,并启动“临商回归”招商行动。",
        dateline="2025-11-20",
    )))
    ev = "2025年临江市重点招商引资项目集中签约活动"
    assert ("participatedIn", "临江市商务局", ev) in f
    assert ("participatedIn", "中国国际贸易促进委员会临江分会", ev) in f
    assert ("partnerOf", "临江市商务局", "中国国际贸易促进委员会临江分会") in f
    assert ("launched", ev, "2025年临江重点产业招商图谱") in f


def test_a_ceremony_held_at_the_event_is_part_of_it_and_its_launches_are_the_events():
    ex = extract(article(
        "18日上午,青川新材料临江正极材料基地项目开工仪式在临江高新技术产业开发区举行。该项目总投资45亿元。"
        "仪式现场还举行了临江高新区新能源材料产业园揭牌仪式。",
        dateline="2025-06-19",
    ))
    f = facts(ex)
    events = [e.label for e in ex.entities if e.type == "Event"]
    assert events == ["青川新材料临江正极材料基地项目开工仪式"]
    assert ("launched", events[0], "临江高新区新能源材料产业园") in f
    assert {e.label: e.type for e in ex.entities}.get("临江高新区新能源材料产业园") == "Park"


def test_a_project_drive_named_after_its_city_and_year_inside_a_sentence():
    ex = extract(article(
        "临江新闻网讯 昨天,临江市2026年第一季度重大项目集中动工活动举行,主会场设在东岗区。"
        "全市集中动工项目86个,总投资402亿元,涵盖新能源汽车、生物医药、新材料等领域。",
        dateline="2026-03-21",
    ))
    f = facts(ex)
    ev = "临江市2026年第一季度重大项目集中动工活动"
    assert ev in _event_names(ex)
    assert ("projectCount", ev, 86) in f
    assert ("inIndustry", ev, "生物医药") in f
    assert ("date", ev, DateValue("2026-03-20")) in f


def test_a_headline_short_form_of_a_drive_is_not_a_second_event():
    ex = extract(article(
        "临江2026年一季度重大产业项目集中签约 18个项目总投资超200亿元\n"
        "3月12日上午,临江市2026年一季度重大产业项目集中签约仪式在临江经济技术开发区举行。",
        dateline="2026-03-12",
    ))
    assert list(_event_names(ex)) == ["临江市2026年一季度重大产业项目集中签约仪式"]


def test_the_projects_among_those_started_at_the_main_venue_are_started_at_the_event():
    ex = extract(article(
        "昨天,临江市2026年第二季度重大项目集中动工活动举行。"
        "在主会场动工的项目中,远帆碳纤维复合材料项目总投资30亿元,位于东岗镇;青川储能电池项目总投资18亿元。",
        dateline="2026-04-20",
    ))
    f = facts(ex)
    ev = "临江市2026年第二季度重大项目集中动工活动"
    assert ("signedAt", "远帆碳纤维复合材料项目", ev) in f
    assert ("signedAt", "青川储能电池项目", ev) in f


def test_a_promotion_week_named_in_quotes_after_a_papers_dateline():
    ex = extract(article(
        "临江商报讯“2026临江(新加坡)投资推介周”昨天在新加坡开幕。首日现场共签约项目12个,总投资约8亿美元。"
        "签约项目中,美国康维医疗器械公司投资2亿美元建设康维高端医疗器械生产基地项目,落户临江高新区。",
        dateline="2026-03-06",
    ))
    f = facts(ex)
    ev = "2026临江(新加坡)投资推介周"
    assert list(_event_names(ex)) == [ev]
    assert ("projectCount", ev, 12) in f
    assert ("signedAt", "康维高端医疗器械生产基地项目", ev) in f
    assert ("investor", "康维高端医疗器械生产基地项目", "美国康维医疗器械公司") in f
    assert "康维" not in {e.label for e in ex.entities}


def test_a_ceremony_named_after_both_parties_after_a_xinhua_dateline():
    ex = extract(article(
        "新华社临江12月10日电临江远帆能源投资集团有限公司与深圳青川新能源科技股份有限公司合资合作签约仪式9日在临江举行。"
        "甘肃省国资委主任周海出席签约仪式。",
        dateline="2025-12-10",
    ))
    f = facts(ex)
    ev = "临江远帆能源投资集团有限公司与深圳青川新能源科技股份有限公司合资合作签约仪式"
    a, b = "临江远帆能源投资集团有限公司", "深圳青川新能源科技股份有限公司"
    assert ev in _event_names(ex)
    assert ("date", ev, DateValue("2025-12-09")) in f
    assert ("participatedIn", a, ev) in f and ("participatedIn", b, ev) in f
    assert ("partnerOf", a, b) in f or ("partnerOf", b, a) in f
    assert any(r[0] == "holdsPosition" and r[1] == "周海" and r[2] == "甘肃省国资委" for r in f)


def test_projects_started_at_the_main_venue_and_a_sub_venues_subtotal():
    ex = extract(article(
        "临江日报讯12日上午,临江市2025年第四季度重大项目集中开工活动举行,主会场设在临江经济技术开发区。全市集中开工项目96个,总投资503亿元。"
        "主会场开工的远帆智能电气产业园项目总投资38亿元,由远帆电气集团有限公司投资建设;青川电驱系统项目总投资22亿元。"
        "在东岗区分会场,当地集中开工项目18个、总投资87亿元。",
        dateline="2025-12-12",
    ))
    f = facts(ex)
    ev = "临江市2025年第四季度重大项目集中开工活动"
    assert ("signedAt", "远帆智能电气产业园项目", ev) in f and ("signedAt", "青川电驱系统项目", ev) in f
    assert ("projectCount", ev, 96) in f and ("projectCount", ev, 18) not in f


def test_the_builders_before_gongjian_are_not_in_the_ceremonys_name_but_a_gongjian_signing_is():
    ex = extract(article(
        "本报讯11月18日,临江新区管委会、临江大学、临江远帆光电科技股份有限公司共建临江大学(东岗)智能感知研究院签约暨揭牌仪式在临江新区举行。",
        dateline="2025-11-19"))
    assert list(_event_names(ex)) == ["临江大学(东岗)智能感知研究院签约暨揭牌仪式"]
    ex = extract(article("本报讯昨天,临江海洋装备研究院共建签约暨揭牌仪式在临江新区举行。", dateline="2025-11-19"))
    assert list(_event_names(ex)) == ["临江海洋装备研究院共建签约暨揭牌仪式"]


def test_a_founding_meeting_launches_the_body_it_is_named_after():
    f = facts(extract(article("本报讯 11月20日,嘉兴市低空经济产业联盟成立大会在嘉兴举行。", dateline="2025-11-21")))
    assert ("launched", "嘉兴市低空经济产业联盟成立大会", "嘉兴市低空经济产业联盟") in f


def test_event_names_joining_two_places_or_a_chamber_and_a_park():
    f = facts(extract(article("本报讯11月10日,宁波·毕节共建产业园合作签约仪式在宁波举行。", dateline="2025-11-11")))
    assert ("date", "宁波·毕节共建产业园合作签约仪式", DateValue("2025-11-10")) in f
    f = facts(extract(article("本报讯7月16日上午召开的马来西亚福建商会—钦州港经济技术开发区投资合作座谈会上,双方签约项目3个。", dateline="2025-07-17")))
    assert any(x[1] == "马来西亚福建商会—钦州港经济技术开发区投资合作座谈会" for x in f), f


def test_people_names_before_leading_a_delegation_and_firms_with_kabushiki_kaisha():
    t = types(extract(article("马来西亚福建商会会长陈志坚率考察团到园区参观。日本松田精工株式会社投资建设松田精密轴承项目。华源科技有限公司为理事长单位。")))
    assert t.get("陈志坚") == "Person" and "陈志" not in t
    assert t.get("日本松田精工株式会社") == "Company"
    assert "单位" not in t


def test_a_grid_connection_ceremony_named_after_its_project():
    f = facts(extract(article(
        "本报讯 12月1日上午,酒泉瓜州100万千瓦风光储一体化项目全容量并网仪式在瓜州县举行。"
        "酒泉瓜州100万千瓦风光储一体化项目由甘肃陇能新能源投资有限公司投资建设。", dateline="2025-12-02")))
    assert ("signedAt", "酒泉瓜州100万千瓦风光储一体化项目", "酒泉瓜州100万千瓦风光储一体化项目全容量并网仪式") in f
