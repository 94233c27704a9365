"""Names, posts, places and sectors on hand-written sentences (twelfth file: rules of session 19).

Each names firms, people and projects invented for the test (real places only where the lexicon of
administrative places is what is tested), never those of a gold file."""

from extract_helpers import article, facts, types


def posts(f: set) -> set:
    """(person, body) of the holdsPosition facts (their titles left out)."""
    return {x[1:3] for x in f if x[0] == "holdsPosition"}
from kg.extract import extract
from kg.extract.lexicon import lexicon


def test_a_transliterated_name_ends_before_elected():
    ex = extract(article("大会选举产生了理事会,喀什绿洲果业集团有限公司董事长吐尔洪·阿西木当选协会会长,"
                         "副会长由古丽娜·热合曼担任。"))
    t, f = types(ex), facts(ex)
    assert t.get("吐尔洪·阿西木") == "Person", t
    assert not any(k.startswith("吐尔洪·阿西木") and k != "吐尔洪·阿西木" for k in t), t
    assert ("吐尔洪·阿西木", "喀什绿洲果业集团有限公司") in posts(f), f
    assert not any(k.startswith("由") for k in t), t


def test_prefecture_committee_and_administrative_office_posts_name_the_prefectures_bodies():
    text = ("29日,和田地区新能源产业推介会在和田市召开。地委委员、行署副专员赵恒远,和田市委书记钱明出席。")
    f = facts(extract(article(text, title="和田地区新能源产业推介会召开")))
    assert ("赵恒远", "和田地委") in posts(f), posts(f)
    assert ("赵恒远", "和田地区行署") in posts(f), posts(f)
    assert ("钱明", "和田市委") in posts(f), posts(f)


def test_an_autonomous_prefecture_goes_by_its_short_name_and_level():
    lex = lexicon()
    assert lex.place_label("黔南州") == lex.place_label("黔南布依族苗族自治州")
    text = ("18日,黔南布依族苗族自治州人民政府与杭州溪岚新材料集团有限公司战略合作协议签约仪式在都匀市举行。"
            "根据协议,黔南州人民政府将为项目落地提供保障。")
    t = types(extract(article(text)))
    assert "黔南布依族苗族自治州人民政府" in t, t
    assert "黔南州人民政府" not in t, t


def test_the_prefectures_committee_is_still_read_after_its_short_name_and_level():
    text = "签约仪式在西昌举行。凉山州委常委、副州长沈立新出席并致辞。"
    f = facts(extract(article(text)))
    assert ("沈立新", "凉山州委") in posts(f), posts(f)


def test_a_county_named_after_its_city_keeps_its_full_name():
    lex = lexicon()
    assert lex.place_label("阜新蒙古族自治县") != lex.place_label("阜新市")
    assert lex.place_label("阜新县") == lex.place_label("阜新蒙古族自治县")


def test_what_a_firm_is_written_before_its_name_is_no_part_of_it():
    t = types(extract(article("港股上市的医疗器材商澄岳医疗科技集团有限公司昨日举行仪式。"
                              "电子级粉体厂溪邦材料科技股份有限公司今日投产。"
                              "全球知名的锂电池制造商岚拓新能源科技股份有限公司出席。")))
    for firm in ("澄岳医疗科技集团有限公司", "溪邦材料科技股份有限公司", "岚拓新能源科技股份有限公司"):
        assert t.get(firm) == "Company", t
    assert not any(k.startswith(("医疗器材商", "电子级粉体厂", "锂电池制造商")) for k in t), t


def test_e_commerce_and_a_waterworks_are_no_firms_role():
    t = types(extract(article("临沂岚桥跨境电商产业园有限公司与江南造船厂有限公司签约。")))
    assert "临沂岚桥跨境电商产业园有限公司" in t or "岚桥跨境电商产业园有限公司" in t, t
    assert "江南造船厂有限公司" in t, t


def test_a_research_institutes_branch_is_its_own_institute():
    t = types(extract(article("仪式上,开发区管委会还与中国汽车技术研究中心华南分院、国家新材料测试评价研究院西北分院签约。")))
    assert t.get("国家新材料测试评价研究院西北分院") == "ResearchInstitute", t


