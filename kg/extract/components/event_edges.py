"""Where an event's name starts: the permissive edge of names that hold verbs (集中签约仪式在X举行),
a round's period (河南省2025年上半年…观摩活动), two places joined by a dash (2025江西—香港经贸合作周),
and the parties a ceremony is named after (A公司与B大学…签约仪式), which are entities of their own."""

from __future__ import annotations

import re

from kg.extract.doc import Doc, Span, clean_label
from kg.extract.lexicon import HAN, NAME_CHARS, lexicon, suffix_ending
from kg.extract.names import is_generic, left_edge
from kg.extract.segment import tokens


def _sentence_floor(doc: Doc, pos: int) -> int:
    return doc.sentences[doc.sentence_at(pos)].start if doc.sentences else 0


#: a year's period before an event's name: 2025年上半年, 一季度
_PERIOD_BEFORE = re.compile(r"(?:(?:19|20)\d{2}年)?(上半年|下半年|前三季度|第?[一二三四]季度)$")
#: a count of events before the kind (三批, 两场, 5次)
_COUNT_OF_EVENTS = re.compile("(?:[一二两三四五六七八九十]+|\\d+)[批场次轮]")
#: a year or an edition heading an event's name: 2025, 2025年, 第三届
_YEAR_LEAD = re.compile(r"^(?:第[\d一二三四五六七八九十]+届)?(?:(?:19|20)\d{2}年?)?")
#: the kinds of party an event may be named after, and what joins two of them (A与B…签约仪式)
_PARTY_KINDS = ("Company", "GovernmentBody", "University", "ResearchInstitute")
_PARTY_JOIN = re.compile("与|和")
#: a firm's legal name opening an event's name (and no 与/和 in it)
_FIRM_OPENS = re.compile(f"(?:(?![与和及])[{HAN}()]){{2,24}}?(?:股份有限公司|有限责任公司|有限公司)(?=[{HAN}])")
#: a ceremony that unveils or founds what its name opens with, and the kinds of body so named (parks: event_roles)
_LAUNCHED_BY_NAME = re.compile("(?:揭牌|成立|开园|落成)(?:暨[^暨,。]{2,16}?)?(?:仪式|大会)$")  # (X揭牌暨首批企业入驻仪式: X is unveiled)
_UNVEILED_KINDS = ("ResearchInstitute", "Association", "Company", "University")


