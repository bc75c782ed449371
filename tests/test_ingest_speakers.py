"""A speaker is not the contingent (issue #20): "The US military, which runs the CMCC, said the troops would be
stationed in Rafah" places nobody's named troops, or the contingent of the sentence before; the speaker's nation
becomes the contingent's only with a possessive ("its troops", "قواتها", "ses soldats"). A third party never
confirms for a nation, and what a relative clause names ("which runs the CMCC") is not who speaks.

Sentences are written for these tests, in the manner of ISF reporting in each language.
"""

from __future__ import annotations

import pytest

from mapview.ingest.attribution import HOME_PRESS
from mapview.ingest.extract import extract_all

BEFORE = "Indonesia will send 8,000 soldiers to Gaza next month. "


def _leads(text: str, gaz) -> set[tuple[str | None, str, str]]:
    return {(f.nation, f.sector, f.status) for f in extract_all(text, gaz).findings if f.role == "lead"}


@pytest.mark.parametrize("text", [
    "The US military, which runs the CMCC, said the troops would be stationed in Rafah.",
    "The US military said the troops would be stationed in Rafah.",
    "The Egyptian foreign ministry said the troops would be stationed in Rafah.",
    "وقال الجيش الأمريكي، الذي يدير مركز التنسيق، إن القوات ستتمركز في رفح.",
    "أعلنت وزارة الخارجية المصرية أن القوات ستتمركز في رفح.",
    "Kementerian Luar Negeri Mesir mengatakan pasukan itu akan ditempatkan di Rafah.",
    "L'armée américaine, qui dirige le CMCC, a déclaré que les troupes seraient stationnées à Rafah.",
    "Das US-Militär, welches das CMCC leitet, sagte, die Truppen würden in Rafah stationiert.",
    "El ejército estadounidense, que dirige el CMCC, dijo que las tropas serían desplegadas en Rafah.",
    # Turkish closes the clause with the verb: the speaker's phrase ends at the comma
    "ABD ordusu, bu hafta yaptığı açıklamada, askerlerin Refah'ta konuşlanacağını ve bu bölgede görev "
    "yapacağını açıkladı.",
])
def test_a_speaker_is_not_the_contingent_it_speaks_of(gaz, text: str) -> None:
    extraction = extract_all(text, gaz)
    assert [f.label() for f in extraction.findings if f.role == "lead"] == []
    assert extraction.mentions  # the sentence names a nation and a sector: listed for a reviewer


def test_the_troops_spoken_of_are_the_contingent_named_before_and_the_speaker_confirms_nothing(gaz) -> None:
    for speaker in ("The US military, which runs the CMCC,", "The US military",
                    "The Egyptian army, which trains the police,"):
        text = BEFORE + f"{speaker} said the troops would be stationed in Rafah."
        assert _leads(text, gaz) == {("Indonesia", "rafah", "reported")}, speaker


@pytest.mark.parametrize(("text", "sector", "status"), [
    ("Indonesia's army chief said Indonesian troops will be stationed in Rafah.", "rafah", "confirmed"),
    ("Indonesia said its troops would be deployed to Khan Yunis.", "khan-yunis", "confirmed"),
    ("Indonesia said it would send troops to Rafah.", "rafah", "confirmed"),
    ("وقال رئيس أركان الجيش الإندونيسي إن القوات الإندونيسية ستتمركز في رفح.", "rafah", "confirmed"),
    ("أعلنت إندونيسيا أن قواتها ستتمركز في خان يونس.", "khan-yunis", "confirmed"),
    ("Panglima TNI mengatakan pasukan Indonesia akan ditempatkan di Rafah.", "rafah", "confirmed"),
    ("L'Indonésie a annoncé que ses soldats seront stationnés à Rafah.", "rafah", "confirmed"),
    ("Endonezya, askerlerinin Refah'ta konuşlanacağını ve bu bölgede görev yapacağını açıkladı.", "rafah",
     "confirmed"),
    # the speaker is the subject of what it says when that names no troops of its own
    ("Albania denied reports that it would lead the Deir al-Balah sector.", "deir-al-balah", "denied"),
    # a nation before "officials told": the officials speak, the nation is placed
    ("Deir al-Balah will be led by Albania, three officials told Reuters.", "deir-al-balah", "reported"),
])
def test_a_nation_placing_its_own_troops_or_named_again_keeps_its_lead(gaz, text: str, sector: str,
                                                                         status: str) -> None:
    nation = "Albania" if "Alban" in text else "Indonesia"
    assert _leads(text, gaz) == {(nation, sector, status)}



