"""The Problems panel as model/view: thousands of rows, sorted by a click on a column title, plain text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from mapview.data.problems import Problem
from mapview.qt.panels.problems import ProblemsPanel


def test_a_click_on_a_column_title_sorts_the_problems_and_thousands_fit(qtbot) -> None:
    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.show()
    problems = [Problem(f"claims/{i % 7}.json", f"claims[{i}]", f"<b>message</b> {i}",
                        "warning" if i % 3 else "error") for i in range(5000)]
    panel.set_problems(problems)
    assert panel.title() == "Problems (5000)"
    assert panel.rows()[0] == ("error", "claims/0.json", "claims[0]", "<b>message</b> 0")  # the loader's order
    header = panel.table.header()
    x = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    files = [row[1] for row in panel.rows()]
    assert files == sorted(files) and files[0] == "claims/0.json" and files[-1] == "claims/6.json"
    assert all("&lt;b&gt;" in tip or "<b>" not in tip for tip in panel.tooltips()[:50])  # escaped, never markup
    panel.set_problems([])
    assert panel.empty.isVisible() and not panel.table.isVisible() and panel.title() == "Problems (none)"
