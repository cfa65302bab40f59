# Protected Time: `make run` to try it, `make test` to check it. Both set everything up first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
STAMP_PY := $(VENV)/.installed
STAMP_NODE := node_modules/.installed
CSS := static/dist/main.css
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help setup run test lint format migrate demo browser-deps clean benchmarks

help:  ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | column -t -s $$'\t'

$(STAMP_PY): pyproject.toml requirements.lock scripts/find-python.sh
	@python_bin=$$(./scripts/find-python.sh) || exit 1; \
	  [ -x $(PY) ] || $$python_bin -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	@touch $@

$(STAMP_NODE): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js 20+) is needed to build the page assets." >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(CSS): $(STAMP_NODE) $(wildcard assets/scss/*.scss) $(wildcard assets/js/*.js) scripts/build-assets.sh
	./scripts/build-assets.sh

setup: $(STAMP_PY) $(CSS)  ## Create .venv, install pinned dependencies, build assets

migrate: setup  ## Apply database migrations
	$(PY) manage.py migrate --no-input

demo: migrate  ## Load the demo organisation (idempotent)
	$(PY) manage.py seed_demo

run: demo  ## Set up, migrate, load demo data, start the web server and task worker
	@$(PY) manage.py demo_logins --url http://$(HOST):$(PORT)/
	@trap 'kill 0' EXIT; \
	  $(PY) manage.py db_worker & \
	  $(PY) manage.py runserver $(HOST):$(PORT)

lint: setup  ## ruff check, ruff format --check, the app order (import-linter) and makemigrations --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	PYTHONPATH=. $(VENV)/bin/lint-imports --no-cache
	DJANGO_ENV=test $(PY) manage.py makemigrations --check --dry-run

format: setup  ## Fix formatting and lint where ruff can
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: lint  ## Set up, lint, then run the whole suite in parallel (browser tests need chromium)
	DJANGO_ENV=test $(PY) -m pytest -n auto $(PYTEST_ARGS)

browser-deps: $(STAMP_NODE)  ## Install Debian's chromium for the browser tests (needs root)
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

benchmarks: migrate  ## Run the scale benchmarks (minutes; not part of make test)
	DJANGO_ENV=test $(PY) benchmarks/run.py

clean:  ## Remove the virtual environment, node modules and built assets
	rm -rf $(VENV) node_modules static/dist staticfiles
