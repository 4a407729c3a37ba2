# Set-up and entry points. `make demo` and `make test` each do all set-up themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO   := build/demo
PORT   ?= 8000

.PHONY: setup system-deps demo demo-build test bench golden clean

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

test: setup system-deps
	$(BIN)/pytest -q

bench: setup system-deps
	$(BIN)/python bench/run_all.py

golden: setup
	$(BIN)/python tests/regenerate_golden.py

clean:
	rm -rf build site .pytest_cache
