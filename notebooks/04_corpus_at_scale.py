# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 04 · A corpus at scale
#
# A trip is reported piece by piece, in many articles. `itinerary build` extracts a whole corpus
# on [Dask](https://distributed.dask.org) (the map step: one task per article, the language
# models loaded once per worker) and merges the drafts into one trip per traveller (the reduce
# step). The same code runs on the cores of a laptop and on a cluster.
#
# This notebook writes a tiny corpus: one short report a day, generated from the stops of the
# shipped 18 September trip (so no article text is needed), builds it on a `LocalCluster` of two
# worker processes, builds it again (everything is finished, so nothing is extracted), and maps
# the merged trip.

# %%
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
from distributed import Client, LocalCluster

import itinerary
from itinerary.build import build
from itinerary.paths import geodata_dir
from itinerary.prepare import prepare
from itinerary.render import make_map

pd.set_option("display.width", 160)
work = Path(tempfile.mkdtemp(prefix="itinerary-corpus-"))
corpus = work / "articles"
corpus.mkdir()
seed = itinerary.load(geodata_dir() / "trips" / "kim-jong-un-russia-2023-09-18.yaml")
trip = seed.trips[0]
dated = [s for s in trip.stops if s.date.start is not None and s.role.value != "origin"]
for i, stop in enumerate(dated, start=1):
    day = stop.date.start
    region = (stop.hint or "").split(",")[-1].strip()
    header = f"# date: {day.isoformat()}\n# language: en\n---\n"
    text = f"{trip.traveller} arrived in {stop.place}, {region}, on {day:%A} {day.day} {day:%B}.\n"
    (corpus / f"report-{i:02d}.txt").write_text(header + text, encoding="utf-8")
print(f"{len(dated)} reports, e.g.:")
print((corpus / "report-02.txt").read_text())

# %% [markdown]
# ## A local cluster
#
# Two worker processes with one thread each (extraction holds Python's GIL, so processes, not
# threads, use the cores). On a real cluster you would connect to a running scheduler instead:
# `Client("tcp://HOST:8786")`, or `itinerary build ... --scheduler tcp://HOST:8786` on the
# command line. The dashboard shows the tasks as they run.

# %%
cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
client = Client(cluster)
print(client.dashboard_link)

# %% [markdown]
# ## Build
#
# The articles the extractor cannot read a trip from are listed with their reason; the run goes
# on with the others.

# %%
out = work / "out"
summary = build([corpus], out, client=client)
print(summary.line())
for origin, reason in summary.failures:
    print("failed:", Path(origin).name, "-", reason.split(": ", 1)[1])

# %% [markdown]
# The output folder: one draft per article, the merged trip, GeoParquet stops and legs, and the
# manifest of content hashes that makes a second run skip what is finished.

# %%
sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and not p.name.startswith("."))

# %%
pd.read_json(out / "manifest.jsonl", lines=True)[["name", "status", "reason"]]

# %% [markdown]
# ## Again: nothing left to do
#
# Every article's content hash and draft match the manifest, so nothing is sent to the
# workers; the merged files come out the same. A run stopped half-way resumes the same way.

# %%
before = (out / "trips.yaml").read_bytes()
again = build([corpus], out, client=client)
print(again.line())
print("same trips.yaml:", (out / "trips.yaml").read_bytes() == before)

# %%
client.close()
cluster.close()

# %% [markdown]
# ## The trips found
#
# The stops as GeoParquet (what geopandas and dask-geopandas read), then the merged trip on a map.

# %%
stops = gpd.read_parquet(out / "stops.parquet")
stops[["order", "place", "status", "date", "source", "geometry"]]

# %%
make_map(prepare(itinerary.load(out / "trips.yaml")), height="420px", offline=True)
