"""Summaries derived from the facts, kept in the store's ``cyr:graph/derived`` graph by every writer.

Why: some named answers aggregate far more triples than they show. ``brokers``
lists 1,381 firms at 1M triples, but its labels come from 183k firm–event links
(a firm meets every event held in the park it sits in), and on a disk store
each label read is a RocksDB lookup (about 3.5 us, every time it is read): about
3 s per run. Its rows are four triples per firm, so :func:`write` computes them
once when the store is written and the query reads them. They are computed from
the default graph's quads, read by pattern (each property once, each label
once), with Python sets joined as the query's sub-SELECT joins them: about a
third of what that sub-SELECT costs. ``tests/test_derived.py`` checks them
against the query's own answer on a store without them.

Every local writer calls :func:`write` on the new store before readers see it
(:mod:`kg.store`: ``kg build``/``add``/``remove`` and ``kg load``, on disk inside
the atomic swap, in memory after loading), and :mod:`kg.remote` sends a server
the graph :func:`of_quads` makes with the others, so the summary always matches
the facts; a loaded file's own ``cyr:graph/derived`` is replaced. Each list of
labels is in code-point order (GROUP_CONCAT's own order differs between a memory
and a disk store, and a graph must not depend on where it is kept). A store
without the summary (built by an older version, a SPARQL server loaded by
hand) still gets the right answer: the query computes it then, its fallback branch running only when
the graph lacks the summary's marker (``cyd:brokers 1``).
"""

from __future__ import annotations

import hashlib
from typing import Any

from kg.prefixes import PREFIX_IRIS

#: The graph of the derived summaries, and the namespace of their properties (not the ontology's:
#: no fact pattern of a query can match them, even over a union default graph).
GRAPH = PREFIX_IRIS["cyr"] + "graph/derived"
CYD = PREFIX_IRIS["cyr"] + "derived#"
#: Bumped when what a summary holds changes: a store with another version is answered by the fallback.
VERSION = 1
_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_CY = PREFIX_IRIS["cy"]
_RDF_TYPE = PREFIX_IRIS["rdf"] + "type"
_RDFS_LABEL = PREFIX_IRIS["rdfs"] + "label"


def _brokers(store: Any) -> list[tuple[str, Any, int, list[Any], list[Any]]]:
    """The rows of the query's sub-SELECT, computed from the default graph's quads (read by
    pattern: a few properties, each once) with sets, as that SELECT joins them: (firm IRI,
    its label, number of initiatives, their labels, the events' labels), for every label of
    a firm linked to two or more labelled initiatives through labelled events. Nodes are
    keyed by their IRI text (str hashes are cached; a term's are not)."""
    import pyoxigraph as ox

    default = ox.DefaultGraph()

    def pairs(prop: str) -> list[tuple[str, str]]:
        return [(q.subject.value, q.object.value) for q in store.quads_for_pattern(None, ox.NamedNode(_CY + prop), None, default)
                if type(q.object) is ox.NamedNode]

    def typed(cls: str) -> set[str]:
        return {q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(_RDF_TYPE), ox.NamedNode(_CY + cls), default)}

    initiative, event, project, company, park = (typed(c) for c in ("Initiative", "Event", "Project", "Company", "Park"))
    launched = pairs("launched")
    # events that launched an initiative
    initiatives_of: dict[str, set[str]] = {}
    for ev, i in launched:
        if i in initiative and ev in event:
            initiatives_of.setdefault(ev, set()).add(i)
    met: dict[str, set[str]] = {}  # firm -> the events it meets
    for f, ev in pairs("participatedIn"):  # the firm took part in the event
        met.setdefault(f, set()).add(ev)
    for ev, f in launched:  # the event launched the firm
        met.setdefault(f, set()).add(ev)
    # the firm invests in a project signed at, or launched by, the event
    events_of: dict[str, set[str]] = {}
    for p, ev in pairs("signedAt") + [(p, ev) for ev, p in launched]:
        if p in project:
            events_of.setdefault(p, set()).add(ev)
    for p, f in pairs("investor"):
        if p in events_of:
            met.setdefault(f, set()).update(events_of[p])
    # the firm sits in a park where the event was held, or that the event launched
    park_events: dict[str, set[str]] = {}
    for ev, where in pairs("location") + launched:
        if ev in initiatives_of:
            park_events.setdefault(where, set()).add(ev)
    for f, where in pairs("settledIn") + pairs("locatedIn"):
        if f in company and where in park and where in park_events:
            met.setdefault(f, set()).update(park_events[where])
    labels: dict[str, set[tuple[str, str, str]]] = {}  # node -> its labels, each as a key (text, language, datatype)
    label_of: dict[tuple[str, str, str], Any] = {}  # key -> the label (a literal)
    for q in store.quads_for_pattern(None, ox.NamedNode(_RDFS_LABEL), None, default):
        if type(q.subject) is ox.NamedNode:
            label = q.object
            key = (label.value, label.language or "", label.datatype.value if type(label) is ox.Literal else "")
            label_of[key] = label
            labels.setdefault(q.subject.value, set()).add(key)
    # each labelled event's labelled initiatives (the joins with the labels drop the others)
    linking = {ev: found for ev, initiatives in initiatives_of.items() if ev in labels
               if (found := {i for i in initiatives if i in labels})}
    links: dict[str, tuple[set[str], set[str]]] = {}  # firm -> its initiatives, the events linking them
    for f, events in met.items():
        if f in company:
            events = events & linking.keys()
            if events:
                links[f] = (set().union(*(linking[ev] for ev in events)), events)
    rows = []
    for f, (initiatives, events) in links.items():
        if len(initiatives) >= 2:
            # distinct labels (as terms, as GROUP_CONCAT(DISTINCT) counts them), in code-point order
            names = [[label_of[k] for k in sorted(set().union(*(labels[x] for x in nodes)))] for nodes in (initiatives, events)]
            rows += [(f, label_of[k], len(initiatives), *names) for k in sorted(labels.get(f, ()))]
    return rows


