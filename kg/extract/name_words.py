"""Which words a name's stem holds (:mod:`kg.extract.names` walks left over them): the tokens that
stop a name on its left (is_stop_token: a function word, a verb names do not contain, a number or
a quantifier), a stem of generic words only (is_generic), a stem that is a place (stem_is_place),
and a number with its unit that is part of a name (12英寸, 2万吨/年)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.lexicon import lexicon, words
from kg.extract.quantities import CURRENCY_WORDS
from kg.extract.segment import pos_tags

#: a project's phase (三期): part of its name, not a time word
PHASE = re.compile("[一二三四五六七八九]期")
_YEAR = re.compile(r"(?:19|20)\d{2}年?$")
_STOP_TAGS = frozenset({"i", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "d", "r", "m", "q", "t", "y", "e", "o", "ad", "vd", "tg"})
_SINGLE_STOP_TAGS = frozenset({"i", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "y", "e"})
_QUANT = frozenset("个家项批座所位名类只届次期")  # (not 件: 底盘件, 结构件 are products)
#: auxiliaries the segmenter glues to the verb after them (需提交, 将落户)
_AUXILIARY = frozenset("需将已拟应要并均也还")


@lru_cache(maxsize=1)
def _sets() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    return (
        frozenset(words("left_stop")),
        frozenset(words("name_verbs")),
        frozenset(words("generic")),
        frozenset(words("lead_trim")),
    )


@lru_cache(maxsize=1)
def _stop_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str], dict[str, str]]:
    """is_stop_token's word sets, joined once: name verbs, stop words (and event markers),
    lexicon words (places, industries, suffixes, known bodies), jieba's tags."""
    stop, name_verbs, _, _ = _sets()
    lex = lexicon()
    known = frozenset(lex.places) | frozenset(lex.industries) | frozenset(lex.suffixes) | frozenset(lex.known_orgs)
    return name_verbs, stop | _event_markers() | CURRENCY_WORDS, known, pos_tags()


#: a round count of livestock or land, written in words, that names a farm or plantation (万头, 千亩, 百万羽)
_ROUND_COUNT = re.compile("(?:十|百|千|万|十万|百万|千万)[头亩只羽]")


@lru_cache(maxsize=65536)
def is_stop_token(tok: str) -> bool:
    """Whether a token ends a name on its left (a function of the token alone: the rules ask
    it again and again for the same words, so the answers are kept like ``tokens``)."""
    name_verbs, stop, known, tags = _stop_sets()
    if tok in name_verbs or PHASE.fullmatch(tok):
        return False  # (三期: jieba tags it a time word; a phase is part of a project's name)
    if tok in stop:
        return True
    if tok in known or _ROUND_COUNT.fullmatch(tok):
        return False  # (万头 + 奶牛牧场项目, 千亩 + 茶园: a round count of head or land opens the name)
    if any(map(str.isdigit, tok)):
        return not _YEAR.match(tok)
    if len(tok) == 1 and tok in _QUANT:
        return True
    tag = tags.get(tok)
    if len(tok) == 3 and tok[0] in _AUXILIARY and tok not in known and tags.get(tok[1:]) == "v" and is_stop_token(tok[1:]):
        return True  # 尚 + 需提交: an auxiliary the segmenter glued to a verb
    if tag is None:
        # 开工建设, 签约落地: two verbs the dictionary holds as one untagged word, a stopping verb first
        return len(tok) == 4 and tok[:2] not in name_verbs and tags.get(tok[:2]) in ("v", "vn", "n", "d") and is_stop_token(tok[:2]) \
            and tags.get(tok[2:]) in ("v", "vn")  # (共同 + 发起: an adverb before the verb too)
    if len(tok) == 1:
        # single characters are often pieces of unknown names: only function words stop
        return tag in _SINGLE_STOP_TAGS
    return tag in _STOP_TAGS or tag == "v"


@lru_cache(maxsize=1)
def _event_markers() -> frozenset[str]:
    return frozenset(words("event_context"))


@lru_cache(maxsize=1)
def _spec_units() -> tuple[str, ...]:
    return words("spec_units")


@lru_cache(maxsize=1)
def _spec_unit_set() -> frozenset[str]:
    return frozenset(_spec_units())


@lru_cache(maxsize=1)
def _spec_ends() -> frozenset[str]:
    """The tokens a number with its unit can end with (``_spec_run`` is 0 at any other)."""
    return _spec_unit_set() | {"年"}


def _spec_run(toks: list[str], i: int) -> int:
    """How many tokens ending at ``i`` make a number with its unit (2 万吨, 2 万吨 / 年), 0 if none."""
    k = i
    if toks[k] == "年" and k >= 2 and toks[k - 1] == "/":
        k -= 2
    if k < 1 or toks[k] not in _spec_unit_set() or not toks[k - 1].replace(".", "").isdigit():
        return 0
    return i - k + 2


def _spec_number(tok: str, right: list[str]) -> bool:
    """A number that is part of a name: a size or generation before its unit (12英寸, 第6代,
    343省道), not an amount or count (12亿元, 18个), which ends a name."""
    if not right:
        return False
    if tok == "第":
        return right[0].isdigit()
    if tok.isdigit():
        return right[0].startswith(_spec_units())
    if tok[0].isdigit():  # jieba joined number and unit (6代)
        return tok.lstrip("0123456789.") in _spec_units()
    return False


def is_generic(stem_tokens: list[str]) -> bool:
    """A stem made only of generic words (各类, 特色, 专业 …) does not make a name."""
    _, _, generic, _ = _sets()
    # (the brackets and quotes left out of "real" tokens are single non-alphanumeric characters,
    # which pass the test anyway; no real token at all passes it too)
    for t in stem_tokens:
        if t not in generic and (len(t) != 1 or t.isalnum()):
            return False
    return True


def stem_is_place(stem: str) -> bool:
    lex = lexicon()
    s = stem.rstrip("市区县省")
    return stem in lex.places or s in lex.places
