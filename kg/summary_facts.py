"""The facts :mod:`kg.derived` computes its summaries from: a store's default graph, or what the graph writer knows of it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.prefixes import PREFIX_IRIS

if TYPE_CHECKING:
    from kg.firm_initiative_links import StatementArticles

_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_CY = PREFIX_IRIS["cy"]
_RDF_TYPE = PREFIX_IRIS["rdf"] + "type"
_RDFS_LABEL = PREFIX_IRIS["rdfs"] + "label"
_RDF_LANG_STRING = PREFIX_IRIS["rdf"] + "langString"
_XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
_SCHEMA = "https://schema.org/"


class _Facts:
    """The default graph's quads read by pattern, each property, class and the labels once
    (both summaries read them). Nodes are keyed by their IRI text (str hashes are cached; a
    term's are not)."""

    def __init__(self, store: Any) -> None:
        import pyoxigraph as ox

        self.store, self._ox, self._default = store, ox, ox.DefaultGraph()
        self._pairs: dict[str, list[tuple[str, str]]] = {}
        self._typed: dict[str, set[str]] = {}
        self._labels: tuple[dict[str, set[tuple[str, str, str]]], dict[tuple[str, str, str], Any]] | None = None

    def pairs(self, prop: str) -> list[tuple[str, str]]:
        """(subject, object) of every ``cy:prop`` fact whose object is an IRI."""
        if prop not in self._pairs:
            ox = self._ox
            self._pairs[prop] = [(q.subject.value, q.object.value) for q in self.store.quads_for_pattern(
                None, ox.NamedNode(_CY + prop), None, self._default) if type(q.object) is ox.NamedNode]
        return self._pairs[prop]

    def typed(self, cls: str) -> set[str]:
        """The nodes of class ``cy:cls``."""
        if cls not in self._typed:
            ox = self._ox
            self._typed[cls] = {q.subject.value for q in self.store.quads_for_pattern(
                None, ox.NamedNode(_RDF_TYPE), ox.NamedNode(_CY + cls), self._default)}
        return self._typed[cls]

    def terms(self, prop: str) -> list[tuple[str, Any]] | None:
        """(subject, object term) of every fact of the property ``prop`` (an IRI) whose subject is
        an IRI and object an IRI or a literal; None when one has a blank node."""
        ox = self._ox
        named, literal = ox.NamedNode, ox.Literal
        found = []
        for q in self.store.quads_for_pattern(None, named(prop), None, self._default):
            s, o = q.subject, q.object
            if type(s) is not named or (type(o) is not named and type(o) is not literal):
                return None
            found.append((s.value, o))
        return found

    def labels(self) -> tuple[dict[str, set[tuple[str, str, str]]], dict[tuple[str, str, str], Any]]:
        """node -> its labels, each as a key (text, language, datatype); key -> the label (a literal)."""
        if self._labels is None:
            ox = self._ox
            labels: dict[str, set[tuple[str, str, str]]] = {}
            label_of: dict[tuple[str, str, str], Any] = {}
            for q in self.store.quads_for_pattern(None, ox.NamedNode(_RDFS_LABEL), None, self._default):
                if type(q.subject) is ox.NamedNode:
                    label = q.object
                    key = (label.value, label.language or "", label.datatype.value if type(label) is ox.Literal else "")
                    label_of[key] = label
                    labels.setdefault(q.subject.value, set()).add(key)
            self._labels = labels, label_of
        return self._labels


class Written:
    """What the graph writer (:mod:`kg.graph`) knows of the default graph it writes, as much as
    the summaries read of it: they are then computed from it (:func:`kg.derived.quads_written`), in the
    writer's process while Oxigraph loads the graph, rather than read back from the new store.
    The ontology and the taxonomy, the rest of the default graph, hold no fact of a ``cy:``
    property, no node of a ``cy:`` class and no ``cy:mentionedIn`` (tests/test_derived.py)."""

    def __init__(self) -> None:
        #: ``cy:`` property (local name) -> (subject, object) IRIs of its facts whose object is an IRI
        self.pairs: dict[str, list[tuple[str, str]]] = {}
        #: ``cy:`` class (local name) -> its nodes
        self.typed: dict[str, set[str]] = {}
        #: node -> its rdfs:label texts (each a ``@zh`` literal)
        self.labels: dict[str, set[str]] = {}
        #: the amount nodes: (node, value as xsd:decimal text, currency)
        self.amounts: list[tuple[str, str, str]] = []
        #: each statement of ``cyr:graph/statements``: (subject IRI, predicate IRI, object as N-Triples text)
        self.statements: list[tuple[str, str, str]] = []
        #: position node -> the organisation (``cy:organization``)
        self.organization: dict[str, str] = {}
        #: node -> the article graphs it is ``cy:mentionedIn``
        self.mentioned: dict[str, set[str]] = {}
        #: see :func:`kg.firm_initiative_links._statement_articles`
        self.stated: StatementArticles = {}


class _WrittenFacts(_Facts):
    """:class:`_Facts` answered from what the writer knows (:class:`Written`), not from a store."""

    def __init__(self, written: Written) -> None:
        import pyoxigraph as ox

        self.store, self._ox, self._default, self.written = None, ox, ox.DefaultGraph(), written
        self._pairs, self._typed, self._labels = {}, {}, None

    def pairs(self, prop: str) -> list[tuple[str, str]]:
        return self.written.pairs.get(prop, [])

    def typed(self, cls: str) -> set[str]:
        return self.written.typed.get(cls, set())

    def terms(self, prop: str) -> list[tuple[str, Any]] | None:
        ox = self._ox
        if prop.startswith(_CY):
            return [(s, ox.NamedNode(o)) for s, o in self.pairs(prop[len(_CY):])]
        if prop == _SCHEMA + "value":
            decimal = ox.NamedNode(_XSD_DECIMAL)
            return [(node, ox.Literal(value, datatype=decimal)) for node, value, _ in self.written.amounts]
        if prop == _SCHEMA + "currency":
            return [(node, ox.Literal(currency)) for node, _, currency in self.written.amounts]
        raise ValueError(prop)  # pragma: no cover - only what _park_rows_read asks

    def labels(self) -> tuple[dict[str, set[tuple[str, str, str]]], dict[tuple[str, str, str], Any]]:
        if self._labels is None:
            ox = self._ox
            labels: dict[str, set[tuple[str, str, str]]] = {}
            label_of: dict[tuple[str, str, str], Any] = {}
            for node, texts in self.written.labels.items():
                keys = labels[node] = set()
                for text in texts:
                    key = (text, "zh", _RDF_LANG_STRING)
                    if key not in label_of:
                        label_of[key] = ox.Literal(text, language="zh")
                    keys.add(key)
            self._labels = labels, label_of
        return self._labels
