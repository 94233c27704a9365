"""Mention detection and typing on hand-written sentences (not from the seeds)."""

from extract_helpers import article, facts, types
from kg.extract import extract
from kg.extract.names import left_edge


def test_left_edge_stops_at_function_words_and_verbs():
    text = "落户张浦镇的华辰精密装备(昆山)股份有限公司"
    start, _ = left_edge(text, text.index("股份有限公司"), 0)
    assert text[start:] == "华辰精密装备(昆山)股份有限公司"
    text = "代表团走进海康威视集团"
    start, _ = left_edge(text, text.index("集团"), 0)
    assert text[start:] == "海康威视集团"


def test_left_edge_cuts_after_the_last_non_name_character_but_keeps_a_capacity():
    # the name starts after the last character no name holds (found from the right) ...
    text = "会上,A、B和“昆山”华辰精密装备股份有限公司"
    start, toks = left_edge(text, text.index("股份有限公司"), 0)
    assert text[start:].startswith("“昆山”华辰") and "".join(toks) == text[start : text.index("股份有限公司")]
    # ... a "/" of a capacity (2万吨/年) is no such character, the one before it is
    text = "他说,白银新区5万吨/年绿氢制备项目"
    start, _ = left_edge(text, text.index("项目"), 0)
    assert text[start:] == "白银新区5万吨/年绿氢制备项目"
    text = "他说,甲/乙绿氢制备项目"
    start, _ = left_edge(text, text.index("项目"), 0)
    assert text[start:] == "乙绿氢制备项目"
    # ... and a dateline's 日电 ends what comes before the name
    text = "新华社南昌6月18日电南昌市人民政府"
    start, _ = left_edge(text, text.index("人民政府"), 0)
    assert text[start:] == "南昌市人民政府"


def test_name_helpers_answer_as_before():
    from kg.extract.components.known_orgs import _known_org_may_end
    from kg.extract.components.refs import clause_start
    from kg.extract.doc import clean_label
    from kg.extract.lexicon import lexicon
    from kg.extract.names import is_generic

    assert is_generic([]) and is_generic(["“", "特色", "”"]) and is_generic(["(", "重点", ")", "、"])
    assert not is_generic(["特色", "昆山"]) and not is_generic(["A"]) and not is_generic(["特色", "5"])
    assert clean_label("昆山开发区") == "昆山开发区" and clean_label("“祖冲之” 攻关计划") == "祖冲之攻关计划"
    assert clean_label("") == "" and clean_label("《方案》") == "方案"
    text = "甲,乙;丙:丁,戊"
    assert clause_start(text, 0, len(text)) == text.rindex(",") + 1
    assert clause_start(text, 0, 3) == 2 and clause_start(text, 5, 6) == 6 and clause_start(text, 6, 7) == 6
    assert clause_start(text, 0, len(text), ",") == text.rindex(",") + 1
    known = next(iter(lexicon().known_orgs))
    text = "会上" + known
    assert _known_org_may_end(text, len(text)) and not _known_org_may_end(text + "的", len(text) + 1)
    assert not _known_org_may_end(text, 0)


def test_organisations_by_suffix():
    t = types(extract(article("会上,常州市新能源产业促进会与南京工业大学、江苏省产业技术研究院签署合作协议。")))
    assert t.get("常州市新能源产业促进会") == "Association"
    assert t.get("南京工业大学") == "University"
    assert t.get("江苏省产业技术研究院") == "ResearchInstitute"


def test_parks_events_and_places():
    ex = extract(article("3月18日,2023无锡国际物联网产业推介会在无锡高新区举行,多个项目落户惠山区玉祁街道。", dateline="2023-03-19"))
    t = types(ex)
    assert t.get("2023无锡国际物联网产业推介会") == "Event"
    assert t.get("无锡高新区") == "Park"
    assert t.get("惠山") == "Place" and t.get("玉祁街道") == "Place"
    # an industry inside a name is not a mention of its own; the event named after it is in it
    ev = next(e for e in ex.entities if e.label == "2023无锡国际物联网产业推介会")
    industry = next(e for e in ex.entities if e.label == "物联网")
    assert industry.mentions == [] and len(ev.mentions) == 1
    assert ("inIndustry", "2023无锡国际物联网产业推介会", "物联网") in facts(ex)


