"""Save a picture of the real window: ``python -m mapview.qt.screenshot docs/screenshot.png --select north-gaza``.

Used to produce docs/screenshot.png; run it under Xvfb (or QT_QPA_PLATFORM=offscreen) on a headless machine.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Open the window, select a sector (and optionally a passage), grab it and save the PNG."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--select", default="north-gaza", help="sector id to select")
    parser.add_argument("--passage", type=int, default=1, help="index of the passage to open (-1: none)")
    parser.add_argument("--nation", help="nation to pick in the nations panel")
    parser.add_argument("--as-of", type=date.fromisoformat)
    parser.add_argument("--changes-since", type=date.fromisoformat, help="show the Changes list since this day")
    parser.add_argument("--size", default="1600x1000",
                        help="WIDTHxHEIGHT, or 'screen': the size and layout the window takes on this screen")
    args = parser.parse_args(argv)

    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from mapview.data.atomic import atomic_write_bytes
    from mapview.data.project import load_project
    from mapview.qt.mainwindow import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationDisplayName("mapview")
    # A fresh layout, not the one this user saved: pictures for the docs must not depend on who took them.
    scratch = tempfile.TemporaryDirectory(prefix="mapview-screenshot-")
    settings = QSettings(str(Path(scratch.name) / "mapview.ini"), QSettings.Format.IniFormat)
    window = MainWindow(load_project(), settings=settings)
    if args.size == "screen":
        window.place_on_screen()
    else:
        width, height = (int(v) for v in args.size.split("x"))
        window.resize(width, height)
    window.show()
    app.processEvents()
    if args.as_of:
        window.set_as_of(args.as_of)
    if args.nation:
        window.nations_dock.raise_()
        window.nations.select_nation(args.nation)
    if args.select:
        window.select_sector(args.select)
    passages = window.evidence.passage_rows()
    if 0 <= args.passage < len(passages):
        window.open_passage(passages[args.passage].evidence)
    if args.nation:
        window.nations_dock.raise_()
    if args.changes_since:
        window.keep_current.show_changes()
        changes = window.keep_current.changes
        changes.set_days(args.changes_since)
        window.source_dock.hide()  # the list in full height
        for row in changes.list.outline_model.outline.top:  # the selected sector's change opened to its passages
            if row.item == ("sector", args.select):
                changes.list.expand(changes.list.outline_model.index_of(row))
    for _ in range(5):
        app.processEvents()
    window.canvas.draw()
    app.processEvents()
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if args.size == "screen":  # the whole screen, so the picture shows whether the window fits on it
        window.screen().grabWindow(0).save(buffer, "PNG")
    else:
        window.grab().save(buffer, "PNG")
    atomic_write_bytes(args.out, bytes(buffer.data()))
    print(f"wrote {args.out}")
    window.close()
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
