"""Dates in news text, resolved against the publication date.

``le 13 septembre`` -> 2023-09-13 (the year closest to the publication date), ``en octobre`` ->
2023-10 (month precision), ``du 26 au 29 septembre`` -> a range, ``heute`` / ``tomorrow`` ->
relative days, ``el día 25`` -> the 25th of the month nearest the publication date,
``mercredi prochain`` / ``on Wednesday`` -> the weekday nearest in the direction of the tense
(past: the previous one; present or future: the next one). ``the day after`` / ``la veille`` /
``на следующий день`` count from the date they refer to (:func:`anchor`); ``until`` /
``jusqu'au`` / ``hasta el`` mark the last day of a stay. Durations ("cinq heures", "two days")
are never dates: only month names, weekdays, relative-day words and four-digit years after a
preposition are read; a stated length of a visit ("a two-day visit", "viertägiger Besuch") is
read apart (:func:`visit_length`). Every word comes from the language pack.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from itinerary.extract.lexicon import Lexicon, time_of_day
from itinerary.extract.tuning import TUNING
from itinerary.model import DateSpan, Precision


@dataclass(frozen=True)
class DateHit:
    """A date expression found at ``start:end`` of a sentence."""

    start: int
    end: int
    span: DateSpan | None = None  # absolute dates
    weekday: int | None = None  # weekdays, resolved once the stop's status is known
    next_: bool = False
    this: bool = False  # "ce lundi", "este lunes", "this Monday": the one of the current week
    shift: int | None = None  # "the day after": days from the date referred to (see anchor())
    anchor: int | None = None  # start of the date of the same sentence a shifted date counts from
    until: bool = False  # "until Saturday", "jusqu'au 15 mars": the last day of a stay
    relative: int | None = None  # "tomorrow": days from the publication (or from a quote's day)
    told: bool = False  # "the same day": the day the article last told (see anchor())
    yearless: bool = False  # a month named without its year, placed nearest the publication
    event: bool = False  # "days before the summit on 15 July": the day of an event the text names

    def resolve(self, published: dt.date | None, *, future: bool | None) -> DateSpan | None:
        """The dates the hit names, read with the tense of its clause: ``future`` True for a
        trip to come, False for one told in the past, None when nothing tells (a weekday is then
        the last one, a month the nearest)."""
        if self.span is not None:
            start = self.span.start
            if self.yearless and future is False and published is not None and start and start > published:
                # told in the past, it is the last month of that name up to the publication
                return _month(start.year - 1, start.month)
            return self.span
        if self.weekday is None or published is None:
            return None
        delta = (self.weekday - published.weekday()) % 7
        if self.this:
            return _day(published + dt.timedelta(days=delta if delta <= 3 else delta - 7))
        if self.next_:
            day = published + dt.timedelta(days=delta or 7)
        elif future:
            day = published + dt.timedelta(days=delta)
        else:
            day = published - dt.timedelta(days=(published.weekday() - self.weekday) % 7)
        return _day(day)


def _day(d: dt.date) -> DateSpan:
    return DateSpan(d, d, Precision.DAY, d.isoformat())


def month_span(y: int, m: int) -> DateSpan:
    """The month ``m`` of year ``y``."""
    return _month(y, m)


def _month(y: int, m: int) -> DateSpan:
    last = calendar.monthrange(y, m)[1]
    return DateSpan(dt.date(y, m, 1), dt.date(y, m, last), Precision.MONTH, f"{y:04d}-{m:02d}")


def _year_for(month: int, day: int, published: dt.date | None) -> int | None:
    """The year that puts ``day month`` closest to the publication date."""
    if published is None:
        return None
    best: tuple[int, int] | None = None
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            d = dt.date(y, month, min(day, calendar.monthrange(y, month)[1]))
        except ValueError:
            continue
        gap = abs((d - published).days)
        if best is None or gap < best[0]:
            best = (gap, y)
    return best[1] if best else None


def _alt(words: dict[str, int] | frozenset[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _words(words: tuple[str, ...] | frozenset[str]) -> str:
    """An alternation of ``words``, longest first."""
    return _alt(frozenset(words))


def _phrase(words: str) -> str:
    """A pack's phrase as a pattern: any run of spaces between its words, either apostrophe."""
    return r"\s+".join(re.escape(w) for w in words.split()).replace("'", "['’]")


