"""Completing a trip from what the rest of the article says: an undated city takes the day of its
country stop; a country that only repeats a city's country is absorbed into it (or kept as the
entry, pinned to its border nearest the city); the latest confirmed stop of an undated trip takes
the publication date; where the news finds the traveller, the stay lasts until the next leg sets
off; stops in travel order."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from itinerary.coords import latlon, point
from itinerary.extract.dates import visit_length
from itinerary.extract.document import AREA_KINDS, Candidate, Context, Document, Mention, Sentence
from itinerary.extract.lexicon import Lexicon, phrase_at, phrase_in, starts
from itinerary.extract.steps.dates import consistent, day_span
from itinerary.extract.steps.persons import by_title, subjects_of
from itinerary.extract.steps.status import clause_future
from itinerary.extract.text import word_list
from itinerary.extract.tuning import Tuning
from itinerary.geocode.regions import region_shape
from itinerary.identity import same_place as same_point
from itinerary.model import DateSpan, Itinerary, Precision, Role, Status, Stop

#: days of a week (weekday arithmetic)
WEEK = len(calendar.day_name)

#: places the traveller only passes through: nobody stays days at an airport
TRANSIT_KINDS = frozenset({"airport"})


def date_from_country(stops: list[Stop], published: dt.date | None) -> list[Stop]:
    """An undated city (or one dated the first day of the country's stay) takes the day of the
    country stop it lies in when that day fits its own status ("llegó este martes 20 de
    febrero a Venezuela ... se reunirá en Caracas": Caracas on the 20th; "heute zu einem
    zweitägigen Besuch in Frankreich erwartet ... in Marseille")."""
    out = list(stops)
    for s in stops:
        r = s.resolved
        if r is None or r.kind != "country" or s.date.precision is not Precision.DAY:
            continue
        # the day of arrival in a country is that of the first place in it, not of every place:
        # a place already dated that day entered the country ("arrived in the United States
        # on Tuesday", "landed in New York on Tuesday": not Washington on Tuesday)
        entered = [o for o in stops if _in_country(o, r.country_code) and o.date == s.date]
        for i, o in enumerate(out):
            inside = _in_country(o, r.country_code)
            if inside and _last_inside(o, s.date, stops, r.country_code):
                # "a state visit to Japan from 9 to 13 March ... to Osaka on Tuesday": the last
                # city of the visit is where it ends
                end = s.date.end
                assert o.date.start is not None and end is not None
                out[i] = dataclasses.replace(
                    o, date=DateSpan(o.date.start, end, Precision.DAY, f"{o.date.start}/{end}")
                )
                continue
            if entered and o not in entered:
                continue
            if (
                inside
                and (not o.date.known or _begins(o.date, s.date))
                and not _later_inside(o, s.date, stops, r.country_code)
                and o.status is not Status.CANCELLED
                and consistent(s.date, o.status, published) is s.date
            ):
                out[i] = dataclasses.replace(o, date=s.date)
    return out


def _day_in(o: Stop, span: DateSpan) -> dt.date | None:
    """The single day of ``o``, if it falls within ``span``."""
    d = o.date
    if d.precision is not Precision.DAY or d.start is None or d.start != d.end or span.start is None:
        return None
    return d.start if span.end is not None and span.start <= d.start <= span.end else None


def _later_inside(o: Stop, span: DateSpan, stops: list[Stop], code: str | None) -> bool:
    """Another city of the country is dated later within the country's ``span``: the traveller
    moved on inside the country (each city's stay is its own)."""
    day = _day_in(o, span) if o.date.known else span.start
    return day is not None and any(
        x is not o
        and x.status is not Status.CANCELLED
        and _in_country(x, code)
        and (xd := _day_in(x, span))
        and xd > day
        for x in stops
    )


def _last_inside(o: Stop, span: DateSpan, stops: list[Stop], code: str | None) -> bool:
    """``o`` is the last of two or more cities of the country dated within its ``span`` (a range),
    on a day after its first: the visit ends there."""
    day = _day_in(o, span)
    if day is None or span.start is None or span.end is None or day == span.start or day == span.end:
        return False
    if o.status is Status.CANCELLED:
        return False
    return not _later_inside(o, span, stops, code) and any(
        x is not o and _in_country(x, code) and _day_in(x, span) is not None for x in stops
    )


def _begins(city: DateSpan, country: DateSpan) -> bool:
    """The city's single day opens the country's stay ("zweitägiger Besuch in Frankreich",
    "am Nachmittag landet er in Marseille"): the city's stay is the country's."""
    return (
        city.precision is Precision.DAY
        and city.start is not None
        and city.start == city.end == country.start
        and country.end != city.end
    )


def absorb_countries(stops: list[Stop], t: Tuning) -> list[Stop]:
    """Drop a country stop that only repeats the country of a city stop of the same trip.

    Its date passes to the cities of that country that have none ("arrivé le 3 juin en
    Guinée" ... "à son arrivée à Conakry"). A country dated just after a city in it extends
    that city's stay; one dated before keeps its own stop, as an entry (Russia on the 12th,
    the cosmodrome on the 13th).
    """
    out = list(stops)
    for s in stops:
        r = s.resolved
        if r is None or r.kind != "country":
            continue
        if s.status is Status.PLANNED and not s.date.known and _done_inside(out, r.country_code):
            out = [o for o in out if o is not s]  # "will be in Russia" when he is already in Moscow
            continue
        if s.status is Status.CANCELLED:  # the trip to the country is off: so are its planned stops
            out = [_cancelled_if_planned(o, r.country_code) for o in out]
        out = _into_cities(s, out, t)
    return out


def _in_country(o: Stop, code: str | None) -> bool:
    """A place (no area) inside the country ``code``."""
    return o.resolved is not None and o.resolved.kind not in AREA_KINDS and o.resolved.country_code == code


def _done_inside(stops: list[Stop], code: str | None) -> bool:
    return any(o.status is Status.CONFIRMED and _in_country(o, code) for o in stops)


def _cancelled_if_planned(o: Stop, code: str | None) -> Stop:
    planned_there = o.status is Status.PLANNED and o.resolved is not None and o.resolved.country_code == code
    return dataclasses.replace(o, status=Status.CANCELLED) if planned_there else o


def _into_cities(s: Stop, out: list[Stop], t: Tuning) -> list[Stop]:
    """The country stop ``s`` merged into the cities of that country with its status (its date to
    those without one), extending the last city's stay, or kept as an entry."""
    code = s.resolved.country_code if s.resolved is not None else None
    inside = [i for i, o in enumerate(out) if o is not s and _in_country(o, code) and o.status is s.status]
    if not inside:
        return out
    dated = [i for i in inside if out[i].date.known]
    if s.date.known and dated and all(out[i].date != s.date for i in dated):
        # Dated after the last dated city in it: the stay there goes on ("arrivé le 2 mars
        # à Luanda", then "ce vendredi 3 mars: l'Angola, ..."). Dated before: an entry.
        last = max(dated, key=lambda i: out[i].date.end or dt.date.min)
        city = out[last]
        gap = (s.date.start - city.date.end).days if s.date.start and city.date.end else -1
        if not 0 < gap <= t.country_stay_days or not city.date.start or not s.date.end:
            return out
        text = f"{city.date.start.isoformat()}/{s.date.end.isoformat()}"
        out = list(out)
        out[last] = dataclasses.replace(
            city, date=DateSpan(city.date.start, s.date.end, city.date.precision, text)
        )
        return [o for o in out if o is not s]
    out = list(out)
    for i in inside:
        if not out[i].date.known and s.date.known and out[i].status is s.status:
            out[i] = dataclasses.replace(out[i], date=s.date)
    return [o for o in out if o is not s]


def place_country_entries(stops: tuple[Stop, ...], t: Tuning) -> tuple[Stop, ...]:
    """A country stop next to a stop inside that country ("arrivé en Russie le 12 septembre",
    then the cosmodrome) is an entry, not a visit to the capital: it is pinned to the point of
    the country nearest that stop, so no route is drawn through a capital the article never
    names, and a note says so."""
    from shapely.ops import nearest_points

    out = list(stops)
    for i, s in enumerate(stops):
        r = s.resolved
        if r is None or r.kind != "country" or s.pinned:
            continue
        near = [
            o
            for o in (stops[i + 1] if i + 1 < len(stops) else None, stops[i - 1] if i else None)
            if o is not None
            and o.resolved is not None
            and o.resolved.kind not in AREA_KINDS
            and o.resolved.country_code == r.country_code
            and o.latlon is not None
        ]
        shape = region_shape(r.id) if near else None
        if shape is None:
            continue
        target = point(*near[0].latlon)  # type: ignore[misc]
        x, y = nearest_points(shape, target)[0].coords[0]
        lat, lon = latlon(x, y)
        note = f"the article names only the country; placed at the point of {r.name} nearest {near[0].label}"
        out[i] = dataclasses.replace(
            s,
            lat=round(lat, t.coordinate_decimals),
            lon=round(lon, t.coordinate_decimals),
            role=Role.TRANSIT,
            note=note,
        )
    return tuple(out)


def stay_until_next_leg(stops: tuple[Stop, ...], lx: Lexicon, t: Tuning) -> tuple[Stop, ...]:
    """Where the news finds the traveller (a confirmed stop dated a single day, no confirmed stop
    of the trip dated after it), the traveller stays until the next planned leg sets off, when
    it sets off within ``Tuning.stay_until_leg_days`` ("landed in Seoul on Sunday ... flies to
    Tokyo on Monday evening": Seoul from Sunday to Monday); a leg the same day ends the stay that
    day. A leg told by its arrival ("is to arrive in Hanoi early Thursday") says nothing of the
    day the traveller left, and nobody stays days at an airport: those keep their day. The
    country the stop lies in is no later stop ("a state visit to Japan from 9 to 13 March": the
    traveller is in Tokyo within it)."""
    out = list(stops)
    for i, s in enumerate(stops):
        d = s.date
        if (
            s.status is not Status.CONFIRMED
            or s.role is Role.ORIGIN
            or (s.resolved is not None and s.resolved.kind in TRANSIT_KINDS)
            or d.precision is not Precision.DAY
            or d.start is None
            or d.start != d.end
        ):
            continue
        day = d.start
        if any(
            o.status is Status.CONFIRMED and o.date.end and o.date.end > day and not _holds_stop(o, s)
            for o in stops
        ):
            continue  # the trip went on from there: the article tells the next stops itself
        legs = [
            o
            for o in stops
            if o.status is Status.PLANNED
            and o.date.precision is Precision.DAY
            and o.date.start is not None
            and o.date.start >= day
        ]
        if not legs:
            continue
        leg = min(legs, key=lambda o: o.date.start or day)
        nxt = leg.date.start
        # a leg the same day: the traveller moves on that day ("rientrerà a Roma in nottata")
        if (
            nxt is None
            or not 0 < (nxt - day).days <= t.stay_until_leg_days
            or _told_by_arrival(leg, lx, t, s)
            or _came_back_first(leg, lx, t)
        ):
            continue
        out[i] = dataclasses.replace(s, date=DateSpan(day, nxt, Precision.DAY, f"{day}/{nxt}"))
    return tuple(out)


def _came_back_first(leg: Stop, lx: Lexicon, t: Tuning) -> bool:
    """The sentence of a leg first tells a return somewhere else, in a clause of its own before
    the leg's place ("He returned to Poland, where he is due to meet Duda in Warsaw", "Il est
    revenu en Pologne, où il doit rencontrer Duda à Varsovie"): the traveller had left the stop
    before, so its stay does not run on to the leg's day. A return whose place is the leg's
    ("will return to Paris on Monday") is the leg itself and says nothing of the sort."""
    text = (leg.quote or "").lower()
    at = _find_name(text, leg.place or "", t) if leg.place else -1
    if at <= 0:
        return False
    words = list(re.finditer(r"\w+", text[:at]))
    back = [m.end() for m in words if starts(m.group(0), lx.returns)]
    return bool(back) and re.search(r"[,;:]", text[back[0] : at]) is not None


def date_from_visit_day(
    stops: tuple[Stop, ...], days: list[tuple[DateSpan, set[str]]], traveller: str, published: dt.date | None
) -> tuple[Stop, ...]:
    """The day a sentence naming no place gives the visit ("The visit is scheduled for 14 May"),
    of this traveller (or of nobody named), dates the trip's planned stop when the trip plans
    one stop only and tells it no date: which visit is meant is then clear. One day only, not
    before the publication (a plan's day)."""
    spans = {d for d, who in days if not who or traveller in who}
    planned = [i for i, s in enumerate(stops) if s.status is Status.PLANNED]
    if len(spans) != 1 or len(planned) != 1:
        return stops
    span, i = spans.pop(), planned[0]
    if stops[i].date.known or consistent(span, Status.PLANNED, published) is None:
        return stops
    return (*stops[:i], dataclasses.replace(stops[i], date=span), *stops[i + 1 :])


def _holds_stop(area: Stop, s: Stop) -> bool:
    """``area`` is the country stop ``s`` lies in (a visit to Japan holds the stay in Tokyo)."""
    r = area.resolved
    return r is not None and r.kind in AREA_KINDS and _in_country(s, r.country_code)


def stay_from_arrival(
    stops: tuple[Stop, ...], arrivals: list[tuple[dt.date, set[str]]], traveller: str, t: Tuning
) -> tuple[Stop, ...]:
    """An arrival the article tells without its place ("Tajani era arrivato ieri, domenica";
    "she had landed on Sunday evening"), of this traveller (or of nobody named), is the arrival
    where the news finds them: the latest confirmed stop, dated up to
    ``Tuning.arrival_before_days`` after it, begins that day. Not when another stop of the
    trip is dated between the two (the arrival was there), nor at an airport or a departure
    point."""
    days = {d for d, who in arrivals if not who or traveller in who}
    if len(days) != 1:
        return stops
    came = days.pop()
    confirmed = _dated_days(stops, lambda s: s.status is Status.CONFIRMED)
    found = _latest_stay(confirmed)
    if found is None:
        return stops
    i, s, start = found
    if not 0 < (start - came).days <= t.arrival_before_days or any(
        o is not s and o.date.start and came <= o.date.start < start for _, o in confirmed
    ):
        return stops
    return _redated(stops, i, came, s.date.end or start)


def stay_until_visit_end(
    stops: tuple[Stop, ...], ends: list[tuple[dt.date, set[str]]], traveller: str, t: Tuning
) -> tuple[Stop, ...]:
    """A visit's end the article tells without its place ("A visita, de quatro dias, termina na
    sexta-feira"; "Dort endet am Donnerstag seine Reise"), of this traveller (or of nobody
    named), closes the stay at the trip's last stop (the one dated latest, done or planned)
    when no leg of an untold day is still planned and the stay lasts at most
    ``Tuning.stay_max_days``."""
    days = {d for d, who in ends if not who or traveller in who}
    if len(days) != 1 or any(s.status is Status.PLANNED and not s.date.known for s in stops):
        return stops
    end = days.pop()
    found = _latest_stay(_dated_days(stops, lambda s: s.status is not Status.CANCELLED))
    if found is None:
        return stops
    i, s, start = found
    if not (s.date.end or start) < end or (end - start).days > t.stay_max_days:
        return stops
    return _redated(stops, i, start, end)


def _dated_days(stops: tuple[Stop, ...], keep: Callable[[Stop], bool]) -> list[tuple[int, Stop]]:
    """The stops ``keep`` takes that are dated to a day, with their places in ``stops``."""
    return [
        (i, s)
        for i, s in enumerate(stops)
        if keep(s) and s.date.precision is Precision.DAY and s.date.start is not None
    ]


def _latest_stay(dated: list[tuple[int, Stop]]) -> tuple[int, Stop, dt.date] | None:
    """Of ``dated``, the stop dated latest, with its place and first day: where the news finds the
    traveller. None when there is none, or when it is a departure point or an airport (no stay)."""
    if not dated:
        return None
    i, s = max(dated, key=lambda x: x[1].date.start or dt.date.min)
    start = s.date.start
    transit = s.resolved is not None and s.resolved.kind in TRANSIT_KINDS
    if start is None or s.role is Role.ORIGIN or transit:
        return None
    return i, s, start


def _redated(stops: tuple[Stop, ...], i: int, start: dt.date, end: dt.date) -> tuple[Stop, ...]:
    """``stops`` with the ``i``-th stop's stay running from ``start`` to ``end``."""
    fixed = dataclasses.replace(stops[i], date=DateSpan(start, end, Precision.DAY, f"{start}/{end}"))
    return (*stops[:i], fixed, *stops[i + 1 :])


def arrival_day(c: Candidate, arrival: tuple[str, ...], t: Tuning) -> dt.date | None:
    """The day of a mention that tells the arrival there ("est arrivée mercredi sur la base
    militaire de Gao", "landed on Tuesday in Oslo"): an arrival word of the pack a few words
    before the place (``Tuning.travel_before_words``), nothing but words between them."""
    d = c.date
    if not arrival or d is None or d.precision is not Precision.DAY or d.start is None or d.start != d.end:
        return None
    before = c.sentence[: c.place.start]
    words = list(re.finditer(r"\w+", before))
    for k in range(len(words) - 1, max(-1, len(words) - 1 - t.travel_before_words), -1):
        if starts(words[k].group(0).lower(), arrival):
            return None if re.search(r"[,;:.!?()]", before[words[k].end() :]) else d.start
    return None


def _told_by_arrival(leg: Stop, lx: Lexicon, t: Tuning, before: Stop | None = None) -> bool:
    """The sentence of a leg tells the traveller's arrival there ("arrive in Hanoi", "llega a",
    "kommt am Abend in Kampala an": a separable particle closes its clause). When the stop
    before it stands earlier in the same sentence, only what follows that stop speaks of the
    leg ("arrived in Vilnius on Monday and travelled to Riga the following day": the arrival is
    Vilnius's)."""
    text = (leg.quote or "").lower()
    if before is not None and before.quote == leg.quote and before.place and leg.place:
        mine, prev = _find_name(text, leg.place, t), _find_name(text, before.place, t)
        if 0 <= prev < mine:
            # what follows the stop before, from the word that joins the next clause on
            # ("ist am Montag in Vilnius eingetroffen und am Tag darauf nach Riga weitergereist")
            rest = text[prev:mine]
            joined = [
                m.end() for m in re.finditer(r"\w+|[,;]", rest) if m.group(0) in {*lx.list_joiners, ",", ";"}
            ]
            text = text[prev + (joined[0] if joined else len(before.place)) :]
    words = word_list(text)
    if any(starts(w, lx.arrival) for w in words):
        return True
    for phrase in lx.arrival:
        verb, _, particle = phrase.partition(" ")
        if not particle:
            continue
        if phrase_at(text, (phrase,)) is not None or re.search(
            rf"(?<!\w){re.escape(verb)}(?!\w).*?(?<!\w){re.escape(particle)}\s*(?:[,;:.!?]|$)", text
        ):
            return True
    return False


def _find_name(text: str, name: str, t: Tuning) -> int:
    """Where ``name`` (or, inflected, its stem: "в Ригу" for Riga) stands in ``text`` (lower case)."""
    name = name.lower()
    at = text.find(name)
    if at < 0 and len(name) >= t.stem_min_letters:
        at = text.find(name[:-2])
    return at


def date_from_publication(
    stops: tuple[Stop, ...], published: dt.date | None, vague: tuple[str, ...] = ()
) -> tuple[Stop, ...]:
    """When no confirmed stop of a trip is dated, the latest one is where the news finds the
    traveller ("Scholz ist am Nachmittag in Samarkand gelandet"): it gets the publication
    date, with a note saying so; unless its sentence puts it in a period that names no day
    (``vague``: "visited Cairo last week", "на прошлой неделе посетила Каир")."""
    if published is None:
        return stops
    confirmed = [i for i, s in enumerate(stops) if s.status is Status.CONFIRMED and s.role is not Role.ORIGIN]
    if not confirmed or any(stops[i].date.known for i in confirmed):
        return stops  # the article dates the trip itself: nothing to infer
    i = confirmed[-1]
    s = stops[i]
    # a stop before it that is already done later than the publication ... is none; a planned
    # one ahead of it in text order ("Во Владивостоке 25 апреля ... запланирована") says nothing
    ahead = [o for o in stops[:i] if o.status is not Status.PLANNED]
    if s.date.known or any(o.date.known and o.date.start and o.date.start > published for o in ahead):
        return stops
    if vague_period(s.quote or "", vague):
        return stops
    note = "date inferred: the article's publication date (the latest confirmed stop)"
    fixed = dataclasses.replace(s, date=DateSpan.parse(published), note=note)
    return (*stops[:i], fixed, *stops[i + 1 :])


def vague_period(text: str, vague: tuple[str, ...]) -> bool:
    """``text`` names a period with no day of it ("last week", "le mois prochain")."""
    low = text.lower().replace("’", "'")
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low) for w in vague)


