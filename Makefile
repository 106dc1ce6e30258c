# The two commands of the README: `make run` and `make test`. Every target does its own
# set-up and is idempotent: a second call only does what changed.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
export DJANGO_SETTINGS_MODULE := quartiersmanagement.settings

.PHONY: run test serve bench handbuch setup db migrate lint stop help
.DEFAULT_GOAL := help

help:
	@echo "make run    – einrichten, Demodaten laden, Entwicklungsserver auf http://127.0.0.1:8000"
	@echo "make test   – einrichten und alle Tests (inkl. Browser-Tests) ausführen"
	@echo "make serve  – gunicorn + whitenoise mit Produktionseinstellungen (lokal, HTTP)"
	@echo "make bench  – Lastdaten in Stadtgröße erzeugen, reale Nutzung mit Locust messen (docs/performance.md)"
	@echo "make handbuch – Bildschirmfotos für docs/handbuch.md neu aufnehmen"
	@echo "make stop   – eingebettete Datenbank stoppen"

$(VENV)/.installiert: pyproject.toml
	scripts/systempakete.sh basis
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q -e '.[test]'
	touch $@

node_modules/.installiert: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

.env: .env.example
	scripts/env_anlegen.sh

# Django's German catalogue leaves some admin strings open; ours fills them (docs/entwicklung.md).
MO := locale/de/LC_MESSAGES/django.mo
$(MO): locale/de/LC_MESSAGES/django.po
	scripts/systempakete.sh basis
	msgfmt --check-format -o $@ $<

db:
	scripts/devdb.sh start

migrate: $(VENV)/.installiert node_modules/.installiert .env $(MO) db
	$(MANAGE) migrate --no-input -v 0

setup: migrate

run: setup
	$(MANAGE) demo_daten
	$(MANAGE) runserver 127.0.0.1:8000

APPS := quartiersmanagement quartiere akteure bedarfe projekte karten berichte oeffentlichkeit arbeitsplatz bench

lint: $(VENV)/.installiert
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit -q -c pyproject.toml -r $(APPS) --severity-level medium
	$(VENV)/bin/lint-imports --no-cache

test: setup lint
	scripts/systempakete.sh browser
	$(MANAGE) makemigrations --check --dry-run -v 0
	$(VENV)/bin/pytest -n auto

serve: setup
	DEBUG=false HTTPS=false $(MANAGE) collectstatic --no-input -v 0
	DEBUG=false HTTPS=false ALLOWED_HOSTS=127.0.0.1,localhost \
	  $(VENV)/bin/gunicorn quartiersmanagement.wsgi --bind 127.0.0.1:8000 --workers 2 --access-logfile - \
	  --logger-class quartiersmanagement.gunicorn_logging.MaskingLogger

# The load tool (Locust) is installed for the benchmark only, never for tests or production.
$(VENV)/.bench-installiert: $(VENV)/.installiert
	$(PY) -m pip install -q -e '.[test,bench]'
	touch $@

bench: setup $(VENV)/.bench-installiert
	scripts/bench.sh

# The screenshots of docs/handbuch.md (the browser test that visits every page type) and of
# docs/arbeitsplatz.md (Heute and the search).
handbuch: setup
	scripts/systempakete.sh browser
	HANDBUCH_BILDER=1 $(VENV)/bin/pytest -q tests/browser/test_alle_seiten.py -k handy
	SCREENSHOTS=docs/handbuch $(VENV)/bin/pytest -q tests/browser/test_heute_und_suche.py -k 375

stop:
	scripts/devdb.sh stop
