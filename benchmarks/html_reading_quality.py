"""What the saved-page reader keeps, on trafilatura's own evaluation pages, against always comparing extractors.

``python -m benchmarks.html_reading_quality TRAFILATURA_TESTS`` where ``TRAFILATURA_TESTS`` is the ``tests``
folder of a trafilatura checkout (``eval/*.html`` and ``evaldata.json``: for each real page, text snippets the
main text must hold and boilerplate it must not). Not part of ``make bench``: the pages are not shipped here.

- ours: ``formats.html.extract_html`` (trafilatura alone first, its readability/jusText comparison only where
  that found under ``LONG_ENOUGH_CHARS``);
- baseline: the same ``extract_html`` comparing on every page, whatever trafilatura alone found (what mapview
  did before), so both sides pay for the same htmldate and text clean-up.

Printed: expected snippets found, unwanted snippets kept out, pages refused as having no article, CPU seconds.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def _read(html: str, long_enough: int) -> str:
    """The main text ``extract_html`` gives, comparing extractors below ``long_enough`` characters."""
    from mapview.ingest.formats import InputError
    from mapview.ingest.formats import html as reader

    kept, reader.LONG_ENOUGH_CHARS = reader.LONG_ENOUGH_CHARS, long_enough
    try:
        return str(reader.extract_html(html, "page")["text"])
    except InputError:
        return ""
    finally:
        reader.LONG_ENOUGH_CHARS = kept


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
    from mapview.ingest.formats.html import LONG_ENOUGH_CHARS

    for label, long_enough in (("baseline (always compare)", sys.maxsize), ("ours (compare when short)",
                                                                             LONG_ENOUGH_CHARS)):
        _read(pages[0][1], long_enough)  # imports and trafilatura's first-use set-up are not timed
        found = kept_out = empty = 0
        cpu = time.process_time()
        for item, html in pages:
            text = _read(html, long_enough)
            found += sum(snippet in text for snippet in item["with"])
            kept_out += sum(snippet not in text for snippet in item["without"])
            empty += not text.strip()
        cpu = time.process_time() - cpu
        print(f"{label:<27} found {found}/{wanted} ({found / wanted:.2%})  kept out {kept_out}/{unwanted} "
              f"({kept_out / unwanted:.2%})  no text {empty}  CPU {cpu:.1f} s over {len(pages)} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
