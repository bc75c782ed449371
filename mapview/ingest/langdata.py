"""The per-language data ingest reads: one TOML file per language in ``mapview/ingest/lang/<code>.toml``.

Adding a language is adding a file (and its tests); the extractor is language-agnostic code over these tables.
A file holds:

- ``[language]``: ``code``, ``name``, ``script``, the CLDR locales its nation names come from (``cldr``), the
  prefixes that attach to words in this script (``cue_prefix``, ``name_prefix``: Arabic و ف ب ل, Hebrew ו ה ב ל מ),
  ``inflects``: when true, CLDR names also match with endings (``Индонези*`` reads Индонезии, Индонезию),
  after ``stem_strip`` (a regex) is removed from their end; ``stopwords``: frequent words that tell the language;
  ``reads_with``: close languages whose tables this language's text is read with too (Portuguese: Spanish);
  ``verb_last``: the verb closes the clause, so a speaker's phrase before a comma speaks the verb at the end;
  ``foreign_letters``: letters of its script the language never writes (Russian: і ї є ґ), so a text that writes
  them in many words is not in it, however many of its stopwords it shares (Ukrainian на, в, за);
  ``name_not_before``: in a script without spaces, letters that, right after a name, make it part of another
  word (Korean 라파엘, Rafael, is no 라파 Rafah: ``엘``);
- ``[cues]``: role cue patterns (regexes that may allow words in between, matched whole-word and case-insensitive):
  lead, deploy, base, phase, assign, outlet, border (a nation naming a border is a place), backref, site_backref
  and site (a site the sentence before named for a nation's troops, referred back to: "the site", "lokasi
  tersebut", "الموقع"; the site nouns that sentence names: "a site", "land", "lahan", "موقع"), troops,
  police, medical, task, clause_break, clause_end (a conjunction ending a clause on its verb before a
  comma: Japanese が、, Korean 지만,), clause_end_bare (a word closing an adverbial clause with no comma:
  Korean "결정한 가운데", amid), soft_break, list_joiner, list_article, strip (names of the Strip as a
  whole), strip_not_before, masthead, between / between_after (the word before or after a pair of sectors that
  makes them one site's area); for the placement frame: placement (any word of placing troops), force (the
  whole force), near and locative (another place near a sector), rank (a title on a word for troops), not_at (a
  negation before a sector), not_after (a negation right after one: Korean 아닌), that (what a speech verb
  reports), modifier ("-led" after a nation), leader_before (the force named as led by the nation after it: Thai
  "กองกำลัง…ที่นำโดย"), person (a word making a nation next to it a person's nationality:
  "US officials"), supporter and supporter_before (a nation that
  trains, funds or equips troops), possessive ("its troops": a person's nation then stays the contingent), shared (a
  site of several contingents: "multinational"), civilian (whom a site is for: "displaced families"), protect (a
  verb of protecting: civilians it takes as its object are the troops' task, "a base in Rafah to protect displaced
  families"), opposed (a
  stance: "opposes", "called for"), not_opposed (the stance negated:
  "does not oppose", "لا تعارض": the opposition word in it is no stance), crossing (a border crossing or gate: a
  point, not a sector placement), offer (an offer to send troops: refused in
  its sentence, it places no one), past ("until 1967"), foreign_side, own_side, own_border ("on its side of the
  border", anywhere in the clause), border_of (right before a sector, a border it only locates: "the border at
  Rafah", "الحدود في رفح";
  a border word right after the name, "the Rafah border", "ラファの国境", is read from the border table),
  correction (right after a negated sector, the word naming the one instead: "not in Rafah but in Khan Younis";
  after a negated verb, "will not be stationed in Rafah but in Khan Younis", with negation: a word negating a
  verb) and at_town (the Egyptian Rafah:
  "the Egyptian city of", "its side of", "in Egyptian Rafah"), relative ("which": the cue's subject is the noun
  before it), particle (Japanese case particles, ending a nation's phrase), not_only / only_after / but_also
  ("not only in A but also in B": both placed; "ラファだけでなく": an "only" after the sector) and copula (a present
  or future "be", no past form: a nation's word for troops as its subject with a sector next to it is a
  placement) and auxiliary (a word of the verb group between a negation and the placing verb: "no van a ser
  desplegadas", "tidak akan dikerahkan") and verb_negation (a negation that, right before a sector whose placing verb
  closes the clause after it, negates that verb: German "werden nicht in Rafah stationiert"; none where it negates
  the place, Hungarian "nem Rafahban"); and leave (a word of leaving, withdrawing, evacuating or visiting: a sector it
  takes as its object or source a few words on, "withdrew from Rafah", "visited Rafah", is placed by no rule), source
  ("from": a leave word with a source of its own before another name does not reach the sector) and leave_after (right
  after a sector, the words closing its clause on leaving it: "… in Rafah had been withdrawn", "ラファから撤退");
  given_to (a cue ending on the preposition that names who is given a sector: "falls to", "reviendra au", "toccherà
  al"; a nation after it is not a place however the at_place table reads that preposition), pair_for (the word
  joining a sector to the nation it goes to in a list of pairs: "Rafah, para Indonesia; Jan Yunis, para Pakistán",
  "Rafah all'Indonesia, Khan Younis al Marocco"; elided before an apostrophe, "all'"), pair_prefix (that word
  written on the nation's name: Arabic "رفح لإندونيسيا وخان يونس للمغرب"), pair_to (the word between a nation and
  its sector in a list of two or more pairs: "Morocco to Deir al-Balah, Kazakhstan to Gaza City"), respectively (the
  word that pairs a list of nations with a list of sectors in order: "respectively", "masing-masing", "على التوالي"),
  site_for (opening the sentence after one naming a site in a sector, words referring back to the site, subject
  dropped or a pronoun, and saying whom it is for: "Está destinado a", "È destinato ai", "Ai është i destinuar
  për") and
  announce (a verb of announcing or confirming that takes the sending of troops for object: "announced the
  dispatch of troops to Rafah": who announces sends) and send (a word of sending troops: opening what a nation
  denies or announces, "denied sending soldiers to", "a démenti l'envoi de", "διέψευσε ότι θα στείλει", that nation
  sends them) and there (an adverb of place standing for the sector the sentence before named, "সেখানে", "그곳에는":
  read as that sector; only where the adverb cannot be the dummy subject English "there are" is);
- ``[nations]``: registry nation name → extra names, demonyms and abbreviations (RI, TNI, KSF); a name ending in
  ``*`` matches with up to six more letters (inflected forms); ``[drop]`` ``names``: CLDR names not to read;
- ``[sectors]`` and ``[places]``: sector id → sector spellings, and → names of places inside it;
- ``[status]`` and ``[speakers]``: certainty and attribution data (read by the status engine, not here; ``[speakers]
  possessive``, "its": an office after it is the nation's that opens the sentence, where it names no other;
  ``[speakers] media_names``: outlets' own names, "Times of Israel", read as media in a text of any language).

Files are read once per process; Babel's CLDR data is loaded only when the gazetteer is built.

Each text is read with its own language's tables (:func:`reading_codes`, set around the reading by
:func:`read_as`), and those of the close languages its file names in ``reads_with`` (Portuguese text with Spanish
cues): a word that is a cue in one language is an ordinary word in another. A text too short to tell by its
stopwords (a pasted sentence) is read with the language py3langid names when it is sure
(:func:`short_text_language`), and with every file's tables only when nothing tells its language. Names
(nations, sectors, places, the Strip, outlets' title words) and acronyms in any table ("ISF", "KSF", "TNI", "HQ")
are language-neutral and read in every text.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from mapview.ingest.dispatch import alternation, gated_from

LANG_DIR = Path(__file__).with_name("lang")
STAR_LETTERS = 6  # a name written "stem*" matches stem + up to this many letters

# Registry nation → CLDR territory code (Babel names it in every locale).
TERRITORY: dict[str, str] = {
    "Albania": "AL", "Azerbaijan": "AZ", "Bangladesh": "BD", "Canada": "CA", "Egypt": "EG", "France": "FR",
    "Germany": "DE", "Greece": "GR", "India": "IN", "Indonesia": "ID", "Israel": "IL", "Italy": "IT", "Jordan": "JO",
    "Kazakhstan": "KZ", "Kosovo": "XK", "Malaysia": "MY", "Morocco": "MA", "Netherlands": "NL", "Pakistan": "PK",
    "Qatar": "QA", "Saudi Arabia": "SA", "Spain": "ES", "Turkey": "TR", "United Arab Emirates": "AE",
    "United Kingdom": "GB", "United States": "US", "European Union": "EU", "United Nations": "UN",
}


@dataclass(frozen=True)
class Language:
    """One language's data file, as read."""

    code: str
    name: str
    script: str
    cldr: tuple[str, ...] = ()
    cue_prefix: str = ""
    name_prefix: str = ""
    inflects: bool = False
    stem_strip: str = ""
    spaced: bool = True  # words stand apart (False for Japanese: cues and names match inside runs of text)
    reads_with: tuple[str, ...] = ()  # close languages whose tables this one's text is read with too (pt: es)
    verb_last: bool = False  # the verb closes the clause (Turkish): a speaker's phrase ends at a comma
    stopwords: tuple[str, ...] = ()
    foreign_letters: str = ""  # letters of its script this language never writes (Russian: і ї є ґ)
    name_not_before: tuple[str, ...] = ()  # unspaced script: letters after a name that make it another word
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    nations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    drop: frozenset[str] = frozenset()
    sectors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    places: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def cue(self, kind: str) -> tuple[str, ...]:
        """The patterns of one cue table (empty when the file has none)."""
        return self.cues.get(kind, ())


