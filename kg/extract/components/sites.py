"""Where projects and parks are: the place of the ceremony named after them, the place or park a
clause opens with (昆山开发区有5个项目开工…; 陆家镇的X项目…), and the town that hosts them."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _is_org, _paragraph, _type, has_type
from kg.extract.components.refs import bare_park_at
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.components.refs import sentences_mentions
from kg.extract.doc import Doc, Span
from kg.extract.lexicon import lexicon
from kg.extract.names import PHASE
from kg.extract.quantities import AMOUNT_RE, amount_of

#: what a ceremony named after a park or project does to it (X开工仪式, X项目奠基仪式)
_CEREMONY = re.compile("(?:集中)?(?:开工|奠基|开园|揭牌|签约|竣工|投产|启动|开业)")
#: where a ceremony was held: 在P举行, 地点位于P, 于…在P召开
_HELD_AT = re.compile("(?:(?:于[^,。;]{0,16})?在|地点(?:位于|在|设在|为))$")
_HELD = re.compile("(?:隆重|正式|盛大)?(?:举行|召开|举办|开幕|启动)")


def ceremony_sites(doc: Doc) -> None:
    """X开工仪式在张浦镇举行 -> X (and the project X项目) in 张浦镇; 地点位于南太湖新区康山街道 -> both."""
    events = [e for e in doc.entities.values() if e.type == "Event" and e.mentions]
    if not events:
        return
    named = [e for e in doc.entities.values() if e.type in ("Park", "Project") and e.mentions]
    # each one's names, longest first, sorted once (nothing below changes a name)
    named_names = [(x, sorted({x.label, *x.aliases}, key=len, reverse=True)) for x in named]
    for ev in events:
        found = []
        for x, names in named_names:
            for n in names:
                i = ev.label.find(n) if len(n) >= 4 else -1
                if i >= 0 and _CEREMONY.match(ev.label, i + len(n)):
                    found.append((i, i + len(n), x))
                    break
        # the longest name that opens the ceremony, not a bare part of it (卫蓝…二期项目, not 二期项目)
        inside = [x for a, b, x in found if not any((c <= a and b <= d) and (d - c) > (b - a) for c, d, _ in found)]
        if not inside:
            continue
        # the project named after a park that starts with the ceremony: X -> X项目
        for x in list(inside):
            if x.type == "Park":
                proj = doc.entity(x.label + "项目")
                if proj is not None and proj.type == "Project" and proj not in inside:
                    inside.append(proj)
        sites = _sites(doc, ev)
        for x in inside:
            park = _park_in_name(doc, x)
            if park is not None:  # X产业园二期项目: in the park its name extends, wherever the ceremony is
                doc.relate("locatedIn", x.label, park, x.mentions[0].sentence)
                continue
            for p in sites:
                if p.label != x.label:
                    doc.relate("locatedIn", x.label, p.label, doc.sentence_at(p.start))


#: a phase at the end of a project's stem: X产业园 + 二期
_PHASE_END = re.compile(PHASE.pattern + "(?:工程)?$")


def _park_in_name(doc: Doc, x) -> str | None:
    """The park a phase project is named after (X产业园二期项目 -> X产业园), if the text names it."""
    if x.type != "Project" or not x.label.endswith("项目"):
        return None
    stem = x.label[: -len("项目")]
    bare = _PHASE_END.sub("", stem)
    if bare == stem or len(bare) < 4:
        return None
    park = doc.entity(bare)
    return park.label if park is not None and park.type == "Park" else None


def _sites(doc: Doc, ev) -> list[Span]:
    """The places or parks where the event is said to be held (a run of adjacent ones)."""
    text = doc.text
    for em in ev.mentions:
        s = doc.sentences[em.sentence]
        sm = _sent_mentions(doc, s)
        for m in sm:
            if m.start < em.end or _type(doc, m) not in ("Place", "Park"):
                continue
            if not _HELD_AT.search(text, max(em.end, m.start - 20), m.start):
                continue
            run = [m]
            for n in sm:
                if n.start == run[-1].end and _type(doc, n) in ("Place", "Park"):
                    run.append(n)
            tail = text[run[-1].end : run[-1].end + 6]
            if text[m.start - 2 : m.start] == "地点" or text[m.start - 4 : m.start - 2] == "地点" or _HELD.match(tail):
                return run
    return []


#: a clause that opens with a place or park: 昆山开发区有5个项目开工…, 陆家镇的X项目…, 千灯镇则有Y等项目开工,
#: also after a short lead-in (据统计,此行P共签下A项目、B项目等5个项目)
_OPEN = re.compile("(?:[^,;。:\"]{1,6},)?(?:其中|另外|此外|同时|此行|此次|本次|这次|今年)?,?")


#: a clause that opens at a venue of the event: 在P + 分会场,
_OPEN_AT = re.compile("(?:其中|另外|此外|同时)?,?在")
_SEMI_OR_STOP = re.compile("[;。]")
_SETTLES = re.compile("落户|入驻|选址|位于|落地|坐落|迁入")


def clause_topics(doc: Doc) -> None:
    """Projects of a clause that opens with a place or park (not a country or province) are there."""
    lex = lexicon()
    text = doc.text
    for s, sm in zip(doc.sentences, sentences_mentions(doc)):
        if not has_type(doc, sm, "Project"):
            continue  # (only a project is placed below)
        bounds = [s.start] + [s.start + m.end() for m in _SEMI_OR_STOP.finditer(s.text)] + [s.end]
        for a, b in zip(bounds, bounds[1:]):
            cm = [m for m in sm if a <= m.start and m.end <= b]
            if not cm:
                continue
            topic = cm[0]
            if _type(doc, topic) not in ("Place", "Park"):
                continue
            if not _OPEN.fullmatch(text[a : topic.start]) and not (_OPEN_AT.fullmatch(text[a : topic.start])
                                                                    and text.startswith("分会场,", topic.end)):
                continue  # (在桂平市分会场,A…建设X项目: the part of the event held there)
            p = lex.place(topic.label)
            if p and p.level in ("country", "province"):
                continue
            if _SETTLES.search(text[topic.end : b]):
                continue  # the verb says where (深圳的X项目落户昆山)
            for m in cm[1:]:
                t = _type(doc, m)
                listed = text[m.start - 1 : m.start] in ("、", "和", "及") or text[m.end : m.end + 1] in ("、", "和", "及", "等")
                if t in ("Place", "Park") and m.start != topic.end and not listed and m.label != topic.label:
                    break  # another place takes over
                if t == "Project":
                    doc.relate("locatedIn", m.label, topic.label, s.index)


_TOWN = re.compile("(?:镇|街道|乡)$")


def host_towns(doc: Doc, home: str | None) -> None:
    """A town that hosts a project or park of an article about its county is in that county
    (张浦镇开工5个项目 in a 昆山 article -> 张浦镇 in 昆山)."""
    lex = lexicon()
    hp = lex.place(home) if home and doc.type_of(home) == "Place" else None
    if hp is None or hp.level not in ("county", "city"):
        # an article about a park: its city; else the county the main event is named after, once a town needs it
        city = doc.notes.get("home_city")
        cp = lexicon().place(city) if city and doc.type_of(city) == "Place" else None
        home = city if cp is not None and cp.level in ("county", "city") and doc.type_of(home) == "Park" else None
    hosted = set()
    for r in doc.relations:
        if r.predicate == "locatedIn" and isinstance(r.object, str) and doc.type_of(r.subject) in ("Project", "Park"):
            hosted.add(r.object)
    for label in sorted(hosted):
        e = doc.entity(label)
        if e is None or e.type != "Place" or not _TOWN.search(label) or lex.place(label) is not None:
            continue
        if doc.has_relation("locatedIn", label):
            continue
        home = home or _event_county(doc)
        if home is None:
            return
        doc.relate("locatedIn", label, home, e.mentions[0].sentence if e.mentions else 0)


def _event_county(doc: Doc) -> str | None:
    """The county or city the main event is named after (2019宁海春季重大项目集中开工 -> 宁海), as a
    Place entity; None when the event names none."""
    label = doc.notes.get("main_event")
    if not label:
        return None
    lex = lexicon()
    for k in range(len(label) - 1):
        for n in (4, 3, 2):
            p = lex.place(label[k : k + n])
            if p and p.level in ("county", "city"):
                surface = label[k : k + n]
                e = doc.entity(surface) or doc.entity(p.label)
                if e is not None:
                    return e.label if e.type == "Place" else None
                doc.ensure_entity("Place", surface, {p.label})
                return surface
    return None


_TO_SETTLE = re.compile(r"(?:入驻|进驻|落户)(?:园区|产业园|基地)?(?:的)?项目")
_TO_SETTLE_HEAD = re.compile(r"等?(?:\d+|[一二三四五六七八九十两]+)?个?(?:拟|将|已|首批)?$")


def settling_projects(doc: Doc) -> None:
    """A、B等4个拟入驻项目: the projects settle in the park the text is about there (the park named last)."""
    from kg.extract.components.clauses import _subjects_before

    for s in doc.sentences:
        for vm in _TO_SETTLE.finditer(s.text):
            head = _TO_SETTLE_HEAD.search(s.text, max(0, vm.start() - 8), vm.start())
            at = s.start + (head.start() if head else vm.start())
            sm = _sent_mentions(doc, s)
            projects = [m for m in _subjects_before(doc, sm, at) if _type(doc, m) == "Project"]
            if not projects:
                continue
            # the park the article is about by then: most named, the later at equal count
            count: dict[str, int] = {}
            for m in doc.mentions:
                if m.end <= at and _type(doc, m) == "Park":
                    count[m.label] = count.get(m.label, 0) + 1
            if not count:
                continue
            last = {m.label: m.start for m in doc.mentions if m.label in count and m.end <= at}
            park = max(count, key=lambda k: (count[k], last[k]))
            for m in projects:
                doc.relate("locatedIn", m.label, park, s.index)


def home_park_city(doc: Doc) -> None:
    """An article about a park (its home) in a city it does not carry in its name: the park is in
    that city (南太湖新区 in a 湖州 article; not 苏州高新区 in 苏州, which says it)."""
    home, city = doc.notes.get("home"), doc.notes.get("home_city")
    if not home or not city or home == city or doc.type_of(home) != "Park" or doc.type_of(city) != "Place":
        return
    if home.startswith(city) or doc.has_relation("locatedIn", home):
        return
    e = doc.entity(home)
    lex = lexicon()
    if any(lex.place(home[k : k + n]) for k in range(len(home)) for n in (2, 3)):
        return  # a park named after another place
    doc.relate("locatedIn", home, city, e.mentions[0].sentence if e and e.mentions else 0)


#: a project's site as a scene: 在X项目(建设)现场,
_SCENE = re.compile("(?:建设|施工)?现场,")
#: a builder's spending right after its name: Y + 投资4.2亿元建设的
_SPENT_ON = re.compile("(?:投资|总投资)(" + AMOUNT_RE.pattern + ")(?:建设|兴建|打造)的")


def _scene_builder(doc: Doc, sm: list[Span], project: str, at: int, sent: int) -> None:
    """The organisation of the scene's sentence that spends on building there invests in its project."""
    for m in sm:
        if m.start < at or not _is_org(_type(doc, m)):
            continue
        spent = _SPENT_ON.match(doc.text, m.end)
        if spent is None:
            continue
        if not doc.has_relation("investor", project):
            doc.relate("investor", project, m.label, sent)
        amount = amount_of(AMOUNT_RE.match(spent.group(1)))
        if amount is not None and not doc.has_relation("investment", project):
            doc.relate("investment", project, amount, sent)
        return


