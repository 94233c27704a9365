"""Smoke test of benchmarks/bench_build.py: it runs on a tiny corpus and prints its verdict line.

No timing is asserted (the figures depend on the machine and its load).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ENV

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks" / "bench_build.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(BENCH), *args], env=ENV, capture_output=True, text=True, timeout=600)


def test_help() -> None:
    proc = run("--help")
    assert proc.returncode == 0, proc.stderr
    assert "--mb" in proc.stdout and "--repeated" in proc.stdout


def test_tiny_run_prints_the_final_line() -> None:
    proc = run("--mb", "0.02", "--runs", "1")
    assert proc.returncode == 0, proc.stderr
    last = proc.stdout.strip().splitlines()[-1]
    final = r"build throughput \(one core, distinct articles\): \d+\.\d\d MB/s  \[floor 0\.4 MB/s: (ok|BELOW)\]"
    assert re.fullmatch(final, last), last
    files, unique = re.search(r"corpus: (\d+) files .* (\d+) distinct by bytes", proc.stdout).groups()
    assert files == unique  # no two articles equal: kg build must skip none as a duplicate
    peaks = re.findall(r"^    peak memory \(max resident set\)\s+(\d+) MB", proc.stdout, re.M)
    assert len(peaks) == 2 and all(50 < int(mb) < 4000 for mb in peaks), proc.stdout  # -j1 and -j2 builds


def test_repeated_stories_benchmark_runs_and_keeps_facts_flat() -> None:
    bench = ROOT / "benchmarks" / "bench_repeated.py"
    proc = subprocess.run([sys.executable, str(bench), "--copies", "1,2", "--runs", "1"], env=ENV,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    facts = re.search(r"^facts \(cy: triples, default graph\)\s+(\d+)\s+(\d+)", proc.stdout, re.M)
    assert facts and facts.group(1) == facts.group(2), proc.stdout  # one copy of each fact
    assert re.search(r"^timeline at x2: \d+\.\d\d ms CPU, \d+\.\d\dx of x1 \[target <= 2x\]$", proc.stdout, re.M)


def test_query_benchmark_runs_every_named_query_on_disk_and_in_memory() -> None:
    bench = ROOT / "benchmarks" / "bench_queries.py"
    proc = subprocess.run([sys.executable, str(bench), "--sizes", "5000", "--runs", "1"], env=ENV,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    from kg.query import list_queries

    summary = proc.stdout.split("summary at", 1)[1]
    for info in list_queries():
        assert re.search(rf"^  {info.name}\s+\d+ ", summary, re.M), info.name
    assert re.search(r"^slowest named query at 5,000 triples: disk \d+\.\d\d s, memory \d+\.\d\d s", proc.stdout, re.M)
    for kind in ("disk", "memory"):  # both stores hold kg.derived's summaries (loaded by this version)
        assert f"  {kind} store: summaries of kg.derived (cyr:graph/derived) version " in proc.stdout