def date_after_sequence(draft: Itinerary, doc: Document) -> Itinerary:
    """A stop made after a word of sequence in a sentence with no date of its own ("On Thursday
    he held talks in Warsaw. He then travelled to Przemysl, ..."; "Danach reiste er nach
    Przemysl"; "Il s'est ensuite rendu à Przemysl") follows what the sentence before it told, in
    the same paragraph: it takes that sentence's last single day, not one of a later sentence
    ("He arrived in Kyiv on Friday"). Only a stop already made, undated or dated after that day."""
    from itinerary.extract.date_model import locate, paragraph_start

    seq, published = doc.ctx.lx.sequence, doc.ctx.published
    if not seq:
        return draft
    trips = []
    for trip in draft.trips:
        stops = list(trip.stops)
        for i, stop in enumerate(stops):
            at = locate(stop, doc) if stop.status is Status.CONFIRMED else None
            if at is None or at[1] is None or at[0] == 0 or paragraph_start(doc, at[0]) == at[0]:
                continue
            s, before, m = doc.sentences[at[0]], doc.sentences[at[0] - 1], at[1]
            # the first place after the word of sequence ("then travelled to Przemysl, where he
            # boarded the train for Kyiv": Przemysl, not Kyiv)
            words = list(re.finditer(r"\w+", s.span.text[: m.start]))
            cue = next((w.end() for w in reversed(words) if starts(w.group(0).lower(), seq)), None)
            if s.dates or cue is None or any(cue <= q.start < m.start for q in s.places):
                continue
            days = [d for h in before.dates if (d := h.resolve(published, future=False)) is not None]
            days = [
                d for d in days if d.precision is Precision.DAY and d.start is not None and d.start == d.end
            ]
            if not days or (
                stop.date.start is not None and stop.date.start <= (days[-1].start or dt.date.max)
            ):
                continue
            stops[i] = dataclasses.replace(stop, date=days[-1])
        trips.append(dataclasses.replace(trip, stops=tuple(stops)))
    return draft.with_trips(tuple(trips))


