"""Polish, Hungarian, Norwegian, Swedish and Danish: inflected names (the language told, and one site between two
sectors: tests/test_ingest_languages.py; placements, their status and traps, sentence by sentence:
tests/ingest_cases/{pl,hu,no,sv,da}.toml).

Sentences are composed for these tests from the languages themselves (not copied from any article). Polish and
Hungarian inflect names ("w Rafahu", "Rafahban", "Hán Júniszban", "Indonéziából"), so inflected forms are read;
Norwegian, Swedish and Danish mostly leave place names as they are. Expected values are (nation, sector, role,
status) as the status engine words them: a nation's own office stating a placement confirms it, a hedge never
does, an outlet relaying it reports it, a third party (Israel's minister) never confirms for the nation.
"""

from __future__ import annotations

from mapview.ingest.extract import extract, extract_all
from mapview.ingest.gazetteer import Gazetteer
from tests.test_ingest_languages import NORWEGIAN


def leads(text: str, gaz: Gazetteer) -> set[tuple[str | None, str, str, str]]:
    return {f.label() for f in extract(text, gaz) if f.role == "lead"}


def lead(sector: str, status: str, nation: str = "Indonesia") -> tuple[str, str, str, str]:
    return nation, sector, "lead", status


def test_a_word_of_another_language_does_not_cut_a_norwegian_article(gaz: Gazetteer) -> None:
    # "sender" (sends) is German for a broadcaster: in a text too short to tell its language every file's words
    # are read and "Indonesia sender" is taken for an outlet; once the article is told Norwegian, it sends troops
    text = NORWEGIAN + " Indonesia sender tusenvis av soldater. Soldatene skal stasjoneres i Rafah."
    assert extract_all(text, gaz).language.code == "no"
    assert leads(text, gaz) == {lead("rafah", "reported")}


def test_inflected_names_are_read(gaz: Gazetteer) -> None:
    hungarian = "Rafahban, Rafahtól, Hán Júniszba, Hán Júnisztól, Gázavárosban, Észak-Gázából, Deir el-Balahban"
    assert [m.key for m in gaz.find_sectors(hungarian)] == [
        "rafah", "rafah", "khan-yunis", "khan-yunis", "gaza-city", "north-gaza", "deir-al-balah"]
    polish = "w Rafahu, w Chan Junusie, w mieście Gaza, w północnej Strefie Gazy, w Dajr al-Balah"
    assert [m.key for m in gaz.find_sectors(polish)] == [
        "rafah", "khan-yunis", "gaza-city", "north-gaza", "deir-al-balah"]
    nations = "Indonéziából, Marokkóba, Törökországban, z Indonezji, do Maroka, indonéz, indonezyjscy, marokkói"
    assert [m.key for m in gaz.find_nations(nations)] == [
        "Indonesia", "Morocco", "Turkey", "Indonesia", "Morocco", "Indonesia", "Indonesia", "Morocco"]


def test_a_stem_never_reads_another_word(gaz: Gazetteer) -> None:
    # CLDR's Polish and Hungarian names of India and Qatar ("Indie", "India", "Katar") are listed with their
    # forms, not as stems: "Indi*" would read Indiana, "Katar*" the name Katarzyna
    assert gaz.find_nations("Katarzyna z Indiany i Katarina z Indianapolis") == []
    assert [m.key for m in gaz.find_nations("w Indiach, Indiában, w Katarze, Katarban")] == [
        "India", "India", "Qatar", "Qatar"]
