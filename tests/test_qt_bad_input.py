"""The window opens on bad input, lists every problem with file and location, and draws what is still sound.

Each test corrupts a private copy of the data (``data_copy``) and opens the window exactly as ``mapview run``
does: through ``run_app``, stopped as soon as the event loop has shown the window.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from shapely.geometry import Point, shape

from mapview.data.project import ProjectPaths
from mapview.qt.app import run_app
from mapview.qt.mainwindow import MainWindow
from tests.conftest import DATA, close_colours, drawn_fill

ARTICLE_000 = "000_53179621937ae718.txt"
ARTICLE_003 = "003_05d531274f9820ed.txt"
ARTICLE_004 = "004_5daf8beab54a5ef0.txt"
ALBANIA_SENTENCE = "According to reports, Albania may be responsible for the Deir al-Balah sector."
KOSOVO_QUOTE = "Kosovo could be responsible for Northern Gaza"
# Expected colours, from the project's palette description: Kosovo is Okabe-Ito blue, no lead is light grey, and
# the background land (where a dropped sector used to be) is the pale land tone.
KOSOVO_BLUE = "#0072b2"
NO_LEAD_GREY = "#d0d0d0"
LAND = "#f1efe8"
BOW_TIE = {"type": "Polygon", "coordinates": [[[34.2, 31.25], [34.3, 31.35], [34.3, 31.25], [34.2, 31.35],
                                               [34.2, 31.25]]]}


def original_geometries() -> dict[str, object]:
    """Sector id → shapely geometry, read from the shipped GeoJSON (not from the loader under test)."""
    doc = json.loads((DATA / "geodata" / "sectors.geojson").read_text(encoding="utf-8"))
    return {f["properties"]["id"]: shape(f["geometry"]) for f in doc["features"]}


def open_like_run_app(qtbot, paths: ProjectPaths) -> MainWindow:
    """Call ``run_app(paths)``; once its event loop has shown the window, leave the loop and return the window."""
    app = QApplication.instance()
    found: list[MainWindow] = []

    def take_window() -> None:
        found.extend(w for w in app.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible() and w.project.paths == paths)
        app.exit(0)  # unlike quit(), exit() leaves the windows open

    QTimer.singleShot(0, take_window)
    assert run_app(paths) == 0
    assert len(found) == 1, "run_app did not show exactly one window"
    window = found[0]
    qtbot.addWidget(window)
    # run_app fits the window to the screen (800x800 on the offscreen platform, a compact layout); the colour
    # samples below want the map at a desktop size and layout, where labels cover little of each sector.
    window.resize(1500, 940)
    window.fit_to(1500, 940)
    window.canvas.draw()
    return window


def shows_fill(window: MainWindow, geometry, fill: str) -> bool:
    """True when ``fill`` is one of the two most common colours inside ``geometry``: a speculative sector's dots
    can cover as many pixels as its faded fill."""
    return any(close_colours(colour, fill) for colour in dominant_colour(window, geometry, 2))


def dominant_colour(window: MainWindow, geometry, top: int = 1):
    """The most common rendered colour over a grid of points well inside ``geometry`` (hatch lines are few);
    with ``top`` > 1, the ``top`` most common ones."""
    inner = geometry.buffer(-0.004)
    xmin, ymin, xmax, ymax = inner.bounds
    colours: Counter[str] = Counter()
    steps = 24
    for i in range(steps + 1):
        for j in range(steps + 1):
            lon, lat = xmin + (xmax - xmin) * i / steps, ymin + (ymax - ymin) * j / steps
            if inner.contains(Point(lon, lat)):
                r, g, b = window.canvas.pixel_rgb(window.canvas.data_to_widget(lon, lat))
                colours[f"#{r:02x}{g:02x}{b:02x}"] += 1
    assert colours, "no sample point inside the geometry"
    common = [colour for colour, _ in colours.most_common(top)]
    return common[0] if top == 1 else common


def rows_about(window: MainWindow, file: Path) -> list[tuple[str, ...]]:
    """Problem rows (severity, file, location, message) naming ``file``, as shown in the problems panel."""
    return [row for row in window.problems.rows() if row[1] == str(file)]


# ----- corruptions ---------------------------------------------------------------------------------------------


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def save_json(path: Path, doc: object) -> None:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def invalid_rafah_polygon(paths: ProjectPaths) -> None:
    """Rafah's ring crosses itself (a bow tie): that one sector is invalid, the other four are sound."""
    doc = load_json(paths.sectors)
    feature = next(f for f in doc["features"] if f["properties"]["id"] == "rafah")
    feature["geometry"] = BOW_TIE
    save_json(paths.sectors, doc)