def stay_through_activities(draft: Itinerary, doc: Document) -> Itinerary:
    """A stay lasts through the traveller's later dated doings there: a sentence after the stop's
    own that names its place again ("arrived in Astana on Wednesday ... On Thursday she will
    take part in the summit, also held in Astana"), a "where" clause after its place ("landed
    in New York on Tuesday, where he will mark Yoga Day on Wednesday before heading to
    Washington"), or a sentence that names no place at all after it ("landed in Oslo on Monday.
    On Tuesday she met the king"), about the traveller (see :func:`_about`), stretches the stay
    to its day. A sentence with no place speaks of the stop named last before it (not across
    another stop of the trip: the traveller went on); no stay goes past the day the next stop
    of the trip begins, none for a stop called off, a departure point or an airport, none
    longer than ``Tuning.stay_max_days``; a planned stop takes no day gone."""
    from itinerary.extract.date_model import locate

    ctx = doc.ctx
    km = ctx.tuning.same_city_km
    trips = []
    for trip in draft.trips:
        stops = list(trip.stops)
        first = {i: found[0] for i, st in enumerate(stops) if (found := locate(st, doc)) is not None}
        last: int | None = None  # the stop named last so far
        for k, s in enumerate(doc.sentences):
            named = [(m, i) for m in s.places for i, st in enumerate(stops) if i in first and _is(m, st, km)]
            told = [(m, i) for m, i in named if first[i] <= k]
            if not s.places and last is not None and _about(s, trip.traveller, ctx):
                _stretch(stops, last, _activity_day(s, stops[last], stops, doc))
            for m, i in told:
                alone = all(j == i for _, j in named)
                if alone:
                    _stretch(stops, i, _length_end(s, stops[i], ctx))
                if first[i] < k and alone and _about(s, trip.traveller, ctx):
                    _stretch(stops, i, _activity_day(s, stops[i], stops, doc, _segment(s.span.text, m)))
                elif (where := _where_after(s, m)) is not None:
                    _stretch(stops, i, _activity_day(s, stops[i], stops, doc, where))
            if named:
                last = max(named, key=lambda x: x[0].start)[1]
        trips.append(dataclasses.replace(trip, stops=tuple(stops)))
    return draft.with_trips(tuple(trips))


