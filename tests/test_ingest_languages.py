"""An unread language named, the language told from its neighbours, and one site between two sectors in every
language (the placements and traps of every language ingest reads, sentence by sentence:
tests/ingest_cases/<lang>.toml, read by tests/test_ingest_cases.py).

Sentences are written for these tests in the manner of ISF reporting read in each language (the search tool's
pages corpus): a contingent stationed in or between sectors, a nation responsible for a sector, the force's
first phase in Rafah with a list of contributors, a broadcaster named after its country, the Rafah crossing.
"""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract
from mapview.ingest.gazetteer import Gazetteer
from mapview.ingest.langdata import detect_language
from tests.conftest import DATA

# Latvian: no file reads it ("Rafahu", "Khan Younisu" carry an ending every sector name may take). Slovak, this
# test's language before, is read since sk.toml (tests/test_ingest_more_european.py); Romanian, read since ro.toml,
# is tested in tests/test_ingest_romanian.py.
LATVIAN = ("Indonēzija nosūtīs tūkstošiem karavīru uz Gazas joslu, ziņo sabiedriskā raidorganizācija Kan. Indonēzijas "
           "vienības varētu tikt izvietotas apgabalā starp Rafahu un Khan Younisu teritorijas dienvidos, un kazarmu "
           "būvniecība ilgs vairākas nedēļas.\n")


@pytest.mark.parametrize(("text", "code", "name", "sectors"), [
    (LATVIAN, "lv", "Latvian", ["rafah", "khan-yunis"]),
])
def test_an_unread_language_is_named_and_its_placements_listed(gaz: Gazetteer, text: str, code: str,
                                                               name: str, sectors: list[str]) -> None:
    from mapview.ingest.extract import extract_all

    result = extract_all(text, gaz, source="x.txt")
    assert (result.language.code, result.language.name, result.language.read) == (code, name, False)
    assert result.findings == []  # a language not read proposes nothing
    assert result.notice is not None and name in result.notice and "1 sentence(s)" in result.notice
    [mention] = result.mentions
    assert mention.nations == ["Indonesia"] and mention.sectors == sectors
    assert text[mention.start:mention.end] == mention.text


def test_ingest_output_names_an_unread_language(tmp_path) -> None:
    from mapview.data.project import ProjectPaths
    from mapview.ingest.command import plan_ingest, plan_json

    seeds, claims = tmp_path / "seeds", tmp_path / "claims"
    seeds.mkdir()
    claims.mkdir()
    article = tmp_path / "raksts.txt"
    article.write_text(LATVIAN, encoding="utf-8")
    paths = ProjectPaths.defaults(sectors=DATA / "geodata" / "sectors.geojson", claims=claims / "claims.json",
                                  seeds=seeds, context=tmp_path / "context")
    plan = plan_ingest([article], paths)
    [source] = plan_json(plan)["sources"]
    assert source["language"] == {"code": "lv", "name": "Latvian", "read": False}
    assert "Latvian" in source["notice"]
    assert len(plan_json(plan)["mentions"]) == 1 and plan_json(plan)["proposals"] == []


