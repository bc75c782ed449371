"""The per-language data ingest reads: one TOML file per language in ``mapview/ingest/lang/<code>.toml``.

Adding a language is adding a file (and its tests); the extractor is language-agnostic code over these tables.
A file holds:

- ``[language]``: ``code``, ``name``, ``script``, the CLDR locales its nation names come from (``cldr``), the
  prefixes that attach to words in this script (``cue_prefix``, ``name_prefix``: Arabic و ف ب ل, Hebrew ו ה ב ל מ),
  ``inflects``: when true, CLDR names also match with endings (``Индонези*`` reads Индонезии, Индонезию),
  after ``stem_strip`` (a regex) is removed from their end; ``stopwords``: frequent words that tell the language;
- ``[cues]``: role cue patterns (regexes that may allow words in between, matched whole-word and case-insensitive):
  lead, deploy, base, phase, assign, outlet, backref, troops, police, medical, task, clause_break, soft_break,
  list_joiner, list_article, strip (names of the Strip as a whole), strip_not_before, masthead;
- ``[nations]``: registry nation name → extra names, demonyms and abbreviations (RI, TNI, KSF); a name ending in
  ``*`` matches with up to five more letters (inflected forms); ``[drop]`` ``names``: CLDR names not to read;
- ``[sectors]`` and ``[places]``: sector id → sector spellings, and → names of places inside it;
- ``[status]`` and ``[speakers]``: certainty and attribution data (read by the status engine, not here).

Files are read once per process; Babel's CLDR data is loaded only when the gazetteer is built.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LANG_DIR = Path(__file__).with_name("lang")
STAR_LETTERS = 5  # a name written "stem*" matches stem + up to this many letters

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
    stopwords: tuple[str, ...] = ()
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    nations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    drop: frozenset[str] = frozenset()
    sectors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    places: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def cue(self, kind: str) -> tuple[str, ...]:
        """The patterns of one cue table (empty when the file has none)."""
        return self.cues.get(kind, ())


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


def read_language(path: Path) -> Language:
    """One language file; every pattern is compiled once here so a bad one names its file."""
    where = path.name
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    meta = data.get("language", {})
    cues = _table(data, "cues", where)
    for kind, patterns in cues.items():
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"{where} [cues] {kind}: {pattern!r}: {error}") from error
    return Language(
        code=str(meta.get("code", path.stem)), name=str(meta.get("name", path.stem)),
        script=str(meta.get("script", "latin")), cldr=_strings(meta.get("cldr", []), where),
        cue_prefix=str(meta.get("cue_prefix", "")), name_prefix=str(meta.get("name_prefix", "")),
        inflects=bool(meta.get("inflects", False)), stem_strip=str(meta.get("stem_strip", "")),
        stopwords=_strings(meta.get("stopwords", []), where), cues=cues,
        nations=_table(data, "nations", where),
        drop=frozenset(_strings(data.get("drop", {}).get("names", []), where)),
        sectors=_table(data, "sectors", where), places=_table(data, "places", where))


@lru_cache(maxsize=1)
def languages() -> dict[str, Language]:
    """Every language file, keyed by code, in file-name order (read once per process)."""
    return {lang.code: lang for lang in (read_language(p) for p in sorted(LANG_DIR.glob("*.toml")))}


def cue_table(kind: str) -> dict[str, list[str]]:
    """One cue table over all languages: code → patterns (languages without it are left out)."""
    return {code: list(lang.cue(kind)) for code, lang in languages().items() if lang.cue(kind)}


def compile_table(kind: str, prefixed: bool = True) -> re.Pattern[str]:
    """One regex for a cue table over every language: whole-word, case-insensitive, and (``prefixed``) each
    language's attached prefixes allowed before its cues. Languages sharing a prefix share one branch."""
    groups: dict[str, list[str]] = {}
    for lang in languages().values():
        if lang.cue(kind):
            groups.setdefault(lang.cue_prefix if prefixed else "", []).extend(lang.cue(kind))
    branches = [f"{prefix}(?i:{'|'.join(patterns)})" for prefix, patterns in groups.items()]
    return re.compile(rf"(?<!\w)(?:{'|'.join(branches) or '(?!x)x'})(?!\w)")


def words(kind: str) -> list[str]:
    """A cue table's patterns over all languages, as one flat list (joiners, masthead words...)."""
    return [p for lang in languages().values() for p in lang.cue(kind)]


def name_prefixes() -> dict[str, str]:
    """Script → the prefix regex that may attach to names written in it (from the files that set one)."""
    out: dict[str, str] = {}
    for lang in languages().values():
        if lang.name_prefix and lang.script not in out:
            out[lang.script] = lang.name_prefix
    return out


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
