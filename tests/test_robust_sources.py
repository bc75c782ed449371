"""Robustness of the article and metadata loaders: unreadable, binary, huge or escaping sources are Problems."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mapview.data.problems import Problem
from mapview.data.project import Project, ProjectPaths, load_project
from tests.conftest import ARTICLES, CURATED_CLAIMS, CURATED_PASSAGES

ARTICLE_000 = "000_53179621937ae718.txt"
ARTICLE_004 = "004_5daf8beab54a5ef0.txt"
CLAIMS_CITING_004 = {"deployment-early-2026", "five-nations-signalled", "france-police-training",
                     "eu-police-training", "turkey-troops", "un-resolution-2803", "isf-only-armed-force",
                     "hamas-rejects", "eu-border-monitoring"}


def _replace_article(paths: ProjectPaths, name: str, data: bytes) -> Path:
    path = paths.seeds / name
    path.unlink()
    path.write_bytes(data)
    return path


def _problems_of(project: Project, file: Path) -> list[Problem]:
    return [p for p in project.problems if p.file == str(file)]


def _assert_only_citing_claims_broken(project: Project, broken: set[str]) -> None:
    assert {c.id for c in project.claims.claims if c.broken} == broken
    assert len(project.claims.claims) == CURATED_CLAIMS
    assert len(project.sectors.sectors) == 5


def _meta(paths: ProjectPaths) -> dict:
    return json.loads((paths.seeds / "sources.json").read_text(encoding="utf-8"))


def _write_meta(paths: ProjectPaths, doc: object) -> None:
    (paths.seeds / "sources.json").write_text(json.dumps(doc), encoding="utf-8")


def test_non_utf8_article(data_copy: ProjectPaths) -> None:
    original = (data_copy.seeds / ARTICLE_004).read_text(encoding="utf-8")
    path = _replace_article(data_copy, ARTICLE_004, original.encode("cp1252", errors="replace") + b" caf\xe9")
    project = load_project(data_copy)
    [problem] = _problems_of(project, path)
    assert "not valid UTF-8" in problem.message and problem.location.startswith("byte ")
    assert project.sources[ARTICLE_004].text is None
    _assert_only_citing_claims_broken(project, CLAIMS_CITING_004)
    for claim in project.claims.claims:
        if claim.id in CLAIMS_CITING_004:
            assert any(f"source {ARTICLE_004!r} could not be read" in p.message and p.location.startswith("claims[")
                       for p in claim.problems)


def test_binary_article(data_copy: ProjectPaths) -> None:
    path = _replace_article(data_copy, ARTICLE_004, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    project = load_project(data_copy)
    [problem] = _problems_of(project, path)
    assert "binary" in problem.message
    _assert_only_citing_claims_broken(project, CLAIMS_CITING_004)


def test_article_over_the_size_limit(data_copy: ProjectPaths) -> None:
    path = _replace_article(data_copy, ARTICLE_004, b"a" * 2_000_001)
    project = load_project(data_copy)
    [problem] = _problems_of(project, path)
    assert "2,000,001 bytes" in problem.message and "2,000,000" in problem.message
    _assert_only_citing_claims_broken(project, CLAIMS_CITING_004)


def test_missing_article_listed_in_metadata(data_copy: ProjectPaths) -> None:
    (data_copy.seeds / ARTICLE_004).unlink()
    project = load_project(data_copy)
    [problem] = _problems_of(project, data_copy.seeds / ARTICLE_004)
    assert "missing" in problem.message
    _assert_only_citing_claims_broken(project, CLAIMS_CITING_004)


def test_moved_passages_are_relocated_with_a_warning(data_copy: ProjectPaths) -> None:
    text = (data_copy.seeds / ARTICLE_004).read_text(encoding="utf-8")
    path = _replace_article(data_copy, ARTICLE_004, ("UPDATE: corrected a typo.\n\n" + text).encode("utf-8"))
    project = load_project(data_copy)
    assert any("sha256 changed" in p.message for p in _problems_of(project, path))
    moved = [p for p in project.problems if p.file == str(data_copy.claims) and "selector is out of date" in p.message]
    assert moved and all(p.severity == "warning" and ".evidence[" in p.location for p in moved)
    _assert_only_citing_claims_broken(project, set())
    assert project.verified_passages == CURATED_PASSAGES
    for claim in project.claims.claims:
        for ev in claim.evidence:
            assert ev.text == ev.anchor.exact


def test_vanished_passage_breaks_only_its_claim(data_copy: ProjectPaths) -> None:
    text = (data_copy.seeds / ARTICLE_004).read_text(encoding="utf-8")
    claims = json.loads(data_copy.claims.read_text(encoding="utf-8"))
    index, turkey = next((i, c) for i, c in enumerate(claims["claims"]) if c["id"] == "turkey-troops")
    exact = turkey["evidence"][0]["selector"][0]["exact"]
    assert exact in text
    _replace_article(data_copy, ARTICLE_004, text.replace(exact, "").encode("utf-8"))
    project = load_project(data_copy)
    [problem] = [p for p in project.problems if p.file == str(data_copy.claims) and p.severity == "error"]
    assert problem.location == f"claims[{index}] (turkey-troops).evidence[0]"
    assert "broken passage in " + ARTICLE_004 in problem.message
    _assert_only_citing_claims_broken(project, {"turkey-troops"})
    assert project.verified_passages == CURATED_PASSAGES - 1


@pytest.mark.parametrize("bad_id", ["../../etc/passwd", "/etc/passwd", "..", "sub/dir.txt", "a\x00b.txt", ""])
def test_escaping_source_id_in_metadata_is_refused(data_copy: ProjectPaths, bad_id: str) -> None:
    meta = _meta(data_copy)
    meta["sources"].append({"id": bad_id, "title": "x"})
    _write_meta(data_copy, meta)
    project = load_project(data_copy)
    index = len(meta["sources"]) - 1
    meta_file = str(data_copy.seeds / "sources.json")
    [problem] = [p for p in project.problems if p.file == meta_file]
    assert problem.location.startswith(f"sources[{index}]")
    assert problem.severity == "error"
    if bad_id:
        assert project.sources[bad_id].text is None
    assert all(s.text is None or s.path.parent == data_copy.seeds.resolve() for s in project.sources.values())
    _assert_only_citing_claims_broken(project, set())


def test_symlink_leading_out_of_seeds_is_refused(data_copy: ProjectPaths, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Kosovo will lead the Rafah sector.", encoding="utf-8")
    link = data_copy.seeds / "zz_link.txt"
    os.symlink(secret, link)
    project = load_project(data_copy)
    [problem] = _problems_of(project, link)
    assert "leads outside seeds/" in problem.message
    assert project.sources["zz_link.txt"].text is None
    _assert_only_citing_claims_broken(project, set())


def test_symlinked_seeds_folder_still_confines(data_copy: ProjectPaths, tmp_path: Path) -> None:
    """A link to the whole folder is fine; links inside it still may not lead out."""
    alias = tmp_path / "seeds-alias"
    os.symlink(data_copy.seeds, alias)
    project = load_project(ProjectPaths(data_copy.sectors, data_copy.claims, alias, data_copy.context))
    assert project.verified_passages == CURATED_PASSAGES and not project.problems


def test_malformed_metadata_keeps_the_articles(data_copy: ProjectPaths) -> None:
    meta_path = data_copy.seeds / "sources.json"
    meta_path.write_text(meta_path.read_text(encoding="utf-8")[:-40], encoding="utf-8")
    project = load_project(data_copy)
    [problem] = _problems_of(project, meta_path)
    assert "malformed JSON" in problem.message and problem.location.startswith("line ")
    assert len(project.sources) == ARTICLES
    assert all(s.text is not None and s.date is None for s in project.sources.values())
    _assert_only_citing_claims_broken(project, set())


def test_metadata_of_the_wrong_shape(data_copy: ProjectPaths) -> None:
    _write_meta(data_copy, {"sources": {"a": 1}})
    project = load_project(data_copy)
    [problem] = _problems_of(project, data_copy.seeds / "sources.json")
    assert "'sources' list" in problem.message
    assert len(project.sources) == ARTICLES


def test_metadata_entry_errors_are_located(data_copy: ProjectPaths) -> None:
    meta = _meta(data_copy)
    meta["sources"].append(7)
    meta["sources"].append(dict(meta["sources"][0]))
    meta["sources"][1]["date"] = {"kind": "exact", "earliest": "yesterday"}
    meta["sources"][2]["title_evidence"] = [{"type": "TextQuoteSelector", "exact": "never written"},
                                            {"type": "TextPositionSelector", "start": 0, "end": 13}]
    _write_meta(data_copy, meta)
    project = load_project(data_copy)
    found = {(p.location, p.severity) for p in _problems_of(project, data_copy.seeds / "sources.json")}
    assert (f"sources[{ARTICLES}]", "error") in found
    assert (f"sources[{ARTICLES + 1}]", "error") in found  # duplicate id
    assert ("sources[1].date", "error") in found
    assert ("sources[2].title_evidence", "error") in found
    # a title that no passage supports is not shown: the first line is used instead
    source = project.sources[meta["sources"][2]["id"]]
    assert source.title != meta["sources"][2]["title"]
    _assert_only_citing_claims_broken(project, set())


def test_oversized_metadata_is_refused(data_copy: ProjectPaths) -> None:
    with (data_copy.seeds / "sources.json").open("r+b") as handle:
        handle.truncate(6_000_000)
    project = load_project(data_copy)
    [problem] = _problems_of(project, data_copy.seeds / "sources.json")
    assert "6,000,000 bytes" in problem.message


def test_missing_seeds_folder(data_copy: ProjectPaths, tmp_path: Path) -> None:
    paths = ProjectPaths(data_copy.sectors, data_copy.claims, tmp_path / "nowhere", data_copy.context)
    project = load_project(paths)
    assert any(p.file == str(tmp_path / "nowhere") and "does not exist" in p.message for p in project.problems)
    assert len(project.sectors.sectors) == 5 and all(c.broken for c in project.claims.claims)