def test_generic_words_are_not_names():
    t = types(extract(article("全市各类产业园区加快建设,一批重点项目和特色专业创新园区加速崛起。")))
    assert not any(typ in ("Park", "Project") for typ in t.values()), t


def test_initiatives_quoted_and_by_suffix():
    text = "会上发布《太仓市智能制造产业发展三年行动计划(2024-2026年)》,实施“333”招商工作机制,推行“园长制”。"
    t = types(extract(article(text)))
    assert t.get("太仓市智能制造产业发展三年行动计划(2024-2026年)") == "Initiative"
    assert t.get("333招商工作机制") == "Initiative"
    assert t.get("园长制") == "Initiative"


def test_projects_from_a_list_with_amounts():
    text = "其中,总投资12亿元的瑞丰新型显示模组、5亿美元的奥克斯智能家电等项目现场签约。"
    ex = extract(article(text))
    t = types(ex)
    assert t.get("瑞丰新型显示模组项目") == "Project"
    assert t.get("奥克斯智能家电项目") == "Project"


def test_firms_in_a_list_of_companies():
    t = types(extract(article("目前已引进蓝思科技、晶澳太阳能、汇川技术等龙头企业20家。")))
    assert t.get("蓝思科技") == "Company"
    assert t.get("汇川技术") == "Company"


def test_place_short_forms_need_word_boundaries():
    t = types(extract(article("要做大新兴产业,建设新城市。")))
    assert "大新" not in t and "新城" not in t


def test_country_as_an_attribute_is_not_a_place():
    ex = extract(article("会议强调,要走好中国式现代化道路,坚持中国特色发展路径,企业产品远销德国。"))
    assert "中国" not in types(ex)
    assert types(ex).get("德国") == "Place"


def test_county_short_form_inside_a_longer_word_or_lake_is_not_a_place():
    ex = extract(article("园区建成高密度封装产线和全球“灯塔工厂”,并在巢湖之滨举办论坛。"))
    t = types(ex)
    assert "高密" not in t and "灯塔" not in t and "巢湖" not in t


def test_unknown_items_of_a_sector_list_are_industries():
    ex = extract(article("该市发布“强链计划”,聚焦新医药、新材料、新能源、新装备,加快培育产业集群。"))
    t = types(ex)
    assert t.get("新医药") == "Industry" and t.get("新装备") == "Industry"
    # a list with fewer than two known sectors gives nothing
    ex = extract(article("该平台聚焦政府、高校、企业,推动协同创新。"))
    assert "政府" not in types(ex) and "高校" not in types(ex)


def test_joint_research_bodies_are_named_despite_lianhe():
    ex = extract(article("双方将共建华东精密制造联合研究院和江南新材料联合实验室。"))
    t = types(ex)
    assert t.get("华东精密制造联合研究院") == "ResearchInstitute"
    assert t.get("江南新材料联合实验室") == "ResearchInstitute"


def test_firm_base_is_a_project_of_its_owner_not_a_park():
    ex = extract(article("南通市经济技术开发区与恒瑞集团签约,共建恒瑞集团南通智能装备产业基地。"))
    t = types(ex)
    assert t.get("恒瑞集团南通智能装备产业基地") == "Project"
    assert "南通市经济技术开发区" in t


def test_production_base_without_owner_is_no_park():
    ex = extract(article("该公司计划在开发区建设新能源电池生产基地,并打造国内领先的储能产业基地。"))
    t = types(ex)
    assert not [label for label, typ in t.items() if label.endswith("基地") and typ == "Park"]


