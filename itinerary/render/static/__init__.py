"""Static maps for print (PNG, SVG, PDF) with cartopy and matplotlib over the shipped basemap.

The projection is chosen from the data: an azimuthal equidistant projection centred on the
trips (true distances from the centre, so a scale bar is honest) when every point lies within
25 degrees of their centre, else Miller on their central meridian (north up everywhere, so an
ocean crossing keeps its continents upright). The frame is tight to everything drawn and fills
the whole canvas; each label goes beside its stop where it overlaps nothing (a leader line when
it sits away from it; adjustText for the rest); the legend and the locator globe go in the
emptiest corners. All text is drawn literally (no mathtext) and stays text in SVG and PDF.

The modules, each importing only those listed after it:

- :mod:`~itinerary.render.static.page`: the figure put together, and the files written;
- :mod:`~itinerary.render.static.furniture`: title, legend, credit, scale bar, locator globe;
- :mod:`~itinerary.render.static.placement`: where the stop labels go (theme: ``print.labels``);
- :mod:`~itinerary.render.static.marks`: legs, markers and the label texts;
- :mod:`~itinerary.render.static.basemap`: land, regions, country and sea names;
- :mod:`~itinerary.render.static.projection`: the projection, the view and the page size;
- :mod:`~itinerary.render.static.seams`: legs cut into the pieces the map draws.
"""

from __future__ import annotations

from itinerary.render.static.basemap import place_names
from itinerary.render.static.furniture import CREDIT, CREDIT_SHORT
from itinerary.render.static.page import (
    FONT_RC,
    FORMATS,
    check_png,
    figure,
    save_png,
    save_static,
    static_format,
)
from itinerary.render.static.placement import place_labels
from itinerary.render.static.projection import (
    AZIMUTHAL_MAX_DEG,
    SIZES,
    MapPoints,
    choose_projection,
    drawn_points,
)
from itinerary.render.static.seams import seam_parts

__all__ = [
    "AZIMUTHAL_MAX_DEG",
    "CREDIT",
    "CREDIT_SHORT",
    "FONT_RC",
    "FORMATS",
    "SIZES",
    "MapPoints",
    "check_png",
    "choose_projection",
    "drawn_points",
    "figure",
    "place_labels",
    "place_names",
    "save_png",
    "save_static",
    "seam_parts",
    "static_format",
]
