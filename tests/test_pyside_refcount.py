"""Regression guard for the PySide6 release excluded in pyproject.toml (issue #15).

PySide6-Essentials 6.12.0's ``QWidget.setSizePolicy(Policy, Policy)`` drops a reference to ``None`` on every call
(checked in a throwaway venv: -2,004 references over 2,000 calls, then "Fatal Python error: none_dealloc" at exit;
6.11.3: no change). On Python 3.11, where None is not immortal, the interpreter aborts after a few thousand calls:
exactly what filling the evidence panel does. This drives the app's own hot paths (panel fill, which sizes every
label) thousands of times and checks that None's reference count holds.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QCoreApplication, QEvent

from mapview.qt.panels.evidence import EvidencePanel


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
    for i in range(300):  # thousands of size-policy calls
        panel.show_sector(sectors[i % len(sectors)], view)
    panel.show_sector(sectors[0], view)
    _settle()
    # the same panel content as before: None's count is back where it was (6.12.0 loses one per call)
    assert sys.getrefcount(None) - before > -200, "a Qt binding is dropping references to None"
