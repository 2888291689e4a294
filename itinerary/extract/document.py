"""The typed document the extraction steps read and write.

An :class:`~itinerary.extract.article.Article` becomes a :class:`Document`: its
:class:`Sentence` s (the spaCy span, the :class:`Mention` s of places, :class:`Person` s, date hits
and :class:`Clauses`), then its :class:`Candidate` s (every resolved place mention, read as if it
were a stop, with the features the stop model reads and the :class:`Reason` that kept or dropped
it). :class:`Context` carries what one extraction knows beyond a sentence: the language, the
tuning, the persons named in the article and the dated mentions. Which step writes which field is
declared in :mod:`itinerary.extract.pipeline`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from itinerary.extract.article import Article
from itinerary.extract.dates import DateHit
from itinerary.extract.lang.base import Language
from itinerary.extract.lexicon import Lexicon
from itinerary.extract.tuning import Tuning
from itinerary.geocode.gazetteer import Record
from itinerary.geocode.offline import Candidate as GeoCandidate
from itinerary.geocode.offline import OfflineGeocoder
from itinerary.model import DateSpan, Mode, Role, Status

if TYPE_CHECKING:  # spaCy is imported by the parse step only
    from spacy.tokens import Doc, Span


#: gazetteer kinds that are areas, not points: a country or a region
AREA_KINDS = frozenset({"country", "region"})


@dataclass
class Mention:
    """A place named in a sentence, with the gazetteer record it resolved to (carried to the end)."""

    start: int  # character offsets in the sentence
    end: int
    text: str
    query: str  # what the gazetteer was asked ("spatioport de Vostochny")
    from_ner: bool  # the recogniser saw it (else: the gazetteer scan)
    record: Record | None = None  # best gazetteer record
    natural: bool = False  # a natural feature to the recogniser (seas, mountains)
    confidence: float = 0.0
    main_name: bool = True  # matched under the record's main name (not an alias)
    match: GeoCandidate | None = None  # the gazetteer's answer the record comes from
    overruled: bool = False  # the places step chose it over the gazetteer's first answer


@dataclass
class Person:
    """A person named in a sentence."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class Reason:
    """What decided a candidate: ``rule`` names the rule of the travel rules (or why they did not
    take it); ``probability`` and ``why`` are the stop model's, once it has scored it."""

    rule: str
    kept: bool | None = None  # None until the model decided
    probability: float | None = None
    why: tuple[str, ...] = ()
    status: str = ""  # the status model's verdict on a kept stop, with its strongest reasons

    def text(self) -> str:
        """One line for ``extract --explain``."""
        verdict = "" if self.kept is None else ("kept" if self.kept else "dropped")
        p = "" if self.probability is None else f" p={self.probability:.2f}"
        why = f"; {'; '.join(self.why)}" if self.why else ""
        status = f"; {self.status}" if self.status else ""
        return f"{verdict}{p} (rules: {self.rule}){why}{status}".strip()


@dataclass
class Candidate:
    """A place mention read as a stop: its status, date, traveller and role as the rules read
    them, the features the stop model scores, and the reason it was kept or dropped."""

    place: Mention
    sentence: str
    status: Status
    date: DateSpan | None
    traveller: str | None
    role: Role
    hints: list[str]
    order: int
    explicit_traveller: bool = False
    #: persons who make the stop with the traveller ("Macron, Scholz and Draghi arrived")
    companions: tuple[str, ...] = ()
    rule: bool = True  # the travel rules made it a stop (else: a scored candidate)
    features: dict[str, float] = field(default_factory=dict)
    score: float = 1.0
    why: list[str] = field(default_factory=list)
    reason: Reason = Reason("a stop")
    #: what the status model reads (names in :data:`itinerary.extract.status_model.FEATURES`)
    status_features: dict[str, float] = field(default_factory=dict)
    #: the date the rules read, before it was made to agree with their status (a status the
    #: status model changes takes the date that agrees with it)
    read_date: DateSpan | None = None
    #: the means of travel its sentence names nearest the place (None: it names none)
    mode: Mode | None = None
    #: a place of another time than the article's trip ("Damals besuchte er Warschau", "has not
    #: been to Moscow since 2019"): background, the assembly drops it
    background: bool = False


