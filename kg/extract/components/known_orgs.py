"""Whether a name of known_orgs.tsv ends at a position (name_mentions): set lookups by its last characters and lengths, so that the regex scan runs only where one may."""

from __future__ import annotations

from functools import lru_cache

from kg.extract.lexicon import lexicon


@lru_cache(maxsize=1)
def _known_org_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(k) for k in lexicon().known_orgs}))


@lru_cache(maxsize=1)
def _known_org_last_chars() -> frozenset[str]:
    return frozenset(k[-1] for k in lexicon().known_orgs if k)


@lru_cache(maxsize=1)
def _known_org_lengths_by_end() -> dict[str, tuple[int, ...]]:
    """The lengths (increasing) of the known names of two characters or more, by their last two."""
    by_end: dict[str, set[int]] = {}
    for k in lexicon().known_orgs:
        if len(k) >= 2:
            by_end.setdefault(k[-2:], set()).add(len(k))
    return {e: tuple(sorted(ns)) for e, ns in by_end.items()}


def _known_org_may_end(text: str, end: int) -> bool:
    """Whether a known body's name ends at ``end`` within the 12 characters before it: a set
    lookup per length, so that the regex scan of those characters runs only when one does."""
    if text[end - 1 : end] not in _known_org_last_chars():
        return False  # (every known name ends in one of a few characters)
    orgs, lo = lexicon().known_orgs, max(0, end - 12)
    if end >= 2 and 1 not in _known_org_lengths():
        # (only the lengths of the names ending in the text's last two characters: a name of two or
        # more ends in them; the loop below tries every length)
        for n in _known_org_lengths_by_end().get(text[end - 2 : end], ()):
            if end - n < lo:
                return False
            if text[end - n : end] in orgs:
                return True
        return False
    for n in _known_org_lengths():  # increasing: once one reaches past ``lo`` the longer ones do too
        if end - n < lo:
            return False
        if text[end - n : end] in orgs:
            return True
    return False
