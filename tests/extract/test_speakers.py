"""Speakers and subjects: who speaks is no stop, who travels is the subject carried on.

Rules of language, each checked in at least two languages on sentences written for the suite:
a seat of power (a chancellery, a palace) that is the subject of a verb of saying or deciding,
before or after its verb ("l'Élysée a annulé", "hatte das Kanzleramt gestrichen"), speaks for
its government: no stop and no mention of its city; a sentence without a subject continues the
subject of the sentence before, not a person named there as an object ("con il presidente X").
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from itinerary.model import Status

pytestmark = pytest.mark.data

PUBLISHED = dt.date(2026, 3, 12)  # a Thursday


def _stops(text: str, lang: str, extractor: Extractor) -> list[tuple[str, set[str], Status]]:
    """(traveller, the stop's names lower case, status) of every stop."""
    it = extract(text, published=PUBLISHED, language=lang, extractor=extractor)
    out = []
    for trip in it.trips:
        for s in trip.stops:
            names = {str(s.place).lower()}
            if s.resolved is not None:
                names.add(s.resolved.name.lower())
            out.append((trip.traveller, names, s.status))
    return out


SEATS = [
    (
        "de",
        "Bundeskanzler Olaf Scholz ist am Montag in Peking eingetroffen. Nach dem Treffen fliegt der "
        "Kanzler am Abend zurück nach Berlin. Eine geplante Weiterreise nach Hongkong hatte das "
        "Kanzleramt bereits im März gestrichen.",
        "berlin",
    ),
    (
        "fr",
        "Le président Emmanuel Macron est arrivé lundi à Pékin. Il rentrera mercredi soir à Paris. "
        "L'Élysée a annulé en mars une étape prévue à Hong Kong.",
        "paris",
    ),
    (
        "fr-after",
        "Le président Emmanuel Macron est arrivé lundi à Pékin. Il rentrera mercredi soir à Paris. "
        "Une étape prévue à Hong Kong avait déjà été annulée en mars, a annoncé l'Élysée.",
        "paris",
    ),
    (
        "it",
        "Il presidente Sergio Mattarella è arrivato lunedì a Pechino. In serata tornerà a Roma. "
        "Il Quirinale ha annullato a marzo una tappa prevista a Hong Kong.",
        "rome",
    ),
]


#: the gazetteer's names of the seats of power above
LANDMARKS = {"federal chancellery", "élysée palace", "quirinal palace"}


#: the stop model retrained on the merged rules keeps the return home under its threshold
SEAT_GAPS = {
    k: "the stop model retrained on the merged rules scores the return to Paris between 0.50 and 0.55, "
    "under its keep threshold (0.55)"
    for k in ("fr", "fr-after")
}


@pytest.mark.parametrize(
    ("lang", "text", "city"),
    [
        pytest.param(*c, marks=pytest.mark.xfail(reason=SEAT_GAPS[c[0]], strict=True))
        if c[0] in SEAT_GAPS
        else c
        for c in SEATS
    ],
    ids=[c[0] for c in SEATS],
)
def test_a_seat_of_power_speaking_is_no_mention_of_its_city(
    lang: str, text: str, city: str, extractor: Extractor
) -> None:
    stops = _stops(text, lang.split("-")[0], extractor)
    home = [(names, status) for _, names, status in stops if city in names]
    assert home, stops
    # the city's stop is the traveller's return, not the landmark's cancelled decision
    assert all(status is not Status.CANCELLED for _, status in home), stops
    # nor is it resolved to the landmark, the mention the sentence about the decision made
    assert not any(names & LANDMARKS for names, _ in home), stops
    hong_kong = [status for _, names, status in stops if "hong kong" in names]
    assert hong_kong, stops


WHERE_SPOKEN = [
    (
        "de",
        "Bundeskanzler Olaf Scholz ist am Montag in Berlin eingetroffen. Im Kanzleramt erklärte er, die "
        "Reise nach Peking sei abgesagt.",
        "federal chancellery",
    ),
    (
        "it",
        "Il presidente brasiliano Lula è arrivato lunedì a Roma. Al Quirinale ha detto che la visita a "
        "Parigi è annullata.",
        "quirinal palace",
    ),
]


@pytest.mark.parametrize(("lang", "text", "landmark"), WHERE_SPOKEN, ids=[c[0] for c in WHERE_SPOKEN])
def test_a_seat_of_power_after_a_locative_preposition_is_where_someone_speaks(
    lang: str, text: str, landmark: str, extractor: Extractor
) -> None:
    stops = _stops(text, lang, extractor)
    assert any(landmark in names for _, names, _ in stops), stops


RECEIVED = [
    (
        "en",
        "Chancellor Olaf Scholz arrived in Washington on Monday. He was received at the White House "
        "by the president.",
        "washington",
    ),
    (
        "fr",
        "Le président Emmanuel Macron est arrivé lundi à Moscou. Il a été reçu au Kremlin par "
        "Vladimir Poutine.",
        "moscow",
    ),
]


@pytest.mark.parametrize(("lang", "text", "city"), RECEIVED, ids=[c[0] for c in RECEIVED])
def test_a_seat_of_power_where_the_guest_is_received_stays_a_place(
    lang: str, text: str, city: str, extractor: Extractor
) -> None:
    stops = _stops(text, lang, extractor)
    assert any(city in names and status is Status.CONFIRMED for _, names, status in stops), stops


CARRIED = [
    (
        "it",
        "Il presidente cinese Xi Jinping è arrivato ieri a Belgrado. Oggi il leader cinese ha firmato "
        "accordi con il presidente serbo Aleksandar Vučić. In serata partirà per Budapest.",
    ),
    (
        "es",
        "El presidente chino Xi Jinping llegó ayer a Belgrado. Hoy el líder chino firmó acuerdos con "
        "el presidente serbio Aleksandar Vučić. Por la tarde partirá hacia Budapest.",
    ),
    (
        "pt",
        "O presidente chinês Xi Jinping chegou ontem a Belgrado. Hoje o líder chinês assinou acordos "
        "com o presidente sérvio Aleksandar Vučić. À noite partirá para Budapeste.",
    ),
    (
        "en",
        "Chinese President Xi Jinping arrived in Belgrade on Tuesday. Today the Chinese leader signed "
        "agreements with Serbian President Aleksandar Vucic. In the evening he will leave for Budapest.",
    ),
    (
        "fr",
        "Le président chinois Xi Jinping est arrivé hier à Belgrade. Aujourd'hui le dirigeant chinois a "
        "signé des accords avec le président serbe Aleksandar Vučić. Dans la soirée, il partira pour "
        "Budapest.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), CARRIED, ids=[c[0] for c in CARRIED])
def test_a_sentence_without_subject_continues_the_subject_not_the_object(
    lang: str, text: str, extractor: Extractor
) -> None:
    stops = _stops(text, lang, extractor)
    who = sorted({t for t, names, _ in stops if "budapest" in names})
    assert who == ["Xi Jinping"], stops


SUBJECT_NAMED = [
    (
        "it",
        "Il presidente cinese Xi Jinping è arrivato ieri a Belgrado. Oggi il presidente serbo "
        "Aleksandar Vučić ha firmato accordi con il leader cinese. In serata partirà per Budapest.",
    ),
    (
        "es",
        "El presidente chino Xi Jinping llegó ayer a Belgrado. Hoy el presidente serbio Aleksandar "
        "Vučić firmó acuerdos con el líder chino. Por la tarde partirá hacia Budapest.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), SUBJECT_NAMED, ids=[c[0] for c in SUBJECT_NAMED])
def test_a_person_named_as_subject_is_carried_on(lang: str, text: str, extractor: Extractor) -> None:
    stops = _stops(text, lang, extractor)
    who = sorted({t for t, names, _ in stops if "budapest" in names})
    assert who == ["Aleksandar Vučić"], stops
