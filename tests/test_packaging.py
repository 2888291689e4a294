"""The package as people install it: environment.yml agrees with pyproject.toml, the version
has one source (``itinerary --version`` reads the installed metadata), and the changelog has
an entry for it. The wheel itself is built and used from a clean venv by scripts/check_wheel.sh."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import itinerary
from itinerary.cli import cli
from itinerary.cli.main import DISTRIBUTION

ROOT = Path(__file__).resolve().parents[1]

#: pyproject requirements whose conda-forge packages have other names
#: (a requirement with extras maps to the packages those extras bring)
CONDA_NAMES = {
    "build": ["python-build"],
    "dask[distributed]": ["dask", "distributed"],
}


def _key(req: Requirement) -> str:
    name = canonicalize_name(req.name)
    return f"{name}[{','.join(sorted(req.extras))}]" if req.extras else name


def pyproject(path: Path = ROOT / "pyproject.toml") -> dict:  # type: ignore[type-arg]
    with path.open("rb") as f:
        return tomllib.load(f)


def expected_environment(path: Path) -> Counter[tuple[str, str]]:
    """Every requirement of pyproject.toml (the dependencies and every extra, each once) as
    environment.yml should list it: (package, version specifier), conda names where they differ."""
    project = pyproject(path)["project"]
    own = canonicalize_name(project["name"])
    lines = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        lines += extra
    wanted: dict[str, str] = {"python": str(Requirement(f"python{project['requires-python']}").specifier)}
    for line in lines:
        req = Requirement(line)
        if canonicalize_name(req.name) == own:
            continue  # an extra made of other extras
        spec = str(req.specifier)
        for name in CONDA_NAMES.get(_key(req), [_key(req)]):
            if wanted.setdefault(name, spec) != spec:
                raise AssertionError(f"pyproject.toml asks for {name} {wanted[name]} and {spec}")
    return Counter(wanted.items())


def listed_environment(path: Path) -> Counter[tuple[str, str]]:
    """What environment.yml lists, conda packages and pip ones alike (pip itself left out)."""
    env = yaml.safe_load(path.read_text(encoding="utf-8"))
    found: Counter[tuple[str, str]] = Counter()
    for entry in env["dependencies"]:
        for line in entry["pip"] if isinstance(entry, dict) else [entry]:
            req = Requirement(line)
            if _key(req) != "pip":
                found[_key(req), str(req.specifier)] += 1
    return found


def disagreements(pyproject_toml: Path, environment_yml: Path) -> tuple[list[str], list[str]]:
    """(what environment.yml lacks, what only environment.yml has), as ``name>=version``."""
    expected, listed = expected_environment(pyproject_toml), listed_environment(environment_yml)
    missing = sorted(f"{name}{spec}" for name, spec in expected - listed)
    extra = sorted(f"{name}{spec}" for name, spec in listed - expected)
    return missing, extra


def test_environment_yml_lists_what_pyproject_toml_asks_for() -> None:
    missing, extra = disagreements(ROOT / "pyproject.toml", ROOT / "environment.yml")
    assert not missing and not extra, (
        "environment.yml and pyproject.toml disagree: "
        f"not in environment.yml (or with another version): {missing}; "
        f"in environment.yml only (or listed twice): {extra}. Change both files together "
        "(conda names that differ from PyPI's are listed in tests/test_packaging.py, CONDA_NAMES)."
    )


@pytest.mark.parametrize(
    ("old", "new", "missing", "extra"),
    [
        ("  - rapidfuzz>=3.0\n", "  - rapidfuzz>=9.0\n", ["rapidfuzz>=3.0"], ["rapidfuzz>=9.0"]),
        ("  - distributed>=2024.8\n", "", ["distributed>=2024.8"], []),
        ("      - pixelmatch>=0.3\n", "      - pixelmatch>=0.3\n      - requests\n", [], ["requests"]),
    ],
)
def test_the_check_sees_a_change_to_environment_yml(
    tmp_path: Path, old: str, new: str, missing: list[str], extra: list[str]
) -> None:
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    changed = tmp_path / "environment.yml"
    changed.write_text(text.replace(old, new), encoding="utf-8")
    assert disagreements(ROOT / "pyproject.toml", changed) == (missing, extra)


def test_the_distribution_name_is_not_the_taken_one() -> None:
    project = pyproject()["project"]
    assert project["name"] == DISTRIBUTION
    assert canonicalize_name(DISTRIBUTION) != "itinerary"  # "itinerary" on PyPI is another project
    assert project["scripts"] == {"itinerary": "itinerary.cli:main"}
    assert pyproject()["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "itinerary.__version__"}


def test_version_option_reads_the_installed_metadata() -> None:
    try:
        installed = importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        pytest.skip(f"{DISTRIBUTION} is not installed here (bash scripts/setup.sh installs it)")
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.output == f"itinerary, version {installed}\n"
    assert installed == itinerary.__version__  # one source: the metadata is built from it


def test_changelog_has_an_entry_for_this_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in text
    released = re.findall(r"^## \[(\d[^\]]*)\] - (\d{4}-\d{2}-\d{2})$", text, flags=re.MULTILINE)
    assert released, "CHANGELOG.md has no released version ('## [X.Y.Z] - YYYY-MM-DD')"
    assert released[0][0] == itinerary.__version__, (
        f"the newest entry of CHANGELOG.md is {released[0][0]}, the package is {itinerary.__version__}"
    )
