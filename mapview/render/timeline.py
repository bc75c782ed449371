"""The timeline export: the map day by day over the sources' dates, as an animated GIF (Pillow) or, where ffmpeg
is installed, an MP4.

One frame per day on which a dated source appeared (the map changes on no other day), each the full export page
(title with the day, the legend of that day's map, scale bar, attribution, the sources line), so any single frame
can be cited alone. Undated sources cannot be placed in time: they are left out unless asked for, and then count
in every frame (the page's sources line says which).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mapview.data.atomic import atomic_write_bytes
from mapview.render.export import ExportError

if TYPE_CHECKING:
    from mapview.data.project import Project

TIMELINE_FORMATS = {".gif": "gif", ".mp4": "mp4"}
FRAME_DPI = 72  # an A4 page at 72 dpi is 595 x 842 px: the labels and legend stay legible, the GIF small
FRAME_MS = 1200  # each day shown this long
LAST_FRAME_MS = 3000  # the last day stays a little longer before the loop starts again
DEFAULT_TITLE = "ISF sector leads as reported"


def timeline_days(project: Project) -> list[date]:
    """The days the map can change: the earliest day of each dated source, in order."""
    return sorted({s.date.earliest for s in project.sources.values() if s.date is not None})


def frame_title(title: str | None, day: date) -> str:
    """A frame's title: the title and the day the map shows."""
    return f"{title or DEFAULT_TITLE} — as of {day.isoformat()}"


def render_frames(project: Project, days: list[date], include_undated: bool = False, dpi: int = FRAME_DPI,
                  size_mm: tuple[float, float] = (210.0, 297.0), title: str | None = None,
                  generated: date | None = None):
    """One RGB Pillow image per day: the export page of the map as of that day."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    from mapview.render.layout import compose_page

    frames = []
    for day in days:
        view = project.view(day, include_undated=include_undated)
        figure = compose_page(project, view, size_mm=size_mm, title=frame_title(title, day),
                              generated=generated or date.today())
        canvas = FigureCanvasAgg(figure)
        figure.set_dpi(dpi)
        canvas.draw()
        frames.append(Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba()).convert("RGB"))
    return frames


def gif_bytes(frames) -> bytes:
    """The frames as a looping animated GIF (one adaptive palette per frame, no dithering: flat fills stay flat)."""
    from PIL import Image

    paletted = [f.quantize(colors=255, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE) for f in frames]
    durations = [FRAME_MS] * (len(frames) - 1) + [LAST_FRAME_MS]
    buffer = io.BytesIO()
    paletted[0].save(buffer, format="GIF", save_all=True, append_images=paletted[1:], duration=durations, loop=0,
                     optimize=False, disposal=1)
    return buffer.getvalue()


def mp4_bytes(frames, ffmpeg: str) -> bytes:
    """The frames as an H.264 MP4 (yuv420p, even sizes) made by ``ffmpeg``; ExportError when it fails."""
    with tempfile.TemporaryDirectory(prefix="mapview-timeline-") as folder:
        for i, frame in enumerate(frames + frames[-1:] * 2):  # the last day held a little longer
            frame.save(Path(folder) / f"frame{i:04d}.png")
        out = Path(folder) / "timeline.mp4"
        command = [ffmpeg, "-v", "error", "-y", "-framerate", f"{1000 / FRAME_MS:.4f}",
                   "-i", str(Path(folder) / "frame%04d.png"), "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2",
                   "-c:v", "libx264", "-pix_fmt", "yuv420p", "-r", "25", str(out)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ExportError(f"ffmpeg could not make the MP4: {exc}") from None
        if done.returncode != 0 or not out.is_file():
            raise ExportError(f"ffmpeg could not make the MP4: {done.stderr.strip()[-300:] or done.returncode}")
        return out.read_bytes()


def export_timeline(project: Project, out: Path, *, include_undated: bool = False, dpi: int = FRAME_DPI,
                    size_mm: tuple[float, float] = (210.0, 297.0), title: str | None = None,
                    generated: date | None = None) -> tuple[Path, list[date]]:
    """Write the timeline to ``out`` (.gif, or .mp4 where ffmpeg is installed); the days it shows."""
    out = Path(out)
    kind = TIMELINE_FORMATS.get(out.suffix.lower())
    if kind is None:
        raise ExportError(f"a timeline is written as .gif (or .mp4 where ffmpeg is installed), not "
                          f"{out.suffix or 'a file without suffix'}", usage=True)
    ffmpeg = shutil.which("ffmpeg") if kind == "mp4" else None
    if kind == "mp4" and ffmpeg is None:
        raise ExportError("an MP4 timeline needs ffmpeg, which is not installed here; write a .gif instead",
                          usage=True)
    if not out.parent.is_dir():
        raise ExportError(f"folder {out.parent} does not exist")
    days = timeline_days(project)
    if not days:
        raise ExportError("no source has a date, so there is no timeline to draw (add dates in sources.json)")
    frames = render_frames(project, days, include_undated, dpi, size_mm, title, generated)
    data = gif_bytes(frames) if kind == "gif" else mp4_bytes(frames, ffmpeg or "ffmpeg")
    try:
        atomic_write_bytes(out, data)
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from None
    return out, days


def run_timeline_command(args, project: Project) -> int:
    """``mapview export --timeline out.gif``: 0 written, 1 failed (or written with broken claims), 2 usage."""
    import sys

    from mapview.data.problems import errors, inert
    from mapview.render.layout import parse_size

    try:
        size = parse_size(getattr(args, "size", None) or "A4")
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    dpi = getattr(args, "dpi", None)
    try:
        out, days = export_timeline(project, args.out, include_undated=getattr(args, "include_undated", False),
                                    dpi=FRAME_DPI if dpi in (None, 200) else int(dpi), size_mm=size,
                                    title=getattr(args, "title", None))
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2 if exc.usage else 1
    for problem in project.problems:
        print(problem, file=sys.stderr)
    print(inert(f"wrote {out}: {len(days)} frame(s), {days[0].isoformat()} to {days[-1].isoformat()}"))
    return 1 if errors(project.problems) else 0
