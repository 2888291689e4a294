"""Stops told in the shapes of features and long reports (the classes of
``tests/extract/recall_probes/feature/``), one rule per class, each on sentences written for
these tests in the languages that have the form:

- a sequence adverb between the items of a list of stops, each with its preposition ("dann nach
  Graz und schließlich nach Linz", "poi a Torino e infine a Genova"): the adverb joins the list
  like "and", and an item of a list after a stop is a stop however far the travel word is;
- "not only X but also Y" after a verb of visiting ("besuchte nicht nur Kairo, sondern auch
  Luxor"): both places are the verb's objects, the focus words between them and the verb;
- the traveller's own words in a quotation, in the first person ("Today I am in Accra",
  "Heute bin ich in Accra"): being there, said by the one who is;
- a stop made on the way to the next ("en route to", "auf dem Weg nach"): the next place is
  a leg of the trip.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from tests.extract.support import stop_names

THURSDAY = dt.date(2026, 3, 12)


def _names(text: str, lang: str, extractor: Extractor) -> list[set[str]]:
    it = extract(text, published=THURSDAY, language=lang, extractor=extractor)
    return [stop_names(s) for _, _, s in it.stops()]


def _assert_stops(text: str, lang: str, wanted: list[str], extractor: Extractor) -> None:
    got = _names(text, lang, extractor)
    for w in wanted:
        alts = {n.lower() for n in w.split("|")}
        assert any(names & alts for names in got), f"{w} not among {got}"


@pytest.mark.parametrize(
    ("lang", "text", "wanted"),
    [
        (
            "de",
            "Die Reise der neuen österreichischen Außenministerin führte sie zunächst nach Wien, dann "
            "nach Graz und schließlich nach Linz.",
            ["Linz"],
        ),
        (
            "it",
            "Il viaggio della nuova ministra degli Esteri l'ha portata prima a Milano, poi a Torino e "
            "infine a Genova.",
            ["Genova|Genoa"],
        ),
        (
            "pt",
            "A viagem da nova ministra das Relações Exteriores levou-a primeiro a Lisboa, depois a "
            "Coimbra e finalmente ao Porto.",
            ["Porto"],
        ),
        (
            "es",
            "La gira de la nueva ministra de Exteriores la llevó primero a Sevilla, luego a Córdoba y "
            "finalmente a Granada.",
            ["Granada"],
        ),
    ],
)  # fmt: skip
def test_a_sequence_adverb_joins_a_list_of_stops(
    lang: str, text: str, wanted: list[str], extractor: Extractor
) -> None:
    _assert_stops(text, lang, wanted, extractor)


@pytest.mark.parametrize(
    ("lang", "text", "wanted"),
    [
        ("en", "During the trip the minister visited not only Cairo but also Luxor.", ["Cairo", "Luxor"]),
        (
            "de",
            "Auf der Reise besuchte die Ministerin nicht nur Kairo, sondern auch Luxor.",
            ["Kairo|Cairo", "Luxor"],
        ),
        (
            "es",
            "Durante el viaje la ministra visitó no solo El Cairo sino también Luxor.",
            ["El Cairo|Cairo", "Luxor"],
        ),
        (
            "it",
            "Durante il viaggio la ministra ha visitato non solo Il Cairo ma anche Luxor.",
            ["Cairo|Il Cairo", "Luxor"],
        ),
        ("pt", "Durante a viagem a ministra visitou não só o Cairo mas também Luxor.", ["Cairo", "Luxor"]),
        (
            "ru",
            "Во время поездки министр посетила не только Каир, но и Луксор.",
            ["Каир|Cairo", "Луксор|Luxor"],
        ),
    ],
)  # fmt: skip
def test_not_only_but_also_after_a_verb_of_visiting(
    lang: str, text: str, wanted: list[str], extractor: Extractor
) -> None:
    _assert_stops(text, lang, wanted, extractor)


@pytest.mark.parametrize(
    ("lang", "text", "wanted"),
    [
        (
            "en",
            "\"Today I am in Accra to listen to our partners,\" the Dutch prime minister said on "
            "Wednesday.",
            ["Accra"],
        ),
        (
            "fr",
            "« Aujourd'hui je suis à Accra pour écouter nos partenaires », a déclaré mercredi le "
            "Premier ministre néerlandais.",
            ["Accra"],
        ),
        (
            "de",
            "„Heute bin ich in Accra, um unseren Partnern zuzuhören“, sagte der niederländische "
            "Ministerpräsident am Mittwoch.",
            ["Accra"],
        ),
        (
            "it",
            "«Ieri ero ad Accra per ascoltare i nostri partner», ha detto mercoledì il primo "
            "ministro olandese.",
            ["Accra"],
        ),
        (
            "pt",
            "“Hoje estou em Acra para ouvir os nossos parceiros”, disse na quarta-feira o "
            "primeiro-ministro neerlandês.",
            ["Acra|Accra"],
        ),
        (
            "ru",
            "«Сегодня я в Аккре, чтобы выслушать наших партнёров», — заявил в среду премьер-министр "
            "Нидерландов.",
            ["Аккра|Аккре|Accra"],
        ),
    ],
)  # fmt: skip
def test_the_travellers_own_words_in_the_first_person(
    lang: str, text: str, wanted: list[str], extractor: Extractor
) -> None:
    _assert_stops(text, lang, wanted, extractor)


@pytest.mark.parametrize(
    ("lang", "text", "wanted"),
    [
        (
            "fr",
            "La ministre a fait escale mardi à Tunis pour rencontrer le président tunisien, en route "
            "pour Alger.",
            ["Alger|Algiers"],
        ),
        (
            "de",
            "Die Ministerin legte am Dienstag auf dem Weg nach Algier einen Halt in Tunis ein.",
            ["Algier|Algiers"],
        ),
        ("ru", "Министр во вторник по пути в Алжир сделала остановку в Тунисе.", ["Алжир|Algiers|Algeria"]),
    ],
)  # fmt: skip
def test_the_place_a_stop_is_made_on_the_way_to(
    lang: str, text: str, wanted: list[str], extractor: Extractor
) -> None:
    _assert_stops(text, lang, wanted, extractor)


@pytest.mark.parametrize(
    ("lang", "text", "wanted"),
    [
        (
            "en",
            "The Angolan president was received at the Kremlin on Friday by the Russian president.",
            ["Moscow|Moscow Kremlin|Kremlin"],
        ),
        (
            "en",
            "After the summit the Kenyan president was received at the Kremlin by Vladimir Putin.",
            ["Moscow|Moscow Kremlin|Kremlin"],
        ),
    ],
)  # fmt: skip
def test_a_landmark_the_recogniser_tags_as_an_institution(
    lang: str, text: str, wanted: list[str], extractor: Extractor
) -> None:
    """A seat of government after a preposition of place is the building ("received at the
    Kremlin"), however the recogniser tags it (English tags "Kremlin" ORG); the languages whose
    recogniser tags it a place (French LOC) or that have none are read so already."""
    _assert_stops(text, lang, wanted, extractor)


@pytest.mark.parametrize(
    ("lang", "text", "wanted"),
    [
        (
            "fr",
            "La ministre s'est arrêtée mardi à Tunis pour des entretiens avec le président tunisien, "
            "en route pour Alger.",
            ["Alger|Algiers"],
        ),
        ("fr", "Le président se rend mardi à Oslo pour un sommet sur l'Arctique.", ["Oslo"]),
    ],
)  # fmt: skip
def test_a_phrase_of_travel_right_before_the_place(
    lang: str, text: str, wanted: list[str], extractor: Extractor
) -> None:
    """A travel phrase of several words before the place takes the traveller there whatever verb the
    parse hangs it on ("en route pour Alger"); French "se rend" goes also with a time or an adverb
    before its preposition ("se rend mardi à Oslo")."""
    _assert_stops(text, lang, wanted, extractor)


@pytest.mark.parametrize(
    ("lang", "text", "wanted"),
    [
        (
            "en",
            "The Peruvian president arrived in Montevideo on Tuesday for a regional summit.",
            ["Montevideo"],
        ),
        (
            "en",
            "The Argentine president, who grew up in Rosario, arrived in Montevideo on Monday for "
            "talks.",
            ["Montevideo"],
        ),
    ],
)  # fmt: skip
def test_a_well_known_place_the_recogniser_takes_for_another_name(
    lang: str, text: str, wanted: list[str], extractor: Extractor
) -> None:
    """A well-known place after a preposition of destination is a place whatever other name the
    recogniser took it for (English tags "Montevideo" PRODUCT); the recognisers of the other
    languages have no such labels (MISC and ORG are read so already)."""
    _assert_stops(text, lang, wanted, extractor)


@pytest.mark.parametrize(
    ("lang", "text", "wanted"),
    [
        (
            "de",
            "Der Ministerpräsident sprach am Dienstag nach seiner Landung in Nikosia mit "
            "Journalisten.",
            ["Nikosia|Nicosia"],
        ),
        (
            "es",
            "El primer ministro habló el martes con los periodistas tras su aterrizaje en Nicosia.",
            ["Nicosia"],
        ),
    ],
)  # fmt: skip
def test_a_noun_of_landing_before_the_place(
    lang: str, text: str, wanted: list[str], extractor: Extractor
) -> None:
    """A noun of landing takes the traveller to the place as the verb does ("nach seiner Landung
    in Nikosia", "tras su aterrizaje en Nicosia")."""
    _assert_stops(text, lang, wanted, extractor)


@pytest.mark.parametrize(
    ("lang", "text", "wanted"),
    [
        ("en", "After two days in Nairobi the Dutch king went on to Kampala.", ["Kampala"]),
        ("en", "The minister went on to Lusaka on Friday after talks in Harare.", ["Lusaka"]),
    ],
)  # fmt: skip
def test_going_on_to_the_next_stop(lang: str, text: str, wanted: list[str], extractor: Extractor) -> None:
    """English "went on to" travels onwards (the other languages' verbs of travelling on, "reiste
    weiter", "s'est ensuite rendu", are read already)."""
    _assert_stops(text, lang, wanted, extractor)
