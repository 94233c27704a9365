"""Names, events and sectors on hand-written sentences (fifteenth file: rules of session 35).

Each names firms, people and projects invented for the test, never those of a gold file."""

from extract_helpers import article, facts, types

from kg.extract import extract


def test_a_brand_opening_with_an_adverb_after_a_place_keeps_both():
    text = ("苏州必然科技有限公司与园区签约。上海果真鲜食品有限公司投资3亿元建设冷链中心项目。"
            "日本和光堂化学株式会社投资2000万美元建设电子材料项目。")
    t = types(extract(article(text, dateline="2026-10-20")))
    assert t.get("苏州必然科技有限公司") == "Company", t
    assert t.get("上海果真鲜食品有限公司") == "Company", t
    assert t.get("日本和光堂化学株式会社") == "Company", t
    assert not {"鲜食品有限公司", "光堂化学株式会社", "科技有限公司"} & set(t), t


def test_a_place_and_another_place_or_a_kind_of_firm_stay_apart():
    t = types(extract(article("日本和韩国企业纷纷入驻。合肥大力发展新能源汽车产业园。", dateline="2026-10-20")))
    assert t.get("日本") == "Place" and t.get("韩国") == "Place", t
    assert "合肥大力发展新能源汽车产业园" not in t, t


def test_a_counted_list_of_chains_keeps_etc_out_of_its_last_sector():
    text = "会上发布招商图谱,梳理出新材料、电子信息、新能源、文化旅游、茶叶等5条重点产业链的招商方向。"
    t = types(extract(article(text, dateline="2026-10-20")))
    assert t.get("茶叶") == "Industry" and "茶叶等" not in t, t


def test_sanqi_is_a_sector_and_stays_inside_a_firms_name():
    text = "广州恒康医药集团有限公司全资子公司文山恒康三七药业有限公司与高新区签约。"
    t = types(extract(article(text, dateline="2026-10-20")))
    assert t.get("文山恒康三七药业有限公司") == "Company", t
    assert "药业有限公司" not in t, t


def test_a_taiwan_project_word_names_a_project():
    text = ("恒远科技股份有限公司(简称恒远科技)位于潜江的新厂25日投产,恒远科技潜江电子化学品专案一期投产,"
            "专案总投资1.5亿美元。恒远科技专案是当地引进的最大台资专案。")
    ex = extract(article(text, dateline="2026-10-20"))
    t = types(ex)
    projects = {label for label, typ in t.items() if typ == "Project"}
    assert projects == {"恒远科技潜江电子化学品专案"}, projects  # (恒远科技专案: the firm's one project)
    assert ("investor", "恒远科技潜江电子化学品专案", "恒远科技股份有限公司") in facts(ex), facts(ex)


def test_a_project_named_after_its_firm_is_the_firms_one_project():
    text = "华岳新能源有限公司投资20亿元建设华岳新能源临江储能电池项目。华岳新能源项目是今年全市引进的最大项目。"
    t = types(extract(article(text, dateline="2026-10-20")))
    projects = {label for label, typ in t.items() if typ == "Project"}
    assert projects == {"华岳新能源临江储能电池项目"}, projects


def test_a_power_capacity_and_a_county_open_a_project_joined_by_and():
    text = ("其中,正蓝旗200万千瓦风光制氢一体化项目总投资142亿元;"
            "苏尼特右旗100万千瓦风电及配套储能项目总投资58亿元。")
    t = types(extract(article(text, dateline="2026-10-20")))
    assert t.get("苏尼特右旗100万千瓦风电及配套储能项目") == "Project", t
    assert not {"风电及配套储能项目", "风电及配套"} & set(t), t


def test_a_project_of_two_products_after_its_firms_legal_name_keeps_both():
    text = "观摩团察看了安徽恒凯电子科技有限公司精密线束及连接器项目。"
    t = types(extract(article(text, dateline="2026-10-20")))
    assert t.get("精密线束及连接器项目") == "Project", t
    assert "连接器项目" not in t, t


