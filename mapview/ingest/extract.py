"""The extractor: from an article's text, findings of the form (nation, sector, role, status) + the sentence.

Rules, kept deliberately strict (a missed claim costs a reviewer a minute; a false lead is the worst bug):

- only sentences naming a sector or a place inside one are read (one regex pass finds them);
- a ``lead`` needs a lead cue ("responsible for", "will lead", "sorumlu", "përgjegjëse", "memimpin", "ستقود")
  within 30 characters of the sector, with no other sector and no task word ("training", "aid") between them,
  and one nation within 60 characters of the cue, in the same clause, that is not one item of a list of
  nations (a list next to a sector is a co-occurrence, not an assignment);
- a place inside a sector ("Jabalia", "Nuseirat") never yields a ``lead``: at most ``troops`` or ``base``, with a
  note naming the place;
- deployment cues ("deploy in", "konuşlanacak") next to a sector give ``troops`` (``police``, ``medical`` when
  the words say so) for a nation, or
  ``deployment-phase`` (nation optional) when the clause speaks of a first phase; base cues give ``base``;
- the placement frame (tests/realworld/README.md: a lead is one nation's troops or police placed in a sector):
  one nation's contingent, a sector and any placing word of the language files (an area prepared for them, a
  base, housing, serving, deploying...) in one clause, in any order; not where the clause names the whole force,
  three sectors, a task, a border, another place "near" the sector, or a negation before it;
- who says each passage and how (:func:`mapview.ingest.attribution.detect`) is recorded on the finding, and its
  status is the one engine's (:mod:`mapview.data.status`): the extractor never judges certainty itself.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from mapview.data.status import Attribution
from mapview.ingest import langdata
from mapview.ingest.attribution import LANG_DIR, detect, load_tables
from mapview.ingest.cues import CUES
from mapview.ingest.gazetteer import Gazetteer, Mention, NameMatcher, unread_nation_matcher
from mapview.ingest.langdata import SAMPLE_CHARS, LanguageGuess, detect_language, read_as, reading, reading_codes
from mapview.ingest.segment import Span, sentences_around

LEAD_GAP = 30  # cue to sector
BASE_GAP = 40
DEPLOY_GAP = 25
SUBJECT_GAP = 60  # nation to cue
PHASE_GAP = 60
GATE_WINDOW = 250  # a sector mention is read only with a nation or a deployment/base cue this close


_DEPLOYED = ("troops", "police", "medical", "deployment-phase")
ASSIGN_GAP = 90  # assignment cue to the nearest sector of a list (real prose puts ~70 characters between)
TROOP_GAP = 30  # a nation this close to "troops", "askerleri", "القوات": the nation the contingent belongs to
# Parties to the conflict, never contributors to the force: "Israeli security forces would initially deploy in
# Rafah" renders the ISF in one seed article, so such a finding is the force's, and the sentence is listed
# for a reviewer.
NOT_CONTRIBUTORS = frozenset({"Israel", "Hamas"})
PARTY_BASE_GAP = 3  # a party's name this close to a base word owns the base ("Hamas bases", "ハマスの拠点")
# The force is authorised by the UN, not made of UN troops: "under a UN mandate", "ONU" in every Romance language,
# "الأمم المتحدة" name its mandate, never a contingent (and must not make a second nation in the sentence).
MANDATE_ONLY = frozenset({"United Nations"})
# The nation commanding the force (its commander is a US general; the US puts no troops on the ground): what its
# offices say of "the troops" is said of the force's, never of a US contingent (extract._speakers_own).
FORCE_LEADERS = frozenset({"United States"})
# Egypt's own Rafah lies across the border: what its army says of "the troops" in Rafah is of its own troops there
# (a trap in real reporting: "Egypt sent tanks to Rafah"), not of an ISF contingent
OWN_RAFAH = frozenset({"Egypt"})
# Words allowed between a nation and an outlet noun after it ("Israeli public broadcaster", "Israeli Kan radio").
_OUTLET_FILLER = re.compile(r"(?:[A-Z\u0600-\u06ff«»\"“”'’0-9][^\s,.;:]*|public|state|state-run|private|national|"
                            r"official|news|army|military)$")
# A name written against an outlet's word in a script without spaces ("印度尼西亚安塔拉通讯社",
# "インドネシアのアンタラ通信") or a Hangul name before it ("인도네시아 안타라 통신"): a few letters, no punctuation
_UNSPACED_OUTLET_NAME = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af·・]{1,6}")
_BULLET = re.compile(r"^[ \t]*(?:[•·▪◦‣●○■□–—*-]|\d{1,2}[.)])[ \t]+", re.MULTILINE)


@dataclass(frozen=True)
class Finding:
    """One thing a sentence says: ``nation`` (or None = the force) has ``role`` in ``sector``, with a status."""

    nation: str | None
    sector: str
    role: str
    attribution: Attribution  # who says the sentence and how; its status is data.status's
    start: int  # the sentence, raw offsets
    end: int
    place: str | None = None
    cues: tuple[str, ...] = ()
    area: tuple[str, ...] = ()  # one site between two sectors: both sector ids, in text order (else empty)

    @property
    def status(self) -> str:
        """The status this passage gives (mapview.data.status, rule 1)."""
        return self.attribution.status

    def label(self) -> tuple[str | None, str, str, str]:
        """(nation, sector, role, status): what the quality corpus annotates."""
        return self.nation, self.sector, self.role, self.status


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    text: str


def _gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, max(a_start, b_start) - min(a_end, b_end))


def _cues(pattern: re.Pattern[str], sentence: str, base: int) -> list[_Cue]:
    return [_Cue(base + m.start(), base + m.end(), m.group()) for m in pattern.finditer(sentence)]


def _in_list(nation: Mention, nations: list[Mention], text: str) -> bool:
    """True when the nation is one item of a list ("Indonesia, Morocco and Albania")."""
    for other in nations:
        if other is nation or other.key == nation.key:
            continue
        lo, hi = (other, nation) if other.start < nation.start else (nation, other)
        if not 0 <= hi.start - lo.end <= 12:
            continue
        between = text[lo.end:hi.start]
        if CUES.list_joiner.match(between):
            return True
        # each nation's troops word between ("Indonesian troops and Pakistani troops", "インドネシア軍とパキスタン軍")
        troops = CUES.troops.match(between.lstrip())
        if troops is not None and CUES.list_joiner.match(between.lstrip()[troops.end():]):
            return True
    return False


_DASHES = {"–", "—", "-"}


def _clauses(text: str, start: int, end: int, nations: list[Mention],
             joins: list[Span] | None = None, parties: list[Mention] | tuple = ()) -> list[Span]:
    """Split a sentence at clause breaks (";", "but", "while", "ama", "tetapi", "لكن"...), not inside ``joins``
    (a correction: "not in Rafah but in Khan Younis").

    ", and" splits too, unless a nation follows it (a list of nations, or a half sharing the verb); even then it
    splits after a stretch that names one of ``parties`` (Israel, Hamas) and does not end on a nation.
    """
    sentence = text[start:end]
    breaks = [m for m in CUES.hard_break.finditer(sentence)
              if not any(lo <= start + m.start() < hi for lo, hi in joins or ())]
    dashes = [m for m in breaks if m.group().strip() in _DASHES]
    if len(dashes) % 2 == 0:  # " – between Rafah and Khan Yunis – ": a parenthesis, not a clause of its own
        breaks = [m for m in breaks if m not in dashes]
    cuts = {start + m.start() for m in breaks}
    nation_starts = {n.start for n in nations}
    nation_ends = {n.end for n in nations}
    for m in CUES.soft_break.finditer(sentence):
        after = start + m.end()
        while after < end and text[after].isspace():
            after += 1
        # ", and Morocco" closes a list of nations ("Indonesia, Pakistan, and Morocco") or a half sharing the verb
        # ("…, and Albanian ones in Deir al-Balah"); after a clause about a party, with no nation right before the
        # comma, it opens a clause of its own ("Hamas will run Rafah until the force arrives, and Indonesia will
        # send troops")
        if after not in nation_starts or (start + m.start() not in nation_ends
                                          and any(p.end <= start + m.start() for p in parties)):
            cuts.add(start + m.start())
    bounds = [start, *sorted(c for c in cuts if start < c < end), end]
    return list(zip(bounds, bounds[1:], strict=False))


EQUIPMENT_REACH = 25  # characters around a placing verb and its sector searched for the equipment it deploys


def _equipment_only(text: str, cue: _Cue, sector: Mention, clause: Span) -> bool:
    """True when what a placing verb deploys is equipment ("Egypt has deployed tanks in Sinai near Rafah", "Turkey
    deployed drones over Khan Younis", "埃及…部署了坦克") and its clause names no troops or police: no contingent."""
    lo = max(clause[0], min(cue.start, sector.start) - EQUIPMENT_REACH)
    hi = min(clause[1], max(cue.end, sector.end) + EQUIPMENT_REACH)
    return (CUES.equipment.search(text, lo, hi) is not None and not CUES.troops.search(text, *clause)
            and not CUES.police.search(text, *clause))


PAIRS_FOR_A_LIST = 2  # sector–nation pairs written as a list: one alone ("Rafah (Egypt)") names a town's country
# "=" as a map key writes it in Korean and Japanese ("라파=인도네시아", "ラファ＝インドネシア")
_PAIR_MARK = re.compile(r"[(\[（:：–—=＝]|\s-\s")
_SECTOR_THEN_NATION = re.compile(r"\s*(?:[(\[（]|[:：–—=＝]|-(?=\s))\s*")
_NATION_THEN_SECTOR = re.compile(r"\s*(?:[:：–—=＝]|-(?=\s))\s*")
_PREFIX_GAP = re.compile(r"\s*[:،,]?\s*")  # a sector, then the nation written with ``pair_prefix`` ("رفح لإندونيسيا")


_RESPECTIVELY_GAP = re.compile(r"[\s,،]{0,3}")


def _respective_pairs(text: str, start: int, end: int, sectors: list[Mention],
                      nations: list[Mention]) -> list[tuple[Mention, Mention, _Cue]]:
    """(sector, nation, cue) of a sentence that pairs a list of nations with a list of sectors by "respectively"
    ("Kosovo and Albania will lead North Gaza and Deir al-Balah, respectively", "masing-masing"): the same number of
    each, two or more, each list one run of names joined as a list, and a word of placing in the sentence; the n-th
    nation gets the n-th sector."""
    cue = CUES.respectively.search(text, start, end)
    if cue is None or not (CUES.lead.search(text, start, end) or CUES.assign.search(text, start, end)
                           or CUES.deploy.search(text, start, end) or CUES.placement.search(text, start, end)):
        return []
    in_sectors = sorted((m for m in sectors if m.kind == "sector"), key=lambda m: m.start)
    ordered = sorted(nations, key=lambda n: n.start)
    if (len(in_sectors) < PAIRS_FOR_A_LIST or len(in_sectors) != len(ordered)
            or len({m.key for m in in_sectors}) != len(in_sectors) or len({n.key for n in ordered}) != len(ordered)
            or _sector_chain(text, in_sectors, in_sectors[0]) != in_sectors
            or not all(CUES.list_joiner.match(text[a.end:b.start])
                       for a, b in zip(ordered, ordered[1:], strict=False))):
        return []
    # the word closes one of the two lists ("North Gaza and Deir al-Balah, respectively", "Albania dan Kosovo
    # masing-masing") or opens the sectors', not another pair of lists ("5,000 and 3,000 troops respectively")
    if not (any(_RESPECTIVELY_GAP.fullmatch(text, last.end, cue.start()) for last in (in_sectors[-1], ordered[-1]))
            or _RESPECTIVELY_GAP.fullmatch(text, cue.end(), in_sectors[0].start)):  # "përkatësisht Gazën Veriore dhe …"
        return []
    mark = _Cue(cue.start(), cue.end(), cue.group())
    return [(sector, nation, mark) for nation, sector in zip(ordered, in_sectors, strict=True)]


def _paired_list(text: str, sectors: list[Mention], nations: list[Mention]) -> list[tuple[Mention, Mention, _Cue]]:
    """(sector, nation, mark) of a list that pairs sectors with nations, written the same way each time: "Rafah
    (Indonesia), Khan Younis (Pakistan)", "Rafah – Indonesia; Khan Younis – Pakistan", "Indonesia: Rafah; Pakistan:
    Khan Younis", "Rafah, para Indonesia; Jan Yunis, para Pakistán" (``pair_for``), "Morocco to Deir al-Balah,
    Kazakhstan to Gaza City" (``pair_to``). Two or more pairs of different
    sectors and different nations make a list (a map key written out),
    each pair a lead; a parenthesis must close right after its nation. One pair alone is none ("Rafah (Egypt)")."""
    def pairs(first: list[Mention], second: list[Mention], mark: re.Pattern[str]) -> list[tuple[Mention, Mention,
                                                                                                  _Cue]]:
        out = []
        for a in first:
            for b in second:
                joined = mark.fullmatch(text, a.end, b.start) if a.end <= b.start else None
                if joined is None:
                    continue
                if mark is _PREFIX_GAP and (CUES.pair_prefix.match(text, b.start) is None or any(
                        not text[m.end():a.start].strip() for m in CUES.source.finditer(text, max(0, a.start - 8),
                                                                                        a.start))):
                    continue  # "رفح لإندونيسيا" pairs them, "من رفح لمصر" (from Rafah to Egypt) is a way
                opened = joined.group().strip()
                if opened and opened in "([（" and not re.match(r"\s*[)\]）]", text[b.end:b.end + 3]):
                    continue
                out.append((a, b, _Cue(a.end, b.start, joined.group())))
        return out

    in_sectors = [m for m in sectors if m.kind == "sector"]
    for found in (pairs(in_sectors, nations, _SECTOR_THEN_NATION), pairs(nations, in_sectors, _NATION_THEN_SECTOR),
                  pairs(in_sectors, nations, CUES.pair_for), pairs(in_sectors, nations, _PREFIX_GAP),
                  pairs(nations, in_sectors, CUES.pair_to)):
        by_sector = {(s if s.kind == "sector" else n).key for s, n, _ in found}
        by_nation = {(n if s.kind == "sector" else s).key for s, n, _ in found}
        if len(found) >= PAIRS_FOR_A_LIST and len(by_sector) == len(found) == len(by_nation):
            return [(s, n, c) if s.kind == "sector" else (n, s, c) for s, n, c in found]
    return []


def _others_placements(clauses: list[Span], clause: Span, nations: list[Mention], sectors: list[Mention],
                       nation: str) -> list[Span]:
    """Spans, in the sentence's other clauses, from another nation to the last sector after it ("…, while Morocco
    could take Deir al-Balah"): a hedge there is that nation's, not the claim's. A clause naming the claim's nation
    too, or no sector after its first nation, gives none; a hedge before the nation ("reports suggest that …") or
    after its sector ("…, which could change") still hedges every claim."""
    spans = []
    for lo, hi in clauses:
        if (lo, hi) == clause:
            continue
        named = [n for n in nations if lo <= n.start and n.end <= hi]
        if not named or any(n.key == nation for n in named):
            continue
        after = [m.end for m in sectors if named[0].end <= m.start and m.end <= hi]
        if after:
            spans.append((named[0].start, max(after)))
    return spans


def _between(items: list[Mention], a_start: int, a_end: int, b_start: int, b_end: int,
             exclude: Mention | None = None) -> bool:
    lo, hi = min(a_end, b_end), max(a_start, b_start)
    return any(m is not exclude and lo <= m.start and m.end <= hi for m in items)


def _subject(cue: _Cue, nations: list[Mention], sectors: list[Mention], sector: Mention,
             text: str) -> Mention | None:
    """The one nation a cue is about: the nearest within reach, unless it is part of a list."""
    reach = [n for n in nations if _gap(n.start, n.end, cue.start, cue.end) <= SUBJECT_GAP
             and not (n.start <= sector.start < n.end)]
    if not reach:
        return None
    nearest = min(reach, key=lambda n: (_gap(n.start, n.end, cue.start, cue.end), n.start > cue.start))
    if max(cue.end, sector.end) <= nearest.start and _opens_a_gapped_half(text, nearest):
        # "X's soldiers will be deployed in A, and Y's in B": Y is the second half's, X the cue's subject
        before = [n for n in reach if n.end <= cue.start]
        if not before:
            return None
        nearest = max(before, key=lambda n: n.start)
    if nearest.end <= cue.start and _in_aside(nearest, cue, nations, text):
        # "The Indonesian contingent, unlike the Moroccan police, will be based in Khan Younis": the aside's nation
        # is not the subject, and its words ("police") would give the subject a role it does not have
        return None
    if _in_list(nearest, nations, text):
        return None
    if nearest.end <= cue.start:  # "Kosovo sent officers to the CMCC, which oversees Rafah": the CMCC oversees
        relative = CUES.relative.search(text, nearest.end, cue.start)
        if relative is not None and text[nearest.end:relative.start()].strip(" ,،") \
                and not _sent_troops_relative(text, nearest.end, relative.start()):
            return None
    # another nation between the chosen one and the cue would be the nearer subject; a sector there is fine
    if _between(nations, nearest.start, nearest.end, cue.start, cue.end, exclude=nearest):
        return None
    return nearest


RELATIVE_TAIL_WORDS = 2  # words after the troops before a relative ("a Gaza,"): the relative is still theirs


def _sent_troops_relative(text: str, lo: int, hi: int) -> bool:
    """True when the words between a nation and a relative pronoun end on the nation's troops, sent at most to the
    Strip ("Indonesia enviará 8.000 soldados a Gaza, que quedarán a cargo de Rafah"): the relative's subject is
    those troops, not another noun."""
    troops = _troop_words(text, lo, hi)
    if not troops:
        return False
    last = troops[-1]
    tail = CUES.strip.sub(" ", text[last.end():hi]).replace(",", " ").replace("،", " ").split()
    # only small words besides the Strip ("a", "to the"): no other name ("to Lebanon, which ...") the relative is of
    return len(tail) <= RELATIVE_TAIL_WORDS and not any(w[:1].isupper() for w in tail)


ASIDE_HEAD_WORDS = 3  # words between a subject nation and the comma opening an aside ("… contingent, unlike …")
_COMMA = re.compile(r"[,،、，]")  # also where parallel halves break (_parallel_halves)
_ASIDE_BREAK = re.compile(r"[,،、，.;:!?؛。；：！？\n]")


def _in_aside(nation: Mention, cue: _Cue, nations: list[Mention], text: str) -> bool:
    """True when ``nation`` stands in a comma-set aside closed before the cue, right after another nation's phrase
    ("The Indonesian contingent, unlike the Moroccan police, will be based in …", "Indonesian troops, the largest
    contingent after Morocco's, will …")."""
    closing = _COMMA.search(text, nation.end, cue.start)
    opening = max((m.start() for m in _COMMA.finditer(text, max(0, nation.start - FRAME_REACH), nation.start)),
                  default=None)
    if closing is None or opening is None:
        return False
    # the subject's noun phrase ends at the opening comma: a few words ("contingent", "'s soldiers"), no clause
    return any(n.end <= opening and len(text[n.end:opening].split()) <= ASIDE_HEAD_WORDS
               and not _ASIDE_BREAK.search(text, n.end, opening) for n in nations)


def _in_relative_aside(text: str, nation: Mention, sectors: list[Mention], start: int, end: int) -> bool:
    """True when the nation stands in a relative clause set off by commas that names no sector ("Azerbaiyán, que
    mantiene estrechos lazos con Turquía, se desplegará en Deir al Balah"): said of the noun before it, it is
    no subject of the sentence's placing verb."""
    opening = max((m for m in _COMMA.finditer(text, start, nation.start)), key=lambda m: m.start(), default=None)
    closing = _COMMA.search(text, nation.end, end)
    if opening is None or closing is None:
        return False
    word = CUES.relative.match(text, _SPACE.match(text, opening.end()).end())
    return word is not None and word.end() <= nation.start and not any(
        opening.end() <= m.start and m.end <= closing.start() for m in sectors)


def _object_after(cue: _Cue, sector: Mention, sectors: list[Mention]) -> bool:
    """True when the sector stands before the cue and another sector right after it: "in North Gaza, Albanian
    troops in Deir al-Balah" places the Albanian troops in Deir al-Balah only."""
    return sector.end <= cue.start and any(m is not sector and 0 <= m.start - cue.end <= OBJECT_AFTER_GAP
                                           for m in sectors)


def _deployed(text: str, nation: Mention, cue: _Cue, sector: Mention) -> str:
    """The role of a deployment: ``police`` or ``medical`` when the words between nation and place say so (a
    nation named in a sentence before, "the troops" refer to, lends no words: only cue to place is read)."""
    inside = nation.start >= min(cue.start, sector.start) - SUBJECT_GAP * 4
    lo = min(nation.start, cue.start, sector.start) if inside else min(cue.start, sector.start)
    hi = max(nation.end, cue.end, sector.end) if inside else max(cue.end, sector.end)
    if inside:  # the unit named right before the nation: "Tim medis Indonesia", "polisi Indonesia"
        lo = min(lo, _unit_start(text, nation))
    if CUES.police.search(text, lo, hi):
        return "police"
    if CUES.medical.search(text, lo, hi) or _medical_site(text, sector):
        return "medical"
    return "troops"


def _medical_site(text: str, sector: Mention) -> bool:
    """True when the sector's name names a medical facility right after it ("at the Rafah field hospital"): who
    is placed there is a medical unit at that facility, not a contingent given the sector."""
    gap = re.match(r"[ \t\u00a0-]{1,2}", text[sector.end:sector.end + 2])
    return gap is not None and CUES.medical.match(text, sector.end + gap.end()) is not None


UNIT_BEFORE = 20  # characters before a nation read for the unit it qualifies ("Tim medis Indonesia")


def _unit_start(text: str, nation: Mention) -> int:
    """Where the words right before a nation begin (up to UNIT_BEFORE characters, not across punctuation)."""
    lo = max(0, nation.start - UNIT_BEFORE)
    cut = max((m.end() for m in _PUNCTUATION.finditer(text, lo, nation.start)), default=lo)
    return cut


# "to" attached to an outlet word after a nation ("مسؤول باكستاني لوكالة رويترز": told Reuters, "לרויטרס"): the
# outlet is whom the nation's official speaks to, the nation is not in its name
_TO_PREFIXES = ("ل", "ל")


def _outlet_nation(text: str, nation: Mention) -> bool:
    """True when a nation's name is part of an outlet's: "Israel Hayom", "Israeli public broadcaster Kan",
    "Radio Israel", "İsrail'de yayın yapan Kanal 12", "قناة «كان» الإسرائيلية". Outlets are not nations."""
    after = text[nation.end:nation.end + 60]
    if CUES.masthead.match(after):
        return True
    outlet = CUES.outlet.search(after)
    if outlet is not None and not outlet.group().startswith(_TO_PREFIXES):
        gap = re.sub(r"^['’]\w*", "", after[:outlet.start()])
        words = gap.split()
        if len(words) <= 2 and all(_OUTLET_FILLER.match(w) for w in words):
            return True
        if _UNSPACED_OUTLET_NAME.fullmatch(gap.strip()):
            return True
    before = text[max(0, nation.start - 40):nation.start]
    tails = list(CUES.outlet.finditer(before))
    if tails:
        tail = tails[-1]
        words = before[tail.end():].split()
        # "القناة أن الجنود الإندونيسيين", "هيئة البث إن إندونيسيا", "القناة 12 أن إندونيسيا": what the outlet
        # says, not the outlet's name
        if CUES.troops.search(before, tail.end()) or any(CUES.that.fullmatch(w) for w in words):
            return False
        arabic = bool(re.search(r"[\u0600-\u06ff]", nation.surface))
        if not words or (arabic and len(words) <= 2 and not re.search(r"[,.،؛]", before[tail.end():])):
            return True
    return False


def _contingent(text: str, nations: list[Mention]) -> list[Mention]:
    """The nations in ``nations`` that stand next to a word for troops ("Indonesian soldiers", "pasukan
    Indonesia", "Endonezya askerlerinin", "القوات الإندونيسية")."""
    out = []
    for n in nations:
        lo, hi = max(0, n.start - TROOP_GAP), n.end + TROOP_GAP
        forces = [m.span() for m in CUES.force.finditer(text, lo, hi)]
        # "国际稳定部队", "국제안정화군": a word for troops inside the whole force's name is not the nation's
        if [m for m in _troop_words(text, lo, hi) if not any(a <= m.start() < b for a, b in forces)]:
            out.append(n)
    return out


_UNSPACED_LETTER = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
PEOPLE_AFTER = 2  # a person's word this close after a sector makes the sector its adjective ("Rafah officials")
HEAD_SHORT = 3  # words this short (articles, prepositions: "of the") may stand between a title and its troops


def _names_people(text: str, sector: Mention) -> bool:
    """True when a word for persons or a title follows the sector's name right after it ("Rafah officials said",
    "Rafah residents"): the name qualifies those people, it is no site of a placement. In a script written
    without spaces the word may share the name's last letters: "가자시민" is Gaza's citizens (가자 + 시민), not
    "가자시" (Gaza City) with an ending."""
    gap = re.match(rf"[ \t\u00a0]{{1,{PEOPLE_AFTER}}}", text[sector.end:sector.end + PEOPLE_AFTER])
    if gap is not None:
        return bool(CUES.person.match(text, sector.end + gap.end()) or CUES.rank.match(text, sector.end + gap.end()))
    if not _UNSPACED_LETTER.match(text, sector.end - 1) or not _UNSPACED_LETTER.match(text, sector.end):
        return False
    return any((word := CUES.person.match(text, at)) and word.end() > sector.end
               for at in range(max(sector.start + 1, sector.end - 2), sector.end))


def _headed_by_person(text: str, cue: _Cue, sentence: Span, names: list[Mention]) -> bool:
    """True when a cue opening on a word for troops ("troops will be in") has that word inside a phrase a person or
    title heads ("the commander of the Indonesian troops", "el comandante de las tropas indonesias"): only the
    nation's name and short words (articles, prepositions) between the title and the troops."""
    if not CUES.troops.match(text, cue.start):
        return False
    lo = max(sentence[0], cue.start - RANK_BEFORE)
    for title in [*CUES.person.finditer(text, lo, cue.start), *CUES.rank.finditer(text, lo, cue.start)]:
        words = re.finditer(r"\w+", text[title.end():cue.start])
        if all(len(w.group()) <= HEAD_SHORT or any(n.start <= title.end() + w.start() < n.end for n in names)
               for w in words):
            return True
    return False


RANK_GAP = 3  # a title this close to a word for troops makes it a person's ("army chief", "Panglima TNI")
_RANK_SPACE = re.compile(rf"\s{{0,{RANK_GAP}}}")


def _troop_words(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """Words for troops in ``text[lo:hi]`` that are not part of a person's title ("the Indonesian army chief",
    "Kepala Staf TNI", "رئيس أركان الجيش")."""
    out = []
    for m in CUES.troops.finditer(text, lo, hi):
        after = CUES.rank.match(text, _RANK_SPACE.match(text, m.end()).end())
        before = any(m.start() - r.end() <= RANK_GAP
                     for r in CUES.rank.finditer(text, max(0, m.start() - 40), m.start()))
        if after is None and not before:
            out.append(m)
    return out



# the contingent of the sentences before, or a function finding it when needed (it searches three sentences back)
Previous = Mention | Callable[[], Mention | None] | None
_SPACE_OR_DASH = re.compile(r"[\s\-]{1,2}")
_PUNCTUATION = re.compile(r"[,.;،؛]")


def _border_nation(text: str, nation: Mention) -> bool:
    """True when a nation's name is part of a place: "the border with Egypt", "la frontera entre Gaza y Egipto",
    "Egyptian border", "الحدود المصرية". Such a nation is where a place lies, not who is placed there."""
    after = text[nation.end:nation.end + 20]
    if _SPACE_OR_DASH.match(after) and CUES.border.match(after.lstrip(" -")):
        return True
    before = text[max(0, nation.start - 40):nation.start]
    borders = list(CUES.border.finditer(before))
    if not borders:
        return False
    between = before[borders[-1].end():]
    return len(between.split()) <= 3 and not _PUNCTUATION.search(between)


def contributors(text: str, nations: list[Mention]) -> list[Mention]:
    """Nation mentions that can be a contributor: not part of an outlet's name or of a place ("the border with
    Egypt"), not a party to the conflict, not the UN (the force's mandate), not the nation leading the whole force
    ("the US-led force", "미국이 이끄는 국제안정화군", "美国主导的国际稳定部队"; a "Turkish-led brigade" stays
    Turkey's), nor the nation commanding it unless its own troops are named ("the US plan", "الخطة الأمريكية")."""
    return [n for n in nations
            if n.key not in NOT_CONTRIBUTORS and n.key not in MANDATE_ONLY
            and not _outlet_nation(text, n) and not _border_nation(text, n)
            and not _leads_the_force(text, n) and not (n.key in FORCE_LEADERS and not _own_troops(text, n))]


OWN_TROOPS_GAP = 2  # a word for troops this close to the nation is its own ("US troops", "القوات الأمريكية")


def _own_troops(text: str, nation: Mention) -> bool:
    """True when a word for troops stands right next to the nation's name: its own troops are named; or the name
    is itself its armed forces' ("TNI AD mulai melatih satu brigade", "KSF"): a word for troops and the nation."""
    words = _troop_words(text, max(0, nation.start - 40), nation.end + 40)
    return _next_to(nation, words) or any(m.start() <= nation.start and nation.end <= m.end() for m in words)


def _own_police(text: str, nation: Mention) -> bool:
    """True when a word for police stands right next to the nation's name ("שוטרים מרוקאים", "Moroccan police")."""
    return _next_to(nation, CUES.police.finditer(text, max(0, nation.start - 40), nation.end + 40))


def _next_to(nation: Mention, words: Iterable[re.Match[str]]) -> bool:
    """True when one of ``words`` ends or starts within OWN_TROOPS_GAP of the nation's name, on either side."""
    return any(-OWN_TROOPS_GAP <= m.start() - nation.end <= OWN_TROOPS_GAP
               or -OWN_TROOPS_GAP <= nation.start - m.end() <= OWN_TROOPS_GAP for m in words)


LEADER_REACH = 80  # characters before a nation searched for the force named as led by it


def _leads_the_force(text: str, nation: Mention) -> bool:
    """True when a modifier ("-led", "주도의", "主导的") right after the nation qualifies the whole force, or the
    force is named right before it as led by it ("กองกำลัง…ที่นำโดยสหรัฐฯ")."""
    if CUES.leader_before.search(text, max(0, nation.start - LEADER_REACH), nation.start):
        return True
    modifier = CUES.modifier.match(text, nation.end, nation.end + 20)
    if modifier is None:
        return False
    after = re.match(r"[\s\u3000]{0,2}(?:the\s+)?", text[modifier.end():modifier.end() + 8])
    return CUES.force.match(text, modifier.end() + (after.end() if after else 0)) is not None


PERSON_WORDS = 3  # words after a nation (2 before it) searched for a person's title: "Indonesian foreign minister"
PERSON_RUN = 12  # a longer run after a nation is a script without spaces ("インドネシア大統領は...")
_PERSON_STOP = re.compile(r"[,.;:،؛、。，；：()\"“”«»]")


POSSESSOR_GAP = 2  # a nation this close before a possessed word for troops is their owner ("Endonezya, askerlerinin")


def _possessors(text: str, start: int, end: int, nations: list[Mention]) -> list[Mention]:
    """The nations standing right before a possessed word for troops ("Endonezya askerlerinin"): those troops are
    theirs, so an office's nation elsewhere in the sentence ("ABD Dışişleri Bakanlığı") is an office, not the
    owner the possessive might otherwise point to ("the minister said its troops")."""
    return [n for n in nations
            if any(0 <= m.start() - n.end <= POSSESSOR_GAP for m in CUES.possessive.finditer(text, start, end))]


def _persons_nation(text: str, nation: Mention) -> bool:
    """True when the nation is a person's, an office's or a firm's nationality, or trains, funds or equips the
    troops, not a contingent: "US officials", "Egypt will train the troops", "ستمول الإمارات",
    "the American general", "Indonesian President Prabowo", "le ministre indonésien", "وزير الدفاع الإندونيسي",
    "Presiden Indonesia", "Indonesian citizens". Troops named first keep it a contingent ("Indonesian troops'
    commander"); a speech verb between ("the minister said Indonesia") leaves the nation what is said."""
    after = _PERSON_STOP.split(text[nation.end:nation.end + 40], 1)[0]
    clause = after  # up to the comma: where a verb-final language's nation closes its clause on its verb
    words = after.split()[:PERSON_WORDS]
    verb_reach = " ".join(words)  # a verb of training or funding: in a script without spaces, up to the comma
    if len(words) == 1 and len(words[0]) > PERSON_RUN:  # no spaces: a title in the phrase up to its case particle
        words = [CUES.particle.split(words[0], 1)[0]]
    after = " ".join(words)
    title = CUES.person.search(after)  # "US officials"
    if title is not None and not CUES.troops.search(after, 0, title.start()):
        return True
    trains = CUES.supporter.search(verb_reach)  # "Egypt will train", "エジプトはガザの警察官を訓練し"
    if trains is None and _verb_final():  # "이집트는 가자 경찰을 훈련시켜 라파에 배치할": the verb after its object
        trains = CUES.supporter.search(clause)
        verb_reach = clause
        if trains is not None and (CUES.deploy.search(clause, 0, trains.start())
                                   or CUES.placement.search(clause, 0, trains.start())):
            trains = None  # "인도네시아는 라파에 주둔하며 경찰을 훈련시킨다": placed first, then training
    if trains is not None and not CUES.troops.search(verb_reach, 0, trains.start()):
        return True
    before = _PERSON_STOP.split(text[max(0, nation.start - 40):nation.start])[-1]
    before = " ".join(before.split()[-2:])
    speech = load_tables(LANG_DIR, reading()).any_cue
    titled = CUES.rank.search(before)
    if titled is not None and CUES.troops.fullmatch(before[titled.end():].strip()):
        # "قائد الجيش الإندونيسي" (the Indonesian army's commander): the title heads the troops word right before the
        # nation, so the nation is the commander's, as the title makes that troops word his (_troop_words)
        return not (speech is not None and speech.search(before))
    if not (CUES.person.search(before) or CUES.supporter_before.search(before)):
        return False
    if CUES.particle_end.search(before):  # "미국 관리들은 인도네시아군이": the title's phrase ended at its particle
        return False
    return not (speech is not None and speech.search(before)) and not CUES.that.search(before) \
        and not CUES.troops.search(before)


def _verb_final() -> bool:
    """True when the language read closes its clauses on the verb (Korean, Japanese, Turkish: the speech verbs of
    its tables stand last)."""
    return any(side == "final" for _, side in load_tables(LANG_DIR, reading()).speech)


SPEAKER_REACH = 90  # a nation this far before a speech verb can head who speaks ("The US military, which ..., said")
SPEAKER_WORDS = 5  # words of the speaker's phrase between (a relative clause left out): "'s defence minister X Y"
VERB_FIRST_GAP = 40  # a verb-first speech verb this close before the nation ("أعلنت وزارة الخارجية المصرية")
VERB_FIRST_WORDS = 3  # words of the speaker's phrase between such a verb and the nation
_PARENTHESIS = re.compile(r"\([^()]*\)")


# the negation, then at most an article ("not the"); in Chinese or Thai, written against the name ("而非摩洛哥")
_NEGATION_GAP = re.compile(r"\s+(?:\w{1,3}['’]?\s*)?$|(?<=[\u3400-\u9fff\u0e00-\u0e7f])\s*$")


def _negated_nation(text: str, nation: Mention, start: int) -> bool:
    """True when a negation stands right before the nation ("Indonesia's troops, not Morocco's, will be deployed",
    "bukan Maroko"): the sentence places that nation nowhere."""
    lo = max(start, nation.start - 25)
    return any(_NEGATION_GAP.fullmatch(text, m.end(), nation.start)
               for m in CUES.not_nation.finditer(text, lo, nation.start))


def _a_place(text: str, nation: Mention) -> bool:
    """True when a preposition of place stands right before the nation and no possessive after it ("based in
    Egypt", "di Mesir"; not "in Indonesia's contingent"), or a case ending or postposition of place closes it
    ("Mısır'da", "エジプトで"): the nation is where something is, not a contingent."""
    if text.startswith(("'s", "’s"), nation.end):
        return False
    lo = max(0, nation.start - 12)
    if any(_SPACE.fullmatch(text, m.end(), nation.start) and not _ends_a_cue(text, m.end())
           for m in CUES.at_place.finditer(text, lo, nation.start)):
        return True
    # the ending may be read as part of the name ("Egyiptomban") or follow it ("Mısır'da", "मिस्र में")
    return any(m.start() <= nation.end <= m.end()
               for m in CUES.at_place_after.finditer(text, nation.start + 1, min(len(text), nation.end + 8)))


CUE_REACH = 60  # characters before a preposition searched for the cue it closes


def _ends_a_cue(text: str, at: int) -> bool:
    """True when a given_to cue ends at ``at`` with its preposition ("reviendra au", "incombera au"): the nation
    after it is who the sector goes to, not where something is (only French reads that preposition as a place)."""
    lo, hi = max(0, at - CUE_REACH), min(len(text), at + 1)  # one more character: a cue may end on a lookahead
    return any(m.end() == at for m in CUES.given_to.finditer(text, lo, hi))


def _speaking_nation(text: str, nation: Mention, others: list[Mention], end: int) -> bool:
    """True when the nation heads who speaks, not who is placed: a speech verb follows its phrase ("The US
    military, which runs the CMCC, said", "Indonesia's army chief said", "Egypt's foreign ministry announced"),
    or, in a verb-first language, precedes it with "that" after it ("أعلنت وزارة الخارجية المصرية أن"), with no
    other name, no sector and no clause of its own between (a relative clause and a parenthesis are left out),
    and what is said names troops of its own ("the troops would be stationed"). Those troops are the ones "the
    troops" refer back to, or nobody's: the speaker's own only with a possessive ("its troops"), which the caller
    checks. Without troops named, what is said has the speaker for subject ("Albania denied that it would lead")."""
    said = _said_from(text, nation, others, end)
    if said is not None and _sends_first(text, nation, said, end, others):
        return False  # "Albania denied sending soldiers to …", "a démenti l'envoi de soldats à": the sender speaks
    return said is not None and bool(_troop_words(text, said, end) or CUES.backref.search(text, said, end)
                                     or CUES.police.search(text, said, end))


SENDS_WORDS = 4  # words before a sending cue that opens what is said ("the", "that it would", "ότι θα", "că va")
DENIED_OBJECT = 20  # characters after a speech verb a denial may take in ("negou o envio")


def _sends_first(text: str, nation: Mention, said: int, end: int, others: list[Mention]) -> bool:
    """True when a verb that denies, announces or confirms takes for object the sending of troops (``send``: named
    as a noun or gerund, "denied sending soldiers to", "announced the dispatch of troops to", "a démenti l'envoi de
    soldats à", or a verb with no subject of its own, "διέψευσε ότι θα στείλει στρατιώτες στη", "a dezmințit că va
    trimite soldați în"): the one who speaks is the one who sends."""
    # a verb of saying takes a clause, whose own verb may undo the sending ("said sending troops … was not on the
    # table"); a denial or an announcement takes it as its object
    if not (CUES.announce.search(text, nation.end, said) or load_tables(LANG_DIR, reading()).denials.search(
            text, nation.end, min(end, said + DENIED_OBJECT))):
        return False
    send = CUES.send.search(text, said, end)
    if send is None:
        return False
    # only small words between: "that it would", "ότι θα"; a subject of its own ("that the ISF would send", "that
    # Indonesia would send") sends instead
    words = re.findall(r"\w+", text[said:send.start()])
    return len(words) <= SENDS_WORDS and not any(w[:1].isupper() for w in words) \
        and not CUES.force.search(text, said, send.start()) \
        and not any(said <= o.start < send.start() for o in others if o is not nation)


def _said_from(text: str, nation: Mention, others: list[Mention], end: int) -> int | None:
    """Where what is said begins when the nation heads who speaks it (:func:`_speaking_nation`), else None."""
    tables = load_tables(LANG_DIR, reading())
    reach = min(end, nation.end + SPEAKER_REACH)
    verb_last = any(langdata.languages()[c].verb_last for c in reading() or ())
    comma = text.find(",", nation.end, end) if verb_last else -1
    if comma >= 0 and (comma - nation.end > SPEAKER_REACH or any(nation.end <= o.start < comma for o in others)):
        comma = -1
    after = [m for pattern, side in tables.speech if side != "after"
             for m in [pattern.search(text, nation.end, end if comma >= 0 else reach)] if m is not None]
    if after:
        verb = min(after, key=lambda m: m.start())
        phrase, said = (nation.end, verb.start()), verb.end()
        if 0 <= comma < verb.start():  # the verb closes the clause: "ABD ordusu, askerlerin ... açıkladı"
            phrase, said = (nation.end, comma), comma
    else:  # verb first: "وقال الجيش الأمريكي، الذي ...، إن القوات"
        lo = max(0, nation.start - VERB_FIRST_GAP)
        before = [m for pattern, side in tables.speech if side == "both"
                  for m in pattern.finditer(text, lo, nation.start)]
        that = CUES.that.search(text, nation.end, reach)
        if not before or that is None or len(text[before[-1].end():nation.start].split()) > VERB_FIRST_WORDS \
                or re.search(r"[,،.;:!?]", text[before[-1].end():nation.start]):
            return None
        phrase, said = (nation.end, that.start()), that.end()
    if any(phrase[0] <= o.start and o.end <= phrase[1] for o in others if o is not nation):
        return None  # a sector or another nation stands between: the verb has another subject or object
    between = _PARENTHESIS.sub(" ", text[phrase[0]:phrase[1]])
    relative = CUES.relative.search(between)
    if relative is not None:  # ", which runs the CMCC,": a clause about the speaker, up to its closing comma
        opening = max(between.rfind(",", 0, relative.start()), between.rfind("،", 0, relative.start()))
        if opening >= 0 and not between[opening + 1:relative.start()].strip():
            closing = min((i for i in (between.find(",", relative.end()), between.find("،", relative.end()))
                           if i >= 0), default=-1)
            between = between[:opening] + (between[closing + 1:] if closing >= 0 else "")
    if re.search(r"[,،.;:!?]", between.strip(" ,،")) or CUES.hard_break.search(between):
        return None  # "Deir al-Balah will be led by Albania, three officials told Reuters": they speak
    if len(re.sub(r"^['’]s?", "", between.strip(" ,،")).split()) > SPEAKER_WORDS:
        return None
    return said


def _speakers_own(text: str, start: int, end: int, named: list[Mention], speaking: list[Mention],
                  gazetteer: Gazetteer, said_text: str) -> Mention | None:
    """The nation whose own office speaks a sentence about "the troops" that nothing names the owner of
    ("Indonesia's army chief said the troops will be in Rafah"): the troops are that nation's. Only when the
    sentence names no other nation (nor the whole force), its one nation heads who speaks (:func:`_speaking_nation`:
    a contributor, never a party: "Israel's army chief said the troops…" places no one, nor the force's leader),
    what it says opens on the troops ("said (that) the troops…"; not "said it has made no decision on sending the
    troops"), the
    speaker is that nation's own military office (``nation-official``, its title named by a word for troops: "army
    chief", "military spokesman"; a ministry or a minister may speak of the force's troops), and the sentences
    before name no nation and no force the troops could belong to (a contingent named there is what "the troops"
    refer to)."""
    if len(speaking) != 1 or {n.key for n in named} != {speaking[0].key} or CUES.force.search(text, start, end) \
            or speaking[0].key in FORCE_LEADERS | OWN_RAFAH:
        return None
    if _owner_named_before(text, start, gazetteer):
        return None
    nation = speaking[0]
    said_at = _said_from(text, nation, named, end)
    if said_at is None:
        return None
    opening = _SAID_OPENING.match(text, said_at).end()
    after_that = (CUES.that.match(text, opening) or _COMPLEMENTIZER.match(text, opening)).end()
    if not (CUES.backref.match(text, opening) or CUES.backref.match(text, _SAID_OPENING.match(text, after_that).end())):
        return None  # "said it has made no decision on sending the troops": what is said is not about them
    said = detect(said_text, start, end, nation.key, gazetteer.find_nations)
    if said.attribution.said_by != "nation-official":
        return None
    # the speaker's phrase: the words right before the nation ("le chef de l'armée indonésienne") up to the office
    # the reader named after it ("Indonesia's military spokesman")
    office = said.attribution.speaker.split(" (", 1)[0]
    at = text.find(office, nation.start, end) if office else -1
    hi = max(nation.end, at + len(office) if at >= 0 else nation.end)
    if not CUES.troops.search(text, _unit_start(text, nation), hi):
        return None  # "Egypt's foreign ministry said the troops…": a ministry may speak of the force's troops
    return nation


_SAID_OPENING = re.compile(r"[\s,،:\"“”«»'‘’，、：「」『』]*")  # CJK text writes its comma, colon and quotes full-width
_COMPLEMENTIZER = re.compile(r"(?:\w{1,5}(?=\s))?")  # "that", "que", "dass", "bahwa" (where no ``that`` table has it)


def _owner_named_before(text: str, start: int, gazetteer: Gazetteer) -> bool:
    """True when one of the LOOKBACK sentences before ``start`` names a nation or the whole force."""
    for _ in range(LOOKBACK):
        before = _sentence_before(text, start)
        if before is None or before[0] >= start:
            return False
        if gazetteer.find_nations(text[before[0]:before[1]], before[0]) or CUES.force.search(text, *before):
            return True
        start = before[0]
    return False


def _or_the_speakers(previous: Previous, own: Mention | None) -> Previous:
    """``previous``, or (when it finds no contingent) the speaker's own nation ``own``."""
    if own is None:
        return previous
    return lambda: (previous() if callable(previous) else previous) or own


def _sector_chain(text: str, sectors: list[Mention], anchor: Mention) -> list[Mention]:
    """``anchor`` and the sectors listed with it ("Khan Yunis and Rafah", "Refah ve Han Yunus", "رفح وخان يونس")."""
    ordered = sorted((m for m in sectors if m.kind == "sector"), key=lambda m: m.start)
    if anchor not in ordered:
        return [anchor]
    i = ordered.index(anchor)
    lo = hi = i
    while lo > 0 and _listed(text, ordered[lo - 1], ordered[lo]):
        lo -= 1
    while hi + 1 < len(ordered) and _listed(text, ordered[hi], ordered[hi + 1]):
        hi += 1
    return ordered[lo:hi + 1]


def _listed(text: str, first: Mention, second: Mention) -> bool:
    """True when two sectors are one list: "Rafah and Khan Yunis", or "not only in Rafah but also in Khan Yunis"."""
    return bool(CUES.list_joiner.match(text[first.end:second.start])) or _also_joined(text, first, second) is not None


NOT_ONLY_REACH = 40  # characters before a sector searched for "not only" ("nicht nur in der Stadt")
ALSO_GAP = 45  # characters between the two sectors of "not only in A but also in B"


def _not_only(text: str, sector: Mention) -> Span | None:
    """The span of a sector's "not only": right before it ("not only in Rafah", "nicht nur in Rafah", "sadece
    Refah'ta", "不仅在拉法"), or an "only" right after it ("ラファだけでなく", "라파뿐만 아니라", "Рафахта ғана емес",
    "رفح فحسب")."""
    before = CUES.not_only.search(text, max(0, sector.start - NOT_ONLY_REACH), sector.start)
    if before is not None:
        return before.span()
    after = CUES.only_after.match(text, sector.end)
    return after.span() if after is not None else None


def _also_joined(text: str, first: Mention, second: Mention) -> Span | None:
    """The first sector's "not only" when it opens that sector and "but also" alone stands between it (or its
    postposed "only") and the second ("nicht nur in Rafah, sondern auch in Chan Junis", "sadece Refah'ta değil, Han
    Yunus'ta da", "라파뿐만 아니라 칸유니스에도"): both are placed; None when the two are not so joined."""
    if not 0 <= second.start - first.end <= ALSO_GAP or (not_only := _not_only(text, first)) is None:
        return None
    only = CUES.only_after.match(text, first.end)  # "тек Рафахта ғана емес": an "only" on both sides
    return not_only if CUES.but_also.fullmatch(text, only.end() if only else first.end, second.start) else None


def _area(text: str, sectors: list[Mention], sector: Mention) -> tuple[str, ...]:
    """Both sectors when ``sector`` is one of a pair naming one site between them ("between Rafah and Khan Yunis",
    "بين رفح وخان يونس", "Refah ile Han Yunus arasındaki"); else ``()``."""
    if sector.kind != "sector":
        return ()
    chain = _sector_chain(text, sectors, sector)
    if len(chain) == 1:  # "ハンユニスと最南部ラファの間": a joiner, then a word, then the other sector
        ordered = sorted((m for m in sectors if m.kind == "sector"), key=lambda m: m.start)
        i = ordered.index(sector) if sector in ordered else -1
        pairs = [(ordered[j], ordered[j + 1]) for j in (i - 1, i) if j >= 0 and j + 1 < len(ordered)]
        chain = next(([a, b] for a, b in pairs
                      if b.start - a.end <= 10 and CUES.joiner_start.match(text, a.end, b.start)), chain)
    if len(chain) != 2 or chain[0].key == chain[1].key:
        return ()
    before = text[max(0, chain[0].start - 40):chain[0].start]
    after = text[chain[1].end:chain[1].end + 30]
    if CUES.between_before.search(before) or CUES.between_after.search(after):
        return (chain[0].key, chain[1].key)
    return ()


def _assigned_nation(text: str, clause_nations: list[Mention], cue: _Cue, previous: Previous,
                     clause: Span) -> Mention | None:
    """The one nation an assignment cue places: the only contributor in the clause, the one whose troops are
    named when there are several, or (for "the troops", "mereka") the contingent of the sentence before."""
    keys = {n.key for n in clause_nations}
    if len(keys) == 1:
        return clause_nations[0]
    if len(keys) > 1:
        troops = _contingent(text, clause_nations)
        if len({n.key for n in troops}) == 1 and not any(_in_list(n, clause_nations, text) for n in troops):
            return troops[0]
        return None
    return _referred_back(text, clause, previous)


def _referred_back(text: str, clause: Span, previous: Previous) -> Mention | None:
    """The contingent of the sentences before that "the troops", "their", "mereka" in ``clause`` refer to; None
    when nothing refers back or the clause speaks of the whole force ("the troops of the ISF"). ``previous`` is
    looked for only now: most clauses stop earlier."""
    lo, hi = clause
    if not CUES.backref.search(text, lo, hi) or CUES.force.search(text, lo, hi):
        return None
    return previous() if callable(previous) else previous


SITE_OBJECT_REACH = 40  # characters from the words saying whom a site is for to the contingent they name


def _site_named_before(findings: list[Finding], text: str, start: int, end: int,
                       gazetteer: Gazetteer) -> list[Finding]:
    """``findings`` and a lead where this sentence names a site in one sector and no nation, and the sentence right
    after it (same paragraph, no sector of its own) opens by referring back to that site and saying whom it is for,
    one nation's troops ("En Jan Yunis se levanta ya un campamento. Está destinado a los militares marroquíes", "A
    Khan Younis è in costruzione un accampamento. È destinato ai militari marocchini", "Në Khan Junis po ndërtohet
    një kamp. Ai është i destinuar për ushtarët marokenë"; the site's sentence names no contributor, a party may
    build it): the mirror of a site the sentence before prepared for a
    nation's troops (_zero_reference). The troops must be the object of those words (within SITE_OBJECT_REACH), with
    no civilians, task or second contributor in that sentence ("Albergará a familias desplazadas, mientras Indonesia
    prepara el envío de sus tropas" places no one); a party or an outlet may be named ("según medios israelíes")."""
    if "\n" in text[start:end] or contributors(text, gazetteer.find_nations(text[start:end], start)):
        return findings  # a party may build it ("El ejército israelí levanta un campamento en Rafah")
    sectors = [m for m in gazetteer.find_sectors(text[start:end], start) if m.kind == "sector"]
    if len({m.key for m in sectors}) != 1 or not (CUES.base.search(text, start, end)
                                                  or CUES.placement.search(text, start, end)):
        return findings
    if CUES.civilian.search(text, start, end) or CUES.force.search(text, start, end):
        return findings
    following = _sentence_after(text, end)
    if following is None:
        return findings  # another paragraph: nothing refers back across it
    after, next_end = following
    opening = CUES.site_for.match(text, after)
    if opening is None or gazetteer.find_sectors(text[after:next_end], after):
        return findings
    nations = contributors(text, gazetteer.find_nations(text[after:next_end], after))
    if len({n.key for n in nations}) != 1 or \
            any(getattr(CUES, kind).search(text, after, next_end) for kind in ("civilian", "task", "force", "shared")):
        return findings
    nation = nations[0]
    if nation.start - opening.end() > SITE_OBJECT_REACH or not (_own_troops(text, nation) or _own_police(text, nation)):
        return findings
    return _with_leads(findings, text, start, next_end, gazetteer, [(nation.key, sectors[0].key)],
                       "a site the sentence after gives to a nation's troops")


def _dropped_subject(text: str, cue: _Cue, previous: Previous) -> Mention | None:
    """The contingent of the sentences before when a lead cue opens its sentence with its subject dropped ("Los
    soldados azerbaiyanos llegarán en junio. Se encargarán de la seguridad en Deir al Balah", "Si occuperanno della
    sicurezza a Deir al-Balah"): in a pro-drop language the verb is the back-reference, so nothing stands before the
    cue to refer back. The back-reference tables hold such verbs only where they open a sentence, so a verb with a
    subject before it ("El hospital se encargará de") is never read so."""
    opening = CUES.backref.match(text, cue.start)
    if opening is None:
        return None
    return _referred_back(text, (cue.start, opening.end()), previous)


def analyse_sentence(text: str, start: int, end: int, gazetteer: Gazetteer,
                     previous: Previous = None, stand_ins: list[Mention] | None = None) -> list[Finding]:
    """The findings of one sentence ``text[start:end]``; ``previous``: the contingent of the sentences before (or
    a function that finds it, called only when a back-reference needs it).

    Parallel halves that share one verb ("インドネシア軍はラファ、モロッコ軍はハンユニスに駐留する", "X's troops in A,
    Y's in B will deploy", "X's troops will be in A, while Y's in B") are read one half at a time, the other
    halves' names hidden: each nation is placed only in its own half's sector, never in the other's. They are read
    so even when the whole sentence gives nothing: a verb placing its one subject ("Azərbaycan əsgərləri Rəfahda,
    Qazaxıstan əsgərləri isə Xan Yunisdə yerləşəcək") places no one in a clause naming two nations' troops."""
    findings = _analyse(text, start, end, gazetteer, previous, stand_ins=stand_ins)
    if stand_ins:  # a sentence naming its sector only by "there": read as it stands, no pairs or halves
        return findings
    findings = _site_named_before(findings, text, start, end, gazetteer)
    if _OPEN_PARENTHESIS.search(text, start, end):
        findings = _with_pairs_in_parentheses(findings, text, start, end, gazetteer)
    findings = _with_pairs_at(findings, text, start, end, gazetteer)
    halves = _parallel_halves(text, start, end, gazetteer)
    if not halves:
        return findings
    paired = {(n.key, m.key) for m, n, _ in _paired_list(text, *_sectors_and_contributors(text, start, end, gazetteer))}
    if any((h.nation, h.sector) not in paired and any(h.nation == n or h.sector == m for n, m in paired)
           for h in halves):
        return findings  # "Rafah, para Indonesia; Jan Yunis, para Pakistán": the list's pairs, not its commas' halves
    own = {(h.nation, h.sector) for h in halves}
    halves_nations = {h.nation for h in halves}
    halves_sectors = {h.sector for h in halves}

    def crossed(f: Finding) -> bool:
        return f.nation in halves_nations and f.sector in halves_sectors and (f.nation, f.sector) not in own

    kept = {(f.nation, f.sector, f.role, f.place): f for f in findings if not crossed(f)}
    for half in halves:
        hidden = _hide(text, [m for other in halves if other is not half for m in other.mentions])
        found = [f for f in _analyse(hidden, start, end, gazetteer, previous, said_from=text)
                 if f.nation in (half.nation, None) and f.sector == half.sector and not crossed(f)]
        if half is not halves[0] and not any(f.nation == half.nation for f in found):
            # "..., while Moroccan troops in Khan Yunis": the break word opens a half that has no verb of its own
            opening = CUES.hard_break.match(text, _SPACE.match(text, half.start).end())
            if opening is not None:
                hidden = _blanked(hidden, [opening.span()])
                found += [f for f in _analyse(hidden, start, end, gazetteer, previous, said_from=text)
                          if f.nation == half.nation and f.sector == half.sector]
        for f in found:
            kept.setdefault((f.nation, f.sector, f.role, f.place), f)
    # "라파는 인도네시아, 칸유니스는 파키스탄, 가자시티는 아제르바이잔이 각각 맡는다": halves holding nothing but their
    # names share the verb of the half that holds it, however far it stands
    led = {(f.nation, f.sector) for f in kept.values() if f.role == "lead"}
    if any((h.nation, h.sector) in led for h in halves):
        for half, hi in zip(halves, [*(h.start for h in halves[1:]), end], strict=True):
            if (half.nation, half.sector) not in led and half.nation not in NOT_CONTRIBUTORS \
                    and _bare_half(text, half, hi):
                kept.setdefault((half.nation, half.sector, "lead", None),
                                _sentence_lead(text, start, end, gazetteer, half.nation, half.sector,
                                               "the verb of a parallel half"))
    return list(kept.values())


BARE_HALF_WORDS = 2  # words a half sharing another's verb holds besides its names ("to", a particle: "는", "は")
BARE_HALF_WORD_CHARS = 3


def _bare_half(text: str, half: _Half, hi: int) -> bool:
    """True when a half, from its first name to its end ``hi``, holds nothing but its nation and its sector and a
    short word or two (a particle, a preposition): no verb of its own, so it shares another half's."""
    lo = min(m.start for m in half.mentions)
    rest = _blanked(text, [(m.start, m.end) for m in half.mentions])[lo:hi]
    words = _CLAUSE_PUNCTUATION.sub(" ", rest).split()
    return len(words) <= BARE_HALF_WORDS and all(len(w) <= BARE_HALF_WORD_CHARS for w in words)


_SPACE = re.compile(r"\s*")
_IN_PARENTHESES = re.compile(r"\s*[(（]\s*$")
_OPEN_PARENTHESIS = re.compile(r"[(（]")


def _sectors_and_contributors(text: str, start: int, end: int, gazetteer: Gazetteer,
                              at_least: int = 0) -> tuple[list[Mention], list[Mention]]:
    """The sentence's sector mentions (not places inside one) and its contributing nations (no party); no nations
    are looked for when fewer than ``at_least`` distinct sectors stand in it."""
    sectors = [m for m in gazetteer.find_sectors(text[start:end], start)
               if m.kind == "sector"]
    if len({m.key for m in sectors}) < at_least:
        return sectors, []
    nations = [n for n in contributors(text, gazetteer.find_nations(text[start:end], start))
               if n.key not in NOT_CONTRIBUTORS]
    return sectors, nations


def _with_pairs_in_parentheses(findings: list[Finding], text: str, start: int, end: int,
                               gazetteer: Gazetteer) -> list[Finding]:
    """``findings`` and the leads a sentence pairs in parentheses ("sectors assigned as follows: Indonesia
    (Rafah), Morocco (Khan Younis)", "Rafah (Indonesia), Khan Younis (Morocco)"): one nation and one sector, the
    second alone in parentheses right after the first, in a sentence whose words place troops (an assignment or
    a lead cue, or a placing word with two pairs or more: a list of assignments)."""
    placing = {kind for kind in ("assign", "lead", "deploy", "placement")
               if getattr(CUES, kind).search(text, start, end)}
    if not placing:
        return findings
    sectors, nations = _sectors_and_contributors(text, start, end, gazetteer)
    pairs: dict[tuple[str, str], None] = {}
    for first, second in [*((n, m) for n in nations for m in sectors), *((m, n) for n in nations for m in sectors)]:
        if (second.start > first.end and _IN_PARENTHESES.match(text[first.end:second.start])
                and re.match(r"\s*[)）]", text[second.end:second.end + 3])):
            nation, sector = (first, second) if first.kind == "nation" else (second, first)
            pairs[(nation.key, sector.key)] = None
    if not pairs or (len(pairs) < 2 and not placing & {"assign", "lead"}):
        return findings
    return _with_leads(findings, text, start, end, gazetteer, pairs, "paired in parentheses")


def _sentence_lead(text: str, start: int, end: int, gazetteer: Gazetteer, nation: str, sector: str,
                   how: str) -> Finding:
    """A lead the sentence ``start``–``end`` gives by its shape (a list, a shared verb), with who says it."""
    said = detect(text, start, end, nation, gazetteer.find_nations)
    return Finding(nation, sector, "lead", said.attribution, start, end, None, (how, *said.cues))


def _with_leads(findings: list[Finding], text: str, start: int, end: int, gazetteer: Gazetteer,
                pairs: Iterable[tuple[str, str]], how: str) -> list[Finding]:
    """``findings`` and a lead for each (nation, sector) of ``pairs`` they do not already hold as a lead."""
    have = {(f.nation, f.sector) for f in findings if f.role == "lead"}
    return [*findings, *(_sentence_lead(text, start, end, gazetteer, nation, sector, how)
                         for nation, sector in pairs if (nation, sector) not in have)]


def _with_pairs_at(findings: list[Finding], text: str, start: int, end: int, gazetteer: Gazetteer) -> list[Finding]:
    """``findings`` and the leads of a list that pairs each nation with its sector by a preposition of place alone
    ("Indonesia en Rafah y Pakistán en Jan Yunis: así quedaría el reparto", "a divisão é a seguinte: Indonésia em
    Rafah, Paquistão em Khan Younis e Cazaquistão no norte de Gaza"): two or more pairs of different nations and
    different sectors, each "nation, preposition, sector" with nothing else between, one right after the other with
    only a comma or "and" between (a map key written out, no verb of its own in any pair), opening the sentence or
    right after a colon or a dash."""
    sectors, nations = _sectors_and_contributors(text, start, end, gazetteer, at_least=PAIRS_FOR_A_LIST)
    pairs = []
    for nation in nations:
        for sector in sectors:
            gap = text[nation.end:sector.start]
            if nation.end < sector.start and gap[:1].isspace() and gap[-1:].isspace() \
                    and CUES.at_place.fullmatch(gap.strip()):
                pairs.append((nation, sector))
    pairs.sort(key=lambda p: p[0].start)
    run: list[tuple[Mention, Mention]] = []
    for pair in pairs:
        if run and not CUES.list_joiner.match(text[run[-1][1].end:pair[0].start]):
            if len(run) >= PAIRS_FOR_A_LIST:
                break
            run = []
        run.append(pair)
    if len(run) < PAIRS_FOR_A_LIST or len({n.key for n, _ in run}) != len(run) \
            or len({m.key for _, m in run}) != len(run):
        return findings
    lead_in = text[start:run[0][0].start]
    if lead_in.strip(" \"'“”«»„") and not re.search(r"[:：–—]\s*$", lead_in):
        return findings  # "offices run by Egypt in Rafah and Qatar in Gaza City": the list opens no sentence or key
    return _with_leads(findings, text, start, end, gazetteer, ((n.key, m.key) for n, m in run),
                       "paired by a preposition of place")


@dataclass(frozen=True)
class _Half:
    """One comma-separated part of a sentence naming one nation and one sector (:func:`_parallel_halves`)."""

    nation: str
    sector: str
    mentions: tuple[Mention, ...]  # the part's mentions of both
    start: int  # where the part begins (right after its comma)


# punctuation that ends a clause (one class for every use: a later duplicate of it, without the quotes, was dropped)
_CLAUSE_PUNCTUATION = re.compile(r"[,.;:!?،؛，。、；：！？()\"“”«»]")
JOINED_WORDS = 2  # words between a sector and the nation opening the next half ("Rafah and Pakistani troops in")


def _joined_halves(text: str, sectors: list[Mention], nations: list[Mention]) -> list[int]:
    """Where a half joined without a comma begins: right after a sector that a nation follows within a word or two,
    no punctuation between ("Indonesia in Rafah and Pakistan in Khan Younis", "إندونيسيا في رفح وباكستان في خان
    يونس", "في رفح والقوات المغربية في خان يونس"): the nation after it heads a half of its own."""
    sector_first = _sector_first_cuts(text, sectors, nations)
    if sector_first:
        return sector_first
    return [m.end for m in sectors
            if any(n.start >= m.end and len(text[m.end:n.start].split()) <= JOINED_WORDS
                   and not _CLAUSE_PUNCTUATION.search(text, m.end, n.start) and _sector_after(text, n, sectors)
                   for n in nations)]


def _sector_first_cuts(text: str, sectors: list[Mention], nations: list[Mention]) -> list[int]:
    """Where a half joined without a comma begins when each half names its sector first ("قطاع رفح من نصيب
    إندونيسيا وقطاع خان يونس من نصيب المغرب", "في رفح القوات الإندونيسية وفي خان يونس القوات المغربية", "Rafah
    to Indonesia and Khan Younis to Pakistan"): right after a nation that its sector stands a few words before,
    when another sector follows it within a word or two and a nation follows that one; the run must open with a
    sector (no nation right before it: "Indonesia in Rafah and Pakistan in Khan Younis" names its nations first)."""
    mentions = sorted([*((m, True) for m in sectors), *((n, False) for n in nations)], key=lambda x: x[0].start)

    def close(a: Mention, b: Mention, words: int) -> bool:
        return a.end <= b.start and not _CLAUSE_PUNCTUATION.search(text, a.end, b.start) \
            and len(text[a.end:b.start].split()) <= words

    cuts = []
    for i in range(1, len(mentions) - 2):
        (s1, k1), (n1, k2), (s2, k3), (n2, k4) = mentions[i - 1:i + 3]
        if not (k1 and not k2 and k3 and not k4):
            continue
        if close(s1, n1, GAPPED_WORDS) and close(n1, s2, JOINED_WORDS) and close(s2, n2, GAPPED_WORDS) \
                and not (i >= 2 and not mentions[i - 2][1] and close(mentions[i - 2][0], s1, GAPPED_WORDS)):
            cuts.append(n1.end)
    return cuts


GAPPED_WORDS = 3  # words between the nation opening a joined half and its sector ("and Pakistani troops in")


def _sector_after(text: str, nation: Mention, sectors: list[Mention]) -> bool:
    """True when a sector follows the nation within a few words of its clause (no punctuation between): the nation
    opens a half of its own that shares the verb ("and Pakistan in Khan Younis"), not the rest of a half that named
    its sector first ("Rəfahda isə İndoneziya hərbçiləri olacaq"), nor a clause with a verb of its own ("y Egipto
    condenó los bombardeos sobre Jan Yunis")."""
    return any(m.start >= nation.end and not _CLAUSE_PUNCTUATION.search(text, nation.end, m.start)
               and len(text[nation.end:m.start].split()) <= GAPPED_WORDS for m in sectors)


def _parallel_halves(text: str, start: int, end: int, gazetteer: Gazetteer) -> list[_Half]:
    """The run of parts of a sentence, comma-separated or joined right after a sector (:func:`_joined_halves`),
    that each name exactly one contributing nation and one sector, a different one in each part, or [] when the
    sentence has no such run of two or more."""
    sectors, nations = _sectors_and_contributors(text, start, end, gazetteer, at_least=2)
    if len({m.key for m in sectors}) < 2:
        return []
    # a party's own troops head a half of their own ("インドネシア軍はラファ、イスラエル軍はハンユニスに駐留する"): its
    # sector is no contributor's, though the party is placed nowhere
    nations = sorted([*nations, *(n for n in gazetteer.find_nations(text[start:end], start)
                                  if n.key in NOT_CONTRIBUTORS and _own_troops(text, n)
                                  and not _outlet_nation(text, n))], key=lambda n: n.start)
    cuts = {m.end() for m in _COMMA.finditer(text, start, end)} | set(_joined_halves(text, sectors, nations))
    if not cuts:
        return []
    bounds = [start, *sorted(c for c in cuts if start < c < end), end]
    runs: list[list[_Half]] = [[]]
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        part_nations = [n for n in nations if lo <= n.start < hi]
        part_sectors = [m for m in sectors if lo <= m.start < hi]
        if len({n.key for n in part_nations}) == 1 and len({m.key for m in part_sectors}) == 1:
            runs[-1].append(_Half(part_nations[0].key, part_sectors[0].key, (*part_nations, *part_sectors), lo))
        elif runs[-1]:
            runs.append([])
    for run in runs:
        if len(run) >= 2 and len({h.nation for h in run}) == len(run) == len({h.sector for h in run}):
            return run
    return []


_HIDDEN = "\u2063"  # an invisible separator: neither a letter nor a space, so a hidden sector still parts the words


def _hide(text: str, mentions: list[Mention]) -> str:
    """``text`` with the names of ``mentions`` blanked out (same length: every offset stays valid). A hidden sector
    still stands between the words around it: its preposition ("في رفح وباكستان") does not come to stand right
    before the next name and make it a place; a hidden nation leaves its troops word next to their verb."""
    text = _blanked(text, [(m.start, m.end) for m in mentions if m.kind == "nation"])
    return _blanked(text, [(m.start, m.end) for m in mentions if m.kind != "nation"], _HIDDEN)


def _blanked(text: str, spans: list[Span], filler: str = " ") -> str:
    """``text`` with ``spans`` blanked out (same length: every offset stays valid)."""
    if not spans:
        return text
    chars = list(text)
    for lo, hi in spans:
        chars[lo:hi] = filler * (hi - lo)
    return "".join(chars)


def _analyse(text: str, start: int, end: int, gazetteer: Gazetteer, previous: Previous = None,
             said_from: str | None = None, stand_ins: list[Mention] | None = None) -> list[Finding]:
    """The findings of one sentence, every clause read as it stands (:func:`analyse_sentence`); who says it is
    read from ``said_from`` when given (a half read with the other halves' names hidden: the speaker's own nation
    stays named, "Endonezya Savunma Bakanlığı'na göre …, Azerbaycan askerleri ise …")."""
    sentence = text[start:end]
    sectors = [m for m in gazetteer.find_sectors(sentence, start) if not _crossing(text, m)]  # a crossing: a point
    sectors += stand_ins or []  # "there" standing for the sector of the sentence before
    sectors = [m for m in sectors if not _locates_a_place(text, m, sectors)]
    if not sectors:
        return []
    leads = _cues(CUES.lead, sentence, start)
    # "o envio de tropas para a força": troops sent to the force, not to a sector
    assigns = [c for c in _cues(CUES.assign, sentence, start) if not _sent_to_the_force(text, c)]
    deploys = [c for c in _cues(CUES.deploy, sentence, start) if not _sent_to_the_force(text, c)]
    bases = _cues(CUES.base, sentence, start)
    listing = len(sectors) >= PAIRS_FOR_A_LIST and (_PAIR_MARK.search(sentence) is not None
                                                    or CUES.pair_for.search(sentence) is not None
                                                    or CUES.pair_to.search(sentence) is not None
                                                    or any(CUES.pair_prefix.match(text, _PREFIX_GAP.match(text, m.end)
                                                                                   .end()) for m in sectors))
    if not (leads or assigns or deploys or bases or listing) and not CUES.placement.search(sentence) \
            and not ((CUES.copula.search(sentence) or _headline(text, start, end)) and CUES.troops.search(sentence)):
        return []  # every rule below starts from one of these words (a placement frame too): none is here
    named = gazetteer.find_nations(sentence, start)
    # "the commander of the Indonesian troops will be in Rafah": a person's visit, no placement cue
    deploys = [c for c in deploys if not _headed_by_person(text, c, (start, end), named)]
    corrected = _corrections(text, start, end, sectors, named)  # "not in Rafah but in Khan Younis"
    also = _also_pairs(text, sectors)  # "not only in Rafah but also in Khan Younis": one list, no clause break
    sectors = [m for m in sectors if m not in corrected.sectors and not _left(text, m, start, sectors, named)]
    # "will not be stationed in A but in B": no denial of B; "not only in A": no denial of A
    said_text = _blanked(said_from or text, [*corrected.negations, *(span for _, span in also)])
    if not sectors:
        return []
    nations = [n for n in contributors(text, named) if not _negated_nation(text, n, start) and not _a_place(text, n)
               and not _in_relative_aside(text, n, sectors, start, end)]
    if not CUES.possessive.search(text, start, end):  # "the minister said its troops": the minister's nation's
        speaking = [n for n in nations if _speaking_nation(text, n, [*sectors, *named], end)]
        nations = [n for n in nations if not _persons_nation(text, n) and n not in speaking]
        # "Indonesia's army chief said the troops will be in Rafah": with no one before to refer to, its own troops
        previous = _or_the_speakers(previous, _speakers_own(text, start, end, named, speaking, gazetteer, said_text))
    else:  # "Endonezya askerlerinin … planını ABD Dışişleri Bakanlığı doğruladı": the troops named are Indonesia's
        owners = _possessors(text, start, end, nations)
        if owners:
            nations = [n for n in nations if n in owners or not _persons_nation(text, n)]
    phases = _cues(CUES.phase, sentence, start)
    tasks = _cues(CUES.task, sentence, start)
    clauses = _clauses(text, start, end, nations, [*corrected.joins, *(join for join, _ in also)],
                       [n for n in named if n.key in NOT_CONTRIBUTORS])
    clauses = _two_pair_clauses(text, clauses, nations, sectors)
    found: dict[tuple[str | None, str, str, str | None], Finding] = {}
    placed_by: dict[tuple[str | None, str, str, str | None], tuple[Mention, Span, _Cue]] = {}

    def add(nation: Mention | None, sector: Mention, role: str, clause: Span, cue: _Cue,
            denial_only: bool = False) -> None:
        key = (nation.key if nation else None, sector.key, role, sector.place)
        if key not in found and not _names_a_border(text, sector) and not _names_people(text, sector):
            # "responsible for the border at Rafah", "..., Rafah officials said": no site of the placement
            others = _others_placements(clauses, clause, nations, sectors, key[0]) if key[0] else ()
            said = detect(said_text, start, end, key[0], gazetteer.find_nations, clause, others=others)
            if denial_only and said.attribution.manner == "stated":
                # the placing verb itself negated ("no serán desplegadas"): the passage denies the placement
                said = replace(said, attribution=replace(said.attribution, manner="denied"))
            if denial_only and said.attribution.manner != "denied":
                return  # a negated cue hedged ("podrían no ser desplegadas") places no one
            # a nation's own refusal is its denial and is kept; with another nation named and not the nation's own
            # office speaking ("Israel refused to accept Turkish troops in Rafah") it is that one's stance
            own_denial = said.attribution.manner == "denied" and (
                said.attribution.said_by == "nation-official" or all(n.key == key[0] for n in named))
            if nation is not None and not own_denial and (
                    _no_placement(text, clause, sector, named, (start, end))
                    or _offer_refused_before(text, (start, end), nation, gazetteer)):
                return
            placed_by[key] = (sector, clause, cue)
            found[key] = Finding(key[0], sector.key, role, said.attribution, start, end, sector.place,
                                 (cue.text, *said.cues), _area(text, sectors, sector))

    for sector in sectors:
        clause = next((c for c in clauses if c[0] <= sector.start < c[1]), (start, end))

        def in_clause(item: Mention | _Cue, clause: Span = clause) -> bool:
            return clause[0] <= item.start and item.end <= clause[1]

        here = [n for n in nations if in_clause(n)]
        # "will lead Rafah and Khan Yunis": the list of sectors is the cue's one object, each of them led
        in_this = [m for m in sectors if in_clause(m)]
        listed = _sector_chain(text, in_this, sector) if sector.kind == "sector" else [sector]
        for cue in filter(in_clause, leads):
            nearest = min(listed, key=lambda m: _gap(cue.start, cue.end, m.start, m.end))
            if _gap(cue.start, cue.end, nearest.start, nearest.end) > LEAD_GAP:
                continue
            if any(m not in listed and _between([m], cue.start, cue.end, sector.start, sector.end) for m in sectors):
                continue
            if any(min(cue.end, sector.end) <= t.start and t.end <= max(cue.start, sector.start) for t in tasks):
                continue
            if _near_another_place(text, cue, sector, nations) or _negated(text, sector, clause):
                continue  # "command in El Arish near Rafah", "not in Rafah"
            nation = _subject(cue, here, sectors, sector, text)
            # "The Balkan country will be responsible for North Gaza"; a nation named only after the sector, beyond
            # a subject's reach (the speaker's "…, said the Indonesian army's spokesman"), is not the cue's subject
            if nation is None and not any(n.start < max(cue.end, sector.end) for n in here):
                nation = _referred_back(text, (clause[0], cue.start), previous) or _dropped_subject(text, cue, previous)
            if nation is not None:
                add(nation, sector, "lead" if sector.kind == "sector" else "troops", clause, cue)
        for cue in filter(in_clause, bases):
            if _gap(cue.start, cue.end, sector.start, sector.end) > BASE_GAP:
                continue
            if any(n.key in NOT_CONTRIBUTORS and _gap(n.start, n.end, cue.start, cue.end) <= PARTY_BASE_GAP
                   for n in named):
                continue  # "Hamas bases", "哈马斯基地", "ハマスの拠点", "an Israeli base": a party's own site
            if _party_builds(text, clause, cue, here, named):
                continue  # "이스라엘군은 라파에 새 전진기지를 세웠다": the party's own base
            if _between(sectors, cue.start, cue.end, sector.start, sector.end, exclude=sector):
                continue
            if _for_civilians(text, cue, sector, clause, site=True):
                continue  # "a camp for displaced families in Rafah", "köçkün ailələr üçün baza": not a troop base
            shared = CUES.shared.search(text, *clause)  # "a multinational base": the force's, no one nation's
            add(None if shared else _subject(cue, here, sectors, sector, text), sector, "base", clause, cue)
        for cue in filter(in_clause, deploys):
            if _gap(cue.start, cue.end, sector.start, sector.end) > DEPLOY_GAP or _object_after(cue, sector, sectors):
                continue
            lo, hi = min(cue.end, sector.end), max(cue.start, sector.start)
            if CUES.strip.search(text, lo, hi):  # the cue is about the Strip as a whole
                continue
            if cue.end < sector.start and _strip_before(text, cue, clause[0]):
                continue  # "가자지구에 배치되면 라파 …", "ガザに展開すれば、ラファの…": the verb's place is before it
            if sector.start > cue.start and (CUES.task.search(text, cue.start, sector.start)
                                             or _civilians_in(text, cue.start, sector.start)):
                continue  # "inviato aiuti umanitari a Rafah": aid sent, not troops
            if _equipment_only(text, cue, sector, clause):
                continue
            if any(n.key in NOT_CONTRIBUTORS and cue.start <= n.start and n.end <= cue.end for n in named):
                continue  # "il posto delle truppe israeliane a Khan Yunis": a party's own troops, no one else's
            # "troops of five nations, Indonesia's among them, deploy to Rafah": no one nation's
            # «ستنتشر كتيبتنا الأولى في …»، قال المتحدث باسم الجيش الباكستاني: "our battalion", the speaker's army's
            nation = None if CUES.shared.search(text, *clause) else (
                _subject(cue, here, sectors, sector, text)
                or (nations[0] if _speakers_possessed(text, clause, nations) else None))
            phase = any(in_clause(p) and _gap(p.start, p.end, cue.start, cue.end) <= PHASE_GAP for p in phases)
            if sector.kind == "sector" and phase:
                add(nation, sector, "deployment-phase", clause, cue)
            elif nation is not None:
                add(nation, sector, _deployed(text, nation, cue, sector), clause, cue,
                    _negated_cue(said_text, cue, sector, named))
        if sector.kind != "sector":
            continue
        if len({m.key for m in sectors if in_clause(m) and m.kind == "sector"}) > 2:
            continue  # "stationed in five sectors: Rafah, Khan Yunis, ...": the whole force, not one contingent
        for cue in filter(in_clause, assigns):
            chain = _sector_chain(text, [m for m in sectors if in_clause(m)], sector)
            if min(_gap(cue.start, cue.end, m.start, m.end) for m in chain) > ASSIGN_GAP:
                continue
            lo, hi = min(cue.end, chain[0].end), max(cue.start, chain[0].start)
            if cue.start >= chain[0].end and any(m not in chain and m.kind == "sector" and lo <= m.start
                                                 and m.end <= hi for m in sectors):
                continue  # "a camp is set up in Rafah, Azerbaijani troops in Khan Yunis will stay": the nearer one's
            if cue.end <= chain[0].start and any(m.key not in {c.key for c in chain} and m.kind == "sector"
                                                 and lo <= m.start and m.end <= hi
                                                 and _between(named, m.start, m.end, chain[0].start, chain[0].end)
                                                 for m in sectors):
                continue  # "se desplegarán en Rafah y Egipto condenó … Jan Yunis": another subject's sector
            if (CUES.task.search(text, lo, hi) or _civilians_in(text, lo, hi)
                    or _near_another_place(text, cue, chain[0], nations) or _negated(text, sector, clause)
                    or CUES.shared.search(text, *clause) or _equipment_only(text, cue, chain[0], clause)):
                continue
            nation = _assigned_nation(text, here, cue, previous, clause)
            if nation is None:
                continue
            nation = _gapped_nation(text, here, chain) or nation  # "..., Albania in Deir al-Balah": shared verb
            # "initially stationed in Rafah" is the force's first phase, unless one nation's own troops are meant
            # ("the Indonesian contingent will be stationed first in Rafah", "its troops will first be stationed in")
            if (any(in_clause(p) and _gap(p.start, p.end, cue.start, cue.end) <= 40 for p in phases)
                    and not (nation in here and _contingent(text, [nation]))
                    and not CUES.possessive.search(text, *clause)):
                continue
            # a medical unit stationed is not a lead; a police contingent given a sector is (README of tests/realworld)
            role = _deployed(text, nation, cue, sector)
            add(nation, sector, "lead" if role in ("troops", "police") else role, clause, cue,
                _negated_cue(said_text, cue, sector, named))
    parties = [n for n in named if n.key in NOT_CONTRIBUTORS]  # outlets ("Israel Hayom") are told apart later
    cues_found = {"deploy": deploys, "assign": assigns, "base": bases, "phase": phases}
    have_lead = {(key[0], key[1]) for key in found if key[2] == "lead"}
    for sector, nation, clause, cue in _placement_frames(text, start, end, sectors, nations, clauses, previous,
                                                         parties, cues_found, have_lead, named):
        # a medical unit or field hospital placed is not a contingent's lead (README: troops or police)
        lo = max(clause[0], min(_unit_start(text, nation), cue.start, sector.start))
        hi = max(nation.end, cue.end, sector.end)
        role = "medical" if CUES.medical.search(text, lo, min(hi, clause[1])) or _medical_site(text, sector) else "lead"
        if (nation.key, sector.key, "lead", None) not in found:
            add(nation, sector, role, clause, cue, _negated_cue(said_text, cue, sector, named))
    for nation, sector, clause, cue in _gapped_halves(text, clauses, nations, sectors, placed_by):
        if (nation.key, sector.key, "lead", None) not in found:
            add(nation, sector, "lead", clause, cue)
    for sector, nation, mark in _respective_pairs(text, start, end, sectors, nations):
        if (nation.key, sector.key, "lead", None) not in found:
            add(nation, sector, "lead", next((c for c in clauses if c[0] <= sector.start < c[1]), (start, end)), mark)
    if listing:
        for sector, nation, mark in _paired_list(text, sectors, nations):
            if (nation.key, sector.key, "lead", None) not in found:
                add(nation, sector, "lead", next((c for c in clauses if c[0] <= sector.start < c[1]), (start, end)),
                    mark)
    # a lead says more than troops or a first deployment by the same nation in the same sector
    leads_of = {(f.nation, f.sector) for f in found.values() if f.role == "lead"}
    return [f for f in found.values()
            if f.role not in _DEPLOYED or (f.nation, f.sector) not in leads_of]


# The placement frame (README of tests/realworld: a lead is one nation's troops or police placed in a sector).
_POSSESSIVE_GAP = re.compile(r"\s|['’]s\s")
PARTY_WORD_GAP = 3  # a party's name this close before a placing word makes the word the party's ("Israeli control")
FRAME_GAP = 90  # a placement word to the nearest sector of its pair or list
FRAME_REACH = 160  # the contingent to the placement word or the sector
ANTECEDENT_REACH = 120  # a contingent referred back to has troops named this close ("thousands of Indonesian soldiers")
FRAME_OBJECT_GAP = 25  # a placing verb whose own object is the Strip does not reach a sector farther than this
STRIP_BEFORE_VERB = 3  # the Strip this close before a placing word ("가자지구에 배치") is that word's place
_VERB_LAST_SCRIPT = re.compile(r"[\uac00-\ud7af\u3040-\u30ff\u4e00-\u9fff]")
_PUNCTUATION_ANY = re.compile(r"[,.;:!?，。、；：！？]")
FRAME_PHASE_GAP = 50  # a phase word this close makes the clause the force's sequence, unless a contingent is named
# verbs placing their subject ("stationed", "will be deployed in", "wird … eingesetzt"); a base or an area needs troops
_MOVING = frozenset({"assign", "deploy"})
NOT_AT_GAP = 6  # a negation ending this close before a sector excludes it
FORCE_TROOPS_GAP = 15  # "ISF troops", "قوات قوة الاستقرار": troops of the whole force
NEAR_WINDOW = 45  # a named place this close before "near <sector>" is where the site is
OBJECT_AFTER_GAP = 5  # a sector this close after a cue ("troops in Rafah", "troops in the Rafah area") is its object
GAPPED_GAP = 12  # "Albania in Deir al-Balah", "Shqipëria në", "Albanian ones in": a nation, two words, the sector
_CAPITALISED = re.compile(r"(?<![\w.])[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+")


FOREIGN_GAP = 30  # a nation this close before a sector, with only "city of" between, names a town of its own


_TO_THE_FORCE = re.compile(r"(?:\s+\w+){0,3}?\s+(?:para|a|al|ao|à|to|into|pour|zu|в|во|ke)\s+", re.IGNORECASE)


def _party_builds(text: str, clause: Span, cue: _Cue, here: list[Mention], named: list[Mention]) -> bool:
    """True when a base word's clause has a party (Israel, Hamas) before it and no one else: no contributor, not the
    force, and no troops but the party's own ("The Israeli army built a new base in Rafah", "이스라엘군은 라파에 새
    전진기지를 세웠다"): the party's own base, as "Hamas bases" is (PARTY_BASE_GAP). A base the party prepares for
    others names them ("for Indonesian troops", "for the ISF") and is read as before."""
    parties = [n for n in named if n.key in NOT_CONTRIBUTORS and clause[0] <= n.start < cue.start]
    if not parties or here or CUES.force.search(text, *clause):
        return False
    return all(any(_next_to(p, [m]) for p in parties) for m in _troop_words(text, *clause))


def _sent_to_the_force(text: str, cue: _Cue) -> bool:
    """True when what the placing word sends troops to is the whole force ("o envio de tropas para a força de
    estabilização", "sending troops to the ISF"): troops sent to the force, placed in no sector by this word. The
    force stands right after the word (or its own last word, a preposition the cue ends on), or after "to" a few
    words on."""
    last = re.search(r"\S+\s*$", cue.text)
    starts = [_SPACE.match(text, cue.end).end()] + ([cue.start + last.start()] if last else [])
    if (to := _TO_THE_FORCE.match(text, cue.end)) is not None:
        starts.append(to.end())
    # "to the force's northern sector": a sector of the force, not the force
    return any((m := CUES.force.match(text, at)) is not None and not re.match(r"['’]s\b", text[m.end():m.end() + 3])
               for at in starts)


def _strip_before(text: str, cue: _Cue, lo: int) -> bool:
    """True when the Strip stands right before a placing word ("가자지구에 배치", "ガザに展開", "ke Gaza
    dikerahkan"): a verb that closes its clause has its own place there, not in a sector named after it."""
    strip = list(CUES.strip.finditer(text, max(lo, cue.start - 12), cue.start))
    if not strip or cue.start - strip[-1].end() > STRIP_BEFORE_VERB:
        return False
    # only where the verb closes the clause after its place (Korean, Japanese, Chinese names), with no comma
    # between: "Gaza, stationed in Rafah" keeps its sector
    return bool(_VERB_LAST_SCRIPT.search(strip[-1].group())) and not _PUNCTUATION_ANY.search(text, strip[-1].end(),
                                                                                          cue.start)


def _no_placement(text: str, clause: Span, sector: Mention, nations: list[Mention], sentence: Span) -> bool:
    """True when the clause places no contingent in the Gaza sector although a nation and the sector stand in it:
    a stance for or against it ("Israel opposes Turkish troops in Rafah", "Hamas called for..."), history
    ("stationed in Rafah until 1967"), or the other Rafah ("the Egyptian city of Rafah", "its side of Rafah",
    "رفح المصرية"). A nation's own refusal is a denial and is kept (the caller checks the manner). A headline is
    one unit for a stance however its parts are marked off: a question, then a party's answer on the same line
    ("터키군 라파 주둔?…이스라엘 '용납 못해'"), reads as the same line joined by "…" alone does."""
    if _stance(text, clause, sentence) or CUES.past.search(text, *clause):
        return True
    if _headline(text, *sentence) and _opposes(text, _line(text, *sentence)):
        return True
    if CUES.own_side.search(text, max(0, sector.start - 30), sector.start) or CUES.own_border.search(text, *clause):
        return True
    for n in nations:
        if n.end <= sector.start and sector.start - n.end <= FOREIGN_GAP:
            gap = text[n.end:sector.start].strip()
            if CUES.foreign_side.fullmatch(gap) or (not gap and CUES.at_town.search(text, max(0, n.start - 8),
                                                                                      n.start)):
                return True
        if sector.end <= n.start and text[sector.end:n.start] == " " and n.surface.startswith("ال") \
                and not CUES.troops.search(text, n.end, min(clause[1], n.end + TROOP_GAP)):
            return True  # "رفح المصرية": an adjective agreeing with the town, the town of that nation
    return False


def _opposes(text: str, span: Span) -> bool:
    """True when an opposition word stands in ``span`` outside a negated stance ("does not oppose", "لا تعارض",
    "n'est pas opposé": the placement it speaks of stands)."""
    negated = [m.span() for m in CUES.not_opposed.finditer(text, *span)]
    return any(not any(a <= m.start() < b for a, b in negated) for m in CUES.opposed.finditer(text, *span))


def _stance(text: str, clause: Span, sentence: Span) -> bool:
    """True when the clause takes a stance on a placement ("Israel opposes Turkish troops in Rafah"), or the
    sentence refuses an offer of one ("Turkey offered troops for Rafah, but Israel refused", "Israel lehnte das
    Angebot der Türkei ab, Truppen nach Rafah zu entsenden"): the refusal may stand in another clause."""
    return _opposes(text, clause) or bool(CUES.offer.search(text, *sentence)) and _opposes(text, sentence)


def _offer_refused_before(text: str, sentence: Span, nation: Mention, gazetteer: Gazetteer) -> bool:
    """True when the sentence offers a nation's troops ("Ankara had offered to guard Rafah", "tentara Turki siap
    menjaga Rafah jika diminta") and the sentence right before, in the same paragraph, refuses that nation's
    troops ("Israel rejects Turkish troops."): news gives the refusal first and the offer after it as background;
    the offer places no one, as a refusal in its own sentence does (:func:`_stance`). The refusal must name the
    nation: one of something else ("Hamas rejected disarmament. Turkey offered troops for Rafah") leaves it."""
    if not CUES.offer.search(text, *sentence):
        return False
    before = _sentence_before_in_paragraph(text, sentence[0])
    if before is None or not _opposes(text, before):
        return False
    return nation.key in {n.key for n in gazetteer.find_nations(text[before[0]:before[1]], before[0])}


CROSSING_REACH = 30  # a crossing word this close before a sector ("point de passage de Rafah") names the crossing
_CROSSING_GAP = re.compile(r"[ \-‐]{0,3}")  # between a sector's name and a crossing word after it
_CROSSING_LINK = r"(?:[\s\-‐]+[^\s\-‐]{1,4}){0,2}[\s\-‐]*$"  # up to two short words: "de", "of the", "di"


_LOCATING_GAP = re.compile(r"(?:\s|'s\s|’s\s|의\s)")


def _locates_a_place(text: str, sector: Mention, mentions: list[Mention]) -> bool:
    """True when a sector's name only locates a place inside it that follows right after ("가자지구 북부
    베이트하눈에", "northern Gaza's Beit Hanoun"): the site is the place (a place never gives a lead)."""
    return sector.kind == "sector" and any(
        m.kind != "sector" and m.key == sector.key and _LOCATING_GAP.fullmatch(text, sector.end, m.start)
        for m in mentions)


def _crossing(text: str, sector: Mention) -> bool:
    """True when the mention names a border crossing or gate, not a sector: "the Rafah crossing", "معبر رفح",
    "Grenzübergang Rafah", "le point de passage de Rafah" (a listed place or a crossing word next to the name)."""
    if CUES.crossing.search(sector.surface):
        return True
    if CUES.crossing.match(text, _CROSSING_GAP.match(text, sector.end).end()):  # "Rafah өткізу пункті": two words
        return True
    before = text[max(0, sector.start - CROSSING_REACH):sector.start]
    return any(re.fullmatch(_CROSSING_LINK, before[m.end():]) for m in CUES.crossing.finditer(before))


LEAVE_WORDS = 6  # words between a word of leaving or visiting and its sector ("withdraw the troops it deployed in")
LEAVE_REACH = 100  # characters before a sector searched for such a word


PARTY_LEAVING_WORDS = 3  # words between a party's name and its leaving ("Israeli forces withdraw from Rafah")


def _party_leaves(text: str, at: int, named: list[Mention]) -> bool:
    """True when a party (Israel, Hamas) is the subject of the leaving at ``at``, a few words before it with no
    punctuation between ("Israeli forces withdraw from Rafah", "the Israeli army's withdrawal"): the sector it leaves
    is the one the force takes over, not one it leaves."""
    return any(n.key in NOT_CONTRIBUTORS and n.end <= at and len(text[n.end:at].split()) <= PARTY_LEAVING_WORDS
               and not _CLAUSE_PUNCTUATION.search(text, n.end, at) for n in named)


def _left(text: str, sector: Mention, start: int, sectors: list[Mention], named: list[Mention]) -> bool:
    """True when the sector is a place troops leave or someone visits, not one anyone is placed in: a word of leaving,
    withdrawing, evacuating or visiting (``leave``: "withdrew from", "pulled out of", "visited", "toured", "a trip
    to", "evacuated patients from", "redeployed from") takes it as its object or source a few words on, in the same
    clause, with no verb group of its own between ("withdraw the troops it deployed in Rafah"; not "troops who
    withdrew from Lebanon will be deployed in Rafah": an auxiliary, or a source of its own before another name, stands
    between), or the words right after it close its clause on leaving it (``leave_after``: "the troops in Rafah had
    been withdrawn", "ラファから撤退した", "라파에서 철수했다", "Refah'tan çekildi"). "Redeployed from Rafah to Khan
    Younis" leaves Rafah and places in Khan Younis; "after Israeli forces withdraw, Indonesian troops will enter
    Rafah" leaves nothing (a comma ends the leaving clause)."""
    # the case ending may be read as part of the name ("Refah'tan çekildi") or follow it ("ラファから撤退")
    if any(m.start() <= sector.end < m.end()
           for m in CUES.leave_after.finditer(text, sector.start + 1, min(len(text), sector.end + LEAVE_REACH))):
        return not _party_leaves(text, sector.start, named)  # "Israeli troops in Rafah will be withdrawn"
    lo = max(start, sector.start - LEAVE_REACH)
    cut = max((m.end() for m in _CLAUSE_PUNCTUATION.finditer(text, lo, sector.start)), default=lo)
    cut = max([cut, *(m.end() for m in CUES.hard_break.finditer(text, cut, sector.start))])
    speech = load_tables(LANG_DIR, reading()).any_cue
    for m in CUES.leave.finditer(text, cut, sector.start):
        between = text[m.end():sector.start]
        words = between.split()
        if len(words) > LEAVE_WORDS or any(CUES.auxiliary.fullmatch(w) for w in words):
            continue
        if speech is not None and speech.search(between):
            continue  # "visited Jakarta and said the troops in Rafah": what is said is not the visit's
        if any(m.end() <= o.start and o.end <= sector.start for o in sectors if o is not sector):
            continue  # "trasladadas de Rafah a Jan Yunis": the nearer sector is the one left
        if _party_leaves(text, m.start(), named):
            continue  # "after Israeli forces withdraw from Rafah, Indonesian troops will be stationed there"
        # a source of its own before another name ("withdrew from Lebanon to ... Rafah"): not this sector's
        if any(len(text[s.end():sector.start].split()) > 1 for s in CUES.source.finditer(text, m.end(), sector.start)):
            continue
        return True
    return False


CORRECTED_REACH = 25  # a correction word to the sector named instead ("but in the city of Khan Younis")
_CORRECTION_GAP = re.compile(r"[\s,،，、]*")


@dataclass(frozen=True)
class _Corrections:
    """What :func:`_corrections` finds in a sentence."""

    sectors: list[Mention]  # the sectors corrected: placed by no rule
    joins: list[Span]  # from each to the sector named instead: no clause break inside
    negations: list[Span]  # the verb's negation the correction answers: it denies nothing of the sector after


def _corrections(text: str, start: int, end: int, sectors: list[Mention], named: list[Mention]) -> _Corrections:
    """The sectors a sentence names only to correct them, and the stretches from each to the sector named instead:
    "not in Rafah but in Khan Younis", "nicht in Rafah, sondern in Chan Junis", "bukan di Rafah melainkan di Khan
    Younis", "ラファではなくハンユニスに" (a negation right before or after the sector), or "will not be stationed in
    Rafah but in Khan Younis" (the clause's verb negated, a correction word after the sector). The corrected sector
    is placed by no rule; a clause break in the stretch ("but") joins the sector named instead to the verb, and a
    negated verb is no denial of it ("will not be stationed in Rafah but in Khan Younis" places them there)."""
    out: list[Mention] = []
    joins: list[Span] = []
    negations: list[Span] = []
    for sector in sectors:
        clause_start = max((m.end() for m in CUES.hard_break.finditer(text, start, sector.start)), default=start)
        correction = _correction_after(text, sector, end, sectors)
        after = [m for m in sectors if m.key != sector.key and correction is not None
                 and 0 <= m.start - correction.end() <= CORRECTED_REACH
                 and not _between(named, sector.start, sector.end, m.start, m.end)  # "but Morocco's in B": another's
                 and _named_alike(text, sector, correction, m, clause_start)]
        negation = list(CUES.negation.finditer(text, clause_start, sector.start))
        if _negated(text, sector, (start, end)) or (after and negation and _not_only(text, sector) is None):
            out.append(sector)
        if after and sector in out:
            joins.append((sector.end, after[0].start))
            if negation:  # "nicht in Rafah stationiert, sondern in Chan Junis": the negation is answered
                negations.append(negation[-1].span())
    return _Corrections(out, joins, negations)


PREPOSITION_CHARS = 4  # a word this short right before a sector is its preposition ("in", "v", "στη", "à")


def _named_alike(text: str, sector: Mention, correction: re.Match[str], instead: Mention, clause_start: int) -> bool:
    """True when the sector named instead is named as the corrected one was: after a preposition when it had one
    ("not in Rafah but in Khan Younis"); "not stationed in Rafah, but Khan Younis remains under Israeli control"
    names Khan Younis as a new clause's subject, corrects nothing. A negation right before the sector ("nem
    Rafahban", "ليس برفح") is no preposition."""
    before = text[clause_start:sector.start].split()
    if not before or len(before[-1]) > PREPOSITION_CHARS:
        return True
    negations = [*CUES.negation.finditer(text, clause_start, sector.start),
                 *CUES.not_at.finditer(text, clause_start, sector.start)]
    if any(m.end() >= sector.start - len(before[-1]) - 1 for m in negations):
        return True
    link = text[correction.start():instead.start].split()
    return len(link) >= 2 and len(link[-1]) <= PREPOSITION_CHARS


CORRECTION_VERB_REACH = 40  # a negated sector to a correction after the clause's verb ("nem Rafahban állomásoznak
CORRECTION_VERB_WORDS = 3  # majd, hanem"): at most this many words between


def _correction_after(text: str, sector: Mention, end: int, sectors: list[Mention]) -> re.Match[str] | None:
    """The correction word after a sector: right after it ("nicht in Rafah, sondern"), or after the few words of
    the clause's verb ("nem Rafahban állomásoznak majd, hanem", "nebudou v Rafahu rozmístěny, ale"), with no
    other sector and no sentence punctuation between."""
    correction = CUES.correction.match(text, _CORRECTION_GAP.match(text, sector.end).end(), end)
    if correction is not None:
        return correction
    correction = CUES.correction.search(text, sector.end, min(end, sector.end + CORRECTION_VERB_REACH))
    if correction is None:
        return None
    between = text[sector.end:correction.start()]
    if (len(between.split()) > CORRECTION_VERB_WORDS or re.search(r"[.;:!?()\"“”«»]", between)
            or any(sector.end <= m.start < correction.start() for m in sectors)):
        return None
    return correction


def _also_pairs(text: str, sectors: list[Mention]) -> list[tuple[Span, Span]]:
    """For each "not only in A but also in B": the stretch from A to B (no clause break inside: "sondern auch",
    "но и", "hanem ... is") and the "not only" before A (no negation, no denial)."""
    ordered = sorted(sectors, key=lambda m: m.start)
    out = []
    for first, second in zip(ordered, ordered[1:], strict=False):
        if (not_only := _also_joined(text, first, second)) is not None:
            # a postposed "only" is blanked with the negation after it ("ғана емес", "だけでなく")
            negated = not_only if not_only[1] <= first.start else (first.end, second.start)
            out.append(((first.end, second.start), negated))
    return out


VERB_GROUP_WORDS = 4  # auxiliaries and modals a negation may stand before its placing verb ("no van a ser")


def _negated_cue(text: str, cue: _Cue, sector: Mention | None = None, names: list[Mention] | None = None) -> bool:
    """True when a negation stands inside a deployment or assignment cue or before it in its verb group: a cue
    allowing words between its own ("troops will be in", "войска … в") takes the negation in ("войска не будут в
    Рафахе", "wojska nie będą w Rafah"), and the negation right before the verb or before the auxiliaries and
    modals leading to it ("tidak akan dikerahkan", "no van a ser desplegadas", "لن يتم نشر") negates the verb."""
    if any(not _closing_preposition(text, cue, m, sector) for m in CUES.negation.finditer(text, cue.start, cue.end)):
        return True
    if sector is not None and sector.end <= cue.start and _negated_before_sector(text, sector, names or []):
        return True  # verb last: "werden nicht im Süden von Rafah stationiert"
    before = text[max(0, cue.start - 80):cue.start].split()[::-1]
    for word in before[:VERB_GROUP_WORDS + 1]:
        if CUES.negation.fullmatch(word):
            return True
        if not CUES.auxiliary.fullmatch(word):
            return False
    return False


PREPOSITION_WORDS = 4  # words between a cue closing on a preposition and its sector ("no centro de Gaza, em")


def _closing_preposition(text: str, cue: _Cue, negation: re.Match[str], sector: Mention | None) -> bool:
    """True when a negation word closing a cue is the cue's preposition of place, its sector a few words on with no
    verb between: Portuguese "estacionados no centro de Gaza, em Deir al-Balah" ("no", in the), not Spanish "tropas
    indonesias no estarán en Rafah" ("no", not)."""
    if negation.end() != cue.end or sector is None or sector.start < cue.end \
            or not CUES.at_place.fullmatch(negation.group()):
        return False
    gap = (cue.end, sector.start)
    return len(text[gap[0]:gap[1]].split()) <= PREPOSITION_WORDS and not any(
        table.search(text, *gap) for table in (CUES.copula, CUES.auxiliary, CUES.deploy, CUES.assign, CUES.lead))


NEGATION_BEFORE_SECTOR = 40  # a negation this close before a sector its verb follows negates that verb


def _negated_before_sector(text: str, sector: Mention, names: list[Mention]) -> bool:
    """True when, the placing verb following the sector (verb last: "werden nicht im Süden von Rafah stationiert",
    "zullen niet naar Rafah worden gestuurd"), a negation stands a few words before the sector with no clause break,
    no nation ("nicht Indonesien, sondern Marokko") and no "not only" ("nicht nur in Rafah") after it."""
    if _not_only(text, sector) is not None:
        return False
    lo = max(0, sector.start - NEGATION_BEFORE_SECTOR)
    cut = max((m.end() for m in _PUNCTUATION.finditer(text, lo, sector.start)), default=lo)
    negations = list(CUES.negation.finditer(text, cut, sector.start))
    return bool(negations) and not any(negations[-1].end() <= n.start and n.end <= sector.start for n in names)


def _negated(text: str, sector: Mention, clause: Span) -> bool:
    """True when a negation stands right before the sector ("stationed in southern Gaza, not in Rafah") or, in a
    language that puts it after ("라파가 아닌 칸유니스에": in Khan Yunis, not Rafah), right after it; not the
    negation of "not only" ("nicht nur in Rafah", "ei vain Rafahissa", "sadece Refah'ta değil")."""
    if _not_only(text, sector) is not None:
        return False
    if any(m.start() <= sector.end + NOT_AT_GAP
           for m in CUES.not_after.finditer(text, sector.end, min(clause[1], sector.end + 30))):
        return True
    return any(m.end() >= sector.start - NOT_AT_GAP and not _negates_the_verb(text, m, sector, clause)
               for m in CUES.not_at.finditer(text, max(clause[0], sector.start - 30), sector.start))


VERB_AFTER_WORDS = 3  # auxiliaries between a sector and the placing verb closing its clause ("zullen worden ingezet")


def _negates_the_verb(text: str, not_at: re.Match[str], sector: Mention, clause: Span) -> bool:
    """True when a negation right before a sector ("nicht in Rafah") negates the placing verb that closes the clause
    right after the sector, not the sector (verb last: "werden nicht in Rafah stationiert", "zullen niet in Rafah
    worden gestationeerd", "dat … niet in Khan Younis zullen worden ingezet"; English "will not be stationed in
    Rafah"): the words open on a negation the language puts there for its verb (the ``verb_negation`` table; not
    "weder", "noch", "statt": those exclude the sector, and Hungarian "nem Rafahban állomásoznak" negates the
    place), only auxiliaries stand between the sector and the verb, and no comma, dash or list joiner stands right
    before the negation ("im Süden, nicht in Rafah stationiert", "in Chan Junis und nicht in Rafah": a contrast).
    The verb's negation then makes the placement a denial (:func:`_negated_cue`)."""
    if CUES.verb_negation.match(text, not_at.start()) is None:
        return False
    before = text[clause[0]:not_at.start()].split()
    if not before or re.search(r"[,;:،–—\-]$", before[-1]) or CUES.list_joiner.match(before[-1]):
        return False
    verbs = [m.span() for kind in ("deploy", "assign", "lead")
             for m in getattr(CUES, kind).finditer(text, clause[0], clause[1])]
    for i, word in enumerate(re.finditer(r"[^\s,.;:!?]+", text[sector.end:clause[1]])):
        at = sector.end + word.start()
        if any(lo <= at < hi for lo, hi in verbs):
            return True
        if i >= VERB_AFTER_WORDS or not CUES.auxiliary.fullmatch(word.group()):
            return False
    return False


CIVILIAN_WORDS = 3  # words right before a site word or right after the site and sector read for whom it is for
PROTECTED_WORDS = 2  # words between a protecting verb and the civilians that are its object ("protect the displaced")
PROTECT_REACH = 40  # characters either side of a civilian word searched for that verb


def _for_civilians(text: str, cue: _Cue, sector: Mention, clause: Span, site: bool) -> bool:
    """True when the placing word is for civilians: one between it and the sector ("housing for displaced families
    in Rafah"), or, for a site (a base, a camp, an area), in the few words right before it or right after the site
    and the sector ("a base in Rafah for displaced families", "köçkün ailələr üçün baza"): not a troop site.
    Civilians a verb of placing troops or a military base is there to protect are no one the site is for ("a base in
    Rafah to protect displaced families": :func:`_civilians_in`); a camp or housing "to protect" them may be theirs."""
    military = not site or CUES.base.fullmatch(cue.text) is not None
    lo, hi = min(cue.end, sector.end), max(cue.start, sector.start)
    if _civilians_in(text, lo, hi, protected_count=not military):
        return True
    if not site:
        return False
    before = re.search(rf"(?:\S+\s+){{0,{CIVILIAN_WORDS}}}$", text[clause[0]:cue.start])
    after_start = max(cue.end, sector.end)
    after = re.match(rf"(?:\s*\S+){{0,{CIVILIAN_WORDS}}}", text[after_start:clause[1]])
    return any(_civilians_in(text, a, b, protected_count=not military) for a, b in (
        (clause[0] + before.start() if before else cue.start, cue.start),
        (after_start, after_start + (after.end() if after else 0))))


def _civilians_in(text: str, lo: int, hi: int, protected_count: bool = False) -> bool:
    """True when ``text[lo:hi]`` names civilians ("displaced families"); with ``protected_count`` False, not those a
    protecting verb takes as its object ("to protect displaced families", "um die Vertriebenen zu schützen", "köçkün
    ailələri qorumaq üçün"): the troops' task, not whom a site is for."""
    for m in CUES.civilian.finditer(text, lo, hi):
        if protected_count:
            return True
        before = [p for p in CUES.protect.finditer(text, max(0, m.start() - PROTECT_REACH), m.start())
                  if len(text[p.end():m.start()].split()) <= PROTECTED_WORDS]
        after = [p for p in CUES.protect.finditer(text, m.end(), m.end() + PROTECT_REACH)
                 if len(text[m.end():p.start()].split()) <= PROTECTED_WORDS]
        if not (before or after):
            return True
    return False


def _troops_not_the_force(text: str, clause: Span) -> bool:
    """True when the clause names troops or police that are not the whole force's ("the ISF troops")."""
    forces = [m.span() for m in CUES.force.finditer(text, *clause)]
    for kind in ("troops", "police", "backref"):
        found = _troop_words(text, *clause) if kind == "troops" else getattr(CUES, kind).finditer(text, *clause)
        for m in found:
            if not any(_gap(m.start(), m.end(), a, b) <= FORCE_TROOPS_GAP for a, b in forces):
                return True
    return False


def _near_another_place(text: str, cue: _Cue, sector: Mention, nations: list[Mention]) -> bool:
    """True when the placement is at another named place near the sector: "deployed in Sinai near Rafah",
    "headquarters in El Arish, close to Rafah" (a capitalised name between the word and "near"); "mobilised
    near Khan Yunis" stays a placement in the sector."""
    lo = max(0, sector.start - NEAR_WINDOW)
    nears = list(CUES.near.finditer(text, lo, sector.start))
    if not nears or sector.start - nears[-1].end() > 12:
        return False
    lo = max(lo, cue.end if cue.end <= nears[-1].start() else lo)
    names = [m for m in _CAPITALISED.finditer(text, lo, nears[-1].start())
             if not CUES.strip.match(text, m.start()) and not any(n.start <= m.start() < n.end for n in nations)]
    # a script without capitals: a locative and a word that is not the Strip, an area or troops ("في العريش")
    for m in CUES.locative.finditer(text, lo, nears[-1].start()):
        word = re.match(r"\s+(\S+)", text[m.end():nears[-1].start()])
        if word and not any(getattr(CUES, kind).fullmatch(word.group(1)) for kind in ("placement", "troops"))\
                and not CUES.strip.fullmatch(word.group(1)):
            return True
    return bool(names)


# Between a sector's name and a border word after it: a space or dash ("Rafah border", "Rafah-Grenze"), or the
# particle joining two nouns in Japanese, Chinese and Korean ("ラファの国境", "拉法的边境", "라파의 국경").
_BORDER_LINK = re.compile(r"[\s\-‐]{0,2}(?:の|的|의)?\s?")
BORDER_OF_REACH = 60  # characters before a sector searched for a border named by it ("the border with Egypt at")


def _border_after(text: str, sector: Mention) -> bool:
    """True when a border word follows the sector's name: "the Rafah border", "Refah sınırı", "ラファの国境"."""
    link = _BORDER_LINK.match(text, sector.end)
    return link is not None and CUES.border.match(text, link.end()) is not None


def _names_a_border(text: str, sector: Mention) -> bool:
    """True when the sector's name only locates a border: a border word right after it ("the Rafah border",
    "Rafah-Grenze", "Refah sınırı", "ラファの国境", "拉法边境") or one the language names by the place after it
    ("the border at Rafah", "la frontière à Rafah", "الحدود في رفح", "границу в Рафахе", "הגבול ברפיח"). Whoever is
    responsible for that border, guards it or stands on it is not placed in the sector (README of tests/realworld:
    a lead is one nation's troops placed in a sector)."""
    if _border_after(text, sector):
        return True
    return CUES.border_of.search(text, max(0, sector.start - BORDER_OF_REACH), sector.start) is not None


def _names_a_border_or_a_span(text: str, sectors: list[Mention], chain: list[Mention]) -> bool:
    """True when the sectors are one end of something else: a border ("at the Rafah border") or a span to a place
    that is not a sector ("between Jerusalem and Rafah"); a pair of sectors ("between Rafah and Khan Yunis") is
    one site's area."""
    if _border_after(text, max(chain, key=lambda m: m.end)):
        return True
    head = min(chain, key=lambda m: m.start)
    if len({m.key for m in chain}) > 1 or any(m.kind == "sector" and m.key != head.key
                                              and _gap(m.start, m.end, head.start, head.end) <= 60 for m in sectors):
        return False  # a pair of sectors ("between Rafah and Khan Yunis", "ハンユニスと最南部ラファの間"): one site
    return bool(CUES.between_before.search(text[max(0, head.start - 60):head.start].rsplit("\n", 1)[-1]))


def _gapped_nation(text: str, here: list[Mention], chain: list[Mention]) -> Mention | None:
    """The nation standing right before the sectors with only a short word between, after a comma: the second
    half of "X's troops in A, Y in B" (or ", and Y ones in B"), where Y shares X's verb."""
    head = min(chain, key=lambda m: m.start)
    for n in here:
        between = text[n.end:head.start]
        if (0 < len(between.strip()) <= GAPPED_GAP and len(between.split()) <= 2 and " " in between
                and _opens_a_gapped_half(text, n)):
            return n
    return None


def _two_pair_clauses(text: str, clauses: list[Span], nations: list[Mention], sectors: list[Mention]) -> list[Span]:
    """The clauses, each cut before an "and" that opens a second sector–nation pair ("Rafah will be guarded by
    Indonesian troops and Khan Younis by Pakistani troops", "Rafah akan dijaga oleh pasukan Indonesia dan Khan Yunis
    oleh pasukan Pakistan"): the joiner is followed by a sector, and each side names its own nation and a sector
    (a list of sectors, "Rafah and Khan Younis", has no nation of its own after the joiner)."""
    out: list[Span] = []
    for lo, hi in clauses:
        cut = None
        # a comma alone before a nation-first pair too ("A takes Rafah, B Gaza City and C Deir al-Balah")
        for comma in re.finditer(r"[,،]\s*", text[lo:hi]):
            if _nation_first_pair(text, lo + comma.end(), hi, lo, lo + comma.start(), nations, sectors):
                cut = lo + comma.start()
                break
        for joiner in CUES.joiner_start.finditer(text, lo, hi) if cut is None else ():
            after = joiner.end() + len(text[joiner.end():hi]) - len(text[joiner.end():hi].lstrip())
            if not any(m.start == after and m.kind == "sector" for m in sectors):
                # the last of a list of pairs, its nation first ("…, Pakistan Gaza City and Azerbaijan Deir
                # al-Balah"): the nation's sector right after it, and a pair of another nation before the joiner
                if _nation_first_pair(text, after, hi, lo, joiner.start(), nations, sectors):
                    cut = joiner.start()
                    break
                continue
            sector_end = max(m.end for m in sectors if m.start == after)
            left = {n.key for n in nations if lo <= n.start and n.end <= joiner.start()}
            # the second pair's nation right after its sector ("Khan Younis by Pakistani troops"), not a speaker
            # further on ("..., Pakistan said")
            right = {n.key for n in nations if sector_end <= n.start and n.end <= hi
                     and len(text[sector_end:n.start].split()) <= JOINED_WORDS
                     and not _CLAUSE_PUNCTUATION.search(text, sector_end, n.start)}
            if left and right and not left & right and any(
                    lo <= m.start and m.end <= joiner.start() and m.kind == "sector" for m in sectors):
                cut = joiner.start()
                break
        if cut is not None and lo < cut:  # the rest may open another pair ("…, B Gaza City and C Deir al-Balah")
            out.extend([(lo, cut), *_two_pair_clauses(text, [(cut, hi)], nations, sectors)])
        else:
            out.append((lo, hi))
    return out


PAIR_VERB_WORDS = 6  # "Indonesia takes the south with Rafah": the first pair's nation and sector, its verb between


def _nation_first_pair(text: str, after: int, hi: int, lo: int, joiner: int, nations: list[Mention],
                       sectors: list[Mention]) -> bool:
    """True when a nation opens the text at ``after`` with a sector right after it (at most JOINED_WORDS words, no
    punctuation, up to ``hi``), and the text from ``lo`` to the joiner closes on a sector with a nation of another
    key before it in its clause (at most PAIR_VERB_WORDS words between): "Pakistan Gaza City and Azerbaijan Deir
    al-Balah", "les Pakistanais la ville de Gaza et les Azerbaïdjanais Deir al-Balah" (a list of
    nations, "Indonesian and Pakistani troops in Rafah", has no sector before its joiner)."""
    opening = [n for n in nations if n.start == after or (after < n.start and n.start - after <= 5
                                                           and not re.search(r"[^\w\s]", text[after:n.start]))]
    if not opening:
        return False
    nation = opening[0]
    right = [m for m in sectors if m.kind == "sector" and nation.end <= m.start and m.end <= hi
             and len(text[nation.end:m.start].split()) <= JOINED_WORDS
             and not _CLAUSE_PUNCTUATION.search(text, nation.end, m.start)]
    left_sectors = [m for m in sectors if m.kind == "sector" and lo <= m.start and m.end <= joiner
                    and not re.search(r"\w", text[m.end:joiner])]
    if not right or not left_sectors:
        return False
    last = left_sectors[-1]
    left = [n for n in nations if lo <= n.start and n.end <= last.start and n.key != nation.key
            and len(text[n.end:last.start].split()) <= PAIR_VERB_WORDS
            and not _CLAUSE_PUNCTUATION.search(text, n.end, last.start)]
    return bool(left) and right[0].key != last.key


_LEAD_IN_WORDS = 2  # a half opened by "while", ", sementara", "ise": at most two words before its nation


def _gapped_halves(text: str, clauses: list[Span], nations: list[Mention], sectors: list[Mention],
                   placed_by: dict[tuple[str | None, str, str, str | None], tuple[Mention, Span, _Cue]],
                   ) -> list[tuple[Mention, Mention, Span, _Cue]]:
    """Second halves with no verb of their own ("Indonesia will get the Khan Younis sector, while Morocco Deir
    al-Balah", "…, sementara Maroko di Deir al-Balah", "…, and Khan Younis by Pakistani troops"): a clause holding
    only its opening word, one nation and one sector (either first) with at most two short words between, after a
    clause that gave another nation a lead in another sector, shares that lead's verb (and its cue).
    ``placed_by``: each finding of the sentence so far, with the sector, clause and cue that placed it."""
    out = []
    for clause in clauses[1:]:
        here = [n for n in nations if clause[0] <= n.start and n.end <= clause[1]]
        own = [m for m in sectors if clause[0] <= m.start and m.end <= clause[1]]
        if len(here) != 1 or len(own) != 1 or own[0].kind != "sector":
            continue
        nation, sector = here[0], own[0]
        first, last = (nation, sector) if nation.start < sector.start else (sector, nation)
        between, lead_in, tail = text[first.end:last.start], text[clause[0]:first.start], text[last.end:clause[1]]
        # "…, and Khan Younis by Pakistani troops": a sector first, its nation's troops word may close the half
        tail = CUES.troops.sub("", tail, count=1) if last is nation else tail
        if (len(between.strip()) > GAPPED_GAP + 6 or len(between.split()) > 2
                or len(re.findall(r"\w+", lead_in)) > _LEAD_IN_WORDS or re.search(r"\w", tail)):
            continue
        before = [(key, placed) for key, placed in placed_by.items() if key[2] == "lead"
                  and placed[1][1] <= clause[0] and key[0] not in (None, nation.key) and key[1] != sector.key]
        # the third pair of a list after one verb ("A gets Rafah, B Gaza City and C Deir al-Balah"): the halves
        # before it share that verb, so one cue
        if len(before) == 1 or (len(before) > 1 and len({placed[2].start for _, placed in before}) == 1):
            out.append((nation, sector, clause, before[0][1][2]))
    return out


def _opens_a_gapped_half(text: str, nation: Mention) -> bool:
    """True when only a comma, and perhaps "and", stands before the nation: ", Y in B", ", and Y's in B"."""
    after_comma = re.search(r"[,،;]([^,،;]*)$", text[max(0, nation.start - 12):nation.start])
    return after_comma is not None and bool(CUES.list_joiner.match(after_comma.group(1)))


def _frame_contingent(text: str, start: int, clause: Span, here: list[Mention], sentence_nations: list[Mention],
                      previous: Previous, parties: list[Mention], named_any: bool) -> tuple[Mention | None, bool]:
    """The one contingent a clause is about, and whether its troops are named (next to it, or referred back to):
    the only contributor of the clause (the one with troops when there are several, never one item of a list),
    else the one contingent the sentence names elsewhere, else (for "the troops", "their", "mereka", or a site
    named with no one placed: :func:`_zero_reference`) the contingent of the sentences before, unless the clause
    speaks of the whole force ("the ISF") or names a party ("the Israeli army")."""
    lo, hi = clause
    if here:
        keys = {n.key for n in here}
        troops = _contingent(text, here)
        if len(keys) > 1:
            if len({n.key for n in troops}) > 1 and not any(_own_police(text, n) for n in here):
                troops = [n for n in troops if _own_troops(text, n)]  # "カタールが仲介する中、インドネシア軍は"
            if len({n.key for n in troops}) != 1:
                return None, False
            here = [n for n in here if n.key == troops[0].key]
        nation = here[0]
        if _in_list(nation, [*here, *sentence_nations], text):
            return None, False
        return nation, nation in troops or _speakers_possessed(text, clause, sentence_nations)
    if any(lo <= n.start < hi and not _outlet_nation(text, n) for n in parties):
        return None, False  # "..., while Israeli troops remain in Rafah": a party's troops, not another's
    if sentence_nations:
        others = _contingent(text, sentence_nations)
        if (len({n.key for n in others}) == 1 and not any(_in_list(n, sentence_nations, text) for n in others)
                and CUES.troops.search(text, lo, hi)):
            return others[0], True
        if _speakers_possessed(text, clause, sentence_nations):
            return sentence_nations[0], True
        return None, False
    before = (_referred_back(text, clause, previous) or _zero_reference(text, start, clause, previous, named_any)
              or _possessor_before(text, clause, previous, named_any))
    # the contingent referred back to has troops or police named near it ("Morocco will send police officers. They
    # will serve in Khan Younis": a police contingent placed is a lead too, tests/realworld/README.md)
    reach = (max(0, before.start - ANTECEDENT_REACH), before.end + ANTECEDENT_REACH) if before is not None else None
    if reach is not None and (CUES.troops.search(text, *reach) or CUES.police.search(text, *reach)):
        return before, True
    return None, False


def _possessor_before(text: str, clause: Span, previous: Previous, named_any: bool) -> Mention | None:
    """The nation a possessed word for troops refers back to ("وقال … إن قوات بلاده ستتمركز في دير البلح", his
    country's forces; "وأضاف: «ستتمركز قواتنا في رفح»", our forces) in a sentence naming no nation at all: the
    speaker is the zero subject whom the sentence before named (:func:`_antecedent` reads it). A sentence naming any
    nation ("the Israeli army said its forces …") has its own owner; the whole force's troops are no one's; so has
    a speech verb with a subject of its own, named by no nation's name ("وقالت الدولة العبرية إن قواتها", Israel
    by its epithet; "وقال الاحتلال إن قواته"): only a verb the ``pronouns`` table reads as "he said" ("وأضاف:",
    "he said") leaves the speaker the one named before."""
    possessed = CUES.possessive.search(text, *clause)
    if named_any or possessed is None or CUES.force.search(text, *clause):
        return None
    tables = load_tables(LANG_DIR, reading())
    verbs = [m for pattern, _ in tables.speech for m in pattern.finditer(text, clause[0], possessed.start())]
    if verbs:
        verb = max(verbs, key=lambda m: m.start())
        if tables.pronouns is None or not any(
                len(text[min(p.end(), verb.start()):max(p.start(), verb.end())].split()) <= 1
                for p in tables.pronouns.finditer(text, max(clause[0], verb.start() - 40), verb.end() + 40)):
            return None  # "وقالت الدولة العبرية إن قواتها": the verb's own subject owns them
    return previous() if callable(previous) else previous


def _speakers_possessed(text: str, clause: Span, sentence_nations: list[Mention]) -> bool:
    """True when the clause names troops by a possessive ("قواتنا", "كتيبتنا", our battalion; "its troops") and
    the sentence names one nation only: those troops are that nation's own, named, even where the nation is only
    the speaker's ("«ستنتشر كتيبتنا الأولى في خان يونس»، قال المتحدث باسم الجيش الباكستاني": the quote may come
    first and its speaker after it, in a clause of its own). Its own troops named, "first" is their first unit, not
    the whole force's first phase. Not Egypt's (its own Rafah lies across the border: OWN_RAFAH)."""
    keys = {n.key for n in sentence_nations}
    return (len(keys) == 1 and not keys & OWN_RAFAH
            and CUES.possessive.search(text, *clause) is not None)


def _zero_reference(text: str, start: int, clause: Span, previous: Previous, named_any: bool) -> Mention | None:
    """The contingent of the sentence right before a clause that names no one at all and calls a place the site
    of a placement ("... thousands of Indonesian soldiers. An area between Rafah and Khan Yunis has been prepared
    as the first deployment site."): news omits who is placed once the sentence before has said it, in every
    language (a pro-drop language such as Chinese, Japanese, Korean or Indonesian omits even more). Only an
    assignment cue (a verb or noun of placing troops at a site) and only the sentence right before: a sentence
    farther back, or in another paragraph, says nothing of these troops; troops named here ("foreign troops will
    be stationed in Rafah") are others unless a word refers back; a sentence naming any nation (an Israeli
    outlet, the Israeli army) is about someone else.

    A site the sentence before named refers back the same way where no assignment cue is written: "Israel is
    preparing a site to house Indonesian peacekeepers. The site lies between Rafah and Khan Younis", "Israel
    siapkan lokasi untuk pasukan TNI. Lokasi tersebut berada di antara Rafah dan Khan Younis": "the site", "the
    allocated area", "lokasi tersebut" (the ``site_backref`` table) is the placement, when the sentence right
    before names a site (the ``site`` table: "a site", "land", "lahan"), one not for civilians, and that
    sentence's one contingent; a site the sentence before did not name ("Indonesia will send troops. The area
    around Rafah is calm") is no one's."""
    lo, hi = clause
    assigned = CUES.assign.search(text, lo, hi) is not None
    if named_any or not (assigned or CUES.site_backref.search(text, lo, hi)) or any(
            getattr(CUES, kind).search(text, lo, hi) for kind in ("force", "shared", "civilian", "task", "police")):
        return None  # the force's site, several nations', one for displaced families, police
    if _troop_words(text, lo, hi):
        return None
    sentence = _sentence_before_in_paragraph(text, start)
    if sentence is None:
        return None
    if not assigned and (not CUES.site.search(text, *sentence) or _civilians_in(text, *sentence,
                                                                                protected_count=True)):
        return None  # "the site" names no site said before, or one for displaced families
    found = previous() if callable(previous) else previous
    if found is None or not sentence[0] <= found.start < sentence[1]:
        return None
    return found


OWN_PLACE_GAP = 6  # a nation named as a place this close before a placing word is its place ("在以色列南部设立")


def _placed_elsewhere(text: str, cue: _Cue, first: Mention, named: list[Mention]) -> bool:
    """True when a placing word has its own place right before it, a nation named after a preposition of place,
    and the sector comes after it past a punctuation mark ("美军在以色列南部设立了协调中心，监督拉法…": the centre is
    set up in southern Israel; Rafah is what it oversees, not where it is)."""
    if cue.end > first.start or not _PUNCTUATION_ANY.search(text, cue.end, first.start):
        return False
    return any(n.end <= cue.start and cue.start - n.end <= OWN_PLACE_GAP
               and not _PUNCTUATION_ANY.search(text, n.end, cue.start)
               and any(m.end() == n.start for m in CUES.at_place.finditer(text, max(0, n.start - 4), n.start))
               for n in named)


def _placement_frames(text: str, start: int, end: int, sectors: list[Mention], nations: list[Mention],
                      clauses: list[Span], previous: Previous, parties: list[Mention],
                      cues_found: dict[str, list[_Cue]], have_lead: set[tuple[str | None, str]],
                      named: list[Mention]) -> list[tuple[Mention, Mention, Span, _Cue]]:
    """Leads by the placement frame (tests/realworld/README.md: a lead is one nation's troops or police placed in
    a sector): one nation's contingent, a sector, and any word of placing troops (deploy, station, base, an area
    prepared or allocated for them, housing, serving...) in the same clause, in any order and with any words
    between. Not read as a placement: a place inside a sector (a crossing, a camp), a force-wide sequence ("the
    ISF will begin in Rafah", "first", a list of three or more sectors), a task between the word and the sector
    ("training police in Rafah"), a list of nations, a nation that names a facility ("the Indonesian Hospital").

    ``cues_found``: the sentence's deploy, assign, base and phase cues, already found; ``have_lead``: the (nation,
    sector) leads other rules found in it (not read again); ``named``: every nation the sentence names (an outlet's
    or a party's too)."""
    out: list[tuple[Mention, Mention, Span, _Cue]] = []
    sentence_nations = [n for n in nations if start <= n.start and n.end <= end
                        and not CUES.modifier.match(text, n.end, min(end, n.end + 20))]
    words: list[tuple[_Cue, bool]] | None = None  # found on first need: most sentences stop before
    phases = cues_found["phase"]
    for sector in sectors:
        if sector.kind != "sector":
            continue
        clause = next((c for c in clauses if c[0] <= sector.start < c[1]), (start, end))
        in_clause = [m for m in sectors if clause[0] <= m.start < clause[1]]
        if len({m.key for m in in_clause if m.kind == "sector"}) > 2:  # "in five sectors: Rafah, Khan Yunis, ..."
            continue
        chain = _sector_chain(text, in_clause, sector)
        if len(chain) == 1 and (pair := _area(text, sectors, sector)):  # "ハンユニスと最南部ラファの間": one site
            chain = sorted((m for m in in_clause if m.kind == "sector" and m.key in pair
                            and _gap(m.start, m.end, sector.start, sector.end) <= 20), key=lambda m: m.start)
        here = [n for n in sentence_nations if clause[0] <= n.start < clause[1]]
        nation, own_troops = _frame_contingent(text, start, clause, here, sentence_nations, previous, parties,
                                               bool(named))
        gapped = _gapped_nation(text, here, chain)
        if nation is not None and gapped is not None and gapped.key != nation.key:
            nation = gapped  # "Kosovo's soldiers in North Gaza, Albania in Deir al-Balah": the verb is shared
        if nation is None or (nation.key, sector.key) in have_lead:
            continue
        if words is None:
            words = [(c, kind in _MOVING) for kind in ("deploy", "assign", "base") for c in cues_found[kind]]
            words += [(c, False) for c in _cues(CUES.placement, text[start:end], start)
                      if not _sent_to_the_force(text, c)]
            # the site the sentence before named, referred back to ("the plot", "lahan tersebut"): its placement
            words += [(c, False) for c in _cues(CUES.site_backref, text[start:end], start)]
        # a verb of placing troops implies them ("Indonesia will deploy to Rafah"); a base, a camp or an area needs
        # troops named, not the whole force's ("a base in Khan Yunis, denied by Indonesia", "an Egyptian contractor
        # builds the camp for the ISF troops" place no contingent)
        troops_named = own_troops or _troops_not_the_force(text, clause)
        near = [w for w, moving in words if clause[0] <= w.start and w.end <= clause[1] and (moving or troops_named)
                and min(_gap(w.start, w.end, m.start, m.end) for m in chain) <= FRAME_GAP]
        if own_troops and not near:  # "Indonesian troops will be in Rafah", "Indonesian joukot ovat Rafahissa"
            near = [c for c in _cues(CUES.copula, text[clause[0]:clause[1]], clause[0])
                    if _copula_placement(text, c, chain, clause, sentence_nations)]
        if own_troops and not near:  # "কাজাখ সেনা খান ইউনিসে: ইসরায়েলি গণমাধ্যম", "인니군, 라파로"
            near = _verbless_headline(text, start, end, chain, [*named, *sectors])
        # a verb closing its clause with the Strip right before it has its own place ("가자 파병…라파·칸유니스 사이
        # 주둔": sent to Gaza, stationed between Rafah and Khan Yunis): the sector takes another placing word
        first_sector = min(m.start for m in chain)
        near = [w for w in near if not (w.end < first_sector and _strip_before(text, w, clause[0]))]
        # a party's own word ("Rafah remains under Israeli control, and Indonesia…"): it places the party, not a
        # contingent named outside the word's stretch to the sector ("اسرائیل استقرار نیروهای ترکیه در رفح" keeps it)
        near = [w for w in near if not any(
            0 <= w.start - p.end <= PARTY_WORD_GAP and _POSSESSIVE_GAP.fullmatch(text, p.end, w.start)
            and not min(w.start, first_sector) <= nation.start < max(w.end, first_sector) for p in parties)]
        if not near:
            continue
        cue = min(near, key=lambda w: min(_gap(w.start, w.end, m.start, m.end) for m in chain))
        first = min(chain, key=lambda m: _gap(cue.start, cue.end, m.start, m.end))
        if _names_a_border_or_a_span(text, sectors, chain) or _near_another_place(text, cue, first, nations):
            continue
        if (_negated(text, first, clause) or _placed_elsewhere(text, cue, first, named)
                or _equipment_only(text, cue, first, clause)):
            continue
        if cue in cues_found["deploy"] and first.start > cue.start and (
                any(not CUES.police.fullmatch(m.group()) for m in CUES.task.finditer(text, cue.start, first.start))
                or _civilians_in(text, cue.start, first.start)):
            continue  # "ha inviato aiuti umanitari a Rafah": a deploy cue's own words name aid sent, not troops
        lo, hi = min(cue.end, first.end), max(cue.start, first.start)
        site = not any(cue in cues_found[kind] for kind in ("deploy", "assign"))  # a base, camp or area: its purpose
        if (CUES.task.search(text, lo, hi) or CUES.border.search(text, lo, hi)
                or _for_civilians(text, cue, first, clause, site)
                or _between(sectors, cue.start, cue.end, first.start, first.end, exclude=first)):
            continue
        if CUES.shared.search(text, *clause):
            continue  # "a multinational base near Rafah", "troops of several armies": no one nation's site
        if cue.end < first.start - FRAME_OBJECT_GAP and CUES.strip.match(text, cue.end + len(text[cue.end:first.start])
                                                                     - len(text[cue.end:first.start].lstrip())):
            continue  # "the troops would go to Gaza once ... Rafah": the verb has its own place
        if cue.end < first.start and _strip_before(text, cue, clause[0]):
            continue  # "가자지구에 배치되면 라파 주민들의…": a verb closing its clause has its place before it
        if nation in here and max(_gap(nation.start, nation.end, cue.start, cue.end),
                                  _gap(nation.start, nation.end, first.start, first.end)) > FRAME_REACH:
            continue
        if _in_a_relative_of_another(text, nation if nation in here else None, cue, first, words):
            continue
        # the force's own sequence ("the ISF will begin in Rafah"), unless one nation's troops are its subject or
        # the site lies between two sectors (a place, not the start of a sector-by-sector sequence)
        # ("its troops will first be in Rafah", "তাদের সেনারা প্রথমে রাফাহ এলাকায়": one contingent's own troops, named
        # by a possessive, go there first; the force's sequence names no one's)
        force_wide = bool(CUES.force.search(text, *clause)) or not (
            own_troops or _area(text, sectors, sector) or CUES.possessive.search(text, *clause))
        if force_wide and any(clause[0] <= p.start < clause[1]
                              and min(_gap(p.start, p.end, cue.start, cue.end),
                                      _gap(p.start, p.end, first.start, first.end)) <= FRAME_PHASE_GAP
                              for p in phases):
            continue
        if nation in here and CUES.medical.search(text, max(clause[0], nation.start - TROOP_GAP),
                                                  min(clause[1], nation.end + TROOP_GAP)):
            continue  # "the Indonesian Hospital", "Jordanian field hospital": a facility, not a contingent
        out.append((sector, nation, clause, cue))
    return out


def _in_a_relative_of_another(text: str, nation: Mention | None, cue: _Cue, sector: Mention,
                              words: list[tuple[_Cue, bool]]) -> bool:
    """True when a relative clause about something else holds the sector or the placing word: "sent troops to
    Lebanon, which is far from Rafah" (the relative clause, with no placing word of its own, only locates the place
    before it), "Egypt will host the training of Palestinian police who will deploy in Rafah" (the trainees, whom a
    task word names between the nation and the relative, are the ones placed)."""
    if cue.end <= sector.start:
        relative = CUES.relative.search(text, cue.end, sector.start)
        # set off by a comma (", which"): "que", "che", "qui" without one may be "that" opening what is said
        if relative is not None and _COMMA.match(text, max(0, relative.start() - 2)) is not None \
                and not any(relative.end() <= w.start and w.end <= sector.start for w, _ in words):
            return True
    if nation is not None and nation.end <= cue.start:
        relative = CUES.relative.search(text, nation.end, cue.start)
        if relative is not None and CUES.task.search(text, nation.end, relative.start()):
            return True
    return False


COPULA_GAP = 8  # a copula to its sector: a preposition or a case ending between ("will be in", "Refah'ta olacak")
COPULA_SUBJECT_GAP = 30  # the word for troops before the copula ("Truppen werden in Rafah sein") or right after it
RANK_BEFORE = 30  # a title or a person this close before the word for troops is the copula's subject


def _copula_placement(text: str, copula: _Cue, chain: list[Mention], clause: Span, nations: list[Mention]) -> bool:
    """True when a copula ("will be", "ovat", "vor fi", "olacak", "ستكون") places a nation's troops in the sector:
    the copula stands next to the sector (only a preposition or a case ending between) and a word for troops is its
    subject, right before it or (verb first: "ستكون القوات الإندونيسية في رفح") right after it, with no person or
    title before that word ("the Indonesian minister will be in Rafah", "the commander of the Indonesian troops is in
    Rafah") and no word but the nation's and the sector's between it and the copula ("Indonesian joukkojen määrä on
    Rafahissa": the number is the subject). The table holds no past form ("were in Rafah in 2009" is a visit); a
    negation makes it a denial at most (:func:`_negated_cue`)."""
    first = min(m.start for m in chain)
    gap = min(_gap(copula.start, copula.end, m.start, m.end) for m in chain)
    before = [m for m in _troop_words(text, max(clause[0], copula.start - COPULA_SUBJECT_GAP), copula.start)
              if m.end() <= first]
    after = [m for m in _troop_words(text, copula.end, first) if m.start() <= copula.end + 3]
    if after and copula.end <= first and gap <= COPULA_GAP + COPULA_SUBJECT_GAP:
        subject = after[0]  # the copula first, then its subject and the sector ("ستكون القوات الإندونيسية في رفح")
    elif gap <= COPULA_GAP and before and _only_names_between(text, before[-1].end(), copula.start,
                                                              [*nations, *chain]):
        subject = before[-1]
    else:
        return False
    lo = max(clause[0], subject.start() - RANK_BEFORE)
    return not (CUES.person.search(text, lo, subject.start()) or CUES.rank.search(text, lo, subject.start()))


HEADLINE_WORDS = 10  # a headline line is short
HEADLINE_CHARS = 200
_HEADLINE_END = re.compile(r"[.!。।]\W*$")  # a line ending a sentence is body text (a question may be a headline)
_HEADLINE_JOIN = re.compile(r"[\s,、·…\d]*")  # a headcount may stand between ("খান ইউনিসে ৮০০ মরক্কান সেনা")
_WORD_REST = re.compile(r"[^\s,、·…:]*")
_HEADLINE_TAIL = re.compile(r"(?:\s*\d\S*)?[\s?!\"'”’」]*(?:$|[:：|…\-–—])")  # a headcount may close it ("1천500명")


def _line(text: str, start: int, end: int) -> Span:
    """The line that holds ``text[start:end]``, searched no farther than HEADLINE_CHARS either side (a longer line
    is no headline, and a two-megabyte one-line article must not be scanned whole for each sentence)."""
    lo = text.rfind("\n", max(0, start - HEADLINE_CHARS), start)
    hi = text.find("\n", end, end + HEADLINE_CHARS)
    line_lo = lo + 1 if lo >= 0 else (0 if start <= HEADLINE_CHARS else max(0, start - HEADLINE_CHARS))
    return line_lo, hi if hi >= 0 else min(len(text), end + HEADLINE_CHARS)


def _headline(text: str, start: int, end: int) -> bool:
    """True when the sentence ``text[start:end]`` lies on a short line that ends on no sentence mark (a headline)."""
    lo, hi = _line(text, start, end)
    if hi - lo >= HEADLINE_CHARS:
        return False
    line = text[lo:hi]
    return not _HEADLINE_END.search(line) and len(line.split()) <= HEADLINE_WORDS


def _verbless_headline(text: str, start: int, end: int, chain: list[Mention], names: list[Mention]) -> list[_Cue]:
    """The word for troops that a verbless headline sets right next to a sector ("কাজাখ সেনা খান ইউনিসে: ইসরায়েলি
    গণমাধ্যম", "Kazakh troops in Khan Younis", "인니군, 라파로", "রাফাহতে ইন্দোনেশীয় সেনা"), as the cue of a placement;
    none otherwise. Headlines drop the verb, and a verb-final language marks the place only by the sector's own case
    ending, so no preposition ("troops in", English's deploy table) is there to read: the line itself is the cue when
    it is short, ends on no sentence mark, and holds nothing but names, commas or spaces between the nation's troops
    and the sector. The checks of the placement frame still apply (a border, a task, a party)."""
    if not _headline(text, start, end):
        return []
    out = []
    for word in _troop_words(text, start, end):
        for sector in chain:
            lo, hi = (word.end(), sector.start) if word.end() <= sector.start else (sector.end, word.start())
            lo = _WORD_REST.match(text, lo).end()  # the case ending closing the word ("রাফাহতে", "সেনাদের")
            # a name through the end of its word ("পাকিস্তানি": the name and an adjective's ending)
            inside = [(max(m.start, lo) - lo, min(_WORD_REST.match(text, m.end).end(), hi) - lo) for m in names
                      if m.start < hi and m.end > lo]
            # the pair closes the headline, or its part before a source ("…: ইসরায়েলি গণমাধ্যম", "…이스라엘 매체"): a
            # noun after it is the headline's verb ("인도네시아군 라파 철수": troops leave Rafah; "인니군 라파 훈련")
            tail = _WORD_REST.match(text, max(word.end(), sector.end)).end()
            if hi >= lo and _HEADLINE_JOIN.fullmatch(_blanked(text[lo:hi], inside)) \
                    and _HEADLINE_TAIL.match(text, tail, _line(text, start, end)[1]):
                out.append(_Cue(word.start(), word.end(), word.group()))
    return out


def _only_names_between(text: str, lo: int, hi: int, names: list[Mention]) -> bool:
    """True when every word in ``text[lo:hi]`` is (part of) one of ``names`` ("joukot ovat", "askerleri Refah'ta
    olacak", "trupele indoneziene vor fi")."""
    return all(any(m.start < lo + w.end() and lo + w.start() < m.end for m in names)
               for w in re.finditer(r"\S+", text[lo:hi]))


def candidate_positions(text: str, gazetteer: Gazetteer, extra_nations: NameMatcher | None = None) -> list[int]:
    """Offsets of sector/place mentions with a nation or a deployment/base cue near them on their line.

    Only the neighbourhood of each sector mention is searched, so an article without one costs a single
    regex pass. ``extra_nations`` names nations in a language no file reads.
    """
    keep = []
    for m in gazetteer.find_sectors(text):
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        lo = max(line_start, m.start - GATE_WINDOW)
        hi = min(len(text) if line_end < 0 else line_end, m.end + GATE_WINDOW)
        if (gazetteer.nations.pattern.search(text, lo, hi) or CUES.deploy.search(text, lo, hi)
                or CUES.base.search(text, lo, hi)
                or (extra_nations is not None and extra_nations.pattern.search(text, lo, hi))):
            keep.append(m.start)
    return keep


@dataclass(frozen=True)
class UnclassifiedMention:
    """A sentence naming a sector (or a place in one) and a nation from which no claim was proposed.

    Listed for a reviewer so that nothing relevant vanishes silently; ``source`` is filled in by ingest."""

    source: str
    start: int
    end: int
    text: str
    sectors: list[str]
    nations: list[str]

    def to_json(self) -> dict[str, object]:
        """The JSON form (``ingest --dry-run --json`` and proposals.json)."""
        return {"source": self.source, "start": self.start, "end": self.end, "text": self.text,
                "sectors": list(self.sectors), "nations": list(self.nations)}


@dataclass(frozen=True)
class Extraction:
    """What an article yields: proposed findings, the mentions nothing was proposed from, and its language."""

    findings: list[Finding]
    mentions: list[UnclassifiedMention]
    language: LanguageGuess = LanguageGuess(None, "", True)

    @property
    def notice(self) -> str | None:
        """What the reviewer must be told when the article is in a language ingest does not read."""
        if self.language.read:
            return None
        code = f" ({self.language.code})" if self.language.code else ""
        return (f"written in {self.language.name}{code}, a language ingest does not read: nothing was proposed; "
                f"{len(self.mentions)} sentence(s) naming a sector and a nation are listed as unclassified "
                "mentions for review")


def _previous_contingent(text: str, start: int, end: int, gazetteer: Gazetteer) -> Mention | None:
    """The one contingent a sentence names ("thousands of Indonesian soldiers", "Indonesia will send 8,000
    troops"), for "the troops" after it; a sentence naming no troops ("Indonesia's representative will be deputy
    commander") names no contingent. A nation named as a place ("300 Moroccan police officers are already in
    Egypt") is where the troops are, not whose they are."""
    if not (CUES.troops.search(text, start, end) and _troop_words(text, start, end)) \
            and not CUES.police.search(text, start, end):
        return None
    # a nation named as a place ("Albania's contingent arrived in Egypt", "ইন্দোনেশীয় সেনারা জর্ডানে প্রশিক্ষণ নিচ্ছে":
    # training in Jordan) is where the troops are, not whose they are
    nations = [n for n in contributors(text, gazetteer.find_nations(text[start:end], start))
               if not _trains_others(text, n, end) and not _a_place(text, n)]
    troops = [n for n in nations if _troop_words(text, max(start, n.start - TROOP_GAP),
                                                 min(end, n.end + TROOP_GAP))] or nations
    if len({n.key for n in troops}) > 1:  # "أرسلت كازاخستان وحدة هندسية إلى مصر": the troops' own nation
        troops = [n for n in troops if _own_troops(text, n)]
    if len({n.key for n in troops}) != 1 or _in_list(troops[-1], nations, text):
        return None  # "Indonesia and Morocco decided to send troops": a list names no one contingent
    return troops[-1]


def _trains_others(text: str, nation: Mention, end: int) -> bool:
    """True when the nation trains, funds or equips the troops its sentence names and sends or places none
    ("이집트는 팔레스타인 경찰관 500명을 훈련시켰다", "エジプトはパレスチナの警察官５００人を訓練した": Egypt trained
    Palestinian police): those troops are not its contingent. Its own troops named ("インドネシア軍は", "자국 병력을")
    keep it the contingent. The word of training itself places no one, though a placing word may spell it ("وتشرف
    مصر على إعداد قوة شرطة فلسطينية": preparing a force, as "إعداد" also prepares a site)."""
    trains = CUES.supporter.search(text, nation.end, end)
    if trains is None or _own_troops(text, nation) or CUES.possessive.search(text, nation.end, end):
        return False
    placing = [m for m in CUES.placement.finditer(text, nation.end, end)
               if not (m.start() < trains.end() and trains.start() < m.end())]
    return not (CUES.deploy.search(text, nation.end, end) or placing)


_SENTENCE_ENDS = (". ", "\n", "? ", "! ", "؟ ", "۔", "。")
LOOKBACK = 3  # sentences searched back for the contingent "the troops" refers to


def _sentence_before(text: str, start: int) -> Span | None:
    """The sentence (rough split) that ends right before ``start`` in the same paragraph or the line before."""
    lo = max(0, start - 600)
    chunk = text[lo:start].rstrip()
    if not chunk:
        return None
    cut = max(chunk.rfind(end, 0, len(chunk) - 1) for end in _SENTENCE_ENDS)
    return (lo + cut + 1, lo + len(chunk))


def _sentence_before_in_paragraph(text: str, start: int) -> Span | None:
    """:func:`_sentence_before`, only where it is in the same paragraph (None across a line break): the one
    sentence a back-reference opening this one can point to."""
    before = _sentence_before(text, start)
    return None if before is None or "\n" in text[before[1]:start] else before


def _sentence_after(text: str, end: int) -> Span | None:
    """The sentence (rough split) that starts right after ``end`` in the same paragraph (None across a line break):
    the mirror of :func:`_sentence_before_in_paragraph`."""
    after = _SPACE.match(text, end).end()
    if "\n" in text[end:after]:
        return None
    stops = [i for stop in _SENTENCE_ENDS if (i := text.find(stop, after)) >= 0]
    return after, (min(stops) + 1 if stops else len(text))


def _antecedent(text: str, start: int, gazetteer: Gazetteer, end: int | None = None) -> Mention | None:
    """The contingent "the troops", "mereka", "القوات" refer to: the nearest of the LOOKBACK sentences before
    ``start`` that names a contributor decides; it must name one contingent only (a list decides: nobody). A
    sentence ``start``–``end`` that calls the troops the nation's own ("자국 병력", "its own troops") refers to the one
    nation of the sentence right before even where that sentence names no troops ("카자흐스탄은 ISF 참여를 공식
    발표했다. 자국 병력 500명은 …": Kazakhstan announced it joins; its own troops …)."""
    own = end is not None and CUES.possessive.search(text, start, end) is not None \
        and not contributors(text, gazetteer.find_nations(text[start:end], start))
    for _ in range(LOOKBACK):
        before = _sentence_before(text, start)
        if before is None or before[0] >= start:
            return None
        named = gazetteer.find_nations(text[before[0]:before[1]], before[0])
        nations = contributors(text, named)
        if nations:
            found = _previous_contingent(text, *before, gazetteer)
            if found is None and own and len({n.key for n in named}) == 1:  # no party either ("이스라엘은 …")
                return nations[0]
            return found
        own = False  # only the sentence right before
        start = before[0]
    return None


def _bullet_runs(text: str) -> list[list[Span]]:
    """Runs of bulleted lines (blank lines between them allowed), each with its lead-in line first."""
    runs: list[list[Span]] = []
    current: list[Span] = []
    previous_line: Span | None = None
    for m in re.finditer(r"[^\n]*", text):
        line = m.group()
        if not line.strip():
            continue
        span = (m.start(), m.end())
        if _BULLET.match(line):
            if not current and previous_line is not None:
                current.append(previous_line)
            current.append(span)
        else:
            if len(current) > 1:
                runs.append([*current, span])  # the line after the bullets may close them with the verb
            current = []
        previous_line = span
    if len(current) > 1:
        runs.append(current)
    return runs


def _bullet_findings(text: str, gazetteer: Gazetteer) -> list[Finding]:
    """Leads from a lead-in and bullets that pair one nation's troops with a sector and carry no verb of
    their own ("Planlamaya göre; • Kosova birlikleri Kuzey Gazze'de, • Arnavutluk birlikleri ise Deyr el-Belah
    bölgesinde görev yapacak."): the lead-in or the last bullet holds the cue."""
    findings: list[Finding] = []
    for run in _bullet_runs(text):
        lead_in, bullets = run[0], [span for span in run[1:] if _BULLET.match(text, span[0])]
        closing = [run[-1]] if not _BULLET.match(text, run[-1][0]) else []
        verb_places = [lead_in, bullets[-1], *closing]
        if not any(CUES.assign.search(text, s, e) or CUES.lead.search(text, s, e) for s, e in verb_places) \
                and not _paired_bullets(text, bullets, gazetteer):
            continue
        block_end = (closing or bullets)[-1][1]
        for s, e in bullets:
            sectors = [m for m in gazetteer.find_sectors(text[s:e], s) if m.kind == "sector"]
            nations = contributors(text, gazetteer.find_nations(text[s:e], s))
            if len({n.key for n in nations}) != 1 or not sectors:
                continue
            said = detect(text, lead_in[0], block_end, nations[0].key, gazetteer.find_nations)
            for sector in sectors:
                findings.append(Finding(nations[0].key, sector.key, "lead", said.attribution, lead_in[0], block_end,
                                        None, ("bulleted list", *said.cues)))
    return findings


def _paired_bullets(text: str, bullets: list[Span], gazetteer: Gazetteer) -> bool:
    """True when every bullet pairs one sector with one nation as a list does ("• Rafah: Indonesia", "• Khan Younis
    – Pakistan"; :func:`_paired_list`), two or more bullets, each a different sector and nation: a map key
    written out, which needs no verb."""
    pairs = []
    for s, e in bullets:
        sectors = [m for m in gazetteer.find_sectors(text[s:e], s) if m.kind == "sector"]
        nations = contributors(text, gazetteer.find_nations(text[s:e], s))
        first, second = sorted([*sectors, *nations], key=lambda m: m.start)[:2] if len(sectors) == len(nations) == 1 \
            else (None, None)
        mark = _SECTOR_THEN_NATION if first is not None and first.kind == "sector" else _NATION_THEN_SECTOR
        if first is None or not mark.fullmatch(text, first.end, second.start):
            return False
        pairs.append((sectors[0].key, nations[0].key))
    return len(pairs) >= PAIRS_FOR_A_LIST and len({p[0] for p in pairs}) == len({p[1] for p in pairs}) == len(pairs)


def extract_all(text: str, gazetteer: Gazetteer, use_pysbd: bool = True, source: str = "") -> Extraction:
    """Every finding of an article, in text order, and the sector-and-nation sentences that gave none.

    An article in a language no file reads gives no finding (its words cannot be read reliably): every sentence
    naming a sector and a nation (in the gazetteer's names or that language's CLDR names) is listed instead.
    """
    language = detect_language(text)
    gazetteer = gazetteer.for_one_article() if language.read else gazetteer.for_unread_language()
    extra = None if language.read or not language.code else unread_nation_matcher(language.code)
    positions = candidate_positions(text, gazetteer, extra)  # every language's cues: a gate, not a finding
    findings: list[Finding] = []
    if language.read:
        with read_as(reading_codes(language, text[:SAMPLE_CHARS])):
            positions += [m.start() for m in CUES.there.finditer(text)]  # read only where a sector stood before
            findings = _bullet_findings(text, gazetteer)
    covered = [(f.start, f.end) for f in findings]
    mentions: list[UnclassifiedMention] = []
    for start, end in sentences_around(text, positions, use_pysbd):
        found: list[Finding] = []
        if language.read:  # the article's language's tables, and the sentence's own where it is a quote in another
            sentence = text[start:end] if language.code is None else _without_sector_names(text, start, end, gazetteer)
            with read_as(reading_codes(language, sentence)):
                stand_ins = _there_stand_ins(text, start, end, gazetteer)
                found = analyse_sentence(text, start, end, gazetteer,
                                         functools.cache(functools.partial(_antecedent, text, start, gazetteer, end)),
                                         stand_ins)
                if stand_ins:
                    findings = _site_owned(findings, text, start, end, gazetteer, stand_ins, found)
        findings.extend(found)
        if found or any(s <= start and end <= e for s, e in covered):
            continue
        sectors = gazetteer.find_sectors(text[start:end], start)
        nations = gazetteer.find_nations(text[start:end], start)
        if extra is not None:  # the language's own names too: "az indonéz" beside "Izrael"
            known = {(n.start, n.end) for n in nations}
            nations = sorted([*nations, *(n for n in extra.find(text[start:end], start)
                                          if (n.start, n.end) not in known)], key=lambda n: n.start)
        if sectors and nations:
            mentions.append(UnclassifiedMention(
                source, start, end, text[start:end],
                list(dict.fromkeys(m.key for m in sectors)), list(dict.fromkeys(n.key for n in nations))))
    return Extraction(_merged(findings), mentions, language)


def _without_sector_names(text: str, start: int, end: int, gazetteer: Gazetteer) -> str:
    """The sentence with its sectors' names blanked, for telling the language it is written in: a name's words are
    no language's ("Deir al-Balah" gives an Italian sentence the Spanish stopword "al", and with "ha" it would be read
    as Spanish too, where "si", if, hedges: "I soldati albanesi si schiereranno a Deir al-Balah, ha detto il
    ministro"). Only in an article whose language is known: a text too short to tell is read by its sentences' own
    words, and a headline of a few words needs every one ("Policías marroquíes, a Jan Yunis")."""
    sentence = text[start:end]
    # found at the sentence's own offset: the article's gazetteer has them already when the sentence is read next
    return _blanked(sentence, [(m.start - start, m.end - start) for m in gazetteer.find_sectors(sentence, start)])


THERE_SECTORS = 2  # the sentence before names one sector, or the two of a site between them


def _there_stand_ins(text: str, start: int, end: int, gazetteer: Gazetteer) -> list[Mention]:
    """The sectors a "there" ("সেখানে", "그곳에는") in a sentence that names none stands for: those of the sentence
    right before in the same paragraph, one sector or the two a site lies between ("খান ইউনিসের পূর্বে একটি নতুন
    ঘাঁটি নির্মাণ করা হচ্ছে। সেখানে কাজাখস্তানের সেনারা থাকবে": a base east of Khan Younis; Kazakhstan's troops will
    stay there). News names a site first and whose troops it is for next; the adverb is the sector's pro-form, read
    as the sector standing in its place (a mention of the sector at the adverb's span). Nothing for a sentence naming
    a sector of its own, or where the sentence before names none or more than two."""
    there = CUES.there.search(text, start, end)
    if there is None or gazetteer.find_sectors(text[start:end], start):
        return []
    before = _sentence_before_in_paragraph(text, start)
    if before is None:
        return []
    keys = list(dict.fromkeys(m.key for m in gazetteer.find_sectors(text[before[0]:before[1]], before[0])
                              if m.kind == "sector"))
    if not keys or len(keys) > THERE_SECTORS:
        return []
    return [Mention("sector", key, there.group(), there.start(), there.end()) for key in keys]


def _site_owned(findings: list[Finding], text: str, start: int, end: int, gazetteer: Gazetteer,
                stand_ins: list[Mention], found: list[Finding]) -> list[Finding]:
    """``findings`` without the nation-less bases of the sentence before in the sectors a "there" stands for, once
    the "there" sentence says whose troops stay at the site: a contingent (its lead says more) or a party ("সেখানে
    ইসরায়েলি সেনারা অবস্থান করবে": the party's own base, no force's)."""
    keys = {m.key for m in stand_ins}
    parties = [n for n in gazetteer.find_nations(text[start:end], start) if n.key in NOT_CONTRIBUTORS]
    owned = any(f.role == "lead" and f.sector in keys for f in found) or any(
        _next_to(p, _troop_words(text, start, end)) for p in parties)
    if not owned:
        return findings
    before = _sentence_before(text, start)
    lo = before[0] if before is not None else start
    return [f for f in findings if not (f.role == "base" and f.nation is None and f.sector in keys
                                        and lo <= f.start < start)]


def _merged(findings: list[Finding]) -> list[Finding]:
    """Findings in text order, each (nation, sector, role) once per passage; a lead says more than troops, a base or a
    first deployment by the same nation in the same sector; a passage holding a shorter passage of the same finding
    (a heading the sentence splitter joined to a bullet) gives way to it."""
    leads = {(f.nation, f.sector) for f in findings if f.role == "lead"}
    spans: dict[tuple[str | None, str, str], set[tuple[int, int]]] = {}
    for f in findings:
        spans.setdefault((f.nation, f.sector, f.role), set()).add((f.start, f.end))
    seen: set[tuple[str | None, str, str, int, int]] = set()
    out = []
    for f in sorted(findings, key=lambda f: f.start):
        key = (f.nation, f.sector, f.role, f.start, f.end)
        if key in seen or (f.role in (*_DEPLOYED, "base") and (f.nation, f.sector) in leads):
            continue
        if any(f.start <= s and e <= f.end and (s, e) != (f.start, f.end)
               for s, e in spans[(f.nation, f.sector, f.role)]):
            continue
        seen.add(key)
        out.append(f)
    return out


def extract(text: str, gazetteer: Gazetteer, use_pysbd: bool = True) -> list[Finding]:
    """Every finding of an article, in text order."""
    return extract_all(text, gazetteer, use_pysbd).findings
