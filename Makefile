# Loket: `make run` starts the demo, `make test` runs every test. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip --disable-pip-version-check --quiet
PG_URL ?= postgres://postgres@127.0.0.1:5432/loket
# Tests run in this many processes (pytest-xdist; more than the two cores of our
# machines pay off, since tests wait on the database and the browser), each test
# file in one of them, the longest files first (conftest.LONG_FIRST);
# TEST_WORKERS=0 runs them in this process (for a debugger).
TEST_WORKERS ?= 3

.PHONY: run test test-postgres bench lint format lock browser install clean-demo help

help:
	@echo "make run            start Loket with the demo on SQLite (127.0.0.1:\$${LOKET_PORT:-8000})"
	@echo "make test           install and run the whole test suite"
	@echo "make test-postgres  the suite on the local PostgreSQL ($(PG_URL))"
	@echo "make bench          benchmark on PostgreSQL, 100 000 zaken (FULL=1: 1 000 000)"
	@echo "make lint           ruff (make format repairs what it can)"
	@echo "make lock           re-pin dependencies from pyproject.toml"
	@echo "make clean-demo     remove the demo database and files under var/"

$(VENV)/.created:
	@python=$$(scripts/find-python) && echo "Virtuele omgeving met $$python" && \
		"$$python" -m venv $(VENV)
	@touch $@

$(VENV)/.base: $(VENV)/.created requirements/base.lock
	@echo "Afhankelijkheden installeren (requirements/base.lock)"
	@$(PIP) install --require-hashes --no-deps -r requirements/base.lock 2>&1 | { grep -v "is ignored: it is neither" || true; }
	@touch $@

$(VENV)/.dev: $(VENV)/.base requirements/dev.lock
	@echo "Testafhankelijkheden installeren (requirements/dev.lock)"
	@$(PIP) install --require-hashes --no-deps -r requirements/dev.lock 2>&1 | { grep -v "is ignored: it is neither" || true; }
	@touch $@

install: $(VENV)/.base

var/secret_key:
	@mkdir -p var && umask 077 && $(PY) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

run: $(VENV)/.base var/secret_key
	@LOKET_DEMO=true LOKET_SECRET_KEY="$$(cat var/secret_key)" \
		LOKET_EMAIL_URL="$${LOKET_EMAIL_URL:-file://$(CURDIR)/var/mail}" \
		exec $(PY) manage.py loket run --demo

browser:
	@scripts/ensure-chromium

test: $(VENV)/.dev browser
	@echo "Tests op $${LOKET_DATABASE_URL:+PostgreSQL ($$LOKET_DATABASE_URL)}$${LOKET_DATABASE_URL:-SQLite}"
	@$(VENV)/bin/pytest $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder) $(PYTEST_ARGS)

# The benchmark: data on the local PostgreSQL, Loket in production configuration,
# the scenarios with 1 and 16 users, a report under bench/results/. See bench/README.md.
bench: $(VENV)/.dev
	@$(PY) bench/run.py --zaken $(if $(FULL),1000000,100000) $(BENCH_ARGS)

test-postgres:
	@LOKET_DATABASE_URL=$(PG_URL) $(MAKE) --no-print-directory test

lint: $(VENV)/.dev
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev
	@$(VENV)/bin/ruff check --fix .
	@$(VENV)/bin/ruff format .

lock: $(VENV)/.dev
	$(VENV)/bin/uv pip compile pyproject.toml --universal --python-version 3.12 \
		--generate-hashes --no-header -o requirements/base.lock
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --universal --python-version 3.12 \
		--generate-hashes --no-header -o requirements/dev.lock

clean-demo:
	rm -rf var/loket.sqlite3* var/media var/static var/mail
