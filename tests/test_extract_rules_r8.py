"""Events, projects, firms and posts on hand-written sentences (eighth file: rules of session 15).

Each names firms, people and places invented for the test (real places only where the lexicon of
administrative places is what is tested), never those of a gold file."""

from extract_helpers import article, facts, types
from kg.extract import extract


def test_a_state_platform_descriptor_before_a_name_its_place_opens_makes_a_government_body():
    t = types(extract(article(
        "恒安经开区举行重点项目集中签约仪式。"
        "经开区所属国有平台德阳经开城市发展集团有限公司(经开城发集团)与北京恒锐科技有限公司现场签署合资协议。")))
    assert t.get("德阳经开城市发展集团有限公司") == "GovernmentBody", t
    assert t.get("北京恒锐科技有限公司") == "Company", t


def test_a_civil_service_rank_before_a_name_is_a_post_in_the_body_before_it():
    ex = extract(article(
        "恒安经开区举行重点项目集中签约仪式。山东省商务厅二级巡视员聂晓川到会致辞。"
        "香港特区政府投资推广署助理署长卢嘉颖介绍了情况。"))
    f = facts(ex)
    assert ("holdsPosition", "聂晓川", "山东省商务厅", "二级巡视员") in f, f
    assert ("holdsPosition", "卢嘉颖", "香港特区政府投资推广署", "助理署长") in f, f


def test_the_main_venues_count_is_a_part_and_its_paragraph_lists_the_events_projects():
    f = facts(extract(article(
        "20日上午,恒安市2026年第四季度重大项目集中开工活动举行。活动设主会场和2个分会场。"
        "此次集中开工项目42个,总投资215.6亿元。\n"
        "主会场开工项目12个。其中,恒盐新材料科技有限公司投资45亿元建设的年产10万吨锂电新材料项目是今年最大的工业项目。"
        "恒天航空科技有限公司投资18亿元在恒安航空产业园建设无人机整机制造项目。\n"
        "在恒富县分会场,开工项目10个、总投资48亿元。恒富食品有限公司投资6亿元在恒富经济开发区建设调味品智能化生产项目。")))
    ev = "恒安市2026年第四季度重大项目集中开工活动"
    assert ("signedAt", "无人机整机制造项目", ev) in f, f
    assert ("signedAt", "调味品智能化生产项目", ev) in f, f
    counts = {r[2] for r in f if r[0] == "projectCount" and r[1] == ev}
    assert counts == {42}, counts


def test_a_firm_before_its_bracketed_short_form_spends_on_the_project():
    f = facts(extract(article(
        "恒东县分会场开工项目9个,其中县属国有平台恒东县城乡建设投资有限公司(恒东城投)投资5.2亿元建设恒东工业园区标准化厂房项目。")))
    assert ("investor", "恒东工业园区标准化厂房项目", "恒东县城乡建设投资有限公司") in f, f


def test_a_quoted_principle_of_parts_before_its_kind_is_an_alias_of_the_programme():
    ex = extract(article("全市上下要落实“服务为先、要素围着项目转”工作机制,加快推动开工项目形成实物工作量。"))
    e = next(e for e in ex.entities if e.label == "服务为先、要素围着项目转工作机制")
    assert "服务为先、要素围着项目转" in e.aliases, e.aliases


def test_a_quoted_brand_a_city_builds_towards_is_a_programme():
    t = types(extract(article("他强调,要做强晶硅光伏主导产业,加快打造“华夏绿色硅谷”,建设“恒川电池之都”。恒川县是“华夏蜜橘之乡”。")))
    assert t.get("华夏绿色硅谷") == "Initiative" and t.get("恒川电池之都") == "Initiative", t
    assert t.get("华夏蜜橘之乡") == "Initiative", t


def test_a_visited_firm_that_moved_into_the_visited_park_settled_there():
    f = facts(extract(article(
        "恒川调研重点产业项目\n在恒川高新区,书记调研了今年落户高新区的恒睿半导体有限公司。该公司主要从事功率器件研发生产。")))
    assert ("settledIn", "恒睿半导体有限公司", "恒川高新区") in f, f


