"""Articles from the web: fetch a page by its address and read it as a saved page is read.

With ``mapview.ingest.feeds`` this is the only module that opens connections. It uses urllib3 (the HTTP client
trafilatura itself uses) with: a connect and a read timeout plus a deadline for the whole download (a server that
trickles bytes cannot hold a fetch forever), a size cap counted on the decoded bytes (so a gzip bomb is stopped
too), at most :data:`MAX_REDIRECTS` redirects, gzip/deflate, and the charset from the header, else the page's
``<meta charset>``, else UTF-8, else a detected one. Only pages that can hold an article are read (HTML, plain
text, PDF); anything else is refused with a message that says what the server sent. The original bytes and the
address are kept: the record is the same :class:`ArticleRecord` a saved page gives, so everything after this is
the ordinary ingest and review.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from mapview.ingest.formats import ArticleRecord, InputError, canonical_text, clean_field

USER_AGENT = "mapview/0.1 (ISF sector map; fetches one article for review)"
CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 20.0
DEADLINE_S = 60.0  # the whole download, however the bytes trickle in
MAX_BYTES = 10 * 1024 * 1024  # decoded: no news article is larger; a saved page with images inlined may be
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown"})
PDF_TYPES = frozenset({"application/pdf"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
                        "text/xml", "application/feed+json"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

Progress = Callable[[int, int | None], None]  # bytes so far, bytes expected (None: not said)
Cancelled = Callable[[], bool]


class FetchError(InputError):
    """A page that could not be fetched or is not an article; the message names the address and says why."""


class FetchCancelled(FetchError):
    """The user cancelled the fetch."""


@dataclass(frozen=True)
class Fetched:
    """What the server sent: the body (decompressed), where it ended up, and the headers that matter later."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str  # media type only, lower case ("text/html")
    charset: str | None  # from the Content-Type header
    data: bytes
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    def info(self) -> dict[str, object]:
        """What ``sources.json`` records of the fetch (``fetched``)."""
        out: dict[str, object] = {"url": self.url, "final_url": self.final_url, "content_type": self.content_type,
                                  "at": self.fetched_at, "bytes": len(self.data)}
        return {k: v for k, v in out.items() if v is not None}


class WebAddress(str):
    """An address given where file paths are listed (ingest's summaries print ``given.name``)."""

    __slots__ = ()

    @property
    def name(self) -> str:
        """The address itself (a path's name would cut it)."""
        return str(self)