def event_start(doc: Doc, s_start: int, s_end: int, start: int, floor: int) -> int:
    """Start of the event name whose suffix is ``text[s_start:s_end]`` (the suffix rule found ``start``);
    the parties the name opens with become spans of their own (``doc.notes["event_parties"]``)."""
    text, lex = doc.text, lexicon()
    if text[start - 1 : start] == "》" and text[start:s_start] in ("", "新闻", "政策") and text.startswith(("发布会", "解读会"), s_start):
        opening = text.rfind("《", max(floor, start - 80), start)
        if opening >= 0 and "》" not in text[opening : start - 1]:
            return opening  # 召开《X行动计划》新闻发布会: the press conference is named after the plan it releases
    ev_start = _event_edge(doc, s_start, s_end, floor)
    if ev_start is not None and ev_start < start:
        start = ev_start
    period = _PERIOD_BEFORE.search(text, max(floor, start - 12), start)
    if period is not None and period.group(1):
        # 河南省2025年上半年 + 重点项目建设观摩活动: the period (and the place before it) name the round
        start = period.start()
        placed = [p for p in lex.place_re.finditer(text, max(floor, start - 6), start) if p.end() == start]
        if placed:
            start = placed[0].start()
    if text[start - 1 : start] in ("—", "-") and start - 1 > floor:
        s2, _ = left_edge(text, start - 1, floor)
        first = _YEAR_LEAD.sub("", text[s2 : start - 1])
        if first and lex.place_re.fullmatch(first):
            start = s2  # 2025江西—香港经贸合作周: an event of two places joined by a dash
    if text[start - 1 : start] in ("与", "和") and start - 1 > floor:
        # A有限公司与B…合资合作签约仪式: the ceremony of both parties is named after both
        s2, _ = left_edge(text, start - 1, floor)
        if start - 1 - s2 >= 4 and any(suffix_ending(text[s2 : start - 1], t) for t in _PARTY_KINDS):
            second_at, start = start, s2
            ends = [x.end() for x in lex.suffix_re.finditer(text, second_at, s_start) if lex.suffixes[x.group()][0] in _PARTY_KINDS]
            _parties(doc, [(s2, second_at - 1)] + ([(second_at, ends[-1])] if ends and ends[-1] - second_at >= 4 else []), start, s_end)
    elif (k := _PARTY_JOIN.search(text, start, s_start)) is not None and k.start() - start >= 4 \
            and any(suffix_ending(text[start : k.start()], t) for t in _PARTY_KINDS):
        # 德阳市人民政府与西南交通大学全面战略合作协议签约仪式: a name that opens with both parties
        limit = text.find("暨", k.end(), s_start)
        limit = s_start if limit < 0 else limit
        ends = [x.end() for x in lex.suffix_re.finditer(text, k.end(), limit) if lex.suffixes[x.group()][0] in _PARTY_KINDS]
        _parties(doc, [(start, k.start())] + ([(k.end(), ends[0])] if ends and ends[0] - k.end() >= 4 else []), start, s_end)
    elif (firm := _FIRM_OPENS.match(text, start, s_start)) is not None and s_start - firm.end() >= 4:
        # 北京X集团有限公司东北区域总部落户暨项目签约仪式: the firm the name opens with is named there
        doc.add_span(Span(start, firm.end(), "Company", clean_label(firm.group()), "nested", 1))
    if (count := _COUNT_OF_EVENTS.match(text, start, s_start)) is not None and text[start - 1 : start] != "第":
        start = count.end()  # 已举行 + 三批 + 重大项目集中开工活动: a count of such events, not a name's start
    return start


def _parties(doc: Doc, spans: list[tuple[int, int]], start: int, end: int) -> None:
    """Both parties are entities of their own (the event's participants: event_roles)."""
    text = doc.text
    for a, b in spans:
        typ = next((t for t in _PARTY_KINDS if suffix_ending(text[a:b], t)), "Company")
        doc.add_span(Span(a, b, typ, clean_label(text[a:b]), "nested", 1))
        doc.notes.setdefault("event_parties", []).append((clean_label(text[a:b]), start, end))


def unveiled_in_name(doc: Doc, start: int, end: int, kinds: tuple[str, ...] = _UNVEILED_KINDS) -> None:
    """What a ceremony unveils or founds, named in its name (…暨X研究院揭牌仪式), is its own entity
    (of one of ``kinds``)."""
    text = doc.text
    cer = _LAUNCHED_BY_NAME.search(text, start, end)
    if cer is None:
        return
    at = max(start, text.rfind("暨", start, cer.start()) + 1)
    inner = clean_label(text[at : cer.start()])
    typ = next((t for t in kinds if suffix_ending(inner, t)), None)
    if typ is not None and len(inner) >= 5:
        doc.add_span(Span(at, cer.start(), typ, inner, "nested", 1))


# Event names hold verbs and words that end other names (集中签约仪式, 入驻企业授牌仪式,
# 2023年一季度…): the name runs from the clause start, after a time phrase, or after the
# last word that introduces it (在, 举行, 出席 …).
_CUT_WORDS = ("在", "于", "的", "了", "举行", "召开", "举办", "出席", "参加", "主持", "亮相", "启幕", "开幕", "迎来", "今天", "今年",
              "近日", "日前", "当天", "昨天", "前天", "上午", "下午", "晚上", "其中", "期间", "会上", "以及", "和", "与", "及",
              "报讯", "网讯", "台讯", "共建")
