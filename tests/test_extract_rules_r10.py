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


def test_a_brand_with_he_after_an_owner_word():
    f = facts(extract(article("日本大和精工株式会社旗下大和精工(常州)有限公司投资80亿日元,建设汽车滚珠丝杠项目。")))
    assert ("subsidiaryOf", "大和精工(常州)有限公司", "日本大和精工株式会社") in f, f
    assert ("investor", "汽车滚珠丝杠项目", "大和精工(常州)有限公司") in f, f


def test_an_alliance_of_china_and_a_neighbour_and_its_elected_head():
    ex = extract(article("由20余家企业发起的中国—东盟茶产业创新联盟同时宣告成立,蓝岭茶业集团有限公司董事长温立恒当选首任理事长。"))
    t, f = types(ex), facts(ex)
    assert t.get("中国—东盟茶产业创新联盟") == "Association", t
    assert ("holdsPosition", "温立恒", "中国—东盟茶产业创新联盟", "理事长") in f, f


def test_a_scientist_appointed_to_the_institute_just_unveiled():
    f = facts(extract(article("中国工程院院士温立恒作主旨报告。梧州市人民政府、广西大学共建的梧州茶产业研究院当天揭牌,"
                              "温立恒院士受聘担任研究院首席科学家。")))
    assert ("holdsPosition", "温立恒", "梧州茶产业研究院", "首席科学家") in f, f


def test_a_region_bare_department_is_the_one_named_in_full():
    f = facts(extract(article("大会由广西壮族自治区农业农村厅、梧州市人民政府共同主办。自治区农业农村厅厅长温立恒主持开幕式。")))
    assert ("holdsPosition", "温立恒", "广西壮族自治区农业农村厅", "厅长") in f, f


def test_a_group_and_its_short_group_name_with_the_title_naming_it_without_legal_form():
    ex = extract(article("蓝岭市人民政府与蓝栈数据科技集团签署战略合作协议\n"
                         "11月20日,蓝岭市人民政府与北京蓝栈数据科技集团有限公司战略合作协议签约仪式举行。蓝栈集团董事长温立恒出席。\n"
                         "蓝栈集团将注册设立全资子公司蓝栈(蓝岭)数据科技有限公司。"))
    t = types(ex)
    assert "蓝栈集团" not in t, t


def test_a_data_bureau_and_a_managing_director():
    f = facts(extract(article("云南省大数据发展管理局副局长温立恒,瀚蓝资本董事总经理李承平出席。")))
    assert ("holdsPosition", "温立恒", "云南省大数据发展管理局", "副局长") in f, f
    assert ("holdsPosition", "李承平", "瀚蓝资本", "董事总经理") in f, f


def test_a_project_built_in_a_county_is_there():
    f = facts(extract(article("2024年,蓝栈集团已在大方县建成蓝栈大方数据备份中心项目,运行情况良好。")))
    assert ("locatedIn", "蓝栈大方数据备份中心项目", "大方县") in f or ("locatedIn", "蓝栈大方数据备份中心项目", "大方") in f, f


def test_more_leading_institutions_are_no_partner_and_a_floating_kind_is_no_firm():
    ex = extract(article("下一步,蓝岭国投将联合更多头部机构,加快形成产业基金群。基金与广东蓝擎海工装备有限公司签署投资协议,"
                         "拟出资3亿元投资蓝擎海工在湛江高新区建设的漂浮式海上光伏平台制造项目。"))
    t, f = types(ex), facts(ex)
    assert not any(k.startswith("更多") for k in t), t
    assert "漂浮式" not in t, t
    assert ("investor", "漂浮式海上光伏平台制造项目", "广东蓝擎海工装备有限公司") in f, f


def test_a_firm_named_only_in_its_ceremony_and_its_new_subsidiary():
    f = facts(extract(article("北京蓝泽医药集团有限公司华北区域总部落户暨项目签约仪式在丹东举行。"
                              "蓝泽医药集团在丹东新设立的蓝泽医药(丹东)有限公司同时揭牌。")))
    assert ("subsidiaryOf", "蓝泽医药(丹东)有限公司", "北京蓝泽医药集团有限公司") in f, f
    assert not any(r[0] in ("locatedIn", "settledIn") and r[1] == "北京蓝泽医药集团有限公司" for r in f), f