def is_web_address(text: str) -> bool:
    """True for an http(s) address with a host."""
    parts = urlsplit(text.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _check_address(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(f"{url}: not a web address (give one starting with http:// or https://)")
    return url


def _pool(headers: dict[str, str]):
    import urllib3

    return urllib3.PoolManager(headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate", **headers})


def fetch(url: str, *, accept: str = "text/html, application/xhtml+xml, text/plain;q=0.8, application/pdf;q=0.7",
          headers: dict[str, str] | None = None, max_bytes: int | None = None, deadline_s: float | None = None,
          read_timeout_s: float | None = None, progress: Progress | None = None,
          cancelled: Cancelled | None = None) -> Fetched:
    """GET ``url`` and return what came back (a 304 too, with no body); FetchError with a clear message otherwise.

    ``headers`` are sent as given (``If-None-Match``, ``If-Modified-Since`` for feeds). ``progress`` is told the
    bytes read so far; ``cancelled`` is asked between chunks and stops the download with FetchCancelled.
    """
    import urllib3
    from urllib3.exceptions import ConnectTimeoutError, HTTPError, MaxRetryError
    from urllib3.exceptions import TimeoutError as Urllib3Timeout

    max_bytes = MAX_BYTES if max_bytes is None else max_bytes  # read now: the limits are the module's settings
    deadline_s = DEADLINE_S if deadline_s is None else deadline_s
    read_timeout_s = READ_TIMEOUT_S if read_timeout_s is None else read_timeout_s
    url = _check_address(url)
    pool = _pool({"Accept": accept, **(headers or {})})
    retries = urllib3.Retry(total=None, connect=0, read=0, status=0, other=0, redirect=MAX_REDIRECTS,
                            raise_on_redirect=True, raise_on_status=False)
    started = time.monotonic()
    try:
        response = pool.request("GET", url, preload_content=False, redirect=True, retries=retries,
                                timeout=urllib3.Timeout(connect=CONNECT_TIMEOUT_S, read=read_timeout_s))
    except MaxRetryError as exc:
        reason = exc.reason
        if reason is None or "redirect" in str(reason).lower():
            raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects; the address may loop") from None
        if isinstance(reason, ConnectTimeoutError):
            raise FetchError(f"{url}: cannot connect within {CONNECT_TIMEOUT_S:g} s") from None
        if isinstance(reason, Urllib3Timeout):
            raise FetchError(f"{url}: no answer within {read_timeout_s:g} s") from None
        raise FetchError(f"{url}: cannot connect ({_plain(reason)})") from None
    except Urllib3Timeout:
        raise FetchError(f"{url}: no answer within {read_timeout_s:g} s") from None
    except (HTTPError, OSError, ValueError) as exc:
        raise FetchError(f"{url}: cannot fetch ({_plain(exc)})") from None
    try:
        final = url
        for step in response.retries.history if response.retries is not None else ():
            if step.redirect_location:
                final = urljoin(final, step.redirect_location)
        if response.status == 304:
            return Fetched(url, final, 304, "", None, b"", response.headers.get("ETag"),
                           response.headers.get("Last-Modified"))
        if response.status >= 400:
            raise FetchError(f"{url}: the server answered {response.status} {response.reason or ''}".rstrip())
        media, charset = _content_type(response.headers.get("Content-Type", ""))
        declared = response.headers.get("Content-Length")
        expected = int(declared) if declared and declared.isdigit() else None
        if expected is not None and expected > max_bytes:
            raise FetchError(f"{url}: the page is {expected:,} bytes, more than the {max_bytes:,} allowed")
        chunks, total = [], 0
        while chunk := response.read1(CHUNK, decode_content=True):  # whatever has arrived: Cancel is heard soon
            if cancelled is not None and cancelled():
                raise FetchCancelled(f"{url}: cancelled")
            total += len(chunk)
            if total > max_bytes:
                raise FetchError(f"{url}: the page is larger than the {max_bytes:,} bytes allowed; not read")
            if time.monotonic() - started > deadline_s:
                raise FetchError(f"{url}: the download took longer than {deadline_s:g} s; stopped")
            chunks.append(chunk)
            if progress is not None:
                progress(total, expected)
        return Fetched(url, final, response.status, media, charset, b"".join(chunks),
                       response.headers.get("ETag"), response.headers.get("Last-Modified"))
    except FetchError:
        raise
    except Urllib3Timeout:
        raise FetchError(f"{url}: the server stopped sending for more than {read_timeout_s:g} s") from None
    except (HTTPError, OSError, ValueError) as exc:
        raise FetchError(f"{url}: the download failed ({_plain(exc)})") from None
    finally:
        response.release_conn()
        pool.clear()


def _plain(exc: object) -> str:
    """An exception's message without urllib3's object reprs."""
    text = re.sub(r"<[^>]+>:?\s*", "", str(exc))
    return text.strip(" :") or type(exc).__name__


def _content_type(value: str) -> tuple[str, str | None]:
    media, _, params = value.partition(";")
    match = re.search(r"charset\s*=\s*\"?([A-Za-z0-9_.:-]+)", params, re.IGNORECASE)
    return media.strip().lower(), match.group(1) if match else None


def decode_page(data: bytes, charset: str | None) -> str:
    """The page's text: a BOM, else the header's charset, else ``<meta charset>``, else UTF-8, else detected."""
    import codecs

    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace")
    meta = _META_CHARSET.search(data[:4096])
    for name in (charset, meta.group(1).decode("ascii", "replace") if meta else None, "utf-8"):
        if not name:
            continue
        try:
            return data.decode(codecs.lookup(name).name)
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("windows-1252", errors="replace")


def read_fetched(fetched: Fetched) -> ArticleRecord:
    """The article in a fetched page, read as a saved page (HTML), a PDF or text; InputError when there is none."""
    url, media = fetched.final_url, fetched.content_type
    if media in HTML_TYPES or (not media and fetched.data.lstrip()[:1] == b"<"):
        from mapview.ingest.formats.html import extract_html

        found = extract_html(decode_page(fetched.data, fetched.charset), url)
        return ArticleRecord(
            text=found["text"], kind="html", original=fetched.data, suffix=".html", given_name=url,
            title=found["title"], title_from="page" if found["title"] else None,
            outlet=found["outlet"], outlet_from="page" if found["outlet"] else None,
            url=clean_field(url, 2000), url_from="fetched",
            day=found["day"], day_from="page" if found["day"] else None,
            day_field="the page's publication-date metadata (htmldate, original date)" if found["day"] else "")
    if media in PDF_TYPES:
        from dataclasses import replace

        from mapview.ingest.formats.pdf import read_pdf

        record = read_pdf(fetched.data, url)
        return replace(record, given_name=url, url=clean_field(url, 2000), url_from="fetched")
    if media in TEXT_TYPES:
        text = canonical_text(decode_page(fetched.data, fetched.charset))
        if not text.strip():
            raise FetchError(f"{url}: the page is empty")
        return ArticleRecord(text=text, kind="text", original=fetched.data, suffix=".txt", given_name=url,
                             url=clean_field(url, 2000), url_from="fetched")
    if media in FEED_TYPES:
        raise FetchError(f"{url}: this is a news feed ({media}), not an article; follow it with "
                         "`mapview follow --add URL` (or File ▸ Feeds…) to add its new items")
    raise FetchError(f"{url}: the server sent {media or 'an unnamed type'}, not an article page "
                     "(HTML, plain text or PDF); nothing added")


def fetch_article(url: str, *, progress: Progress | None = None, cancelled: Cancelled | None = None,
                  **options: object) -> tuple[ArticleRecord, Fetched]:
    """Fetch ``url`` and read the article in it; FetchError (an InputError) when either fails."""
    fetched = fetch(url, progress=progress, cancelled=cancelled, **options)  # type: ignore[arg-type]
    if fetched.status == 304:
        raise FetchError(f"{url}: not changed since the last fetch")
    try:
        return read_fetched(fetched), fetched
    except FetchError:
        raise
    except InputError as exc:
        raise FetchError(str(exc)) from None


def note_fetched(plan, fetched: dict[int, tuple[Fetched, str | None]]) -> None:
    """Record in an ingest plan where its fetched articles came from: the source entry gets ``fetched`` (address
    asked for, final address, type, time, and the feed when there is one) and its notes say so; each proposal
    from it names the feed. ``fetched`` maps ``id(record)`` to (the fetch, the feed's name or None)."""
    for article in plan.articles:
        found = fetched.get(id(article.record))
        if found is None:
            continue
        page, feed = found
        if article.entry is not None:
            article.entry["fetched"] = page.info() | ({"feed": feed} if feed else {})
            article.entry["notes"] = (f"Added by `mapview ingest` from the web page {page.final_url!r}, fetched "
                                      f"{page.fetched_at}" + (f" from the feed {feed!r}" if feed else "") + ".")
        if feed:
            for proposal in article.proposals:
                proposal.extra["feed"] = feed
                proposal.note = f"From the feed “{feed}”. {proposal.note}".strip()
