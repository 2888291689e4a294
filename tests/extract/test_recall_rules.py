"""The rules that find stops told outside a travel verb's own clause, each read at the candidate
(the travel rules' verdict, before the stop model weighs it): a phrase of provenance where "de"
also means "of", a dateline whose lede tells a trip and names none of its places, a place the
sentence is at in a paragraph that has just told the trip, a subject pronoun after a visit verb,
a kind word right before a landmark's name, and a sentence the parser cut where no punctuation
ends it.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor
from itinerary.extract.document import Candidate
from itinerary.extract.steps.clauses import split_sentences
from itinerary.extract.steps.roles import role_before
from itinerary.model import Role
from tests.extract.support import candidates_by_place

pytestmark = pytest.mark.data

THURSDAY = dt.date(2026, 3, 12)


def _candidates(text: str, lang: str, extractor: Extractor) -> dict[str, Candidate]:
    return candidates_by_place(text, lang, extractor, THURSDAY)


@pytest.mark.parametrize(
    ("lang", "text", "origin"),
    [
        ("fr", "En provenance de Dakar, le président est arrivé mercredi à Abidjan.", "Dakar"),
        ("fr", "Le président, qui venait de Niamey, a été accueilli vendredi à Ouagadougou.", "Niamey"),
        ("es", "Procedente de Quito, el presidente aterrizó el miércoles en Lima.", "Quito"),
        ("es", "La presidenta, que venía de Asunción, fue recibida el viernes en Montevideo.", "Asunción"),
        ("pt", "Vindo de Luanda, o presidente aterrou na quarta-feira em Maputo.", "Luanda"),
    ],
)
def test_a_phrase_of_provenance_makes_an_origin(
    lang: str, text: str, origin: str, extractor: Extractor
) -> None:
    c = _candidates(text, lang, extractor)[origin]
    assert c.rule and c.role is Role.ORIGIN, c.reason.text()


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        (
            "es",
            "Tras la ceremonia aterrizaron los primeros vuelos, entre ellos uno procedente de Caracas.",
            "Caracas",
        ),
        ("pt", "Depois da cerimónia aterraram os primeiros voos, entre eles um vindo de Luanda.", "Luanda"),
    ],
)
def test_a_provenance_with_no_arrival_is_no_leg(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    assert not _candidates(text, lang, extractor)[place].rule


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("fr", "Le maire de Dakar a salué mercredi l'arrivée du président à Abidjan.", "Dakar"),
        ("es", "El alcalde de Quito saludó el miércoles la llegada del presidente a Lima.", "Quito"),
    ],
)
def test_a_plain_genitive_is_no_origin(lang: str, text: str, place: str, extractor: Extractor) -> None:
    c = _candidates(text, lang, extractor).get(place)
    assert c is None or c.role is not Role.ORIGIN


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        (
            "en",
            "LUSAKA (Reuters) - Kenyan President William Ruto arrived on Tuesday for a two-day state visit.",
            "LUSAKA",
        ),
        (
            "fr",
            "NIAMEY, 10 mars (AFP) - Le président sénégalais, arrivé mardi pour une visite officielle, "
            "a rencontré son homologue.",
            "NIAMEY",
        ),
        (
            "it",
            "NAIROBI, 10 MAR (ANSA) - Il presidente, arrivato martedì per una visita di due giorni, ha "
            "incontrato il presidente keniano.",
            "NAIROBI",
        ),
        (
            "ru",
            "УЛАН-БАТОР, 10 марта. /ТАСС/. Президент, прибывший с государственным визитом, провел "
            "переговоры с монгольским коллегой.",
            "УЛАН-БАТОР",
        ),
    ],
)
def test_a_dateline_whose_lede_tells_a_trip_is_a_stop(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    c = _candidates(text, lang, extractor)[place]
    assert c.rule and c.role is Role.VISIT, c.reason.text()


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "LUSAKA (Reuters) - Zambia's central bank raised its main rate on Tuesday.", "LUSAKA"),
        ("en", "PARIS (AFP) - The minister arrived in Gao on Tuesday for a two-day visit.", "PARIS"),
        (
            "en",
            "WASHINGTON (Reuters) - The president will travel abroad next week, aides said.",
            "WASHINGTON",
        ),
        ("fr", "PARIS, 10 mars (AFP) - La ministre est arrivée mardi à Gao pour une visite.", "PARIS"),
    ],
)
def test_a_dateline_is_no_stop_without_a_trip_there(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    c = _candidates(text, lang, extractor).get(place)  # none: the dateline is the reporter's city
    assert c is None or not c.rule


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        (
            "en",
            "The presidential train left Moscow on Sunday for Vladivostok. It stood for an hour in "
            "Irkutsk, where crowds lined the platform.",
            "Irkutsk",
        ),
        (
            "de",
            "Der Sonderzug fuhr am Sonntag von Moskau nach Wladiwostok. In Irkutsk stand der Zug "
            "eine Stunde.",
            "Irkutsk",
        ),
        (
            "it",
            "Il treno è partito domenica da Mosca per Vladivostok. A Irkutsk il convoglio si è "
            "fermato per un'ora.",
            "Irkutsk",
        ),
        (
            "es",
            "El tren salió el domingo de Moscú hacia Vladivostok. En Irkutsk el convoy se detuvo una hora.",
            "Irkutsk",
        ),
    ],
)
def test_a_place_the_paragraph_goes_on_to_is_a_stop(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    c = _candidates(text, lang, extractor)[place]
    assert c.rule and c.role is Role.VISIT, c.reason.text()


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        # another paragraph
        (
            "en",
            "The train left Moscow on Sunday for Vladivostok.\n\nIt stood for an hour in Irkutsk.",
            "Irkutsk",
        ),
        # a weapon reaches it
        (
            "en",
            "The chancellor arrived in Kyiv on Monday. Russian missiles struck targets in Kharkiv overnight.",
            "Kharkiv",
        ),
        # a government speaks
        (
            "de",
            "Der Kanzler ist am Montag in Kiew eingetroffen. In Berlin kritisierte die Opposition.",
            "Berlin",
        ),
        # a trip still to come
        ("en", "The chancellor arrived in Kyiv on Monday. He will be in Lviv next week.", "Lviv"),
    ],
)
def test_the_paragraph_rule_leaves_other_places_alone(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    c = _candidates(text, lang, extractor)[place]
    assert not (c.rule and c.reason.rule.startswith("a place the sentence is at")), c.reason.text()


@pytest.mark.parametrize(
    ("lang", "text", "places"),
    [
        ("de", "Während der Reise besuchte sie Dakar, Bamako und Niamey.", ("Dakar", "Bamako", "Niamey")),
        ("de", "Am Dienstag besuchte er Lomé.", ("Lomé",)),
        ("ru", "Затем посетил он Ханой и Вьентьян.", ("Ханой", "Вьентьян")),
    ],
)
def test_a_subject_pronoun_after_a_visit_verb_keeps_its_object(
    lang: str, text: str, places: tuple[str, ...], extractor: Extractor
) -> None:
    found = _candidates(text, lang, extractor)
    for place in places:
        assert found[place].rule and found[place].role is Role.VISIT, (place, found[place].reason.text())


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("it", "L'aereo è atterrato lunedì all'aeroporto Charles de Gaulle.", "Charles de Gaulle"),
        ("fr", "La ministre a été reçue mardi au palais de Carthage.", "Carthage"),
        ("ru", "Самолет приземлился в понедельник в аэропорту Внуково.", "Внуково"),
    ],
)
def test_the_preposition_before_a_kind_word_reaches_the_name(
    lang: str, text: str, name: str, extractor: Extractor
) -> None:
    doc = extractor.analyse(Article(text=text, published=THURSDAY, language=lang))
    assert role_before(text, text.index(name), doc.ctx) is Role.VISIT


@pytest.mark.parametrize(
    ("words", "starts", "sentences"),
    [
        # a cut where no punctuation ends the sentence: one sentence
        (["Elle", "a", "visité", "Accra", ",", "Lomé", "et", "Cotonou", "."], [3], 1),
        (["Sie", "besuchte", "dann", "Accra", "und", "Lomé", "."], [2], 1),
        # a full stop ends it: two
        (["Sie", "kam", "an", ".", "Dann", "reiste", "sie", "ab", "."], [4], 2),
        (["She", "arrived", ".", "Then", "she", "left", "."], [3], 2),
    ],
)
def test_a_sentence_cut_without_punctuation_is_kept_whole(
    words: list[str], starts: list[int], sentences: int
) -> None:
    import spacy
    from spacy.tokens import Doc

    flags: list[bool | int | None] = [i == 0 or i in starts for i in range(len(words))]
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".") for i in range(len(words))]
    doc = Doc(spacy.blank("xx").vocab, words=words, spaces=spaces, sent_starts=flags)
    assert len(split_sentences(doc, 0)) == sentences
