"""Events, projects and firms on hand-written sentences (seventh file: rules of session 14).

Each names firms, people and places invented for the test (real places only where the lexicon of
administrative places is what is tested), never those of a gold file."""

from extract_helpers import article, facts, types
from kg.extract import extract


def test_an_event_joining_two_acts_with_ji_keeps_the_first_act_in_its_name():
    ex = extract(article(
        "昨天上午,恒星集团西南区域总部落户暨重点项目签约仪式在恒川经济技术开发区举行。"
        "仪式上共签约项目6个,总投资约35亿元。"))
    t = types(ex)
    assert t.get("恒星集团西南区域总部落户暨重点项目签约仪式") == "Event", t
    assert "暨重点项目签约仪式" not in t, t


def test_projects_started_at_the_sub_venues_are_the_events_and_a_parts_subtotal_is_not():
    f = facts(extract(article(
        "11月25日上午,恒安市2026年第四季度重大项目集中开工活动举行。本次全市集中开工重大项目86个,总投资428.5亿元。"
        "恒山经开区是本次集中开工的主战场,共开工项目21个、总投资136亿元。"
        "在分会场,恒东县开工的江西恒铂铜箔科技有限公司年产5万吨锂电铜箔项目总投资25亿元;"
        "恒和县开工的恒和乌鸡深加工产业园项目总投资8亿元。")))
    ev = "恒安市2026年第四季度重大项目集中开工活动"
    assert ("signedAt", "年产5万吨锂电铜箔项目", ev) in f, f
    assert ("signedAt", "恒和乌鸡深加工产业园项目", ev) in f, f
    counts = {r[2] for r in f if r[0] == "projectCount" and r[1] == ev}
    assert counts == {86}, counts


def test_a_list_of_lines_of_business_before_qiye_names_sectors_not_firms():
    t = types(extract(article(
        "恒安数字经济产业园规划用地860亩,总投资28亿元,建成后将重点引进软件信息、数字内容等企业。"
        "恒天光能、理想恒车等龙头企业牵头带动。")))
    assert t.get("软件信息") == "Industry" and t.get("数字内容") == "Industry", t
    assert t.get("理想恒车") == "Company", t


def test_projects_of_a_sentence_opening_at_the_signing_ceremony_were_signed_there():
    f = facts(extract(article(
        "“河南恒昌(香港)投资环境推介会暨重点项目签约仪式”18日在香港举行。"
        "签约仪式上,香港恒德兴业集团有限公司与恒昌经济技术开发区管委会签约,投资2.2亿美元建设输变电装备零部件项目;"
        "香港恒盛发艺控股有限公司投资12亿元人民币,在恒安区建设高端发制品智能制造产业园项目。")))
    ev = "河南恒昌(香港)投资环境推介会暨重点项目签约仪式"
    assert ("signedAt", "高端发制品智能制造产业园项目", ev) in f or \
        ("signedAt", "高端发制品智能制造产业园项目", ev.replace("(", "（").replace(")", "）")) in f, f


def test_aspects_listed_before_a_project_are_no_projects_and_a_bureau_of_two_portfolios_is_one_body():
    ex = extract(article(
        "恒昌已建立服务机制,将在土地、能耗、人才等方面为港资项目提供全方位保障。"
        "香港特区政府商务及经济发展局副局长何恒俊出席并致辞。"))
    t = types(ex)
    assert "人才项目" not in t and "能耗项目" not in t, t
    assert ("holdsPosition", "何恒俊", "香港特区政府商务及经济发展局", "副局长") in facts(ex), facts(ex)


def test_a_legal_name_opening_with_its_place_takes_no_visitors_name_and_a_visited_firms_projects_are_its_own():
    ex = extract(article(
        "本报讯11月23日,市委书记周光明先后深入恒门高新区调研。\n"
        "在恒门高新区,周光明首先来到湖北恒能锂电材料有限公司。该公司是江苏恒宸新能源集团股份有限公司的全资子公司。"
        "目前,公司年产10万吨磷酸铁锂正极材料一期项目已满产运行。\n"
        "在恒山市,周光明走进湖北恒禾农机装备有限公司。企业正在实施的智能农机装备产业化项目总投资12亿元。\n"
        "在恒祥市,周光明来到湖北恒瑞磷化工有限公司。该公司专注精细磷化工领域,投资26亿元的年产20万吨精细磷酸盐项目已完成主体工程建设。"))
    f = facts(ex)
    assert ("investor", "年产10万吨磷酸铁锂正极材料一期项目", "湖北恒能锂电材料有限公司") in f, f
    assert ("investor", "智能农机装备产业化项目", "湖北恒禾农机装备有限公司") in f, f
    assert ("investor", "年产20万吨精细磷酸盐项目", "湖北恒瑞磷化工有限公司") in f, f
    assert "光明来到湖北恒瑞磷化工有限公司" not in types(ex), types(ex)


