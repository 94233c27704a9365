"""Who a clause about sectors is said of (industries): the organisation right before its verb, a
bare 公司/该企业 (the firm named last), the organisation the sentence opens with (its topic), a
project opening it or 该项目 (what it makes once built), the organisations listed with one (A、B为…)."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _is_org, _type, joined_before
from kg.extract.components.park_sectors import _ADVERBS
from kg.extract.components.refs import bare_firm_before, clause_start
from kg.extract.components.sector_lists import _CLAUSE_END
from kg.extract.components.topics import _BARE_FIRM
from kg.extract.doc import Doc, Span
from kg.model import Sentence

#: A bare firm standing for the one named before (该公司主要从事…).
_ANAPHORA = re.compile(r"(?:该公司|公司|该企业|企业|其)")
#: X是一家专注于…的企业: the description of a firm.
_A_FIRM = re.compile(r"(?:是|为|系)(?:一家|国内|全国|全球|行业|国际)*(?:领先的|知名的|主要)?")
#: a bare project standing for the one named before, and what may stand between it and its verb (建成后将)
_BARE_PROJECT = re.compile("(?:该|此|这个)项目")
_PROJECT_GAP = re.compile("(?:建成|投产|达产)(?:后|投产后)?,?(?:将)?|(?:将|拟)?|,")


def _subject_project(doc: Doc, sm: list[Span], s: Sentence, v_start: int) -> str | None:
    """The project a clause about what is made is said of: a project opening the sentence, or a
    bare 该项目 opening it (the project named last before), with only 建成后/将 before the verb."""
    text = doc.text
    clause = clause_start(text, s.start, v_start)
    head = next((m for m in sm if m.start == s.start and _type(doc, m) == "Project"), None)
    if head is not None and (clause > s.start or _PROJECT_GAP.fullmatch(text, head.end, v_start)):
        if not any(head.end <= m.start and m.end <= v_start and _is_org(_type(doc, m)) for m in sm):
            return head.label
    bare = _BARE_PROJECT.match(text, s.start)
    if bare is not None and _PROJECT_GAP.fullmatch(text, bare.end(), v_start):
        named = [m for m in doc.mentions if m.end <= s.start and _type(doc, m) == "Project" and s.start - m.end < 200]
        return named[-1].label if named else None
    return None


def _clause_end(doc: Doc, s: Sentence, pos: int) -> int:
    m = _CLAUSE_END.search(doc.text, pos, s.end)
    return m.start() if m else s.end


def _listed_with(doc: Doc, sm: list[Span], org: str, before: int) -> list[str]:
    """``org`` and the organisations joined to it by 、/和 right before it (A、B为…)."""
    run = joined_before(doc, sm, before, ("、", "和", "与", "及"), _is_org)
    if not run or doc.entity(run[0].label) is not doc.entity(org):
        return [org]
    return [org] + [m.label for m in run[1:]]


def _subject_org(doc: Doc, sm: list[Span], s: Sentence, v_start: int) -> str | None:
    """The organisation a clause's verb is said of: the name right before it (adverbs
    between), a bare 公司/该企业 (the firm named last), or, in a clause without a subject
    of its own, the organisation that opens the sentence (its topic)."""
    text = doc.text
    clause = clause_start(text, s.start, v_start)
    head = text[clause:v_start]
    org = next((m for m in reversed(sm) if clause <= m.start and m.end <= v_start), None)
    if org is not None:
        if _is_org(_type(doc, org)) and (_ADVERBS.fullmatch(text[org.end : v_start]) or _A_FIRM.fullmatch(text, org.end, v_start)):
            return org.label
        return None
    am = _ANAPHORA.match(head)
    if am and _ADVERBS.fullmatch(head[am.end() :]):
        firms = [m for m in doc.mentions if m.end <= clause and _type(doc, m) == "Company" and m.start >= s.start - 200]
        return firms[-1].label if firms else None
    if _ADVERBS.fullmatch(head) and clause > s.start:
        bare = _BARE_FIRM.match(text, s.start)
        if bare is not None:  # 该公司是…,主要生产X: the firm 该公司 stands for
            return bare_firm_before(doc, s.start, bare.end())
        topic = next((m for m in sm if m.start < clause), None)
        if topic is not None and _is_org(_type(doc, topic)) and re.fullmatch(r"(?:据介绍|据了解|其中|同时|根据协议|按照协议|根据规划)?,?", text[s.start : topic.start]):
            return topic.label
    return None
