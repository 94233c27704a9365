"""Posts: who holds which title in which organisation."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kg.extract.components.clauses import _is_org, _type
from kg.extract.components.entities import _merge
from kg.extract.components.firm_posts import (
    _POSTS_OF,
    _firm_of_bare_post,
    _firm_post_of_sentence_before,
    _firm_post_of_topic,
)
from kg.extract.components.founders import founded_by_main_event
from kg.extract.components.organs import (
    _PARK_ORGANS,
    BARE_PARKS,
    level_base,
    lift,
    organ_label,
)
from kg.extract.components.people import Post
from kg.extract.components.refs import (
    body_named_before,
    clause_start,
    sentences_mentions,
)
from kg.extract.doc import Doc
from kg.extract.lexicon import lexicon
from kg.extract.registry import component
from kg.model import Relation

#: Endings of names that the suffix rules take for parks but that are bodies when someone holds a post there.
_INSTITUTE_ENDS = ("创新中心", "研究中心", "研发中心", "技术中心", "工程中心")

_LOW_ORGANS = ("区委", "区政府", "县委", "县政府")
#: Bare words for a park before its organ (园区管委会 is the organ of the article's 苏州工业园区).
_BARE_PARKS = ("", *BARE_PARKS)


def _posts_with(posts: list[Post], org: str) -> int:
    return sum(1 for p in posts if p.org == org)


@component("positions")
def positions(doc: Doc) -> None:
    """holdsPosition for each post, participatedIn of the people at the main event."""
    posts: list[Post] = doc.notes.get("posts", [])
    _bare_organs(doc, posts)
    posts = [_party_committee_post(doc, _firm_of_bare_post(doc, p)) for p in posts]
    for p in posts:
        if doc.entity(p.person) is None:
            continue
        if p.org:
            e = doc.ensure_entity(p.org_type or "Company", p.org)
            if e.type == "Park" and e.label.endswith(_INSTITUTE_ENDS):
                e.type = "ResearchInstitute"  # 首席科学家 of an 创新中心: a body people work in, not a park
        person = doc.entity(p.person).label
        org = doc.entity(p.org).label if p.org and doc.entity(p.org) else None
        key = ("holdsPosition", person, org, p.title)
        if key not in doc._seen:
            doc._seen.add(key)
            doc.relations.append(Relation("holdsPosition", person, org, p.sentence, p.title))
    _filled_posts(doc)
    _elected_posts(doc)
    _same_body_chain(doc)
    _firm_post_of_sentence_before(doc)
    _firm_post_of_topic(doc)
    # the same post once with and once without its organisation (王浩院士 after 中国工程院院士王浩): one post
    with_org = {(r.subject, r.title) for r in doc.relations if r.predicate == "holdsPosition" and r.object}
    doc.relations[:] = [
        r for r in doc.relations
        if not (r.predicate == "holdsPosition" and r.object is None and (r.subject, r.title) in with_org)
    ]
    main = doc.notes.get("main_event")
    # 习近平总书记 in local news is cited (落实…总书记…要求), not a participant of the event
    cited = {p.person for p in posts if p.title == "总书记"} - {p.person for p in posts if p.title != "总书记"}
    if main:
        lo, hi = _main_section(doc, main)
        before = _before_the_event(doc.text)
        for e in doc.entities.values():
            if e.type == "Person" and e.mentions and e.label not in cited \
                    and any(lo <= m.start < hi and not any(a <= m.start < b for a, b in before) for m in e.mentions):
                doc.relate("participatedIn", e.label, main, e.mentions[0].sentence)


#: a paragraph that tells what happened before the event (推介会前,X一行走访了…)
_BEFORE_EVENT = re.compile("(?:^|\n)(?:(?:推介|大|年|峰|洽谈|签约|论坛|活动|仪式|开幕式)?会|活动|仪式|论坛|开幕式)前,")


def _before_the_event(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph opening on 会前, 推介会前, 活动前: its people were met before the event."""
    out = []
    for m in _BEFORE_EVENT.finditer(text):
        end = text.find("\n", m.end())
        out.append((m.start(), end if end >= 0 else len(text)))
    return out


#: a paragraph of a weekly round-up opening with its own day (11月18日,区委书记X带队赴上海…)
_DAY_OPENING = re.compile(r"(?:^|\n)\s*\d{1,2}月\d{1,2}日")
#: its two branches apart: at the text's start, and after a newline (a literal start ``re`` skips to in C)
_DAY_AT_START, _DAY_AFTER_NEWLINE = re.compile(r"\s*\d{1,2}月\d{1,2}日"), re.compile(r"\n\s*\d{1,2}月\d{1,2}日")


