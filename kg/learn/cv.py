"""Leave-one-region-group-out cross-validation of the learned relation component (``kg train --cv``).

Fold k trains on every allowed article except group k (devcorpus region k and
its chunk of fresh articles, :data:`kg.learn.corpus.GROUPS`; seeds and dev are
always trained on) and scores group k by building each article as ``kg eval``
does, once with the rules alone and once with the fold's model. The table sums
the five held-out folds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kg.evaluate import ArticleScore, Counts, EvalReport, build_article_graph, score_graph
from kg.extract.components.learned_pairs import PROPERTIES
from kg.learn.corpus import GROUPS
from kg.learn.train import REMOVALS, Example, train


@dataclass
class CVResult:
    rules: EvalReport
    learned: EvalReport
    thresholds: dict[str, dict[str, dict[str, float | None]]]  # group -> property -> thresholds


def _score(examples: list[Example], model: dict | None) -> list[ArticleScore]:
    from kg.extract.components.learned import PairModel, using_model

    pm = PairModel.from_dict(model) if model is not None else None
    out = []
    with using_model(pm):
        for ex in examples:
            s = score_graph(build_article_graph(ex.article.path), ex.article.gold)
            s.group = ex.group
            out.append(s)
    return out


def cross_validate(examples: list[Example], groups: Iterable[str] | None = None, removals: bool = REMOVALS) -> CVResult:
    """Rules alone vs rules + model on each held-out group, with the model trained without it."""
    rules: list[ArticleScore] = []
    learned: list[ArticleScore] = []
    thresholds = {}
    for g in list(groups) if groups is not None else list(GROUPS):
        test = [ex for ex in examples if ex.group == g]
        if not test:
            continue
        model = train([ex for ex in examples if ex.group != g], removals=removals)
        thresholds[g] = model["thresholds"]
        rules += _score(test, None)
        learned += _score(test, model)
    return CVResult(EvalReport(rules), EvalReport(learned), thresholds)


def _cell(c: Counts) -> str:
    return f"{c.tp + c.fn:5d}{c.tp:5d}{c.fp:5d}{c.fn:5d} {c.precision:6.3f}{c.recall:6.3f}{c.f1:6.3f}"


def table(result: CVResult) -> str:
    """Rules alone vs rules + model: entities, relations micro and per property, and per group."""
    head = f"{'':22}{'gold':>5}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>6}{'F1':>6}"
    lines = [f"{'':22}{'--- rules alone ---':^39}   {'--- rules + model ---':^39}",
             f"{head}   {head[22:]}"]

    def row(name: str, a: Counts, b: Counts) -> str:
        return f"{name:22}{_cell(a)}   {_cell(b)}"

    r, m = result.rules, result.learned
    lines.append(row("entities (top)", r.entity_total("top"), m.entity_total("top")))
    lines.append(row("relations", r.relation_total(), m.relation_total()))
    rc, mc = r.relation_counts(), m.relation_counts()
    for p in sorted(set(rc) | set(mc)):
        mark = "*" if p in PROPERTIES else " "
        lines.append(row(f" {mark}{p}", rc.get(p, Counts()), mc.get(p, Counts())))
    lines += ["", "relations by held-out group"]
    rg, mg = r.by_group(), m.by_group()
    for g in rg:
        lines.append(row(f"  {g}", rg[g].relation_total(), mg[g].relation_total()))
    lines += ["", "* properties the model may add to (or remove from); thresholds chosen inside each fold:"]
    for g, th in result.thresholds.items():
        on = [f"{p} add>={t['add']}" for p, t in th.items() if t["add"] is not None]
        on += [f"{p} remove<{t['remove']}" for p, t in th.items() if t["remove"] is not None]
        lines.append(f"  {g}: {', '.join(on) or 'none (the model abstains)'}")
    return "\n".join(lines)
