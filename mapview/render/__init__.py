"""Rendering layer: the map drawn with matplotlib (headless, no pyplot) and the exports built on it.

Two process-wide settings are made here, once, because every figure of the project goes through this package:
data text (sector names, nation names, titles, the attribution) is never parsed as mathtext, so ``$5 … $6``
stays dollars and an unbalanced ``$`` cannot stop the window or an export; and matplotlib's "Glyph … missing"
warnings, which name no file and no remedy, are not printed to the terminal (a missing glyph shows as a box).
"""

import warnings

import matplotlib

matplotlib.rcParams["text.parse_math"] = False
warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from", category=UserWarning)
