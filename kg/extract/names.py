"""Finding where a name starts: the left edge of a name that ends in a known suffix.

Chinese writes no spaces, so a name such as 斯坦德机器人(昆山)有限公司 in
``落户陆家镇的斯坦德机器人(昆山)有限公司`` is found from its suffix by walking
left over word tokens until a token that cannot be part of a name: punctuation,
a function word, a verb that names do not contain, a number or a quantifier
(which tokens those are: :mod:`kg.extract.name_words`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.lexicon import HAN, NAME_CHARS, lexicon, words
from kg.extract.name_words import (  # noqa: F401 - PHASE, is_generic, stem_is_place re-exported (the rules import them from here)
    PHASE,
    _QUANT,
    _sets,
    _spec_ends,
    _spec_number,
    _spec_run,
    _spec_units,
    is_generic,
    is_stop_token,
    stem_is_place,
)
from kg.extract.segment import pos_tags, tokens

#: How far left a name may reach from its suffix.
MAX_STEM = 30

_NON_NAME = re.compile(f"[^{NAME_CHARS}]")
#: up to the last character that no name holds (its end is the match's end)
_LAST_NON_NAME = re.compile(f"(?s:.*)[^{NAME_CHARS}]")
#: what ends a count (the character before a classifier): 6场, 十余家, 两个
_COUNT_END = frozenset("0123456789一二两三四五六七八九十百千万余多几")
_DATELINE_END = re.compile(r"\d日电|报讯|网讯|台讯|社讯")
_CLASSIFIERS = _QUANT | frozenset("场轮支条处")
_HAN_ONLY = re.compile(f"^[{HAN}]+$")
#: the verbs of building a project or a park (an alternation for the rules' patterns: 在P建设X, 由X投资兴建的Y)
BUILD = "建设|打造|兴建|新建|投建"
#: a firm's brand with its place in brackets (金鼎铜箔(鹰潭)), as regex text
PLACED_BRAND = r"[\u4e00-\u9fff]{2,8}\([\u4e00-\u9fff]{2,4}\)"
#: the same opening a project's name before its capacity or works: 金鼎铜箔(鹰潭) + 年产3万吨…项目
PLACED_BRAND_OPENS = re.compile(PLACED_BRAND + r"(?=年产|年加工|年处理|新建|扩建)")
#: China's regions (an alternation): a firm's regional seat or unit is named for one (华东总部, 西北区)
CHINA_REGIONS = "华东|华南|华北|华中|西南|西北|东北"


#: is_stop_token's answers, as a plain dict for left_edge's loop (a lookup costs less than the lru wrapper's call)
_STOPS: dict[str, bool] = {}


#: Single characters that are function words but also open names (正泰, 同程, 和辉), and the
#: function words after which such a character can only be a name's first.
_NAME_OPENERS = frozenset("正同和")
#: Characters that end names (A园和B园 joins two names; 康和 is one).
_NAME_FINALS = frozenset("园区城港所院局厂馆站社会部委办市县省镇村谷岛湾")
_STRONG_STOPS = frozenset({"由", "为", "是", "系", "与", "和", "在", "向", "从", "对", "把", "被", "将"})
#: what a stem never opens with (a set: one lookup, where a tuple compares each)
_TRIMMED = frozenset({")", "、", "-", "+", "·"})


#: the places a name may open with before a dash (中国—东盟, 中国-中亚): the country and its neighbours' groupings
_DASH_PLACES = ("中国", "中欧", "中德", "中俄", "中日", "中韩", "中新", "中阿", "中非", "中巴")
#: regions of the world a Chinese place is joined to by a dash at the head of a name (喀什—中亚跨境电商产业园)
_WORLD_REGIONS = ("中亚", "东盟", "南亚", "东南亚", "西亚", "中东", "东北亚", "欧亚", "欧洲", "非洲", "拉美", "上合")
#: verbs after which 等 cannot close a list but opens a name (建设 + 等静压…项目)
BUILD_BEFORE_DENG = ("建设", "新建", "扩建", "投建", "兴建", "生产", "研发", "引进")
#: words of ownership a name follows (旗下 + 大和…): not stops themselves, but no name runs over them
_OWNER_WORDS = frozenset({"旗下", "下属", "所属"})
#: the words before a nickname in quotes (被誉为“中国X之乡”, 素有“X”之称): what a place is called, no name
NICKNAMED = ("誉为", "称为", "素有", "享有", "号称", "美称", "称作", "被称")
#: words of a firm's kind a name follows (日本企业 + 昭和澄光株式会社)
_KIND_WORDS = frozenset({"企业", "公司", "子公司", "客商", "外企"})


def left_edge(text: str, end: int, floor: int) -> tuple[int, list[str]]:
    """Start of the name whose stem ends at ``end`` (never before ``floor``), and the stem's tokens.

    The answer depends only on the window ``text[lo:end]`` (``lo``: ``floor`` or ``MAX_STEM``
    before ``end``) and the few characters before it that :func:`_left_edge` reads (an event's
    suffix before 暨, a count before a classifier): it is kept by that text, like ``tokens``
    (the rules ask it again and again of the same clauses)."""
    lo = end - MAX_STEM
    if lo < floor:
        lo = floor
    if lo < 0:
        return _left_edge(text, end, floor)
    last = _LAST_NON_NAME.match(text, lo, end)
    if last is not None and text[last.end() - 1] not in "—-/ ×":
        # the window's last character no name holds is where _left_edge cuts it (none of the marks its loop
        # looks past): the answer depends only on the text from that character on (what it reads before a
        # token, an event's suffix before 暨 or a count before a classifier, holds no such character), kept
        # by that shorter text, which names written again after a comma share
        c = last.end() - 1
        rel, taken = _left_edge_of(text[c:end], 0)
        return end - rel, list(taken)
    k = _reach_before()
    if k > lo:
        k = lo  # (the text's start: the same characters before the window, at the same positions)
    rel, taken = _left_edge_of(text[lo - k : end], k)
    return end - rel, list(taken)  # (a list of its own: some callers change it)


def _place_then_brand(tok: str, first: str) -> bool:
    """Whether the stop word ``tok``, after a place that opens a clause and before a stem opening
    with ``first``, is a brand's first word (上海 + 果然 + 鲜农业, 日本 + 和 + 汉堂制药), not "the place
    indeed" or "the place and": 和 before no other place nor a firm's kind (日本和韩国企业), an
    adverb no list names a stop before no verb (合肥 + 大力 + 发展…)."""
    if first in lexicon().places or first in _KIND_WORDS:
        return False
    if tok == "和":
        return True
    tags = pos_tags()
    return len(tok) == 2 and tags.get(tok) == "d" and tok not in _sets()[0] \
        and (tags.get(first) or "n")[:1] != "v" and not is_stop_token(first)


@lru_cache(maxsize=1)
def _reach_before() -> int:
    """How far before its window :func:`_left_edge` reads: an event's suffix before 暨 (its
    ``_event_before``), one character before a classifier."""
    return max([1, *(n for n, _ in _event_suffixes()[0])])


@lru_cache(maxsize=65536)
def _left_edge_of(context: str, k: int) -> tuple[int, tuple[str, ...]]:
    """:func:`_left_edge` of the window after the first ``k`` characters of ``context``, the
    start as its distance from the end."""
    start, taken = _left_edge(context, len(context), k)
    return len(context) - start, tuple(taken)


#: a neighbour country's one-character form after 对 inside a place's name for what it does with it (黑河市对俄合作…基金)
_FACING = frozenset("俄越韩日朝蒙老缅哈")


def _left_edge(text: str, end: int, floor: int) -> tuple[int, list[str]]:
    """:func:`left_edge`, worked out."""
    lo = end - MAX_STEM
    if lo < floor:
        lo = floor  # (max(floor, end - MAX_STEM) without the call)
    window = text[lo:end]
    opens = lo == floor  # (the window opens a clause: at its floor, or after the character cut below)
    if "--" in window:  # (a test before the search: str.rfind's bounds cost more than the window's slice)
        lo += window.rfind("--") + 2
        window = text[lo:end]
    # the end of the last character no name holds (found from the right: one match)
    cut = None
    # (the first match: _NON_NAME's first in the reversed window, a scan where _LAST_NON_NAME
    # backtracks over every character; k is the match's end, 0 for none)
    rev = _NON_NAME.search(window[::-1])
    k = len(window) - rev.start() if rev is not None else 0
    while k:
        if window[k - 1] in "—-" and k >= 3 and window[k : k + 1] not in ("", "—", "-") \
                and (any(window.endswith(p, 0, k - 1) for p in _DASH_PLACES)
                     or window.startswith(_WORLD_REGIONS, k) and any(window[j : k - 1] in lexicon().places for j in range(max(0, k - 7), k - 2))):
            # 中国—东盟铝产业创新联盟: two places joined by a dash open the name
            last = _LAST_NON_NAME.match(window, 0, k - 1)
            k = last.end() if last is not None else 0
            continue
        if window[k - 1] not in "/ ×":
            cut = k  # (neither case below: most windows)
            break
        mark = window[k - 1]
        if mark == "/" and (window.startswith("年", k) or window[k : k + 1].isdigit()) and window.endswith(_spec_units(), 0, k - 1) \
                or mark == "×" and k >= 2 and window[k - 2].isdigit() and window[k : k + 1].isdigit() \
                or mark == " " and k >= 2 and window[k - 2].isascii() and window[k - 2].isalpha() and window[k : k + 1].isascii() \
                and window[k : k + 1].isalpha():
            # a mark inside a name: 2万吨/年, 100兆瓦/200兆瓦时 (a capacity), 2×50MW (units times a capacity),
            # Micro LED (Latin words of one name); the name goes on before it
            last = _LAST_NON_NAME.match(window, 0, k - 1)
            k = last.end() if last is not None else 0
            continue
        cut = k
        break
    if "日电" in window:
        for m in _DATELINE_END.finditer(window):
            cut = max(cut or 0, m.end())  # 新华社南昌6月18日电 + 南昌市人民政府
    if cut is not None:
        lo += cut
        window = text[lo:end]
        opens = True
    if not window:
        return end, []
    toks = tokens(window)  # (read, never changed: the cached tuple itself)
    start = end
    taken: list[str] = []
    joined = None  # (start, stem length) where an act joined by 暨 was taken (X落户 + 暨…)
    i = len(toks) - 1
    specials = _left_edge_specials()
    stops = _STOPS
    while i >= 0:
        tok = toks[i]
        if tok in specials:  # (the tests below before the stop word's; most tokens are none of these)
            if tok == "”":
                # a quoted part: take it whole, up to its opening quote
                j = i - 1
                while j >= 0 and toks[j] != "“":
                    j -= 1
                if j < 0:
                    break
                chunk = "".join(toks[j : i + 1])
                start -= len(chunk)
                taken.insert(0, chunk)
                i = j - 1
                continue
            if tok == "“":
                start -= 1
                taken.insert(0, tok)
                break
            if tok == "暨" and _event_before(text, start - 1):
                break
            if tok in ("(", ")"):
                start -= 1
                taken.insert(0, tok)
                i -= 1
                continue
            run = _spec_run(toks, i) if tok in _spec_ends() else 0
            if run:
                # a capacity inside the name: 2万吨/年 (绿氢制备项目)
                chunk = "".join(toks[i - run + 1 : i + 1])
                start -= len(chunk)
                taken[:0] = toks[i - run + 1 : i + 1]
                i -= run
                continue
            if tok == "地" and taken and i >= 1 and len(toks[i - 1]) == 1 and "\u4e00" <= toks[i - 1] <= "\u9fff" and not is_stop_token(toks[i - 1]):
                start -= 1  # 寒 + 地 + 黑土大豆: a word jieba split, not the adverbial particle
                taken.insert(0, tok)
                i -= 1
                continue
        if tok == "等" and taken and i >= 1 and toks[i - 1] in BUILD_BEFORE_DENG:
            start -= 1  # 建设 + 等 + 静压特种石墨项目: after a verb of building 等 opens the name (等静压), no "etc."
            taken.insert(0, tok)
            break
        if tok == "×" and taken and taken[0][:1].isdigit() and i >= 1 and toks[i - 1].isdigit():
            start -= len(toks[i - 1]) + 1  # 2 + × + 50MW余热…: units times a capacity
            taken[:0] = [toks[i - 1], tok]
            i -= 2
            continue
        stop = stops.get(tok)
        if stop is None:
            if len(stops) > 65536:
                stops.clear()  # (bounded like is_stop_token's cache)
            stop = stops[tok] = is_stop_token(tok)
        if stop and not (taken and (tok == "第" or tok[0].isdigit()) and _spec_number(tok, taken)):  # (its cases, tested first)
            if tok in _NAME_OPENERS and taken and i >= 1 and toks[i - 1] in _STRONG_STOPS:
                start -= len(tok)  # 由 + 正泰鸿电气集团: after a preposition the character opens the name
                taken.insert(0, tok)
            elif tok == "对" and len(taken) >= 2 and taken[0] in _FACING and i >= 1 and toks[i - 1] in lexicon().places:
                start -= 1  # 黑河市 + 对 + 俄合作产业引导基金: a place's fund for dealings with a neighbour
                taken.insert(0, tok)
                i -= 1
                continue
            elif tok == "及" and taken and (i >= 2 and toks[i - 2].endswith("政府") or i >= 3 and toks[i - 3].endswith("政府")):
                start -= 1  # 香港特区政府 + 商务及经济发展局: a government's bureau of two portfolios
                taken.insert(0, tok)
                i -= 1
                continue
            elif taken and taken[0] == "暨" and tok in _joined_event_verbs() and i >= 1 and not is_stop_token(toks[i - 1]):
                joined = start, len(taken)
                start -= len(tok)  # X总部落户 + 暨签约仪式, 重大项目集中开工 + 暨…: one event of two acts
                taken.insert(0, tok)
                i -= 1
                continue
            elif tok in ("和",) and taken and i >= 1 and len(toks[i - 1]) == 1 and not is_stop_token(toks[i - 1]) \
                    and toks[i - 1] not in _NAME_FINALS and "\u4e00" <= toks[i - 1] <= "\u9fff" \
                    and (i == 1 or toks[i - 2] in lexicon().places or is_stop_token(toks[i - 2]) or toks[i - 2] in _OWNER_WORDS
                         or toks[i - 2] in _KIND_WORDS):
                i -= 1  # 广州 + 康和生物制药, 旗下 + 大和轻金属, 日本企业 + 昭和澄光: a brand with 和 in it, not "A and B"
                start -= len(tok)
                taken.insert(0, tok)
                continue
            elif i == 1 and opens and taken and toks[0] in lexicon().places and _place_then_brand(tok, taken[0]):
                start -= len(tok) + len(toks[0])  # 上海 + 果然鲜农业…, 日本 + 和汉堂制药…: a place, then a brand that opens
                taken[:0] = [toks[0], tok]        # with a function word (the clause starts with the place)
                break
            elif tok == "家" and taken and len(taken[0]) == 1 and i >= 1 and not toks[i - 1][-1].isdigit() \
                    and toks[i - 1][-1] not in "一二两三四五六七八九十百千几多每这那各" and not is_stop_token(toks[i - 1]):
                start -= 1  # 丝绸 + 家 + 纺: a word jieba split, not a count of firms (3家)
                taken.insert(0, tok)
                i -= 1
                continue
            elif len(tok) == 1 and taken and i >= 1 and len(toks[i - 1]) >= 2 and not is_stop_token(toks[i - 1]) \
                    and pos_tags().get(tok) == "r" and pos_tags().get(toks[i - 1][-1] + tok) == "n":
                start -= 1  # 投资 + 本 + 管理有限公司: jieba split 资本 (a noun) as 投资 + 本, not a stop
                taken.insert(0, tok)
                i -= 1
                continue
            elif taken and taken[0] == "业" and len(tok) == 2 and pos_tags().get(tok) == "v":
                start -= len(tok)  # 鞋类 + 输出 + 业同业公会: a trade named by its verb (输出业, 加工业)
                taken.insert(0, tok)
                i -= 1
                continue
            break
        start -= len(tok)
        taken.insert(0, tok)
        i -= 1
    if joined is not None and len(taken) - joined[1] == 2 and taken[0] in lexicon().suffixes:
        start, taken = joined[0], taken[2:]  # (智能感知) + 研究院签约: the act's doer is cut, keep the name after 暨
    # trim: unbalanced brackets/quotes and leading connectors
    lead = _sets()[3]
    while taken and (taken[0] in lead or taken[0] in _TRIMMED or (taken[0] == "(" and ")" not in "".join(taken))):
        start += len(taken.pop(0))
    # a classifier after a count is not part of a name: 6场专题论坛, 3家研究院
    while taken and len(taken[0]) == 1 and taken[0] in _CLASSIFIERS and text[start - 1 : start] in _COUNT_END:
        start += len(taken.pop(0))
    while taken and len(taken) > 1 and len(taken[0]) == 2 and taken[0][0] in _COUNT_END and taken[0][1] in _CLASSIFIERS:
        start += len(taken.pop(0))  # 三批 + 重大项目集中开工活动: a count of events (one token), not a name's start
    while taken and taken[0] in ("月", "日", "号") and text[start - 1 : start].isdigit():
        start += 1  # 明年6 + 月 + 一期项目投产: the date's unit, not the name's start
        taken.pop(0)
    if taken and len(taken[0]) == 2 and taken[0][0] in _CLASSIFIERS and text[start - 1 : start] in _COUNT_END:
        start += 1  # 2 + 支子 + 基金: jieba joined the classifier to the name's first character
        taken[0] = taken[0][1:]
    stem = "".join(taken)
    if "(" in stem and ")" not in stem[stem.rfind("(") :]:
        k = stem.rfind("(") + 1  # X有限公司( + 开发区投资集团): the name opens inside the bracket
        start += k
        taken = list(tokens(stem[k:])) if stem[k:] else []
        stem = stem[k:]
    if "”" in stem and stem.count("”") > stem.count("“"):  # (most stems hold no quote)
        k = stem.rfind("”") + 1
        start += k
        taken = list(tokens(stem[k:])) if stem[k:] else []
    return start, taken


@lru_cache(maxsize=1)
def _joined_event_verbs() -> frozenset[str]:
    """The acts an event's name joins to another with 暨 (落户暨签约仪式, 开工暨签约仪式, 揭牌暨…)."""
    return frozenset(words("sign")) | frozenset(words("launch")) | frozenset(words("settle")) | {"开业", "集中开工"}


