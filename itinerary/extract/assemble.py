"""Assembly: the candidates the stop model keeps become stops, grouped into one trip per traveller
(the mentions of one place merged into one stop), resolved against the gazetteer with the trip as
context, dated from what else the article says, and put in travel order."""

from __future__ import annotations

import dataclasses
import datetime as dt
import warnings
from collections import Counter
from collections.abc import Callable, Sequence

from itinerary.coords import haversine_km
from itinerary.errors import AmbiguityWarning, ExtractionError, ValidationError
from itinerary.extract.article import Article, clean_text
from itinerary.extract.completion import (
    absorb_countries,
    arrival_day,
    date_from_country,
    date_from_publication,
    date_from_visit_day,
    place_country_entries,
    stay_from_arrival,
    stay_until_next_leg,
    stay_until_visit_end,
)
from itinerary.extract.document import Candidate, Context, Mention
from itinerary.extract.features import long_before
from itinerary.extract.lexicon import Lexicon
from itinerary.extract.scoring import StopModel, cued, uncued
from itinerary.extract.steps.dates import consistent, day_span
from itinerary.extract.steps.persons import nationality
from itinerary.extract.steps.places import SERVING_KINDS, airport_city
from itinerary.extract.text import headline, slug
from itinerary.extract.tuning import Tuning
from itinerary.geocode.gazetteer import Record
from itinerary.geocode.normalize import analyze
from itinerary.geocode.records import LANDMARK_KINDS
from itinerary.geocode.resolve import resolve_itinerary
from itinerary.geocode.toponyms import forms_of
from itinerary.identity import UNKNOWN_TRAVELLER, in_travel_order, unique_id
from itinerary.identity import same_place as same_point
from itinerary.model import DateSpan, Itinerary, Place, Precision, Status, Stop, Trip

#: decides the final status of the merged stops of one trip (see :mod:`itinerary.extract.status_model`)
Settle = Callable[[list[Candidate]], list[Candidate]]


def choose(candidates: list[Candidate], model: StopModel) -> list[Candidate]:
    """Every candidate with the model's verdict in its reason; the kept ones are returned."""
    chosen: list[Candidate] = []
    for d in candidates:
        p = model.probability(d.features)
        kept = p >= model.thresholds.keep and cued(d.features)
        why = tuple(model.reasons(d.features)) if kept else ()
        if p >= model.thresholds.keep and not kept:  # --explain says what overruled the model
            why = (f"- not a stop whatever its probability: {uncued(d.features)}",)
        d.reason = dataclasses.replace(d.reason, kept=kept, probability=p, why=why)
        if kept:
            chosen.append(dataclasses.replace(d, score=p, why=list(why)))
    return chosen


def background(d: Candidate, published: dt.date | None, t: Tuning) -> str | None:
    """Why the kept candidate ``d`` is background, no stop of the trip the article tells (None
    when it is not): a visit dated long before the article ("in 2019 he visited Tokyo"), or one
    the rules read as of another time ("Damals besuchte er Warschau", "has not been to Moscow
    since 2019"). The assembly drops it; ``extract --explain`` says so."""
    if long_before(d, published, t.background_days):
        return "dated long before the article: background"
    if d.background:
        return "a visit of another time: background"
    return None


