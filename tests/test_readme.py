"""README.md's example outputs are what the commands print on the seed graph (make readme regenerates them)."""

from __future__ import annotations

import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location("readme_examples", ROOT / "docs" / "readme_examples.py")
examples = importlib.util.module_from_spec(spec)
spec.loader.exec_module(examples)


def test_readme_examples_are_current(seed_kg):
    text = examples.README.read_text(encoding="utf-8")
    assert len(examples.commands(text)) >= 3
    fresh = examples.render(text, seed_kg.store_path)
    stale = [cmd for cmd, old, new in zip(examples.commands(text), examples.BLOCK.finditer(text), examples.BLOCK.finditer(fresh))
             if old.group("out") != new.group("out")]
    assert not stale, f"README examples out of date (run `make readme`): {stale}"


def test_readme_says_what_to_activate():
    text = examples.README.read_text(encoding="utf-8")
    assert ". .venv/bin/activate" in text
    assert "five-minute tour" in text.lower()
