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

from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from datetime import datetime, timezone
from functools import lru_cache, partial
from itertools import chain, filterfalse
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.graph_lines import _article_lines, _Writer, entity_iris, entity_lines
from kg.graph_prepared import Prepared
from kg.model import Article, Extraction
from kg.resolve import TaxonomyConcept, resolve
from kg.summary_facts import Written

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
    from kg.curation_rules import Curation

_TYPE = _n(RDF.type)
_LABEL = _n(RDFS.label)


# ---------------------------------------------------------------- the graph as N-Quads lines


def _nodes(nodes: list[tuple[str, str, int]]) -> tuple[bytes, bytes]:
    """The lines of sentence nodes (:attr:`GraphText.evidence`'s) as UTF-8: those but the ``cy:text``
    lines (ASCII: joined one byte per character, encoded by a copy), then the text lines (joined
    and encoded apart). Each node's lines joined as one ``str`` held its text's Chinese, so its other
    ~1.6 k characters were widened to two bytes each and encoded one by one (11.8k nodes, 21.9 M
    characters of the 4 MB bench corpus): its graph's text and parts 3.06 -> 2.81 G instructions."""
    return "".join([node[0] for node in nodes]).encode(), "".join([node[1] for node in nodes]).encode()


def _named(statements: list[str], nodes: list[tuple[str, str, int]]) -> bytes:
    """Statement lines and sentence nodes (see :func:`_nodes`) as one UTF-8 part of the named graphs' quads."""
    return b"".join(("".join(statements).encode(), *_nodes(nodes)))