@pytest.mark.parametrize("text, said_by, speaker, status", [
    # an office named without its nation in English, a language of many nations: whose it is, is not said
    ("The ministry said Indonesia will deploy troops to Rafah.", "official", "ministry", "reported"),
    ("Indonesian troops will be stationed in Rafah, the defence ministry said.", "official", "defence ministry",
     "reported"),
    # Turkey's foreign minister, named without "Turkish": the nation of what he says is not his
    ("Foreign Minister Hakan Fidan said Indonesian troops will be stationed in Rafah.", "official",
     "Hakan Fidan, Foreign Minister", "reported"),
    ("Dışişleri Bakanı Hakan Fidan, Endonezya askerlerinin Refah'ta konuşlanacağını söyledi.", "official",
     "Dışişleri Bakanı", "reported"),
    # in Indonesia's own language, its press writes its own ministry without the nation: the home nation's,
    # and the speaker says that this was taken from the language
    ("Kementerian Pertahanan mengatakan pasukan Indonesia akan ditempatkan di Rafah.", "nation-official",
     f"Kementerian Pertahanan (Indonesia: {HOME_PRESS})", "confirmed"),
    ("Menteri Pertahanan Sjafrie Sjamsoeddin mengatakan pasukan Indonesia akan ditempatkan di Rafah.",
     "nation-official", f"Sjafrie Sjamsoeddin, Menteri Pertahanan (Indonesia: {HOME_PRESS})", "confirmed"),
    # the same office in Indonesian with Turkey named is Turkey's
    ("Menteri Luar Negeri Turki Hakan Fidan mengatakan pasukan Indonesia akan ditempatkan di Rafah.",
     "other-government", "Hakan Fidan, Menteri Luar Negeri (Turkey)", "reported"),
])
def test_an_office_named_without_its_nation_confirms_only_in_that_nations_own_language(
        gaz, text: str, said_by: str, speaker: str, status: str) -> None:
    """An office the article gives no nation is not taken as the nation the passage places: that would let a third
    party ("Foreign Minister Hakan Fidan", Turkey's) confirm for Indonesia. Only a report in the nation's own
    language (``[speakers] home``) writes its own offices so."""
    context = "Preparations for the Gaza International Stabilization Force continue.\n\n"
    found = [f for f in extract_all(context + text, gaz).findings if f.role == "lead"]
    assert [(f.nation, f.sector, f.attribution.said_by, f.attribution.speaker, f.status) for f in found] == [
        ("Indonesia", "rafah", said_by, speaker, status)]


def test_an_office_with_its_nation_named_is_not_marked_assumed(gaz) -> None:
    """The nation stated with the office is read, not assumed."""
    text = "Indonesian Defence Minister Sjafrie Sjamsoeddin said Indonesian troops will be stationed in Rafah."
    found = [f for f in extract_all(text, gaz).findings if f.role == "lead"]
    assert [(f.nation, f.attribution.speaker, f.status) for f in found] == [
        ("Indonesia", "Sjamsoeddin, Defence Minister (Indonesia)", "confirmed")]


@pytest.mark.parametrize("text, said_by, status", [
    # the office named earlier without its nation: what it said then does not give it one now
    ("Foreign Minister Hakan Fidan said Indonesian troops would come. Later the foreign minister said Indonesian "
     "troops will be stationed in Rafah.", "official", "reported"),
    ("Turkish Foreign Minister Hakan Fidan said Indonesian troops would come. Later the foreign minister said "
     "Indonesian troops will be stationed in Rafah.", "other-government", "reported"),
    ("Indonesia's Foreign Minister Sugiono spoke in Ankara. Later the foreign minister said Indonesian troops will "
     "be stationed in Rafah.", "nation-official", "confirmed"),
])
def test_an_office_named_before_takes_the_nation_written_with_it_then(gaz, text: str, said_by: str,
                                                                      status: str) -> None:
    found = [f for f in extract_all(text, gaz).findings if f.role == "lead"]
    assert [(f.nation, f.sector, f.attribution.said_by, f.status) for f in found] == [
        ("Indonesia", "rafah", said_by, status)]


@pytest.mark.parametrize("text, said_by, status", [
    # the nation placed in what is said, before the comma, is not the nation of the office that says it
    ("Albania will lead the Deir al-Balah sector, Prime Minister Benjamin Netanyahu said.", "official", "reported"),
    ("Albania will lead the Deir al-Balah sector, Albanian Prime Minister Edi Rama said.", "nation-official",
     "confirmed"),
    ("Albania will lead the Deir al-Balah sector, the prime minister of Albania said.", "nation-official",
     "confirmed"),
])
def test_a_nation_across_a_comma_is_not_the_offices(gaz, text: str, said_by: str, status: str) -> None:
    found = [f for f in extract_all(text, gaz).findings if f.role == "lead"]
    assert [(f.nation, f.sector, f.attribution.said_by, f.status) for f in found] == [
        ("Albania", "deir-al-balah", said_by, status)]


@pytest.mark.parametrize("text, said_by", [
    # "according to" is no preposition governing a place: the nation after it speaks
    ("According to Indonesia, its troops will be stationed in Rafah.", "nation-official"),
    ("Indonesian troops will be stationed in Rafah, according to Indonesia's defence ministry.", "nation-official"),
    # the UN is where the envoy serves, not who speaks
    ("Indonesia's envoy to the UN said Indonesian troops will be stationed in Rafah.", "nation-official"),
])
def test_a_governed_name_leaves_according_to_and_the_offices_own_nation(gaz, text: str, said_by: str) -> None:
    found = [f for f in extract_all(text, gaz).findings if f.role == "lead"]
    assert [(f.nation, f.sector, f.attribution.said_by) for f in found] == [("Indonesia", "rafah", said_by)]


@pytest.mark.parametrize("text", [
    "Le forze indonesiane saranno di stanza a Rafah, secondo il Times of Israel.",
    "Pasukan Indonesia akan ditempatkan di Rafah, menurut Times of Israel.",
    "Las tropas indonesias se desplegarán en Rafah, según el Jerusalem Post.",
])
def test_an_outlets_name_holding_a_country_is_the_outlet_in_any_language(gaz, text: str) -> None:
    """"Times of Israel" in an Italian, Indonesian or Spanish text is an outlet (media), not Israel's government."""
    leads = [f for f in extract_all(text, gaz).findings if f.role == "lead"]
    assert [(f.nation, f.sector) for f in leads] == [("Indonesia", "rafah")]
    assert leads[0].attribution.said_by == "media"
    assert leads[0].attribution.speaker in {"Times of Israel", "Jerusalem Post"}
