"""Candidate entity pairs for the learned relation component, and their features.

After the rule components have run, every pair of mentions in one sentence
whose types fit a property's domain and range (SCHEMA.md §1) is a candidate
``(property, subject, object)``; for the event properties the event a sentence
reports on (:func:`kg.extract.components.clauses._event_of_sentence`) pairs
with the sentence's mentions even when the sentence does not name it, and a
topic of the article (its main event, what the headline names) pairs with an
entity anywhere in it. Each candidate gets a small bag of string features:
classes, order, character distance, entities and list marks in between, the
words between and around (names stand as their jieba tag, so no name is ever a
feature), cue words of ``kg/data/models/relation_cues.toml``, the kind of
sentence, and whether a rule already gave this or another relation for the
pair. Training (:mod:`kg.learn.train`) and the ``learned_relations``
component share this module, so both see the same features.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kg.extract.doc import Doc, Span
from kg.extract.lexicon import trie_regex
from kg.extract.segment import pos_tags, tokens
from kg.model import ORGANIZATION_TYPES, top_type

ORG = frozenset(ORGANIZATION_TYPES)

#: property -> (subject classes, object classes), SCHEMA.md §1.
SIGNATURES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "inIndustry": (ORG | {"Project", "Park", "Initiative", "Event"}, frozenset({"Industry"})),
    "locatedIn": (ORG | {"Park", "Place", "Project"}, frozenset({"Place", "Park"})),
    "settledIn": (ORG, frozenset({"Park"})),
    "investor": (frozenset({"Project"}), ORG),
    "partnerOf": (ORG, ORG),
    "subsidiaryOf": (ORG, ORG),
    "signedAt": (frozenset({"Project"}), frozenset({"Event"})),
    "participatedIn": (ORG | {"Person"}, frozenset({"Event"})),
    "launched": (frozenset({"Event"}), ORG | {"Initiative", "Fund", "Park", "Project"}),
    "location": (frozenset({"Event"}), frozenset({"Place", "Park"})),
}
PROPERTIES: tuple[str, ...] = tuple(SIGNATURES)
SYMMETRIC = frozenset({"partnerOf"})
#: Properties proposed between a sentence's implicit event and its mentions.
EVENT_PROPERTIES = frozenset({"signedAt", "participatedIn", "launched", "location", "inIndustry"})
#: Properties also proposed between a topic of the article and an entity anywhere in it.
DOC_PROPERTIES = frozenset({"inIndustry", "locatedIn", "signedAt", "participatedIn", "launched", "location", "investor"})
#: Classes of entities that can be a topic of the article.
TOPIC_TYPES = ORG | {"Event", "Park", "Initiative", "Project"}

GAP_CHARS = 24  # at most this many characters of a gap are segmented (its two ends)
WINDOW = 6  # characters left of the first and right of the second mention
MAX_GAP = 120  # pairs further apart than this in one sentence are not candidates
_LIST_MARKS = frozenset("、与和及")


@dataclass
class Candidate:
    prop: str
    subject: str  # entity label
    object: str  # entity label
    sentence: int  # Sentence.index of the evidence (the fact's provenance)
    features: list[str] = field(default_factory=list)
    rule: bool = False  # a rule component already produced this fact


@lru_cache(maxsize=1)
def cue_lists() -> dict[str, tuple[str, ...]]:
    """The cue word lists (``kg/data/models/relation_cues.toml``), by name."""
    text = resources.files("kg").joinpath("data", "models", "relation_cues.toml").read_text(encoding="utf-8")
    return {k: tuple(v) for k, v in tomllib.loads(text)["cues"].items()}


@lru_cache(maxsize=1)
def _cue_regex() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One regex over every cue word (overlapping matches by a lookahead), word -> its lists."""
    lists: dict[str, list[str]] = {}
    for k, ws in cue_lists().items():
        for w in ws:
            lists.setdefault(w, []).append(k)
    # the longest word matched at a position stands for every cue word it starts with (签约落户: 签约 too)
    full = {w: tuple(sorted({k for v in lists if w.startswith(v) for k in lists[v]})) for w in lists}
    return re.compile(f"(?=({trie_regex(lists)}))"), full


