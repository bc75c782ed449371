"""Hindi, Bengali and Thai: placements, their status, traps, and the language named.

Sentences are composed for these tests (not copied from any article). Hindi puts postpositions after the noun as
words of their own ("राफा में": in Rafah) and closes the clause with the verb ("तैनात किए जाएंगे"); Bengali attaches
case endings to names ("রাফাহতে": in Rafah, "ইন্দোনেশিয়ার": Indonesia's); Thai writes no spaces between words
("ทหารอินโดนีเซียจะประจำการที่ราฟาห์": Indonesian troops will be stationed at Rafah). Expected values are
(nation, sector, role, status) as the status engine words them: a nation's own office stating a placement confirms
it, a hedge never does, an outlet relaying it reports it.
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
    # stated by the nation's own ministry: confirmed
    ("hi", "इंडोनेशिया के रक्षा मंत्रालय के प्रवक्ता ने कहा कि इंडोनेशियाई सैनिक राफा में तैनात किए जाएंगे।",
     {lead("rafah", "confirmed")}),
    ("bn", "ইন্দোনেশিয়ার প্রতিরক্ষা মন্ত্রণালয়ের মুখপাত্র বলেন, ইন্দোনেশিয়ার সেনারা রাফাহতে মোতায়েন করা হবে।",
     {lead("rafah", "confirmed")}),
    ("th", "โฆษกกระทรวงกลาโหมอินโดนีเซียกล่าวว่าทหารอินโดนีเซียจะประจำการที่ราฟาห์", {lead("rafah", "confirmed")}),
    # "is expected to" and "may": never confirmed
    ("hi", "इंडोनेशियाई सैनिकों को खान यूनिस में तैनात किए जाने की उम्मीद है।", {lead("khan-yunis", "speculative")}),
    ("hi", "इंडोनेशियाई सेना राफा में तैनात हो सकती है।", {lead("rafah", "speculative")}),
    ("bn", "ইন্দোনেশিয়ার সেনাদের খান ইউনিসে মোতায়েন করা হবে বলে আশা করা হচ্ছে।", {lead("khan-yunis", "speculative")}),
    ("bn", "ইন্দোনেশিয়ার সৈন্যরা রাফাহতে মোতায়েন হতে পারে।", {lead("rafah", "speculative")}),
    ("th", "คาดว่าทหารอินโดนีเซียจะประจำการที่ข่านยูนิส", {lead("khan-yunis", "speculative")}),
    ("th", "ทหารอินโดนีเซียอาจประจำการที่ราฟาห์", {lead("rafah", "speculative")}),
    # relayed by an outlet ("according to Israel's Kan"): reported
    ("hi", "इस्राइली चैनल कान के अनुसार इंडोनेशियाई सैनिक राफा में तैनात होंगे।", {lead("rafah", "reported")}),
    ("bn", "ইসরায়েলি চ্যানেল কানের খবর অনুযায়ী, ইন্দোনেশিয়ার সেনারা রাফাহতে মোতায়েন হবে।", {lead("rafah", "reported")}),
    ("th", "ตามรายงานของสถานีโทรทัศน์คานของอิสราเอล ทหารอินโดนีเซียจะประจำการที่ราฟาห์", {lead("rafah", "reported")}),
    # a lead cue: Morocco takes charge of a sector
    ("hi", "मोरक्को खान यूनिस की जिम्मेदारी संभालेगा।", {lead("khan-yunis", "reported", "Morocco")}),
    ("bn", "মরক্কো খান ইউনিসের দায়িত্ব নেবে।", {lead("khan-yunis", "reported", "Morocco")}),
    ("th", "โมร็อกโกจะรับผิดชอบข่านยูนิส", {lead("khan-yunis", "reported", "Morocco")}),
    # "these troops" in the sentence after the one naming the nation
    ("hi", "इंडोनेशिया हजारों सैनिक भेजेगा। ये सैनिक राफा में तैनात होंगे।", {lead("rafah", "reported")}),
    ("bn", "ইন্দোনেশিয়া হাজার হাজার সেনা পাঠাবে। এই সেনারা রাফাহতে মোতায়েন হবে।", {lead("rafah", "reported")}),
    ("th", "อินโดนีเซียจะส่งทหารหลายพันนาย ทหารเหล่านี้จะประจำการที่ราฟาห์", {lead("rafah", "reported")}),
    # the other sectors' spellings, and other nations' names
    ("hi", "अजरबैजान के सैनिक दीर अल-बलाह में तैनात होंगे।", {lead("deir-al-balah", "reported", "Azerbaijan")}),
    ("hi", "इंडोनेशियाई सैनिक उत्तरी गाजा में तैनात होंगे।", {lead("north-gaza", "reported")}),
    ("hi", "तुर्की के सैनिक गाजा शहर में तैनात होंगे।", {lead("gaza-city", "reported", "Turkey")}),
    ("bn", "আজারবাইজানের সেনারা দেইর আল-বালাহতে মোতায়েন হবে।", {lead("deir-al-balah", "reported", "Azerbaijan")}),
    ("bn", "ইন্দোনেশিয়ার সেনারা উত্তর গাজায় মোতায়েন হবে।", {lead("north-gaza", "reported")}),
    ("bn", "তুরস্কের সেনারা গাজা সিটিতে মোতায়েন হবে।", {lead("gaza-city", "reported", "Turkey")}),
    ("th", "ทหารอาเซอร์ไบจานจะประจำการที่เดียร์อัลบาลาห์", {lead("deir-al-balah", "reported", "Azerbaijan")}),
    ("th", "ทหารอินโดนีเซียจะประจำการที่ตอนเหนือของฉนวนกาซา", {lead("north-gaza", "reported")}),
    ("th", "ทหารตุรกีจะประจำการที่เมืองกาซา", {lead("gaza-city", "reported", "Turkey")}),
    # a Thai name written in two parts stays one name (the space is no sentence end)
    ("th", "ทหารอินโดนีเซียจะประจำการที่ข่าน ยูนิส", {lead("khan-yunis", "reported")}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_placements_and_their_status(gaz: Gazetteer, lang: str, text: str, expected: set) -> None:
    assert leads(text, gaz) == expected, lang


@pytest.mark.parametrize("text", [
    # Indonesia denies the reports; Indonesia will not send troops to Rafah
    "इंडोनेशिया ने उन खबरों का खंडन किया कि उसके सैनिक राफा में तैनात होंगे।",
    "इंडोनेशिया राफा में सैनिक नहीं भेजेगा।",
    "ইন্দোনেশিয়া সেই খবর অস্বীকার করেছে যে তাদের সেনারা রাফাহতে মোতায়েন হবে।",
    "ইন্দোনেশিয়া রাফাহতে সেনা পাঠাবে না।",
    "อินโดนีเซียปฏิเสธรายงานที่ว่าทหารอินโดนีเซียจะประจำการที่ราฟาห์",
    "อินโดนีเซียจะไม่ส่งทหารไปราฟาห์",
])
def test_a_denial_places_no_one(gaz: Gazetteer, text: str) -> None:
    assert {label for label in leads(text, gaz) if label[3] != "denied"} == set(), text


@pytest.mark.parametrize("text", [
    # Egypt runs (controls) the Rafah crossing
    "राफा क्रॉसिंग का संचालन मिस्र करता है।",
    "রাফাহ ক্রসিং পরিচালনা করে মিশর।",
    "อียิปต์ควบคุมด่านราฟาห์",
    "อียิปต์เป็นผู้ควบคุมด่านราฟาห์",
    "ด่านราฟาห์อยู่ภายใต้การควบคุมของอียิปต์",
    # Egypt's foreign minister visits Rafah
    "मिस्र के विदेश मंत्री ने राफा का दौरा किया।",
    "মিশরের পররাষ্ট্রমন্ত্রী রাফাহ সফর করেছেন।",
    "รัฐมนตรีต่างประเทศอียิปต์เดินทางเยือนราฟาห์",
    # the parties near a sector: never a contributor
    "इजराइली सेना खान यूनिस के पास तैनात है।",
    "हमास के लड़ाके राफा में मौजूद हैं।",
    "ইসরায়েলি সেনারা খান ইউনিসের কাছে অবস্থান করছে।",
    "হামাসের যোদ্ধারা রাফাহতে রয়েছে।",
    "กองทัพอิสราเอลประจำการอยู่ใกล้ข่านยูนิส",
    "นักรบฮามาสยังคงอยู่ในราฟาห์",
    # the Strip as a whole, no sector
    "पाकिस्तानी सैनिक गाजा पट्टी में तैनात किए जाएंगे।",
    "পাকিস্তানি সেনারা গাজা উপত্যকায় মোতায়েন হবে।",
    "ทหารปากีสถานจะประจำการในฉนวนกาซา",
])
def test_traps_give_no_lead(gaz: Gazetteer, text: str) -> None:
    assert not [f for f in extract(text, gaz) if f.role == "lead" and f.nation is not None], text


HINDI = ("गाजा में अंतरराष्ट्रीय स्थिरीकरण बल की तैनाती की तैयारी तेज हो गई है और कई देशों ने इसमें हिस्सा लेने की इच्छा "
         "जताई है। इंडोनेशिया के रक्षा मंत्रालय के प्रवक्ता ने सोमवार को जकार्ता में कहा कि इंडोनेशियाई सैनिक राफा में "
         "तैनात किए जाएंगे। उन्होंने बताया कि पहली टुकड़ी अगले महीने रवाना होगी और इसमें लगभग एक हजार जवान होंगे।\n")
BENGALI = ("গাজায় আন্তর্জাতিক স্থিতিশীলতা বাহিনী মোতায়েনের প্রস্তুতি চলছে এবং বেশ কয়েকটি দেশ এতে অংশ নিতে আগ্রহ "
           "দেখিয়েছে। ইন্দোনেশিয়ার প্রতিরক্ষা মন্ত্রণালয়ের মুখপাত্র সোমবার জাকার্তায় বলেন, ইন্দোনেশিয়ার সেনারা রাফাহতে "
           "মোতায়েন করা হবে। তিনি জানান, প্রথম দলটি আগামী মাসে রওনা হবে এবং এতে প্রায় এক হাজার সেনা থাকবে।\n")
THAI = ("การเตรียมการส่งกองกำลังรักษาเสถียรภาพระหว่างประเทศเข้าสู่ฉนวนกาซาคืบหน้าไปมาก หลายประเทศแสดงความสนใจเข้าร่วม "
        "โฆษกกระทรวงกลาโหมอินโดนีเซียกล่าวที่กรุงจาการ์ตาเมื่อวันจันทร์ว่าทหารอินโดนีเซียจะประจำการที่ราฟาห์ "
        "ทหารชุดแรกจะออกเดินทางในเดือนหน้า และจะมีกำลังพลประมาณหนึ่งพันนาย\n")
# The sentence of each article that places the contingent: the passage shown beside Rafah.
STATED = {
    "hi": "इंडोनेशिया के रक्षा मंत्रालय के प्रवक्ता ने सोमवार को जकार्ता में कहा कि इंडोनेशियाई सैनिक राफा में तैनात किए जाएंगे।",
    "bn": "ইন্দোনেশিয়ার প্রতিরক্ষা মন্ত্রণালয়ের মুখপাত্র সোমবার জাকার্তায় বলেন, ইন্দোনেশিয়ার সেনারা রাফাহতে মোতায়েন করা হবে।",
    "th": "โฆษกกระทรวงกลาโหมอินโดนีเซียกล่าวที่กรุงจาการ์ตาเมื่อวันจันทร์ว่าทหารอินโดนีเซียจะประจำการที่ราฟาห์",
}


@pytest.mark.parametrize(("text", "code", "name"), [(HINDI, "hi", "Hindi"), (BENGALI, "bn", "Bengali"),
                                                    (THAI, "th", "Thai")])
def test_an_article_is_named_read_and_its_passage_is_the_sentence(gaz: Gazetteer, text: str, code: str,
                                                                  name: str) -> None:
    result = extract_all(text, gaz, source="x.txt")
    assert (result.language.code, result.language.name, result.language.read) == (code, name, True)
    assert result.notice is None and result.mentions == []
    [finding] = [f for f in result.findings if f.role == "lead"]
    assert finding.label() == lead("rafah", "confirmed")
    # the danda (Hindi, Bengali) and a Thai space between two clauses end the sentence: not the whole paragraph
    assert text[finding.start:finding.end] == STATED[code]


# The same letters written precomposed: U+095E (फ़) for फ + nukta, U+095B (ज़), U+09DF (য়) for য + nukta.
PRECOMPOSED = [
    ("इ\u095bराइली चैनल कान के अनुसार इंडोनेशियाई सैनिक र\u095eाह में तैनात होंगे।", lead("rafah", "reported")),
    ("ইন্দোনেশি\u09dfার প্রতিরক্ষা মন্ত্রণাল\u09dfের মুখপাত্র বলেন, ইন্দোনেশি\u09dfার সেনারা রাফাহতে মোতা\u09dfেন করা হবে।",
     lead("rafah", "confirmed")),
    ("ইন্দোনেশি\u09dfার সৈন্যরা রাফাহতে মোতা\u09dfেন হতে পারে।", lead("rafah", "speculative")),
]


@pytest.mark.parametrize(("text", "expected"), PRECOMPOSED)
def test_nukta_letters_are_read_in_either_form(gaz: Gazetteer, text: str, expected: tuple) -> None:
    assert "\u093c" not in text and "\u09bc" not in text  # no separate nukta: every such letter is precomposed
    assert leads(text, gaz) == {expected}


@pytest.mark.parametrize("text", [
    # the US-led force deployed in Rafah: the US leads the force, it places no contingent there
    "अमेरिका के नेतृत्व वाले अंतरराष्ट्रीय स्थिरीकरण बल को राफा में तैनात किया जाएगा।",
    "যুক্তরাষ্ট্রের নেতৃত্বাধীন আন্তর্জাতিক স্থিতিশীলতা বাহিনী রাফাহতে মোতায়েন হবে।",
    # "the international stabilisation force led by the US will be stationed at Rafah"
    "กองกำลังรักษาเสถียรภาพระหว่างประเทศที่นำโดยสหรัฐฯจะประจำการที่ราฟาห์",
    "กองกำลังรักษาเสถียรภาพระหว่างประเทศที่นำโดยสหรัฐฯ จะประจำการที่ราฟาห์",
])
def test_a_nation_leading_the_whole_force_is_no_contingent(gaz: Gazetteer, text: str) -> None:
    assert [f.label() for f in extract(text, gaz) if f.nation is not None] == [], text


@pytest.mark.parametrize("text", [
    "इंडोनेशियाई सैनिकों का अड्डा राफा और खान यूनिस के बीच होगा।",
    "ইন্দোনেশিয়ার সেনারা রাফাহ ও খান ইউনিসের মধ্যে মোতায়েন হবে।",
])
def test_one_site_between_two_sectors_names_both_as_its_area(gaz: Gazetteer, text: str) -> None:
    found = [f for f in extract(text, gaz) if f.role == "lead"]
    assert found and {f.nation for f in found} == {"Indonesia"}
    assert all(set(f.area) == {"rafah", "khan-yunis"} for f in found), text


def test_a_contingent_inside_the_force_led_by_another_nation_keeps_its_lead(gaz: Gazetteer) -> None:
    # "Indonesian troops in the US-led force will be stationed at Rafah"
    assert leads("ทหารอินโดนีเซียในกองกำลังที่นำโดยสหรัฐฯ จะประจำการที่ราฟาห์", gaz) == {lead("rafah", "reported")}
