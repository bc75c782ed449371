"""The evidence outline: what the Evidence and Nations panels list for a set of claims, as a tree of rows.

Disagreements first (each once, never every pair), then the claims grouped by nation when several nations are named
(each group with its independent sources and latest date), each claim with its passages, then broken claims. The
user's filter (words, or ``nation:``, ``source:``, ``status:``) and sort (date, source, status) are applied here, so
the panels only display rows. Row text is worded on demand: building an outline of 10,000 claims costs a few
milliseconds, and only the rows on screen are ever worded. Pure: no Qt.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date

from mapview import wording
from mapview.data.assignments import AssignmentView
from mapview.data.claims import STATUSES, Claim, Evidence
from mapview.data.grouping import NationGroup, disagreements_among, group_by_nation, latest_day

GROUP, CLAIM, PASSAGE, DISAGREEMENT, REFERENCE, HEADING, NOTE = (
    "group", "claim", "passage", "disagreement", "reference", "heading", "note")
PROPOSAL, PROPOSED_PASSAGE, MENTION = "proposal", "proposedPassage", "mention"  # the Proposals panel's rows
SORTS = {"grouped": "Grouped by nation", "date": "Newest first", "source": "Source", "status": "Status"}
FILTER_KEYS = ("nation", "source", "status")
MAX_LISTED_SIDES = 6  # a disagreement with more claims than this is summed up, not listed claim by claim
COLLAPSE_OVER = wording.CLAIMS_PAGE  # nation groups start collapsed when the list holds more claims than this


@dataclass(frozen=True)
class EvidenceFilter:
    """What the user typed in a panel's filter box, and the chosen sort."""

    query: str = ""
    sort: str = "grouped"

    @property
    def active(self) -> bool:
        """Whether the filter hides anything."""
        return bool(self.query.strip())


@dataclass(frozen=True)
class ParsedQuery:
    """A filter query split into its keyed parts (``nation:``, ``source:``, ``status:``) and its free words."""

    keyed: tuple[tuple[str, str], ...]
    words: tuple[str, ...]


def parse_query(query: str) -> ParsedQuery:
    """``'nation:kosovo status:reported brigade'`` → keyed (nation, kosovo), (status, reported); words (brigade).

    Everything is case-folded; an unknown key (``foo:bar``) is an ordinary word.
    """
    keyed, words = [], []
    for token in query.casefold().split():
        key, sep, value = token.partition(":")
        if sep and key in FILTER_KEYS and value:
            keyed.append((key, value))
        elif token:
            words.append(token)
    return ParsedQuery(tuple(keyed), tuple(words))


def _source_texts(evidence: Evidence) -> list[str]:
    source = evidence.source
    texts = [evidence.source_id]
    if source is not None:
        texts += [source.title or "", source.outlet or ""]
    return texts


def claim_matches(claim: Claim, parsed: ParsedQuery) -> bool:
    """Whether a claim passes the filter: every keyed part matches its field, every word is in what the card shows."""
    for key, value in parsed.keyed:
        if key == "nation" and value not in wording.who_text(claim.nation).casefold():
            return False
        if key == "status" and not claim.status.casefold().startswith(value):
            return False
        if key == "source" and not any(value in t.casefold() for e in claim.evidence for t in _source_texts(e)):
            return False
    if parsed.words:
        shown = " ".join([wording.claim_heading(claim), claim.note, wording.figures_text(claim.figures),
                          *(e.text for e in claim.evidence),
                          *(t for e in claim.evidence for t in _source_texts(e))]).casefold()
        return all(word in shown for word in parsed.words)
    return True


def _first_source(claim: Claim) -> str:
    if not claim.evidence:
        return ""
    evidence = claim.evidence[0]
    return ((evidence.source.title if evidence.source is not None else "") or evidence.source_id).casefold()


def sort_claims(claims: list[Claim] | tuple[Claim, ...], sort: str) -> list[Claim]:
    """Claims in the chosen order: newest source first, by source title, or most certain status first; otherwise
    as given. Ties keep the given order."""
    if sort == "date":
        def newest_first(claim: Claim) -> tuple[bool, int]:
            day = latest_day((claim,))
            return day is None, -(day or date.min).toordinal()

        return sorted(claims, key=newest_first)
    if sort == "source":
        return sorted(claims, key=_first_source)
    if sort == "status":
        rank = {s: i for i, s in enumerate(STATUSES)}
        return sorted(claims, key=lambda c: rank.get(c.status, len(rank)))
    return list(claims)