def build_trips(
    drafts: list[Candidate], article: Article, ctx: Context, model: StopModel, settle: Settle | None = None
) -> list[Trip]:
    """One trip per traveller from the kept candidates, resolved, dated and ordered (``settle``
    decides the final status of each trip's stops once their mentions are merged)."""
    draft = Itinerary(trips=tuple(_draft_trips(drafts, article, ctx, model, settle)))
    with warnings.catch_warnings():  # an ambiguous answer is marked needs_review by resolve
        warnings.simplefilter("ignore", AmbiguityWarning)
        try:
            resolved = resolve_itinerary(draft, ctx.geocoder)  # the trip's other stops as context
            if any(len(t.stops) == 1 for t in resolved.trips) and len(resolved.trips) > 1:
                # a trip of one stop has no other stops to resolve it by: the article's stops
                everyone = Trip(
                    id="all", traveller="all", stops=tuple(s for t in draft.trips for s in t.stops)
                )
                article_wide = resolve_itinerary(Itinerary(trips=(everyone,)), ctx.geocoder).trips
                resolved = resolved.with_trips(_shared_mentions(resolved.trips, article_wide[0]))
        except ValidationError as exc:  # a place the gazetteer knew a moment ago
            raise ExtractionError(str(exc)) from None
    # the article's main traveller: the one with the most stops (the first such trip)
    main_traveller = max(resolved.trips, key=lambda t: len(t.stops)).traveller if resolved.trips else None
    out: list[Trip] = []
    for trip in resolved.trips:
        kept = [landmark_city(date_from_mentions(st, trip.traveller, ctx), ctx) for st in trip.stops]
        t = ctx.tuning
        ordered = in_travel_order(absorb_countries(date_from_country(kept, article.published), t))
        if trip.traveller == main_traveller:
            ordered = date_from_publication(ordered, article.published, ctx.lx.vague_periods)
        ordered = date_from_visit_day(ordered, ctx.visit_days, trip.traveller, article.published)
        ordered = stay_until_next_leg(ordered, ctx.lx, t)
        ordered = stay_from_arrival(ordered, ctx.arrivals, trip.traveller, t)
        ordered = stay_until_visit_end(ordered, ctx.visit_ends, trip.traveller, t)
        ordered = in_travel_order(ordered)  # by the days the steps above gave
        ordered = place_country_entries(ordered, t)
        out.append(dataclasses.replace(trip, stops=ordered))
    return [t for t in out if t.stops]


def _shared_mentions(trips: tuple[Trip, ...], everyone: Trip) -> tuple[Trip, ...]:
    """The stops of a trip of one stop (a fellow traveller's, "Sall and Madbouly fly to St
    Petersburg") resolved with the article's other stops as context (``everyone``: all stops of
    the article as one trip); the other trips keep their own."""
    found = {(st.quote, st.place): st.resolved for st in everyone.stops}
    out = []
    for trip in trips:
        if len(trip.stops) == 1:
            st = trip.stops[0]
            place = found.get((st.quote, st.place)) or st.resolved
            trip = dataclasses.replace(trip, stops=(dataclasses.replace(st, resolved=place),))
        out.append(trip)
    return tuple(out)


def _by_traveller(
    drafts: list[Candidate],
    published: dt.date | None,
    t: Tuning,
    named: set[str],
    ctx: Context | None = None,
) -> dict[str, list[Candidate]]:
    """The candidates per traveller; a stop only the scorer found goes to the article's main one.
    A traveller known only by a title ("die Außenministerin", "el papa": no name of ``named``)
    is the main traveller, or, in an article that names no traveller, the trip's name."""
    # a stop a sentence gives to persons listed together counts for each of them
    explicit = Counter(
        x
        for d in drafts
        if d.explicit_traveller and d.traveller and (d.rule or d.companions)
        for x in (d.traveller, *d.companions)
    )
    explicit = explicit or Counter(d.traveller for d in drafts if d.explicit_traveller and d.traveller)
    # a tie goes to the person the article names as a traveller most often (not another person's
    # visit of long ago that a rule reads in full: "durante la visita di Stato di Xi Jinping")
    named_often = Counter(d.traveller for d in drafts if d.explicit_traveller and d.traveller)
    main = max(explicit, key=lambda x: (explicit[x], named_often[x])) if explicit else None
    titled = Counter(d.traveller for d in drafts if d.traveller and d.traveller not in named)
    if main is None and titled and len(named) == 1:
        main = next(iter(named))  # the one person the article names, known to the stops by a title
    if main is None and titled:
        main = titled.most_common(1)[0][0]  # the first of the most frequent titles
    home = ctx.homes.get(main or "", set()) if ctx is not None else set()
    drafts = [
        dataclasses.replace(d, traveller=(ctx and foreign_title(d, home, ctx.lx)) or main)
        if d.traveller and d.traveller not in named
        else d
        for d in drafts
    ]
    parties = _parties(drafts)
    by_traveller: dict[str, list[Candidate]] = {}
    for d in drafts:
        if background(d, published, t):
            continue  # "in 2019 he visited Tokyo", "has not been to Moscow since 2019"
        # a stop only the scorer found goes to the main traveller, unless the sentence names
        # the persons who make it together ("Draghi, Macron e Scholz a Kiev")
        own = d.rule or (d.explicit_traveller and bool(d.companions))
        who = (d.traveller if own else main or d.traveller) or main or UNKNOWN_TRAVELLER
        by_traveller.setdefault(who, []).append(d)
        for other in _fellows(d, who, parties):  # one stop per traveller: each on their own trip
            by_traveller.setdefault(other, []).append(_fellow_copy(d, other))
    return by_traveller


