"""The wheel, installed in a fresh venv, works from any folder: its data (lexicons, ontology, named
queries, evaluation sets) is inside the package, and nothing is read from the checkout."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_in_a_fresh_venv_builds_queries_and_scores_from_elsewhere(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    wheel = next(dist.glob("chanye_kg-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    proc = subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stderr[-2000:]
    work = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "seeds", work / "articles")
    kg = [str(env_dir / "bin" / "kg")]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(kg + list(args), cwd=work, capture_output=True, text=True, timeout=600)

    assert run("--version").stdout.startswith("chanye-kg ")
    assert "people_posts" in run("queries").stdout
    built = run("build", "articles", "--store", "st")
    assert built.returncode == 0 and "5 articles" in built.stdout, built.stderr
    assert "(6 rows)" in run("query", "timeline", "--store", "st").stdout
    scored = run("eval", "--set", "seeds")
    assert scored.returncode == 0 and "seeds" in scored.stdout, scored.stderr
    assert not (work / "ontology").exists()  # nothing came from a checkout