def test_innovation_base_stays_a_park():
    ex = extract(article("会上,扬州科技创业孵化基地正式揭牌,首批12家企业入驻。"))
    assert types(ex).get("扬州科技创业孵化基地") == "Park"


def test_sector_lists_ending_in_a_word_for_sectors():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("本次签约项目覆盖新一代信息技术、汽车制造、生物医药、现代金融等领域。"
                              "园区兼顾电子信息、精密模具、人才培养和汽车零部件等领域。", dateline="2023-05-01")))
    assert t.get("汽车制造") == "Industry" and t.get("现代金融") == "Industry" and t.get("精密模具") == "Industry"
    assert "人才培养" not in t  # an activity, not a sector
    t = types(extract(article("双方在科技创新、人才培养、招商引资等领域开展合作。", dateline="2023-05-01")))
    assert not any(v == "Industry" for v in t.values())


def test_firm_boundaries_after_descriptors_and_in_project_lists():
    from extract_helpers import article, facts, types
    from kg.extract import extract

    t = types(extract(article("光伏龙头隆基集团把储能工厂放在苏州。国内家电领军企业美的集团选址相城区。", dateline="2023-05-01")))
    assert t.get("隆基集团") == "Company" and t.get("美的集团") == "Company"
    ex = extract(article("其中，华信集团项目、远东新能源总部项目、顺丰华中区数智供应链产业基地项目等均在大会上完成签约。", dateline="2023-05-01"))
    t = types(ex)
    assert t.get("顺丰华中区数智供应链产业基地项目") == "Project"  # 顺 after 、 opens the name
    firm = next(e for e in ex.entities if e.label == "远东")
    assert "远东新能源" in firm.aliases
    assert ("investor", "远东新能源总部项目", "远东") in facts(ex)


def test_departments_joined_by_he_and_kinds_of_projects():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("经市政府同意，杭州市发展和改革委员会、杭州市工业和信息化局、杭州市住房和城乡建设局联合发布了行动计划。",
                              dateline="2023-05-01")))
    for body in ("杭州市发展和改革委员会", "杭州市工业和信息化局", "杭州市住房和城乡建设局"):
        assert t.get(body) == "GovernmentBody"
    t = types(extract(article("外商投资项目21个，央企投资项目11个，台资项目5个。", dateline="2023-05-01")))
    assert not any(v == "Project" for v in t.values())


def test_park_after_a_verb_of_belonging_or_planning():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("该园区属钱塘高新区范围。管委会携手规划建设东平高新产业园区。", dateline="2023-05-01")))
    assert t.get("钱塘高新区") == "Park" and t.get("东平高新产业园区") == "Park"


def test_headline_run_of_sectors():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("光学仪器、轻工视讯、智能家居、智能终端……宁波将集中打造一批专业化产业园区。", dateline="2023-05-01")))
    assert t.get("光学仪器") == "Industry" and t.get("轻工视讯") == "Industry"


def test_brands_read_as_verbs_and_leader_sectors():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("国内运动鞋服领军企业安踏集团选址湖里区。全球光学镜头龙头企业舜宇集团落户。该公司是行业龙头企业。",
                              dateline="2023-05-01")))
    assert t.get("安踏集团") == "Company"
    assert t.get("运动鞋服") == "Industry" and t.get("光学镜头") == "Industry"
    assert "行业" not in t


def test_listed_projects_opening_with_a_place_and_a_verb():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("宁波共有5个项目参加现场签约，包括宁波华美纸业扩建项目、北仑联合石化技术改造项目等。", dateline="2023-05-01")))
    assert t.get("宁波华美纸业扩建项目") == "Project"
    assert t.get("北仑联合石化技术改造项目") == "Project"


def test_products_closing_with_lingyu_need_two_known_sectors():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("园区将集聚食品机械、汽车零配件、自动化设备、传感器等领域的项目。", dateline="2023-05-01")))
    assert "食品机械" not in t and "集聚食品机械" not in t


