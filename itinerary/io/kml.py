"""KML 2.2 for Google Earth and My Maps: a folder per traveller, a style per status from the
theme, each stop with its days as a TimeSpan, untrusted text XML-escaped. :mod:`itinerary.io.gis`
writes it (and re-exports :func:`to_kml` and :func:`escape`).
"""

from __future__ import annotations

import re
from typing import Any

from itinerary import fields
from itinerary.theme import kml_color, theme

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: Any) -> str:
    """A value as KML text: missing values empty, XML-invalid characters removed."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return _XML_INVALID.sub("", str(value))


def escape(value: Any) -> str:
    """Text for a KML element: XML-escaped, so markup in a quote is shown, not rendered."""
    from xml.sax.saxutils import escape as xml_escape

    return xml_escape(_text(value), {'"': "&quot;"})


def to_kml(gdf: Any) -> str:
    """KML 2.2 for Google Earth and My Maps: one folder per traveller (its totals in the
    folder's description), one style per status from the theme, each stop with a TimeSpan and
    ExtendedData (source, quote, note, status), legs with mode, basis, path and km."""
    header = gdf.attrs.get("itinerary") or {}
    folders: dict[str, list[str]] = {}
    days = _stop_days(gdf)
    for _, row in gdf.iterrows():
        geom = row.geometry
        if geom is None or geom.is_empty:
            continue
        folders.setdefault(_text(row.get("trip")), []).append(_placemark(row, geom, days))
    body = "".join(_folder(t, folders.pop(t["id"], [])) for t in header.get("trips", []))
    body += "".join(f"<Folder><name>{escape(k)}</name>{''.join(v)}</Folder>" for k, v in folders.items())
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        + f"<name>{escape(header.get('title') or 'Itinerary')}</name>"
        + _kml_styles()
        + body
        + "</Document></kml>\n"
    )


def _kml_styles() -> str:
    th = theme()
    out = []
    for status, st in th["status"].items():
        color = kml_color(st["badge"])
        width = 3 if not st["dash"] else 2
        out.append(
            f'<Style id="{status}"><IconStyle><color>{color}</color></IconStyle>'
            f"<LineStyle><color>{color}</color><width>{width}</width></LineStyle>"
            f"<PolyStyle><color>{kml_color(st['badge'], 0x33)}</color></PolyStyle></Style>"
        )
    return "".join(out)


def _folder(trip: dict[str, Any], marks: list[str]) -> str:
    tot = trip.get("totals") or {}
    bits = [f"{tot['km']:,} km"] if tot.get("km") else []
    if tot.get("days"):
        bits.append(f"{tot['days']} days")
    bits += [f"{m} {km:,} km" for m, km in (tot.get("km_by_mode") or {}).items()]
    return (
        f"<Folder><name>{escape(trip.get('traveller') or trip['id'])}</name>"
        f"<description>{escape(', '.join(bits))}</description>{''.join(marks)}</Folder>"
    )


def _stop_days(gdf: Any) -> dict[tuple[str, int], tuple[str, str]]:
    """(trip, order) -> (first day, last day) of every dated stop, for the legs' TimeSpans."""
    out: dict[tuple[str, int], tuple[str, str]] = {}
    if "date_start" not in gdf.columns:
        return out
    for _, row in gdf[gdf["feature"] == "stop"].iterrows():
        a, b = _text(row.get("date_start")), _text(row.get("date_end"))
        if a:
            out[(_text(row.get("trip")), int(row["order"]))] = (a, b or a)
    return out


def _time_span(begin: str, end: str) -> str:
    if not begin and not end:
        return ""
    parts = (f"<begin>{escape(begin)}</begin>" if begin else "") + (
        f"<end>{escape(end)}</end>" if end else ""
    )
    return f"<TimeSpan>{parts}</TimeSpan>"


def _extended(row: Any, keys: tuple[str, ...]) -> str:
    data = "".join(
        f'<Data name="{k}"><value>{escape(row.get(k))}</value></Data>' for k in keys if _text(row.get(k))
    )
    return f"<ExtendedData>{data}</ExtendedData>" if data else ""


def _placemark(row: Any, geom: Any, days: dict[tuple[str, int], tuple[str, str]]) -> str:
    kind = row["feature"]
    span = ""
    if kind == "stop":
        name = f"{int(row['order']) + 1}. {_text(row['name'])}"
        desc = " — ".join(
            _text(x) for x in (row.get("status"), row.get("date_label"), row.get("quote")) if _text(x)
        )
        extra = _extended(row, fields.keys("stop", "kml"))
        span = _time_span(_text(row.get("date_start")), _text(row.get("date_end")))
    elif kind in ("leg", "connector"):
        name = f"{_text(row.get('from'))} → {_text(row.get('to'))}"
        if kind == "connector":
            name = f"{name} (to the railway)" if name != " → " else "to the railway"
        desc = f"{_text(row.get('mode'))}, {_text(row.get('status'))}, {_text(row.get('basis'))}"
        if _text(row.get("length_km")):
            desc += f", {_text(row.get('length_km'))} km"
        extra = _extended(row, fields.keys("leg", "kml"))
        trip = _text(row.get("trip"))
        a = days.get((trip, int(row["order"]))) if _text(row.get("order")) else None
        b = days.get((trip, int(row["to_order"]))) if _text(row.get("to_order")) else None
        span = _time_span(a[0] if a else "", b[1] if b else "")
    else:
        name, desc, extra = _text(row.get("name")), "region", ""
    style = row.get("status") if row.get("status") in theme()["status"] else "confirmed"
    return (
        f"<Placemark><name>{escape(name)}</name><description>{escape(desc)}</description>{span}"
        f"<styleUrl>#{style}</styleUrl>{extra}{_kml_geometry(geom)}</Placemark>"
    )


def _kml_coords(coords: Any) -> str:
    return " ".join(f"{x:.6f},{y:.6f}" for x, y, *_ in coords)


def _kml_geometry(g: Any) -> str:
    t = g.geom_type
    if t == "Point":
        return f"<Point><coordinates>{g.x:.6f},{g.y:.6f}</coordinates></Point>"
    if t == "LineString":
        coords = _kml_coords(g.coords)
        return f"<LineString><tessellate>1</tessellate><coordinates>{coords}</coordinates></LineString>"
    if t == "Polygon":
        inner = "".join(
            f"<innerBoundaryIs><LinearRing><coordinates>{_kml_coords(r.coords)}</coordinates></LinearRing></innerBoundaryIs>"
            for r in g.interiors
        )
        return (
            f"<Polygon><outerBoundaryIs><LinearRing><coordinates>{_kml_coords(g.exterior.coords)}"
            f"</coordinates></LinearRing></outerBoundaryIs>{inner}</Polygon>"
        )
    return "<MultiGeometry>" + "".join(_kml_geometry(p) for p in g.geoms) + "</MultiGeometry>"
