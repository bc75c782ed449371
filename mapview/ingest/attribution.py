"""Who says a passage and how, read from the article: speaker kind, speaker, manner, and the words that decided.

Language-agnostic code over the ``[status]`` and ``[speakers]`` tables of ``mapview/ingest/lang/<code>.toml``:

- **manner**: a denial word in the clause that carries the assignment makes the passage ``denied``; otherwise any
  hedge in the passage (or a question) makes it ``hedged``, whoever says it; otherwise it is ``stated``;
- **speaker**: the nearest speaker to a speech verb ("said", "announced", "açıkladı", "tha", "mengatakan", "قال")
  or an "according to" phrase: an official of the force, an analyst, maps, unnamed officials, a media report, or a
  government office ("defence minister", "foreign ministry", a capital, a nation that speaks: "Israel
  confirmed"), whose nation decides between ``nation-official`` (the nation the claim is about) and
  ``other-government``. In a verb-final language (``[speakers] verb_final``, or ``[language] verb_last``) the
  speaker of a verb that closes its clause is its subject, not the nearest name: the first speaker in the clause
  (a nation opening it with a subject or topic particle, ``[speakers] subject``: 이스라엘은, イスラエルは), or the
  first after the quotative that closes what is said (``[speakers] quotative``: 고, と, деп, বলে, diye); a nation
  inside what is said or next to a word for troops (the contingent: "터키군", "نیروهای ترکیه") never speaks it; an
  office's nation stands before it where noun phrases end on their head (``[speakers] owner_before``), after it
  where an ezafe joins them (``owner_after``: وزیر خارجه آمریکا). A person's
  name ("Maqedonci said") takes the title standing next to it here or where the article named them before; "he
  said" (also opening a verb-final clause: "그는 … 말했다", "彼は…と述べた", "O, … söyledi") and a quote with no
  verb take the speaker of the sentences before. A passage with no speaker is the
  outlet's own report: ``media``.

It never decides a status: what it finds is an :class:`~mapview.data.status.Attribution`, and the status is
``mapview.data.status``'s (the one engine).
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mapview.data.status import OFFICIAL, Attribution
from mapview.ingest import langdata
from mapview.ingest.dispatch import alternation, gated_from
from mapview.ingest.langdata import Codes, check_cues, neutral, reading, written_forms

LANG_DIR = Path(__file__).with_name("lang")
# said_by kinds in the order that wins a tie (same distance to the speech verb); "government" and "capital" and
# "nation" resolve to nation-official / other-government by their nation.
KIND_ORDER = ("force-official", "analyst", "maps", "unnamed-officials", "government", "capital", "nation", "media",
              "pronoun", "person")
NEAR_VERB = 20  # a nation or a name this close to a speech verb can be who speaks
TITLE_REACH = 30  # a nation this close to an office is the office's nation ("Kosovo's defence minister")
RELAY_GAP = 3  # a media word this close to a speech verb or "according to" is the outlet relaying the passage
OUTLET_REACH = 3  # a nation this close to a media word names an outlet ("Israeli media", "Media Israel")
LOOK_BACK = 1500  # characters before a passage searched for who "he" is, or who speaks a quote
_QUOTES = re.compile(r"[“”\"«»„]")
_NAME_END = ".'’"  # punctuation a name run may end on
_PERSON = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*){0,3}")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])[\"”’»]?\s+|\n+")
# Said of an office the article names without a nation, taken as the nation of the article's language.
HOME_PRESS = "not written, taken from the article's language"
# Where a clause closed by a verb-final speech verb can start; a full stop only after a word of four letters or more,
# so an abbreviation ("U.S. Secretary of State", "Dr.") does not cut a title from its nation.
_CLAUSE_END = re.compile(r"[!?؟。！？।۔;；\n]|(?<=[^\W\d_]{4})\.(?=\s|$)")
_COMMA = re.compile(r"[,،、，]")
# between an office and a nation, a comma or a clause mark ends the phrase: the nation is of another clause
_CLAUSE_MARK = re.compile(r"[,،、，;；:：]")
_LEAD_IN = " \"“”'‘’«»「」『』"
POSTPOSED_WORDS = 3  # a speaker after a verb-final speech verb ends the sentence with at most a name after it
TROOP_REACH = 3  # a word for troops this close to a nation names its contingent ("Türkiye hərbçiləri", "터키군")

NationFinder = Callable[[str, int], list]  # gazetteer.find_nations: (text, base) -> mentions with key/start/end


@dataclass(frozen=True)
class Detected:
    """What ingest read about a passage: who says it and how, and the words that showed it."""

    attribution: Attribution
    cues: tuple[str, ...] = ()
    explicit: bool = False  # a speech verb or "according to" named the speaker


@dataclass(frozen=True)
class Tables:
    """The compiled ``[status]`` and ``[speakers]`` tables of every language file."""

    hedges: re.Pattern[str]
    denials: re.Pattern[str]
    speech: tuple[tuple[re.Pattern[str], str], ...]  # (verbs, the side a speaking nation stands on)
    according: tuple[tuple[re.Pattern[str], str], ...]  # ("according to", the side the speaker stands on)
    pronouns: re.Pattern[str] | None
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    capitals: dict[str, str]
    capital: re.Pattern[str] | None
    # every speech and according cue of every language in one grouped regex: where the first of them stands
    any_cue: re.Pattern[str] | None = None
    that: re.Pattern[str] | None = None  # "أعلنت أن تركيا": a nation after "that" is what is said, not who says it
    # "reportedly", "is said to", "dilaporkan": the passage is a report of what someone said, not their own word
    relayed: re.Pattern[str] | None = None
    relative: re.Pattern[str] | None = None  # "which", "yang", "التي": a relative clause's words are not the speaker
    # "did not deny", "tidak membantah", "لم تنف": a denial word negated is no denial, and no confirmation either
    not_denied: re.Pattern[str] | None = None
    # verb-final languages: a subject or topic particle right after a name opening the clause ("이스라엘은")
    subject: re.Pattern[str] | None = None
    troops: re.Pattern[str] | None = None  # a word for troops next to a nation: the contingent, not who speaks
    # verb-final languages: a case ending or postposition right after a name ("Ankara'da", "워싱턴에서", "इंडोनेशिया
    # के"): the name is a place or an owner in the clause, not its subject
    not_subject: re.Pattern[str] | None = None
    owner_before: bool = False  # an office's nation stands before it ("АҚШ Мемлекеттік департаменті Индонезия…")
    # verb-final languages: an office word ending in a genitive, dative or other oblique case ("Bakanlığının",
    # "министрлігіне"): the office owns or receives something in the clause, it is not its subject
    oblique: re.Pattern[str] | None = None
    owner_after: bool = False  # an office's nation stands after it ("وزیر خارجه آمریکا", ezafe)
    # the nations whose own press writes these languages (``[speakers] home``: Indonesian → Indonesia): there "the
    # defence minister" is the home nation's; empty when every file is read (the language is not known)
    home: frozenset[str] = frozenset()
    # a preposition right before a name governs it (``[speakers] governed``: "ambassador to Indonesia", "an official
    # in Jakarta"): the name is a place or an addressee there, never who speaks
    governed: re.Pattern[str] | None = None
    # a possessive right before an office (``[speakers] possessive``: "its foreign minister"): the office is the
    # nation's that opens the sentence, where the sentence names no other (:meth:`_Reader.possessor`)
    possessive: re.Pattern[str] | None = None
    # "the country's" (``[speakers] this_country``: "দেশটির প্রধানমন্ত্রী", "el ministro del país"): an office of the
    # one nation the passage named before it
    this_country: re.Pattern[str] | None = None
    # a verb whose object right after it is whom it is said to (``[speakers] addressed``: "told Reuters", "told
    # the Jakarta Post"): an outlet there is the addressee, never who speaks
    addressed: re.Pattern[str] | None = None


def _compile(table: dict[str, list[str]], prefixes: dict[str, str] | None = None,
             unspaced: frozenset[str] = frozenset()) -> re.Pattern[str]:
    """One regex for a table of patterns by language: whole words, any case, each language's attached prefixes
    (its ``[language] cue_prefix``: Arabic و ف then ال ب ل) allowed before its patterns; a language written
    without spaces (``spaced = false``: Japanese) matches inside runs of text."""
    # runs of languages without a prefix: one grouped alternation each ("(?i:a|b)" is "(?i:a)|(?i:b)"); a prefixed
    # language's branch stands between them, entered only where it can start. Grouped with the runs, the branch
    # could start with so many letters that the alternation copied it into every letter's group (the English and
    # Arabic speaker tables came to 126,000 characters and took seconds to compile); "|" keeps the order of the
    # branches, so the matches are the same.
    parts: list[list[str] | str] = []
    inside = []
    for lang, patterns in table.items():
        if not patterns:
            continue
        if lang in unspaced:
            inside.append(f"(?:{alternation(patterns)})")
            continue
        prefix = (prefixes or {}).get(lang, "")
        if prefix:
            parts.append(gated_from(prefix, patterns, f"{prefix}(?i:{alternation(patterns)})"))
        elif parts and isinstance(parts[-1], list):
            parts[-1].extend(f"(?i:{pattern})" for pattern in patterns)
        else:
            parts.append([f"(?i:{pattern})" for pattern in patterns])
    body = "|".join(part if isinstance(part, str) else alternation(part) for part in parts) or "(?!x)x"
    spaced = rf"(?<!\w)(?:{body})(?!\w)"
    return re.compile("|".join([spaced, *inside]))


def _table(files: dict[str, dict], section: str, key: str) -> dict[str, list[str]]:
    return {lang: [written_forms(p) for p in doc.get(section, {}).get(key, [])] for lang, doc in files.items()
            if doc.get(section, {}).get(key)}


def _documents(folder: Path) -> dict[str, dict]:
    """The ``<code>.toml`` files in ``folder``, parsed (once per version of the files: a text read as another choice
    of languages compiles its tables from the same documents)."""
    paths = sorted(Path(folder).glob("*.toml"))
    return _parsed(tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths))


@lru_cache(maxsize=4)
def _parsed(files: tuple[tuple[str, int, int], ...]) -> dict[str, dict]:
    return {Path(path).stem: tomllib.loads(Path(path).read_text(encoding="utf-8")) for path, _, _ in files}


@lru_cache(maxsize=32)
def load_tables(folder: Path = LANG_DIR, codes: Codes = None) -> Tables:
    """Read and compile the status and speaker tables of the ``<code>.toml`` files in ``folder`` for a text read
    as the languages ``codes`` (None: every file). Capitals, and acronyms among the speakers ("CMCC", "TNI"), are
    names: read in every language. A pattern that does not compile is named (ValueError: file, table, pattern)."""
    try:
        return _build_tables(Path(folder), codes)
    except re.error:
        check_cues(Path(folder))  # a ValueError naming the language file, table and pattern at fault
        raise


def _build_tables(folder: Path, codes: Codes) -> Tables:
    every = _documents(folder)
    files = every if codes is None else {lang: doc for lang, doc in every.items() if lang in codes}
    prefixes = {lang: str(doc.get("language", {}).get("cue_prefix", "")) for lang, doc in files.items()}
    unspaced = frozenset(lang for lang, doc in files.items() if doc.get("language", {}).get("spaced") is False)

    def compile_cues(table: dict[str, list[str]]) -> re.Pattern[str]:
        return _compile(table, prefixes, unspaced)
    def flag(lang: str, name: str) -> bool:
        return bool(files[lang].get("speakers", {}).get(name))

    def side(lang: str) -> str:
        if flag(lang, "verb_first"):
            return "both"
        final = flag(lang, "verb_final") or files[lang].get("language", {}).get("verb_last")
        return "final" if final else "before"

    # "Israel confirmed": a nation speaks before its verb; also after it in a verb-first language ("أعلنت تركيا");
    # its subject speaks a verb that closes the clause ("final": "이스라엘은 … 반대하지 않는다").
    # A negated stance ("Israel does not oppose", "لا تعارض") is said by who takes it, as a speech verb is.
    speech_verbs = _table(files, "speakers", "speech")
    for lang, stances in _table(files, "cues", "not_opposed").items():
        speech_verbs.setdefault(lang, []).extend(stances)
    speech = tuple((compile_cues({lang: verbs}), side(lang)) for lang, verbs in speech_verbs.items())
    # "according to X" has its speaker after; a postposition ("Raporlara göre") before.
    according = tuple((compile_cues({lang: words}), "before" if flag(lang, "according_before") else "after")
                      for lang, words in _table(files, "speakers", "according").items())
    pronouns = _table(files, "speakers", "pronouns")
    kinds: dict[str, dict[str, list[str]]] = {}
    capitals: dict[str, str] = {}
    for lang, doc in every.items():
        for kind, patterns in doc.get("speakers", {}).get("kinds", {}).items():
            if chosen := [written_forms(p) for p in patterns if lang in files or neutral(p)]:
                kinds.setdefault(kind, {})[lang] = chosen
        capitals.update(doc.get("speakers", {}).get("capitals", {}))
        if names := doc.get("speakers", {}).get("media_names"):  # outlets' names: read in every language
            kinds.setdefault("media", {}).setdefault(lang, []).extend(written_forms(p) for p in names)
    unknown = set(kinds) - set(KIND_ORDER)
    if unknown:
        raise ValueError(f"unknown speaker kinds in {folder}: {', '.join(sorted(unknown))}")
    capital = (re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in sorted(capitals, key=len, reverse=True))
                          + r")(?!\w)") if capitals else None)
    every_cue: dict[str, list[str]] = {}
    for table in (speech_verbs, _table(files, "speakers", "according")):
        for lang, patterns in table.items():
            every_cue.setdefault(lang, []).extend(patterns)
    hedges = _table(files, "status", "hedges")
    for lang, offers in _table(files, "cues", "offer").items():  # an offer or a proposal places no one yet
        hedges.setdefault(lang, []).extend(offers)
    that = _table(files, "cues", "that")  # what a speech verb reports; a quotative closing it ("деп", "বলে")
    for lang, words in _table(files, "speakers", "quotative").items():
        that.setdefault(lang, []).extend(words)
    subject, troops = _table(files, "speakers", "subject"), _table(files, "cues", "troops")
    not_subject = _table(files, "speakers", "not_subject")
    oblique = [f"(?:{p})" for patterns in _table(files, "speakers", "oblique").values() for p in patterns]
    return Tables(compile_cues(hedges), compile_cues(_table(files, "status", "denials")),
                  speech, according,
                  compile_cues(pronouns) if pronouns else None,
                  tuple((k, compile_cues(kinds[k])) for k in KIND_ORDER if k in kinds), capitals, capital,
                  compile_cues(every_cue),
                  compile_cues(that) if that else None,
                  compile_cues(relayed) if (relayed := _table(files, "status", "relayed")) else None,
                  compile_cues(relative) if (relative := _table(files, "cues", "relative")) else None,
                  compile_cues(not_denied) if (not_denied := _table(files, "status", "not_denied")) else None,
                  _compile(subject, unspaced=frozenset(subject)) if subject else None,
                  compile_cues(troops) if troops else None,
                  _compile(not_subject, unspaced=frozenset(not_subject)) if not_subject else None,
                  bool(files) and all(flag(lang, "owner_before") for lang in files),
                  re.compile(rf"(?i:{'|'.join(oblique)})$") if oblique else None,
                  bool(files) and all(flag(lang, "owner_after") for lang in files),
                  frozenset() if codes is None else frozenset(
                      nation for doc in files.values() for nation in doc.get("speakers", {}).get("home", ())),
                  re.compile(r"(?i)(?<!\w)(?:" + "|".join(p for ps in governed.values() for p in ps) + r")\s+$")
                  if (governed := _table(files, "speakers", "governed")) else None,
                  possessive=re.compile(r"(?i)(?<!\w)(?:" + "|".join(p for ps in possessive.values() for p in ps)
                                        + r")\s+$")
                  if (possessive := _table(files, "speakers", "possessive")) else None,
                  this_country=compile_cues(this_country)
                  if (this_country := _table(files, "speakers", "this_country")) else None,
                  addressed=re.compile(r"(?i)(?<!\w)(?:" + "|".join(p for ps in addressed.values() for p in ps)
                                       + r")(?:\s+the)?\s+$")
                  if (addressed := _table(files, "speakers", "addressed")) else None)


@dataclass(frozen=True)
class _Span:
    kind: str
    start: int
    end: int
    text: str
    nation: str | None = None
    side: str = "both"  # a speech cue: the side of it on which a nation can be the one speaking


def _gap(a: _Span, b: _Span) -> int:
    return max(0, max(a.start, b.start) - min(a.end, b.end))


_OWNER = re.compile(r"\b([A-ZÀ-ÖØ-Þ][\w.-]*)(?:['’]s)?\s+$")
_ARTICLES = frozenset({"The", "A", "An"})


def _owned_by_a_name(text: str, span: _Span) -> bool:
    """Whether a capitalised word the gazetteer does not know owns the office ("Serbia's defence ministry"):
    then the article names its nation, and the office is another government's."""
    m = _OWNER.search(text[max(0, span.start - 40):span.start])
    return m is not None and m.group(1) not in _ARTICLES


