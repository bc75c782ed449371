"""Cue words for roles, in English, Turkish, Albanian, Indonesian and Arabic.

Who says a passage and how (hedges, denials, speakers) is not judged here: see mapview/ingest/attribution.py and
the ``[status]``/``[speakers]`` tables of mapview/ingest/lang/<code>.toml; the status is mapview.data.status's.

Each category is one compiled regex over all languages. Latin-script cues match whole words, case-insensitive;
Arabic cues may carry the attached conjunctions و / ف and then ال, ب or ل. Turkish cues are stems
(``sorumlu\\w*``) because Turkish attaches its suffixes; Albanian and Indonesian cues list the common
inflected forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The role a sentence gives a nation in a sector.
LEAD = {
    "en": [r"responsible\s+for", r"responsibility\s+(?:for|of)", r"in\s+charge\s+of", r"lead(?:s|ing)?(?!\s+to\b)",
           r"led\s+by", r"(?<=[-‐‑])led\s+(?:sector|zone)",
           r"(?:to|will|would|could|may|might)\s+head", r"head(?:s|ing)?\s+(?:the|a)\s+\w+\s+(?:sector|zone)",
           r"command(?:s|ing)?", r"commanded\s+by", r"take\s+(?:over|charge\s+of)", r"oversee\w*",
           r"assum\w*\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,3}role\s+in", r"(?:the\s+)?lead\s+nation\s+(?:for|in)"],
    "tr": [r"sorumlu\w*", r"liderli[kğ]\w*", r"komuta\w*", r"yönetece\w*", r"yönetimi\w*", r"önderli[kğ]\w*",
           r"başını\s+çek\w*"],
    "sq": [r"përgjegjës\w*", r"udhëheq\w*", r"udhëhiq\w*", r"drejtoj\w*", r"drejtohet", r"komand\w*"],
    "id": [r"bertanggung\s+jawab", r"memimpin", r"dipimpin", r"pimpinan", r"mengomandoi", r"komando"],
    "ar": [r"مسؤول\w*", r"مسئول\w*", r"ستقود", r"تقود", r"سيقود", r"يقود", r"قيادة", r"بقيادة", r"ستتولى",
           r"تتولى", r"سيتولى"],
}
DEPLOY = {
    "en": [r"deploy\w*(?:\s+[\w-]+){0,4}?\s+(?:in|to|at|into|across)", r"station\w*\s+(?:in|at)",
           r"send\w*\s+(?:[\w-]+\s+){0,3}(?:troops|soldiers|forces|personnel|units|police)\s+to",
           r"(?:troops|soldiers|forces|personnel|units|contingent)\s+(?:[\w-]+\s+){0,2}(?:in|to|at|into)",
           r"patrol\w*", r"operat\w*\s+in"],
    "tr": [r"konuşlan\w*", r"asker\w*\s+gönder\w*", r"yerleştiril\w*", r"görevlendiril\w*"],
    "sq": [r"dislok\w*", r"vendos\w*\s+trupa", r"trupa\w*\s+(?:[\w-]+\s+){0,2}në", r"ushtarë\w*\s+në",
           r"vendos\w*(?:\s+[\w-]+){0,5}?\s+në"],
    "id": [r"dikerahkan", r"mengerahkan", r"ditempatkan", r"menempatkan",
           r"pengerahan(?:\s+[\w-]+){0,4}?\s+di", r"pasukan\s+(?:[\w-]+\s+){0,2}ke",
           r"pasukan\s+(?:[\w-]+\s+){0,2}di"],
    "ar": [r"نشر", r"ستنشر", r"تنشر", r"سينشر", r"انتشار", r"ستنتشر", r"تنتشر", r"ينتشر", r"قوات\s+في", r"جنود\s+في",
           r"ستُنشر", r"قوات\s+إلى", r"إرسال\s+قوات"],
}
BASE = {
    "en": [r"bases?", r"based\s+(?:in|near|at|around)", r"headquarter\w*", r"HQ", r"garrison\w*",
           r"military\s+camp"],
    "tr": [r"üs", r"üssü\w*", r"üsse\w*", r"karargah\w*", r"karargâh\w*"],
    "sq": [r"baz\w*\s+ushtarak\w*", r"shtab\w*"],
    "id": [r"pangkalan", r"markas"],
    "ar": [r"قاعدة", r"مقر", r"مقرا"],
}
PHASE = {
    "en": [r"initial\w*", r"first", r"begin\w*", r"start\w*", r"phase\s+one"],
    "tr": [r"ilk", r"başlangıçta", r"başlayacak", r"öncelikle"],
    "sq": [r"fillimisht", r"faza\s+e\s+parë", r"fazën\s+e\s+parë", r"së\s+pari", r"do\s+të\s+nis\w*"],
    "id": [r"awal\w*", r"pertama", r"tahap\s+awal", r"mula-mula", r"dimulai"],
    "ar": [r"في\s+البداية", r"المرحلة\s+الأولى", r"أولا", r"أولاً", r"ستبدأ", r"تبدأ", r"بداية"],
}
# A contingent placed in an area: with one nation and a sector, a lead (the nation is assigned the area).
ASSIGN = {
    "en": [r"stationed\s+(?:in|at|around|near)", r"(?:be|been|being)\s+based\s+(?:in|at|around|near)",
           r"slated\s+to\s+be\s+based", r"assigned\s+to", r"tasked\s+with", r"allocated\s+to",
           r"(?:concentrate|focus)\w*\s+on\s+(?:supervis|secur|patroll|guard|control)\w*",
           r"supervis\w*\s+(?:the\s+)?(?:defen[cs]e|ceasefire|security)\s+lines?",
           r"(?:serve|serving)\s+in", r"(?:housing|barracks|quarters)\s+for", r"designated\s+for",
           r"(?:prepared|ready|readied)\s+to\s+(?:receive|accommodate|host)", r"take\s+over\s+(?:security\s+)?in"],
    "tr": [r"görev\s+yap\w*", r"bulunaca[kğ]\w*", r"konuşlandırılaca[kğ]\w*\s+bölge\w*", r"üstlenece[kğ]\w*"],
    "sq": [r"do\s+të\s+(?:vendosen|stacionohen|shërbejnë|jenë\s+të\s+vendosura)", r"stacion\w*",
           r"do\s+të\s+marr\w*\s+përsipër"],
    "id": [r"ditempatkan", r"bertugas\s+di", r"difokuskan\s+di", r"menerima\s+pasukan", r"menampung",
           r"bermarkas\s+di"],
    "ar": [r"تتمركز", r"ستتمركز", r"يتمركز", r"سيتمركز", r"تمركز", r"ستتولى\s+(?:تأمين|مسؤولية|حماية)",
           r"ستنتشر\s+في"],
}
# Nouns that make a nation's name next to them part of an outlet's ("Israeli public broadcaster Kan",
# "Radio Israel", "İsrail'de yayın yapan Kanal 12", "قناة «كان» الإسرائيلية"); see extract._outlet_nation.
OUTLET = {
    "en": [r"broadcaster", r"broadcasting", r"radio", r"channel", r"television", r"TV", r"newspapers?", r"daily",
           r"outlets?", r"media", r"press", r"(?:news\s+)?agency", r"station", r"tabloid"],
    "tr": [r"yayın\s+yapan", r"basını\w*", r"gazete\w*", r"kanal\w*", r"televizyon\w*", r"ajans\w*",
           r"medya\w*", r"radyo\w*"],
    "sq": [r"media\w*", r"televizion\w*", r"gazet\w*", r"agjenci\w*", r"radio\w*"],
    "id": [r"radio", r"media", r"stasiun", r"penyiaran", r"harian", r"kantor\s+berita", r"televisi"],
    "ar": [r"قناة", r"صحيفة", r"إذاعة", r"وكالة", r"هيئة\s+البث", r"وسائل\s+الإعلام", r"الإعلام", r"التلفزيون"],
}
# Title words that, right after a nation's name, make it a masthead ("Israel Hayom", "Jakarta Post").
MASTHEAD = re.compile(r"\s+(?:Hayom|Post|Times|Today|Herald|Tribune|News|Radio|Daily|Channel|Kan)\b")
# Words that refer back to the contingent named before ("the troops will be based in Rafah").
BACKREF = {
    "en": [r"the\s+(?:troops|contingent|soldiers|battalion|units?)", r"these\s+(?:troops|soldiers|units)",
           r"its\s+(?:troops|soldiers|contingent)", r"their\s+(?:troops|soldiers|contingent)", r"they"],
    "tr": [r"bu\s+asker\w*", r"söz\s+konusu\s+asker\w*", r"birlikler\w*"],
    "sq": [r"trupat", r"ushtarët", r"kontingjenti"],
    "id": [r"mereka", r"pasukan\s+tersebut", r"tentara\s+tersebut", r"prajurit\s+tersebut"],
    "ar": [r"هذه\s+القوات", r"الجنود", r"القوة\s+الإندونيسية"],
}
# Words for a national contingent, near which a nation is the one the troops belong to.
TROOPS = {
    "en": [r"troops", r"soldiers", r"forces", r"military", r"army", r"contingent", r"peacekeepers", r"personnel",
           r"battalions?", r"units"],
    "tr": [r"asker\w*", r"birlik\w*", r"ordu\w*", r"kuvvet\w*"],
    "sq": [r"trup\w*", r"ushtar\w*", r"forc\w*", r"kontingjent\w*"],
    "id": [r"pasukan", r"tentara", r"prajurit", r"personel", r"kontingen", r"TNI"],
    "ar": [r"قوات", r"القوات", r"جنود", r"الجنود", r"قوة", r"كتيبة"],
}
# Who is deployed: police or medical units rather than troops.
POLICE = {"en": [r"police\w*", r"gendarme\w*", r"gendarmerie"], "tr": [r"polis\w*", r"jandarma\w*"],
          "sq": [r"polic\w*", r"xhandar\w*"], "id": [r"polisi", r"kepolisian"], "ar": [r"شرطة", r"الشرطة", r"شرطيين"]}
MEDICAL = {"en": [r"medic\w*", r"field\s+hospitals?", r"doctors"], "tr": [r"tıbbi", r"sağlık", r"sahra\s+hastane\w*"],
           "sq": [r"mjek\w*", r"spital\w*\s+fush\w*"], "id": [r"medis", r"kesehatan", r"rumah\s+sakit\s+lapangan"],
           "ar": [r"طبية", r"طبي", r"الطبية", r"مستشفى\s+ميداني"]}
# Words between a lead cue and a place that show the cue is about a task, not the sector.
TASK_WORDS = {
    "en": [r"training", r"train", r"talks", r"efforts?", r"negotiations?", r"reconstruction", r"aid",
           r"deliver\w*", r"police", r"policing", r"humanitarian", r"medical", r"discussions?", r"meetings?",
           r"investigation", r"search", r"evacuation\w*", r"convoys?"],
    "tr": [r"eğitim\w*", r"yardım\w*", r"müzakere\w*", r"görüşme\w*"],
    "sq": [r"trajnim\w*", r"ndihm\w*", r"bisedim\w*"],
    "id": [r"pelatihan", r"bantuan", r"perundingan", r"pembicaraan"],
    "ar": [r"تدريب", r"مساعدات", r"مفاوضات", r"محادثات"],
}
CLAUSE_BREAK = {
    "en": [r"but", r"while", r"whereas", r"although", r"however", r"though"],
    "tr": [r"ama", r"fakat", r"ancak", r"oysa", r"halbuki"],
    "sq": [r"por", r"ndërsa", r"mirëpo", r"megjithatë"],
    "id": [r"tetapi", r"namun", r"sedangkan", r"sementara", r"padahal"],
    "ar": [r"لكن", r"ولكن", r"بينما", r"في\s+حين"],
}
# ", and" starts a new clause unless a nation follows (then it ends a list).
SOFT_BREAK = {"en": [r"and"], "tr": [r"ve"], "sq": [r"dhe"], "id": [r"dan"], "ar": []}
LIST_JOINER = re.compile(r"^[\s,،]*(?:(?:and|ve|dan|dhe|or|veya|atau|ose|&|as\s+well\s+as)\s+)?(?:the\s+)?[\s,،]*$",
                         re.IGNORECASE)


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
    task: re.Pattern[str]
    police: re.Pattern[str]
    medical: re.Pattern[str]
    hard_break: re.Pattern[str]
    soft_break: re.Pattern[str]
    assign: re.Pattern[str]
    outlet: re.Pattern[str]
    backref: re.Pattern[str]
    troops: re.Pattern[str]


def _breaks(table: dict[str, list[str]], soft: bool) -> re.Pattern[str]:
    latin = [c for lang, cues in table.items() if lang != "ar" for c in cues]
    arabic = table.get("ar", [])
    if soft:
        return re.compile(rf"[,،]\s+(?i:{'|'.join(latin)})(?!\w)")
    alts = [r";", r"\s[–—-]\s", rf"(?<!\w)(?i:{'|'.join(latin)})(?!\w)"]
    if arabic:
        alts.append(rf"(?<!\w)(?:{'|'.join(arabic)})(?!\w)")
    return re.compile("|".join(alts))


CUES = CueSet(
    lead=compile_cues(LEAD), deploy=compile_cues(DEPLOY), base=compile_cues(BASE), phase=compile_cues(PHASE),
    task=compile_cues(TASK_WORDS),
    police=compile_cues(POLICE, arabic_prefix=False), medical=compile_cues(MEDICAL, arabic_prefix=False),
    hard_break=_breaks(CLAUSE_BREAK, soft=False), soft_break=_breaks(SOFT_BREAK, soft=True),
    assign=compile_cues(ASSIGN), outlet=compile_cues(OUTLET), backref=compile_cues(BACKREF),
    troops=compile_cues(TROOPS),
)
