"""Plain-text and Markdown articles: decoded as UTF-8 (a BOM is dropped), put in canonical form."""

from __future__ import annotations

from pathlib import Path

from mapview.ingest.formats import ArticleRecord, InputError, canonical_text


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text of a file (with or without BOM; UTF-16 with a BOM too), or InputError naming the file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid UTF-16 text (byte {exc.start})") from exc
        if "\x00" in text:
            raise InputError(f"{name}: binary file (contains NUL characters), not text")
        return text
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid UTF-8 text (byte {exc.start})") from exc


def read_text(data: bytes, name: str, suffix: str) -> ArticleRecord:
    """A .txt/.md article; its title and date are read from the text later, like any article's."""
    text = canonical_text(decode_text(data, name))
    if not text.strip():
        raise InputError(f"{name}: the article is empty")
    return ArticleRecord(text=text, kind="text", original=data, suffix=suffix, given_name=Path(name).name)
