"""Gazetteers: the names news text uses for the sectors, the places inside them, and the nations.

Sector names and places come from ``geodata/sectors.geojson`` (``Sector.aliases`` / ``Sector.places``); the
spellings missing there (inflected forms, other languages' names) come from the language files
(``mapview/ingest/lang/<code>.toml``, see :mod:`mapview.ingest.langdata`), never from the geodata. Nations come
from ``mapview.data.nations`` plus their CLDR names (Babel) in each language file's locales and the files' extra
names, demonyms and abbreviations; a name written ``stem*`` matches inflected forms.

Each gazetteer is one precompiled regex alternation (longest name first) matched on the raw text, so offsets
are raw offsets. Matching is whole-word: "Oman" never matches inside "Romania". Latin-script sector names may
carry an Albanian, Indonesian or Bosnian inflection ("Deir al-Balahut", "Rafahnya", "Khan Younisa"); Arabic
names may carry the attached prefixes و ف ب ل ك (and ل + ال is spelled لل), Hebrew names ו ה ב ל מ ש
(each file's name_prefix).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from mapview.data.nations import NATIONS, NATIONS_BY_NAME
from mapview.data.sectors import Sector, load_sectors
from mapview.ingest import langdata
from mapview.ingest.dispatch import gated, gated_from

MentionKind = Literal["nation", "sector", "place"]

_CASE_SENSITIVE_MAX = 3  # names this short ("US", "ABD", "Fas", "BM") must match with their exact case

_LATIN_SUFFIXES = r"(?:ut|un|it|in|ës|ën|ë|nya|om|a|u|e|i|'[a-zçğıöşü]{1,5}|’[a-zçğıöşü]{1,5})?"
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_HEBREW = re.compile(r"[\u0590-\u05ff]")
# Japanese, Chinese, Korean and Thai: names stand inside runs of text (Korean attaches particles: "인도네시아군은",
# "라파에"; Thai writes no spaces between words)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_STAR = "\x00star"  # a name written "stem*": the stem and up to STAR_LETTERS more letters
# a space, a hyphen, a maqaf, or the zero-width non-joiner Persian writes between the parts of a name ("خان‌یونس"):
# what a separator in a name matches, and what the lookup key folds to one space
_SEPARATOR = r"[\s\u00a0\-\u2010\u2011\u2012\u2013\u05be\u200c]+"
_FOLD_SEPARATORS = re.compile(_SEPARATOR)
_APOSTROPHES = re.compile(r"['’ʼ`\u05f3]")
# Greek written in capitals drops the tonos ("ΡΑΦΑ", "ΙΝΔΟΝΗΣΙΑ": headlines): an accented vowel of a name also
# matches the bare one, and the key drops the accent
_GREEK_BARE = {"ά": "α", "έ": "ε", "ή": "η", "ί": "ι", "ό": "ο", "ύ": "υ", "ώ": "ω", "ΐ": "ϊ", "ΰ": "ϋ"}
# the key folds alef forms and the Persian and Arabic yeh and kaf, and drops what a name's letters may carry in the
# text (tatweel, short vowels, shadda, sukun: langdata.ARABIC_MARKS; a Greek accent)
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ـ": "", "ي": "ی", "ى": "ی", "ك": "ک",
                       **{chr(c): "" for c in [*range(0x064B, 0x0660), 0x0670]}, **_GREEK_BARE})
# Persian and Urdu text is often typed with the Arabic yeh and kaf (and Arabic with the Persian ones): either matches.
_YEH, _KAF = "\x00yeh", "\x00kaf"


def is_arabic(text: str) -> bool:
    """True when ``text`` holds Arabic-script letters."""
    return bool(_ARABIC.search(text))


def script_of(text: str) -> str:
    """The script whose names attach prefixes: "arabic", "hebrew", or "other"."""
    if _ARABIC.search(text):
        return "arabic"
    if _HEBREW.search(text):
        return "hebrew"
    if _CJK.search(text):
        return "cjk"
    return "other"


def text_key(surface: str) -> str:
    """The lookup key of a name as matched: case, separators, apostrophes and Arabic alef forms folded."""
    key = unicodedata.normalize("NFC", surface).casefold().replace("\u0307", "")
    key = _APOSTROPHES.sub("", key)
    key = _FOLD_SEPARATORS.sub(" ", key).strip()
    return key.translate(_ALEF)


_SEP, _APO = "\x00sep", "\x00apo"
_ATOM_REGEX = {_SEP: _SEPARATOR, _APO: "['’ʼ\u05f3]?", _YEH: "[يیى]", _KAF: "[كک]",
               _STAR: rf"\w{{0,{langdata.STAR_LETTERS}}}"}


def _atoms(surface: str, arabic: bool = False) -> list[str]:
    """A name as regex atoms: letters lower-cased (matched case-insensitively), separators, apostrophes."""
    atoms: list[str] = []
    star = surface.endswith("*")
    for ch in surface.strip().rstrip("*"):
        if arabic:  # a space, hyphen, maqaf or non-joiner fold alike in the lookup key: any of them must match
            atom = _SEP if ch.isspace() or ch in "-\u2010\u2011\u2013\u05be\u200c" else _APO if ch in "'’ʼ\u05f3" else \
                _YEH if ch in "يیى" else _KAF if ch in "كک" else ch
        elif ch.isspace() or ch in "-\u2010\u2011\u2013":
            atom = _SEP
        elif ch in "'’ʼ":
            atom = _APO
        else:
            low = ch.lower()
            atom = low if len(low) == 1 else ch
        if atom == _SEP and atoms and atoms[-1] == _SEP:
            continue
        atoms.append(atom)
    if star:
        atoms.append(_STAR)
    return atoms


def _atom_regex(atom: str) -> str:
    """One atom of a name as the regex that matches it; an Arabic-script letter may carry a tatweel or vowel marks
    after it in the text ("رفـح", "رَفَح"), as it may in a cue (langdata.marks_optional); an accented Greek vowel
    may be written bare (capitals: "ΡΑΦΑ")."""
    if atom in (_YEH, _KAF) or langdata.ARABIC_LETTER.fullmatch(atom):
        return (_ATOM_REGEX.get(atom) or atom) + langdata.ARABIC_MARKS
    if atom in _GREEK_BARE:
        return f"[{atom}{_GREEK_BARE[atom]}]"
    return _ATOM_REGEX.get(atom) or re.escape(atom)


def _trie_regex(names: list[list[str]]) -> str:
    """One regex for many atom sequences, factored as a trie: at each position only one branch per first
    letter is tried, which makes a 400-name alternation several times faster in Python's ``re``."""
    root: dict = {}
    for atoms in names:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [_atom_regex(atom) + emit(child) for atom, child in node.items() if atom != ""]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
        if "" in node:
            return f"(?:{body})?" if len(alts) == 1 else f"{body}?"
        return body

    return emit(root)


