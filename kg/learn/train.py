"""Fitting the learned relation component (``kg train``).

The rule pipeline runs on every allowed gold article (:mod:`kg.learn.corpus`) up to
the ``learned_relations`` component; its candidate pairs
(:mod:`kg.extract.components.learned_pairs`) are labelled from the gold the way
``kg eval`` matches relations (:mod:`kg.evaluate.matching`: a candidate is right
when the gold has the property between entities of the same names, ``partnerOf``
either way round). One logistic regression (scikit-learn, lbfgs, fixed settings:
deterministic) is fitted on property-crossed binary features. The thresholds per
property are chosen by an inner leave-one-group-out cross-validation over the
training articles only: an ``add`` threshold must make its out-of-fold additions
at least half right, with right additions in two or more groups.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.evaluate.matching import _gold_names, _gold_relation_key, _refers
from kg.extract.components.learned_pairs import PROPERTIES, SYMMETRIC, Candidate, candidates, crossed
from kg.learn.corpus import ALWAYS_TRAIN, GoldArticle, gold_articles
from kg.names import normalise

#: Fixed model settings (chosen before any fold was scored; not tuned per fold).
C = 2.0
RULE_ROWS = True  # train on the candidates the rules already produced too
MIN_WEIGHT = 0.01  # smaller weights are not shipped
MIN_DF = 2  # a feature must occur in at least this many training articles
ADD_GRID = tuple(round(0.2 + 0.05 * i, 2) for i in range(16)) + (2.0,)  # 2.0: never add
MIN_ADD_PRECISION = 0.5  # out-of-fold additions at least this precise …
MIN_ADD_GROUPS = 2  # … and right in at least this many groups
REMOVE_GRID = (-1.0, 0.02, 0.05, 0.1)  # -1: never remove
#: The properties the component may add to. The model is fitted on the candidates of every
#: property (they share the weights of the features that are not crossed), but only signedAt's
#: additions helped in every measurement (README: leave-one-group-out CV, and the rules of two
#: earlier commits on fresh articles they had not read); the others' were about as often wrong
#: as right and their candidates are most of the cost (inIndustry, locatedIn, partnerOf …).
ADDED_PROPERTIES = ("signedAt",)
#: Let the model drop rule facts it scores very low? Off: out of fold, the rule facts it scored
#: below 0.1 were mostly right (locatedIn 10 of 11), so removals cost recall for little precision.
REMOVALS = False
COMPONENT = "learned_relations"


@dataclass
class Example:
    """One gold article: its candidates with labels, and the rule facts no candidate covers."""

    article: GoldArticle
    cands: list[Candidate] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    #: property -> (right, wrong) rule facts that are not candidates (kept whatever the model says)
    fixed: dict[str, tuple[int, int]] = field(default_factory=dict)
    n_gold: dict[str, int] = field(default_factory=dict)

    @property
    def group(self) -> str:
        return self.article.group


def rule_doc(path: Path):  # type: ignore[no-untyped-def]
    """The Doc of an article after the rule components (the pipeline up to the learned component)."""
    from kg.extract.registry import default_pipeline
    from kg.read import read_article

    pipe = default_pipeline()
    names = pipe.names
    upto = names[names.index(COMPONENT) - 1] if COMPONENT in names else names[-1]
    return pipe.run(read_article(path), upto=upto)


def _gold_keys(gold: dict[str, Any]) -> list[tuple]:
    """The gold relations of the learned properties, in the scorer's comparable form."""
    names_of: dict[str, frozenset[str]] = {}
    ents = gold.get("entities", [])
    for g in ents:
        names_of.setdefault(normalise(g["name"]), _gold_names(g))
    for g in ents:
        for alias in g.get("aliases", []):
            names_of.setdefault(normalise(alias), _gold_names(g))
    return [_gold_relation_key(r, names_of) for r in gold.get("relations", []) if r["p"] in PROPERTIES]


def _is_gold(keys: list[tuple], prop: str, s: frozenset[str], o: frozenset[str]) -> bool:
    for p, gs, go, _ in keys:
        if p == prop and ((_refers(s, gs) and _refers(o, go)) or (p in SYMMETRIC and _refers(o, gs) and _refers(s, go))):
            return True
    return False


