"""Bare references to parks and projects that the text resolves: 新区, 园区, 该园区, 产业园 -> the park named last."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

from kg.extract.doc import Doc, Span
from kg.model import Sentence

#: bare park words, longest first; a word stands for the last park whose label ends with one of its endings.
#: (中心 and 基地 only after 该: 入驻该中心)
_BARE = re.compile("(?:该|本|全|同一)?(产业园区|产业园|园区|新区|示范区|开发区|高新区|经开区|保税区|合作区|片区|科学城|科技城|科创城|(?<=该)中心|(?<=该)基地)")
_ENDS = {
    "产业园区": ("产业园区", "产业园"),
    "产业园": ("产业园", "产业园区"),
    "园区": ("园区", "园", "产业园"),
}


def _covered(doc: Doc, start: int, end: int) -> bool:
    for m in doc.mentions:
        if m.start >= end:
            break
        if m.start < end and m.end > start:
            return True
    return False


def bare_park_at(doc: Doc, pos: int) -> tuple[str, int] | None:
    """The park a bare park word starting at ``pos`` stands for, with the word's end."""
    m = _BARE.match(doc.text, pos)
    if m is None or _covered(doc, m.start(), m.end()):
        return None
    label = resolve_park(doc, m.group(1), pos)
    return (label, m.end()) if label else None


def resolve_park(doc: Doc, word: str, pos: int) -> str | None:
    """The park named last before ``pos`` whose label ends like ``word`` (新区 -> 南太湖新区)."""
    ends = _ENDS.get(word, (word,))
    for m in reversed(doc.mentions):
        if m.end > pos:
            continue
        if pos - m.end > 1500:
            break
        if doc.type_of(m.label) == "Park":
            if m.label.endswith(ends) and len(m.label) > len(word):
                return m.label
            e = doc.entity(m.label)  # (神木高新技术产业开发区, written 神木高新区 too: what a bare 高新区 stands for)
            if e is not None and any(a.endswith(ends) and len(a) > len(word) for a in e.aliases):
                return m.label
    return None


def bare_parks_in(doc: Doc, start: int, end: int) -> list[tuple[int, str]]:
    """Bare park words in ``[start, end)`` that resolve, as (position, park label)."""
    out = []
    for m in _BARE.finditer(doc.text, start, end):
        if _covered(doc, m.start(), m.end()):
            continue
        label = resolve_park(doc, m.group(1), m.start())
        if label:
            out.append((m.start(), label))
    return out


#: a bare firm as the subject of a clause (公司2019年入驻…, 该企业已落户…)
_FIRM_WORD = re.compile(r"(?:该公司|该企业|该集团|这家企业|这家公司|新集团|新公司|公司|企业|集团)(?:(?:19|20)\d{2}年(?:\d{1,2}月)?|已|于|也|还|将|正式|先后|已经|目前)*$")


_PARENT_AFTER = re.compile("的?(?:全资|控股|独资)?子公司")


def past_short_form(text: str, pos: int) -> int:
    """Where the text goes on after a short form in brackets at ``pos`` (X有限公司 + (X城投)): past
    its closing bracket, else ``pos``."""
    if text.startswith("(", pos) and 0 < (close := text.find(")", pos, pos + 14)):
        return close + 1
    return pos


def short_form_open(text: str, pos: int, lo: int) -> int:
    """Where the short form in brackets that ends at ``pos`` opens (X有限公司 + (X城投) + 投资): its
    ``(``, looked for from ``lo`` on; -1 when ``pos`` follows no closing bracket or none opens
    after ``lo`` (:func:`past_short_form` read backwards)."""
    return text.rfind("(", lo, pos) if text[pos - 1 : pos] == ")" else -1


def clause_start(text: str, lo: int, pos: int, marks: str = ",;:") -> int:
    """Where the clause holding ``pos`` starts: right after the last clause mark in ``text[lo:pos]``,
    else ``lo`` (cleaned text has its marks folded to ASCII)."""
    if marks == ",;:":  # the common case, without a generator
        rfind = text.rfind
        return max(lo, rfind(",", lo, pos) + 1, rfind(";", lo, pos) + 1, rfind(":", lo, pos) + 1)
    start = lo  # (max(lo, *(text.rfind(c, lo, pos) + 1 for c in marks)), without the generator)
    for c in marks:
        i = text.rfind(c, lo, pos) + 1
        if i > start:
            start = i
    return start