@dataclass(frozen=True)
class Clauses:
    """The clauses of a sentence: an id for every character, and each id's kind ("main",
    "opener", "before", "sequel", "where", "aside", "quote", "report")."""

    ids: tuple[int, ...]
    kinds: tuple[str, ...]
    text: str = ""
    at_words: frozenset[str] = frozenset()  # the pack's locative prepositions
    bounds: tuple[tuple[int, int], ...] = ()  # per clause id: its first and last character + 1
    joiners: frozenset[str] = frozenset()  # the pack's list joiners ("and", "y", "puis")

    def at(self, pos: int) -> int:
        return self.ids[min(max(pos, 0), len(self.ids) - 1)] if self.ids else 0

    def kind(self, cid: int) -> str:
        return self.kinds[cid]


@dataclass
class Sentence:
    """One sentence of the article and what the steps found in it."""

    doc: Doc
    span: Span
    places: list[Mention] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    dates: list[DateHit] = field(default_factory=list)
    clauses: Clauses | None = None
    #: place mentions the places step refused, with the reason (for ``extract --explain``)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    #: the guest a host receives at a place, per place, travel words and persons, with the context
    #: that read it (``steps.roles.received_guest``, asked for each place by several steps)
    guests: dict[tuple[object, ...], tuple[Context, Person | None]] = field(
        default_factory=dict, repr=False, compare=False
    )


@dataclass
class Reading:
    """What one sentence says: its stops and the hints, lists and travel words around them."""

    travel: list[int]
    stops: list[tuple[Mention, Role]] = field(default_factory=list)
    hints_of: dict[int, list[str]] = field(default_factory=dict)  # stop index -> hint texts
    hint_owner: dict[int, int] = field(default_factory=dict)  # hint index -> stop index
    group: dict[int, int] = field(default_factory=dict)  # list item -> first item of its list
    made: dict[int, str] = field(default_factory=dict)  # place index -> the rule that made it a stop
    refused: dict[int, str] = field(default_factory=dict)  # place index -> why it is no rule stop


@dataclass
class Context:
    """What one extraction knows beyond a sentence (an Extractor keeps no per-article state)."""

    language: Language
    tuning: Tuning
    geocoder: OfflineGeocoder
    published: dt.date | None
    trained: bool  # a trained spaCy pipeline (tagger, parser, recogniser) read the text
    names: dict[str, str] = field(default_factory=dict)  # person mention -> fullest name
    roles: dict[str, Counter[str]] = field(default_factory=dict)  # title phrase -> persons
    #: sentence (its ``id``) -> the latest persons named together up to it ("X, Y and Z")
    groups: dict[int, tuple[str, ...]] = field(default_factory=dict)
    #: person -> the countries their titles name ("il presidente angolano João Lourenço": AO)
    homes: dict[str, set[str]] = field(default_factory=dict)
    #: (place record, date, persons of the sentence) of dated mentions that are not stops; the
    #: candidates step fills it, the assembly reads it
    dated: list[tuple[Record, DateSpan, set[str]]] = field(default_factory=list)
    #: (day, persons of the sentence) of arrivals told without their place ("Tajani era arrivato
    #: ieri"); the candidates step fills it, the assembly reads it
    arrivals: list[tuple[dt.date, set[str]]] = field(default_factory=list)
    #: (day, persons of the sentence) of a visit's end told without its place ("A visita termina
    #: na sexta-feira"); the candidates step fills it, the assembly reads it
    visit_ends: list[tuple[dt.date, set[str]]] = field(default_factory=list)
    #: (date, persons of the sentence) of a visit's day told without its place ("The visit is
    #: scheduled for 14 May"); the candidates step fills it, the assembly reads it
    visit_days: list[tuple[DateSpan, set[str]]] = field(default_factory=list)

    @property
    def lx(self) -> Lexicon:
        return self.language.words

    @classmethod
    def start(
        cls,
        code: str,
        geocoder: OfflineGeocoder,
        published: dt.date | None = None,
        tuning: Tuning | None = None,
    ) -> Context:
        """The context of an article in language ``code`` (a trained pipeline where one is installed)."""
        from itinerary.extract.lang import language  # the registry imports the packs
        from itinerary.extract.nlp import has_model
        from itinerary.extract.tuning import TUNING

        return cls(language(code), tuning or TUNING, geocoder, published, has_model(code))


@dataclass
class Document:
    """An article as the steps read it."""

    article: Article
    text: str  # cleaned
    ctx: Context
    sentences: list[Sentence] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # step name -> seconds

    @property
    def lang(self) -> str:
        return self.ctx.language.code


#: an article read up to the candidates (see :meth:`itinerary.extract.Extractor.analyse`)
Analysis = Document
