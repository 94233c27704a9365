"""Smoke test of benchmarks/bench_analyses.py: a tiny run prints every analysis beside NetworkX.

No timing is asserted (the figures depend on the machine and its load).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ENV

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks" / "bench_analyses.py"


def test_tiny_run_prints_each_analysis_and_the_sample() -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--sizes", "25000", "--nx-cap", "30", "--probe", "5"],
        env=ENV, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "projection of 2,750 nodes" in out
    for row in ("centrality (scores table)", "betweenness [sampled k=500 seed=0]", "pagerank", "communities", "brokers"):
        assert row in out, row
    assert "est." in out and "sampled vs exact betweenness" in out
