"""Pages the local web server serves in the fetch, feed and window tests: shaped like real news pages."""

from __future__ import annotations


def article_page(title: str, body: str, day: str = "2026-03-02", site: str = "Balkan Defence Review",
                 charset: str = "utf-8", meta_charset: bool = True) -> bytes:
    """A news page: navigation, the article with its title and date metadata, a footer."""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    meta = f'<meta charset="{charset}">' if meta_charset else ""
    page = (f"<!DOCTYPE html><html><head>{meta}<title>{title} | {site}</title>"
            f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">'
            f'<meta property="article:published_time" content="{day}T09:00:00Z"></head><body>'
            '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/defence">Defence</a></nav>'
            f"<article><h1>{title}</h1>{paragraphs}</article>"
            "<footer>(c) Balkan Defence Review. All rights reserved. Cookie settings.</footer></body></html>")
    return page.encode(charset)


KOSOVO_TITLE = "Kosovo to lead the North Gaza sector"
KOSOVO_BODY = (
    "Kosovo will lead the North Gaza sector of the International Stabilization Force, the country's defence "
    "minister said on Monday in Prishtina.\n\n"
    "The minister told reporters that the first soldiers of the Kosovo Security Force would travel in spring, "
    "after the parliament approves the mission. Officials said the contingent would be small at first.\n\n"
    "The stabilization force was authorised by the UN Security Council in November, and several nations have "
    "since said they would take part.")
ALBANIA_TITLE = "Albania to be stationed in Deir al-Balah"
ALBANIA_BODY = (
    "Albanian troops will be stationed in Deir al-Balah as part of the stabilization force, the newspaper "
    "reported on Tuesday, citing people familiar with the plan.\n\n"
    "The report said the contingent would include engineers and military police, and that the government in "
    "Tirana would decide on its size in the coming weeks.\n\n"
    "No official in Tirana commented on the report, which follows months of talks on the force's make-up.")
