"""Metadata of a new article, inferred only from its own text: a title from the first line, a date if stated.

Every field carries the anchored passage it was read from, as ``seeds/sources.json`` requires. A date is
recorded only where the text states one ("November 20, 2025", "20 Kasım 2025", "2025-11-20"), and then as
"on or after" that day: an article cannot predate a day it reports on. Dates in sentences about the future
("due to begin on ...", "by March 1, 2026") are skipped, since they tell nothing of when the article appeared.
"""

from __future__ import annotations

import re
from datetime import date

from mapview.data.anchors import make_anchor
from mapview.ingest.formats import ArticleRecord
from mapview.ingest.segment import lines, pysbd_sentences

TITLE_LIMIT = 200
FUTURE_REACH = 40  # characters before a date searched for "by", "until", "due", ...

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate([
    "january jan ocak januari janar يناير كانون_الثاني",
    "february feb şubat februari shkurt فبراير شباط",
    "march mar mart maret mars مارس آذار",
    "april apr nisan prill أبريل نيسان",
    "may mayıs mei maj مايو أيار",
    "june jun haziran juni qershor يونيو حزيران",
    "july jul temmuz juli korrik يوليو تموز",
    "august aug ağustos agustus gusht أغسطس آب",
    "september sep sept eylül shtator سبتمبر أيلول",
    "october oct ekim oktober tetor أكتوبر تشرين_الأول",
    "november nov kasım nopember nëntor نوفمبر تشرين_الثاني",
    "december dec aralık desember dhjetor ديسمبر كانون_الأول",
], start=1):
    for _name in _names.split():
        _MONTHS[_name.replace("_", " ")] = _number

_MONTH = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True)).replace(r"\ ", r"\s+")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_DATE = re.compile(
    rf"(?<!\w)(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>[0-9٠-٩]{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<m2>{_MONTH})\.?,?\s+(?P<y2>(?:19|20|١٩|٢٠)[0-9٠-٩]{{2}})"
    rf"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))(?!\w)",
    re.IGNORECASE)
_FUTURE = re.compile(r"(?<!\w)(?i:will|due|scheduled|expected|planned|until|by|before|deadline|from|starting|"
                     r"next|upcoming|olacak|kadar|akan|do\s+të|deri)(?!\w)|سوف|حتى|بحلول")


def _month(name: str) -> int:
    key = " ".join(name.casefold().split()).rstrip(".")
    return _MONTHS.get(key) or _MONTHS.get(key.replace("i̇", "i"), 0)


def _day(match: re.Match[str]) -> date | None:
    try:
        if match.group("y1"):
            return date(int(match.group("y1")), _month(match.group("m1")), int(match.group("d1")))
        if match.group("y2"):
            return date(int(match.group("y2").translate(_DIGITS)), _month(match.group("m2")),
                        int(match.group("d2").translate(_DIGITS)))
        return date(int(match.group("y3")), int(match.group("m3")), int(match.group("d3")))
    except ValueError:  # month 0 (unknown name) or a day that does not exist
        return None


def title_of(text: str) -> tuple[str, list[dict[str, object]]] | None:
    """The title (first line, or its first sentence when the line is a whole paragraph) and its passage."""
    first = next(iter(lines(text)), None)
    if first is None:
        return None
    start, end = first
    if end - start > TITLE_LIMIT:
        start, end = next(iter(pysbd_sentences(text, start, end)), (start, end))
    title = text[start:end]
    if end - start > TITLE_LIMIT:  # still a run-on sentence: keep its first words
        cut = text.rfind(" ", start, start + TITLE_LIMIT)
        end = cut if cut > start else start + TITLE_LIMIT
        title = text[start:end].rstrip(" ,;:") + "…"
    elif title.endswith(".") and not title.endswith(".."):
        title = title[:-1]
    return title, make_anchor(text, start, end).to_selectors()


def date_of(text: str) -> dict[str, object] | None:
    """The ``date`` entry of sources.json: the first stated past day, as "on or after"; None when none."""
    for line_start, line_end in lines(text):
        if not _DATE.search(text, line_start, line_end):
            continue
        for start, end in pysbd_sentences(text, line_start, line_end):
            for match in _DATE.finditer(text, start, end):
                day = _day(match)
                if day is None or _FUTURE.search(text, max(start, match.start() - FUTURE_REACH), match.start()):
                    continue
                anchor = make_anchor(text, start, end)
                return {
                    "kind": "approximate",
                    "label": f"on or after {day.isoformat()}",
                    "earliest": day.isoformat(),
                    "latest": None,
                    "reasoning": f"The text mentions {match.group()!r}, so it appeared on or after that day; "
                                 "it states no publication date of its own. (Inferred by `mapview ingest`.)",
                    "evidence": anchor.to_selectors(),
                }
    return None


_FROM_WORDS = {"page": "the original file's own metadata", "user": "the person who pasted the article",
               "text": "the article text"}


def source_entry(source_id: str, text: str, sha256: str, original_name: str,
                 record: ArticleRecord | None = None, original_file: str | None = None,
                 original_sha256: str | None = None) -> dict[str, object]:
    """The sources.json entry for a new article, every field with where it came from.

    From the text (title from the first line, a stated date) each field carries its anchored passage; from a
    saved page's metadata or what the user typed (``record``), the field says so in ``*_from`` and the date's
    ``reasoning``, and the original file with its sha256 is named so the reading can be audited.
    """
    entry: dict[str, object] = {"id": source_id, "sha256": sha256}
    title = title_of(text)
    title_kind = "first line (inferred by `mapview ingest`)"
    if record is not None and record.title:
        position = text.find(record.title)
        if position >= 0:
            title = (record.title, make_anchor(text, position, position + len(record.title)).to_selectors())
            title_kind = f"given by the {'page' if record.title_from == 'page' else 'user'}, found in the text"
        else:
            entry["title"] = record.title
            entry["title_from"] = record.title_from
            title = None
    if title is not None:
        entry["title"] = title[0]
        entry["title_evidence"] = title[1]
        entry["title_kind"] = title_kind
        entry["title_from"] = "text"
    entry["outlet"] = record.outlet if record is not None else None
    if record is not None and record.outlet:
        entry["outlet_from"] = record.outlet_from
    entry["url"] = record.url if record is not None else None
    if record is not None and record.url:
        entry["url_from"] = record.url_from
    if record is not None and record.day is not None:
        where = f" ({original_file})" if original_file and record.day_from == "page" else ""
        entry["date"] = {
            "kind": "exact", "label": record.day.isoformat(), "earliest": record.day.isoformat(),
            "latest": record.day.isoformat(), "from": record.day_from,
            "reasoning": f"From {record.day_field or _FROM_WORDS[record.day_from or 'user']}{where}.",
            "evidence": None,
        }
    else:
        entry["date"] = date_of(text)
        if entry["date"] is not None:
            entry["date"]["from"] = "text"
    if original_file:
        entry["original"] = {"file": original_file, "sha256": original_sha256,
                             "kind": record.kind if record else "text", "given_name": original_name}
    how = {"html": "a saved web page", "pdf": "a PDF", "paste": "pasted text", "text": "a text file"}
    kind = how.get(record.kind if record else "text", "a file")
    entry["notes"] = f"Added by `mapview ingest` from {kind} {original_name!r}."
    return entry
