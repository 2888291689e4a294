#!/usr/bin/env bash
# The whole test suite: set up (including headless chromium), lint, type-check, test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
.venv/bin/ruff check itinerary tests geodata benchmarks scripts
.venv/bin/ruff format --check itinerary tests geodata benchmarks scripts
.venv/bin/mypy
.venv/bin/lint-imports
export CI=${CI:-true}  # browser tests run (and fail without Chromium) instead of skipping
.venv/bin/python -m pytest -n 2 "$@"
bash scripts/check_wheel.sh
