# Two entry points: `make run` (build the seed graph, answer the showcase
# questions, write the HTML view) and `make test` (the whole test suite).
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/kg build seeds/
	$(BIN)/kg showcase
	$(BIN)/kg viz -o out/graph.html

test: $(STAMP)
	bash .ci/browser.sh
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) out .pytest_cache
