"""Summaries derived from the facts, kept in the store's ``cyr:graph/derived`` graph by every writer.

Why: some named answers aggregate far more triples than they show. ``brokers``
lists 1,381 firms at 1M triples, but its labels come from 183k firm–event links
(a firm meets every event held in the park it sits in), and on a disk store
each label read is a RocksDB lookup (about 3.5 us, every time it is read): about
3 s per run. Its rows are five triples per firm (the numbers of initiatives and
events, the first five labels of each: :func:`_listed`), so :func:`write` computes them
once when the store is written and the query reads them. They are computed from
the default graph's quads, read by pattern (each property once, each label
once), with Python sets joined as the query's sub-SELECT joins them: about a
third of what that sub-SELECT costs. ``firm_initiative_links`` likewise: its
11k rows at 1M triples (one per firm and path, with the initiatives the path
leads to and the articles stating the firm's side) come from joins of 160k
firm–initiative–path–article combinations, 3 s to compute on disk, and are
five triples per row here (their provenance read once, by
:func:`_statement_articles`). ``investment_by_park`` sums every amount of every
project and event in a place (18k amounts at 1M triples, about 0.9 s on disk)
into 866 rows: :func:`kg.investment_by_park._park_rows` runs the query's own aggregate once and keeps
its rows (seven triples each). ``entity_card`` shows a relation of an entity
with more than :data:`CARD_LIMIT` facts (its facts of one property in one
direction, the posts held in it, the articles mentioning it) as one row, their
number: :func:`_card_caps` counts them all (one grouped query, 1.3 s on disk at
1M triples, 54 relations), kept as a row node with the count and one triple
(``?e cyd:cardOut ?p``, ``cyd:cardIn``, ``cyd:cardAbout``) that the card looks up
right after reading a fact's predicate, before reading its object and sentences.
``tests/test_derived.py`` checks each against the queries' own answers on a
store without them.

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
``cyd:parkInvestment 2``).
"""

from __future__ import annotations

import hashlib
from typing import Any

from kg.investment_by_park import _PARK_COLUMNS, _park_rows, _park_rows_read
from kg.prefixes import PREFIX_IRIS
from kg.summary_facts import _CY, _XSD_INTEGER, Written, _Facts, _WrittenFacts

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
#: items, ``largestItems``, instead of every item's label).
PARK_VERSION = 2
#: The same for the relations ``entity_card`` shows as one row (marker ``cyd:cardCaps``).
CARD_VERSION = 1
#: A relation of an entity (its facts of one property in one direction, its posts, its articles)
#: with more facts than this is one row of ``entity_card``: the number, not the facts. The most
#: any entity has of one relation in 369 real articles is 229 (a park's articles), 85 facts.
CARD_LIMIT = 200
#: The property of the triple ``entity_card`` looks up per relation (entity, property) for each direction.
_CARD_CHECK = {"→": "cardOut", "←": "cardIn", "": "cardAbout"}
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


#: The firm-side statements of firm_initiative_links, by the predicate they state.
LINK_PREDICATES = ("participatedIn", "launched", "investor", "settledIn")
_LINK_PREDICATES = LINK_PREDICATES
#: What :func:`_statement_articles` finds: (subject, predicate, object) IRIs -> label keys of the
#: ``cy:sourceFile`` of the articles stating the fact.
StatementArticles = dict[tuple[str, str, str], set[tuple[str, str, str]]]


def _statement_articles(store: Any) -> dict[tuple[str, str, str], set[tuple[str, str, str]]]:
    """The articles stating each fact of :data:`_LINK_PREDICATES`: (subject, predicate,
    object) IRIs -> the ``cy:sourceFile`` of each article graph whose sentences state it,
    as label keys (text, language, datatype). The one place the summaries read provenance:
    each fact's statement node (``rdf:subject``/``rdf:predicate``/``rdf:object``) sits once in
    ``cyr:graph/statements``, and a sentence of each article stating it links to it by
    ``cy:states`` in the article's graph. One query, each property scanned once and
    hash-joined (as the named query does), rather than a lookup per statement."""
    import pyoxigraph as ox

    from kg.terms import G_STATEMENTS

    statements = G_STATEMENTS.value
    text = f"""PREFIX rdf: <{PREFIX_IRIS['rdf']}> PREFIX cy: <{_CY}>
    SELECT ?s ?p ?o ?article {{
      {{ SELECT ?st ?p {{ GRAPH <{statements}> {{ ?st rdf:predicate ?p }} VALUES ?p {{ {" ".join("cy:" + p for p in _LINK_PREDICATES)} }} }} }}
      {{ SELECT ?st ?s {{ GRAPH <{statements}> {{ ?st rdf:subject ?s }} }} }}
      {{ SELECT ?st ?o {{ GRAPH <{statements}> {{ ?st rdf:object ?o }} }} }}
      {{ SELECT DISTINCT ?st ?g {{ GRAPH ?g {{ ?sn cy:states ?st }} }} }}
      {{ SELECT ?g ?article {{ ?g cy:sourceFile ?article }} }}
    }}"""
    out: dict[tuple[str, str, str], set[tuple[str, str, str]]] = {}
    for s, p, o, article in store.query(text):
        if type(s) is ox.NamedNode and type(o) is ox.NamedNode and type(article) is ox.Literal:
            key = (article.value, article.language or "", article.datatype.value)
            out.setdefault((s.value, p.value, o.value), set()).add(key)
    return out