def _gated_names(prefix: str, names: list[list[str]], branch: str) -> str:
    """``branch`` (``prefix``, then a trie of ``names``) behind the lookahead :func:`dispatch.gated` would give it,
    put together from the names' first atoms rather than from a parse of the whole trie (tens of thousands of
    characters, which ``re.compile`` parses again)."""
    if any(not atoms for atoms in names):  # an empty name: the trie may match empty
        return gated(branch)
    firsts = dict.fromkeys(_atom_regex(atoms[0]) for atoms in names)
    return gated_from(prefix, firsts, branch)


def _arabic_variants(surface: str) -> set[str]:
    """Spellings of an Arabic name: with and without hamza on alef, and ل + ال written لل (prefix eats ا)."""
    forms = {surface, surface.translate(_ALEF)}
    for form in list(forms):
        if form.startswith("ال"):
            forms.add("ل" + form[1:])  # matched after the prefix ل: "للأردن" = ل + "لأردن"
    return forms


@dataclass(frozen=True)
class Mention:
    """A name found in a text: what it refers to, the words as written, and where (raw offsets)."""

    kind: MentionKind
    key: str  # nation name, or sector id for sectors and places
    surface: str
    start: int
    end: int
    place: str | None = None  # for a place: its canonical spelling


@dataclass(frozen=True)
class Entry:
    """One gazetteer name and what it refers to."""

    surface: str
    kind: MentionKind
    key: str
    place: str | None = None


