"""A ceremony held at the site of the article's event (活动现场还举行了X揭牌仪式) is part of that
event, not an event of its own: what it unveils or launches is the main event's."""

from __future__ import annotations

import re

from kg.extract.doc import Doc
from kg.extract.registry import component
from kg.model import Relation

#: what puts a ceremony inside the event being reported: (活动|仪式)现场还举行了, 会上同步举行
_AT_THE_EVENT = re.compile(
    r"(?:(?:活动|仪式|大会|会议|签约|开工)?现场|会上|仪式上|活动上|期间)(?:,)?(?:还|同时|同步|也|并|一并)*(?:举行|举办)了?$"
)
#: the small ceremonies that happen inside a larger one
_SIDE = ("揭牌仪式", "授牌仪式", "启动仪式", "发布仪式", "启用仪式")


def _is_side(doc: Doc, e) -> bool:
    return e.label.endswith(_SIDE) and bool(e.mentions) and all(
        _AT_THE_EVENT.search(doc.text, doc.sentences[m.sentence].start, m.start) for m in e.mentions)


@component("side_ceremonies")
def side_ceremonies(doc: Doc) -> None:
    main = doc.notes.get("main_event")
    if not main or doc.entity(main) is None:
        return
    side = [e for e in doc.entities.values() if e.type == "Event" and _is_side(doc, e)]
    others = sorted((e for e in doc.entities.values() if e.type == "Event" and e.mentions and e not in side),
                    key=lambda e: e.mentions[0].start)
    if not side or not others:
        return
    main = doc.entity(main).label
    if any(e.label == main for e in side):
        main = others[0].label  # the ceremony held at the site is not the article's event
        doc.notes["main_event"] = main
    for e in side:
        # its launches and takers-part are the main event's; its own date and place go with it
        moved: list[Relation] = []
        for r in doc.relations:
            if r.subject == e.label and r.predicate in ("launched", "investment", "projectCount"):
                moved.append(Relation(r.predicate, main, r.object, r.sentence, r.title))
            elif r.object == e.label and r.predicate in ("participatedIn", "signedAt"):
                moved.append(Relation(r.predicate, r.subject, main, r.sentence, r.title))
        doc.relations[:] = [r for r in doc.relations if e.label not in (r.subject, r.object)]
        doc.entities.pop(e.label)
        doc.mentions[:] = [m for m in doc.mentions if m.label != e.label]
        for r in moved:
            doc.relate(r.predicate, r.subject, r.object, r.sentence, r.title)
