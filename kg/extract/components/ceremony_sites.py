"""Where a ceremony named after a park or project places it (places): X开工仪式在张浦镇举行 -> X
(and the project X项目) in 张浦镇; 地点位于南太湖新区康山街道 -> both; X产业园二期项目: in the park
its name extends, wherever the ceremony is."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _type
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.doc import Doc, Span
from kg.extract.names import PHASE

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