@dataclass
class NameMatcher:
    """One compiled alternation over a list of entries, mapping each match back to its entry."""

    entries: list[Entry]
    pattern: re.Pattern[str] = field(init=False)
    _by_key: dict[str, Entry] = field(init=False, default_factory=dict)
    _exact: dict[str, Entry] = field(init=False, default_factory=dict)
    # each matched spelling's entry, looked up once: the same few names recur in every article
    _entry_of: dict[str, Entry | None] = field(init=False, default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        latin_ci: list[list[str]] = []
        latin_cs: list[str] = []
        rtl: dict[str, list[list[str]]] = {}  # script -> names written in it (prefixes attach to them)
        cjk: list[list[str]] = []
        for entry in sorted(self.entries, key=lambda e: -len(e.surface)):
            script = script_of(entry.surface)
            if script == "cjk":
                self._by_key.setdefault(text_key(entry.surface.rstrip("*")), entry)
                cjk.append(_atoms(entry.surface, arabic=True))
            elif script != "other":
                for form in sorted(_arabic_variants(entry.surface), key=len, reverse=True):
                    self._by_key.setdefault(text_key(form.rstrip("*")), entry)
                    rtl.setdefault(script, []).append(_atoms(form, arabic=True))
            elif len(entry.surface) <= _CASE_SENSITIVE_MAX:
                for form in langdata.nukta_forms(entry.surface):  # Devanagari, Bengali: both nukta spellings
                    self._exact.setdefault(form, entry)
                    latin_cs.append(re.escape(form))
            else:
                self._by_key.setdefault(text_key(entry.surface.rstrip("*")), entry)
                latin_ci.extend(_atoms(form) for form in langdata.nukta_forms(entry.surface))
        # each script's branch is tried only where one of its names can start (most positions hold no name)
        branches = []
        suffix = _LATIN_SUFFIXES if any(e.kind != "nation" for e in self.entries) else r"(?:s\b)?"
        if latin_ci:
            branches.append(_gated_names("", latin_ci, f"(?i:(?P<lat>{_trie_regex(latin_ci)}){suffix})"))
        if latin_cs:
            branches.append(gated(f"(?P<exact>{'|'.join(_unique(latin_cs))})"))
        prefixes = langdata.name_prefixes()
        for script, names in rtl.items():
            prefix = prefixes.get(script, "")
            branches.append(_gated_names(prefix, names, f"{prefix}(?P<{script}>{_trie_regex(names)})"))
        body = "|".join(branches) or r"(?!x)x"
        # a katakana name followed by more katakana is a longer word (ラファエル, Rafael, is no ラファ); the files
        # list what else makes an unspaced name another word's start (Korean 라파엘)
        not_after = "|".join(["(?<=[\u30a1-\u30fa\u30fc])[\u30a1-\u30fa\u30fc]",
                              *map(re.escape, langdata.names_not_before())])
        unspaced = f"|{_gated_names('', cjk, f'(?P<cjk>{_trie_regex(cjk)})(?!{not_after})')}" if cjk else ""
        self.pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w){unspaced}")

    def _entry(self, core: str) -> Entry | None:
        """The entry of a matched name; a stem name ("Индонези*") is found by dropping the letters after it."""
        if core in self._entry_of:
            return self._entry_of[core]
        entry = self._entry_of[core] = self._entry_by_key(core)
        return entry

    def _entry_by_key(self, core: str) -> Entry | None:
        key = text_key(core)
        for cut in range(langdata.STAR_LETTERS + 1):
            entry = self._by_key.get(key[:len(key) - cut] if cut else key)
            if entry is not None:
                return entry
        return None

    def find(self, text: str, base: int = 0) -> list[Mention]:
        """Every name in ``text`` (offsets shifted by ``base``), leftmost-longest, without overlaps."""
        found = []
        for match in self.pattern.finditer(text):
            group = match.lastgroup
            core = match.group(group) if group else match.group()
            entry = self._exact.get(core) if group == "exact" else self._entry(core)
            if entry is None:
                continue
            found.append(Mention(entry.kind, entry.key, match.group(), base + match.start(), base + match.end(),
                                 entry.place))
        return _glosses_merged(found, text, base)


