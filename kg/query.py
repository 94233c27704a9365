"""Named SPARQL queries (queries/*.rq), their execution, and result tables.

A named query is a ``.rq`` file whose comment header says what it answers::

    # title: Firms and initiatives
    # question: Which firms are linked to which initiatives, and through what?
    # params: firm (label of a firm), initiative (label of an initiative)
    # showcase: true

Parameters are bound as ``initBindings`` (Oxigraph substitutes them as
constants, so a parameter must be a variable of the SELECT clause used in a
required pattern); they are never pasted into the query text.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.namespaces import PREFIXES

if TYPE_CHECKING:
    import pandas as pd

QUERIES_DIR = Path(__file__).resolve().parents[1] / "queries"
TABLE_FORMATS = ("table", "csv", "json", "markdown")

_NAME = re.compile(r"^[A-Za-z0-9_\-]+(\.rq)?$")
_HEADER = re.compile(r"^#\s*(title|question|params|showcase)\s*:\s*(.*?)\s*$", re.IGNORECASE)
_PARAM = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(([^)]*)\))?\s*")
_ERROR_AT = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class QueryError(Exception):
    """A query that cannot be found, parsed or run; the message says why (and where)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


@dataclass(frozen=True)
class QueryInfo:
    """A named query and its header."""

    name: str
    path: Path
    title: str
    question: str
    params: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (name, description)
    showcase: bool = False

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def parse_header(text: str) -> dict[str, Any]:
    """The ``# key: value`` lines at the top of a .rq file."""
    out: dict[str, Any] = {"title": "", "question": "", "params": (), "showcase": False}
    for line in text.splitlines():
        if not line.strip():
            continue
        if not line.lstrip().startswith("#"):
            break
        m = _HEADER.match(line.strip())
        if not m:
            continue
        key, value = m.group(1).lower(), m.group(2)
        if key == "params":
            params = []
            if value.strip().lower() not in ("", "none"):
                for part in re.split(r",(?![^(]*\))", value):
                    pm = _PARAM.fullmatch(part)
                    if pm:
                        params.append((pm.group(1), (pm.group(2) or "").strip()))
            out["params"] = tuple(params)
        elif key == "showcase":
            out["showcase"] = value.strip().lower() in ("true", "yes", "1")
        else:
            out[key] = value
    return out


def query_info(path: Path) -> QueryInfo:
    h = parse_header(path.read_text(encoding="utf-8"))
    return QueryInfo(path.stem, path, h["title"] or path.stem, h["question"], h["params"], h["showcase"])


def list_queries(directory: Path = QUERIES_DIR) -> list[QueryInfo]:
    """All named queries, sorted by name."""
    return [query_info(p) for p in sorted(directory.glob("*.rq"))]


def load_query(name: str, directory: Path = QUERIES_DIR) -> str:
    """The text of a named query (``name`` or ``name.rq``)."""
    path = directory / (name if name.endswith(".rq") else f"{name}.rq")
    if not path.is_file():
        known = ", ".join(q.name for q in list_queries(directory)) or "none"
        raise QueryError(f"no named query {name!r} (known: {known})")
    return path.read_text(encoding="utf-8")


def resolve_query(query: str, directory: Path = QUERIES_DIR) -> tuple[str, QueryInfo | None]:
    """SPARQL text for a query name, a path to a .rq file, or SPARQL text itself."""
    q = query.strip()
    if _NAME.match(q):
        path = directory / (q if q.endswith(".rq") else f"{q}.rq")
        if path.is_file():
            return path.read_text(encoding="utf-8"), query_info(path)
        if not Path(q).is_file():
            load_query(q, directory)  # raises, listing the known names
    if "\n" not in q and q.endswith(".rq"):
        path = Path(q)
        if not path.is_file():
            raise QueryError(f"query file not found: {q}")
        return path.read_text(encoding="utf-8"), query_info(path)
    return query, None


