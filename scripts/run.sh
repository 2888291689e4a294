#!/usr/bin/env bash
# The main job: set up, then build the seed trip's map (self-contained HTML and PNG) and its
# GeoJSON on the embedded data, with no network. Outputs go to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
for trip in geodata/trips/kim-jong-un-russia-2023-09-14.yaml geodata/trips/kim-jong-un-russia-2023-09-18.yaml; do
  name=$(basename "$trip" .yaml)
  .venv/bin/itinerary validate "$trip"
  .venv/bin/itinerary resolve "$trip" -o "out/$name.resolved.yaml" --force
  .venv/bin/itinerary map "out/$name.resolved.yaml" -o "out/$name.html" --offline --png "out/$name.png" --force
  .venv/bin/itinerary export "out/$name.resolved.yaml" -o "out/$name.geojson" --force
done
echo "done: $(ls out | tr '\n' ' ')"
