"""Joint ventures, subsidiaries, places and posts on hand-written sentences (sixth file: rules of session 13).

Each names firms, people and places invented for the test (real places only where the lexicon of
administrative places is what is tested), never those of a gold file."""

from extract_helpers import article, facts, types
from kg.extract import extract
from kg.model import DateValue


def test_founders_of_a_joint_venture_may_carry_a_short_form_and_a_descriptor_of_a_state_platform():
    f = facts(extract(article(
        "开发区国有平台恒川开发区投资发展集团有限公司(恒投集团)与上海恒澈半导体科技有限公司共同出资设立"
        "安徽恒澈电子材料有限公司,投资12亿元建设高纯电子特气项目。"
        "会上,湖南恒锂新能源材料有限公司与恒阳县国有平台恒阳县兴恒投资有限公司合资组建的四川恒锂新材料有限公司,"
        "投资20亿元建设负极材料项目。")))
    for firm, owner in (("安徽恒澈电子材料有限公司", "恒川开发区投资发展集团有限公司"),
                        ("安徽恒澈电子材料有限公司", "上海恒澈半导体科技有限公司"),
                        ("四川恒锂新材料有限公司", "湖南恒锂新能源材料有限公司"),
                        ("四川恒锂新材料有限公司", "恒阳县兴恒投资有限公司")):
        assert ("subsidiaryOf", firm, owner) in f, (firm, owner, f)


def test_a_firm_founding_a_joint_venture_through_a_partner_is_one_of_its_founders():
    f = facts(extract(article(
        "恒岳精密工业股份有限公司(恒岳)在本市举行新厂投产典礼。"
        "恒岳透过与市国有平台恒岩投资发展集团有限公司(恒投集团)合资成立的福建恒岳恒投精密制造有限公司,"
        "投资2.2亿美元建设精密液压件项目。")))
    assert ("subsidiaryOf", "福建恒岳恒投精密制造有限公司", "恒岳精密工业股份有限公司") in f, f
    assert ("subsidiaryOf", "福建恒岳恒投精密制造有限公司", "恒岩投资发展集团有限公司") in f, f


def test_an_owner_written_with_its_short_form_in_brackets_owns_the_subsidiary_after_it():
    f = facts(extract(article(
        "签约项目中,宁波恒瑞汽车部件集团股份有限公司(恒瑞集团)全资子公司安徽恒科汽车零部件有限公司将投资22亿元,"
        "建设热管理系统项目。")))
    assert ("subsidiaryOf", "安徽恒科汽车零部件有限公司", "宁波恒瑞汽车部件集团股份有限公司") in f, f


def test_a_county_written_with_its_suffix_lies_in_the_city_the_text_names():
    f = facts(extract(article(
        "泸州市今年重大项目集中开工。合江县分会场开工项目12个;古蔺县分会场开工项目8个。")))
    assert ("locatedIn", "合江县", "泸州") in f or ("locatedIn", "合江", "泸州") in f, f
    assert ("locatedIn", "古蔺县", "泸州") in f or ("locatedIn", "古蔺", "泸州") in f, f


def test_a_mayor_has_no_government_when_only_another_citys_government_is_named():
    f = facts(extract(article(
        "营口市委书记孙恒宇,市委副书记、市长刘恒东出席活动。恒锐新材料有限公司与大石桥市人民政府签约。")))
    posts = {(r[1], r[2]) for r in f if r[0] == "holdsPosition" and r[3] == "市长"}
    assert ("刘恒东", None) in posts, posts


def test_a_joint_venture_building_in_a_place_right_after_its_name_invests_and_no_brand_ends_with_ji():
    ex = extract(article(
        "市属国有平台恒峰市国有资本投资运营有限公司与北京恒源科技有限公司合资成立的恒峰恒源绿能科技有限公司,"
        "正在恒牛县建设绿氢加注及氢能重卡示范项目,总投资9.6亿元。"))
    f = facts(ex)
    assert ("investor", "绿氢加注及氢能重卡示范项目", "恒峰恒源绿能科技有限公司") in f, f
    assert "绿氢加注及" not in types(ex), types(ex)


