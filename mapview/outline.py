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

GROUP, CLAIM, PASSAGE, DISAGREEMENT, REFERENCE, HEADING, NOTE, PAGE = (
    "group", "claim", "passage", "disagreement", "reference", "heading", "note", "page")
PROPOSAL, PROPOSED_PASSAGE, MENTION = "proposal", "proposedPassage", "mention"  # the Proposals panel's rows
SORTS = {"grouped": "Grouped by nation", "date": "Newest first", "source": "Source", "status": "Status"}
FILTER_KEYS = ("nation", "source", "status")
MAX_LISTED_SIDES = 6  # a disagreement with more claims than this is summed up, not listed claim by claim
COLLAPSE_OVER = wording.CLAIMS_PAGE  # nation groups start collapsed when the list holds more claims than this
PAGE_SIZE = 200  # a longer run of claims is listed in pages of this many (rows made when a page is opened)


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
        shown = searched_text(claim)
        return all(word in shown for word in parsed.words)
    return True


def searched_text(claim: Claim) -> str:
    """What the filter's words are looked for in: the card and its passages with their sources, case-folded.

    Worded once per claim and kept with it (a claim is not changed once loaded), so each keystroke is a substring
    test per claim rather than the wording of every card again.
    """
    cached = claim.__dict__.get("_searched_text")
    if cached is None:
        cached = claim.__dict__["_searched_text"] = " ".join([
            wording.claim_heading(claim), claim.note, wording.figures_text(claim.figures),
            *(e.text for e in claim.evidence), *(t for e in claim.evidence for t in _source_texts(e))]).casefold()
    return cached


def prepare_search(claims: list[Claim], start: int, count: int) -> int:
    """Word ``count`` claims' searched text from ``start`` (done in idle time, so the first key typed finds them
    ready); returns where to go on from."""
    for claim in claims[start:start + count]:
        searched_text(claim)
    return start + count


def narrows(before: ParsedQuery, after: ParsedQuery) -> bool:
    """Whether every claim ``after`` keeps was kept by ``before``: the same parts in the same order, each one
    typed further (``ko`` → ``kos``, ``status:re`` → ``status:rep``), maybe with more parts after them."""
    if len(after.keyed) < len(before.keyed) or len(after.words) < len(before.words):
        return False
    return (all(k1 == k2 and v2.startswith(v1) for (k1, v1), (k2, v2) in zip(before.keyed, after.keyed, strict=False))
            and all(w2.startswith(w1) for w1, w2 in zip(before.words, after.words, strict=False)))


_FILTERED: OrderedDict[int, tuple[object, ParsedQuery, list[Claim]]] = OrderedDict()  # list id -> (list, query,
# what it kept): the last few lists filtered (a sector's claims, its broken ones, a nation's)


def filter_claims(claims: list[Claim] | tuple[Claim, ...], query: str) -> list[Claim]:
    """The claims that pass the filter ``query``, in their order. A key typed after the last filter of the same
    list looks only at what that filter kept (typing narrows): a keystroke costs the claims still listed."""
    parsed = parse_query(query)
    source: list[Claim] | tuple[Claim, ...] = claims
    last = _FILTERED.pop(id(claims), None)
    if last is not None and last[0] is claims and narrows(last[1], parsed):
        source = last[2]
    kept = [c for c in source if claim_matches(c, parsed)]
    _FILTERED[id(claims)] = (claims, parsed, kept)
    while len(_FILTERED) > 4:
        _FILTERED.popitem(last=False)
    return kept


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
                 "sector_names", "owner", "_children", "_lines", "item", "word", "fill", "pending")

    def __init__(self, kind: str, uid: int, parent: OutlineRow | None, row: int, claim: Claim | None = None,
                 evidence: Evidence | None = None, group: NationGroup | None = None, fixed_text: str = "",
                 object_name: str = "", sector_names: dict[str, str] | None = None,
                 owner: OutlineRow | None = None, lines: tuple[tuple[str, str], ...] | None = None,
                 item: object = None, word: Callable[[], tuple[tuple[str, str], ...]] | None = None) -> None:
        self.kind, self.uid, self.parent, self.row = kind, uid, parent, row
        self.claim, self.evidence, self.group = claim, evidence, group
        self.fixed_text, self.object_name, self.sector_names, self.owner = fixed_text, object_name, sector_names, owner
        self._children: list[OutlineRow] = []
        self._lines = lines
        self.item = item  # what a row of another list stands for (a proposal)
        self.word = word  # how another list words the row, when first shown
        self.fill: Callable[[], None] | None = None  # makes the rows under this one, when first asked for
        self.pending: tuple[Claim, ...] = ()  # the claims ``fill`` will list (to find one without making rows)

    @property
    def children(self) -> list[OutlineRow]:
        """The rows under this one (a closed nation group or page makes them when first asked for)."""
        if self.fill is not None:
            fill, self.fill = self.fill, None
            fill()
            self.pending = ()
        return self._children

    @property
    def has_children(self) -> bool:
        """Whether rows stand under this one, without making them."""
        return self.fill is not None or bool(self._children)

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
        if self.kind == PAGE:
            return (("group", self.fixed_text),)
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


