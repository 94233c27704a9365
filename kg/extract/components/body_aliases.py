"""Within-article aliases of government bodies and institutes (steps 9 and 10 of :mod:`aliases`): a body
named without its province, city or 人民 (徐州市政府), after two forms of one place (海西州人民政府), a
zone's organ after the zone's short form (防城港经开区管委会), and a body or institute named by its tail
(先进装备研究院, 航天城管理局): each the one body of the article named in full."""

from __future__ import annotations

from kg.extract.components.entities import _merge
from kg.extract.doc import Doc
from kg.extract.lexicon import lexicon, place_ending_at, place_scanner
from kg.model import top_type

#: the organs of a development zone, and the zones' short forms with the full ones they stand for
_ZONE_ORGANS = ("管委会", "党工委", "管理委员会")
_ZONE_SHORTS = {"经开区": ("经济技术开发区", "经济开发区"), "高新区": ("高新技术产业开发区",), "综保区": ("综合保税区",)}


def body_aliases(doc: Doc) -> None:
    """Fold each body named short into the one the article names in full (see the module)."""
    lex, ents = lexicon(), doc.entities
    # 9. a body named without its province or city, or without 人民 (省机械工程学会, 徐州市政府),
    # is the one body of the article named in full (江苏省机械工程学会, 徐州市人民政府)
    for label in sorted((lab for lab in ents if lab[:1] in ("省", "市") and len(lab) >= 4 or lab.endswith("政府")), key=len):
        e = ents.get(label)
        if e is None or top_type(e.type) != "Organization":
            continue
        if label[:1] in ("省", "市") and len(label) >= 4:
            longer = [o for o in ents if o != label and o.endswith(label) and lex.place(o[: -len(label)]) is not None
                      and top_type(ents[o].type) == "Organization"]
            if len(longer) == 1:
                _merge(doc, longer[0], label)
                continue
        if label.endswith("政府") and not label.endswith("人民政府"):
            full = label[:-2] + "人民政府"
            if full in ents:
                _merge(doc, full, label)
    # 9b. a body named after two forms of one place (海西州人民政府, 海西蒙古族藏族自治州人民政府)
    by_place: dict[tuple[str, str], list[str]] = {}
    places = place_scanner()  # (the match of lex.place_re, found faster)
    for label, e in ents.items():
        if top_type(e.type) == "Organization" and (k := places.match_end(label, 0, len(label))) > 0 and (rest := label[k:]):
            if len(rest) > 1 and rest[0] == label[k - 1] and rest[0] in "州盟":
                rest = rest[1:]  # 湘西土家族苗族自治州 + 州委, 湘西州 + 委: the organ after the level word, once
            by_place.setdefault((lex.places[label[:k]].name, rest), []).append(label)
    for same in by_place.values():
        if len(same) == 2 and all(o in ents for o in same):
            same.sort(key=len)
            _merge(doc, same[1], same[0])
    # 9c. a zone's organ named after the zone's short form (防城港经开区管委会) is named after the zone's full
    # name when the text writes it (防城港经济技术开发区), one body with the organ the text names in full
    for label in sorted(lab for lab, e in ents.items() if e.type == "GovernmentBody" and lab.endswith(_ZONE_ORGANS)):
        organ = next(o for o in _ZONE_ORGANS if label.endswith(o))
        zone = label[: -len(organ)]
        short = next((s for s in _ZONE_SHORTS if zone.endswith(s) and len(zone) > len(s)), None)
        if short is None or label not in ents:
            continue
        full = next((f for f in (zone[: -len(short)] + f for f in _ZONE_SHORTS[short]) if f in doc.text), None)
        if full is None:
            continue
        at = doc.text.find(full)  # (found: full was picked as written in the text)
        city = doc.text[c:at] if (c := place_ending_at(doc.text, at, 4)) is not None else ""
        if city and not full.startswith(city):
            full = city + full  # (新站高新区管委会 in a text that writes 合肥新站高新技术产业开发区)
        named = [o for o in ents if o.endswith(full + organ) and o != label]
        parks = [e.label for e in ents.values() if e.type == "Park" and e.label.endswith(full)]
        target = named[0] if len(named) == 1 else parks[0] + organ if len(parks) == 1 else full + organ
        if target in ents:
            _merge(doc, target, label)
        elif target != label:
            doc.rename(label, target)
    # 10. an institute named by its tail (先进装备研究院) is the one institute of the article named so in full; a
    # body too (航天城管理局 after 文昌国际航天城管理局), when its tail is more than an organ (not 发展改革委, 市商务局)
    for label in sorted((lab for lab, e in ents.items() if e.type in ("ResearchInstitute", "GovernmentBody")), key=len):
        e = ents.get(label)
        if e is None or len(label) < 5 or e.type == "GovernmentBody" and (len(label) < 6 or label[0] in "市区县省州盟旗" or label in lex.suffixes):
            continue
        longer = [o for o, x in ents.items() if x.type == e.type and o != label and o.endswith(label)]
        if len(longer) == 1:
            _merge(doc, longer[0], label)
