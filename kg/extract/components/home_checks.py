"""Whether the article's home may hold a park or project no rule placed (places): not one named or mentioned with another city or a place wider than the home, nor a generic project."""

from __future__ import annotations

import re

from kg.extract.components.clauses import _type
from kg.extract.components.place_tree import _is_parent, _places_named_in
from kg.extract.components.refs import sent_mentions as _sent_mentions
from kg.extract.doc import Doc
from kg.extract.lexicon import lexicon
from kg.extract.segment import pos_tags


def _named_for_wider(label: str, home: str) -> bool:
    """Whether a name holds a place that contains the home one (安庆经开区 when the home is 桐城, a
    county of 安庆): the name places it in the wider place, anywhere in it, not in the home."""
    return any(p.label != home and _is_parent(p.label, home) for p in _places_named_in(label, 8))


#: an item of a list of projects that says where it is (落户P, 选址P, 位于P, 在P建设)
_PLACED_ITEM = re.compile("落户|选址|位于|落地|坐落|在[^,。;在]{2,16}?(?:建设|新建|投建|兴建)")
#: what a place names before a firm it describes (德国企业X, 日本客商): the firm's origin
_FIRM_ORIGIN = ("企业", "客商", "公司", "籍", "独资", "外资", "投资商", "投资者", "财团")


def _foreign(doc: Doc, e, home: str) -> bool:
    """Whether the entity is named or mentioned with another city than the home one."""
    lex = lexicon()
    home_city = doc.notes.get("home_city")
    ok = {home, home_city, lex.parent_label(home_city) if home_city else None}
    if any(p.label not in ok for p in _places_named_in(e.label)):
        return True
    at = e.mentions[0].start
    s = doc.sentences[e.mentions[0].sentence]
    # (the clause of its first mention: 签约项目中,A投资…建设X项目;德国企业B…建设Y项目 places X by its own part)
    lo, hi = doc.text.rfind(";", s.start, at) + 1 or s.start, doc.text.find(";", at, s.end)
    hi = s.end if hi < 0 else hi
    if (lo, hi) != (s.start, s.end) and _PLACED_ITEM.search(doc.text, s.start, s.end):
        lo, hi = s.start, s.end  # (the other items say where they are: this one's place is one the rules missed)
    for m in _sent_mentions(doc, s):
        if not lo <= m.start < hi or doc.text.startswith(_FIRM_ORIGIN, m.end):
            continue  # another clause's, or a firm's origin (德国企业, 日本客商): not where the project is
        if _type(doc, m) == "GovernmentBody" and any(p.label not in ok for p in _places_named_in(m.label, 1)):
            return True  # 信宜市人民政府与X签约,…建设Y项目: signed with another place's government
        if _type(doc, m) == "Place" and m.label not in ok:
            p = lex.place(m.label)
            if p and p.level in ("city", "county", "country"):
                return True
    return False


#: heads of generic project names: 二期项目, 示范区项目, 研发中心项目, 旗舰型项目, 国内外头部项目, 外商投资项目, 台资项目
_GENERIC_HEAD = re.compile("(?:期|区|型|类|大|好|基地|设施|头部|招商|重点|重大|签约|开工|集中|投资|[外内台港侨民]资)$|^(?:研发|创新|运营|服务|结算|数据)中心$")


def _generic_project(label: str) -> bool:
    """A project name with no name of its own (an ordinary word, or a generic head)."""
    stem = label.removesuffix("项目")
    if len(stem) > 6:
        return False
    tag = pos_tags().get(stem)
    return (tag is not None and tag not in ("nz", "nr", "ns", "nt", "nrt", "x", "eng", "j")) or bool(_GENERIC_HEAD.search(stem))
