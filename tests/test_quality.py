"""Regression guard: the real extraction of the seeds must not fall below eval/thresholds.toml."""

from __future__ import annotations

import json
import tomllib

import pytest

from conftest import GOLD, ROOT, SEEDS
from kg.evaluate import EvalReport, evaluate

THRESHOLDS = ROOT / "eval" / "thresholds.toml"


@pytest.fixture(scope="module")
def report() -> EvalReport:
    return evaluate(GOLD, SEEDS)


def test_every_seed_article_builds(report: EvalReport):
    assert len(report.articles) == len(list(GOLD.glob("*.json")))
    assert [a.error for a in report.articles if a.error] == []


@pytest.mark.parametrize("figure", ["entities_top", "relations"])
def test_micro_f1_does_not_regress(report: EvalReport, figure: str):
    config = tomllib.loads(THRESHOLDS.read_text(encoding="utf-8"))
    threshold = float(config["micro_f1"][figure])
    tolerance = float(config.get("tolerance", 0.03))
    total = report.entity_total("top") if figure == "entities_top" else report.relation_total()
    assert total.f1 >= threshold - tolerance, (
        f"{figure} micro F1 {total.f1:.3f} fell below {threshold:.3f} - {tolerance}"
    )


def test_kg_eval_command_prints_the_same_scores(tmp_path):
    """`kg eval --format json` on one seed gives the scores of the API."""
    from typer.testing import CliRunner

    from kg.cli import app

    gold = sorted(GOLD.glob("*.json"))[0]
    (tmp_path / gold.name).write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--gold", str(tmp_path), "--articles", str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    expected = evaluate(tmp_path, SEEDS)
    assert data["total"]["relations"]["micro"]["f1"] == round(expected.relation_total().f1, 4)
    assert data["total"]["entities"]["top"]["micro"]["tp"] == expected.entity_total("top").tp
