"""A long list makes its rows when they are shown: closed nation groups and pages of claims make theirs when opened
or looked into, and the rows made are the same, in the same order, as listing everything at once."""

from __future__ import annotations

import pytest

from benchmarks.bench_scale import build_project
from mapview import outline as outline_module
from mapview.data.grouping import group_by_nation
from mapview.data.project import load_project
from mapview.outline import CLAIM, GROUP, PAGE, PASSAGE, build_outline, sort_claims
from mapview.state import nation_claims, passage_key
from tests.conftest import DATA


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """A synthetic contested project of 60 articles / 600 claims (built in a temp folder)."""
    project = load_project(build_project(tmp_path_factory.mktemp("lazy"), articles=60, source=DATA))
    view = project.view()
    return project, view, max(view.sectors, key=lambda v: len(v.claims))


def test_a_contested_sector_makes_only_its_group_rows_until_one_is_opened(synthetic, monkeypatch) -> None:
    _project, view, sector = synthetic
    monkeypatch.setattr(outline_module, "PAGE_SIZE", 5)
    outline = build_outline(sector.claims, view, None)
    groups = [r for r in outline.top if r.kind == GROUP]
    assert len(groups) > 3 and len(sector.claims) > 80
    assert all(r.kind != CLAIM for r in outline.rows)  # nothing under a closed group is made yet
    made = len(outline.rows)
    # Walking every row makes them all, in the order the groups and pages list them.
    expected = []
    for group in group_by_nation(sector.claims):
        claims = sort_claims(group.claims, "grouped")
        expected += [("group", group.nation)]
        for first in range(0, len(claims), 5):
            expected += [("page", first)]
            for claim in claims[first:first + 5]:
                expected += [("claim", claim.id)] + [("passage", passage_key(e)) for e in claim.evidence]
    walked = []
    pages = {}
    for row in outline.walk():
        if row.kind == GROUP:
            walked.append(("group", row.group.nation))
        elif row.kind == PAGE:
            pages[row.parent.uid] = pages.get(row.parent.uid, -5) + 5
            walked.append(("page", pages[row.parent.uid]))
        elif row.kind == CLAIM:
            walked.append(("claim", row.claim.id))
        elif row.kind == PASSAGE:
            walked.append(("passage", passage_key(row.evidence)))
    assert [w for w in walked if w[0] != "note"] == expected
    assert len(outline.rows) > made


def test_a_claim_looked_for_makes_only_the_group_and_page_that_list_it(synthetic, monkeypatch) -> None:
    _project, view, sector = synthetic
    monkeypatch.setattr(outline_module, "PAGE_SIZE", 5)
    outline = build_outline(sector.claims, view, None)
    last_group = group_by_nation(sector.claims)[-1]
    wanted = sort_claims(last_group.claims, "grouped")[-1]
    card = outline.claim_rows[wanted.id]
    assert card.claim is wanted and card.parent.kind == PAGE and card.parent.parent.group == last_group
    made_claims = [r for r in outline.rows if r.kind == CLAIM]
    assert len(made_claims) <= 5  # one page of one group
    key = passage_key(wanted.evidence[0])
    assert outline.passage_row(lambda e: passage_key(e) == key).owner is card
    assert outline.claim_rows.get("no-such-claim") is None


def test_a_long_single_nation_list_is_paged(synthetic, monkeypatch) -> None:
    _project, view, _sector = synthetic
    monkeypatch.setattr(outline_module, "PAGE_SIZE", 5)
    claims = [c for c in nation_claims(view, "Kosovo") if c.nation == "Kosovo"]
    outline = build_outline(claims, view, None)
    pages = [r for r in outline.top if r.kind == PAGE]
    assert len(pages) == -(-len(claims) // 5)
    assert pages[0].text == f"Claims 1–5 of {len(claims)}"
    assert not any(r.kind == CLAIM for r in outline.rows)
    assert [r.claim.id for r in pages[1].children if r.kind == CLAIM] == [c.id for c in claims[5:10]]


@pytest.mark.parametrize("typed", ["kosovo", "nation:kaz", "status:spec  gaza", "gaza nation:alb", "could be r"])
def test_typing_narrows_and_keeps_what_the_filter_alone_keeps(synthetic, typed) -> None:
    _project, _view, sector = synthetic
    for end in range(1, len(typed) + 1):  # each key, then back to the start as a user deleting everything would
        query = typed[:end]
        expected = [c for c in sector.claims if outline_module.claim_matches(c, outline_module.parse_query(query))]
        assert outline_module.filter_claims(sector.claims, query) == expected, query
    for query in ("nation:kosovo", "nation", "kosovo", "k"):  # a word becoming a key (or less) is not narrower
        expected = [c for c in sector.claims if outline_module.claim_matches(c, outline_module.parse_query(query))]
        assert outline_module.filter_claims(sector.claims, query) == expected, query
