"""People, posts and bylines."""

from extract_helpers import article, facts, types
from kg.extract import extract
from kg.extract.components.people import person_name


def test_person_name_length():
    assert person_name("刘建国表示", 0) == "刘建国"
    assert person_name("王芳指出", 0) == "王芳"
    assert person_name("欧阳明辉出席", 0) == "欧阳明辉"
    assert person_name("表示同意", 0) is None


def test_government_posts_minus_place():
    ex = extract(article("无锡市委书记杜小刚、市委副书记、代市长赵建军出席活动。", dateline="2023-05-01"))
    f = facts(ex)
    assert ("holdsPosition", "杜小刚", "无锡市委", "市委书记") in f
    assert ("holdsPosition", "赵建军", "无锡市委", "市委副书记") in f
    # SCHEMA.md 3.1: the text never names the city government, so 代市长 has no organisation
    assert ("holdsPosition", "赵建军", None, "代市长") in f


def test_mayor_gets_the_government_the_text_names():
    ex = extract(article("活动由无锡市人民政府主办。无锡市委书记杜小刚、副市长赵建军出席活动。", dateline="2023-05-01"))
    assert ("holdsPosition", "赵建军", "无锡市人民政府", "副市长") in facts(ex)
    ex = extract(article("市政府与企业签约。无锡市委书记杜小刚、副市长赵建军出席活动。", dateline="2023-05-01"))
    assert ("holdsPosition", "赵建军", "无锡市政府", "副市长") in facts(ex)


def test_provincial_post_in_a_city_article_is_the_province():
    ex = extract(article("无锡市举行大会。省委常委、市委书记杜小刚出席。", dateline="2023-05-01"))
    f = facts(ex)
    assert ("holdsPosition", "杜小刚", "江苏省委", "省委常委") in f
    assert ("holdsPosition", "杜小刚", "无锡市委", "市委书记") in f


def test_peoples_organisation_post_keeps_its_bare_body():
    ex = extract(article("南通市科协主席钱立新出席论坛。", dateline="2023-05-01"))
    assert ("holdsPosition", "钱立新", "南通市科协", "市科协主席") in facts(ex)
    assert types(ex)["南通市科协"] == "Association"


def test_company_posts():
    ex = extract(article("会上,苏州华兴源创科技股份有限公司董事长陈文源介绍了公司的发展情况。"))
    assert ("holdsPosition", "陈文源", "苏州华兴源创科技股份有限公司", "董事长") in facts(ex)
    assert types(ex)["陈文源"] == "Person"


def test_post_chain_in_one_firm():
    ex = extract(article("远东控股集团董事、副总裁张明表示,将加大投资。"))
    f = facts(ex)
    assert ("holdsPosition", "张明", "远东控股集团", "董事") in f
    assert ("holdsPosition", "张明", "远东控股集团", "副总裁") in f


def test_speaker_without_post():
    t = types(extract(article("“我们对未来充满信心。”李晓东说。")))
    assert t.get("李晓东") == "Person"


def test_bylines_are_not_people():
    t = types(extract(article("项目开工。(记者 张三丰 通讯员 李四)\n编辑 王小明")))
    assert not any(typ == "Person" for typ in t.values()), t


def test_three_character_name_before_a_verb_starting_like_a_speech_word():
    # 强 opens 强调, but in 吴国强出席 it is the last character of the name
    assert person_name("吴国强出席会议", 0) == "吴国强"
    assert person_name("刘明强调", 0) == "刘明"
    assert person_name("陈立主持会议", 0) == "陈立"


def test_post_organisation_is_the_one_right_before_the_title():
    ex = extract(article("出席仪式的有中国工程院院士孙立明英国皇家学会院士赵海东德国自然科学院院士钱学勇。"))
    f = facts(ex)
    assert ("holdsPosition", "钱学勇", "德国自然科学院", "院士") in f
    assert ("holdsPosition", "钱学勇", "中国工程院", "院士") not in f
    assert ("holdsPosition", "孙立明", "中国工程院", "院士") in f


def test_firm_between_two_posts_of_a_chain():
    ex = extract(article("会上,星河集团创始人、蓝鲸体育创始人郑海涛回顾了创业历程。"))
    f = facts(ex)
    assert ("holdsPosition", "郑海涛", "星河集团", "创始人") in f
    assert ("holdsPosition", "郑海涛", "蓝鲸体育", "创始人") in f
    assert "体育" not in types(ex)


def test_split_names_prefers_common_surnames():
    from kg.extract.components.people import split_names

    assert split_names("杨立华方志远") == ["杨立华", "方志远"]
    assert split_names("王刚赵晓明孙丽") == ["王刚", "赵晓明", "孙丽"]
    assert split_names("产业发展") == []