def test_a_league_head_holds_his_post_in_the_leagues_administrative_office():
    # (real places: what is tested is the lexicon's league; the people and the group are invented)
    text = ("11月23日,锡林郭勒盟与华岳绿电集团签署战略合作协议。盟委副书记、盟长孟庆林与华岳绿电集团总经理赵立新"
            "分别代表锡林郭勒盟行政公署和华岳绿电集团签署协议。盟委常委、副盟长李海峰参加活动。")
    ex = extract(article(text, dateline="2026-11-24"))
    f = {x[:3] for x in facts(ex)}
    assert ("holdsPosition", "孟庆林", "锡林郭勒盟行政公署") in f and ("holdsPosition", "李海峰", "锡林郭勒盟行政公署") in f, f
    assert ("holdsPosition", "孟庆林", "锡林郭勒盟委") in f, f


def test_a_prefectures_committee_named_with_its_full_and_short_place_is_one_body():
    text = ("湖南省湘西土家族苗族自治州州委书记向明远致辞,州委副书记、州长龙秀芳作投资环境推介。"
            "州委常委、常务副州长田启明主持签约仪式。")
    ex = extract(article(text, dateline="2026-11-24"))
    bodies = {label for label, typ in types(ex).items() if typ == "GovernmentBody" and label.endswith("州委")}
    assert bodies == {"湘西土家族苗族自治州州委"}, bodies
    assert ("holdsPosition", "田启明", "湘西土家族苗族自治州州委") in {x[:3] for x in facts(ex)}, facts(ex)


def test_a_bureau_of_science_industry_and_informatisation_is_a_body():
    text = "文昌市科学技术工业信息化局局长林春华出席发布会并回答记者提问。"
    ex = extract(article(text, dateline="2026-11-24"))
    assert ("holdsPosition", "林春华", "文昌市科学技术工业信息化局") in {x[:3] for x in facts(ex)}, facts(ex)


def test_a_body_named_by_its_tail_is_the_one_body_named_so_in_full():
    text = "临江国际航天城管理局局长王明卓出席。王明卓表示,航天城管理局将建立一站式服务窗口。"
    t = types(extract(article(text, dateline="2026-11-24")))
    assert t.get("临江国际航天城管理局") == "GovernmentBody" and "航天城管理局" not in t, t


def test_a_corps_divisions_party_secretary_holds_his_post_in_its_party_committee():
    text = ("新疆生产建设兵团第八师党委书记、石河子市委书记郑明远为区域总部揭牌。"
            "第八师师长刘建峰出席仪式。")
    ex = extract(article(text, dateline="2026-11-24"))
    f = {x[:3] for x in facts(ex)}
    assert ("holdsPosition", "郑明远", "新疆生产建设兵团第八师党委") in f, f
    assert ("holdsPosition", "刘建峰", "新疆生产建设兵团第八师") in f, f


def test_a_sectors_word_opening_a_parks_short_name_is_no_mention_of_the_sector():
    text = ("今年前三季度航天产业营业收入同比增长46%。"
            "临江星途航天科技有限公司投资25亿元在航天城建设的商业火箭总装基地项目已完成主体结构施工。")
    ex = extract(article(text, dateline="2026-12-02"))
    f = facts(ex)
    assert ("investor", "商业火箭总装基地项目", "临江星途航天科技有限公司") in f, f


def test_a_project_that_got_money_from_a_fund_has_the_fund_as_an_investor_not_its_size():
    text = ("签约项目中,青海恒远新材料有限公司投资8亿元在海东工业园区建设锂电铜箔项目,获锂电新材料子基金投资1.5亿元;"
            "青海雪岭冷链物流有限公司投资3.2亿元在平安区建设冷链物流项目。")
    ex = extract(article(text, dateline="2026-12-02"))
    f = facts(ex)
    assert ("investor", "锂电铜箔项目", "锂电新材料子基金") in f, f
    assert not any(x[0] == "investment" and x[1] == "锂电新材料子基金" for x in f), f
    assert "获锂电新材料子基金" not in types(ex), types(ex)


