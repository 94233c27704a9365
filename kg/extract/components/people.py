"""People: names after a post (苏州市委书记曹路宝, 董事长冯玉川, 院士周成虎) and before a
verb of speech (周伟说). Each post is recorded with its organisation for ``positions``."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.components.name_edges import legal_name_start, placed_brand
from kg.extract.components.organs import (
    _PARK_ORGANS,
    bare_park_word,
    department_label,
    is_department,
    level_base,
    lift,
    named_government,
    official_body,
    organ_label,
    organ_type,
    park_base,
    record,
)
from kg.extract.doc import Doc, Span, clean_label
from kg.extract.lexicon import HAN, NAME_CHARS, lexicon, words
from kg.extract.names import is_generic, left_edge
from kg.extract.registry import component
from kg.extract.segment import pos_tags, tokens

# Runs of Han characters (compiled once; the rules test them per candidate).
_ONE_HAN = re.compile(f"[{HAN}]")
_HAN_RUN = re.compile(f"[{HAN}]+")
_TWO_HAN = re.compile(f"[{HAN}]{{2}}")
_FOREIGN_NAME_END = re.compile("[在说表指介强称的等和与是将对向为]")

_STOP_AFTER_NAME = frozenset("说的在等和与及、,。;:!?(“”)") | {"对", "也", "还", "则"}
#: Words that may follow a name directly (周伟表示): their first character is not a given name.
_WORDS_AFTER_NAME = ("表示", "指出", "介绍", "强调", "出席", "主持", "致辞", "带队", "带领", "现场", "视察", "主任", "主席", "认为", "透露", "坦言", "回顾", "谈到", "提到", "参加", "考察", "调研", "共同", "一同", "一起", "一道", "先后", "相继", "亲自")
#: Characters that, right after two characters, end a name (they seldom end a given name).
_STRONG_AFTER = frozenset("说的在等与及对也还则是将向就称了把被从曾到")
#: Further characters and words that end a name when they follow three characters.
_WEAK_AFTER = frozenset("和为作同并亦") | _STRONG_AFTER
_MORE_AFTER = ("当时", "首先", "随后", "分别", "代表", "同志", "先生", "女士", "一行", "等人", "作为", "发表", "宣布", "发布", "通报",
               "来到", "会见", "为大会", "围绕", "就", "也", "则", "率队", "率团", "陪同", "接受", "称赞", "对此")
#: Dictionary tags of two-character words that are not names (单位 n, 于是 c, 应用 v).
_WORD_TAGS = frozenset({"n", "v", "vn", "c", "p", "d", "t", "m", "q", "r", "u", "f", "a", "ad", "an", "s", "vd", "l", "i", "b", "z"})
_NOT_NAMES = frozenset({"表示", "指出", "介绍", "强调", "认为", "出席", "主持", "致辞", "讲话", "一行", "等人", "同志", "先生", "女士", "代表", "们"})


_FOREIGN = re.compile(f"[{HAN}]{{1,5}}·[{HAN}]{{1,6}}(?:·[{HAN}]{{1,6}})?")


@dataclass
class Post:
    person: str
    title: str
    org: str | None  # organisation label (None when the text names none)
    org_type: str | None
    sentence: int
    bare: str | None = None  # the bare organ (市政协) that the text may use for ``org``


@lru_cache(maxsize=4096)
def person_name(text: str, pos: int) -> str | None:
    """The personal name starting at ``pos`` (2 or 3 characters, known surname), if any.

    A function of its arguments (and the lexicons): kept, as barriers, people and
    name_starts ask it for the same posts."""
    lex = lexicon()
    fm = _FOREIGN.match(text, pos)
    if fm:
        # 马克·韦伯: a transliterated name with its middle dot, up to a function word
        k = fm.group().rindex("·")
        return fm.group()[:k] + _FOREIGN_NAME_END.split(fm.group()[k:], maxsplit=1)[0]
    head = text[pos : pos + 4]
    if len(head) < 2 or not _TWO_HAN.match(head):
        return None
    sur = 2 if head[:2] in lex.surnames else 1
    if head[:sur] not in lex.surnames:
        return None
    base = sur + 1  # surname + one given character
    if len(head) < base or not _HAN_RUN.fullmatch(head[:base]):
        return None
    rest = text[pos + base : pos + base + 6]
    third = rest[:1]
    if third in ("和", "与") and _verb_next(rest[1:]):
        name = text[pos : pos + base + 1]  # 江永和宣布开工: 和 before a verb joins nothing, it ends the name
    elif not third or not _ONE_HAN.match(third) or third in _STOP_AFTER_NAME or rest.startswith(_WORDS_AFTER_NAME):
        name = text[pos : pos + base]
    elif _ends_name(rest, 1, strong_only=True):
        name = text[pos : pos + base]  # 周伟对产业园…: a function word right after two characters
    elif _ends_name(rest[1:], 1):
        name = text[pos : pos + base + 1]  # 俞会根当时表示, 徐敏中等, 都有为作: a boundary after three
    else:
        toks = tokens(rest)
        first = toks[0] if toks else ""
        if len(first) >= 2 or first in _STOP_AFTER_NAME or pos_tags().get(first, "x") in ("r", "p", "c", "u", "uj", "v", "q", "f"):
            name = text[pos : pos + base]
        else:
            name = text[pos : pos + base + 1]
    if name in _NOT_NAMES or name[1:] in _NOT_NAMES:
        return None
    if len(name) == 2 and pos_tags().get(name, "nr") in _WORD_TAGS and not _ends_name(text[pos + 2 : pos + 6], 0):
        return None  # 秘书长单位负责人: a common word, not a name (马力表示 is one)
    return name


def _verb_next(after: str) -> bool:
    """Whether ``after`` opens with a verb said of a person (表示, 指出, 宣布, 出席…)."""
    return after.startswith(_WORDS_AFTER_NAME) or after.startswith(("宣布", "发表", "会见", "率队", "陪同")) or after.startswith(words("speech"))


def _ends_name(after: str, _n: int, strong_only: bool = False) -> bool:
    """Whether ``after`` (the text right after a candidate name) starts with a boundary."""
    c = after[:1]
    if not c or not _ONE_HAN.match(c):
        return True
    if c in (_STRONG_AFTER if strong_only else _WEAK_AFTER):
        return True
    return after.startswith(_WORDS_AFTER_NAME) or after.startswith(_MORE_AFTER) or after.startswith(words("speech"))


def barriers(doc: Doc) -> list[int]:
    """Ends of posts and of the names after them (a name by suffix never reaches across them)."""
    if "barriers" not in doc.notes:
        text, lex = doc.text, lexicon()
        out: list[int] = []
        for m in lex.title_re.finditer(text):
            name = person_name(text, m.end())
            if name:
                out += [m.end(), m.end() + len(name)]
            elif text[m.end() : m.end() + 1] == ")":
                p = text.rfind("(", max(0, m.start() - 30), m.start())
                if p > 0:
                    out.append(p + 1)  # 薛某某(某某公司董事长): the firm starts inside the brackets
        for m in lex.known_org_re.finditer(text):
            out.append(m.start())
        for pos, name in leader_names(doc):
            out += [pos, pos + len(name)]
        doc.notes["barriers"] = sorted(set(out))
    return doc.notes["barriers"]


@component("people")
def people(doc: Doc) -> None:
    text, lex = doc.text, lexicon()
    posts: list[Post] = doc.notes.setdefault("posts", [])
    titles = list(lex.title_re.finditer(text))
    by_end = {m.end(): m for m in titles}
    byline = tuple(words("byline"))
    city_ctx: str | None = None
    for m in titles:
        name = person_name(text, m.end())
        if not name:
            continue
        if text[max(0, m.start() - 4) : m.start()].endswith(byline):
            continue
        # the chain of posts before the name: 苏州市委副书记、代市长 / 市委常委副市长
        chain = [m]
        cur = m
        while True:
            k = cur.start()
            pre = _prefix(doc, k)
            if pre is not None and pre.type not in ("Person", "Industry", "Event", "Initiative", "Project") and text[pre.start - 1 : pre.start] in _CHAIN_SEP:
                k = pre.start  # 苏州市委常委、张家港市委书记 / 院士、南京大学副校长: a post elsewhere before
            elif pre is None and lex.titles[cur.group()].kind == "org":
                k = _org_after_post(text, k, by_end)  # 万科集团创始人、深潜体育创始人: the firm between the posts
            elif pre is None and (word := bare_park_word(text, k)) and text[k - len(word) - 1 : k - len(word)] in _CHAIN_SEP:
                k -= len(word)  # 副市长、开发区党工委书记
            if k > 0 and text[k - 1] in _CHAIN_SEP:
                k -= 1  # 市委常委,萧山区委书记: a post with no name after it before a comma
            prev = by_end.get(k)
            if prev is None or prev is cur:
                break
            chain.insert(0, prev)
            cur = prev
        sent = doc.sentence_at(m.start())
        n_before = len(posts)
        org_label: str | None = None
        org_type: str | None = None
        place_label: str | None = None
        for t in chain:
            info = lex.titles[t.group()]
            pre = _prefix(doc, t.start())
            if info.kind == "gov":
                if pre is not None and pre.type in ("Place", "Park"):
                    place_label = pre.label
                    city_ctx = pre.label if pre.type == "Place" else city_ctx
                elif pre is not None and pre.type == "GovernmentBody" and pre.label.endswith(info.organ):
                    place_label = pre.label[: -len(info.organ)]
                organ = info.organ
                if organ in _PARK_ORGANS and (pre is None or pre.type not in ("Place", "Park")):
                    base = park_base(doc, t.start(), organ, posts, city_ctx or _city_guess(doc))
                else:
                    base = place_label or city_ctx or _city_guess(doc)
                base = level_base(doc, base, organ)
                if organ.startswith("自治区"):
                    # 自治区党委 stays bare unless the region is written before it (内蒙古自治区党委)
                    base = place_label or _region_before(text, t.start())
                org = (organ_label(lift(base, organ), organ) if base else None) if not organ.startswith("自治区") or base else organ
                org = named_government(doc, org, organ, t.group()) if org else None
                if org is None:
                    posts.append(Post(name, t.group(), None, None, sent))
                    continue
                typ = organ_type(organ)
                posts.append(Post(name, t.group(), org, typ, sent, organ))
                org_label, org_type = org, typ  # 市委常委、秘书长: a post after it in the same organ
                record(doc, t.start(), org, typ, sent)
            else:
                if pre is not None and pre.type not in ("Place", "Industry", "Person", "Event", "Initiative", "Project"):
                    org_label, org_type = pre.label, pre.type
                    if org_type == "Company" and is_department(org_label):
                        org_label, org_type = department_label(org_label, city_ctx or _city_guess(doc)), "GovernmentBody"
                        record(doc, pre.start, org_label, org_type, sent)
                elif pre is None or pre.type in ("Place", "Industry"):
                    i = chain.index(t)  # 卫蓝新能源董事长: a firm whose name ends like an industry
                    between = _org_after_post(text, t.start(), by_end) if i else t.start()
                    if i and between == t.start() and text[t.start() - 1 : t.start()] in _CHAIN_SEP:
                        s, stem = t.start(), []  # 创始人兼CEO: no organisation of its own
                    elif i and between < t.start():
                        # the post before ends at 、: the whole run up to this post is its organisation
                        s = between
                        stem = list(tokens(text[s : t.start()]))
                    else:
                        floor = _floor(doc, t.start(), doc.sentences[sent].start)
                        s, stem = left_edge(text, t.start(), floor)
                        s2 = legal_name_start(text, s, t.start(), floor)
                        if s2 < s:  # 苏州远航智能科技有限公司董事长: a verb inside the brand
                            s, stem = s2, list(tokens(text[s2 : t.start()]))
                        elif t.start() - s < 3 and (s3 := placed_brand(text, t.start(), floor)) is not None:
                            s, stem = s3, list(tokens(text[s3 : t.start()]))  # 北京佰才邦CEO
                    cand = clean_label(text[s : t.start()])
                    if _REGION_UNIT.fullmatch(cand) and t is not chain[0]:
                        cand, stem = "", []  # 副总裁、华东区总经理: a region of the same firm
                    k = lex.known_org_re.match(cand) if len(cand) > 10 else None
                    if k is not None and 4 <= len(cand) - k.end() <= 14:
                        s, cand, stem = s + k.end(), cand[k.end() :], list(tokens(cand[k.end() :]))  # 科技部 + its centre
                    under_state = k is not None and lex.known_orgs[k.group()][0] == "GovernmentBody"
                    if (2 <= len(cand) <= (16 if _org_ending(cand) else 10) and not is_generic(stem) and cand not in lex.places and cand not in lex.industries
                            and cand not in lex.suffixes):
                        org_label, org_type = cand, "GovernmentBody" if official_body(cand, t.group()) or under_state else "Company"
                        if is_department(cand):  # 市商务局党组书记: a department of the city's government
                            org_label, org_type = department_label(cand, city_ctx or _city_guess(doc)), "GovernmentBody"
                            record(doc, s, org_label, org_type, sent)
                        doc.add_span(Span(s, t.start(), org_type, org_label, "post_org", 5, {cand}))
                    elif t is not chain[0]:
                        pass  # keeps the organisation of the previous post in the chain
                    else:
                        org_label = org_type = None
                else:
                    org_label = org_type = None
                if org_type == "Company" and official_body(org_label, t.group()):
                    org_type = "GovernmentBody"
                    record(doc, t.start(), org_label, org_type, sent)
                posts.append(Post(name, t.group(), org_label, org_type, sent))
        start = m.end()
        doc.add_span(Span(start, start + len(name), "Person", name, "post", 8))
        # names listed after the first share its posts: 副市长施嘉泓、张桥 / 外籍院士任和、门嘉平
        mine = [p for p in posts[n_before:] if p.person == name]
        for pos, other in _listed_after(text, start + len(name)):
            doc.add_span(Span(pos, pos + len(other), "Person", other, "post", 8))
            posts += [Post(other, p.title, p.org, p.org_type, p.sentence, p.bare) for p in mine]
    _leader_lists(doc)
    # names before a verb of speech: 周伟说, 毛伟介绍, 周成虎在致辞时说
    for m in _speech_re().finditer(text):
        name = person_name(text, m.start(1))
        if name and text.startswith(name, m.start(1)) and len(name) >= len(m.group(1)) and pos_tags().get(name, "nr") not in _WORD_TAGS:
            if text[max(0, m.start(1) - 4) : m.start(1)].endswith(byline):
                continue
            doc.add_span(Span(m.start(1), m.start(1) + len(name), "Person", name, "speech", 7))


def _region_before(text: str, pos: int) -> str | None:
    """The autonomous region written right before its organ's title (内蒙古 + 自治区党委常委)."""
    lex = lexicon()
    for k in range(max(0, pos - 6), pos - 1):
        p = lex.place(text[k : pos + 3])
        if p is not None and text.startswith("自治区", pos):
            return text[k:pos]  # as written: 宁夏回族
    return None


