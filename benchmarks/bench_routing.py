"""Rail routing benchmark: lengths against published railway distances, network load time and
time per leg for 200 random rail legs in Russia and Europe.

    .venv/bin/python benchmarks/bench_routing.py

Published distances are differences of the kilometre posts of the Trans-Siberian and other
main lines as listed in the Wikipedia articles named beside each pair (rounded to the km).
"""

from __future__ import annotations

import random
import statistics
import time
import warnings

from itinerary.errors import RoutingWarning
from itinerary.geocode import OfflineGeocoder
from itinerary.model import Mode, Status, Stop
from itinerary.routing import RailRouter
from itinerary.routing.rail import RailNetwork

PAIRS = [
    ("Vladivostok", "Khabarovsk", 766, "Trans-Siberian Railway (km 9288 - km 8521)"),
    ("Khabarovsk", "Belogorsk", 648, "Trans-Siberian Railway (km 8521 - km 7873)"),
    ("Ussuriysk", "Vladivostok", 112, "Trans-Siberian Railway (km 9288 - km 9177)"),
    ("Irkutsk", "Ulan-Ude", 456, "Trans-Siberian Railway (km 5185 - km 5642)"),
    ("Novosibirsk", "Omsk", 627, "Trans-Siberian Railway (km 3343 - km 2716)"),
    ("Moscow", "Saint Petersburg", 650, "Moscow-Saint Petersburg Railway"),
    ("Moscow", "Nizhny Novgorod", 442, "Moscow-Nizhny Novgorod railway (Gorkovskaya line)"),
    ("Berlin", "Hamburg", 286, "Berlin-Hamburg Railway"),
    ("Madrid", "Barcelona", 621, "Madrid-Barcelona high-speed rail line"),
]


def stop(geo: OfflineGeocoder, name: str) -> Stop:
    c = geo.resolve(name)
    return Stop(status=Status.CONFIRMED, place=name, resolved=c.to_place())


def main() -> None:
    geo = OfflineGeocoder()
    t = time.perf_counter()
    net = RailNetwork.load()
    load_s = time.perf_counter() - t
    router = RailRouter(net)
    print(f"{'pair':34} {'published':>9} {'ours':>8} {'error':>7}  source")
    errors = []
    for a, b, km, src in PAIRS:
        leg = router.route(stop(geo, a), stop(geo, b), Mode.RAIL)
        err = (leg.length_km - km) / km
        errors.append(abs(err))
        print(f"{a + ' - ' + b:34} {km:9d} {leg.length_km:8.0f} {err:+7.1%}  {src}")
    print(f"{'median absolute error':34} {statistics.median(errors):27.1%}")
    print(f"{'pairs within 5%':34} {sum(e <= 0.05 for e in errors):21d} of {len(errors)}")
    rng = random.Random(7)
    cities = [
        r
        for r in (geo.gazetteer.record(i) for i in range(len(geo.gazetteer)))
        if r.kind == "city"
        and r.population > 100_000
        and r.country_code in {"RU", "DE", "FR", "PL", "IT", "ES", "UA", "BY"}
    ]
    legs = []
    for _ in range(200):
        a, b = rng.sample(cities, 2)
        legs.append(
            (
                Stop(status=Status.CONFIRMED, place=a.name, lat=a.lat, lon=a.lon),
                Stop(status=Status.CONFIRMED, place=b.name, lat=b.lat, lon=b.lon),
            )
        )
    times = []
    fallbacks = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoutingWarning)
        for a, b in legs:
            t = time.perf_counter()
            leg = router.route(a, b, Mode.RAIL)
            times.append((time.perf_counter() - t) * 1000)
            fallbacks += leg.basis.value == "fallback"
    print()
    print(f"network load                   {load_s:8.2f} s ({len(net)} lines, {net.n_nodes} nodes)")
    print(
        f"time per leg p50 / p95         {statistics.median(times):8.1f} / {statistics.quantiles(times, n=20)[18]:.1f} ms (200 random legs)"
    )
    print(f"fallbacks (no rail path)       {fallbacks:8d} of {len(legs)}")


if __name__ == "__main__":
    main()
