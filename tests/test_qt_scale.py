"""At scale the window does the work of what is on screen: a hidden nations list is made when it is looked at,
and a long sector list makes the rows of the nation group the user opens, its first page open."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from benchmarks.bench_scale import build_project
from mapview import outline as outline_module
from mapview import wording
from mapview.data.project import load_project
from mapview.outline import CLAIM, GROUP, PAGE
from tests.conftest import DATA
from tests.test_qt_window import open_window


@pytest.fixture(scope="module")
def synthetic_project(tmp_path_factory):
    """1,000 articles / 10,000 claims, five contested sectors (about 2,000 claims each, eight nations)."""
    return load_project(build_project(tmp_path_factory.mktemp("scale"), articles=1000, source=DATA))


def test_a_hidden_nations_list_is_made_when_looked_at_and_lists_the_new_day(qtbot, synthetic_project,
                                                                            monkeypatch) -> None:
    window = open_window(qtbot, synthetic_project)
    window.evidence_dock.raise_()  # the Nations tab is behind it
    summed = []
    real = wording.nation_summaries
    monkeypatch.setattr(wording, "nation_summaries", lambda view: summed.append(view) or real(view))
    window.set_as_of(date(2026, 3, 1))
    assert summed == []  # nobody looks at the nations: a day change does not sum them up
    day_view = window.state.view
    names = [window.nations.list.item(i).text() for i in range(window.nations.list.count())]  # looked at
    assert summed == [day_view]
    assert names == [s.line({v.sector.id: v.sector.name for v in day_view.sectors}) for s in real(day_view)]
    window.set_as_of(date(2026, 4, 1))
    window.nations_dock.raise_()  # its tab raised: listed at once
    assert summed[-1] is window.state.view
    window.nations.select_nation("Kosovo")
    assert window.state.emphasised == "Kosovo" and window.nations.passage_rows()


def test_opening_a_nation_group_makes_its_rows_with_its_first_page_open(qtbot, synthetic_project) -> None:
    window = open_window(qtbot, synthetic_project)
    view = window.state.view
    worst = max(view.sectors, key=lambda v: len(v.claims))
    window.select_sector(worst.sector.id)
    listing = window.evidence.list
    outline = listing.model().outline
    assert not any(r.kind == CLAIM for r in outline.rows)  # closed groups: no card made yet
    group = next(r for r in outline.top if r.kind == GROUP and len(r.group.claims) > 200)
    # a click on the nation's line opens it
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=listing.point_of(group))
    assert listing.isExpanded(listing.model().index_of(group))
    pages = [r for r in group.children if r.kind == PAGE]
    assert pages and pages[0].text.startswith("Claims 1–200 of ")
    assert listing.isExpanded(listing.model().index_of(pages[0]))  # the first page shows its claims
    assert not listing.isExpanded(listing.model().index_of(pages[1]))
    made = [r for r in outline.rows if r.kind == CLAIM]
    assert 0 < len(made) <= 200  # one page of cards, not the group's


def test_the_listed_claims_filter_text_is_prepared_in_idle_steps(qtbot, synthetic_project) -> None:
    window = open_window(qtbot, synthetic_project)
    worst = max(window.state.view.sectors, key=lambda v: len(v.claims))
    window.select_sector(worst.sector.id)
    listing = window.evidence.list
    assert listing.preparing.isActive()  # not done inside the click
    qtbot.waitUntil(lambda: not listing.preparing.isActive())
    assert all("_searched_text" in c.__dict__ for c in worst.claims)  # worded before any key is typed
    assert outline_module.filter_claims(worst.claims, "kosovo")
