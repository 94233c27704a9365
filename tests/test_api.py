"""kg.api: the KnowledgeGraph life cycle on real stores, with the real reader and extractor."""

from __future__ import annotations

import re

import pytest
import rdflib

import kg as kg_package
from conftest import SEEDS, store_leftovers
from handmade import handmade
from kg.api import BuildError, BuildReport, KnowledgeGraph
from kg.graph import G_BUILD
from kg.query import list_queries
from kg.store import StoreError


def quads_of(kg):
    return set(kg.dataset.store._inner.quads_for_pattern(None, None, None, None))


def without_build(quads):
    return {q for q in quads if q.graph_name != G_BUILD}


# ---------------------------------------------------------------- hand-made extractions


def test_memory_and_disk_hold_the_same_graph(tmp_path):
    mem = KnowledgeGraph.from_extractions(handmade())
    disk = KnowledgeGraph.from_extractions(handmade(), store=tmp_path / "store")
    assert without_build(quads_of(mem)) == without_build(quads_of(disk))
    assert isinstance(disk.dataset, rdflib.Dataset) and not disk.dataset.default_union  # the real default graph


def test_a_sentence_stating_no_fact_written_is_taken_out_of_a_disk_store(tmp_path):
    """A store on disk loads the articles' sentence nodes while resolution decides which facts are
    written (kg.write._to_disk): the node of a sentence whose only fact is dropped (a person cannot
    launch an initiative) is taken out again, and the store holds what the memory store holds."""
    import pyoxigraph as ox

    from handmade import extraction
    from kg.namespaces import CY

    x = extraction("x.txt", "张三发布链长制。张三出席会议。",
                   [("Person", "张三", set()), ("Initiative", "链长制", set()), ("Event", "会议", set())],
                   [("launched", "张三", "链长制", "发布"), ("participatedIn", "张三", "会议", "出席")])
    mem = KnowledgeGraph.from_extractions([x])
    disk = KnowledgeGraph.from_extractions([x], store=tmp_path / "store")
    assert without_build(quads_of(mem)) == without_build(quads_of(disk))
    texts = [q.object.value for q in quads_of(disk) if q.predicate == ox.NamedNode(str(CY.text))]
    assert texts == ["张三出席会议。"]
    assert disk.report.quads == mem.report.quads  # (the sentence nodes loaded first counted once)


def test_a_build_failing_while_its_sentence_nodes_load_leaves_the_old_store(tmp_path, monkeypatch):
    """The sentence nodes start loading into the new store before the rest of the graph is made
    (kg.write._to_disk): when making it fails, the store holds what it held and no new version is
    left behind."""
    import kg.graph

    path = tmp_path / "store"
    KnowledgeGraph.from_extractions(handmade(), store=path)
    before = quads_of(KnowledgeGraph.open(path))

    def broken(*args, **kwargs):
        raise RuntimeError("the graph could not be made")

    monkeypatch.setattr(kg.graph, "text_parts", broken)
    with pytest.raises(RuntimeError, match="could not be made"):
        KnowledgeGraph.from_extractions(handmade()[:2], store=path)
    assert quads_of(KnowledgeGraph.open(path)) == before
    assert store_leftovers(tmp_path) == []


def spy_on_early_parts(monkeypatch) -> list[bytes]:
    """The parts kg.graph.text_parts gives a store before its text is done, as a build runs."""
    import kg.graph

    given: list[bytes] = []
    real = kg.graph.text_parts

    def spied(*args, **kwargs):
        parts = real(*args, **kwargs)
        try:
            while True:
                given.append(next(parts))
                yield given[-1]
        except StopIteration as done:
            return done.value

    monkeypatch.setattr(kg.graph, "text_parts", spied)
    return given


def test_a_build_failing_after_its_first_named_half_loads_leaves_the_old_store(tmp_path, monkeypatch):
    """The first half of the named graphs loads while the rest of the text is written
    (kg.graph.text_parts): a failure after it leaves the store as it was, and no new version."""
    from kg.graph_lines import _Writer

    path = tmp_path / "store"
    KnowledgeGraph.from_extractions(handmade(), store=path)
    before = quads_of(KnowledgeGraph.open(path))
    given = spy_on_early_parts(monkeypatch)

    def broken(*args, **kwargs):
        raise RuntimeError("the counts could not be made")

    monkeypatch.setattr(_Writer, "counts", broken)  # (called once every article is written)
    with pytest.raises(RuntimeError, match="could not be made"):
        KnowledgeGraph.from_extractions(handmade(), store=path)
    assert len(given) == 1
    assert quads_of(KnowledgeGraph.open(path)) == before
    assert store_leftovers(tmp_path) == []


