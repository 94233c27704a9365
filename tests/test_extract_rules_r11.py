"""Firms, places and projects on hand-written sentences (eleventh file: rules of session 18).

Each names firms, people and projects invented for the test (real places only where the lexicon of
administrative places is what is tested), never those of a gold file."""

from extract_helpers import article, facts, types
from kg.extract import extract


def test_a_state_platform_named_after_its_zone_is_cut_after_its_descriptor():
    ex = extract(article("签约项目中,开发区国有平台公司鹤岗经开区建设集团有限公司与北京云岫氢能科技有限公司"
                         "合资组建的鹤岗云岫能源有限公司投资3.2亿元,建设氢燃料电池项目。"))
    t, f = types(ex), facts(ex)
    assert t.get("鹤岗经开区建设集团有限公司") == "GovernmentBody", t
    assert not any("平台公司" in k for k in t), t
    assert ("subsidiaryOf", "鹤岗云岫能源有限公司", "鹤岗经开区建设集团有限公司") in f, f
    assert ("subsidiaryOf", "鹤岗云岫能源有限公司", "北京云岫氢能科技有限公司") in f, f


def test_a_place_in_another_clause_or_of_a_firms_origin_does_not_unplace_a_project():
    text = ("26日上午,鹤岗经济开发区重点项目集中签约仪式在鹤岗经济开发区举行。\n"
            "签约项目中,辽宁澄泓化工集团有限公司投资9亿元,建设年产5万吨特种树脂项目;"
            "德国企业瓦伦堡化学集团投资3000万欧元,建设高性能涂料项目;北京岚桥物流有限公司投资2亿元,建设冷链仓储项目。")
    f = facts(extract(article(text, title="鹤岗经济开发区重点项目集中签约")))
    for p in ("年产5万吨特种树脂项目", "高性能涂料项目", "冷链仓储项目"):
        assert ("locatedIn", p, "鹤岗经济开发区") in f, (p, sorted(x for x in f if x[0] == "locatedIn"))
    assert ("locatedIn", "瓦伦堡化学集团", "德国") in f, f


def test_a_japanese_brand_with_he_after_a_kind_word_is_one_name():
    t = types(extract(article("园区平台公司与日本企业丸和精工株式会社合资建设的微型伺服马达项目,投资1.2亿美元。")))
    assert t.get("丸和精工株式会社") == "Company", t
    assert "精工株式会社" not in t, t


def test_two_firms_that_build_a_project_together_invest_in_it_as_partners():
    f = facts(extract(article("开工项目中,钦州港城投资开发有限公司与德国企业迈川电机有限公司合资建设的驱动电机项目,投资8亿元。")))
    assert ("investor", "驱动电机项目", "钦州港城投资开发有限公司") in f, f
    assert ("investor", "驱动电机项目", "迈川电机有限公司") in f, f
    assert ("partnerOf", "钦州港城投资开发有限公司", "迈川电机有限公司") in f \
        or ("partnerOf", "迈川电机有限公司", "钦州港城投资开发有限公司") in f, f


def test_a_group_the_city_government_set_up_is_its_vehicle():
    t = types(extract(article("同日,由市政府出资设立的钦州市城乡投资集团有限公司负责建设的钦州智能制造产业园开工。")))
    assert t.get("钦州市城乡投资集团有限公司") == "GovernmentBody", t


def test_projects_started_at_a_sub_venue_lie_in_its_county():
    text = ("24日上午,钦州市重大项目集中开工活动在钦州港经济技术开发区主会场举行,灵山县、浦北县设分会场同步开工。\n"
            "在灵山县分会场,灵山县城市建设投资有限公司与广西澜木林业有限公司共同投资6亿元,建设年产30万立方米刨花板项目。")
    f = facts(extract(article(text, title="钦州市重大项目集中开工")))
    assert ("locatedIn", "年产30万立方米刨花板项目", "灵山县") in f or ("locatedIn", "年产30万立方米刨花板项目", "灵山") in f, \
        sorted(x for x in f if x[0] == "locatedIn")
    assert not any(x[:2] == ("locatedIn", "年产30万立方米刨花板项目") and "开发区" in x[2] for x in f), f


