"""Firms, posts, places and counts on hand-written sentences (ninth file: rules of session 16).

Each names firms, people and places invented for the test (real places only where the lexicon of
administrative places is what is tested), never those of a gold file."""

from extract_helpers import article, facts, types
from kg.extract import extract
from kg.read import read_articles


def test_a_name_does_not_run_left_over_a_foreign_currency():
    ex = extract(article("德国蓝湖传动机械有限公司投资4500万欧元建设精密丝杠项目。"))
    t, f = types(ex), facts(ex)
    assert t.get("精密丝杠项目") == "Project", t
    assert not any(k.startswith("万") or "欧元" in k for k in t), t
    assert ("investor", "精密丝杠项目", "德国蓝湖传动机械有限公司") in f, f


def test_a_hui_surname_after_a_title_is_a_person():
    f = facts(extract(article("恒安经开区举行重点项目集中签约仪式。恒安市副市长纳永和出席并致辞。")))
    assert any(r[0] == "holdsPosition" and r[1] == "纳永和" for r in f), f


def test_a_district_written_with_its_city_keeps_that_form_as_an_alias():
    ex = extract(article("恒安经开区举行重点项目集中签约仪式。南充市高坪区签约项目3个。"))
    place = next(e for e in ex.entities if e.type == "Place" and "高坪区" in e.aliases)
    assert "南充市高坪区" in place.aliases, place


def test_a_deputy_secretary_general_of_a_provincial_government_holds_the_post_there():
    f = facts(extract(article("恒安经开区举行重点项目集中签约仪式。青海省政府副秘书长齐景川出席。")))
    assert any(r[:3] == ("holdsPosition", "齐景川", "青海省政府") for r in f), f
    assert not any(str(r[2]).endswith("副") for r in f), f


