"""The view a :class:`kg.api.KnowledgeGraph` draws (:meth:`~kg.api.KnowledgeGraph.drawing`): of the
whole graph, of the firms and initiatives with what ties them, or of a query's answer; with the
store's entity cards, and one clear line when there is nothing to draw."""

from __future__ import annotations

from typing import Any


def graph_view(kg: Any, query: str | None = None, **options: Any) -> Any:
    """A :class:`kg.draw.View` of ``kg`` (a KnowledgeGraph), or of a CONSTRUCT/SELECT query's answer
    (options as :meth:`kg.api.KnowledgeGraph.drawing` lists them)."""
    from kg.draw import draw
    from kg.draw.cards import from_store

    cards = lambda nodes, ids: from_store(kg.store, nodes, ids)  # noqa: E731
    if not query and not options.get("firms_initiatives"):
        return draw(kg.to_networkx(), cards=cards, **options)
    from kg.analyse.lookup import EntityNotFound
    from kg.names import EntityLookupError

    try:
        return _part(kg, query, cards, **options)
    except EntityNotFound as exc:  # a focus of the graph's that this view leaves out: not "no entity named"
        focus = options.get("focus")
        try:
            kg.lookup(focus)
        except EntityLookupError:
            raise exc from None
        part = "the query's answer" if query else "the firms and initiatives and what ties them"
        raise ValueError(f"{focus} is not in this view ({part}); leave --focus out, or draw the whole graph "
                         "around it") from None


def _part(kg: Any, query: str | None, cards: Any, **options: Any) -> Any:
    """:func:`graph_view` of a query's answer, or of the firms and initiatives (no query)."""
    from kg.draw import draw, result_graph

    if not query:
        return draw(kg.to_networkx(), cards=cards, **options)
    result = kg.sparql(query)
    graph = result_graph(result, kg.dataset)
    if result.type == "SELECT" and graph.number_of_nodes() == 0:
        columns = ", ".join(f"?{v}" for v in result.vars or ()) or "none"
        if not len(result):
            raise ValueError(f"nothing to draw: the query returned no rows (columns {columns})")
        raise ValueError(f"nothing to draw: no column of the query holds entity IRIs (columns {columns} hold text "
                         "or numbers); a view needs a SELECT with at least one column bound to the entities "
                         "themselves (e.g. ?firm, not its rdfs:label), or a CONSTRUCT")
    return draw(graph, cards=cards, **options)