# Devanagari and Bengali letters with a nukta are written either as one character (U+0958 क़, U+09DF য়) or as the
# letter and the nukta (NFC keeps the second): a name or cue is read in both forms, however its file writes it.
_NUKTA_FORMS = {"\u0915\u093c": "\u0958", "\u0916\u093c": "\u0959", "\u0917\u093c": "\u095a", "\u091c\u093c": "\u095b",
                "\u0921\u093c": "\u095c", "\u0922\u093c": "\u095d", "\u092b\u093c": "\u095e", "\u092f\u093c": "\u095f",
                "\u09a1\u09bc": "\u09dc", "\u09a2\u09bc": "\u09dd", "\u09af\u09bc": "\u09df"}


def _decomposed(text: str) -> str:
    for pair, single in _NUKTA_FORMS.items():
        text = text.replace(single, pair)
    return text


def nukta_forms(name: str) -> list[str]:
    """A name as written, with its nukta letters decomposed, and precomposed (one form when it has none)."""
    precomposed = decomposed = _decomposed(name)
    for pair, single in _NUKTA_FORMS.items():
        precomposed = precomposed.replace(pair, single)
    return list(dict.fromkeys((name, decomposed, precomposed)))


def either_nukta(pattern: str) -> str:
    """A cue pattern that reads each nukta letter in it in both forms (a pattern without one is unchanged)."""
    out = _decomposed(pattern)
    for pair, single in _NUKTA_FORMS.items():
        out = out.replace(pair, f"(?:{pair}|{single})")
    return out if out != pattern else pattern


