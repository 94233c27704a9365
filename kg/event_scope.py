"""Which events of a name are one across articles.

Entities are one when they share a name (:mod:`kg.resolve`): right for 昆山市新兴产业发展大会,
wrong for 新闻发布会 or 重点项目集中签约仪式, which name a different happening in each story.
Joined, such a name made one event of every press conference of an archive, dated on dozens
of days and linking everyone who spoke at any of them: the graph's most central entity, and a
false path between any two of its people.

So an event whose name is *generic* (an event suffix of ``name_suffixes.tsv`` after words of
the ``generic_event`` list of ``pipeline.toml``, a year or a batch: nothing that says which)
is one only with the events of that name that happened on the same dates at the same places,
as the articles state them (the same story from several outlets); when an article does not
state both, the event is its article's own. Its :attr:`kg.resolve.ResolvedEntity.scope` says
which, and is part of its IRI (:func:`kg.terms.entity_iri`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.model import DateValue, Extraction
from kg.names import normalise

__all__ = ["is_generic_event", "event_scope"]

#: a year (2025年, 2025) or a batch (第二批, 首批次) at the front of a stem: no particular event
_YEAR_OR_BATCH = re.compile(r"(?:(?:19|20)\d{2}年?(?:度)?|第[一二三四五六七八九十\d]+批次?)")


@lru_cache(maxsize=1)
def _generic_words() -> tuple[frozenset[str], int]:
    from kg.extract.lexicon import lexicon, words

    suffixes = [s for s, (t, _) in lexicon().suffixes.items() if t == "Event"]
    vocabulary = frozenset(normalise(w) for w in (*words("generic_event"), *suffixes) if normalise(w))
    return vocabulary, max(len(w) for w in vocabulary)


@lru_cache(maxsize=4096)
def is_generic_event(label: str) -> bool:
    """Whether an event's name says nothing of which event it is (新闻发布会, 2025年重点项目集中签约仪式).

    >>> is_generic_event("重点项目集中签约仪式"), is_generic_event("昆山市新兴产业发展大会")
    (True, False)
    """
    from kg.extract.lexicon import suffix_ending

    key = normalise(label)
    suffix = suffix_ending(key, "Event")
    if not suffix:
        return False
    stem = key[: len(key) - len(suffix)]
    vocabulary, longest = _generic_words()
    at = 0
    while at < len(stem):  # the stem read as generic words, longest first
        year = _YEAR_OR_BATCH.match(stem, at)
        if year is not None:
            at = year.end()
            continue
        for n in range(min(longest, len(stem) - at), 0, -1):
            if stem[at:at + n] in vocabulary:
                at += n
                break
        else:
            return False
    return True


def event_scope(ex: Extraction, label: str, aliases: tuple[str, ...] = ()) -> str:
    """The scope of the event ``label`` of the article ``ex``: ``""`` when its name is not generic
    (it is one with every event of that name), ``on DATES at PLACES`` when the article states both,
    else ``in DIGEST`` (the article's own)."""
    if not is_generic_event(label):
        return ""
    names = {normalise(label), *(normalise(a) for a in aliases)}
    dates: set[str] = set()
    places: set[str] = set()
    for rel in ex.relations:
        if rel.predicate == "date" and isinstance(rel.object, DateValue) and normalise(rel.subject) in names:
            dates.add(rel.object.value)
        elif rel.predicate == "location" and isinstance(rel.object, str) and normalise(rel.subject) in names:
            places.add(normalise(rel.object))
    if dates and places:
        return f"on {','.join(sorted(dates))} at {','.join(sorted(places))}"
    return f"in {ex.article.digest}"
