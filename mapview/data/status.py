"""A claim's status follows from recorded facts: who says each passage and how. The one engine.

The rules are described once, for readers, in README.md ("Status", numbered 1-5 there and in the code below);
every path that gives a status (the claims file, ingest's proposals, the accept and edit dialogs, verify,
exports, the dossier) calls :class:`Attribution` and :func:`derive_status` here, never a copy.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

SAID_BY: dict[str, str] = {
    "nation-official": "an official of the nation concerned",
    "force-official": "an official of the force or its command",
    "other-government": "another government",
    # an office the article names without its nation ("Foreign Minister Hakan Fidan said Indonesian troops…"): taking
    # the nation from what is said would make a third party confirm, so it reports, as rule 2 says
    "official": "an official whose nation the article does not state",
    "unnamed-officials": "unnamed officials",
    "media": "a media report",
    "analyst": "an analyst or expert",
    "maps": "maps or imagery",
}
OFFICIAL = frozenset({"nation-official", "force-official"})
MANNERS = ("stated", "hedged", "denied")
STRENGTH = {"confirmed": 3, "reported": 2, "speculative": 1, "denied": 0}


@dataclass(frozen=True)
class Attribution:
    """Who says a passage and how; ``speaker`` names them when the article does ("Jasper Jeffers")."""

    said_by: str
    manner: str
    speaker: str = ""

    @property
    def status(self) -> str:
        """The status this passage alone gives its claim (rules 1 and 2)."""
        if self.manner == "denied":
            return "denied"
        if self.manner == "hedged":  # 1: hedges beat attribution
            return "speculative"
        return "confirmed" if self.said_by in OFFICIAL else "reported"  # 2: a third party never confirms

    def to_json(self) -> dict[str, str]:
        """The passage's attribution fields as claims.json stores them."""
        out = {"said_by": self.said_by, "manner": self.manner}
        if self.speaker:
            out["speaker"] = self.speaker
        return out


def parse_attribution(raw: dict) -> tuple[Attribution | None, str | None]:
    """The attribution of a passage object, None when it records none, and an error message when malformed."""
    said_by, manner, speaker = raw.get("said_by"), raw.get("manner"), raw.get("speaker", "")
    if said_by is None and manner is None:
        return None, None
    if said_by not in SAID_BY:
        return None, f"said_by {said_by!r} is not one of {', '.join(SAID_BY)}"
    if manner not in MANNERS:
        return None, f"manner {manner!r} is not one of {', '.join(MANNERS)}"
    if not isinstance(speaker, str):
        return None, "speaker must be text"
    return Attribution(said_by, manner, speaker), None


@dataclass(frozen=True)
class StatusBasis:
    """How a claim's status was derived: the status, the passages by who and how, and the independent sources."""

    status: str
    counts: tuple[tuple[str, str, int], ...]  # (said_by, manner, passages), most passages first
    independent_sources: int
    recorded: bool  # every passage records who says it and how
    official: bool  # an official of the nation or the force states it
    disputed: bool = False  # some passages support the claim and others deny it
    rules_status: str = ""  # what rules 1-4 give (differs from ``status`` only with a reviewer's reason)
    reason: str = ""  # the reviewer's written reason for a status the rules do not give

    @property
    def overridden(self) -> bool:
        """True when a reviewer set a status the rules do not give (with a reason)."""
        return bool(self.reason) and self.status != (self.rules_status or self.status)

    def to_json(self) -> dict[str, object]:
        """The basis as ``verify --json`` / ``assignments --json`` print it."""
        out: dict[str, object] = {
            "status": self.status, "recorded": self.recorded, "independent_sources": self.independent_sources,
            "disputed": self.disputed,
            "passages": [{"said_by": s, "manner": m, "count": n} for s, m, n in self.counts]}
        if self.overridden:
            out["rules_status"], out["reason"] = self.rules_status, self.reason
        return out


def stronger(a: str, b: str) -> bool:
    """True when status ``a`` claims more than ``b`` (confirmed > reported > speculative > denied)."""
    return STRENGTH.get(a, 0) > STRENGTH.get(b, 0)


def derive_status(attributions: list[Attribution | None], sources: list[str], stored: str, *,
                  force_wide: bool = False, override: str = "", reason: str = "") -> StatusBasis:
    """A claim's status from its passages' attributions (rules 1–5).

    ``sources`` names each passage's source (outlet or article) so that independent ones can be counted;
    ``force_wide``: the claim is about the force as a whole (its own officials are the force's); ``override``
    and ``reason``: a reviewer's status and the written reason for it (ignored without a reason)."""
    statuses = [a.status if a is not None else stored for a in attributions]
    support = [s for s in statuses if s != "denied"]
    own = "force-official" if force_wide else "nation-official"

    def says(who: frozenset[str] | set[str], manner: str) -> bool:
        return any(a is not None and a.manner == manner and a.said_by in who for a in attributions)

    own_denial, force_denial = says({own}, "denied"), says({"force-official"}, "denied")
    if not support:
        status = "denied" if statuses else stored
    elif (own_denial and not says({own}, "stated")) or (force_denial and not says(OFFICIAL, "stated")):
        status = "denied"  # 3: the nation's own denial wins, whatever a third party says
    else:
        status = max(support, key=lambda s: STRENGTH.get(s, 0))
    disputed = bool(support) and len(support) < len(statuses)
    counts = Counter((a.said_by, a.manner) for a in attributions if a is not None)
    supporting_sources = {src for src, st in zip(sources, statuses, strict=True) if st != "denied"}
    rules_status = status
    if reason.strip() and override in STRENGTH:
        status = override
    return StatusBasis(status, tuple((s, m, n) for (s, m), n in counts.most_common()), len(supporting_sources),
                       all(a is not None for a in attributions), says(OFFICIAL, "stated"), disputed,
                       rules_status, reason.strip() if status != rules_status else "")
