# Two commands do everything: `make report` builds the whole report, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= seeds
# Compare by another metadata column: make report CORPUS=dir GROUP_BY=standpoint
GROUP_BY ?= outlet
ARGS = --corpus $(CORPUS) --group-by $(GROUP_BY)

.PHONY: setup report figures tables test browser lab clean

# A .venv made by another Python (an older python3, say) is rebuilt, not reused.
PY_VERSION := $(shell $(PYTHON) -c 'import sys; print(sys.version.split()[0])' 2>/dev/null)
VENV_VERSION := $(shell [ -x $(BIN)/python ] && $(BIN)/python -c 'import sys; print(sys.version.split()[0])' 2>/dev/null)
ifneq ($(VENV_VERSION),)
ifneq ($(VENV_VERSION),$(PY_VERSION))
$(info .venv was made by Python $(VENV_VERSION), $(PYTHON) is $(PY_VERSION): rebuilding it)
$(shell rm -rf $(VENV))
endif
endif

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name nato-media-analysis \
	  --display-name "Python (nato-media-analysis)" >/dev/null
	touch $(STAMP)

# The notebooks name the kernel nato-media-analysis (this .venv, installed inside it); the report
# build runs them on the Python that runs it, so it needs no kernel installed.
setup: $(STAMP)  ## create .venv with the pinned dependencies and the notebooks' Jupyter kernel

# Outputs of seeds/ go to figures/, tables/ and reports/; of any other corpus to output/<name>/.
report: $(STAMP)  ## re-render figures, write tables, execute notebooks, export HTML reports
	$(BIN)/python -m analysis figures $(ARGS)
	$(BIN)/python -m analysis tables $(ARGS)
	$(BIN)/python -m analysis report $(ARGS)

figures: $(STAMP)  ## re-render every figure without Jupyter
	$(BIN)/python -m analysis figures $(ARGS)

tables: $(STAMP)  ## write every table as CSV
	$(BIN)/python -m analysis tables $(ARGS)

test: $(STAMP) browser  ## lint, then every test (notebooks and the reports in a real browser included)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

browser:  ## Debian's Chromium for the browser tests (installed when missing and running as root)
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || echo "chromium not installed: the browser tests will be skipped (they fail under CI)"

lab: $(STAMP)  ## open the notebooks in JupyterLab (works as root too)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root,)

clean:  ## remove what is generated and not tracked (the committed figures/ and reports/ stay)
	rm -rf $(VENV) tables output store reports/figures reports/log reports/.partial .pytest_cache .ruff_cache
