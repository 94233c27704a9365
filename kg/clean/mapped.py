"""Text that remembers, for every character, its offset in the decoded source."""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable

#: 0, 1, 2, ...: identity offsets are sliced from it (a copy at memcpy speed; ``array("q",
#: range(n))`` converts each int: 0.1 s per MB of text), so that numpy need not be imported
_IDENTITY = array("q")


def _identity(n: int) -> array:
    """``array("q", range(n))``."""
    global _IDENTITY
    if len(_IDENTITY) < n:
        _IDENTITY = array("q", range(max(n, 2 * len(_IDENTITY), 1 << 16)))
    return _IDENTITY[:n]


def identity_range(start: int, stop: int) -> array:
    """``array("q", range(start, stop))``, sliced from the same table."""
    if len(_IDENTITY) < stop:
        _identity(stop)
    return _IDENTITY[start:stop]


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
        return cls(text, _identity(len(text)))

    def sub(
        self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str] = ""
    ) -> Mapped:
        """``pattern.sub`` that carries offsets.

        ``repl`` is a literal string (no back-references) or a function of the
        match. A replacement of the same length keeps the matched offsets one to
        one; otherwise its i-th character maps to the i-th matched character
        (the last one when the replacement is longer).
        """
        text, offs = self.text, self.offsets
        if repl == "":
            return self._delete(
                [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
            )
        if isinstance(repl, str) and len(repl) == 1:
            # one character for each match (a run of spaces, of newlines): each match's offset its first
            # character's, what lies between kept; the spans found in one scan, then the text and offsets
            # made span by span (the loop below made a string of each match and two arrays)
            spans = [m.span() for m in pattern.finditer(text)]
            if not spans:
                return self
            pieces: list[str] = []
            out = array("q")
            pos = 0
            for s, e in spans:
                if e == s:  # an empty match: the loop below
                    break
                pieces.append(text[pos:s])
                out.extend(offs[pos : s + 1])
                pos = e
            else:
                pieces.append(text[pos:])
                out.extend(offs[pos:])
                return Mapped(repl.join(pieces), out)
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
                elif e > s and len(r) == 1:
                    out.append(offs[s])  # (the case below for one character: a run replaced by one)
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
        keep = list(
            zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(self.text)])
        )
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
