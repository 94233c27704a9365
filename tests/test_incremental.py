"""kg add / kg remove: only new articles are extracted, and the graph equals a full build of the same articles."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.api import KnowledgeGraph, add, remove

from conftest import SEEDS, graph_quads
from conftest import ENV

FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    return graph_quads(KnowledgeGraph.build(FILES, store=tmp_path_factory.mktemp("full") / "store"))


def test_adding_articles_gives_the_graph_of_a_full_build(tmp_path, full, monkeypatch):
    store = tmp_path / "store"
    KnowledgeGraph.build(FILES[:2], store=store)
    import kg.extract

    seen = []
    real = kg.extract.extract
    monkeypatch.setattr(kg.extract, "extract", lambda a: seen.append(a.source_file) or real(a))
    grown = add(FILES[2:], store)
    assert sorted(seen) == sorted(f.name for f in FILES[2:])  # the kept articles were not re-extracted
    assert graph_quads(grown) == full
    assert sorted(grown.report.articles) == sorted(f.name for f in FILES)


def test_removing_articles_gives_the_graph_of_a_full_build_without_them(tmp_path):
    store = tmp_path / "store"
    KnowledgeGraph.build(FILES, store=store)
    smaller = remove([FILES[-1].name], store)
    expected = graph_quads(KnowledgeGraph.build(FILES[:-1], store=tmp_path / "other"))
    assert graph_quads(smaller) == expected
    iri = smaller.query("SELECT ?a WHERE { ?a cy:sourceFile ?f } ORDER BY ?f LIMIT 1")["a"][0]
    assert len(remove([iri], store).report.articles) == len(FILES) - 2  # by IRI too
    with pytest.raises(ValueError, match="holds no article 'nope.txt'"):
        remove(["nope.txt"], store)


def test_entities_gain_and_lose_names_as_articles_come_and_go(tmp_path):
    """An entity's canonical label and aliases come from all its articles: adding or removing one changes them."""
    store = tmp_path / "store"
    labels = lambda kg: set(kg.query("SELECT ?l WHERE { ?e skos:altLabel|rdfs:label ?l }")["l"])  # noqa: E731
    one = KnowledgeGraph.build(FILES[:1], store=store)
    names_one = labels(one)
    both = add(FILES[1:2], store)
    assert labels(both) - names_one  # new names arrive with the new article
    back = remove([FILES[1].name], store)
    assert labels(back) == names_one  # and leave with it


def test_cli_build_into_a_store_with_other_articles_needs_replace(tmp_path):
    store = tmp_path / "store"
    run = lambda *a: subprocess.run([sys.executable, "-m", "kg", *a, "--store", str(store)], env=ENV,  # noqa: E731
                                    capture_output=True, text=True, timeout=600)
    assert run("build", *map(str, FILES[:2])).returncode == 0
    proc = run("build", str(FILES[2]))
    assert proc.returncode == 2 and "holds 2 articles not in this build" in proc.stderr and "--replace" in proc.stderr
    assert run("add", str(FILES[2])).returncode == 0
    proc = run("remove", FILES[0].name)
    assert proc.returncode == 0 and "2 articles left" in proc.stdout
    assert run("build", str(FILES[2]), "--replace").returncode == 0


def _add_while_extracting(monkeypatch, store, added_file):
    """The next build's extraction is followed by a ``kg add`` of ``added_file`` from another process."""
    import kg.api

    real = kg.api._pipeline

    def extracting_while_another_adds(*args, **kwargs):
        out = real(*args, **kwargs)
        added = subprocess.run([sys.executable, "-m", "kg", "add", str(added_file), "--store", str(store)], env=ENV,
                               capture_output=True, text=True, timeout=600)
        assert added.returncode == 0, added.stderr
        return out

    monkeypatch.setattr(kg.api, "_pipeline", extracting_while_another_adds)
    return real


def test_a_build_does_not_overwrite_a_writer_that_finished_while_it_extracted(tmp_path, monkeypatch):
    """The check that a build drops no article is made again under the store's lock, before writing."""
    from kg.incremental import current_articles
    from kg.store import StoreError

    store = tmp_path / "store"
    KnowledgeGraph.build(FILES[:2], store=store)
    _add_while_extracting(monkeypatch, store, FILES[2])
    with pytest.raises(StoreError, match=f"holds 1 article not in this build \\({FILES[2].name}\\)"):
        KnowledgeGraph.build(FILES[:2], store=store, replace=False)
    assert sorted(current_articles(store).values()) == [f.name for f in FILES[:3]]


def test_a_replacing_build_does_not_drop_an_article_added_while_it_extracted(tmp_path, monkeypatch):
    """--replace replaces what the store held when the build started; an article a kg add put in
    meanwhile makes the build refuse (it was dropped, both commands exit 0)."""
    import kg.api
    from kg.incremental import current_articles
    from kg.store import StoreError

    store = tmp_path / "store"
    KnowledgeGraph.build(FILES[:2], store=store)
    real = _add_while_extracting(monkeypatch, store, FILES[3])
    with pytest.raises(StoreError, match=f"gained 1 article while this build ran \\({FILES[3].name}"):
        KnowledgeGraph.build(FILES[1:3], store=store, replace=True)
    assert sorted(current_articles(store).values()) == sorted([FILES[0].name, FILES[1].name, FILES[3].name])
    monkeypatch.setattr(kg.api, "_pipeline", real)
    assert len(KnowledgeGraph.build(FILES[1:3], store=store, replace=True).report.articles) == 2  # (no race: it replaces)


