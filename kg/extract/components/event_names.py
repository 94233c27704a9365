"""Event names beyond the suffix rule: year-headed project drives (2016X春季重大项目集中开工),
one event under several names in an article (headline short forms, bare 推介会, “新春第一会”),
and ceremonies named only by what they open (X正式开园 … 开园仪式)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from kg.extract.components.entities import _by_start, _merge
from kg.extract.components.event_edges import unveiled_in_name
from kg.extract.doc import Doc, Span, clean_label, mention_of
from kg.extract.lexicon import NAME_CHARS, lexicon, suffix_ending
from kg.extract.names import is_generic
from kg.extract.registry import component
from kg.extract.segment import tokens
from kg.model import Entity

#: A project drive named by its year: 2016昆山春季重大项目集中开工.
_DRIVE = re.compile(
    rf"(?:19|20)\d{{2}}年?[{NAME_CHARS}]{{2,24}}?集中(?:签约开工|开工签约|开工|动工|签约|竣工|开竣工)(?:活动|仪式)?(?=[:。,;!\s]|举行|启动|$)"
)
#: Where a drive's name may start inside a sentence: after a clause mark or a time word.
_DRIVE_START = re.compile(r"(?:^|[,;:])(?:今天|昨天|前天|今日|昨日|当天|日前|近日|(?:\d{1,2}月)?\d{1,2}日)?(?:上午|下午)?")


#: Sessions of a congress named by their numbers: 十四届全国人大三次会议, 党的二十大.
_SESSION = re.compile(
    r"(?:第)?[一二三四五六七八九十]{1,3}届[\u4e00-\u9fff]{1,10}?[一二三四五六七八九十]{1,2}次(?:全体)?会议"
    r"|党的[一二三四五六七八九十]{1,3}大"
)


@component("event_mentions")
def event_mentions(doc: Doc) -> None:
    """Candidate events that no suffix names: a year-headed drive at a sentence start,
    a numbered session of a congress."""
    lex = lexicon()
    for s in doc.sentences:
        if "集中" not in s.text:
            continue  # (every drive's name holds it: no clause start to try)
        for at in _DRIVE_START.finditer(s.text):
            pos = at.end()
            place = lex.place_re.match(s.text, pos)  # 佛山市 + 2025年第四季度重大项目集中动工活动
            m = _DRIVE.match(s.text, place.end() if place else pos)
            if m:
                name = s.text[pos : m.end()]
                if not name.endswith(("活动", "仪式")) and (m.group() + "活动" in doc.text or m.group() + "仪式" in doc.text):
                    break  # a headline's short form of the full name (event_aliases)
                doc.add_span(Span(s.start + pos, s.start + m.end(), "Event", clean_label(name), "drive", 5))
                break
    for m in _SESSION.finditer(doc.text):
        doc.add_span(Span(m.start(), m.end(), "Event", m.group(), "session", 5))


#: Where a name in a lead may begin: after a clause mark, a time word, a theme or a verb.
_LEAD_CUT = re.compile(
    r"^.*(?:[,;:。!?、\s》]|等|[\d一二两三四五六七八九十余多]+[场个次项批]|为主题的|的|在|于|了|是|由|举行|召开|举办|出席|参加|主持|见证|迎来|亮相|启幕|开幕|今天|昨天|前天|近日|日前|当天|上午|下午|晚上"
    r"|(?<![\d年])\d{1,2}月\d{1,2}日|(?<![\d年])\d{1,2}日|共建(?!签约|揭牌|合作|暨|仪式))"
)
_LEAD_VERBS = re.compile("签约|开工|举行|召开|举办|开幕|启幕|拉开帷幕|落幕|闭幕|举行|出席|参加|迎来|发布")


@component("event_fallback")
def _lead_fallback(doc: Doc) -> None:
    """No event named by the strict rules: the headline and lead nearly always name the article's
    event; take the longest plausible event-suffixed phrase there."""
    lead_end = doc.sentences[min(len(doc.sentences), 6) - 1].end if doc.sentences else 0
    if any(m.type == "Event" and m.start < lead_end for m in doc.spans):
        return  # (an event named only further down is another one: 将于10月举办的X大会)
    text = doc.text
    lex = lexicon()
    best: tuple[int, int, int] | None = None  # (length, start, end)
    for s in doc.sentences[:6]:
        if not _LEAD_VERBS.search(s.text):
            continue
        quoted = re.sub(r"“[^“”]*”", lambda q: "“" + "名" * (len(q.group()) - 2) + "”", s.text)
        for sm in lex.suffix_re.finditer(text, s.start, s.end):
            typ, _ = lex.suffixes[sm.group()]
            if typ != "Event" or text[sm.end() : sm.end() + 1] in ("展", "堂"):
                continue
            window = quoted[: sm.start() - s.start]
            cut = _LEAD_CUT.match(window)
            start = s.start + (cut.end() if cut else 0)
            stem = text[start : sm.start()]
            stem = re.sub(r"^(?:本次|此次|这次|本届|该|这场|首届)", "", stem)
            start = sm.start() - len(stem)
            if not stem and len(sm.group()) >= 4 and re.search("(?:出席|参加|主持|见证|举行|举办|召开)了?$", text[max(s.start, start - 3) : start]):
                cand = (0, start, sm.end())  # 出席签约仪式: the plain name, when nothing better is found
                best = cand if best is None else best
                continue
            if not re.fullmatch(f"[{NAME_CHARS}]+", stem or "-"):
                continue
            held = re.search("(?:举办|举行|召开)了?$", text[max(s.start, start - 3) : start]) is not None
            if len(stem) < 4 or is_generic(list(tokens(stem))):
                if not (held and len(stem) >= 2):
                    continue  # 赴上海举办产业推介会: a plain name, held by the article's subject
                cand = (0, start, sm.end())  # only when nothing better is found
            else:
                cand = (sm.end() - start, start, sm.end())
            if best is None or cand[0] > best[0]:
                best = cand
    if best is not None:
        _, a, b = best
        doc.add_span(Span(a, b, "Event", clean_label(text[a:b]), "lead", 2))
        # (粤桂(顺德·北流)产业合作园揭牌暨…仪式, a name no suffix rule read: what it unveils, a park too)
        unveiled_in_name(doc, a, b, ("ResearchInstitute", "Association", "Company", "University", "Park"))


def _event_suffixes_end(text: str) -> str | None:
    """The longest event suffix ``text`` ends with (:func:`kg.extract.lexicon.suffix_ending`)."""
    return suffix_ending(text, "Event")


def _suffix(label: str) -> str | None:
    return _event_suffixes_end(label)


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


#: 把X定为“Y”, X被称为“Y”: Y is another name of X.
_NAMED_AS = re.compile(r"(?:定为|称为|誉为|称作|命名为)“([^”]{2,12})”")
#: Words before a bare suffix that point back at the article's event (这场推介会, 本届恳谈会).
_BARE_BEFORE = ("本次", "此次", "这次", "这场", "本届", "此届", "该", "此", "这一")
_BARE_AFTER = ("上", "现场", "期间", "结束", "之后", "开始")
_CONTEST = re.compile("(?:大赛|竞赛|比赛|评选|挑战赛)$")
_STARTED = re.compile("(?:同步|同时|正式|也|还|现场)*(?:启动|启幕|开赛|发布)")
#: Ceremonies named by what they open: X正式开园 … 开园仪式.
_OPENING = {"开园仪式": "开园", "开工仪式": "开工", "揭牌仪式": "揭牌", "奠基仪式": "奠基"}


@component("event_aliases")
def event_aliases(doc: Doc) -> None:
    """One entity per event of the article, with its other names as aliases."""
    text = doc.text
    ents = doc.entities
    events = lambda: sorted((e for e in ents.values() if e.type == "Event"), key=lambda e: (-len(e.label), e.label))
    # X定为“Y”: merge Y into X
    for m in _NAMED_AS.finditer(text):
        y = doc.entity(clean_label(m.group(1)))
        if y is None or y.type != "Event":
            continue
        for x in events():
            if x is not y and any(n and text.endswith(n, 0, m.start()) for n in (x.label, *x.aliases)):
                _merge(doc, x.label, y.label)
                break
    # a headline's short form (锡山金秋恳谈会) of a full name (2021无锡锡山金秋招商合作恳谈会)
    evs = events()  # (sorted again after each merge, the one change below)
    for short in sorted((e.label for e in evs), key=len):
        if short not in ents:
            continue
        suf = _suffix(short)
        if not suf or len(short) - len(suf) < 2:
            continue
        # (a stem of two characters only as the tail of the full name: 经贸合作周 of 2025江西—香港经贸合作周)
        longer = [e.label for e in evs if len(e.label) > len(short)
                  and any(len(n) > len(short) and _suffix(n) == suf and (n.endswith(short) if len(short) - len(suf) < 3 else _subsequence(_WHOLE_AREA.sub("", short), n))
                          for n in (e.label, *e.aliases))]
        if len(longer) == 1:
            _merge(doc, longer[0], short)
            evs = events()
    # the bare suffix used for the event (推介会上, 这场推介会): an alias of the one event with it
    by_suffix: dict[str, list[Entity]] = {}
    for e in events():
        suf = _suffix(e.label)
        if suf and len(e.label) > len(suf):
            by_suffix.setdefault(suf, []).append(e)
    for suf, es in sorted(by_suffix.items()):
        # demonstrative names (这场推介会) fold into the named event
        named = [e for e in es if not e.label.startswith(_BARE_BEFORE)]
        if len(named) != 1:
            continue
        for e in es:
            if e is not named[0] and e.label[: len(e.label) - len(suf)] in _BARE_BEFORE:
                _merge(doc, named[0].label, e.label)
        if _bare_use(doc, suf):
            named[0].aliases.add(suf)
    _ordinals(doc)
    _abbreviations(doc)
    _opened_series(doc)
    # a contest or selection started at the event (大赛同步启动) is an Initiative
    if len(ents) and sum(1 for e in ents.values() if e.type == "Event") > 1:
        for x in doc.mentions:
            e = ents.get(x.label)
            if e is not None and e.type == "Event" and _CONTEST.search(e.label) and _STARTED.match(text, x.end):
                e.type = "Initiative"
                x.type = "Initiative"
    # ceremonies named by what they open
    for suf, verb in _OPENING.items():
        if suf in by_suffix or not _bare_use(doc, suf, any_context=True) or doc.entity(suf) is not None and doc.entity(suf).label != suf:
            continue
        target = _opened(doc, verb)
        if target is None or any(e.type == "Event" and verb in e.label for e in ents.values()):
            continue  # (集中开工活动 … 在开工仪式上: the article's own ceremony of that act, not one of its own)
        label = target + suf
        doc.notes.setdefault("opened", {})[label] = target
        bare = doc.entity(suf)
        if bare is not None and bare.type == "Event":
            doc.rename(bare.label, label)
        else:
            i = text.find(suf)
            e = doc.ensure_entity("Event", label, {suf})
            span = Span(i, i + len(suf), "Event", label, "opening", 0)
            e.mentions.append(mention_of(doc, span))
            doc.mentions = _with_mention(doc.mentions, span)


#: a headline's stand-in for the place of a full name: 全省 (for 河南省), 全市
_WHOLE_AREA = re.compile("^全[省市区县]")
#: the opening ceremony of a named series: X经贸合作周 + 开幕式(暨…)
_OPENING_OF = "开幕式"


def _opened_series(doc: Doc) -> None:
    """The week, festival or fair whose opening ceremony is named (2025X人才科技周开幕式暨…签约仪式)
    is an event of its own (SCHEMA: the series and its opening are two events)."""
    for e in sorted((e for e in doc.entities.values() if e.type == "Event"), key=lambda e: e.label):
        i = e.label.find(_OPENING_OF)
        series = e.label[:i]
        if i < 4 or not suffix_ending(series, "Event"):
            continue
        known = doc.entity(series)
        if known is None:
            at = next((m for m in e.mentions if doc.text.startswith(series, m.start)), None)
            if at is None:
                continue
            aliases = {a[: a.find(_OPENING_OF)] for a in e.aliases if a.find(_OPENING_OF) >= 4}
            _add_mention(doc, doc.ensure_entity("Event", series, aliases), at.start, at.start + len(series), "series")
        elif known.type != "Event" or known is e:
            continue
        else:
            series = known.label
        # (event_frames: opened on its date, at its place; event_main: the opening is the article's event)
        doc.notes.setdefault("series_opened", {})[series] = e.label


def _bare_use(doc: Doc, suf: str, any_context: bool = False) -> bool:
    text, n = doc.text, len(suf)
    mentions = doc.mentions  # (sorted by start: only those starting shortly before an occurrence can hold it)
    starts = [m.start for m in mentions]
    i = text.find(suf)
    while i >= 0:
        covered = False  # (inside a longer mention; a loop, not any() over a generator: asked per occurrence)
        for k in range(bisect_left(starts, i - _LONGEST_NAME), bisect_right(starts, i)):
            m = mentions[k]
            if i + n <= m.end and m.end - m.start > n:
                covered = True
                break
        if not covered:
            if any_context or text.endswith(_BARE_BEFORE, 0, i) or text.startswith(_BARE_AFTER, i + n) or text[i - 1 : i] in ("", "\n", ",", "。", "“"):
                return True
        i = text.find(suf, i + 1)
    return False


#: no mention is longer (a name longer is a run-on: none holds an event's bare suffix)
_LONGEST_NAME = 120


def _opened(doc: Doc, verb: str) -> str | None:
    """The park, project or organisation that the text says opens (X正式开园)."""
    for m in doc.mentions:
        if doc.type_of(m.label) not in ("Park", "Project", "Company", "ResearchInstitute"):
            continue
        tail = doc.text[m.end : m.end + 24]
        if re.match(rf"(?:\)|”)?(?:\([^()]{{0,14}}\))?(?:正式|顺利|同日|同步|今天|昨天|隆重)*{verb}", tail):
            e = doc.entity(m.label)
            return e.label if e else None
    return None



def _rename(doc: Doc, e: Entity, label: str) -> None:
    """Rename an event; the article's main event follows it."""
    old = e.label
    doc.rename(old, label)
    if doc.notes.get("main_event") == old:
        doc.notes["main_event"] = label


