"""Who says a passage and how, as ingest reads it (mapview/ingest/attribution.py over the language files)."""

from __future__ import annotations

import tomllib

import pytest

from mapview.ingest.attribution import LANG_DIR, detect, load_tables
from mapview.ingest.gazetteer import Gazetteer


def said(text: str, nation: str | None, gaz: Gazetteer) -> tuple[str, str, str]:
    a = detect(text, 0, len(text), nation, gaz.find_nations).attribution
    return a.said_by, a.manner, a.speaker


def test_every_language_file_has_status_and_speaker_tables() -> None:
    for path in sorted(LANG_DIR.glob("*.toml")):
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        assert doc["status"]["hedges"] and doc["status"]["denials"], path.name
        assert doc["speakers"]["speech"] and doc["speakers"]["kinds"]["government"], path.name


def test_a_place_before_according_to_is_not_who_speaks(gaz: Gazetteer) -> None:
    # "Rafah, according to Israeli media": the speaker stands after "according to"; Israel names the outlet
    assert said("Turkey could be responsible for Rafah, according to Israeli media.", "Turkey", gaz)[:2] == (
        "media", "hedged")


def test_the_same_office_is_the_nations_own_or_another_governments(gaz: Gazetteer) -> None:
    assert said("Kosovo's defence ministry said Kosovo will lead North Gaza.", "Kosovo", gaz)[0] == "nation-official"
    assert said("Serbia's defence ministry said Kosovo will lead North Gaza.", "Kosovo", gaz)[0] in (
        "other-government",)  # Serbia is not in the registry: no nation, so not Kosovo's own either


@pytest.mark.parametrize("text", [
    "Selon Le Monde, l'armée indonésienne sera déployée à Rafah.",
    "Laut Spiegel, die indonesische Armee wird in Rafah stationiert.",
    "Hürriyet'e göre, Endonezya ordusu Refah'ta konuşlanacak.",
    "Menurut Kompas, prajurit TNI akan ditempatkan di Rafah.",
    "Menurut Kosmo, tentera Indonesia akan ditempatkan di Rafah.",
])
def test_an_outlet_named_as_a_source_is_no_official_of_the_army_it_reports_on(text: str, gaz: Gazetteer) -> None:
    # the word for troops after the comma closing "according to X" is what is said, not X's title (h94)
    assert said(text, "Indonesia", gaz)[0] == "media"


def test_a_denial_is_read_in_the_clause_and_beats_a_hedge(gaz: Gazetteer) -> None:
    assert said("Albania denied reports that it may lead the Deir al-Balah sector.", "Albania", gaz)[1] == "denied"


def test_an_unknown_speaker_kind_in_a_language_file_is_refused(tmp_path) -> None:
    (tmp_path / "xx.toml").write_text('[speakers.kinds]\npope = ["pope"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown speaker kinds"):
        load_tables(tmp_path)


@pytest.mark.parametrize("text", [
    "Indonesian troops will be deployed in Rafah, reported the newspaper Haaretz.",
    "As tropas indonésias serão destacadas para Rafah, informou o jornal Haaretz.",
    "Las tropas indonesias serán desplegadas en Rafah, informó el diario Haaretz.",
])
def test_the_place_before_a_verb_first_attribution_is_not_the_speaker(gaz: Gazetteer, text: str) -> None:
    # the reader is shown who said it: the outlet and its name, never "Rafah, newspaper"
    said_by, _, speaker = said(text, "Indonesia", gaz)
    assert said_by == "media"
    assert "Rafah" not in speaker and speaker.endswith("Haaretz")


def test_a_nation_after_an_outlets_kind_is_not_its_name(gaz: Gazetteer) -> None:
    # "truyền thông Israel" is Israeli media: no outlet named; and "đưa" (lower case, Latin Extended-A) is no name
    said_by, _, speaker = said("Binh sĩ Indonesia sẽ được triển khai tại Rafah, truyền thông Israel đưa tin.",
                               "Indonesia", gaz)
    assert (said_by, speaker) == ("media", "truyền thông")