def test_a_park_started_in_a_zone_lies_in_it():
    f = facts(extract(article("同日,钦州新能源电池产业园在钦州港经济技术开发区开工,规划面积800亩。")))
    assert ("locatedIn", "钦州新能源电池产业园", "钦州港经济技术开发区") in f, f


def test_a_government_and_a_firm_signing_a_project_on_site():
    f = facts(extract(article("会上,鹤岗市工农区人民政府与香港澄海投资有限公司现场签署北岭文旅综合体项目,投资9亿元。")))
    assert ("investor", "北岭文旅综合体项目", "香港澄海投资有限公司") in f, f
    assert ("partnerOf", "鹤岗市工农区人民政府", "香港澄海投资有限公司") in f \
        or ("partnerOf", "香港澄海投资有限公司", "鹤岗市工农区人民政府") in f, f


def test_a_firms_bracketed_short_form_is_the_firm_not_its_parent():
    text = ("岚泰科技透过子公司岚泰国际控股有限公司转投资的岚泰电子(滁州)有限公司,落户滁州经济技术开发区。\n"
            "典礼上,岚泰电子(滁州)也与安徽澄瑞电气有限公司签订长期供货协议。")
    ex = extract(article(text))
    t, f = types(ex), facts(ex)
    assert "岚泰电子" not in t, t
    assert ("subsidiaryOf", "岚泰电子(滁州)有限公司", "岚泰国际控股有限公司") in f, f
    assert ("settledIn", "岚泰电子(滁州)有限公司", "滁州经济技术开发区") in f, f
    assert any(x[0] == "partnerOf" and "岚泰电子(滁州)有限公司" in x[1:] for x in f), f


def test_a_taiwanese_spelling_of_an_offshore_seat_is_a_country():
    t = types(extract(article("岚泰科技透过百慕达子公司岚泰国际控股有限公司投资。")))
    assert t.get("百慕达") == "Place", t
    assert "百慕达子公司" not in t, t


def test_fluorine_chemicals_are_a_sector():
    t = types(extract(article("大会以氟化工为主题,发布了磷化工产业发展报告。")))
    assert t.get("氟化工") == "Industry", t
    assert t.get("磷化工") == "Industry", t


def test_a_mechanism_held_to_is_not_the_sector_of_the_work_around_it():
    f = facts(extract(article("书记强调,要坚持“一企一档”,围绕精细化工、新材料等产业精准招商。")))
    assert not any(x[0] == "inIndustry" and x[1].startswith("一企一档") for x in f), f


def test_a_firm_a_group_set_up_in_a_county_is_its_subsidiary_not_the_groups_seat():
    f = facts(extract(article("在沙县,书记走进福建岚溪果业科技有限公司。该公司是浙江澄源农业集团有限公司在沙县投资设立的企业,主要从事果汁加工。")))
    assert ("subsidiaryOf", "福建岚溪果业科技有限公司", "浙江澄源农业集团有限公司") in f, f
    assert not any(x[:2] == ("locatedIn", "浙江澄源农业集团有限公司") for x in f), f


def test_a_visit_opening_with_a_district_and_its_zone_places_the_zone_and_the_firm():
    f = facts(extract(article("20日,市委书记温立恒深入钟山区、盘州市调研。\n在钟山区德江新区,温立恒调研了六盘水岚泰碳素有限公司,了解生产情况。")))
    assert ("locatedIn", "德江新区", "钟山") in f, f
    assert ("locatedIn", "六盘水岚泰碳素有限公司", "德江新区") in f, f


def test_the_kind_after_a_list_of_products_is_no_firm():
    t = types(extract(article("该公司主要生产液压支架、刮板输送机等井下综掘装备。公司投资5亿元建设二期项目。")))
    assert "井下综掘装备" not in t, t