@lru_cache(maxsize=16384)
def _cue_set(text: str) -> tuple[str, ...]:
    rx, lists = _cue_regex()
    return tuple(sorted({k for m in rx.finditer(text) for k in lists[m.group(1)]}))


def _cues(text: str, tag: str) -> list[str]:
    return [f"{tag}:{k}" for k in _cue_set(text)] if text else []


@lru_cache(maxsize=1)
def _punct() -> re.Pattern[str]:
    return re.compile(r"[,，、;；:：()（）“”\"。!?]")


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


#: jieba tags of names: such tokens become their tag, so no name of a firm or person is a feature.
_NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "nt", "nz", "ns", "nsf"})


@lru_cache(maxsize=65536)
def _word(t: str) -> str:
    if any(ch.isdigit() for ch in t):
        return "#"
    if t.isascii():
        return "<latin>"
    tag = pos_tags().get(t)
    return f"<{tag}>" if tag in _NAME_TAGS else t


@lru_cache(maxsize=65536)
def _toks(text: str) -> tuple[str, ...]:
    return tuple(_word(t) for t in tokens(text) if t.strip() and not _punct().fullmatch(t))


def _gap_tokens(text: str) -> list[str]:
    if len(text) > GAP_CHARS:
        half = GAP_CHARS // 2
        return [*_toks(text[:half]), *_toks(text[-half:])]
    return list(_toks(text))


def _rule_facts(doc: Doc) -> tuple[set[tuple[str, str, str]], set[tuple[str, str]], set[tuple[str, str]], dict[frozenset[str], set[str]]]:
    """The rules' entity-valued facts: exact facts, (property, subject), (property, object), pair -> properties."""
    facts: set[tuple[str, str, str]] = set()
    subjects: set[tuple[str, str]] = set()
    objects: set[tuple[str, str]] = set()
    pairs: dict[frozenset[str], set[str]] = {}
    for r in doc.relations:
        if not isinstance(r.object, str):
            continue
        pairs.setdefault(frozenset((r.subject, r.object)), set()).add(r.predicate)
        if r.predicate in SIGNATURES:
            facts.add((r.predicate, r.subject, r.object))
            if r.predicate in SYMMETRIC:
                facts.add((r.predicate, r.object, r.subject))
            subjects.add((r.predicate, r.subject))
            objects.add((r.predicate, r.object))
    return facts, subjects, objects, pairs


def _list_marks(doc: Doc, m: Span, tag: str) -> list[str]:
    """Whether a mention stands in a list (a list mark just before or after it)."""
    before = doc.text[m.start - 1 : m.start] if m.start else ""
    after = doc.text[m.end : m.end + 1]
    out = []
    if before in _LIST_MARKS:
        out.append(f"{tag}:list_after")
    if after in _LIST_MARKS:
        out.append(f"{tag}:list_before")
    return out


def _pair_features(doc: Doc, s_start: int, a: Span, b: Span, between: list[Span]) -> list[str]:
    """Features of where two mentions of one sentence stand (``between``: the mentions between them)."""
    return [*_pair_core(doc, s_start, a, b, between), *_list_marks(doc, a, "s"), *_list_marks(doc, b, "o")]


