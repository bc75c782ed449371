"""A small project whose as-of replay changes a lead and a status: three dated articles and their claims.

- 2026-01-10 (article A, a media report, hedged): Kosovo may lead North Gaza → Kosovo, speculative;
- 2026-02-01 (article B, Kosovo's defence minister, stated): Kosovo will lead North Gaza → the same lead, now
  confirmed by an official of the nation (a status change);
- 2026-02-01 (article B, a media report, stated): Albania will lead Deir al-Balah → a new lead where none was
  reported (a lead change).

So between 2026-01-15 and every source: North Gaza's status changes, Deir al-Balah's lead changes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from mapview.data.anchors import make_anchor
from mapview.data.project import ProjectPaths
from tests.conftest import DATA

ARTICLE_A = ("Kosovo may lead northern Gaza\n\nKosovo may lead the North Gaza sector of the stabilization force, "
             "according to a report by a regional outlet.\n")
ARTICLE_B = ("Kosovo confirms its role in Gaza\n\nKosovo's defence minister said Kosovo will lead the North Gaza "
             "sector. Separately, Albania will lead the Deir al-Balah sector, the newspaper reported.\n")
QUOTE_A = "Kosovo may lead the North Gaza sector of the stabilization force"
QUOTE_B_KOSOVO = "Kosovo's defence minister said Kosovo will lead the North Gaza sector."
QUOTE_B_ALBANIA = "Albania will lead the Deir al-Balah sector"
BEFORE, DAY_A, DAY_B = "2026-01-15", "2026-01-10", "2026-02-01"


def _evidence(source: str, text: str, quote: str, said_by: str, manner: str) -> dict[str, object]:
    start = text.index(quote)
    return {"source": source, "said_by": said_by, "manner": manner,
            "selector": make_anchor(text, start, start + len(quote)).to_selectors()}


def dated_project(folder: Path) -> ProjectPaths:
    """Write the project into ``folder`` (geodata copied from the test process's copy) and return its paths."""
    shutil.copytree(DATA / "geodata", folder / "geodata")
    seeds, claims = folder / "seeds", folder / "claims"
    seeds.mkdir()
    claims.mkdir()
    (seeds / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (seeds / "b.txt").write_text(ARTICLE_B, encoding="utf-8")

    def dated(source_id: str, title: str, day: str) -> dict[str, object]:
        return {"id": source_id, "title": title, "outlet": f"Outlet {source_id[0].upper()}",
                "date": {"kind": "exact", "label": day, "earliest": day, "latest": day, "from": "page",
                         "reasoning": "the page's publication date"}}

    (seeds / "sources.json").write_text(json.dumps({"schema": "mapview-sources/1", "sources": [
        dated("a.txt", "Kosovo may lead northern Gaza", DAY_A),
        dated("b.txt", "Kosovo confirms its role in Gaza", DAY_B)]}), encoding="utf-8")
    doc = {"schema": "mapview-claims/2", "claims": [
        {"id": "kosovo-lead-north-gaza", "nation": "Kosovo", "role": "lead", "sector": "north-gaza",
         "evidence": [_evidence("a.txt", ARTICLE_A, QUOTE_A, "media", "hedged"),
                      _evidence("b.txt", ARTICLE_B, QUOTE_B_KOSOVO, "nation-official", "stated")]},
        {"id": "albania-lead-deir-al-balah", "nation": "Albania", "role": "lead", "sector": "deir-al-balah",
         "evidence": [_evidence("b.txt", ARTICLE_B, QUOTE_B_ALBANIA, "media", "stated")]},
    ], "disagreements": []}
    (claims / "claims.json").write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return ProjectPaths(sectors=folder / "geodata" / "sectors.geojson", claims=claims / "claims.json",
                        seeds=seeds, context=folder / "geodata" / "context.geojson")


ARTICLE_C = ("An older report on Rafah\n\nIndonesia will lead the Rafah sector, a spokesman for the Indonesian "
             "army said.\n")
QUOTE_C = "Indonesia will lead the Rafah sector, a spokesman for the Indonesian army said."
DAY_C = "2025-12-01"  # before every other article: added late, published early


def add_late_article(paths: ProjectPaths) -> None:
    """Add an article published on 2025-12-01 (before the others) and its claim: Indonesia leads Rafah."""
    (paths.seeds / "c.txt").write_text(ARTICLE_C, encoding="utf-8")
    meta = json.loads((paths.seeds / "sources.json").read_text(encoding="utf-8"))
    meta["sources"].append({"id": "c.txt", "title": "An older report on Rafah", "outlet": "Outlet C",
                            "date": {"kind": "exact", "label": DAY_C, "earliest": DAY_C, "latest": DAY_C,
                                     "from": "page", "reasoning": "the page's publication date"}})
    (paths.seeds / "sources.json").write_text(json.dumps(meta), encoding="utf-8")
    doc = json.loads(paths.claims.read_text(encoding="utf-8"))
    doc["claims"].append({"id": "indonesia-lead-rafah", "nation": "Indonesia", "role": "lead", "sector": "rafah",
                          "evidence": [_evidence("c.txt", ARTICLE_C, QUOTE_C, "force-official", "stated")]})
    paths.claims.write_text(json.dumps(doc, indent=1), encoding="utf-8")