def bare_firm_before(doc: Doc, clause_start: int, pos: int) -> str | None:
    """The firm a clause's bare subject (公司, 该企业) stands for: the firm named last before it
    (within the paragraph's reach), when the clause has nothing else before ``pos``."""
    m = _FIRM_WORD.search(doc.text, clause_start, pos)
    if m is None or m.start() != clause_start:
        return None
    word = m.group()
    for x in reversed(doc.mentions):
        if x.end > clause_start:
            continue
        if clause_start - x.end > 200:
            break
        if _PARENT_AFTER.match(doc.text, x.end):
            continue  # 该公司是X的控股子公司: X is the parent, not what 公司 stands for next
        if word.endswith("公司") and x.label.endswith("厂"):
            continue  # X有限公司锦界热电厂。公司董事长…: the firm, not its works
        if word == "公司" and doc.text.endswith("子公司", 0, x.start):
            continue  # …设立全资子公司Y,由公司副总经理Z出任…: the firm that set it up (Y would be 该子公司)
        if doc.type_of(x.label) == "Company" and ("集团" not in word or "集团" in x.label or "控股" in x.label):  # (X控股有限公司: a group)
            return x.label
    return None


#: a bare body opening a sentence: 该研究院由A与B共建,落户P, 联络处设在P (a park's 该中心 is a bare park word)
BARE_BODIES = "研究院|研究所|实验室|创新中心|研究中心|技术中心|研发中心|联络处|办事处|学院|平台"
_BODY_WORD = re.compile(f"该?({BARE_BODIES})")


def body_named_before(doc: Doc, pos: int) -> str | None:
    """The organisation a bare 该研究院 (该实验室, 联络处) at ``pos`` stands for: the one named last
    before it, in the sentence before or earlier in the paragraph's reach, whose label ends with the word."""
    m = _BODY_WORD.match(doc.text, pos)
    if m is None:
        return None
    for x in reversed(doc.mentions):
        if x.end > pos:
            continue
        if pos - x.end > 200:
            break
        if x.label.endswith(m.group(1)) and doc.type_of(x.label) not in (None, "Park", "Project", "Event", "Place"):
            return x.label
    return None


def fund_before(doc: Doc, pos: int) -> str | None:
    """The fund named last before ``pos``, also inside a longer name (X基金揭牌仪式): what a bare
    该基金 stands for."""
    text = doc.text
    funds = [e for e in doc.entities.values() if e.type == "Fund"]
    # (a bare 基金 a reference was resolved to is no name: it would find the 基金 of any name before)
    found = sorted(((text.rfind(n, 0, pos), e.label) for e in funds for n in (e.label, *e.aliases) if len(n) > 2), reverse=True)
    found = [(at, label) for at, label in found if at >= 0]
    starts = {e.label: e.mentions for e in funds}

    def opens(at: int, label: str) -> int:  # (where the mention holding ``at`` starts: 澄江省 + 产业投资引导基金)
        return next((m.start for m in starts[label] if m.start <= at < m.end), at)
    # (X联合Y引导基金共同发起: a fund named as a partner is not the one the text goes on about)
    topic = next(((at, label) for at, label in found if not text.endswith(("联合", "与", "和", "同", "及"), 0, opens(at, label))), None)
    best = topic or (found[0] if found else None)
    return best[1] if best is not None else None


def sent_mentions(doc: Doc, s: Sentence) -> list[Span]:
    """The selected mentions of a sentence, looked up once per sentence (the relation components
    ask for them many times; they do not change once the entities are made). Do not mutate."""
    return sentences_mentions(doc)[s.index]


def sentences_mentions(doc: Doc) -> list[list[Span]]:
    """``sent_mentions`` of every sentence, by index: for a loop over the sentences that changes
    no mention (``zip(doc.sentences, sentences_mentions(doc))``). Do not mutate."""
    memo = doc.notes.get("_sent_mentions")
    ms = doc.mentions
    if memo is None or memo[0] is not ms or memo[1] != len(ms):
        memo = (ms, len(ms), _by_sentence(doc, ms))
        doc.notes["_sent_mentions"] = memo
    return memo[2]


def _by_sentence(doc: Doc, ms: list[Span]) -> list[list[Span]]:
    """Every sentence's mentions at once, by sentence index (the relation components ask for all of them)."""
    starts = [m.start for m in ms]
    if not all(a <= b for a, b in pairwise(starts)):
        return [doc.mentions_in(s.start, s.end) for s in doc.sentences]
    # sorted by start (as select_mentions leaves them): bisection finds what mentions_in's scan finds
    out = []
    for s in doc.sentences:
        end = s.end
        out.append([m for m in ms[bisect_left(starts, s.start) : bisect_left(starts, end)] if m.end <= end])
    return out