@lru_cache(maxsize=1)
def _speech_re() -> re.Pattern[str]:
    """A name before a verb of speech (built once per process)."""
    speech = "|".join(sorted(map(re.escape, words("speech")), key=len, reverse=True))
    return re.compile(f"(?:^|(?<=[,。;:!?”\\n)]))([{HAN}]{{2,4}}?)(?:在[^,。]{{1,8}}(?:时|中|上))?(?:{speech})", re.MULTILINE)


#: Endings of organisation names that may be long (江苏省中小企业服务中心主任).
_LONG_ORG_ENDS = ("中心", "研究院", "研究所", "实验室", "有限公司", "集团", "大学", "学院", "协会", "学会", "商会", "联合会", "委员会", "基金会", "银行", "医院")


def _org_ending(name: str) -> bool:
    """Whether a name ends like an organisation: such names may be longer than ten characters."""
    return name.endswith(_LONG_ORG_ENDS)


def _listed_after(text: str, pos: int) -> list[tuple[int, str]]:
    """Names after ``pos`` joined by 、 that end at punctuation or 等 (张桥, in 施嘉泓、张桥,)."""
    lex = lexicon()
    out: list[tuple[int, str]] = []
    while text[pos : pos + 1] == "、" and not lex.title_re.match(text, pos + 1):
        other = person_name(text, pos + 1)
        end = pos + 1 + len(other) if other else pos
        if not other or not re.match("[、,。;]|等", text[end : end + 1]) or other in _NOT_NAMES:
            break
        out.append((pos + 1, other))
        pos = end
    return out


