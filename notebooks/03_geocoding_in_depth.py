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
# # 03 · Geocoding in depth
#
# The offline geocoder is a gazetteer compiled from GeoNames (cities of 500 people and more,
# with their names in every language and script), countries and first-level regions (Natural
# Earth polygons) and a curated list of landmarks. It needs no network. This notebook shows how
# it handles typos, homonyms and hints, and how to use it from geopandas.

# %%
import warnings

import geopandas as gpd
import pandas as pd

from itinerary.errors import AmbiguityWarning
from itinerary.geocode import OfflineGeocoder

pd.set_option("display.width", 160)
geocoder = OfflineGeocoder()


def table(query, **kwargs):
    """The top candidates for a query, as a table."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AmbiguityWarning)
        cands = geocoder.candidates(query, limit=5, **kwargs)
    return pd.DataFrame(
        [
            {
                "name": c.record.name,
                "kind": c.record.kind,
                "admin1": c.record.admin1,
                "country": c.record.country_code,
                "lat": round(c.record.lat, 4),
                "lon": round(c.record.lon, 4),
                "matched": c.matched,
                "confidence": round(c.confidence, 3),
            }
            for c in cands
        ]
    )


# %% [markdown]
# ## Many languages, many scripts, and typos
#
# One place, six spellings: English, German, Russian, Korean, a misspelling and a transposition.
# The last two are fuzzy matches: right, but flagged as ambiguous (`geocoder.resolve` would emit
# an `AmbiguityWarning` for them, and `itinerary resolve` marks such stops `needs_review: true`).

# %%
spellings = ["Vladivostok", "Wladiwostok", "Владивосток", "블라디보스토크", "Vladivostock", "Vladivotsok"]
pd.DataFrame(
    [
        {"query": q, "answer": str(c), "match": c.match, "ambiguous": c.ambiguous}
        for q in spellings
        for c in geocoder.candidates(q, limit=1)
    ]
)

# %% [markdown]
# ## Homonyms: the hint decides
#
# *Vostochny* is a dozen villages across Russia and a cosmodrome. Without a hint the geocoder
# picks the most prominent; a kind word or a region in the hint, or the trip's other stops
# (`near=`), picks the cosmodrome.

# %%
table("Vostochny")

# %%
table("Vostochny", hint="Amur Oblast, cosmodrome")

# %%
table("Vostochny", near=[(43.1056, 131.8735), (50.5503, 137.0100)])

# %% [markdown]
# *Springfield* without a hint is ambiguous: `resolve` warns (and, with `strict=True`, raises
# `AmbiguousPlace` listing the candidates). A country settles it.

# %%
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", AmbiguityWarning)
    geocoder.resolve("Springfield")
print(caught[0].message if caught else "no warning")
table("Springfield", hint="Illinois")

# %% [markdown]
# ## Unknown places: suggestions, not silence

# %%
from itinerary.errors import PlaceNotFound  # noqa: E402

try:
    geocoder.resolve("Xyzzyville")
except PlaceNotFound as exc:
    print(exc)

# %% [markdown]
# ## A geopy geocoder: use it with geopandas
#
# `OfflineGeocoder` follows geopy's contract (`geocode`, `reverse`), so `geopandas.tools.geocode`
# and geopy's `RateLimiter` accept it as they are.

# %%
names = pd.Series(["Pyongyang", "Khabarovsk", "Komsomolsk-sur-l'Amour", "Ulan-Ude"])
points = gpd.tools.geocode(names, provider=OfflineGeocoder)
points

# %%
loc = geocoder.reverse((51.8840, 128.3340))
print(loc.address, "·", f"{loc.raw['distance_km']:.1f} km")
