"""Map benchmark: build time and HTML size for itineraries of 10, 1,000 and 10,000 stops (every
stop labelled by the page's runtime), beside a plain folium map with one Marker and one PolyLine
per stop built in the same run; then the label placement of a 100-stop print map.

    .venv/bin/python benchmarks/bench_map.py

"ours s" is routing (prepare) + building the map + rendering the HTML; "map s" is the map alone.
"""

from __future__ import annotations

import itertools
import random
import time

import folium

from itinerary.model import Itinerary, Mode, Place, Status, Stop, Trip
from itinerary.prepare import prepare
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


def static_labels(n: int = 100, seed: int = 2) -> tuple[float, int]:
    """Seconds spent placing the labels of an n-stop print map (adjustText), and label count."""
    import matplotlib

    matplotlib.use("Agg")
    from unittest import mock

    from itinerary.render import static

    rng = random.Random(seed)
    stops = [
        Stop(
            status=Status.CONFIRMED,
            place=f"Town {i}",
            mode=Mode.ROAD,
            resolved=Place(f"s:{i}", f"Town {i}", rng.uniform(44, 56), rng.uniform(20, 45), "city", "XX"),
        )
        for i in range(n)
    ]
    p = prepare(
        Itinerary(trips=(Trip("t", "T", tuple(stops)),), title="Labels"), resolve=False, regions=False
    )
    spent: list[float] = []
    real = static.placement.place_labels

    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        real(*args, **kwargs)
        spent.append(time.perf_counter() - t)

    with mock.patch.object(static.placement, "place_labels", timed):  # the figure calls it there
        fig = static.figure(p)
    count = len([t for t in fig.axes[0].texts if t.get_text().split(". ", 1)[0].isdigit()])
    import matplotlib.pyplot as plt

    plt.close(fig)
    return spent[0], count


def main() -> None:
    print(
        f"{'stops':>6} {'ours s':>8} {'map s':>6} {'ours MB':>8} {'folium s':>9} {'folium MB':>9} "
        f"{'time ratio':>10} {'size ratio':>10}"
    )
    for n in (10, 1_000, 10_000):
        it = synthetic(n)
        t = time.perf_counter()
        p = prepare(it, resolve=False, regions=False)
        t_map = time.perf_counter()
        html = make_map(p).get_root().render()
        ours, map_only = time.perf_counter() - t, time.perf_counter() - t_map
        t = time.perf_counter()
        plain = plain_folium(it)
        base = time.perf_counter() - t
        a, b = len(html.encode()) / 1e6, len(plain.encode()) / 1e6
        print(
            f"{n:6d} {ours:8.2f} {map_only:6.2f} {a:8.2f} {base:9.2f} {b:9.2f} {ours / base:10.2f} {a / b:10.2f}"
        )
    seconds, count = static_labels()
    print(f"print map: placed {count} labels of 100 stops in {seconds:.2f} s")


if __name__ == "__main__":
    main()