def test_an_industrial_concentration_zone_where_a_project_starts():
    f = facts(extract(article("开工项目中,甘肃澄氟化工有限公司投资建设的电子级氢氟酸项目投资12亿元,当天在岚川工业集中区开工。")))
    assert ("locatedIn", "电子级氢氟酸项目", "岚川工业集中区") in f, f


def test_new_materials_of_a_metal_sector_are_one_sector():
    t = types(extract(article("该市正加快构建以氟化工、有色金属新材料、新能源为重点的现代产业体系。")))
    assert t.get("有色金属新材料") == "Industry", t
    assert "有色金属" not in t, t


def test_a_quoted_programme_launched_after_its_name():
    t = types(extract(article("大会宣布成立西北澄氟产业联盟;“氟材料进万家”行动同时启动。")))
    assert t.get("氟材料进万家行动") == "Initiative", t


def test_a_solar_farm_shared_with_crops_keeps_its_whole_name():
    f = facts(extract(article("澄源新能源有限公司与岚县人民政府签署岚县东坡100兆瓦渔光互补光伏项目投资协议。")))
    assert any(x[0] == "investor" and x[1].endswith("东坡100兆瓦渔光互补光伏项目") for x in f), f


def test_a_platform_of_a_prefecture_government_is_named_after_its_descriptor():
    t = types(extract(article("基金由州政府投资平台澄江州投资(集团)有限公司与岚源资本管理有限公司共同管理。")))
    assert t.get("澄江州投资(集团)有限公司") == "GovernmentBody", t
    assert not any(k.startswith("州政府") for k in t), t


def test_a_funds_size_and_sectors_are_its_own_not_its_partner_funds():
    ex = extract(article("18日上午,岚州市绿色食品产业发展基金正式揭牌。该基金总规模25亿元,首期规模10亿元,"
                         "由岚州市国有资本投资运营有限公司联合澄江省产业投资引导基金共同发起。基金将重点投向绿色食品、生物医药、现代农业等领域。"))
    f = facts(ex)
    sizes = {x[2].value for x in f if x[:2] == ("investment", "岚州市绿色食品产业发展基金")}
    assert 2500000000 in sizes, f
    assert ("inIndustry", "岚州市绿色食品产业发展基金", "生物医药") in f, f
    assert not any(x[0] == "inIndustry" and x[1] == "澄江省产业投资引导基金" for x in f), f


def test_a_firm_from_a_place_lies_there():
    f = facts(extract(article("来自香港的澄信资本有限公司当天签署基金认购协议。")))
    assert ("locatedIn", "澄信资本有限公司", "香港") in f, f


def test_two_projects_listed_before_one_settling_verb_both_settle_there():
    # (a guard: the clause-ending firm rule of this file must not take the place of the list's own rule)
    f = facts(extract(article("仪式上,江苏澄泰化工有限公司投资35亿元的年产30万吨特种树脂项目、连云港岚润装备有限公司投资8亿元的"
                              "海工锚链项目签约落户灌云岚港产业园。")))
    assert ("locatedIn", "年产30万吨特种树脂项目", "灌云岚港产业园") in f, f
    assert ("locatedIn", "海工锚链项目", "灌云岚港产业园") in f, f


def test_the_fields_of_an_agreement_signed_at_the_event_are_its_sectors():
    text = ("25日下午,澄瑞集团东北区域总部落户暨项目签约仪式在岚江经济技术开发区举行。\n"
            "仪式上,岚江市人民政府与澄瑞集团签署战略合作协议,双方将在换热装备、热泵和氢能装备等领域深化合作。")
    f = facts(extract(article(text, title="澄瑞集团东北区域总部落户岚江")))
    ev = "澄瑞集团东北区域总部落户暨项目签约仪式"
    for ind in ("换热装备", "热泵", "氢能装备"):
        assert ("inIndustry", ev, ind) in f, (ind, sorted(x for x in f if x[0] == "inIndustry"))


def test_fine_phosphorus_chemicals_are_a_sector_of_their_own():
    # (a guard: 磷化工 in the lexicon must not cut the finer sector written whole)
    t = types(extract(article("该公司专注精细磷化工领域,产品涵盖磷酸盐。")))
    assert t.get("精细磷化工") == "Industry", t


