"""A verb of going to a place, or of flying off to it, is a travel word in every pack: the place it
reaches is a rule stop. Italian "recarsi" ("si è recato a", "intende recarsi in") and "spostarsi"
("si sposterà a"), Russian "поехать" and "съездить" ("собирается поехать в", "съездил в"), Spanish
"desplazarse" ("se desplazará a"), as French "se déplacer" and Portuguese "deslocar-se" already
were, in the present too ("se rend à Oslo", "se rendent à Rome"); flying off: "flew off to", "voló
a", "улетел в" ("flog nach" and the Italian and Portuguese forms were travel words already).
Checked on sentences written for the suite, at the candidate, in six languages.

French "s'envoler" stays a departure word, which the parse walk does not read: made a travel
word, "après un déjeuner chez X, il s'est envolé pour Varsovie" gave Varsovie to X. Verbs of
returning are not made travel words: a return home is most often one the article does not assert
("when he will return is not known"), and the development articles' truth leaves it out or
optional.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor

pytestmark = pytest.mark.data

PUBLISHED = dt.date(2026, 3, 12)  # a Thursday

CASES = [
    ("it", "Il ministro si è recato lunedì a Lima per due giorni di colloqui.", "Lima"),
    ("it", "La presidente intende recarsi in Giappone ad aprile.", "Giappone"),
    ("it", "Domani il premier si recherà a Tunisi.", "Tunisi"),
    ("it", "Dopo Roma, il presidente si sposterà a Napoli per l'inaugurazione.", "Napoli"),
    ("es", "Tras la cumbre, la presidenta se desplazará a Sevilla.", "Sevilla"),
    ("pt", "Depois da cúpula, o presidente deslocou-se a Lisboa.", "Lisboa"),
    ("fr", "Après le sommet, le président se déplacera à Lyon.", "Lyon"),
    ("ru", "Министр собирается поехать в Рабат в апреле.", "Рабат"),
    ("ru", "В понедельник президент съездил в Минск.", "Минск"),
    ("en", "The minister travelled to Lima on Monday for two days of talks.", "Lima"),
    ("fr", "Le ministre s'est rendu lundi à Lima pour deux jours d'entretiens.", "Lima"),
    # the present of the verbs of going ("se rend", "si reca", "se desplaza")
    ("fr", "Le chancelier se rend à Oslo pour parler de gaz.", "Oslo"),
    ("fr", "Les deux ministres se rendent à Rome jeudi.", "Rome"),
    ("it", "Il cancelliere si reca a Oslo per parlare di gas.", "Oslo"),
    ("es", "El canciller se desplaza a Oslo para hablar de gas.", "Oslo"),
    # flying off
    ("en", "After lunch with the premier, the chancellor flew off to Warsaw.", "Warsaw"),
    ("de", "Nach dem Mittagessen flog die Ministerin nach Wien.", "Wien"),
    ("es", "Tras el almuerzo, el canciller voló a Varsovia.", "Varsovia"),
    ("ru", "После обеда министр улетел в Варшаву.", "Варшаву"),
]


@pytest.mark.parametrize(("lang", "text", "place"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_a_verb_of_going_to_a_place_makes_a_rule_stop(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    doc = extractor.analyse(Article(text=text, published=PUBLISHED, language=lang))
    found = [c for c in doc.candidates if c.place.text == place]
    assert found, [c.place.text for c in doc.candidates]
    assert found[0].features.get("rule") == 1.0, found[0].reason