#: the firm just visited, taken up again: 该公司, 该企业
_IT_FIRM = re.compile("该(?:公司|企业)")
#: 落户高新区的, 今年入驻园区的: a firm described by its moving in, right before its name
_MOVED_IN_BEFORE = re.compile("(?:落户|入驻|进驻)[^,。;]{0,8}的$")


def visited_places(doc: Doc) -> None:
    """在樊城区,书记来到X公司…: the firm each sentence of that paragraph visits (the first one it
    names) and the projects it names lie in the place the paragraph opens with; in a paragraph that
    opens with a firm (在X公司,…察看Y项目) the projects are the firm's."""
    text = doc.text
    place, para, seen = None, -1, None
    for s in doc.sentences:
        if place is None and not text.startswith("在", s.start):
            continue  # (no place to go on with, and the sentence opens on none)
        p = _paragraph(doc, s)
        sm = _sent_mentions(doc, s)
        if text.startswith("在", s.start) and sm and sm[0].start == s.start + 1 and _type(doc, sm[0]) == "Project" \
                and (scene := _SCENE.match(text, sm[0].end)) is not None:
            # 在X项目现场,县属国有平台Y投资4.2亿元建设的厂房已封顶: a new scene, the project's own builder
            place, para, seen = None, p, None
            _scene_builder(doc, sm, sm[0].label, scene.end(), s.index)
            continue
        k = 0  # (在钟山区德江新区,: a run of places, the last the most precise)
        while k + 1 < len(sm) and sm[k + 1].start == sm[k].end and _type(doc, sm[k]) in ("Place", "Park") \
                and _type(doc, sm[k + 1]) in ("Place", "Park"):
            k += 1
        if text.startswith("在", s.start) and sm and sm[0].start == s.start + 1 and text[sm[k].end : sm[k].end + 1] == "," \
                and _type(doc, sm[k]) in ("Place", "Park", "Company"):
            place, para, seen = sm[k].label, p, None
            if k and _type(doc, sm[k]) == "Park" and _type(doc, sm[k - 1]) == "Place" and not doc.has_relation("locatedIn", place):
                doc.relate("locatedIn", place, sm[k - 1].label, s.index)  # 德江新区 in 钟山区
            sm = sm[k + 1 :]
        elif p != para:
            place = None
        if place is None:
            continue
        if seen is not None and _IT_FIRM.search(s.text):
            # 在新邵县,书记来到X公司…。Y介绍,该公司…,Z项目一期已投产: the projects said of the firm seen are its own
            for m in sm:
                if _type(doc, m) == "Project" and not doc.has_relation("investor", m.label):
                    doc.relate("investor", m.label, seen, s.index)
        if doc.type_of(place) == "Company":
            # 在X公司,书记察看Y项目运行情况: the projects seen at a firm are its own
            for m in sm:
                if _type(doc, m) == "Project" and not doc.has_relation("investor", m.label):
                    doc.relate("investor", m.label, place, s.index)
            continue
        firm = next((m for m in sm if _type(doc, m) == "Company"), None)
        if firm is not None and seen is not None and _IT_FIRM.match(text, s.start):
            firm = None  # 该公司由A与B合资组建: the firm seen before, with its founders named
        if firm is not None and _named_elsewhere(doc, firm.label, place):
            firm = None  # 该公司是江苏X集团…的全资子公司: the parent, named for a place far from the visit
        if firm is not None and seen is None:
            seen = firm.label
        where = place
        if firm is not None:
            # 走进邵东经济开发区的X公司 / 来到酿溪镇的X公司: the firm is in the park or town written before it,
            # and a town in the paragraph's place
            at = next((m for m in sm if (m.end + 1 == firm.start and text[m.end] == "的"
                                         or m.end == firm.start and (_type(doc, m) == "Park" or _TOWN.search(m.label)))
                       and _type(doc, m) in ("Park", "Place")), None)
            if at is not None and at.label != place and (_type(doc, at) == "Park" or _TOWN.search(at.label)):
                where = at.label
                if _type(doc, at) == "Place" and not doc.has_relation("locatedIn", at.label) and doc.type_of(place) == "Place":
                    doc.relate("locatedIn", at.label, place, s.index)
        for m in ([firm] if firm else []) + [m for m in sm if _type(doc, m) == "Project"]:
            if not doc.has_relation("locatedIn", m.label) and not doc.has_relation("settledIn", m.label):
                if m is firm and where != place:
                    doc.relate("locatedIn", m.label, where, s.index)
                    continue
                # 调研了今年落户高新区的X公司: a firm that moved into the visited park settled there
                moved_in = m is firm and doc.type_of(place) == "Park" and _MOVED_IN_BEFORE.search(text, max(s.start, m.start - 14), m.start)
                doc.relate("settledIn" if moved_in else "locatedIn", m.label, place, s.index)


