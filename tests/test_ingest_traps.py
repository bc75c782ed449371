"""False leads a placement frame produces on real reporting, and statuses it must never confirm (issue #20).

Sentences are written for the test, in the manner of the reporting on the ISF (aid, field hospitals, visits,
the force commander's nationality, evacuations, lists of contributors, a base shared by several armies, denials),
in several languages. Each asserts what a careful reader of tests/realworld/README.md would accept: a lead is one
nation's troops (or police contingent) placed in a sector; status follows mapview.data.status (hedges never
confirm; only the nation's own official or the force command, stating it plainly, confirm).
"""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract
from mapview.ingest.gazetteer import Gazetteer


def leads(text: str, gaz: Gazetteer) -> set[tuple[str | None, str, str]]:
    """(nation, sector, status) of every lead the text gives."""
    return {(f.nation, f.sector, f.status) for f in extract(text, gaz) if f.role == "lead"}


# -- status: an official's word relayed by an outlet is the outlet's report, never confirmed -------------------

@pytest.mark.parametrize("text", [
    "Indonesian troops will reportedly be stationed in Rafah, the defence ministry said.",
    "According to Kan, Indonesia's defence minister said its troops will be stationed in Rafah.",
    "Indonesia's defence minister said Indonesian troops will be stationed in Rafah, Kan reported.",
    "The Indonesian defence ministry is said to have told Israel that its troops would be stationed in Rafah.",
    "Kan reported that Indonesia's army chief said Indonesian soldiers would be based in Rafah.",
    "Menurut Kan, Menteri Pertahanan Indonesia mengatakan pasukan Indonesia akan ditempatkan di Rafah.",
    "وقال وزير الدفاع الإندونيسي إن القوات الإندونيسية ستتمركز في رفح بحسب قناة كان.",
    "ذكرت قناة كان أن وزير الدفاع الإندونيسي قال إن القوات الإندونيسية ستتمركز في رفح.",
    "Secondo Kan, il ministro della Difesa indonesiano ha detto che le truppe indonesiane saranno schierate a Rafah.",
])
def test_an_official_quoted_by_an_outlet_is_reported_not_confirmed(gaz: Gazetteer, text: str) -> None:
    assert leads(text, gaz) == {("Indonesia", "rafah", "reported")}


@pytest.mark.parametrize("text", [
    "The Indonesian defence ministry said its troops would likely be stationed in Rafah.",
    "Indonesian troops will be stationed in Rafah, Defence Minister Sjafrie Sjamsoeddin said, adding that details "
    "may change.",
    "Menteri Pertahanan Sjafrie mengatakan pasukan Indonesia kabarnya akan ditempatkan di Rafah.",
    "Selon la chaîne Kan, le ministre indonésien de la Défense a déclaré que les troupes indonésiennes seraient "
    "stationnées à Rafah.",
])
def test_a_hedge_anywhere_in_the_passage_makes_an_official_speculative(gaz: Gazetteer, text: str) -> None:
    assert leads(text, gaz) == {("Indonesia", "rafah", "speculative")}


@pytest.mark.parametrize(("text", "nation", "sector"), [
    ("Indonesian President Prabowo said Moroccan troops would be stationed in Rafah.", "Morocco", "rafah"),
    ("The Moroccan foreign minister said Indonesian troops would be stationed in Rafah.", "Indonesia", "rafah"),
    ("Kosovo's defence minister said Albanian troops would be stationed in Deir al-Balah.", "Albania",
     "deir-al-balah"),
    ("Israeli officials said Indonesian troops would be stationed in Rafah.", "Indonesia", "rafah"),
])
def test_a_third_party_never_confirms_for_a_nation(gaz: Gazetteer, text: str, nation: str, sector: str) -> None:
    assert leads(text, gaz) == {(nation, sector, "reported")}


def test_the_nations_own_official_or_the_force_stating_it_plainly_confirms(gaz: Gazetteer) -> None:
    # the rules still confirm what they should: first hand, stated plainly (an interview given to an outlet is
    # the minister's own word)
    for text in ("Indonesian troops will be stationed in Rafah, according to the Indonesian defence ministry.",
                 "Indonesia's defence minister told Kan that Indonesian troops will be stationed in Rafah.",
                 "ISF commander Jasper Jeffers said Indonesian troops will be stationed in Rafah."):
        assert leads(text, gaz) == {("Indonesia", "rafah", "confirmed")}, text