def _length_end(s: Sentence, st: Stop, ctx: Context) -> dt.date | None:
    """The last day of a visit whose length a sentence naming the stop states ("Токаев прилетел
    в Москву: государственный визит продлится два дня"), counted from the stop's single day."""
    found = visit_length(s.span.text, ctx.lx)
    d = st.date
    if found is None or d.start is None or d.start != d.end or any(q.start >= found[1] for q in s.places):
        return None
    return d.start + dt.timedelta(days=found[0] - 1)


def _stretch(stops: list[Stop], i: int, day: dt.date | None) -> None:
    """The ``i``-th stop's stay runs to ``day`` (if it may stay: see :func:`_may_stay`)."""
    st = stops[i]
    if day is not None and st.date.start is not None and _may_stay(st):
        stops[i] = dataclasses.replace(st, date=day_span(st.date.start, day))


def _may_stay(s: Stop) -> bool:
    """A stop dated to the day, not called off, no departure point, no airport."""
    d = s.date
    return not (
        s.status is Status.CANCELLED
        or s.role is Role.ORIGIN
        or (s.resolved is not None and s.resolved.kind in TRANSIT_KINDS)
        or d.precision is not Precision.DAY
        or d.start is None
        or d.end is None
    )


def _segment(text: str, m: Mention) -> tuple[int, int]:
    """The part of the sentence around the mention ``m`` between semicolons (what a semicolon
    closes speaks of something else: "... a Luanda, dove ...; giovedì 21 la delegazione volerà
    a Brazzaville")."""
    a = max((x.end() for x in re.finditer(";", text[: m.start])), default=0)
    b = text.find(";", m.end)
    return a, len(text) if b < 0 else b


