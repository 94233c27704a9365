"""The curation file, ``curation.toml`` beside the store: read and checked rule by rule
(:func:`parse`, :func:`load`), and added to without touching the user's own lines (:func:`append`).

The file's format is described in :mod:`kg.curation`; what a rule does, in
:mod:`kg.curation_rules`.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from kg.curation_rules import _TYPES, OPS, Curation, CurationError, Rule
from kg.model import ENTITY_TYPES

FILE_NAME = "curation.toml"


def default_path(store: str | os.PathLike[str]) -> Path:
    """``curation.toml`` in the folder that holds the store (``out/curation.toml`` for ``out/store``)."""
    return Path(store).absolute().parent / FILE_NAME


def parse(text: str, where: str = FILE_NAME) -> Curation:
    """The rules of a curation file's text; :class:`CurationError` names the rule that is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CurationError(f"{where}: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - {"rule"})
    if unknown:
        raise CurationError(f"{where}: unknown table {', '.join(unknown)} (rules are [[rule]] tables)")
    raw = data.get("rule", [])
    if not isinstance(raw, list):
        raise CurationError(f"{where}: rules are [[rule]] tables")
    return Curation([_rule(r, f"{where}: rule {i}") for i, r in enumerate(raw, 1)])


def one_line(text: str) -> bool:
    """Whether ``text`` can be a name: no control characters (a name with a line break broke every
    line it was said in)."""
    return not any(ch < " " or ch == "\x7f" for ch in text)


def _text(value: Any, what: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CurationError(f"{where}: {what} must be a non-empty string")
    if not one_line(value.strip()):
        raise CurationError(f"{where}: {what} must be one line of text, without control characters")
    return value.strip()


def _rule(raw: Any, where: str) -> Rule:
    if not isinstance(raw, dict):
        raise CurationError(f"{where}: not a table")
    ops = [op for op in OPS if op in raw]
    if len(ops) != 1:
        raise CurationError(f"{where}: needs exactly one of {', '.join(OPS)}")
    op = ops[0]
    allowed = {op, "type"} | ({"names"} if op == "alias" else set()) | ({"to"} if op in ("rename", "retype") else set())
    extra = sorted(set(raw) - allowed)
    if extra:
        raise CurationError(f"{where}: unknown key {', '.join(extra)} for {op} (keys: {', '.join(sorted(allowed))})")
    type_ = _text(raw["type"], "type", where) if "type" in raw else None
    if type_ is not None and type_ not in _TYPES:
        raise CurationError(f"{where}: unknown type {type_!r}; use one of {', '.join(sorted(_TYPES))}")
    if op == "merge":
        names = raw["merge"]
        if not isinstance(names, list) or len(names) < 2:
            raise CurationError(f"{where}: merge needs a list of two or more names (the first is kept)")
        return Rule(op, tuple(_text(n, "a name", where) for n in names), type=type_)
    name = _text(raw[op], op, where)
    if op == "alias":
        names = raw.get("names")
        names = [names] if isinstance(names, str) else names
        if not isinstance(names, list) or not names:
            raise CurationError(f"{where}: alias needs names = [\"…\"]")
        return Rule(op, (name, *(_text(n, "a name", where) for n in names)), type=type_)
    if op in ("rename", "retype"):
        if "to" not in raw:
            raise CurationError(f"{where}: {op} needs to = \"…\"")
        to = _text(raw["to"], "to", where)
        if op == "retype" and to not in ENTITY_TYPES:
            raise CurationError(f"{where}: unknown class {to!r}; use one of {', '.join(ENTITY_TYPES)}")
        return Rule(op, (name,), to=to, type=type_)
    return Rule(op, (name,), type=type_)


def load(path: str | os.PathLike[str]) -> Curation:
    """Read a curation file (:class:`CurationError` when it is missing or wrong)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")  # (an editor's byte-order mark is no TOML)
    except FileNotFoundError:
        raise CurationError(f"no curation file {p}") from None
    except IsADirectoryError:
        raise CurationError(f"{p} is a folder, not a curation file") from None
    except UnicodeDecodeError:
        raise CurationError(f"{p}: not UTF-8 text") from None
    except OSError as exc:
        raise CurationError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    cur = parse(text, str(p))
    cur.path = p
    return cur


def for_store(store: str | os.PathLike[str] | None, path: str | os.PathLike[str] | None = None) -> Curation | None:
    """The curation a build of ``store`` applies: ``path`` if given, else the file beside a local store."""
    if path is not None:
        return load(path)
    if store is None or str(store).startswith(("http://", "https://")):
        return None
    beside = default_path(store)
    return load(beside) if beside.exists() else None  # (a folder there is said, not passed over)


_HEADER = ("# Chanye KG curation: corrections applied, in order, at every kg build, kg add and kg remove.\n"
           "# Written by kg merge / alias / rename / retype / drop; edit freely (see kg.curation).\n")


def append(path: str | os.PathLike[str], rule: Rule) -> str:
    """Add ``rule`` at the end of the file (created if missing), atomically; returns the old text.

    The user's own lines and comments are kept as they are.
    """
    p = Path(path)
    old = ""
    if p.exists():
        load(p)  # (a folder there, or a file that is no curation: said before anything is written)
        old = p.read_text(encoding="utf-8-sig")
    text = (old or _HEADER) + ("" if (old or _HEADER).endswith("\n") else "\n") + "\n" + rule.toml()
    parse(text, str(p))  # what is written reads back
    _write(p, text)
    return old


def _write(p: Path, text: str) -> None:
    """``text`` as the file ``p``, atomically; a symbolic link is kept, the file it leads to written."""
    p = Path(os.path.realpath(p))
    if not p.parent.is_dir():
        raise CurationError(f"no folder {p.parent} for the curation file")
    tmp = p.with_name(f".{p.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, p)
