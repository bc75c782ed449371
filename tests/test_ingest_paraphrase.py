"""Paraphrases of one placement (issue #20, item 3): words between cue words, passive and active voice, nominal
forms ("the deployment of Indonesian troops to Rafah"), lists of nations (no one nation's lead), and a contingent
named in one sentence that the next places ("They will be based in Khan Younis"; a dropped subject in Spanish).

Sentences are written for these tests, in the manner of ISF reporting in each language; expected values are the
(nation, sector) leads a reader gives them by tests/realworld/README.md.
"""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract, extract_all
from mapview.ingest.gazetteer import Gazetteer

IR, IK = {("Indonesia", "rafah")}, {("Indonesia", "khan-yunis")}

CASES = [
    ("en", 'The Indonesian contingent will be stationed initially in Rafah.', IR),
    ("en", 'Indonesian peacekeepers are slated to be deployed next month to Khan Younis.', IK),
    ("en", 'The deployment of Indonesian troops to Rafah is planned for April.', IR),
    ("en", 'Rafah will host the Indonesian battalion, officials said.', IR),
    ("en", 'Indonesia has pledged 8,000 soldiers. They will be based in Khan Younis.', IK),
    ("en", 'Indonesia, Morocco and Albania will send troops to Rafah.', set()),
    ("en", 'The Indonesian troops, numbering about 1,000, will be stationed in Rafah.', IR),
    ("ar", 'ستنتشر القوات الإندونيسية خلال الشهر المقبل في رفح.', IR),
    ("ar", 'نشر القوات الإندونيسية في رفح مقرر في أبريل.', IR),
    ("ar", 'أرسلت إندونيسيا 8000 جندي. وستتمركز هذه القوات في خان يونس.', IK),
    ("ar", 'سترسل إندونيسيا والمغرب وألبانيا قوات إلى رفح.', set()),
    ("id", 'Pasukan TNI rencananya akan segera ditempatkan di Rafah.', IR),
    ("id", 'Penempatan pasukan Indonesia di Khan Younis dijadwalkan pada April.', IK),
    ("id", 'Indonesia menyiapkan 8.000 prajurit. Mereka akan ditempatkan di Rafah.', IR),
    ("id", 'Indonesia, Maroko, dan Albania akan mengirim pasukan ke Rafah.', set()),
    ("fr", "Les soldats indonésiens seront d'abord stationnés à Rafah.", IR),
    ("fr", 'Le déploiement des troupes indonésiennes à Khan Younès est prévu en avril.', IK),
    ("fr", "L'Indonésie enverra 8 000 soldats. Ils seront stationnés à Rafah.", IR),
    ("fr", "L'Indonésie, le Maroc et l'Albanie enverront des troupes à Rafah.", set()),
    ("de", 'Die indonesischen Soldaten sollen zunächst in Rafah stationiert werden.', IR),
    ("de", 'Die Stationierung indonesischer Truppen in Chan Junis ist für April geplant.', IK),
    ("de", 'Indonesien schickt 8000 Soldaten. Sie sollen in Rafah stationiert werden.', IR),
    ("de", 'Indonesien, Marokko und Albanien schicken Truppen nach Rafah.', set()),
    ("ru", 'Индонезийские военные будут размещены в Рафахе.', IR),
    ("ru", 'Размещение индонезийского контингента в Хан-Юнисе запланировано на апрель.', IK),
    ("ru", 'Индонезия направит 8000 военнослужащих. Они будут размещены в Рафахе.', IR),
    ("es", 'Las tropas indonesias serán desplegadas inicialmente en Rafah.', IR),
    ("es", 'El despliegue de tropas indonesias en Jan Yunis está previsto para abril.', IK),
    ("es", 'Indonesia enviará 8.000 soldados. Serán desplegados en Rafah.', IR),
    ("tr", "Endonezya askerleri ilk etapta Refah'ta konuşlandırılacak.", IR),
    ("tr", "Endonezya birliklerinin Han Yunus'a konuşlandırılması nisanda planlanıyor.", IK),
    ("tr", "Endonezya 8 bin asker gönderecek. Bu askerler Refah'ta konuşlanacak.", IR),
    ("he", 'החיילים האינדונזים יוצבו בתחילה ברפיח.', IR),
    ("he", 'הצבת הכוחות האינדונזיים בחאן יונס מתוכננת לאפריל.', IK),
    ("sq", 'Trupat indoneziane do të vendosen fillimisht në Rafah.', IR),
    ("sq", 'Vendosja e trupave indoneziane në Khan Junis është planifikuar për prill.', IK),
    ("sq", 'Indonezia do të dërgojë 8000 ushtarë. Ata do të vendosen në Rafah.', IR),
    # take over, arrive, operate, supervise, fall to: each a placement once troops are named
    ("ar", 'وتقضي الخطة بأن يتسلم الجيش الإندونيسي خان يونس.', IK),
    ("ar", 'من المقرر أن تصل طلائع القوات الإندونيسية إلى رفح الشهر المقبل.', IR),
    ("ar", 'وستعمل القوات الإندونيسية في خان يونس ضمن قوة الاستقرار الدولية.', IK),
    ("ar", 'وستشرف القوات الإندونيسية على رفح.', IR),
    ("ar", 'وستكون رفح من نصيب القوات الإندونيسية.', IR),
    ("es", 'Las tropas de Indonesia serán las encargadas de la seguridad en Rafah.', IR),
    ("es", 'Indonesia se encargará de Jan Yunis dentro de la fuerza internacional.', IK),
    ("it", "All'Indonesia spetterà il settore di Rafah.", IR),
    ("it", 'Rafah sarà affidata ai militari indonesiani.', IR),
    ("it", "All'Indonesia è stata assegnata l'area di Khan Younis.", IK),
    ("sq", 'Indonezisë i është caktuar sektori i Rafahut.', IR),
    ("id", 'Pasukan perdamaian RI akan diposisikan di Rafah.', IR),
    ("id", 'Indonesia mendapat jatah sektor Khan Younis.', IK),
    ("id", 'Ribuan personel TNI dijadwalkan tiba di Rafah pada April.', IR),
    ("fr", 'Les soldats indonésiens prendront position à Rafah.', IR),
    ("fr", "C'est à l'Indonésie que reviendra le secteur de Rafah.", IR),
    ("fr", 'Rafah sera confiée aux militaires indonésiens.', IR),
    ("fr", "L'Indonésie aura la charge de Khan Younès.", IK),
    ("fr", 'Selon Kan, ce sont les troupes indonésiennes qui sécuriseront Rafah.', IR),
    ("de", 'Indonesien soll den Sektor Rafah übernehmen.', IR),
    ("de", 'Die ersten indonesischen Soldaten sollen im April in Rafah eintreffen.', IR),
    ("ru", 'Индонезии достанется сектор Рафах.', IR),
    ("ru", 'Индонезийцы будут базироваться в Хан-Юнисе.', IK),
    ("tr", "Refah sektörü Endonezya'ya verilecek.", IR),
    ("tr", "Refah, Endonezyalı askerlere emanet edilecek.", IR),
    ("tr", "İlk Endonezyalı askerler nisan ayında Refah'a ulaşacak.", IR),
    ("tr", "Endonezyalılar Han Yunus'ta üslenecek.", IK),
    ("he", 'החיילים האינדונזים יתמקמו ברפיח.', IR),
    ("he", 'גזרת רפיח תוקצה לאינדונזיה.', IR),
    ("he", 'רפיח תימסר לידי הכוחות האינדונזיים.', IR),
    ("he", 'החיילים האינדונזים הראשונים יגיעו לרפיח באפריל.', IR),
    ("he", 'האינדונזים יתבססו בחאן יונס.', IK),
    ("ja", 'ラファ地区はインドネシアに割り当てられる。', IR),
    ("ja", 'ラファはインドネシア軍に委ねられる。', IR),
    ("ja", '最初のインドネシア兵は4月にラファに到着する。', IR),
    ("ja", 'カンによると、インドネシア軍がラファの治安を確保する。', IR),
    ("zh", '拉法地区将划归印尼。', IR),
    ("zh", '拉法将交由印尼军队管理。', IR),
    ("zh", '首批印尼士兵将于4月抵达拉法。', IR),
    ("pt", 'A Indonésia ficará com o setor de Rafah.', IR),
    ("pt", 'Rafah será entregue às tropas indonésias.', IR),
    ("pt", 'Segundo a Kan, as tropas indonésias vão garantir a segurança de Rafah.', IR),
    ("ko", '인도네시아군 선발대는 이르면 다음 달 라파에 도착할 전망이다.', IR),
    ("ko", '인도네시아는 칸유니스를 맡는 것으로 전해졌다.', IK),
    ("en", 'Indonesian peacekeepers are due to arrive in Rafah next month.', IR),
    ("en", 'Rafah will fall under Indonesian control.', IR),
    ("en", 'Khan Younis will be handed over to Indonesian forces.', IK),
    ("en", 'Jakarta will send troops to Rafah, Kan reported.', IR),
    ("es", 'Rafah quedará en manos de las tropas indonesias.', IR),
    ("es", 'A Indonesia le corresponderá el sector de Rafah.', IR),
    ("es", 'Los indonesios estarán basados en Jan Yunis.', IK),
    ("es", 'Rafah será entregada a las fuerzas indonesias.', IR),
    ("es", 'Yakarta enviará tropas a Rafah, según Kan.', IR),
    ("es", 'Indonesia tendrá a su cargo la zona de Rafah.', IR),
    ("es", 'Las tropas de Indonesia velarán por la seguridad de Rafah y sus alrededores.', IR),
    ("ar", 'وكشفت القناة 12 أن إندونيسيا سترسل قوات إلى رفح.', IR),
    ("ar", 'وكشفت القناة 12 أن جاكرتا سترسل قوات إلى رفح.', IR),
    ("ar", 'وستكون خان يونس تحت سيطرة القوات الإندونيسية.', IK),
    ("ar", 'وستحط القوات الإندونيسية رحالها في رفح.', IR),
    ("ar", 'وستُسلَّم رفح إلى القوات الإندونيسية.', IR),
    ("ar", 'وأوكلت إلى القوات الإندونيسية مهمة حفظ الأمن في رفح.', IR),
    ("he", 'חדשות 12 דיווחו כי אינדונזיה תשלח חיילים לרפיח.', IR),
    ("en", 'Khan Younis is where the Indonesian troops will be based, the report said.', IK),
    ("ar", 'وبحسب التقرير، فإن الجنود الإندونيسيين سيكونون أول من يدخل رفح.', IR),
    ("ar", 'وأشارت المصادر إلى أن رفح ستكون المحطة الأولى للقوات الإندونيسية.', IR),
    ("ar", 'وستكون مهمة القوات الإندونيسية حفظ الأمن في رفح.', IR),
    # the same words without troops: aid, a minister, an NGO
    ("ar", 'وصلت المساعدات الإندونيسية إلى رفح أمس.', set()),
    ("ar", 'وصل وزير الخارجية الإندونيسي إلى رفح في زيارة قصيرة.', set()),
    ("ar", 'وستعمل منظمات إندونيسية في خان يونس لتوزيع المساعدات.', set()),
    ("es", 'La ONG indonesia encargada de la ayuda humanitaria en Rafah pidió más camiones.', set()),
    ("id", 'Menteri Luar Negeri RI tiba di Rafah untuk meninjau bantuan kemanusiaan.', set()),
    ("it", "Il controllo del valico di Rafah è stato affidato all'Egitto.", set()),
    ("fr", 'Les soldats indonésiens reviennent de Rafah après une mission de reconnaissance.', set()),
    ("de", 'Indonesien übernimmt die Kosten für das Krankenhaus in Rafah.', set()),
    ("tr", "Endonezya'nın yardımı Refah'a ulaştı.", set()),
    ("ja", 'インドネシアの外相は4月にラファに到着する。', set()),
    ("ko", '인도네시아 구호품이 라파에 도착했다.', set()),
    ("en", 'Indonesian aid arrived in Rafah on Tuesday.', set()),
    ("en", 'The Indonesian foreign minister arrived in Rafah for a short visit.', set()),
    ("en", 'Rafah fell to Israeli forces in May 2024.', set()),
    ("en", 'A delegation from Jakarta arrived in Rafah to inspect the site.', set()),
    ("en", 'Talks in Rabat focused on the reconstruction of Khan Younis.', set()),
    ("es", 'La ayuda indonesia fue entregada a las familias de Rafah.', set()),
    ("es", 'El paso de Rafah quedará en manos de Egipto.', set()),
    ("es", 'El ministro indonesio, basado en El Cairo, visitó Rafah.', set()),
    ("ar", 'وستبقى رفح تحت سيطرة الجيش الإسرائيلي.', set()),
    ("ar", 'وسلمت إندونيسيا المساعدات إلى سكان رفح.', set()),
    ("ar", 'وأوكلت إلى مصر مهمة إدارة معبر رفح.', set()),
    ("ar", 'وانتقل وزير الخارجية الإندونيسي إلى رفح.', set()),
    ("he", 'אינדונזיה שלחה סיוע הומניטרי לרפיח.', set()),
    ("he", 'שר החוץ האינדונזי ישלח מכתב לרפיח.', set()),
    ("en", 'The Indonesian-based charity works in Rafah.', set()),
    ("ar", 'ودخلت شاحنات المساعدات المصرية إلى رفح.', set()),
    ("ar", 'وسيدخل وزير الخارجية الإندونيسي إلى رفح عبر المعبر.', set()),
    ("ar", 'وتعد رفح المحطة الأخيرة لقوافل الإغاثة الإندونيسية.', set()),
    ("zh", '印尼援助物资抵达拉法。', set()),
    ("pt", 'Rafah será entregue às autoridades palestinas.', set()),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_a_placement_reads_however_it_is_worded(gaz, lang: str, text: str, expected: set) -> None:
    leads = {(f.nation, f.sector) for f in extract_all(text, gaz).findings if f.role == "lead"}
    assert leads == expected



@pytest.mark.parametrize(("text", "leads"), [
    ("Indonesia's troops, not Morocco's, will be deployed to Rafah.", IR),
    ("Des soldats indonésiens, non marocains, seront stationnés à Rafah.", IR),
    ("Les troupes indonésiennes, et non le Maroc, seront stationnées à Rafah.", set()),  # no wrong nation, at least
    ("Pasukan Indonesia, bukan Maroko, akan ditempatkan di Rafah.", IR),
    ("Indonesische Soldaten, nicht Marokko, sollen in Rafah stationiert werden.", IR),
])
def test_a_nation_negated_right_before_its_name_is_placed_nowhere(gaz, text: str, leads: set) -> None:
    findings = extract_all(text, gaz).findings
    assert "Morocco" not in {f.nation for f in findings}
    assert {(f.nation, f.sector) for f in findings if f.role == "lead"} == leads


GAPPED = [  # the second half of a sentence shares the first half's verb: each nation stays in its own half
    ("Kosovar soldiers will be deployed in the north, and Albanian ones in Deir al-Balah.",
     {("Albania", "deir-al-balah")}),
    ("Kosovo troops will serve in North Gaza, Albanian troops in Deir al-Balah.",
     {("Kosovo", "north-gaza"), ("Albania", "deir-al-balah")}),
    ("Kosovarische Soldaten sollen im Norden eingesetzt werden, und albanische in Deir al-Balah.",
     {("Albania", "deir-al-balah")}),
    ("Kosovarische Soldaten sollen im Norden des Gazastreifens eingesetzt werden, albanische in Deir al-Balah.",
     {("Kosovo", "north-gaza"), ("Albania", "deir-al-balah")}),
]


@pytest.mark.parametrize(("text", "pairs"), GAPPED)
def test_a_gapped_second_half_places_its_own_nation_only(gaz: Gazetteer, text: str, pairs: set) -> None:
    assert {(f.nation, f.sector) for f in extract(text, gaz)} == pairs


def test_a_gapped_possessive_half_never_gives_its_nation_the_first_sector(gaz: Gazetteer) -> None:
    text = "Kosovo's soldiers will be deployed in North Gaza, and Albania's in Deir al-Balah."
    found = {(f.nation, f.sector) for f in extract(text, gaz)}
    assert ("Kosovo", "north-gaza") in found and found <= {("Kosovo", "north-gaza"), ("Albania", "deir-al-balah")}


def test_a_heading_joined_to_a_bullet_gives_one_passage_the_bullet(gaz: Gazetteer) -> None:
    # newsbanana.me (dev split): the splitter joins "其他相關資訊" (other news) to the bullet under it
    text = ("印尼準備派遣部隊至加沙\n\n其他相關資訊\n\n"
            "• 印尼同意佔領加沙最南端的邊境 crossings,即拉法,以創造加沙地區的安全穩定。")
    [finding] = extract_all(text, gaz).findings
    assert text[finding.start:finding.end].startswith("• 印尼同意") and finding.sector == "rafah"


@pytest.mark.parametrize("text", [
    "With UN approval, Indonesian troops will be deployed in Rafah.",
    "Indonesian troops will be deployed in Rafah under a UN mandate.",
    "Bajo el mandato de la ONU, las tropas indonesias serán desplegadas en Rafah.",
    "Sous mandat de l'ONU, les troupes indonésiennes seront déployées à Rafah.",
    "بموجب تفويض الأمم المتحدة، ستنتشر القوات الإندونيسية في رفح.",
])
def test_the_un_named_as_the_mandate_is_no_second_contingent(gaz: Gazetteer, text: str) -> None:
    # the force is authorised by the UN, not made of UN troops: Indonesia's placement stays its lead
    assert {(f.nation, f.sector, f.role) for f in extract(text, gaz)} == {("Indonesia", "rafah", "lead")}