def _named_elsewhere(doc: Doc, label: str, place: str) -> bool:
    """Whether a firm's name opens with a place that is neither the visited one, nor one that
    holds it or the article's city (北京X科技有限公司 seen in 漳河新区 of a 荆门 article)."""
    lex = lexicon()
    named = next((p for n in (4, 3, 2) if (p := lex.places.get(label[:n])) is not None), None)
    if named is None:
        return False
    ok: set[str] = set()
    for x in (place, doc.notes.get("home"), doc.notes.get("home_city")):
        seen = 0
        while x and seen < 4:
            ok.add(x)
            if (known := lex.places.get(x)) is not None:
                ok.add(known.label)
            x, seen = lex.parent_label(x), seen + 1
    return named.label not in ok


#: a visit to a place: (观摩组)来到P, / 走进P,
_CAME_TO = re.compile("(?:来到|走进|前往|转战|赶赴)$")
_CAME_TO_WORD = re.compile("来到|走进|前往|转战|赶赴")


def came_to_places(doc: Doc) -> None:
    """随后,观摩组来到邓州市,观摩了A项目、B项目: the projects seen after coming to a place lie there."""
    text = doc.text
    for s in doc.sentences:
        if _CAME_TO_WORD.search(s.text) is None:
            continue  # (_CAME_TO needs one of its verbs, inside the sentence)
        sm = _sent_mentions(doc, s)
        for k, p in enumerate(sm):
            if _type(doc, p) not in ("Place", "Park") or text[p.end : p.end + 1] != "," \
                    or not _CAME_TO.search(text, max(s.start, p.start - 2), p.start):
                continue
            for m in sm[k + 1 :]:
                if _type(doc, m) == "Project" and not doc.has_relation("locatedIn", m.label) and not doc.has_relation("settledIn", m.label):
                    doc.relate("locatedIn", m.label, p.label, s.index)
            break


