"""Romanian: placements, their status, traps, inflected names, and telling Romanian from its neighbours.

Sentences are composed for these tests from the language itself (not copied from any article). Romanian attaches
its article and case endings to names ("Indoneziei", "Marocul", "Rafahului") and writes ș and ț both with a comma
and, in older fonts, with a cedilla (ş, ţ); both are read. Expected values are (nation, sector, role, status) as the
status engine words them: a nation's own ministry stating a placement confirms it, a hedge ("ar putea", "ar urma
să", "se așteaptă") never does, an outlet or unnamed sources relaying it report it, a third party (Israel's
minister, a US official) never confirms for the nation.
"""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract, extract_all
from mapview.ingest.gazetteer import Gazetteer


def leads(text: str, gaz: Gazetteer) -> set[tuple[str | None, str, str, str]]:
    return {f.label() for f in extract(text, gaz) if f.role == "lead"}


def lead(sector: str, status: str, nation: str = "Indonesia") -> tuple[str, str, str, str]:
    return nation, sector, "lead", status


CASES: list[tuple[str, set[tuple[str | None, str, str, str]]]] = [
    # the nation's own ministry states it
    ("Un purtător de cuvânt al Ministerului Apărării din Indonezia a declarat că militarii indonezieni vor fi "
     "staționați în Rafah.", {lead("rafah", "confirmed")}),
    # the same with the cedilla letters of older fonts (ţ, ş)
    ("Purtătorul de cuvânt al Ministerului Apărării al Indoneziei a declarat că militarii indonezieni vor fi "
     "staţionaţi în Rafah.", {lead("rafah", "confirmed")}),
    # who speaks may follow the verb ("a anunțat Indonezia"), also after a quote
    ("Trupele indoneziene vor fi staționate în Rafah, a anunțat Indonezia.", {lead("rafah", "confirmed")}),
    ("„Militarii noștri vor fi staționați în Rafah”, a declarat ministrul indonezian al apărării.",
     {lead("rafah", "confirmed")}),
    ("Militarii indonezieni vor fi staționați în Rafah, a declarat ministrul israelian al apărării.",
     {lead("rafah", "reported")}),
    # written without diacritics
    ("Militarii indonezieni vor fi stationati in Rafah, potrivit postului Kan.", {lead("rafah", "reported")}),
    # hedged: speculative, whoever says it
    ("Potrivit Times of Israel, Indonezia ar putea conduce sectorul Rafah.", {lead("rafah", "speculative")}),
    ("Militarii indonezieni ar urma să fie staționați în Khan Younis.", {lead("khan-yunis", "speculative")}),
    ("Trupele indoneziene ar putea fi desfășurate în nordul Fâșiei Gaza.", {lead("north-gaza", "speculative")}),
    ("Un purtător de cuvânt al Ministerului Apărării din Indonezia a declarat că militarii indonezieni ar putea fi "
     "staționați în Rafah.", {lead("rafah", "speculative")}),
    ("Se așteaptă ca militarii indonezieni să fie staționați în Han Yunis.", {lead("khan-yunis", "speculative")}),
    ("Desfășurarea militarilor indonezieni în Rafah nu a fost confirmată.", {lead("rafah", "speculative")}),
    # relayed by an outlet or unnamed sources: reported
    ("Potrivit postului public israelian Kan, militarii indonezieni vor fi staționați în Rafah.",
     {lead("rafah", "reported")}),
    ("Potrivit unor surse diplomatice, militarii indonezieni vor fi staționați în Khan Younis.",
     {lead("khan-yunis", "reported")}),
    # a third party never confirms for the nation
    ("Ministrul israelian al apărării a declarat că militarii indonezieni vor fi staționați în Rafah.",
     {lead("rafah", "reported")}),
    ("Un oficial american a spus că militarii indonezieni vor fi staționați în Rafah.", {lead("rafah", "reported")}),
    # denied
    ("Ministerul indonezian al Apărării a negat că militarii indonezieni vor fi staționați în Rafah.",
     {lead("rafah", "denied")}),
    ("Indonezia nu va trimite militari în Rafah.", {lead("rafah", "denied")}),
    # "își" (its own): the speaking nation's own troops
    ("Indonezia a anunțat că nu își va trimite militarii în Rafah.", {lead("rafah", "denied")}),
    ("Indonezia a anunțat că își va trimite militarii în Rafah.", {lead("rafah", "confirmed")}),
    ("Ministerul Apărării din Indonezia a dezmințit că trupele indoneziene vor fi desfășurate în Rafah.",
     {lead("rafah", "denied")}),
    # placements as the press words them
    ("Desfășurarea militarilor indonezieni în Khan Younis a început deja.", {lead("khan-yunis", "reported")}),
    ("Indonezia va trimite mii de militari. Acești militari vor fi staționați în Rafah.",
     {lead("rafah", "reported")}),
    ("Contingentul indonezian va fi desfășurat în Khan Younis.", {lead("khan-yunis", "reported")}),
    ("Marocul va fi responsabil de Khan Younis.", {lead("khan-yunis", "reported", "Morocco")}),
    ("Indonezia va conduce sectorul Rafah.", {lead("rafah", "reported")}),
    ("Militari din Kazahstan vor fi staționați în orașul Gaza.", {lead("gaza-city", "reported", "Kazakhstan")}),
    ("Trupele Indoneziei vor fi dislocate la Rafah.", {lead("rafah", "reported")}),
    ("Militarii azeri vor fi staționați în Deir al-Balah.", {lead("deir-al-balah", "reported", "Azerbaijan")}),
    ("O zonă din Rafah a fost desemnată pentru cazărmile armatei indoneziene.", {lead("rafah", "reported")}),
    # a sector excluded; a contrast ("iar") opens a half of its own that shares the first half's verb: each
    # nation is placed in its own sector only
    ("Militarii indonezieni vor fi staționați în Khan Younis, nu în Rafah.", {lead("khan-yunis", "reported")}),
    ("Militarii kosovari vor fi desfășurați în nordul Fâșiei Gaza, iar cei albanezi în Deir al-Balah.",
     {lead("north-gaza", "reported", "Kosovo"), lead("deir-al-balah", "reported", "Albania")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_placements_and_their_status(gaz: Gazetteer, text: str, expected: set) -> None:
    assert leads(text, gaz) == expected


@pytest.mark.parametrize("text", [
    # Israel's own army in Rafah: a party, never a contributor
    "Armata israeliană rămâne staționată în Rafah.",
    "Armata israeliană a desemnat o zonă umanitară în Khan Younis pentru familiile strămutate.",
    # Egypt's side of Rafah, the Egyptian town of Rafah
    "Armata egipteană și-a consolidat forțele în partea egipteană a orașului Rafah.",
    "Militarii egipteni sunt staționați în orașul egiptean Rafah.",
    # citizens evacuated through the Rafah crossing
    "Cetățeni indonezieni au fost evacuați prin punctul de trecere Rafah.",
    # the force's first phase in Rafah, with a list of contributors and no sector of their own
    "Forța ISF va fi desfășurată mai întâi în Rafah; Indonezia, Marocul și Albania vor trimite militari.",
    # an outlet named after its country
    "Agenția indoneziană Antara a relatat despre desfășurarea trupelor în Rafah.",
    "Postul public israelian Kan a relatat despre situația din Rafah.",
    # a nation named, no placement
    "Președintele Indoneziei a discutat la Cairo despre situația din Rafah.",
    "Indonezia va trimite militari în Fâșia Gaza, iar Israelul controlează în continuare Rafah.",
    "Spitalul indonezian din nordul Fâșiei Gaza a fost lovit, iar în apropiere au fost desfășurați militari.",
    # "conduce" runs a hospital too; an envoy visits; Israel's army takes control; the crossing opened
    "Italia va conduce un spital de campanie în Khan Younis.",
    "Trimisul special american a vizitat Rafah.",
    "Armata israeliană a preluat controlul asupra Rafahului.",
    "Egiptul a deschis punctul de trecere de la Rafah pentru ajutoare umanitare.",
    # history, and a stance against a placement
    "Militarii egipteni au fost staționați în Rafah până în 1967.",
    "Israelul se opune staționării trupelor turce în Rafah.",
])
def test_traps_give_no_lead(gaz: Gazetteer, text: str) -> None:
    assert not [f for f in extract(text, gaz) if f.role == "lead" and f.nation is not None], text


def test_inflected_names_are_read(gaz: Gazetteer) -> None:
    sectors = ("în Rafah, Rafahului, la Rafahul, în Han Yunis, în orașul Gaza, orașului Gaza, în nordul Fâșiei Gaza, "
               "nordul Fâşiei Gaza, în Deir al-Balah, în centrul Fâșiei Gaza")
    assert [m.key for m in gaz.find_sectors(sectors)] == [
        "rafah", "rafah", "rafah", "khan-yunis", "gaza-city", "gaza-city", "north-gaza", "north-gaza",
        "deir-al-balah", "deir-al-balah"]
    nations = ("Indoneziei, Marocului, Turciei, Egiptului, indonezienii, marocanii, pakistanezi, kosovarii, "
               "albanezii, azerii, Kazahstanului, Franței, Franţei")
    assert [m.key for m in gaz.find_nations(nations)] == [
        "Indonesia", "Morocco", "Turkey", "Egypt", "Indonesia", "Morocco", "Pakistan", "Kosovo", "Albania",
        "Azerbaijan", "Kazakhstan", "France", "France"]


def test_a_stem_never_reads_another_word(gaz: Gazetteer) -> None:
    # CLDR's Romanian India ("India") is listed with its forms, not as a stem: "Indi*" would read "indicat"
    assert gaz.find_nations("Raportul a indicat că indiciile sunt clare.") == []
    assert [m.key for m in gaz.find_nations("în India, Indiei, militarii indieni")] == ["India", "India", "India"]


ROMANIAN = ("Guvernul Indoneziei se pregătește să trimită militari în Fâșia Gaza. Purtătorul de cuvânt al "
            "ministerului a declarat că unitățile vor pleca în curând și că vor ajuta și la reconstrucție, precum "
            "și la îngrijirea medicală a locuitorilor, după ce acordul de încetare a focului a fost semnat.")
ROMANIAN_PLAIN = ("Guvernul Indoneziei se pregateste sa trimita militari in Fasia Gaza. Purtatorul de cuvant al "
                  "ministerului a declarat ca unitatile vor pleca in curand si ca vor ajuta si la reconstructie, "
                  "precum si la ingrijirea medicala a locuitorilor, dupa ce acordul de incetare a focului a fost "
                  "semnat.")
ITALIAN = ("Il governo indonesiano si prepara a inviare soldati nella Striscia di Gaza. Il portavoce del ministero "
           "ha dichiarato che le unità partiranno presto e che aiuteranno anche nella ricostruzione e nelle cure "
           "mediche per gli abitanti, dopo che l'accordo di cessate il fuoco è stato firmato.")
SPANISH = ("El gobierno de Indonesia se prepara para enviar soldados a la Franja de Gaza. El portavoz del ministerio "
           "declaró que las unidades partirán pronto y que también ayudarán en la reconstrucción y en la atención "
           "médica de los habitantes, después de que se firmara el acuerdo de alto el fuego.")
PORTUGUESE = ("O governo da Indonésia prepara-se para enviar soldados para a Faixa de Gaza. O porta-voz do ministério "
              "afirmou que as unidades vão partir em breve e que também vão ajudar na reconstrução e nos cuidados "
              "médicos aos habitantes, depois de o acordo de cessar-fogo ter sido assinado.")
FRENCH = ("Le gouvernement indonésien se prépare à envoyer des soldats dans la bande de Gaza. Le porte-parole du "
          "ministère a déclaré que les unités partiront bientôt et qu'elles aideront aussi à la reconstruction et aux "
          "soins médicaux des habitants, après la signature de l'accord de cessez-le-feu.")


@pytest.mark.parametrize(("text", "code"), [(ROMANIAN, "ro"), (ROMANIAN_PLAIN, "ro"), (ITALIAN, "it"),
                                            (SPANISH, "es"), (PORTUGUESE, "pt"), (FRENCH, "fr")])
def test_romanian_is_told_from_its_neighbours(gaz: Gazetteer, text: str, code: str) -> None:
    language = extract_all(text, gaz).language
    assert (language.code, language.read) == (code, True)


def test_a_romanian_article_is_read(gaz: Gazetteer) -> None:
    text = ROMANIAN + " Potrivit postului public israelian Kan, militarii indonezieni vor fi staționați în Rafah."
    result = extract_all(text, gaz)
    assert result.language.code == "ro" and result.notice is None
    assert {f.label() for f in result.findings if f.role == "lead"} == {lead("rafah", "reported")}


def test_nurses_are_a_medical_unit_not_a_lead_nor_a_denial(gaz: Gazetteer) -> None:
    # "infirmieri" (nurses) begins like "infirmat" (denied): it is neither a denial nor a contingent's lead
    text = "Infirmierii indonezieni vor fi trimiși la Rafah."
    assert {f.label() for f in extract(text, gaz)} == {("Indonesia", "rafah", "medical", "reported")}
