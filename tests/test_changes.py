"""What changed between two days: the pure comparison, its wording, and ``changes --json`` (the Changes list's
agreement with it is tested in tests/test_qt_changes.py)."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from datetime import date

from mapview import wording
from mapview.cli import main
from mapview.data.changes import CHANGED, CONTEST, LEAD, NEW, RETIRED, STATUS, changes_between, compare
from mapview.data.project import load_project
from tests.changes_fixture import (
    BEFORE,
    QUOTE_A,
    QUOTE_B_ALBANIA,
    QUOTE_B_KOSOVO,
    QUOTE_C,
    add_late_article,
    dated_project,
)


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def _args(paths) -> list[str]:
    return ["--sectors", str(paths.sectors), "--claims", str(paths.claims), "--seeds", str(paths.seeds)]


def test_a_replay_that_changes_a_lead_and_a_status(tmp_path) -> None:
    project = load_project(dated_project(tmp_path))
    assert not [p for p in project.problems if p.severity == "error"]
    changes, before, after = changes_between(project.sectors.sectors, project.claims, date.fromisoformat(BEFORE))
    by_id = {c.sector_id: c for c in changes.sectors}
    assert set(by_id) == {"north-gaza", "deir-al-balah"}
    # North Gaza: the same nation, its status raised by the official's statement of 2026-02-01
    north = by_id["north-gaza"]
    assert north.kinds == (STATUS,)
    assert north.before.nation == north.after.nation == "Kosovo"
    assert north.before.status == "speculative" and north.after.status != "speculative"
    assert [p.evidence.text for p in north.passages] == [QUOTE_B_KOSOVO]  # the passage that caused it, only
    # Deir al-Balah: no lead before, Albania after, from the one new passage
    deir = by_id["deir-al-balah"]
    assert deir.kinds == (LEAD,) and deir.before is None and deir.after.nation == "Albania"
    assert [(p.evidence.text, p.added) for p in deir.passages] == [(QUOTE_B_ALBANIA, True)]
    kinds = {(c.kind, c.claim.id) for c in changes.claims}
    assert kinds == {(CHANGED, "kosovo-lead-north-gaza"), (NEW, "albania-lead-deir-al-balah")}
    # the other way round, everything is undone, passage by passage
    back = compare(after, before)
    assert {c.sector_id for c in back.sectors} == {"north-gaza", "deir-al-balah"}
    assert {(c.kind, c.claim.id) for c in back.claims} == {(CHANGED, "kosovo-lead-north-gaza"),
                                                          (RETIRED, "albania-lead-deir-al-balah")}
    assert all(not p.added for c in back.sectors for p in c.passages)
    # nothing changes between a day and itself, nor before the first article
    assert compare(after, after).empty
    assert changes_between(project.sectors.sectors, project.claims, date(2025, 1, 1), date(2026, 1, 1))[0].empty


def test_a_claim_retired_after_the_day_shows_as_retired(tmp_path) -> None:
    paths = dated_project(tmp_path)
    doc = json.loads(paths.claims.read_text(encoding="utf-8"))
    doc["claims"][1]["retired"] = {"reason": "misread", "at": "2026-03-01T10:00:00+00:00"}
    paths.claims.write_text(json.dumps(doc), encoding="utf-8")
    project = load_project(paths)
    changes, _, _ = changes_between(project.sectors.sectors, project.claims, date(2026, 2, 15))
    assert [(c.kind, c.claim.id) for c in changes.claims] == [(RETIRED, "albania-lead-deir-al-balah")]
    assert [(c.sector_id, c.kinds, c.after) for c in changes.sectors] == [("deir-al-balah", (LEAD,), None)]
    # retired before the day: it counts on neither day, so nothing changed
    assert changes_between(project.sectors.sectors, project.claims, date(2026, 3, 2))[0].empty


def test_a_second_nation_makes_the_sector_contested(tmp_path) -> None:
    paths = dated_project(tmp_path)
    doc = json.loads(paths.claims.read_text(encoding="utf-8"))
    doc["claims"][1]["sector"] = "north-gaza"  # Albania now also said to lead North Gaza, on 2026-02-01
    paths.claims.write_text(json.dumps(doc), encoding="utf-8")
    project = load_project(paths)
    changes, _, _ = changes_between(project.sectors.sectors, project.claims, date.fromisoformat(BEFORE))
    (north,) = changes.sectors
    assert north.kinds == (CONTEST,) and north.after.contested and not north.before.contested
    assert [d.kind for d in changes.disagreements] == [NEW]
    text = wording.change_entries(changes, {"north-gaza": "North Gaza"})[0].text
    assert text == "North Gaza — now contested: Kosovo (speculative, single source) → contested: Albania / Kosovo"


def test_changes_json_and_text_say_the_same(tmp_path) -> None:
    paths = dated_project(tmp_path)
    code, out, _ = _run(["changes", "--since", BEFORE, "--json", *_args(paths)])
    assert code == 0
    doc = json.loads(out)
    assert doc["since"] == BEFORE and doc["until"] is None
    sectors = {s["id"]: s for s in doc["sectors"]}
    assert sectors["north-gaza"]["changed"] == ["status"]
    assert sectors["north-gaza"]["before"]["status"] == "speculative"
    assert [p["exact"] for p in sectors["north-gaza"]["passages"]] == [QUOTE_B_KOSOVO]
    assert sectors["deir-al-balah"]["before"] is None and sectors["deir-al-balah"]["after"]["nation"] == "Albania"
    assert sectors["deir-al-balah"]["text"].startswith("Deir al-Balah — lead changed: no lead reported → Albania")
    code, text, _ = _run(["changes", "--since", BEFORE, *_args(paths)])
    assert code == 0
    for entry in doc["sectors"] + doc["claims"]:
        assert entry["text"] in text
    assert QUOTE_A not in text  # counted on both days: not a change
    code, out, _ = _run(["changes", "--since", "2026-02-01", "--json", *_args(paths)])
    assert code == 0 and json.loads(out)["sectors"] == [] and "nothing changed" in json.loads(out)["heading"]
    code, _, err = _run(["changes", "--since", "2026-02-01", "--until", "2026-01-01", *_args(paths)])
    assert code == 2 and "before" in err


def test_dossier_has_a_changes_section(tmp_path) -> None:
    paths = dated_project(tmp_path / "p")
    out = tmp_path / "d.md"
    code, _, _ = _run(["dossier", str(out), "--since", BEFORE, *_args(paths)])
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert f"## Changes since {BEFORE}" in text
    section = text.split(f"## Changes since {BEFORE}")[1].split("## Sectors")[0]
    assert "Deir al-Balah — lead changed" in section and "North Gaza — status changed" in section
    # the passage itself, isolated (FSI…PDI) so its text cannot reorder the words beside it
    assert "“\u2068Albania will lead the Deir al-Balah sector\u2069”" in section


def test_since_last_looked_counts_what_was_added_whatever_its_date(tmp_path) -> None:
    paths = dated_project(tmp_path)
    code, out, _ = _run(["changes", "--last-looked", *_args(paths)])
    assert code == 1  # never looked: said, not guessed
    code, out, _ = _run(["changes", "--mark-looked", *_args(paths)])
    assert code == 0 and "2 articles, 2 claims" in out
    code, out, _ = _run(["changes", "--last-looked", "--json", *_args(paths)])
    assert code == 0 and json.loads(out)["sectors"] == [] and json.loads(out)["claims"] == []
    add_late_article(paths)  # published 2025-12-01, before every other article, added after the look
    code, out, _ = _run(["changes", "--last-looked", "--json", *_args(paths)])
    doc = json.loads(out)
    assert [(s["id"], s["changed"], s["after"]["nation"]) for s in doc["sectors"]] == [
        ("rafah", ["lead"], "Indonesia")]
    assert [(c["id"], c["change"]) for c in doc["claims"]] == [("indonesia-lead-rafah", "new")]
    assert [p["exact"] for p in doc["sectors"][0]["passages"]] == [QUOTE_C]
    # by publication day the same article is no change since 2026-01-15: it predates the day
    code, out, _ = _run(["changes", "--since", BEFORE, "--json", *_args(paths)])
    assert "rafah" not in {s["id"] for s in json.loads(out)["sectors"]}
    # a claim retired after the look shows as retired
    doc = json.loads(paths.claims.read_text(encoding="utf-8"))
    doc["claims"][1]["retired"] = {"reason": "misread", "at": "2999-01-01T00:00:00+00:00"}
    paths.claims.write_text(json.dumps(doc), encoding="utf-8")
    code, out, _ = _run(["changes", "--last-looked", "--json", *_args(paths)])
    kinds = {(c["id"], c["change"]) for c in json.loads(out)["claims"]}
    assert ("albania-lead-deir-al-balah", "retired") in kinds


def test_changes_and_the_timeline_stay_offline(network_attempts, tmp_path) -> None:
    paths = dated_project(tmp_path / "p")
    assert _run(["changes", "--since", BEFORE, "--json", *_args(paths)])[0] == 0
    assert _run(["export", "--timeline", str(tmp_path / "t.gif"), *_args(paths)])[0] == 0
    assert network_attempts == []
