"""Benchmark: the same stories carried by many outlets (issue 9, item 1).

A news archive holds each story many times: one signing reported by twenty
outlets. Here each seed article is stored ×1, ×10 and ×100 (every copy with
its own first line, so no copy is skipped as a byte-identical duplicate),
built into a fresh store, and then every named query, the projection and the
analyses are timed on it. With one copy of each fact in the default graph,
query and analysis time should follow the number of *distinct* facts (the
same at every size), not the number of articles; provenance (evidence
nodes) grows with the copies, as it should.

Usage (from the repository root)::

    PYTHONPATH=. .venv/bin/python benchmarks/bench_repeated.py [--copies 1,10,100] [--runs 3]

Figures: the build in wall seconds; each query and analysis in CPU milliseconds per call, the
median of ``--runs`` runs, each repeating the call for at least 50 ms (see ``timed``); the ratio
column is time at ×N over time at ×1. Nothing is asserted; the script exits 0.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
OUTLETS = ["苏州日报", "昆山发布", "江苏经济报", "中国江苏网", "交汇点新闻", "扬子晚报网", "现代快报", "名城苏州网"]
#: Parameters for the named queries that need one (entities of the seed articles).
PARAMS = {"entity_card": {"entity": "冯玉川"}}


def make_corpus(folder: Path, copies: int) -> int:
    """Each seed article ``copies`` times, each copy with its own first line; returns the file count."""
    n = 0
    for src in SEEDS:
        text = src.read_text(encoding="utf-8")
        for k in range(copies):
            header = f"来源：{OUTLETS[k % len(OUTLETS)]} 转载编号 {k:04d}\n" if k else ""
            (folder / f"{src.stem}_{k:04d}.txt").write_text(header + text, encoding="utf-8")
            n += 1
    return n


def timed(fn, runs: int, least: float = 0.05) -> float:  # type: ignore[no-untyped-def]
    """CPU seconds of one call of ``fn``: the median of ``runs`` runs, each calling it as often as fits
    in ``least`` seconds (at least once), after one call not timed. Most of these calls take 1-5 ms:
    timed one by one on the wall clock, a shared VM's jitter made their ratios swing 1.3-2x between
    two runs of the same code; a first call also pays the query's plan and the worker thread."""
    fn()
    times = []
    for _ in range(runs):
        n, start = 0, time.process_time()
        while True:
            fn()
            n += 1
            spent = time.process_time() - start
            if spent >= least:
                break
        times.append(spent / n)
    return statistics.median(times)


def measure(copies: int, runs: int, work: Path) -> dict[str, float]:
    from kg.analyse.projection import to_networkx
    from kg.api import KnowledgeGraph
    from kg.query import list_queries

    corpus = work / f"x{copies}"
    corpus.mkdir()
    files = make_corpus(corpus, copies)
    t = time.perf_counter()
    kg = KnowledgeGraph.build([corpus], store=work / f"store{copies}")
    out: dict[str, float] = {"build (wall s)": time.perf_counter() - t}
    facts = kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?p), STR(cy:)) "
                     "&& ?p NOT IN (cy:mentionedIn, cy:sourceFile)) }")
    evidence = kg.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?sentence cy:states ?statement } }")
    out["articles"] = len(kg.report.articles)
    out["files"] = files
    out["facts (cy: triples, default graph)"] = int(facts["n"][0])
    out["evidence (fact, sentence) links"] = int(evidence["n"][0])
    for info in list_queries():
        out[f"query {info.name}"] = timed(lambda: kg.query(info.name, **PARAMS.get(info.name, {})), runs)
    out["projection (to_networkx)"] = timed(lambda: to_networkx(kg.dataset), runs)
    kg.to_networkx()
    out["analyze centrality"] = timed(lambda: kg.centrality(top=10), runs)
    out["analyze communities"] = timed(lambda: kg.communities(), runs)
    out["analyze brokers"] = timed(lambda: kg.brokers(), runs)
    kg.close()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", default="1,10,100", help="comma-separated copy counts (default 1,10,100)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per figure (median; default 5)")
    args = ap.parse_args(argv)
    sizes = [int(c) for c in args.copies.split(",")]
    with tempfile.TemporaryDirectory(prefix="kg-repeated-") as tmp:
        results = {c: measure(c, args.runs, Path(tmp)) for c in sizes}
    base = sizes[0]
    rows = list(results[base])
    head = f"{'':34s}" + "".join(f"{'x' + str(c):>12s}" for c in sizes) + "".join(f"{'ratio x' + str(c):>12s}" for c in sizes[1:])
    print(f"repeated stories: {len(SEEDS)} seed articles, each stored x{', x'.join(map(str, sizes))}; "
          f"the build's wall seconds, counts, and CPU milliseconds per call (median of {args.runs} runs)")
    print(head)
    for row in rows:
        vals = [results[c][row] for c in sizes]
        count = row in ("articles", "files", "facts (cy: triples, default graph)", "evidence (fact, sentence) links")
        cells = "".join(f"{v:12.0f}" if count else f"{v:12.3f}" if row.startswith("build") else f"{v * 1000:12.2f}" for v in vals)
        ratios = "".join(f"{v / vals[0]:12.2f}" if vals[0] else f"{'-':>12s}" for v in vals[1:])
        print(f"{row:34s}{cells}{ratios}")
    last = sizes[-1]
    t1, tn = results[base]["query timeline"], results[last]["query timeline"]
    print(f"timeline at x{last}: {tn * 1000:.2f} ms CPU, {tn / t1:.2f}x of x{base} [target <= 2x]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
