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
- the status comes from :func:`mapview.ingest.cues.certainty`: hedges give ``speculative``/``reported``; only an
  explicit, unnegated confirmation gives ``confirmed``; a denial in the clause gives ``denied``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mapview.ingest.cues import CUES, LIST_JOINER, certainty
from mapview.ingest.gazetteer import Gazetteer, Mention
from mapview.ingest.segment import Span, sentences_around

LEAD_GAP = 30  # cue to sector
BASE_GAP = 40
DEPLOY_GAP = 25
SUBJECT_GAP = 60  # nation to cue
PHASE_GAP = 60
GATE_WINDOW = 250  # a sector mention is read only with a nation or a deployment/base cue this close
# The Strip named between a deployment cue and a sector: the cue is about Gaza as a whole, not the sector.
_STRIP = re.compile(r"(?<!\w)(?:Gaza|Gazze|Gazë\w*|Gazën|غزة)(?!\w)(?![\s\u00a0]+(?:City|Şehri|Utara|Veriore))")


_DEPLOYED = ("troops", "police", "medical", "deployment-phase")


@dataclass(frozen=True)
class Finding:
    """One thing a sentence says: ``nation`` (or None = the force) has ``role`` in ``sector``, with a status."""

    nation: str | None
    sector: str
    role: str
    status: str
    start: int  # the sentence, raw offsets
    end: int
    place: str | None = None
    cues: tuple[str, ...] = ()

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
        if 0 <= hi.start - lo.end <= 12 and LIST_JOINER.match(text[lo.end:hi.start]):
            return True
    return False


def _clauses(text: str, start: int, end: int, nations: list[Mention]) -> list[Span]:
    """Split a sentence at clause breaks (";", "but", "while", "ama", "tetapi", "لكن"...).

    ", and" splits too, unless a nation follows it (then it closes a list of nations).
    """
    sentence = text[start:end]
    cuts = {start + m.start() for m in CUES.hard_break.finditer(sentence)}
    nation_starts = {n.start for n in nations}
    for m in CUES.soft_break.finditer(sentence):
        after = start + m.end()
        while after < end and text[after].isspace():
            after += 1
        if after not in nation_starts:
            cuts.add(start + m.start())
    bounds = [start, *sorted(c for c in cuts if start < c < end), end]
    return list(zip(bounds, bounds[1:], strict=False))


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
    if _in_list(nearest, nations, text):
        return None
    # another nation between the chosen one and the cue would be the nearer subject; a sector there is fine
    if _between(nations, nearest.start, nearest.end, cue.start, cue.end, exclude=nearest):
        return None
    return nearest


def _deployed(text: str, nation: Mention, cue: _Cue, sector: Mention) -> str:
    """The role of a deployment: ``police`` or ``medical`` when the words between nation and place say so."""
    lo, hi = min(nation.start, cue.start, sector.start), max(nation.end, cue.end, sector.end)
    if CUES.police.search(text, lo, hi):
        return "police"
    if CUES.medical.search(text, lo, hi):
        return "medical"
    return "troops"


def analyse_sentence(text: str, start: int, end: int, gazetteer: Gazetteer) -> list[Finding]:
    """The findings of one sentence ``text[start:end]``."""
    sentence = text[start:end]
    sectors = gazetteer.find_sectors(sentence, start)
    if not sectors:
        return []
    nations = gazetteer.find_nations(sentence, start)
    leads = _cues(CUES.lead, sentence, start)
    deploys = _cues(CUES.deploy, sentence, start)
    bases = _cues(CUES.base, sentence, start)
    phases = _cues(CUES.phase, sentence, start)
    tasks = _cues(CUES.task, sentence, start)
    clauses = _clauses(text, start, end, nations)
    found: dict[tuple[str | None, str, str, str | None], Finding] = {}

    def add(nation: Mention | None, sector: Mention, role: str, clause: Span, cue: _Cue) -> None:
        status, why = certainty(sentence, text[clause[0]:clause[1]])
        key = (nation.key if nation else None, sector.key, role, sector.place)
        if key not in found:
            found[key] = Finding(key[0], sector.key, role, status, start, end, sector.place, (cue.text, *why))

    for sector in sectors:
        clause = next((c for c in clauses if c[0] <= sector.start < c[1]), (start, end))

        def in_clause(item: Mention | _Cue, clause: Span = clause) -> bool:
            return clause[0] <= item.start and item.end <= clause[1]

        here = [n for n in nations if in_clause(n)]
        for cue in filter(in_clause, leads):
            if _gap(cue.start, cue.end, sector.start, sector.end) > LEAD_GAP:
                continue
            if _between(sectors, cue.start, cue.end, sector.start, sector.end, exclude=sector):
                continue
            if any(min(cue.end, sector.end) <= t.start and t.end <= max(cue.start, sector.start) for t in tasks):
                continue
            nation = _subject(cue, here, sectors, sector, text)
            if nation is not None:
                add(nation, sector, "lead" if sector.kind == "sector" else "troops", clause, cue)
        for cue in filter(in_clause, bases):
            if _gap(cue.start, cue.end, sector.start, sector.end) > BASE_GAP:
                continue
            if _between(sectors, cue.start, cue.end, sector.start, sector.end, exclude=sector):
                continue
            add(_subject(cue, here, sectors, sector, text), sector, "base", clause, cue)
        for cue in filter(in_clause, deploys):
            if _gap(cue.start, cue.end, sector.start, sector.end) > DEPLOY_GAP:
                continue
            lo, hi = min(cue.end, sector.end), max(cue.start, sector.start)
            if _STRIP.search(text, lo, hi):
                continue
            nation = _subject(cue, here, sectors, sector, text)
            phase = any(in_clause(p) and _gap(p.start, p.end, cue.start, cue.end) <= PHASE_GAP for p in phases)
            if sector.kind == "sector" and phase:
                add(nation, sector, "deployment-phase", clause, cue)
            elif nation is not None:
                add(nation, sector, _deployed(text, nation, cue, sector), clause, cue)
    # a lead says more than troops or a first deployment by the same nation in the same sector
    leads_of = {(f.nation, f.sector) for f in found.values() if f.role == "lead"}
    return [f for f in found.values()
            if f.role not in _DEPLOYED or (f.nation, f.sector) not in leads_of]


def candidate_positions(text: str, gazetteer: Gazetteer) -> list[int]:
    """Offsets of sector/place mentions with a nation or a deployment/base cue near them on their line.

    Only the neighbourhood of each sector mention is searched, so an article without one costs a single
    regex pass.
    """
    keep = []
    for m in gazetteer.find_sectors(text):
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        lo = max(line_start, m.start - GATE_WINDOW)
        hi = min(len(text) if line_end < 0 else line_end, m.end + GATE_WINDOW)
        if (gazetteer.nations.pattern.search(text, lo, hi) or CUES.deploy.search(text, lo, hi)
                or CUES.base.search(text, lo, hi)):
            keep.append(m.start)
    return keep


def extract(text: str, gazetteer: Gazetteer, use_pysbd: bool = True) -> list[Finding]:
    """Every finding of an article, in text order."""
    positions = candidate_positions(text, gazetteer)
    findings: list[Finding] = []
    for start, end in sentences_around(text, positions, use_pysbd):
        findings.extend(analyse_sentence(text, start, end, gazetteer))
    return findings
