"""Where ingest skips pysbd, does pysbd cut the same sentences? (``python -m benchmarks.segment_shortcut [DIR]``)

``segment.sentences_around`` hands pysbd a window (a pre-split piece with two before it and one after) only where
``pysbd_may_differ`` says pysbd could cut it otherwise than the regex pre-split. This checks that claim on real
text: every window of tests/realworld and tests/ingest_corpus and, with ``DIR`` (the ``tests`` folder of a
trafilatura checkout), the main text of its evaluation pages (``eval/*.html``) and cached pages (``cache/*.html``),
read as ingest reads a page. Printed per source: windows, how many skip pysbd, and how many of those pysbd would
have cut otherwise (the claim: none). Not part of ``make bench``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def repo_texts() -> list[str]:
    """Every text of tests/realworld (held-out lines too: nothing of them is printed) and tests/ingest_corpus."""
    texts = [json.loads(line)["text"] for line in (ROOT / "tests" / "realworld" / "articles.jsonl")
             .read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in sorted((ROOT / "tests" / "ingest_corpus").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def _page_texts(folder: Path) -> list[str]:
    """The main text of each saved page in ``folder``, read as ingest reads it."""
    from mapview.ingest.formats import InputError
    from mapview.ingest.formats.html import extract_html

    texts = []
    for page in sorted(folder.glob("*.html")):
        try:
            texts.append(str(extract_html(page.read_bytes().decode("utf-8", errors="replace"), page.name)["text"]))
        except InputError:
            continue
    return texts


def check(texts: Iterable[str]) -> tuple[int, int, list[str]]:
    """(windows, windows that skip pysbd, the start of each skipped window pysbd would cut otherwise)."""
    from mapview.ingest.segment import MAX_PYSBD, lines, pysbd_may_differ, pysbd_sentences, rough_sentences

    windows = skipped = 0
    differing: list[str] = []
    for text in texts:
        for line in lines(text):
            pieces = rough_sentences(text, *line)
            for i in range(len(pieces)):
                start, end = pieces[max(0, i - 2)][0], pieces[min(len(pieces) - 1, i + 1)][1]
                if end - start > MAX_PYSBD:
                    continue  # never reaches pysbd
                windows += 1
                if pysbd_may_differ(text[start:end]):
                    continue
                skipped += 1
                if pysbd_sentences(text, start, end) != rough_sentences(text, start, end):
                    differing.append(text[start:end][:100])
    return windows, skipped, differing


def main(argv: list[str] | None = None) -> int:
    """Check the repository's real texts, and trafilatura's pages when their folder is given."""
    argv = sys.argv[1:] if argv is None else argv
    sources = [("tests/realworld + tests/ingest_corpus", repo_texts)]
    if argv:
        folder = Path(argv[0])
        sources += [(f"trafilatura {name} pages", lambda name=name: _page_texts(folder / name))
                    for name in ("eval", "cache")]
    failed = False
    for label, texts in sources:
        windows, skipped, differing = check(texts())
        failed |= bool(differing)
        print(f"{label:<40} windows {windows:>6}  skip pysbd {skipped:>6}  of which pysbd cuts otherwise "
              f"{len(differing)}")
        for start in differing[:5]:
            print(f"    {start!r}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
