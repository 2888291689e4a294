"""Every language pack fills its contract: each group of words is filled or declared lacking, the
month and weekday tables are complete, the hooks answer with their types, and nothing outside
``itinerary/extract/lang`` names a language (the validator follows dateparser's: data checked,
not trusted)."""

from __future__ import annotations

import dataclasses
import io
import re
import tokenize
from pathlib import Path

import pytest

import itinerary.extract as facade
from itinerary.extract.lang import language, lexicon, supported
from itinerary.extract.lang.base import Language
from itinerary.extract.pipeline import ANALYSIS, Pipeline

EXTRACT = Path(facade.__file__).parent
FIELDS = [f.name for f in dataclasses.fields(lexicon("en")) if f.name != "lang"]


@pytest.mark.parametrize("code", supported())
def test_every_group_is_filled_or_declared_lacking(code: str) -> None:
    lang = language(code)
    assert isinstance(lang, Language) and lang.code == code and lang.words.lang == code and lang.name
    assert lang.lacks <= set(FIELDS), f"{code}: lacks names no field: {sorted(lang.lacks - set(FIELDS))}"
    empty = {f for f in FIELDS if not getattr(lang.words, f)}
    assert empty <= lang.lacks, f"{code}: empty but not declared lacking: {sorted(empty - lang.lacks)}"
    filled = lang.lacks - empty
    assert not filled, f"{code}: declared lacking but filled: {sorted(filled)}"


@pytest.mark.parametrize("code", supported())
def test_calendar_words_are_complete(code: str) -> None:
    lx = lexicon(code)
    assert set(lx.months.values()) == set(range(1, 13)), code
    assert set(lx.weekdays.values()) == set(range(7)), code
    for word in (*lx.months, *lx.weekdays, *lx.travel, *lx.planned, *lx.cancelled):
        assert word == word.lower() and word.strip() == word, f"{code}: {word!r} is not a lower-case word"


@pytest.mark.parametrize("code", supported())
def test_hooks_answer_with_their_types(code: str) -> None:
    lang = language(code)
    sample = next(iter(lang.words.months))
    assert isinstance(lang.variants(sample.title()), list)
    assert lang.tense([sample]) in (None, "past", "present", "future")
    assert isinstance(lang.is_genitive(sample.title()), bool)
    assert isinstance(lang.misread_conditional(sample), bool)
    assert isinstance(lang.lemma(sample), str)


def test_a_pack_without_a_language_class_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from itinerary.errors import ExtractionError
    from itinerary.extract import lang as registry

    monkeypatch.setattr(registry, "supported", lambda: ("xx",))
    registry.language.cache_clear()
    with pytest.raises(ModuleNotFoundError):
        registry.language("xx")
    registry.language.cache_clear()
    with pytest.raises(ExtractionError, match="supported languages: xx"):
        registry.language("yy")
    registry.language.cache_clear()


def _code_files() -> list[Path]:
    """The extractor's modules other than the language packs, the tuning and the model data."""
    return [
        p
        for p in EXTRACT.rglob("*.py")
        if "lang" not in p.relative_to(EXTRACT).parts and p.name != "tuning.py"
    ]


def test_no_number_outside_the_tuning() -> None:
    """Windows, thresholds and distances live in extract/tuning.py (0, 1 and 2 are no tuning)."""
    allowed = {"0", "1", "2", "0.0", "1.0", "-1"}
    found = []
    for path in _code_files():
        if path.name in ("dates.py", "scoring.py", "status_model.py", "date_model.py", "limits.py", "nlp.py"):
            continue  # date arithmetic, the model files and the input limits: their own constants
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
        found += [
            f"{path.name}:{t.start[0]}: {t.string}"
            for t in tokens
            if t.type == tokenize.NUMBER and t.string not in allowed
        ]
    assert not found, "numbers outside extract/tuning.py:\n" + "\n".join(found)


def test_no_language_test_outside_the_packs() -> None:
    """No ``lang == "fr"`` and no language code compared outside extract/lang."""
    codes = "|".join(supported())
    pattern = re.compile(rf"""(?:lang|code)\s*[!=]=\s*["'](?:{codes})["']|["'](?:{codes})["']\s*[!=]=""")
    found = [
        f"{p.name}:{i}: {line.strip()}"
        for p in _code_files()
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert not found, "\n".join(found)


def test_the_pipeline_lists_runs_and_skips_named_steps() -> None:
    assert Pipeline().names == ANALYSIS
    assert "places" not in Pipeline(skip=("places",)).names
    assert all(": " in line for line in Pipeline().describe())
    with pytest.raises(ValueError, match="no extraction step named 'nowhere'"):
        Pipeline(skip=("nowhere",))


def test_the_facade_exports_what_it_declares() -> None:
    for name in facade.__all__:
        assert getattr(facade, name) is not None
