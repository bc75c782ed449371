"""The window's style sheet: quiet panels, passages set off like quotations, broken evidence in red."""

from __future__ import annotations

STYLE_SHEET = """
QLabel#evidenceTitle { font-size: 15pt; font-weight: 600; }
QLabel#evidenceLead { font-size: 11pt; font-weight: 600; padding-bottom: 4px; }
QLabel#sectionHeading { font-weight: 600; color: #333333; padding-top: 6px; border-bottom: 1px solid #c8c8c8; }
QLabel#brokenHeading { font-weight: 600; color: #b00020; padding-top: 6px; border-bottom: 1px solid #e0a0a8; }
QFrame#claim { background: #fafafa; border: 1px solid #dddddd; border-radius: 4px; }
QFrame#brokenClaim { background: #fff4f4; border: 1px solid #d7191c; border-radius: 4px; }
QLabel#claimHeading { font-weight: 600; }
QLabel#brokenReason { color: #b00020; }
QLabel#claimNote, QLabel#claimFigures { color: #444444; }
QFrame#passageFrame { background: #ffffff; border: none; border-left: 3px solid #c9a227; }
QLabel#passage { font-style: italic; color: #1a1a1a; }
QLabel#passage:hover, QLabel#passage:focus { background: #fff3c4; }
QLabel#brokenPassage { font-style: italic; color: #b00020; text-decoration: line-through; }
QLabel#sourceLine { color: #555555; font-size: 8.5pt; }
QLabel#contradiction { color: #7a4b00; font-weight: 600; }
QLabel#crossReference { color: #0b57a4; text-decoration: underline; padding-left: 24px; }
QLabel#crossReference:hover, QLabel#crossReference:focus { background: #e8f0fb; }
QLabel#sourceHeader { font-weight: 600; font-size: 11pt; }
QLabel#sourceMeta { color: #555555; font-size: 8.5pt; }
QLabel#sourceStatus { color: #1f3a5f; background: #eef3f9; padding: 3px; }
QLabel#sourceStatus[warning="true"] { color: #b00020; background: #fff4f4; }
QLabel#noProblems { color: #1b6e20; padding: 6px; }
QLabel#attribution { color: #333333; }
QLineEdit#dayField[invalid="true"] { border: 1px solid #b00020; background: #fff4f4; }
"""
