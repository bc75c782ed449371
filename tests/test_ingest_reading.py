"""Each text is read with its own language's cue tables (issue #20, precision on new languages).

A word that is a cue in one language is an ordinary word in another: Spanish and Portuguese "envi-" (to send) is
English "environment", Persian "مستقر" (stationed) is Arabic for "stable". Such a word must give no finding in the
other language's text, while the sentence naming a nation and a sector is still listed for a reviewer; the same
words in their own language, names, and acronyms ("ISF") still read. Sentences are written for these tests.
"""

from __future__ import annotations

from mapview.ingest import langdata
from mapview.ingest.extract import extract_all
from mapview.ingest.langdata import LanguageGuess, reading_codes

# An Indonesian paragraph (long enough for its language to be told) for the mixed-text cases.
ID_PARAGRAPH = ("Pemerintah Indonesia menyiapkan ribuan prajurit untuk misi di Gaza. Menurut pejabat di Jakarta, "
                "keberangkatan pasukan itu masih menunggu keputusan dari Presiden dan persetujuan dari DPR. ")


def _leads(text: str, gaz) -> set[tuple[str | None, str]]:
    return {(f.nation, f.sector) for f in extract_all(text, gaz).findings if f.role == "lead"}


def test_a_cue_of_another_language_gives_no_finding_and_the_sentence_is_listed(gaz) -> None:
    # "envi-" is a Spanish/Portuguese placing word ("enviará"); in English it starts "environment"
    english = "Indonesian soldiers described the environment in Khan Yunis as calm after the ceasefire."
    # "مستقر" is Persian for "stationed"; in Arabic it means "stable"
    arabic = "زار وفد من الجيش الإندونيسي القاهرة، وقال إن الوضع في رفح مستقر."
    for text, sector in ((english, "khan-yunis"), (arabic, "rafah")):
        extraction = extract_all(text, gaz)
        assert extraction.findings == [], text
        assert [(m.nations, m.sectors) for m in extraction.mentions] == [(["Indonesia"], [sector])], text


def test_the_same_words_still_read_in_their_own_language(gaz) -> None:
    assert _leads("Indonesia enviará a sus soldados a Rafah, según la prensa local.", gaz) == {("Indonesia", "rafah")}
    assert _leads("نیروهای اندونزی در رفح مستقر خواهند شد.", gaz) == {("Indonesia", "rafah")}


def test_an_english_quote_in_an_indonesian_article_is_read_with_english_cues_too(gaz) -> None:
    quote = '"Indonesian troops will be stationed in Rafah," kata seorang pejabat kepada wartawan di Jakarta.'
    assert _leads(ID_PARAGRAPH + quote, gaz) == {("Indonesia", "rafah")}
    # an Indonesian sentence is not read with English cues: "environment" places nobody there either
    plain = "Prajurit Indonesia menyebut environment di Rafah cukup tenang setelah gencatan senjata."
    assert _leads(ID_PARAGRAPH + plain, gaz) == set()


def test_which_tables_read_a_sentence() -> None:
    indonesian = LanguageGuess("id", "Indonesian", True)
    assert reading_codes(indonesian, "Pasukan itu akan ditempatkan di Rafah dan Khan Younis.") == {"id", "ms"}
    assert reading_codes(indonesian, "The troops will be stationed in Rafah and Khan Younis.") == {"id", "ms", "en"}
    # a close language's file names the one whose cues it shares (Portuguese reads Spanish cognates)
    assert reading_codes(LanguageGuess("pt", "Portuguese", True), "Tropas em Rafah.") == {"pt", "es"}
    # too short to tell and no stopwords to tell by: every file's tables, as before
    assert reading_codes(LanguageGuess(None, "", True), "Rafah: Indonesia.") is None


def test_names_and_acronyms_are_read_in_every_language() -> None:
    spanish = langdata.cue_table("force", frozenset({"es"}))
    assert "ISF" in spanish["en"] and "the\\s+force" not in spanish["en"]
    assert "Post" in langdata.words("masthead", frozenset({"es"}))  # "The Jakarta Post" is an outlet anywhere
    assert "Gaza" in langdata.words("strip", frozenset({"sq"}))



def test_an_unread_language_lists_its_own_demonyms_beside_names_other_files_read(gaz) -> None:
    # Lithuanian (no file): "Izraelio" is a name the files know (Czech CLDR "Izrael*"); "Turkijos" (Turkey's) only
    # the Lithuanian CLDR name's stem reads. (Czech, this test's language before, is read since cs.toml.)
    lithuanian = ("Izraelio visuomeninio transliuotojo Kan teigimu, netoli Rafaho jau paskirta teritorija Turkijos "
                  "kariams, kurie į regioną atvyks per ateinančias savaites ir ten tarnaus kaip stabilizavimo pajėgų "
                  "nariai.")
    extraction = extract_all(lithuanian, gaz)
    assert extraction.language.code == "lt" and not extraction.language.read and extraction.findings == []
    assert extraction.notice is not None
    assert [set(m.nations) for m in extraction.mentions] == [{"Israel", "Turkey"}]
