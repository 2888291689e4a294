"""Build the tables of inflected forms of the language packs' travel lemmas.

    .venv/bin/python scripts/build_lemma_forms.py

For every pack that lists ``travel_lemmas`` (itinerary/extract/lang/<code>.py), writes
``<code>_forms.json`` beside it: each inflected form simplemma's dictionary gives for one of
those lemmas, or for the base verb of a separable one ("weiterreisen" -> "reisen", so that
"reist ... weiter" is read), mapped to its lemma. The extractor reads the small table and needs
neither simplemma nor its dictionaries (seconds to load) at run time. Needs simplemma (the
``train`` extra).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def wanted(lemmas: frozenset[str], particles: frozenset[str]) -> set[str]:
    """The lemmas and the base verbs of the separable ones."""
    out = set(lemmas)
    for lem in lemmas:
        for p in particles:
            if lem.startswith(p) and lem.endswith("en") and len(lem) > len(p) + 3:
                out.add(lem[len(p) :])
    return out


def main() -> int:
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    from itinerary.extract.lang import pack, supported

    folder = ROOT / "itinerary" / "extract" / "lang"
    factory = DefaultDictionaryFactory()
    for code in supported():
        lx = pack(code)
        if not lx.travel_lemmas:
            continue
        keep = wanted(lx.travel_lemmas, lx.particles)
        table = {
            form.lower(): lem.lower()
            for form, lem in factory.get_dictionary(code).items()
            if lem.lower() in keep and len(form) > 3 and form.lower() != lem.lower()
        }
        for lem in keep:  # the lemma itself is its own form
            table.setdefault(lem, lem)
        out = folder / f"{code}_forms.json"
        data = {
            "source": "simplemma dictionary (MIT)",
            "lemmas": sorted(keep),
            "forms": dict(sorted(table.items())),
        }
        out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {out} ({len(table)} forms of {len(keep)} lemmas)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