_GLOSS_OPEN = re.compile(r"\s?[(（]\s*")
_GLOSS_CLOSE = re.compile(r"\s*[)）]")


def _glosses_merged(found: list[Mention], text: str, base: int) -> list[Mention]:
    """Each name with the same name glossed in parentheses right after it ("라파(Rafah)", "ラファ（Rafah）") read as
    one mention spanning both: the gloss is no second place, and what follows the parenthesis ("라파(Rafah)와
    칸유니스") follows the name."""
    out: list[Mention] = []
    for mention in found:
        last = out[-1] if out else None
        if last is not None and (last.kind, last.key, last.place) == (mention.kind, mention.key, mention.place) \
                and _GLOSS_OPEN.fullmatch(text, last.end - base, mention.start - base):
            close = _GLOSS_CLOSE.match(text, mention.end - base)
            if close is not None:
                out[-1] = Mention(last.kind, last.key, text[last.start - base:close.end()], last.start,
                                  base + close.end(), last.place)
                continue
        out.append(mention)
    return out


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


@dataclass
class Gazetteer:
    """Sector, place and nation names, each set compiled into one regex."""

    sectors: NameMatcher
    nations: NameMatcher
    sector_names: dict[str, str]

    def find_sectors(self, text: str, base: int = 0) -> list[Mention]:
        """Sector and place mentions in ``text``."""
        return self.sectors.find(text, base)

    def find_nations(self, text: str, base: int = 0) -> list[Mention]:
        """Nation mentions (names, demonyms, other-language names) in ``text``."""
        return self.nations.find(text, base)

    @property
    def entries(self) -> list[Entry]:
        """Every entry of both gazetteers (for baselines and tests)."""
        return self.sectors.entries + self.nations.entries

    def for_one_article(self) -> Gazetteer:
        """This gazetteer, remembering what it found in each stretch of text for as long as it is kept: the
        extractor asks for the same sentence's names several times (reading it, weighing who says it, listing it
        for review). Meant for one article: drop it after."""
        return _ArticleGazetteer(self.sectors, self.nations, self.sector_names)

    def for_unread_language(self) -> Gazetteer:
        """:meth:`for_one_article` for an article in a language no file reads: its sector and place names also
        match with up to six more letters ("Rafahban", "Rafahu"), since most languages inflect place names and no
        file says how this one does. Only unclassified mentions are listed for such an article, never a claim."""
        return _ArticleGazetteer(_stem_matcher(tuple(self.sectors.entries)), self.nations, self.sector_names)


@lru_cache(maxsize=4)
def _stem_matcher(entries: tuple[Entry, ...]) -> NameMatcher:
    """The same names, each also read as a stem (names short enough to need their exact case stay exact)."""
    return NameMatcher([e if e.surface.endswith("*") or len(e.surface) <= _CASE_SENSITIVE_MAX
                        else Entry(e.surface + "*", e.kind, e.key, e.place) for e in entries])


class _ArticleGazetteer(Gazetteer):
    """A gazetteer that finds each (text, offset) once; see :meth:`Gazetteer.for_one_article`."""

    def __init__(self, sectors: NameMatcher, nations: NameMatcher, sector_names: dict[str, str]) -> None:
        super().__init__(sectors, nations, sector_names)
        self._found: dict[tuple[bool, str, int], list[Mention]] = {}

    def find_sectors(self, text: str, base: int = 0) -> list[Mention]:
        """Sector and place mentions in ``text`` (found once per text and offset)."""
        key = (False, text, base)
        if key not in self._found:
            self._found[key] = self.sectors.find(text, base)
        return list(self._found[key])

    def find_nations(self, text: str, base: int = 0) -> list[Mention]:
        """Nation mentions in ``text`` (found once per text and offset)."""
        key = (True, text, base)
        if key not in self._found:
            self._found[key] = self.nations.find(text, base)
        return list(self._found[key])


