"""Passage anchoring: W3C Web Annotation TextQuoteSelector + TextPositionSelector on raw article text.

Offsets are Unicode code points into the article decoded from UTF-8 with no newline translation, the same
indices Python uses for ``str``. A passage is re-found on every load:

1. position first: ``text[start:end]`` equals ``exact`` (verbatim, or after normalisation) and the stored
   ``prefix``/``suffix`` stand around it; where the same words stand there in another context, the occurrence
   the context singles out elsewhere wins (the article was edited and other words slid under the old offsets);
2. otherwise the quote: ``exact`` is searched in the normalised text (no-break spaces, runs of whitespace,
   curly quotes and dashes folded, composed to Unicode NFC so that "é" typed as one character matches "e" + a
   combining accent) and the match is mapped back to raw offsets; where it occurs more than
   once, ``prefix``/``suffix`` must single out one occurrence;
3. otherwise the passage is broken. There is deliberately no fuzzy matching: a look-alike sentence is a
   different passage, and re-anchoring to it would show a claim that no source makes.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

AnchorStatus = Literal["exact", "normalised", "relocated", "broken"]

CONTEXT_CHARS = 32

_CHAR_FOLDS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00ad": "",  # soft hyphen: invisible in the article, so not part of the quote
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
}


_FOLD_OR_SPACE = re.compile(r"\s+|[" + re.escape("".join(_CHAR_FOLDS)) + "]")
_INVISIBLE = str.maketrans({c: None for c, folded in _CHAR_FOLDS.items() if not folded})
_FOLD_TABLE = str.maketrans({c: folded or None for c, folded in _CHAR_FOLDS.items()})
_SPACE_RUN = re.compile(r"\s+")


def _blank(text: str) -> bool:
    """True when ``text`` holds nothing but whitespace and invisible characters (what normalise folds away)."""
    return not (text if text.isascii() else text.translate(_INVISIBLE)).strip()  # no ASCII character folds away


@dataclass(frozen=True, slots=True)  # slots: one per passage, tens of thousands in a large project
class TextAnchor:
    """A passage selector: the quote with its context, and where it stood in the raw text."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    def to_selectors(self) -> list[dict[str, object]]:
        """The anchor as a W3C Web Annotation selector list (TextQuoteSelector, TextPositionSelector)."""
        return [
            {"type": "TextQuoteSelector", "exact": self.exact, "prefix": self.prefix, "suffix": self.suffix},
            {"type": "TextPositionSelector", "start": self.start, "end": self.end},
        ]


@dataclass(frozen=True, slots=True)
class AnchorResult:
    """Where a passage was found in the current text, or why it was not."""

    status: AnchorStatus
    start: int | None
    end: int | None
    message: str = ""

    @property
    def found(self) -> bool:
        """True when the passage was located in the text."""
        return self.status != "broken"


@dataclass(frozen=True)
class NormalisedText:
    """Text with typographic variants folded, and a map from each folded character back to raw offsets.

    ``raw_start[i]`` / ``raw_end[i]`` are the raw span folded character ``i`` came from (lists, or an
    :class:`OffsetMap` that answers the same questions from the few places where offsets shift).
    """

    text: str
    raw_start: Sequence[int]
    raw_end: Sequence[int]
    index: list[GramIndex] = field(default_factory=list, compare=False, repr=False)  # built once, when first needed


class OffsetMap:
    """Raw offsets of folded characters, stored as segments (``O(log n)`` per look-up, built in one C-speed pass).

    In folded text most characters map one to one onto raw ones; offsets shift only after a whitespace run (many
    raw characters folded to one space) or an invisible character (folded to nothing). Each segment starts at a
    folded index: a plain stretch (``raw = folded + shift``) or one run (one folded space for ``raw[a:b]``).
    """

    __slots__ = ("_folded", "_shift", "_run_end", "_length", "_ends")

    def __init__(self, folded: list[int], shift: list[int], run_end: list[int], length: int, ends: bool) -> None:
        self._folded, self._shift, self._run_end, self._length, self._ends = folded, shift, run_end, length, ends

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index: int) -> int:
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        k = bisect_right(self._folded, index) - 1
        run_end = self._run_end[k]
        if run_end >= 0:  # a whitespace run: one folded space for the whole run
            return run_end if self._ends else self._shift[k] + self._folded[k]
        raw = index + self._shift[k]
        return raw + 1 if self._ends else raw