def test_the_use_of_an_industrial_waste_is_a_sector():
    t = types(extract(article("开发区重点发展粉煤灰高值化利用和新型建材,另一园区重点发展煤矸石综合利用。")))
    assert t.get("粉煤灰高值化利用") == "Industry", t
    assert t.get("煤矸石综合利用") == "Industry", t


def test_a_bare_office_of_the_city_government_is_the_one_written_in_full():
    ex = extract(article("11月19日,岚州市人民政府新闻办公室召开新闻发布会。市政府新闻办公室副主任温立恒主持发布会。"
                         "原平市副市长郑澄回答记者提问,原平市已集聚陶瓷企业40余家,原平市将继续推进。"))
    t = types(ex)
    assert "原平市政府新闻办公室" not in t, t
    assert "市政府新闻办公室" not in t, t


def test_the_home_city_counts_its_name_inside_bodies_and_plans():
    text = ("11月19日上午,忻州市人民政府新闻办公室召开新闻发布会,发布《忻州市推动新型建材产业发展若干措施》。\n"
            "忻州市工信局局长温立恒介绍,忻州经济开发区与忻州市澄岚资本运营有限公司将共同推进。"
            "原平市副市长郑澄介绍,原平市已集聚建材企业40余家。\n"
            "温立恒说,忻州是建材大市。此外,市生态环境局将与山西澄岚学院共建澄岚中试基地。")
    from kg.extract.doc import Doc
    from kg.extract import default_pipeline
    doc = Doc(article(text))
    p = default_pipeline()
    for name, step in zip(p.names, p.steps):
        step(doc)
        if name == "home":
            break
    assert doc.notes["home_city"] == "忻州", doc.notes


def test_what_a_city_is_called_is_no_base():
    t = types(extract(article("温立恒介绍,岚州是全国重要的煤炭基地,粉煤灰年产生量超过4000万吨。")))
    assert "煤炭基地" not in t, t


def test_a_long_responsibility_system_put_into_practice_is_an_initiative():
    t = types(extract(article("全县上下要严格落实“县级领导包抓重点企业责任制”,确保完成全年目标任务。")))
    assert t.get("县级领导包抓重点企业责任制") == "Initiative", t


def test_a_sector_of_elements_names_its_alliance_and_the_alliances_founding():
    f = facts(extract(article("21日,河池锑铋新材料产业联盟成立大会在河池召开。联盟由广西澄丹科技有限公司牵头组建。")))
    assert ("inIndustry", "河池锑铋新材料产业联盟", "锑铋新材料") in f, f
    assert ("inIndustry", "河池锑铋新材料产业联盟成立大会", "锑铋新材料") in f, f


def test_related_links_end_the_article():
    from kg.clean import clean_text
    raw = ("岚州新材料大会开幕\n11月21日,岚州新材料产业发展大会在岚州市开幕,大会由省工业和信息化厅、岚州市人民政府共同主办,"
           "签约项目22个,总投资186.4亿元。\n市委书记温立恒致辞,他表示岚州将持续优化营商环境,为企业发展提供全方位服务。\n"
           "相关链接\n岚州市召开重点项目推进会议\n前郭县新能源装备产业园一期竣工\n")
    text = clean_text(raw)[0].text
    assert "推进会议" not in text and "签约项目22个" in text, text


def test_a_japanese_brand_with_he_after_subsidiary_is_one_name():
    f = facts(extract(article("签约项目中,日本三和澄化株式会社全资子公司三和澄化(岚原)新材料有限公司投资80亿日元,建设改性材料项目。")))
    assert ("subsidiaryOf", "三和澄化(岚原)新材料有限公司", "日本三和澄化株式会社") in f, f


def test_bio_based_materials_are_a_sector():
    t = types(extract(article("签约项目涵盖聚乳酸、生物基尼龙、玉米深加工等领域,全市生物基材料产业产值突破500亿元。")))
    for w in ("聚乳酸", "生物基尼龙", "玉米深加工", "生物基材料"):
        assert t.get(w) == "Industry", (w, t)


