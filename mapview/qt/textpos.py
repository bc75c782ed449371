"""Map Python string offsets (code points) to Qt text positions (UTF-16 code units) and back."""

from __future__ import annotations

from bisect import bisect_right


class Utf16Offsets:
    """Offset conversion for one text; cheap identity when the text has no astral (non-BMP) characters."""

    def __init__(self, text: str) -> None:
        # Code-point indices of astral characters: each one takes two UTF-16 units in Qt.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._length = len(text)

    def to_qt(self, index: int) -> int:
        """The Qt position of Python offset ``index``."""
        index = max(0, min(index, self._length))
        return index + bisect_right(self._astral, index - 1)

    def from_qt(self, position: int) -> int:
        """The Python offset of Qt position ``position`` (a position inside a surrogate pair rounds down)."""
        low, high = 0, self._length
        while low < high:
            mid = (low + high + 1) // 2
            if self.to_qt(mid) <= position:
                low = mid
            else:
                high = mid - 1
        return low


def display_text(text: str) -> str:
    """The text as given to Qt: same length, but CR line ends shown as plain spaces so offsets stay aligned.

    QTextDocument drops carriage returns, which would shift every later position by one.
    """
    return text.replace("\r\n", " \n").replace("\r", "\n")