def test_leaders_listed_after_group_title():
    ex = extract(article("南通市产业推进大会召开。市领导杨立华方志远市政府秘书长吴涛等出席会议。", dateline="2023-05-01"))
    t = types(ex)
    assert t.get("杨立华") == "Person" and t.get("方志远") == "Person"
    assert not [label for label in t if "杨立华" in label and label != "杨立华"]


def test_leaders_listed_with_commas_and_no_stray_names():
    ex = extract(article("区领导韩文杰、周小梅出席活动。区领导和部门负责人将担任服务专员。", dateline="2023-05-01"))
    t = types(ex)
    assert t.get("韩文杰") == "Person" and t.get("周小梅") == "Person"
    assert "和部门" not in t


def test_three_character_names_before_a_boundary():
    # a boundary word after the third character keeps it in the name
    assert person_name("罗建根当时表示", 0) == "罗建根"
    assert person_name("何志中等领导", 0) == "何志中"
    assert person_name("林有为作报告", 0) == "林有为"
    assert person_name("周海振在会上说", 0) == "周海振"
    # a function word right after two characters ends the name there
    assert person_name("赵刚对项目表示祝贺", 0) == "赵刚"
    assert person_name("钱立,南京", 0) == "钱立"


def test_rarer_surnames():
    assert person_name("钮志强,", 0) == "钮志强"
    assert person_name("郦海燕出席", 0) == "郦海燕"


def test_names_listed_after_one_post_share_it():
    ex = extract(article("苏州市副市长钱立新、赵海东,苏州市政协副主席孙丽出席。市政府有关部门参加。", dateline="2023-05-01"))
    f = facts(ex)
    assert ("holdsPosition", "钱立新", "苏州市政府", "副市长") in f
    assert ("holdsPosition", "赵海东", "苏州市政府", "副市长") in f
    assert ("holdsPosition", "孙丽", "苏州市政协", "市政协副主席") in f


def test_post_chain_across_organisations_and_commas():
    ex = extract(article("中国工程院院士、东南大学党委常委、副校长钱立新出席。市委常委,滨湖区委书记赵海东致辞。", dateline="2023-05-01"))
    f = facts(ex)
    assert ("holdsPosition", "钱立新", "中国工程院", "院士") in f
    assert ("holdsPosition", "钱立新", "东南大学", "党委常委") in f
    assert ("holdsPosition", "钱立新", "东南大学", "副校长") in f
    assert ("holdsPosition", "赵海东", "滨湖区委", "区委书记") in f
    assert any(r[0] == "holdsPosition" and r[1] == "赵海东" and r[3] == "市委常委" for r in f)


def test_bare_organ_is_the_organ_of_the_post():
    ex = extract(article("无锡市召开大会。市政协主席钱立新出席。市政协将加强协商。", dateline="2023-05-01"))
    t = types(ex)
    assert "市政协" not in t and t.get("无锡市政协") == "GovernmentBody"


def test_post_in_a_centre_makes_it_an_institute_and_firm_ending_like_an_industry():
    ex = extract(article("中国工程院院士、国家先进材料创新中心首席科学家钱立新作报告。蓝海新能源董事长赵海东介绍项目。"))
    f = facts(ex)
    assert ("holdsPosition", "钱立新", "国家先进材料创新中心", "首席科学家") in f
    assert types(ex)["国家先进材料创新中心"] == "ResearchInstitute"
    assert ("holdsPosition", "赵海东", "蓝海新能源", "董事长") in f


def test_post_in_brackets_after_the_name():
    ex = extract(article("会上,钱立新(江苏远航科技股份有限公司董事长)介绍了项目情况。"))
    f = facts(ex)
    assert ("holdsPosition", "钱立新", "江苏远航科技股份有限公司", "董事长") in f
    assert types(ex).get("钱立新") == "Person"


def test_general_secretary_before_the_title():
    ex = extract(article("会议强调,要深入学习贯彻李明华总书记重要讲话精神。"))
    assert ("holdsPosition", "李明华", None, "总书记") in facts(ex)


def test_bare_park_organ_is_the_park_organ_of_the_posts():
    ex = extract(article("南湖科技园党工委书记钱立新、管委会主任赵海东出席。园区管委会将做好服务。", dateline="2023-05-01"))
    f = facts(ex)
    assert ("holdsPosition", "赵海东", "南湖科技园管委会", "管委会主任") in f
    assert "园区管委会" not in types(ex)