def test_offices_known_national_bodies_single_quoted_slogans_and_park_lists():
    from extract_helpers import article, facts, types
    from kg.extract import extract

    ex = extract(article("各重点商协会代表出席。张俊一行拜访了江西省人民政府驻上海办事处。国台办经济局局长张明致辞。", dateline="2023-05-01"))
    t = types(ex)
    assert t.get("江西省人民政府驻上海办事处") == "GovernmentBody"
    assert "重点商协会" not in t and "江西省人民政府" not in t
    assert ("subsidiaryOf", "国台办经济局", "国台办") in facts(ex) or any(
        r.predicate == "subsidiaryOf" and r.subject == "国台办经济局" for r in ex.relations)
    t = types(extract(article("他说：“项目顺利落地，为园区在全市推进‘一区多园’打下了坚实基础，也为企业腾出更多优质生产空间。”", dateline="2023-05-01")))
    assert t.get("一区多园") == "Initiative"
    t = types(extract(article("这6个园区分别是光学仪器产业园、时尚消费品(家具)产业园、新材料产业基地和智能终端产业园。", dateline="2023-05-01")))
    for park in ("光学仪器产业园", "时尚消费品(家具)产业园", "新材料产业基地", "智能终端产业园"):
        assert t.get(park) == "Park", park


def test_bare_brand_subject_of_a_plan_to_invest():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("星兰微将在宁波建设8英寸芯片生产线。专精特新企业中晟华联则将在甬投资隔膜生产线。"
                              "双方将在苏州投资。公司将在昆山建设总部。目前将在苏州建设。", dateline="2023-05-01")))
    assert t.get("星兰微") == "Company" and t.get("中晟华联") == "Company"
    assert not any(k in t for k in ("双方", "公司", "目前"))


def test_bracketed_variants_with_different_contents_stay_apart():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("这4个园区分别是光学仪器产业园、时尚消费品(家具)产业园、时尚消费品(服装)产业园和智能终端产业园。", dateline="2023-05-01")))
    assert t.get("时尚消费品(家具)产业园") == "Park" and t.get("时尚消费品(服装)产业园") == "Park"


def test_single_character_opening_a_name_after_de():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("周庄镇的正华研发二期项目总投资5亿元。经市政府研究同意，园区的在建项目有5个。", dateline="2023-05-01")))
    assert t.get("正华研发二期项目") == "Project"
    assert "经市政府" not in t


def test_partner_named_after_lianhe_or_xieshou():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("深圳华发科技集团联合中国二冶，与新区管委会签订合作协议。"
                              "园区建成后，苏州城投将携手无锡德园，依托现有产业基础招引项目。", dateline="2023-05-01")))
    assert t.get("中国二冶") == "Company" and t.get("无锡德园") == "Company"


def test_layout_phrase_is_no_initiative():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("宁波将以科技创新引领特色产业布局，加快培育新质生产力。全市构建“3+5+N”产业布局。", dateline="2023-05-01")))
    assert t.get("3+5+N产业布局") == "Initiative"
    assert not any("引领" in k for k in t)


def test_short_brand_first_in_a_list_after_a_verb_and_no_brand_from_an_adverb():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("近年来,西岸新区聚焦集成电路、氢能等产业,引进了芯瑞、富康等一批龙头企业。", dateline="2023-05-01")))
    assert t.get("芯瑞") == "Company" and t.get("富康") == "Company"
    t = types(extract(article("项目由杭州海智数字技术股份有限公司投资建设,主要生产智能安防设备。", dateline="2023-05-01")))
    assert not any(k.startswith("主要") for k in t)


def test_bare_level_departments_and_brands_split_by_the_segmenter():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("会议由省发展改革委、省工业和信息化厅联合主办。", dateline="2023-05-01")))
    assert t.get("省发展改革委") == "GovernmentBody" and t.get("省工业和信息化厅") == "GovernmentBody"
    assert "主办" not in t
    t = types(extract(article("签约企业包括深圳市优必达科技股份有限公司和上海商汤智能科技有限公司。", dateline="2023-05-01")))
    assert t.get("深圳市优必达科技股份有限公司") == "Company"


