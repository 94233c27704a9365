"""Quoted names: quoted events (“新年第一会”), systems (“链长制”), slogans put into
practice (践行“四敢”, ‘一区多园’) and 《policies》."""

from __future__ import annotations

import re

from kg.extract.doc import Doc, Span, clean_label
from kg.extract.lexicon import HAN, NAME_CHARS, lexicon
from kg.extract.names import NICKNAMED
from kg.extract.registry import component

# ---------------------------------------------------------------------------- quoted names


def _event_like(inner: str) -> bool:
    """A quoted name is an event when it ends like one (“新春第一会”, “云上推介会”), not a verb
    phrase that happens to end in 会 (“线上相会”)."""
    lex = lexicon()
    return bool(re.search("[一二三四五六七八九十]会$", inner)) or any(
        inner.endswith(s) for s, (t, _) in lex.suffixes.items() if t == "Event"
    )


_PARK_HEADS = ("产业园", "合作园", "工业园", "科技园", "创新园")


_AWARD = re.compile("突出|示范|特色|优秀|先进|明星|十佳|五星")


def _park_like(inner: str) -> bool:
    """A quoted name that ends like a park (“遵台产业合作园”, “飞地产业园”)."""
    if not (4 <= len(inner) <= 16 and inner.endswith(_PARK_HEADS)) or "+" in inner or _AWARD.search(inner):
        return False  # (“年度招商引资突出园区”, “特色产业示范园区”: titles given to parks)
    return len(inner) - len(next(h for h in _PARK_HEADS if inner.endswith(h))) >= 2


_QUOTED = re.compile(r"“([^“”\n]{1,30})”|‘([^‘’“”\n]{1,30})’")
#: The kind of programme that follows a quoted name: “4+4”产业链, “五争五最五突破”三年行动.
_INIT_TAIL = re.compile(f"(?:(?!的)[{HAN}]){{0,8}}?(产业集群|产业体系|产业链|三年行动|行动计划|专项行动|行动|计划|平台|模式|工程|体系|机制|制度|空间布局|布局|战略|路径)")
#: the kinds a quoted name and the words after it make a programme of by themselves (“2+6+X”产业布局, “焦化+氢能”融合发展路径)
_KIND_TAILS = ("平台", "模式", "制度", "机制", "空间布局", "布局", "战略", "路径")
#: a programme's tail that runs on past a nearer kind word: “链上诸暨”产业链招商行动
_LONG_TAIL = re.compile(f"(?:(?!的)[{HAN}]){{0,8}}?(三年行动|行动计划|专项行动|行动|计划|工程|战略|布局|路径)(?![{HAN}])")
#: tails that make a programme of any quoted name put into practice (实施“X”三年行动, 启动了“X”百企转型行动)
_PROGRAMME_TAILS = ("三年行动", "行动计划", "专项行动", "行动", "计划", "工程")
_PUT_INTO_PRACTICE = re.compile("(?:实施|启动|开展|推进|发布|推出|深化|落实|部署)(?:了)?$")
#: “X”行动 + 同时启动: a programme the text launches after naming it
_LAUNCHED_AFTER = re.compile("(?:同时|同步|正式|也|随即|当天|随后)?(?:启动|发布|实施|开展)")
_NUMERALS = "一二两三四五六七八九十百千万"
_SECTOR_SLOGAN = re.compile(f"(?:“[{HAN}]{{4}}”)*等(?:主导|重点|优势|特色|新兴)?产业")
_SLOGAN = re.compile(
    rf"[二两三四五六七八九十][^,、;。!?\s]{{1,7}}"  # 六稳, 三个名城, 五争五最五突破
    rf"|[一百千万][{HAN}]{{0,2}}[{_NUMERALS}多][{HAN}]{{1,4}}"  # 千项万亿, 一企一策, 一区多园 (not 百花齐放)
    r"|[\dA-Z]+(?:[+][\dA-Z]+)+"  # 4+4, 3+1+N
    rf"|[{HAN}]{{3,8}}(?<![周十百千\d])年"  # 重大项目突破年 (a year of a campaign)
    rf"|[{HAN}]{{2,6}}强(?:市|省|区|县)"  # 直播电商强市 (a goal)
)


