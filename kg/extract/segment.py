"""Word segmentation with jieba, only where a rule needs word boundaries.

Segmenting whole articles with jieba costs more than the rest of the pipeline
(about 0.5 MB/s), so rules segment short windows (the dozen characters left of
a name suffix, the few characters after a title). The tokenizer is built once
per process with a user dictionary generated from our lexicons, so that place
names, industries, titles and suffixes come out as single tokens. Its dictionary
and jieba's part-of-speech tags are kept in the cache of prepared tables
(:mod:`kg.extract.cache`, ``KG_CACHE_DIR``), which a fresh process reads in one go;
jieba itself (0.2 s to import) is then not imported at all.
"""

from __future__ import annotations

import importlib.util
import logging
import marshal
import os
import re
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from math import log
from pathlib import Path
from typing import TYPE_CHECKING

from kg.extract import cache
from kg.extract.lexicon import lexicon, words
from kg.extract.word_table import WordTable

if TYPE_CHECKING:
    import jieba


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer with the domain user dictionary (built once; the rules use
    :func:`tokens`, which cuts as it does)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    table = _tables()
    tk.FREQ, tk.total = table.freq_dict(), table.total
    tk.initialized = True
    return tk


def _build_dictionary() -> tuple[dict[str, int], int]:
    """jieba's dictionary with the words of our lexicons added (``Tokenizer.FREQ`` and ``total``)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    _initialize(tk)
    lex = lexicon()
    vocab: set[str] = set()
    vocab.update(p for p in lex.places if len(p) > 1)
    vocab.update(lex.industries)
    vocab.update(lex.titles)
    vocab.update(lex.suffixes)
    vocab.update(lex.known_orgs)
    for key in ("left_stop", "speech", "launch", "sign", "settle", "partner", "convene", "hold", "byline", "product_words", "spec_units"):
        vocab.update(w for w in words(key) if len(w) > 1)
    vocab.update(c + "系" for c in words("element_chars") if c not in "金银")  # 磷系, 锂系: a family of materials
    for w in vocab:
        if tk.FREQ.get(w, 0) < 2000:  # never lower the frequency of a common word (上海)
            tk.add_word(w, freq=2000)
    return tk.FREQ, tk.total


#: the data files the tables are built from (with this module, lexicon.py and jieba's dictionary)
_SOURCES = ("world_places.tsv", "places.tsv", "industries.tsv", "titles.tsv", "name_suffixes.tsv", "known_orgs.tsv",
            "pipeline.toml")


def _cache_key() -> str | None:
    """The key of the prepared tables: a hash of what they are built from (None: cache off)."""
    if cache.cache_dir() is None:
        return None
    from importlib import resources

    from kg.extract import lexicon as lexicon_module
    from kg.extract import word_table

    parts: list[bytes | str] = [resources.files("kg").joinpath("data", n).read_bytes() for n in _SOURCES]
    parts += [Path(f).read_bytes() for f in (__file__, lexicon_module.__file__, word_table.__file__)]
    code, dict_file = _jieba_file("__init__.py"), _jieba_file("dict.txt")  # (jieba not imported)
    for f in (code, dict_file):
        st = os.stat(f)
        parts.append(f"{f} {st.st_size} {st.st_mtime_ns}")
    parts.append(Path(code).read_bytes())  # (its version)
    return cache.key(parts)


@lru_cache(maxsize=1)
def _tables() -> WordTable:
    """The segmenter's dictionary, its total and jieba's part-of-speech tags: from the cache of
    prepared tables when it has them (one read), else built and stored there."""
    try:
        k = _cache_key()
    except OSError:
        k = None
    if k is not None:
        got = WordTable.unpacked(cache.load("segmenter", k))
        if got is not None:
            return got
    freq, total = _build_dictionary()
    table = WordTable.of(freq, total, _read_pos_tags())
    if k is not None:
        packed = table.packed()
        if packed is not None:
            cache.store("segmenter", k, packed)
    return table


def _jieba_file(name: str) -> str:
    """A file of the jieba package, found without importing it."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        raise OSError("jieba is not installed")
    return os.path.join(os.path.dirname(spec.origin), name)


def _initialize(tk: jieba.Tokenizer) -> None:
    """``tk.initialize()``, with jieba's prefix-dictionary cache read faster.

    For the default dictionary jieba loads any cache file it finds (``jieba.cache`` in
    the temp dir) with ``marshal.load`` on the open file, which reads it piece by piece:
    1.5 s of cpu for 9 MB. Reading the file whole and ``marshal.loads`` gives the same
    dictionary in 0.3 s. Anything else (a custom dictionary or cache file, no cache yet,
    an unreadable one) goes to jieba's own ``initialize``, which builds and writes it.
    """
    import jieba

    if tk.dictionary == jieba.DEFAULT_DICT and not tk.cache_file and not tk.initialized:
        path = os.path.join(tk.tmp_dir or tempfile.gettempdir(), "jieba.cache")
        try:
            with open(path, "rb") as fh:
                freq, total = marshal.loads(fh.read())
        except Exception:  # missing, unreadable or not jieba's: jieba rebuilds it
            pass
        else:
            if isinstance(freq, dict) and isinstance(total, int):
                tk.FREQ, tk.total, tk.initialized = freq, total, True
                return
    tk.initialize()


