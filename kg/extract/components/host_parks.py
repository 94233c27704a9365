"""Parks named at the head of an event's name: a zone's own event is named after it
(武汉东湖新技术开发区2025年第二季度重大项目集中开工活动), often the only place where the
article gives the zone's full name, while the text says 东湖高新区."""

from __future__ import annotations

from functools import lru_cache

from kg.extract.components.entities import _merge
from kg.extract.doc import Doc
from kg.extract.lexicon import place_prefix, suffix_ending, words
from kg.extract.registry import component


def _park_suffixes_end(text: str) -> str | None:
    """The longest park suffix ``text`` ends with (:func:`kg.extract.lexicon.suffix_ending`)."""
    return suffix_ending(text, "Park")


@lru_cache(maxsize=1)
def _short_forms() -> tuple[tuple[str, str], ...]:
    """Official long forms and the short form the news uses (经济技术开发区 -> 经开区)."""
    pairs = [tuple(w.split("=", 1)) for w in words("park_short_forms")]
    return tuple(sorted(((a, b) for a, b in pairs), key=lambda p: -len(p[0])))


def short_names(name: str) -> list[str]:
    """The short forms a park's full name goes by: the official abbreviation, with and without its place."""
    out = []
    longest = next((long for long, _ in _short_forms() if name.endswith(long)), None)
    for long, short in _short_forms():
        if long == longest:
            out.append(name[: -len(long)] + short)  # 经开区 and 开发区 of 经济技术开发区
    if longest is None:  # a park inside a zone: X高新技术产业开发区Y产业园 goes by X高新区Y产业园
        inner = next((long for long, _ in _short_forms() if long in name), None)
        out += [name.replace(long, short, 1) for long, short in _short_forms() if long == inner]
        if inner is not None and len(rest := name[name.index(inner) + len(inner) :]) >= 4:
            out.append(rest)  # … and, once the zone is named, by its own name: Y产业园
    for n in list(out) + [name]:
        head = place_prefix(n)
        if head and len(n) - len(head) >= 3:
            out.append(n[len(head) :])
    return out


@lru_cache(maxsize=1)
def _followers() -> tuple[str, ...]:
    return tuple(words("host_park_followers"))


def park_head(event: str) -> str | None:
    """The park an event's name opens with (a year may come first), or None."""
    name = event.lstrip("0123456789年")
    best = None
    for k in range(4, len(name) - 1):
        rest = name[k:]
        if not (rest[:1].isdigit() or rest.startswith(_followers())):
            continue  # (tested first: cheaper than the suffixes)
        head = name[:k]
        suffix = _park_suffixes_end(head)
        if "暨" in head or "—" in head or "·" in head or not suffix or len(head) - len(suffix) < 2:
            continue
        best = head  # the longest such head: 西海岸新区 over 西海岸新
    return best


@component("host_parks")
def host_parks(doc: Doc) -> None:
    """Parks named inside other names: the park at the head of each event's name, and a park
    written after the park it lies in (西海岸新区董家口经济区, 高新区丝路科学城)."""
    _event_heads(doc)
    _short_forms_of_parks(doc)
    _nested_parks(doc)


def _short_forms_of_parks(doc: Doc) -> None:
    """X国家高新技术产业开发区 and X高新区 in one article are one park, under the full name."""
    parks = sorted((e.label for e in doc.entities.values() if e.type == "Park"), key=lambda n: (-len(n), n))
    for long in parks:
        if long not in doc.entities:
            continue
        for short in short_names(long):
            e = doc.entity(short)
            if e is not None and e.type == "Park" and e.label != long and len(e.label) < len(long):
                _merge(doc, long, e.label)


def _nested_parks(doc: Doc) -> None:
    """X新区Y经济区: Y is the park (its name is Y), and Y lies in X, a park of the article
    named in full or by a bare word (高新区) that means the park of the article."""
    parks = [e for e in doc.entities.values() if e.type == "Park"]
    names = {n: e.label for e in parks for n in (e.label, *e.aliases)}
    for e in sorted(parks, key=lambda e: e.label):
        label = e.label
        outer = None
        for k in range(len(label) - 4, 1, -1):
            head, rest = label[:k], label[k:]
            suffix = _park_suffixes_end(rest)
            if suffix is None or len(rest) - len(suffix) < 2 or rest in doc.entities or not "\u4e00" <= rest[0] <= "\u9fff":
                continue
            if head in names and names[head] != label:
                outer = names[head]
            elif head in _bare_park_words():
                outer = _the_park(doc, exclude=label)
            if outer:
                doc.rename(label, rest)
                doc.relate("locatedIn", rest, outer, e.mentions[0].sentence if e.mentions else 0)
                break


@lru_cache(maxsize=1)
def _bare_park_words() -> frozenset[str]:
    return frozenset(words("bare_park_words"))


def _the_park(doc: Doc, exclude: str) -> str | None:
    """The park the article is about: the one named most often (None when there is none)."""
    counts = sorted(((len(e.mentions), e.label) for e in doc.entities.values() if e.type == "Park" and e.label != exclude),
                    reverse=True)
    return counts[0][1] if counts and counts[0][0] >= 2 else None


def _event_heads(doc: Doc) -> None:
    """The park at the head of each event's name is a park of the article (one with the park
    the text calls by its short form: :func:`_short_forms_of_parks` merges them after)."""
    for event in sorted(e.label for e in doc.entities.values() if e.type == "Event"):
        head = park_head(event)
        if head is not None and doc.entity(head) is None:
            doc.ensure_entity("Park", head)
