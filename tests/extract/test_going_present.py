"""The imperfective of flying and riding is a verb of travel, as its perfective is.

Rule of language, on sentences written for the suite: "He then flies to Hanoi", "Затем он летит в
Ханой", "Он ехал в Минск" tell a leg of the trip (the present of a trip under way is its next leg,
planned; the past a leg made)."""

from __future__ import annotations

import pytest

from itinerary.extract import Extractor
from itinerary.model import Status
from tests.extract.support import wednesday_stops

pytestmark = pytest.mark.data

CASES = [
    ("Putin arrived in Pyongyang on Monday. He then flies to Hanoi.", "en", "Hanoi", Status.PLANNED),
    ("Putin est arrivé lundi à Pyongyang. Il se rend ensuite à Hanoï.", "fr", "Hanoï", Status.PLANNED),
    ("Путин прилетел в Пхеньян в понедельник. Затем он летит в Ханой.", "ru", "Ханой", Status.PLANNED),
    ("Лукашенко в понедельник ехал в Москву на поезде.", "ru", "Москва", Status.CONFIRMED),
    ("Премьер-министр направляется в Пекин.", "ru", "Пекин", Status.PLANNED),
]


@pytest.mark.parametrize(("text", "lang", "place", "want"), CASES, ids=[f"{c[0][:20]}" for c in CASES])
def test_an_imperfective_of_travel_tells_a_leg(
    text: str, lang: str, place: str, want: Status, extractor: Extractor
) -> None:
    stops = wednesday_stops(text, lang, extractor)
    assert place in stops, stops
    assert stops[place][0] is want
