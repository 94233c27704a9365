"""Decoded page -> :class:`~kg.model.Article`: the article text, Simplified and folded.

Cleaning is a chain of small transformations of a :class:`Mapped` text: the
text plus, for every character, its offset in the decoded original. Each step
(HTML text extraction, pinyin-gloss removal, width folding, Traditional ->
Simplified, furniture removal, whitespace) rewrites text and offsets together,
so every character of the result still points at the character of the source
file it came from; evidence offsets in the graph are source offsets.

What counts as page furniture (menus, buttons, related-news lists, copyright
lines, bylines) is data: ``kg/data/noise.toml``.
"""

from __future__ import annotations

import re
import tomllib
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from kg.model import Article

#: CJK ideographs (basic block, extension A, compatibility, supplementary planes).
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_RE = re.compile(f"[{CJK}]")
_NON_CJK_RE = re.compile(f"[^{CJK}]+")

#: Share of CJK characters that must change under ``t2s`` for a text to count as Traditional.
TRADITIONAL_RATIO = 0.05
#: ... and at least this many of them (a stray Traditional name does not convert a page).
TRADITIONAL_MIN = 3


# --------------------------------------------------------------------------- mapped text


class Mapped:
    """A text with, for each character, its offset in the original."""

    __slots__ = ("text", "offsets")

    def __init__(self, text: str, offsets: array) -> None:
        if len(text) != len(offsets):  # pragma: no cover - guards the invariant
            raise ValueError("text and offsets differ in length")
        self.text = text
        self.offsets = offsets

    @classmethod
    def of(cls, text: str) -> Mapped:
        """The identity map of an original text."""
        offsets = array("q")
        offsets.frombytes(np.arange(len(text), dtype=np.int64).tobytes())
        return cls(text, offsets)

    def sub(self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str] = "") -> Mapped:
        """``pattern.sub`` that carries offsets.

        ``repl`` is a literal string (no back-references) or a function of the
        match. A replacement of the same length keeps the matched offsets one to
        one; otherwise its i-th character maps to the i-th matched character
        (the last one when the replacement is longer).
        """
        text, offs = self.text, self.offsets
        if repl == "":
            return self._delete([m.span() for m in pattern.finditer(text) if m.end() > m.start()])
        parts: list[str] = []
        out = array("q")
        pos = 0
        for m in pattern.finditer(text):
            s, e = m.span()
            r = repl if isinstance(repl, str) else repl(m)
            if r == m.group():
                continue
            parts.append(text[pos:s])
            out.extend(offs[pos:s])
            if r:
                parts.append(r)
                if len(r) == e - s:
                    out.extend(offs[s:e])
                elif e > s:
                    out.extend(offs[s + min(i, e - s - 1)] for i in range(len(r)))
                else:
                    anchor = offs[s] if s < len(offs) else (offs[-1] + 1 if offs else 0)
                    out.extend([anchor] * len(r))
            pos = e
        if not parts:
            return self
        parts.append(text[pos:])
        out.extend(offs[pos:])
        return Mapped("".join(parts), out)

    def _delete(self, spans: list[tuple[int, int]]) -> Mapped:
        if not spans:
            return self
        keep = list(zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(self.text)]))
        return self.select(keep)

    def translate(self, table: dict[int, int | str]) -> Mapped:
        """A one-to-one character mapping (offsets unchanged)."""
        new = self.text.translate(table)
        if len(new) != len(self.text):  # pragma: no cover - tables here are 1:1
            raise ValueError("translate table is not one-to-one")
        return Mapped(new, self.offsets)

    def select(self, spans: Iterable[tuple[int, int]]) -> Mapped:
        """The concatenation of the given ``[start, end)`` spans."""
        spans = list(spans)
        text, offs = self.text, self.offsets
        out = array("q")
        for s, e in spans:
            out.extend(offs[s:e])
        return Mapped("".join([text[s:e] for s, e in spans]), out)


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
    line, body, title, date, html = raw["line"], raw["body"], raw["title"], raw["dateline"], raw["html"]
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


# --------------------------------------------------------------------------- HTML