def test_a_short_form_with_its_bracketed_place_is_the_firm_whose_name_it_opens():
    ex = extract(article(
        "恒晟电材透过香港子公司百分之百持股的恒晟(恒安)电子材料有限公司,在恒安高新区投资1.2亿美元兴建电子特气制造基地一期项目。"
        "恒晟(恒安)总经理蔡明远出席。"))
    assert "恒晟(恒安)" not in types(ex), types(ex)
    assert ("holdsPosition", "蔡明远", "恒晟(恒安)电子材料有限公司", "总经理") in facts(ex), facts(ex)


def test_a_currency_written_before_the_number_is_the_amounts():
    f = facts(extract(article("恒晟电材将再投资新台币45亿元,建设电子特气三期扩产项目。")))
    amounts = [r[2] for r in f if r[0] == "investment" and r[1] == "电子特气三期扩产项目"]
    assert [(a.value, a.currency) for a in amounts] == [(4500000000, "TWD")], amounts


def test_a_firm_signing_an_investment_agreement_with_a_zones_committee_is_its_partner():
    f = facts(extract(article("典礼上,恒晟电子材料股份有限公司与恒安高新区管委会签署二期投资协议,将再投资5亿元建设扩产项目。")))
    assert ("partnerOf", "恒晟电子材料股份有限公司", "恒安高新区管委会") in f or \
        ("partnerOf", "恒安高新区管委会", "恒晟电子材料股份有限公司") in f, f


def test_projects_of_a_sentence_opening_at_the_ceremony_and_a_bare_phase_that_names_the_next_project():
    ex = extract(article(
        "恒晟电子材料股份有限公司26日在恒安举行恒安厂投产典礼。"
        "典礼上,恒晟电子材料股份有限公司与恒安高新区管委会签署二期项目投资协议,将再投资2.8亿美元建设年产20万吨可降解材料项目。"))
    f, t = facts(ex), types(ex)
    assert ("signedAt", "年产20万吨可降解材料项目", "恒安厂投产典礼") in f, f
    assert "二期项目" not in t, t


def test_a_firm_held_through_a_subsidiary_and_a_jv_founded_after_a_comma():
    f = facts(extract(article(
        "恒晟电子材料股份有限公司透过香港子公司恒晟控股(香港)有限公司百分之百持股的恒晟(恒安)电子材料有限公司,"
        "在恒安高新区投资1.2亿美元兴建一期项目。"
        "该项目总投资4.5亿美元,由恒宏(香港)控股有限公司,与恒州开发投资集团有限公司(恒投集团)合资成立的恒宏新材料(恒州)有限公司投资建设。")))
    assert ("subsidiaryOf", "恒晟(恒安)电子材料有限公司", "恒晟控股(香港)有限公司") in f, f
    assert ("subsidiaryOf", "恒宏新材料(恒州)有限公司", "恒宏(香港)控股有限公司") in f, f
    assert ("subsidiaryOf", "恒宏新材料(恒州)有限公司", "恒州开发投资集团有限公司") in f, f


def test_a_school_the_dictionary_knows_as_one_word_is_named_though_its_head_splits():
    ex = extract(article("由恒州市人民政府、万里学院和恒鼎电子科技有限公司共建的恒州电子电路产业研究院同步揭牌。"))
    assert types(ex).get("万里学院") == "University", types(ex)
    f = facts(ex)
    assert ("partnerOf", "恒州市人民政府", "恒鼎电子科技有限公司") in f or ("partnerOf", "恒鼎电子科技有限公司", "恒州市人民政府") in f, f


