"""The counts and totals of the projects signed or started at an event, as the text states them.

Every stated count and total is kept (35 started for 236亿元 and 35 signed for 290.3亿元);
subtotals of one district, park, type or batch (昆山开发区有5个项目开工, 其中…) are not the event's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.components.clauses import mentions_between
from kg.extract.components.refs import clause_start
from kg.extract.doc import Doc
from kg.extract.lexicon import lexicon
from kg.extract.quantities import AMOUNT_RE, amount_of, chinese_number
from kg.model import Amount

_CN = "一二两三四五六七八九十百"
_HAN = "\u4e00-\u9fff"
#: 15个新能源重大产业项目, 20余个…项目, 十大重点产业项目, 项目共45个, 涉及项目110个
_COUNT = re.compile(
    rf"(?<![\d.])(?P<n>\d+)(?:余|多)?个(?P<what>[^,。;、:]{{0,16}}?)(?:项目|工程|园区|专案)"
    rf"|(?<![{_CN}\d第])(?P<n4>[两二三四五六七八九十]{{1,2}})个(?:项目|工程)(?=总投资|计划总投资|合计投资|投资总额|共计投资|合计|共)"
    rf"|(?:项目|工程|专案)(?:共计|合计|总数|共|总计)?(?:有|达|为)?(?P<n2>\d+)(?:余|多)?个"  # (专案: a Taiwan paper's word)
    rf"|(?<![{_CN}\d])(?P<n3>[{_CN}]{{1,3}})大(?:重点|重大)?(?:产业|产业化)?项目"
    rf"|(?<![\d.])(?P<firms>\d+)(?:余|多)?家[{_HAN}]{{0,4}}?(?:企业|公司)[^,。;]{{0,6}}?(?:集中)?(?:入驻|签约|落户)"
)
_AMT = r"(?P<amt>(?:人民币|美元|港元|港币|欧元|日元|新台币)?(?:\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(?:万亿|千亿|百亿|十亿|千万|百万|十万|亿|万)?(?:元人民币|元|美元|欧元|日元|港元))"
_TOTAL = re.compile(
    r"(?:总投资额|总投资|投资总额|计划总投资|协议总投资|协议投资额|签约金额|签约总额|签约额|总金额|协议金额|合同金额|(?:计划|预期|预计|意向|拟)?投资(?:总额|额)?|签约)"
    rf"(?:达到|达|约为|约|超过|超|接近|近|逾|共计|合计|为)?{_AMT}"
)
#: Words that make a count one of projects signed or started at the event.
_SIGNED = re.compile("签约|开工|签订|签署|落地|落户|启动|奠基|集中|竣工|开业|投产|动工")
#: Words that make a clause speak of the event's whole set.
_WHOLE = re.compile("此次|本次|本届|这次|共有|共计|两项活动|全部|合计|共")
#: Words that put a count over a period or into a goal.
_PERIOD = re.compile("全年|去年|上年|年内|力争|今年以来|今年已|年内已|截至|累计完成|今年(?![\\d一二三四五六七八九十]+月)")
_THIS_EVENT = re.compile("此次|本次|本届|这次")
#: Words that mark a part of the set: 其中, 按类型分, 分别.
_PART = re.compile("其中|按[^,。;]{0,4}分|分别|包括|单独")


@lru_cache(maxsize=4096)
def _amount(s: str) -> Amount | None:
    """(cached by the words: an Amount, frozen, can be shared; the same totals come again and again)"""
    m = AMOUNT_RE.search(s)
    return amount_of(m) if m else None


_CLAUSE_END = re.compile("[,;:。!?]")
_LEAD_WORD = re.compile(r"^(?:而|另外|此外|同时)")
#: a delegation opening a clause (厦门团此次签约项目13个)
_DELEGATION_LEAD = re.compile(f"[{_HAN}]{{1,8}}?(?:代表团|团)(?:此次|本次|这次|共|共计)?")
_DELEGATION = re.compile(f"[{_HAN}]{{1,8}}?(?:代表团|团)")
_DELEGATION_ACTS = re.compile(f"[{_HAN}]{{1,8}}?(?:代表团|团)(?=此次|本次|这次|共|签|在|有)")


#: a count opening its clause, with the projects' total right after it (2个项目总投资83亿元)
_RECAP = re.compile(r"(?:\d+|[两二三四五六七八九十]{1,2})个项目(?:总投资|计划总投资|合计投资|投资总额)")


def _recap_after_signing(text: str, pos: int) -> bool:
    """Whether the recap opening a clause at ``pos`` (两个项目总投资200亿元) sums up projects just signed or
    started: said in the clause before it, or, after a list of them (其中,A…;B…), in the sentence before the list."""
    if pos < 2:
        return False
    listed = text.rfind("其中", max(0, pos - 200), pos)
    if listed >= 0 and text.find("。", listed, pos - 1) < 0:
        start = text.rfind("。", 0, listed - 1) + 1
        return _SIGNED.search(text, start, listed) is not None
    start = clause_start(text, 0, pos - 2, ",;:。!?")
    return _SIGNED.search(text, start, pos) is not None


_HAN_GAP = re.compile("[\u4e00-\u9fff] [\u4e00-\u9fff]")


def _clause_bounds(seg: str, pos: int) -> tuple[int, int]:
    start = clause_start(seg, 0, pos, ",;:。!?")  # (the end of the last mark before pos, else 0)
    m = _CLAUSE_END.search(seg, pos)
    return start, (m.start() if m else len(seg))


_DIGIT = re.compile(r"\d")
_SEGMENT_END = re.compile("[。;!?]")
#: a clause that names no subject of its own, so goes on about the last one's (…,签约项目11个)
_NO_SUBJECT = re.compile("(?:另|还|并|同时)?(?:集中|现场|新)?(?:签约|开工|动工|落地|竣工|投产)")


def _part_end(seg: str, pos: int) -> int:
    """Where the sentence or ;-segment holding a part's count ends (its next clauses speak of that part)."""
    m = _SEGMENT_END.search(seg, pos)
    return m.start() if m else len(seg)


