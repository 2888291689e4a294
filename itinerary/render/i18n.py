"""The words of the interactive map in the reader's language.

Every word the page shows (legend, sliders, controls, statuses, modes, units, popups' field
labels, the reasons a stop is to be checked) comes from a gettext catalogue,
``itinerary/render/locale/LANG.po``, read with Babel; dates and numbers are written with
Babel's CLDR data. The runtime receives the catalogue of the chosen language in the payload
(:func:`page_words`) and looks words up with ``t(...)``/``tn(...)``; Python builds its own
sentences through :class:`Words`.

A translator adds a language by copying ``locale/messages.pot`` to ``locale/LANG.po``, filling
in every ``msgstr`` and the ``Plural-Forms`` header; the language is then offered by
``itinerary map --lang``. ``python -m itinerary.render.i18n`` rewrites ``messages.pot`` from
the sources after a message is added or changed (a test fails while a catalogue misses a
message or holds one the page no longer uses).
"""

from __future__ import annotations

import gettext
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from babel import Locale
from babel.dates import format_interval, format_skeleton
from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.numbers import format_decimal

from itinerary.errors import ValidationError
from itinerary.model import DateSpan, Precision

#: Babel locale used for a page language's dates and numbers ("en": day month year, as before).
CLDR_LOCALE = {"en": "en_GB"}
#: Plural index looked up for n = 0..PLURAL_TABLE-1; above, n % 100 + 100 (same index in every
#: rule these languages use).
PLURAL_TABLE = 200
# Runtime and Python sources holding messages: t("..."), tn("...", "...", n) in JS;
# _("...") and ngettext("...", "...", n) in Python.
_JS_KEYWORDS: dict[str, Any] = {"t": None, "tn": (1, 2)}
_PY_KEYWORDS: dict[str, Any] = {"_": None, "ngettext": (1, 2)}
_PY_SOURCES = ("layout.py", "payload.py")


def _locale_dir() -> Traversable:
    return resources.files("itinerary.render").joinpath("locale")


@cache
def languages() -> tuple[str, ...]:
    """The page languages: one per catalogue in ``locale/``, English first."""
    found = sorted(f.name[:-3] for f in _locale_dir().iterdir() if f.name.endswith(".po"))
    return tuple(sorted(found, key=lambda lang: (lang != "en", lang)))


def check_page_lang(lang: str) -> str:
    if lang not in languages():
        raise ValidationError(
            f"no catalogue for the page language {lang!r}; use one of {', '.join(languages())}"
        )
    return lang


@cache
def catalogue(lang: str) -> Catalog:
    """The catalogue of ``lang`` as Babel reads it (``locale/LANG.po``)."""
    check_page_lang(lang)
    with _locale_dir().joinpath(f"{lang}.po").open("rb") as fh:
        return read_po(fh, locale=lang, domain="itinerary")


@cache
def _translations(lang: str) -> gettext.GNUTranslations:
    buf = io.BytesIO()
    write_mo(buf, catalogue(lang))
    buf.seek(0)
    return gettext.GNUTranslations(buf)


@dataclass(frozen=True)
class Words:
    """Translation, dates and numbers for one page language."""

    lang: str = "en"

    @property
    def locale(self) -> str:
        return CLDR_LOCALE.get(self.lang, self.lang)

    def _(self, msgid: str) -> str:
        return _translations(self.lang).gettext(msgid)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return _translations(self.lang).ngettext(singular, plural, n)

    def number(self, x: float, digits: int = 0) -> str:
        """``x`` with ``digits`` decimals (always shown) and the language's separators."""
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(round(x, digits), format=pattern, locale=self.locale)

    def span(self, span: DateSpan, *, short: bool = False) -> str:
        """A date with its precision: ``13 Sept 2023``, ``3–6 Sept 2023``, ``Oct 2023``, ``2023``;
        ``short`` leaves the year out of days (labels): ``13 Sept``. Empty when unknown."""
        a, b = span.start, span.end
        if a is None or b is None or span.precision is Precision.UNKNOWN:
            return ""
        skeleton = {Precision.DAY: "MMMd" if short else "yMMMd", Precision.MONTH: "yMMM"}.get(
            span.precision, "y"
        )
        if a == b or (span.precision is Precision.YEAR and a.year == b.year):
            return format_skeleton(skeleton, a, locale=self.locale)
        return format_interval(a, b, skeleton, locale=self.locale)

    def date_label(self, span: DateSpan) -> str:
        return self.span(span) or self._("date unknown")


ENGLISH = Words("en")


def kind_words(kind: str) -> str:
    """The message id of a place kind (``border_station`` -> ``border station``)."""
    return kind.replace("_", " ")


@cache
def page_words(lang: str) -> dict[str, Any]:
    """What the runtime needs to speak ``lang``: the messages (``{msgid: text or [forms]}``),
    the plural index of n = 0..199, CLDR's day pattern, abbreviated months and number symbols."""
    cat = catalogue(lang)
    messages: dict[str, Any] = {}
    for m in cat:
        if not m.id:
            continue
        # a message written as its id (English) is left out: the runtime falls back to the id
        if isinstance(m.id, tuple):
            forms = [s for s in m.string if s] if isinstance(m.string, tuple) else []
            if forms and forms != list(m.id):
                messages[m.id[0]] = forms
        elif isinstance(m.string, str) and m.string and m.string != m.id:
            messages[str(m.id)] = m.string
    tr = _translations(lang)
    plural = getattr(tr, "plural", lambda n: int(n != 1))
    loc = Locale.parse(CLDR_LOCALE.get(lang, lang))
    return {
        "lang": lang,
        "messages": messages,
        "plural": [plural(n) for n in range(PLURAL_TABLE)],
        "day": loc.datetime_skeletons["yMMMd"].pattern,
        "months": [loc.months["format"]["abbreviated"][i] for i in range(1, 13)],
    }


