"""Hand-made articles for extraction tests (no file reading needed)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kg.model import Article


def article(text: str, dateline: str | None = None, title: str | None = None) -> Article:
    """An Article whose cleaned text is ``text`` as given."""
    return Article(
        source_file="handmade.txt",
        path=Path("handmade.txt"),
        digest=hashlib.sha256(text.encode()).hexdigest(),
        encoding="utf_8",
        raw_text=text,
        text=text,
        offsets=tuple(range(len(text))),
        title=title,
        dateline=dateline,
    )


def facts(extraction) -> set[tuple]:
    """Relations as comparable tuples."""
    return {(r.predicate, r.subject, r.object, r.title) if r.predicate == "holdsPosition" else (r.predicate, r.subject, r.object)
            for r in extraction.relations}


def types(extraction) -> dict[str, str]:
    return {e.label: e.type for e in extraction.entities}