def test_a_quoted_programme_launched_with_le_is_an_initiative():
    t = types(extract(article("大会还启动了“澄岚材料应用示范工程”,将在包装等领域推广新产品。")))
    assert t.get("澄岚材料应用示范工程") == "Initiative", t


def test_the_ceremony_of_the_articles_own_act_is_its_event():
    text = ("28日上午,岚州市2026年第四季度重大项目集中开工活动在岚州新区主会场举行。\n"
            "由市政府出资设立的岚州市发展投资集团有限公司投资建设的岚州氢能装备产业园同日开工。\n"
            "广东澄石智造科技有限公司总经理温立恒在开工仪式上发言。今年以来,岚州市已举行三批重大项目集中开工活动。")
    ex = extract(article(text))
    t, f = types(ex), facts(ex)
    assert not any(k.endswith("产业园开工仪式") for k in t), t
    assert not any(k.startswith("三批") for k in t), t
    assert ("participatedIn", "温立恒", "岚州市2026年第四季度重大项目集中开工活动") in f, f


def test_a_government_that_set_up_the_builder_is_not_an_investor_and_a_park_built_takes_no_project():
    f = facts(extract(article("其中,岚州智造科技有限公司投资8000万美元建设智能锻压装备项目;由市政府出资设立的岚州市发展投资集团有限公司"
                              "投资建设的岚州氢能装备产业园同日开工。")))
    assert ("investor", "智能锻压装备项目", "岚州智造科技有限公司") in f, f
    assert not any(x[:2] == ("investor", "智能锻压装备项目") and x[2] != "岚州智造科技有限公司" for x in f), f


def test_a_description_of_a_trade_and_a_place_called_a_base_are_no_names():
    t = types(extract(article("岚州是全国重要的商品粮基地。公司将把岚州工厂建成面向东南亚市场的高端锻压装备生产基地。")))
    assert "商品粮基地" not in t and "高端锻压装备" not in t, t


def test_a_project_of_growing_and_processing_is_one_name():
    f = facts(extract(article("岚川市人民政府与香港澄康医药集团有限公司现场签署药用菌种植及菌棒加工项目,投资12亿元人民币。")))
    assert ("investor", "药用菌种植及菌棒加工项目", "香港澄康医药集团有限公司") in f, f


def test_the_sectors_a_headline_promotes_are_the_promotions():
    text = ("岚州赴港推介硒茶与竹木产业 签约16个项目\n"
            "岚州市昨日在香港举行“2026岚州(香港)招商引资推介会”,现场签约项目16个,总投资128.6亿元人民币。")
    f = facts(extract(article(text)))
    ev = next(x[1] for x in f if x[0] == "date" or x[0] == "projectCount")
    assert ("inIndustry", ev, "硒茶") in f and ("inIndustry", ev, "竹木") in f, sorted(x for x in f if x[0] == "inIndustry")


def test_a_numbered_town_and_the_firm_after_it():
    f = facts(extract(article("11月20日,市委书记温立恒深入桓仁满族自治县调研。\n"
                              "在桓仁,温立恒来到三道河子镇桓仁澄峰酒庄有限公司,了解冰酒生产情况。")))
    assert ("locatedIn", "桓仁澄峰酒庄有限公司", "三道河子镇") in f, f


def test_two_known_sectors_written_as_one_before_chanye():
    t = types(extract(article("他表示,要把生态优势转化为发展优势,大力发展文旅康养产业。")))
    assert t.get("文旅康养") == "Industry", t


def test_a_system_put_into_practice_without_quotes():
    t = types(extract(article("高新区要深化落实林长制,围绕龙头企业招引项目。县里全面实行项目代办员包联责任制。")))
    assert t.get("林长制") == "Initiative" and t.get("项目代办员包联责任制") == "Initiative", t


