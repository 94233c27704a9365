"""kg.extract.scan: the quick forms of the rules' patterns find exactly what the patterns find."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import kg.extract.components  # noqa: F401  (imports the rules and quickens their patterns)
from kg.extract import scan
from kg.extract.components import deals

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "eval" / "devcorpus" / "docs").glob("*"))
    out = []
    for f in files:
        try:
            out.append(f.read_text(encoding="utf-8"))
        except UnicodeDecodeError:  # GBK pages: read by kg.read in the pipeline; skipped here
            continue
    out.append("ABC中国abc.1 2北京大学生B超,则将在苏州建设研发中心。12个项目、3个园区;该公司是X集团的全资子公司")
    return out


def _originals() -> dict[str, re.Pattern[str]]:
    """Every module-level pattern of kg.extract, as written (the originals kept by quick())."""
    back = {q: p for p, q in scan._QUICK.items() if p is not q}
    out = {}
    for name, module in list(sys.modules.items()):
        if module is not None and name.startswith("kg.extract"):
            for attr, value in vars(module).items():
                if isinstance(value, re.Pattern):
                    out[f"{name}.{attr}"] = back.get(value, value)
    return out


def test_quick_patterns_find_what_the_patterns_find():
    texts = _texts()
    changed = 0
    for where, p in _originals().items():
        q = scan.quick(p)
        if q is p:
            continue
        changed += 1
        assert q.groups == p.groups and q.groupindex == p.groupindex, where
        for text in texts:
            assert [(m.span(), m.groups()) for m in q.finditer(text)] == [(m.span(), m.groups()) for m in p.finditer(text)], where
            for pos in range(0, len(text), 7):  # match/fullmatch at a position, as the rules call them
                a, b = p.match(text, pos), q.match(text, pos)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), where
                assert bool(p.fullmatch(text, pos, pos + 6)) == bool(q.fullmatch(text, pos, pos + 6)), where
    assert changed >= 20  # the rules have many patterns that open with optional words


def test_quicken_replaced_the_module_patterns():
    assert deals._BUILDS.pattern.startswith("(?=[")
    assert scan.quick(deals._BUILDS) is deals._BUILDS  # a quick form is its own: quickening twice adds nothing
    assert scan.quicken() == 0


def test_first_chars():
    assert scan.first_chars(re.compile("(?:则|也)?(?:将|拟)?在x")) == "[则也将拟在]"
    assert scan.first_chars(re.compile(r"(?<=[,。])\d+个")) == r"[\d]"
    assert scan.first_chars(re.compile("(?:共同|联合)?")) is None  # matches '' anywhere
    assert scan.first_chars(re.compile("[^,。]{2}是")) is None  # a negated class: no finite set
    assert scan.first_chars(re.compile("[\u4e00-\u9fff]{2}")) is None  # too many to be worth a test
    assert scan.first_chars(re.compile("a", re.IGNORECASE)) is None


def test_quick_leaves_patterns_the_engine_skips_over():
    p = re.compile("等(?:企业|项目)")  # a literal prefix: the engine's own search is fast
    assert scan.quick(p) is p
    p = re.compile("(?m)(?:x)?y")  # inline global flags must open a pattern: left as it is
    assert scan.quick(p) is p


def test_word_scanner_match_end_is_the_place_regex_match():
    from kg.extract.lexicon import lexicon, place_scanner

    lex, places = lexicon(), place_scanner()
    text = "昆山市花桥经济开发区,苏州工业园区与上海市浦东新区、美国加州" + "".join(_texts()[:5])
    for start in range(len(text)):
        for end in (start, start + 1, start + 2, start + 3, start + 6, len(text)):
            m = lex.place_re.match(text, start, end)
            assert places.match_end(text, start, end) == (m.end() if m else -1), (start, end)
