"""Where a source's title came from (issue #20, item 5): a title read from the text (its first line, or the
first sentence of an article with no headline) or typed by the user is said so wherever the title is shown —
under each passage in the evidence panel, above the article in the Source view, and in the dossier's sources;
a page's own title or headline goes without a note."""

from __future__ import annotations

from mapview import wording
from mapview.data.sources import title_from_kind

# Read in seeds/sources.json: each entry's title_kind / title_from, and its text's first line.
FIRST_LINE = ("005_7cb9a6844a5fb304.txt", "006_e7522a33180e6653.txt", "007_60b0f12c2202e6ca.txt",
              "010_b1662b760bfcb43e.txt", "012_a3038f9a52f6e3d6.txt")  # title_kind "first line (inferred …)"
FIRST_SENTENCE = ("000_53179621937ae718.txt", "002_6f0e372212bc0567.txt", "003_05d531274f9820ed.txt")
HEADLINE = ("001_85464286b225c7d4.txt", "004_5daf8beab54a5ef0.txt")
USER = ("008_e0b8bf639cf66ac7.txt", "009_d737279678851e3e.txt", "011_564872331d9566bf.txt")


def test_each_shipped_title_says_where_it_came_from(project):
    sources = project.sources
    for ids, origin, said in ((FIRST_LINE, "first-line", "title: first line of the text"),
                              (FIRST_SENTENCE, "first-sentence", "title: first sentence of the text (no headline)"),
                              (HEADLINE, "headline", ""), (USER, "user", "title: given by the user")):
        for source_id in ids:
            source = sources[source_id]
            assert source.title_from == origin, source_id
            assert wording.title_origin_text(source) == said, source_id
    for source_id in FIRST_LINE:  # the title is indeed where the text starts
        source = sources[source_id]
        assert source.text.lstrip().startswith(source.title[:40]), source_id


def test_title_kinds_as_written_by_ingest_and_by_hand():
    assert title_from_kind("first line (inferred by `mapview ingest`)") == "first-line"
    assert title_from_kind("first sentence (the article has no headline)") == "first-sentence"
    assert title_from_kind("headline (after the site name)") == "headline"
    assert title_from_kind("given by the page, found in the text") == "page"
    assert title_from_kind("given by the user, found in the text") == "user"
    assert title_from_kind("") == "first-line"


def test_a_source_without_metadata_or_text_says_so(data_copy):
    from mapview.data.project import load_project

    (data_copy.seeds / "099_bare.txt").write_text("A bare article with no entry\n\nIndonesia sends troops.\n",
                                                   encoding="utf-8")
    source = load_project(data_copy).sources["099_bare.txt"]
    assert source.title == "A bare article with no entry"
    assert wording.title_origin_text(source) == "title: first line of the text"


def test_the_evidence_panel_and_the_source_view_say_where_the_title_came_from(qtbot, project):
    from tests.test_qt_window import click_sector, open_window

    window = open_window(qtbot, project, (1400, 900))
    click_sector(qtbot, window, "rafah")  # the site claims cite 005, 006 and 007
    text = window.evidence.plain_text()
    lines = [line for line in text.splitlines() if "— 005_7cb9a6844a5fb304.txt" in line]
    assert lines and all(line.endswith("— title: first line of the text") for line in lines), lines
    row = next(r for r in window.evidence.passage_rows() if r.evidence.source_id == "005_7cb9a6844a5fb304.txt")
    window.open_passage(row.evidence)
    qtbot.waitUntil(lambda: window.source_view.source is not None)
    assert "title: first line of the text" in window.source_view.meta.text()
    # a headline goes without a note
    click_sector(qtbot, window, "north-gaza")
    assert "title:" not in "\n".join(line for line in window.evidence.plain_text().splitlines()
                                     if "001_85464286b225c7d4.txt" in line)


def _source_section(text: str, source_id: str) -> str:
    """The dossier's entry for one source: from its heading (title and file name) to the next heading."""
    lines, escaped = text.splitlines(), source_id.replace("_", "\\_")  # Markdown escapes the underscore
    start = next(i for i, line in enumerate(lines) if line.startswith("#") and escaped in line)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    return "\n".join(lines[start:end])


def test_the_dossier_lists_where_each_title_came_from(project):
    from mapview.render.dossier import build_dossier

    text = build_dossier(project, project.view(), "md", "map.png")
    assert "Title: first line of the text" in _source_section(text, "005_7cb9a6844a5fb304.txt")
    assert "Title: given by the user" in _source_section(text, "011_564872331d9566bf.txt")
    assert "Title:" not in _source_section(text, "001_85464286b225c7d4.txt")  # a headline goes without a note