#: a firm's regional unit written before a post (华东区总经理): no organisation of its own
_REGION_UNIT = re.compile("(?:华东|华南|华北|华中|西南|西北|东北|中国|大中华|亚太|全球|海外|国际)(?:区|地区|区域)?")


def _org_after_post(text: str, k: int, by_end: dict) -> int:
    """Start of an organisation name that runs from a post ending in 、 to ``k``
    (X集团董事长、Y公司总经理: Y公司 starts after 、), or ``k`` when there is none."""
    j = text.rfind("、", max(0, k - 20), k)
    if j > 0 and j in by_end and k - j - 1 >= 2 and re.fullmatch(f"[{NAME_CHARS}]+", text[j + 1 : k]):
        run = text[j + 1 : k]
        if run.endswith("兼") and lexicon().title_re.fullmatch(run[:-1]):
            return k  # 创始人、董事长兼首席执行官: a post joined by 兼, no organisation
        return j + 1
    return k


def _floor(doc: Doc, pos: int, floor: int) -> int:
    """The left limit of a name before ``pos``: no earlier than the last post or name before it."""
    bs = barriers(doc)
    i = bisect.bisect_right(bs, pos) - 1
    return max(floor, bs[i]) if i >= 0 else floor


def _spans_ending(doc: Doc, pos: int) -> list[Span]:
    """The candidate spans that end at ``pos``, in the order of ``doc.spans`` (what a scan of
    ``doc.spans`` finds: spans are only appended, so the index by end is extended, not rebuilt)."""
    spans = doc.spans
    idx = doc.notes.get("_spans_by_end")
    if idx is None or idx[0] is not spans or idx[1] > len(spans):
        idx = doc.notes["_spans_by_end"] = [spans, 0, {}]
    if idx[1] < len(spans):
        by_end = idx[2]
        for s in spans[idx[1] :]:
            by_end.setdefault(s.end, []).append(s)
        idx[1] = len(spans)
    return idx[2].get(pos, [])


