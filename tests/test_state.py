"""The evented state without a window: one consistent update per change, and the open passage follows it."""

from __future__ import annotations

from datetime import date

from mapview.data.project import Project
from mapview.state import NATION, SECTOR, AppState, ClosedPassage, OpenPassage, nation_claims, sector_claims

KOSOVO_QUOTE = "Kosovo could be responsible for Northern Gaza"  # article 000, dated ≈ 2026


def kosovo_passage(state: AppState):
    return next(e for c in sector_claims(state.view, "north-gaza") for e in c.evidence if KOSOVO_QUOTE in e.text)


def record(state: AppState) -> list[tuple[str, object]]:
    """Every signal the state emits, in order, with what the state says at that moment about the passage."""
    seen: list[tuple[str, object]] = []
    for name in ("project_changed", "view_changed", "selected_changed", "emphasised_changed", "passage_changed"):
        getattr(state, name).connect(lambda value, name=name: seen.append((name, value)))
    return seen


def test_an_as_of_change_recomputes_the_view_once_and_keeps_the_selection(project: Project) -> None:
    state = AppState(project)
    state.select("north-gaza")
    seen = record(state)
    state.set_as_of(date(2025, 12, 31))
    assert [name for name, _ in seen] == ["view_changed"]
    assert state.view.as_of == date(2025, 12, 31) and state.selected == "north-gaza"
    assert state.selected_view.lead is None  # Kosovo is named only in article 000 (≈ 2026)
    state.set_as_of(date(2025, 12, 31))
    assert len(seen) == 1  # no change, no signal


def test_the_open_passage_closes_when_its_sector_is_deselected_and_says_why(project: Project) -> None:
    state = AppState(project)
    state.select("north-gaza")
    state.open(kosovo_passage(state), SECTOR)
    assert isinstance(state.passage, OpenPassage)
    seen = record(state)
    passage_at_selection: list[object] = []
    state.selected_changed.connect(lambda _sid: passage_at_selection.append(state.passage))
    state.select("gaza-city")
    assert [name for name, _ in seen] == ["selected_changed", "passage_changed"]
    # Subscribers to the selection already read a closed passage: there is no moment of a stale one.
    assert isinstance(passage_at_selection[0], ClosedPassage)
    assert "North Gaza" in state.passage.note and "no longer selected" in state.passage.note


def test_the_open_passage_closes_when_the_as_of_day_filters_its_article_out(project: Project) -> None:
    state = AppState(project)
    state.select("north-gaza")
    state.open(kosovo_passage(state), SECTOR)
    state.set_as_of(date(2026, 12, 31))
    assert isinstance(state.passage, OpenPassage)  # ≈ 2026 counts from its earliest day
    state.set_as_of(date(2025, 12, 31))
    assert isinstance(state.passage, ClosedPassage) and "2025-12-31" in state.passage.note


def test_a_passage_not_listed_beside_the_selection_is_refused(project: Project) -> None:
    state = AppState(project)
    evidence = kosovo_passage(state)
    state.select("gaza-city")
    state.open(evidence, SECTOR)
    assert state.passage is None


def test_a_nation_passage_follows_the_nation_not_the_sector(project: Project) -> None:
    state = AppState(project)
    state.emphasise("Kosovo")
    assert state.emphasised_sectors == {"north-gaza"}
    evidence = nation_claims(state.view, "Kosovo")[0].evidence[0]
    state.open(evidence, NATION)
    state.select("rafah")
    assert isinstance(state.passage, OpenPassage)
    state.emphasise("Albania")
    assert isinstance(state.passage, ClosedPassage) and "Kosovo" in state.passage.note


def test_a_reload_re_points_the_passage_and_drops_what_no_longer_exists(project: Project) -> None:
    state = AppState(project)
    state.select("north-gaza")
    state.emphasise("Kosovo")
    state.open(kosovo_passage(state), SECTOR)
    old = state.open_passage.evidence
    seen = record(state)
    from mapview.data.project import load_project

    state.set_project(load_project(project.paths))
    assert [name for name, _ in seen] == ["project_changed", "view_changed", "passage_changed"]
    assert state.selected == "north-gaza" and state.emphasised == "Kosovo"
    assert state.open_passage.evidence is not old and state.open_passage.evidence.text == old.text
    assert "reloaded" in state.open_passage.note


def test_reset_clears_everything(project: Project) -> None:
    state = AppState(project)
    state.select("north-gaza")
    state.set_as_of(date(2026, 3, 1))
    state.emphasise("Kosovo")
    state.reset()
    assert (state.as_of, state.selected, state.emphasised, state.passage) == (None, None, None, None)
