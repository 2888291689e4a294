"""Where the print map's lines are cut: a leg split into the pieces of the map's longitude frame
(legs over the same path bowed apart, as on the HTML map), and a path cut at the left and right
edge of a cylindrical map so no segment is drawn across the whole map."""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

from itinerary.model import Leg, Prepared
from itinerary.render.layout import LonFrame, bend, frame_pieces, parallel_bends


def leg_parts(p: Prepared, frame: LonFrame, trip_id: str) -> Iterator[tuple[Leg, np.ndarray]]:
    """Each leg of the trip with one piece of its path (lon/lat rows, longitudes in ``frame``)."""
    bends = parallel_bends(p)  # legs over the same path bow apart (as on the HTML map)
    for leg in p.legs.get(trip_id, ()):
        g = leg.geometry
        if g is None:
            continue
        share = bends.get((leg.trip_id, leg.index, leg.end_index), 0.0)
        for part in list(g.geoms) if g.geom_type == "MultiLineString" else [g]:
            coords = bend(np.asarray(part.coords, dtype=float)[:, :2], share)
            for xy in frame_pieces(coords, frame):
                yield leg, xy


def seam_parts(xy: np.ndarray, centre: float) -> list[np.ndarray]:
    """``xy`` (lon/lat) cut where it crosses the meridian opposite ``centre`` (the left and right
    edge of a cylindrical map), each piece ending on that edge, so no segment is drawn across the
    whole map. Longitudes come back within 180 degrees of ``centre``."""
    rel = (xy[:, 0] - centre + 180.0) % 360.0 - 180.0
    parts: list[np.ndarray] = []
    current = [(rel[0], xy[0, 1])]
    for i in range(1, len(xy)):
        x0, x1, y0, y1 = rel[i - 1], rel[i], xy[i - 1, 1], xy[i, 1]
        if abs(x1 - x0) > 180.0:  # the path leaves by one edge and comes back by the other
            edge = 180.0 if x0 > 0 else -180.0
            run = (x1 + 2 * edge) - x0
            y = y0 + (y1 - y0) * ((edge - x0) / run if run else 0.0)
            inside = edge - math.copysign(1e-6, edge)  # on the edge, on this side of it
            parts.append(np.array([*current, (inside, y)]))
            current = [(-inside, y)]
        current.append((x1, y1))
    parts.append(np.array(current))
    return [np.column_stack([part[:, 0] + centre, part[:, 1]]) for part in parts if len(part) > 1]