def test_the_first_named_half_is_given_while_the_rest_is_written(tmp_path, monkeypatch):
    """A disk build gives the store the first half of the named graphs as soon as half of the articles'
    relations are written (kg.graph.text_parts): the store then holds what a memory build holds, and
    the build counts each quad once."""
    given = spy_on_early_parts(monkeypatch)
    mem = KnowledgeGraph.from_extractions(handmade())
    assert given == []  # (a memory store loads the text whole)
    disk = KnowledgeGraph.from_extractions(handmade(), store=tmp_path / "store")
    assert len(given) == 1 and b"/graph/statements>" in given[0] and b"/ontology#states>" in given[0]
    assert without_build(quads_of(mem)) == without_build(quads_of(disk))
    assert disk.report.quads == mem.report.quads


def test_open_reports_the_articles(tmp_path):
    KnowledgeGraph.from_extractions(handmade(), store=tmp_path / "store")
    kg = KnowledgeGraph.open(tmp_path / "store")
    assert kg.report.articles == ["a1.txt", "a2.txt", "a3.txt"]
    assert kg.report.failures == []
    s = kg.summary()
    assert s["articles"] == 3 and s["entities"]["Person"] == 3 and s["relations"] > 10
    assert s["triples"] == len(kg.dataset)


def test_open_missing_store(tmp_path):
    with pytest.raises(StoreError, match="no knowledge-graph store"):
        KnowledgeGraph.open(tmp_path / "missing")


def test_sparql_returns_rdflib_result(tmp_path):
    kg = KnowledgeGraph.from_extractions(handmade())
    res = kg.sparql("SELECT ?p WHERE { ?p a <https://w3id.org/chanye/ontology#Person> }")
    assert len(list(res)) == 3


def test_package_conveniences(tmp_path):
    assert kg_package.KnowledgeGraph is KnowledgeGraph
    assert kg_package.BuildReport is BuildReport
    KnowledgeGraph.from_extractions(handmade(), store=tmp_path / "store")
    assert kg_package.open_graph(tmp_path / "store").report.articles == ["a1.txt", "a2.txt", "a3.txt"]


# ---------------------------------------------------------------- real pipeline on the seeds


def test_seed_build_report(seed_kg):
    assert len(seed_kg.report.articles) == len(list(SEEDS.glob("*.txt")))
    assert seed_kg.report.failures == []
    s = seed_kg.summary()
    assert s["articles"] == 5 and s["relations"] > 0 and sum(s["entities"].values()) > 20


def test_the_writers_counts_are_the_stores(seed_kg, tmp_path):
    """``kg build`` prints the counts its writer knows (report.counts) instead of querying the new store:
    they must be what the store's own queries count, on disk and in memory."""
    from kg.store import counts

    assert seed_kg.report.counts is not None
    assert {**seed_kg.report.counts, "triples": len(seed_kg.store)} == counts(seed_kg.store)
    mem = KnowledgeGraph.build([SEEDS])
    assert {**mem.report.counts, "triples": len(mem.store)} == counts(mem.store)


@pytest.mark.parametrize("info", list_queries(), ids=lambda q: q.name)
def test_seed_graph_answers_every_named_query(seed_kg, info):
    df = seed_kg.query(info.name) if not info.required else seed_kg.query("ASK { FILTER(false) }").iloc[0:0]
    if len(df) == 0 and info.params:
        # a query that needs a parameter must answer for the most-mentioned entity (by label or IRI)
        top = seed_kg.query(
            "SELECT ?e ?l (COUNT(DISTINCT ?a) AS ?n) WHERE { ?e cy:mentionedIn ?a ; rdfs:label ?l } "
            "GROUP BY ?e ?l ORDER BY DESC(?n) ?l LIMIT 1"
        )
        iri, label = top["e"][0], top["l"][0]
        tries = ((p, v) for p, _ in info.params for v in (label, rdflib.URIRef(iri)))
        df = next((d for d in (seed_kg.query(info.name, **{p: v}) for p, v in tries) if len(d)), df)
    assert len(df) > 0, f"{info.name} has no answer on the seed graph"


def test_seed_graph_conforms_to_the_shapes(seed_kg):
    from kg.ontology import validate

    conforms, text = validate(seed_kg.dataset)
    assert conforms, text[:3000]


def test_build_convenience_and_jobs_give_the_same_graph(seed_kg):
    two = kg_package.build([SEEDS], jobs=2)
    assert without_build(quads_of(two)) == without_build(quads_of(seed_kg))