def test_park_named_after_its_town():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("昨天上午,桥头镇水乡河东数字产业园区迎来项目开工。陆家镇工业园也有项目落地。", dateline="2023-05-01")))
    assert t.get("水乡河东数字产业园区") == "Park" and t.get("桥头镇") == "Place"
    assert t.get("陆家镇工业园") == "Park"  # a short park name keeps its town


def test_kind_of_park_is_no_firm_behind_a_project():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("双方签订宁波科技园(杭州园)项目合作协议。", dateline="2023-05-01")))
    assert t.get("科技园") != "Company"


def test_country_as_attribute_is_no_place():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("被称为中国大陆第一家科学园区的宁波科技工业园集团出席。入选《财富》中国500强的星佳集团也签约。", dateline="2023-05-01")))
    assert "中国" not in t


def test_planned_production_line_is_a_project():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("星兰微将在宁波建设12英寸功率芯片制造生产线,这是国内首条同类产线。"
                              "企业中晟华联则将在甬投资新型湿法隔膜生产线,为当地企业提供方案。", dateline="2023-05-01")))
    assert t.get("12英寸功率芯片制造生产线项目") == "Project"
    assert t.get("新型湿法隔膜生产线项目") == "Project"


def test_sites_put_somewhere_or_paid_for_are_projects():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("新能源龙头天合集团把储能PACK及储能系统集成生产基地放在宁波,有望形成百亿级规模。"
                              "国内领军企业星踏集团拟投入40亿元建设宁波星踏体育公园,打造产业新形态。园区投资5亿元建设厂房,扩大产能。",
                              dateline="2023-05-01")))
    assert t.get("储能PACK及储能系统集成生产基地项目") == "Project"
    assert t.get("宁波星踏体育公园项目") == "Project"
    assert "厂房项目" not in t


def test_no_partner_or_sector_from_set_phrases():
    from extract_helpers import article, types
    from kg.extract import extract

    t = types(extract(article("两家集团携手共进,共谋发展。市政府携手各方,共同推进。培育一批细分领域龙头企业和行业领军企业。"
                              "打造一批专精特新领军企业。", dateline="2023-05-01")))
    assert not any(v in ("Company", "Industry") for v in t.values())


def test_research_and_innovation_parks_by_suffix():
    ex = extract(article("两家企业总部正式入驻滨江新区研创园,另有一家入驻城北科创园。", dateline="2023-05-01"))
    t = types(ex)
    assert t.get("滨江新区研创园") == "Park" and t.get("城北科创园") == "Park"


def test_plans_with_a_span_of_years_and_quoted_programmes_put_into_practice():
    ex = extract(article(
        "会上，市工业和信息化局发布了《松江市新材料产业高质量发展三年行动计划(2026—2028年)》，"
        "并启动了“材料强市”百企技改行动。市长强调，要深入实施“数字松江”三年行动。"
        "《行动计划》提出到2028年产值翻番。"
    ))
    t = {e.label: e.type for e in ex.entities}
    assert t.get("松江市新材料产业高质量发展三年行动计划(2026—2028年)") == "Initiative"
    assert t.get("材料强市百企技改行动") == "Initiative"
    assert t.get("数字松江三年行动") == "Initiative"
    assert "行动计划" not in t  # 《行动计划》 is the plan named by its tail


def test_traditional_and_service_sectors_come_from_the_taxonomy():
    # sectors of the national classifications, not only the emerging ones (kg/data/industries.tsv)
    ex = extract(article("滨海新区将做强钢铁、有色金属、船舶制造等传统产业,培育总部经济和数字贸易。"))
    t = types(ex)
    for sector in ("钢铁", "有色金属", "船舶制造", "总部经济", "数字贸易"):
        assert t.get(sector) == "Industry", sector
    # a sector inside a longer known one is not split off (智能网联新能源汽车 is not 智能网联 + 新能源汽车)
    ex = extract(article("论坛聚焦智能网联汽车与氢能。"))
    assert "智能网联" not in types(ex)


