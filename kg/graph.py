"""Extractions -> RDF quads, exactly per docs/ARCHITECTURE.md "Graph shape".

The graph is written as N-Quads lines (:class:`GraphText`, :func:`build_text`), which
Oxigraph's bulk loader reads straight into a store; :func:`build_quads` gives the same
quads as pyoxigraph terms. Lines cost a tenth of terms to make (a quad with a literal or
in the default graph costs ~4.5 us to construct), so a build's graph costs mostly the
store's own indexing. Every IRI is minted from content by
:func:`mint`, so the same input gives the same quads whatever the file order;
only the ``cyr:graph/build`` graph (:func:`build_activity`) changes between
identical builds.

Shape: one copy of each fact. The default graph holds the ontology, the
taxonomy, every entity, every article record and every fact, each triple
once however many articles state it, so queries never multiply rows by the
number of outlets carrying a story. Provenance is kept once per fact and once
per sentence: ``cyr:graph/statements`` holds one ``rdf:Statement`` node per
fact that some article states (``rdf:subject``/``rdf:predicate``/``rdf:object``),
and each article's named graph one ``cy:Sentence`` node per sentence that
states a fact (``cy:text``, its offsets, ``prov:wasDerivedFrom`` the article)
with a ``cy:states`` link to each statement it makes. On the bench corpus
(4 MB, 45.6k (fact, sentence) pairs over 11.7k sentences and 12.3k facts) that
took the quads from 443k (a ``cy:Evidence`` node of 8 quads per pair, each
with the sentence's text) to 220k and Oxigraph's load from 5.3 to 1.9 s cpu.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.derived import LINK_PREDICATES
from kg.model import Amount, Article, DateValue, Extraction, Relation, Sentence
from kg.resolve import Resolution, ResolvedEntity, TaxonomyConcept, resolve

from kg.terms import (  # noqa: F401 - re-exported: kg.graph is where callers find them
    CY,
    CYR,
    DCTERMS,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    XSD,
    DEFAULT_GRAPH,
    G_BUILD,
    G_STATEMENTS,
    _n,
    article_iri,
    date_literal,
    date_text,
    decimal_lexical,
    entity_iri,
    industry_iri,
    integer,
    integer_text,
    mint,
    quoted,
    typed_text,
    zh,
    zh_text,
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


# ---------------------------------------------------------------- the graph as N-Quads lines


def _t(iri: object) -> str:
    return f"<{iri}>"


# the writer's terms as N-Triples text (see kg.terms: lines are cheaper than pyoxigraph terms)
_T_TYPE, _T_LABEL, _T_ALT, _T_MENTIONED = _t(RDF.type), _t(RDFS.label), _t(SKOS.altLabel), _t(CY.mentionedIn)
_T_TEXT, _T_START, _T_END, _T_DERIVED = _t(CY.text), _t(CY.startOffset), _t(CY.endOffset), _t(PROV.wasDerivedFrom)
_T_SENTENCE, _T_STATES = _t(CY.Sentence), _t(CY.states)
_T_STATEMENTS = str(G_STATEMENTS)  # (a NamedNode prints as <iri>)
_T_SUBJECT, _T_PREDICATE, _T_OBJECT = _t(RDF.subject), _t(RDF.predicate), _t(RDF.object)
_T_NEWS_ARTICLE, _T_SOURCE_FILE = _t(CY.NewsArticle), _t(CY.sourceFile)
_T_DC_TITLE, _T_DC_DATE = _t(DCTERMS.title), _t(DCTERMS.date)
_T_POSITION, _T_TITLE, _T_ORGANIZATION = _t(CY.Position), _t(CY.title), _t(CY.organization)
_T_MONEY, _T_VALUE, _T_CURRENCY = _t(SCHEMA.MonetaryAmount), _t(SCHEMA.value), _t(SCHEMA.currency)
_DECIMAL_IRI = str(XSD.decimal)
_XSD_STRING_IRI = str(XSD.string)
#: the predicates (IRIs) whose statements kg.derived needs the articles of
_LINKED = frozenset(f"{CY}{p}" for p in LINK_PREDICATES)


class GraphText:
    """The graph as N-Quads lines, each quad once: what :mod:`kg.store` bulk-loads, and what
    a worker process sends back cheaply (text pickles at memory speed, terms at ~14 us each).

    ``lines``: the default graph and any other quads given as terms (each line is
    ``str(quad) + " .\\n"``, so a fact written by two articles, or by an article and the
    taxonomy, is one line; so are the ``cyr:graph/statements`` lines of a fact). ``evidence``:
    article graph IRI -> sentence node IRI -> the lines of that node (a node's lines are all
    the quads it is the subject of, so equal nodes have equal lines and different nodes share
    none). ``blank``: quads with blank nodes (the ontology's), kept as terms because a loader
    of text renames blank nodes.
    """

    def __init__(self) -> None:
        self.lines: set[str] = set()
        self.evidence: dict[str, dict[str, str]] = {}
        self.blank: set[ox.Quad] = set()
        #: (subject, predicate, object) IRIs of each fact of :data:`kg.derived.LINK_PREDICATES` a
        #: sentence states -> the ``cy:sourceFile`` of each article stating it, as label keys: what
        #: :func:`kg.derived.quads_of` would otherwise query the new store for (None: not known)
        self.statement_articles: dict[tuple[str, str, str], set[tuple[str, str, str]]] | None = None

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        for q in quads:
            if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) or isinstance(q.graph_name, ox.BlankNode):
                self.blank.add(q)
            else:
                self.lines.add(f"{q} .\n")

    def add_article(self, graph: str, default: Iterable[str], evidence: dict[str, str]) -> None:
        """One article's default-graph (and statement) lines and its sentence nodes (merged if the graph is there already)."""
        self.lines.update(default)
        if graph in self.evidence:
            self.evidence[graph].update(evidence)
        else:
            self.evidence[graph] = evidence

    def __len__(self) -> int:
        nodes = sum(block.count("\n") for nodes in self.evidence.values() for block in nodes.values())
        return len(self.lines) + len(self.blank) + nodes

    def text(self) -> str:
        """Every quad but the blank-node ones, as N-Quads (in no particular order)."""
        return "".join(chain(self.lines, (block for nodes in self.evidence.values() for block in nodes.values())))

    def quads(self) -> list[ox.Quad]:
        """Every quad as pyoxigraph terms (for a remote store or a test; the store reads :meth:`text`)."""
        return [*self.blank, *ox.parse(self.text(), ox.RdfFormat.N_QUADS)]


#: property local name -> its IRI (text), made once
_PREDICATES: dict[str, str] = {}
_UNSEEN = object()  # (a dict's answer for a key not asked yet: None is an answer)


class _ArticleWriter:
    """Writes one article as lines: its facts for the default graph (where every fact is one
    triple, however many articles state it), each stated fact's ``rdf:Statement`` for
    ``cyr:graph/statements`` (also one per fact), and the sentences stating them for the
    article's named graph.

    Subjects and predicates are IRIs (``str``) until written; objects are N-Triples text."""

    def __init__(self, ex: Extraction, res: Resolution, iris: Sequence[str],
                 statements: dict[tuple[str, str, str], str] | None = None) -> None:
        self.ex = ex
        self.res = res
        self.iris = iris  # the IRI of each of res.entities
        self.art = article_iri(ex.article.digest)
        self.graph = f"<{self.art}>"
        self.sentences: dict[int, Sentence] = {s.index: s for s in ex.sentences}
        self._sentence_nodes: dict[int, list[str] | None] = {}  # sentence index -> its lines (None: no such sentence)
        # (s, p, o) -> its statement node, shared by the writers of one graph: a statement's lines
        # are written by the first article that states the fact
        self._statements: dict[tuple[str, str, str], str] = {} if statements is None else statements
        self._entities: dict[tuple[str, frozenset[str] | None], str | None] = {}
        self._links: set[str] = set()  # the cy:states lines written (each sentence node's are its own)
        self.default: list[str] = []
        self.evidence: dict[str, str] = {}
        self.signatures = relation_signatures()
        self.linked: set[tuple[str, str, str]] = set()  # the facts of _LINKED this article's sentences state
        self._link_end = f" {self.graph} .\n"  # (a cy:states line: the sentence's start, the statement, this)

    def fact(self, s: str, p: str, o: str) -> None:
        self.default.append(f"{s} {p} {o} .\n")

    def evidence_node(self, s: str, p: str, o: str, sentence: int) -> None:
        """The fact ``<s> <p> o`` as stated in one sentence of this article: the fact's
        ``rdf:Statement`` (in ``cyr:graph/statements``, one per fact) and a ``cy:states``
        link to it from the sentence's node (in the article's graph, one per sentence)."""
        lines = self._sentence_nodes.get(sentence, _UNSEEN)
        if lines is _UNSEEN:
            lines = self._sentence_lines(sentence)
        if lines is None:  # no such sentence (the extractor gives every relation one): nothing states it here
            return
        key = (s, p, o)
        st = self._statements.get(key)
        if st is None:
            st = self._statements[key] = f"<{mint('statement', s, p, o)}>"
            g = _T_STATEMENTS
            self.default += (f"{st} {_T_SUBJECT} <{s}> {g} .\n", f"{st} {_T_PREDICATE} <{p}> {g} .\n", f"{st} {_T_OBJECT} {o} {g} .\n")
        link = f"{lines[0]}{st}{self._link_end}"
        if p in _LINKED:
            self.linked.add((s, p, o[1:-1]))
        if link not in self._links:  # (a set beside the node's lines: a sentence may state many facts)
            self._links.add(link)
            lines.append(link)

    def _sentence_lines(self, index: int) -> list[str] | None:
        """The lines of a sentence's node, made on first use: the start of its ``cy:states`` lines
        first, then its type, text, offsets in the original file and article; then the
        ``cy:states`` links added to it."""
        if index in self._sentence_nodes:
            return self._sentence_nodes[index]
        sent = self.sentences.get(index)
        lines: list[str] | None = None
        if sent is not None:
            start, end = self.ex.article.source_span(sent.start, sent.end)
            g = self.graph
            n = f"<{mint('sentence', self.art, str(start), str(end))}>"
            lines = [f"{n} {_T_STATES} ", f"{n} {_T_TYPE} {_T_SENTENCE} {g} .\n{n} {_T_TEXT} {zh_text(sent.text)} {g} .\n"
                     f"{n} {_T_START} {integer_text(start)} {g} .\n{n} {_T_END} {integer_text(end)} {g} .\n"
                     f"{n} {_T_DERIVED} {g} {g} .\n"]
        self._sentence_nodes[index] = lines
        return lines

    def sentence_blocks(self) -> dict[str, str]:
        """Each sentence node that states a fact: its IRI -> its lines."""
        return {lines[0].split(" ", 1)[0][1:-1]: "".join(lines[1:])
                for lines in self._sentence_nodes.values() if lines is not None and len(lines) > 2}

    def entity(self, name: str, allowed: frozenset[str] | None = None) -> str | None:
        """The IRI of an entity named in this article, if its class fits ``allowed`` (an article
        names the same few entities in most of its relations: each answer is kept)."""
        key = (name, allowed)
        found = self._entities.get(key, _UNSEEN)
        if found is not _UNSEEN:
            return found  # type: ignore[return-value]
        found = None
        entities = self.res.entities
        for i in self.res.indices(self.ex.article.digest, name):
            if fits(entities[i].type, allowed):
                found = self.iris[i]
                break
        self._entities[key] = found
        return found

    def write(self) -> _ArticleWriter:
        a = self.ex.article
        art = self.graph
        self.fact(art, _T_TYPE, _T_NEWS_ARTICLE)
        self.fact(art, _T_SOURCE_FILE, quoted(a.source_file))
        if a.title:
            self.fact(art, _T_DC_TITLE, zh_text(a.title))
        if a.dateline and (lit := date_text(a.dateline)) is not None:
            self.fact(art, _T_DC_DATE, lit)
        iris = self.iris
        self.default += [f"<{iris[i]}> {_T_MENTIONED} {art} .\n" for i in self.res.mentions.get(a.digest, ())]
        for rel in self.ex.relations:
            self.relation(rel)
        self.evidence = self.sentence_blocks()
        return self

    def relation(self, rel: Relation) -> None:
        p = rel.predicate
        domain, range_ = self.signatures.get(p, (frozenset(), None))
        subj = self.entity(rel.subject, domain)
        if subj is None:
            return
        obj: str | None
        if p == "holdsPosition":
            org_range = self.signatures.get("organization", (frozenset(), None))[1]
            org = self.entity(rel.object, org_range) if isinstance(rel.object, str) else None
            if not rel.title:
                return
            node = mint("position", subj, org if org is not None else "", rel.title)
            obj = f"<{node}>"
            self.fact(obj, _T_TYPE, _T_POSITION)
            self.fact(obj, _T_TITLE, zh_text(rel.title))
            if org is not None:
                self.fact(obj, _T_ORGANIZATION, f"<{org}>")
        elif p == "investment":
            if not isinstance(rel.object, Amount):
                return
            value = decimal_lexical(rel.object.value)
            obj = f"<{mint('amount', subj, value, rel.object.currency)}>"
            self.fact(obj, _T_TYPE, _T_MONEY)
            self.fact(obj, _T_VALUE, typed_text(value, _DECIMAL_IRI))
            self.fact(obj, _T_CURRENCY, quoted(rel.object.currency))
        elif p == "date":
            obj = date_text(rel.object.value) if isinstance(rel.object, DateValue) else None
        elif p == "projectCount":
            ok = isinstance(rel.object, int) and not isinstance(rel.object, bool)
            obj = integer_text(rel.object) if ok else None  # type: ignore[arg-type]
        elif p in ENTITY_VALUED and isinstance(rel.object, str):
            node = self.entity(rel.object, range_)
            obj = f"<{node}>" if node is not None else None
        else:
            obj = None
        if obj is None:
            return
        pred = _PREDICATES.get(p)
        if pred is None:
            pred = _PREDICATES[p] = f"{CY}{p}"
        self.default.append(f"<{subj}> <{pred}> {obj} .\n")
        self.evidence_node(subj, pred, obj, rel.sentence)


def entity_iris(res: Resolution) -> list[str]:
    """The IRI of each entity of a resolution, in its order."""
    return [entity_iri(e.top_type, e.label) for e in res.entities]


def entity_lines(entities: Iterable[ResolvedEntity], iris: Iterable[str]) -> list[str]:
    """Type, the one label and the altLabels of every entity (default graph)."""
    out: list[str] = []
    for e, iri in zip(entities, iris):
        node = f"<{iri}>"
        out.append(f"{node} {_T_TYPE} <{CY}{e.type}> .\n")
        out.append(f"{node} {_T_LABEL} {zh_text(e.label)} .\n")
        out += [f"{node} {_T_ALT} {zh_text(a)} .\n" for a in e.alt_labels]
    return out


def entity_quads(entities: Iterable[ResolvedEntity]) -> list[ox.Quad]:
    """:func:`entity_lines` as quads."""
    entities = list(entities)
    lines = entity_lines(entities, (entity_iri(e.top_type, e.label) for e in entities))
    return list(ox.parse("".join(lines), ox.RdfFormat.N_QUADS))


def article_lines(extractions: Iterable[Extraction], res: Resolution, iris: Sequence[str],
                  stated: dict[tuple[str, str, str], set[tuple[str, str, str]]] | None = None,
                  ) -> list[tuple[str, list[str], dict[str, str]]]:
    """Each article written as lines: (its graph, its default-graph and statement lines, its sentence nodes).

    ``stated``: filled with the articles stating each fact of :data:`kg.derived.LINK_PREDICATES`
    (see :attr:`GraphText.statement_articles`)."""
    out = []
    statements: dict[tuple[str, str, str], str] = {}
    linked: dict[str, set[tuple[str, str, str]]] = {}  # article graph -> the facts its sentences state
    files: dict[str, set[str]] = {}  # article graph -> its cy:sourceFile (one, unless two extractions share it)
    for ex in extractions:
        w = _ArticleWriter(ex, res, iris, statements).write()
        out.append((w.graph, w.default, w.evidence))
        if stated is not None:
            linked.setdefault(w.graph, set()).update(w.linked)
            files.setdefault(w.graph, set()).add(ex.article.source_file)
    if stated is not None:
        for graph, facts in linked.items():
            keys = {(f, "", _XSD_STRING_IRI) for f in files[graph]}
            for fact in facts:
                stated.setdefault(fact, set()).update(keys)
    return out


@lru_cache(maxsize=1)
def _ontology_text() -> GraphText:
    out = GraphText()
    out.add_quads(ontology_quads())
    return out


def build_text(
    extractions: Sequence[Extraction],
    taxonomy: Sequence[TaxonomyConcept] | None = None,
    with_ontology: bool = True,
    curation: Curation | None = None,
) -> GraphText:
    """All quads of the graph except ``cyr:graph/build``, as :class:`GraphText`.

    ``curation``: the user's corrections (:mod:`kg.curation`), applied after resolution;
    the rules it could not apply are then in ``curation.notes``.

    Written in this process: a pool of workers forked after resolution to write shares of
    the articles cost more (forking, copy-on-write, text sent back) than the ~0.3 s per MB of
    articles it took off this process. So did ``kg build -jN``'s own pool, kept alive after
    extraction and sent each share's pickled extractions with the resolution restricted to
    them: per MB it left 0.12 s of this process's 0.39 s and cost the workers 0.63 s
    (unpickling the extractions again, pickling the lines back)."""
    from kg.pipeline import collector_paused

    taxonomy = load_taxonomy() if taxonomy is None else taxonomy
    exs = sorted(extractions, key=lambda x: x.article.digest)
    with collector_paused():
        res = resolve(exs, taxonomy, curation)
        iris = entity_iris(res)
        out = GraphText()
        out.lines.update(entity_lines(res.entities, iris))
        out.statement_articles = {}
        for graph, default, evidence in article_lines(exs, res, iris, out.statement_articles):
            out.add_article(graph, default, evidence)
    if with_ontology:
        onto = _ontology_text()
        out.lines |= onto.lines
        out.blank |= onto.blank
        out.add_quads(taxonomy_quads(taxonomy))
    return out


def build_quads(
    extractions: Sequence[Extraction],
    taxonomy: Sequence[TaxonomyConcept] | None = None,
    with_ontology: bool = True,
    curation: Curation | None = None,
) -> list[ox.Quad]:
    """All quads of the graph except ``cyr:graph/build``, deduplicated (order is irrelevant to a store).

    ``curation``: as for :func:`build_text`, which this is as pyoxigraph terms."""
    return build_text(extractions, taxonomy, with_ontology, curation).quads()


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
