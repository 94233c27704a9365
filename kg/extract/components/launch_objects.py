"""What a launch verb at an event acts on: the names right before it or right after it (A、B同步揭牌, 发布了《X》)."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _type
from kg.extract.doc import Doc, Span

#: What may stand between a name and the verb that acts on it: 大赛同步启动, (筹)也举行了揭牌, A、B两支子基金同步启动,
#: 为A、B等4个项目举行了揭牌仪式.
_GAP_BEFORE = re.compile(
    r"(?:\(筹\)|”|“|》|等[^,。;]{0,8}?|、|项目|(?:[两二三四五六七八九十]|\d+)(?:支|个|家|只)(?:子基金|母基金|基金|平台|中心)|也|还|同步|同时|正式|宣布|宣告|已|均|顺利|现场|当场|对外|隆重|一并|同日|当天|当日|共同|举行了?|进行了?|在会上|会上|在现场|联合|)*(?:实施)?"
)
#: an item's size before it in a list of funds (和规模5亿元的B)
_SIZE_BEFORE = re.compile(r"(?:总)?规模(?:为|达)?[\d.]+(?:万|亿)?元的$")
#: what a launch verb's list after a colon may unveil (not firms or people: those sign or attend)
_LISTED_LAUNCHES = ("Fund", "Park", "Initiative", "ResearchInstitute", "Project", "Association")


_SAID_GAP = re.compile("了?[《“]?")


def _said_object(doc: Doc, ms: list[Span], v_end: int) -> Span | None:
    """A plan, platform or fund named right after a verb (发布了《X》, 启动X): what the verb acts on."""
    text = doc.text
    for m in ms:
        if m.start >= v_end and _SAID_GAP.fullmatch(text, v_end, m.start):
            return m if _type(doc, m) in ("Initiative", "Fund", "Park") else None
    return None


def _host_zone(doc: Doc, m: Span, spans: list[Span]) -> bool:
    """Whether park mention ``m`` lies inside a longer park mention of ``spans`` (两江新区 of
    两江新区X产业园): the zone hosting that park, not a park of its own there."""
    return _type(doc, m) == "Park" and any(
        x is not m and _type(doc, x) == "Park" and x.start <= m.start and m.end <= x.end and x.length > m.length for x in spans)


def _objects_near(doc: Doc, ms: list[Span], v_start: int, v_end: int, before_only: bool = False) -> list[Span]:
    """Mentions a verb acts on: the name (or list of names) right before it, or the first name after it."""
    text = doc.text
    out: list[Span] = []
    edge = v_start
    # nearest end first (a name nested at the start of a longer one comes after it)
    for m in sorted((m for m in ms if m.end <= v_start), key=lambda m: (m.end, m.length), reverse=True):
        gap = text[m.end : edge]
        if len(gap) > 12 or not _GAP_BEFORE.fullmatch(gap):
            break
        t = _type(doc, m)
        if t in ("Person", "Place", "Industry", "Event"):
            break
        if t == "Park" and text[m.start - 1 : m.start] == "在" and not gap:
            break  # 在X园区设立Y: where something is set up, not what
        if out and text[edge : edge + 1] in ("和", "及") and not (t == _type(doc, out[0]) and t in _LISTED_LAUNCHES and t != "Association"):
            break  # (A和B同步揭牌: two of a kind unveiled; A和B共同启动: the actors)
        out.append(m)
        edge = m.start
        if (size := _SIZE_BEFORE.search(text, max(0, m.start - 16), m.start)) is not None:
            edge = size.start()  # 规模10亿元的A和规模5亿元的B同步发布: past each item's size
        if text[edge - 1 : edge] not in ("、", "和", "及"):
            break
        edge -= 1
    if before_only or out:
        return out
    edge = v_end
    for m in ms:
        if m.start < edge:
            continue
        gap = text[edge : m.start]
        if out:
            # a list after the verb: 发布了《A》和《B》
            if not re.fullmatch(r"[》”]?(?:、|和|及|以及|与)[《“]?", gap) or _type(doc, m) in ("Person", "Place", "Industry", "Event"):
                break
            out.append(m)
            edge = m.end
            continue
        if len(gap) > 16 or re.search("[,。;、]", gap):
            break
        if _type(doc, m) in ("Person", "Place", "Industry", "Event"):
            continue
        quoted = text[m.start : m.start + 1] == "“" and len(gap) <= 8  # 推出重点企业“首席服务官制”
        if quoted or re.fullmatch(r"(?:了|实施|总规模|规模|“[^”]*”|[\d.]+(?:万|亿)?(?:美元|元)(?:人民币)?|的|产业|《)*", gap):
            out.append(m)
            edge = m.end
            continue
        break
    return out
