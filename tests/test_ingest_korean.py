"""Korean (issue #20): the rules written from the misses of tests/ingest_corpus/ko.jsonl, one case each, with the
traps they must not turn into leads. Sentences composed for these tests, not copied from any article."""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract
from mapview.ingest.gazetteer import Gazetteer


def found(text: str, gaz: Gazetteer) -> set[tuple[str | None, str, str, str]]:
    return {f.label() for f in extract(text, gaz)}


PLACED = [
    # 책임지다 with its ending in one syllable (책임질), 맡다 before a comma (맡고)
    ("튀르키예는 칸유니스를 책임질 것으로 보인다.", {("Turkey", "khan-yunis", "lead", "speculative")}),
    ("인도네시아는 라파를 맡고, 모로코는 칸유니스를 맡는다.",
     {("Indonesia", "rafah", "lead", "reported"), ("Morocco", "khan-yunis", "lead", "reported")}),
    # spellings: 칸유네스, 가자 지구 북부
    ("인도네시아 병력은 칸유네스에 주둔한다.", {("Indonesia", "khan-yunis", "lead", "reported")}),
    ("코소보 병력은 가자 지구 북부에 배치된다.", {("Kosovo", "north-gaza", "lead", "reported")}),
    # a name glossed in parentheses is one mention: the pair before 사이 stays a pair
    ("인도네시아 병력은 라파(Rafah)와 칸유니스(Khan Yunis) 사이에 배치된다.",
     {("Indonesia", "rafah", "lead", "reported"), ("Indonesia", "khan-yunis", "lead", "reported")}),
    # 파병 (sending troops) names troops: the nation that sends them has a contingent
    ("인도네시아 정부는 라파에 파병하는 방안을 논의하고 있다.", {("Indonesia", "rafah", "lead", "speculative")}),
    # "우리 군" in the words of a nation's president: his nation's troops
    ('프라보워 수비안토 인도네시아 대통령은 "우리 군은 라파에 주둔할 것"이라고 말했다.',
     {("Indonesia", "rafah", "lead", "confirmed")}),
    # a headcount sent is a contingent the next sentence's site refers back to
    ("인도네시아는 ISF에 최대 2만 명을 보내겠다고 밝힌 바 있다. "
     "배치 지역은 라파와 칸유니스 사이 남부 지역이 될 전망이다.",
     {("Indonesia", "rafah", "lead", "speculative"), ("Indonesia", "khan-yunis", "lead", "speculative")}),
    # the force's name (국제안정화군) holds no offer (제안) and no hedge
    ("국제안정화군(ISF) 계획에 따르면 코소보 병력은 가자지구 북부에 배치된다.",
     {("Kosovo", "north-gaza", "lead", "reported")}),
    ("미국 주도로 추진되는 국제안정화군(ISF)에 참여하는 인도네시아군은 라파에 배치될 예정이다.",
     {("Indonesia", "rafah", "lead", "reported")}),
    # a verb whose own place is the Strip (가자 파병) leaves the sector to the next placing word
    ("인니군 8천명 가자 파병…라파·칸유니스 사이 주둔",
     {("Indonesia", "rafah", "lead", "reported"), ("Indonesia", "khan-yunis", "lead", "reported")}),
    # not sending troops is a denial
    ("아제르바이잔은 데이르알발라에 병력을 보내지 않을 것이라고 일함 알리예프 대통령이 말했다.",
     {("Azerbaijan", "deir-al-balah", "lead", "denied")}),
    # the first deployment of the whole force
    ("인도네시아는 ISF 부사령관직을 맡으며, 첫 배치는 라파에서 시작된다.",
     {(None, "rafah", "deployment-phase", "reported")}),
    # a sector name that only locates a place right after it: the place is the site (troops, not a lead)
    ("가자지구 북부 베이트하눈에는 코소보 병력이 배치될 것이라고 코소보 정부 대변인이 밝혔다.",
     {("Kosovo", "north-gaza", "troops", "confirmed")}),
    # "nothing settled" hedges: never a confirmation by the nation's own office
    ('인도네시아 외교부 대변인은 인니군이 라파에 주둔한다는 이스라엘 언론 보도에 대해 "확정된 바 없다"고 말했다.',
     {("Indonesia", "rafah", "lead", "speculative")}),
]


# hedges and denials in the ways Korean reporting words them
PLACED += [
    ("인도네시아군이 라파에 배치될 공산이 크다.", {("Indonesia", "rafah", "lead", "speculative")}),
    ("인도네시아군은 칸유니스에 배치될 수도 있다.", {("Indonesia", "khan-yunis", "lead", "speculative")}),
    ("인도네시아 국방부는 인니군이 라파에 주둔한다는 보도는 사실과 다르다고 밝혔다.",
     {("Indonesia", "rafah", "lead", "denied")}),
    ("인도네시아 국방부는 라파 파병은 논의된 바 없다고 말했다.", {("Indonesia", "rafah", "lead", "denied")}),
]


@pytest.mark.parametrize(("text", "expected"), PLACED)
def test_korean_wordings(gaz: Gazetteer, text: str, expected: set) -> None:
    assert found(text, gaz) == expected


# (text, why it places no one)
TRAPS = [
    ("가자시민들은 인도네시아군이 곧 배치된다는 소식을 반겼다.", "가자 + 시민: Gaza's citizens, not Gaza City"),
    ("칸유니스에 주둔했던 아제르바이잔 병력은 모두 철수했다.", "had been stationed: history"),
    ("가자시티에는 아직 배치 계획이 없으며, 인도네시아군은 남부에 집중 배치된다.", "no placement planned there"),
    ('네타냐후 총리는 인도네시아군과 관련해 "우리 군은 라파에 남을 것"이라고 말했다.', "Israel's own army"),
    ("인도네시아 국방부는 라파엘 그로시 IAEA 사무총장과 만나 파병 문제를 논의했다.", "라파엘 (Rafael) is no 라파"),
    ("인도네시아군은 이스라엘 라파엘사의 방공 시스템을 도입해 배치한다.", "the arms maker Rafael"),
    ("팔레스타인 경찰은 요르단강 서안지구에서 훈련받은 뒤 라파에 배치될 예정이다.", "the West Bank, not Jordan"),
    ("요르단 강 서안 출신 경찰 병력 500명이 라파에 배치된다.", "the West Bank, written apart"),
    ("인도네시아 파병 부대의 출국을 앞두고 라파에서는 이스라엘군의 공습이 이어졌다.", "an adverbial clause: ahead of"),
    ("인도네시아가 파병을 결정한 가운데 라파 주민 수천 명이 칸유니스로 이동했다.", "an adverbial clause: amid"),
]


def test_korean_traps_give_no_lead(gaz: Gazetteer) -> None:
    given_a_lead = {why: text for text, why in TRAPS if any(label[2] == "lead" for label in found(text, gaz))}
    assert given_a_lead == {}


def test_the_kan_broadcaster_glossed_is_an_outlet(gaz: Gazetteer) -> None:
    text = "인도네시아 병력 수천 명이 라파와 칸유니스 사이에 배치될 것이라고 이스라엘 공영 칸(KAN) 방송이 보도했다."
    assert {f.attribution.said_by for f in extract(text, gaz)} == {"media"}
