"""Hostile article text in the window: markup, bidi overrides and a 1.5 MB line stay inert plain text, offline.

Claims written into a private data copy cite passages inside the hostile article, so the text reaches the evidence
panel, the source view, the nations panel and (through a broken quote) the problems panel.
"""

from __future__ import annotations

import json
import sys
from html.parser import HTMLParser
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget

from mapview.data.anchors import anchor_quote
from mapview.data.project import ProjectPaths, load_project
from mapview.qt.mainwindow import MainWindow
from mapview.render.dossier import write_dossier
from mapview.render.export import export_map
from tests.conftest import click_row, passage_row
from tests.test_qt_bad_input import open_like_run_app

HOSTILE_NAME = "zz_hostile.txt"
SCRIPT_LINE = "<script>alert(1)</script> Officials said Kosovo troops would patrol the northern sector."
IMG_LINE = "<img src=http://example.invalid/x.png> Albania \u202eairporter\u202c sent engineers to Deir al-Balah."
HOSTILE_ARTICLE = (
    "<b>bold</b> headline about the stabilization force\n"
    f"{SCRIPT_LINE}\n"
    f"{IMG_LINE}\n"
    "<a href=\"https://example.invalid/\">link</a> &lt;escaped&gt; &amp; trailing text.\n"
)
FORGED_QUOTE = "<img src=http://example.invalid/forged.png> Kosovo will lead everything."
MARKUP = ("<script", "<img", "<b>", "<a href")


def add_claim(doc: dict, claim_id: str, nation: str, sector: str | None, evidence: list[dict]) -> None:
    doc["claims"].append({"id": claim_id, "nation": nation, "role": "troops", "sector": sector,
                          "status": "reported", "evidence": evidence})


def evidence_for(text: str, quote: str) -> dict:
    return {"source": HOSTILE_NAME, "selector": anchor_quote(text, quote).to_selectors()}


def write_hostile_data(paths: ProjectPaths) -> None:
    """The hostile article, two sound claims citing its markup lines, and one claim with a forged hostile quote."""
    (paths.seeds / HOSTILE_NAME).write_text(HOSTILE_ARTICLE, encoding="utf-8")
    doc = json.loads(paths.claims.read_text(encoding="utf-8"))
    add_claim(doc, "hostile-kosovo-north", "Kosovo", "north-gaza", [evidence_for(HOSTILE_ARTICLE, SCRIPT_LINE)])
    add_claim(doc, "hostile-albania-deir", "Albania", "deir-al-balah", [evidence_for(HOSTILE_ARTICLE, IMG_LINE)])
    forged = evidence_for(HOSTILE_ARTICLE, SCRIPT_LINE)
    forged["selector"][0].update(exact=FORGED_QUOTE, prefix="", suffix="")
    add_claim(doc, "hostile-forged", "Kosovo", "gaza-city", [forged])
    paths.claims.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def all_tooltips(window: MainWindow) -> list[str]:
    """Every tooltip a user could bring up: widgets, actions and problem table cells."""
    tips = [w.toolTip() for w in window.findChildren(QWidget)]
    tips += [a.toolTip() for a in window.actions()]
    tips += window.problems.tooltips()
    return tips


def assert_no_live_markup(window: MainWindow) -> None:
    """No label interprets markup, and no tooltip carries an unescaped tag from the data."""
    for label in window.findChildren(QLabel):
        if label.objectName() == "qtooltip_label":  # Qt's own tooltip label: rich text, so it must be escaped
            assert not any(tag in label.text() for tag in MARKUP), label.text()[:120]
        elif "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()[:80]
    for tip in all_tooltips(window):
        assert not any(tag in tip for tag in MARKUP), tip[:120]


def open_passage(qtbot, window: MainWindow, sector_id: str, fragment: str) -> None:
    window.select_sector(sector_id)
    click_row(qtbot, window.evidence.list, passage_row(window.evidence, fragment))


def test_hostile_article_is_inert_plain_text_everywhere_and_nothing_goes_online(
        qtbot, data_copy: ProjectPaths, network_attempts: list[str]) -> None:
    write_hostile_data(data_copy)
    window = open_like_run_app(qtbot, data_copy)

    # Evidence panel: the passage is shown with its literal tags.
    window.select_sector("north-gaza")
    assert "<script>alert(1)</script>" in window.evidence.plain_text()
    assert SCRIPT_LINE in window.evidence.plain_text()
    window.select_sector("deir-al-balah")
    assert IMG_LINE in window.evidence.plain_text()  # the bidi override is kept verbatim, not stripped
    assert "<b>bold</b> headline" in window.evidence.plain_text()  # the fallback title, in the source line

    # Source view: the whole article verbatim, the passage highlighted, the document holding escaped text.
    open_passage(qtbot, window, "deir-al-balah", "<img src=http://example.invalid/x.png>")
    view = window.source_view
    assert view.source.id == HOSTILE_NAME
    assert view.text.toPlainText() == HOSTILE_ARTICLE
    start = HOSTILE_ARTICLE.index(IMG_LINE)
    assert view.highlighted_span() == (start, start + len(IMG_LINE))
    document = view.text.document().toHtml()
    assert "&lt;img src=http://example.invalid/x.png&gt;" in document and "&lt;script&gt;" in document
    assert "<img" not in document and "<script" not in document and "<a href" not in document
    assert view.header.text().startswith("<b>bold</b>") and view.header.textFormat() == Qt.TextFormat.PlainText

    # Nations panel and problems panel: the same text, still literal.
    window.nations.select_nation("Kosovo")
    assert "<script>alert(1)</script>" in window.nations.plain_text()
    rows = [row for row in window.problems.rows() if "(hostile-forged)" in row[2]]
    assert rows and FORGED_QUOTE[:40] in rows[0][3]
    assert "<script" in window.nations.plain_text()  # still there after the panels were rebuilt

    # Hovering a sector whose tooltip names it, then every tooltip and label in the window.
    qtbot.mouseMove(window.canvas, window.canvas.data_to_widget(*window.project.sectors.by_id()["rafah"].label_point))
    QApplication.processEvents()
    assert_no_live_markup(window)

    assert network_attempts == []
    assert "PySide6.QtNetwork" not in sys.modules


