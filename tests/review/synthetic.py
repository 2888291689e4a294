"""A synthetic build output folder (drafts, kept articles, manifest) for the review queue's
tests and benchmark: ``n`` drafts of a few stops each, with varied confidences, stops marked
needs_review, travellers and languages (fixed by ``seed``)."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

PLACES = ["Paris", "Berlin", "Rome", "Madrid", "Warsaw", "Vienna", "Prague", "Lisbon"]
LANGUAGES = ["en", "fr", "de"]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_corpus(out: Path, n: int, *, seed: int = 0, with_index: bool = True) -> Path:
    rnd = random.Random(seed)
    (out / "drafts").mkdir(parents=True, exist_ok=True)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(n):
        name = f"d-{i:05d}"
        traveller = f"Traveller {rnd.randrange(7)}"
        language = rnd.choice(LANGUAGES)
        count = rnd.randint(1, 4)
        places = rnd.sample(PLACES, count)
        sentences = [f"{traveller} arrived in {p} on day {k + 1}." for k, p in enumerate(places)]
        article = f"# date: 2024-05-20\n# language: {language}\n---\n" + "\n\n".join(sentences) + "\n"
        stops, confidences, doubt = [], [], 0
        for p, s in zip(places, sentences, strict=True):
            c = round(rnd.random(), 3)
            review = rnd.random() < 0.2
            doubt += review
            confidences.append(c)
            extra = ", needs_review: true" if review else ""
            stops.append(
                f'      - {{place: {p}, status: confirmed, source: {name}, quote: "{s}", '
                f"confidence: {c}{extra}}}\n"
            )
        draft = (
            "itinerary: 1\n"
            f"title: Report {i}\n"
            f"sources: [{{id: {name}, published: 2024-05-20, language: {language}}}]\n"
            "trips:\n"
            f"  - id: trip-{i}\n"
            f"    traveller: {traveller}\n"
            "    stops:\n" + "".join(stops)
        )
        (out / "drafts" / f"{name}.yaml").write_text(draft, encoding="utf-8")
        (out / "articles" / f"{name}.txt").write_text(article, encoding="utf-8")
        entry: dict[str, object] = {
            "name": name,
            "digest": _sha(name),
            "status": "ok",
            "draft": _sha(draft),
            "article": _sha(article),
        }
        if with_index:
            entry["index"] = {
                "travellers": [traveller],
                "language": language,
                "stops": count,
                "doubt": doubt,
                "low": min(confidences),
            }
        lines.append(json.dumps(entry, sort_keys=True) + "\n")
    (out / "manifest.jsonl").write_text("".join(lines), encoding="utf-8")
    return out
