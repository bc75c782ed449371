"""An article in a language no file reads: named, nothing proposed, and its sector-and-nation sentences listed."""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract_all
from mapview.ingest.gazetteer import Gazetteer

# Written for this test (not from an article). Hungarian and Polish attach case endings to place names
# ("Rafahban", "Rafahu"), which no file lists for these languages.
HUNGARIAN = ("Indonézia katonái Rafahban állomásoznak majd, ahogy azt az izraeli Kan csatorna jelentette. A nemzetközi "
             "stabilizációs erő része lesz, és ez egy nagyon fontos lépés a béke felé, mondta a miniszter hétfőn.\n")
POLISH = ("Według izraelskiej telewizji Kan żołnierze z Indonezji mają stacjonować w Rafahu. To będzie pierwszy "
          "kontyngent międzynarodowych sił stabilizacyjnych, który pojawi się w Strefie Gazy w tym roku.\n")


@pytest.mark.parametrize(("text", "code", "name"), [(HUNGARIAN, "hu", "Hungarian"), (POLISH, "pl", "Polish")])
def test_an_inflected_sector_name_in_an_unread_language_is_listed(gaz: Gazetteer, text: str, code: str,
                                                                  name: str) -> None:
    result = extract_all(text, gaz, source="x.txt")
    assert (result.language.code, result.language.read) == (code, False)
    assert result.findings == []
    assert result.notice is not None and name in result.notice and "1 sentence(s)" in result.notice
    [mention] = result.mentions
    assert mention.sectors == ["rafah"]
    # the CLDR name of this language is read even when a name every file knows ("izraeli", "Kan"'s Israel) is there
    assert "Indonesia" in mention.nations
    assert text[mention.start:mention.end] == mention.text


def test_a_read_language_does_not_take_any_ending_after_a_sector_name(gaz: Gazetteer) -> None:
    # "Rafahstraße" is no inflection of Rafah in German, which a file reads: no sector is named there
    text = ("Die indonesischen Soldaten wohnen in der Rafahstraße in Berlin, sagte der Sprecher der Botschaft am "
            "Montag. Die Regierung in Jakarta bestätigte das nicht und nannte keine weiteren Einzelheiten dazu.\n")
    result = extract_all(text, gaz, source="x.txt")
    assert result.language.read and result.findings == [] and result.mentions == []
