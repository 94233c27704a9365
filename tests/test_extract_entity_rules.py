"""Entity mention rules on hand-written sentences: places, initiatives, projects, name edges."""

from extract_helpers import article, types
from kg.extract import extract


def test_county_short_form_needs_its_region():
    # 惠民 and 友谊 are county short forms, here common words
    t = types(extract(article("大家共叙友谊,推进教育惠民工程,企业纷纷到苏州投资。")))
    assert "友谊" not in t and "惠民" not in t
    # a county named with its ending or its city is a place
    t = types(extract(article("滨州市惠民县的企业到昆山市投资,惠民的客商表示满意。")))
    assert t.get("惠民") == "Place"


def test_name_does_not_start_with_you():
    t = types(extract(article("千灯镇则有华星精密科技等项目开工。")))
    assert not any(k.startswith("有") for k in t)


def test_projects_in_lists():
    ex = extract(article(
        "高新区有4个项目开工,分别是华光电子、明远冷链物流、星河机器人产业基地和雅丰食品。"
        "镇上的锦程广场、城北总部经济园和恒通物流3个项目开工。"
        "宏达精密、瑞丰新材等项目均在其列。"
    ))
    t = types(ex)
    for name in ("华光电子项目", "明远冷链物流项目", "星河机器人产业基地项目", "雅丰食品项目",
                 "锦程广场项目", "城北总部经济园项目", "恒通物流项目", "宏达精密项目", "瑞丰新材项目"):
        assert t.get(name) == "Project", name
    assert not any(k.endswith("3个项目") for k in t)


def test_works_and_kinds_of_projects():
    t = types(extract(article("城南医疗中心、城北医疗中心和妇幼保健中心同步开工建设。推动更多好项目和首店型项目落地。")))
    assert t.get("城南医疗中心项目") == "Project" and t.get("妇幼保健中心项目") == "Project"
    assert "更多好项目" not in t and "首店型项目" not in t


def test_quoted_slogans_are_initiatives():
    t = types(extract(article(
        "该区把今年定为“招商引资攻坚年”,围绕“三链融合”的布局,紧扣“五新五强”产业集群,"
        "推进“2+3+N”现代产业体系,由该市首创的“企航通”政务服务平台正式上线,"
        "全力建设“智能制造强市”,让企业在春天“百花齐放”。"
    )))
    assert t.get("招商引资攻坚年") == "Initiative"
    assert t.get("五新五强产业集群") == "Initiative"
    assert t.get("2+3+N现代产业体系") == "Initiative"
    assert t.get("企航通政务服务平台") == "Initiative"
    assert t.get("智能制造强市") == "Initiative"
    assert "三链融合" not in t and "百花齐放" not in t


def test_contest_started_is_an_initiative_and_names_do_not_glue():
    t = types(extract(article(
        "第五届星城创新创业大赛同步启动。华科储能电池项目选址星城开发区,世界500强企业宏远集团也来了。"
    )))
    assert t.get("第五届星城创新创业大赛") == "Initiative"
    assert t.get("星城开发区") == "Park"
    assert t.get("宏远集团") == "Company"


def test_bare_organs_resolve_to_the_city():
    t = types(extract(article("常州市委书记张三出席。市人大常委会主任李四,市政协主席王五出席会议。会议代表市委作报告。")))
    assert t.get("常州市人大常委会") == "GovernmentBody" and t.get("常州市政协") == "GovernmentBody"
    assert "市政协" not in t and "代表市委" not in t


def test_short_firm_name_after_full_name_is_an_alias():
    ex = extract(article(
        "签约方代表、台湾星耀光电科技(扬州)有限公司总经理张一鸣出席。因疫情影响,星耀光电等企业的负责人在线签约。"
    ))
    t = types(ex)
    assert "星耀光电" not in t
    full = next(e for e in ex.entities if e.label == "台湾星耀光电科技(扬州)有限公司")
    assert "星耀光电" in full.aliases


def test_federations_institutes_and_generic_heads():
    t = types(extract(article(
        "承办方为江州市科协,依托中国科学院化学研究所洁净能源实验室的技术,"
        "双一流高校东海大学江州校区和国内知名投资机构远景集团出席。"
    )))
    assert t.get("江州市科协") == "Association"
    assert t.get("中国科学院化学研究所") == "ResearchInstitute"
    assert "东海大学江州校区" in t and not any(k.startswith("双一流") for k in t)
    assert t.get("远景集团") == "Company" and "机构远景集团" not in t


