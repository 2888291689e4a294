"""The merge from a kept table (:mod:`itinerary.merge.delta`): the names grouped from the last
grouping when the names that came or went are alone, and the merge of some inputs against the
merge of all of them."""

from __future__ import annotations

import random
import warnings
from collections.abc import Callable
from typing import Any

import pytest

import itinerary
from itinerary.errors import MergeWarning
from itinerary.merge import MergeReport
from itinerary.merge.delta import Delta, _alone, merge_delta
from itinerary.merge.names import group_names_kept
from itinerary.merge.split import merge_split
from itinerary.model import Itinerary
from itinerary.people import Grouping, group_names
from tests.conftest import ROOT

GROUPS = sorted((ROOT / "tests" / "data" / "merge").glob("*.yaml"))

NAMES = [
    "Emmanuel Macron",
    "Macron",
    "President Emmanuel Macron",
    "Olaf Scholz",
    "Scholz",
    "Vladimir Putin",
    "Putin",
    "Владимир Путин",
    "Kim Jong Un",
    "Kim Jong Il",
    "Kim",
    "Lula",
    "Luiz Inácio Lula da Silva",
    "Narendra Modi",
    "Modi",
    "Joe Biden",
    "President Joe Biden",
    "Xi Jinping",
    "Olaf Schulz",
    "Ilan",
    "Zamparelli",
    "Quentin Zamparelli",
    "Barufoso Zenavugi",
    "Gatelaki Bufimulu",
    "Bufimulu",
    "Tovakeru Simbalo",
    "Mbeki",
    "Ludavoto Kuvazadi",
    "Luvomise Ponokeni",
    "Zisakule Rifirore",
    "Sopatedi Dinetuzi Pebitugu",
    "Kapodaso",
    "Kapodasso",
    "Gatelaki",
    "Rifirore Ziso",
]


@pytest.mark.parametrize("seed", range(60))
def test_a_grouping_from_the_last_one_is_the_grouping_made_whole(seed: int) -> None:
    """Random name sets changed by a few names: whenever the names that came or went are alone,
    the grouping put together from the last one is :func:`group_names` of the new names."""
    rng = random.Random(seed)
    old = set(rng.sample(NAMES, rng.randrange(3, len(NAMES))))
    new = set(old)
    for _ in range(rng.randrange(1, 4)):
        name = rng.choice(NAMES)
        (new.discard if name in new else new.add)(name)
    last, apart = _last(old)
    got = _alone(last, old, new, apart)
    if got is not None:
        assert got == group_names(sorted(new))


def test_a_name_alone_is_put_in_its_place_and_a_name_that_shares_a_word_is_not() -> None:
    old = {"Emmanuel Macron", "Quentin Zamparelli", "Macron"}
    last, apart = _last(old)
    for new in (old | {"Barufoso Zenavugi"}, old | {"Aaron Aardvark"}, old - {"Quentin Zamparelli"}):
        assert _alone(last, old, new, apart) == group_names(sorted(new))
    assert _alone(last, old, old | {"Zamparelli"}, apart) is None  # a word of another
    assert _alone(last, old, old | {"Quentin Zamparrelli"}, apart) is None  # spelled alike
    assert _alone(last, old, old | {"Olaf Scholz"}, apart) is None  # in the alias list
    assert _alone(last, old, old - {"Macron"}, apart) is None  # a part of another's name
    assert _alone(last, old, old | {"Barufoso Zenavugi"}, None) is None  # the parts apart not known
    # a name alone that sounds like a one-word name: the pair of look-alikes is put in its place
    sounding = {"Kapodaso", "Emmanuel Macron", "Macron"}
    last, apart = _last(sounding)
    for new in (sounding | {"Kapodisa Lomu"}, sounding | {"Kapodisa Lomu", "Kepedose Vanu"}):
        assert _alone(last, sounding, new, apart) == group_names(sorted(new))
        assert _alone(last, sounding, new, apart).kept_apart  # type: ignore[union-attr]


def _last(names: set[str]) -> tuple[Grouping, int]:
    """The grouping of ``names`` and how many of its look-alikes are parts of a name."""
    grouping, state = group_names_kept(sorted(names))
    return grouping, sum(len(b.apart) for b in state.blocks.values())


