"""Bare references: 研究院, 基金 or 名单 alone, after the text has named one such body in full
(大连海洋装备智能制造研究院 … 研究院将聚焦…), is a mention of that body (SCHEMA.md: the bare
form is an alias of the full name), so that the rules after this step read it as the name."""

from __future__ import annotations

import bisect
import re

from kg.extract.components.entities import _merge
from kg.extract.doc import Doc, Span, mention_of
from kg.extract.registry import component
from kg.model import Entity

#: Bare words and the type of the body they stand for.
_BARE_WORDS = {
    "研究院": "ResearchInstitute",
    "研究中心": "ResearchInstitute",
    "实验室": "ResearchInstitute",
    "基金": "Fund",
    "名单": "Initiative",
    "清单": "Initiative",
    "方案": "Initiative",
}
_BARE_ENDS = tuple(_BARE_WORDS)
assert not any(a != b and a.endswith(b) for a in _BARE_WORDS for b in _BARE_WORDS)  # (bare_refs' one pass relies on it)
#: A count before the word makes it a kind (建设3家研究院), not a reference.
_COUNTED = re.compile(r"(?:\d+|[一二两三四五六七八九十百]+)[家个所只支]$")


@component("bare_refs")
def bare_refs(doc: Doc) -> None:
    """Each bare word outside any name, after the one body of its kind named in full, refers to it."""
    starts = [m.start for m in doc.mentions]
    # the bodies named in full, by the bare word their name ends in (one pass over the entities, not
    # one per word: no word ends another, so a name ends in one at most; _refer adds no entity)
    named: dict[str, list[Entity]] = {}
    for e in doc.entities.values():
        label = e.label
        if label.endswith(_BARE_ENDS) and e.mentions:
            word = next(w for w in _BARE_WORDS if label.endswith(w))
            if e.type == _BARE_WORDS[word] and len(label) > len(word) + 1:
                named.setdefault(word, []).append(e)
    for word, typ in _BARE_WORDS.items():
        bodies = named.get(word, [])
        if len(bodies) != 1:
            continue  # none, or several: the word is ambiguous
        body = bodies[0]
        _refer(doc, starts, word, body, typ, after=min(m.start for m in body.mentions), counted=True)
    _new_firm(doc)
    _phase_is(doc)


#: 二期即X项目, 二期项目即X项目: the phase named by what it is
_PHASE_IS = re.compile("([一二三四五六七八九]期)(?:项目|工程)?(?:即|就是|为)")


def _phase_is(doc: Doc) -> None:
    """签署了二期项目合作协议,二期即X项目: the bare phase project is X."""
    for m in _PHASE_IS.finditer(doc.text):
        target = next((x for x in doc.mentions if x.start == m.end() and x.type == "Project"), None)
        if target is None:
            continue
        bare = [label for label, e in doc.entities.items() if e.type == "Project" and label in (m.group(1) + "项目", m.group(1) + "工程")]
        for label in bare:
            _merge(doc, doc.entity(target.label).label, label)


def _refer(doc: Doc, starts: list[int], word: str, body: Entity, typ: str, after: int = -1, counted: bool = False) -> None:
    """Each ``word`` after offset ``after`` outside any name is a mention of ``body`` (``starts``: the
    mentions' starts, kept in step); with ``counted``, not one after a count (建设3家研究院)."""
    text = doc.text
    for m in re.finditer(word, text):
        at, end = m.start(), m.end()
        if at <= after:
            continue
        i = bisect.bisect_right(starts, at)
        if i and doc.mentions[i - 1].end > at or i < len(doc.mentions) and doc.mentions[i].start < end:
            continue  # inside or across a name
        if counted and _COUNTED.search(text, max(0, at - 4), at):
            continue
        span = Span(at, end, typ, body.label, "bare_ref", 1)
        doc.mentions.insert(i, span)
        starts.insert(i, at)
        body.mentions.append(mention_of(doc, span))
        body.aliases.add(word)


#: how a text introduces a firm just formed: 新组建的X集团, 重组后成立的X公司
_NEW_FIRM_BEFORE = re.compile("(?:新组建|新成立|新设立|重组成立|合并组建|合并成立|整合组建)的$")
#: what it calls that firm afterwards
_NEW_FIRM_WORDS = ("新集团", "新公司")


def _new_firm(doc: Doc) -> None:
    """新集团 / 新公司 after 新组建的X集团 is X (SCHEMA.md: a bare form resolved by the text is an alias)."""
    text = doc.text
    if not any(w in text for w in _NEW_FIRM_WORDS):
        return
    firms = {m.label for m in doc.mentions
             if doc.type_of(m.label) == "Company" and _NEW_FIRM_BEFORE.search(text, max(0, m.start - 6), m.start)}
    if len(firms) != 1:
        return
    firm = doc.entity(firms.pop())
    starts = [m.start for m in doc.mentions]
    for word in _NEW_FIRM_WORDS:
        other = doc.entities.get(word)
        if other is not None and other is not firm:
            _merge(doc, firm.label, word)  # (relabels its mentions: none moves, starts stay in step)
            continue
        _refer(doc, starts, word, firm, "Company")
