"""kg analyze, path, viz: network analyses and views."""

from __future__ import annotations

from pathlib import Path as _Path

import typer

from kg.cli.app import (
    _DEFAULT_STORE,
    _STORE_HELP,
    _fail,
    _open,
    app,
)

analyze_app = typer.Typer(
    help="Network analyses of the graph (NetworkX): centrality, communities, brokers, lookup.",
    no_args_is_help=True,
)
app.add_typer(analyze_app, name="analyze")


def _analysis_table(df, fmt: str) -> str:  # type: ignore[no-untyped-def]
    from kg.query import TABLE_FORMATS, format_table

    if fmt not in TABLE_FORMATS:
        raise _fail(f"unknown format {fmt!r}; use one of {', '.join(TABLE_FORMATS)}")
    return format_table(df, fmt)


@analyze_app.command("centrality")
def analyze_centrality_command(
    type_: str = typer.Option(None, "--type", "-t", help="Rank only this class: Company, Person, Park, Initiative ... (Organization = all six organisation classes)."),
    top: int = typer.Option(10, "--top", "-k", min=1, help="How many entities to list."),
    by: str = typer.Option("pagerank", "--by", help="Sort on pagerank, betweenness or degree."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, json or markdown."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
) -> None:
    """Most central entities: degree (distinct neighbours), betweenness and PageRank.

    Scores are computed on the whole graph (undirected), then ranked within --type.
    Example: kg analyze centrality --type Company --top 10
    """
    kg = _open(store)
    try:
        df = kg.centrality(type=type_, top=top, by=by)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    # (namesakes, two people of one name, are told apart by their IRIs: the column comes when labels repeat)
    typer.echo(_analysis_table(df if df["label"].duplicated().any() else df.drop(columns=["iri"]), fmt))


@analyze_app.command("communities")
def analyze_communities_command(
    seed: int = typer.Option(42, "--seed", help="Leiden random seed (same seed, same answer)."),
    resolution: float = typer.Option(1.0, "--resolution", help="Above 1: smaller communities; below 1: larger."),
    members: int = typer.Option(8, "--members", min=1, help="Members shown per community."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, json or markdown."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
) -> None:
    """Leiden communities, each described by its most connected members and dominant industries."""
    from kg.analyse.communities import communities_table

    kg = _open(store)
    try:
        found = kg.communities(seed=seed, resolution=resolution)
    except ValueError as exc:  # (a resolution of 0 or below, nan)
        raise _fail(f"--resolution: {exc}") from None
    typer.echo(_analysis_table(communities_table(found, members=members), fmt))


@analyze_app.command("brokers")
def analyze_brokers_command(
    min_initiatives: int = typer.Option(2, "--min", min=1, help="Least number of initiatives a firm must link."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, json or markdown."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
) -> None:
    """Firms that link initiatives (firm–initiative bipartite network), by number and betweenness.

    A firm is tied to an initiative when both meet at an event: the firm took
    part in it, invests in a project signed there, or sits in the park where it
    was held, and the event launched the initiative.
    """
    kg = _open(store)
    typer.echo(_analysis_table(kg.brokers(min_initiatives=min_initiatives).drop(columns=["iri"]), fmt))


@analyze_app.command("lookup")
def analyze_lookup_command(
    name: str = typer.Argument(..., help="A label or alias; Traditional script and full-width punctuation are accepted."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
) -> None:
    """Find an entity by any of its names; suggests close names when none matches, lists the
    candidates (exit 1) when several entities have the name."""
    from kg.analyse.lookup import EntityLookupError

    kg = _open(store)
    G = kg.to_networkx()
    try:
        found = [kg.lookup(name)]
    except EntityLookupError as exc:
        raise _fail(str(exc), 1) from None
    for m in found:
        node = G.nodes[m.iri]
        typer.echo(f"{m.label}  [{m.type}]  {m.iri}")
        if m.aliases:
            typer.echo(f"    aliases: {'、'.join(m.aliases)}")
        typer.echo(f"    articles: {', '.join(node.get('articles', []))}")


@app.command("path")
def path_command(
    a: str = typer.Argument(..., help="First entity (label or alias)."),
    b: str = typer.Argument(..., help="Second entity (label or alias)."),
    limit: int = typer.Option(3, "--limit", "-n", min=1, help="At most this many equally short paths."),
    avoid: str = typer.Option("", "--avoid", help="Comma-separated classes not to walk through, e.g. Place,Industry."),
    evidence: bool = typer.Option(True, "--evidence/--no-evidence", help="Print the source sentence of each hop."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
) -> None:
    """Shortest paths between two entities, each hop's relation (arrow = stored direction) and evidence sentence."""
    from kg.analyse import checks
    from kg.analyse.lookup import EntityLookupError

    try:
        avoid_types = checks.classes(avoid)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    kg = _open(store)
    try:
        paths = kg.path(a, b, limit=limit, avoid=avoid_types)
    except EntityLookupError as exc:
        raise _fail(str(exc), 1) from None
    if not paths:
        typer.echo(f"no path between {a} and {b}")
        raise typer.Exit(1)
    if not paths[0].hops:  # both names are one entity's
        entity = kg.to_networkx().nodes[paths[0].origin]
        typer.echo(f"{a} and {b} name the same entity: {entity.get('label', '')}  [{entity.get('type', '')}]  {paths[0].origin}")
        return
    for i, p in enumerate(paths, 1):
        typer.echo(f"path {i} ({len(p.hops)} hop{'s' if len(p.hops) != 1 else ''}):")
        typer.echo(p.describe(evidence=evidence))
        typer.echo("")



@app.command("viz")
def viz_command(
    output: _Path = typer.Option(_Path("out/graph.html"), "-o", "--output", help="The HTML file to write."),
    focus: str = typer.Option(None, "--focus", help="Draw only this entity's neighbourhood (label or alias)."),
    hops: int = typer.Option(None, "--hops", min=0, help="With --focus: how many steps out from the entity (default 1)."),
    types: str = typer.Option(None, "--types", help="Keep only these classes, e.g. Company,Park (Organization = all six)."),
    query: str = typer.Option(None, "--query", help="Draw the answer of a CONSTRUCT or SELECT query (.rq file, name or text)."),
    max_nodes: int = typer.Option(None, "--max-nodes", min=1, help="Keep only the N most central nodes."),
    size_by: str = typer.Option("pagerank", "--size-by", help="Node size (and --max-nodes ranking) by pagerank or degree."),
    title: str = typer.Option(None, "--title", help="Page title (default: 产业知识图谱)."),
    firms_initiatives: bool = typer.Option(False, "--firms-initiatives",
                                           help="Firms left, initiatives right, and the events, projects and parks that tie them."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
) -> None:
    """Write an interactive view of the graph: one HTML file that opens offline in any browser.

    It has a search box (Simplified or Traditional), class filters and a panel of each entity's facts and sentences."""
    from kg.analyse.lookup import EntityLookupError
    from kg.query import QueryError

    for option, value in (("--focus", focus), ("--types", types), ("--query", query)):
        if value is not None and not value.strip():  # (an empty one drew the whole graph, as if not given)
            raise _fail(f"{option} is empty: give a value or leave the option out")
    if hops is not None and focus is None:  # (it was ignored)
        raise _fail("--hops counts steps out from --focus: give --focus too")
    kg = _open(store)
    try:
        if firms_initiatives and query:
            raise ValueError("--firms-initiatives draws the whole graph's firms and initiatives: leave out --query")
        view = kg.drawing(query, focus=focus, hops=1 if hops is None else hops, types=types, max_nodes=max_nodes, size_by=size_by, title=title,
                          firms_initiatives=firms_initiatives)
    except EntityLookupError as exc:
        raise _fail(str(exc), 1) from None
    except (QueryError, ValueError) as exc:
        raise _fail(str(exc)) from None
    path = view.save(output)
    if view.nodes == 0:
        why = ("a SELECT query must return IRIs, e.g. ?entity rather than its label" if query else
               "no entity of the classes kept" if types else "the graph has no entities")
        typer.echo(f"warning: nothing to draw ({why})", err=True)
    if view.message():
        typer.echo(view.message())
    typer.echo(f"wrote {path} ({view.nodes} nodes, {view.edges} edges, {len(view.html) / 1e6:.1f} MB, {view.seconds:.2f} s)")


