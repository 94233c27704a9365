"""Posts in firms the text names only by a bare word or by the sentence around them (positions):
公司董事长X, 总经理X during a visit to a firm, X董事长A表示…。总经理B, a report's 董事会宣布,委任….

A small part of posts.py's positions(): each function takes a post or the relations and says
which firm a bare post is in."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _is_org, _type
from kg.extract.components.people import Post
from kg.extract.components.refs import (
    bare_firm_before,
    clause_start,
    sentences_mentions,
)
from kg.extract.doc import Doc
from kg.model import Relation

#: the posts a body of each kind has, for a bare title after the post of another of its people
_POSTS_OF = {
    "University": ("校长", "副校长", "党委书记", "党委副书记"),
    "ResearchInstitute": ("院长", "副院长", "所长", "副所长", "主任"),
    "Company": ("总经理", "副总经理", "总裁", "副总裁", "董事长", "首席执行官", "CEO"),
}


#: Posts of a firm's head, said of the firm a visit is at when no firm is written before them.
_FIRM_POSTS = ("董事长", "总经理", "总裁", "首席执行官", "CEO", "副总经理", "副总裁", "董事长兼总经理", "董事长兼总裁", "创始人", "执行董事")
_BARE_FIRM_WORDS = ("公司", "该公司", "企业", "该企业", "集团", "该集团")
#: posts of a Hong Kong firm's board, a firm's only after a bare 集团/公司 (集团主席兼行政总裁X)
_GROUP_POSTS = ("主席", "副主席", "联席主席", "行政总裁", "首席财务官", "执行董事", "非执行董事")
_VISIT = re.compile("(?:来到|走进|走访|调研|考察|在)$")
#: a preposition before a bare 公司 and its post (与公司董事长Y座谈)
_WITH = frozenset("与和同跟向由")


def _firm_of_bare_post(doc: Doc, p: Post) -> Post:
    """公司董事长X, or 总经理X opening a clause during a visit to a firm (来到X公司。…总经理Y介绍):
    the post is in that firm (SCHEMA.md 3.1: a bare form the text resolves)."""
    if p.org or p.title not in _FIRM_POSTS and p.title not in _GROUP_POSTS:
        return p
    text, s = doc.text, doc.sentences[p.sentence]
    i = text.find(p.title + p.person, s.start, s.end)
    if i < 0 and (chain := re.compile(re.escape(p.title) + "兼[^,。;、]{1,12}?" + re.escape(p.person)).search(text, s.start, s.end)):
        i = chain.start()  # 集团主席兼行政总裁X: the first post of a chain
    if i < 0:
        return p
    clause = clause_start(text, s.start, i)
    head = text[clause:i]
    while head.endswith("兼") and (t := next((t for t in _GROUP_POSTS + _FIRM_POSTS if head[:-1].endswith(t)), None)):
        head = head[: -len(t) - 1]  # (集团主席兼 + 行政总裁X: the chain's body)
    if p.title not in _FIRM_POSTS and head not in _BARE_FIRM_WORDS:
        return p  # (主席, 行政总裁: a firm's post only after a bare 集团/公司)
    firm = None
    if head[:1] in _WITH and head[1:] in _BARE_FIRM_WORDS:
        head, clause = head[1:], clause + 1  # (走访了X公司总部,与公司董事长Y座谈: the firm just visited; 由公司副总经理Y出任)
    if head in _BARE_FIRM_WORDS:
        firm = bare_firm_before(doc, clause, clause + len(head))
    elif not head and p.sentence > 0:
        lo = doc.sentences[max(0, p.sentence - 2)].start  # the visit, and a sentence about the firm since
        visited = [m for m in doc.mentions if lo <= m.start and m.end <= clause and doc.type_of(m.label) == "Company"
                   and _VISIT.search(text[max(lo, m.start - 2) : m.start])]
        firm = visited[-1].label if visited else None
    return Post(p.person, p.title, firm, "Company", p.sentence, p.bare) if firm else p


def _firm_post_of_sentence_before(doc: Doc) -> None:
    """X董事长A表示…。总经理B则说; 岚泰科技昨日举行…。董事长A表示: a sentence that opens with a firm's
    bare post is about the firm of the post written in the sentence before, else the firm that sentence
    opens with (its subject, after a descriptor of a word or two)."""
    text, rels = doc.text, doc.relations
    for k, r in enumerate(rels):
        if r.predicate != "holdsPosition" or r.object is not None or r.title not in _POSTS_OF["Company"] or r.sentence == 0:
            continue
        s = doc.sentences[r.sentence]
        if not text.startswith(r.title + r.subject, s.start):
            continue
        before = doc.sentences[r.sentence - 1]
        firm = next((q.object for q in rels if q.predicate == "holdsPosition" and q.sentence == before.index and q.object
                     and doc.type_of(q.object) == "Company"), None)
        if firm is None:
            sm = sentences_mentions(doc)[before.index]
            first = next((m for m in sm if _is_org(_type(doc, m))), None)
            if first is not None and _type(doc, first) == "Company" and first.start - before.start <= 8:
                firm = doc.entity(first.label).label
        if firm is not None:
            rels[k] = Relation("holdsPosition", r.subject, firm, r.sentence, r.title)


_MARK = re.compile("[,:;、“”()]")


def _firm_title(title: str | None) -> bool:
    """Whether ``title`` is a post of a firm's own (总经理, or one of a region of it: 大陆区总经理)."""
    return bool(title) and (title in _POSTS_OF["Company"] or title.endswith(("区总经理", "区副总经理", "区总裁", "区副总裁")))