class _Memo:
    def __init__(self) -> None:
        self.texts: dict[str, str] = {}

    def recall(self, keys: list[str]) -> dict[str, str]:
        return {k: self.texts[k] for k in keys if k in self.texts}

    def hold(self, keys: list[str]) -> None:
        pass

    def keep(self, key: str, text: str) -> None:
        self.texts[key] = text

    def known(self, trip: object, key: str) -> None:
        pass


def test_the_merge_of_the_inputs_changed_is_the_merge_of_all() -> None:
    """Each development group's draft left out in turn, then put back: the merge from the table
    reads only some drafts and gives the itinerary and report of the merge of all."""
    drafts = {f"d{i}": itinerary.load(p) for i, p in enumerate(GROUPS)}
    read: list[str] = []

    def load(name: str) -> Itinerary:
        read.append(name)
        return drafts[name]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MergeWarning)
        memo = _Memo()
        names = list(drafts)
        first = merge_delta(names, [f"h{n}" for n in names], load, memo=memo)
        assert first[2].fallback == "no kept table of the last merge" and first[2].read == len(names)
        for left in names:
            rest = [n for n in names if n != left]
            for now in (rest, names):
                read.clear()
                merged, report, delta = merge_delta(now, [f"h{n}" for n in now], load, memo=memo)
                assert delta.fallback is None
                assert len(set(read)) < len(now)
                assert (merged, report) == merge_split([drafts[n] for n in now])


def test_a_damaged_table_merges_every_input() -> None:
    """A kept table that is not what a merge writes (a field of the wrong kind) is not used: every
    input is read and merged, the reason said, and the result is the merge of all."""
    from itinerary.merge.delta import _state_key

    drafts = {f"d{i}": itinerary.load(p) for i, p in enumerate(GROUPS)}
    names = list(drafts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MergeWarning)
        memo = _Memo()
        merge_delta(names, [f"h{n}" for n in names], drafts.__getitem__, memo=memo)
        key = _state_key(None)
        memo.texts[key] = _altered(memo.texts[key], _ids_of_another_kind)
        rest = names[1:]
        merged, report, delta = merge_delta(rest, [f"h{n}" for n in rest], drafts.__getitem__, memo=memo)
    assert delta.fallback is not None and "damaged" in delta.fallback
    assert delta.read == len(rest)
    assert (merged, report) == merge_split([drafts[n] for n in rest])


def _altered(text: str, change: Callable[[dict[str, Any]], None]) -> str:
    """The kept ``text`` with its table changed by ``change`` in place, the rest of the text as it
    was (bytes of a store altered on disk, not a table written by a merge)."""
    from itinerary.merge.delta import _parse, _render

    check, _, body = text.partition("\n")
    table = _parse(body, {})
    change(table)
    return f"{check}\n{_render(table, {})}"


def _ids_of_another_kind(table: dict[str, Any]) -> None:
    for entry in table["drafts"].values():
        entry["ids"] = 7


def _no_day(table: dict[str, Any]) -> None:
    for entry in table["drafts"].values():
        entry["head"][0] = "2023-04-32"


def _one_traveller_lost(table: dict[str, Any]) -> None:
    del table["persons"][next(iter(table["persons"]))]


def _another_day(table: dict[str, Any]) -> None:
    first = table["drafts"][table["order"][0]]
    first["head"][0] = "2030-01-01"


@pytest.mark.parametrize("change", [_no_day, _one_traveller_lost, _another_day])
def test_a_table_altered_in_the_store_merges_every_input(change: Callable[[dict[str, Any]], None]) -> None:
    """A kept table whose text was altered after the merge wrote it (a day that is no day, a
    traveller's entry lost, an input's day changed to another day) is found damaged: every input
    is merged, the reason said, and the result is the merge of all (not a merge that trusts it)."""
    from itinerary.merge.delta import _state_key

    drafts = {f"d{i}": itinerary.load(p) for i, p in enumerate(GROUPS)}
    names = list(drafts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MergeWarning)
        memo = _Memo()
        merge_delta(names, [f"h{n}" for n in names], drafts.__getitem__, memo=memo)
        key = _state_key(None)
        memo.texts[key] = _altered(memo.texts[key], change)
        rest = names[1:]
        merged, report, delta = merge_delta(rest, [f"h{n}" for n in rest], drafts.__getitem__, memo=memo)
    assert delta.fallback is not None and "damaged" in delta.fallback
    assert (merged, report) == merge_split([drafts[n] for n in rest])