def _pair_core(doc: Doc, s_start: int, a: Span, b: Span, between: list[Span]) -> list[str]:
    """The features of a pair that do not depend on which of the two is the subject."""
    first, second = (a, b) if (a.start, a.end) <= (b.start, b.end) else (b, a)
    gap = doc.text[first.end : second.start] if second.start >= first.end else ""
    feats = [f"d:{_bucket(len(gap), (0, 1, 3, 6, 12, 24, 48))}"]
    feats.append(f"c:{_bucket(gap.count(',') + gap.count('、') + gap.count(';'), (0, 1, 2))}")
    if ";" in gap:
        feats.append("semi")
    rest = gap
    for m in reversed(between):
        rest = rest[: m.start - first.end] + rest[m.end - first.end :]
    if rest and set(rest) <= _LIST_MARKS | {"以"}:
        feats.append("same_list")  # A、B和C: only list marks (and names) between them
    feats += [f"g:{t}" for t in _gap_tokens(gap)]
    feats.append(f"mb:{_bucket(len(between), (0, 1, 2, 4))}")
    feats += sorted({f"m:{top_type(t)}" for m in between if (t := doc.type_of(m.label))})
    left = doc.text[max(s_start, first.start - WINDOW) : first.start]
    right = doc.text[second.end : second.end + WINDOW]
    feats += [f"l:{t}" for t in _toks(left)]
    feats += [f"r:{t}" for t in _toks(right)]
    feats += _cues(gap, "cg")
    feats += _cues(left + "|" + right, "ca")
    return feats


def _implicit_features(doc: Doc, s_start: int, b: Span) -> list[str]:
    """Features of a mention paired with its sentence's implicit event."""
    left = doc.text[max(s_start, b.start - WINDOW) : b.start]
    right = doc.text[b.end : b.end + WINDOW]
    return ["implicit", *(f"l:{t}" for t in _toks(left)), *(f"r:{t}" for t in _toks(right)),
            *_cues(left + "|" + right, "ca"), *_list_marks(doc, b, "x")]


def _sentence_features(doc: Doc, s_index: int, s_text: str, ctx: re.Pattern[str]) -> list[str]:
    feats = ["head"] if s_index == 0 else ["lead"] if s_index <= 2 else []
    feats.append(f"sl:{_bucket(len(s_text), (20, 40, 80, 160))}")
    if ctx.search(s_text):
        feats.append("evctx")
    return feats + _cues(s_text, "cs")


def _rule_features(prop: str, subj: str, obj: str, rules: tuple) -> tuple[list[str], bool]:
    facts, subjects, objects, pairs = rules
    rule = (prop, subj, obj) in facts
    feats = []
    if rule:
        feats.append("rule")
    else:
        if (prop, subj) in subjects:
            feats.append("rule_subj_other")
        if (prop, obj) in objects:
            feats.append("rule_obj_other")
        other = sorted(pairs.get(frozenset((subj, obj)), set()) - {prop})
        feats += [f"rule_pair:{p}" for p in other]
    return feats, rule


