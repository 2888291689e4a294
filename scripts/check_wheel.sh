#!/usr/bin/env bash
# Build the wheel, install it in a clean virtual environment and use it from an empty folder,
# with no checkout on the path: geocode, validate, resolve, map (offline) and export the seed trip.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m build --wheel --outdir "$work/dist" . >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
wheel=$(ls "$work"/dist/itinerary_mapper-*.whl)  # the distribution itinerary-mapper
echo "wheel: $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KB)"
"$PYTHON" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet "$wheel" 2>&1 | grep -v "^WARNING: Location" || true
mkdir "$work/empty"
cd "$work/empty"
export ITINERARY_CACHE_DIR="$work/cache"
unset ITINERARY_GEODATA
it="$work/venv/bin/itinerary"
trip="$("$work/venv/bin/python" -c 'import itinerary.paths as p; print(p.geodata_dir() / "trips" / "kim-jong-un-russia-2023-09-14.yaml")')"
case "$trip" in "$ROOT"*) echo "the installed package reads the checkout: $trip" >&2; exit 1 ;; esac
cp "$trip" trip.yaml
version=$("$work/venv/bin/python" -c 'import importlib.metadata as m; print(m.version("itinerary-mapper"))')
test "$("$it" --version)" = "itinerary, version $version" || { echo "itinerary --version is not $version" >&2; exit 1; }
"$work/venv/bin/python" -c 'import itinerary' || exit 1
"$it" geocode Vladivostok
"$it" validate trip.yaml
"$it" resolve trip.yaml -o resolved.yaml
"$it" map resolved.yaml -o map.html --offline
"$it" map resolved.yaml -o carte.html --offline --lang fr  # the page catalogues ship in the wheel
grep -q "Voyageur" carte.html || { echo "map --lang fr: no French word in the page" >&2; exit 1; }
"$it" export resolved.yaml -o trip.geojson
test -s map.html && test -s trip.geojson
echo "wheel check passed: $(ls | tr '\n' ' ')"
