"""Stale positions: a short quote whose stored offsets no longer hold is re-found from its context in one scan of
the article's index, with the same answer as scoring every occurrence (the rule before), and never on a look-alike."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mapview.data.anchors import (
    AnchorResult,
    TextAnchor,
    _normalise_by_character,
    _resolve_by_scoring,
    make_anchor,
    normalise,
    resolve,
)

# characters that fold: runs and kinds of whitespace, invisible ones, curly quotes and dashes, plus plain letters
PIECES = ["a", "b", "Kosovo", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u200b", "\u00ad", "\u2019", "\u201c",
          "\u2014", "é", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_segment_map_gives_the_same_offsets_as_the_character_map(pieces: list[str]) -> None:
    raw = "".join(pieces)
    fast, slow = normalise(raw), _normalise_by_character(raw)
    assert fast.text == slow.text
    assert [fast.raw_start[i] for i in range(len(fast.text))] == list(slow.raw_start)
    assert [fast.raw_end[i] for i in range(len(fast.text))] == list(slow.raw_end)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "bc", " ", "  ", "\n", "\r\n", "\t", "\x0b", "\x1c", "."]), max_size=40))
def test_ascii_map_gives_the_same_offsets_as_the_character_map(pieces: list[str]) -> None:
    raw = "".join(pieces)
    fast, slow = normalise(raw), _normalise_by_character(raw)
    assert fast.text == slow.text
    assert [fast.raw_start[i] for i in range(len(fast.text))] == list(slow.raw_start)
    assert [fast.raw_end[i] for i in range(len(fast.text))] == list(slow.raw_end)


def _article(rng: random.Random, sentences: int) -> str:
    words = ["the", "force", "could", "lead", "sector", "north",
             "gaza", "kosovo", "troops", "said", "officials", "report"]
    out = []
    for i in range(sentences):
        out.append(" ".join(rng.choice(words) for _ in range(8)) + (f" ({i})." if i % 3 else "."))
        out.append("\n\n" if i % 5 == 0 else " ")
    return "".join(out)


def _short_quotes(text: str, rng: random.Random, count: int) -> list[TextAnchor]:
    """Two-word quotes (each occurs hundreds of times) anchored at random places."""
    anchors = []
    while len(anchors) < count:
        start = text.find(" ", rng.randrange(len(text) - 80)) + 1
        end = text.find(" ", text.find(" ", start) + 1)
        if end > start and re.fullmatch(r"[a-z]+ [a-z]+", text[start:end]):
            anchors.append(make_anchor(text, start, end))
    return anchors


def _old_resolve(text: str, anchor: TextAnchor) -> AnchorResult:
    """The rule before: every occurrence scored by its context, on the per-character index."""
    return _resolve_by_scoring(_normalise_by_character(text), anchor)


def test_stale_short_quotes_are_refound_as_by_scoring_every_occurrence() -> None:
    rng = random.Random(5)
    text = _article(rng, 3000)
    anchors = _short_quotes(text, rng, 60)
    assert all(text.count(a.exact) > 20 for a in anchors)  # short quotes: many look-alikes each
    edited = "A new first paragraph was added.\n\n" + text  # every stored position is now stale
    shift = len("A new first paragraph was added.\n\n")
    stale = [a for a in anchors if edited[a.start:a.end] != a.exact]  # (the same words at the old offsets are
    assert len(stale) > 50                                            # taken by position first, as always)
    for anchor in stale:
        ours = resolve(edited, anchor)
        assert ours == _old_resolve(edited, anchor)
        assert ours.status == "relocated"
        assert (ours.start, ours.end) == (anchor.start + shift, anchor.end + shift)  # the very same words


def test_a_look_alike_is_never_chosen_when_the_quoted_words_changed() -> None:
    rng = random.Random(9)
    text = _article(rng, 1500)
    anchor = _short_quotes(text, rng, 1)[0]
    # the quoted words are rewritten where the passage stood; the same two words stand elsewhere in other contexts
    edited = "Intro.\n" + text[:anchor.start] + "Albania declined" + text[anchor.end:]
    assert edited.count(anchor.exact) > 20
    result = resolve(edited, anchor)
    assert result == _old_resolve(edited, anchor)
    assert not result.found or edited[result.start:result.end] == anchor.exact
    if result.found:  # only when one occurrence alone carries part of the old context, as the rule always allowed
        assert result.status == "relocated"


def test_two_places_with_the_whole_context_are_broken_not_a_guess() -> None:
    sentence = ("According to two officials briefed on the plan, Kosovo could lead the northern sector, "
                "officials said on Monday.")  # 32 characters of the same context on each side, twice
    text = f"Intro. {sentence} Middle part. {sentence} End."
    start = text.index("Kosovo could lead")
    anchor = make_anchor(text, start, start + len("Kosovo could lead"))
    edited = "Added. " + text
    result = resolve(edited, anchor)
    assert result.status == "broken"
    assert result == _old_resolve(edited, anchor)


def test_context_edited_around_the_quote_falls_back_to_scoring() -> None:
    text = "Alpha says yes. Beta says yes. Gamma says yes."
    start = text.index("says yes", text.index("Beta"))
    anchor = make_anchor(text, start, start + len("says yes"))
    edited = "Intro. " + text.replace(". Gamma", ", and Gamma")  # the suffix changed, the prefix still holds
    result = resolve(edited, anchor)
    assert result == _old_resolve(edited, anchor)
    assert result.status == "relocated" and edited[result.start - 5:result.start] == "Beta "
