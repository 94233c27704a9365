"""Which entities hold the network together: degree, betweenness and PageRank.

Scores are computed once on the whole projection seen as an undirected simple
graph (the direction of ``signedAt`` or ``investor`` says nothing about
importance, and parallel relations count as weight only for PageRank), then
ranked within the type the analyst asks about, so "top companies" are
companies that matter in the whole graph, not in a company-only subgraph.

The scores are computed by python-igraph (:mod:`kg.analyse.fast`). Betweenness
is exact up to 2,000 nodes (the seed graph) and beyond that estimated from 500
seeded source nodes; the table's ``attrs`` say which (``betweenness``,
``betweenness_k``, ``betweenness_seed``).
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from kg.analyse import checks, fast
from kg.analyse.projection import matches_type
from kg.model import ENTITY_TYPES

#: Columns of the centrality table, in order.
COLUMNS = ["label", "type", "degree", "betweenness", "pagerank", "articles", "iri"]
MEASURES = ("degree", "betweenness", "pagerank")


def centrality_scores(
    G: nx.MultiDiGraph, k: int | None = fast.SAMPLE_SOURCES, seed: int = fast.SAMPLE_SEED
) -> pd.DataFrame:
    """Degree (number of distinct neighbours), betweenness and PageRank of every node.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The projection (:func:`kg.analyse.projection.to_networkx`).
    k, seed : int
        Graphs above 2,000 nodes get betweenness estimated from ``k`` source
        nodes drawn with ``seed``; ``k=None`` asks for exact betweenness
        (O(nodes × edges): minutes at 10k nodes).

    Returns
    -------
    pandas.DataFrame
        Indexed by IRI; ``attrs["betweenness"]`` is ``"exact"`` or
        ``"sampled"`` (then ``attrs["betweenness_k"]`` and ``attrs["betweenness_seed"]``).

    Examples
    --------
    >>> scores = centrality_scores(kg.to_networkx())   # doctest: +SKIP
    >>> scores.loc[iri, "pagerank"]                     # doctest: +SKIP
    0.031
    """
    view = fast.igraph_view(G)
    between, info = fast.betweenness(view, k=k, seed=seed)
    rank = fast.pagerank(view)
    degree = view.graph.degree()
    nodes = G.nodes
    rows = [
        {
            "label": nodes[n]["label"],
            "type": nodes[n]["type"],
            "degree": degree[i],
            "betweenness": round(between[i], 6),
            "pagerank": round(rank[i], 6),
            "articles": len(nodes[n].get("articles", [])),
            "iri": n,
        }
        for i, n in enumerate(view.nodes)
    ]
    table = pd.DataFrame(rows, columns=COLUMNS).set_index("iri", drop=False)
    table.attrs.update(info)
    return table


def top_entities(
    G: nx.MultiDiGraph,
    type: str | None = None,
    top: int = 10,
    by: str = "pagerank",
    k: int | None = fast.SAMPLE_SOURCES,
    seed: int = fast.SAMPLE_SEED,
) -> pd.DataFrame:
    """The ``top`` entities of a type, ranked by one measure (ties broken by the others, then label).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The projection (:func:`kg.analyse.projection.to_networkx`).
    type : str, optional
        A class local name (``Company``, ``Person``, ``Park`` ...);
        ``Organization`` covers its six subclasses; ``None`` ranks everything.
    top : int
        How many rows to return.
    by : {"pagerank", "betweenness", "degree"}
        The measure to sort on.
    k, seed : int
        Betweenness sample, as in :func:`centrality_scores` (reported in ``attrs``).

    Examples
    --------
    >>> top_entities(G, type="Company", top=3)[["label", "degree", "pagerank"]]   # doctest: +SKIP
                 label  degree  pagerank
    0         友达光电       5  0.061
    """
    checks.count(top, "top")
    if by not in MEASURES:
        raise ValueError(f"unknown measure {by!r}; choose one of {', '.join(MEASURES)}")
    if type is not None and type != "Organization" and type not in ENTITY_TYPES:
        raise ValueError(f"unknown type {type!r}; choose one of Organization, {', '.join(ENTITY_TYPES)}")
    scores = centrality_scores(G, k=k, seed=seed)
    if type is not None:
        scores = scores[[matches_type(t, type) for t in scores["type"]]]
    order = [by] + [m for m in MEASURES if m != by]
    ranked = scores.sort_values(order + ["label"], ascending=[False] * len(order) + [True])
    return ranked.head(top).reset_index(drop=True)  # attrs (how betweenness was computed) are kept