def test_department_posts_resolve_against_the_city():
    ex = extract(article("苏州市召开大会。市商务局党组书记、局长钱立新介绍情况。省商务厅副厅长赵海东出席。", dateline="2023-05-01"))
    f = facts(ex)
    assert ("holdsPosition", "钱立新", "苏州市商务局", "局长") in f
    assert ("holdsPosition", "赵海东", "江苏省商务厅", "副厅长") in f
    assert types(ex)["苏州市商务局"] == "GovernmentBody"


def test_bare_zone_before_a_park_organ():
    ex = extract(article("会上,常熟市副市长、高新区党工委书记钱立新出席。", dateline="2023-05-01"))
    f = facts(ex)
    assert ("holdsPosition", "钱立新", "常熟高新区党工委", "党工委书记") in f
    assert any(r[:2] == ("holdsPosition", "钱立新") and r[3] == "副市长" for r in f)


def test_officials_bodies_are_state_bodies():
    ex = extract(article("会上,外交部礼宾司副司长钱立新,法国驻沪总领馆副总领事赵海东出席。"))
    t = types(ex)
    assert t.get("外交部礼宾司") == "GovernmentBody"
    assert t.get("法国驻沪总领馆") == "GovernmentBody"


def test_unit_named_after_its_ministry():
    ex = extract(article("会上,科技部中国农村技术开发中心副主任钱立新出席。"))
    f = facts(ex)
    assert ("holdsPosition", "钱立新", "中国农村技术开发中心", "副主任") in f


def test_post_after_a_government_post_stays_in_its_organ():
    ex = extract(article("无锡市召开大会。市委常委、秘书长钱立新主持。", dateline="2023-05-01"))
    assert ("holdsPosition", "钱立新", "无锡市委", "秘书长") in facts(ex)


def test_bare_park_organs_after_a_park_post():
    ex = extract(article("南湖科技园党工委书记钱立新在致辞中代表党工委、管委会欢迎各位嘉宾。", dateline="2023-05-01"))
    t = types(ex)
    assert t.get("南湖科技园管委会") == "GovernmentBody"


def test_posts_joined_by_jian_and_common_words_are_not_names():
    ex = extract(article("会上,江苏中天科技股份有限公司董事长兼总经理钱立新介绍了项目。", dateline="2023-05-01"))
    f = facts(ex)
    assert ("holdsPosition", "钱立新", "江苏中天科技股份有限公司", "董事长") in f
    assert ("holdsPosition", "钱立新", "江苏中天科技股份有限公司", "总经理") in f
    t = types(extract(article("苏州市召开大会。市政府秘书长单位负责人参加。", dateline="2023-05-01")))
    assert "单位" not in t


def test_title_after_the_name():
    ex = extract(article("会上,中国工程院院士钱立新作报告。钱立新院士表示,要加强合作。赵海东教授在会上说,前景广阔。"))
    f = facts(ex)
    assert ("holdsPosition", "钱立新", "中国工程院", "院士") in f
    assert ("holdsPosition", "钱立新", None, "院士") not in f
    assert ("holdsPosition", "赵海东", None, "教授") in f


def test_district_organ_in_a_district_article():
    ex = extract(article("苏州市吴中区召开大会。苏州市委常委、区委书记钱立新出席。区长赵海东主持。区政府相关部门参加。", dateline="2023-05-01"))
    f = facts(ex)
    assert ("holdsPosition", "钱立新", "吴中区委", "区委书记") in f
    assert ("holdsPosition", "赵海东", "吴中区政府", "区长") in f
    assert "苏州区委" not in types(ex) and "苏州区政府" not in types(ex)


def test_speaker_with_the_occasion_between_name_and_verb():
    t = types(extract(article("会上,钱立新在讲话中指出,要加快发展。会上,公司在发展中表示满意。")))
    assert t.get("钱立新") == "Person"
    assert "公司" not in t or t["公司"] != "Person"


def test_public_centre_headed_by_a_director_is_a_state_body():
    t = types(extract(article("会上,浙江省对外经济合作促进中心主任钱立新出席。")))
    assert t.get("浙江省对外经济合作促进中心") == "GovernmentBody"


def test_provincial_posts_in_a_province_article():
    ex = extract(article("浙江省召开全省大会。省委书记钱立新出席并讲话,省长赵海东主持。省政府有关部门参加。", dateline="2023-05-01"))
    f = facts(ex)
    assert ("holdsPosition", "钱立新", "浙江省委", "省委书记") in f
    assert ("holdsPosition", "赵海东", "浙江省政府", "省长") in f


