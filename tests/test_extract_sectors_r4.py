"""Sectors and programmes on hand-written sentences (fourth file: rules of session 11).

Each names sectors, firms and slogans invented for the test, never those of a gold file."""

from extract_helpers import article, facts, types
from kg.extract import extract


def test_a_known_sector_with_a_second_sector_or_a_qualifier_before_chanye_is_named_as_written():
    t = types(extract(article("近年来,赣州钨钼新材料产业已形成完整链条,全国智能家电产业也在向这里转移。")))
    assert t.get("钨钼新材料") == "Industry", t
    assert "全国智能家电" not in t and "赣州钨钼新材料" not in t, t


def test_a_verb_after_a_place_before_chanye_is_no_sector():
    t = types(extract(article("建设新能源之都,是洛阳振兴产业雄风的先手棋。")))
    assert "振兴" not in t, t


def test_items_of_a_list_after_a_verb_of_focus_are_sectors_even_when_none_is_known():
    t = types(extract(article(
        "产业园规划面积4平方公里,重点发展薯类精深加工、特色果蔬、林下中药材和预制菜肴等产业。"
        "物流园重点发展离岸贸易、冷链仓储、供应链金融等业态。")))
    for sector in ("薯类精深加工", "特色果蔬", "林下中药材", "预制菜肴", "离岸贸易", "冷链仓储"):
        assert t.get(sector) == "Industry", (sector, t)


def test_a_sector_a_firm_leads_or_works_in_is_named_by_lingyu():
    ex = extract(article(
        "华岳精工科技有限公司是国内工业阀门领域的头部企业。"
        "青禾智能装备股份有限公司深耕园林机械领域二十年。"))
    t = types(ex)
    assert t.get("工业阀门") == "Industry", t
    assert t.get("园林机械") == "Industry", t
    assert "国内工业阀门" not in t, t


def test_an_activity_before_lingyu_is_no_sector():
    t = types(extract(article("新区把在城市规划建设领域积累的经验带到园区。")))
    assert "城市规划建设" not in t, t


def test_each_quoted_name_of_a_list_put_into_practice_and_a_principle_of_several_parts():
    ex = extract(article(
        "《方案》提出,部署实施“稳链强基”“园区扩能”“人才聚源”等六大工程。"
        "市委书记周明远强调,要坚持“招商为先、服务为本”,推动项目早落地。"))
    t = types(ex)
    for name in ("稳链强基", "园区扩能", "人才聚源", "招商为先、服务为本"):
        assert t.get(name) == "Initiative", (name, t)


def test_the_firm_that_signed_with_a_bare_party_invests_in_the_project_of_its_next_clause():
    for text in ("浙江天恒新能源科技股份有限公司与开发区签订投资协议,拟投资20亿元建设超薄玻璃基板项目。",
                 "会上,浙江天恒新能源科技股份有限公司与开发区签约,计划总投资20亿元建设超薄玻璃基板项目。"):
        f = facts(extract(article(text)))
        assert ("investor", "超薄玻璃基板项目", "浙江天恒新能源科技股份有限公司") in f, (text, f)


def test_an_amount_spent_then_a_bare_place_and_a_verb_of_building_is_the_project_s():
    ex = extract(article("浙江天恒新能源科技股份有限公司拟投资20亿元,在开发区建设超薄玻璃基板项目。"))
    f = facts(ex)
    assert ("investor", "超薄玻璃基板项目", "浙江天恒新能源科技股份有限公司") in f, f
    assert any(x[0] == "investment" and x[1] == "超薄玻璃基板项目" for x in f), f


def test_a_count_of_projects_after_a_verb_of_signing_names_no_project():
    t = types(extract(article("推介会上,韶关市与澳门多家企业签约12个项目,总投资80亿元。")))
    assert not any(v == "Project" for v in t.values()), t


def test_a_describing_word_that_opens_a_project_s_name_is_no_firm_it_is_named_after():
    t = types(extract(article("当天开工的还有高效光伏电池片项目和大型装备制造基地项目。")))
    assert "高效光伏" not in t and "大型装备" not in t and "高效" not in t, t


def test_a_known_sector_and_its_equipment_in_a_list_is_named_as_written():
    t = types(extract(article("子基金重点支持储能装备、动力电池装备和光伏设备企业。")))
    assert t.get("储能装备") == "Industry" and t.get("动力电池装备") == "Industry", t
    assert "储能" not in t and "动力电池" not in t, t


def test_a_trade_of_seven_characters_in_a_list_of_fields_is_a_sector():
    t = types(extract(article("双方将围绕通用航空、低空经济、船舶零部件制造等领域开展全方位合作。")))
    assert t.get("船舶零部件制造") == "Industry", t
