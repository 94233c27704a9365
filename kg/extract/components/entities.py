"""From candidate spans to the article's entities: overlap resolution and typing,
the article's home place and main event (alias resolution is in aliases.py)."""

from __future__ import annotations

import re
from bisect import insort
from collections import Counter
from collections.abc import Iterable

from kg.extract.doc import Doc, Span, _new, _set, clean_label, mention_of
from kg.extract.lexicon import lexicon
from kg.extract.registry import component
from kg.model import Entity, Mention

_PAREN = re.compile(r"\([^()]*\)")
_COMPANY_FORMS = ("股份有限公司", "有限责任公司", "集团有限公司", "集团公司", "有限公司", "集团", "公司", "控股")


@component("select_mentions")
def select_mentions(doc: Doc) -> None:
    """Keep the longest candidates that do not overlap (ties: higher priority, earlier)."""
    _province_off_organs(doc)
    _park_off_firms(doc)
    _person_off_names(doc)
    taken = bytearray(len(doc.text) + 1)
    chosen: list[Span] = []
    # (s.start - s.end is -s.length, without the property's call)
    for s in sorted(doc.spans, key=lambda s: (s.start - s.end, -s.priority, s.start)):
        n = s.end - s.start
        if n <= 0:
            continue
        if s.source == "nested" or taken.find(1, s.start, s.end) < 0:  # (not any(taken[s.start : s.end]))
            chosen.append(s)
            if s.source != "nested":
                taken[s.start : s.end] = b"\x01" * n
    chosen.sort(key=lambda s: (s.start, s.start - s.end))
    doc.mentions = chosen


def _province_off_organs(doc: Doc) -> None:
    """湖北省黄冈市委书记: the organ is 黄冈市委, the province before it a place of its own (a body
    named with its province and a city of that province starts at the city; a zone's committee
    named so is left whole, see short_names._without_province)."""
    lex = lexicon()
    spans = doc.spans
    # (the few bodies picked by a comprehension, not a loop's turn per candidate; a span is replaced in its own place only)
    for i in [i for i, s in enumerate(spans) if s.type == "GovernmentBody" and s.source == "suffix" and len(s.label) >= 6]:
        s = spans[i]
        prov = next((s.label[:k] for k in (3, 2, 4) if s.label[:k] in lex.places), None)
        p = lex.places[prov] if prov else None
        if p is None or p.level != "province" or p.name.endswith("市"):
            continue
        rest = s.label[len(prov):]
        city = next((rest[:k] for k in (4, 3, 2) if rest[:k] in lex.places), None)
        c = lex.places[city] if city else None
        if c is None or c.level != "city" or c.parent != p.name or not 1 <= len(rest) - len(city) <= 5:
            continue
        doc.spans[i] = Span(s.start + len(prov), s.end, s.type, rest, s.source, s.priority, {a for a in s.aliases if a != s.label})


#: one-character verbs after a speaker's name (宋某作X推介, 李某在X调研, 王某到X考察)
_SPEAKER_VERBS = frozenset("作在到来向对为赴")


def _person_off_names(doc: Doc) -> None:
    """宋某作延吉高新区医药健康产业推介: a name that opens with a person the text names and a verb of
    theirs is no name of a park or firm (it starts after the verb)."""
    people = {s.label for s in doc.spans if s.type == "Person" and len(s.label) >= 2}
    if not people:
        return
    firsts = {p[0] for p in people}
    spans = doc.spans
    for i, s in enumerate(spans):
        if s.source != "suffix" or s.label[:1] not in firsts or s.type == "Person":
            continue
        for p in people:
            k = len(p)
            if s.label.startswith(p) and s.label[k : k + 1] in _SPEAKER_VERBS and len(s.label) - k - 1 >= 3:
                rest = s.label[k + 1 :]
                spans[i] = Span(s.start + k + 1, s.end, s.type, rest, s.source, s.priority, {a for a in s.aliases if a != s.label and a != rest})
                break


def _park_off_firms(doc: Doc) -> None:
    """来到嘉鱼经济开发区湖北长江绿能科技有限公司: a park written right before a firm's legal name that
    opens with its province or city is no part of it (the firm starts at the place)."""
    parks = {(s.start, s.end) for s in doc.spans if s.type == "Park"}
    if not parks:
        return
    lex = lexicon()
    ends = {}
    for a, b in parks:
        ends.setdefault(a, []).append(b)
    spans = doc.spans
    for i in [i for i, s in enumerate(spans) if s.type == "Company" and s.start in ends]:
        s = spans[i]
        for b in sorted(ends[s.start], reverse=True):
            rest = doc.text[b : s.end]
            p = next((rest[:k] for k in (3, 2) if rest[:k] in lex.places and lex.places[rest[:k]].level in ("province", "city")), None)
            if p is not None and len(rest) - len(p) >= 6:
                doc.spans[i] = Span(b, s.end, s.type, rest, s.source, s.priority, set())
                break


