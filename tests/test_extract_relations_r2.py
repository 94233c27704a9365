"""Relation patterns on hand-written sentences (second file: rules of session 9)."""

from decimal import Decimal

from extract_helpers import article, facts, types
from kg.extract import extract
from kg.model import Amount, DateValue


def test_two_products_joined_by_ji_after_a_build_verb_make_one_project():
    ex = extract(article("其中,湖北楚天汽配有限公司投资4亿元建设汽车座椅骨架及内饰件生产项目,项目建成后年产值8亿元。"))
    f, t = facts(ex), types(ex)
    assert t.get("汽车座椅骨架及内饰件生产项目") == "Project", t
    assert ("investor", "汽车座椅骨架及内饰件生产项目", "湖北楚天汽配有限公司") in f
    assert ("investment", "汽车座椅骨架及内饰件生产项目", Amount(Decimal("400000000"), "CNY")) in f
    assert "内饰件" not in t  # no firm made of the project's head


def test_product_attributes_tagged_as_adverb_or_verb_stay_in_names():
    t = types(extract(article("抚顺新宇防爆设备股份有限公司投资2亿元建设一次性无菌注射器生产项目。")))
    assert t.get("抚顺新宇防爆设备股份有限公司") == "Company", t
    assert t.get("一次性无菌注射器生产项目") == "Project", t


def test_founders_of_a_joint_fund_are_partners():
    f = facts(extract(article("会上,柳州市城市投资发展集团有限公司与广西汇金资本管理有限公司共同发起设立规模20亿元的柳州汽车零部件产业投资基金。")))
    pair = {"柳州市城市投资发展集团有限公司", "广西汇金资本管理有限公司"}
    assert any(x[0] == "partnerOf" and {x[1], x[2]} == pair for x in f), f


def test_a_bare_phase_project_is_the_phase_the_ceremony_is_named_after_and_sits_in_its_park():
    ex = extract(article(
        "本报讯 5月8日,安顺新材料产业园三期项目开工仪式在安顺经济技术开发区举行。"
        "安顺新材料产业园由安顺经济技术开发区管委会规划建设。三期项目总投资15亿元,将建设标准化厂房。", dateline="2025-05-09"))
    f, t = facts(ex), types(ex)
    assert "三期项目" not in t, t
    assert ("investment", "安顺新材料产业园三期项目", Amount(Decimal("1500000000"), "CNY")) in f
    assert ("locatedIn", "安顺新材料产业园三期项目", "安顺新材料产业园") in f
    assert ("locatedIn", "安顺新材料产业园三期项目", "安顺经济技术开发区") not in f


def test_a_week_of_two_places_and_its_opening_ceremony_are_two_events():
    ex = extract(article(
        "2025湖南—澳门经贸合作周在澳门启幕\n"
        "本报澳门9月3日电 3日,2025湖南—澳门经贸合作周开幕式暨重点项目签约仪式在澳门举行。湖南省委副书记、省长张明远出席并致辞。"
        "开幕式上,现场签约项目36个,总投资420亿元。本届经贸合作周为期3天。", dateline="2025-09-04"))
    f, t = facts(ex), types(ex)
    week, opening = "2025湖南—澳门经贸合作周", "2025湖南—澳门经贸合作周开幕式暨重点项目签约仪式"
    assert t.get(week) == "Event" and t.get(opening) == "Event", t
    assert "经贸合作周" not in t  # the bare tail is the week
    assert ("participatedIn", "张明远", opening) in f and ("participatedIn", "张明远", week) not in f
    assert ("projectCount", opening, 36) in f and ("projectCount", week, 36) not in f
    assert ("date", week, DateValue("2025-09-03")) in f


def test_a_party_committee_department_is_a_government_body():
    t = types(extract(article("四川省委宣传部副部长陈立华出席并讲话。")))
    assert t.get("四川省委宣传部") == "GovernmentBody", t