# Arabic-script text may write short vowels, shadda and sukun over its letters ("تُنشَر", "القوّات"), or stretch a word
# with a tatweel: a cue's letters are read with any of these after each of them, however the file writes it.
ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u0671-\u06d3]")
# tatweel, marks, tatweel: one class of a range and a letter (a wider class costs five times as much to compile,
# once per language set read)
ARABIC_MARKS = "\u0640*[\u064b-\u065f\u0670]*\u0640*"
_QUANTIFIER = ("?", "*", "+", "{")


def _class_end(pattern: str, i: int) -> int:
    """The index after the character class opening at ``pattern[i]`` ("[")."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return min(j + 1, len(pattern))


def _group_end(pattern: str, i: int) -> int:
    """The index after the group opening at ``pattern[i]`` ("(")."""
    depth, j = 0, i
    while j < len(pattern):
        if pattern[j] == "\\":
            j += 2
            continue
        if pattern[j] == "[":
            j = _class_end(pattern, j)
            continue
        depth += {"(": 1, ")": -1}.get(pattern[j], 0)
        j += 1
        if depth == 0:
            return j
    return j


def marks_optional(pattern: str) -> str:
    """A cue pattern whose Arabic-script letters (a letter, or a class holding one) may each carry vowel marks or a
    tatweel after them in the text (a pattern without such a letter is unchanged)."""
    if not ARABIC_LETTER.search(pattern):
        return pattern
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith(("(?<=", "(?<!"), i):  # a look-behind must keep its fixed width: copied as written
            j = _group_end(pattern, i)
            out.append(pattern[i:j])
            i = j
            continue
        if pattern[i] == "\\":
            atom, i = pattern[i:i + 2], i + 2
        elif pattern[i] == "[":
            j = _class_end(pattern, i)
            atom, i = pattern[i:j], j
        else:
            atom, i = pattern[i], i + 1
        if not ARABIC_LETTER.search(atom):
            out.append(atom)
        elif i < len(pattern) and pattern[i] in _QUANTIFIER:
            out.append(f"(?:{atom}{ARABIC_MARKS})")  # "ه?": the quantifier takes the letter and its marks
        else:
            out.append(atom + ARABIC_MARKS)
    return "".join(out)


def written_forms(pattern: str) -> str:
    """A cue pattern read in the forms its script is written in: nukta letters both ways, Arabic vowel marks."""
    return marks_optional(either_nukta(pattern))


def _strings(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: expected a list of strings")
    return tuple(value)


def _table(data: dict, name: str, where: str) -> dict[str, tuple[str, ...]]:
    raw = data.get(name, {})
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: [{name}] must be a table")
    return {key: _strings(value, f"{where} [{name}] {key}") for key, value in raw.items()}


# [speakers] entries that are names or switches, not patterns: capitals and home nations are matched as written
_NOT_PATTERNS = frozenset({"capitals", "home"})


def _check_patterns(where: str, patterns: Iterable[str]) -> None:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"{where}: {pattern!r}: {error}") from error


def _check_speaker_patterns(data: dict, where: str) -> None:
    """Compile each pattern of a file's [speakers] and [status] tables (and [speakers.kinds]) on its own, as the
    attribution tables read them: ValueError naming the file, table and pattern of the first that fails."""
    for section in ("speakers", "status"):
        for key, value in data.get(section, {}).items():
            if key in _NOT_PATTERNS or isinstance(value, bool):
                continue
            groups = value.items() if isinstance(value, dict) else [("", value)]
            for kind, patterns in groups:
                label = f"{where} [{section}] {key}{' ' + kind if kind else ''}"
                _check_patterns(label, (written_forms(p) for p in _strings(patterns, label)))


def read_language(path: Path, check: bool = True) -> Language:
    """One language file. ``check``: compile each cue pattern on its own, so that a bad one names its file;
    :func:`languages` leaves that to :func:`check_cues`, run only when a table built from the patterns fails to
    compile (every pattern compiled apart as well as in its table took about a second at each start)."""
    where = path.name
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    meta = data.get("language", {})
    cues = {kind: tuple(written_forms(p) for p in patterns) for kind, patterns in _table(data, "cues", where).items()}
    if check:
        for kind, patterns in cues.items():
            _check_patterns(f"{where} [cues] {kind}", patterns)
        _check_speaker_patterns(data, where)
    return Language(
        code=str(meta.get("code", path.stem)), name=str(meta.get("name", path.stem)),
        script=str(meta.get("script", "latin")), cldr=_strings(meta.get("cldr", []), where),
        cue_prefix=str(meta.get("cue_prefix", "")), name_prefix=str(meta.get("name_prefix", "")),
        inflects=bool(meta.get("inflects", False)), stem_strip=str(meta.get("stem_strip", "")),
        spaced=bool(meta.get("spaced", True)), reads_with=_strings(meta.get("reads_with", []), where),
        verb_last=bool(meta.get("verb_last", False)),
        stopwords=_strings(meta.get("stopwords", []), where),
        foreign_letters=str(meta.get("foreign_letters", "")).casefold(), cues=cues,
        name_not_before=_strings(meta.get("name_not_before", []), where),
        nations=_table(data, "nations", where),
        drop=frozenset(_strings(data.get("drop", {}).get("names", []), where)),
        sectors=_table(data, "sectors", where), places=_table(data, "places", where))


@lru_cache(maxsize=1)
def languages() -> dict[str, Language]:
    """Every language file, keyed by code, in file-name order (read once per process)."""
    return {lang.code: lang for lang in (read_language(p, check=False) for p in sorted(LANG_DIR.glob("*.toml")))}


def check_cues(folder: Path | None = None) -> None:
    """Compile every language file's cue, speaker and status patterns one by one: ValueError naming the file, table
    and pattern of the first that does not compile (called when a table built from them fails to). ``folder``: the
    language files' (default LANG_DIR)."""
    for path in sorted((folder or LANG_DIR).glob("*.toml")):
        read_language(path, check=True)