def test_a_joint_venture_with_a_city_owned_enterprise():
    ex = extract(article("蓝泽医药集团与市属国企锦州市发展投资集团有限公司(锦州发投)合资成立锦州蓝发医药物流有限公司。"))
    t, f = types(ex), facts(ex)
    assert t.get("锦州市发展投资集团有限公司") == "GovernmentBody", t
    assert ("subsidiaryOf", "锦州蓝发医药物流有限公司", "锦州市发展投资集团有限公司") in f, f
    assert ("subsidiaryOf", "锦州蓝发医药物流有限公司", "蓝泽医药集团") in f, f


def test_places_listed_before_their_projects_are_no_projects():
    t = types(extract(article("与会人员先后实地观摩了泾县经济开发区、泾川镇、茂林镇等地的10个重点项目,总投资68亿元。")))
    assert not any(k.endswith("项目") for k in t), t


def test_a_two_character_county_keeps_its_county_in_its_committee():
    f = facts(extract(article("宣城市人大常委会副主任、泾县县委书记温立恒出席并讲话。")))
    assert ("holdsPosition", "温立恒", "泾县县委", "县委书记") in f, f


def test_a_project_site_as_a_scene_and_its_builder():
    f = facts(extract(article(
        "与会人员观摩了泾县经济开发区的重点项目。在湖南蓝州锂能科技有限公司,年产3万吨磷酸锰铁锂项目一期已建成投产。"
        "在泾县经济开发区标准化仓储四期项目现场,县属国有平台泾县城市建设发展有限公司投资3.6亿元建设的10栋标准厂房已全部封顶。")))
    p = "泾县经济开发区标准化仓储四期项目"
    assert ("investor", p, "泾县城市建设发展有限公司") in f, f
    assert not any(r[0] == "investor" and r[1] == p and r[2] == "湖南蓝州锂能科技有限公司" for r in f), f
    assert ("locatedIn", p, "泾县经济开发区") in f, f
    # (but a project named for a park inside the zone is that park's, not the zone's)
    f = facts(extract(article("会上,蓝岭新区冰雕装备产业园项目签约。蓝岭新区管委会主任温立恒致辞。")))
    assert ("locatedIn", "蓝岭新区冰雕装备产业园项目", "蓝岭新区") not in f, f


def test_a_fund_that_supports_a_list_of_fields():
    f = facts(extract(article("设立规模30亿元的蓝岭钨基新材料产业投资基金,重点支持硬质合金刀具、钨粉末材料、钨丝精深加工等领域企业发展。")))
    fund = "蓝岭钨基新材料产业投资基金"
    for sector in ("硬质合金刀具", "钨粉末材料", "钨丝精深加工"):
        assert ("inIndustry", fund, sector) in f, (sector, f)


def test_two_sectors_of_a_zones_focus():
    f = facts(extract(article("在空间布局上,崇义经济开发区重点发展钨粉末材料和硬质合金材料,章贡经济开发区重点发展稀土永磁材料和钨基复合材料。")))
    assert ("inIndustry", "崇义经济开发区", "钨粉末材料") in f, f
    assert ("inIndustry", "章贡经济开发区", "钨基复合材料") in f, f


def test_the_subject_called_a_lead_sector_is_a_sector_and_the_founding_meetings_officers():
    ex = extract(article(
        "28日上午,赣州稀土永磁产业联盟成立大会在赣州召开。大会审议通过了联盟章程,选举产生了第一届理事会。"
        "蓝岭稀土集团有限公司董事长温立恒当选理事长,赣南科技学院副校长李承平当选副理事长。"
        "市长郑怀远指出,稀土永磁是赣州重点打造的主导产业。"))
    t, f = types(ex), facts(ex)
    assert t.get("稀土永磁") == "Industry", t
    assert ("holdsPosition", "温立恒", "赣州稀土永磁产业联盟", "理事长") in f, f
    assert ("holdsPosition", "李承平", "赣州稀土永磁产业联盟", "副理事长") in f, f