def _where_after(s: Sentence, m: Mention) -> tuple[int, int] | None:
    """The span of the "where" clause ("where", "où", "wo", "где") right after the mention ``m``,
    up to the next place or semicolon, if the sentence has one."""
    c = s.clauses
    if c is None or not c.bounds:
        return None
    cid = c.at(m.end)
    if cid + 1 >= len(c.bounds) or c.kind(cid + 1) != "where":
        return None
    a, b = c.bounds[cid + 1]
    if any(m.end <= q.start < a for q in s.places):
        return None
    # up to the next place, or a semicolon that closes what goes before it
    stop = re.search(r"[;:]", s.span.text[a:b])
    b = a + stop.start() if stop else b
    return a, min([b, *(q.start for q in s.places if q.start > a)])


def _about(s: Sentence, traveller: str, ctx: Context) -> bool:
    """The sentence is about the traveller: it names them; or it names nobody and has a subject
    pronoun of the pack ("On Tuesday she met the king"), opens (after its date) with a title the
    article gives the traveller ("On Tuesday the president met the king"), or, in a language
    that drops its subject pronouns, opens with no determiner ("El martes se reunió con el
    rey"), where another subject would have one ("El viernes, los agricultores planean ...")."""
    who = subjects_of(s, ctx)
    if who:
        return traveller in who
    lx = ctx.lx
    low = s.span.text.lower()
    if any(w in lx.pronouns for w in word_list(low)) or phrase_in(low, lx.groups) is not None:
        return True  # "she", "les deux chefs d'Etat"
    text = s.span.text
    t = ctx.tuning
    if s.dates and all(len(w) <= t.date_lead_letters for w in word_list(text[: s.dates[0].start])):
        text = text[s.dates[0].end :]  # the date it opens with ("El martes", "Am Dienstag")
    words = word_list(text.lower())
    if not words:
        return False
    if words[0] in lx.determiners:
        return by_title(" ".join(words[: t.title_words]), ctx.roles) == traveller
    # a plural noun opens with another subject ("Na sexta-feira, agricultores planejam ...")
    plural = any(words[0].endswith(e) and len(words[0]) >= t.plural_min_letters for e in lx.plural_endings)
    return lx.pro_drop and not plural


