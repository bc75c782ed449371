"""A placement said to be not yet decided ("still undecided", "لم يتقرر بعد", "belum diputuskan", "아직 결정되지
않았다") is open: it is read as hedged in every language, never as stated (issue #20; hedged words never become
"confirmed"). Sentences are written for this test, each saying that the placement of Indonesian troops in Rafah
has not been decided; and a nation saying it has made no decision on a placement is never read as placing
itself; nor is a nation saying it is ready, willing or offering to send troops (a readiness, not a
placement)."""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract_all
from mapview.ingest.gazetteer import Gazetteer

UNDECIDED = {
    "en": "Indonesia's deployment to Rafah is still undecided, officials said on Monday after the meeting in Jakarta.",
    "ar": "ولم يتقرر بعد نشر القوات الإندونيسية في رفح، بحسب ما قال مسؤولون يوم الاثنين بعد الاجتماع في جاكرتا.",
    "fr": "Le déploiement des troupes indonésiennes à Rafah n'est pas encore décidé, ont dit des responsables.",
    "de": "Ob indonesische Soldaten in Rafah stationiert werden, ist noch nicht entschieden, sagten Beamte am Montag.",
    "es": "Aún no está decidido el despliegue de las tropas indonesias en Rafah, dijeron funcionarios el lunes.",
    "id": "Penempatan pasukan Indonesia di Rafah belum diputuskan, kata pejabat pada hari Senin setelah rapat.",
    "it": "Il dispiegamento delle truppe indonesiane a Rafah non è ancora stato deciso, hanno detto i funzionari.",
    "tr": "Endonezya askerlerinin Refah'ta konuşlanması henüz kararlaştırılmadı, dedi yetkililer pazartesi günü.",
    "sq": "Vendosja e trupave indoneziane në Rafah ende nuk është vendosur, thanë zyrtarët të hënën pas takimit.",
    "ru": "Размещение индонезийских военных в Рафахе пока не решено, заявили чиновники в понедельник после встречи.",
    "ko": "인도네시아군의 라파 배치 여부는 아직 결정되지 않았다고 관리들이 월요일 밝혔다.",
    "ja": "インドネシア軍をラファに駐留させるかどうかはまだ決まっていないと当局者は月曜日に述べた。",
    "zh": "印尼军队是否将部署在拉法尚未确定，官员周一表示。",
    "he": "עדיין לא הוחלט אם חיילים אינדונזים יוצבו ברפיח, אמרו גורמים רשמיים ביום שני.",
}


@pytest.mark.parametrize("lang", sorted(UNDECIDED))
def test_a_placement_not_yet_decided_is_hedged(gaz: Gazetteer, lang: str) -> None:
    findings = [f for f in extract_all(UNDECIDED[lang], gaz).findings if f.nation == "Indonesia"]
    assert findings, "the sentence still names the placement for a reviewer"
    assert {f.attribution.manner for f in findings} == {"hedged"}
    assert all(f.status != "confirmed" for f in findings)


# A nation saying it has made no decision on sending troops to Khan Yunis (ar and zh read it as "confirmed" before).
NO_DECISION = {
    "en": "Azerbaijan said on Monday that it has made no decision on sending troops to Khan Yunis.",
    "ar": "وقالت أذربيجان يوم الاثنين إنها لم تتخذ أي قرار بشأن إرسال قوات إلى خان يونس.",
    "fr": "L'Azerbaïdjan a déclaré lundi n'avoir pris aucune décision sur l'envoi de troupes à Khan Younès.",
    "de": ("Aserbaidschan erklärte am Montag, es habe noch keine Entscheidung über die Entsendung von Truppen nach"
           " Chan Junis getroffen."),
    "es": "Azerbaiyán dijo el lunes que no ha tomado ninguna decisión sobre el envío de tropas a Jan Yunis.",
    "id": ("Azerbaijan mengatakan pada hari Senin bahwa pihaknya belum mengambil keputusan soal pengiriman pasukan ke"
           " Khan Yunis."),
    "it": "L'Azerbaigian ha detto lunedì di non aver preso alcuna decisione sull'invio di truppe a Khan Younis.",
    "tr": "Azerbaycan pazartesi günü Han Yunus'a asker gönderilmesi konusunda henüz bir karar vermediğini söyledi.",
    "sq": "Azerbajxhani tha të hënën se nuk ka marrë asnjë vendim për dërgimin e trupave në Khan Junis.",
    "ru": "Азербайджан заявил в понедельник, что не принимал никакого решения об отправке войск в Хан-Юнис.",
    "ko": "아제르바이잔은 칸유니스 파병설에 대해 아무런 결정도 내리지 않았다고 월요일 밝혔다.",
    "ja": "アゼルバイジャンは月曜日、ハンユニスへの部隊派遣について何も決定していないと述べた。",
    "zh": "阿塞拜疆周一表示，尚未就向汗尤尼斯派兵作出任何决定。",
    "he": "אזרבייג'ן אמרה ביום שני כי לא קיבלה כל החלטה על שליחת חיילים לחאן יונס.",
}


