"""A claim's status follows from recorded facts: who says each passage and how. The rules, written once.

Each passage of a claim records ``said_by`` (who says it) and ``manner`` (how): see :data:`SAID_BY` and
:data:`MANNERS`. From them:

1. a passage stated by an official of the nation concerned or of the force (its command) is ``confirmed``;
   stated by anyone else (another government, unnamed officials, a media report, an analyst, maps) it is
   ``reported``; a hedged passage ("may", "could", "likely", "suggesting") is ``speculative``, whoever says it:
   hedged words never become ``confirmed``; a passage that says it is not so is ``denied``;
2. a claim takes the strongest status among its passages that are not denials, unless an official of the nation
   or of the force denies it and none confirms it: then it is ``denied``; a claim all of whose passages deny it
   is ``denied``;
3. independent sources are counted, not multiplied into a stronger status: the basis says how many distinct
   articles (outlets, where known) support the claim, and a lead resting on one is marked single-source;
4. a passage with no recorded ``said_by``/``manner`` (claims accepted from older files or proposals) counts with
   the claim's stored ``status``, and the basis says the facts are not recorded.

The same rules are in claims/README.md ("Status").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

SAID_BY: dict[str, str] = {
    "nation-official": "an official of the nation concerned",
    "force-official": "an official of the force or its command",
    "other-government": "another government",
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
        """The status this passage alone gives its claim (rule 1)."""
        if self.manner == "denied":
            return "denied"
        if self.manner == "hedged":
            return "speculative"
        return "confirmed" if self.said_by in OFFICIAL else "reported"

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

    def to_json(self) -> dict[str, object]:
        """The basis as ``verify --json`` / ``assignments --json`` print it."""
        return {"status": self.status, "recorded": self.recorded, "independent_sources": self.independent_sources,
                "passages": [{"said_by": s, "manner": m, "count": n} for s, m, n in self.counts]}


def derive_status(attributions: list[Attribution | None], sources: list[str], stored: str) -> StatusBasis:
    """A claim's status from its passages' attributions (rules 1–4); ``sources`` names each passage's source
    (outlet or article) so that independent ones can be counted."""
    statuses = [a.status if a is not None else stored for a in attributions]
    support = [s for s in statuses if s != "denied"]
    official_denial = any(a is not None and a.manner == "denied" and a.said_by in OFFICIAL for a in attributions)
    if not support or (official_denial and "confirmed" not in support):
        status = "denied" if statuses else stored
    else:
        status = max(support, key=lambda s: STRENGTH.get(s, 0))
    counts = Counter((a.said_by, a.manner) for a in attributions if a is not None)
    supporting_sources = {src for src, st in zip(sources, statuses, strict=True) if st != "denied"}
    official = any(a is not None and a.manner == "stated" and a.said_by in OFFICIAL for a in attributions)
    return StatusBasis(status, tuple((s, m, n) for (s, m), n in counts.most_common()), len(supporting_sources),
                       all(a is not None for a in attributions), official)
