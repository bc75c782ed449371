"""Pasted articles: the clipboard's HTML flavour (main text with trafilatura) or its plain text, plus what the
user typed for URL, outlet and date."""

from __future__ import annotations

import dataclasses
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
    page_title = found.get("title")
    record = ArticleRecord(
        text=text, kind="paste", original=original, suffix=".html" if found else ".txt", given_name=PASTE_NAME,
        title=page_title if isinstance(page_title, str) else None, title_from="page" if page_title else None,
    )
    record = with_user_fields(record, url=url, outlet=outlet, day=day, title=title)
    if (refusal := stored_size_refusal(record)) is not None:
        raise InputError(refusal)
    return record


def with_user_fields(record: ArticleRecord, url: str | None = None, outlet: str | None = None,
                     day: date | None = None, title: str | None = None,
                     day_field: str = "typed in the Paste dialog") -> ArticleRecord:
    """The article with what the user gave for URL, outlet, date and title in place of what the input says;
    each given field is recorded as coming from the user (``*_from: user``), the others stay as read."""
    given: dict[str, object] = {}
    if title := clean_field(title):
        given |= {"title": title, "title_from": "user"}
    if url := clean_field(url, 2000):
        given |= {"url": url, "url_from": "user"}
    if outlet := clean_field(outlet):
        given |= {"outlet": outlet, "outlet_from": "user"}
    if day is not None:
        given |= {"day": day, "day_from": "user", "day_field": day_field}
    return dataclasses.replace(record, **given)
