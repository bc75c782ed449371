"""The evidence dossier: the map plus every passage behind it, as self-contained HTML or as Markdown.

Order: the map; per sector its lead, status, every supporting passage (verbatim, with source, date and offsets)
and the claims that contradict it; force-wide roles by nation; the disagreements; the sources with the basis of
their dates; the attribution. Every string that comes from an article or the claims file is escaped.
"""

from __future__ import annotations

import base64
import contextlib
import html
import io
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from mapview import wording
from mapview.data.atomic import atomic_write_bytes, atomic_writer
from mapview.data.grouping import disagreements_among, group_by_nation
from mapview.data.problems import inert

if TYPE_CHECKING:
    import argparse

    from mapview.data.assignments import AssignmentView, SectorView
    from mapview.data.claims import Claim
    from mapview.data.project import Project

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_TITLE = "ISF sectors in Gaza: evidence dossier"
MAP_DPI = 220  # the HTML dossier's map: 7 inches wide, so printed at most 17.5 cm wide it has >= 200 ppi
MAP_SIZE_IN = (7.0, 8.0)
MAP_PRINT_WIDTH_CM = 17.5
MD_MAP_DPI = 200  # the Markdown dossier's map: the A4 export page, print quality

_CSS = """
body{font-family:-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#1b1b1b;line-height:1.5}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
h3{margin-top:1.4rem;font-size:1.1rem}img.map{max-width:100%;border:1px solid #bbb}
@media print{img.map{width:100%;max-width:17.5cm}}
blockquote{margin:.6rem 0;padding:.4rem .9rem;border-left:4px solid #0072B2;background:#f4f7fa}
blockquote.against{border-left-color:#D55E00;background:#fbf4ef}.cite{font-size:.88rem;color:#444}
.meta{color:#444;font-size:.92rem}.broken{color:#b00000;font-weight:bold}code{font-size:.9em}
"""


def _md_escape(text: str) -> str:
    """Escape Markdown and inline-HTML syntax so article text renders verbatim and inert."""
    return re.sub(r"([\\`*_\[\]<>|&#])", r"\\\1", text)


_BIDI_MARKS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


