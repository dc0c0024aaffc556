# The two commands of the README. Each sets up the virtual environment when needed.
VENV ?= .venv
PYTHON ?= python3

.PHONY: build test evaluate bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@

build: $(VENV)/.installed
	$(VENV)/bin/isis-kg build corpus --out graph

test: $(VENV)/.installed
	$(VENV)/bin/pytest

evaluate: $(VENV)/.installed
	$(VENV)/bin/isis-kg evaluate

bench: $(VENV)/.installed
	$(VENV)/bin/python tests/benchmarks/bench_build.py
	$(VENV)/bin/python tests/benchmarks/bench_queries.py

clean:
	rm -rf $(VENV) src/*.egg-info .pytest_cache
