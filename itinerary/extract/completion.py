"""Completing a trip from what the rest of the article says: an undated city takes the day of its
country stop; a country that only repeats a city's country is absorbed into it (or kept as the
entry, pinned to its border nearest the city); the latest confirmed stop of an undated trip takes
the publication date; where the news finds the traveller, the stay lasts until the next leg sets
off; stops in travel order."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from itinerary.coords import latlon, point
from itinerary.extract.document import AREA_KINDS, Candidate, Document
from itinerary.extract.lexicon import Lexicon, starts
from itinerary.extract.steps.dates import consistent
from itinerary.extract.text import word_list
from itinerary.extract.tuning import Tuning
from itinerary.geocode.regions import region_shape
from itinerary.model import DateSpan, Itinerary, Precision, Role, Status, Stop

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
            if entered and o not in entered:
                continue
            if (
                inside
                and (not o.date.known or _begins(o.date, s.date))
                and o.status is not Status.CANCELLED
                and consistent(s.date, o.status, published) is s.date
            ):
                out[i] = dataclasses.replace(o, date=s.date)
    return out


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
    day. A leg told by its arrival ("is to
    arrive in Hanoi early Thursday") says nothing of the day the traveller left, and nobody
    stays days at an airport: those keep their day."""
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
        if any(o.status is Status.CONFIRMED and o.date.end and o.date.end > day for o in stops):
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
        if nxt is None or not 0 < (nxt - day).days <= t.stay_until_leg_days or _told_by_arrival(leg, lx):
            continue
        out[i] = dataclasses.replace(s, date=DateSpan(day, nxt, Precision.DAY, f"{day}/{nxt}"))
    return tuple(out)


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


def _told_by_arrival(leg: Stop, lx: Lexicon) -> bool:
    """The sentence of a leg tells the traveller's arrival there ("arrive in Hanoi", "llega a",
    "kommt am Abend in Kampala an": a separable particle closes its clause)."""
    text = (leg.quote or "").lower()
    words = word_list(text)
    if any(starts(w, lx.arrival) for w in words):
        return True
    for phrase in lx.arrival:
        verb, _, particle = phrase.partition(" ")
        if not particle:
            continue
        if phrase in text or re.search(
            rf"(?<!\w){re.escape(verb)}(?!\w).*?(?<!\w){re.escape(particle)}\s*(?:[,;:.!?]|$)", text
        ):
            return True
    return False


def date_from_publication(stops: tuple[Stop, ...], published: dt.date | None) -> tuple[Stop, ...]:
    """When no confirmed stop of a trip is dated, the latest one is where the news finds the
    traveller ("Scholz ist am Nachmittag in Samarkand gelandet"): it gets the publication
    date, with a note saying so."""
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
    note = "date inferred: the article's publication date (the latest confirmed stop)"
    fixed = dataclasses.replace(s, date=DateSpan.parse(published), note=note)
    return (*stops[:i], fixed, *stops[i + 1 :])


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
