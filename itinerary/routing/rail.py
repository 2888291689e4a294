"""Rail routing on the Natural Earth 10m railway network shipped in ``geodata/railways.npz``.

Stops snap to the nearest point on a line (not the nearest junction) within ``snap_km``.
The stretch between a stop and its snapped point is a *connector*, a straight line
(the Vostochny spur is missing from the data). Shortest paths prefer lines in the countries
of the two stops: other lines cost ``foreign_penalty`` times their length, so a Russian
domestic leg does not cut through China. With no path the leg falls back to a great circle
(``drawn`` says so; the basis of the mode is kept) and a :class:`~itinerary.errors.RoutingWarning`.
"""

from __future__ import annotations

import itertools
import threading
import warnings
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import dijkstra
from shapely.geometry import LineString

from itinerary.coords import EARTH_RADIUS_KM, xy
from itinerary.errors import RoutingWarning
from itinerary.model import Basis, Drawn, Leg, Mode, Stop
from itinerary.paths import geodata_dir
from itinerary.routing.base import Router, stop_latlon
from itinerary.routing.geodesic import great_circle

NODE_TOLERANCE_KM = 1.0


def _hav_km(lon1: np.ndarray, lat1: np.ndarray, lon2: np.ndarray, lat2: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dl = np.radians(lon2 - lon1)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    out: np.ndarray = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))
    return out


@dataclass(frozen=True)
class Snap:
    """Where a point meets the network: line, segment, position and distance."""

    line: int
    segment: int
    x: float
    y: float
    distance_km: float


