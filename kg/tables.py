"""Answers as text: aligned tables, CSV, JSON and Markdown for the terminal and files."""

from __future__ import annotations

import io
import json
import re
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kg.frame import display_frame

if TYPE_CHECKING:
    import pandas as pd


TABLE_FORMATS = ("table", "csv", "json", "markdown")


def _jsonable(value: Any) -> Any:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if type(value).__module__.startswith(("numpy", "pandas")):  # numpy scalars, pd.NA, NaT, Timestamp
        if type(value).__name__ in ("NAType", "NaTType"):
            return None
        if isinstance(value, float) and value != value:  # numpy floats are floats
            return None
        if hasattr(value, "isoformat"):
            return value.isoformat()
        if hasattr(value, "item"):
            return value.item()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _cell(value: Any) -> str:
    v = _jsonable(value)
    return "" if v is None else str(v)


_FORMULA = re.compile(r"[=+\-@\t\r]")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _as_text(cell: str) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula (OWASP's "CSV injection")."""
    return "'" + cell if _FORMULA.match(cell) and not _NUMBER.fullmatch(cell) else cell


def format_table(df: pd.DataFrame, fmt: str = "table", max_width: int = 60, total: int | None = None,
                 excel: bool = False) -> str:
    """Render a result as an aligned text table, CSV, JSON (records) or Markdown.

    In the text table, cells wider than ``max_width`` columns are cut with "…"; ``total``: the rows of
    the whole answer when ``df`` is its first rows (the table's last line says so). ``excel`` (CSV):
    a text cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first, from an
    article's text) is given a leading ``'``, which shows it as text; numbers are left as they are.
    """
    if fmt not in TABLE_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(TABLE_FORMATS)}")
    if getattr(df, "attrs", None):  # a typed DataFrame: dates back to their precision
        df = display_frame(df)
    cols = [str(c) for c in df.columns]
    rows = [[_cell(v) for v in row] for row in df.itertuples(index=False, name=None)]
    if fmt == "json":
        records = [{c: _jsonable(v) for c, v in zip(cols, row)} for row in df.itertuples(index=False, name=None)]
        return json.dumps(records, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        import csv

        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols)
        w.writerows([[_as_text(v) for v in row] for row in rows] if excel else rows)
        return buf.getvalue()
    if fmt == "markdown":
        esc = lambda s: s.replace("|", "\\|").replace("\n", " ")  # noqa: E731
        lines = ["| " + " | ".join(esc(c) for c in cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
        lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
        return "\n".join(lines)
    rows = [[_clip(v, max_width) for v in r] for r in rows]  # long sentences: csv/json give them whole
    sized = [[(v, _width(v)) for v in r] for r in [cols, *rows]]  # (each cell's width measured once)
    widths = [max(r[i][1] for r in sized) for i in range(len(cols))]
    lines = ["  ".join(v + " " * (w - n) for (v, n), w in zip(r, widths)).rstrip() for r in sized]
    lines.insert(1, "  ".join("-" * w for w in widths))
    if total is not None and total > len(rows):
        lines.append(f"(the first {len(rows)} of {total:,} rows)")
    else:
        lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    if _width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = _char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _width(text: str) -> int:
    """Display width: CJK and full-width characters take two columns."""
    return len(text) if text.isascii() else sum(map(_char_width, text))


@lru_cache(maxsize=None)
def _char_width(ch: str) -> int:
    """The display width of one character, cached: a table of 78k rows has ~25 M characters, of a
    few thousand kinds."""
    import unicodedata

    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1