Codes = frozenset[str] | None  # the languages whose tables read a text; None: every file's (language not told)
_READING: ContextVar[Codes] = ContextVar("reading", default=None)
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# Tables of names rather than words, read in every language: outlets' title words ("Jakarta Post") and the Strip's
# names ("Gaza", "غزة") with the words that make them a sector ("Gaza City").
NEUTRAL_KINDS = frozenset({"masthead", "strip", "strip_not_before"})


def reading() -> Codes:
    """The languages whose tables the current text is read with (None: every file's)."""
    return _READING.get()


@contextmanager
def read_as(codes: Iterable[str] | None) -> Iterator[None]:
    """Read the text of this block with these languages' tables (plus every file's neutral patterns)."""
    token = _READING.set(None if codes is None else frozenset(codes))
    try:
        yield
    finally:
        _READING.reset(token)


def neutral(pattern: str) -> bool:
    """True for a pattern read in every language: an acronym ("ISF", "KSF", "TNI", "HQ", "CMCC")."""
    return bool(_ACRONYM.fullmatch(pattern))


def patterns_for(lang: Language, kind: str, codes: Codes) -> list[str]:
    """A file's cue patterns of one kind for a text read as ``codes``: all of them for a language read (or a
    table of names), else its neutral ones."""
    patterns = lang.cue(kind)
    if codes is None or lang.code in codes or kind in NEUTRAL_KINDS:
        return list(patterns)
    return [p for p in patterns if neutral(p)]


