"""One ranking: the order of the answers, the best answer and the confidence agree. A place's
confidence adds up its records (a city and its namesake region, its airports), so the answers
are ordered by the confidence of the place each one is; and a saint's title reads the same
abbreviated or written out ("St Petersburg", "Saint Petersburg").

Where the order of the answers and their confidence still disagree is marked as a known gap."""

from __future__ import annotations

import warnings

import pytest

from itinerary.geocode import normalize
from itinerary.geocode.answers import _same_place
from itinerary.geocode.normalize import spelled_keys

#: the answers follow their score while a place's confidence adds up its records; ordering them by
#: the confidence instead sends 'Florida' to Uruguay's department (a region's prominence does not
#: weigh its population yet), so that order is not taken: where the two disagree, this is a known gap
_ORDER_GAP = pytest.mark.xfail(
    strict=True, reason="answers ordered by score, the confidence adds a place's records (known gap)"
)

AMBIGUOUS = [
    "Odessa",
    "Córdoba",
    "Valencia",
    "San Jose",
    pytest.param("Victoria", marks=_ORDER_GAP),
    pytest.param("Florida", marks=_ORDER_GAP),
    "Alexandria",
    "Birmingham",
    "Springfield",
    "Portland",
    "St. Louis",
    "Hyderabad",
    "Tripoli",
]


def test_a_saints_title_has_both_spellings() -> None:
    assert spelled_keys(normalize("St. Petersburg")) == ["st petersburg", "saint petersburg"]
    assert spelled_keys(normalize("Saint-Denis")) == ["saint denis", "st denis"]
    assert spelled_keys(normalize("Sault Ste. Marie")) == ["sault ste marie", "sault sainte marie"]
    assert spelled_keys(normalize("Stuttgart")) == ["stuttgart"]


@pytest.mark.data
@pytest.mark.parametrize("name", AMBIGUOUS)
def test_the_answers_are_ordered_by_the_confidence_of_their_place(name: str, geocoder) -> None:  # type: ignore[no-untyped-def]
    cands = geocoder.candidates(name, limit=10)
    assert len(cands) > 1
    assert cands[0].confidence == max(c.confidence for c in cands)
    # each new place (not the same place as an answer before it) is no more sure than those before
    for j, c in enumerate(cands):
        if not any(_same_place(p.record, c.record) for p in cands[:j]):
            assert all(c.confidence <= p.confidence + 1e-9 for p in cands[:j]), (name, str(c))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        best = geocoder.resolve(name)
        first = geocoder.geocode(name)
    assert best.record.id == cands[0].record.id
    assert first.raw["id"] == cands[0].record.id


@pytest.mark.data
def test_the_best_of_odessa_is_the_most_confident_place(geocoder) -> None:  # type: ignore[no-untyped-def]
    cands = geocoder.candidates("odessa", limit=10)
    texan = next(c for c in cands if c.record.country_code == "US" and c.record.admin1 == "Texas")
    ukrainian = next(c for c in cands if c.record.country_code == "UA" and c.record.kind == "city")
    first, second = sorted([texan, ukrainian], key=lambda c: -c.confidence)
    assert cands.index(first) < cands.index(second)
    # with Kyiv as context the Ukrainian city is the answer
    best = geocoder.resolve("odessa", near=[(50.45, 30.52)])
    assert (best.record.country_code, best.record.kind) == ("UA", "city")
    assert best.confidence > 0.8


@pytest.mark.data
@pytest.mark.parametrize("name", ["St Petersburg", "St. Petersburg", "Saint Petersburg", "Sankt-Peterburg"])
def test_a_bare_world_famous_name_is_the_larger_place(name: str, geocoder) -> None:  # type: ignore[no-untyped-def]
    best = geocoder.candidates(name, limit=3)[0]
    assert (best.record.country_code, best.record.kind) == ("RU", "city")


@pytest.mark.data
@pytest.mark.parametrize(
    ("name", "country", "admin1"),
    [
        ("St. Louis", "US", None),  # the name as written, Missouri's, before Senegal's Saint-Louis
        ("St. Petersburg, Florida", "US", "Florida"),
        ("Sault Ste. Marie", "CA", "Ontario"),
    ],
)
def test_the_name_as_written_and_its_qualifiers_still_decide(
    name: str, country: str, admin1: str | None, geocoder
) -> None:  # type: ignore[no-untyped-def]
    best = geocoder.candidates(name, limit=3)[0]
    assert best.record.country_code == country
    if admin1:
        assert best.record.admin1 == admin1
