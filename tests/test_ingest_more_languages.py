"""Korean, Chinese (Simplified and Traditional), Vietnamese and Dutch: placements, their status, one site between two
sectors, and traps.

Sentences are composed for these tests from the languages themselves (not copied from any article): Korean attaches
particles to names (인도네시아군은, 라파에) and Chinese writes no spaces, so names and cues are found inside runs of
text; Vietnamese puts the nation after its noun ("binh sĩ Indonesia"); Dutch often closes the clause with the
verb. Expected values are (nation, sector, role, status) as the status engine words them: a nation's own office
stating a placement confirms it, a hedge never does, an outlet relaying it reports it.
"""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract, extract_all
from mapview.ingest.gazetteer import Gazetteer


def leads(text: str, gaz: Gazetteer) -> set[tuple[str | None, str, str, str]]:
    return {f.label() for f in extract(text, gaz) if f.role == "lead"}


def lead(sector: str, status: str, nation: str = "Indonesia") -> tuple[str, str, str, str]:
    return nation, sector, "lead", status


CASES: list[tuple[str, str, set[tuple[str | None, str, str, str]]]] = [
    # a plain placement stated by the nation's own ministry: confirmed
    ("zh", "印尼国防部发言人表示，印尼部队将驻扎在拉法。", {lead("rafah", "confirmed")}),
    ("zh", "印尼國防部長在雅加達表示，該國軍隊將部署在汗尤尼斯。", {lead("khan-yunis", "confirmed")}),
    ("ko", "인도네시아 국방부는 인도네시아군이 라파에 주둔한다고 밝혔다.", {lead("rafah", "confirmed")}),
    # hedged: never confirmed
    ("zh", "印尼部队预计将部署在汗尤尼斯。", {lead("khan-yunis", "speculative")}),
    ("zh", "印尼軍隊或將進駐加薩北部。", {lead("north-gaza", "speculative")}),
    # 예정 ("is scheduled to"): a plan reported as fixed, as English "slated to", not a hedge
    ("ko", "인도네시아군은 라파에 배치될 예정이다.", {lead("rafah", "reported")}),
    ("ko", "인도네시아군은 라파에 배치될 것으로 전망된다.", {lead("rafah", "speculative")}),
    ("ko", "인니 병력이 칸 유니스에 배치될 가능성이 있다.", {lead("khan-yunis", "speculative")}),
    # relayed by an outlet ("according to Kan"): reported
    ("zh", "据以色列公共广播公司报道，印尼士兵将驻扎在拉法。", {lead("rafah", "reported")}),
    ("ko", "이스라엘 칸 방송에 따르면 인도네시아 병력은 라파에 주둔한다.", {lead("rafah", "reported")}),
    ("ko", "이스라엘 공영방송 칸(Kan)은 인도네시아 병력이 라파에 배치된다고 보도했다.", {lead("rafah", "reported")}),
    ("zh", "据以色列Kan电视台报道，印尼军队将驻扎在罕尤尼斯。", {lead("khan-yunis", "reported")}),
    # the plan named as the source is the media's report; "plans to" is a hedge (as in English)
    ("zh", "根据加沙和平计划，印尼部队将驻扎在拉法。", {lead("rafah", "reported")}),
    ("zh", "印尼计划向拉法派遣部队。", {lead("rafah", "speculative")}),
    ("ko", "평화 계획에 따르면 인도네시아군은 라파에 주둔한다.", {lead("rafah", "reported")}),
    ("ko", "인도네시아는 라파에 병력을 파병할 계획이다.", {lead("rafah", "speculative")}),
    ("vi", "Theo kế hoạch, binh sĩ Indonesia sẽ đóng quân tại Rafah.", {lead("rafah", "reported")}),
    # a denial
    ("zh", "印尼否认将向拉法派兵。", {lead("rafah", "denied")}),
    ("zh", "印尼不会向拉法派遣部队。", {lead("rafah", "denied")}),
    ("ko", "인도네시아 정부는 라파에 군대를 파병하지 않는다고 밝혔다.", {lead("rafah", "denied")}),
    # a nominal form ("the deployment of Indonesian troops in Khan Yunis has begun")
    ("zh", "印尼部队在汗尤尼斯的部署已经开始。", {lead("khan-yunis", "reported")}),
    ("ko", "칸유니스에 대한 인도네시아군의 배치가 시작됐다.", {lead("khan-yunis", "reported")}),
    # "the troops" in the sentence after the one naming the nation
    ("zh", "印尼将派遣数千名士兵。这些部队将驻扎在拉法。", {lead("rafah", "reported")}),
    ("ko", "인도네시아는 수천 명의 병력을 보낸다. 이들 병력은 라파에 주둔한다.", {lead("rafah", "reported")}),
    # a lead cue: Morocco responsible for a sector
    ("zh", "摩洛哥将负责汗尤尼斯。", {lead("khan-yunis", "reported", "Morocco")}),
    ("ko", "모로코가 칸유니스를 담당한다.", {lead("khan-yunis", "reported", "Morocco")}),
    # a negation: Khan Yunis, not Rafah (Korean puts it after the sector excluded, Chinese before)
    ("ko", "인도네시아군은 라파가 아닌 칸유니스에 주둔한다.", {lead("khan-yunis", "reported")}),
    ("zh", "印尼军队将驻扎在汗尤尼斯，而不是拉法。", {lead("khan-yunis", "reported")}),
    # Vietnamese, case by case as above
    ("vi", "Người phát ngôn Bộ Quốc phòng Indonesia cho biết binh sĩ Indonesia sẽ đóng quân tại Rafah.",
     {lead("rafah", "confirmed")}),
    ("vi", "Quân đội Indonesia dự kiến sẽ được triển khai tại Khan Younis.", {lead("khan-yunis", "speculative")}),
    ("vi", "Theo đài truyền hình công cộng Kan của Israel, binh sĩ Indonesia sẽ đóng quân tại Rafah.",
     {lead("rafah", "reported")}),
    ("vi", "Bộ Quốc phòng Indonesia bác bỏ thông tin binh sĩ Indonesia sẽ đóng quân tại Rafah.",
     {lead("rafah", "denied")}),
    ("vi", "Indonesia sẽ không triển khai binh sĩ tại Rafah.", {lead("rafah", "denied")}),
    ("vi", "Việc triển khai binh sĩ Indonesia tại Khan Younis đã bắt đầu.", {lead("khan-yunis", "reported")}),
    ("vi", "Indonesia sẽ gửi hàng nghìn binh sĩ. Số binh sĩ này sẽ đóng quân tại Rafah.", {lead("rafah", "reported")}),
    ("vi", "Morocco sẽ phụ trách Khan Younis.", {lead("khan-yunis", "reported", "Morocco")}),
    ("vi", "Binh sĩ Indonesia sẽ đóng quân tại Khan Younis, không phải ở Rafah.", {lead("khan-yunis", "reported")}),
    ("vi", "Binh sĩ Indonesia sẽ làm nhiệm vụ ở phía bắc Dải Gaza.", {lead("north-gaza", "reported")}),
    # Dutch, case by case as above ("zou/zouden", the press's reported mood, is a hedge)
    ("nl", "Een woordvoerder van het Indonesische ministerie van Defensie zei dat Indonesische troepen in Rafah worden "
           "gestationeerd.", {lead("rafah", "confirmed")}),
    ("nl", "Indonesische militairen zullen naar verwachting in Khan Younis worden ingezet.",
     {lead("khan-yunis", "speculative")}),
    ("nl", "Indonesische troepen zouden in Noord-Gaza worden gelegerd.", {lead("north-gaza", "speculative")}),
    ("nl", "Volgens de Israëlische publieke omroep Kan worden Indonesische soldaten in Rafah gestationeerd.",
     {lead("rafah", "reported")}),
    ("nl", "Het Indonesische ministerie van Defensie ontkende dat Indonesische troepen in Rafah worden gestationeerd.",
     {lead("rafah", "denied")}),
    ("nl", "Indonesië zal geen troepen naar Rafah sturen.", {lead("rafah", "denied")}),
    ("nl", "De inzet van Indonesische militairen in Khan Younis is begonnen.", {lead("khan-yunis", "reported")}),
    ("nl", "Indonesië stuurt duizenden soldaten. De troepen worden gestationeerd in Rafah.",
     {lead("rafah", "reported")}),
    ("nl", "Marokko wordt verantwoordelijk voor Khan Younis.", {lead("khan-yunis", "reported", "Morocco")}),
    ("nl", "Indonesische troepen worden gestationeerd in Khan Younis, niet in Rafah.",
     {lead("khan-yunis", "reported")}),
    # no subject after the speech verb (Chinese drops it): the speaker sends its own troops, and stays the contingent
    ("zh", "印尼表示将向拉法派兵。", {lead("rafah", "confirmed")}),
    # a placement inside the report being corrected ("although earlier reports said ..."): a denial, never a lead
    ("zh", "这位部长还澄清,尽管此前有报道称印尼部队将被部署在加沙南部的拉法,但部署地点尚未最终确定。",
     {lead("rafah", "denied")}),
    ("en", "The minister clarified that although earlier reports said Indonesian troops would be deployed in Rafah, "
           "the location has not been finalised.", {lead("rafah", "denied")}),
    ("en", "Contrary to media reports, Indonesian troops will not be stationed in Rafah.", {lead("rafah", "denied")}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_placements_and_their_status(gaz: Gazetteer, lang: str, text: str, expected: set) -> None:
    assert leads(text, gaz) == expected, lang


def test_a_hedge_never_confirms_even_from_the_nations_own_office(gaz: Gazetteer) -> None:
    for text in ("印尼国防部发言人表示，印尼部队可能驻扎在拉法。",
                 "인도네시아 국방부는 인도네시아군이 라파에 배치될 전망이라고 밝혔다."):
        found = leads(text, gaz)
        assert found and all(status != "confirmed" for *_, status in found), text


@pytest.mark.parametrize("text", [
    # Israel's own army in Rafah: a party, never a contributor
    "以色列军队仍驻扎在拉法。",
    "이스라엘군은 라파에 계속 주둔하고 있다.",
    # the Indonesian Hospital: a facility, not a contingent
    "印度尼西亚医院位于加沙北部，部队曾在附近部署。",
    "가자 북부의 인도네시아 병원 주변 지역에 병력이 배치됐다.",
    # citizens evacuated through the Rafah crossing
    "印尼公民经拉法口岸撤离加沙。",
    "인도네시아 국민들이 라파 검문소를 통해 가자지구에서 대피했다.",
    # the force's first phase in Rafah, with a list of contributors and no sector of their own
    "国际稳定部队将首先部署在拉法，印尼、摩洛哥和阿尔巴尼亚将派兵。",
    "국제안정화군은 먼저 라파에 배치되며 인도네시아, 모로코, 알바니아가 병력을 보낸다.",
    # an outlet named after its country
    "印度尼西亚安塔拉通讯社报道了拉法地区的部署情况。",
    "인도네시아 안타라통신은 라파 지역의 배치 상황을 보도했다.",
    # Egypt's side of Rafah
    "埃及军队在埃及一侧的拉法加强了部署。",
    "이집트군은 이집트 쪽 라파에 병력을 증강했다.",
    # "Raphael" and "humanitarian" (인도적: not India) are not Rafah or India
    "라파엘 그로시 사무총장은 인도적 지원을 위한 병력 배치를 언급했다.",
    "Quân đội Israel vẫn đóng quân tại Rafah.",
    "Bệnh viện Indonesia ở phía bắc Dải Gaza bị tấn công, binh sĩ được triển khai gần đó.",
    "Công dân Indonesia đã được sơ tán qua cửa khẩu Rafah.",
    "Lực lượng ISF sẽ triển khai đầu tiên tại Rafah, với binh sĩ từ Indonesia, Morocco và Albania.",
    "Hãng thông tấn Antara của Indonesia đưa tin về tình hình triển khai ở Rafah.",
    "Quân đội Ai Cập tăng cường lực lượng ở phía Ai Cập của Rafah.",
    # "giải pháp" (a solution) is not France
    "Giải pháp hai nhà nước được thảo luận tại Rafah, nơi binh sĩ đóng quân.",
    "Het Israëlische leger blijft in Rafah gestationeerd.",
    "Het Indonesische ziekenhuis in Noord-Gaza werd getroffen, terwijl troepen in de buurt werden ingezet.",
    "Indonesische burgers werden via de grensovergang Rafah geëvacueerd.",
    "De ISF wordt eerst in Rafah ingezet; Indonesië, Marokko en Albanië leveren troepen.",
    "Het Indonesische persbureau Antara berichtte over de inzet van troepen in Rafah.",
    "Het Egyptische leger versterkte zijn troepen aan de Egyptische kant van Rafah.",
])
def test_traps_give_no_lead(gaz: Gazetteer, text: str) -> None:
    assert not [f for f in extract(text, gaz) if f.role == "lead" and f.nation is not None], text


def test_korean_particles_and_chinese_runs_still_name_nations_and_sectors(gaz: Gazetteer) -> None:
    assert [(m.key, m.surface) for m in gaz.find_nations("인도네시아군은 라파에")] == [("Indonesia", "인도네시아")]
    korean = "인도네시아군은 라파에 배치되고 칸유니스로 이동한다"
    assert [m.key for m in gaz.find_sectors(korean)] == ["rafah", "khan-yunis"]
    chinese = "代尔拜拉赫和加沙城以及加薩北部"
    assert [m.key for m in gaz.find_sectors(chinese)] == ["deir-al-balah", "gaza-city", "north-gaza"]
    assert [m.key for m in gaz.find_nations("印尼和印度尼西亚以及印度尼西亞")] == ["Indonesia"] * 3


KOREAN = ("인도네시아 정부는 가자지구에 병력을 보낼 준비를 하고 있다. 국방부 대변인은 병력이 곧 출발한다고 밝혔다. "
          "이들은 재건과 의료 지원 임무도 맡는다. ") * 2
CHINESE = "印尼政府正在准备向加沙地带派遣部队。国防部发言人表示，部队将很快出发，并承担重建和医疗援助任务。" * 2
TRADITIONAL = "印尼政府正在準備向加薩走廊派遣部隊。國防部發言人表示，部隊將很快出發，並承擔重建和醫療援助任務。" * 2
JAPANESE = ("インドネシア政府はガザ地区に部隊を派遣する準備を進めている。"
            "国防省の報道官は、部隊はまもなく出発すると述べた。") * 2


VIETNAMESE = ("Chính phủ Indonesia đang chuẩn bị gửi binh sĩ tới Dải Gaza. Người phát ngôn Bộ Quốc phòng cho biết các "
              "đơn vị sẽ sớm lên đường và đảm nhận cả nhiệm vụ tái thiết lẫn hỗ trợ y tế cho người dân.")

DUTCH = ("De Indonesische regering bereidt de uitzending van troepen naar de Gazastrook voor. Een woordvoerder van het "
         "ministerie zei dat de eenheden binnenkort vertrekken en ook bij de wederopbouw en de medische zorg zullen "
         "helpen.")


@pytest.mark.parametrize(("text", "code"), [(KOREAN, "ko"), (CHINESE, "zh"), (TRADITIONAL, "zh"), (JAPANESE, "ja"),
                                            (VIETNAMESE, "vi"), (DUTCH, "nl")])
def test_chinese_is_told_from_japanese_and_korean_and_each_is_read(gaz: Gazetteer, text: str, code: str) -> None:
    language = extract_all(text, gaz).language
    assert (language.code, language.read) == (code, True)


def test_chinese_cues_leave_japanese_as_it_was_read(gaz: Gazetteer) -> None:
    # 地区 is a placing word in Chinese; in Japanese after katakana it names the place (ガザ地区: the Strip), and the
    # Japanese file does not read it as one
    assert leads("印尼军队的士兵在拉法地区。", gaz) == {lead("rafah", "reported")}
    assert leads("インドネシア軍の兵士はラファ地区にいる。", gaz) == set()
