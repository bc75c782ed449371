"""Chinese, Japanese, Korean and Indonesian: the common ways real reporting words placements, hedges, denials and
attribution, and the traps that must give no lead.

The sentences are composed for these tests (not copied from any article). Where one paraphrases a real report's
wording, the comment names the outlet and the phrase it follows; none comes from the real-world set's test split
or from a sealed page. Expected values are (nation, sector, role, status) as the status engine words them: a
nation's own office stating a placement confirms it, a hedge never does, an outlet or a third party relaying it
reports it, a denial denies it.
"""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract, extract_all
from mapview.ingest.gazetteer import Gazetteer

# A sentence of no one's placement after an Indonesian one, so that it is read as an Indonesian article (a line too
# short to tell its language is read with every file's cues: Italian's "di" before Rafah names a town of its own).
INDONESIAN_TAIL = (" Informasi ini masih akan terus diperbarui untuk pembaca yang ingin mengikuti perkembangan situasi "
                   "dari waktu ke waktu.")


def leads(text: str, gaz: Gazetteer) -> set[tuple[str | None, str, str, str]]:
    return {f.label() for f in extract(text, gaz) if f.role == "lead"}


def lead(sector: str, status: str, nation: str = "Indonesia") -> tuple[str, str, str, str]:
    return nation, sector, "lead", status


BOTH = "rafah", "khan-yunis"

