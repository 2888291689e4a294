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
# # 02 · What changed between 14 and 18 September
#
# On 14 September the report had Kim at the cosmodrome, with Komsomolsk-on-Amur and Vladivostok
# still *planned*. By 18 September wire reports had him at the aircraft plant in Komsomolsk, at
# Knevichi airfield, the university and the aquarium in Vladivostok, and on his way home through
# Khasan. Both states are shipped as itinerary files; this notebook compares them.

# %%
import pandas as pd

import itinerary
from itinerary.diff import diff_table
from itinerary.paths import geodata_dir
from itinerary.prepare import prepare
from itinerary.render import make_map

pd.set_option("display.width", 160)
trips = geodata_dir() / "trips"
before = itinerary.load(trips / "kim-jong-un-russia-2023-09-14.yaml")
after = itinerary.load(trips / "kim-jong-un-russia-2023-09-18.yaml")
print(before.title)
print(after.title)

# %% [markdown]
# ## The diff table
#
# Stops are aligned trip by trip, in order, by place: a planned stop that became confirmed shows
# as a `status` change, a newly reported stop as `added`, a stop no longer reported as `removed`.

# %%
changes = diff_table(before, after)
changes.drop(columns=["traveller"])

# %%
summary = changes.groupby("change").size().rename("stops")
summary

# %% [markdown]
# Planned stops that came true:

# %%
changes[(changes.old_status == "planned") & (changes.new_status == "confirmed")][
    ["trip", "place", "new_date"]
]

# %% [markdown]
# ## Both maps side by side
#
# Left, the trip as known on 14 September (planned legs dashed); right, on 18 September.

# %%
from IPython.display import HTML  # noqa: E402


def iframe(m, title):
    html = m.get_root().render().replace("&", "&amp;").replace('"', "&quot;")
    return f'<div style="flex:1"><h4>{title}</h4><iframe srcdoc="{html}" style="width:100%;height:420px;border:0"></iframe></div>'


maps = [make_map(prepare(it), height="420px", offline=True) for it in (before, after)]
HTML(
    '<div style="display:flex;gap:8px">'
    + iframe(maps[0], "14 September 2023")
    + iframe(maps[1], "18 September 2023")
    + "</div>"
)
