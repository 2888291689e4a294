#!/usr/bin/env bash
# The whole test suite: set up (including headless chromium), lint, type-check, test, the docs site, the wheel.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
.venv/bin/ruff check itinerary tests geodata benchmarks scripts
.venv/bin/ruff format --check itinerary tests geodata benchmarks scripts
.venv/bin/mypy
.venv/bin/lint-imports
# The documentation site in strict mode: a broken link, anchor or reference, or any warning, fails
# (about 10 s; not with -q, which hides the warnings from --strict).
site=$(mktemp -d)
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --site-dir "$site" >"$site.log" 2>&1 || { cat "$site.log"; exit 1; }
rm -rf "$site" "$site.log"
export CI=${CI:-true}  # browser tests run (and fail without Chromium) instead of skipping
.venv/bin/python -m pytest -n 2 "$@"
bash scripts/check_wheel.sh