def foreign_title(d: Candidate, home: set[str], lx: Lexicon) -> str | None:
    """The bare title of the stop's traveller with the nationality its sentence gives it, when that
    is not the main traveller's own (``home``, the countries their titles name): "il presidente
    americano", "the French president" in an article about another leader name another person,
    who gets a trip of their own under that title."""
    title = d.traveller or ""
    at = d.sentence.lower().find(title.lower())
    if not title or at < 0:
        return None
    after = [(w, True) for w in d.sentence[at + len(title) :].split()[:1]]
    before = [(w, False) for w in d.sentence[:at].split()[-1:]]
    for raw, follows in after + before:
        word = raw.strip(".,;:!?()«»\"'")
        form = forms_of().form(word)
        if form is not None and form.kind == "demonym" and form.target.startswith("country:"):
            if form.target.removeprefix("country:") in home:
                return None
        elif home or not nationality(word, lx):
            continue
        return f"{title} {word}" if follows else f"{word} {title}"
    return None


#: a party of persons travelling together: (the first candidate that names it, its members)
Party = tuple[Candidate, tuple[str, ...]]


def _parties(drafts: list[Candidate]) -> list[Party]:
    """The persons the article has travel together ("Draghi, Macron e Scholz sono arrivati",
    "the three leaders flew"), each party with the first candidate that names it: from its
    sentence on they travel together."""
    out: dict[tuple[str, ...], Candidate] = {}
    for d in sorted(drafts, key=lambda d: d.order):
        party = tuple(dict.fromkeys(x for x in (d.traveller, *d.companions) if x))
        if len(party) > 1:
            out.setdefault(party, d)
    return [(first, party) for party, first in out.items()]


def _fellow_copy(d: Candidate, who: str) -> Candidate:
    """The stop of a fellow traveller (resolved like the traveller's: :func:`_shared_mentions`)."""
    return dataclasses.replace(d, traveller=who, companions=())


def _fellows(d: Candidate, who: str, parties: Sequence[Party] = ()) -> list[str]:
    """Who else makes the stop ``who`` was given: the traveller's companions when the stop went
    to a member of its party (a scored stop given to the main traveller keeps its party only
    when the main traveller is in it). A stop no sentence gives to one person alone ("La prima
    tappa è stata Irpin", "they then drove to Bucha"), after persons were said to travel
    together, is made by the whole party: a joint trip takes its members everywhere it goes."""
    party = [x for x in (d.traveller, *d.companions) if x]
    if who not in party:
        party = []
    alone = d.explicit_traveller and not d.companions
    if not alone:
        for first, joint in parties:
            if who in joint and (d.order >= first.order or d.sentence == first.sentence):
                party.extend(joint)
    return [x for x in dict.fromkeys(party) if x != who]


