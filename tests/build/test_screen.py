"""The build's screen: articles with no chance of a trip go to "no trip" unread, nothing with a
trip is lost, and the lock file of a build leaves with it."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from itinerary.build import build, engine
from itinerary.build.manifest import NO_TRIP, Manifest
from itinerary.build.screen import SCREENED, Screen, cues, guess_language
from itinerary.cli import cli
from itinerary.extract import detect_language, read_article, supported_languages
from itinerary.extract.lang import lexicon

MACRON = "President Emmanuel Macron landed in Berlin on Sunday."
WEATHER = "It rained all day in Berlin; the river rose by a metre."


def read(folder: Path, text: str, language: str | None) -> Any:
    return read_article(article(folder / f"{language}-{len(text)}.txt", text, language))


def article(path: Path, text: str, language: str | None = "en") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    header = f"# language: {language}\n" if language else ""
    path.write_text(f"# date: 2024-05-20\n{header}---\n{text}\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------- the screen itself


@pytest.mark.parametrize("code", supported_languages())
def test_every_travel_word_of_every_pack_is_seen(code: str) -> None:
    """Each entry of the pack's travel groups, written in a sentence, is a travel word to the
    screen (so a word added to a pack reaches the screen without a change here)."""
    lx = lexicon(code)
    found = cues(code)
    for group in (lx.travel, lx.arrival, lx.departure, lx.visit_verbs, lx.toward, lx.stop_nouns, lx.meet):
        for entry in group:
            word = entry.rstrip("=").lower()
            assert found.found_in(f"xx {word} yy"), (code, entry)
            assert cues(None).found_in(f"xx {word} yy"), (code, entry)


def test_inflected_forms_of_travel_lemmas_are_travel_words() -> None:
    from itinerary.extract.lang import language

    pack = language("de")
    forms = [f for f, lemma in pack.forms.items() if lemma in pack.words.travel_lemmas]
    assert forms
    assert all(cues("de").found_in(f"er {f} nach") for f in forms)


def test_a_travel_word_and_a_place_must_share_a_paragraph(mini_gazetteer: Any) -> None:
    screen = Screen(mini_gazetteer)
    assert screen.may_hold_trip(MACRON, "en")
    assert not screen.may_hold_trip(WEATHER, "en")  # a place, no travel word
    assert not screen.may_hold_trip("The minister landed late and was tired.", "en")  # no place
    assert not screen.may_hold_trip("The minister landed late.\nBerlin was cold.", "en")
    assert screen.may_hold_trip("The minister landed late.\nHe travelled on to Berlin.", "en")


def test_a_stated_language_decides_the_pack(mini_gazetteer: Any, tmp_path: Path) -> None:
    screen = Screen(mini_gazetteer)
    text = "Der Kanzler reiste am Sonntag nach Berlin."
    assert screen.passes(read(tmp_path, text, "de"))[0]
    assert not screen.passes(read(tmp_path, text, "en"))[0]  # no English travel word in it


def test_an_unsupported_language_is_left_to_the_extractor(mini_gazetteer: Any, tmp_path: Path) -> None:
    screen = Screen(mini_gazetteer)
    passes, _ = screen.passes(read(tmp_path, WEATHER, "nl"))
    assert passes  # the extractor refuses it and says why


def test_without_a_stated_language_the_detected_one_is_handed_on(mini_gazetteer: Any, tmp_path: Path) -> None:
    screen = Screen(mini_gazetteer)
    text = "President Emmanuel Macron landed in Berlin on Sunday for talks with the chancellor."
    passes, found = screen.passes(read(tmp_path, text, None))
    assert passes and found.language == "en"
    assert not screen.passes(read(tmp_path, WEATHER, None))[0]


STATION = (
    "The weather station in Berlin recorded heavy rain all day long, and the river rose by a metre "
    "overnight while the city council debated the new budget."
)  # "station" is a German travel word, no English one


LONG_STATION = (
    f"{STATION} It was the wettest night of the year, and most of the streets near the old station were "
    "closed until the water had gone."
)
SHORT_STATION = "Weather station Berlin: heavy rain, the river rising."  # too few function words


def test_the_second_pass_reads_the_detected_language(mini_gazetteer: Any, tmp_path: Path) -> None:
    screen = Screen(mini_gazetteer)
    unstated = read(tmp_path, SHORT_STATION, None)
    assert guess_language(SHORT_STATION) is None and screen.needs_second_pass(unstated)
    assert screen.first_pass(unstated)  # the words of every pack: German "station"
    passes, found = screen.second_pass(unstated)
    assert not passes and found.language == "en"
    assert not screen.passes(unstated)[0]


def test_function_words_beyond_doubt_choose_the_pack_in_the_first_pass(
    mini_gazetteer: Any, tmp_path: Path
) -> None:
    screen = Screen(mini_gazetteer)
    unstated = read(tmp_path, LONG_STATION, None)
    assert guess_language(LONG_STATION) == "en" and not screen.needs_second_pass(unstated)
    assert not screen.first_pass(unstated)  # read as English: "station" is no English travel word
    trip = read(tmp_path, LONG_STATION + "\nThe chancellor then travelled on to Berlin by train.", None)
    passes, found = screen.passes(trip)
    assert passes and found.language is None  # the extractor detects it, as without the screen


# sentences written for the suite: (language, text); None: the guess must leave it to the detector
GUESSES = [
    (
        "en",
        (
            "The minister said that he would not be there in the morning, because all of his "
            "meetings had been moved to the afternoon."
        ),
    ),
    (
        "fr",
        (
            "Le ministre a dit qu'il ne serait pas là dans la matinée, parce que toutes ses "
            "réunions avaient été déplacées à l'après-midi. Nous ne savons pas encore quand il "
            "pourra nous recevoir, mais il sera chez lui ce soir."
        ),
    ),
    (
        "de",
        (
            "Der Minister sagte, dass er am Morgen nicht dort sein werde, weil alle seine Treffen"
            " auf den Nachmittag verschoben worden seien."
        ),
    ),
    (
        "es",
        (
            "El ministro dijo que no estaría allí por la mañana, porque todas sus reuniones "
            "habían sido trasladadas a la tarde, según su oficina. Nosotros todavía no sabemos "
            "cuándo podrá recibirnos, pero ellos dicen que estará aquí esta noche."
        ),
    ),
    (
        "it",
        (
            "Il ministro ha detto che non sarebbe stato lì la mattina, perché tutti i suoi "
            "incontri erano stati spostati al pomeriggio, secondo il suo ufficio."
        ),
    ),
    (
        "pt",
        (
            "O ministro disse que não estaria lá pela manhã, porque todas as suas reuniões tinham"
            " sido transferidas para a tarde, segundo o seu gabinete. Nós ainda não sabemos "
            "quando ele poderá nos receber, mas eles dizem que estará aqui esta noite."
        ),
    ),
    (
        "ru",
        (
            "Министр сказал, что его не будет там утром, потому что все его встречи были "
            "перенесены на вторую половину дня, как сообщили в его ведомстве."
        ),
    ),
    (
        None,
        (
            "Міністр сказав, що його не буде там уранці, бо всі його зустрічі було перенесено на "
            "другу половину дня, як повідомили в його відомстві."
        ),
    ),
    (
        None,
        (
            "De minister zei dat hij er 's ochtends niet zou zijn, omdat al zijn afspraken naar "
            "de middag waren verschoven, volgens zijn kantoor."
        ),
    ),
    (
        None,
        (
            "Minister powiedział, że nie będzie go tam rano, ponieważ wszystkie jego spotkania "
            "zostały przeniesione na popołudnie, jak podało jego biuro."
        ),
    ),
    (
        None,
        (
            "El ministre va dir que no hi seria al matí, perquè totes les seves reunions s'havien"
            " traslladat a la tarda, segons el seu despatx."
        ),
    ),
    (
        None,
        "The minister said he would come. Der Minister sagte, er werde kommen.",
    ),  # mixed: no doubt-free language
    (None, "Berlin, Paris, Moscow."),  # no function words
]


@pytest.mark.parametrize(("code", "text"), GUESSES, ids=[f"{c}-{t[:12]}" for c, t in GUESSES])
def test_the_guess_names_a_language_only_beyond_doubt(code: str | None, text: str) -> None:
    assert guess_language(text) == code
    if code is not None:
        assert detect_language(text) == code  # the detector agrees: the same pack reads it


def test_the_guess_never_contradicts_the_detector_on_spacys_examples() -> None:
    """spaCy's example sentences of every language it ships them for, each language's joined:
    where the guess names a language, the detector names the same (for languages without a pack
    the guess names none: the detector's answer, one of the languages it knows, is then taken)."""
    import importlib.util

    spec = importlib.util.find_spec("spacy")
    assert spec is not None and spec.origin is not None
    placed = 0
    for path in sorted((Path(spec.origin).parent / "lang").glob("*/examples.py")):
        namespace: dict[str, Any] = {}
        exec(compile(path.read_text("utf-8"), str(path), "exec"), namespace)  # a list of sentences
        text = " ".join(str(x) for x in namespace.get("sentences", []))
        code = guess_language(text)
        if code is not None:
            placed += 1
            assert code == path.parent.name == detect_language(text), path
    assert placed >= 3  # en, de, fr, ru at least name enough function words


# ---------------------------------------------------------------- in a build


def test_screened_articles_are_counted_and_listed(mini_build: None, tmp_path: Path) -> None:
    src = tmp_path / "in"
    article(src / "trip.txt", MACRON)
    article(src / "weather.txt", WEATHER)
    out = tmp_path / "out"
    summary = build([src], out, serial=True)
    assert (summary.ok, summary.failed, summary.screened, summary.extracted) == (1, 0, 1, 2)
    assert "1 screened out as holding no trip" in summary.line()
    entry = Manifest(out / "manifest.jsonl").entries["weather"]
    assert (entry.status, entry.reason, entry.draft) == (NO_TRIP, SCREENED, None)
    assert sorted(p.name for p in (out / "drafts").iterdir()) == ["trip.yaml"]

    again = build([src], out, serial=True)  # finished: nothing extracted, still counted
    assert (again.extracted, again.skipped, again.screened, again.ok) == (0, 2, 1, 1)

    unscreened = build([src], out, serial=True, screen=False)  # the screened one is read now
    assert (unscreened.extracted, unscreened.screened, unscreened.no_trip, unscreened.failed) == (1, 0, 1, 0)
    entry = Manifest(out / "manifest.jsonl").entries["weather"]
    assert (entry.status, entry.draft) == (NO_TRIP, None) and "no trip found" in (entry.reason or "")
    again = build([src], out, serial=True, screen=False)  # finished: a no-trip article is not read again
    assert (again.extracted, again.no_trip, again.failed) == (0, 1, 0)


def test_the_second_pass_runs_where_the_article_is_extracted(mini_build: None, tmp_path: Path) -> None:
    src = tmp_path / "in"
    article(src / "trip.txt", MACRON)
    article(src / "station.txt", STATION, language=None)
    summary = build([src], tmp_path / "out", serial=True)
    assert (summary.ok, summary.screened, summary.failed) == (1, 1, 0)
    assert summary.screen_seconds > 0
    assert Manifest(tmp_path / "out" / "manifest.jsonl").entries["station"].status == NO_TRIP


def test_no_screen_on_the_command_line(mini_build: None, tmp_path: Path) -> None:
    src = tmp_path / "in"
    article(src / "trip.txt", MACRON)
    article(src / "weather.txt", WEATHER)
    screened = CliRunner().invoke(cli, ["build", str(src), "-o", str(tmp_path / "a"), "--serial"])
    assert screened.exit_code == 0, screened.output
    assert "1 screened out as holding no trip" in screened.output
    full = CliRunner().invoke(cli, ["build", str(src), "-o", str(tmp_path / "b"), "--serial", "--no-screen"])
    assert full.exit_code == 0, full.output  # most news reports no trip: that is no failure
    assert "screened" not in full.output and "1 read with no trip found" in full.output


def test_an_old_manifest_line_of_an_unknown_status_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "manifest.jsonl"
    line = {"name": "x", "digest": "a" * 64, "status": "maybe", "reason": "screened"}
    path.write_text(json.dumps(line) + "\n" + json.dumps(line) + "\n", encoding="utf-8")
    manifest = Manifest(path)
    assert not manifest.entries and "'status' \"maybe\" is none of" in manifest.problems[0]


# ---------------------------------------------------------------- the lock file leaves


def test_the_lock_file_leaves_after_a_finished_run(mini_build: None, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([article(tmp_path / "in" / "x.txt", MACRON)], out, serial=True)
    assert not (out / ".build.lock").exists()


class _Boom:
    def start(self, plan: Any) -> None:
        return None

    def advance(self, outcome: Any) -> None:
        raise KeyboardInterrupt

    def finish(self) -> None:
        return None


def test_the_lock_file_leaves_after_an_interrupted_run(mini_build: None, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        build([article(tmp_path / "in" / "x.txt", MACRON)], out, serial=True, reporter=_Boom())
    assert (out / "manifest.jsonl").is_file()  # what was done is kept
    assert not (out / ".build.lock").exists()


def test_the_lock_file_leaves_after_a_failed_run(mini_build: None, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = build([article(tmp_path / "in" / "x.txt", "")], out, serial=True)
    assert summary.failed == 1
    assert not (out / ".build.lock").exists()


def test_a_lock_held_by_another_build_is_left_to_it(tmp_path: Path) -> None:
    import fcntl

    from itinerary.build import BuildError

    out = tmp_path / "out"
    out.mkdir()
    with (out / ".build.lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(BuildError, match="another build"):
            build([article(tmp_path / "in" / "x.txt", MACRON)], out, serial=True)
        assert (out / ".build.lock").exists()
        assert os.fstat(held.fileno()).st_ino == (out / ".build.lock").stat().st_ino


# ---------------------------------------------------------------- recall on the development set


def _trip_articles(articles: Path) -> list[Path]:
    out = []
    for folder in ("dev", "dev2", "dev3"):
        for path in sorted((articles / folder).glob("*.txt")):
            truth = yaml.safe_load((articles / folder / "truth" / f"{path.stem}.yaml").read_text("utf-8"))
            if truth.get("trips"):
                out.append(path)
    return out


def test_the_screen_keeps_every_development_article_that_has_a_trip(shared: Path) -> None:
    screen = Screen()
    paths = _trip_articles(shared / "articles")
    assert len(paths) > 80
    lost = [p.name for p in paths if not screen.passes(read_article(p))[0]]
    assert not lost, f"{len(lost)} of {len(paths)} articles with a trip screened out"
    # the same without the language of their header (detected, as in a feed without one)
    import dataclasses

    lost = [
        p.name for p in paths if not screen.passes(dataclasses.replace(read_article(p), language=None))[0]
    ]
    assert not lost, f"{len(lost)} of {len(paths)} articles with a trip screened out (detected language)"


def test_the_guess_agrees_with_the_detector_on_every_development_article(shared: Path) -> None:
    """Where the function words place an article (of every development folder, and LGL's local
    news), the detector places it alike, and so does the truth; most are placed."""
    import gzip
    import xml.etree.ElementTree as ET

    from itinerary.extract.article import clean_text

    texts = []
    for folder in ("dev", "dev2", "dev3"):
        for path in sorted((shared / "articles" / folder).glob("*.txt")):
            truth = yaml.safe_load(
                (shared / "articles" / folder / "truth" / f"{path.stem}.yaml").read_text("utf-8")
            )
            texts.append((path.name, clean_text(read_article(path).text), truth["language"]))
    lgl = shared / "geoparsing" / "lgl.xml.gz"
    if lgl.is_file():
        with gzip.open(lgl) as fh:
            articles = ET.parse(fh).getroot().iter("article")
            texts += [(f"lgl-{a.get('docid')}", clean_text(a.findtext("text") or ""), "en") for a in articles]
    placed = 0
    for name, text, language in texts:
        guessed = guess_language(text)
        if guessed is not None:
            placed += 1
            assert guessed == language == detect_language(text), name
    assert placed >= 0.8 * len(texts)


def test_what_the_screen_drops_holds_no_stop_of_the_travel_rules(shared: Path) -> None:
    """The screen's guarantee, checked by the extractor itself: an article it drops gives no
    candidate of the travel rules (dev3's no-trip articles, and LGL's local news)."""
    import gzip
    import warnings
    import xml.etree.ElementTree as ET

    from itinerary.extract import Article

    dev3 = shared / "articles" / "dev3"
    articles = [
        read_article(p)
        for p in sorted(dev3.glob("*.txt"))
        if not yaml.safe_load((dev3 / "truth" / f"{p.stem}.yaml").read_text("utf-8"))["trips"]
    ]
    lgl = shared / "geoparsing" / "lgl.xml.gz"
    if lgl.is_file():
        with gzip.open(lgl) as fh:
            texts = [a.findtext("text") or "" for a in ET.parse(fh).getroot().iter("article")]
        articles += [Article(text=t, language="en") for t in texts[:200] if t.strip()]
    screen, extractor = Screen(), engine.extractor()
    dropped = [a for a in articles if not screen.passes(a)[0]]
    assert len(dropped) >= 10
    for a in dropped:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            analysis = extractor.analyse(a)
        assert not [c.place.text for c in analysis.candidates if c.rule], a.text[:80]