@lru_cache(maxsize=1)
def _place_names() -> re.Pattern[str]:
    """Every file's names of sectors, of places inside them and of the Strip, as one whole-text regex."""
    names = [n.rstrip("*") for kind in ("sectors", "places") for ns in langdata.sector_names(kind).values() for n in ns]
    patterns = [re.escape(n) for n in names if n] + langdata.words("strip")
    return re.compile(rf"(?i:{'|'.join(patterns)})")


def _place_name(name: str) -> bool:
    """True when a capitalised name is a place ("Gaza", "Rafah", "Khan Yunis"), not a person's name."""
    return _place_names().fullmatch(name) is not None


def _on_speaker_side(span: _Span, cue: _Span) -> bool:
    """Whether a name stands where an "according to" cue puts its speaker ("Rafah, according to media": no)."""
    if cue.kind != "according":
        return True
    return span.start >= cue.end if cue.side == "after" else span.end <= cue.start


def manner_of(text: str, start: int, end: int, clause: tuple[int, int] | None = None,
              tables: Tables | None = None, others: Sequence[tuple[int, int]] = ()) -> tuple[str, list[str]]:
    """``denied`` for a denial in the clause, else ``hedged`` for any hedge in the passage (or a question) outside
    ``others`` (spans of other nations' placements, whose hedges are theirs), else ``stated``; with the words that
    decided."""
    tables = tables or load_tables(LANG_DIR, reading())
    lo, hi = clause or (start, end)
    negated = list(tables.not_denied.finditer(text, lo, hi)) if tables.not_denied else []
    denial = next((m for m in tables.denials.finditer(text, lo, hi)
                   if not any(n.start() <= m.start() < n.end() for n in negated)), None)
    if denial:
        return "denied", [denial.group()]
    # a denial withheld ("did not deny") confirms nothing: the passage is hedged
    hedges = [m.group() for m in negated] + [m.group() for m in tables.hedges.finditer(text, start, end)
                                             if not any(lo <= m.start() < hi for lo, hi in others)]
    if hedges:
        return "hedged", hedges
    if text[start:end].rstrip().rstrip("\"”’»").endswith(("?", "؟")):
        return "hedged", ["a question"]
    return "stated", []


