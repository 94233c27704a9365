"""How are two entities connected? Shortest paths with the relation and sentence of each hop.

Paths are searched on the undirected view (an analyst asking how a firm and a
plan are related does not care that the edge runs ``project -signedAt->
event``), then every hop is reported with its real direction, its Chinese
relation name and the sentences it was read from, so that each step of the
answer can be checked in the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

import networkx as nx

from kg.analyse import checks
from kg.analyse.lookup import lookup
from kg.analyse.projection import matches_type, simple_view


@dataclass(frozen=True)
class Hop:
    """One step of a path: ``source -predicate-> target`` as stored, walked forward or backward."""

    source: str  # IRI of the node the hop starts from (in walking order)
    target: str
    source_label: str
    target_label: str
    predicate: str  # property local name, e.g. "signedAt"
    label: str  # Chinese property name
    forward: bool  # True when the stored edge runs source -> target
    title: str | None = None
    evidence: list[tuple[str, str]] = field(default_factory=list)

    def describe(self) -> str:
        """``甲 —[签约于]→ 乙`` or ``甲 ←[投资方]— 乙`` (the arrow shows the stored direction)."""
        rel = self.label + (f" {self.title}" if self.title else "")
        arrow = f"—[{rel}]→" if self.forward else f"←[{rel}]—"
        return f"{self.source_label} {arrow} {self.target_label}"


@dataclass(frozen=True)
class Path:
    """A shortest path as a list of hops (none when both ends name the same entity, ``origin``)."""

    hops: list[Hop]
    origin: str = ""  # the IRI of a path of no hops

    @property
    def nodes(self) -> list[str]:
        return [self.hops[0].source] + [h.target for h in self.hops] if self.hops else [self.origin] if self.origin else []

    def describe(self, evidence: bool = True, width: int = 120) -> str:
        """Readable text: one line per hop, each followed by its evidence sentences.

        Sentences longer than ``width`` characters are cut to the part around
        the names of the hop's two ends (see :func:`excerpt`).
        """
        lines = []
        for i, hop in enumerate(self.hops, 1):
            lines.append(f"{i}. {hop.describe()}")
            if evidence:
                for source_file, sentence in hop.evidence:
                    text = excerpt(sentence, (hop.source_label, hop.target_label), width)
                    lines.append(f"     [{source_file}] {text}")
        return "\n".join(lines)


def excerpt(sentence: str, names: tuple[str, ...], width: int = 120) -> str:
    """The part of a long sentence that shows the given names, with ``…`` where it was cut.

    Examples
    --------
    >>> excerpt("甲" * 50 + "友达签约" + "乙" * 50, ("友达",), width=10)
    '…甲甲甲甲友达签约乙乙…'
    """
    if len(sentence) <= width:
        return sentence
    spots = [sentence.find(n) for n in names if n and n in sentence]
    spans = [(i, i + len(n)) for i, n in zip(spots, [n for n in names if n and n in sentence])]
    if spans:
        lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    else:
        lo, hi = 0, 0
    if hi - lo >= width:  # the two names are far apart: show both ends
        half = width // 2
        first, last = min(spans), max(spans)
        return _cut(sentence, first[0], first[0] + half) + _cut(sentence, last[1] - half, last[1])[1:]
    pad = (width - (hi - lo)) // 2
    start = max(0, min(lo - pad, len(sentence) - width))
    return _cut(sentence, start, start + width)


def _cut(sentence: str, start: int, end: int) -> str:
    start, end = max(0, start), min(len(sentence), end)
    return ("…" if start > 0 else "") + sentence[start:end] + ("…" if end < len(sentence) else "")


def _hop(G: nx.MultiDiGraph, u: str, v: str) -> Hop:
    """The hop u–v, preferring a relation with evidence and a forward direction."""
    candidates = [(True, k, d) for k, d in (G.get_edge_data(u, v) or {}).items()]
    candidates += [(False, k, d) for k, d in (G.get_edge_data(v, u) or {}).items()]
    forward, key, data = min(candidates, key=lambda c: (not c[2].get("evidence"), not c[0], c[1]))
    return Hop(
        source=u,
        target=v,
        source_label=G.nodes[u]["label"],
        target_label=G.nodes[v]["label"],
        predicate=key,
        label=data.get("label", key),
        forward=forward,
        title=data.get("title"),
        evidence=list(data.get("evidence", [])),
    )


def shortest_paths(
    G: nx.MultiDiGraph,
    a: str,
    b: str,
    limit: int = 3,
    avoid: tuple[str, ...] = (),
) -> list[Path]:
    """Up to ``limit`` shortest paths between two entities given by label or alias.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The projection.
    a, b : str
        Entity names (label or alias; Traditional script and full-width
        punctuation accepted) or IRIs.
    limit : int
        Maximum number of equally short paths returned.
    avoid : tuple of str
        Node types not to walk through (e.g. ``("Place", "Industry")`` to keep
        hubs such as a city from short-circuiting every answer; ``Organization``
        is its six subclasses; one string ``"Place,Industry"`` also works). The
        two end points are always allowed.

    Returns
    -------
    list of Path
        Empty when the two entities are not connected; one path of no hops
        (``origin`` set) when the two names are the same entity's.

    Raises
    ------
    kg.analyse.lookup.EntityNotFound
        When a name matches no entity.
    ValueError, TypeError
        A ``limit`` below 1, an unknown class in ``avoid``, a name that is not a string.

    Examples
    --------
    >>> for p in shortest_paths(G, "友达光电", "链长制"):      # doctest: +SKIP
    ...     print(p.describe())
    1. 友达光电 ←[投资方]— 友达LTPS超窄边框面板项目
         [000_a75f8161f974aa14.txt] 其中,投资总额18亿美元的友达LTPS……
    2. 友达LTPS超窄边框面板项目 —[签约于]→ 昆山市新兴产业发展大会
    3. 昆山市新兴产业发展大会 —[发布]→ 链长制
    """
    checks.count(limit, "limit")
    avoid = checks.classes(avoid)
    start = a if checks.name(a) in G else lookup(G, a).iri
    end = b if checks.name(b) in G else lookup(G, b).iri
    if start == end:
        return [Path([], origin=start)]
    H = simple_view(G)
    if avoid:
        keep = [n for n, t in H.nodes(data="type") if not any(matches_type(t, c) for c in avoid) or n in (start, end)]
        H = H.subgraph(keep)
    try:
        found = list(islice(nx.all_shortest_paths(H, start, end), limit))
    except nx.NetworkXNoPath:
        return []
    return [Path([_hop(G, u, v) for u, v in zip(nodes, nodes[1:])]) for nodes in sorted(found)]
