"""Command line: ``mapview`` opens the window; subcommands run headless (verify, assignments, export, ...).

Qt and matplotlib are imported only by the subcommands that need them, so ``verify`` stays fast and works
without a display.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from mapview import wording
from mapview.data.anchors import anchor_quote
from mapview.data.assignments import AssignmentView
from mapview.data.problems import Problem, errors, inert, inert_json
from mapview.data.project import Project, ProjectPaths, load_project

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from exc


def _data_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_argument_group("data")
    # SUPPRESS: the options may stand before or after the subcommand without one hiding the other.
    group.add_argument("--sectors", type=Path, default=argparse.SUPPRESS,
                       help="sectors file: GeoJSON, GeoPackage, Shapefile, KML/KMZ, in any CRS "
                            "(default: geodata/sectors.geojson)")
    group.add_argument("--sectors-layer", default=argparse.SUPPRESS, help="the layer to read, in a multi-layer file")
    group.add_argument("--sectors-id-field", default=argparse.SUPPRESS, help="the field holding each sector's id")
    group.add_argument("--sectors-name-field", default=argparse.SUPPRESS, help="the field holding each sector's name")
    group.add_argument("--sectors-attribution", default=argparse.SUPPRESS, metavar="TEXT",
                       help="credit line for the sector boundaries, printed on every map and export "
                            "(wins over the file's own; needed when the file carries none)")
    group.add_argument("--claims", type=Path, default=argparse.SUPPRESS,
                       help="claims JSON (default: claims/claims.json)")
    group.add_argument("--seeds", type=Path, default=argparse.SUPPRESS,
                       help="folder of source articles (default: seeds/)")
    return common


def _as_of_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD",
                        help="use only sources published on or before this day")
    common.add_argument("--include-undated", action="store_true",
                        help="with --as-of, also use sources whose date is unknown")
    return common


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    data, as_of = _data_options(), _as_of_options()
    parser = argparse.ArgumentParser(
        prog="mapview", parents=[data],
        description="ISF sector map: every colour traces to a verbatim passage. No subcommand opens the window.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    verify = sub.add_parser("verify", parents=[data], help="re-verify every passage and report problems")
    verify.add_argument("--strict", action="store_true", help="fail on warnings too (for CI)")
    verify.add_argument("--json", action="store_true", help="print the report as JSON")
    verify.add_argument("--repair", action="store_true",
                        help="remove what interrupted writes left behind (stray .tmp files), then verify")

    assignments = sub.add_parser("assignments", parents=[data, as_of], help="per-sector leads with evidence")
    assignments.add_argument("--json", action="store_true", help="print JSON instead of a table")

    anchor = sub.add_parser("anchor", parents=[data], help="print W3C selectors for a quote in a source")
    anchor.add_argument("source", help="seed file name, e.g. 000_53179621937ae718.txt")
    anchor.add_argument("quote", help="the exact passage (matched after folding spaces/quotes)")
    anchor.add_argument("--occurrence", type=int, default=0, help="which occurrence, from 0")

    export = sub.add_parser("export", parents=[data, as_of], help="export the map (png, svg, pdf, geojson)")
    export.add_argument("out", type=Path, help="output file; the suffix picks the format")
    export.add_argument("--dpi", type=int, default=200, help="dots per inch for PNG (default 200)")
    export.add_argument("--size", default="A4",
                        help="page size: A4, A4-landscape, A3, A3-landscape, or WxH in mm (e.g. 297x210)")
    export.add_argument("--extent", default="all", metavar="all|current|minx,miny,maxx,maxy",
                        help="the map's area: all five sectors (default), current (the area this project's window "
                             "showed last) or a lon/lat box in degrees")
    export.add_argument("--title", help="title printed on the map")
    export.add_argument("--select", metavar="SECTOR", help="sector id drawn as selected")
    export.add_argument("--timeline", action="store_true",
                        help="write the map day by day over the sources' dates: OUT.gif (or .mp4 where ffmpeg is "
                             "installed); --dpi defaults to 72 here")

    dossier = sub.add_parser("dossier", parents=[data, as_of], help="HTML or Markdown evidence dossier")
    dossier.add_argument("out", type=Path, help="output .html or .md")
    dossier.add_argument("--title", help="dossier title")
    dossier.add_argument("--since", type=_day, metavar="YYYY-MM-DD",
                         help="add a 'Changes since …' section: what sources published after this day changed")
    follow = sub.add_parser("follow", parents=[data],
                            help="check the project's RSS/Atom feeds and propose claims from their new items")
    follow.add_argument("--add", metavar="URL", help="follow this feed")
    follow.add_argument("--name", help="with --add: the feed's name (shown with its proposals)")
    follow.add_argument("--keyword", action="append", metavar="WORD",
                        help="with --add: keep only items whose title or summary holds a keyword (repeatable)")
    follow.add_argument("--keywords", dest="keyword_all", metavar="WORD,WORD",
                        help="the project's keywords, for feeds that have none of their own ('' for none)")
    follow.add_argument("--remove", metavar="URL_OR_NAME", help="stop following this feed")
    follow.add_argument("--list", action="store_true", help="list the feeds followed")
    follow.add_argument("--json", action="store_true", help="print the check as JSON")
    changes = sub.add_parser("changes", parents=[data],
                             help="what changed on the map: sectors, claims, disagreements, with their passages")
    start = changes.add_mutually_exclusive_group(required=True)
    start.add_argument("--since", type=_day, metavar="YYYY-MM-DD",
                       help="compare the map as of this day with the map after it")
    start.add_argument("--last-looked", action="store_true",
                       help="what changed since you last marked this project as looked at (per user)")
    start.add_argument("--mark-looked", action="store_true",
                       help="remember what the project holds now as looked at (for --last-looked and the window)")
    changes.add_argument("--until", type=_day, metavar="YYYY-MM-DD",
                         help="the later day (default: every source)")
    changes.add_argument("--json", action="store_true", help="print the changes as JSON")
    ingest = sub.add_parser("ingest", parents=[data], help="add articles and propose claims for review")
    ingest.add_argument("files", nargs="+", metavar="FILE_OR_URL",
                        help="saved web pages, PDFs, text files, or web addresses (http/https) to fetch")
    ingest.add_argument("--json", action="store_true", help="print the proposals as JSON")
    ingest.add_argument("--dry-run", action="store_true", help="write nothing; only print the proposals")
    ingest.add_argument("--url", help="the article's web address (for one file; recorded as given by you)")
    ingest.add_argument("--outlet", help="the outlet that published it (for one file)")
    ingest.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="its publication day (for one file)")
    ingest.add_argument("--title", help="its headline (for one file)")
    review = sub.add_parser("review", parents=[data], help="list pending proposals, or accept / reject one")
    decide = review.add_mutually_exclusive_group()
    decide.add_argument("--accept", metavar="ID", help="accept this proposal into the claims (as the window does)")
    decide.add_argument("--reject", metavar="ID", help="reject this proposal (not proposed again)")
    review.add_argument("--speaker-kind", action="append", metavar="KIND",
                        help="with --accept: who says the passages (once for all, or once per passage)")
    review.add_argument("--manner", action="append", choices=("stated", "hedged", "denied"),
                        help="with --accept: how they say it (once for all, or once per passage)")
    review.add_argument("--note", help="with --accept: the reviewer's note on the claim (replaces the extractor's)")
    review.add_argument("--status", help="with --accept: a status the rules do not give (needs --reason)")
    review.add_argument("--reason", help="with --accept and --status: why")
    review.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _load(paths: ProjectPaths) -> Project:
    """The project, loaded for the rest of this command: its records are kept out of the cycle collector's way
    (a collection walking 50,000 claims' records again and again costs more than the command's own work)."""
    from mapview.procstats import settle_heap

    project = load_project(paths)
    settle_heap()
    return project


def _paths(args: argparse.Namespace) -> ProjectPaths:
    from mapview.data.gisread import LayerChoice

    choice = LayerChoice(getattr(args, "sectors_layer", None), getattr(args, "sectors_id_field", None),
                         getattr(args, "sectors_name_field", None), getattr(args, "sectors_attribution", None))
    return ProjectPaths.defaults(sectors=getattr(args, "sectors", None), claims=getattr(args, "claims", None),
                                 seeds=getattr(args, "seeds", None),
                                 sectors_choice=choice if choice != LayerChoice() else None)


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def cmd_verify(args: argparse.Namespace) -> int:
    """Load everything, print each problem and a one-line summary; non-zero when anything is broken."""
    paths = _paths(args)
    if getattr(args, "repair", False):
        from mapview.data.lock import ProjectBusy, project_lock
        from mapview.data.project import leftovers

        try:
            with project_lock(paths):  # an ingest running now owns its temp files: wait for it
                for leftover in leftovers(paths):
                    leftover.unlink(missing_ok=True)
                    print(f"removed {inert(str(leftover))}")
        except ProjectBusy as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
    project = _load(paths)
    failing = project.problems if args.strict else errors(project.problems)
    if args.json:
        print(json.dumps({
            "claims": len(project.claims.claims), "passages": project.passages,
            "verified": project.verified_passages, "broken_claims": project.broken_claims,
            "problems": [p.to_json() for p in project.problems], "ok": not failing,
            "statuses": [{"id": c.id, "status": c.status, "basis": c.basis.to_json() if c.basis else None,
                          "basis_text": wording.status_basis_text(c)} for c in project.claims.claims],
        }, ensure_ascii=False, indent=1))
    else:
        for problem in project.problems:
            print(problem)
        print(project.summary())
    return EXIT_PROBLEMS if failing else EXIT_OK


def view_to_json(project: Project, view: AssignmentView) -> dict[str, object]:
    """The derived view as the documented ``assignments --json`` structure."""
    return {
        "as_of": view.as_of.isoformat() if view.as_of else None,
        "sectors": [{
            "id": sv.sector.id,
            "name": sv.sector.name,
            "lead": sv.lead.to_json() if sv.lead else None,
            "claims": [c.to_json() for c in sv.claims],
            "broken_claims": [c.id for c in sv.broken_claims],
        } for sv in view.sectors],
        "force": [c.to_json() for c in view.force],
        # one site between two sectors (listed in both sectors' claims, colouring neither): the band on their edge
        "sites": [{"area": list(m.area), "lead": m.lead.to_json(), "claims": [c.id for c in m.claims]}
                  for m in view.site_marks],
        "related": [c.to_json() for c in view.related],  # efforts tied to the ISF that are not part of it
        "disagreements": [{"id": d.id, "topic": d.topic, "claims": d.claim_ids, "note": d.note}
                          for d in view.disagreements],
        "sources": [{"id": s.id, "title": s.title, "date": s.date.label if s.date else None,
                     "date_kind": s.date.kind if s.date else None} for s in project.sources.values()],
        "attribution": project.sectors.attribution,
        "note": project.sectors.note,
        "problems": [p.to_json() for p in project.problems],
    }


def _table(view: AssignmentView) -> str:
    rows = [(sv.sector.name, wording.lead_who(sv.lead), sv.lead.status if sv.lead else "-") for sv in view.sectors]
    # each column as wide as its longest entry plus two spaces: long nation lists never run into the status
    widths = [max(len(header), *(len(row[i]) for row in rows)) + 2 if rows else len(header) + 2
              for i, header in enumerate(("sector", "lead", "status"))]
    lines = [f"{'sector':<{widths[0]}}{'lead':<{widths[1]}}{'status':<{widths[2]}}claims"]
    for sv, (name, lead, status) in zip(view.sectors, rows, strict=True):
        broken = f" ({len(sv.broken_claims)} broken)" if sv.broken_claims else ""
        lines.append(f"{name:<{widths[0]}}{lead:<{widths[1]}}{status:<{widths[2]}}{len(sv.claims)}{broken}")
        for claim in sv.claims:
            site = f"site between {' and '.join(claim.area)}: " if claim.area else ""  # colours neither sector
            for ev in claim.evidence:
                lines.append(f"    [{site}{claim.role}/{claim.status}] {ev.source_id}@{ev.start}-{ev.end}: "
                             f"“{ev.text}”")
    lines.append("")
    lines.append(f"force-wide claims: {len(view.force)}")
    for claim in view.force:
        lines.append(f"    {claim.nation or 'ISF':<16}{claim.role:<18}{claim.status:<12}{claim.id}")
    if view.disagreements:
        lines.append("")
        lines.append("disagreements:")
        lines.extend(f"    {d.topic}: {', '.join(d.claim_ids)}" for d in view.disagreements)
    # article text and names come from files: escape control and bidi characters before they reach a terminal
    return "\n".join(inert(line) for line in lines)


def cmd_assignments(args: argparse.Namespace) -> int:
    """Print the per-sector view as a table or JSON."""
    project = _load(_paths(args))
    view = project.view(args.as_of, include_undated=args.include_undated)
    if args.json:
        print(inert_json(view_to_json(project, view)))
    else:
        print(_table(view))
    _print_problems(project.problems)
    return EXIT_PROBLEMS if errors(project.problems) else EXIT_OK


def cmd_anchor(args: argparse.Namespace) -> int:
    """Print the evidence JSON (source + W3C selectors) for a quote, ready to paste into a claims file."""
    project = _load(_paths(args))
    source = project.sources.get(args.source)
    if source is None or source.text is None:
        print(f"error: no readable source {args.source!r} in {project.paths.seeds}", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        anchor = anchor_quote(source.text, args.quote, args.occurrence)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(inert_json({"source": source.id, "selector": anchor.to_selectors()}))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Export the map (or, with --timeline, its animation); implemented in the rendering layer."""
    if getattr(args, "timeline", False):
        from mapview.render.timeline import run_timeline_command

        return run_timeline_command(args, load_project(_paths(args)))
    from mapview.procstats import collection_paused

    # One page, then the process ends: what the imports, the load and the figure allocate lives until then, so a
    # cycle collection would only walk it (~50 ms of an A4 300-dpi PNG export), and so would one after the page.
    with collection_paused(freeze_after=True):
        from mapview.render.export import run_export_command

        return run_export_command(args, _load(_paths(args)))