# jieba's own block, skip and Latin patterns (used by ``Tokenizer.cut``).
# (their text, so that jieba need not be imported: tests check they are jieba's)
_HAN_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.UNICODE)  # jieba.re_han_default
_SKIP = re.compile("(\r\n|\\s)", re.UNICODE)  # jieba.re_skip_default
_MISSING = object()
_UNSEEN = object()
#: the characters jieba's ``re_eng`` (``[a-zA-Z0-9]``) matches: Latin letters and digits run together
_ENG_CHAR = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


class _Segmenter:
    """``tokenizer().cut(text, HMM=False)`` with the same result, done faster.

    jieba builds a DAG dict, then scores each edge with ``log(FREQ.get(w) or 1) -
    log(total)`` in a generator per position. Here the scores are computed once per
    dictionary word (the same float expression, so the same values) and the DAG and
    the best route are found in one backward pass over plain lists.
    """

    def __init__(self, table: WordTable) -> None:
        self.freq = table  # (``get`` as jieba's ``FREQ.get``)
        self.logtotal = logtotal = log(table.total)
        #: the fragments looked up so far: a word's score, None for a prefix that is no word
        #: (jieba keeps the prefixes of its words with frequency 0), _MISSING for neither; one
        #: lookup per step. Filled as fragments come (by ``_fill``), not for all half a million
        #: dictionary entries at start-up (0.25 s of cpu)
        self.score: dict[str, float | None | object] = {}
        self.unknown = log(1) - logtotal  # a character the dictionary does not know

    def _fill(self, frag: str) -> float | None | object:
        """The score of a fragment not looked up before (kept in ``score``)."""
        f = self.freq.get(frag)
        sc = _MISSING if f is None else (log(f) - self.logtotal if f else None)
        self.score[frag] = sc
        return sc

    def _block(self, s: str) -> list[str]:
        """jieba's ``__cut_DAG_NO_HMM`` on one block of Han/Latin characters.

        For each position, from the right: the best of the dictionary words starting
        there (jieba's ``max`` over ``(score, end)`` tuples: a tie goes to the later end,
        and the ends are visited in increasing order, hence ``>=``).
        """
        get, fill, unknown, missing, unseen = self.score.get, self._fill, self.unknown, _MISSING, _UNSEEN
        n = len(s)
        best_score = [0.0] * (n + 1)  # jieba's route[N] = (0, 0)
        best_end = list(range(1, n + 2))  # the end of the best first word: a character alone, unless a word wins
        right = 0.0  # best_score[k + 1]
        for k in range(n - 1, -1, -1):
            sc = get(s[k], unseen)
            if sc is unseen:
                sc = fill(s[k])
            if sc is missing:  # a character the dictionary does not know: no word starts here
                right = best_score[k] = unknown + right
                continue
            top = None
            j = k + 1  # end of the fragment s[k:j]
            while True:
                if sc is not None:
                    v = sc + best_score[j]
                    if top is None or v >= top:
                        top = v
                        best_end[k] = j
                if j >= n:
                    break
                j += 1
                sc = get(s[k:j], unseen)
                if sc is unseen:
                    sc = fill(s[k:j])
                if sc is missing:
                    break
            right = best_score[k] = unknown + right if top is None else top
        out: list[str] = []
        x, buf = 0, ""
        while x < n:
            y = best_end[x]
            word = s[x:y]
            if word in _ENG_CHAR:  # what ``len(word) == 1 and re_eng.match(word)`` finds
                buf += word
            else:
                if buf:
                    out.append(buf)
                    buf = ""
                out.append(word)
            x = y
        if buf:
            out.append(buf)
        return out

    def cut(self, text: str) -> tuple[str, ...]:
        if _HAN_BLOCK.fullmatch(text):  # one block (most windows): what the loop below gives, without the split
            return tuple(self._block(text))
        out: list[str] = []
        # split with a capturing group: the blocks are the odd pieces, the text between them the even ones
        for i, blk in enumerate(_HAN_BLOCK.split(text)):
            if not blk:
                continue
            if i & 1:
                out.extend(self._block(blk))
            elif "\r\n" not in blk:
                out.extend(blk)  # what the loop below gives: one token per character (a space too)
            else:
                for x in _SKIP.split(blk):
                    if _SKIP.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return tuple(out)


@lru_cache(maxsize=1)
def _segmenter() -> _Segmenter:
    table = _tables()  # tokenizer()'s dictionary, without a jieba Tokenizer around it
    return _Segmenter(table)


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...]:
    """Dictionary-only segmentation (no HMM: unknown names fall into single characters).

    The same tokens as ``tokenizer().cut(text, HMM=False)``.
    """
    return _segmenter().cut(text)


@lru_cache(maxsize=1)
def pos_tags() -> Mapping[str, str]:
    """Part-of-speech tag of each word of jieba's dictionary (read once, no tagging model run)."""
    return _tables().tags


def _read_pos_tags() -> dict[str, str]:
    path = _jieba_file("dict.txt")
    tags: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags
