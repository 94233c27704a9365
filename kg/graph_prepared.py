"""The lines of an article that no other article changes: its record and the nodes of the sentences
its facts cite. ``kg build -jN`` makes them as each extraction comes (:class:`Prepared`), and a store on
disk loads the sentence nodes while resolution runs (:mod:`kg.write`)."""

from __future__ import annotations

from collections.abc import Sequence

from kg.model import Article, Extraction, Sentence
from kg.resolve import Bundles, add_bundles
from kg.terms import (
    CY,
    DCTERMS,
    PROV,
    RDF,
    article_iri,
    date_text,
    integer_text,
    mint,
    quoted,
    zh_text,
)


def _t(iri: object) -> str:
    return f"<{iri}>"


# terms as N-Triples text (see kg.terms: lines are cheaper than pyoxigraph terms)
_T_TYPE = _t(RDF.type)
_T_TEXT, _T_START, _T_END, _T_DERIVED = _t(CY.text), _t(CY.startOffset), _t(CY.endOffset), _t(PROV.wasDerivedFrom)
_T_SENTENCE, _T_STATES = _t(CY.Sentence), _t(CY.states)
_T_NEWS_ARTICLE, _T_SOURCE_FILE = _t(CY.NewsArticle), _t(CY.sourceFile)
_T_DC_TITLE, _T_DC_DATE = _t(DCTERMS.title), _t(DCTERMS.date)


def sentence_lines(a: Article, g: str, art: str, sentences: Sequence[Sentence], index: int) -> list[str] | None:
    """The lines of a sentence's node: the start of its ``cy:states`` lines first, then its text
    line, then its type, offsets in the original file and article (four lines in one string; the
    links are added after, one line each):
    the lines but the text's are ASCII, joined and encoded apart (see :meth:`kg.graph.GraphText.parts`)."""
    sent = sentences[index] if 0 <= index < len(sentences) and sentences[index].index == index else \
        next((s for s in sentences if s.index == index), None)
    if sent is None:
        return None
    start, end = a.source_span(sent.start, sent.end)
    n = f"<{mint('sentence', art, str(start), str(end))}>"
    return [f"{n} {_T_STATES} ", f"{n} {_T_TEXT} {zh_text(sent.text)} {g} .\n", f"{n} {_T_TYPE} {_T_SENTENCE} {g} .\n"
            f"{n} {_T_START} {integer_text(start)} {g} .\n{n} {_T_END} {integer_text(end)} {g} .\n"
            f"{n} {_T_DERIVED} {g} {g} .\n"]


def prepared_lines(ex: Extraction) -> tuple[list[str], dict[int, list[str] | None]]:
    """What :meth:`kg.graph_lines._Writer.article` writes of an article whatever the other articles: its own
    lines (type, file, title, date) and the node lines of each sentence a relation names."""
    a = ex.article
    art = article_iri(a.digest)
    g = f"<{art}>"
    head = [f"{g} {_T_TYPE} {_T_NEWS_ARTICLE} .\n", f"{g} {_T_SOURCE_FILE} {quoted(a.source_file)} .\n"]
    if a.title:
        head.append(f"{g} {_T_DC_TITLE} {zh_text(a.title)} .\n")
    if a.dateline and (lit := date_text(a.dateline)) is not None:
        head.append(f"{g} {_T_DC_DATE} {lit} .\n")
    sentences = ex.sentences
    nodes: dict[int, list[str] | None] = {}
    for rel in ex.relations:
        if rel.sentence not in nodes:
            nodes[rel.sentence] = sentence_lines(a, g, art, sentences, rel.sentence)
    return head, nodes


class Prepared:
    """The work of :func:`kg.graph.build_text` that no other article changes, done for each extraction as it
    comes: ``kg build -jN`` does it in the main process while the workers extract the rest, not in
    its serial part after the last extraction. The bundles resolution starts from
    (:func:`kg.resolve.add_bundles`) and each article's :func:`prepared_lines`."""

    def __init__(self) -> None:
        self.bundles: Bundles = {}
        self.articles: dict[str, tuple[list[str], dict[int, list[str] | None]]] = {}  # digest -> its lines

    def add(self, ex: Extraction, replace: bool = False) -> None:
        """Prepare one extraction (an article of the same bytes as one prepared is prepared once;
        ``replace``: this copy's lines instead, its file kept, :func:`kg.pipeline._keep_copies`)."""
        if ex.article.digest not in self.articles:
            add_bundles(self.bundles, (ex,))
            self.articles[ex.article.digest] = prepared_lines(ex)
        elif replace:
            self.articles[ex.article.digest] = prepared_lines(ex)  # (the bundles: the same bytes, the same)

    def covers(self, extractions: Sequence[Extraction]) -> bool:
        """Whether these are the extractions prepared, each once."""
        return len(extractions) == len(self.articles) and all(x.article.digest in self.articles for x in extractions)

    def sentence_nodes(self) -> bytes:
        """The lines of every prepared sentence node but its ``cy:states`` links (its text, type,
        offsets and article), as UTF-8: what a store on disk loads while resolution and the rest of
        the graph text are made (:func:`kg.graph.build_text` with ``preloaded``: the nodes no
        fact is written for are then taken out again, :attr:`kg.graph.GraphText.unlinked`)."""
        blocks: list[str] = []
        texts: list[str] = []
        for _, nodes in self.articles.values():
            for lines in nodes.values():
                if lines is not None:
                    texts.append(lines[1])
                    blocks.append(lines[2])
        return "".join(blocks).encode() + "".join(texts).encode()  # (the blocks are ASCII: see sentence_lines)