def test_a_joint_venture_of_founders_with_a_bracketed_short_form_invests_in_the_project():
    f = facts(extract(article(
        "在漳河新区,周恒明察看了恒门恒栖算力中心项目建设情况。"
        "该项目由市属国有平台恒门市城市建设投资控股集团有限公司(恒门城投)与北京恒栖数据科技有限公司合资组建的"
        "恒门恒栖算力科技有限公司投资建设,总投资22亿元。", )))
    inv = {r[2] for r in f if r[0] == "investor" and r[1] == "恒门恒栖算力中心项目"}
    assert inv == {"恒门恒栖算力科技有限公司"}, f


def test_a_byline_place_is_no_place_of_the_story_and_a_joint_centre_names_the_university_after_the_dash():
    ex = extract(article(
        "2026/11/23 03:10 工商时报 记者 林恒君/台北报导\n"
        "特用化学大厂恒宏化学工业股份有限公司(恒宏)22日在广西钦州举行投产典礼。"
        "同时,由恒宏与恒部湾大学共同组建的“恒宏-恒部湾大学高分子材料联合研发中心”揭牌。"))
    t = types(ex)
    assert "台北" not in t, t
    assert "恒宏-恒部湾大学" not in t and t.get("恒部湾大学") == "University", t


def test_the_investor_of_you_x_touzi_jianshe_de_y_may_carry_its_short_form_in_brackets():
    f = facts(extract(article(
        "集中开工项目中,由市属国有平台恒州市城市发展投资控股集团有限公司(恒州城投)投资建设的航空货运集疏运中心项目总投资18亿元。")))
    assert ("investor", "航空货运集疏运中心项目", "恒州市城市发展投资控股集团有限公司") in f, f


def test_an_owner_setting_up_a_subsidiary_in_a_place_and_a_parent_seen_on_a_visit_are_not_located_there():
    f = facts(extract(article(
        "恒安晶润电子是深圳市恒润电路集团股份有限公司(恒润集团)在恒安设立的全资子公司。\n"
        "在漳恒新区,周恒明察看了湖北恒能锂电材料有限公司。该公司是江苏恒宸新能源集团股份有限公司的全资子公司。")))
    located = {(r[1], r[2]) for r in f if r[0] == "locatedIn"}
    assert not any(a == "深圳市恒润电路集团股份有限公司" for a, _ in located), located
    assert not any(a == "江苏恒宸新能源集团股份有限公司" for a, _ in located), located


def test_a_sector_qualified_in_a_name_is_named_as_written_but_not_after_a_verb_or_a_scope():
    f = facts(extract(article(
        "宁波绿色石化产业子基金规模20亿元。芜湖铜基新材料产业基金同步设立。"
        "恒州市加快氢能产业高质量发展三年行动方案(2025—2027年)发布。")))
    assert ("inIndustry", "宁波绿色石化产业子基金", "绿色石化") in f, f
    assert ("inIndustry", "芜湖铜基新材料产业基金", "铜基新材料") in f, f
    assert not any(r[0] == "inIndustry" and r[2] == "加快氢能" for r in f), f


def test_a_county_organ_takes_the_county_a_short_place_name_stands_for_in_the_article():
    # 清河 is a 区 of 铁岭 and a 县 of 邢台: with 县委 the article means the county
    f = facts(extract(article(
        "28日,清河县2026年第四季度重点项目观摩推进会召开。邢台市委常委、清河县委书记马恒强出席并讲话,"
        "县委副书记、县长李恒军主持推进会。清河经济开发区管委会与恒羊新材料科技有限公司签约。"
        "清河县人民政府与北京恒汇电商科技有限公司签约。据了解,清河实施亿元以上重点项目86个。")))
    posts = {(r[1], r[2], r[3]) for r in f if r[0] == "holdsPosition"}
    assert ("李恒军", "清河县人民政府", "县长") in posts, posts
    assert ("李恒军", "清河县委", "县委副书记") in posts, posts


def test_people_elected_to_a_bodys_post_hold_it_in_the_body_named_before():
    f = facts(extract(article(
        "今天上午,攀枝花钒钛新材料产业联盟成立大会举行。大会选举产生了第一届理事会。"
        "甘肃恒镍集团股份有限公司董事长陈恒栋当选联盟理事长,恒州大学副校长赵恒鹏、甘肃恒钴新能源材料有限公司总经理孙恒燕当选副理事长,"
        "恒昌市新材料产业发展服务中心主任赵恒娟任秘书长。")))
    posts = {(r[1], r[2], r[3]) for r in f if r[0] == "holdsPosition"}
    alliance = "攀枝花钒钛新材料产业联盟"
    for who, title in (("陈恒栋", "理事长"), ("赵恒鹏", "副理事长"), ("孙恒燕", "副理事长"), ("赵恒娟", "秘书长")):
        assert (who, alliance, title) in posts, (who, posts)
    assert ("赵恒鹏", None, "理事长") not in posts, posts


