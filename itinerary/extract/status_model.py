"""The status model: whether a stop is confirmed, planned or cancelled, decided by a small learned
model over general features of the stop, the status the rules read among them.

The rules (:mod:`itinerary.extract.steps.status`) read a status from the words around a stop;
the model weighs that reading with what carries across languages (the tense of the clause, the
words of plans, cancellations and invitations and how near they are, the stop's date against the
publication, the headline and the dateline, reported speech, conditionals, sequence words, the
status of the trip's previous stop) and makes the final decision. It is a multinomial logistic
regression over the named features of :data:`FEATURES`, trained by
``benchmarks/train_extract_model.py`` on the development articles and shipped as
``status_model.json`` (package data: per status a bias and weights, and the version of the
feature set). Applying it needs no library: a dot product per status and a softmax. Without a
model file, or with one that cannot be read, the status is the one the rules read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itinerary.errors import ExtractionError, ItineraryWarning
from itinerary.extract.document import Candidate
from itinerary.extract.scoring import read_model_file
from itinerary.extract.steps.dates import consistent
from itinerary.model import Status

FEATURE_VERSION = 1
MODEL_FILE = "status_model.json"
FORMAT = "itinerary-status-model"

#: the statuses the model decides between, in the model file's order
STATUSES = (Status.CONFIRMED, Status.PLANNED, Status.CANCELLED)

#: name -> what it measures (shown by ``--explain`` for the strongest reasons)
FEATURES: dict[str, str] = {
    # what the rules read
    "rule_confirmed": "the rules read it as confirmed",
    "rule_planned": "the rules read it as planned",
    "rule_cancelled": "the rules read it as cancelled",
    "previous_planned": "the rules read the trip's previous stop as planned",
    "previous_cancelled": "the rules read the trip's previous stop as cancelled",
    "previous_none": "the first stop of its trip",
    # tense and mood
    "clause_past": "its clause is in the past",
    "clause_present": "its clause is in the present",
    "clause_future": "its clause is in the future or the conditional",
    "clause_untold": "its clause has no tense to read",
    "verb_past": "a verb in the past before it (since the previous stop)",
    "verb_present": "a verb in the present before it (since the previous stop)",
    "verb_future": "a verb in the future or conditional before it (since the previous stop)",
    "conditional": "its sentence has a conditional or an unreal past",
    "trip_told": "a verb of travel in the past before it",
    # cue words of the packs, their direction and distance
    "planned_before": "a word of plan before it (since the previous stop)",
    "planned_after": "a word of plan after it (before the next stop)",
    "planned_near": "closeness of the nearest word of plan in its sentence",
    "cancelled_before": "a word of cancellation before it (since the previous stop)",
    "cancelled_after": "a word of cancellation after it (before the next stop)",
    "cancelled_near": "closeness of the nearest word of cancellation in its sentence",
    "invitation_before": "a word of invitation before it (since the previous stop)",
    "invitation_after": "a word of invitation after it (before the next stop)",
    "invitation_near": "closeness of the nearest word of invitation in its sentence",
    "invited": "someone is invited to it",
    "denied": "a trip denied before it ('will not travel to')",
    "en_route": "a word of departure leads to it: not reached yet",
    "arrival_before": "a word of arrival before it",
    "sequence_before": "a word of sequence before it ('then', 'danach')",
    # the sentence
    "speech": "its sentence reports speech",
    "quoted": "its sentence quotes someone",
    # its date against the publication
    "date_before": "dated before the publication",
    "date_same": "dated the day of the publication",
    "date_after": "dated after the publication",
    "date_unknown": "no date",
    # where it stands in the article (the stop model's features)
    "first_sentence": "in the headline or first sentence",
    "dateline": "the dateline",
    "position": "how late in the article",
}
#: a feature ``lang_<code>`` is 1 for an article in that language (a language the model file has
#: no weight for adds nothing)
LANGUAGE_FEATURE = "lang_"
#: the stop model's features the status model reads too
FROM_STOP_MODEL = ("first_sentence", "dateline", "position")


def known_feature(name: str) -> bool:
    """A feature of :data:`FEATURES`, or a language feature."""
    return name in FEATURES or name.startswith(LANGUAGE_FEATURE)


def describe(name: str) -> str:
    """What a feature measures, for ``--explain``."""
    if name.startswith(LANGUAGE_FEATURE):
        return f"{name.removeprefix(LANGUAGE_FEATURE)} text"
    return FEATURES.get(name, name)


@dataclass(frozen=True)
class StatusModel:
    """Per status, a bias and weights over :data:`FEATURES`; no statuses: the rules decide."""

    weights: dict[Status, dict[str, float]] = field(default_factory=dict)
    bias: dict[Status, float] = field(default_factory=dict)
    trained_on: str = ""
    c: float = 0.0  # the regularisation it was trained with (for the record)

    @property
    def learned(self) -> bool:
        return bool(self.weights)

    def probabilities(self, features: dict[str, float]) -> dict[Status, float]:
        """The softmax over the statuses the model knows (empty without a model)."""
        z = {
            st: self.bias.get(st, 0.0) + sum(w * features.get(k, 0.0) for k, w in ws.items())
            for st, ws in self.weights.items()
        }
        top = max(z.values(), default=0.0)
        e = {st: math.exp(v - top) for st, v in z.items()}
        total = sum(e.values())
        return {st: v / total for st, v in e.items()}

    def decide(self, features: dict[str, float], rule: Status) -> Status:
        """The most probable status; the rules' one without a model or when it ties."""
        p = self.probabilities(features)
        if not p:
            return rule
        best = max(p, key=lambda st: (p[st], st is rule))
        return best

    def reasons(self, features: dict[str, float], chosen: Status, top: int = 3) -> list[str]:
        """The features that pushed hardest towards ``chosen`` against the other statuses,
        strongest first ("+ dated after the publication")."""
        ws = self.weights.get(chosen)
        if not ws or len(self.weights) < 2:
            return []
        others = [w for st, w in self.weights.items() if st is not chosen]
        parts = []
        for k, x in features.items():
            if not x or k not in ws:
                continue
            rival = sum(o.get(k, 0.0) for o in others) / len(others)
            parts.append(((ws[k] - rival) * x, k))
        parts = [p for p in parts if abs(p[0]) >= 0.25]
        parts.sort(key=lambda p: -abs(p[0]))
        return [("+ " if c > 0 else "- ") + describe(k) for c, k in parts[:top]]

    def settle(self, stops: list[Candidate], published: dt.date | None) -> list[Candidate]:
        """The stops of one trip (its mentions merged, in text order) with the status the model
        decides over the rules' reading; a stop whose status changes takes the date that agrees
        with its new status. Each stop's ``reason`` records the verdict (for ``--explain``)."""
        if not self.learned:
            return stops
        out: list[Candidate] = []
        for d, f in zip(stops, vectors(stops), strict=True):
            new = self.decide(f, d.status)
            p = self.probabilities(f)[new]
            why = "; ".join(self.reasons(f, new))
            told = f" (rules: {d.status.value})" if new is not d.status else ""
            note = f"status {new.value} p={p:.2f}{told}" + (f": {why}" if why else "")
            d = dataclasses.replace(d, reason=dataclasses.replace(d.reason, status=note))
            if new is not d.status:
                d = dataclasses.replace(d, status=new, date=consistent(d.read_date, new, published))
            out.append(d)
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "feature_version": FEATURE_VERSION,
            "trained_on": self.trained_on,
            "c": self.c,
            "bias": {st.value: round(b, 6) for st, b in self.bias.items()},
            "weights": {st.value: {k: round(v, 6) for k, v in ws.items()} for st, ws in self.weights.items()},
        }

    @classmethod
    def from_json(cls, data: Any, origin: str = "model") -> StatusModel:
        if (
            not isinstance(data, dict)
            or data.get("format") != FORMAT
            or data.get("feature_version") != FEATURE_VERSION
        ):
            raise ExtractionError(
                f"{origin}: not a status model of feature version {FEATURE_VERSION}; "
                "rebuild it with benchmarks/train_extract_model.py"
            )
        try:
            weights = {
                Status(st): {str(k): float(v) for k, v in ws.items() if known_feature(str(k))}
                for st, ws in data["weights"].items()
            }
            bias = {Status(st): float(b) for st, b in data["bias"].items()}
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            raise ExtractionError(
                f"{origin}: a status model with a bad field ({exc}); rebuild it with "
                "benchmarks/train_extract_model.py"
            ) from None
        if set(bias) != set(weights):
            raise ExtractionError(f"{origin}: the statuses of the weights and of the biases differ")
        return cls(weights, bias, str(data.get("trained_on", "")), float(data.get("c", 0.0)))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1, sort_keys=True) + "\n", encoding="utf-8")


