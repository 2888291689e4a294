"""Articles that report no trip give no stop: a trip the article denies is planned, travel words of
other people or of no person, and "again" verbs that are no travel.

Each rule on short articles written for these tests, in at least two languages.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from tests.extract.support import candidates_by_place, stop_names

pytestmark = pytest.mark.data

#: the publication day of the rule tests: a Wednesday in November
DAY = dt.date(2026, 11, 18)

# --- a denied plan: "has no plans to travel to Nigeria" names the place of a trip nobody plans.
# It is no stop (neither planned nor made: nothing was set to be called off).

#: (language, a short article whose only trip is one it denies is planned, the denied place)
DENIED = [
    (
        "en",
        "White House on Africa\n\nWASHINGTON (AP) - President Donald Trump has no plans to travel to "
        "Nigeria this year, a spokeswoman said on Tuesday. She said he would speak with African leaders "
        "by phone.",
        "Nigeria",
    ),
    (
        "fr",
        "L'Élysée et l'Afrique\n\nPARIS (AFP) - Le président Emmanuel Macron n'a pas l'intention de se "
        "rendre à Bamako cette année, a indiqué mardi un conseiller. Il parlera à ses homologues par "
        "téléphone.",
        "Bamako",
    ),
    (
        "de",
        "Merz und Afrika\n\nBERLIN (dpa) - Bundeskanzler Friedrich Merz plant keine Reise nach Nigeria "
        "in diesem Jahr, sagte ein Regierungssprecher am Dienstag. Er werde mit den Präsidenten "
        "telefonieren.",
        "Nigeria",
    ),
    (
        "es",
        "Sánchez y Marruecos\n\nMADRID (EFE) - El presidente del Gobierno, Pedro Sánchez, no tiene "
        "previsto viajar a Rabat este año, dijeron el martes fuentes del Gobierno. Hablará por teléfono "
        "con el rey.",
        "Rabat",
    ),
    (
        "ru",
        "Песков о планах Путина\n\nМОСКВА, 17 ноября. /ТАСС/. Президент России Владимир Путин не "
        "планирует посетить Бразилию в этом году, сообщил во вторник Дмитрий Песков. Путин проведет "
        "телефонный разговор с Лулой.",
        "Бразилию",
    ),
    (
        "it",
        "Meloni e l'Africa\n\nROMA (ANSA) - La presidente del Consiglio Giorgia Meloni non ha in "
        "programma di recarsi a Nairobi quest'anno, hanno detto martedì fonti del governo. Parlerà al "
        "telefono con Ruto.",
        "Nairobi",
    ),
    (
        "pt",
        "Lula e a China\n\nBRASÍLIA (Agência Brasil) - O presidente Lula não tem planos de viajar para "
        "Pequim neste ano, informou nesta terça-feira um assessor. Ele falará por telefone com Xi Jinping.",
        "Pequim",
    ),
]


@pytest.mark.parametrize(("lang", "text", "place"), DENIED, ids=[c[0] for c in DENIED])
def test_a_trip_denied_is_planned_is_no_stop(lang: str, text: str, place: str, extractor: Extractor) -> None:
    found = candidates_by_place(text, lang, extractor, DAY)
    assert not found[place].rule
    assert not extract(text, published=DAY, language=lang, extractor=extractor).trips


#: a trip told after a word of contrast is not denied with the plan before it
CONTRAST = [
    (
        "en",
        "Trump in Miami\n\nWASHINGTON (AP) - President Donald Trump has no plans to travel to Nigeria this "
        "year, but he flew to Miami on Tuesday for a rally.",
        "Miami",
    ),
    (
        "es",
        "Sánchez en Sevilla\n\nMADRID (EFE) - El presidente del Gobierno, Pedro Sánchez, no tiene previsto "
        "viajar a Rabat este año, pero viajó el martes a Sevilla para un mitin.",
        "Sevilla",
    ),
]


@pytest.mark.parametrize(("lang", "text", "place"), CONTRAST, ids=[c[0] for c in CONTRAST])
def test_a_trip_after_a_contrast_stays_a_stop(lang: str, text: str, place: str, extractor: Extractor) -> None:
    found = candidates_by_place(text, lang, extractor, DAY)
    assert found[place].rule
    stops = extract(text, published=DAY, language=lang, extractor=extractor).trips[0].stops
    assert place.lower() in {n for s in stops for n in stop_names(s)}


# --- travel words of a crowd or of goods: "the return of refugees to Syria", "migrants arrived in
# Dover", "la columna de manifestantes llegó a Rosario". The crowd travels, not the leader.

#: (language, a short article whose only travel word is that of a crowd, the place it reaches)
CROWDS = [
    (
        "en",
        "Britain widens sanctions\n\nLONDON (AP) - Prime Minister Keir Starmer announced new sanctions on "
        "Tuesday. Passengers have continued to reach Minsk via Istanbul, officials said.",
        "Minsk",
    ),
    (
        "en",
        "Starmer and migrants\n\nLONDON (AP) - Prime Minister Keir Starmer spoke about migration on "
        "Tuesday. Hundreds of migrants arrived in Dover at the weekend.",
        "Dover",
    ),
    (
        "de",
        "Merz telefoniert mit Erdoğan\n\nBERLIN (dpa) - Bundeskanzler Friedrich Merz hat am Dienstag mit "
        "Erdoğan telefoniert. Es ging um die Rückkehr von Flüchtlingen nach Syrien.",
        "Syrien",
    ),
    (
        "de",
        "Merz telefoniert mit Erdoğan\n\nBERLIN (dpa) - Bundeskanzler Friedrich Merz hat am Dienstag mit "
        "Erdoğan telefoniert. Es ging um die Lage in Syrien und die Rückkehr von Flüchtlingen.",
        "Syrien",
    ),
    (
        "es",
        "Marcha universitaria\n\nBUENOS AIRES (EFE) - El presidente Javier Milei habló el martes en un "
        "acto. Mientras tanto, la columna de manifestantes llegó a Rosario.",
        "Rosario",
    ),
    (
        "es",
        "Sánchez y los migrantes\n\nMADRID (EFE) - El presidente Pedro Sánchez habló el martes de los "
        "migrantes. Miles de migrantes llegaron a Ceuta el fin de semana.",
        "Ceuta",
    ),
    (
        "fr",
        "Macron et les migrants\n\nPARIS (AFP) - Le président Emmanuel Macron a parlé mardi des migrants. "
        "Des centaines de migrants sont arrivés à Calais ce week-end.",
        "Calais",
    ),
    (
        "it",
        "Meloni e i migranti\n\nROMA (ANSA) - La presidente Giorgia Meloni ha parlato martedì dei "
        "migranti. Centinaia di migranti sono arrivati a Palermo nel fine settimana.",
        "Palermo",
    ),
    (
        "pt",
        "Lula e os refugiados\n\nBRASÍLIA (Agência Brasil) - O presidente Lula falou nesta terça-feira "
        "sobre o retorno de refugiados à Venezuela.",
        "Venezuela",
    ),
]


@pytest.mark.parametrize(("lang", "text", "place"), CROWDS, ids=[f"{c[0]}-{c[2]}" for c in CROWDS])
def test_a_travel_word_of_a_crowd_is_no_stop(lang: str, text: str, place: str, extractor: Extractor) -> None:
    found = candidates_by_place(text, lang, extractor, DAY)
    assert not found[place].rule
    assert not extract(text, published=DAY, language=lang, extractor=extractor).trips


#: the leader's own trip stays one, with a crowd named in the sentence
LEADER = [
    (
        "en",
        "Starmer in Dover\n\nLONDON (AP) - Prime Minister Keir Starmer travelled to Dover on Tuesday to "
        "meet migrants.",
        "Dover",
    ),
    (
        "it",
        "Meloni a Lampedusa\n\nROMA (ANSA) - La presidente Giorgia Meloni è arrivata martedì a Palermo "
        "per incontrare i migranti.",
        "Palermo",
    ),
    (
        "de",
        "Merz in Litauen\n\nBERLIN (dpa) - Bundeskanzler Friedrich Merz traf am Dienstag Soldaten und "
        "reiste dann nach Litauen.",
        "Litauen",
    ),
]


@pytest.mark.parametrize(("lang", "text", "place"), LEADER, ids=[c[0] for c in LEADER])
def test_a_leaders_trip_near_a_crowd_stays_a_stop(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    assert candidates_by_place(text, lang, extractor, DAY)[place].rule
    stops = extract(text, published=DAY, language=lang, extractor=extractor).trips[0].stops
    assert place.lower() in {n for s in stops for n in stop_names(s)}


# --- "volver a", "tornare a", "voltar a" before an infinitive mean "again": no travel word.

#: (language, a short article whose only verb of coming back means "again", the place it names)
AGAIN = [
    (
        "es",
        "Lluvias en Valencia\n\nMADRID (EFE) - El presidente del Gobierno, Pedro Sánchez, habló el martes "
        "de las lluvias. En Valencia, el nivel del río volvió a subir el lunes.",
        "Valencia",
    ),
    (
        "it",
        "Maltempo in Veneto\n\nROMA (ANSA) - La presidente del Consiglio Giorgia Meloni ha parlato martedì "
        "del maltempo. A Venezia l'acqua è tornata a salire lunedì.",
        "Venezia",
    ),
    (
        "pt",
        "Chuvas no Sul\n\nBRASÍLIA (Agência Brasil) - O presidente Lula falou nesta terça-feira sobre as "
        "chuvas. Em Porto Alegre, o nível do rio voltou a subir na segunda-feira.",
        "Porto Alegre",
    ),
]


@pytest.mark.parametrize(("lang", "text", "place"), AGAIN, ids=[c[0] for c in AGAIN])
def test_coming_back_to_do_again_is_no_travel(lang: str, text: str, place: str, extractor: Extractor) -> None:
    found = candidates_by_place(text, lang, extractor, DAY)
    assert not found[place].rule
    assert not extract(text, published=DAY, language=lang, extractor=extractor).trips


#: a verb of coming back before a place stays travel
BACK = [
    (
        "pt",
        "Lula na China\n\nBRASÍLIA (Agência Brasil) - O presidente Lula voltou a Pequim nesta terça-feira "
        "para um fórum.",
        "Pequim",
    ),
    (
        "it",
        "Meloni a Milano\n\nROMA (ANSA) - La presidente del Consiglio Giorgia Meloni è tornata martedì a "
        "Milano per un vertice.",
        "Milano",
    ),
]


@pytest.mark.parametrize(("lang", "text", "place"), BACK, ids=[c[0] for c in BACK])
def test_coming_back_to_a_place_stays_travel(lang: str, text: str, place: str, extractor: Extractor) -> None:
    assert candidates_by_place(text, lang, extractor, DAY)[place].rule


@pytest.mark.data
@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        # a travel word after an elided article ("l'arrivo") starts inside the word the crowd
        # search reads: it once looked for a word starting exactly there and crashed
        ("it", "I leader, dopo l'arrivo a Roma e la visita in Vaticano, sono partiti per Glasgow.", "Roma"),
        (
            "fr",
            "Les dirigeants, après l'arrivée à Rome et la visite au Vatican, sont partis pour Glasgow.",
            "Rome",
        ),
    ],
)
def test_a_travel_word_after_an_elision_is_read(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    it = extract(text, published=dt.date(2021, 10, 30), language=lang, extractor=extractor)
    assert any(place in stop_names(s) or place == str(s.place) for _, _, s in it.stops())