def test_capacities_stay_inside_names_counts_and_city_bases_do_not_make_names():
    t = types(extract(article("其建设的白银新区5万吨/年绿氢制备项目总投资12亿元,一期工程明年建成。")))
    assert t.get("白银新区5万吨/年绿氢制备项目") == "Project"
    t = types(extract(article("据悉,本届大会为期两天,期间还将举办数据安全、智能网联等8场专题论坛。")))
    assert not any(label.startswith("场") or "等8场" in label for label in t)
    t = types(extract(article("他表示,公司将把西安基地建成在西北最大的生产基地。")))
    assert "西安基地" not in t


def test_science_cities_port_zones_and_logistics_parks_are_parks():
    t = types(extract(article("项目落户西安高新区丝路科技城,另一项目位于郑州航空港区,第三个项目在宜宾临港物流园。")))
    assert t.get("西安高新区丝路科技城") == "Park" or t.get("丝路科技城") == "Park"
    assert t.get("郑州航空港区") == "Park"
    assert t.get("宜宾临港物流园") == "Park"


def test_the_governments_of_a_level_are_no_organ():
    t = types(extract(article("2025年第三季度重大项目集中开工活动举行。各区县政府主要负责人在分会场参加活动。")))
    assert not any(label.endswith("县政府") for label in t)


def test_a_quoted_system_named_with_its_kind_is_an_initiative():
    t = types(extract(article("高新区将落实重大项目“首席服务官”制度,并推行“链长+链主”协同机制。")))
    assert t.get("首席服务官制度") == "Initiative"
    assert t.get("链长+链主协同机制") == "Initiative"


def test_a_designation_is_no_park_and_a_county_of_another_city_is_not_a_head():
    t = types(extract(article("他表示,天津将把信创产业作为建设全国先进制造研发基地的重要支撑。")))
    assert not any(label.endswith("研发基地") for label in t)
    ex = extract(article("天津滨海高新技术产业开发区管委会主任出席。"))
    assert not any(r.predicate == "locatedIn" and r.object in ("滨海", "滨海县") for r in ex.relations)


def test_a_quoted_system_before_its_working_mechanism_is_the_name_and_press_offices_are_bodies():
    t = types(extract(article("市发展改革委将建立氢能产业“链长制”工作机制。兰州市政府新闻办召开新闻发布会。")))
    assert t.get("链长制") == "Initiative" and "链长制工作机制" not in t
    assert t.get("兰州市政府新闻办") == "GovernmentBody"


def test_a_list_closed_by_its_count_of_sectors_names_unknown_sectors():
    t = types(extract(article("北海临港工业区全年完成产业投资超过300亿元,林浆纸、国际航运两大产业加快集聚。")))
    assert t.get("国际航运") == "Industry"


def test_an_expansion_project_keeps_its_verb():
    t = types(extract(article("其中,津港服务器整机扩产项目投资25亿元,由津港计算机系统有限公司投资建设。")))
    assert t.get("津港服务器整机扩产项目") == "Project"


def test_a_modal_verb_ends_a_name_on_its_left():
    t = types(extract(article("她指出,发展关键要靠科技、靠人才。")))
    assert not any(label.endswith("靠科技") for label in t)


def test_a_counted_kind_of_park_is_not_a_name():
    t = types(extract(article("到2027年,建设3个以上机器人特色产业园区,培育10家左右龙头企业。")))
    assert not any(typ == "Park" for typ in t.values()), t


def test_a_counted_kind_of_project_is_not_a_name():
    t = types(extract(article("全区新开工项目46个,总投资210亿元。其中,东岗镇集中签约项目共12个。")))
    assert not any(typ == "Project" for typ in t.values()), t