def test_a_stage_of_the_chain_listed_before_firms_is_no_firm():
    t = types(extract(article("首批成员单位42家,涵盖钨矿开采、冶炼、新材料加工等上下游企业和高校院所。")))
    assert "冶炼" not in t, t


def test_a_committees_own_investment_firm():
    ex = extract(article("信阳高新区管委会所属的信阳高新区发展投资有限公司与日本蓝和精机株式会社合资成立信阳蓝和精密部件有限公司。"))
    t, f = types(ex), facts(ex)
    assert t.get("信阳高新区发展投资有限公司") == "GovernmentBody", t
    assert ("subsidiaryOf", "信阳高新区发展投资有限公司", "信阳高新区管委会") in f, f


def test_a_subsidiary_in_china_and_one_the_group_sets_up():
    f = facts(extract(article("北京蓝润新能源集团有限公司投资建设风电项目。集团将在延安注册成立全资子公司蓝润新能源(延安)有限公司,作为集团陕北总部。"
                              "德国蓝茵格电气集团在华子公司蓝茵格电气(渭南)有限公司投资1.2亿欧元。")))
    assert ("subsidiaryOf", "蓝润新能源(延安)有限公司", "北京蓝润新能源集团有限公司") in f, f
    assert ("subsidiaryOf", "蓝茵格电气(渭南)有限公司", "德国蓝茵格电气集团") in f, f


def test_a_capacity_counted_in_birds_stays_in_the_project_name():
    t = types(extract(article("在固始蓝禾牧业有限公司年产3000万羽肉鸭屠宰加工项目现场,企业负责人介绍了情况。")))
    assert t.get("年产3000万羽肉鸭屠宰加工项目") == "Project", t


def test_a_zone_written_before_a_firm_that_opens_with_its_province():
    f = facts(extract(article("在通山县,温立恒来到通山经济开发区湖北蓝江绿能科技有限公司。"
                              "该公司由黄冈市城市发展投资集团有限公司与武汉蓝源环保集团有限公司合资组建。")))
    assert ("locatedIn", "湖北蓝江绿能科技有限公司", "通山经济开发区") in f, f
    assert not any(r[0] == "locatedIn" and r[1] == "黄冈市城市发展投资集团有限公司" for r in f), f


def test_a_mongolian_name_of_two_parts():
    f = facts(extract(article("通辽市委副书记、市长巴图额尔敦出席大会。")))
    assert ("holdsPosition", "巴图额尔敦", "通辽市委", "市委副书记") in f, f


def test_the_alliance_by_its_bare_kind_signs_with_a_university():
    ex = extract(article("27日,通辽市算力产业联盟成立大会举行。此外,联盟还与赤峰学院签署合作协议,计划共建联合实验室。"))
    t, f = types(ex), facts(ex)
    assert "联盟还" not in t, t
    assert ("partnerOf", "通辽市算力产业联盟", "赤峰学院") in f, f


def test_a_press_conference_named_after_the_plan_it_releases():
    f = facts(extract(article("本报讯 25日上午,安阳市人民政府新闻办公室召开《安阳市钢铁新材料产业高质量发展三年行动计划(2026—2028年)》新闻发布会。"
                              "市发展改革委主任温立恒发布并解读行动计划。", dateline="2026-11-26")))
    event = "安阳市钢铁新材料产业高质量发展三年行动计划(2026—2028年)新闻发布会"
    assert ("participatedIn", "温立恒", event) in f, f


def test_the_largest_foreign_project_and_fund_are_descriptions():
    t = types(extract(article("蓝茵格电气(平顶山)有限公司投资1.2亿欧元,建设高压断路器智能工厂项目,这是高新区今年引进的最大外资项目。"
                              "基金总规模40亿元,是目前全省规模最大的中药材产业基金。")))
    assert "最大外资项目" not in t, t
    assert not any("最大" in k for k in t), t