def _is(m: Mention, st: Stop, km: float) -> bool:
    """The mention names the stop's place (or a landmark within ``km`` of it: "au palais de la
    République" in Dakar)."""
    r = m.record
    if r is None or st.resolved is None:
        return bool(st.place) and m.query.lower() == (st.place or "").lower()
    if r.id == st.resolved.id or (st.place or "").lower() in (m.query.lower(), m.text.lower()):
        return True
    return r.is_landmark and same_point(r, st.resolved, km)


def _activity_day(
    s: Sentence, stop: Stop, stops: list[Stop], doc: Document, within: tuple[int, int] | None = None
) -> dt.date | None:
    """The latest single day of the sentence (of its characters ``within``, when given) that
    stretches the stay: after it so far, at most ``Tuning.stay_max_days`` from its first day, not
    past the day the trip's next stop begins, not a past day for a planned stop."""
    ctx, d = doc.ctx, stop.date
    if not _may_stay(stop) or d.start is None or d.end is None:
        return None
    later = [o.date.start for o in stops if o is not stop and o.date.start and o.date.start > d.start]
    limit = min(later, default=d.start + dt.timedelta(days=ctx.tuning.stay_max_days))
    limit = min(limit, d.start + dt.timedelta(days=ctx.tuning.stay_max_days))
    days = []
    for h in s.dates:
        if h.until or (h.span is not None and h.span.start != h.span.end):
            continue
        if within is not None and not within[0] <= h.start < within[1]:
            continue
        ahead = clause_future(s, h.start, ctx) if h.weekday is not None else None
        if h.span is None and h.weekday is not None and not h.next_ and not h.this:
            # a weekday told after the stop's day is the first such day after it ("arrived in
            # Oslo on Monday. On Tuesday she met the king"), unless the tense says otherwise
            first = d.start + dt.timedelta(days=(h.weekday - d.start.weekday()) % WEEK)
            if _against_tense(first, ahead, ctx.published):
                continue
            r: DateSpan | None = day_span(first, first)
        else:
            future = stop.status is not Status.CONFIRMED if ahead is None else ahead
            r = h.resolve(ctx.published, future=future)
        if r is None or r.precision is not Precision.DAY or r.start is None or r.start != r.end:
            continue
        if d.end < r.start <= limit:
            if stop.status is Status.PLANNED and ctx.published is not None and r.start < ctx.published:
                continue
            days.append(r.start)
    return max(days, default=None)


def _against_tense(day: dt.date, ahead: bool | None, published: dt.date | None) -> bool:
    """A day after the publication told in the past, or before it told in the future."""
    if ahead is None or published is None:
        return False
    return day < published if ahead else day > published
