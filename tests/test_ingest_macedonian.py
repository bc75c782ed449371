"""Macedonian: told apart from Serbian and Bulgarian, placements and their status, traps.

Sentences are composed for these tests in Macedonian (not copied from any article). Expected values are
(nation, sector, role, status) as the status engine words them: a nation's own ministry stating a placement confirms
it, a hedge never does, a denial is denied, an outlet relaying it reports it.
"""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract
from mapview.ingest.gazetteer import Gazetteer
from mapview.ingest.langdata import detect_language

MK_PARAGRAPH = ("Министерот за одбрана на Индонезија изјави дека индонезиските војници ќе бидат распоредени во Рафа. "
                "Одлуката беше донесена по консултациите што траеја неколку недели, и се однесува само на единиците "
                "кои се избрани за мисијата за стабилизација на Појасот Газа.")
SR_PARAGRAPH = ("Министар одбране Индонезије изјавио је да ће индонежански војници бити стационирани у Рафи. Одлука је "
                "донета после консултација које су трајале неколико недеља, и односи се само на јединице које су "
                "изабране за мисију стабилизације Појаса Газе.")


def leads(text: str, gaz: Gazetteer) -> set[tuple[str | None, str, str, str]]:
    return {f.label() for f in extract(text, gaz) if f.role == "lead"}


def test_macedonian_is_told_from_serbian_and_bulgarian() -> None:
    from tests.test_ingest_bulgarian import BG_PARAGRAPH

    assert (detect_language(MK_PARAGRAPH).code, detect_language(MK_PARAGRAPH).read) == ("mk", True)
    assert detect_language(SR_PARAGRAPH).code == "sr"
    assert detect_language(BG_PARAGRAPH).code == "bg"


CASES: list[tuple[str, set[tuple[str | None, str, str, str]]]] = [
    # "Indonesia's defence ministry said Indonesian soldiers will be deployed in Rafah."
    ("Министерството за одбрана на Индонезија изјави дека индонезиските војници ќе бидат распоредени во Рафа.",
     {("Indonesia", "rafah", "lead", "confirmed")}),
    # "Indonesian soldiers will probably be deployed in Khan Yunis."
    ("Индонезиските војници веројатно ќе бидат распоредени во Кан Јунис.",
     {("Indonesia", "khan-yunis", "lead", "speculative")}),
    # "Indonesia's defence ministry denied that Indonesian soldiers will be deployed in Rafah."
    ("Министерството за одбрана на Индонезија демантираше дека индонезиски војници ќе бидат распоредени во Рафа.",
     {("Indonesia", "rafah", "lead", "denied")}),
    # "According to the newspaper, Moroccan soldiers will be responsible for Deir al-Balah."
    ("Според весникот, мароканските војници ќе бидат одговорни за Деир ел Балах.",
     {("Morocco", "deir-al-balah", "lead", "reported")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_placements_and_their_status(gaz: Gazetteer, text: str, expected: set) -> None:
    assert leads(text, gaz) == expected


@pytest.mark.parametrize("text", [
    # "Egypt controls the Rafah border crossing from its side of the border."
    "Египет го контролира граничниот премин Рафа од својата страна на границата.",
    # "Katarina Petrovska, the mission's spokeswoman, said the unit will be deployed in Rafah." (a name, not Qatar)
    "Катарина Петровска, портпаролка на мисијата, рече дека единицата ќе биде распоредена во Рафа.",
])
def test_the_crossing_and_a_name_place_no_contributor(gaz: Gazetteer, text: str) -> None:
    assert not leads(text, gaz)


def test_a_site_between_two_sectors_is_one_area(gaz: Gazetteer) -> None:
    # "Azerbaijani soldiers will be stationed between Rafah and Khan Yunis."
    found = [f for f in extract("Азербејџанските војници ќе бидат стационирани меѓу Рафа и Кан Јунис.", gaz)
             if f.role == "lead"]
    assert found and {f.nation for f in found} == {"Azerbaijan"}
    assert {tuple(f.area) for f in found} == {("rafah", "khan-yunis")}