#: how high a place's level is: a province's event holds the counts of its cities and counties
_LEVEL_RANK = {"country": 4, "province": 3, "city": 2, "county": 1, "town": 0}


def _wider_event(event: str | None, place: str) -> bool:
    """Whether ``event`` is named after a place above ``place`` (山东省…集中开工活动 and 邹平):
    the home county's figures are then its share of the event's."""
    if not event:
        return False
    lex = lexicon()
    own, at = None, 0
    while (m := lex.place_re.match(event, at)) is not None:  # 四川遂宁(香港)推介会: the last of a chain of places
        own, at = lex.place(m.group()), m.end() + (event[m.end() : m.end() + 1] in "省市区县")
    other = lex.place(place)
    return own is not None and other is not None and _LEVEL_RANK.get(own.level, 0) > _LEVEL_RANK.get(other.level, 0)


def counts(doc: Doc, seg_start: int, seg: str, event: str | None = None) -> list[tuple[int, int, Amount | None]]:
    """(offset, count, total or None) for each count of the event's projects stated in ``seg``
    (``event``: the event the segment is about, when known)."""
    out: list[tuple[int, int, Amount | None]] = []
    if "个" not in seg and "大" not in seg and "家" not in seg:
        return out
    if "项目" not in seg and "工程" not in seg and "园区" not in seg and "家" not in seg and "专案" not in seg:
        return out  # (every branch of _COUNT ends in one of them)
    if "大" not in seg and _DIGIT.search(seg) is None:
        return out  # (every branch of _COUNT but the one of 大 holds a digit)
    found = list(_COUNT.finditer(seg))
    if not found:
        return out
    seg_ms = mentions_between(doc, seg_start, seg_start + len(seg))
    named = [m.end - seg_start for m in seg_ms if doc.type_of(m.label) == "Event"]
    shares = doc.notes.setdefault("share_counts", set())  # the home county's shares of a wider event's counts
    places = [m for m in seg_ms if doc.type_of(m.label) in ("Place", "Park")]
    part_end = -1  # where the clauses about a part of the set (其中,X区…) end
    for i, m in enumerate(found):
        if m.group("n"):
            n = int(m.group("n"))
        elif m.group("n2"):
            n = int(m.group("n2"))
        elif m.group("n3"):
            n = chinese_number(m.group("n3")) or 0
        elif m.group("n4"):
            n = chinese_number(m.group("n4")) or 0  # (两个项目总投资200亿元: a recap of those just listed)
        else:
            n = int(m.group("firms"))
        if n < 2:
            continue
        c_start, c_end = _clause_bounds(seg, m.start())
        clause = seg[c_start:c_end]
        if m.start() < part_end and _NO_SUBJECT.match(clause):
            continue  # 其中,顺德区开工项目24个…,签约项目11个…: the same part's other count
        if _PART.search(seg, c_start, m.start()) or re.search("其中[,:]$", seg[max(0, c_start - 3) : c_start]) or "累计" in clause and not _WHOLE.search(clause) and not any(c_start < e <= m.start() for e in named):
            part_end = _part_end(seg, c_end)
            continue
        if _PERIOD.search(seg, 0, m.start()) and not _THIS_EVENT.search(seg, 0, m.start()):
            continue  # 全年新开工项目64个, 力争新签约项目90个: a year's figures or a goal, not the event's
        if "分会场" in seg[: m.start()] or "主战场" in seg[: m.start()] or "主会场" in seg[: m.start()] and "分会场" in doc.text:
            continue  # 在瑞安市分会场,当地集中开工项目18个; X开发区是本次开工的主战场,共开工…; 主会场开工项目12个: a part's subtotal
        if seg.startswith(("也", "还", "同时", "同步"), m.end()) and "等" in seg[c_start : m.start()]:
            continue  # 此外,A、B等12个项目也在仪式上签约: the rest of those signed, not all of them
        if m.group("what") and AMOUNT_RE.search(m.group("what")):
            continue  # 2个总投资超百亿元的项目: a kind of project, not the set
        # a district's or park's subtotal: 昆山开发区有5个项目开工, 张浦镇开工5个项目
        gap = clause.rfind(" ", 0, m.start() - c_start)
        phrase = clause[gap + 1 :] if gap > 0 and _HAN_GAP.match(clause, gap - 1) else clause  # 全省…开工 邹平31个项目: a headline's second phrase
        lead = _LEAD_WORD.sub("", phrase)
        home = {doc.notes.get("home_city"), doc.notes.get("home")}
        at = c_start + (len(clause) - len(lead))
        wider = False
        for p in places:  # (in text order: 南充市 + 顺庆区, the home city's own district)
            if p.start - seg_start == at and p.label in home:
                at = p.end - seg_start
                wider = wider or _wider_event(event, p.label)
        if wider:
            shares.add(n)  # (全省…集中开工, 邹平31个项目: the home county's share of a province's event)
        if wider or n in shares or any(p.start - seg_start == at and p.label not in home for p in places):
            part_end = _part_end(seg, c_end)
            continue  # (…此次开工的31个项目中: that share again)
        if _DELEGATION_LEAD.match(lead) and _DELEGATION.match(lead).end() < len(lead):
            if _DELEGATION_ACTS.match(lead):
                continue  # a delegation's subtotal: 厦门团此次签约项目13个
        if not (_SIGNED.search(clause) or _WHOLE.search(clause) and _SIGNED.search(seg)
                or lead.startswith(("涉及", "共涉及")) and _SIGNED.search(seg, 0, c_start)  # 与6家企业签约,…,涉及项目6个
                or _RECAP.match(seg, m.start())
                and m.start() == c_start and _recap_after_signing(doc.text, seg_start + c_start)):
            continue  # (…并现场签约A和B, + 2个项目总投资83亿元: the count of those just signed, with their total)
        nxt = found[i + 1].start() if i + 1 < len(found) else len(seg)
        tot = _TOTAL.search(seg, m.end(), nxt)
        if tot is not None and (_PART.search(seg, m.end(), tot.start()) or seg.startswith("中", m.end())):
            tot = None  # (签约的3个项目中,A投资20亿元…: the count opens a list; an amount after it is one item's)
        # firms that settle are not projects: their total is the event's, their number is not a count
        out.append((m.start(), 0 if m.group("firms") else n, _amount(tot.group("amt")) if tot else None))
    return out