def test_a_brand_and_a_place_before_a_capacity_stay_in_a_project_of_two_products():
    text = ("基金与江苏溪澄新能源科技有限公司签署投资协议,拟出资3亿元参与投资溪澄张掖年产5GWh钠离子电池及系统集成项目,"
            "该项目总投资25亿元。")
    t = types(extract(article(text)))
    assert t.get("溪澄张掖年产5GWh钠离子电池及系统集成项目") == "Project", t


def test_a_build_verb_before_a_project_opens_no_part_of_its_name():
    t = types(extract(article("二期将投资新台币20亿元扩建年产3万吨高纯纳米粉体产线项目。岚澄公司新建年产2万吨电池隔膜项目。")))
    assert t.get("年产3万吨高纯纳米粉体产线项目") == "Project", t
    assert t.get("年产2万吨电池隔膜项目") == "Project", t
    assert not any(k.startswith(("扩建", "新建")) or "公司新建" in k for k in t), t


def test_traditional_sectors_of_a_county_plan_are_industries():
    t = types(extract(article("县委书记指出,要推动棉纺、服装、家纺产业向高端化发展,做强中药材和乳制品两大特色产业。")))
    for sector in ("棉纺", "服装", "家纺", "中药材", "乳制品"):
        assert t.get(sector) == "Industry", (sector, t)


def test_a_legal_name_opens_with_its_place_over_a_brand_cut_into_pieces():
    text = ("日本企业澄野炭素株式会社与宁夏岚合炭材有限公司合资设立的宁夏丸岚正合特种石墨有限公司,投资3000万美元建设特种石墨项目。"
            "在隆德县,调研组走进宁夏六盘岭肉羊产业有限公司。")
    t = types(extract(article(text)))
    assert t.get("宁夏丸岚正合特种石墨有限公司") == "Company", t
    assert t.get("宁夏六盘岭肉羊产业有限公司") == "Company", t
    assert t.get("澄野炭素株式会社") == "Company", t  # (日本企业 + …: a kind word is no brand piece)


def test_a_season_stays_in_an_events_name_after_a_dateline():
    text = "新华社伊宁11月20日电伊犁经济开发区2026年冬季招商引资项目集中签约仪式20日在伊宁举行,18个项目集中签约。"
    t = types(extract(article(text)))
    assert t.get("伊犁经济开发区2026年冬季招商引资项目集中签约仪式") == "Event", t


def test_this_seasons_signing_is_the_event_already_named():
    text = ("昨天上午,2026年春季岚州市产业项目集中签约仪式举行。\n"
            "据了解,本次春季签约活动共有20个项目完成签约,总投资达85亿元。")
    t = types(extract(article(text)))
    assert "春季签约活动" not in t, t


def test_a_place_joined_to_a_world_region_by_a_dash_opens_a_parks_name():
    t = types(extract(article("仪式上,霍尔果斯—中亚跨境物流产业园揭牌,首批12家企业入驻。")))
    assert t.get("霍尔果斯—中亚跨境物流产业园") == "Park", t


def test_enterprises_inside_a_funds_name_say_whom_it_serves():
    t = types(extract(article("会议明确设立规模3亿元的达州市民营企业纾困发展基金。")))
    assert t.get("达州市民营企业纾困发展基金") == "Fund", t


def test_a_post_after_a_scope_or_a_unit_is_held_in_the_body_before_it():
    text = ("澄川特种化学品集团全球执行董事会成员、亚太区总裁马克斯·韦德曼出席。"
            "德国驻成都总领事馆经济处主任安娜·科赫致辞。")
    f = facts(extract(article(text)))
    assert ("马克斯·韦德曼", "澄川特种化学品集团") in posts(f), posts(f)
    assert ("安娜·科赫", "德国驻成都总领事馆") in posts(f), posts(f)