def test_the_projects_listed_after_a_signing_are_signed_there_by_the_firm_and_counted_by_their_recap():
    text = ("11月23日,临江盟—华岳绿电集团战略合作座谈会暨协议签约仪式在北京举行。签约仪式上,华岳绿电集团全资子公司"
            "华岳绿电(临江)新能源有限公司分别与正蓝旗人民政府、苏尼特右旗人民政府签订项目投资协议。其中,"
            "正蓝旗200万千瓦风光制氢一体化项目总投资142亿元;苏尼特右旗100万千瓦风电及配套储能项目总投资58亿元。"
            "两个项目总投资200亿元。")
    ex = extract(article(text, dateline="2026-11-24"))
    f = facts(ex)
    event = next(label for label, typ in types(ex).items() if typ == "Event")
    for project in ("正蓝旗200万千瓦风光制氢一体化项目", "苏尼特右旗100万千瓦风电及配套储能项目"):
        assert ("signedAt", project, event) in f, f
        assert ("investor", project, "华岳绿电(临江)新能源有限公司") in f, f
    assert ("projectCount", event, 2) in f, f
    assert any(x[0] == "investment" and x[1] == event for x in f), f


def test_a_firm_that_spends_then_builds_with_a_local_partner_invests_with_it():
    text = "韩国大成化学株式会社投资5200万美元,与济源本地企业济源市鑫达化工有限公司合资建设电子级硫酸项目。"
    ex = extract(article(text, dateline="2026-11-28"))
    f = facts(ex)
    assert ("investor", "电子级硫酸项目", "韩国大成化学株式会社") in f and ("investor", "电子级硫酸项目", "济源市鑫达化工有限公司") in f, f
    assert any(x[0] == "investment" and x[1] == "电子级硫酸项目" for x in f), f
    assert ("partnerOf", "韩国大成化学株式会社", "济源市鑫达化工有限公司") in f, f


def test_the_first_phase_spent_by_the_signer_gives_way_to_the_total_stated_after():
    text = ("11月21日,港华纺织举行仪式。\n仪式上,港华纺织(石河子)有限公司与石河子经济技术开发区管委会签订投资协议,"
            "首期投资12亿港元建设高支棉纱项目,预计2028年全面投产。项目全部建成后总投资将达30亿港元。")
    ex = extract(article(text, dateline="2026-11-22"))
    f = facts(ex)
    assert ("investor", "高支棉纱项目", "港华纺织(石河子)有限公司") in f, f
    amounts = [x[2] for x in f if x[0] == "investment" and x[1] == "高支棉纱项目"]
    assert len(amounts) == 1 and amounts[0].value == 3_000_000_000, amounts


def test_a_policy_named_in_its_press_conferences_name_is_launched_there_with_its_sectors():
    text = ("12月2日,省政府新闻办公室召开《临江航天城支持商业航天产业发展若干措施》新闻发布会,正式发布该措施"
            "(以下简称《若干措施》)。据介绍,《若干措施》共20条,围绕火箭制造、卫星研制、卫星应用等产业链关键环节给予支持。")
    ex = extract(article(text, dateline="2026-12-02"))
    policy = "临江航天城支持商业航天产业发展若干措施"
    assert types(ex).get(policy) == "Initiative", types(ex)
    f = facts(ex)
    assert ("launched", policy + "新闻发布会", policy) in f, f
    # (卫星研制, no sector the lexicon knows, does not cut the list short)
    assert ("inIndustry", policy, "火箭制造") in f and ("inIndustry", policy, "卫星应用") in f, f


