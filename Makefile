# Two commands do all the set-up on a fresh Debian machine with Python 3.11:
#   make run    installs the explorer in .venv and serves it on http://127.0.0.1:8050
#   make test   installs the test tools and Debian's chromium, then runs every test
#   make check  unit tests only, in parallel: the quick loop while working
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get

.PHONY: run test check lint validate docs screenshots chromium bench feel loadtest clean plotly-bundle

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { $(APT) update -qq && $(APT) install -y -qq python3-venv \
		&& $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.run

# Another port: make run ARGS="--port 8061" (a taken port is refused with that hint).
run: $(VENV)/.run
	@$(BIN)/explorer $(ARGS)

# Browser tests use Debian's Chromium; nothing downloads a browser of its own.
# Fonts for Chinese and Russian (the page and screenshots in zh/ru): Debian's, never fetched by
# the page at run time.
chromium:
	@command -v chromium >/dev/null 2>&1 || { $(APT) update -qq && $(APT) install -y -qq chromium; }
	@fc-list :lang=zh | grep -q . || { $(APT) update -qq && $(APT) install -y -qq fonts-wqy-zenhei; }
	@fc-list :lang=ru | grep -q . || { $(APT) update -qq && $(APT) install -y -qq fonts-dejavu-core; }

# The real TimelineJS and vis-timeline, for the tests that load the exports into them.
JS := tests/js
$(JS)/node_modules/.package-lock.json: $(JS)/package.json $(JS)/package-lock.json
	@command -v npm >/dev/null 2>&1 || { $(APT) update -qq && $(APT) install -y -qq nodejs npm; }
	npm ci --prefix $(JS) --no-audit --no-fund --loglevel=error
	touch $@

lint: $(VENV)/.test
	$(BIN)/ruff check explorer tests benchmarks docs
	$(BIN)/ruff format --check explorer tests benchmarks docs

validate: $(VENV)/.run
	$(BIN)/python -m explorer validate

test: $(VENV)/.test chromium $(JS)/node_modules/.package-lock.json lint validate
	$(BIN)/python -m pytest

# The quick loop (under a minute): unit tests in parallel, without the browser, servers,
# subprocesses, wheels and every-shipped-row tests that `make test` also runs.
check: $(VENV)/.test
	$(BIN)/python -m pytest -q -n auto -m "not integration" --ignore=tests/browser

docs: $(VENV)/.run
	$(BIN)/python -m explorer docs

# Screenshots for the README (the chromium step's CJK fonts make Chinese legible in them).
screenshots: $(VENV)/.test chromium
	$(BIN)/python docs/screenshots.py

# Not part of `make test`: the benchmark behind docs/performance.md (ARGS="--sizes shipped,10000"
# for a quicker run; the four sizes take about a quarter of an hour).
bench: $(VENV)/.test chromium
	$(BIN)/python benchmarks/bench.py $(ARGS)

# Not part of `make test`: the timeline's feel beside an earlier commit and vis-timeline
# (ARGS="--compare REF --runs 3"; a few minutes).
feel: $(VENV)/.test chromium $(JS)/node_modules/.package-lock.json
	$(BIN)/python benchmarks/feel.py $(ARGS)

# Not part of `make test`: a bounded load test on loopback (about a minute).
loadtest: $(VENV)/.test
	$(BIN)/python benchmarks/loadtest.py --clients 50 --seconds 60 --workers 2

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

# Not part of `make test`: rebuild the partial plotly.js bundle in assets/vendor (committed).
plotly-bundle:
	npm ci --prefix js/plotly --no-audit --no-fund --loglevel=error
	node js/plotly/build.js
