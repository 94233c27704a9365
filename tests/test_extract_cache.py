"""The cache of prepared tables: keyed, atomic, optional, and never a source of different tables."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from kg import charsets
from kg.extract import cache, segment
from kg.extract.word_table import WordTable


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
    # the default folder in the shared temp dir: not used when someone else could write to it
    monkeypatch.setattr(cache.tempfile, "gettempdir", lambda: str(tmp_path))
    assert cache.cache_dir() == tmp_path / cache.cache_dir().name  # absent: made on the first write
    d = cache.cache_dir()
    d.mkdir(mode=0o777)
    d.chmod(0o777)
    assert cache.cache_dir() is None
    d.chmod(0o700)
    assert cache.cache_dir() == d
    d.rmdir()
    d.symlink_to(tmp_path / "c")
    assert cache.cache_dir() is None  # a link another user could have planted


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
    assert loaded == built and loaded is not built
    assert loaded.tags["苏州"] == built.tags["苏州"] == "ns" and len(built.words) > 400_000
    files[0].write_bytes(files[0].read_bytes()[:1000])  # truncated: ignored (then rebuilt, as above)
    assert cache.load("segmenter", files[0].stem.split("-", 1)[1]) is None
    packed = built.packed()
    assert WordTable.unpacked(packed) == built
    for bad in (None, ("segmenter-1", *packed[1:]), (*packed[:5], packed[5][:-1], *packed[6:]), (*packed[:4], [], *packed[5:]),
                packed[:6]):
        assert WordTable.unpacked(bad) is None  # not the format, a word without its tag, tag numbers out of range, too short


def test_compiled_patterns_are_re_s_own(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import re

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    texts = [f"(?P<a>[\u4e00-\u9fff]{{2,{n}}})(?:有限公司|集团)$" for n in (4, 5)] + [r"(?=[则也还])(?:则|也|还)?在(\d+)"]
    with cache.compiled_patterns("t_regexes"):  # a miss: compiled as usual, then kept
        first = [re.compile(t) for t in texts]
    assert len(list(tmp_path.glob("t_regexes-*.marshal"))) == 1
    for t in texts:
        re._cache.pop((str, t, 0), None)  # type: ignore[attr-defined]
    with cache.compiled_patterns("t_regexes"):  # a hit: handed to re's cache, not compiled
        again = [re.compile(t) for t in texts]
    for t, a, b in zip(texts, first, again):
        assert a == b == charsets.compile(t, 0)  # same text, flags and engine code (re's, with first characters)
        assert a is not b and b.groupindex == a.groupindex and b.search("在苏州工业园区12") == a.search("在苏州工业园区12")
    # an entry the engine refuses is skipped
    (f,) = tmp_path.glob("t_regexes-*.marshal")
    k = f.stem.split("-", 1)[1]
    entries = cache.load("t_regexes", k)
    entries[0] = (entries[0][0], 0, 0, [1, 2, 3], 0, {}, ())
    cache.store("t_regexes", k, entries)
    re._cache.pop((str, texts[0], 0), None)  # type: ignore[attr-defined]
    with cache.compiled_patterns("t_regexes"):
        assert re.compile(texts[0]) == first[0]


def test_the_rules_patterns_from_the_cache_equal_fresh_ones(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path)}
    code = "from kg.extract.registry import default_pipeline; default_pipeline()"
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    (f,) = tmp_path.glob("regexes-*.marshal")
    # read the subprocess's file itself (cache.load reads this process's cache directory, where
    # another process may have left other entries under the same key)
    entries = marshal.loads(f.read_bytes())
    assert len(entries) > 200
    import _sre

    for pattern, flags, final, code_, groups, groupindex, indexgroup in entries:
        assert _sre.compile(pattern, final, code_, groups, groupindex, indexgroup) == charsets.compile(pattern, flags)


def test_the_cleaners_patterns_are_kept_too(tmp_path: Path) -> None:
    """kg.clean's own patterns and its furniture rules (kg/data/noise.toml) come from the cache
    in the next process: the same patterns as compiled fresh."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path)}
    code = "import kg.clean\nfrom kg.clean.rules import rules\nrules()"
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    import _sre

    for name in ("clean-regexes", "clean-rules"):
        (f,) = tmp_path.glob(f"{name}-*.marshal")
        entries = marshal.loads(f.read_bytes())
        assert len(entries) >= (10 if name == "clean-rules" else 3), name
        for pattern, flags, final, code_, groups, groupindex, indexgroup in entries:
            assert _sre.compile(pattern, final, code_, groups, groupindex, indexgroup) == charsets.compile(pattern, flags)
