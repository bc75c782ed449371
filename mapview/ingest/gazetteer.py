"""Gazetteers: the names news text uses for the sectors, the places inside them, and the nations.

Sector names and places come from ``geodata/sectors.geojson`` (``Sector.aliases`` / ``Sector.places``); the
spellings missing there (inflected Albanian forms, more Arabic and transliterated names) are added here, never in
the geodata. Nations come from ``mapview.data.nations`` plus their names and demonyms in Turkish, Albanian,
Indonesian and Arabic.

Each gazetteer is one precompiled regex alternation (longest name first) matched on the raw text, so offsets
are raw offsets. Matching is whole-word: "Oman" never matches inside "Romania". Latin-script sector names may
carry an Albanian or Indonesian inflection ("Deir al-Balahut", "Rafahnya"); Arabic names may carry the
attached prefixes و ف ب ل ك (and ل + ال is spelled لل).
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

MentionKind = Literal["nation", "sector", "place"]

# Names the geodata does not list; keyed by sector id and only used when that sector exists.
EXTRA_SECTOR_ALIASES: dict[str, tuple[str, ...]] = {
    "north-gaza": (
        "North Gaza governorate", "Northern Gaza Strip", "northern Gaza sector", "North Gaza sector",
        "Kuzey Gazze", "kuzey sektörü", "kuzey sektör", "Gaza Veriore", "Gazës Veriore", "Gazën Veriore",
        "Gaza e Veriut", "Gazës së Veriut", "Gazën e Veriut", "sektori verior", "sektorin verior",
        "sektorit verior", "Gaza Utara", "Gaza bagian utara", "sektor utara",
        "شمال غزة", "محافظة شمال غزة", "شمال قطاع غزة", "القطاع الشمالي",
    ),
    "gaza-city": (
        "Gaza City", "Gazze Şehri", "Gazze kenti", "Qyteti i Gazës", "qytetin e Gazës", "Kota Gaza",
        "مدينة غزة", "محافظة غزة",
    ),
    "deir-al-balah": (
        "Deir el Balah", "Deyr el-Belah", "Deyr el Belah", "Deir al-Balahu", "Dayr al Balah",
        "دير البلح", "محافظة دير البلح",
    ),
    "khan-yunis": (
        "Khan Younis", "Khan Yunis", "Han Yunus", "Han Yunis", "Khan Junis", "Khan Junus", "Chan Junis",
        "خان يونس", "خانيونس", "محافظة خان يونس",
    ),
    "rafah": ("Rafah", "Refah", "Rafa", "رفح", "محافظة رفح"),
}
EXTRA_SECTOR_PLACES: dict[str, tuple[str, ...]] = {
    "north-gaza": ("Jabalya", "Jabalia camp", "Beit Lahiya", "Beit Hanun", "جباليا", "بيت لاهيا", "بيت حانون",
                   "Cibaliya", "Cibaliye", "Cebaliye", "Beyt Hanun", "Beyt Lahiya", "Bayt Lahiya", "Bayt Hanun"),
    "gaza-city": ("Shujaiyya", "Shejaiya", "Shuja'iyya", "Zeitoun", "Zaytun", "Tal al-Hawa", "Shati camp",
                  "الشاطئ", "الشجاعية", "الرمال", "الزيتون", "تل الهوى"),
    "deir-al-balah": ("Nuseirat camp", "Nusayrat", "Bureij camp", "al-Bureij", "Maghazi camp", "al-Maghazi",
                      "Zuwaida", "Nuseyrat", "Nusayrat camp", "النصيرات", "البريج", "المغازي", "الزوايدة"),
    "khan-yunis": ("Bani Suhaila", "Bani Suheila", "Khuzaa", "Khuza'a", "al-Mawasi", "Mawasi", "Abasan",
                   "بني سهيلا", "عبسان", "خزاعة", "المواصي"),
    "rafah": ("Tal as-Sultan", "Tel al-Sultan", "Tal al-Sultan", "Shaboura", "Rafah crossing", "Rafah border crossing",
              "Refah Sınır Kapısı", "Refah kapısı", "تل السلطان", "الشابورة", "معبر رفح"),
}

# Other-language names and demonyms of the registry's nations, keyed by canonical name.
EXTRA_NATION_NAMES: dict[str, tuple[str, ...]] = {
    "Albania": ("Arnavutluk", "Arnavut", "Shqipëria", "Shqipëri", "Shqipërisë", "Shqipërinë", "Shqiperia",
                "shqiptare", "shqiptarë", "shqiptar", "ألبانيا", "الألبانية", "الألباني", "ألبانية"),
    "Azerbaijan": ("Azerbaycan", "Azerbajxhani", "أذربيجان"),
    "Bangladesh": ("Bangladeş", "بنغلاديش"),
    "Egypt": ("Mısır", "Mısırlı", "Mesir", "Egjipti", "Egjiptit", "Egjipt", "egjiptiane", "egjiptian", "مصر",
              "المصرية", "المصري", "مصرية"),
    "France": ("Fransa", "Franca", "Francës", "Prancis", "فرنسا", "الفرنسية"),
    "Germany": ("Almanya", "Gjermania", "Jerman", "ألمانيا"),
    "Greece": ("Yunanistan", "Greqia", "Yunani", "اليونان"),
    "India": ("Hindistan", "India", "الهند"),
    "Indonesia": ("Endonezya", "Endonezyalı", "Indonezia", "Indonezisë", "Indonezinë", "indoneziane",
                  "indonezian", "إندونيسيا", "الإندونيسية", "الإندونيسي", "إندونيسية"),
    "Israel": ("İsrail", "İsrailli", "Izraeli", "Izraelit", "Izrael", "izraelite", "إسرائيل", "الإسرائيلية",
               "الإسرائيلي"),
    "Italy": ("İtalya", "Italia", "Italisë", "إيطاليا"),
    "Jordan": ("Ürdün", "Ürdünlü", "Yordania", "Jordania", "Jordanisë", "Jordani", "jordaneze", "jordanez",
               "الأردن", "الأردنية", "الأردني", "أردنية"),
    "Kazakhstan": ("Kazakistan", "Kazakstan", "Kazakistani", "Kazakistanit", "Kazakistanı", "كازاخستان",
                   "الكازاخستانية", "الكازاخستاني"),
    "Kosovo": ("Kosova", "Kosovë", "Kosovës", "Kosovën", "Kosovalı", "kosovare", "kosovarë", "kosovar",
               "كوسوفو", "كوسوفا", "الكوسوفية", "الكوسوفي", "كوسوفية"),
    "Malaysia": ("Malezya", "Malajzia", "ماليزيا"),
    "Morocco": ("Fas", "Faslı", "Maroko", "Maroku", "Marokut", "Marok", "marokene", "marokan", "المغرب",
                "المغربية", "المغربي", "مغربية"),
    "Netherlands": ("Hollanda", "Holanda", "Belanda", "هولندا"),
    "Pakistan": ("Pakistani", "باكستان", "باكستانية"),
    "Qatar": ("Katar", "قطر"),
    "Saudi Arabia": ("Suudi Arabistan", "Arabia Saudite", "Arab Saudi", "السعودية"),
    "Spain": ("İspanya", "Spanja", "Spanyol", "إسبانيا"),
    "Turkey": ("Türkiye", "Türk", "Turqia", "Turqisë", "Turqi", "Turki", "تركيا", "التركية", "التركي", "تركية"),
    "United Arab Emirates": ("Birleşik Arap Emirlikleri", "BAE", "Emiratet e Bashkuara Arabe", "Uni Emirat Arab",
                             "الإمارات"),
    "United Kingdom": ("Birleşik Krallık", "İngiltere", "Britania e Madhe", "Inggris", "بريطانيا",
                       "المملكة المتحدة"),
    "United States": ("ABD", "Amerika Birleşik Devletleri", "Amerikan", "SHBA", "Shtetet e Bashkuara",
                      "Amerika Serikat", "الولايات المتحدة", "الأمريكية", "الأمريكي", "الأميركية"),
    "European Union": ("EU", "Avrupa Birliği", "AB", "Bashkimi Evropian", "Uni Eropa", "الاتحاد الأوروبي"),
    "United Nations": ("UN", "Birleşmiş Milletler", "BM", "Kombet e Bashkuara", "OKB", "PBB", "الأمم المتحدة"),
}
_CASE_SENSITIVE_MAX = 3  # names this short ("US", "ABD", "Fas", "BM") must match with their exact case

_LATIN_SUFFIXES = r"(?:ut|un|it|in|ës|ën|ë|nya|'[a-zçğıöşü]{1,5}|’[a-zçğıöşü]{1,5})?"
_ARABIC_PREFIX = r"[وف]?[بلك]?"
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_FOLD_SEPARATORS = re.compile(r"[\s\u00a0\-\u2010\u2011\u2012\u2013]+")
_APOSTROPHES = re.compile(r"['’ʼ`]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ـ": ""})


def is_arabic(text: str) -> bool:
    """True when ``text`` holds Arabic-script letters."""
    return bool(_ARABIC.search(text))


def text_key(surface: str) -> str:
    """The lookup key of a name as matched: case, separators, apostrophes and Arabic alef forms folded."""
    key = unicodedata.normalize("NFC", surface).casefold().replace("\u0307", "")
    key = _APOSTROPHES.sub("", key)
    key = _FOLD_SEPARATORS.sub(" ", key).strip()
    return key.translate(_ALEF)


_SEPARATOR = r"[\s\u00a0\-\u2010\u2011\u2012\u2013]+"
_SEP, _APO, _WS = "\x00sep", "\x00apo", "\x00ws"
_ATOM_REGEX = {_SEP: _SEPARATOR, _APO: "['’ʼ]?", _WS: r"\s+"}


def _atoms(surface: str, arabic: bool = False) -> list[str]:
    """A name as regex atoms: letters lower-cased (matched case-insensitively), separators, apostrophes."""
    atoms: list[str] = []
    for ch in surface.strip():
        if arabic:
            atom = _WS if ch.isspace() else ch
        elif ch.isspace() or ch in "-\u2010\u2011\u2013":
            atom = _SEP
        elif ch in "'’ʼ":
            atom = _APO
        else:
            low = ch.lower()
            atom = low if len(low) == 1 else ch
        if atom in (_SEP, _WS) and atoms and atoms[-1] == atom:
            continue
        atoms.append(atom)
    return atoms


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
        alts = [(_ATOM_REGEX.get(atom) or re.escape(atom)) + emit(child)
                for atom, child in node.items() if atom != ""]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
        if "" in node:
            return f"(?:{body})?" if len(alts) == 1 else f"{body}?"
        return body

    return emit(root)


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

    def __post_init__(self) -> None:
        latin_ci: list[list[str]] = []
        latin_cs: list[str] = []
        arabic: list[list[str]] = []
        for entry in sorted(self.entries, key=lambda e: -len(e.surface)):
            if is_arabic(entry.surface):
                for form in sorted(_arabic_variants(entry.surface), key=len, reverse=True):
                    self._by_key.setdefault(text_key(form), entry)
                    arabic.append(_atoms(form, arabic=True))
            elif len(entry.surface) <= _CASE_SENSITIVE_MAX:
                self._exact.setdefault(entry.surface, entry)
                latin_cs.append(re.escape(entry.surface))
            else:
                self._by_key.setdefault(text_key(entry.surface), entry)
                latin_ci.append(_atoms(entry.surface))
        branches = []
        suffix = _LATIN_SUFFIXES if any(e.kind != "nation" for e in self.entries) else r"(?:s\b)?"
        if latin_ci:
            branches.append(f"(?i:(?P<lat>{_trie_regex(latin_ci)}){suffix})")
        if latin_cs:
            branches.append(f"(?P<exact>{'|'.join(_unique(latin_cs))})")
        if arabic:
            branches.append(f"{_ARABIC_PREFIX}(?P<ara>{_trie_regex(arabic)})")
        body = "|".join(branches) or r"(?!x)x"
        self.pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)")

    def find(self, text: str, base: int = 0) -> list[Mention]:
        """Every name in ``text`` (offsets shifted by ``base``), leftmost-longest, without overlaps."""
        found = []
        for match in self.pattern.finditer(text):
            group = match.lastgroup
            core = match.group(group) if group else match.group()
            entry = self._exact.get(core) if group == "exact" else self._by_key.get(text_key(core))
            if entry is None:
                continue
            found.append(Mention(entry.kind, entry.key, match.group(), base + match.start(), base + match.end(),
                                 entry.place))
        return found


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


def sector_entries(sectors: list[Sector]) -> list[Entry]:
    """Entries for every sector name and every place inside a sector, from the geodata plus the extras here."""
    entries: list[Entry] = []
    seen: set[str] = set()

    def add(surface: str, kind: MentionKind, key: str, place: str | None = None) -> None:
        folded = text_key(surface)
        if folded and folded not in seen:
            seen.add(folded)
            entries.append(Entry(surface, kind, key, place))

    for sector in sectors:
        for name in (sector.name, *sector.aliases, *EXTRA_SECTOR_ALIASES.get(sector.id, ())):
            add(name, "sector", sector.id)
    for sector in sectors:
        for place in (*sector.places, *EXTRA_SECTOR_PLACES.get(sector.id, ())):
            add(place, "place", sector.id, place)
    return entries


def nation_entries() -> list[Entry]:
    """Entries for every registry nation: name, demonyms, and the other-language names above."""
    entries: list[Entry] = []
    seen: set[str] = set()
    for nation in NATIONS:
        names = (nation.name, *nation.demonyms, *EXTRA_NATION_NAMES.get(nation.name, ()))
        for surface in names:
            marker = surface if len(surface) <= _CASE_SENSITIVE_MAX else text_key(surface)
            if marker not in seen:
                seen.add(marker)
                entries.append(Entry(surface, "nation", nation.name))
    return entries


def build_gazetteer(sectors: list[Sector]) -> Gazetteer:
    """Compile the sector/place gazetteer for these sectors and the nation gazetteer."""
    unknown = set(EXTRA_NATION_NAMES) - set(NATIONS_BY_NAME)
    assert not unknown, f"extra names for nations not in the registry: {unknown}"
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
