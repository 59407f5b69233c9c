# Two commands on a fresh machine (Python 3.11+ and make):
#   make lab    set everything up and open the kit in JupyterLab
#   make test   set everything up and run every test (browser tests need Debian's chromium, see README)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888
PYTEST_NOTEBOOKS := --nbval-lax --nbval-current-env --nbval-cell-timeout=120

.PHONY: lab test check lint bench book lock clean help

help:
	@echo "make lab    set up .venv and open the kit in JupyterLab"
	@echo "make test   set up .venv and run every test (content check, lint, unit, widget, notebook, browser)"
	@echo "make check  validate the content under data/ (python -m kit check)"
	@echo "make bench  measure the speed of the kit's logic and widgets, and of make book"
	@echo "make book   build the reading edition (every notebook run, static pages) into site/"
	@echo "make lock   rewrite tests/constraints.txt from the current .venv"
	@echo "make clean  remove .venv and caches"

# The environment: pinned by tests/constraints.txt, rebuilt when the pins or pyproject.toml change.
# rfc3987-syntax (an optional extra of jsonschema, pulled in by jupyter-events) builds parsers at import time and
# adds about a second to every JupyterLab and pytest start here; nothing in the kit needs it, so it is removed.
$(STAMP): pyproject.toml tests/constraints.txt binder/requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c tests/constraints.txt -e '.[test]'
	-$(BIN)/python -m pip uninstall --quiet --yes rfc3987-syntax 2>/dev/null
	@touch $(STAMP)

# axe-core (the accessibility checker the browser tests inject), from the npm registry, pinned by the lock file.
AXE := tests/browser/node/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/node/package.json tests/browser/node/package-lock.json
	npm ci --prefix tests/browser/node --no-audit --no-fund --loglevel=error
	@touch $(AXE)

# JupyterLab refuses to run as root unless told to (containers, CI machines); an ordinary user never needs it.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.port=$(PORT) --ServerApp.root_dir=. $(ALLOW_ROOT) notebooks/00_start_here.ipynb

check: $(STAMP)
	$(BIN)/python -m kit check

lint: $(STAMP)
	$(BIN)/ruff check kit tests

test: $(STAMP) $(AXE)
	$(BIN)/python -m kit check
	$(BIN)/ruff check kit tests
	$(BIN)/python -m pytest $(PYTEST_NOTEBOOKS) tests notebooks

bench: $(STAMP)
	$(BIN)/python -m tests.bench

# The reading edition: every notebook executed, each view in its static form, pages that load nothing from outside.
book: $(STAMP)
	$(BIN)/python -m kit.book --out site

lock: $(STAMP)
	@{ sed -n '1,3p' tests/constraints.txt; $(BIN)/python -m pip freeze --exclude-editable | grep -vi '^kit'; } > tests/constraints.new
	@mv tests/constraints.new tests/constraints.txt

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis site tests/browser/node/node_modules
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
