"""Within-article alias resolution: one entity per thing named in the article, under its
fullest name (SCHEMA 3): bracket variants, leading places, company forms, events named with
暨 or a year, bare organs (市委 -> 苏州市委), brands of firms, plans named by their tail or
abbreviation, bodies named without their place, short firm names after the full name."""

from __future__ import annotations

import re
from collections import Counter

from kg.extract.components.entities import _COMPANY_FORMS, _PAREN, _merge, _place_prefix, _propagate
from kg.extract.doc import Doc, clean_label
from kg.extract.lexicon import lexicon
from kg.extract.registry import component
from kg.extract.segment import pos_tags
from kg.model import Entity, top_type

#: a plan's span of years at the end of its name: (2024—2029年)
_YEAR_SPAN = re.compile(r"\(\d{4}[-—–至]\d{4}年?\)$")


# compiled once (the rule below runs per candidate)
_JOINED_EVENT = re.compile(r"暨([^,。;:\n]{2,30}?(?:仪式|大会|会))")
_LATIN_SHORT = re.compile(r"\(([A-Za-z][A-Za-z0-9]{1,9})\)")


@component("aliases")
def aliases(doc: Doc) -> None:
    """Within-article alias resolution: short names to the fullest name."""
    lex = lexicon()
    text = doc.text
    ents = doc.entities
    # 1. the same name without brackets: 腾讯苏州数字产业基地 = 腾讯(苏州)数字产业基地
    by_plain: dict[tuple[str, str], str] = {}
    for label in sorted(list(ents), key=lambda l: (-len(l), l)):
        if label not in ents:
            continue
        t = ents[label].type
        key = (t if t in ("Place", "Industry", "Person") else "", _PAREN.sub("", label).replace("(", "").replace(")", ""))
        if key in by_plain:
            keep = by_plain[key]
            if "(" in label and "(" in keep:
                continue  # 时尚消费品(食品)产业园 and 时尚消费品(纺织服装)产业园: two parks
            if "(" in label and "(" not in keep:
                keep, label = label, keep
                by_plain[key] = keep
            if ents.get(label) and ents[label].type != ents[keep].type and _rank(ents[label]) > _rank(ents[keep]):
                ents[keep].type = ents[label].type
            _merge(doc, keep, label)
        else:
            by_plain[key] = label
    # 2. a leading place name: 昆山市新兴产业生态联盟计划 = 新兴产业生态联盟计划
    for label in list(ents):
        if label not in ents or ents[label].type in ("Place", "Industry", "Person"):
            continue
        head = _place_prefix(label)
        if head:
            rest = label[len(head):]
            other = ents.get(rest)
            if other is not None and top_type(other.type) == top_type(ents[label].type) and len(rest) >= 3:
                _merge(doc, label, rest)
    # 3. company forms: 腾讯集团 = 腾讯公司 = 腾讯 ; 比亚迪集团 = 比亚迪
    groups: dict[str, list[str]] = {}
    for label, e in ents.items():
        if e.type != "Company" or "(" in label:
            continue
        stem = label
        for f in _COMPANY_FORMS:
            if label.endswith(f) and len(label) - len(f) >= 2:
                stem = label[: -len(f)]
                break
        groups.setdefault(stem, []).append(label)
    for stem, labels in groups.items():
        if len(labels) < 2 and stem == labels[0]:
            continue
        suffixed = [l for l in labels if l != stem]
        if not suffixed:
            continue
        keep = max(suffixed, key=lambda l: (len(l), -_first(doc, l)))
        keep = min([l for l in suffixed if len(l) == len(keep)], key=lambda l: _first(doc, l))
        for l in labels:
            _merge(doc, keep, l)
        ents[keep].aliases.add(stem) if _standalone(text, stem) else None
    # 4. events: X暨Y keeps its full name (aliases X, Y); a leading year: 2021X = X; (ABBR) after an event
    for label in list(ents):
        e = ents.get(label)
        if e is None or e.type != "Event":
            continue
        if "暨" in label:
            first, _, second = label.partition("暨")
            if any(first.endswith(s) for s, (t, _) in lex.suffixes.items() if t == "Event"):
                # the joined name is the fullest form (SCHEMA: label = fullest name); its parts are aliases
                e.aliases |= {first, second}
                for part in (first, second):
                    if part in ents and part != label:
                        _merge(doc, label, part)
                continue
        m = re.match(r"^((?:19|20)\d{2})年?(.+)$", label)
        if m:
            e.aliases.add(m.group(2))
            if m.group(2) in ents:
                _merge(doc, label, m.group(2))
    # the same event named with and without its place or year (a headline's 太仓X, the body's 2023X)
    cores: dict[str, list[str]] = {}
    for label, e in ents.items():
        if e.type == "Event":
            cores.setdefault(_event_core(label), []).append(label)
    for core, labels in cores.items():
        if len(labels) > 1 and len(core) >= 4:
            keep = max(labels, key=lambda l: (bool(re.match(r"(?:19|20)\d{2}", l)), len(l)))
            for l in labels:
                _merge(doc, keep, l)
    for mention in list(doc.mentions):
        if mention.type != "Event" or mention.label not in ents:
            continue
        jm = _JOINED_EVENT.match(text[mention.end : mention.end + 32])
        if jm:
            ents[mention.label].aliases.add(clean_label(text[mention.start : mention.end] + jm.group(0)))
        am = _LATIN_SHORT.match(text[mention.end : mention.end + 12])
        if am:
            e = ents[mention.label]
            e.aliases.add(am.group(1))
            y = re.match(r"^((?:19|20)\d{2}年?)", e.label)
            if y:
                e.aliases.add(y.group(1) + am.group(1))
    for m in re.finditer(r"以“([^”]{2,12}会)”(?:的)?形式,?(?:召开|举行|举办)", text):
        nxt = next((x for x in doc.mentions if x.start >= m.end() and x.start - m.end() <= 1 and x.type == "Event"), None)
        if nxt is not None and m.group(1) in ents and nxt.label in ents:
            _merge(doc, nxt.label, m.group(1))
    # 5. bare organs: 市委 -> <city>市委
    home = _city_guess(doc)
    for label in list(ents):
        e = ents.get(label)
        if e is None or e.type != "GovernmentBody" or label[0] not in "市区县省":
            continue
        if label[1:] not in _BARE_ORGANS and not (label[0] == "市" and len(label) >= 5 and not label.startswith(("市场", "市民"))):
            continue  # 市钱江新城管委会 -> 杭州市钱江新城管委会; 市场监管局 is no bare organ
        ctx = _context_city(doc, e) or home
        if ctx and label[0] == "省":
            ctx = _province_of(ctx)
        if not ctx:
            continue
        full = ctx + label
        if full in ents:
            _merge(doc, full, label)
        else:
            ents.pop(label)
            e.label = full
            e.aliases.add(label)
            ents[full] = e
    # 6. the brand of a firm named with its city: 斯坦德机器人(昆山)有限公司 -> 斯坦德
    for label in list(ents):
        e = ents.get(label)
        if e is None or top_type(e.type) != "Organization" or "(" not in label:
            continue
        brand = label[: label.index("(")]
        if len(brand) < 2:
            continue
        if brand in ents:
            if ents[brand].type == "Company" and not lex.ending_re.search(brand) and not any(brand.endswith(f) for f in _COMPANY_FORMS):
                _merge(doc, label, brand)
            continue
        short = _short_brand(brand)
        for b in {brand, short} - {None}:
            if b not in ents and _standalone(text, b):
                e.aliases.add(b)
    # 7. the brand of a short firm name: 清陶能源 -> 清陶
    for label in list(ents):
        e = ents.get(label)
        if e is None or e.type != "Company" or "(" in label:
            continue
        short = _short_brand(label)
        if short and short not in ents and _standalone(text, short):
            e.aliases.add(short)
    # 8. a plan named by its tail (三年行动方案, 《方案》) is the one plan of the article that ends so
    inits = sorted(label for label, e in ents.items() if e.type == "Initiative")
    for typ in ("Initiative", "Project"):
        # (a project named by its phase, 二期项目, is the one project of the article named so in full)
        same = sorted(label for label, e in ents.items() if e.type == typ)
        for label in same:
            if label not in ents or len(label) > 8:
                continue
            longer = [o for o in same if o != label and o in ents and _YEAR_SPAN.sub("", o).endswith(label)
                      and len(o) - len(label) >= 2]
            if len(longer) == 1:
                _merge(doc, longer[0], label)
    # ... or its abbreviation: the same head and kind with words left out (祖冲之攻关计划)
    for label in inits:
        if label not in ents or len(label) < 5:
            continue
        longer = [o for o in inits if o != label and o in ents and len(o) > len(label) + 1
                  and o[:2] == label[:2] and o[-4:] == label[-4:] and _subsequence(label, o)]
        if len(longer) == 1:
            _merge(doc, longer[0], label)
    # 9. a body named without its province or city, or without 人民 (省机械工程学会, 徐州市政府),
    # is the one body of the article named in full (江苏省机械工程学会, 徐州市人民政府)
    for label in sorted(ents, key=len):
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
    # 10. a short firm name that begins the full name of one firm of the article, after its
    # place (川奇光电 -> 台湾川奇光电科技(扬州)有限公司), is that firm, not another one
    fulls: dict[str, list[str]] = {}
    for label, e in ents.items():
        if e.type == "Company" and (_LEGAL.search(label) or "(" in label) or e.type == "GovernmentBody" and _LEGAL.search(label):
            fulls.setdefault(_strip_places(label), []).append(label)  # (a state platform is a firm by its name)
    for label in sorted(ents, key=len):
        e = ents.get(label)
        if e is None or e.type != "Company" or len(label) < 2 or _LEGAL.search(label) or "(" in label:
            continue
        core, form = label, ""
        for f in ("集团", "公司"):
            if label.endswith(f) and len(label) - len(f) >= 2:
                core, form = label[: -len(f)], f
        owners = sorted({f for bare, fs in fulls.items() if bare.startswith(core) and len(bare) > len(label) and form in bare for f in fs})
        if any(bare.startswith(label + "(") for bare in fulls):
            continue  # 友达光电 and 友达光电(昆山)有限公司: the brand is the parent (step 6)
        if len(owners) == 1 and owners[0] in ents:
            _merge(doc, owners[0], label)
    _abbreviated_bodies(doc)
    _sector_short_forms(doc)
    _project_tails(doc)
    _propagate(doc)