CASES: list[tuple[str, str, set[tuple[str | None, str, str, str]]]] = [
    # --- Chinese ---
    # taking over or controlling a site (newsbanana.me: "印尼同意佔領加沙最南端的邊境口岸,即拉法")
    ("zh", "印尼同意占领加沙最南端的边境口岸，即拉法，以维护当地安全稳定。", {lead("rafah", "reported")}),
    ("zh", "印尼军队将控制拉法，以确保停火得到遵守。", {lead("rafah", "reported")}),
    ("zh", "拉法将由印尼部队负责。", {lead("rafah", "reported")}),
    ("zh", "汗尤尼斯的安全将交由印尼军队负责。", {lead("khan-yunis", "reported")}),
    # passive and nominal placements
    ("zh", "印尼士兵将被派往汗尤尼斯。", {lead("khan-yunis", "reported")}),
    ("zh", "印尼部队将被部署到拉法。", {lead("rafah", "reported")}),
    ("zh", "印尼部队向拉法的部署预计将于四月开始。", {lead("rafah", "speculative")}),
    ("zh", "印尼军队将在汗尤尼斯设立营地。", {lead("khan-yunis", "reported")}),
    # hedges: being considered, under discussion, may
    ("zh", "印尼正考虑向拉法派遣部队。", {lead("rafah", "speculative")}),
    ("zh", "印尼部队进驻拉法一事仍在讨论之中。", {lead("rafah", "speculative")}),
    ("zh", "印尼军队可能会被部署在汗尤尼斯。", {lead("khan-yunis", "speculative")}),
    # denials and corrections
    ("zh", "印尼国防部否认了印尼部队将驻扎拉法的报道。", {lead("rafah", "denied")}),
    ("zh", "印尼外交部澄清，印尼部队不会进驻拉法。", {lead("rafah", "denied")}),
    ("zh", "印尼驳斥了有关其部队将驻扎汗尤尼斯的传言。", {lead("khan-yunis", "denied")}),
    # attribution: an agency, a third party's officials
    ("zh", "据美联社报道，印尼部队将驻扎在拉法。", {lead("rafah", "reported")}),
    ("zh", "美国官员表示，印尼部队将部署在拉法。", {lead("rafah", "reported")}),
    ("zh", "以色列媒体援引消息人士的话说，印尼士兵将进驻汗尤尼斯。", {lead("khan-yunis", "reported")}),
    ("zh", "以色列公共广播公司报道称，已在拉法与汗尤尼斯之间为印尼士兵划出一片区域，用于建造营房。",
     {lead("rafah", "reported"), lead("khan-yunis", "reported")}),
    # a report called inaccurate, a refusal to go there
    ("zh", "印尼军方称，关于印尼军队将驻扎拉法的报道并不准确。", {lead("rafah", "denied")}),
    ("zh", "印尼外交部表示，印尼部队在加沙的任务仅限于人道援助，不会前往拉法。", {lead("rafah", "denied")}),
    # --- Japanese ---
    # the area of activity (Kyodo via oita-press.co.jp: "活動地域はガザ南部ハンユニスと最南部ラファの間となる")
    ("ja", "報道によると、インドネシア軍の活動地域はガザ南部ハンユニスと最南部ラファの間となる。",
     {lead("khan-yunis", "reported"), lead("rafah", "reported")}),
    ("ja", "イスラエルの公共放送によると、インドネシア軍はラファに展開する。", {lead("rafah", "reported")}),
    ("ja", "インドネシア部隊はハンユニスに配置される予定だ。", {lead("khan-yunis", "speculative")}),
    ("ja", "インドネシア軍のラファへの派遣は4月に始まる見通しだ。", {lead("rafah", "speculative")}),
    ("ja", "インドネシア軍がラファを担当する。", {lead("rafah", "reported")}),
    ("ja", "ラファはインドネシア軍が担当する見込みだ。", {lead("rafah", "speculative")}),
    ("ja", "インドネシア軍はハンユニスに宿営地を設ける計画だ。", {lead("khan-yunis", "speculative")}),
    ("ja", "インドネシア軍はラファに駐留するとみられる。", {lead("rafah", "speculative")}),
    ("ja", "インドネシアはラファへの部隊派遣を検討している。", {lead("rafah", "speculative")}),
    # "jointly announced" is no outlet (共同 alone is not Kyodo News)
    ("ja", "インドネシア国防相は、インドネシア軍がラファに駐留すると共同で発表した。", {lead("rafah", "confirmed")}),
    ("ja", "共同通信によると、インドネシア軍はラファに駐留する。", {lead("rafah", "reported")}),
    # where the soldiers will live (Kyodo via oita-press.co.jp: "現地でインドネシア兵が居住する施設の準備")
    ("ja", "インドネシア兵が居住する施設がラファに建設される。", {lead("rafah", "reported")}),
    ("ja", "インドネシア軍の宿営地はハンユニスに置かれる。", {lead("khan-yunis", "reported")}),
    ("ja", "インドネシア軍の派遣先はラファとなる見通しだ。", {lead("rafah", "speculative")}),
    ("ja", "インドネシア軍はラファの治安維持を担う。", {lead("rafah", "reported")}),
    ("ja", "【エルサレム共同】インドネシア軍はラファに駐留する見通しだ。", {lead("rafah", "speculative")}),
    # denials
    ("ja", "インドネシア国防省は、インドネシア軍がラファに駐留するとの報道を否定した。", {lead("rafah", "denied")}),
    ("ja", "インドネシア政府は、同国部隊をラファには派遣しないと述べた。", {lead("rafah", "denied")}),
    # third parties speak about a nation: never confirmed
    ("ja", "米政府高官は、インドネシア軍がラファに展開すると語った。", {lead("rafah", "reported")}),
    # --- Korean ---
    # (Yonhap via wowtv.co.kr: "인도네시아군은 가자지구 라파와 칸유니스 사이 남부 지역에 배치될 예정이며")
    ("ko", "칸 방송은 인도네시아군이 가자지구 라파와 칸유니스 사이 남부 지역에 배치될 예정이라고 보도했다.",
     {lead("rafah", "reported"), lead("khan-yunis", "reported")}),  # 예정: scheduled, as the set reads it
    ("ko", "인도네시아군의 라파 배치는 4월에 시작될 전망이다.", {lead("rafah", "speculative")}),
    ("ko", "인도네시아 병력의 칸유니스 주둔이 확정됐다.", {lead("khan-yunis", "reported")}),
    ("ko", "인도네시아가 라파 지역의 치안을 맡는다.", {lead("rafah", "reported")}),
    ("ko", "인도네시아가 라파 치안을 주도한다.", {lead("rafah", "reported")}),
    ("ko", "라파는 인도네시아군이 맡을 것으로 알려졌다.", {lead("rafah", "reported")}),
    ("ko", "인도네시아군을 위한 숙영지가 칸유니스에 마련됐다.", {lead("khan-yunis", "reported")}),
    ("ko", "인도네시아 정부는 라파에 병력을 파견하기로 했다.", {lead("rafah", "reported")}),
    ("ko", "인도네시아군이 라파에 배치될 것으로 보인다.", {lead("rafah", "speculative")}),
    ("ko", "인도네시아는 칸유니스에 병력을 보내는 방안을 검토 중이다.", {lead("khan-yunis", "speculative")}),
    ("ko", "인도네시아 국방부는 자국군의 라파 배치설을 부인했다.", {lead("rafah", "denied")}),
    ("ko", "인도네시아 정부는 자국군이 라파에 주둔한다는 보도는 사실이 아니라고 밝혔다.", {lead("rafah", "denied")}),
    ("ko", "미국 관리들은 인도네시아군이 라파에 배치될 것이라고 말했다.", {lead("rafah", "reported")}),
    # --- Indonesian ---
    # the troops named in the sentence before, the placement without any word referring back (the dev miss's
    # class: "Area di selatan Gaza, antara Rafah dan Khan Younis, disebut telah disiapkan sebagai titik
    # penempatan awal")
    ("id", "Ribuan tentara Indonesia akan tiba dalam beberapa pekan. Sebuah area antara Rafah dan Khan Younis telah "
           "ditetapkan sebagai lokasi penempatan.", {lead("rafah", "reported"), lead("khan-yunis", "reported")}),
    # (a hedged placement as outlets word it: Indonesian soldiers "diharapkan", expected, to watch over defensive
    # lines in the Khan Yunis area)
    ("id", "Prajurit TNI diharapkan menjaga sejumlah pos di wilayah Khan Younis.", {lead("khan-yunis", "speculative")}),
    ("id", "Prajurit TNI akan ditugaskan di Khan Younis.", {lead("khan-yunis", "reported")}),
    ("id", "Pasukan TNI akan diterjunkan ke Rafah pada bulan April.", {lead("rafah", "reported")}),
    ("id", "TNI akan mengambil alih pengamanan Rafah.", {lead("rafah", "reported")}),
    ("id", "Rafah akan menjadi tanggung jawab pasukan Indonesia.", {lead("rafah", "reported")}),
    ("id", "Penempatan pasukan Indonesia di Rafah rencananya dimulai April.", {lead("rafah", "speculative")}),
    ("id", "Pengiriman pasukan Indonesia ke Khan Younis masih dibahas.", {lead("khan-yunis", "speculative")}),
    ("id", "Kementerian Pertahanan membantah kabar bahwa TNI akan ditempatkan di Rafah.", {lead("rafah", "denied")}),
    ("id", "Juru bicara Kemlu menepis laporan bahwa pasukan Indonesia akan ditempatkan di Rafah.",
     {lead("rafah", "denied")}),
    ("id", "Pejabat AS mengatakan pasukan Indonesia akan ditempatkan di Rafah.", {lead("rafah", "reported")}),
    # planned ("direncanakan", "berencana"): hedged, as "plans to" is in English
    ("id", "Kontingen Garuda direncanakan bertugas di wilayah tenggara Rafah.", {lead("rafah", "speculative")}),
    ("id", "Sektor Khan Younis akan dijaga oleh prajurit Indonesia.", {lead("khan-yunis", "reported")}),
    ("id", "Lahan untuk barak prajurit Indonesia telah disiapkan di Khan Younis.", {lead("khan-yunis", "reported")}),
]


