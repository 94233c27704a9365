"""kg.progress: a build shows its progress on a real terminal (a pty) and stays quiet when piped."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ENV, SEEDS
from kg.progress import BuildProgress


def _build(tmp_path, terminal: bool, command: str = "build", paths: list[str] | None = None) -> tuple[int, str, str]:
    """``kg build`` (or ``kg add``) of the seeds; stderr to a pseudo-terminal or to a pipe."""
    cmd = [sys.executable, "-m", "kg", command, *(paths or [str(SEEDS)]), "--store", str(tmp_path / "store")]
    env = {**ENV, "TERM": "xterm", "COLUMNS": "140"}
    if not terminal:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        return proc.returncode, proc.stdout, proc.stderr
    master, slave = os.openpty()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    out, _ = proc.communicate()
    os.close(master)
    return proc.returncode, out.decode(), b"".join(chunks).decode("utf-8", "replace")


def test_build_on_a_terminal_shows_files_facts_and_rate(tmp_path):
    code, out, err = _build(tmp_path, terminal=True)
    assert code == 0, err
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", err)
    assert re.search(r"5/5 files · [\d,]+ facts · \d+\.\d files/s", plain), plain[-500:]
    assert "1/5 files" in plain  # it moved while extracting, not only at the end
    assert out.startswith("built ")


def test_build_piped_is_quiet(tmp_path):
    code, out, err = _build(tmp_path, terminal=False)
    assert code == 0 and err == ""
    assert out.startswith("built ") and "files/s" not in out


def test_add_on_a_terminal_shows_its_progress_too(tmp_path):
    seeds = sorted(str(p) for p in SEEDS.iterdir() if p.suffix in (".txt", ".html"))
    code, _, err = _build(tmp_path, terminal=False, paths=seeds[:3])
    assert code == 0, err
    code, out, err = _build(tmp_path, terminal=True, command="add", paths=seeds[3:])
    assert code == 0, err
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", err)
    assert re.search(r"2/2 files · [\d,]+ facts", plain), plain[-500:]
    assert out.startswith("updated ")


def test_progress_is_off_without_a_terminal(tmp_path):
    with open(tmp_path / "log", "w") as fh, BuildProgress(fh) as progress:
        assert not progress.enabled
        progress(1, 2, 10)
    assert (tmp_path / "log").read_text() == ""
