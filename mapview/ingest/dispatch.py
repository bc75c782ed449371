"""Fast alternations of many regexes: the same matches, far fewer attempts per character.

A cue table is hundreds of patterns joined by ``|``. Python's ``re`` tries every branch, in order, at every position
where the whole-word guard lets it: most of ingest's time went there. :func:`alternation` writes the same
alternation with the branches grouped by the letter they can start with; each group is entered through a one-letter
lookahead (and groups of groups through one character class), so at a position only the branches that can start
with its letter are tried.

The result matches exactly what the plain ``|``-join matches (same text, same span, same choice of branch): at any
position, the branches tried are those that can match there, in their original order. This holds because:

- a branch's possible first letters are read from its parsed form (zero-width assertions skipped, optional parts
  looked through); a branch whose first letter cannot be told (``\\w``, ``.``, a class with a category) is a
  "wild" branch and stands in every group, in its place;
- the groups are disjoint: letters are grouped by ``re``'s own case-insensitive equivalence (two letters share a
  group when either matches the other under IGNORECASE: "i", "I", "İ", "ı"), and every lookahead is itself
  case-insensitive, whatever the flags around it, so a branch is reached from any character it can start with
  (in any case), and a character enters one group at most; a character in no group meets the wild branches alone.

A table whose patterns use capture groups or back-references is joined plainly (grouping would renumber them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from re import _constants as sre  # noqa: PLC2701 - the parsed form re itself compiles
from re import _parser as sre_parse  # noqa: PLC2701

_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}
MIN_BRANCHES = 24  # fewer patterns than this: the plain join is as fast
BLOCK = 6  # letters' groups behind one character class


def _first(items: list) -> tuple[set[str] | None, bool]:
    """(characters a sequence of parsed items may start with, or None for any; whether it may match empty)."""
    chars: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            chars.add(chr(av))
            return chars, False
        if op is sre.IN:
            literals = []
            for item_op, item_av in av:
                if item_op is sre.LITERAL:
                    literals.append(chr(item_av))
                elif item_op is sre.RANGE and item_av[1] - item_av[0] < 64:
                    literals.extend(chr(c) for c in range(item_av[0], item_av[1] + 1))
                else:  # NEGATE, CATEGORY, a wide range
                    return None, False
            chars.update(literals)
            return chars, False
        if op is sre.SUBPATTERN:
            sub, nullable = _first(list(av[3]))
        elif op is sre.ATOMIC_GROUP:
            sub, nullable = _first(list(av))
        elif op is sre.BRANCH:
            sub, nullable = set(), False
            for alternative in av[1]:
                alt, alt_nullable = _first(list(alternative))
                if alt is None:
                    return None, False
                sub |= alt
                nullable = nullable or alt_nullable
        elif op in _REPEATS:
            low, _high, body = av
            sub, body_nullable = _first(list(body))
            nullable = low == 0 or body_nullable
        else:  # ANY, CATEGORY, NOT_LITERAL, GROUPREF...
            return None, False
        if sub is None:
            return None, False
        chars |= sub
        if not nullable:
            return chars, False
    return chars, True


@lru_cache(maxsize=8192)
def _start(pattern: str) -> tuple[bool, frozenset[str] | None, bool]:
    """(whether the pattern holds a capture group, which grouping would renumber; the characters a match of it may
    start with, None when any; whether it may match empty). Parsed once per pattern."""
    parsed = sre_parse.parse(pattern)
    chars, nullable = _first(list(parsed))
    return parsed.state.groups > 1, None if chars is None else frozenset(chars), nullable


def _read(pattern: str) -> tuple[bool, frozenset[str] | None]:
    """(whether the pattern holds a capture group; the characters a match of it may start with, None when any, or
    an empty match, is possible)."""
    numbered, chars, nullable = _start(pattern)
    return numbered, None if nullable else chars


@lru_cache(maxsize=4096)
def _matches(letter: str, other: str) -> bool:
    return re.match(re.escape(letter), other, re.IGNORECASE) is not None


def _classes(letters: list[str]) -> dict[str, str]:
    """Each letter -> its class's first letter: letters that match each other under IGNORECASE share a class."""
    representative: dict[str, str] = {}
    heads: list[str] = []
    for letter in letters:
        head = next((h for h in heads if _matches(h, letter) or _matches(letter, h)), None)
        if head is None:
            heads.append(letter)
            head = letter
        representative[letter] = head
    return representative


