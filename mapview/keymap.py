"""Every key of the window, as data: the window's actions take their shortcuts from here, and Help ▸ Keyboard
lists this table, so what the help says is what the keys do.

Pure (no Qt): key sequences are written as Qt's portable strings ("Ctrl+Shift+C"), which QKeySequence reads.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Key:
    """One command and the keys that do it; ``action`` names the window's action (empty: a key of a pane)."""

    keys: tuple[str, ...]
    text: str
    action: str = ""
    where: str = "Window"


KEYS: tuple[Key, ...] = (
    # the window: panes and focus
    Key(("F6", "Ctrl+Tab"), "Next pane: map, evidence, nations, proposals, changes, source, problems, filter",
        "next_pane"),
    Key(("Shift+F6", "Ctrl+Shift+Tab"), "Previous pane", "previous_pane"),
    Key(("Ctrl+F",), "Filter the claims listed (evidence or nations)", "find"),
    Key(("Ctrl+1",), "Go to the map", "pane_map"),
    Key(("Ctrl+2",), "Go to the evidence", "pane_evidence"),
    Key(("Ctrl+3",), "Go to the nations", "pane_nations"),
    Key(("Ctrl+4",), "Go to the proposals", "pane_proposals"),
    Key(("Ctrl+5",), "Go to the source view", "pane_source"),
    Key(("Ctrl+6",), "Go to the problems", "pane_problems"),
    # File
    Key(("Ctrl+O",), "Add article… (saved pages, PDFs, text)", "add_article", "File"),
    Key(("Ctrl+Shift+V",), "Paste article…", "paste_article", "File"),
    Key(("Ctrl+L",), "Add from URL… (fetch an article by its web address)", "add_from_url", "File"),
    Key(("Ctrl+Shift+F",), "Check the project's feeds for new items", "check_feeds", "File"),
    Key(("Ctrl+Shift+L",), "Follow a feed…", "follow_feed", "File"),
    Key(("Ctrl+E",), "Export the map…", "export", "File"),
    Key(("Ctrl+Shift+C",), "Copy the map page", "copy_map", "File"),
    Key(("F5",), "Reload the project's files from disk", "reload", "File"),
    Key(("Ctrl+Q",), "Quit", "quit", "File"),
    # Edit
    Key(("Ctrl+Z",), "Undo the last decision (accept, reject, edit, retire, restore, new claim)", "undo", "Edit"),
    Key(("Ctrl+Shift+Z", "Ctrl+Y"), "Redo", "redo", "Edit"),
    Key(("Ctrl+N",), "New claim from the words selected in the source view…", "new_claim", "Edit"),
    Key(("Ctrl+Shift+P",), "Add the selected words as a passage to a claim…", "add_passage", "Edit"),
    Key(("Ctrl+Shift+E",), "Edit the claim of the open passage…", "edit_claim", "Edit"),
    Key(("Ctrl+Shift+D",), "Mark the open passage's claim as disagreeing with another…", "disagree", "Edit"),
    Key(("Ctrl+Shift+Delete",), "Retire the claim of the open passage…", "retire_claim", "Edit"),
    Key(("Ctrl+Shift+R",), "Retired claims: list them, restore one", "retired", "Edit"),
    # proposals (when the proposals list has the keyboard)
    Key(("Return",), "Read the chosen proposal's passage in its article", where="Proposals"),
    Key(("Ctrl+Return",), "Accept the chosen proposal", "accept_proposal", "Proposals"),
    Key(("Ctrl+Shift+Return",), "Edit and accept the chosen proposal…", "edit_proposal", "Proposals"),
    Key(("Ctrl+Backspace",), "Reject the chosen proposal", "reject_proposal", "Proposals"),
    # View
    Key(("Ctrl++",), "Zoom in", "zoom_in", "View"),
    Key(("Ctrl+-",), "Zoom out", "zoom_out", "View"),
    Key(("Ctrl+0",), "Zoom to all sectors", "zoom_all", "View"),
    Key(("Ctrl+R",), "Reset the view: all dates, no selection, whole strip", "reset", "View"),
    Key(("Ctrl+D",), "Sources as of: all dates on or off, then type the day", "as_of", "View"),
    Key(("Ctrl+Down",), "Next sector (southward)", "next_sector", "View"),
    Key(("Ctrl+Up",), "Previous sector (northward)", "previous_sector", "View"),
    Key(("Escape",), "Clear the selection", "clear_selection", "View"),
    Key(("Ctrl+7",), "Show or hide the Changes list (what changed since a day)", "changes", "View"),
    # the map
    Key(("Tab", "Down", "Right"), "Next sector, north to south; Tab after the last leaves the map", where="Map"),
    Key(("Shift+Tab", "Up", "Left"), "Previous sector; Shift+Tab before the first leaves the map", where="Map"),
    Key(("Shift+Up", "Shift+Down", "Shift+Left", "Shift+Right"), "Pan", where="Map"),
    Key(("+", "-"), "Zoom in, out", where="Map"),
    # the lists
    Key(("Up", "Down", "Home", "End"), "Move through the claims and passages", where="Lists"),
    Key(("Return",), "Open the current passage in its article (or follow 'see: …', open a nation's claims)",
        where="Lists"),
    Key(("Ctrl+C",), "Copy the current passage with its citation", where="Lists"),
    # Help
    Key(("F1",), "Keyboard (this list)", "keys", "Help"),
    Key(("Shift+F1",), "About mapview and its data", "about", "Help"),
)


def shortcuts(action: str) -> tuple[str, ...]:
    """The keys of a window action (KeyError for an action the table does not list)."""
    for key in KEYS:
        if key.action == action:
            return key.keys
    raise KeyError(action)


def keyboard_text() -> str:
    """Help ▸ Keyboard: every key, grouped by where it works, as plain text."""
    lines: list[str] = []
    for where in dict.fromkeys(k.where for k in KEYS):
        lines.append(f"{where}:" if not lines else f"\n{where}:")
        lines.extend(f"  {' / '.join(k.keys):<28} {k.text}" for k in KEYS if k.where == where)
    lines.append("\nMouse: click a sector to show its evidence, a passage to read it in its article; wheel zooms "
                 "about the pointer; drag pans.")
    return "\n".join(lines)
