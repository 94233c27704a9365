"""notebooks/tour.ipynb runs top to bottom in a real Jupyter kernel without an error, and is
written for a newcomer: public API only, the graph called ``g``, data from the package."""

from __future__ import annotations

import ast

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "tour.ipynb"


def _outputs(nb, kind: str) -> list[str]:
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if kind == "text" and out.get("output_type") == "stream":
                texts.append(out["text"])
            elif kind in out.get("data", {}):
                texts.append(out["data"][kind])
    return texts


@pytest.fixture(scope="module")
def executed():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # kernel "python3" is the interpreter running the tests (jupyter_client maps the
    # native ipykernel spec to sys.executable), so no kernelspec has to be installed
    client = NotebookClient(
        nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    try:
        client.execute()
    except CellExecutionError as exc:  # pragma: no cover - the failure message is the point
        pytest.fail(f"notebook cell failed:\n{exc}")
    return nb


def test_notebook_runs_without_errors(executed):
    errors = [o for c in executed.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    assert all(c.get("execution_count") for c in executed.cells if c.cell_type == "code")


def test_notebook_shows_real_answers(executed):
    html = "\n".join(_outputs(executed, "text/html"))
    text = "\n".join(_outputs(executed, "text"))
    assert "5 articles, 0 failures" in text
    assert html.count("<table") >= 6  # query and analysis tables rendered as DataFrames
    assert "—[" in text or "←[" in text  # a path was printed with its relations
    assert "<iframe" in html  # the graph view


def _code(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


def test_notebook_uses_only_the_public_api():
    import kg

    nb = nbformat.read(NOTEBOOK, as_version=4)
    tree = ast.parse(_code(nb))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert "kg" in imported and not {m for m in imported if m.startswith("kg.")}, imported
    used = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "kg"}
    assert used and used <= set(kg.__all__), used - set(kg.__all__)
    assigned = {t.id for n in ast.walk(tree) if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
    assert "g" in assigned and "kg" not in assigned  # the graph is g; kg stays the package
    assert ".parents" not in _code(nb) and "seeds" not in _code(nb)  # no walking up to a checkout


def test_notebook_shows_sparql_own_articles_path_and_view(executed):
    code = _code(executed)
    assert "SELECT" in code and "g.query(" in code  # writing your own SPARQL
    assert "g.add(" in code  # adding your own articles
    text = "\n".join(_outputs(executed, "text")) + "\n".join(_outputs(executed, "text/plain"))
    assert "6 articles now" in text and "张明" in text  # the added article answers a query
    assert "[000_" in text  # a path hop printed with the article its sentence is from