def test_products_listed_before_a_kind_of_firm_are_no_firms():
    t = types(extract(article("对新落户的风电主机、光伏组件、电解槽等装备制造企业,按照设备投资额给予最高10%的补助。")))
    for product in ("风电主机", "光伏组件", "电解槽"):
        assert product not in t, (product, t)


def test_a_project_being_built_or_named_with_a_word_jieba_splits_keeps_its_whole_description():
    t = types(extract(article(
        "公司在建的年产200万只高速光模块项目总投资16亿元。"
        "在恒庄镇,山东鲁恒纺织有限公司投资5.2亿元建设的高档家纺面料项目已完成设备安装。")))
    assert t.get("年产200万只高速光模块项目") == "Project", t
    assert t.get("高档家纺面料项目") == "Project", t
    assert "光模块项目" not in t and "纺面料项目" not in t, t


def test_a_technology_innovation_centre_is_a_research_institute():
    t = types(extract(article("开幕式上,由北京恒电大学与恒口市人民政府共建的河北省绿色算力技术创新中心揭牌。")))
    assert t.get("河北省绿色算力技术创新中心") == "ResearchInstitute", t


def test_the_paragraphs_after_a_paragraph_opening_on_the_signed_projects_go_on_listing_them():
    f = facts(extract(article(
        "本报讯 昨天上午,恒城经济技术开发区2026年第四季度重大项目集中签约仪式在恒城经开区举行。本次集中签约项目18个,总投资96.8亿元。\n"
        "签约项目中,恒瑞汽车部件集团股份有限公司将投资22亿元,在恒城经开区建设热管理系统项目。\n"
        "经开区国有平台恒城投资发展集团有限公司与上海恒源半导体科技有限公司共同出资设立安徽恒源电子材料有限公司,投资12亿元在经开区建设电子特种气体项目。\n"
        "新加坡恒泰国际控股有限公司投资8000万美元,在恒城经开区医药产业园建设高端医疗器械生产基地项目;安徽恒穗农业科技有限公司投资6.5亿元,建设功能性食品加工项目。")))
    ev = "恒城经济技术开发区2026年第四季度重大项目集中签约仪式"
    for p in ("电子特种气体项目", "高端医疗器械生产基地项目", "功能性食品加工项目"):
        assert ("signedAt", p, ev) in f, (p, f)


def test_projects_at_the_sub_venues_of_a_start_ceremony_were_started_there_and_their_builders_spend():
    text = ("本报讯11月18日,恒州市2026年第四季度重大项目集中开工活动在恒州高新区主会场举行,恒溪区、恒江县设分会场同步开工。"
            "此次集中开工项目42个,总投资318.5亿元。\n"
            "主会场开工的功率半导体封装测试基地项目位于恒州高新区,由恒芯半导体集团有限公司全资子公司四川恒芯微电子有限公司投资35亿元建设。\n"
            "市委书记钟恒远宣布项目开工。市长杨恒伟致辞。市人大常委会主任彭恒辉出席。省发改委副主任罗恒华到会指导。"
            "恒州是白酒产业重镇。今年以来恒州市已举行三次重大项目集中开工活动。恒州今年经济增长较快。全市上下要坚持项目为王。"
            "要强化要素保障。要推动项目早投产。要营造良好环境。要加强统筹调度。要压实工作责任。\n"
            "恒江县分会场,湖南恒锂新能源材料有限公司投资20亿元在恒江临港工业园区建设年产5万吨锂电池负极材料项目。"
            "恒蔺县分会场开工的恒蔺县城乡供水一体化项目由恒蔺县水务投资有限公司投资6.2亿元建设。")
    ex = extract(article(text))
    f = facts(ex)
    ev = "恒州市2026年第四季度重大项目集中开工活动"
    for p in ("功率半导体封装测试基地项目", "年产5万吨锂电池负极材料项目", "恒蔺县城乡供水一体化项目"):
        assert ("signedAt", p, ev) in f, (p, f)
    amounts = {(r.subject, r.object.value) for r in ex.relations if r.predicate == "investment" and r.subject.endswith("项目")}
    assert ("功率半导体封装测试基地项目", 3500000000) in amounts, amounts
    assert ("恒蔺县城乡供水一体化项目", 620000000) in amounts, amounts
    assert "三次重大项目集中开工活动" not in types(ex), types(ex)


