# The two commands of the README. Each sets up the virtual environment when needed.
VENV ?= .venv
PYTHON ?= python3

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build test evaluate bench clean system-packages

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@

build: $(VENV)/.installed
	$(VENV)/bin/isis-kg build corpus --out graph

# Debian packages the tests need: Chromium for the report's browser tests (driven by Playwright,
# which never downloads a browser) and Frog for the optional statistical recogniser.
DEBIAN_PACKAGES := chromium frog frogdata
system-packages:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		$(SUDO) apt-get install -y -q $$missing >/dev/null 2>&1 || \
		{ $(SUDO) apt-get update -q >/dev/null && $(SUDO) apt-get install -y -q $$missing >/dev/null; }; \
	fi

test: $(VENV)/.installed system-packages
	$(VENV)/bin/pytest

evaluate: $(VENV)/.installed
	$(VENV)/bin/isis-kg evaluate

bench: $(VENV)/.installed
	$(VENV)/bin/python tests/benchmarks/bench_build.py
	$(VENV)/bin/python tests/benchmarks/bench_queries.py

clean:
	rm -rf $(VENV) src/*.egg-info .pytest_cache
