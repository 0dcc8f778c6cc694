.PHONY: setup seeds check lock
# A fresh .venv from the lock file (CPU torch on any machine): see scripts/install.sh.
setup:
	bash scripts/install.sh
seeds: setup
	.venv/bin/factcheck check seeds/
# Exactly the README's test command (what CI runs after `setup`).
check:
	.venv/bin/ruff check factcheck tests bench scripts && .venv/bin/mypy && .venv/bin/python -m pytest -q
# Re-resolve pyproject.toml's ranges into requirements.lock (then run `make setup check`).
lock:
	bash scripts/lock.sh
