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
from mapview.ingest.segment import lines, pysbd_sentences, rough_sentences

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


# Lines a saved or copied page puts before the article that are not its title: site navigation, greetings,
# buttons, dates of update and share bars. Matched on the whole (short) line, case-insensitively.
_BOILERPLATE = re.compile(
    r"(?:welcome\s+to\b.*|skip\s+to\b.*|jump\s+to\b.*|close|menu|search|home|share(?:\s+this)?|print|"
    r"subscribe.*|sign\s+(?:in|up).*|log\s*in.*|register|advertisement|sponsored|cookies?\b.*|"
    r"(?:breaking|latest)\s+news|live|watch|listen|read\s+more|related(?:\s+\w+)?|follow\s+us.*|"
    r"(?:updated|published|posted)\b.*\d.*|\d+\s+min(?:ute)?s?\s+read|x|×|[^\w]*)", re.IGNORECASE)
_BYLINE = re.compile(r"By\s+[A-Z][\w.'-]+(?:\s+(?:and\s+)?[A-Z][\w.'-]+){0,4}")
BOILERPLATE_MAX = 60  # a longer line is not navigation, whatever its first words
# a stock or currency ticker: several "SYMBOL 1,234.5 +0.6%" groups in a line with few words
_TICKER_ITEM = re.compile(r"[A-Z][A-Z0-9&./^-]{1,10}\s*[:=]?\s*[$€£]?\d[\d,.]*\s*(?:[+\-−▲▼]\s*\d[\d,.]*\s*%?|\d*%)")
# photo captions and credits: they describe a picture (and its day), not the article
_CAPTION = re.compile(
    r"^\s*[(\[]?(?:photo|image|picture|file\s+photo|foto|fotoğraf|gambar|صورة|credit|caption)s?\s*[:/|–—-]"
    r"|^\s*[(\[](?:photo|image|file\s+photo)\b"
    r"|(?:\b(?:photo|image|foto)\s*(?:by|:|/)\s*[\w .'/-]{2,60}|\bgetty\s+images|\(ap\s+photo\b[^)]*\)"
    r"|/\s*(?:afp|reuters|ap|anadolu(?:\s+agency)?|epa)\b)\s*\)?\s*\.?\s*$", re.IGNORECASE)
HEAD_LINES = 15  # non-blank lines searched for a title (navigation and tickers rarely take more)
DATELINE_LINES = 6  # the body's first lines, where a dateline or "on Tuesday, 3 March 2026" stands
SEARCH_WINDOW = 4_000  # the longest stretch of one line any pattern or the sentence splitter looks at at once


def is_boilerplate(line: str) -> bool:
    """True for a line of page furniture (navigation, greeting, button, byline, ticker), never a title."""
    line = " ".join(line[:SEARCH_WINDOW].split())
    if len(line) <= BOILERPLATE_MAX and (_BOILERPLATE.fullmatch(line) or _BYLINE.fullmatch(line)):
        return True
    lower = sum(ch.islower() for ch in line)
    return len(_TICKER_ITEM.findall(line)) >= 2 and lower < 0.3 * len(line)


def is_caption(line: str) -> bool:
    """True for a photo caption or credit line ("Photo: Reuters", "… (AFP)", "File photo: …")."""
    return bool(_CAPTION.search(line[:SEARCH_WINDOW]))


