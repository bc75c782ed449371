"""Pure TopoJSON arc decoding for the excerpted geoBoundaries arcs in ``geodata/sources/raw/``.

Standard library only: no shapely, no pyproj.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

Point = tuple[float, float]
Ring = list[Point]
QuantizedArc = list[list[int]]


class TopoJSONError(ValueError):
    """The raw arc files or a ring assembly are inconsistent."""


@dataclass(frozen=True)
class Transform:
    """A TopoJSON quantization transform: ``value = quantized * scale + translate`` per axis."""

    scale: tuple[float, float]
    translate: tuple[float, float]


#: The ``transform`` of the upstream geoBoundaries PSE ADM2 simplified TopoJSON.
UPSTREAM_TRANSFORM = Transform(
    scale=(0.000004284018361938902, 0.000003595794675209738),
    translate=(34.2186651850001, 31.224384788000098),
)

_NAME_RE = re.compile(r"^arcs_(\d+)(b?)-(\d+)(a?)$")


def arc_numbers(stems: Iterable[str]) -> list[int]:
    """Arc indices held by raw files named ``arcs_SS[b]-EE[a]`` (in the given order).

    ``SSb`` means the file starts with the tail of arc SS begun in the previous file, so its first
    new arc is SS+1; ``EEa`` means arc EE is cut at the end of the file (it still counts here).
    """
    numbers: list[int] = []
    for stem in stems:
        match = _NAME_RE.match(stem)
        if match is None:
            raise TopoJSONError(f"unexpected raw arc file name: {stem!r}")
        start, continued, end = int(match[1]), bool(match[2]), int(match[3])
        numbers.extend(range(start + 1 if continued else start, end + 1))
    return numbers


def join_arc_texts(texts: Sequence[str]) -> str:
    """Concatenate raw file texts into one JSON array text of arcs.

    Each text has its trailing newline stripped. A text starting with ``[`` after one ending with ``]``
    begins a new run of the upstream ``arcs`` array, so a comma is inserted; any other text (one starting
    with ``]`` or a digit) continues an arc cut at the end of the previous file and is appended as is.
    """
    joined = ""
    for text in texts:
        piece = text.rstrip("\n")
        if joined and joined.endswith("]") and piece.startswith("["):
            joined += ","
        joined += piece
    return "[" + joined + "]"


def load_arcs(raw_dir: Path) -> dict[int, QuantizedArc]:
    """Read ``raw_dir/*.txt`` in name order and return the quantized, delta-encoded arcs by upstream index."""
    paths = sorted(raw_dir.glob("*.txt"))
    if not paths:
        raise TopoJSONError(f"no raw arc files in {raw_dir}")
    arcs = json.loads(join_arc_texts([p.read_text(encoding="utf-8") for p in paths]))
    numbers = arc_numbers(p.stem for p in paths)
    if len(arcs) != len(numbers):
        raise TopoJSONError(f"{raw_dir}: parsed {len(arcs)} arcs, file names promise {len(numbers)} {numbers}")
    for number, arc in zip(numbers, arcs, strict=True):
        if not arc or any(len(pos) != 2 or not all(isinstance(v, int) for v in pos) for pos in arc):
            raise TopoJSONError(f"arc {number} is not a list of integer pairs")
    return dict(zip(numbers, arcs, strict=True))


def decode_arc(arc: QuantizedArc, transform: Transform = UPSTREAM_TRANSFORM) -> Ring:
    """Undo delta encoding and quantization of one arc (no rounding)."""
    (kx, ky), (tx, ty) = transform.scale, transform.translate
    x = y = 0
    points: Ring = []
    for dx, dy in arc:
        x += dx
        y += dy
        points.append((x * kx + tx, y * ky + ty))
    return points


def assemble_ring(indices: Sequence[int], arcs: dict[int, Ring]) -> Ring:
    """Join decoded arcs into a closed ring as TopoJSON does.

    A negative index ``-i`` (``~(i - 1)``) means arc ``i - 1`` reversed; the first point of every arc
    after the first is dropped because it repeats the previous arc's last point.
    """
    ring: Ring = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        if ring and ring[-1] != arc[0]:
            raise TopoJSONError(f"arc {index} does not start where the previous arc ends")
        ring.extend(arc[1:] if ring else arc)
    if len(ring) < 4 or ring[0] != ring[-1]:
        raise TopoJSONError(f"ring {list(indices)} does not close")
    return ring


def round_coordinate(value: float) -> float:
    """Round a decoded value to 6 decimals the way the provenance GeoJSON was written.

    The reference file was evidently written at 7 decimals and then rounded to 6 (double rounding):
    rounding straight to 6 decimals differs from it by 1e-6 on ~5% of values, all within 0.05e-6 of a tie.
    """
    return round(round(value, 7), 6)


def signed_area(ring: Sequence[Point]) -> float:
    """Shoelace signed area of a closed ring (positive when counter-clockwise)."""
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False))


def exterior_ccw(ring: Sequence[Point]) -> Ring:
    """Return the ring counter-clockwise (RFC 7946 exterior orientation), keeping its start point."""
    points = list(ring)
    return points if signed_area(points) > 0 else points[::-1]


def decode_polygon_ring(
    indices: Sequence[int], arcs: dict[int, QuantizedArc], transform: Transform = UPSTREAM_TRANSFORM
) -> Ring:
    """Decode, assemble, round and orient one exterior ring from quantized arcs."""
    numbers = [i if i >= 0 else ~i for i in indices]
    decoded = {n: decode_arc(arcs[n], transform) for n in numbers}
    ring = assemble_ring(indices, decoded)
    rounded = [(round_coordinate(x), round_coordinate(y)) for x, y in ring]
    return exterior_ccw(rounded)
