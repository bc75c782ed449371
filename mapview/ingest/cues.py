"""Cue words for roles.

Role cues (lead, deploy, base, assign...) are data: the ``[cues]`` tables of the language files read by
:mod:`mapview.ingest.langdata`. Each category is one compiled regex over the languages a text is read with
(:func:`mapview.ingest.langdata.read_as`; the tables of every file when no language is set), plus every file's
neutral patterns (acronyms: "ISF", "KSF"): a word that is a cue in one language is an ordinary word in another.
Cues match whole words, case-insensitive; Arabic cues may carry the attached conjunctions و / ف and then ال, ب or ل.

:data:`CUES` gives the cue set of the languages being read; :func:`cue_set` builds (once) the set for a choice of
languages. Who says a passage and how (hedges, denials, speakers) is not judged here: see
mapview/ingest/attribution.py and the ``[status]``/``[speakers]`` tables of the same files; the status is
mapview.data.status's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from mapview.ingest.langdata import (
    Codes,
    check_cues,
    compile_edge,
    compile_table,
    languages,
    patterns_for,
    reading,
    words,
)


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
    # A site the sentence before named, referred back to ("the site", "the camp", "lokasi tersebut", "الموقع",
    # "المنطقة المخصصة"), and the site nouns such a sentence names ("a site", "land", "lahan", "موقع", "معسكر"):
    # :func:`mapview.ingest.extract._zero_reference`.
    site_backref: re.Pattern[str]
    site: re.Pattern[str]
    troops: re.Pattern[str]
    placement: re.Pattern[str]
    force: re.Pattern[str]
    near: re.Pattern[str]
    that: re.Pattern[str]
    locative: re.Pattern[str]
    rank: re.Pattern[str]
    not_at: re.Pattern[str]
    not_after: re.Pattern[str]
    not_nation: re.Pattern[str]
    # A preposition of place right before a nation ("based in Egypt", "gather in Egypt before deploying to Rafah"):
    # the nation is where something is, not a contingent.
    at_place: re.Pattern[str]
    # A case ending or postposition of place closing a nation's name ("Mısır'da", "エジプトで", "मिस्र में"): the same.
    at_place_after: re.Pattern[str]
    # A cue ending on the preposition that names who is given a sector ("falls to", "reviendra au"): the nation
    # after it is who, not where.
    given_to: re.Pattern[str]
    # The whole stretch between a sector and the nation it goes to in a list of pairs ("Rafah, para Indonesia;
    # Jan Yunis, para Pakistán", "Rafah all'Indonesia, Khan Younis al Marocco"): a pair's mark, as a dash or a
    # parenthesis is.
    pair_for: re.Pattern[str]
    # The same word written on the nation's name ("رفح لإندونيسيا وخان يونس للمغرب": Rafah to Indonesia, Khan Younis
    # to Morocco): matched where the name starts, right after the sector.
    pair_prefix: re.Pattern[str]
    # The word between a nation and the sector it goes to in a list of two or more pairs, a headline's shorthand
    # ("Morocco to Deir al-Balah, Kazakhstan to Gaza City", "Maroko ke Deir al-Balah, Kazakhstan ke Kota Gaza").
    pair_to: re.Pattern[str]
    # A verb of announcing or confirming that takes a noun for object ("announced the dispatch of troops to").
    announce: re.Pattern[str]
    # A word of sending troops ("send", "dispatch", "envoi", "στείλει"): opening what a nation denies or announces,
    # that nation is the sender.
    send: re.Pattern[str]
    # Equipment a verb of deploying may take as its object ("deployed tanks near Rafah", "部署了坦克"): with no
    # troops or police named in the clause, no contingent is placed.
    equipment: re.Pattern[str]
    # "respectively" ("Kosovo and Albania will lead North Gaza and Deir al-Balah, respectively"): a list of nations
    # and a list of sectors of the same length pair up in order.
    respectively: re.Pattern[str]
    # Opening the sentence right after one that names a site in a sector and no nation, words that refer back to the
    # site with its subject dropped or a pronoun and say whom it is for ("Está destinado a", "È destinato ai", "Ai
    # është i destinuar për"): the troops named next are the site's (extract._site_named_before).
    site_for: re.Pattern[str]
    # "there" as an adverb of place standing for a sector named in the sentence before ("সেখানে", "그곳에는"): the
    # sector's stand-in in its own sentence (extract._there_stand_ins)
    there: re.Pattern[str]
    person: re.Pattern[str]
    shared: re.Pattern[str]
    civilian: re.Pattern[str]
    # A verb of protecting ("to protect", "um … zu schützen", "qorumaq"): civilians it takes as its object are whom
    # the troops protect (their task), not whom a base is for ("a base in Rafah to protect displaced families").
    protect: re.Pattern[str]
    possessive: re.Pattern[str]
    opposed: re.Pattern[str]
    # A negated stance ("does not oppose", "لا تعارض", "n'est pas opposé"): the opposition word inside it is no stance.
    not_opposed: re.Pattern[str]
    # A border crossing or gate ("the Rafah crossing", "معبر رفح", "Grenzübergang Rafah"): a point, not a sector.
    crossing: re.Pattern[str]
    # An offer or proposal to send troops ("Turkey's offer"): refused in the same sentence, it places no one.
    offer: re.Pattern[str]
    supporter: re.Pattern[str]
    supporter_before: re.Pattern[str]
    relative: re.Pattern[str]
    past: re.Pattern[str]
    # Title words that, right after a nation's name, make it a masthead ("Israel Hayom", "Jakarta Post").
    masthead: re.Pattern[str]
    # Right after a nation, a word that makes it a modifier ("Turkish-led"): not a contingent.
    modifier: re.Pattern[str]
    # Right before a nation, the whole force named as led by it ("กองกำลัง…ที่นำโดย": the force led by): not a
    # contingent.
    leader_before: re.Pattern[str]
    # ", and" / "or" between two names: one list ("Indonesia, Morocco and Albania").
    list_joiner: re.Pattern[str]
    # A list joiner opening a stretch of text ("と最南部": "and the southernmost"), for a pair with a word between.
    joiner_start: re.Pattern[str]
    # A pair of sectors as one site's area: "between (the cities of) Rafah and Khan Yunis", "Refah ile Han Yunus
    # arasındaki", "رفح اور خان یونس کے درمیان".
    between_before: re.Pattern[str]
    between_after: re.Pattern[str]
    # The Strip named as a whole ("Gaza", "Gazze", "غزة"), unless a word after it names a sector ("Gaza City").
    strip: re.Pattern[str]
    # Between a nation and a sector ("the Egyptian city of Rafah", "la ville égyptienne de Rafah"): the whole gap.
    foreign_side: re.Pattern[str]
    # Right before a nation that stands right before a sector ("in Egyptian Rafah"): the town of that nation.
    at_town: re.Pattern[str]
    # In a script without spaces, a case particle ends the phrase a nation starts ("インドネシアが").
    particle: re.Pattern[str]
    # A case particle closing the words before a nation ("미국 관리들은 인도네시아군이"): a title there heads its own
    # phrase (the officials speak), it does not make the nation after it a person's.
    particle_end: re.Pattern[str]
    # Right before a sector: the placing nation's own side of a town ("its side of Rafah").
    own_side: re.Pattern[str]
    # Anywhere in the clause: the placing nation's own side of the border ("on its side of the border").
    own_border: re.Pattern[str]
    # Right after a negated sector, the word naming the right one instead ("not in Rafah but in Khan Younis",
    # "nicht in Rafah, sondern in Chan Junis", "bukan di Rafah melainkan di Khan Younis").
    correction: re.Pattern[str]
    # A word negating a clause's verb ("will not be stationed in Rafah but in Khan Younis"): with a correction after
    # the sector, the sector is the one corrected.
    negation: re.Pattern[str]
    # Right before a sector: a border the sector's name only locates ("the border at Rafah", "الحدود في رفح").
    border_of: re.Pattern[str]
    # Closing the words right before a sector: "not only" ("not only in Rafah", "nicht nur in Rafah", "sadece
    # Refah'ta"): the sector is no negated one, and with ``but_also`` after it the next sector is placed too.
    not_only: re.Pattern[str]
    # Right after a sector, a postposed "only" ("ラファだけ", "라파뿐만", "Рафахта ғана", "رفح فحسب"): as ``not_only``,
    # and ``but_also`` then fills the stretch from it to the next sector ("でなく", "아니라", "емес, ").
    only_after: re.Pattern[str]
    # A copula of the present or future ("will be", "sont", "ovat", "vor fi", "olacak", "ستكون"; no past form): with a
    # nation's word for troops as its subject and a sector next to it, a placement (extract._copula_placement).
    copula: re.Pattern[str]
    # A word of a verb group that may stand between a negation and its placing verb (an auxiliary or modal: "no van
    # a ser desplegadas", "não serão enviadas", "tidak akan dikerahkan", "لن يتم نشر"): the negation negates the verb.
    auxiliary: re.Pattern[str]
    # A negation that, right before a sector whose placing verb closes the clause after it, negates that verb, not
    # the sector ("werden nicht in Rafah stationiert", "zullen niet in Rafah worden gestationeerd"): a denial.
    verb_negation: re.Pattern[str]
    # The whole stretch between two sectors, the first opened by ``not_only``: "but also in" ("Rafah, sondern auch
    # in", "Refah'ta değil, "): the two are one list.
    but_also: re.Pattern[str]
    # A word of leaving, withdrawing, evacuating or visiting a place ("withdrew from", "pulled out of", "visited",
    # "toured", "evacuated patients from", "redeployed from"): a sector it takes as its object or source a few words
    # on is where troops leave or someone visits, not where anyone is placed (extract._left).
    leave: re.Pattern[str]
    # A preposition naming where a movement starts ("from", "out of", "aus", "من"): a leave word with one of its own
    # before another name does not reach a sector after it ("withdrew from Lebanon … Rafah").
    source: re.Pattern[str]
    # Right after a sector, the words closing its clause on leaving it ("… in Rafah will be withdrawn",
    # "ラファから撤退", "라파에서 철수", "Refah'tan çekildi", "aus Rafah abgezogen"): the same, where the verb follows.
    leave_after: re.Pattern[str]


def _breaks(patterns: list[str], soft: bool, unspaced: list[str] | None = None,
            ends: list[str] | None = None, bare_ends: list[str] | None = None) -> re.Pattern[str]:
    """Clause breaks: ";" (and Greek's raised dot, "Ράφα· η", not the dot that lists Korean names), a spaced dash,
    and the languages' break words ("but", "tetapi"); in a script without spaces (Chinese, Japanese) a break word
    has no word boundary to stand between, so it is read right after a comma or a colon ("，而埃及…", "、一方…");
    ``ends``: a conjunction closing its clause on the verb, right before a comma (Japanese "報じられたが、", Korean
    "주둔하지만,"); ``bare_ends``: a word closing an adverbial clause with no comma after it (Korean "…한 가운데":
    amid)."""
    if soft:
        return re.compile(rf"[,،]\s+(?i:{'|'.join(patterns) or '(?!x)x'})(?!\w)")
    greek_semicolon = r"(?<=[\u0370-\u03ff\u1f00-\u1fff])[\u00b7\u0387]"
    # a dash right after a closed quote ("«…», — заявил министр") introduces who said it, not a clause of its own
    dash = r"(?<![»”\"],)(?<![»”\"])\s[–—-]\s"
    branches = [r"[;；]", greek_semicolon, dash, rf"(?<!\w)(?i:{'|'.join(patterns) or '(?!x)x'})(?!\w)"]
    if unspaced:
        branches.append(rf"(?<=[，,、：:])\s*(?:{'|'.join(unspaced)})")
    if ends:
        branches.append(rf"(?:{'|'.join(ends)})(?=\s*[，,、])")
    if bare_ends:
        branches.append(rf"(?:{'|'.join(bare_ends)})")
    return re.compile("|".join(branches))


def _by_spacing(kind: str, codes: Codes) -> tuple[list[str], list[str]]:
    """A table's patterns over the languages read, split into those of spaced and of unspaced scripts."""
    spaced: list[str] = []
    unspaced: list[str] = []
    for lang in languages().values():
        (spaced if lang.spaced else unspaced).extend(patterns_for(lang, kind, codes))
    return list(dict.fromkeys(spaced)), list(dict.fromkeys(unspaced))


# In a script without spaces a name ends where no further ideograph, katakana or Latin letter follows (a particle
# may: "ガザに"); one that does makes a longer name ("加沙城", "ガザ市": a sector).
_UNSPACED_NAME_END = r"(?![\u4e00-\u9fff\u3400-\u4dbf\u30a0-\u30ffA-Za-z0-9])"


def _joined(patterns: list[str]) -> str:
    return "|".join(patterns) or "(?!x)x"


def _builders(codes: Codes) -> dict[str, Callable[[], re.Pattern[str]]]:
    """How each cue category is compiled for the languages ``codes`` (None: every language file's tables)."""
    def table(kind: str, prefixed: bool = True) -> Callable[[], re.Pattern[str]]:
        return lambda: compile_table(kind, prefixed, codes)

    def flat(kind: str) -> str:
        return _joined(words(kind, codes))

    def hard_break() -> re.Pattern[str]:
        spaced, unspaced = _by_spacing("clause_break", codes)
        return _breaks(spaced, soft=False, unspaced=unspaced, ends=words("clause_end", codes),
                       bare_ends=words("clause_end_bare", codes))

    def strip() -> re.Pattern[str]:
        spaced, unspaced = _by_spacing("strip", codes)
        return re.compile(rf"(?<!\w)(?:{_joined(spaced)})(?!\w)(?![\s\u00a0]+(?:{flat('strip_not_before')}))"
                          + (rf"|(?:{_joined(unspaced)}){_UNSPACED_NAME_END}" if unspaced else ""))

    def border_of() -> re.Pattern[str]:
        # in a script without spaces the border word is written against the name ("ชายแดนราฟาห์"): no word boundary
        spaced, unspaced = _by_spacing("border_of", codes)
        return re.compile(rf"(?:(?<!\w)(?:{_joined(spaced)})|(?:{_joined(unspaced)}))\s*$", re.IGNORECASE)

    def not_only() -> re.Pattern[str]:
        # in a script without spaces "not only" is written against the words around it ("军队不仅在拉法")
        spaced = compile_edge("not_only", before=True, words_between=3, codes=codes)
        _, unspaced = _by_spacing("not_only", codes)
        # and a verb may stand between it and the sector ("不仅部署在拉法")
        if not unspaced:
            return spaced
        return re.compile(rf"{spaced.pattern}|(?:{_joined(unspaced)})\w{{0,4}}\s*$", re.IGNORECASE)

    def only_after() -> re.Pattern[str]:
        # a case ending or particle may stand between ("Рафахта ғана", "라파에서뿐만"); a spaced word ends there
        spaced, unspaced = _by_spacing("only_after", codes)
        return re.compile(rf"[\w'’\-]*?\s*(?:(?:{_joined(spaced)})(?!\w)|(?:{_joined(unspaced)}))", re.IGNORECASE)

    tables = {kind: table(kind) for kind in (
        "lead", "deploy", "base", "phase", "task", "assign", "outlet", "border", "backref", "site_backref", "site",
        "troops", "placement", "force", "near", "that", "rank", "not_at", "not_after", "not_nation", "at_place",
        "person", "shared", "civilian", "possessive", "protect", "opposed", "past", "not_opposed", "crossing", "offer",
        "supporter", "supporter_before", "relative", "copula", "auxiliary", "correction", "negation", "verb_negation",
        "leave", "source", "given_to", "announce", "send", "equipment", "respectively", "site_for", "there")}
    return {
        **tables,
        "police": table("police", prefixed=False), "medical": table("medical", prefixed=False),
        "locative": table("locative", prefixed=False),
        "hard_break": hard_break,
        "soft_break": lambda: _breaks(words("soft_break", codes), soft=True),
        "masthead": lambda: re.compile(rf"\s+(?:{flat('masthead')})\b"),
        "modifier": lambda: re.compile(rf"(?:{flat('modifier')})", re.IGNORECASE),
        "leader_before": lambda: re.compile(rf"(?:{flat('leader_before')})\s*$", re.IGNORECASE),
        # "and", then an article ("the", "l'"); the middle dot lists names in Korean and Japanese (인도네시아·모로코)
        "list_joiner": lambda: re.compile(rf"^[\s,،、·・]*(?:(?:{flat('list_joiner')})\s*)?"
                                          rf"(?:(?:{flat('list_article')})(?:\s+|(?<=['’])))?[\s,،、·・]*$",
                                          re.IGNORECASE),
        "joiner_start": lambda: re.compile(rf"[\s,،、]*(?:{flat('list_joiner')})(?:\s|(?<=[^\x00-\u2fff]))",
                                           re.IGNORECASE),
        "between_before": lambda: compile_edge("between", before=True, words_between=3, codes=codes),
        "between_after": lambda: compile_edge("between_after", before=False, words_between=0, codes=codes),
        "strip": strip,
        "foreign_side": lambda: re.compile(rf"(?:{flat('foreign_side')})", re.IGNORECASE),
        "at_town": lambda: re.compile(rf"(?<!\w)(?:{flat('at_town')})\s+$", re.IGNORECASE),
        # the word may be elided before an apostrophe ("all'Indonesia")
        "pair_for": lambda: re.compile(rf"\s*[,:]?\s*(?<!\w)(?:{flat('pair_for')})(?:\s+|['’]\s*)",
                                          re.IGNORECASE),
        "pair_prefix": lambda: re.compile(rf"(?:{flat('pair_prefix')})(?=\w)"),
        "pair_to": lambda: re.compile(rf"\s+(?:{flat('pair_to')})\s+", re.IGNORECASE),
        "particle": lambda: re.compile(flat("particle")),
        "at_place_after": lambda: re.compile(flat("at_place_after"), re.IGNORECASE),
        "leave_after": lambda: re.compile(flat("leave_after"), re.IGNORECASE),
        "particle_end": lambda: re.compile(rf"(?<=[^\x00-\u2fff])(?:{flat('particle')})$"),
        "own_side": lambda: re.compile(rf"(?<!\w)(?:{flat('own_side')})\s*$", re.IGNORECASE),
        "own_border": lambda: re.compile(rf"(?<!\w)(?:{flat('own_border')})(?!\w)", re.IGNORECASE),
        "border_of": border_of,
        "not_only": not_only,
        "only_after": only_after,
        # a case ending may close the first name ("Refah'ta değil, ", with Indic vowel signs: "রাফাহে নয়"), up to
        # three words open the second ("in der")
        "but_also": lambda: re.compile(rf"[\w'’\-\u0900-\u0e7f]*[\s,،]*(?:{flat('but_also')})"
                                       rf"(?:[\s,،]+[^\s,،]+){{0,3}}[\s,،]*", re.IGNORECASE),
    }


class _CompiledOnUse:
    """A :class:`CueSet` whose categories are compiled the first time each is used (a text read as a rare choice of
    languages, a quote's, needs only a few of them), then kept as plain attributes."""

    def __init__(self, codes: Codes) -> None:
        self._builders = _builders(codes)

    def __getattr__(self, name: str) -> re.Pattern[str]:
        try:
            builder = self.__dict__["_builders"][name]
        except KeyError:
            raise AttributeError(name) from None
        try:
            compiled = builder()
        except re.error:
            check_cues()  # a ValueError naming the language file, table and pattern at fault
            raise
        setattr(self, name, compiled)
        return compiled


@lru_cache(maxsize=64)
def cue_set(codes: Codes) -> CueSet:
    """Every cue category for the languages ``codes`` (None: every language file's tables), each compiled on first
    use."""
    return cast(CueSet, _CompiledOnUse(codes))


class _Reading:
    """The cue set of the languages being read (:func:`mapview.ingest.langdata.read_as`), attribute by attribute."""

    # __getattribute__, not __getattr__: this object has no attributes of its own, and __getattr__ is only reached
    # after the ordinary lookup has raised and caught an AttributeError, which made each of the ~550 cue lookups of
    # a page cost 1.9 µs instead of 0.4
    def __getattribute__(self, name: str) -> re.Pattern[str]:
        return getattr(cue_set(reading()), name)


CUES = cast(CueSet, _Reading())