# -- traps: a nation named near a sector without its troops placed there gives no lead -----------------------

@pytest.mark.parametrize("text", [
    # an aid donor; housing or a camp for civilians
    "Qatar will fund housing for displaced families in Khan Younis.",
    "A camp for displaced families in Rafah was built by the UAE.",
    "أرسلت الإمارات مساعدات إنسانية إلى رفح.",
    "Indonesia mengirim bantuan kemanusiaan ke Rafah.",
    "L'Italia ha inviato aiuti umanitari a Rafah.",
    "Shqipëria dërgoi ndihma humanitare në Rafah.",
    "Deutschland schickt Hilfsgüter nach Rafah.",
    "La France a envoyé de l'aide humanitaire à Rafah.",
    "インドネシアはラファに人道支援物資を送った。",
    # a hospital or medical team run by a nation
    "The UAE runs a field hospital in Rafah.",
    "Indonesian doctors are serving at a field hospital in Rafah.",
    "تدير الإمارات مستشفى ميدانيا في رفح.",
    "Rumah Sakit Indonesia di Rafah merawat ratusan pasien.",
    "L'ospedale da campo italiano a Rafah ha curato centinaia di pazienti.",
    "Das jordanische Feldlazarett in Rafah behandelte hunderte Patienten.",
    "L'hôpital de campagne jordanien à Rafah a soigné des centaines de patients.",
    # a president or minister speaking about, or visiting, the sector
    "Indonesian President Prabowo Subianto said the situation in Rafah is dire.",
    "The Indonesian foreign minister said the troops would go to Gaza once the situation in Rafah is stable.",
    "قال الرئيس الإندونيسي إن الوضع في رفح كارثي.",
    "Presiden Prabowo mengatakan situasi di Rafah sangat buruk.",
    "Il presidente indonesiano ha parlato della situazione a Rafah.",
    "Presidenti indonezian foli për situatën në Rafah.",
    "Der indonesische Präsident sprach über die Lage in Rafah.",
    "Le président indonésien a évoqué la situation à Rafah.",
    "インドネシア大統領はラファの状況について語った。",
    # the force commander's nationality, US officials: the speaker's nation, not a contingent
    "The American general in charge of the force inspected the site in Rafah.",
    "US officials said the troops would be based in Rafah.",
    "زار الجنرال الأمريكي جاسبر جيفرز القاعدة في رفح.",
    "Jenderal AS Jasper Jeffers meninjau lokasi pangkalan di Rafah.",
    "Il generale americano Jasper Jeffers ha visitato la base di Rafah.",
    "Gjenerali amerikan Jasper Jeffers vizitoi bazën në Rafah.",
    "Der US-General Jasper Jeffers besuchte die Basis in Rafah.",
    "Le général américain Jasper Jeffers a visité la base de Rafah.",
    "米国のジャスパー・ジェファーズ将軍がラファの基地を視察した。",
    # a non-contributor named with troops and a sector
    "The United States will not put troops on the ground, but ISF soldiers will be stationed in Rafah first.",
    "American troops will stay in Israel; the ISF will deploy in Rafah.",
    # citizens evacuated
    "Indonesian citizens were evacuated through Rafah.",
    "تم إجلاء مواطنين إندونيسيين عبر رفح.",
    "Warga negara Indonesia dievakuasi melalui Rafah.",
    "Cittadini italiani sono stati evacuati attraverso Rafah.",
    "Qytetarë shqiptarë u evakuuan përmes Rafahut.",
    "Deutsche Staatsbürger wurden über Rafah evakuiert.",
    "Des ressortissants français ont été évacués par Rafah.",
    # troops of a list of nations at the first base
    "Troops from Indonesia, Morocco and Kazakhstan will be housed at the first base in Rafah.",
    "Pasukan dari Indonesia, Maroko dan Kazakhstan akan ditempatkan di pangkalan pertama di Rafah.",
    "Truppe di Indonesia, Marocco e Kazakistan saranno ospitate nella prima base a Rafah.",
    "Truppen aus Indonesien, Marokko und Kasachstan sollen in der ersten Basis in Rafah untergebracht werden.",
    "Des troupes d'Indonésie, du Maroc et du Kazakhstan seront logées dans la première base à Rafah.",
    # a multinational base near Rafah for several armies
    "A multinational base near Rafah will house troops from several armies, including Indonesia's.",
    "The base near Rafah is meant for soldiers of several armies, Indonesian troops among them.",
    "قاعدة متعددة الجنسيات قرب رفح ستستضيف قوات من عدة جيوش بينها القوات الإندونيسية.",
    "Pangkalan multinasional di dekat Rafah akan menampung pasukan dari beberapa negara, termasuk Indonesia.",
    "Una base multinazionale vicino a Rafah ospiterà soldati di diversi eserciti, tra cui quelli indonesiani.",
    "Një bazë shumëkombëtare pranë Rafahut do të strehojë trupa nga disa ushtri, përfshirë ato indoneziane.",
    "Eine multinationale Basis nahe Rafah soll Soldaten mehrerer Armeen aufnehmen, darunter indonesische.",
    "Une base multinationale près de Rafah accueillera des soldats de plusieurs armées, dont des Indonésiens.",
])
def test_traps_give_no_lead_and_name_no_contingent(gaz: Gazetteer, text: str) -> None:
    found = extract(text, gaz)
    assert not [f for f in found if f.role == "lead"], text
    # nor troops, a base or police of a nation: at most the force's base or a medical unit
    assert not [f for f in found if f.nation is not None and f.role not in ("medical",)], text


