"""Readers for what users actually have: saved web pages, PDFs, plain text and pasted text.

Every reader returns the same :class:`ArticleRecord`: the article as plain text in the one canonical form the
project stores (see :func:`canonical_text`), what the input says about it (title, outlet, URL, publication day,
each with where it came from) and the original bytes, kept beside the article so the extraction can be audited
and re-run. The extractor never sees a format. Heavy libraries (trafilatura, htmldate, pypdf) are imported only
when a file of their kind is read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mapview.data.fileread import FileReadError, read_bytes, shown_path, too_large
from mapview.data.sources import MAX_ARTICLE_BYTES

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
PDF_SUFFIXES = frozenset({".pdf"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
SUPPORTED_SUFFIXES = HTML_SUFFIXES | PDF_SUFFIXES | TEXT_SUFFIXES
MAX_ORIGINAL_BYTES = 30 * 1024 * 1024  # a saved page with inlined images can be large; the text is not

# C0/C1 controls other than tab and newline, and bidi overrides/isolates: never part of an article's words,
# and inert only when removed (terminals and widgets act on them).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BLANK_RUNS = re.compile(r"\n{3,}")


class InputError(Exception):
    """An input that cannot become an article; the message names the file and says why."""


@dataclass(frozen=True)
class ArticleRecord:
    """One article read from any input, in canonical form, with its metadata and where each part came from.

    ``*_from`` is ``"page"`` (the page's or file's own metadata), ``"text"`` (read in the article text) or
    ``"user"`` (typed in the Paste dialog); ``None`` when the field is unknown.
    """

    text: str
    kind: str  # "html" | "pdf" | "text" | "paste"
    original: bytes
    suffix: str  # of the original, e.g. ".html"
    given_name: str
    title: str | None = None
    title_from: str | None = None
    outlet: str | None = None
    outlet_from: str | None = None
    url: str | None = None
    url_from: str | None = None
    day: date | None = None
    day_from: str | None = None
    day_field: str = ""  # which metadata gave the day, for the date's reasoning


def canonical_text(text: str) -> str:
    """The stored form of every article: ``\\n`` line endings, no BOM, Unicode NFC, no control or bidi-override
    characters, at most one blank line in a row, no trailing spaces on lines, one final newline.

    NFC because the same words typed, pasted and saved come in either normal form, and a passage must anchor
    whichever one its article was stored in.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = unicodedata.normalize("NFC", _CONTROLS.sub("", text))
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip("\n") + "\n"


def clean_field(value: object, limit: int = 300) -> str | None:
    """A metadata string in one line, canonical, or None when empty."""
    if not isinstance(value, str):
        return None
    value = " ".join(canonical_text(value).split())
    return value[:limit] or None


def stored_size_refusal(record: ArticleRecord) -> str | None:
    """The one article size rule, whatever the input (text, saved page, PDF, paste, URL): the text as stored in
    the seeds (UTF-8) must fit the article limit every reader of the seeds applies. The refusal (None when it
    fits) names the input, the limit and how far over it is."""
    size = len(record.text.encode("utf-8"))
    if size <= MAX_ARTICLE_BYTES:
        return None
    return (f"{shown_path(record.given_name)}: {too_large('the article text as stored', size, MAX_ARTICLE_BYTES)}; "
            "keep only the article's own text (or split it) and add it again")


def read_input(path: Path) -> ArticleRecord:
    """Read a saved page, PDF or text file into an ArticleRecord; raises InputError with a clear message."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'!r}; give .html, .htm, .pdf, "
                         ".txt or .md")
    try:  # the article limit applies to the stored text, below; this one only bounds what is read
        data = read_bytes(path, "the article file", MAX_ORIGINAL_BYTES)
    except FileReadError as exc:
        raise InputError(str(exc)) from None
    if suffix in HTML_SUFFIXES:
        from mapview.ingest.formats.html import read_html as reader
    elif suffix in PDF_SUFFIXES:
        from mapview.ingest.formats.pdf import read_pdf as reader
    else:
        from mapview.ingest.formats.text import read_text as reader
    record = reader(data, str(path), suffix)
    if (refusal := stored_size_refusal(record)) is not None:
        raise InputError(refusal)
    return record
