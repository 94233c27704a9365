"""Scoring a folder of articles against its gold, and the named evaluation sets shipped in the package."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import rdflib

from kg.evaluate.matching import score_graph
from kg.evaluate.scores import ArticleScore, EvalReport

# ---------------------------------------------------------------- running over a folder

#: Builds the RDF graph of one article file.
Builder = Callable[[Path], rdflib.Graph]


def build_article_graph(path: Path) -> rdflib.Graph:
    """The project pipeline on one article alone, in memory."""
    from kg.api import KnowledgeGraph

    return KnowledgeGraph.build([path]).dataset


def load_gold(gold_dir: str | Path) -> list[dict[str, Any]]:
    """All gold files of a folder, in file-name order."""
    files = sorted(Path(gold_dir).glob("*.json"))
    if not files:
        raise FileNotFoundError(f"no gold files (*.json) in {gold_dir}")
    out = []
    for f in files:
        try:
            gold = json.loads(f.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, OSError) as exc:
            raise ValueError(f"{f}: not a gold file ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from None
        if not isinstance(gold, dict) or not isinstance(gold.get("doc"), str):
            raise ValueError(f"{f}: not a gold file (a JSON object with \"doc\", \"entities\" and \"relations\" expected)")
        out.append(gold)
    return out


def region_group(doc: str) -> str:
    """The region group of a document: its file-name prefix before ``_`` (``ks_d01.txt`` -> ``ks``)."""
    return Path(doc).name.split("_", 1)[0]


def evaluate(
    gold_dir: str | Path,
    articles_dir: str | Path,
    build: Builder | None = None,
    *,
    set_name: str = "",
    grouped: bool = False,
) -> EvalReport:
    """Build each gold document's article on its own and score it.

    ``build`` turns one article file into its RDF graph; it defaults to the
    project pipeline. An article that is missing or fails to build scores as an
    empty graph (everything missed), with the reason in ``ArticleScore.error``.
    ``set_name`` labels the articles; with ``grouped`` each article also gets its
    region group (:func:`region_group`), summed in :meth:`EvalReport.by_group`.
    """
    build = build or build_article_graph
    scores = []
    for gold in load_gold(gold_dir):
        path = Path(articles_dir) / gold["doc"]
        error = None
        try:
            if not path.is_file():
                raise FileNotFoundError(f"article not found: {path}")
            graph = build(path)
        except Exception as exc:  # noqa: BLE001 - reported per article, scored as empty
            error = f"{type(exc).__name__}: {exc}"
            failures = getattr(getattr(exc, "report", None), "failures", None)
            if failures:  # say why (a broken lexicon, a decoding error), not only that it failed
                error += f": {failures[0][1]}"
            graph = rdflib.Graph()
        score = score_graph(graph, gold)
        score.error = error
        score.set_name = set_name
        score.group = region_group(score.doc or path.name) if grouped else None
        scores.append(score)
    return EvalReport(scores)


# ---------------------------------------------------------------- the evaluation sets

#: The named sets, in report order; ``all`` is every one of them.
EVAL_SETS = ("seeds", "dev", "devcorpus")
#: ``fresh`` is a hold-out written after the rules, scored alone, never in ``all``.
HOLD_OUT_SETS = ("fresh",)
SET_NAMES = (*EVAL_SETS, *HOLD_OUT_SETS, "all")
#: Sets whose articles are also scored by region group (file-name prefix).
GROUPED_SETS = frozenset({"devcorpus"})


def repository_root() -> Path:
    """Where the evaluation sets live: the package's data folder (``eval/`` and ``seeds/`` at the
    top of the repository link there), so ``kg eval`` works from an installed wheel too."""
    return Path(str(resources.files("kg") / "data"))


def set_paths(name: str) -> dict[str, tuple[Path, Path]]:
    """The (gold folder, articles folder) pairs of an evaluation set, by set name.

    ``seeds`` is ``eval/gold`` + ``seeds/``, ``dev`` is ``eval/dev/{gold,articles}``,
    ``devcorpus`` is ``eval/devcorpus/{gold,docs}``; ``all`` is the three of them.
    ``fresh`` (``eval/fresh/{gold,docs}``) is a hold-out written after the rules: it is
    never part of ``all`` and is not guarded, so that nobody tunes on it.
    Raises ``ValueError`` for any other name.
    """
    root = repository_root()
    sets = {
        "seeds": (root / "eval" / "gold", root / "seeds"),
        "dev": (root / "eval" / "dev" / "gold", root / "eval" / "dev" / "articles"),
        "devcorpus": (root / "eval" / "devcorpus" / "gold", root / "eval" / "devcorpus" / "docs"),
    }
    if name == "all":
        return sets
    sets["fresh"] = (root / "eval" / "fresh" / "gold", root / "eval" / "fresh" / "docs")
    if name not in sets:
        raise ValueError(f"unknown evaluation set {name!r}; use one of {', '.join(SET_NAMES)}")
    return {name: sets[name]}


def default_paths() -> tuple[Path, Path]:
    """The repository's ``eval/gold`` and ``seeds`` folders (the ``seeds`` set)."""
    return set_paths("seeds")["seeds"]


def evaluate_set(name: str, build: Builder | None = None) -> EvalReport:
    """Evaluate a named set (:func:`set_paths`); ``all`` gives one report over the three sets."""
    articles: list[ArticleScore] = []
    for set_name, (gold_dir, articles_dir) in set_paths(name).items():
        report = evaluate(gold_dir, articles_dir, build, set_name=set_name, grouped=set_name in GROUPED_SETS)
        articles += report.articles
    return EvalReport(articles)