# One site between two sectors: Indonesia's in BETWEEN, Azerbaijan's in BETWEEN_AZERBAIJAN.
BETWEEN = [
    "A base between Rafah and Khan Yunis will house the Indonesian contingent.",
    "Indonesian troops will be stationed between Rafah and Khan Yunis, Kan reported.",
    "جرى تجهيز منطقة بين مدينتي رفح وخان يونس لاستقبال القوات الإندونيسية.",
    "Endonezya askerlerinin Refah ile Han Yunus arasındaki bölgede konuşlanması bekleniyor.",
    "Индонезийские военные будут размещены в районе между Рафахом и Хан-Юнисом.",
    "報道によると、派遣されるインドネシア軍の活動地域はガザ南部ラファと最南部ハンユニスの間となる。",
    "印尼军队将驻扎在拉法和汗尤尼斯之间的地区。",
    "據以色列公共廣播公司報導，印尼部隊將駐紮在拉法與汗尤尼斯之間的地區。",
    "인도네시아군은 라파와 칸유니스 사이 지역에 주둔한다.",
    "인도네시아 병력은 라파와 칸 유니스 사이에 배치될 예정이다.",
    "Binh sĩ Indonesia sẽ đóng quân tại khu vực giữa Rafah và Khan Younis.",
    "Indonesische troepen worden gelegerd in een gebied tussen Rafah en Khan Younis.",
    "Indonezyjscy żołnierze będą stacjonować na obszarze między Rafah a Chan Junus.",
    "Indonéští vojáci budou rozmístěni v oblasti mezi Rafáhem a Chán Júnisem.",
    "Indonézski vojaci budú rozmiestnení v oblasti medzi Rafahom a Chán Júnisom.",
    "Indonesialaiset sotilaat sijoitetaan Rafahin ja Khan Yunisin väliselle alueelle.",
    "Οι Ινδονήσιοι στρατιώτες θα αναπτυχθούν σε περιοχή μεταξύ της Ράφα και της Χαν Γιουνίς.",
    "Az indonéz katonák Rafah és Hán Júnisz között kijelölt területen állomásoznak majd.",
    "A Kan arról számolt be, hogy Rafah és Hán Júnisz között már kijelöltek egy területet az indonéz hadsereg számára.",
    "Indonesiske soldater skal stasjoneres i et område mellom Rafah og Khan Younis.",
    "Indonesiska soldater ska stationeras i ett område mellan Rafah och Khan Younis.",
    "Indonesiske soldater skal stationeres i et område mellem Rafah og Khan Younis.",
    "Militarii indonezieni vor fi staționați într-o zonă dintre Rafah și Khan Younis.",
    "O zonă între Rafah și Khan Younis a fost desemnată pentru cazărmile armatei indoneziene.",
    "इंडोनेशियाई सैनिकों का अड्डा राफा और खान यूनिस के बीच होगा।",
    "ইন্দোনেশিয়ার সেনারা রাফাহ ও খান ইউনিসের মধ্যে মোতায়েন হবে।",
]
BETWEEN_AZERBAIJAN = [
    "Азербайджанските военни ще бъдат разположени между Рафах и Хан Юнис.",  # Bulgarian
    "Азербејџанските војници ќе бидат стационирани меѓу Рафа и Кан Јунис.",  # Macedonian
]


@pytest.mark.parametrize(("text", "nation"), [*((t, "Indonesia") for t in BETWEEN),
                                              *((t, "Azerbaijan") for t in BETWEEN_AZERBAIJAN)])
def test_one_site_between_two_sectors_is_one_proposal_naming_both(gaz: Gazetteer, text: str, nation: str) -> None:
    from mapview.ingest.extract import extract_all
    from mapview.ingest.proposals import group_findings

    findings = extract_all(text, gaz).findings
    assert findings and all(f.area == ("rafah", "khan-yunis") for f in findings)
    [proposal] = group_findings("x.txt", text, findings, gaz.sector_names)
    assert (proposal.nation, proposal.sector, proposal.area) == (nation, "rafah", ["rafah", "khan-yunis"])
    assert proposal.claim_json()["area"] == ["rafah", "khan-yunis"]
    assert "between Rafah and Khan Yunis" in proposal.note and "Sentences:" not in proposal.note  # one sentence


def test_two_sectors_listed_are_not_one_site(gaz: Gazetteer) -> None:
    from mapview.ingest.proposals import group_findings

    text = "Indonesian troops will be stationed in Rafah and Khan Yunis."
    findings = extract(text, gaz)
    assert {f.sector for f in findings} == {"rafah", "khan-yunis"} and not any(f.area for f in findings)
    assert len(group_findings("x.txt", text, findings)) == 2


# The language told: each paragraph composed in its language (not copied from any article), close languages beside
# each other (Bulgarian and Russian, Macedonian and Serbian, Czech and Slovak, the Nordic three).
BG_PARAGRAPH = ("Министърът на отбраната на Индонезия заяви, че индонезийските войски ще бъдат разположени в Рафах. "
                "Решението е взето след консултации, които продължиха няколко седмици, и това засяга само "
                "подразделенията, избрани за мисията за стабилизиране на Ивицата Газа.")

