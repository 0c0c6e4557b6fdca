# The two commands of README.md: `make run` and `make test`. Each sets itself up from a fresh clone.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The test suite runs on the real services (see README.md, "Tests").
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/fupin_portal
TEST_BROKER_URL ?= redis://127.0.0.1:6379/15

.PHONY: run test setup lint bench load ingest-bench clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(BIN)/.installed

run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py ensure_admin
	$(BIN)/python manage.py ingest tests/corpus/files
	@echo "Portal: http://127.0.0.1:$(PORT)/   Admin: http://127.0.0.1:$(PORT)/admin/"
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: setup
	SECRET_KEY=test-only-not-secret $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DATABASE_URL=$(TEST_DATABASE_URL) CELERY_BROKER_URL=$(TEST_BROKER_URL) SECRET_KEY=test-only-not-secret \
	  SECURE_SSL_REDIRECT=0 $(BIN)/python -m pytest $(PYTEST_ARGS)
	$(BIN)/ruff check .

lint: setup
	$(BIN)/ruff check .

bench: setup
	$(BIN)/python benchmarks/parse_throughput.py

# Benchmarks on the local PostgreSQL and Redis (README.md, "Benchmarks"); pass options in ARGS="...".
load: setup
	$(BIN)/python benchmarks/load.py $(ARGS)

ingest-bench: setup
	$(BIN)/python benchmarks/ingest_at_scale.py $(ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