@lru_cache(maxsize=1)
def _left_edge_specials() -> frozenset[str]:
    """The tokens :func:`left_edge` tests before asking whether a token stops a name: quotes,
    brackets, 暨, 地 and the ends of a number with its unit."""
    return _spec_ends() | {"”", "“", "暨", "(", ")", "地"}


def _event_before(text: str, pos: int) -> bool:
    """Whether an event suffix ends right before ``pos`` (大会暨… joins two events)."""
    if pos < 0:  # (endswith reads a negative end from the text's end: as it always did)
        return any(text.endswith(suf, 0, pos) for suf in _event_suffixes()[1])
    for n, sufs in _event_suffixes()[0]:
        if n <= pos and text[pos - n : pos] in sufs:
            return True
    return False


@lru_cache(maxsize=1)
def _event_suffixes() -> tuple[tuple[tuple[int, frozenset[str]], ...], tuple[str, ...]]:
    """The event suffixes by length (a set lookup per length, not a test per suffix), and as a list."""
    sufs = tuple(suf for suf, (typ, _) in lexicon().suffixes.items() if typ == "Event")
    by_len: dict[int, set[str]] = {}
    for suf in sufs:
        by_len.setdefault(len(suf), set()).add(suf)
    return tuple((n, frozenset(v)) for n, v in sorted(by_len.items())), sufs
