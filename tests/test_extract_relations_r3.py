"""Relation patterns on hand-written sentences (third file: rules of session 10)."""

from extract_helpers import article, facts, types
from kg.extract import extract


def test_a_product_made_of_ordinary_words_before_production_is_no_firm():
    ex = extract(article("新加坡宏泰工业私人有限公司在开发区设立宏泰精工(常州)有限公司,建设精密轴承生产项目。"))
    f, t = facts(ex), types(ex)
    assert t.get("精密轴承生产项目") == "Project", t
    assert "精密轴承" not in t, t
    assert not any(x[0] == "investor" and x[2] == "精密轴承" for x in f), f


def test_no_brand_is_guessed_for_a_project_whose_investor_the_text_states():
    ex = extract(article("其中,江西赣能光电科技有限公司投资28亿元建设高效TOPCon光伏组件项目。"))
    f, t = facts(ex), types(ex)
    assert ("investor", "高效TOPCon光伏组件项目", "江西赣能光电科技有限公司") in f, f
    assert "高效" not in t, t


def test_a_korean_or_japanese_legal_form_opens_with_its_country_and_a_role_noun_is_not_part_of_a_name():
    t = types(extract(article(
        "高新区管委会与日本大和精工株式会社签约。其中,车企的一级供应商安徽瑞驰汽车零部件有限公司投资6亿元建设底盘件项目。")))
    assert t.get("日本大和精工株式会社") == "Company", t
    assert "精工株式会社" not in t, t
    assert t.get("安徽瑞驰汽车零部件有限公司") == "Company", t
    assert not any(k.startswith("一级供应商") or k.startswith("供应商") for k in t), t


def test_and_the_company_before_a_post_names_no_firm_and_listed_firms_are_no_name():
    ex = extract(article("市委副书记、市长王立新与公司董事长周海明共同敲响上市宝钟。目前全市共有境内外上市公司25家。"))
    t = types(ex)
    assert t.get("王立新") == "Person" and t.get("周海明") == "Person", t
    assert not any(k.endswith("与公司") for k in t), t
    assert "境内外上市公司" not in t, t


def test_a_japanese_consul_s_four_character_name():
    t = types(extract(article("日本国驻上海总领事馆领事山口和夫,新加坡企业代表陈志明出席活动。")))
    assert t.get("山口和夫") == "Person", t


def test_a_round_table_and_a_celebration_are_events_and_attendance_follows_the_event_named():
    ex = extract(article(
        "本报讯6月3日,2025烟台外商投资圆桌会在烟台经济技术开发区召开。烟台市副市长陈光明出席。"
        "当天下午,烟台市人民政府在烟台高新技术产业开发区举行海川股份上市庆祝活动,烟台高新区党工委书记刘海军出席并致辞。",
        dateline="2025-06-04"))
    f, t = facts(ex), types(ex)
    assert t.get("2025烟台外商投资圆桌会") == "Event", t
    assert t.get("海川股份上市庆祝活动") == "Event", t
    assert ("participatedIn", "陈光明", "2025烟台外商投资圆桌会") in f, f
    assert ("participatedIn", "刘海军", "海川股份上市庆祝活动") in f, f
    assert ("participatedIn", "刘海军", "2025烟台外商投资圆桌会") not in f, f


def test_a_post_followed_by_a_name_is_not_in_the_next_person_s_chain():
    f = facts(extract(article("无锡市委书记赵建国,市委副书记、市长钱卫东与公司董事长吴志远共同敲钟。")))
    assert ("holdsPosition", "钱卫东", "无锡市委", "市委副书记") in f, f
    assert not any(x[0] == "holdsPosition" and x[1] == "吴志远" and x[3] == "市委副书记" for x in f), f


def test_a_firm_that_adds_capital_to_build_after_signing_invests_and_the_project_is_signed_there():
    ex = extract(article(
        "本报讯4月9日,2025常州外资企业恳谈会在常州经济开发区召开。常州经济开发区管理委员会与日本松和精机株式会社签约,"
        "松和精机将增资6000万美元,在常州经开区建设精密齿轮扩产项目。德国克莱因医疗器械有限公司投资2000万欧元在常州钟楼经济开发区建设的医用耗材生产项目也现场签约。",
        dateline="2025-04-10"))
    f = facts(ex)
    ev = "2025常州外资企业恳谈会"
    assert ("investor", "精密齿轮扩产项目", "日本松和精机株式会社") in f, f
    assert ("signedAt", "精密齿轮扩产项目", ev) in f, f
    assert ("locatedIn", "医用耗材生产项目", "常州钟楼经济开发区") in f, f
    assert any(e.label == "日本松和精机株式会社" and "松和精机" in e.aliases for e in ex.entities)


