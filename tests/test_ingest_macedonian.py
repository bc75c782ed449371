"""Macedonian: told apart from Serbian and Bulgarian, and one site between two sectors (placements, their
status and traps, sentence by sentence: tests/ingest_cases/mk.toml).

Sentences are composed for these tests in Macedonian (not copied from any article). Expected values are
(nation, sector, role, status) as the status engine words them: a nation's own ministry stating a placement confirms
it, a hedge never does, a denial is denied, an outlet relaying it reports it.
"""

from __future__ import annotations

from mapview.ingest.extract import extract
from mapview.ingest.gazetteer import Gazetteer
from mapview.ingest.langdata import detect_language

MK_PARAGRAPH = ("Министерот за одбрана на Индонезија изјави дека индонезиските војници ќе бидат распоредени во Рафа. "
                "Одлуката беше донесена по консултациите што траеја неколку недели, и се однесува само на единиците "
                "кои се избрани за мисијата за стабилизација на Појасот Газа.")
SR_PARAGRAPH = ("Министар одбране Индонезије изјавио је да ће индонежански војници бити стационирани у Рафи. Одлука је "
                "донета после консултација које су трајале неколико недеља, и односи се само на јединице које су "
                "изабране за мисију стабилизације Појаса Газе.")


def test_macedonian_is_told_from_serbian_and_bulgarian() -> None:
    from tests.test_ingest_bulgarian import BG_PARAGRAPH

    assert (detect_language(MK_PARAGRAPH).code, detect_language(MK_PARAGRAPH).read) == ("mk", True)
    assert detect_language(SR_PARAGRAPH).code == "sr"
    assert detect_language(BG_PARAGRAPH).code == "bg"


def test_a_site_between_two_sectors_is_one_area(gaz: Gazetteer) -> None:
    # "Azerbaijani soldiers will be stationed between Rafah and Khan Yunis."
    found = [f for f in extract("Азербејџанските војници ќе бидат стационирани меѓу Рафа и Кан Јунис.", gaz)
             if f.role == "lead"]
    assert found and {f.nation for f in found} == {"Azerbaijan"}
    assert {tuple(f.area) for f in found} == {("rafah", "khan-yunis")}
