"""The article's home for the parks and projects no rule placed (places), and whether it may hold
one: not one named or mentioned with another city or a place wider than the home, nor a generic
project, a goal (打造…示范区) or a project only visited."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _type
from kg.extract.components.place_tree import _is_parent, _places_named_in
from kg.extract.components.refs import bare_parks_in, resolve_park
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.doc import Doc
from kg.extract.lexicon import lexicon
from kg.extract.segment import pos_tags


def _named_for_wider(label: str, home: str) -> bool:
    """Whether a name holds a place that contains the home one (安庆经开区 when the home is 桐城, a
    county of 安庆): the name places it in the wider place, anywhere in it, not in the home."""
    return any(p.label != home and _is_parent(p.label, home) for p in _places_named_in(label, 8))


#: an item of a list of projects that says where it is (落户P, 选址P, 位于P, 在P建设)
_PLACED_ITEM = re.compile("落户|选址|位于|落地|坐落|在[^,。;在]{2,16}?(?:建设|新建|投建|兴建)")
#: what a place names before a firm it describes (德国企业X, 日本客商): the firm's origin
_FIRM_ORIGIN = ("企业", "客商", "公司", "籍", "独资", "外资", "投资商", "投资者", "财团")


def _foreign(doc: Doc, e, home: str) -> bool:
    """Whether the entity is named or mentioned with another city than the home one."""
    lex = lexicon()
    home_city = doc.notes.get("home_city")
    ok = {home, home_city, lex.parent_label(home_city) if home_city else None}
    if any(p.label not in ok for p in _places_named_in(e.label)):
        return True
    at = e.mentions[0].start
    s = doc.sentences[e.mentions[0].sentence]
    # (the clause of its first mention: 签约项目中,A投资…建设X项目;德国企业B…建设Y项目 places X by its own part)
    lo, hi = doc.text.rfind(";", s.start, at) + 1 or s.start, doc.text.find(";", at, s.end)
    hi = s.end if hi < 0 else hi
    if (lo, hi) != (s.start, s.end) and _PLACED_ITEM.search(doc.text, s.start, s.end):
        lo, hi = s.start, s.end  # (the other items say where they are: this one's place is one the rules missed)
    for m in _sent_mentions(doc, s):
        if not lo <= m.start < hi or doc.text.startswith(_FIRM_ORIGIN, m.end):
            continue  # another clause's, or a firm's origin (德国企业, 日本客商): not where the project is
        if _type(doc, m) == "GovernmentBody" and any(p.label not in ok for p in _places_named_in(m.label, 1)):
            return True  # 信宜市人民政府与X签约,…建设Y项目: signed with another place's government
        if _type(doc, m) == "Place" and m.label not in ok:
            p = lex.place(m.label)
            if p and p.level in ("city", "county", "country"):
                return True
    return False


#: heads of generic project names: 二期项目, 示范区项目, 研发中心项目, 旗舰型项目, 国内外头部项目, 外商投资项目, 台资项目
_GENERIC_HEAD = re.compile("(?:期|区|型|类|大|好|基地|设施|头部|招商|重点|重大|签约|开工|集中|投资|[外内台港侨民]资)$|^(?:研发|创新|运营|服务|结算|数据)中心$")


def _generic_project(label: str) -> bool:
    """A project name with no name of its own (an ordinary word, or a generic head)."""
    stem = label.removesuffix("项目")
    if len(stem) > 6:
        return False
    tag = pos_tags().get(stem)
    return (tag is not None and tag not in ("nz", "nr", "ns", "nt", "nrt", "x", "eng", "j")) or bool(_GENERIC_HEAD.search(stem))


#: what makes a project one the home place gained: signed, settled or started there
_LANDED = re.compile("签约|签下|落户|落地|开工|投产|奠基|竣工|引进|此次|本次")
_STARTED = re.compile("开工|奠基|开园|竣工|投产|启动")
#: a start still to come: 计划明年4月开工, 预计2027年投产
_PLANNED_START = re.compile("(?:计划|预计|拟|将于|力争|争取)[^,。;]{0,10}?(?:开工|奠基|开园|竣工|投产|启动)")
_GOAL = re.compile("(?:打造|建成|建设成为|成为|争创|迈向|加速迈向)[^,。;]*$")


def _park_of_event(doc: Doc, label: str) -> str | None:
    """The park an event's name opens with (杭州临空经济示范区重大产业项目集中开工仪式, or its bare
    示范区… resolved against the parks named before the event)."""
    park = max((e.label for e in doc.entities.values() if e.type == "Park" and len(e.label) >= 4 and label.startswith(e.label)),
               key=len, default=None)
    if park:
        return park
    ev = doc.entity(label)
    if ev is None or not ev.mentions:
        return None
    m = re.match("(?:产业园区|产业园|园区|新区|示范区|开发区|高新区|经开区|保税区|合作区|片区)", label)
    return resolve_park(doc, m.group(), ev.mentions[0].start) if m else None


def place_at_home(doc: Doc, home: str) -> None:
    """The article's home for its parks and projects that no rule placed: where the works of a
    project signed at an event start, the park the sentence names for it, else the home, unless it
    is another place's, a goal, a generic project or one only visited."""
    text = doc.text
    signed = [r for r in doc.relations if r.predicate == "signedAt"]  # (the loop below adds locatedIn facts only)
    for e in list(doc.entities.values()):
        if e.type not in ("Park", "Project") or e.label == home or doc.has_relation("locatedIn", e.label):
            continue
        if not e.mentions or (e.type == "Park" and e.label.startswith(home)):
            continue
        if e.type == "Park" and doc.type_of(home) == "Park" and e.label[:3] == home[:3]:
            continue  # the home park's long form (常熟高新技术产业开发区 of 常熟高新区), or a part the name places
        ev_loc = None
        for r in signed:
            if r.subject != e.label:
                continue
            # started where the works start (开工, 奠基); a signing may be held anywhere in the city
            started = _STARTED.search(str(r.object)) or any(_STARTED.search(_PLANNED_START.sub("", doc.sentences[m.sentence].text))
                                                            for m in e.mentions)  # (计划明年4月开工: not started there)
            if started:
                ev_loc = next((q.object for q in doc.relations if q.predicate == "location" and q.subject == r.object), None)
                ev_loc = ev_loc or _park_of_event(doc, str(r.object))
        if ev_loc:
            doc.relate("locatedIn", e.label, ev_loc, e.mentions[0].sentence)
            continue
        if e.type == "Project":
            # 示范区重大产业项目集中开工…,其中包括X项目: the park the sentence names for it
            first = e.mentions[0]
            s = doc.sentences[first.sentence]
            bare = bare_parks_in(doc, s.start, first.start)
            if bare and not any(_type(doc, m) == "Place" for m in _sent_mentions(doc, s) if m.end <= first.start):
                doc.relate("locatedIn", e.label, bare[-1][1], first.sentence)
                continue
        if _foreign(doc, e, home) or _named_for_wider(e.label, home):
            continue
        if e.type == "Park" and all(_GOAL.search(text, max(doc.sentences[m.sentence].start, m.start - 16), m.start) for m in e.mentions):
            continue  # only ever a goal (打造…示范区, 建成…基地), not a park the text places
        if e.type == "Project" and _generic_project(e.label) and not doc.has_relation("investor", e.label):
            continue  # a generic project name (二期项目, 示范区项目) says nothing of where it is
        if e.type == "Project" and not doc.has_relation("signedAt", e.label) \
                and not any(_LANDED.search(doc.sentences[m.sentence].text) for m in e.mentions):
            continue  # a project only visited or recalled (了解X项目进展): the text does not place it
        doc.relate("locatedIn", e.label, home, e.mentions[0].sentence)
