"""The review server over plain HTTP on loopback (no browser, no spaCy): what it refuses, the
save's checks (If-Match, a bad edit) and the command line without the extra."""

from __future__ import annotations

import http.client
import json
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from itinerary import load
from itinerary.cli import cli
from itinerary.review import ReviewSession, corrections_path, read_decisions

pytest.importorskip("starlette")

ARTICLE = """\
# date: 2023-09-14
---
The president arrived in Paris on Monday.

She will fly to Berlin on Wednesday.
"""

DRAFT = """\
# reviewed by hand before
itinerary: 1
as_of: '2023-09-14'
sources:
  - id: article
trips:
  - id: president
    traveller: The president
    stops:
      - place: Paris  # the capital
        status: confirmed
        date: '2023-09-11'
        source: article
        quote: The president arrived in Paris on Monday.
      - {place: Berlin, status: planned, date: '2023-09-13', quote: She will fly to Berlin on Wednesday.}
"""


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    d, a = tmp_path / "draft.yaml", tmp_path / "article.txt"
    d.write_text(DRAFT, encoding="utf-8")
    a.write_text(ARTICLE, encoding="utf-8")
    return d, a


@pytest.fixture
def server(pair: tuple[Path, Path], serve: Callable[..., Any], mini_geocoder: Any) -> Any:
    return serve(ReviewSession(*pair, analyse=False, geocoder=mini_geocoder))


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory, mini_geocoder: Any) -> Iterator[Any]:
    """One server for the tests that only read (or are refused): its draft must stay as it is."""
    from itinerary.review.server import ReviewServer

    folder = tmp_path_factory.mktemp("review-shared")
    d, a = folder / "draft.yaml", folder / "article.txt"
    d.write_text(DRAFT, encoding="utf-8")
    a.write_text(ARTICLE, encoding="utf-8")
    srv = ReviewServer(ReviewSession(d, a, analyse=False, geocoder=mini_geocoder)).start()
    srv.files = (d, a)
    yield srv
    srv.stop()


def request(
    srv: Any, method: str, path: str, *, headers: dict[str, str] | None = None, body: Any = None
) -> tuple[int, dict[str, str], bytes]:
    """One raw HTTP/1.1 request on a loopback socket (the path and headers exactly as given)."""
    hdrs = {"Host": f"127.0.0.1:{srv.port}", "Connection": "close", **(headers or {})}
    data = json.dumps(body).encode() if body is not None else b""
    if body is not None:
        hdrs.setdefault("Content-Type", "application/json")
        hdrs["Content-Length"] = str(len(data))
    head = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in hdrs.items())
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(10)
        sock.connect(("127.0.0.1", srv.port))
        sock.sendall(head.encode("latin-1") + b"\r\n" + data)
        r = http.client.HTTPResponse(sock, method=method)
        r.begin()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()


def origin(srv: Any) -> dict[str, str]:
    return {"Origin": f"http://127.0.0.1:{srv.port}"}


def test_bound_to_loopback_on_a_random_port_behind_a_random_token(
    pair: tuple[Path, Path], serve: Callable[..., Any], mini_geocoder: Any
) -> None:
    a = serve(ReviewSession(*pair, analyse=False, geocoder=mini_geocoder))
    b = serve(ReviewSession(*pair, analyse=False, geocoder=mini_geocoder))
    assert a.sock.getsockname()[0] == b.sock.getsockname()[0] == "127.0.0.1"
    assert a.port != b.port and a.token != b.token and len(a.token) >= 32
    assert a.url == f"http://127.0.0.1:{a.port}/{a.token}/"


def test_the_page_and_its_state_are_served_with_the_token(server: Any) -> None:
    t = server.token
    status, headers, body = request(server, "GET", f"/{t}/")
    assert status == 200 and b"static/review.js" in body
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["referrer-policy"] == "no-referrer" and headers["x-content-type-options"] == "nosniff"
    status, _, body = request(server, "GET", f"/{t}/api/state")
    state = json.loads(body)
    assert status == 200 and state["text"].startswith("The president arrived in Paris")
    assert [s["place"] for s in state["trips"][0]["stops"]] == ["Paris", "Berlin"]
    status, _, body = request(server, "GET", f"/{t}/api/search?q=Paris")
    assert status == 200 and any(p["country_code"] == "FR" for p in json.loads(body))


