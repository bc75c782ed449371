"""Ukrainian: told apart from Russian, placements and their status, inflected names, traps.

Sentences are composed for these tests in Ukrainian (not copied from any article). Expected values are
(nation, sector, role, status) as the status engine words them: a nation's own ministry stating a placement confirms
it, a hedge never does, an outlet relaying it reports it.
"""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract
from mapview.ingest.gazetteer import Gazetteer
from mapview.ingest.langdata import detect_language

UK_PARAGRAPH = ("Міністр оборони Індонезії заявив, що індонезійські військові також будуть розміщені у Рафаху. "
                "Це рішення було ухвалене після консультацій, які тривали вже кілька тижнів, і воно стосується "
                "лише тих підрозділів, що були відібрані для місії щодо стабілізації Сектору Гази.")
RU_PARAGRAPH = ("Министр обороны Индонезии заявил, что индонезийские военные также будут размещены в Рафахе. "
                "Это решение было принято после консультаций, которые длились уже несколько недель, и оно касается "
                "лишь тех подразделений, что были отобраны для миссии по стабилизации сектора Газа.")


def leads(text: str, gaz: Gazetteer) -> set[tuple[str | None, str, str, str]]:
    return {f.label() for f in extract(text, gaz) if f.role == "lead"}


def test_ukrainian_is_told_from_russian_both_ways() -> None:
    uk = detect_language(UK_PARAGRAPH)
    assert (uk.code, uk.read) == ("uk", True)
    assert detect_language(RU_PARAGRAPH).code == "ru"


CASES: list[tuple[str, set[tuple[str | None, str, str, str]]]] = [
    ("Міністерство оборони Індонезії заявило, що індонезійські військові будуть розміщені у Рафаху.",
     {("Indonesia", "rafah", "lead", "confirmed")}),
    ("Індонезійські військові, ймовірно, будуть розміщені у Хан-Юнісі.",
     {("Indonesia", "khan-yunis", "lead", "speculative")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_placements_and_their_status(gaz: Gazetteer, text: str, expected: set) -> None:
    assert leads(text, gaz) == expected


def test_rafah_crossing_and_israels_army_place_no_contributor(gaz: Gazetteer) -> None:
    assert not leads("Ізраїльські військові перебувають у Рафаху біля пункту пропуску «Рафах».", gaz)


def test_a_ukrainian_article_is_read_not_listed_as_unread(gaz: Gazetteer) -> None:
    from mapview.ingest.extract import extract_all

    text = ("Індонезія готує тисячі військових для місії в Газі, повідомляє ізраїльський мовник. За його даними, "
            "індонезійські військові будуть розміщені між Рафахом і Хан-Юнісом. Основні завдання військових — "
            "медична допомога та інженерні роботи, а також підготовка поліції.\n")
    result = extract_all(text, gaz, source="x.txt")
    assert (result.language.code, result.language.read) == ("uk", True)
    assert result.notice is None
    assert {(f.nation, f.role) for f in result.findings if f.role == "lead"} == {("Indonesia", "lead")}
