"""A build loses nothing and says what it did: names that cannot collide, hand edits kept,
bad manifest lines skipped, outputs that match the run, a scheduler that does not answer.

These builds run in one process on the mini gazetteer (tests/minidata.py), so they stay in
the fast tier; tests/build/test_build.py covers the Dask engine on the full data.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import itinerary
from itinerary.build import BuildError, build, engine
from itinerary.build.manifest import Manifest
from itinerary.build.sources import MAX_NAME, NAME, Item, slug, unique_names
from itinerary.cli import cli

MACRON = "President Emmanuel Macron landed in Berlin on Sunday."
SCHOLZ = "Chancellor Olaf Scholz arrived in Rome on Monday."
MELONI = "Prime Minister Giorgia Meloni flew to Paris on Tuesday."


def article(path: Path, text: str, day: str = "2024-05-20") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# date: {day}\n# language: en\n---\n{text}\n", encoding="utf-8")
    return path


def travellers(out: Path) -> list[str]:
    return sorted(t.traveller for t in itinerary.load(out / "trips.yaml").trips)


def drafts(out: Path) -> list[str]:
    return sorted(p.name for p in (out / "drafts").iterdir())


# ---------------------------------------------------------------- 1. names that cannot collide


def item(name: str, origin: str) -> Item:
    return Item(name, origin, "d", origin)


def test_a_generated_name_never_takes_the_name_of_another_article() -> None:
    named, notes = unique_names([item("x", "a/x.txt"), item("x", "b/x.txt"), item("x-2", "c/x-2.txt")])
    assert [i.name for i in named] == ["x", "x-3", "x-2"]
    [note] = notes
    assert "b/x.txt: the name 'x' is already the name of a/x.txt; its draft is x-3.yaml" in note
    ids, _ = unique_names([item("a", "f:1"), item("a", "f:2"), item("a-2", "f:3"), item("a-3", "f:4")])
    assert [i.name for i in ids] == ["a", "a-4", "a-2", "a-3"]


def test_long_ids_are_capped_with_a_short_hash() -> None:
    long_a, long_b = "story " * 1000 + "a", "story " * 1000 + "b"
    a, b = slug(long_a), slug(long_b)
    assert len(a) <= MAX_NAME and len(b) <= MAX_NAME and a != b
    assert NAME.fullmatch(a) and a.startswith("story-story-")
    assert slug(long_a) == a  # the same id gives the same name on every run
    assert slug("Short ID 7") == "short-id-7"


def test_three_articles_named_alike_give_three_drafts(mini_build: None, tmp_path: Path) -> None:
    sources = [
        article(tmp_path / "a" / "x.txt", MACRON),
        article(tmp_path / "b" / "x.txt", SCHOLZ),
        article(tmp_path / "c" / "x-2.txt", MELONI),
    ]
    out = tmp_path / "out"
    summary = build(sources, out, serial=True)
    assert (summary.ok, summary.trips) == (3, 3)
    assert drafts(out) == ["x-2.yaml", "x-3.yaml", "x.yaml"]
    assert travellers(out) == ["Emmanuel Macron", "Giorgia Meloni", "Olaf Scholz"]
    assert any("its draft is x-3.yaml" in n for n in summary.notes)
    again = build(sources, out, serial=True)
    assert (again.skipped, again.extracted, again.written) == (3, 0, [])


def test_a_five_thousand_character_id_is_one_article_among_others(mini_build: None, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = [
        {"id": "x" * 5000, "text": MACRON, "published": "2024-05-20", "language": "en"},
        {"id": "short", "text": SCHOLZ, "published": "2024-05-21", "language": "en"},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    summary = build([feed], tmp_path / "out", serial=True)
    assert (summary.ok, summary.failed) == (2, 0)
    assert travellers(tmp_path / "out") == ["Emmanuel Macron", "Olaf Scholz"]


# ---------------------------------------------------------------- 2. hand edits are kept


def test_a_hand_edit_of_a_draft_is_used_and_reported(mini_build: None, tmp_path: Path) -> None:
    src = [article(tmp_path / "in" / "x.txt", MACRON), article(tmp_path / "in" / "y.txt", SCHOLZ)]
    out = tmp_path / "out"
    build(src, out, serial=True)
    draft = out / "drafts" / "x.yaml"
    edited = draft.read_text(encoding="utf-8").replace("traveller: Emmanuel Macron", "traveller: E. Macron")
    assert edited != draft.read_text(encoding="utf-8")
    draft.write_text(edited, encoding="utf-8")

    kept = build(src, out, serial=True)
    assert kept.extracted == 0 and kept.skipped == 2
    assert draft.read_text(encoding="utf-8") == edited
    assert any(n.startswith(f"kept your edit of {draft}") for n in kept.notes)
    assert travellers(out) == ["E. Macron", "Olaf Scholz"]  # the merge took the edit

    forced = build(src, out, serial=True, force=True)
    assert forced.extracted == 2
    aside = out / "drafts" / "x.yaml.edited"
    assert aside.read_text(encoding="utf-8") == edited
    assert "traveller: Emmanuel Macron" in draft.read_text(encoding="utf-8")
    assert any(f"moved your edit of {draft} to {aside}" in n for n in forced.notes)
    # the machine's own drafts are replaced without a copy
    assert drafts(out) == ["x.yaml", "x.yaml.edited", "y.yaml"]


def test_an_edit_of_a_changed_article_is_moved_aside(mini_build: None, tmp_path: Path) -> None:
    src = article(tmp_path / "in" / "x.txt", MACRON)
    out = tmp_path / "out"
    build([src], out, serial=True)
    draft = out / "drafts" / "x.yaml"
    draft.write_text(draft.read_text(encoding="utf-8") + "# checked by hand\n", encoding="utf-8")
    article(src, MACRON.replace("Sunday", "Saturday"))
    summary = build([src], out, serial=True)
    assert summary.extracted == 1
    assert (out / "drafts" / "x.yaml.edited").read_text(encoding="utf-8").endswith("# checked by hand\n")
    assert "# checked by hand" not in draft.read_text(encoding="utf-8")
    assert any("its article changed" in n for n in summary.notes)


def test_a_broken_edit_is_reported_and_left_alone(mini_build: None, tmp_path: Path) -> None:
    src = article(tmp_path / "in" / "x.txt", MACRON)
    out = tmp_path / "out"
    build([src], out, serial=True)
    draft = out / "drafts" / "x.yaml"
    draft.write_text("itinerary: 1\ntrips: [oops\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(src), "-o", str(out), "--serial"])
    assert result.exit_code == 1, result.output
    assert "your edit of this draft is not a valid itinerary" in result.output
    assert draft.read_text(encoding="utf-8") == "itinerary: 1\ntrips: [oops\n"


def test_an_edited_trips_file_is_moved_aside(mini_build: None, tmp_path: Path) -> None:
    src = article(tmp_path / "in" / "x.txt", MACRON)
    out = tmp_path / "out"
    build([src], out, serial=True)
    trips = out / "trips.yaml"
    original = trips.read_text(encoding="utf-8")
    trips.write_text(original + "# my notes\n", encoding="utf-8")
    summary = build([src], out, serial=True)
    assert (out / "trips.yaml.edited").read_text(encoding="utf-8") == original + "# my notes\n"
    assert trips.read_text(encoding="utf-8") == original
    assert any(f"moved your edit of {trips}" in n for n in summary.notes)


# ---------------------------------------------------------------- 4. manifest lines checked


BAD_LINES = [
    '{"name": 5, "digest": "%s", "status": "ok", "draft": "%s"}',
    '{"name": null, "digest": "%s", "status": "ok", "draft": "%s"}',
    '{"name": "../../etc/x", "digest": "%s", "status": "ok", "draft": "%s"}',
    '{"name": "x", "digest": 7, "status": "ok", "draft": "%s%s"}',
    '{"name": "x", "digest": "%s", "status": "maybe", "draft": "%s"}',
    '{"name": "x", "digest": "%s", "status": "ok", "draft": "%s", "extra": 1}',
    '["not", "an", "object", "%s", "%s"]',
    "not json %s %s",
    "[" * 100_000 + "%s%s",  # nested deeper than the JSON reader recurses
]


def test_bad_manifest_lines_are_skipped_and_reported(tmp_path: Path) -> None:
    h = "0" * 64
    good = json.dumps({"name": "y", "digest": h, "status": "failed", "reason": "r"})
    path = tmp_path / "manifest.jsonl"
    path.write_text("\n".join([*(line % (h, h) for line in BAD_LINES), good]) + "\n", encoding="utf-8")
    manifest = Manifest(path)
    assert list(manifest.entries) == ["y"]
    assert len(manifest.problems) == len(BAD_LINES)
    assert manifest.problems[0].startswith(f"{path}, line 1: 'name' 5 is not an article's name")
    assert "line 2: 'name' null" in manifest.problems[1]
    assert all("the line is ignored and its article extracted again" in p for p in manifest.problems)


def test_a_torn_last_line_is_ignored_quietly(tmp_path: Path) -> None:
    path = tmp_path / "manifest.jsonl"
    line = json.dumps({"name": "a", "digest": "1" * 64, "status": "failed", "reason": "r"})
    path.write_text(line + '\n{"name": "b", "di')
    manifest = Manifest(path)
    assert (list(manifest.entries), manifest.problems) == (["a"], [])
    manifest.record(Manifest(path).entries["a"])  # appended on a line of its own
    manifest.close()
    again = Manifest(path)
    assert list(again.entries) == ["a"]
    [problem] = again.problems  # no longer the last line: reported, and still harmless
    assert problem.startswith(f"{path}, line 2: not a JSON object")


def test_a_bad_manifest_line_does_not_stop_the_build(mini_build: None, tmp_path: Path) -> None:
    src = article(tmp_path / "in" / "x.txt", MACRON)
    out = tmp_path / "out"
    build([src], out, serial=True)
    manifest = out / "manifest.jsonl"
    manifest.write_text('{"name": 5, "digest": null}\n' + manifest.read_text(), encoding="utf-8")
    for extra in ([], ["--force"]):
        result = CliRunner().invoke(cli, ["build", str(src), "-o", str(out), "--serial", *extra])
        assert result.exit_code == 0, result.output
        assert f"note: {manifest}, line 1: 'name' 5 is not an article's name" in result.output or extra
        manifest.write_text('{"name": null}\n' + manifest.read_text(), encoding="utf-8")
    assert travellers(out) == ["Emmanuel Macron"]


# ---------------------------------------------------------------- 3. a scheduler that does not answer


@pytest.fixture
def listener() -> Iterator[tuple[socket.socket, list[socket.socket]]]:
    """A TCP server on 127.0.0.1 that accepts connections (what it sends is up to the test)."""
    server = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    yield server, accepted
    for c in accepted:
        c.close()
    server.close()


def serve(server: socket.socket, accepted: list[socket.socket], answer: bytes) -> str:
    def run() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            accepted.append(conn)
            if answer:
                conn.sendall(answer)

    threading.Thread(target=run, daemon=True).start()
    host, port = server.getsockname()[:2]
    return f"tcp://{host}:{port}"


def test_a_scheduler_that_never_answers_is_named_within_the_deadline(
    listener: tuple[socket.socket, list[socket.socket]],
) -> None:
    pytest.importorskip("distributed")
    address = serve(*listener, answer=b"")
    with pytest.raises(BuildError) as err, engine.dask_client(None, address, False, timeout=1.0):
        pass
    assert f"the server at {address} accepted the connection but did not answer" in str(err.value)
    assert "within 1 s" in str(err.value)


def test_a_server_answering_junk_is_not_taken_for_a_scheduler(
    listener: tuple[socket.socket, list[socket.socket]], tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    address = serve(*listener, answer=b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n" * 4)
    src = article(tmp_path / "in" / "x.txt", MACRON)
    result = CliRunner().invoke(cli, ["build", str(src), "-o", str(tmp_path / "out"), "--scheduler", address])
    assert result.exit_code == 1, result.output
    assert f"the server at {address} is not a Dask scheduler" in result.output
    assert "memory" not in result.output


def test_a_closed_port_is_named(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    with socket.create_server(("127.0.0.1", 0)) as s:
        port = s.getsockname()[1]
    with pytest.raises(BuildError, match=f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}"):
        engine.check_scheduler(f"tcp://127.0.0.1:{port}", timeout=1.0)


# ---------------------------------------------------------------- 7. outputs that match the run


def test_as_of_before_every_source_writes_no_empty_merge(mini_build: None, tmp_path: Path) -> None:
    src = article(tmp_path / "in" / "x.txt", MACRON)
    out = tmp_path / "out"
    build([src], out, serial=True)
    assert (out / "trips.yaml").is_file()
    args = ["build", str(src), "-o", str(out), "--serial", "--as-of", "2020-01-01"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert "error: nothing was published by 2020-01-01; no merged file written" in result.output
    assert not (out / "trips.yaml").exists() and not (out / "legs.parquet").exists()
    assert "removed the merged files of an earlier run" in result.output
    assert (out / "drafts" / "x.yaml").is_file()  # the drafts stay: the next run reuses them


def test_a_run_where_no_article_gives_a_draft_leaves_no_older_trips(mini_build: None, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([article(tmp_path / "one" / "x.txt", MACRON)], out, serial=True)
    weather = article(tmp_path / "two" / "w.txt", "It rained all day.")
    summary = build([weather], out, serial=True, screen=False)  # read in full: no trip, no failure
    assert (summary.ok, summary.failed, summary.no_trip, summary.trips) == (0, 0, 1, 0)
    assert summary.nothing_merged == "no article gave a draft (1 read with no trip found)"
    assert sorted(p.name for p in out.iterdir()) == ["drafts", "manifest.jsonl"]


# ---------------------------------------------------------------- 11. removed articles leave


def test_a_removed_article_leaves_the_drafts_and_the_merge(mini_build: None, tmp_path: Path) -> None:
    x, y = article(tmp_path / "in" / "x.txt", MACRON), article(tmp_path / "in" / "y.txt", SCHOLZ)
    out = tmp_path / "out"
    build([x, y], out, serial=True)
    y.unlink()
    summary = build([tmp_path / "in"], out, serial=True)
    assert drafts(out) == ["x.yaml"]
    assert travellers(out) == ["Emmanuel Macron"]
    assert list(Manifest(out / "manifest.jsonl").entries) == ["x"]
    assert any("removed 1 draft of articles no longer in the input" in n for n in summary.notes)


# ---------------------------------------------------------------- 9. Ctrl-C: one line, at once


@pytest.mark.data
def test_ctrl_c_during_a_dask_build_is_one_line_and_prompt(tmp_path: Path) -> None:
    """SIGINT to the whole process group, as a terminal sends it, while the workers extract."""
    import os
    import select
    import signal
    import subprocess
    import sys
    import time

    pytest.importorskip("distributed")
    from tests.conftest import ROOT

    data = ROOT / "tests" / "data" / "build"
    cmd = [sys.executable, "-m", "itinerary.cli", "build", str(data), "-o", str(tmp_path), "--workers", "1"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True, start_new_session=True)
    assert proc.stderr is not None
    before = ""
    deadline = time.monotonic() + 180
    while "to extract" not in before and time.monotonic() < deadline and proc.poll() is None:
        if select.select([proc.stderr], [], [], 0.5)[0]:
            before += proc.stderr.readline()
    assert "to extract" in before, before
    os.killpg(proc.pid, signal.SIGINT)
    sent = time.monotonic()
    try:
        _, after = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    took = time.monotonic() - sent
    assert proc.returncode == 130, after
    lines = [line for line in after.splitlines() if not line.startswith(("extracting", "Dask dashboard"))]
    assert lines == [
        f"interrupted; the drafts written so far are kept in {tmp_path}: run the same command to resume"
    ], after
    assert took < 5, took


# ---------------------------------------------------------------- 9. the first error is reported

FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from tests.minidata import mini_gazetteer, toy_rail, as_defaults
from itinerary.cli import cli
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
with as_defaults(mini_gazetteer(), toy_rail(Path(sys.argv[1]))):
    resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200))  # no file over 200 bytes: as a full disk
    cli(sys.argv[2:], prog_name="itinerary")
"""


