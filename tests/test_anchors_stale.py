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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "bc", " ", "  ", "\n", "\r\n", "\t", "\x0b", "\x1c", "."]), max_size=40))
def test_the_vectorised_map_of_long_ascii_text_gives_the_same_offsets_as_the_character_map(pieces: list[str]) -> None:
    from mapview.data.anchors import _ASCII_SPACES, _normalise_spaced_vectorised

    raw = "".join(pieces)
    fast, slow = _normalise_spaced_vectorised(raw.translate(_ASCII_SPACES)), _normalise_by_character(raw)
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


# --- the article's k-gram index (issue #23): one per article per load, the same answers as one scan per quote

@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["ab", "a", "b", " ", "é", "\U0001f600", "\x00", "\ud800", "Kosovo "]),
                max_size=120),
       st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=40))
def test_the_index_finds_every_occurrence_a_scan_finds(pieces: list[str], where: int, extra: int) -> None:
    from mapview.data.anchors import MIN_INDEXED, GramIndex, _all_positions

    text = "".join(pieces)
    if len(text) < MIN_INDEXED:
        return
    start = where % (len(text) - MIN_INDEXED + 1)
    piece = text[start:start + MIN_INDEXED + extra]  # from the text (found at least once), or cut by its end
    index = GramIndex(text)
    assert index.find_all(piece) == _all_positions(text, piece)
    other = piece[::-1]  # usually nowhere, sometimes somewhere
    if len(other) >= MIN_INDEXED:
        assert index.find_all(other) == _all_positions(text, other)
    assert index.find_all(piece[:-1] + "\u0416") == _all_positions(text, piece[:-1] + "\u0416")  # not Latin-1


def _edits(text: str, anchors: list[TextAnchor], rng: random.Random) -> str:
    """Stale positions and some damage: a paragraph added at the top, words changed next to some quotes, and a
    stretch repeated (so that some contexts stand twice)."""
    edited = text
    for anchor in rng.sample(anchors, 12):
        at = anchor.end + rng.randrange(1, 20)
        edited = edited[:at] + "really " + edited[at:]
    cut = rng.randrange(len(edited) - 400)
    edited = edited + " " + edited[cut:cut + 400]
    return "A new first paragraph was added.\n\n" + edited


def test_the_index_gives_the_answers_of_one_scan_per_quote(monkeypatch) -> None:
    from mapview.data import anchors as anchoring

    for seed in range(6):
        rng = random.Random(seed)
        text = _article(rng, 300)
        long_quotes = [make_anchor(text, s, s + rng.randrange(30, 90)) for s in rng.sample(range(len(text) - 90), 8)]
        ends = [make_anchor(text, 0, 12), make_anchor(text, len(text) - 15, len(text) - 2)]
        quotes = _short_quotes(text, rng, 30) + long_quotes + ends
        edited = _edits(text, quotes, rng)
        monkeypatch.setattr(anchoring, "INDEX_MIN_CHARS", 10**9)
        anchoring.normalise_cached.cache_clear()
        scanned = [resolve(edited, a) for a in quotes]
        monkeypatch.setattr(anchoring, "INDEX_MIN_CHARS", 0)
        anchoring.normalise_cached.cache_clear()
        indexed = [resolve(edited, a) for a in quotes]
        assert anchoring.normalise_cached(edited).index  # the index answered
        assert indexed == scanned
        assert {r.status for r in indexed} >= {"relocated"}
        for anchor, result in zip(quotes, indexed, strict=True):
            if edited[anchor.start:anchor.end] != anchor.exact:
                assert result == _old_resolve(edited, anchor)


def test_one_index_per_article_is_built_and_shared_by_all_its_stale_quotes(monkeypatch) -> None:
    from mapview.data import anchors as anchoring

    built = []
    real_init = anchoring.GramIndex.__init__

    def counted(self, folded: str) -> None:
        built.append(len(folded))
        real_init(self, folded)

    monkeypatch.setattr(anchoring.GramIndex, "__init__", counted)
    rng = random.Random(11)
    text = _article(rng, 5000)
    assert len(text) > anchoring.INDEX_MIN_CHARS
    anchors = _short_quotes(text, rng, 40)
    anchoring.normalise_cached.cache_clear()
    assert all(resolve(text, a).status == "exact" for a in anchors)
    assert built == []  # positions that hold need no index
    edited = "A new first paragraph was added.\n\n" + text
    results = [resolve(edited, a) for a in anchors]
    assert sum(r.status == "relocated" for r in results) >= 35
    assert built == [len(normalise(edited).text)]  # once, for the edited article
    short = "Intro. " + text[:5000]
    resolve(short, make_anchor(text, 2000, 2010))
    assert len(built) == 1  # a short article is scanned, not indexed