def cue_table(kind: str, codes: Codes = None) -> dict[str, list[str]]:
    """One cue table over the languages read: code → patterns (languages without it are left out)."""
    out = {code: patterns_for(lang, kind, codes) for code, lang in languages().items()}
    return {code: patterns for code, patterns in out.items() if patterns}


def compile_table(kind: str, prefixed: bool = True, codes: Codes = None) -> re.Pattern[str]:
    """One regex for a cue table over the languages read (``codes``; None: every language): whole-word,
    case-insensitive, and (``prefixed``) each language's attached prefixes allowed before its cues. Languages
    sharing a prefix share one branch."""
    groups: dict[tuple[str, bool], list[str]] = {}
    for lang in languages().values():
        if patterns := patterns_for(lang, kind, codes):
            groups.setdefault((lang.cue_prefix if prefixed else "", lang.spaced), []).extend(patterns)
    branches = []
    for (prefix, spaced), patterns in groups.items():
        unique = list(dict.fromkeys(patterns))
        body = f"{prefix}(?i:{alternation(unique)})"
        branches.append((prefix, unique, rf"(?<!\w){body}(?!\w)" if spaced else body))
    if len(branches) > 1:  # several scripts (prefixed Arabic, Hebrew, unspaced): each tried only where it can start
        return re.compile("|".join(gated_from(prefix, unique, branch) for prefix, unique, branch in branches))
    return re.compile("|".join(branch for _, _, branch in branches) or "(?!x)x")


def compile_edge(kind: str, before: bool, words_between: int, codes: Codes = None) -> re.Pattern[str]:
    """A cue table as a regex that must touch one end of the text it is searched in: ``before`` the cue closes
    the text (up to ``words_between`` words after it: "between the cities of"), else it opens it (up to one word
    before it: "Han Yunus arasındaki"). Used with ``search`` on a short window next to a pair of names."""
    groups: dict[str, list[str]] = {}
    for lang in languages().values():
        if patterns := patterns_for(lang, kind, codes):
            groups.setdefault(lang.cue_prefix, []).extend(patterns)
    body = "|".join(f"{prefix}(?i:{'|'.join(dict.fromkeys(patterns))})" for prefix, patterns in groups.items())
    if not body:
        return re.compile(r"(?!x)x")
    if before:
        # the words between are one phrase: a comma ends it ("sadece Refah'ta konuşlanacak, Han Yunus'ta değil")
        return re.compile(rf"(?<!\w)(?:{body})(?:\s+[^\s,،，、]+){{0,{words_between}}}\s*$")
    return re.compile(rf"^\s*(?:\S+\s+)?(?:{body})")


def words(kind: str, codes: Codes = None) -> list[str]:
    """A cue table's patterns over the languages read, as one flat list (joiners, masthead words...)."""
    return list(dict.fromkeys(p for lang in languages().values() for p in patterns_for(lang, kind, codes)))


