"""Negated stances, border crossings and other precision traps of real reporting (issue #20).

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


def leads(text: str, gaz: Gazetteer) -> set[tuple[str | None, str, str]]:
    """(nation, sector, status) of every lead the text gives."""
    return {(f.nation, f.sector, f.status) for f in findings(text, gaz) if f.role == "lead"}


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


@pytest.mark.parametrize("text", [
    "Israel opposes the deployment of Turkish troops in Rafah.",
    "إسرائيل تعارض نشر قوات تركية في رفح.",
    "Israël s'oppose au déploiement de troupes turques à Rafah.",
    "Israel lehnt die Stationierung türkischer Truppen in Rafah ab.",
    "Israel se opone al despliegue de tropas turcas en Rafah.",
    "Israel menolak pasukan Turki ditempatkan di Rafah.",
    "İsrail, Türk askerlerinin Refah'a konuşlandırılmasına karşı çıkıyor.",
    "ישראל מתנגדת להצבת חיילים טורקים ברפיח.",
    "Израиль выступает против размещения турецких войск в Рафахе.",
    "Israele si oppone al dispiegamento di truppe turche a Rafah.",
    "Israel opõe-se ao envio de tropas turcas para Rafah.",
])
def test_an_opposition_still_places_no_one(gaz: Gazetteer, text: str) -> None:
    assert not [f for f in findings(text, gaz) if f.nation == "Turkey"]


def test_a_negated_and_a_plain_opposition_in_one_sentence_are_told_apart(gaz: Gazetteer) -> None:
    text = ("Israel does not oppose the deployment of Indonesian troops in Rafah, but it opposes Turkish troops "
            "in Khan Yunis.")
    assert leads(text, gaz) == {("Indonesia", "rafah", "reported")}


@pytest.mark.parametrize("text", [
    "Indonesia denied it would deploy in Rafah.",
    "Indonesia denied that its troops would be stationed in Rafah.",
])
def test_a_denial_stays_a_denial(gaz: Gazetteer, text: str) -> None:
    found = [f for f in findings(text, gaz) if f.nation == "Indonesia"]
    assert found and {f.status for f in found} == {"denied"}


# -- 2. a border crossing is a point, not a sector placement ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Egypt runs the Rafah crossing.",
    "Egyptian officials at the Rafah crossing.",
    "Egyptian trucks entered through the Rafah crossing.",
    "Egyptian troops are deployed at the Rafah crossing.",
    "Egyptian soldiers man the Rafah border crossing.",
    "مصر تدير معبر رفح.",
    "تنتشر قوات مصرية عند معبر رفح.",
    "Des soldats égyptiens sont déployés au point de passage de Rafah.",
    "L'Égypte gère le point de passage de Rafah.",
    "Ägyptische Soldaten sind am Grenzübergang Rafah stationiert.",
    "Ägyptische Soldaten sind am Rafah-Übergang stationiert.",
    "מצרים מפעילה את מעבר רפיח.",
    "חיילים מצריים מוצבים במעבר רפיח.",
    "חיילים מצריים יוצבו במעבר רפיח.",
    "כוחות מצריים ייפרסו במעבר רפיח.",
])
def test_a_crossing_gives_no_finding_for_the_nation_that_runs_it(gaz: Gazetteer, text: str) -> None:
    assert not [f for f in findings(text, gaz) if f.nation == "Egypt"]


@pytest.mark.parametrize(("text", "lead"), [
    ("Indonesian troops will be stationed in Rafah, near the Rafah crossing.", ("Indonesia", "rafah", "reported")),
    ("Ägyptische Soldaten werden in Rafah stationiert.", ("Egypt", "rafah", "reported")),
    ("חיילים אינדונזים יוצבו ברפיח.", ("Indonesia", "rafah", "reported")),
    ("חיילים מצריים יוצבו ברפיח.", ("Egypt", "rafah", "reported")),
])
def test_the_sector_itself_is_still_read(gaz: Gazetteer, text: str, lead: tuple[str, str, str]) -> None:
    assert leads(text, gaz) == {lead}


# -- 3. traps: offers refused, visits, history, questions, conditions, relayed reports, lists ----------------------

@pytest.mark.parametrize("text", [
    "Israel rejected Turkey's offer to send troops to Rafah.",
    "Turkey offered to send troops to Rafah, but Israel refused.",
    "Turkey proposed deploying its soldiers in Rafah; Israel turned the offer down.",
    "رفضت إسرائيل عرض تركيا إرسال قوات إلى رفح.",
    "Israel lehnte das Angebot der Türkei ab, Truppen nach Rafah zu entsenden.",
    "Israël a rejeté l'offre turque d'envoyer des troupes à Rafah.",
])
def test_a_refused_offer_places_no_one(gaz: Gazetteer, text: str) -> None:
    assert not [f for f in findings(text, gaz) if f.nation == "Turkey"]


def test_an_offer_alone_is_speculative_at_most(gaz: Gazetteer) -> None:
    assert {f.status for f in findings("Turkey offered to send troops to Rafah.", gaz)} <= {"speculative"}


@pytest.mark.parametrize("text", [
    "Indonesian officers visited Rafah.",
    "Indonesian military officers conducted a reconnaissance visit to Rafah.",
    "Perwira TNI mengunjungi Rafah.",
    "زار ضباط إندونيسيون رفح.",
])
def test_a_visit_is_no_placement(gaz: Gazetteer, text: str) -> None:
    assert not findings(text, gaz)


@pytest.mark.parametrize("text", [
    "Egyptian troops were in Rafah in 2005.",
    "Egyptian troops were stationed in Rafah until 2005.",
    "كانت القوات المصرية في رفح عام 2005.",
    "Ägyptische Truppen waren 2005 in Rafah stationiert.",
])
def test_history_is_no_placement(gaz: Gazetteer, text: str) -> None:
    assert not [f for f in findings(text, gaz) if f.nation == "Egypt"]


@pytest.mark.parametrize("text", [
    "Will Indonesia send troops to Rafah?",
    "Will Indonesian troops be stationed in Rafah?",
    "هل سترسل إندونيسيا قوات إلى رفح؟",
    "Apakah Indonesia akan mengirim pasukan ke Rafah?",
    "Indonesia va-t-elle déployer des troupes à Rafah ?",
])
def test_a_question_is_speculative_at_most(gaz: Gazetteer, text: str) -> None:
    assert {f.status for f in findings(text, gaz)} <= {"speculative"}


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
    "According to Channel 12, Indonesia will be stationed in Rafah.",
    "According to Channel 12, the Indonesian defence minister said Indonesian troops will be stationed in Rafah.",
    "Menurut Channel 12, pasukan Indonesia akan ditempatkan di Rafah.",
    "وفقا للقناة 12، ستتمركز القوات الإندونيسية في رفح.",
    "Laut Kanal 12 werden indonesische Truppen in Rafah stationiert.",
    "Selon la chaîne 12, les troupes indonésiennes seront stationnées à Rafah.",
])
def test_a_relayed_report_is_never_confirmed(gaz: Gazetteer, text: str) -> None:
    assert leads(text, gaz) == {("Indonesia", "rafah", "reported")}


@pytest.mark.parametrize("text", [
    "Indonesia, Morocco, Albania and Kosovo have pledged troops, and Indonesia will be stationed in Rafah.",
    "Indonesia, Morocco, Albania and Kosovo will send troops, with Indonesian troops stationed in Rafah.",
    "Indonesia, Morocco and Albania will send troops; the Indonesians will be stationed in Rafah.",
])
def test_a_list_then_one_sector_places_only_the_nation_named_with_it(gaz: Gazetteer, text: str) -> None:
    placed = {f.nation for f in findings(text, gaz)}
    assert placed == {"Indonesia"}
    assert "confirmed" not in {f.status for f in findings(text, gaz)}


def test_a_list_then_a_base_is_no_one_nations(gaz: Gazetteer) -> None:
    text = "Indonesia, Morocco and Albania will send troops to Gaza, with a base planned in Rafah."
    assert {f.nation for f in findings(text, gaz)} <= {None}


# -- a denial withheld is no denial, and no confirmation either ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Indonesia did not deny that its troops would be stationed in Rafah.",
    "Indonesia has not denied that its troops would be stationed in Rafah.",
    "Indonesia neither confirmed nor denied that its troops would be stationed in Rafah.",
    "Indonesia tidak membantah pasukannya akan ditempatkan di Rafah.",
    "لم تنف إندونيسيا أن قواتها ستتمركز في رفح.",
    "L'Indonésie n'a pas démenti que ses troupes seraient stationnées à Rafah.",
    "Indonesien hat nicht dementiert, dass indonesische Truppen in Rafah stationiert werden.",
    "Indonesia no desmintió que sus tropas serían desplegadas en Rafah.",
    "Endonezya, askerlerinin Refah'ta konuşlanacağını yalanlamadı.",
])
def test_a_denial_withheld_is_speculative(gaz: Gazetteer, text: str) -> None:
    assert leads(text, gaz) == {("Indonesia", "rafah", "speculative")}


@pytest.mark.parametrize("text", [
    "Indonesia denied that its troops would be stationed in Rafah.",
    "Endonezya, askerlerinin Refah'ta konuşlanacağını yalanladı.",
])
def test_a_denial_made_is_still_denied(gaz: Gazetteer, text: str) -> None:
    assert leads(text, gaz) == {("Indonesia", "rafah", "denied")}
