"""Summaries derived from the facts, kept in the store's ``cyr:graph/derived`` graph by every writer.

Why: some named answers aggregate far more triples than they show. ``brokers``
lists 1,381 firms at 1M triples, but its labels come from 183k firm–event links
(a firm meets every event held in the park it sits in), and on a disk store
each label read is a RocksDB lookup (about 3.5 us, every time it is read): about
3 s per run. Its rows are five triples per firm (the numbers of initiatives and
events, the first five labels of each: :func:`kg.brokers._listed`), so :func:`write` computes them
once when the store is written and the query reads them. They are computed from
the default graph's quads, read by pattern (each property once, each label
once), with Python sets joined as the query's sub-SELECT joins them: about a
third of what that sub-SELECT costs. ``firm_initiative_links`` likewise: its
11k rows at 1M triples (one per firm and path, with the initiatives the path
leads to and the articles stating the firm's side) come from joins of 160k
firm–initiative–path–article combinations, 3 s to compute on disk, and are
five triples per row here (their provenance read once, by
:func:`kg.firm_initiative_links._statement_articles`). ``investment_by_park`` sums every amount of every
project and event in a place (18k amounts at 1M triples, about 0.9 s on disk)
into 866 rows: :func:`kg.investment_by_park._park_rows` runs the query's own aggregate once and keeps
its rows (seven triples each). ``entity_card`` shows a relation of an entity
with more than :data:`CARD_LIMIT` facts (its facts of one property in one
direction, the posts held in it, the articles mentioning it) as one row, their
number: :func:`kg.entity_card_caps._card_caps` counts them all (one grouped query, 1.3 s on disk at
1M triples, 54 relations), kept as a row node with the count and one triple
(``?e cyd:cardOut ?p``, ``cyd:cardIn``, ``cyd:cardAbout``) that the card looks up
right after reading a fact's predicate, before reading its object and sentences.
``tests/test_derived.py`` checks each against the queries' own answers on a
store without them. Each summary's rows are computed in a module named after its query
(:mod:`kg.brokers`, :mod:`kg.firm_initiative_links`, :mod:`kg.investment_by_park`,
:mod:`kg.entity_card_caps`) from the facts of :mod:`kg.summary_facts`; this one writes them as quads.

Every local writer calls :func:`write` on the new store before readers see it
(:mod:`kg.store`: ``kg build``/``add``/``remove`` and ``kg load``, on disk inside
the atomic swap, in memory after loading), and :mod:`kg.remote` sends a server
the graph :func:`of_quads` makes with the others, so the summary always matches
the facts; a loaded file's own ``cyr:graph/derived`` is replaced. Each list of
labels is in a stated order (code-point order, or the largest items first), which the
queries' fallbacks follow too (GROUP_CONCAT's own order differs between a memory
and a disk store, and a graph must not depend on where it is kept). A store
without the summary (built by an older version, a SPARQL server loaded by
hand) still gets the right answer: the query computes it then, its fallback branch running only when
the graph lacks the summary's marker of this version (``cyd:brokers 2``, ``cyd:firmInitiativeLinks 1``,
``cyd:parkInvestment 3``).
"""

from __future__ import annotations

import hashlib
from typing import Any

from kg.brokers import _brokers
from kg.entity_card_caps import _card_caps, _card_caps_written
from kg.firm_initiative_links import StatementArticles, _links
from kg.firm_initiative_links import _statement_articles  # noqa: F401  (tests/test_derived.py reads it here)
from kg.investment_by_park import _PARK_COLUMNS, _park_rows, _park_rows_read
from kg.prefixes import PREFIX_IRIS
from kg.summary_facts import _XSD_INTEGER, Written, _Facts, _WrittenFacts

