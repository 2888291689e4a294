"""One language for the whole page: a French map shows no English word, checked against the
catalogues, in a real headless Chromium with the network blocked."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from babel import Locale

from itinerary import load
from itinerary.model import Itinerary
from itinerary.render import make_map, save_map
from itinerary.render.i18n import catalogue
from tests.conftest import ROOT, SEED_14

pytestmark = pytest.mark.usefixtures("mini_data_for_module")

DOUBTFUL = ROOT / "tests" / "data" / "trips" / "doubtful-sf-2023.yaml"
WORD = re.compile(r"[^\W\d_]+")

# Every piece of text a reader can see or hear: text nodes, tooltips (title) and aria-labels,
# basemap place names left out (Natural Earth's names, English where it has none).
COLLECT = """() => {
  const out = [];
  const root = document.querySelector('.folium-map');
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const n = walk.currentNode, e = n.parentElement;
    if (!e || e.closest('.itn-bl')) continue;
    const s = getComputedStyle(e);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    if (n.textContent.trim()) out.push(n.textContent.trim());
  }
  root.querySelectorAll('[title], [aria-label]').forEach(e => {
    if (e.closest('.itn-bl')) return;
    ['title', 'aria-label'].forEach(a => { if (e.getAttribute(a)) out.push(e.getAttribute(a)); });
  });
  return out;
}"""


def _data_texts(it: Itinerary) -> list[str]:
    """The file's own text (names, notes, quotes, sources): shown as written, in any language."""
    out: list[str] = [it.title or ""]
    for trip in it.trips:
        out += [trip.traveller, trip.title or "", trip.id]
        for stop in trip.stops:
            out += [stop.place or "", stop.note or "", stop.quote or "", stop.label]
            r = stop.resolved
            if r is not None:
                out += [r.name, r.admin1 or "", r.country_code or ""]
    for s in it.sources:
        out += [s.title or "", s.publisher or "", s.id, s.url or ""]
    return sorted((t for t in out if t), key=len, reverse=True)


def _english_only(lang: str = "fr") -> set[str]:
    """Words of the English messages that no message of ``lang`` uses, and English month names."""
    english: set[str] = set()
    french: set[str] = set()
    for m in catalogue(lang):
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        for text in ids:
            english |= set(WORD.findall(re.sub(r"\{\w+\}", " ", text)))
        for text in strings:
            french |= set(WORD.findall(re.sub(r"\{\w+\}", " ", text)))

    def month_words(locale: str) -> set[str]:
        months = Locale.parse(locale).months["format"]
        return {w.rstrip(".") for w in (*months["abbreviated"].values(), *months["wide"].values())}

    return (english - french) | (month_words("en_GB") - month_words(lang))  # "Nov" is German too


def _visible_words(page: Any, data: list[str]) -> tuple[str, set[str]]:
    texts = page.evaluate(COLLECT)
    joined = "\n".join(texts)
    for t in data:
        joined = joined.replace(t, " ")
    return joined, set(WORD.findall(joined))


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Itinerary]]:
    out = tmp_path_factory.mktemp("fr")
    pages = {}
    for name, src in {"seed": SEED_14, "doubt": DOUBTFUL}.items():
        it = load(src)
        p = out / f"{name}.html"
        save_map(make_map(it, offline=True, lang="fr"), p)
        pages[name] = (p, it)
    return pages


def _read_page(page: Any, data: list[str]) -> tuple[str, set[str]]:
    """The page's text and words: as drawn, with every popup opened, a leg's tooltip shown and
    the known-on slider moved back."""
    text, seen = _visible_words(page, data)
    n = page.locator(".itn-stop").count()
    for i in range(n):
        page.evaluate(
            """i => { const m = document.querySelectorAll('.itn-stop')[i];
                   m.dispatchEvent(new MouseEvent('click', {bubbles: true})); }""",
            i,
        )
        page.wait_for_timeout(50)
        joined, words = _visible_words(page, data)
        text, seen = text + joined, seen | words
    page.locator("path.itn-leg").first.hover(force=True)
    page.wait_for_timeout(100)
    joined, words = _visible_words(page, data)
    text, seen = text + joined, seen | words
    if page.locator(".itn-known-input").count():
        page.eval_on_selector(
            ".itn-known-input", "e => { e.value = '0'; e.dispatchEvent(new Event('input')); }"
        )
        joined, words = _visible_words(page, data)
        text, seen = text + joined, seen | words
    return text, seen