def _add_mention(doc: Doc, e: Entity, start: int, end: int, source: str) -> None:
    span = Span(start, end, "Event", e.label, source, 0)
    e.mentions.append(mention_of(doc, span))
    doc.mentions = _with_mention(doc.mentions, span)


def _with_mention(mentions: list[Span], span: Span) -> list[Span]:
    """A new list of ``mentions`` (by start, the longest first) with ``span`` where a stable sort would put it:
    after those of its place (a sort of them all per mention added grew with the square of a long text)."""
    i = bisect_right(mentions, _by_start(span), key=_by_start)
    return [*mentions[:i], span, *mentions[i:]]


#: The edition of a recurring event written before its name: 第二十四届, 第3届.
_ORDINAL = re.compile(r"第[一二三四五六七八九十百零〇\d]{1,4}[届次]$")


def _ordinals(doc: Doc) -> None:
    """第二十四届X洽谈会: the edition is part of the name (the bare X… an alias)."""
    text = doc.text
    for e in sorted((e for e in doc.entities.values() if e.type == "Event"), key=lambda e: e.label):
        if e.label.startswith("第") or not e.mentions:
            continue
        for m in sorted(e.mentions, key=lambda m: m.start):
            om = _ORDINAL.search(text, max(0, m.start - 6), m.start)
            if om is not None and text[m.start : m.end] == e.label:
                label = om.group() + e.label
                if label not in doc.entities:
                    _rename(doc, e, label)
                    for x in doc.mentions:
                        if x.label == label and x.start == m.start:
                            x.start = om.start()
                break


