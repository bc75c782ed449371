"""Every language ingest reads: placements worded as real reporting words them, and traps that place nothing.

Sentences are written for these tests in the manner of ISF reporting read in each language (the search tool's
pages corpus): a contingent stationed in or between sectors, a nation responsible for a sector, the force's
first phase in Rafah with a list of contributors, a broadcaster named after its country, the Rafah crossing.
Expected values are (nation, sector, role); status is the status engine's and is not checked here.
"""

from __future__ import annotations

import pytest

from mapview.ingest import langdata
from mapview.ingest.extract import extract
from mapview.ingest.gazetteer import Gazetteer
from tests.conftest import DATA

IR, IK = ("Indonesia", "rafah", "lead"), ("Indonesia", "khan-yunis", "lead")

CASES: dict[str, list[tuple[str, set[tuple[str | None, str, str]]]]] = {
    "en": [
        ("Indonesian troops are expected to supervise several defence lines in Khan Younis and Rafah.", {IR, IK}),
        ("The Indonesian contingent will be stationed first in Rafah, officials said.", {IR}),
        ("Morocco has been assigned the Khan Younis sector under the plan.", {("Morocco", "khan-yunis", "lead")}),
        ("Thousands of Indonesian soldiers are due next month. The troops will be based between Rafah and Khan "
         "Yunis.", {IR, IK}),
        ("An area between Rafah and Khan Younis has been earmarked for the Indonesian army to build barracks.",
         {IR, IK}),
        ("Indonesia will send troops next month. The forces will be positioned in Khan Younis.", {IK}),
        ("The ISF will deploy first in Rafah; Indonesia, Morocco and Albania have pledged troops.",
         {(None, "rafah", "deployment-phase")}),
    ],
    "ar": [
        ("جرى تجهيز منطقة بين رفح وخانيونس لاستقبال القوات الإندونيسية.", {IR, IK}),
        ("وأفادت هيئة البث الإسرائيلية بأن القوات الإندونيسية ستتمركز في المنطقة الواقعة بين رفح وخان يونس.",
         {IR, IK}),
        ("ستبدأ القوة الدولية انتشارها في رفح أولاً، بمشاركة إندونيسيا والمغرب وألبانيا.", set()),
    ],
    "he": [
        ("השטח המיועד להצבת הכוחות האינדונזיים נמצא בדרום הרצועה, במרחב שבין רפיח לחאן יונס.", {IR, IK}),
        ("לפי הדיווח, מרוקו תהיה אחראית על רפיח.", {("Morocco", "rafah", "lead")}),
        ("כוח הייצוב יתחיל את פריסתו ברפיח, ואינדונזיה, מרוקו ואלבניה ישלחו חיילים.", set()),
    ],
    "tr": [
        ("Endonezya askerlerinin Refah ile Han Yunus arasındaki bölgede konuşlanması bekleniyor.", {IR, IK}),
        ("Planlamaya göre Kosova birlikleri Kuzey Gazze'de görev yapacak.", {("Kosovo", "north-gaza", "lead")}),
        ("ISF ilk olarak Refah'ta konuşlanacak; Endonezya, Fas ve Arnavutluk asker gönderecek.",
         {(None, "rafah", "deployment-phase")}),
    ],
    "id": [
        ("Menlu RI menyebut pasukan TNI akan bertugas di Rafah.", {IR}),
        ("Pasukan Indonesia diperkirakan akan mengawasi beberapa garis pertahanan di Khan Younis dan Rafah.",
         {IR, IK}),
        ("Kawasan antara Rafah dan Khan Younis telah disiapkan untuk menampung pasukan Indonesia.", {IR, IK}),
        ("Rencana penempatan pasukan TNI di wilayah antara Rafah dan Khan Younis dibahas pekan ini.", {IR, IK}),
    ],
    "ms": [
        ("Tentera Malaysia akan ditempatkan di Khan Younis, menurut kenyataan kementerian.",
         {("Malaysia", "khan-yunis", "lead")}),
    ],
    "sq": [
        ("Trupat indoneziane do të vendosen në zonën mes Rafahut dhe Khan Junisit.", {IR, IK}),
        ("Zona në jug – midis qyteteve Rafah dhe Khan Yunis – është përgatitur për të pritur ushtarët indonezianë.",
         {IR, IK}),  # a dash pair is a parenthesis, not two clauses
        ("Sipas planit, FSK do të stacionohet në Gazën Veriore.", {("Kosovo", "north-gaza", "lead")}),
    ],
    "sr": [
        ("Indonežanski vojnici biće stacionirani u Rafi, javlja izraelski javni servis.", {IR}),
        # one nation's forces deployed in a sector: a lead (tests/realworld/README.md)
        ("Kosovske bezbednosne snage biće raspoređene u Severnoj Gazi.", {("Kosovo", "north-gaza", "lead")}),
        ("Индонежански војници биће стационирани у Рафи.", {IR}),
    ],
    "bs": [
        ("Indonezijski vojnici bit će stacionirani u Rafi i Kan Junisu.", {IR, IK}),
    ],
    "de": [
        ("Die indonesischen Soldaten sollen zwischen Rafah und Chan Junis stationiert werden.", {IR, IK}),
        ("Marokko soll die Verantwortung für den Sektor Rafah übernehmen.", {("Morocco", "rafah", "lead")}),
        ("Die Truppe soll zunächst in Rafah stationiert werden; Indonesien, Marokko und Albanien stellen Soldaten.",
         {(None, "rafah", "deployment-phase")}),
        ("Der israelische Sender Kan berichtete über die Lage in Rafah.", set()),
    ],
    "fr": [
        ("Les forces indonésiennes devraient se positionner entre Rafah et Khan Younès.", {IR, IK}),
        ("Le Maroc sera responsable du secteur de Khan Younès.", {("Morocco", "khan-yunis", "lead")}),
        ("La chaîne israélienne Kan a évoqué Rafah.", set()),
    ],
    "ru": [
        ("Индонезийские военные будут размещены в районе между Рафахом и Хан-Юнисом.", {IR, IK}),
        ("По данным источников, местом дислокации индонезийских военнослужащих станет район между городами Рафах "
         "и Хан-Юнис.", {IR, IK}),
        ("Размещение сил ISF первоначально планируется в районе Рафаха, войска направят Индонезия, Марокко и "
         "Казахстан.", set()),
    ],
    "es": [
        ("Las tropas indonesias se instalarían en el sureste de Rafá.", {IR}),
        ("Marruecos estará a cargo del sector de Jan Yunis.", {("Morocco", "khan-yunis", "lead")}),
    ],
    "it": [
        ("Le truppe indonesiane saranno stanziate tra Rafah e Khan Younis.", {IR, IK}),
        ("I carabinieri italiani sono giunti al valico di Rafah.", set()),
    ],
    "ur": [
        ("انڈونیشیا کے فوجی رفح میں تعینات کیے جائیں گے۔", {IR}),
    ],
    "az": [
        ("İndoneziya hərbçiləri Rəfahda yerləşdiriləcək.", {IR}),
        ("Mərakeş Xan Yunis sektoruna cavabdeh olacaq.", {("Morocco", "khan-yunis", "lead")}),
    ],
    "kk": [
        ("Индонезия әскерлері Рафахқа орналастырылады.", {IR}),
    ],
    "pt": [
        ("As tropas indonésias devem ficar numa área entre Rafah e Khan Younis, segundo a emissora Kan.", {IR, IK}),
        ("Cidadãos portugueses deixaram Gaza pela passagem de Rafah.", set()),
        ("A força deverá começar por Rafah; a Indonésia, Marrocos e a Albânia enviarão tropas.", set()),
    ],
    "fa": [
        ("این رادیو توضیح داد که منطقه ای بین رفح و خان یونس برای استقبال از نیروهای اندونزیایی آماده شده است.",
         {IR, IK}),
        ("نیروهای ارتش اسرائیل در رفح مستقر هستند.", set()),
    ],
    "ja": [  # no spaces between words: names and cues are found inside runs of text
        ("報道によると、インドネシア軍の活動地域はラファとハンユニスの間となる。", {IR, IK}),
        ("国際安定化部隊は当初ラファに展開し、インドネシアやモロッコが兵士を派遣する。",
         {(None, "rafah", "deployment-phase")}),
    ],
    "ko": [  # particles attach to names (인도네시아군은, 라파에); more in tests/test_ingest_more_languages.py
        ("인도네시아군은 라파와 칸유니스 사이 지역에 주둔한다.", {IR, IK}),
    ],
    "zh": [  # Simplified and Traditional, no spaces; more in tests/test_ingest_more_languages.py
        ("印尼军队将驻扎在拉法和汗尤尼斯之间的地区。", {IR, IK}),
        ("據報導，印尼部隊將駐紮在加薩北部。", {("Indonesia", "north-gaza", "lead")}),
    ],
    "vi": [  # the nation after its noun; more in tests/test_ingest_more_languages.py
        ("Binh sĩ Indonesia sẽ đóng quân tại khu vực giữa Rafah và Khan Younis.", {IR, IK}),
    ],
    "nl": [  # more in tests/test_ingest_more_languages.py
        ("Indonesische troepen worden gelegerd in een gebied tussen Rafah en Khan Younis.", {IR, IK}),
        ("Marokko wordt verantwoordelijk voor Khan Younis.", {("Morocco", "khan-yunis", "lead")}),
    ],
    "ro": [  # names take the article and case endings (Indoneziei, Marocul); more in tests/test_ingest_romanian.py
        ("Trupele indoneziene ar urma să fie staționate într-o zonă între Rafah și Khan Younis, potrivit postului "
         "public israelian Kan.", {IR, IK}),
        ("Marocul va fi responsabil de sectorul Khan Younis.", {("Morocco", "khan-yunis", "lead")}),
        ("Forța ISF va fi desfășurată mai întâi în Rafah; Indonezia, Marocul și Albania vor trimite militari.",
         {(None, "rafah", "deployment-phase")}),
    ],
}


