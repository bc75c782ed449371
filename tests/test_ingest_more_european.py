"""Greek, Czech, Slovak and Finnish: inflected names (the language told: tests/test_ingest_languages.py;
placements, their status and traps, sentence by sentence: tests/ingest_cases/{el,cs,sk,fi}.toml).

Sentences are composed for these tests from the languages themselves (not copied from any article; there are no
real articles in these languages in the project's dev split). Czech and Slovak inflect names ("v Rafáhu",
"v Chán Júnise", "z Indonézie"), Finnish attaches case endings ("Rafahissa", "Rafahiin", "Indonesian joukot"),
Greek inflects and moves the accent ("της Ινδονησίας", "Αιγύπτου"). Expected values are (nation, sector, role,
status) as the status engine words them: a nation's own office stating a placement confirms it, a hedge ("should",
"is expected to", "may") never does, an outlet relaying it reports it, a denial is denied.
"""

from __future__ import annotations

from mapview.ingest.gazetteer import Gazetteer


def test_inflected_names_are_read(gaz: Gazetteer) -> None:
    czech = "v Rafáhu, v Chán Júnisu, ve městě Gaza, na severu Pásma Gazy, v Dajr al-Balahu"
    assert [m.key for m in gaz.find_sectors(czech)] == [
        "rafah", "khan-yunis", "gaza-city", "north-gaza", "deir-al-balah"]
    slovak = "v Rafahu, v Chán Júnise, v meste Gaza, na severe Pásma Gazy, v Dajr al-Balahu"
    assert [m.key for m in gaz.find_sectors(slovak)] == [
        "rafah", "khan-yunis", "gaza-city", "north-gaza", "deir-al-balah"]
    finnish = "Rafahissa, Rafahiin, Khan Yunisista, Gazan kaupungissa, Pohjois-Gazaan, Deir al-Balahissa"
    assert [m.key for m in gaz.find_sectors(finnish)] == [
        "rafah", "rafah", "khan-yunis", "gaza-city", "north-gaza", "deir-al-balah"]
    greek = "στη Ράφα, της Ράφας, στη Χαν Γιουνίς, στην Πόλη της Γάζας, στη βόρεια Γάζα, στο Ντέιρ αλ-Μπαλάχ"
    assert [m.key for m in gaz.find_sectors(greek)] == [
        "rafah", "rafah", "khan-yunis", "gaza-city", "north-gaza", "deir-al-balah"]
    nations = ("z Indonésie, indonéští, z Indonézie, indonézski, Indonesiasta, indonesialaiset, της Ινδονησίας, "
               "Ινδονήσιοι, Αιγύπτου, Marokkosta, marockých")
    assert [m.key for m in gaz.find_nations(nations)] == [
        "Indonesia", "Indonesia", "Indonesia", "Indonesia", "Indonesia", "Indonesia", "Indonesia", "Indonesia",
        "Egypt", "Morocco", "Morocco"]


def test_a_stem_never_reads_another_word(gaz: Gazetteer) -> None:
    # CLDR's names of Qatar, India, Turkey, Germany and France in these languages are listed with their forms, not
    # as stems: "Katar*" would read the name Katarína, "Indi*" Indiana, Finnish "Turk*" the city Turku and "Saks*"
    # sakset (scissors), "Franci*" Francisco, Greek "Κατάρ*" the word κατάρα (a curse)
    assert gaz.find_nations("Katarína z Indiany, Turkuun, Turussa, sakset, Francisco, η κατάρα") == []
    assert [m.key for m in gaz.find_nations("v Kataru, v Indii, Turkissa, Intiassa, Saksassa, Francii, στο Κατάρ")] == [
        "Qatar", "India", "Turkey", "India", "Germany", "France", "Qatar"]