def _links(facts: _Facts, stated: StatementArticles | None = None) -> list[tuple[Any, Any, str, Any, Any]]:
    """The rows of firm_initiative_links, computed as its fallback branch computes them: one
    per firm, path (the event, project or park linking it to initiatives) and labels of the
    two, with the labels of the initiatives the path leads to and the articles stating the
    firm's side of it, each list in code-point order (articles None when no article states it).
    (firm label, initiatives joined, via, via label, articles joined or None), distinct.
    ``stated``: :func:`_statement_articles` of the store, when the writer knows it already."""
    import pyoxigraph as ox

    pairs, typed = facts.pairs, facts.typed
    company, initiative = typed("Company"), typed("Initiative")
    labels, label_of = facts.labels()
    launched = pairs("launched")
    inits: dict[str, set[str]] = {}  # node -> the labelled initiatives it launched
    for v, i in launched:
        if i in initiative and i in labels:
            inits.setdefault(v, set()).add(i)
    # path key (firm, via, node) -> the initiatives it leads to, the firm-side statements
    paths: dict[tuple[str, str, str], tuple[set[str], set[tuple[str, str, str]]]] = {}

    def link(f: str, via: str, v: str, found: set[str] | None, statement: tuple[str, str, str]) -> None:
        if found and f in company and f in labels and v in labels:
            to, said = paths.setdefault((f, via, v), (set(), set()))
            to |= found
            said.add(statement)

    p = {name: _CY + name for name in _LINK_PREDICATES}
    for f, v in pairs("participatedIn"):  # the firm took part in an event that launched the initiative
        link(f, "event", v, inits.get(v), (f, p["participatedIn"], v))
    for v, f in launched:  # the firm was founded at an event that also launched the initiative
        link(f, "event", v, inits.get(v), (v, p["launched"], f))
    signed: dict[str, set[str]] = {}  # project -> the initiatives of the events it was signed at
    for v, e in pairs("signedAt"):
        if e in inits:
            signed.setdefault(v, set()).update(inits[e])
    for v, f in pairs("investor"):  # the firm invests in a project signed at such an event
        link(f, "project", v, signed.get(v), (v, p["investor"], f))
    at_park: dict[str, set[str]] = {}  # park -> the initiatives launched there or with it
    for e, where in pairs("location") + launched:
        if e in inits:
            at_park.setdefault(where, set()).update(inits[e])
    for f, v in pairs("settledIn"):  # the firm settled in a park tied to the initiative
        link(f, "park", v, at_park.get(v), (f, p["settledIn"], v))
    articles = (_statement_articles(facts.store) if stated is None else stated) if paths else {}
    rows = set()
    joined: dict[frozenset[str], Any] = {}  # the firms of a park share its initiatives: joined once
    for (f, via, v), (found, said) in paths.items():
        key = frozenset(found)
        names = joined.get(key)
        if names is None:
            names = joined[key] = _joined([label_of[k] for k in sorted(set().union(*(labels[i] for i in found)))])
        files = sorted(set().union(*(articles.get(st, set()) for st in said)))
        stated = _joined([ox.Literal(t, datatype=ox.NamedNode(d)) if not lang else ox.Literal(t, language=lang)
                          for t, lang, d in files]) if files else None
        rows.update((label_of[fk], names, via, label_of[vk], stated) for fk in labels[f] for vk in labels[v])
    return sorted(rows, key=lambda r: tuple(str(t) for t in r))