def cmd_dossier(args: argparse.Namespace) -> int:
    """Write the evidence dossier; implemented in the rendering layer."""
    from mapview.render.dossier import run_dossier_command

    return run_dossier_command(args, _load(_paths(args)))


def changes_to_json(changes, names: dict[str, str]) -> dict[str, object]:
    """The ``changes --json`` structure: each entry worded as the Changes list words it, with its passages."""
    from mapview.data.changes import ClaimChange, DisagreementChange, SectorChange

    def lead(value) -> object:
        return value.to_json() if value is not None else None

    def detail(change: object) -> dict[str, object]:
        if isinstance(change, SectorChange):
            return {"changed": list(change.kinds), "before": lead(change.before), "after": lead(change.after)}
        if isinstance(change, ClaimChange):
            return {"change": change.kind, "nation": change.claim.nation, "role": change.claim.role,
                    "sector": change.claim.sector, "before": change.before_status, "after": change.after_status}
        assert isinstance(change, DisagreementChange)
        return {"change": change.kind, "topic": change.disagreement.topic, "claims": change.disagreement.claim_ids}

    everything = [*changes.sectors, *changes.claims, *changes.disagreements]
    entries = wording.change_entries(changes, names)
    groups: dict[str, list[dict[str, object]]] = {"sectors": [], "claims": [], "disagreements": []}
    for entry, change in zip(entries, everything, strict=True):
        groups[entry.kind + "s"].append({"id": entry.key, "text": entry.text, **detail(change),
                                         "passages": [p.to_json() for p in entry.passages]})
    return {"since": changes.since.isoformat() if changes.since else None,
            "until": changes.until.isoformat() if changes.until else None,
            "last_looked": changes.looked.isoformat(timespec="seconds") if changes.looked else None,
            "heading": wording.changes_heading(changes), **groups}


