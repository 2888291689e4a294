"""Who travels, when the article is not plain about it.

Rules of language, each checked in at least two languages on sentences written for the suite:
a traveller the article knows only by a title ("die Außenministerin", "el papa") names the trip;
a title before the travel verb is its subject, not a person written after it; a comma after the
place closes its clause (the person met there is no traveller); a plural ("the leaders") stands
for persons listed as subjects, not for persons a plan is brought to; one capitalised word after
a title and "of" names what the title is of ("el presidente del Parlamento"), not a person; a
name is recognised in its case forms ("Сергея Лаврова ... Лавров").
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from itinerary.extract.article import Article
from itinerary.identity import UNKNOWN_TRAVELLER
from tests.extract.support import trips_by_traveller

PUBLISHED = dt.date(2026, 3, 12)  # a Thursday


def _trips(text: str, lang: str, extractor: Extractor) -> dict[str, set[str]]:
    return trips_by_traveller(text, lang, extractor, PUBLISHED)


def _names(text: str, lang: str, extractor: Extractor) -> set[str]:
    """The persons the article names (every mention's fullest form)."""
    doc = extractor.analyse(Article(text=text, published=PUBLISHED, language=lang, source_id="t"))
    return set(doc.ctx.names) | set(doc.ctx.names.values())


TITLED = [
    (
        "de",
        "Die Außenministerin ist am Dienstag nach Pakistan gereist. Danach wird die Außenministerin "
        "nach Griechenland fliegen.",
        "Die Außenministerin",
        {"pakistan"},
    ),
    (
        "es",
        "El papa llegó el lunes a Yakarta tras trece horas de vuelo. El papa viajará después a Singapur.",
        "El papa",
        {"jakarta"},
    ),
]


@pytest.mark.parametrize(("lang", "text", "title", "places"), TITLED, ids=[c[0] for c in TITLED])
def test_a_traveller_known_only_by_a_title_names_the_trip(
    lang: str, text: str, title: str, places: set[str], extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert UNKNOWN_TRAVELLER not in trips, trips
    assert set(trips) == {title}, trips
    assert places <= trips[title], trips


TITLED_WITH_NAME = [
    (
        "de",
        "Bundeskanzler Olaf Scholz ist am Montag in Samarkand gelandet. Am Mittwoch fliegt der Kanzler "
        "nach Astana weiter.",
        "Scholz",
        "astana",
    ),
    (
        "it",
        "Il presidente Sergio Mattarella è arrivato ieri a Crotone. Poi il presidente è arrivato a "
        "Catanzaro.",
        "Mattarella",
        "catanzaro",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "who", "place"), TITLED_WITH_NAME, ids=[c[0] for c in TITLED_WITH_NAME]
)
def test_a_bare_title_goes_to_the_named_traveller(
    lang: str, text: str, who: str, place: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert len(trips) == 1, trips
    ((name, stops),) = trips.items()
    assert who in name and place in stops, trips


TITLE_BEFORE_VERB = [
    (
        "es",
        "El presidente de Brasil, Luiz Inácio Lula, llegó el lunes a Lisboa. El presidente de Brasil "
        "viajará a Oporto y visitará la casa natal del ministro Augusto Santos.",
        "Lula",
        "Santos",
        "porto",
    ),
    (
        "it",
        "Il presidente del Brasile, Luiz Inácio Lula, è arrivato lunedì a Roma. Il presidente andrà a "
        "Milano e vedrà la mostra del ministro Gennaro Sangiuliano.",
        "Lula",
        "Sangiuliano",
        "milan",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "who", "other", "place"), TITLE_BEFORE_VERB, ids=[c[0] for c in TITLE_BEFORE_VERB]
)
def test_a_title_before_the_verb_is_its_subject_not_a_person_after_it(
    lang: str,
    text: str,
    who: str,
    other: str,
    place: str,
    extractor: Extractor,
) -> None:
    trips = _trips(text, lang, extractor)
    assert not any(other in name for name in trips), trips
    assert any(who in name and place in stops for name, stops in trips.items()), trips


MET_AFTER_COMMA = [
    (
        "de",
        "Bundeskanzler Karl Nehammer hat die Reise am Sonntag angekündigt. Am Samstag war er in Kiew "
        "gewesen, wo er Präsident Wolodymyr Selenskyj traf.",
        "Nehammer",
        "Selenskyj",
        "kyiv",
    ),
    (
        "es",
        "El ministro José Manuel Albares anunció el viaje el domingo. El canciller llegó a Kiev, donde "
        "el presidente Volodímir Zelenski lo recibió.",
        "Albares",
        "Zelenski",
        "kyiv",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "who", "host", "place"), MET_AFTER_COMMA, ids=[c[0] for c in MET_AFTER_COMMA]
)
def test_a_person_after_a_comma_that_closes_the_place_s_clause_is_no_traveller(
    lang: str, text: str, who: str, host: str, place: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert not any(host in name for name in trips), trips
    assert any(who in name and place in stops for name, stops in trips.items()), trips


PLURAL = [
    (
        "en",
        "President Cyril Ramaphosa arrived in Kyiv on Friday to bring a peace plan to Volodymyr "
        "Zelensky and Vladimir Putin. After the talks the leaders fly to St Petersburg.",
        "Ramaphosa",
        ("Zelensky", "Putin"),
        "petersburg",
    ),
    (
        "fr",
        "Le président Cyril Ramaphosa est arrivé vendredi à Kiev pour apporter un plan de paix à "
        "Volodymyr Zelensky et Vladimir Poutine. Après l'entretien, les dirigeants se rendront à "
        "Saint-Pétersbourg.",
        "Ramaphosa",
        ("Zelensky", "Poutine"),
        "petersburg",
    ),
]


@pytest.mark.parametrize(("lang", "text", "who", "others", "place"), PLURAL, ids=[c[0] for c in PLURAL])
def test_a_plural_does_not_stand_for_persons_a_plan_is_brought_to(
    lang: str,
    text: str,
    who: str,
    others: tuple[str, ...],
    place: str,
    extractor: Extractor,
) -> None:
    trips = _trips(text, lang, extractor)
    assert not any(o in name for o in others for name in trips), trips
    assert any(who in name and any(place in s for s in stops) for name, stops in trips.items()), trips


PORTFOLIO = [
    ("es", "El presidente del Parlamento llegó el lunes a Lisboa.", "Parlamento"),
    ("it", "Il ministro della Difesa è arrivato lunedì a Kiev.", "Difesa"),
    ("pt", "O ministro da Defesa chegou na segunda-feira a Luanda.", "Defesa"),
]


@pytest.mark.parametrize(("lang", "text", "word"), PORTFOLIO, ids=[c[0] for c in PORTFOLIO])
def test_one_word_after_a_title_and_of_is_no_person(
    lang: str, text: str, word: str, extractor: Extractor
) -> None:
    assert word not in _names(text, lang, extractor)


def test_a_portfolio_and_an_adjective_before_the_name_after_a_comma(extractor: Extractor) -> None:
    text = "El presidente del Parlamento luso, Augusto Santos Silva, llegó el lunes a Madrid."
    names = _names(text, "es", extractor)
    assert "Augusto Santos Silva" in names and "Parlamento" not in names, names


CASE_FORMS = [
    (
        "ru",
        "В понедельник началось турне Сергея Лаврова по Африке. Лавров прилетел в Найроби в понедельник "
        "вечером.",
        "Лавров",
        "nairobi",
    ),
    (
        "ru",
        "Подготовить визит поручили Сергею Лаврову. Лавров прилетел в Пекин во вторник.",
        "Лавров",
        "beijing",
    ),
]


@pytest.mark.parametrize(("lang", "text", "who", "place"), CASE_FORMS, ids=["genitive", "dative"])
def test_a_full_name_in_a_case_form_and_the_surname_alone_are_one_person(
    lang: str, text: str, who: str, place: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert UNKNOWN_TRAVELLER not in trips, trips
    assert any(who in name and place in stops for name, stops in trips.items()), trips


PLACE_BEFORE_NAME = [
    (
        "ru",
        "Михаил Мишустин прилетел во Владивосток. Во Владивостоке Мишустин бывает впервые.",
        "Владивостоке",
    ),
    (
        "ru",
        "Председатель правительства России Михаил Мишустин прилетел в Улан-Удэ. Мишустин осмотрит завод.",
        "России",
    ),
]


@pytest.mark.parametrize(("lang", "text", "place"), PLACE_BEFORE_NAME, ids=["locative", "country"])
def test_a_place_before_a_name_is_no_part_of_it(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    names = _names(text, lang, extractor)
    assert not any(place in n for n in names), names


COMPLEMENT = [
    (
        "pt",
        "O Presidente Marcelo Rebelo chegou a Luanda na terça-feira. Marcelo esteve no aniversário "
        "do Presidente angolano João Lourenço e depois viajou para Benguela.",
        "Marcelo",
        "Lourenço",
        "benguela",
    ),
    (
        "en",
        "Prime Minister Anthony Albanese landed in Manila on Monday. Albanese flew to the funeral of "
        "King Norodom Sihamoni after a stopover in Singapore.",
        "Albanese",
        "Sihamoni",
        "singapore",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "who", "other", "place"), COMPLEMENT, ids=[c[0] for c in COMPLEMENT]
)
def test_a_person_who_complements_a_noun_is_not_the_subject(
    lang: str, text: str, who: str, other: str, place: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert not any(other in name for name in trips), trips
    assert any(who in name and place in stops for name, stops in trips.items()), trips


OBJECT_OF_PLACE = [
    (
        "fr",
        "Le chancelier Friedrich Merz est arrivé lundi à Paris. Après un déjeuner chez Emmanuel Macron, "
        "il s'est envolé pour Varsovie.",
        "Merz",
        "Macron",
        "warsaw",
    ),
    (
        "de",
        "Bundeskanzler Friedrich Merz ist am Montag in Paris gelandet. Nach dem Treffen bei Präsident "
        "Emmanuel Macron fliegt er nach Warschau.",
        "Merz",
        "Macron",
        "warsaw",
    ),
]


#: the stop model retrained on the merged rules keeps the onward stop under its threshold
OBJECT_GAPS = {
    "fr": "the stop model retrained on the merged rules scores the onward stop between 0.50 and 0.55, "
    "under its keep threshold (0.55)"
}


@pytest.mark.parametrize(
    ("lang", "text", "who", "other", "place"),
    [
        pytest.param(*c, marks=pytest.mark.xfail(reason=OBJECT_GAPS[c[0]], strict=True))
        if c[0] in OBJECT_GAPS
        else c
        for c in OBJECT_OF_PLACE
    ],
    ids=[c[0] for c in OBJECT_OF_PLACE],
)
def test_a_name_after_a_preposition_of_place_is_not_the_subject(
    lang: str, text: str, who: str, other: str, place: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert not any(other in name for name in trips), trips
    assert any(who in name and any(place in s for s in stops) for name, stops in trips.items()), trips


NOT_PERSONS = [
    (
        "fr",
        "Le président Alassane Ouattara est arrivé mercredi à Odienné. Photo : bain de foule du couple "
        "présidentiel. Jeudi, il se rendra à Minignan.",
        ("Photo", "Jeudi"),
    ),
    (
        "en",
        "President William Ruto arrived in Atlanta on Monday. Photo: crowds on the tarmac. Wednesday, "
        "he will fly to Washington.",
        ("Photo", "Wednesday"),
    ),
    (
        "de",
        "Bundeskanzler Friedrich Merz ist in Paris. Am Mittag wurde er empfangen. Am Freitag reist er "
        "nach Brüssel. Er bleibt am Abend in Brüssel.",
        ("Am", "Am Mittag"),
    ),
]


@pytest.mark.parametrize(("lang", "text", "words"), NOT_PERSONS, ids=[c[0] for c in NOT_PERSONS])
def test_days_caption_labels_and_lower_case_words_are_no_persons(
    lang: str, text: str, words: tuple[str, ...], extractor: Extractor
) -> None:
    names = _names(text, lang, extractor)
    assert not set(words) & names, names
    assert not any(w in name for w in words for name in _trips(text, lang, extractor)), names


LONE = [
    (
        "es",
        "Blinken comenzó su gira el lunes. El jefe de la diplomacia estadounidense llegó a Bogotá, "
        "donde se reunió con el presidente Gustavo Petro. Blinken concluirá su gira en Lima.",
        "Blinken",
        ("bogotá", "lima"),
    ),
    (
        "it",
        "Tajani comincia lunedì la visita in Cina. Il capo della diplomazia italiana è arrivato a Pechino, "
        "dove ha incontrato il ministro Wang Yi. Tajani ripartirà per Shanghai mercoledì.",
        "Tajani",
        ("beijing",),
    ),
]


@pytest.mark.parametrize(("lang", "text", "who", "places"), LONE, ids=[c[0] for c in LONE])
def test_a_surname_written_alone_before_verbs_is_a_person(
    lang: str, text: str, who: str, places: tuple[str, ...], extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert who in trips, trips
    assert all(any(p in s for s in trips[who]) for p in places), trips


TITLE_AFTER_WORDS = [
    (
        "en",
        "Crown Prince Mohammed bin Salman arrived in Islamabad on Sunday. Prime Minister Imran Khan "
        "welcomed him at the airport. From Pakistan the crown prince flies to New Delhi on Tuesday.",
        "Mohammed bin Salman",
        "new delhi",
    ),
    (
        "de",
        "Bundeskanzler Olaf Scholz ist am Montag in Paris gelandet. Präsident Emmanuel Macron empfing "
        "ihn im Élysée-Palast. Am Dienstag reist der deutsche Kanzler nach Warschau weiter.",
        "Olaf Scholz",
        "warsaw",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "who", "place"), TITLE_AFTER_WORDS, ids=[c[0] for c in TITLE_AFTER_WORDS]
)
def test_a_title_after_lower_case_words_is_still_a_bare_title(
    lang: str, text: str, who: str, place: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert any(who in name and any(place in s for s in stops) for name, stops in trips.items()), trips


def test_an_honorific_before_a_first_name_is_a_title(extractor: Extractor) -> None:
    text = (
        "El rey Felipe VI llegó el domingo a Bogotá para la investidura. Don Felipe había volado desde "
        "Palma de Mallorca, donde pasaba sus vacaciones."
    )
    trips = _trips(text, "es", extractor)
    assert list(trips) == ["Felipe VI"], trips


@pytest.mark.parametrize(
    "text",
    [
        "Der nordkoreanische Machthaber Kim Jong Un ist am Dienstag in Wladiwostok angekommen.",
        "Der chinesische Staatschef Xi Jinping ist am Dienstag in Wladiwostok angekommen.",
    ],
    ids=["machthaber", "staatschef"],
)
def test_german_titles_of_rulers_introduce_the_name(text: str, extractor: Extractor) -> None:
    trips = _trips(text, "de", extractor)
    assert UNKNOWN_TRAVELLER not in trips and len(trips) == 1, trips
    ((name, stops),) = trips.items()
    assert name.split()[0] in {"Kim", "Xi"} and "vladivostok" in stops, trips


OPENING_TITLE = [
    (
        "es",
        "El presidente Andrés Manuel López Obrador no viajará a Los Ángeles. El presidente aseguró que "
        "su ausencia no supone una ruptura con su homólogo estadounidense, Joe Biden. Además, anunció "
        "que en julio viajará a Washington para reunirse con Biden.",
        "López",
        "Biden",
        "washington",
    ),
    (
        "de",
        "Bundeskanzler Olaf Scholz ist am Montag in Paris gelandet. Der Kanzler sagte am Montagabend vor "
        "mitreisenden Journalisten, das Verhältnis zu Präsident Emmanuel Macron sei gut. Am Dienstag "
        "reist er nach Warschau weiter.",
        "Scholz",
        "Macron",
        "warsaw",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "who", "other", "place"), OPENING_TITLE, ids=[c[0] for c in OPENING_TITLE]
)
def test_a_title_that_opens_a_sentence_is_its_subject_for_the_next_one(
    lang: str, text: str, who: str, other: str, place: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert not any(other in name for name in trips), trips
    assert any(who in name and any(place in s for s in stops) for name, stops in trips.items()), trips