def _card_caps(store: Any, limit: int) -> list[tuple[Any, str, Any, int]]:
    """The relations ``entity_card`` shows as one row: (entity, direction, property, number of
    facts) for each with more than ``limit``, counted as the card's branches find them:
    statements with the entity as subject ("→") or as object ("←"), statements of the posts
    held in an organisation ("←" cy:holdsPosition), articles mentioning it (""). One query,
    each property scanned once and hash-joined, grouped on the engine's own terms (0.4 s at
    1M triples; reading the statements into Python dictionaries took 8 s on disk)."""
    import pyoxigraph as ox

    from kg.terms import G_STATEMENTS

    st = G_STATEMENTS.value
    text = f"""PREFIX rdf: <{PREFIX_IRIS['rdf']}> PREFIX cy: <{_CY}>
    SELECT ?x ?dir ?p ?n {{
      {{ {{ SELECT ?x ?p (COUNT(*) AS ?n) {{
           {{ SELECT ?st ?p {{ GRAPH <{st}> {{ ?st rdf:predicate ?p }} }} }} {{ SELECT ?st ?x {{ GRAPH <{st}> {{ ?st rdf:subject ?x }} }} }}
         }} GROUP BY ?x ?p HAVING (COUNT(*) > {limit:d}) }} BIND("→" AS ?dir) }}
      UNION
      {{ {{ SELECT ?x ?p (COUNT(*) AS ?n) {{
           {{ SELECT ?st ?p {{ GRAPH <{st}> {{ ?st rdf:predicate ?p }} }} }} {{ SELECT ?st ?x {{ GRAPH <{st}> {{ ?st rdf:object ?x }} }} }}
         }} GROUP BY ?x ?p HAVING (COUNT(*) > {limit:d}) }} BIND("←" AS ?dir) }}
      UNION
      {{ {{ SELECT ?x (COUNT(*) AS ?n) {{
           {{ SELECT ?st {{ GRAPH <{st}> {{ ?st rdf:predicate cy:holdsPosition }} }} }} {{ SELECT ?st ?pos {{ GRAPH <{st}> {{ ?st rdf:object ?pos }} }} }}
           {{ SELECT ?pos ?x {{ ?pos cy:organization ?x }} }}
         }} GROUP BY ?x HAVING (COUNT(*) > {limit:d}) }} BIND("←" AS ?dir) BIND(cy:holdsPosition AS ?p) }}
      UNION
      {{ {{ SELECT ?x (COUNT(*) AS ?n) {{ ?x cy:mentionedIn ?a }} GROUP BY ?x HAVING (COUNT(*) > {limit:d}) }}
         BIND("" AS ?dir) BIND(cy:mentionedIn AS ?p) }}
    }}"""
    counts: dict[tuple[str, str, str], list[Any]] = {}
    for x, direction, p, n in store.query(text):
        if type(x) is ox.NamedNode:
            key = (x.value, direction.value, p.value)
            found = counts.setdefault(key, [x, direction.value, p, 0])
            found[3] += int(n.value)  # an organisation's posts and statements with it as object: one relation
    return [tuple(counts[key]) for key in sorted(counts)]  # type: ignore[misc]


def _card_caps_written(written: Written, limit: int) -> list[tuple[Any, str, Any, int]]:
    """:func:`_card_caps` counted from what the writer knows (:class:`Written`): the statements by
    subject and by object (an IRI), the statements of posts by their organisation, the articles
    mentioning each node."""
    import pyoxigraph as ox

    out: dict[tuple[str, str, str], int] = {}
    by_subject: dict[tuple[str, str], int] = {}
    by_object: dict[tuple[str, str], int] = {}
    posts: dict[str, int] = {}
    holds = _CY + "holdsPosition"
    organization = written.organization
    for s, p, o in written.statements:
        by_subject[(s, p)] = by_subject.get((s, p), 0) + 1
        if o.startswith("<"):
            o = o[1:-1]
            by_object[(o, p)] = by_object.get((o, p), 0) + 1
            if p == holds and o in organization:
                org = organization[o]
                posts[org] = posts.get(org, 0) + 1
    for (x, p), n in by_subject.items():
        if n > limit:
            out[(x, "→", p)] = n
    for (x, p), n in by_object.items():
        if n > limit:
            out[(x, "←", p)] = n
    for x, n in posts.items():
        if n > limit:
            out[(x, "←", holds)] = out.get((x, "←", holds), 0) + n
    for x, graphs in written.mentioned.items():
        if len(graphs) > limit:
            out[(x, "", _CY + "mentionedIn")] = len(graphs)
    return [(ox.NamedNode(x), d, ox.NamedNode(p), out[(x, d, p)]) for x, d, p in sorted(out)]


def _joined(labels: list[Any]) -> Any:
    """Labels joined by "、" as GROUP_CONCAT joins them: tagged with their language when they share one."""
    import pyoxigraph as ox

    text = "、".join(label.value for label in labels)
    tags = {label.language for label in labels}
    tag = tags.pop() if len(tags) == 1 else None
    return ox.Literal(text, language=tag) if tag else ox.Literal(text)


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
    the same as :func:`_statement_articles` finds in the store, without the query)."""
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
