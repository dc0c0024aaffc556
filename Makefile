# The two commands of the README. Each sets up the virtual environment when needed.
VENV ?= .venv
PYTHON ?= python3

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build test evaluate bench clean system-packages lock

# Every package comes from requirements.lock, at its exact version and hash; the project itself is then
# installed without dependencies, so nothing unpinned enters the environment.
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(VENV)/bin/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Re-resolve requirements.lock after a change to pyproject.toml's dependencies (uv, itself pinned here).
UV_VERSION := 0.13.9
lock:
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet uv==$(UV_VERSION)
	.lock-venv/bin/uv pip compile pyproject.toml build-requirements.in --extra test --generate-hashes \
		--python-version 3.11 --quiet --custom-compile-command 'make lock' -o requirements.lock
	rm -rf .lock-venv

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
	$(VENV)/bin/pytest -n 2

evaluate: $(VENV)/.installed
	$(VENV)/bin/isis-kg evaluate

# the speed targets at 100 documents; `make bench BENCH_TARGETS=` measures 1,000 as well (half an hour)
BENCH_TARGETS ?= --quick
bench: $(VENV)/.installed
	$(VENV)/bin/python tests/benchmarks/bench_build.py
	$(VENV)/bin/python tests/benchmarks/bench_queries.py
	$(VENV)/bin/python tests/benchmarks/bench_names.py
	$(VENV)/bin/python tests/benchmarks/bench_relations.py
	$(VENV)/bin/python tests/benchmarks/bench_report.py
	$(VENV)/bin/python tests/benchmarks/bench_targets.py $(BENCH_TARGETS)

clean:
	rm -rf $(VENV) src/*.egg-info .pytest_cache