@pytest.mark.slow  # two processes under a file-size limit
def test_a_full_disk_names_the_file_whose_write_failed(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    x, y = article(tmp_path / "in" / "x.txt", MACRON), article(tmp_path / "in" / "y.txt", SCHOLZ)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run(limit: int, *sources: Path) -> subprocess.CompletedProcess[str]:
        script = FULL_DISK.replace("(200, 200)", f"({limit}, {limit})")
        args = [sys.executable, "-c", script, str(tmp_path), "build", *map(str, sources), "-o", str(out)]
        return subprocess.run([*args, "--serial"], env=env, capture_output=True, text=True, timeout=300)

    first = run(-1, x)  # a manifest of one article (about 180 bytes), written without a limit
    assert first.returncode == 0, first.stderr
    result = run(150, x, y)  # y's draft cannot be written, nor then the manifest
    assert result.returncode == 1, result.stderr
    assert "error: " in result.stderr and "Traceback" not in result.stderr
    [error] = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert "y.yaml" in error and "manifest" not in error, error


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("foo", "Invalid url scheme"),
        ("http://127.0.0.1:8786", "unknown address scheme 'http'"),
        ("tcp://[::1", "invalid address"),
        ("tcp://127.0.0.1:99999", "port must be 0-65535"),
        ("tcp://127.0.0.1", "missing port number"),
    ],
)
def test_an_address_that_is_not_one_is_named(address: str, why: str) -> None:
    pytest.importorskip("distributed")
    with pytest.raises(BuildError) as err:
        engine.check_scheduler(address, timeout=1.0)
    assert str(err.value).startswith(f"--scheduler {address!r} is not a Dask scheduler address (")
    assert why in str(err.value)


def test_a_ctrl_c_a_library_swallowed_stops_the_build_at_the_next_article() -> None:
    """Dask waiting for a result may catch the KeyboardInterrupt of a Ctrl-C: the key press is
    remembered and the reporter raises it again when the next article comes in."""
    import threading

    from itinerary.cli.build import TerminalReporter

    pressed = threading.Event()
    reporter = TerminalReporter(pressed)
    reporter.advance(object())  # no key pressed: the build goes on
    pressed.set()
    with pytest.raises(KeyboardInterrupt):
        reporter.advance(object())