def test_projects_of_the_signing_part_and_of_among_the_started_belong_to_the_event_wherever_they_stand():
    lead = "11月26日,2026恒州市电子信息产业发展大会举行。" + "".join(f"恒州第{i}家企业代表作了交流发言。" for i in range(14))
    f = facts(extract(article(
        lead + "\n在签约环节,恒鼎电子科技有限公司与恒州高新区管委会签约,投资30亿元建设高多层电路板项目;"
        "日本恒浦精工株式会社旗下恒浦精工(恒州)有限公司投资50亿日元,建设精密光学元件项目。\n"
        "开工项目中,恒州嘉盛电池科技有限公司投资9.5亿元建设的储能电池包项目位于恒岭县。")))
    ev = "2026恒州市电子信息产业发展大会"
    assert ("signedAt", "精密光学元件项目", ev) in f, f
    assert ("signedAt", "储能电池包项目", ev) in f, f


def test_two_capacities_joined_by_a_slash_stay_inside_a_project_name_and_a_superlative_describes():
    ex = extract(article(
        "此前,恒润集团已在恒南投资9.6亿元建设恒州区100兆瓦/200兆瓦时共享储能电站项目,"
        "该项目今年6月并网投运,是目前恒南规模最大的电网侧储能项目。"))
    t, f = types(ex), facts(ex)
    assert t.get("恒州区100兆瓦/200兆瓦时共享储能电站项目") == "Project", t
    assert "电网侧储能项目" not in t, t
    assert ("investor", "恒州区100兆瓦/200兆瓦时共享储能电站项目", "恒润集团") in f, f


def test_counted_parties_of_an_agreement_are_partners_and_a_bare_fund_signing_is_no_firm():
    ex = extract(article(
        "恒阳恒信私募股权基金管理有限公司与湖南恒锂新能源科技有限公司、恒阳华星电子有限公司两家企业签订投资协议,拟投资金额合计3.6亿元。"
        "中国恒丰银行恒阳分行与基金签署战略合作协议,将为基金投资企业提供意向授信。"))
    f, t = facts(ex), types(ex)
    assert ("partnerOf", "恒阳恒信私募股权基金管理有限公司", "湖南恒锂新能源科技有限公司") in f, f
    assert ("partnerOf", "恒阳恒信私募股权基金管理有限公司", "恒阳华星电子有限公司") in f, f
    assert "基金签署" not in t, t


def test_remanufacturing_stays_in_a_name_and_a_topic_with_a_copula_settles_as_a_role():
    ex = extract(article(
        "恒创(山西)科技有限公司是恒创集团新设立的全资子公司,注册资本5亿元,作为集团华北区域总部入驻恒汾经济开发区。"
        "恒创集团旗下恒创(香港)有限公司投资8000万美元建设的矿山机械再制造项目。"))
    f, t = facts(ex), types(ex)
    assert ("settledIn", "恒创(山西)科技有限公司", "恒汾经济开发区") in f, f
    assert t.get("矿山机械再制造项目") == "Project", t


def test_the_bodies_people_sign_for_take_part_in_the_event():
    f = facts(extract(article(
        "25日,北京恒冶科技集团有限公司华北区域总部落户暨项目签约仪式在恒汾举行。"
        "签约仪式上,恒汾经济开发区党工委书记杨远涛与刘春明代表恒汾经济开发区管委会和北京恒冶科技集团有限公司签署项目投资协议。")))
    ev = "北京恒冶科技集团有限公司华北区域总部落户暨项目签约仪式"
    assert ("participatedIn", "恒汾经济开发区管委会", ev) in f, f


def test_a_quoted_layout_keeps_its_quoted_part_and_a_plans_years_date_no_press_conference():
    ex = extract(article(
        "我市召开《恒辽市生物制造产业高质量发展三年行动方案(2027—2029年)》新闻发布会\n"
        "11月25日,恒辽市人民政府新闻办公室召开新闻发布会,发布《恒辽市生物制造产业高质量发展三年行动方案(2027—2029年)》。"
        "《行动方案》明确构建“一核三园多点”产业布局。", dateline="2026-11-26"))
    e = next(e for e in ex.entities if e.label == "一核三园多点产业布局")
    assert "一核三园多点" in e.aliases, e.aliases
    dates = {str(r[2]) for r in facts(ex) if r[0] == "date"}
    assert not any("2029" in d for d in dates), dates


