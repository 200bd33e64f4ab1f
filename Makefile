# The README's commands. Everything is installed in .venv by these targets; nothing by hand.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RAW ?= ../shared/data/raw
PORT ?= 8866
STAMP := $(VENV)/.installed
BATCH ?= scenarios/batches/departements.yaml
SNAPSHOTS ?= snapshots
VINTAGE ?= $(shell date +%Y-%m-%d)
PORTAL ?= $(SNAPSHOTS)/portail

.PHONY: serve test data docs validation lab batch publish bench bench-browser bench-serve loadtest screenshots browser install clean

install: $(STAMP)

$(BIN)/uv:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python >= 3.11 is required (found: $$($(PYTHON) --version))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip uv

$(STAMP): pyproject.toml requirements.lock | $(BIN)/uv
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -c requirements.lock \
	  -e ".[test,dev,distributed]"
	# the editable package too: a cold kernel then loads bytecode instead of compiling lib/
	$(BIN)/python -m compileall -q lib
	@touch $@

serve: $(STAMP)
	$(BIN)/prospectif serve --port $(PORT)

browser: $(STAMP)
	@bash scripts/ensure-chromium.sh $(BIN)/python

test: $(STAMP) browser
	$(BIN)/python -m pytest

data: $(STAMP)
	$(BIN)/prospectif data build --raw $(RAW)
	$(MAKE) docs

docs: $(STAMP)
	$(BIN)/prospectif data docs > docs/data.md
	$(BIN)/prospectif scenarios docs > docs/assumptions.md
	$(BIN)/prospectif results docs > docs/variables.md

validation: $(STAMP)
	{ cat docs/validation.md.head; $(BIN)/python -c "from prospectif.validation import validation_markdown as v; print(v())"; } > docs/validation.md

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=.

bench: $(STAMP)
	$(BIN)/python -m pytest benchmarks --benchmark-only --benchmark-columns=min,median,mean,rounds

batch: $(STAMP) browser
	$(BIN)/prospectif batch $(BATCH) --output $(SNAPSHOTS) --vintage $(VINTAGE) --resume
	$(MAKE) publish

publish: $(STAMP)
	$(BIN)/prospectif publish $(SNAPSHOTS)/$(VINTAGE) --output $(PORTAL)/$(VINTAGE)

bench-browser: $(STAMP) browser
	$(BIN)/python benchmarks/live_update.py

loadtest: $(STAMP) browser
	$(BIN)/python -m benchmarks.loadtest

# the dashboards against a bare Voilà notebook (preheated and not), then 20 viewers at once
bench-serve: $(STAMP) browser
	$(BIN)/python -m benchmarks.serve_compare --repeat 5 --json build/bench-serve/compare.json
	$(BIN)/python -m benchmarks.loadtest --sessions 20 --json build/bench-serve/loadtest.json

screenshots: $(STAMP) browser
	$(BIN)/python -m pytest tests/browser tests/batch/test_publish.py -q
	mkdir -p docs/images && cp build/screenshots/*.png docs/images/
	$(BIN)/python scripts/thumbnails.py docs/images lib/prospectif/ui/thumbnails

clean:
	rm -rf $(VENV) .pytest_cache .benchmarks
