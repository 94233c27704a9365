"""The ``kg`` command line: a thin typer layer over :mod:`kg.api`.

Each command parses its options, calls the API, and prints. No pipeline logic
lives here. Sections are kept apart so that each part of the tool adds its
commands in its own block.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="kg",
    help="Chanye KG: Chinese industry news to an RDF knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # main() turns unexpected errors into one line (exit 3)
)

def _version(value: bool) -> None:
    if value:
        from kg import __version__

        typer.echo(f"chanye-kg {__version__}")
        raise typer.Exit()


@app.callback()
def _main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Chanye KG: Chinese industry news to an RDF knowledge graph."""


# ---------------------------------------------------------------- build / export / query

from collections.abc import Iterable  # noqa: E402 - kept in this section
from pathlib import Path as _Path  # noqa: E402

_STORE_HELP = "Store: a directory (on-disk Oxigraph store) or a SPARQL server (http://host:port, or http://host:port/dataset)."
_DEFAULT_STORE = _Path("out/store")


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _check_choice(what: str, value: str | None, allowed: "Iterable[str]") -> None:
    """One error line naming the allowed values when ``value`` is not one of them."""
    allowed = list(allowed)
    if value is not None and value not in allowed:
        raise _fail(f"unknown {what} {value!r}; use one of {', '.join(allowed)}")


def _open(store: str):  # type: ignore[no-untyped-def]
    from kg.api import KnowledgeGraph
    from kg.store import StoreError

    try:
        return KnowledgeGraph.open(store)
    except StoreError as exc:
        raise _fail(str(exc)) from None


def _summary_lines(kg) -> list[str]:  # type: ignore[no-untyped-def]
    s = kg.summary()
    ents = s["entities"]
    per_type = ", ".join(f"{t} {n}" for t, n in sorted(ents.items()))
    return [
        f"articles: {s['articles']}",
        f"entities: {sum(ents.values())} ({per_type})",
        f"relations: {s['relations']}",
        f"triples: {s['triples']}",
    ]