def test_name_that_is_also_a_word_before_a_boundary():
    ex = extract(article("会上,远景科技董事长马力表示,将加大投资。"))
    assert ("holdsPosition", "马力", "远景科技", "董事长") in facts(ex)


def test_posts_in_a_list_of_executives_give_person_post_and_firm():
    ex = extract(article(
        "会上，长城集团主席李明远、华光集团有限公司创始人王建华、东方集团党委书记陈志刚、"
        "香港金石集团董事局主席周国强、苏州远航智能科技有限公司董事长赵海涛等企业家代表相继发言。",
        dateline="2023-05-01"))
    f, t = facts(ex), types(ex)
    assert ("holdsPosition", "李明远", "长城集团", "主席") in f
    assert ("holdsPosition", "王建华", "华光集团有限公司", "创始人") in f
    assert ("holdsPosition", "陈志刚", "东方集团", "党委书记") in f
    # 董事局主席 is the title; 董事局 is no organisation
    assert ("holdsPosition", "周国强", "香港金石集团", "董事局主席") in f
    # a verb inside the brand (远航) does not cut the legal name
    assert ("holdsPosition", "赵海涛", "苏州远航智能科技有限公司", "董事长") in f
    assert not any("主席" in label or "书记" in label for label, typ in t.items() if typ == "Company")


def test_short_firm_opening_with_a_place_before_a_post():
    ex = extract(article("在嘉宾发言环节，杭州佰才汇CEO林立新、深圳朗月智能董事长陈静分别介绍了企业。", dateline="2023-05-01"))
    f = facts(ex)
    assert ("holdsPosition", "林立新", "杭州佰才汇", "CEO") in f
    assert ("holdsPosition", "陈静", "深圳朗月智能", "董事长") in f


def test_legal_name_whose_brand_starts_with_a_function_character():
    ex = extract(article("宁波均胜电子股份有限公司党委书记、董事长王剑峰出席。苏州的华胜电子股份有限公司董事长王明出席。", dateline="2023-05-01"))
    f = facts(ex)
    assert ("holdsPosition", "王剑峰", "宁波均胜电子股份有限公司", "董事长") in f
    assert ("holdsPosition", "王明", "华胜电子股份有限公司", "董事长") in f  # 的 never opens a brand


def test_name_before_gongtong_has_two_characters():
    ex = extract(article("蔚蓝汽车创始人、董事长李斌共同为项目揭牌。", dateline="2023-05-01"))
    assert ("holdsPosition", "李斌", "蔚蓝汽车", "董事长") in facts(ex)


def test_posts_joined_by_jian_and_regional_units():
    f = facts(extract(article("市委书记王明会见了星米集团创始人、董事长兼首席执行官陈军一行。", dateline="2023-05-01")))
    for title in ("创始人", "董事长", "首席执行官"):
        assert ("holdsPosition", "陈军", "星米集团", title) in f
    f = facts(extract(article("云帆科技副总裁、华东区总经理刘颖,海云智能集团资深副总裁张建出席。", dateline="2023-05-01")))
    assert ("holdsPosition", "刘颖", "云帆科技", "华东区总经理") in f  # (the region kept in the title, as the gold writes 亚太区总裁, 大陆区总经理)
    assert ("holdsPosition", "张建", "海云智能集团", "资深副总裁") in f


def test_posts_of_zone_committees_by_short_form_and_of_agencies_headed_by_a_shuzhang():
    from extract_helpers import article, facts
    from kg.extract import extract

    f = facts(extract(article("东川市委常委、北湾新区工委书记赵成林,临江市投资推广署副署长钱文出席会议。", dateline="2026-05-09")))
    assert ("holdsPosition", "赵成林", "北湾新区工委", "工委书记") in f
    assert ("holdsPosition", "赵成林", "东川市委", "市委常委") in f
    assert ("holdsPosition", "钱文", "临江市投资推广署", "副署长") in f


def test_he_or_yu_before_a_verb_ends_a_three_character_name():
    ex = extract(article("湖南省委副书记、省长毛伟和宣布开工。毛伟和指出,要抓好项目建设。张华和李明表示支持。"))
    names = {e.label for e in ex.entities if e.type == "Person"}
    assert "毛伟和" in names and "毛伟" not in names
    # a conjunction between two names stays one
    assert person_name("张华和李明表示支持", 0) == "张华"