def _open(page: Any, path: Path) -> None:
    page.goto(path.resolve().as_uri())
    page.wait_for_selector(".itn-stop")
    page.wait_for_timeout(300)


@pytest.mark.browser
@pytest.mark.parametrize("name", ["seed", "doubt"])
def test_french_page_has_no_english_word(
    french: dict[str, tuple[Path, Itinerary]], name: str, artifacts: Path
) -> None:
    from itinerary.render.browser import browser_page

    path, it = french[name]
    data = _data_texts(it)
    forbidden = _english_only()
    assert {"Whole", "trip", "known", "stop", "leg", "confirmed"} <= forbidden  # the check has teeth
    with browser_page() as page:
        _open(page, path)
        assert page.evaluate("document.documentElement.lang") == "fr"
        text, seen = _read_page(page, data)
        page.screenshot(path=str(artifacts / f"map-fr-{name}.png"))
        assert not page.console_errors and not page.blocked_requests
    left = sorted(seen & forbidden)
    assert not left, f"English words on the French page: {left}\n{text[:3000]}"
    # and the French words are there: the legend, the slider, dates with French months
    assert "Tout le voyage" in text
    assert "arrêt confirmé" in text and "trajet confirmé" in text
    assert re.search(r"\d+ (janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)\.?", text), text[:2000]
    if name == "doubt":
        assert "À vérifier" in text and "à vérifier" in text


def test_cli_says_which_options_have_no_effect(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from itinerary.cli import cli

    out = tmp_path / "it.html"
    res = CliRunner().invoke(
        cli, ["map", str(SEED_14), "-o", str(out), "--offline", "--tiles", "CartoDB.Positron", "--lang", "it"]
    )
    assert res.exit_code == 0, res.output
    assert "--tiles CartoDB.Positron has no effect with --offline" in res.output
    assert "the offline basemap has no it names" in res.output
    page = out.read_text("utf-8")
    assert "Tutto il viaggio" in page and '"lang":"it"' in page
    online = tmp_path / "fr.html"
    res = CliRunner().invoke(cli, ["map", str(SEED_14), "-o", str(online), "--lang", "fr"])
    assert res.exit_code == 0, res.output
    assert "the background tiles keep their own place names" in res.output
    assert "Tout le voyage" in online.read_text("utf-8")
    res = CliRunner().invoke(cli, ["map", str(SEED_14), "-o", str(tmp_path / "x.html"), "--lang", "xx"])
    assert res.exit_code != 0 and "fr" in res.output
    res = CliRunner().invoke(cli, ["map", str(SEED_14), "-o", str(tmp_path / "en.html"), "--offline"])
    assert res.exit_code == 0 and "note:" not in res.output


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["de", "es", "ru", "it", "pt"])
def test_other_languages_leave_no_english_word(tmp_path: Path, lang: str) -> None:
    from itinerary.render.browser import browser_page

    it = load(DOUBTFUL)
    path = tmp_path / f"{lang}.html"
    save_map(make_map(it, offline=True, lang=lang), path)
    forbidden = _english_only(lang)
    with browser_page() as page:
        _open(page, path)
        assert page.evaluate("document.documentElement.lang") == lang
        text, seen = _read_page(page, _data_texts(it))
        assert not page.console_errors and not page.blocked_requests
    left = sorted(seen & forbidden)
    assert not left, f"English words on the {lang} page: {left}\n{text[:3000]}"
    whole = {m.id: m.string for m in catalogue(lang) if isinstance(m.id, str)}["Whole trip"]
    assert whole in text
