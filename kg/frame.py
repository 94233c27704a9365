"""Query answers as tidy, typed pandas DataFrames, and back to text at the precision stated.

:func:`typed_frame` gives each column of a SPARQL answer a dtype: dates as
``datetime64`` with a ``<name>_precision`` column (year, month, day) so that
"2021" never passes for 2021-01-01; ``xsd:decimal`` amounts as ``float64``
beside their currency column; counts as ``Int64``; text and IRIs as ``object``.
:func:`display_frame` turns such a frame back into what tables and CSV show.
pandas is imported inside the functions (it costs ~0.5 s of CLI start-up).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from kg.query_answer import Answer


class PartialDate(str):
    """An ``xsd:gYear`` or ``xsd:gYearMonth`` value ('2021', '2021-04'): prints as the text, and
    tells :func:`typed_frame` that the column holds dates."""

    __slots__ = ()


_PARTIAL_DATES = ("http://www.w3.org/2001/XMLSchema#gYear", "http://www.w3.org/2001/XMLSchema#gYearMonth")


#: Values of a ``<date>_precision`` column, coarse to fine ("time": an xsd:dateTime).
PRECISIONS = ("year", "month", "day", "time")


def _kind(values: list[Any]) -> str:
    """What a column holds: date, bool, int, float or object (text, IRIs, a mix); unbound
    values (None) do not count.

    Decided on the set of the values' types (one pass in C), not value by value:
    ``isinstance(v, C)`` is ``issubclass(type(v), C)``, and a column has a few types."""
    types = set(map(type, values))
    types.discard(type(None))
    if not types:
        return "object"
    if types == {str}:  # text only (the usual column)
        return "object"
    if all(issubclass(t, (date, PartialDate)) for t in types):  # datetime is a date too
        return "date"
    if all(issubclass(t, bool) for t in types):
        return "bool"
    if any(issubclass(t, bool) for t in types):
        return "object"
    if all(issubclass(t, int) for t in types):
        return "int"
    if all(issubclass(t, (int, float, Decimal)) for t in types):
        return "float"
    return "object"


def _date_column(values: list[Any]) -> tuple[Any, Any]:
    """(datetime64 values, precision) for dates given as date, datetime, '2021' or '2021-04'.

    A year stands for its 1 January and a month for its first day; the precision
    column says which it was, so nothing pretends to be more exact than the text.
    """
    import pandas as pd

    if set(map(type, values)) <= {date, type(None)}:  # days only: pandas converts them in one call
        days = pd.Categorical([None if v is None else "day" for v in values], categories=PRECISIONS, ordered=True)
        return pd.to_datetime(values), days
    stamps, precision = [], []
    for v in values:
        if v is None:
            stamps.append(None)
            precision.append(None)
        elif isinstance(v, PartialDate):
            month = len(v) > 4
            stamps.append(pd.Timestamp(f"{v}-01" if month else f"{v}-01-01"))
            precision.append("month" if month else "year")
        elif isinstance(v, datetime):
            stamps.append(pd.Timestamp(v))
            precision.append("time")
        else:
            stamps.append(pd.Timestamp(v))
            precision.append("day")
    aware = any(s is not None and s.tzinfo is not None for s in stamps)
    column = pd.to_datetime(stamps, utc=True) if aware else pd.to_datetime(stamps)
    return column, pd.Categorical(precision, categories=PRECISIONS, ordered=True)


def typed_frame(found: Answer) -> pd.DataFrame:
    """A query answer as a tidy DataFrame with typed columns.

    * dates (``xsd:date``, ``xsd:gYearMonth``, ``xsd:gYear``, ``xsd:dateTime``):
      ``datetime64`` plus a ``<column>_precision`` column (year, month, day, time)
      right after it, since '2021' is not 2021-01-01;
    * counts and other integers: ``Int64`` (missing values are ``<NA>``);
    * amounts (``xsd:decimal``) and other numbers: ``float64``; every amount of
      the named queries has its ``currency`` column beside it, and no query adds
      across currencies (``df.groupby("currency")["amount"].sum()`` is the safe total);
    * booleans: ``boolean``; text and IRIs: ``object`` (str, ``None`` when unbound).

    ``df.attrs["precision"]`` maps each date column to its precision column.
    """
    import pandas as pd  # here, not at the top: pandas alone is ~0.5 s of CLI start-up

    if found.columns == ["answer"] and found.rows and isinstance(found.rows[0][0], bool):
        return pd.DataFrame({"answer": pd.array([found.rows[0][0]], dtype="boolean")})
    columns: dict[str, Any] = {}
    precision_of: dict[str, str] = {}
    decimals: list[str] = []
    for i, name in enumerate(found.columns):
        values = found.column(i) if hasattr(found, "column") else [row[i] for row in found.rows]
        kind = _kind(values)
        if kind == "date":
            stamps, precision = _date_column(values)
            columns[name] = stamps
            extra = f"{name}_precision"
            while extra in found.columns or extra in columns:
                extra += "_"
            columns[extra] = precision
            precision_of[name] = extra
        elif kind == "int":
            columns[name] = pd.array(values, dtype="Int64")
        elif kind == "float":
            # each distinct value made a float once (an amount recurs in many rows, and
            # float(Decimal) goes through its text)
            floats = {v: float(v) for v in set(values) if v is not None}
            floats[None] = float("nan")
            columns[name] = pd.array(list(map(floats.__getitem__, values)), dtype="float64")
            if any(issubclass(t, Decimal) for t in set(map(type, values))):
                decimals.append(name)
        elif kind == "bool":
            columns[name] = pd.array(values, dtype="boolean")
        else:  # a Series keeps object dtype and None (an array would become pandas 3's str, None -> NaN)
            columns[name] = pd.Series(values, dtype=object)
    df = pd.DataFrame(columns, index=pd.RangeIndex(len(found)))
    if precision_of:
        df.attrs["precision"] = precision_of
    if decimals:
        df.attrs["decimal"] = decimals
    return df


def _date_text(stamp: Any, precision: Any) -> str | None:
    """'2021', '2021-04' or '2021-04-05' (or the ISO date-time) as the precision says."""
    if stamp is None or stamp != stamp or precision is None or precision != precision:  # NaT / NaN
        return None
    if precision == "year":
        return f"{stamp.year:04d}"
    if precision == "month":
        return f"{stamp.year:04d}-{stamp.month:02d}"
    if precision == "day":
        return stamp.date().isoformat()
    return stamp.isoformat()


def display_frame(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with dates as text at their precision (the precision columns folded in) and
    ``xsd:decimal`` amounts as whole numbers where whole: what tables and CSV show."""
    import pandas as pd

    precision_of = df.attrs.get("precision", {})
    decimals = df.attrs.get("decimal", [])
    if not precision_of and not decimals:
        return df
    out = df.copy()
    for col, pcol in precision_of.items():
        if col in out and pcol in out:
            out[col] = [_date_text(v, p) for v, p in zip(out[col], out[pcol])]
            out = out.drop(columns=[pcol])
    for col in decimals:
        if col in out:
            whole = [None if v != v else (int(v) if float(v).is_integer() else float(v)) for v in out[col]]
            out[col] = pd.Series(whole, index=out.index, dtype=object)
    return out
