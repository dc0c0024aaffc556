# The two commands of the README. Each sets up the virtual environment when needed.
VENV ?= .venv
PYTHON ?= python3

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build test evaluate bench clean chromium

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@

build: $(VENV)/.installed
	$(VENV)/bin/isis-kg build corpus --out graph

# The report's browser tests drive Debian's Chromium through Playwright (which never downloads a browser).
chromium:
	@command -v chromium >/dev/null 2>&1 || $(SUDO) apt-get install -y -q chromium >/dev/null 2>&1 || \
		{ $(SUDO) apt-get update -q >/dev/null && $(SUDO) apt-get install -y -q chromium >/dev/null; }

test: $(VENV)/.installed chromium
	$(VENV)/bin/pytest

evaluate: $(VENV)/.installed
	$(VENV)/bin/isis-kg evaluate

bench: $(VENV)/.installed
	$(VENV)/bin/python tests/benchmarks/bench_build.py
	$(VENV)/bin/python tests/benchmarks/bench_queries.py

clean:
	rm -rf $(VENV) src/*.egg-info .pytest_cache
