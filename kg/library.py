"""The named queries: ``.rq`` files with a comment header saying what they answer.

The shipped queries are in the package (``kg/data/queries``); a user's own
``.rq`` files join them from folders given as ``folders=``/``--queries DIR``
or in ``$KG_QUERIES`` (:func:`query_folders`). A header::

    # title: Firms and initiatives
    # question: Which firms are linked to which initiatives, and through what?
    # params: firm (label of a firm), initiative (label of an initiative)
    # required: firm|initiative
    # showcase: true
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

#: The named queries, shipped in the package (``queries/`` at the top of the repository links here).
QUERIES_DIR = Path(str(resources.files("kg") / "data" / "queries"))

_NAME = re.compile(r"^[A-Za-z0-9_\-]+(\.rq)?$")
_HEADER = re.compile(r"^#\s*(title|question|params|showcase|required)\s*:\s*(.*?)\s*$", re.IGNORECASE)
_PARAM = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(([^)]*)\))?\s*")


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
    required: tuple[str, ...] = ()  # at least one of these must be given

    @property
    def text(self) -> str:
        return _text(self.path)


def parse_header(text: str) -> dict[str, Any]:
    """The ``# key: value`` lines at the top of a .rq file."""
    out: dict[str, Any] = {"title": "", "question": "", "params": (), "showcase": False, "required": ()}
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
        elif key == "required":
            out["required"] = tuple(p.strip() for p in re.split(r"[|,\s]+", value) if p.strip())
        elif key == "showcase":
            out["showcase"] = value.strip().lower() in ("true", "yes", "1")
        else:
            out[key] = value
    return out


def query_info(path: Path) -> QueryInfo:
    h = parse_header(_text(path))
    return QueryInfo(path.stem, path, h["title"] or path.stem, h["question"], h["params"], h["showcase"], h["required"])


#: Folders of the user's own named queries, separated by ``os.pathsep``, searched before the shipped ones.
QUERIES_ENV = "KG_QUERIES"


def query_folders(extra: Iterable[str | os.PathLike[str]] = ()) -> list[Path]:
    """Where named queries are looked for, in order: ``extra``, then ``$KG_QUERIES``, then the shipped ones.

    A user's query of the same name as a shipped one is the one used (its folder comes first).
    Raises :class:`QueryError` for a folder that does not exist.
    """
    env = [p for p in os.environ.get(QUERIES_ENV, "").split(os.pathsep) if p.strip()]
    out: list[Path] = []
    for folder in [*extra, *env]:
        path = Path(folder).expanduser()
        if not path.is_dir():
            where = f" (from ${QUERIES_ENV})" if str(folder) in env else ""
            raise QueryError(f"no query folder {folder}{where}")
        if path.absolute() not in [o.absolute() for o in out]:
            out.append(path)
    return out + [QUERIES_DIR]


def _folders(directory: Path | None, extra: Iterable[str | os.PathLike[str]]) -> list[Path]:
    return [Path(directory)] if directory is not None else query_folders(extra)


def list_queries(directory: Path | None = None, extra: Iterable[str | os.PathLike[str]] = ()) -> list[QueryInfo]:
    """All named queries, sorted by name: those of ``directory``, or of :func:`query_folders`
    (the first folder holding a name gives it)."""
    found: dict[str, Path] = {}
    for folder in _folders(directory, extra):
        for path in sorted(folder.glob("*.rq")):
            found.setdefault(path.stem, path)
    return [query_info(found[name]) for name in sorted(found)]


def _named(name: str, directory: Path | None, extra: Iterable[str | os.PathLike[str]]) -> Path | None:
    file = name if name.endswith(".rq") else f"{name}.rq"
    for folder in _folders(directory, extra):
        if (folder / file).is_file():
            return folder / file
    return None


def load_query(name: str, directory: Path | None = None, extra: Iterable[str | os.PathLike[str]] = ()) -> str:
    """The text of a named query (``name`` or ``name.rq``)."""
    path = _named(name, directory, extra)
    if path is None:
        known = ", ".join(q.name for q in list_queries(directory, extra)) or "none"
        raise QueryError(f"no named query {name!r} (known: {known})")
    return _text(path)


def _text(path: Path) -> str:
    """A .rq file's text; one that cannot be read or is not UTF-8 is a :class:`QueryError`."""
    try:
        return path.read_text(encoding="utf-8-sig")  # (an editor's byte-order mark is no SPARQL)
    except UnicodeDecodeError as exc:
        raise QueryError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise QueryError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def resolve_query(query: str, directory: Path | None = None, extra: Iterable[str | os.PathLike[str]] = ()) -> tuple[str, QueryInfo | None]:
    """SPARQL text for a query name, a path to a .rq file, or SPARQL text itself."""
    if isinstance(query, os.PathLike):
        query = os.fspath(query)
    if not isinstance(query, str):
        raise TypeError(f"a query must be a name, a .rq file or SPARQL text (a string), not {type(query).__name__}")
    q = query.strip()
    if _NAME.match(q):
        path = _named(q, directory, extra)
        if path is not None:
            return _text(path), query_info(path)
        if not Path(q).is_file():
            load_query(q, directory, extra)  # raises, listing the known names
    if "\n" not in q and q.endswith(".rq"):
        path = Path(q)
        if not path.is_file():
            if path.exists():  # (a folder or a named pipe was "not found")
                raise QueryError(f"{q} is {'a folder' if path.is_dir() else 'not a regular file'}, not a query file")
            raise QueryError(f"query file not found: {q}")
        return _text(path), query_info(path)
    return query, None