def name_prefixes() -> dict[str, str]:
    """Script → the prefix regex that may attach to names written in it (from the files that set one)."""
    out: dict[str, str] = {}
    for lang in languages().values():
        if lang.name_prefix and lang.script not in out:
            out[lang.script] = lang.name_prefix
    return out


def names_not_before() -> list[str]:
    """What, right after a name in a script without spaces, makes it part of another word (every file's)."""
    return list(dict.fromkeys(word for lang in languages().values() for word in lang.name_not_before))


def _starred(name: str, stem_strip: str) -> str | None:
    """``name`` as a stem matching inflected forms ("Индонезия" → "Индонези*"), or None when too short."""
    stem = re.sub(stem_strip, "", name) if stem_strip else name
    return stem + "*" if len(stem.split()[-1]) >= 4 else None


def cldr_names(lang: Language, territory: str) -> list[str]:
    """A territory's CLDR names in a language's locales (and stems of them where the language inflects)."""
    import babel  # noqa: PLC0415 - Babel's data is loaded only when a gazetteer is built

    out: list[str] = []
    for locale_code in lang.cldr:
        name = babel.Locale.parse(locale_code).territories.get(territory)
        if not name or name in lang.drop:
            continue
        out.append(name)
        if lang.inflects and (stem := _starred(name, lang.stem_strip)):
            out.append(stem)
    return out


def nation_names(nation: str) -> list[str]:
    """Every name a registry nation is read by: CLDR's in each language file's locales, plus the files' extras."""
    code = TERRITORY.get(nation)
    names: list[str] = []
    for lang in languages().values():
        if code:
            names.extend(cldr_names(lang, code))
        names.extend(lang.nations.get(nation, ()))
    return list(dict.fromkeys(names))


def sector_names(kind: str) -> dict[str, list[str]]:
    """Sector id → names over every file, ``kind`` "sectors" (sector spellings) or "places" (places inside)."""
    out: dict[str, list[str]] = {}
    for lang in languages().values():
        for sector, names in getattr(lang, kind).items():
            out.setdefault(sector, []).extend(names)
    return out


@dataclass(frozen=True)
class LanguageGuess:
    """The language an article is written in, as far as ingest can tell, and whether a language file reads it."""

    code: str | None  # ISO 639 code, None when unknown
    name: str  # English name ("Greek"), "" when the text is too short to tell
    read: bool  # a language file reads it (or the text is too short to tell)


_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
SAMPLE_CHARS = 4000  # the language is told from the article's first characters
MIN_WORDS = 20  # fewer words than this: too short to tell, read as it is
STOPWORD_SHARE = 0.12  # this share of the sample's words in one file's stopwords: that file's language, surely
FOREIGN_SHARE = 0.05  # this share of the words (and two at least) holding a file's foreign letters: not its language
# Codes a language identifier may give for text a file reads well (Croatian and Montenegrin read as Bosnian).
# Wu and Cantonese (py3langid's names for some short Chinese texts) are written in the characters zh.toml reads.
# Norwegian Bokmål and Nynorsk are read with no.toml.
READ_AS = {"hr": "bs", "me": "sr", "sh": "sr", "wuu": "zh", "yue": "zh", "nb": "no", "nn": "no"}
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    return {code: frozenset(w.casefold() for w in lang.stopwords) for code, lang in languages().items()
            if lang.stopwords}


@lru_cache(maxsize=64)
def _stopwords_of(codes: frozenset[str]) -> frozenset[str]:
    """The stopwords of these languages: a word the article's own language uses too ("di" is Indonesian and
    Italian) shows no other language in a sentence."""
    return frozenset().union(*(stops for code, stops in _stopwords().items() if code in codes))


@lru_cache(maxsize=1)
def _foreign_letters() -> tuple[tuple[str, frozenset[str]], ...]:
    """(code, the letters its language never writes) of every file that names such letters, in file order."""
    return tuple((code, frozenset(lang.foreign_letters)) for code, lang in languages().items() if lang.foreign_letters)


@lru_cache(maxsize=1)
def _stopword_codes() -> dict[str, tuple[str, ...]]:
    """Each stopword -> the files whose stopwords hold it: a sentence's few words are looked up, not every list."""
    out: dict[str, list[str]] = {}
    for code, stops in _stopwords().items():
        for word in stops:
            out.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in out.items()}


