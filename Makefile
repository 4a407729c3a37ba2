# Set-up and entry points. `make demo` and `make test` each do all set-up themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO   := build/demo
PORT   ?= 8000
DESK_PORT ?= 8010

.PHONY: setup system-deps demo demo-build desk test bench golden clean

$(BIN)/gazette: pyproject.toml
	@echo "installing Gazette and its Python dependencies into $(VENV) (a few minutes the first time)..."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

setup: $(BIN)/gazette

system-deps:
	scripts/system-deps.sh

demo-build: setup
	rm -rf $(DEMO)
	$(BIN)/gazette ingest samples/*.pdf tests/resources/scan-mini.pdf --content $(DEMO)/content
	$(BIN)/gazette publish --all --by demo --content $(DEMO)/content
	$(BIN)/gazette index --content $(DEMO)/content
	$(BIN)/gazette build --content $(DEMO)/content --site $(DEMO)/site

demo: demo-build
	$(BIN)/gazette serve --site $(DEMO)/site --port $(PORT)

# The editors' desk on the demo archive (docs/editors.md), on http://127.0.0.1:8010/.
desk: setup
	@[ -f $(DEMO)/content/register.jsonl ] || $(MAKE) demo-build
	$(BIN)/gazette desk --content $(DEMO)/content --by demo-editor --port $(DESK_PORT) --open

test: setup system-deps
	$(BIN)/pytest -q

bench: setup system-deps
	$(BIN)/python bench/run_all.py

golden: setup
	$(BIN)/python tests/regenerate_golden.py

clean:
	rm -rf build site .pytest_cache