_SHIFTING = re.compile(r"\s{2,}|[" + re.escape("".join(c for c, folded in _CHAR_FOLDS.items() if not folded)) + "]")
_SPACE_TO_FOLD = re.compile(r"\s{2,}|[^\S ]")  # what _SPACE_RUN.sub(" ", ...) changes
_FOLDABLE = re.compile("[" + re.escape("".join(_CHAR_FOLDS)) + "]")


def normalise(raw: str) -> NormalisedText:
    """Fold whitespace runs (incl. no-break spaces) to one space, curly quotes and dashes to ASCII, compose to NFC.

    Each folded character maps back to the raw characters it came from, so a match in the folded text selects
    whole raw characters (a letter with all its combining accents) whatever normal form the raw text is in.
    The folding is done by C-speed substitutions and the map kept as segments, so a 2.5 MB article is indexed in
    milliseconds; only text that is not in NFC after folding takes the character-by-character path.
    """
    if raw.isascii():  # no ASCII character folds but the spaces: the common case, done with str methods
        return _normalise_ascii(raw)
    folded = _FOLDABLE.sub(lambda m: _CHAR_FOLDS[m.group()], _SPACE_TO_FOLD.sub(" ", raw))
    if not unicodedata.is_normalized("NFC", folded):
        return _normalise_by_character(raw)
    starts, shifts, run_ends = [0], [0], [-1]
    done = at = 0  # raw and folded offsets reached
    for match in _SHIFTING.finditer(raw):
        i, j = match.span()
        at += i - done
        if raw[i].isspace():  # a run: one folded space, then plain again with a larger shift
            starts.append(at)
            shifts.append(i - at)
            run_ends.append(j)
            at += 1
        starts.append(at)  # an invisible character folds to nothing: the shift grows by one
        shifts.append(j - at)
        run_ends.append(-1)
        done = j
    return NormalisedText(folded, OffsetMap(starts, shifts, run_ends, len(folded), False),
                          OffsetMap(starts, shifts, run_ends, len(folded), True))


_ASCII_SPACES = str.maketrans({c: " " for c in map(chr, range(128)) if c.isspace()})


def _normalise_ascii(raw: str) -> NormalisedText:
    """``normalise`` of ASCII text: every whitespace character becomes a space (one to one), then each run of
    spaces becomes one; only the runs shift offsets, and ``str.find`` visits nothing but them (numpy finds them
    in a long text)."""
    spaced = raw.translate(_ASCII_SPACES)
    if len(spaced) >= VECTOR_MIN_CHARS:
        return _normalise_spaced_vectorised(spaced)
    pieces: list[str] = []
    starts, shifts, run_ends = [0], [0], [-1]
    done = at = 0
    i = spaced.find("  ")
    while i != -1:
        j = i + 2
        while j < len(spaced) and spaced[j] == " ":
            j += 1
        pieces.append(spaced[done:i + 1])  # the stretch before the run, and the run's one space
        at += i - done
        starts += [at, at + 1]
        shifts += [i - at, j - at - 1]
        run_ends += [j, -1]
        at += 1
        done = j
        i = spaced.find("  ", j)
    pieces.append(spaced[done:])
    folded = "".join(pieces)
    return NormalisedText(folded, OffsetMap(starts, shifts, run_ends, len(folded), False),
                          OffsetMap(starts, shifts, run_ends, len(folded), True))