class OutlineRow:
    """One row of the outline; its text is worded when first asked for.

    A claim's passages are the rows right after it, at the same level (``owner`` is the claim's row): a sector
    lists thousands of claims, and a tree that had to expand each claim to show its passages would cost a step per
    claim on every click.
    """

    __slots__ = ("kind", "uid", "parent", "row", "claim", "evidence", "group", "fixed_text", "object_name",
                 "sector_names", "owner", "children", "_lines", "item", "word")

    def __init__(self, kind: str, uid: int, parent: OutlineRow | None, row: int, claim: Claim | None = None,
                 evidence: Evidence | None = None, group: NationGroup | None = None, fixed_text: str = "",
                 object_name: str = "", sector_names: dict[str, str] | None = None,
                 owner: OutlineRow | None = None, lines: tuple[tuple[str, str], ...] | None = None,
                 item: object = None, word: Callable[[], tuple[tuple[str, str], ...]] | None = None) -> None:
        self.kind, self.uid, self.parent, self.row = kind, uid, parent, row
        self.claim, self.evidence, self.group = claim, evidence, group
        self.fixed_text, self.object_name, self.sector_names, self.owner = fixed_text, object_name, sector_names, owner
        self.children: list[OutlineRow] = []
        self._lines = lines
        self.item = item  # what a row of another list stands for (a proposal)
        self.word = word  # how another list words the row, when first shown

    @property
    def lines(self) -> tuple[tuple[str, str], ...]:
        """(style, text) lines as the row shows them; styles name what the line is (for the panel's look)."""
        if self._lines is None:
            self._lines = self._word()
        return self._lines

    def _word(self) -> tuple[tuple[str, str], ...]:
        if self.word is not None:
            return self.word()
        if self.kind == CLAIM and self.claim is not None:
            return claim_lines(self.claim, self.sector_names)
        if self.kind == PASSAGE and self.evidence is not None:
            return passage_lines(self.evidence)
        if self.kind == GROUP and self.group is not None:
            return (("group", wording.nation_group_line(self.group)),)
        return ((self.object_name or self.kind, self.fixed_text),)

    @property
    def text(self) -> str:
        """The row's text as plain lines."""
        return "\n".join(text for _style, text in self.lines)


def claim_lines(claim: Claim, sector_names: dict[str, str] | None) -> tuple[tuple[str, str], ...]:
    """A claim card's lines: heading, broken reasons, status basis, scope, figures, note, history."""
    lines = [("claimHeading", ("⚠ BROKEN — " if claim.broken else "") + wording.claim_heading(claim, sector_names))]
    lines += [("brokenReason", f"Not used on the map: {reason}") for reason in wording.broken_reasons(claim)]
    if claim.between:
        lines.append(("claimSite", wording.site_note(claim, sector_names)))
    lines.append(("claimBasis", "Status " + wording.status_basis_text(claim)))
    if claim.scope != "isf":
        lines.append(("claimScope", wording.scope_text(claim)))
    if claim.figures:
        lines.append(("claimFigures", "Figures: " + wording.figures_text(claim.figures)))
    if claim.note:
        lines.append(("claimNote", "Note: " + claim.note))
    if claim.history:
        lines.append(("claimHistory", wording.history_text(claim)))
    return tuple(lines)


def passage_lines(evidence: Evidence) -> tuple[tuple[str, str], ...]:
    """A passage's lines: the verbatim quote, why it is broken (if it is), its source and who says it."""
    lines = [("passage" if evidence.found else "brokenPassage", evidence.text)]
    if not evidence.found:
        lines.append(("brokenReason", f"⚠ passage not found in the article: {evidence.result.message}"))
    lines.append(("sourceLine", wording.passage_source_line(evidence)))
    lines.append(("sourceLine", wording.passage_attribution_text(evidence)))
    return tuple(lines)


