"""Where a visit or a tour places what it sees (places): 在樊城区,书记来到X公司… (visited_places:
the firm and projects of the paragraph lie in the place it opens with; at a firm, the projects are
the firm's), 观摩组来到邓州市,观摩了A项目 (came_to_places), 在X项目现场,Y投资…建设的 (the scene's
builder invests in the project)."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _is_org, _paragraph, _type
from kg.extract.components.refs import bare_park_at
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.components.sites import is_town
from kg.extract.doc import Doc, Span
from kg.extract.lexicon import lexicon
from kg.extract.quantities import AMOUNT_RE, amount_of

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
        then = _THEN_AT.match(text, s.start)
        if place is None and then is None:
            continue  # (no place to go on with, and the sentence opens on none)
        p = _paragraph(doc, s)
        sm = _sent_mentions(doc, s)
        if then is not None and then.end() > s.start + 1 and (bare := bare_park_at(doc, then.end())) is not None \
                and text.startswith(",", bare[1]):
            # 随后,在同一园区,书记来到Y公司: the park of the visit before
            place, para, seen = bare[0], p, None
            sm = [m for m in sm if m.start > bare[1]]
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
        if text.startswith("在", s.start) and sm and sm[0].start == s.start + 1 and k + 1 < len(sm) \
                and _type(doc, sm[k]) in ("Place", "Park") and sm[k + 1].start == sm[k].end \
                and _type(doc, sm[k + 1]) == "Company" and text.startswith(",", sm[k + 1].end):
            # 在大冶经济开发区X公司,…: the firm visited, in the park written right before it
            if not doc.has_relation("locatedIn", sm[k + 1].label) and not doc.has_relation("settledIn", sm[k + 1].label):
                doc.relate("locatedIn", sm[k + 1].label, sm[k].label, s.index)
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
        works = next((m for m in sm if firm is not None and m.start == firm.end and _type(doc, m) == "Company"), None)
        firm = works or firm  # 走进X有限公司 + 锦界热电厂: the works visited
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
                                         or m.end == firm.start and (_type(doc, m) == "Park" or is_town(m.label)))
                       and _type(doc, m) in ("Park", "Place")), None)
            if at is not None and at.label != place and (_type(doc, at) == "Park" or is_town(at.label)):
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
    # (a park named after its city, 神木高新区, lies in that city: the city's chain holds the visit too)
    opens = next((p.label for n in (4, 3, 2) if (p := lex.places.get(place[:n])) is not None), None) if place not in lex.places else None
    for x in (place, opens, doc.notes.get("home"), doc.notes.get("home_city")):
        seen = 0
        while x and seen < 4:
            ok.add(x)
            if (known := lex.places.get(x)) is not None:
                ok.add(known.label)
            x, seen = lex.parent_label(x), seen + 1
    return named.label not in ok


#: a sentence opening on where it goes on (在P,), after a word of sequence (随后,在同一园区,)
_THEN_AT = re.compile("(?:(?:随后|接着|之后|紧接着|其后),?)?在")
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
