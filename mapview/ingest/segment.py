"""Sentence segmentation with raw offsets: pysbd where it matters, a fast regex pre-split everywhere else.

pysbd handles abbreviations ("U.S. President", "Gen.") well but runs at about 0.2-0.3 MB/s, far too slow to
segment every article whole. So each line is first pre-split with a regex at sentence punctuation followed by
a space (Hindi and Bengali end a sentence with the danda "।"; Thai, which writes no spaces between words, ends a
sentence or clause with a space); only the pre-split pieces that hold a candidate (a sector or place name) are
re-segmented by pysbd,
together with the two pieces before and the one after them so that a false break at an abbreviation is
repaired. A line break always ends a sentence (headlines and captions stand on their own lines).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import pysbd
from pysbd.languages import Language

from mapview.ingest.gazetteer import is_arabic

Span = tuple[int, int]

_LINE = re.compile(r"[^\n]+")
# A Thai space ends a sentence or clause where a run of Thai stands on both sides of it; runs this short or
# shorter are left joined, as they may be the parts of one name written apart ("ข่าน ยูนิส": Khan Yunis).
_THAI_RUN = 12
_ROUGH_END = re.compile(r"[.!?؟…।॥]+[\"'”’»)\]]*(?=\s)|[。！？]+[」』）]*"
                        rf"| (?<=[\u0e00-\u0e7f]{{{_THAI_RUN}}} )(?=[\u0e00-\u0e7f]{{{_THAI_RUN}}})")
_PYSBD_LANGUAGES = {"en", "ar", "ja", "hi"}
_JAPANESE = re.compile(r"[\u3040-\u30ff]")
_DANDA = re.compile(r"[।॥]")  # Hindi's and Bengali's full stop: pysbd's Hindi rules split there
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_NOT_FINAL = set(",،;؛:")
# pysbd's cost grows much faster than linearly with the length of what it is given (a 210 KB line took 50 s),
# so no window longer than this reaches it, and no pre-split piece is longer than MAX_PIECE: a piece with no
# sentence punctuation is cut at the last space before the limit.
MAX_PYSBD = 4_000
MAX_PIECE = 1_500


# Where pysbd cannot read a window otherwise than the pre-split does, it is not run (it is a third of extraction's
# time). pysbd departs from the pre-split at abbreviations ("Gen.", "U.S.", "No. 5", "Dec. 2"), quotations and
# brackets (it keeps a quoted sentence inside its sentence), ellipses and dashes, runs of marks ("???", "Y.!"), a
# full stop with no space after it, and a sentence end followed by a lower-case word. A window with none of these is
# read the same by both: over 33,000 such windows of real text (tests/realworld, tests/ingest_corpus, trafilatura's
# evaluation and cached pages as ingest reads them) pysbd's sentences equal the pre-split's in every one
# (benchmarks/segment_shortcut.py; tests/test_ingest_segment.py for the repository's texts).
_ABBREVIATIONS = frozenset(a.strip().casefold() for code in ("en", "ar")
                           for a in Language.get_language_code(code).Abbreviation.ABBREVIATIONS)
_ANY_END = re.compile(r"[.!?؟…।॥。！？]+[\"'”’»)\]」』）]*")
_PYSBD_TRIGGER = re.compile(r"[\"“”„«»()\[\]「」『』（）…‘‚]|\.\.|--|(?<!\w)'|\s[-–—]\s?\S*[.!?]|https?:|www\.|@")
_LAST_WORD = re.compile(r"(\w+)$")


def pysbd_may_differ(chunk: str) -> bool:
    """Whether pysbd might cut ``chunk`` (one line's window) otherwise than :func:`rough_sentences`: False only
    where every sentence end is one mark after a word that is no abbreviation, then a space and a capital (or a
    letter of a script without case), and nothing pysbd treats specially is in the window."""
    if _PYSBD_TRIGGER.search(chunk):
        return True
    for end in _ANY_END.finditer(chunk):
        if len(end.group()) != 1:
            return True  # "???", "Y.!": pysbd parts marks that the pre-split keeps together, at the end too
        if end.end() == len(chunk):
            continue
        following = chunk[end.end():].lstrip()[:1]
        if not chunk[end.end()].isspace() or not following \
                or not (following.isalpha() or following.isdigit()) or following.islower():
            return True
        word = _LAST_WORD.search(chunk, 0, end.start())
        if word is None:
            return True
        word_text = word.group(1)
        if len(word_text) < 2 or any(c.isdigit() for c in word_text) or word_text.casefold() in _ABBREVIATIONS:
            return True
    return False


@lru_cache(maxsize=8)
def segmenter(lang: str) -> pysbd.Segmenter:
    """The pysbd segmenter for a language, built once (building one compiles many regexes)."""
    return pysbd.Segmenter(language=lang if lang in _PYSBD_LANGUAGES else "en", clean=False, char_span=True)


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def lines(text: str) -> list[Span]:
    """Non-blank lines as raw spans, surrounding spaces trimmed."""
    return [span for m in _LINE.finditer(text) if (span := _trim(text, m.start(), m.end()))]


def rough_sentences(text: str, start: int, end: int) -> list[Span]:
    """Fast pre-split of ``text[start:end]`` (one line) at sentence punctuation followed by a space."""
    spans: list[Span] = []
    cursor = start
    for m in _ROUGH_END.finditer(text, start, end):
        if (span := _trim(text, cursor, m.end())) is not None:
            spans.append(span)
        cursor = m.end()
    if (span := _trim(text, cursor, end)) is not None:
        spans.append(span)
    return [piece for span in spans for piece in _bounded(text, *span)]


def _bounded(text: str, start: int, end: int) -> list[Span]:
    """``text[start:end]`` cut into pieces of at most MAX_PIECE characters, at spaces where there are any."""
    pieces: list[Span] = []
    while end - start > MAX_PIECE:
        cut = text.rfind(" ", start + MAX_PIECE // 2, start + MAX_PIECE)
        cut = cut if cut > start else start + MAX_PIECE
        if (span := _trim(text, start, cut)) is not None:
            pieces.append(span)
        start = cut
    if (span := _trim(text, start, end)) is not None:
        pieces.append(span)
    return pieces


def pysbd_sentences(text: str, start: int, end: int, lang: str | None = None) -> list[Span]:
    """pysbd sentences of ``text[start:end]`` as raw spans (offsets recovered, verified against the text)."""
    chunk = text[start:end]
    if _THAI.search(chunk):  # pysbd knows no Thai sentence end (a space): the pre-split is the answer
        return rough_sentences(text, start, end)
    lang = lang or ("ar" if is_arabic(chunk) else "ja" if _JAPANESE.search(chunk) else
                    "hi" if _DANDA.search(chunk) else "en")
    spans: list[Span] = []
    cursor = 0
    for piece in segmenter(lang).segment(chunk):
        s, e = piece.start, piece.end
        if chunk[s:e] != piece.sent:  # pysbd changed the text: find it ourselves from the cursor
            found = chunk.find(piece.sent.strip(), cursor)
            if found < 0:
                continue
            s, e = found, found + len(piece.sent.strip())
        cursor = e
        if (span := _trim(text, start + s, start + e)) is None:
            continue
        if spans and text[spans[-1][1] - 1] in _NOT_FINAL:  # pysbd's Arabic rules break at "،"
            spans[-1] = (spans[-1][0], span[1])
        else:
            spans.append(span)
    return spans


def sentences(text: str, lang: str | None = None) -> list[Span]:
    """Every sentence of a text, line by line, segmented by pysbd (slow; for titles, dates and tests)."""
    return [s for line in lines(text) for s in pysbd_sentences(text, *line, lang)]


def _windows(pieces: list[Span], wanted: Iterable[int]) -> list[Span]:
    """Merged spans covering each wanted pre-split piece with two pieces before it and one after it."""
    windows: list[Span] = []
    for i in sorted(set(wanted)):
        start, end = pieces[max(0, i - 2)][0], pieces[min(len(pieces) - 1, i + 1)][1]
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def sentences_around(text: str, positions: list[int], use_pysbd: bool = True) -> list[Span]:
    """The sentences that contain any of ``positions`` (raw offsets), each once, in text order.

    Only the lines and pre-split pieces holding a position are looked at; pysbd runs on small windows
    around them (or not at all with ``use_pysbd=False``, leaving the fast pre-split as the answer).
    """
    if not positions:
        return []
    ordered = sorted(set(positions))
    found: dict[Span, None] = {}
    k = 0
    for line in lines(text):
        while k < len(ordered) and ordered[k] < line[0]:
            k += 1
        if k >= len(ordered):
            break
        if ordered[k] >= line[1]:
            continue
        inside = []
        while k < len(ordered) and ordered[k] < line[1]:
            inside.append(ordered[k])
            k += 1
        pieces = rough_sentences(text, *line)
        wanted = [i for i, (s, e) in enumerate(pieces) if any(s <= p < e for p in inside)]
        candidates = (pieces if not use_pysbd else
                      [s for w in _windows(pieces, wanted)
                       for s in (pysbd_sentences(text, *w)
                                 if w[1] - w[0] <= MAX_PYSBD and pysbd_may_differ(text[w[0]:w[1]])
                                 else [p for p in pieces if w[0] <= p[0] and p[1] <= w[1]])])
        for s, e in candidates:
            if any(s <= p < e for p in inside):
                found[(s, e)] = None
    return list(found)
