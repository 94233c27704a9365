"""Person names: where a name that follows a post or precedes a verb of speech ends
(person_name), and the names listed after 市领导/区领导 (leader_names)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.doc import Doc, Span
from kg.extract.lexicon import HAN, lexicon, words
from kg.extract.segment import pos_tags, tokens

# Runs of Han characters (compiled once; the rules test them per candidate).
_ONE_HAN = re.compile(f"[{HAN}]")
_HAN_RUN = re.compile(f"[{HAN}]+")
_TWO_HAN = re.compile(f"[{HAN}]{{2}}")
#: what ends a transliterated name after its last dot (艾力·买买提 + 当选, 马克·韦伯 + 表示)
_FOREIGN_NAME_END = re.compile("[在说表指介强称的等和与是将对向为也还则就从到被把了]|出席|参加|致辞|主持|会见|见证|一行|率团|率领|带领|代表|先生|女士"
                               "|当选|担任|兼任|出任|任|荣获|获|希望|认为|透露|宣布|发表|陪同|考察|调研|视察|现场|共同|一同|一起|先后|相继|亲自")

_STOP_AFTER_NAME = frozenset("说的在等和与及、,。;:!?(“”)") | {"对", "也", "还", "则"}
#: Words that may follow a name directly (周伟表示): their first character is not a given name.
_WORDS_AFTER_NAME = ("表示", "指出", "介绍", "强调", "出席", "主持", "致辞", "带队", "带领", "现场", "视察", "主任", "主席", "认为", "透露", "坦言", "回顾", "谈到", "提到", "参加", "考察", "调研", "共同", "一同", "一起", "一道", "先后", "相继", "亲自")
#: Characters that, right after two characters, end a name (they seldom end a given name).
_STRONG_AFTER = frozenset("说的在等与及对也还则是将向就称了把被从曾到")
#: Further characters and words that end a name when they follow three characters.
_WEAK_AFTER = frozenset("和为作同并亦率") | _STRONG_AFTER
_MORE_AFTER = ("当时", "首先", "随后", "分别", "代表", "同志", "先生", "女士", "一行", "等人", "作为", "发表", "宣布", "发布", "通报",
               "来到", "会见", "为大会", "围绕", "就", "也", "则", "率队", "率团", "陪同", "接受", "称赞", "对此",
               "现任", "原任", "曾任", "兼任", "担任", "出任", "此前")
#: Dictionary tags of two-character words that are not names (单位 n, 于是 c, 应用 v).
_WORD_TAGS = frozenset({"n", "v", "vn", "c", "p", "d", "t", "m", "q", "r", "u", "f", "a", "ad", "an", "s", "vd", "l", "i", "b", "z"})
_NOT_NAMES = frozenset({"线上", "线下", "表示", "指出", "介绍", "强调", "认为", "出席", "主持", "致辞", "讲话", "一行", "等人", "同志", "先生", "女士", "代表", "们", "单位"})


#: the rest of 由X担任 (a post filled by X)
_SERVED_BY = re.compile("[^,。;]{2,40}?(?:担任|出任|兼任)")
_FOREIGN = re.compile(f"[{HAN}]{{1,6}}·[{HAN}]{{1,6}}(?:·[{HAN}]{{1,6}})?")


@lru_cache(maxsize=1)
def _japanese_surnames() -> frozenset[str]:
    """Two-character Japanese family names, without those the place lexicon holds."""
    lex = lexicon()
    return frozenset(w for w in words("japanese_surnames") if len(w) == 2 and w not in lex.places)


@lru_cache(maxsize=1)
def _tibetan_parts() -> frozenset[str]:
    return frozenset(words("tibetan_name_parts"))


@lru_cache(maxsize=1)
def _yi_clans() -> frozenset[str]:
    return frozenset(words("yi_clan_names"))


def _yi_name(text: str, pos: int) -> str | None:
    """A Yi name of four characters, its clan name first (阿苏 + 木呷), where a boundary follows it
    and its last two characters are no word that follows a name (阿苏表示 is no name of four)."""
    name = text[pos : pos + 4]
    if len(name) < 4 or name[:2] not in _yi_clans() or not _HAN_RUN.fullmatch(name):
        return None
    given = name[2:]
    if given in _NOT_NAMES or given.startswith(_WORDS_AFTER_NAME) or _ends_name(given, 0) or _ends_name(given[1:], 0):
        return None
    return name if _ends_name(text[pos + 4 : pos + 10], 0) or text.startswith(_WORDS_AFTER_NAME, pos + 4) else None


@lru_cache(maxsize=1)
def _mongolian_parts() -> frozenset[str]:
    return frozenset(words("mongolian_name_parts"))


def _mongolian_name(text: str, pos: int) -> str | None:
    """Two parts of a Mongolian name written together (巴图 + 额尔敦), the longest first."""
    parts = _mongolian_parts()
    for a in (4, 3, 2):
        if text[pos : pos + a] in parts:
            for b in (4, 3, 2):
                if text[pos + a : pos + a + b] in parts:
                    return text[pos : pos + a + b]
    return None


#: how far after ``pos`` person_name reads (_SERVED_BY's match after 由, the farthest)
_READS = 43


def person_name(text: str, pos: int) -> str | None:
    """The personal name starting at ``pos`` (2 or 3 characters, known surname), if any.

    A function of the text from ``pos`` on, which it reads no farther than ``_READS`` characters
    (and of the lexicons): kept by those characters, as barriers, people and name_starts ask it
    for the same posts (and the same names come again in other articles)."""
    return _person_name_of(text[pos : pos + _READS]) if pos >= 0 else _person_name(text, pos)


@lru_cache(maxsize=65536)
def _person_name_of(window: str) -> str | None:
    return _person_name(window, 0)


def _person_name(text: str, pos: int) -> str | None:
    """:func:`person_name`, worked out."""
    lex = lexicon()
    fm = _FOREIGN.match(text, pos)
    if fm:
        # 马克·韦伯: a transliterated name with its middle dot, up to a function word
        if fm.group()[0] == "由" and len(fm.group()) > 4:
            return None  # 副会长由 + 古丽娜·热合曼 + 担任: 由 is "by"
        k = fm.group().rindex("·")
        return fm.group()[:k] + _FOREIGN_NAME_END.split(fm.group()[k:], maxsplit=1)[0]
    head = text[pos : pos + 4]
    if len(head) < 2 or not _TWO_HAN.match(head):
        return None
    if head[0] == "由" and _SERVED_BY.match(text, pos + 1):
        return None  # 董事长由X担任: 由 is "by", not the surname
    if len(head) == 4 and head[:2] in _tibetan_parts() and head[2:] in _tibetan_parts():
        return head  # 尼玛次仁, 泽仁多吉: a Tibetan name of two parts, no surname
    if len(head) == 4 and head[:2] in _tibetan_parts() and _TWO_HAN.match(head, 2) and (pos_tags().get(head[2:]) or "n")[0] not in "vdpcrum" \
            and (text[pos + 4 : pos + 5] in _STOP_AFTER_NAME or text.startswith(_WORDS_AFTER_NAME, pos + 4)):
        return head  # 才让 + 多杰出席: a known first part, a second the lists lack, the name ending where names end
    mongol = _mongolian_name(text, pos)
    if mongol is not None:
        return mongol  # 巴图额尔敦: a Mongolian name of two parts, no surname
    yi = _yi_name(text, pos)
    if yi is not None:
        return yi  # 阿苏木呷: a Yi name, its clan name first
    if len(head) == 4 and head[:2] in _japanese_surnames() and _TWO_HAN.fullmatch(head, 2) and pos_tags().get(head[2:]) is None \
            and _ends_name(text[pos + 4 : pos + 8], 0):
        return head  # 丸山健一在致辞中表示: a Japanese family name of two characters and a given name
    sur = 2 if head[:2] in lex.surnames else 1
    if head[:sur] not in lex.surnames:
        return None
    base = sur + 1  # surname + one given character
    if len(head) < base or not _HAN_RUN.fullmatch(head[:base]):
        return None
    rest = text[pos + base : pos + base + 6]
    third = rest[:1]
    if third in ("和", "与") and _verb_next(rest[1:]):
        name = text[pos : pos + base + 1]  # 江永和宣布开工: 和 before a verb joins nothing, it ends the name
    elif not third or not _ONE_HAN.match(third) or third in _STOP_AFTER_NAME or rest.startswith(_WORDS_AFTER_NAME):
        name = text[pos : pos + base]
    elif _ends_name(rest, 1, strong_only=True):
        name = text[pos : pos + base]  # 周伟对产业园…: a function word right after two characters
    elif _ends_name(rest[1:], 1):
        name = text[pos : pos + base + 1]  # 俞会根当时表示, 徐敏中等, 都有为作: a boundary after three
    else:
        toks = tokens(rest)
        first = toks[0] if toks else ""
        if len(first) >= 2 or first in _STOP_AFTER_NAME or pos_tags().get(first, "x") in ("r", "p", "c", "u", "uj", "v", "q", "f"):
            name = text[pos : pos + base]
        else:
            name = text[pos : pos + base + 1]
    if name in _NOT_NAMES or name[1:] in _NOT_NAMES:
        return None
    if len(name) == 2 and pos_tags().get(name, "nr") in _WORD_TAGS and not _ends_name(text[pos + 2 : pos + 6], 0):
        return None  # 秘书长单位负责人: a common word, not a name (马力表示 is one)
    return name


def _verb_next(after: str) -> bool:
    """Whether ``after`` opens with a verb said of a person (表示, 指出, 宣布, 出席…)."""
    return after.startswith(_WORDS_AFTER_NAME) or after.startswith(("宣布", "发表", "会见", "率队", "陪同")) or after.startswith(words("speech"))


def _ends_name(after: str, _n: int, strong_only: bool = False) -> bool:
    """Whether ``after`` (the text right after a candidate name) starts with a boundary."""
    c = after[:1]
    if not c or not _ONE_HAN.match(c):
        return True
    if c in (_STRONG_AFTER if strong_only else _WEAK_AFTER):
        return True
    return after.startswith(_WORDS_AFTER_NAME) or after.startswith(_MORE_AFTER) or after.startswith(words("speech"))


#: A group of leaders (市领导, 区领导, 高新区领导) introduces a list of names.
_LEADERS = re.compile("(?<=[市区县省镇])领导")
_NAME_SEP = "、 \u3000"


def _leader_lists(doc: Doc) -> None:
    """Person mentions for the names listed after 市领导/区领导 (see ``leader_names``)."""
    for pos, name in leader_names(doc):
        doc.add_span(Span(pos, pos + len(name), "Person", name, "leaders", 6))


def leader_names(doc: Doc) -> list[tuple[int, str]]:
    """Names listed after 市领导/区领导: 区领导钱卫东、顾晓芸 or, without punctuation,
    市领导沈觅方文浜潘国强 (split into 2–3 character names that each start with a surname)."""
    if "leaders" in doc.notes:
        return doc.notes["leaders"]
    text = doc.text
    out: list[tuple[int, str]] = []
    for m in _LEADERS.finditer(text):
        pos = m.end()
        while pos < len(text):
            end = _name_run_end(text, pos)
            names = split_names(text[pos:end])
            if not names:
                break
            for name in names:
                out.append((pos, name))
                pos += len(name)
            if pos >= len(text) or text[pos] not in _NAME_SEP:
                break
            pos += 1
    doc.notes["leaders"] = out
    return out


def _name_run_end(text: str, pos: int) -> int:
    """Where a run of names ends: at punctuation, a post, an organ (市政府) or a verb."""
    lex = lexicon()
    i = pos
    while i < len(text) and i - pos < 15 and _ONE_HAN.match(text[i]):
        if text[i] in _STOP_AFTER_NAME or i > pos and (
            lex.title_re.match(text, i) or lex.suffix_re.match(text, i) or text.startswith(_WORDS_AFTER_NAME, i) or text.startswith(("领导", "等", "一行"), i)
        ):
            break
        i += 1
    return i


def split_names(run: str) -> list[str]:
    """Split a run of 2–3 character names, each starting with a single-character surname;
    of the splits, the one whose surnames are commonest wins. [] when no split fits."""
    lex = lexicon()
    tags = pos_tags()
    best: list[tuple[int, list[str]] | None] = [None] * (len(run) + 1)
    best[0] = (0, [])
    for i in range(len(run)):
        if best[i] is None or run[i] not in lex.surnames:
            continue
        for n in (2, 3):
            piece = run[i : i + n]
            if len(piece) < n or piece in _NOT_NAMES or tags.get(piece, "nr")[:2] != "nr" and piece in tags:
                continue
            cost = best[i][0] + lex.surname_rank.get(run[i], 999)
            if best[i + n] is None or cost < best[i + n][0]:
                best[i + n] = (cost, best[i][1] + [piece])
    return best[len(run)][1] if best[len(run)] else []
