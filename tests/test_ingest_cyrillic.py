"""Cyrillic-script languages (ru, uk, kk, sr): nation stems that must not read other words, and Ukrainian told from
Russian by the letters each alphabet lacks.

Names are read in every text, so a stem from any Cyrillic file ("Катар*", "Инди*", "Франци*") reads every Cyrillic
text. Sentences are composed for these tests (not copied from any article); the expected nations were checked by
reading them: a personal name, a pope, a city, a bird or a device is no nation.
"""

from __future__ import annotations

import pytest

from mapview.ingest.gazetteer import Gazetteer
from mapview.ingest.langdata import detect_language

NOT_NATIONS = [
    "Катарина Иванова",  # ru: a woman's name, not Qatar
    "Катарині Петренко",  # uk: the same name, dative
    "врачи лечат катаракту",  # ru: cataract
    "Папа Римский Франциск",  # ru/uk: Pope Francis, not France
    "в Сан-Франциско",  # ru: San Francisco
    "индикатор и индивид",  # ru: not India
    "штат Индиана",  # ru: Indiana
    "штат Індіана, індіанці",  # uk: Indiana, Native Americans
    "египтолог Андрей Косов",  # ru: an Egyptologist and the surname Kosov, neither Egypt nor Kosovo
    "el egiptólogo y un egiptolog",  # es, sr (Latin): Egyptologists
    "Катарина Јовановић",  # sr (Cyrillic): a woman's name
]


@pytest.mark.parametrize("text", NOT_NATIONS)
def test_a_cyrillic_stem_never_reads_another_word(gaz: Gazetteer, text: str) -> None:
    assert [(m.key, m.surface) for m in gaz.find_nations(text)] == []


INFLECTED = [
    ("в Катаре, из Катара, Катару, с Катаром", ["Qatar"] * 4),  # ru
    ("у Катарі, з Катару", ["Qatar"] * 2),  # uk
    ("Катарға, Катардың, Катарда", ["Qatar"] * 3),  # kk
    ("у Катару, из Катара", ["Qatar"] * 2),  # sr
    ("из Марока, у Мароку, с Мароком", ["Morocco"] * 3),  # sr (Cyrillic: CLDR's Мароко inflects)
    ("в Индии, Индию, с Индией, у Індії, Індію, індійські", ["India"] * 6),  # ru, uk
    ("во Франции, Францию, у Франції, Францією", ["France"] * 4),  # ru, uk
    ("в Косово, у Косові, з Косова", ["Kosovo"] * 3),  # ru, uk
    ("z Egiptu, w Egipcie, din Egipt, Egiptului", ["Egypt"] * 4),  # pl, ro
    ("из Египта, в Египте, у Єгипті", ["Egypt"] * 3),  # ru, uk
]


@pytest.mark.parametrize(("text", "nations"), INFLECTED)
def test_the_names_inflected_forms_are_still_read(gaz: Gazetteer, text: str, nations: list[str]) -> None:
    assert [m.key for m in gaz.find_nations(text)] == nations


# uk: "Peace by Washington's plan: Malaysia prepares to send up to 3000 troops to Gaza. ..." (a headline and one
# sentence, as short news items are). Its stopwords on, v, za, a are Russian and Serbian ones too.
UK_SHORT = ("Мир за планом Вашингтона: Малайзія готує на відправку в Газу до 3000 військових. Армія Малайзії відбирає "
            "солдатів на місію в Газі, а строки розгортання залежать від координації з партнерами за кордоном.")
RU_SHORT = ("Армия Индонезии готовит до 8000 солдат, которые могут быть размещены в Рафахе. По словам начальника "
            "штаба, план пока что предварительный, а численность войск зависит от дальнейшей координации на месте.")


def test_ukrainian_with_russian_like_stopwords_is_read_as_ukrainian() -> None:
    # і, ї, є are letters Russian and Serbian never write; ы, э letters Ukrainian never writes
    assert (detect_language(UK_SHORT).code, detect_language(UK_SHORT).read) == ("uk", True)
    assert detect_language(RU_SHORT).code == "ru"


def test_a_ukrainian_sentence_in_a_ukrainian_article_shows_no_russian() -> None:
    from mapview.ingest.langdata import sentence_language

    sentence = "Армія Малайзії відбирає солдатів на місію в Газі, а строки залежать від координації за кордоном."
    assert sentence_language(sentence, frozenset({"uk"})) is None


