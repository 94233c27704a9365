"""Helpers shared by the relation components: clauses, mentions of a sentence, the event a sentence reports on."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache

from kg.extract.components.refs import sent_mentions, sentences_mentions
from kg.extract.doc import Doc, Span
from kg.extract.lexicon import words
from kg.model import ORGANIZATION_TYPES, Sentence

ORG = ORGANIZATION_TYPES


def _is_org(t: str | None) -> bool:
    return t in ORG


_sent_mentions = sent_mentions  # (the list is shared: no caller changes the list it gets)


def mentions_between(doc: Doc, start: int, end: int) -> list[Span]:
    """``doc.mentions_in(start, end)`` by bisection over the sorted mentions (same result, fast)."""
    ms = doc.mentions
    idx = doc.notes.get("_mention_starts")
    if idx is None or idx[0] is not ms or len(idx[1]) != len(ms):  # (the list itself is kept: no id reused)
        idx = (ms, [m.start for m in ms], {})
        doc.notes["_mention_starts"] = idx
    memo = idx[2]
    key = (start, end)
    out = memo.get(key)
    if out is None:
        starts = idx[1]
        out = [m for m in ms[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)] if m.end <= end]
        memo[key] = out
    return out.copy()


def _type(doc: Doc, span: Span) -> str | None:
    """``doc.type_of(span.label)``; the common case (a canonical label) without the extra call."""
    label = span.label
    if label:
        e = doc.entities.get(label)
        if e is not None:
            return e.type
    return doc.type_of(label)


def of_type(doc: Doc, ms: list[Span], typ: str) -> list[Span]:
    """``[m for m in ms if _type(doc, m) == typ]`` without a call per mention (the relation
    components ask it of every sentence)."""
    ents, out = doc.entities, []
    for m in ms:
        e = ents.get(m.label)
        if (e.type if e is not None else doc.type_of(m.label)) == typ:
            out.append(m)
    return out


def orgs_of(doc: Doc, ms: list[Span]) -> list[Span]:
    """``[m for m in ms if _is_org(_type(doc, m))]`` without a call per mention."""
    ents, out = doc.entities, []
    for m in ms:
        e = ents.get(m.label)
        if (e.type if e is not None else doc.type_of(m.label)) in ORG:
            out.append(m)
    return out


def has_type(doc: Doc, ms: list[Span], typ: str) -> bool:
    """``any(_type(doc, m) == typ for m in ms)`` without a call per mention."""
    ents = doc.entities
    for m in ms:
        e = ents.get(m.label)
        if (e.type if e is not None else doc.type_of(m.label)) == typ:
            return True
    return False


@lru_cache(maxsize=None)
def _rx(key: str) -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, words(key)), key=len, reverse=True)))


def _paragraph(doc: Doc, s: Sentence) -> int:
    return doc.text.count("\n", 0, s.start)


#: a sentence opening on an event by its bare name: 论坛上, 在推介会上, 峰会期间
_ON_EVENT = re.compile("在?([\u4e00-\u9fff]{2,4}?)(?:上|期间|现场),?")


def _event_of_sentence(doc: Doc) -> dict[int, str]:
    """For each sentence, the event it reports on (explicit, or the main event by context)."""
    if "sent_event" in doc.notes:
        return doc.notes["sent_event"]
    main = doc.notes.get("main_event")
    markers = _rx("event_context")
    out: dict[int, str] = {}
    para_ctx: dict[int, str] = {}
    head = True
    text, para, at = doc.text, 0, 0
    # bare names of one event each (论坛 for the article's one forum): 论坛上发布了X opens a sentence on it
    bare: dict[str, str | None] = {}
    for e in doc.entities.values():
        if e.type == "Event":
            for a in e.aliases:
                if 2 <= len(a) <= 4:
                    bare[a] = e.label if a not in bare else None
    for s, ms in zip(doc.sentences, sentences_mentions(doc)):
        evs = of_type(doc, ms, "Event")
        # _paragraph(doc, s), counted on from the previous sentence's start
        para = para + text.count("\n", at, s.start) if s.start >= at else text.count("\n", 0, s.start)
        at = s.start
        if s.text[-1:] in "。!?;" or len(s.text) > 40:
            head_line = False
        else:
            head_line = head
        if s.index > 8:
            head = False
        on = _ON_EVENT.match(s.text) if bare and not evs else None
        if on is not None and bare.get(on.group(1)):
            out[s.index] = bare[on.group(1)]
            if out[s.index] == main:
                para_ctx[para] = main
        elif evs:
            ev = evs[0].label
            out[s.index] = ev
            if ev == main:
                para_ctx[para] = ev
        elif main and (markers.search(s.text) or head_line):
            out[s.index] = main
            para_ctx[para] = main
        elif para in para_ctx:
            out[s.index] = para_ctx[para]
    doc.notes["sent_event"] = out
    return out


_SEMI = re.compile(";")


def segments(s: Sentence) -> list[tuple[int, int]]:
    """The ;-separated parts of a sentence, as (start, end) offsets in the text."""
    if ";" not in s.text:
        return [(s.start, s.end)]  # (most sentences: one part, without the scan)
    out, pos = [], s.start
    for m in _SEMI.finditer(s.text):
        out.append((pos, s.start + m.end()))
        pos = s.start + m.end()
    out.append((pos, s.end))
    return out


#: The count that closes a list of firms before their verb: 等14家稀土企业新.
_COUNTED_FIRMS = re.compile(r"等(?:首批|第一批|新一批)?(?:\d+|[一二两三四五六七八九十百]+)(?:家|个)[^,。;]{0,10}?(?:企业|公司|项目)[^,。;]{0,4}")


def joined_before(doc: Doc, sm: list[Span], pos: int, joins: tuple[str, ...], fits: Callable[[str | None], bool]) -> list[Span]:
    """The names ending by ``pos`` that fit, last first, while each is joined to the one after it
    by one of ``joins`` (A、B与C: C, B, A); nothing between the names but the join."""
    before = [m for m in sm if m.end <= pos]
    out: list[Span] = []
    while before and fits(_type(doc, before[-1])) and (not out or doc.text[before[-1].end : out[-1].start] in joins):
        out.append(before.pop())
    return out


def _subjects_before(doc: Doc, sm: list[Span], pos: int) -> list[Span]:
    """The name or list of names right before ``pos`` (A、B、C等…企业 纷纷落户)."""
    text = doc.text
    before = [m for m in sm if m.end <= pos]
    if not before:
        return []
    last = before[-1]
    if len(before) > 1 and _type(doc, last) == "Industry" and _COUNTED_FIRMS.fullmatch(text, before[-2].end, pos):
        last = before[-2]  # A、B等14家稀土企业新入驻: the firms, past the sector of their count
        before = before[:-1]
    gap = text[last.end : pos]
    if len(gap) > 24 or "。" in gap or ";" in gap:
        return []
    if "," in gap and "等" not in gap:
        return []
    out = [last]
    i = len(before) - 2
    while i >= 0:
        m = before[i]
        g = text[m.end : out[-1].start]
        if g not in ("、", "和", "及", "与", "以及", ",以及") and not re.fullmatch(r"等[^。;]{0,12}项目,以及", g):
            break
        out.append(m)
        i -= 1
    return out


def _list_after(doc: Doc, sm: list[Span], pos: int) -> list[Span]:
    text = doc.text
    out: list[Span] = []
    edge = pos
    for m in sm:
        if m.start < edge:
            continue
        gap = text[edge : m.start]
        if gap not in ("", "、") and not (gap in ("和", "及") and out and doc.type_of(m.label) == doc.type_of(out[0].label)):
            break  # (A和B: a second item of the first one's kind)
        out.append(m)
        edge = m.end
    return out
