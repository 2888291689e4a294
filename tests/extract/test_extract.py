"""From article to draft itinerary: the seed report, the development set, and the rules one by one.

Article texts are third-party: they are read from ../shared/articles, never copied here. The
short sentences below are written for these tests.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import itinerary
from benchmarks.extract_split import load_split
from itinerary.cli import cli
from itinerary.errors import ExtractionError, MissingDependency
from itinerary.extract import Extractor, detect_language, extract, read_article, supported_languages
from itinerary.extract.dates import DateFinder, visit_days
from itinerary.extract.lang import lexicon
from itinerary.model import Precision, Status
from tests.conftest import ROOT

SEED_DATE = dt.date(2023, 9, 14)


def body(path: Path) -> tuple[str, dt.date]:
    head, _, text = path.read_text(encoding="utf-8").partition("\n---\n")
    m = re.search(r"^# date:\s*(\d{4}-\d{2}-\d{2})", head, re.M)
    assert m, f"{path.name} has no date header"
    return text, dt.date.fromisoformat(m.group(1))


def stops_of(it: itinerary.Itinerary, traveller_part: str) -> list[itinerary.Stop]:
    trips = [t for t in it.trips if traveller_part.lower() in t.traveller.lower()]
    assert len(trips) == 1, [t.traveller for t in it.trips]
    return list(trips[0].stops)


def names(stops: list[itinerary.Stop]) -> list[str]:
    return [s.resolved.name for s in stops if s.resolved is not None]


# ---------------------------------------------------------------- the seed report
def test_seed_report_to_draft(shared: Path, extractor: Extractor) -> None:
    text, _ = body(shared / "articles" / "dev" / "00_fr_seed.txt")
    it = extract(text, published=SEED_DATE, extractor=extractor)
    kim = stops_of(it, "Kim")
    by_name = {s.resolved.name: s for s in kim if s.resolved}
    cosmo = by_name["Vostochny Cosmodrome"]
    assert (cosmo.status, str(cosmo.date)) == (Status.CONFIRMED, "2023-09-13")
    assert cosmo.resolved and (cosmo.resolved.lat, cosmo.resolved.lon) == (51.884, 128.334)
    assert "Vostochny" in (cosmo.quote or "")
    assert by_name["Komsomolsk-on-Amur"].status is Status.PLANNED
    assert by_name["Komsomolsk-on-Amur"].place == "Kimsomolsk-sur-l'Amour"  # the text's own spelling
    assert by_name["Vladivostok"].status is Status.PLANNED
    entry = by_name["Russia"]
    assert (entry.status, str(entry.date)) == (Status.CONFIRMED, "2023-09-12")
    # the entry is pinned inside Russia next to the cosmodrome, not at Moscow
    assert entry.latlon is not None and entry.latlon[1] > 100
    assert names(kim).index("Vostochny Cosmodrome") < names(kim).index("Komsomolsk-on-Amur")
    putin, lavrov = stops_of(it, "Poutine"), stops_of(it, "Lavrov")
    assert [(s.resolved.country_code, s.status, s.date.known) for s in putin if s.resolved] == [
        ("KP", Status.PLANNED, False)
    ]
    assert [(s.resolved.country_code, s.status, str(s.date)) for s in lavrov if s.resolved] == [
        ("KP", Status.PLANNED, "2023-10")
    ]
    assert lavrov[0].date.precision is Precision.MONTH
    every = [s for _, _, s in it.stops()]
    assert not any(s.resolved and s.resolved.country_code == "KR" for s in every)  # South Korea warns only
    assert not any("Kremlin" in (s.place or "") or "TASS" in (s.place or "") for s in every)
    assert all(s.source == "article" and s.quote for s in every)


def test_cli_extract_then_map(shared: Path, tmp_path: Path) -> None:
    text, _ = body(shared / "articles" / "dev" / "00_fr_seed.txt")
    article = tmp_path / "report.txt"
    article.write_text(text, encoding="utf-8")
    draft, html = tmp_path / "draft.yaml", tmp_path / "draft.html"
    runner = CliRunner()
    res = runner.invoke(cli, ["extract", str(article), "--published", "2023-09-14", "-o", str(draft)])
    assert res.exit_code == 0, res.output
    it = itinerary.load(draft)  # a valid format v1 file
    assert {t.traveller for t in it.trips} >= {"Kim Jong-un", "Sergueï Lavrov"}
    assert it.sources[0].published == SEED_DATE and it.sources[0].language == "fr"
    res = runner.invoke(cli, ["map", str(draft), "-o", str(html), "--offline"])
    assert res.exit_code == 0, res.output
    page = html.read_text(encoding="utf-8")
    assert "Vostochny Cosmodrome" in page and "Kimsomolsk-sur-l&#x27;Amour" not in page
    again = runner.invoke(cli, ["extract", str(article), "--published", "2023-09-14", "-o", str(draft)])
    assert again.exit_code == 1 and "--force" in again.output


# ---------------------------------------------------------------- the development set
def test_development_set_scores(shared: Path, tmp_path: Path) -> None:
    """The benchmark's leave-one-event-out figures over the open articles (each article scored by a
    model that never saw its trip) stay above floors set just under what the extractor reaches
    now; the targets of the project are printed beside them."""
    out = subprocess.run(
        [
            sys.executable,
            "benchmarks/bench_extract.py",
            str(shared / "articles"),
            "--keep",
            str(tmp_path),
            "--no-timing",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    assert "SEALED" not in out
    block = out.partition("cross-validated, leave one event out")[2].partition("reliability")[0]
    rows = {
        lang: tuple(map(float, vals))
        for lang, *vals in re.findall(
            r"^ {2}(\w+)\s+P [\d.]+ R [\d.]+ F1 ([\d.]+) status ([\d.]+) dates ([\d.]+)", block, re.M
        )
    }
    assert set(rows) == {"overall", "de", "en", "es", "fr", "it", "pt", "ru"}, out
    f1, status, dates = rows["overall"]
    assert f1 >= 0.70 and status >= 0.82 and dates >= 0.50, out
    floors = {"de": 0.75, "en": 0.71, "es": 0.74, "fr": 0.74, "ru": 0.78, "it": 0.50, "pt": 0.60}
    assert all(rows[lang][0] >= floor for lang, floor in floors.items()), out
    opened = [e for e in load_split().values() if e.side == "open" and e.lang in supported_languages()]
    assert sorted(p.stem for p in tmp_path.glob("*.yaml")) == sorted(e.stem for e in opened)


# ---------------------------------------------------------------- rules
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Il est arrivé le 12 septembre et a parlé pendant cinq heures.", ["2023-09-12"]),
        ("fr", "La visite aura lieu en octobre, puis en 2024.", ["2023-10", "2024"]),
        ("fr", "Il sera à Lyon mercredi prochain.", ["2023-09-20"]),
        ("fr", "Une tournée du 1er au 5 mars 2023.", ["2023-03-01/2023-03-05"]),
        (
            "en",
            "He arrived on Sept. 13 after two days of travel, and leaves on October 2.",
            ["2023-09-13", "2023-10-02"],
        ),
        (
            "en",
            "Talks from 26 to 29 September; earlier, on April 24, 2019.",
            ["2023-09-26/2023-09-29", "2019-04-24"],
        ),
        (
            "de",
            "Morgen und übermorgen reist er weiter; heute Morgen war er in Bonn.",
            ["2023-09-15/2023-09-16", "2023-09-14"],
        ),
        ("es", "Llegó el 3 de septiembre y saldrá mañana.", ["2023-09-03", "2023-09-15"]),
        (
            "ru",
            "Он прибыл 19 июня, а в октябре поедет снова; впервые в 2000 году.",
            ["2023-06-19", "2023-10", "2000"],
        ),
    ],
)
def test_dates(lang: str, text: str, expected: list[str]) -> None:
    hits = DateFinder(lexicon(lang)).find(text, SEED_DATE)
    got = [str(h.resolve(SEED_DATE, future=True)) for h in hits]
    assert got == expected


def test_year_is_the_one_nearest_the_publication_date() -> None:
    (hit,) = DateFinder(lexicon("en")).find("They met on 28 December.", dt.date(2024, 1, 3))
    assert str(hit.span) == "2023-12-28"


def test_this_weekday_is_in_the_current_week() -> None:
    # 14 Sept 2023 is a Thursday: "ce lundi" is the 11th, whatever the tense around it
    (hit,) = DateFinder(lexicon("fr")).find("une tournée entamée ce lundi", SEED_DATE)
    assert str(hit.resolve(SEED_DATE, future=True)) == "2023-09-11"
    (hit,) = DateFinder(lexicon("es")).find("llegará este sábado", SEED_DATE)
    assert str(hit.resolve(SEED_DATE, future=False)) == "2023-09-16"


def test_weekday_direction_follows_status() -> None:
    (hit,) = DateFinder(lexicon("en")).find("on Tuesday", SEED_DATE)  # 14 Sept 2023 is a Thursday
    assert str(hit.resolve(SEED_DATE, future=False)) == "2023-09-12"
    assert str(hit.resolve(SEED_DATE, future=True)) == "2023-09-19"


def test_visit_days() -> None:
    assert visit_days("where he is on his two-day state visit", lexicon("en")) == 2
    assert visit_days("une visite officielle de trois jours", lexicon("fr")) == 3
    assert visit_days("Scholz kommt zu einem zweitägigen Besuch", lexicon("de")) == 2
    assert visit_days("the talks lasted five hours", lexicon("en")) is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le président est arrivé à Paris pour une visite de deux jours avec les ministres.", "fr"),
        ("The president arrived in Paris for a two-day visit with his ministers.", "en"),
        ("El presidente llegó a París para una visita de dos días con los ministros.", "es"),
        ("Der Präsident ist in Paris gelandet und trifft dort die Minister.", "de"),
        ("Президент прибыл в Париж с двухдневным визитом.", "ru"),
    ],
)
def test_language_detection(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def _rows(it: itinerary.Itinerary) -> list[tuple[str, str, str]]:
    return [row for rows in _trip_table(it).values() for row in rows]


def _trip_table(it: itinerary.Itinerary) -> dict[str, list[tuple[str, str, str]]]:
    return {
        t.traveller: [(s.resolved.name if s.resolved else "?", s.status.value, str(s.date)) for s in t.stops]
        for t in it.trips
    }


def test_english_statuses_and_cancellation(extractor: Extractor) -> None:
    text = (
        "Prime Minister Jane Doe arrived in Nairobi on Monday for talks with the president. "
        "She is expected to travel to Kampala on Friday. "
        "A planned stop in Kigali was called off because of the storm."
    )
    table = _trip_table(extract(text, published=SEED_DATE, extractor=extractor))
    assert table == {
        "Jane Doe": [
            ("Nairobi", "confirmed", "2023-09-11"),
            ("Kampala", "planned", "2023-09-15"),
            ("Kigali", "cancelled", ""),
        ]
    }


def test_french_conditional_and_invitation_make_separate_planned_trips(extractor: Extractor) -> None:
    text = (
        "Le Premier ministre Jean Martin est arrivé à Dakar le 12 septembre. "
        "Il devrait ensuite se rendre à Bamako. "
        "Jean Martin a invité le président Amadou Diallo à se rendre en Belgique, "
        "ce que le président a accepté."
    )
    table = _trip_table(extract(text, published=SEED_DATE, extractor=extractor))
    assert table["Jean Martin"] == [("Dakar", "confirmed", "2023-09-12"), ("Bamako", "planned", "")]
    assert [(n, s) for n, s, _ in table["Amadou Diallo"]] == [("Belgium", "planned")]


def test_metonymy_agencies_and_possessives_are_not_stops(extractor: Extractor) -> None:
    text = (
        "Selon l'agence TASS, Moscou a averti Tokyo. "
        "La Corée du Sud a adressé des avertissements à la Russie. "
        "Le ministre Paul Durand est arrivé à Madrid mardi pour une visite officielle."
    )
    it = extract(text, published=SEED_DATE, extractor=extractor)
    assert [n for n, _, _ in _rows(it)] == ["Madrid"]


def test_languages_without_a_tagger_use_the_gazetteer(extractor: Extractor) -> None:
    de = extract(
        "Bundeskanzler Max Muster ist heute in Warschau gelandet. Morgen reist er nach Prag.",
        published=SEED_DATE,
        extractor=extractor,
    )
    rows = _rows(de)
    # in Warsaw until the leg to Prague sets off the next day
    assert rows == [("Warsaw", "confirmed", "2023-09-14/2023-09-15"), ("Prague", "planned", "2023-09-15")]
    ru = extract(
        "Президент прибыл из Якутска в Пхеньян. Затем он посетит Ханой.",
        published=SEED_DATE,
        extractor=extractor,
    )
    by_name = {n: s for n, s, _ in _rows(ru)}
    assert by_name["Pyongyang"] == "confirmed" and by_name["Hanoi"] == "planned"
    # a case form of a name seen before is the same person: "визит Путина" is Putin's visit
    ru = extract(
        "Президент России Владимир Путин прибыл в Пхеньян. "
        "Генсек НАТО Йенс Столтенберг заявил, что визит Путина в Северную Корею опасен.",
        published=SEED_DATE,
        extractor=extractor,
    )
    assert [t.traveller for t in ru.trips] == ["Владимир Путин"]


def test_article_text_is_escaped_in_the_map(extractor: Extractor, tmp_path: Path) -> None:
    text = (
        "Le ministre Jean Martin est arrivé à Lyon le 12 septembre "
        '<script>alert("x")</script> <img src=x onerror=alert(1)>.'
    )
    it = extract(text, published=SEED_DATE, extractor=extractor)
    from itinerary.render import make_map, save_map

    out = tmp_path / "m.html"
    save_map(make_map(it, offline=True), out)
    page = out.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert any("alert" in (s.quote or "") for _, _, s in it.stops())  # kept as text in the quote


# ---------------------------------------------------------------- files and errors
def test_read_article_header_and_errors(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(
        "# title: A trip\n# date: 2024-06-19 (page date)\n# language: en\n---\nHe left.\n", encoding="utf-8"
    )
    a = read_article(f)
    assert (a.title, a.published, a.language, a.text.strip()) == (
        "A trip",
        dt.date(2024, 6, 19),
        "en",
        "He left.",
    )
    assert read_article(f, published=SEED_DATE).published == SEED_DATE  # the argument wins
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(ExtractionError, match="empty"):
        read_article(empty)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("arrivé à Paris".encode("latin-1"))
    with pytest.raises(ExtractionError, match="UTF-8"):
        read_article(latin)
    with pytest.raises(ExtractionError, match="not found"):
        read_article(tmp_path / "missing.txt")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"GIF89a\x00\x01\x00\x01 data")  # valid UTF-8, but NUL bytes
    with pytest.raises(ExtractionError, match="binary"):
        read_article(binary)


def test_missing_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from itinerary.extract import nlp

    nlp.pipeline.cache_clear()
    monkeypatch.setitem(nlp.MODELS, "fr", "no_such_pipeline_installed")
    try:
        with pytest.raises(MissingDependency, match=r'pip install "itinerary\[nlp\]"'):
            nlp.pipeline("fr")
    finally:
        nlp.pipeline.cache_clear()


@pytest.mark.data  # extracts with the full gazetteer
def test_cli_batch_and_usage_errors(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "one.txt").write_text("The minister John Smith arrived in Oslo on Monday.", encoding="utf-8")
    (src / "two.txt").write_text("Le ministre Jean Martin est arrivé à Lisbonne lundi.", encoding="utf-8")
    (src / "three.txt").write_text("The markets were calm and the weather was fine.", encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "drafts"
    res = runner.invoke(cli, ["extract", str(src), "--out-dir", str(out), "--published", "2023-09-14"])
    # an article with no trip is reported and fails the run; the others are written
    assert res.exit_code == 1 and "three.txt: no trip found" in res.output
    assert sorted(p.name for p in out.iterdir()) == ["one.yaml", "two.yaml"]
    assert [s.resolved.name for _, _, s in itinerary.load(out / "two.yaml").stops() if s.resolved] == [
        "Lisbon"
    ]
    res = runner.invoke(cli, ["extract", str(src / "one.txt"), str(src / "two.txt")])
    assert res.exit_code == 1 and "--out-dir" in res.output
    res = runner.invoke(cli, ["extract", str(src / "one.txt"), "--published", "2023-02-30"])
    assert res.exit_code == 2 and "--published" in res.output
    res = runner.invoke(cli, ["extract", str(src / "one.txt"), "--lang", "xx"])
    assert res.exit_code == 2


def test_french_conditional_without_a_cue_word(extractor: Extractor) -> None:
    """'-rait' forms are planned whether the tagger reads them as conditional or, as the small
    French model often does, as imperfect."""
    it = extract(
        "Le ministre Jean Martin voyagerait à Niamey mardi.", published=SEED_DATE, extractor=extractor
    )
    assert _rows(it) == [("Niamey", "planned", "2023-09-19")]


def test_the_person_met_is_the_host_not_the_traveller(extractor: Extractor) -> None:
    text = "Prime Minister Jane Doe met President John Roe in Nairobi on Monday."
    assert _trip_table(extract(text, published=SEED_DATE, extractor=extractor)) == {
        "Jane Doe": [("Nairobi", "confirmed", "2023-09-11")]
    }


@pytest.mark.data  # extracts with the full gazetteer
def test_cli_says_when_an_article_has_no_publication_date(tmp_path: Path) -> None:
    bare = tmp_path / "bare.txt"
    bare.write_text("The minister John Smith arrived in Oslo on Monday.", encoding="utf-8")
    dated = tmp_path / "dated.txt"
    dated.write_text("# date: 2023-09-14\n---\n" + bare.read_text(encoding="utf-8"), encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(cli, ["extract", str(bare), "-o", str(tmp_path / "a.yaml")])
    assert res.exit_code == 0 and "note: no publication date for bare.txt" in res.output
    assert "--published" in res.output
    for args in (["extract", str(dated)], ["extract", str(bare), "--published", "2023-09-14"]):
        res = runner.invoke(cli, args)
        assert res.exit_code == 0 and "no publication date" not in res.output, args