def _draft_trips(
    drafts: list[Candidate], article: Article, ctx: Context, model: StopModel, settle: Settle | None = None
) -> list[Trip]:
    t = ctx.tuning
    trips: list[Trip] = []
    used_ids: set[str] = set()
    head = headline(clean_text(article.text), t.headline_max_chars, dateline_shaped=True)

    def serves(r: Record | Place) -> Record | None:
        return airport_city(r, ctx)

    for who, items in _by_traveller(drafts, article.published, t, set(ctx.names.values()), ctx).items():
        stops = merge_mentions(items, article.published, t, ctx.lx.arrival, serves)
        stops = in_body_order(stops, items, head, t, serves)
        if settle is not None:  # the final status, over the merged stops of the trip
            stops = settle(stops)
        if not stops:
            continue
        tid = unique_id(slug(who if who != UNKNOWN_TRAVELLER else "unknown"), used_ids)
        used_ids.add(tid)
        built = tuple(_stop(d, article, model, t) for d in stops)
        # the one means of travel the trip's stops name is the trip's ("by armoured train")
        modes = {s.mode for s in built if s.mode is not None}
        mode = modes.pop() if len(modes) == 1 else None
        trips.append(Trip(id=tid, traveller=who, stops=built, mode=mode, title=f"{who} (from the article)"))
    return trips


def in_body_order(
    stops: list[Candidate],
    items: list[Candidate],
    head: str | None,
    t: Tuning,
    serves: Callable[[Record | Place], Record | None] | None = None,
) -> list[Candidate]:
    """``stops`` (merged from the mentions ``items``, in text order) in the order of their first
    mention in the body: a headline names places in the order of the news, not of the journey
    ("Modi lands in Paris, Marseille next" over a body that tells the stopover in Cairo before
    Marseille). A place only the headline ``head`` names keeps the headline's place."""
    if head is None:
        return stops
    first: dict[int, Candidate] = {}
    for d in items:
        if d.sentence == head:
            continue
        same = next((i for i, o in enumerate(stops) if same_place(o.place, d.place, t, serves)), None)
        if same is not None:
            first.setdefault(same, d)
    return [stops[i] for i in sorted(range(len(stops)), key=lambda i: (first.get(i) or stops[i]).order)]


def _stop(d: Candidate, article: Article, model: StopModel, t: Tuning) -> Stop:
    # a reading the places step chose over the gazetteer's first answer (a city over the province
    # of its name) is kept; the others are resolved with the trip's other stops as context
    match = d.place.match if d.place.overruled else None
    return Stop(
        resolved=match.to_place() if match is not None else None,
        status=d.status,
        place=d.place.query,
        role=d.role,
        mode=d.mode,
        hint=", ".join(dict.fromkeys(d.hints)) or None,
        date=d.date or DateSpan(),
        source=article.source_id,
        quote=d.sentence,
        confidence=round(d.score, t.confidence_decimals),
        needs_review=d.score < model.thresholds.review_below or d.place.confidence < t.place_review_below,
        why=why_text(d),
    )


def landmark_city(stop: Stop, ctx: Context) -> Stop:
    """A landmark in a city stands for it ("au Kremlin", "at the Elysee Palace"): the stop is named
    by the most populous city of ``Tuning.landmark_city_population`` people or more within
    ``Tuning.landmark_city_km`` and stays pinned at the landmark (where the traveller was). A
    landmark out of town (a cosmodrome) or beside a smaller town (Windsor Castle, not Slough) keeps
    the name the article gave it; an airport or station is named by the city it serves
    (:func:`airport_city`: Sheremetyevo and Vnukovo by Moscow), else like any landmark."""
    r, t = stop.resolved, ctx.tuning
    if r is None or r.kind not in LANDMARK_KINDS:
        return stop
    served = airport_city(r, ctx)  # an airport stands for the city it serves, not its small town
    g = ctx.geocoder.gazetteer
    named = stop.place or ""
    key = analyze(named).key if named else ""
    for i in g.lookup(named) if key else ():
        c = g.record(i)
        town = c.kind == "city" and analyze(c.name).key == key
        if served is not None and c.population < t.landmark_city_population:
            continue  # "aeroporto di Fiumicino": Rome, not the town of Fiumicino
        if town and haversine_km(c.lat, c.lon, r.lat, r.lon) <= t.landmark_town_km:
            # the article named it by its town ("au palais de Carthage", "the Baikonur cosmodrome")
            return dataclasses.replace(stop, place=c.name)
    if served is not None:
        return dataclasses.replace(stop, place=served.name)
    near = g.nearest(r.lat, r.lon, k=t.landmark_city_near, kinds=["city"])
    cities = [c for c, km in near if km <= t.landmark_city_km and c.population >= t.landmark_city_population]
    if not cities:
        return stop
    city = max(cities, key=lambda c: c.population)
    return dataclasses.replace(stop, place=city.name)


