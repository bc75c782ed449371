"""Placements across sentences (issue #20, session 12): a site the sentence before prepared for one nation's
troops and placed in the next ("The site lies between Rafah and Khan Younis"), an offer refused in the sentence
before, "he said" after a sentence about an office, an outlet "told" something, and a headline's list of
"Nation to Sector" pairs. Written for the test, in English and Indonesian news register; each asserts what a careful
reader of tests/realworld/README.md accepts."""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract
from mapview.ingest.gazetteer import Gazetteer


def leads(text: str, gaz: Gazetteer) -> set[tuple[str | None, str, str]]:
    """(nation, sector, status) of every lead the text gives."""
    return {(f.nation, f.sector, f.status) for f in extract(text, gaz) if f.role == "lead"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Israel is preparing a site to house Indonesian peacekeepers, Kan reported. The site lies between Rafah and "
     "Khan Younis.", {("Indonesia", "rafah", "reported"), ("Indonesia", "khan-yunis", "reported")}),
    ("Israel siapkan lahan untuk prajurit TNI. Lahan tersebut terletak di Khan Younis.",
     {("Indonesia", "khan-yunis", "reported")}),
    ("Israel mulai membangun barak untuk prajurit TNI. Kompleks tersebut terletak di dekat Khan Younis.",
     {("Indonesia", "khan-yunis", "reported")}),
])
def test_a_site_named_before_for_a_nations_troops_places_them(gaz: Gazetteer, text: str, expected: set) -> None:
    assert leads(text, gaz) == expected


@pytest.mark.parametrize("text", [
    "Indonesia will send 8,000 troops to Gaza. The area around Rafah remains dangerous, residents said.",
    "Indonesia will send 8,000 troops to Gaza. The site lies in Rafah.",  # no site named before
    "A site near Rafah is being prepared for foreign troops. Officials did not say which countries would use it.",
    "Israel is preparing a site for Indonesian troops.\n\nThe site of the new crossing lies in Rafah.",
    "A camp for displaced families is being built near Rafah with Indonesian funding. The site will house 5,000 "
    "people.",
    "Indonesia akan mengirim pasukan ke Gaza. Kawasan itu di Rafah masih berbahaya.",
])
def test_a_site_no_one_prepared_for_a_contingent_places_no_one(gaz: Gazetteer, text: str) -> None:
    assert leads(text, gaz) == set()


@pytest.mark.parametrize("text", [
    "Israel menolak keterlibatan pasukan Turki. Erdogan menyatakan tentara Turki siap menjaga Rafah jika diminta.",
    "Israel rejected Turkish troops. Turkish soldiers were ready to guard Rafah, Erdogan said.",
])
def test_an_offer_after_a_refusal_of_that_nation_places_no_one(gaz: Gazetteer, text: str) -> None:
    assert leads(text, gaz) == set()


def test_an_offer_after_a_refusal_of_something_else_stays_hedged(gaz: Gazetteer) -> None:
    text = "Hamas rejected disarmament. Turkish soldiers are ready to guard Rafah, Erdogan said."
    assert leads(text, gaz) == {("Turkey", "rafah", "speculative")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Panglima TNI Jenderal Agus Subiyanto melepas 500 prajurit di Jakarta. Pasukan itu akan ditempatkan di Rafah, "
     "ujarnya.", {("Indonesia", "rafah", "confirmed")}),
    ("\"Our soldiers will be in Khan Younis,\" Pakistan's Defence Minister Khawaja Asif told Reuters.",
     {("Pakistan", "khan-yunis", "confirmed")}),
    ("Katanya, pasukan Indonesia akan ditempatkan di Rafah.", {("Indonesia", "rafah", "reported")}),
])
def test_who_speaks_across_sentences(gaz: Gazetteer, text: str, expected: set) -> None:
    assert leads(text, gaz) == expected


@pytest.mark.parametrize("text", [
    "Morocco to Deir al-Balah, Kazakhstan to Gaza City: what we know about the force",
    "Maroko ke Deir al-Balah, Kazakhstan ke Kota Gaza: ini pembagian sektor ISF",
])
def test_a_headlines_nation_to_sector_pairs_are_a_list(gaz: Gazetteer, text: str) -> None:
    assert leads(text, gaz) == {("Morocco", "deir-al-balah", "reported"), ("Kazakhstan", "gaza-city", "reported")}