VECTOR_MIN_CHARS = 1 << 16  # from here numpy finds the runs of spaces: str.find("  ") crawls through spaced text


def _normalise_spaced_vectorised(spaced: str) -> NormalisedText:
    """``_normalise_ascii`` of a long text whose whitespace is all spaces already, the runs found by numpy in a few
    C-speed passes (every space after another is dropped) and the segment map computed from them at once."""
    import numpy as np

    blank = np.frombuffer(spaced.encode("ascii"), dtype=np.uint8) == 32
    dropped = np.flatnonzero(blank[:-1] & blank[1:]) + 1  # each space right after another
    if not len(dropped):
        return NormalisedText(spaced, OffsetMap([0], [0], [-1], len(spaced), False),
                              OffsetMap([0], [0], [-1], len(spaced), True))
    breaks = np.flatnonzero(np.diff(dropped) != 1) + 1
    firsts = dropped[np.concatenate(([0], breaks))] - 1  # a run's first space, the one kept
    ends = dropped[np.concatenate((breaks - 1, [len(dropped) - 1]))] + 1  # just past the run
    lost = ends - firsts - 1
    at = firsts - (np.cumsum(lost) - lost)  # where each run's space stands in the folded text
    starts = np.column_stack((at, at + 1)).ravel().tolist()
    shifts = np.column_stack((firsts - at, ends - at - 1)).ravel().tolist()
    run_ends = np.column_stack((ends, np.full(len(ends), -1))).ravel().tolist()
    kept_from, kept_to = [0, *ends.tolist()], [*(firsts + 1).tolist(), len(spaced)]
    folded = "".join([spaced[a:b] for a, b in zip(kept_from, kept_to, strict=True)])
    return NormalisedText(folded, OffsetMap([0, *starts], [0, *shifts], [-1, *run_ends], len(folded), False),
                          OffsetMap([0, *starts], [0, *shifts], [-1, *run_ends], len(folded), True))


def _normalise_by_character(raw: str) -> NormalisedText:
    """``normalise`` one character at a time, for text that needs composing to NFC (a per-character map)."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    # plain stretches between whitespace runs and folded characters map one to one: copied by slices and ranges
    for match in _FOLD_OR_SPACE.finditer(raw):
        i, j = match.span()
        if done < i:
            out.append(raw[done:i])
            starts.extend(range(done, i))
            ends.extend(range(done + 1, i + 1))
        if j - i > 1 or raw[i].isspace():  # \s is exactly str.isspace (every Zs space included)
            out.append(" ")
            starts.append(i)
            ends.append(j)
        else:
            for c in _CHAR_FOLDS[raw[i]]:
                out.append(c)
                starts.append(i)
                ends.append(j)
        done = j
    if done < len(raw):
        out.append(raw[done:])
        starts.extend(range(done, len(raw)))
        ends.extend(range(done + 1, len(raw) + 1))
    folded = "".join(out)
    if folded.isascii() or unicodedata.is_normalized("NFC", folded):
        return NormalisedText(folded, starts, ends)
    return _compose(list(folded), starts, ends)


def _compose(chars: list[str], starts: list[int], ends: list[int]) -> NormalisedText:
    """NFC of folded characters, keeping the raw-offset map: each cluster (a starter and what composes with it)
    is composed on its own, and every character it becomes maps to the whole cluster's raw span."""
    out: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    i, n = 0, len(chars)
    while i < n:
        j = i + 1
        composed = unicodedata.normalize("NFC", chars[i])
        # a cluster runs on over combining marks, and over starters that compose with it (Hangul jamo, a few
        # vowel signs): NFC never joins characters across a boundary this loop does not cross
        while j < n and (unicodedata.combining(chars[j])
                         or len(unicodedata.normalize("NFC", composed[-1:] + chars[j])) < 2):
            j += 1
            composed = unicodedata.normalize("NFC", "".join(chars[i:j]))
        for c in composed:
            out.append(c)
            out_starts.append(starts[i])
            out_ends.append(ends[j - 1])
        i = j
    return NormalisedText("".join(out), out_starts, out_ends)


