"""Joint ventures, subsidiaries, places and posts on hand-written sentences (sixth file: rules of session 13).

Each names firms, people and places invented for the test (real places only where the lexicon of
administrative places is what is tested), never those of a gold file."""

from extract_helpers import article, facts, types
from kg.extract import extract


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