# The site named in the sentence after the one naming the contingent, with no word referring back (news omits the
# subject once said; Chinese, Japanese and Korean more than most): the contingent of the sentence right before.
CASES += [
    # (Kyodo via oita-press.co.jp: "派遣されるインドネシア軍は数千人規模との見方が出ており、
    # 活動地域はガザ南部ハンユニスと最南部ラファの間となる")
    ("ja", "派遣されるインドネシア軍は数千人規模との見方が出ている。"
           "活動地域はガザ南部ハンユニスと最南部ラファの間となる。",
     {lead("khan-yunis", "reported"), lead("rafah", "reported")}),
    ("ja", "インドネシアは8000人の兵士を派遣する。駐留先はラファとなる。", {lead("rafah", "reported")}),
    ("zh", "报道称，派遣的印尼军队规模达数千人。其活动区域为加沙南部汗尤尼斯与拉法之间。",
     {lead("khan-yunis", "reported"), lead("rafah", "reported")}),
    ("zh", "印尼将派遣8000名士兵。驻地将设在拉法。", {lead("rafah", "reported")}),
    ("ko", "인도네시아군 수천 명이 가자지구에 배치될 예정이다. 배치 지역은 라파와 칸유니스 사이 남부 지역이다.",
     {lead("khan-yunis", "reported"), lead("rafah", "reported")}),
    ("ko", "인도네시아는 병력 8천 명을 보낸다. 주둔지는 라파에 마련된다.", {lead("rafah", "reported")}),
]


