"""The learned relation component: scores the candidate pairs of :mod:`.learned_pairs`.

The model is a logistic regression trained by ``kg train`` (:mod:`kg.learn.train`)
and shipped as ``kg/data/models/relations.json``: feature -> weight, a bias, and
per property an ``add`` threshold and an optional ``remove`` threshold, both
chosen by cross-validation inside the training articles. A candidate fact the
rules did not produce is added when its best score reaches ``add`` (with the
sentence of that best candidate as its evidence); a rule fact that is a
candidate is dropped when its best score is below ``remove``. Inference is plain
Python over a few hundred candidates: no scikit-learn at build time. Without a
model file the component does nothing.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from kg.extract.components.learned_pairs import SYMMETRIC, Candidate, candidates
from kg.extract.doc import Doc
from kg.extract.registry import component

MODEL_PARTS = ("data", "models", "relations.json")


@dataclass(frozen=True)
class PairModel:
    """Weights and thresholds of the model (see the module docstring)."""

    bias: float
    weights: dict[str, float]  # feature (shared ``f`` or crossed ``property|f``) -> weight
    add: dict[str, float]  # property -> threshold to add a fact
    remove: dict[str, float]  # property -> threshold under which a rule fact is dropped
    #: per property: feature -> its shared weight plus the property's own (one lookup per feature)
    by_prop: dict[str, dict[str, float]] = field(default_factory=dict, compare=False)
    shared: dict[str, float] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        own: dict[str, dict[str, float]] = {}
        for f, w in self.weights.items():
            prop, sep, rest = f.partition("|")
            if sep:
                own.setdefault(prop, {})[rest] = w
            else:
                self.shared[f] = w
        for prop in {*own, *self.add, *self.remove}:
            merged = dict(self.shared)
            for f, w in own.get(prop, {}).items():
                merged[f] = merged.get(f, 0.0) + w
            self.by_prop[prop] = merged

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PairModel:
        th = d.get("thresholds", {})
        return cls(
            float(d["bias"]),
            {k: float(v) for k, v in d["weights"].items()},
            {p: float(t["add"]) for p, t in th.items() if t.get("add") is not None},
            {p: float(t["remove"]) for p, t in th.items() if t.get("remove") is not None},
        )

    def score(self, prop: str, features: list[str]) -> float:
        """P(fact) of a candidate of ``prop`` with these (uncrossed) features."""
        weights = self.by_prop.get(prop, self.shared)
        z = self.bias + weights.get("bias", 0.0) + sum(filter(None, map(weights.get, features)))
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


@lru_cache(maxsize=1)
def shipped_model() -> PairModel | None:
    """The model in ``kg/data/models/relations.json`` (None when there is none)."""
    f = resources.files("kg").joinpath(*MODEL_PARTS)
    if not f.is_file():
        return None
    return PairModel.from_dict(json.loads(f.read_text(encoding="utf-8")))


_OVERRIDE: list[PairModel | None] = []


@contextmanager
def using_model(model: PairModel | None) -> Iterator[None]:
    """Run the component with ``model`` instead of the shipped one (None: the component does nothing)."""
    _OVERRIDE.append(model)
    try:
        yield
    finally:
        _OVERRIDE.pop()


def _model() -> PairModel | None:
    return _OVERRIDE[-1] if _OVERRIDE else shipped_model()


def best_scores(model: PairModel, cands: list[Candidate]) -> dict[tuple[str, str, str], tuple[float, Candidate]]:
    """The best score of each candidate fact, with its candidate (the first sentence on ties)."""
    best: dict[tuple[str, str, str], tuple[float, Candidate]] = {}
    for c in cands:
        sc = model.score(c.prop, c.features)
        key = (c.prop, c.subject, c.object)
        if key not in best or sc > best[key][0]:
            best[key] = (sc, c)
    return best


def apply(doc: Doc, model: PairModel) -> None:
    """Add the candidate facts the model scores at or above their property's ``add`` threshold and
    drop the rule facts it scores below ``remove``."""
    props = frozenset(model.add) | frozenset(model.remove)
    if not props:
        return
    best = best_scores(model, candidates(doc, props, rule_facts=bool(model.remove)))
    settled = {(r.subject, r.object) for r in doc.relations if r.predicate == "settledIn"}
    drop = set()
    for (prop, subj, obj), (sc, c) in best.items():
        if c.rule:
            if sc < model.remove.get(prop, -1.0):
                drop.add((prop, subj, obj))
                if prop in SYMMETRIC:
                    drop.add((prop, obj, subj))
        elif sc >= model.add.get(prop, 2.0):
            if prop == "locatedIn" and (subj, obj) in settled:
                continue  # settledIn already says it more precisely (as ``finalise`` keeps it)
            doc.relate(prop, subj, obj, c.sentence)
    if drop:
        doc.relations = [r for r in doc.relations if (r.predicate, r.subject, r.object) not in drop]


@component("learned_relations")
def learned_relations(doc: Doc) -> None:
    """The shipped model's additions (and removals) after the rules."""
    model = _model()
    if model is not None:
        apply(doc, model)
