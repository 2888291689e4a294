"""Dates, rule by rule: weekdays read from the tense, one date per clause, ranges and lengths of
visits, phrases that count from another date, "until" dates, and no date the text does not give.

Every sentence here is written for these tests (no article text).
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from itinerary.extract.dates import DateFinder, DateHit, anchor, visit_days, visit_length
from itinerary.extract.lang import lexicon
from itinerary.model import Itinerary

TUESDAY = dt.date(2024, 10, 22)
THURSDAY = dt.date(2024, 10, 24)


def _find(lang: str, text: str, published: dt.date) -> list[DateHit]:
    return DateFinder(lexicon(lang)).find(text, published)


def _resolved(lang: str, sentences: list[str], published: dt.date, future: bool = False) -> list[list[str]]:
    """The dates of consecutive sentences, anchored phrases resolved."""
    hits = anchor([_find(lang, s, published) for s in sentences], published, [future] * len(sentences))
    return [[str(h.resolve(published, future=future)) for h in row] for row in hits]


def _table(it: Itinerary) -> dict[str, tuple[str, str]]:
    return {
        (s.resolved.name if s.resolved else s.place or ""): (s.status.value, str(s.date))
        for _, _, s in it.stops()
    }


# ---------------------------------------------------------------- ranges
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Il sera au Kenya du 12 au 15 mars.", "2024-03-12/2024-03-15"),
        ("es", "Estará en Rabat del 3 al 5 de julio.", "2024-07-03/2024-07-05"),
        ("de", "Er reist vom 3. bis 5. Juli durch Kenia.", "2024-07-03/2024-07-05"),
        ("en", "The summit runs from 12 to 15 March.", "2024-03-12/2024-03-15"),
        ("ru", "Визит продлится с 2 по 6 июля.", "2024-07-02/2024-07-06"),
        ("it", "Sarà a Roma dal 3 al 5 luglio.", "2024-07-03/2024-07-05"),
    ],
)
def test_ranges_of_days(lang: str, text: str, expected: str) -> None:
    (hit,) = _find(lang, text, dt.date(2024, 3, 1))
    assert str(hit.span) == expected


# ---------------------------------------------------------------- lengths of visits
@pytest.mark.parametrize(
    ("lang", "text", "days"),
    [
        ("en", "He is on a two-day state visit to the region.", 2),
        ("en", "She began a 3-day visit on Monday.", 3),
        ("fr", "une visite officielle de trois jours au Sénégal", 3),
        ("de", "Der Kanzler kommt zu einem viertägigen Besuch.", 4),
        ("de", "ein zweitägiger Staatsbesuch", 2),
        ("es", "una visita oficial de dos días", 2),
        ("ru", "Президент прибыл с трехдневным государственным визитом.", 3),
        ("it", "una visita di tre giorni", 3),
    ],
)
def test_visit_lengths(lang: str, text: str, days: int) -> None:
    assert visit_days(text, lexicon(lang)) == days


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The talks lasted five hours."),
        ("de", "Erste Station seiner dreitägigen Reise ist Usbekistan."),  # a trip of several stops
        ("fr", "Une tournée de cinq jours en Afrique."),
        ("es", "Una gira de siete días por Asia."),
    ],
)
def test_a_trip_or_hours_are_no_visit_length(lang: str, text: str) -> None:
    assert visit_length(text, lexicon(lang)) is None


# ---------------------------------------------------------------- phrases that count from a date
@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        ("en", "The president arrived in the capital on 4 June.", "The day after, he flew on."),
        ("en", "The president arrived in the capital on 4 June.", "The next day he flew on."),
        ("fr", "Le président est arrivé dans la capitale le 4 juin.", "Le lendemain, il est reparti."),
        ("de", "Der Präsident ist am 4. Juni in der Hauptstadt gelandet.", "Am Tag darauf reiste er weiter."),
        ("es", "El presidente llegó a la capital el 4 de junio.", "Al día siguiente viajó al norte."),
        ("ru", "Президент прибыл в столицу 4 июня.", "На следующий день он отправился дальше."),
        ("it", "Il presidente è arrivato nella capitale il 4 giugno.", "Il giorno dopo è ripartito."),
    ],
)
def test_the_day_after_counts_from_the_date_before_it(lang: str, first: str, second: str) -> None:
    assert _resolved(lang, [first, second], dt.date(2024, 6, 10)) == [["2024-06-04"], ["2024-06-05"]]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Il est arrivé à Lomé le 10 mai; la veille, il était à Accra."),
        ("ru", "Он прибыл в Ломе 10 мая, а накануне был в Аккре."),
        ("es", "Llegó a Lomé el 10 de mayo; el día anterior estuvo en Accra."),
        ("en", "He reached Lome on 10 May; the day before, he was in Accra."),
    ],
)
def test_the_day_before_counts_back_from_the_date_of_its_sentence(lang: str, text: str) -> None:
    assert _resolved(lang, [text], dt.date(2024, 5, 12)) == [["2024-05-10", "2024-05-09"]]


def test_without_a_date_before_them_they_count_from_the_publication() -> None:
    assert _resolved("es", ["El canciller arribó la víspera a Lima."], dt.date(2024, 6, 5)) == [
        ["2024-06-04"]
    ]
    assert _resolved("fr", ["Le lendemain, il rentrera."], dt.date(2024, 6, 5), True) == [["2024-06-06"]]
    # and "übermorgen" is always two days after the publication
    assert _resolved("de", ["Übermorgen reist er weiter."], dt.date(2024, 6, 5), True) == [["2024-06-07"]]


def test_the_eve_of_an_event_is_no_date() -> None:
    assert _find("fr", "Il est arrivé la veille du sommet.", dt.date(2024, 6, 5)) == []
    assert _find("en", "He left the day after the vote.", dt.date(2024, 6, 5)) == []


def test_a_date_two_sentences_back_is_not_the_anchor() -> None:
    rows = _resolved(
        "en", ["He landed on 4 June.", "Talks went well.", "The next day he left."], dt.date(2024, 6, 9)
    )
    assert rows == [["2024-06-04"], [], ["2024-06-10"]]  # counted from the publication date


# ---------------------------------------------------------------- until, bare days of the month
@pytest.mark.parametrize(
    ("lang", "text", "day"),
    [
        ("es", "una visita que se prolongará hasta el día 25", "2023-04-25"),
        ("fr", "Il restera à Dakar jusqu'au 15 mars.", "2023-03-15"),
        ("de", "Er bleibt bis zum 5. Mai in Kenia.", "2023-05-05"),
        ("en", "He stays in Lima until Saturday.", "2023-04-22"),
        ("ru", "Он пробудет в Пекине до 5 мая.", "2023-05-05"),
    ],
)
def test_until_marks_the_last_day_of_a_stay(lang: str, text: str, day: str) -> None:
    published = dt.date(2023, 4, 21)  # a Friday
    hits = _find(lang, text, published)
    assert [(h.until, str(h.resolve(published, future=True))) for h in hits] == [(True, day)]


def test_a_bare_day_of_the_month_is_in_the_month_nearest_the_publication() -> None:
    (hit,) = _find("es", "El acto está previsto el día 25.", dt.date(2023, 4, 21))
    assert str(hit.span) == "2023-04-25"
    (hit,) = _find("es", "Volverá el día 2.", dt.date(2023, 4, 28))
    assert str(hit.span) == "2023-05-02"
    (hit,) = _find("es", "Llegó el día 25 de abril.", dt.date(2023, 4, 28))  # a full date, read once
    assert str(hit.span) == "2023-04-25"


# ---------------------------------------------------------------- extraction: weekdays and tense
def test_weekday_in_a_past_clause_is_the_previous_one(extractor: Extractor) -> None:
    text = (
        "Bundeskanzler Scholz ist am Montag in Neu-Delhi eingetroffen. "
        "Am Dienstag reist er nach Goa weiter. "
        "Ein geplanter Abstecher nach Mumbai wurde abgesagt."
    )
    table = _table(extract(text, published=THURSDAY, language="de", extractor=extractor))
    assert table["New Delhi"] == ("confirmed", "2024-10-21")
    assert table["Goa"] == ("planned", "2024-10-29")


def test_weekday_in_a_present_clause_is_the_next_one(extractor: Extractor) -> None:
    text = "Bundeskanzler Scholz ist in Tokio gelandet. Am Mittwoch reist er nach Seoul weiter."
    table = _table(extract(text, published=TUESDAY, language="de", extractor=extractor))
    assert table["Seoul"] == ("planned", "2024-10-23")
    text = "President Jane Doe is expected in Johannesburg on Saturday."
    table = _table(extract(text, published=TUESDAY, language="en", extractor=extractor))
    assert table["Johannesburg"] == ("planned", "2024-10-26")


def test_a_date_ahead_in_an_infinitive_clause_is_planned(extractor: Extractor) -> None:
    text = "Le président Jean Martin est arrivé à Addis-Abeba, avant de rejoindre Djibouti le 15 mars."
    table = _table(extract(text, published=dt.date(2024, 3, 10), language="fr", extractor=extractor))
    assert table["Djibouti"] == ("planned", "2024-03-15")
    assert table["Addis Ababa"][0] == "confirmed"


# ---------------------------------------------------------------- extraction: one date per clause
def test_a_range_in_a_clause_without_a_place_is_not_given_to_another(extractor: Extractor) -> None:
    text = (
        "Le président Jean Martin, qui effectue du 1er au 3 mars une tournée régionale, "
        "est arrivé mardi à Dakar."
    )
    table = _table(extract(text, published=dt.date(2024, 3, 6), language="fr", extractor=extractor))
    assert table["Dakar"] == ("confirmed", "2024-03-05")


def test_a_where_clause_dates_the_place_before_it(extractor: Extractor) -> None:
    text = (
        "Minister Jane Doe landed in Lima on Monday, where she will open a trade fair on Wednesday "
        "before heading to Quito."
    )
    table = _table(extract(text, published=dt.date(2024, 6, 3), language="en", extractor=extractor))
    assert table["Lima"] == ("confirmed", "2024-06-03/2024-06-05")
    assert table["Quito"] == ("planned", "")


def test_dates_stay_in_their_clause(extractor: Extractor) -> None:
    text = "El canciller Juan Pérez llegó la víspera a Lima y este miércoles se reunirá con el presidente."
    table = _table(extract(text, published=dt.date(2024, 6, 5), language="es", extractor=extractor))
    assert table["Lima"] == ("confirmed", "2024-06-04/2024-06-05")


# ---------------------------------------------------------------- extraction: relative phrases, lengths
def test_the_next_day_follows_the_date_of_the_sentence_before(extractor: Extractor) -> None:
    text = "President Jane Doe arrived in Nairobi on 4 June. The next day, she travelled to Kampala."
    table = _table(extract(text, published=dt.date(2024, 6, 6), language="en", extractor=extractor))
    assert table["Nairobi"] == ("confirmed", "2024-06-04")
    assert table["Kampala"] == ("confirmed", "2024-06-05")
    text = "Президент Владимир Путин прибыл в Пекин 8 марта. На следующий день он посетил Харбин."
    table = _table(extract(text, published=dt.date(2024, 3, 10), language="ru", extractor=extractor))
    assert table["Harbin"] == ("confirmed", "2024-03-09")


@pytest.mark.parametrize(
    ("lang", "text", "published", "place", "expected"),
    [
        ("en", "Chancellor Max Muster arrived in Hanoi on Monday for a two-day visit.", "2024-06-03", "Hanoi",
         "2024-06-03/2024-06-04"),
        ("de", "Bundeskanzler Max Muster ist am Montag zu einem viertägigen Besuch in Nairobi eingetroffen.",
         "2024-06-04", "Nairobi", "2024-06-03/2024-06-06"),
        ("es", "El presidente Juan Pérez visitará Marruecos del 3 al 5 de julio.", "2024-07-01", "Morocco",
         "2024-07-03/2024-07-05"),
        ("es", "El presidente Juan Pérez llegó hoy a Lisboa en una visita que durará hasta el día 25.",
         "2023-04-21", "Lisbon", "2023-04-21/2023-04-25"),
    ],
)  # fmt: skip
def test_stays(extractor: Extractor, lang: str, text: str, published: str, place: str, expected: str) -> None:
    table = _table(
        extract(text, published=dt.date.fromisoformat(published), language=lang, extractor=extractor)
    )
    assert table[place][1] == expected


def test_no_date_where_the_article_gives_none(extractor: Extractor) -> None:
    text = "Minister Jane Doe will travel to Lima. She is also expected in Quito."
    table = _table(extract(text, published=TUESDAY, language="en", extractor=extractor))
    assert table == {"Lima": ("planned", ""), "Quito": ("planned", "")}


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("es", "El presidente Juan Pérez irá a un acto previsto el día 25, tras el cual viajará a Madrid.",
         "Madrid"),
        ("en", "Minister Jane Doe attends a ceremony on 25 April, after which she flies to Quito.", "Quito"),
    ],
)  # fmt: skip
def test_after_which_takes_the_day_of_the_clause_before(
    extractor: Extractor, lang: str, text: str, place: str
) -> None:
    table = _table(extract(text, published=dt.date(2023, 4, 21), language=lang, extractor=extractor))
    assert table[place] == ("planned", "2023-04-25")


def test_a_city_takes_the_day_of_its_country(extractor: Extractor) -> None:
    text = (
        "Papst Franziskus wird heute zu einem zweitägigen Besuch in Frankreich erwartet. "
        "Am Nachmittag landet er in Marseille."
    )
    table = _table(extract(text, published=dt.date(2023, 9, 22), language="de", extractor=extractor))
    assert table["Marseille"][1] == "2023-09-22/2023-09-23"
    text = "Pope Francis is expected in France today for a two-day visit. In the afternoon he lands in Nice."
    table = _table(extract(text, published=dt.date(2023, 9, 22), language="en", extractor=extractor))
    assert table["Nice"][1] == "2023-09-22/2023-09-23"  # the city's own day opens the country's stay
    text = "Le pape François est arrivé ce vendredi en France. Il se rendra à Marseille pour voir des jeunes."
    table = _table(extract(text, published=dt.date(2023, 9, 22), language="fr", extractor=extractor))
    assert table["Marseille"] == ("planned", "2023-09-22")


def test_weekday_and_time_of_day_in_one_german_word() -> None:
    (hit,) = _find("de", "Er fliegt am Mittwochmittag zurück.", THURSDAY)
    assert str(hit.resolve(THURSDAY, future=True)) == "2024-10-30"
    assert str(hit.resolve(THURSDAY, future=False)) == "2024-10-23"


def test_a_quotation_counts_its_days_from_the_day_it_was_said(extractor: Extractor) -> None:
    text = "„Die Reise wird morgen in Nairobi fortgesetzt“, hieß es am Mittwochabend aus Delegationskreisen."
    table = _table(extract(text, published=dt.date(2024, 1, 25), language="de", extractor=extractor))
    # said on Wednesday the 24th: "morgen" is Thursday the 25th, not the day after publication;
    # the Wednesday is the day of the telling, not of the trip still ahead
    assert table["Nairobi"][1] == "2024-01-25"


def test_a_weekday_after_before_points_forward(extractor: Extractor) -> None:
    text = (
        "President Jane Doe first met officials in Lima before travelling on to Quito for a summit "
        "Thursday with the president."
    )
    table = _table(extract(text, published=TUESDAY, language="en", extractor=extractor))
    assert table["Quito"][1] == "2024-10-24"


def test_text_before_a_quotation_is_no_quotation(extractor: Extractor) -> None:
    text = (
        "Minister Jane Doe told reporters in Lima on Monday “we will fly to Quito tomorrow” before the talks."
    )
    table = _table(extract(text, published=TUESDAY, language="en", extractor=extractor))
    # Monday in the past clause, not shifted by the quote (the stay lasts until the flight)
    assert table["Lima"][1] == "2024-10-21/2024-10-22"
    assert table["Quito"][1] == "2024-10-22"  # the quote's tomorrow: the day after Monday


def test_the_publication_dates_the_latest_stop_made_even_after_a_planned_one(extractor: Extractor) -> None:
    text = "In Quito, President Jane Doe will hold talks on 25 April. She has arrived in Lima."
    table = _table(extract(text, published=dt.date(2023, 4, 21), language="en", extractor=extractor))
    assert table["Quito"] == ("planned", "2023-04-25")
    assert table["Lima"] == ("confirmed", "2023-04-21")  # inferred, with a note saying so


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "O presidente chegou na terça-feira (24) a Luanda."),
        ("es", "El presidente llegó el martes (24) a Luanda."),
        ("en", "The president arrived in Luanda on Tuesday (24)."),
    ],
)
def test_a_weekday_with_its_day_in_brackets_is_that_day(lang: str, text: str) -> None:
    """ "terça-feira (22)", as Brazilian papers write: the day in brackets dates it."""
    (hit,) = _find(lang, text, dt.date(2026, 11, 26))
    assert hit.span is not None and str(hit.span) == "2026-11-24"


# ---------------------------------------------------------------- times of day, the same day
@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        ("de", "Der Präsident ist am 4. Juni in Lima gelandet.", "Am Abend flog er nach Quito weiter."),
        ("it", "Il presidente è arrivato a Lima il 4 giugno.", "In serata è ripartito per Quito."),
        ("fr", "Le président est arrivé à Lima le 4 juin.", "Dans la soirée, il est reparti pour Quito."),
        ("en", "The president arrived in Lima on 4 June.", "In the evening he flew on to Quito."),
        ("es", "El presidente llegó a Lima el 4 de junio.", "Por la noche viajó a Quito."),
        ("pt", "O presidente chegou a Lima em 4 de junho.", "À noite seguiu para Quito."),
        ("ru", "Президент прибыл в Лиму 4 июня.", "Вечером он вылетел в Кито."),
    ],
)
def test_a_time_of_day_alone_is_the_day_told_before_it(lang: str, first: str, second: str) -> None:
    assert _resolved(lang, [first, second], dt.date(2024, 6, 10)) == [["2024-06-04"], ["2024-06-04"]]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Noch am Nachmittag fliegt die Kanzlerin weiter nach Warschau."),
        ("it", "La premier rientrerà a Roma in nottata."),
        ("fr", "Il rentrera à Paris dans la soirée."),
    ],
)
def test_a_time_of_day_with_no_day_told_is_the_publication_day(lang: str, text: str) -> None:
    assert _resolved(lang, [text], dt.date(2024, 6, 5), True) == [["2024-06-05"]]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Утром в понедельник он вылетел в Кито."),
        ("ru", "В понедельник вечером он вылетел в Кито."),
        ("es", "El lunes por la tarde viajó a Quito."),
        ("de", "Er flog am Montag, am Abend, nach Quito."),
    ],
)
def test_a_time_of_day_beside_a_day_is_the_time_of_that_day(lang: str, text: str) -> None:
    published = dt.date(2024, 6, 5)  # a Wednesday
    assert _resolved(lang, [text], published) == [["2024-06-03"]]


@pytest.mark.parametrize(
    ("lang", "sentences"),
    [
        ("en", ["He landed in Lima on 4 June.", "Talks went well.", "The same day he flew on to Quito."]),
        ("fr", ["Il a atterri à Lima le 4 juin.", "Tout va bien.", "Le même jour, il est reparti."]),
        ("de", ["Er landete am 4. Juni in Lima.", "Alles lief gut.", "Am selben Tag flog er weiter."]),
        ("es", ["Llegó a Lima el 4 de junio.", "Todo fue bien.", "El mismo día viajó a Quito."]),
        ("it", ["È arrivato a Lima il 4 giugno.", "Tutto bene.", "Lo stesso giorno è ripartito."]),
        ("pt", ["Chegou a Lima em 4 de junho.", "Tudo correu bem.", "No mesmo dia seguiu para Quito."]),
        ("ru", ["Он прибыл в Лиму 4 июня.", "Переговоры прошли хорошо.", "В тот же день он вылетел в Кито."]),
    ],
)  # fmt: skip
def test_the_same_day_is_the_day_the_article_last_told(lang: str, sentences: list[str]) -> None:
    assert _resolved(lang, sentences, dt.date(2024, 6, 10)) == [["2024-06-04"], [], ["2024-06-04"]]


@pytest.mark.parametrize(
    ("lang", "sentences"),
    [
        ("en", ["He landed in Lima on 4 June.", "Talks went well.", "He spent the night in Cusco."]),
        ("fr", ["Il a atterri à Lima le 4 juin.", "Tout va bien.", "Il a passé la nuit à Cusco."]),
        ("es", ["Llegó a Lima el 4 de junio.", "Todo fue bien.", "La noche la pasó en Cusco."]),
        ("it", ["È arrivato a Lima il 4 giugno.", "Tutto bene.", "Ha passato la notte a Cusco."]),
        ("pt", ["Chegou a Lima em 4 de junho.", "Tudo correu bem.", "A noite foi passada em Cusco."]),
    ],
)  # fmt: skip
def test_the_night_is_that_of_the_day_the_article_last_told(lang: str, sentences: list[str]) -> None:
    assert _resolved(lang, sentences, dt.date(2024, 6, 10)) == [["2024-06-04"], [], ["2024-06-04"]]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "He spent the night of the vote in Cusco."),
        ("fr", "Le séisme a frappé dans la nuit de vendredi à samedi."),
    ],
)
def test_the_night_of_something_else_is_no_day_told(lang: str, text: str) -> None:
    assert [h for h in _find(lang, text, dt.date(2024, 6, 10)) if h.shift == 0] == []


# ---------------------------------------------------------------- dates of other events
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a participle qualifying a noun governs the date after it: the event of that noun
        ("en", "Minister Jane Doe arrived in Gao on Wednesday to honour the soldiers killed on Monday "
         "night."),
        ("fr", "La ministre Jeanne Durand est arrivée mercredi à Gao pour rendre hommage aux soldats tués "
         "lundi soir dans un accident."),
        # no day of the stay before the arrival the article tells
        ("en", "Minister Jane Doe arrived in Gao on Wednesday to meet the troops. A helicopter crashed in "
         "Gao on Monday."),
        ("fr", "La ministre Jeanne Durand est arrivée mercredi à Gao, où elle rencontrera les soldats. "
         "Lundi, un hélicoptère s'est écrasé à Gao."),
    ],
)  # fmt: skip
def test_a_day_of_another_event_is_no_day_of_the_stay(extractor: Extractor, lang: str, text: str) -> None:
    wednesday = dt.date(2024, 6, 5)
    table = _table(extract(text, published=wednesday, language=lang, extractor=extractor))
    assert table["Gao"] == ("confirmed", "2024-06-05")


# ---------------------------------------------------------------- clauses and sentences that carry dates
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le roi est arrivé ce mardi après-midi à Kinshasa."),
        ("en", "She gave an after-dinner speech in Lima on Monday."),
    ],
)
def test_a_hyphenated_compound_opens_no_clause(lang: str, text: str) -> None:
    from itinerary.extract.steps.clauses import split_clauses

    assert split_clauses(text, lexicon(lang), 8).kinds == ("main",)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "OULAN-BATOR (Reuters) - Le pape est arrivé vendredi. Il doit parler samedi à Oulan-Bator."),
        ("en", "NAIROBI (Reuters) - The president arrived on Friday. He will speak on Saturday in Nairobi."),
    ],
)  # fmt: skip
def test_a_dateline_joins_only_the_sentence_it_opens(lang: str, text: str) -> None:
    from itinerary.extract.nlp import pipeline
    from itinerary.extract.steps.clauses import split_sentences

    sentences = split_sentences(pipeline(lang)(text), 60)
    assert [s.text.split()[-1] for s in sentences] == [
        text.split(". ")[0].split()[-1] + ".",
        text.split()[-1],
    ]


@pytest.mark.parametrize(
    ("lang", "text", "first", "second"),
    [
        ("en", "Prime Minister Jane Doe arrived in New Delhi on Friday after stops in Jakarta, "
         "for talks on Wednesday, and Singapore on Thursday.", "Jakarta", "Singapore"),
        ("fr", "Le Premier ministre Jean Martin est arrivé vendredi à New Delhi après des étapes à Jakarta, "
         "pour un sommet mercredi, et à Singapour jeudi.", "Jakarta", "Singapore"),
    ],
)  # fmt: skip
def test_each_stop_of_a_recap_keeps_the_day_beside_it(
    extractor: Extractor, lang: str, text: str, first: str, second: str
) -> None:
    """ "..., and Singapore on Thursday": the day after the conjunction is Singapore's, not Jakarta's."""
    table = _table(extract(text, published=dt.date(2024, 6, 10), language=lang, extractor=extractor))
    assert table[first][1] == "2024-06-05"
    assert table[second][1] == "2024-06-06"


# --- a weekday followed by the day of the month, no month named ("giovedì 24", "jeudi 24") ---


@pytest.mark.parametrize(
    ("lang", "text", "said"),
    [
        ("it", "Giovedì 24 la delegazione volerà a Luanda.", "Giovedì 24"),
        ("fr", "Jeudi 24, la délégation s'envolera pour Luanda.", "Jeudi 24"),
        ("es", "El jueves 24 la delegación viajará a Luanda.", "jueves 24"),
        ("pt", "Na quinta-feira, 24, a delegação viaja para Luanda.", "quinta-feira, 24"),
        ("en", "On Thursday 24th the delegation flies to Luanda.", "Thursday 24th"),
        ("de", "Am Donnerstag 24. fliegt die Delegation nach Luanda.", "Donnerstag 24."),
    ],
)
def test_a_weekday_with_its_day_of_the_month_is_that_day(lang: str, text: str, said: str) -> None:
    hits = _find(lang, text, TUESDAY)
    assert [(text[h.start : h.end], str(h.span)) for h in hits] == [(said, "2024-10-24")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Giovedì 25 persone hanno manifestato a Roma."),
        ("fr", "Jeudi 25 personnes ont manifesté à Paris."),
        ("en", "On Thursday 25 people marched in London."),
    ],
)
def test_a_number_that_is_not_the_weekday_s_date_gives_no_date(lang: str, text: str) -> None:
    """The 25th is a Friday: the number is no day of that Thursday, and no date is read."""
    assert _find(lang, text, TUESDAY) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Il ministro Mario Rossi volerà giovedì 24 a Brazzaville."),
        ("fr", "Le ministre Jean Martin se rendra jeudi 24 à Brazzaville."),
        ("es", "El ministro Juan Pérez viajará el jueves 24 a Brazzaville."),
    ],
)
def test_a_planned_stop_takes_its_weekday_and_day_number(extractor: Extractor, lang: str, text: str) -> None:
    table = _table(extract(text, published=TUESDAY, language=lang, extractor=extractor))
    assert table["Brazzaville"] == ("planned", "2024-10-24")


# --- a visit length told with a verb ("the visit will last three days", "визит продлится два дня") ---


@pytest.mark.parametrize(
    ("lang", "text", "days"),
    [
        ("en", "The state visit will last three days.", 3),
        ("fr", "Sa visite officielle durera deux jours.", 2),
        ("ru", "Государственный визит продлится два дня.", 2),
    ],
)
def test_a_visit_length_told_with_a_verb(lang: str, text: str, days: int) -> None:
    assert visit_days(text, lexicon(lang)) == days


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "President Jane Doe arrived in Rome on Tuesday; her state visit will last three days."),
        ("fr", "Le président Jean Martin est arrivé mardi à Rome, où sa visite d'État durera trois jours."),
    ],
)
def test_a_dated_arrival_stretches_over_a_length_told_with_a_verb(
    extractor: Extractor, lang: str, text: str
) -> None:
    table = _table(extract(text, published=TUESDAY, language=lang, extractor=extractor))
    assert table["Rome"] == ("confirmed", "2024-10-22/2024-10-24")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Minister Jane Doe arrives in Lima after stops in Quito and Bogotá; Caracas, tomorrow."),
        (
            "de",
            "Ministerin Anna Muster landet in Lima nach Stationen in Quito und Bogotá; Caracas folgt morgen.",
        ),
    ],
)
def test_no_date_crosses_a_semicolon(extractor: Extractor, lang: str, text: str) -> None:
    table = _table(extract(text, published=dt.date(2024, 6, 3), language=lang, extractor=extractor))
    assert table["Caracas"] == ("planned", "2024-06-04")
    assert table["Quito"] == ("confirmed", "")
    assert table["Bogotá"][0] == "confirmed"
    assert table["Bogotá"][1] != "2024-06-04"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Minister Jane Doe arrived in Manila on Sunday. She had been expected in Jakarta on Monday, "
         "but that visit was called off."),
        ("de", "Ministerin Anna Muster ist am Sonntag in Manila gelandet. Am Montag war sie in Jakarta "
         "erwartet worden, der Besuch wurde aber abgesagt."),
        ("fr", "La ministre Anne Martin est arrivée dimanche à Manille. Elle était attendue lundi à Jakarta, "
         "mais la visite a été annulée."),
    ],
)  # fmt: skip
def test_a_plan_told_in_the_past_is_in_the_days_around_the_news(
    extractor: Extractor, lang: str, text: str
) -> None:
    table = _table(extract(text, published=dt.date(2024, 6, 9), language=lang, extractor=extractor))
    assert table["Jakarta"] == ("cancelled", "2024-06-10")  # the Monday after the Sunday of the news


def test_a_weekday_before_leaving_in_a_past_sentence_is_the_one_just_gone(extractor: Extractor) -> None:
    text = (
        "Le président Jean Martin avait parlé aux journalistes avant de quitter Dakar samedi soir "
        "pour Bamako."
    )
    table = _table(extract(text, published=dt.date(2024, 6, 9), language="fr", extractor=extractor))
    assert table["Dakar"] == ("confirmed", "2024-06-08")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "President Jane Doe arrived in Brazil on Tuesday. She landed in Rio de Janeiro on Tuesday and "
         "will also travel to Brasília."),
        ("es", "El presidente Juan Pérez llegó el martes a Brasil. Aterrizó el martes en Río de Janeiro y "
         "también viajará a Brasilia."),
    ],
)  # fmt: skip
def test_the_day_of_arrival_in_a_country_is_only_the_first_city_s(
    extractor: Extractor, lang: str, text: str
) -> None:
    table = _table(extract(text, published=dt.date(2024, 6, 4), language=lang, extractor=extractor))
    assert table["Rio de Janeiro"] == ("confirmed", "2024-06-04")
    assert table["Brasília"] == ("planned", "")


# ---------------------------------------------------------------- extraction: a plan is for later
@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "President Jane Doe met President John Roe in Rome on Tuesday. Roe invited Doe to visit "
         "Chile, and she accepted. Protests were held in Chile on Tuesday.", "Chile"),
        ("fr", "La présidente Jeanne Martin a rencontré le président Jean Dupont à Rome mardi. Dupont a "
         "invité Martin à se rendre au Chili, ce qu'elle a accepté. Des manifestations ont eu lieu au "
         "Chili le même jour.", "Chile"),
        ("de", "Kanzlerin Anna Muster traf am Dienstag in Rom Präsident Jan Novak. Novak lud Muster zu einem "
         "Besuch in Chile ein, sie nahm an. In Chile gab es am Dienstag Proteste.", "Chile"),
        ("ru", "Президент Анна Иванова встретилась во вторник в Риме с президентом Яном Новаком. Новак "
         "пригласил Иванову посетить Чили, и она приняла приглашение. Во вторник в Чили прошли протесты.",
         "Chile"),
        # the same place named again, not as a stop, on the day of the telling
        ("en", "President Jane Doe met President John Roe in Rome on Tuesday. Roe invited Doe to visit "
         "Chile, and she accepted. Argentina sent a warning to Chile the same day.", "Chile"),
        ("fr", "La présidente Jeanne Martin a rencontré le président Jean Dupont à Rome mardi. Dupont a "
         "invité Martin à se rendre au Chili, ce qu'elle a accepté. L'Argentine a adressé des "
         "avertissements au Chili le même jour.", "Chile"),
    ],
)  # fmt: skip
def test_a_planned_stop_takes_no_day_of_the_telling(
    extractor: Extractor, lang: str, text: str, place: str
) -> None:
    """An invitation told on the day of publication is for a later trip: the day another
    sentence gives the same place (here the day of the telling) does not date the plan."""
    table = _table(extract(text, published=TUESDAY, language=lang, extractor=extractor))
    assert table[place] == ("planned", "")


@pytest.mark.parametrize(
    ("lang", "text", "place", "day"),
    [
        ("en", "President Jane Doe will travel to Chile. Talks are scheduled in Chile on Friday.", "Chile",
         "2024-10-25"),
        ("fr", "La présidente Jeanne Martin se rendra au Chili. Des entretiens sont prévus au Chili "
         "vendredi.", "Chile", "2024-10-25"),
        ("en", "President Jane Doe arrives in Chile today.", "Chile", "2024-10-22"),
        ("fr", "La présidente Jeanne Martin se rend aujourd'hui au Chili.", "Chile", "2024-10-22"),
        # a later mention that travels there tells the trip itself, on the day of the telling
        ("en", "President Jane Doe heads to Chile. She flies to Chile on Tuesday evening.", "Chile",
         "2024-10-22"),
        ("pt", "O Presidente João Silva segue para o Chile. Ao fim da tarde, João Silva voa para o Chile.",
         "Chile", "2024-10-22"),
    ],
)  # fmt: skip
def test_a_planned_stop_keeps_a_later_day_and_its_own(
    extractor: Extractor, lang: str, text: str, place: str, day: str
) -> None:
    """A day after the telling that another sentence gives the place still dates the plan, and a
    stop whose own sentence says "today" keeps that day."""
    table = _table(extract(text, published=TUESDAY, language=lang, extractor=extractor))
    assert table[place][1] == day
