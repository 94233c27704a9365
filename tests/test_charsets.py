"""kg.charsets: patterns given their first characters match exactly as re's own."""

from __future__ import annotations

import random
import re
from re import _constants, _parser  # type: ignore[attr-defined]

from kg import charsets

# patterns as the rules write them (optional openers, alternations, lookbehinds, classes,
# named groups), and ones the first-character set must leave alone (they can match nothing
# or start with any character)
PATTERNS = [
    r"(?P<pre>超过|超|约)?(?P<num>\d+(?:\.\d+)?|[一二三十百]+)(?P<mag>亿|万)?(?P<cur>元|美元)(?P<post>以上|左右)?",
    "(?:领域|行业)?(?:领军企业|龙头企业|领军者)",
    "(?:累计)?引进|(?<=新)入驻|(?<=已)入驻|(?<=年)入驻",
    r"(?:^|(?<=[,。;\n]))([\u4e00-\u9fff]{2,3}?)(院士|教授)(?=[,。]|说)",
    r"(?:重点|主要)?(?:投向|投资于|支持)",
    r"(?=[苏昆])(?:苏州|昆山)(?:市)?",
    r"(?:\s|[a-c])+x",
    r"(?:19|20)\d{2}年(?:以来|底)?",
    r"(?:a|b*)c",
    "a?b?",  # can match nothing: left alone
    "(?:x|)y?",  # likewise
    ".b",  # any character first: left alone
    "[^a]b",  # a negated class: left alone
    r"(a)\1",
    r"(?i:ab)c",  # scoped flags: left alone
    r"^[昆苏]山",
]
ALPHABET = "ab cxy1920年以来底苏州昆山市超约35.亿万元美以上左右领域行业领军企业龙头者累计引进新已入驻,。;\n王李院士教授说重点主要投向投资于支持"


def _matches(rx: re.Pattern[str], text: str, flags: int) -> list[tuple]:
    out = [(m.span(), m.groups(), m.groupdict()) for m in rx.finditer(text)]
    out.append(rx.sub("#", text))
    out.append([rx.search(text, i) and rx.search(text, i).span() for i in range(0, len(text), 3)])
    out.append([rx.match(text, i) and rx.match(text, i).span() for i in range(len(text))])
    return out


def test_same_matches_as_re() -> None:
    """Every match, group, substitution and search from any position is re's own."""
    rng = random.Random(7)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60))) for _ in range(300)]
    texts += ["共计超过35亿元,约12万美元以上", "行业领军企业和龙头企业", "新入驻,累计引进", "王浩院士说,李明教授。"]
    for pattern in PATTERNS:
        for flags in (0, re.MULTILINE):
            ours, theirs = charsets.compile(pattern, flags), re.compile(pattern, flags)
            assert ours.pattern == theirs.pattern and ours.groupindex == theirs.groupindex
            for text in texts:
                assert _matches(ours, text, flags) == _matches(theirs, text, flags), (pattern, text)


def _has_first_characters(pattern: str) -> bool:
    p = _parser.parse(pattern, 0)
    code = charsets.code(p, 0)
    return code[0] == _constants.INFO and code[2] == _constants.SRE_INFO_CHARSET


def test_first_characters_where_re_finds_none() -> None:
    assert _has_first_characters("(?:领域|行业)?(?:领军企业|龙头企业|领军者)")
    assert _has_first_characters(PATTERNS[0])
    assert _has_first_characters(r"(?:^|(?<=[,。]))([\u4e00-\u9fff]{2,3}?)(院士|教授)")
    for left_alone in ("a?b?", "(?:x|)y?", ".b", "[^a]b", r"(?i:ab)c"):
        assert not _has_first_characters(left_alone), left_alone
    # re's own prefix (a literal start) is kept as it is
    p = _parser.parse("苏州市", 0)
    assert charsets.code(p, 0) == charsets._ORIGINAL(p, 0)


def test_only_within_the_block() -> None:
    """Outside first_characters(), re compiles as it always does."""
    from re import _compiler  # type: ignore[attr-defined]

    before = _compiler._code
    with charsets.first_characters():
        assert _compiler._code is charsets.code
        with charsets.first_characters():  # nested: still in force, restored once
            assert _compiler._code is charsets.code
        assert _compiler._code is charsets.code
    assert _compiler._code is before


def test_the_rules_patterns_find_what_re_finds() -> None:
    """Every module-level pattern of kg.extract and kg.clean and the lexicon's, as the pipeline
    uses them (compiled with their first characters), against re's own code for the same text."""
    import sys
    from pathlib import Path
    from re import _compiler  # type: ignore[attr-defined]

    import kg.clean  # noqa: F401
    from kg.extract.lexicon import lexicon
    from kg.extract.registry import default_pipeline

    default_pipeline()
    root = Path(__file__).resolve().parents[1]
    texts = []
    for f in sorted((root / "seeds").glob("*.txt")) + sorted((root / "eval" / "devcorpus" / "docs").glob("*"))[:8]:
        try:
            texts.append(f.read_text(encoding="utf-8"))
        except UnicodeDecodeError:  # GBK pages: read by kg.read in the pipeline; skipped here
            continue
    patterns = {f"{name}.{attr}": v for name, module in list(sys.modules.items()) if module is not None and name.startswith(("kg.extract", "kg.clean"))
                for attr, v in vars(module).items() if isinstance(v, re.Pattern)}
    lex = lexicon()
    patterns |= {f"lexicon.{k}": v for k, v in vars(lex).items() if isinstance(v, re.Pattern)}
    given = 0
    for where, p in patterns.items():
        plain = _compiler.compile(p.pattern, p.flags)
        if p == plain:
            continue  # (the same code: re found a prefix itself, or the pattern is left alone)
        given += 1
        for text in texts:
            assert [(m.span(), m.groups()) for m in p.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)], where
    assert given >= 80  # the rules have many patterns that open with optional words or lookbehinds


def test_code_the_engine_refuses_is_re_s_own(monkeypatch) -> None:
    """Should a later engine not take the info block as written here, re's own code is used."""

    class Refusing:
        @staticmethod
        def compile(*args):
            raise RuntimeError("invalid SRE code")

    p = _parser.parse("(?:领域|行业)?(?:领军企业|龙头企业)", 0)
    assert charsets.code(p, 0) != charsets._ORIGINAL(p, 0)
    monkeypatch.setattr(charsets, "_sre", Refusing)
    assert charsets.code(p, 0) == charsets._ORIGINAL(p, 0)
