"""Benchmark: end-to-end ``kg build`` throughput against bare ``jieba.cut``.

Builds a corpus by repeating and varying the seed articles (numbers changed,
paragraphs rotated), then measures, on the same text and in the same run:

* bare ``jieba.cut`` over every article (the baseline),
* ``KnowledgeGraph.build`` into an on-disk store with ``jobs=1`` and ``jobs=2``.

Usage::

    .venv/bin/python benchmarks/bench_build.py [--mb 2.0]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def make_corpus(target_mb: float, out: Path) -> tuple[int, int]:
    """Write varied copies of the seeds into ``out``; return (files, bytes)."""
    rng = random.Random(42)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    digits = str.maketrans("0123456789", "3579124680")
    total = files = 0
    i = 0
    while total < target_mb * 1_000_000:
        text = seeds[i % len(seeds)]
        paragraphs = text.split("\n")
        k = rng.randrange(len(paragraphs))
        if i % 2:
            text = text.translate(digits)
        varied = "\n".join(paragraphs[k:] + paragraphs[:k]) if i % 3 else text
        path = out / f"art_{i:05d}.txt"
        path.write_text(varied, encoding="utf-8")
        total += path.stat().st_size
        files += 1
        i += 1
    return files, total


def time_jieba(paths: list[Path]) -> float:
    import jieba

    jieba.initialize()
    start = time.perf_counter()
    for p in paths:
        for _ in jieba.cut(p.read_text(encoding="utf-8")):
            pass
    return time.perf_counter() - start


def time_build(corpus: Path, jobs: int, work: Path) -> tuple[float, int]:
    from kg.api import KnowledgeGraph

    store = work / f"store-j{jobs}"
    start = time.perf_counter()
    kg = KnowledgeGraph.build([corpus], store=store, jobs=jobs)
    elapsed = time.perf_counter() - start
    return elapsed, len(kg.dataset)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size in MB (default 2)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        files, size = make_corpus(args.mb, corpus)
        mb = size / 1_000_000
        paths = sorted(corpus.glob("*.txt"))
        print(f"corpus: {files} articles, {mb:.2f} MB (varied copies of seeds/)")

        # Warm up jieba's dictionary and the extractor's lexicons outside the timings.
        from kg.api import KnowledgeGraph

        KnowledgeGraph.build([paths[0]])

        t_jieba = time_jieba(paths)
        print(f"baseline  jieba.cut           {t_jieba:7.2f} s  {mb / t_jieba:6.2f} MB/s")
        rows = []
        for jobs in (1, 2):
            t, quads = time_build(corpus, jobs, work)
            rows.append((jobs, t, quads))
            print(
                f"kg build  --jobs {jobs}            {t:7.2f} s  {mb / t:6.2f} MB/s"
                f"  ({t / t_jieba:4.1f}x jieba.cut time, {quads} quads)"
            )
        target = 0.4
        single = mb / rows[0][1]
        print(f"target: >= {target} MB/s on one core -> {'met' if single >= target else 'NOT met'} ({single:.2f} MB/s)")
        print(f"speed-up with 2 jobs: {rows[0][1] / rows[1][1]:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
