"""The dossier is written piece by piece through the atomic writer: the same text as built whole, and a failure
half-way leaves the old file untouched and nothing behind."""

from __future__ import annotations

from datetime import date

import pytest

from mapview.data.project import load_project
from mapview.render import dossier
from mapview.render.dossier import DossierWriteError, build_dossier, write_dossier


def test_the_streamed_dossier_is_the_text_built_whole(data_copy, tmp_path) -> None:
    project = load_project(data_copy)
    for suffix in ("html", "md"):
        out = tmp_path / f"dossier.{suffix}"
        write_dossier(project, out, generated=date(2026, 1, 1))
        written = out.read_text(encoding="utf-8")
        src = written.split('src="', 1)[1].split('"', 1)[0] if suffix == "html" else "dossier-map.png"
        assert written == build_dossier(project, project.view(), suffix, src, generated=date(2026, 1, 1))
        assert "Sources disagree" in written or "Disagreements" in written


def test_a_failure_half_way_keeps_the_old_dossier_and_leaves_no_temp_file(data_copy, tmp_path, monkeypatch) -> None:
    project = load_project(data_copy)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "dossier.html"
    out.write_text("the old dossier", encoding="utf-8")

    def fail_in_the_sources(*_args) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(dossier, "_sources", fail_in_the_sources)  # after the sectors were already written
    with pytest.raises(DossierWriteError):
        write_dossier(project, out)
    assert out.read_text(encoding="utf-8") == "the old dossier"
    assert sorted(p.name for p in out.parent.iterdir()) == ["dossier.html"]
