"""Inputs a user actually has: saved web pages, PDFs, text and pastes, read into one canonical form.

Checked where it is used: `mapview ingest` on the real files, then the project loaded from disk.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from mapview.cli import main as cli_main
from mapview.data.project import ProjectPaths, load_project
from mapview.ingest.formats import InputError, canonical_text, read_input
from mapview.ingest.formats.paste import read_paste
from tests.conftest import NEXT_SEED, ROOT

PAGE = ROOT / "tests" / "fixtures" / "news_page.html"
NOT_ARTICLE = ("Home", "Sport", "cookies", "ADVERTISEMENT", "Related articles", "Turkey", "Comments",
               "All rights reserved")


def _ingest(paths: ProjectPaths, *args: str) -> int:
    return cli_main(["--claims", str(paths.claims), "--seeds", str(paths.seeds), "--sectors", str(paths.sectors),
                     "ingest", *args])


def _text_pdf(path: Path, lines: list[str]) -> Path:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8.27, 11.69))
    for i, line in enumerate(lines):
        fig.text(0.08, 0.92 - i * 0.04, line, fontsize=11)
    fig.savefig(path, format="pdf")
    return path


def _scanned_pdf(path: Path) -> Path:
    import numpy as np
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4, 4))
    fig.figimage(np.random.default_rng(1).random((200, 200)))
    fig.savefig(path, format="pdf")
    return path


def test_a_saved_news_page_gives_its_article_and_metadata_only() -> None:
    record = read_input(PAGE)
    assert record.kind == "html"
    assert record.title == "Kosovo troops to serve in North Gaza, plan says"
    assert record.outlet == "Balkan Daily"
    assert record.url == "https://balkandaily.example/world/kosovo-north-gaza"
    assert record.day == date(2026, 2, 24) and record.day_from == "page"
    assert "Albania's troops are slated to be based in Deir al-Balah" in record.text
    for noise in NOT_ARTICLE:
        assert noise not in record.text, noise
    assert record.original == PAGE.read_bytes()


def test_ingesting_a_saved_page_keeps_the_original_and_records_where_fields_came_from(data_copy, capsys) -> None:
    assert _ingest(data_copy, str(PAGE)) == 0
    seeds = data_copy.seeds
    stored = sorted(p for p in seeds.glob(f"{NEXT_SEED}*.txt"))
    assert len(stored) == 1
    text = stored[0].read_text(encoding="utf-8")
    assert text == canonical_text(text) and not text.startswith("\ufeff") and "\r" not in text
    original = seeds / "originals" / f"{stored[0].stem}.html"
    assert original.read_bytes() == PAGE.read_bytes()
    entry = next(e for e in json.loads((seeds / "sources.json").read_text(encoding="utf-8"))["sources"]
                 if e["id"] == stored[0].name)
    assert entry["original"]["sha256"] == hashlib.sha256(PAGE.read_bytes()).hexdigest()
    assert (entry["outlet"], entry["outlet_from"]) == ("Balkan Daily", "page")
    assert (entry["url"], entry["url_from"]) == ("https://balkandaily.example/world/kosovo-north-gaza", "page")
    assert entry["date"]["from"] == "page" and entry["date"]["earliest"] == "2026-02-24"
    assert "metadata" in entry["date"]["reasoning"] and "originals/" in entry["date"]["reasoning"]
    project = load_project(data_copy)
    assert project.problems == []
    source = project.sources[stored[0].name]
    assert source.title == "Kosovo troops to serve in North Gaza, plan says"
    assert (source.outlet, source.url) == ("Balkan Daily", "https://balkandaily.example/world/kosovo-north-gaza")
    assert source.date is not None and source.date.origin == "page" and source.date.earliest == date(2026, 2, 24)
    proposals = json.loads((data_copy.claims.parent / "proposals.json").read_text(encoding="utf-8"))["claims"]
    assert {(c["nation"], c["sector"], c["role"]) for c in proposals} == {
        ("Kosovo", "north-gaza", "lead"), ("Albania", "deir-al-balah", "lead"),
        (None, "rafah", "deployment-phase")}  # "with deployments starting in Rafah": the force's first phase


def test_dry_run_json_is_one_object_with_sources_proposals_and_mentions(data_copy, tmp_path, capsys) -> None:
    article = tmp_path / "mention.txt"
    article.write_text("Talks on Gaza\n\nKosovo and Albania discussed North Gaza with officials on Monday.\n",
                       encoding="utf-8")
    before = sorted(p.name for p in data_copy.seeds.iterdir())
    assert _ingest(data_copy, str(PAGE), str(article), "--dry-run", "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert sorted(p.name for p in data_copy.seeds.iterdir()) == before
    assert [s["kind"] for s in doc["sources"]] == ["html", "text"]
    page = doc["sources"][0]
    assert (page["title"], page["outlet"], page["url"]) == (
        "Kosovo troops to serve in North Gaza, plan says", "Balkan Daily",
        "https://balkandaily.example/world/kosovo-north-gaza")
    assert page["date"]["earliest"] == "2026-02-24" and page["date"]["from"] == "page"
    mention = doc["mentions"][0]
    assert mention["text"] == "Kosovo and Albania discussed North Gaza with officials on Monday."
    assert mention["sectors"] == ["north-gaza"] and mention["nations"] == ["Kosovo", "Albania"]
    assert article.read_text(encoding="utf-8")[mention["start"]:mention["end"]] != ""  # offsets in the stored text


def test_a_pdf_with_a_text_layer_is_read_and_a_scan_is_refused_by_name(data_copy, tmp_path, capsys) -> None:
    pdf = _text_pdf(tmp_path / "brief.pdf", ["Kosovo contingent to serve in North Gaza",
                                             "Kazakh troops are slated to be based in Deir al-Balah, officials said."])
    record = read_input(pdf)
    assert "Kazakh troops are slated to be based in Deir al-Balah" in " ".join(record.text.split())
    scan = _scanned_pdf(tmp_path / "scan.pdf")
    before = sorted(p.name for p in data_copy.seeds.rglob("*"))
    assert _ingest(data_copy, str(scan)) == 1
    err = capsys.readouterr().err
    assert str(scan) in err and "no text layer" in err
    assert sorted(p.name for p in data_copy.seeds.rglob("*")) == before  # nothing half-written


def test_a_page_without_article_text_is_refused_by_name(tmp_path) -> None:
    page = tmp_path / "index.html"
    page.write_text("<html><head><title>Index</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"index\.html: no article text"):
        read_input(page)


def test_canonical_form_line_endings_bom_nfc_controls() -> None:
    raw = "\ufeffTitle line\r\nCafe\u0301 in Rafah\x1b[31m red\u202e\r\n\r\n\r\n\r\nEnd  "
    text = canonical_text(raw)
    assert text == "Title line\nCafé in Rafah[31m red\n\nEnd\n"
    assert unicodedata.is_normalized("NFC", text)


def test_a_bom_never_starts_a_stored_title(data_copy, tmp_path) -> None:
    article = tmp_path / "bom.txt"
    article.write_bytes("\ufeffAlbania named for Deir al-Balah\n\nReports say Albania may be responsible for the "
                        "Deir al-Balah sector.\n".encode())
    assert _ingest(data_copy, str(article)) == 0
    project = load_project(data_copy)
    titles = [s.title for s in project.sources.values()]
    assert "Albania named for Deir al-Balah" in titles
    assert not any(t.startswith("\ufeff") for t in titles)


def test_paste_uses_the_html_flavour_and_the_users_fields() -> None:
    html = PAGE.read_text(encoding="utf-8")
    record = read_paste("menu text that the plain flavour also holds", html, url="https://x.example/a",
                        outlet="Typed Outlet", day=date(2026, 2, 20))
    assert "slated to be based in Deir al-Balah" in record.text and "Comments" not in record.text
    assert (record.url, record.url_from, record.outlet_from, record.day_from) == (
        "https://x.example/a", "user", "user", "user")
    plain = read_paste("Kosovo will lead North Gaza, reports say.\n")
    assert plain.text == "Kosovo will lead North Gaza, reports say.\n" and plain.kind == "paste"
    with pytest.raises(InputError, match="no text"):
        read_paste("   \n")


def test_a_long_article_is_read_by_trafilatura_alone_and_a_short_one_is_compared(tmp_path, monkeypatch) -> None:
    """trafilatura's readability/jusText comparison costs a third of a page's reading: it runs only where
    trafilatura alone found less than LONG_ENOUGH_CHARS, and a long article reads the same either way."""
    import trafilatura

    from mapview.ingest.formats import html as reader

    paragraphs = "".join(f"<p>Paragraph {i}: Albania's troops are slated to be based in Deir al-Balah, the plan "
                         "for the stabilization force says, beside Kosovo's in North Gaza.</p>" for i in range(30))
    long_page = tmp_path / "long.html"
    long_page.write_text(PAGE.read_text(encoding="utf-8").replace("</article>", paragraphs + "</article>"),
                         encoding="utf-8")
    calls: list[tuple[bool, bool]] = []  # (fast, with_metadata) of each reading: the metadata is read apart
    real = trafilatura.bare_extraction

    def spy(html, *, options):
        calls.append((options.fast, options.with_metadata))
        return real(html, options=options)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    long_record = read_input(long_page)
    assert calls == [(True, False)] and len(long_record.text) > reader.LONG_ENOUGH_CHARS
    assert "Paragraph 29: Albania's troops" in long_record.text
    calls.clear()
    short_record = read_input(PAGE)  # under 2,500 characters: compared
    assert "Albania's troops are slated" in short_record.text
    assert short_record.title == "Kosovo troops to serve in North Gaza, plan says" and short_record.outlet
    assert calls == [(True, False), (False, False)]
    monkeypatch.setattr(reader, "LONG_ENOUGH_CHARS", 10**9)  # always comparing, as before
    assert read_input(long_page).text == long_record.text


_ARTICLE = ("<article><h1>{h1}</h1><p>Kosovo's contingent in the International Stabilization Force will serve in "
            "North Gaza, according to a planning document. Albania's troops are slated to be based in Deir al-Balah."
            "</p></article>")


@pytest.mark.parametrize(("head", "h1", "expected"), [
    # no <title> and no title meta tag: the JSON-LD headline, not the page's one <h1>
    ('<link rel="canonical" href="https://www.balkandaily.example/world/kosovo">'
     '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
     '"headline":"Kosovo troops to serve in North Gaza","author":{"@type":"Person","name":"Ana Staff"}}</script>',
     "Kosovo to North Gaza",
     # no site name anywhere: the canonical URL's host, without its www.
     ("Kosovo troops to serve in North Gaza", "balkandaily.example", "https://www.balkandaily.example/world/kosovo")),
    # a Twitter handle for the site name, lower case: without its @, title-cased; no title tag or JSON-LD: the
    # page's one <h1> before its <title>; a relative canonical link completed from og:image's site
    ('<title>Kosovo troops head north</title><meta name="twitter:site" content="@balkandaily">'
     '<meta property="og:image" content="https://balkandaily.example/img/kosovo.jpg">'
     '<link rel="canonical" href="/world/kosovo-north-gaza">',
     "Kosovo to North Gaza",
     ("Kosovo to North Gaza", "Balkandaily", "https://balkandaily.example/world/kosovo-north-gaza")),
    # nothing in the head: the one <h1> for the title; no site name, no URL
    ("", "Kosovo to North Gaza", ("Kosovo to North Gaza", None, None)),
])
def test_a_page_title_site_name_and_url_are_read_as_trafilatura_reads_them(head, h1, expected) -> None:
    """extract_html reads only the three metadata fields mapview keeps, with trafilatura's own steps
    (formats.html._page_metadata): the same as the whole of trafilatura's metadata reading gives."""
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    from mapview.ingest.formats.html import _page_metadata, extract_html

    page = f"<!DOCTYPE html><html><head>{head}</head><body>{_ARTICLE.format(h1=h1)}</body></html>"
    found = extract_html(page, "page.html")
    assert (found["title"], found["outlet"], found["url"]) == expected
    assert "Albania's troops are slated" in found["text"]
    whole = extract_metadata(load_html(page))
    assert _page_metadata(load_html(page)) == (whole.title, whole.sitename, whole.url)