@lru_cache(maxsize=256)
def normalise_cached(raw: str) -> NormalisedText:
    """``normalise`` memoised: a source's text is searched for every passage that cites it."""
    return normalise(raw)


INDEX_MIN_CHARS = 200_000  # below this, one C-speed scan of the article per quote costs less than building an index
_GRAM = 20  # characters hashed per indexed k-gram
_STRIDE = 8  # one k-gram indexed every _STRIDE characters (8 bytes of Latin-1 text, 4 words of UTF-32)
MIN_INDEXED = _GRAM + _STRIDE - 1  # every occurrence of a piece this long holds an indexed k-gram
_MIX = 0x9E3779B97F4A7C15
_SLOT_BITS = 24  # low bits of a packed entry: which sampled k-gram
INDEX_MAX_CHARS = ((1 << _SLOT_BITS) - 1) * _STRIDE  # 134 M characters, 67 times the article limit: scanned beyond


class GramIndex:
    """Where a long enough piece stands in one folded article, found by a few look-ups instead of a scan.

    The k-gram starting at every ``_STRIDE``-th character is hashed (a few C-speed passes with numpy over the text
    as Latin-1 bytes, or as UTF-32 where it holds other characters), and each hash packed with its k-gram's number
    into one sorted array. An occurrence of a piece of ``MIN_INDEXED`` characters or more at ``p`` holds the indexed
    k-gram that starts ``(-p) mod _STRIDE`` characters into it, so the piece's k-grams at offsets
    ``0 .. _STRIDE - 1`` find every occurrence. Each candidate is compared with the text: a hash collision costs a
    comparison, never a wrong answer. Built once per article and shared by all its quotes (see :func:`_index_of`).
    """

    __slots__ = ("_text", "_encoding", "_width", "_packed")

    def __init__(self, folded: str) -> None:
        import numpy as np

        self._text = folded
        try:  # one byte a character where it fits: a quarter of the memory to hash
            data, self._encoding, self._width = folded.encode("latin-1"), "latin-1", 1
        except UnicodeEncodeError:
            data, self._encoding, self._width = folded.encode("utf-32-le", "surrogatepass"), "utf-32-le", 4
        count = (len(folded) - _GRAM) // _STRIDE + 1 if len(folded) >= _GRAM else 0
        words = np.frombuffer(data + bytes(-len(data) % 8 + 8), dtype="<u8")  # 8 bytes each, padded
        step = _STRIDE * self._width // 8  # words from one sampled k-gram to the next
        hashes = np.zeros(count, dtype=np.uint64)
        for j, mask in enumerate(self._masks()):  # Horner over the k-gram's words; uint64 arithmetic wraps
            hashes = hashes * np.uint64(_MIX) + (words[j:j + (count - 1) * step + 1:step] & np.uint64(mask))
        hashes >>= np.uint64(_SLOT_BITS)
        hashes <<= np.uint64(_SLOT_BITS)
        hashes |= np.arange(count, dtype=np.uint64)
        hashes.sort()
        self._packed = hashes

    def _masks(self) -> list[int]:
        """The bytes of a k-gram as 8-byte words: the last one masked to the k-gram's own bytes."""
        size = _GRAM * self._width
        return [(1 << 8 * min(8, size - i)) - 1 for i in range(0, size, 8)]

    def find_all(self, piece: str) -> list[int]:
        """Start of every occurrence of ``piece`` (``MIN_INDEXED`` characters or more), overlapping ones included,
        in order."""
        import numpy as np

        if len(piece) < MIN_INDEXED:
            raise ValueError(f"a piece of {len(piece)} characters is shorter than the index's {MIN_INDEXED}")
        try:
            data = piece.encode(self._encoding, "surrogatepass") + bytes(8)
        except UnicodeEncodeError:  # a character the article's text does not hold
            return []
        hashes = np.zeros(_STRIDE, dtype=np.uint64)
        for j, mask in enumerate(self._masks()):  # the word j of the k-gram at every offset 0 .. _STRIDE - 1
            word = np.ndarray((_STRIDE,), dtype="<u8", buffer=data, offset=8 * j, strides=(self._width,))
            hashes = hashes * np.uint64(_MIX) + (word & np.uint64(mask))
        hashes >>= np.uint64(_SLOT_BITS)
        hashes <<= np.uint64(_SLOT_BITS)
        low = np.searchsorted(self._packed, hashes, "left")
        high = np.searchsorted(self._packed, hashes | np.uint64((1 << _SLOT_BITS) - 1), "right")
        slot_mask = (1 << _SLOT_BITS) - 1
        found = []
        for offset in np.flatnonzero(high > low).tolist():
            for entry in self._packed[low[offset]:high[offset]].tolist():
                start = (entry & slot_mask) * _STRIDE - offset
                if start >= 0 and self._text.startswith(piece, start):
                    found.append(start)
        found.sort()
        return found


