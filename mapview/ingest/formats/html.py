"""Saved web pages: the article's main text and metadata with trafilatura, the publication day with htmldate.

Navigation, cookie banners, ads, "related articles" lists and comment sections are left out by trafilatura's
main-text detection (``include_comments=False``, ``favor_precision=True``); the tests check it on pages shaped
like real news sites.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mapview.ingest.formats import ArticleRecord, InputError, canonical_text, clean_field
from mapview.ingest.formats.text import decode_text

MIN_ARTICLE_CHARS = 80  # less main text than this is a page with no article (an index, a paywall, an error)
# trafilatura skips its readability/jusText comparison above 10 x its MIN_EXTRACTED_SIZE (250) when it favours
# recall (external.compare_extraction); mapview favours precision, so it applies the same length itself
LONG_ENOUGH_CHARS = 2500


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def extract_html(html: str, name: str) -> dict[str, object]:
    """Main text and metadata of an HTML document (trafilatura + htmldate); InputError when it has none."""
    import htmldate
    import trafilatura

    # deduplicate=False: trafilatura's deduplication remembers paragraphs across calls in the process, so the
    # fourth reading of the same page (a window session, a feed's syndicated copy) came back with no text at all
    options = {"include_comments": False, "include_tables": True, "favor_precision": True, "deduplicate": False}
    # trafilatura's own extraction first (fast: no readability/jusText comparison, a third of a reading's time);
    # the comparison only where that found little, the length below which trafilatura itself always compares.
    # On trafilatura's 884 evaluation pages this keeps as many of the wanted text snippets (2,420 of 2,664) and lets
    # through as few unwanted ones as always comparing (benchmarks/html_reading_quality.py); the text differs on 9
    # long pages, one losing two snippets and two gaining one each.
    doc = trafilatura.bare_extraction(html, fast=True, with_metadata=True, **options)
    if doc is None:
        doc = trafilatura.bare_extraction(html, with_metadata=True, **options)
        found = doc.text if doc is not None else ""
    elif len(doc.text or "") < LONG_ENOUGH_CHARS:
        # the metadata as the first reading found it: trafilatura reads it before the text, the same either way,
        # and it is 40 % of a reading's time (with_metadata changes no text: both checked on the 884 pages)
        compared = trafilatura.bare_extraction(html, with_metadata=False, **options)
        found = compared.text if compared is not None else ""
    else:
        found = doc.text
    text = canonical_text(found or "")
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        raise InputError(f"{name}: no article text found in this page (an index page, a paywall or an empty "
                         "save?); save the article's own page, or paste its text with File > Paste article…")
    # htmldate's original publication date from the page's metadata only: a date guessed from the body text
    # could be any day the article mentions.
    day = _day(htmldate.find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d"))
    return {"text": text, "title": clean_field(doc.title), "outlet": clean_field(doc.sitename),
            "url": clean_field(doc.url, 2000), "day": day}


def read_html(data: bytes, name: str, suffix: str) -> ArticleRecord:
    """A saved page (.html/.htm)."""
    found = extract_html(decode_text(data, name), name)
    return ArticleRecord(
        text=found["text"], kind="html", original=data, suffix=suffix, given_name=Path(name).name,
        title=found["title"], title_from="page" if found["title"] else None,
        outlet=found["outlet"], outlet_from="page" if found["outlet"] else None,
        url=found["url"], url_from="page" if found["url"] else None,
        day=found["day"], day_from="page" if found["day"] else None,
        day_field="the page's publication-date metadata (htmldate, original date)" if found["day"] else "",
    )
