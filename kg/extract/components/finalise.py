"""The last step: drop what the graph must not hold."""

from __future__ import annotations

import re

from kg.extract.components.entities import _merge as merge
from kg.extract.doc import Doc
from kg.extract.lexicon import words
from kg.extract.registry import component


#: what follows the place of a byline (记者X/台北报导, 记者X 北京报道)
_FILED = ("报导", "报道", "報導", "報道")


@component("finalise")
def finalise(doc: Doc) -> None:
    """Drop people of bylines, entities left without mention or fact, and a locatedIn that a
    settledIn of the same pair states more precisely."""
    byline = tuple(words("byline"))
    for label, e in list(doc.entities.items()):
        if e.type == "Person" and e.mentions and all(
            doc.text[max(0, m.start - 5) : m.start].rstrip().endswith(byline) for m in e.mentions
        ):
            doc.entities.pop(label)
    # 记者 林佩君/台北报导: where the reporter files from, no place of the story
    for label, e in list(doc.entities.items()):
        if e.type == "Place" and e.mentions and all(doc.text.startswith(_FILED, m.end) for m in e.mentions):
            _drop(doc, label)
    # X研发中心项目: the project of building the centre; the centre named only inside it is not
    # a body of its own yet
    projects = [m for m in doc.mentions if m.type == "Project"]
    for label, e in list(doc.entities.items()):
        if e.type != "ResearchInstitute" or not e.mentions or doc.entity(label + "项目") is None:
            continue
        if all(any(p.start <= m.start and m.end <= p.end and p.label == label + "项目" for p in projects) for m in e.mentions):
            _drop(doc, label)
    # a government body has no sector of its own (SCHEMA: inIndustry is a firm's, park's, project's, event's…): 科技局
    # 局长X表示,将聚焦A、B is the body's work, not its industry
    doc.relations[:] = [r for r in doc.relations if not (r.predicate == "inIndustry" and doc.type_of(r.subject) == "GovernmentBody")]
    _firm_bases(doc)
    _bare_suffix_names(doc)
    _side_events_to_come(doc)
    _settled_through_subsidiary(doc)
    _firms_launched_by_name(doc)
    # settledIn is the narrower locatedIn: one fact for a firm that sits in and moved into a park
    settled = {(r.subject, r.object) for r in doc.relations if r.predicate == "settledIn"}
    if settled:
        doc.relations[:] = [r for r in doc.relations if not (r.predicate == "locatedIn" and (r.subject, r.object) in settled)]


#: a sentence on what an event will also hold (大会期间还将举办X论坛、Y对接会等6项活动)
_TO_COME = re.compile("(?:期间|其间|同期)[^。]{0,4}还将(?:举办|举行|开展)")


def _side_events_to_come(doc: Doc) -> None:
    """Side events only announced as still to come during the article's event (期间还将举办X、Y):
    no event of the story yet, unless the text says more of them (a date, a place, a part in them)."""
    main = doc.notes.get("main_event")
    for label, e in list(doc.entities.items()):
        if e.type != "Event" or label == main or not e.mentions:
            continue
        if all(_TO_COME.search(doc.sentences[m.sentence].text) for m in e.mentions) \
                and not any(r.subject == label or r.object == label for r in doc.relations if r.predicate != "inIndustry"):
            _drop(doc, label)


def _drop(doc: Doc, label: str) -> None:
    """Take entity ``label`` out, with every fact about it."""
    doc.entities.pop(label)
    doc.relations[:] = [r for r in doc.relations if r.subject != label and r.object != label]


#: Suffixes that make a name alone (name_suffixes.tsv's minimum stem 0), and the type they name.
_BARE_NAMES = {"母基金": "Fund", "主基金": "Fund"}