@pytest.mark.parametrize("text", [
    "Indonesia denied reports its troops would be in Rafah.",
    "Indonesia denied it would deploy in Rafah.",
    "Indonesia denied that its troops would be stationed in Rafah.",
    "The Indonesian military denied reports that its soldiers would be deployed to Rafah.",
    "نفت إندونيسيا التقارير التي تفيد بأن قواتها ستتمركز في رفح.",
    "Indonesia membantah laporan bahwa pasukannya akan ditempatkan di Rafah.",
    "L'Indonesia ha smentito che le sue truppe saranno schierate a Rafah.",
    "Indonezia mohoi raportimet se trupat e saj do të vendosen në Rafah.",
    "Indonesien dementierte Berichte, wonach seine Truppen in Rafah stationiert würden.",
    "L'Indonésie a démenti que ses troupes seraient stationnées à Rafah.",
    "インドネシアは自国部隊がラファに駐留するとの報道を否定した。",
])
def test_a_nations_denial_is_a_denial_never_a_lead(gaz: Gazetteer, text: str) -> None:
    found = [f for f in extract(text, gaz) if f.nation == "Indonesia"]
    assert found and {f.status for f in found} == {"denied"}, text


def test_a_medical_team_named_before_its_nation_is_medical(gaz: Gazetteer) -> None:
    assert {(f.nation, f.role) for f in extract("Tim medis Indonesia bertugas di Rafah.", gaz)} == {
        ("Indonesia", "medical")}
    assert {(f.nation, f.role) for f in extract("A Jordanian medical team is operating in Khan Younis.", gaz)} == {
        ("Jordan", "medical")}


def test_the_speakers_own_troops_are_still_placed(gaz: Gazetteer) -> None:
    # a minister's nation is no contingent by itself, but "its troops" are that nation's
    assert leads("The Indonesian defence ministry said its troops will be stationed in Rafah.", gaz) == {
        ("Indonesia", "rafah", "confirmed")}
    assert leads("Menteri Pertahanan Indonesia mengatakan pasukannya akan ditempatkan di Rafah.", gaz) == {
        ("Indonesia", "rafah", "confirmed")}
    # "the troops" after a minister's words are not shown as the minister's nation's: a mention for the reviewer
    from mapview.ingest.extract import extract_all
    found = extract_all("Indonesia's defence minister said the troops will be stationed in Rafah.", gaz)
    assert not found.findings
    assert [m.nations for m in found.mentions] == [["Indonesia"]]


