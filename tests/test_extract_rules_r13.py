"""Names, posts, places and sectors on hand-written sentences (thirteenth file: rules of session 33).

Each names firms, people and projects invented for the test (real places only where the lexicon of
administrative places is what is tested), never those of a gold file."""

from extract_helpers import article, facts, types

from kg.extract import extract
from kg.extract.lexicon import lexicon


def posts(f: set) -> set:
    """(person, body) of the holdsPosition facts (their titles left out)."""
    return {x[1:3] for x in f if x[0] == "holdsPosition"}


def test_an_autonomous_prefecture_of_three_or_four_characters_keeps_its_whole_short_name():
    lex = lexicon()
    for full, short in (("黔东南苗族侗族自治州", "黔东南"), ("黔西南布依族苗族自治州", "黔西南"),
                        ("西双版纳傣族自治州", "西双版纳"), ("伊犁哈萨克自治州", "伊犁"), ("巴音郭楞蒙古自治州", "巴音郭楞")):
        assert lex.place_label(short + "州") == lex.place_label(full) == short, (full, lex.place_label(short + "州"))
    assert lex.place("黔西").name == "黔西市"  # (毕节's county-level city, not the prefecture)


def test_the_prefectures_committee_and_government_of_a_long_short_name():
    text = ("昨日,黔东南州在凯里举行招商推介会。黔东南州委书记杜明远致辞,州委副书记、州长罗清远作推介,"
            "州委常委、常务副州长石文峰主持。推介会由黔东南州人民政府主办。")
    f = posts(facts(extract(article(text, dateline="2026-11-20"))))
    assert ("杜明远", "黔东南州委") in f, f
    assert ("罗清远", "黔东南州委") in f and ("罗清远", "黔东南州人民政府") in f, f
    assert ("石文峰", "黔东南州委") in f and ("石文峰", "黔东南州人民政府") in f, f


def test_a_xinjiang_prefectures_party_committee():
    text = "大会在伊宁市开幕。伊犁州党委书记艾山江·吐尔逊出席,州党委副书记、州长马志刚致辞。"
    f = posts(facts(extract(article(text))))
    assert ("艾山江·吐尔逊", "伊犁州党委") in f, f
    assert ("马志刚", "伊犁州党委") in f, f


def test_an_investment_map_and_a_policy_of_ten_articles_in_book_marks_are_initiatives():
    text = ("推介会上发布了《澜江市招商引资产业地图(2026版)》,并解读了《澜江市招商引资优惠政策十条》。")
    t = types(extract(article(text)))
    assert t.get("澜江市招商引资产业地图(2026版)") == "Initiative", t
    assert t.get("澜江市招商引资优惠政策十条") == "Initiative", t


def test_a_county_the_words_around_it_unmake_is_no_place():
    t = types(extract(article("黑河与对岸城市隔江相望,是边境线上规模最大的对应城市,片区将用好这一优势。")))
    assert "应城" not in t and "应城市" not in t, t
    t = types(extract(article("湖北省孝感市所辖的应城市,今年新签约项目12个。")))
    assert t.get("应城市") == "Place", t


def test_a_verb_of_building_before_a_park_of_one_word_is_no_part_of_its_name():
    t = types(extract(article("自贸片区将加快建设跨境产业园,今年以来片区新增注册企业860家。")))
    assert not any(k.startswith("建设") for k in t), t


def test_a_speakers_name_and_verb_open_no_park():
    text = ("澜江高新区党工委书记、管委会主任韩立远出席推介会。"
            "韩立远作澜江高新区生物医药产业推介。")
    t = types(extract(article(text)))
    assert not any(k.startswith("韩立远") and k != "韩立远" for k in t), t


def test_an_ethnic_group_named_after_a_country_is_no_place():
    t = types(extract(article("澜江朝鲜族人口多、语言相通,企业沟通成本低。")))
    assert "朝鲜" not in t, t