def date_from_mentions(stop: Stop, traveller: str, ctx: Context) -> Stop:
    """An undated stop takes the one date the article gives the same place (a confirmed
    country: or a place inside it), in a sentence about the same traveller (or about nobody
    named): a confirmed stop a date up to the publication, a planned one a date from it on
    ("Во Владивостоке 25 апреля у него запланирована встреча"). A plan is for later: a planned
    stop takes no day of another sentence that is not after the day the plan is told (the
    dateline's or the publication day: "invited Doe to visit Chile ... protests in Chile on
    Tuesday", that Tuesday being the day of the invitation)."""
    r = stop.resolved
    if stop.date.known or stop.status is Status.CANCELLED or r is None:
        return stop
    inside = stop.status is Status.CONFIRMED  # a planned country: not from a city already done
    found = {
        d
        for rec, d, who in ctx.dated
        if (rec.id == r.id or (inside and r.kind == "country" and rec.country_code == r.country_code))
        and (not who or traveller in who)
        and consistent(d, stop.status, ctx.published) is d
        and not told_that_day(d, stop.status, ctx.published)
    }
    if len(found) != 1:
        return stop
    return dataclasses.replace(stop, date=found.pop())


def told_that_day(date: DateSpan, status: Status, published: dt.date | None) -> bool:
    """A day another sentence gives that is, for a planned stop, no later than the day the plan
    is told (``published``: the dateline's or the publication day), so not the trip's."""
    return (
        status is Status.PLANNED
        and published is not None
        and date.start is not None
        and date.start <= published
    )


def merge_mentions(
    items: list[Candidate],
    published: dt.date | None,
    t: Tuning,
    arrival: tuple[str, ...] = (),
    serves: Callable[[Record | Place], Record | None] | None = None,
) -> list[Candidate]:
    """One stop per place and trip: the first mention, completed by the later ones (their days
    where they fit the stop's status); no day before the arrival there that a mention tells
    ("est arrivée mercredi ... à Gao": not the Monday of another mention of Gao). ``serves``: the
    city an airport or station out of town serves (:func:`airport_city`), one stop with it."""
    out: list[Candidate] = []
    came: dict[int, dt.date] = {}  # a stop (its id) -> the day a mention tells the arrival there
    for d in items:
        day = arrival_day(d, arrival, t)
        same = next((o for o in out if same_place(o.place, d.place, t, serves)), None)
        served = same is not None and _serves(serves, same.place, d.place)
        if same is None:
            out.append(dataclasses.replace(d, hints=list(d.hints)))
            _note_arrival(came, out[-1], day)
            continue
        if d.rule and not same.rule:  # the mention the rules read as a stop speaks for the place
            out.remove(same)  # ... and takes its place in the text order
            carried = fits(same.date, d.status, published) and not _plan_told(same, d.status, published)
            date = d.date or (same.date if carried else None)
            landed = same.date if carried else None
            if served and landed is not None and d.date is not None:
                date = stay(landed, d.date, t)  # landed at the airport, then talks in the city
            hints = [*same.hints, *d.hints]
            mode = d.mode or same.mode
            out.append(
                dataclasses.replace(d, hints=hints, score=max(d.score, same.score), date=date, mode=mode)
            )
            _note_arrival(came, out[-1], day or came.get(id(same)))
            continue
        d = _after_arrival(d, came.get(id(same)))
        if came_true(same, d, published, t):  # "was expected in Hanoi ... arrived in Hanoi on Tuesday"
            same.status, same.status_features, same.read_date = d.status, d.status_features, d.read_date
            same.date = d.date  # the arrival's day, not a range with the day first expected
        if _headline_ahead(same, d, published):
            same.status, same.date = Status.PLANNED, d.date  # "Macron visits Hanoi": on Thursday
        # a vague month or year only from a mention the rules read as a stop (not "im Juni
        # Gastland beim G7-Gipfel"; but "his father visited Russia in 2011")
        vague = d.date is not None and d.date.precision is not Precision.DAY
        if (
            d.date is not None
            and (d.rule or not vague)
            and fits(d.date, same.status, published)
            and not _plan_told(d, same.status, published)
        ):
            if same.date is None:
                same.date = d.date
                _note_arrival(came, same, day)
            elif same.status is d.status:
                same.date = stay(same.date, d.date, t)  # a stay: arrival here, mass there on Sunday
        if d.status is Status.CANCELLED:
            same.status = Status.CANCELLED
        same.mode = same.mode or d.mode  # a later mention may tell how the traveller came
        same.hints.extend(d.hints)
        if served or (
            d.place.confidence > same.place.confidence and not _serves(serves, d.place, same.place)
        ):
            same.place = d.place  # the city an airport serves is the stop, not the airport (Vnukovo)
    return out


