"""The extractor: an article through the pipeline's steps to its candidates (:meth:`Extractor.analyse`),
then the stop model's choice and the assembly of the draft itinerary (:meth:`Extractor.assemble`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from itinerary.extract.article import Article, clean_text
from itinerary.extract.assemble import background, build_trips, choose
from itinerary.extract.completion import date_after_sequence, stay_through_activities
from itinerary.extract.date_model import DateModel, load_date_model, redate
from itinerary.extract.document import Candidate, Context, Document
from itinerary.extract.limits import check_article_text
from itinerary.extract.nlp import check_supported, detect_language
from itinerary.extract.pipeline import Pipeline
from itinerary.extract.scoring import StopModel, load_model
from itinerary.extract.status_model import StatusModel, load_status_model
from itinerary.extract.text import headline
from itinerary.extract.tuning import TUNING, Tuning
from itinerary.geocode import OfflineGeocoder
from itinerary.model import Itinerary, Source


class Extractor:
    """Turns articles into draft itineraries (reusable: models and gazetteer load once).

    ``geocoder`` is any :class:`~itinerary.geocode.OfflineGeocoder` (a
    :class:`~itinerary.geocode.online.ChainGeocoder` to let an online service answer what the
    gazetteer does not know); ``pipeline`` the steps to run (:class:`~itinerary.extract.pipeline.Pipeline`).
    """

    def __init__(
        self,
        geocoder: Any = None,
        model: StopModel | None = None,
        *,
        tuning: Tuning = TUNING,
        pipeline: Pipeline | None = None,
        status_model: StatusModel | None = None,
        date_model: DateModel | None = None,
    ) -> None:
        self.geocoder = geocoder or OfflineGeocoder()
        self.model = model or load_model()
        self.status_model = status_model or load_status_model()
        self.tuning = tuning
        self.pipeline = pipeline or Pipeline()
        self.date_model = date_model or load_date_model()

    def extract(self, article: Article) -> Itinerary:
        """The draft itinerary of one article: a trip per traveller, stops resolved and ordered,
        each with its status, date, quote and confidence (``needs_review`` where unsure)."""
        return self.assemble(self.analyse(article))

    def analyse(self, article: Article) -> Document:
        """Everything about the article that does not depend on the stop model: the candidates
        with their features (so a cross-validation reads each article once)."""
        check_article_text(article.text, article.source_id)
        text = clean_text(article.text)
        code = check_supported(article.language or detect_language(text))
        ctx = Context.start(code, self.geocoder, article.published, self.tuning)
        return self.pipeline.run(Document(article, text, ctx))

    def assemble(
        self,
        analysis: Document,
        model: StopModel | None = None,
        status_model: StatusModel | None = None,
        date_model: DateModel | None = None,
    ) -> Itinerary:
        """The draft itinerary from an analysis, with ``model`` (default: the extractor's) deciding
        which candidates are stops, ``status_model`` (default: the extractor's) their status, and
        ``date_model`` (default: the extractor's) which of the dates the article offers a stop is
        its date; every candidate's ``reason`` records the verdicts."""
        model = model or self.model
        article, ctx = analysis.article, analysis.ctx
        chosen = choose(analysis.candidates, model)
        status = status_model or self.status_model
        notes = {d.order: d for d in analysis.candidates}

        def decide(stops: list[Candidate]) -> list[Candidate]:
            """The final status of a trip's stops: the status model over the rules' reading."""
            out = status.settle(stops, ctx.published)
            for d in out:  # the verdict, for --explain
                if d.order in notes:
                    notes[d.order].reason = dataclasses.replace(notes[d.order].reason, status=d.reason.status)
            return out

        for d in analysis.candidates:  # no verdict of an earlier assembly (another model) stays
            d.reason = dataclasses.replace(d.reason, status="")
        for d in chosen:  # kept by the model, dropped by the assembly as another time's visit
            why = background(d, ctx.published, ctx.tuning)
            if why and d.order in notes:
                notes[d.order].reason = dataclasses.replace(notes[d.order].reason, kept=False, rule=why)
        trips = build_trips(chosen, article, ctx, model, decide)
        named = article.title or headline(clean_text(article.text), self.tuning.headline_max_chars)
        source = Source(
            id=article.source_id,
            publisher=article.publisher,
            url=article.url,
            title=named,
            published=article.published,
            language=analysis.lang,
        )
        title = f"Draft: {named}" if named else f"Draft itinerary from {article.source_id}"
        draft = Itinerary(trips=tuple(trips), title=title, as_of=article.published, sources=(source,))
        dated = stay_through_activities(date_after_sequence(draft, analysis), analysis)
        return redate(dated, analysis, date_model or self.date_model)

    @staticmethod
    def explain(analysis: Document) -> list[str]:
        """One line per place mention of an assembled analysis: every candidate, kept or dropped,
        with the rule and the model's probability that decided it, then every mention the places
        step refused, with why."""
        lines = [f"{c.place.text}: {c.reason.text()}" for c in analysis.candidates]
        lines += [
            f"{text}: dropped (not a place: {why})" for s in analysis.sentences for text, why in s.dropped
        ]
        return lines


def extract(
    text: str,
    *,
    published: dt.date | None = None,
    language: str | None = None,
    title: str | None = None,
    source_id: str = "article",
    extractor: Extractor | None = None,
) -> Itinerary:
    """A draft itinerary from the text of a news article (see :mod:`itinerary.extract`)."""
    article = Article(text=text, published=published, language=language, title=title, source_id=source_id)
    return (extractor or Extractor()).extract(article)