def _slogan(inner: str) -> bool:
    """A quoted slogan that names a programme: numbered (三个名城, 4+4), a campaign year, a goal."""
    return _SLOGAN.fullmatch(inner) is not None
#: a numbered programme's code (not a year): 33618, 532
_CODE = re.compile(r"(?!(?:19|20)\d\d$)\d{3,6}")
#: the kind after a numbered code, up to the longest kind word in the clause: 创新产业集群培育工程
_CODE_TAIL = re.compile(f"(?:(?!的)[{HAN}]){{0,10}}(?:产业集群|产业体系|集群体系|体系|战略|工程|行动|计划|格局|布局)")
_BOOK = re.compile(r"《([^《》\n]{2,60})》")
#: the meeting a policy is released or explained at, named after it (《X》新闻发布会)
_RELEASE_MEETING = re.compile("(?:新闻发布会|发布会|新闻通气会|解读会|宣讲会|政策发布会)")
#: the years or status a policy's name may end with: (2025—2027年), (2025年修订), (2025), (试行)
_YEARS_PART = r"\((?:\d{4}[-—–至]\d{4}年?|\d{4}年?(?:修订|修正|版)?|试行|暂行|修订|征求意见稿)\)"
_POLICY_END = re.compile(r"(?:城市设计|计划|方案|意见|办法|规划|纲要|政策|措施|条例|通知|决定|行动|规定|细则|指引|指南|标准|意见稿|战略|工程|图谱|清单|名单|目录|名录|路线图|地图|指数|白皮书|蓝皮书|手册|报告|榜单|框架协议|合作协议|(?:政策|措施|举措)[一二三四五六七八九十]+条)"
                         f"(?:{_YEARS_PART})?$")
_YEARS = re.compile(_YEARS_PART + "$")
#: a system put into practice without quotes (落实链长制, 实行项目代办员包联责任制): 长制, 责任制, 包保制
_SYSTEM_UNQUOTED = re.compile("(?:落实|推行|实行|实施|建立|健全)([\u4e00-\u9fff]{1,10}?(?:长制|责任制|包保制))(?=[,。;、])")
#: a strategy of becoming a strong or rising city put into practice, without quotes: 实施海洋强市战略, 推进工业兴县战略
_STRATEGY_UNQUOTED = re.compile("(?:实施|推进|落实|深化|推动)([\u4e00-\u9fff]{2,6}?[强兴立](?:市|省|区|县)战略)(?=[,。;、])")
_INIT_VERBS = ("贯彻", "践行", "实施", "推行", "实行", "落实", "深化", "推进", "开展", "启动", "坚持")
#: a principle of several short parts held to: 坚持“项目为王、企业至上”, 坚持“投早、投小、投硬科技”
_PRINCIPLE = re.compile(f"[{HAN}]{{2,5}}(?:、[{HAN}]{{2,5}})+")
#: how a programme's name ends: 三年行动, 培育工程, 专项行动
_PROGRAMME_END = re.compile("(?:行动|工程|计划|专项|攻坚战|战略)$")
#: 以“X”为抓手: a campaign or slogan that frames the work.
_FRAME_AFTER = re.compile("为(?:抓手|引领|主线|牵引|契机|突破口|总抓手)")


# compiled once (the rule below runs per candidate)
_LIST_MARK = re.compile("[,、;]")
_FOUR_HAN = re.compile(f"[{HAN}]{{4}}")
_NUMERAL = re.compile(f"[{_NUMERALS}]")
_HAN_MEETING = re.compile(f"[{HAN}]会$")
_STOP_MARK = re.compile("[,。;]")


#: verbs of building towards a brand (打造“X之都”) and the heads of such brands (谷, 之都, 之城)
_BRAND_VERBS = ("打造", "建设", "争创", "创建", "建成", "是", "誉为", "称为")
_BRAND_HEADS = ("谷", "之都", "之城", "之乡")