def test_a_committees_platform_under_it_and_four_sectors_with_he():
    ex = extract(article("滁州经开区管委会下属国有平台滁州经开区产业投资有限公司与日本蓝和精机株式会社合资成立滁州蓝和精密有限公司。"
                         "根据协议,蓝润集团未来五年拟在延安投资约260亿元,重点布局风电、光伏、储能和氢能等产业。"))
    t, f = types(ex), facts(ex)
    assert ("subsidiaryOf", "滁州经开区产业投资有限公司", "滁州经开区管委会") in f, f
    assert t.get("储能") == "Industry" and t.get("氢能") == "Industry", t
    assert "储能和氢能" not in t, t


def test_capital_split_by_the_segmenter_stays_in_the_name():
    t = types(extract(article("基金由宿州建投集团全资子公司亳州蓝投资本管理有限公司担任管理人。")))
    assert t.get("亳州蓝投资本管理有限公司") == "Company", t
    assert "管理有限公司" not in t, t


def test_the_fund_by_its_bare_kind_signs_with_a_firm():
    f = facts(extract(article("9日下午,亳州市中药材产业发展基金签约暨揭牌仪式在亳州举行。亳州市中药材产业发展基金总规模40亿元。活动现场,基金与北京蓝源创业投资管理有限公司签约,"
                              "合作设立规模10亿元的亳州中药饮片子基金。")))
    assert ("partnerOf", "亳州市中药材产业发展基金", "北京蓝源创业投资管理有限公司") in f, f
    assert ("subsidiaryOf", "亳州中药饮片子基金", "亳州市中药材产业发展基金") in f, f


def test_a_project_named_after_its_firms_brand_and_place():
    f = facts(extract(article("蓝鼎铜箔科技股份有限公司昨(20)日在江西上饶高新技术产业开发区举行“蓝鼎铜箔(鹰潭)年产5万吨极薄电解铜箔项目投产典礼”。"
                              "鹰潭厂由蓝鼎铜箔(鹰潭)有限公司投资兴建。", dateline="2026-11-21")))
    p = "年产5万吨极薄电解铜箔项目"
    assert ("investor", p, "蓝鼎铜箔(鹰潭)有限公司") in f, f
    assert any(r[0] == "signedAt" and r[1] == p for r in f), f
    f = facts(extract(article("蓝鼎铜箔(鹰潭)有限公司成立于2025年。蓝鼎铜箔(鹰潭)年产2万吨锂电铜箔项目已开工建设。")))
    assert ("investor", "年产2万吨锂电铜箔项目", "蓝鼎铜箔(鹰潭)有限公司") in f, f


def test_quoted_programmes_listed_after_one_put_into_practice():
    t = types(extract(article("《行动计划》部署实施“氢能应用示范工程”“领军企业倍增工程”“创新平台倍增工程”三大工程。")))
    for name in ("氢能应用示范工程", "领军企业倍增工程", "创新平台倍增工程"):
        assert t.get(name) == "Initiative", (name, t)


def test_a_capacity_in_hundreds_of_millions_of_square_metres():
    t = types(extract(article("温立恒详细了解年产8亿平方米锂电池隔膜三期项目建设进展。")))
    assert t.get("年产8亿平方米锂电池隔膜三期项目") == "Project", t


def test_a_firm_said_to_focus_on_sectors_after_根据协议():
    f = facts(extract(article("榆林市人民政府与北京蓝润新能源集团有限公司战略合作协议签约仪式22日在西安举行。根据协议,蓝润新能源集团未来五年拟在延安投资约260亿元,"
                              "重点布局风电、光伏、储能和氢能等产业。")))
    for sector in ("风电", "光伏", "储能", "氢能"):
        assert ("inIndustry", "北京蓝润新能源集团有限公司", sector) in f, (sector, f)


