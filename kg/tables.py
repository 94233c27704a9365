"""Answers as text: aligned tables, CSV, JSON and Markdown for the terminal and files."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from decimal import Decimal
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


def format_table(df: pd.DataFrame, fmt: str = "table", max_width: int = 60) -> str:
    """Render a result as an aligned text table, CSV, JSON (records) or Markdown.

    In the text table, cells wider than ``max_width`` columns are cut with "…".
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
        w.writerows(rows)
        return buf.getvalue()
    if fmt == "markdown":
        esc = lambda s: s.replace("|", "\\|").replace("\n", " ")  # noqa: E731
        lines = ["| " + " | ".join(esc(c) for c in cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
        lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
        return "\n".join(lines)
    rows = [[_clip(v, max_width) for v in r] for r in rows]  # long sentences: csv/json give them whole
    widths = [max([_width(c)] + [_width(r[i]) for r in rows]) for i, c in enumerate(cols)]
    pad = lambda s, w: s + " " * (w - _width(s))  # noqa: E731
    lines = ["  ".join(pad(c, w) for c, w in zip(cols, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(pad(v, w) for v, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    if _width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = _width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _width(text: str) -> int:
    """Display width: CJK and full-width characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
