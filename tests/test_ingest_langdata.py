"""The language files: every file loads, its patterns compile, and its names reach the gazetteer."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from mapview.data.nations import NATIONS_BY_NAME
from mapview.ingest import langdata
from mapview.ingest.extract import extract_all

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


# The tables that keep false leads and wrong statuses out (mapview/ingest/langdata.py says what each does). Every
# language file fills each, or names it under [not_applicable] with the reason its language reads it otherwise (a
# negation after the sector in a verb-final language, a border word after the name): a language file added later
# cannot silently miss one.
SAFETY_TABLES = (
    "cues.negation", "cues.not_nation", "cues.not_at", "cues.correction", "cues.border_of", "cues.crossing",
    "cues.opposed", "cues.not_opposed", "cues.own_border", "cues.offer", "cues.civilian", "cues.past",
    "cues.person", "cues.shared", "cues.at_place", "cues.leave", "status.not_denied", "status.relayed",
    "speakers.governed",
)


def _safety_gaps(path: Path) -> list[str]:
    """What a language file lacks: safety tables neither filled nor named not applicable with a reason, and
    not-applicable entries that are no safety table, have no reason, or name a table the file fills."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    not_applicable = data.get("not_applicable", {})
    gaps = [f"{name}: listed as not applicable without a one-line reason" for name, reason in not_applicable.items()
            if not isinstance(reason, str) or not reason.strip() or "\n" in reason]
    gaps += [f"{name}: not a safety table" for name in not_applicable if name not in SAFETY_TABLES]
    for name in SAFETY_TABLES:
        section, kind = name.split(".")
        filled = bool(data.get(section, {}).get(kind))
        if filled and name in not_applicable:
            gaps.append(f"{name}: filled and listed as not applicable")
        elif not filled and name not in not_applicable:
            gaps.append(f"{name}: empty; fill it or list it under [not_applicable] with the reason")
    return gaps


@pytest.mark.parametrize("path", sorted(langdata.LANG_DIR.glob("*.toml")), ids=lambda p: p.stem)
def test_every_language_file_has_each_safety_table_or_says_why_not(path: Path) -> None:
    assert _safety_gaps(path) == []


def test_a_language_file_missing_a_safety_table_is_caught(tmp_path: Path) -> None:
    bad = tmp_path / "xx.toml"
    bad.write_text("[language]\ncode = 'xx'\n[cues]\nlead = ['x']\nnegation = ['ne']\n[status]\nrelayed = []\n"
                   "[not_applicable]\n\"cues.past\" = \"\"\n\"cues.negation\" = \"verb-final\"\n", encoding="utf-8")
    gaps = _safety_gaps(bad)
    assert "cues.past: listed as not applicable without a one-line reason" in gaps
    assert "cues.negation: filled and listed as not applicable" in gaps
    assert "status.relayed: empty; fill it or list it under [not_applicable] with the reason" in gaps
    assert "cues.crossing: empty; fill it or list it under [not_applicable] with the reason" in gaps


@pytest.mark.parametrize("text", [
    "a indiqué le porte-parole",  # a stem "Indi*" (Albanian CLDR "Indi") read French "indiqué" as India
    "officials indicated", "indicó el portavoz", "ha indicato il ministro",
    "Pope Francis", "Francesco Rocca", "Katarina", "a franchise",  # a stem "Franc*" or "Katar*" would
    "وقال إن التركيز سينصب على", "تركيب المعدات",  # "تركي*" read focus and installation as Turkey
    "مؤسسة هند رجب",  # Persian هند (India) is the Arabic name Hind
    "叙利亚首都大马士革",  # 大马 (Malaysia, colloquial) stands inside Damascus
    "הודות לכך", "גורמים הודו כי",  # Hebrew הודו, India in CLDR, is also "they admitted"; its stem read "thanks to"
])
def test_a_common_word_of_reporting_names_no_nation(gaz, text: str) -> None:
    assert [m.key for m in gaz.find_nations(text)] == []


@pytest.mark.parametrize(("text", "key"), [
    ("Ushtarët e Azerbajxhanit", "Azerbaijan"),  # Albanian declines names: genitive
    ("ushtarët azerbajxhanas", "Azerbaijan"),
    ("trupat pakistaneze", "Pakistan"),
    ("Qeveria e Kazakistanit", "Kazakhstan"),
    ("والمسؤولون التركيون", "Turkey"),
    ("الجنود الأتراك", "Turkey"),
    ("החיילים ההודים", "India"),
    ("الجيش الهندي", "India"),
])
def test_an_inflected_name_or_demonym_is_read(gaz, text: str, key: str) -> None:
    assert [m.key for m in gaz.find_nations(text)] == [key]


