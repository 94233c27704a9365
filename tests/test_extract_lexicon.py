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


def test_a_large_trie_matches_the_longest_word_at_every_position():
    """The places' trie regex (its 958 first characters split into groups behind lookaheads)
    finds at each position what a set lookup per length finds: the longest place name there."""
    from kg.extract.lexicon import WordScanner, compile_words, lexicon, trie_regex

    places = list(lexicon().places)
    assert "(?=[" in trie_regex(places)  # grouped: more than one alternation's worth of first characters
    rx, scan = compile_words(places), WordScanner(places)
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))[:2]) + "江苏省苏州市昆山市陆家镇"
    found = 0
    for i in range(len(text)):
        m = rx.match(text, i)
        assert (m.end() if m else -1) == scan.match_end(text, i, len(text)), text[i : i + 8]
        found += m is not None
    assert found > 20
    assert [m.span() for m in rx.finditer(text)] == scan.find(text)


def test_industry_scanner_finds_the_industry_regex_matches():
    from kg.extract.lexicon import industry_scanner, lexicon

    text = "新能源装备制造、新材料和集成电路产业,风电光伏装机" + "".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))[:5])
    expected = [m.span() for m in lexicon().industry_re.finditer(text)]
    assert len(expected) > 10
    assert industry_scanner().find(text) == expected