class _ClaimRows:
    """``outline.claim_rows[claim_id]``: the row of a claim's card, made when first asked for (read-only)."""

    def __init__(self, outline: Outline) -> None:
        self._outline = outline

    def get(self, claim_id: str, default: OutlineRow | None = None) -> OutlineRow | None:
        """The card's row, or ``default`` when the outline does not list the claim."""
        row = self._outline.claim_row(claim_id)
        return default if row is None else row

    def __getitem__(self, claim_id: str) -> OutlineRow:
        row = self._outline.claim_row(claim_id)
        if row is None:
            raise KeyError(claim_id)
        return row

    def __contains__(self, claim_id: object) -> bool:
        return isinstance(claim_id, str) and self._outline.claim_row(claim_id) is not None


@dataclass
class Outline:
    """The rows of one panel's list: ``top`` are the top-level rows, ``rows[uid]`` any row made so far by its id.

    A closed nation group, and each page of a long run of claims, makes its rows when they are first asked for
    (the list opens it, a claim in it is looked for, or every row is walked): a click costs the rows shown.
    """

    top: list[OutlineRow] = field(default_factory=list)
    rows: list[OutlineRow] = field(default_factory=list)
    made_claim_rows: dict[str, OutlineRow] = field(default_factory=dict)  # claim id -> its card, for rows made
    collapsed_groups: bool = False  # whether nation groups start collapsed (many claims)
    shown_claims: int = 0
    total_claims: int = 0
    lazy_rows: list[OutlineRow] = field(default_factory=list)  # rows whose children are made when asked for
    listed: list[Claim] = field(default_factory=list)  # the claims asked for (before the filter), broken ones last

    @property
    def claim_rows(self) -> _ClaimRows:
        """Claim id -> the row of its card (made if it was not yet)."""
        return _ClaimRows(self)

    def claim_row(self, claim_id: str) -> OutlineRow | None:
        """The first row of a claim's card in the order shown, making only the rows of the group or page that
        lists it; None when the outline does not list the claim."""
        made = self.made_claim_rows.get(claim_id)
        if made is not None and not self.lazy_rows:
            return made
        return self._first(lambda r: r.kind == CLAIM and r.claim is not None and r.claim.id == claim_id,
                           lambda c: c.id == claim_id)

    def passage_row(self, key: Callable[[Evidence], bool]) -> OutlineRow | None:
        """The first passage row, in the order shown, whose evidence satisfies ``key``, making only the rows of the
        group or page that holds it."""
        return self._first(lambda r: r.kind == PASSAGE and r.evidence is not None and key(r.evidence),
                           lambda c: any(key(e) for e in c.evidence))

    def _first(self, wanted: Callable[[OutlineRow], bool], lists: Callable[[Claim], bool]) -> OutlineRow | None:
        """The first row in the order shown that is ``wanted``; a group or page not made yet is made only when one
        of the claims it will list ``lists`` what is looked for."""
        def visit(rows: list[OutlineRow]) -> OutlineRow | None:
            for row in rows:
                if wanted(row):
                    return row
                if row.fill is not None and not any(lists(c) for c in row.pending):
                    continue
                found = visit(row.children)
                if found is not None:
                    return found
            return None

        return visit(self.top)

    def add_row(self, kind: str, parent: OutlineRow | None, **values: object) -> OutlineRow:
        """A row of ``kind`` under ``parent`` (None: top level); ``values`` are OutlineRow's fields."""
        siblings = parent._children if parent is not None else self.top
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
        self.made_claim_rows.setdefault(claim.id, row)
        for evidence in claim.evidence:
            self.add_row(PASSAGE, parent, evidence=evidence, owner=row)
        return row

    def add_claims(self, claims: list[Claim], parent: OutlineRow | None, names: dict[str, str] | None) -> None:
        """Claims under ``parent``: their cards, or for a long run, pages of ``PAGE_SIZE`` whose rows are made when
        each page is opened."""
        if len(claims) <= PAGE_SIZE:
            for claim in claims:
                self.add_claim(claim, parent, names)
            return
        for first in range(0, len(claims), PAGE_SIZE):
            chunk = tuple(claims[first:first + PAGE_SIZE])
            page = self.add_row(PAGE, parent, object_name="claimsPage",
                                fixed_text=wording.claims_page_text(first + 1, first + len(chunk), len(claims)))
            self.defer(page, chunk, lambda page=page, chunk=chunk: [self.add_claim(c, page, names) for c in chunk])

    def defer(self, row: OutlineRow, claims: tuple[Claim, ...], fill: Callable[[], object]) -> None:
        """Make ``row``'s children with ``fill`` when they are first asked for; ``claims`` are those it lists."""
        row.fill, row.pending = fill, claims  # type: ignore[assignment]
        self.lazy_rows.append(row)

    def passages(self) -> list[OutlineRow]:
        """Every passage row, in outline order (every row is made)."""
        return [r for r in self.walk() if r.kind == PASSAGE]

    def walk(self, rows: list[OutlineRow] | None = None):
        """Every row, depth first, in the order shown (every row is made)."""
        for row in self.top if rows is None else rows:
            yield row
            yield from self.walk(row.children)