#: a five-year plan's period (十四五, 十五五) and what makes it a time: “十五五”期间
_FIVE_YEAR = re.compile("十[一二三四五六七八九]?五")
_PLAN_PERIOD = re.compile("[”]?(?:期间|时期|末|以来|初期|中期|开局)")


@component("quoted_mentions")
def quoted_mentions(doc: Doc) -> None:
    """Quoted events (“新年第一会”), systems (“链长制”), slogans put into practice (践行“四敢”), 《policies》."""
    text = doc.text
    chained = -1  # where a programme put into practice ended: 实施“A”“B”和“C”, each one
    for m in _QUOTED.finditer(text):
        inner = m.group(1) or m.group(2)
        if _PLAN_PERIOD.match(text, m.end()) and _FIVE_YEAR.fullmatch(inner):
            continue  # “十五五”期间: a period of time, not a programme
        label = clean_label(inner)
        if text.endswith(NICKNAMED, max(0, m.start() - 4), m.start()):
            continue  # 被誉为“中国X之乡”: what a place is called, no programme
        before = text[max(0, m.start() - 3) : m.start()].removesuffix("了").removesuffix("好")[-2:]  # (启动了“X工程”, 落实好“X”: the verb)
        if chained >= 0 and (m.start() == chained or m.start() == chained + 1 and text[chained] in "、和及与"):
            before = "实施"  # (the next quoted name of a list put into practice)
        chained = -1
        after = text[m.end() : m.end() + 1]
        tail = _INIT_TAIL.match(text, m.end())
        if tail and tail.group(1) in ("产业链", "产业体系", "产业集群", "体系", "平台") and (longer := _LONG_TAIL.match(text, m.end())) \
                and longer.end() > tail.end() and _PUT_INTO_PRACTICE.search(text, max(0, m.start() - 4), m.start()):
            tail = longer  # 实施“链上诸暨”产业链招商行动: the whole programme, not its chain
        practised = tail and tail.group(1) in _PROGRAMME_TAILS and (_PUT_INTO_PRACTICE.search(text, max(0, m.start() - 4), m.start())
                                                                    or _LAUNCHED_AFTER.match(text, tail.end())
                                                                    or tail.group() == "工程"
                                                                    and (text.endswith("国家", 0, m.start()) or _FOUR_HAN.fullmatch(inner)))  # (国家)“东数西算”工程
        if tail and (_slogan(inner) or tail.group(1) in _KIND_TAILS or practised) and len(inner) <= 30 \
                and not (inner.endswith("制") and tail.group(1) in ("制度", "机制")):  # “链长制”工作机制: the system is the quoted name
            # “四新四强”产业集群, “昆盟通”货物贸易平台: the quoted name and its kind
            # (a principle of parts, 台州招商、遵义落地、利益共享模式: the quoted parts and the kind are aliases alike)
            aliases = {label} if not _LIST_MARK.search(inner) else {label, tail.group()}
            doc.add_span(Span(m.start(), tail.end(), "Initiative", label + tail.group(), "quoted", 5, aliases))
            continue
        code_tail = _CODE_TAIL.match(text, m.end()) if _CODE.fullmatch(inner) else None
        if code_tail is not None:
            # “33618”现代制造业集群体系, “532”发展战略: a numbered programme and its kind
            doc.add_span(Span(m.start(), code_tail.end(), "Initiative", label + code_tail.group(), "quoted", 5))
            continue
        if _FOUR_HAN.fullmatch(inner) and _SECTOR_SLOGAN.match(text, m.end()):
            # “芯屏器合”“集终生智”等主导产业: slogans that name a city's industry programme
            doc.add_span(Span(m.start(), m.end(), "Initiative", label, "quoted", 3))
            continue
        numbered = _NUMERAL.match(inner) is not None
        if _slogan(inner) and not (numbered and after == "的") and (len(inner) > 2 or before in _INIT_VERBS):
            # a slogan used as a name, not as an attribute (“四链融合”的园区); two characters
            # (六稳, 六新) only after a verb of putting into practice (贯彻“六稳”)
            doc.add_span(Span(m.start(), m.end(), "Initiative", label, "quoted", 4))
            continue
        if _park_like(inner) and not _STOP_MARK.search(inner):
            # 共建“遵台产业合作园”: a park named in quotes
            doc.add_span(Span(m.start(), m.end(), "Park", label, "quoted", 4))
            continue
        if _HAN_MEETING.search(inner) and len(inner) >= 4 and not _STOP_MARK.search(inner) and _event_like(inner):
            doc.add_span(Span(m.start(), m.end(), "Event", label, "quoted", 4))
        elif before in _INIT_VERBS and _PROGRAMME_END.search(inner) and 4 <= len(inner) <= 30 and not _STOP_MARK.search(inner):
            # 实施“钒钛产业高质量发展三年行动”: a named programme carried out (and the next ones of its list)
            doc.add_span(Span(m.start(), m.end(), "Initiative", label, "quoted", 4))
            chained = m.end()
        elif inner.endswith("制") and (3 <= len(inner) <= 8 or before in _INIT_VERBS and len(inner) <= 16 and not _STOP_MARK.search(inner)):
            # “链长制”; 落实“县级领导包抓重点企业责任制”: a system, longer when put into practice
            doc.add_span(Span(m.start(), m.end(), "Initiative", label, "quoted", 4))
        elif before in _INIT_VERBS and (not re.match(f"[{NAME_CHARS}]", after) or after in ("“", "等") or text.startswith(("建设", "活动", "行动", "工作"), m.end())) \
                and 2 <= len(inner) <= 10 and ("、" not in inner or before == "坚持" and _PRINCIPLE.fullmatch(inner)):
            # 践行“四敢”, 推进“数字福州”建设, 坚持“项目为王、企业至上”: a named programme put into practice
            doc.add_span(Span(m.start(), m.end(), "Initiative", label, "quoted", 3))
            chained = m.end()
        elif before in ("政策", "举措") and not re.match(f"[{NAME_CHARS}]", after) and 3 <= len(inner) <= 8:
            # 推动惠企政策“免申即享”: the name of a policy
            doc.add_span(Span(m.start(), m.end(), "Initiative", label, "quoted", 3))
        elif before.endswith(_BRAND_VERBS) and inner.endswith(_BRAND_HEADS) and 4 <= len(inner) <= 10 and not _STOP_MARK.search(inner):
            # 加快打造“中国绿色硅谷”, 建设“中国碳谷”: a city's brand it builds towards, named as a programme
            doc.add_span(Span(m.start(), m.end(), "Initiative", label, "quoted", 4))
        elif before.endswith("以") and _FRAME_AFTER.match(text, m.end()) and 2 <= len(inner) <= 10:
            doc.add_span(Span(m.start(), m.end(), "Initiative", label, "quoted", 3))
    for m in _STRATEGY_UNQUOTED.finditer(text):
        # 深入实施海洋强市战略: a city's named strategy, written without quotes
        doc.add_span(Span(m.start(1), m.end(1), "Initiative", m.group(1), "quoted", 3))
    for m in _SYSTEM_UNQUOTED.finditer(text):
        # 深化落实链长制, 实行项目代办员包联责任制: a system put into practice, named without quotes
        doc.add_span(Span(m.start(1), m.end(1), "Initiative", m.group(1), "quoted", 3))
    for m in _BOOK.finditer(text):
        inner = m.group(1)
        if not _POLICY_END.search(inner):
            continue
        label = clean_label(inner)
        aliases = {_YEARS.sub("", label)} - {label}
        # 《X》新闻发布会: the policy an event is named after is an entity of its own inside the event's name
        source = "nested" if _RELEASE_MEETING.match(text, m.end()) else "book"
        doc.add_span(Span(m.start(), m.end(), "Initiative", label, source, 6, aliases))