def _printable(text: str) -> str:
    """Text that encodes as UTF-8: a file name that is not UTF-8 (its bytes kept as lone surrogates by the
    file system encoding) shows those bytes as ``\\xNN``."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _balanced(text: str, open_mark: str, close_mark: str) -> str:
    """Data isolates (FSI…PDI from :func:`wording.datum`) as ``open_mark``…``close_mark``; any other bidi control
    (one the data brought, an isolate left open or closed twice) escaped as ``\\uXXXX``, so what is written is
    balanced and no field reorders its neighbours."""
    depth = 0
    out: list[str] = []
    cursor = 0
    for m in _BIDI_MARKS.finditer(text):
        out.append(text[cursor:m.start()])
        cursor = m.end()
        ch = m.group()
        if ch == wording.FSI:
            depth += 1
            out.append(open_mark)
        elif ch == wording.PDI and depth:
            depth -= 1
            out.append(close_mark)
        else:
            out.append(f"\\u{ord(ch):04x}")
    out.append(text[cursor:])
    return "".join(out) + close_mark * depth


class _Parts:
    """Where a writer's parts go: kept in a list (``build_dossier``), or written to a file as they come, one line
    break between parts as ``"\\n".join`` would put them (``write_dossier``: memory stays bounded)."""

    def __init__(self, sink: io.TextIOBase | None = None) -> None:
        self.sink = sink
        self.kept: list[str] = []
        self.count = 0

    def append(self, part: str) -> None:
        if self.sink is None:
            self.kept.append(part)
        else:
            self.sink.write(part if not self.count else "\n" + part)
        self.count += 1


@dataclass
class _Writer:
    """Collects the dossier as HTML or Markdown; callers pass raw text, the writer escapes it."""

    kind: str
    parts: _Parts = field(default_factory=_Parts)

    def esc(self, text: object) -> str:
        text = _printable(str(text))
        if self.kind == "html":
            return _balanced(html.escape(text), "<bdi>", "</bdi>")
        return _balanced(_md_escape(text), wording.FSI, wording.PDI)

    def heading(self, level: int, text: str) -> None:
        if self.kind == "html":
            self.parts.append(f"<h{level}>{self.esc(text)}</h{level}>")
        else:  # a line break in a name would end the heading and start a paragraph of the rest
            self.parts.append(f"{'#' * level} {self.esc(_LINE_BREAKS.sub(' ', text))}\n")

    def para(self, text: str, css: str = "") -> None:
        if self.kind == "html":
            klass = f' class="{css}"' if css else ""
            self.parts.append(f"<p{klass}>{self.esc(text)}</p>")
        else:
            self.parts.append(("**" + self.esc(text) + "**" if css == "broken" else self.esc(text)) + "\n")

    def items(self, lines: list[str]) -> None:
        if not lines:
            return
        if self.kind == "html":
            self.parts.append("<ul>" + "".join(f"<li>{self.esc(x)}</li>" for x in lines) + "</ul>")
        else:
            self.parts.append("\n".join(f"- {self.esc(x)}" for x in lines) + "\n")

    def quote(self, passage: str, cite: str, against: bool = False) -> None:
        if self.kind == "html":
            klass = ' class="against"' if against else ""
            body = self.esc(passage).replace("\n", "<br>")
            self.parts.append(f'<blockquote{klass}>“<bdi dir="auto">{body}</bdi>”<br><span class="cite">— '
                              f"{self.esc(cite)}</span></blockquote>")
        else:
            lines = [f"> {self.esc(wording.datum(line))}" if line.strip() else ">" for line in passage.split("\n")]
            lines[0] = "> “" + lines[0][2:]
            lines[-1] += "”"
            self.parts.append("\n".join(lines) + f"\n>\n> — {self.esc(cite)}\n")

    def image(self, src: str, alt: str) -> None:
        if self.kind == "html":
            self.parts.append(f'<p><img class="map" alt="{html.escape(alt, quote=True)}" src="{src}"></p>')
        else:
            self.parts.append(f"![{self.esc(alt)}]({src})\n")


def claim_heading(claim: Claim, names: dict[str, str] | None = None) -> str:
    """'Kosovo — sector lead — reported [kosovo-lead-north-gaza]': the window's heading and the claim's id (a site
    between two sectors names them: by ``names`` where given)."""
    return f"{wording.claim_heading(claim, names if claim.area else None)} [{wording.datum(claim.id)}]"


def _claim(w: _Writer, claim: Claim, level: int, against: bool = False, names: dict[str, str] | None = None) -> None:
    w.heading(level, claim_heading(claim, names))
    figures = wording.figures_text(claim.figures)
    meta = [x for x in ("Status " + wording.status_basis_text(claim),
                        claim.scope != "isf" and wording.scope_text(claim),
                        figures and f"Figures: {figures}", claim.note and f"Note: {wording.datum(claim.note)}") if x]
    for line in meta:
        w.para(line, "meta")
    for ev in claim.evidence:
        w.quote(ev.text, wording.passage_cite(ev), against)


def _sector(w: _Writer, view: AssignmentView, sv: SectorView, claims_by_id: dict[str, Claim],
            names: dict[str, str]) -> None:
    """A summary (lead, candidate nations with their sources and latest dates), then each claim once, grouped by
    nation, then the disagreements that touch the sector, each once: linear in the number of claims."""
    w.heading(3, wording.sector_caption(sv))
    w.para(wording.lead_sentence(sv.lead))
    if not sv.claims:
        w.para("No claim about this sector in the sources used.", "meta")
    groups = group_by_nation(sv.claims)
    if len(groups) > 1:
        w.items([wording.nation_group_line(g) for g in groups])
    for group in groups:
        for claim in group.claims:
            _claim(w, claim, 4, names=names)
    for disagreement in disagreements_among(view, sv.claims):
        w.para(f"{wording.disagreement_line(disagreement)}: {len(disagreement.claim_ids)} claims, listed above "
               "or under the disagreements.", "meta")
    for claim in sv.broken_claims:
        w.para(f"⚠ Broken evidence, not drawn: {claim_heading(claim, names)}", "broken")
        w.items([str(p.message) for p in claim.problems if p.severity == "error"])


def _force(w: _Writer, view: AssignmentView) -> None:
    by_nation: dict[str, list[Claim]] = {}
    for claim in view.force:
        by_nation.setdefault(wording.who_text(claim.nation), []).append(claim)
    if not by_nation:
        w.para("No force-wide claim in the sources used.", "meta")
    for nation, claims in by_nation.items():
        w.heading(3, nation)
        for claim in claims:
            _claim(w, claim, 4)


def _disagreements(w: _Writer, view: AssignmentView, claims_by_id: dict[str, Claim]) -> None:
    """Each disagreement once: its topic and note, and the claims on each side by heading (their passages are in
    the sector and force sections)."""
    if not view.disagreements:
        w.para("The sources used do not disagree on any recorded point.", "meta")
    for d in view.disagreements:
        w.heading(3, wording.datum(d.topic))
        if d.note:
            w.para(wording.datum(d.note), "meta")
        w.items([claim_heading(claims_by_id[c]) for c in d.claim_ids if c in claims_by_id])


def _related(w: _Writer, view: AssignmentView) -> None:
    """Efforts the sources tie to the ISF that are not part of it (e.g. training PA police after the ISF)."""
    if not view.related:
        w.para("None in the sources used.", "meta")
    for claim in view.related:
        _claim(w, claim, 3)


def _sources(w: _Writer, project: Project, used: set[str]) -> None:
    for source in project.sources.values():
        w.heading(3, f"{wording.datum(source.title)} ({wording.datum(source.id)})")
        lines = [f"Date: {wording.source_date_text(source)}" + ("" if source.id in used else
                                                                 " — not used in this view")]
        if source.outlet:
            lines.append(f"Outlet: {wording.datum(source.outlet)}")
        if wording.title_origin_text(source):
            lines.append(wording.title_origin_text(source).capitalize())
        if source.date is not None:
            lines.append(f"Date basis: {wording.datum(source.date.reasoning)}" if source.date.reasoning
                         else "Date basis: stated")
        else:
            lines.append("Date basis: the text gives no verifiable publication date.")
        if source.notes:
            lines.append(f"Notes: {wording.datum(source.notes)}")
        if source.text is None:
            lines.append("The article could not be read.")
        w.items(lines)
        if source.date is not None and source.date.basis is not None and source.date.basis.result.found:
            basis = source.date.basis
            start, end = basis.result.start, basis.result.end
            text = source.text[start:end] if source.text and start is not None and end is not None else ""
            w.quote(text or basis.anchor.exact, f"date passage, characters {start}–{end}")


@dataclass
class DossierMap:
    """The dossier's map figure and the parts tests look at."""

    figure: object
    scalebar: object
    credit: object