def test_a_phase_of_a_park_is_named_after_the_park_not_after_a_firm():
    ex = extract(article(
        "同日开工的还有宜宾高新区智能终端产业园。产业园由高新区国有平台宜宾高新恒投集团有限公司投资建设,"
        "其中宜宾高新区智能终端产业园一期项目总投资28亿元。"))
    assert "高新区" not in types(ex), types(ex)


def test_a_firm_described_by_its_joint_founding_is_not_launched_at_the_event():
    f = facts(extract(article(
        "12日,2026恒州算力产业大会在恒来县开幕。大会现场集中签约项目20个。"
        "其中,恒州市国有平台恒州市建设投资集团有限公司(恒州建投)与上海恒算信息技术有限公司合资成立的恒州恒算智算科技有限公司,"
        "投资30亿元在恒州经济开发区建设算力调度枢纽项目。")))
    assert not any(r[0] == "launched" and r[2] == "恒州恒算智算科技有限公司" for r in f), f


def test_what_the_event_by_its_bare_head_releases_or_what_is_declared_founded_is_launched_there():
    text = ("恒州新闻网讯12日,2026中国·恒州算力产业大会在恒来县开幕。大会由恒州市人民政府主办。"
            "市委书记马恒国致辞。市长刘恒丰主持开幕式。院士严恒航作主旨演讲。马恒国表示,恒州发展算力优势明显。"
            "恒州将以此次大会为契机,加快建设算力高地。大会现场集中签约项目20个,总投资268亿元。"
            "其中,恒云数据科技有限公司投资85亿元,在恒来县建设恒云智算中心项目;浙江恒标科技有限公司投资5亿元,在恒化区建设数据标注基地项目。\n"
            "大会发布了《恒州市算力产业高质量发展三年行动计划(2027—2029年)》,提出到2029年全市算力规模达到20万P。\n"
            "开幕式上,恒州算力中心揭牌。规模20亿元的恒州数字经济产业投资基金宣告成立。")
    ex = extract(article(text))
    f = facts(ex)
    ev = "2026中国·恒州算力产业大会"
    assert ("launched", ev, "恒州市算力产业高质量发展三年行动计划(2027—2029年)") in f, f
    assert ("launched", ev, "恒州数字经济产业投资基金") in f, f
    assert types(ex).get("数据标注基地项目") == "Project", types(ex)
    assert ("signedAt", "数据标注基地项目", ev) in f, f


def test_a_firm_whose_short_form_in_brackets_opens_its_name_is_named_from_its_place_on():
    ex = extract(article("母基金委托杭州天目启明私募基金管理有限公司(天目启明)担任基金管理人,存续期10年。"
                         "子基金委托上海天目启明投资管理有限公司(天目启明)管理。"))
    t = types(ex)
    assert t.get("杭州天目启明私募基金管理有限公司") == "Company", t
    assert t.get("上海天目启明投资管理有限公司") == "Company", t
    assert "私募基金管理有限公司" not in t and "管理有限公司" not in t, t


def test_a_named_fund_and_the_bare_mother_fund_have_their_size_but_not_a_first_phase_size():
    ex = extract(article(
        "恒水市生态产业发展母基金成立。\n昨天,恒水市生态产业发展母基金签约成立仪式在恒水经济技术开发区举行。"
        "母基金总规模60亿元,由恒水市国有资本运营有限公司出资设立。"
        "仪式上,母基金首批两只子基金同时揭牌:恒水半导体产业子基金规模15亿元,重点投资功率半导体等细分领域。"
        "恒水市国有资本运营有限公司与恒创资本共同发起设立规模10亿元的恒水生物医药产业投资基金,首期规模3亿元。"
        "恒创资本董事长杨恒森表示,公司管理基金规模超过300亿元。"))
    amounts = {(r.subject, r.object.value) for r in ex.relations if r.predicate == "investment"}
    assert ("恒水市生态产业发展母基金", 6000000000) in amounts, amounts
    assert ("恒水半导体产业子基金", 1500000000) in amounts, amounts
    assert ("恒水生物医药产业投资基金", 300000000) not in amounts, amounts
    assert not any(e.label.endswith("管理基金") for e in ex.entities), types(ex)


