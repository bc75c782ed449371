"""Property-based tests of the loaders and of anchoring: generated input never raises, never drops silently,
and a passage is only ever re-found as the same text.

Each property runs twice: ~50 examples in the normal suite, and thousands under ``pytest -m slow``
(more than 10,000 generated inputs in total).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mapview.data.anchors import TextAnchor, make_anchor, normalise, normalised_equal, resolve
from mapview.data.claims import parse_claim, parse_claims
from mapview.data.nations import is_known_nation
from mapview.data.problems import Problem
from mapview.data.sectors import parse_sectors
from mapview.data.sources import Source, read_article

_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
           HealthCheck.function_scoped_fixture]


def fast() -> Callable:
    """Settings for the normal suite."""
    return settings(max_examples=50, deadline=None, database=None, suppress_health_check=_HEALTH)


def slow(examples: int) -> Callable:
    """Settings for ``make test-slow``."""
    return settings(max_examples=examples, deadline=None, database=None, suppress_health_check=_HEALTH)


# ---------------------------------------------------------------- strategies

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(min_value=10**300, max_value=10**310)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
NUMBER = st.one_of(
    st.floats(min_value=-200, max_value=200), st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-300, 300), st.integers(min_value=10**300, max_value=10**310), st.booleans(), st.text(max_size=3))
POSITION = st.lists(NUMBER, min_size=0, max_size=4)
SECTOR_IDS = st.sampled_from(["north-gaza", "gaza-city", "deir-al-balah", "khan-yunis", "rafah", "", " ", "x"])


@st.composite
def rings(draw: st.DrawFn) -> list[list[float]]:
    """Closed rings: rectangles near Gaza, anywhere on Earth, swapped, or random (often self-intersecting)."""
    kind = draw(st.sampled_from(["gaza", "anywhere", "swapped", "random"]))
    if kind == "random":
        points = draw(st.lists(st.tuples(st.floats(34.0, 34.6), st.floats(31.2, 31.6)), min_size=0, max_size=7))
        return [list(p) for p in points] + ([list(points[0])] if points and draw(st.booleans()) else [])
    if kind == "gaza":
        x, y = draw(st.floats(34.0, 34.6)), draw(st.floats(31.1, 31.7))
    elif kind == "swapped":
        x, y = draw(st.floats(31.2, 31.5)), draw(st.floats(34.2, 34.5))
    else:
        x, y = draw(st.floats(-179, 179)), draw(st.floats(-89, 89))
    w, h = draw(st.floats(0, 0.2)), draw(st.floats(0, 0.2))
    return [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]


COORDS = st.one_of(
    st.builds(lambda r: [r], rings()),
    st.builds(lambda r: [[r]], rings()),
    st.lists(st.lists(st.lists(POSITION, max_size=6), max_size=2), max_size=2),
    st.lists(POSITION, max_size=4), POSITION, JSON,
)
GEOMETRY = st.one_of(
    st.fixed_dictionaries({
        "type": st.sampled_from(["Polygon", "MultiPolygon", "Point", "LineString", "GeometryCollection", "polygon"]),
        "coordinates": COORDS}),
    JSON,
)
PROPERTIES = st.one_of(
    st.fixed_dictionaries({"id": st.one_of(SECTOR_IDS, JSON)}, optional={
        "name": st.one_of(st.text(max_size=10), JSON), "label_point": st.one_of(POSITION, JSON),
        "area_km2": st.one_of(st.floats(), st.integers(), JSON), "aliases": JSON}),
    JSON,
)
FEATURE = st.one_of(
    st.fixed_dictionaries({"type": st.just("Feature"), "properties": PROPERTIES, "geometry": GEOMETRY},
                          optional={"id": st.one_of(SECTOR_IDS, JSON)}),
    JSON,
)
SECTOR_DOC = st.one_of(
    st.fixed_dictionaries({"type": st.just("FeatureCollection"), "features": st.lists(FEATURE, max_size=6)},
                          optional={"crs": JSON, "attribution": JSON, "note": JSON}),
    JSON,
)

ALPHABET = st.sampled_from(list("abcKos ,.\n\t") + ["\u00a0", "\u2019", "'", "\u201c", '"', "\u2014", "-",
                                                   "\u00ad", "\u200b", "\u202e", "é", "\u0627", "  "])
TEXT = st.one_of(st.lists(ALPHABET, min_size=1, max_size=300).map("".join), st.text(min_size=1, max_size=200))

ARTICLE_TEXT = ("Kosovo may assume a significant security role in the northern sector.\n"
                "According to reports, Albania may be responsible for the Deir al-Balah sector.\u00a0\n"
                "Rubio described it as a founding member of the \u201cPeace Board\u201d.\n")
SOURCES = {
    "a.txt": Source("a.txt", Path("a.txt"), ARTICLE_TEXT, "a"),
    "unreadable.txt": Source("unreadable.txt", Path("unreadable.txt"), None, "unreadable"),
}
KNOWN_SECTORS = {"north-gaza", "deir-al-balah"}


@st.composite
def evidence(draw: st.DrawFn) -> object:
    """Evidence objects: true passages of the article, damaged ones, or junk."""
    kind = draw(st.sampled_from(["true", "shifted", "edited", "junk"]))
    if kind == "junk":
        return draw(JSON)
    start = draw(st.integers(0, len(ARTICLE_TEXT) - 1))
    end = draw(st.integers(start + 1, len(ARTICLE_TEXT)))
    anchor = make_anchor(ARTICLE_TEXT, start, end)
    if kind == "shifted":
        delta = draw(st.integers(-50, 50))
        anchor = TextAnchor(anchor.exact, anchor.prefix, anchor.suffix, max(0, start + delta),
                            max(0, start + delta) + (end - start))
    elif kind == "edited":
        anchor = TextAnchor(draw(TEXT), anchor.prefix, anchor.suffix, start, end)
    source = draw(st.sampled_from(["a.txt", "a.txt", "unreadable.txt", "missing.txt", "../../etc/passwd"]))
    return {"source": source, "selector": anchor.to_selectors()}


CLAIM = st.one_of(
    st.fixed_dictionaries(
        {"id": st.one_of(st.sampled_from(["c1", "c2", "c3", "c4", "Bad Id", "c1\n"]), JSON),
         "role": st.one_of(st.sampled_from(["lead", "troops", "police", "boss"]), JSON),
         "status": st.one_of(st.sampled_from(["confirmed", "reported", "speculative", "denied", "sure"]), JSON),
         "nation": st.one_of(st.sampled_from(["Kosovo", "Albania", "Atlantis", None]), JSON),
         "sector": st.one_of(st.sampled_from(["north-gaza", "deir-al-balah", "rafah", None]), JSON),
         "evidence": st.one_of(st.lists(evidence(), max_size=3), JSON)},
        optional={"figures": JSON, "note": JSON}),
    JSON,
)
CLAIMS_DOC = st.one_of(
    st.fixed_dictionaries({"schema": st.one_of(st.just("mapview-claims/1"), JSON),
                           "claims": st.lists(CLAIM, max_size=6)},
                          optional={"disagreements": st.one_of(
                              st.lists(st.fixed_dictionaries({"id": st.text(max_size=4), "claims": st.lists(
                                  st.one_of(st.sampled_from(["c1", "c2", "zz"]), JSON), max_size=3)}), max_size=3),
                              JSON)}),
    JSON,
)
ARTICLE_BYTES = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500).map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    st.text(max_size=500).map(lambda t: t.encode("utf-8", errors="replace")),
    st.text(alphabet=st.characters(max_codepoint=255), max_size=300).map(lambda t: t.encode("latin-1")),
)

# ---------------------------------------------------------------- checks


def _check_problems(problems: list[Problem], shown: str) -> None:
    for problem in problems:
        assert problem.file == shown and problem.severity in ("error", "warning") and problem.message
        assert "\n" not in str(problem)


def check_sectors(doc: object) -> None:
    """parse_sectors never raises; each feature is a sector or has exactly one error naming it."""
    layer, problems = parse_sectors(doc, "s.geojson")
    _check_problems(problems, "s.geojson")
    features = doc.get("features") if isinstance(doc, dict) and doc.get("type") == "FeatureCollection" else None
    if not isinstance(features, list):
        assert layer.sectors == [] and any(p.severity == "error" for p in problems)
        return
    failed = [int(m.group(1)) for p in problems if p.severity == "error"
              for m in [re.match(r"features\[(\d+)\]", p.location)] if m]
    assert len(failed) == len(set(failed))
    assert len(layer.sectors) + len(failed) == len(features)
    ids = [s.id for s in layer.sectors]
    assert len(ids) == len(set(ids))
    for sector in layer.sectors:
        geom = sector.geometry
        assert geom.is_valid and not geom.is_empty and geom.area > 0
        min_x, min_y, max_x, max_y = geom.bounds
        assert -180 <= min_x <= max_x <= 180 and -90 <= min_y <= max_y <= 90
        from shapely.geometry import Point

        assert geom.intersects(Point(sector.label_point))


def check_claims(doc: object) -> None:
    """parse_claims never raises, never drops silently, and a claim that is not broken is fully verified."""
    claim_set, problems = parse_claims(doc, KNOWN_SECTORS, SOURCES, "c.json")
    _check_problems(problems, "c.json")
    if not (isinstance(doc, dict) and isinstance(doc.get("claims"), list)):
        assert claim_set.claims == [] and problems
        return
    kept: list[str] = []
    for i, raw in enumerate(doc["claims"]):
        single, single_problems = parse_claim(raw, i, KNOWN_SECTORS, SOURCES, "c.json")
        here = [p for p in problems if p.location.startswith(f"claims[{i}]")]
        if single is None:
            assert here and all(p.severity == "error" for p in here)
        elif single.id in kept:
            assert any("duplicate claim id" in p.message for p in here)
        else:
            kept.append(single.id)
    assert [c.id for c in claim_set.claims] == kept
    for claim in claim_set.claims:
        if any(not e.found for e in claim.evidence) or not claim.evidence:
            assert claim.broken
        if claim.broken:
            continue
        assert claim.sector is None or claim.sector in KNOWN_SECTORS
        assert claim.nation is None or is_known_nation(claim.nation)
        for ev in claim.evidence:
            assert ev.source_id == "a.txt"
            assert normalised_equal(ARTICLE_TEXT[ev.start:ev.end], ev.anchor.exact)
    for disagreement in claim_set.disagreements:
        assert set(disagreement.claim_ids) <= set(kept)


_ARTICLE_DIR = Path(tempfile.mkdtemp(prefix="mapview-props-"))


def check_article(data: bytes) -> None:
    """read_article never raises; it returns the exact decoded text or None with one located Problem."""
    path = _ARTICLE_DIR / "article.txt"
    path.write_bytes(data)
    text, problems = read_article(path, str(path))
    if text is not None:
        assert problems == [] and text == data.decode("utf-8") and "\x00" not in text
    else:
        [problem] = problems
        assert problem.file == str(path) and problem.severity == "error"
        assert b"\x00" in data or _not_utf8(data)


def _not_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _span(draw: st.DrawFn, text: str) -> tuple[int, int]:
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, min(len(text), start + 80)))
    return start, end


def _same_text(text: str, result: object, exact: str) -> None:
    assert normalised_equal(text[result.start:result.end], exact), (text[result.start:result.end], exact)


def check_anchor_refound(text: str, data: st.DataObject) -> None:
    """An exact passage is always re-found, verbatim, where it stands."""
    start, end = _span(data.draw, text)
    assume(normalise(text[start:end]).text.strip())
    anchor = make_anchor(text, start, end)
    result = resolve(text, anchor)
    assert (result.status, result.start, result.end) == ("exact", start, end)
    _same_text(text, result, anchor.exact)


def _occurrences(haystack: str, needle: str) -> int:
    """How often ``needle`` occurs, overlapping occurrences included (as the resolver searches)."""
    return sum(haystack.startswith(needle, i) for i in range(len(haystack)))


def check_anchor_insert(text: str, data: st.DataObject) -> None:
    """Text inserted before the passage: re-found as the same words, at the shifted place when it is unique."""
    start, end = _span(data.draw, text)
    assume(normalise(text[start:end]).text.strip())
    anchor = make_anchor(text, start, end)
    inserted = data.draw(TEXT)
    edited = inserted + text
    result = resolve(edited, anchor)
    if result.found:
        _same_text(edited, result, anchor.exact)
    needle = normalise(anchor.exact).text.strip()
    if _occurrences(normalise(edited).text, needle) != 1:
        return  # the insertion holds a copy of the passage: found as the same words, or broken, never a guess
    assert result.found
    plain_ends = anchor.exact == anchor.exact.strip() and normalise(anchor.exact[0]).text == anchor.exact[0] \
        and normalise(anchor.exact[-1]).text == anchor.exact[-1]
    if plain_ends:
        assert (result.start, result.end) == (start + len(inserted), end + len(inserted))


def check_anchor_delete(text: str, data: st.DataObject) -> None:
    """The passage deleted: broken, or re-found only as identical text (a copy elsewhere)."""
    start, end = _span(data.draw, text)
    assume(normalise(text[start:end]).text.strip())
    anchor = make_anchor(text, start, end)
    edited = text[:start] + text[end:]
    result = resolve(edited, anchor)
    if result.found:
        _same_text(edited, result, anchor.exact)
        assert normalise(anchor.exact).text.strip() in normalise(edited).text
    else:
        assert result.start is None and result.end is None


def check_anchor_arbitrary(text: str, data: st.DataObject) -> None:
    """Any selector on any text: resolve never raises and never answers with different words."""
    exact = data.draw(st.one_of(TEXT, st.just(text[: len(text) // 2])))
    start = data.draw(st.integers(0, len(text) + 5))
    anchor = TextAnchor(exact, data.draw(st.text(max_size=5)), data.draw(st.text(max_size=5)), start,
                        start + data.draw(st.integers(1, 50)))
    result = resolve(text, anchor)
    if result.found:
        assert 0 <= result.start < result.end <= len(text)
        _same_text(text, result, exact)


# ---------------------------------------------------------------- tests: fast versions (normal suite)

@fast()
@given(doc=SECTOR_DOC)
def test_sectors_fast(doc: object) -> None:
    check_sectors(doc)


@fast()
@given(doc=CLAIMS_DOC)
def test_claims_fast(doc: object) -> None:
    check_claims(doc)


@fast()
@given(data=ARTICLE_BYTES)
def test_article_fast(data: bytes) -> None:
    check_article(data)


@fast()
@given(text=TEXT, data=st.data())
def test_anchor_refound_fast(text: str, data: st.DataObject) -> None:
    check_anchor_refound(text, data)


@fast()
@given(text=TEXT, data=st.data())
def test_anchor_insert_fast(text: str, data: st.DataObject) -> None:
    check_anchor_insert(text, data)


@fast()
@given(text=TEXT, data=st.data())
def test_anchor_delete_fast(text: str, data: st.DataObject) -> None:
    check_anchor_delete(text, data)


@fast()
@given(text=TEXT, data=st.data())
def test_anchor_arbitrary_fast(text: str, data: st.DataObject) -> None:
    check_anchor_arbitrary(text, data)


# ---------------------------------------------------------------- tests: slow versions (10,500 examples)

@pytest.mark.slow
@slow(2500)
@given(doc=SECTOR_DOC)
def test_sectors_slow(doc: object) -> None:
    check_sectors(doc)


@pytest.mark.slow
@slow(2500)
@given(doc=CLAIMS_DOC)
def test_claims_slow(doc: object) -> None:
    check_claims(doc)


@pytest.mark.slow
@slow(1500)
@given(data=ARTICLE_BYTES)
def test_article_slow(data: bytes) -> None:
    check_article(data)


@pytest.mark.slow
@slow(1000)
@given(text=TEXT, data=st.data())
def test_anchor_refound_slow(text: str, data: st.DataObject) -> None:
    check_anchor_refound(text, data)


@pytest.mark.slow
@slow(1000)
@given(text=TEXT, data=st.data())
def test_anchor_insert_slow(text: str, data: st.DataObject) -> None:
    check_anchor_insert(text, data)


@pytest.mark.slow
@slow(1000)
@given(text=TEXT, data=st.data())
def test_anchor_delete_slow(text: str, data: st.DataObject) -> None:
    check_anchor_delete(text, data)


@pytest.mark.slow
@slow(1000)
@given(text=TEXT, data=st.data())
def test_anchor_arbitrary_slow(text: str, data: st.DataObject) -> None:
    check_anchor_arbitrary(text, data)