@component("entities")
def entities(doc: Doc) -> None:
    """One entity per label; the type of its strongest mention."""
    best: dict[str, tuple[int, str]] = {}
    for m in doc.mentions:
        pri = best.get(m.label)
        if pri is None or m.priority > pri[0]:
            best[m.label] = (m.priority, m.type)
    text, starts, ents = doc.text, doc._starts, doc.entities
    k, last = 0, len(starts) - 1  # (the sentence of the mention before: the mentions come by start, see below)
    for m in doc.mentions:
        e = ents.get(m.label)
        if e is None:
            e = ents[m.label] = Entity(best[m.label][1], m.label)  # (by position: a third cheaper than by keyword)
        # (clean_label's own first test inline: most names are letters only, left as they are)
        if m.aliases:
            for a in m.aliases:  # (a loop, not a set comprehension's frame per mention)
                if a:
                    e.aliases.add(a if a.isalnum() else clean_label(a))
        surface = text[m.start : m.end]
        if m.source != "short_form":  # (以下简称X): the alias is X, not the declaration
            e.aliases.add(surface if surface.isalnum() else clean_label(surface))
        # mention_of(doc, m) without its two calls: doc.sentence_at by a walk over the sentence starts
        # from the last mention's sentence (select_mentions sorts them by start), bisect when one goes back
        pos = m.start
        if k and pos < starts[k]:
            k = doc.sentence_at(pos)
        while k < last and starts[k + 1] <= pos:
            k += 1
        x = _new(Mention)
        _set(x, "text", surface)
        _set(x, "start", pos)
        _set(x, "end", m.end)
        _set(x, "sentence", k)
        e.mentions.append(x)
    for typ, org, _ in doc.notes.get("post_orgs", []):
        doc.ensure_entity(typ, org)
    for brand, full in doc.notes.get("brand_firms", []):
        # 远东新能源总部项目: the firm the project is named after, by its brand (see mentions.py)
        if doc.entity(full) is None and (doc.entity(brand) is None or doc.type_of(brand) == "Company"):
            doc.ensure_entity("Company", brand, {full})


def _merge(doc: Doc, keep: str, drop: str) -> None:
    """Fold entity ``drop`` into ``keep`` (its label becomes an alias)."""
    if keep == drop or keep not in doc.entities or drop not in doc.entities:
        return
    k, d = doc.entities[keep], doc.entities.pop(drop)
    k.aliases |= d.aliases | {d.label}
    k.mentions += d.mentions
    doc.relabel_mentions(drop, keep)


def _by_start(s: Span) -> tuple[int, int]:
    """The order of ``doc.mentions``: by start, the longest first."""
    return s.start, s.start - s.end


def _propagate(doc: Doc) -> None:
    """Every further occurrence of an entity's names is a mention of it."""
    names: dict[str, str] = {}
    for e in doc.entities.values():
        label = e.label
        if len(label) >= 2:
            names.setdefault(label, label)
        for n in e.aliases:  # (a name of two entities is the first one's)
            if len(n) >= 2:
                names.setdefault(n, label)
    if not names:
        return
    taken = bytearray(len(doc.text) + 1)
    for m in doc.mentions:
        if m.source != "nested":
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    # leftmost-longest scan, as a trie regex would do, but with str.find: compiling a
    # regex of the article's names cost more than the rest of this component
    # (the names longest first, so that the first name found at a position is its longest: two
    # names of one length found at one position are the same name)
    text = doc.text
    longest = _longest_by_scan(text, names) if len(text) * len(names) > _SCAN_ABOVE else _longest_by_find(text, names)
    added = []
    cursor = 0
    for start in sorted(longest):
        if start < cursor:
            continue
        n = longest[start]
        end = start + len(n)
        cursor = end
        label = names[n]
        e = doc.entities[label]
        if taken[start] or taken.find(1, start, end) >= 0:  # (any(taken[start:end]); most names found are mentions already)
            if e.type != "Person" or not _unmake_inside(doc, start, end):
                continue  # (赵 + 永平 + 受聘: a person named before, not the county inside the name)
        if e.type == "Industry" and text[end : end + 1] in _PLACE_WORD_ENDS:
            continue  # 航天 + 城, 光 + 谷: a sector's word opening a park's or town's short name, no mention of the sector
        span = Span(start, end, e.type, label, "propagated", 0)
        taken[start:end] = b"\x01" * (end - start)
        e.mentions.append(mention_of(doc, span))
        added.append(span)
    # doc.mentions come by start, longest first (select_mentions; the alias rules only drop some):
    # each new one goes in after those of its place, where a stable sort of them all would put it
    for span in added:
        insort(doc.mentions, span, key=_by_start)