def test_a_writer_first_drops_what_a_failed_one_left(tmp_path):
    """A write that failed (a full disk, a kill) leaves the extractions it kept; the next writer drops
    them before it writes, so that the space they take cannot make it fail too."""
    from kg import archive
    from kg.incremental import current_articles

    store = tmp_path / "store"
    kg = lambda *a, crash=None: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "kg", *a, "--store", str(store)], capture_output=True, text=True, timeout=600,
        env=dict(ENV, KG_STORE_CRASH_AT=crash) if crash else ENV)
    assert kg("build", *map(str, FILES[:2])).returncode == 0
    held = set(current_articles(store))
    assert kg("add", str(FILES[2]), str(FILES[3]), crash="filled").returncode == 9  # killed after keeping them
    kept = lambda: {d[:16] for _, _, records in archive._packs(archive.folder(store)) for d in records}  # noqa: E731
    orphans = kept() - held
    assert len(orphans) == 2
    assert kg("add", str(FILES[4]), crash="locked").returncode == 9  # killed as soon as it holds the lock
    assert not kept() & orphans and held <= kept()
    assert set(current_articles(store)) == held


def test_add_and_remove_run_with_the_collector_paused(tmp_path):
    """kg add and kg remove read back every kept extraction (~10^5 objects per thousand articles) and
    write the graph of all of them; with the cyclic collector running, each few thousand new objects
    made it walk them all again (2.2 s of a 12 s add of one article to a store of 5,391)."""
    from conftest import collections

    seeds = sorted(SEEDS.glob("*.txt"))
    KnowledgeGraph.build(seeds[:3], store=tmp_path / "store")
    with collections() as runs:
        add(seeds[3:], tmp_path / "store")
        remove([seeds[0].name], tmp_path / "store")
    assert runs == []


def test_a_copy_under_another_name_is_held_by_the_name_a_build_of_both_keeps(tmp_path):
    """The same bytes under two names: the store holds the first by name, as a build of both does,
    whatever order they came in, and keeps that name through later writes (an article's extraction
    is kept once per content, with the name it was first extracted under: a later add brought it back)."""
    a, b, c = FILES[:3]
    (tmp_path / "in").mkdir()
    late, early = tmp_path / "in" / "zz_copy.txt", tmp_path / "in" / "0.txt"  # after and before a's name
    for copy in (late, early):
        copy.write_bytes(a.read_bytes())
    built = lambda name, *files: graph_quads(KnowledgeGraph.build(list(files), store=tmp_path / name))  # noqa: E731
    # a build of the renamed copy over a store of the original, then an unrelated add and remove
    store = tmp_path / "s1"
    KnowledgeGraph.build([a], store=store)
    KnowledgeGraph.build([late], store=store)
    assert graph_quads(add([b], store)) == built("f1", late, b)
    assert graph_quads(remove([b.name], store)) == built("f2", late)
    # kg add of a copy whose name comes after the held article's: a duplicate, as in a build of both
    store = tmp_path / "s2"
    KnowledgeGraph.build([a, b], store=store)
    dup = add([late], store)
    assert dup.report.failures == [(str(late), f"duplicate of {a.name} (identical bytes), which the store holds")]
    assert "zz_copy.txt" not in dup.report.articles and graph_quads(dup) == built("f3", a, b, late)
    # one whose name comes first takes the held one's place, said; and it stays through later writes
    first = add([early], store)
    assert first.report.warnings == [f"{a.name}: taken out of the store, a duplicate of 0.txt (identical bytes)"]
    assert graph_quads(first) == (expected := built("f4", early, b))
    assert graph_quads(add([c], store)) == built("f5", early, b, c)
    assert graph_quads(remove([c.name], store)) == expected


def test_two_articles_of_one_file_name_are_said_at_build(tmp_path):
    """A store knows its articles by file name: two folders' a.txt are built both, and the build says
    that kg add or kg remove of a.txt takes them together (it replaced both in silence)."""
    for folder, seed in (("x", FILES[0]), ("y", FILES[1])):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_bytes(seed.read_bytes())
    kg = KnowledgeGraph.build([tmp_path / "x", tmp_path / "y"])
    assert kg.report.articles == ["a.txt", "a.txt"]
    assert kg.report.warnings == [f"2 articles are named a.txt ({tmp_path / 'x' / 'a.txt'}, {tmp_path / 'y' / 'a.txt'}): a store "
                                  "knows its articles by file name, so kg add or kg remove of a.txt takes them together"]
    assert KnowledgeGraph.build(FILES[:2]).report.warnings == []


def test_adding_a_file_of_a_name_the_store_holds_several_articles_of_says_it_replaces_them_all(tmp_path):
    for folder, seed in (("x", FILES[0]), ("y", FILES[1])):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_bytes(seed.read_bytes())
    store = tmp_path / "store"
    KnowledgeGraph.build([tmp_path / "x", tmp_path / "y"], store=store)
    kg = add([tmp_path / "x" / "a.txt"], store)
    assert kg.report.articles == ["a.txt"]
    assert any(w.startswith("a.txt: the store held 2 articles of this name") for w in kg.report.warnings), kg.report.warnings
    kg = add([tmp_path / "x" / "a.txt"], store)  # (one of the name: the file changed or not, no warning)
    assert not any("held" in w for w in kg.report.warnings), kg.report.warnings


def test_a_store_whose_extractions_are_gone_names_the_article_file(tmp_path):
    import shutil

    from kg import archive
    from kg.archive import ArchiveError

    store = tmp_path / "store"
    KnowledgeGraph.build(FILES[:2], store=store)
    shutil.rmtree(archive.folder(store))
    with pytest.raises(ArchiveError, match=f"the extraction of ({FILES[0].name}|{FILES[1].name}) \\(article [0-9a-f]{{16}}\\)"):
        add([FILES[2]], store)