class _Reader:
    """Finds the speaker of passages of one article."""

    def __init__(self, text: str, nation: str | None, find_nations: NationFinder, tables: Tables) -> None:
        self.text, self.nation, self.find_nations, self.tables = text, nation, find_nations, tables
        self.passage = (0, len(text))
        self._clause_starts: dict[_Span, int] = {}  # a verb-final cue -> clause_start (the passage is set once)

    def cues(self, start: int, end: int) -> list[_Span]:
        found: list[_Span] = []
        if self.tables.any_cue is not None:  # no language's cue matches before the first of any: start there
            first = self.tables.any_cue.search(self.text, start, end)
            if first is None:
                return found
            start = first.start()
        for kind, table in (("according", self.tables.according), ("speech", self.tables.speech)):
            for pattern, side in table:
                found += [_Span(kind, m.start(), m.end(), m.group(), side=side)
                          for m in pattern.finditer(self.text, start, end)]
        return found

    def distance(self, span: _Span, cues: list[_Span], subjects: dict[int, _Span]) -> int | None:
        """How far a candidate stands from the nearest speech cue (an opening subject counts as near); None when
        it stands in a verb-final cue's clause, not as its subject (``subjects``: a verb-final cue's start -> its
        subject), and no other cue is near."""
        if span.side == "far":
            return NEAR_VERB
        # "denied reports": a word that is a cue and a speaker ("reports") is measured from the other cues
        others = [q for q in cues if not (q.start < span.end and span.start < q.end)] or cues
        gaps = []
        for q in others:
            if q.side != "final" or span.start >= q.end:
                gaps.append(_gap(span, q))
            elif subjects.get(q.start) is span:  # a verb closing its clause is its subject's
                gaps.append(0)
        return min(gaps, default=None)

    def candidates(self, start: int, end: int, cues: list[_Span]) -> list[_Span]:
        text = self.text
        found = [_Span(kind, m.start(), m.end(), m.group()) for kind, pattern in self.tables.kinds
                 for m in pattern.finditer(text, start, end)]
        if self.tables.capital is not None:
            found += [_Span("capital", m.start(), m.end(), m.group(), self.tables.capitals[m.group()])
                      for m in self.tables.capital.finditer(text, start, end)]
        named = [_Span("nation", n.start, n.end, n.surface, n.key) for n in self.find_nations(text[start:end], start)]
        nations = named
        if self.tables.governed is not None:  # "Israel's ambassador to Indonesia said": Indonesia does not speak
            nations = [n for n in named if not self.governed(n)]
            found = [c for c in found if c.kind != "capital" or not self.governed(c)]
        if self.tables.addressed is not None:  # "told Reuters": the outlet is told, it does not speak
            found = [c for c in found if c.kind != "media" or self.tables.addressed.search(
                text, max(0, c.start - 16), c.start) is None]
        media = [s for s in found if s.kind == "media"]
        for nation in nations:  # "Israel confirmed", "according to Israel", "أعلنت تركيا"
            if any(_gap(nation, m) <= OUTLET_REACH for m in media):
                continue  # "Media Israel", "هيئة البث الإسرائيلية": an outlet's country, not a government speaking
            for cue in cues:
                # "…인도네시아군이 라파에 배치된다고 말했다", "…インドネシア軍が…と語った": a quotative between the
                # nation and a verb that closes the sentence puts the nation inside what is said
                before = (nation.end <= cue.start and cue.start - nation.end <= NEAR_VERB and cue.side != "after"
                          and not self.quotative(nation.end, cue)
                          and not (cue.side == "final" and self.contingent(nation)))
                after = (cue.end <= nation.start and nation.start - cue.end <= NEAR_VERB
                         and cue.side in ("after", "both")
                         and not (self.tables.that and self.tables.that.search(text, cue.end, nation.start)))
                if before or after or self.opens_clause(nation, cue):
                    found.append(nation)
                    break
            else:  # "Kazakistan, … resmen doğruladı": the passage opens with the nation that speaks at its end
                lead_in = text[start:nation.start].strip(_LEAD_IN)
                if not lead_in and text[nation.end:nation.end + 2].startswith((",", "،")) and any(
                        c.kind == "speech" and c.start > nation.end for c in cues):
                    found.append(_Span("nation", nation.start, nation.end, nation.text, nation.nation, side="far"))
        if self.tables.pronouns is not None:  # "he said"; "그는 … 말했다", "彼は…と述べた": it opens the clause
            found += [pronoun for m in self.tables.pronouns.finditer(text, start, end)
                      for pronoun in [_Span("pronoun", m.start(), m.end(), m.group())]
                      if any(_gap(pronoun, c) <= 2 or self.opens(pronoun, c) for c in cues)]
        found = [s for s in found if not any(o is not s and o.start <= s.start and s.end <= o.end
                                             and o.end - o.start > s.end - s.start for o in found)]
        taken = found + named + cues
        for m in _PERSON.finditer(text, start, end):
            s, e = m.start(), m.end()
            for other in taken:  # keep the name only: "Defence Minister Ejup Maqedonci" -> "Ejup Maqedonci"
                if s <= other.start < e or s < other.end <= e:
                    s = max(s, other.end) if other.start <= s + 1 else s
                    e = min(e, other.start) if other.start > s else e
            name = text[s:e].strip(" ,.'’")
            if len(name) < 3 or not name[:1].isupper() or _place_name(name):
                continue  # "…en el norte de Gaza, anunció el Ministerio": a place is no one who speaks
            s = text.index(name, s)
            person = _Span("person", s, s + len(name), name)
            if self.tables.governed is not None and self.governed(person):
                continue  # "… after talks in Cairo, reported the newspaper Haaretz": a place no gazetteer holds
            if any(_gap(person, c) <= 2 and _on_speaker_side(person, c) for c in cues) and not any(
                    o.start < person.end and person.start < o.end for o in taken):
                found.append(person)
        asides = self.asides(start, end)  # "The US military, which runs the CMCC, said": the military speaks
        return [s for s in found if not any(a <= s.start and s.end <= b for a, b in asides)]

    def governed(self, name: _Span) -> bool:
        """True when a preposition of ``[speakers] governed`` stands right before the name."""
        assert self.tables.governed is not None
        return self.tables.governed.search(self.text, max(0, name.start - 24), name.start) is not None

    def clause_start(self, cue: _Span) -> int:
        """Where the clause a verb-final speech cue closes starts: after the sentence's end or the cue before it."""
        if (known := self._clause_starts.get(cue)) is not None:  # asked for each candidate: its range's cues once
            return known
        # a cue in a sentence before the passage ("그는 … 말했다" looks back for who "he" is): from its own sentence
        lo, text = self.passage[0] if self.passage[0] <= cue.start else max(0, cue.start - LOOK_BACK), self.text
        ends = [m.end() for m in _CLAUSE_END.finditer(text, lo, cue.start)]
        start = max([lo, *ends, *(c.end for c in self.cues(lo, cue.start) if c.end <= cue.start)])
        self._clause_starts[cue] = start
        return start

    def contingent(self, nation: _Span) -> bool:
        """True when a word for troops stands right next to the nation ("터키군", "Türkiye hərbçiləri", "نیروهای
        ترکیه", "तुर्की सैनिकों"): it names the contingent, who does not speak a verb-final cue."""
        if self.tables.troops is None:
            return False
        after = self.tables.troops.search(self.text, nation.end, nation.end + TROOP_REACH + 12)
        if after is not None and after.start() - nation.end <= TROOP_REACH:
            return True
        return any(nation.start - m.end() <= TROOP_REACH for m in self.tables.troops.finditer(
            self.text, max(0, nation.start - TROOP_REACH - 12), nation.start))

    def opens(self, span: _Span, cue: _Span) -> bool:
        """True when ``span`` is the first thing in the clause a verb-final speech cue closes."""
        return (cue.side == "final" and span.end <= cue.start
                and not self.text[self.clause_start(cue):span.start].strip(_LEAD_IN + ",、，"))

    def opens_clause(self, nation: _Span, cue: _Span) -> bool:
        """True when the nation opens the clause a verb-final speech cue closes, marked as its subject or topic
        ("이스라엘은 … 반대하지 않는다", "イスラエルは…反対していない", "इस्राइल ने … घोषणा की")."""
        return (self.tables.subject is not None and self.opens(nation, cue)
                and self.tables.subject.match(self.text, nation.end) is not None)

    def subject_of(self, cue: _Span, candidates: list[_Span]) -> _Span | None:
        """The speaker of a verb-final speech cue: the first candidate after the quotative that closes what is
        said ("…라고 미국 관리들은 밝혔다"); else the phrase a comma closes ("Ankara'da konuşan Endonezya Savunma
        Bakanı, …"); else the first in its clause (the subject comes first); None when the clause names no one.
        A name in an oblique case (``not_subject`` after it) or an office word ending in one (``oblique``:
        "Bakanlığının planını … ABD Dışişleri Bakanlığı doğruladı") is never the subject."""
        # a subject put after its verb ("…, এমনটাই জানিয়েছে বার্তা সংস্থা রয়টার্স": so reported the news agency Reuters)
        postposed = [c for c in candidates if c.start >= cue.end and not self.text[cue.end:c.start].strip()
                     and len(self.text[c.end:self.passage[1]].split()) <= POSTPOSED_WORDS]  # ending the sentence
        if postposed:
            return min(postposed, key=lambda c: (c.start, KIND_ORDER.index(c.kind)))
        lo = self.clause_start(cue)
        said = [m.end() for m in self.tables.that.finditer(self.text, lo, cue.start)] if self.tables.that else []
        # a word for troops inside what is said is its subject ("Түркия әскерлері … орналасады деп"), not who says it
        inside = [c for c in candidates if lo <= c.start and c.end <= cue.start and not (
            said and c.end <= said[-1] and self.tables.troops is not None and self.tables.troops.fullmatch(c.text))
            and not (self.tables.not_subject is not None and self.tables.not_subject.match(self.text, c.end))
            and not (c.kind == "government" and self.tables.oblique is not None
                     and self.tables.oblique.search(c.text) is not None)]
        tail = sorted((c for c in inside if said and c.start >= said[-1]), key=lambda c: c.start)
        if not tail:
            for comma in _COMMA.finditer(self.text, lo, cue.start):
                if closed := [c for c in inside if c.end <= comma.start()]:
                    return max(closed, key=lambda c: (c.end, -KIND_ORDER.index(c.kind)))
            tail = sorted(inside, key=lambda c: (c.start, KIND_ORDER.index(c.kind)))
        first = tail[0] if tail else None
        for c in tail[1:] if self.tables.owner_before else ():  # "米政府高官は": a phrase ends on its head
            if first is not None and first.end <= c.start and not self.text[first.end:c.start].strip():
                first = c
        return first

    def quotative(self, start: int, cue: _Span) -> bool:
        """True when a quotative ("that", "…다고", "…と") stands between ``start`` and the speech cue (it may look
        at the cue itself: "と語った")."""
        found = self.tables.that.search(self.text, start, cue.end) if self.tables.that else None
        return found is not None and found.start() < cue.start

    def asides(self, start: int, end: int) -> list[tuple[int, int]]:
        """The relative clauses set off by commas in ``text[start:end]`` (", which runs the CMCC,"): what they
        name is said about the speaker, it is not who speaks."""
        if self.tables.relative is None:
            return []
        out = []
        for m in self.tables.relative.finditer(self.text, start, end):
            opening = self.text[max(start, m.start() - 3):m.start()].rstrip()
            if opening.endswith((",", "،")):
                closing = min((i for i in (self.text.find(",", m.end(), end), self.text.find("،", m.end(), end))
                               if i >= 0), default=-1)
                if closing >= 0:
                    out.append((m.start(), closing))
        return out

    def nation_near(self, span: _Span, start: int, end: int, cues: list[_Span]) -> str | None:
        """The nation of an office: the nearest nation or capital named next to it, not across a speech verb."""
        text = self.text
        near = [(n.start, n.end, n.key) for n in self.find_nations(text[start:end], start)]
        if self.tables.capital is not None:
            near += [(m.start(), m.end(), self.tables.capitals[m.group()])
                     for m in self.tables.capital.finditer(text, start, end)]
        if self.tables.this_country is not None:  # "the country's": the one nation named before it in the passage
            for m in self.tables.this_country.finditer(text, start, end):
                before = {n.key for n in self.find_nations(text[self.passage[0]:m.start()], self.passage[0])}
                if not before:  # "মরক্কো … পাঠাবে। …, জানিয়েছে দেশটির মন্ত্রণালয়": the sentence before names it
                    before = self.sentence_nations_before(self.passage[0])
                if len(before) == 1:
                    near.append((m.start(), m.end(), before.pop()))
        if self.tables.owner_before:  # the owner stands before: one after is the nation of what it says
            near = [(s, e, key) for s, e, key in near if e <= span.start]
        elif self.tables.owner_after and any(s >= span.end and s - span.end <= TITLE_REACH for s, _, _ in near):
            near = [(s, e, key) for s, e, key in near if s >= span.end]  # not the nation of the phrase before
        best = None
        for s, e, key in near:
            gap = max(0, max(s, span.start) - min(e, span.end))
            lo, hi = min(e, span.end), max(s, span.start)
            if gap > TITLE_REACH or any(lo <= c.start and c.end <= hi for c in cues):
                continue
            if _CLAUSE_MARK.search(text, lo, hi):  # "Albania will lead Deir al-Balah, Prime Minister X said"
                continue
            if s >= span.end and self.tables.that is not None and self.tables.that.search(text, lo, hi):
                continue  # "قال المتحدث باسم الوزارة إن القوات الإندونيسية": the nation of what is said
            if best is None or gap < best[0]:
                best = (gap, key)
        return best[1] if best else None

    def resolve(self, span: _Span, start: int, end: int, cues: list[_Span], depth: int = 0
                ) -> tuple[str, str] | None:
        """(said_by, speaker) for a chosen speaker span, or None when it cannot be told."""
        if span.kind == "media":  # the outlet's name right after its kind: "the newspaper Haaretz"
            return span.kind, " ".join([span.text, *self.outlet_name(span)])
        if span.kind in ("force-official", "analyst", "maps", "unnamed-officials"):
            return span.kind, span.text
        if span.kind in ("capital", "nation"):
            return self.government(span.nation), span.text
        if span.kind == "government":
            nation = self.nation_near(span, start, end, cues)
            if nation is None and depth == 0:
                nation = self.earlier_nation(span, start)
            if nation is None:
                nation = self.possessor(span, start, end)
            office = self.text[span.start:span.end]
            if nation is None and not _owned_by_a_name(self.text, span):
                home = self.home_nation(*self.passage, office_at=(start, end))
                if home is not None:  # the reader must see the nation was not written beside the office
                    return "nation-official", f"{office} ({home}: {HOME_PRESS})"
                # "Foreign Minister Hakan Fidan said Indonesian troops…": whose is not said, and taking the nation from
                # what is said would let a third party confirm for it
                return "official", office
            return self.government(nation), office if nation is None else f"{office} ({nation})"
        if depth > 1:
            return None
        if span.kind == "person":  # a name the article gives no title for: a report naming its source
            return self.person(span, start, depth) or (("media", span.text) if depth == 0 else None)
        return self.before(start, depth)  # "he said"

    def outlet_name(self, span: _Span) -> list[str]:
        """The capitalised words right after an outlet's kind ("newspaper Haaretz"), or [] when there are none or
        they name a nation ("truyền thông Israel": Israeli media, no outlet's name)."""
        name = _PERSON.match(self.text, span.end + 1) if self.text[span.end:span.end + 1] == " " else None
        if name is None:
            return []
        # the class in _PERSON also holds lower-case letters of Latin Extended-A (Vietnamese "đưa")
        words = list(itertools.takewhile(lambda w: w[:1].isupper(), name.group().split()))
        words = [w.rstrip(_NAME_END) for w in words]
        if not words or self.find_nations(" ".join(words), 0):
            return []
        return words

    def government(self, nation: str | None) -> str:
        return "nation-official" if nation is not None and nation == self.nation else "other-government"

    def home_nation(self, start: int, end: int, office_at: tuple[int, int] | None = None) -> str | None:
        """The claim's nation when the passage is in that nation's own language and names no other nation: an
        Indonesian report's "Menteri Pertahanan" is Indonesia's (an English one's "the defence minister" is not
        known to be anyone's). A passage that names no nation at all, its contingent referred back to ("Pasukan itu
        akan bertugas di Deir al-Balah, kata dia"), is read with the sentence that names the office
        (``office_at``, "Menhan Sjafrie menyebut pasukan RI ..."): together they must name the claim's nation
        and no other."""
        if self.nation is None or self.nation not in self.tables.home:
            return None
        named = {n.key for n in self.find_nations(self.text[start:end], start)}
        if not named and office_at is not None and office_at != (start, end):
            named = {n.key for n in self.find_nations(self.text[office_at[0]:office_at[1]], office_at[0])}
        return self.nation if named == {self.nation} else None

    def possessor(self, span: _Span, start: int, end: int) -> str | None:
        """The nation a possessive before an office refers to ("Indonesia will send troops to Rafah, its foreign
        minister said"): the one nation (or capital) the passage names, only when it opens the passage as its
        subject (an article at most before it); None where the sentence names another nation, or opens on anything
        else ("The ISF will place Indonesian troops in Rafah, its spokesman said": the force's)."""
        if self.tables.possessive is None or not self.tables.possessive.search(
                self.text, max(start, span.start - 12), span.start):
            return None
        named = [(n.start, n.key) for n in self.find_nations(self.text[start:end], start)]
        if self.tables.capital is not None:
            named += [(m.start(), self.tables.capitals[m.group()])
                      for m in self.tables.capital.finditer(self.text, start, end)]
        if len({key for _, key in named}) != 1:
            return None
        first, key = min(named)
        opening = self.text[start:first].strip(_LEAD_IN)
        return key if opening in ("", "The", "the") else None

    def sentence_nations_before(self, start: int) -> set[str]:
        """The nations named in the nearest sentence before ``start`` (within LOOK_BACK) that names any: what "the
        country's" (``this_country``) opening a later sentence refers back to, when that sentence names just one."""
        lo = max(0, start - LOOK_BACK)
        named = self.find_nations(self.text[lo:start], lo)
        if not named:
            return set()
        last = max(named, key=lambda n: n.start)
        opening = max((m.end() + lo for m in _SENTENCE_END.finditer(self.text[lo:last.start])), default=lo)
        return {n.key for n in named if n.start >= opening}

    def earlier_nation(self, span: _Span, start: int) -> str | None:
        """The nation of an office named without one ("the ministry said") where the article named it before."""
        words = re.escape(span.text.lower())
        lo = max(0, start - LOOK_BACK)
        for m in reversed(list(re.finditer(words, self.text[lo:start].lower()))):
            earlier = _Span("government", lo + m.start(), lo + m.end(), span.text)
            window = max(0, earlier.start - 80), earlier.end + 80
            nation = self.nation_near(earlier, *window, self.cues(*window))  # not what that office said
            if nation is not None:
                return nation
        return None

    def person(self, span: _Span, start: int, depth: int) -> tuple[str, str] | None:
        """Who a name is: the title next to it here, else next to where the article named them before."""
        surname = span.text.split()[-1]
        places = [(span.start, span.end)]
        lo = max(0, start - LOOK_BACK)
        places += [(lo + m.start(), lo + m.end()) for m in reversed(list(re.finditer(
            rf"(?<!\w){re.escape(surname)}(?!\w)", self.text[lo:start])))]
        home: tuple[str, str] | None = None  # a title here taken as the home nation's, for want of a nation written
        for s, e in places:
            w_lo, w_hi = self.sentence_around(max(0, s - 60), s, e, min(len(self.text), e + 60))
            here = _Span("person", s, e, span.text)
            titles = [c for c in self.candidates(w_lo, w_hi, []) if c.kind not in ("person", "pronoun", "nation")]
            # an office word in an oblique case ("hökumətinin planını": the government's plan) is no one's title
            titles = [c for c in titles if _gap(c, here) <= 40 and not (
                c.kind == "government" and self.tables.oblique is not None and self.tables.oblique.search(c.text))]
            # "Selon Le Monde, l'armée indonésienne sera déployée", "Menurut Kompas, prajurit TNI akan…": a word for
            # troops after the comma that closes the name's phrase is what is said (the contingent), not its title
            titles = [c for c in titles if not (c.start >= e and _COMMA.search(self.text, e, c.start)
                                                and self.tables.troops is not None
                                                and self.tables.troops.match(self.text, c.start))]
            if titles:
                best = min(titles, key=lambda c: (_gap(c, here), KIND_ORDER.index(c.kind)))
                resolved = self.resolve(best, w_lo, w_hi, self.cues(w_lo, w_hi), depth + 1)
                if resolved is not None:
                    found = resolved[0], f"{span.text}, {resolved[1]}" if resolved[1] != span.text else span.text
                    if HOME_PRESS not in resolved[1]:
                        return found
                    # "Kryeministri Benjamin Netanyahu": where the article names the person with a nation elsewhere
                    # ("Kryeministri izraelit Benjamin Netanyahu"), that nation's office, not the home nation's
                    home = home or found
        return home

    def sentence_around(self, lo: int, start: int, end: int, hi: int) -> tuple[int, int]:
        """``lo``..``hi`` clipped to the sentence holding ``text[start:end]``: a title in the next sentence is not
        this name's ("… Vaşinqtonda bildirib. O, İndoneziya hökumətinin …")."""
        ends = [m.end() for m in _CLAUSE_END.finditer(self.text, lo, start)]
        after = _CLAUSE_END.search(self.text, end, hi)
        return max([lo, *ends]), after.start() if after is not None else hi

    def before(self, start: int, depth: int) -> tuple[str, str] | None:
        """The speaker of the nearest sentence before ``start`` that names one with a speech verb; where none
        does, the office that opens the sentence right before as its subject ("Panglima TNI Jenderal Agus
        Subiyanto melepas 500 prajurit. Pasukan itu akan ditempatkan di Rafah, ujarnya.", "Army chief X inspected
        the troops. They will deploy to Rafah, he said.": he is the one the sentence before was about)."""
        lo = max(0, start - LOOK_BACK)
        bounds = [lo] + [lo + m.end() for m in _SENTENCE_END.finditer(self.text[lo:start])] + [start]
        spans = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if self.text[a:b].strip()]
        for a, b in list(reversed(spans))[:4]:
            found = self.speaker(a, b, depth + 1)
            if found is not None:
                return found
        if not spans or depth > 0:
            return None
        a, b = spans[-1]
        opening = [c for c in self.candidates(a, b, []) if c.kind in ("government", "force-official")
                   and not self.text[a:c.start].strip(_LEAD_IN + " ")]
        return self.resolve(opening[0], a, b, [], depth + 1) if opening else None

    def relay(self, start: int, end: int) -> str | None:
        """The outlet (or word) through which the passage relays what it quotes: "according to Kan", "Kan
        reported", "ذكرت قناة كان", "reportedly", "is said to"; None when the passage is no relay."""
        if self.tables.relayed is not None:
            word = self.tables.relayed.search(self.text, start, end)
            if word is not None:
                return word.group()
        cues = self.cues(start, end)
        for media in (c for c in self.candidates(start, end, cues) if c.kind == "media"):
            for cue in cues:
                if cue.start < media.end and media.start < cue.end:
                    continue  # "denied reports": the thing denied, not who relays it
                # "told Kan", "said on its website": an addressee or a channel after an English verb is no relay
                after_verb = media.start >= cue.end and cue.kind == "speech" and cue.side in ("before", "final")
                if _gap(media, cue) <= RELAY_GAP and _on_speaker_side(media, cue) and not after_verb:
                    return media.text
        return None

    def speaker(self, start: int, end: int, depth: int = 0) -> tuple[str, str] | None:
        """(said_by, speaker) of the passage text[start:end], or None when no speaker is named."""
        cues = self.cues(start, end)
        if not cues:
            if depth == 0 and _QUOTES.search(self.text, start, end):
                return self.before(start, depth)
            return None
        candidates = self.candidates(start, end, cues)
        subjects = {q.start: s for q in cues if q.side == "final"
                    for s in [self.subject_of(q, candidates)] if s is not None}
        distances = {id(c): self.distance(c, cues, subjects) for c in candidates}
        order = sorted((c for c in candidates if distances[id(c)] is not None),
                       key=lambda c: (distances[id(c)], KIND_ORDER.index(c.kind), c.start - c.end))
        for best in order:
            resolved = self.resolve(best, start, end, cues, depth)
            if resolved is not None:
                return resolved
            office = next((m for k, p in self.tables.kinds if k == "government" and best.kind == "pronoun"
                           for m in [p.search(self.text, best.start, best.end)] if m), None)
            if office is not None:  # "the ministry announced", no ministry named before: an office of its own
                return self.resolve(_Span("government", office.start(), office.end(), office.group()), start, end,
                                    cues, depth + 1)
        return None