def test_a_firms_full_legal_name_before_a_project_is_its_investor_not_part_of_its_name():
    ex = extract(article("其中,临江远帆新材料科技有限公司年产5万吨碳纤维原丝项目总投资36亿元,已于去年投产。"))
    t, f = types(ex), facts(ex)
    assert t.get("年产5万吨碳纤维原丝项目") == "Project"
    assert t.get("临江远帆新材料科技有限公司") == "Company"
    assert ("investor", "年产5万吨碳纤维原丝项目", "临江远帆新材料科技有限公司") in f


def test_a_name_opening_with_a_preposition_character_that_the_text_also_writes_after_a_place():
    t = types(extract(article("在主会场开工的项目中,顺远智能装备项目总投资12亿元,由湖南顺远机械股份有限公司投资建设。")))
    assert t.get("顺远智能装备项目") == "Project", t
    t = types(extract(article("会议指出,以科技创新引领产业发展。")))
    assert not any(label.startswith("以科") for label in t)


def test_research_and_industrialisation_make_one_project_and_a_valley_is_a_park():
    ex = extract(article("其中,康远生物抗体药物研发及产业化基地项目总投资18亿元,项目选址临江药谷。"))
    t, f = types(ex), facts(ex)
    assert t.get("康远生物抗体药物研发及产业化基地项目") == "Project", t
    assert t.get("临江药谷") == "Park"
    assert ("locatedIn", "康远生物抗体药物研发及产业化基地项目", "临江药谷") in f


def test_a_drive_headline_names_no_project_and_a_state_platform_firm_is_a_kind():
    t = types(extract(article("临江高新区招商引资项目集中签约 18个项目总投资96亿元\n本报讯 昨天,签约仪式举行。")))
    assert not any(typ == "Project" for typ in t.values()), t
    t = types(extract(article("该项目由区属国有平台公司临江高新控股集团有限公司投资建设。")))
    assert not any(label.endswith("平台公司") for label in t), t


def test_a_year_opening_a_clause_is_not_part_of_a_parks_name_and_a_science_park_is_a_park():
    t = types(extract(article("2025年临江高新区实现规上工业产值1200亿元。企业将赴临江科学园开展对接。")))
    assert t.get("临江高新区") == "Park" and not any(label.startswith("2025年") for label in t), t
    assert t.get("临江科学园") == "Park"


def test_a_described_base_and_a_tonnage_before_yitihua_are_no_names():
    t = types(extract(article(
        "“我们把北方最大的生产基地放在临江,”董事长周海表示。4条9000吨级一体化压铸生产线同时启动。")))
    assert not any(typ in ("Project", "Initiative") for typ in t.values()), t


def test_function_characters_that_open_names_and_the_copula_xi():
    ex = extract(article(
        "远帆智能电气产业园项目由正昌鸿电气集团有限公司投资。康和远帆生物项目总投资16亿元,由广州康和远帆生物有限公司投资建设,"
        "该公司系上海康和远帆控股集团有限公司的全资子公司。政府和企业共同推进。"))
    t, f = types(ex), facts(ex)
    assert t.get("正昌鸿电气集团有限公司") == "Company", t
    assert t.get("广州康和远帆生物有限公司") == "Company" and t.get("康和远帆生物项目") == "Project", t
    assert ("subsidiaryOf", "广州康和远帆生物有限公司", "上海康和远帆控股集团有限公司") in f
    assert not any(label.startswith(("系", "公司系")) for label in t)


def test_a_sub_venue_a_phase_before_a_project_and_a_co_building_verb_make_no_names():
    ex = extract(article(
        "临江市2026年第一季度重大项目集中开工活动举行,东岗区分会场同步开工。二期项目远帆光伏石英坩埚项目总投资18亿元。"
        "临江远帆科技股份有限公司共建临江大学智能感知研究院签约暨揭牌仪式昨天举行。", dateline="2026-03-21"))
    t = types(ex)
    assert not any(typ == "Association" for typ in t.values()), t
    assert t.get("远帆光伏石英坩埚项目") == "Project", t
    assert "临江大学智能感知研究院签约暨揭牌仪式" in {label for label, typ in t.items() if typ == "Event"}, t


