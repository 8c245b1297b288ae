# regkg — the two commands are `make demo` and `make test`. Both set everything up themselves.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SIZE ?= S

.DEFAULT_GOAL := help
.PHONY: help setup demo test lint bench neo4j-jars clean

help:
	@echo "make demo   set up and run everything on http://127.0.0.1:8000 (Ctrl-C stops it)"
	@echo "make test   set up and run the whole test suite against a throwaway Neo4j"
	@echo "make lint | bench [SIZE=S] | clean"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "regkg needs Python 3.11+")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	@ops/ensure-icu.sh
	$(BIN)/pip install -q -e ".[dev]"
	@touch $(STAMP)

neo4j-jars: $(STAMP)
	@$(BIN)/python -c 'from graph.localdb import ensure_jars; print("Neo4j jars in", ensure_jars())'

setup: $(STAMP) neo4j-jars web-build

## The main job: Neo4j + migrations + seed + API and page on http://127.0.0.1:8000 (Ctrl-C stops all).
demo: setup
	$(BIN)/regkg demo

## The whole test suite against a throwaway Neo4j that the tests start and stop themselves.
test: setup
	@ops/ensure-packages.sh docker-compose:docker-compose
	@ops/ensure-chromium.sh
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m bench.run --size $(SIZE)

clean: web-clean
	rm -rf $(VENV) ops/neo4j-local/lib .pytest_cache .mypy_cache .ruff_cache

include web/web.mk
