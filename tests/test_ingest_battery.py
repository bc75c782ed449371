"""A phrasing battery for languages ingest reads but that have few real articles (issue #20): in each language,
sentences written for this test (from how that language's press words troop deployments, not copied from any
article) that place one nation's troops in one Gaza sector in different ways, hedged ones (never "confirmed"),
denials, and traps that must give no lead (aid convoys, a minister's visit, the Rafah crossing run by Egypt, Israel
refusing troops, Israeli operations, a list of several nations with one sector, a field hospital).

Each sentence follows a short neutral context sentence in the same language, so the article's language is detected
as it would be in a real article. The expected leads are a careful reader's (tests/realworld/README.md)."""

from __future__ import annotations

import pytest

from mapview.ingest.extract import extract_all
from mapview.ingest.gazetteer import Gazetteer

# kind: "stated" (the lead, reported or confirmed), "hedged" (the lead, speculative), "denied" (the lead, denied),
# "trap" (no lead at all).
Case = tuple[str, str, tuple[str, str] | None]

CONTEXT: dict[str, str] = {
    "ms": "Pelan Amerika Syarikat menetapkan sebuah pasukan antarabangsa di Semenanjung Gaza dengan ribuan askar dari"
          " beberapa negara di bawah arahan seorang jeneral Amerika.",
    "ur": "امریکی منصوبے کے تحت غزہ کی پٹی میں ایک بین الاقوامی فورس بنائی جائے گی جس میں کئی ممالک کے ہزاروں فوجی"
          " شامل ہوں گے اور اس کی کمان ایک امریکی جنرل کے پاس ہوگی۔",
    "fa": "طرح آمریکا استقرار یک نیروی بین‌المللی در نوار غزه را با هزاران سرباز از چند کشور و به فرماندهی یک ژنرال"
          " آمریکایی پیش‌بینی می‌کند.",
    "az": "ABŞ-ın planı Qəzza zolağında bir neçə ölkədən minlərlə əsgərdən ibarət və amerikalı generalın"
          " komandanlığı altında olan beynəlxalq qüvvə yaradılmasını nəzərdə tutur.",
    "pl": "Amerykański plan przewiduje utworzenie w Strefie Gazy sił międzynarodowych złożonych z tysięcy żołnierzy z"
          " kilku państw pod dowództwem amerykańskiego generała.",
    "hu": "Az amerikai terv szerint egy több ország katonáiból álló nemzetközi erő állomásozna a Gázai övezetben egy"
          " amerikai tábornok parancsnoksága alatt.",
    "nl": "Het Amerikaanse plan voorziet in een internationale troepenmacht in de Gazastrook met duizenden soldaten uit"
          " verschillende landen onder leiding van een Amerikaanse generaal.",
    "vi": "Kế hoạch của Mỹ đề ra việc thành lập một lực lượng quốc tế tại Dải Gaza gồm hàng nghìn binh sĩ từ nhiều quốc"
          " gia dưới sự chỉ huy của một tướng Mỹ.",
    "ro": "Planul american prevede o forță internațională în Fâșia Gaza, formată din mii de soldați din mai multe țări,"
          " sub comanda unui general american.",
}

IDN, PAK, AZE, MYS = "Indonesia", "Pakistan", "Azerbaijan", "Malaysia"
R, KY, DB, GC = "rafah", "khan-yunis", "deir-al-balah", "gaza-city"

