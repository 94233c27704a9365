"""People: names after a post (苏州市委书记曹路宝, 董事长冯玉川, 院士周成虎) and before a
verb of speech (周伟说). Each post is recorded with its organisation for ``positions``. The body a
post is held in is read in post_bodies.py; names before a verb, in people_by_verb.py."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

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
from kg.extract.components.people_by_verb import (  # noqa: F401 - _speech_matches, _speech_re re-exported (tests)
    _elected_names,
    _filled_names,
    _speakers,
    _speech_matches,
    _speech_re,
)
from kg.extract.components.person_names import (  # noqa: F401 - person_name, split_names re-exported
    _NOT_NAMES,
    _leader_lists,
    leader_names,
    person_name,
    split_names,
)
from kg.extract.components.post_bodies import (
    _AND_BARE_FIRM,
    _REGION_UNIT,
    _ZONE_BEFORE,
    _body_before_unit,
    _org_after_post,
    _org_ending,
    _prefix,
    _region_before,
    _spans_ending,
    _zone_and_district,
)
from kg.extract.components.refs import short_form_open
from kg.extract.doc import Doc, Span, clean_label
from kg.extract.lexicon import lexicon, place_ending_at, words
from kg.extract.names import is_generic, left_edge
from kg.extract.registry import component
from kg.extract.segment import tokens


@dataclass
class Post:
    person: str
    title: str
    org: str | None  # organisation label (None when the text names none)
    org_type: str | None
    sentence: int
    bare: str | None = None  # the bare organ (市政协) that the text may use for ``org``


def title_matches(doc: Doc) -> list[re.Match[str]]:
    """``lexicon().title_re.finditer(doc.text)``, scanned once per article (barriers, people,
    name_starts and post_forms each go through the posts of the whole text)."""
    found = doc.notes.get("_titles")
    if found is None:
        text = doc.text
        found = doc.notes["_titles"] = [m for m in lexicon().title_re.finditer(text) if not _read_across_places(text, m)]
    return found


def _read_across_places(text: str, m: re.Match[str]) -> bool:
    """Whether a head's title of two characters (市长, 处长) is read across two words, its 长 opening a
    place of the lexicon: the end of a place's name (白山市 + 长白山…产业园 holds no 市长, nor a mayor
    named 白山) or of a word (地处 + 长白山: no 处长)."""
    t = m.group()
    if len(t) != 2 or t[1] != "长":
        return False
    after = lexicon().place_re.match(text, m.start() + 1)
    if after is None or after.end() - after.start() < 2:
        return False
    if t[0] in "市县区州" and place_ending_at(text, m.start() + 1) is not None:
        return True
    lo = max(0, m.start() - 3)
    pos = lo
    for tok in tokens(text[lo : after.end() + 2]):
        if pos >= m.start():
            return pos > m.start()  # (the title's first character inside a word before it: no title)
        pos += len(tok)
    return False


def barriers(doc: Doc) -> list[int]:
    """Ends of posts and of the names after them (a name by suffix never reaches across them)."""
    if "barriers" not in doc.notes:
        text, lex = doc.text, lexicon()
        out: list[int] = []
        for m in title_matches(doc):
            name = person_name(text, m.end())
            if name:
                out += [m.end(), m.end() + len(name)]
            elif text[m.end() : m.end() + 1] == ")":
                p = text.rfind("(", max(0, m.start() - 30), m.start())
                if p > 0:
                    out.append(p + 1)  # 薛某某(某某公司董事长): the firm starts inside the brackets
        known = doc.notes.get("_known_orgs")  # (lexicon_mentions' scan of the text, when it ran)
        for m in known[1] if known is not None and known[0] is text else lex.known_org_re.finditer(text):
            out.append(m.start())
        for pos, name in leader_names(doc):
            out += [pos, pos + len(name)]
        doc.notes["barriers"] = sorted(set(out))
    return doc.notes["barriers"]


#: a verb of taking a post (and the body) before a post: the post is the person's before the verb
_TAKEN_BEFORE = re.compile("(?:当选为?|担任|出任|兼任|为)[^,。;、]{0,24}$")  # (兼任X(湖北)汽车部件有限公司 + 董事长)


#: the kinds of body a post's organisation may be named as by its ending, besides firms and organs
_BODY_KINDS = ("Association", "ResearchInstitute", "University")


def _kind_by_ending(name: str) -> str:
    """A post's organisation that is no organ: the kind its longest known ending says when that is an
    association, institute or university (缅甸联邦工商联合会副主席), else a firm."""
    suffixes = lexicon().suffixes
    for k in range(min(len(name) - 1, 7), 1, -1):
        kind = suffixes.get(name[-k:])
        if kind is not None:
            return kind[0] if kind[0] in _BODY_KINDS else "Company"
    return "Company"


#: what opens a post held before: 此前任, 曾任 (此前任公司财务总监)
#: verbs of appointing before a post (委任执行董事X兼任…): no body's name
_APPOINTING = ("委任", "任命", "聘任", "委派", "提名", "推选", "选举")
_FORMERLY = ("此前任", "此前担任", "曾任", "曾担任", "此前曾任")


def _former(text: str, at: int) -> bool:
    """Whether the post written at ``at`` is marked as one held before (原总经理, 前任董事长), not
    the 原 that ends a place's name (松原市委书记, 太原市长)."""
    if text.endswith(("前任", "原任"), 0, at):
        return True
    if not text.endswith("原", 0, at):
        return False
    lex = lexicon()
    return not any(text[at - k : at] in lex.places for k in (2, 3, 4) if at - k >= 0)


