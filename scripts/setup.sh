#!/usr/bin/env bash
# Set up everything the project needs on a fresh Debian machine with Python >= 3.11:
# a virtual environment in .venv with the package, its dev tools and the docs site's tools, and (with --browser)
# Debian's chromium for the browser tests and screenshots. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
# The distribution is itinerary-mapper ("itinerary" on PyPI is another project); an editable
# install of this checkout made under its former name "itinerary" would claim the same command.
.venv/bin/python -m pip uninstall --quiet --yes itinerary 2>/dev/null || true
.venv/bin/python -m pip install --quiet -e ".[dev,docs]"  # docs: the site, mkdocs.yml

if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing Debian chromium (headless browser for the map tests)..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Build the gazetteer index once (about 30 s) so later runs start in a second.
.venv/bin/python -c "from itinerary.geocode import Gazetteer; Gazetteer.default()"