def test_a_bare_county_organ_after_a_city_post_is_the_named_countys():
    ex = extract(article(
        "28日,故城县2026年第四季度重点项目观摩推进会召开。衡水市委常委、故城县委书记王立远出席并讲话,"
        "县人大常委会主任吕建中、县政协主席霍春明等县领导参加。"))
    t = types(ex)
    assert not any(k.startswith("衡水县") for k in t), t
    assert ("holdsPosition", "吕建中", "故城县人大常委会", "县人大常委会主任") in facts(ex), facts(ex)


def test_a_project_named_by_its_sector_after_a_firms_spending_is_one_project():
    ex = extract(article("其中,浙江恒彩新材料股份有限公司投资12亿元,在恒东湾新区建设新型显示项目。"))
    f = facts(ex)
    assert types(ex).get("新型显示项目") == "Project", types(ex)
    assert ("investor", "新型显示项目", "浙江恒彩新材料股份有限公司") in f, f


def test_a_bonded_logistics_centre_is_a_park():
    t = types(extract(article("双方将在恒丘保税物流中心合作建设跨境电商分拨中心。")))
    assert t.get("恒丘保税物流中心") == "Park", t


def test_this_years_figures_reported_at_a_meeting_are_not_its_count():
    f = facts(extract(article(
        "28日,恒强县2026年第四季度重点项目观摩推进会召开。"
        "县发展和改革局局长康立远通报了全县重点项目建设进展情况:今年列入省市重点项目的28个项目已开工26个,完成投资41.3亿元。")))
    ev = "恒强县2026年第四季度重点项目观摩推进会"
    assert not any(r[0] in ("projectCount", "investment") and r[1] == ev for r in f), f


def test_a_firm_before_where_it_spends_invests_and_a_phase_is_no_brand():
    ex = extract(article(
        "恒晟(恒安)电子材料有限公司,在恒安高新技术产业开发区投资1.2亿美元兴建电子特气制造基地一期项目。"
        "恒晟电材将再投资新台币45亿元,建设电子特气三期扩产项目。"))
    f, t = facts(ex), types(ex)
    assert ("investor", "电子特气制造基地一期项目", "恒晟(恒安)电子材料有限公司") in f, f
    assert "电子特气" not in t and "电子特气三期" not in t, t


def test_a_sector_no_lexicon_knows_written_before_chanye_in_a_plans_or_funds_name():
    ex = extract(article(
        "会上发布了《承德钨钼产业高质量发展三年行动方案》。宁德船舶海工产业子基金同时揭牌。"))
    f = facts(ex)
    assert ("inIndustry", "承德钨钼产业高质量发展三年行动方案", "钨钼") in f, f
    assert ("inIndustry", "宁德船舶海工产业子基金", "船舶海工") in f, f


def test_a_parents_regional_seat_moves_in_through_its_subsidiary_named_for_the_parks_place():
    f = facts(extract(article(
        "北京恒远科技集团股份有限公司华北区域总部今天落户运城经济技术开发区。"
        "北京恒远科技集团股份有限公司将在运城设立全资子公司恒远(运城)科技有限公司,作为集团华北区域总部。")))
    assert ("settledIn", "恒远(运城)科技有限公司", "运城经济技术开发区") in f, f
    assert ("settledIn", "北京恒远科技集团股份有限公司", "运城经济技术开发区") not in f, f


def test_a_region_or_a_description_opening_a_projects_name_is_no_firm():
    ex = extract(article(
        "恒州开发区签约华南总部及封测基地项目,总投资12亿元。签约全流程智能管控中心项目,总投资3亿元。"
        "签约智能康复机器人产业化项目,总投资2亿元。"))
    t, f = types(ex), facts(ex)
    assert not {"华南", "全流程智能", "智能康复"} & set(t), t
    assert not any(r[0] == "investor" for r in f), f


