"""Romanian: inflected names, a Romanian article read, and telling Romanian from its neighbours (placements,
their status and traps, sentence by sentence: tests/ingest_cases/ro.toml).

Sentences are composed for these tests from the language itself (not copied from any article). Romanian attaches
its article and case endings to names ("Indoneziei", "Marocul", "Rafahului") and writes ș and ț both with a comma
and, in older fonts, with a cedilla (ş, ţ); both are read. Expected values are (nation, sector, role, status) as the
status engine words them: a nation's own ministry stating a placement confirms it, a hedge ("ar putea", "ar urma
să", "se așteaptă") never does, an outlet or unnamed sources relaying it report it, a third party (Israel's
minister, a US official) never confirms for the nation.
"""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract_all
from mapview.ingest.gazetteer import Gazetteer


def lead(sector: str, status: str, nation: str = "Indonesia") -> tuple[str, str, str, str]:
    return nation, sector, "lead", status


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

