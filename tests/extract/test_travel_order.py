"""The order of a draft's stops is the order of travel, also where the article gives no dates.

Rules of language and of news writing, checked on articles written for the suite:

- A headline names the places in the order of the news, not of the journey ("Modi lands in Paris,
  Marseille next" after a stopover in Cairo): the body's text orders the stops, and a place the
  body never names keeps the headline's place.
- An undated origin is where the traveller came from before the stop its sentence tells ("arrived
  in Pyongyang on Tuesday from Yakutsk": just before Pyongyang); told in a sentence of its own with
  no dated stop ("Modi, who flew in from New Delhi, was greeted at the airport") it is where the
  trip started.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract

pytestmark = pytest.mark.data

TUESDAY = dt.date(2025, 2, 11)


def _order(text: str, lang: str, extractor: Extractor) -> list[str]:
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    trip = max(it.trips, key=lambda t: len(t.stops))
    return [s.resolved.name if s.resolved else str(s.place) for s in trip.stops]


ARTICLES = [
    (
        "en",
        "Modi lands in Paris, Marseille next\n\n"
        "Indian Prime Minister Narendra Modi arrived in Paris on Monday after a stopover in Cairo. "
        "On Wednesday he will travel to Marseille.\n\n"
        "Modi, who flew in from New Delhi, was greeted at the airport by the foreign minister.",
    ),
    (
        "fr",
        "Modi à Paris, Marseille ensuite\n\n"
        "Le Premier ministre indien Narendra Modi est arrivé lundi à Paris après une escale au Caire. "
        "Mercredi, il se rendra à Marseille.\n\n"
        "Modi, qui arrivait en provenance de New Delhi, a été accueilli à l'aéroport par la ministre.",
    ),
    (
        "es",
        "Modi llega a París; Marsella, la próxima etapa\n\n"
        "El primer ministro indio, Narendra Modi, llegó el lunes a París tras una escala en El Cairo. "
        "El miércoles viajará a Marsella.\n\n"
        "Modi, que llegó desde Nueva Delhi, fue recibido en el aeropuerto por la ministra.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), ARTICLES)
def test_an_undated_origin_told_alone_starts_the_trip(lang: str, text: str, extractor: Extractor) -> None:
    order = _order(text, lang, extractor)
    assert order[0] == "New Delhi", order


#: "après une escale au Caire" is no rule stop in French, and the stop model scores it 0.54
CAIRO_UNDER_THRESHOLD = pytest.mark.xfail(
    reason="'après une escale au Caire' is a stop by the stop model's score only, 0.54 with the models "
    "retrained last, under its keep threshold 0.55",
    strict=True,
)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        pytest.param(lang, text, marks=[CAIRO_UNDER_THRESHOLD] if lang == "fr" else [])
        for lang, text in ARTICLES
    ],
)
def test_the_body_not_the_headline_orders_the_stops(lang: str, text: str, extractor: Extractor) -> None:
    order = _order(text, lang, extractor)
    assert order.index("Cairo") < order.index("Marseille"), order


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Putin abroad\n\nPresident Vladimir Putin left Moscow on Monday. "
            "He arrived in Pyongyang on Tuesday from Yakutsk.",
        ),
        (
            "ru",
            "Путин за границей\n\nПрезидент Владимир Путин вылетел из Москвы в понедельник. "
            "Во вторник он прибыл из Якутска в Пхеньян.",
        ),
        (
            "de",
            "Putin unterwegs\n\nPräsident Wladimir Putin ist am Montag aus Moskau abgereist. "
            "Am Dienstag landete er, aus Jakutsk kommend, in Pjöngjang.",
        ),
    ],
)
def test_an_undated_origin_comes_just_before_the_stop_of_its_sentence(
    lang: str, text: str, extractor: Extractor
) -> None:
    order = _order(text, lang, extractor)
    assert order == ["Moscow", "Yakutsk", "Pyongyang"], order