def unknown_sector_in_claims(paths: ProjectPaths) -> None:
    """The force-wide 'kosovo-troops' claim names a sector id that does not exist (a typo)."""
    doc = load_json(paths.claims)
    claim = next(c for c in doc["claims"] if c["id"] == "kosovo-troops")
    claim["sector"] = "north-gazza"
    save_json(paths.claims, doc)


def non_utf8_article(paths: ProjectPaths) -> None:
    """Article 004 re-saved as Windows-1252 with a byte that is not UTF-8."""
    path = paths.seeds / ARTICLE_004
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("cp1252", errors="replace") + b" caf\xe9")


def missing_article(paths: ProjectPaths) -> None:
    """Article 003 listed in sources.json but deleted."""
    (paths.seeds / ARTICLE_003).unlink()


def edited_albania_passage(paths: ProjectPaths) -> None:
    """Article 000 edited after the claims were written: the Albania sentence now names another sector."""
    path = paths.seeds / ARTICLE_000
    text = path.read_text(encoding="utf-8")
    assert ALBANIA_SENTENCE in text
    path.write_text(text.replace(ALBANIA_SENTENCE, ALBANIA_SENTENCE.replace("Deir al-Balah", "Khan Yunis")),
                    encoding="utf-8")


def expected_row(paths: ProjectPaths, case: str) -> tuple[Path, str, str]:
    """(file, part of the location, part of the message) the problems panel must show for ``case``."""
    return {
        "invalid polygon": (paths.sectors, "(rafah)", "invalid polygon"),
        "unknown sector": (paths.claims, "(kosovo-troops)", "unknown sector 'north-gazza'"),
        "non-UTF-8 article": (paths.seeds / ARTICLE_004, "byte ", "not valid UTF-8"),
        "missing article": (paths.seeds / ARTICLE_003, "", "missing"),
        "passage no longer matches": (paths.claims, "(albania-lead-deir-al-balah).evidence[0]", "broken passage"),
    }[case]


CORRUPTIONS: dict[str, Callable[[ProjectPaths], None]] = {
    "invalid polygon": invalid_rafah_polygon,
    "unknown sector": unknown_sector_in_claims,
    "non-UTF-8 article": non_utf8_article,
    "missing article": missing_article,
    "passage no longer matches": edited_albania_passage,
}


def assert_listed(window: MainWindow, paths: ProjectPaths, case: str) -> None:
    file, location, message = expected_row(paths, case)
    rows = rows_about(window, file)
    assert any(location in row[2] and message in row[3] for row in rows), (case, window.problems.rows())


# ----- tests ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(CORRUPTIONS))
def test_each_bad_input_alone_opens_the_window_and_is_listed(qtbot, data_copy: ProjectPaths, case: str) -> None:
    CORRUPTIONS[case](data_copy)
    window = open_like_run_app(qtbot, data_copy)
    assert window.isVisible()
    assert_listed(window, data_copy, case)
    assert window.problems.table.isVisible() and not window.problems.empty.isVisible()
    assert window.problems_dock.windowTitle() == f"Problems ({len(window.problems.rows())})"
    # None of these touches the North Gaza lead: it is still drawn Kosovo blue (reported since 2026-02-24).
    assert shows_fill(window, original_geometries()["north-gaza"], drawn_fill("Kosovo", "reported"))