def _last_of_month(month: int, published: dt.date) -> int:
    """The year of the last month of that name before the publication's month ("last
    September" in November: this year's; "last December" in November: last year's)."""
    return published.year if month < published.month else published.year - 1


def of_event(text: str, phrase: str, end: int, lx: Lexicon) -> bool:
    """An anchored phrase ending in a clause opener and followed by an article or "of" counts
    from an event, not from a date ("the day after the vote", "il giorno dopo il voto")."""
    nxt = re.match(r"\s*([^\W\d_]+'?)", text[end:])
    last = phrase.lower().split()[-1]
    return last in lx.clause_openers and nxt is not None and nxt.group(1).lower() in lx.determiners | lx.of


def anchored_openers(text: str, lx: Lexicon) -> set[int]:
    """Where a clause opener closes an anchored phrase that is a date ("the day after that", "il
    giorno dopo ancora", "le jour d'après"): a day counted from the day before, which opens no
    clause of another time."""
    if not lx.anchored or not lx.clause_openers:
        return set()
    out: set[int] = set()
    for m in re.finditer(rf"(?<!\w)({_alt(frozenset(lx.anchored))})(?!\w)", text, re.I):
        words = m.group(1).split()
        if words[-1].lower() in lx.clause_openers and not of_event(text, m.group(1), m.end(), lx):
            out.add(m.end() - len(words[-1]))
    return out


def visit_length(text: str, lx: Lexicon) -> tuple[int, int] | None:
    """The length in days of a visit stated in ``text`` ("his two-day state visit", "une visite
    de trois jours", "viertägiger Besuch") and the end of that phrase, if any."""
    if not lx.durations or not lx.numbers:
        return None
    n = "|".join(sorted(map(re.escape, lx.numbers), key=len, reverse=True)) + r"|\d{1,2}"
    for pattern in lx.durations:
        m = re.search(r"(?<!\w)" + pattern.replace("{n}", f"(?P<n>{n})"), text, re.I)
        if m:
            word = m.group("n").lower()
            days = int(word) if word.isdigit() else lx.numbers[word]
            return (days, m.end()) if 1 < days <= 14 else None
    return None


def visit_days(text: str, lx: Lexicon) -> int | None:
    """The length in days of a visit stated in ``text``, if any (see :func:`visit_length`)."""
    found = visit_length(text, lx)
    return found[0] if found else None


def _nearest_day(day: int, published: dt.date | None) -> DateSpan | None:
    """``el día 25``: the 25th of the month nearest the publication date."""
    if published is None or not 1 <= day <= 31:
        return None
    best: dt.date | None = None
    for shift in (-1, 0, 1):
        y, m = divmod(published.year * 12 + published.month - 1 + shift, 12)
        if day <= calendar.monthrange(y, m + 1)[1]:
            d = dt.date(y, m + 1, day)
            if best is None or abs((d - published).days) < abs((best - published).days):
                best = d
    return _day(best) if best else None


def anchor(
    sentences: list[list[DateHit]], published: dt.date | None, future: list[bool]
) -> list[list[DateHit]]:
    """The anchored phrases ("the day after", "la veille", "am Tag darauf") of an article,
    resolved: they count from the last day-precise date before them in the same sentence or
    in the previous one (a range counts from its end going forward, from its start going
    back), else from the publication date; "the same day" ("le même jour") is the last day
    the article told before it, if any. ``future[i]`` is the direction of the weekdays of
    sentence ``i`` (the tense of its clause)."""
    out: list[list[DateHit]] = []
    before: DateSpan | None = None  # the last day-precise date of the previous sentence
    told: DateSpan | None = None  # the last day-precise date of the article so far
    for hits, ahead in zip(sentences, future, strict=True):
        here: tuple[DateSpan, int] | None = None
        fixed: list[DateHit] = []
        for h in hits:
            if h.shift is not None:
                ref, at = here if here else (before, None)
                if ref is None and h.told:
                    ref = told  # "the same day": the day the article last told
                base = (ref.end if h.shift > 0 else ref.start) if ref else published
                if base is None:
                    continue
                h = dataclasses.replace(h, span=_day(base + dt.timedelta(days=h.shift)), anchor=at)
            fixed.append(h)
            d = h.resolve(published, future=ahead)
            if d is not None and d.precision is Precision.DAY and d.start and d.end:
                here = (d, h.start)
        out.append(fixed)
        before = here[0] if here else None
        told = before or told
    return out


