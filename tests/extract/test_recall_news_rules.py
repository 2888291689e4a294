"""The rules behind the second batch of recall probes, each read at the candidate (the travel
rules' verdict and role, before the stop model weighs it): every multi-word travel phrase of a
sentence counts, not only the first; a meeting verb puts its subject where the meeting is; a
headline that puts a person of the article at a place ("Starmer in Warsaw") tells a stop; a verb
of leaving reaches its place through the preposition that is also "of", past a time ("salió el
domingo de Moscú", "ist am Sonntag von Moskau abgeflogen"); a stop noun equated with a place by a
colon or a dash tells a stop ("Prochaine étape : Vladivostok", "Следующая остановка — Владивосток"),
and the equation itself links it to the trip ("The next stop is Vladivostok"); a wreath is laid in
person; a kind word in a case form names the landmark ("в аэропорту Внуково").

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from itinerary.extract.document import Candidate
from itinerary.extract.lexicon import Stem, phrase_positions
from itinerary.model import Role
from tests.extract.support import candidates_by_place

pytestmark = pytest.mark.data

THURSDAY = dt.date(2026, 3, 12)


def _candidates(text: str, lang: str, extractor: Extractor) -> dict[str, Candidate]:
    return candidates_by_place(text, lang, extractor, THURSDAY)


def test_every_phrase_is_found_each_time_at_a_word_start() -> None:
    text = "se reunió el lunes en riad y el martes se desplazó a doha; luego se reunió en abu dabi"
    want = [text.index("se desplaz"), 0, text.rindex("se reunió")]
    # "se desplaz" is a stem (its pack declares it one), "se reunió" a whole word
    assert phrase_positions(text, (Stem("se desplaz"), "se reunió", "viaj")) == want
    assert phrase_positions("repasó por lima", ("pasó por",)) == []


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        (
            "es",
            "El ministro se reunió el lunes en Riad con el príncipe heredero y el martes se desplazó a Doha.",
            "Riad",
        ),
        ("en", "The minister held talks in Riyadh on Monday and went to Doha on Tuesday.", "Riyadh"),
        ("it", "Il ministro è stato a Riad lunedì e si è recato a Doha martedì.", "Riad"),
    ],
)
def test_a_second_travel_phrase_of_a_sentence_counts(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    c = _candidates(text, lang, extractor)[place]
    assert c.rule and c.role is Role.VISIT, c.reason.text()


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        (
            "es",
            "El miércoles el presidente se entrevistó con el gobernador de la región en Blagovéshchensk.",
            "Blagovéshchensk",
        ),
        (
            "it",
            "Mercoledì il presidente ha incontrato il governatore della regione a Blagoveshchensk.",
            "Blagoveshchensk",
        ),
        ("ru", "В среду президент встретился с губернатором области в Благовещенске.", "Благовещенске"),
    ],
)
def test_a_meeting_puts_its_subject_at_the_place(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    c = _candidates(text, lang, extractor)[place]
    assert c.rule and c.role is Role.VISIT, c.reason.text()


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        (
            "en",
            "Starmer in Warsaw for defence talks\n\n"
            "Prime Minister Keir Starmer met his Polish counterpart on Wednesday.",
            "Warsaw",
        ),
        (
            "de",
            "Steinmeier in Warschau: Gespräche über Verteidigung\n\n"
            "Bundespräsident Frank-Walter Steinmeier sprach am Mittwoch mit dem polnischen Präsidenten.",
            "Warschau",
        ),
        (
            "es",
            "Sánchez, en Varsovia para hablar de defensa\n\n"
            "El presidente del Gobierno, Pedro Sánchez, se entrevistó el miércoles con su homólogo polaco.",
            "Varsovia",
        ),
        (
            "ru",
            "Путин в Пекине: переговоры о газе\n\n"
            "Владимир Путин в среду провёл переговоры с председателем КНР.",
            "Пекине",
        ),
    ],
)
def test_a_headline_putting_a_person_at_a_place_tells_a_stop(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    c = _candidates(text, lang, extractor)[place]
    assert c.rule and c.role is Role.VISIT, c.reason.text()


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        # an event, not a person, before the preposition
        (
            "en",
            "Summit in Brussels ends without a deal\n\nPrime Minister Keir Starmer said talks would go on.",
            "Brussels",
        ),
        (
            "de",
            "Proteste in Paris\n\nBundespräsident Frank-Walter Steinmeier äußerte sich am Mittwoch besorgt.",
            "Paris",
        ),
        # the headline's sentence is the first of a paragraph that goes on: no headline
        (
            "en",
            "Starmer in Warsaw? Not this week. Prime Minister Keir Starmer stayed in London on Wednesday.",
            "Warsaw",
        ),
    ],
)
def test_a_headline_rule_needs_a_person_and_a_headline(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    c = _candidates(text, lang, extractor).get(place)
    assert c is None or not c.rule


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("es", "El presidente salió el domingo de Moscú y aterrizó el lunes en Hanói.", "Moscú"),
        ("pt", "O presidente partiu no domingo de Moscovo e aterrou na segunda-feira em Hanói.", "Moscovo"),
        (
            "de",
            "Der Präsident ist am Sonntagabend von Moskau abgeflogen und am Montag in Hanoi gelandet.",
            "Moskau",
        ),
    ],
)
def test_a_verb_of_leaving_reaches_its_place_past_a_time(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    c = _candidates(text, lang, extractor)[place]
    assert c.rule and c.role is Role.ORIGIN, c.reason.text()


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("es", "El presidente de Rusia salió el domingo hacia Hanói.", "Rusia"),
        ("pt", "O presidente de Angola partiu no domingo para Hanói.", "Angola"),
        ("de", "Der Präsident von Frankreich ist am Sonntag nach Hanoi abgeflogen.", "Frankreich"),
    ],
)
def test_a_plain_genitive_before_a_verb_of_leaving_is_no_origin(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    c = _candidates(text, lang, extractor).get(place)
    assert c is None or c.role is not Role.ORIGIN


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        (
            "fr",
            "Prochaine étape : Vladivostok, où il doit rencontrer le président russe jeudi.",
            "Vladivostok",
        ),
        (
            "ru",
            "Следующая остановка — Владивосток, где в четверг он встретится с президентом.",
            "Владивосток",
        ),
        (
            "en",
            "The next stop is Vladivostok, where he will meet the Russian president on Thursday.",
            "Vladivostok",
        ),
        ("pt", "A próxima etapa é Vladivostok, onde na quinta-feira verá o presidente russo.", "Vladivostok"),
    ],
)
def test_a_place_equated_with_a_stop_is_one(lang: str, text: str, place: str, extractor: Extractor) -> None:
    c = _candidates(text, lang, extractor)[place]
    assert c.rule and c.role is Role.VISIT, c.reason.text()


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("fr", "Le vote a été reporté : Paris a dénoncé la décision.", "Paris"),
        ("ru", "Переговоры прерваны — Москва осудила это решение.", "Москва"),
    ],
)
def test_a_colon_after_another_noun_equates_nothing(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    c = _candidates(text, lang, extractor).get(place)
    assert c is None or not c.rule


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        (
            "en",
            "The Brazilian president laid a wreath in Hanoi on Tuesday at the mausoleum of Ho Chi Minh.",
            "Hanoi",
        ),
        (
            "fr",
            "Le président brésilien a déposé mardi une gerbe au mausolée de Hô Chi Minh à Hanoï.",
            "Hanoï",
        ),
        ("ru", "Президент Бразилии во вторник возложил венок к мавзолею Хо Ши Мина в Ханое.", "Ханое"),
        (
            "it",
            "Il presidente ha deposto martedì una corona di fiori al mausoleo di Ho Chi Minh ad Hanoi.",
            "Hanoi",
        ),
    ],
)
def test_a_wreath_is_laid_in_person(lang: str, text: str, place: str, extractor: Extractor) -> None:
    c = _candidates(text, lang, extractor)[place]
    assert c.rule and c.role is Role.VISIT, c.reason.text()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "Премьер-министра Индии в понедельник вечером в аэропорту Внуково встретил вице-премьер России.",
        ),
        ("ru", "Самолёт премьер-министра приземлился в аэропорту Внуково."),
        # languages without case forms already read the kind word (guards)
        ("en", "The Indian prime minister landed at Vnukovo airport on Monday evening."),
        ("de", "Der indische Premierminister landete am Montagabend auf dem Flughafen Wnukowo."),
    ],
)
def test_a_kind_word_in_a_case_form_names_the_landmark(lang: str, text: str, extractor: Extractor) -> None:
    found = [c for c in _candidates(text, lang, extractor).values() if c.place.record is not None]
    assert any(c.rule and "Vnukovo" in c.place.record.name for c in found if c.place.record), found