def came_true(stop: Candidate, d: Candidate, published: dt.date | None, t: Tuning) -> bool:
    """A later mention of the same traveller tells the trip made that an earlier one told as
    planned ("was expected in Hanoi on Monday ... He arrived in Hanoi on Tuesday"): the rules read
    it as a stop, confirmed, with a verb of travel or arrival in the past before the place, and
    dated to a day at most ``Tuning.stay_max_days`` before the publication, not after it. Not an
    undated or vaguely dated later mention ("he last visited Hanoi in 2019": another trip), nor
    one with no verb of the journey ("protests broke out in Hanoi on Tuesday"), nor a plan dated
    after that arrival (a later return to the place, another stop of the tour)."""
    cues = d.status_features
    if stop.status is not Status.PLANNED or d.status is not Status.CONFIRMED or not d.rule:
        return False
    if cues.get("trip_told") != 1.0 or cues.get("verb_past") != 1.0:
        return False
    day = d.date
    if published is None or day is None or day.precision is not Precision.DAY or day.end is None:
        return False
    if stop.date is not None and stop.date.start is not None and stop.date.start > day.end:
        return False  # a plan for after that arrival: a return there ("before flying back to Hanoi")
    return 0 <= (published - day.end).days <= t.stay_max_days


def _headline_ahead(first: Candidate, later: Candidate, published: dt.date | None) -> bool:
    """The first mention is the headline's, confirmed and undated (a headline tells in the present
    what is done, under way or to come: "Macron visits Hanoi"), and a later one in the body (not
    the headline's own "is received tomorrow at the Kremlin") tells the journey there planned on
    a day after the publication, with a word of plan or a future before the place ("will arrive in
    Hanoi on Thursday"; not a day read ahead alone): the body gives the time, the stop is planned."""
    cues = later.status_features
    start = later.date.start if later.date is not None else None
    ahead = published is not None and start is not None and start > published
    # "Besuch in Quito" over "Der Besuch in Quito ist für April geplant": a plan word after the
    # place, whose month no date step read, tells the plan without a day
    undated = later.date is None and cues.get("planned_after") == 1.0
    return (
        published is not None
        and (cues.get("planned_before") == 1.0 or cues.get("verb_future") == 1.0 or undated)
        and first.features.get("first_sentence") == 1.0
        and first.status is Status.CONFIRMED
        and first.date is None
        and later.status is Status.PLANNED
        and later.features.get("first_sentence") != 1.0  # the body's, not the headline's own
        and bool(later.features.get("travel_near"))
        and (ahead or undated)
    )