# The same placement in the verb forms and nouns reporting uses (sent, dispatched, on a mission, a base set up,
# taking over the defence, a sector handed to a nation).
CASES += [
    ("zh", "印尼已向拉法派出部队。", {lead("rafah", "reported")}),
    ("zh", "印尼维和人员将赴拉法执行维和任务。", {lead("rafah", "reported")}),
    ("zh", "印尼军人将奔赴汗尤尼斯。", {lead("khan-yunis", "reported")}),
    ("zh", "印尼军队将接管汗尤尼斯的防务。", {lead("khan-yunis", "reported")}),
    ("ja", "インドネシア軍はラファで任務にあたる。", {lead("rafah", "reported")}),
    ("ja", "インドネシアはラファに部隊を送る。", {lead("rafah", "reported")}),
    ("ja", "インドネシア軍はハンユニスに拠点を置く。", {lead("khan-yunis", "reported")}),
    ("ko", "라파에 주둔 중인 인도네시아군은 순찰을 시작했다.", {lead("rafah", "reported")}),
    ("ko", "인도네시아 병력은 라파 지역에서 임무를 수행한다.", {lead("rafah", "reported")}),
    ("ko", "인도네시아는 라파에 병력을 파견할 방침이다.", {lead("rafah", "speculative")}),
    ("id", "Indonesia mengirim 1.000 prajurit ke Khan Younis.", {lead("khan-yunis", "reported")}),
    ("id", "Personel TNI akan diberangkatkan ke Rafah.", {lead("rafah", "reported")}),
    ("id", "Indonesia mendapat tugas mengamankan Rafah.", {lead("rafah", "reported")}),
    ("id", "Sektor Rafah diserahkan kepada Indonesia.", {lead("rafah", "reported")}),
]


# Who says it: "it is learned" names no source (not "according to Indonesia"), an Israeli official is a third party,
# an Indonesian army spokesman is the nation's own office.
CASES += [
    ("zh", "据悉，印尼部队将驻扎在拉法。", {lead("rafah", "speculative")}),
    ("zh", "以色列官员称，印尼部队将驻扎在拉法。", {lead("rafah", "reported")}),
    ("ko", "이스라엘 관리는 인도네시아군이 라파에 주둔한다고 말했다.", {lead("rafah", "reported")}),
    ("id", "Kapuspen TNI memastikan prajurit TNI akan bertugas di Rafah.", {lead("rafah", "confirmed")}),
]