_PARIS = {
    "id": "geonames:2988507",
    "name": "Paris",
    "lat": 48.85341,
    "lon": 2.3488,
    "kind": "city",
    "country_code": "FR",
}
_BERLIN = {
    "id": "geonames:2950159",
    "name": "Berlin",
    "lat": 52.52437,
    "lon": 13.41053,
    "kind": "city",
    "country_code": "DE",
}
_AT = {"Paris": _PARIS, "Berlin": _BERLIN}
_QUOTE = "The chancellor arrived in the capital on Saturday for talks with the president."
_OTHER = "Crowds lined the streets as the motorcade passed through the old town."


def _draft(
    src: str,
    day: int,
    trips: list[tuple[str, list[tuple[str, ...]]]],
    url: str | None = None,
    more: tuple[str, str] | None = None,
) -> Itinerary:
    """A draft of source ``src`` published on March ``day``, 2024 (and a source ``more``, its id
    and URL): each trip a traveller and its stops (place, day, status, quote, and the source when
    it is not ``src``)."""
    import json

    from itinerary.io import yaml as yaml_io

    published = f"2024-03-{day:02d}"
    sources = [(src, url), *([more] if more else [])]
    data = {
        "itinerary": 1,
        "title": f"Draft: {src}",
        "as_of": published,
        "sources": [
            {"id": i, "published": published, "language": "en", **({"url": u} if u else {})}
            for i, u in sources
        ],
        "trips": [
            {
                "id": f"t{k}",
                "traveller": who,
                "stops": [
                    {
                        "place": p,
                        "status": st,
                        "date": f"2024-03-{int(d):02d}",
                        "source": other[0] if other else src,
                        "quote": q,
                        **({"resolved": _AT[p]} if p in _AT else {}),
                    }
                    for p, d, st, q, *other in stops
                ],
            }
            for k, (who, stops) in enumerate(trips)
        ],
    }
    return yaml_io.loads(json.dumps(data))


_LONE = [
    "Tovakeru Simbalo",
    "Ludavoto Kuvazadi",
    "Luvomise Ponokeni",
    "Zisakule Rifirore",
    "Gatelaki Bufimulu",
]


def _filler(k: int) -> Itinerary:
    """An article of a traveller of its own, published first (it couples with nothing)."""
    return _draft(f"f{k}", 1, [(_LONE[k], [("Berlin", 1, "confirmed", f"Seen there ({k}).")])])


