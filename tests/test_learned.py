"""The learned relation component: hold-out exclusion, candidates and features, the
component's additions with provenance, deterministic training, and ``kg train``'s errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from kg.extract.components.learned import PairModel, apply
from kg.extract.components.learned_pairs import PROPERTIES, SIGNATURES, candidates, cue_lists
from kg.learn.corpus import GROUPS, HOLD_OUT_FROM, allowed, fresh_number, gold_articles, group_of
from kg.learn.train import ADDED_PROPERTIES, dumps, example, load_examples, rule_doc, train
from kg.names import normalise

SEED = ROOT / "seeds" / "000_a75f8161f974aa14.txt"


# ---------------------------------------------------------------- the hold-out


@pytest.mark.parametrize("n", range(74, 98))
def test_hold_out_fresh_articles_are_refused_by_number(n: int) -> None:
    for name in (f"fr_d{n}.json", f"fr_d{n}.txt", f"fr_d{n}.html"):
        assert not allowed(name)


def test_other_articles_are_allowed() -> None:
    assert HOLD_OUT_FROM == 74
    assert all(allowed(f"fr_d{n:02d}.json") for n in range(1, 74))
    assert allowed("ks_d01.json") and allowed("000_a75f8161f974aa14.json") and allowed("dev_01_zjg_signing.json")


def test_training_corpus_never_holds_a_hold_out_article() -> None:
    arts = gold_articles()
    fresh = sorted(n for a in arts if (n := fresh_number(a.doc)) is not None)
    assert fresh == list(range(1, 74))  # every allowed fresh article, none from fr_d74 on
    assert {a.set_name for a in arts} == {"seeds", "dev", "devcorpus", "fresh"}
    assert all(allowed(a.path.name) and allowed(a.gold["doc"]) for a in arts)


def test_groups_pair_a_region_with_a_fresh_chunk() -> None:
    assert list(GROUPS) == ["ks", "sz", "js", "yd", "cn"]
    assert group_of("devcorpus", "yd_d03.txt") == "yd"
    assert [group_of("fresh", f"fr_d{n:02d}.txt") for n in (1, 15, 16, 30, 31, 45, 46, 60, 61, 73)] == [
        "ks", "ks", "sz", "sz", "js", "js", "yd", "yd", "cn", "cn"]
    assert group_of("seeds", "000_x.txt") == "seeds" and group_of("dev", "dev_01.txt") == "dev"
    with pytest.raises(ValueError):
        group_of("fresh", "fr_d74.txt")


# ---------------------------------------------------------------- candidates and features


def test_candidates_fit_the_schema_and_carry_no_names() -> None:
    doc = rule_doc(SEED)
    cands = candidates(doc)
    assert cands
    named = [e for e in doc.entities.values() if e.type in {"Person", "Company", "Project", "Event", "Initiative"}]
    labels = {e.label for e in named}  # (aliases can be bare words: 大会, 集团)
    for c in cands:
        dom, rng = SIGNATURES[c.prop]
        assert doc.type_of(c.subject) in dom and doc.type_of(c.object) in rng
        assert 0 <= c.sentence < len(doc.sentences)
        for f in c.features:  # a class, a bucket, a cue or a word, never a firm's or person's name
            value = f.split(":", 1)[-1]
            assert len(value) < 2 or value not in labels, f
    # the rules' own facts are marked as such
    rule_facts = {(r.predicate, r.subject, r.object) for r in doc.relations}
    assert any(c.rule for c in cands)
    assert all((c.prop, c.subject, c.object) in rule_facts or (c.prop, c.object, c.subject) in rule_facts
               for c in cands if c.rule)


def _signature(cands):  # type: ignore[no-untyped-def]
    return sorted((c.prop, c.subject, c.object, c.sentence, tuple(sorted(c.features)), c.rule) for c in cands)


def test_candidates_of_some_properties_are_those_of_all_restricted() -> None:
    """Asking for fewer properties (as the component does) or leaving out the rules' own facts
    changes no candidate's features: the model sees at build time what it was trained on."""
    for path in (SEED, ROOT / "eval" / "devcorpus" / "docs" / "ks_d01.txt"):
        doc = rule_doc(path)
        every = _signature(candidates(doc))
        for prop in PROPERTIES:
            assert _signature(candidates(doc, frozenset({prop}))) == [c for c in every if c[0] == prop]
        assert _signature(candidates(doc, rule_facts=False)) == [c for c in every if not c[5]]


def test_cue_lexicon_is_data() -> None:
    cues = cue_lists()
    assert {"partner", "subsidiary", "industry", "settle"} <= set(cues)
    assert "旗下" in cues["subsidiary"] and "落户" in cues["settle"]


def test_labels_follow_the_gold_as_kg_eval_matches_it() -> None:
    art = next(a for a in gold_articles(("seeds",)) if a.doc == SEED.name)
    ex = example(rule_doc(SEED), art)
    gold = {(r["p"], normalise(r["s"]), normalise(str(r["o"]))) for r in art.gold["relations"]}
    positives = [c for c, lab in zip(ex.cands, ex.labels) if lab]
    assert positives
    doc = rule_doc(SEED)
    for c in positives:  # a positive candidate's names meet a gold fact of its property
        s = {normalise(n) for n in {doc.entity(c.subject).label} | doc.entity(c.subject).aliases}
        o = {normalise(n) for n in {doc.entity(c.object).label} | doc.entity(c.object).aliases}
        assert any(p == c.prop and ((gs in s and go in o) or (p == "partnerOf" and gs in o and go in s))
                   for p, gs, go in gold), c