def example(doc, article: GoldArticle) -> Example:  # type: ignore[no-untyped-def]
    """Label the candidates of a rule Doc against the article's gold."""
    keys = _gold_keys(article.gold)

    def names(label: str) -> frozenset[str]:
        e = doc.entity(label)
        return frozenset(normalise(n) for n in ({e.label} | e.aliases)) if e else frozenset({normalise(label)})

    ex = Example(article)
    ex.cands = candidates(doc)
    ex.labels = [int(_is_gold(keys, c.prop, names(c.subject), names(c.object))) for c in ex.cands]
    covered = {(c.prop, c.subject, c.object) for c in ex.cands}
    covered |= {(p, o, s) for p, s, o in covered if p in SYMMETRIC}
    fixed: dict[str, list[int]] = {}
    seen = set()
    for r in doc.relations:
        k = (r.predicate, r.subject, r.object)
        if r.predicate in PROPERTIES and isinstance(r.object, str) and k not in covered and k not in seen:
            seen.add(k)
            ok = _is_gold(keys, r.predicate, names(r.subject), names(r.object))
            fixed.setdefault(r.predicate, [0, 0])[0 if ok else 1] += 1
    ex.fixed = {p: (v[0], v[1]) for p, v in sorted(fixed.items())}
    for p, *_ in keys:
        ex.n_gold[p] = ex.n_gold.get(p, 0) + 1
    return ex


def load_examples(articles: Iterable[GoldArticle] | None = None) -> list[Example]:
    """Run the rules on every allowed gold article and label its candidates."""
    return [example(rule_doc(a.path), a) for a in (gold_articles() if articles is None else articles)]


# ---------------------------------------------------------------- fitting