def test_the_firms_that_launch_a_fund_together_are_partners():
    f = facts(extract(article(
        "基金由市属国有平台恒林市投资控股集团有限公司(恒林投控)与深圳恒沿资本管理有限公司共同发起,首期规模8亿元。")))
    assert ("partnerOf", "恒林市投资控股集团有限公司", "深圳恒沿资本管理有限公司") in f, f


def test_a_body_joined_by_another_to_found_something_together_are_partners():
    f = facts(extract(article(
        "母基金总规模60亿元,由市属国有资本运营平台恒水市国有资本运营有限公司(恒水国资)联合浙江省恒融控股有限公司共同出资设立。")))
    assert ("partnerOf", "恒水市国有资本运营有限公司", "浙江省恒融控股有限公司") in f, f


def test_a_subsidiary_that_signs_spends_and_two_firms_signing_a_project_both_invest():
    f = facts(extract(article(
        "新加坡恒锐控股有限公司全资子公司恒锐医疗科技(阜阳)有限公司与管委会签约,投资1.2亿美元建设精密医疗器械生产基地项目。"
        "论坛还举行了项目签约仪式,吉林恒纤集团有限责任公司与江苏恒鸟复材科技有限公司签约年产1万吨碳纤维复合材料制品项目,总投资30亿元。")))
    inv = {(r[1], r[2]) for r in f if r[0] == "investor"}
    assert inv == {("精密医疗器械生产基地项目", "恒锐医疗科技(阜阳)有限公司"),
                   ("年产1万吨碳纤维复合材料制品项目", "吉林恒纤集团有限责任公司"),
                   ("年产1万吨碳纤维复合材料制品项目", "江苏恒鸟复材科技有限公司")}, inv


def test_a_firm_set_up_in_a_park_to_build_a_project_and_its_parent_invest_in_it():
    f = facts(extract(article("新加坡恒隆精工私人有限公司投资3000万美元,在恒安经开区设立恒隆精工(滁州)有限公司,建设精密冲压模具生产项目。")))
    p = "精密冲压模具生产项目"
    assert ("investor", p, "恒隆精工(滁州)有限公司") in f and ("investor", p, "新加坡恒隆精工私人有限公司") in f, f
    assert ("locatedIn", p, "恒安经开区") in f, f
    assert any(r[0] == "investment" and r[1] == p and r[2].value == 30000000 for r in f), f


def test_a_firms_speaker_telling_of_the_company_s_project_names_its_investor():
    f = facts(extract(article(
        "恒昌储芯电池科技有限公司董事长胡文远表示,公司专注储能领域,位于恒昌高新区的年产10GWh储能电池项目一期已于5月投产。")))
    assert ("investor", "年产10GWh储能电池项目", "恒昌储芯电池科技有限公司") in f, f


def test_a_joint_venture_agreed_at_a_signing_of_many_projects_is_not_launched_there():
    ex = extract(article(
        "11月26日,恒城经济技术开发区2026年第四季度重大项目集中签约仪式举行。"
        "恒城经开区国有平台恒城经开区投资发展集团有限公司与上海恒源半导体科技有限公司共同出资设立安徽恒源电子材料有限公司,"
        "投资12亿元在经开区建设高纯电子特种气体项目。"))
    f = facts(ex)
    assert not any(r[0] == "launched" and r[2] == "安徽恒源电子材料有限公司" for r in f), f
    one = facts(extract(article(
        "昨天,恒驰氢能装备有限公司合资协议签约仪式在恒同市举行。恒能集团与恒驰科技日前签署合资协议,双方共同出资组建恒驰氢能装备有限公司。")))
    assert any(r[0] == "launched" and r[2] == "恒驰氢能装备有限公司" for r in one), one


def test_a_zone_whose_projects_start_in_a_count_is_not_launched():
    f = facts(extract(article(
        "11月25日,恒乡市2026年第四季度重大项目集中开工活动举行。本次集中开工项目86个,总投资428.5亿元。"
        "恒原城乡一体化示范区分会场开工项目18个、总投资73.5亿元。其中,恒江新区集中开工项目32个,总投资415亿元。")))
    assert not any(r[0] == "launched" for r in f), f


