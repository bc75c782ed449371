"""``mapview review``: the Proposals panel on the command line.

``review [--json]`` lists the pending proposals (each passage with who says it and how, and the status that
gives); ``review --accept ID [--speaker-kind K] [--manner M] [--status S --reason R]`` and ``review --reject ID``
decide one, through the same :func:`mapview.ingest.review.accept` / :func:`~mapview.ingest.review.reject` the
window's Accept and Reject buttons call, under the project lock. The status is the one engine's
(mapview.data.status) for who says the passages and how; another status needs a written reason.

Exit codes: 0 done, 1 the decision was refused (nothing written), 2 usage.
"""

from __future__ import annotations

import json
import sys
from argparse import Namespace

from mapview import wording
from mapview.data.lock import ProjectBusy, project_lock
from mapview.data.problems import inert
from mapview.data.project import ProjectPaths
from mapview.data.status import SAID_BY, Attribution
from mapview.ingest import review
from mapview.ingest.proposals import Proposal

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def _per_passage(values: list[str] | None, passages: int, what: str) -> list[str | None]:
    """One value per passage: none given, one for all, or one each; ValueError otherwise."""
    if not values:
        return [None] * passages
    if len(values) == 1:
        return values * passages
    if len(values) != passages:
        raise ValueError(f"give {what} once for all passages or once per passage ({passages}), not {len(values)} "
                         "times")
    return list(values)


def review_edits(proposal: Proposal, args: Namespace) -> dict[str, object]:
    """The accept edits the options give: who says each passage and how (the proposal's where not given), and a
    status with its reason. ValueError with a message for options that do not fit."""
    kinds = _per_passage(args.speaker_kind, len(proposal.evidence), "--speaker-kind")
    manners = _per_passage(args.manner, len(proposal.evidence), "--manner")
    for kind in kinds:
        if kind is not None and kind not in SAID_BY:
            raise ValueError(f"--speaker-kind {kind!r} is not one of {', '.join(SAID_BY)}")
    edits: dict[str, object] = {}
    if any(k is not None for k in kinds) or any(m is not None for m in manners):
        attributions = []
        for passage, kind, manner in zip(proposal.evidence, kinds, manners, strict=True):
            old = passage.attribution
            said_by = kind or (old.said_by if old else None)
            how = manner or (old.manner if old else None)
            if said_by is None or how is None:
                raise ValueError("a passage records no speaker: give both --speaker-kind and --manner")
            speaker = old.speaker if old is not None and kind in (None, old.said_by) else ""
            attributions.append(Attribution(said_by, how, speaker).to_json())
        edits["attributions"] = attributions
    if args.status:
        edits["status"] = args.status
    if args.reason:
        edits["status_reason"] = args.reason
    if args.note:
        edits["note"] = args.note
    return edits


def _accept_options(args: Namespace) -> str:
    """The accept-only options given (empty when none)."""
    given = [f"--{name.replace('_', '-')}" for name in ("speaker_kind", "manner", "note", "status", "reason")
             if getattr(args, name, None)]
    return ", ".join(given)


def _proposal(proposals_path, proposal_id: str) -> Proposal | None:
    """The proposal with this id, whatever its review state; None when there is none."""
    return next((p for p in review.load_proposals(proposals_path) if p.id == proposal_id), None)


def proposal_lines(proposal: Proposal, sector_names: dict[str, str]) -> list[str]:
    """A pending proposal as the Proposals panel's card words it: heading, basis, each passage with its speaker."""
    sector = sector_names.get(proposal.sector or "", proposal.sector or "force-wide")
    lines = [f"{proposal.id}",
             f"  {proposal.nation or 'ISF'} → {sector}: {wording.role_label(proposal.role)}, {proposal.status}",
             f"  {wording.proposal_basis_text(proposal.basis, proposal.nation, len(proposal.evidence))}"]
    if proposal.note:
        lines.append(f"  note: {proposal.note}")
    for passage in proposal.evidence:
        lines.append(f"  [{passage.source} {passage.anchor.start}-{passage.anchor.end}] "
                     f"{wording.proposed_passage_basis(passage.attribution)}")
        lines.append(f"      “{passage.anchor.exact}”")
    return lines


def run_review_command(args: Namespace, paths: ProjectPaths) -> int:
    """Run ``mapview review``; returns the exit code."""
    from mapview.ingest.gazetteer import load_gazetteer

    proposals_path = review.proposals_path_for(paths.claims)
    try:
        if not args.accept and not args.reject:
            if _accept_options(args):
                raise ValueError(f"{_accept_options(args)} go with --accept")
            pending = review.pending(proposals_path)
            if args.json:
                print(json.dumps({"pending": [p.summary_json() for p in pending]}, ensure_ascii=False, indent=1))
            else:
                names = load_gazetteer(paths.sectors).sector_names
                lines = [line for p in pending for line in proposal_lines(p, names)]
                lines.append(f"{len(pending)} proposal(s) pending in {proposals_path}")
                print("\n".join(inert(line) for line in lines))
            return EXIT_OK
        with project_lock(paths):
            if args.reject:
                if _accept_options(args):
                    raise ValueError(f"{_accept_options(args)} go with --accept")
                proposal = review.reject(args.reject, proposals_path)
                result = {"rejected": proposal.id}
                message = f"rejected {proposal.id}; it will not be proposed again"
            else:
                proposal = _proposal(proposals_path, args.accept)
                # a decided or unknown proposal: accept() says which
                edits = review_edits(proposal, args) if proposal and proposal.review == "pending" else {}
                claim = review.accept(args.accept, paths.claims, proposals_path, edits or None,
                                      seeds=paths.seeds, sectors=paths.sectors)
                result = {"accepted": args.accept, "claim": claim.id, "status": claim.status,
                          "basis": claim.basis.to_json() if claim.basis else None}
                message = (f"accepted {args.accept} as claim {claim.id}, {wording.status_basis_text(claim)} "
                           f"(the previous claims file was kept in "
                           f"{paths.claims.parent.name}/backups)")
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (review.ReviewError, OSError, ProjectBusy) as exc:
        print(inert(f"error: {exc}; nothing written"), file=sys.stderr)
        return EXIT_REFUSED
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else inert(message))
    return EXIT_OK