# A nation's minister saying it is ready (willing, offering) to send troops to Rafah: 14 languages read "confirmed".
READY = {
    "en": "Indonesia's defence minister said on Monday that Indonesia is ready to send troops to Rafah.",
    "en2": "Indonesia has offered to deploy troops in Rafah, its foreign minister said on Monday.",
    "ar": "وقال وزير الدفاع الإندونيسي يوم الاثنين إن إندونيسيا مستعدة لإرسال قوات إلى رفح.",
    "fr": ("Le ministre indonésien de la Défense a déclaré lundi que l'Indonésie était prête à envoyer des troupes à"
           " Rafah."),
    "de": ("Der indonesische Verteidigungsminister sagte am Montag, Indonesien sei bereit, Truppen nach Rafah zu"
           " schicken."),
    "es": "El ministro de Defensa indonesio dijo el lunes que Indonesia está dispuesta a enviar tropas a Rafah.",
    "id": "Menteri Pertahanan Indonesia mengatakan pada hari Senin bahwa Indonesia siap mengirim pasukan ke Rafah.",
    "it": "Il ministro della Difesa indonesiano ha detto lunedì che l'Indonesia è pronta a inviare truppe a Rafah.",
    "tr": "Endonezya Savunma Bakanı pazartesi günü Endonezya'nın Refah'a asker göndermeye hazır olduğunu söyledi.",
    "sq": "Ministri indonezian i Mbrojtjes tha të hënën se Indonezia është gati të dërgojë trupa në Rafah.",
    "ru": "Министр обороны Индонезии заявил в понедельник, что Индонезия готова направить войска в Рафах.",
    "ko": "인도네시아 국방장관은 월요일 인도네시아가 라파에 병력을 보낼 준비가 돼 있다고 밝혔다.",
    "ja": "インドネシアの国防相は月曜日、インドネシアはラファに部隊を派遣する用意があると述べた。",
    "zh": "印尼国防部长周一表示，印尼准备向拉法派遣部队。",
    "he": "שר ההגנה האינדונזי אמר ביום שני כי אינדונזיה מוכנה לשלוח חיילים לרפיח.",
    "pt": ("O ministro da Defesa da Indonésia disse na segunda-feira que a Indonésia está pronta para enviar tropas a"
           " Rafah."),
}


OPEN = [*(("no decision", lang, text) for lang, text in NO_DECISION.items()),
        *(("ready", lang, text) for lang, text in READY.items())]


@pytest.mark.parametrize(("kind", "lang", "text"), OPEN, ids=[f"{k}-{lang}" for k, lang, _ in OPEN])
def test_no_decision_or_a_readiness_is_never_stated(gaz: Gazetteer, kind: str, lang: str, text: str) -> None:
    findings = extract_all(text, gaz).findings
    assert {f.attribution.manner for f in findings} <= {"hedged"}
    assert all(f.status != "confirmed" for f in findings)


@pytest.mark.parametrize(("text", "manner"), [
    ("An area in Rafah has been prepared to receive the Indonesian troops, the Indonesian army said.", "stated"),
    ("Die indonesischen Soldaten sind bereits in Rafah stationiert, sagte der indonesische Minister.", "stated"),
    ("Endonezya askerleri için Refah'ta alan hazırlanıyor.", "stated"),
])
def test_a_site_prepared_or_already_held_stays_stated(gaz: Gazetteer, text: str, manner: str) -> None:
    assert {f.attribution.manner for f in extract_all(text, gaz).findings if f.role == "lead"} == {manner}