def _main_section(doc: Doc, main: str) -> tuple[int, int]:
    """Where the people of the main event may be named: the whole text, unless two or more
    paragraphs open with a day of their own (a round-up of several days' events); then the
    paragraphs from the one that names the main event up to the next dated one."""
    text = doc.text
    # (the ends of _DAY_OPENING.finditer(text): its matches after the first go on from its end, as there)
    first = _DAY_AT_START.match(text)
    days = ([first.end()] if first else []) + [m.end() for m in _DAY_AFTER_NEWLINE.finditer(text, first.end() if first else 0)]
    e = doc.entity(main)
    if len(days) < 2 or e is None or not e.mentions:
        return 0, len(text)
    first = min(m.start for m in e.mentions)
    lo = max((d for d in days if d <= first), default=0)
    hi = min((d for d in days if d > first), default=len(text))
    return (0 if lo == days[0] else lo), hi


def _party_committee_post(doc: Doc, p: Post) -> Post:
    """A party post of a state body that is no party organ itself (新疆生产建设兵团第八师 + 党委书记) is held
    in the body's party committee (…第八师党委), a body of its own; a firm's or a school's stays theirs."""
    e = doc.entities.get(p.org) if p.org else None
    if e is None or e.type != "GovernmentBody" or not p.title.startswith("党委") or p.org.endswith(("委", "党组", "委员会")):
        return p
    return replace(p, org=p.org + "党委", org_type="GovernmentBody")


def _bare_organs(doc: Doc, posts: list[Post]) -> None:
    """A bare organ (市政协, 省委) is the organ of a post that names it, else the organ of the
    article's city (or of its province): 市政协 in a Changzhou article -> 常州市政协."""
    for p in posts:
        if p.org and p.bare and p.bare != p.org:
            e = doc.ensure_entity(p.org_type or "GovernmentBody", p.org)
            if e.type == "Company" and p.org_type:
                e.type = p.org_type  # 徐州市科协主席: the title says what the body is
            bare = doc.entities.get(p.bare)
            if bare is not None and bare is not e and bare.type in ("GovernmentBody", "Association", "Company"):
                _merge(doc, e.label, p.bare)
    # 示范区管委会, 园区管委会: the park's own organ named in full elsewhere in the article
    for label in sorted(doc.entities):
        e = doc.entities.get(label)
        if e is None or e.type != "GovernmentBody" or not label.endswith(_PARK_ORGANS):
            continue
        if label[:-3] not in _BARE_PARKS:
            continue
        fuller = sorted(l for l, o in doc.entities.items() if o.type == "GovernmentBody" and l.endswith(label) and l != label)
        if not fuller:
            # 园区管委会 in an article whose posts name one park's 管委会
            fuller = sorted({p.org for p in posts if p.org and p.org.endswith(label[-3:]) and p.org != label and p.org in doc.entities})
            fuller = fuller if len(fuller) == 1 else []
        if fuller:
            _merge(doc, max(fuller, key=lambda l: (_posts_with(posts, l), -len(l))), label)
    # 区委 resolved against a city (苏州区委): the district's organ instead
    for label in sorted(doc.entities):
        e = doc.entities.get(label)
        if e is None or e.type != "GovernmentBody":
            continue
        bare = next((a for a in sorted(e.aliases) if a in _LOW_ORGANS and label.endswith(a) and label != a), None)
        if bare is None or level_base(doc, label[: -len(bare)], bare) == label[: -len(bare)]:
            continue
        base = level_base(doc, label[: -len(bare)], bare)
        if base:
            _rename(doc, label, organ_label(base, bare))
    home = doc.notes.get("home_city")
    if not home:
        return
    for label in sorted(_level_organs() & set(doc.entities)):
        e = doc.entities[label]
        if e.type != "GovernmentBody":
            continue
        base = level_base(doc, lift(home, label), label)
        if base:
            _rename(doc, label, organ_label(base, label))



@lru_cache(maxsize=1)
def _level_organs() -> frozenset[str]:
    """The organs of the titles that belong to a province, city, district or county (read once)."""
    return frozenset(t.organ for t in lexicon().titles.values() if t.organ[:1] in ("省", "市", "区", "县"))


def _rename(doc: Doc, label: str, full: str) -> None:
    """Entity ``label`` is ``full`` (merged into it when it exists; the old label an alias)."""
    if full.endswith("政府") and not full.endswith("人民政府") and (formal := full[:-2] + "人民政府") in doc.entities:
        full = formal  # 县政府 of 清河县 in an article naming 清河县人民政府: that body
    if full in doc.entities:
        _merge(doc, full, label)
        return
    doc.rename(label, full)