def test_sub_funds_set_up_under_a_parent_are_unveiled_together_with_sizes_stated_respectively():
    ex = extract(article(
        "19日下午,宁波市海洋经济产业母基金签约暨揭牌仪式在宁波举行。"
        "母基金下设的宁波绿色石化产业子基金和宁波船舶海工产业子基金同步揭牌,规模分别为20亿元和15亿元。"
        "据了解,近年来宁波已设立各类政府产业基金11支,累计撬动社会资本投资项目140余个。"))
    f, t = facts(ex), types(ex)
    ev = "宁波市海洋经济产业母基金签约暨揭牌仪式"
    for fund, size in (("宁波绿色石化产业子基金", 2000000000), ("宁波船舶海工产业子基金", 1500000000)):
        assert ("launched", ev, fund) in f, (fund, f)
        assert any(r[0] == "investment" and r[1] == fund and r[2].value == size for r in f), (fund, f)
        assert any(r[0] == "subsidiaryOf" and r[1] == fund for r in f), (fund, f)
    assert "政府产业基金" not in t and "社会资本投资项目" not in t, t


def test_a_short_form_abbreviating_the_name_after_its_place_is_that_firm_and_owns_what_it_newly_set_up():
    ex = extract(article(
        "北京中科恒远科技集团股份有限公司(恒远集团)新设立的全资子公司中科恒远(运城)科技有限公司同日揭牌,"
        "作为集团区域总部,统筹集团在三省交界地区的研发、生产和销售业务。恒远集团董事长周恒明出席。"))
    f, t = facts(ex), types(ex)
    assert ("subsidiaryOf", "中科恒远(运城)科技有限公司", "北京中科恒远科技集团股份有限公司") in f, f
    assert "恒远集团" not in t and "统筹集团" not in t, t


def test_a_capacity_expansion_project_is_named_with_its_verb():
    f = facts(extract(article(
        "在连庄镇,观摩团察看了河北恒驰汽车密封件有限公司新能源汽车密封件扩能项目。")))
    assert ("investor", "新能源汽车密封件扩能项目", "河北恒驰汽车密封件有限公司") in f, f


def test_a_plan_to_set_up_a_fund_launches_nothing_and_a_years_projects_are_not_the_events():
    f = facts(extract(article(
        "11月19日,恒齐市人民政府新闻办公室召开新闻发布会。"
        "刘恒梅介绍,市财政将联合市属国有平台恒齐市城市投资集团有限公司设立规模30亿元的恒齐市高端装备产业发展基金。"
        "孙恒伟介绍,今年以来,全市装备制造业新签约亿元以上项目41个、总投资286亿元。"
        "其中,黑龙江恒重智能装备有限公司投资18亿元实施的大型锻压装备智能化改造项目已完成设备安装。")))
    assert not any(r[0] == "launched" for r in f), f
    assert not any(r[0] == "signedAt" for r in f), f


def test_the_main_venue_is_the_events_location_and_a_zone_where_a_park_starts_is_not_launched():
    f = facts(extract(article(
        "11月25日上午,恒安市2026年第四季度重大项目集中开工活动举行。活动采取“1+3”方式,主会场设在恒山经济技术开发区。"
        "同日,恒安数字经济产业园在恒山经开区开工建设。恒山经开区是本次集中开工的主战场,共开工项目21个。")))
    ev = "恒安市2026年第四季度重大项目集中开工活动"
    assert ("location", ev, "恒山经济技术开发区") in f, f
    assert ("launched", ev, "恒山经济技术开发区") not in f, f


def test_a_testing_centre_named_for_its_place_is_an_institute_but_one_of_a_kind_is_not():
    t = types(extract(article(
        "由恒昌经开区管委会与恒州大学共建的甘肃省镍钴新材料检验检测中心同时揭牌。"
        "二期项目将建设标准化厂房、GMP车间、中药材检验检测中心和研发孵化楼。")))
    assert t.get("甘肃省镍钴新材料检验检测中心") == "ResearchInstitute", t
    assert "中药材检验检测中心" not in t, t


def test_a_town_named_x_jizhen_is_a_place():
    t = types(extract(article("在钟祥市胡集镇,周恒明来到湖北恒瑞磷化工有限公司。推进小集镇建设。")))
    assert t.get("胡集镇") == "Place", t
    assert "小集镇" not in t, t


