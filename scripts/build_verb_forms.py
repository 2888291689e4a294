"""Build the tables of frequent inflected verb forms that open a sentence before a name.

    .venv/bin/python scripts/build_verb_forms.py

For every supported language simplemma has a dictionary for, writes
``itinerary/extract/lang/<code>_verb_forms.json``: the words of wordfreq's list of the language
(zipf frequency :data:`MIN_ZIPF` or more) whose dictionary form in simplemma is another word
ending like an infinitive of the language (:data:`INFINITIVE`): "acompanham" (acompanhar),
"begleitet" (begleiten), "acompañan" (acompañar), "сопровождают" (сопровождать). A sentence
may open with such a verb before the subject ("Acompanham Lula na viagem ..."): the capital is
the sentence's, and the word is no part of the name after it. A form as frequent in English
text as a name is left out (:data:`MAX_ZIPF_EN`). The extractor reads the small
table and needs neither simplemma nor its dictionaries (seconds to load) at run time. Needs
simplemma (the ``train`` extra) and wordfreq.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: how frequent a form must be in wordfreq's list to be kept (the table stays small)
MIN_ZIPF = 3.0

#: a form this frequent in English text is a given name ("marco", "guido", "rodrigo", "bruno":
#: English news writes the names of every nation) or an international word, not kept
MAX_ZIPF_EN = 2.5

#: the endings of an infinitive, per language (a dictionary form ending so is a verb's)
INFINITIVE: dict[str, tuple[str, ...]] = {
    "de": ("en", "ern", "eln"),
    "en": (),  # English infinitives have no ending: no table
    "es": ("ar", "er", "ir"),
    "fr": ("er", "ir", "re"),
    "it": ("are", "ere", "ire", "rre"),
    "pt": ("ar", "er", "ir", "or"),
    "ru": ("ть", "ти", "чь", "ться", "тись", "чься"),
}


#: languages whose present plural is the infinitive ("Begleiten Scholz ...", "sie reisen"):
#: an infinitive of the dictionary is kept too when the dictionary also gives its third person
#: singular (the stem and one of these endings: "begleiten" - "begleitet"; not "Karsten")
PLURAL_IS_INFINITIVE = {"de": ("t", "et")}


def verb_forms(code: str, endings: tuple[str, ...]) -> list[str]:
    """The frequent forms of ``code`` whose dictionary form is another word ending like an infinitive."""
    from simplemma import lemmatize
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory
    from wordfreq import top_n_list, zipf_frequency

    lemmas: set[str] = set()
    if code in PLURAL_IS_INFINITIVE:
        table = {k.lower(): v.lower() for k, v in DefaultDictionaryFactory().get_dictionary(code).items()}
        for lemma in set(table.values()):
            stem = lemma[:-2] if lemma.endswith("en") else ""
            if stem and any(table.get(stem + e) == lemma for e in PLURAL_IS_INFINITIVE[code]):
                lemmas.add(lemma)
    out = []
    for word in top_n_list(code, 60_000, wordlist="best"):
        if len(word) < 4 or not word.isalpha() or zipf_frequency(word, code, wordlist="best") < MIN_ZIPF:
            continue
        if zipf_frequency(word, "en", wordlist="best") >= MAX_ZIPF_EN:
            continue
        lemma = lemmatize(word, lang=code).lower()
        if lemma == word and word not in lemmas:
            continue
        if lemma.endswith(endings) and len(lemma) > max(map(len, endings)) + 1:
            out.append(word)
    return sorted(set(out))


def main() -> int:
    from itinerary.extract.lang import supported

    folder = ROOT / "itinerary" / "extract" / "lang"
    for code in supported():
        endings = INFINITIVE.get(code, ())
        if not endings:
            continue
        forms = verb_forms(code, endings)
        out = folder / f"{code}_verb_forms.json"
        data = {"source": "wordfreq word list (MIT/CC BY-SA) and simplemma dictionary (MIT)", "forms": forms}
        out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {out} ({len(forms)} forms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