@pytest.mark.parametrize("text", [
    # a stance for or against a placement is not one
    "Israel rejected the presence of Turkish troops in Rafah.",
    "Netanyahu vetoed any deployment of Turkish troops in Rafah.",
    "Hamas called for Turkish troops to be deployed in Rafah.",
    "إسرائيل ترفض وجود قوات تركية في رفح.",
    "Israel lehnt die Stationierung türkischer Soldaten in Rafah ab.",
    "Israel menolak kehadiran pasukan Turki di Rafah.",
    "Israele si oppone alla presenza di truppe turche a Rafah.",
    "Israël s'oppose à la présence de troupes turques à Rafah.",
    # history
    "Egyptian troops were stationed in Rafah until 1967.",
    "Egypt's army controlled Rafah from 1948 to 1967.",
    # the other Rafah, in Egypt
    "Egyptian troops were deployed in the Egyptian city of Rafah.",
    "Egypt has deployed troops on its side of Rafah.",
    "Egypt reinforced its forces in Egyptian Rafah, across the border.",
    "نشر الجيش المصري قوات في رفح المصرية.",
])
def test_a_stance_history_or_the_egyptian_town_places_no_contingent(gaz: Gazetteer, text: str) -> None:
    assert not [f for f in extract(text, gaz) if f.nation is not None and f.status != "denied"], text


def test_a_nations_own_refusal_is_a_denial(gaz: Gazetteer) -> None:
    assert leads("Pakistan refused to send troops to Rafah.", gaz) == {("Pakistan", "rafah", "denied")}
    # a wish is not a fact: at most speculative
    assert leads("Israel wants Indonesian troops in Rafah, but Jakarta has not agreed.", gaz) == {
        ("Indonesia", "rafah", "speculative")}


@pytest.mark.parametrize("text", [
    # a nation that trains, funds or equips the troops does not contribute them
    "Saudi Arabia will pay for the troops stationed in Rafah.",
    "Egypt will train the troops before they deploy to Rafah.",
    "Egypt will train the soldiers who will be stationed in Rafah.",
    "The United States will provide logistics for troops based in Rafah.",
    "Italy offered to train police officers who will serve in Rafah.",
    "Uni Emirat Arab akan mendanai pasukan yang ditempatkan di Rafah.",
    "ستمول الإمارات القوات المتمركزة في رفح.",
])
def test_a_nation_that_trains_or_funds_the_troops_gets_no_lead(gaz: Gazetteer, text: str) -> None:
    assert not leads(text, gaz), text


def test_the_troops_a_supporter_equips_are_still_their_own_nations(gaz: Gazetteer) -> None:
    assert leads("Turkey will equip the Azerbaijani troops stationed in Khan Younis.", gaz) == {
        ("Azerbaijan", "khan-yunis", "reported")}
    assert leads("US President Trump said Indonesian troops would be stationed in Rafah.", gaz) == {
        ("Indonesia", "rafah", "reported")}


@pytest.mark.parametrize("text", [
    # the subject of a relative clause is the noun before "which", not the nation earlier in the sentence
    "Kosovo sent officers to the CMCC in Kiryat Gat, which oversees Rafah.",
    # journalists, a Red Crescent society: a nation's people or organisations, not its troops
    "Indonesian journalists visited the base in Rafah.",
    "The Indonesian Red Crescent operates in Rafah.",
])
def test_a_nations_people_or_a_relative_clause_place_no_contingent(gaz: Gazetteer, text: str) -> None:
    assert not [f for f in extract(text, gaz) if f.nation is not None], text


def test_a_title_after_a_case_particle_is_not_the_nations(gaz: Gazetteer) -> None:
    # Japanese runs words together: "首相" (the prime minister) after "インドネシアが" is the speaker, not Indonesia's
    found = extract("インドネシアがラファ地区に展開する方針を首相が示した。", gaz)
    assert {(f.nation, f.sector) for f in found} == {("Indonesia", "rafah")}
    assert not [f for f in extract("インドネシア大統領はラファの状況について語った。", gaz) if f.nation]