def cmd_changes(args: argparse.Namespace) -> int:
    """Print what changed after ``--since`` (to ``--until``, or with every source): the Changes list's lines."""
    from mapview.data.changes import changes_between, changes_since_looked
    from mapview.data.lookedfile import last_look, mark_looked

    project = load_project(_paths(args))
    if args.mark_looked:
        path = mark_looked(project.paths.claims, project.sources, (c.id for c in project.claims.claims))
        print(f"marked as looked at: {len(project.sources)} articles, {len(project.claims.claims)} claims "
              f"(kept in {inert(str(path))})")
        return EXIT_OK
    if args.last_looked:
        look = last_look(project.paths.claims)
        if look is None:
            print("error: this project has not been marked as looked at: `changes --mark-looked`, or Mark as "
                  "looked in the window's Changes tab", file=sys.stderr)
            return EXIT_PROBLEMS
        changes, _before, _after = changes_since_looked(project.sectors.sectors, project.claims, look)
    elif args.until is not None and args.until < args.since:
        print(f"error: --until {args.until} is before --since {args.since}", file=sys.stderr)
        return EXIT_USAGE
    else:
        changes, _before, _after = changes_between(project.sectors.sectors, project.claims, args.since,
                                                   args.until)
    names = {s.id: s.name for s in project.sectors.sectors}
    if args.json:
        print(json.dumps(changes_to_json(changes, names), ensure_ascii=False, indent=1))
    else:
        lines = [wording.changes_heading(changes)]
        for entry in wording.change_entries(changes, names):
            lines.append(entry.text)
            for passage in entry.passages:
                lines.append(f"    “{passage.evidence.text}”")
                lines.append(f"      {wording.passage_change_note(passage)}; {wording.passage_cite(passage.evidence)}")
        print("\n".join(inert(line) for line in lines))
    _print_problems(project.problems)
    return EXIT_PROBLEMS if errors(project.problems) else EXIT_OK