def untimed(quads):
    """All quads but the build's start and end times (the only ones that differ between two builds)."""
    times = {"http://www.w3.org/ns/prov#startedAtTime", "http://www.w3.org/ns/prov#endedAtTime"}
    return {q for q in quads if q.predicate.value not in times}


def test_jobs_2_gives_exactly_the_quads_and_report_of_jobs_1(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    (tmp_path / "copy.txt").write_bytes(seeds[2].read_bytes())  # a duplicate, reported after its original
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)  # unreadable
    inputs = [seeds[3], SEEDS, tmp_path / "missing.txt", tmp_path / "binary.txt", tmp_path / "copy.txt"]
    one = KnowledgeGraph.build(inputs, jobs=1)
    two = KnowledgeGraph.build(inputs, jobs=2)
    assert untimed(quads_of(two)) == untimed(quads_of(one))
    assert len(untimed(quads_of(one))) == len(quads_of(one)) - 2
    assert two.report.articles == one.report.articles == [p.name for p in [seeds[3], *seeds[:3], *seeds[4:]]]
    assert two.report.failures == one.report.failures
    assert [reason.split(" ")[0] for _, reason in one.report.failures] == ["no", "binary", "duplicate"]


def test_of_copies_a_two_process_build_stores_the_one_it_keeps(tmp_path):
    """Of two files with the same bytes the first by name is kept (b/a copy.txt, before a/a.txt: ' ' < '.'),
    whichever came first from the workers: its sourceFile in the graph, its extraction beside the store."""
    from kg import archive

    seeds = sorted(SEEDS.glob("*.txt"))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "a.txt").write_bytes(seeds[0].read_bytes())
    (tmp_path / "b" / "a copy.txt").write_bytes(seeds[0].read_bytes())
    (tmp_path / "a" / "other.txt").write_bytes(seeds[1].read_bytes())
    one = KnowledgeGraph.build([tmp_path / "a", tmp_path / "b"], store=tmp_path / "one", jobs=1)
    two = KnowledgeGraph.build([tmp_path / "a", tmp_path / "b"], store=tmp_path / "two", jobs=2)
    assert two.report.failures == one.report.failures and "duplicate of" in one.report.failures[0][1]
    assert untimed(quads_of(two)) == untimed(quads_of(one))
    short = sorted(archive.articles_in(one.store))
    kept = {x.article.source_file for x in archive.load(tmp_path / "two", short)}
    assert kept == {"a copy.txt", "other.txt"}, kept


def test_a_two_process_build_keeps_the_extractions_of_a_one_process_build(tmp_path):
    """The workers pickle each extraction once, for the trip back and for the copy kept beside the store."""
    from kg import archive

    seeds = sorted(SEEDS.glob("*.txt"))[:3]
    one = KnowledgeGraph.build(seeds, store=tmp_path / "one", jobs=1)
    two = KnowledgeGraph.build(seeds, store=tmp_path / "two", jobs=2)
    assert two.report.pickles == {}  # kept, then dropped from the report
    short = sorted(archive.articles_in(one.store))
    assert len(short) == 3 and short == sorted(archive.articles_in(two.store))
    assert archive.load(tmp_path / "two", short) == archive.load(tmp_path / "one", short)
    assert sorted(p.name for p in archive.folder(tmp_path / "two").iterdir()) == sorted(
        p.name for p in archive.folder(tmp_path / "one").iterdir())


def test_workers_extractions_are_kept_as_they_arrive(tmp_path):
    """kg build -j2 writes each worker's pickle beside the store while the others are extracted
    (nothing of it left for after the last extraction), in one pack renamed into place when the
    last has come; the store itself comes later."""
    from kg import archive
    from kg.pipeline import _pipeline

    seeds = sorted(SEEDS.glob("*.txt"))[:3]
    extractions, report = _pipeline(seeds, 2, keep=tmp_path / "store")
    assert not (tmp_path / "store").exists()  # no store yet: only its kept extractions
    (pack,) = archive.folder(tmp_path / "store").iterdir()
    assert pack.suffix == ".pack" and sorted(archive._index(pack)[1]) == sorted(x.article.digest for x in extractions)
    by_digest = sorted(extractions, key=lambda x: x.article.digest)
    assert archive.load(tmp_path / "store", [x.article.digest[:16] for x in extractions]) == by_digest
    extractions, report = _pipeline(seeds, 1, keep=tmp_path / "other")
    assert not archive.folder(tmp_path / "other").exists()  # one process: kept with the store, as before