def _stopword_hits(counts: Counter[str], skip: frozenset[str] = frozenset()) -> dict[str, int]:
    """Each file's count of the words (``counts``) that are among its stopwords, ``skip`` left out; files with no
    hit are absent."""
    hits: dict[str, int] = {}
    index = _stopword_codes()
    for word, count in counts.items():
        if word in skip:
            continue
        for code in index.get(word, ()):
            hits[code] = hits.get(code, 0) + count
    return hits


def _ruled_out(words: list[str]) -> frozenset[str]:
    """The files whose language the words cannot be in: enough of them hold letters it never writes (a Ukrainian
    text's і ї є rule Russian out)."""
    letters = frozenset().union(*words)
    out = set()
    for code, foreign_letters in _foreign_letters():
        if foreign_letters.isdisjoint(letters):  # no word holds one: nothing to count
            continue
        foreign = sum(1 for w in words if not foreign_letters.isdisjoint(w))
        if foreign >= 2 and foreign >= FOREIGN_SHARE * len(words):
            out.add(code)
    return frozenset(out)


def language_name(code: str) -> str:
    """The English name of a language code (Babel's CLDR data), or the code itself when CLDR has none."""
    import babel  # noqa: PLC0415

    return babel.Locale("en").languages.get(code, code)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's identifier over every language it knows, as ``py3langid.classify`` uses it (its model ships in
    the package; loaded on first use only, and once: :func:`_short_identifier` shares its tables)."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier  # noqa: PLC0415
    except ImportError:
        return None
    return LanguageIdentifier.from_model_file(MODEL_FILE)


def _identify(sample: str) -> str | None:
    """The language of a sample by py3langid."""
    identifier = _identifier()
    if identifier is None:
        return None
    code, _score = identifier.classify(sample)
    return str(code) or None


def detect_language(text: str) -> LanguageGuess:
    """Which language ``text`` is in and whether ingest reads it.

    The language files' stopwords decide first (cheap, and enough for nearly every article in a language read);
    when no file's stopwords clearly dominate, py3langid names the language. A text too short to tell is read.
    """
    sample = text[:SAMPLE_CHARS]
    if len(_UNSPACED.findall(sample)) >= MIN_WORDS:  # Japanese, Chinese, Thai...: no spaces to count words by
        identified = _identify(sample)
        read_code = READ_AS.get(identified or "", identified)
        if read_code in languages():
            return LanguageGuess(read_code, languages()[read_code].name, True)
        return LanguageGuess(identified, language_name(identified) if identified else "an unrecognised language",
                             False)
    words = _WORD.findall(sample.casefold())
    if len(words) < MIN_WORDS:
        return LanguageGuess(None, "", True)
    counts = Counter(words)
    ruled_out = _ruled_out(words)
    hits = _stopword_hits(counts)
    shares = sorted(((hits.get(code, 0) / len(words), code) for code in _stopwords() if code not in ruled_out),
                    reverse=True)
    (best, code), (second, _) = shares[0], shares[1] if len(shares) > 1 else (0.0, "")
    if best >= STOPWORD_SHARE and best >= 1.5 * second:
        return LanguageGuess(code, languages()[code].name, True)
    identified = _identify(sample)
    if READ_AS.get(identified or "", identified) in ruled_out:  # the identifier's guess writes no such letters
        identified = None
    if identified is None:
        return LanguageGuess(code, languages()[code].name, True) if best >= STOPWORD_SHARE else \
            LanguageGuess(None, "an unrecognised language", False)
    read_code = READ_AS.get(identified, identified)
    if read_code in languages():
        return LanguageGuess(read_code, languages()[read_code].name, True)
    if best >= STOPWORD_SHARE:  # a file's stopwords are frequent enough: read it rather than drop its findings
        return LanguageGuess(code, languages()[code].name, True)
    return LanguageGuess(identified, language_name(identified), False)


SENTENCE_HITS = 2  # a sentence shows a language of its own with at least this many of its stopwords


def sentence_language(text: str, known: frozenset[str] = frozenset()) -> str | None:
    """The language a sentence's own stopwords clearly show besides the ``known`` ones (the article's): an English
    quote in an Indonesian article ("... kata pejabat itu"); None when they tell no other language apart."""
    return _language_of_words(_WORD.findall(text.casefold()), known)


