"""Hindi, Bengali and Thai: the language named, the passage a sentence, nukta letters (one site between two
sectors: tests/test_ingest_languages.py; placements, their status and traps, sentence by sentence:
tests/ingest_cases/{hi,bn,th}.toml).

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
