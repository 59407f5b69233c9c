# Two commands on a fresh machine (Python 3.11+ and make):
#   make lab    set everything up and open the kit in JupyterLab
#   make test   set everything up and run every test (browser tests need Debian's chromium, the hub test root; see README)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888
PYTEST_NOTEBOOKS := --nbval-lax --nbval-current-env --nbval-cell-timeout=120 --durations=30

.PHONY: lab test test-hub check lint bench bench-class book hub-env hub-proxy lock clean help guide slides handouts

help:
	@echo "make lab    set up .venv and open the kit in JupyterLab"
	@echo "make test   set up .venv and run every test (content check, lint, unit, widget, notebook, browser, hub)"
	@echo "make test-hub  only the real-JupyterHub test (root)"
	@echo "make check  validate the content under data/ (python -m kit check)"
	@echo "make bench  measure the speed of the kit's logic and widgets, and of make book"
	@echo "make book   build the reading edition (every notebook run, static pages) into site/"
	@echo "make slides / make handouts  a deck and a PDF handout per class session of the lesson plans (build/)"
	@echo "make guide  rewrite the instructor guides' plans, notes and rubric from the data"
	@echo "make bench-class  30 students on a real JupyterHub run notebook 08 and share at once (root)"
	@echo "make lock   rewrite tests/constraints.txt from the current .venv"
	@echo "make clean  remove .venv and caches"

# The environment: pinned by tests/constraints.txt, rebuilt when the pins or pyproject.toml change.
# rfc3987-syntax (an optional extra of jsonschema, pulled in by jupyter-events) builds parsers at import time and
# adds about a second to every JupyterLab and pytest start here; nothing in the kit needs it, so it is removed.
# jupyterlab-settings/consent-kit.json goes where JupyterLab reads default settings (see kit/shortcuts.py): it keeps
# notebook shortcuts from running while a kit view's control has focus.
$(STAMP): pyproject.toml tests/constraints.txt binder/requirements.txt jupyterlab-settings/consent-kit.json
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c tests/constraints.txt -e '.[test]'
	-$(BIN)/python -m pip uninstall --quiet --yes rfc3987-syntax 2>/dev/null
	install -D -m 644 jupyterlab-settings/consent-kit.json $(VENV)/share/jupyter/lab/settings/overrides.d/consent-kit.json
	@touch $(STAMP)

# The hub test (tests/hub) and bench-class: a JupyterHub whose students are real unix users. Their servers cannot
# start from .venv (its Python lives in root's home, unreadable by them), so they run from an environment built from
# Debian's python3 (apt-get install python3-venv) in a world-readable folder, installed from the same pins and
# rebuilt when the pins change (the stamp is named by their hash). Debian 12's python3 is 3.11.2: soupsieve's pinned
# release needs 3.11.5, so that one package (used by nbconvert, never by the kit) is left to pip there.
HUB_PYTHON ?= /usr/bin/python3
HUB_ENV    ?= /opt/consent-kit-hub/env
HUB_PINS   := $(shell cat tests/constraints.txt | sha1sum | cut -c1-12)
HUB_STAMP  := $(HUB_ENV)/.installed-$(HUB_PINS)
HUB_PROXY  := tests/hub/node_modules/.bin/configurable-http-proxy
export KIT_HUB_ENV := $(HUB_ENV)

$(HUB_STAMP): | $(STAMP)
	rm -rf $(HUB_ENV)
	mkdir -p $(dir $(HUB_ENV))
	$(HUB_PYTHON) -m venv $(HUB_ENV)
	grep -v '^soupsieve==' tests/constraints.txt > $(HUB_ENV)/constraints.txt
	$(BIN)/python -m pip --python $(HUB_ENV)/bin/python install --quiet -c $(HUB_ENV)/constraints.txt \
	  jupyterhub -r binder/requirements.txt jupyterlab ipykernel 2>&1 | grep -v 'is ignored' || true
	$(HUB_ENV)/bin/python -c "import jupyterhub, jupyterlab, ipykernel, ipywidgets, matplotlib, pandas, yaml"
	chmod -R a+rX $(dir $(HUB_ENV))
	@touch $@

