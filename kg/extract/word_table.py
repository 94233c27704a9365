"""jieba's dictionary and part-of-speech tags as one sorted table, searched by bisection.

Why not dicts: a build of 4 MB of articles looks up ~41k distinct fragments and the tags of ~5k
words, but making dicts of all ~500k entries took 0.25-0.40 s of every process's start-up (hashing
each word), serial before ``kg build -jN`` forks its workers. The sorted words (one ``split`` of the
cached text) cost 0.04 s, and a lookup is a bisection (~6k instructions with its Python, done once
per fragment or word: :mod:`kg.extract.segment` keeps the scores it has looked up, :class:`Tags`
the tags).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from typing import Any

#: the cache format of :meth:`WordTable.packed`
_FORMAT = "word-table-1"
_UNSEEN = object()
#: the most answers :class:`Tags` keeps (then it starts again: a long-lived process meets ever new strings)
_KEEP_TAGS = 1 << 17


class WordTable:
    """Words in code-point order, each with its frequency (jieba's ``FREQ``: 0 for a prefix of a
    word) and part-of-speech tag (a byte into ``names``; 0: none); tags of words outside the
    dictionary apart (``extra``)."""

    __slots__ = ("words", "freqs", "codes", "names", "extra", "total", "tags", "_n")

    def __init__(self, words: list[str], freqs: array, codes: bytes, names: list[str], extra: dict[str, str],
                 total: int) -> None:
        self.words, self.freqs, self.codes, self.names, self.extra, self.total = words, freqs, codes, names, extra, total
        self._n = len(words)
        #: the tags as a read-only mapping word -> tag (what ``pos_tags()`` gives)
        self.tags = Tags(self)

    @classmethod
    def of(cls, freq: dict[str, int], total: int, tags: dict[str, str]) -> WordTable:
        """The table of jieba's ``FREQ`` and ``total`` and a word -> tag dict."""
        words = sorted(freq)
        names = sorted(set(tags.values()))
        code = {t: i + 1 for i, t in enumerate(names)}
        codes = bytes(code[tags[w]] if w in tags else 0 for w in words)
        extra = {w: t for w, t in tags.items() if w not in freq}
        return cls(words, array("q", map(freq.__getitem__, words)), codes, names, extra, total)

    def _index(self, word: str) -> int:
        # (a first search among the words of the same first character was tried: fewer comparisons,
        # but more instructions in all, the search's Python costing more than the comparisons saved)
        i = bisect_left(self.words, word)
        return i if i < self._n and self.words[i] == word else -1

    def get(self, word: str, default: Any = None) -> Any:
        """The frequency of ``word`` (0: a prefix of a word only), else ``default``: ``FREQ.get``."""
        i = self._index(word)
        return default if i < 0 else self.freqs[i]

    def freq_dict(self) -> dict[str, int]:
        """jieba's ``FREQ`` as a dict (for a jieba ``Tokenizer``)."""
        return dict(zip(self.words, self.freqs))

    def tag(self, word: str, default: Any = None) -> Any:
        i = self._index(word)
        code = self.codes[i] if i >= 0 else 0
        return self.names[code - 1] if code else self.extra.get(word, default)

    def packed(self) -> tuple[Any, ...] | None:
        """The table as few large objects (reading half a million small ones back costs more), for
        :mod:`kg.extract.cache`; None if it cannot be (a word with a newline, over 254 tags)."""
        if len(self.names) > 254 or any("\n" in w for w in self.words):
            return None
        return (_FORMAT, "\n".join(self.words), self.freqs.tobytes(), self.total, self.names, self.codes, self.extra)

    @classmethod
    def unpacked(cls, got: Any) -> WordTable | None:
        """:meth:`packed`'s table back, or None when ``got`` is not what it makes."""
        try:
            format_, joined, freqs, total, names, codes, extra = got
            if format_ != _FORMAT or not isinstance(total, int) or not isinstance(extra, dict) \
                    or not isinstance(codes, bytes) or not all(isinstance(n, str) for n in names):
                return None
            words = joined.split("\n") if joined else []
            counts = array("q", freqs)
            if len(words) != len(counts) or len(codes) != len(words) or max(codes, default=0) > len(names):
                return None
            return cls(words, counts, codes, list(names), extra, total)
        except Exception:  # not a tuple of seven, bad bytes: build it again
            return None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WordTable):
            return NotImplemented
        return (self.total, self.words, self.freqs, self.extra) == (other.total, other.words, other.freqs, other.extra) \
            and dict(self.tags) == dict(other.tags)

    __hash__ = None  # type: ignore[assignment]


class Tags(Mapping[str, str]):
    """A :class:`WordTable`'s tags as a read-only mapping word -> tag.

    The rules ask for the tags of few words again and again (61,802 lookups of 4,904 words in the
    4 MB bench corpus), so each word's answer is kept after its first bisection."""

    __slots__ = ("_table", "_seen")

    def __init__(self, table: WordTable) -> None:
        self._table = table
        self._seen: dict[str, str | None] = {}

    def _tag(self, word: str) -> str | None:
        tag = self._seen.get(word, _UNSEEN)
        if tag is _UNSEEN:
            if len(self._seen) >= _KEEP_TAGS:
                self._seen.clear()
            tag = self._seen[word] = self._table.tag(word)
        return tag  # type: ignore[return-value]

    def get(self, word: str, default: Any = None) -> Any:  # (the rules' one call, without Mapping's try/except)
        tag = self._tag(word)
        return default if tag is None else tag

    def __getitem__(self, word: str) -> str:
        tag = self._tag(word)
        if tag is None:
            raise KeyError(word)
        return tag

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._tag(word) is not None

    def __iter__(self) -> Iterator[str]:
        t = self._table
        yield from (w for w, c in zip(t.words, t.codes) if c)
        yield from t.extra

    def __len__(self) -> int:
        return sum(1 for c in self._table.codes if c) + len(self._table.extra)