def _head_lines(text: str) -> list[tuple[int, int]]:
    """The first HEAD_LINES non-blank lines (spans), without building a list of every line of a long text."""
    found = []
    for m in re.finditer(r"[^\n]+", text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            found.append((start, end))
            if len(found) == HEAD_LINES:
                break
    return found


def title_line(text: str) -> tuple[int, int, str] | None:
    """The span of the line the title is read from and how it was chosen: the first line that is not page
    furniture or a caption (the first line itself when every head line is)."""
    head = _head_lines(text)
    if not head:
        return None
    for i, (start, end) in enumerate(head):
        line = text[start:min(end, start + SEARCH_WINDOW)]
        if is_boilerplate(line) or is_caption(line):
            continue
        how = "first line" if i == 0 else f"first line that is not navigation or a caption (line {i + 1})"
        return start, end, how
    return head[0][0], head[0][1], "first line"


def title_of(text: str) -> tuple[str, list[dict[str, object]]] | None:
    """The title (its line, or the line's first sentence when the line is a whole paragraph) and its passage."""
    found = title_line(text)
    if found is None:
        return None
    return _title_at(text, found[0], found[1])


def _title_at(text: str, start: int, end: int) -> tuple[str, list[dict[str, object]]]:
    if end - start > TITLE_LIMIT:  # the splitter sees a bounded window of the line, never the whole of it
        start, end = next(iter(pysbd_sentences(text, start, min(end, start + SEARCH_WINDOW))), (start, end))
    title = text[start:end]
    if end - start > TITLE_LIMIT:  # still a run-on sentence: keep its first words
        cut = text.rfind(" ", start, start + TITLE_LIMIT)
        end = cut if cut > start else start + TITLE_LIMIT
        title = text[start:end].rstrip(" ,;:") + "…"
    elif title.endswith(".") and not title.endswith(".."):
        title = title[:-1]
    return title, make_anchor(text, start, end).to_selectors()


def _stated_days(text: str, start: int, end: int):
    """Each past day stated in ``text[start:end]`` (one line) with the window of rough sentences around it, in
    text order; the line is read in bounded pieces, so a 10 MB line costs linear time."""
    pieces = rough_sentences(text, start, end)
    for i, (piece_start, piece_end) in enumerate(pieces):
        for match in _DATE.finditer(text, piece_start, piece_end):
            day = _day(match)
            if day is None or _FUTURE.search(text, max(piece_start, match.start() - FUTURE_REACH), match.start()):
                continue
            window = (pieces[max(0, i - 1)][0], pieces[min(len(pieces) - 1, i + 1)][1])
            if window[1] - window[0] > SEARCH_WINDOW:
                window = (piece_start, piece_end)
            yield match, day, window


def _sentence_of(text: str, window: tuple[int, int], at: int) -> tuple[int, int]:
    """The sentence holding offset ``at``, split by pysbd within ``window`` (a few rough sentences)."""
    for s, e in pysbd_sentences(text, *window):
        if s <= at < e:
            return s, e
    return window


def date_of(text: str) -> dict[str, object] | None:
    """The ``date`` entry of sources.json: a stated past day, as "on or after"; None when none.

    The first stated past day of the text, so a day in the body's first lines (a dateline) wins over any later
    one; photo captions are read last, only when the text itself states no day (a caption dates a picture, not
    the article). The reasoning says which line the day came from.
    """
    body_line = 0
    captions = []
    for line_start, line_end in lines(text):
        if is_caption(text[line_start:min(line_end, line_start + SEARCH_WINDOW)]):
            captions.append((line_start, line_end))
            continue
        body_line += 1
        where = ("in the article's first lines" if body_line <= DATELINE_LINES
                 else f"in line {body_line} of the article's text (none is stated in its first lines)")
        if (found := _dated(text, line_start, line_end, where)) is not None:
            return found
    for line_start, line_end in captions:  # only a caption states a day: better than none, and said so
        if (found := _dated(text, line_start, line_end, "in a photo caption (the text states no day)")) is not None:
            return found
    return None


def _dated(text: str, line_start: int, line_end: int, where: str) -> dict[str, object] | None:
    """The date entry for the first stated past day of one line, or None."""
    for match, day, window in _stated_days(text, line_start, line_end):
        start, end = _sentence_of(text, window, match.start())
        return {
            "kind": "approximate",
            "label": f"on or after {day.isoformat()}",
            "earliest": day.isoformat(),
            "latest": None,
            "reasoning": f"The text mentions {match.group()!r} {where}, so it appeared on or after that "
                         "day; it states no publication date of its own. (Inferred by `mapview ingest`.)",
            "evidence": make_anchor(text, start, end).to_selectors(),
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
    found = title_line(text)
    title = _title_at(text, found[0], found[1]) if found else None
    title_kind = f"{found[2]} (inferred by `mapview ingest`)" if found else ""
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
