"""Pasted articles: the clipboard's HTML flavour (main text with trafilatura) or its plain text, plus what the
user typed for URL, outlet and date."""

from __future__ import annotations

from datetime import date

from mapview.ingest.formats import ArticleRecord, InputError, canonical_text, clean_field, stored_size_refusal

PASTE_NAME = "pasted text"


def read_paste(plain: str, html: str | None = None, url: str | None = None, outlet: str | None = None,
               day: date | None = None, title: str | None = None) -> ArticleRecord:
    """An article from pasted text; the HTML flavour is used when it yields the article's text."""
    text = ""
    found: dict[str, object] = {}
    if html and html.strip():
        from mapview.ingest.formats.html import extract_html

        try:
            found = extract_html(html, PASTE_NAME)
            text = str(found["text"])
        except InputError:
            found = {}  # a fragment without article structure: the plain text is the article
    if not text:
        text = canonical_text(plain or "")
    if not text.strip():
        raise InputError(f"{PASTE_NAME}: the clipboard holds no text; copy the article's text first")
    original = (html if found else plain or "").encode("utf-8")
    title = clean_field(title) or found.get("title")
    url = clean_field(url, 2000)
    outlet = clean_field(outlet)
    record = ArticleRecord(
        text=text, kind="paste", original=original, suffix=".html" if found else ".txt", given_name=PASTE_NAME,
        title=title, title_from=("user" if clean_field(title) else "page") if title else None,
        outlet=outlet, outlet_from="user" if outlet else None,
        url=url, url_from="user" if url else None,
        day=day, day_from="user" if day else None, day_field="typed in the Paste dialog" if day else "",
    )
    if (refusal := stored_size_refusal(record)) is not None:
        raise InputError(refusal)
    return record