def _plan_told(other: Candidate, status: Status, published: dt.date | None) -> bool:
    """The day of a mention not planned and with no travel word near it (an event there already
    told, not the journey) is, for a planned stop of the same place, the day of the telling when
    it is not after the publication day: the plan is for later ("invited Doe to visit Chile ...
    protests in Chile on Tuesday"); a mention travelling there tells the trip itself ("flies
    to Benguela this evening", "arrived in the United States on Tuesday")."""
    return (
        other.status is not Status.PLANNED
        and not other.features.get("travel_near")
        and other.date is not None
        and told_that_day(other.date, status, published)
    )


def _serves(serves: Callable[[Record | Place], Record | None] | None, a: Mention, b: Mention) -> bool:
    """``a`` is an airport or station out of town and ``b`` the city it serves."""
    if serves is None or a.record is None or b.record is None or b.record.kind != "city":
        return False
    city = serves(a.record)
    return city is not None and city.id == b.record.id


def _note_arrival(came: dict[int, dt.date], stop: Candidate, day: dt.date | None) -> None:
    """Remember the day a mention tells the arrival at ``stop``, if any."""
    if day is not None:
        came[id(stop)] = day


def _after_arrival(d: Candidate, arrived: dt.date | None) -> Candidate:
    """A mention dated before the arrival there that the article tells gives the stop no day:
    the traveller was not there yet."""
    if arrived is not None and d.date is not None and d.date.end is not None and d.date.end < arrived:
        return dataclasses.replace(d, date=None)
    return d


def fits(date: DateSpan | None, status: Status, published: dt.date | None) -> bool:
    """Whether a date another mention gives fits this stop's status (no day ahead for a stop
    already made, no day past for one still planned)."""
    return date is not None and consistent(date, status, published) is date


def stay(a: DateSpan, b: DateSpan, t: Tuning) -> DateSpan:
    """Two dates of one stop from two mentions: the span that covers both (a stay: landed on
    Tuesday, the ceremony there on Wednesday), if it is at most two weeks of days; else the
    first one."""
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return a
    if a.precision is not Precision.DAY or b.precision is not Precision.DAY:
        return a
    lo, hi = min(a.start, b.start), max(a.end, b.end)
    if (hi - lo).days > t.stay_max_days:
        return a
    return day_span(lo, hi)


def same_place(
    a: Mention, b: Mention, t: Tuning, serves: Callable[[Record | Place], Record | None] | None = None
) -> bool:
    """One place: :func:`itinerary.identity.same_place` within ``Tuning.same_city_km``, with the
    article's own rule on top: near records are one place only when one is a landmark (a city and
    its airport, a palace) or both carry one name; two towns of their own names, however near
    (Irpin and Kyiv), are two stops. An airport or station out of town and the city it serves
    (``serves``: Vnukovo and Moscow) are one place: landing there is arriving in the city. Unresolved
    mentions are one place when written alike."""
    ra, rb = a.record, b.record
    if ra is None or rb is None:
        return bool(a.query.lower() == b.query.lower())
    if serves is not None and ra.id != rb.id:
        for x, y in ((ra, rb), (rb, ra)):
            city = serves(x) if x.kind in SERVING_KINDS and y.kind == "city" else None
            if city is not None and city.id == y.id:
                return True
    landmark = ra.is_landmark or rb.is_landmark
    if ra.id != rb.id and not landmark and analyze(ra.name).key != analyze(rb.name).key:
        return False
    return same_point(ra, rb, t.same_city_km)


def why_text(d: Candidate) -> str:
    """The reasons that made a stop, for the draft's ``why``."""
    head = "rules" if d.rule else "scorer"
    return f"why ({head}, p={d.score:.2f}): " + "; ".join(d.why or ["no single strong cue"])