def pid(_):
    import os

    return os.getpid()


def test_the_pool_keeps_order_and_runs_elsewhere():
    import os

    from kg.api import _in_pool

    assert _in_pool(abs, list(range(-50, 50)), 2) == [abs(i) for i in range(-50, 50)]
    assert os.getpid() not in set(_in_pool(pid, list(range(20)), 2))


def test_rebuild_gives_the_same_graph(tmp_path, seed_kg):
    seeds = sorted(SEEDS.glob("*.txt"))
    kg = KnowledgeGraph.build(list(reversed(seeds)), store=tmp_path / "store")
    assert without_build(quads_of(kg)) == without_build(quads_of(seed_kg))
    kg2 = KnowledgeGraph.build(seeds, store=tmp_path / "store")
    assert len(quads_of(kg2)) == len(quads_of(kg))


def test_export_all_formats(tmp_path, seed_kg):
    n_quads = len(quads_of(seed_kg))
    n_triples = len(seed_kg.dataset)
    for ext, fmt, count in (("ttl", "turtle", n_triples), ("nt", "nt", n_triples)):
        g = rdflib.Graph().parse(seed_kg.export(tmp_path / f"g.{ext}"), format=fmt)
        assert len(g) == count
    for ext, fmt in (("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")):
        ds = rdflib.Dataset().parse(seed_kg.export(tmp_path / f"g.{ext}"), format=fmt)
        assert sum(1 for _ in ds.quads((None, None, None, None))) == n_quads


def test_one_failing_article_is_reported_and_the_rest_built(tmp_path, monkeypatch):
    import kg.extract

    real = kg.extract.extract
    victim = sorted(SEEDS.glob("*.txt"))[0].name

    def flaky(article):
        if article.source_file == victim:
            raise ValueError("cannot parse\nsecond line")
        return real(article)

    monkeypatch.setattr(kg.extract, "extract", flaky)
    built = KnowledgeGraph.build([SEEDS], store=tmp_path / "store")
    assert len(built.report.articles) == 4 and victim not in built.report.articles
    (path, reason), = built.report.failures
    assert path.endswith(victim) and "ValueError: cannot parse" in reason and "\n" not in reason


def test_interrupted_build_keeps_the_old_store(tmp_path, monkeypatch):
    import kg.extract

    store = tmp_path / "store"
    KnowledgeGraph.from_extractions(handmade(), store=store)
    before = quads_of(KnowledgeGraph.open(store))

    def interrupted(article):
        raise KeyboardInterrupt

    monkeypatch.setattr(kg.extract, "extract", interrupted)
    with pytest.raises(KeyboardInterrupt):
        KnowledgeGraph.build([SEEDS], store=store)
    assert quads_of(KnowledgeGraph.open(store)) == before
    assert store_leftovers(tmp_path, projections=True) == []


def test_nothing_readable_is_a_build_error(tmp_path):
    store = tmp_path / "store"
    KnowledgeGraph.from_extractions(handmade(), store=store)
    (tmp_path / "empty").mkdir()
    with pytest.raises(BuildError) as info:
        KnowledgeGraph.build([tmp_path / "nope.txt", tmp_path / "empty"], store=store)
    assert len(info.value.report.failures) == 2
    assert KnowledgeGraph.open(store).report.articles == ["a1.txt", "a2.txt", "a3.txt"]


def test_build_file_writes_only_the_file(tmp_path):
    from kg.api import build_file

    seed = sorted(SEEDS.glob("*.txt"))[0]
    out, report = build_file([seed], tmp_path / "one.ttl")
    assert report.articles == [seed.name]
    g = rdflib.Graph().parse(out, format="turtle")
    assert len(g) > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.ttl"]