def test_a_brand_with_tong_in_it_after_its_province():
    t = types(extract(article("研究院由湘潭大学、湘潭高新技术产业开发区管理委员会和湖南华同辉材料科技有限公司共同建设。")))
    assert t.get("湖南华同辉材料科技有限公司") == "Company", t
    assert "辉材料科技有限公司" not in t, t


def test_a_district_government_is_not_located_in_its_district_and_three_governments_sign_as_partners():
    ex = extract(article("会上,保定市人民政府与北京市房山区人民政府、天津市西青区人民政府签署京津冀先进制造业协同发展合作协议,三地将共建产业链。"))
    f = facts(ex)
    govs = ["保定市人民政府", "北京市房山区人民政府", "天津市西青区人民政府"]
    for i, a in enumerate(govs):
        for b in govs[i + 1 :]:
            assert any(x[0] == "partnerOf" and {x[1], x[2]} == {a, b} for x in f), (a, b, f)
    assert not any(x[0] == "locatedIn" and x[1] in govs for x in f), f
    assert not any("人民政府" in e.aliases for e in ex.entities)


def test_a_joint_venture_founded_by_two_firms_builds_the_project_and_is_a_subsidiary_of_both():
    f = facts(extract(article(
        "其中,高炉煤气发电项目投资4亿元,由唐山钢联特钢有限公司与上海清源能源科技有限公司合资组建的唐山钢联清源能源有限公司建设运营。"
        "唐山市城市发展集团有限公司还将与北京启明园区运营管理有限公司共同出资组建唐山启明园区运营有限公司。")))
    assert ("investor", "高炉煤气发电项目", "唐山钢联清源能源有限公司") in f, f
    assert ("subsidiaryOf", "唐山钢联清源能源有限公司", "唐山钢联特钢有限公司") in f, f
    assert ("subsidiaryOf", "唐山钢联清源能源有限公司", "上海清源能源科技有限公司") in f, f
    assert ("subsidiaryOf", "唐山启明园区运营有限公司", "唐山市城市发展集团有限公司") in f, f
    assert ("subsidiaryOf", "唐山启明园区运营有限公司", "北京启明园区运营管理有限公司") in f, f


def test_a_project_built_in_a_county_of_a_city_and_a_firm_that_signed_with_a_county_invests():
    f = facts(extract(article(
        "其中,宁波海纳纺织有限公司投资3亿元在湛江市遂溪县建设功能面料项目;"
        "福建清源茶业有限公司与安溪县人民政府签约,投资1.5亿元在安溪县建设乌龙茶精制加工项目。")))
    assert ("investor", "功能面料项目", "宁波海纳纺织有限公司") in f, f
    assert ("locatedIn", "功能面料项目", "遂溪") in f or ("locatedIn", "功能面料项目", "遂溪县") in f, f
    assert ("investor", "乌龙茶精制加工项目", "福建清源茶业有限公司") in f, f
    assert ("investor", "乌龙茶精制加工项目", "安溪县人民政府") not in f, f


def test_projects_of_a_counted_batch_that_started_that_day_are_signed_at_the_event():
    ex = extract(article(
        "本报讯5月8日,桐城市农产品加工产业园开工仪式在桐城市举行。首批入园项目6个、总投资12亿元,当天集中开工。"
        "其中,安徽桐丰粮油有限公司投资5亿元建设年加工20万吨菜籽油项目;桐城市青山茶叶农民专业合作社投资3000万元建设茶叶分拣包装项目。"
        "开工仪式上,产业园与8家农民专业合作社签订订单种植协议。", dateline="2025-05-09"))
    f, t = facts(ex), types(ex)
    ev = "桐城市农产品加工产业园开工仪式"
    assert ("signedAt", "年加工20万吨菜籽油项目", ev) in f, f
    assert ("signedAt", "茶叶分拣包装项目", ev) in f, f
    assert any(k.endswith("青山茶叶农民专业合作社") and v == "Association" for k, v in t.items()), t
    assert "农民专业合作社" not in t, t