def test_a_place_written_with_its_short_form_in_brackets_still_sites_the_project_built_there():
    ex = extract(article(
        "香港恒亿投资有限公司与营口经济技术开发区管委会签约,投资1.2亿美元在营口经济技术开发区(营口经开区)建设锂电池隔膜项目;"
        "深圳市恒航机器人有限公司投资6亿元,在营口高新技术产业开发区(营口高新区)建设工业机器人精密减速器项目。"))
    f = facts(ex)
    assert ("locatedIn", "锂电池隔膜项目", "营口经济技术开发区") in f, f
    assert ("locatedIn", "工业机器人精密减速器项目", "营口高新技术产业开发区") in f, f
    amounts = {(r.subject, r.object.value) for r in ex.relations if r.predicate == "investment"}
    assert ("锂电池隔膜项目", 120000000) in amounts and ("工业机器人精密减速器项目", 600000000) in amounts, amounts


def test_a_zone_of_cooperation_and_its_short_form_in_brackets_name_one_park_but_its_organ_is_named_as_written():
    ex = extract(article(
        "香港恒汇国际集团有限公司(恒汇国际)粤东区域总部24日正式落户湛江华侨经济文化合作试验区(湛江华侨试验区)。"
        "恒汇国际与湛江华侨试验区管委会签署投资协议。根据协议,恒汇国际将投资20亿港元,在湛江华侨试验区建设恒汇国际粤东区域总部大厦项目。"
        "湛江市委书记陈恒民,湛江华侨试验区管委会主任林恒鹰,恒汇国际主席李恒邦等出席仪式。", dateline="2026-11-25"))
    t = types(ex)
    assert t.get("湛江华侨经济文化合作试验区") == "Park", t
    f = facts(ex)
    assert ("locatedIn", "恒汇国际粤东区域总部大厦项目", "湛江华侨经济文化合作试验区") in f, f
    assert types(ex).get("湛江华侨试验区管委会") == "GovernmentBody", types(ex)
    assert any(r[:3] == ("holdsPosition", "林恒鹰", "湛江华侨试验区管委会") and "主任" in r[3] for r in f), f
    amounts = {(r.subject, r.object.value, r.object.currency) for r in ex.relations if r.predicate == "investment"}
    assert ("恒汇国际粤东区域总部大厦项目", 2000000000, "HKD") in amounts, amounts


def test_a_provinces_own_office_is_not_the_national_body_whose_short_name_ends_its_name():
    ex = extract(article("投产典礼上,福建省台港澳办副主任吴恒玲出席。国务院港澳办副主任王恒出席。"))
    t = types(ex)
    assert t.get("福建省台港澳办") == "GovernmentBody", t
    f = facts(ex)
    assert ("holdsPosition", "吴恒玲", "福建省台港澳办", "副主任") in f, f
    assert ("holdsPosition", "王恒", "国务院港澳事务办公室", "副主任") in f, f


def test_a_quoted_programme_written_after_its_place_is_the_places_own_unless_it_is_a_code():
    t = types(extract(article("开幕式上,张家口“算力券”计划同步启动。武汉“965”产业体系加快构建。")))
    assert t.get("张家口算力券计划") == "Initiative", t
    assert "算力券计划" not in t, t
    assert "武汉965产业体系" not in t, t