def test_a_wound_dressing_project_and_a_firms_plan_to_invest():
    t = types(extract(article("北京岚恒生物科技有限公司计划投资3.5亿元,建设医用敷料生产项目。")))
    assert t.get("医用敷料生产项目") == "Project", t
    assert not any(k.endswith("计划") for k in t), t


def test_firms_that_settle_in_this_centre_settle_in_the_centre_named_before():
    text = ("推介会上,澜江高新区生物医药创新中心正式揭牌。"
            "目前已有韩国澄宇制药株式会社、北京岚恒生物科技有限公司等5家企业入驻该中心。")
    f = facts(extract(article(text)))
    centre = next(x[2] for x in f if x[0] == "settledIn" and x[1] == "北京岚恒生物科技有限公司")
    assert centre.endswith("生物医药创新中心"), f
    assert ("settledIn", "韩国澄宇制药株式会社", centre) in f, f


def test_a_foreign_federation_of_industry_and_commerce_holding_a_post_is_an_association():
    t = types(extract(article("澜沧江商贸推介会举行,老挝国家工商联合会副主席坎蓬·西萨出席并致辞。")))
    assert t.get("老挝国家工商联合会") == "Association", t


def test_a_rare_surname_after_a_title_and_online_is_no_name():
    f = posts(facts(extract(article("推介会由德宏州人民政府主办。德宏州委书记岳立新、州长线秋兰出席。"))))
    assert ("线秋兰", "德宏州人民政府") in f, f
    t = types(extract(article("企业今年新增两条生产线,市长线上推介,总经理线下致辞。")))
    assert not any(v == "Person" for v in t.values()), t


def test_a_national_key_development_and_opening_zone_is_a_park():
    text = "缅甸澄金贸易集团有限公司投资3000万美元,在畹町国家重点开发开放试验区建设红木家具加工项目。"
    f = facts(extract(article(text)))
    assert ("locatedIn", "红木家具加工项目", "畹町国家重点开发开放试验区") in f, f
    assert ("investor", "红木家具加工项目", "缅甸澄金贸易集团有限公司") in f, f


def test_an_events_day_before_a_long_place_where_it_is_held():
    text = "新华社昆明11月28日电2026中缅边境经贸合作推介会27日在云南省德宏傣族景颇族自治州瑞丽市举行。"
    f = facts(extract(article(text, dateline="2026-11-28")))
    assert {x[2].value for x in f if x[0] == "date"} == {"2026-11-27"}, f


def test_two_bodies_that_also_signed_an_agreement_are_partners():
    f = facts(extract(article("德宏州人民政府与缅甸澄金贸易集团有限公司还签署了跨境农业合作框架协议。")))
    assert ("partnerOf", "德宏州人民政府", "缅甸澄金贸易集团有限公司") in f or \
        ("partnerOf", "缅甸澄金贸易集团有限公司", "德宏州人民政府") in f, f


def test_a_date_unit_opens_no_project_name():
    t = types(extract(article("企业力争明年6月一期项目投产。")))
    assert not any(k.startswith("月") for k in t), t


def test_a_places_fund_for_dealings_with_a_neighbour_keeps_its_place():
    f = facts(extract(article("绥芬河将设立规模10亿元的绥芬河市对俄合作产业引导基金,重点支持进口资源落地加工项目。")))
    assert ("investment", "绥芬河市对俄合作产业引导基金", _cny(1_000_000_000)) in f, f


def test_sectors_of_border_and_resource_regions():
    t = types(extract(article("要用好口岸优势,做大木材加工、农畜产品加工、跨境物流等产业,推动煤电与风光发电协同发展。")))
    for sector in ("木材加工", "农畜产品加工", "跨境物流", "煤电", "风光发电"):
        assert t.get(sector) == "Industry", (sector, t)


def test_this_enterprise_is_a_subsidiary_of_the_group_named_after_it():
    text = ("在综合保税区,他来到澜江森工木业有限公司。这家企业是俄罗斯澄河森林工业集团在华设立的全资子公司,"
            "正在建设木材深加工项目。")
    f = facts(extract(article(text)))
    assert ("subsidiaryOf", "澜江森工木业有限公司", "俄罗斯澄河森林工业集团") in f, f