def rules_status() -> StatusModel:
    """The fallback: every stop keeps the status the rules read."""
    return StatusModel(trained_on="rules")


def load_status_model(path: Path | None = None) -> StatusModel:
    """The shipped model (or the one at ``path``). A shipped file that is missing or cannot be
    read gives the rules' status (with a warning for a broken one); a file named by ``path``
    that cannot be read is an error."""
    if path is not None:
        return _from(read_model_file(path, MODEL_FILE, "status model"))
    try:
        return _from(read_model_file(None, MODEL_FILE, "status model"))
    except (ExtractionError, OSError, UnicodeDecodeError) as exc:
        warnings.warn(f"{exc}; the stops keep the status the rules read", ItineraryWarning, stacklevel=2)
        return rules_status()


def _from(read: tuple[Any, str] | None) -> StatusModel:
    return rules_status() if read is None else StatusModel.from_json(*read)


def one_hot(prefix: str, status: Status | None) -> dict[str, float]:
    """``<prefix>_confirmed``, ``_planned``, ``_cancelled`` for a status."""
    return {f"{prefix}_{st.value}": float(status is st) for st in STATUSES}


def vectors(stops: Sequence[Candidate]) -> list[dict[str, float]]:
    """What the status model reads about each stop of one trip (its mentions merged, in text
    order, with the status the rules read): the cues of its sentence, the rules' status and that
    of the trip's previous stop, its position in the article and its language."""
    out: list[dict[str, float]] = []
    prev: Status | None = None
    for d in stops:
        f = dict(d.status_features)
        f.update(one_hot("rule", d.status))
        f.update({k: v for k, v in one_hot("previous", prev).items() if k != "previous_confirmed"})
        f["previous_none"] = float(prev is None)
        f.update({k: d.features.get(k, 0.0) for k in FROM_STOP_MODEL})
        f.update({k: v for k, v in d.features.items() if k.startswith(LANGUAGE_FEATURE)})
        out.append(f)
        prev = d.status
    return out
