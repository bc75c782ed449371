"""False leads a placement frame produces on real reporting, and statuses it must never confirm (issue #20).

Sentences are written for the test, in the manner of the reporting on the ISF (aid, field hospitals, visits,
the force commander's nationality, evacuations, lists of contributors, a base shared by several armies, denials),
in several languages. Each asserts what a careful reader of tests/realworld/README.md would accept: a lead is one
nation's troops (or police contingent) placed in a sector; status follows mapview.data.status (hedges never
confirm; only the nation's own official or the force command, stating it plainly, confirm).
"""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract
from mapview.ingest.gazetteer import Gazetteer, load_gazetteer
from tests.conftest import DATA


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(DATA / "geodata" / "sectors.geojson")


def leads(text: str, gaz: Gazetteer) -> set[tuple[str | None, str, str]]:
    """(nation, sector, status) of every lead the text gives."""
    return {(f.nation, f.sector, f.status) for f in extract(text, gaz) if f.role == "lead"}


# -- status: an official's word relayed by an outlet is the outlet's report, never confirmed -------------------

@pytest.mark.parametrize("text", [
    "Indonesian troops will reportedly be stationed in Rafah, the defence ministry said.",
    "According to Kan, Indonesia's defence minister said its troops will be stationed in Rafah.",
    "Indonesia's defence minister said Indonesian troops will be stationed in Rafah, Kan reported.",
    "The Indonesian defence ministry is said to have told Israel that its troops would be stationed in Rafah.",
    "Kan reported that Indonesia's army chief said Indonesian soldiers would be based in Rafah.",
    "Menurut Kan, Menteri Pertahanan Indonesia mengatakan pasukan Indonesia akan ditempatkan di Rafah.",
    "وقال وزير الدفاع الإندونيسي إن القوات الإندونيسية ستتمركز في رفح بحسب قناة كان.",
    "ذكرت قناة كان أن وزير الدفاع الإندونيسي قال إن القوات الإندونيسية ستتمركز في رفح.",
    "Secondo Kan, il ministro della Difesa indonesiano ha detto che le truppe indonesiane saranno schierate a Rafah.",
])
def test_an_official_quoted_by_an_outlet_is_reported_not_confirmed(gaz: Gazetteer, text: str) -> None:
    assert leads(text, gaz) == {("Indonesia", "rafah", "reported")}


@pytest.mark.parametrize("text", [
    "The Indonesian defence ministry said its troops would likely be stationed in Rafah.",
    "Indonesian troops will be stationed in Rafah, Defence Minister Sjafrie Sjamsoeddin said, adding that details "
    "may change.",
    "Menteri Pertahanan Sjafrie mengatakan pasukan Indonesia kabarnya akan ditempatkan di Rafah.",
    "Selon la chaîne Kan, le ministre indonésien de la Défense a déclaré que les troupes indonésiennes seraient "
    "stationnées à Rafah.",
])
def test_a_hedge_anywhere_in_the_passage_makes_an_official_speculative(gaz: Gazetteer, text: str) -> None:
    assert leads(text, gaz) == {("Indonesia", "rafah", "speculative")}


@pytest.mark.parametrize(("text", "nation", "sector"), [
    ("Indonesian President Prabowo said Moroccan troops would be stationed in Rafah.", "Morocco", "rafah"),
    ("The Moroccan foreign minister said Indonesian troops would be stationed in Rafah.", "Indonesia", "rafah"),
    ("Kosovo's defence minister said Albanian troops would be stationed in Deir al-Balah.", "Albania",
     "deir-al-balah"),
    ("Israeli officials said Indonesian troops would be stationed in Rafah.", "Indonesia", "rafah"),
])
def test_a_third_party_never_confirms_for_a_nation(gaz: Gazetteer, text: str, nation: str, sector: str) -> None:
    assert leads(text, gaz) == {(nation, sector, "reported")}


def test_the_nations_own_official_or_the_force_stating_it_plainly_confirms(gaz: Gazetteer) -> None:
    # the rules still confirm what they should: first hand, stated plainly (an interview given to an outlet is
    # the minister's own word)
    for text in ("Indonesian troops will be stationed in Rafah, according to the Indonesian defence ministry.",
                 "Indonesia's defence minister told Kan that Indonesian troops will be stationed in Rafah.",
                 "ISF commander Jasper Jeffers said Indonesian troops will be stationed in Rafah."):
        assert leads(text, gaz) == {("Indonesia", "rafah", "confirmed")}, text
