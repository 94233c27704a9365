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
)

# ---------------------------------------------------------------- build / export / query

# ---------------------------------------------------------------- eval

# ---------------------------------------------------------------- analyze / path

# ---------------------------------------------------------------- viz


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