def _written(surface: str) -> str:
    """A name as written, case folded: two spellings that differ only in an apostrophe or a separator are two."""
    return unicodedata.normalize("NFC", surface).casefold()


def sector_entries(sectors: list[Sector]) -> list[Entry]:
    """Entries for every sector name and every place inside a sector, from the geodata plus the extras here."""
    entries: list[Entry] = []
    seen: set[str] = set()

    def add(surface: str, kind: MentionKind, key: str, place: str | None = None) -> None:
        # every spelling is compiled: "ח'אן יונס" folds to the key of "חאן יונס", whose pattern has no apostrophe
        written = _written(surface)
        if text_key(surface) and written not in seen:
            seen.add(written)
            entries.append(Entry(surface, kind, key, place))

    extra_names, extra_places = langdata.sector_names("sectors"), langdata.sector_names("places")
    for sector in sectors:
        for name in (sector.name, *sector.aliases, *extra_names.get(sector.id, ())):
            add(name, "sector", sector.id)
    for sector in sectors:
        for place in (*sector.places, *extra_places.get(sector.id, ())):
            add(place, "place", sector.id, place)
    return entries


def nation_entries() -> list[Entry]:
    """Entries for every registry nation: name, demonyms, and the other-language names above."""
    entries: list[Entry] = []
    seen: set[str] = set()
    for nation in NATIONS:
        names = (nation.name, *nation.demonyms, *langdata.nation_names(nation.name))
        for surface in names:
            marker = surface if len(surface) <= _CASE_SENSITIVE_MAX else _written(surface)
            if marker not in seen:
                seen.add(marker)
                entries.append(Entry(surface, "nation", nation.name))
    return entries


def build_gazetteer(sectors: list[Sector]) -> Gazetteer:
    """Compile the sector/place gazetteer for these sectors and the nation gazetteer."""
    unknown = {n for lang in langdata.languages().values() for n in lang.nations} - set(NATIONS_BY_NAME)
    assert not unknown, f"language files name nations not in the registry: {unknown}"
    return Gazetteer(NameMatcher(sector_entries(sectors)), NameMatcher(nation_entries()),
                     {s.id: s.name for s in sectors})


@lru_cache(maxsize=8)
def _cached(path: str, mtime_ns: int) -> Gazetteer:
    layer, _ = load_sectors(Path(path))
    return build_gazetteer(layer.sectors)


def load_gazetteer(sectors_path: Path) -> Gazetteer:
    """The gazetteer for a sectors file, compiled once per file version."""
    path = Path(sectors_path)
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = -1
    return _cached(str(path), mtime)


@lru_cache(maxsize=16)
def unread_nation_matcher(code: str) -> NameMatcher | None:
    """Nation names in a language no file reads, from CLDR alone (Babel), for listing the sentences of an article
    in that language that name a nation and a sector. Names are also matched as stems (a final vowel or two
    dropped, up to six more letters: "Indonéz*" reads "indonéz") since most languages inflect them and derive
    demonyms from them. None when CLDR does not know the language."""
    import babel  # noqa: PLC0415

    try:
        territories = babel.Locale.parse(code).territories
    except (ValueError, babel.UnknownLocaleError):
        return None
    entries: list[Entry] = []
    for nation in NATIONS:
        name = territories.get(langdata.TERRITORY.get(nation.name, ""))
        if not name:
            continue
        entries.append(Entry(name, "nation", nation.name))
        stem = re.sub(r"[aeiouyаяеёиоуыэюйьіїєαεηιοωά-ώ]{1,2}$", "", name, flags=re.IGNORECASE)
        if len(stem.split()[-1]) >= 4:
            entries.append(Entry(stem + "*", "nation", nation.name))
    return NameMatcher(entries) if entries else None
