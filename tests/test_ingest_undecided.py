"""A placement said to be not yet decided ("still undecided", "لم يتقرر بعد", "belum diputuskan", "아직 결정되지
않았다") is open: it is read as hedged in every language, never as stated (issue #20; hedged words never become
"confirmed"). Sentences are written for this test, each saying that the placement of Indonesian troops in Rafah
has not been decided."""

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