@app.command("build")
def build_command(
    paths: list[_Path] = typer.Argument(..., help="Article files or folders (.txt, .html)."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    output: _Path = typer.Option(None, "-o", "--output", help="Write just these articles' graph to FILE (.ttl .nt .trig .nq .jsonld) instead of the store."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Extract in N processes."),
    replace: bool = typer.Option(False, "--replace", help="Replace a store that holds other articles (else: use kg add)."),
    scheduler: str = typer.Option(None, "--scheduler", help="Extract on a Dask cluster: its scheduler, e.g. tcp://host:8786."),
    dask: int = typer.Option(None, "--dask", min=1, help="Extract on a local Dask cluster of N workers."),
    curation: _Path = typer.Option(None, "--curation", help="Curation file to apply (default: curation.toml beside the store, if any)."),
) -> None:
    """Build the knowledge graph from articles (replaces the store atomically)."""
    from kg.api import BuildError, KnowledgeGraph
    from kg.curation import CurationError
    from kg.store import StoreError, rdf_format

    if output is None and not replace:
        _refuse_to_drop(paths, store)

    if output is not None:
        try:
            rdf_format(output)
        except ValueError as exc:
            raise _fail(str(exc)) from None
    from kg.progress import BuildProgress

    try:
        with BuildProgress() as progress:  # drawn on a terminal only; piped output stays quiet
            kg = KnowledgeGraph.build(paths, store=None if output else store, jobs=jobs, cluster=scheduler or dask,
                                      curation=curation, progress=progress)
    except BuildError as exc:
        for path, reason in exc.report.failures:
            typer.echo(f"failed: {path}: {reason}", err=True)
        raise _fail(str(exc)) from None
    except (StoreError, CurationError) as exc:
        raise _fail(str(exc)) from None
    if output is not None:
        kg.export(output)
        typer.echo(f"wrote {output} ({len(kg.report.articles)} articles, {time_s(kg.report.seconds)})")
    else:
        typer.echo(f"built {_shown(store)} ({len(kg.report.articles)} articles, {time_s(kg.report.seconds)})")
    for line in _summary_lines(kg):
        typer.echo(line)
    _warnings(kg)
    for path, reason in kg.report.failures:
        typer.echo(f"failed: {path}: {reason}", err=True)
    if kg.report.failures:
        raise typer.Exit(1)


def _warnings(kg) -> None:  # type: ignore[no-untyped-def]
    for line in kg.report.warnings:
        typer.echo(f"warning: {line}", err=True)


def _refuse_to_drop(paths: list[_Path], store: str) -> None:
    """``kg build`` into a store holding articles that are not among ``paths``: say so, change nothing."""
    from kg.incremental import current_articles
    from kg.read import ReadFailure, article_files

    from kg.remote import is_remote

    if is_remote(store):
        return
    held = set(current_articles(_Path(store).absolute()).values())
    if not held:
        return
    given = {p.name for p in article_files(paths) if not isinstance(p, ReadFailure)}
    if not given:
        return  # nothing to read: the build itself says so and leaves the store alone
    dropped = sorted(held - given)
    if dropped:
        shown = ", ".join(dropped[:5]) + (", …" if len(dropped) > 5 else "")
        raise _fail(f"{store} holds {len(dropped)} article{'s' if len(dropped) != 1 else ''} not in this build ({shown}): "
                    f"use kg add to add articles, or --replace to replace the store")


@app.command("add")
def add_command(
    paths: list[_Path] = typer.Argument(..., help="Article files or folders to add (same file name: replaced)."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Extract in N processes."),
    curation: _Path = typer.Option(None, "--curation", help="Curation file to apply (default: curation.toml beside the store, if any)."),
) -> None:
    """Add articles to the store, extracting only them (the rest is kept; the curation is applied again)."""
    from kg.api import BuildError, add
    from kg.archive import ArchiveError
    from kg.curation import CurationError
    from kg.store import StoreError

    try:
        kg = add(paths, store, jobs, curation)
    except BuildError as exc:
        for path, reason in exc.report.failures:
            typer.echo(f"failed: {path}: {reason}", err=True)
        raise _fail(str(exc)) from None
    except (ArchiveError, StoreError, CurationError) as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"updated {_shown(store)} ({len(kg.report.articles)} articles, {time_s(kg.report.seconds)})")
    _warnings(kg)
    for path, reason in kg.report.failures:
        typer.echo(f"failed: {path}: {reason}", err=True)
    if kg.report.failures:
        raise typer.Exit(1)


@app.command("remove")
def remove_command(
    articles: list[str] = typer.Argument(..., help="Articles to take out: file names (e.g. 003_x.txt) or article IRIs."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    curation: _Path = typer.Option(None, "--curation", help="Curation file to apply (default: curation.toml beside the store, if any)."),
) -> None:
    """Take articles out of the store without re-extracting the others (the curation is applied again)."""
    from kg.api import remove
    from kg.archive import ArchiveError
    from kg.store import StoreError

    try:
        kg = remove(articles, store, curation)
    except (ArchiveError, StoreError, ValueError) as exc:  # CurationError is a ValueError
        raise _fail(str(exc)) from None
    typer.echo(f"updated {_shown(store)} ({len(kg.report.articles)} articles left)")
    _warnings(kg)


def _shown(store: str) -> str:
    """The store as printed: a SPARQL server's address without its ``user:password@``."""
    from kg.remote import split_credentials, is_remote

    return split_credentials(store)[0] if is_remote(store) else store


def time_s(seconds: float) -> str:
    return f"{seconds:.1f} s"


@app.command("export")
def export_command(
    file: _Path = typer.Argument(..., help="Output file (a folder for neo4j); the format follows the extension."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    fmt: str = typer.Option(None, "--format", help="ttl, nt, trig, nq, jsonld, graphml, gexf or neo4j (default: from the extension)."),
) -> None:
    """Export the graph: RDF (.ttl .nt .trig .nq .jsonld), Gephi (.graphml .gexf) or Neo4j import CSVs (a folder).

    Examples: kg export out/graph.gexf; kg export out/neo4j --format neo4j
    """
    from kg.export import export_format

    try:
        chosen = export_format(file, fmt)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    kg = _open(store)
    path = kg.export(file, chosen)
    typer.echo(f"wrote {path}")
    if chosen == "neo4j":
        typer.echo(f"load it with: sh {path / 'import.sh'}  (neo4j-admin database import full, into an empty database)")


@app.command("load")
def load_command(
    files: list[_Path] = typer.Argument(..., help="RDF files (.ttl .nt .trig .nq .jsonld), e.g. from `kg export`."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
) -> None:
    """Bulk-load RDF files as the store (replaces it atomically)."""
    import time

    from kg.api import KnowledgeGraph
    from kg.store import StoreError

    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise _fail(f"no such file: {', '.join(missing)}")
    started = time.perf_counter()
    try:
        kg = KnowledgeGraph.load(files, store)
    except (StoreError, ValueError) as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"loaded {store} ({len(kg.dataset):,} quads from {len(files)} file{'s' if len(files) != 1 else ''}, "
               f"{time_s(time.perf_counter() - started)})")


def _params(items: list[str]) -> dict[str, object]:
    out: dict[str, object] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise _fail(f"--param needs NAME=VALUE, got {item!r}")
        out[key.strip()] = int(value) if value.strip().isdigit() else value
    return out


@app.command("query")
def query_command(
    query: str = typer.Argument(..., help="A named query (see `kg queries`), a .rq file, or SPARQL text."),
    param: list[str] = typer.Option([], "--param", "-p", help="NAME=VALUE, bound as a query parameter (repeatable)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, json or markdown."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    timeout: float = typer.Option(None, "--timeout", help="Stop the query after SECONDS (default 30; 0: no limit)."),
    limit: int = typer.Option(None, "--limit", min=0, help="Print at most N rows (and say how many were left out)."),
    queries: list[_Path] = typer.Option([], "--queries", help="A folder of your own named queries (.rq), beside the shipped ones (repeatable; also $KG_QUERIES)."),
    excel: bool = typer.Option(False, "--excel", help="CSV for Excel: UTF-8 with a byte-order mark, so Chinese opens right (implies -f csv)."),
) -> None:
    """Answer a SPARQL query over the store (read-only, no network calls, bounded in time).

    Example: kg query timeline --excel > timeline.csv
    """
    from kg.query import TABLE_FORMATS, AmbiguousParameter, QueryError, answer, format_table

    _check_choice("format", fmt, TABLE_FORMATS)
    if excel:
        if fmt not in ("table", "csv"):
            raise _fail(f"--excel writes CSV; drop -f {fmt} (or use -f csv)")
        fmt = "csv"
    params = _params(param)
    kg = _open(store)
    try:
        found = answer(kg.store, query, params, timeout, queries)
    except AmbiguousParameter as exc:  # a user's choice to make: exit 1, the candidates listed
        raise _fail(f"parameter {exc.param}: {exc}", 1) from None
    except QueryError as exc:
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:  # Ctrl-C: the query thread is abandoned, the process ends at once
        typer.echo("interrupted", err=True)
        raise typer.Exit(130) from None
    cut = 0
    if limit is not None and len(found.rows) > limit:
        cut, found.rows = len(found.rows) - limit, found.rows[:limit]
    text = format_table(found, fmt)
    if excel:
        import sys

        sys.stdout.buffer.write(("\ufeff" + text).replace("\n", "\r\n").encode("utf-8"))
        sys.stdout.flush()
    else:
        typer.echo(text)
    if cut:
        typer.echo(f"({cut} more row{'s' if cut != 1 else ''} not shown: --limit {limit})", err=True)


@app.command("serve")
def serve_command(
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(7878, "--port", help="Port to listen on."),
    timeout: float = typer.Option(None, "--timeout", help="Per-request query time limit in seconds (default 30)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log every request."),
) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint (/sparql), named queries (/queries) and a query page (/)."""
    from kg.serve import make_server

    kg = _open(store)
    try:
        server = make_server(kg.store, host, port, timeout, verbose)
    except OSError as exc:
        raise _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    typer.echo(f"serving {_shown(store)} at http://{host}:{server.server_address[1]}/sparql (query page: /, named queries: /queries); Ctrl-C stops")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        typer.echo("stopped", err=True)
    finally:
        server.server_close()


@app.command("queries")
def queries_command(
    queries: list[_Path] = typer.Option([], "--queries", help="A folder of your own named queries (.rq), beside the shipped ones (repeatable; also $KG_QUERIES)."),
) -> None:
    """List the named queries and the questions they answer (yours first marked with their file)."""
    from kg.query import QUERIES_DIR, QueryError, list_queries

    try:
        found = list_queries(extra=queries)
    except QueryError as exc:
        raise _fail(str(exc)) from None
    for q in found:
        params = ", ".join(p for p, _ in q.params) or "none"
        mine = "" if q.path.parent == QUERIES_DIR else f"  ({q.path})"
        typer.echo(f"{q.name}{'  [showcase]' if q.showcase else ''}{mine}")
        typer.echo(f"    {q.question or q.title}")
        typer.echo(f"    params: {params}")


@app.command("showcase")
def showcase_command(
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, json or markdown."),
    queries: list[_Path] = typer.Option([], "--queries", help="A folder of your own named queries (.rq), beside the shipped ones (repeatable; also $KG_QUERIES)."),
) -> None:
    """The graph summary and the answers to the showcase questions (yours too, with showcase: true)."""
    from kg.query import TABLE_FORMATS, QueryError, format_table, list_queries

    _check_choice("format", fmt, TABLE_FORMATS)
    try:
        found = list_queries(extra=queries)
    except QueryError as exc:
        raise _fail(str(exc)) from None
    kg = _open(store)
    kg.query_folders = list(queries)
    typer.echo(f"Knowledge graph at {_shown(store)}")
    for line in _summary_lines(kg):
        typer.echo(f"  {line}")
    for q in found:
        if not q.showcase:
            continue
        typer.echo("")
        typer.echo(f"== {q.title} ({q.name})")
        typer.echo(f"   {q.question}")
        typer.echo(format_table(kg.query(q.name), fmt))


# ---------------------------------------------------------------- eval

from enum import Enum  # noqa: E402 - kept in this section
from pathlib import Path  # noqa: E402


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("eval")
def eval_command(
    set_name: str = typer.Option(
        None,
        "--set",
        help="Evaluation set: seeds (eval/gold + seeds/), dev (eval/dev), devcorpus (eval/devcorpus), "
        "or all of them; fresh (eval/fresh) is a hold-out scored alone. Default: seeds, unless --gold/--articles are given.",
    ),
    gold: Path = typer.Option(None, "--gold", help="Folder of gold JSON files (default: the repository's eval/gold)."),
    articles: Path = typer.Option(None, "--articles", help="Folder of the articles (default: the repository's seeds)."),
    groups: bool = typer.Option(
        False, "--groups", help="With --gold/--articles: also score by region group (file-name prefix before _)."
    ),
    verbose: bool = typer.Option(
        False, "-v", "--verbose", help="Per-article scores, with the missed and spurious items of each article."
    ),
    fmt: str = typer.Option("table", "--format", help="Output format: table or json."),
) -> None:
    """Score extraction against gold facts, building each article on its own.

    The table shows the micro scores first (per set, and per region group for
    the devcorpus), then the totals by top type, exact class and property;
    per-article lines come with -v.
    """
    from kg.evaluate import SET_NAMES, EvalReport, default_paths, evaluate, evaluate_set, set_paths

    _check_choice("format", fmt, [f.value for f in EvalFormat])

    if set_name is not None and (gold is not None or articles is not None):
        typer.echo("error: give either --set or --gold/--articles, not both", err=True)
        raise typer.Exit(2)
    if set_name is not None:
        if set_name not in SET_NAMES:
            typer.echo(f"error: unknown set {set_name!r}; use one of {', '.join(SET_NAMES)}", err=True)
            raise typer.Exit(2)
        folders = [folder for pair in set_paths(set_name).values() for folder in pair]
    else:
        default_gold, default_articles = default_paths()
        gold_dir, articles_dir = gold or default_gold, articles or default_articles
        folders = [gold_dir, articles_dir]
    for folder in folders:
        if not folder.is_dir():
            typer.echo(f"error: folder not found: {folder}", err=True)
            raise typer.Exit(2)
    report: EvalReport
    if set_name is not None:
        report = evaluate_set(set_name)
    elif gold is None and articles is None:
        report = evaluate_set("seeds")
    else:
        report = evaluate(gold_dir, articles_dir, grouped=groups)
    for score in report.articles:
        if score.error:
            typer.echo(f"warning: {score.doc} scored as empty: {score.error}", err=True)
    typer.echo(report.to_json(verbose) if fmt == EvalFormat.json.value else report.to_table(verbose))


# ---------------------------------------------------------------- analyze / path

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
    typer.echo(_analysis_table(df.drop(columns=["iri"]), fmt))


@analyze_app.command("communities")
def analyze_communities_command(
    seed: int = typer.Option(42, "--seed", help="Leiden random seed (same seed, same answer)."),
    resolution: float = typer.Option(1.0, "--resolution", help="Above 1: smaller communities; below 1: larger."),
    members: int = typer.Option(8, "--members", help="Members shown per community."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, json or markdown."),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
) -> None:
    """Leiden communities, each described by its most connected members and dominant industries."""
    from kg.analyse.communities import communities_table

    kg = _open(store)
    typer.echo(_analysis_table(communities_table(kg.communities(seed=seed, resolution=resolution), members=members), fmt))


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
    from kg.analyse.lookup import EntityLookupError

    from kg.model import ENTITY_TYPES

    avoid_types = tuple(t.strip() for t in avoid.split(",") if t.strip())
    classes = [*ENTITY_TYPES, "Organization"]
    for name in avoid_types:
        _check_choice("class", name, classes)
    kg = _open(store)
    try:
        paths = kg.path(a, b, limit=limit, avoid=avoid_types)
    except EntityLookupError as exc:
        raise _fail(str(exc), 1) from None
    if not paths:
        typer.echo(f"no path between {a} and {b}")
        raise typer.Exit(1)
    for i, p in enumerate(paths, 1):
        typer.echo(f"path {i} ({len(p.hops)} hop{'s' if len(p.hops) != 1 else ''}):")
        typer.echo(p.describe(evidence=evidence))
        typer.echo("")

# ---------------------------------------------------------------- curation (kg.curation)

_TYPE_HELP = "Among entities of this name, the one of this class (or Organization)."
_CURATION_HELP = "The curation file to write (default: curation.toml beside the store)."


def _curate(op: str, store: str, curation: _Path | None, type_: str | None, *args: str) -> None:
    """Write one rule and rewrite the store; an ambiguous or unknown name is exit 1 with the candidates."""
    from kg import curation as cur
    from kg.archive import ArchiveError
    from kg.store import StoreError

    try:
        cur.check_type(type_)
        kg = getattr(cur, op)(store, *args, type=type_, curation=curation)
    except cur.CurationError as exc:
        raise _fail(str(exc), 1) from None
    except (ArchiveError, StoreError) as exc:
        raise _fail(str(exc)) from None
    file = curation or cur.default_path(store)
    typer.echo(f"wrote {file}; updated {store} ({len(kg.report.articles)} articles)")
    _warnings(kg)


@app.command("merge")
def merge_command(
    keep: str = typer.Argument(..., help="The entity kept (its label and class stay)."),
    others: list[str] = typer.Argument(..., help="Entities merged into it (their facts, evidence and names move to it)."),
    type_: str = typer.Option(None, "--type", "-t", help=_TYPE_HELP),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    curation: _Path = typer.Option(None, "--curation", help=_CURATION_HELP),
) -> None:
    """Merge entities that are one thing (written to the curation file, applied at every build and add)."""
    _curate("merge", store, curation, type_, keep, *others)


@app.command("alias")
def alias_command(
    entity: str = typer.Argument(..., help="The entity (label or alias)."),
    names: list[str] = typer.Argument(..., help="More names for it."),
    type_: str = typer.Option(None, "--type", "-t", help=_TYPE_HELP),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    curation: _Path = typer.Option(None, "--curation", help=_CURATION_HELP),
) -> None:
    """Give an entity more names (kept in the curation file)."""
    _curate("alias", store, curation, type_, entity, *names)


@app.command("rename")
def rename_command(
    entity: str = typer.Argument(..., help="The entity (label or alias)."),
    label: str = typer.Argument(..., help="Its new label (the old one stays an alias)."),
    type_: str = typer.Option(None, "--type", "-t", help=_TYPE_HELP),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    curation: _Path = typer.Option(None, "--curation", help=_CURATION_HELP),
) -> None:
    """Give an entity a new label (kept in the curation file)."""
    _curate("rename", store, curation, type_, entity, label)


@app.command("retype")
def retype_command(
    entity: str = typer.Argument(..., help="The entity (label or alias)."),
    cls: str = typer.Argument(..., help="Its class: Company, Person, Park, ResearchInstitute …"),
    type_: str = typer.Option(None, "--type", "-t", help=_TYPE_HELP),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    curation: _Path = typer.Option(None, "--curation", help=_CURATION_HELP),
) -> None:
    """Give an entity another class (kept in the curation file)."""
    _curate("retype", store, curation, type_, entity, cls)


@app.command("drop")
def drop_command(
    entity: str = typer.Argument(..., help="The entity (label or alias)."),
    type_: str = typer.Option(None, "--type", "-t", help=_TYPE_HELP),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    curation: _Path = typer.Option(None, "--curation", help=_CURATION_HELP),
) -> None:
    """Take an entity and its facts out of the graph (kept in the curation file)."""
    _curate("drop", store, curation, type_, entity)


# ---------------------------------------------------------------- viz


@app.command("viz")
def viz_command(
    output: _Path = typer.Option(_Path("out/graph.html"), "-o", "--output", help="The HTML file to write."),
    focus: str = typer.Option(None, "--focus", help="Draw only this entity's neighbourhood (label or alias)."),
    hops: int = typer.Option(1, "--hops", min=0, help="With --focus: how many steps out from the entity."),
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

    kg = _open(store)
    try:
        if firms_initiatives and query:
            raise ValueError("--firms-initiatives draws the whole graph's firms and initiatives: leave out --query")
        view = kg.drawing(query, focus=focus, hops=hops, types=types, max_nodes=max_nodes, size_by=size_by, title=title,
                          firms_initiatives=firms_initiatives)
    except EntityLookupError as exc:
        raise _fail(str(exc), 1) from None
    except (QueryError, ValueError) as exc:
        raise _fail(str(exc)) from None
    path = view.save(output)
    if view.nodes == 0:
        typer.echo("warning: nothing to draw (a SELECT query must return IRIs, e.g. ?entity rather than its label)", err=True)
    if view.message():
        typer.echo(view.message())
    typer.echo(f"wrote {path} ({view.nodes} nodes, {view.edges} edges, {len(view.html) / 1e6:.1f} MB, {view.seconds:.2f} s)")


#: Exit codes (README): 0 ok, 1 some inputs failed, 2 usage error or nothing done, 3 internal error.
EXIT_INTERNAL = 3


def _usage_error(exc: BaseException) -> bool:
    """Say a click usage error (unknown command or option, missing argument, a value of the wrong
    type) in one ``error:`` line; the bare ``kg`` or ``kg analyze`` prints the help as before.

    Recognised by shape, not class: typer vendors its own copy of click's exceptions."""
    if not (hasattr(exc, "format_message") and isinstance(getattr(exc, "exit_code", None), int)):
        return False
    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
        text = ctx.get_help()  # typer's rich help prints itself and returns ""
        if text:
            typer.echo(text, err=True)
        return True
    where = f" (see {ctx.command_path} --help)" if ctx is not None else ""
    message = " ".join(str(exc.format_message()).split())  # type: ignore[attr-defined]
    typer.echo(f"error: {message}{where}", err=True)
    return True


def main() -> None:
    """Console entry: the app, with expected OS failures and internal errors as one line each.

    ``--debug`` anywhere on the command line shows the traceback instead.
    """
    import sys

    debug = "--debug" in sys.argv[1:]
    if debug:
        sys.argv.remove("--debug")
    try:
        code = app(standalone_mode=False)  # usage errors come back here, to be said in one line
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise SystemExit(130) from None
    except OSError as exc:  # disk full, permissions, a folder where a file was expected …
        if debug:
            raise
        where = f": {exc.filename}" if getattr(exc, "filename", None) else ""
        typer.echo(f"error: {exc.strerror or exc}{where}", err=True)
        raise SystemExit(2) from None
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if _usage_error(exc):
            raise SystemExit(exc.exit_code) from None  # type: ignore[attr-defined]
        if type(exc).__name__ == "Abort":  # click's Ctrl-C at a prompt
            typer.echo("interrupted", err=True)
            raise SystemExit(130) from None
        if debug:
            raise
        first = (str(exc).strip().splitlines() or [""])[0][:200]
        typer.echo(f"internal error: {type(exc).__name__}: {first} (rerun with --debug for the traceback)", err=True)
        raise SystemExit(EXIT_INTERNAL) from None
    raise SystemExit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
