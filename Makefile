# fazhi-kg — two commands on a fresh machine:
#   make demo   set up .venv, build seeds/ into output/, print a summary
#   make test   set up .venv with test extras, lint, run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint format venv system-deps bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "installing fazhi-kg into $(VENV) (log: $(VENV)/pip.log)"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip \
		> $(VENV)/pip.log 2>&1 || (cat $(VENV)/pip.log; exit 1)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]' \
		>> $(VENV)/pip.log 2>&1 || (cat $(VENV)/pip.log; exit 1)
	@touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build seeds --out output
	@echo "next: source $(VENV)/bin/activate (puts kg on the PATH), then e.g. kg cited-across --min 2"

# Browser tests drive Debian's chromium through Playwright, the PDF test prints Chinese
# text with it (a CJK font is needed for a real text layer), and the push integration test
# sends the build to a second, independent SPARQL store: Debian's Virtuoso. Installed when
# missing; the tests start their own servers on loopback (the package's service is stopped).
system-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list :lang=zh 2>/dev/null | grep -q . \
		|| ! command -v virtuoso-t >/dev/null; then \
		echo "installing chromium, fonts-noto-cjk and virtuoso-opensource (integration tests)"; \
		if [ "$$(id -u)" = 0 ]; then S=; else S=sudo; fi; \
		$$S apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$S apt-get install -y -qq \
			chromium fonts-noto-cjk virtuoso-opensource >/dev/null; \
		$$S service virtuoso-opensource-7 stop >/dev/null 2>&1 || true; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: $(STAMP) system-deps lint
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# Outputs are links into output/.gen-* through output/.current (see kg/export/files.py).
clean:
	rm -rf output/store output/*.ttl output/*.nt output/*.nq output/*.trig output/*.jsonld \
		output/*.csv output/*.html output/*.json output/.current output/.gen-* \
		output/.staging-* output/.old-* output/.lock
