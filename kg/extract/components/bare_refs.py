"""Bare references: 研究院, 基金 or 名单 alone, after the text has named one such body in full
(大连海洋装备智能制造研究院 … 研究院将聚焦…), is a mention of that body (SCHEMA.md: the bare
form is an alias of the full name), so that the rules after this step read it as the name."""

from __future__ import annotations

import bisect
import re

from kg.extract.doc import Doc, Span, mention_of
from kg.extract.registry import component

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
#: A count before the word makes it a kind (建设3家研究院), not a reference.
_COUNTED = re.compile(r"(?:\d+|[一二两三四五六七八九十百]+)[家个所只支]$")


@component("bare_refs")
def bare_refs(doc: Doc) -> None:
    """Each bare word outside any name, after the one body of its kind named in full, refers to it."""
    text = doc.text
    starts = [m.start for m in doc.mentions]
    for word, typ in _BARE_WORDS.items():
        bodies = [e for e in doc.entities.values() if e.type == typ and e.label.endswith(word) and len(e.label) > len(word) + 1 and e.mentions]
        if len(bodies) != 1:
            continue  # none, or several: the word is ambiguous
        body = bodies[0]
        first = min(m.start for m in body.mentions)
        for m in re.finditer(word, text):
            at, end = m.start(), m.end()
            if at <= first:
                continue
            i = bisect.bisect_right(starts, at)
            if i and doc.mentions[i - 1].end > at or i < len(doc.mentions) and doc.mentions[i].start < end:
                continue  # inside or across a name
            if _COUNTED.search(text, max(0, at - 4), at):
                continue
            span = Span(at, end, typ, body.label, "bare_ref", 1)
            doc.mentions.insert(i, span)
            starts.insert(i, at)
            body.mentions.append(mention_of(doc, span))
            body.aliases.add(word)
