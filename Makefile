# Two commands: `make run` opens the window, `make test` runs the whole suite headless.
# Both create .venv and install the project first when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test test-slow lint bench geodata verify install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/python main.py

test: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q -m "not slow" -n auto --dist worksteal

test-slow: install
	$(BIN)/python -m pytest -q -m slow -n auto --dist worksteal

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports

verify: install
	$(BIN)/python main.py verify

bench: install
	$(BIN)/python -m benchmarks

geodata: install
	$(BIN)/python -m mapview.geodata.build

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .import_linter_cache
