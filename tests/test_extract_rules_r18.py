"""Names, counts, signings and sectors on hand-written sentences (eighteenth file: rules of session 38).

Each names firms, people and projects invented for the test, never those of a gold file."""

from extract_helpers import article, facts, types

from kg.extract import extract
from kg.model import Amount


def _objects(f: set, pred: str, subject: str) -> set:
    return {o for p, s, o in (x[:3] for x in f) if p == pred and s == subject}


def test_a_firms_legal_name_before_a_base_project_is_its_investor_not_part_of_the_name():
    text = ("7日上午,临川市2026年第二季度重大项目集中开工活动举行。"
            "在主会场开工的江西合禾电气集团有限公司合禾智能配电全球研发生产基地项目位于云山镇,总投资26亿元。")
    f = facts(extract(article(text, dateline="2026-05-08")))
    p = "合禾智能配电全球研发生产基地项目"
    assert ("investor", p, "江西合禾电气集团有限公司") in f, sorted(x for x in f if x[0] == "investor")
    assert not any("有限公司合禾" in str(x[1]) for x in f), sorted(f)


def test_projects_started_the_same_day_or_at_the_venues_are_the_events():
    text = ("7日上午,临川市2026年第二季度重大项目集中签约开工活动举行,主会场设在云山镇。"
            "全市集中开工项目40个、总投资210亿元。"
            "临川市委书记章立民宣布项目开工。"
            "市长韩东升致辞。"
            "区长白晓峰主持活动。"
            "图为活动现场。"
            "记者 吴一 摄"
            "其中,云山镇开工项目12个。"
            "合禾电气有限公司投资12亿元的智能配电设备产业化项目同日在临川高新区开工,主要生产环网柜。"
            "石塘精密铸件项目、桥头茶叶深加工项目等也在各分会场同步开工。"
            "签约方面,临川市人民政府与江州远山新能源科技有限公司签署投资协议,后者将投资15亿元在云山镇建设储能变流器项目。")
    f = facts(extract(article(text, dateline="2026-05-08")))
    ev = "临川市2026年第二季度重大项目集中签约开工活动"
    signed = {x[1] for x in f if x[0] == "signedAt" and x[2] == ev}
    assert {"智能配电设备产业化项目", "石塘精密铸件项目", "桥头茶叶深加工项目", "储能变流器项目"} <= signed, signed


def test_a_parts_second_count_in_the_same_sentence_is_not_the_events():
    text = ("7日上午,临川市2026年第二季度重大项目集中签约开工活动举行。"
            "全市集中开工项目40个、总投资210亿元,集中签约项目18个、总投资96亿元。"
            "其中,云山区集中开工项目12个、总投资55亿元,签约项目7个、总投资31亿元,均居全市首位。")
    f = facts(extract(article(text, dateline="2026-05-08")))
    ev = "临川市2026年第二季度重大项目集中签约开工活动"
    assert _objects(f, "projectCount", ev) == {40, 18}, sorted(x for x in f if x[1] == ev)
    assert _objects(f, "investment", ev) == {Amount(21000000000, "CNY"), Amount(9600000000, "CNY")}, \
        sorted(x for x in f if x[1] == ev)


def test_a_sector_section_of_a_signing_list_holds_projects_signed_there():
    text = ("昨(9)日下午,临川经济开发区2026年5月重大项目集中签约仪式在开发区举行。"
            "此次共签约项目9个,总投资41亿元,涵盖泛半导体、智能装备等领域。\n"
            "临川市委书记章立民出席签约仪式。\n"
            "泛半导体领域,江州芯远微电子有限公司投资16亿元建设8英寸功率器件封测项目,达产后年产值30亿元。")
    f = facts(extract(article(text, dateline="2026-05-10")))
    assert ("signedAt", "8英寸功率器件封测项目", "临川经济开发区2026年5月重大项目集中签约仪式") in f, \
        sorted(x for x in f if x[0] == "signedAt")
    assert types(extract(article(text, dateline="2026-05-10"))).get("泛半导体") == "Industry"


def test_an_institute_built_by_others_is_the_subject_of_its_sectors_not_its_builders():
    text = ("仪式上,江州工程大学临川智能装备研究院揭牌。"
            "研究院由临川经济开发区管委会与江州工程大学共建,将围绕功能性纤维、工业机器人开展关键技术攻关。")
    f = facts(extract(article(text, dateline="2026-05-10")))
    inst = "江州工程大学临川智能装备研究院"
    assert {"功能性纤维", "工业机器人"} <= _objects(f, "inIndustry", inst), sorted(x for x in f if x[0] == "inIndustry")
    assert not _objects(f, "inIndustry", "江州工程大学"), sorted(x for x in f if x[0] == "inIndustry")
