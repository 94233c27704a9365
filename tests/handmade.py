"""Hand-made Articles and Extractions for the graph/store/query/API tests.

They stand in for the reader and extractor so that the graph layer is tested on
inputs whose right answer is known. The raw text of each article has a header
before the cleaned text, so source offsets differ from text offsets.
"""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from pathlib import Path

from kg.model import Amount, Article, DateValue, Entity, Extraction, Relation, Sentence

HEADER = "网站导航 | 首页\n"


def article(name: str, text: str, dateline: str | None = None, title: str | None = None) -> Article:
    raw = HEADER + text
    offsets = tuple(range(len(HEADER), len(HEADER) + len(text)))
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    return Article(name, Path(name), digest, "utf_8", raw, text, offsets, title=title, dateline=dateline)


def sentences(text: str) -> list[Sentence]:
    out = []
    for m in re.finditer(r"[^。]+。", text):
        out.append(Sentence(len(out), m.start(), m.end(), m.group()))
    return out


def sentence_of(sents: list[Sentence], needle: str) -> int:
    return next(s.index for s in sents if needle in s.text)


def extraction(name: str, text: str, entities: list[tuple], relations: list[tuple], dateline: str | None = None) -> Extraction:
    """entities: (type, label, aliases); relations: (predicate, subject, object, needle[, title])."""
    art = article(name, text, dateline, title=text.split("。")[0][:20])
    sents = sentences(text)
    ents = [Entity(t, label, set(aliases)) for t, label, aliases in entities]
    rels = []
    for r in relations:
        p, s, o, needle = r[:4]
        title = r[4] if len(r) > 4 else None
        rels.append(Relation(p, s, o, sentence_of(sents, needle), title))
    return Extraction(art, sents, ents, rels)


A1 = (
    "2023年5月10日，苏州新能源产业大会在苏州高新区举行。"
    "大会发布新能源产业链长制。"
    "甲乙能源科技有限公司参加大会。"
    "丙丁光伏项目在大会上签约，总投资50亿元，由丙丁光伏投资。"
    "张三任甲乙能源科技有限公司董事长。"
    "大会共签约12个项目，总投资300亿元。"
    "甲乙能源入驻苏州高新区。"
)
A2 = (
    "苏州新能源产业大会上，戊己半导体项目签约，投资2亿美元，投资方为戊己集团。"
    "甲乙能源总经理张三表示，将扩大新能源产业投资。"
    "丙丁光伏项目投资50亿元。"
)
A3 = (
    "苏州市委书记李四调研甲乙能源。"
    "市委提出推进新能源产业链长制。"
    "昆山市委书记王五出席会议。"
)


def handmade() -> list[Extraction]:
    """Three small articles with overlapping entities in different surface forms."""
    x1 = extraction(
        "a1.txt",
        A1,
        [
            ("Event", "苏州新能源产业大会", {"大会"}),
            ("Park", "苏州高新区", set()),
            ("Place", "苏州", set()),
            ("Initiative", "新能源产业链长制", {"链长制"}),
            ("Company", "甲乙能源科技有限公司", {"甲乙能源"}),
            ("Project", "丙丁光伏项目", {"丙丁光伏"}),
            ("Company", "丙丁光伏", set()),
            ("Person", "张三", set()),
            ("Industry", "新能源", {"新能源产业"}),
        ],
        [
            ("date", "苏州新能源产业大会", DateValue("2023-05-10"), "举行"),
            ("location", "苏州新能源产业大会", "苏州高新区", "举行"),
            ("launched", "大会", "新能源产业链长制", "发布"),
            ("participatedIn", "甲乙能源科技有限公司", "苏州新能源产业大会", "参加"),
            ("signedAt", "丙丁光伏项目", "苏州新能源产业大会", "签约，总投资50亿元"),
            ("investment", "丙丁光伏项目", Amount(Decimal("5000000000"), "CNY"), "签约，总投资50亿元"),
            ("investor", "丙丁光伏项目", "丙丁光伏", "签约，总投资50亿元"),
            ("holdsPosition", "张三", "甲乙能源科技有限公司", "董事长", "董事长"),
            ("projectCount", "苏州新能源产业大会", 12, "12个"),
            ("investment", "苏州新能源产业大会", Amount(Decimal("3E+10"), "CNY"), "12个"),
            ("inIndustry", "苏州新能源产业大会", "新能源", "举行"),
            ("settledIn", "甲乙能源", "苏州高新区", "入驻"),
            ("locatedIn", "苏州高新区", "苏州", "举行"),
        ],
        dateline="2023-05-11",
    )
    x2 = extraction(
        "a2.txt",
        A2,
        [
            ("Event", "苏州新能源产业大会", set()),
            ("Project", "戊己半导体项目", set()),
            ("Company", "戊己集团", set()),
            ("Company", "甲乙能源", set()),
            ("Person", "张三", set()),
            ("Industry", "新能源产业", set()),
            ("Project", "丙丁光伏项目", set()),
        ],
        [
            ("signedAt", "戊己半导体项目", "苏州新能源产业大会", "戊己"),
            ("investment", "戊己半导体项目", Amount(Decimal("200000000"), "USD"), "戊己"),
            ("investor", "戊己半导体项目", "戊己集团", "戊己"),
            ("holdsPosition", "张三", "甲乙能源", "总经理", "总经理"),
            ("inIndustry", "甲乙能源", "新能源产业", "总经理"),
            ("investment", "丙丁光伏项目", Amount(Decimal("5000000000"), "CNY"), "丙丁光伏"),
        ],
        dateline="2023-06",
    )
    x3 = extraction(
        "a3.txt",
        A3,
        [
            ("GovernmentBody", "苏州市委", {"市委"}),
            ("GovernmentBody", "昆山市委", {"市委"}),
            ("Person", "李四", set()),
            ("Person", "王五", set()),
            ("Company", "甲乙能源", set()),
            ("Initiative", "链长制", set()),
        ],
        [
            ("holdsPosition", "李四", "苏州市委", "苏州市委书记", "市委书记"),
            ("holdsPosition", "王五", "昆山市委", "昆山市委书记", "市委书记"),
            ("holdsPosition", "王五", None, "王五", "书记"),
        ],
    )
    return [x1, x2, x3]


#: A firm name that is markup and a park alias that closes a script: what views must keep as text.
EVIL = '恶意<img src=x onerror="window.__pwned=1;alert(1)">公司'
CLOSER = "</script><script>window.__pwned=2;alert(2)</script><!--"


def hostile() -> Extraction:
    """One article whose names and alias are script payloads (for the views' XSS tests)."""
    text = f"{EVIL}与甲乙能源合作。{CLOSER}\u2028甲乙能源入驻苏州高新区。"
    return extraction(
        "evil.txt", text,
        [("Company", EVIL, set()), ("Company", "甲乙能源", set()), ("Park", "苏州高新区", {CLOSER})],
        [("partnerOf", EVIL, "甲乙能源", "合作"), ("settledIn", "甲乙能源", "苏州高新区", "入驻")],
    )
