"""The subject of a clause that has none of its own: the organisation the sentence opens with
(凯博能源是一家…企业,去年落户X), or, after 该公司, the firm it stands for; and the project a
clause states a total for (X项目…,计划总投资150亿元) or a bare 项目/该项目 stands for."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _is_org, _type
from kg.extract.components.refs import clause_start
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.doc import Doc, Span
from kg.extract.quantities import AMOUNT_RE
from kg.model import Sentence

#: A sentence opening with a bare firm: 该公司由…
_BARE_FIRM = re.compile("该公司|该企业|该集团|这家企业|这家公司")


#: What may open a clause with no subject of its own: time words and adverbs (去年落户, 已于2023年入驻).
_SUBJECTLESS = re.compile(r"(?:(?:于|在)?(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?|去年|今年|前年|近年来|近期|目前|现已|已经|已|并|还|也|将|正式|成功|先后|率先|随后|此后|后|于)*"
                          r"(?:作为[^,。;]{1,16}?)?")  # (…,作为集团华北区域总部入驻X: a role, no subject of its own)
#: What follows a sentence's topic: a copula, a comma or a time word (X是一家…, X于2023年…).
_TOPIC_NEXT = re.compile(r"(?:是|为|系|作为|专注|致力|从事|主营|深耕|,|[于在]?(?:19|20)\d{2}年|去年|今年|目前|已|将|先后|正式|同时)")
#: a firm's setting up of the firm named next (A + 在娄底新设立的 + B): B is what the phrase names
_SET_UP_BY = re.compile("[^,。;的]{0,12}?(?:新设立|设立|新成立|成立|组建|新组建|注册成立|投资设立)的")
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
    if first is not None and first.start == lead and (rel := _SET_UP_BY.match(text, first.end)) is not None:
        # A在娄底新设立的 + B有限公司同时揭牌,…: B, the head of the phrase, is the topic
        head = next((m for m in sm if m.start == rel.end() and _type(doc, m) == "Company"), None)
        if head is not None:
            lead, first = head.start, head
    if first is None or first.start != lead or not _is_org(_type(doc, first)) or not _TOPIC_NEXT.match(text, first.end):
        return None  # 长安汽车智能驾驶研发中心项目…,选址X: a name that goes on is not the topic
    said = first.end  # (X是Y新设立的全资子公司,…: the names of the topic's own predicate are no other subject)
    if text[first.end : first.end + 1] in ("是", "系") and (comma := text.find(",", first.end, clause)) > 0:
        said = comma
    if any(_is_org(_type(doc, m)) or _type(doc, m) in others for m in sm if said <= m.start and m.end <= clause):
        return None  # another name the clause could be about
    return first


#: the verb of spending that closes a builder's clause: 投资, 投资约
_SPENDS = "投资(?:约|达|超过|超|近)?$"
#: 该项目由X + 投资: what the bare project's builder spends on it
_SPENT_BY = re.compile("(?:共同)?" + _SPENDS)
#: 由Y + 投资: the builder spending, in a sentence about a project named before (see _topic_project)
_BY_SPENDS = re.compile("由[^,。;由]{2,40}?" + _SPENDS)
_TOTAL = re.compile(r"(?:(?:该|这个|此)?(?:项目|专案))?(?:全部建成后|全面建成后|建成后)?(?:预计|计划|拟)?(?:总投资|投资总额)(?:额)?(?:将)?(?:达到|达|约|超过|超|近|为)?$")

#: a bare works standing for its project: 该生产线, 该基地
_BARE_WORKS = re.compile("该(生产线|产线|基地|工厂)")


def _topic_project(doc: Doc, s, pos: int) -> str | None:
    """The project whose total a clause of its own sentence states (…,计划总投资150亿元;
    …,项目预计总投资200亿元): the only project named before it, no other amount between."""
    text = doc.text
    clause = clause_start(text, s.start, pos)
    if not _TOTAL.search(text, clause, pos) and not (text.startswith("该项目由", clause) and _SPENT_BY.search(text, clause, pos)):
        by = _BY_SPENDS.search(text, clause, pos)
        if by is None:
            return None
        # X项目(位于P,)由Y投资N建设: the one project the sentence names before, no amount between
        # (A项目由X投资N建设;B项目由Y投资M建设: the list item's own project)
        item = text.rfind(";", s.start, by.start())
        named = [m for m in _sent_mentions(doc, s) if item < m.start and m.end <= by.start() and _type(doc, m) == "Project"]
        if len({m.label for m in named}) != 1 or AMOUNT_RE.search(text, named[-1].end, by.start()):
            return None
        return named[-1].label
    works = _BARE_WORKS.match(text, clause)
    if works is not None:
        # 该生产线总投资32亿元: the one project of the article that is such a works
        named = sorted({e.label for e in doc.entities.values() if e.type == "Project"
                        and e.label.removesuffix("项目").endswith(works.group(1))})
        return named[0] if len(named) == 1 else None
    if clause == s.start and not text.startswith("该项目", clause) and (bare := _bare_project(doc, s)) is not None:
        return bare.label  # 项目总投资126亿元,由…: the project named just before
    if clause > s.start and _BARE_PROJECT_TOTAL.match(text, clause) and s.index \
            and not any(_type(doc, m) in ("Project", "Fund") for m in _sent_mentions(doc, s)) and not AMOUNT_RE.search(text, s.start, clause):
        # 详细了解X项目建设进度。该公司是…的控股子公司,项目总投资48亿元: the project the sentence before named
        named = _project_named_before(doc, s)
        return named.label if named else None
    if text.startswith("该项目", clause) and s.index:
        # X项目运行情况。该项目总投资86亿元: the project the sentence before ends with (or, when it
        # names none, the one named last in the two before it)
        before = [m for m in _sent_mentions(doc, s) if m.end <= clause]
        if before:  # X项目建成投产,该项目由Y投资45亿元建设: the project named before in the sentence
            named_here = [m for m in before if _type(doc, m) == "Project"]
            return named_here[-1].label if named_here else None
        named = _project_named_before(doc, s)
        return named.label if named else None
    if clause > s.start and text.startswith("该项目", s.start) and s.index and not AMOUNT_RE.search(text, s.start, clause) \
            and not any(_type(doc, m) == "Project" for m in _sent_mentions(doc, s)):
        # 该项目由X投资建设,总投资35亿元: the sentence is about the project named before it
        named = _project_named_before(doc, s)
        return named.label if named else None
    item = text.rfind(";", s.start, clause)  # (A项目…;B公司在园区设立基地,总投资N: not A's, a list item of its own)
    projects = [m for m in _sent_mentions(doc, s) if item < m.start and m.end <= clause and _type(doc, m) in ("Project", "Fund")]
    if len({m.label for m in projects}) != 1:
        return None
    if AMOUNT_RE.search(text, projects[-1].end, clause) or re.search(r"其中|当年|年内|一期|二期|\d+个|等", text[projects[-1].end : pos]):
        return None
    if _COUNTED_PROJECTS.search(text, s.start, projects[-1].start):
        return None  # 3个项目与基金现场签约,拟投资总额4.2亿元: the projects' total, not the fund's
    return projects[-1].label


_COUNTED_PROJECTS = re.compile(r"[\d一二两三四五六七八九十]+个(?:重点|重大|产业|合作)?项目")


#: a sentence about the project just named, by a bare word: 项目总投资…, 该项目由…
_BARE_PROJECT_OPENING = re.compile("(?:该|这一|此)?(?:项目|专案)(?:(?=由)|(?![\u4e00-\u9fff]{0,2}(?:中|里|共|有|达|个)))")  # (该项目由中能…: 由 opens the builder)


#: a clause that opens on a bare project's total: 项目总投资48亿元, 项目计划总投资
_BARE_PROJECT_TOTAL = re.compile("项目(?:计划|预计)?总投资")


def _bare_project(doc: Doc, s) -> Span | None:
    """The project a sentence opening with a bare 项目/该项目 is about: the one named last in
    the three sentences before (when the sentence names no project of its own)."""
    if not _BARE_PROJECT_OPENING.match(doc.text, s.start) or any(_type(doc, m) == "Project" for m in _sent_mentions(doc, s)):
        return None
    return _project_named_before(doc, s, in_names=True)


def _project_named_before(doc: Doc, s, in_names: bool = False) -> Span | None:
    """The project named last in the three sentences before ``s`` (nearest sentence first); with
    ``in_names``, also one named inside a longer name there (X项目开工仪式)."""
    for prev in reversed(doc.sentences[max(0, s.index - 3) : s.index]):
        named = [m for m in _sent_mentions(doc, prev) if _type(doc, m) == "Project"]
        if named:
            return named[-1]
        if not in_names:
            continue
        inside = sorted((prev.text.find(e.label), e.label) for e in doc.entities.values()
                        if e.type == "Project" and len(e.label) >= 6 and e.label in prev.text)
        if inside:  # X项目开工仪式在…举行。项目总投资…: the project the ceremony is named after
            at = prev.start + inside[-1][0]
            return Span(at, at + len(inside[-1][1]), "Project", inside[-1][1], "bare")
    return None