class RailNetwork:
    """Railway lines as a graph: nodes are line ends merged within 1 km, edges are lines."""

    _default: RailNetwork | None = None
    _lock = threading.Lock()

    def __init__(self, coords: np.ndarray, offsets: np.ndarray, country: np.ndarray) -> None:
        self.coords = coords.astype(np.float64)
        self.offsets = offsets
        self.country = country
        n_lines = len(offsets) - 1
        seg = _hav_km(self.coords[:-1, 0], self.coords[:-1, 1], self.coords[1:, 0], self.coords[1:, 1])
        # cumulative length along each line
        self.cum = np.zeros(len(self.coords))
        self.lengths = np.zeros(n_lines)
        for i in range(n_lines):
            s, e = offsets[i], offsets[i + 1]
            c = np.concatenate([[0.0], np.cumsum(seg[s : e - 1])])
            self.cum[s:e] = c
            self.lengths[i] = c[-1]
        ends = np.vstack([self.coords[offsets[:-1]], self.coords[offsets[1:] - 1]])
        self.start_node, self.end_node, self.n_nodes = _merge_ends(ends, n_lines)

    @classmethod
    def load(cls, path: Path | None = None, links: Path | None = None) -> RailNetwork:
        """Load the shipped network plus the curated links of ``geodata/rail_links.yaml``."""
        path = path or geodata_dir() / "railways.npz"
        links = links or path.with_name("rail_links.yaml")
        with np.load(path) as z:
            coords, offsets, country = z["coords"].astype(np.float64), z["offsets"], z["country"]
        if links.is_file():
            import yaml

            extra = yaml.safe_load(links.read_text("utf-8")).get("links") or []
            for link in extra:
                pts = np.array([xy(p["lat"], p["lon"]) for p in link["points"]], dtype=np.float64)
                coords = np.vstack([coords, pts])
                offsets = np.append(offsets, offsets[-1] + len(pts))
                country = np.append(country, link.get("country_code", ""))
        return cls(coords, offsets, country)

    @classmethod
    def default(cls) -> RailNetwork:
        """The shared network of this process (loaded once)."""
        with cls._lock:
            if cls._default is None:
                cls._default = cls.load()
            return cls._default

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def line_coords(self, i: int) -> np.ndarray:
        return self.coords[self.offsets[i] : self.offsets[i + 1]]

    @cached_property
    def _tree(self) -> object:
        from shapely import STRtree

        return STRtree([LineString(self.line_coords(i)) for i in range(len(self))])

    def snap(self, lat: float, lon: float, max_km: float) -> Snap | None:
        """The nearest point on any line within ``max_km`` of (lat, lon), or None."""
        from shapely.geometry import Point

        deg = max_km / 111.0 / max(0.05, np.cos(np.radians(lat)))
        tree = self._tree
        hits = tree.query(Point(*xy(lat, lon)).buffer(deg))  # type: ignore[attr-defined]
        best: Snap | None = None
        for i in hits:
            s = self._snap_line(int(i), lat, lon)
            if best is None or s.distance_km < best.distance_km:
                best = s
        if best is None or best.distance_km > max_km:
            return None
        return best

    def _snap_line(self, i: int, lat: float, lon: float) -> Snap:
        c = self.line_coords(i)
        k = np.cos(np.radians(lat))
        ax, ay = (c[:-1, 0] - lon) * k, c[:-1, 1] - lat
        bx, by = (c[1:, 0] - lon) * k, c[1:, 1] - lat
        dx, dy = bx - ax, by - ay
        den = dx * dx + dy * dy
        t = np.where(den > 0, -(ax * dx + ay * dy) / np.where(den > 0, den, 1), 0.0)
        t = np.clip(t, 0.0, 1.0)
        px, py = ax + t * dx, ay + t * dy
        j = int(np.argmin(px * px + py * py))
        x = lon + px[j] / k
        y = lat + py[j]
        d = float(_hav_km(np.array(lon), np.array(lat), np.array(x), np.array(y)))
        return Snap(i, j, float(x), float(y), d)

    def _pieces(self, s: Snap) -> tuple[np.ndarray, np.ndarray, float, float]:
        """Coordinates from the line start to the snap point and from it to the line end."""
        c = self.line_coords(s.line)
        p = np.array([[s.x, s.y]])
        head = np.vstack([c[: s.segment + 1], p])
        tail = np.vstack([p, c[s.segment + 1 :]])
        base = self.offsets[s.line]
        d0 = float(self.cum[base + s.segment]) + float(
            _hav_km(np.array(c[s.segment, 0]), np.array(c[s.segment, 1]), np.array(s.x), np.array(s.y))
        )
        return head, tail, d0, float(self.lengths[s.line]) - d0

    def path(
        self, a: Snap, b: Snap, countries: set[str], foreign_penalty: float = 4.0
    ) -> tuple[np.ndarray, float] | None:
        """Shortest rail path between two snaps: (lon/lat coordinates, km) or None."""
        n = self.n_nodes
        S, T = n, n + 1
        a_head, a_tail, a0, a1 = self._pieces(a)
        b_head, b_tail, b0, b1 = self._pieces(b)
        extra_w = [a0, a1, b0, b1]
        if a.line == b.line:  # both on one line: also straight along it
            extra_w.append(abs(a0 - b0))
        u, v, w, lid = self._edges(a, b, extra_w, countries, foreign_penalty)
        graph = coo_matrix((w, (u, v)), shape=(n + 2, n + 2)).tocsr()
        dist, pred = dijkstra(graph, directed=True, indices=S, return_predecessors=True)
        if not np.isfinite(dist[T]):
            return None
        edge_of = {(int(x), int(y)): int(z) for x, y, z in zip(u, v, lid, strict=True)}
        nodes = [T]
        while nodes[-1] != S:
            nodes.append(int(pred[nodes[-1]]))
        nodes.reverse()
        ends = (a_head[::-1], a_tail, b_head, b_tail[::-1])
        return self._walk(a, b, nodes, edge_of, extra_w, ends)

    def _edges(
        self, a: Snap, b: Snap, extra_w: list[float], countries: set[str], foreign_penalty: float
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The graph's edges (from, to, km, line; a negative line numbers an extra edge): every
        line both ways, foreign ones ``foreign_penalty`` times dearer, and the extra edges from
        the source node to the ends of ``a``'s line and from the ends of ``b``'s line to the
        target (and source to target when both are on one line); the shortest of parallel edges."""
        n = self.n_nodes
        S, T = n, n + 1
        weights = self.lengths.copy()
        if countries:
            foreign = ~np.isin(self.country, list(countries))
            weights[foreign] *= foreign_penalty
        u = np.concatenate([self.start_node, self.end_node])
        v = np.concatenate([self.end_node, self.start_node])
        w = np.concatenate([weights, weights])
        lid = np.concatenate([np.arange(len(self)), np.arange(len(self))])
        extra_u = [S, S, self.start_node[b.line], self.end_node[b.line], S][: len(extra_w)]
        extra_v = [self.start_node[a.line], self.end_node[a.line], T, T, T][: len(extra_w)]
        u = np.concatenate([u, extra_u])
        v = np.concatenate([v, extra_v])
        w = np.concatenate([w, np.maximum(extra_w, 1e-6)])
        lid = np.concatenate([lid, -np.arange(1, len(extra_u) + 1)])
        order = np.lexsort((w, v, u))
        u, v, w, lid = u[order], v[order], w[order], lid[order]
        keep = np.ones(len(u), dtype=bool)
        keep[1:] = (u[1:] != u[:-1]) | (v[1:] != v[:-1])
        return u[keep], v[keep], w[keep], lid[keep]

    def _walk(
        self,
        a: Snap,
        b: Snap,
        nodes: list[int],
        edge_of: dict[tuple[int, int], int],
        extra_w: list[float],
        ends: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    ) -> tuple[np.ndarray, float]:
        """The coordinates and km along the nodes of a shortest path (each line the way it is
        travelled; the snaps' pieces of their lines at the ends)."""
        pieces: list[np.ndarray] = []
        km = 0.0
        for x, y in itertools.pairwise(nodes):
            e = edge_of[(x, y)]
            if e >= 0:
                c = self.line_coords(e)
                fwd = self.start_node[e] == x and self.end_node[e] == y
                pieces.append(c if fwd else c[::-1])
                km += float(self.lengths[e])
            else:
                which = -e - 1
                km += float(extra_w[which])
                pieces.append(ends[which] if which < 4 else self._between(a, b))
        coords = np.vstack(pieces)
        keep = np.ones(len(coords), dtype=bool)
        keep[1:] = np.any(np.abs(np.diff(coords, axis=0)) > 1e-9, axis=1)
        return coords[keep], km

    def _between(self, a: Snap, b: Snap) -> np.ndarray:
        c = self.line_coords(a.line)
        pa, pb = np.array([[a.x, a.y]]), np.array([[b.x, b.y]])
        if a.segment <= b.segment:
            return np.vstack([pa, c[a.segment + 1 : b.segment + 1], pb])
        return np.vstack([pa, c[b.segment + 1 : a.segment + 1][::-1], pb])


def _merge_ends(ends: np.ndarray, n_lines: int) -> tuple[np.ndarray, np.ndarray, int]:
    """Union line ends closer than NODE_TOLERANCE_KM into graph nodes."""
    from scipy.spatial import cKDTree

    lat, lon = np.radians(ends[:, 1]), np.radians(ends[:, 0])
    xyz = np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])
    pairs = cKDTree(xyz).query_pairs(NODE_TOLERANCE_KM / EARTH_RADIUS_KM, output_type="ndarray")
    parent = np.arange(len(ends))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = int(parent[i])
        return i

    for i, j in pairs:
        ri, rj = find(int(i)), find(int(j))
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    roots = np.array([find(i) for i in range(len(ends))])
    _, node = np.unique(roots, return_inverse=True)
    return node[:n_lines], node[n_lines:], int(node.max()) + 1