@component("people")
def people(doc: Doc) -> None:
    text, lex = doc.text, lexicon()
    posts: list[Post] = doc.notes.setdefault("posts", [])
    titles = list(title_matches(doc))
    by_end = {m.end(): m for m in titles}
    byline = tuple(words("byline"))
    city_ctx: str | None = None
    bare_city: dict[int, str] = {}  # the city a bare 市 post of a sentence was read as
    starts = [m.start() for m in titles]

    def titles_near(lo: int, hi: int) -> list:
        return titles[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]

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
            pre = _zone_and_district(doc, _prefix(doc, k))
            if lex.titles[cur.group()].kind == "none":
                sep = text.rfind("、", max(0, k - 12), k)  # 市长、新能源汽车产业链链长: over the sector
                if sep >= 0 and not re.search("[,。;:]", text[sep:k]):
                    k, pre = sep + 1, None
            if pre is not None and pre.type not in ("Person", "Industry", "Event", "Initiative", "Project") and text[pre.start - 1 : pre.start] in _CHAIN_SEP:
                k = pre.start  # 苏州市委常委、张家港市委书记 / 院士、南京大学副校长: a post elsewhere before
            elif pre is None and lex.titles[cur.group()].kind == "org":
                k = _org_after_post(text, k, by_end)  # 万科集团创始人、深潜体育创始人: the firm between the posts
            elif pre is None and (word := bare_park_word(text, k)) and text[k - len(word) - 1 : k - len(word)] in _CHAIN_SEP:
                k -= len(word)  # 副市长、开发区党工委书记
            elif pre is None and lex.titles[cur.group()].organ in _PARK_ORGANS and (zone := _ZONE_BEFORE.search(text, max(0, k - 13), k)):
                k = zone.start(1)  # 市委常委、长春汽开区党工委书记: a zone the lexicons do not know
            if k > 0 and text[k - 1] in _CHAIN_SEP:
                k -= 1  # 市委常委,萧山区委书记: a post with no name after it before a comma
            prev = by_end.get(k)
            if prev is None or prev is cur or _TAKEN_BEFORE.search(text, max(0, prev.start() - 30), prev.start()):
                break  # (选举A为联盟首任理事长,B…: that post is A's, not one of B's chain)
            if any(prev.end() <= t2.end() < cur.start() and person_name(text, t2.end()) for t2 in titles_near(prev.start(), cur.start())):
                break  # 市长沈立峰与公司董事长孙国庆: a post followed by a name is that name's, not the next one's
            chain.insert(0, prev)
            cur = prev
        sent = doc.sentence_at(m.start())
        n_before = len(posts)
        formerly = False
        org_label: str | None = None
        org_type: str | None = None
        place_label: str | None = None
        for t in chain:
            info = lex.titles[t.group()]
            pre = _prefix(doc, t.start())
            if pre is None and (o := short_form_open(text, t.start(), max(0, t.start() - 12))) > 0:
                pre = next((x for x in _spans_ending(doc, o) if x.type == "Company"), None)  # X有限公司(X) + 董事长
            if pre is None and info.kind == "org":
                pre = _body_before_unit(doc, t.start())  # X集团 + 全球 + 执行董事会成员, X总领事馆 + 经济处 + 主任
            if info.kind == "none":
                posts.append(Post(name, t.group(), None, None, sent))  # 汽车产业链链长: no body
                continue
            if info.kind == "gov":
                pre = _zone_and_district(doc, pre)
                if pre is not None and pre.type == "Place" and info.organ in ("镇党委", "乡党委") and pre.label.endswith(t.group()[0]):
                    # 大周 + 镇党委书记 (read as the town 大周镇): the town's own organ, 大周镇党委
                    org = pre.label + info.organ[1:]
                    posts.append(Post(name, t.group(), org, "GovernmentBody", sent, info.organ))
                    org_label, org_type = org, "GovernmentBody"
                    record(doc, pre.start, org, "GovernmentBody", sent)
                    continue
                if pre is not None and pre.type in ("Place", "Park"):
                    place_label = pre.label
                    city_ctx = pre.label if pre.type == "Place" else city_ctx
                    if pre.type == "Place" and text.endswith(("自治县", "自治州", "自治旗"), pre.start, pre.end) and text[pre.end] in "县州旗":
                        place_label = text[pre.start : pre.end]  # 镇宁布依族苗族自治县 + 县委: the organ named as written
                if text.endswith("自治", 0, t.start()) and t.group()[:1] in "县州旗" \
                        and (at := place_ending_at(text, t.start() + 1, 16)) is not None:
                    place_label = text[at : t.start() + 1]  # 巴音郭楞蒙古自治 + 州党委常委: the title took the prefecture's 州
                elif pre is not None and pre.type == "GovernmentBody" and pre.label.endswith(info.organ):
                    place_label = pre.label[: -len(info.organ)]
                elif pre is not None and pre.type == "GovernmentBody" and info.organ.endswith("政府") \
                        and pre.label.endswith(long := info.organ[:-2] + "人民政府"):
                    place_label = pre.label[: -len(long)]  # 绵阳市人民政府 + 副市长: that city's, not the home county's
                organ = info.organ
                zone = _ZONE_BEFORE.search(text, max(0, t.start() - 13), t.start()) if organ in _PARK_ORGANS and pre is None else None
                if zone is not None and not bare_park_word(text, t.start()):
                    base = zone.group(1)  # 长春汽开区 + 党工委: the zone as written
                elif organ in _PARK_ORGANS and (pre is None or pre.type not in ("Place", "Park")):
                    base = park_base(doc, t.start(), organ, posts, city_ctx or _city_guess(doc))
                elif place_label is None and organ[0] == "市" and sent in bare_city:
                    # 市委书记A,市长B,滨州市副市长C,市人大常委会主任D: D's 市 is A's and B's, not C's
                    base = bare_city[sent]
                else:
                    base = place_label or city_ctx or _city_guess(doc)
                    if place_label is None and city_ctx is None and organ[0] == "市" and base:
                        bare_city.setdefault(sent, base)  # (the article's own city, before any other is named)
                base = level_base(doc, base, organ)
                if organ.startswith("自治区"):
                    # 自治区党委 stays bare unless the region is written before it (内蒙古自治区党委)
                    base = place_label or _region_before(text, t.start())
                if base and organ[0] == "市" and base == place_label:
                    lifted = base  # 东川市委 as written, even where 东川 is now a district
                else:
                    lifted = lift(base, organ) if base else None
                org = (organ_label(lifted, organ) if lifted else None) if not organ.startswith("自治区") or base else organ
                org = named_government(doc, org, organ, t.group()) if org else None
                if org is None:
                    posts.append(Post(name, t.group(), None, None, sent))
                    continue
                typ = organ_type(organ)
                posts.append(Post(name, t.group(), org, typ, sent, organ))
                org_label, org_type = org, typ  # 市委常委、秘书长: a post after it in the same organ
                record(doc, t.start(), org, typ, sent)
            else:
                if pre is None and t is chain[0] and text[t.start() - 1 : t.start()] == "、" and posts and posts[-1].org_type == "Company" \
                        and text.endswith(posts[-1].person, 0, t.start() - 1):
                    org_label, org_type = posts[-1].org, posts[-1].org_type  # X集团主席A、行政总裁B: B's post is in the same firm
                elif pre is not None and pre.type not in ("Place", "Industry", "Person", "Event", "Initiative", "Project"):
                    org_label, org_type = pre.label, pre.type
                    if org_type == "Company" and is_department(org_label) or pre.source == "known_org" and org_label[0] in "省市区县":  # (市国资委)
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
                    if len(cand) > 3 and cand.endswith("原") and _former(text, t.start()):
                        cand = cand[:-1]  # X集团 + 原 + 副总裁: a post held before in X集团
                    if cand.startswith(_FORMERLY):
                        formerly = True  # (此前任公司财务总监): a post held before, no body named 此前任公司财务
                        continue
                    if cand.endswith(_APPOINTING):
                        posts.append(Post(name, t.group(), None, None, sent))  # 委任执行董事X: a verb, no body
                        org_label = org_type = None
                        continue
                    if _AND_BARE_FIRM.search(cand):
                        posts.append(Post(name, t.group(), None, None, sent))  # 市长A与公司董事长B: "the firm", unnamed here
                        org_label = org_type = None
                        continue
                    if _REGION_UNIT.fullmatch(cand) and t is not chain[0]:
                        cand, stem = "", []  # 副总裁、华东区总经理: a region of the same firm
                    k = lex.known_org_re.match(cand) if len(cand) > 10 else None
                    if k is not None and 4 <= len(cand) - k.end() <= 14 and not cand.endswith("司"):  # (X部Y司: a department, one body)
                        s, cand, stem = s + k.end(), cand[k.end() :], list(tokens(cand[k.end() :]))  # 科技部 + its centre
                    under_state = k is not None and lex.known_orgs[k.group()][0] == "GovernmentBody"
                    if (2 <= len(cand) <= (16 if _org_ending(cand) else 10) and not is_generic(stem) and cand not in lex.places and cand not in lex.industries
                            and cand not in lex.suffixes):
                        org_label, org_type = cand, "GovernmentBody" if official_body(cand, t.group()) or under_state else _kind_by_ending(cand)
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
        lead = _prefix(doc, chain[0].start())
        if formerly or _former(text, chain[0].start()) or lead is not None and _former(text, lead.start):
            del posts[n_before:]  # 原大陆区总经理吴俊宏, 原国家X中心主任Y: a post the person no longer holds
        start = m.end()
        doc.add_span(Span(start, start + len(name), "Person", name, "post", 8))
        # names listed after the first share its posts: 副市长施嘉泓、张桥 / 外籍院士任和、门嘉平
        mine = [p for p in posts[n_before:] if p.person == name]
        for pos, other in _listed_after(text, start + len(name)):
            doc.add_span(Span(pos, pos + len(other), "Person", other, "post", 8))
            posts += [Post(other, p.title, p.org, p.org_type, p.sentence, p.bare) for p in mine]
    _leader_lists(doc)
    _elected_names(doc)
    _filled_names(doc)
    _speakers(doc, byline)  # names before a verb of speech: 周伟说, 毛伟介绍, 周成虎在致辞时说


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


