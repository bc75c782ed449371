"""Pure data layer: sectors, sources, claims, passage anchoring and the derived per-sector view.

Nothing here imports Qt or matplotlib; every loader returns its records together with a list of Problems
instead of raising, so the window and the CLI can show what is sound and list what is not.
"""
