"""Map benchmark: build time and HTML size for itineraries of 10, 1,000 and 10,000 stops, beside
a plain folium map with one Marker and one PolyLine per stop built in the same run.

    .venv/bin/python benchmarks/bench_map.py
"""

from __future__ import annotations

import itertools
import random
import time

import folium

from itinerary.model import Itinerary, Mode, Place, Status, Stop, Trip
from itinerary.pipeline import prepare
from itinerary.render import make_map


def synthetic(n: int, seed: int = 1) -> Itinerary:
    rng = random.Random(seed)
    stops = []
    lat, lon = 50.0, 30.0
    for i in range(n):
        lat = max(-60.0, min(70.0, lat + rng.uniform(-1.5, 1.5)))
        lon = ((lon + rng.uniform(-2.0, 2.5)) + 180) % 360 - 180
        stops.append(
            Stop(
                status=Status.CONFIRMED if i < n // 2 else Status.PLANNED,
                place=f"Stop {i} <b>&'\"",
                mode=Mode.AIR,
                quote=f"Quote number {i} with <script>alert({i})</script>",
                resolved=Place(f"t:{i}", f"Stop {i}", round(lat, 5), round(lon, 5), "city", "XX"),
            )
        )
    return Itinerary(trips=(Trip("t", "Traveller", tuple(stops)),), title="Synthetic")


def plain_folium(it: Itinerary) -> str:
    m = folium.Map(location=[50, 30], zoom_start=3)
    stops = it.trips[0].stops
    for a, b in itertools.pairwise(stops):
        folium.Marker(a.latlon, popup=a.quote, tooltip=a.place).add_to(m)
        folium.PolyLine([a.latlon, b.latlon]).add_to(m)
    return m.get_root().render()


def main() -> None:
    print(
        f"{'stops':>6} {'ours s':>8} {'ours MB':>8} {'folium s':>9} {'folium MB':>9} {'time ratio':>10} {'size ratio':>10}"
    )
    for n in (10, 1_000, 10_000):
        it = synthetic(n)
        t = time.perf_counter()
        html = make_map(prepare(it, resolve=False, regions=False)).get_root().render()
        ours = time.perf_counter() - t
        t = time.perf_counter()
        plain = plain_folium(it)
        base = time.perf_counter() - t
        a, b = len(html.encode()) / 1e6, len(plain.encode()) / 1e6
        print(f"{n:6d} {ours:8.2f} {a:8.2f} {base:9.2f} {b:9.2f} {ours / base:10.2f} {a / b:10.2f}")


if __name__ == "__main__":
    main()