def test_a_joint_venture_opening_a_clause_with_you_builds_its_own_project():
    text = ("签约项目中,澄岳精密机械公司投资1亿美元建设无人机精密结构件项目;由高新区国有平台岚川产业投资集团有限公司与"
            "西安溪华医药科技股份有限公司合资成立的岚川溪华药业有限公司,投资6亿元建设溪华膏方制剂车间项目。")
    f = facts(extract(article(text)))
    assert ("investor", "溪华膏方制剂车间项目", "岚川溪华药业有限公司") in f, sorted(x for x in f if x[0] == "investor")
    assert ("investor", "无人机精密结构件项目", "岚川溪华药业有限公司") not in f, sorted(x for x in f if x[0] == "investor")


def test_a_firm_listed_somewhere_and_a_headlines_short_verb_name_no_firm():
    text = ("溪参国际与岚化市签战略合作 五年投资30亿元\n"
            "据介绍,溪参国际是香港上市公司,产品销往东南亚。")
    t = types(extract(article(text)))
    assert "香港上市公司" not in t, t
    assert not any(k.endswith("市签") for k in t), t


def test_the_sectors_of_this_fund_are_not_its_founders():
    text = ("11月20日,岚州市智慧农业产业投资基金签约暨揭牌仪式在岚州市举行。该基金总规模10亿元,由岚州市国有资本投资运营集团有限公司、"
            "吉林省农牧业振兴引导基金和北京溪禾资本管理有限公司共同发起设立,重点投向绿色水稻、农业机械装备和食品加工等领域。")
    f = facts(extract(article(text)))
    got = {x[1:3] for x in f if x[0] == "inIndustry"}
    assert ("岚州市智慧农业产业投资基金", "农业机械装备") in got, got
    assert ("吉林省农牧业振兴引导基金", "农业机械装备") not in got, got


def test_a_park_inside_a_zone_named_long_or_short_is_one_park():
    text = ("岚宾高新区铜精深加工产业园举办招商推介会\n"
            "本报讯 今天上午,岚宾高新技术产业开发区铜精深加工产业园招商推介会暨企业入驻签约仪式在产业园举行。\n"
            "据介绍,铜精深加工产业园位于岚宾高新区,规划面积3平方公里。")
    ex = extract(article(text, title="岚宾高新区铜精深加工产业园举办招商推介会"))
    parks = [e for e in ex.entities if e.type == "Park" and "铜精深加工产业园" in e.label]
    assert len(parks) == 1, [(e.label, sorted(e.aliases)) for e in parks]


def test_logistics_in_prose_is_no_sector():
    t = types(extract(article("他说,园区原材料进来、产品出去都在一个园区里完成,物流半径缩短到几公里,物流成本降低了四成。")))
    assert "现代物流" not in t and "物流" not in t, t


def test_a_vehicle_named_after_cold_chain_logistics_is_no_firm():
    t = types(extract(article("园区重点发展新能源专用车、智能环卫装备、冷链物流车和汽车零部件。")))
    assert "冷链物流" not in t, t


def test_a_sectors_word_before_a_product_or_an_installation_names_no_sector():
    t = types(extract(article("项目达产后可年产百米级风电叶片600套,全县风电光伏装机规模达到120万千瓦。")))
    assert "风电" not in t, t


def test_a_quoted_national_project_is_a_programme():
    t = types(extract(article("岚阳是国家“西算东储”工程的重要节点城市,是“北货南运”工程的承载地。")))
    assert t.get("西算东储工程") == "Initiative", t
    assert t.get("北货南运工程") == "Initiative", t


def test_a_firm_whose_regional_seat_moves_in_at_an_event_settles_in_its_park():
    text = ("本报讯 27日上午,北京岚泽医药集团有限公司东北区域总部落户暨项目签约仪式在鞍山经济开发区举行。\n"
            "岚泽医药集团在鞍山新设立的岚泽医药(鞍山)有限公司同时揭牌,作为集团东北区域总部。")
    f = facts(extract(article(text, title="岚泽医药集团东北区域总部落户鞍山")))
    got = {x[1:3] for x in f if x[0] == "settledIn"}
    assert ("岚泽医药(鞍山)有限公司", "鞍山经济开发区") in got, got