def test_the_source_of_a_relayed_placement(gaz: Gazetteer) -> None:
    for text, said_by in (("イスラエル紙ハアレツによると、インドネシア軍はラファに駐留する。", "media"),
                          ("이스라엘 일간 하레츠는 인도네시아군이 라파에 주둔한다고 보도했다.", "media"),
                          ("据以色列《国土报》报道，印尼军队将驻扎在拉法。", "media"),
                          ("据悉，印尼部队将驻扎在拉法。", "media"),
                          ("이스라엘 관리는 인도네시아군이 라파에 주둔한다고 말했다.", "unnamed-officials"),
                          ("米政府高官は、インドネシア軍がラファに展開すると語った。", "unnamed-officials")):
        assert [f.attribution.said_by for f in extract(text, gaz) if f.role == "lead"] == [said_by], text


# A condition is a hedge, as English "if" is.
CASES += [
    ("ko", "인도네시아군이 라파에 배치될 경우 국제안정화군의 첫 병력이 된다.", {lead("rafah", "speculative")}),
    ("ja", "インドネシア軍がラファに展開すれば、初の外国部隊となる。", {lead("rafah", "speculative")}),
    ("zh", "如果印尼部队进驻拉法，将成为首支抵达的外国部队。", {lead("rafah", "speculative")}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_real_wordings_place_the_nation(gaz: Gazetteer, lang: str, text: str, expected: set) -> None:
    article = text + INDONESIAN_TAIL if lang == "id" else text
    assert extract_all(article, gaz).language.code in (lang, None)
    assert leads(article, gaz) == expected, lang


@pytest.mark.parametrize("text", [
    # Israel's army in Rafah (swissinfo.ch, AFP: "以色列军方今天证实，在加萨走廊南部城市拉法发动空袭")
    "以色列军方证实，以军在加沙南部城市拉法发动空袭。",
    "イスラエル軍はラファで作戦を続けている。",
    "이스라엘군은 라파에서 작전을 계속하고 있다.",
    "Militer Israel menarik satu brigade dari Rafah.",
    # Egypt's crossing (udn.com: "位於加薩走廊和埃及之間的拉法關卡將持續封閉")
    "位于加沙走廊和埃及之间的拉法口岸将持续关闭。",
    "エジプト側のラファ検問所は閉鎖されたままだ。",
    "이집트 쪽 라파 검문소는 계속 폐쇄돼 있다.",
    "Mesir kembali membuka perbatasan Rafah bagi warga sipil.",
    # an outlet whose name holds a nation, or Kyodo News, relaying no nation's placement
    "据日本共同社报道，多国部队将部署在拉法。",
    "共同通信によると、複数の国の部隊がラファに展開する。",
    "중앙일보에 따르면 여러 나라 병력이 라파에 배치된다.",
    "인도네시아 안타라통신에 따르면 라파에 병력이 배치된다.",
    "インドネシアの国営アンタラ通信によると、部隊はラファに展開する。",
    # a paper or magazine of the nation's, relaying troops of no stated nation or the whole force
    "インドネシアのテンポ誌によると、部隊はラファに駐留する。",
    "인도네시아 일간 콤파스에 따르면 국제안정화군은 먼저 라파에 배치된다.",
    "인도네시아 일간 콤파스는 부대가 라파에 주둔한다고 보도했다.",
    "据印尼《罗盘报》报道，国际稳定部队将首先部署在拉法。",
    # troops of several nations, the force as a whole, a US official on the force's headquarters
    "美国官员表示，国际稳定部队将首先部署在拉法。",
    "米軍のジェファーズ少将が率いる国際安定化部隊は、まずラファに展開する。",
    "미국 관리는 국제안정화군 사령부를 라파에 둔다고 말했다.",
    "Pasukan dari beberapa negara akan ditempatkan di Rafah.",
    "Pasukan dari lima negara, termasuk Indonesia, akan ditempatkan di Rafah.",
    "Pasukan ISF yang dipimpin Mayjen AS Jasper Jeffers akan ditempatkan pertama kali di Rafah.",
    "Mesir dan Yordania akan melatih polisi Palestina di Rafah.",
    "Israel menolak kehadiran pasukan Turki di Rafah.",
    # the sentence before names a contingent; this one names no placement of it
    "Indonesia akan mengirim 8.000 prajurit. Kamp pengungsi di Rafah menampung ribuan keluarga.",
    "印尼将派遣8000名士兵。以色列军队仍驻扎在拉法。",
    "インドネシアは8000人の兵士を派遣する。国際安定化部隊はまずラファに展開する。",
    "인도네시아는 병력 8천 명을 보낸다. 이스라엘군은 라파에 주둔하고 있다.",
    # troops of no stated nation in the sentence after, or a site named in another paragraph
    "Indonesia akan mengirim 8.000 prajurit. Pasukan asing akan ditempatkan di Rafah.",
    "印尼将派遣8000名士兵。\n驻地将设在拉法。",
    "インドネシアは8000人の兵士を派遣する。\n駐留先はラファとなる。",
    # the sentence after names an outlet: its report is about someone else's site
    "인도네시아는 병력 8천 명을 보낸다. 이스라엘 언론은 주둔지가 라파에 마련된다고 전했다.",
    # the nation leading the whole force ("the US-led force") is not a contingent placed in a sector
    "미국 주도의 국제안정화군은 라파에서 먼저 활동을 시작한다.",
    "미국이 이끄는 국제안정화군은 라파에 먼저 배치된다.",
    "美国主导的国际稳定部队将在拉法开展行动。",
    "米国が主導する国際安定化部隊はラファに展開する。",
    # aid, not troops, sent; a mission of training police
    "PMI mengirim bantuan kemanusiaan ke Rafah.",
    "Mesir mengirim truk bantuan ke Rafah.",
    "米国はラファに支援物資を送る。",
    "エジプトはラファでパレスチナ警察の訓練任務にあたる。",
    # troops of several nations, one named among them
    "インドネシアを含む5カ国の部隊がまずラファに展開する。",
    "인도네시아를 포함한 5개국 병력이 먼저 라파에 배치된다.",
    "包括印尼在内的五个国家的部队将首先部署在拉法。",
    "印尼等国的部队将部署在拉法。",
    "인도네시아 등 여러 나라의 병력이 라파에 배치된다.",
    "インドネシアなど各国の部隊がラファに展開する。",
    # the placing verb has the Strip for its place, the sector belongs to what follows (a verb-last clause)
    "인도네시아군이 가자지구에 배치되면 라파 주민들의 불안이 커질 수 있다.",
    "インドネシア軍がガザに展開すれば、ラファの住民は安心するだろう。",
    # two clauses, two subjects: Indonesia sends troops, Egypt trains police in Rafah
    "印尼将向加沙派兵，而埃及将在拉法培训警察。",
    # nations listed with the middle dot (Korean, Japanese)
    "인도네시아·모로코 병력이 라파에 배치된다.",
    "インドネシア・モロッコの部隊がラファに展開する。",
    # a list of candidate nations near a sector
    "이집트, 튀르키예, 아제르바이잔, 인도네시아 등이 참여국으로 거론됐으며 라파에 병력이 배치될 예정이다.",
    # Egypt and Jordan train police; nobody is placed in a sector
    "エジプトとヨルダンがラファでパレスチナ警察の訓練を担う。",
    "埃及和约旦将负责在拉法培训巴勒斯坦警察。",
    "이집트와 요르단은 라파에서 팔레스타인 경찰 훈련을 맡는다.",
    # the US general who leads the force, and the post of deputy commander, are no contingent's lead
    "由美军少将杰弗斯率领的国际稳定部队将首先进驻拉法地区。",
    "印尼同意担任部队副指挥官，国际稳定部队将首先部署到拉法。",
    "제퍼스 미군 소장이 이끄는 국제안정화군은 먼저 라파에 배치된다.",
    "인도네시아는 부사령관을 맡고 라파에는 국제안정화군이 먼저 배치된다.",
    "ＩＳＦを率いるジャスパー・ジェファーズ米軍少将は、まずラファに部隊を展開すると述べた。",
])
def test_precision_traps_give_no_lead(gaz: Gazetteer, text: str) -> None:
    assert not [f for f in extract(text, gaz) if f.role == "lead" and f.nation is not None], text


def test_a_list_written_with_the_middle_dot_places_no_one_of_its_nations(gaz: Gazetteer) -> None:
    for text in ("인도네시아·모로코 병력이 라파에 배치된다.", "インドネシア・モロッコの部隊がラファに展開する。"):
        assert not [f for f in extract(text, gaz) if f.nation is not None], text


def test_jointly_is_not_kyodo_news_in_chinese_or_japanese(gaz: Gazetteer) -> None:
    # 共同 alone is "jointly" in both languages; only 共同通信 (and its dateline) names the agency
    for text in ("印尼和埃及共同宣布，印尼部队将驻扎在拉法。",
                 "インドネシア国防相は、インドネシア軍がラファに駐留すると共同で発表した。"):
        for finding in extract_all(text, gaz).findings:
            assert finding.attribution.speaker != "共同", text


# Short articles composed in each language: a report relayed from an outlet, a third party's word, the nation's own
# hedge and its denial of another sector, a site named without its subject, and traps around them. The article is
# read in its detected language, as ingest reads a saved page.
ARTICLES: list[tuple[str, str, set[tuple[str | None, str, str, str]]]] = [
    ("zh", "据以色列公共广播公司报道，印尼军队将进驻加沙南部的拉法和汗尤尼斯之间的地区，营房建设需要数周时间。"
           "美国官员表示，国际稳定部队将首先在拉法开展行动。"
           "印尼国防部发言人说，部队的具体部署地点仍在讨论之中，但印尼部队不会进驻加沙城。"
           "以色列军队目前仍控制着拉法的大片地区。",
     {lead("rafah", "reported"), lead("khan-yunis", "reported"), lead("gaza-city", "denied")}),
    ("ja", "イスラエルの公共放送によると、派遣されるインドネシア軍は数千人規模となる見通しだ。"
           "活動地域はガザ南部ハンユニスと最南部ラファの間となる。"
           "米軍のジェファーズ少将が率いる国際安定化部隊は、まずラファで活動を始めるという。"
           "インドネシア国防省の報道官は、同国部隊をガザ市には派遣しないと述べた。"
           "イスラエル軍は現在もラファの一部を管理している。",
     {lead("khan-yunis", "reported"), lead("rafah", "reported"), lead("gaza-city", "denied")}),
    ("ko", "이스라엘 공영방송 칸에 따르면 인도네시아군 수천 명이 몇 주 안에 가자지구에 도착할 예정이다. "
           "배치 지역은 라파와 칸유니스 사이 남부 지역이다. "
           "미국 관리들은 국제안정화군이 먼저 라파에서 활동을 시작한다고 말했다. "
           "인도네시아 국방부는 자국군이 가자시티에 배치된다는 보도는 사실이 아니라고 밝혔다. "
           "이스라엘군은 여전히 라파 일부 지역을 통제하고 있다.",
     {lead("rafah", "reported"), lead("khan-yunis", "reported"), lead("gaza-city", "denied")}),
    ("id", "Lembaga penyiaran publik Israel melaporkan bahwa ribuan tentara Indonesia akan tiba di Gaza dalam beberapa "
           "pekan. Sebuah area di antara Rafah dan Khan Younis telah ditetapkan sebagai lokasi penempatan mereka. "
           "Pejabat Amerika Serikat mengatakan pasukan ISF akan mulai bertugas di Rafah. Namun juru bicara Kemhan "
           "menepis kabar bahwa prajurit TNI akan ditempatkan di Kota Gaza. Militer Israel masih menguasai sebagian "
           "wilayah Rafah.",
     {lead("rafah", "reported"), lead("khan-yunis", "reported"), lead("gaza-city", "denied")}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), ARTICLES)
def test_a_short_article_is_read_in_its_language(gaz: Gazetteer, lang: str, text: str, expected: set) -> None:
    extraction = extract_all(text, gaz)
    assert extraction.language.code == lang
    assert {f.label() for f in extraction.findings if f.role == "lead"} == expected