def _prefix(doc: Doc, pos: int) -> Span | None:
    """The longest candidate span ending exactly at ``pos``."""
    best = None
    for s in _spans_ending(doc, pos):
        if s.start < pos and (best is None or s.length > best.length):
            best = s
    if best is None and doc.text[pos : pos + 1] in ("市", "区", "县", "省", "镇"):
        # 苏州市委常委: the place span 苏州市 overlaps the post 市委常委 by one character
        for s in _spans_ending(doc, pos + 1):
            if s.type == "Place" and s.start < pos:
                return Span(s.start, pos, s.type, s.label, s.source, s.priority, s.aliases)
    return best


def name_starts(doc: Doc) -> set[int]:
    """Where the names after posts start (a place inside 赵海东 is no place of the article)."""
    if "name_starts" not in doc.notes:
        text = doc.text
        doc.notes["name_starts"] = {m.end() for m in lexicon().title_re.finditer(text) if person_name(text, m.end())}
    return doc.notes["name_starts"]


def _city_guess(doc: Doc) -> str | None:
    """The city the article talks about most (for bare 市委, 市长 before ``home`` has run)."""
    if "city_guess" not in doc.notes:
        lex = lexicon()
        counts: dict[str, int] = {}
        names = name_starts(doc)
        for s in doc.spans:
            if s.type == "Place" and not names & set(range(s.start - 2, s.start + 1)):
                p = lex.place(s.label)
                if p and p.level in ("city", "county"):
                    counts[s.label] = counts.get(s.label, 0) + 1
        doc.notes["city_guess"] = max(counts, key=lambda k: counts[k]) if counts else None
    return doc.notes["city_guess"]


