"""The evidence dossier: self-contained, escaped HTML and Markdown holding every passage behind the map."""

from __future__ import annotations

import base64
import html
import io
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from mapview.cli import main
from mapview.data.project import Project, ProjectPaths, load_project
from mapview.render.dossier import write_dossier
from tests.conftest import DATA

ARTICLE_000 = next((DATA / "seeds").glob("000_*.txt"))
ALBANIA_SENTENCE = "According to reports, Albania may be responsible for the Deir al-Balah sector."
ATTRIBUTION = "Boundaries: geoBoundaries (Runfola et al. 2020), PSE ADM2, CC BY 4.0"
HOSTILE = "<script>alert('x')</script><img src=http://evil.example/x.png onerror=alert(1)>"


class _Collector(HTMLParser):
    """Every tag with its attributes, and the visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "br":  # a line break a browser shows (a passage's own line breaks)
            self.text.append("\n")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def html_dossier(tmp_path_factory, project: Project) -> Path:
    out = tmp_path_factory.mktemp("dossier") / "dossier.html"
    write_dossier(project, out, generated=date(2026, 1, 5))
    return out


def test_html_is_self_contained(html_dossier: Path) -> None:
    doc = parse(html_dossier)
    tags = [t for t, _ in doc.tags]
    assert "script" not in tags and "link" not in tags and "iframe" not in tags
    for _, attrs in doc.tags:
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert not value.startswith(("http:", "https:", "//")), f"remote resource {value[:60]}"
    images = [a["src"] for t, a in doc.tags if t == "img"]
    assert len(images) == 1 and images[0].startswith("data:image/png;base64,")
    with Image.open(io.BytesIO(base64.b64decode(images[0].split(",", 1)[1]))) as image:
        assert image.format == "PNG" and image.size[0] > 400


def test_html_holds_every_passage_verbatim(html_dossier: Path, project: Project) -> None:
    text = html_dossier.read_text(encoding="utf-8")
    visible = words("".join(parse(html_dossier).text))
    article = ARTICLE_000.read_bytes().decode("utf-8")
    assert ALBANIA_SENTENCE in article and ALBANIA_SENTENCE in visible
    view = project.view()
    for claim in [c for sv in view.sectors for c in sv.claims] + view.force:
        for ev in claim.evidence:
            assert words(ev.text) in visible, f"{claim.id}: passage missing"
            assert f"{ev.source_id}" in visible and f"characters {ev.start}–{ev.end}" in visible
    assert "html" in text.lower()


def test_html_sections(html_dossier: Path) -> None:
    visible = words("".join(parse(html_dossier).text))
    order = ["North Gaza — Kosovo (reported)", "Gaza City — no lead reported", "Deir al-Balah — Albania (reported)",
             "Khan Yunis — Indonesia (reported, single source)", "Rafah — Indonesia (reported, single source)",
             "Force-wide roles", "Disagreements between the sources", "Sources", "Attribution"]
    positions = [visible.find(heading) for heading in order]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), positions
    assert "Rank of the ISF commander Jasper Jeffers" in visible  # a disagreement topic from claims.json
    assert "undated" in visible  # three of the five articles carry no date
    assert "Date basis: The article's photo caption is dated November 20, 2025" in visible
    assert ATTRIBUTION in visible and "Made with Natural Earth." in visible
    assert "the ISF's own sector lines are not published" in visible


def _hostile_project(data_copy: ProjectPaths) -> Project:
    (data_copy.seeds / "999_hostile.txt").write_text(HOSTILE + "\nSome body text.\n", encoding="utf-8")
    return load_project(data_copy)


def test_article_text_is_escaped_in_html(data_copy: ProjectPaths, tmp_path: Path) -> None:
    project = _hostile_project(data_copy)
    out = write_dossier(project, tmp_path / "d.html")
    text = out.read_text(encoding="utf-8")
    assert "<script" not in text and "<img src=http" not in text
    assert html.escape(HOSTILE) in text
    assert not any(a.get("src", "").startswith("http") for _, a in parse(out).tags)


def test_article_text_is_inert_in_markdown(data_copy: ProjectPaths, tmp_path: Path) -> None:
    project = _hostile_project(data_copy)
    out = write_dossier(project, tmp_path / "d.md")
    text = out.read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)<", text), "an unescaped '<' would let a Markdown viewer render HTML"
    assert "\\<script\\>" in text


def test_markdown_dossier_with_map_beside_it(project: Project, tmp_path: Path) -> None:
    out = write_dossier(project, tmp_path / "dossier.md", as_of=date(2026, 6, 1), include_undated=False)
    text = out.read_text(encoding="utf-8")
    image = tmp_path / "dossier-map.png"
    assert image.exists() and "](dossier-map.png)" in text
    assert "as of 2026-06-01" in text
    assert "> “\u2068" + ALBANIA_SENTENCE + "\u2069”" in text  # the passage isolated (FSI…PDI) in its quote


def test_cli_dossier(tmp_path: Path, capsys) -> None:
    assert main(["dossier", str(tmp_path / "d.html"), "--title", "Dossier <b>x</b>"]) == 0
    assert "<title>Dossier &lt;b&gt;x&lt;/b&gt;</title>" in (tmp_path / "d.html").read_text(encoding="utf-8")
    assert main(["dossier", str(tmp_path / "d.docx")]) == 2
    assert "use .html or .md" in capsys.readouterr().err
    assert main(["dossier", str(tmp_path / "no" / "d.html")]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err and "Traceback" not in err
