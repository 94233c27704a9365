"""Made-up graphs shaped like the NetworkX projection, for tests and benchmarks.

They carry every attribute the projection promises (docs/ARCHITECTURE.md), so
the drawing code can be measured at sizes the seed articles never reach.
"""

from __future__ import annotations

import random

import networkx as nx

_TYPES = (
    ("Company", 30), ("Person", 20), ("GovernmentBody", 8), ("Park", 8), ("Place", 8),
    ("Industry", 8), ("Event", 6), ("Project", 6), ("Initiative", 3), ("ResearchInstitute", 2),
    ("University", 1),
)
_NAMES = {
    "Company": "科技有限公司", "Person": "某人", "GovernmentBody": "管委会", "Park": "产业园",
    "Place": "镇", "Industry": "产业", "Event": "发展大会", "Project": "项目",
    "Initiative": "行动计划", "ResearchInstitute": "研究院", "University": "大学",
}
_RELATIONS = (
    ("locatedIn", "位于"), ("inIndustry", "所属产业"), ("investor", "投资方"),
    ("partnerOf", "合作伙伴"), ("participatedIn", "参与"), ("holdsPosition", "任职"),
    ("launched", "发布"), ("settledIn", "入驻"),
)


def synthetic_graph(n: int, *, seed: int = 1, edges_per_node: int = 2) -> nx.MultiDiGraph:
    """A scale-free MultiDiGraph of ``n`` entities with projection-style attributes."""
    rnd = random.Random(seed)
    skeleton = nx.barabasi_albert_graph(n, edges_per_node, seed=seed) if n > edges_per_node else nx.path_graph(n)
    types = [t for t, _ in _TYPES]
    weights = [w for _, w in _TYPES]
    graph = nx.MultiDiGraph()
    for i in skeleton.nodes:
        kind = rnd.choices(types, weights)[0]
        graph.add_node(
            f"https://w3id.org/chanye/id/{kind.lower()}/{i:016x}",
            label=f"第{i}号{_NAMES[kind]}",
            type=kind,
            aliases=[f"{_NAMES[kind]}{i}"] if i % 3 == 0 else [],
            articles=[f"{i % 50:03d}_synthetic.txt"],
            amounts=[("1800000000", "CNY")] if kind == "Project" else [],
        )
    ids = list(graph.nodes)
    for u, v in skeleton.edges:
        key, label = rnd.choice(_RELATIONS)
        graph.add_edge(
            ids[u], ids[v], key=key,
            predicate=f"https://w3id.org/chanye/ontology#{key}",
            label=label,
            title="董事长" if key == "holdsPosition" else None,
            evidence=[(f"{u % 50:03d}_synthetic.txt", f"第{u}号与第{v}号在同一句话里出现。")],
        )
    return graph
