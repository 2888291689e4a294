"""The index builder on the mini gazetteer (tests/data/mini_gazetteer.csv): records, keys in
several scripts, codes, admin-1 regions by polygon, capitals, airports merged into curated
airfields; and the landmark loader's checks."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from itinerary.errors import ValidationError
from itinerary.geocode.gazetteer import CODE, PRIMARY, Gazetteer
from itinerary.geocode.index_build import load_landmarks
from itinerary.geocode.normalize import analyze
from tests.minidata import MINI_CSV, mini_sources


def _rows() -> list[dict[str, str]]:
    with MINI_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def test_every_row_is_a_record_except_airports_of_curated_airfields(mini_gazetteer: Gazetteer) -> None:
    rows = _rows()
    ids = {mini_gazetteer.record(i).id for i in range(len(mini_gazetteer))}
    # an airport within 3 km of a curated airfield is that airfield (Vladivostok's VVO: Knevichi)
    assert "airport:VVO" not in ids and "landmark:knevichi-airfield" in ids
    assert len(mini_gazetteer) == len(rows) - 1
    assert {"country:KP", "admin1:RU-AMU", "geonames:2013348", "airport:FCO"} <= ids


def test_names_in_every_script_reach_the_same_record(mini_gazetteer: Gazetteer) -> None:
    vladivostok = mini_gazetteer.lookup("Vladivostok")[0]
    assert mini_gazetteer.record(vladivostok).id == "geonames:2013348"
    assert mini_gazetteer.lookup("Владивосток")[0] == vladivostok
    assert mini_gazetteer.lookup("블라디보스토크") == (vladivostok,)
    assert mini_gazetteer.match_type(analyze("Vladivostok").key, vladivostok) == PRIMARY
    (pyongyang,) = (i for i in mini_gazetteer.lookup("평양") if mini_gazetteer.record(i).kind == "city")
    assert mini_gazetteer.record(pyongyang).country_code == "KP"
    assert mini_gazetteer.lookup("Zurich") == mini_gazetteer.lookup("Zürich") != ()
    assert mini_gazetteer.lookup("Krakow") == mini_gazetteer.lookup("Kraków") != ()


@pytest.mark.parametrize(
    ("name", "key", "kind"),
    [
        # Italian and Portuguese kind words, accented or not, leave the name and announce the kind
        ("cosmodromo di Vostochny", "vostochny", "spaceport"),
        ("cosmódromo de Vostochny", "vostochny", "spaceport"),
        ("estação de Khasan", "khasan", "station"),
        ("stazione di Khasan", "khasan", "station"),
        ("aeródromo de Knevichi", "knevichi", "airport"),
        ("Universidade de Coimbra", "coimbra", "university"),
        ("Università di Bologna", "bologna", "university"),
        ("Palácio de Miraflores", "miraflores", "palace"),
    ],
)
def test_kind_words_leave_the_key(name: str, key: str, kind: str) -> None:
    info = analyze(name)
    assert info.key == key
    assert info.kinds == {kind}


def test_homonyms_keep_their_own_regions(mini_gazetteer: Gazetteer) -> None:
    springfields = [mini_gazetteer.record(i) for i in mini_gazetteer.lookup("Springfield")]
    us = [r for r in springfields if r.country_code == "US" and r.kind == "city"]
    assert len(us) >= 5
    # the bounding boxes of neighbouring states overlap: GeoNames' admin-1 code breaks the tie
    assert {"Illinois", "Missouri", "Massachusetts", "Ohio"} <= {r.admin1 for r in us}
    il = next(r for r in us if r.admin1 == "Illinois")
    assert (round(il.lat, 1), round(il.lon, 1)) == (39.8, -89.6) and il.admin1_id == "US-IL"
    alexandrias = {mini_gazetteer.record(i).country_code for i in mini_gazetteer.lookup("Alexandria")}
    assert {"EG", "US"} <= alexandrias


def test_capitals_and_codes(mini_gazetteer: Gazetteer) -> None:
    paris = [mini_gazetteer.record(i) for i in mini_gazetteer.lookup("Paris")]
    assert [r.country_code for r in paris if r.is_capital] == ["FR"]
    assert any(r.country_code == "US" and r.admin1 == "Texas" for r in paris)
    (fco,) = mini_gazetteer.code("FCO")
    assert mini_gazetteer.code("LIRF") == (fco,) and mini_gazetteer.record(fco).kind == "airport"
    assert mini_gazetteer.match_type("\x01fco", fco) == CODE
    assert mini_gazetteer.lookup("FCO") == ()  # codes do not match names
    (knevichi,) = mini_gazetteer.code("UHWW")
    assert mini_gazetteer.record(knevichi).id == "landmark:knevichi-airfield"
    (kp,) = mini_gazetteer.code("KP")
    assert mini_gazetteer.record(kp).kind == "country"
    amur = mini_gazetteer.record(mini_gazetteer.code("RU-AMU")[0])
    assert (amur.kind, amur.name) == ("region", "Amur Oblast")


def test_a_place_takes_the_region_whose_polygon_holds_it(mini_gazetteer: Gazetteer) -> None:
    cosmodrome = mini_gazetteer.by_id("landmark:vostochny-cosmodrome")
    assert cosmodrome is not None and cosmodrome.admin1_id == "RU-AMU"
    komsomolsk = mini_gazetteer.record(mini_gazetteer.lookup("Komsomolsk-on-Amur")[0])
    assert komsomolsk.admin1_id == "RU-KHA"
    assert mini_gazetteer.nearest(43.12, 131.89)[0][0].name == "Vladivostok"


def test_the_builder_reads_the_sources_it_is_given(tmp_path: Path) -> None:
    """A row added to the CSV is a record; nothing else is read (no GeoNames, no airportsdata)."""
    text = MINI_CSV.read_text(encoding="utf-8")
    extra = 'city,9999999,Qwertyville,12.5,-45.25,BR,1234,,,,,,"[""Квертивиль""]",\n'
    (tmp_path / "mini.csv").write_text(text + extra, encoding="utf-8")
    from tests.minidata import mini_gazetteer

    g = mini_gazetteer(tmp_path / "mini.csv")
    (i,) = g.lookup("Квертивиль")
    r = g.record(i)
    assert (r.id, r.name, r.lat, r.lon, r.population) == (
        "geonames:9999999",
        "Qwertyville",
        12.5,
        -45.25,
        1234,
    )
    assert len(mini_sources(tmp_path / "mini.csv").cities) == len(mini_sources().cities) + 1


@pytest.mark.parametrize(
    ("line", "message"),
    [("kind: castle", "unknown kind 'castle'"), ("country_code: NO", 'quote it ("NO")')],
)
def test_loader_names_the_bad_entry(tmp_path: Path, line: str, message: str) -> None:
    entry = {"kind: castle": "country_code: CH", "country_code: NO": "kind: palace"}[line]
    path = tmp_path / "landmarks.yaml"
    path.write_text(
        f"version: 1\nlandmarks:\n  - id: ok\n    kind: palace\n    country_code: FR\n"
        f"  - id: bad-one\n    {line}\n    {entry}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as err:
        load_landmarks(path)
    assert message in str(err.value) and "landmarks[1] (bad-one)" in str(err.value)
    assert str(path) in str(err.value)
