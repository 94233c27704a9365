"""Names inside a name's stem (name_mentions): 中国科学院物理研究所 + 清洁能源实验室, 聚宏-北部湾大学 +
高分子材料联合研发中心, X高新区 + Y产业园: the organisation or zone named first is its own entity."""

from __future__ import annotations

from kg.extract.components.name_edges import _after_last_dash
from kg.extract.doc import Doc, Span, clean_label
from kg.extract.lexicon import lexicon

#: Zone suffixes that name a park another park sits in (X高新区Y产业园).
_ZONES = frozenset({"开发区", "高新区", "工业园区", "产业园区", "新区", "保税区", "自贸区", "示范区"})


def nested_names(doc: Doc, typ: str, start: int, s_start: int) -> None:
    """The organisations (and zones) named inside the stem ``text[start:s_start]`` of a name of type
    ``typ`` (…联盟 + 计划), added as spans of their own and noted under ``nested``.

    (a suffix inside the stem overlaps a match of the text's scan, which are side by side: the one
    before this suffix's, as this one starts at s_start; none reaches past start, none is in the stem)"""
    text, lex = doc.text, lexicon()
    for sm in lex.suffix_re.finditer(text, start, s_start):
        styp, smin = lex.suffixes[sm.group()]
        if typ == "ResearchInstitute" and (styp not in ("ResearchInstitute", "University") or s_start - sm.end() < 2):
            continue  # 中国科学院物理研究所 + 清洁能源实验室: the institute is its own entity
        zone = typ == "Park" and styp == "Park" and sm.group() in _ZONES and s_start - sm.end() >= 2
        if zone or styp in ("Association", "Company", "ResearchInstitute", "University") and (sm.end() == s_start or styp == "Company" or typ == "ResearchInstitute"):
            # 聚宏-北部湾大学高分子材料联合研发中心: the university after the dash
            a = _after_last_dash(text, start, sm.end()) if styp == "University" else start
            inner = clean_label(text[a : sm.end()])
            if len(inner) - len(sm.group()) >= max(smin, 2):
                doc.add_span(Span(a, sm.end(), styp, inner, "nested", 1))
                doc.notes.setdefault("nested", []).append((a, sm.end(), styp, inner))