BATTERY: dict[str, list[Case]] = {
    "ms": [
        ("stated", "Tentera Indonesia akan ditempatkan di Rafah mulai bulan depan.", (IDN, R)),
        ("stated", "Rafah akan dikawal oleh askar Indonesia.", (IDN, R)),
        ("stated", "Penempatan tentera Pakistan di Khan Yunis dijadualkan bermula pada bulan Mac.", (PAK, KY)),
        ("stated", "Malaysia akan bertanggungjawab ke atas sektor Deir al-Balah.", (MYS, DB)),
        ("stated", "Azerbaijan akan mengambil alih kawalan keselamatan di Khan Yunis.", (AZE, KY)),
        ("stated", "Sektor Rafah telah diserahkan kepada Indonesia.", (IDN, R)),
        ("stated", "Kontinjen pertama askar Malaysia tiba di Rafah pada hari Sabtu.", (MYS, R)),
        ("stated", "Askar Pakistan akan berpangkalan di Bandar Gaza.", (PAK, GC)),
        ("stated", "Pihak Indonesia akan mengawal keselamatan di Rafah.", (IDN, R)),
        ("stated", "Menurut Channel 12, askar Azerbaijan akan ditempatkan di Khan Yunis.", (AZE, KY)),
        ("stated", "Wilayah Deir al-Balah diperuntukkan kepada tentera Malaysia.", (MYS, DB)),
        ("hedged", "Tentera Indonesia dijangka ditempatkan di Rafah.", (IDN, R)),
        ("hedged", "Pakistan mungkin menghantar tentera ke Khan Yunis.", (PAK, KY)),
        ("hedged", "Malaysia merancang untuk menghantar askar ke Deir al-Balah.", (MYS, DB)),
        ("hedged", "Azerbaijan bersedia menghantar tentera ke Khan Yunis.", (AZE, KY)),
        ("hedged", "Penempatan tentera Indonesia di Rafah masih belum diputuskan.", (IDN, R)),
        ("denied", "Kementerian Pertahanan Malaysia menafikan bahawa askarnya akan ditempatkan di Rafah.", (MYS, R)),
        ("denied", "Pakistan menegaskan bahawa tenteranya tidak akan ditempatkan di Khan Yunis.", (PAK, KY)),
        ("trap", "Konvoi bantuan kemanusiaan dari Malaysia tiba di Rafah pada hari Isnin.", None),
        ("trap", "Menteri Luar Indonesia melawat Khan Yunis minggu lalu.", None),
        ("trap", "Lintasan Rafah dikendalikan oleh Mesir.", None),
        ("trap", "Israel enggan menerima tentera Turki di Rafah.", None),
        ("trap", "Tentera Israel melancarkan operasi di Khan Yunis.", None),
        ("trap", "Tentera dari Indonesia, Pakistan dan Azerbaijan akan ditempatkan di Rafah.", None),
        ("trap", "Malaysia akan membina sebuah hospital medan di Khan Yunis.", None),
    ],
    "ur": [
        ("stated", "پاکستانی فوجی رفح میں تعینات کیے جائیں گے۔", (PAK, R)),
        ("stated", "انڈونیشیا کے فوجی خان یونس میں تعینات ہوں گے۔", (IDN, KY)),
        ("stated", "رفح میں پاکستانی فوج کی تعیناتی اگلے ماہ شروع ہوگی۔", (PAK, R)),
        ("stated", "پاکستان رفح سیکٹر کی ذمہ داری سنبھالے گا۔", (PAK, R)),
        ("stated", "خان یونس کا علاقہ انڈونیشیا کے سپرد کیا گیا ہے۔", (IDN, KY)),
        ("stated", "پاکستانی فوجی دستے رفح پہنچ گئے۔", (PAK, R)),
        ("stated", "آذربائیجانی فوجیوں کا اڈہ دیر البلح میں ہوگا۔", (AZE, DB)),
        ("stated", "چینل 12 کے مطابق پاکستانی فوج رفح میں سیکیورٹی کی ذمہ دار ہوگی۔", (PAK, R)),
        ("stated", "پاکستانی فوج کو رفح کا سیکٹر سونپا جائے گا۔", (PAK, R)),
        ("stated", "انڈونیشیائی فوجی خان یونس کی سیکیورٹی سنبھالیں گے۔", (IDN, KY)),
        ("hedged", "پاکستانی فوجیوں کو رفح میں تعینات کیے جانے کا امکان ہے۔", (PAK, R)),
        ("hedged", "پاکستان رفح میں فوج بھیج سکتا ہے۔", (PAK, R)),
        ("hedged", "انڈونیشیا خان یونس میں فوج بھیجنے کا منصوبہ بنا رہا ہے۔", (IDN, KY)),
        ("hedged", "پاکستان رفح میں فوج بھیجنے کے لیے تیار ہے۔", (PAK, R)),
        ("hedged", "رفح میں پاکستانی فوج کی تعیناتی کا فیصلہ ابھی نہیں ہوا۔", (PAK, R)),
        ("denied", "دفتر خارجہ نے اس خبر کی تردید کی کہ پاکستانی فوجی رفح میں تعینات ہوں گے۔", (PAK, R)),
        ("denied", "پاکستان نے واضح کیا کہ اس کے فوجی رفح میں تعینات نہیں کیے جائیں گے۔", (PAK, R)),
        ("trap", "پاکستان سے امدادی سامان کا قافلہ رفح پہنچ گیا۔", None),
        ("trap", "پاکستانی وزیر خارجہ نے خان یونس کا دورہ کیا۔", None),
        ("trap", "رفح کراسنگ مصر کے زیر انتظام ہے۔", None),
        ("trap", "اسرائیل نے رفح میں ترک فوجیوں کو قبول کرنے سے انکار کر دیا۔", None),
        ("trap", "اسرائیلی فوج نے خان یونس میں کارروائی کی۔", None),
        ("trap", "پاکستان، انڈونیشیا اور آذربائیجان کے فوجی رفح میں تعینات ہوں گے۔", None),
        ("trap", "پاکستان خان یونس میں ایک فیلڈ ہسپتال قائم کرے گا۔", None),
    ],
    "fa": [
        ("stated", "نیروهای اندونزیایی در رفح مستقر خواهند شد.", (IDN, R)),
        ("stated", "سربازان پاکستانی در خان یونس مستقر می‌شوند.", (PAK, KY)),
        ("stated", "استقرار نیروهای اندونزی در رفح از ماه آینده آغاز می‌شود.", (IDN, R)),
        ("stated", "مسئولیت بخش رفح به اندونزی سپرده شده است.", (IDN, R)),
        ("stated", "آذربایجان کنترل خان یونس را بر عهده خواهد گرفت.", (AZE, KY)),
        ("stated", "نخستین گروه از سربازان اندونزیایی وارد رفح شدند.", (IDN, R)),
        ("stated", "به گزارش شبکه ۱۲، نیروهای پاکستانی در خان یونس مستقر خواهند شد.", (PAK, KY)),
        ("stated", "اندونزیایی‌ها امنیت رفح را تأمین خواهند کرد.", (IDN, R)),
        ("stated", "پایگاه نیروهای آذربایجانی در دیر البلح خواهد بود.", (AZE, DB)),
        ("stated", "منطقه رفح به نیروهای اندونزی واگذار شد.", (IDN, R)),
        ("hedged", "انتظار می‌رود نیروهای اندونزیایی در رفح مستقر شوند.", (IDN, R)),
        ("hedged", "پاکستان ممکن است نیروهایی به خان یونس بفرستد.", (PAK, KY)),
        ("hedged", "اندونزی قصد دارد سربازانی به رفح اعزام کند.", (IDN, R)),
        ("hedged", "آذربایجان آماده اعزام نیرو به خان یونس است.", (AZE, KY)),
        ("hedged", "هنوز درباره استقرار نیروهای اندونزی در رفح تصمیمی گرفته نشده است.", (IDN, R)),
        ("denied", "وزارت خارجه اندونزی خبر استقرار نیروهایش در رفح را تکذیب کرد.", (IDN, R)),
        ("denied", "پاکستان اعلام کرد که نیروهایش در خان یونس مستقر نخواهند شد.", (PAK, KY)),
        ("trap", "کاروان کمک‌های بشردوستانه اندونزی به رفح رسید.", None),
        ("trap", "وزیر خارجه پاکستان از خان یونس بازدید کرد.", None),
        ("trap", "گذرگاه رفح توسط مصر اداره می‌شود.", None),
        ("trap", "اسرائیل از پذیرش نیروهای ترکیه در رفح خودداری کرد.", None),
        ("trap", "ارتش اسرائیل در خان یونس عملیات انجام داد.", None),
        ("trap", "نیروهایی از اندونزی، پاکستان و آذربایجان در رفح مستقر خواهند شد.", None),
        ("trap", "اندونزی یک بیمارستان صحرایی در خان یونس برپا می‌کند.", None),
    ],
    "az": [
        ("stated", "Azərbaycan hərbçiləri Rəfahda yerləşdiriləcək.", (AZE, R)),
        ("stated", "İndoneziya əsgərləri Xan Yunisdə yerləşəcək.", (IDN, KY)),
        ("stated", "Azərbaycan sülhməramlılarının Rəfaha yerləşdirilməsi gələn ay başlayacaq.", (AZE, R)),
        ("stated", "Azərbaycan Rəfah sektorunun təhlükəsizliyinə cavabdeh olacaq.", (AZE, R)),
        ("stated", "Xan Yunis sektoru İndoneziyaya həvalə edilib.", (IDN, KY)),
        ("stated", "Azərbaycan hərbçiləri Rəfaha çatıb.", (AZE, R)),
        ("stated", "Kanal 12-nin məlumatına görə, Azərbaycan əsgərləri Rəfahda yerləşdiriləcək.", (AZE, R)),
        ("stated", "Azərbaycanlılar Rəfahın təhlükəsizliyini təmin edəcək.", (AZE, R)),
        ("stated", "Pakistan hərbçiləri Xan Yunisdəki bazada yerləşəcək.", (PAK, KY)),
        ("stated", "Rəfah bölgəsi Azərbaycan kontingentinə ayrılıb.", (AZE, R)),
        ("hedged", "Azərbaycan hərbçilərinin Rəfahda yerləşdirilməsi gözlənilir.", (AZE, R)),
        ("hedged", "Azərbaycan Rəfaha qoşun göndərə bilər.", (AZE, R)),
        ("hedged", "İndoneziya Xan Yunisə əsgər göndərməyi planlaşdırır.", (IDN, KY)),
        ("hedged", "Azərbaycan Rəfaha hərbçi göndərməyə hazırdır.", (AZE, R)),
        ("hedged", "Azərbaycan hərbçilərinin Rəfahda yerləşdirilməsi barədə hələ qərar verilməyib.", (AZE, R)),
        ("denied", "Azərbaycan Müdafiə Nazirliyi hərbçilərin Rəfaha göndəriləcəyi barədə xəbərləri təkzib edib.",
         (AZE, R)),
        ("denied", "Nazirlik bildirib ki, Azərbaycan hərbçiləri Rəfahda yerləşdirilməyəcək.", (AZE, R)),
        ("trap", "Azərbaycanın humanitar yardım karvanı Rəfaha çatıb.", None),
        ("trap", "Azərbaycanın xarici işlər naziri Xan Yunisə səfər edib.", None),
        ("trap", "Rəfah keçid məntəqəsi Misir tərəfindən idarə olunur.", None),
        ("trap", "İsrail Rəfahda türk hərbçilərini qəbul etməkdən imtina edib.", None),
        ("trap", "İsrail ordusu Xan Yunisdə əməliyyat keçirib.", None),
        ("trap", "Azərbaycan, İndoneziya və Pakistan hərbçiləri Rəfahda yerləşdiriləcək.", None),
        ("trap", "Azərbaycan Xan Yunisdə səhra hospitalı quracaq.", None),
    ],
    "pl": [
        ("stated", "Żołnierze indonezyjscy zostaną rozmieszczeni w Rafahu.", (IDN, R)),
        ("stated", "Indonezyjscy żołnierze będą stacjonować w Chan Junis.", (IDN, KY)),
        ("stated", "Rozmieszczenie wojsk pakistańskich w Rafahu rozpocznie się w przyszłym miesiącu.", (PAK, R)),
        ("stated", "Azerbejdżan będzie odpowiedzialny za sektor Chan Junis.", (AZE, KY)),
        ("stated", "Indonezja przejmie kontrolę nad Rafahem.", (IDN, R)),
        ("stated", "Sektor Rafah został przydzielony Indonezji.", (IDN, R)),
        ("stated", "Pierwsi indonezyjscy żołnierze przybyli do Rafahu w sobotę.", (IDN, R)),
        ("stated", "Według Kanału 12 Indonezyjczycy obejmą sektor Rafah.", (IDN, R)),
        ("stated", "Pakistańskie wojska będą zabezpieczać Deir al-Balah.", (PAK, DB)),
        ("stated", "Baza kontyngentu azerskiego powstanie w Chan Junis.", (AZE, KY)),
        ("hedged", "Indonezyjscy żołnierze mają prawdopodobnie trafić do Rafahu.", (IDN, R)),
        ("hedged", "Pakistan może wysłać żołnierzy do Chan Junis.", (PAK, KY)),
        ("hedged", "Indonezja planuje wysłać żołnierzy do Rafahu.", (IDN, R)),
        ("hedged", "Azerbejdżan jest gotów wysłać żołnierzy do Chan Junis.", (AZE, KY)),
        ("hedged", "Nie zdecydowano jeszcze o rozmieszczeniu indonezyjskich żołnierzy w Rafahu.", (IDN, R)),
        ("denied", "Indonezja zaprzeczyła, jakoby jej żołnierze mieli stacjonować w Rafahu.", (IDN, R)),
        ("denied", "Pakistan oświadczył, że pakistańscy żołnierze nie zostaną rozmieszczeni w Chan Junis.", (PAK, KY)),
        ("trap", "Konwój z pomocą humanitarną z Indonezji dotarł do Rafahu.", None),
        ("trap", "Minister spraw zagranicznych Pakistanu odwiedził Chan Junis.", None),
        ("trap", "Przejściem granicznym w Rafahu zarządza Egipt.", None),
        ("trap", "Izrael odmówił przyjęcia tureckich żołnierzy w Rafahu.", None),
        ("trap", "Armia izraelska przeprowadziła operację w Chan Junis.", None),
        ("trap", "Żołnierze z Indonezji, Pakistanu i Azerbejdżanu zostaną rozmieszczeni w Rafahu.", None),
        ("trap", "Indonezja zbuduje szpital polowy w Chan Junis.", None),
    ],
    "hu": [
        ("stated", "Az indonéz katonákat Rafahban állomásoztatják.", (IDN, R)),
        ("stated", "Indonéz katonák fognak állomásozni Rafahban.", (IDN, R)),
        ("stated", "Az indonéz csapatok Rafahba telepítése jövő hónapban kezdődik.", (IDN, R)),
        ("stated", "Azerbajdzsán lesz felelős a Hán Júnisz-i szektorért.", (AZE, KY)),
        ("stated", "Indonézia veszi át Rafah ellenőrzését.", (IDN, R)),
        ("stated", "A rafahi szektort Indonéziára bízták.", (IDN, R)),
        ("stated", "Az első indonéz katonák szombaton megérkeztek Rafahba.", (IDN, R)),
        ("stated", "A 12-es csatorna szerint az indonézek biztosítják majd Rafahot.", (IDN, R)),
        ("stated", "A pakisztáni katonák Hán Júniszban lesznek elhelyezve.", (PAK, KY)),
        ("stated", "A rafahi szektort az indonéz kontingensnek jelölték ki.", (IDN, R)),
        ("hedged", "Indonéz katonákat várhatóan Rafahba vezényelnek.", (IDN, R)),
        ("hedged", "Pakisztán katonákat küldhet Hán Júniszba.", (PAK, KY)),
        ("hedged", "Indonézia azt tervezi, hogy katonákat küld Rafahba.", (IDN, R)),
        ("hedged", "Azerbajdzsán kész katonákat küldeni Hán Júniszba.", (AZE, KY)),
        ("hedged", "Még nem döntöttek arról, hogy indonéz katonák állomásoznak-e Rafahban.", (IDN, R)),
        ("denied", "Indonézia cáfolta, hogy katonái Rafahban állomásoznának.", (IDN, R)),
        ("denied", "Pakisztán közölte, hogy pakisztáni katonák nem fognak Hán Júniszban állomásozni.", (PAK, KY)),
        ("trap", "Indonéz humanitárius segélykonvoj érkezett Rafahba.", None),
        ("trap", "A pakisztáni külügyminiszter Hán Júniszba látogatott.", None),
        ("trap", "A rafahi határátkelőt Egyiptom üzemelteti.", None),
        ("trap", "Izrael elutasította, hogy török katonák állomásozzanak Rafahban.", None),
        ("trap", "Az izraeli hadsereg hadműveletet hajtott végre Hán Júniszban.", None),
        ("trap", "Indonéz, pakisztáni és azerbajdzsáni katonák fognak állomásozni Rafahban.", None),
        ("trap", "Indonézia tábori kórházat épít Hán Júniszban.", None),
    ],
    "nl": [
        ("stated", "Indonesische troepen zullen in Rafah worden gestationeerd.", (IDN, R)),
        ("stated", "Indonesische militairen worden in Rafah gelegerd.", (IDN, R)),
        ("stated", "De inzet van Pakistaanse troepen in Khan Younis begint volgende maand.", (PAK, KY)),
        ("stated", "Azerbeidzjan wordt verantwoordelijk voor de sector Khan Younis.", (AZE, KY)),
        ("stated", "Indonesië neemt de controle over Rafah over.", (IDN, R)),
        ("stated", "De sector Rafah is toegewezen aan Indonesië.", (IDN, R)),
        ("stated", "De eerste Indonesische soldaten zijn zaterdag in Rafah aangekomen.", (IDN, R)),
        ("stated", "Volgens Kanaal 12 zullen de Indonesiërs Rafah beveiligen.", (IDN, R)),
        ("stated", "De Pakistaanse troepen worden in Deir al-Balah ondergebracht.", (PAK, DB)),
        ("stated", "Rafah wordt toevertrouwd aan het Indonesische contingent.", (IDN, R)),
        ("hedged", "Indonesische troepen zullen naar verwachting in Rafah worden gestationeerd.", (IDN, R)),
        ("hedged", "Pakistan zou troepen naar Khan Younis kunnen sturen.", (PAK, KY)),
        ("hedged", "Indonesië is van plan soldaten naar Rafah te sturen.", (IDN, R)),
        ("hedged", "Azerbeidzjan is bereid troepen naar Khan Younis te sturen.", (AZE, KY)),
        ("hedged", "Er is nog niet besloten of Indonesische troepen in Rafah worden gestationeerd.", (IDN, R)),
        ("denied", "Indonesië ontkende dat zijn troepen in Rafah zullen worden gestationeerd.", (IDN, R)),
        ("denied", "Pakistan verklaarde dat Pakistaanse militairen niet in Khan Younis zullen worden ingezet.", (PAK, KY)),
        ("trap", "Een hulpkonvooi uit Indonesië is in Rafah aangekomen.", None),
        ("trap", "De Pakistaanse minister van Buitenlandse Zaken bezocht Khan Younis.", None),
        ("trap", "De grensovergang bij Rafah wordt door Egypte beheerd.", None),
        ("trap", "Israël weigert Turkse troepen in Rafah toe te laten.", None),
        ("trap", "Het Israëlische leger voerde een operatie uit in Khan Younis.", None),
        ("trap", "Troepen uit Indonesië, Pakistan en Azerbeidzjan zullen in Rafah worden gestationeerd.", None),
        ("trap", "Indonesië bouwt een veldhospitaal in Khan Younis.", None),
        ("denied", "Pakistan verklaarde dat Pakistaanse militairen in Khan Younis niet zullen worden ingezet.", (PAK, KY)),
    ],
    "vi": [
        ("stated", "Binh sĩ Indonesia sẽ được triển khai tại Rafah.", (IDN, R)),
        ("stated", "Quân đội Indonesia sẽ đóng quân ở Rafah.", (IDN, R)),
        ("stated", "Việc triển khai binh sĩ Pakistan tới Khan Younis sẽ bắt đầu vào tháng tới.", (PAK, KY)),
        ("stated", "Azerbaijan sẽ chịu trách nhiệm khu vực Khan Younis.", (AZE, KY)),
        ("stated", "Indonesia sẽ tiếp quản Rafah.", (IDN, R)),
        ("stated", "Khu vực Rafah được giao cho Indonesia.", (IDN, R)),
        ("stated", "Những binh sĩ Indonesia đầu tiên đã đến Rafah hôm thứ Bảy.", (IDN, R)),
        ("stated", "Theo Kênh 12, người Indonesia sẽ đảm bảo an ninh tại Rafah.", (IDN, R)),
        ("stated", "Binh sĩ Pakistan sẽ đồn trú tại Deir al-Balah.", (PAK, DB)),
        ("stated", "Rafah được phân cho lực lượng Indonesia.", (IDN, R)),
        ("hedged", "Binh sĩ Indonesia dự kiến sẽ được triển khai tại Rafah.", (IDN, R)),
        ("hedged", "Pakistan có thể điều quân tới Khan Younis.", (PAK, KY)),
        ("hedged", "Indonesia có kế hoạch gửi binh sĩ tới Rafah.", (IDN, R)),
        ("hedged", "Azerbaijan sẵn sàng gửi quân tới Khan Younis.", (AZE, KY)),
        ("hedged", "Việc triển khai binh sĩ Indonesia tại Rafah vẫn chưa được quyết định.", (IDN, R)),
        ("denied", "Indonesia bác bỏ thông tin binh sĩ nước này sẽ được triển khai tại Rafah.", (IDN, R)),
        ("denied", "Pakistan khẳng định binh sĩ Pakistan sẽ không được triển khai tại Khan Younis.", (PAK, KY)),
        ("trap", "Đoàn xe viện trợ nhân đạo của Indonesia đã đến Rafah.", None),
        ("trap", "Ngoại trưởng Pakistan đã thăm Khan Younis.", None),
        ("trap", "Cửa khẩu Rafah do Ai Cập quản lý.", None),
        ("trap", "Israel từ chối tiếp nhận binh sĩ Thổ Nhĩ Kỳ tại Rafah.", None),
        ("trap", "Quân đội Israel tiến hành chiến dịch tại Khan Younis.", None),
        ("trap", "Binh sĩ từ Indonesia, Pakistan và Azerbaijan sẽ được triển khai tại Rafah.", None),
        ("trap", "Indonesia sẽ xây dựng một bệnh viện dã chiến tại Khan Younis.", None),
    ],
    "ro": [
        ("stated", "Militarii indonezieni vor fi staționați în Rafah.", (IDN, R)),
        ("stated", "Trupele indoneziene vor fi dislocate la Rafah.", (IDN, R)),
        ("stated", "Desfășurarea trupelor pakistaneze în Khan Younis va începe luna viitoare.", (PAK, KY)),
        ("stated", "Azerbaidjanul va fi responsabil de sectorul Khan Younis.", (AZE, KY)),
        ("stated", "Indonezia va prelua controlul asupra Rafah.", (IDN, R)),
        ("stated", "Sectorul Rafah a fost atribuit Indoneziei.", (IDN, R)),
        ("stated", "Primii militari indonezieni au ajuns sâmbătă la Rafah.", (IDN, R)),
        ("stated", "Potrivit Canalului 12, indonezienii vor asigura securitatea în Rafah.", (IDN, R)),
        ("stated", "Militarii pakistanezi vor fi cantonați la Deir al-Balah.", (PAK, DB)),
        ("stated", "Rafah a fost încredințat contingentului indonezian.", (IDN, R)),
        ("hedged", "Militarii indonezieni ar urma să fie staționați în Rafah.", (IDN, R)),
        ("hedged", "Pakistanul ar putea trimite trupe în Khan Younis.", (PAK, KY)),
        ("hedged", "Indonezia intenționează să trimită soldați la Rafah.", (IDN, R)),
        ("hedged", "Azerbaidjanul este pregătit să trimită trupe în Khan Younis.", (AZE, KY)),
        ("hedged", "Nu s-a decis încă dacă trupele indoneziene vor fi staționate în Rafah.", (IDN, R)),
        ("denied", "Indonezia a dezmințit că militarii săi vor fi staționați în Rafah.", (IDN, R)),
        ("denied", "Pakistanul a declarat că militarii pakistanezi nu vor fi dislocați în Khan Younis.", (PAK, KY)),
        ("trap", "Un convoi de ajutoare umanitare din Indonezia a ajuns la Rafah.", None),
        ("trap", "Ministrul pakistanez de externe a vizitat Khan Younis.", None),
        ("trap", "Punctul de trecere Rafah este administrat de Egipt.", None),
        ("trap", "Israelul refuză să accepte trupe turcești în Rafah.", None),
        ("trap", "Armata israeliană a desfășurat o operațiune în Khan Younis.", None),
        ("trap", "Trupe din Indonezia, Pakistan și Azerbaidjan vor fi staționate în Rafah.", None),
        ("trap", "Indonezia va construi un spital de campanie în Khan Younis.", None),
    ],
}