def test_a_firm_founded_somewhere_by_one_firm_is_its_subsidiary():
    f = facts(extract(article("马来西亚丰源机械私人有限公司投资2000万美元,在全椒经开区设立丰源机械(滁州)有限公司,建设精密铸件项目。")))
    assert ("subsidiaryOf", "丰源机械(滁州)有限公司", "马来西亚丰源机械私人有限公司") in f, f


def test_a_kind_of_project_is_no_project_name_and_an_arrival_list_gives_the_event_its_sectors():
    ex = extract(article(
        "本报讯6月12日,全椒经济开发区企业集中入驻仪式在全椒县举行,9家企业的9个项目集中签约入驻。"
        "此次入驻的项目主要集中在生物医药、新材料等产业。会上还签约了一批人才项目,并推动协作项目落地。", dateline="2025-06-13"))
    f, t = facts(ex), types(ex)
    assert "人才项目" not in t and "协作项目" not in t, t
    ev = "全椒经济开发区企业集中入驻仪式"
    assert ("inIndustry", ev, "生物医药") in f and ("inIndustry", ev, "新材料") in f, f


def test_a_firm_s_works_and_a_project_manager_are_no_project_names():
    t = types(extract(article(
        "会前,市长一行调研了江西赣锋储能科技有限公司项目建设现场。中建三局江西分公司项目经理王磊介绍了施工进度。")))
    assert not any(k.endswith("有限公司项目") for k in t), t
    assert not any(k.endswith("分公司项目") for k in t), t


def test_an_item_of_a_sector_list_is_no_firm_by_its_ending():
    t = types(extract(article(
        "目前,襄阳已形成“氟矿—精细氟化工—锂电材料—储能电池”的完整链条,重点发展精细氟化工、锂电材料、储能、电池回收等细分领域。"
        "公司深耕精细氟化工和锂电材料领域。")))
    assert t.get("精细氟化工") == "Industry", t


def test_a_joint_venture_agreed_in_the_second_item_of_a_sentence_and_the_project_it_builds():
    f = facts(extract(article(
        "签约仪式上,德国克劳斯机械集团与南通经济技术开发区管委会签约,将投资1亿欧元在开发区建设克劳斯精密传动项目;"
        "德国福斯碳纤维有限公司与江苏通航新材料有限公司签署合资协议,共同出资设立南通福航复合材料有限公司,总投资2亿欧元建设碳纤维复合材料部件项目。")))
    jv = "南通福航复合材料有限公司"
    assert ("subsidiaryOf", jv, "德国福斯碳纤维有限公司") in f and ("subsidiaryOf", jv, "江苏通航新材料有限公司") in f, f
    assert not any(x[0] == "subsidiaryOf" and x[1] == jv and x[2] in ("德国克劳斯机械集团", "南通经济技术开发区管委会") for x in f), f
    assert ("investor", "碳纤维复合材料部件项目", jv) in f, f


def test_an_online_signing_in_quotes_is_an_event_and_firms_that_invest_together_are_partners():
    ex = extract(article(
        "本报讯3月18日下午,芜湖市2026年一季度重点项目“云签约”活动举行。会上,芜湖高新区管委会与上海晶澜光电材料有限公司签约。"
        "根据协议,晶澜光电将投资12亿元,在芜湖高新区建设蓝宝石衬底及外延片项目;"
        "合肥恒储能源科技有限公司与芜湖建设投资有限公司共同投资8亿元,在芜湖经济技术开发区建设储能变流器项目。", dateline="2026-03-19"))
    f, t = facts(ex), types(ex)
    assert t.get("芜湖市2026年一季度重点项目云签约活动") == "Event", t
    assert t.get("蓝宝石衬底及外延片项目") == "Project", t
    assert ("investor", "蓝宝石衬底及外延片项目", "上海晶澜光电材料有限公司") in f, f
    assert ("investor", "储能变流器项目", "合肥恒储能源科技有限公司") in f, f
    assert ("investor", "储能变流器项目", "芜湖建设投资有限公司") in f, f
    assert any(x[0] == "partnerOf" and {x[1], x[2]} == {"合肥恒储能源科技有限公司", "芜湖建设投资有限公司"} for x in f), f


def test_a_government_body_and_a_firm_that_sign_are_partners():
    f = facts(extract(article("会上,芜湖经济技术开发区管委会与上海晶澜光电材料有限公司签约,双方将共同推进项目建设。")))
    assert any(x[0] == "partnerOf" and {x[1], x[2]} == {"芜湖经济技术开发区管委会", "上海晶澜光电材料有限公司"} for x in f), f