def compose_dossier_map(project: Project, view: AssignmentView) -> DossierMap:
    """The map with its legend, scale bar, north arrow and the boundaries' credit under it."""
    import textwrap

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from mapview.render.layout import add_scale_and_north
    from mapview.render.mapfigure import clear_legend_corner, credits, draw_map, legend_handles

    figure = Figure(figsize=MAP_SIZE_IN, dpi=MAP_DPI)
    FigureCanvasAgg(figure)
    footer = 0.055
    ax = figure.add_axes((0.0, footer, 1.0, 1.0 - footer))
    artists = draw_map(ax, project, view, whole_labels=True)
    legend = ax.legend(handles=legend_handles(view), loc="lower right", fontsize=8, title="Lead nation and status",
                       title_fontsize=8.5, framealpha=0.92)
    # clear of every sector, never in the scale bar's corner
    clear_legend_corner(ax, legend, list(artists.shapes.values()), figure.canvas.get_renderer(),
                        corners=("lower right", "upper right", "lower left"))
    scalebar = add_scale_and_north(ax, 7.5, location="upper left")
    artists.declutter_labels()  # again, clear of the legend, scale bar and north arrow now on the map
    credit = figure.text(0.01, footer / 2, textwrap.fill(credits(project), 120), ha="left", va="center",
                         fontsize=6.5, color="#333333", linespacing=1.2)
    return DossierMap(figure, scalebar, credit)