def test_the_html_reading_benchmark_scores_pages_as_trafilatura_lays_them_out(tmp_path, capsys) -> None:
    """benchmarks/html_reading_quality.py on a two-page stand-in for trafilatura's evaluation folder: both readers
    find the wanted snippet, keep the unwanted one out, and read the same metadata."""
    from benchmarks.html_reading_quality import main as quality_main

    (tmp_path / "eval").mkdir()
    page = PAGE.read_text(encoding="utf-8")
    (tmp_path / "eval" / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "eval" / "b.html").write_text(page.replace("Albania", "Morocco"), encoding="utf-8")
    (tmp_path / "evaldata.json").write_text(json.dumps({
        "https://a.example": {"file": "a.html", "with": ["Albania's troops are slated"], "without": ["cookies"]},
        "https://b.example": {"file": "b.html", "with": ["Morocco's troops are slated"], "without": ["Home"]},
        "https://gone.example": {"file": "missing.html", "with": ["x"], "without": []},
    }), encoding="utf-8")
    assert quality_main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "baseline (always compare)   found 2/2" in out and "ours (compare when short)   found 2/2" in out
    assert out.count("kept out 2/2") == 2 and out.count("over 2 pages") == 2
    assert "differ (both read): 0" in out
    assert quality_main([str(tmp_path / "nowhere")]) == 2  # no evaluation folder: says how to run it


def test_the_reading_options_built_once_are_the_keywords_options_and_stay_unchanged(tmp_path) -> None:
    """The trafilatura options built once per process are those ``bare_extraction`` builds from mapview's keywords
    (precision, no comments, tables, no deduplication, no metadata), and reading pages (fast and compared) leaves
    them as they were: they are shared by every reading."""
    from trafilatura.settings import Extractor

    from mapview.ingest.formats import html as reader

    def fields(options: Extractor) -> dict[str, object]:
        return {name: getattr(options, name) for name in Extractor.__slots__}

    for fast in (True, False):
        expected = Extractor(output_format="python", fast=fast, precision=True, comments=False, tables=True,
                             dedup=False, with_metadata=False)
        assert fields(reader._reading_options(fast)) == fields(expected)
    before = {fast: fields(reader._reading_options(fast)) for fast in (True, False)}
    read_input(PAGE)  # short: read fast, then compared
    assert {fast: fields(reader._reading_options(fast)) for fast in (True, False)} == before
    assert before[True]["focus"] == "precision" and before[True]["comments"] is False
