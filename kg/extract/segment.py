"""Word segmentation with jieba, only where a rule needs word boundaries.

Segmenting whole articles with jieba costs more than the rest of the pipeline
(about 0.5 MB/s), so rules segment short windows (the dozen characters left of
a name suffix, the few characters after a title). The tokenizer is built once
per process with a user dictionary generated from our lexicons, so that place
names, industries, titles and suffixes come out as single tokens.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import jieba

from kg.extract.lexicon import lexicon, words


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer with the domain user dictionary (built once)."""
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    lex = lexicon()
    vocab: set[str] = set()
    vocab.update(p for p in lex.places if len(p) > 1)
    vocab.update(lex.industries)
    vocab.update(lex.titles)
    vocab.update(lex.suffixes)
    vocab.update(lex.known_orgs)
    for key in ("left_stop", "speech", "launch", "sign", "settle", "partner", "convene", "hold", "byline"):
        vocab.update(w for w in words(key) if len(w) > 1)
    for w in vocab:
        if tk.FREQ.get(w, 0) < 2000:  # never lower the frequency of a common word (上海)
            tk.add_word(w, freq=2000)
    return tk


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...]:
    """Dictionary-only segmentation (no HMM: unknown names fall into single characters)."""
    return tuple(tokenizer().cut(text, HMM=False))


@lru_cache(maxsize=1)
def pos_tags() -> dict[str, str]:
    """Part-of-speech tag of each word of jieba's dictionary (read once, no tagging model run)."""
    import os

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    tags: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags
