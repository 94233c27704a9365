"""The ``kg`` app and what every command shares: options' help, one-line errors, opening a store."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path as _Path

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
    import pyoxigraph as ox

    from kg.store import counts

    inner = kg.store
    known = kg.report.counts  # (the writer's own, when it wrote the store: no query of it)
    if isinstance(inner, ox.Store):
        s = {**known, "triples": len(inner)} if known is not None else counts(inner)
    else:
        s = kg.summary()  # (the same counts, without pandas)
    ents = s["entities"]
    per_type = ", ".join(f"{t} {n}" for t, n in sorted(ents.items()))
    return [
        f"articles: {s['articles']}",
        f"entities: {sum(ents.values())} ({per_type})",
        f"relations: {s['relations']}",
        f"triples: {s['triples']}",
    ]


def _warnings(kg) -> None:  # type: ignore[no-untyped-def]
    for line in kg.report.warnings:
        typer.echo(f"warning: {line}", err=True)


def _shown(store: str) -> str:
    """The store as printed: a SPARQL server's address without its ``user:password@``."""
    from kg.remote import is_remote, split_credentials

    return split_credentials(store)[0] if is_remote(store) else store


def _version_of(store: str | None) -> str | None:
    """The version a local store's name points at (:mod:`kg.versions`), None for none or a server."""
    import os

    from kg.remote import is_remote

    if store is None or is_remote(store):
        return None
    try:
        return os.readlink(store)
    except OSError:
        return None


@contextmanager
def kept_if_written(store: str | None, verb: str) -> Iterator[None]:
    """Ctrl-C after the new store was swapped in (its summary not yet printed) is no interruption of
    the write: say the store was written and end with 0, not ``interrupted`` (130) over a new store."""
    before = _version_of(store)
    try:
        yield
    except KeyboardInterrupt:
        if store is not None and (after := _version_of(store)) is not None and after != before:
            typer.echo(f"{verb} {_shown(store)} (Ctrl-C came after the new store was in place: it is kept)")
            raise typer.Exit(0) from None
        raise


def time_s(seconds: float) -> str:
    return f"{seconds:.1f} s"