hub-env: $(HUB_STAMP)

# configurable-http-proxy, the proxy JupyterHub starts, from the npm registry at the version locked in
# tests/hub/package-lock.json, into tests/hub/node_modules (never a global install).
$(HUB_PROXY): tests/hub/package.json tests/hub/package-lock.json
	cd tests/hub && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

hub-proxy: $(HUB_PROXY)

# axe-core (the accessibility checker the browser tests inject), from the npm registry, pinned by the lock file.
AXE := tests/browser/node/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/node/package.json tests/browser/node/package-lock.json
	npm ci --prefix tests/browser/node --no-audit --no-fund --loglevel=error
	@touch $(AXE)

# Teaching material (issue 22), from the data: the guides' generated parts, a reveal.js deck and a PDF handout per
# class session of data/plans.yaml. reveal.js comes from the npm registry, pinned by teaching/node/package-lock.json,
# and is copied into the built decks, which load nothing from elsewhere; the handouts are printed by the Chromium the
# browser tests use.
REVEAL := teaching/node/node_modules/reveal.js/dist/reveal.js
$(REVEAL): teaching/node/package.json teaching/node/package-lock.json
	npm ci --prefix teaching/node --no-audit --no-fund --loglevel=error
	@touch $(REVEAL)

guide: $(STAMP)
	$(BIN)/python -m kit guide

slides: $(STAMP) $(REVEAL)
	$(BIN)/python -m kit slides --out build/slides

handouts: $(STAMP)
	$(BIN)/python -m kit handouts --out build/handouts

# JupyterLab refuses to run as root unless told to (containers, CI machines); an ordinary user never needs it.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

# The kit's bytecode, written before a kernel needs it: a machine whose environment says PYTHONDONTWRITEBYTECODE (CI
# images, this one) would otherwise compile the whole kit again in every kernel, test and benchmark run. Only files
# changed since are compiled again (a second or so the first time).
BYTECODE := $(BIN)/python -m compileall -q -j0 kit

# The content is parsed into the parse cache first (files changed since only), so each notebook reads it back.
lab: $(STAMP)
	$(BYTECODE)
	$(BIN)/python -m kit prepare
	$(BIN)/jupyter lab --ServerApp.port=$(PORT) --ServerApp.root_dir=. $(ALLOW_ROOT) notebooks/00_start_here.ipynb

check: $(STAMP)
	$(BIN)/python -m kit check

lint: $(STAMP)
	$(BIN)/ruff check kit tests

# Every test, the real-JupyterHub test (tests/hub) included: it runs as root (it creates unix users; CI runs as root)
# and shares the session's one Chromium with the browser tests (tests/conftest.py).
test: $(STAMP) $(AXE) $(HUB_STAMP) $(HUB_PROXY)
test: slides handouts
	$(BYTECODE)
	$(BIN)/python -m kit check
	$(BIN)/ruff check kit tests
	$(BIN)/python -m pytest $(PYTEST_NOTEBOOKS) tests notebooks

# The real-JupyterHub test alone (a shortcut; make test runs it too).
test-hub: $(STAMP) $(HUB_STAMP) $(HUB_PROXY)
	$(BIN)/python -m pytest tests/hub

bench: $(STAMP)
	$(BYTECODE)
	$(BIN)/python -m tests.bench

bench-class: $(STAMP) $(HUB_STAMP) $(HUB_PROXY)
	$(BIN)/python -m tests.hub.bench_class

# The reading edition: every notebook executed, each view in its static form, pages that load nothing from outside.
book: $(STAMP)
	$(BIN)/python -m kit.book --out site

lock: $(STAMP)
	@{ sed -n '1,3p' tests/constraints.txt; $(BIN)/python -m pip freeze --exclude-editable | grep -vi '^kit'; } > tests/constraints.new
	@mv tests/constraints.new tests/constraints.txt

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis site tests/browser/node/node_modules
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
