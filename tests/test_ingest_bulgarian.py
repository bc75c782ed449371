"""Bulgarian: told apart from Russian, and one site between two sectors (placements, their status and traps,
sentence by sentence: tests/ingest_cases/bg.toml).

Sentences are composed for these tests in Bulgarian (not copied from any article). Expected values are
(nation, sector, role, status) as the status engine words them: a nation's own ministry stating a placement confirms
it, a hedge never does, a denial is denied, an outlet relaying it reports it.
"""

from __future__ import annotations

from mapview.ingest.extract import extract
from mapview.ingest.gazetteer import Gazetteer
from mapview.ingest.langdata import detect_language

BG_PARAGRAPH = ("Министърът на отбраната на Индонезия заяви, че индонезийските войски ще бъдат разположени в Рафах. "
                "Решението е взето след консултации, които продължиха няколко седмици, и това засяга само "
                "подразделенията, избрани за мисията за стабилизиране на Ивицата Газа.")
RU_PARAGRAPH = ("Министр обороны Индонезии заявил, что индонезийские военные будут размещены в Рафахе. Это решение "
                "было принято после консультаций, которые длились несколько недель, и оно касается лишь тех "
                "подразделений, что были отобраны для миссии по стабилизации сектора Газа.")


def test_bulgarian_is_told_from_russian_both_ways() -> None:
    assert (detect_language(BG_PARAGRAPH).code, detect_language(BG_PARAGRAPH).read) == ("bg", True)
    assert detect_language(RU_PARAGRAPH).code == "ru"


def test_a_site_between_two_sectors_is_one_area(gaz: Gazetteer) -> None:
    # "Azerbaijani troops will be stationed between Rafah and Khan Yunis."
    found = [f for f in extract("Азербайджанските военни ще бъдат разположени между Рафах и Хан Юнис.", gaz)
             if f.role == "lead"]
    assert found and {f.nation for f in found} == {"Azerbaijan"}
    assert {tuple(f.area) for f in found} == {("rafah", "khan-yunis")}