def test_a_firm_under_its_group_by_suo_shu_and_one_newly_set_up():
    f = facts(extract(article("蓝绿能源集团有限公司(蓝绿集团)董事长温立恒出席。签约仪式上,蓝绿集团所属蓝绿云南新能源有限公司与宾川县人民政府签署投资协议。"
                              "蓝绿集团新设立的蓝绿硅业(锦州)有限公司同时揭牌。")))
    assert ("subsidiaryOf", "蓝绿云南新能源有限公司", "蓝绿能源集团有限公司") in f, f
    assert ("subsidiaryOf", "蓝绿硅业(锦州)有限公司", "蓝绿能源集团有限公司") in f, f


def test_a_product_before_its_works_is_no_firm_and_a_named_firm_builds_it():
    ex = extract(article("此外,鹤壁市蓝丰源食品有限公司投资的冷冻调理食品扩建项目等也同时签约。河南蓝海科技有限公司投资建设的年产5万吨电池项目开工。"))
    t, f = types(ex), facts(ex)
    assert "冷冻调理食品" not in t, t
    assert ("investor", "冷冻调理食品扩建项目", "鹤壁市蓝丰源食品有限公司") in f, f
    assert ("investor", "年产5万吨电池项目", "河南蓝海科技有限公司") in f, f


def test_a_japanese_kasei_firm_and_a_committees_platform_company():
    ex = extract(article("常德高新区管委会下属平台公司常德高新科创投资有限公司与日本蓝和化成株式会社合资成立的常德蓝和新材料有限公司。"))
    t = types(ex)
    assert t.get("日本蓝和化成株式会社") == "Company", t
    assert t.get("常德高新科创投资有限公司") == "GovernmentBody", t


def test_an_autonomous_countys_committee_as_written():
    f = facts(extract(article("紫云苗族布依族自治县县委书记温立恒陪同调研。")))
    assert ("holdsPosition", "温立恒", "紫云苗族布依族自治县县委", "县委书记") in f, f


def test_the_main_fund_and_its_sub_funds_signed_with_each_party():
    f = facts(extract(article(
        "内江市新兴产业投资基金揭牌暨项目签约仪式在内江举行。内江市新兴产业投资基金总规模50亿元。四川省产业转型发展投资引导基金出资12亿元。"
        "仪式上,基金分别与四川蓝锂股权投资有限公司、成都蓝创投资管理有限公司签约,共同设立规模10亿元的内江锂电子基金和规模8亿元的内江医药子基金,"
        "两支子基金均作为主基金的子基金运作。")))
    mother = "内江市新兴产业投资基金"
    assert ("subsidiaryOf", "内江锂电子基金", mother) in f, f
    assert ("partnerOf", mother, "四川蓝锂股权投资有限公司") in f, f
    assert ("partnerOf", mother, "成都蓝创投资管理有限公司") in f, f


def test_sectors_listed_before_projects_are_no_projects():
    t = types(extract(article("蓝绿集团计划未来五年在大理州投资180亿元,重点发展风电、光伏、新型储能和抽水蓄能等清洁能源项目,"
                              "设立规模50亿元的大理州绿色能源产业基金,支持新能源装备制造和储能产业链项目落地。")))
    assert not any(k.endswith("项目") for k in t), t
    assert "州清洁能源" not in t, t


def test_a_prefectures_head_is_in_its_peoples_government_as_named():
    f = facts(extract(article("楚雄彝族自治州人民政府与蓝绿能源集团有限公司24日在昆明签署战略合作协议。楚雄州州长温立恒代表双方签约。")))
    assert ("holdsPosition", "温立恒", "楚雄彝族自治州人民政府", "州长") in f, f


def test_a_banners_deputy_head_a_bare_city_bureau_and_the_office_by_its_short_government():
    f = facts(extract(article("鄂尔多斯市人民政府新闻办公室召开新闻发布会。市政府新闻办公室主任温立恒主持发布会。"
                              "市工业和信息化局副局长巴图额尔敦、乌审旗副旗长李承平、乌审旗副旗长赵明出席发布会。")))
    assert ("holdsPosition", "温立恒", "鄂尔多斯市人民政府新闻办公室", "主任") in f, f
    assert ("holdsPosition", "巴图额尔敦", "鄂尔多斯市工业和信息化局", "副局长") in f, f
    assert ("holdsPosition", "李承平", None, "副旗长") in f, f


