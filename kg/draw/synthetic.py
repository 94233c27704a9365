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


#: Relations that fit a pair of entity types in the projection: (subject type, key, object type).
_TYPED = (
    ("Company", "participatedIn", "Event"), ("Person", "participatedIn", "Event"),
    ("GovernmentBody", "participatedIn", "Event"), ("University", "participatedIn", "Event"),
    ("ResearchInstitute", "participatedIn", "Event"), ("Event", "launched", "Initiative"),
    ("Event", "launched", "Project"), ("Project", "signedAt", "Event"), ("Event", "location", "Park"),
    ("Event", "location", "Place"), ("Event", "inIndustry", "Industry"), ("Project", "investor", "Company"),
    ("Project", "locatedIn", "Park"), ("Company", "settledIn", "Park"), ("Company", "locatedIn", "Place"),
    ("Park", "locatedIn", "Place"), ("Company", "inIndustry", "Industry"), ("Park", "inIndustry", "Industry"),
    ("Project", "inIndustry", "Industry"), ("Person", "holdsPosition", "Company"),
    ("Person", "holdsPosition", "GovernmentBody"), ("GovernmentBody", "launched", "Initiative"),
    ("Company", "partnerOf", "Company"), ("Company", "partnerOf", "University"),
    ("Initiative", "inIndustry", "Industry"),
)
_LABELS = dict(_RELATIONS) | {"signedAt": "签约于", "location": "举办地"}
_PER_TRIPLE = (0.11, 0.34)  # nodes and edges of the projection per RDF triple (measured on the seed graph's shape)


def synthetic_projection(triples: int, *, seed: int = 1) -> nx.MultiDiGraph:
    """A projection as the one of a ``triples``-triple store would be: ~0.11 nodes and ~0.34 edges per triple.

    Unlike :func:`synthetic_graph` (a scale-free skeleton with random relation
    names) it is made of articles: each article reports one event with a
    handful of entities, tied by relations that fit their types (a company
    takes part in the event, the event launches an initiative, a project
    signed there names its investor ...), and popular entities come back in
    many articles. So it has the clusters, hubs and firm–event–initiative
    chains the analyses look for. Same ``triples`` and ``seed``, same graph.
    """
    rnd = random.Random(seed)
    n = max(12, round(triples * _PER_TRIPLE[0]))
    target = max(11, round(triples * _PER_TRIPLE[1]))
    types = [t for t, _ in _TYPES]
    weights = [w for _, w in _TYPES]
    graph = nx.MultiDiGraph()
    pools: dict[str, list[str]] = {t: [] for t in types}
    for i in range(n):
        kind = types[i] if i < len(types) else rnd.choices(types, weights)[0]
        iri = f"https://w3id.org/chanye/id/{kind.lower()}/{i:016x}"
        pools[kind].append(iri)
        graph.add_node(
            iri,
            label=f"第{i}号{_NAMES[kind]}",
            type=kind,
            aliases=[f"{_NAMES[kind]}{i}"] if i % 3 == 0 else [],
            articles=[],
            amounts=[("1800000000", "CNY")] if kind == "Project" else [],
        )
    fits: dict[tuple[str, str], list[tuple[str, bool]]] = {}
    for s, key, o in _TYPED:
        fits.setdefault((s, o), []).append((key, False))
        fits.setdefault((o, s), []).append((key, True))

    def pick(kind: str) -> str:
        pool = pools[kind]
        return pool[int(len(pool) * rnd.random() ** 1.5)]  # early entities are the popular ones

    article = edges = 0
    while edges < target:
        source = f"{article:06d}_synthetic.txt"
        event = pick("Event")
        cast = [event] + [pick(rnd.choices(types, weights)[0]) for _ in range(rnd.randint(3, 7))]
        for i, u in enumerate(cast):
            graph.nodes[u]["articles"].append(source)
            for v in cast[:i]:
                options = fits.get((graph.nodes[u]["type"], graph.nodes[v]["type"]))
                if u == v or not options or (v != event and rnd.random() < 0.5):
                    continue
                key, flip = rnd.choice(options)
                s, o = (v, u) if flip else (u, v)
                edges += not graph.has_edge(s, o, key)
                graph.add_edge(
                    s, o, key=key,
                    predicate=f"https://w3id.org/chanye/ontology#{key}",
                    label=_LABELS.get(key, key),
                    title="董事长" if key == "holdsPosition" else None,
                    evidence=[(source, f"第{article}篇文章的一句话。")],
                )
        article += 1
    for _, data in graph.nodes(data=True):
        data["articles"] = sorted(set(data["articles"]))
    return graph