def render_map_png(project: Project, view: AssignmentView) -> bytes:
    """The dossier's map (see :func:`compose_dossier_map`) as PNG bytes at print resolution."""
    figure = compose_dossier_map(project, view).figure
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=MAP_DPI, metadata={"Software": "mapview"}, facecolor="white")
    return buffer.getvalue()


def _changes(w: _Writer, project: Project, since: date, until: date | None) -> None:
    """The "Changes since …" section: every change the Changes list shows, with the passages behind it."""
    from mapview.data.changes import changes_between

    changes, _before, _after = changes_between(project.sectors.sectors, project.claims, since, until)
    w.heading(2, f"Changes since {since.isoformat()}")
    w.para(wording.changes_heading(changes), "meta")
    names = {s.id: s.name for s in project.sectors.sectors}
    for entry in wording.change_entries(changes, names):
        w.heading(3, entry.text)
        for passage in entry.passages:
            w.quote(passage.evidence.text, f"{wording.passage_change_note(passage)}; "
                    f"{wording.passage_cite(passage.evidence)}", against=not passage.added)


def build_dossier(project: Project, view: AssignmentView, kind: str, map_src: str, title: str | None = None,
                  generated: date | None = None, since: date | None = None) -> str:
    """The dossier text (``kind`` 'html' or 'md'); ``map_src`` is the image's data URI or relative path; with
    ``since``, a "Changes since …" section follows the map. Every data field is isolated (``<bdi>`` in HTML,
    FSI…PDI in Markdown) so none can reorder the words beside it."""
    buffer = io.StringIO()
    stream_dossier(buffer, project, view, kind, map_src, title, generated, since)
    return buffer.getvalue()


def stream_dossier(sink: io.TextIOBase, project: Project, view: AssignmentView, kind: str, map_src: str,
                   title: str | None = None, generated: date | None = None, since: date | None = None) -> None:
    """Write the dossier text to ``sink`` part by part (what :func:`build_dossier` returns, never held whole)."""
    with wording.isolated_data():
        _stream_dossier(sink, project, view, kind, map_src, title, generated, since)


def _stream_dossier(sink: io.TextIOBase, project: Project, view: AssignmentView, kind: str, map_src: str,
                    title: str | None, generated: date | None, since: date | None) -> None:
    from mapview.render.layout import view_source_ids
    from mapview.render.mapfigure import credits

    title = title or DEFAULT_TITLE
    if kind == "html":
        shown_title = _balanced(html.escape(_printable(title)), "", "")
        sink.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                   f"<title>{shown_title}</title><style>{_CSS}</style></head><body>\n")
    w = _Writer(kind, _Parts(sink))
    claims_by_id = {c.id: c for sv in view.sectors for c in sv.claims} | {c.id: c for c in view.force}
    used = set(view_source_ids(view))
    w.heading(1, wording.datum(title))
    w.para(f"Sector leads of the International Stabilization Force (ISF) as the sources report them, "
           f"{wording.view_dates_text(view)}; {len(used)} of {len(project.sources)} articles used. "
           f"Generated {(generated or date.today()).isoformat()} with mapview.", "meta")
    w.para(wording.datum(project.sectors.note))
    w.image(map_src, "Map of the Gaza sectors coloured by reported lead nation")
    if since is not None:
        _changes(w, project, since, view.as_of)
    w.heading(2, "Sectors")
    names = {sv.sector.id: sv.sector.name for sv in view.sectors}  # a site between two sectors names both
    for sv in view.sectors:
        _sector(w, view, sv, claims_by_id, names)
    w.heading(2, "Force-wide roles")
    _force(w, view)
    w.heading(2, "Related efforts (not part of the ISF)")
    _related(w, view)
    w.heading(2, "Disagreements between the sources")
    _disagreements(w, view, claims_by_id)
    w.heading(2, "Sources")
    _sources(w, project, used)
    w.heading(2, "Attribution")
    w.para(wording.datum(credits(project)))
    w.para(wording.datum(project.sectors.note))
    if kind == "html":
        sink.write("\n</body></html>\n")