def test_markup_and_bidi_in_a_sector_name_reach_the_tooltip_and_panel_as_text(qtbot, data_copy: ProjectPaths) -> None:
    doc = json.loads(data_copy.sectors.read_text(encoding="utf-8"))
    feature = next(f for f in doc["features"] if f["properties"]["id"] == "rafah")
    name = "<img src=http://example.invalid/r.png>Rafah \u202eevil\u202c"
    feature["properties"]["name"] = name
    data_copy.sectors.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    window = open_like_run_app(qtbot, data_copy)
    canvas = window.canvas
    shown: list[str] = []
    canvas.sectorHovered.connect(lambda sid: shown.append(QToolTip.text()))
    qtbot.mouseMove(canvas, canvas.data_to_widget(*window.project.sectors.by_id()["rafah"].label_point))
    assert canvas.hovered == "rafah"
    window.select_sector("rafah")
    assert window.evidence.title.text() == name and window.evidence.title.textFormat() == Qt.TextFormat.PlainText
    assert_no_live_markup(window)
    if QToolTip.isVisible():
        assert "<img" not in QToolTip.text() and "&lt;img" in QToolTip.text()


def test_one_and_a_half_megabyte_line_is_shown_and_a_too_large_article_is_refused(qtbot,
                                                                                 data_copy: ProjectPaths) -> None:
    passage = "Albania may be responsible for the Deir al-Balah sector, a <script>x</script> report said."
    filler = "word " * 300_000
    article = filler + passage + " " + filler[:1000]  # no newline anywhere
    (data_copy.seeds / "zz_long.txt").write_text(article, encoding="utf-8")
    (data_copy.seeds / "zz_huge.txt").write_bytes(b"x" * 2_100_000)
    assert 1_400_000 < len(article.encode("utf-8")) < 2_000_000
    doc = json.loads(data_copy.claims.read_text(encoding="utf-8"))
    doc["claims"].append({"id": "long-line", "nation": "Albania", "role": "troops", "sector": "deir-al-balah",
                          "status": "reported", "evidence": [{"source": "zz_long.txt", "selector":
                                                              anchor_quote(article, passage).to_selectors()}]})
    data_copy.claims.write_text(json.dumps(doc), encoding="utf-8")
    window = open_like_run_app(qtbot, data_copy)
    [refused] = [row for row in window.problems.rows() if row[1].endswith("zz_huge.txt")]
    assert "2,100,000 bytes" in refused[3] and "2,000,000" in refused[3]
    open_passage(qtbot, window, "deir-al-balah", "<script>x</script>")
    view = window.source_view
    assert view.text.toPlainText() == article
    start = article.index(passage)
    assert view.highlighted_span() == (start, start + len(passage))
    assert_no_live_markup(window)


class _Refs(HTMLParser):
    """Every href/src (any namespace prefix) of every tag, and the raw start tags."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name.split(":")[-1] in ("href", "src") and value:
                self.refs.append((tag, name, value))


def refs_of(path: Path) -> _Refs:
    parser = _Refs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_exported_svg_and_dossier_html_have_no_external_references(data_copy: ProjectPaths,
                                                                  tmp_path: Path) -> None:
    write_hostile_data(data_copy)
    project = load_project(data_copy)
    title = "<script>alert(1)</script><img src=http://example.invalid/t.png>"
    svg = export_map(project, tmp_path / "map.svg", title=title, dpi=60)
    text = svg.read_text(encoding="utf-8")
    parsed = refs_of(svg)
    # Only the namespace declarations may name a URL; every href/src is local (fragment or data URI).
    for tag, name, value in parsed.refs:
        assert value.startswith(("#", "data:")), (tag, name, value[:80])
    assert "script" not in parsed.tags and "img" not in parsed.tags and "foreignobject" not in parsed.tags
    assert "<script" not in text and "<img" not in text
    assert "&lt;script&gt;" in text  # the hostile title is there, escaped

    html_out = write_dossier(project, tmp_path / "dossier.html")
    html_text = html_out.read_text(encoding="utf-8")
    parsed = refs_of(html_out)
    for tag, name, value in parsed.refs:
        assert not value.startswith(("http:", "https:", "//")), (tag, name, value[:80])
    assert "script" not in parsed.tags
    assert parsed.tags.count("img") == 1  # the embedded map only
    assert "<script>alert(1)</script>" not in html_text and "<img src=http://example.invalid" not in html_text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text  # the cited passage, escaped
    assert "&lt;img src=http://example.invalid/x.png&gt;" in html_text
