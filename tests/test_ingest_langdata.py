"""The language files: every file loads, its patterns compile, and its names reach the gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest

from mapview.data.nations import NATIONS_BY_NAME
from mapview.ingest import langdata

ROOT = Path(__file__).resolve().parents[1]


def test_every_language_file_loads_and_names_only_registry_nations():
    langs = langdata.languages()
    assert {"en", "ar", "tr", "sq", "id"} <= set(langs)
    for lang in langs.values():
        assert set(lang.nations) <= set(NATIONS_BY_NAME), lang.code
        assert lang.cue("lead"), f"{lang.code} has no lead cues"


def test_a_bad_pattern_names_its_file(tmp_path):
    bad = tmp_path / "xx.toml"
    bad.write_text("[language]\ncode = 'xx'\n[cues]\nlead = ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"xx\.toml \[cues\] lead"):
        langdata.read_language(bad)


def test_cldr_names_and_abbreviations_are_read(gaz):
    def nations(text: str) -> list[str]:
        return [m.key for m in gaz.find_nations(text)]

    assert nations("Menlu RI menyatakan") == ["Indonesia"]  # abbreviation from id.toml
    assert nations("Pasukan TNI tiba") == ["Indonesia"]
    assert nations("KSF units") == ["Kosovo"]
    assert nations("ri") == []  # short abbreviations match only with their case
    assert nations("Uni Emirat Arab dan Perserikatan Bangsa-Bangsa") == ["United Arab Emirates", "United Nations"]


def test_a_word_the_articles_language_shares_shows_no_other_language() -> None:
    # "di" is an Indonesian and an Italian stopword: an Indonesian sentence is not read with Italian tables too
    sentence = "Pasukan Indonesia akan ditempatkan di Rafah, sedangkan Maroko di Khan Younis."
    assert langdata.sentence_language(sentence, frozenset({"id", "ms"})) is None


@pytest.mark.parametrize(("text", "sector"), [
    ("החיילים האלבנים יוצבו בדיר אל בלח.", "deir-al-balah"),  # the file lists it with a hyphen and a space
    ("יוצבו בדיר אל־בלח", "deir-al-balah"),  # Hebrew maqaf
    ("בחאן-יונס", "khan-yunis"),
    ("خان-يونس", "khan-yunis"),
    ("Dair al-Balah", "deir-al-balah"),
    ("Khan Yunes", "khan-yunis"),
    ("Gaza del Norte", "north-gaza"),
])
def test_a_sector_name_matches_with_a_space_a_hyphen_or_a_maqaf(gaz, text: str, sector: str) -> None:
    assert [m.key for m in gaz.find_sectors(text)] == [sector]


@pytest.mark.parametrize(("text", "key"), [
    ("ח'אן יונס", "khan-yunis"),  # listed next to "חאן יונס": each spelling is compiled
    ("ח׳אן יונס", "khan-yunis"),  # Hebrew geresh
    ("אזרבייג'ן", "Azerbaijan"),  # CLDR writes it with a geresh, news often with an apostrophe
    ("Azerbaycanlı askerler", "Azerbaijan"),
])
def test_a_name_matches_with_either_apostrophe(gaz, text: str, key: str) -> None:
    assert [m.key for m in [*gaz.find_sectors(text), *gaz.find_nations(text)]] == [key]


@pytest.mark.parametrize(("text", "key"), [
    ("اندونزي", "Indonesia"),  # Persian typed with the Arabic yeh
    ("انڈونيشيا", "Indonesia"),  # Urdu typed with the Arabic yeh
    ("مراكش", "Morocco"),  # Persian/Urdu name typed with the Arabic kaf
    ("إندونيسيا", "Indonesia"),  # Arabic as written
])
def test_an_arabic_script_name_matches_with_either_yeh_or_kaf(gaz, text: str, key: str) -> None:
    assert [m.key for m in gaz.find_nations(text)] == [key]