# (``.*`` takes the whole window, then gives it back a character at a time until a cut matches:
# the lookahead, a set of the characters a cut can start with, spares the engine the try of
# every cut at the positions where none can start, most of them; ~3x faster, the same match)
_EVENT_CUT = re.compile(
    r"^.*(?=[,;:。!?、\s\d" + "".join(sorted({w[0] for w in _CUT_WORDS})) + "])"
    r"(?:[,;:。!?、\s]|(?<![\d年])\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚间|早上)?|(?<![\d年])\d{1,2}日(?:上午|下午|晚上)?"
    "|" + "|".join(_CUT_WORDS) + ")"
)
_EVENT_HOLD = re.compile(
    r"^(?:\)|”)?(?:,?(?:今天|昨天|前天|今日|昨日|当天|当日|日前|近日|(?:\d{1,2}月)?\d{1,2}日)(?:上午|下午|晚上|晚间)?)?(?:于[^,。;]{1,14}?|在[^,。;]{1,20}?)?(?:同日|同时|同步|当天|今天|昨天|正式|隆重|已)*"
    r"(?:举行|召开|举办|开幕|启幕|落幕|拉开帷幕|开幕式|上|期间|现场|暨)"
)
#: A holding verb right before the name: 召开X大会, 举行首批…签约仪式, 举办了X.
_EVENT_VERB = re.compile(r"(?:召开|举行|举办|出席|参加|迎来)[了的]?$")
#: _EVENT_VERB's verbs anywhere (a name with none before it and no holding verb after it has no edge here)
_HOLDING_VERB = re.compile("召开|举行|举办|出席|参加|迎来")
_QUOTED_SPAN = re.compile(r"“[^“”]*”")
_NAME_RUN = re.compile(f"[{NAME_CHARS}/·—]+")
#: places joined by · before 共建 (遵义·台州共建产业园…仪式): the two partners the event is named after
_PLACE_PAIR = re.compile(f"([{HAN}]{{2,4}}(?:[·—][{HAN}]{{2,4}})+)共建$")
_NAME_OPENING = re.compile(r"(?:19|20)\d{2}|“|第|示范区|园区|开发区|高新区|经开区|新区")


def _event_edge(doc: Doc, s_start: int, s_end: int, floor: int) -> int | None:
    """Start of an event name ending in an event suffix, read with the permissive rule above;
    only for a name that is the subject of a holding verb (…仪式在X举行, …大会召开) or its
    object (召开X大会)."""
    text = doc.text
    if text[s_end : s_end + 1] in ("展", "堂"):
        return None  # 大会展中心, 大会堂: venues
    lo = max(_sentence_floor(doc, s_start), s_start - 60)
    # quoted parts of a name (“薪火传承三十年 携手共创新辉煌”) do not cut it
    window = text[lo:s_start]
    if "“" in window:
        window = _QUOTED_SPAN.sub(lambda q: "“" + "名" * (len(q.group()) - 2) + "”", window)
    subject = bool(_EVENT_HOLD.match(text[s_end : s_end + 24]))
    if not subject and _HOLDING_VERB.search(window) is None:
        return None  # (a name that is neither subject nor object of _EVENT_VERB's verbs: the loop below returns None)
    lex = lexicon()
    end = len(window)
    while True:
        cut = _EVENT_CUT.match(window[:end])
        start = lo + (cut.end() if cut else 0)
        pair = _PLACE_PAIR.search(window, 0, cut.end()) if cut is not None and window.endswith("共建", 0, cut.end()) else None
        if pair is not None and all(part in lex.places for part in re.split("[·—]", pair.group(1))):
            start = lo + pair.start(1)  # 遵义·台州 + 共建…: places named as the partners stay in the name
        stem = window[start - lo :]
        obj = cut is not None and _EVENT_VERB.search(window[: cut.end()]) is not None
        if len(stem) >= 4 and _NAME_RUN.fullmatch(stem):
            # the name must begin like a name: a place, a park, a year or a quoted part,
            # unless a holding verb introduces it
            if obj and not is_generic(list(tokens(stem))):
                return start
            if subject and (lex.place_re.match(text, start) or _NAME_OPENING.match(stem)):
                return start
        # 产业创新与前沿技术…论坛: a name may hold 与/和/及
        if cut is not None and window[cut.end() - 1] in "与和及" and subject:
            end = cut.end() - 1
            continue
        return None


