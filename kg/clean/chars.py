"""Character steps: invisible characters, pinyin glosses, width folding, Traditional -> Simplified."""

from __future__ import annotations

import re
from array import array

from kg.clean.mapped import Mapped
from kg.clean.rules import rules
from kg.names import _t2s

#: CJK ideographs (basic block, extension A, compatibility, supplementary planes).
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_RE = re.compile(f"[{CJK}]")
_NON_CJK_RE = re.compile(f"[^{CJK}]+")

#: Share of CJK characters that must change under ``t2s`` for a text to count as Traditional.
TRADITIONAL_RATIO = 0.05
#: ... and at least this many of them (a stray Traditional name does not convert a page).
TRADITIONAL_MIN = 3


# --------------------------------------------------------------------------- character steps

_NEWLINES = re.compile("\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f\u00ad\u200b-\u200f\u2060\ufeff\ufffd]+"
)
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
#: ``發(fā)`` -> ``發``: a parenthesised pinyin syllable with a tone mark right after an ideograph.
#: (The bracket is matched first, the ideograph before it looked behind for: the same matches,
#: but the engine does not test a look-behind at every character.)
_PINYIN = re.compile(
    rf"[(（](?<=[{CJK}][(（])(?=[a-zü{_TONES}]*[{_TONES}])[a-zü{_TONES}]{{1,7}}[)）]"
)
_SPACES = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_EDGE_SPACES = re.compile("^ +| +$", re.M)
_BLANK_LINES = re.compile("\n{2,}")
#: ",," ",;" ",。" left where a page dropped a character: keep the stronger mark.
_STACKED_COMMA = re.compile("[,、]+(?=[,;。、!?:])")

#: Full-width ASCII -> ASCII, ideographic space -> space, name dots -> "·".
WIDTH_TABLE: dict[int, int | str] = {0xFF01 + i: 0x21 + i for i in range(0x5E)}
WIDTH_TABLE.update(
    {
        0x3000: " ",
        0x30FB: "·",
        0x2027: "·",
        0xFF65: "·",
        0xFE50: ",",
        0xFE51: "、",
        0xFE52: ".",
    }
)


#: Runs of the characters WIDTH_TABLE changes: ``str.translate`` looks every character of a
#: CJK text up in the table (slow); the regex finds the few that change.
_WIDE = re.compile("[" + re.escape("".join(sorted(map(chr, WIDTH_TABLE)))) + "]+")


def _fold_run(m: re.Match[str]) -> str:
    return m.group().translate(WIDTH_TABLE)


def fold_width(text: str) -> str:
    """Full-width letters, digits and punctuation to ASCII (``（，）`` -> ``(,)``); length-preserving."""
    return _WIDE.sub(_fold_run, text)




def cjk_count(text: str) -> int:
    """Number of CJK ideographs in ``text``."""
    return len(_NON_CJK_RE.sub("", text))


def is_traditional(text: str, converted: str | None = None) -> bool:
    """Whether enough ideographs change under ``t2s`` for the text to be Traditional.

    Simplified text has a few characters that ``t2s`` would still change (赛昇 ->
    赛升), so conversion is decided by share, never applied blindly.
    """
    if converted is None:
        converted = _t2s().convert(text)
    if len(converted) == len(text):
        changed = sum(map(str.__ne__, text, converted))  # characters that differ (no numpy import: 0.1 s)
    else:
        changed = sum(
            sum(map(str.__ne__, c, _t2s().convert(c))) for c in _CJK_RE.findall(text)
        )
    return changed >= TRADITIONAL_MIN and changed >= TRADITIONAL_RATIO * max(
        cjk_count(text), 1
    )


def to_simplified(m: Mapped) -> tuple[Mapped, bool]:
    """Convert a Traditional text to Simplified; a Simplified text is returned untouched."""
    cc = _t2s()
    converted = cc.convert(m.text)
    if converted == m.text or not is_traditional(
        m.text, converted
    ):  # unchanged: nothing to count
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
    m = Mapped(
        fold_width(m.text), m.offsets
    )  # one to one: m.translate(WIDTH_TABLE), faster
    m, was_traditional = to_simplified(m)
    m = m.sub(r.inline)
    m = m.sub(_SPACES, " ")
    m = m.sub(_EDGE_SPACES)
    m = m.sub(_STACKED_COMMA)
    m = m.sub(_BLANK_LINES, "\n")
    return m, was_traditional