@pytest.mark.parametrize(
    ("how", "method", "path", "headers"),
    [
        ("no token", "GET", "/", {}),
        ("no token", "GET", "/api/state", {}),
        ("wrong token", "GET", "/{wrong}/api/state", {}),
        ("foreign Host", "GET", "/{t}/api/state", {"Host": "evil.example"}),
        ("foreign Host", "GET", "/{t}/api/state", {"Host": "127.0.0.1:1"}),
        ("foreign Origin", "GET", "/{t}/api/state", {"Origin": "http://evil.example"}),
        ("cross-site", "GET", "/{t}/api/state", {"Sec-Fetch-Site": "cross-site"}),
        ("save without Origin", "POST", "/{t}/api/save", {}),
        ("save from a foreign Origin", "POST", "/{t}/api/save", {"Origin": "http://127.0.0.1.evil.example"}),
    ],
)
def test_requests_that_are_not_the_pages_own_are_refused(
    shared_server: Any, how: str, method: str, path: str, headers: dict[str, str]
) -> None:
    server = shared_server
    path = path.format(t=server.token, wrong=server.token[::-1])
    body = {"trips": []} if method == "POST" else None
    status, hdrs, answer = request(server, method, path, headers=headers, body=body)
    assert status == 403, how
    assert b"refused" in answer and b"president" not in answer
    assert "content-security-policy" in hdrs
    assert server.files[0].read_text("utf-8") == DRAFT


@pytest.mark.parametrize(
    "path",
    [
        "/{t}/../../../../etc/passwd",
        "/{t}/static/../session.py",
        "/{t}/static/%2e%2e/session.py",
        "/{t}/static/session.py",
        "/{t}/static/..%2f..%2fdraft.yaml",
        "/{t}/draft.yaml",
        "/{t}/article.txt",
        "/{t}/api/file?path=/etc/passwd",
    ],
)
def test_no_other_path_is_readable(shared_server: Any, path: str) -> None:
    status, _, body = request(shared_server, "GET", path.format(t=shared_server.token))
    assert status in (403, 404)
    assert b"root:" not in body and b"president" not in body and b"import" not in body


def test_a_save_needs_the_etag_and_keeps_comments(server: Any, pair: tuple[Path, Path]) -> None:
    draft, _ = pair
    t = server.token
    _, headers, body = request(server, "GET", f"/{t}/api/state")
    state = json.loads(body)
    etag = headers["etag"]
    stops = state["trips"][0]["stops"]
    edits = {
        "trips": [
            {
                "index": 0,
                "stops": [
                    {**stops[0], "reviewed": True, "date": "2023-09-10/2023-09-11", "resolved_id": None},
                    {**stops[1], "reviewed": False, "resolved_id": None},
                ],
            }
        ]
    }
    bad = json.loads(json.dumps(edits))
    bad["trips"][0]["stops"][0]["date"] = "2023-13-45"
    status, _, answer = request(
        server, "POST", f"/{t}/api/save", headers={**origin(server), "If-Match": etag}, body=bad
    )
    assert status == 422 and b"2023-13-45" in answer and b"Paris" in answer
    status, _, _ = request(server, "POST", f"/{t}/api/save", headers=origin(server), body=edits)
    assert status == 412  # no If-Match
    assert draft.read_text("utf-8") == DRAFT

    status, headers, answer = request(
        server, "POST", f"/{t}/api/save", headers={**origin(server), "If-Match": etag}, body=edits
    )
    assert status == 200, answer
    text = draft.read_text("utf-8")
    assert text.startswith("# reviewed by hand before\n") and "- place: Paris  # the capital\n" in text
    assert "{place: Berlin, status: planned" in text  # the flow-style stop left as it was
    paris, berlin = load(draft).trips[0].stops
    assert paris.reviewed and paris.date.text == "2023-09-10/2023-09-11" and not berlin.reviewed
    (decision,) = read_decisions(corrections_path(draft))
    assert decision["action"] == "edit" and decision["date"] == "2023-09-10/2023-09-11"
    assert decision["mention_text"] == "Paris"
    assert sorted(p.name for p in draft.parent.iterdir()) == [
        "article.txt",
        "draft.corrections.jsonl",
        "draft.yaml",
    ]
    status, _, _ = request(  # the old ETag is stale now
        server, "POST", f"/{t}/api/save", headers={**origin(server), "If-Match": etag}, body=edits
    )
    assert status == 412
    _, headers, body = request(server, "GET", f"/{t}/api/state")  # a second save in the session
    stops = json.loads(body)["trips"][0]["stops"]
    edits = {"trips": [{"index": 0, "stops": [{**stops[1], "reviewed": True, "status": "cancelled"}]}]}
    status, _, _ = request(
        server, "POST", f"/{t}/api/save", headers={**origin(server), "If-Match": headers["etag"]}, body=edits
    )
    assert status == 200
    text = draft.read_text("utf-8")
    assert text.startswith("# reviewed by hand before\n") and "Paris" not in text
    (berlin,) = load(draft).trips[0].stops
    assert berlin.status.value == "cancelled" and berlin.reviewed
    assert [d["action"] for d in read_decisions(corrections_path(draft))] == ["edit", "reject", "edit"]


