"""Lexicons and word lists from ``kg/data/``, loaded once per process.

Lexicon matching is one compiled regular expression per lexicon, built as a
character trie so that the regex engine (not a Python loop) scans the text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Characters a name may contain.
NAME_CHARS = HAN + "A-Za-z0-9()+\\-·&“”"
#: a university's campus written after its name, in brackets: 哈尔滨工业大学(威海)
CAMPUS = re.compile(r"\(([\u4e00-\u9fff]{2,4})\)")


def _data(name: str) -> str:
    return resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in _data(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(line.rstrip("\n").split("\t"))
    return out


@lru_cache(maxsize=1)
def config() -> dict[str, Any]:
    """``kg/data/pipeline.toml``: component order and word lists."""
    return tomllib.loads(_data("pipeline.toml"))


@cache
def words(key: str) -> tuple[str, ...]:
    """A word list of ``pipeline.toml`` (built once per key: the rules ask for them per candidate)."""
    return tuple(config()["words"][key])


#: the most branches one alternation of a trie regex holds (see :func:`trie_regex`; of 12 to 400 on the
#: bench corpus, 96 to 128 made the places' trie fastest: a lookahead costs more than a branch's first test)
_GROUP = 96


def trie_regex(items: Iterable[str]) -> str:
    """A regex alternation of ``items`` shaped as a trie (longest match first).

    ``re`` tries the branches of an alternation one by one (each a one-character test, since
    every branch starts with its own literal). A node with more than :data:`_GROUP` branches
    (the places start with 958 characters) is split into groups of them, each behind a
    lookahead of its first characters, a set ``re`` tests at once: a match at one position
    costs ~10 set tests and at most ~96 branch tests instead of ~960 (``lexicon().place_re``:
    match ~7x, finditer ~5x faster). The branches start with different characters, so at
    most one can match and the matches are the same."""
    trie: dict = {}
    for w in set(items):
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        chars = sorted(ch for ch in node if ch)
        if not chars:
            return ""
        if len(chars) == 1 and not ends:
            return re.escape(chars[0]) + build(node[chars[0]])
        if len(chars) <= _GROUP:
            alt = "(?:" + "|".join(re.escape(ch) + build(node[ch]) for ch in chars) + ")"
        else:
            groups = [chars[i : i + _GROUP] for i in range(0, len(chars), _GROUP)]
            alt = "(?:" + "|".join(
                "(?=[" + "".join(map(re.escape, group)) + "])(?:" + "|".join(re.escape(ch) + build(node[ch]) for ch in group) + ")"
                for group in groups) + ")"
        return alt + "?" if ends else alt

    return build(trie)


def compile_words(items: Iterable[str]) -> re.Pattern[str]:
    """One regex for a word list (the trie of :func:`trie_regex`).

    The trie's top level is an alternation of literal first characters, from which ``re``
    makes the set of characters a match can start with and skips to them in C; a lookahead
    ``(?=[...])`` in front (as once here) hides that set from it, and the scan then tries the
    whole pattern at every position: about twice as slow for the name suffixes."""
    items = [w for w in items if w]
    if not items:
        return re.compile(r"(?!x)x")
    return re.compile(trie_regex(items))


class WordScanner:
    """The matches ``compile_words(items).finditer(text)`` yields, as ``(start, end)`` pairs.

    The trie regex takes the longest word at the leftmost position, then goes on
    after it; so does this scan. For a list of thousands of words (the places) the
    regex engine tries the branches of the trie's first alternation one by one at
    every position, which a set lookup per candidate length avoids.
    """

    def __init__(self, items: Iterable[str]) -> None:
        self.words = frozenset(w for w in items if w)
        lengths: dict[str, set[int]] = {}
        for w in self.words:
            lengths.setdefault(w[:2], set()).add(len(w))
        #: by the first two characters (a one-character word under its own character): the
        #: lengths of the words that start so, longest first
        self.lengths = {pre: sorted(ls, reverse=True) for pre, ls in lengths.items()}
        single = "".join(sorted(re.escape(w) for w in self.words if len(w) == 1))
        first = "".join(sorted({re.escape(w[0]) for w in self.words if len(w) > 1}))
        second = "".join(sorted({re.escape(w[1]) for w in self.words if len(w) > 1}))
        # candidates: a first character followed by a second one (few positions), or a word of one character
        alts = ([f"[{first}](?=[{second}])"] if first else []) + ([f"[{single}]"] if single else [])
        self.first = re.compile("|".join(alts)) if alts else re.compile(r"(?!x)x")
        self.singles = bool(single)  # (any word of one character)

    def find(self, text: str) -> list[tuple[int, int]]:
        words, lengths = self.words, self.lengths
        out: list[tuple[int, int]] = []
        n = len(text)
        end = 0  # (the end of the last word found: a candidate before it is inside that word)
        singles = self.singles
        # (every candidate position at once, one character each: a scan in C, where a search per
        # candidate from the last word's end cost a call each; most candidates start no word)
        for i in [m.start() for m in self.first.finditer(text)]:
            if i < end:
                continue
            for k in lengths.get(text[i : i + 2], ()):
                if i + k <= n and text[i : i + k] in words:
                    out.append((i, i + k))
                    end = i + k
                    break
            else:
                if singles and text[i] in words:  # a word of one character, when no longer one starts here
                    out.append((i, i + 1))
                    end = i + 1
        return out

    def match_end(self, text: str, start: int, end: int) -> int:
        """End of the match of ``compile_words(items).match(text, start, end)`` (the longest word
        at ``start`` that ends by ``end``), or -1: two set lookups where the regex tries the
        branches of its first alternation one by one."""
        if end - start >= 2:
            words = self.words
            for k in self.lengths.get(text[start : start + 2], ()):
                if start + k <= end and text[start : start + k] in words:
                    return start + k
        if end - start >= 1 and text[start] in self.words:
            return start + 1
        return -1


@lru_cache(maxsize=1)
def place_scanner() -> WordScanner:
    """The place names as a :class:`WordScanner` (built once; the matches of ``lexicon().place_re``)."""
    return WordScanner(lexicon().places)


@lru_cache(maxsize=1)
def industry_scanner() -> WordScanner:
    """The industry names as a :class:`WordScanner` (built once; the matches of ``lexicon().industry_re``)."""
    return WordScanner(lexicon().industries)


@dataclass(frozen=True)
class Place:
    name: str  # full official name, e.g. 昆山市
    level: str  # country, province, city, county, town
    parent: str  # full name of the parent ("" when none)
    short: str  # common short form (昆山) or ""

    @property
    def label(self) -> str:
        """Canonical label: the short form when there is one (昆山), else the full name."""
        return self.short or self.name


@dataclass(frozen=True)
class Title:
    title: str
    organ: str  # organ stem for government posts (市委), else ""
    kind: str  # gov, org, any


@dataclass
class Lexicon:
    places: dict[str, Place] = field(default_factory=dict)  # any surface form -> place
    industries: dict[str, str] = field(default_factory=dict)  # surface form -> label
    broader: dict[str, str] = field(default_factory=dict)
    titles: dict[str, Title] = field(default_factory=dict)
    suffixes: dict[str, tuple[str, int]] = field(default_factory=dict)  # suffix -> (type, min stem)
    known_orgs: dict[str, tuple[str, str]] = field(default_factory=dict)  # surface -> (type, label)
    company_endings: tuple[str, ...] = ()
    surnames: frozenset[str] = frozenset()
    surname_rank: dict[str, int] = field(default_factory=dict)  # surname -> rank by frequency (0 = commonest)
    place_re: re.Pattern[str] | None = None
    industry_re: re.Pattern[str] | None = None
    known_org_re: re.Pattern[str] | None = None
    title_re: re.Pattern[str] | None = None
    suffix_re: re.Pattern[str] | None = None
    ending_re: re.Pattern[str] | None = None
    ending_find_re: re.Pattern[str] | None = None

    def place(self, surface: str) -> Place | None:
        return self.places.get(surface)

    def place_label(self, surface: str) -> str | None:
        p = self.places.get(surface)
        return p.label if p else None

    def parent_label(self, label: str) -> str | None:
        p = self.places.get(label)
        if not p or not p.parent:
            return None
        q = self.places.get(p.parent)
        return q.label if q else None


def _autonomous_shorts(p: Place, short: str) -> tuple[str, ...]:
    """The everyday form of an autonomous prefecture or county: its short name and the level
    (海西蒙古族藏族自治州 -> 海西州, 阜新蒙古族自治县 -> 阜新县)."""
    if short and p.name.endswith(("自治州", "自治县")):
        return (short + p.name[-1],)
    return ()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """All lexicons, parsed and compiled once."""
    lex = Lexicon()
    not_shorts = set(words("not_place_shorts"))
    for file in ("world_places.tsv", "places.tsv"):
        for row in _rows(file):
            row += [""] * (4 - len(row))
            if row[3] in not_shorts or (row[1] == "county" and row[3].endswith("湖")):
                row[3] = ""
            p = Place(*row[:4])
            owner = lex.places.get(p.short)
            if owner is not None and owner.name == p.parent and p.level == "county" and p.name not in lex.places:
                p = Place(p.name, p.level, p.parent, "")  # 阜新蒙古族自治县 under 阜新市: 阜新 names the city
            for form in (p.name, p.short, *_autonomous_shorts(p, row[3])):
                if form and form not in lex.places:
                    lex.places[form] = p
    for row in _rows("industries.tsv"):
        row += [""] * (3 - len(row))
        label, broader, aliases = row[:3]
        if broader:
            lex.broader[label] = broader
        for form in [label, *[a for a in aliases.split("|") if a]]:
            lex.industries.setdefault(form, label)
            if not form.endswith("产业"):
                lex.industries.setdefault(form + "产业", label)
    for row in _rows("titles.tsv"):
        row += [""] * (3 - len(row))
        lex.titles[row[0]] = Title(row[0], row[1], row[2] or "any")
    for row in _rows("name_suffixes.tsv"):
        lex.suffixes[row[0]] = (row[1], int(row[2]) if len(row) > 2 and row[2] else 2)
    for row in _rows("known_orgs.tsv"):
        row += [""] * (3 - len(row))
        for form in [row[0], *[a for a in row[2].split("|") if a]]:
            lex.known_orgs[form] = (row[1], row[0])
    lex.company_endings = tuple(
        line.strip() for line in _data("company_endings.txt").splitlines() if line.strip() and not line.startswith("#")
    )
    sur = []
    for line in _data("surnames.txt").splitlines():
        if not line.startswith("#"):
            sur += line.split()
    lex.surnames = frozenset(sur)
    for i, name in enumerate(sur):
        lex.surname_rank.setdefault(name, i)
    lex.place_re = compile_words(lex.places)
    lex.industry_re = compile_words(lex.industries)
    lex.known_org_re = compile_words(lex.known_orgs)
    lex.title_re = compile_words(lex.titles)
    lex.suffix_re = compile_words(lex.suffixes)
    lex.ending_re = re.compile("(?:" + trie_regex(lex.company_endings) + ")$")
    lex.ending_find_re = compile_words(lex.company_endings)
    return lex


@lru_cache(maxsize=65536)
def place_prefix(name: str) -> str | None:
    """The longest place name of the lexicon (2 to 6 characters) that ``name`` opens with, leaving at
    least two characters after it (kept per name: the alias rules and resolution ask it of the same
    names again and again)."""
    places = lexicon().places
    for n in range(min(len(name) - 2, 6), 1, -1):
        if name[:n] in places:
            return name[:n]
    return None


def place_ending_at(text: str, pos: int, longest: int = 6, levels: tuple[str, ...] = ()) -> int | None:
    """Where the longest place name of the lexicon (2 to ``longest`` characters; of one of ``levels``
    when given) written right before ``pos`` starts, if any: 福建省 + 台港澳办, 松阳县 + 副县长."""
    places = lexicon().places
    for k in range(longest, 1, -1):
        p = places.get(text[pos - k : pos]) if pos - k >= 0 else None
        if p is not None and (not levels or p.level in levels):
            return pos - k
    return None


@cache
def _suffixes_by_length(typ: str) -> tuple[tuple[int, frozenset[str]], ...]:
    by_len: dict[int, set[str]] = {}
    for suffix, (t, _) in lexicon().suffixes.items():
        if t == typ:
            by_len.setdefault(len(suffix), set()).add(suffix)
    return tuple((n, frozenset(v)) for n, v in sorted(by_len.items(), reverse=True))


@cache
def _suffix_last_chars(typ: str) -> frozenset[str]:
    """The last characters of the name suffixes of class ``typ`` (none but these can end one)."""
    return frozenset(suffix[-1:] for suffix, (t, _) in lexicon().suffixes.items() if t == typ and suffix)


def suffix_ending(text: str, typ: str) -> str | None:
    """The longest name suffix of class ``typ`` (``name_suffixes.tsv``) that ``text`` ends with:
    only one suffix of each length can end it, so a set lookup per length finds it."""
    by_length = _suffixes_by_length(typ)
    if text[-1:] not in _suffix_last_chars(typ):  # (most texts asked end in none: one lookup, not one per length)
        return "" if by_length and by_length[-1][0] == 0 else None  # (the empty suffix, when the class has one)
    for n, sufs in by_length:
        if n == 0:
            return ""
        if text[-n:] in sufs:
            return text[-n:]
    return None