def _claims_folder_refused(paths: ProjectPaths) -> bool:
    """True (and says so) when ``--claims`` names a folder: proposals and decisions are written beside the claims
    file, so they would land in the folder's parent, where neither the window nor `verify` would find them."""
    if not paths.claims.is_dir():
        return False
    print(f"error: {inert(str(paths.claims))}: claims file is a folder: give the claims JSON "
          f"(e.g. {inert(str(paths.claims / 'claims.json'))}); nothing was written", file=sys.stderr)
    return True


def cmd_ingest(args: argparse.Namespace) -> int:
    """Copy articles into the seeds folder and propose claims; implemented in the ingest package."""
    from mapview.ingest.command import run_ingest_command

    paths = _paths(args)
    return EXIT_USAGE if _claims_folder_refused(paths) else run_ingest_command(args, paths)


def cmd_review(args: argparse.Namespace) -> int:
    """List pending proposals, or accept / reject one; implemented in the ingest package."""
    from mapview.ingest.reviewcli import run_review_command

    paths = _paths(args)
    return EXIT_USAGE if _claims_folder_refused(paths) else run_review_command(args, paths)


def cmd_follow(args: argparse.Namespace) -> int:
    """Follow feeds; implemented in the ingest package."""
    from mapview.ingest.feeds import run_follow_command

    paths = _paths(args)
    return EXIT_USAGE if _claims_folder_refused(paths) else run_follow_command(args, paths)


def cmd_window(args: argparse.Namespace) -> int:
    """Open the desktop window."""
    from mapview.qt.app import run_app

    return run_app(_paths(args))


COMMANDS = {
    "verify": cmd_verify, "assignments": cmd_assignments, "anchor": cmd_anchor,
    "export": cmd_export, "dossier": cmd_dossier, "ingest": cmd_ingest, "changes": cmd_changes,
    "follow": cmd_follow, None: cmd_window,
    "review": cmd_review,
}


def _tolerant_output() -> None:
    """Escape what the terminal cannot show (curly quotes on ASCII, undecodable file names) instead of crashing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for ``mapview`` and ``python main.py``."""
    _tolerant_output()
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