def alternation(patterns: list[str]) -> str:
    """``"|".join(patterns)`` written so that ``re`` tries, at each position, only the branches that can start
    there (see the module docstring); in a group of its own, as the plain join would be: ``(?i:{...})``."""
    patterns = list(patterns)
    plain = "|".join(patterns)
    if len(patterns) < MIN_BRANCHES:
        return plain
    read = [_read(p) for p in patterns]
    if any(numbered for numbered, _ in read):
        return plain
    firsts = [first for _, first in read]
    letters = list(dict.fromkeys(c for chars in firsts if chars is not None for c in sorted(chars)))
    head_of = _classes(letters)
    groups: dict[str, list[int]] = {}
    for i, chars in enumerate(firsts):
        for head in ([*dict.fromkeys(head_of.values())] if chars is None
                     else dict.fromkeys(head_of[c] for c in sorted(chars))):
            groups.setdefault(head, []).append(i)
    wild = [i for i, chars in enumerate(firsts) if chars is None]
    letters_of: dict[str, list[str]] = {}
    for letter, head in head_of.items():
        letters_of.setdefault(head, []).append(letter)

    def group(head: str) -> str:  # a group's branches in their original order (wild ones in their turn)
        return f"(?i:(?={re.escape(head)}))(?:{'|'.join(f'(?:{patterns[i]})' for i in sorted(groups[head]))})"

    # groups in blocks of BLOCK, each block entered through one character class of all its letters, so that a
    # character is tested against a few classes and then a few letters, not against every letter in turn
    heads = sorted(groups)
    branches = []
    for n in range(0, len(heads), BLOCK):
        block = heads[n:n + BLOCK]
        letters = "".join(re.escape(c) for head in block for c in letters_of[head])
        branches.append(f"(?i:(?=[{letters}]))(?:{'|'.join(group(head) for head in block)})")
    if wild:
        branches.append("|".join(f"(?:{patterns[i]})" for i in wild))
    return "|".join(branches)


def gated(pattern: str) -> str:
    """``pattern`` entered through one case-insensitive lookahead of the characters a match of it can start with
    (read from its parsed form, as for :func:`alternation`): at a position no match can start from, ``re`` then
    fails one class test instead of trying every branch of a large name table. The matches are the same, since
    only such positions are skipped and the lookahead admits every case form of each first character. A pattern
    whose first character cannot be told, or that may match empty, is returned as it is."""
    _numbered, first = _read(pattern)
    if first is None:
        return pattern
    return _gate(first, pattern)


def _gate(first: Iterable[str], pattern: str) -> str:
    return f"(?i:(?=[{''.join(re.escape(c) for c in sorted(first))}])){pattern}"


def gated_from(prefix: str, parts: Iterable[str], pattern: str) -> str:
    """:func:`gated` for a ``pattern`` that matches ``prefix`` and then one of ``parts`` (zero-width assertions may
    stand around them): the characters it can start with put together from the prefix's and each part's (each
    part parsed once and remembered, as :func:`alternation` parses it) instead of read from a parse of the whole,
    which runs to tens of thousands of characters for a name table and which ``re.compile`` then parses again.
    The same lookahead as :func:`gated` gives; where the prefix's or a part's first character cannot be told, or a
    part may match empty, the whole is read as :func:`gated` reads it."""
    _numbered, start, nullable = _start(prefix) if prefix else (False, frozenset(), True)
    if start is None:
        return gated(pattern)
    first = set(start)
    if nullable:
        for part in parts:
            _numbered, chars = _read(part)
            if chars is None:
                return gated(pattern)
            first |= chars
    return _gate(first, pattern) if first else gated(pattern)