def _index_of(norm: NormalisedText) -> GramIndex | None:
    """The article's k-gram index, built the first time one of its quotes needs it (None for a short article)."""
    if not INDEX_MIN_CHARS <= len(norm.text) < INDEX_MAX_CHARS:
        return None
    if not norm.index:
        norm.index.append(GramIndex(norm.text))
    return norm.index[0]


def fold(text: str) -> str:
    """``normalise(text).text`` without the offset map: for quotes, prefixes and suffixes, which need no way back."""
    if text.isascii():  # no ASCII character folds; only the spaces do
        return _SPACE_RUN.sub(" ", text)
    folded = _SPACE_RUN.sub(" ", text).translate(_FOLD_TABLE)  # folded characters are never spaces: order is safe
    if folded.isascii() or unicodedata.is_normalized("NFC", folded):
        return folded
    return normalise(text).text


def normalised_equal(a: str, b: str) -> bool:
    """True when two strings are the same passage after normalisation (ends stripped)."""
    return fold(a).strip() == fold(b).strip()


def make_anchor(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> TextAnchor:
    """Build the selectors for ``text[start:end]``, with up to ``context`` characters of prefix and suffix."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}..{end} is not inside a text of {len(text)} characters")
    return TextAnchor(
        exact=text[start:end],
        prefix=text[max(0, start - context):start],
        suffix=text[end:end + context],
        start=start,
        end=end,
    )


def anchor_quote(text: str, exact: str, occurrence: int = 0, context: int = CONTEXT_CHARS) -> TextAnchor:
    """Anchor the ``occurrence``-th appearance of ``exact`` (matched after normalisation) in ``text``."""
    if occurrence < 0:
        raise ValueError(f"occurrence must be 0 or more (0 is the first), not {occurrence}")
    spans = _find_all(normalise_cached(text), exact)
    if len(spans) <= occurrence:
        raise ValueError(f"quote not found {occurrence + 1} time(s): {exact[:60]!r}")
    start, end = spans[occurrence]
    return make_anchor(text, start, end, context)


def _find_all(norm: NormalisedText, exact: str) -> list[tuple[int, int]]:
    """Raw spans of every occurrence of the normalised quote in the normalised text."""
    return [(raw_s, raw_e) for _, _, raw_s, raw_e in _find_all_normalised(norm, exact)]


def _find_all_normalised(norm: NormalisedText, exact: str) -> list[tuple[int, int, int, int]]:
    """Every occurrence of the normalised quote: (normalised start, normalised end, raw start, raw end).

    A quote long enough for a long article's index is looked up in it, a shorter one found by scanning."""
    needle = fold(exact).strip()
    if not needle:
        return []
    index = _index_of(norm) if len(needle) >= MIN_INDEXED else None
    starts = index.find_all(needle) if index is not None else _all_positions(norm.text, needle)
    return [(pos, pos + len(needle), norm.raw_start[pos], norm.raw_end[pos + len(needle) - 1]) for pos in starts]


def _all_positions(haystack: str, needle: str) -> list[int]:
    """Start of every occurrence of ``needle`` (overlapping ones included)."""
    out, pos = [], haystack.find(needle)
    while pos != -1:
        out.append(pos)
        pos = haystack.find(needle, pos + 1)
    return out


def _context_score_normalised(folded: str, start: int, end: int, pre: str, suf: str) -> int:
    """How many of prefix/suffix (normalised) stand right before/after ``folded[start:end]``, spaces aside."""
    score = 0
    before = start
    while before > 0 and folded[before - 1].isspace():
        before -= 1
    if pre and folded.endswith(pre, max(0, before - len(pre)), before):
        score += 1
    after = end
    while after < len(folded) and folded[after].isspace():
        after += 1
    if suf and folded.startswith(suf, after):
        score += 1
    return score


def resolve(text: str, anchor: TextAnchor) -> AnchorResult:
    """Re-find a passage in ``text``: position first (with its context), then the quote; never a fuzzy guess."""
    if _blank(anchor.exact):  # blank or only invisible characters: evidence of nothing
        return AnchorResult("broken", None, None, "the passage's exact text is empty")
    start, end = anchor.start, anchor.end
    if 0 <= start < end <= len(text):
        here = text[start:end]
        held = None
        if here == anchor.exact:
            held = AnchorResult("exact", start, end)
        elif normalised_equal(here, anchor.exact):
            held = AnchorResult("normalised", start, end, "matched after folding spaces/quotes/dashes")
        if held is not None:
            if text.endswith(anchor.prefix, 0, start) and text.startswith(anchor.suffix, end):
                return held  # nothing around the passage changed: the common case, two comparisons
            return _checked_at_position(normalise_cached(text), anchor, held)
    norm = normalise_cached(text)
    in_context = _found_in_context(norm, anchor)
    if in_context is not None:
        return in_context
    return _resolve_by_scoring(norm, anchor)


def _whole_context_at(folded: str, at: int, needle: str, pre: str, suf: str) -> bool:
    """True when ``needle`` starts at ``at`` with ``pre`` right before it and ``suf`` right after, spaces aside."""
    if at < 0 or not folded.startswith(needle, at):
        return False
    before = at
    while before > 0 and folded[before - 1].isspace():
        before -= 1
    after = at + len(needle)
    while after < len(folded) and folded[after].isspace():
        after += 1
    return folded.endswith(pre, 0, before) and folded.startswith(suf, after)


def _context_starts(norm: NormalisedText, needle: str, pre: str, suf: str) -> list[int]:
    """Start (in the folded text) of every occurrence of ``needle`` with its whole context around it, in order.

    A long article is looked up in its index by the longest of prefix, quote and suffix (each stands at a known
    distance from the quote's start); a short one, or pieces all too short for the index, is scanned once for the
    prefix at C speed.
    """
    folded = norm.text
    index = _index_of(norm)
    longest = max(len(pre), len(needle), len(suf))
    if index is not None and longest >= MIN_INDEXED:
        if len(pre) == longest:  # the quote starts after the prefix and the spaces that follow it
            candidates = []
            for pos in index.find_all(pre):
                at = pos + len(pre)
                while at < len(folded) and folded[at].isspace():
                    at += 1
                candidates.append(at)
        elif len(needle) == longest:
            candidates = index.find_all(needle)
        else:  # the quote ends before the spaces that precede the suffix
            candidates = []
            for pos in index.find_all(suf):
                at = pos
                while at > 0 and folded[at - 1].isspace():
                    at -= 1
                candidates.append(at - len(needle))
        return [at for at in candidates if _whole_context_at(folded, at, needle, pre, suf)]
    starts = []
    pos = folded.find(pre)
    while pos != -1:
        at = pos + len(pre)
        while at < len(folded) and folded[at].isspace():
            at += 1
        if _whole_context_at(folded, at, needle, pre, suf):
            starts.append(at)
        pos = folded.find(pre, pos + 1)
    return starts


def _found_in_context(norm: NormalisedText, anchor: TextAnchor) -> AnchorResult | None:
    """The stale passage's verdict from the places where its whole context stands, or None to score every occurrence.

    The quote is found where its prefix stands, then (spaces aside) the quote, then its suffix; these are exactly
    the occurrences that :func:`_resolve_by_scoring` scores 2 of 2. One of them: the passage moved there; several:
    the context does not single one out (broken). In a long article they are looked up in its index (built once,
    shared by all its quotes), so a load re-finds any number of stale quotes in time linear in the article's size
    plus the number of quotes; a short article is scanned once per quote at C speed. When the context stands
    nowhere (the text around the quote was edited), or the quote has no prefix or suffix, the answer is left to
    the scoring of every occurrence.
    """
    needle = fold(anchor.exact).strip()
    pre, suf = fold(anchor.prefix).strip(), fold(anchor.suffix).strip()
    if not (needle and pre and suf):
        return None
    starts = _context_starts(norm, needle, pre, suf)
    if not starts:
        return None
    if len(starts) == 1:
        s, e = norm.raw_start[starts[0]], norm.raw_end[starts[0] + len(needle) - 1]
        return AnchorResult("relocated", s, e, f"passage moved from {anchor.start}..{anchor.end} to {s}..{e}")
    # several occurrences stand in the same context: as many as the quote has (or more) — count them the same way
    return _resolve_by_scoring(norm, anchor)


def _checked_at_position(norm: NormalisedText, anchor: TextAnchor, held: AnchorResult) -> AnchorResult:
    """The passage's words stand at its stored position but its stored prefix/suffix do not (both around it):
    the position holds unless the context singles out another occurrence.

    The occurrence at the stored position is scored like every other (how much of prefix and suffix stands beside
    it) and wins ties, the TextPositionSelector being the tie-breaker. When another occurrence scores higher, the
    article was edited and other words slid under the old offsets: that occurrence is the passage, or, when
    several score as high, the passage is broken rather than shown beside words its context does not support.
    """
    pre, suf = fold(anchor.prefix).strip(), fold(anchor.suffix).strip()
    if not (pre or suf):
        return held
    needle = fold(anchor.exact).strip()
    folded = norm.text
    stored = bisect_left(norm.raw_start, held.start)  # the first folded character at or after the stored start
    while stored < len(folded) and folded[stored].isspace():
        stored += 1
    held_score = (_context_score_normalised(folded, stored, stored + len(needle), pre, suf)
                  if folded.startswith(needle, stored) else 0)
    if held_score == bool(pre) + bool(suf):
        return held  # the context stands there after all (spaces, quotes or dashes differ)
    if pre and suf:  # the whole context elsewhere, once: looked up, not scored occurrence by occurrence
        elsewhere = [at for at in _context_starts(norm, needle, pre, suf) if at != stored]
        if len(elsewhere) == 1:
            return _moved_by_context(norm, anchor, elsewhere[0], len(needle))
    found = _find_all_normalised(norm, anchor.exact)
    scores = [_context_score_normalised(folded, a, b, pre, suf) for a, b, _, _ in found]
    best = max(scores, default=0)
    if best <= held_score:
        return held
    winners = [a for (a, _, _, _), score in zip(found, scores, strict=True) if score == best]
    if len(winners) == 1:
        return _moved_by_context(norm, anchor, winners[0], len(needle))
    return AnchorResult("broken", None, None,
                        f"passage occurs {len(found)} times, its prefix/suffix do not stand at its stored position "
                        f"{anchor.start}..{anchor.end} and do not single out another")


def _moved_by_context(norm: NormalisedText, anchor: TextAnchor, at: int, length: int) -> AnchorResult:
    """The passage found at folded offset ``at`` although its words also stand at its (stale) stored position."""
    s, e = norm.raw_start[at], norm.raw_end[at + length - 1]
    return AnchorResult("relocated", s, e, f"passage moved from {anchor.start}..{anchor.end} to {s}..{e} (the "
                        "words at the old position stand in another context)")


def _resolve_by_scoring(norm: NormalisedText, anchor: TextAnchor) -> AnchorResult:
    """Every occurrence of the quote, scored by how much of its prefix and suffix stands beside it: one occurrence,
    or one best with some context, is where the passage moved; otherwise it is broken."""
    start, end = anchor.start, anchor.end
    found = _find_all_normalised(norm, anchor.exact)
    spans = [(raw_s, raw_e) for _, _, raw_s, raw_e in found]
    if not spans:
        return AnchorResult("broken", None, None, "passage not found in the article (changed or deleted)")
    if len(spans) == 1:
        s, e = spans[0]
        return AnchorResult("relocated", s, e, f"passage moved from {start}..{end} to {s}..{e}")
    # a short quote can occur thousands of times in a long article: prefix and suffix are normalised once and
    # compared in the article's normalised text (indexed once per article), so this stays linear
    pre, suf = fold(anchor.prefix).strip(), fold(anchor.suffix).strip()
    if len(found) > 64 and pre and suf:  # many look-alikes: look for the whole context at once
        by_start = {a: (a, b, raw_s, raw_e) for a, b, raw_s, raw_e in found}
        hits = [by_start[i + len(joined) - len(needle)]
                for needle in (fold(anchor.exact).strip(),)
                for joined in {pre + needle, pre + " " + needle}
                for i in _all_positions(norm.text, joined) if i + len(joined) - len(needle) in by_start]
        found = [h for h in hits if _context_score_normalised(norm.text, h[0], h[1], pre, suf) == 2] or found
        spans = [(raw_s, raw_e) for _, _, raw_s, raw_e in found]
    scores = [_context_score_normalised(norm.text, a, b, pre, suf) for a, b, _, _ in found]
    best = max(scores)
    best_spans = [span for span, score in zip(spans, scores, strict=True) if score == best]
    if best > 0 and len(best_spans) == 1:
        s, e = best_spans[0]
        return AnchorResult("relocated", s, e, f"passage moved from {start}..{end} to {s}..{e}")
    return AnchorResult(
        "broken", None, None,
        f"passage occurs {len(spans)} times and its prefix/suffix do not single one out",
    )


def selectors_to_anchor(selectors: object) -> TextAnchor:
    """Parse a W3C selector list (or single selector dict); raise ValueError with a precise reason."""
    items = selectors if isinstance(selectors, list) else [selectors]
    quote: dict | None = None
    position: dict | None = None
    for item in items:
        if not isinstance(item, dict):
            raise ValueError("each selector must be an object")
        kind = item.get("type")
        if kind == "TextQuoteSelector":
            quote = item
        elif kind == "TextPositionSelector":
            position = item
        else:
            raise ValueError(f"unknown selector type {kind!r}")
    if quote is None or position is None:
        raise ValueError("a passage needs both a TextQuoteSelector and a TextPositionSelector")
    exact = quote.get("exact")
    prefix = quote.get("prefix", "")
    suffix = quote.get("suffix", "")
    if not isinstance(exact, str) or not exact:
        raise ValueError("TextQuoteSelector.exact must be a non-empty string")
    if not isinstance(prefix, str) or not isinstance(suffix, str):
        raise ValueError("TextQuoteSelector.prefix and .suffix must be strings")
    start, end = position.get("start"), position.get("end")
    if not (type(start) is int and type(end) is int) or start < 0 or end <= start:
        raise ValueError("TextPositionSelector needs integers 0 <= start < end")
    return TextAnchor(exact=exact, prefix=prefix, suffix=suffix, start=start, end=end)
