"""An unread language named, and one site between two sectors in every language (the placements and traps of
every language ingest reads, sentence by sentence: tests/ingest_cases/<lang>.toml, read by
tests/test_ingest_cases.py).

Sentences are written for these tests in the manner of ISF reporting read in each language (the search tool's
pages corpus): a contingent stationed in or between sectors, a nation responsible for a sector, the force's
first phase in Rafah with a list of contributors, a broadcaster named after its country, the Rafah crossing.
"""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract
from mapview.ingest.gazetteer import Gazetteer
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