def test_everything_wrong_at_once_draws_only_what_is_sound(qtbot, data_copy: ProjectPaths) -> None:
    for corrupt in CORRUPTIONS.values():
        corrupt(data_copy)
    window = open_like_run_app(qtbot, data_copy)
    for case in CORRUPTIONS:
        assert_listed(window, data_copy, case)
    # Every row names a file; claim rows also say which claim (and passage).
    for severity, file, location, message in window.problems.rows():
        assert severity in ("error", "warning") and file and message
        if file == str(data_copy.claims):
            assert location.startswith("claims[")

    geometries = original_geometries()
    assert shows_fill(window, geometries["north-gaza"], drawn_fill("Kosovo", "reported"))
    # The seed's Albania passage no longer matches: Deir al-Balah is drawn from the sound claim alone (Detay
    # Kıbrıs's plan, reported) and outlined as broken.
    assert shows_fill(window, geometries["deir-al-balah"], drawn_fill("Albania", "reported"))
    assert "deir-al-balah" in window.canvas.artists.broken
    assert dominant_colour(window, geometries["gaza-city"]) == NO_LEAD_GREY
    assert shows_fill(window, geometries["khan-yunis"], drawn_fill("Indonesia", "reported"))
    # The invalid Rafah polygon is not drawn at all: its place shows the background land.
    assert "rafah" not in window.canvas.artists.paths
    assert dominant_colour(window, geometries["rafah"]) == LAND

    click = window.canvas.data_to_widget(*geometries["north-gaza"].representative_point().coords[0])
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=click)
    assert "Kosovo (reported)" in window.evidence.lead.text()
    assert KOSOVO_QUOTE in window.evidence.plain_text()

    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton,
                     pos=window.canvas.data_to_widget(*geometries["deir-al-balah"].representative_point().coords[0]))
    assert window.selected == "deir-al-balah"
    assert "Albania (reported, single source)" in window.evidence.lead.text()  # Detay Kıbrıs alone
    assert "BROKEN" in window.evidence.plain_text()

    # No nation's evidence quotes the unreadable article: its claims appear only in the problems panel.
    for i in range(window.nations.list.count()):
        window.nations.list.setCurrentRow(i)
        assert window.nations.passage_rows(), window.nations.list.item(i).text()
        assert all(p.evidence.source_id != ARTICLE_004 for p in window.nations.passage_rows())
    assert not any(window.nations.list.item(i).text().startswith("Turkey")  # cited only by article 004
                   for i in range(window.nations.list.count()))


@pytest.mark.parametrize("damage", ["malformed JSON", "missing file"])
def test_unusable_sectors_file_opens_an_empty_map_with_the_problem_listed(qtbot, data_copy: ProjectPaths,
                                                                         damage: str) -> None:
    if damage == "missing file":
        data_copy.sectors.unlink()
    else:
        text = data_copy.sectors.read_text(encoding="utf-8")
        data_copy.sectors.write_text(text[: len(text) // 3], encoding="utf-8")
    window = open_like_run_app(qtbot, data_copy)
    assert window.isVisible()
    rows = rows_about(window, data_copy.sectors)
    assert len(rows) == 1 and rows[0][0] == "error"
    if damage == "missing file":
        assert "missing" in rows[0][3]
    else:
        assert "malformed JSON" in rows[0][3] and rows[0][2].startswith("line ")
    # The claims about the five sectors are listed too, each naming its claim.
    assert any("(kosovo-lead-north-gaza)" in row[2] and "unknown sector 'north-gaza'" in row[3]
               for row in rows_about(window, data_copy.claims))
    assert window.canvas.artists.paths == {}
    geometries = original_geometries()
    for sector_id in ("north-gaza", "deir-al-balah"):
        assert not shows_fill(window, geometries[sector_id], drawn_fill("Kosovo"))
        assert dominant_colour(window, geometries[sector_id]) != NO_LEAD_GREY
    # The controls still work on an empty map.
    qtbot.keyClick(window.canvas, Qt.Key.Key_Tab)
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=window.canvas.rect().center())
    assert window.selected is None
    assert window.evidence.title.text() == "No sector selected"
