"""Projects, firms, posts, dates and deals on hand-written sentences (fifth file: rules of session 12).

Each names firms and projects invented for the test, never those of a gold file."""

from extract_helpers import article, facts, types
from kg.extract import extract
from kg.model import DateValue


def test_a_project_after_a_verb_of_building_is_named_from_the_verb_on():
    ex = extract(article(
        "上海恒远医疗器械有限公司投资12亿元,在医药高新区建设高端介入医疗器械研发生产基地项目,产品涵盖冠脉支架等。"
        "首批合作项目包括:在航空新城建设通用飞机总装及维修基地项目,总投资30亿元;在城固县建设无人机试飞测试中心项目,总投资8亿元。"))
    t = types(ex)
    for name in ("高端介入医疗器械研发生产基地项目", "通用飞机总装及维修基地项目", "无人机试飞测试中心项目"):
        assert t.get(name) == "Project", (name, t)
    for cut in ("医疗器械研发生产基地项目", "维修基地项目", "测试中心项目"):
        assert cut not in t, (cut, t)
    f = facts(ex)
    assert ("investor", "高端介入医疗器械研发生产基地项目", "上海恒远医疗器械有限公司") in f, f


def test_a_project_built_with_de_or_after_a_firm_and_its_capacity_keeps_its_description():
    ex = extract(article(
        "其中,河南恒氢动力科技有限公司投资35亿元建设的燃料电池电堆及系统生产基地项目率先开工。"
        "恒锦新材料股份有限公司年产2万吨芳纶纸及蜂窝材料项目总投资18亿元。"
        "恒投集团与江苏恒起重工科技有限公司合作建设的智能起重装备产业园项目总投资20亿元。"))
    t = types(ex)
    for name in ("燃料电池电堆及系统生产基地项目", "年产2万吨芳纶纸及蜂窝材料项目", "智能起重装备产业园项目"):
        assert t.get(name) == "Project", (name, t)
    f = facts(ex)
    assert ("investor", "燃料电池电堆及系统生产基地项目", "河南恒氢动力科技有限公司") in f, f
    assert ("investor", "年产2万吨芳纶纸及蜂窝材料项目", "恒锦新材料股份有限公司") in f, f


def test_what_follows_the_verb_is_not_taken_when_it_is_a_count_a_place_or_a_second_object():
    t = types(extract(article(
        "开发区今年建设首个氢能重卡换电站项目。"
        "园区将建成储能电站项目和光伏车棚项目。")))
    assert "首个氢能重卡换电站项目" not in t, t
    assert "成储能电站项目" not in t, t


def test_a_short_form_in_bare_brackets_after_a_full_name_is_that_bodys_alias():
    ex = extract(article(
        "基金由市属国有平台衡州华投金融控股集团有限公司(华投金控)联合湖南岳麓创业投资管理有限公司(岳麓创投)共同发起设立。"
        "仪式上,华投金控与岳麓创投签署合伙协议。"))
    t = types(ex)
    assert "华投金控" not in t and "岳麓创投" not in t, t
    aliases = {e.label: e.aliases for e in ex.entities}
    assert "华投金控" in aliases["衡州华投金融控股集团有限公司"], aliases
    assert "岳麓创投" in aliases["湖南岳麓创业投资管理有限公司"], aliases


def test_a_place_in_bare_brackets_after_a_name_is_no_short_form():
    t = types(extract(article("恒岳精密股份有限公司(苏州)今天开业。")))
    assert t.get("苏州") != "Company", t


def test_a_brand_read_as_an_adverb_opens_its_firms_names_when_the_article_uses_it_twice():
    t = types(extract(article(
        "台湾印刷电路板大厂永续电路股份有限公司(永续电路)26日举行投产典礼。"
        "二厂由永续电路透过子公司永续国际(香港)有限公司转投资的永续电路(淮安)有限公司兴建。"
        "香港德和控股有限公司旗下德和(江门)新能源科技有限公司投资20亿元。")))
    for name in ("永续电路股份有限公司", "永续国际(香港)有限公司", "永续电路(淮安)有限公司", "德和(江门)新能源科技有限公司"):
        assert t.get(name) == "Company", (name, t)
    assert "电路股份有限公司" not in t and "(江门)新能源科技有限公司" not in t, t


def test_a_word_of_the_trade_before_a_legal_form_is_not_taken_as_a_brand():
    t = types(extract(article("湖北汉川动力总成有限公司与理工大学签约。汉川动力总成有限公司将扩产。")))
    assert "总成有限公司" not in t, t


