"""Firms that moved in at a ceremony of moving in (…企业集中入驻仪式): the ones listed after
首批入驻企业中 or after a sentence about the projects that moved in settle in its park."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _is_org, _type
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.doc import Doc


#: a sentence about the firms that moved in at the event: 首批入驻企业中, 此次入驻的企业有
_ARRIVALS = re.compile(r"(?:据介绍,|其中,)?(?:首批|此次|本次|这批)?(?:集中)?入驻(?:的)?企业(?:中|有|包括|分别是)")
#: a sentence about the projects that moved in, whose next sentence lists them (其中,A投资…;B投资…)
_ARRIVED_PROJECTS = re.compile(r"(?:首批|此次|本次|这批)?(?:集中)?(?:签约)?入驻的(?:企业|项目)")


#: the firms just named all moved in: 三家企业均为首批入驻合作园企业
_ALL_ARRIVED = re.compile(r"(?:\d+|[两三四五六七八九十]+)家企业(?:均为|均是|都是|皆为|均系)(?:首批|此次|本次)?(?:集中)?(?:入驻|落户)")
#: a count of firms that (will) move in, whose next sentence lists their projects: 6家企业将入驻产业园
_FIRMS_MOVING_IN = re.compile(r"(?:\d+|[两三四五六七八九十]+)家企业(?:将|已|正式|集中)*(?:签约)?入驻")
#: the body that signs with the counted firms: X + 与首批6家企业签约
_SIGNED_WITH_FIRMS = re.compile(r"与(?:首批|这|此)?(?:\d+|[两三四五六七八九十]+)家企业(?:集中|正式)?(?:签约|签订|签署)")


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
    signer = None  # X与首批6家企业签约: the body the listed firms signed with
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
                    if signer is not None and signer != firm.label:
                        doc.relate("partnerOf", firm.label, signer, s.index)
                        doc.relate("participatedIn", firm.label, main_e.label, s.index)
        counted = _FIRMS_MOVING_IN.search(s.text)
        after_projects = _ARRIVED_PROJECTS.match(s.text) is not None or counted is not None
        signer = None
        if counted is not None and (w := _SIGNED_WITH_FIRMS.search(s.text)) is not None:
            signer = next((m.label for m in _sent_mentions(doc, s) if m.end == s.start + w.start() and _is_org(_type(doc, m))), None)
        if _ARRIVALS.match(s.text) is None and _ALL_ARRIVED.search(s.text) is None:
            continue  # (其中,A投资…,B投资…,三家企业均为首批入驻合作园企业: each firm named)
        for m in _sent_mentions(doc, s):
            if _type(doc, m) == "Company":
                doc.relate("settledIn", m.label, target, s.index)


#: an event of a firm's seat moving in: X集团东北区域总部落户暨项目签约仪式, X总部迁址签约暨揭牌仪式
_SEAT_MOVES = ("落户", "迁址", "迁入", "入驻")


def settled_by_event(doc: Doc) -> None:
    """X集团Y区域总部落户暨项目签约仪式在P举行: the firm its name opens with settles in the park P
    (the park the name writes after 落户, else the event's location when it is a park); finalise
    hands the fact to the firm's one subsidiary named for P's place, when there is one."""
    firms = sorted(((n, e.label) for e in doc.entities.values() if e.type == "Company" for n in (e.label, *e.aliases) if len(n) >= 4),
                   key=lambda x: -len(x[0]))
    parks = sorted({n: e.label for e in doc.entities.values() if e.type == "Park" for n in (e.label, *e.aliases)}.items(),
                   key=lambda x: -len(x[0]))  # (the longest name first, sorted once)
    for e in [e for e in doc.entities.values() if e.type == "Event"]:
        at = next((e.label.find(w) for w in _SEAT_MOVES if w in e.label), -1)
        firm = next((label for n, label in firms if e.label.startswith(n)), None) if at > 0 else None
        if firm is None:
            continue
        after = e.label[at + 2 :]
        park = next((label for n, label in parks if after.startswith(n)), None)
        if park is None:
            park = next((str(r.object) for r in doc.relations if r.predicate == "location" and r.subject == e.label
                         and doc.type_of(str(r.object)) == "Park"), None)
        if park is not None and not doc.has_relation("settledIn", firm):
            doc.relate("settledIn", firm, park, e.mentions[0].sentence if e.mentions else 0)