def test_every_required_language_has_a_file_and_cases():
    required = {"en", "ar", "he", "tr", "id", "ms", "sq", "sr", "bs", "fr", "de", "ru", "es", "it", "ur", "az", "kk",
                "ja", "pt", "fa", "ko", "zh", "vi", "nl"}
    assert required <= set(langdata.languages())
    assert required <= set(CASES)


@pytest.mark.parametrize(("lang", "text", "expected"),
                         [(lang, text, expected) for lang, cases in CASES.items() for text, expected in cases])
def test_placements_in_each_language(gaz: Gazetteer, lang: str, text: str, expected: set) -> None:
    found = {(f.nation, f.sector, f.role) for f in extract(text, gaz)}
    assert found == expected, lang


@pytest.mark.parametrize("text", [
    "Israeli forces remain in Rafah and Khan Younis.",  # a party, never a contributor
    "Die israelische Armee bleibt in Rafah stationiert.",
    "Израильская армия останется в Рафахе.",
    "Hamas fighters were stationed in Khan Younis.",
])
def test_parties_are_never_proposed_as_contributors(gaz: Gazetteer, text: str) -> None:
    assert all(f.nation not in ("Israel", "Hamas") for f in extract(text, gaz))


@pytest.mark.parametrize(("text", "expected"), [
    ("Indonesian troops will be stationed in Rafah, near the border with Egypt.", {IR}),
    ("Las tropas se instalarían en el sureste de Rafá, en la frontera entre Gaza y Egipto.", set()),
    ("Die Soldaten sollen in Rafah an der Grenze zu Ägypten stationiert werden.", set()),
    ("ستتمركز القوات في رفح قرب الحدود المصرية.", set()),
    ("Egyptian troops will be stationed in Rafah.", {("Egypt", "rafah", "lead")}),
])
def test_a_nation_naming_a_border_is_not_placed(gaz: Gazetteer, text: str, expected: set) -> None:
    assert {(f.nation, f.sector, f.role) for f in extract(text, gaz)} == expected


