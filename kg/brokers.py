"""The rows of ``brokers`` that :mod:`kg.derived` keeps: firms linked to two or more initiatives
through events, computed from the facts with Python sets as the query's sub-SELECT joins them."""

from __future__ import annotations

from typing import Any

from kg.summary_facts import _Facts

#: The labels a listing cell of ``brokers`` or ``investment_by_park`` shows (the queries' own ``{5}``):
#: the first ones, then "…" when there are more (their number is in the cell beside it).
LIST_LIMIT = 5


def _brokers(facts: _Facts) -> list[tuple[str, Any, int, Any, int, Any]]:
    """The rows of the query's sub-SELECT, computed from the default graph's quads (read by
    pattern: a few properties, each once) with sets, as that SELECT joins them: (firm IRI,
    its label, number of initiatives, their first labels, number of events, their first
    labels; each listing as :func:`_listed` writes it), for every label of a firm linked to
    two or more labelled initiatives through labelled events."""
    pairs, typed = facts.pairs, facts.typed
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
    labels, label_of = facts.labels()
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
            # distinct label texts (as the query's GROUP_CONCAT(DISTINCT) of STR(label) lists them)
            named, met_at = (_listed({k[0] for x in nodes for k in labels[x]}) for nodes in (initiatives, events))
            rows += [(f, label_of[k], len(initiatives), named, len(events), met_at) for k in sorted(labels.get(f, ()))]
    return rows


def _listed(texts: set[str]) -> Any:
    """A listing cell: the first :data:`LIST_LIMIT` of ``texts`` in code-point order, joined by
    "、", then "、…" when there are more; a plain literal (what the queries' REPLACE of a
    GROUP_CONCAT of STR(label) makes). Why not all: a cell of 1,788 event names (the most
    connected synthetic firm at 1M triples) is read by no one, and turning 15 MB of such
    cells into Python strings was most of ``brokers``' cost; the full lists are one query
    away (``firm_initiative_links -p firm=…``: one row per path)."""
    import heapq

    import pyoxigraph as ox

    first = heapq.nsmallest(LIST_LIMIT + 1, texts)
    return ox.Literal("、".join(first[:LIST_LIMIT]) + ("、…" if len(first) > LIST_LIMIT else ""))