def test_a_story_told_by_several_outlets_is_one_copy_of_each_fact(tmp_path, seed_kg):
    """Each seed stored three times (own first line each): the same facts, once each; the
    named queries give the same rows; provenance triples grow with the copies."""
    folder = tmp_path / "archive"
    folder.mkdir()
    for src in sorted(SEEDS.glob("*.txt")):
        for k in range(3):
            (folder / f"{src.stem}_{k}.txt").write_text(f"转载 {k}\n" * bool(k) + src.read_text(encoding="utf-8"), encoding="utf-8")
    triple = kg_package.build([folder])
    facts = ("SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?p), STR(cy:)) "
             "&& ?p NOT IN (cy:mentionedIn, cy:sourceFile)) }")
    once = {tuple(r) for r in seed_kg.query(facts).itertuples(index=False)}
    thrice = triple.query(facts)
    assert len(thrice) == len({tuple(r) for r in thrice.itertuples(index=False)}) == len(once)
    def rows(df):  # GROUP_CONCAT lists in any order; sources and article counts differ by design
        df = df.drop(columns=[c for c in ("sources", "articles") if c in df])
        return sorted(tuple("|".join(sorted(re.split("; |、", str(v)))) for v in r) for r in df.itertuples(index=False))

    for name in ("timeline", "investment_by_investor", "people_by_organization", "projects_by_event"):
        assert rows(seed_kg.query(name)) == rows(triple.query(name)), name
    assert set(triple.query("timeline")["articles"]) == {3}  # each event reported three times
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?sentence cy:states ?statement } }"  # (fact, sentence) pairs
    assert int(triple.query(count)["n"][0]) == 3 * int(seed_kg.query(count)["n"][0])
    statements = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH cyr:graph\\/statements { ?st rdf:subject ?s } }"
    assert int(triple.query(statements)["n"][0]) == int(seed_kg.query(statements)["n"][0])  # once per fact


# ---------------------------------------------------------------- KnowledgeGraph.add (disk and server)

from test_remote import server  # noqa: E402,F401 - the real `oxigraph serve` fixture


def test_graph_add_on_disk(tmp_path):
    first, second = sorted(SEEDS.glob("*.txt"))[:2]
    g = KnowledgeGraph.build([first], store=tmp_path / "store")
    g.add([second])
    assert sorted(g.report.articles) == sorted([first.name, second.name])
    assert set(g.query("SELECT ?f WHERE { ?a cy:sourceFile ?f }")["f"]) == {first.name, second.name}
    with pytest.raises(StoreError, match="add needs a store on disk or a SPARQL server"):
        KnowledgeGraph.build([first]).add([second])


def test_graph_add_on_a_remote_store(server, tmp_path):  # noqa: F811
    """KnowledgeGraph.add (used by the notebook on disk) works on a server too, and the graph answers anew."""
    first, second = sorted(SEEDS.glob("*.txt"))[:2]
    KnowledgeGraph.build([first], store=server)
    g = KnowledgeGraph.open(server)
    before = g.to_networkx().number_of_nodes()
    g.add([second])
    assert sorted(g.report.articles) == sorted([first.name, second.name])
    assert g.to_networkx().number_of_nodes() > before


def test_a_two_process_build_prepares_the_graph_as_extractions_come():
    """The main process does the graph writer's per-article work while the workers extract; the
    build uses it and drops it (a one-process build has no idle time to use)."""
    from kg.pipeline import _pipeline

    seeds = sorted(SEEDS.glob("*.txt"))[:3]
    extractions, report = _pipeline(seeds, 2)
    assert report.prepared is not None and report.prepared.covers(extractions)
    assert _pipeline(seeds, 1)[1].prepared is None
    built = KnowledgeGraph.from_extractions(extractions, report=report)
    assert report.prepared is None and built.report is report


def test_reprs_are_short_and_a_view_draws_itself_in_a_notebook(seed_kg):
    assert repr(seed_kg) == f"<KnowledgeGraph: store {str(seed_kg.store_path)!r}>"
    view = seed_kg.drawing(focus="冯玉川")
    assert re.fullmatch(r"<View: \d+ nodes, \d+ edges, \d\.\d MB of HTML>", repr(view))
    assert view._repr_html_() == view.notebook_html() and view._repr_html_().startswith('<div class="kg-view"><iframe')


@pytest.mark.parametrize(("call", "error", "message"), [
    (lambda g: g.lookup(None), TypeError, "an entity name must be a string, not NoneType"),
    (lambda g: g.query(None), TypeError, r"a query must be a name, a \.rq file or SPARQL text \(a string\), not NoneType"),
    (lambda g: g.centrality(top="5"), TypeError, "top must be a whole number, not str"),
    (lambda g: g.centrality(top=-1), ValueError, "top must be at least 1, not -1"),
    (lambda g: g.brokers(min_initiatives=0), ValueError, "min_initiatives must be at least 1, not 0"),
    (lambda g: g.communities(resolution=-1), ValueError, "resolution must be above 0, not -1"),
    (lambda g: g.communities(seed=1.5), TypeError, "seed must be a whole number, not float"),
    (lambda g: g.path("冯玉川", "链长制", avoid=("Foo",)), ValueError, "unknown class 'Foo'"),
])
def test_the_api_refuses_what_the_cli_refuses(seed_kg, call, error, message):
    with pytest.raises(error, match=message):
        call(seed_kg)