_SCENARIOS: dict[str, list[dict[str, Itinerary]]] = {
    # two articles become copies of one text by an edit (a quote, then a URL), then stop being
    "reprints by a quote": [
        {"a": _draft("a", 2, [("Olaf Scholz", [("Paris", 2, "confirmed", _QUOTE)])])},
        {"b": _draft("b", 3, [("Olaf Scholz", [("Paris", 2, "confirmed", _QUOTE + " ")])])},
        {"b": _draft("b", 3, [("Olaf Scholz", [("Paris", 2, "confirmed", _OTHER)])])},
    ],
    "reprints by a URL": [
        {
            "a": _draft(
                "a", 2, [("Olaf Scholz", [("Paris", 2, "confirmed", _QUOTE)])], url="https://x.example/1"
            )
        },
        {
            "b": _draft(
                "b", 3, [("Olaf Scholz", [("Paris", 2, "confirmed", _OTHER)])], url="https://x.example/1"
            )
        },
        {
            "b": _draft(
                "b", 3, [("Olaf Scholz", [("Paris", 2, "confirmed", _OTHER)])], url="https://x.example/2"
            )
        },
    ],
    # copies of one text joined through another traveller's article: a traveller whose articles
    # were apart (and that the edit does not name) counts them once
    "reprints through another traveller": [
        {
            "a": _draft(
                "a", 2, [("Olaf Scholz", [("Paris", 2, "confirmed", _QUOTE)])], url="https://x.example/a"
            ),
            "c": _draft(
                "c", 3, [("Olaf Scholz", [("Paris", 2, "confirmed", _OTHER)])], url="https://x.example/c"
            ),
        },
        {
            "b": _draft(
                "b",
                4,
                [
                    ("Barufoso Zenavugi", [("Berlin", 4, "confirmed", _QUOTE)]),
                    ("Barufoso Zenavugi", [("Berlin", 4, "confirmed", _QUOTE, "b2")]),
                ],
                url="https://x.example/a",
                more=("b2", "https://x.example/c"),
            )
        },
        {"b": None},  # type: ignore[dict-item]
    ],
    # a traveller renamed into another's name group (a surname alone, a transliteration), then out
    "a name joins a group": [
        {"a": _draft("a", 2, [("Vladimir Putin", [("Paris", 2, "confirmed", _QUOTE)])])},
        {"b": _draft("b", 3, [("Putin", [("Berlin", 3, "confirmed", _OTHER)])])},
        {"b": _draft("b", 3, [("Владимир Путин", [("Berlin", 3, "confirmed", _OTHER)])])},
        {"b": _draft("b", 3, [("Barufoso Zenavugi", [("Berlin", 3, "confirmed", _OTHER)])])},
    ],
    # a traveller's name becomes a place another article visits, then stops being one
    "a name becomes a place": [
        {"a": _draft("a", 2, [("Olaf Scholz", [("Berlin", 2, "confirmed", _QUOTE)])])},
        {
            "b": _draft(
                "b",
                3,
                [
                    ("Olaf Scholz", [("Berlin", 3, "confirmed", _OTHER)]),
                    ("Paris", [("Berlin", 3, "planned", _QUOTE)]),
                ],
            )
        },
        {"a": _draft("a", 2, [("Olaf Scholz", [("Paris", 2, "confirmed", _QUOTE)])])},
        {"a": _draft("a", 2, [("Olaf Scholz", [("Berlin", 2, "confirmed", _QUOTE)])])},
    ],
    # a trip without a name adopted by its article's traveller, whose other article then goes
    "an adopter's other article removed": [
        {
            "a": _draft(
                "a",
                2,
                [
                    ("Olaf Scholz", [("Berlin", 2, "confirmed", _QUOTE)]),
                    ("Unknown traveller", [("Berlin", 2, "confirmed", _OTHER)]),
                ],
            )
        },
        {"c": _draft("c", 4, [("Olaf Scholz", [("Paris", 4, "confirmed", _OTHER)])])},
        {"c": None},  # type: ignore[dict-item]
    ],
    # a trip without a name given to one of its article's two travellers by a place they share,
    # until the other's new article visits that place too (then neither: a traveller of its own)
    "an adoption undone by another article": [
        {
            "x": _draft(
                "x",
                2,
                [
                    ("Olaf Scholz", [("Berlin", 2, "confirmed", _QUOTE)]),
                    ("Barufoso Zenavugi", [("Paris", 2, "confirmed", _OTHER)]),
                    ("Unknown traveller", [("Berlin", 2, "confirmed", "Seen in Berlin.")]),
                ],
            )
        },
        {"y": _draft("y", 3, [("Barufoso Zenavugi", [("Berlin", 3, "confirmed", "Seen there.")])])},
        {"y": None},  # type: ignore[dict-item]
    ],
    # a name refused as a place visited, then as an institution when no article visits it: the
    # reason given for its trip changes, in an article the edit does not name
    "a refusal's reason changes": [
        {
            "b": _draft(
                "b",
                3,
                [
                    ("Olaf Scholz", [("Berlin", 3, "confirmed", _OTHER)]),
                    ("Kremlin", [("Berlin", 3, "planned", _QUOTE)]),
                ],
            )
        },
        {"a": _draft("a", 2, [("Barufoso Zenavugi", [("Kremlin", 2, "confirmed", _QUOTE)])])},
        {"a": _draft("a", 2, [("Barufoso Zenavugi", [("Paris", 2, "confirmed", _QUOTE)])])},
    ],
    # a planned stop whose day passes when a newer article comes (the day the merge is known on)
    "the known-on day moves": [
        {"a": _draft("a", 2, [("Olaf Scholz", [("Paris", 5, "planned", _QUOTE)])])},
        {"b": _draft("b", 9, [("Barufoso Zenavugi", [("Berlin", 9, "confirmed", _OTHER)])])},
        {"b": None},  # type: ignore[dict-item]
    ],
    # the last article of a traveller removed, then the same draft put back under another name
    "the last article of a traveller": [
        {"a": _draft("a", 2, [("Olaf Scholz", [("Paris", 2, "confirmed", _QUOTE)])])},
        {"a": None},  # type: ignore[dict-item]
        {"e": _draft("a", 2, [("Olaf Scholz", [("Paris", 2, "confirmed", _QUOTE)])])},
    ],
}