def test_what_an_alliances_members_cover_is_not_the_founding_meetings_sectors():
    text = ("11月20日,临江市信创产业联盟成立大会举行。联盟由临江晋科信息技术股份有限公司牵头,联合38家企业、高校和科研机构"
            "共同发起成立,成员覆盖集成电路、整机制造、基础软件、应用软件等领域。")
    f = facts(extract(article(text, dateline="2026-11-21")))
    assert not any(x[0] == "inIndustry" and x[1] == "临江市信创产业联盟成立大会" and x[2] in ("集成电路", "基础软件") for x in f), f


def test_a_phase_named_alone_is_the_phase_named_last_before_it():
    text = ("在主会场,临江晶启光电科技有限公司投资56亿元的年产10GW高效光伏电池二期项目正式开工。"
            "在佛堂镇分会场,临江市文旅投资集团有限公司投资12亿元的古镇文旅综合体二期项目开工。"
            "临江晶启光电科技有限公司董事长郑慕远表示,公司将以二期项目为契机扩大产能。")
    t = types(extract(article(text, dateline="2026-11-28")))
    assert "二期项目" not in t, t
    assert t.get("年产10GW高效光伏电池二期项目") == "Project", t


def test_a_firms_phase_is_named_with_the_firm():
    text = "临江市重点项目观摩团察看了豫恒智能装备有限公司二期项目建设现场,该项目总投资11亿元。"
    t = types(extract(article(text, dateline="2026-11-28")))
    assert t.get("豫恒智能装备有限公司二期项目") == "Project", t


def test_a_joint_venture_founded_by_two_firms_said_after_it_is_a_subsidiary_of_both():
    text = ("11月25日,恒泰特殊化学股份有限公司(恒泰特化)新厂投产。潜江厂由恒泰特化旗下恒泰特化(潜江)有限公司负责营运,"
            "该公司为恒泰特化与日本清和化成株式会社合资设立。另一家企业临江恒达(潜江)有限公司由恒泰特殊化学股份有限公司"
            "与日本松川化学株式会社合资设立。")
    f = facts(extract(article(text, dateline="2026-11-26")))
    assert ("subsidiaryOf", "恒泰特化(潜江)有限公司", "日本清和化成株式会社") in f, f
    assert ("subsidiaryOf", "临江恒达(潜江)有限公司", "日本松川化学株式会社") in f, f
    assert ("subsidiaryOf", "临江恒达(潜江)有限公司", "恒泰特殊化学股份有限公司") in f, f


def test_a_name_that_is_also_an_adjective_after_a_post_before_a_report():
    text = "白城工业园区党工委书记高峻汇报了园区新能源装备产业链招商情况。"
    f = {x[:3] for x in facts(extract(article(text, dateline="2026-11-26")))}
    assert ("holdsPosition", "高峻", "白城工业园区党工委") in f, f


def test_a_firm_described_as_a_subsidiary_then_building_a_project_invests_in_it():
    text = ("11月26日,园区举行揭牌仪式。\n芯远微电子(江阴)有限公司是上海芯远微电子股份有限公司的全资子公司,"
            "将建设汽车电子芯片设计研发中心项目,总投资5亿元。")
    f = facts(extract(article(text, dateline="2026-11-27")))
    assert ("investor", "汽车电子芯片设计研发中心项目", "芯远微电子(江阴)有限公司") in f, f


def test_a_league_deputy_head_holds_a_post_of_no_named_body_when_the_office_is_not_named():
    f = {x[:3] + (x[3],) for x in facts(extract(article("11月23日,兴安盟委副书记、副盟长孟庆林出席调研。", dateline="2026-11-24")))}
    assert ("holdsPosition", "孟庆林", None, "副盟长") in f, f


def test_a_zones_industries_name_no_sector_called_after_the_zone():
    text = "临江高新区管委会主任顾明生介绍高新区产业发展和招商情况。"
    t = types(extract(article(text, dateline="2026-11-24")))
    assert "高新区" not in t, t


