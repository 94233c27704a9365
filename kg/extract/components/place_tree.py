"""Places by the lexicon's tree: whether one place lies in another, the places a name holds, and the districts and counties of the cities the text names."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.doc import Doc
from kg.extract.lexicon import Place, lexicon


def _is_parent(parent: str, child: str) -> bool:
    lex = lexicon()
    p = lex.place(child)
    seen = 0
    while p and p.parent and seen < 3:
        q = lex.place(p.parent)
        if q and q.label == parent:
            return True
        p, seen = q, seen + 1
    return False


def _places_named_in(label: str, starts: int | None = None) -> Iterator[Place]:
    """The places of the lexicon written in ``label`` (two to four characters, starting in its first
    ``starts`` characters, or anywhere)."""
    get = lexicon().places.get
    for k in range(len(label) if starts is None else min(len(label), starts)):
        for n in (2, 3, 4):
            p = get(label[k : k + n])
            if p:
                yield p


def counties_of_named_cities(doc: Doc) -> None:
    """A district or county of a city the text names is in that city (顺德区 and 南海区 in a 佛山
    report, 合江县 in a 泸州 one): the text makes the place plain, as it does for a district
    written after its city."""
    lex = lexicon()
    named = {e.label for e in doc.entities.values() if e.type == "Place" and e.mentions}
    for e in list(doc.entities.values()):
        p = lex.place(e.label) if e.type == "Place" and e.mentions else None
        if p is None or p.level != "county" or doc.has_relation("locatedIn", e.label):
            continue
        if not any(doc.text[m.start : m.end].endswith(("区", "市", "县", "旗")) for m in e.mentions):
            continue  # a district or county-level city written as one (南海区, 宜城市); 昆山 alone stands on its own
        city = lex.parent_label(e.label)
        if city in named and city != e.label:
            doc.relate("locatedIn", e.label, city, e.mentions[0].sentence)
