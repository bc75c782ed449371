"""Rendering layer: the map drawn with matplotlib (headless, no pyplot) and the exports built on it.

Three process-wide settings are made here, once, because every figure of the project goes through this package:
data text (sector names, nation names, titles, the attribution) is never parsed as mathtext, so ``$5 … $6``
stays dollars and an unbalanced ``$`` cannot stop the window or an export; matplotlib's "Glyph … missing"
warnings, which name no file and no remedy, are not printed to the terminal (a missing glyph shows as a box); and
matplotlib does not write the property tables of its docstrings (see ``_no_property_tables``).
"""

import warnings

import matplotlib
import matplotlib.artist


def _no_property_tables(_artist: object) -> str:
    """Stands in for ``matplotlib.artist.kwdoc`` in this process: no table of settable properties for docstrings.

    matplotlib builds that table, by introspecting every setter, for the ``set()`` docstring of each Artist class
    it defines (about 110 at import) and for its plotting methods' docstrings. Only ``help()`` shows them; an
    application never does, and building them is about a third of importing matplotlib (~70-100 ms of every
    window start-up and export on the 2-core test machine, measured with benchmarks/bench_qgis.py). The signatures
    of ``set()``, which matplotlib builds separately, are kept.
    """
    return ""


matplotlib.rcParams["text.parse_math"] = False
warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from", category=UserWarning)
if callable(getattr(matplotlib.artist, "kwdoc", None)):
    matplotlib.artist.kwdoc = _no_property_tables
