"""Hand data text to Qt so it is never read as markup.

Labels are set to ``Qt.TextFormat.PlainText``, but tooltips have no format switch: Qt renders any tooltip that
*looks* like HTML (``Qt.mightBeRichText``) as rich text. Tooltips that carry text from the data files (sector
names, problem messages quoting a passage, date reasoning) go through ``plain_tooltip``.
"""

from __future__ import annotations

import html


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that shows its characters literally (escaped inside a rich-text paragraph)."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"
