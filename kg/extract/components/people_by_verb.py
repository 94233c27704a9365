"""People named with no post before them (people): before a verb of speech (周伟说, 毛伟介绍,
周成虎在致辞时说) or of taking a body's post (X任联盟秘书长, X当选协会会长)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.components.person_names import _WORD_TAGS, person_name
from kg.extract.doc import Doc, Span
from kg.extract.lexicon import HAN, lexicon, words
from kg.extract.segment import pos_tags


def _speakers(doc: Doc, byline: tuple[str, ...]) -> None:
    """Names before a verb of speech: 周伟说, 毛伟介绍, 周成虎在致辞时说 (not after a ``byline`` word)."""
    text = doc.text
    for m in _speech_matches(text):
        name = person_name(text, m.start(1))
        if name and text.startswith(name, m.start(1)) and len(name) >= len(m.group(1)) and pos_tags().get(name, "nr") not in _WORD_TAGS:
            if text[max(0, m.start(1) - 4) : m.start(1)].endswith(byline):
                continue
            if lexicon().place(name) is not None:
                continue  # 黄冈希望借助…: a city speaks through its leaders; it is no person
            doc.add_span(Span(m.start(1), m.start(1) + len(name), "Person", name, "speech", 7))


#: taking a post of a body's own, after a name: 任联盟, 当选协会首任 (then the post)
_TAKES_POST = "(?:当选为?|担任|出任|任)(?:联盟|协会|商会|学会|研究院|理事会)?(?:首任|首届)?"
#: a name at a clause's start taking a body's post: X任联盟秘书长, X当选协会会长
_ELECTED_NAME = re.compile(f"(?:^|(?<=[,;。、]))([{HAN}]{{2,3}})(?={_TAKES_POST})", re.MULTILINE)
_TAKES_POST_RE = re.compile(_TAKES_POST)


def _elected_names(doc: Doc) -> None:
    """X任联盟秘书长: a personal name (a known surname) right before a verb of taking a post of a
    body's own (理事长, 秘书长, 会长) is a person, with no title before it."""
    text, lex = doc.text, lexicon()
    if "任" not in text and "当选" not in text:
        return
    for m in _ELECTED_NAME.finditer(text):
        name = person_name(text, m.start(1))
        if not name or not text.startswith(name, m.start(1)) or lexicon().place(name) is not None:
            continue
        after = m.start(1) + len(name)
        verb = _TAKES_POST_RE.match(text, after)  # (again after the name person_name reads, which may be shorter)
        tm = lex.title_re.match(text, verb.end()) if verb else None
        if tm is not None and lex.titles[tm.group()].kind == "org":
            doc.add_span(Span(m.start(1), after, "Person", name, "elected", 7))


#: a post filled by a name: 主任由赵某担任, 总经理由曾任X局长的赵某出任 (the name right before the verb)
_FILLED_NAME = re.compile(f"由(?:[^,。;由]{{0,30}}?的)?([{HAN}]{{2,3}})(?=担任|出任|兼任)")


def _filled_names(doc: Doc) -> None:
    """主任由(曾任X局长的)Y担任: a personal name (a known surname) right before a verb of filling a
    post, after 由 or the 的 of a phrase describing it, is a person."""
    text = doc.text
    if "由" not in text:
        return
    for m in _FILLED_NAME.finditer(text):
        name = person_name(text, m.start(1))
        if name != m.group(1) or lexicon().place(name) is not None or pos_tags().get(name, "nr") in _WORD_TAGS:
            continue
        doc.add_span(Span(m.start(1), m.end(1), "Person", name, "filled", 7))


@lru_cache(maxsize=1)
def _speech_re() -> re.Pattern[str]:
    """A name before a verb of speech (built once per process)."""
    speech = "|".join(sorted(map(re.escape, words("speech")), key=len, reverse=True))
    return re.compile(f"(?:^|(?<=[,。;:!?”\\n)]))([{HAN}]{{2,4}}?)(?:在[^,。]{{1,8}}(?:时|中|上))?(?:{speech})", re.MULTILINE)


@lru_cache(maxsize=1)
def _speech_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:func:`_speech_re` as two patterns: the name at the text's start, and the name after the
    mark that opens it, which the pattern consumes (a leading set ``re`` skips to in C, where the
    lookbehind is tried at every position)."""
    speech = "|".join(sorted(map(re.escape, words("speech")), key=len, reverse=True))
    body = f"([{HAN}]{{2,4}}?)(?:在[^,。]{{1,8}}(?:时|中|上))?(?:{speech})"
    return re.compile(body), re.compile(f"[,。;:!?”\\n)]{body}")


def _speech_matches(text: str) -> list[re.Match[str]]:
    """The matches of ``_speech_re().finditer(text)`` (their group 1 and end: a line start other than
    the text's is after a newline, which the second pattern consumes; a match ends on a verb of
    speech, no mark, so the next one cannot need its last character)."""
    first, after_mark = _speech_res()
    out = []
    m = first.match(text)
    if m is not None:
        out.append(m)
    out += after_mark.finditer(text, m.end() if m is not None else 0)
    return out
