"""The co-occurrence fallback (extract.cooccurrence_leads): one nation's troops and one sector named in one clause
with no placing words give a lead marked as co-occurrence, never confirmed; two nations, a crossing, a hospital, a
negation, a border, history, a denial, a trainer or a party's troops give none. Sentences written for these
tests (headline-like wordings no cue rule reads); the expected leads are read off the sentences."""

from __future__ import annotations

import pytest

from mapview.ingest.extract import COOCCURRENCE, cooccurrence_leads, extract
from mapview.ingest.gazetteer import Gazetteer
from mapview.ingest.langdata import read_as


def leads(text: str, gaz: Gazetteer) -> set[tuple[str | None, str, str, str]]:
    return {f.label() for f in extract(text, gaz) if f.role == "lead"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Indonesian troops for Rafah, says minister.", {("Indonesia", "rafah", "lead", "reported")}),
    ("Pasukan TNI untuk Rafah, kata menteri pertahanan.", {("Indonesia", "rafah", "lead", "reported")}),
    ("Endonezya askerleri ve Refah: bilinenler.", {("Indonesia", "rafah", "lead", "reported")}),
    ("Des soldats indonésiens pour Rafah, selon le ministre.", {("Indonesia", "rafah", "lead", "reported")}),
    ("Indonesische Soldaten für Rafah, sagt der Minister.", {("Indonesia", "rafah", "lead", "reported")}),
    ("جنود إندونيسيون في رفح بحسب الوزير.", {("Indonesia", "rafah", "lead", "reported")}),
    # a hedge makes it speculative, as everywhere (the one status engine)
    ("Rafah could soon see Indonesian soldiers on its streets.", {("Indonesia", "rafah", "lead", "speculative")}),
    # one site between two sectors: one claim, both sectors its area
    ("Indonesian troops between Rafah and Khan Yunis, the report says.",
     {("Indonesia", "rafah", "lead", "reported"), ("Indonesia", "khan-yunis", "lead", "reported")}),
])
def test_one_nations_troops_and_one_sector_give_a_marked_lead(gaz: Gazetteer, text: str, expected: set) -> None:
    found = [f for f in extract(text, gaz) if f.role == "lead"]
    assert {f.label() for f in found} == expected
    assert all(f.cues[0] == COOCCURRENCE for f in found)  # the reviewer sees where it came from


def test_the_site_between_two_sectors_is_one_area(gaz: Gazetteer) -> None:
    found = extract("Indonesian troops between Rafah and Khan Yunis, the report says.", gaz)
    assert {f.area for f in found} == {("rafah", "khan-yunis")}


@pytest.mark.parametrize("text", [
    "The Indonesian government officially confirmed: Indonesian troops for Rafah.",
    "Indonesia's defence minister confirmed Indonesian troops for Rafah.",
])
def test_co_occurrence_never_confirms(gaz: Gazetteer, text: str) -> None:
    """An official said the sentence; that the troops are placed in the sector is only read into it."""
    assert leads(text, gaz) == {("Indonesia", "rafah", "lead", "reported")}


@pytest.mark.parametrize("text", [
    "Pasukan Indonesia dan Maroko untuk Rafah, kata menteri.",  # two nations
    "Indonesian and Moroccan troops for Rafah, says minister.",  # two nations, a list
    "Indonesian troops for Rafah and Khan Yunis, says minister.",  # two sectors, not one site between them
    "Pasukan Indonesia untuk perlintasan Rafah, kata menteri.",  # the Rafah crossing
    "Indonesian troops for the Rafah crossing, says minister.",  # the Rafah crossing
    "Des soldats indonésiens de l'hôpital de campagne pour Rafah.",  # a field hospital
    "Indonesian field hospital troops for Rafah, says minister.",  # a field hospital
    "Indonesische Soldaten nicht für Rafah, sagt der Minister.",  # a negation
    "Indonesian troops, not for Rafah, says minister.",  # a negation
    "The Indonesian defence minister said Indonesian troops for Rafah were not planned.",  # a negation
    "Indonesia denied that Indonesian troops were headed for Rafah.",  # a denial
    "Indonesian troops for the Rafah border, says minister.",  # a border
    "Indonesian troops in Rafah until 2019, the archive shows.",  # history
    "Egypt will train Gaza police officers for Rafah.",  # a trainer, not a contingent
    "Jakarta - Israeli troops entered Rafah on Tuesday.",  # the troops are the party's, nearer them
    "Indonesian volunteers and Rafah: a report.",  # no word for troops or police
])
def test_no_lead_where_a_trap_applies(gaz: Gazetteer, text: str) -> None:
    assert not [f for f in extract(text, gaz) if f.cues[:1] == (COOCCURRENCE,)]
    assert not {lab for lab in leads(text, gaz) if lab[3] != "denied"}


def test_a_cue_rules_finding_is_not_repeated(gaz: Gazetteer) -> None:
    """Where a cue rule proposed the (nation, sector) in the sentence, the fallback adds nothing."""
    found = extract("Indonesian troops will be stationed in Rafah.", gaz)
    assert {f.label() for f in found} == {("Indonesia", "rafah", "lead", "reported")}
    assert found[0].cues[0] != COOCCURRENCE
    text = "Indonesian troops for Rafah, says minister."
    with read_as(["en"]):
        alone = cooccurrence_leads(text, 0, len(text), gaz.for_one_article(), [])
        beside = cooccurrence_leads(text, 0, len(text), gaz.for_one_article(), alone)
    assert [f.label() for f in alone] == [("Indonesia", "rafah", "lead", "reported")]
    assert beside == []
