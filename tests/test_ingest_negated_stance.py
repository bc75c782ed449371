"""Negated stances, border crossings and other precision traps of real reporting (issue #20); the ones that are
just a sentence and its leads (or none) are in tests/ingest_cases/<lang>.toml.

Sentences are written for the test in the manner of the reporting on the ISF, in several languages. What each
asserts is what a careful reader of tests/realworld/README.md would accept (a lead is one nation's troops placed in
a sector) with the status mapview.data.status gives (a third party never confirms for a nation; hedged words,
questions, conditions and offers never confirm; a report relayed by an outlet is reported).
"""

from __future__ import annotations

import pytest

from mapview.ingest.extract import Finding, extract
from mapview.ingest.gazetteer import Gazetteer


def findings(text: str, gaz: Gazetteer) -> list[Finding]:
    """Every finding the text gives."""
    return extract(text, gaz)


# -- 1. a negated opposition is no denial: the placement stands, said by a third party ----------------------------

@pytest.mark.parametrize("text", [
    "Israel does not oppose the deployment of Indonesian troops in Rafah.",
    "Israel would not oppose Indonesian troops being stationed in Rafah.",
    "Israel has no objection to Indonesian troops being stationed in Rafah.",
    "إسرائيل لا تعارض نشر قوات إندونيسية في رفح.",
    "إسرائيل لا تمانع نشر قوات إندونيسية في رفح.",
    "Israël n'est pas opposé au déploiement de troupes indonésiennes à Rafah.",
    "Israel hat nichts gegen die Stationierung indonesischer Truppen in Rafah.",
    "Israel lehnt die Stationierung indonesischer Truppen in Rafah nicht ab.",
    "Israel no se opone al despliegue de tropas indonesias en Rafah.",
    "Israel no se opone a que tropas indonesias se desplieguen en Rafah.",
    "Israel tidak keberatan pasukan Indonesia ditempatkan di Rafah.",
    "Israel tidak menolak pasukan Indonesia ditempatkan di Rafah.",
    "İsrail, Endonezya askerlerinin Refah'a konuşlandırılmasına karşı değil.",
    "İsrail, Endonezya askerlerinin Refah'ta konuşlanmasına karşı çıkmıyor.",
    "ישראל אינה מתנגדת להצבת חיילים אינדונזים ברפיח.",
    "Израиль не возражает против размещения индонезийских войск в Рафахе.",
    "Israele non si oppone al dispiegamento di truppe indonesiane a Rafah.",
    "Israel não se opõe ao envio de tropas indonésias para Rafah.",
])
def test_a_negated_opposition_keeps_the_placement_as_a_third_partys_word(gaz: Gazetteer, text: str) -> None:
    found = [f for f in findings(text, gaz) if f.role == "lead"]
    assert {(f.nation, f.sector, f.status) for f in found} == {("Indonesia", "rafah", "reported")}
    # Israel takes the stance: another government, which never confirms for Indonesia
    assert {f.attribution.said_by for f in found} == {"other-government"}
    assert all(f.attribution.manner == "stated" for f in found)


# -- 2. a nation's own denial stays a denial: test_a_nations_denial_is_a_denial_never_a_lead in test_ingest_traps.py

# -- 3. traps: offers refused, visits, history, questions, conditions, relayed reports, lists ----------------------

@pytest.mark.parametrize("text", [
    "If Hamas disarms, Azerbaijan could deploy to Khan Yunis.",
    "If Hamas disarms, Azerbaijani troops will be stationed in Khan Yunis.",
    "Azerbaijani troops will be stationed in Khan Yunis if Hamas disarms.",
    "إذا نزعت حماس سلاحها، ستنتشر قوات أذربيجانية في خان يونس.",
    "Wenn die Hamas entwaffnet wird, werden aserbaidschanische Truppen in Khan Yunis stationiert.",
    "Si le Hamas désarme, des troupes azerbaïdjanaises seront stationnées à Khan Younès.",
    "Jika Hamas dilucuti, pasukan Azerbaijan akan ditempatkan di Khan Yunis.",
    "Hamas silahsızlanırsa Azerbaycan askerleri Han Yunus'ta konuşlanacak.",
])
def test_a_condition_is_hedged_never_confirmed(gaz: Gazetteer, text: str) -> None:
    statuses = {f.status for f in findings(text, gaz) if f.nation == "Azerbaijan"}
    assert statuses == {"speculative"}


@pytest.mark.parametrize("text", [
    "Indonesia, Morocco, Albania and Kosovo have pledged troops, and Indonesia will be stationed in Rafah.",
    "Indonesia, Morocco, Albania and Kosovo will send troops, with Indonesian troops stationed in Rafah.",
    "Indonesia, Morocco and Albania will send troops; the Indonesians will be stationed in Rafah.",
])
def test_a_list_then_one_sector_places_only_the_nation_named_with_it(gaz: Gazetteer, text: str) -> None:
    placed = {f.nation for f in findings(text, gaz)}
    assert placed == {"Indonesia"}
    assert "confirmed" not in {f.status for f in findings(text, gaz)}


