"""The timeline export: one frame per source day, each the whole export page (the day in its title, that day's
legend), as a looping GIF; MP4 where ffmpeg is installed, refused with a reason where it is not."""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stderr, redirect_stdout
from datetime import date

import pytest
from PIL import Image, ImageSequence

from mapview.cli import main
from mapview.data.project import load_project
from mapview.render import timeline
from mapview.render.timeline import frame_title, timeline_days
from tests.changes_fixture import DAY_A, DAY_B, dated_project
from tests.conftest import drawn_fill


def _export(paths, out, *extra: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        code = main(["export", "--timeline", str(out), *extra, "--sectors", str(paths.sectors),
                     "--claims", str(paths.claims), "--seeds", str(paths.seeds)])
    return code, stdout.getvalue(), stderr.getvalue()


def _share(frame: Image.Image, colour: str) -> float:
    """The share of a frame's pixels within a few levels of ``colour`` (as ``close_colours`` judges, per channel)."""
    import numpy as np

    pixels = np.asarray(frame.convert("RGB"), dtype=int)
    target = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
    return float((np.abs(pixels - target) <= 6).all(axis=2).mean())


def test_a_frame_per_source_day_with_that_days_map(tmp_path) -> None:
    paths = dated_project(tmp_path / "p")
    project = load_project(paths)
    assert timeline_days(project) == [date.fromisoformat(DAY_A), date.fromisoformat(DAY_B)]
    out = tmp_path / "timeline.gif"
    code, text, err = _export(paths, out)
    assert code == 0, err
    assert f"2 frame(s), {DAY_A} to {DAY_B}" in text
    gif = Image.open(out)
    frames = [f.copy().convert("RGB") for f in ImageSequence.Iterator(gif)]
    assert len(frames) == 2 and gif.info["loop"] == 0
    assert frames[0].size[0] == 595  # A4 at 72 dpi
    # Albania's lead in Deir al-Balah is reported on the second day only; Kosovo's speculative fill on the first
    albania = drawn_fill("Albania", "reported")
    assert _share(frames[0], albania) < 0.001 < _share(frames[1], albania)
    kosovo_early = drawn_fill("Kosovo", "speculative")
    assert _share(frames[0], kosovo_early) > 0.005
    assert frame_title(None, date(2026, 2, 1)).endswith("as of 2026-02-01")


def test_what_cannot_be_made_says_why(tmp_path, monkeypatch) -> None:
    paths = dated_project(tmp_path / "p")
    code, _, err = _export(paths, tmp_path / "t.png")
    assert code == 2 and ".gif" in err
    monkeypatch.setattr(timeline.shutil, "which", lambda name: None)
    code, _, err = _export(paths, tmp_path / "t.mp4")
    assert code == 2 and "needs ffmpeg" in err and not (tmp_path / "t.mp4").exists()
    sources = paths.seeds / "sources.json"
    sources.write_text(sources.read_text(encoding="utf-8").replace('"date"', '"undated_note"'), encoding="utf-8")
    code, _, err = _export(paths, tmp_path / "t.gif")
    assert code == 1 and "no source has a date" in err and not (tmp_path / "t.gif").exists()


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg is not installed")
def test_mp4_where_ffmpeg_is_installed(tmp_path) -> None:
    paths = dated_project(tmp_path / "p")
    out = tmp_path / "timeline.mp4"
    code, _, err = _export(paths, out)
    assert code == 0, err
    data = out.read_bytes()
    assert data[4:8] == b"ftyp" and len(data) > 1000