class _TextExtractor(HTMLParser):
    """Visible article text of an HTML page, with source offsets.

    Data is taken verbatim (entity references are decoded and mapped to the
    offset of their ``&``); block elements end a line; furniture elements
    (script, nav, aside, class="share" ...) are skipped with their content.
    """

    _VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr", "param"})

    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.r = rules()
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]
        self.parts: list[str] = []
        self.offs = array("q")
        self.skip_tag: str | None = None
        self.skip_depth = 0
        self.content_depth = 0  # inside <article> or <main>
        self.pre_depth = 0

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, start: int, verbatim: bool) -> None:
        if self.skip_tag is not None or not text:
            return
        self.parts.append(text)
        if verbatim:
            self.offs.extend(range(start, start + len(text)))
        else:
            self.offs.extend([start] * len(text))

    def _skips(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in self.r.html_skip:
            return True
        if tag in self.r.html_page and self.content_depth == 0:
            return True
        marks = " ".join(v for k, v in attrs if k in ("class", "id") and v)
        return bool(marks) and bool(self.r.html_skip_attr.search(marks))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        if tag not in self._VOID and self._skips(tag, attrs):
            self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in ("article", "main"):
            self.content_depth += 1
        if tag == "pre":
            self.pre_depth += 1
        if tag in self.r.html_block:
            self._emit("\n", self._pos(), verbatim=False)
        elif tag in ("td", "th"):
            self._emit(" ", self._pos(), verbatim=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_tag is None and tag in self.r.html_block:
            self._emit("\n", self._pos(), verbatim=False)

    def handle_endtag(self, tag: str) -> None:
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag in ("article", "main") and self.content_depth:
            self.content_depth -= 1
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag in self.r.html_block:
            self._emit("\n", self._pos(), verbatim=False)

    def handle_data(self, data: str) -> None:
        if self.pre_depth == 0:
            data = data.translate(_HTML_SPACE)
        self._emit(data, self._pos(), verbatim=True)

    def handle_entityref(self, name: str) -> None:
        self._emit(unescape(f"&{name};"), self._pos(), verbatim=False)

    def handle_charref(self, name: str) -> None:
        self._emit(unescape(f"&#{name};"), self._pos(), verbatim=False)


_HTML_SPACE = {ord("\n"): " ", ord("\r"): " ", ord("\t"): " "}


def html_text(raw: str) -> Mapped:
    """The visible text of an HTML page, each character mapped into ``raw``."""
    parser = _TextExtractor(raw)
    parser.feed(raw)
    parser.close()
    return Mapped("".join(parser.parts), parser.offs)


def looks_like_html(text: str) -> bool:
    """Whether a decoded text is an HTML document (whatever its file name)."""
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text[:65536])


# --------------------------------------------------------------------------- character steps

_NEWLINES = re.compile("\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f\u00ad\u200b-\u200f\u2060\ufeff\ufffd]+")
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
#: ``發(fā)`` -> ``發``: a parenthesised pinyin syllable with a tone mark right after an ideograph.
#: (The bracket is matched first, the ideograph before it looked behind for: the same matches,
#: but the engine does not test a look-behind at every character.)
_PINYIN = re.compile(rf"[(（](?<=[{CJK}][(（])(?=[a-zü{_TONES}]*[{_TONES}])[a-zü{_TONES}]{{1,7}}[)）]")
_SPACES = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_EDGE_SPACES = re.compile("^ +| +$", re.M)
_BLANK_LINES = re.compile("\n{2,}")
#: ",," ",;" ",。" left where a page dropped a character: keep the stronger mark.
_STACKED_COMMA = re.compile("[,、]+(?=[,;。、!?:])")

#: Full-width ASCII -> ASCII, ideographic space -> space, name dots -> "·".
WIDTH_TABLE: dict[int, int | str] = {0xFF01 + i: 0x21 + i for i in range(0x5E)}
WIDTH_TABLE.update({0x3000: " ", 0x30FB: "·", 0x2027: "·", 0xFF65: "·", 0xFE50: ",", 0xFE51: "、", 0xFE52: "."})


#: Runs of the characters WIDTH_TABLE changes: ``str.translate`` looks every character of a
#: CJK text up in the table (slow); the regex finds the few that change.
_WIDE = re.compile("[" + re.escape("".join(sorted(map(chr, WIDTH_TABLE)))) + "]+")


def _fold_run(m: re.Match[str]) -> str:
    return m.group().translate(WIDTH_TABLE)


def fold_width(text: str) -> str:
    """Full-width letters, digits and punctuation to ASCII (``（，）`` -> ``(,)``); length-preserving."""
    return _WIDE.sub(_fold_run, text)


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def cjk_count(text: str) -> int:
    """Number of CJK ideographs in ``text``."""
    return len(_NON_CJK_RE.sub("", text))


def _codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


def is_traditional(text: str, converted: str | None = None) -> bool:
    """Whether enough ideographs change under ``t2s`` for the text to be Traditional.

    Simplified text has a few characters that ``t2s`` would still change (赛昇 ->
    赛升), so conversion is decided by share, never applied blindly.
    """
    if converted is None:
        converted = _t2s().convert(text)
    if len(converted) == len(text):
        changed = int(np.count_nonzero(_codepoints(text) != _codepoints(converted)))
    else:
        changed = sum(sum(map(str.__ne__, c, _t2s().convert(c))) for c in _CJK_RE.findall(text))
    return changed >= TRADITIONAL_MIN and changed >= TRADITIONAL_RATIO * max(cjk_count(text), 1)


def to_simplified(m: Mapped) -> tuple[Mapped, bool]:
    """Convert a Traditional text to Simplified; a Simplified text is returned untouched."""
    cc = _t2s()
    converted = cc.convert(m.text)
    if converted == m.text or not is_traditional(m.text, converted):  # unchanged: nothing to count
        return m, False
    if len(converted) == len(m.text):
        return Mapped(converted, m.offsets), True
    # Rare phrase conversions change length: convert line by line, and the
    # lines that still change length character by character.
    parts: list[str] = []
    out = array("q")
    for line in re.finditer(r"[^\n]*\n?", m.text):
        s, e = line.span()
        if s == e:
            continue
        c = cc.convert(line.group())
        if len(c) == e - s:
            parts.append(c)
            out.extend(m.offsets[s:e])
            continue
        for i in range(s, e):
            ci = cc.convert(m.text[i])
            parts.append(ci)
            out.extend([m.offsets[i]] * len(ci))
    return Mapped("".join(parts), out), True


def normalise(m: Mapped) -> tuple[Mapped, bool]:
    """Character-level cleaning: newlines, invisible chars, glosses, width, script, spaces."""
    r = rules()
    m = m.sub(_NEWLINES, "\n")
    m = m.sub(_INVISIBLE)
    m = m.sub(_PINYIN)
    m = Mapped(fold_width(m.text), m.offsets)  # one to one: m.translate(WIDTH_TABLE), faster
    m, was_traditional = to_simplified(m)
    m = m.sub(r.inline)
    m = m.sub(_SPACES, " ")
    m = m.sub(_EDGE_SPACES)
    m = m.sub(_STACKED_COMMA)
    m = m.sub(_BLANK_LINES, "\n")
    return m, was_traditional


# --------------------------------------------------------------------------- lines


@dataclass
class _Line:
    start: int
    end: int
    text: str
    cjk: int
    noise: bool = False
    body: bool = False


def _is_sentence(text: str) -> bool:
    return bool(re.search(r"[。!?…][\"”’」』)]?$", text))


def _classify(m: Mapped) -> tuple[list[_Line], int]:
    """Split into lines, mark furniture, and find where the article ends."""
    r = rules()
    lines = [_Line(x.start(), x.end(), x.group(), cjk_count(x.group())) for x in re.finditer(r"[^\n]+", m.text)]
    chinese = sum(x.cjk for x in lines) >= r.min_cjk_document
    cut = len(lines)
    seen_body = False
    for i, ln in enumerate(lines):
        short = len(ln.text) <= r.max_len
        if seen_body and short and r.end.search(ln.text):
            cut = i
            break
        if short and r.drop.search(ln.text):
            ln.noise = True
        elif chinese and r.drop_without_cjk and ln.cjk == 0:
            ln.noise = True
        elif ln.cjk >= 3 * r.body_min_cjk or (ln.cjk >= r.body_min_cjk and r.sentence_end.search(ln.text)):
            ln.body = True
        seen_body = seen_body or ln.body
    # A byline after the body closes the article when what follows does not read
    # as sentences (other pages' teasers); a like/share call to action is
    # followed only by the page's slogans and credits.
    seen_body = False
    for i in range(cut):
        ln = lines[i]
        if seen_body and len(ln.text) <= r.max_len:
            if r.byline.search(ln.text):
                rest = [x for x in lines[i + 1 : cut] if not x.noise]
                if not rest or sum(map(_is_sentence, (x.text for x in rest))) < 0.5 * len(rest):
                    cut = i + 1
                    break
            if r.cta.search(ln.text):
                for x in lines[i + 1 : cut]:
                    if len(x.text) <= r.max_len and not _is_sentence(x.text):
                        x.noise = True
        seen_body = seen_body or ln.body
    for ln in lines[cut:]:
        ln.noise = True
    return lines, cut


def _title(lines: list[_Line]) -> str | None:
    """The headline: the first headline-like line before the first body paragraph."""
    r = rules()
    for ln in lines:
        if ln.body:
            return None
        if ln.noise or ln.cjk < r.title_min_cjk or len(ln.text) > r.title_max_len:
            continue
        if ln.text.endswith(("。", ",", ":", ";")) or r.title_exclude.search(ln.text):
            continue
        return ln.text
    return None


_FULL_DATE = re.compile(r"(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|-(\d{1,2})-(\d{1,2})(?!\d))")


def _date(r: _Rules, y: str, mo: str | None, d: str | None) -> str | None:
    year = int(y)
    if not r.min_year <= year <= r.max_year:
        return None
    if not mo:
        return f"{year:04d}"
    month = int(mo)
    if not 1 <= month <= 12:
        return None
    if not d:
        return f"{year:04d}-{month:02d}"
    day = int(d)
    if not 1 <= day <= 31:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _dateline(lines: list[_Line], cut: int) -> str | None:
    """The article's own date: a publishing-metadata date, else the first full date near the top."""
    r = rules()
    for ln in lines[:cut]:
        for m in r.date_label.finditer(ln.text):
            if found := _date(r, *m.groups()):
                return found
    window = r.body_window
    seen_body = False
    for ln in lines[:cut]:
        if ln.noise and seen_body:
            continue
        for m in _FULL_DATE.finditer(ln.text):
            y, mo1, d1, mo2, d2 = m.groups()
            if found := _date(r, y, mo1 or mo2, d1 or d2):
                if found.count("-") == 2:
                    return found
        if ln.body or seen_body:
            seen_body = True
            window -= len(ln.text)
            if window <= 0:
                break
    return None


# --------------------------------------------------------------------------- entry points


def clean_text(raw_text: str, html: bool = False) -> tuple[Mapped, bool, str | None, str | None]:
    """Clean a decoded page: ``(mapped text, was_traditional, title, dateline)``."""
    m = html_text(raw_text) if html else Mapped.of(raw_text)
    m, was_traditional = normalise(m)
    lines, cut = _classify(m)
    title = _title(lines[:cut])
    dateline = _dateline(lines, cut)
    kept = [ln for ln in lines if not ln.noise]
    spans: list[tuple[int, int]] = []
    for i, ln in enumerate(kept):
        end = ln.end + 1 if i < len(kept) - 1 else ln.end  # keep the line's own "\n"
        spans.append((ln.start, end))
    return m.select(spans), was_traditional, title, dateline


def clean(
    raw_text: str,
    source_file: str,
    path: Path,
    digest: str,
    encoding: str,
    *,
    html: bool | None = None,
) -> Article:
    """Build the :class:`Article` of a decoded file (``html=None``: sniff the markup)."""
    if html is None:
        html = looks_like_html(raw_text)
    m, was_traditional, title, dateline = clean_text(raw_text, html=html)
    return Article(
        source_file=source_file,
        path=Path(path),
        digest=digest,
        encoding=encoding,
        raw_text=raw_text,
        text=m.text,
        offsets=tuple(m.offsets),
        was_traditional=was_traditional,
        title=title,
        dateline=dateline,
    )
