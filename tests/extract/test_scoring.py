"""The stop scorer, language refusal and the per-article golden table.

The sentences below are written for these tests; article texts stay in ../shared/articles.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from itinerary.cli import cli
from itinerary.errors import ExtractionError
from itinerary.extract import Extractor, detect_language, extract
from itinerary.extract.lang import tense, variants
from itinerary.extract.scoring import FEATURES, StopModel, Thresholds, load_model, rules_only
from itinerary.model import Status
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "data" / "extract_golden.json"


def test_shipped_model_loads_and_knows_its_features() -> None:
    m = load_model()
    assert {k for k in m.weights if not k.startswith("lang_")} <= set(FEATURES) and len(m.weights) >= 10
    assert 0.0 < m.thresholds.keep < 1.0 and m.reliability
    again = StopModel.from_json(json.loads(json.dumps(m.to_json())))
    assert again.weights == pytest.approx(m.weights, abs=1e-6)


def test_model_file_errors_are_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "m.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ExtractionError, match="line 1: not valid JSON"):
        load_model(bad)
    bad.write_text(json.dumps({"format": "other"}), encoding="utf-8")
    with pytest.raises(ExtractionError, match="feature version"):
        load_model(bad)


def test_probability_and_reasons() -> None:
    m = StopModel({"rule": 3.0, "speech_after": -2.0}, -1.0, Thresholds())
    assert m.probability({"rule": 1.0}) > 0.8 > m.probability({"rule": 1.0, "speech_after": 1.0})
    assert m.reasons({"rule": 1.0, "speech_after": 1.0})[0].startswith("+ the travel rules")


def test_every_stop_says_why_and_weak_ones_need_review(extractor: Extractor) -> None:
    text = "The foreign minister Ana Lopez arrived in Nairobi on Monday for talks."
    it = extract(text, published=dt.date(2024, 5, 8), language="en", extractor=extractor)
    stops = [s for _, _, s in it.stops()]
    assert stops and all((s.why or "").startswith("why (") for s in stops)
    assert not any((s.note or "").startswith("why (") for s in stops)  # the reasons have their own field
    strict = Extractor(extractor.geocoder, model=StopModel(rules_only().weights, -2.0, Thresholds(0.5, 0.99)))
    again = extract(text, published=dt.date(2024, 5, 8), language="en", extractor=strict)
    assert all(s.needs_review for _, _, s in again.stops())


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "De president is maandag in Tokio aangekomen voor een bezoek van twee dagen met de ministers.",
            "nl",
        ),
        ("대통령은 토요일에 요하네스버그에 도착할 예정이라고 대변인이 밝혔다.", "ko"),
    ],
)
def test_languages_without_a_pack_are_refused(text: str, lang: str, extractor: Extractor) -> None:
    assert detect_language(text) == lang
    with pytest.raises(ExtractionError, match=r"supported languages: de, en, es, fr, it, pt, ru"):
        extract(text, extractor=extractor)
    with pytest.raises(ExtractionError, match=f"language '{lang}'"):
        extract(text, language=lang, extractor=extractor)


@pytest.mark.data  # extracts with the full gazetteer
def test_cli_summary_counts_review_and_explains(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "The foreign minister Ana Lopez arrived in Nairobi on Monday for talks.\n", encoding="utf-8"
    )
    res = CliRunner().invoke(cli, ["extract", str(article), "--published", "2024-05-08", "--explain"])
    assert res.exit_code == 0, res.output
    assert "to review" in res.output and "a.txt: " in res.output and "why (" in res.output


def test_golden_table_per_article(shared: Path, extractor: Extractor) -> None:
    """Each development article's draft, reduced to (place id, status, date, traveller), is the
    one recorded in tests/data/extract_golden.json; a change names the articles it touched.
    Regenerate with ``python tests/extract/test_scoring.py`` after checking the diff."""
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    got = _table(shared, extractor)
    changed = sorted(k for k in want.keys() | got.keys() if want.get(k) != got.get(k))
    assert not changed, f"drafts changed for: {', '.join(changed)}"


def _table(shared: Path, extractor: Extractor) -> dict[str, Any]:
    import re

    out: dict[str, Any] = {}
    for folder in ("dev", "dev2"):
        for path in sorted((shared / "articles" / folder).glob("*.txt")):
            head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
            m = re.search(r"^# date:\s*(\d{4}-\d{2}-\d{2})", head, re.M)
            day = dt.date.fromisoformat(m.group(1)) if m else None
            it = extract(body, published=day, source_id=path.stem, extractor=extractor)
            out[path.stem] = [
                [s.resolved.id if s.resolved else None, s.status.value, str(s.date), t.traveller]
                for t in it.trips
                for s in t.stops
            ]
    return out


TUESDAY = dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("lang", "words", "expected"),
    [
        ("de", "Am Mittwoch reist er nach Seoul weiter", "present"),
        ("de", "Sie ist am Montag in Tokio gelandet", "past"),
        ("de", "Er wird am Freitag erwartet", "future"),
        ("es", "El ministro llegó el lunes", "past"),
        ("es", "El ministro viajará el lunes", "future"),
        ("ru", "Министр прилетел в Пекин", "past"),
        ("ru", "Министр прилетит в Пекин", "future"),
        ("ru", "Министр летит в Пекин", "present"),
        ("it", "Il ministro è arrivato lunedì", "past"),
        ("fr", "Le ministre est arrivé lundi", None),  # spaCy's tagger reads French tense
    ],
)
def test_tense_hooks(lang: str, words: str, expected: str | None) -> None:
    assert tense(lang, words.split()) == expected


def test_russian_case_forms_to_the_gazetteer_form() -> None:
    assert "Пекин" in variants("ru", "Пекине")
    assert "Эфиопия" in variants("ru", "Эфиопию")
    assert "Северная Корея" in variants("ru", "Северную Корею")
    assert variants("de", "Peking") == ["Peking"]


def test_italian_is_one_pack(extractor: Extractor) -> None:
    """Italian is read through its pack alone (itinerary/extract/lang/it.py)."""
    text = (
        "Il ministro Antonio Rossi è arrivato lunedì a Nairobi per colloqui. Giovedì si recherà in Etiopia. "
        "Il presidente Mario Bianchi è atteso a Tokyo sabato."
    )
    assert detect_language(text) == "it"
    it = extract(text, published=TUESDAY, extractor=extractor)
    assert it.sources[0].language == "it"
    rows = {s.resolved.name: (s.status, str(s.date)) for _, _, s in it.stops() if s.resolved}
    assert rows["Nairobi"] == (Status.CONFIRMED, "2026-03-09")
    assert rows["Ethiopia"] == (Status.PLANNED, "2026-03-12")
    assert rows["Tokyo"] == (Status.PLANNED, "2026-03-14")


@pytest.mark.parametrize(
    ("lang", "text", "city", "status", "date"),
    [
        ("en", "The German chancellor Olaf Scholz is expected in Johannesburg on Saturday.",
         "Johannesburg", Status.PLANNED, "2026-03-14"),
        ("de", "Bundeskanzler Olaf Scholz wird am Freitag in Peking erwartet.",
         "Beijing", Status.PLANNED, "2026-03-13"),
        ("de", "Die Ministerin ist am Montag in Tokio gelandet. Ein Zwischenstopp in Manila wurde abgesagt.",
         "Manila", Status.CANCELLED, ""),
        ("de", "Die Ministerin ist in Tokio. Am Mittwoch reist sie nach Seoul weiter.",
         "Seoul", Status.PLANNED, "2026-03-11"),
    ],
)  # fmt: skip
def test_expected_and_called_off(
    lang: str, text: str, city: str, status: Status, date: str, extractor: Extractor
) -> None:
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    found = {s.resolved.name: s for _, _, s in it.stops() if s.resolved}
    assert city in found, found
    assert (found[city].status, str(found[city].date)) == (status, date)


if __name__ == "__main__":  # regenerate the golden table
    root = ROOT
    sys.path.insert(0, str(root))
    table = _table(root.parent / "shared", Extractor())
    GOLDEN.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN} ({len(table)} articles)")