#: what a firm's short name drops from its full name after the brand and the sector (龙辰机器人 of 龙辰机器人科技有限公司)
_FIRM_TAIL = re.compile("(?:科技|技术|实业|发展|股份|集团|控股)*(?:有限公司|有限责任公司|股份有限公司|股份公司|集团公司|集团)$")


def _sector_short_forms(doc: Doc) -> None:
    """12. a firm written short as its brand and sector (龙辰机器人 after 龙辰机器人科技有限公司): an
    alias, and its occurrences are the firm's, not mentions of the sector inside it."""
    ents, text = doc.entities, doc.text
    for label in sorted(ents):
        e = ents.get(label)
        if e is None or e.type != "Company" or "(" in label or not _LEGAL.search(label):
            continue
        short = _FIRM_TAIL.sub("", _strip_places(label))
        if len(short) < 4 or short == label or short in ents or text.count(short) <= text.count(label):
            continue
        e.aliases.add(short)
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(short), text)]
        inside = [m for m in doc.mentions if m.type in ("Industry", "Place") and m.source != "nested"
                  and any(a <= m.start and m.end <= b for a, b in spans)]
        for m in inside:
            doc.mentions.remove(m)
            other = ents.get(m.label)
            if other is not None:
                other.mentions = [x for x in other.mentions if (x.start, x.end) != (m.start, m.end)]


