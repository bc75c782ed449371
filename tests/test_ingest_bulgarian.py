"""Bulgarian: told apart from Russian, placements and their status, traps.

Sentences are composed for these tests in Bulgarian (not copied from any article). Expected values are
(nation, sector, role, status) as the status engine words them: a nation's own ministry stating a placement confirms
it, a hedge never does, a denial is denied, an outlet relaying it reports it.
"""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract
from mapview.ingest.gazetteer import Gazetteer
from mapview.ingest.langdata import detect_language

BG_PARAGRAPH = ("Министърът на отбраната на Индонезия заяви, че индонезийските войски ще бъдат разположени в Рафах. "
                "Решението е взето след консултации, които продължиха няколко седмици, и това засяга само "
                "подразделенията, избрани за мисията за стабилизиране на Ивицата Газа.")
RU_PARAGRAPH = ("Министр обороны Индонезии заявил, что индонезийские военные будут размещены в Рафахе. Это решение "
                "было принято после консультаций, которые длились несколько недель, и оно касается лишь тех "
                "подразделений, что были отобраны для миссии по стабилизации сектора Газа.")


def leads(text: str, gaz: Gazetteer) -> set[tuple[str | None, str, str, str]]:
    return {f.label() for f in extract(text, gaz) if f.role == "lead"}


def test_bulgarian_is_told_from_russian_both_ways() -> None:
    assert (detect_language(BG_PARAGRAPH).code, detect_language(BG_PARAGRAPH).read) == ("bg", True)
    assert detect_language(RU_PARAGRAPH).code == "ru"


CASES: list[tuple[str, set[tuple[str | None, str, str, str]]]] = [
    # "Indonesia's defence ministry said Indonesian troops will be stationed in Rafah."
    ("Министерството на отбраната на Индонезия заяви, че индонезийските войски ще бъдат разположени в Рафах.",
     {("Indonesia", "rafah", "lead", "confirmed")}),
    # "Indonesian soldiers will probably be stationed in Khan Yunis."
    ("Индонезийските войници вероятно ще бъдат разположени в Хан Юнис.",
     {("Indonesia", "khan-yunis", "lead", "speculative")}),
    # "Indonesia's defence ministry denied that Indonesian troops will be stationed in Rafah."
    ("Министерството на отбраната на Индонезия отрече, че индонезийски войски ще бъдат разположени в Рафах.",
     {("Indonesia", "rafah", "lead", "denied")}),
    # "According to the outlet, Moroccan troops will be responsible for Deir al-Balah."
    ("Според изданието, мароканските войски ще отговарят за Дейр ел-Балах.",
     {("Morocco", "deir-al-balah", "lead", "reported")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_placements_and_their_status(gaz: Gazetteer, text: str, expected: set) -> None:
    assert leads(text, gaz) == expected


@pytest.mark.parametrize("text", [
    # "Egyptian forces control the Rafah border crossing, while Israeli troops remain in Rafah."
    "Египетските сили контролират граничния пункт Рафах, а израелските войски остават в Рафах.",
    # "Egypt runs the Rafah crossing on its side of the border."
    "Египет управлява ГКПП Рафах от своята страна на границата.",
    # "Katarina Petrova, the mission's spokeswoman, said the unit will be stationed in Rafah." (a name, not Qatar)
    "Катарина Петрова, говорител на мисията, каза, че подразделението ще бъде разположено в Рафах.",
])
def test_the_crossing_israels_army_and_a_name_place_no_contributor(gaz: Gazetteer, text: str) -> None:
    assert not leads(text, gaz)


def test_a_site_between_two_sectors_is_one_area(gaz: Gazetteer) -> None:
    # "Azerbaijani troops will be stationed between Rafah and Khan Yunis."
    found = [f for f in extract("Азербайджанските военни ще бъдат разположени между Рафах и Хан Юнис.", gaz)
             if f.role == "lead"]
    assert found and {f.nation for f in found} == {"Azerbaijan"}
    assert {tuple(f.area) for f in found} == {("rafah", "khan-yunis")}