def test_a_project_seen_at_the_firm_a_visit_came_to_is_that_firms():
    f = facts(extract(article(
        "在高新区,书记首先来到安徽恒宜新材料科技有限公司,察看年产10万吨可降解材料项目建设现场。"
        "随后,在开发区内的湖南恒盛新材料有限公司,观摩团察看了年产3万吨氟化工新材料项目建设情况。")))
    assert ("investor", "年产10万吨可降解材料项目", "安徽恒宜新材料科技有限公司") in f, f
    assert ("investor", "年产3万吨氟化工新材料项目", "湖南恒盛新材料有限公司") in f, f


def test_two_firms_building_a_project_together_both_invest_in_it():
    f = facts(extract(article("其中,华岳投资集团有限公司与江苏恒起重工科技有限公司合作建设的智能起重装备产业园项目总投资20亿元。")))
    assert ("investor", "智能起重装备产业园项目", "华岳投资集团有限公司") in f, f
    assert ("investor", "智能起重装备产业园项目", "江苏恒起重工科技有限公司") in f, f


def test_the_firm_that_signed_after_a_lead_phrase_and_with_its_short_form_invests_in_the_next_clauses_project():
    f = facts(extract(article(
        "签约仪式上,香港恒升集团有限公司(恒升集团)与江门高新技术产业开发区管委会签约,投资3.5亿美元在江门高新区建设新型显示模组生产基地项目。"
        "鹤山市人民政府与香港恒华食品集团有限公司签约,恒华食品将投资12亿元人民币,在鹤山工业城建设中央厨房及预制菜产业园项目。")))
    assert ("investor", "新型显示模组生产基地项目", "香港恒升集团有限公司") in f, f
    assert ("investor", "中央厨房及预制菜产业园项目", "香港恒华食品集团有限公司") in f, f
    assert ("locatedIn", "中央厨房及预制菜产业园项目", "鹤山工业城") in f, f


def test_a_park_named_for_the_city_is_not_placed_in_a_county_of_it_the_article_also_names():
    f = facts(extract(article(
        "本报讯11月17日,市委书记张明远深入绵阳高新技术产业开发区、绵阳经济技术开发区和江油市,调研重点企业和重大项目推进情况。")))
    assert not any(x[0] == "locatedIn" and x[2] == "江油" for x in f), f


def test_a_subsidiary_named_after_where_it_is_is_no_firm_and_the_named_one_after_it_is_the_subsidiary():
    ex = extract(article("此外,联华集团旗下香港子公司联华国际(香港)有限公司将投资5000万美元。"))
    t = types(ex)
    assert "香港子公司" not in t, t
    assert ("subsidiaryOf", "联华国际(香港)有限公司", "联华集团") in facts(ex), facts(ex)


def test_a_firm_working_through_its_subsidiary_invests_by_it():
    f = facts(extract(article(
        "新加坡企业恒颐生命科学集团通过其在华子公司恒颐生命科学(泰州)有限公司,投资6500万美元在医药高新区建设核酸药物平台项目。"
        "其中,浙江恒龙茶业有限公司与旺苍县人民政府签约,投资1.2亿元在旺苍县建设黄茶精深加工项目。")))
    assert ("subsidiaryOf", "恒颐生命科学(泰州)有限公司", "恒颐生命科学集团") in f, f
    assert ("investor", "核酸药物平台项目", "恒颐生命科学(泰州)有限公司") in f, f
    assert ("investor", "黄茶精深加工项目", "浙江恒龙茶业有限公司") in f, f


def test_a_preposition_after_a_persons_name_does_not_open_a_firms_name():
    t = types(extract(article(
        "签约仪式在西安举行。汉中市委书记钱明出席。汉中市与西岭通航产业集团签署协议。"
        "汉中市委副书记、市长郭晓川与西岭通航产业集团有限公司总经理丁宏代表双方签署协议。")))
    assert "与西岭通航产业集团有限公司" not in t, t


def test_a_ceremony_called_dianli_is_an_event_with_its_attendees():
    ex = extract(article("某公司26日在开发区举行衡阳三厂投产典礼。市长孙明涛等出席典礼。"))
    assert types(ex).get("衡阳三厂投产典礼") == "Event", types(ex)
    assert ("participatedIn", "孙明涛", "衡阳三厂投产典礼") in facts(ex), facts(ex)


def test_a_federation_of_hometown_associations_is_one_association():
    ex = extract(article("香港汕尾海丰同乡会联合总会会长李明强出席并致辞。"))
    assert types(ex).get("香港汕尾海丰同乡会联合总会") == "Association", types(ex)