def write_dossier(project: Project, out: Path, *, as_of: date | None = None, include_undated: bool = True,
                  title: str | None = None, generated: date | None = None, since: date | None = None) -> Path:
    """Write the dossier as ``.html`` (self-contained) or ``.md`` (map saved beside it as ``<name>-map.png``)."""
    out = Path(out)
    kind = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}.get(out.suffix.lower())
    if kind is None:
        raise ValueError(f"cannot write a dossier as {out.suffix or 'a file without suffix'}: use .html or .md")
    if not out.parent.is_dir():
        raise OSError(f"folder {out.parent} does not exist")
    view = project.view(as_of, include_undated=include_undated)
    if kind == "html":
        png = render_map_png(project, view)
        src = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        _stream(out, lambda sink: stream_dossier(sink, project, view, kind, src, title, generated, since))
    else:
        # The Markdown dossier's map is the export page itself (legend, scale bar, north arrow, attribution), so
        # the image keeps its credit wherever it is reused; its link is percent-encoded, so a file name with
        # spaces or undecodable bytes still resolves.
        from mapview.render.export import ExportOptions, render_page_bytes

        image = out.with_name(f"{out.stem}-map.png")
        png = render_page_bytes(project, view, ExportOptions("png", MD_MAP_DPI, title=title,
                                                             generated=generated or date.today()))
        had_image = os.path.lexists(image)
        _write(image, png)
        try:
            _stream(out, lambda sink: stream_dossier(sink, project, view, kind, quote(os.fsencode(image.name)),
                                                     title, generated, since))
        except DossierWriteError:
            if not had_image:  # a failed export leaves nothing behind
                with contextlib.suppress(OSError):
                    image.unlink()
            raise
    return out


class DossierWriteError(OSError):
    """A dossier file that could not be written, naming that file (the map image or the text)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason


def _stream(path: Path, write: Callable[[io.TextIOBase], None]) -> None:
    """Write a text file atomically through ``write``, encoded as UTF-8 piece by piece."""
    try:
        with atomic_writer(path) as handle:
            sink = io.TextIOWrapper(handle, encoding="utf-8", newline="", write_through=False)
            write(sink)
            sink.flush()
            sink.detach()  # the atomic writer closes the file, after its fsync
    except OSError as exc:
        raise DossierWriteError(path, exc.strerror or str(exc)) from None


def _write(path: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise DossierWriteError(path, exc.strerror or str(exc)) from None


def run_dossier_command(args: argparse.Namespace, project: Project) -> int:
    """``mapview dossier``: 0 written, 1 failed to write (or written with broken claims), 2 bad arguments."""
    out = Path(args.out)
    if out.suffix.lower() not in (".html", ".htm", ".md", ".markdown"):
        print(f"error: cannot write a dossier as {out.suffix or 'a file without suffix'}: use .html or .md",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        write_dossier(project, out, as_of=getattr(args, "as_of", None),
                      include_undated=getattr(args, "include_undated", False), title=getattr(args, "title", None),
                      since=getattr(args, "since", None))
    except DossierWriteError as exc:
        print(f"error: cannot write {inert(os.fsdecode(exc.path))}: {exc.reason}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"error: cannot write {inert(os.fsdecode(out))}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    for problem in project.problems:
        print(problem, file=sys.stderr)
    print(f"wrote {inert(os.fsdecode(out))}")
    return EXIT_FAILED if any(p.severity == "error" for p in project.problems) else EXIT_OK