@dataclass
class Outline:
    """The rows of one panel's list: ``top`` are the top-level rows, ``rows[uid]`` any row by its id."""

    top: list[OutlineRow] = field(default_factory=list)
    rows: list[OutlineRow] = field(default_factory=list)
    claim_rows: dict[str, OutlineRow] = field(default_factory=dict)  # claim id -> the row of its card
    collapsed_groups: bool = False  # whether nation groups start collapsed (many claims)
    shown_claims: int = 0
    total_claims: int = 0

    def add_row(self, kind: str, parent: OutlineRow | None, **values: object) -> OutlineRow:
        """A row of ``kind`` under ``parent`` (None: top level); ``values`` are OutlineRow's fields."""
        siblings = parent.children if parent is not None else self.top
        row = OutlineRow(kind, len(self.rows), parent, len(siblings), **values)  # type: ignore[arg-type]
        self.rows.append(row)
        siblings.append(row)
        return row

    def add_note(self, text: str, object_name: str, parent: OutlineRow | None = None) -> OutlineRow:
        """A line of text (a heading or a note)."""
        return self.add_row(NOTE, parent, fixed_text=text, object_name=object_name)

    def add_claim(self, claim: Claim, parent: OutlineRow | None, names: dict[str, str] | None) -> OutlineRow:
        """A claim card, then its passages (rows at the same level, owned by the card)."""
        row = self.add_row(CLAIM, parent, claim=claim, sector_names=names,
                        object_name="brokenClaim" if claim.broken else "claim")
        self.claim_rows.setdefault(claim.id, row)
        for evidence in claim.evidence:
            self.add_row(PASSAGE, parent, evidence=evidence, owner=row)
        return row

    def passages(self) -> list[OutlineRow]:
        """Every passage row, in outline order."""
        return [r for r in self.walk() if r.kind == PASSAGE]

    def walk(self, rows: list[OutlineRow] | None = None):
        """Every row, depth first, in the order shown."""
        for row in self.top if rows is None else rows:
            yield row
            yield from self.walk(row.children)


def build_outline(claims: list[Claim], view: AssignmentView, names: dict[str, str] | None,
                  broken: list[Claim] | None = None, evidence_filter: EvidenceFilter | None = None,
                  empty_text: str = "No source names a role in this sector.") -> Outline:
    """The outline of ``claims`` (and ``broken`` claims, listed apart), filtered and sorted as the user chose."""
    evidence_filter = evidence_filter or EvidenceFilter()
    outline = Outline(total_claims=len(claims))
    if evidence_filter.active:
        parsed = parse_query(evidence_filter.query)
        claims = [c for c in claims if claim_matches(c, parsed)]
        broken = [c for c in broken or [] if claim_matches(c, parsed)]
    outline.shown_claims = len(claims)
    if not claims:
        outline.add_note(empty_text if not evidence_filter.active
                         else wording.no_claim_matches(evidence_filter.query), "emptyNote")
    listed = {c.id for c in claims}
    by_id = view.claims_by_id
    shown_elsewhere: set[str] = set()
    for disagreement in disagreements_among(view, claims):
        row = outline.add_row(DISAGREEMENT, None, fixed_text=wording.disagreement_line(disagreement),
                           object_name="contradiction")
        if len(disagreement.claim_ids) > MAX_LISTED_SIDES:  # many sides: the nation groups sum them up
            outline.add_note(wording.many_sides_text(len(disagreement.claim_ids)), "contradiction", row)
            continue
        for claim_id in disagreement.claim_ids:
            other = by_id.get(claim_id)
            if other is None:
                continue
            if claim_id in listed:
                outline.add_row(REFERENCE, row, claim=other, object_name="crossReference",
                             fixed_text="see: " + wording.claim_heading(other, names))
            elif claim_id not in shown_elsewhere:  # a claim of another sector or nation: shown here, once
                outline.add_claim(other, row, names)
                shown_elsewhere.add(claim_id)
    groups = group_by_nation(claims)
    outline.collapsed_groups = len(groups) > 1 and len(claims) > COLLAPSE_OVER
    for group in groups:
        parent = outline.add_row(GROUP, None, group=group, object_name="nationGroup") if len(groups) > 1 else None
        for claim in sort_claims(group.claims, evidence_filter.sort):
            outline.add_claim(claim, parent, names)
    if broken:
        heading = outline.add_note(f"Broken claims ({len(broken)}) — not drawn on the map", "brokenHeading")
        for claim in broken:
            outline.add_claim(claim, heading, names)
    return outline


class OutlineCache:
    """The last few outlines a panel built, by the view they came from and what was asked (sector or nation,
    filter): going back to a sector shows the outline already built. A new view (another day, a reload) never
    matches an outline of the old one."""

    def __init__(self, size: int = 8) -> None:
        self.size = size
        self._items: OrderedDict[tuple[int, Hashable], tuple[AssignmentView, Outline]] = OrderedDict()

    def get(self, view: AssignmentView, key: Hashable, build: Callable[[], Outline]) -> Outline:
        """The outline for ``view`` and ``key``, built with ``build`` unless it is among the last few."""
        slot = (id(view), key)
        hit = self._items.get(slot)
        if hit is not None and hit[0] is view:
            self._items.move_to_end(slot)
            return hit[1]
        outline = build()
        self._items[slot] = (view, outline)
        while len(self._items) > self.size:
            self._items.popitem(last=False)
        return outline