def build_outline(claims: list[Claim], view: AssignmentView, names: dict[str, str] | None,
                  broken: list[Claim] | None = None, evidence_filter: EvidenceFilter | None = None,
                  empty_text: str = "No source names a role in this sector.") -> Outline:
    """The outline of ``claims`` (and ``broken`` claims, listed apart), filtered and sorted as the user chose."""
    evidence_filter = evidence_filter or EvidenceFilter()
    outline = Outline(total_claims=len(claims), listed=list(claims) + list(broken or []))
    if evidence_filter.active:
        claims = filter_claims(claims, evidence_filter.query)
        broken = filter_claims(broken or [], evidence_filter.query)
    outline.shown_claims = len(claims)
    if not claims:
        outline.add_note(empty_text if not evidence_filter.active
                         else wording.no_claim_matches(evidence_filter.query), "emptyNote")
    listed: set[str] | None = None  # asked only for a disagreement listed side by side
    shown_elsewhere: set[str] = set()
    for disagreement in disagreements_among(view, claims):
        row = outline.add_row(DISAGREEMENT, None, fixed_text=wording.disagreement_line(disagreement),
                           object_name="contradiction")
        if len(disagreement.claim_ids) > MAX_LISTED_SIDES:  # many sides: the nation groups sum them up
            outline.add_note(wording.many_sides_text(len(disagreement.claim_ids)), "contradiction", row)
            continue
        if listed is None:
            listed, by_id = {c.id for c in claims}, view.claims_by_id
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
    sort = evidence_filter.sort
    for group in groups:
        if len(groups) == 1:
            outline.add_claims(sort_claims(group.claims, sort), None, names)
            continue
        row = outline.add_row(GROUP, None, group=group, object_name="nationGroup")
        outline.defer(row, group.claims, lambda row=row, group=group: outline.add_claims(
            sort_claims(group.claims, sort), row, names))
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
