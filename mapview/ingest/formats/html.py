"""Saved web pages: the article's main text and metadata with trafilatura, the publication day with htmldate.

Navigation, cookie banners, ads, "related articles" lists and comment sections are left out by trafilatura's
main-text detection (``include_comments=False``, ``favor_precision=True``); the tests check it on pages shaped
like real news sites.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from mapview.ingest.formats import ArticleRecord, InputError, canonical_text, clean_field
from mapview.ingest.formats.text import decode_text

if TYPE_CHECKING:
    from lxml.html import HtmlElement
    from trafilatura.settings import Extractor

MIN_ARTICLE_CHARS = 80  # less main text than this is a page with no article (an index, a paywall, an error)
# trafilatura skips its readability/jusText comparison above 10 x its MIN_EXTRACTED_SIZE (250) when it favours
# recall (external.compare_extraction); mapview favours precision, so it applies the same length itself
LONG_ENOUGH_CHARS = 2500


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _page_metadata(tree: HtmlElement) -> tuple[str | None, str | None, str | None]:
    """The page's title, site name and URL as trafilatura's ``metadata.extract_metadata`` finds them.

    mapview keeps three of the fields ``bare_extraction(with_metadata=True)`` reads, and trafilatura has no switch
    to skip the others: its author search (a copy of the whole tree searched with dozens of XPaths), its own
    htmldate run (mapview asks htmldate itself, for the original date), categories, tags and licence were about
    half the time of reading a page. These are ``extract_metadata``'s own steps for the three, in its order and
    with its clean-up; its lines on the author before the JSON-LD are kept as they are too (the JSON-LD reading
    adds to the author, and an error there stops it before a later title or site name), and nothing after them
    reads the author, date, categories, tags or licence. The tree is only read, never changed.
    """
    from trafilatura.metadata import (
        LOGGER,
        META_URL,
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import Document

    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception as err:  # as extract_metadata: bugs in trafilatura's json_metadata.py
        LOGGER.warning("error in JSON metadata extraction: %s", err)
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.url:
        metadata.url = extract_url(tree)
    if not metadata.sitename:
        metadata.sitename = extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")  # a Twitter handle
        if metadata.sitename and "." not in metadata.sitename and not metadata.sitename[0].isupper():
            metadata.sitename = metadata.sitename.title()
    elif metadata.url and (host := META_URL.match(metadata.url)):
        metadata.sitename = host[1]
    # Document.clean_and_trim, which cleans each field on its own, for these three
    kept = Document(title=metadata.title, sitename=metadata.sitename, url=metadata.url)
    kept.clean_and_trim()
    return kept.title, kept.sitename, kept.url


@lru_cache(maxsize=2)
def _reading_options(fast: bool) -> Extractor:
    """trafilatura's options for reading a page's main text, built once: ``bare_extraction`` builds them from its
    keywords on every call otherwise, reading its configuration's numbers each time, and it never changes a given
    ``Extractor`` (its recall retry, which precision mode never makes, works on a copy)."""
    from trafilatura.settings import Extractor

    # deduplicate=False: trafilatura's deduplication remembers paragraphs across calls in the process, so the
    # fourth reading of the same page (a window session, a feed's syndicated copy) came back with no text at all
    return Extractor(output_format="python", fast=fast, precision=True, comments=False, tables=True, dedup=False,
                     with_metadata=False)


def extract_html(html: str, name: str) -> dict[str, object]:
    """Main text and metadata of an HTML document (trafilatura + htmldate); InputError when it has none."""
    import htmldate
    import trafilatura
    from trafilatura.utils import load_html

    # parsed once, as bare_extraction parses a string: it reads a copy of a tree it is given, and _page_metadata
    # only reads it, so every reading starts from the page as parsed
    tree = load_html(html)
    # trafilatura's own extraction first (fast: no readability/jusText comparison, a third of a reading's time);
    # the comparison only where that found little, the length below which trafilatura itself always compares.
    # On trafilatura's 884 evaluation pages this keeps as many of the wanted text snippets (2,420 of 2,664) and lets
    # through as few unwanted ones as always comparing (benchmarks/html_reading_quality.py); the text differs on 9
    # long pages, one losing two snippets and two gaining one each. with_metadata changes no text (checked on the
    # 884 pages and by reading trafilatura: the metadata only reads the tree, and the URL it finds only absolutises
    # links, which are not kept), so the metadata is read once below, and only its three fields mapview keeps.
    no_article = InputError(f"{name}: no article text found in this page (an index page, a paywall or an empty "
                            "save?); save the article's own page, or paste its text with File > Paste article…")
    if tree is None:
        raise no_article
    doc = trafilatura.bare_extraction(tree, options=_reading_options(fast=True))
    if doc is None or len(doc.text or "") < LONG_ENOUGH_CHARS:
        doc = trafilatura.bare_extraction(tree, options=_reading_options(fast=False))
    text = canonical_text(doc.text or "") if doc is not None else ""
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        raise no_article
    try:
        title, outlet, url = _page_metadata(tree)
    except (TypeError, ValueError):  # bare_extraction with metadata discarded the page on these
        raise no_article from None
    # htmldate's original publication date from the page's metadata only: a date guessed from the body text
    # could be any day the article mentions. It parses the page itself: its parser keeps the HTML comments that
    # trafilatura's drops, and it searches them.
    day = _day(htmldate.find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d"))
    return {"text": text, "title": clean_field(title), "outlet": clean_field(outlet),
            "url": clean_field(url, 2000), "day": day}


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