def test_a_bare_post_opening_a_sentence_is_in_the_firm_of_the_sentence_before():
    text = ("散热模组大厂澄鑫精密工业股份有限公司(澄鑫)昨(23)日在广东省汕尾市举行汕尾二厂落成典礼。\n"
            "澄鑫董事长温立恒在典礼上致词表示,二厂是集团在华南最重要的生产基地。总经理郑澄则说,二期完工后营收将大增。")
    f = facts(extract(article(text)))
    assert ("holdsPosition", "郑澄", "澄鑫精密工业股份有限公司", "总经理") in f, sorted(x for x in f if x[0] == "holdsPosition")


def test_a_firm_reinvested_through_an_offshore_subsidiary_without_de():
    f = facts(extract(article("澄鑫透过开曼群岛子公司澄鑫国际控股有限公司转投资设立澄鑫精密科技(汕尾)有限公司,负责二厂营运。")))
    assert ("subsidiaryOf", "澄鑫精密科技(汕尾)有限公司", "澄鑫国际控股有限公司") in f, f


def test_a_verb_before_group_is_no_firm():
    t = types(extract(article("二期完工后,二厂营收有机会占集团三成。")))
    assert not any(k.endswith("占集团") for k in t), t


def test_the_fields_of_an_agreement_in_a_sentence_that_also_sums_up():
    text = ("11月18日,岚州市人民政府与澄源能源集团有限公司战略合作协议签约仪式在北京举行。\n"
            "根据协议,双方将在光伏、风电、新型储能等领域开展全方位合作,“十五五”期间集团计划在岚州累计投资260亿元以上。")
    f = facts(extract(article(text)))
    ev = "岚州市人民政府与澄源能源集团有限公司战略合作协议签约仪式"
    assert ("inIndustry", ev, "光伏") in f and ("inIndustry", ev, "新型储能") in f, sorted(x for x in f if x[0] == "inIndustry")


def test_a_group_sets_up_a_firm_through_its_subsidiary_in_a_city():
    f = facts(extract(article("为推动项目落地,澄源集团将由其全资子公司澄源新疆能源有限公司在哈密设立澄源(哈密)新能源有限公司。"
                              "澄源集团有限公司总部位于北京。")))
    assert ("subsidiaryOf", "澄源新疆能源有限公司", "澄源集团有限公司") in f, f
    assert not any(x[:2] == ("locatedIn", "澄源新疆能源有限公司") for x in f), f


def test_a_project_to_start_later_is_not_placed_where_it_was_signed():
    text = ("11月18日,哈密市人民政府与澄源能源集团有限公司战略合作协议签约仪式在北京举行。\n"
            "签约仪式上,澄源新疆能源有限公司与哈密市人民政府签订哈密300兆瓦压缩空气储能项目投资协议,项目总投资22亿元,计划明年4月开工。哈密市委书记说,哈密将提供保障。")
    f = facts(extract(article(text)))
    assert not any(x[:2] == ("locatedIn", "哈密300兆瓦压缩空气储能项目") and x[2] == "北京" for x in f), f


def test_a_fine_breed_word_stays_inside_a_firms_name():
    f = facts(extract(article("澄川牧业集团与平凉市澄源发展建设投资集团有限公司合资成立平凉澄川良种牛业有限公司,投资4.6亿元建设肉牛繁育项目。")))
    assert ("subsidiaryOf", "平凉澄川良种牛业有限公司", "平凉市澄源发展建设投资集团有限公司") in f, f


def test_a_fund_set_up_by_one_body_with_another_after_a_comma():
    f = facts(extract(article("同时,由岚州市国有资本投资运营有限公司联合澄江省产业投资引导基金,设立规模15亿元的岚州石墨产业投资基金。")))
    assert ("partnerOf", "岚州市国有资本投资运营有限公司", "澄江省产业投资引导基金") in f, f


def test_the_kind_of_project_a_policy_rewards_is_no_project():
    t = types(extract(article("对新落户的石墨深加工项目,按设备投资额的10%给予最高3000万元补助。岚州是全国重要的石墨生产和加工基地。")))
    assert "石墨深加工项目" not in t and "加工基地" not in t, t