def test_projects_counted_as_signed_with_a_fund_are_the_events_and_their_total_not_the_funds():
    text = ("11月16日,澜江市新材料产业发展基金发布暨项目签约会在澜江市举行。会上正式发布澜江市新材料产业发展基金,"
            "基金总规模20亿元。会上,3个项目与基金现场签约,拟投资总额4.2亿元。"
            "其中,澜江华翎铝业有限公司投资1.8亿元建设高纯铝箔项目,项目选址澜江工业园区。")
    f = facts(extract(article(text, dateline="2026-11-16")))
    fund = "澜江市新材料产业发展基金"
    assert {x[2] for x in f if x[0] == "investment" and x[1] == fund} == {_cny(2_000_000_000)}, f
    assert ("signedAt", "高纯铝箔项目", "澜江市新材料产业发展基金发布暨项目签约会") in f, f


def _cny(value: int):
    from decimal import Decimal

    from kg.model import Amount
    return Amount(Decimal(value), "CNY")


def test_products_jieba_tags_as_verbs_end_project_names():
    f = facts(extract(article("福建澄拓铝业有限公司投资5.2亿元建设铝制电池托盘项目;澜江钢管有限公司投资3亿元建设螺旋焊管项目。")))
    assert ("investor", "铝制电池托盘项目", "福建澄拓铝业有限公司") in f, f
    assert ("investor", "螺旋焊管项目", "澜江钢管有限公司") in f, f


def test_a_project_of_two_products_joined_by_and_whose_second_is_an_activity():
    text = "其中,澜江绿氢科技有限公司投资35亿元建设的年产2万吨绿氢及储运项目位于濮阳经开区,预计明年年底投产。"
    f = facts(extract(article(text)))
    assert ("investor", "年产2万吨绿氢及储运项目", "澜江绿氢科技有限公司") in f, f


def test_the_central_plains_is_no_place():
    t = types(extract(article("河南中原澄酿酒业集团有限公司落户郑州,助力中原崛起。")))
    assert "中原" not in t, t


def test_a_firm_that_signed_at_a_ceremony_invests_in_what_the_clause_after_builds():
    text = ("典礼上,澄晟电材科技有限公司与澜南高新区管委会签署二期投资协议,将再投资新台币45亿元,"
            "建设电子特气二期扩产项目,预计2028年底完工。")
    f = facts(extract(article(text)))
    assert ("investor", "电子特气二期扩产项目", "澄晟电材科技有限公司") in f, f


def test_a_fund_that_pays_for_a_firms_project_invests_in_it_with_the_firm():
    text = ("澜阳市绿色石化产业投资基金今天揭牌。签约仪式上,基金与澜阳华烯新材料有限公司签署投资协议,"
            "将向其投资3亿元,用于建设总投资36亿元的年产20万吨高端聚烯烃弹性体项目。")
    f = facts(extract(article(text)))
    project = "年产20万吨高端聚烯烃弹性体项目"
    assert ("investor", project, "澜阳市绿色石化产业投资基金") in f, f
    assert ("investor", project, "澜阳华烯新材料有限公司") in f, f


def test_a_fund_that_buys_into_a_firm_is_no_investor_of_the_firms_project():
    text = ("澜江市新能源产业基金今天设立。其中,基金出资3.5亿元投资四川澄源新材料有限公司,"
            "支持其在内江经开区建设年产10万吨磷酸铁锂正极材料项目,该项目总投资28亿元。")
    f = facts(extract(article(text)))
    project = "年产10万吨磷酸铁锂正极材料项目"
    assert ("investor", project, "四川澄源新材料有限公司") in f, f
    assert ("investor", project, "澜江市新能源产业基金") not in f, f


