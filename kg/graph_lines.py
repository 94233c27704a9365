"""The graph's N-Quads lines that :mod:`kg.graph` assembles: each entity's, and each article's facts, statements and sentences."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

import pyoxigraph as ox

from kg.firm_initiative_links import LINK_PREDICATES
from kg.graph_prepared import _T_TYPE, Prepared, _t, prepared_lines, sentence_lines
from kg.model import RELATION_PROPERTIES, Amount, DateValue, Extraction
from kg.resolve import Resolution, ResolvedEntity, normalise
from kg.summary_facts import Written
from kg.terms import (
    CY,
    G_STATEMENTS,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    XSD,
    article_iri,
    date_text,
    decimal_lexical,
    entity_iri,
    integer_text,
    mint,
    quoted,
    typed_text,
    zh_text,
)
from kg.vocabulary import fits, relation_signatures

#: Properties whose object is an entity (the others are literals or n-ary nodes).
ENTITY_VALUED = frozenset(
    {"participatedIn", "location", "launched", "signedAt", "investor", "locatedIn", "settledIn", "inIndustry", "partnerOf", "subsidiaryOf"}
)
if not ENTITY_VALUED.issuperset(LINK_PREDICATES):  # pragma: no cover - what _Writer.article relies on
    raise ImportError("a predicate of kg.firm_initiative_links.LINK_PREDICATES is not entity-valued: update _Writer.article")


# the writer's terms as N-Triples text (see kg.terms: lines are cheaper than pyoxigraph terms)
_T_LABEL, _T_ALT, _T_MENTIONED = _t(RDFS.label), _t(SKOS.altLabel), _t(CY.mentionedIn)
_T_STATEMENTS = str(G_STATEMENTS)  # (a NamedNode prints as <iri>)
_T_SUBJECT, _T_PREDICATE, _T_OBJECT = _t(RDF.subject), _t(RDF.predicate), _t(RDF.object)
_T_POSITION, _T_TITLE, _T_ORGANIZATION = _t(CY.Position), _t(CY.title), _t(CY.organization)
_T_MONEY, _T_VALUE, _T_CURRENCY = _t(SCHEMA.MonetaryAmount), _t(SCHEMA.value), _t(SCHEMA.currency)
_DECIMAL_IRI = str(XSD.decimal)
_XSD_STRING_IRI = str(XSD.string)
#: the predicates (IRIs) whose statements kg.derived needs the articles of
_LINKED = frozenset(f"{CY}{p}" for p in LINK_PREDICATES)


_UNSEEN = object()  # (a dict's answer for a key not asked yet: None is an answer)


def _entity(names: dict[str, list[tuple[bool, int]]], name: str, fitting: frozenset[str], types: Sequence[str]) -> int | None:
    """The index of the entity ``name`` names in an article (``names``: the article's own, of
    :attr:`kg.resolve.Resolution._names`), if its class is one of ``fitting``
    (:meth:`kg.resolve.Resolution.indices`, first fit; ``fitting``: the classes of
    ``types`` that :func:`fits` the slot, :attr:`_Writer.fitting`)."""
    for _, i in names.get(normalise(name), ()):
        if types[i] in fitting:
            return i
    return None


class _Writer:
    """Writes articles as lines: each article's facts for the default graph (where every fact is
    one triple, however many articles state it), each stated fact's ``rdf:Statement`` for
    ``cyr:graph/statements`` (also one per fact), and the sentences stating them for the
    article's named graph.

    What does not depend on the article is made once for all of them: a fact's line and its
    statement node, a position's or an amount's node and lines, a date's literal. A relation
    costs a few dictionary lookups; the entities an article names are looked up once per name
    and slot. Subjects and predicates are IRIs (``str``) until written; objects are N-Triples text."""

    def __init__(self, res: Resolution, iris: Sequence[str], preloaded: bool = False) -> None:
        self.res = res
        self.iris = iris
        #: whether the prepared sentence nodes' own lines are in the store already
        #: (:meth:`kg.graph_prepared.Prepared.sentence_nodes`): an article's then gives their links alone
        self.preloaded = preloaded
        #: preloaded: the lines of the prepared sentence nodes that state no fact written (to take out),
        #: and the number of those that do (five quads each in the store)
        self.unlinked: list[str] = []
        self.kept = 0
        #: each entity's IRI as N-Triples text: one string per entity, not one made per fact (its
        #: hash, for the facts' keys, is then computed once)
        self.nodes_text = [f"<{iri}>" for iri in iris]
        self.types = [e.type for e in res.entities]
        signatures = relation_signatures()
        # property -> (its IRI, domain, range); the range of cy:organization for a post's organisation
        self.props = {p: (f"{CY}{p}", *signatures.get(p, (frozenset(), None))) for p in (*signatures, *RELATION_PROPERTIES)}
        self.org_range = signatures.get("organization", (frozenset(), None))[1]
        # a slot's allowed classes -> the classes of the entities that fit it: a set lookup for each
        # entity tried, not a call of fits (see _entity)
        classes = set(self.types)
        self.fitting = {allowed: frozenset(t for t in classes if fits(t, allowed))
                        for allowed in {self.org_range, *(x for _, *slots in self.props.values() for x in slots)}}
        #: (s, p, o) -> its statement node (None: the fact is written, no sentence states it yet)
        self.facts: dict[tuple[str, str, str], str | None] = {}
        self.nodes: dict[tuple[object, ...], str | None] = {}  # a position's or an amount's key -> its node
        self.dates: dict[object, str | None] = {}  # a date's value -> its literal

    def article(self, ex: Extraction, prepared: tuple[list[str], dict[int, list[str] | None]] | None = None,
                ) -> tuple[str, list[str], list[str], dict[str, tuple[str, str, int]], set[tuple[str, str, str]]]:
        """(the article's graph, its default-graph lines, its ``cyr:graph/statements`` lines, its sentence
        nodes (IRI -> (its lines but its text's, its text's line, its number of lines)), the facts of
        ``_LINKED`` its sentences state). ``prepared``: its :func:`kg.graph_prepared.prepared_lines`."""
        a = ex.article
        digest = a.digest
        art = article_iri(digest)
        g = f"<{art}>"
        fresh = prepared is None  # (its lists are this call's own: not copied)
        if prepared is None:
            prepared = prepared_lines(ex)
        head, ready = prepared
        default = head if fresh else list(head)
        iris = self.iris
        as_text = self.nodes_text
        mentioned = f" {_T_MENTIONED} {g} .\n"
        default += [as_text[i] + mentioned for i in self.res.mentions.get(digest, ())]
        names, types, props, facts, fitting = self.res._names.get(digest, {}), self.types, self.props, self.facts, self.fitting
        sentences = ex.sentences
        found: dict[tuple[str, frozenset[str] | None], int | None] = {}  # (name, slot) -> the entity's index
        # sentence index -> its node's lines (None: no such sentence), links added below
        nodes: dict[int, list[str] | None] = ready if fresh else {i: None if lines is None else list(lines) for i, lines in ready.items()}
        said: list[str] = []  # the statements' lines (each fact's written once, by the first article stating it)
        links: set[tuple[int, str]] = set()  # (sentence, statement) of the cy:states lines written (a sentence may state many facts)
        linked: set[tuple[str, str, str]] = set()
        link_end = f" {g} .\n"
        for rel in ex.relations:
            p = rel.predicate
            prop = props.get(p)
            if prop is None:  # no property of the ontology: nothing to write
                continue
            pred, domain, range_ = prop
            key = (rel.subject, domain)
            k = found.get(key, _UNSEEN)
            if k is _UNSEEN:
                k = found[key] = _entity(names, rel.subject, fitting[domain], types)
            if k is None:
                continue
            subj = iris[k]
            o = rel.object
            obj: str | None
            if p in ENTITY_VALUED:
                if not isinstance(o, str):
                    continue
                key = (o, range_)
                k = found.get(key, _UNSEEN)
                if k is _UNSEEN:
                    k = found[key] = _entity(names, o, fitting[range_], types)
                if k is None:
                    continue
                obj = as_text[k]
                target = iris[k]
            elif p == "holdsPosition":
                if not rel.title:
                    continue
                org = None
                if isinstance(o, str):
                    key = (o, self.org_range)
                    k = found.get(key, _UNSEEN)
                    if k is _UNSEEN:
                        k = found[key] = _entity(names, o, fitting[self.org_range], types)
                    org = None if k is None else iris[k]
                obj = self._position(default, subj, org, rel.title)
            elif p == "investment":
                if not isinstance(o, Amount):
                    continue
                obj = self._amount(default, subj, o)
            elif p == "date":
                if not isinstance(o, DateValue):
                    continue
                obj = self.dates.get(o.value, _UNSEEN)  # type: ignore[assignment]
                if obj is _UNSEEN:
                    obj = self.dates[o.value] = date_text(o.value)
            elif p == "projectCount":
                obj = integer_text(o) if isinstance(o, int) and not isinstance(o, bool) else None  # type: ignore[arg-type]
            else:
                continue
            if obj is None:
                continue
            fact = (subj, pred, obj)
            st = facts.get(fact, _UNSEEN)
            if st is _UNSEEN:
                default.append(f"<{subj}> <{pred}> {obj} .\n")
                st = facts[fact] = None
            index = rel.sentence
            lines = nodes.get(index, _UNSEEN)
            if lines is _UNSEEN:
                lines = nodes[index] = sentence_lines(a, g, art, sentences, index)
            if lines is None:  # no such sentence (the extractor gives every relation one): nothing states it here
                continue
            if st is None:
                st = facts[fact] = f"<{mint('statement', subj, pred, obj)}>"
                said += (f"{st} {_T_SUBJECT} <{subj}> {_T_STATEMENTS} .\n", f"{st} {_T_PREDICATE} <{pred}> {_T_STATEMENTS} .\n",
                         f"{st} {_T_OBJECT} {obj} {_T_STATEMENTS} .\n")
            if pred in _LINKED:  # (entity-valued: target is its object's IRI)
                linked.add((subj, pred, target))
            pair = (index, st)
            if pair not in links:  # (one node's lines per sentence index: the same line)
                links.add(pair)
                lines.append(f"{lines[0]}{st}{link_end}")
        return g, default, said, self._evidence(nodes, ready if self.preloaded and not fresh else {}), linked

    def _evidence(self, nodes: dict[int, list[str] | None], loaded: dict[int, list[str] | None],
                  ) -> dict[str, tuple[str, str, int]]:
        """An article's sentence nodes that state a fact: IRI -> (its lines but its text's, its text's
        line, its number of quads: the five lines of :func:`kg.graph_prepared.sentence_lines` and its
        links, one line each after the first three items). Those of ``loaded`` (the prepared ones,
        when the store has their own lines already) give their links alone (no text line; the number
        of links); one of them stating no fact written goes to :attr:`unlinked`."""
        evidence: dict[str, tuple[str, str, int]] = {}
        for index, lines in nodes.items():
            if lines is None:
                continue
            early = index in loaded
            if len(lines) > 3:
                evidence[lines[0][1:lines[0].index(">")]] = ("".join(lines[3:]), "", len(lines) - 3) if early else \
                    ("".join(lines[2:]), lines[1], len(lines) + 2)
                self.kept += early
            elif early:
                self.unlinked.append(lines[1] + lines[2])
        return evidence

    def counts(self, entities: Sequence[ResolvedEntity], articles: int) -> dict[str, object]:
        """What :func:`kg.store.counts` would count of the default graph written (but its triples):
        the articles, the entities of each class (type and label, one per IRI) and the facts of
        :data:`kg.model.RELATION_PROPERTIES` (each once). Known here, this spares ``kg build`` the
        queries of the new store (0.2-0.3 s of a 4 MB build's serial end)."""
        typed = set(zip(self.iris, (e.type for e in entities)))  # (an IRI of two classes counts in both)
        relations = {f"{CY}{p}" for p in RELATION_PROPERTIES}
        return {"articles": articles, "entities": dict(sorted(Counter(t for _, t in typed).items())),
                "relations": sum(1 for _, p, _ in self.facts if p in relations)}

    def written(self, entities: Sequence[ResolvedEntity], stated: dict[tuple[str, str, str], set[tuple[str, str, str]]]) -> Written:
        """What the summaries of :mod:`kg.derived` read of the default graph written so far (the
        entities' lines: ``entities``, this writer's :attr:`iris`)."""
        out = Written()
        typed, labels, iris = out.typed, out.labels, self.iris
        for e, iri in zip(entities, iris):
            typed.setdefault(e.type, set()).add(iri)
            labels.setdefault(iri, set()).add(e.label)
        cy = str(CY)
        pairs, statements = out.pairs, out.statements
        for (s, p, o), st in self.facts.items():
            if o[0] == "<" and p.startswith(cy):
                pairs.setdefault(p[len(cy):], []).append((s, o[1:-1]))
            if st is not None:
                statements.append((s, p, o))
        for key, node in self.nodes.items():
            if key[0] == "position":
                if key[2] is not None:
                    out.organization[node[1:-1]] = key[2]
            else:
                out.amounts.append((node[1:-1], decimal_lexical(key[2]), key[3]))
        mentioned = out.mentioned
        for digest, found in self.res.mentions.items():
            graph = article_iri(digest)
            for i in found:
                mentioned.setdefault(iris[i], set()).add(graph)
        out.stated = stated
        return out

    def _position(self, default: list[str], subj: str, org: str | None, title: str) -> str:
        key = ("position", subj, org, title)
        obj = self.nodes.get(key)
        if obj is None:
            obj = self.nodes[key] = f"<{mint('position', subj, org if org is not None else '', title)}>"
            default += (f"{obj} {_T_TYPE} {_T_POSITION} .\n", f"{obj} {_T_TITLE} {zh_text(title)} .\n")
            if org is not None:
                default.append(f"{obj} {_T_ORGANIZATION} <{org}> .\n")
        return obj

    def _amount(self, default: list[str], subj: str, amount: Amount) -> str:
        key = ("amount", subj, amount.value, amount.currency)
        obj = self.nodes.get(key)
        if obj is None:
            value = decimal_lexical(amount.value)
            obj = self.nodes[key] = f"<{mint('amount', subj, value, amount.currency)}>"
            default += (f"{obj} {_T_TYPE} {_T_MONEY} .\n", f"{obj} {_T_VALUE} {typed_text(value, _DECIMAL_IRI)} .\n",
                        f"{obj} {_T_CURRENCY} {quoted(amount.currency)} .\n")
        return obj


def entity_iris(res: Resolution) -> list[str]:
    """The IRI of each entity of a resolution, in its order."""
    return [entity_iri(e.top_type, e.label, e.scope) for e in res.entities]


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
    lines = entity_lines(entities, (entity_iri(e.top_type, e.label, e.scope) for e in entities))
    return list(ox.parse("".join(lines), ox.RdfFormat.N_QUADS))


def article_lines(extractions: Iterable[Extraction], res: Resolution, iris: Sequence[str],
                  stated: dict[tuple[str, str, str], set[tuple[str, str, str]]] | None = None,
                  ) -> list[tuple[str, list[str], dict[str, tuple[str, str, int]]]]:
    """Each article written as lines: (its graph, its default-graph and statement lines, its sentence nodes).

    A line another article wrote already may be left out (the graph holds each line once).
    ``stated``: filled with the articles stating each fact of :data:`kg.firm_initiative_links.LINK_PREDICATES`
    (see :attr:`kg.graph.GraphText.statement_articles`)."""
    return [(graph, default + said, evidence) for graph, default, said, evidence in _article_lines(extractions, _Writer(res, iris), stated)]


def _article_lines(extractions: Iterable[Extraction], writer: _Writer,
                   stated: dict[tuple[str, str, str], set[tuple[str, str, str]]] | None = None,
                   prepared: Prepared | None = None) -> Iterator[tuple[str, list[str], list[str], dict[str, tuple[str, str, int]]]]:
    """:func:`article_lines` with this writer (and the articles' :class:`Prepared` lines), each
    article's ``cyr:graph/statements`` lines apart from its default graph's: (graph, default, statements, nodes),
    one article at a time (``stated`` is filled once the last has been given)."""
    linked: dict[str, set[tuple[str, str, str]]] = {}  # article graph -> the facts its sentences state
    files: dict[str, set[str]] = {}  # article graph -> its cy:sourceFile (one, unless two extractions share it)
    ready = prepared.articles if prepared is not None else {}
    for ex in extractions:
        graph, default, said, evidence, facts = writer.article(ex, ready.get(ex.article.digest))
        yield graph, default, said, evidence
        if stated is not None:
            linked.setdefault(graph, set()).update(facts)
            files.setdefault(graph, set()).add(ex.article.source_file)
    if stated is not None:
        for graph, facts in linked.items():
            keys = {(f, "", _XSD_STRING_IRI) for f in files[graph]}
            for fact in facts:
                stated.setdefault(fact, set()).update(keys)