def _language_of_words(words: list[str], known: frozenset[str]) -> str | None:
    """:func:`sentence_language` of a sentence's casefolded words (:func:`reading_codes` has them already)."""
    if not words:
        return None
    found = _stopword_hits(Counter(words), _stopwords_of(known))
    if max(found.values(), default=0) < max(SENTENCE_HITS, STOPWORD_SHARE * len(words)):
        return None  # no file's stopwords are frequent enough here (most sentences): nothing to rule out or rank
    ruled_out = _ruled_out(words)
    hits = sorted(((found.get(code, 0), code) for code in _stopwords() if code not in known | ruled_out),
                  reverse=True)
    (best, code), (second, _) = hits[0], hits[1] if len(hits) > 1 else (0, "")
    if best >= SENTENCE_HITS and best >= STOPWORD_SHARE * len(words) and best >= 1.5 * second:
        return code
    return None


SHORT_CONFIDENCE = 0.8  # the identifier's probability for a language (and its close ones) that names a short text's
SHORT_MIN_WORDS = 4  # fewer words are mostly names ("Rafah: Indonesia."): no language told from them


@lru_cache(maxsize=1)
def _short_identifier() -> Any:
    """py3langid's identifier with probabilities, over the languages the files read (and the codes read as one of
    them): a short text is one of these, or is read with every file's tables anyway."""
    full = _identifier()
    if full is None:
        return None
    from py3langid.langid import LanguageIdentifier  # noqa: PLC0415
    # built on the loaded model's tables (set_languages narrows copies of them), not a second read of the file
    identifier = LanguageIdentifier(full.nb_ptc, full.nb_pc, full.nb_classes, full.tk_nextmove, full.tk_output,
                                    norm_probs=True, tk_row=full.tk_row)
    wanted = set(languages()) | set(READ_AS)
    identifier.set_languages([code for code in identifier.labels if code in wanted])
    return identifier


def short_text_language(text: str) -> str | None:
    """The language of a text too short for :func:`detect_language` (a pasted sentence), when the identifier is
    confident of it: its probability and its close languages' (Indonesian and Malay, Norwegian and Danish) reach
    SHORT_CONFIDENCE. Short texts share many stopwords across languages ("à" and "mais" are French and Portuguese,
    "de" Dutch, Spanish and French), so counting them alone misnames one; None when the identifier is unsure."""
    identifier = _short_identifier()
    if identifier is None or len(_WORD.findall(text)) < SHORT_MIN_WORDS:
        return None
    probability: dict[str, float] = {}
    for code, p in identifier.rank(text):
        read = READ_AS.get(code, code)
        probability[read] = probability.get(read, 0.0) + p
    best = max(probability, key=probability.__getitem__)
    close = {best, *languages()[best].reads_with}
    return best if sum(probability.get(c, 0.0) for c in close) >= SHORT_CONFIDENCE else None


def _with_close(codes: set[str]) -> frozenset[str]:
    return frozenset(codes | {c for code in codes for c in languages()[code].reads_with if c in languages()})


def reading_codes(guess: LanguageGuess, sentence: str) -> Codes:
    """The languages a sentence is read with: the article's language (and the close ones its file names), plus
    the sentence's own where its words clearly show another (a quote); for an article too short to tell, the
    sentence's own language (:func:`short_text_language`, else its stopwords), and every file's tables only when
    neither tells one."""
    if guess.read and guess.code in languages():
        article = _with_close({guess.code})
        words = _WORD.findall(sentence.casefold())
        own = _language_of_words(words, article)
        stopwords = _stopwords_of(article)  # ja, zh, ko, th list none: every sentence would seem in another language
        if stopwords and stopwords.isdisjoint(words):
            # not one word of the article's language: a sentence in another ("... officials said. Les troupes
            # indonésiennes seront déployées à Rafah."), which stopwords shared by several languages misname ("à",
            # "mais" are Portuguese too) and the identifier, when sure of a language other than the article's, does
            # not (a sentence mixing both, "'...,' kata pejabat", keeps what its stopwords tell)
            identified = short_text_language(sentence)
            if identified is not None and identified not in article:
                own = identified
        return _with_close({*article, own}) if own else article
    own = short_text_language(sentence) or sentence_language(sentence)
    return _with_close({own}) if own else None
