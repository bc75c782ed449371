"""Scripts of the project's articles that no installed font can show: the Problems panel says which and what to do.

Qt draws a missing glyph as an empty box and says nothing; a reader would take a Korean or Thai article for a
broken one. The fonts are asked by writing system (QFontDatabase), the articles' scripts by mapview.data.scripts.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from mapview.data.problems import Problem
from mapview.data.project import Project
from mapview.data.scripts import articles_by_script
from mapview.wording import missing_font_text

_W = QFontDatabase.WritingSystem
# A script is shown when a font of any of these writing systems is installed.
WRITING_SYSTEMS: dict[str, tuple[QFontDatabase.WritingSystem, ...]] = {
    "Korean (Hangul)": (_W.Korean,), "Japanese (kana)": (_W.Japanese,),
    "Chinese (Han)": (_W.SimplifiedChinese, _W.TraditionalChinese, _W.Japanese), "Hebrew": (_W.Hebrew,),
    "Arabic": (_W.Arabic,), "Thai": (_W.Thai,), "Devanagari": (_W.Devanagari,), "Bengali": (_W.Bengali,),
    "Greek": (_W.Greek,), "Cyrillic": (_W.Cyrillic,),
}


def font_families(system: QFontDatabase.WritingSystem) -> list[str]:
    """The installed font families that write ``system`` (a seam for tests: another machine, other fonts)."""
    return QFontDatabase.families(system)


def font_problems(project: Project) -> list[Problem]:
    """One warning per script the project's articles use that no installed font shows."""
    texts = ((source_id, source.text) for source_id, source in project.sources.items() if source.text)
    problems = []
    for script, articles in articles_by_script(texts).items():
        systems = WRITING_SYSTEMS.get(script, ())
        if systems and not any(font_families(system) for system in systems):
            problems.append(Problem(str(project.paths.seeds), "", missing_font_text(script, articles), "warning"))
    return problems
