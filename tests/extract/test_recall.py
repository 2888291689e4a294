"""Stops the extractor must find (recall) and mentions it must not take for stops (precision).

Every sentence here is written for these tests. German has no trained pipeline: its travel
words come from lemmas (the pack's table of forms), separable verbs and compounds.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from itinerary.extract import Article, Extractor, extract
from itinerary.extract.document import Context
from itinerary.extract.lang import is_genitive, lemma
from itinerary.extract.nlp import pipeline
from itinerary.extract.scoring import cued
from itinerary.extract.steps.roles import role_before, travel_positions
from itinerary.model import Role, Status

THURSDAY = dt.date(2024, 10, 24)
TUESDAY = dt.date(2026, 3, 10)


def _stops(text: str, lang: str, published: dt.date, extractor: Extractor) -> dict[str, tuple[Status, str]]:
    it = extract(text, published=published, language=lang, extractor=extractor)
    return {s.resolved.name: (s.status, str(s.date)) for _, _, s in it.stops() if s.resolved}


def test_perfect_tense_separable_verb_and_called_off_side_trip(extractor: Extractor) -> None:
    text = (
        "Bundeskanzler Olaf Scholz ist am Montag in Neu-Delhi eingetroffen. "
        "Am Dienstag reist er nach Goa weiter. "
        "Ein geplanter Abstecher nach Mumbai wurde abgesagt."
    )
    stops = _stops(text, "de", THURSDAY, extractor)
    assert stops["New Delhi"] == (Status.CONFIRMED, "2024-10-21")  # "ist ... eingetroffen": past
    assert stops["Goa"][0] is Status.PLANNED  # weiterreisen, its particle at the clause end
    assert stops["Mumbai"][0] is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "place", "status"),
    [
        # inflected forms through their lemma (fliegen), a separable verb split by the clause
        ("Am Dienstag flog die Ministerin zurück nach Berlin.", "Berlin", Status.CONFIRMED),
        ("Der Präsident kommt am Abend in Wien an und trifft den Kanzler.", "Vienna", None),
        # a compound whose head is a travel noun
        ("Ihre Ostafrikareise beginnt am Donnerstag in Kenia.", "Kenya", Status.PLANNED),
        # a preposition before adjectives and a place noun
        ("Er wird zunächst in die kenianische Hauptstadt Nairobi reisen.", "Nairobi", Status.PLANNED),
        ("Sie musste im saudischen Dschidda einen ungeplanten Zwischenstopp einlegen.", "Jeddah", None),
        # a stop noun equated with the place
        ("Erste Station der Reise ist Äthiopien, sagte ein Sprecher.", "Ethiopia", None),
    ],
)  # fmt: skip
def test_german_travel_words_by_lemma_and_position(
    text: str, place: str, status: Status | None, extractor: Extractor
) -> None:
    stops = _stops(text, "de", TUESDAY, extractor)
    assert place in stops, stops
    if status is not None:
        assert stops[place][0] is status


def test_an_unreal_past_cancels_the_stops_of_its_sentence(extractor: Extractor) -> None:
    text = (
        "Die Außenministerin hat ihre Reise in Pakistan abgebrochen. "
        "Die nächsten Stationen wären Uganda und Ruanda gewesen."
    )
    stops = _stops(text, "de", TUESDAY, extractor)
    assert stops["Uganda"][0] is Status.CANCELLED and stops["Rwanda"][0] is Status.CANCELLED


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "The secretary flew to the Kenyan capital Nairobi for talks.", "Nairobi"),
        ("ru", "Президент прилетел в узбекский город Самарканд на переговоры.", "Samarkand"),
        ("de", "Der Minister ist am Morgen in der zweitgrößten Stadt Hamburg gelandet.", "Hamburg"),
    ],
)
def test_a_preposition_reaches_over_place_nouns_and_adjectives(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    assert place in _stops(text, lang, TUESDAY, extractor)


def test_role_over_place_nouns_and_stop_nouns(mini_geocoder: Any) -> None:
    de = Context.start("de", mini_geocoder)
    text = "Er fliegt in die tadschikische Hauptstadt Duschanbe."
    assert role_before(text, text.index("Duschanbe"), de) is Role.VISIT
    text = "Erste Station ist Usbekistan."
    assert role_before(text, text.index("Usbekistan"), de) is Role.VISIT
    text = "Die Station liegt nahe Usbekistan."  # no copula: no equation
    assert role_before(text, text.index("Usbekistan"), de) is None
    en = Context.start("en", mini_geocoder)
    text = "The next stop will be Hanoi."
    assert role_before(text, text.index("Hanoi"), en) is Role.VISIT


def test_lemmas_separable_verbs_and_compounds_are_travel_words(mini_geocoder: Any) -> None:
    assert lemma("de", "flog") == "fliegen" and lemma("de", "eingetroffen") == "eintreffen"
    assert lemma("de", "Stationen") == "station" and lemma("de", "unbekanntes") == "unbekanntes"
    de = Context.start("de", mini_geocoder)
    nlp = pipeline("de")
    for text, word in [
        ("Am Mittwoch reist sie nach Seoul weiter.", "reist"),
        ("Der Zug kommt um neun in Bonn an.", "kommt"),
        ("Die Auslandsreise führt ihn nach Rom.", "Auslandsreise"),
        ("Sie flogen nach Kairo.", "flogen"),
    ]:
        sent = next(iter(nlp(text).sents))
        assert text.index(word) in travel_positions(sent, de), text
    sent = next(iter(nlp("Aus Delegationskreise hieß es, er kommt.").sents))
    assert travel_positions(sent, de) == []  # "kommt" without its particle; "-kreise" is no trip


@pytest.mark.parametrize(
    ("lang", "text", "not_a_place"),
    [
        ("de", "Dort traf sie den Präsidenten. Sie ist am Montag in Rom gelandet.", "Dordrecht"),
        ("de", "Wie die Agentur meldete, ist der Kanzler in Rom gelandet.", "Wiesbaden"),
        ("de", "Das Land führt die Afrikanischen Union. Der Kanzler ist in Dakar gelandet.", "Union"),
        ("en", "America's top diplomat flew to Cairo on Monday.", "América"),
        ("ru", "Председатель Си Цзиньпин прибыл в Астану.", "Dallas"),
    ],
)
def test_common_words_names_and_possessives_are_not_places(
    lang: str, text: str, not_a_place: str, extractor: Extractor
) -> None:
    stops = _stops(text, lang, TUESDAY, extractor)
    assert stops and not_a_place not in stops, stops


def test_a_sentence_initial_preposition_is_not_part_of_the_name(extractor: Extractor) -> None:
    it = extract("В Пекине прошла встреча. Президент прибыл в Пекин.", language="ru", extractor=extractor)
    assert {s.place for _, _, s in it.stops()} <= {"Пекине", "Пекин"}


def test_genitive_case_forms() -> None:
    assert is_genitive("ru", "Бразилии") and is_genitive("ru", "Китая")
    assert not is_genitive("ru", "Пекин") and not is_genitive("ru", "Москве")
    assert not is_genitive("de", "Berlins")  # no morphology hook: never guessed


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Moscow said the talks went well. Washington warned of sanctions. The minister flew to Rome."),
        ("de", "Moskau erklärte, die Gespräche seien gut verlaufen. Washington warnte vor Sanktionen. "
         "Der Minister reiste nach Rom."),
    ],
)  # fmt: skip
def test_capitals_that_speak_are_not_stops(lang: str, text: str, extractor: Extractor) -> None:
    assert set(_stops(text, lang, TUESDAY, extractor)) == {"Rome"}


def test_a_place_nothing_links_to_travel_is_no_stop(extractor: Extractor) -> None:
    text = "Министр прибыл в Найроби. Там встретятся представители Бразилии, Индии и Китая."
    assert set(_stops(text, "ru", TUESDAY, extractor)) == {"Nairobi"}
    assert cued({"travel_sentence": 1.0}) and cued({"dateline": 1.0})
    assert not cued({"listed": 1.0, "repeated": 1.0, "status_planned": 1.0, "kind_country": 1.0})


def test_italian_title_and_cancelled_stop(extractor: Extractor) -> None:
    text = (
        "Il presidente del Consiglio Marco Bianchi è arrivato lunedì a Nairobi per una visita di due giorni. "
        "Una tappa prevista a Kigali è stata annullata."
    )
    it = extract(text, published=TUESDAY, extractor=extractor)
    assert [t.traveller for t in it.trips] == ["Marco Bianchi"]
    stops = {s.resolved.name: s.status for _, _, s in it.stops() if s.resolved}
    assert stops == {"Nairobi": Status.CONFIRMED, "Kigali": Status.CANCELLED}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "BEIJING, Sept 14 (Reuters) - The Chinese president Li Wei arrived in Kazakhstan on Wednesday, "
            "state media reported.",
            {"Kazakhstan"},
        ),
        (
            "NEW YORK/NEW DELHI, June 20 (Reuters) - The Indian prime minister Raj Kumar arrived in New York "
            "on Tuesday for a state visit.",
            {"New York City"},
        ),
    ],
)
def test_a_dateline_elsewhere_is_the_reporters_city(
    text: str, expected: set[str], extractor: Extractor
) -> None:
    assert set(_stops("Headline of the story\n" + text, "en", dt.date(2022, 9, 14), extractor)) == expected


@pytest.mark.parametrize(
    ("lang", "text", "attached"),
    [
        ("en", "The minister spoke of the explosion in Gaza on Tuesday.", True),
        ("en", "The minister arrived in Gaza on Tuesday.", False),
        ("de", "Seit den Kampfhandlungen in der Ukraine reist er selten.", True),
        ("de", "Sie ist am Montag in Tokio gelandet.", False),
        ("de", "Der Besuch in Tokio dauert zwei Tage.", False),
    ],
)
def test_a_preposition_that_belongs_to_a_noun(
    lang: str, text: str, attached: bool, extractor: Extractor
) -> None:
    drafts = extractor.analyse(Article(text=text, language=lang, published=TUESDAY)).candidates
    assert drafts and all(d.features["noun_attached"] == float(attached) for d in drafts)


THURSDAY_NOV = dt.date(2026, 11, 26)


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("fr", "La ministre est arrivée mardi à Nairobi pour une visite de deux jours.", "Nairobi"),
        ("fr", "Le président sénégalais est arrivé mardi soir à Bamako.", "Bamako"),
        ("it", "La ministra è arrivata martedì a Nairobi per una visita di due giorni.", "Nairobi"),
        ("en", "The minister arrived in Nairobi on Tuesday for a two-day visit.", "Nairobi"),
    ],
)
def test_a_perfect_built_with_to_be_is_past(lang: str, text: str, place: str, extractor: Extractor) -> None:
    """ "est arrivée mardi" happened (the Tuesday before Thursday 26 November), though a tagger may
    read "est arrivée" as a passive."""
    stops = _stops(text, lang, THURSDAY_NOV, extractor)
    status, date = stops[place]
    assert status is Status.CONFIRMED and date.startswith("2026-11-24"), stops


@pytest.mark.parametrize(
    ("lang", "text", "kept", "cancelled"),
    [
        (
            "fr",
            "Il doit ensuite se rendre à Kigali jeudi, mais son escale prévue à Addis-Abeba a été annulée.",
            "Kigali",
            "Addis Ababa",
        ),
        (
            "en",
            "She will travel on to Kigali on Friday, but her planned stop in Addis Ababa was called off.",
            "Kigali",
            "Addis Ababa",
        ),
        (
            "es",
            "Viajará a Kigali el viernes, pero su escala prevista en Adís Abeba fue cancelada.",
            "Kigali",
            "Addis Ababa",
        ),
    ],
)
def test_a_cancellation_stays_with_its_own_place(
    lang: str, text: str, kept: str, cancelled: str, extractor: Extractor
) -> None:
    """The cancellation after the second place is that place's, not the first's."""
    stops = _stops(text, lang, THURSDAY_NOV, extractor)
    assert stops[kept][0] is Status.PLANNED, stops
    assert stops[cancelled][0] is Status.CANCELLED, stops


@pytest.mark.parametrize(
    ("lang", "text", "city"),
    [
        ("en", "The chancellor arrived in Kiev on Monday.", "Kyiv"),
        ("it", "La ministra è arrivata lunedì a Kiev.", "Kyiv"),
        ("ru", "Министр прилетел в Астану в понедельник.", "Astana"),
    ],
)
def test_a_capital_that_is_also_its_province_is_the_city(
    lang: str, text: str, city: str, extractor: Extractor
) -> None:
    """News names the city, not the same-named province of no population around it."""
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    kinds = {s.resolved.name: s.resolved.kind for _, _, s in it.stops() if s.resolved}
    assert kinds.get(city) == "city", kinds


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("fr", "Le ministre se rendra jeudi à Goma, dans l'Est, pour rencontrer des déplacés.", "Goma"),
        (
            "en",
            "The minister will travel on Thursday to Goma, in the East, to meet displaced families.",
            "Goma",
        ),
    ],
)
def test_a_region_of_another_country_is_no_hint(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    """ "dans l'Est" may be the name of some country's region: it qualifies Goma only if it is
    Congo's (a hint constrains the stop's resolution)."""
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    found = {s.resolved.name: s.resolved.country_code for _, _, s in it.stops() if s.resolved}
    assert found.get(place) == "CD", found


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("es", "El presidente fue recibido el martes en Lima por su homólogo.", "Lima"),
        ("pt", "O presidente foi recebido na terça-feira em Luanda pelo seu homólogo.", "Luanda"),
    ],
)
def test_an_irregular_preterite_is_past(lang: str, text: str, place: str, extractor: Extractor) -> None:
    """ "fue recibido el martes", "foi recebido na terça-feira": the Tuesday before (Thursday 26 November)."""
    status, date = _stops(text, lang, THURSDAY_NOV, extractor)[place]
    assert status is Status.CONFIRMED and date == "2026-11-24", (status, date)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Il premier è arrivato martedì a Irpin e nel pomeriggio è volato a Kiev.", "it"),
        ("Der Kanzler besuchte am Dienstag Irpin und reiste am Nachmittag nach Kiew weiter.", "de"),
        ("Le président s'est rendu mardi à Irpin, puis à Kiev, où il a rencontré Zelensky.", "fr"),
    ],
)
def test_two_towns_near_each_other_are_two_stops(text: str, lang: str, extractor: Extractor) -> None:
    # Irpin lies about 20 km from Kyiv: near enough for "a city and its airport", but each town
    # named under its own name is a stop of its own (only a landmark merges into its city)
    stops = _stops(text, lang, TUESDAY, extractor)
    assert {"Irpin", "Kyiv"} <= set(stops)


@pytest.mark.parametrize(
    ("text", "place", "status"),
    [
        # volare, rientrare, proseguire: Italian travel verbs
        ("Il presidente è volato lunedì a Nairobi per colloqui con il governo.", "Nairobi", Status.CONFIRMED),
        ("La premier rientrerà a Roma in nottata.", "Rome", Status.PLANNED),
        ("Mercoledì la delegazione proseguirà per Addis Abeba.", "Addis Ababa", Status.PLANNED),
        ("Nel pomeriggio il premier ha raggiunto Kiev in treno.", "Kyiv", Status.CONFIRMED),
    ],
)
def test_italian_travel_verbs(text: str, place: str, status: Status, extractor: Extractor) -> None:
    stops = _stops(text, "it", TUESDAY, extractor)
    assert stops[place][0] is status


@pytest.mark.parametrize(
    ("text", "lang", "place", "name_word"),
    [
        (
            "Viajam com o primeiro-ministro os ministros Augusto Santos Silva e Capoulas Santos, "
            "que ficam em Luanda até quarta-feira.",
            "pt",
            "Luanda",
            "Santos",
        ),
        (
            "Viajan con el presidente a Lima los ministros Augusto Santos Silva y Capoulas Santos.",
            "es",
            "Lima",
            "Santos",
        ),
        (
            "Mit der Kanzlerin reisten die Minister Paul Essen Weber und Anna Lobo nach Accra.",
            "de",
            "Accra",
            "Essen",
        ),
    ],
)
def test_a_word_of_a_longer_name_is_no_place(
    text: str, lang: str, place: str, name_word: str, extractor: Extractor
) -> None:
    # a one-word place with a capitalised word beside it that is no place runs into a name
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    names = {str(s.place) for _, _, s in it.stops()} | {
        s.resolved.name for _, _, s in it.stops() if s.resolved
    }
    assert place in names or any(place in n for n in names)
    assert name_word not in names


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        # a place noun before the name (capitalised in German) and a place beside a place stay places
        ("Der Kanzler reiste am Montag in die Hauptstadt Nairobi.", "de", "Nairobi"),
        ("O presidente chegou segunda-feira a Luanda e seguiu para Benguela.", "pt", "Benguela"),
    ],
)
def test_a_place_beside_a_place_noun_is_still_a_place(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert place in _stops(text, lang, TUESDAY, extractor)


@pytest.mark.parametrize(
    ("text", "lang", "home", "abroad"),
    [
        (
            "Indian Prime Minister Narendra Modi arrived in New York on Tuesday. "
            "He will fly back to New Delhi on Friday.",
            "en",
            "New Delhi",
            "New York",
        ),
        (
            "Le Premier ministre indien Narendra Modi est arrivé mardi à New York. "
            "Il rentrera vendredi à New Delhi.",
            "fr",
            "New Delhi",
            "New York",
        ),
        (
            "Президент России Владимир Путин прибыл во вторник в Пекин. Затем он вернется в Москву.",
            "ru",
            "Москву",
            "Пекин",
        ),
    ],
)
def test_the_travellers_home_capital_is_marked(
    text: str, lang: str, home: str, abroad: str, extractor: Extractor
) -> None:
    # the country of the traveller's title (a demonym or a country's name before the name) makes
    # its capital "home" for the stop model: where the trip starts and ends, not a stop abroad
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    by_text = {c.place.text: c.features["home"] for c in doc.candidates}
    assert by_text[home] == 1.0
    assert by_text[abroad] == 0.0


@pytest.mark.parametrize(
    ("text", "lang", "call"),
    [
        ("Biden spoke by phone with Macron on Tuesday about the war in Ukraine.", "en", True),
        ("Biden arrived in Paris on Tuesday for talks with Macron about Ukraine.", "en", False),
        ("Telefonata tra Meloni e Macron martedì sulla guerra in Ucraina.", "it", True),
        ("Meloni è arrivata martedì a Parigi per colloqui con Macron sull'Ucraina.", "it", False),
        ("Lula e Zelensky conversaram por videoconferência sobre a guerra na Ucrânia.", "pt", True),
        ("Путин провел телефонный разговор с Эрдоганом о ситуации в Сирии.", "ru", True),
    ],
)
def test_an_article_opening_on_a_call_is_marked(
    text: str, lang: str, call: bool, extractor: Extractor
) -> None:
    # a telephone or video call: nobody travels, and the stop model reads it from every candidate
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    assert doc.candidates
    assert {c.features["call_article"] for c in doc.candidates} == {float(call)}


@pytest.mark.parametrize(
    ("text", "lang", "place", "stop"),
    [
        # the host is at home where it hosts; the guest of a passive is on a trip
        (
            "Chancellor Merz hosted the Nordic leaders in Berlin on Monday for talks on energy.",
            "en",
            "Berlin",
            False,
        ),
        (
            "The president was hosted by King Charles at Windsor Castle on Monday.",
            "en",
            "Windsor Castle",
            True,
        ),
        (
            "Emmanuel Macron a accueilli lundi à Paris un sommet des dirigeants européens.",
            "fr",
            "Paris",
            False,
        ),
        ("Le président a été accueilli lundi à Dakar par son homologue sénégalais.", "fr", "Dakar", True),
        (
            "Der Kanzler empfing am Montag in Berlin die Regierungschefs der nordischen Länder.",
            "de",
            "Berlin",
            False,
        ),
        ("El presidente acogió el lunes en Madrid una cumbre de líderes europeos.", "es", "Madrid", False),
    ],
)
def test_the_host_is_at_home(text: str, lang: str, place: str, stop: bool, extractor: Extractor) -> None:
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    names = {str(s.place) for _, _, s in it.stops()}
    assert (place in names) is stop


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        # the dateline's place is a mention whatever the recogniser tags words in capitals as
        ("NAIROBI (Reuters) - Lula opened talks with his Kenyan counterpart on Tuesday.", "en", "Nairobi"),
        (
            "ULAN BATOR /Mongolia/, November 24. /TASS/. Putin has held talks with the Mongolian leadership.",
            "en",
            "Ulan Bator",
        ),
        ("GUADALAJARA, 3 mars (AFP) - Le président a inauguré mardi une usine.", "fr", "Guadalajara"),
        ("АСТАНА, 14 октября. /ТАСС/. Президент провел переговоры с президентом Казахстана.", "ru", "Astana"),
    ],
)
def test_the_datelines_place_is_a_candidate(text: str, lang: str, place: str, extractor: Extractor) -> None:
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    first = [c for c in doc.candidates if c.place.start == 0]
    assert first and first[0].place.record is not None and first[0].place.record.name == place
    assert first[0].features["dateline"] == 1.0


@pytest.mark.parametrize(
    ("text", "lang", "stop", "metonym"),
    [
        (
            "The chancellor arrived in Kyiv on Monday for a two-day visit. "
            "Moscow criticised the visit on Tuesday.",
            "en",
            "Kyiv",
            "Moscow",
        ),
        (
            "Le chancelier est arrivé lundi à Kiev pour une visite de deux jours. "
            "Moscou a critiqué mardi cette visite.",
            "fr",
            "Kyiv",
            "Moscow",
        ),
        (
            "Канцлер прибыл в понедельник в Киев с двухдневным визитом. "
            "Москва раскритиковала во вторник этот визит.",
            "ru",
            "Kyiv",
            "Moscow",
        ),
    ],
)
def test_a_bare_place_that_speaks_is_its_government(
    text: str, lang: str, stop: str, metonym: str, extractor: Extractor
) -> None:
    stops = _stops(text, lang, TUESDAY, extractor)
    assert stop in stops
    assert metonym not in stops


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        # a time between a visit verb and its place does not part them
        ("Der Kanzler besuchte am Dienstag Irpin und reiste dann nach Kiew weiter.", "de", "Irpin"),
        ("El rey visitó el martes Cartagena de Indias.", "es", "Cartagena"),
    ],
)
def test_a_time_between_visit_verb_and_place(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert place in _stops(text, lang, TUESDAY, extractor)


@pytest.mark.parametrize(
    ("text", "lang", "place", "stop"),
    [
        # a landmark after a locative preposition, in a sentence where someone is received (passive)
        (
            "Italian Prime Minister Giorgia Meloni was received at the Elysee Palace on Tuesday.",
            "en",
            "Elysee",
            True,
        ),
        ("Le président sénégalais a été reçu mardi au Kremlin par Vladimir Poutine.", "fr", "Kremlin", True),
        ("The cosmonauts were received at the Baikonur Cosmodrome on Monday.", "en", "Baikonur", True),
        ("Президент Лаоса был принят в среду в Кремле.", "ru", "Кремле", True),
        ("El presidente fue recibido el martes en el Palacio de La Moneda.", "es", "Moneda", True),
        # the active voice: the subject receives at home, the host (no rule stop by this rule)
        ("В Кремле в среду Путин принял президента Лаоса.", "ru", "Кремле", False),
        (
            "Sheinbaum recibió el lunes en Palacio Nacional a los gobernadores.",
            "es",
            "Palacio Nacional",
            False,
        ),
        # a city after the same words may be where the host is: no rule stop by this rule
        ("Macron a reçu mardi à Paris le président sénégalais.", "fr", "Paris", False),
        # a landmark that is no place where anyone is: the seat of government speaking
        ("The Kremlin received the letter on Tuesday, a spokesman said.", "en", "Kremlin", False),
    ],
)
def test_a_landmark_where_someone_is_received_is_a_rule_stop(
    text: str, lang: str, place: str, stop: bool, extractor: Extractor
) -> None:
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    rules = [c.features["rule"] for c in doc.candidates if place in c.place.text]
    assert rules == [1.0] if stop else rules in ([], [0.0])


@pytest.mark.parametrize(
    ("text", "lang", "place", "landmark"),
    [
        # a landmark in a city is named by the city and stays pinned at the landmark
        (
            "Le président sénégalais a été reçu mardi au Kremlin par Vladimir Poutine.",
            "fr",
            "Moscow",
            "Moscow Kremlin",
        ),
        (
            "Lula fue recibido el martes en el Palacio de La Moneda por el presidente.",
            "es",
            "Santiago",
            "Palacio de La Moneda",
        ),
        # ... unless the article names it by its town
        ("Putin arrived at the Baikonur Cosmodrome on Monday.", "en", "Baikonur", "Baikonur Cosmodrome"),
    ],
)
def test_a_landmark_stop_is_named_by_its_city(
    text: str, lang: str, place: str, landmark: str, extractor: Extractor
) -> None:
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    got = {(s.place, s.resolved.name if s.resolved else None) for _, _, s in it.stops()}
    assert (place, landmark) in got


@pytest.mark.parametrize(
    ("text", "lang", "place", "city"),
    [
        # a country most of whose people live in its one city is a place like a city
        ("Sheinbaum fue recibida el lunes en el Vaticano por el papa.", "es", "Vaticano", True),
        ("Le prince est arrivé lundi à Monaco.", "fr", "Monaco", True),
        ("Der Präsident ist am Montag in Singapur eingetroffen.", "de", "Singapur", True),
        ("Le président est arrivé lundi au Mexique.", "fr", "Mexique", False),
        ("El presidente llegó el lunes a Luxemburgo.", "es", "Luxemburgo", False),
    ],
)
def test_a_city_state_is_a_place_like_a_city(
    text: str, lang: str, place: str, city: bool, extractor: Extractor
) -> None:
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    (c,) = [c for c in doc.candidates if c.place.text == place]
    assert c.features["kind_city"] == float(city)
    assert c.features["kind_country"] == float(not city)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # an adjective inside a German name is inflected: its nominative is the gazetteer's form
        ("Die Ministerin ist am Montag in den Vereinigten Staaten eingetroffen.", "United States"),
        ("Der Kanzler ist am Montag im Weißen Haus eingetroffen.", "White House"),
    ],
)
def test_an_inflected_adjective_in_a_german_name(text: str, place: str, extractor: Extractor) -> None:
    assert place in _stops(text, "de", TUESDAY, extractor)
