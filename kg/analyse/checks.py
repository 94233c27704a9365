"""Argument checks shared by the analyses, so that the Python API refuses what the CLI refuses.

A wrong value would otherwise be taken silently (``top=-1`` drops the last row, ``limit=0``
finds no path, an unknown class to avoid is ignored) or fail deep inside pandas or
NetworkX with a message about something else.
"""

from __future__ import annotations

from collections.abc import Iterable
from numbers import Real

from kg.model import ENTITY_TYPES

#: the classes an analysis can filter on: the entity classes and Organization (their six organisation subclasses)
CLASSES: tuple[str, ...] = (*ENTITY_TYPES, "Organization")


def name(value: object, what: str = "an entity name") -> str:
    """``value`` if it is a string (a label, an alias or an IRI), else TypeError."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a string, not {type(value).__name__}")
    return value


def count(value: object, what: str, least: int | None = 1) -> int:
    """``value`` if it is a whole number (of at least ``least``): TypeError or ValueError otherwise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be a whole number, not {type(value).__name__}")
    if least is not None and value < least:
        raise ValueError(f"{what} must be at least {least}, not {value}")
    return value


def positive(value: object, what: str) -> float:
    """``value`` if it is a number above 0: TypeError or ValueError otherwise."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{what} must be a number, not {type(value).__name__}")
    if not value > 0:
        raise ValueError(f"{what} must be above 0, not {value}")
    return float(value)


def classes(values: Iterable[str] | str | None, what: str = "class") -> tuple[str, ...]:
    """Class names (a list, or one string "Place,Industry"), each one of :data:`CLASSES`, else ValueError."""
    if values is None:
        return ()
    items = values.split(",") if isinstance(values, str) else list(values)
    out = []
    for item in items:
        item = name(item, f"a {what}").strip()
        if not item:
            continue
        if item not in CLASSES:
            raise ValueError(f"unknown {what} {item!r}; use one of {', '.join(CLASSES)}")
        out.append(item)
    return tuple(out)