def fit(examples: list[Example], c: float = C, rule_rows: bool = RULE_ROWS) -> dict[str, Any]:
    """Logistic regression weights (bias, feature -> weight) on the examples' candidates
    (without the rules' own facts unless ``rule_rows``)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    df: dict[str, int] = {}
    for ex in examples:
        for f in {f for cand in ex.cands for f in crossed(cand)}:
            df[f] = df.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= MIN_DF))}
    cols: list[list[int]] = []
    y: list[int] = []
    for ex in examples:
        for cand, lab in zip(ex.cands, ex.labels):
            if cand.rule and not rule_rows:
                continue
            cols.append(sorted({vocab[f] for f in crossed(cand) if f in vocab}))
            y.append(lab)
    if not y or len(set(y)) < 2 or not vocab:
        return {"bias": -10.0, "weights": {}}
    indptr = np.cumsum([0] + [len(c_) for c_ in cols])
    indices = np.array([i for c_ in cols for i in c_], dtype=np.int64)
    x = csr_matrix((np.ones(indptr[-1]), indices, indptr), shape=(len(y), len(vocab)))
    lr = LogisticRegression(C=c, solver="lbfgs", max_iter=5000, tol=1e-8, random_state=0)
    lr.fit(x, np.array(y))
    names = sorted(vocab, key=vocab.__getitem__)
    weights = {f: round(float(w), 4) for f, w in zip(names, lr.coef_[0]) if abs(w) >= MIN_WEIGHT}
    return {"bias": round(float(lr.intercept_[0]), 4), "weights": dict(sorted(weights.items()))}


def _scores(model: dict[str, Any], ex: Example) -> list[float]:
    from kg.extract.components.learned import PairModel

    m = PairModel.from_dict({**model, "thresholds": {}})
    return [m.score(c.prop, c.features) for c in ex.cands]


def _facts(ex: Example, scores: list[float]) -> dict[tuple[str, str, str], tuple[float, int, bool]]:
    """Per candidate fact: best score, label, whether a rule produced it."""
    out: dict[tuple[str, str, str], tuple[float, int, bool]] = {}
    for c, lab, sc in zip(ex.cands, ex.labels, scores):
        k = (c.prop, c.subject, c.object)
        if k not in out or sc > out[k][0]:
            out[k] = (sc, lab, c.rule)
    return out


def choose_thresholds(scored: list[tuple[Example, list[float]]], removals: bool = REMOVALS) -> dict[str, dict[str, float | None]]:
    """Per property the (add, remove) thresholds that maximise F1 over out-of-fold scores."""
    out: dict[str, dict[str, float | None]] = {}
    facts = [(ex, _facts(ex, sc)) for ex, sc in scored]
    for prop in PROPERTIES:
        if prop not in ADDED_PROPERTIES:
            out[prop] = {"add": None, "remove": None}
            continue
        n_gold = sum(ex.n_gold.get(prop, 0) for ex, _ in facts)
        tp0 = sum(ex.fixed.get(prop, (0, 0))[0] for ex, _ in facts)
        fp0 = sum(ex.fixed.get(prop, (0, 0))[1] for ex, _ in facts)
        items = [(*v, ex.group) for ex, fs in facts for k, v in fs.items() if k[0] == prop]
        best = None
        for add in ADD_GRID:
            added = [(lab, g) for sc, lab, rule, g in items if not rule and sc >= add]
            if added and (
                sum(lab for lab, _ in added) < MIN_ADD_PRECISION * len(added)
                or len({g for lab, g in added if lab}) < MIN_ADD_GROUPS
            ):
                continue
            for rm in REMOVE_GRID if removals else REMOVE_GRID[:1]:
                tp, fp = tp0, fp0
                for sc, lab, rule, _ in items:
                    if (rule and sc >= rm) or (not rule and sc >= add):
                        tp += lab
                        fp += 1 - lab
                f1 = 2 * tp / (tp + fp + n_gold) if tp + fp + n_gold else 0.0
                key = (round(f1, 9), add, -rm)  # ties: fewer additions, fewer removals
                if best is None or key > best[0]:
                    best = (key, add, rm)
        assert best is not None
        _, add, rm = best
        out[prop] = {"add": None if add > 1 else add, "remove": None if rm < 0 else rm}
    return out


def train(examples: list[Example], removals: bool = REMOVALS) -> dict[str, Any]:
    """The model: weights fitted on all examples, thresholds from an inner leave-one-group-out CV
    (the groups that are scored in CV; seeds and dev stay in every inner training fold)."""
    groups = sorted({ex.group for ex in examples} - set(ALWAYS_TRAIN))
    scored: list[tuple[Example, list[float]]] = []
    if len(groups) > 1:
        for g in groups:
            inner = fit([ex for ex in examples if ex.group != g])
            scored += [(ex, _scores(inner, ex)) for ex in examples if ex.group == g]
    model = fit(examples)
    thresholds = (choose_thresholds(scored, removals) if scored
                  else {p: {"add": None, "remove": None} for p in PROPERTIES})
    used = {p for p, t in thresholds.items() if t["add"] is not None or t["remove"] is not None}
    # the crossed weights of a property the component never scores are not shipped
    weights = {f: w for f, w in model["weights"].items() if "|" not in f or f.split("|", 1)[0] in used}
    return {
        "about": "Learned relation component (kg.extract.components.learned); retrain with `kg train`.",
        "C": C,
        "min_df": MIN_DF,
        "articles": len(examples),
        "bias": model["bias"],
        "thresholds": thresholds,
        "weights": weights,
    }


def dumps(model: dict[str, Any]) -> str:
    """The model file's text: sorted keys, so the same model is the same bytes."""
    return json.dumps(model, ensure_ascii=False, sort_keys=True, indent=0) + "\n"


def model_path() -> Path:
    """Where the shipped model lives in the package (``kg/data/models/relations.json``)."""
    from importlib import resources

    from kg.extract.components.learned import MODEL_PARTS

    return Path(str(resources.files("kg").joinpath(*MODEL_PARTS)))


def write_model(model: dict[str, Any], path: str | Path | None = None) -> Path:
    """Write the model whole or not at all (a build reading it meanwhile sees the old or the new one)."""
    path = Path(path) if path is not None else model_path()
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(dumps(model), encoding="utf-8")
    os.replace(tmp, path)
    return path
