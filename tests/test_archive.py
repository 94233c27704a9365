"""The extractions kept beside a store (kg.archive): one pack per build, read back as they were kept."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest
from conftest import SEEDS

from kg import archive
from kg.api import KnowledgeGraph, add, remove

FILES = sorted(SEEDS.glob("*.txt"))


def packs(store):
    return {p: sorted(archive._index(p)[1]) for p in archive.folder(store).glob("*.pack")}


@pytest.fixture(scope="module")
def extractions(tmp_path_factory):
    store = tmp_path_factory.mktemp("archive") / "store"
    kg = KnowledgeGraph.build(FILES, store=store)
    return archive.load(store, sorted(archive.articles_in(kg.store)))


def test_a_build_keeps_its_extractions_in_one_pack(tmp_path, extractions):
    store = tmp_path / "store"
    KnowledgeGraph.from_extractions(extractions, store=store)
    assert [p.suffix for p in archive.folder(store).iterdir()] == [".pack"]
    assert list(packs(store).values()) == [sorted(x.article.digest for x in extractions)]
    assert archive.load(store, [x.article.digest[:16] for x in extractions]) == extractions


def test_add_and_remove_keep_each_article_once(tmp_path, extractions):
    store = tmp_path / "store"
    KnowledgeGraph.build(FILES[:2], store=store)
    add(FILES[2:], store)
    assert sorted(d for ds in packs(store).values() for d in ds) == sorted(x.article.digest for x in extractions)
    assert len(packs(store)) == 2  # the build's, the addition's
    remove([FILES[0].name], store)
    left = sorted(x.article.digest for x in extractions if x.article.source_file != FILES[0].name)
    assert sorted(d for ds in packs(store).values() for d in ds) == left  # its pack written again without it
    assert [p.suffix for p in archive.folder(store).iterdir()] == [".pack"] * 2
    assert len(archive.load(store, [d[:16] for d in left])) == len(FILES) - 1


def test_a_build_that_loses_the_writer_lock_drops_no_kept_extraction(tmp_path, extractions):
    """kg build --replace racing a kg add: the add holds the lock and has kept the extraction of the
    article it adds; the build fails on the lock and leaves every file beside the store as it was."""
    from kg import versions
    from kg.store import StoreError

    store = tmp_path / "store"
    KnowledgeGraph.from_extractions(extractions[:1], store=store)
    with archive.Pack(store) as pack:  # (what the add has kept, its store not swapped in yet)
        pack.add(extractions[1].article.digest, archive.pickled(extractions[1]))
    before = packs(store)
    with versions.writer_lock(store.absolute()), pytest.raises(StoreError, match="being written"):
        KnowledgeGraph.from_extractions(extractions[2:3], store=store)
    assert packs(store) == before


def test_files_of_one_extraction_each_are_still_read_and_replaced_by_a_build(tmp_path, extractions):
    """A store kept as before packs (``<digest>.pickle`` per article) serves kg add/remove; a build
    then keeps its extractions in a pack and drops those files."""
    store = tmp_path / "store"
    KnowledgeGraph.from_extractions(extractions, store=store)
    where = archive.folder(store)
    for p in where.iterdir():
        p.unlink()
    for x in extractions:
        (where / f"{x.article.digest}.pickle").write_bytes(archive.pickled(x))
    assert archive.load(store, [x.article.digest[:16] for x in extractions]) == extractions
    smaller = remove([FILES[0].name], store)
    assert len(smaller.report.articles) == len(FILES) - 1
    assert [p.suffix for p in where.iterdir()] == [".pack"]


def test_extractions_of_another_extractor_are_not_mixed_in(tmp_path, extractions, monkeypatch):
    store = tmp_path / "store"
    KnowledgeGraph.from_extractions(extractions, store=store)
    (old,) = packs(store)
    monkeypatch.setattr(archive, "extractor_id", lambda: "0+other")
    with pytest.raises(archive.ArchiveError, match="another version of the extractor"):
        archive.load(store, [extractions[0].article.digest[:16]])
    KnowledgeGraph.from_extractions(extractions, store=store)  # a rebuild keeps them again, by this extractor
    (new,) = packs(store)
    assert new == old and archive._index(new)[0] == "0+other"  # (same articles, same name: replaced)
    assert archive.load(store, [x.article.digest[:16] for x in extractions]) == extractions


def test_a_pack_is_written_whole_or_not_at_all(tmp_path, extractions):
    store = tmp_path / "store"
    with pytest.raises(RuntimeError), archive.Pack(store) as pack:
        pack.add(extractions[0].article.digest, archive.pickled(extractions[0]))
        raise RuntimeError("interrupted")
    assert list(archive.folder(store).iterdir()) == []
    with archive.Pack(store) as pack:
        pack.add("ab" * 32, pickle.dumps(("x", None)))
    (path,) = archive.folder(store).iterdir()
    assert archive._index(path)[1] == {"ab" * 32: (0, len(pickle.dumps(("x", None))))}


def test_prune_leaves_a_pack_being_written_by_a_live_process(tmp_path, extractions):
    """A build with workers writes its pack all through its extraction, outside the writer lock:
    another writer's prune removes the temporary files of dead processes only."""
    import subprocess
    import sys

    store = tmp_path / "store"
    KnowledgeGraph.from_extractions(extractions, store=store)
    where = archive.folder(store)
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        (where / f"pack0.tmp-{live.pid}").write_bytes(b"part")
        (where / f"pack0.tmp-{dead.pid}").write_bytes(b"part")
        archive.prune(store, [x.article.digest for x in extractions])
        assert sorted(p.name for p in where.iterdir() if ".tmp-" in p.name) == [f"pack0.tmp-{live.pid}"]
    finally:
        live.kill()
        live.wait()


def test_an_extraction_pickles_as_tuples_of_fields_and_round_trips_equal():
    from kg.model import Amount, DateValue, Entity, Mention, Relation, Sentence

    parts = [Sentence(0, 0, 4, "签约仪式"), Mention("签约", 0, 2, 0), Entity("Event", "签约仪式", {"仪式"}, [Mention("签约仪式", 0, 4, 0)]),
             Relation("investment", "X项目", Amount(Decimal("12.5"), "CNY"), 0), Relation("date", "签约仪式", DateValue("2026-11-30"), 0),
             Relation("holdsPosition", "张三", None, 0, "市长")]
    for p in parts:
        data = pickle.dumps(p, protocol=pickle.HIGHEST_PROTOCOL)
        assert pickle.loads(data) == p
        assert b"__dict__" not in data and b"start" not in data  # (no field names: a tuple of values)


def test_an_extraction_kept_whole_as_before_is_read_as_one_kept_as_fields(tmp_path, extractions):
    """archive.pickled keeps an extraction as the tuples of its objects' fields; a record of an
    extraction pickled whole (what builds kept before) is read the same."""
    x = extractions[0]
    assert archive.unpickled(archive.pickled(x)) == x
    whole = pickle.dumps((archive.extractor_id(), x), protocol=pickle.HIGHEST_PROTOCOL)
    assert archive.unpickled(whole) == x
    store = tmp_path / "store"
    with archive.Pack(store) as pack:
        pack.add(x.article.digest, whole)
    assert archive.load(store, [x.article.digest[:16]]) == [x]
