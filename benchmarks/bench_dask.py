"""Benchmark: extraction on a local Dask cluster of 1 and 2 workers, beside the local build (issue 11, item 3).

Corpus: ``--mb`` MB of distinct articles made as in ``bench_build.py`` (seed 42).
Each row is one ``KnowledgeGraph.build(corpus)`` into memory, wall seconds,
cluster start-up included (workers import kg and load jieba's dictionary).
Usage (from the repository root)::

    PYTHONPATH=. .venv/bin/python benchmarks/bench_dask.py [--mb 4]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import make_corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=4.0, help="corpus size in MB (default 4)")
    args = ap.parse_args(argv)
    from kg.api import KnowledgeGraph

    with tempfile.TemporaryDirectory(prefix="kg-bench-dask-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        files, size = make_corpus(corpus, args.mb, False, 1)
        print(f"corpus: {files} distinct articles, {size / 1e6:.2f} MB")
        times = {}
        for label, kwargs in (("local, --jobs 1", {}), ("dask, 1 worker", {"cluster": 1}), ("dask, 2 workers", {"cluster": 2})):
            t = time.perf_counter()
            kg = KnowledgeGraph.build([corpus], **kwargs)
            times[label] = time.perf_counter() - t
            print(f"  {label:18s} {times[label]:8.1f} s wall  ({len(kg.report.articles)} articles)", flush=True)
        print(f"dask 2 workers vs 1: {times['dask, 1 worker'] / times['dask, 2 workers']:.2f}x faster "
              f"(the graph, resolution and store stay in this process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