def test_a_plan_period_and_a_bare_industrial_layout_are_no_programmes():
    t = types(extract(article(
        "双方将围绕恒阳“十五五”期间产业布局开展深度合作。全市将优化产业布局。全市加快构建“2+6+X”产业布局。")))
    assert "十五五" not in t and "产业布局" not in t, t


def test_an_event_held_on_the_same_day_takes_the_day_the_sentence_before_names():
    text = ("【大公报讯】记者 郑恒欣 湛江报道:香港恒汇国际集团有限公司(恒汇国际)粤东区域总部24日正式落户湛江华侨经济文化合作试验区。"
            "当日在湛江举行的“恒汇国际粤东区域总部落户湛江签约暨揭牌仪式”上,恒汇国际与湛江华侨试验区管委会签署投资协议。")
    f = facts(extract(article(text, dateline="2026-11-25")))
    assert ("date", "恒汇国际粤东区域总部落户湛江签约暨揭牌仪式", DateValue("2026-11-24")) in f, f


def test_a_subsidiary_set_up_in_a_region_and_what_it_builds_by_qi():
    f = facts(extract(article(
        "湖北恒联物流有限公司是恒达物流集团有限公司在华中地区设立的全资子公司,其投资10亿元建设的临空航空物流园项目已完成一期主体工程。")))
    assert ("subsidiaryOf", "湖北恒联物流有限公司", "恒达物流集团有限公司") in f, f
    assert ("investor", "临空航空物流园项目", "湖北恒联物流有限公司") in f, f


def test_the_sector_list_of_the_projects_signed_needs_only_one_known_sector():
    ex = extract(article(
        "12日,2026中国·恒州算力产业大会在恒来县开幕。大会现场集中签约项目20个,总投资268亿元,涵盖数据中心、智能算力、数据标注、服务器制造等领域。"))
    f = facts(ex)
    for sector in ("数据中心", "服务器制造"):
        assert types(ex).get(sector) == "Industry", types(ex)
        assert ("inIndustry", "2026中国·恒州算力产业大会", sector) in f, f


def test_what_a_named_fund_invests_in_mainly_are_its_sectors():
    f = facts(extract(article(
        "仪式上,母基金首批两只子基金同时揭牌:恒水半导体产业子基金规模15亿元,重点投资功率半导体、半导体材料等细分领域;"
        "恒水精密制造产业子基金规模10亿元,重点投资精密机械、智能装备等领域。")))
    assert ("inIndustry", "恒水半导体产业子基金", "功率半导体") in f, f
    assert ("inIndustry", "恒水精密制造产业子基金", "智能装备") in f, f


def test_what_a_launch_verb_lists_after_a_colon_is_launched():
    ev = "恒水市生态产业发展母基金签约成立仪式"
    f = facts(extract(article(
        f"昨天,{ev}在恒水经济技术开发区举行。"
        "仪式上,母基金首批两只子基金同时揭牌:恒水半导体产业子基金规模15亿元,重点投资功率半导体等细分领域;"
        "恒水精密制造产业子基金规模10亿元,重点投资精密机械等领域。")))
    assert ("launched", ev, "恒水半导体产业子基金") in f, f
    assert ("launched", ev, "恒水精密制造产业子基金") in f, f


def test_programmes_of_a_counted_list_are_initiatives_and_counted_or_sector_parks_are_no_parks():
    t = types(extract(article(
        "《行动方案》提出,实施风光氢储一体化示范工程、绿电园区建设工程、新能源装备本地配套提升工程等六大工程。"
        "把恒峰建成国家重要的新能源基地。以元宝山区和克什克腾旗为两大新能源开发区,建设大型风光基地。")))
    for name in ("风光氢储一体化示范工程", "绿电园区建设工程", "新能源装备本地配套提升工程"):
        assert t.get(name) == "Initiative", (name, t)
    for kind in ("新能源基地", "两大新能源开发区", "大型风光基地"):
        assert kind not in t, (kind, t)


def test_the_cities_of_taiwan_are_places():
    t = types(extract(article("恒岳成立于1986年,总部位于台中,是台湾最大的液压件供应商。")))
    assert t.get("台中") == "Place", t