def _unmake_inside(doc: Doc, start: int, end: int) -> bool:
    """Drop the place mentions strictly inside a known person's name written at ``start:end`` (a
    place that opens or ends a given name: 赵永平, 李安宁), when nothing else overlaps it; an
    entity left with no mention goes too. Whether the name is then free."""
    inside = [m for m in doc.mentions if m.start < end and m.end > start]
    if not inside or any(m.type != "Place" or m.start < start or m.end > end or (m.start, m.end) == (start, end) for m in inside):
        return False
    for m in inside:
        doc.mentions.remove(m)
        e = doc.entities.get(m.label)
        if e is not None:
            e.mentions = [x for x in e.mentions if (x.start, x.end) != (m.start, m.end)]
            if not e.mentions:
                del doc.entities[m.label]
    return True


#: the last characters of a short name of a park or town made of a sector's word (航天城, 药谷, 汽车港)
_PLACE_WORD_ENDS = frozenset("城园谷港镇村岛湾")
#: (text length x names) above which the names are found in one scan of the text, not one search each
_SCAN_ABOVE = 2_000_000


def _longest_by_find(text: str, names: Iterable[str]) -> dict[int, str]:
    """The longest of ``names`` starting at each position where one starts: a search per name,
    longest first (two names of one length found at one position are the same name)."""
    longest: dict[int, str] = {}
    for n in sorted(names, key=len, reverse=True):
        i = text.find(n)
        while i >= 0:
            longest.setdefault(i, n)
            i = text.find(n, i + 1)
    return longest


def _longest_by_scan(text: str, names: Iterable[str]) -> dict[int, str]:
    """:func:`_longest_by_find` in one pass over the text (names of two characters or more, looked up
    by their first two): a long text naming thousands of entities took a search of it per name."""
    by_head: dict[str, list[str]] = {}
    for n in sorted(names, key=len, reverse=True):
        by_head.setdefault(n[:2], []).append(n)
    longest: dict[int, str] = {}
    get = by_head.get
    for i in range(len(text) - 1):
        found = get(text[i : i + 2])
        if found is not None:
            for n in found:
                if text.startswith(n, i):
                    longest[i] = n
                    break
    return longest


@component("home")
def home(doc: Doc) -> None:
    """The article's home place (the city or park it is about) and its main event."""
    lex = lexicon()
    count: Counter[str] = Counter()
    parks: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for e in doc.entities.values():
        if e.type == "Place":
            p = lex.place(e.label)
            if p and p.level in ("city", "county"):
                count[e.label] = len(e.mentions)
                # (to choose the city: also its mentions inside the names of bodies, parks and plans: 朔州市人民政府…)
                named[e.label] = len(e.mentions) + doc.text.count(e.label)
        elif e.type == "Park":
            parks[e.label] = len(e.mentions)
    city = named.most_common(1)[0][0] if named else None
    park = parks.most_common(1)[0] if parks else None
    doc.notes["home_city"] = city
    doc.notes["home"] = park[0] if park and park[1] >= 3 and park[1] > count.get(city, 0) else city
    events = [e for e in doc.entities.values() if e.type == "Event" and e.mentions]
    # a series named only inside its opening's name (X周 in X周开幕式) is not the article's event
    spans = [(m.start, m.end, e.label) for e in events for m in e.mentions]
    events = [e for e in events if not all(any(a <= m.start and m.end <= b and b - a > m.end - m.start and lab != e.label
                                               for a, b, lab in spans) for m in e.mentions)] or events
    main = None
    if events:
        hold = ("举行", "召开", "举办", "开幕", "启幕", "拉开帷幕", "走进", "来到")  # (a touring event comes to a place)
        past = ("去年", "前年", "上一届", "上届", "此前")
        # "X was held" in the lead, not a past event recalled for context (去年…召开X)
        for e in sorted(events, key=lambda e: min(m.start for m in e.mentions)):
            for mention in sorted(e.mentions, key=lambda m: m.start):
                if mention.sentence > 5:
                    break
                sentence = doc.sentences[mention.sentence]
                tail = doc.text[mention.end : min(mention.end + 12, sentence.end)]
                head = doc.text[max(mention.start - 8, sentence.start) : mention.start]
                if (any(h in tail for h in hold) or any(h in head for h in hold)) and not any(p in sentence.text for p in past):
                    main = e
                    break
            if main is not None:
                break
        if main is None:
            main = max(events, key=lambda e: (len(e.mentions), -e.mentions[0].start))
    doc.notes["main_event"] = main.label if main else None
    if main is not None and (host := _host_park(doc, main.label)):
        doc.notes["home"] = host  # the park's own event (XX高新区2025年…集中签约仪式): the article is about the park


def _host_park(doc: Doc, event: str) -> str | None:
    """The park an event is named after when its name starts with that park (a year may come first)."""
    name = event.lstrip("0123456789年")
    best = None
    for e in doc.entities.values():
        if e.type != "Park":
            continue
        for n in (e.label, *e.aliases):
            if len(n) >= 4 and name.startswith(n) and (best is None or len(n) > best[0]):
                best = (len(n), e.label)
    return best[1] if best else None