@pytest.mark.parametrize(("text", "names"), [
    ("라파엘 그로시 사무총장은", []),  # Rafael (Grossi; the Israeli arms maker) is no Rafah
    ("ラファエル・グロッシ事務局長", []),  # katakana going on: a longer word
    ("拉法耶特", []),  # Lafayette
    ("인도네시아군은 라파에 배치된다", ["rafah", "Indonesia"]),  # a particle after the name: still the name
    ("ラファ・ゲートに展開", ["rafah"]),
    ("印尼军队将部署在拉法地区。", ["rafah", "Indonesia"]),
])
def test_an_unspaced_name_inside_a_longer_word_is_not_read(gaz, text: str, names: list[str]) -> None:
    assert [m.key for m in [*gaz.find_sectors(text), *gaz.find_nations(text)]] == names


@pytest.mark.parametrize(("text", "nation", "sector"), [
    ("Islamabad will send troops to Khan Younis.", "Pakistan", "khan-yunis"),
    ("Bakú enviará soldados a Deir al Balah.", "Azerbaijan", "deir-al-balah"),
    ("Bakou enverra des soldats à Deir el-Balah.", "Azerbaijan", "deir-al-balah"),
    ("Джакарта направит войска в Рафах.", "Indonesia", "rafah"),
    ("자카르타는 라파에 군을 파병할 예정이다.", "Indonesia", "rafah"),
    ("ジャカルタはラファに部隊を派遣する。", "Indonesia", "rafah"),
    ("雅加达将向拉法派遣部队。", "Indonesia", "rafah"),
])
def test_a_contributors_capital_standing_for_its_government_is_the_nation(gaz, text: str, nation: str,
                                                                         sector: str) -> None:
    """The press writes a contributor's capital for its government ("Jakarta will send troops"), in every script."""
    found = [(f.nation, f.sector) for f in extract_all(text, gaz).findings if f.role == "lead"]
    assert found == [(nation, sector)]


@pytest.mark.parametrize("text", [
    "Talks were held in Islamabad on Rafah.",
    "Переговоры в Баку касались Рафаха.",
])
def test_a_capital_where_something_happens_places_no_one(gaz, text: str) -> None:
    assert [f for f in extract_all(text, gaz).findings if f.role == "lead"] == []


def test_every_cue_pattern_of_every_file_compiles_on_its_own():
    langdata.check_cues()  # a ValueError would name the file, table and pattern


def test_a_bad_pattern_in_a_file_read_at_start_is_named_when_its_table_is_built(tmp_path, monkeypatch):
    from mapview.ingest import cues

    (tmp_path / "en.toml").write_bytes((langdata.LANG_DIR / "en.toml").read_bytes())
    (tmp_path / "xx.toml").write_text("[language]\ncode = 'xx'\n[cues]\nlead = ['(unclosed']\n", encoding="utf-8")
    monkeypatch.setattr(langdata, "LANG_DIR", tmp_path)
    langdata.languages.cache_clear()
    cues.cue_set.cache_clear()
    try:
        assert "xx" in langdata.languages()  # read at start without compiling each pattern apart
        with pytest.raises(ValueError, match=r"xx\.toml \[cues\] lead: '\(unclosed'"):
            cues.cue_set(None).lead  # noqa: B018
    finally:
        langdata.languages.cache_clear()
        cues.cue_set.cache_clear()


@pytest.mark.parametrize(("table", "named"), [
    ("[speakers]\nspeech = ['said', '(unclosed']\n", r"xx\.toml \[speakers\] speech: '\(unclosed'"),
    ("[speakers.kinds]\ngovernment = ['minister[']\n", r"xx\.toml \[speakers\] kinds government: 'minister\['"),
    ("[status]\nhedges = ['may', 'could+?+']\n", r"xx\.toml \[status\] hedges: 'could\+\?\+'"),
])
def test_a_bad_speaker_or_status_pattern_is_named_when_its_tables_are_built(tmp_path, table: str, named: str):
    """The speaker and status tables name a pattern that does not compile by its file, table and text, as the cue
    tables do, instead of a bare regex error from a table built of forty files."""
    from mapview.ingest import attribution

    (tmp_path / "en.toml").write_bytes((langdata.LANG_DIR / "en.toml").read_bytes())
    (tmp_path / "xx.toml").write_text("[language]\ncode = 'xx'\n" + table, encoding="utf-8")
    attribution.load_tables.cache_clear()
    try:
        with pytest.raises(ValueError, match=named):
            attribution.load_tables(tmp_path, frozenset({"en", "xx"}))
        assert attribution.load_tables(tmp_path, frozenset({"en"})).hedges.search("it may be")  # xx not read
    finally:
        attribution.load_tables.cache_clear()