def test_a_grid_connection_event_named_after_its_project_signs_it_and_is_held_where_the_site_is():
    ex = extract(article(
        "本报讯11月10日,哈密50万千瓦“光储一体化”基地项目全容量并网投产活动在伊吾县项目现场举行。哈密市委副书记、市长王建军出席活动。",
        dateline="2026-11-11"))
    f, t = facts(ex), types(ex)
    ev = "哈密50万千瓦光储一体化基地项目全容量并网投产活动"
    assert t.get(ev) == "Event", t
    assert ("signedAt", "哈密50万千瓦光储一体化基地项目", ev) in f, f
    assert any(x[0] == "location" and x[1] == ev and x[2].startswith("伊吾") for x in f), f


def test_a_firm_written_after_its_place_and_de_sits_there():
    f = facts(extract(article(
        "在入选企业中,定州市的河北恒泰管业科技有限公司主攻复合管材;廊坊高新区的廊坊智联电气有限公司深耕智能电网装备领域。")))
    assert any(x[0] == "locatedIn" and x[1] == "河北恒泰管业科技有限公司" and x[2].startswith("定州") for x in f), f
    assert ("locatedIn", "廊坊智联电气有限公司", "廊坊高新区") in f, f


def test_the_sector_a_firm_is_described_by_before_its_name():
    f = facts(extract(article("首批入驻企业中,深耕现代物流的江苏通达供应链集团有限公司将区域总部设在大厦。")))
    assert ("inIndustry", "江苏通达供应链集团有限公司", "现代物流") in f, f


def test_a_controlling_shareholder_and_a_listed_firm_s_market_are_no_firm_names():
    t = types(extract(article("安庆国控是安庆市国资委全资控股的国有资本运营平台。华瑞新材控股股东将变更为安庆国控,华瑞新材是一家沪市上市公司。")))
    assert not any(k.endswith("控股") for k in t), t
    assert "沪市上市公司" not in t, t


def test_new_towns_and_science_cities_are_parks_and_bare_kinds_are_no_names():
    t = types(extract(article(
        "中试成果将回到台州智造新城实现产业化,研发放在杭州未来科技城。当天,运营公司同步揭牌。该项目也是台州产业链的重要补链项目。"
        "市里正在聚力建设新城。")))
    assert t.get("台州智造新城") == "Park", t
    assert t.get("杭州未来科技城") == "Park", t
    assert "运营公司" not in t and "重要补链项目" not in t, t
    assert not any(k.endswith("建设新城") for k in t), t


def test_who_builds_runs_or_carries_out_a_project_invests_in_it():
    f = facts(extract(article(
        "由甘肃陇能新能源投资有限公司投资建设、甘肃陇能新能源运维有限公司负责运营的武威100万千瓦风光储一体化项目1日实现全容量并网。"
        "在石油化工领域,兰州石化80万吨/年乙烯改造项目总投资120亿元,由兰州龙华石油化工有限公司实施。")))
    p = "武威100万千瓦风光储一体化项目"
    assert ("investor", p, "甘肃陇能新能源投资有限公司") in f and ("investor", p, "甘肃陇能新能源运维有限公司") in f, f
    assert ("investor", "兰州石化80万吨/年乙烯改造项目", "兰州龙华石油化工有限公司") in f, f


def test_a_ceremony_named_after_a_firm_s_project_signs_the_project_and_the_firm_invests():
    ex = extract(article(
        "本报讯7月12日上午,赣州绿源再生资源有限公司年处理5万吨退役动力电池综合回收利用项目一期投产仪式在赣州经济技术开发区举行。",
        dateline="2025-07-13"))
    f = facts(ex)
    ev = next(e.label for e in ex.entities if e.type == "Event")
    p = "年处理5万吨退役动力电池综合回收利用项目"
    assert ("signedAt", p, ev) in f, f
    assert ("investor", p, "赣州绿源再生资源有限公司") in f, f


def test_the_projects_of_an_agreement_just_signed_are_signed_at_the_event():
    ex = extract(article(
        "本报讯3月18日,安庆市2026年一季度重点项目集中签约仪式举行。会上,安庆高新区管委会与上海澄明光电有限公司签约。"
        "根据协议,澄明光电将投资10亿元,在安庆高新区建设激光雷达模组项目。", dateline="2026-03-19"))
    f = facts(ex)
    assert ("signedAt", "激光雷达模组项目", "安庆市2026年一季度重点项目集中签约仪式") in f, f


