"""Page furniture and datelines: line classification by the rules of ``kg/data/noise.toml``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.clean.chars import _CJK_RUN
from kg.clean.mapped import Mapped
from kg.clean.rules import _Rules, rules

# --------------------------------------------------------------------------- lines


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    cjk: int
    noise: bool = False
    body: bool = False


def _is_sentence(text: str) -> bool:
    return bool(re.search(r"[。!?…][\"”’」』)]?$", text))


#: the bytes that are no high byte (UTF-16) of an ideograph of the Basic Multilingual Plane (U+3400-U+9FFF,
#: U+F900-U+FAFF: the BMP part of chars.CJK, but for U+4DC0-U+4DFF, hexagram symbols, under the high byte 0x4D)
_NOT_CJK_HIGH = bytes(b for b in range(256) if not (0x34 <= b <= 0x9F or b in (0xF9, 0xFA)))


def _high_bytes(text: str) -> bytes | None:
    """The high byte (UTF-16) of each character of ``text``, when they tell its ideographs (``[CJK]``)
    from the rest: all its characters are of the Basic Multilingual Plane (one UTF-16 unit each)
    and none is of U+4D00-U+4DFF; else None."""
    units = text.encode("utf-16-be")
    if len(units) != 2 * len(text):
        return None
    high = units[::2]
    return None if b"\x4d" in high else high


def _classify(m: Mapped) -> tuple[list[_Line], int]:
    """Split into lines, mark furniture, and find where the article ends."""
    r = rules()
    # the lines (``re.finditer(r"[^\n]+", m.text)``) from str.split, where each line's start is
    # the sum of the lengths before it: no match object per line
    lines: list[_Line] = []
    runs, start = _CJK_RUN.findall, 0
    # each line's ideographs (cjk_count(text)) counted as the high bytes of its characters that are an
    # ideograph's, kept by bytes.translate: a regex finding the runs of ideographs made a match and a
    # string for each run (~10 characters), ~4x the time; the regex still where the bytes cannot tell
    high = _high_bytes(m.text)
    for text in m.text.split("\n"):
        end = start + len(text)
        if text:
            cjk = sum(map(len, runs(text))) if high is None else len(high[start:end].translate(None, _NOT_CJK_HIGH))
            lines.append(_Line(start, end, text, cjk))
        start = end + 1
    chinese = sum(x.cjk for x in lines) >= r.min_cjk_document
    cut = len(lines)
    seen_body = False
    for i, ln in enumerate(lines):
        short = len(ln.text) <= r.max_len
        if seen_body and short and r.end_any.found(ln.text):  # r.end.search
            cut = i
            break
        if short and r.drop_any.found(ln.text):  # r.drop.search
            ln.noise = True
        elif chinese and r.drop_without_cjk and ln.cjk == 0:
            ln.noise = True
        elif ln.cjk >= 3 * r.body_min_cjk or (
            ln.cjk >= r.body_min_cjk and r.sentence_end.search(ln.text)
        ):
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
                if not rest or sum(
                    map(_is_sentence, (x.text for x in rest))
                ) < 0.5 * len(rest):
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


_FULL_DATE = re.compile(
    r"(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.]))"
)  # (2026年11月27日, 2026-11-27, 2026/11/27, 2026.11.27)


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
