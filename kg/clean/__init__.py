"""Decoded page -> :class:`~kg.model.Article`: the article text, Simplified and folded.

Cleaning is a chain of small transformations of a :class:`Mapped` text: the
text plus, for every character, its offset in the decoded original. Each step
(HTML text extraction, pinyin-gloss removal, width folding, Traditional ->
Simplified, furniture removal, whitespace) rewrites text and offsets together,
so every character of the result still points at the character of the source
file it came from; evidence offsets in the graph are source offsets.

What counts as page furniture (menus, buttons, related-news lists, copyright
lines, bylines) is data: ``kg/data/noise.toml``.
"""

from __future__ import annotations

from pathlib import Path

from kg.clean.mapped import Mapped
from kg.extract.cache import compiled_patterns
from kg.model import Article, Offsets

# the cleaner's patterns skip in C where no match can start (same matches), compiled in an earlier process
with compiled_patterns("clean-regexes"):
    from kg.clean.chars import (
        CJK,
        WIDTH_TABLE,
        cjk_count,
        fold_width,
        is_traditional,
        normalise,
        to_simplified,
    )
    from kg.clean.furniture import _classify, _dateline, _title
    from kg.clean.html import html_text, looks_like_html

# --------------------------------------------------------------------------- entry points


def clean_text(
    raw_text: str, html: bool = False
) -> tuple[Mapped, bool, str | None, str | None]:
    """Clean a decoded page: ``(mapped text, was_traditional, title, dateline)``."""
    m = html_text(raw_text) if html else Mapped.of(raw_text)
    m, was_traditional = normalise(m)
    lines, cut = _classify(m)
    title = _title(lines[:cut])
    dateline = _dateline(lines, cut)
    kept = [ln for ln in lines if not ln.noise]
    spans: list[tuple[int, int]] = []
    for i, ln in enumerate(kept):
        end = ln.end + 1 if i < len(kept) - 1 else ln.end  # keep the line's own "\n"
        spans.append((ln.start, end))
    return m.select(spans), was_traditional, title, dateline


def clean(
    raw_text: str,
    source_file: str,
    path: Path,
    digest: str,
    encoding: str,
    *,
    html: bool | None = None,
) -> Article:
    """Build the :class:`Article` of a decoded file (``html=None``: sniff the markup)."""
    if html is None:
        html = looks_like_html(raw_text)
    m, was_traditional, title, dateline = clean_text(raw_text, html=html)
    return Article(
        source_file=source_file,
        path=path if isinstance(path, Path) else Path(path),
        digest=digest,
        encoding=encoding,
        raw_text=raw_text,
        text=m.text,
        offsets=Offsets.of(m.offsets),
        was_traditional=was_traditional,
        title=title,
        dateline=dateline,
    )


__all__ = [
    "CJK",
    "WIDTH_TABLE",
    "Mapped",
    "cjk_count",
    "clean",
    "clean_text",
    "fold_width",
    "html_text",
    "is_traditional",
    "looks_like_html",
    "normalise",
    "to_simplified",
]
