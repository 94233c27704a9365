"""NetworkX analyses of the knowledge graph, one module per family.

* :mod:`~kg.analyse.projection` — RDF → ``networkx.MultiDiGraph`` (entities, labelled relations, evidence)
* :mod:`~kg.analyse.lookup` — find an entity by any name (Traditional script, full-width tolerated)
* :mod:`~kg.analyse.centrality` — degree, betweenness, PageRank; top-k per type
* :mod:`~kg.analyse.paths` — shortest paths with the relation and sentence of each hop
* :mod:`~kg.analyse.communities` — seeded modularity (Leiden) communities and their industries
* :mod:`~kg.analyse.bipartite` — the firm–initiative network and its brokers
"""

from kg.analyse.bipartite import brokers, firm_initiative_graph
from kg.analyse.centrality import centrality_scores, top_entities
from kg.analyse.communities import Community, communities, communities_table
from kg.analyse.lookup import AmbiguousEntity, Candidate, EntityLookupError, EntityMatch, EntityNotFound, lookup, lookup_all, normalise
from kg.analyse.paths import Hop, Path, shortest_paths
from kg.analyse.projection import to_networkx

__all__ = [
    "AmbiguousEntity",
    "Candidate",
    "Community",
    "EntityLookupError",
    "EntityMatch",
    "EntityNotFound",
    "Hop",
    "Path",
    "brokers",
    "centrality_scores",
    "communities",
    "communities_table",
    "firm_initiative_graph",
    "lookup",
    "lookup_all",
    "normalise",
    "shortest_paths",
    "to_networkx",
    "top_entities",
]
