"""Extractions -> RDF quads, exactly per docs/ARCHITECTURE.md "Graph shape".

Quads are pyoxigraph terms: they are cheap to make, hashable, and go straight
into the Oxigraph store or a serialiser. Every IRI is minted from content by
:func:`mint`, so the same input gives the same quads whatever the file order;
only the ``cyr:graph/build`` graph (:func:`build_activity`) changes between
identical builds.

Shape: one copy of each fact. The default graph holds the ontology, the
taxonomy, every entity, every article record and every fact, each triple
once however many articles state it, so queries never multiply rows by the
number of outlets carrying a story. Each article's named graph holds only
the provenance: one ``cy:Evidence`` node per (fact, sentence) it states.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from functools import lru_cache
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.model import Amount, Article, DateValue, Extraction, Relation, Sentence
from kg.namespaces import CY, CYR, DCTERMS, PROV, RDF, RDFS, SCHEMA, SKOS, XSD
from kg.resolve import Resolution, ResolvedEntity, TaxonomyConcept, resolve

from kg.terms import (  # noqa: F401 - re-exported: kg.graph is where callers find them
    DEFAULT_GRAPH,
    G_BUILD,
    _n,
    article_iri,
    date_literal,
    decimal_lexical,
    entity_iri,
    industry_iri,
    integer,
    mint,
    zh,
)
from kg.vocabulary import (  # noqa: F401 - re-exported
    INDUSTRIES_FILE,
    INDUSTRY_SCHEME,
    ONTOLOGY_FILE,
    _to_ox,
    fits,
    load_taxonomy,
    ontology_quads,
    relation_signatures,
    superclasses,
    taxonomy_quads,
)

if TYPE_CHECKING:
    from kg.curation import Curation

#: Properties whose object is an entity (the others are literals or n-ary nodes).
ENTITY_VALUED = frozenset(
    {"participatedIn", "location", "launched", "signedAt", "investor", "locatedIn", "settledIn", "inIndustry", "partnerOf", "subsidiaryOf"}
)

_TYPE = _n(RDF.type)
_LABEL = _n(RDFS.label)
_ALT = _n(SKOS.altLabel)
_MENTIONED = _n(CY.mentionedIn)
_SENTENCE = _n(CY.sentence)
_START = _n(CY.startOffset)
_END = _n(CY.endOffset)
_DERIVED = _n(PROV.wasDerivedFrom)
_INTEGER = _n(XSD.integer)
_DECIMAL = _n(XSD.decimal)


# ---------------------------------------------------------------- the graph

_DG = DEFAULT_GRAPH
_EVIDENCE = _n(CY.Evidence)
_RDF_SUBJECT, _RDF_PREDICATE, _RDF_OBJECT = _n(RDF.subject), _n(RDF.predicate), _n(RDF.object)
_NEWS_ARTICLE, _SOURCE_FILE = _n(CY.NewsArticle), _n(CY.sourceFile)
_DC_TITLE, _DC_DATE = _n(DCTERMS.title), _n(DCTERMS.date)
_HOLDS, _POSITION, _TITLE, _ORGANIZATION = _n(CY.holdsPosition), _n(CY.Position), _n(CY.title), _n(CY.organization)
_INVESTMENT, _MONEY = _n(CY.investment), _n(SCHEMA.MonetaryAmount)
_VALUE, _CURRENCY = _n(SCHEMA.value), _n(SCHEMA.currency)


@lru_cache(maxsize=64)
def _property(local: str) -> ox.NamedNode:
    return ox.NamedNode(f"{CY}{local}")


class _ArticleWriter:
    """Writes one article: its facts into the default graph (where every fact is one triple,
    however many articles state it) and their evidence into the article's named graph."""

    def __init__(self, ex: Extraction, res: Resolution) -> None:
        self.ex = ex
        self.res = res
        self.art = ox.NamedNode(article_iri(ex.article.digest))
        self.sentences: dict[int, Sentence] = {s.index: s for s in ex.sentences}
        self._sentence_cache: dict[int, tuple[str, tuple[tuple[ox.NamedNode, ox.Literal], ...]]] = {}
        self.quads: list[ox.Quad] = []
        self.relations = 0
        self.signatures = relation_signatures()

    def fact(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        self.quads.append(ox.Quad(s, p, o, _DG))

    def evidence(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal, sentence: int) -> None:
        """The fact ``s p o`` as stated in one sentence of this article (a cy:Evidence node)."""
        start, terms = self._sentence_terms(sentence)
        ev = ox.NamedNode(mint("evidence", self.art.value, s.value, p.value, str(o), start))
        g, add = self.art, self.quads.append
        add(ox.Quad(ev, _TYPE, _EVIDENCE, g))
        add(ox.Quad(ev, _RDF_SUBJECT, s, g))
        add(ox.Quad(ev, _RDF_PREDICATE, p, g))
        add(ox.Quad(ev, _RDF_OBJECT, o, g))
        add(ox.Quad(ev, _DERIVED, self.art, g))
        for pred, term in terms:
            add(ox.Quad(ev, pred, term, g))

    def _sentence_terms(self, index: int) -> tuple[str, tuple[tuple[ox.NamedNode, ox.Literal], ...]]:
        """A sentence's start offset (as minted) and its text/offset terms, made once per sentence."""
        cached = self._sentence_cache.get(index)
        if cached is None:
            sent = self.sentences.get(index)
            if sent is None:
                cached = ("-1", ())
            else:
                start, end = self.ex.article.source_span(sent.start, sent.end)
                cached = (str(start), ((_SENTENCE, zh(sent.text)), (_START, integer(start)), (_END, integer(end))))
            self._sentence_cache[index] = cached
        return cached

    def entity(self, name: str, allowed: frozenset[str] | None = None) -> ox.NamedNode | None:
        """The node of an entity named in this article, if its class fits ``allowed``."""
        for e in self.res.candidates(self.ex.article.digest, name):
            if fits(e.type, allowed):
                return ox.NamedNode(entity_iri(e.top_type, e.label))
        return None

    def write(self) -> list[ox.Quad]:
        a = self.ex.article
        self.fact(self.art, _TYPE, _NEWS_ARTICLE)
        self.fact(self.art, _SOURCE_FILE, ox.Literal(a.source_file))
        if a.title:
            self.fact(self.art, _DC_TITLE, zh(a.title))
        if a.dateline and (lit := date_literal(a.dateline)) is not None:
            self.fact(self.art, _DC_DATE, lit)
        for e in self.res.mentioned_in(a.digest):
            self.fact(ox.NamedNode(entity_iri(e.top_type, e.label)), _MENTIONED, self.art)
        for rel in self.ex.relations:
            self.relation(rel)
        return self.quads

    def relation(self, rel: Relation) -> None:
        p = rel.predicate
        domain, range_ = self.signatures.get(p, (frozenset(), None))
        subj = self.entity(rel.subject, domain)
        if subj is None:
            return
        obj: ox.NamedNode | ox.Literal | None
        if p == "holdsPosition":
            org_range = self.signatures.get("organization", (frozenset(), None))[1]
            org = self.entity(rel.object, org_range) if isinstance(rel.object, str) else None
            if not rel.title:
                return
            obj = ox.NamedNode(mint("position", subj.value, org.value if org else "", rel.title))
            self.fact(obj, _TYPE, _POSITION)
            self.fact(obj, _TITLE, zh(rel.title))
            if org is not None:
                self.fact(obj, _ORGANIZATION, org)
        elif p == "investment":
            if not isinstance(rel.object, Amount):
                return
            value = decimal_lexical(rel.object.value)
            obj = ox.NamedNode(mint("amount", subj.value, value, rel.object.currency))
            self.fact(obj, _TYPE, _MONEY)
            self.fact(obj, _VALUE, ox.Literal(value, datatype=_DECIMAL))
            self.fact(obj, _CURRENCY, ox.Literal(rel.object.currency))
        elif p == "date":
            obj = date_literal(rel.object.value) if isinstance(rel.object, DateValue) else None
        elif p == "projectCount":
            ok = isinstance(rel.object, int) and not isinstance(rel.object, bool)
            obj = integer(rel.object) if ok else None  # type: ignore[arg-type]
        elif p in ENTITY_VALUED and isinstance(rel.object, str):
            obj = self.entity(rel.object, range_)
        else:
            obj = None
        if obj is None:
            return
        pred = _property(p)
        self.fact(subj, pred, obj)
        self.evidence(subj, pred, obj, rel.sentence)
        self.relations += 1


def entity_quads(entities: Iterable[ResolvedEntity]) -> list[ox.Quad]:
    """Type, the one label and the altLabels of every entity (default graph)."""
    g = _DG
    out: list[ox.Quad] = []
    for e in entities:
        node = ox.NamedNode(entity_iri(e.top_type, e.label))
        out.append(ox.Quad(node, _TYPE, _n(CY[e.type]), g))
        out.append(ox.Quad(node, _LABEL, zh(e.label), g))
        out += [ox.Quad(node, _ALT, zh(a), g) for a in e.alt_labels]
    return out


def build_quads(
    extractions: Sequence[Extraction],
    taxonomy: Sequence[TaxonomyConcept] | None = None,
    with_ontology: bool = True,
    curation: Curation | None = None,
) -> list[ox.Quad]:
    """All quads of the graph except ``cyr:graph/build``, deduplicated (order is irrelevant to a store).

    ``curation``: the user's corrections (:mod:`kg.curation`), applied after resolution;
    the rules it could not apply are then in ``curation.notes``."""
    taxonomy = load_taxonomy() if taxonomy is None else taxonomy
    exs = sorted(extractions, key=lambda x: x.article.digest)
    res = resolve(exs, taxonomy, curation)
    quads: set[ox.Quad] = set(entity_quads(res.entities))
    for ex in exs:
        quads.update(_ArticleWriter(ex, res).write())
    if with_ontology:
        quads.update(ontology_quads())
        quads.update(taxonomy_quads(taxonomy))
    return list(quads)


def build_activity(
    articles: Iterable[Article], started: datetime, ended: datetime | None = None
) -> list[ox.Quad]:
    """``cyr:graph/build``: the prov:Activity of this build (version, times, inputs)."""
    from kg import __version__

    arts = sorted({a.digest for a in articles})
    ended = ended or datetime.now(timezone.utc)
    g = G_BUILD
    act = ox.NamedNode(mint("build", *arts))
    agent = ox.NamedNode(f"{CYR}agent/chanye-kg-{__version__}")
    dt = _n(XSD.dateTime)
    out = [
        ox.Quad(act, _TYPE, _n(PROV.Activity), g),
        ox.Quad(act, _LABEL, ox.Literal(f"kg build ({len(arts)} articles)"), g),
        ox.Quad(act, _n(PROV.startedAtTime), ox.Literal(started.isoformat(), datatype=dt), g),
        ox.Quad(act, _n(PROV.endedAtTime), ox.Literal(ended.isoformat(), datatype=dt), g),
        ox.Quad(act, _n(PROV.wasAssociatedWith), agent, g),
        ox.Quad(agent, _TYPE, _n(PROV.SoftwareAgent), g),
        ox.Quad(agent, _LABEL, ox.Literal("chanye-kg"), g),
        ox.Quad(agent, _n(SCHEMA.softwareVersion), ox.Literal(__version__), g),
    ]
    out += [ox.Quad(act, _n(PROV.used), ox.NamedNode(article_iri(d)), g) for d in arts]
    return out
