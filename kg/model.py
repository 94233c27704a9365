"""Plain data objects passed between pipeline stages.

These are the contracts between modules: ``read``/``clean`` produce an
:class:`Article`, ``extract`` turns it into an :class:`Extraction`, and
``graph`` turns extractions into RDF. Nothing here does any work.
"""

from __future__ import annotations

import operator
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal
from pathlib import Path

#: Entity classes of the SCHEMA.md contract (local names in the ``cy:`` namespace).
ENTITY_TYPES: tuple[str, ...] = (
    "Person",
    "Company",
    "GovernmentBody",
    "ResearchInstitute",
    "University",
    "Fund",
    "Association",
    "Park",
    "Place",
    "Industry",
    "Event",
    "Initiative",
    "Project",
)

#: The six organisation classes, all subclasses of ``cy:Organization``.
ORGANIZATION_TYPES: frozenset[str] = frozenset(
    {"Company", "GovernmentBody", "ResearchInstitute", "University", "Fund", "Association"}
)

#: Relation properties of the SCHEMA.md contract.
RELATION_PROPERTIES: tuple[str, ...] = (
    "holdsPosition",
    "participatedIn",
    "date",
    "location",
    "launched",
    "signedAt",
    "investor",
    "investment",
    "projectCount",
    "locatedIn",
    "settledIn",
    "inIndustry",
    "partnerOf",
    "subsidiaryOf",
)


def top_type(entity_type: str) -> str:
    """The type used for first-level scoring and IRI minting (orgs fold to Organization)."""
    return "Organization" if entity_type in ORGANIZATION_TYPES else entity_type


def _pickled_as_fields(cls: type) -> type:
    """Pickle a dataclass as its class and a tuple of its fields: half the time of the default
    (a dict per object), for the hundreds of thousands of mentions and facts a build sends
    between processes and keeps in its archive."""
    names = [f.name for f in fields(cls)]
    get = operator.attrgetter(*names)
    if len(names) == 1:
        cls.__reduce__ = lambda self: (cls, (get(self),))  # type: ignore[method-assign]
    else:
        cls.__reduce__ = lambda self: (cls, get(self))  # type: ignore[method-assign]
    return cls


class Offsets(Sequence[int]):
    """The offset in the raw text of each character of the cleaned text, kept as runs of
    consecutive offsets (cleaning drops markup and folds spaces, so a text is a few runs).

    A tuple of one int per character took ~30 kB of a 3 kB article, a third of an
    extraction's memory, held by a build for every article until its graph is written,
    and as long again to pickle between processes.
    """

    __slots__ = ("_starts", "_firsts", "_len")

    def __init__(self, starts: tuple[int, ...], firsts: tuple[int, ...], length: int) -> None:
        self._starts = starts  # the text index where each run begins (the first is 0)
        self._firsts = firsts  # the raw offset of each run's first character
        self._len = length

    @classmethod
    def of(cls, offsets: Iterable[int]) -> Offsets:
        """The runs of a sequence of offsets."""
        starts: list[int] = []
        firsts: list[int] = []
        expected = None
        n = 0
        for n, o in enumerate(offsets, 1):
            if o != expected:
                starts.append(n - 1)
                firsts.append(o)
            expected = o + 1
        return cls(tuple(starts), tuple(firsts), n)

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return tuple(self[k] for k in range(*i.indices(self._len)))
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("offset index out of range")
        k = bisect_right(self._starts, i) - 1
        return self._firsts[k] + i - self._starts[k]

    def __iter__(self):  # type: ignore[override]
        starts, firsts, n = self._starts, self._firsts, self._len
        for k, (start, first) in enumerate(zip(starts, firsts)):
            end = starts[k + 1] if k + 1 < len(starts) else n
            yield from range(first, first + end - start)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Offsets):
            return (self._len, self._starts, self._firsts) == (other._len, other._starts, other._firsts)
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == self._len and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._len, self._starts, self._firsts))

    def __reduce__(self) -> tuple[type, tuple[tuple[int, ...], tuple[int, ...], int]]:
        return Offsets, (self._starts, self._firsts, self._len)

    def __repr__(self) -> str:
        return f"Offsets.of({list(self)!r})"


@dataclass(frozen=True)
class Article:
    """One source file, decoded and cleaned.

    ``offsets[i]`` is the character offset in ``raw_text`` of ``text[i]``, so any
    span of the cleaned text maps back to the exact span of the original file
    (``raw_text[offsets[start] : offsets[end - 1] + 1]``).
    """

    source_file: str  # file name, e.g. "000_a75f8161f974aa14.txt"
    path: Path
    digest: str  # sha256 hex of the raw bytes: identity of the article
    encoding: str  # detected encoding of the raw bytes, e.g. "utf_8", "gb18030", "big5"
    raw_text: str  # the decoded original, unchanged
    text: str  # cleaned, Simplified, punctuation folded
    offsets: Sequence[int]  # :class:`Offsets` (a tuple of ints too)
    was_traditional: bool = False
    title: str | None = None
    dateline: str | None = None  # "YYYY-MM-DD" (or "YYYY-MM"/"YYYY"): the article's own date

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of ``text`` to the span in ``raw_text``."""
        if end <= start:
            return (self.offsets[start] if start < len(self.offsets) else len(self.raw_text),) * 2
        return self.offsets[start], self.offsets[end - 1] + 1


@_pickled_as_fields
@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # offsets into Article.text
    end: int
    text: str


@_pickled_as_fields
@dataclass(frozen=True)
class Mention:
    text: str
    start: int  # offsets into Article.text
    end: int
    sentence: int


@_pickled_as_fields
@dataclass
class Entity:
    """An entity of one article, after within-article alias resolution."""

    type: str  # one of ENTITY_TYPES
    label: str  # canonical name: the fullest form, Simplified, no quotes
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)


@_pickled_as_fields
@dataclass(frozen=True)
class Amount:
    value: Decimal  # whole currency units
    currency: str  # ISO 4217: CNY, USD, EUR, JPY, HKD


@_pickled_as_fields
@dataclass(frozen=True)
class DateValue:
    value: str  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"


@_pickled_as_fields
@dataclass(frozen=True)
class Relation:
    """One extracted fact, with the sentence it came from.

    ``subject`` is an entity label. ``object`` is an entity label for entity-valued
    properties, an :class:`Amount`, :class:`DateValue` or ``int`` for literal-valued
    ones, or ``None`` for a ``holdsPosition`` whose organisation the text does not name.
    ``title`` is set for ``holdsPosition`` only.
    """

    predicate: str  # one of RELATION_PROPERTIES
    subject: str
    object: str | Amount | DateValue | int | None
    sentence: int  # Sentence.index of the evidence
    title: str | None = None


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    sentences: list[Sentence]
    entities: list[Entity]
    relations: list[Relation]

    def entity(self, label: str) -> Entity | None:
        for e in self.entities:
            if e.label == label or label in e.aliases:
                return e
        return None