RU_PARAGRAPH = ("Министр обороны Индонезии заявил, что индонезийские военные будут размещены в Рафахе. Это решение "
                "было принято после консультаций, которые длились несколько недель, и оно касается лишь тех "
                "подразделений, что были отобраны для миссии по стабилизации сектора Газа.")

MK_PARAGRAPH = ("Министерот за одбрана на Индонезија изјави дека индонезиските војници ќе бидат распоредени во Рафа. "
                "Одлуката беше донесена по консултациите што траеја неколку недели, и се однесува само на единиците "
                "кои се избрани за мисијата за стабилизација на Појасот Газа.")

SR_PARAGRAPH = ("Министар одбране Индонезије изјавио је да ће индонежански војници бити стационирани у Рафи. Одлука је "
                "донета после консултација које су трајале неколико недеља, и односи се само на јединице које су "
                "изабране за мисију стабилизације Појаса Газе.")

CZECH = ("Indonéská vláda připravuje vyslání vojáků do Pásma Gazy. Mluvčí ministerstva obrany řekl, že jednotky "
         "brzy odjedou a budou také pomáhat při obnově a při zdravotní péči o obyvatele, kteří jsou v nouzi.")

SLOVAK = ("Indonézska vláda pripravuje vyslanie vojakov do Pásma Gazy. Hovorca ministerstva obrany povedal, že "
          "jednotky čoskoro odcestujú a budú tiež pomáhať pri obnove a pri zdravotnej starostlivosti o obyvateľov, "
          "ktorí sú v núdzi.")

FINNISH = ("Indonesian hallitus valmistelee sotilaiden lähettämistä Gazan kaistalle. Puolustusministeriön "
           "tiedottaja sanoi, että yksiköt lähtevät pian ja että ne auttavat myös jälleenrakennuksessa sekä "
           "asukkaiden terveydenhuollossa.")

GREEK = ("Η κυβέρνηση της Ινδονησίας προετοιμάζει την αποστολή στρατιωτών στη Λωρίδα της Γάζας. Ο εκπρόσωπος του "
         "υπουργείου Άμυνας είπε ότι οι μονάδες θα αναχωρήσουν σύντομα και ότι θα βοηθήσουν επίσης στην ανοικοδόμηση "
         "και στην ιατρική φροντίδα του πληθυσμού.")

# Short: about as few words as a language can be told by (a Czech brief must not read as Slovak or Polish)
CZECH_SHORT = ("Podle ministerstva jsou vojáci připraveni. Jednotky mají odjet ještě tento měsíc, již byl schválen "
               "plán a také rozpočet pro misi.")

POLISH = ("Rząd Indonezji przygotowuje wysłanie żołnierzy do Strefy Gazy. Rzecznik ministerstwa obrony powiedział, że "
          "oddziały wkrótce wyruszą i będą również pomagać przy odbudowie oraz w opiece medycznej nad mieszkańcami.")

HUNGARIAN = ("Az indonéz kormány katonák küldésére készül a Gázai övezetbe. A védelmi minisztérium szóvivője azt "
             "mondta, hogy az egységek hamarosan elindulnak, és az újjáépítésben, valamint az egészségügyi ellátásban "
             "is segíteni fognak.")

NORWEGIAN = ("Den indonesiske regjeringen forbereder å sende soldater til Gazastripen. En talsperson for "
             "departementet sier at enhetene snart skal reise, og at de også skal hjelpe til med gjenoppbyggingen og "
             "den medisinske behandlingen av befolkningen.")

SWEDISH = ("Den indonesiska regeringen förbereder att skicka soldater till Gazaremsan. En talesperson för "
           "departementet säger att förbanden snart ska resa och att de också ska hjälpa till med återuppbyggnaden "
           "och sjukvården för befolkningen.")

DANISH = ("Den indonesiske regering forbereder at sende soldater til Gazastriben. En talsperson for ministeriet "
          "siger, at enhederne snart skal rejse, og at de også skal hjælpe med genopbygningen og den medicinske "
          "behandling af befolkningen.")


