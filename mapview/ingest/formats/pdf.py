"""PDF articles: the text layer, page by page, with pypdf. A scan with no text layer is refused, not OCR'd."""

from __future__ import annotations

import io
from pathlib import Path

from mapview.ingest.formats import ArticleRecord, InputError, canonical_text, clean_field

MIN_TEXT_CHARS = 40


def read_pdf(data: bytes, name: str, suffix: str = ".pdf") -> ArticleRecord:
    """A .pdf article; its title from the document information when set, its date from the text later."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

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
