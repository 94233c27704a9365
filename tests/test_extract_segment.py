"""The fast scanners and segmenter give exactly what the slow reference gives."""

from __future__ import annotations

from pathlib import Path

from kg.extract.lexicon import WordScanner, compile_words, lexicon
from kg.extract.segment import _segmenter, tokenizer

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _seed_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def test_word_scanner_finds_the_trie_regex_matches():
    words = ["中", "中国", "中国人", "国人", "人民", "人民银行", "银行", "AB", "A", "北京市", "北京"]
    text = "中国人民银行在北京市,中国AB与A的中人民。" + _seed_text()[:3000]
    expected = [m.span() for m in compile_words(words).finditer(text)]
    assert WordScanner(words).find(text) == expected
    places = list(lexicon().places)[:2000]
    assert WordScanner(places).find(text) == [m.span() for m in compile_words(places).finditer(text)]


def test_segmenter_cuts_as_jieba_without_hmm():
    text = _seed_text()
    windows = [text[i : i + n] for i in range(0, len(text) - 40, 37) for n in (3, 9, 28)]
    windows += ["ABC中国abc.1 2北京大学生B超", "12英寸A3B晶圆厂x9", "丂丄丅乊乥中国龘𠀀", "苏州工业园区", "", "苏州\r\n工业 园区\t(昆山)“X”,。\r\n", " \r\r\n\n"]
    tk, seg = tokenizer(), _segmenter()
    assert [seg.cut(w) for w in windows] == [tuple(tk.cut(w, HMM=False)) for w in windows]


def test_block_patterns_are_jieba_s() -> None:
    import jieba

    from kg.extract import segment

    for ours, theirs in ((segment._HAN_BLOCK, jieba.re_han_default), (segment._SKIP, jieba.re_skip_default)):
        assert ours.pattern == theirs.pattern and ours.flags == theirs.flags


def test_fast_dictionary_load_is_jieba_s() -> None:
    import jieba

    from kg.extract import segment

    ours, theirs = jieba.Tokenizer(), jieba.Tokenizer()
    theirs.initialize()  # (writes jieba's cache if there is none yet)
    segment._initialize(ours)
    assert ours.initialized and ours.total == theirs.total and ours.FREQ == theirs.FREQ
