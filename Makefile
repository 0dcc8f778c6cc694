.PHONY: setup seeds check
setup:
	python3 -m venv .venv && .venv/bin/pip install --quiet torch==2.13.0 && .venv/bin/pip install --quiet -e '.[dev]'
seeds: setup
	.venv/bin/factcheck check seeds/
check:
	.venv/bin/ruff check factcheck tests && .venv/bin/python -m pytest -q
