"""Robustness of the claims loader: bad references and shapes are located Problems; other claims still verify."""

from __future__ import annotations

import json
from datetime import date

import pytest

from mapview.data.problems import Problem
from mapview.data.project import Project, ProjectPaths, load_project
from tests.conftest import ARTICLES, CURATED_CLAIMS, CURATED_PASSAGES

# the day before Detay Kıbrıs (2026-02-24): the seed's claims were North Gaza's and Deir al-Balah's only leads
BEFORE_LATER_LEADS = date(2026, 2, 23)


def _claims(paths: ProjectPaths) -> dict:
    return json.loads(paths.claims.read_text(encoding="utf-8"))


def _write(paths: ProjectPaths, doc: object) -> None:
    paths.claims.write_text(json.dumps(doc), encoding="utf-8")


def _index(doc: dict, claim_id: str) -> int:
    return next(i for i, c in enumerate(doc["claims"]) if c["id"] == claim_id)


def _claim_problems(project: Project) -> list[Problem]:
    return [p for p in project.problems if p.file == str(project.paths.claims)]


def _edit_claim(paths: ProjectPaths, claim_id: str, **changes: object) -> int:
    doc = _claims(paths)
    i = _index(doc, claim_id)
    doc["claims"][i].update(changes)
    _write(paths, doc)
    return i


def _assert_others_verified(project: Project, broken: str) -> None:
    assert len(project.claims.claims) == CURATED_CLAIMS
    assert [c.id for c in project.claims.claims if c.broken] == [broken]
    assert all(e.found for c in project.claims.claims if c.id != broken for e in c.evidence)


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("sector", "gaza-north", "unknown sector 'gaza-north'"),
    ("nation", "Atlantis", "unknown nation 'Atlantis'"),
])
def test_unknown_reference_breaks_only_that_claim(data_copy: ProjectPaths, field: str, value: str,
                                                  expected: str) -> None:
    i = _edit_claim(data_copy, "kosovo-lead-north-gaza", **{field: value})
    project = load_project(data_copy)
    [problem] = _claim_problems(project)
    assert problem.location == f"claims[{i}] (kosovo-lead-north-gaza)" and expected in problem.message
    _assert_others_verified(project, "kosovo-lead-north-gaza")
    view = project.view(BEFORE_LATER_LEADS).by_id()  # the seed's claim was North Gaza's only one then
    assert view["north-gaza"].lead is None  # a broken claim never colours a sector
    assert view["deir-al-balah"].lead.nation == "Albania"


@pytest.mark.parametrize("source", ["999_unknown.txt", "../../etc/passwd", "/etc/passwd", "..", "sources.json"])
def test_unknown_or_escaping_source_in_claims(data_copy: ProjectPaths, source: str) -> None:
    doc = _claims(data_copy)
    i = _index(doc, "albania-lead-deir-al-balah")
    doc["claims"][i]["evidence"][0]["source"] = source
    _write(data_copy, doc)
    project = load_project(data_copy)
    [problem] = _claim_problems(project)
    assert problem.location == f"claims[{i}] (albania-lead-deir-al-balah).evidence[0]"
    assert f"unknown source {source!r}" in problem.message
    _assert_others_verified(project, "albania-lead-deir-al-balah")
    assert project.view(BEFORE_LATER_LEADS).by_id()["deir-al-balah"].lead is None
    assert source not in project.sources


@pytest.mark.parametrize(("change", "expected"), [
    ({"role": "emperor"}, "role 'emperor' is not one of"),
    ({"status": "certain"}, "status 'certain' is not one of"),
    ({"nation": 7}, "nation must be a name or null"),
    ({"id": "Bad Id!"}, "claim id must be"),
    ({"id": "ok-id\n"}, "claim id must be"),
])
def test_unusable_claim_is_dropped_with_a_problem(data_copy: ProjectPaths, change: dict, expected: str) -> None:
    i = _edit_claim(data_copy, "turkey-troops", **change)
    project = load_project(data_copy)
    [problem] = _claim_problems(project)
    assert problem.location.startswith(f"claims[{i}]") and expected in problem.message
    assert problem.severity == "error"
    assert len(project.claims.claims) == CURATED_CLAIMS - 1 and project.broken_claims == 0