def to_term(value: Any) -> rdflib.term.Identifier:
    """A Python parameter value as an RDF term.

    Strings that look like IRIs (or ``prefix:local`` with a known prefix) are
    IRIs; strings with Chinese characters are ``@zh`` literals, since every
    Chinese text in the graph is tagged ``@zh``; other values get their XSD type.
    """
    if isinstance(value, rdflib.term.Identifier):
        return value
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, Decimal):
        return Literal(value, datatype=XSD.decimal)
    if isinstance(value, float):
        return Literal(value, datatype=XSD.double)
    if isinstance(value, datetime):
        return Literal(value, datatype=XSD.dateTime)
    if isinstance(value, date):
        return Literal(value, datatype=XSD.date)
    text = str(value)
    if re.match(r"^(https?|urn|file):", text):
        return URIRef(text)
    m = re.match(r"^([a-z]+):(\S+)$", text)
    if m and m.group(1) in PREFIXES:
        return URIRef(str(PREFIXES[m.group(1)]) + m.group(2))
    if _CJK.search(text):
        return Literal(text, lang="zh")
    return Literal(text)


def to_python(term: Any) -> Any:
    """A readable Python value: str for IRIs and text, int/Decimal for numbers, date for xsd:date."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, Literal):
        if term.language or term.datatype in (None, XSD.string):
            return str(term)
        if term.datatype in (XSD.gYear, XSD.gYearMonth):
            return str(term)
        value = term.toPython()
        if isinstance(value, Literal):
            return str(term)
        return value
    return str(term)


def _check_params(info: QueryInfo | None, params: Mapping[str, Any]) -> None:
    if info is None or not params:
        return
    allowed = {p for p, _ in info.params}
    unknown = sorted(set(params) - allowed)
    if unknown:
        names = ", ".join(sorted(allowed)) or "none"
        raise QueryError(f"query {info.name!r} has no parameter {', '.join(unknown)} (parameters: {names})")


def _syntax_error(exc: BaseException) -> QueryError:
    text = str(exc)
    m = _ERROR_AT.search(text)
    if not m:
        return QueryError(f"malformed SPARQL: {text.strip()}")
    line, col, msg = int(m.group(1)), int(m.group(2)), " ".join(m.group(3).split())
    if len(msg) > 120:  # the parser lists every token it would accept; keep the first few
        cut = msg.rfind(", ", 0, 110)
        msg = (msg[:cut] if cut > 0 else msg[:110]) + ", …"
    return QueryError(f"malformed SPARQL at line {line}, column {col}: {msg}", line, col)


def sparql(dataset: rdflib.Dataset, query: str, params: Mapping[str, Any] | None = None) -> rdflib.query.Result:
    """Run a query (name, .rq path or SPARQL text) with ``params`` as initBindings."""
    text, info = resolve_query(query)
    params = dict(params or {})
    _check_params(info, params)
    bindings = {k: to_term(v) for k, v in params.items()}
    try:
        return dataset.query(text, initBindings=bindings)
    except SyntaxError as exc:
        raise _syntax_error(exc) from None
    except (RuntimeError, ValueError, OSError) as exc:
        raise QueryError(f"query failed: {exc}") from None


def run_query(dataset: rdflib.Dataset, query: str, params: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Run a SELECT (or ASK/CONSTRUCT) query; the answer as a DataFrame of Python values."""
    import pandas as pd  # here, not at the top: pandas alone is ~0.5 s of CLI start-up

    result = sparql(dataset, query, params)
    if result.type == "ASK":
        return pd.DataFrame({"answer": [bool(result.askAnswer)]})
    if result.type == "CONSTRUCT":
        rows = [[to_python(s), to_python(p), to_python(o)] for s, p, o in result.graph]
        return pd.DataFrame(rows, columns=["subject", "predicate", "object"])
    cols = [str(v) for v in result.vars or []]
    rows = [[to_python(b.get(v)) for v in result.vars] for b in result.bindings]
    return pd.DataFrame(rows, columns=cols, dtype=object)


def _jsonable(value: Any) -> Any:
    if value is None or (isinstance(value, float) and value != value):
        return None
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
