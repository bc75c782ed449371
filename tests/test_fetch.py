"""Add from URL: pages served on 127.0.0.1 in the test — slow, broken, huge, redirecting, of the wrong type,
gzipped, not UTF-8 — and what lands in a copy of the project. Nothing is fetched from outside this machine."""

from __future__ import annotations

import io
import json
import time
from contextlib import redirect_stderr, redirect_stdout

import pytest

from mapview.cli import main
from mapview.data.project import ProjectPaths
from mapview.ingest import fetch
from mapview.ingest.fetch import FetchCancelled, FetchError, decode_page, fetch_article
from tests.web_pages import KOSOVO_BODY, KOSOVO_TITLE, article_page
from tests.webserver import Route

PAGE = article_page(KOSOVO_TITLE, KOSOVO_BODY)


def _ingest(paths: ProjectPaths, *given: str) -> tuple[int, dict, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["ingest", *given, "--json", "--sectors", str(paths.sectors), "--claims", str(paths.claims),
                     "--seeds", str(paths.seeds)])
    return code, json.loads(out.getvalue()) if out.getvalue() else {}, err.getvalue()


def _project_files(paths: ProjectPaths) -> dict[str, bytes]:
    root = paths.claims.parent.parent
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
            and "geodata" not in p.parts and not p.name.startswith(".mapview.lock")}


def test_a_page_lands_with_its_address_and_original_bytes(web, only_this_machine, data_copy) -> None:
    web.routes["/news/kosovo"] = Route(PAGE)
    url = web.url("/news/kosovo")
    code, doc, err = _ingest(data_copy, url)
    assert code == 0, err
    (source,) = doc["sources"]
    assert source["new"] and source["url"] == url and source["title"] == KOSOVO_TITLE
    assert source["outlet"] == "Balkan Defence Review" and source["date"]["label"] == "2026-03-02"
    stored = (data_copy.seeds / source["id"]).read_text(encoding="utf-8")
    assert "Kosovo will lead the North Gaza sector" in stored and "Cookie settings" not in stored
    assert (data_copy.seeds / source["original"]["file"]).read_bytes() == PAGE  # the bytes as served
    entry = next(e for e in json.loads((data_copy.seeds / "sources.json").read_text(encoding="utf-8"))["sources"]
                 if e["id"] == source["id"])
    assert entry["url_from"] == "fetched" and entry["fetched"]["final_url"] == url
    assert entry["fetched"]["content_type"] == "text/html" and url in entry["notes"]
    assert [(p["nation"], p["sector"], p["role"]) for p in doc["proposals"]] == [("Kosovo", "north-gaza", "lead")]
    assert web.routes["/news/kosovo"].seen_headers[0]["User-Agent"].startswith("mapview/")
    assert only_this_machine == []


def test_gzip_and_a_redirect(web, only_this_machine, data_copy) -> None:
    web.routes["/old"] = Route(b"", 301, "text/html", headers={"Location": "/new"})
    web.routes["/new"] = Route(PAGE, gzip=True)
    code, doc, err = _ingest(data_copy, web.url("/old"))
    assert code == 0, err
    (source,) = doc["sources"]
    assert source["url"] == web.url("/new")  # where the article is, after the redirect
    assert (data_copy.seeds / source["original"]["file"]).read_bytes() == PAGE  # decompressed
    assert "gzip" in web.routes["/new"].seen_headers[0].get("Accept-Encoding", "")


@pytest.mark.parametrize(("charset", "in_header", "in_meta"), [
    ("windows-1250", True, False), ("iso-8859-2", False, True), ("windows-1251", True, True)])
def test_pages_not_in_utf8(web, only_this_machine, charset, in_header, in_meta) -> None:
    words = "Priština i Tiranë: çështje" if charset != "windows-1251" else "Приштина и Тирана: вопрос"
    body = KOSOVO_BODY + "\n\n" + words + " of the force's make-up, discussed at length by officials."
    web.routes["/p"] = Route(article_page(KOSOVO_TITLE, body, charset=charset, meta_charset=in_meta),
                             content_type="text/html" + (f"; charset={charset}" if in_header else ""))
    record, _ = fetch_article(web.url("/p"))
    assert words in record.text
    assert only_this_machine == []