def test_a_quoted_programme_carried_out_is_an_initiative():
    t = types(extract(article("今年园区将实施“稀土产业高质量发展三年行动”,力争规上工业总产值突破500亿元。")))
    assert t.get("稀土产业高质量发展三年行动") == "Initiative", t


def test_a_bare_phase_named_by_what_it_is_is_that_project():
    ex = extract(article("此外,鹰潭经开区管委会还与赣锋汽车集团股份有限公司签署了二期项目合作协议,二期即赣锋汽车华中研发中心项目,总投资15亿元。"))
    t = types(ex)
    assert "二期项目" not in t, t
    assert any(e.label == "赣锋汽车华中研发中心项目" and "二期项目" in e.aliases for e in ex.entities)


def test_a_government_named_only_as_the_head_of_its_commission_s_name_is_not_named():
    f = facts(extract(article(
        "签约仪式在芜湖举行,芜湖市委书记王东明,市委副书记、市长李志强出席。芜湖市人民政府国有资产监督管理委员会将成为公司实际控制人。")))
    assert ("holdsPosition", "李志强", None, "市长") in f, f
    assert not any(x[0] == "holdsPosition" and x[1] == "李志强" and x[2] == "芜湖市人民政府" for x in f), f


def test_embassy_and_foreign_ministry_posts():
    ex = extract(article("中国驻马来西亚大使馆经济商务参赞李明,德国萨克森州经济部国务秘书汉斯·穆勒出席活动。"))
    f, t = facts(ex), types(ex)
    assert ("holdsPosition", "李明", "中国驻马来西亚大使馆", "经济商务参赞") in f, f
    assert t.get("德国萨克森州经济部") == "GovernmentBody", t
    assert ("holdsPosition", "汉斯·穆勒", "德国萨克森州经济部", "国务秘书") in f, f


def test_a_subsidiary_set_up_somewhere_and_one_that_belongs_to_a_group():
    f = facts(extract(article(
        "广州速联跨境电商有限公司在赣州设立的全资子公司赣州速联跨境电商有限公司也同步入驻。"
        "市长调研了荆门楚润新材料有限公司,该公司隶属湖北楚润化工集团有限公司,主要生产正极材料。")))
    assert ("subsidiaryOf", "赣州速联跨境电商有限公司", "广州速联跨境电商有限公司") in f, f
    assert ("subsidiaryOf", "荆门楚润新材料有限公司", "湖北楚润化工集团有限公司") in f, f


def test_founders_of_an_alliance_are_not_launched_and_a_weekly_report_is_no_event():
    ex = extract(article(
        "襄阳招商周报丨签约、拜访、开工\n本报讯昨天,襄阳市新能源汽车产业联盟成立大会在襄阳高新区召开。"
        "联盟由襄阳华泰汽车零部件股份有限公司、湖北文理学院、襄阳市汽车产业研究院等单位共同发起成立。"
        "襄阳高新区今年已签约汽车零部件项目9个,总投资66亿元。", dateline="2026-05-10"))
    f, t = facts(ex), types(ex)
    ev = "襄阳市新能源汽车产业联盟成立大会"
    assert not any(k.startswith("襄阳招商周") for k in t), t
    for founder in ("襄阳华泰汽车零部件股份有限公司", "湖北文理学院", "襄阳市汽车产业研究院"):
        assert ("launched", ev, founder) not in f, f
    assert not any(x[0] == "projectCount" and x[1] == ev for x in f), f


def test_a_cathode_material_stays_in_a_project_name_and_a_new_venture_s_descriptor_is_not_in_its_name():
    ex = extract(article(
        "会上,宜昌市城市发展投资集团有限公司与武汉光辉科技有限公司共同出资设立合资公司宜昌光辉智能装备有限公司。"
        "香港恒泰国际控股有限公司投资3亿美元建设锂电池正极材料前驱体项目。香港湖北社团总会会长出席。"))
    t = types(ex)
    assert t.get("宜昌光辉智能装备有限公司") == "Company", t
    assert not any(k.startswith("合资公司") for k in t), t
    assert t.get("锂电池正极材料前驱体项目") == "Project", t
    assert t.get("香港湖北社团总会") == "Association", t


