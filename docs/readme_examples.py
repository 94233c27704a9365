"""Regenerate the example outputs of README.md, so that no figure in it goes stale.

Every console block that follows the line ``<!-- example -->`` holds one
``$ kg …`` command and its output. This script builds the seed articles into a
temporary store, reruns each command against it and writes the new output into
the block. ``make readme`` runs it; ``tests/test_readme.py`` fails when the
README no longer matches what the commands print.

    python docs/readme_examples.py            # rewrite README.md in place
    python docs/readme_examples.py --check    # exit 1 if it is stale
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- example -->\n```console\n\$ (?P<cmd>[^\n]+)\n)(?P<out>.*?)(```)", re.DOTALL)


def run(command: str, store: Path) -> str:
    """What ``command`` (``kg …``) prints against ``store``: its standard output, then its errors."""
    args = shlex.split(command)
    assert args[0] == "kg", command
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           "COLUMNS": "200"}
    proc = subprocess.run([sys.executable, "-m", "kg", *args[1:], "--store", str(store)], env=env,
                          capture_output=True, text=True, cwd=ROOT)
    out = proc.stdout + proc.stderr
    return out if out.endswith("\n") else out + "\n"


def render(text: str, store: Path) -> str:
    """``text`` with the output of every example block replaced by a fresh run."""
    return BLOCK.sub(lambda m: m.group(1) + run(m.group("cmd"), store) + m.group(4), text)


def commands(text: str) -> list[str]:
    return [m.group("cmd") for m in BLOCK.finditer(text)]


def build_seeds(folder: Path) -> Path:
    store = folder / "store"
    sys.path.insert(0, str(ROOT))
    import kg

    kg.build([kg.seed_articles()], store=store)
    return store


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="kg-readme-") as tmp:
        fresh = render(text, build_seeds(Path(tmp)))
    if "--check" in argv:
        if fresh != text:
            print("README.md examples are stale: run make readme", file=sys.stderr)
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    print(f"README.md: {len(commands(text))} examples regenerated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