def test_a_joint_venture_builds_in_a_zone_of_economic_trial():
    text = ("岚源锂业集团与果洛州溪川国有资本运营有限公司合资成立青海岚源镁材有限公司,"
            "投资9亿元在青海岚湖循环经济试验区建设年产5万吨高纯氧化镁粉体项目。")
    ex = extract(article(text))
    t, f = types(ex), facts(ex)
    assert t.get("青海岚湖循环经济试验区") == "Park", t
    assert ("investor", "年产5万吨高纯氧化镁粉体项目", "青海岚源镁材有限公司") in f, sorted(x for x in f if x[0] == "investor")


def test_a_firm_building_or_owning_a_project_invests_in_it_without_an_amount():
    text = ("其中,由岚山市国有资本运营有限公司与北京溪驰环境科技有限公司合资组建的辽宁溪骑专用车有限公司,正在建设年产1万辆电动清扫车项目。"
            "基金首批项目分别为:黑龙江岚野豆业科技有限公司的年产5万吨大豆分离蛋白项目、岚犁农机装备有限公司的大马力拖拉机生产项目。")
    ex = extract(article(text))
    t, f = types(ex), facts(ex)
    inv = {x[1:3] for x in f if x[0] == "investor"}
    assert ("年产1万辆电动清扫车项目", "辽宁溪骑专用车有限公司") in inv, inv
    assert t.get("年产5万吨大豆分离蛋白项目") == "Project", t
    assert ("年产5万吨大豆分离蛋白项目", "黑龙江岚野豆业科技有限公司") in inv, inv
    assert ("大马力拖拉机生产项目", "岚犁农机装备有限公司") in inv, inv


def test_a_joint_venture_among_the_deals_or_a_planned_fund_is_not_launched_at_the_signing():
    text = ("24日上午,陕西岚川牧业集团有限公司陇东区域总部落户暨项目签约仪式在泾岚工业园区举行。"
            "岚川牧业集团与平凉市溪城建设投资集团有限公司合资成立平凉岚川良种牛业有限公司,投资4.6亿元在泾川县建设湖羊良种扩繁场项目。"
            "双方还将共同设立规模20亿元的平凉岚川产业发展基金。")
    f = facts(extract(article(text)))
    launched = {x[2] for x in f if x[0] == "launched"}
    assert "平凉岚川良种牛业有限公司" not in launched, launched
    assert "平凉岚川产业发展基金" not in launched, launched


def test_the_signing_of_a_joint_ventures_own_agreement_launches_it():
    text = ("26日,岚昆能源投资集团有限公司与深圳溪锂科技股份有限公司合资合作签约仪式在西宁举行。"
            "双方合资成立青海岚锂新材料有限公司,投资12亿元建设年产2万吨碳酸锂项目。")
    f = facts(extract(article(text)))
    launched = {x[2] for x in f if x[0] == "launched"}
    assert "青海岚锂新材料有限公司" in launched, launched


def test_projects_signed_to_move_in_are_signed_at_the_event():
    text = ("本报讯 今天上午,岚宾高新区铜精深加工产业园招商推介会暨企业入驻签约仪式在产业园举行。现场,5个项目签约入驻产业园。\n"
            "签约入驻的项目中,广东溪铜轻量化科技有限公司投资6亿元建设新能源汽车铜合金部件项目;浙江岚诚模架科技有限公司投资2亿元建设建筑铜模板项目。")
    f = facts(extract(article(text)))
    signed = {x[1] for x in f if x[0] == "signedAt"}
    assert {"新能源汽车铜合金部件项目", "建筑铜模板项目"} <= signed, signed


def test_the_projects_of_the_event_cover_its_sectors():
    text = ("11月26日,岚洛市2026年第四季度重大项目集中开工暨签约活动在岚洛高新区举行。全市集中开工项目30个,总投资150亿元。"
            "项目涵盖新型材料、现代中药、绿色食品等领域。")
    f = facts(extract(article(text)))
    got = {x[2] for x in f if x[0] == "inIndustry" and x[1] == "岚洛市2026年第四季度重大项目集中开工暨签约活动"}
    assert {"现代中药", "绿色食品"} <= got, got


