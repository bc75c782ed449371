"""Anchoring: passages are re-found by position, then by quote, robust to typography, never mis-anchored."""

from __future__ import annotations

import pytest

from mapview.data.anchors import (
    TextAnchor,
    anchor_quote,
    make_anchor,
    normalise,
    resolve,
    selectors_to_anchor,
)

ARTICLE = (
    "Kosovo may assume a significant security role in the northern sector. "
    "According to reports, Albania may be responsible for the Deir al-Balah sector.\n"
    "Rubio described it as a founding\u00a0member of the \u201cPeace Board\u201d.\u00a0\n"
)


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def test_exact_position_is_verified_verbatim() -> None:
    start, end = _span(ARTICLE, "Albania may be responsible for the Deir al-Balah sector.")
    result = resolve(ARTICLE, make_anchor(ARTICLE, start, end))
    assert (result.status, result.start, result.end) == ("exact", start, end)


def test_moved_text_is_relocated_to_the_same_words() -> None:
    start, end = _span(ARTICLE, "Albania may be responsible for the Deir al-Balah sector.")
    anchor = make_anchor(ARTICLE, start, end)
    edited = "EDITOR'S NOTE: updated.\n\n" + ARTICLE
    result = resolve(edited, anchor)
    assert result.status == "relocated"
    assert edited[result.start:result.end] == "Albania may be responsible for the Deir al-Balah sector."


def test_deleted_text_is_broken_not_guessed() -> None:
    start, end = _span(ARTICLE, "Albania may be responsible for the Deir al-Balah sector.")
    anchor = make_anchor(ARTICLE, start, end)
    edited = ARTICLE.replace("Albania may be responsible for the Deir al-Balah sector.", "")
    result = resolve(edited, anchor)
    assert result.status == "broken" and result.start is None


def test_look_alike_sentence_is_not_a_match() -> None:
    """A fuzzy re-match would show a claim no source makes: Kosovo is not Albania."""
    start, end = _span(ARTICLE, "Albania may be responsible for the Deir al-Balah sector.")
    anchor = make_anchor(ARTICLE, start, end)
    edited = ARTICLE.replace("Albania may be responsible", "Kosovo may be responsible")
    assert resolve(edited, anchor).status == "broken"


def test_curly_quotes_and_no_break_spaces_match_straight_typing() -> None:
    typed = 'a founding member of the "Peace Board".'  # ASCII quotes, ordinary space
    anchor = TextAnchor(exact=typed, prefix="", suffix="", start=0, end=len(typed))
    result = resolve(ARTICLE, anchor)
    assert result.found
    raw = ARTICLE[result.start:result.end]
    assert raw == "a founding\u00a0member of the \u201cPeace Board\u201d."  # raw offsets, raw characters


def test_whitespace_runs_fold_and_map_back_to_raw_offsets() -> None:
    text = "first line\n\n\n   second\u00a0\u00a0line"
    norm = normalise(text)
    assert norm.text == "first line second line"
    second = norm.text.index("second")
    assert text[norm.raw_start[second]:norm.raw_start[second] + 6] == "second"


def test_repeated_quote_is_disambiguated_by_context() -> None:
    text = "Alpha says yes. Beta says yes. Gamma says yes."
    anchor = anchor_quote(text, "says yes", occurrence=1)
    assert anchor.prefix.endswith("Beta ")
    moved = "Intro. " + text
    result = resolve(moved, anchor)
    assert result.status == "relocated"
    assert moved[result.start - 5:result.start] == "Beta "


def test_repeated_quote_without_telling_context_is_broken() -> None:
    anchor = TextAnchor(exact="says yes", prefix="", suffix="", start=999, end=1007)
    result = resolve("Alpha says yes. Beta says yes.", anchor)
    assert result.status == "broken"
    assert "2 times" in result.message


def test_position_pointing_at_other_words_falls_back_to_quote() -> None:
    start, end = _span(ARTICLE, "Kosovo may assume")
    anchor = TextAnchor("Kosovo may assume", "", "", start + 3, end + 3)
    result = resolve(ARTICLE, anchor)
    assert result.found and ARTICLE[result.start:result.end] == "Kosovo may assume"


def test_empty_exact_is_broken() -> None:
    assert resolve(ARTICLE, TextAnchor(" ", "", "", 0, 1)).status == "broken"


def test_selector_round_trip_and_validation() -> None:
    anchor = make_anchor(ARTICLE, 0, 6)
    assert selectors_to_anchor(anchor.to_selectors()) == anchor
    with pytest.raises(ValueError, match="TextPositionSelector"):
        selectors_to_anchor([{"type": "TextQuoteSelector", "exact": "Kosovo"}])
    with pytest.raises(ValueError, match="start < end"):
        selectors_to_anchor([{"type": "TextQuoteSelector", "exact": "x"},
                             {"type": "TextPositionSelector", "start": 5, "end": 2}])
    with pytest.raises(ValueError, match="unknown selector"):
        selectors_to_anchor([{"type": "XPathSelector"}])


def test_make_anchor_rejects_spans_outside_the_text() -> None:
    with pytest.raises(ValueError):
        make_anchor("short", 2, 50)


def test_a_short_stale_quote_among_thousands_of_look_alikes_is_singled_out_by_its_context() -> None:
    """Issue #14: short quotes with stale positions in a long article (2,000 look-alikes) re-anchor by prefix and
    suffix to the one place they stand, and an ambiguous one stays broken."""
    from mapview.data.anchors import make_anchor, resolve, selectors_to_anchor

    text = "Lorem ipsum dolor sit amet, " * 2000
    cut = len(text) // 2
    text = text[:cut] + " marker-7 " + text[cut:]
    start = text.index(" marker-7 ") + len(" marker-7 ")
    selectors = make_anchor(text, start, start + 11).to_selectors()
    assert selectors[0]["exact"] == "Lorem ipsum"
    selectors[1]["start"] += 3
    selectors[1]["end"] += 3
    result = resolve(text, selectors_to_anchor(selectors))
    assert (result.status, result.start) == ("relocated", start)
    selectors[0]["prefix"], selectors[0]["suffix"] = "dolor sit amet, ", " dolor sit amet,"
    assert resolve(text, selectors_to_anchor(selectors)).status == "broken"
