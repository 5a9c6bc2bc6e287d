# Two commands do everything: `make report` builds the whole report, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= seeds

.PHONY: setup report figures tables test browser lab clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)  ## create .venv with the pinned dependencies

report: $(STAMP)  ## re-render figures, write tables, execute notebooks, export HTML to reports/
	$(BIN)/python -m analysis figures --corpus $(CORPUS)
	$(BIN)/python -m analysis tables --corpus $(CORPUS) --out tables
	$(BIN)/python -m analysis report --corpus $(CORPUS)

figures: $(STAMP)  ## re-render every figure into figures/ without Jupyter
	$(BIN)/python -m analysis figures --corpus $(CORPUS)

tables: $(STAMP)  ## write every table into tables/
	$(BIN)/python -m analysis tables --corpus $(CORPUS) --out tables

test: $(STAMP) browser  ## lint, then every test (notebooks and the reports in a real browser included)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

browser:  ## Debian's Chromium for the browser tests (installed when missing and running as root)
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || echo "chromium not installed: the browser tests will be skipped (they fail under CI)"

lab: $(STAMP)  ## open the notebooks in JupyterLab (works as root too)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root,)

clean:
	rm -rf $(VENV) reports tables .pytest_cache
