"""Which entities hold the network together: degree, betweenness and PageRank.

Scores are computed once on the whole projection seen as an undirected simple
graph (the direction of ``signedAt`` or ``investor`` says nothing about
importance, and parallel relations count as weight only for PageRank), then
ranked within the type the analyst asks about, so "top companies" are
companies that matter in the whole graph, not in a company-only subgraph.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from kg.analyse.projection import matches_type, simple_view

#: Columns of the centrality table, in order.
COLUMNS = ["label", "type", "degree", "betweenness", "pagerank", "articles", "iri"]
MEASURES = ("degree", "betweenness", "pagerank")


def centrality_scores(G: nx.MultiDiGraph) -> pd.DataFrame:
    """Degree (number of distinct neighbours), betweenness and PageRank of every node.

    Examples
    --------
    >>> scores = centrality_scores(kg.to_networkx())   # doctest: +SKIP
    >>> scores.loc[iri, "pagerank"]                     # doctest: +SKIP
    0.031
    """
    H = simple_view(G)
    if H.number_of_nodes() == 0:
        return pd.DataFrame(columns=COLUMNS).set_index("iri", drop=False)
    betweenness = nx.betweenness_centrality(H, normalized=True)
    pagerank = nx.pagerank(H, weight="weight")
    rows = [
        {
            "label": data["label"],
            "type": data["type"],
            "degree": H.degree(n),
            "betweenness": round(betweenness[n], 6),
            "pagerank": round(pagerank[n], 6),
            "articles": len(data.get("articles", [])),
            "iri": n,
        }
        for n, data in H.nodes(data=True)
    ]
    return pd.DataFrame(rows, columns=COLUMNS).set_index("iri", drop=False)


def top_entities(
    G: nx.MultiDiGraph, type: str | None = None, top: int = 10, by: str = "pagerank"
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

    Examples
    --------
    >>> top_entities(G, type="Company", top=3)[["label", "degree", "pagerank"]]   # doctest: +SKIP
                 label  degree  pagerank
    0         友达光电       5  0.061
    """
    if by not in MEASURES:
        raise ValueError(f"unknown measure {by!r}; choose one of {', '.join(MEASURES)}")
    scores = centrality_scores(G)
    if type is not None:
        scores = scores[[matches_type(t, type) for t in scores["type"]]]
    order = [by] + [m for m in MEASURES if m != by]
    ranked = scores.sort_values(order + ["label"], ascending=[False] * len(order) + [True])
    return ranked.head(top).reset_index(drop=True)