def test_money_a_fund_puts_into_a_firms_project_is_not_the_projects_cost():
    text = ("27日下午,岚州绿色钛产业发展基金揭牌暨项目签约仪式举行。\n岚州绿色钛产业发展基金总规模20亿元,首期规模8亿元。\n"
            "仪式上,基金与云南澄源新材料有限公司签署投资协议,将向该公司年产3万吨钛合金项目投资5亿元。"
            "该项目总投资36亿元,选址岚丰产业园区。")
    f = facts(extract(article(text)))
    amounts = {x[2].value for x in f if x[:2] == ("investment", "年产3万吨钛合金项目")}
    assert amounts == {3600000000}, f
    assert ("investor", "年产3万吨钛合金项目", "云南澄源新材料有限公司") in f, f
    assert ("investor", "年产3万吨钛合金项目", "岚州绿色钛产业发展基金") in f, f
    assert ("locatedIn", "年产3万吨钛合金项目", "岚丰产业园区") in f, f


def test_a_prefecture_written_before_a_sector_is_where_not_which():
    t = types(extract(article("今年1至10月,楚雄州钒产业实现产值186亿元,同比增长21.4%。")))
    assert "楚雄州钒" not in t, t


def test_a_park_written_before_a_projects_capacity_in_a_list():
    text = ("今天上午,岚源县重大项目观摩暨集中签约推进会召开。\n"
            "观摩组一行先后实地察看了岚源工业园区年产15万吨多晶硅扩能项目、澄锌新材料有限公司高纯锌生产线等8个重点项目。")
    ex = extract(article(text))
    t, f = types(ex), facts(ex)
    assert t.get("岚源工业园区") == "Park" and t.get("年产15万吨多晶硅扩能项目") == "Project", t
    assert ("locatedIn", "年产15万吨多晶硅扩能项目", "岚源工业园区") in f, f


def test_a_system_put_into_practice_well_and_a_project_a_body_carries_out():
    ex = extract(article("全县上下要落实好“项目代办员包联责任制”。观摩组察看了岚源县国有资产投资经营有限责任公司实施的岚源湖滨康养度假区项目。"))
    t, f = types(ex), facts(ex)
    assert t.get("项目代办员包联责任制") == "Initiative", t
    assert ("investor", "岚源湖滨康养度假区项目", "岚源县国有资产投资经营有限责任公司") in f, f


def test_a_sputtering_target_project_keeps_its_latin_and_product_name():
    f = facts(extract(article("其中,澄丹科技有限公司投资6000万美元建设AZO靶材项目;澄锡集团有限公司投资9亿元建设焊料扩产项目。")))
    assert ("investor", "AZO靶材项目", "澄丹科技有限公司") in f, f


def test_two_sectors_written_as_one_inside_a_plans_name():
    ex = extract(article("开发区还发布了《岚州高新区支持新能源电池材料产业高质量发展若干措施》。"))
    t, f = types(ex), facts(ex)
    assert ("inIndustry", "岚州高新区支持新能源电池材料产业高质量发展若干措施", "新能源电池材料") in f, f
    assert "电池材料" not in t, t


def test_a_nickname_in_quotes_is_no_programme_and_no_place():
    t = types(extract(article("岚州是全国重要的有色金属基地,岚源县被誉为“中国锑都”,已集聚上下游企业36家。")))
    assert "中国锑都" not in t and "中国" not in t, t


def test_a_platform_a_government_set_up_or_a_committee_holds_is_its_subsidiary():
    f = facts(extract(article("随后,书记来到辽宁澄都生物科技有限公司,该公司由市政府出资组建的本溪市岚峰投资集团有限公司与北京澄创生物技术有限公司合资成立。"
                              "岚仁高新区管委会所属国有平台岚仁高新区澄发集团有限公司与深圳市澄擎科技有限公司合资成立了贵州澄擎科技有限公司。")))
    assert any(x[:2] == ("subsidiaryOf", "本溪市岚峰投资集团有限公司") for x in f), f
    assert ("subsidiaryOf", "岚仁高新区澄发集团有限公司", "岚仁高新区管委会") in f, f
