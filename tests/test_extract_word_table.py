"""kg.extract.word_table: the sorted table answers as the dicts it is made of."""

from __future__ import annotations

import pytest

from kg.extract.word_table import WordTable

FREQ = {"苏州": 500, "苏": 900, "苏州工": 0, "苏州工业园区": 30, "工业": 700, "园区": 0, "B超": 3, "a": 1}
TAGS = {"苏州": "ns", "苏": "j", "工业": "n", "B超": "n", "不在词典": "x"}
PROBES = [*FREQ, *TAGS, "", "苏州工业", "园", "苏州工业园区A", "\uffff", "𠀀", "A"]


@pytest.fixture
def table() -> WordTable:
    return WordTable.of(FREQ, 2133, TAGS)


def test_lookups_are_the_dicts(table: WordTable) -> None:
    for w in PROBES:
        assert table.get(w) == FREQ.get(w) and table.get(w, -1) == FREQ.get(w, -1)
        assert table.tags.get(w) == TAGS.get(w) and table.tags.get(w, "?") == TAGS.get(w, "?")
        assert (w in table.tags) == (w in TAGS)
        if w not in TAGS:
            with pytest.raises(KeyError):
                table.tags[w]
    assert dict(table.tags) == TAGS and len(table.tags) == len(TAGS)
    assert table.freq_dict() == FREQ and table.total == 2133


def test_tags_kept_are_bounded(table: WordTable, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.extract import word_table

    monkeypatch.setattr(word_table, "_KEEP_TAGS", 3)
    for w in PROBES * 2:
        assert table.tags.get(w) == TAGS.get(w)
        assert len(table.tags._seen) <= 3


def test_packed_and_back(table: WordTable) -> None:
    packed = table.packed()
    again = WordTable.unpacked(packed)
    assert again == table and again is not None and again.words == sorted(FREQ)
    assert WordTable.unpacked((*packed[:3], "2133", *packed[4:])) is None  # a total that is no int
    assert WordTable.unpacked((*packed[:2], packed[2][:-8], *packed[3:])) is None  # a frequency missing
    assert WordTable.of({"a\nb": 1}, 1, {}).packed() is None  # a word with the separator: not cached


def test_the_segmenter_s_table_is_jieba_s_dictionary() -> None:
    from kg.extract import segment

    freq, total = segment._build_dictionary()
    tags = segment._read_pos_tags()
    table = segment._tables()
    assert table.total == total and table.freq_dict() == freq and dict(table.tags) == tags