#: Suffixes of fairs and meetings that the press shortens (中国国际投资贸易洽谈会 -> 投洽会).
_SHORTENED = re.compile("(?:会|展|节|周)$")


# compiled once (the rule below runs per candidate)
_IDEOGRAPHS = re.compile("[\u4e00-\u9fff]+")


def _abbreviations(doc: Doc) -> None:
    """A short form made of characters of an event's name in order, ending like it
    (投洽会 for 中国国际投资贸易洽谈会, 进博会 for 中国国际进口博览会): another name of that event."""
    text = doc.text
    events = sorted((e for e in doc.entities.values() if e.type == "Event" and _SHORTENED.search(e.label)), key=lambda e: (-len(e.label), e.label))
    # a short form found as a name of its own (进博会 by the suffix 博会): fold it into the full name
    for short in sorted((e for e in doc.entities.values() if e.type == "Event" and 3 <= len(e.label) <= 4), key=lambda e: e.label):
        full = [e for e in events if e is not short and len(e.label) > len(short.label) + 2
                and e.label[-1] == short.label[-1] and _subsequence(short.label, e.label) and short.label[:-1] not in e.label]
        if len(full) == 1 and short.label in doc.entities:
            _merge(doc, full[0].label, short.label)
    covered = None  # 1 where a mention covers the character (made for the first name long enough)
    for e in events:
        core = re.sub(r"^(?:第[^届次]{1,4}[届次]|(?:19|20)\d{2}年?)", "", e.label)
        last = core[-1]
        if len(core) < 6:
            continue
        if covered is None:
            covered = bytearray(len(text) + 1)
            for m in doc.mentions:
                covered[m.start : m.end] = b"\x01" * (m.end - m.start)
        found: dict[int, str] = {}
        i = -1
        while (i := text.find(last, i + 1)) >= 0:
            if covered[i]:
                continue
            for k in (4, 3):
                cand = text[i - k + 1 : i + 1]
                if len(cand) != k or not _IDEOGRAPHS.fullmatch(cand) or core.endswith(cand):
                    continue
                if cand[0] == core[0] and core.startswith(cand[:-1]):
                    continue  # a plain prefix with the last character (中国国际会), not a short form
                if _subsequence(cand, core) and cand[:-1] not in core:
                    found[i - k + 1] = cand
                    break
        names = {c for c in found.values()}
        if len(names) != 1:
            continue  # one short form per event, else too loose
        short = names.pop()
        if doc.entity(short) is not None and doc.entity(short) is not e:
            continue
        e.aliases.add(short)
        for start in sorted(found):
            _add_mention(doc, e, start, start + len(short), "short")