def test_a_pharma_project_after_its_zone_and_firm_keeps_both_products_and_the_main_venue_names_it():
    text = ("11月20日,天门市2026年重大项目集中开工活动举行。主会场设在天门经济开发区湖北楚平药业原料药及制剂产业化基地项目现场。"
            "主会场项目由湖北楚平药业有限公司投资18亿元建设。")
    ex = extract(article(text, dateline="2026-11-20"))
    t = types(ex)
    assert t.get("湖北楚平药业原料药及制剂产业化基地项目") == "Project", t
    assert "主会场项目" not in t and "制剂产业化基地项目" not in t, t
    assert any(x[0] == "investment" and x[1] == "湖北楚平药业原料药及制剂产业化基地项目" for x in facts(ex)), facts(ex)


def test_blades_and_towers_are_one_projects_two_products():
    text = "临江风能装备有限公司正在建设投资12亿元的风电叶片及塔筒制造项目。"
    t = types(extract(article(text, dateline="2026-11-24")))
    assert t.get("风电叶片及塔筒制造项目") == "Project" and "塔筒制造项目" not in t, t


def test_a_prefecture_party_committee_named_in_full_before_its_title():
    text = "巴音郭楞蒙古自治州党委常委、库尔勒市委书记杨建明出席仪式。"
    f = {x[:3] for x in facts(extract(article(text, dateline="2026-11-24")))}
    assert ("holdsPosition", "杨建明", "巴音郭楞蒙古自治州党委") in f, f


def test_an_independent_storage_station_keeps_its_capacities_and_its_signer_invests():
    text = ("11月20日,临江市人民政府与华岳绿能控股集团有限公司举行签约仪式。\n"
            "华岳绿能储能技术有限公司与临江市发展和改革局签约,投资12亿元建设200兆瓦/800兆瓦时独立储能电站项目。")
    ex = extract(article(text, dateline="2026-11-21"))
    assert types(ex).get("200兆瓦/800兆瓦时独立储能电站项目") == "Project", types(ex)
    assert ("investor", "200兆瓦/800兆瓦时独立储能电站项目", "华岳绿能储能技术有限公司") in facts(ex), facts(ex)


def test_a_government_body_gets_no_sector():
    text = "临江市科技局局长王明远介绍,下一步将聚焦设施农业、生物育种、智慧农业等领域。"
    f = facts(extract(article(text, dateline="2026-11-24")))
    assert not any(x[0] == "inIndustry" and x[1] == "临江市科技局" for x in f), f


def test_a_new_subsidiary_unveiled_as_a_regional_hq_settles_in_the_building_of_the_zone_named_short():
    text = ("11月20日,宏远集团区域总部落户签约暨揭牌仪式在娄底经济技术开发区举行。\n"
            "宏远集团在娄底新设立的宏远新材料(娄底)有限公司同时揭牌,作为集团华中区域总部,统筹集团在湖南、湖北、江西三省的业务,"
            "入驻娄底经开区总部经济大厦。")
    f = facts(extract(article(text, dateline="2026-11-21")))
    assert ("settledIn", "宏远新材料(娄底)有限公司", "娄底经开区总部经济大厦") in f, f
    assert ("locatedIn", "娄底经开区总部经济大厦", "娄底经济技术开发区") in f, f


def test_a_bare_firm_after_a_speakers_lead_settles_where_the_clause_says():
    text = ("11月20日,恒源食品有限公司年产5000吨项目投产。\n"
            "慈利县委书记朱明平介绍,该公司是浙江恒源控股集团有限公司的全资子公司,2025年落户慈利县工业集中区,项目一期已投产。")
    f = facts(extract(article(text, dateline="2026-11-21")))
    assert ("settledIn", "恒源食品有限公司", "慈利县工业集中区") in f, f
