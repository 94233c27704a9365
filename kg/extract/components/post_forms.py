"""Posts written around the name rather than before it: X总书记 and 薛某某(某某公司董事长)."""

from __future__ import annotations

import re

from kg.extract.components.people import Post, title_matches
from kg.extract.components.person_names import _STOP_AFTER_NAME, _WORD_TAGS, person_name
from kg.extract.components.post_bodies import _prefix
from kg.extract.doc import Doc, Span, clean_label
from kg.extract.lexicon import HAN, NAME_CHARS, lexicon
from kg.extract.registry import component
from kg.extract.segment import pos_tags


@component("post_forms")
def post_forms(doc: Doc) -> None:
    posts: list[Post] = doc.notes.setdefault("posts", [])
    _head_of_party(doc, posts)
    _bracketed(doc, posts)
    _park_organs(doc, posts)
    _title_after(doc, posts)


def _head_of_party(doc: Doc, posts: list[Post]) -> None:
    """X总书记: the name before the title (the party's general secretary, no organisation named)."""
    lex, text = lexicon(), doc.text
    for m in re.finditer("总书记", text):
        i = m.start()
        cands = []
        for n in (3, 2):
            cand = text[max(0, i - n) : i]
            if (len(cand) == n and re.fullmatch(f"[{HAN}]+", cand) and cand[0] in lex.surnames and not lex.title_re.match(text, i - n)
                    and not set(cand) & _STOP_AFTER_NAME and pos_tags().get(cand, "nr") not in _WORD_TAGS):
                cands.append((lex.surname_rank.get(cand[0], 999), -n, cand))
        if cands:
            _, n, cand = min(cands)  # 和李强总书记: the commoner surname wins
            posts.append(Post(cand, "总书记", None, None, doc.sentence_at(i)))
            doc.add_span(Span(i + n, i, "Person", cand, "post", 8))



def _bracketed(doc: Doc, posts: list[Post]) -> None:
    """薛某某(江苏某某科技股份有限公司董事长): the post in brackets after the name."""
    lex, text = lexicon(), doc.text
    for m in title_matches(doc):
        info = lex.titles[m.group()]
        if text[m.end() : m.end() + 1] != ")" or info.kind not in ("org", "gov"):
            continue
        p = text.rfind("(", max(0, m.start() - 30), m.start())
        if p < 2 or not re.fullmatch(f"[{NAME_CHARS}]{{2,}}", text[p + 1 : m.start()]):
            continue
        name = _name_before(text, p)
        if name is None:
            continue
        if text.startswith(("此前任", "此前担任", "曾任", "曾担任", "原任", "原"), p + 1):
            continue  # 顾某(此前任公司财务总监): a post held before
        o = p + 3 if text.startswith(("现任", "兼任"), p + 1) else p + 1  # 罗某(现任X市工商联主席): the post held now
        title = m.group()
        if info.kind == "gov":
            # 罗某(现任什邡市工商联主席): a body named in full, its organ's word inside the title
            body = next((x for x in doc.spans if x.start == o and x.end == m.start() + len(info.organ) and x.type in ("GovernmentBody", "Association")), None)
            if body is None or not info.organ or len(title) <= len(info.organ):
                continue
            posts.append(Post(name, title[len(info.organ) :], body.label, body.type, doc.sentence_at(m.start())))
            doc.add_span(Span(p - len(name), p, "Person", name, "post", 8))
            continue
        pre = _prefix(doc, m.start())
        if pre is not None and pre.start == o and pre.type not in ("Place", "Industry", "Person", "Event", "Initiative", "Project"):
            org, typ = pre.label, pre.type
        elif o < m.start():
            org, typ = clean_label(text[o : m.start()]), "Company"
            if org in lex.places or org in lex.industries:
                continue
            doc.add_span(Span(o, m.start(), typ, org, "post_org", 5))
        else:
            continue
        posts.append(Post(name, m.group(), org, typ, doc.sentence_at(m.start())))
        doc.add_span(Span(p - len(name), p, "Person", name, "post", 8))


def _name_before(text: str, end: int) -> str | None:
    """The 2- or 3-character name that ends at ``end`` (the commoner surname wins a tie)."""
    lex = lexicon()
    cands = []
    for n in (3, 2):
        start = end - n
        if start >= 0 and person_name(text, start) == text[start:end]:
            cands.append((lex.surname_rank.get(text[start], 999), -n, text[start:end]))
    return min(cands)[2] if cands else None


_BARE_ORGAN = re.compile("(?:(?<=[、,和与及])|(?<=代表))(?:党工委|管委会)(?![\u4e00-\u9fff]?(?:书记|主任|副))")


def _park_organs(doc: Doc, posts: list[Post]) -> None:
    """代表党工委、管委会 in an article whose posts name one park's 党工委 or 管委会: the bare
    organs are that park's (苏州高新区党工委 -> 管委会 is 苏州高新区管委会)."""
    parks = sorted({p.org[:-3] for p in posts if p.org and p.org.endswith(("党工委", "管委会")) and len(p.org) > 5})
    if len(parks) != 1:
        return
    for m in _BARE_ORGAN.finditer(doc.text):
        doc.add_span(Span(m.start(), m.end(), "GovernmentBody", parks[0] + m.group(), "post_org", 4, {m.group()}))


_AFTER_TITLES = ("院士", "教授", "研究员")
_TITLE_AFTER = re.compile(f"(?:^|(?<=[,。;:!?、\\n“]))([{HAN}]{{2,3}}?)({'|'.join(_AFTER_TITLES)})(?=[,。;、]|在|说|表示|指出|认为|介绍|强调|作|等|也|则|对|的团队|团队)", re.MULTILINE)


def _title_after(doc: Doc, posts: list[Post]) -> None:
    """王浩院士表示, 李明教授在会上说: a name with its title after it (no organisation named)."""
    text = doc.text
    if not any(t in text for t in _AFTER_TITLES):
        return  # (every match holds one: a scan of the text for each costs less than the pattern's)
    for m in _TITLE_AFTER.finditer(text):
        name = _name_before(text, m.end(1))
        if name is None or name != m.group(1):
            continue
        posts.append(Post(name, m.group(2), None, None, doc.sentence_at(m.start())))
        doc.add_span(Span(m.start(1), m.end(1), "Person", name, "post", 8))