def candidates(doc: Doc, props: frozenset[str] | None = None, rule_facts: bool = True) -> list[Candidate]:
    """Candidates of a Doc whose rule components have run, in a fixed order, features attached.

    A pair seen in several sentences is a candidate once per sentence; the
    component keeps the best-scored one (its sentence is the fact's provenance).
    With ``props`` only candidates of those properties are made; without
    ``rule_facts`` none of the facts the rules already gave (the component, when it
    removes nothing, has nothing to decide about them: their features cost time only).
    """
    from kg.extract.components.clauses import _event_of_sentence, _rx  # (components import this module)

    present = {e.type for e in doc.entities.values()}  # a property whose classes are absent has no candidate
    wanted = [(p, (dom, rng)) for p, (dom, rng) in SIGNATURES.items()
              if (props is None or p in props) and not dom.isdisjoint(present) and not rng.isdisjoint(present)]
    if not wanted:
        return []
    rules = _rule_facts(doc)
    sent_event = _event_of_sentence(doc)
    main = doc.notes.get("main_event")
    ctx = _rx("event_context")
    out: list[Candidate] = []
    seen: set[tuple[tuple[str, str, str], int]] = set()
    typed_cache: dict[str, tuple[str, str] | None] = {}
    fits: dict[tuple[str, str, bool], list[str]] = {}  # (subject class, object class, implicit) -> properties

    def typed(m: Span) -> tuple[str, str] | None:
        if m.label not in typed_cache:
            e = doc.entity(m.label)
            typed_cache[m.label] = (e.label, e.type) if e is not None else None
        return typed_cache[m.label]

    by_sentence: dict[int, list[Span]] = {}
    for m in doc.mentions:  # (sorted by start) each sentence's mentions, in one pass
        k = doc.sentence_at(m.start)
        if m.end <= doc.sentences[k].end:
            by_sentence.setdefault(k, []).append(m)
    useful = frozenset().union(*(dom | rng for _, (dom, rng) in wanted))  # classes some wanted property takes
    for s in doc.sentences:
        ms = [(m, t) for m in by_sentence.get(s.index, ()) if (t := typed(m)) is not None]
        idx = [k for k, (_, t) in enumerate(ms) if t[1] in useful]  # (ms stays whole: what stands between)
        if not idx:
            continue
        pairs: list[tuple[Span | None, tuple[str, str], Span | None, tuple[str, str], tuple[int, int]]] = []
        for n, i in enumerate(idx):
            a, ta = ms[i]
            for j in idx[n + 1 :]:
                b, tb = ms[j]
                if b.start - a.end > MAX_GAP:
                    break  # (in order of start: the later ones are further still)
                if ta[0] != tb[0]:
                    pairs.append((a, ta, b, tb, (i, j)))
                    pairs.append((b, tb, a, ta, (i, j)))
        ev = sent_event.get(s.index)
        ev_ent = doc.entity(ev) if ev else None
        if ev_ent is not None and not any(t[0] == ev_ent.label for _, t in ms):
            te = (ev_ent.label, ev_ent.type)
            for b, tb in (ms[k] for k in idx):
                pairs.append((None, te, b, tb, (0, 0)))
                pairs.append((b, tb, None, te, (0, 0)))
        sent_feats: list[str] | None = None
        cores: dict[tuple[int, int], list[str]] = {}  # a pair's features either way round, made once
        for a, ta, b, tb, (i, j) in pairs:
            implicit = a is None or b is None
            fit_key = (ta[1], tb[1], implicit)
            fitting = fits.get(fit_key)
            if fitting is None:
                fitting = fits[fit_key] = [p for p, (dom, rng) in wanted
                                           if ta[1] in dom and tb[1] in rng and (not implicit or p in EVENT_PROPERTIES)]
            if not fitting:
                continue
            pos: list[str] | None = None
            for prop in fitting:
                key = (prop, ta[0], tb[0])
                if prop in SYMMETRIC and ta[0] > tb[0]:
                    key = (prop, tb[0], ta[0])
                if (key, s.index) in seen:
                    continue
                seen.add((key, s.index))
                if not rule_facts and (prop, ta[0], tb[0]) in rules[0]:
                    continue
                if sent_feats is None:
                    sent_feats = _sentence_features(doc, s.index, s.text, ctx)
                if pos is None:
                    if a is None or b is None:
                        pos = _implicit_features(doc, s.start, b if a is None else a)
                        pos.append("o:ev_s" if a is None else "o:ev_o")
                    else:
                        core = cores.get((i, j))
                        if core is None:
                            first, second = (a, b) if (a.start, a.end) <= (b.start, b.end) else (b, a)
                            between = [m for m, _ in ms[i + 1 : j] if m.start >= first.end and m.end <= second.start]
                            core = cores[(i, j)] = _pair_core(doc, s.start, a, b, between)
                        pos = [*core, *_list_marks(doc, a, "s"), *_list_marks(doc, b, "o")]
                        pos.append("o:so" if a.start < b.start else "o:os")
                rfeats, rule = _rule_features(prop, ta[0], tb[0], rules)
                feats = [f"t:{ta[1]}>{tb[1]}", *pos, *sent_feats, *rfeats]
                if main and main in (ta[0], tb[0]):
                    feats.append("main_ev")
                out.append(Candidate(prop, key[1], key[2], s.index, list(dict.fromkeys(feats)), rule))
    out += _doc_candidates(doc, rules, sent_event, [p for p, _ in wanted], ctx, rule_facts)
    return out


