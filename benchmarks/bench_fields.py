"""Field-table benchmark: what reading the table costs per stop, beside a hand-written dict of
the same GeoJSON properties (the code before the table) and beside the whole output, in one run.

    .venv/bin/python benchmarks/bench_fields.py [N_STOPS]

Prints the best of 5 runs in ms for N stops (default 10,000) and the ratios.
"""

from __future__ import annotations

import sys
import timeit
from typing import Any

from itinerary.io import geojson
from itinerary.io import yaml as fileformat
from itinerary.model import DateSpan, Itinerary, Mode, Place, Prepared, Status, Stop, Trip
from itinerary.render.map import payload


def synthetic(n: int) -> Itinerary:
    stops = tuple(
        Stop(
            status=Status.CONFIRMED if i % 3 else Status.PLANNED,
            place=f"Stop {i}",
            hint="Somewhere",
            date=DateSpan.parse(f"2023-09-{1 + i % 28:02d}"),
            mode=Mode.RAIL,
            quote=f"Quote {i}",
            note="a note",
            resolved=Place(f"t:{i}", f"Stop {i}", 40 + i * 1e-4, 120 + i * 1e-4, "city", "XX", "Region"),
        )
        for i in range(n)
    )
    return Itinerary(trips=(Trip("t", "Traveller", stops),), title="Synthetic")


def by_hand(it: Itinerary, trip: Trip, order: int, stop: Stop) -> dict[str, Any]:
    """The GeoJSON properties of a stop written out by hand, as before the field table."""
    src = it.source(stop.source)
    r = stop.resolved
    d = stop.date
    return {
        "feature": "stop",
        "trip": trip.id,
        "traveller": trip.traveller,
        "order": order,
        "name": r.name if r else stop.label,
        "place": stop.place,
        "status": stop.status.value,
        "role": stop.role.value,
        "date": d.text if d.known else None,
        "date_start": d.start.isoformat() if d.start else None,
        "date_end": d.end.isoformat() if d.end else None,
        "date_precision": d.precision.value,
        "date_label": d.display(),
        "mode": stop.mode.value if stop.mode else None,
        "hint": stop.hint,
        "kind": r.kind if r else None,
        "country_code": r.country_code if r else None,
        "admin1": r.admin1 if r else None,
        "place_id": r.id if r else None,
        "confidence": r.confidence if r else None,
        "pinned": stop.pinned,
        "source": stop.source,
        "sources": ", ".join(stop.all_sources) or None,
        "corroboration": stop.corroboration,
        "history": None,
        "source_url": src.url if src else None,
        "quote": stop.quote,
        "note": stop.note,
        "needs_review": stop.needs_review,
    }


def best_ms(fn: Any) -> float:
    return min(timeit.repeat(fn, number=1, repeat=5)) * 1000


def main(n: int) -> None:
    it = synthetic(n)
    trip = it.trips[0]
    rows = list(enumerate(trip.stops))
    assert all(by_hand(it, trip, i, s) == geojson.stop_properties(it, trip, i, s) for i, s in rows[:50])
    hand = best_ms(lambda: [by_hand(it, trip, i, s) for i, s in rows])
    table = best_ms(lambda: [geojson.stop_properties(it, trip, i, s) for i, s in rows])
    whole = best_ms(lambda: geojson.dumps(it))
    to_data = best_ms(lambda: fileformat.to_data(it))
    dumps = best_ms(lambda: fileformat.dumps(it))
    pay = best_ms(lambda: payload(Prepared(it)))
    print(f"{n:,} stops, best of 5 (ms)")
    print(f"GeoJSON properties by hand       {hand:8.1f}")
    print(f"GeoJSON properties from table    {table:8.1f}   x{table / hand:.2f} the hand-written dict")
    print(f"GeoJSON text (geojson.dumps)     {whole:8.1f}   table share {table / whole:.0%}")
    print(f"YAML data from table (to_data)   {to_data:8.1f}   share of YAML text {to_data / dumps:.0%}")
    print(f"YAML text (yaml.dumps)           {dumps:8.1f}")
    print(f"map payload                      {pay:8.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