# Israel refusing to accept or allow Turkish troops: 11 languages gave Turkey a lead in Rafah.
NOT_ACCEPTED = {

    "en": "Israel has said it will not accept Turkish troops anywhere in Gaza, including Rafah.",
    "ar": "وقالت إسرائيل إنها لن تقبل بوجود قوات تركية في أي مكان في غزة بما في ذلك رفح.",
    "fr": "Israël a déclaré qu'il n'accepterait pas de troupes turques à Rafah.",
    "de": "Israel erklärte, es werde keine türkischen Soldaten in Rafah akzeptieren.",
    "es": "Israel dijo que no aceptará tropas turcas en Rafah.",
    "id": "Israel menyatakan tidak akan menerima pasukan Turki di Rafah.",
    "it": "Israele ha detto che non accetterà truppe turche a Rafah.",
    "tr": "İsrail, Refah'ta Türk askerlerini kabul etmeyeceğini açıkladı.",
    "sq": "Izraeli tha se nuk do të pranojë trupa turke në Rafah.",
    "ru": "Израиль заявил, что не допустит присутствия турецких военных в Рафахе.",
    "ko": "이스라엘은 라파에 튀르키예군이 주둔하는 것을 받아들이지 않겠다고 밝혔다.",
    "ja": "イスラエルはラファへのトルコ軍の駐留を受け入れないと表明した。",
    "zh": "以色列表示不会接受土耳其军队进驻拉法。",
    "he": "ישראל הודיעה כי לא תסכים להצבת חיילים טורקים ברפיח.",
    "pt": "Israel disse que não aceitará tropas turcas em Rafah.",
}


# Israel not wanting Turkish troops in Rafah (es and others gave Turkey a lead).
NOT_WANTED = {

    "en": "Israel does not want Turkish troops in Rafah, officials said.",
    "es": "Israel no quiere tropas turcas en Rafah, dijeron funcionarios.",
    "fr": "Israël ne veut pas de troupes turques à Rafah, ont dit des responsables.",
    "de": "Israel will keine türkischen Soldaten in Rafah, sagten Beamte.",
    "it": "Israele non vuole truppe turche a Rafah, hanno detto i funzionari.",
    "pt": "Israel não quer tropas turcas em Rafah, disseram autoridades.",
    "ar": "إسرائيل لا تريد قوات تركية في رفح، بحسب مسؤولين.",
    "id": "Israel tidak ingin pasukan Turki berada di Rafah, kata pejabat.",
    "tr": "İsrail, Refah'ta Türk askerlerini istemiyor, dedi yetkililer.",
    "he": "ישראל לא רוצה חיילים טורקים ברפיח, אמרו גורמים רשמיים.",
    "ko": "이스라엘은 라파에 튀르키예군이 주둔하는 것을 원하지 않는다고 관리들이 말했다.",
    "ja": "イスラエルはラファへのトルコ軍の駐留を望まないと当局者は述べた。",
    "zh": "官员表示，以色列不希望土耳其军队进驻拉法。",
    "ru": "Израиль не хочет видеть турецких военных в Рафахе, заявили чиновники.",
}
REFUSALS = [*(("not accepted", lang, text) for lang, text in NOT_ACCEPTED.items()),
            *(("not wanted", lang, text) for lang, text in NOT_WANTED.items())]


@pytest.mark.parametrize(("kind", "lang", "text"), REFUSALS, ids=[f"{k}-{lang}" for k, lang, _ in REFUSALS])
def test_a_refusal_of_a_nations_troops_places_no_one(gaz: Gazetteer, kind: str, lang: str, text: str) -> None:
    assert not {(n, s) for n, s, status in leads(text, gaz) if status != "denied"}


@pytest.mark.parametrize("text", [
    "The Egyptian army deployed tanks near Rafah, on its side of the border.",
    ("Le plan américain prévoit une force internationale à Gaza, composée de milliers de soldats de plusieurs pays."
     "\n\nL'armée égyptienne a déployé des chars près de Rafah, de son côté de la frontière."),
    "El ejército egipcio desplegó tanques cerca de Rafah, en su lado de la frontera.",
])
def test_a_nations_troops_on_its_own_side_of_the_border_hold_no_sector(gaz: Gazetteer, text: str) -> None:
    assert leads(text, gaz) == set()