def test_two_bodies_that_cooperate_and_invest_both_invest():
    text = "其中,澜伦市金穗鲜食玉米农民专业合作社联合社与绥化澄鲜食品有限公司合作,投资2.3亿元建设鲜食玉米加工及冷链项目。"
    f = facts(extract(article(text)))
    assert ("investor", "鲜食玉米加工及冷链项目", "澜伦市金穗鲜食玉米农民专业合作社联合社") in f, f
    assert ("investor", "鲜食玉米加工及冷链项目", "绥化澄鲜食品有限公司") in f, f


def test_a_founder_named_again_as_the_funds_manager_is_no_firm_founded():
    text = ("该基金总规模20亿元,由澜木斯市国有资本投资运营集团有限公司、黑龙江省澄农产业发展引导基金和北京禾沃资本管理有限公司"
            "共同发起设立,北京禾沃资本管理有限公司担任基金管理人。")
    f = facts(extract(article(text)))
    assert not any(x[0] == "subsidiaryOf" for x in f), f
    assert ("partnerOf", "北京禾沃资本管理有限公司", "澜木斯市国有资本投资运营集团有限公司") in f or \
        ("partnerOf", "澜木斯市国有资本投资运营集团有限公司", "北京禾沃资本管理有限公司") in f, f


def test_a_zones_organs_named_after_its_short_form_are_named_after_its_full_name():
    text = ("昨天上午,防城港经济技术开发区2026年第四季度重点项目集中签约仪式在防城港经开区举行。"
            "防城港市委常委、经开区党工委书记蒙立勋,副市长、经开区管委会主任覃雅琳出席。"
            "仪式由防城港经济技术开发区管委会主办。经开区管委会与广西大学签署产学研合作协议。")
    ex = extract(article(text, dateline="2026-11-20"))
    t, f = types(ex), posts(facts(ex))
    assert "防城港经开区管委会" not in t and "防城港经开区党工委" not in t, t
    assert ("覃雅琳", "防城港经济技术开发区管委会") in f, f
    assert ("蒙立勋", "防城港经济技术开发区党工委") in f, f


def test_a_trade_that_qualifies_a_noun_is_no_firms_short_name():
    text = ("该市区位条件好、农产品资源丰富,冷链物流成本比沿海低三成,冷链物流成本优势明显。"
            "园区累计签约口腔装备材料项目20个,口腔装备材料产值突破10亿元。")
    t = types(extract(article(text)))
    assert t.get("冷链物流") != "Company" and t.get("口腔装备") != "Company", t


def test_a_firms_short_name_before_its_post_or_verb_is_kept():
    text = "华澄科技董事长李明远表示,华澄科技将在昆山投资建设研发中心。"
    t = types(extract(article(text)))
    assert t.get("华澄科技") == "Company", t


def test_a_brand_shared_by_a_parent_and_its_local_subsidiary_names_the_parent():
    text = ("澄鑫精密工业股份有限公司在汕尾举行投产典礼。澄鑫精密科技(汕尾)有限公司由澄鑫精密全资设立。"
            "澄鑫精密董事长陈立明表示,汕尾厂是公司在大陆的第二个生产基地。")
    ex = extract(article(text))
    t, f = types(ex), facts(ex)
    assert "澄鑫精密" not in t, t
    assert ("holdsPosition", "陈立明", "澄鑫精密工业股份有限公司", "董事长") in f, f


def test_a_short_form_declared_again_and_again_is_marked_once_per_use():
    """A long text (a dump of one story many times) declares a short form hundreds of times: each
    use is marked once, not once per declaration before it (a 5 MB text took 17 GB)."""
    from kg.extract.registry import default_pipeline

    story = "苏州澄明新材料科技股份有限公司(以下简称“澄明新材”)今日投产。澄明新材董事长李明远致辞,澄明新材将扩产。\n"
    doc = default_pipeline().run(article(story * 150))
    shorts = [s for s in doc.spans if s.source == "short_form"]
    assert len(shorts) <= 6 * 150, len(shorts)  # (each copy: its declaration and four uses; marked per declaration, ~45,000)