def _project_tails(doc: Doc) -> None:
    """13. a project named by the tail of one project's full name (风光制氢一体化项目 in a headline,
    蒙绿和林格尔风光制氢一体化项目 in the text): that project."""
    ents = doc.entities
    projects = sorted(label for label, e in ents.items() if e.type == "Project")
    for label in projects:
        if label not in ents or len(label) < 7:
            continue
        longer = [o for o in projects if o != label and o in ents and o.endswith(label)]
        if len(longer) == 1:
            _merge(doc, longer[0], label)


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _abbreviated_bodies(doc: Doc) -> None:
    """11. a body named short after its level word (市台商协会) is the one body of the article
    whose full name, after its place, holds its characters in order and ends alike
    (宁波市台商投资企业协会)."""
    ents = doc.entities
    for label in sorted(ents, key=len):
        e = ents.get(label)
        if e is None or top_type(e.type) != "Organization" or label[:1] not in "省市区县" or len(label) < 4:
            continue
        longer = []
        for o, oe in ents.items():
            if o == label or top_type(oe.type) != "Organization" or len(o) <= len(label) or o[-2:] != label[-2:]:
                continue
            head = _place_prefix(o)
            if not head:
                continue
            rest = o[len(head) :]
            if not head.endswith(label[0]):
                if rest[:1] != label[0]:
                    continue
                rest = rest[1:]
            if _subsequence(label[1:], rest):
                longer.append(o)
        if len(longer) == 1:
            _merge(doc, longer[0], label)


def _event_core(label: str) -> str:
    """An event name without its leading year and place names (2023太仓X, 太仓市X -> X)."""
    lex = lexicon()
    while True:
        y = re.match(r"(?:19|20)\d{2}年?(?:度)?", label)
        if y:
            label = label[y.end() :]
            continue
        head = next((label[:k] for k in range(min(6, len(label) - 2), 1, -1) if label[:k] in lex.places), None)
        if not head:
            return label
        label = label[len(head) :]


_LEGAL = re.compile("(?:有限公司|有限责任公司|股份公司|集团公司)$")