class GraphText:
    """The graph as N-Quads lines, each quad once: what :mod:`kg.store` bulk-loads, and what
    a worker process sends back cheaply (text pickles at memory speed, terms at ~14 us each).

    ``lines``: the default graph and any other quads given as terms (each line is
    ``str(quad) + " .\\n"``, so a fact written by two articles, or by an article and the
    taxonomy, is one line). ``statements``: the ``cyr:graph/statements`` lines (the writer writes
    each fact's once, in the first article stating it: a list, not a set). ``evidence``:
    article graph IRI -> sentence node IRI -> the lines of that node but its ``cy:text`` line,
    that line, and the number of its lines (its quads, as the writer made them; a node's lines are all the quads it is the subject of, so equal nodes have equal
    lines and different nodes share none; the text's line holds the node's only non-ASCII
    characters: see :meth:`parts`). ``blank``: quads with blank nodes (the ontology's), kept as terms because a loader
    of text renames blank nodes.
    """

    def __init__(self) -> None:
        self.lines: set[str] = set()
        self.statements: list[str] = []
        self.evidence: dict[str, dict[str, tuple[str, str, int]]] = {}
        self.blank: set[ox.Quad] = set()
        #: (subject, predicate, object) IRIs of each fact of :data:`kg.firm_initiative_links.LINK_PREDICATES` a
        #: sentence states -> the ``cy:sourceFile`` of each article stating it, as label keys: what
        #: :func:`kg.derived.quads_of` would otherwise query the new store for (None: not known)
        self.statement_articles: dict[tuple[str, str, str], set[tuple[str, str, str]]] | None = None
        self._written: Written | None = None
        #: makes :attr:`written` when first asked (after the loads of the text have started)
        self.write_facts: Callable[[], Written] | None = None
        #: made with ``preloaded`` (:func:`build_text`): the quads of the prepared sentence nodes kept (in the
        #: store already: :attr:`evidence` has their links alone), and the lines of those to take out again
        self.preloaded = 0
        self.unlinked: list[str] = []
        #: the quads of the named graphs given out already (:meth:`named_so_far`)
        self.given = 0
        #: :meth:`kg.graph_lines._Writer.counts` of what :func:`build_text` wrote (None: not known)
        self.counts: dict[str, object] | None = None

    @property
    def written(self) -> Written | None:
        """What the writer knows of the facts, from which :func:`kg.derived.quads_written` makes the
        summaries without reading the new store (None: not known)."""
        if self._written is None and self.write_facts is not None:
            self._written, self.write_facts = self.write_facts(), None
        return self._written

    @written.setter
    def written(self, value: Written | None) -> None:
        self._written, self.write_facts = value, None

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        for q in quads:
            if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) or isinstance(q.graph_name, ox.BlankNode):
                self.blank.add(q)
            else:
                self.lines.add(f"{q} .\n")

    def add_article(self, graph: str, default: Iterable[str], evidence: dict[str, tuple[str, str, int]],
                    statements: Iterable[str] = ()) -> None:
        """One article's default-graph lines, sentence nodes (merged if the graph is there already) and
        the statement lines it writes (none that another article wrote)."""
        self.lines.update(default)
        self.statements += statements
        if graph in self.evidence:
            self.evidence[graph].update(evidence)
        else:
            self.evidence[graph] = evidence

    def __len__(self) -> int:
        nodes = sum(node[2] for nodes in self.evidence.values() for node in nodes.values())  # (not counted in the ~22 M characters again)
        return len(self.lines) + len(self.statements) + len(self.blank) + nodes + self.preloaded + self.given

    def named_so_far(self) -> bytes:
        """The named graphs' quads written so far as one UTF-8 part of N-Quads, handed over (this graph
        then holds none of them; :meth:`parts` gives the rest of the named graphs' as one part, and
        :meth:`text`, :meth:`data` and :meth:`quads` lack them: for a store's writer alone)."""
        nodes = self._node_list()
        self.given += len(self.statements) + sum(node[2] for node in nodes)
        part = _named(self.statements, nodes)
        self.statements, self.evidence = [], {}
        return part

    def text(self) -> str:
        """Every quad but the blank-node ones, as N-Quads (in no particular order)."""
        return "".join(chain(self.lines, self.statements, (block for nodes in self.evidence.values() for node in nodes.values() for block in node[:2])))

    def data(self) -> bytes:
        """:meth:`text` encoded as UTF-8 (what :mod:`kg.store` loads; the lines in another order),
        never the whole graph in one ``str``: a ``str`` holding one Chinese character takes two
        bytes per character, so joining every line (most of them ASCII) into one widened ~40 M
        characters, then encoded them again: 0.14 s cpu of the 4 MB bench corpus. Here the ASCII
        lines are joined apart (one byte per character, encoded by a copy), the ~4k others apart,
        and the sentence nodes' as :meth:`parts` joins them: 0.09 s."""
        lines = self.lines
        parts = ["".join(filter(str.isascii, lines)).encode(), "".join(filterfalse(str.isascii, lines)).encode()]
        return b"".join((*parts, _named(self.statements, self._node_list())))

    def _node_list(self) -> list[tuple[str, str, int]]:
        return [node for graph in self.evidence.values() for node in graph.values()]

    def parts(self) -> Iterator[bytes]:
        """:meth:`data` in three parts, made one after the other: the named graphs' quads (the
        articles' sentence nodes and ``cyr:graph/statements``) in two halves of about as many quads
        each, then the default graph's. Oxigraph keeps the default graph's and the named graphs'
        quads in separate indexes (three and six), so the default part's load leaves each of its
        indexes one file, as one load does (only the strings' table gets one per part), and each
        named index gets one file per half; the loads run at once (:func:`kg.store.write_text`:
        the halves each in a thread as soon as made, the default part made and loaded beside them).
        The named part is the longest to load (~2/3 of the quads, 6 indexes): whole, it alone
        was the build's tail on 2 cores; in halves, its load takes about half the wall time, and
        the named queries on the 4 MB bench corpus's store took at most ~5% more cpu (two files
        per named index; the default graph's, which most queries read, are as before).
        The split only decides which load reads a line: any line in either part is loaded as it is.
        (The statement lines are kept apart as the writer makes them: picking them out of :attr:`lines`
        by their ends, and the rest by a set difference, took ~0.03 s cpu of the 4 MB bench corpus.)
        The text is handed over: each part's lines are dropped here once it is made, so that they are
        not held while Oxigraph loads (a build's peak); after it this graph holds no quad. When the
        first half was given while the text was written (:meth:`named_so_far`), the named graphs'
        rest is one part: the second half."""
        nodes, statements = self._node_list(), self.statements
        self.statements, self.evidence = [], {}
        if self.given:  # (the first half given out already: the rest is the second)
            yield _named(statements, nodes)
            del nodes, statements
            yield from self._default_part()
            return
        half, count, k = (len(statements) + sum(node[2] for node in nodes)) // 2, 0, 0
        while k < len(nodes) and count + nodes[k][2] <= half:
            count += nodes[k][2]
            k += 1
        cut = max(0, half - count)  # statement lines in the first half, if its nodes fall short of half
        yield _named(statements[:cut], nodes[:k])
        del nodes[:k], statements[:cut]
        yield _named(statements, nodes)
        del nodes, statements
        yield from self._default_part()

    def _default_part(self) -> Iterator[bytes]:
        rest, self.lines = self.lines, set()
        yield b"".join(("".join(filter(str.isascii, rest)).encode(), "".join(filterfalse(str.isascii, rest)).encode()))

    def quads(self) -> list[ox.Quad]:
        """Every quad as pyoxigraph terms (for a remote store or a test; the store reads :meth:`data`)."""
        return [*self.blank, *ox.parse(self.text(), ox.RdfFormat.N_QUADS)]