# ---------------------------------------------------------------- the component


def _doc_and_model(prop: str, add: float | None, remove: float | None = None):  # type: ignore[no-untyped-def]
    doc = rule_doc(SEED)
    model = PairModel.from_dict({"bias": 0.0, "weights": {f"{prop}|rule": 5.0, f"{prop}|bias": 1.0},
                                 "thresholds": {prop: {"add": add, "remove": remove}}})
    return doc, model


def test_component_adds_scored_facts_with_their_sentence() -> None:
    doc, model = _doc_and_model("inIndustry", add=0.5)  # every inIndustry candidate scores 0.73 or more
    before = {(r.predicate, r.subject, r.object) for r in doc.relations}
    cands = [c for c in candidates(doc) if c.prop == "inIndustry" and not c.rule]
    assert cands
    apply(doc, model)
    added = [r for r in doc.relations if (r.predicate, r.subject, r.object) not in before]
    assert added and all(r.predicate == "inIndustry" for r in added)
    for r in added:  # provenance: the sentence of a candidate of that fact
        assert any(c.subject == r.subject and c.object == r.object and c.sentence == r.sentence for c in cands)
        assert doc.type_of(r.object) == "Industry"


def test_component_without_thresholds_changes_nothing_and_removes_only_below_remove() -> None:
    doc, model = _doc_and_model("inIndustry", add=None)
    before = list(doc.relations)
    apply(doc, model)
    assert doc.relations == before
    doc, model = _doc_and_model("inIndustry", add=None, remove=0.99)  # rule facts score 0.998: kept
    apply(doc, model)
    assert doc.relations == before
    doc = rule_doc(SEED)
    cut = PairModel.from_dict({"bias": -20.0, "weights": {}, "thresholds": {"inIndustry": {"add": None, "remove": 0.5}}})
    apply(doc, cut)
    kept = {(r.predicate, r.subject, r.object) for r in doc.relations}
    dropped = [r for r in before if (r.predicate, r.subject, r.object) not in kept]
    assert dropped and all(r.predicate == "inIndustry" for r in dropped)


def test_model_scores_are_a_logistic_of_the_weights() -> None:
    m = PairModel.from_dict({"bias": -1.0, "weights": {"a": 0.5, "partnerOf|a": 1.0, "partnerOf|bias": 0.25}, "thresholds": {}})
    import math

    assert m.score("partnerOf", ["a", "zz"]) == pytest.approx(1 / (1 + math.exp(-(-1.0 + 0.25 + 0.5 + 1.0))))
    assert m.score("inIndustry", ["a"]) == pytest.approx(1 / (1 + math.exp(-(-1.0 + 0.5))))


def test_a_trained_model_is_well_formed_and_holds_no_gold_name() -> None:
    pytest.importorskip("sklearn")
    arts = [a for a in gold_articles(("seeds", "dev", "devcorpus")) if a.group in ("seeds", "dev", "ks", "sz")]
    model = PairModel.from_dict(json.loads(dumps(train(load_examples(arts)))))
    assert set(model.add) <= set(ADDED_PROPERTIES) and not model.remove
    assert all(0.0 < t <= 1.0 for t in model.add.values())
    # crossed weights only for the properties the component scores
    assert {f.split("|")[0] for f in model.weights if "|" in f} <= set(model.add)
    names = set()
    for a in gold_articles():
        for e in a.gold["entities"]:
            # (events, initiatives and aliases can be bare words of the genre: 签约仪式, 方案, 大会)
            if e["type"] in {"Person", "Company", "Project"}:
                names.add(normalise(e["name"]))
    values = {normalise(f.split("|")[-1].split(":", 1)[-1]) for f in model.weights}
    assert not values & names


# ---------------------------------------------------------------- training


def test_training_is_deterministic() -> None:
    pytest.importorskip("sklearn")
    arts = [a for a in gold_articles(("seeds", "dev", "devcorpus")) if a.group in ("seeds", "dev", "ks", "sz")]
    exs = load_examples(arts)
    first = dumps(train(exs))
    second = dumps(train(load_examples(arts)))
    assert first == second
    model = json.loads(first)
    assert model["articles"] == len(arts) and model["weights"]
    assert set(model["thresholds"]) == set(PROPERTIES)
    assert all(t["add"] is None for p, t in model["thresholds"].items() if p not in ADDED_PROPERTIES)


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_train_cli_rejects_bad_groups_in_one_line() -> None:
    r = _kg("train", "--cv", "--groups", "ks,xx")
    assert r.returncode == 2 and r.stderr.strip().splitlines() == ["error: unknown group xx; use some of ks, sz, js, yd, cn"]
    r = _kg("train", "--groups", "ks")
    assert r.returncode == 2 and "goes with --cv" in r.stderr and "Traceback" not in r.stderr
