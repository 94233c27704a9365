"""Sentence splitting at full stops, question and exclamation marks and line breaks."""

from __future__ import annotations

import re

from kg.extract.doc import Doc
from kg.extract.registry import component
from kg.model import Sentence

_END = re.compile(r"[^。!?！？\n]*(?:[。!?！？]+[”’」]?|\n|$)")


def split(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their offsets (empty ones dropped)."""
    out: list[Sentence] = []
    for m in _END.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(len(out), s, e, text[s:e]))
    return out


@component("sentences")
def sentences(doc: Doc) -> None:
    doc.set_sentences(split(doc.text))
