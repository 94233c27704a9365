"""Relation extraction with clause-level patterns over the selected mentions.

Each component handles one family of facts: posts, events (date, location,
counts, launches, participation), projects (amounts, investors, signing),
places (locatedIn, settledIn), organisations (partnerOf, subsidiaryOf) and
industries (inIndustry).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.components.people import Post
from kg.extract.doc import Doc, Span
from kg.extract.lexicon import HAN, lexicon, words
from kg.extract.quantities import AMOUNT_RE, amount_of, find_dates
from kg.extract.registry import component
from kg.extract.segment import pos_tags
from kg.model import ORGANIZATION_TYPES, DateValue, Relation, Sentence

ORG = ORGANIZATION_TYPES


def _is_org(t: str | None) -> bool:
    return t in ORG


def _sent_mentions(doc: Doc, s: Sentence, types: set[str] | None = None) -> list[Span]:
    return doc.mentions_in(s.start, s.end, types)


def _type(doc: Doc, span: Span) -> str | None:
    return doc.type_of(span.label)


@lru_cache(maxsize=1)
def _rx(key: str) -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, words(key)), key=len, reverse=True)))


def _paragraph(doc: Doc, s: Sentence) -> int:
    return doc.text.count("\n", 0, s.start)


def _event_of_sentence(doc: Doc) -> dict[int, str]:
    """For each sentence, the event it reports on (explicit, or the main event by context)."""
    if "sent_event" in doc.notes:
        return doc.notes["sent_event"]
    main = doc.notes.get("main_event")
    markers = _rx("event_context")
    out: dict[int, str] = {}
    para_ctx: dict[int, str] = {}
    head = True
    for s in doc.sentences:
        evs = [m for m in _sent_mentions(doc, s) if _type(doc, m) == "Event"]
        para = _paragraph(doc, s)
        if s.text[-1:] in "。!?;" or len(s.text) > 40:
            head_line = False
        else:
            head_line = head
        if s.index > 8:
            head = False
        if evs:
            ev = evs[0].label
            out[s.index] = ev
            if ev == main:
                para_ctx[para] = ev
        elif main and (markers.search(s.text) or head_line):
            out[s.index] = main
            para_ctx[para] = main
        elif para in para_ctx:
            out[s.index] = para_ctx[para]
    doc.notes["sent_event"] = out
    return out


# ---------------------------------------------------------------------------- posts and people


@component("positions")
def positions(doc: Doc) -> None:
    """holdsPosition for each post, participatedIn of the people at the main event."""
    posts: list[Post] = doc.notes.get("posts", [])
    for p in posts:
        if doc.entity(p.person) is None:
            continue
        if p.org:
            doc.ensure_entity(p.org_type or "Company", p.org)
        person = doc.entity(p.person).label
        org = doc.entity(p.org).label if p.org and doc.entity(p.org) else None
        key = ("holdsPosition", person, org, p.title)
        if key not in doc._seen:
            doc._seen.add(key)
            doc.relations.append(Relation("holdsPosition", person, org, p.sentence, p.title))
    main = doc.notes.get("main_event")
    if main:
        for e in doc.entities.values():
            if e.type == "Person" and e.mentions:
                doc.relate("participatedIn", e.label, main, e.mentions[0].sentence)


# ---------------------------------------------------------------------------- events

_COUNT_A = re.compile(r"总投资(?:额)?(?:达|约|超|近)?(?P<amt>[\d.,]+(?:万亿|亿|万)?(?:美元|元)(?:人民币)?)的(?P<n>\d+)个[^,。;]{0,14}?项目")
_COUNT_B = re.compile(r"(?<![\d.])(?P<n>\d+)个[^,。;、]{0,16}?(?:项目|园区)[^,。;]{0,10}?(?:签约|开工|落地|落户|启动)")
_TOTAL = re.compile(r"总投资(?:额)?(?:达|约|超|近)?(?P<amt>[\d.,]+(?:万亿|亿|万)?(?:美元|元)(?:人民币)?)")


def _amount(s: str):
    m = AMOUNT_RE.search(s)
    return amount_of(m) if m else None


#: A place as the subject of holding, with its day: 太仓市7日举行, 苏州市昨日召开.
_HOLD_AFTER_DAY = re.compile(r"[市区县]?(?:\d{1,2}月)?(?:\d{1,2}日|今天|昨天|昨日)(?:上午|下午|晚上)?(?:隆重)?(?:举行|召开|举办)")


@component("events")
def events(doc: Doc) -> None:
    text = doc.text
    sent_event = _event_of_sentence(doc)
    hold = _rx("hold")
    # date and location
    dated: set[str] = set()
    for s in doc.sentences:
        ev_mentions = [m for m in _sent_mentions(doc, s) if _type(doc, m) == "Event"]
        if not ev_mentions:
            continue
        for seg_start, seg_end in _segments(s):
            evs = [m for m in ev_mentions if seg_start <= m.start < seg_end]
            if not evs:
                continue
            seg = text[seg_start:seg_end]
            for d in find_dates(seg, doc.article.dateline):
                if d.end > evs[0].start - seg_start:
                    continue  # after the event's name or part of it (2024年…大会)
                lab = doc.entity(evs[0].label).label
                if lab not in dated:
                    dated.add(lab)
                    doc.relate("date", lab, d.date, s.index)
                break
            places = [x for x in _sent_mentions(doc, s) if _type(doc, x) in ("Place", "Park")]
            for m in re.finditer("(?:在|赴|于|^|(?<=[,:]))", seg):
                at = seg_start + m.end()
                place = next((x for x in places if x.start == at), None)
                # a chain of places (吴江区盛泽镇, 江苏省太仓市): the last one is where
                while place is not None:
                    nxt = next((x for x in places if x.start in (place.end, place.end + 1) and text[place.end : x.start] in ("", "区", "市", "县", "省")), None)
                    if nxt is None:
                        break
                    place = nxt
                if place is None:
                    continue
                tail = text[place.end : place.end + 12]
                if not m.group():
                    # at a clause start the place must be the subject of holding: 太仓市7日举行
                    if _HOLD_AFTER_DAY.match(tail):
                        ev = min(evs, key=lambda e: abs(e.start - place.start))
                        doc.relate("location", ev.label, place.label, s.index)
                    continue
                if hold.match(tail) or re.match("(?:举办|开展|举行)", tail):
                    ev = min(evs, key=lambda e: abs(e.start - place.start))
                    doc.relate("location", ev.label, place.label, s.index)
    for e in list(doc.entities.values()):
        if e.type == "Event" and e.label not in dated:
            y = re.match(r"^((?:19|20)\d{2})年?", e.label)
            if y:
                doc.relate("date", e.label, DateValue(y.group(1)), e.mentions[0].sentence if e.mentions else 0)
    # counts and totals of projects signed or started at an event
    strong: dict[str, bool] = {}
    facts: list[tuple[str, int, object, int, bool]] = []
    for s in doc.sentences:
        ev = sent_event.get(s.index)
        if not ev:
            continue
        for seg_start, seg_end in _segments(s):
            seg = text[seg_start:seg_end]
            seg_ev = next((m.label for m in _sent_mentions(doc, s) if _type(doc, m) == "Event" and seg_start <= m.start < seg_end), ev)
            for m in _COUNT_A.finditer(seg):
                facts.append((seg_ev, int(m.group("n")), _amount(m.group("amt")), s.index, True))
                strong[seg_ev] = True
            if any(f[0] == seg_ev and f[4] and f[3] == s.index for f in facts):
                continue
            for m in _COUNT_B.finditer(seg):
                tot = _TOTAL.search(seg, m.end())
                facts.append((seg_ev, int(m.group("n")), _amount(tot.group("amt")) if tot else None, s.index, False))
    for ev, n, amt, idx, is_a in facts:
        if strong.get(ev) and not is_a:
            continue
        doc.relate("projectCount", ev, n, idx)
        if amt is not None:
            doc.relate("investment", ev, amt, idx)
    # launches and signings in sentences about an event
    launch, sign = _rx("launch"), _rx("sign")
    for s in doc.sentences:
        ev = sent_event.get(s.index)
        if not ev:
            continue
        ms = _sent_mentions(doc, s)
        for vm in launch.finditer(s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            for obj in _objects_near(doc, ms, v_start, v_end):
                t = _type(doc, obj)
                if t == "Project" and vm.group() in words("sign"):
                    doc.relate("signedAt", obj.label, ev, s.index)
                elif t in ("Initiative", "Fund", "Park", "Project") or _is_org(t):
                    # a project released or unveiled (发布, 揭牌) is launched, not signed
                    doc.relate("launched", ev, obj.label, s.index)
        for vm in sign.finditer(s.text):
            v_start = s.start + vm.start()
            if s.text[: vm.start()].endswith(("揭牌", "发布", "亮相", "授牌")):
                continue  # 揭牌落地: unveiled there, not signed
            clause_start = s.start + max((m.end() for m in re.finditer("[,;:]", s.text[: vm.start()])), default=0)
            for obj in ms:
                if clause_start <= obj.start and obj.end <= v_start and _type(doc, obj) == "Project":
                    doc.relate("signedAt", obj.label, ev, s.index)
    # an event named after a project's start: …项目启动仪式
    for e in list(doc.entities.values()):
        if e.type != "Event":
            continue
        for name in {e.label, *e.aliases}:
            for p in doc.entities.values():
                if p.type == "Project" and p.label + "启动" in name or p.type == "Project" and p.label + "开工" in name:
                    doc.relate("signedAt", p.label, e.label, 0)
    # organisations that convened or took part: 苏州市委市政府召开“新年第一会”, 进军CES的友达光电
    convene = _rx("convene")
    for s in doc.sentences:
        ms = _sent_mentions(doc, s)
        for vm in convene.finditer(s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            ev = next((m for m in ms if _type(doc, m) == "Event" and 0 <= m.start - v_end <= 2), None)
            if ev is None:
                continue
            chain_end = v_start
            for m in reversed([m for m in ms if m.end <= v_start]):
                if m.end != chain_end or not _is_org(_type(doc, m)):
                    break
                doc.relate("participatedIn", m.label, ev.label, s.index)
                chain_end = m.start
            after = next((m for m in ms if m.start == ev.end + 1 and text[ev.end] == "的" and _is_org(_type(doc, m))), None)
            if after is not None:
                doc.relate("participatedIn", after.label, ev.label, s.index)


def _segments(s: Sentence) -> list[tuple[int, int]]:
    out, pos = [], s.start
    for m in re.finditer(";", s.text):
        out.append((pos, s.start + m.end()))
        pos = s.start + m.end()
    out.append((pos, s.end))
    return out


def _objects_near(doc: Doc, ms: list[Span], v_start: int, v_end: int, before_only: bool = False) -> list[Span]:
    """Mentions a verb acts on: the name (or list of names) right before it, or the first name after it."""
    text = doc.text
    out: list[Span] = []
    edge = v_start
    # nearest end first (a name nested at the start of a longer one comes after it)
    for m in sorted((m for m in ms if m.end <= v_start), key=lambda m: (m.end, m.length), reverse=True):
        gap = text[m.end : edge]
        if len(gap) > 6 or not re.fullmatch(r"(?:\(筹\)|”|“|等[^,。;]{0,6}|、|项目|)*(?:实施)?", gap):
            break
        t = _type(doc, m)
        if t in ("Person", "Place", "Industry", "Event"):
            break
        out.append(m)
        edge = m.start
        if text[m.start - 1 : m.start] != "、":
            break
        edge = m.start - 1
    if before_only or out:
        return out
    for m in ms:
        if m.start < v_end:
            continue
        gap = text[v_end : m.start]
        if len(gap) > 16 or re.search("[,。;、]", gap):
            break
        if _type(doc, m) in ("Person", "Place", "Industry", "Event"):
            continue
        if re.fullmatch(r"(?:了|实施|总规模|规模|“[^”]*”|[\d.]+(?:万|亿)?(?:美元|元)(?:人民币)?|的|产业)*", gap):
            out.append(m)
        break
    return out


# ---------------------------------------------------------------------------- projects and funds


@component("projects")
def projects(doc: Doc) -> None:
    text = doc.text
    for am in AMOUNT_RE.finditer(text):
        amt = amount_of(am)
        if amt is None:
            continue
        s = doc.sentences[doc.sentence_at(am.start())]
        after = [m for m in _sent_mentions(doc, s) if m.start >= am.end()][:1]
        if after:
            m = after[0]
            gap = text[am.end() : m.start]
            if re.fullmatch("(?:的)?", gap) and _type(doc, m) in ("Project", "Fund"):
                doc.relate("investment", m.label, amt, s.index)
                continue
        before = [m for m in _sent_mentions(doc, s) if m.end <= am.start()][-1:]
        if before:
            m = before[0]
            gap = text[m.end : am.start()]
            if re.fullmatch(r",?(?:总投资|投资总额|计划总投资)(?:额)?(?:达|约|超|近)?", gap) and _type(doc, m) in ("Project", "Fund"):
                doc.relate("investment", m.label, amt, s.index)
    # investors: the firm a project is named after
    for e in list(doc.entities.values()):
        if e.type != "Project":
            continue
        inv = _investor(doc, e.label)
        if inv:
            if doc.entity(inv) is None:
                doc.ensure_entity("Company", inv)
            doc.relate("investor", e.label, inv, e.mentions[0].sentence if e.mentions else 0)


def _investor(doc: Doc, label: str) -> str | None:
    lex = lexicon()
    name = label[:-2] if label.endswith("项目") else label
    # a firm of the article the project is named after
    best = None
    for other in doc.entities.values():
        if not _is_org(other.type):
            continue
        for n in {other.label, *other.aliases}:
            if len(n) >= 2 and name.startswith(n) and len(n) < len(name) and (best is None or len(n) > len(best[1])):
                best = (other.label, n)
    if best:
        return best[0]
    # strip leading places (美国多普罗斯生物科技)
    rest = name
    while True:
        p = next((rest[:k] for k in range(min(6, len(rest) - 2), 1, -1) if rest[:k] in lex.places), None)
        if not p:
            break
        rest = rest[len(p):]
    em = lex.ending_re.search(rest)
    if em and em.start() >= 2 and _brand_ok(rest[: em.start()], strict=False) and len(rest) <= 10:
        if not any(i.start() < em.start() for i in lex.industry_re.finditer(rest)):
            return rest
    m = re.match(f"([{HAN}]{{2,6}}?)(?:\\(|[A-Za-z])", rest)
    if m:
        return _brand_ok(m.group(1), strict=False)
    for k in range(2, min(len(rest) - 1, 9)):
        head, tail = rest[:k], rest[k:]
        for suf, (t, _) in lex.suffixes.items():
            if t == "Company" and head.endswith(suf) and len(head) > len(suf) + 1:
                return head
        em = lex.ending_re.search(head)
        if em and em.start() >= 2 and _brand_ok(head[: em.start()], strict=False) and not lex.industry_re.match(head):
            return head
        ending = lex.ending_find_re.match(tail)
        if ending and (ending.end() == len(tail) or lex.industry_re.match(tail, ending.end()) or lex.place_re.match(tail, ending.end())):
            continue  # the firm's name goes on: 华昌 + 化工 + 新材料
        if lex.place_re.match(tail) or lex.industry_re.match(tail):
            b = _brand_ok(head)
            if b:
                return b
    return None


def _brand_ok(b: str, strict: bool = True) -> str | None:
    """A firm's brand: not a place, industry or ordinary word (智能 is not a brand)."""
    lex = lexicon()
    if len(b) < 2 or b in lex.places or b in lex.industries or b in words("generic"):
        return None
    if not strict:
        return b
    tag = pos_tags().get(b)
    if tag is not None and tag not in ("nz", "nr", "ns", "nt", "nrt", "x", "eng", "j"):
        return None
    return b


