# The two front-door commands: `make demo` (crawl, index and search the demo news world on the real
# local stack) and `make test` (the whole test suite against real Elasticsearch and Redis).
BIN := .venv/bin

.PHONY: install demo test unit bench down

install:
	./deploy/install.sh

demo: install
	$(BIN)/newsindex demo

test: install
	$(BIN)/python -m pytest -q

unit: install
	$(BIN)/python -m pytest -q tests/unit

bench: install
	$(BIN)/python bench/pipeline.py

down:
	$(BIN)/newsindex services down