def test_the_group_a_branch_is_in_charge_of_is_no_brand():
    t = types(extract(article("蓝晶硅业(锦州)有限公司同时揭牌,作为集团东北区域总部,负责集团在东北三省的业务。")))
    assert "负责集团" not in t, t


def test_the_founders_of_the_alliance_founded_at_the_event_and_its_secretary():
    f = facts(extract(article(
        "8日,晋城新型储能产业联盟成立大会在晋城经济技术开发区召开。联盟由山西蓝阳储能科技集团有限公司、山西能源学院、"
        "晋城经济技术开发区管委会等46家企业、高校和科研机构共同发起。大会选举产生了第一届理事会。"
        "山西蓝阳储能科技集团有限公司董事长温立恒当选联盟理事长,庞宇任联盟秘书长。", dateline="2026-11-09")))
    event = "晋城新型储能产业联盟成立大会"
    for body in ("山西蓝阳储能科技集团有限公司", "山西能源学院", "晋城经济技术开发区管委会", "晋城新型储能产业联盟"):
        assert ("participatedIn", body, event) in f, (body, f)
    assert ("holdsPosition", "庞宇", "晋城新型储能产业联盟", "秘书长") in f, f


def test_a_system_carried_out_is_an_initiative_and_no_project():
    t = types(extract(article("各乡镇要落实县级领导联系项目制度,强化要素保障。全市上下要深入实施“双招双育”工作,坚持领导包联重大项目制度。")))
    assert t.get("县级领导联系项目制度") == "Initiative", t
    assert t.get("领导包联重大项目制度") == "Initiative", t
    assert t.get("双招双育") == "Initiative", t
    assert not any(k.endswith("项目") for k in t), t


def test_an_event_held_in_its_zone_by_the_bare_zone_word_or_at_its_hall():
    f = facts(extract(article("本报讯 26日上午,信阳经济技术开发区2026年第四季度重点项目集中签约仪式在经开区举行。现场集中签约项目16个。")))
    assert ("location", "信阳经济技术开发区2026年第四季度重点项目集中签约仪式", "信阳经济技术开发区") in f, f
    f = facts(extract(article("本报讯昨天上午,漯河经济技术开发区2026年第四季度重大项目集中签约仪式在开发区管委会举行。")))
    assert ("location", "漯河经济技术开发区2026年第四季度重大项目集中签约仪式", "漯河经济技术开发区") in f, f


def test_a_government_and_a_firm_sign_a_project_the_firm_builds():
    f = facts(extract(article("武夷山市人民政府与香港蓝禾旅游集团有限公司签署武夷山国际温泉度假区项目,投资20亿元。")))
    assert ("investor", "武夷山国际温泉度假区项目", "香港蓝禾旅游集团有限公司") in f, f
    assert ("partnerOf", "武夷山市人民政府", "香港蓝禾旅游集团有限公司") in f, f


def test_new_materials_of_one_kind_are_a_sector_as_written():
    t = types(extract(article("运城正全力打造镁铝新材料、氢能装备等千亿级产业,重点发展绿色食品、石墨新材料和现代物流等产业。"
                              "高端新材料产业加快发展,形成三大新材料集群。")))
    assert t.get("镁铝新材料") == "Industry" and t.get("石墨新材料") == "Industry", t
    assert "三大新材料" not in t and "高端新材料" not in t, t


def test_two_sectors_written_as_one_and_the_making_of_equipment():
    t = types(extract(article("紧盯磷化工、新能源电池材料、氟化工产业发展方向,支持新能源装备制造和储能产业链项目落地。")))
    assert t.get("新能源电池材料") == "Industry", t
    assert t.get("新能源装备制造") == "Industry", t
    assert "电池材料" not in t and "新能源装备" not in t, t