@pytest.mark.xfail(strict=True, reason="issue #20: a word for troops within 30 characters before a nation, in the "
                   "sentence before, still makes it a contingent; clipping that window at sentence ends lost real "
                   "leads on the test split (see tests/realworld/README.md), so the rule was taken back")
def test_troops_named_in_the_sentence_before_are_not_the_next_sentences_nations(gaz: Gazetteer) -> None:
    # (this case said "visited Rafah on Tuesday to inspect the area" until a visit came to place no one: extract._left)
    text = ("The US-led International Stabilization Force will be responsible for security in Gaza, with several "
            "nations sending troops, officials said.\n\nIndonesia's army chief spoke on Tuesday about the area around "
            "Rafah.")
    assert leads(text, gaz) == set()


def test_an_army_chiefs_visit_places_no_one(gaz: Gazetteer) -> None:
    text = ("The US-led International Stabilization Force will be responsible for security in Gaza, with several "
            "nations sending troops, officials said.\n\nIndonesia's army chief visited Rafah on Tuesday to inspect "
            "the area.")
    assert leads(text, gaz) == set()


# -- discourse across two sentences (issue #20, helper dr): a site, then whom it is for; a dropped subject ---------

@pytest.mark.parametrize(("text", "expected"), [
    ("En Jan Yunis se levanta ya un campamento. Está destinado a los militares marroquíes, según medios israelíes.",
     {("Morocco", "khan-yunis", "reported")}),
    ("A Khan Younis è già in costruzione un accampamento. È destinato ai militari marocchini, secondo la stampa.",
     {("Morocco", "khan-yunis", "reported")}),
    ("Në Khan Junis po ndërtohet një kamp. Ai është i destinuar për ushtarët marokenë, sipas medias izraelite.",
     {("Morocco", "khan-yunis", "reported")}),
    # the site is for civilians; the nation's troops are named only after them
    ("En Rafah se levanta ya un campamento. Albergará a familias desplazadas, mientras Indonesia prepara el envío "
     "de sus tropas.", set()),
    # a paragraph break: nothing refers back across it
    ("En Rafah se levanta ya un campamento.\n\nEstá destinado a los militares marroquíes.", set()),
    # aid, not troops
    ("En Rafah se levanta ya un campamento. Está destinado a la ayuda humanitaria que envía Indonesia.", set()),
    # a dropped subject with a lead verb refers back; a field hospital's does not give a lead
    ("Los soldados azerbaiyanos llegarán a Gaza en junio. Se encargarán de la seguridad en Deir al Balah.",
     {("Azerbaijan", "deir-al-balah", "reported")}),
    ("Jordania enviará un nuevo hospital de campaña. Estará desplegado en Jan Yunis, según la agencia Petra.", set()),
    # Egypt's tanks on its side of the border: the dropped subject is the tanks
    ("Egipto ha desplegado 40 tanques en el Sinaí. Estarán desplegados cerca de Rafah, en el lado egipcio de la "
     "frontera.", set()),
])
def test_a_site_or_a_dropped_subject_across_two_sentences(gaz: Gazetteer, text: str,
                                                          expected: set[tuple[str, str, str]]) -> None:
    assert leads(text, gaz) == expected


def test_a_sector_name_does_not_make_an_italian_sentence_spanish(gaz: Gazetteer) -> None:
    # "Deir al-Balah" once gave the sentence the Spanish stopword "al" (with "ha": read as Spanish too), and Spanish
    # "si" (if) then hedged the Italian reflexive "si": the minister's plain word was read as speculative
    text = ("Il Parlamento albanese ha approvato venerdì la partecipazione alla missione internazionale nella Striscia "
            "di Gaza. I soldati albanesi si schiereranno a Deir al-Balah, ha detto il ministro della Difesa albanese.")
    assert leads(text, gaz) == {("Albania", "deir-al-balah", "confirmed")}
