"""Character steps: invisible characters, pinyin glosses, width folding, Traditional -> Simplified."""

from __future__ import annotations

import re
from array import array

from kg.clean.mapped import Mapped
from kg.clean.rules import rules
from kg.names import _hk2s, _t2s

#: CJK ideographs (basic block, extension A, compatibility, supplementary planes).
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_RE = re.compile(f"[{CJK}]")
_NON_CJK_RE = re.compile(f"[^{CJK}]+")
_CJK_RUN = re.compile(f"[{CJK}]+")

#: Share of CJK characters that must change under ``t2s`` for a text to count as Traditional.
TRADITIONAL_RATIO = 0.05
#: ... and at least this many of them (a stray Traditional name does not convert a page).
TRADITIONAL_MIN = 3


# --------------------------------------------------------------------------- character steps

_NEWLINES = re.compile("\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f\u00ad\u200b-\u200f\u2060\ufeff\ufffd]+"
)
#: a character of _NEWLINES or _INVISIBLE (both rare): a text with none is scanned once for both
_NEWLINE_OR_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\x85\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff\ufffd]")
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
#: ``發(fā)`` -> ``發``: a parenthesised pinyin syllable with a tone mark right after an ideograph.
#: (The bracket is matched first, the ideograph before it looked behind for: the same matches,
#: but the engine does not test a look-behind at every character.)
_PINYIN = re.compile(
    rf"[(（](?<=[{CJK}][(（])(?=[a-zü{_TONES}]*[{_TONES}])[a-zü{_TONES}]{{1,7}}[)）]"
)
_SPACES = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
#: The runs of _SPACES that its replacement by one space changes: two or more, or one that is
#: not a plain space (a lone space is the most common match, and the one left as it is).
_SPACE_CHANGES = re.compile(
    "[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
)
#: ``^ +| +$`` (multi-line), behind a lookahead for its first character: the engine then skips
#: fast over a text, where the anchors alone are tried at every character
_EDGE_SPACES = re.compile("(?= )(?:^ +| +$)", re.M)
_BLANK_LINES = re.compile("\n{2,}")
#: ",," ",;" ",。" left where a page dropped a character: keep the stronger mark.
_STACKED_COMMA = re.compile("[,、]+(?=[,;。、!?:])")

#: Full-width ASCII -> ASCII, ideographic space -> space, name dots -> "·", corner quotes -> “”.
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
        # Hong Kong and Taiwan quotation marks as the mainland writes them (「X」 -> “X”)
        0x300C: "“",
        0x300D: "”",
        0x300E: "“",
        0x300F: "”",
    }
)


#: The characters WIDTH_TABLE changes: ``str.translate`` looks every character of a CJK text up
#: in the table (slow); the regex finds the few that change.
_WIDE = re.compile("[" + re.escape("".join(sorted(map(chr, WIDTH_TABLE)))) + "]")
#: each of them -> its replacement
_WIDE_TO = {chr(k): v if isinstance(v, str) else chr(v) for k, v in WIDTH_TABLE.items()}
if any(c in _WIDE_TO for v in _WIDE_TO.values() for c in v):  # pragma: no cover - what fold_width relies on
    raise ImportError("WIDTH_TABLE maps a character to one it changes too: fold_width must translate in one pass")


def fold_width(text: str) -> str:
    """Full-width letters, digits and punctuation to ASCII (``（，）`` -> ``(,)``); length-preserving.

    Each distinct character found is replaced throughout by ``str.replace`` (no replacement is a
    character the table changes, so the order does not matter): ``_WIDE.sub`` with a function
    called for each of the ~36k runs of the 4 MB bench corpus (its ，and （） mostly) took 0.028 s,
    this 0.017 s."""
    found = _WIDE.findall(text)
    if not found:
        return text
    for c in set(found):
        text = text.replace(c, _WIDE_TO[c])
    return text




def cjk_count(text: str) -> int:
    """Number of CJK ideographs in ``text`` (summed over runs: faster than deleting the rest)."""
    return sum(map(len, _CJK_RUN.findall(text)))


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a CJK ideograph (``cjk_count(text) > 0``, without counting)."""
    return _CJK_RE.search(text) is not None


def is_traditional(text: str, converted: str | None = None) -> bool:
    """Whether enough ideographs change under ``t2s`` for the text to be Traditional.

    Simplified text has a few characters that ``t2s`` would still change (赛昇 ->
    赛升), so conversion is decided by share, never applied blindly.
    """
    if converted is None:
        converted = _t2s().convert(text)
    if len(converted) == len(text):
        # first against the share of all its characters (at least the share of its ideographs): a
        # Traditional text reaches it in its first blocks, and its ideographs need not be counted
        most = max(TRADITIONAL_MIN, TRADITIONAL_RATIO * max(len(text), 1))
        changed = _differing(text, converted, most)
        return changed >= most or changed >= max(TRADITIONAL_MIN, TRADITIONAL_RATIO * max(cjk_count(text), 1))
    need = max(TRADITIONAL_MIN, TRADITIONAL_RATIO * max(cjk_count(text), 1))
    changed = sum(
        sum(map(str.__ne__, c, _t2s().convert(c))) for c in _CJK_RE.findall(text)
    )
    return changed >= need


def _differing(a: str, b: str, enough: float, block: int = 256) -> int:
    """How many characters differ between two texts of one length, counted until ``enough``
    (no numpy import: 0.1 s): block by block, so that the equal blocks (most of a Simplified
    text) cost one comparison each and a Traditional text stops after a few."""
    ne, changed = str.__ne__, 0
    for i in range(0, len(a), block):
        x, y = a[i : i + block], b[i : i + block]
        if x != y:
            changed += sum(map(ne, x, y))
            if changed >= enough:
                break
    return changed


def to_simplified(m: Mapped) -> tuple[Mapped, bool]:
    """Convert a Traditional text to Simplified; a Simplified text is returned untouched."""
    cc = _t2s()
    converted = cc.convert(m.text)
    if converted == m.text or not is_traditional(
        m.text, converted
    ):  # unchanged: nothing to count
        return m, False
    variants = _hk2s().convert(converted)  # (衞 and other Hong Kong forms that t2s keeps)
    if len(variants) == len(converted):
        converted = variants
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
    if _NEWLINE_OR_INVISIBLE.search(m.text):  # (no text of the 4 MB bench corpus has a newline to fold, 51 of 1,344 an invisible)
        m = m.sub(_NEWLINES, "\n")
        m = m.sub(_INVISIBLE)
    m = m.sub(_PINYIN)
    m = Mapped(
        fold_width(m.text), m.offsets
    )  # one to one: m.translate(WIDTH_TABLE), faster
    m, was_traditional = to_simplified(m)
    m = m.sub(r.inline)
    m = m.sub(_SPACE_CHANGES, " ")  # (the matches of _SPACES that " " changes)
    m = m.sub(_EDGE_SPACES)
    m = m.sub(_STACKED_COMMA)
    m = m.sub(_BLANK_LINES, "\n")
    return m, was_traditional
