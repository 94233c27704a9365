"""Where projects and parks are: the place or park a clause opens with (昆山开发区有5个项目开工…;
陆家镇的X项目…), the town that hosts them, the projects listed or settling together. The place of
the ceremony named after them is read in ceremony_sites.py, the places of a visit in visits.py."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _type, has_type
from kg.extract.components.refs import bare_park_at, sentences_mentions
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.doc import Doc
from kg.extract.lexicon import lexicon
from kg.model import Sentence

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


def is_town(label: str) -> bool:
    """Whether a place is a town or street (梅岭镇, 康山街道), not a county-level city named with
    乡 (湘乡, 乡宁 are in the lexicon, which holds counties and above only)."""
    return _TOWN.search(label) is not None and lexicon().place(label) is None


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


#: the projects just listed, placed together: 上述项目均落户P, 以上项目全部位于P
_THOSE_PROJECTS = re.compile("(?:上述|以上|这些)(?:[\\d一二两三四五六七八九十]+个)?(?:重点|重大|签约)?项目(?:均|全部|都|将)*(?:落户|位于|选址|落地|建在|布局在?)(?:于|在)?")


def listed_projects_placed(doc: Doc) -> None:
    """…X项目;…Y项目。上述项目均落户P: the projects of the sentence before lie in P; 签约的3个项目均落户P。
    其中,A投资…建设X项目;…: those of the sentence after."""
    for s in doc.sentences:
        m = _THOSE_PROJECTS.search(s.text)
        ahead = _COUNTED_PROJECTS.search(s.text) if m is None else None
        then_listed = s.index + 1 < len(doc.sentences) and _OF_THEM.match(doc.sentences[s.index + 1].text)
        if ahead is not None and then_listed:
            m, listed_in = ahead, doc.sentences[s.index + 1]  # (the projects counted, then listed after 其中)
        elif m is not None and s.index:
            listed_in = doc.sentences[s.index - 1]
        elif then_listed and (own := _PARKS_OWN.search(s.text)) is not None:
            # 目前P在建的先进材料项目进展顺利。其中,A总投资22亿元的X项目…: the park's own, listed after
            park = next((x for x in _sent_mentions(doc, s) if x.end == s.start + own.start() and _type(doc, x) == "Park"), None)
            if park is not None:
                for x in sorted({x.label for x in _sent_mentions(doc, doc.sentences[s.index + 1]) if _type(doc, x) == "Project"}):
                    doc.relations[:] = [r for r in doc.relations if not (r.predicate == "locatedIn" and r.subject == x and doc.type_of(r.object) == "Place")]
                    doc.relate("locatedIn", x, park.label, s.index)
            continue
        else:
            continue
        at = s.start + m.end()
        where = next((x for x in _sent_mentions(doc, s) if x.start == at and _type(doc, x) in ("Place", "Park")), None)
        if where is None:
            continue
        listed = {x.label for x in _sent_mentions(doc, listed_in) if _type(doc, x) == "Project"}
        if _type(doc, where) == "Park":  # the park stated for them, over the city they were given by default
            doc.relations[:] = [r for r in doc.relations if not (r.predicate == "locatedIn" and r.subject in listed
                                                                 and doc.type_of(r.object) == "Place")]
        for label in sorted(listed):
            doc.relate("locatedIn", label, where.label, s.index)


#: a park's own projects, listed in the sentence after (P + 在建的先进材料项目…。其中,…)
_PARKS_OWN = re.compile("(?:目前|今年以来|今年|已)?(?:在建|新建|新开工|已开工|开工建设|落地)的[^,。;的]{0,12}?项目")

#: the projects counted, placed together, before their list: 现场签约的3个项目均落户P, 12个项目全部位于P
_COUNTED_PROJECTS = re.compile("(?:[\\d一二两三四五六七八九十]+个)(?:重点|重大|签约)?项目(?:均|全部|都|将)+(?:落户|位于|选址|落地|建在)(?:于|在)?")


def _park_at(doc: Doc, s: Sentence, at: int) -> str | None:
    """The park named at ``at`` in sentence ``s``, or the one a bare park word there stands for."""
    park = next((x.label for x in _sent_mentions(doc, s) if x.start == at and _type(doc, x) == "Park"), None)
    if park is None and (bare := bare_park_at(doc, at)) is not None:
        park = bare[0]
    return park


#: the firms just named settling together: 以上企业将入驻产业园, 上述3家企业均落户P
_THOSE_FIRMS = re.compile("(?:上述|以上|这些)(?:[\\d一二两三四五六七八九十]+家)?(?:签约)?企业(?:均|全部|都|将|已|拟)*(?:入驻|进驻|落户)(?:于|在)?")


def listed_firms_settled(doc: Doc) -> None:
    """…A投资N建设X项目;B投资…。以上企业将入驻产业园: the firms investing in the projects named before
    (in that sentence, else the one before) settle in the park."""
    for s in doc.sentences:
        m = _THOSE_FIRMS.search(s.text)
        if m is None:
            continue
        park = _park_at(doc, s, s.start + m.end())
        if park is None:
            continue
        before = [x for x in _sent_mentions(doc, s) if x.end <= s.start + m.start()]
        if not any(_type(doc, x) == "Project" for x in before) and s.index:
            before = _sent_mentions(doc, doc.sentences[s.index - 1])
        projects = {x.label for x in before if _type(doc, x) == "Project"}
        named = {doc.entity(x.label).label for x in before if _type(doc, x) == "Company"}
        for r in doc.relations:
            if r.predicate == "investor" and r.subject in projects and r.object in named:
                doc.relate("settledIn", r.object, park, s.index)


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
        park = _park_at(doc, s, at)
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
