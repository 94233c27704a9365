"""Counts of true/false positives and the evaluation report (tables, JSON)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

_LITERAL_PROPERTIES = frozenset({"date", "projectCount", "investment"})
_SYMMETRIC = frozenset({"partnerOf"})
_LEVELS = ("top", "exact")


# ---------------------------------------------------------------- counts


@dataclass
class Counts:
    """True positives, false positives, false negatives, with the derived scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _total(counts: dict[str, Counts]) -> Counts:
    total = Counts()
    for c in counts.values():
        total += c
    return total


def _sum_by_key(parts: Iterable[dict[str, Counts]]) -> dict[str, Counts]:
    out: dict[str, Counts] = {}
    for part in parts:
        for k, c in part.items():
            _add(out, k, c.tp, c.fp, c.fn)
    return out


def _add(target: dict[str, Counts], key: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
    c = target.setdefault(key, Counts())
    c.tp += tp
    c.fp += fp
    c.fn += fn


@dataclass
class ArticleScore:
    """The score of one article: counts per type/property, and what was missed or spurious."""

    doc: str
    #: ``entities["top"]`` keyed by top type, ``entities["exact"]`` keyed by class.
    entities: dict[str, dict[str, Counts]] = field(default_factory=lambda: {lvl: {} for lvl in _LEVELS})
    relations: dict[str, Counts] = field(default_factory=dict)
    #: Human-readable descriptions of gold items not found / predicted items not in the gold.
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    error: str | None = None  # why the article could not be built, if it could not
    #: The evaluation set the article belongs to (``seeds``, ``dev``, ``devcorpus``), if known.
    set_name: str = ""
    #: Its region group (file-name prefix before ``_``), for the sets that are grouped.
    group: str | None = None

    def entity_total(self, level: str = "top") -> Counts:
        return _total(self.entities[level])

    def relation_total(self) -> Counts:
        return _total(self.relations)

    def as_dict(self, verbose: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {"doc": self.doc}
        if self.set_name:
            d["set"] = self.set_name
        if self.group is not None:
            d["group"] = self.group
        d |= {
            "entities": {
                lvl: {
                    "micro": self.entity_total(lvl).as_dict(),
                    "by_type": {k: v.as_dict() for k, v in sorted(self.entities[lvl].items())},
                }
                for lvl in _LEVELS
            },
            "relations": {
                "micro": self.relation_total().as_dict(),
                "by_property": {k: v.as_dict() for k, v in sorted(self.relations.items())},
            },
        }
        if self.error:
            d["error"] = self.error
        if verbose:
            d["missed"] = list(self.missed)
            d["spurious"] = list(self.spurious)
        return d


_HEAD = f"{'':40} {'gold':>5} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6}"
_SUMMARY_HEAD = (
    f"{'':27}" + "".join(f"  {' ' + label + ' ':-^18}" for label in ("entities/top", "entities/exact", "relations")) + "\n"
    f"{'':22}{'docs':>5}" + f"  {'P':>6}{'R':>6}{'F1':>6}" * 3
)


def _row(name: str, c: Counts) -> str:
    return (
        f"{name:40} {c.tp + c.fn:5d} {c.tp:5d} {c.fp:5d} {c.fn:5d} "
        f"{c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}"
    )


def _prf(c: Counts) -> str:
    return f"  {c.precision:6.3f}{c.recall:6.3f}{c.f1:6.3f}"


@dataclass
class EvalReport:
    """Per-article scores and their sum (micro-averaged over all articles)."""

    articles: list[ArticleScore]

    def entity_counts(self, level: str = "top") -> dict[str, Counts]:
        return _sum_by_key(a.entities[level] for a in self.articles)

    def relation_counts(self) -> dict[str, Counts]:
        return _sum_by_key(a.relations for a in self.articles)

    def entity_total(self, level: str = "top") -> Counts:
        return _total(self.entity_counts(level))

    def relation_total(self) -> Counts:
        return _total(self.relation_counts())

    def by_set(self) -> dict[str, EvalReport]:
        """One report per evaluation set, in the order the sets were evaluated."""
        out: dict[str, list[ArticleScore]] = {}
        for a in self.articles:
            if a.set_name:
                out.setdefault(a.set_name, []).append(a)
        return {k: EvalReport(v) for k, v in out.items()}

    def by_group(self) -> dict[str, EvalReport]:
        """One report per region group (articles of grouped sets only), by group name."""
        out: dict[str, list[ArticleScore]] = {}
        for a in self.articles:
            if a.group is not None:
                out.setdefault(a.group, []).append(a)
        return {k: EvalReport(out[k]) for k in sorted(out)}

    def summary(self) -> dict[str, Any]:
        """Micro scores only: entities at both levels and relations."""
        return {
            "articles": len(self.articles),
            "entities": {lvl: self.entity_total(lvl).as_dict() for lvl in _LEVELS},
            "relations": self.relation_total().as_dict(),
        }

    def as_dict(self, verbose: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "articles": [a.as_dict(verbose) for a in self.articles],
            "total": {
                "entities": {
                    lvl: {
                        "micro": self.entity_total(lvl).as_dict(),
                        "by_type": {k: v.as_dict() for k, v in sorted(self.entity_counts(lvl).items())},
                    }
                    for lvl in _LEVELS
                },
                "relations": {
                    "micro": self.relation_total().as_dict(),
                    "by_property": {k: v.as_dict() for k, v in sorted(self.relation_counts().items())},
                },
            },
        }
        sets = self.by_set()
        if sets:
            d["sets"] = {k: r.summary() for k, r in sets.items()}
        groups = self.by_group()
        if groups:
            d["groups"] = {k: r.summary() for k, r in groups.items()}
        return d

    def to_json(self, verbose: bool = False) -> str:
        return json.dumps(self.as_dict(verbose), ensure_ascii=False, indent=2)

    def to_table(self, verbose: bool = False) -> str:
        """Plain-text tables, aggregates first.

        The micro scores (per set and in total) and the region groups come
        first, then the totals per top type, exact class and property. Per-article
        figures are diagnosis, so they come only with ``verbose``, each next to
        the missed and spurious facts of its article (this also keeps a held-out
        group's articles off the screen unless asked for).
        """

        def summary_row(name: str, report: EvalReport) -> str:
            cells = _prf(report.entity_total("top")) + _prf(report.entity_total("exact"))
            return f"{name:22}{len(report.articles):5d}{cells}{_prf(report.relation_total())}"

        lines = ["Micro scores", _SUMMARY_HEAD]
        sets = self.by_set()
        if len(sets) > 1:
            lines += [summary_row(k, r) for k, r in sets.items()]
        lines.append(summary_row(next(iter(sets)) if len(sets) == 1 else "total", self))
        groups = self.by_group()
        if groups:
            grouped = sorted({a.set_name for a in self.articles if a.group is not None} - {""})
            of = f" of {', '.join(grouped)}" if grouped else ""
            lines += ["", f"Region groups{of} (file-name prefix before _)"]
            lines.append(_SUMMARY_HEAD)
            lines += [summary_row(k, r) for k, r in groups.items()]
        failed = [a for a in self.articles if a.error]
        if failed:
            lines += ["", "Not built (scored as empty)"]
            lines += [f"  {a.doc}: {a.error}" for a in failed]
        for lvl, title in (("top", "Entities by top type"), ("exact", "Entities by exact class")):
            lines += ["", title, _HEAD]
            lines += [_row(k, c) for k, c in sorted(self.entity_counts(lvl).items())]
            lines.append(_row("micro", self.entity_total(lvl)))
        lines += ["", "Relations by property", _HEAD]
        lines += [_row(k, c) for k, c in sorted(self.relation_counts().items())]
        lines.append(_row("micro", self.relation_total()))
        if verbose:
            lines += ["", "Per article (micro)", _HEAD]
            for a in self.articles:
                lines.append(_row(f"{a.doc} entities/top", a.entity_total("top")))
                lines.append(_row(f"{a.doc} entities/exact", a.entity_total("exact")))
                lines.append(_row(f"{a.doc} relations", a.relation_total()))
                if a.error:
                    lines.append(f"  ! not built: {a.error}")
            for a in self.articles:
                lines += ["", f"== {a.doc}"]
                lines += [f"  missed   {m}" for m in a.missed]
                lines += [f"  spurious {s}" for s in a.spurious]
        return "\n".join(lines)


