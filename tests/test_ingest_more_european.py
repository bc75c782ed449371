"""Greek, Czech, Slovak and Finnish: inflected names and the language told (placements, their status and
traps, sentence by sentence: tests/ingest_cases/{el,cs,sk,fi}.toml).

Sentences are composed for these tests from the languages themselves (not copied from any article; there are no
real articles in these languages in the project's dev split). Czech and Slovak inflect names ("v Rafáhu",
"v Chán Júnise", "z Indonézie"), Finnish attaches case endings ("Rafahissa", "Rafahiin", "Indonesian joukot"),
Greek inflects and moves the accent ("της Ινδονησίας", "Αιγύπτου"). Expected values are (nation, sector, role,
status) as the status engine words them: a nation's own office stating a placement confirms it, a hedge ("should",
"is expected to", "may") never does, an outlet relaying it reports it, a denial is denied.
"""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract_all
from mapview.ingest.gazetteer import Gazetteer

CZECH = ("Indonéská vláda připravuje vyslání vojáků do Pásma Gazy. Mluvčí ministerstva obrany řekl, že jednotky "
         "brzy odjedou a budou také pomáhat při obnově a při zdravotní péči o obyvatele, kteří jsou v nouzi.")
SLOVAK = ("Indonézska vláda pripravuje vyslanie vojakov do Pásma Gazy. Hovorca ministerstva obrany povedal, že "
          "jednotky čoskoro odcestujú a budú tiež pomáhať pri obnove a pri zdravotnej starostlivosti o obyvateľov, "
          "ktorí sú v núdzi.")
FINNISH = ("Indonesian hallitus valmistelee sotilaiden lähettämistä Gazan kaistalle. Puolustusministeriön "
           "tiedottaja sanoi, että yksiköt lähtevät pian ja että ne auttavat myös jälleenrakennuksessa sekä "
           "asukkaiden terveydenhuollossa.")
GREEK = ("Η κυβέρνηση της Ινδονησίας προετοιμάζει την αποστολή στρατιωτών στη Λωρίδα της Γάζας. Ο εκπρόσωπος του "
         "υπουργείου Άμυνας είπε ότι οι μονάδες θα αναχωρήσουν σύντομα και ότι θα βοηθήσουν επίσης στην ανοικοδόμηση "
         "και στην ιατρική φροντίδα του πληθυσμού.")
# Short: about as few words as a language can be told by (a Czech brief must not read as Slovak or Polish)
CZECH_SHORT = ("Podle ministerstva jsou vojáci připraveni. Jednotky mají odjet ještě tento měsíc, již byl schválen "
               "plán a také rozpočet pro misi.")


@pytest.mark.parametrize(("text", "code"), [(CZECH, "cs"), (SLOVAK, "sk"), (FINNISH, "fi"), (GREEK, "el"),
                                            (CZECH_SHORT, "cs")])
def test_the_language_is_told_and_read(gaz: Gazetteer, text: str, code: str) -> None:
    language = extract_all(text, gaz).language
    assert (language.code, language.read) == (code, True)


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
