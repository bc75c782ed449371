"""An article in a language no file reads: named, nothing proposed, and its sector-and-nation sentences listed."""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract_all
from mapview.ingest.gazetteer import Gazetteer

# Written for this test (not from an article). Estonian attaches case endings to place and nation names
# ("Rafahisse": into Rafah, "Indoneesiast": from Indonesia), which no file lists. Slovenian is close to Czech,
# Slovak and Bosnian, which files read: their stopwords must not make a Slovenian article read as any of them
# ("Rafahu" is a form every text reads; "iz Turčije" is Slovenian's own name for Turkey, inflected, which only
# CLDR's Slovenian names give). (Finnish and Czech, this test's languages before, are now read: fi.toml, cs.toml.)
ESTONIAN = ("Iisraeli Kan-kanali andmetel paigutatakse Indoneesiast saabuvad sõdurid Rafahisse. Tegemist on "
            "rahvusvaheliste stabiliseerimisjõudude esimese üksusega, mis saabub sel aastal, ütles minister.\n")
SLOVENIAN = ("Po poročanju izraelske televizije Kan bodo vojaki iz Turčije delovali v Rafahu. To bo prvi kontingent "
             "mednarodnih stabilizacijskih sil, ki se bo letos pojavil v Gazi, in minister je to potrdil.\n")


@pytest.mark.parametrize(("text", "code", "name", "nation"), [(ESTONIAN, "et", "Estonian", "Indonesia"),
                                                              (SLOVENIAN, "sl", "Slovenian", "Turkey")])
def test_an_inflected_sector_name_in_an_unread_language_is_listed(gaz: Gazetteer, text: str, code: str,
                                                                  name: str, nation: str) -> None:
    result = extract_all(text, gaz, source="x.txt")
    assert (result.language.code, result.language.read) == (code, False)
    assert result.findings == []
    assert result.notice is not None and name in result.notice and "1 sentence(s)" in result.notice
    [mention] = result.mentions
    assert mention.sectors == ["rafah"]
    # the CLDR name of this language is read even when a name every file knows ("izraelske": Israel) is there
    assert nation in mention.nations
    assert text[mention.start:mention.end] == mention.text


def test_a_read_language_does_not_take_any_ending_after_a_sector_name(gaz: Gazetteer) -> None:
    # "Rafahstraße" is no inflection of Rafah in German, which a file reads: no sector is named there
    text = ("Die indonesischen Soldaten wohnen in der Rafahstraße in Berlin, sagte der Sprecher der Botschaft am "
            "Montag. Die Regierung in Jakarta bestätigte das nicht und nannte keine weiteren Einzelheiten dazu.\n")
    result = extract_all(text, gaz, source="x.txt")
    assert result.language.read and result.findings == [] and result.mentions == []
