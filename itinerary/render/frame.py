"""One continuous longitude range per map: the frame a map's stops and lines are drawn in.

:func:`frame_for` puts the seam of the circle in the widest stretch no stop or line crosses, so a
trip across the Pacific is drawn Pacific-centred; :func:`frame_pieces` moves a line into the
frame (and cuts it at the seam only when the lines cover the whole circle).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from itinerary.prepare import Prepared


@dataclass(frozen=True)
class LonFrame:
    """Longitudes drawn in one continuous range ``[west, west + 360)``.

    ``west`` is the middle of the widest empty stretch of the circle (no stop, no line), so a
    trip across the Pacific is drawn Pacific-centred and one across the Atlantic is not moved;
    ``west + span / 2`` is the centre of what is drawn.
    """

    west: float = -180.0
    span: float = 360.0

    @property
    def centre(self) -> float:
        c = self.west + self.span / 2
        return ((c + 180.0) % 360.0) - 180.0

    def shift(self, lon: float) -> float:
        d = (lon - self.west) % 360.0
        return self.west + (d - 360.0 if d > 360.0 - 1e-6 else d)  # the west edge itself stays put

    def offset(self, lon: float) -> float:
        """The multiple of 360 that brings ``lon`` into the frame (for a whole path)."""
        return self.shift(lon) - lon


def lon_frame(lons: Iterable[float], arcs: Iterable[tuple[float, float]] = ()) -> LonFrame:
    """The frame whose range starts after the widest stretch of the circle that holds none of
    the given longitudes and that none of the ``arcs`` (``(west, east)`` unwrapped longitude
    ranges of the lines drawn) crosses, so no line is cut at the frame's edge when that can be
    avoided. When the lines cover the whole circle, only the longitudes count."""
    xs = sorted(((x + 180.0) % 360.0) - 180.0 for x in lons)
    if not xs:
        return LonFrame()
    covered: list[tuple[float, float]] = []
    for a, b in arcs:
        if b - a >= 360.0:
            covered = []
            break
        a0 = ((a + 180.0) % 360.0) - 180.0
        covered += (
            [(a0, a0 + (b - a))] if a0 + (b - a) <= 180.0 else [(a0, 180.0), (-180.0, a0 + (b - a) - 360.0)]
        )
    else:
        gap = _widest_gap(xs, covered)
        if gap is not None:
            return gap
    gaps = [(xs[0] + 360.0 - xs[-1], xs[0])]  # the gap across the antimeridian ends at xs[0]
    gaps += [(b - a, b) for a, b in itertools.pairwise(xs)]
    widest, west = max(gaps)
    return LonFrame(west - widest / 2, 360.0)  # the seam in the middle of the gap, not on a stop


def _widest_gap(xs: list[float], covered: list[tuple[float, float]]) -> LonFrame | None:
    """The frame after the widest free stretch of the circle (points ``xs`` and ``covered``
    intervals, all within [-180, 180]), or None when nothing is free."""
    spans = sorted([(x, x) for x in xs] + covered)
    merged: list[list[float]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    gaps = [(merged[0][0] + 360.0 - merged[-1][1], merged[0][0])]
    gaps += [(n[0] - m[1], n[0]) for m, n in itertools.pairwise(merged)]
    widest, west = max(gaps)
    if widest <= 1e-6:
        return None
    return LonFrame(west - widest / 2, 360.0)


def frame_for(p: Prepared) -> LonFrame:
    """The map's one longitude frame: the stops and every leg of every trip."""
    arcs = []
    for leg in p.all_legs():
        for line in [leg.geometry, *leg.connectors]:
            if line is not None and not line.is_empty:
                x0, _, x1, _ = line.bounds
                arcs.append((x0, x1))
    return lon_frame((ll[1] for _, _, s in p.itinerary.stops() if (ll := s.latlon) is not None), arcs)


def frame_pieces(xy: np.ndarray, frame: LonFrame) -> list[np.ndarray]:
    """An unwrapped line (lon, lat rows) in the map's frame: moved as a whole by whole turns,
    and cut where it leaves the frame, each piece moved back in, so both ends of a leg sit on
    their markers (a line can leave the frame only when the lines cover the whole circle)."""
    xy = np.asarray(xy, dtype=float).copy()
    if len(xy) == 0:
        return []
    xy[:, 0] += frame.offset(float(xy[0, 0]))
    turn = np.floor((xy[:, 0] - frame.west) / 360.0)
    if (turn == turn[0]).all():
        return [xy]
    pieces: list[tuple[np.ndarray, float]] = []
    current = [xy[0]]
    for i in range(1, len(xy)):
        if turn[i] != turn[i - 1]:  # the line crosses the frame's edge here: end the piece on it
            (x0, y0), (x1, y1) = xy[i - 1], xy[i]
            edge = frame.west + 360.0 * max(turn[i], turn[i - 1])
            y = y0 + (y1 - y0) * ((edge - x0) / (x1 - x0) if x1 != x0 else 0.0)
            current.append(np.array([edge, y]))
            pieces.append((np.array(current), float(turn[i - 1])))
            current = [np.array([edge, y])]
        current.append(xy[i])
    pieces.append((np.array(current), float(turn[-1])))
    out = []
    for arr, t in pieces:
        moved = arr.copy()
        moved[:, 0] -= 360.0 * t
        out.append(moved)
    return [q for q in out if len(q) > 1]


__all__ = ["LonFrame", "frame_for", "frame_pieces", "lon_frame"]
