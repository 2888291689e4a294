"""Articles shared by the build tests (written for the suite)."""

from __future__ import annotations

from pathlib import Path

MACRON = "President Emmanuel Macron landed in Berlin on Sunday."
SCHOLZ = "Chancellor Olaf Scholz arrived in Paris on Monday for talks."
SCHOLZ_2 = "Chancellor Olaf Scholz arrived in Rome on Tuesday for talks."


def article(path: Path, text: str, day: str = "2024-05-20") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# date: {day}\n# language: en\n---\n{text}\n", encoding="utf-8")
    return path
