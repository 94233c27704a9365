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


def _alt(patterns: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


@lru_cache(maxsize=1)
def rules() -> _Rules:
    """The furniture rules of ``kg/data/noise.toml``, compiled once."""
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
    )