def test_decode_page_falls_back_in_order() -> None:
    assert decode_page("é".encode(), None) == "é"  # UTF-8 when nothing is said
    assert decode_page("é".encode("latin-1"), "latin-1") == "é"
    assert decode_page(b'<meta charset="windows-1252">\x93q\x94', None).endswith("“q”")
    assert decode_page("\ufeffé".encode("utf-8"), "latin-1") == "é"  # a BOM wins


@pytest.mark.parametrize(("route", "message"), [
    (Route(b"\x89PNG\r\n\x1a\n" + b"0" * 100, content_type="image/png"), "sent image/png, not an article page"),
    (Route(b"<rss></rss>", content_type="application/rss+xml"), "news feed"),
    (Route(b"gone", 404, "text/plain"), "answered 404"),
    (Route(b"oops", 500, "text/plain"), "answered 500"),
    (Route(b"<html><body><nav>Home</nav></body></html>"), "no article text"),
    (Route(PAGE, cut_after=200), "download failed"),
])
def test_what_is_refused_says_why_and_writes_nothing(web, only_this_machine, data_copy, route, message) -> None:
    web.routes["/x"] = route
    before = _project_files(data_copy)
    code, doc, err = _ingest(data_copy, web.url("/x"))
    assert code == 1
    assert message in err and web.url("/x") in err
    assert doc["sources"] == [] and doc["refused"] and message in doc["refused"][0]
    assert _project_files(data_copy) == before


def test_slow_huge_looping_and_unreachable(web, only_this_machine, monkeypatch) -> None:
    monkeypatch.setattr(fetch, "READ_TIMEOUT_S", 0.5)
    web.routes["/slow"] = Route(PAGE, delay=2.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match="no answer within 0.5 s"):
        fetch_article(web.url("/slow"))
    assert time.monotonic() - started < 1.9
    # bytes trickle in, each in time, but the whole takes too long
    monkeypatch.setattr(fetch, "DEADLINE_S", 1.0)
    web.routes["/trickle"] = Route(PAGE, chunks=20, trickle=0.2)
    with pytest.raises(FetchError, match="took longer than 1 s"):
        fetch_article(web.url("/trickle"))
    monkeypatch.setattr(fetch, "MAX_BYTES", 50_000)
    web.routes["/huge"] = Route(b"<html>" + b"x" * 200_000)
    with pytest.raises(FetchError, match="200,006 bytes, more than the 50,000 allowed"):
        fetch_article(web.url("/huge"))
    web.routes["/bomb"] = Route(b"<html>" + b" " * 5_000_000, gzip=True)  # ~5 KB on the wire
    with pytest.raises(FetchError, match="larger than the 50,000 bytes allowed"):
        fetch_article(web.url("/bomb"))
    for i in range(8):
        web.routes[f"/loop{i}"] = Route(b"", 302, "text/html", headers={"Location": f"/loop{i + 1}"})
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch_article(web.url("/loop0"))
    closed = web.url("/").replace(str(web.httpd.server_address[1]), "9")  # port 9 (discard): nothing listens
    with pytest.raises(FetchError, match="cannot connect"):
        fetch_article(closed)
    with pytest.raises(FetchError, match="not a web address"):
        fetch_article("file:///etc/passwd")
    assert only_this_machine == []


def test_cancel_stops_the_download(web, only_this_machine) -> None:
    web.routes["/long"] = Route(PAGE, chunks=10, trickle=0.1)
    asked = []
    with pytest.raises(FetchCancelled):
        fetch_article(web.url("/long"), cancelled=lambda: bool(asked.append(1)) or len(asked) > 2)
    seen = []
    fetch_article(web.url("/long"), progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(PAGE), len(PAGE)) and len(seen) > 1


def test_the_guard_refuses_the_outside(only_this_machine) -> None:
    with pytest.raises(FetchError, match="cannot"):
        fetch_article("http://example.org/article")
    assert only_this_machine


def test_the_same_page_read_again_keeps_its_text() -> None:
    """trafilatura's deduplication remembers paragraphs across calls: the fourth reading of one page used to
    give no article text at all (a window that adds the same page again, feeds that carry a copy)."""
    from mapview.ingest.formats.html import extract_html

    texts = {extract_html(PAGE.decode("utf-8"), "page.html")["text"] for _ in range(6)}
    assert len(texts) == 1 and "Kosovo will lead the North Gaza sector" in texts.pop()