@pytest.mark.parametrize(("evidence", "expected"), [
    ([], "at least one evidence passage"),
    ("x", "at least one evidence passage"),
    ([7], "evidence must be an object"),
    ([{"source": 5}], "evidence.source must be"),
    ([{"source": "004_5daf8beab54a5ef0.txt", "selector": [{"type": "XPathSelector"}]}], "unknown selector type"),
    ([{"source": "004_5daf8beab54a5ef0.txt", "selector": [{"type": "TextQuoteSelector", "exact": "Turkey"}]}],
     "needs both"),
    ([{"source": "004_5daf8beab54a5ef0.txt", "selector": [
        {"type": "TextQuoteSelector", "exact": "Turkey"}, {"type": "TextPositionSelector", "start": 5, "end": 2}]}],
     "0 <= start < end"),
])
def test_bad_evidence_is_located(data_copy: ProjectPaths, evidence: object, expected: str) -> None:
    i = _edit_claim(data_copy, "turkey-troops", evidence=evidence)
    project = load_project(data_copy)
    [problem] = _claim_problems(project)
    assert problem.location.startswith(f"claims[{i}] (turkey-troops)") and expected in problem.message
    _assert_others_verified(project, "turkey-troops")


def test_look_alike_edit_of_the_quote_is_broken_not_re_matched(data_copy: ProjectPaths) -> None:
    doc = _claims(data_copy)
    i = _index(doc, "albania-lead-deir-al-balah")
    quote = doc["claims"][i]["evidence"][0]["selector"][0]
    assert "Albania" in quote["exact"]
    quote["exact"] = quote["exact"].replace("Albania", "Kosovo")
    _write(data_copy, doc)
    project = load_project(data_copy)
    [problem] = _claim_problems(project)
    assert problem.location == f"claims[{i}] (albania-lead-deir-al-balah).evidence[0]"
    assert "broken passage" in problem.message
    assert project.view(BEFORE_LATER_LEADS).by_id()["deir-al-balah"].lead is None


def test_duplicate_claim_id(data_copy: ProjectPaths) -> None:
    doc = _claims(data_copy)
    doc["claims"].append(dict(doc["claims"][0]))
    _write(data_copy, doc)
    project = load_project(data_copy)
    [problem] = _claim_problems(project)
    assert problem.location == f"claims[{CURATED_CLAIMS}]"
    assert "duplicate claim id 'kosovo-lead-north-gaza'" in problem.message
    assert len(project.claims.claims) == CURATED_CLAIMS


@pytest.mark.parametrize("disagreements", [5, "abc", {"a": 1}])
def test_disagreements_not_a_list(data_copy: ProjectPaths, disagreements: object) -> None:
    doc = _claims(data_copy)
    doc["disagreements"] = disagreements
    _write(data_copy, doc)
    project = load_project(data_copy)
    [problem] = _claim_problems(project)
    assert problem.location == "disagreements" and "must be a list" in problem.message
    assert len(project.claims.claims) == CURATED_CLAIMS and project.broken_claims == 0


def test_disagreement_with_unknown_or_odd_claim_refs(data_copy: ProjectPaths) -> None:
    doc = _claims(data_copy)
    doc["disagreements"][0]["claims"] += ["no-such-claim", ["a"], {"b": 1}]
    doc["disagreements"].append({"id": "x"})
    appended = len(doc["disagreements"]) - 1
    _write(data_copy, doc)
    project = load_project(data_copy)
    problems = {p.location: p.message for p in _claim_problems(project)}
    assert "'no-such-claim'" in problems["disagreements[0]"] and "['a']" in problems["disagreements[0]"]
    assert "needs an 'id' and a 'claims' list" in problems[f"disagreements[{appended}]"]
    assert project.claims.disagreements[0].claim_ids == ["usa-command-general", "usa-command-major-general"]


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", '{"claims": 5}', "null", "\ufeff{}"])
def test_unusable_claims_file_keeps_the_map(data_copy: ProjectPaths, text: str) -> None:
    data_copy.claims.write_text(text, encoding="utf-8")
    project = load_project(data_copy)
    problems = _claim_problems(project)
    assert problems and all(p.severity == "error" for p in problems)
    assert project.claims.claims == []
    assert len(project.sectors.sectors) == 5 and len(project.sources) == ARTICLES
    assert all(sv.lead is None for sv in project.view().sectors)


def test_schema_mismatch_is_a_warning(data_copy: ProjectPaths) -> None:
    doc = _claims(data_copy)
    doc["schema"] = "mapview-claims/99"
    _write(data_copy, doc)
    project = load_project(data_copy)
    [problem] = _claim_problems(project)
    assert problem.severity == "warning" and problem.location == "schema"
    assert project.verified_passages == CURATED_PASSAGES


def test_claims_file_missing(data_copy: ProjectPaths) -> None:
    data_copy.claims.unlink()
    project = load_project(data_copy)
    [problem] = _claim_problems(project)
    assert "claims file is missing" in problem.message
    assert len(project.sectors.sectors) == 5
