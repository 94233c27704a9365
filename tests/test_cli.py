"""kg.cli: build / export / query / queries / showcase, through typer's CliRunner."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from conftest import SEEDS
from handmade import handmade
from kg.api import KnowledgeGraph
from kg.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "store"
    KnowledgeGraph.from_extractions(handmade(), store=path)
    return path


def test_queries_lists_questions():
    r = run("queries")
    assert r.exit_code == 0
    for name in ("firm_initiative_links", "people_posts", "investment_by_event"):
        assert name in r.stdout
    assert "Who holds which post" in r.stdout


def test_query_table_and_params(store):
    r = run("query", "people_posts", "--param", "person=张三", "--format", "json", "--store", store)
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)
    assert {row["person"] for row in rows} == {"张三"} and len(rows) == 2


def test_query_markdown_and_csv(store):
    md = run("query", "investment_by_event", "-f", "markdown", "--store", store)
    assert md.exit_code == 0 and md.stdout.startswith("| event |")
    csv = run("query", "investment_by_event", "-f", "csv", "--param", "currency=USD", "--store", store)
    assert csv.exit_code == 0 and len(csv.stdout.strip().splitlines()) == 2


def test_malformed_query_is_one_line_exit_2(store):
    r = run("query", "SELECT ?x\nWHERE { ?x ?y }", "--store", store)
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "line 2, column" in lines[0]
    assert "Traceback" not in r.output


def test_bad_param_and_format(store):
    r = run("query", "people_posts", "--param", "person", "--store", store)
    assert r.exit_code == 2 and "NAME=VALUE" in r.stderr
    r = run("query", "people_posts", "--param", "colour=red", "--store", store)
    assert r.exit_code == 2 and "no parameter colour" in r.stderr
    r = run("query", "people_posts", "--format", "xml", "--store", store)
    assert r.exit_code == 2 and "unknown format" in r.stderr


def test_unknown_store(tmp_path):
    for args in (("query", "people_posts"), ("showcase",), ("export", tmp_path / "x.ttl")):
        r = run(*args, "--store", tmp_path / "nostore")
        assert r.exit_code == 2
        assert "no knowledge-graph store" in r.stderr and "Traceback" not in r.output
    assert not (tmp_path / "nostore").exists()


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "markdown"])
def test_query_prints_what_the_api_answers(store, fmt):
    """`kg query` formats its own rows (no pandas); they must be the cells of KnowledgeGraph.query."""
    from kg.query import format_table, list_queries

    kg = KnowledgeGraph.open(store)
    queries = [q.name for q in list_queries() if not q.params]
    queries += [
        "ASK { ?p a cy:Person }",
        "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a cy:Person ; rdfs:label ?l }",
        "SELECT ?p ?title WHERE { ?p a cy:Person OPTIONAL { ?p cy:holdsPosition/cy:title ?title } }",
    ]
    for q in queries:
        r = run("query", q, "-f", fmt, "--store", store)
        assert r.exit_code == 0, r.output
        text = format_table(kg.query(q), fmt)
        assert r.stdout == text + ("" if text.endswith("\n") else "\n"), q  # (CSV ends its last row itself)


def imported(*args: str) -> set[str]:
    """Top-level packages a fresh `python -m kg ARGS` imports (read from -X importtime, not timed)."""
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "kg", *args], env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = [line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")]
    return {name.split(".")[0] for name in lines}


HEAVY = {"pandas", "jieba", "networkx", "scipy", "pyshacl", "opencc"}


def test_help_imports_no_heavy_package():
    mods = imported("--help")
    assert "typer" in mods and "kg" in mods
    assert not mods & (HEAVY | {"rdflib", "pyoxigraph"})


def test_query_imports_no_heavy_package(store):
    mods = imported("query", "people_posts", "-f", "csv", "--store", str(store))
    assert "pyoxigraph" in mods
    assert not mods & HEAVY


def test_showcase(store):
    r = run("showcase", "--store", store)
    assert r.exit_code == 0, r.output
    assert "articles: 3" in r.stdout and "People and their posts" in r.stdout


def test_showcase_as_json_is_one_document(store):
    r = run("showcase", "--store", store, "-f", "json", "--rows", "1")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)  # (text lines between the answers made it no JSON)
    assert doc["summary"][0].startswith("articles:") and {a["name"] for a in doc["answers"]} >= {"timeline", "people_posts"}
    assert all(len(a["rows"]) <= 1 <= a["total"] or a["total"] == 0 for a in doc["answers"])


def test_showcase_shows_the_first_rows_of_a_long_answer_and_how_to_get_it_whole(store):
    """An archive's timeline runs to tens of thousands of rows: the showcase shows the first --rows
    (default 25) of each answer and the command that gives it whole."""
    from kg.api import KnowledgeGraph

    posts = len(KnowledgeGraph.open(store).query("people_posts"))
    assert posts > 2
    r = run("showcase", "--store", store, "--rows", "2")
    assert r.exit_code == 0, r.output
    part = r.stdout.split("(people_posts)", 1)[1].split("\n== ", 1)[0]
    assert f"(the first 2 of {posts:,} rows)\n(all of them: kg query people_posts --store {store})" in part
    assert len([line for line in part.splitlines() if line.strip()]) == 1 + 2 + 2 + 2  # question, header and rule, 2 rows, 2 notes
    whole = run("showcase", "--store", store, "--rows", "0")
    assert whole.exit_code == 0 and "the first" not in whole.stdout and f"({posts} rows)" in whole.stdout
    csv = run("showcase", "--store", store, "--rows", "1", "-f", "csv")
    assert f"(all of them: kg query people_posts --store {store} -f csv)" in csv.stdout


def test_export(store, tmp_path):
    r = run("export", tmp_path / "g.nq", "--store", store)
    assert r.exit_code == 0
    ds = rdflib.Dataset().parse(tmp_path / "g.nq", format="nquads")
    assert sum(1 for _ in ds.quads((None, None, None, None))) > 100
    r = run("export", tmp_path / "g.out", "--format", "ttl", "--store", store)
    assert r.exit_code == 0 and len(rdflib.Graph().parse(tmp_path / "g.out", format="turtle")) > 100


# ---------------------------------------------------------------- build, with the real reader and extractor


def test_build_summary_and_failures(tmp_path):
    bad = tmp_path / "binary.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    r = run("build", SEEDS, tmp_path / "missing.txt", bad, "--store", tmp_path / "store")
    assert r.exit_code == 1, r.output
    assert "articles: 5" in r.stdout and "entities:" in r.stdout and "triples:" in r.stdout
    failed = [line for line in r.stderr.splitlines() if line.startswith("failed:")]
    assert len(failed) == 2
    assert any("missing.txt" in line for line in failed) and any("binary.txt" in line for line in failed)
    assert KnowledgeGraph.open(tmp_path / "store").report.articles


def test_build_ok_is_exit_0(tmp_path):
    r = run("build", sorted(SEEDS.glob("*.txt"))[0], "--store", tmp_path / "store", "--jobs", "2")
    assert r.exit_code == 0, r.output
    assert r.stderr == ""
    assert f"built {tmp_path / 'store'} (1 article, " in r.stdout  # (not "1 articles")


def test_build_jobs_is_auto_by_default_and_a_few_small_articles_need_no_pool(tmp_path):
    r = run("build", SEEDS, "--store", tmp_path / "store")
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("built ") and "processes" not in r.stdout.splitlines()[0]


def test_build_jobs_auto_extracts_a_larger_input_on_every_core(tmp_path):
    from kg.pipeline import BYTES_PER_JOB, usable_cores

    if usable_cores() < 2:
        pytest.skip("one core: auto is one process")
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    for i in range(2):  # two articles of more than 128 kB each: two processes
        lines = [f"第{i}-{k}段。{seed}" for k in range(BYTES_PER_JOB // len(seed.encode()) + 1)]
        (tmp_path / "in" / f"a{i}.txt").parent.mkdir(exist_ok=True)
        (tmp_path / "in" / f"a{i}.txt").write_text("\n".join(lines), encoding="utf-8")
    r = run("build", tmp_path / "in", "--store", tmp_path / "store")
    assert r.exit_code == 0, r.output
    assert "(2 articles, " in r.stdout and ", 2 processes)" in r.stdout.splitlines()[0]
    r = run("build", tmp_path / "in", "--store", tmp_path / "store", "--jobs", "1")
    assert r.exit_code == 0 and "processes" not in r.stdout.splitlines()[0]


@pytest.mark.parametrize("bad", ["0", "-2", "many", "1.5"])
def test_build_jobs_not_a_number_or_auto_is_one_line(tmp_path, bad):
    for command in ("build", "add"):
        r = run(command, SEEDS, "--store", tmp_path / "store", "--jobs", bad)
        assert r.exit_code == 2, r.output
        assert r.stderr.strip().splitlines() == [f"error: --jobs: expected a number of processes (1 or more) or auto, not {bad!r}"]
    assert not (tmp_path / "store").exists()


def test_build_nothing_readable_is_exit_2(tmp_path, store):
    r = run("build", tmp_path / "missing.txt", "--store", store)
    assert r.exit_code == 2
    assert "missing.txt" in r.stderr and "Traceback" not in r.output
    # the previous store is untouched
    assert KnowledgeGraph.open(store).report.articles == ["a1.txt", "a2.txt", "a3.txt"]


def test_build_to_file_leaves_the_store_alone(tmp_path):
    out = tmp_path / "two.jsonld"
    r = run("build", *sorted(SEEDS.glob("*.txt"))[:2], "-o", out, "--store", tmp_path / "store")
    assert r.exit_code == 0, r.output
    assert not (tmp_path / "store").exists()
    ds = rdflib.Dataset().parse(out, format="json-ld")
    assert sum(1 for _ in ds.quads((None, None, None, None))) > 0
    r = run("build", SEEDS, "-o", tmp_path / "x.docx")
    assert r.exit_code == 2 and "unknown RDF format" in r.stderr


def _main(*args, prelude=""):
    import os
    import subprocess
    import sys

    code = f"import sys; sys.argv = ['kg', *{list(map(str, args))!r}]\n{prelude}\nfrom kg.cli import main\nmain()"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)


def test_exit_codes_os_errors_and_internal_errors_are_one_line(tmp_path, store):
    proc = _main("export", "/proc/nope/x.ttl", "--store", store)
    assert proc.returncode == 2 and proc.stderr.strip().splitlines() == ["error: No such file or directory: /proc/nope"]
    boom = "import kg.cli as c\ndef broken(*a, **k): raise RuntimeError('boom')\nc.app = broken"
    proc = _main("queries", prelude=boom)
    assert proc.returncode == 3 and len(proc.stderr.strip().splitlines()) == 1
    assert "internal error: RuntimeError: boom (rerun with --debug" in proc.stderr
    proc = _main("queries", "--debug", prelude=boom)
    assert proc.returncode == 1 and "Traceback" in proc.stderr


# ---------------------------------------------------------------- enumerated options: one line naming the choices


@pytest.mark.parametrize("args, line", [
    (("showcase", "-f", "xml"), "error: unknown format 'xml'; use one of table, csv, json, markdown"),
    (("query", "timeline", "-f", "xml"), "error: unknown format 'xml'; use one of table, csv, json, markdown"),
    (("path", "张三", "王五", "--avoid", "Place,Plase"), "error: unknown class 'Plase'; use one of Person, Company, "
     "GovernmentBody, ResearchInstitute, University, Fund, Association, Park, Place, Industry, Event, Initiative, "
     "Project, Organization"),
    (("eval", "--format", "xml"), "error: unknown format 'xml'; use one of table, json"),
    (("export", "g.xml"), "error: unknown export format 'xml' for g.xml; use one of ttl, nt, trig, nq, jsonld, graphml, gexf, neo4j"),
    (("analyze", "centrality", "--type", "Compny"), "error: unknown type 'Compny'; choose one of Organization, Person, "
     "Company, GovernmentBody, ResearchInstitute, University, Fund, Association, Park, Place, Industry, Event, "
     "Initiative, Project"),
])
def test_enumerated_options_are_checked_in_one_line(store, args, line):
    r = run(*args, "--store", store) if args[0] != "eval" else run(*args)
    assert r.exit_code == 2, r.output
    assert r.stderr.strip().splitlines() == [line]


def test_viz_query_without_entity_columns_says_what_it_needs(store, tmp_path):
    out = tmp_path / "v.html"
    r = run("viz", "--query", "people_posts", "-o", out, "--store", store)
    assert r.exit_code == 2 and not out.exists()
    (line,) = r.stderr.strip().splitlines()
    assert line.startswith("error: nothing to draw: no column of the query holds entity IRIs (columns ?person, ?title")
    assert "bound to the entities themselves" in line
    ok = run("viz", "--query", "SELECT ?p ?org WHERE { ?p cy:holdsPosition/cy:organization ?org }", "-o", out, "--store", store)
    assert ok.exit_code == 0, ok.output
    assert out.is_file() and " 0 nodes" not in ok.stdout


@pytest.mark.parametrize("args, line", [
    (("analyze", "centrality", "--top", "abc"), "error: Invalid value for '--top' / '-k': "),
    (("query",), "error: Missing argument 'query'. (see kg query --help)"),
    (("frobnicate",), "error: No such command 'frobnicate'. (see kg --help)"),
    (("query", "timeline", "--nope"), "error: No such option: --nope"),
])
def test_usage_errors_are_one_line(args, line):
    proc = _main(*args)
    assert proc.returncode == 2 and proc.stdout == ""
    (said,) = proc.stderr.strip().splitlines()
    assert said.startswith(line), said


def test_bare_kg_still_prints_the_help():
    proc = _main()
    assert proc.returncode == 2 and "Usage:" in proc.stdout + proc.stderr and "build" in proc.stdout + proc.stderr
    assert _main("--version").stdout.startswith("chanye-kg ")


def test_ctrl_c_in_a_build_is_one_line_and_its_workers_go_quietly(tmp_path):
    """Ctrl-C reaches the whole process group (the workers too): one line, exit 130, no worker's
    traceback, no worker left, the store as it was."""
    import signal
    import time

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(1200):  # distinct articles, so that extraction lasts well past the Ctrl-C (400 could end first)
        (corpus / f"a{i:03d}.txt").write_text(f"第{i}号稿件\n" + texts[i % len(texts)] + f"\n编号{i}", encoding="utf-8")
    store = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        workers: list[str] = []
        deadline = time.monotonic() + 60
        while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            workers = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
        assert len(workers) == 2, "the pool did not start"
        time.sleep(0.5)  # the workers are extracting
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert (proc.returncode, out, err) == (130, "", "interrupted\n")
    assert not [w for w in workers if Path(f"/proc/{w}").exists()]
    assert not store.exists()


def test_a_converter_file_in_the_working_folder_changes_nothing(tmp_path, seed_kg):
    """OpenCC reads a bare config name from the working folder first: kg names its packaged file."""
    for name in ("t2s.json", "hk2s.json"):
        (tmp_path / name).write_text("{not json", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "kg", "analyze", "lookup", "馮玉川", "--store", str(seed_kg.store_path)],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.startswith("冯玉川  [Person]"), proc.stderr


def _kg(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    from conftest import ENV

    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], env={**ENV, **(env or {})},
                          capture_output=True, text=True, timeout=300)


def test_odd_values_are_one_line_not_internal_errors(store, tmp_path):
    """Each was an internal error (exit 3) or a traceback: now one error: line, exit 2 (or it works)."""
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text("{bad", encoding="utf-8")
    cases = [
        (("query", "timeline", "--store", store, "--timeout", "-1"), "a time limit must be a number of seconds"),
        (("serve", "--store", store, "--port", "-1"), "error: a port is a number from 0 to 65535, not -1"),
        (("serve", "--store", store, "--timeout", "nan"), "error: a time limit must be a number of seconds"),
        (("analyze", "communities", "--store", store, "--resolution", "0"), "error: --resolution: resolution must be above 0"),
        (("build", SEEDS, "--store", tmp_path / "s", "--scheduler", "garbage"), "error: cannot reach the Dask scheduler 'garbage'"),
        (("eval", "--gold", gold, "--articles", SEEDS), f"error: {gold / 'a.json'}: not a gold file"),
        (("alias", "冯玉川", "", "--store", store), "error: '' is no name"),
        (("alias", "冯玉川", "甲\n乙", "--store", store), "is no name: a name is non-empty text without line breaks"),
        (("drop", "冯玉川", "--type", "Foo", "--store", store), "error: unknown type 'Foo'"),
    ]
    for args, line in cases:
        proc = _kg(*args)
        assert proc.returncode == 2 and line in proc.stderr and len(proc.stderr.splitlines()) == 1, (args, proc.stderr)
    for args in (("query", "timeline", "--store", store, "--timeout", "inf"),  # inf: no limit (a platform timer refused it)
                 ("query", "people_posts", "--store", store, "-p", "person=²")):  # '²'.isdigit(): int('²') failed
        proc = _kg(*args)
        assert proc.returncode in (0, 1) and "internal error" not in proc.stderr, (args, proc.stderr)
    latin = _kg("query", "people_posts", "--store", store, env={"PYTHONIOENCODING": "latin-1"})
    assert latin.returncode == 0 and "\\u" in latin.stdout and not latin.stderr, latin.stderr
    (tmp_path / "folder.rq").mkdir()
    os.mkfifo(tmp_path / "pipe.rq")
    for odd, what in (("folder.rq", "is a folder"), ("pipe.rq", "is not a regular file")):  # (were "not found")
        proc = _kg("query", tmp_path / odd, "--store", store)
        assert proc.returncode == 2 and proc.stderr == f"error: {tmp_path / odd} {what}, not a query file\n", proc.stderr
    rq = tmp_path / "bom.rq"  # an editor's byte-order mark
    rq.write_text("\ufeffSELECT ?l WHERE { ?e a cy:Person ; rdfs:label ?l }", encoding="utf-8")
    assert _kg("query", rq, "--store", store).returncode == 0


def test_eval_with_an_article_that_fails_exits_1(tmp_path):
    from kg.evaluate import default_paths

    gold, _ = default_paths()
    proc = _kg("eval", "--gold", gold, "--articles", tmp_path)  # no article there: each scored as empty
    assert proc.returncode == 1 and "scored as empty" in proc.stderr and "micro" in proc.stdout


def test_options_that_would_be_ignored_are_refused(store, tmp_path):
    """Each was accepted and ignored (the whole graph drawn, the last parameter used, --dask dropped)."""
    cases = [
        (("viz", "--store", store, "--hops", "2", "-o", tmp_path / "v.html"), "--hops counts steps out from --focus"),
        (("viz", "--store", store, "--focus", "", "-o", tmp_path / "v.html"), "--focus is empty"),
        (("viz", "--store", store, "--types", " ", "-o", tmp_path / "v.html"), "--types is empty"),
        (("query", "people_posts", "--store", store, "-p", "person=冯玉川", "-p", "person=周伟"), "--param person is given twice"),
        (("build", SEEDS, "--store", tmp_path / "s", "--dask", "2", "--scheduler", "tcp://127.0.0.1:1"), "give one"),
        (("build", SEEDS, "--store", tmp_path / "s", "--scheduler", ""), "--scheduler is empty"),
    ]
    for args, line in cases:
        proc = _kg(*args)
        assert proc.returncode == 2 and line in proc.stderr and len(proc.stderr.splitlines()) == 1, (args, proc.stderr)
    assert not (tmp_path / "v.html").exists() and not (tmp_path / "s").exists()
    assert _kg("viz", "--store", store, "--focus", "苏州新能源产业大会", "--hops", "2", "-o", tmp_path / "f.html").returncode == 0


def test_ctrl_c_after_the_new_store_is_in_place_is_no_interruption(tmp_path, monkeypatch):
    """Ctrl-C between the swap and the summary: the store is the new one, so the command says it
    was written and ends with 0 (it said ``interrupted``, 130, over a store that had changed)."""
    import kg.cli.build as build_cli

    store = tmp_path / "store"
    files = sorted(SEEDS.glob("*.txt"))
    assert run("build", files[0], "--store", store, "--jobs", "1").exit_code == 0

    def interrupted(kg):  # (the summary, printed after the swap)
        raise KeyboardInterrupt

    monkeypatch.setattr(build_cli, "_summary_lines", interrupted)
    out = run("build", *files[:2], "--store", store, "--jobs", "1", "--replace")
    assert out.exit_code == 0 and "Ctrl-C came after the new store was in place" in out.output, out.output
    assert len(KnowledgeGraph.open(store).report.articles) == 2


def test_ctrl_c_before_the_new_store_is_in_place_interrupts(tmp_path, monkeypatch):
    from kg import api

    store = tmp_path / "store"
    files = sorted(SEEDS.glob("*.txt"))
    assert run("build", files[0], "--store", store, "--jobs", "1").exit_code == 0

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(api.KnowledgeGraph, "build", interrupted)
    out = run("build", *files[:2], "--store", store, "--jobs", "1", "--replace")
    assert out.exit_code != 0 and "in place" not in out.output
    assert len(KnowledgeGraph.open(store).report.articles) == 1
