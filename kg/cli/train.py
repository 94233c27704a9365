"""kg train: fit the learned relation component, or cross-validate it (needs the ``train`` extra)."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli.app import app


@app.command("train")
def train_command(
    cv: bool = typer.Option(
        False, "--cv", help="Leave-one-region-group-out cross-validation instead: rules alone vs rules + model."
    ),
    groups: str = typer.Option(None, "--groups", help="With --cv: the held-out groups, comma-separated (default: ks,sz,js,yd,cn)."),
    output: Path = typer.Option(None, "-o", "--output", help="Model file to write (default: the package's kg/data/models/relations.json)."),
) -> None:
    """Fit the learned relation component on the allowed gold articles (seeds, dev, devcorpus,
    fresh fr_d01-73; never the hold-out) and write its JSON model; deterministic."""
    try:
        import sklearn  # noqa: F401
    except ImportError:
        typer.echo("error: kg train needs scikit-learn: pip install 'chanye-kg[train]'", err=True)
        raise typer.Exit(2) from None
    from kg.learn.corpus import GROUPS
    from kg.learn.train import load_examples, train, write_model

    chosen = None
    if groups is not None:
        chosen = [g.strip() for g in groups.split(",") if g.strip()]
        unknown = [g for g in chosen if g not in GROUPS]
        if unknown or not chosen:
            typer.echo(f"error: unknown group {', '.join(unknown) or repr(groups)}; use some of {', '.join(GROUPS)}", err=True)
            raise typer.Exit(2)
    if groups is not None and not cv:
        typer.echo("error: --groups goes with --cv", err=True)
        raise typer.Exit(2)
    examples = load_examples()
    if cv:
        from kg.learn.cv import cross_validate, table

        typer.echo(table(cross_validate(examples, chosen)))
        return
    model = train(examples)
    path = write_model(model, output)
    on = [f"{p} add>={t['add']}" for p, t in model["thresholds"].items() if t["add"] is not None]
    on += [f"{p} remove<{t['remove']}" for p, t in model["thresholds"].items() if t["remove"] is not None]
    typer.echo(f"wrote {path}: {len(model['weights'])} weights from {model['articles']} articles; "
               f"thresholds: {', '.join(on) or 'none (the model abstains)'}")
