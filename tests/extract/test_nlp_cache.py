"""The cache of the tokenizers' compiled regular expressions (itinerary/extract/nlp.py).

spaCy's French tokenizer compiles a 1.4-million-character expression on every load; the
extractor keeps its compiled program in the cache folder and rebuilds the same ``re.Pattern``
from it. These tests check that the rebuilt patterns equal freshly compiled ones (same text,
flags and program) and that a fresh process tokenises French text the same way with the cache
cold, warm and broken. The French sentences are written for these tests.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from itinerary.extract import nlp
from itinerary.options import options_context
from tests.conftest import ROOT

#: elisions, hyphenated names and compounds, numbers, dates, times, an address, a URL
FRENCH = (
    "L'arrivée d'Emmanuel Macron à Saint-Louis-du-Sénégal, c'est-à-dire aujourd'hui, a coûté 12,5 millions "
    "d'euros ; jusqu'au 1er mars 2024, l'Élysée n'a rien dit. Kimsomolsk-sur-l'Amour reçoit le porte-parole "
    "à 20h30 (heure de Moscou), au 55, rue du Faubourg-Saint-Honoré. Voir https://www.elysee.fr/agenda?id=3 "
    "ou écrire à presse@elysee.fr — grand-mère, lui, s'est-il rendu à N’Djamena le 14/09/2023 ? Peut-être."
)

SCRIPT = """
import json, sys
import itinerary
itinerary.set_options(cache_dir=sys.argv[1])
import spacy
from itinerary.extract import nlp
path = nlp._regex_cache_path("fr", spacy.__version__)
existed = path.is_file()
if sys.argv[2] == "no-compile":  # a tripwire: the long tokenizer expression must not be compiled
    import re._compiler as compiler
    real = compiler.compile
    def compile(p, flags=0):
        if isinstance(p, str) and len(p) > 100_000:
            raise AssertionError("the cached tokenizer expression was compiled again")
        return real(p, flags)
    compiler.compile = compile
pipe = nlp.pipeline("fr")
tokens = [[t.text, t.idx] for t in pipe(sys.stdin.read())]
print(json.dumps({"existed": existed, "tokens": tokens}))
"""


def _fresh(cache: Path, mode: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(cache), mode],
        input=FRENCH,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def _cache_file(cache: Path) -> Path:
    import spacy

    with options_context(cache_dir=cache):
        path = nlp._regex_cache_path("fr", spacy.__version__)
    assert path is not None
    return path


@pytest.mark.slow  # compiles the French expression afresh (seconds)
def test_cached_programs_rebuild_equal_patterns(tmp_path: Path) -> None:
    fr = nlp.pipeline("fr")
    path = _cache_file(tmp_path)
    nlp._store_regexes(fr, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    patterns = nlp._tokenizer_patterns(fr)
    assert {e["pattern"] for e in data["patterns"]} == set(patterns) and not data["skipped"]
    assert any(len(p) > 1_000_000 for p in patterns)  # the French token_match is among them
    for entry in data["patterns"]:
        rebuilt = nlp._compiled(entry)
        # compiled afresh: re.UNICODE is already the default of a str pattern (same flags, same
        # program) but gives another key in re's own cache, so nothing cached is reused
        fresh = re.compile(entry["pattern"], re.UNICODE)
        assert rebuilt == fresh and rebuilt is not fresh  # equal: same text, flags and program
    assert nlp._prime_regexes(path) == set(patterns)


def test_unusable_cache_primes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    assert nlp._prime_regexes(path) == set()  # missing
    path.write_text(
        '{"format": "itinerary-compiled-regex", "patterns": [{"pattern": "a"}]}', encoding="utf-8"
    )
    assert nlp._prime_regexes(path) == set()  # an entry without its program
    path.write_text("\x00garbage", encoding="utf-8")
    assert nlp._prime_regexes(path) == set()
    bad = {"pattern": "a", "flags": 32, "code": [999999], "groups": 1, "groupindex": {}, "indexgroup": [None]}
    path.write_text(json.dumps({"format": "itinerary-compiled-regex", "patterns": [bad]}), encoding="utf-8")
    assert nlp._prime_regexes(path) == set()  # a program the engine refuses


@pytest.mark.slow
def test_fresh_processes_tokenise_alike_with_and_without_the_cache(tmp_path: Path) -> None:
    cold = _fresh(tmp_path, "compile")  # no cache: compiled, then written
    path = _cache_file(tmp_path)
    assert not cold["existed"] and path.is_file()
    warm = _fresh(tmp_path, "no-compile")  # from the cache: the expression is not compiled
    assert warm["existed"] and warm["tokens"] == cold["tokens"]
    tokens = [t for t, _ in cold["tokens"]]  # type: ignore[attr-defined]
    assert {"L'", "d'", "Saint-Louis-du-Sénégal", "aujourd'hui", "12,5", "porte-parole"} <= set(tokens)
    path.write_text("not json", encoding="utf-8")  # a broken cache: compiled again and rewritten
    broken = _fresh(tmp_path, "compile")
    assert broken["tokens"] == cold["tokens"]
    assert _fresh(tmp_path, "no-compile")["tokens"] == cold["tokens"]
