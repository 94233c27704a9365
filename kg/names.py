"""The comparison key of an entity name, shared by resolution, scoring and lookup.

SCHEMA.md §2 fixes how names compare: Simplified script, full-width forms
folded to ASCII, spaces and quotation marks dropped. One function serves every
stage so that what resolves together also scores and looks up together.
It also holds the one error every name lookup raises when a name names
several entities (:class:`AmbiguousEntity`), light enough for ``kg query``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_QUOTES = frozenset("“”‘’\"'《》「」『』")
_EXTRA_FOLD = {"〔": "(", "〕": ")", "【": "[", "】": "]", "〈": "<", "〉": ">"}


def _opencc(name: str) -> Any:
    """OpenCC's converter ``name`` from the configuration the package ships.

    By a bare name OpenCC looks in the working directory first (a ``t2s.json`` there would
    change the conversion, or fail it), so the packaged file is named by its full path."""
    import os

    import opencc

    shipped = os.path.join(os.path.dirname(os.path.abspath(opencc.__file__)), "clib", "share", "opencc", f"{name}.json")
    return opencc.OpenCC(shipped if os.path.isfile(shipped) else name)


@lru_cache(maxsize=1)
def _t2s() -> Any:
    """The one OpenCC Traditional->Simplified converter of the process (cleaning, names, lookup)."""
    return _opencc("t2s")


@lru_cache(maxsize=1)
def _hk2s() -> Any:
    """Hong Kong variant forms to Simplified (黃衞東 -> 黄卫东): what ``t2s`` leaves of them, for
    texts already found Traditional."""
    return _opencc("hk2s")


#: what a name typed by a user loses before lookup: quotes, brackets of titles, spaces, dots
_TYPED_DROP = dict.fromkeys(map(ord, "\"'“”‘’「」『』《》〈〉 \t\u3000·•"), None)


def fold(name: str) -> str:
    """A name as a user may type it, folded as lookup compares it (case kept): NFKC width
    folding, quotes and spaces dropped, Traditional -> Simplified.

    >>> fold("清陶（崑山）能源 “链长制”")
    '清陶(昆山)能源链长制'
    """
    return _t2s().convert(unicodedata.normalize("NFKC", name).translate(_TYPED_DROP))


@lru_cache(maxsize=131072)
def normalise(name: str) -> str:
    """The comparison key of ``name``.

    >>> normalise("清陶（崑山）能源 “链长制”")
    '清陶(昆山)能源链长制'
    """
    out = []
    for ch in _t2s().convert(name):
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            ch = chr(code - 0xFEE0)
        else:
            ch = _EXTRA_FOLD.get(ch, ch)
        if ch in _QUOTES or ch.isspace() or unicodedata.category(ch) == "Zs":
            continue
        out.append(ch)
    return "".join(out)


#: an IRI as SPARQL writes it: <https://…>
_BRACKETED_IRI = re.compile(r"<((?:https?|urn|file):[^<>\s]*)>")


def unbracketed(name: str) -> str:
    """``name`` without the angle brackets SPARQL writes an IRI in (``<https://…/event/…>``), so that
    a lookup, a curation rule or a query parameter takes the IRI as a user copies it from a query.

    >>> unbracketed("<https://w3id.org/chanye/id/event/ab>"), unbracketed("新闻发布会")
    ('https://w3id.org/chanye/id/event/ab', '新闻发布会')
    """
    found = _BRACKETED_IRI.fullmatch(name)
    return found.group(1) if found else name


class EntityLookupError(LookupError):
    """A name that does not name exactly one entity (not found, or ambiguous)."""


@dataclass(frozen=True)
class Candidate:
    """One of the entities an ambiguous name matches: what a user needs to choose among them."""

    iri: str
    label: str
    type: str
    articles: int  # number of articles that mention it
    matched: str  # the label or alias that matched
    by_alias: bool
    first_file: str = ""  # the source file of its first article by name, when known: entities of one name
                          # (the 新闻发布会 of several stories, kg.name_scope) differ by it

    def describe(self) -> str:
        how = f"alias {self.matched}" if self.by_alias else "label"
        where = f"{self.articles} article{'s' if self.articles != 1 else ''}"
        if self.first_file:
            where += f" ({self.first_file})" if self.articles == 1 else f" (first {self.first_file})"
        return f"{self.label}  [{self.type}]  {where}  (by {how})  {self.iri}"


class AmbiguousEntity(EntityLookupError):
    """Several entities have this name; ``candidates`` lists them and none is picked.

    The message names each with its type and article count; the user gives the
    full label or the IRI, or merges them (``kg merge``) when they are one thing.
    """

    def __init__(self, query: str, candidates: list[Candidate]) -> None:
        self.query = query
        self.candidates = candidates
        lines = [f"{query!r} names {len(candidates)} entities; give the full label or the IRI "
                 f"(or merge them with kg merge):"]
        lines += [f"  {c.describe()}" for c in candidates]
        super().__init__("\n".join(lines))


_BRACKETS = re.compile(r"\([^()]*\)")
_FORMS = ("股份有限公司", "有限责任公司", "集团有限公司", "集团公司", "有限公司", "集团", "公司", "控股")
#: Words of a firm's full name that its short name drops with the legal form (清陶(昆山)能源发展… -> 清陶能源).
_DESCRIPTORS = ("科技", "发展", "实业", "技术")


@lru_cache(maxsize=65536)
def firm_core(name: str) -> str:
    """A firm's name without bracketed parts (places), a leading place, legal forms and descriptors:
    the key under which resolution finds a firm's short name (清陶能源) its full one.

    >>> firm_core("甲乙(苏州)能源科技有限公司")
    '甲乙能源'
    """
    from kg.extract.lexicon import place_prefix

    core = _BRACKETS.sub("", name)
    stripped = True
    while stripped:
        stripped = False
        for form in _FORMS + _DESCRIPTORS:
            if core.endswith(form) and len(core) - len(form) >= 2:
                core, stripped = core[: -len(form)], True
    head = place_prefix(core)
    if head and len(core) - len(head) >= 2:
        core = core[len(head):]
    return core