def _same_body_chain(doc: Doc) -> None:
    """X大学党委书记A、校长B (X集团董事长A,总裁B): B's bare post is in A's body when that body has such a post."""
    text = doc.text
    rels = doc.relations
    held = {(r.subject, r.title): r.object for r in rels if r.predicate == "holdsPosition" and r.object}
    for k, r in enumerate(rels):
        if r.predicate != "holdsPosition" or r.object is not None or not r.title:
            continue
        for other, org in held.items():
            kind = doc.type_of(org)
            # (X集团董事长A,总裁B: a firm's post after a comma too; a body of government's only after 、)
            marks = "、," if kind == "Company" else "、"
            mark = next((c for c in marks if f"{other[1]}{other[0]}{c}{r.title}{r.subject}" in text), None)
            if r.title not in _POSTS_OF.get(kind or "", ()) or mark is None:
                continue
            e = doc.entity(org)
            at = text.find(f"{other[1]}{other[0]}{mark}{r.title}{r.subject}")
            before = text[max(0, at - 60) : at]  # (X集团党委书记、董事长A: other posts of A's between)
            if not any(re.search(re.escape(name) + "(?:[^,。;、]{1,8}、)*$", before) for name in {org, *(e.aliases if e else ())}):
                continue  # (the body must be written before the first post, by any of its names, not inferred)
            rels[k] = Relation("holdsPosition", r.subject, org, r.sentence, r.title)
            break


#: X董事长由Y担任: the post of X that Y fills (Y written last before 担任)
_FILLED_BY = re.compile("由([^,。;]{2,40}?)(?:担任|出任|兼任)")


def _filled_posts(doc: Doc) -> None:
    """X公司董事长由Y公司副总经理Z担任: Z holds the post of X written before 由."""
    lex, text = lexicon(), doc.text
    for s in doc.sentences:
        for fm in _FILLED_BY.finditer(s.text):
            at, end = s.start + fm.start(), s.start + fm.end(1)
            title = next((t for t in lex.title_re.finditer(text, max(s.start, at - 8), at) if t.end() == at), None)
            if title is None:
                continue
            org = next((m.label for m in doc.mentions if m.end == title.start() and _is_org(doc.type_of(m.label))), None)
            if org is None and title.start() == clause_start(text, s.start, title.start()) > s.start:
                org = body_named_before(doc, s.start)  # 联络处设在P,主任由Z担任: the body the sentence is about
            person = next((m for m in doc.mentions if m.end == end and doc.type_of(m.label) == "Person"), None)
            if org is not None and person is not None:
                doc.relate("holdsPosition", doc.entity(person.label).label, doc.entity(org).label, s.index, title.group())


#: a body by its bare kind before a post (当选联盟理事长, 任协会秘书长)
_BARE_BODY = re.compile("联盟|联合体|协会|商会|学会|研究院")
#: a verb of taking a post after the person: 当选, 任, 担任 (a person's name right before it)
_ELECTED = re.compile("当选为?|担任|出任|兼任|现任|任|为")
#: between a person and 担任: an honorific and 受聘 (郑立德院士受聘担任研究院首席科学家)
_APPOINTED = re.compile("(?:院士|教授|博士|研究员)?(?:受聘|应邀|被聘请?)")
#: a body founded right there: X联盟(同时)(宣告)成立
_FOUNDED_NOW = re.compile("(?:同时|正式|同步|当天)?(?:宣告|宣布)?成立")
#: what stands between a bare body and its post: 联盟 + 首任 + 理事长
_TERM = re.compile("首任|首届|第一任|新一届|新任")


