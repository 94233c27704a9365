"""kg.pipeline: the collector paused for a build, and what it leaves on the way out."""

from __future__ import annotations

import gc
import weakref

from kg.pipeline import collector_paused
from kg.workers import _chunk_sizes


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def test_the_collector_is_paused_then_enabled_with_the_new_objects_old():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: still paused after the inner one
            pass
        assert not gc.isenabled()
        kept = [[i] for i in range(50_000)]
    assert gc.isenabled()
    # the 50,000 lists joined the oldest generation, not the youngest (whose first collection would walk them all)
    young = {id(o) for o in gc.get_objects(generation=0)}
    assert id(kept) not in young and id(kept[0]) not in young
    assert any(o is kept[-1] for o in gc.get_objects(generation=2))
    assert gc.get_freeze_count() == 0
    assert len(kept) == 50_000


def test_cyclic_garbage_made_while_paused_is_still_collected():
    with collector_paused():
        ref = weakref.ref(_Node())
    assert ref() is not None  # a cycle: not freed by reference counting
    gc.collect()
    assert ref() is None


def test_objects_someone_else_froze_stay_frozen():
    gc.collect()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with collector_paused():
            made = [[i] for i in range(1_000)]
        assert gc.get_freeze_count() == frozen
        assert gc.isenabled() and len(made) == 1_000
    finally:
        gc.unfreeze()


def test_chunks_shrink_at_the_end_and_cover_every_item():
    for n, jobs in [(1, 1), (5, 2), (100, 2), (1344, 2), (1344, 4), (10_000, 3)]:
        sizes = _chunk_sizes(n, jobs)
        assert sum(sizes) == n and all(s >= 1 for s in sizes)
        assert sizes == sorted(sizes, reverse=True) and sizes[0] <= 16
    assert _chunk_sizes(1344, 2)[0] == 16 and _chunk_sizes(1344, 2)[-1] == 1


def test_auto_jobs_runs_a_few_small_articles_without_a_pool():
    from conftest import SEEDS
    from kg.pipeline import auto_jobs

    assert auto_jobs(sorted(SEEDS.glob("*.txt"))) == 1  # five articles, ~20 kB
    assert auto_jobs([]) == 1


def test_auto_jobs_is_one_process_per_core_and_per_128_kB_and_per_file(tmp_path):
    from kg.pipeline import BYTES_PER_JOB, MAX_AUTO_JOBS, auto_jobs, usable_cores

    files = []
    for i in range(12):
        f = tmp_path / f"a{i}.txt"
        f.write_bytes(b"x" * BYTES_PER_JOB)
        files.append(f)
    assert auto_jobs(files[:1]) == 1  # one file: one process, whatever its size
    assert auto_jobs(files[:3]) == min(usable_cores(), 3)
    assert auto_jobs(files) == min(usable_cores(), MAX_AUTO_JOBS)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (3 * BYTES_PER_JOB))
    assert auto_jobs([big, files[0]]) == min(usable_cores(), 2)
    assert auto_jobs([tmp_path / "missing.txt", files[0]]) == 1  # (a missing file weighs nothing)


def test_jobs_must_be_a_number_of_processes_or_auto():
    import pytest

    from kg.pipeline import check_jobs

    assert check_jobs("auto") == "auto" and check_jobs(3) == 3
    for bad in (0, -1, True, "2", "all", 1.5):
        with pytest.raises(ValueError, match="jobs must be"):
            check_jobs(bad)


def test_an_article_past_the_extraction_time_limit_fails_alone(tmp_path):
    """Some rules grow faster than an article's length: one pathological file must not hold the build."""
    import subprocess
    import sys

    from conftest import ENV, SEEDS

    (tmp_path / "chain.txt").write_text("张三" + "董事长总经理" * 3000 + "出席。", encoding="utf-8")
    good = sorted(SEEDS.glob("*.txt"))[0]
    for jobs in ("1", "2"):
        proc = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "chain.txt"), str(good), "-o",
                               str(tmp_path / f"g{jobs}.nq"), "--jobs", jobs], env={**ENV, "KG_EXTRACT_TIMEOUT": "1"},
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 1 and "(1 article" in proc.stdout, proc.stderr
        assert proc.stderr.startswith(f"failed: {tmp_path / 'chain.txt'}: extraction stopped after 1 s (an article of 18,005")


def test_ctrl_c_while_the_main_process_warms_up_for_the_pool_is_not_swallowed(monkeypatch):
    """_worker_start runs in the main process too (before the workers fork): a Ctrl-C there must reach
    the build (it was swallowed, and a --jobs 2 build interrupted in its first second replaced the store)."""
    import pytest

    import kg.extract
    from kg.workers import _worker_start

    def interrupted(article):
        raise KeyboardInterrupt

    monkeypatch.setattr(kg.extract, "extract", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _worker_start()