def ontology_blank_quads() -> set[ox.Quad]:
    """The ontology's quads with blank nodes, which :func:`build_text` gives as terms (a loader of
    text renames blank nodes): the only such quads of a build's graph."""
    return set(_ontology_text().blank)


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
    prepared: Prepared | None = None,
    preloaded: bool = False,
) -> GraphText:
    """All quads of the graph except ``cyr:graph/build``, as :class:`GraphText`.

    ``prepared``: the work done already for each of ``extractions`` (:class:`Prepared`; used when
    it covers exactly them). ``preloaded``: its sentence nodes' own lines
    (:meth:`Prepared.sentence_nodes`) are in the store already: the text then holds their links
    alone, and :attr:`GraphText.unlinked` the lines of those that state no fact written.

    ``curation``: the user's corrections (:mod:`kg.curation`), applied after resolution;
    the rules it could not apply are then in ``curation.notes``.

    Written in this process: a pool of workers forked after resolution to write shares of
    the articles cost more (forking, copy-on-write, text sent back) than the ~0.3 s per MB of
    articles it took off this process. So did ``kg build -jN``'s own pool, kept alive after
    extraction and sent each share's pickled extractions with the resolution restricted to
    them: per MB it left 0.12 s of this process's 0.39 s and cost the workers 0.63 s
    (unpickling the extractions again, pickling the lines back)."""
    return returned(text_parts(extractions, curation=curation, prepared=prepared, preloaded=preloaded, early=False,
                               taxonomy=taxonomy, with_ontology=with_ontology))


def text_parts(extractions: Sequence[Extraction], *, curation: Curation | None = None, prepared: Prepared | None = None,
               preloaded: bool = False, early: bool = True, taxonomy: Sequence[TaxonomyConcept] | None = None,
               with_ontology: bool = True) -> Generator[bytes, None, GraphText]:
    """:func:`build_text` as a generator: it gives the first half of the named graphs' quads (the
    statements and sentence-node links of the articles written so far, as N-Quads bytes) as soon as
    half of the articles' relations are written, and returns the :class:`GraphText` of the rest
    (whose :meth:`GraphText.parts` then give the named graphs' other half whole, then the default
    graph's). A store loads that half while the other half is written: on a 4 MB build the second
    core was idle through the second half of the writing (~0.25 s), with the whole text loaded after.
    ``early``: False, it gives nothing (the text is whole). Only with ``preloaded`` (no two
    extractions of one article: their sentence nodes would be merged across the halves)."""
    from kg.pipeline import collector_paused

    taxonomy = load_taxonomy() if taxonomy is None else taxonomy
    exs = sorted(extractions, key=lambda x: x.article.digest)
    with collector_paused():
        if prepared is not None and not prepared.covers(exs):
            prepared = None
        if preloaded and prepared is None:
            raise ValueError("preloaded sentence nodes need the preparation of exactly these extractions")
        res = resolve(exs, taxonomy, curation, prepared.bundles if prepared is not None else None)
        iris = entity_iris(res)
        out = GraphText()
        out.lines.update(entity_lines(res.entities, iris))
        out.statement_articles = {}
        writer = _Writer(res, iris, preloaded)
        half = sum(len(x.relations) for x in exs) // 2 if early and preloaded else -1
        written = 0
        for (graph, default, said, evidence), ex in zip(_article_lines(exs, writer, out.statement_articles, prepared), exs):
            out.add_article(graph, default, evidence, said)
            written += len(ex.relations)
            if 0 <= half <= written:
                half = -1
                yield out.named_so_far()
        out.preloaded, out.unlinked = 5 * writer.kept, writer.unlinked  # (five quads a node: see kg.graph_prepared.sentence_lines)
        out.write_facts = partial(writer.written, res.entities, out.statement_articles)
        out.counts = writer.counts(res.entities, len({x.article.digest for x in exs}))
    if with_ontology:
        onto = _ontology_text()
        out.lines |= onto.lines
        out.blank |= onto.blank
        out.add_quads(taxonomy_quads(taxonomy))
    return out


def returned(parts: Generator[bytes, None, GraphText]) -> GraphText:
    """What a generator of :func:`text_parts` returns, given no part (``early=False``)."""
    try:
        next(parts)
    except StopIteration as done:
        return done.value
    raise RuntimeError("a part was given early")


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
