"""Sentence splitting at full stops, question and exclamation marks and line breaks."""

from __future__ import annotations

import re

from kg.extract.doc import Doc, _new, _set
from kg.extract.registry import component
from kg.model import Sentence

_END = re.compile(r"[^。!?！？\n]*(?:[。!?！？]+[”’」]?|\n|$)")


def split(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their offsets (empty ones dropped)."""
    out: list[Sentence] = []
    for m in _END.finditer(text):
        g = m.group()
        t = g.strip()  # (str.strip drops what str.isspace calls space)
        if t:
            s = m.start() + len(g) - len(g.lstrip())
            sent = _new(Sentence)  # (Sentence(len(out), s, s + len(t), t): see doc._set)
            _set(sent, "index", len(out))
            _set(sent, "start", s)
            _set(sent, "end", s + len(t))
            _set(sent, "text", t)
            out.append(sent)
    return out


@component("sentences")
def sentences(doc: Doc) -> None:
    doc.set_sentences(split(doc.text))
