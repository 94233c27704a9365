"""kg eval: scoring extraction against gold facts."""

from __future__ import annotations

from enum import Enum  # noqa: E402 - kept in this section
from pathlib import Path  # noqa: E402

import typer

from kg.cli.app import (
    _check_choice,
    app,
)


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
    from kg.evaluate import (
        SET_NAMES,
        EvalReport,
        default_paths,
        evaluate,
        evaluate_set,
        set_paths,
    )

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
    try:
        if set_name is not None:
            report = evaluate_set(set_name)
        elif gold is None and articles is None:
            report = evaluate_set("seeds")
        else:
            report = evaluate(gold_dir, articles_dir, grouped=groups)
    except (ValueError, FileNotFoundError) as exc:  # a gold file that is none, no gold files
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    failed = [score for score in report.articles if score.error]
    for score in failed:
        typer.echo(f"warning: {score.doc} scored as empty: {score.error}", err=True)
    typer.echo(report.to_json(verbose) if fmt == EvalFormat.json.value else report.to_table(verbose))
    if failed:  # (the scores stand, with these articles' facts all missed: some inputs failed)
        raise typer.Exit(1)