#: The graph of the derived summaries, and the namespace of their properties (not the ontology's:
#: no fact pattern of a query can match them, even over a union default graph).
GRAPH = PREFIX_IRIS["cyr"] + "graph/derived"
CYD = PREFIX_IRIS["cyr"] + "derived#"
#: Bumped when what a summary holds changes: a store with another version is answered by the fallback.
#: 2: ``events`` is the number of events, their first labels ``eventLabels`` (was: every label).
VERSION = 2
#: The same for the rows of ``firm_initiative_links`` (marker ``cyd:firmInitiativeLinks``).
LINKS_VERSION = 1
#: The same for the rows of ``investment_by_park`` (marker ``cyd:parkInvestment``; 2: its largest
#: items, ``largestItems``, instead of every item's label; 3: each item's largest amount per currency
#: summed, not all its amounts: an event's total and its parts were added up).
PARK_VERSION = 3
#: The same for the relations ``entity_card`` shows as one row (marker ``cyd:cardCaps``).
CARD_VERSION = 1
#: A relation of an entity (its facts of one property in one direction, its posts, its articles)
#: with more facts than this is one row of ``entity_card``: the number, not the facts. The most
#: any entity has of one relation in 369 real articles is 229 (a park's articles), 85 facts.
CARD_LIMIT = 200
#: The property of the triple ``entity_card`` looks up per relation (entity, property) for each direction.
_CARD_CHECK = {"→": "cardOut", "←": "cardIn", "": "cardAbout"}


def quads_of(store: Any, stated: StatementArticles | None = None, card_limit: int | None = None) -> list[Any]:
    """The quads of ``cyr:graph/derived`` for the facts of ``store``: a marker per summary;
    per row of ``brokers`` the firm's label, its numbers of initiatives and events and the first
    labels of each; per row of ``firm_initiative_links`` the firm's label, the
    initiatives' labels, the kind and label of the path and the articles; per row of
    ``investment_by_park`` its seven values (the total left out when the sum is an error); per relation
    ``entity_card`` shows as one row (more than ``card_limit`` facts, default :data:`CARD_LIMIT`)
    the entity, direction, property and number of facts, and the triple the card looks up. Each list is in
    a stated order (code-point order; the largest items first in ``investment_by_park``), as GROUP_CONCAT's
    own order differs between a memory and a disk store, and a store's graph must not depend on where it is kept. ``stated``: the articles stating
    each firm-side fact, when the caller wrote them (:attr:`kg.graph.GraphText.statement_articles`;
    the same as :func:`kg.firm_initiative_links._statement_articles` finds in the store, without the query)."""
    facts = _Facts(store)
    return _quads(facts, stated, _park_rows(store, facts), _card_caps(store, CARD_LIMIT if card_limit is None else card_limit))


def quads_written(written: Written, card_limit: int | None = None) -> list[Any] | None:
    """:func:`quads_of` the store the writer writes, from what it knows (:class:`Written`), without
    the store; None when investment_by_park needs the engine (see :func:`kg.investment_by_park._park_rows_read`)."""
    facts = _WrittenFacts(written)
    park = _park_rows_read(facts)
    if park is None:
        return None
    return _quads(facts, written.stated, park, _card_caps_written(written, CARD_LIMIT if card_limit is None else card_limit))