def _elected_posts(doc: Doc) -> None:
    """A当选联盟理事长, B、C当选副理事长, D任秘书长: the people right before the verb hold the
    body's post (a post of a body's own, 理事长, 会长); the body is the one written after the verb
    (or its bare reference), else the one an earlier such post of the sentence or paragraph named."""
    lex, text = lexicon(), doc.text
    body, para = None, -1
    elected: dict[tuple[int, str], set[str]] = {}  # (sentence, title) -> the people elected to it
    p, p_at = 0, 0  # (_paragraph(doc, s), counted on from the previous sentence's start)
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        p, p_at = (p + text.count("\n", p_at, s.start) if s.start >= p_at else text.count("\n", 0, s.start)), s.start
        if p != para:
            body, para = None, p
        for vm in _ELECTED.finditer(s.text):
            v_start, v_end = s.start + vm.start(), s.start + vm.end()
            person = next((m for m in sm if (m.end == v_start or _APPOINTED.fullmatch(text, m.end, v_start)) and _type(doc, m) == "Person"), None)
            if person is None:
                continue
            org = next((m for m in sm if m.start == v_end and _is_org(_type(doc, m))), None)
            at = org.end if org is not None else v_end
            firm_of = None  # the firm a bare 该公司 or the sentence's opening stands for (below)
            bare = _BARE_BODY.match(text, at) if org is None else None
            if bare is not None:
                # 当选联盟理事长: the one alliance the article names in full
                named = [e.label for e in doc.entities.values() if _is_org(e.type) and e.label.endswith(bare.group()) and len(e.label) > len(bare.group()) + 1]
                main = doc.notes.get("main_event") or ""
                if not named and (i := main.find(bare.group() + "成立")) > 2:
                    # X联盟成立大会 … 当选联盟理事长: the body the main event founds, named only in the event's name
                    named = [doc.ensure_entity(lex.suffixes[bare.group()][0], main[: i + len(bare.group())]).label]
                if len(named) == 1:
                    body, at = named[0], bare.end()
            if org is None and bare is None:
                # X联盟同时宣告成立,A当选首任理事长: the body founded earlier in the sentence
                founded = [m for m in sm if m.end <= v_start and _type(doc, m) == "Association" and _FOUNDED_NOW.match(text, m.end)] \
                    or [m for m in doc.mentions if s.start - 80 <= m.start and m.end <= s.start and "\n" not in text[m.end : s.start]
                        and _type(doc, m) == "Association" and _FOUNDED_NOW.match(text, m.end)]  # (X联盟宣告成立。…A当选首任理事长)
                if founded:
                    body = doc.entity(founded[-1].label).label
                elif body is None and (own := founded_by_main_event(doc)) is not None and own.type == "Association":
                    body = own.label  # X联盟成立大会 … 选举产生了理事会。A当选理事长: the body the meeting founds
            if org is None and bare is None and text.startswith("该子公司", v_end):
                # …设立全资子公司Y,由Z出任该子公司执行董事兼总经理: Y, the subsidiary named last
                named = [m for m in doc.mentions if v_start - 200 <= m.start and m.end <= v_start
                         and _type(doc, m) == "Company" and text.endswith("子公司", 0, m.start)]
                if named:
                    body, at = doc.entity(named[-1].label).label, v_end + len("该子公司")
            elif org is None and bare is None and text.startswith("该公司", v_end) and vm.group() in ("出任", "担任", "兼任"):
                # A兼任X有限公司董事长,B出任该公司总经理: X, the firm named last
                named = [m for m in sm if m.end <= v_start and _type(doc, m) == "Company"]
                if named:
                    firm_of, at = doc.entity(named[-1].label).label, v_end + len("该公司")
            if org is None and bare is None and firm_of is None and vm.group() in ("出任", "担任") and text.startswith("由", clause_start(text, s.start, v_start)):
                # X有限公司注册资本N,…,由Y副总经理Z出任总经理: the post of the firm the sentence opens with
                first = next((m for m in sm if _type(doc, m) == "Company"), None)
                if first is not None and first.start == s.start and first.end < person.start:
                    firm_of = doc.entity(first.label).label
            at = term.end() if (term := _TERM.match(text, at)) else at
            tm = lex.title_re.match(text, at)
            also = []  # 执行董事 + 兼 + 总经理: both posts
            while tm is not None and text.startswith("兼", tm.end()) and (tm2 := lex.title_re.match(text, tm.end() + 1)) is not None \
                    and lex.titles[tm2.group()].kind == "org":
                also.append(tm)
                tm = tm2
            if tm is None or lex.titles[tm.group()].kind != "org" or re.match("[\u4e00-\u9fff]", text[tm.end() : tm.end() + 1] or "。"):
                continue
            if org is not None:
                body = doc.entity(org.label).label
            if (firm_of or body) is None:
                continue
            clause = clause_start(text, s.start, v_start)
            for m in sm:
                if clause <= m.start and m.end <= v_start and _type(doc, m) == "Person":
                    for t in (*also, tm):
                        doc.relate("holdsPosition", doc.entity(m.label).label, firm_of or body, s.index, t.group())
                        elected.setdefault((s.index, t.group()), set()).add(doc.entity(m.label).label)
    if elected:  # A当选联盟理事长,B副校长C: the post elected to is A's, not a second title of C
        doc.relations[:] = [r for r in doc.relations if not (
            r.predicate == "holdsPosition" and r.object is None and r.subject not in elected.get((r.sentence, r.title or ""), {r.subject}))]