def test_an_ownership_descriptor_before_a_firm_is_not_part_of_its_name():
    t = types(extract(article("临江省属国有企业远帆装备制造集团有限公司与民营企业江苏青川氢能科技股份有限公司合资组建临江青川氢能装备有限公司。")))
    assert t.get("远帆装备制造集团有限公司") == "Company" and t.get("江苏青川氢能科技股份有限公司") == "Company", t
    assert not any(label.startswith(("民营企业", "临江省属")) for label in t)


def test_space_towns_knowledge_cities_innovation_blocks_and_industrial_zones_are_parks():
    t = types(extract(article("项目落户临江国际航天城。企业入驻东岗人工智能创新街区、临江化学工业区和中新临江知识城。")))
    for park in ("临江国际航天城", "东岗人工智能创新街区", "临江化学工业区", "中新临江知识城"):
        assert t.get(park) == "Park", (park, t)


def test_quoted_programmes_numbered_or_long_or_of_a_policy():
    t = types(extract(article(
        "各区要紧扣“24816”先进制造业集群体系,实施“621”发展战略。全市深入开展“千名专家进园区”活动,"
        "继续实行“审批跟着项目跑”,推动涉企政策“直达快享”。2025年“3000”家企业上云。")))
    assert t.get("24816先进制造业集群体系") == "Initiative"
    assert t.get("621发展战略") == "Initiative"
    assert t.get("千名专家进园区") == "Initiative"
    assert t.get("审批跟着项目跑") == "Initiative"
    assert t.get("直达快享") == "Initiative"
    assert not any(k.startswith("3000") for k in t)


def test_an_industry_brain_platform_is_an_initiative():
    t = types(extract(article("11月25日,湖州市新能源汽车产业大脑正式上线。")))
    assert t.get("湖州市新能源汽车产业大脑") == "Initiative"


def test_an_index_or_white_paper_released_is_an_initiative():
    t = types(extract(article("峰会发布了《2025长三角制造业数字化转型白皮书》和《2025中国县域经济发展指数》。")))
    assert t.get("2025长三角制造业数字化转型白皮书") == "Initiative"
    assert t.get("2025中国县域经济发展指数") == "Initiative"
    assert "中国" not in t


def test_a_park_named_in_quotes_but_not_a_title_given_to_parks():
    t = types(extract(article("双方将在毕节市七星关区共建“甬毕产业合作园”,重点发展电子信息等产业。该园区获评“年度招商引资突出产业园”。")))
    assert t.get("甬毕产业合作园") == "Park"
    assert "年度招商引资突出产业园" not in t


def test_policies_with_a_revision_year_reports_with_a_year_and_framework_agreements():
    t = types(extract(article("大会发布了《宜宾市招商引资奖励办法(2025年修订)》和《中国锂电产业发展报告(2025)》。两市签署《宜宾·泸州共建产业园合作框架协议》。")))
    assert t.get("宜宾市招商引资奖励办法(2025年修订)") == "Initiative"
    assert t.get("中国锂电产业发展报告(2025)") == "Initiative"
    assert t.get("宜宾·泸州共建产业园合作框架协议") == "Initiative"


def test_latin_words_a_split_word_and_kinds_of_project_in_project_names():
    t = types(extract(article("苏州晶视微电子有限公司投资建设晶视Mini LED背光模组项目。北大荒集团投资建设寒地稻米精深加工项目。")))
    assert t.get("晶视MiniLED背光模组项目") == "Project" or t.get("晶视Mini LED背光模组项目") == "Project", t
    assert t.get("寒地稻米精深加工项目") == "Project", t
    t = types(extract(article("全市共有42个项目列入2025年省重点建设项目,名单内项目享受用地保障,榆林市能源项目和人才项目同步推进。")))
    assert not any(v == "Project" for v in t.values()), t
