"""The last step: drop what the graph must not hold."""

from __future__ import annotations

from kg.extract.doc import Doc
from kg.extract.lexicon import words
from kg.extract.registry import component


@component("finalise")
def finalise(doc: Doc) -> None:
    """Drop people of bylines and entities left without mention or fact."""
    byline = tuple(words("byline"))
    for label, e in list(doc.entities.items()):
        if e.type == "Person" and e.mentions and all(
            doc.text[max(0, m.start - 5) : m.start].rstrip().endswith(byline) for m in e.mentions
        ):
            doc.entities.pop(label)
