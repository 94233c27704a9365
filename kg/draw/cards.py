"""The entity cards behind the page's side panel: what is known about each drawn node, and where it says so.

A card holds the entity's aliases, the articles that mention it, and every
fact about it with the other entity, the first sentence that states it and its
article (a relation of more facts than ``entity_card`` lists is one line: their number). For a graph that comes from a store, the cards are the answer of the
named query ``entity_card`` itself, run through :func:`kg.query.answer` (read-only,
bounded) with the drawn entities bound by one ``VALUES`` block per chunk,
so the panel shows what ``kg query entity_card`` prints (its rows are sorted
here by the query's own sort keys rather than by its ``ORDER BY``, which
costs half the query's time when many entities are bound). For a bare
NetworkX graph (a synthetic benchmark graph, or a view of more than
``STORE_LIMIT`` nodes, where one query per chunk would take longer than the
drawing) the cards are made from the projection's own evidence lists, which
come from the same evidence graphs.

Everything is data for ``JSON.parse`` (strings are kept once in a table): the
page puts it into the panel with ``textContent``, never as HTML or code.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

#: Above this many nodes the cards come from the projection instead of ``entity_card`` (about 6 ms per entity).
STORE_LIMIT = 1000
#: Entities bound per ``entity_card`` query (fewer queries; larger VALUES blocks plan no better).
CHUNK = 50

#: A fact: direction (1 out, -1 in, 0 about itself), relation, value, other node id (-1: not drawn), post title,
#: sentence, article; strings are indices into the ``strings`` table, -1 when absent. (Cards made from the
#: graph keep the facts between two nodes per edge instead: see :func:`from_graph`.)
Fact = list[int]
CardMaker = Callable[[Sequence[Hashable], Mapping[Hashable, int]], "Cards"]


class Cards:
    """Cards of the drawn nodes, with their strings kept once; :meth:`json` is what the page embeds."""

    def __init__(self, source: str) -> None:
        self.source = source  # "store" (entity_card) or "graph" (the projection)
        self.strings: list[str] = []
        self._index: dict[str, int] = {}
        self.nodes: dict[int, dict[str, list[Any]]] = {}
        self.edges: list[list[int]] = []  # from_graph: per edge id, [title, sentence, article, ...]

    def s(self, text: Any) -> int:
        """Index of ``text`` in the string table (-1 for None or empty)."""
        if text is None or text == "":
            return -1
        if not isinstance(text, str):
            text = str(text)
        found = self._index.get(text)
        if found is None:
            found = self._index[text] = len(self.strings)
            self.strings.append(text)
        return found

    def card(self, node_id: int) -> dict[str, list[Any]]:
        return self.nodes.setdefault(node_id, {"aliases": [], "articles": [], "facts": []})

    def json(self) -> dict[str, Any]:
        """``{source, strings, nodes: {id: {aliases?, articles?, facts?}}, edges?}`` (empty lists left out)."""
        nodes = {str(k): {key: value for key, value in card.items() if value} for k, card in sorted(self.nodes.items())}
        out: dict[str, Any] = {"source": self.source, "strings": self.strings, "nodes": nodes}
        if self.source == "graph":
            out["edges"] = self.edges
        return out


def _amount(value: Any) -> str:
    from kg.draw.page import format_amount

    number, _, currency = str(value).partition(" ")
    return format_amount(number, currency) if currency else str(value)


def _sort_key(value: Any) -> tuple[bool, str]:
    """Unbound first, then strings, then other values (numbers), each by its text."""
    return (value is not None and not isinstance(value, str), "" if value is None else str(value))


def from_store(dataset: Any, nodes: Sequence[Hashable], ids: Mapping[Hashable, int]) -> Cards:
    """Cards from the named query ``entity_card``, for every node (an IRI) of the view."""
    from kg.library import QueryError, resolve_query
    from kg.query import answer
    from kg.guard import blanked
    from kg.query_params import _WHERE, sparql_term

    text, _ = resolve_query("entity_card")
    plain = blanked(text)  # (a WHERE or ORDER BY in a string or comment is none)
    where, order = _WHERE.search(plain), plain.rfind("ORDER BY")
    if where is None:  # the shipped query has one; a broken package would be a bug, said in one line
        raise QueryError("entity_card has no WHERE clause")
    if order > where.end():  # sorted here instead, by the same keys: half the query's time for many entities
        text = text[:order]
    cards = Cards("store")
    iris = [n for n in nodes if isinstance(n, str) and n.startswith(("http://", "https://", "urn:"))]
    from rdflib import URIRef

    for start in range(0, len(iris), CHUNK):
        values = " ".join(f"({sparql_term(URIRef(iri))})" for iri in iris[start : start + CHUNK])
        bound = f"{text[: where.end()]} VALUES (?entity) {{ {values} }} {text[where.end():]}"
        found = answer(dataset, bound)
        col = {name: i for i, name in enumerate(found.columns)}
        keys = [col[k] for k in ("subject", "direction", "property", "value", "source", "sentence")]
        for row in sorted(found.rows, key=lambda r: [_sort_key(r[k]) for k in keys]):
            node = ids.get(row[col["e"]])
            if node is None:
                continue
            card = cards.card(node)
            prop, value, direction = row[col["property"]], row[col["value"]], row[col["direction"]]
            if prop == "type":
                continue  # the node's class is drawn already (the projection's most specific one)
            counted = row[col["facts"]] if "facts" in col else None
            if counted is not None:  # a relation of more facts than a card lists: its number (kg.derived.CARD_LIMIT)
                card["facts"].append([{"→": 1, "←": -1}.get(direction, 0), cards.s(row[col["relation"]] or prop),
                                      cards.s(f"{counted} 项（未逐条列出）"), -1, -1, -1, -1])
                continue
            if prop == "altLabel":
                card["aliases"].append(str(value))
            elif prop == "mentionedIn":
                card["articles"].append([cards.s(row[col["source"]]), cards.s(value)])
            else:
                other = ids.get(row[col["other"]], -1) if row[col["other"]] is not None else -1
                shown = _amount(value) if prop == "investment" else value
                card["facts"].append([1 if direction == "→" else -1, cards.s(row[col["relation"]] or prop),
                                      -1 if other >= 0 else cards.s(shown), other, cards.s(row[col["title"]]),
                                      cards.s(row[col["sentence"]]), cards.s(row[col["source"]])])
    for node in nodes:  # a node the query knows nothing of still gets an (empty) card
        cards.card(ids[node])
    return cards


def from_graph(graph: nx.MultiDiGraph, ids: Mapping[Hashable, int],
               edges: Iterable[tuple[Hashable, Hashable, Any, Mapping[str, Any]]] | None = None) -> Cards:
    """Cards made from the projection's attributes and edge evidence (no store needed).

    A fact between two nodes is an edge of the view, so it is kept once, under
    ``edges`` (by edge id, in the order of ``edges``, default the graph's: the page's edge ids),
    as ``[title, sentence, article, sentence, article, ...]``; the page reads
    a node's facts from the edges that touch it. Per node only its articles
    and the facts that are values (date, investment) are kept.
    """
    from kg.draw.page import format_amount

    cards = Cards("graph")
    for node in sorted(ids, key=ids.__getitem__):
        attrs = graph.nodes[node]
        card = cards.card(ids[node])
        card["articles"] = [[cards.s(a), -1] for a in attrs.get("articles") or ()]
        if attrs.get("date"):
            card["facts"].append([0, cards.s("日期"), cards.s(attrs["date"]), -1, -1, -1, -1])
        for value, currency in attrs.get("amounts") or ():
            card["facts"].append([0, cards.s("投资额"), cards.s(format_amount(value, currency)), -1, -1, -1, -1])
        for name, value in attrs.get("facts") or ():
            card["facts"].append([0, cards.s(name), cards.s(value), -1, -1, -1, -1])
    for _, _, _, attrs in graph.edges(keys=True, data=True) if edges is None else edges:
        row = [cards.s(attrs.get("title"))]
        for source, sentence in attrs.get("evidence") or ():
            row += [cards.s(sentence), cards.s(source)]
        cards.edges.append(row)
    return cards