#: Fairs that host other events, and ceremonies held during them.
_FAIR = re.compile("(?:洽谈会|博览会|交易会|展览会|展销会|博会|交会|洽会|贸易周|投资周|经贸周|年会|峰会|论坛)$")
_CEREMONY = re.compile("(?:签约|开工)(?:仪式|活动|大会)$|集中(?:签约|开工)$")


@component("event_main")
def event_main(doc: Doc) -> None:
    """Revisions of the article's main event (chosen by ``home``)."""
    _host_and_ceremony(doc)


def _host_and_ceremony(doc: Doc) -> None:
    """A signing ceremony held during a fair (X洽谈会正在举办, 签约仪式在会期内举行): the
    article's figures and signers are the ceremony's, so it is the main event. So is the opening
    ceremony of a week or fair the headline names (X合作周在港启幕; X合作周开幕式暨签约仪式举行)."""
    main = doc.entity(doc.notes.get("main_event"))
    opening = doc.notes.get("series_opened", {}).get(main.label) if main is not None else None
    if opening is not None and doc.entity(opening) is not None:
        doc.notes["main_event"] = opening
        doc.notes["host_event"] = main.label
        return
    if main is None or not _FAIR.search(main.label):
        return
    near = {m.sentence + k for m in main.mentions for k in (0, 1, 2)}
    lead = [e for e in doc.entities.values() if e.type == "Event" and e is not main and _CEREMONY.search(e.label)
            and any(m.sentence in near for m in e.mentions)]
    if len(lead) == 1:
        doc.notes["main_event"] = lead[0].label
        doc.notes["host_event"] = main.label
