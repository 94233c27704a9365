"""The furniture rules of ``kg/data/noise.toml``, compiled once."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

# --------------------------------------------------------------------------- rules (data)


@dataclass(frozen=True)
class _Rules:
    inline: re.Pattern[str]
    max_len: int
    drop_without_cjk: bool
    min_cjk_document: int
    drop: re.Pattern[str]
    end: re.Pattern[str]
    byline: re.Pattern[str]
    cta: re.Pattern[str]
    body_min_cjk: int
    sentence_end: re.Pattern[str]
    title_min_cjk: int
    title_max_len: int
    title_exclude: re.Pattern[str]
    date_label: re.Pattern[str]
    body_window: int
    min_year: int
    max_year: int
    html_skip: frozenset[str]
    html_page: frozenset[str]
    html_block: frozenset[str]
    html_skip_attr: re.Pattern[str]
    drop_any: AnyOf  # drop.search as a truth value, faster
    end_any: AnyOf  # end.search as a truth value, faster


def _alt(patterns: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def _anchored(pattern: str, flags: int) -> bool:
    """Whether every way ``pattern`` can match starts at the start of the text (``^...``,
    ``^a|^b``); False when unsure."""
    try:
        from re import _constants as c
        from re import _parser
    except ImportError:  # pragma: no cover - a Python without these private modules
        return False
    try:
        tree = _parser.parse(pattern, flags)
    except Exception:  # pragma: no cover - the combined pattern has compiled already
        return False
    if not len(tree) or (tree.state.flags | flags) & re.M:  # (an inline (?m) too)
        return False
    op, av = tree[0]
    if op is c.AT and av is c.AT_BEGINNING:
        return True
    return op is c.BRANCH and len(tree) == 1 and all(
        len(b) and b[0] == (c.AT, c.AT_BEGINNING) for b in av[1]
    )


class AnyOf:
    """Whether any of some patterns is found in a line: ``_alt(patterns).search(line)`` as a
    truth value, tested faster. A search with the alternation of all patterns tries each of them
    at every character; the patterns anchored at the start (most line rules) are tried there
    only (one alternation), the others each on their own (a fast scan for their first characters)."""

    __slots__ = ("anchored", "free")

    def __init__(self, patterns: Iterable[str], flags: int = 0) -> None:
        patterns = list(patterns)
        anchored = [p for p in patterns if _anchored(p, flags)]
        self.anchored = _alt(anchored, flags) if anchored else None
        self.free = tuple(re.compile(p, flags) for p in patterns if p not in anchored)

    def found(self, line: str) -> bool:
        if self.anchored is not None and self.anchored.search(line):
            return True
        for p in self.free:  # (a loop: any() of a generator made per line cost more than the searches)
            if p.search(line):
                return True
        return False


@lru_cache(maxsize=1)
def rules() -> _Rules:
    """The furniture rules of ``kg/data/noise.toml``, compiled once (in an earlier process, when the
    start-up cache has them: :func:`kg.extract.cache.compiled_patterns`, 0.08 s of each process)."""
    from kg.extract.cache import compiled_patterns

    with compiled_patterns("clean-rules"):
        return _rules()


def _rules() -> _Rules:
    raw: dict[str, Any] = tomllib.loads(
        resources.files("kg").joinpath("data/noise.toml").read_text(encoding="utf-8")
    )
    line, body, title, date, html = (
        raw["line"],
        raw["body"],
        raw["title"],
        raw["dateline"],
        raw["html"],
    )
    labels = "|".join(sorted(map(re.escape, date["labels"]), key=len, reverse=True))
    return _Rules(
        inline=_alt(raw["inline"]["patterns"], re.I),
        max_len=line["max_len"],
        drop_without_cjk=line["drop_without_cjk"],
        min_cjk_document=line["min_cjk_document"],
        drop=_alt(line["drop"], re.I),
        end=_alt(line["end"], re.I),
        byline=_alt(line["byline"]),
        cta=_alt(line["cta"]),
        body_min_cjk=body["min_cjk"],
        sentence_end=re.compile(body["sentence_end"]),
        title_min_cjk=title["min_cjk"],
        title_max_len=title["max_len"],
        title_exclude=_alt(title["exclude"]),
        date_label=re.compile(
            rf"(?:{labels})\s*[::]?\s*(\d{{4}})\s*[-/.年]\s*(\d{{1,2}})(?:\s*[-/.月]\s*(\d{{1,2}}))?"
        ),
        body_window=date["body_window"],
        min_year=date["min_year"],
        max_year=date["max_year"],
        html_skip=frozenset(html["skip_tags"]),
        html_page=frozenset(html["page_tags"]),
        html_block=frozenset(html["block_tags"]),
        html_skip_attr=re.compile(html["skip_attr"], re.I),
        drop_any=AnyOf(line["drop"], re.I),
        end_any=AnyOf(line["end"], re.I),
    )