#: the projects just listed, placed together: 上述项目均落户P, 以上项目全部位于P
_THOSE_PROJECTS = re.compile("(?:上述|以上|这些)(?:[\\d一二两三四五六七八九十]+个)?(?:重点|重大|签约)?项目(?:均|全部|都|将)*(?:落户|位于|选址|落地|建在|布局在?)(?:于|在)?")


def listed_projects_placed(doc: Doc) -> None:
    """…X项目;…Y项目。上述项目均落户P: the projects of the sentence before lie in P."""
    for s in doc.sentences:
        m = _THOSE_PROJECTS.search(s.text)
        if m is None or not s.index:
            continue
        at = s.start + m.end()
        where = next((x for x in _sent_mentions(doc, s) if x.start == at and _type(doc, x) in ("Place", "Park")), None)
        if where is None:
            continue
        listed = {x.label for x in _sent_mentions(doc, doc.sentences[s.index - 1]) if _type(doc, x) == "Project"}
        if _type(doc, where) == "Park":  # the park stated for them, over the city they were given by default
            doc.relations[:] = [r for r in doc.relations if not (r.predicate == "locatedIn" and r.subject in listed
                                                                 and doc.type_of(r.object) == "Place")]
        for label in sorted(listed):
            doc.relate("locatedIn", label, where.label, s.index)