def detect(text: str, start: int, end: int, nation: str | None, find_nations: NationFinder,
           clause: tuple[int, int] | None = None, tables: Tables | None = None,
           others: Sequence[tuple[int, int]] = ()) -> Detected:
    """Who says ``text[start:end]`` and how, for a claim about ``nation`` (None: the force as a whole).

    ``clause`` is the part of the passage that carries the assignment (where a denial must stand);
    ``find_nations`` is the gazetteer's nation finder; ``others``: spans of other nations' placements in other
    clauses ("…, while Morocco could take Deir al-Balah"), whose hedges do not hedge this claim."""
    tables = tables or load_tables(LANG_DIR, reading())
    manner, words = manner_of(text, start, end, clause, tables, others)
    reader = _Reader(text, nation, find_nations, tables)
    reader.passage = (start, end)
    found = reader.speaker(start, end)
    if found is None:
        return Detected(Attribution("media", manner), tuple(words))
    said_by, speaker = found
    if said_by in OFFICIAL and manner == "stated":
        # an official's word relayed by an outlet ("according to Kan, the minister said"): the outlet's report,
        # which never confirms (status rule 2); a hedged or denied passage keeps its speaker (it confirms nothing)
        relay = reader.relay(start, end)
        if relay is not None:
            return Detected(Attribution("media", manner, f"{relay}, relaying {speaker}"), (*words, relay, speaker),
                            True)
    return Detected(Attribution(said_by, manner, speaker), (*words, speaker), True)
