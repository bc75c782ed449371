"""Cue words for roles and certainty.

Role cues (lead, deploy, base, assign...) are data: the ``[cues]`` tables of the language files read by
:mod:`mapview.ingest.langdata`. Certainty cues are still tables here, in English, Turkish, Albanian, Indonesian
and Arabic. Each category is one compiled regex over all languages: cues match whole words, case-insensitive;
Arabic cues may carry the attached conjunctions و / ف and then ال, ب or ل.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mapview.ingest.langdata import compile_edge, compile_table, cue_table, words

# Role cues come from the language files (mapview/ingest/lang/<code>.toml, [cues]): code → patterns.
LEAD = cue_table("lead")
DEPLOY = cue_table("deploy")
BASE = cue_table("base")
PHASE = cue_table("phase")
SPECULATIVE = {
    "en": [r"may", r"might", r"could", r"possibl[ey]", r"perhaps", r"probabl[ey]", r"likely",
           r"potential\w*", r"suggest\w*", r"consider\w*", r"speculat\w*", r"rumou?r\w*", r"whether", r"if",
           r"envisag\w*", r"mooted"],
    "tr": [r"olabilir\w*", r"olabilece\w*", r"\w+[ae]bilece[kğ]\w*", r"\w+[ae]bilir", r"muhtemel\w*", r"olası",
           r"belki", r"ihtimal\w*", r"değerlendiril\w*"],
    "sq": [r"mund\s+të", r"ndoshta", r"me\s+gjasë", r"mundësisht", r"potencialisht", r"nëse"],
    "id": [r"mungkin", r"dapat", r"bisa", r"kemungkinan", r"berpotensi", r"diperkirakan", r"jika", r"apakah"],
    "ar": [r"قد", r"ربما", r"من\s+المحتمل", r"يحتمل", r"محتمل\w*", r"يمكن", r"يرجح", r"يُرجح", r"إذا"],
}
REPORTED = {
    "en": [r"report\w*", r"according\s+to", r"sources?", r"said\s+to", r"is\s+said", r"alleged\w*", r"claim\w*",
           r"outlets?", r"maps?", r"citing", r"cited", r"media", r"leak\w*"],
    "tr": [r"göre", r"bildiril\w*", r"haber\w*", r"rapor\w*", r"iddia\w*", r"kaynak\w*", r"öne\s+sürül\w*"],
    "sq": [r"sipas", r"raportohet", r"raport\w*", r"thuhet", r"burime\w*", r"media\w*"],
    "id": [r"dilaporkan", r"dikabarkan", r"menurut", r"laporan\w*", r"kabarnya", r"disebut\w*", r"sumber", r"media"],
    "ar": [r"تقارير", r"تقرير", r"وفقا", r"وفقاً", r"بحسب", r"حسب", r"أفادت", r"أفاد", r"نقلت", r"مصادر", r"ذكرت"],
}
# A contingent placed in an area: with one nation and a sector, a lead (the nation is assigned the area).
ASSIGN = cue_table("assign")
# Nouns that make a nation's name next to them part of an outlet's ("Israeli public broadcaster Kan",
# "Radio Israel", "İsrail'de yayın yapan Kanal 12", "قناة «كان» الإسرائيلية"); see extract._outlet_nation.
OUTLET = cue_table("outlet")
# Words that make a nation's name next to them part of a place ("the border with Egypt", "الحدود المصرية").
BORDER = cue_table("border")
# Title words that, right after a nation's name, make it a masthead ("Israel Hayom", "Jakarta Post").
MASTHEAD = re.compile(rf"\s+(?:{'|'.join(words('masthead'))})\b")
# Words that refer back to the contingent named before ("the troops will be based in Rafah").
BACKREF = cue_table("backref")
# Words for a national contingent, near which a nation is the one the troops belong to.
TROOPS = cue_table("troops")
# A confirmation that has not happened: reported, never confirmed (checked before CONFIRMED).
UNCONFIRMED = {
    "en": [r"unconfirmed", r"not\s+(?:yet\s+)?(?:been\s+)?(?:officially\s+)?confirmed",
           r"no\s+(?:official\s+)?confirmation", r"yet\s+to\s+(?:be\s+)?confirm\w*", r"without\s+confirm\w*"],
    "tr": [r"doğrulanmadı", r"doğrulanmamış\w*", r"doğrulamadı", r"teyit\s+edilmedi", r"teyit\s+etmedi"],
    "sq": [r"nuk\s+(?:e\s+)?(?:ka|kanë|është)\s+(?:ende\s+)?konfirmuar", r"pa\s+konfirmim\w*",
           r"ende\s+nuk\s+(?:e\s+)?(?:ka|kanë)\s+konfirmuar"],
    "id": [r"belum\s+(?:secara\s+resmi\s+)?(?:mengonfirmasi|dikonfirmasi|mengkonfirmasi)", r"tanpa\s+konfirmasi"],
    "ar": [r"لم\s+تؤكد", r"لم\s+يؤكد", r"لم\s+يتم\s+تأكيد", r"دون\s+تأكيد", r"غير\s+مؤكد\w*"],
}
CONFIRMED = {
    "en": [r"officially", r"formally", r"confirm(?:ed|s)", r"announced"],
    "tr": [r"resmen", r"resmi\s+olarak", r"doğruladı", r"teyit\s+etti", r"açıkladı"],
    "sq": [r"zyrtarisht", r"konfirmoi", r"konfirmuan", r"ka\s+konfirmuar", r"kanë\s+konfirmuar", r"njoftoi"],
    "id": [r"secara\s+resmi", r"mengonfirmasi", r"mengkonfirmasi", r"mengumumkan", r"resmi"],
    "ar": [r"رسميا", r"رسمياً", r"أكدت", r"أكد", r"أعلنت", r"أعلن"],
}
_NOT_VERB_EN = r"(?:\w+\s+){0,2}?(?:lead|be|take|command|deploy|send|head|assume|oversee|run|contribute)"
DENIAL = {
    "en": [r"denied", r"denies", r"deny\w*", r"rejected\s+(?:reports|claims)", r"dismissed\s+(?:reports|claims)",
           r"ruled\s+out", r"rules\s+out", r"no\s+plans?\s+to", r"not\s+true", r"false",
           rf"(?:will|would|does|did|is|are)\s+not\s+{_NOT_VERB_EN}", rf"(?:won['’]t|wouldn['’]t)\s+{_NOT_VERB_EN}",
           r"not\s+be\s+responsible", r"never\s+(?:\w+\s+){0,2}?(?:lead|command|deploy)"],
    "tr": [r"yalanla\w*", r"reddett\w*", r"doğru\s+değil",
           r"(?:etm|üstlenm|olm|yönetm|gönderm|komuta\s+etm)[ae]y[ae]c[ae][kğ]\w*"],
    "sq": [r"mohoi", r"mohuan", r"mohon", r"hodhi\s+poshtë", r"hodhën\s+poshtë", r"nuk\s+është\s+e\s+vërtetë",
           r"nuk\s+do\s+të\s+(?:udhëheq|jetë|marrë|drejto|komand|dërgo|vendos)\w*"],
    "id": [r"membantah", r"menyangkal", r"menolak\s+laporan", r"tidak\s+benar",
           r"tidak\s+akan\s+(?:memimpin|bertanggung|mengirim|mengerahkan|menjadi|mengambil)\w*"],
    "ar": [r"نفت", r"نفى", r"تنفي", r"ينفي", r"غير\s+صحيح", r"لن\s+(?:تقود|يقود|تتولى|يتولى|تكون|يكون|ترسل|يرسل|تنشر)"],
}
# Who is deployed: police or medical units rather than troops.
POLICE = cue_table("police")
MEDICAL = cue_table("medical")
# Words between a lead cue and a place that show the cue is about a task, not the sector.
TASK_WORDS = cue_table("task")
CLAUSE_BREAK = cue_table("clause_break")
# ", and" starts a new clause unless a nation follows (then it ends a list).
SOFT_BREAK = cue_table("soft_break")
LIST_JOINER = re.compile(rf"^[\s,،]*(?:(?:{'|'.join(words('list_joiner'))})\s+)?"
                         rf"(?:(?:{'|'.join(words('list_article'))})\s+)?[\s,،]*$", re.IGNORECASE)
# A pair of sectors as one site's area: "between (the cities of) Rafah and Khan Yunis", "Refah ile Han Yunus
# arasındaki", "رفح اور خان یونس کے درمیان".
BETWEEN_BEFORE = compile_edge("between", before=True, words_between=3)
BETWEEN_AFTER = compile_edge("between_after", before=False, words_between=0)
# The Strip named as a whole ("Gaza", "Gazze", "غزة"), unless a word after it names a sector ("Gaza City").
STRIP = re.compile(rf"(?<!\w)(?:{'|'.join(words('strip'))})(?!\w)"
                   rf"(?![\s\u00a0]+(?:{'|'.join(words('strip_not_before'))}))")


def compile_cues(table: dict[str, list[str]], arabic_prefix: bool = True) -> re.Pattern[str]:
    """One regex for a cue table: whole-word Latin cues (any case), Arabic cues with optional و/ف."""
    latin = [c for lang, cues in table.items() if lang != "ar" for c in cues]
    arabic = table.get("ar", [])
    branches = []
    if latin:
        branches.append(f"(?i:{'|'.join(latin)})")
    if arabic:
        prefix = "[وف]?(?:ال|[بل])?" if arabic_prefix else ""
        branches.append(f"{prefix}(?:{'|'.join(arabic)})")
    return re.compile(rf"(?<!\w)(?:{'|'.join(branches)})(?!\w)")


@dataclass(frozen=True)
class CueSet:
    """Every cue category, compiled."""

    lead: re.Pattern[str]
    deploy: re.Pattern[str]
    base: re.Pattern[str]
    phase: re.Pattern[str]
    speculative: re.Pattern[str]
    reported: re.Pattern[str]
    unconfirmed: re.Pattern[str]
    confirmed: re.Pattern[str]
    denial: re.Pattern[str]
    task: re.Pattern[str]
    police: re.Pattern[str]
    medical: re.Pattern[str]
    hard_break: re.Pattern[str]
    soft_break: re.Pattern[str]
    assign: re.Pattern[str]
    outlet: re.Pattern[str]
    border: re.Pattern[str]
    backref: re.Pattern[str]
    troops: re.Pattern[str]


def _breaks(kind: str, soft: bool) -> re.Pattern[str]:
    patterns = words(kind)
    if soft:
        return re.compile(rf"[,،]\s+(?i:{'|'.join(patterns)})(?!\w)")
    return re.compile("|".join([r";", r"\s[–—-]\s", rf"(?<!\w)(?i:{'|'.join(patterns)})(?!\w)"]))


CUES = CueSet(
    lead=compile_table("lead"), deploy=compile_table("deploy"), base=compile_table("base"),
    phase=compile_table("phase"), speculative=compile_cues(SPECULATIVE), reported=compile_cues(REPORTED),
    unconfirmed=compile_cues(UNCONFIRMED), confirmed=compile_cues(CONFIRMED), denial=compile_cues(DENIAL),
    task=compile_table("task"), police=compile_table("police", prefixed=False),
    medical=compile_table("medical", prefixed=False), hard_break=_breaks("clause_break", soft=False),
    soft_break=_breaks("soft_break", soft=True), assign=compile_table("assign"), outlet=compile_table("outlet"),
    border=compile_table("border"),
    backref=compile_table("backref"), troops=compile_table("troops"),
)

def certainty(sentence: str, clause: str) -> tuple[str, list[str]]:
    """The status a sentence gives its claim, and the cues that decided it.

    A denial in the claim's own clause gives ``denied``. Otherwise hedges anywhere in the sentence win over
    a confirmation: an attribution ("according to reports", "has not confirmed") gives ``reported``, a modal
    ("may", "could", "suggesting") ``speculative``; only an explicit, unnegated confirmation in the claim's
    own clause gives ``confirmed``; a plain statement in the news is ``reported``. ("would" is no hedge: it is
    mostly reported speech, "said the units would deploy".)
    """
    denial = CUES.denial.search(clause)
    if denial:
        return "denied", [denial.group()]
    unconfirmed = [m.group() for m in CUES.unconfirmed.finditer(sentence)]
    if unconfirmed:
        return "reported", unconfirmed
    reported = [m.group() for m in CUES.reported.finditer(sentence)]
    if reported:
        return "reported", reported
    speculative = [m.group() for m in CUES.speculative.finditer(sentence)]
    if speculative or sentence.rstrip().endswith(("?", "؟")):
        return "speculative", speculative or ["question"]
    confirmed = [m.group() for m in CUES.confirmed.finditer(clause)]
    if confirmed:
        return "confirmed", confirmed
    return "reported", []

