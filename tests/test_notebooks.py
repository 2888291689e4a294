"""The notebooks: paired with their text form, stored without outputs, and run clean offline."""

from __future__ import annotations

import ast
import shutil
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

# Run first in every kernel: any connection that leaves the machine fails loudly.
GUARD = """
import socket as _s
_connect = _s.socket.connect
def _guarded(self, address, *args):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and host not in ("127.0.0.1", "::1", "localhost") and self.family != _s.AF_UNIX:
        raise OSError(f"network access attempted from a notebook: {address!r}")
    return _connect(self, address, *args)
_s.socket.connect = _guarded
del _guarded
"""


def execute(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(GUARD))
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        allow_errors=False,
    )
    client.execute()
    return nb


def test_there_are_four_notebooks() -> None:
    names = [p.stem for p in NOTEBOOKS]
    assert names == [
        "01_seed_report_to_map",
        "02_what_changed",
        "03_geocoding_in_depth",
        "04_corpus_at_scale",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_without_outputs_and_paired(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: outputs are stored; clear them"
            assert cell.execution_count is None
    text = path.with_suffix(".py")
    assert text.is_file(), f"{path.name} has no paired text form"
    paired = jupytext.read(text)
    assert [c.source.strip() for c in paired.cells] == [c.source.strip() for c in nb.cells], (
        f"{path.name} and {text.name} differ; run `jupytext --sync {text}`"
    )


def test_maps_are_drawn_offline() -> None:
    """Every map a notebook draws asks for the offline basemap: none fetches online tiles."""
    calls: list[tuple[str, ast.Call]] = []
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                tree = ast.parse(cell.source)
                calls += [
                    (path.name, node)
                    for node in ast.walk(tree)
                    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "make_map"
                ]
    assert len(calls) >= 3  # the seed map, the two days side by side, the corpus map
    for name, call in calls:
        offline = next((k.value for k in call.keywords if k.arg == "offline"), None)
        assert isinstance(offline, ast.Constant) and offline.value is True, (
            f"{name}, line {call.lineno}: make_map(...) without offline=True"
        )


def test_readme_runs_notebooks_with_jupyter_execute() -> None:
    """Both READMEs name `jupyter execute`, which the dev install provides, not a JupyterLab install."""
    assert shutil.which("jupyter-execute", path=str(Path(sys.executable).parent))
    for readme in (ROOT / "README.md", ROOT / "notebooks" / "README.md"):
        text = readme.read_text("utf-8")
        assert "jupyter execute notebooks/" in text, readme
        assert "pip install jupyterlab" not in text and "jupyter lab" not in text, readme


@pytest.mark.slow  # starts a kernel per notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_clean_offline(path: Path) -> None:
    nb = execute(path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors
    # Every code cell ran and the last expression of the notebook produced something to show.
    assert all(c.execution_count is not None for c in code)
    assert code[-1].outputs, f"{path.name}: the last cell shows nothing"
    stderr = "".join(o.get("text", "") for c in code for o in c.outputs if o.get("name") == "stderr")
    assert "Warning" not in stderr, f"{path.name} printed warnings:\n{stderr}"


if __name__ == "__main__":  # run one notebook by hand: python tests/test_notebooks.py notebooks/01_...ipynb
    for arg in sys.argv[1:]:
        out = execute(Path(arg).resolve())
        for cell in out.cells:
            for o in cell.get("outputs", []):
                text = o.get("text") or o.get("data", {}).get("text/plain", "")
                print(str(text)[:2000])
                print("---")
