"""Within-article alias resolution."""

from extract_helpers import article
from kg.extract import extract


def test_short_firm_names_resolve_to_the_full_name():
    text = "会上,鼎捷软件(苏州)有限公司总经理周杰发言。周杰说,鼎捷将继续加大投入。"
    ex = extract(article(text))
    e = ex.entity("鼎捷")
    assert e is not None and e.label == "鼎捷软件(苏州)有限公司"


def test_group_and_company_forms_merge():
    text = "恒力集团副总裁王强表示,恒力公司将在常州投资。恒力将建设新基地。"
    ex = extract(article(text))
    e = ex.entity("恒力公司")
    assert e is not None and e.label == "恒力集团"


def test_bare_party_committee_resolves_to_the_city():
    text = "常熟市召开大会。常熟市委书记周勇讲话。会议体现了市委的决心。"
    ex = extract(article(text))
    e = ex.entity("市委")
    assert e is not None and e.label == "常熟市委"


def test_projects_keep_the_bare_form_as_alias():
    ex = extract(article("总投资8亿元的华塑新材料产业园项目签约落户。"))
    e = ex.entity("华塑新材料产业园项目")
    assert e is not None and e.type == "Project"


def test_joined_event_names():
    text = "2023南通市新材料产业发展大会暨重大项目签约仪式在南通举行。"
    ex = extract(article(text, dateline="2023-06-01"))
    # SCHEMA: the label is the fullest name (the joined one); its parts are aliases
    e = ex.entity("2023南通市新材料产业发展大会暨重大项目签约仪式")
    assert e is not None and e.type == "Event"
    assert "2023南通市新材料产业发展大会" in e.aliases


def test_body_abbreviated_after_its_level_word():
    from extract_helpers import article
    from kg.extract import extract

    ex = extract(article("宁波市台商投资企业协会会长陈明出席。陈明说，这是市台商协会的一次尝试。", dateline="2023-05-01"))
    body = next(e for e in ex.entities if e.label == "宁波市台商投资企业协会")
    assert "市台商协会" in body.aliases
    assert not any(e.label == "市台商协会" for e in ex.entities)


def test_declared_short_form_names_the_entity():
    from extract_helpers import article
    from kg.extract import extract

    ex = extract(article("无锡工业园区管理委员会（以下简称“园区管委会”）与华为签约。园区管委会表示欢迎。"
                         "宁波时代新能源科技股份有限公司(以下简称宁波时代)将在肇庆高新区投资。宁波时代表示将加大投入。",
                         dateline="2023-05-01"))
    by = {e.label: e for e in ex.entities}
    assert "园区管委会" in by["无锡工业园区管理委员会"].aliases and "园区管委会" not in by
    assert "宁波时代" in by["宁波时代新能源科技股份有限公司"].aliases
    assert not any(a.startswith("以下简称") for e in ex.entities for a in e.aliases)


def test_a_project_named_by_the_tail_of_its_full_name_is_that_project():
    ex = extract(article(
        "临江市政府与青川氢能签署协议 共建风光制氢一体化项目\n"
        "按照协议,青川氢能将在东川县投资建设青川东川风光制氢一体化项目,总投资120亿元。",
        dateline="2025-11-04",
    ))
    projects = {e.label: e.aliases for e in ex.entities if e.type == "Project"}
    assert list(projects) == ["青川东川风光制氢一体化项目"]
    assert "风光制氢一体化项目" in projects["青川东川风光制氢一体化项目"]


def _prefix_aliases(text: str) -> tuple[dict[str, list[str]], list[str]]:
    """What ``_name_prefixes_alone`` adds to each entity's aliases, and the mentions left after it."""
    from kg.extract.components.short_names import _name_prefixes_alone
    from kg.extract.registry import default_pipeline

    doc = default_pipeline().run(article(text), upto="entities")
    before = {label: set(e.aliases) for label, e in doc.entities.items()}
    _name_prefixes_alone(doc)
    return {label: sorted(e.aliases - before[label]) for label, e in doc.entities.items()}, [m.label for m in doc.mentions]


def test_the_opening_words_of_a_firms_legal_name_written_alone_name_it():
    added, mentions = _prefix_aliases("广东海擎风电装备有限公司在阳江签约。会上,海擎风电负责人介绍了计划。")
    assert added["广东海擎风电装备有限公司"] == ["海擎风电"]
    assert "风电" not in mentions  # the sector inside the short form is part of the firm's name there


def test_opening_words_two_firms_names_share_name_neither():
    added, mentions = _prefix_aliases("广东海擎风电装备有限公司与江苏海擎风电科技有限公司在阳江签约。会上,海擎风电负责人介绍了计划。")
    assert added["广东海擎风电装备有限公司"] == [] and added["江苏海擎风电科技有限公司"] == []
    assert "风电" in mentions
