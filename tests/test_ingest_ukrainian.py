"""Ukrainian: told apart from Russian, and a Ukrainian article read (placements, their status and traps,
sentence by sentence: tests/ingest_cases/uk.toml).

Sentences are composed for these tests in Ukrainian (not copied from any article). Expected values are
(nation, sector, role, status) as the status engine words them: a nation's own ministry stating a placement confirms
it, a hedge never does, an outlet relaying it reports it.
"""

from __future__ import annotations

from mapview.ingest.gazetteer import Gazetteer
from mapview.ingest.langdata import detect_language

UK_PARAGRAPH = ("Міністр оборони Індонезії заявив, що індонезійські військові також будуть розміщені у Рафаху. "
                "Це рішення було ухвалене після консультацій, які тривали вже кілька тижнів, і воно стосується "
                "лише тих підрозділів, що були відібрані для місії щодо стабілізації Сектору Гази.")
RU_PARAGRAPH = ("Министр обороны Индонезии заявил, что индонезийские военные также будут размещены в Рафахе. "
                "Это решение было принято после консультаций, которые длились уже несколько недель, и оно касается "
                "лишь тех подразделений, что были отобраны для миссии по стабилизации сектора Газа.")


def test_ukrainian_is_told_from_russian_both_ways() -> None:
    uk = detect_language(UK_PARAGRAPH)
    assert (uk.code, uk.read) == ("uk", True)
    assert detect_language(RU_PARAGRAPH).code == "ru"


def test_a_ukrainian_article_is_read_not_listed_as_unread(gaz: Gazetteer) -> None:
    from mapview.ingest.extract import extract_all

    text = ("Індонезія готує тисячі військових для місії в Газі, повідомляє ізраїльський мовник. За його даними, "
            "індонезійські військові будуть розміщені між Рафахом і Хан-Юнісом. Основні завдання військових — "
            "медична допомога та інженерні роботи, а також підготовка поліції.\n")
    result = extract_all(text, gaz, source="x.txt")
    assert (result.language.code, result.language.read) == ("uk", True)
    assert result.notice is None
    assert {(f.nation, f.role) for f in result.findings if f.role == "lead"} == {("Indonesia", "lead")}