@pytest.mark.parametrize("name", list(_SCENARIOS))
def test_an_edit_that_touches_a_coupling_merges_as_the_merge_of_all(name: str) -> None:
    """Hand-made edits, each touching what couples the inputs (copies of one text, a name's group,
    a name that is a place, a trip without a name, the day the merge is known on, a traveller's
    last article), among five articles of their own: after each edit, the merge from the kept table
    reads only some drafts and gives the itinerary and report of the merge of all."""
    drafts = {f"f{k}": _filler(k) for k in range(len(_LONE))}
    memo = _Memo()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MergeWarning)
        for step, edit in enumerate(_SCENARIOS[name]):
            for n, d in edit.items():
                if d is None:
                    del drafts[n]
                else:
                    drafts[n] = d
            names = sorted(drafts)
            digests = [str(hash(repr(drafts[n]))) for n in names]
            merged, report, delta = merge_delta(names, digests, drafts.__getitem__, memo=memo)
            if step:
                assert delta.fallback is None and delta.read < len(names), (step, delta)
            assert (merged, report) == merge_split([drafts[n] for n in names]), step


def test_the_inputs_given_in_another_order_read_none_and_most_changed_merge_all() -> None:
    """The same inputs given in another order read no draft; two of eight changed are merged from
    the table, three (more than a quarter) by the merge of all, which says so; each time the
    itinerary and report of the merge of all."""
    drafts = {f"f{k}": _filler(k) for k in range(len(_LONE))}
    drafts |= {
        "a": _draft("a", 2, [("Olaf Scholz", [("Paris", 2, "confirmed", _QUOTE)])]),
        "b": _draft("b", 3, [("Olaf Scholz", [("Berlin", 3, "confirmed", _OTHER)])]),
        "c": _draft("c", 4, [("Barufoso Zenavugi", [("Berlin", 4, "confirmed", _QUOTE)])]),
    }
    memo = _Memo()

    def merged(names: list[str]) -> tuple[Itinerary, MergeReport, Delta]:
        digests = [str(hash(repr(drafts[n]))) for n in names]
        out = merge_delta(names, digests, drafts.__getitem__, memo=memo)
        assert out[:2] == merge_split([drafts[n] for n in names])
        return out

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MergeWarning)
        merged(sorted(drafts))
        assert merged(sorted(drafts, reverse=True))[2] == Delta(read=0, fallback=None, touched=0, undated=0)
        drafts["a"] = _draft("a", 2, [("Olaf Scholz", [("Paris", 3, "confirmed", _QUOTE)])])
        drafts["c"] = _draft("c", 4, [("Barufoso Zenavugi", [("Paris", 4, "confirmed", _QUOTE)])])
        assert merged(sorted(drafts))[2].fallback is None
        for n in ("a", "b", "c"):
            drafts[n] = _draft(n, 5, [("Olaf Scholz", [("Paris", 5, "planned", _OTHER)])])
        assert merged(sorted(drafts))[2].fallback == "3 of 8 inputs changed"


def test_a_kept_travellers_trips_come_from_the_table_not_the_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """After one input is left out or put back, only the travellers merged again have their trips
    read from the store (:func:`itinerary.merge.split._trips_back`): every other traveller's trips
    are made from the table, their data read only if one is made whole; the result is the merge
    of all."""
    from itinerary.merge import delta as delta_module

    drafts = {f"d{i}": itinerary.load(p) for i, p in enumerate(GROUPS)}
    calls: list[str] = []
    back = delta_module._trips_back
    monkeypatch.setattr(delta_module, "_trips_back", lambda text, *a: calls.append(text) or back(text, *a))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MergeWarning)
        memo = _Memo()
        names = list(drafts)
        merge_delta(names, [f"h{n}" for n in names], drafts.__getitem__, memo=memo)
        for left in names:
            rest = [n for n in names if n != left]
            for now in (rest, names):
                calls.clear()
                hashes = [f"h{n}" for n in now]
                merged, report, delta = merge_delta(now, hashes, drafts.__getitem__, memo=memo)
                assert delta.fallback is None
                assert len(calls) <= delta.touched
                assert (merged, report) == merge_split([drafts[n] for n in now])


