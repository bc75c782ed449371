"""Korean, Chinese (Simplified and Traditional), Vietnamese and Dutch: names inside runs of text, the language
told, a hedge never confirming (placements, their status and traps, sentence by sentence:
tests/ingest_cases/{ko,zh,vi,nl}.toml).

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


def test_a_hedge_never_confirms_even_from_the_nations_own_office(gaz: Gazetteer) -> None:
    for text in ("印尼国防部发言人表示，印尼部队可能驻扎在拉法。",
                 "인도네시아 국방부는 인도네시아군이 라파에 배치될 전망이라고 밝혔다."):
        found = leads(text, gaz)
        assert found and all(status != "confirmed" for *_, status in found), text


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