def _quads(facts: _Facts, stated: StatementArticles | None, park_rows: list[tuple[Any, ...]],
           card_caps: list[tuple[Any, str, Any, int]]) -> list[Any]:
    """The quads of :func:`quads_of` from the facts, the park rows and the card's counts."""
    import pyoxigraph as ox

    graph = ox.NamedNode(GRAPH)
    names = ("brokers", "firm", "initiatives", "initiativeLabels", "events", "eventLabels", "firmInitiativeLinks",
             "linkFirm", "linkInitiatives", "linkVia", "linkViaLabel", "linkArticles", "parkInvestment",
             "cardCaps", "cardEntity", "cardDirection", "cardProperty", "cardFacts", "cardOut", "cardIn", "cardAbout", *_PARK_COLUMNS.values())
    p = {name: ox.NamedNode(CYD + name) for name in names}

    def integer(n: int) -> Any:
        return ox.Literal(str(n), datatype=ox.NamedNode(_XSD_INTEGER))

    def node(kind: str, *key: Any) -> Any:
        digest = hashlib.sha256(" ".join(str(k) for k in key).encode()).hexdigest()[:32]
        return ox.NamedNode(f"{PREFIX_IRIS['cyr']}derived/{kind}/{digest}")

    out = [ox.Quad(graph, p["brokers"], integer(VERSION), graph), ox.Quad(graph, p["firmInitiativeLinks"], integer(LINKS_VERSION), graph),
           ox.Quad(graph, p["parkInvestment"], integer(PARK_VERSION), graph), ox.Quad(graph, p["cardCaps"], integer(CARD_VERSION), graph)]
    for f, name, count, initiatives, events, event_labels in _brokers(facts):
        row = node("broker", f, name)  # as before: sha256 of "<firm IRI> <label term>"
        out += [ox.Quad(row, p["firm"], name, graph), ox.Quad(row, p["initiatives"], integer(count), graph),
                ox.Quad(row, p["initiativeLabels"], initiatives, graph), ox.Quad(row, p["events"], integer(events), graph),
                ox.Quad(row, p["eventLabels"], event_labels, graph)]
    for firm, initiatives, via, via_label, articles in _links(facts, stated):
        row = node("link", firm, initiatives, via, via_label, articles)
        out += [ox.Quad(row, p["linkFirm"], firm, graph), ox.Quad(row, p["linkInitiatives"], initiatives, graph),
                ox.Quad(row, p["linkVia"], ox.Literal(via), graph), ox.Quad(row, p["linkViaLabel"], via_label, graph)]
        if articles is not None:
            out.append(ox.Quad(row, p["linkArticles"], articles, graph))
    seen: dict[tuple[Any, ...], int] = {}
    for values in park_rows:
        n = seen[values] = seen.get(values, -1) + 1  # two places of one name: two equal rows, two nodes
        row = node("park", *values, n)
        out += [ox.Quad(row, p[prop], value, graph) for prop, value in zip(_PARK_COLUMNS.values(), values) if value is not None]
    for entity, direction, prop, n in card_caps:
        row = node("card", entity.value, direction, prop.value)
        out += [ox.Quad(row, p["cardEntity"], entity, graph), ox.Quad(row, p["cardDirection"], ox.Literal(direction), graph),
                ox.Quad(row, p["cardProperty"], prop, graph), ox.Quad(row, p["cardFacts"], integer(n), graph),
                ox.Quad(entity, p[_CARD_CHECK[direction]], prop, graph)]  # what the card checks: one pattern
    return out


def has_summary(store: Any) -> bool:
    """Whether ``store`` holds the summaries of this version (else ``brokers``,
    ``firm_initiative_links`` and ``investment_by_park`` compute their rows themselves, and
    ``entity_card`` lists every fact)."""
    return bool(store.query(f"ASK {{ GRAPH <{GRAPH}> {{ <{GRAPH}> <{CYD}brokers> {VERSION} ; "
                            f"<{CYD}firmInitiativeLinks> {LINKS_VERSION} ; <{CYD}parkInvestment> {PARK_VERSION} ; "
                            f"<{CYD}cardCaps> {CARD_VERSION} }} }}"))


def of_quads(quads: list[Any]) -> list[Any]:
    """:func:`quads` for a graph given as quads (what :mod:`kg.remote` sends a server)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.extend(quads)
    return quads_of(store)


def write(store: Any, stated: StatementArticles | None = None, card_limit: int | None = None,
          found: list[Any] | None = None) -> None:
    """Replace the derived summaries of ``store`` (a writable ``pyoxigraph.Store``) with its facts' own
    (``stated``, ``card_limit``: see :func:`quads_of`; ``found``: those quads, made already by
    :func:`quads_written`). Added by Oxigraph's bulk loader, not in a transaction: every writer
    calls this on a store no reader sees yet (:mod:`kg.store`), and on a store on disk a
    transaction (``extend``) of the ~2.9k quads of the 4 MB bench corpus cost ~0.17 G
    instructions more."""
    if found is None:
        found = quads_of(store, stated, card_limit)
    store.update(f"DROP SILENT GRAPH <{GRAPH}>")
    store.bulk_extend(found)
