"""Follow feeds: RSS and Atom served on 127.0.0.1 in the test; new items only (ETag, seen addresses, same text
under another address), keywords, the feed named on each proposal, and failing or slow feeds as problems."""

from __future__ import annotations

import io
import json
import time
from contextlib import redirect_stderr, redirect_stdout

from mapview.cli import main
from mapview.data.project import ProjectPaths
from mapview.ingest import feeds
from mapview.ingest.feeds import feeds_path_for
from tests.web_pages import ALBANIA_BODY, ALBANIA_TITLE, KOSOVO_BODY, KOSOVO_TITLE, article_page
from tests.webserver import Route

WEATHER = article_page("Rain expected in the Balkans", "Rain is expected across the Balkans this week, "
                       "forecasters said on Monday, with snow on higher ground and cooler nights.\n\n" * 3)


def rss(items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (title, link, summary)."""
    body = "".join(f"<item><title>{t}</title><link>{link}</link><description>{d}</description></item>"
                   for t, link, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Balkan Defence Review'
            f"</title><link>http://example.invalid/</link><description>news</description>{body}</channel></rss>"
            ).encode()


def atom(items: list[tuple[str, str, str]]) -> bytes:
    """An Atom feed of (title, link, summary)."""
    body = "".join(f'<entry><title>{t}</title><link href="{link}"/><id>{link}</id><summary>{d}</summary>'
                   "<updated>2026-03-02T09:00:00Z</updated></entry>" for t, link, d in items)
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Tirana Times'
            f"</title><id>urn:x</id><updated>2026-03-02T09:00:00Z</updated>{body}</feed>").encode()


def _follow(paths: ProjectPaths, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["follow", *args, "--sectors", str(paths.sectors), "--claims", str(paths.claims),
                     "--seeds", str(paths.seeds)])
    return code, out.getvalue(), err.getvalue()


def _sources(paths: ProjectPaths) -> list[dict]:
    return json.loads((paths.seeds / "sources.json").read_text(encoding="utf-8"))["sources"]


def test_new_matching_items_become_proposals_naming_the_feed(web, only_this_machine, data_copy) -> None:
    web.routes["/kosovo"] = Route(article_page(KOSOVO_TITLE, KOSOVO_BODY))
    web.routes["/weather"] = Route(WEATHER)

    def conditional(headers: dict) -> Route | None:
        return Route(b"", 304, "") if headers.get("If-None-Match") == '"v1"' else None

    web.routes["/rss"] = Route(rss([(KOSOVO_TITLE, web.url("/kosovo"), "Kosovo and the Gaza force"),
                                    ("Rain expected in the Balkans", web.url("/weather"), "Weather")]),
                               content_type="application/rss+xml", headers={"ETag": '"v1"'}, answer=conditional)
    code, out, err = _follow(data_copy, "--add", web.url("/rss"), "--name", "Balkan Defence Review",
                             "--keyword", "Gaza")
    assert code == 0, err
    code, out, err = _follow(data_copy, "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert [(p["nation"], p["sector"], p["feed"]) for p in doc["proposals"]] == [
        ("Kosovo", "north-gaza", "Balkan Defence Review")]
    assert web.routes["/weather"].hits == 0  # no keyword in its title or summary: not even fetched
    stored = json.loads((data_copy.claims.parent / "proposals.json").read_text(encoding="utf-8"))
    pending = [p for p in stored["claims"] if p.get("feed")]
    assert pending and "Balkan Defence Review" in pending[0]["note"]
    entry = next(s for s in _sources(data_copy) if s.get("fetched"))
    assert entry["fetched"]["feed"] == "Balkan Defence Review" and entry["url"] == web.url("/kosovo")
    state = json.loads(feeds_path_for(data_copy.claims).read_text(encoding="utf-8"))
    assert state["feeds"][0]["etag"] == '"v1"' and web.url("/kosovo") in state["seen"]
    # the next check asks only for what changed: 304, nothing fetched, nothing added
    code, out, err = _follow(data_copy, "--json")
    assert code == 0 and json.loads(out)["proposals"] == []
    assert web.routes["/rss"].seen_headers[-1].get("If-None-Match") == '"v1"'
    assert web.routes["/kosovo"].hits == 1
    code, out, _ = _follow(data_copy, "--list")
    assert "Balkan Defence Review" in out and "Gaza" in out
    assert only_this_machine == []


def test_seen_addresses_and_the_same_text_elsewhere_are_skipped(web, only_this_machine, data_copy) -> None:
    page = article_page(ALBANIA_TITLE, ALBANIA_BODY)
    web.routes["/a"] = Route(page)
    web.routes["/copy-of-a"] = Route(page)  # a syndicated copy: another address, the same text
    web.routes["/feed"] = Route(atom([(ALBANIA_TITLE, web.url("/a"), "Deir al-Balah")]),
                                content_type="application/atom+xml")
    assert _follow(data_copy, "--add", web.url("/feed"), "--name", "Tirana Times")[0] == 0
    code, out, err = _follow(data_copy, "--json")
    assert code == 0, err
    assert [p["nation"] for p in json.loads(out)["proposals"]] == ["Albania"]
    count = len(_sources(data_copy))
    web.routes["/feed"].body = atom([(ALBANIA_TITLE, web.url("/a"), "Deir al-Balah"),
                                     (ALBANIA_TITLE + " (copy)", web.url("/copy-of-a"), "Deir al-Balah")])
    code, out, _ = _follow(data_copy, "--json")
    assert code == 0 and json.loads(out)["proposals"] == []
    assert web.routes["/a"].hits == 1  # seen: not fetched again
    assert web.routes["/copy-of-a"].hits == 1  # fetched, its text known: not added again
    assert len(_sources(data_copy)) == count


def test_a_failed_ingest_write_leaves_the_items_unseen_so_they_come_again(web, only_this_machine, data_copy,
                                                                           monkeypatch) -> None:
    from mapview.ingest import command

    web.routes["/kosovo"] = Route(article_page(KOSOVO_TITLE, KOSOVO_BODY))
    web.routes["/rss"] = Route(rss([(KOSOVO_TITLE, web.url("/kosovo"), "Kosovo and the Gaza force")]),
                               content_type="application/rss+xml")
    assert _follow(data_copy, "--add", web.url("/rss"), "--name", "Balkan Defence Review")[0] == 0
    before = feeds_path_for(data_copy.claims).read_text(encoding="utf-8")
    sources_before = _sources(data_copy)

    def full_disk(plan, paths) -> None:
        raise command.IngestWriteError("cannot write in seeds: no space left on device; nothing written")

    monkeypatch.setattr(command, "apply_plan", full_disk)
    code, _, err = _follow(data_copy, "--json")
    assert code == 1 and "no space left" in err
    assert feeds_path_for(data_copy.claims).read_text(encoding="utf-8") == before  # nothing recorded as seen
    assert _sources(data_copy) == sources_before
    monkeypatch.undo()
    code, out, err = _follow(data_copy, "--json")
    assert code == 0, err
    assert [p["nation"] for p in json.loads(out)["proposals"]] == ["Kosovo"]  # it came again
    assert web.url("/kosovo") in json.loads(feeds_path_for(data_copy.claims).read_text(encoding="utf-8"))["seen"]


def test_a_failing_or_slow_feed_is_a_problem_and_holds_up_no_other(web, only_this_machine, data_copy,
                                                                     monkeypatch) -> None:
    monkeypatch.setattr(feeds, "FEED_TIMEOUT_S", 1.0)
    web.routes["/kosovo"] = Route(article_page(KOSOVO_TITLE, KOSOVO_BODY))
    web.routes["/good"] = Route(rss([(KOSOVO_TITLE, web.url("/kosovo"), "Gaza")]),
                                content_type="application/rss+xml")
    web.routes["/slow"] = Route(rss([]), content_type="application/rss+xml", delay=3.0)
    web.routes["/broken"] = Route(b"oops", 500, "text/plain")
    web.routes["/garbage"] = Route(b"\x00\x01 this is no feed", content_type="application/octet-stream")
    for name in ("slow", "broken", "garbage", "good"):
        assert _follow(data_copy, "--add", web.url(f"/{name}"), "--name", name)[0] == 0
    started = time.monotonic()
    code, out, err = _follow(data_copy, "--json")
    elapsed = time.monotonic() - started
    assert code == 1  # some feed failed: said, not raised
    doc = json.loads(out)
    assert [p["nation"] for p in doc["proposals"]] == ["Kosovo"]
    failing = {p["location"]: p["message"] for p in doc["problems"]}
    assert set(failing) == {"feed slow", "feed broken", "feed garbage"}
    assert "no answer within 1 s" in failing["feed slow"] and "500" in failing["feed broken"]
    assert "not a readable RSS or Atom feed" in failing["feed garbage"]
    assert elapsed < 2.8  # the slow feed's timeout, not the sum of every feed's wait
    state = {f["name"]: f for f in json.loads(feeds_path_for(data_copy.claims).read_text(encoding="utf-8"))["feeds"]}
    assert state["broken"]["error"] and state["good"]["error"] is None
    assert "feed slow" in err
    assert only_this_machine == []


def test_the_feeds_file_is_checked(data_copy) -> None:
    feeds_path_for(data_copy.claims).write_text("{damaged", encoding="utf-8")
    code, _, err = _follow(data_copy)
    assert code == 1 and "feeds" in err
    code, _, err = _follow(data_copy, "--add", "ftp://example.invalid/feed")
    assert code == 1


def test_feeds_are_checked_side_by_side(web, only_this_machine, monkeypatch) -> None:
    """Three feeds that each take a second to answer, and one that never answers in time: checked one after the
    other they would take over four seconds; each in its own thread, about as long as the slowest allowed wait."""
    monkeypatch.setattr(feeds, "FEED_TIMEOUT_S", 1.5)
    doc = {"feeds": [], "seen": {}, "keywords": []}
    for name in ("a", "b", "c"):
        web.routes[f"/{name}"] = Route(rss([]), content_type="application/rss+xml", delay=1.0)
        feeds.add_feed(doc, web.url(f"/{name}"), name)
    web.routes["/stuck"] = Route(rss([]), content_type="application/rss+xml", delay=5.0)
    feeds.add_feed(doc, web.url("/stuck"), "stuck")
    started = time.monotonic()
    check = feeds.check_feeds(doc, "feeds.json")
    elapsed = time.monotonic() - started
    assert [p.location for p in check.problems] == ["feed stuck"]
    assert all(r.items == 0 and not r.problems for r in check.results[:3])
    assert elapsed < 2.6, elapsed  # one after the other: 1 + 1 + 1 + 1.5 = 4.5 s at least