@pytest.mark.parametrize(("text", "code"), [
    pytest.param(BG_PARAGRAPH, "bg", id="bg"), pytest.param(RU_PARAGRAPH, "ru", id="ru"),
    pytest.param(MK_PARAGRAPH, "mk", id="mk"), pytest.param(SR_PARAGRAPH, "sr", id="sr"),
    pytest.param(CZECH, "cs", id="cs"), pytest.param(SLOVAK, "sk", id="sk"), pytest.param(FINNISH, "fi", id="fi"),
    pytest.param(GREEK, "el", id="el"), pytest.param(CZECH_SHORT, "cs", id="cs-short"),
    pytest.param(POLISH, "pl", id="pl"), pytest.param(HUNGARIAN, "hu", id="hu"),
    pytest.param(NORWEGIAN, "no", id="no"), pytest.param(SWEDISH, "sv", id="sv"), pytest.param(DANISH, "da", id="da"),
])
def test_the_language_is_told_and_read(text: str, code: str) -> None:
    language = detect_language(text)
    assert (language.code, language.read) == (code, True)


@pytest.mark.parametrize("written", [
    "ستنتشر القوات الإندونيسية في رفح، بحسب هيئة البث.",  # as the gazetteer lists the names
    "ستنتشر القوات الإندونيـسية في رفـح، بحسب هيئة البث.",  # a tatweel stretching each name
    "ستنتشر القوات الإندونيسيّة في رَفَح، بحسب هيئة البث.",  # vowel marks and a shadda on them
])
def test_arabic_names_are_read_with_a_tatweel_or_vowel_marks(gaz: Gazetteer, written: str) -> None:
    """A name's letters may carry a tatweel or vowel marks in Arabic text, as a cue's may: the placement is read
    the same, and the mention spans the name as written."""
    from mapview.ingest.extract import extract_all

    [rafah] = gaz.find_sectors(written)
    assert (rafah.key, written[rafah.start:rafah.end]) == ("rafah", written.split("في ")[1].split("،")[0])
    assert [n.key for n in gaz.find_nations(written)] == ["Indonesia"]
    assert [(f.nation, f.sector, f.role) for f in extract_all(written, gaz).findings] == [
        ("Indonesia", "rafah", "lead")]


@pytest.mark.parametrize("written", [
    "Οι Ινδονήσιοι στρατιώτες θα αναπτυχθούν στη Ράφα.",
    "ΟΙ ΙΝΔΟΝΗΣΙΟΙ ΣΤΡΑΤΙΩΤΕΣ ΘΑ ΑΝΑΠΤΥΧΘΟΥΝ ΣΤΗ ΡΑΦΑ",  # a headline in capitals: Greek drops the tonos there
])
def test_greek_names_are_read_in_capitals_without_their_accents(gaz: Gazetteer, written: str) -> None:
    from mapview.ingest.extract import extract_all

    assert [(m.key, m.surface) for m in gaz.find_sectors(written)] == [("rafah", written.split()[-1].rstrip("."))]
    assert [m.key for m in gaz.find_nations(written)] == ["Indonesia"]
    assert [(f.nation, f.sector, f.role) for f in extract_all(written, gaz).findings] == [
        ("Indonesia", "rafah", "lead")]
    assert [m.key for m in gaz.find_nations("ΣΤΡΑΤΕΥΜΑΤΑ ΤΗΣ ΙΝΔΟΝΗΣΙΑΣ")] == ["Indonesia"]


@pytest.mark.parametrize("written", ["خان یونس", "خان\u200cیونس"])  # a space, or the non-joiner Persian writes
def test_a_persian_name_in_two_parts_is_read_with_a_space_or_a_non_joiner(gaz: Gazetteer, written: str) -> None:
    from mapview.ingest.extract import extract_all

    text = f"نیروهای اندونزی در {written} مستقر می‌شوند."
    assert [(m.key, m.surface) for m in gaz.find_sectors(text)] == [("khan-yunis", written)]
    assert [(f.nation, f.sector, f.role) for f in extract_all(text, gaz).findings] == [
        ("Indonesia", "khan-yunis", "lead")]
