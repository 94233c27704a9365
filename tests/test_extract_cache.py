"""The cache of prepared tables: keyed, atomic, optional, and never a source of different tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import cache, segment


def test_off_and_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for off in ("off", "", "0"):
        monkeypatch.setenv("KG_CACHE_DIR", off)
        assert cache.cache_dir() is None
        cache.store("t", "k", {"a": 1})
        assert cache.load("t", "k") is None
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "c"))
    assert cache.cache_dir() == tmp_path / "c"
    monkeypatch.delenv("KG_CACHE_DIR")
    assert cache.cache_dir() is not None and cache.cache_dir().name.startswith("kg-cache-")


def test_store_load_keys_and_bad_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    k1, k2 = cache.key([b"places", "jieba 1"]), cache.key([b"places!", "jieba 1"])
    assert k1 != k2 and k1 == cache.key([b"places", "jieba 1"])
    assert cache.key([b"ab", b"c"]) != cache.key([b"a", b"bc"])  # parts are delimited
    cache.store("t", k1, ({"词": 3}, 7))
    assert cache.load("t", k1) == ({"词": 3}, 7)
    assert cache.load("t", k2) is None
    assert not list(tmp_path.glob(".*.tmp"))  # written under a temporary name, then renamed
    (tmp_path / f"t-{k2}.marshal").write_bytes(b"\x00not marshal")
    assert cache.load("t", k2) is None  # unreadable: ignored
    for i in range(cache.KEEP + 3):
        cache.store("t", cache.key([str(i)]), i)
    assert len(list(tmp_path.glob("t-*.marshal"))) == cache.KEEP


def test_segmenter_tables_from_the_cache_are_the_built_ones(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    built = segment._tables.__wrapped__()  # a miss: built, then stored
    files = list(tmp_path.glob("segmenter-*.marshal"))
    assert len(files) == 1
    loaded = segment._tables.__wrapped__()  # a hit
    assert loaded[1] == built[1] and loaded[0] == built[0] and loaded[2] == built[2]
    assert loaded[2]["苏州"] == built[2]["苏州"] and len(built[0]) > 400_000
    files[0].write_bytes(files[0].read_bytes()[:1000])  # truncated: ignored (then rebuilt, as above)
    assert cache.load("segmenter", files[0].stem.split("-", 1)[1]) is None
