"""PDF articles: the text layer, page by page, with pypdf. A scan with no text layer is refused, not OCR'd."""

from __future__ import annotations

import contextlib
import io
import logging
import warnings
from collections.abc import Iterator
from pathlib import Path

from mapview.ingest.formats import ArticleRecord, InputError, canonical_text, clean_field

MIN_TEXT_CHARS = 40


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf's repair notes kept off stderr (its logger and its warnings) while a PDF is read."""
    logger = logging.getLogger("pypdf")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.CRITICAL)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
        logger.propagate = propagate


def read_pdf(data: bytes, name: str, suffix: str = ".pdf") -> ArticleRecord:
    """A .pdf article; its title from the document information when set, its date from the text later."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs and warns about what it repairs on the way ("incorrect startxref pointer", "parsing for Object
    # Streams"): the text it then reads is what counts, and a PDF it cannot read is refused below in our words
    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise InputError(f"{name}: the PDF is encrypted; save an unprotected copy or paste its text")
            pages = [page.extract_text() or "" for page in reader.pages]
            info_title = reader.metadata.title if reader.metadata else None
        except InputError:
            raise
        except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
            raise InputError(f"{name}: not a readable PDF ({exc})") from exc
    text = canonical_text("\n\n".join(pages))
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise InputError(f"{name}: the PDF has no text layer (a scanned image?); mapview does not read text in "
                         "images: use a PDF with text, or paste the article's text with File > Paste article…")
    title = clean_field(info_title)
    return ArticleRecord(text=text, kind="pdf", original=data, suffix=suffix, given_name=Path(name).name,
                         title=title, title_from="page" if title else None)