def test_a_firm_named_by_an_abbreviation_of_its_full_name_is_that_firm():
    text = ("签约项目中,澄蓝海工智能装备制造基地项目投资30亿元,由深圳澄蓝海洋工程科技有限公司投资建设。"
            "澄蓝海工董事长许明远在推介会上表示,将加快项目建设。")
    ex = extract(article(text))
    t, f = types(ex), facts(ex)
    assert "澄蓝海工" not in t, t
    assert ("holdsPosition", "许明远", "深圳澄蓝海洋工程科技有限公司", "董事长") in f, f


def test_a_firm_with_its_short_form_in_brackets_builds_what_it_will_build_there():
    text = "根据协议,福建澄瑞新材料科技有限公司(澄瑞新材料)将在东侨经开区湖东片区建设年产5万吨锂电池电解液及添加剂项目。"
    f = facts(extract(article(text)))
    assert ("investor", "年产5万吨锂电池电解液及添加剂项目", "福建澄瑞新材料科技有限公司") in f, f


def test_a_phase_the_signing_firm_will_invest_in_to_extend_a_line():
    text = ("典礼上,澄升材料(贺州)有限公司与贺州旺高工业区管委会签署二期投资协议,"
            "二期将投资新台币30亿元扩建年产5万吨高纯粉体产线项目,预计2028年投产。")
    f = facts(extract(article(text)))
    assert ("investor", "年产5万吨高纯粉体产线项目", "澄升材料(贺州)有限公司") in f, f
    assert any(x[0] == "investment" and x[1] == "年产5万吨高纯粉体产线项目" for x in f), f


def test_the_sectors_of_a_plan_that_rests_on_a_park_are_the_parks():
    f = facts(extract(article("澜饶县将依托澜饶经济开发区,重点发展橡胶轮胎和精细化工。")))
    assert ("inIndustry", "澜饶经济开发区", "精细化工") in f, f
    f = facts(extract(article("明确以澜岭专用车产业园为主要承载区,重点发展智能环卫装备和汽车零部件。")))
    assert any(x[0] == "inIndustry" and x[1] == "澜岭专用车产业园" for x in f), f


def test_the_joint_venture_a_long_clause_after_you_describes_builds_the_project():
    text = ("澄宏化学工业股份有限公司22日举行投产典礼,宣布年产30万吨特种工程塑胶项目正式投产。该项目总投资4.5亿美元,"
            "由澄宏透过香港子公司澄宏(香港)控股有限公司,与钦州市国有平台钦州澄发投资集团有限公司合资成立的"
            "澄宏新材料(钦州)有限公司投资建设,位于钦州港经济技术开发区。")
    f = facts(extract(article(text)))
    assert ("investor", "年产30万吨特种工程塑胶项目", "澄宏新材料(钦州)有限公司") in f, f


def test_a_funds_listed_projects_to_invest_in_are_its():
    text = ("澜木斯市现代农业产业投资基金今天揭牌。基金首批3个拟投项目同步签约,投资金额合计4.2亿元,分别为:"
            "黑龙江澄野大豆蛋白科技有限公司的年产10万吨大豆分离蛋白项目、澜木斯澄犁智能农机装备有限公司的大马力智能拖拉机生产项目。")
    f = facts(extract(article(text)))
    fund = "澜木斯市现代农业产业投资基金"
    assert ("investor", "年产10万吨大豆分离蛋白项目", fund) in f and ("investor", "大马力智能拖拉机生产项目", fund) in f, f


def test_a_bare_fund_among_several_pays_no_fund_into_the_project_but_names_the_firm():
    text = ("澜阳市绿色石化产业投资基金今天揭牌,澜江省新兴产业引导基金作为有限合伙人出资5亿元。签约仪式上,"
            "基金与澜阳华烯新材料有限公司签署投资协议,将向其投资3亿元,用于建设总投资36亿元的年产20万吨高端聚烯烃弹性体项目。")
    f = facts(extract(article(text)))
    project = "年产20万吨高端聚烯烃弹性体项目"
    assert ("investor", project, "澜阳华烯新材料有限公司") in f, f
    assert not any(x[0] == "investor" and x[1] == project and x[2].endswith("基金") for x in f), f