def test_projects_described_in_a_paragraph_that_opens_on_a_signing_are_signed_there():
    ex = extract(article(
        "本报讯5月8日,2026年宜昌市招商引资大会暨重大项目集中签约仪式在宜昌高新区举行。\n"
        "夷陵区人民政府与宜昌绿川化工有限公司签约,绿川化工投资30亿元,在夷陵经济开发区建设年产20万吨电子化学品项目。"
        "上海瀚舟生物医药有限公司投资12亿元,在宜昌高新区建设生物药中试基地项目。", dateline="2026-05-09"))
    f = facts(ex)
    assert ("signedAt", "生物药中试基地项目", "2026年宜昌市招商引资大会暨重大项目集中签约仪式") in f, f


def test_a_park_named_modern_and_a_project_built_in_a_park_keep_apart():
    ex = extract(article(
        "其他开工项目中,湖州恒达智能装备有限公司投资10亿元,在中德湖州现代产业园建设智能装备产业园项目;"
        "浙江康宁生物医药有限公司投资8亿元,在南太湖科创绿谷建设创新药制剂项目。"))
    f, t = facts(ex), types(ex)
    assert t.get("中德湖州现代产业园") == "Park", t
    assert t.get("南太湖科创绿谷") == "Park", t
    assert ("locatedIn", "智能装备产业园项目", "中德湖州现代产业园") in f, f
    assert ("investor", "智能装备产业园项目", "湖州恒达智能装备有限公司") in f, f


def test_joined_processes_a_firm_before_a_capacity_and_a_big_maker_s_descriptor():
    ex = extract(article(
        "其中,长治中晋氢能源科技有限公司投资8亿元在长治市建设焦炉煤气制氢及加氢一体化项目。"
        "同时,锂源集团年产8万吨磷酸铁项目总投资10亿元。日本汽车零部件大厂丰和精工株式会社代表出席。"))
    t = types(ex)
    assert t.get("焦炉煤气制氢及加氢一体化项目") == "Project", t
    assert t.get("年产8万吨磷酸铁项目") == "Project", t
    assert t.get("丰和精工株式会社") == "Company", t
    assert not any(k.startswith("锂源集团年产") or k.endswith("大厂丰和精工株式会社") for k in t), t


def test_two_products_after_a_capacity_make_one_project():
    t = types(extract(article("其中,年产3万吨锂电池电解液及添加剂项目总投资20亿元,由福建宁瑞新材料科技有限公司建设。")))
    assert t.get("年产3万吨锂电池电解液及添加剂项目") == "Project", t


def test_a_capacity_before_two_joined_sectors_opens_the_project_name():
    f = facts(extract(article("中能新源集团将在酒泉高新技术产业开发区建设年产5万吨绿氢及绿色甲醇项目,总投资30亿元。")))
    p = "年产5万吨绿氢及绿色甲醇项目"
    assert ("locatedIn", p, "酒泉高新技术产业开发区") in f, f
    assert any(x[0] == "investment" and x[1] == p for x in f), f


def test_a_building_put_into_use_at_its_ceremony_is_launched_there():
    ex = extract(article(
        "本报讯26日上午,潍坊高新区总部经济大厦启用暨企业集中入驻仪式在潍坊高新区举行,首批20家企业集中入驻大厦。", dateline="2026-09-27"))
    f = facts(ex)
    ev = next(e.label for e in ex.entities if e.type == "Event")
    assert ("launched", ev, "潍坊高新区总部经济大厦") in f, f


def test_the_firms_listed_as_moving_in_settle_in_the_building_of_the_ceremony():
    f = facts(extract(article(
        "本报讯26日上午,潍坊高新区总部经济大厦启用暨企业集中入驻仪式在潍坊高新区举行。"
        "首批入驻企业中,山东潍达供应链集团有限公司将区域总部设在大厦;潍坊鲁信数字科技有限公司主攻工业互联网。", dateline="2026-09-27")))
    for firm in ("山东潍达供应链集团有限公司", "潍坊鲁信数字科技有限公司"):
        assert any(x[0] == "settledIn" and x[1] == firm and x[2].endswith("总部经济大厦") for x in f), f


def test_tibetan_names_prefecture_posts_and_a_graded_capacity():
    ex = extract(article("阿坝州委常委、副州长扎西多吉出席。四川锂源新能源材料有限公司将投资5亿元建设3万吨级废旧锂电池综合回收项目。"))
    f, t = facts(ex), types(ex)
    assert t.get("扎西多吉") == "Person", t
    assert ("holdsPosition", "扎西多吉", "阿坝州委", "州委常委") in f, f
    assert t.get("3万吨级废旧锂电池综合回收项目") == "Project", t