def _firm_post_of_topic(doc: Doc) -> None:
    """X(3591)昨日公告,…,同时任命现任副总经理A为大陆区总经理: a firm's bare post in a sentence that
    opens with the firm, no other organisation named between the firm and the person, is the firm's."""
    rels = doc.relations
    for k, r in enumerate(rels):
        if r.predicate != "holdsPosition" or r.object is not None or not (_firm_title(r.title) or r.title in _GROUP_POSTS):
            continue
        s, sm = doc.sentences[r.sentence], sentences_mentions(doc)[r.sentence]
        if _BOARD.match(doc.text, s.start) and (board := _announcer(doc)) is not None:
            # 董事会同时宣布,委任执行董事A…,副总裁B出任…: the board of the firm the report is about
            rels[k] = Relation("holdsPosition", r.subject, board, r.sentence, r.title)
            continue
        if not _firm_title(r.title):
            continue
        firm = next((m for m in sm if _is_org(_type(doc, m))), None)  # (after a descriptor: LED显示面板厂X)
        if firm is None or _type(doc, firm) != "Company" or firm.start - s.start > 10 or _MARK.search(doc.text, s.start, firm.start):
            continue
        person = next((m for m in sm if m.label == r.subject), None)
        if person is None or any(_is_org(_type(doc, m)) and doc.entity(m.label) is not doc.entity(firm.label)
                                 for m in sm if firm.end <= m.start and m.end <= person.start):
            continue
        rels[k] = Relation("holdsPosition", r.subject, doc.entity(firm.label).label, r.sentence, r.title)
    # 新任大陆区总经理A (A副总经理 of X written before): a bare firm post of one who holds a post in one firm only
    firms: dict[str, set[str]] = {}
    for r in rels:
        if r.predicate == "holdsPosition" and r.object and doc.type_of(r.object) == "Company":
            firms.setdefault(r.subject, set()).add(doc.entity(r.object).label)
    for k, r in enumerate(rels):
        if r.predicate == "holdsPosition" and r.object is None and len(firms.get(r.subject, ())) == 1 and _firm_title(r.title):
            rels[k] = Relation("holdsPosition", r.subject, next(iter(firms[r.subject])), r.sentence, r.title)


#: a sentence of the report's firm's board: 董事会同时宣布, 公司董事会昨日通过
_BOARD = re.compile("(?:公司|集团|该公司)?董事会")
#: the report's own verb after its firm: X昨晚公布, X公告
_ANNOUNCES = re.compile(r"(?:\([^()]{1,12}\))?[^,。;]{0,8}?(?:公告|公布|宣布|披露)")


def _announcer(doc: Doc) -> str | None:
    """The firm a company report is about: the first firm of the text, when a verb of announcing
    follows its name (华骏控股有限公司(华骏)昨晚公布)."""
    first = next((m for m in doc.mentions if doc.type_of(m.label) == "Company"), None)
    if first is None or not _ANNOUNCES.match(doc.text, first.end):
        return None
    return doc.entity(first.label).label
