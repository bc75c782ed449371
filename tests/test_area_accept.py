"""A "between A and B" proposal accepted with `review --accept` or in the window becomes ONE site claim (its
``area`` both sectors), never a lead in each: the map marks the site on their shared edge, colouring neither."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from mapview.cli import main
from mapview.data.areas import shared_edge
from mapview.data.project import ProjectPaths, load_project
from mapview.ingest.review import accept, pending, proposals_path_for
from tests.conftest import click_row

SITE_SENTENCE = "Egyptian troops will be stationed between Deir al-Balah and Khan Yunis, Kan reported."
ARTICLE = f"Egypt to send troops\n\n{SITE_SENTENCE}\n"
AREA = ["deir-al-balah", "khan-yunis"]  # the shipped Indonesia site is between Rafah and Khan Yunis


def _run(paths: ProjectPaths, *args: str) -> int:
    return main(["--seeds", str(paths.seeds), "--claims", str(paths.claims), "--sectors", str(paths.sectors),
                 *args])


def _egypt_claims(paths: ProjectPaths) -> list[dict]:
    """Egypt's claims about a sector (the shipped ones about Egypt are force-wide)."""
    return [c for c in json.loads(paths.claims.read_text(encoding="utf-8"))["claims"]
            if c.get("nation") == "Egypt" and c.get("sector")]


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "egypt-site.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _assert_one_site_claim(paths: ProjectPaths) -> None:
    """The claims file holds one Egypt claim, a site between Deir al-Balah and Khan Yunis; the map colours neither."""
    [claim] = _egypt_claims(paths)
    assert (claim["sector"], claim["area"]) == ("deir-al-balah", AREA)
    project = load_project(paths)
    assert project.problems == []
    view = project.view()
    by_id = view.by_id()
    for sector_id in AREA:
        assert claim["id"] in [c.id for c in by_id[sector_id].claims]  # listed with both sectors
        assert by_id[sector_id].lead is None or by_id[sector_id].lead.nation != "Egypt"  # coloured by neither
    [mark] = [m for m in view.site_marks if m.lead.nation == "Egypt"]
    assert mark.area == tuple(AREA) and [c.id for c in mark.claims] == [claim["id"]]


def test_review_accept_makes_one_site_claim(data_copy: ProjectPaths, article: Path, capsys) -> None:
    assert _run(data_copy, "ingest", str(article), "--date", "2026-02-20") == 0
    capsys.readouterr()
    assert _run(data_copy, "review", "--json") == 0
    [proposal] = [p for p in json.loads(capsys.readouterr().out)["pending"] if p["nation"] == "Egypt"]
    assert (proposal["sector"], proposal["area"]) == ("deir-al-balah", AREA)  # one proposal, not one per sector
    assert _run(data_copy, "review", "--accept", proposal["id"]) == 0
    _assert_one_site_claim(data_copy)


def test_a_reviewer_moving_the_site_to_one_sector_makes_a_plain_sector_claim(data_copy: ProjectPaths,
                                                                              article: Path, capsys) -> None:
    assert _run(data_copy, "ingest", str(article), "--date", "2026-02-20") == 0
    proposals = proposals_path_for(data_copy.claims)
    [proposal] = [p for p in pending(proposals) if p.nation == "Egypt"]
    claim = accept(proposal.id, data_copy.claims, proposals, {"sector": "khan-yunis"}, seeds=data_copy.seeds,
                   sectors=data_copy.sectors)
    assert (claim.sector, claim.area) == ("khan-yunis", [])  # no area left that would not start with its sector
    [raw] = _egypt_claims(data_copy)
    assert "area" not in raw
    assert claim.id in [c.id for c in load_project(data_copy).view().by_id()["khan-yunis"].claims]


def test_accepting_in_the_window_makes_one_site_claim_drawn_on_the_edge(qtbot, window_on_copy, data_copy,
                                                                          article) -> None:
    window = window_on_copy
    summary = window.add_articles([article])
    assert summary.error is None and not summary.refused
    [card] = [c for c in window.proposals.proposal_rows() if c.item.nation == "Egypt"]
    assert "between Deir al-Balah and Khan Yunis" in window.proposals.card_text(card.item.id)
    click_row(qtbot, window.proposals.list, card)
    qtbot.mouseClick(window.proposals.accept_button, Qt.MouseButton.LeftButton)

    _assert_one_site_claim(data_copy)
    assert tuple(AREA) in window.canvas.artists.sites and window.canvas.artists.sites[tuple(AREA)].get_visible()
    # a click on the band itself (the middle of the shared edge), or on either sector, lists the site claim,
    # worded as a site between the two
    sectors = window.project.sectors.by_id()
    middle = shared_edge(sectors[AREA[0]], sectors[AREA[1]]).interpolate(0.5, normalized=True)
    places = [(middle.x, middle.y), *(sectors[s].label_point for s in AREA)]
    for (lon, lat), wanted in zip(places, [set(AREA), {AREA[0]}, {AREA[1]}], strict=True):
        qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=window.canvas.data_to_widget(lon, lat))
        assert window.state.selected in wanted
        text = window.evidence.plain_text()
        assert "Egypt — at one site between Deir al-Balah and Khan Yunis (reported)" in text, text
        assert SITE_SENTENCE in text


def test_accept_refuses_a_site_between_sectors_that_share_no_edge(data_copy: ProjectPaths, article: Path) -> None:
    from mapview.ingest.review import ReviewError

    assert _run(data_copy, "ingest", str(article), "--date", "2026-02-20") == 0
    proposals = proposals_path_for(data_copy.claims)
    doc = json.loads(proposals.read_text(encoding="utf-8"))
    [raw] = [p for p in doc["claims"] if p["nation"] == "Egypt"]
    raw["sector"], raw["area"] = "rafah", ["rafah", "gaza-city"]  # as a hand-edited file might say
    proposals.write_text(json.dumps(doc), encoding="utf-8")
    before = data_copy.claims.read_bytes()
    with pytest.raises(ReviewError, match="share no edge"):
        accept(raw["id"], data_copy.claims, proposals, seeds=data_copy.seeds, sectors=data_copy.sectors)
    assert data_copy.claims.read_bytes() == before
