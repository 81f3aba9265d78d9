# The two commands of the README: `make run` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
export HOST PORT

.PHONY: run test install system-packages services bench lint typecheck-baseline assets

run: install .env services
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	@echo
	@echo "The portal is starting at http://$(HOST):$(PORT)/ (web, Celery worker and Celery beat)."
	@echo "Press Ctrl-C to stop all three."
	@echo
	@# --env /dev/null: honcho must not read .env itself. settings.py reads it, and real
	@# environment variables win there; honcho's copy would win over them (and it drops spaces).
	$(BIN)/honcho --procfile coproduction/Procfile --app-root . --env /dev/null start

test: install .env services
	$(BIN)/python -m pytest

install: system-packages $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $@

system-packages:
	@bash .ci/system-packages

.env:
	cp .env.example .env

services: $(STAMP) .env
	$(BIN)/python manage.py ensure_services

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/deptry .
	bash .ci/typecheck

# Record mypy's current errors as the baseline (only after fixing some: never to hide new ones).
typecheck-baseline: install
	$(BIN)/mypy coproduction initiatives forums evaluation | $(BIN)/mypy-baseline sync

# Rebuild the compiled GOV.UK Frontend assets (needs Node; the output is committed).
assets:
	bash static/src/build.sh

# Server time of the main pages on a large data set, in its own database (see bench/).
bench: install .env services
	$(BIN)/python -m bench
