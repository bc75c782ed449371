"""Cue words for roles.

Role cues (lead, deploy, base, assign...) are data: the ``[cues]`` tables of the language files read by
:mod:`mapview.ingest.langdata`. Each category is one compiled regex over all languages: cues match whole words,
case-insensitive; Arabic cues may carry the attached conjunctions و / ف and then ال, ب or ل.

Who says a passage and how (hedges, denials, speakers) is not judged here: see mapview/ingest/attribution.py and
the ``[status]``/``[speakers]`` tables of the same files; the status is mapview.data.status's.
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
# Any word of placing troops somewhere (a site prepared or allocated for them, housing, serving, being located):
# with one nation's contingent and a sector in the same clause, the placement frame of extract.py.
PLACEMENT = cue_table("placement")
# Words naming the whole force ("the ISF", "the force"): a clause about it does not place the contingent of the
# sentences before.
FORCE = cue_table("force")
# Right after a nation, a word that makes it a modifier ("Turkish-led"): not a contingent.
MODIFIER = re.compile(rf"(?:{'|'.join(words('modifier'))})", re.IGNORECASE)
# Who is deployed: police or medical units rather than troops.
POLICE = cue_table("police")
MEDICAL = cue_table("medical")
# Words between a lead cue and a place that show the cue is about a task, not the sector.
TASK_WORDS = cue_table("task")
CLAUSE_BREAK = cue_table("clause_break")
# ", and" starts a new clause unless a nation follows (then it ends a list).
SOFT_BREAK = cue_table("soft_break")
LIST_JOINER = re.compile(rf"^[\s,،、]*(?:(?:{'|'.join(words('list_joiner'))})\s*)?"
                         rf"(?:(?:{'|'.join(words('list_article'))})\s+)?[\s,،、]*$", re.IGNORECASE)
# A list joiner opening a stretch of text ("と最南部": "and the southernmost"), for a pair with a word between.
JOINER_START = re.compile(rf"[\s,،、]*(?:{'|'.join(words('list_joiner'))})(?:\s|(?<=[^\x00-\u2fff]))", re.IGNORECASE)
# A pair of sectors as one site's area: "between (the cities of) Rafah and Khan Yunis", "Refah ile Han Yunus
# arasındaki", "رفح اور خان یونس کے درمیان".
BETWEEN_BEFORE = compile_edge("between", before=True, words_between=3)
BETWEEN_AFTER = compile_edge("between_after", before=False, words_between=0)
# The Strip named as a whole ("Gaza", "Gazze", "غزة"), unless a word after it names a sector ("Gaza City").
STRIP = re.compile(rf"(?<!\w)(?:{'|'.join(words('strip'))})(?!\w)"
                   rf"(?![\s\u00a0]+(?:{'|'.join(words('strip_not_before'))}))")


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
    border: re.Pattern[str]
    backref: re.Pattern[str]
    troops: re.Pattern[str]
    placement: re.Pattern[str]
    force: re.Pattern[str]
    near: re.Pattern[str]
    that: re.Pattern[str]
    locative: re.Pattern[str]
    rank: re.Pattern[str]
    not_at: re.Pattern[str]
    not_after: re.Pattern[str]
    person: re.Pattern[str]
    shared: re.Pattern[str]
    civilian: re.Pattern[str]
    possessive: re.Pattern[str]
    opposed: re.Pattern[str]
    supporter: re.Pattern[str]
    supporter_before: re.Pattern[str]
    relative: re.Pattern[str]
    past: re.Pattern[str]


def _breaks(kind: str, soft: bool) -> re.Pattern[str]:
    patterns = words(kind)
    if soft:
        return re.compile(rf"[,،]\s+(?i:{'|'.join(patterns)})(?!\w)")
    return re.compile("|".join([r"[;；]", r"\s[–—-]\s", rf"(?<!\w)(?i:{'|'.join(patterns)})(?!\w)"]))


CUES = CueSet(
    lead=compile_table("lead"), deploy=compile_table("deploy"), base=compile_table("base"),
    phase=compile_table("phase"), task=compile_table("task"), police=compile_table("police", prefixed=False),
    medical=compile_table("medical", prefixed=False), hard_break=_breaks("clause_break", soft=False),
    soft_break=_breaks("soft_break", soft=True), assign=compile_table("assign"), outlet=compile_table("outlet"),
    border=compile_table("border"),
    backref=compile_table("backref"), troops=compile_table("troops"), placement=compile_table("placement"),
    force=compile_table("force"), near=compile_table("near"),
    that=compile_table("that"), locative=compile_table("locative", prefixed=False),
    rank=compile_table("rank"), not_at=compile_table("not_at"), not_after=compile_table("not_after"),
    person=compile_table("person"), shared=compile_table("shared"), civilian=compile_table("civilian"),
    possessive=compile_table("possessive"), opposed=compile_table("opposed"), past=compile_table("past"),
    supporter=compile_table("supporter"), supporter_before=compile_table("supporter_before"),
    relative=compile_table("relative"),
)
# Between a nation and a sector ("the Egyptian city of Rafah", "la ville égyptienne de Rafah"): the whole gap.
FOREIGN_SIDE = re.compile(rf"(?:{'|'.join(words('foreign_side')) or '(?!x)x'})", re.IGNORECASE)
# Right before a nation that stands right before a sector ("in Egyptian Rafah"): the town of that nation.
AT_TOWN = re.compile(rf"(?<!\w)(?:{'|'.join(words('at_town')) or '(?!x)x'})\s+$", re.IGNORECASE)
# In a script without spaces, a case particle ends the phrase a nation starts ("インドネシアが").
PARTICLE = re.compile("|".join(words("particle")) or "(?!x)x")
# Right before a sector: the placing nation's own side of a town ("its side of Rafah").
OWN_SIDE = re.compile(rf"(?<!\w)(?:{'|'.join(words('own_side')) or '(?!x)x'})\s*$", re.IGNORECASE)