def test_a_district_of_the_home_city_that_signs_on_its_own_gives_a_subtotal(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(
        "南充日报讯 11月20日,南充(深圳)投资推介会暨重点项目签约仪式在深圳举行。现场共签约项目20个,总投资300亿元。\n"
        "据了解,此次推介会期间,南充市高坪区还签约项目5个,总投资41亿元。\n", encoding="utf-8")
    art = read_articles([p])[0][0]
    f = facts(extract(art))
    counts = {r[2] for r in f if r[0] == "projectCount"}
    assert counts == {20}, counts


def test_a_sector_before_lingyu_is_no_firms_short_name():
    t = types(extract(article("恒安经开区举行重点项目集中签约仪式。该公司是国内空分装备领域的骨干企业。")))
    assert "空分装备" not in t and "国内空分装备" not in t, t


def test_a_regional_headquarters_set_up_by_a_firm_is_its_subsidiary_and_the_parent_is_not_there():
    f = facts(extract(article(
        "恒安经开区举行重点项目集中签约仪式。"
        "其中湖南星岳数据科技有限公司是上海星岳信息技术股份有限公司在湖南设立的区域总部,2025年入驻园区。")))
    assert ("subsidiaryOf", "湖南星岳数据科技有限公司", "上海星岳信息技术股份有限公司") in f, f
    assert not any(r[0] == "locatedIn" and r[1] == "上海星岳信息技术股份有限公司" for r in f), f


def test_a_zone_and_district_run_as_one_name_the_working_committee_and_keep_the_chain():
    f = facts(extract(article(
        "宜昌市委副书记、市长吴岳宣布项目投产,市委常委、恒安高新区·猇亭区党工委书记齐明远致辞。")))
    assert ("holdsPosition", "齐明远", "恒安高新区·猇亭区党工委", "党工委书记") in f, f
    assert any(r[:3] == ("holdsPosition", "齐明远", "宜昌市委") for r in f), f


def test_a_japanese_president_shachou_is_a_post():
    f = facts(extract(article("恒安经开区举行重点项目集中签约仪式。日本青木精工株式会社社长高桥一郎出席仪式。")))
    assert ("holdsPosition", "高桥一郎", "日本青木精工株式会社", "社长") in f, f


def test_a_verb_of_connecting_stays_inside_a_products_project_name():
    t = types(extract(article("恒安经开区举行重点项目集中签约仪式。同日开工的二期项目为高密度互连板(HDI)项目,总投资28亿元。")))
    assert t.get("高密度互连板(HDI)项目") == "Project", t


def test_a_firms_own_base_named_by_its_brand_is_no_park():
    t = types(extract(article(
        "恒锐电路恒安基地一期投产 二期项目同步开工\n"
        "恒锐电路科技(恒安)有限公司是深圳恒锐电路股份有限公司(恒锐电路)的全资子公司,落户恒安经济技术开发区。")))
    assert "恒锐电路恒安基地" not in t, t


def test_a_trade_guild_named_by_its_trade_verb_holds_its_chairs_post():
    f = facts(extract(article("恒安经开区举行重点项目集中签约仪式。台湾区五金输出业同业公会理事长林志成发言指出,双方合作空间广阔。")))
    assert ("holdsPosition", "林志成", "台湾区五金输出业同业公会", "理事长") in f, f


def test_an_events_total_written_with_the_currency_before_the_number():
    f = facts(extract(article("第二届中国(恒安)五金产业发展大会21日开幕,大会现场签约项目12个,总投资人民币86亿元。")))
    assert any(r[0] == "investment" and r[2].value == 8600000000 for r in f), f


def test_a_project_named_for_where_it_sits_is_not_named_after_a_firm():
    f = facts(extract(article("恒安市还与恒锐集团下属的恒安恒锐储能技术有限公司签订了电网侧储能项目合作框架协议,项目总投资5.6亿元。")))
    assert not any(r[0] == "investor" and r[2] == "电网侧" for r in f), f
    assert ("subsidiaryOf", "恒安恒锐储能技术有限公司", "恒锐集团") in f, f


def test_a_mother_fund_named_in_an_events_name_takes_its_bare_mentions():
    ex = extract(article(
        "23日下午,恒安市产业投资母基金揭牌仪式暨首批子基金签约活动在恒安举行。母基金总规模30亿元。"
        "活动现场,母基金与合作机构签约设立首批2支子基金:与深圳恒远资本管理有限公司合作设立恒安算力产业子基金,规模5亿元。"
        "子基金中母基金出资比例一般不超过30%。"))
    t, f = types(ex), facts(ex)
    assert "母基金" not in t and "子基金" not in t and "支子基金" not in t, t
    assert not any(k.endswith("中母基金") for k in t), t
    assert ("partnerOf", "恒安市产业投资母基金", "深圳恒远资本管理有限公司") in f, f


def test_a_clause_presenting_a_firm_as_the_citys_platform_makes_it_a_government_body():
    t = types(extract(article(
        "母基金由恒安市国有资本投资运营有限公司(恒安国投)联合广东恒信创业投资有限公司共同出资设立。"
        "恒安国投董事长聂振岳介绍,作为市属国有资本投资运营平台,恒安国投累计投资本地产业项目46个。")))
    assert t.get("恒安市国有资本投资运营有限公司") == "GovernmentBody", t
    assert t.get("广东恒信创业投资有限公司") == "Company", t


def test_a_wholly_owned_affiliate_is_a_subsidiary_named_after_that_word():
    ex = extract(article("仪式上,恒锐集团全资附属公司恒锐(恒安)投资有限公司揭牌,作为集团华南区域总部。"))
    t, f = types(ex), facts(ex)
    assert "恒锐集团全资附属公司" not in t, t
    assert ("subsidiaryOf", "恒锐(恒安)投资有限公司", "恒锐集团") in f, f


def test_a_post_after_a_colleague_of_a_firm_is_in_the_same_firm():
    f = facts(extract(article("恒安经开区举行签约仪式。恒锐集团主席郑立群、行政总裁卢晓岚出席仪式。")))
    assert ("holdsPosition", "卢晓岚", "恒锐集团", "行政总裁") in f, f


def test_an_amount_after_a_count_that_opens_a_list_is_one_items_not_the_events():
    f = facts(extract(article(
        "“恒锐集团华南区域总部落户暨项目签约仪式”昨日在恒安经开区举行。恒锐集团同步签约3个产业项目,总投资45亿元人民币。\n"
        "当日签约的3个项目中,恒锐(恒安)投资有限公司投资20亿元建设废旧电池回收利用项目。")))
    amounts = {r[2].value for r in f if r[0] == "investment" and "仪式" in r[1]}
    assert amounts == {4500000000}, amounts


def test_a_special_zone_keeps_its_whole_name():
    t = types(extract(article("签约仪式在粤湘合作特别试验区举行。恒锐集团区域总部正式落户试验区。")))
    assert t.get("粤湘合作特别试验区") == "Park", t


def test_a_city_whose_name_ends_in_zhen_opens_its_zones_name():
    t = types(extract(article("恒安低空产业联盟成立大会在景德镇航空科技产业园举行。")))
    assert t.get("景德镇航空科技产业园") == "Park", t


def test_posts_given_with_wei_and_jianren_at_a_founding_are_in_the_body_founded():
    f = facts(extract(article(
        "恒安市低空经济产业联盟成立大会举行。大会选举恒锐通航科技有限公司(恒锐通航)董事长汪立新为联盟首任理事长,"
        "恒安学院院长邹明远为副理事长,恒安市工业和信息化局副局长余晓梅兼任秘书长。")))
    body = "恒安市低空经济产业联盟"
    assert ("holdsPosition", "汪立新", body, "理事长") in f, f
    assert ("holdsPosition", "邹明远", body, "副理事长") in f, f
    assert ("holdsPosition", "余晓梅", body, "秘书长") in f, f
    assert ("holdsPosition", "汪立新", "恒锐通航科技有限公司", "董事长") in f, f
    assert not any(r[0] == "holdsPosition" and r[1] == "邹明远" and r[3] == "理事长" for r in f), f


def test_works_named_by_upgrading_keep_their_verb():
    f = facts(extract(article("在城南街道,观摩团察看了恒安县城乡供水管网提升项目。该项目由恒安水务集团有限公司负责实施,总投资3.2亿元。")))
    assert ("investor", "恒安县城乡供水管网提升项目", "恒安水务集团有限公司") in f, f


def test_two_firms_that_build_a_project_as_a_joint_venture_both_invest():
    f = facts(extract(article(
        "在城南镇,恒安恒丰新能源科技有限公司与德国蓝湖电力有限公司合资建设的屋顶光伏储能一体化项目总投资2.1亿元。")))
    p = "屋顶光伏储能一体化项目"
    assert {r[2] for r in f if r[0] == "investor" and r[1] == p} == {"恒安恒丰新能源科技有限公司", "德国蓝湖电力有限公司"}, f


def test_a_holding_subsidiary_after_a_firm_is_no_firm_named_kongu():
    t = types(extract(article(
        "由山东恒丰食品股份有限公司(恒丰)控股子公司恒丰(恒安)农产品有限公司投资12亿元建设的预制菜加工项目主体已完工。")))
    assert not any(k.endswith("控股") for k in t), t


def test_places_listed_before_a_count_of_projects_are_no_projects():
    t = types(extract(article("观摩团一行先后观摩了恒安经济开发区、城南镇、城北街道的12个重点项目,总投资96亿元。")))
    assert not any(v == "Project" for v in t.values()), t


def test_a_subsidiary_stated_with_both_firms_short_forms_in_brackets():
    f = facts(extract(article(
        "四川恒澄新能源材料有限公司(四川恒澄)是广东恒澄科技集团股份有限公司(恒澄集团)的全资子公司。")))
    assert ("subsidiaryOf", "四川恒澄新能源材料有限公司", "广东恒澄科技集团股份有限公司") in f, f


def test_sub_funds_set_up_under_a_mother_fund_are_its_subsidiaries():
    f = facts(extract(article(
        "恒安市产业投资母基金揭牌仪式举行。活动现场,母基金与合作机构签约设立首批2支子基金:"
        "与深圳恒远资本管理有限公司合作设立恒安算力产业子基金,规模5亿元;与广州恒新投资有限公司合作设立恒安新材料产业子基金,规模3亿元。")))
    assert ("subsidiaryOf", "恒安算力产业子基金", "恒安市产业投资母基金") in f, f
    assert ("subsidiaryOf", "恒安新材料产业子基金", "恒安市产业投资母基金") in f, f


def test_a_sector_facility_a_firm_spends_on_is_a_named_project():
    f = facts(extract(article("恒丰储能有限公司投资2亿美元建设的新型储能调峰电站项目开工。")))
    assert ("investor", "新型储能调峰电站项目", "恒丰储能有限公司") in f, f
    t = types(extract(article("恒丰公司投资6亿元建设储能项目。")))
    assert t.get("储能项目") == "Project" and "建设储能项目" not in t, t


def test_a_word_jieba_splits_at_jia_stays_in_the_name():
    f = facts(extract(article("深圳市恒绣丝绸科技有限公司投资6.5亿元,在南充市高坪区建设智能化丝绸家纺项目。")))
    assert ("investor", "智能化丝绸家纺项目", "深圳市恒绣丝绸科技有限公司") in f, f


def test_the_latter_after_a_signing_is_the_firm_that_spends():
    f = facts(extract(article(
        "恒安高新技术产业开发区管委会与深圳恒跃智能装备有限公司签约,后者将投资9亿元在恒安高新区建设焊接机器人生产基地项目。")))
    assert ("investor", "焊接机器人生产基地项目", "深圳恒跃智能装备有限公司") in f, f


def test_a_project_built_jointly_by_a_firm_and_its_partner_has_both_as_investors_and_partners():
    f = facts(extract(article(
        "恒丰药业集团有限公司(恒丰药业)出席。主会场开工的口服制剂产业化项目总投资26亿元,由恒丰药业联合上海恒泽医药研究院共同建设。")))
    p = "口服制剂产业化项目"
    assert ("investor", p, "上海恒泽医药研究院") in f, f
    assert ("partnerOf", "恒丰药业集团有限公司", "上海恒泽医药研究院") in f, f
    f = facts(extract(article(
        "深圳恒越电路股份有限公司(恒越电路)董事长出席。二期项目为柔性电路板项目,总投资28亿元,"
        "由恒越电路与日本青木化工株式会社(青木化工)合资建设。")))
    assert ("investor", "柔性电路板项目", "日本青木化工株式会社") in f, f
    assert ("partnerOf", "深圳恒越电路股份有限公司", "日本青木化工株式会社") in f, f


def test_a_body_and_a_university_that_build_something_together_somewhere_are_partners():
    f = facts(extract(article("恒安市科学技术局将与恒安理工大学在恒安共建轻合金材料研究院。")))
    assert ("partnerOf", "恒安市科学技术局", "恒安理工大学") in f, f


def test_a_broad_region_before_chanye_is_no_sector():
    t = types(extract(article("恒安县要主动承接粤港澳大湾区产业转移,聚焦电子信息、新能源等产业。")))
    assert "粤港澳大湾区" not in t, t


def test_projects_after_a_count_of_the_signed_projects_are_signed_there():
    f = facts(extract(article(
        "“恒锐集团华南区域总部落户暨项目签约仪式”昨日在恒安经开区举行。恒锐集团同步签约3个产业项目,总投资45亿元人民币。\n"
        "当日签约的3个项目中,恒锐(恒安)投资有限公司投资20亿元建设废旧电池回收利用项目;"
        "恒锐集团旗下香港恒锐物流有限公司投资12亿港元,建设港口冷链物流中心项目。")))
    ev = "恒锐集团华南区域总部落户暨项目签约仪式"
    assert ("signedAt", "废旧电池回收利用项目", ev) in f, f
    assert ("signedAt", "港口冷链物流中心项目", ev) in f, f


def test_a_sub_funds_size_after_a_comma_is_its_investment():
    f = facts(extract(article(
        "活动现场,母基金与合作机构签约设立首批2支子基金:与深圳恒远资本管理有限公司合作设立恒安算力产业子基金,规模10亿元,"
        "重点支持数据中心企业;与广州恒新投资有限公司合作设立恒安先进材料产业子基金,规模8亿元。")))
    sizes = {(r[1], r[2].value) for r in f if r[0] == "investment"}
    assert sizes == {("恒安算力产业子基金", 1000000000), ("恒安先进材料产业子基金", 800000000)}, f


def test_a_word_for_a_hong_kong_firm_opens_no_name():
    t = types(extract(article("港企恒锐集团华南区域总部落户恒安。")))
    assert t.get("恒锐集团") == "Company" and "港企恒锐集团" not in t, t


def test_a_guessed_brand_ending_in_yong_or_a_process_is_no_firm():
    ex = extract(article("恒安太行生物科技有限公司投资6.5亿元建设兽用疫苗研发生产项目。双方将围绕矿山装备智能化开展技术攻关。"))
    t, f = types(ex), facts(ex)
    assert "兽用" not in t and "矿山装备智能" not in t, t
    assert ("investor", "兽用疫苗研发生产项目", "恒安太行生物科技有限公司") in f, f


def test_a_leisure_food_firm_keeps_its_whole_name_and_a_countys_cluster_zone_is_a_park():
    t = types(extract(article("河南恒南休闲食品有限公司投资9亿元建设的休闲食品数字化车间项目落户鄢陵县产业集聚区。全力打造临空产业集聚区。")))
    assert t.get("河南恒南休闲食品有限公司") == "Company", t
    assert t.get("鄢陵县产业集聚区") == "Park" and "临空产业集聚区" not in t, t


def test_a_federation_of_associations_is_an_association():
    t = types(extract(article("恒安市商务局与香港恒建社团联会签署合作协议。")))
    assert t.get("香港恒建社团联会") == "Association", t


def test_a_verb_before_the_firm_after_a_comma_is_no_brand_unless_a_legal_name_holds_it():
    t = types(extract(article("恒丰绿能科技有限公司西南区域总部已落户恒安工业园区,负责公司在云贵川地区的项目投资和运营。")))
    assert "负责公司" not in t, t


def test_a_capacity_in_megawatt_hours_stays_in_a_projects_name():
    f = facts(extract(article(
        "恒储储能科技有限公司与恒安高新技术产业开发区管委会签署项目投资协议,投资4.5亿元在恒安高新区建设50MW/100MWh共享储能电站项目。")))
    assert ("investor", "50MW/100MWh共享储能电站项目", "恒储储能科技有限公司") in f, f


def test_a_mining_subsidence_area_in_a_projects_name_is_no_firm():
    t = types(extract(article("恒储集团计划在宿州投资200亿元,利用采煤塌陷区建设宿州采煤塌陷区光伏储能一体化示范项目。")))
    assert not any(v == "Company" and "光伏" in k for k, v in t.items()), t


def test_an_event_held_at_its_main_venue_in_a_park_is_located_in_the_park_and_a_host_park_is_not_launched():
    f = facts(extract(article(
        "11月11日上午,恒安市2026年第四季度重大项目集中开工活动在恒安高新技术产业开发区主会场举行,长垣市、卫辉市设分会场同步开工。"
        "本次全市集中开工项目62个,总投资326.8亿元。\n位于恒安高新区的恒安电池材料产业园同步开工建设。")))
    ev = "恒安市2026年第四季度重大项目集中开工活动"
    assert ("location", ev, "恒安高新技术产业开发区") in f, f
    assert ("launched", ev, "恒安电池材料产业园") in f, f
    assert not any(r[0] == "launched" and "高新" in r[2] for r in f), f


def test_an_event_held_at_a_venue_named_with_its_place_is_located_there():
    f = facts(extract(article("13日,2026湖南—香港经贸合作周开幕式暨重大项目签约仪式在香港会议展览中心举行。")))
    assert ("location", "2026湖南—香港经贸合作周开幕式暨重大项目签约仪式", "香港") in f, f


def test_a_signing_and_unveiling_ceremony_launches_what_the_first_act_names():
    f = facts(extract(article("11月5日,四川大学(绵阳)智能传感研究院签约暨揭牌仪式在绵阳高新区举行。")))
    assert ("launched", "四川大学(绵阳)智能传感研究院签约暨揭牌仪式", "四川大学(绵阳)智能传感研究院") in f, f


def test_the_firms_listed_after_the_projects_that_moved_in_settle_in_the_park_of_the_ceremony():
    f = facts(extract(article(
        "12日上午,恒安县举行定远经济开发区企业集中入驻仪式,8家企业的8个项目集中签约入驻。\n"
        "此次入驻的项目主要集中在新材料、智能家电等产业。其中,安徽恒彩新材料科技有限公司总投资15亿元建设年产6万吨光学薄膜项目;"
        "江苏恒锦电器集团有限公司旗下的滁州恒锦智能家电有限公司投资12亿元建设智能厨电制造基地项目。\n"
        "恒安县委书记表示,定远经开区将做好服务。")))
    parks = {r[2] for r in f if r[0] == "settledIn" and r[1] == "滁州恒锦智能家电有限公司"}
    assert parks and all("定远" in p for p in parks), f
    assert any(r[0] == "settledIn" and r[1] == "安徽恒彩新材料科技有限公司" for r in f), f


def test_a_firm_whose_headquarters_moves_into_a_park_settles_there():
    f = facts(extract(article("恒锐集团总部正式迁入玉溪经开区。云南恒锐新能源科技集团有限公司(恒锐集团)董事长出席仪式。")))
    assert any(r[0] == "settledIn" and r[2] == "玉溪经开区" for r in f), f


def test_a_bare_city_body_known_by_its_abbreviation_is_the_citys():
    f = facts(extract(article("潮州市委书记王强出席。市国资委主任黎铭远在仪式上介绍。")))
    assert ("holdsPosition", "黎铭远", "潮州市国资委", "主任") in f, f


def test_a_long_uyghur_name_with_a_middle_dot_after_a_title_is_one_person():
    f = facts(extract(article("市委副书记、市长阿不都热依木·艾力,市委常委甘守正出席仪式。")))
    assert any(r[0] == "holdsPosition" and r[1] == "阿不都热依木·艾力" for r in f), f


def test_a_guessed_brand_ending_downstream_is_a_description():
    t = types(extract(article("恒安产业基金首个投资项目为石化下游新材料项目。")))
    assert "石化下游" not in t, t


def test_the_links_of_a_chain_listed_before_its_firms_are_no_firms():
    t = types(extract(article("恒安市氢能产业联盟正式成立,首批成员单位38家,涵盖制氢、储运、加氢、燃料电池及应用等环节企业。")))
    assert not any(v == "Company" for v in t.values()), t


def test_a_groups_brand_with_jituan_is_the_group_named_in_full_not_its_subsidiary():
    ex = extract(article(
        "德国恒泰精密机械集团通过其在华子公司恒泰精密机械(焦作)有限公司投资8000万欧元,建设精密液压阀项目。"
        "恒泰集团亚太区总裁汉斯·穆勒在视频致辞中表示,看中的是焦作。"))
    group = next(e for e in ex.entities if e.label == "德国恒泰精密机械集团")
    assert "恒泰集团" in group.aliases, group
    assert not any(e.label == "恒泰集团" for e in ex.entities), [e.label for e in ex.entities]


def test_a_legal_name_whose_brand_reads_as_a_verb_after_a_citys_district():
    t = types(extract(article("活动现场,基金与深圳前海恒明资本管理有限公司签约。基金与深圳前海启航资本管理有限公司签约。")))
    assert t.get("深圳前海启航资本管理有限公司") == "Company", t


def test_making_good_use_of_a_fund_is_no_fund_named_good():
    t = types(extract(article("恒安将用好基金这一“金钥匙”,引导更多社会资本投向本地制造业。")))
    assert "好基金" not in t, t


def test_a_sector_before_products_is_no_firms_short_name():
    t = types(extract(article("该公司主要生产电池级磷酸铁和精细氟化工产品。")))
    assert not any(v == "Company" for v in t.values()), t


def test_the_whole_citys_sector_is_no_brand():
    t = types(extract(article("到2029年,全市专用汽车和应急产业总产值突破1500亿元。")))
    assert not any(v == "Company" for v in t.values()), t


def test_a_subsidiary_held_through_a_subsidiary_named_after_toutou():
    f = facts(extract(article(
        "锂电大厂恒硕能源材料股份有限公司(恒硕能材)举行投产典礼。恒硕能材透过子公司恒硕国际投资(萨摩亚)有限公司"
        "100%持股的恒硕(枣庄)新能源材料有限公司,在枣庄经开区投资1.5亿美元兴建电解液项目。")))
    assert ("subsidiaryOf", "恒硕国际投资(萨摩亚)有限公司", "恒硕能源材料股份有限公司") in f, f


def test_a_brand_with_its_bracketed_place_alone_is_the_firm_it_opens():
    f = facts(extract(article("恒硕(枣庄)新能源材料有限公司投产。恒硕(枣庄)与枣庄学院共建的电解液联合实验室同时揭牌。")))
    assert ("partnerOf", "恒硕(枣庄)新能源材料有限公司", "枣庄学院") in f, f


def test_two_acts_joined_by_yu_stay_in_one_projects_name():
    t = types(extract(article("恒拓国际(新加坡)有限公司投资3000万美元,建设二氧化碳捕集利用与封存(CCUS)成套装备项目。")))
    assert t.get("二氧化碳捕集利用与封存(CCUS)成套装备项目") == "Project", t


def test_reserve_projects_are_a_kind_not_a_project():
    t = types(extract(article("恒安市长强调,要抓好在建项目建设、储备项目转化和企业稳产达产。")))
    assert "储备项目" not in t, t


def test_the_regions_a_market_is_named_by_are_no_brand():
    t = types(extract(article("恒硕能材在台湾拥有两座工厂,主要客户包括日韩电池大厂。")))
    assert not any(v == "Company" and k.startswith("日韩") for k, v in t.items()), t


def test_a_bare_group_before_its_new_subsidiary_is_the_group_named_last():
    f = facts(extract(article(
        "香港恒汇国际集团有限公司(恒汇国际)董事长出席。当日,集团新设立的全资子公司恒汇(汕头)实业发展有限公司同步揭牌。")))
    assert ("subsidiaryOf", "恒汇(汕头)实业发展有限公司", "香港恒汇国际集团有限公司") in f, f


def test_a_shipbuilding_and_repair_firm_keeps_its_trade_in_its_name():
    f = facts(extract(article(
        "上海恒远重工集团有限公司(恒远重工)董事长出席。据介绍,恒远重工成立于1998年,旗下拥有江苏恒洋海工装备有限公司、"
        "恒远(舟山)船舶修造有限公司等子公司。")))
    assert ("subsidiaryOf", "恒远(舟山)船舶修造有限公司", "上海恒远重工集团有限公司") in f, f


def test_people_of_a_round_ups_other_days_did_not_take_part_in_its_first_event(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(
        "恒安招商周报丨一周招商动态速览\n"
        "11月17日,恒安开发区智能传感器总部项目签约仪式举行。恒安开发区管委会主任齐明远出席。\n"
        "11月18日,区委书记吴岳带队赴上海,拜访上海恒海机器人有限公司。恒海机器人董事长孙立言表示,公司计划明年在恒安设立基地。\n",
        encoding="utf-8")
    f = facts(extract(read_articles([p])[0][0]))
    ev = "恒安开发区智能传感器总部项目签约仪式"
    assert ("participatedIn", "齐明远", ev) in f, f
    assert ("participatedIn", "孙立言", ev) not in f, f


def test_a_subjectless_clause_after_where_a_firm_sits_and_what_it_does_is_said_of_the_firm():
    f = facts(extract(article(
        "在贵州恒算智能科技有限公司,庞立行察看了演示。位于贵安新区的恒算智能专注人工智能算法研发,去年与贵州大学签署合作协议。")))
    assert ("partnerOf", "贵州恒算智能科技有限公司", "贵州大学") in f, f


def test_a_body_named_with_its_province_before_its_city_is_also_named_without_it():
    ex = extract(article("日本青木精工株式会社(青木精工)28日与江西省九江恒安新材料产业园管委会签约。"))
    body = next(e for e in ex.entities if e.label == "江西省九江恒安新材料产业园管委会")
    assert "九江恒安新材料产业园管委会" in body.aliases, body
