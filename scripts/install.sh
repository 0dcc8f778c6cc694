#!/usr/bin/env bash
# Install factcheck into a fresh virtual environment from the lock file (requirements.lock).
#
# torch comes first, from the PyTorch CPU wheel index (pip's documented way to get the CPU build on
# any machine; PyPI's torch is the multi-GB CUDA build). Where that index cannot be reached, the
# same pinned version is taken from what this machine's pip serves (a local wheel folder here).
# Everything else is then installed at the exact versions of the lock, and factcheck itself
# without dependencies, so nothing is resolved anew.
#
#   bash scripts/install.sh            # into .venv
#   VENV=/tmp/v bash scripts/install.sh
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
LOCK=requirements.lock
TORCH_CPU_INDEX=https://download.pytorch.org/whl/cpu

rm -rf "$VENV"
python3 -m venv "$VENV"
pip=("$VENV/bin/pip" --quiet --disable-pip-version-check)
torch_pin=$(grep -E '^torch==' "$LOCK")
"${pip[@]}" install --retries 1 --timeout 30 --index-url "$TORCH_CPU_INDEX" "$torch_pin" 2>/dev/null \
  || "${pip[@]}" install "$torch_pin"
"${pip[@]}" install --no-deps -r "$LOCK"
"${pip[@]}" install --no-deps -e .
"$VENV/bin/pip" check