def test_qualified_sectors_in_lists_and_national_centres():
    t = types(extract(article(
        "该市一头是有色新材料、智能高端装备、高端纺织3条传统产业链,另一头是特色半导体、新能源、数字经济3条新兴产业链。"
        "国家先进功能纤维创新中心在此揭牌。"
    )))
    assert t.get("有色新材料") == "Industry" and t.get("特色半导体") == "Industry"
    assert t.get("国家先进功能纤维创新中心") == "ResearchInstitute"


def test_works_listed_by_kind():
    t = types(extract(article("城西水厂迁建工程、滨河路改扩建工程以及湿地公园升级改造、生态环境等工程也一并启动。")))
    assert t.get("城西水厂迁建工程") == "Project" and t.get("湿地公园升级改造工程") == "Project"
    assert "生态环境项目" not in t and "生态环境工程" not in t


def test_customs_and_bracketed_bodies():
    t = types(extract(article(
        "临江市委书记出席。新区(市滨湖新城管委会)班子成员、临江海关、临江机场海关代表参加会议。"
    )))
    assert t.get("临江海关") == "GovernmentBody" and t.get("临江机场海关") == "GovernmentBody"
    assert "新区(市滨湖新城管委会" not in t


def test_joined_sectors_towns_after_zones_and_short_bodies():
    t = types(extract(article(
        "集成电路及光电产业是新区的主导产业,集成电路及光电产业园正在建设,项目位于东湖新区临水街道。"
        "承办方为江南省机械工程学会,省机械工程学会理事长致辞。东州市人民政府和东州市政府共同主办。"
    )))
    assert t.get("集成电路及光电产业园") == "Park"
    assert t.get("临水街道") == "Place"
    assert "省机械工程学会" not in t and "东州市政府" not in t


def test_funds_slogans_and_programme_trials():
    t = types(extract(article(
        "当天,高山创投二期基金项目也同步签约。欢迎企业家围绕“云端智造”“链上生活”等主导产业投资。"
        "扎实推进开放创新综合试验,既有天成光能、理想汽车等龙头企业,也有贝特瑞、聚和新材、恒通电缆等配套企业。"
    )))
    assert t.get("高山创投二期基金") == "Fund"
    assert t.get("云端智造") == "Initiative" and t.get("链上生活") == "Initiative"
    assert t.get("开放创新综合试验") == "Initiative"
    assert t.get("聚和新材") == "Company"


def test_firms_named_in_listed_projects():
    t = types(extract(article("新区开工5个项目,分别是远东华东总部、恒隆广场、哈工大无人机产业基地和星河咖啡。")))
    assert t.get("远东华东总部项目") == "Project" and t.get("远东") == "Company"
    assert t.get("恒隆") == "Company"
    assert t.get("哈尔滨工业大学") == "University"


def test_named_programmes_and_their_abbreviation():
    ex = extract(article("2019年起启动实施鲁班自主可控产业技术攻关计划。截至去年底,鲁班攻关计划累计实施攻关项目692项。"))
    t = types(ex)
    assert t.get("鲁班自主可控产业技术攻关计划") == "Initiative"
    assert "鲁班攻关计划" not in t and "攻关项目" not in t


def test_parts_of_a_site_are_no_projects():
    t = types(extract(article("新厂房、办公楼、生产车间同步开工建设。首批项目如期建成、投产。")))
    assert not any(k.endswith("项目") for k in t)


def test_two_bodies_side_by_side():
    t = types(extract(article("会上,江阴市无锡高新区作了交流发言。昆山市花桥经济开发区也参加会议。")))
    assert t.get("无锡高新区") == "Park" and "江阴市无锡高新区" not in t
    assert t.get("昆山市花桥经济开发区") == "Park" or t.get("花桥经济开发区") == "Park"


def test_town_named_x_chengzhen():
    t = types(extract(article("巴城镇的项目开工。推进新型城镇化,建设小城镇。")))
    assert t.get("巴城镇") == "Place"
    assert "小城镇" not in t and "新型城镇" not in t


def test_project_of_two_sites():
    t = types(extract(article("分量最重的是宏图新能源产业基地及研发中心项目,投资总额达112亿元。")))
    assert t.get("宏图新能源产业基地及研发中心项目") == "Project"
    assert "研发中心项目" not in t


def test_institutes_listed_with_their_field():
    t = types(extract(article("长荡湖储能院、中汽研等科研院所则为产业提供智力支撑。")))
    assert t.get("长荡湖储能院") == "ResearchInstitute"
    assert "储能" not in t