class RailRouter(Router):
    """Shortest path along the railway network, with connectors to stops off the line."""

    def __init__(
        self,
        network: RailNetwork | None = None,
        *,
        snap_km: float = 30.0,
        foreign_penalty: float = 4.0,
    ) -> None:
        self._network = network
        self.snap_km = snap_km
        self.foreign_penalty = foreign_penalty

    @property
    def network(self) -> RailNetwork:
        if self._network is None:
            self._network = RailNetwork.default()
        return self._network

    def _fallback(self, a: Stop, b: Stop, mode: Mode, basis: Basis, why: str) -> Leg:
        warnings.warn(
            f"no rail route from {a.label!r} to {b.label!r} ({why}); drawing a great circle",
            RoutingWarning,
            stacklevel=4,
        )
        line, km = great_circle(stop_latlon(a), stop_latlon(b))
        return Leg("", 0, a, b, mode, basis, line, round(km, 3), drawn=Drawn.GREAT_CIRCLE)

    def _route(self, a: Stop, b: Stop, mode: Mode, basis: Basis) -> Leg:
        net = self.network
        (la, lo), (lb, lob) = stop_latlon(a), stop_latlon(b)
        sa = net.snap(la, lo, self.snap_km)
        sb = net.snap(lb, lob, self.snap_km)
        if sa is None or sb is None:
            far = a.label if sa is None else b.label
            return self._fallback(a, b, mode, basis, f"{far!r} is over {self.snap_km:g} km from a railway")
        countries = {cc for s in (a, b) if s.resolved is not None and (cc := s.resolved.country_code)}
        found = net.path(sa, sb, countries, self.foreign_penalty)
        if found is None:
            return self._fallback(a, b, mode, basis, "the railway network does not connect them")
        coords, km = found
        connectors = []
        start, end = np.array([xy(la, lo)]), np.array([xy(lb, lob)])
        if sa.distance_km > 0.05:
            connectors.append(LineString(np.vstack([start, coords[:1]])))
            coords = np.vstack([start, coords])
        if sb.distance_km > 0.05:
            connectors.append(LineString(np.vstack([coords[-1:], end])))
            coords = np.vstack([coords, end])
        km += sa.distance_km + sb.distance_km
        if len(coords) < 2:
            coords = np.vstack([coords, coords + 1e-9])
        return Leg(
            "", 0, a, b, mode, basis, LineString(coords), round(km, 3), tuple(connectors), Drawn.RAIL_NETWORK
        )
