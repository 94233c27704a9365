# Two entry points: `make run` (build the seed graph, answer the showcase
# questions, write the HTML view) and `make test` (the whole test suite).
# `make readme` regenerates the example outputs in README.md.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install readme clean

$(STAMP): pyproject.toml
	@echo "==> creating $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	@echo "==> installing chanye-kg and its dependencies into $(VENV) (about a minute, only the first time)"
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --progress-bar off -e '.[dev]'
	@# an editable install leaves kg's bytecode to its first import, never written where
	@# PYTHONDONTWRITEBYTECODE is set: every kg command would compile ~200 modules (~0.25 s)
	$(BIN)/python -m compileall -q kg
	touch $(STAMP)
	@echo "==> installed; in a new shell, activate it with:  . $(BIN)/activate"

install: $(STAMP)

run: $(STAMP)
	@echo "==> building the graph of the seed articles into out/store"
	$(BIN)/kg build seeds/
	@echo "==> the showcase questions"
	$(BIN)/kg showcase
	@echo "==> writing the interactive view"
	$(BIN)/kg viz -o out/graph.html
	@echo "==> done: open out/graph.html in a browser; . $(BIN)/activate to use kg (README: A five-minute tour)"

test: $(STAMP)
	@echo "==> headless Chromium for the view tests"
	bash .ci/browser.sh
	@echo "==> the test suite"
	$(BIN)/python -m pytest -q

readme: $(STAMP)
	@echo "==> rerunning the README examples on a fresh build of the seed articles"
	$(BIN)/python docs/readme_examples.py

clean:
	rm -rf $(VENV) out .pytest_cache
