"""kg merge, alias, rename, retype, drop: the user's corrections (kg.curation)."""

from __future__ import annotations

from pathlib import Path as _Path

import typer

from kg.cli.app import (
    _DEFAULT_STORE,
    _STORE_HELP,
    _fail,
    _warnings,
    app,
)

_TYPE_HELP = "Among entities of this name, the one of this class (or Organization)."
_CURATION_HELP = "The curation file to write (default: curation.toml beside the store)."


def _curate(op: str, store: str, curation: _Path | None, type_: str | None, *args: str) -> None:
    """Write one rule and rewrite the store; an ambiguous or unknown name is exit 1 with the candidates."""
    from kg import curation as cur
    from kg.archive import ArchiveError
    from kg.store import StoreError

    for arg in args:  # a name the user typed: said as theirs (not as a rule of the file), exit 2
        if not arg.strip() or not cur.one_line(arg):
            raise _fail(f"{arg!r} is no name: a name is non-empty text without line breaks or control characters")
    try:
        cur.check_type(type_)
    except cur.CurationError as exc:
        raise _fail(str(exc)) from None
    try:
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
    keep: str = typer.Argument(..., help="The entity kept (label, alias or IRI; its label, class and IRI stay)."),
    others: list[str] = typer.Argument(..., help="Entities merged into it (labels, aliases or IRIs; their facts, evidence and names move to it)."),
    type_: str = typer.Option(None, "--type", "-t", help=_TYPE_HELP),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    curation: _Path = typer.Option(None, "--curation", help=_CURATION_HELP),
) -> None:
    """Merge entities that are one thing (written to the curation file, applied at every build and add)."""
    _curate("merge", store, curation, type_, keep, *others)


@app.command("alias")
def alias_command(
    entity: str = typer.Argument(..., help="The entity (label, alias or IRI)."),
    names: list[str] = typer.Argument(..., help="More names for it."),
    type_: str = typer.Option(None, "--type", "-t", help=_TYPE_HELP),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    curation: _Path = typer.Option(None, "--curation", help=_CURATION_HELP),
) -> None:
    """Give an entity more names (kept in the curation file)."""
    _curate("alias", store, curation, type_, entity, *names)


@app.command("rename")
def rename_command(
    entity: str = typer.Argument(..., help="The entity (label, alias or IRI)."),
    label: str = typer.Argument(..., help="Its new label (the old one stays an alias)."),
    type_: str = typer.Option(None, "--type", "-t", help=_TYPE_HELP),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    curation: _Path = typer.Option(None, "--curation", help=_CURATION_HELP),
) -> None:
    """Give an entity a new label (kept in the curation file)."""
    _curate("rename", store, curation, type_, entity, label)


@app.command("retype")
def retype_command(
    entity: str = typer.Argument(..., help="The entity (label, alias or IRI)."),
    cls: str = typer.Argument(..., help="Its class: Company, Person, Park, ResearchInstitute …"),
    type_: str = typer.Option(None, "--type", "-t", help=_TYPE_HELP),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    curation: _Path = typer.Option(None, "--curation", help=_CURATION_HELP),
) -> None:
    """Give an entity another class (kept in the curation file)."""
    _curate("retype", store, curation, type_, entity, cls)


@app.command("drop")
def drop_command(
    entity: str = typer.Argument(..., help="The entity (label, alias or IRI)."),
    type_: str = typer.Option(None, "--type", "-t", help=_TYPE_HELP),
    store: str = typer.Option(str(_DEFAULT_STORE), "--store", help=_STORE_HELP),
    curation: _Path = typer.Option(None, "--curation", help=_CURATION_HELP),
) -> None:
    """Take an entity and its facts out of the graph (kept in the curation file)."""
    _curate("drop", store, curation, type_, entity)


