"""Issue #23: the article size limit applies to a PDF's text as stored, through the real `ingest` command — a PDF
whose text layer is over the limit is refused naming the limit and how far over, with nothing stored; one just
under it is ingested whole."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mapview.cli import main as cli_main
from mapview.data.project import ProjectPaths
from mapview.data.sources import MAX_ARTICLE_BYTES
from tests.test_robust_round4 import _args, run_main

TITLE = "Kosovo to lead the North Gaza sector, officials say"
FIRST = "Officials said Kosovo will lead the North Gaza sector of the stabilization force."
FILLER = "The committee met in session {} and reviewed the budget tables line by line."


def _paragraphs(total_bytes: int) -> list[str]:
    """The title, one sentence that matters, then distinct filler paragraphs: ``total_bytes`` of text in all,
    counting one blank line after each paragraph."""
    paragraphs = [TITLE, FIRST]
    size = sum(len(p) + 2 for p in paragraphs)
    n = 0
    while size < total_bytes:
        paragraph = " ".join(FILLER.format(f"{n}-{k}") for k in range(12))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
        n += 1
    return paragraphs


def _text_pdf(path: Path, paragraphs: list[str], per_page: int = 400) -> Path:
    """A PDF whose text layer holds ``paragraphs`` (ASCII), each one text line with a blank line after it, in
    Helvetica, ``per_page`` paragraphs a page: written with pypdf, so its size is exactly what the test says."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                                                NameObject("/Subtype"): NameObject("/Type1"),
                                                NameObject("/BaseFont"): NameObject("/Helvetica")}))
    for first in range(0, len(paragraphs), per_page):
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        lines = b"".join(b"(" + p.encode("ascii") + b") Tj T* T* " for p in paragraphs[first:first + per_page])
        content = DecodedStreamObject()
        content.set_data(b"BT /F1 1 Tf 1 TL 10 780 Td " + lines + b"ET")
        page[NameObject("/Contents")] = writer._add_object(content)
    with path.open("wb") as out:
        writer.write(out)
    return path


def _files(paths: ProjectPaths) -> list[tuple[str, int]]:
    """Every file in the seeds and claims folders with its size, but the (empty) project lock file."""
    return sorted((str(p.relative_to(paths.seeds.parent)), p.stat().st_size)
                  for folder in (paths.seeds, paths.claims.parent) for p in folder.rglob("*")
                  if p.is_file() and p.name != ".mapview.lock")


def test_a_pdf_whose_text_is_over_the_article_limit_is_refused_saying_by_how_much(data_copy, tmp_path,
                                                                                   capsys) -> None:
    paragraphs = _paragraphs(MAX_ARTICLE_BYTES + 150_000)
    written = sum(len(p) for p in paragraphs)
    assert written > MAX_ARTICLE_BYTES  # the words alone are over the limit, whatever spacing the reader adds
    pdf = _text_pdf(tmp_path / "huge-report.pdf", paragraphs)
    before = _files(data_copy)
    assert cli_main([*_args(data_copy), "ingest", str(pdf)]) == 1  # the command line's own entry point
    err = capsys.readouterr().err
    said = re.search(r"huge-report\.pdf: the article text as stored is ([\d,]+) bytes; the limit is 2,000,000 "
                     r"bytes \(([\d,]+) bytes over\)", err)
    assert said, err
    size, over = (int(g.replace(",", "")) for g in said.groups())
    assert written < size <= written + 3 * len(paragraphs)  # the words, and the line breaks between them
    assert over == size - MAX_ARTICLE_BYTES
    assert _files(data_copy) == before  # nothing stored: no seed, no original, no proposals


@pytest.mark.slow  # python main.py and the whole extractor over 2 MB of text: about 4 s
def test_a_pdf_whose_text_is_just_under_the_article_limit_is_ingested_whole(data_copy, tmp_path) -> None:
    paragraphs = _paragraphs(MAX_ARTICLE_BYTES - 20_000)
    pdf = _text_pdf(tmp_path / "long-report.pdf", paragraphs)
    before = {p.name for p in data_copy.seeds.glob("*.txt")}
    result = run_main(*_args(data_copy), "ingest", str(pdf), timeout=600)
    assert result.returncode == 0, result.stderr
    added = [p for p in data_copy.seeds.glob("*.txt") if p.name not in before]
    assert len(added) == 1
    stored = added[0].read_text(encoding="utf-8")
    assert MAX_ARTICLE_BYTES - 40_000 < len(stored.encode("utf-8")) <= MAX_ARTICLE_BYTES
    assert FIRST in stored and paragraphs[-1] in stored  # from the first page to the last
    assert (data_copy.seeds / "originals" / f"{added[0].stem}.pdf").read_bytes() == pdf.read_bytes()