def _day_span(d1: int, d2: int, month: int, y: str | None, published: dt.date | None) -> DateSpan | None:
    """Days ``d1`` to ``d2`` of ``month`` in year ``y`` (else the year the publication implies)."""
    yr = int(y) if y else _year_for(month, d1, published)
    if yr is None:
        return None
    try:
        a, b = dt.date(yr, month, d1), dt.date(yr, month, d2)
    except ValueError:
        return None
    if b < a:
        return None
    return _day(a) if a == b else DateSpan(a, b, Precision.DAY, f"{a.isoformat()}/{b.isoformat()}")


class DateFinder:
    """Finds and resolves the date expressions of one language."""

    def __init__(
        self,
        lx: Lexicon,
        time_of_day_window: int = TUNING.time_of_day_window,
        event_date_words: int = TUNING.event_date_words,
    ) -> None:
        self.lx = lx
        self.time_of_day_window = time_of_day_window
        months = _alt(lx.months)
        # after a day's number, the abbreviations that are also words ("16 mar", not "en mar abierto")
        day_months = _alt(lx.months | lx.day_months)
        link = rf"(?:(?:{_words(lx.date_links)})\s+)?" if lx.date_links else ""
        num = rf"(\d{{1,2}})(?:{_words(lx.ordinal_suffixes)})?" if lx.ordinal_suffixes else r"(\d{1,2})"
        before = rf"(?:(?:{_words(lx.year_before)})\s+)?" if lx.year_before else ""
        after = rf"(?:\s+(?:{_words(lx.year_after)}))?" if lx.year_after else ""
        year = r"(?:,?\s+" + link + r"(\d{4}))?"
        joiners = "|".join(["-", "–", *map(re.escape, lx.range_joiners)])
        # "entre el 12 y el 14 de julio", "tra il 12 e l'8 luglio": the second day may take its article
        if lx.determiners:
            joiners = rf"(?:{joiners})(?:\s+(?:{_words(lx.determiners)}))?"
        self._range_dm = re.compile(
            rf"\b{num}\s*(?:{joiners})\s*{num}\s+{link}({day_months})\.?{year}(?!\w)", re.I
        )
        self._range_md = re.compile(
            rf"\b({months})\.?\s+(\d{{1,2}})\s*(?:{joiners})\s*(\d{{1,2}}){year}\b", re.I
        )
        self._dm = re.compile(rf"\b{num}\s+{link}({day_months})\.?{year}(?!\w)", re.I)
        self._md = re.compile(rf"\b({months})\.?\s+{num}(?!\d){year}(?!\w)", re.I)
        preps = _alt(lx.period_preps) if lx.period_preps else "in"
        month_preps = _alt(lx.period_preps | lx.plan_preps) if lx.period_preps else "in"
        # a prefix ending in a hyphen is written onto its month ("mid-November", "mi-novembre")
        self._month_only = re.compile(
            rf"\b(?:{month_preps})(?:(?<=-)\s*|\s+){link}({months})\b(?:\s+{link}(\d{{4}}))?", re.I
        )
        self._year_only = re.compile(rf"\b(?:{preps})\s+{before}(\d{{4}}){after}(?!\w)", re.I)
        self._weekday = re.compile(rf"\b({_alt(lx.weekdays)})\b(?:\s+({_alt(lx.next_words) or 'xx'}))?", re.I)
        self._weekday_day = re.compile(rf"\b({_alt(lx.weekdays)})\s*\((\d{{1,2}})\)", re.I)
        # "giovedì 21", "jeudi 21", "Thursday 21st": the day of the month, no month named
        of_month = _words((*lx.date_links, *lx.genitives)) or "xx"
        self._weekday_num = re.compile(
            rf"\s*,?\s+{num}(?!\d)(?!\.?\s+(?:(?:{of_month})\s+)?(?:{day_months})\b)", re.I
        )
        self._weekday_next = re.compile(rf"\b({_alt(lx.next_words) or 'xx'})\s+({_alt(lx.weekdays)})\b", re.I)
        self._this = re.compile(rf"(?<!\w)(?:{_words(lx.this)})\s*$", re.I) if lx.this else None
        self._day_only = (
            re.compile(
                rf"(?<!\w)(?:{_alt(frozenset(lx.day_words))})\s+{num}(?![\d%]|[^\W\d_])"
                rf"(?!\s+(?:(?:{_words((*lx.date_links, *lx.genitives))})\s+)?(?:{day_months})\b)",
                re.I,
            )
            if lx.day_words
            else None
        )
        # "18-го числа": a day, maybe with a hyphenated ordinal ending, before its noun
        self._day_noun = (
            re.compile(
                rf"(?<![\w-])(\d{{1,2}})(?:-[^\W\d_]{{1,3}})?\s+(?:{_words(lx.day_nouns)})(?!\w)", re.I
            )
            if lx.day_nouns
            else None
        )
        of = rf"(?!\s+(?:{_alt(lx.of)})(?!\w))" if lx.of else ""
        self._anchored = (
            re.compile(rf"(?<!\w)({_alt(frozenset(lx.anchored))})(?!\w){of}", re.I) if lx.anchored else None
        )
        self._same_day = (
            re.compile(rf"(?<!\w)(?:{_words(lx.same_day)})(?!\w){of}", re.I) if lx.same_day else None
        )
        self._until = (
            re.compile(rf"(?<!\w)(?:{_alt(frozenset(lx.until))})\s*(?:\S+\s+){{0,3}}$", re.I)
            if lx.until
            else None
        )
        # the periods before the publication's month that a phrase names ("last year", "im
        # vergangenen Oktober", "в мае прошлого года"): see _past_periods
        years = "|".join(sorted(map(_phrase, lx.past_years), key=len, reverse=True))
        self._past_year = re.compile(rf"(?<!\w)(?:{years})(?!\w)", re.I) if years else None
        self._month_past_year = (
            re.compile(rf"(?<!\w)({months})\.?\s+(?:{years})(?!\w)", re.I) if years else None
        )
        numbers = "|".join([r"\d{1,2}", *(re.escape(w) for w in sorted(lx.numbers, key=len, reverse=True))])
        self._ago = [
            (re.compile(r"(?<!\w)" + _phrase(t).replace(r"\{n\}", f"({numbers})") + r"(?!\w)", re.I), unit)
            for t, unit in lx.ago
        ]
        self._past_months = [
            re.compile(
                r"(?<!\w)"
                + r"\s+".join(f"({months})" if w == "{m}" else _phrase(w) for w in template.split())
                + r"(?!\w)",
                re.I,
            )
            for template in lx.past_months
        ]
        # "days before the summit on 15 July", "avant le sommet du 15 juillet", "до саммита 15
        # июля": a preposition of time, the event's noun (a few words, no number, no stop), the date
        preps = "|".join(
            re.escape(p).replace("'", "['’]") + (r"\s*" if p[-1:] in "'’" else r"\s+")
            for p in sorted(lx.event_times, key=len, reverse=True)
        )
        self._event = (
            re.compile(rf"(?<!\w)(?:{preps})(?:[^\W\d_][\w'’-]*\s+){{1,{event_date_words}}}$", re.I)
            if lx.event_times
            else None
        )
        rel = lx.relative
        self._relative = re.compile(rf"(?<!\w)({_alt(rel)})(?!\w)", re.I)
        joined = _words(lx.range_joiners) or "xx"
        self._rel_range = re.compile(rf"(?<!\w)({_alt(rel)})\s+(?:{joined})\s+({_alt(rel)})(?!\w)", re.I)

    def find(self, text: str, published: dt.date | None) -> list[DateHit]:
        """Every date expression of ``text``, in order, without overlaps (an expression found
        earlier, in the order of the readers below, wins over one overlapping it)."""
        hits: list[DateHit] = []
        taken: list[tuple[int, int]] = []
        readers = (
            self._days(text, published),
            self._past_periods(text, published),
            self._periods(text, published),
            self._anchored_days(text, published),
            self._relative_days(text, published),
            self._weekdays(text, published),
        )
        for h in itertools.chain(*readers):
            if all(h.end <= s or h.start >= e for s, e in taken):
                hits.append(h)
                taken.append((h.start, h.end))
        hits = [h for h in hits if not self._qualifies_a_day(text, h, hits)]
        return [
            self._mark_event(text, self._mark_until(text, h)) for h in sorted(hits, key=lambda h: h.start)
        ]

    def _qualifies_a_day(self, text: str, h: DateHit, hits: list[DateHit]) -> bool:
        """ "в понедельник вечером", "on Monday, in the evening": a time of day (or "the same
        day") right beside another date is the time of that day, no date of its own."""
        if h.shift != 0:
            return False
        window = self.time_of_day_window
        for o in hits:
            if o is h or o.shift is not None:
                continue
            gap = text[o.end : h.start] if o.end <= h.start else text[h.end : o.start]
            if len(gap) <= window and not re.search(r"[.;:!?]", gap):
                return True
        return False

    def _month_of(self, word: str) -> int:
        key = word.lower().rstrip(".")
        return self.lx.months[key] if key in self.lx.months else self.lx.day_months[key]

    def _days(self, text: str, published: dt.date | None) -> Iterator[DateHit]:
        """Days and day ranges with their month: "20-22 June", "June 20-22", "20 June", "June 20"."""
        for m in self._range_dm.finditer(text):
            span = _day_span(
                int(m.group(1)), int(m.group(2)), self._month_of(m.group(3)), m.group(4), published
            )
            if span:
                yield DateHit(m.start(), m.end(), span)
        for m in self._range_md.finditer(text):
            span = _day_span(
                int(m.group(2)), int(m.group(3)), self._month_of(m.group(1)), m.group(4), published
            )
            if span:
                yield DateHit(m.start(), m.end(), span)
        for m in self._dm.finditer(text):
            span = _day_span(
                int(m.group(1)), int(m.group(1)), self._month_of(m.group(2)), m.group(3), published
            )
            if span:
                yield DateHit(m.start(), m.end(), span)
        if self.lx.month_before_day:  # "June 20"
            for m in self._md.finditer(text):
                span = _day_span(
                    int(m.group(2)), int(m.group(2)), self._month_of(m.group(1)), m.group(3), published
                )
                if span:
                    yield DateHit(m.start(), m.end(), span)

    def _periods(self, text: str, published: dt.date | None) -> Iterator[DateHit]:
        """A month or a year after a preposition: "in June", "in 2025"."""
        for m in self._month_only.finditer(text):
            month = self._month_of(m.group(1))
            yr = int(m.group(2)) if m.group(2) else _year_for(month, 15, published)
            if yr is not None:
                yield DateHit(m.start(), m.end(), _month(yr, month), yearless=not m.group(2))
        for m in self._year_only.finditer(text):
            y = int(m.group(1))
            if 1900 <= y <= 2100:
                yield DateHit(
                    m.start(),
                    m.end(),
                    DateSpan(dt.date(y, 1, 1), dt.date(y, 12, 31), Precision.YEAR, str(y)),
                )

    def _past_periods(self, text: str, published: dt.date | None) -> Iterator[DateHit]:
        """A month or a year before the publication's that a phrase names instead of a number:
        "in May last year" (that month of the year before), "last September", "en octobre
        dernier", "im vergangenen Oktober" (the last month of that name before the publication's
        month), "last year", "в прошлом году" (the year before), "a year ago", "vor drei Monaten" (the
        month they count back to). Read before the months after a
        preposition, so "in May last year" is no May of the publication's year."""
        if published is None:
            return
        last = published.year - 1
        if self._month_past_year is not None:
            for m in self._month_past_year.finditer(text):
                yield DateHit(m.start(), m.end(), _month(last, self._month_of(m.group(1))))
        for pattern in self._past_months:
            for m in pattern.finditer(text):
                month = self._month_of(m.group(1))
                yield DateHit(m.start(), m.end(), _month(_last_of_month(month, published), month))
        for pattern, unit in self._ago:  # "a year ago", "il y a deux ans", "три месяца назад"
            for m in pattern.finditer(text):
                word = m.group(1).lower() if pattern.groups else "1"
                n = int(word) if word.isdigit() else self.lx.numbers.get(word, 1)
                back = published.year * 12 + published.month - 1 - n * unit
                yield DateHit(m.start(), m.end(), _month(back // 12, back % 12 + 1))
        if self._past_year is not None:
            for m in self._past_year.finditer(text):
                year = DateSpan(dt.date(last, 1, 1), dt.date(last, 12, 31), Precision.YEAR, str(last))
                yield DateHit(m.start(), m.end(), year)

    def _anchored_days(self, text: str, published: dt.date | None) -> Iterator[DateHit]:
        """Days counted from another date ("the day after") and a day of the month alone ("el
        día 25", "18-го числа")."""
        lx = self.lx
        if self._anchored is not None:
            for m in self._anchored.finditer(text):
                if of_event(text, m.group(1), m.end(), lx):
                    continue  # "the day after the vote", "il giorno dopo il voto": from an event
                rest = text[m.end() :]
                if self._relative.match(text, m.end() + len(rest) - len(rest.lstrip())):
                    continue  # "the day after tomorrow": one day counted from the publication
                yield DateHit(m.start(), m.end(), shift=lx.anchored[m.group(1).lower()])
        if self._same_day is not None:
            for m in self._same_day.finditer(text):
                yield DateHit(m.start(), m.end(), shift=0, told=True)
        for pattern in (self._day_only, self._day_noun):
            for m in pattern.finditer(text) if pattern is not None else ():
                if span := _nearest_day(int(m.group(1)), published):
                    yield DateHit(m.start(), m.end(), span)

    def _relative_days(self, text: str, published: dt.date | None) -> Iterator[DateHit]:
        """Days counted from the publication: "from today to tomorrow", "tomorrow"."""
        if published is None:
            return
        lx = self.lx
        for m in self._rel_range.finditer(text):
            a = published + dt.timedelta(days=lx.relative[m.group(1).lower()])
            b = published + dt.timedelta(days=lx.relative[m.group(2).lower()])
            if a < b:
                yield DateHit(m.start(), m.end(), DateSpan(a, b, Precision.DAY, f"{a}/{b}"))
        for m in self._relative.finditer(text):
            word = m.group(1)
            if time_of_day(lx, text, m.start(), word, self.time_of_day_window):
                continue  # "am Morgen", "de la mañana": a time of day, not tomorrow
            days = lx.relative[word.lower()]
            yield DateHit(m.start(), m.end(), _day(published + dt.timedelta(days=days)), relative=days)

    def _weekdays(self, text: str, published: dt.date | None) -> Iterator[DateHit]:
        """Weekdays: with the day of the month, after "next", alone (maybe after "this")."""
        lx = self.lx
        for m in self._weekday_day.finditer(text):  # "terça-feira (22)": the day of the month it gives
            if span := _nearest_day(int(m.group(2)), published):
                yield DateHit(m.start(), m.end(), span)
        for m in self._weekday_next.finditer(text):
            yield DateHit(m.start(), m.end(), weekday=lx.weekdays[m.group(2).lower()], next_=True)
        for m in self._weekday.finditer(text):
            day = lx.weekdays[m.group(1).lower()]
            if n := self._weekday_num.match(text, m.end()):
                # "giovedì 21": that day of the month, if it falls on that weekday (else the
                # number may count something else, "Thursday 25 people", "Montag 15 Uhr": no date)
                span = _nearest_day(int(n.group(1)), published)
                if span is not None and span.start is not None and span.start.weekday() == day:
                    yield DateHit(m.start(), n.end(), span)
                continue
            if re.match(r"\s+\d", text[m.end() : m.end() + 3]):
                continue  # "vendredi 3 mars": the day number says it all
            if m.group(1).lower() in lx.weekday_ordinals and not self._led(text, m.start()):
                continue  # "a segunda visita": the second visit
            this = self._this is not None and bool(
                self._this.search(text[max(0, m.start() - 12) : m.start()])
            )
            yield DateHit(m.start(), m.end(), weekday=day, next_=bool(m.group(2)), this=this)

    def _led(self, text: str, at: int) -> bool:
        """The word before ``at`` puts a day ("na segunda", "desta terça")."""
        before = re.findall(r"\w+", text[max(0, at - 20) : at].lower())
        return bool(before) and before[-1] in self.lx.weekday_leads

    def _mark_until(self, text: str, h: DateHit) -> DateHit:
        """``until Saturday``, ``jusqu'au 15 mars``, ``hasta el día 25``: the end of a stay."""
        if self._until is None or not self._until.search(text[max(0, h.start - 40) : h.start]):
            return h
        return dataclasses.replace(h, until=True)

    def _mark_event(self, text: str, h: DateHit) -> DateHit:
        """ "days before the summit on 15 July", "nach den Wahlen am 12. Juli": the event's day."""
        if self._event is None or not self._event.search(text, 0, h.start):
            return h
        return dataclasses.replace(h, event=True)


def requote(hits: list[DateHit], said: dt.date | None) -> list[DateHit]:
    """The relative days of a quotation counted from the day it was said ("„... morgen ...",
    hieß es am Mittwochabend": Thursday), not from the publication."""
    if said is None:
        return hits
    return [
        dataclasses.replace(h, span=_day(said + dt.timedelta(days=h.relative)))
        if h.relative is not None
        else h
        for h in hits
    ]