def test_a_new_group_its_renamed_subsidiary_and_the_subsidiaries_it_sets_up():
    ex = extract(article(
        "新组建的株洲湘江产业控股集团有限公司当天揭牌成立。株洲市城市建设投资有限公司更名为株洲湘江城市发展有限公司,作为新集团全资子公司继续承担城建业务;"
        "新集团同时设立株洲湘江资本运营有限公司、株洲湘江园区服务有限公司两家子公司。会上,新集团与湖南中车电气股份有限公司签署战略合作协议。"))
    f, t = facts(ex), types(ex)
    group = "株洲湘江产业控股集团有限公司"
    assert "新集团" not in t and "株洲市城市建设投资有限公司" not in t, t
    assert ("subsidiaryOf", "株洲湘江城市发展有限公司", group) in f
    assert ("subsidiaryOf", "株洲湘江资本运营有限公司", group) in f
    assert ("subsidiaryOf", "株洲湘江园区服务有限公司", group) in f
    assert any(x[0] == "partnerOf" and {x[1], x[2]} == {group, "湖南中车电气股份有限公司"} for x in f), f


def test_a_provincial_tour_its_headline_short_form_and_the_projects_it_visits():
    ex = extract(article(
        "全省重点项目建设观摩活动走进岳阳 8个项目接受检阅\n"
        "本报讯6月12日,湖南省2025年上半年重点项目建设观摩活动第二观摩组来到岳阳市,实地观摩8个重点项目。湖南省发展和改革委员会副主任黄志刚带队,岳阳市委书记刘明远陪同观摩。"
        "观摩组首先来到城陵矶新港区的岳阳港集装箱码头三期项目。该项目由岳阳港务集团有限公司投资建设,总投资26亿元,建成后年吞吐能力150万标箱。"
        "随后,观摩组来到汨罗市,观摩了汨罗再生资源回收利用产业园项目和洞庭湖冷链物流园项目。"
        "郑立明表示,岳阳市项目谋划精准。", dateline="2025-06-13", title="全省重点项目建设观摩活动走进岳阳 8个项目接受检阅"))
    f, t = facts(ex), types(ex)
    tour = "湖南省2025年上半年重点项目建设观摩活动"
    assert t.get(tour) == "Event" and "全省重点项目建设观摩活动" not in t, t
    assert ("participatedIn", "黄志刚", tour) in f
    assert ("investment", "岳阳港集装箱码头三期项目", Amount(Decimal("2600000000"), "CNY")) in f
    assert ("locatedIn", "洞庭湖冷链物流园项目", "汨罗") in f or ("locatedIn", "洞庭湖冷链物流园项目", "汨罗市") in f, f
    assert "洞庭湖冷链" not in t and "岳阳市项目" not in t, t


def test_a_signing_with_firms_counted_at_a_plant_opening_and_the_projects_of_them():
    f = facts(extract(article(
        "本报讯昨日上午,安徽星驰新能源汽车有限公司芜湖整车基地投产仪式在芜湖经济技术开发区举行。"
        "仪式上,芜湖经开区管委会与9家配套企业集中签约,总投资32亿元。"
        "其中,合肥锐能电池系统有限公司投资10亿元建设芜湖动力电池PACK项目;常州精工汽车电子有限公司投资4亿元建设汽车座舱电子项目。", dateline="2025-05-10")))
    ev = "安徽星驰新能源汽车有限公司芜湖整车基地投产仪式"
    assert ("investment", ev, Amount(Decimal("3200000000"), "CNY")) in f
    assert ("signedAt", "芜湖动力电池PACK项目", ev) in f
    assert ("signedAt", "汽车座舱电子项目", ev) in f


def test_a_deal_with_a_quoted_title_makes_partners_and_projects_counted_before_signing():
    f = facts(extract(article("会上,嘉兴市商务局与中国移动通信集团浙江有限公司嘉兴分公司签署“数字贸易+跨境电商”战略合作协议。")))
    assert any(x[0] == "partnerOf" and {x[1], x[2]} == {"嘉兴市商务局", "中国移动通信集团浙江有限公司嘉兴分公司"} for x in f), f
    f = facts(extract(article(
        "本报讯6月6日,鄂尔多斯绿氢产业园开园仪式在鄂尔多斯高新技术产业开发区举行。仪式上,园区与6个绿氢项目签约,总投资88亿元。"
        "其中,内蒙古氢源装备有限公司投资20亿元建设年产3000台套电解槽项目。", dateline="2025-06-07")))
    assert ("signedAt", "年产3000台套电解槽项目", "鄂尔多斯绿氢产业园开园仪式") in f