# ---------------------------------------------------------------- the messages the page uses


def _sources() -> Iterator[tuple[str, Traversable]]:
    from itinerary.render.assets import RUNTIME_MODULES

    root = resources.files("itinerary.render")
    for name in RUNTIME_MODULES:
        yield "javascript", root.joinpath(f"templates/runtime/{name}.js")
    for name in _PY_SOURCES:
        yield "python", root.joinpath(name)


def extracted() -> dict[str | tuple[str, str], list[str]]:
    """Messages written in the sources: ``{msgid or (singular, plural): [file:line, ...]}``."""
    out: dict[str | tuple[str, str], list[str]] = {}
    for method, path in _sources():
        keywords = _JS_KEYWORDS if method == "javascript" else _PY_KEYWORDS
        with path.open("rb") as fh:
            for line, msg, _comments, _ctx in extract(method, fh, keywords=keywords):
                key = msg if isinstance(msg, str) else (msg[0], msg[1])
                out.setdefault(key, []).append(f"{path.name}:{line}")
    return out


def data_messages() -> dict[str, str]:
    """Words the page takes from data tables: the theme's labels, the popup's field labels and
    the values it shows (roles, modes, place kinds)."""
    from itinerary.fields import popup_facts
    from itinerary.geocode.gazetteer import KINDS
    from itinerary.render.layout import APPROXIMATE_KINDS
    from itinerary.theme import theme

    th = theme()
    out: dict[str, str] = {}
    for words, where in popup_values().items():
        for value in words:
            out.setdefault(value, where)
    for kind in (*KINDS, *sorted(APPROXIMATE_KINDS)):
        out.setdefault(kind_words(kind), "place kinds")
    for group in ("status", "mode", "basis", "drawn"):
        for entry in th[group].values():
            out.setdefault(entry["label"], f"theme.json {group}")
    out.setdefault(th["doubt"]["label"], "theme.json doubt")
    for _key, label in popup_facts():
        out.setdefault(label, "fields.py popup")
    return out


def popup_values() -> dict[tuple[str, ...], str]:
    """Message ids of the values the popup shows in words: roles and modes."""
    from itinerary.model import Mode, Role

    return {tuple(r.value for r in Role): "model.Role", tuple(m.value for m in Mode): "model.Mode"}


def message_ids() -> set[str | tuple[str, str]]:
    """Every message the page can show (what each catalogue must translate, and nothing else)."""
    return set(extracted()) | set(data_messages())


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def catalogue_problems(cat: Catalog, wanted: set[str | tuple[str, str]] | None = None) -> list[str]:
    """What a catalogue gets wrong: a message the page uses and it lacks, one it holds that the
    page does not use, an empty translation (English excepted) or a placeholder lost or added."""
    wanted = message_ids() if wanted is None else wanted
    have = {m.id if isinstance(m.id, str) else (m.id[0], m.id[1]): m for m in cat if m.id}
    out = [f"missing message {k!r}" for k in sorted(set(wanted) - set(have), key=str)]
    out += [
        f"unknown message {k!r} (the page does not use it)" for k in sorted(set(have) - set(wanted), key=str)
    ]
    for key, m in have.items():
        ids: tuple[str, ...] = key if isinstance(key, tuple) else (key,)
        strings: tuple[str, ...] = (
            tuple(m.string) if isinstance(m.string, (tuple, list)) else (str(m.string or ""),)
        )
        if str(cat.locale) != "en" and not all(strings):
            out.append(f"untranslated message {key!r}")
        names = set(_PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            if text and set(_PLACEHOLDER.findall(text)) != names:
                out.append(f"message {key!r}: {text!r} must use the placeholders {sorted(names)}")
    return out


def template() -> Catalog:
    """``messages.pot``: every message with where it is used."""
    cat = Catalog(project="itinerary", domain="itinerary", fuzzy=False)
    for msgid, found in sorted(extracted().items(), key=lambda kv: str(kv[0])):
        cat.add(msgid, locations=[(w.rsplit(":", 1)[0], int(w.rsplit(":", 1)[1])) for w in found])
    for label, where in sorted(data_messages().items()):
        if label not in cat:
            cat.add(label, auto_comments=[f"from {where}"])
    return cat


def write_template(path: Any = None) -> None:
    """Rewrite ``locale/messages.pot`` (run ``python -m itinerary.render.i18n``)."""
    target = path or _locale_dir().joinpath("messages.pot")
    with open(str(target), "wb") as fh:
        write_po(fh, template(), omit_header=False, sort_output=False, width=100)


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    write_template()
    print(f"wrote {_locale_dir().joinpath('messages.pot')}")


__all__ = [
    "ENGLISH",
    "Words",
    "catalogue",
    "catalogue_problems",
    "check_page_lang",
    "kind_words",
    "languages",
    "message_ids",
    "page_words",
]
