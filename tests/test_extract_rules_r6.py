"""Joint ventures, subsidiaries, places and posts on hand-written sentences (sixth file: rules of session 13).

Each names firms, people and places invented for the test (real places only where the lexicon of
administrative places is what is tested), never those of a gold file."""

from extract_helpers import article, facts
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