def _strip_places(label: str) -> str:
    """A firm's name without the places it starts with (台湾, 香港, 昆山)."""
    while True:
        head = _place_prefix(label)
        if not head or len(label) - len(head) < 4:
            return label
        label = label[len(head) :]


#: Organs named bare (市政协) and resolved to the article's city (常州市政协), or province (省委).
_BARE_ORGANS = frozenset({"委", "政府", "政协", "人大常委会", "人大", "纪委", "监委"})


#: what a firm's short name drops from its full name after the brand and the sector (龙辰机器人 of 龙辰机器人科技有限公司)
_FIRM_TAIL = re.compile("(?:科技|技术|实业|发展|股份|集团|控股)*(?:有限公司|有限责任公司|股份有限公司|股份公司|集团公司|集团)$")


def _sector_short_forms(doc: Doc) -> None:
    """12. a firm written short as its brand and sector (龙辰机器人 after 龙辰机器人科技有限公司): an
    alias, and its occurrences are the firm's, not mentions of the sector inside it."""
    ents, text = doc.entities, doc.text
    for label in sorted(ents):
        e = ents.get(label)
        if e is None or e.type != "Company" or "(" in label or not _LEGAL.search(label):
            continue
        short = _FIRM_TAIL.sub("", _strip_places(label))
        if len(short) < 4 or short == label or short in ents or text.count(short) <= text.count(label):
            continue
        inner = [m for m in doc.mentions if m.type in ("Industry", "Place") and text.startswith(short, max(0, m.end - len(short)))
                 and text.find(short, max(0, m.end - len(short)), m.end) >= 0]
        e.aliases.add(short)
        for i in range(len(text)):
            i = text.find(short, i)
            if i < 0:
                break
            for m in list(doc.mentions):
                if m.type in ("Industry", "Place") and i <= m.start and m.end <= i + len(short) and m.source != "nested":
                    doc.mentions.remove(m)
                    other = ents.get(m.label)
                    if other is not None:
                        other.mentions = [x for x in other.mentions if not (x.start == m.start and x.end == m.end)]
        del inner


def _project_tails(doc: Doc) -> None:
    """13. a project named by the tail of one project's full name (风光制氢一体化项目 in a headline,
    蒙绿和林格尔风光制氢一体化项目 in the text): that project."""
    ents = doc.entities
    projects = sorted(label for label, e in ents.items() if e.type == "Project")
    for label in projects:
        if label not in ents or len(label) < 7:
            continue
        longer = [o for o in projects if o != label and o in ents and o.endswith(label)]
        if len(longer) == 1:
            _merge(doc, longer[0], label)


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _province_of(place: str) -> str | None:
    lex = lexicon()
    p = lex.place(place)
    for _ in range(3):
        if p is None:
            return None
        if p.level == "province":
            return p.short or p.name
        p = lex.place(p.parent) if p.parent else None
    return None


def _rank(e: Entity) -> int:
    return {"Project": 3, "Company": 2}.get(e.type, 1)


def _first(doc: Doc, label: str) -> int:
    i = doc.text.find(label)
    return i if i >= 0 else len(doc.text)


def _short_brand(name: str) -> str | None:
    """清陶能源 -> 清陶: a name minus its company ending, when what is left looks like a brand."""
    lex = lexicon()
    m = lex.ending_re.search(name)
    if not m:
        return None
    b = name[: m.start()]
    if not (2 <= len(b) <= 4) or not re.fullmatch(r"[\u4e00-\u9fff]+", b):
        return None
    tag = pos_tags().get(b)
    if tag is not None and tag not in ("nz", "nr", "ns", "nt", "nrt", "x", "eng", "j"):
        return None
    if b in lex.places or b in lex.industries:
        return None
    return b


def _standalone(text: str, word: str) -> bool:
    return word in text


def _context_city(doc: Doc, e: Entity) -> str | None:
    """The city of the nearest explicit <city>市委/市政府 before the bare organ."""
    lex = lexicon()
    if not e.mentions:
        return None
    pos = e.mentions[0].start
    best = None
    for label, other in doc.entities.items():
        if other.type != "GovernmentBody" or other is e:
            continue
        for organ in ("市委", "市政府", "市人大常委会", "市政协"):
            if label.endswith(organ) and label[: -len(organ)] in lex.places:
                for m in other.mentions or [None]:
                    at = m.start if m else -1
                    if at < pos and (best is None or at > best[0]):
                        best = (at, label[: -len(organ)])
    return best[1] if best else None


def _city_guess(doc: Doc) -> str | None:
    lex = lexicon()
    counts: Counter[str] = Counter()
    for m in doc.mentions:
        if m.type == "Place":
            p = lex.place(m.label)
            if p and p.level in ("city", "county"):
                counts[m.label] += 1
    return counts.most_common(1)[0][0] if counts else None
