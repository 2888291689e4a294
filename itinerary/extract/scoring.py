"""The stop scorer: every place mention the gazetteer resolves is a candidate; a small learned
model decides which candidates are stops, and how sure it is.

The model is a logistic regression over named features (see :data:`FEATURES`), trained by
``benchmarks/train_extract_model.py`` on the development articles and shipped as
``stop_model.json`` (package data: weights, threshold, a reliability table from the
cross-validation, and the version of the feature set). Applying it needs no library: a dot
product and a logistic function. Without a model file the extractor keeps the stops its rules
find (``rule`` feature), so a broken or missing file degrades to the rules, never to nothing.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from itinerary.errors import ExtractionError

FEATURE_VERSION = 8
MODEL_FILE = "stop_model.json"

#: name -> what it measures (shown by ``--explain`` for the strongest reasons)
FEATURES: dict[str, str] = {
    "rule": "the travel rules make it a stop",
    "prep_visit": "a locative or directional preposition introduces it",
    "prep_origin": "a departure preposition introduces it",
    "travel_sentence": "its sentence has a travel word",
    "travel_near": "a travel word within a few words",
    "travel_close": "closeness of the nearest travel word",
    "speech_after": "the subject of a speech verb, time words and negations between (metonym)",
    "possessive": "possessive form",
    "genitive": "complements a noun (genitive case or preposition)",
    "noun_attached": "its preposition belongs to a noun that is no travel word",
    "listed": "item of a list of places",
    "kind_country": "a country (not a city-state)",
    "kind_region": "a region",
    "kind_city": "a city or a city-state",
    "kind_landmark": "a landmark",
    "population": "population (log scale)",
    "first_sentence": "in the first sentence",
    "dateline": "the dateline",
    "date_sentence": "its sentence has a date",
    "date_owned": "a date next to it",
    "persons": "a person is named in its sentence",
    "repeated": "mentioned more than once",
    "status_planned": "planned cue or future tense",
    "status_cancelled": "cancellation cue",
    "recogniser": "the named-entity recogniser saw a place",
    "position": "how late in the article",
    "old_date": "dated more than a year before publication",
    "sentence_has_stop": "another place of its sentence is a rule stop",
    "article_trip": "the travel rules find a trip in the article",
    "call_article": "the article opens on a telephone or video call",
    "call_no_trip_lede": "the article opens on a call and its headline and lede report no trip",
    "home": "the main traveller's own country, its capital or a landmark there",
    "dateline_away": "the dateline, while the headline and lede put the traveller in another country",
    "source": "named as the source or the addressee of a statement ('according to Moscow', 'warned Moscow')",
    "past_time": "a past year or date beside it, not the news' time ('Osaka in 2019')",
    "other_traveller": "its sentence sends another person than the main traveller there",
    "other_beside_main": "another person's place, in a sentence that also tells a stop of the main traveller",
    "dateline_other_place": "the dateline, while the headline and lede put the traveller at other places",
    "birthplace": "a person's birthplace ('born in Marseille', 'in Odessa geboren')",
    "owned_title": "its clause's subject is a title a possessive introduces ('his foreign minister')",
    "talked_about": "where a trip was talked about ('the visit was not discussed in Brussels')",
}
#: a feature ``lang_<code>`` is 1 for an article in that language; the model file holds a weight for
#: the languages it was trained on (a language without one adds nothing)
LANGUAGE_FEATURE = "lang_"


def known_feature(name: str) -> bool:
    """A feature of :data:`FEATURES`, or a language feature."""
    return name in FEATURES or name.startswith(LANGUAGE_FEATURE)


def describe(name: str) -> str:
    """What a feature measures, for ``--explain``."""
    if name.startswith(LANGUAGE_FEATURE):
        from itinerary.extract.lang import language  # the packs know their names

        return f"{language(name.removeprefix(LANGUAGE_FEATURE)).name} text"
    return FEATURES.get(name, name)


@dataclass(frozen=True)
class Thresholds:
    """The stop model's two probabilities, saved in the model file with its weights (every other
    number of the extractor is in :mod:`itinerary.extract.tuning`)."""

    keep: float = 0.55  # a candidate at or above this probability is a stop
    review_below: float = 0.7  # a stop below this probability gets needs_review


@dataclass(frozen=True)
class StopModel:
    """Logistic-regression weights over :data:`FEATURES`."""

    weights: dict[str, float]
    bias: float
    thresholds: Thresholds = field(default_factory=Thresholds)
    reliability: tuple[tuple[float, float, float, int], ...] = ()  # (lo, hi, observed, n)
    trained_on: str = ""

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(w * features.get(k, 0.0) for k, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def reasons(self, features: dict[str, float], top: int = 4) -> list[str]:
        """The features that pushed hardest, strongest first ("+ a travel word within ...")."""
        parts = [(w * features.get(k, 0.0), k) for k, w in self.weights.items()]
        parts = [p for p in parts if abs(p[0]) >= 0.25]
        parts.sort(key=lambda p: -abs(p[0]))
        return [("+ " if c > 0 else "- ") + describe(k) for c, k in parts[:top]]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "itinerary-stop-model",
            "feature_version": FEATURE_VERSION,
            "trained_on": self.trained_on,
            "bias": round(self.bias, 6),
            "weights": {k: round(v, 6) for k, v in self.weights.items()},
            "threshold": self.thresholds.keep,
            "review_below": self.thresholds.review_below,
            "reliability": [list(r) for r in self.reliability],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], origin: str = "model") -> StopModel:
        if data.get("format") != "itinerary-stop-model" or data.get("feature_version") != FEATURE_VERSION:
            raise ExtractionError(
                f"{origin}: not a stop model of feature version {FEATURE_VERSION}; "
                "rebuild it with benchmarks/train_extract_model.py"
            )
        weights = {str(k): float(v) for k, v in data["weights"].items() if known_feature(str(k))}
        thresholds = Thresholds(keep=float(data["threshold"]), review_below=float(data["review_below"]))
        rel = tuple((float(a), float(b), float(c), int(n)) for a, b, c, n in data.get("reliability", []))
        return cls(weights, float(data["bias"]), thresholds, rel, str(data.get("trained_on", "")))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1, sort_keys=True) + "\n", encoding="utf-8")


#: features of which a stop needs one: a place nothing in its sentence links to travel (no
#: preposition or visit verb, no travel word, not the dateline) is context, however often named
CUES = ("rule", "prep_visit", "prep_origin", "travel_sentence", "dateline")


#: features of which a stop has none: the place is where something else is, by a general fact of
#: the language however its trip words read (a birthplace; where a trip was talked about: "the
#: visit was not discussed in Brussels"; the source of a statement: "according to the Kremlin",
#: "selon Moscou", its government speaks, and a stop there is named elsewhere in the article;
#: the place of an event, topic or recipient: "the war in Ukraine", "aid for Kyiv", "помощь Киеву").
#: ``event_noun`` is a veto alone, no feature of :data:`FEATURES`: a weight learned for it only
#: moved the weights of the features it shares its candidates with (held out, two false stops more)
#: ``in_name`` (the place is one word of a company's, club's or bank's name: "Tokyo Electric",
#: "Real Madrid") is read only on a candidate no rule and no preposition makes a stop, a veto alone
#: ``viewpoint`` ("For Washington, the visit is a warning") and ``counterpart`` ("His Japanese
#: counterpart will travel to London") are vetoes alone as well
#: ``invitation`` ("Zelensky invited Lula to visit Kyiv": extended, not accepted) and ``distance``
#: ("some 600 km from Abidjan")
VETOES = (
    "birthplace",
    "talked_about",
    "source",
    "event_noun",
    "in_name",
    "viewpoint",
    "counterpart",
    "invitation",
    "distance",
)


#: what each veto says in ``extract --explain``
VETO_WHY = {
    "birthplace": "a birthplace",
    "talked_about": "where a trip was talked about",
    "source": "the source or the addressee of a statement",
    "event_noun": "the place of an event, topic or recipient ('the war in X', 'aid for X')",
    "viewpoint": "whose view is told ('For Washington, the visit is a warning')",
    "counterpart": "the place of the traveller's counterpart ('his counterpart will travel to X')",
    "invitation": "an invitation extended or received, not accepted ('invited Lula to visit X')",
    "distance": "a distance is measured from it ('600 km from X')",
    "in_name": "one word of an organisation's name ('Tokyo Electric', 'Real Madrid')",
}


def uncued(features: dict[str, float]) -> str | None:
    """Why the candidate is no stop whatever its probability (a veto, or no cue), else None."""
    veto = next((k for k in VETOES if features.get(k, 0.0) > 0), None)
    if veto is not None:
        return VETO_WHY[veto]
    return None if any(features.get(k, 0.0) > 0 for k in CUES) else "nothing links it to travel"


def cued(features: dict[str, float]) -> bool:
    """True when the candidate has at least one of :data:`CUES` and none of :data:`VETOES`."""
    return uncued(features) is None


def rules_only() -> StopModel:
    """The fallback: a candidate is a stop exactly when the rules say so."""
    return StopModel({"rule": 4.0}, -2.0, Thresholds(keep=0.5, review_below=0.0), trained_on="rules")


def read_model_file(path: Path | None, name: str, what: str) -> tuple[Any, str] | None:
    """The JSON of a model file and where it came from: the file at ``path``, or the one the
    package ships as ``name`` (None when it ships none). ``what`` names it in errors."""
    if path is not None:
        try:
            raw = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ExtractionError(f"{path}: cannot read the {what} ({exc.strerror})") from None
        origin = str(path)
    else:
        ref = resources.files("itinerary.extract").joinpath(name)
        if not ref.is_file():
            return None
        raw = ref.read_text(encoding="utf-8")
        origin = name
    try:
        return json.loads(raw), origin
    except json.JSONDecodeError as exc:
        raise ExtractionError(f"{origin}: line {exc.lineno}: not valid JSON; rebuild the model") from None


def load_model(path: Path | None = None) -> StopModel:
    """The shipped model (or the one at ``path``)."""
    read = read_model_file(path, MODEL_FILE, "stop model")
    return rules_only() if read is None else StopModel.from_json(*read)
