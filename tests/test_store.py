"""kg.store: the on-disk Oxigraph store, atomic replacement, export."""

from __future__ import annotations

from datetime import datetime, timezone

import pyoxigraph as ox
import pytest
import rdflib

from conftest import store_leftovers
from handmade import handmade
from kg import derived
from kg.graph import G_BUILD, build_activity, build_quads
from kg.store import StoreError, export, is_store, memory_dataset, open_dataset, write_store, write_text


@pytest.fixture(scope="module")
def quads():
    return build_quads(handmade())


def stored_quads(path):
    ds = open_dataset(path)
    inner = ds.store._inner
    out = set(inner.quads_for_pattern(None, None, None, None))
    del ds, inner
    return out


def test_write_and_open(tmp_path, quads):
    path = tmp_path / "store"
    assert write_store(path, quads) == len(quads)
    assert is_store(path)
    assert stored_quads(path) == set(quads)
    ds = open_dataset(path)
    # the default graph holds the facts: a plain triple pattern sees them
    assert len(list(ds.triples((None, rdflib.RDF.type, None)))) > 0
    assert store_leftovers(tmp_path) == []


def test_rebuild_adds_nothing(tmp_path, quads):
    path = tmp_path / "store"
    t = datetime(2024, 1, 1, tzinfo=timezone.utc)
    arts = [x.article for x in handmade()]
    write_store(path, quads + build_activity(arts, t))
    first = stored_quads(path)
    write_store(path, build_quads(list(reversed(handmade()))) + build_activity(arts, datetime.now(timezone.utc)))
    second = stored_quads(path)
    assert len(first) == len(second)
    assert {q for q in first if q.graph_name != G_BUILD} == {q for q in second if q.graph_name != G_BUILD}


@pytest.mark.parametrize("error", [RuntimeError("extraction blew up"), KeyboardInterrupt()])
def test_failed_build_leaves_old_store_and_no_temp_dir(tmp_path, quads, error):
    path = tmp_path / "store"
    write_store(path, quads[:100])
    before = stored_quads(path)

    def failing():
        yield from quads
        raise error

    with pytest.raises(type(error)):
        write_store(path, failing())
    assert stored_quads(path) == before
    assert store_leftovers(tmp_path) == []


def test_refuses_to_replace_a_non_store(tmp_path, quads):
    path = tmp_path / "notastore"
    path.mkdir()
    (path / "precious.txt").write_text("keep me")
    with pytest.raises(StoreError):
        write_store(path, quads[:10])
    assert (path / "precious.txt").read_text() == "keep me"
    assert store_leftovers(tmp_path, "notastore") == []


def test_open_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no knowledge-graph store"):
        open_dataset(tmp_path / "nowhere")
    assert not (tmp_path / "nowhere").exists()


def test_two_readers_at_once(tmp_path, quads):
    path = tmp_path / "store"
    write_store(path, quads)
    a, b = open_dataset(path), open_dataset(path)
    assert len(a) == len(b) > 0


def _reparse(path, fmt):
    if fmt in ("trig", "nq", "jsonld"):
        ds = rdflib.Dataset()
        ds.parse(path, format={"trig": "trig", "nq": "nquads", "jsonld": "json-ld"}[fmt])
        return sum(1 for _ in ds.quads((None, None, None, None)))
    g = rdflib.Graph()
    g.parse(path, format={"ttl": "turtle", "nt": "nt"}[fmt])
    return len(g)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "nq", "jsonld"])
def test_export_reparses_to_the_same_count(tmp_path, quads, fmt):
    ds = memory_dataset(quads)
    out = export(ds, tmp_path / f"graph.{fmt}")
    if fmt in ("ttl", "nt"):
        expected = len({(q.subject, q.predicate, q.object) for q in quads})  # union of graphs
    else:
        expected = len(quads)
    assert _reparse(out, fmt) == expected


def test_export_unknown_format(tmp_path, quads):
    with pytest.raises(ValueError, match="unknown RDF format"):
        export(memory_dataset(quads), tmp_path / "graph.xyz")


def test_bulk_load_keeps_every_quad(tmp_path):
    g = ox.NamedNode("https://w3id.org/chanye/id/graph/test")
    many = [
        ox.Quad(ox.NamedNode(f"https://example.org/s{i}"), ox.NamedNode("https://example.org/p"), ox.Literal(f"值{i}", language="zh"), g)
        for i in range(30_000)
    ]
    write_store(tmp_path / "store", many)
    assert len(stored_quads(tmp_path / "store")) == 30_000


def _text(quads) -> str:
    return "".join(f"{q} .\n" for q in quads if not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object)))


def test_write_text_runs_meanwhile_and_loads_everything(tmp_path, quads):
    path, done = tmp_path / "store", []
    blank = [q for q in quads if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)]
    assert blank  # (the ontology's), given as terms: a text loader renames blank nodes
    write_text(path, _text(quads), blank, meanwhile=lambda: done.append(is_store(path)))
    assert done == [False]  # ran before the swap
    stored = stored_quads(path)
    summaries = {q for q in stored if q.graph_name == ox.NamedNode(derived.GRAPH)}
    assert summaries  # kg.derived's summaries, written after the load
    assert stored - summaries == set(quads)
    assert store_leftovers(tmp_path) == []


@pytest.mark.parametrize("error", [RuntimeError("keeping the extractions failed"), KeyboardInterrupt()])
def test_write_text_whose_meanwhile_fails_leaves_old_store(tmp_path, quads, error):
    path = tmp_path / "store"
    write_store(path, quads[:100])
    before = stored_quads(path)

    def failing() -> None:
        raise error

    with pytest.raises(type(error)):
        write_text(path, _text(quads), meanwhile=failing)
    assert stored_quads(path) == before
    assert store_leftovers(tmp_path) == []


def test_write_text_whose_load_fails_leaves_old_store(tmp_path, quads):
    path, done = tmp_path / "store", []
    write_store(path, quads[:100])
    before = stored_quads(path)
    with pytest.raises(SyntaxError):
        write_text(path, _text(quads) + "<a> <b> not N-Quads\n", meanwhile=lambda: done.append(1))
    assert done == [1]
    assert stored_quads(path) == before
    assert store_leftovers(tmp_path) == []


def test_write_text_whose_first_part_fails_leaves_old_store(tmp_path, quads):
    path = tmp_path / "store"
    write_store(path, quads[:100])
    before = stored_quads(path)
    parts = [b"<a> <b> not N-Quads\n", _text(quads[:50]).encode(), _text(quads[50:]).encode()]
    with pytest.raises(SyntaxError):  # (the first two parts load at once, each in a thread: the bad line is in the first)
        write_text(path, iter(parts))
    assert stored_quads(path) == before
    assert store_leftovers(tmp_path) == []


def test_counts_are_the_summarys_without_pandas(seed_kg, tmp_path):
    """kg build prints kg.store.counts: the same numbers as KnowledgeGraph.summary, and the
    command no longer imports pandas (0.6 s) to print them."""
    import subprocess
    import sys

    from conftest import ENV, SEEDS
    from kg.store import counts

    got = counts(seed_kg.store)
    assert got == seed_kg.summary()
    assert got["articles"] == 5 and got["relations"] > 100 and got["entities"]["Company"] > 0
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "kg", "build", str(sorted(SEEDS.glob("*.txt"))[0]),
                           "--store", str(tmp_path / "store")], capture_output=True, text=True, env=ENV, check=True)
    assert "articles: 1" in done.stdout
    assert not [line for line in done.stderr.splitlines() if line.rstrip().endswith("| pandas")]
