"""Firms that moved in at a ceremony of moving in (…企业集中入驻仪式): the ones listed after
首批入驻企业中 or after a sentence about the projects that moved in settle in its park."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _type
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.doc import Doc


#: a sentence about the firms that moved in at the event: 首批入驻企业中, 此次入驻的企业有
_ARRIVALS = re.compile(r"(?:据介绍,|其中,)?(?:首批|此次|本次|这批)?(?:集中)?入驻(?:的)?企业(?:中|有|包括|分别是)")
#: a sentence about the projects that moved in, whose next sentence lists them (其中,A投资…;B投资…)
_ARRIVED_PROJECTS = re.compile(r"(?:首批|此次|本次|这批)?(?:集中)?(?:签约)?入驻的(?:企业|项目)")


_LONG_FORMS = (("经开区", ("经济开发区", "经济技术开发区")), ("高新区", ("高新技术产业开发区",)))


def _long_forms(name: str) -> list[str]:
    """A park's short name written in full (来安经开区 -> 来安经济开发区, 来安经济技术开发区)."""
    return [name[: -len(short)] + long for short, longs in _LONG_FORMS if name.endswith(short) for long in longs]


def arrivals_listed(doc: Doc) -> None:
    """首批入驻企业中,A…;B…: the firms of a ceremony of moving in (…企业集中入驻仪式) settle in the
    park its name holds (the one named last, when it names a building in a zone)."""
    main = doc.notes.get("main_event")
    main_e = doc.entity(main) if main else None
    if main_e is None or "入驻" not in main_e.label:
        return
    parks = [e.label for e in doc.entities.values() if e.type == "Park" and e.label in main_e.label]
    if not parks:
        # 安徽来安经开区 … 来安经济开发区企业集中入驻仪式: the park the name writes in its long form
        parks = [e.label for e in doc.entities.values() if e.type == "Park"
                 and any(v in main_e.label for n in (e.label, *e.aliases) for v in _long_forms(n))]
        if len(parks) != 1:
            return
    target = max(parks, key=lambda p: (main_e.label.find(p) + len(p), len(p)))  # (the building in the zone: named last)
    after_projects = False  # the sentence before said 此次入驻的项目…
    for s in doc.sentences:
        if after_projects and s.text.startswith("其中,"):
            # 此次入驻的项目主要集中在…。其中,A投资…;B旗下的C投资…: the firm that spends in each item
            sm = _sent_mentions(doc, s)
            for item in re.finditer("[^;。]+", s.text):
                spend = re.search("投资|总投资", item.group())
                at = s.start + item.start() + (spend.start() if spend else 0)
                firm = max((m for m in sm if s.start + item.start() <= m.start and m.end <= at and _type(doc, m) == "Company"),
                           key=lambda m: m.end, default=None) if spend else None
                if firm is not None:
                    doc.relate("settledIn", firm.label, target, s.index)
        after_projects = _ARRIVED_PROJECTS.match(s.text) is not None
        if _ARRIVALS.match(s.text) is None:
            continue
        for m in _sent_mentions(doc, s):
            if _type(doc, m) == "Company":
                doc.relate("settledIn", m.label, target, s.index)
