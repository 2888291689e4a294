"""Labels of the offline basemap: countries, capitals and major cities (Natural Earth), seas."""

from __future__ import annotations

import gzip
import json
from functools import cache
from typing import Any

from itinerary.errors import ValidationError
from itinerary.paths import geodata_dir

LANGS = ("en", "fr", "de", "es", "ru", "zh", "ko")


@cache
def _raw() -> dict[str, Any]:
    with gzip.open(geodata_dir() / "basemap_labels.json.gz") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValidationError(f"unknown label language {lang!r}; use one of {', '.join(LANGS)}")
    return lang


@cache
def basemap_labels(lang: str = "en") -> list[list[Any]]:
    """``[lon, lat, first zoom, rank, kind, name]`` rows; kind is ``c`` country, ``p`` capital,
    ``t`` town or ``s`` sea. Names fall back to English where Natural Earth has none in ``lang``."""
    check_lang(lang)
    raw = _raw()
    rows: list[list[Any]] = []
    for kind, items in (("s", raw["seas"]), ("c", raw["countries"]), ("t", raw["cities"])):
        for it in items:
            k = "p" if kind == "t" and it.get("c") else kind
            rows.append([it["x"], it["y"], it["z"], it["r"], k, it["n"].get(lang) or it["n"]["en"]])
    return rows
