"""Every window, threshold and distance of the extractor, in one place.

Each field says its unit, shows an example, and names what set it: ``bench`` is
``benchmarks/bench_extract.py`` on the open development articles (see ``benchmarks/extract_split.json``),
``rule tests`` the sentences of ``tests/extract`` written for the suite. The stop model's own
thresholds (probability to keep a candidate, probability under which a stop needs review) live in
the model file with its weights (:class:`itinerary.extract.scoring.Thresholds`).

The extractor reads one :class:`Tuning` (``Context.tuning``); :data:`TUNING` is the shipped one.
Nothing in ``itinerary/extract`` outside this module and the language packs writes a number
other than 0, 1 or 2.
"""

from __future__ import annotations

from dataclasses import dataclass

from itinerary.coords import SAME_CITY_KM


@dataclass(frozen=True)
class Tuning:
    """The extractor's windows (characters, words or tokens), sizes and distances."""

    # --- the article (article.py)
    #: characters at most of a first paragraph read as the headline that names a draft - rule tests
    headline_max_chars: int = 160

    # --- place mentions (steps/places.py)
    #: people: a town of fewer inhabitants is a place only where the recogniser saw one
    #: ("Gao" is found by the gazetteer scan; "Wie" (a village) is not) - bench
    min_city_population: int = 50_000
    #: a country is a city-state when this share of its people live in the city at its point ...
    city_state_share: float = 0.5
    #: ... this close to it (km)
    city_state_km: float = 5.0
    #: a landmark stop is named by the most populous city of at least ``landmark_city_population``
    #: people this close to it (km; the Kremlin by Moscow), else by its own name (an airport out of
    #: town, Windsor Castle beside Slough)
    landmark_city_km: float = 15.0
    landmark_city_population: int = 500_000
    #: ... unless the article named it by a town this close to it (km; "Baikonur cosmodrome")
    landmark_town_km: float = 50.0
    #: how many of the nearest cities are weighed for it (a capital's districts come first)
    landmark_city_near: int = 200
    #: an airport or station farther out of town stands for the nearest city of
    #: ``landmark_city_population`` people or more in its country this close to it (km; Sheremetyevo
    #: and Vnukovo for Moscow at 28 km, Fiumicino for Rome, Domodedovo at 42 km), its stop that
    #: city's (a cosmodrome or a castle out of town stays itself) - rule tests
    landmark_airport_km: float = 50.0
    #: ... among this many nearest cities (the suburbs of a capital are many)
    landmark_airport_near: int = 400
    #: people: under this, not even a recognised place ("Strand") - rule tests
    min_town_population: int = 1_000
    #: kilometres at most between a small town after a preposition and a city or landmark of the
    #: article in its country, for the town to be a place in that context - rule tests
    town_context_km: float = 100.0
    #: words at most between two place names for a locating phrase ending there to tie the second to
    #: the first ("Potsdam, some 30 km south-west of Berlin") - rule tests
    locating_gap_words: int = 6
    #: people: a one-word "person" that names a place this large is a place ("VLADIVOSTOK") - bench
    place_not_person_population: int = 100_000
    #: zipf frequency (wordfreq, lower-case) from which a one-word name that is no country and no
    #: city of ``place_not_person_population`` people is the language's common word ("Parlamento",
    #: "República"; the Kremlin, 3.4-4.2, and Moncloa, 3.4, stay names) - rule tests
    common_word_zipf: float = 4.4
    #: zipf frequency from which a word opening a sentence before another name's surname is a word
    #: of the language, not a given name ("Кортеж Путина", 3.2; "Самолет", 4.7) - rule tests
    opener_word_zipf: float = 3.0
    #: km at most between a region of no population and the large city of its name that news means
    #: ("Kiev": the city, not the province) - rule tests
    region_city_km: float = 100.0
    #: gazetteer candidates read per mention - bench
    candidates_per_mention: int = 3
    #: gazetteer candidates read when a name is re-read in the article's country ("Belém": the
    #: Lisbon one is the fourth) - rule tests
    country_candidates: int = 8
    #: mentions of one country from which it is the country the article is about - rule tests
    article_country_min: int = 3
    #: other places of a country from which a name read elsewhere is re-read there when the
    #: geocoder, with the article's places as context, ranks it there ("Córdoba" after Sevilla
    #: and Málaga) - rule tests
    context_country_min: int = 2
    #: geocoder confidence from which a city names its country for that re-reading (a shared
    #: name read in the same wrong country does not: "León" and "Granada" in Nicaragua) - rule tests
    context_named_confidence: float = 0.8
    #: characters of a key under which a fuzzy match (a typo) is refused ("Kimsomolsk" has 10) - bench
    typo_min_key: int = 7
    #: name similarity a typo of a country or region needs (0-1) - rule tests
    typo_min_score_area: float = 0.95
    #: name similarity a typo of a city needs (0-1): "Kimsomolsk-sur-l'Amour" - rule tests
    typo_min_score_city: float = 0.9
    #: letters of an all-capital word read as an acronym, not a place ("PCF", "FCO") - bench
    acronym_max: int = 3
    #: capitalised words in one gazetteer-scan window ("Papouasie Nouvelle Guinée": 3) - bench
    scan_max_words: int = 5
    #: tokens before a name scanned for kind words ("spatioport de Vostochny") - rule tests
    kind_words_before: int = 4
    #: tokens after an organisation read for a kind word ("Khasan train station") - rule tests
    kind_words_after: int = 3
    #: letters of an adjective ending that makes a capitalised word part of a name ("-ischen") - rule tests
    adjective_name_min: int = 4
    #: characters before a place read for an outlet word ("l'agence TASS") - rule tests
    outlet_window: int = 40
    #: words before a place read for an outlet word - rule tests
    outlet_words: int = 3

    # --- persons and travellers (steps/persons.py)
    #: words at most between an unrecognised name and the travel word it is the subject of
    #: ("Xi Jinping reiste") - rule tests
    subject_travel_words: int = 6
    #: words at most between an unrecognised name's comma and the title in apposition to it - rule tests
    apposed_title_words: int = 3
    #: letters at most of a particle inside a known name ("Lula da Silva", "Mohammed bin Salman") - rule tests
    name_particle_max: int = 3
    #: tokens at most of a known name - rule tests
    known_name_tokens: int = 6
    #: letters at least of a one-word known name read alone ("Xi" is too short to tell) - rule tests
    known_word_min: int = 4
    #: capitalised words after a title that form a name ("président Emmanuel Macron") - rule tests
    name_max_words: int = 3
    #: letters a word of a known name needs to be looked for in case forms ("Путина") - rule tests
    name_word_min: int = 3
    #: characters before a name read for its title phrase ("le dirigeant nord-coréen") - bench
    title_window: int = 60
    #: words of a title phrase at most, and at least - bench
    title_max_words: int = 3
    title_min_words: int = 2
    #: characters before a person read for "with" or a meeting verb ("avec le président") - rule tests
    companion_window: int = 40
    #: characters between two names of one list: ", " or " and " (the list of a subject, titles
    #: and countries included, may take ``companion_window``) - rule tests
    list_name_gap: int = 8
    #: words before a person read for "accompanied by" and a title ("accompagné de la ministre") - rule tests
    accompanied_words: int = 5
    #: characters before a person read for the title that "accompanied by" precedes, and the words
    #: of its portfolio at most ("accompagné du ministre de l'Europe et des Affaires étrangères X")
    #: - rule tests
    companion_title_window: int = 120
    companion_portfolio_words: int = 8
    #: letters of the shortest title that ends a compound title ("Bundespräsident") - rule tests
    compound_title_min: int = 6
    #: words between the agent of a passive and the name ("dal primo ministro") - rule tests
    agent_gap_words: int = 3
    #: words before a person read for the "with" of a list of persons met ("mit Xi und
    #: Ministerpräsident Li") - rule tests
    met_list_words: int = 8
    #: capitalised words of a portfolio after a title ("ministro das Relações Exteriores") - rule tests
    portfolio_words: int = 3
    #: characters and words before a person read for the country of their title ("Russian
    #: President", "Президент России", "O Presidente do Ruanda,") - bench
    home_window: int = 60
    home_words: int = 6
    #: letters of a title word read also as the stem of its inflected forms ("президентом") when
    #: a demonym beside it names an office holder's country ("кенийским президентом") - rule tests
    title_stem_min: int = 6
    #: the first sentences of an article read for a telephone or video call (headline, lede) - bench
    call_sentences: int = 3
    #: the first sentences of an article (headline, lede): a call article without a trip in them
    #: reports the call - bench
    lede_sentences: int = 3
    #: characters after a travel noun where its person may stand ("la visite du pape François") - rule tests
    travel_noun_window: int = 30
    #: characters at most between a travel noun and that person - rule tests
    travel_noun_gap: int = 12

    # --- roles, lists, hints (steps/roles.py)
    #: characters before a place read for a multi-word direction ("en direction de") - rule tests
    role_tail: int = 30
    #: characters before a place read for a visit verb or place noun ("visited the capital") - rule tests
    verb_window: int = 80
    #: words before a place read for a visit verb - rule tests
    verb_words: int = 6
    #: letters at most of a preposition before a time word between a visit verb and its place
    #: ("am Dienstag", "on Monday", "el lunes") - rule tests
    time_preposition: int = 3
    #: words before a kind word read for a preposition ("à l'aéroport international de Conakry") - rule tests
    kind_reach: int = 3
    #: words before a meeting verb searched for a passive auxiliary ("was received", "a été reçu")
    passive_words: int = 3
    #: characters from a verb of receiving to the guest it names and to the place where it receives
    #: ("a reçu lundi à Alger la présidente du Conseil italien Giorgia Meloni") - rule tests
    guest_window: int = 100
    #: place nouns and adjectives skipped between a preposition and a name - rule tests
    place_noun_skip: int = 3
    #: characters before a place read for the word before it - rule tests
    word_before_window: int = 60
    #: characters and words before a place read for a stop noun ("Erste Station ist") - rule tests
    stop_noun_window: int = 90
    stop_noun_words: int = 8
    #: characters at most between two items of a list ("Accra, Lomé et Cotonou") - rule tests
    list_gap: int = 25
    #: characters before a list read for its colon - rule tests
    colon_window: int = 30
    #: words at most between a travel word and a place after it / before it - bench
    travel_before_words: int = 15
    travel_after_words: int = 6
    #: characters after a place read for a speech verb ("Moscow said") - rule tests
    speech_window: int = 40
    #: words after a place in which a speech verb makes it a speaker - rule tests
    speech_words: int = 2
    #: negations and auxiliaries skipped between a place and its speech verb ("has not yet") - rule tests
    speech_skip: int = 3
    #: words after a bare place, in its clause, in which a participle of telling makes it told
    #: ("Moscow had been told", "Berlin wurde vorab über die Reise informiert") - rule tests
    told_words: int = 6
    #: the last words of a clause whose verb ends it that may hold its speech verb: a participle
    #: with its auxiliaries ("verurteilt hatte", "kritisiert worden war")
    clause_end_words: int = 3
    #: words at most before a partner preposition in which a noun or participle of consulting
    #: makes its place a partner ("talks with Moscow", "had been coordinated with Berlin") - rule
    #: tests
    partner_words: int = 3
    #: words at most after a place to the end of its clause for a word of plan there to speak of
    #: it ("Kanzler in Ottawa erwartet", "Visite à Rabat prévue") - rule tests
    plan_after_words: int = 2
    #: words at most after a place that a travel noun before it heads ("the visit to Quito is
    #: planned for April", "Визит в Кито запланирован на апрель"), the words of a date not counted,
    #: for a word of plan closing the clause to make the trip planned - rule tests
    plan_after_noun_words: int = 4
    #: words at most of a trailing attribution after a sentence's last comma (", the Foreign Office
    #: said on Monday"), a clause of its own - rule tests
    attribution_words: int = 8
    #: words at most between a negation and the place its verb leads to ("did not travel to",
    #: "non si è recato a") for the trip to be negated - rule tests
    negation_reach: int = 4
    #: time words ("on Sunday", "am Sonntag") skipped between a place and its speech verb - rule tests
    speech_time_skip: int = 3
    #: km within which a stop of the lede is the dateline's own place (its airport, a district) - rule tests
    dateline_same_km: float = 40.0
    #: characters at most between a place and a past year or date beside it ("Osaka in 2019") - rule tests
    past_window: int = 30
    #: words opening a clause (no determiners) where a travel noun is the subject of a verb of
    #: talking ("The visit was not discussed in", "Über die Reise wurde in") - rule tests
    talk_opening_words: int = 3
    #: words a possessive's title may stand after it ("his new foreign minister") - rule tests
    owned_title_gap: int = 3
    #: days before publication after which a date beside a place is another time than the trip's - rule tests
    past_days: int = 45
    #: characters at most between a place and the country that qualifies it ("Amman, Jordan") - rule tests
    hint_country_gap: int = 40
    #: characters at most between a place and the region that qualifies it - rule tests
    hint_region_gap: int = 80
    #: tokens walked up the parse from a place to its verb - rule tests
    parse_walk: int = 12
    #: tokens after a verb read for its separable particle ("reist ... weiter") - rule tests
    particle_window: int = 16
    #: words of a date at most between a verb of travel and its preposition ("andrà venerdì a") - rule tests
    travel_gap_words: int = 3
    #: first words of the next sentence that hold the trip it calls off ("Die Reise wurde ...") - rule tests
    called_off_subject_words: int = 3
    #: letters a compound needs before its travel head ("Ostafrikareise") - rule tests
    compound_min_stem: int = 3
    #: letters a mode noun needs to end a compound ("Regierungsflugzeug"; not "zug" of "Anzug") - rule tests
    mode_head_min: int = 4
    #: characters at most between a stop's place and the word of its means of travel ("arrived in
    #: Vladivostok on Tuesday aboard his armoured train") - rule tests
    mode_window: int = 60

    # --- dates (steps/dates.py, steps/clauses.py)
    #: characters before a relative-day word read for a time of day ("de la mañana") - rule tests
    time_of_day_window: int = 12
    #: clause marks read per sentence (a run of hundreds is no prose) - hostile-input probe
    max_clauses: int = 24
    #: days at most from a stop's date to its "until" date - rule tests
    until_max_days: int = 31
    #: days at most of a stay made of several dates of one stop - rule tests
    stay_max_days: int = 14
    #: characters at most between a stated visit length and the country it belongs to - rule tests
    area_after_length: int = 12
    #: characters at most between a date and a place beside it ("3 juin en Guinée") - rule tests
    date_beside: int = 6
    #: days before publication after which a visit is background, not this trip - bench
    background_days: int = 365
    #: days at most between a city's date and its country's for the stay to go on - rule tests
    country_stay_days: int = 2
    #: days at most from the day the news finds the traveller at a stop to the day the next
    #: planned leg begins, for the stay to last until then - bench (open articles)
    stay_until_leg_days: int = 1
    #: days at most from an arrival told without its place ("era arrivato ieri") to the day the
    #: news finds the traveller at a stop, for that stay to begin on the arrival - bench (open)
    arrival_before_days: int = 1
    #: letters a place name needs to be looked for by its stem in a sentence that inflects it
    #: ("в Ригу" for Riga; the stem drops two letters) - rule tests (completion._find_name)
    stem_min_letters: int = 5
    #: letters at most of each word before a date that opens a sentence ("El martes", "Am
    #: Dienstag"): such a sentence opens with its date - rule tests (completion._about)
    date_lead_letters: int = 3
    #: words after an opening determiner read for a title of the traveller ("the president")
    title_words: int = 4
    #: letters a word needs for a plural ending to mark it a plural noun ("agricultores", not
    #: "es") - rule tests (completion._about)
    plural_min_letters: int = 4
    #: words at most between a participle qualifying a noun and a date it governs ("killed on
    #: Monday") - dates of other events (steps/dates.of_participle)
    participle_date_words: int = 2
    #: words at most between a preposition placing a time against an event and the event's date
    #: ("before the European summit on 15 July": 3) - rule tests (dates.DateFinder, Lexicon.event_times)
    event_date_words: int = 4
    #: days at most from a dateline's day to the publication for "today" to count from the
    #: dateline (the paper of the next morning) - rule tests (steps/dates.dateline_day)
    dateline_lag_days: int = 2
    #: words at most between a date and a complementizer that makes it the day of a telling
    #: ("confirmed on Monday that", "в понедельник подтвердил, что"), and between a word of
    #: choice after a date and a place that is the other choice ("on Friday or in Bergen") -
    #: rule tests (steps/dates.of_telling, steps/dates.offered_with_others)
    telling_words: int = 1

    # --- the scorer's features (features.py)
    #: characters at which a travel word no longer counts as close - bench
    travel_far: int = 200
    #: log10 of the population that counts as the largest (10 million) - bench
    population_log_max: int = 7
    #: characters of the first sentence read for the end of a dateline ("(Reuters) -") - rule tests
    dateline_window: int = 120
    #: characters after the first place read for a dateline's tail ("/Mongolia/, June 2.") - rule tests
    dateline_tail: int = 40
    #: characters at most before a dateline's place, and letters of a dateline word in capitals - rule tests
    dateline_start: int = 2
    dateline_caps: int = 3
    #: characters before a place read for a genitive preposition ("representatives of Brazil") - rule tests
    genitive_window: int = 30

    # --- the draft (assemble.py)
    #: gazetteer confidence under which a stop needs review (0-1) - bench
    place_review_below: float = 0.6
    #: characters of a stop's quote at most
    max_quote: int = 400
    #: km within which two cities are one place (a city and its airport)
    same_city_km: float = SAME_CITY_KM
    #: decimals of a stop's confidence and of a pinned point's coordinates (about 1 m)
    confidence_decimals: int = 3
    coordinate_decimals: int = 5

    # --- the learned date ranker's switch (benchmarks/train_extract_model.py)
    #: share of the labelled stops by which the ranker must beat the rules held out on all stops
    #: (a right date, or rightly none) to ship on: one stop of some 170 is within a fold's noise - bench
    date_ranker_margin: float = 0.01
    #: share of the stops the truth leaves undated that the ranker may date more than the rules
    #: do and still ship on (one such stop of some 30): each is a date the article never gave - bench
    date_ranker_undated_loss: float = 0.05


#: the shipped tuning
TUNING = Tuning()