def test_a_town_the_table_does_not_know_lies_in_the_place_written_before_it():
    f = facts(extract(article("在钟祥市胡集镇,周恒明来到湖北恒瑞磷化工有限公司。")))
    assert any(r[0] == "locatedIn" and r[1] == "胡集镇" and r[2] in ("钟祥", "钟祥市") for r in f), f


def test_a_fund_the_city_will_set_up_is_not_launched_at_the_press_conference():
    f = facts(extract(article(
        "11月20日,恒营市人民政府新闻办公室召开新闻发布会。"
        "市发展和改革委员会副主任李恒燕说,市里将设立规模100亿元的恒营市高端石化产业发展基金。")))
    assert not any(r[0] == "launched" for r in f), f


def test_the_firms_listed_after_a_batch_settling_in_a_park_settle_there():
    f = facts(extract(article(
        "昨天,钱恒·衢州飞地产业园开园。现场,首批8个项目签约入驻园区,总投资26.8亿元。"
        "其中,衢州恒邦新材料有限公司投资6亿元建设含氟新材料研发中心项目;浙江恒源动力科技有限公司投资4.5亿元建设锂电正极材料研究院项目。")))
    for firm in ("衢州恒邦新材料有限公司", "浙江恒源动力科技有限公司"):
        assert ("settledIn", firm, "钱恒·衢州飞地产业园") in f, (firm, f)


def test_a_firm_set_up_to_build_the_projects_just_listed_invests_in_them_with_its_parent():
    f = facts(extract(article(
        "恒安市人民政府与中储恒能集团有限公司战略合作协议签约仪式24日在济南举行。"
        "按照协议,首批合作项目包括:建设肥城600兆瓦盐穴压缩空气储能电站项目,总投资48亿元;"
        "在恒安高新技术产业开发区建设年产2000兆瓦新型储能装备制造基地项目,总投资26亿元。"
        "为推进项目落地,中储恒能集团有限公司将在恒安设立全资子公司中储恒能(恒安)储能科技有限公司,负责上述项目的投资建设和运营。")))
    for p in ("肥城600兆瓦盐穴压缩空气储能电站项目", "年产2000兆瓦新型储能装备制造基地项目"):
        for org in ("中储恒能集团有限公司", "中储恒能(恒安)储能科技有限公司"):
            assert ("investor", p, org) in f, (p, org, f)


def test_a_firm_founded_by_two_as_the_bare_subject_says_and_a_subsidiary_held_by_the_sentences_firm():
    f = facts(extract(article(
        "瓜州光伏基地项目总投资42亿元。项目由瓜州恒陇新能源有限公司投资建设,"
        "该公司由中国恒源能源集团有限公司与甘肃恒投能源集团有限公司按51%、49%的比例合资组建。"
        "上海恒瀚重工集团有限公司与舟山市签约。据介绍,上海恒瀚重工集团有限公司成立于1998年,旗下拥有江苏恒洋海工装备有限公司等子公司。")))
    assert ("subsidiaryOf", "瓜州恒陇新能源有限公司", "中国恒源能源集团有限公司") in f, f
    assert ("subsidiaryOf", "瓜州恒陇新能源有限公司", "甘肃恒投能源集团有限公司") in f, f
    assert ("subsidiaryOf", "江苏恒洋海工装备有限公司", "上海恒瀚重工集团有限公司") in f, f


def test_a_core_base_in_a_firms_plan_is_no_park():
    t = types(extract(article("钱恒宇表示,集团将把恒安作为在华北地区布局新型储能的核心基地。")))
    assert "核心基地" not in t, t


def test_a_name_never_opens_before_an_unclosed_bracket_and_the_joint_venture_builds_what_it_is_set_up_for():
    ex = extract(article(
        "开发区国有平台阜阳恒发投资集团有限公司(恒发投资集团)与江苏恒禾食品科技有限公司签约,"
        "双方合资成立阜阳恒禾食品有限公司,由其投资12.5亿元建设中央厨房及预制菜产业园项目,其中恒发投资集团持股35%。"))
    f, t = facts(ex), types(ex)
    assert not any("(" in k and ")" not in k for k in t), t
    assert ("investor", "中央厨房及预制菜产业园项目", "阜阳恒禾食品有限公司") in f, f


def test_bare_specific_measures_are_no_initiative():
    t = types(extract(article("恒州市发布《若干措施》。据介绍,若干措施共20条,围绕电子电路、新型显示等细分领域,"
                              "从招大引强、技术创新、金融支持等方面提出具体举措。")))
    assert "具体举措" not in t, t
