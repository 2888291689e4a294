"""The code blocks of README.md and of the documentation's pages run as written.

Each page runs in a temporary folder of its own (with ``geodata/`` linked in, so the README's
paths work), its blocks in order:

- a block with a file name (```` ```yaml title="trip.yaml" ````) is written to that file;
- ``bash`` blocks run in bash (``set -euo pipefail``) with the installed ``itinerary`` command;
- ``python`` blocks run in one namespace per page, like a session;
- a ``yaml`` block that starts with ``itinerary:`` must be a valid trip file;
- ``text`` and other named languages are shown, not run; a block with no language is an error,
  so nothing is left untested by accident;
- a block after the line ``<!-- docs-test: skip (why) -->`` is not run; the reason is required.

The blocks resolve real places, so they need the full gazetteer: ``data`` tier. A fast test
checks that every page's blocks are accounted for. ``mkdocs build --strict`` (scripts/test.sh)
checks the site's links and references.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[1]
PAGES = [
    ROOT / "README.md",
    ROOT / "docs" / "index.md",
    ROOT / "docs" / "getting-started.md",
    *sorted((ROOT / "docs" / "guide").glob("*.md")),
]
SKIP = re.compile(r"<!--\s*docs-test:\s*skip\s*\((?P<why>[^)]+)\)\s*-->")
TITLE = re.compile(r'title="(?P<name>[^"/\\]+)"')
SHELL = {"bash", "sh", "shell"}
SHOWN = {"text", "yaml", "json", "csv", "html"}


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # 1-based line of the opening fence
    lang: str
    file: str | None  # title="NAME": the block is that file's content
    code: str
    skip: str | None  # the reason, when marked

    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(page: Path) -> list[Block]:
    """The fenced code blocks of a Markdown page, with the skip marker of each."""
    found: list[Block] = []
    tokens = MarkdownIt("commonmark").parse(page.read_text(encoding="utf-8"))
    for i, token in enumerate(tokens):
        if token.type != "fence" or token.map is None:
            continue
        before = tokens[i - 1] if i else None
        marker = SKIP.search(before.content) if before is not None and before.type == "html_block" else None
        lang, _, attrs = token.info.strip().partition(" ")
        title = TITLE.search(attrs)
        found.append(
            Block(
                page,
                token.map[0] + 1,
                lang.lower(),
                title["name"] if title else None,
                token.content,
                marker["why"].strip() if marker else None,
            )
        )
    return found


def _id(page: Path) -> str:
    return str(page.relative_to(ROOT))


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_every_block_is_run_or_marked(page: Path) -> None:
    """Every block says what it is: a file, a command, Python, shown text, or skipped with a
    reason."""
    found = blocks(page)
    assert found, f"{_id(page)} has no code block"
    for block in found:
        known = block.file or block.skip or block.lang in SHELL | SHOWN | {"python"}
        assert known, (
            f"{block.where()}: a code block without a language; name it (bash, python, yaml, text ...) "
            "or mark it <!-- docs-test: skip (why) -->"
        )


def test_every_guide_page_is_in_the_site() -> None:
    """The pages whose blocks run are the site's: each is in the navigation of mkdocs.yml."""
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in PAGES[1:]:
        assert f" {page.relative_to(ROOT / 'docs').as_posix()}\n" in nav, (
            f"{_id(page)} is not in mkdocs.yml's nav"
        )


def test_skip_markers_apply_to_a_block() -> None:
    """A skip marker that stands before no code block (a typo, a block moved) is an error."""
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        markers = len(SKIP.findall(text))
        assert markers == sum(1 for b in blocks(page) if b.skip), (
            f"{_id(page)}: a skip marker before no block"
        )
        assert text.count("docs-test:") == markers, (
            f"{_id(page)}: a docs-test marker not written as skip (why)"
        )


def _environment(bin_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def _command_dir(tmp: Path) -> Path:
    """A folder with an ``itinerary`` command that runs this checkout's command line with this
    interpreter (the installed console script may belong to another checkout)."""
    bin_dir = tmp / ".bin"
    bin_dir.mkdir()
    command = bin_dir / "itinerary"
    command.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m itinerary.cli "$@"\n')
    command.chmod(0o755)
    return bin_dir


def _run(block: Block, namespace: dict[str, object], env: dict[str, str], cwd: Path) -> None:
    if block.file:
        (cwd / block.file).write_text(block.code, encoding="utf-8")
        return
    if block.lang in SHELL:
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", block.code],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, (
            f"{block.where()}: exit code {done.returncode}\n{block.code}\n"
            f"stdout:\n{done.stdout[-2000:]}\nstderr:\n{done.stderr[-2000:]}"
        )
    elif block.lang == "python":
        with warnings.catch_warnings():
            warnings.simplefilter("default")  # an example may warn, as it would for a reader
            exec(compile(block.code, block.where(), "exec"), namespace)
    elif block.lang == "yaml" and block.code.startswith("itinerary:"):
        import itinerary

        itinerary.loads(block.code)


@pytest.mark.data
@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_code_blocks_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "geodata").symlink_to(ROOT / "geodata", target_is_directory=True)
    env = _environment(_command_dir(tmp_path))
    monkeypatch.chdir(work)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    runnable = [block for block in blocks(page) if block.skip is None]
    if not runnable:
        pytest.skip(f"{_id(page)}: every block is marked skip")
    for block in runnable:
        _run(block, namespace, env, work)