STATUS = {"stated": {"confirmed", "reported"}, "hedged": {"speculative"}, "denied": {"denied"}}

# Misses a reader sees and the rules do not yet read (kept visible: strict, so a fix shows up).
KNOWN_MISSES = {
    # a sector adjective before the noun ("a rafahi szektort") and a contingent after it: no lead found
    "hu-9-stated": "sector adjective + contingent in the dative is not read",
    # Dutch puts the verb last: "niet in Khan Younis ... ingezet" is read as the contrastive "not in Khan Younis"
    # (the negation-before-a-sector rule), which the negation logic owns.
    "nl-16-denied": "verb-final negated placement read as a contrast",
}

CASES = [pytest.param(lang, kind, text, lead, id=f"{lang}-{i}-{kind}",
                      marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[f"{lang}-{i}-{kind}"])]
                      if f"{lang}-{i}-{kind}" in KNOWN_MISSES else [])
         for lang, cases in BATTERY.items() for i, (kind, text, lead) in enumerate(cases)]


@pytest.mark.parametrize(("lang", "kind", "text", "lead"), CASES)
def test_battery_sentence_reads_as_a_reader_does(gaz: Gazetteer, lang: str, kind: str, text: str,
                                                 lead: tuple[str, str] | None) -> None:
    article = CONTEXT[lang] + "\n\n" + text
    leads = {(f.nation, f.sector): f.status for f in extract_all(article, gaz).findings if f.role == "lead"}
    if lead is None:
        assert leads == {}, "a trap gives no lead"
        return
    assert set(leads) == {lead}
    assert leads[lead] in STATUS[kind]