#: a batch settling in a park: 首批8个项目签约入驻(园区), 12家企业集中入驻
_BATCH_SETTLES = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)(?:个|家)[^,。;]{0,8}?(?:项目|企业)(?:集中)?(?:签约)?(?:入驻|落户|进驻)")
_OF_THEM = re.compile("其中[,:]?")


def settled_batches(doc: Doc) -> None:
    """首批8个项目签约入驻园区。其中,A投资…;B投资…: the firm opening each clause of the list
    after 其中 (in that sentence or the next) settles in the park."""
    text = doc.text
    if "入驻" not in text and "落户" not in text and "进驻" not in text:
        return  # (every match of _BATCH_SETTLES ends in one of them)
    sentences = doc.sentences
    for s in sentences:
        m = _BATCH_SETTLES.search(s.text)
        if m is None:
            continue
        at = s.start + m.end()
        sm = _sent_mentions(doc, s)
        park = next((x.label for x in sm if x.start == at and _type(doc, x) == "Park"), None)
        if park is None and (bare := bare_park_at(doc, at)) is not None:
            park = bare[0]
        if park is None:
            continue
        rest = _OF_THEM.search(text, at, s.end)
        target = s if rest is not None else sentences[s.index + 1] if s.index + 1 < len(sentences) else None
        if target is None:
            continue
        if rest is None:
            rest = _OF_THEM.match(text, target.start)
            if rest is None:
                continue
        tm = _sent_mentions(doc, target)
        clause = rest.end()
        while clause < target.end:
            firm = next((x for x in tm if x.start == clause and _type(doc, x) == "Company"), None)
            if firm is not None:
                doc.relate("settledIn", doc.entity(firm.label).label, park, target.index)
            nxt = text.find(";", clause, target.end)
            clause = nxt + 1 if nxt >= 0 else target.end