def _bare_suffix_names(doc: Doc) -> None:
    """韶关市产业投资母基金 … 母基金总规模50亿元: the suffix alone, taken as a name, is the one body
    of its kind named in full (here, once the full name is known, even when only an event's name holds it)."""
    for word, typ in _BARE_NAMES.items():
        bare = doc.entities.get(word)
        if bare is None or bare.type != typ:
            continue
        bodies = [e for e in doc.entities.values() if e.type == typ and e.label.endswith(word) and len(e.label) > len(word) + 1]
        if not bodies and word == "主基金" and (main := doc.notes.get("main_event")):
            # 两支子基金均作为主基金的子基金运作: the fund the article's event is named after
            bodies = [e for e in doc.entities.values() if e.type == typ and e.label != word and not e.label.endswith("子基金")
                      and main.startswith(e.label)]
        if len(bodies) != 1:
            continue
        keep = bodies[0].label
        merge(doc, keep, word)
        facts = list(doc.relations)
        doc.relations.clear()
        doc.forget_relations()
        for r in facts:
            doc.relate(r.predicate, keep if r.subject == word else r.subject, keep if r.object == word else r.object, r.sentence, r.title)


def _firm_bases(doc: Doc) -> None:
    """华越电路黄石基地: a firm's own base (its brand, then 基地) is the firm's works, no park."""
    bases = [e.label for e in doc.entities.values() if e.type == "Park" and e.label.endswith("基地")]
    if not bases:
        return
    firms = {n for e in doc.entities.values() if e.type == "Company" for n in (e.label, *e.aliases) if len(n) >= 2}
    for label in bases:
        if any(label.startswith(f) and len(f) < len(label) - 2 for f in firms):
            _drop(doc, label)


def _settled_through_subsidiary(doc: Doc) -> None:
    """X集团区域总部落户运城经开区, with X(运城)科技有限公司 its one subsidiary named for the park's
    place: the subsidiary moved in, not the parent."""
    settled = {(r.subject, str(r.object)) for r in doc.relations if r.predicate == "settledIn"}
    if not settled:
        return  # (no firm settled: nothing to move)
    subs: dict[str, list[str]] = {}
    for r in doc.relations:
        if r.predicate == "subsidiaryOf":
            subs.setdefault(str(r.object), []).append(r.subject)
    if not subs:
        return
    for r in list(doc.relations):
        if r.predicate != "settledIn" or r.subject not in subs:
            continue
        park = str(r.object)
        local = [b for b in subs[r.subject] if _named_for(b, park)]
        if len(local) != 1 or (local[0], park) in settled:
            continue  # (none, two, or the subsidiary said to move in as well: the text's own facts stand)
        doc.relations.remove(r)
        doc.relate("settledIn", local[0], park, r.sentence)
        settled.add((local[0], park))


def _named_for(firm: str, park: str) -> bool:
    """Whether a firm's bracketed place opens the park's name (中科宏远(运城)科技有限公司, 运城经济技术开发区)."""
    a, b = firm.find("("), firm.find(")")
    return 0 < a < b and b - a > 2 and firm[a + 1 : b] in park[:8]  # (广西梧州粤桂合作特别试验区: after its province)


#: an event of one firm's founding or seat (its name tells): 合资协议签约仪式, 揭牌仪式, 区域总部落户
_FIRM_EVENT = ("揭牌", "落户", "总部", "合资", "成立")
#: a signing named plainly: the one deal the article is about
_ONE_DEAL = ("签约仪式", "签字仪式", "签约活动")


def _firms_launched_by_name(doc: Doc) -> None:
    """A firm is launched at an event about it (X合资协议签约仪式, X总部落户暨揭牌仪式, the firm's own
    揭牌), not at a signing of many projects or a government's strategic agreement where a joint
    venture is agreed (SCHEMA 3.1: what the event launched)."""
    from kg.extract.components.short_names import _strip_places

    launched = [r for r in doc.relations if r.predicate == "launched"]
    drop = []
    for r in launched:
        if doc.type_of(str(r.object)) != "Company":
            continue
        ev, firm = str(r.subject), str(r.object)
        brand = _strip_places(firm)[:2]
        if any(w in ev for w in _FIRM_EVENT) or brand in ev or "揭牌" in doc.sentences[r.sentence].text or ev in _ONE_DEAL:
            continue
        drop.append(r)
    if drop:
        doc.relations[:] = [r for r in doc.relations if r not in drop]
