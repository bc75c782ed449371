"""What the saved-page reader keeps, on trafilatura's own evaluation pages, against always comparing extractors.

``python -m benchmarks.html_reading_quality TRAFILATURA_TESTS`` where ``TRAFILATURA_TESTS`` is the ``tests``
folder of a trafilatura checkout (``eval/*.html`` and ``evaldata.json``: for each real page, text snippets the
main text must hold and boilerplate it must not). Not part of ``make bench``: the pages are not shipped here.

- ours: ``formats.html.extract_html`` (trafilatura alone first, its readability/jusText comparison only where
  that found under ``LONG_ENOUGH_CHARS``, without reading the metadata a second time);
- baseline: one ``trafilatura.bare_extraction`` with metadata, comparing on every page (what mapview did before),
  with the same htmldate call and text clean-up as ours.

Printed: expected snippets found, unwanted snippets kept out, pages refused as having no article, CPU seconds;
and the pages whose title, site name, URL or day differ between the two (none expected).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def _ours(html: str) -> dict[str, object] | None:
    """What ``extract_html`` gives (None: refused, no article text)."""
    from mapview.ingest.formats import InputError
    from mapview.ingest.formats.html import extract_html

    try:
        return extract_html(html, "page")
    except InputError:
        return None


def _before(html: str) -> dict[str, object] | None:
    """What ``extract_html`` gave before session 13: one reading with metadata, always comparing extractors."""
    import htmldate
    import trafilatura

    from mapview.ingest.formats import canonical_text, clean_field
    from mapview.ingest.formats.html import MIN_ARTICLE_CHARS, _day

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True,
                                      favor_precision=True, deduplicate=False)
    text = canonical_text(doc.text or "") if doc is not None else ""
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        return None
    day = _day(htmldate.find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d"))
    return {"text": text, "title": clean_field(doc.title), "outlet": clean_field(doc.sitename),
            "url": clean_field(doc.url, 2000), "day": day}


def main(argv: list[str] | None = None) -> int:
    """Score both readers over every evaluation page and print one line each."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or not (Path(argv[0]) / "evaldata.json").is_file():
        print(__doc__)
        return 2
    root = Path(argv[0])
    pages = [(item, (root / "eval" / item["file"]).read_bytes().decode("utf-8", errors="replace"))
             for item in json.loads((root / "evaldata.json").read_text(encoding="utf-8")).values()
             if (root / "eval" / item["file"]).is_file()]
    wanted = sum(len(item["with"]) for item, _ in pages)
    unwanted = sum(len(item["without"]) for item, _ in pages)
    metadata: dict[str, list[tuple[object, ...]]] = {}
    for label, read in (("baseline (always compare)", _before), ("ours (compare when short)", _ours)):
        read(pages[0][1])  # imports and trafilatura's first-use set-up are not timed
        found = kept_out = empty = 0
        cpu = time.process_time()
        results = [read(html) for _, html in pages]
        cpu = time.process_time() - cpu
        for (item, _), result in zip(pages, results, strict=True):
            text = str(result["text"]) if result else ""
            found += sum(snippet in text for snippet in item["with"])
            kept_out += sum(snippet not in text for snippet in item["without"])
            empty += result is None
        metadata[label] = [tuple(result[k] for k in ("title", "outlet", "url", "day")) if result else ()
                           for result in results]
        print(f"{label:<27} found {found}/{wanted} ({found / wanted:.2%})  kept out {kept_out}/{unwanted} "
              f"({kept_out / unwanted:.2%})  no article {empty}  CPU {cpu:.1f} s over {len(pages)} pages")
    before, ours = metadata.values()
    print("pages whose title, site name, URL or day differ (both read):",
          sum(a != b for a, b in zip(before, ours, strict=True) if a and b))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
