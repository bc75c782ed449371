"""The position selector holds only with its context: when an edit slides other words that read the same under a
passage's stored offsets, the occurrence its prefix/suffix single out is the passage (issue #23)."""

from __future__ import annotations

import json

from mapview.data.anchors import make_anchor, resolve
from mapview.data.project import ProjectPaths, load_project

QUOTE = "Kosovo could lead"
SAID = "Officials said on Monday that Kosovo could lead the northern sector.\n"
DENIED = "An aide denied on Friday that Kosovo could lead any sector at all.\n"  # the same words, the same offset


def _said_anchor():
    start = SAID.index(QUOTE)
    return make_anchor(SAID, start, start + len(QUOTE))


def test_the_same_words_slid_under_the_old_offsets_do_not_take_the_passage() -> None:
    anchor = _said_anchor()
    edited = DENIED + SAID  # an update paragraph added at the top
    assert edited[anchor.start:anchor.end] == QUOTE  # the stale offsets land on the same words, in the denial
    result = resolve(edited, anchor)
    assert result.status == "relocated"
    assert (result.start, result.end) == (anchor.start + len(DENIED), anchor.end + len(DENIED))
    assert edited[:result.start].endswith("Officials said on Monday that ")
    assert "another context" in result.message


def test_the_position_still_holds_when_its_context_differs_only_in_typography() -> None:
    anchor = _said_anchor()
    retyped = SAID.replace("Officials said on Monday", "Officials said\u00a0on\u00a0Monday")  # same length
    result = resolve(retyped, anchor)
    assert (result.status, result.start, result.end) == ("exact", anchor.start, anchor.end)


def test_the_position_holds_when_the_context_was_edited_and_nothing_else_matches_better() -> None:
    anchor = _said_anchor()
    edited = SAID.replace("on Monday", "on Sunday").replace("northern", "southern")  # both sides edited, once
    result = resolve(edited, anchor)
    assert (result.status, result.start, result.end) == ("exact", anchor.start, anchor.end)
    elsewhere = edited + "Later an aide denied that Kosovo could lead anything.\n"  # no context there either
    assert resolve(elsewhere, anchor).status == "exact"


def test_the_position_holds_a_tie_with_part_of_its_context() -> None:
    anchor = _said_anchor()
    edited = SAID.replace("northern", "southern") + "Officials said on Monday that Kosovo could lead talks.\n"
    # the stored place keeps its prefix, so does the other one: the position breaks the tie
    result = resolve(edited, anchor)
    assert (result.status, result.start) == ("exact", anchor.start)


def test_two_other_places_with_the_whole_context_leave_the_passage_broken_not_beside_the_denial() -> None:
    anchor = _said_anchor()
    edited = DENIED + SAID + "Repeated: " + SAID
    assert edited[anchor.start:anchor.end] == QUOTE
    result = resolve(edited, anchor)
    assert result.status == "broken" and result.start is None
    assert "do not single out" in result.message


def test_a_claim_whose_article_gained_such_a_paragraph_shows_the_passage_it_quoted(data_copy: ProjectPaths) -> None:
    """Through the project load: the evidence points at the quoted sentence, and verify's warning says why."""
    doc = json.loads(data_copy.claims.read_text(encoding="utf-8"))
    evidence = doc["claims"][0]["evidence"][1]
    quote, position = evidence["selector"]
    seed = data_copy.seeds / evidence["source"]
    text = seed.read_text(encoding="utf-8")
    start = position["start"]
    assert text[start:position["end"]] == quote["exact"] and quote["prefix"]  # a passage with a stored prefix
    note = ("Correction: an earlier version misquoted analysts. " * (start // 40 + 1))[:start]
    update = note + quote["exact"] + " That is what an earlier version wrongly reported.\n\n"
    seed.write_text(update + text, encoding="utf-8")  # the same sentence at the old offsets, in another context
    project = load_project(data_copy)
    shown = project.claims.by_id()[doc["claims"][0]["id"]].evidence[1]
    assert shown.result.status == "relocated"
    assert (shown.result.start, shown.result.end) == (start + len(update), position["end"] + len(update))
    warning = next(p for p in project.problems if "another context" in p.message)
    assert warning.severity == "warning" and "selector is out of date" in warning.message