def _doc_candidates(doc: Doc, rules: tuple, sent_event: dict[int, str], props: list[str],
                    ctx: re.Pattern[str], rule_facts: bool = True) -> list[Candidate]:
    """Pairs of a topic of the article (main event, headline entities) with an entity anywhere in it."""
    if not DOC_PROPERTIES.intersection(props):
        return []
    main = doc.notes.get("main_event")
    ents = [e for e in doc.entities.values() if e.mentions]
    topics: dict[str, str] = {}
    main_ent = doc.entity(main) if main else None
    if main_ent is not None:
        topics[main_ent.label] = "main"
    for e in ents:
        if e.type in TOPIC_TYPES and e.label not in topics and any(m.sentence <= 1 for m in e.mentions):
            topics[e.label] = "head"
    out: list[Candidate] = []
    x_base: dict[str, list[str]] = {}  # an entity's own features, whatever the topic

    def own(x) -> list[str]:  # type: ignore[no-untyped-def]
        if x.label not in x_base:
            first = x.mentions[0]
            s = doc.sentences[first.sentence]
            left = doc.text[max(s.start, first.start - WINDOW) : first.start]
            right = doc.text[first.end : first.end + WINDOW]
            x_base[x.label] = [f"n:{_bucket(len(x.mentions), (1, 2))}", f"xs:{_bucket(first.sentence, (0, 1, 3, 8, 16))}",
                               *(f"l:{w}" for w in _toks(left)), *(f"r:{w}" for w in _toks(right)),
                               *_cues(left + "|" + right, "ca"), *_cues(s.text, "cs"),
                               *(["evctx"] if ctx.search(s.text) else [])]
        return x_base[x.label]

    doc_props = [p for p in props if p in DOC_PROPERTIES]
    fits: dict[tuple[str, str], list[tuple[str, bool]]] = {}  # (topic class, other class) -> (property, topic is subject)
    for t_label, kind in topics.items():
        t = doc.entities.get(t_label) or doc.entity(t_label)
        if t is None:
            continue
        t_sents = {m.sentence for m in t.mentions}
        for x in ents:
            fitting = fits.get((t.type, x.type))
            if fitting is None:
                fitting = fits[(t.type, x.type)] = [
                    (prop, t_subject) for prop in doc_props for t_subject in (True, False)
                    if (t.type if t_subject else x.type) in SIGNATURES[prop][0]
                    and (x.type if t_subject else t.type) in SIGNATURES[prop][1]]
            if not fitting or x.label == t.label:
                continue
            first = x.mentions[0]
            base = None
            for prop, t_subject in fitting:
                subj, obj, side = (t, x, "t_s") if t_subject else (x, t, "t_o")
                if not rule_facts and (prop, subj.label, obj.label) in rules[0]:
                    continue
                if base is None:
                    base = ["doc", f"topic:{kind}", *own(x)]
                    if sent_event.get(first.sentence) == t.label:
                        base.append("x_in_ev")
                    if any(m.sentence in t_sents for m in x.mentions):
                        base.append("together")
                rfeats, rule = _rule_features(prop, subj.label, obj.label, rules)
                feats = [f"t:{subj.type}>{obj.type}", f"o:{side}", *base, *rfeats]
                out.append(Candidate(prop, subj.label, obj.label, first.sentence, list(dict.fromkeys(feats)), rule))
    return out


def crossed(c: Candidate) -> list[str]:
    """The model's features of a candidate: each feature shared by all properties and crossed with
    this one (``inIndustry|g:聚焦``), plus the property's own bias (``inIndustry|bias``)."""
    return [f"{c.prop}|bias", *c.features, *(f"{c.prop}|{f}" for f in c.features)]