def test_posts_of_an_autonomous_region_name_its_organs_bare_or_with_the_region_written_before():
    ex = extract(article(
        "自治区党委常委、常务副主席王立军,自治区政协副主席李成杰,临江市委书记梁海川出席活动。",
        dateline="2025-06-01",
    ))
    f = facts(ex) | facts(extract(article("内蒙古自治区党委常委、东川市委书记苏和出席。", dateline="2025-06-01")))
    assert ("holdsPosition", "王立军", "自治区党委", "自治区党委常委") in f
    assert ("holdsPosition", "王立军", None, "常务副主席") in f
    assert ("holdsPosition", "李成杰", "自治区政协", "自治区政协副主席") in f
    assert ("holdsPosition", "苏和", "内蒙古自治区党委", "自治区党委常委") in f
    assert "自治区" not in {e.label for e in ex.entities}


def test_a_firm_head_named_bare_during_a_visit_holds_the_post_in_the_visited_firm():
    f = facts(extract(article(
        "在位于临江深圳产业园的青禾机器人科技有限公司,王明走进装配车间。公司董事长贺景文介绍,企业运行良好。"
        "随后,王明来到北川航天材料股份有限公司。该公司是中航北川集团有限公司的控股子公司,主要生产复合材料。"
        "总经理聂晓松介绍,公司新建项目已投产。",
        dateline="2025-06-01",
    )))
    assert ("holdsPosition", "贺景文", "青禾机器人科技有限公司", "董事长") in f
    assert ("holdsPosition", "聂晓松", "北川航天材料股份有限公司", "总经理") in f
    f = facts(extract(article("会上,总经理聂晓松介绍了企业情况。", dateline="2025-06-01")))
    assert ("holdsPosition", "聂晓松", None, "总经理") in f


def test_a_chain_leader_holds_a_post_of_no_body_inside_a_chain_of_posts():
    f = facts(extract(article(
        "临江市委副书记、市长、新能源汽车产业链链长周海峰主持会议。副市长、新材料产业链链长钱丽出席。",
        dateline="2025-11-13",
    )))
    posts = {(r[1], r[2], r[3]) for r in f if r[0] == "holdsPosition"}
    assert ("周海峰", None, "产业链链长") in posts
    assert ("周海峰", None, "市长") in posts
    assert any(p == "周海峰" and t == "市委副书记" for p, _, t in posts)
    assert ("钱丽", None, "副市长") in posts and ("钱丽", None, "产业链链长") in posts
    assert not any(o and o.endswith("产业链") for _, o, _ in posts)


def test_a_foreign_ambassador_with_a_transliterated_name_holds_a_post_of_no_body():
    ex = extract(article("尼泊尔驻华大使拉姆·卡德卡出席开幕式并致辞。"))
    f, t = facts(ex), types(ex)
    assert t.get("拉姆·卡德卡") == "Person" and t.get("尼泊尔") == "Place", t
    assert ("holdsPosition", "拉姆·卡德卡", None, "驻华大使") in {(r[0], r[1], r[2], r[3]) for r in f if r[0] == "holdsPosition"}


def test_a_post_filled_by_someone_named_after_you():
    f = facts(extract(article("据介绍,华鑫新材料有限公司总经理由华能投资集团有限公司副总经理王志刚担任。")))
    assert not any(x[1].startswith("由") for x in f)
    assert ("holdsPosition", "王志刚", "华鑫新材料有限公司", "总经理") in f


def test_a_ministry_department_is_one_body():
    f = facts(extract(article("工业和信息化部电子信息司副司长周立群出席会议并致辞。")))
    assert ("holdsPosition", "周立群", "工业和信息化部电子信息司", "副司长") in f


def test_a_zone_the_lexicons_do_not_know_before_its_organ_and_a_rarer_surname():
    f = facts(extract(article("沈阳讯 沈阳市委常委、沈阳铁开区党工委书记洪志远,晋江市委书记萧文博出席仪式。")))
    assert ("holdsPosition", "洪志远", "沈阳市委", "市委常委") in f
    assert ("holdsPosition", "洪志远", "沈阳铁开区党工委", "党工委书记") in f
    assert ("holdsPosition", "萧文博", "晋江市委", "市委书记") in f


def test_speech_matches_are_the_lookbehind_patterns():
    """people._speech_matches (a leading mark consumed) finds what _speech_re's lookbehind finds."""
    from kg.extract.components.people import _speech_matches, _speech_re

    texts = ["周伟说,项目进展顺利。毛伟介绍,园区已落户10家企业", "\n张三表示同意。\n李四在致辞时说:欢迎",
             "会上,王五指出", "今天(记者赵六)说", "", "说", "一二说,三四说"]
    for t in texts:
        want = [(m.start(1), m.group(1), m.end()) for m in _speech_re().finditer(t)]
        assert [(m.start(1), m.group(1), m.end()) for m in _speech_matches(t)] == want
