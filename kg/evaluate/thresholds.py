"""The regression thresholds guarded by the test suite (``eval/thresholds.toml``) and ``python -m kg.evaluate``."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from kg.evaluate.scores import EvalReport
from kg.evaluate.sets import Builder, evaluate_set, repository_root

# ---------------------------------------------------------------- regression thresholds

#: A devcorpus property is guarded once it has at least this many gold facts.
MIN_PROPERTY_FACTS = 10
DEFAULT_TOLERANCE = 0.03


def thresholds_path() -> Path:
    return repository_root() / "eval" / "thresholds.toml"


def threshold_figures(seeds: EvalReport, devcorpus: EvalReport) -> dict[str, float]:
    """The guarded figures (micro F1), by dotted key as in ``eval/thresholds.toml``.

    Seeds and devcorpus: entities by top type and relations; each devcorpus
    property with at least :data:`MIN_PROPERTY_FACTS` gold facts; each devcorpus
    region group's entities (top) and relations.
    """
    out = {
        "seeds.entities_top": seeds.entity_total("top").f1,
        "seeds.relations": seeds.relation_total().f1,
        "devcorpus.entities_top": devcorpus.entity_total("top").f1,
        "devcorpus.relations": devcorpus.relation_total().f1,
    }
    for prop, c in sorted(devcorpus.relation_counts().items()):
        if c.tp + c.fn >= MIN_PROPERTY_FACTS:
            out[f"devcorpus.properties.{prop}"] = c.f1
    for group, report in devcorpus.by_group().items():
        out[f"devcorpus.groups.{group}.entities_top"] = report.entity_total("top").f1
        out[f"devcorpus.groups.{group}.relations"] = report.relation_total().f1
    return out


def flatten_thresholds(config: dict[str, Any], prefix: str = "") -> dict[str, float]:
    """The figures of a parsed thresholds file by dotted key (``tolerance`` left out)."""
    out: dict[str, float] = {}
    for key, value in config.items():
        if not prefix and key == "tolerance":
            continue
        if isinstance(value, dict):
            out |= flatten_thresholds(value, f"{prefix}{key}.")
        else:
            out[f"{prefix}{key}"] = float(value)
    return out


def read_thresholds(path: str | Path | None = None) -> tuple[dict[str, float], float]:
    """(figures by dotted key, tolerance) of a thresholds file."""
    import tomllib

    config = tomllib.loads(Path(path or thresholds_path()).read_text(encoding="utf-8"))
    return flatten_thresholds(config), float(config.get("tolerance", DEFAULT_TOLERANCE))


def regressions(measured: dict[str, float], recorded: dict[str, float], tolerance: float) -> list[str]:
    """One line per recorded figure that is not measured or is more than ``tolerance`` below its record."""
    out = []
    for key in sorted(recorded):
        value = measured.get(key)
        if value is None:
            out.append(f"{key}: recorded {recorded[key]:.3f} but not measured")
        elif value < recorded[key] - tolerance - 1e-9:
            out.append(f"{key}: {value:.3f} fell below {recorded[key]:.3f} - {tolerance}")
    return out


def _floor3(x: float) -> float:
    return math.floor(round(x * 1000, 6)) / 1000


def _fig(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def render_thresholds(figures: dict[str, float], tolerance: float = DEFAULT_TOLERANCE) -> str:
    """The text of ``eval/thresholds.toml`` for these figures (truncated to 3 decimals)."""

    def fig(key: str) -> str:
        return f"{_floor3(figures[key]):.3f}"

    def plain(section: str) -> list[str]:
        return [f"{k.rsplit('.', 1)[1]} = {fig(k)}" for k in figures if k.startswith(f"{section}.") and k.count(".") == 1]

    props = [k for k in figures if k.startswith("devcorpus.properties.")]
    groups = list(dict.fromkeys(k.split(".")[2] for k in figures if k.startswith("devcorpus.groups.")))
    lines = [
        "# Regression guard for tests/test_quality.py: micro F1 figures of `kg eval`.",
        "# A test fails when a measured figure drops more than `tolerance` below the",
        "# figure recorded here. Rewrite from a fresh measurement with",
        "#   python -m kg.evaluate --write-thresholds            (all figures as measured)",
        "#   python -m kg.evaluate --write-thresholds --raise-only (never lower a figure)",
        "# (figures truncated to 3 decimals); it prints what changed: review before committing.",
        f"tolerance = {tolerance}",
        "",
        "# The seed articles (eval/gold + seeds/): entities by top type, relations.",
        "[seeds]",
        *plain("seeds"),
        "",
        "# The dev corpus (eval/devcorpus/{gold,docs}), all region groups together.",
        "[devcorpus]",
        *plain("devcorpus"),
        "",
        f"# Each relation property with at least {MIN_PROPERTY_FACTS} gold facts in the dev corpus.",
        "[devcorpus.properties]",
        *[f"{k.rsplit('.', 1)[1]} = {fig(k)}" for k in props],
        "",
        "# Each region group of the dev corpus (file-name prefix before _).",
        "[devcorpus.groups]",
    ]
    for g in groups:
        cells = ", ".join(
            f"{k.rsplit('.', 1)[1]} = {fig(k)}" for k in figures if k.startswith(f"devcorpus.groups.{g}.")
        )
        lines.append(f"{g} = {{ {cells} }}")
    return "\n".join(lines) + "\n"


def measure_thresholds(build: Builder | None = None) -> dict[str, float]:
    """Build the seeds and the dev corpus and measure the guarded figures."""
    return threshold_figures(evaluate_set("seeds", build), evaluate_set("devcorpus", build))


def write_thresholds(
    path: str | Path | None = None, *, raise_only: bool = False, build: Builder | None = None
) -> list[str]:
    """Rewrite the thresholds file from a fresh measurement; returns one line per change.

    With ``raise_only`` a figure already recorded higher than the measurement is
    kept. The tolerance of an existing file is kept.
    """
    path = Path(path or thresholds_path())
    old, tolerance = read_thresholds(path) if path.is_file() else ({}, DEFAULT_TOLERANCE)
    new = {k: _floor3(v) for k, v in measure_thresholds(build).items()}
    if raise_only:
        new = {k: max(v, old.get(k, v)) for k, v in new.items()}
    changes = []
    for key in sorted(set(old) | set(new)):
        before, after = old.get(key), new.get(key)
        if before is None or after is None or abs(before - after) > 1e-9:
            changes.append(f"{key}: {_fig(before)} -> {_fig(after)}")
    path.write_text(render_thresholds(new, tolerance), encoding="utf-8")
    return changes

def main(argv: list[str] | None = None) -> int:
    """``python -m kg.evaluate [--write-thresholds [--raise-only]]``: measure the guarded figures."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m kg.evaluate", description=main.__doc__)
    parser.add_argument("--write-thresholds", action="store_true", help="rewrite eval/thresholds.toml")
    parser.add_argument("--raise-only", action="store_true", help="with --write-thresholds: never lower a figure")
    parser.add_argument("--file", type=Path, default=None, help="thresholds file (default: eval/thresholds.toml)")
    args = parser.parse_args(argv)
    path = args.file or thresholds_path()
    if args.write_thresholds:
        changes = write_thresholds(path, raise_only=args.raise_only)
        print(f"wrote {path}: {len(changes)} change(s)")
        for line in changes:
            print(f"  {line}")
        return 0
    recorded, tolerance = read_thresholds(path) if path.is_file() else ({}, DEFAULT_TOLERANCE)
    measured = measure_thresholds()
    below = {line.split(":", 1)[0] for line in regressions(measured, recorded, tolerance)}
    for key in sorted(set(recorded) | set(measured)):
        m, r = measured.get(key), recorded.get(key)
        print(f"{key:44} measured {_fig(m):>6}  recorded {_fig(r):>6}  {'BELOW' if key in below else 'ok'}")
    return 1 if below else 0
