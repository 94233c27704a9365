"""kg query, queries, showcase, serve: asking the graph."""

from __future__ import annotations

from pathlib import Path as _Path
from typing import TYPE_CHECKING

import typer

from kg.cli.app import (
    _DEFAULT_STORE,
    _STORE_HELP,
    _check_choice,
    _fail,
    _open,
    _shown,
    _summary_lines,
    app,
)

if TYPE_CHECKING:
    from kg.library import QueryInfo


def _params(items: list[str]) -> dict[str, object]:
    from kg.query_params import number_or_text

    out: dict[str, object] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise _fail(f"--param needs NAME=VALUE, got {item!r}")
        name = key.strip()
        if name in out:  # (the last one was used, the others dropped unsaid)
            raise _fail(f"--param {name} is given twice; a parameter takes one value")
        number = number_or_text(value.strip())  # (spaces around digits are no text; around text, kept)
        out[name] = number if isinstance(number, int) else value
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
    from kg.query import (
        TABLE_FORMATS,
        AmbiguousParameter,
        QueryError,
        answer,
        format_table,
    )

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
    except KeyboardInterrupt:  # Ctrl-C: the query thread is abandoned, the process ends at once ("interrupted")
        raise typer.Exit(130) from None
    cut = 0
    if limit is not None and len(found.rows) > limit:
        cut, found.rows = len(found.rows) - limit, found.rows[:limit]
    text = format_table(found, fmt, excel=excel)
    if excel:
        import sys

        sys.stdout.buffer.write(("\ufeff" + text).replace("\n", "\r\n").encode("utf-8"))
        sys.stdout.flush()
    else:
        typer.echo(text, nl=not text.endswith("\n"))  # (CSV ends its last row itself)
    if cut:
        typer.echo(f"({cut} more row{'s' if cut != 1 else ''} not shown: --limit {limit})", err=True)
    if not found.rows and getattr(found, "unknown", None):  # (an answer of rows: the name was not needed)
        for param, name in found.unknown:
            typer.echo(f"warning: no entity is named {name} (parameter {param}); see kg analyze lookup {name}", err=True)
        raise typer.Exit(1)


@app.command("serve")
def serve_command(
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(7878, "--port", help="Port to listen on."),
    timeout: float = typer.Option(None, "--timeout", help="Per-request query time limit in seconds (default 30)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log every request."),
    cors: str = typer.Option(None, "--cors", help="Let web pages of this origin (or * for any) read the answers (default: none; the query page at / needs none)."),
) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint (/sparql), named queries (/queries) and a query page (/)."""
    from kg.serve import make_server

    kg = _open(store)
    try:
        server = make_server(kg, host, port, timeout, verbose, cors)  # (each request reads the store's current version)
    except OSError as exc:
        raise _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise _fail(f"{exc}") from None
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
    """List the named queries and the questions they answer, by name (yours marked with their file; one of a shipped name replaces it)."""
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
    rows: int = typer.Option(25, "--rows", min=0, help="Show the first N rows of each answer (0: all; kg query NAME gives one whole)."),
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
    if fmt == "json":  # one JSON document (text lines between the answers made it none)
        import json

        answers = []
        for q in (q for q in found if q.showcase):
            answer = kg.query(q.name)
            shown = answer.head(rows) if rows else answer
            answers.append({"name": q.name, "title": q.title, "question": q.question, "total": len(answer),
                            "rows": json.loads(format_table(shown, "json"))})
        typer.echo(json.dumps({"store": _shown(store), "summary": _summary_lines(kg), "answers": answers},
                              ensure_ascii=False, indent=1))
        return
    typer.echo(f"Knowledge graph at {_shown(store)}")
    for line in _summary_lines(kg):
        typer.echo(f"  {line}")
    for q in found:
        if not q.showcase:
            continue
        typer.echo("")
        typer.echo(f"== {q.title} ({q.name})")
        typer.echo(f"   {q.question}")
        answer = kg.query(q.name)
        shown = answer.head(rows) if rows else answer  # an archive's timeline runs to tens of thousands of rows
        typer.echo(format_table(shown, fmt, total=len(answer)))
        if len(shown) < len(answer):
            if fmt != "table":  # (a text table says so in its last line)
                typer.echo(f"(the first {len(shown)} of {len(answer):,} rows)")
            typer.echo(f"(all of them: {_whole_answer(q, store, fmt)})")


def _whole_answer(q: QueryInfo, store: str, fmt: str) -> str:
    """The ``kg query`` command that gives a showcase answer whole (the same store, format and folder)."""
    import shlex

    from kg.query import QUERIES_DIR

    cmd = ["kg", "query", q.name]
    if store != str(_DEFAULT_STORE):
        cmd += ["--store", store]
    if q.path.parent != QUERIES_DIR:
        cmd += ["--queries", str(q.path.parent)]
    if fmt != "table":
        cmd += ["-f", fmt]
    return shlex.join(cmd)