def test_the_projects_of_paragraphs_that_go_on_listing_a_ceremonys_signings_were_signed_there():
    f = facts(extract(article(
        "本报讯昨天上午,衡州高新区2026年第四季度重大项目集中签约仪式在衡州高新区举行。此次集中签约项目21个,总投资168.5亿元。\n"
        "签约仪式上,衡州高新区管委会与江苏恒衡生物制药有限公司签约。恒衡生物将投资28亿元,在衡州高新区建设新型重组蛋白药物产业化基地项目。\n"
        "上海恒贝医疗器械有限公司投资12亿元,在衡州高新区建设高端介入医疗器械研发生产基地项目,产品涵盖冠脉支架等。\n"
        "此前,园区已建成投产的恒远医药投资8亿元建设的制剂生产线项目运行良好。")))
    ev = "衡州高新区2026年第四季度重大项目集中签约仪式"
    assert ("signedAt", "新型重组蛋白药物产业化基地项目", ev) in f, f
    assert ("signedAt", "高端介入医疗器械研发生产基地项目", ev) in f, f
    assert ("signedAt", "制剂生产线项目", ev) not in f, f


def test_a_long_agreement_and_a_clause_that_leaves_out_its_subject_are_deals_of_the_same_party():
    f = facts(extract(article(
        "四川恒澄新能源材料有限公司(四川恒澄)投产。仪式上,四川恒澄与四川恒能电池有限公司签订年供2万吨磷酸铁锂正极材料的长期合作协议;"
        "与眉山市恒发投资集团有限公司签订协议。")))
    assert ("partnerOf", "四川恒澄新能源材料有限公司", "四川恒能电池有限公司") in f, f
    assert ("partnerOf", "四川恒澄新能源材料有限公司", "眉山市恒发投资集团有限公司") in f, f


def test_products_listed_before_a_kind_of_firm_are_no_firms():
    t = types(extract(article("规划建设标准化厂房30万平方米,重点引进正负极材料、隔膜、电解液等电池材料企业。引进恒力新材料、华峰装备等龙头企业。")))
    for product in ("负极材料", "正负极材料", "隔膜", "电解液"):
        assert t.get(product) != "Company", (product, t)
    assert t.get("恒力新材料") == "Company" and t.get("华峰装备") == "Company", t


def test_a_fund_named_by_its_tail_is_the_one_fund_of_the_article_named_so_in_full():
    ex = extract(article("衡州市先进制造业发展母基金揭牌成立。仪式上,两家平台签署母基金合伙协议。"))
    t = types(ex)
    assert "母基金" not in t, t
    assert "母基金" in {a for e in ex.entities for a in e.aliases}, [(e.label, e.aliases) for e in ex.entities]


def test_an_events_day_given_twice_relative_and_in_brackets_is_its_date():
    ex = extract(article("“2026衡州(香港)投资合作推介会”昨日(24日)在香港举行。", dateline="2026-11-25"))
    f = facts(ex)
    assert ("date", "2026衡州(香港)投资合作推介会", DateValue("2026-11-24")) in f, f


def test_a_second_post_of_a_chain_after_a_firms_short_name_is_in_that_firm():
    f = facts(extract(article("恒新电路股份有限公司(恒新电路)举行投产典礼。恒新电路董事长吴柏宏、总经理林永昌等出席典礼。")))
    assert ("holdsPosition", "林永昌", "恒新电路股份有限公司", "总经理") in f, f


def test_a_centre_built_in_a_park_is_named_after_the_verb_and_its_firm_spends_this_year():
    ex = extract(article("保定华恒智感电气有限公司总经理刘建业说,公司今年计划再投入8000万元,在保定高新区建设智能传感研发中心项目。"))
    t, f = types(ex), facts(ex)
    assert t.get("智能传感研发中心项目") == "Project", t
    assert "保定高新区建设智能传感研发中心" not in t, t
    assert ("investor", "智能传感研发中心项目", "保定华恒智感电气有限公司") in f, f


def test_what_a_sentences_firm_is_building_is_its_project():
    f = facts(extract(article("安徽恒宇包装科技有限公司是桐城包装产业的龙头企业,正在建设的年产5亿平方米绿色包装材料智能工厂项目总投资9.5亿元。")))
    assert ("investor", "年产5亿平方米绿色包装材料智能工厂项目", "安徽恒宇包装科技有限公司") in f, f


def test_a_groups_brand_is_the_group_when_it_also_has_a_placed_subsidiary_and_its_short_form_acts():
    ex = extract(article(
        "上海恒芯微电子集团股份有限公司(恒芯集团)将在翠亨新区设立全资子公司恒芯微电子(中山)有限公司。"
        "恒芯微电子华南区域总部落户签约仪式举行。恒芯微电子是功率半导体领域的领军企业。"))
    t, f = types(ex), facts(ex)
    assert "恒芯微电子" not in t, t
    assert ("subsidiaryOf", "恒芯微电子(中山)有限公司", "上海恒芯微电子集团股份有限公司") in f, f


def test_a_year_before_a_bare_zone_is_no_zones_name():
    t = types(extract(article("到2028年经开区新能源产业产值突破500亿元。")))
    assert "2028年经开区" not in t, t