#: A group of leaders (市领导, 区领导, 高新区领导) introduces a list of names.
_LEADERS = re.compile("(?<=[市区县省镇])领导")
_CHAIN_SEP = ("、", ",", "兼")
_NAME_SEP = "、 \u3000"


def _leader_lists(doc: Doc) -> None:
    """Person mentions for the names listed after 市领导/区领导 (see ``leader_names``)."""
    for pos, name in leader_names(doc):
        doc.add_span(Span(pos, pos + len(name), "Person", name, "leaders", 6))


def leader_names(doc: Doc) -> list[tuple[int, str]]:
    """Names listed after 市领导/区领导: 区领导钱卫东、顾晓芸 or, without punctuation,
    市领导沈觅方文浜潘国强 (split into 2–3 character names that each start with a surname)."""
    if "leaders" in doc.notes:
        return doc.notes["leaders"]
    text = doc.text
    out: list[tuple[int, str]] = []
    for m in _LEADERS.finditer(text):
        pos = m.end()
        while pos < len(text):
            end = _name_run_end(text, pos)
            names = split_names(text[pos:end])
            if not names:
                break
            for name in names:
                out.append((pos, name))
                pos += len(name)
            if pos >= len(text) or text[pos] not in _NAME_SEP:
                break
            pos += 1
    doc.notes["leaders"] = out
    return out