def test_fields_before_a_count_are_no_projects_and_a_side_forum_launches_what_is_released_on_it():
    ex = extract(article(
        "本报讯9月20日,第八届中国·赣南脐橙文化节在信丰县嘉定镇开幕。开幕式上,果品深加工、仓储物流、直播电商等领域15个项目集中签约,总金额21亿元。"
        "当天下午,脐橙产业发展论坛举行。论坛上发布了《赣南脐橙产业发展报告(2025)》。", dateline="2025-09-21"))
    f, t = facts(ex), types(ex)
    assert "果品深加工项目" not in t and "仓储物流项目" not in t, t
    assert ("projectCount", "第八届中国·赣南脐橙文化节", 15) in f
    assert ("launched", "脐橙产业发展论坛", "赣南脐橙产业发展报告(2025)") in f, f
    assert ("launched", "第八届中国·赣南脐橙文化节", "赣南脐橙产业发展报告(2025)") not in f


def test_a_subject_that_signs_after_its_first_act_and_bank_branches_as_partners():
    f = facts(extract(article(
        "新组建的株洲湘江产业控股集团有限公司当天揭牌成立。仪式上,新集团发起设立规模30亿元的株洲轨道交通产业发展基金,"
        "并与湖南中车电气股份有限公司、株洲硬质合金集团有限公司分别签署战略合作协议。")))
    group = "株洲湘江产业控股集团有限公司"
    for other in ("湖南中车电气股份有限公司", "株洲硬质合金集团有限公司"):
        assert any(x[0] == "partnerOf" and {x[1], x[2]} == {group, other} for x in f), (other, f)
    t = types(extract(article("会上,常州经济开发区管委会与中国工商银行常州分行、江南农村商业银行武进支行签订战略合作协议。")))
    assert t.get("中国工商银行常州分行") == "Company" and t.get("江南农村商业银行武进支行") == "Company", t


def test_a_bare_project_clause_after_its_name_and_a_year_s_counts_at_a_work_meeting():
    f = facts(extract(article(
        "本报讯2月5日,常州经济开发区2025年工作会议召开。会上,区管委会作工作报告。"
        "去年,一批重大项目建成见效。天合储能年产20GWh储能电池项目建成投产,该项目由常州天合储能科技有限公司投资60亿元建设,达产后年产值可达120亿元。"
        "全年新开工项目58个,竣工投产项目37个。", dateline="2025-02-06")))
    assert ("investment", "天合储能年产20GWh储能电池项目", Amount(Decimal("6000000000"), "CNY")) in f
    assert not any(x[0] == "projectCount" for x in f), f


def test_a_ceremony_named_after_two_parties_a_university_chain_and_joint_research_deals():
    ex = extract(article(
        "本报讯5月20日,绵阳市人民政府与电子科技大学全面战略合作协议签约仪式暨电子科技大学绵阳智能感知研究院揭牌仪式在绵阳举行。"
        "电子科技大学党委书记王建国、校长李德明出席。同时,绵阳九洲精密电子有限公司、四川长虹新能源科技股份有限公司分别与研究院签署联合研发协议。",
        dateline="2025-05-21"))
    f, t = facts(ex), types(ex)
    ev = "绵阳市人民政府与电子科技大学全面战略合作协议签约仪式暨电子科技大学绵阳智能感知研究院揭牌仪式"
    assert t.get("绵阳市人民政府") == "GovernmentBody", t
    assert ("participatedIn", "绵阳市人民政府", ev) in f and ("participatedIn", "电子科技大学", ev) in f
    assert ("holdsPosition", "李德明", "电子科技大学", "校长") in f
    inst = "电子科技大学绵阳智能感知研究院"
    for firm in ("绵阳九洲精密电子有限公司", "四川长虹新能源科技股份有限公司"):
        assert any(x[0] == "partnerOf" and {x[1], x[2]} == {firm, inst} for x in f), (firm, f)


def test_each_firm_of_a_list_named_chain_leader_in_quotes_is_in_that_industry():
    f = facts(extract(article(
        "其中,烟台杰瑞石油装备技术有限公司、山东隆华新材料股份有限公司为高端化工产业链“链主”,烟台东方电子信息产业股份有限公司为电子信息产业链“链主”。")))
    assert ("inIndustry", "烟台杰瑞石油装备技术有限公司", "高端化工") in f, f
    assert ("inIndustry", "山东隆华新材料股份有限公司", "高端化工") in f
    assert ("inIndustry", "烟台东方电子信息产业股份有限公司", "电子信息") in f