def test_a_stored_trip_a_new_id_makes_whole_is_read_with_the_others_at_once() -> None:
    """The stored trips whose id :func:`itinerary.merge._unique_ids` changes (another trip of that
    id sorts before them) are named, by their traveller's trips key, to be read in one go; a
    stored trip whose id stays, or a trip made here, is not."""
    from itinerary.merge.delta import _renamed
    from itinerary.merge.stored import StoredTrip
    from itinerary.model import Trip

    def stored(tid: str) -> StoredTrip:
        head = {"id": tid, "traveller": "X", "stops": 0, "review": 0, "own": []}
        return StoredTrip.stored(head, lambda: Trip(tid, "X"))

    made: list[tuple[Trip, list[str]]] = [
        (Trip("a", "X"), []),
        (stored("a"), []),  # becomes a-2
        (stored("b"), []),
        (Trip("b", "X"), []),  # made here: becomes b-2, but needs no read
        (stored("c"), []),
    ]
    whose = [(0, 0), (1, 0), (2, 0), (3, 0), (4, 0)]
    everyone = [(None, None, None, f"key{m}", []) for m in range(5)]
    assert _renamed(made, whose, everyone) == ["key1"]
    assert all(t._trip is None for t, _ in made if isinstance(t, StoredTrip))  # none made whole


def test_the_table_kept_after_a_change_is_the_table_written_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """After one input is left out or put back, the kept table's text is the text of its table
    written whole (an entry's line taken as it was read only while the entry is unchanged), and
    fewer lines are made than the table has entries."""
    import json

    from itinerary.merge import delta as delta_module
    from itinerary.merge.delta import STATE_VERSION, _fields, _parse, _render, _State, _state_key

    drafts = {f"d{i}": itinerary.load(p) for i, p in enumerate(GROUPS)}
    made: list[str] = []
    whole: list[str] = []  # each table kept, written whole from its entries as they are now
    text_of = _State.text

    def text(state: _State) -> str:
        counted = len(made)
        whole.append(_render({"table": STATE_VERSION, **_fields(state)}, {}))
        del made[counted:]  # (lines made here to compare are not the merge's)
        return text_of(state)

    monkeypatch.setattr(_State, "text", text)

    class _Counting:
        def __getattr__(self, name: str) -> Any:
            return getattr(json, name)

        def dumps(self, obj: Any, **kw: Any) -> str:
            if (
                isinstance(obj, list)
                and len(obj) == 2
                and isinstance(obj[0], str)
                and isinstance(obj[1], dict)
            ):
                made.append(obj[0])
            return json.dumps(obj, **kw)

    monkeypatch.setattr(delta_module, "json", _Counting())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MergeWarning)
        memo = _Memo()
        names = list(drafts)
        merge_delta(names, [f"h{n}" for n in names], drafts.__getitem__, memo=memo)
        for now in (names[1:], names, names[:-1]):
            made.clear()
            merge_delta(now, [f"h{n}" for n in now], drafts.__getitem__, memo=memo)
            lines_made = len(made)
            text = memo.texts[_state_key(None)]
            _, _, body = text.partition("\n")
            table = _parse(body, {})
            assert body == whole[-1]  # no line taken as read is of an entry changed since
            assert body == _render(table, {})
            assert 0 < lines_made < len(table["drafts"]) + len(table["persons"])


_POOL = [
    "Vladimir Putin",
    "Putin",
    "Путин",
    "Poutine",
    "Kim Jong Un",
    "Kim Jong Il",
    "Kim",
    "Olaf Scholz",
    "Olaf Schulz",
    "Scholz",
    "Lula",
    "Kapodaso",
    "Kapodasso",
    "Paris",  # a name that is a place another article visits
    "Berlin",
    "Lisbon",
    "France",  # a country
    "the Kremlin",
    "Unknown traveller",
    "unknown",
    *_LONE,
]
_PLACES = ["Paris", "Berlin", "Lisbon", "Kremlin", "Porto"]
_QUOTES = [
    _QUOTE,
    _QUOTE + " ",
    _OTHER,
    "The visit was announced on Monday.",
    "Talks are planned for the spring.",
]
_URLS = [None, None, None, "https://x.example/1", "https://x.example/2"]