def _joined(labels: list[Any]) -> Any:
    """Labels joined by "、" as GROUP_CONCAT joins them: tagged with their language when they share one."""
    import pyoxigraph as ox

    text = "、".join(label.value for label in labels)
    tags = {label.language for label in labels}
    tag = tags.pop() if len(tags) == 1 else None
    return ox.Literal(text, language=tag) if tag else ox.Literal(text)


def quads_of(store: Any) -> list[Any]:
    """The quads of ``cyr:graph/derived`` for the facts of ``store``: a marker, and per row of
    ``brokers`` the firm's label, its number of initiatives and the labels of its initiatives
    and events, each list in code-point order (GROUP_CONCAT's own order differs between a
    memory and a disk store, and a store's graph must not depend on where it is kept)."""
    import pyoxigraph as ox

    graph = ox.NamedNode(GRAPH)
    p = {name: ox.NamedNode(CYD + name) for name in ("brokers", "firm", "initiatives", "initiativeLabels", "events")}
    out = [ox.Quad(graph, p["brokers"], ox.Literal(str(VERSION), datatype=ox.NamedNode(_XSD_INTEGER)), graph)]
    for f, name, count, initiatives, events in _brokers(store):
        node = ox.NamedNode(f"{PREFIX_IRIS['cyr']}derived/broker/{hashlib.sha256(f'{f} {name}'.encode()).hexdigest()[:32]}")
        out += [ox.Quad(node, p["firm"], name, graph),
                ox.Quad(node, p["initiatives"], ox.Literal(str(count), datatype=ox.NamedNode(_XSD_INTEGER)), graph),
                ox.Quad(node, p["initiativeLabels"], _joined(initiatives), graph), ox.Quad(node, p["events"], _joined(events), graph)]
    return out


def has_summary(store: Any) -> bool:
    """Whether ``store`` holds the summaries of this version (else ``brokers`` computes its rows itself)."""
    return bool(store.query(f"ASK {{ GRAPH <{GRAPH}> {{ <{GRAPH}> <{CYD}brokers> {VERSION} }} }}"))


def of_quads(quads: list[Any]) -> list[Any]:
    """:func:`quads` for a graph given as quads (what :mod:`kg.remote` sends a server)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.extend(quads)
    return quads_of(store)


def write(store: Any) -> None:
    """Replace the derived summaries of ``store`` (a writable ``pyoxigraph.Store``) with its facts' own."""
    found = quads_of(store)
    store.update(f"DROP SILENT GRAPH <{GRAPH}>")
    store.extend(found)