def test_a_brand_read_as_a_verb_before_a_signed_project_and_firms_signing_to_build_together():
    f = facts(extract(article(
        "江苏中天海缆有限公司与如东洋口港经济开发区签约中天500千伏海缆项目,总投资20亿元。"
        "湛江港联物流有限公司与马来西亚丰隆航运有限公司签约共建湛江跨境冷链物流中心项目,总投资3亿元。")))
    assert ("investor", "中天500千伏海缆项目", "江苏中天海缆有限公司") in f, f
    for firm in ("湛江港联物流有限公司", "马来西亚丰隆航运有限公司"):
        assert ("investor", "湛江跨境冷链物流中心项目", firm) in f
    assert any(x[0] == "partnerOf" and {x[1], x[2]} == {"湛江港联物流有限公司", "马来西亚丰隆航运有限公司"} for x in f), f


def test_a_framework_agreement_in_book_title_marks_and_bodies_that_found_something_together():
    f = facts(extract(article(
        "黔南州人民政府与宁波市人民政府签署《黔南·宁波共建产业园合作框架协议》,双方将在都匀市共建产业园。"
        "根据协议,由宁波前湾新区管委会和都匀经济开发区管委会共同组建园区管理机构。")))
    assert any(x[0] == "partnerOf" and {x[1], x[2]} == {"黔南州人民政府", "宁波市人民政府"} for x in f), f
    assert any(x[0] == "partnerOf" and {x[1], x[2]} == {"宁波前湾新区管委会", "都匀经济开发区管委会"} for x in f), f


def test_firms_named_as_a_park_s_first_tenants_or_leaders_drawn_there_and_a_joint_venture_s_site():
    f = facts(extract(article("仪式上,嘉兴智造创新街区正式揭牌,首批入驻企业包括嘉兴云图智能科技有限公司、嘉兴星途机器人有限公司等12家。")))
    assert ("settledIn", "嘉兴云图智能科技有限公司", "嘉兴智造创新街区") in f, f
    assert ("settledIn", "嘉兴星途机器人有限公司", "嘉兴智造创新街区") in f
    f = facts(extract(article("近年来,哈密经济技术开发区已吸引东方电气集团东方电机有限公司、明阳智慧能源集团股份公司等一批龙头企业布局。")))
    assert ("settledIn", "东方电气集团东方电机有限公司", "哈密经济技术开发区") in f, f
    ex = extract(article(
        "宁夏宝丰能源集团股份有限公司与北京清驰科技有限公司签署合资协议,双方将共同出资组建宁夏宝驰氢能装备有限公司。"
        "根据协议,合资公司将落户银川经济技术开发区,首期投资30亿元建设宝驰氢燃料电池及电解槽制造基地项目。"))
    f, t = facts(ex), types(ex)
    assert ("settledIn", "宁夏宝驰氢能装备有限公司", "银川经济技术开发区") in f, f
    assert t.get("宝驰氢燃料电池及电解槽制造基地项目") == "Project", t


def test_any_agreement_two_bodies_sign_a_foreign_development_board_and_three_builders_are_partners():
    f = facts(extract(article("仪式现场,南通中远海工装备有限公司与国家电投江苏海上风电有限公司签订首批20套导管架供货协议。")))
    assert any(x[0] == "partnerOf" and {x[1], x[2]} == {"南通中远海工装备有限公司", "国家电投江苏海上风电有限公司"} for x in f), f
    f = facts(extract(article("会上,云南省商务厅与香港贸易发展局签署《滇港经贸合作备忘录》。管委会与华为技术有限公司签订投资协议。")))
    assert any(x[0] == "partnerOf" and {x[1], x[2]} == {"云南省商务厅", "香港贸易发展局"} for x in f), f
    assert not any(x[0] == "partnerOf" and "华为技术有限公司" in (x[1], x[2]) for x in f), f
    f = facts(extract(article("该中心由中南大学、长沙经济技术开发区管委会和三一重工股份有限公司三方共建。")))
    trio = ["中南大学", "长沙经济技术开发区管委会", "三一重工股份有限公司"]
    for i, a in enumerate(trio):
        for b in trio[i + 1 :]:
            assert any(x[0] == "partnerOf" and {x[1], x[2]} == {a, b} for x in f), (a, b, f)