def test_a_zones_leading_and_distinctive_sectors_are_its_sectors():
    f = facts(extract(article("岚川高新区已形成以新材料、先进装备制造为主导,医药健康、数字经济为特色的产业体系。")))
    got = {x[2] for x in f if x[0] == "inIndustry" and x[1].startswith("岚川高新")}
    assert {"新材料", "先进装备制造", "医药健康", "数字经济"} <= got, got


def test_the_sectors_a_zone_extends_towards_are_its_sectors():
    f = facts(extract(article("据了解,岚阳高新区已形成芳烃、精细化工两大主导产业,正加快向电子化学品、新能源材料延伸。")))
    got = {x[2] for x in f if x[0] == "inIndustry" and x[1].startswith("岚阳高新")}
    assert "新能源材料" in got and ("电子材料" in got or "电子化学品" in got), got


def test_among_them_national_firms_names_no_country():
    t = types(extract(article("中心已入驻企业42家,其中国家高新技术企业15家。")))
    assert "中国" not in t, t


def test_side_events_still_to_come_are_no_events_of_the_story():
    text = ("26日上午,2026岚城新材料产业发展大会在岚城开幕。\n"
            "据悉,大会期间还将举办碳基材料专题论坛、新材料供需对接会等5项活动。")
    t = types(extract(article(text, title="2026岚城新材料产业发展大会开幕")))
    assert t.get("2026岚城新材料产业发展大会") == "Event", t
    assert "碳基材料专题论坛" not in t and "新材料供需对接会" not in t, t


def test_deng_after_a_verb_of_building_opens_a_projects_name():
    text = "合资设立的宁夏岚川特种石墨有限公司,投资3000万美元在平罗县建设等静压石墨制品项目。"
    ex = extract(article(text))
    t, f = types(ex), facts(ex)
    assert t.get("等静压石墨制品项目") == "Project", t
    assert "平罗县建设项目" not in t, t
    assert ("investor", "等静压石墨制品项目", "宁夏岚川特种石墨有限公司") in f, sorted(x for x in f if x[0] == "investor")


def test_a_sized_breeding_base_and_cold_chain_logistics_support_are_no_names():
    t = types(extract(article("项目建成后将形成2万头标准化养殖基地,要加快屠宰加工和冷链物流配套。")))
    assert "2万头标准化养殖基地" not in t and "冷链物流" not in t, t


def test_a_park_started_alongside_is_launched_by_the_event():
    text = ("11月24日上午,岚洛市2026年第四季度重大项目集中开工暨签约活动在岚洛高新技术产业开发区主会场举行。此次全市集中开工重大项目40个。\n"
            "市委书记鲁正阳宣布项目开工。\n孔德岭在致辞中说,今年以来全市固定资产投资同比增长8.6%。\n"
            + "各县区要用心做好要素保障,推动项目早建成、早投产。\n" * 12 +
            "在主会场,陕西岚岭锂能科技有限公司总投资30亿元的年产5万吨磷酸锰铁锂正极材料项目正式开工。"
            "岚洛高新区新能源材料产业园同步开工建设,规划用地1200亩。")
    f = facts(extract(article(text)))
    launched = {x[2] for x in f if x[0] == "launched"}
    assert any("新能源材料产业园" in x for x in launched), launched


def test_a_project_named_by_its_capacity_is_named_after_no_firm():
    # (年产 was a Company, the investor of every such project of the article: a false path between them)
    text = ("3月5日,甲乙高新区举行重点项目签约仪式。年产5GWh储能电池项目落户甲乙高新区,总投资50亿元。"
            "2GWh储能系统集成项目同日签约。鼎升年产3万吨锂电材料项目由丙丁鼎升新材料有限公司投资建设。")
    ex = extract(article(text))
    t, f = types(ex), facts(ex)
    assert not any(k.startswith(("年产", "2GWh")) and v == "Company" for k, v in t.items()), t
    assert not any(x[0] == "investor" and x[1] in ("年产5GWh储能电池项目", "2GWh储能系统集成项目") for x in f), f
    assert ("investor", "鼎升年产3万吨锂电材料项目", "丙丁鼎升新材料有限公司") in f, f