def test_project_of_two_products():
    t = types(extract(article("合资公司将投资建设华岳高纯石英材料及光伏坩埚项目,总投资12亿元。")))
    assert t.get("华岳高纯石英材料及光伏坩埚项目") == "Project"
    assert "光伏坩埚项目" not in t


def test_phase_opening_a_project_name():
    t = types(extract(article("刘建平表示,公司明年启动二期长风海洋工程装备项目,总投资8亿元。")))
    assert t.get("长风海洋工程装备项目") == "Project"
    assert not any(k.startswith("二期") for k in t)


def test_ultra_hd_display_is_a_sector():
    t = types(extract(article("会上签约明德超高清显示面板项目。该市重点发展超高清显示产业。")))
    assert t.get("明德超高清显示面板项目") == "Project"
    assert t.get("超高清显示") == "Industry"


def test_a_described_facility_is_no_project():
    t = types(extract(article("李强说,华宇科技将把最先进的研发中心放在合肥,把全国最大的生产基地放在芜湖。")))
    assert not any(k.endswith("项目") for k in t)


def test_counted_kinds_and_sector_kinds_are_no_projects():
    t = types(extract(article(
        "今年以来,国有企业与外资企业合作项目已达28个、总投资190亿元。全市新增省级技术改造项目150项。"
        "对新引进总投资5亿元以上的生物医药项目给予奖励。")))
    assert not any(k.endswith("项目") for k in t), t


def test_an_item_listed_beside_a_sector_is_no_firm():
    t = types(extract(article("该集团主要从事矿机装备、新能源装备的研发制造。该公司主要从事轨交装备、新能源装备的研发制造。")))
    assert t.get("矿机装备") in (None, "Industry") and t.get("轨交装备") in (None, "Industry"), t


def test_a_phase_inside_a_project_name_and_a_bare_base_with_its_phase():
    t = types(extract(article("总投资15亿元的华泰新材料三期项目正在加紧建设。目前,基地一期项目已经达产。")))
    assert t.get("华泰新材料三期项目") == "Project"
    assert "基地一期项目" not in t and "基地" not in t


def test_a_list_of_facility_kinds_and_a_sector_facility_are_no_projects():
    t = types(extract(article("华辰集团将在合肥布局区域总部、研发中心和生产基地。公司此前已在哈密建成光伏电站项目。")))
    assert not any(k.endswith("项目") for k in t), t


def test_function_words_of_products_stay_inside_project_names():
    t = types(extract(article("其中,华拓散热模组项目总投资8亿元;恒川阻燃材料项目总投资5亿元;金石加氢站项目总投资1亿元。")))
    assert t.get("华拓散热模组项目") == "Project"
    assert t.get("恒川阻燃材料项目") == "Project"
    assert t.get("金石加氢站项目") == "Project"


def test_a_university_listed_among_firms_keeps_its_type():
    t = types(extract(article("首批成员单位包括江苏远氢能源有限公司、南京理工大学等20家企业和高校。")))
    assert t.get("南京理工大学") == "University"


def test_no_firm_is_cut_from_a_sector_that_runs_on():
    t = types(extract(article("该项目建成后主要生产动力电池和储能电池。")))
    assert not any(v == "Company" for v in t.values()), t


def test_a_park_rank_is_no_park_name():
    t = types(extract(article("据了解,沧州经开区于2012年升级为国家级经济技术开发区,已形成汽车零部件、生物医药两大主导产业。")))
    assert "国家级经济技术开发区" not in t


def test_state_asset_vehicles_are_bodies_and_handing_over_ends_a_park_name():
    t = types(extract(article("根据协议,响水临港产业区整体交由盐城经济技术开发区托管。盐城市国有资产投资集团有限公司出资5亿元。")))
    assert t.get("盐城市国有资产投资集团有限公司") == "GovernmentBody"
    assert not any("交由" in k for k in t), t


def test_building_a_group_headquarters_names_no_firm():
    t = types(extract(article("根据协议,华驰集团将在合肥经开区建设集团总部及研发中心,总投资12亿元。")))
    assert not any(k.endswith("建设集团") for k in t), t


def test_a_part_ending_in_jian_stays_inside_a_project_name():
    t = types(extract(article("其中,宁波华瑞汽车配件有限公司投资8亿元建设华瑞新能源汽车底盘件项目。")))
    assert t.get("华瑞新能源汽车底盘件项目") == "Project"