# Slovak: no file reads it ("Rafahom", "Khan Younisom" carry an ending every sector name may take; "Indonézia" is
# Hungarian's CLDR name too). Romanian, read since ro.toml, is tested in tests/test_ingest_romanian.py.
SLOVAK = ("Indonézia pošle tisíce vojakov do Pásma Gazy, uvádza verejnoprávna stanica Kan. Indonézske jednotky by "
          "mali byť rozmiestnené v oblasti medzi Rafahom a Khan Younisom na juhu územia a výstavba kasární potrvá "
          "niekoľko týždňov.\n")


@pytest.mark.parametrize(("text", "code", "name", "sectors"), [
    (SLOVAK, "sk", "Slovak", ["rafah", "khan-yunis"]),
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


@pytest.mark.parametrize("lang", sorted(CASES))
def test_each_read_language_is_recognised_as_read(gaz: Gazetteer, lang: str) -> None:
    from mapview.ingest.extract import extract_all

    article = " ".join(text for text, _ in CASES[lang]) * 3  # long enough to tell its language
    assert extract_all(article, gaz).language.read, lang


def test_ingest_output_names_an_unread_language(tmp_path) -> None:
    from mapview.data.project import ProjectPaths
    from mapview.ingest.command import plan_ingest, plan_json

    seeds, claims = tmp_path / "seeds", tmp_path / "claims"
    seeds.mkdir()
    claims.mkdir()
    article = tmp_path / "clanok.txt"
    article.write_text(SLOVAK, encoding="utf-8")
    paths = ProjectPaths.defaults(sectors=DATA / "geodata" / "sectors.geojson", claims=claims / "claims.json",
                                  seeds=seeds, context=tmp_path / "context")
    plan = plan_ingest([article], paths)
    [source] = plan_json(plan)["sources"]
    assert source["language"] == {"code": "sk", "name": "Slovak", "read": False}
    assert "Slovak" in source["notice"]
    assert len(plan_json(plan)["mentions"]) == 1 and plan_json(plan)["proposals"] == []


@pytest.mark.parametrize("text", [
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
    "Az indonéz katonák Rafah és Hán Júnisz között kijelölt területen állomásoznak majd.",
    "A Kan arról számolt be, hogy Rafah és Hán Júnisz között már kijelöltek egy területet az indonéz hadsereg számára.",
    "Indonesiske soldater skal stasjoneres i et område mellom Rafah og Khan Younis.",
    "Indonesiska soldater ska stationeras i ett område mellan Rafah och Khan Younis.",
    "Indonesiske soldater skal stationeres i et område mellem Rafah og Khan Younis.",
    "Militarii indonezieni vor fi staționați într-o zonă dintre Rafah și Khan Younis.",
    "O zonă între Rafah și Khan Younis a fost desemnată pentru cazărmile armatei indoneziene.",
])
def test_one_site_between_two_sectors_is_one_proposal_naming_both(gaz: Gazetteer, text: str) -> None:
    from mapview.ingest.extract import extract_all
    from mapview.ingest.proposals import group_findings

    findings = extract_all(text, gaz).findings
    assert findings and all(f.area == ("rafah", "khan-yunis") for f in findings)
    [proposal] = group_findings("x.txt", text, findings, gaz.sector_names)
    assert (proposal.nation, proposal.sector, proposal.area) == ("Indonesia", "rafah", ["rafah", "khan-yunis"])
    assert proposal.claim_json()["area"] == ["rafah", "khan-yunis"]
    assert "between Rafah and Khan Yunis" in proposal.note and "Sentences:" not in proposal.note  # one sentence


def test_two_sectors_listed_are_not_one_site(gaz: Gazetteer) -> None:
    from mapview.ingest.proposals import group_findings

    text = "Indonesian troops will be stationed in Rafah and Khan Yunis."
    findings = extract(text, gaz)
    assert {f.sector for f in findings} == {"rafah", "khan-yunis"} and not any(f.area for f in findings)
    assert len(group_findings("x.txt", text, findings)) == 2