def _name_run_end(text: str, pos: int) -> int:
    """Where a run of names ends: at punctuation, a post, an organ (市政府) or a verb."""
    lex = lexicon()
    i = pos
    while i < len(text) and i - pos < 15 and _ONE_HAN.match(text[i]):
        if text[i] in _STOP_AFTER_NAME or i > pos and (
            lex.title_re.match(text, i) or lex.suffix_re.match(text, i) or text.startswith(_WORDS_AFTER_NAME, i) or text.startswith(("领导", "等", "一行"), i)
        ):
            break
        i += 1
    return i


def split_names(run: str) -> list[str]:
    """Split a run of 2–3 character names, each starting with a single-character surname;
    of the splits, the one whose surnames are commonest wins. [] when no split fits."""
    lex = lexicon()
    tags = pos_tags()
    best: list[tuple[int, list[str]] | None] = [None] * (len(run) + 1)
    best[0] = (0, [])
    for i in range(len(run)):
        if best[i] is None or run[i] not in lex.surnames:
            continue
        for n in (2, 3):
            piece = run[i : i + n]
            if len(piece) < n or piece in _NOT_NAMES or tags.get(piece, "nr")[:2] != "nr" and piece in tags:
                continue
            cost = best[i][0] + lex.surname_rank.get(run[i], 999)
            if best[i + n] is None or cost < best[i + n][0]:
                best[i + n] = (cost, best[i][1] + [piece])
    return best[len(run)][1] if best[len(run)] else []
