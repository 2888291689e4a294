# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 01 · From the seed report to a map
#
# A French report of 14 September 2023: Kim Jong-un entered Russia on the 12th, met Vladimir
# Putin at the Vostochny cosmodrome (Amur Oblast) on the 13th and *should go on* to
# Komsomolsk-on-Amur and Vladivostok. Putin accepted an invitation to North Korea; Sergei Lavrov
# is expected in Pyongyang in October.
#
# That report is written down as an itinerary file (format v1) shipped with the project. This
# notebook loads it, resolves the places with the offline gazetteer, routes the legs, draws the
# map and exports GeoJSON. Nothing here needs the network.

# %%
import tempfile
from pathlib import Path

import pandas as pd

import itinerary
from itinerary.coords import haversine_km
from itinerary.geocode import OfflineGeocoder, resolve_itinerary
from itinerary.io import geojson
from itinerary.paths import geodata_dir
from itinerary.prepare import prepare
from itinerary.render import make_map

pd.set_option("display.width", 160)
trip_file = geodata_dir() / "trips" / "kim-jong-un-russia-2023-09-14.yaml"
it = itinerary.load(trip_file)
print(it.title)
for trip in it.trips:
    print(f"  {trip.traveller}: {len(trip.stops)} stops")

# %% [markdown]
# ## Resolve: every name to a place, with the runners-up
#
# The geocoder ranks candidates by name match, prominence, the stop's `hint` (region, country,
# kind words such as *cosmodrome*) and the trip's other stops. The table shows, for each stop,
# the winner and the next best candidate, so a doubtful choice is visible.

# %%
geocoder = OfflineGeocoder()
rows = []
for trip, _, stop in it.stops():
    cands = geocoder.candidates(stop.place or "", hint=stop.hint, limit=5)
    best = cands[0]
    # The runner-up: the best candidate that is another place (more than 25 km away).
    second = next(
        (
            c
            for c in cands[1:]
            if haversine_km(c.record.lat, c.record.lon, best.record.lat, best.record.lon) > 25
        ),
        None,
    )
    rows.append(
        {
            "trip": trip.id,
            "place": stop.place,
            "hint": stop.hint,
            "resolved": best.record.name,
            "kind": best.record.kind,
            "lat": round(best.record.lat, 4),
            "lon": round(best.record.lon, 4),
            "confidence": round(best.confidence, 2),
            "runner-up": str(second.record.name) + f" ({second.record.country_code})" if second else "",
        }
    )
candidates = pd.DataFrame(rows)
candidates

# %% [markdown]
# The misspelling in the report resolves too: the gazetteer is fuzzy and multilingual. A fuzzy
# match is flagged for review (`geocoder.resolve` would also emit an `AmbiguityWarning`).

# %%
for name in ["Kimsomolsk-sur-l'Amour", "province d'Amour", "Владивосток", "centre spatial de Vostochny"]:
    best = geocoder.candidates(name, limit=1)[0]
    print(f"{name!r:32} -> {best} [{best.match}{', needs review' if best.ambiguous else ''}]")

# %% [markdown]
# ## Legs and their lengths
#
# Kim's armoured train follows the railway network (basis *reported*: the report says he came by
# train); the other trips have no reported route, so their legs are great circles marked
# *assumed*.

# %%
resolved = resolve_itinerary(it, geocoder)
prepared = prepare(resolved)
legs = pd.DataFrame(
    [
        {
            "trip": trip_id,
            "from": leg.origin.label,
            "to": leg.destination.label,
            "mode": leg.mode.value,
            "basis": leg.basis.value,
            "status": leg.status.value,
            "km": round(leg.length_km or 0),
        }
        for trip_id, trip_legs in prepared.legs.items()
        for leg in trip_legs
    ]
)
legs

# %% [markdown]
# ## The map
#
# Confirmed stops are solid, planned ones hollow and dashed; each trip is a layer; every stop
# is labelled with its name and date; click a stop for its status and source. Leaflet is inlined
# and `offline=True` draws a labelled Natural Earth basemap, so the map needs no network at all.
# Leave `offline` out for online background tiles (the map says so when they fail to load).

# %%
m = make_map(prepared, offline=True)
m

# %% [markdown]
# ## Export
#
# GeoJSON (RFC 7946) for QGIS, kepler.gl or geojson.io; the same call writes GeoPackage,
# FlatGeobuf, KML or CSV by suffix.

# %%
from itinerary.io.gis import export  # noqa: E402

out = Path(tempfile.mkdtemp()) / "kim-2023-09-14.geojson"
export(prepared, out)
fc = geojson.load(out)
print(out.name, "->", sum(len(t.stops) for t in fc.trips), "stops read back")
import geopandas as gpd  # noqa: E402

gpd.read_file(out).groupby("feature").size()

# %% [markdown]
# ## From text to a draft
#
# The same trip can start from prose. `itinerary.extract` reads an article (French, English;
# Spanish, German and Russian through the gazetteer) and returns a draft itinerary: one trip per
# traveller, stops with status and date, and the sentence behind each. The text below is a short
# summary written for this notebook, with the report's misspelling kept.

# %%
import datetime  # noqa: E402

from itinerary.extract import extract  # noqa: E402

text = (
    "Le dirigeant nord-coréen Kim Jong-un est arrivé en Russie le 12 septembre. "
    "Il a rencontré Vladimir Poutine le 13 septembre au cosmodrome de Vostochny, dans la région de l'Amour. "
    "Il devrait ensuite se rendre à Kimsomolsk-sur-l'Amour et à Vladivostok. "
    "Le ministre Sergueï Lavrov devrait se rendre en Corée du Nord en octobre."
)
draft = extract(text, published=datetime.date(2023, 9, 14))
pd.DataFrame(
    [
        {
            "traveller": trip.traveller,
            "as written": stop.place,
            "resolved": stop.resolved.name if stop.resolved else None,
            "status": stop.status.value,
            "date": str(stop.date),
            "quote": stop.quote,
        }
        for trip, _, stop in draft.stops()
    ]
)