def _floor(doc: Doc, pos: int, floor: int) -> int:
    """The left limit of a name before ``pos``: no earlier than the last post or name before it."""
    bs = barriers(doc)
    i = bisect.bisect_right(bs, pos) - 1
    return max(floor, bs[i]) if i >= 0 else floor


def name_starts(doc: Doc) -> set[int]:
    """Where the names after posts start (a place inside 赵海东 is no place of the article)."""
    if "name_starts" not in doc.notes:
        text = doc.text
        doc.notes["name_starts"] = {m.end() for m in title_matches(doc) if person_name(text, m.end())}
    return doc.notes["name_starts"]


def _city_guess(doc: Doc) -> str | None:
    """The city the article talks about most (for bare 市委, 市长 before ``home`` has run)."""
    if "city_guess" not in doc.notes:
        lex = lexicon()
        counts: dict[str, int] = {}
        names = name_starts(doc)
        for s in doc.spans:
            # (not names & set(range(s.start - 2, s.start + 1)), without the two objects per span)
            if s.type == "Place" and not (s.start in names or s.start - 1 in names or s.start - 2 in names):
                p = lex.place(s.label)
                if p and p.level in ("city", "county"):
                    counts[s.label] = counts.get(s.label, 0) + 1
        guess = max(counts, key=lambda k: counts[k]) if counts else None
        if guess is not None and (p := lex.place(guess)).level == "county":
            # 市委书记A深入昭阳区、鲁甸县、水富市: three counties of one city, the tour of that city's leader
            kin = {c for c in counts if (q := lex.place(c)) is not None and q.level == "county" and q.parent == p.parent}
            parent = lex.place(p.parent) if p.parent else None
            if len(kin) >= 3 and parent is not None and parent.level == "city":
                guess = parent.label
        doc.notes["city_guess"] = guess
    return doc.notes["city_guess"]


_CHAIN_SEP = ("、", ",", "兼")