def _random_draft(rng: random.Random, src: str, others: list[str]) -> Itinerary:
    """A draft of 1-3 trips by travellers of :data:`_POOL` (aliases, look-alikes, places, a
    country, no name), their stops planned, confirmed or cancelled, quotes and URLs shared with
    other drafts (reprints), sometimes a second source another draft also names."""
    more = (rng.choice(others), None) if others and rng.random() < 0.15 else None
    trips = []
    for _ in range(rng.randrange(1, 4)):
        stops = []
        for _ in range(rng.randrange(1, 4)):
            stop: tuple[str, ...] = (
                rng.choice(_PLACES),
                str(rng.randrange(1, 28)),
                rng.choice(["confirmed", "confirmed", "planned", "cancelled"]),
                rng.choice(_QUOTES),
            )
            if more and rng.random() < 0.5:
                stop = (*stop, more[0])
            stops.append(stop)
        trips.append((rng.choice(_POOL), stops))
    return _draft(src, rng.randrange(1, 28), trips, url=rng.choice(_URLS), more=more)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("as_of", [None, "2024-03-14"])
def test_random_edits_merge_as_the_merge_of_all(seed: int, as_of: str | None) -> None:
    """Seeded random edits (drafts added, removed, changed, one to three at once, the inputs in
    another order each time) of drafts that share travellers, names, places, quotes, URLs and
    sources: after each, the merge from the kept table gives the itinerary, report and file of
    the merge of all, and most merges read only some drafts."""
    import datetime as dt

    from itinerary.io import yaml as yaml_io

    rng = random.Random(seed)
    day = dt.date.fromisoformat(as_of) if as_of else None
    count = 0
    drafts = {f"s{k}": _random_draft(rng, f"s{k}", []) for k in range(8)}
    memo = _Memo()
    partial = 0
    steps = 12
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MergeWarning)
        for step in range(steps):
            if step:
                for _ in range(rng.randrange(1, 4)):
                    kind = rng.choice(["add", "add", "remove", "change"])
                    if kind == "remove" and len(drafts) > 3:
                        del drafts[rng.choice(sorted(drafts))]
                    elif kind == "change":
                        name = rng.choice(sorted(drafts))
                        drafts[name] = _random_draft(rng, name, sorted(set(drafts) - {name}))
                    else:
                        count += 1
                        name = f"n{count}"
                        drafts[name] = _random_draft(rng, name, sorted(set(drafts) - {name}))
            names = sorted(drafts)
            rng.shuffle(names)
            digests = [str(hash(repr(drafts[n]))) for n in names]
            merged, report, delta = merge_delta(names, digests, drafts.__getitem__, memo=memo, as_of=day)
            whole, whole_report = merge_split([drafts[n] for n in names], as_of=day)
            assert (merged, report) == (whole, whole_report), (seed, step, delta)
            assert yaml_io.dumps(merged) == yaml_io.dumps(whole), (seed, step)
            partial += delta.fallback is None
    assert partial >= steps // 3, partial


def test_the_table_of_stored_trips_the_store_no_longer_has_says_their_days_from_the_trips() -> None:
    """A traveller's trips taken as stored whose text the store no longer gives back (a store
    dropped while the merge ran: it then answers nothing) have the days they hold for found from
    the trips themselves, not a failure of the merge."""
    import datetime as dt

    from itinerary.merge.delta import _backs
    from itinerary.merge.split import _holds_on
    from itinerary.merge.stored import StoredTrip
    from itinerary.model import Trip

    head = {"id": "a", "traveller": "X", "stops": 0, "review": 0, "own": []}
    made: list[tuple[Trip, list[str]]] = [(StoredTrip.stored(head, lambda: Trip("a", "X")), [])]
    done = {0: (made, ("X", ("X",)))}
    day = dt.date(2026, 3, 10)
    backs = _backs([0], done, ["key0"], day, _Memo())
    assert backs[0]["holds"] == _holds_on([(Trip("a", "X"), [])], day)
    assert backs[0]["heads"] == [head]