def test_without_the_extra_the_command_says_how_to_install(
    pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if not installed: its import fails
    draft, article = pair
    result = CliRunner().invoke(cli, ["review", str(draft), "--article", str(article)])
    assert result.exit_code == 1
    assert "pip install 'itinerary-mapper[review]'" in result.output
    assert "Traceback" not in result.output


def test_the_article_is_required(pair: tuple[Path, Path]) -> None:
    result = CliRunner().invoke(cli, ["review", str(pair[0])])
    assert result.exit_code == 2 and "--article" in result.output


def test_bad_files_and_a_busy_port_are_clear_errors(pair: tuple[Path, Path], tmp_path: Path) -> None:
    draft, article = pair
    broken = tmp_path / "broken.yaml"
    broken.write_text("itinerary: 1\ntrips: [\n", encoding="utf-8")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe itinerary")
    for bad, says in ((broken, "broken.yaml:3: YAML syntax error"), (binary, "binary.yaml: not UTF-8")):
        result = CliRunner().invoke(cli, ["review", str(bad), "--article", str(article)])
        assert result.exit_code == 1 and says in result.output and "Traceback" not in result.output
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        port = busy.getsockname()[1]
        result = CliRunner().invoke(
            cli, ["review", str(draft), "--article", str(article), "--port", str(port)]
        )
    assert result.exit_code == 1 and f"port {port} on 127.0.0.1 is not free" in result.output


def test_a_selection_becomes_a_mention_only_within_the_text(server: Any) -> None:
    t, h = server.token, origin(server)
    text = json.loads(request(server, "GET", f"/{t}/api/state")[2])["text"]
    at = text.index("Berlin")
    status, _, body = request(
        server, "POST", f"/{t}/api/mention", headers=h, body={"start": at - 1, "end": at + 6}
    )
    m = json.loads(body)
    assert status == 200 and (m["start"], m["end"], m["text"]) == (at, at + 6, "Berlin")  # trimmed
    assert m["place"]["country_code"] == "DE" and m["kind"] == "selected"
    assert text[m["sentence"][0] : m["sentence"][1]] == "She will fly to Berlin on Wednesday."
    for bad in ({"start": -1, "end": 4}, {"start": 0, "end": 10_000}, {"start": "x"}, {"start": 5, "end": 5}):
        assert request(server, "POST", f"/{t}/api/mention", headers=h, body=bad)[0] == 400
    across = {"start": text.index("Monday"), "end": text.index("She") + 3}  # two paragraphs
    assert request(server, "POST", f"/{t}/api/mention", headers=h, body=across)[0] == 400


TWO = (
    DRAFT.replace("# reviewed by hand before\n", "# two travellers\n")
    + """\
  - id: minister
    traveller: The minister
    stops:  # the minister's own
      - place: Rome
        status: confirmed
        source: article
        quote: The minister stayed in Rome.
"""
)


def test_a_stop_moves_to_another_travellers_trip(
    tmp_path: Path, serve: Callable[..., Any], mini_geocoder: Any
) -> None:
    draft, article = tmp_path / "two.yaml", tmp_path / "article.txt"
    draft.write_text(TWO, encoding="utf-8")
    article.write_text(ARTICLE + "\nThe minister stayed in Rome.\n", encoding="utf-8")
    server = serve(ReviewSession(draft, article, analyse=False, geocoder=mini_geocoder))
    t, h = server.token, origin(server)
    _, headers, body = request(server, "GET", f"/{t}/api/state")
    president, minister = json.loads(body)["trips"]
    paris, berlin = president["stops"]
    (rome,) = minister["stops"]
    moved = {**berlin, "from_trip": 0, "reviewed": True}
    twice = {"trips": [{"index": 0, "stops": [paris, berlin]}, {"index": 1, "stops": [moved, rome]}]}
    status, _, answer = request(
        server, "POST", f"/{t}/api/save", headers={**h, "If-Match": headers["etag"]}, body=twice
    )
    assert status == 422 and b"cannot" in answer and draft.read_text("utf-8") == TWO
    edits = {"trips": [{"index": 0, "stops": [paris]}, {"index": 1, "stops": [moved, rome]}]}
    status, _, answer = request(
        server, "POST", f"/{t}/api/save", headers={**h, "If-Match": headers["etag"]}, body=edits
    )
    assert status == 200, answer
    text = draft.read_text("utf-8")
    assert "# the minister's own" in text and "- place: Paris  # the capital" in text
    assert "{place: Berlin, status: planned" in text  # moved with its own layout
    it = load(draft)
    assert [s.place for s in it.trips[0].stops] == ["Paris"]
    assert [(s.place, s.reviewed) for s in it.trips[1].stops] == [("Berlin", True), ("Rome", False)]
    (decision,) = read_decisions(corrections_path(draft))
    assert decision["action"] == "edit" and decision["traveller"] == "The minister"
