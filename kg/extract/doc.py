"""The working object the pipeline components read and extend."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any

from kg.model import (
    ORGANIZATION_TYPES,
    Amount,
    Article,
    DateValue,
    Entity,
    Extraction,
    Mention,
    Relation,
    Sentence,
    top_type,
)

_START = attrgetter("start")  # (a mention's sort key)
_LABEL_OF = attrgetter("label")
#: A frozen dataclass's __init__ sets each field with object.__setattr__, in the order of its fields: so do
#: mention_of, Doc.relate and sentences.split for the hundred thousand mentions, facts and sentences of a
#: build, without the call of __init__ (the same objects, at about half the cost). They name the fields:
#: a change of Mention, Relation or Sentence must show here.
_new, _set = object.__new__, object.__setattr__
for _cls, _names in ((Mention, ("text", "start", "end", "sentence")), (Relation, ("predicate", "subject", "object", "sentence", "title")),
                     (Sentence, ("index", "start", "end", "text"))):
    if tuple(f.name for f in fields(_cls)) != _names or hasattr(_cls, "__post_init__") or not _cls.__dataclass_params__.frozen:
        raise TypeError(f"kg.extract.doc builds {_cls.__name__} field by field: its fields changed")
_QUOTES = re.compile(r"[“”\"'‘’《》「」『』\s]")


def clean_label(s: str) -> str:
    """A name as the graph stores it: no quotation marks, no spaces."""
    return s if s.isalnum() else _QUOTES.sub("", s)  # (letters and digits only: nothing to remove)


def occurrences(text: str, word: str, pos: int = 0) -> Iterator[int]:
    """The starts of ``word`` in ``text`` from ``pos`` on, each after the last one's end: what
    ``re.finditer(re.escape(word), text, pos)`` finds, without a pattern built per name (its
    compile costs more than the scan, and the article's names push the rules' patterns out of
    ``re``'s cache)."""
    step = len(word) or 1  # (an empty word: every position, as the empty pattern matches)
    i = text.find(word, pos)
    while i >= 0:
        yield i
        i = text.find(word, i + step)


@dataclass
class Span:
    """A candidate mention: a typed span of ``Doc.text`` with the name it stands for."""

    start: int
    end: int
    type: str
    label: str
    source: str  # which rule found it
    priority: int = 0  # higher wins overlaps of the same length
    aliases: set[str] = field(default_factory=set)

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class Doc:
    article: Article
    text: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)  # candidates
    mentions: list[Span] = field(default_factory=list)  # selected, sorted by start
    entities: dict[str, Entity] = field(default_factory=dict)  # label -> entity
    relations: list[Relation] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)  # state shared between components
    _starts: list[int] = field(default_factory=list)
    _seen: set = field(default_factory=set)
    _rel_keys: Any = None  # (has_relation's index: see there)

    def __post_init__(self) -> None:
        self.text = self.article.text

    # ------------------------------------------------------------------ sentences
    def set_sentences(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence holding character ``pos``."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i if i > 0 else 0  # (max(0, i) without the call)

    # ------------------------------------------------------------------ candidates
    def add_span(self, span: Span) -> None:
        if span.end > span.start and span.label:
            self.spans.append(span)

    def mentions_in(self, start: int, end: int, types: set[str] | None = None) -> list[Span]:
        """Selected mentions inside ``[start, end)`` (optionally of some types), in order."""
        out = []
        for m in self.mentions:
            if m.start >= end:
                break
            if m.start >= start and m.end <= end and (types is None or m.type in types or
                                                       ("Organization" in types and m.type in ORGANIZATION_TYPES)):
                out.append(m)
        return out

    def mention_at(self, start: int, end: int) -> Span | None:
        for m in self.mentions:
            if m.start == start and m.end == end:
                return m
        return None

    # ------------------------------------------------------------------ entities
    def entity(self, label: str | None) -> Entity | None:
        if not label:
            return None
        e = self.entities.get(label)
        if e is not None:
            return e
        for e in self.entities.values():
            if label in e.aliases:
                return e
        return None

    def ensure_entity(self, type_: str, label: str, aliases: set[str] | None = None) -> Entity:
        """The entity named ``label`` (created with ``type_`` when new)."""
        e = self.entity(label)
        if e is None:
            e = Entity(type_, label, set(aliases or ()))  # (type, label, aliases: by position)
            self.entities[label] = e
        elif aliases:
            e.aliases |= {a for a in aliases if a != e.label}
        return e

    def rename(self, old: str, new: str) -> Entity:
        """Give entity ``old`` the label ``new``: the old label becomes an alias and its mentions follow."""
        e = self.entities.pop(old)
        e.label = new
        e.aliases.add(old)
        e.aliases.discard(new)
        self.entities[new] = e
        self.relabel_mentions(old, new)
        return e

    def relabel_mentions(self, old: str, new: str) -> None:
        """The mentions labelled ``old`` take the label ``new``. (The labels read in C and the
        matches found with ``list.index``: a loop over every mention per merge grew with the
        square of a long text.)"""
        ms = self.mentions
        labels = list(map(_LABEL_OF, ms))
        i = -1
        while True:
            try:
                i = labels.index(old, i + 1)
            except ValueError:
                return
            ms[i].label = new

    def type_of(self, label: str | None) -> str | None:
        e = self.entities.get(label) if label else None  # the common case: a canonical label
        if e is None:
            e = self.entity(label)
        return e.type if e else None

    def top(self, label: str | None) -> str | None:
        t = self.type_of(label)
        return top_type(t) if t else None

    # ------------------------------------------------------------------ relations
    def relate(
        self,
        predicate: str,
        subject: str | None,
        obj: str | Amount | DateValue | int | None,
        sentence: int,
        title: str | None = None,
    ) -> None:
        """Add a fact once; entity arguments are mapped to their canonical labels."""
        if not subject:
            return
        s_ent = self.entities.get(subject)  # (the common case, a canonical label, without entity()'s call)
        if s_ent is None:
            s_ent = self.entity(subject)
            if s_ent is None:
                return
        subject = s_ent.label
        if isinstance(obj, str):
            o_ent = self.entities.get(obj) if obj else None
            if o_ent is None:
                o_ent = self.entity(obj)
            if o_ent is None:
                return
            obj = o_ent.label
            if obj == subject:
                return
        key = (predicate, subject, obj, title)
        if predicate == "partnerOf" and isinstance(obj, str):
            if ("partnerOf", obj, subject, title) in self._seen:
                return
        if key in self._seen:
            return
        self._seen.add(key)
        r = _new(Relation)  # (Relation(predicate, subject, obj, sentence, title): see _set)
        _set(r, "predicate", predicate)
        _set(r, "subject", subject)
        _set(r, "object", obj)
        _set(r, "sentence", sentence)
        _set(r, "title", title)
        self.relations.append(r)

    def forget_relations(self) -> None:
        """Forget which facts were added (after ``relations`` is emptied, to add them again)."""
        self._seen.clear()

    def has_relation(self, predicate: str, subject: str | None = None) -> bool:
        """Whether a fact of ``predicate`` (about ``subject``) is recorded. The rules ask it per entity,
        of every relation: the predicates and (predicate, subject) pairs are indexed, for the list
        as it stands (its object, length and last fact, held); facts appended since are added, and
        a list rebuilt, filtered or replaced (``doc.relations[:] = …``, ``remove``) is indexed anew."""
        rels = self.relations
        if not rels:
            return False
        memo = self._rel_keys
        if memo is None or memo[0] is not rels or len(rels) < memo[1] or rels[memo[1] - 1] is not memo[2]:
            memo = self._rel_keys = [rels, 0, None, set()]
        if memo[1] != len(rels):
            keys = memo[3]
            for r in rels[memo[1] :]:
                keys.add(r.predicate)
                keys.add((r.predicate, r.subject))
            memo[1], memo[2] = len(rels), rels[-1]
        return (predicate if subject is None else (predicate, subject)) in memo[3]

    # ------------------------------------------------------------------ output
    def to_extraction(self) -> Extraction:
        entities = list(self.entities.values())
        used = {r.subject for r in self.relations} | {r.object for r in self.relations if isinstance(r.object, str)}
        entities = [e for e in entities if e.mentions or e.label in used]
        labels = {e.label for e in entities}
        relations = [
            r for r in self.relations
            if r.subject in labels and (not isinstance(r.object, str) or r.object in labels)
        ]
        for e in entities:
            e.aliases.discard(e.label)
            e.mentions.sort(key=_START)
        return Extraction(article=self.article, sentences=self.sentences, entities=entities, relations=relations)


def mention_of(doc: Doc, span: Span) -> Mention:
    m = _new(Mention)  # (Mention(text, start, end, sentence): see _set)
    _set(m, "text", doc.text[span.start : span.end])
    _set(m, "start", span.start)
    _set(m, "end", span.end)
    _set(m, "sentence", doc.sentence_at(span.start))
    return m
