"""Regression guard for the PySide6 release excluded in pyproject.toml (issue #15).

PySide6-Essentials 6.12.0's ``QWidget.setSizePolicy(Policy, Policy)`` drops a reference to ``None`` on every call
(checked in a throwaway venv: -2,004 references over 2,000 calls, then "Fatal Python error: none_dealloc" at exit;
6.11.3: no change). On Python 3.11, where None is not immortal, the interpreter aborts after a few thousand calls:
exactly what filling the evidence panel did when it built a label per line. This drives the app's own hot paths
thousands of times (the evidence list's fill and paint, and ``plain_label``, which the proposals panel calls for every
line of every proposal and which sets a size policy) and checks that None's reference count holds.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QCoreApplication, QEvent

from mapview.qt.panels.evidence import EvidencePanel, plain_label


def _settle() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old cards are really gone
    gc.collect()


def test_panel_fills_do_not_leak_references_to_none(qtbot, project) -> None:
    panel = EvidencePanel()
    qtbot.addWidget(panel)
    view = project.view()
    sectors = [v for v in view.sectors if v.claims]
    for sector in sectors:  # warm caches; every sector's cards built once
        panel.show_sector(sector, view)
    _settle()
    before = sys.getrefcount(None)
    panel.show()
    for i in range(300):  # fills and paints of the list
        panel.show_sector(sectors[i % len(sectors)], view)
        panel.list.viewport().repaint()
    panel.show_sector(sectors[0], view)
    labels = [plain_label(f"line {i}", "passage") for i in range(5000)]  # 5,000 size-policy calls
    for label in labels:
        label.deleteLater()
    del labels
    _settle()
    # the same panel content as before: None's count is back where it was (6.12.0 loses one per call)
    assert sys.getrefcount(None) - before > -200, "a Qt binding is dropping references to None"
    assert panel.list.model().rowCount() > 0  # the list was really filled
