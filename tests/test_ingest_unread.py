"""An article in a language no file reads: named, nothing proposed, and its sector-and-nation sentences listed."""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract_all
from mapview.ingest.gazetteer import Gazetteer

# Written for this test (not from an article). Finnish attaches case endings to place and nation names
# ("Rafahiin": into Rafah, "Indonesiasta": from Indonesia), which no file lists. Czech is close to Polish, which a
# file reads: its stopwords must not make a Czech article read as Polish ("Rafahu" is a Polish form every text
# reads; "z Ázerbájdžánu" is Czech's own name for Azerbaijan, inflected, which only CLDR's Czech names give).
FINNISH = ("Israelilaisen Kan-kanavan mukaan Indonesiasta saapuvat sotilaat sijoitetaan Rafahiin. Kyseessä on "
           "kansainvälisten vakautusjoukkojen ensimmäinen osasto, joka saapuu tänä vuonna, ministeri sanoi.\n")
CZECH = ("Podle izraelské televize Kan mají vojáci z Ázerbájdžánu působit v Rafahu. Bude to první kontingent "
         "mezinárodních stabilizačních sil, který se v Pásmu Gazy objeví v tomto roce, a ministr to potvrdil.\n")


@pytest.mark.parametrize(("text", "code", "name", "nation"), [(FINNISH, "fi", "Finnish", "Indonesia"),
                                                              (CZECH, "cs", "Czech", "Azerbaijan")])
def test_an_inflected_sector_name_in_an_unread_language_is_listed(gaz: Gazetteer, text: str, code: str,
                                                                  name: str, nation: str) -> None:
    result = extract_all(text, gaz, source="x.txt")
    assert (result.language.code, result.language.read) == (code, False)
    assert result.findings == []
    assert result.notice is not None and name in result.notice and "1 sentence(s)" in result.notice
    [mention] = result.mentions
    assert mention.sectors == ["rafah"]
    # the CLDR name of this language is read even when a name every file knows ("izraelské": Israel) is there
    assert nation in mention.nations
    assert text[mention.start:mention.end] == mention.text


def test_a_read_language_does_not_take_any_ending_after_a_sector_name(gaz: Gazetteer) -> None:
    # "Rafahstraße" is no inflection of Rafah in German, which a file reads: no sector is named there
    text = ("Die indonesischen Soldaten wohnen in der Rafahstraße in Berlin, sagte der Sprecher der Botschaft am "
            "Montag. Die Regierung in Jakarta bestätigte das nicht und nannte keine weiteren Einzelheiten dazu.\n")
    result = extract_all(text, gaz, source="x.txt")
    assert result.language.read and result.findings == [] and result.mentions == []