# ---------------------------------------------------------------------------- places


@component("places")
def places(doc: Doc) -> None:
    text, lex = doc.text, lexicon()
    home = doc.notes.get("home")
    # adjacent places: 美国拉斯维加斯, 深圳龙岗, 苏州昆山市
    ms = doc.mentions
    for a, b in zip(ms, ms[1:]):
        if a.end == b.start and _type(doc, a) == "Place" and _type(doc, b) == "Place":
            if _is_parent(a.label, b.label):
                doc.relate("locatedIn", b.label, a.label, doc.sentence_at(a.start))
    # names that open with places: 深圳龙岗天安云谷… -> in 龙岗, 龙岗 in 深圳
    for e in list(doc.entities.values()):
        if e.type not in ("Park",) and not _is_org(e.type):
            continue
        heads, rest = [], e.label
        while True:
            p = next((rest[:k] for k in range(min(6, len(rest) - 2), 1, -1) if rest[:k] in lex.places), None)
            if not p:
                break
            heads.append(p)
            rest = rest[len(p):]
        if len(heads) >= 2 and len(rest) >= 4:
            labels = [lex.place_label(h) for h in heads]
            for h, lab in zip(heads, labels):
                doc.ensure_entity("Place", lab)
            sent = e.mentions[0].sentence if e.mentions else 0
            doc.relate("locatedIn", e.label, labels[-1], sent)
            for x, y in zip(labels, labels[1:]):
                if _is_parent(x, y):
                    doc.relate("locatedIn", y, x, sent)
            e.aliases.add(rest)
    # a park inside a park: 苏州高新区狮山商务创新区
    parks = [e for e in doc.entities.values() if e.type == "Park"]
    for inner in parks:
        for outer in parks:
            if inner is not outer and inner.label.startswith(outer.label) and len(inner.label) - len(outer.label) >= 3:
                doc.relate("locatedIn", inner.label, outer.label, inner.mentions[0].sentence if inner.mentions else 0)
                inner.aliases.add(inner.label[len(outer.label):])
    # 落户/位于 X 的 Y ; Y 落户/入驻 X ; 该中心落户 X
    for s in doc.sentences:
        sm = _sent_mentions(doc, s)
        for vm in re.finditer("(?:落户|位于|坐落于|地处|入驻|进驻|扎根)", s.text):
            v_end = s.start + vm.end()
            v_start = s.start + vm.start()
            target = next((m for m in sm if m.start == v_end and _type(doc, m) in ("Place", "Park")), None)
            if target is None:
                if text.startswith("其中", v_end):
                    prev = [m for m in doc.mentions if m.end <= s.start and _type(doc, m) == "Park"]
                    target = prev[-1] if prev else None
                elif vm.group() in ("落户", "入驻") and re.match("[,。;]", text[v_end : v_end + 1] or "。"):
                    # 企业集中入驻 with no place: the park the sentence names before the firms, else home
                    target = ""
                else:
                    continue
            subj: list[Span] = []
            if isinstance(target, Span) and text.startswith("的", target.end):
                nxt = next((m for m in sm if m.start == target.end + 1), None)
                if nxt is not None:
                    subj = [nxt]
            if not subj:
                subj = _subjects_before(doc, sm, v_start)
            if target == "":
                target = _park_in_sentence(doc, s, min((x.start for x in subj), default=v_start))
            obj_label = target.label if isinstance(target, Span) else target or (home if vm.group() in ("落户", "入驻") else None)
            if obj_label is None:
                continue
            for x in subj:
                tx = _type(doc, x)
                if tx in ("Person", "Place", "Industry", "Event", "Initiative") or x.label == obj_label:
                    continue
                pred = "settledIn" if _is_org(tx) and doc.type_of(obj_label) == "Park" else "locatedIn"
                doc.relate(pred, x.label, obj_label, s.index)
        # X 在 PLACE 打造/建设/投资
        for vm in re.finditer("在", s.text):
            at = s.start + vm.end()
            place = next((m for m in sm if m.start == at and _type(doc, m) == "Place"), None)
            if place is None or not re.match("(?:打造|建设|投资|设立|建成|布局)", text[place.end : place.end + 2]):
                continue
            before = [m for m in sm if m.end <= s.start + vm.start() and _is_org(_type(doc, m))]
            if before and s.start + vm.start() - before[-1].end <= 2:
                doc.relate("locatedIn", before[-1].label, place.label, s.index)
        # PARK 引进 A、B 等
        for vm in re.finditer("(?:累计)?引进", s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            park = [m for m in sm if m.end <= v_start and _type(doc, m) == "Park"]
            if not park:
                continue
            for x in _list_after(doc, sm, v_end):
                if _is_org(_type(doc, x)):
                    doc.relate("settledIn", x.label, park[-1].label, s.index)
    # the article's home for its parks and projects
    if home:
        for e in list(doc.entities.values()):
            if e.type not in ("Park", "Project") or e.label == home or doc.has_relation("locatedIn", e.label):
                continue
            if not e.mentions or e.label.startswith(home):
                continue
            ev_loc = None
            for r in doc.relations:
                if r.predicate == "signedAt" and r.subject == e.label:
                    ev_loc = next((q.object for q in doc.relations if q.predicate == "location" and q.subject == r.object), None)
            if ev_loc:
                doc.relate("locatedIn", e.label, ev_loc, e.mentions[0].sentence)
                continue
            if _foreign(doc, e, home):
                continue
            doc.relate("locatedIn", e.label, home, e.mentions[0].sentence)


def _park_in_sentence(doc: Doc, s: Sentence, pos: int) -> str | None:
    """The park a sentence names before ``pos``, also inside a longer name (an event named
    after the park); the innermost (longest label inside the others) when there are several."""
    head = doc.text[s.start : pos]

    def named(n: str) -> bool:
        # named as the place, not as an item of the list of what settles (A、B园区等)
        return any(head[i - 1 : i] != "、" and head[i + len(n) : i + len(n) + 1] not in ("、", "等")
                   for i in (m.start() for m in re.finditer(re.escape(n), head)))

    found = [e.label for e in doc.entities.values() if e.type == "Park" and any(named(n) for n in {e.label, *e.aliases} if len(n) >= 3)]
    found = [l for l in found if not any(l != o and l in o for o in found)]
    if not found:
        return None
    # the most specific: the park whose name comes last in the text, longest at equal place
    return max(found, key=lambda l: (head.rfind(l), len(l)))


def _foreign(doc: Doc, e, home: str) -> bool:
    """Whether the entity is named or mentioned with another city than the home one."""
    lex = lexicon()
    home_city = doc.notes.get("home_city")
    ok = {home, home_city, lex.parent_label(home_city) if home_city else None}
    for k in range(len(e.label)):
        for n in range(2, 5):
            p = lex.place(e.label[k : k + n])
            if p and p.label not in ok:
                return True
    s = doc.sentences[e.mentions[0].sentence]
    for m in _sent_mentions(doc, s):
        if _type(doc, m) == "Place" and m.label not in ok:
            p = lex.place(m.label)
            if p and p.level in ("city", "county", "country"):
                return True
    return False


def _is_parent(parent: str, child: str) -> bool:
    lex = lexicon()
    p = lex.place(child)
    seen = 0
    while p and p.parent and seen < 3:
        q = lex.place(p.parent)
        if q and q.label == parent:
            return True
        p, seen = q, seen + 1
    return False


def _subjects_before(doc: Doc, sm: list[Span], pos: int) -> list[Span]:
    """The name or list of names right before ``pos`` (A、B、C等…企业 纷纷落户)."""
    text = doc.text
    before = [m for m in sm if m.end <= pos]
    if not before:
        return []
    last = before[-1]
    gap = text[last.end : pos]
    if len(gap) > 24 or re.search("[。;]", gap):
        return []
    if "," in gap and not re.search("等", gap):
        return []
    out = [last]
    i = len(before) - 2
    while i >= 0:
        m = before[i]
        g = text[m.end : out[-1].start]
        if g not in ("、", "和", "及", "与", "以及", ",以及") and not re.fullmatch(r"等[^。;]{0,12}项目,以及", g):
            break
        out.append(m)
        i -= 1
    return out


def _list_after(doc: Doc, sm: list[Span], pos: int) -> list[Span]:
    text = doc.text
    out: list[Span] = []
    edge = pos
    for m in sm:
        if m.start < edge:
            continue
        gap = text[edge : m.start]
        if gap not in ("", "、"):
            break
        out.append(m)
        edge = m.end
    return out


# ---------------------------------------------------------------------------- organisations


@component("organisations")
def organisations(doc: Doc) -> None:
    text = doc.text
    partner = _rx("partner")
    for s in doc.sentences:
        sm = _sent_mentions(doc, s)
        # A与B共建 / 由A、B共同实施 / 公司与B共建
        for vm in re.finditer("与|和|同", s.text):
            at = s.start + vm.start()
            right = next((m for m in sm if m.start == at + 1 and _is_org(_type(doc, m))), None)
            if right is None or not partner.match(text, right.end, right.end + 8) and not partner.match(text[right.end : right.end + 8]):
                continue
            left = next((m for m in reversed(sm) if m.end == at and _is_org(_type(doc, m))), None)
            left_label = left.label if left else None
            if left is None and text[at - 2 : at] == "公司":
                firms = [m for m in doc.mentions if m.end <= at and _type(doc, m) == "Company" and m.label != right.label]
                left_label = firms[-1].label if firms else None
            if left_label:
                doc.relate("partnerOf", left_label, right.label, s.index)
        for vm in re.finditer("共同实施|共同打造|共同建设|联合实施|联合打造", s.text):
            v_start = s.start + vm.start()
            subs = _subjects_before(doc, sm, v_start)
            orgs = [m for m in subs if _is_org(_type(doc, m))]
            if len(orgs) >= 2 and text[orgs[0].end : v_start] == "":
                for a in orgs:
                    for b in orgs:
                        if a.label < b.label:
                            doc.relate("partnerOf", a.label, b.label, s.index)
        # X 聘任/聘请 A、B、C
        for vm in re.finditer("聘任|聘请|聘用", s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            subj = [m for m in sm if m.end <= v_start and _is_org(_type(doc, m))]
            if not subj:
                continue
            for x in _list_after(doc, sm, v_end):
                if _is_org(_type(doc, x)):
                    doc.relate("partnerOf", subj[-1].label, x.label, s.index)
    # subsidiaries: 友达光电(昆山)有限公司 -> 友达光电 ; 清华大学苏州环境创新研究院 -> 清华大学
    for e in list(doc.entities.values()):
        if not _is_org(e.type):
            continue
        if "(" in e.label:
            brand = e.label[: e.label.index("(")]
            parent = doc.entities.get(brand)
            if parent is not None and parent is not e and _is_org(parent.type):
                doc.relate("subsidiaryOf", e.label, parent.label, e.mentions[0].sentence if e.mentions else 0)
                continue
        parent = _parent_org(doc, e.label)
        if parent:
            typ, plabel = parent
            doc.ensure_entity(typ, plabel)
            doc.relate("subsidiaryOf", e.label, plabel, e.mentions[0].sentence if e.mentions else 0)


def _parent_org(doc: Doc, label: str) -> tuple[str, str] | None:
    lex = lexicon()
    m = lex.known_org_re.match(label)
    if m and len(label) - m.end() >= 3:
        typ, known = lex.known_orgs[m.group()]
        return (typ, m.group() if doc.entity(m.group()) or m.group() != known else known)
    best = None
    for sm in lex.suffix_re.finditer(label):
        typ, min_stem = lex.suffixes[sm.group()]
        if typ not in ("ResearchInstitute", "University", "Company") or sm.end() >= len(label) - 2:
            continue
        if sm.start() < max(2, min_stem):
            continue
        rest = label[sm.end():]
        if not any(rest.endswith(suf) for suf, (t, _) in lex.suffixes.items() if t in ORG):
            continue
        best = (typ, label[: sm.end()])
    return best


# ---------------------------------------------------------------------------- industries

_LIST_VERB = re.compile("涵盖|涉及|聚焦|围绕|包括|主攻|瞄准|覆盖|重点发展|重点培育|培育壮大|加快布局|前瞻布局|提升[^,。;:]{0,8}:|产业:")


@component("industries")
def industries(doc: Doc) -> None:
    text, lex = doc.text, lexicon()
    sent_event = _event_of_sentence(doc)
    # industries named inside events, parks and initiatives
    ind_labels = {e.label for e in doc.entities.values() if e.type == "Industry"}
    for e in list(doc.entities.values()):
        if e.type not in ("Event", "Park", "Initiative"):
            continue
        for m in lex.industry_re.finditer(e.label):
            lab = lex.industries[m.group()]
            if lab in ind_labels:
                doc.relate("inIndustry", e.label, lab, e.mentions[0].sentence if e.mentions else 0)
    for s in doc.sentences:
        sm = _sent_mentions(doc, s)
        for vm in _LIST_VERB.finditer(s.text):
            v_end = s.start + vm.end()
            inds = _industry_list(doc, sm, v_end)
            if len(inds) < 2:
                continue
            before = [m for m in sm if m.end <= s.start + vm.start()]
            subjects: list[str] = []
            head = text[s.start : s.start + vm.start()]
            counted = re.search(r"(\d+)(?:个[^,。;]{0,16}(?:项目|园区)|家[^,。;]{0,6}企业)", head)
            if counted and sent_event.get(s.index):
                subjects.append(sent_event[s.index])
            elif counted:
                # 98个项目涵盖…: the event whose count of projects this is
                n = int(counted.group(1))
                subjects += [r.subject for r in doc.relations if r.predicate == "projectCount" and r.object == n][:1]
            inits = [m for m in before if _type(doc, m) == "Initiative"]
            if inits:
                subjects.append(inits[-1].label)
            if not subjects and not re.search(r"等[^,。;]{0,8}(?:企业|公司|项目)", head):
                orgs = [m for m in before if _is_org(_type(doc, m)) or _type(doc, m) == "Park"]
                if orgs:
                    subjects.append(orgs[-1].label)
            if inits and before and _type(doc, before[0]) in {"Park"} | ORG:
                subjects.append(before[0].label)
            for subj in subjects:
                for ind in inds:
                    doc.relate("inIndustry", subj, ind.label, s.index)
        # a firm working on an industry: 清陶能源围绕固态锂电池持续攻关, 公司主要从事…新材料的研发
        for vm in _WORK_VERB.finditer(s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            org = _subject_org(doc, sm, s, v_start)
            if org is None:
                continue
            clause_end = _clause_end(doc, s, v_end)
            for ind in (m for m in sm if v_end <= m.start and m.end <= clause_end and _type(doc, m) == "Industry"):
                doc.relate("inIndustry", org, ind.label, s.index)
        # A、B等N家 INDUSTRY 企业 ; X是…INDUSTRY产业标杆企业
        for m in re.finditer(r"等(?:首批|一批)?(?:\d+家)?", s.text):
            at = s.start + m.end()
            ind = next((x for x in sm if x.start == at and _type(doc, x) == "Industry"), None)
            if ind is None or not re.match("(?:相关|头部|龙头|重点|领军|知名)?企业", text[ind.end : ind.end + 4]):
                continue
            for x in _subjects_before(doc, sm, s.start + m.start()):
                if _is_org(_type(doc, x)):
                    doc.relate("inIndustry", x.label, ind.label, s.index)
        # X是/已成为…INDUSTRY(与INDUSTRY)领域的龙头企业
        for m in re.finditer("是|成为", s.text):
            at = s.start + m.start()
            org = _subject_org(doc, sm, s, at)
            if org is None:
                continue
            clause_end = _clause_end(doc, s, s.start + m.end())
            inds = [x for x in sm if at < x.start and x.end <= clause_end and _type(doc, x) == "Industry"]
            for i, x in enumerate(inds):
                # the run of sectors that ends at the leader phrase
                j = i
                while j + 1 < len(inds) and re.fullmatch("(?:产业)?(?:、|和|与|及)", text[inds[j].end : inds[j + 1].start]):
                    j += 1
                if _LEADER.match(text, inds[j].end):
                    doc.relate("inIndustry", org, x.label, s.index)


_WORK_VERB = re.compile("围绕|聚焦|深耕|专注于|专注|从事|主攻|致力于|布局")
_LEADER = re.compile(r"(?:产业|领域|行业)?(?:的)?(?:标杆|龙头|领军|头部|领先|骨干|代表性)(?:企业|厂商|品牌)?")
#: What may stand between a subject and its verb (公司主要从事, 清陶能源将持续围绕).
_ADVERBS = re.compile(r"(?:(?:19|20)\d{2}年(?:\d{1,2}月)?|主要|持续|一直|长期|始终|将|正|重点|也|还|已|已经|目前|现已|并|专门|率先|不断|积极|全面|进一步|则)*")
_ANAPHORA = re.compile(r"(?:该公司|公司|该企业|企业|其)")


def _clause_end(doc: Doc, s: Sentence, pos: int) -> int:
    m = re.compile("[,。;:!?]").search(doc.text, pos, s.end)
    return m.start() if m else s.end


def _subject_org(doc: Doc, sm: list[Span], s: Sentence, v_start: int) -> str | None:
    """The organisation a clause's verb is said of: the name right before it (adverbs
    between), a bare 公司/该企业 (the firm named last), or, in a clause without a subject
    of its own, the organisation that opens the sentence (its topic)."""
    text = doc.text
    clause_start = s.start + max((m.end() for m in re.finditer("[,;:]", text[s.start : v_start])), default=0)
    head = text[clause_start:v_start]
    org = next((m for m in reversed(sm) if clause_start <= m.start and m.end <= v_start), None)
    if org is not None:
        if _is_org(_type(doc, org)) and _ADVERBS.fullmatch(text[org.end : v_start]):
            return org.label
        return None
    am = _ANAPHORA.match(head)
    if am and _ADVERBS.fullmatch(head[am.end() :]):
        firms = [m for m in doc.mentions if m.end <= clause_start and _type(doc, m) == "Company" and m.start >= s.start - 200]
        return firms[-1].label if firms else None
    if _ADVERBS.fullmatch(head) and clause_start > s.start:
        topic = next((m for m in sm if m.start < clause_start), None)
        if topic is not None and _is_org(_type(doc, topic)) and re.fullmatch(r"(?:据介绍|据了解|其中|同时)?,?", text[s.start : topic.start]):
            return topic.label
    return None


def _industry_list(doc: Doc, sm: list[Span], pos: int) -> list[Span]:
    """The industries listed right after ``pos`` (A、B和C / A B C with no separators)."""
    text = doc.text
    out: list[Span] = []
    edge = pos
    for m in sm:
        if m.start < edge:
            continue
        gap = text[edge : m.start]
        if len(gap) > 4 or re.search("[,。;]", gap) or (out and not re.fullmatch("(?:、|和|及|与|以及|)", gap)):
            break
        if _type(doc, m) != "Industry":
            if out:
                break
            continue
        out.append(m)
        edge = m.end
    return out


# ---------------------------------------------------------------------------- finalise


@component("finalise")
def finalise(doc: Doc) -> None:
    """Drop people of bylines and entities left without mention or fact."""
    byline = tuple(words("byline"))
    for label, e in list(doc.entities.items()):
        if e.type == "Person" and e.mentions and all(
            doc.text[max(0, m.start - 5) : m.start].rstrip().endswith(byline) for m in e.mentions
        ):
            doc.entities.pop(label)
