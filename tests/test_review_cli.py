"""`mapview ingest FILE --url/--outlet/--date/--title` and `mapview review`, end to end on a copy of the project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mapview.cli import main
from mapview.data.project import ProjectPaths, load_project
from tests.conftest import CURATED_CLAIMS

# one hedged third-party sentence (rules: speculative) and one stated by the nation's own minister (confirmed)
ARTICLE = (
    "Sector leads named for the stabilization force\n"
    "\n"
    "According to reports, Albania may be responsible for the Deir al-Balah sector.\n"
    "Kosovo's Defence Minister Ejup Maqedonci said Kosovo will lead the North Gaza sector.\n"
)
ALBANIA = "According to reports, Albania may be responsible for the Deir al-Balah sector."


def _run(paths: ProjectPaths, *args: str) -> int:
    return main(["--seeds", str(paths.seeds), "--claims", str(paths.claims), "--sectors", str(paths.sectors),
                 *args])


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture()
def ingested(data_copy: ProjectPaths, tmp_path: Path, capsys) -> dict[str, dict]:
    """The article ingested with its metadata; the pending proposals by nation."""
    article = tmp_path / "leads.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert _run(data_copy, "ingest", str(article), "--url", "https://news.example/leads", "--outlet",
                "Example News", "--date", "2026-02-24", "--title", "Leads named") == 0
    capsys.readouterr()
    assert _run(data_copy, "review", "--json") == 0
    pending = json.loads(capsys.readouterr().out)["pending"]
    return {p["nation"]: p for p in pending}


def _claims(paths: ProjectPaths) -> dict[str, dict]:
    return {c["id"]: c for c in json.loads(paths.claims.read_text(encoding="utf-8"))["claims"]}


def test_ingest_records_the_url_outlet_date_and_title_the_user_gave(data_copy: ProjectPaths,
                                                                    ingested: dict) -> None:
    source_id = ingested["Albania"]["source"]
    entry = next(e for e in json.loads((data_copy.seeds / "sources.json").read_text(encoding="utf-8"))["sources"]
                 if e["id"] == source_id)
    assert (entry["url"], entry["url_from"]) == ("https://news.example/leads", "user")
    assert (entry["outlet"], entry["outlet_from"]) == ("Example News", "user")
    assert (entry["title"], entry["title_from"]) == ("Leads named", "user")
    assert entry["date"]["kind"] == "exact" and entry["date"]["label"] == "2026-02-24"
    assert entry["date"]["from"] == "user" and "--date" in entry["date"]["reasoning"]
    assert (data_copy.seeds / source_id).read_text(encoding="utf-8") == ARTICLE  # a text file is stored as given
    project = load_project(data_copy)
    assert project.problems == []
    source = project.sources[source_id]
    assert (source.url, source.outlet, source.title, source.date.label) == (
        "https://news.example/leads", "Example News", "Leads named", "2026-02-24")


def test_metadata_options_describe_one_file_only(data_copy: ProjectPaths, tmp_path: Path, capsys) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(ARTICLE, encoding="utf-8")
    two.write_text(ARTICLE.replace("Albania", "Kosovo"), encoding="utf-8")
    before = _tree(data_copy.seeds.parent)
    assert _run(data_copy, "ingest", str(one), str(two), "--outlet", "Example News") == 2
    assert "--outlet describes one article" in capsys.readouterr().err
    # a fetched page's metadata is its own: refused before anything is fetched
    assert _run(data_copy, "ingest", "http://127.0.0.1:9/article", "--date", "2026-02-10") == 2
    assert "--date describes one article: give one file" in capsys.readouterr().err
    assert _tree(data_copy.seeds.parent) == before


def test_review_lists_pending_proposals_with_who_says_them(data_copy: ProjectPaths, ingested: dict,
                                                           capsys) -> None:
    assert {n: p["status"] for n, p in ingested.items()} == {"Albania": "speculative", "Kosovo": "confirmed"}
    assert _run(data_copy, "review") == 0
    out = capsys.readouterr().out
    assert ingested["Albania"]["id"] in out and f"“{ALBANIA}”" in out
    assert "said by a media report (reports), hedged → speculative" in out
    assert "2 proposal(s) pending" in out


def test_accept_takes_the_engines_status_and_records_who_says_it(data_copy: ProjectPaths, ingested: dict,
                                                                 capsys) -> None:
    albania = ingested["Albania"]["id"]
    assert _run(data_copy, "review", "--accept", albania) == 0
    assert "speculative" in capsys.readouterr().out
    claim = _claims(data_copy)[albania]
    assert "status" not in claim  # derived from the passages, not stored
    assert [(e["said_by"], e["manner"]) for e in claim["evidence"]] == [("media", "hedged")]
    project = load_project(data_copy)
    assert project.problems == [] and len(project.claims.claims) == CURATED_CLAIMS + 1
    accepted = next(c for c in project.claims.claims if c.id == albania)
    assert accepted.status == "speculative" and accepted.evidence[0].text == ALBANIA
    assert _run(data_copy, "review", "--json") == 0  # no longer pending
    assert [p["nation"] for p in json.loads(capsys.readouterr().out)["pending"]] == ["Kosovo"]


def test_a_status_the_rules_do_not_give_needs_a_reason(data_copy: ProjectPaths, ingested: dict, capsys) -> None:
    albania = ingested["Albania"]["id"]
    before = _tree(data_copy.claims.parent)
    assert _run(data_copy, "review", "--accept", albania, "--status", "reported") == 1
    assert "give 'speculative', not 'reported'" in capsys.readouterr().err
    assert _tree(data_copy.claims.parent) == before  # nothing written
    assert _run(data_copy, "review", "--accept", albania, "--status", "reported", "--reason",
                "the outlet's own wire copy states it without the hedge") == 0
    claim = _claims(data_copy)[albania]
    assert claim["status"] == "reported" and claim["status_reason"].startswith("the outlet's own")
    shown = next(c for c in load_project(data_copy).claims.claims if c.id == albania)
    assert shown.status == "reported" and shown.basis.overridden


def test_changing_who_says_it_changes_the_status(data_copy: ProjectPaths, ingested: dict, capsys) -> None:
    kosovo = ingested["Kosovo"]["id"]
    assert _run(data_copy, "review", "--accept", kosovo, "--speaker-kind", "media") == 0
    claim = _claims(data_copy)[kosovo]
    assert [(e["said_by"], e["manner"]) for e in claim["evidence"]] == [("media", "stated")]
    assert next(c for c in load_project(data_copy).claims.claims if c.id == kosovo).status == "reported"
    assert _run(data_copy, "review", "--accept", kosovo) == 1  # decided already
    assert "already accepted" in capsys.readouterr().err


def test_bad_options_are_usage_errors_that_write_nothing(data_copy: ProjectPaths, ingested: dict,
                                                         capsys) -> None:
    albania = ingested["Albania"]["id"]
    before = _tree(data_copy.claims.parent)
    assert _run(data_copy, "review", "--accept", albania, "--speaker-kind", "bogus") == 2
    assert _run(data_copy, "review", "--accept", albania, "--manner", "hedged", "--manner", "stated") == 2
    assert _run(data_copy, "review", "--reject", albania, "--reason", "no") == 2
    assert _run(data_copy, "review", "--accept", "no-such-proposal") == 1
    assert _tree(data_copy.claims.parent) == before
    assert "no proposal 'no-such-proposal'" in capsys.readouterr().err


def test_reject_is_remembered_and_not_proposed_again(data_copy: ProjectPaths, ingested: dict, tmp_path: Path,
                                                     capsys) -> None:
    kosovo = ingested["Kosovo"]["id"]
    assert _run(data_copy, "review", "--reject", kosovo) == 0
    rejected = json.loads((data_copy.claims.parent / "rejected.json").read_text(encoding="utf-8"))["rejected"]
    assert [r["proposal"] for r in rejected] == [kosovo]
    assert kosovo not in _claims(data_copy)
    again = tmp_path / "again.txt"
    again.write_text(ARTICLE, encoding="utf-8")
    assert _run(data_copy, "ingest", str(again)) == 0
    capsys.readouterr()
    assert _run(data_copy, "review", "--json") == 0
    assert [p["nation"] for p in json.loads(capsys.readouterr().out)["pending"]] == ["Albania"]
