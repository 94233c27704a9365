"""Regression guard: the real extraction must not fall below eval/thresholds.toml.

Guarded (micro F1, each may drop at most ``tolerance`` below its recorded figure):
the seeds' entities (top type) and relations; the devcorpus' entities and
relations; each devcorpus property with at least 10 gold facts; each devcorpus
region group's entities and relations. The figures are those of
:func:`kg.evaluate.threshold_figures`, the same function that
``python -m kg.evaluate --write-thresholds`` records them with. Each set is
built once for the module.
"""

from __future__ import annotations

import json

import pytest

from conftest import GOLD, ROOT, SEEDS
from kg.evaluate import (
    MIN_PROPERTY_FACTS,
    EvalReport,
    evaluate,
    evaluate_set,
    load_gold,
    read_thresholds,
    region_group,
    regressions,
    set_paths,
    threshold_figures,
)

THRESHOLDS = ROOT / "eval" / "thresholds.toml"
RECORDED, TOLERANCE = read_thresholds(THRESHOLDS)


@pytest.fixture(scope="module")
def seeds() -> EvalReport:
    return evaluate_set("seeds")


@pytest.fixture(scope="module")
def devcorpus() -> EvalReport:
    return evaluate_set("devcorpus")


@pytest.fixture(scope="module")
def measured(seeds: EvalReport, devcorpus: EvalReport) -> dict[str, float]:
    return threshold_figures(seeds, devcorpus)


def test_every_seed_article_builds(seeds: EvalReport):
    assert len(seeds.articles) == len(list(GOLD.glob("*.json")))
    assert [a.error for a in seeds.articles if a.error] == []


def test_every_devcorpus_article_builds(devcorpus: EvalReport):
    gold_dir, _ = set_paths("devcorpus")["devcorpus"]
    assert len(devcorpus.articles) == len(list(gold_dir.glob("*.json")))
    # document names only for the groups that are not held out
    assert [a.doc if a.group != "cn" else "(held out)" for a in devcorpus.articles if a.error] == []


@pytest.mark.parametrize("figure", sorted(RECORDED))
def test_figure_does_not_regress(measured: dict[str, float], figure: str):
    assert regressions(measured, {figure: RECORDED[figure]}, TOLERANCE) == []


def test_tolerance_is_three_points():
    assert TOLERANCE == pytest.approx(0.03)


def _devcorpus_gold() -> list[dict]:
    return load_gold(set_paths("devcorpus")["devcorpus"][0])


def test_every_frequent_devcorpus_property_is_guarded():
    """A property reaching 10 gold facts must get a recorded figure (rewrite the thresholds)."""
    counts: dict[str, int] = {}
    for gold in _devcorpus_gold():
        for rel in gold.get("relations", []):
            counts[rel["p"]] = counts.get(rel["p"], 0) + 1
    frequent = {p for p, n in counts.items() if n >= MIN_PROPERTY_FACTS}
    assert frequent, "the devcorpus gold has no property with 10 facts"
    missing = sorted(p for p in frequent if f"devcorpus.properties.{p}" not in RECORDED)
    assert missing == [], f"no threshold for {missing}: run python -m kg.evaluate --write-thresholds"


def test_every_devcorpus_group_is_guarded():
    groups = {region_group(g["doc"]) for g in _devcorpus_gold()}
    assert {"ks", "sz", "js", "yd", "cn"} <= groups
    for group in sorted(groups):
        for figure in ("entities_top", "relations"):
            assert f"devcorpus.groups.{group}.{figure}" in RECORDED, f"no threshold for group {group} {figure}"


def test_the_guard_reads_what_the_writer_writes(seeds: EvalReport, devcorpus: EvalReport, tmp_path):
    """Rendering today's figures and reading them back gives the same keys, truncated to 3 decimals."""
    from kg.evaluate import render_thresholds

    figures = threshold_figures(seeds, devcorpus)
    path = tmp_path / "thresholds.toml"
    path.write_text(render_thresholds(figures, 0.03), encoding="utf-8")
    back, tolerance = read_thresholds(path)
    assert tolerance == 0.03
    assert set(back) == set(figures)
    assert all(-1e-6 <= figures[k] - back[k] < 0.001 + 1e-6 for k in figures)
    assert set(RECORDED) == set(figures), "eval/thresholds.toml is out of step: rewrite it"


def test_the_guard_fails_on_a_drop_beyond_the_tolerance():
    recorded = {"a": 0.800, "b": 0.800, "c": 0.500}
    measured = {"a": 0.771, "b": 0.769}  # a: 0.029 below, b: 0.031 below, c: gone
    assert [line.split(":")[0] for line in regressions(measured, recorded, 0.03)] == ["b", "c"]
    assert regressions({"a": 0.770}, {"a": 0.800}, 0.03) == []  # exactly at the floor


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
