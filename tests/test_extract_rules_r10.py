"""Firms, posts, places and dates on hand-written sentences (tenth file: rules of session 17).

Each names firms, people and places invented for the test (real places only where the lexicon of
administrative places is what is tested), never those of a gold file."""

from extract_helpers import article, facts, types
from kg.extract import extract
from kg.extract.lexicon import lexicon


def test_a_city_that_hopes_is_no_person():
    ex = extract(article("市委书记温立恒致辞。黄石希望借助澳门的会展优势,共同拓展海外市场。"))
    t = types(ex)
    assert t.get("黄石") == "Place", t


def test_an_organ_written_with_its_province_starts_at_the_city():
    ex = extract(article("湖南省益阳市委书记温立恒致辞。益阳是洞庭湖畔的工业城市。"))
    t, f = types(ex), facts(ex)
    assert ("holdsPosition", "温立恒", "益阳市委", "市委书记") in f, f
    assert t.get("湖南") == "Place", t
    assert ("locatedIn", "益阳", "湖南") in f, f


def test_a_friendship_association_and_a_trade_council_are_named_by_their_suffix():
    t = types(extract(article("香港赣州联谊会会长温立恒出席。代表团还拜访了澳门贸易发展局。")))
    assert t.get("香港赣州联谊会") == "Association", t
    assert t.get("澳门贸易发展局") == "GovernmentBody", t


def test_a_renamed_county_and_its_short_form_are_one_place():
    lex = lexicon()
    assert lex.place_label("邵东") == lex.place_label("邵东市"), (lex.place("邵东"), lex.place("邵东市"))
    assert lex.place("邵东").name == "邵东市"


def test_a_firm_visited_in_a_zone_or_town_lies_there():
    f = facts(extract(article(
        "11月20日,市委书记温立恒深入邵东市、新邵县调研。\n"
        "在邵东市,温立恒走进邵东高新技术产业园的湖南蓝岭刃具有限公司,详细了解企业研发情况。\n"
        "在新邵县,温立恒来到酿溪镇的湖南青禾陶瓷有限公司,察看生产线。\n")))
    assert ("locatedIn", "湖南蓝岭刃具有限公司", "邵东高新技术产业园") in f, f
    assert ("locatedIn", "湖南青禾陶瓷有限公司", "酿溪镇") in f, f
    assert ("locatedIn", "酿溪镇", "新邵") in f, f


def test_a_process_verb_stays_inside_a_project_name():
    ex = extract(article("在恒安经开区,温立恒来到湖南蓝岭装备有限公司。总投资6亿元的智能输送机械三期项目主体厂房已封顶。"))
    t = types(ex)
    assert t.get("智能输送机械三期项目") == "Project", t
    assert "装备" not in t, t


def test_a_firm_founded_jointly_by_two_and_described_after_its_name():
    f = facts(extract(article(
        "随后,温立恒来到衡阳青禾显示科技有限公司,这家由衡阳经开建设投资有限公司与深圳市蓝岭科技有限公司合资组建的企业,"
        "正在建设投资10亿元的车规电源模块项目。")))
    assert ("subsidiaryOf", "衡阳青禾显示科技有限公司", "深圳市蓝岭科技有限公司") in f, f
    assert ("subsidiaryOf", "衡阳青禾显示科技有限公司", "衡阳经开建设投资有限公司") in f, f
    assert ("investor", "车规电源模块项目", "衡阳青禾显示科技有限公司") in f, f


def test_the_project_said_of_the_firm_just_visited_is_its_own():
    f = facts(extract(article(
        "在新邵县,温立恒来到酿溪镇的湖南青禾陶瓷有限公司,察看氮化铝散热片生产线。新邵县委书记李承平介绍,"
        "该公司是浙江青禾控股集团的全资子公司,氮化铝散热片项目一期已投产,二期正在推进。")))
    assert ("investor", "氮化铝散热片项目", "湖南青禾陶瓷有限公司") in f, f


def test_a_subsidiary_held_through_an_offshore_one():
    ex = extract(article("蓝岭科技股份有限公司透过开曼群岛子公司蓝岭国际控股有限公司,100%持有蓝岭半导体(恒安)有限公司。"))
    t, f = types(ex), facts(ex)
    assert t.get("开曼群岛") == "Place", t
    assert ("subsidiaryOf", "蓝岭国际控股有限公司", "蓝岭科技股份有限公司") in f, f
    assert ("subsidiaryOf", "蓝岭半导体(恒安)有限公司", "蓝岭国际控股有限公司") in f, f
    assert ("locatedIn", "蓝岭国际控股有限公司", "开曼群岛") in f, f
    assert not any("子公司" in k for k in t), t


def test_a_day_written_in_brackets_after_yesterday():
    f = facts(extract(article("功率元件厂蓝岭科技(蓝岭)昨(25)日在安徽芜湖举行“蓝岭半导体(芜湖)有限公司投产典礼”。",
                              dateline="2026-11-26")))
    event = "蓝岭半导体(芜湖)有限公司投产典礼"
    assert any(r[0] == "date" and r[1] == event and r[2].value == "2026-11-25" for r in f), f


def test_a_brand_with_its_short_form_in_brackets_and_the_body_that_holds_the_event():
    ex = extract(article("功率元件厂蓝岭科技(蓝岭)昨(25)日在安徽芜湖举行“蓝岭半导体(芜湖)有限公司投产典礼”。"
                         "蓝岭董事长温立恒表示,芜湖厂是蓝岭最大的生产基地。蓝岭科技股份有限公司透过子公司蓝岭国际控股有限公司持股。",
                         dateline="2026-11-26"))
    t, f = types(ex), facts(ex)
    assert "蓝岭" not in t, t
    assert ("holdsPosition", "温立恒", "蓝岭科技股份有限公司", "董事长") in f, f
    assert ("participatedIn", "蓝岭科技股份有限公司", "蓝岭半导体(芜湖)有限公司投产典礼") in f, f


def test_a_bare_city_organ_with_three_counties_of_that_city_toured():
    f = facts(extract(article(
        "11月22日,市委书记温立恒深入昭阳区、鲁甸县、水富市,调研工业经济运行。市委常委、秘书长李承平参加调研。\n"
        "在鲁甸县,温立恒来到工厂。在水富市,温立恒察看了码头。在水富市,他又走访了企业。\n")))
    assert ("holdsPosition", "温立恒", "昭通市委", "市委书记") in f, f
