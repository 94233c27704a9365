"""The subject of a clause that has none of its own: the organisation the sentence opens with
(凯博能源是一家…企业,去年落户X), or, after 该公司, the firm it stands for."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _is_org, _type
from kg.extract.doc import Doc, Span
from kg.model import Sentence

#: A sentence opening with a bare firm: 该公司由…
_BARE_FIRM = re.compile("该公司|该企业|该集团")


#: What may open a clause with no subject of its own: time words and adverbs (去年落户, 已于2023年入驻).
_SUBJECTLESS = re.compile(r"(?:(?:于|在)?(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?|去年|今年|前年|近年来|近期|目前|现已|已经|已|并|还|也|将|正式|成功|先后|率先|随后|此后|后|于)*"
                          r"(?:作为[^,。;]{1,16}?)?")  # (…,作为集团华北区域总部入驻X: a role, no subject of its own)
#: What follows a sentence's topic: a copula, a comma or a time word (X是一家…, X于2023年…).
_TOPIC_NEXT = re.compile(r"(?:是|为|系|作为|专注|致力|从事|主营|深耕|,|[于在]?(?:19|20)\d{2}年|去年|今年|目前|已|将|先后|正式)")
#: What may open a sentence before its topic.
_LEAD_IN = re.compile(r"(?:据介绍|据了解|据悉|记者了解到|其中|同时|此外|目前|会上|根据协议|按照协议|根据规划|按照规划)?,?")


def topic_org(doc: Doc, sm: list[Span], s: Sentence, clause: int, v_start: int,
               others: tuple[str, ...] = ("Person", "Park", "Project")) -> Span | None:
    """The organisation a sentence opens with, when the clause of ``v_start`` (from ``clause``) has
    no subject of its own and no other organisation (or name of the kinds ``others``) stands
    between them."""
    text = doc.text
    if clause <= s.start or not _SUBJECTLESS.fullmatch(text, clause, v_start):
        return None
    lead = _LEAD_IN.match(text, s.start, clause).end()
    first = next((m for m in sm if m.start >= s.start), None)
    if first is not None and text.startswith("位于", lead) and first.start == lead + 2 and text.startswith("的", first.end):
        # 位于贵安新区的 + X专注…,去年与Y签署协议: where it sits, then the topic
        lead, first = first.end + 1, next((m for m in sm if m.start == first.end + 1), None)
    if first is None or first.start != lead or not _is_org(_type(doc, first)) or not _TOPIC_NEXT.match(text, first.end):
        return None  # 长安汽车智能驾驶研发中心项目…,选址X: a name that goes on is not the topic
    said = first.end  # (X是Y新设立的全资子公司,…: the names of the topic's own predicate are no other subject)
    if text[first.end : first.end + 1] in ("是", "系") and (comma := text.find(",", first.end, clause)) > 0:
        said = comma
    if any(_is_org(_type(doc, m)) or _type(doc, m) in others for m in sm if said <= m.start and m.end <= clause):
        return None  # another name the clause could be about
    return first