def test_a_joint_centre_named_by_a_founder_named_before_and_unveiled_that_day():
    f = facts(extract(article(
        "昨天,恒岳龙安新厂投产典礼举行。此外,恒岳与龙安学院合作成立的恒岳—龙安学院流体传动联合研发中心也在当天揭牌。"
        "同时,恒新电路(恒安)有限公司与恒阴工学院签约,双方共建的恒安高阶电路板联合研发中心当天揭牌。")))
    ev = "恒岳龙安新厂投产典礼"
    assert ("launched", ev, "恒岳—龙安学院流体传动联合研发中心") in f, f
    assert ("launched", ev, "恒安高阶电路板联合研发中心") in f, f


def test_parks_whose_works_start_the_same_day_are_launched_by_the_event():
    lead = "昨天,恒安市2026年第四季度重大项目集中开工活动举行。" + "".join(f"恒州第{i}家企业代表作了交流发言。" for i in range(14))
    f = facts(extract(article(lead + "同日,恒安数字经济产业园在恒冈山经开区开工建设。同日开工的还有恒安智能终端产业园。")))
    ev = "恒安市2026年第四季度重大项目集中开工活动"
    assert ("launched", ev, "恒安数字经济产业园") in f and ("launched", ev, "恒安智能终端产业园") in f, f


def test_a_material_opening_a_projects_name_is_no_firm():
    f = facts(extract(article("恒安开发区签约锌镍储能电池产业化项目,总投资12亿元。签约含氟新材料研发中心项目,总投资3亿元。")))
    assert not any(r[0] == "investor" for r in f), f


def test_units_times_a_capacity_stay_inside_a_project_name():
    f = facts(extract(article("恒钢集团投资3亿元建设2×50MW余热余能发电项目。")))
    assert ("investor", "2×50MW余热余能发电项目", "恒钢集团") in f, f


def test_a_material_in_ordinary_words_before_a_comma_is_no_firm():
    t = types(extract(article(
        "园区重点发展耐火材料、高端特钢材料,恒华科技、恒天光电等企业已入驻。耐火材料和高端特钢材料产值增长两成。")))
    assert t.get("耐火材料") != "Company" and t.get("高端特钢材料") != "Company", t


def test_a_local_state_enterprise_investing_is_the_governments_vehicle_but_a_provinces_group_is_a_firm():
    t = types(extract(article(
        "县属国有企业恒泽县城市投资发展集团有限公司还将与启航公司共同出资组建恒掖启临产业园运营有限公司。"
        "管委会下属的恒阳绿化高新投资有限公司认缴5亿元。省属国有企业恒能控股装备制造集团有限公司与恒驰氢能签署合资协议。")))
    assert t.get("恒泽县城市投资发展集团有限公司") == "GovernmentBody", t
    assert t.get("恒阳绿化高新投资有限公司") == "GovernmentBody", t
    assert t.get("恒能控股装备制造集团有限公司") == "Company", t


def test_an_abbreviation_inside_a_longer_schools_name_is_not_that_school():
    t = types(extract(article("鼓励东北大学、恒阳工业大学等高校与企业共建创新平台。")))
    assert "北京大学" not in t, t


def test_the_projects_signed_at_a_series_opening_ceremony_are_the_ceremonys():
    f = facts(extract(article(
        "为期5天的2025恒州(香港)投资推介周昨日在香港开幕。开幕式暨重点项目签约仪式上,恒州市与港澳企业现场签约项目28个。"
        "签约项目中,香港恒丰实业集团有限公司投资3.5亿美元,在恒州高新区建设恒丰超高清显示模组项目。", dateline="2025-12-10")))
    signed = {r[2] for r in f if r[0] == "signedAt" and r[1] == "恒丰超高清显示模组项目"}
    assert signed == {"开幕式暨重点项目签约仪式"}, signed
