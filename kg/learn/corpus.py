"""The gold articles the learned component may be trained and cross-validated on.

Allowed: the seeds, ``dev``, the devcorpus and the fresh articles fr_d01 … fr_d73.
The fresh articles from fr_d74 on are the lead's hold-out: :func:`allowed` refuses
them by number, so no gold or article of theirs is ever opened here.

Cross-validation groups (the brief of issue 8): the five devcorpus regions, each
paired with one chunk of the fresh articles by number; seeds and dev are in every
training fold and are never scored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Fresh articles numbered from here on are the hold-out: never opened, trained on or scored.
HOLD_OUT_FROM = 74
#: The devcorpus region of each CV group and the fresh numbers that join it (inclusive ranges).
GROUPS: dict[str, tuple[int, int]] = {"ks": (1, 15), "sz": (16, 30), "js": (31, 45), "yd": (46, 60), "cn": (61, 73)}
#: Sets in every training fold, never scored.
ALWAYS_TRAIN = ("seeds", "dev")

_FRESH = re.compile(r"fr_d(\d+)")


def fresh_number(name: str) -> int | None:
    """The number of a fresh article from its file name (``fr_d07.json`` -> 7), else None."""
    m = _FRESH.match(Path(name).name)
    return int(m.group(1)) if m else None


def allowed(name: str) -> bool:
    """False for a hold-out fresh article (fr_d74 and later), True for any other file name."""
    n = fresh_number(name)
    return n is None or n < HOLD_OUT_FROM


def group_of(set_name: str, doc: str) -> str:
    """The CV group of an article: seeds/dev are their own (always trained on); devcorpus by its
    region prefix; fresh by number (:data:`GROUPS`)."""
    if set_name == "devcorpus":
        return Path(doc).name.split("_", 1)[0]
    if set_name == "fresh":
        n = fresh_number(doc)
        for g, (lo, hi) in GROUPS.items():
            if n is not None and lo <= n <= hi:
                return g
        raise ValueError(f"{doc}: not an allowed fresh article")
    return set_name


@dataclass(frozen=True)
class GoldArticle:
    set_name: str
    group: str
    doc: str  # the article's file name
    path: Path  # the article file
    gold: dict[str, Any]


def gold_articles(sets: tuple[str, ...] = ("seeds", "dev", "devcorpus", "fresh")) -> list[GoldArticle]:
    """The allowed gold articles of the sets, in set then file-name order.

    Hold-out fresh files are filtered by name *before* they are read."""
    import json

    from kg.evaluate import set_paths

    out = []
    for set_name in sets:
        for name, (gold_dir, art_dir) in set_paths(set_name).items():
            for f in sorted(Path(gold_dir).glob("*.json")):
                if not allowed(f.name):
                    continue
                gold = json.loads(f.read_text(encoding="utf-8"))
                doc = gold["doc"]
                if not allowed(doc):  # (a gold file can only name its own article; checked anyway)
                    continue
                out.append(GoldArticle(name, group_of(name, doc), doc, Path(art_dir) / doc, gold))
    return out
