"""kg.extract.lexicon: the word scanner finds what the lexicon's regex finds."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_word_scanner_match_end_is_the_place_regex_match():
    from kg.extract.lexicon import lexicon, place_scanner

    lex, places = lexicon(), place_scanner()
    texts = [f.read_text(encoding="utf-8") for f in sorted((ROOT / "seeds").glob("*.txt"))[:5]]
    text = "昆山市花桥经济开发区,苏州工业园区与上海市浦东新区、美国加州" + "".join(texts)
    for start in range(len(text)):
        for end in (start, start + 1, start + 2, start + 3, start + 6, len(text)):
            m = lex.place_re.match(text, start, end)
            assert places.match_end(text, start, end) == (m.end() if m else -1), (start, end)
