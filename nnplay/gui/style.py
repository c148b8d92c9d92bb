"""Colours and pyqtgraph settings shared by every view, so that layer 3 has the same colour everywhere."""

from __future__ import annotations

import pyqtgraph as pg

# One meaning per palette, each readable with a red–green colour-vision deficiency (about 1 man in 12); checked
# under the Machado et al. (2009) deuteranopia and protanopia simulations in tests/gui/test_palettes.py.

CLASS_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#999999",
                "#B8A000", "#7F3F98")  # fmt: skip
"""One colour per class: the Okabe–Ito set (blue, orange, bluish green, reddish purple, sky blue, vermillion,
black, grey), then a darkened yellow and a violet for classes 9 and 10."""

CLASS_SYMBOLS = ("o", "s", "t", "d", "p", "h", "star", "t1", "+", "x")
"""One marker shape per class, so that classes differ by shape as well as by colour."""

POSITIVE = "#004D52"  # weights > 0: dark teal
NEGATIVE = "#C47A1F"  # weights < 0: ochre (dark against light: a pair that survives a red–green deficiency)

GOOD = "#0072B2"  # a result that is fine (blue): always with a word or a mark beside it
WARN = "#A65E00"  # a warning (dark orange)
BAD = "#C2410C"  # a failure (vermillion): always with a word or a mark beside it


def configure_pyqtgraph():
    """White background, black text, antialiasing: readable on a projector. Call before making plots."""
    pg.setConfigOptions(antialias=True, background="w", foreground="k", imageAxisOrder="row-major")


LAYER_MAP_END = 0.8
"""Layers use viridis from its dark end (layer 1, next to the input) to this point (the last layer): perceptually
ordered, readable with a red–green deficiency, and without viridis's palest yellow, which vanishes on white."""

_LAYER_MAP = None


def layer_color(i, n):
    """Colour of layer ``i`` (0-based) of ``n``: dark violet at the input side through blue and teal to green at
    the output side (viridis), so that the order of the layers reads from the colours alone."""
    global _LAYER_MAP
    if _LAYER_MAP is None:
        _LAYER_MAP = pg.colormap.get("viridis")
    return _LAYER_MAP.map(0.0 if n <= 1 else LAYER_MAP_END * i / (n - 1), mode="qcolor")


VALUE_LOW, VALUE_MID, VALUE_HIGH = "#0072B2", "#FFFFFF", "#E69F00"
"""A diverging map for values (regression outputs, what a unit computes): Okabe–Ito blue for low, white for the
middle, Okabe–Ito orange for high, as TF Playground's blue and orange. Blue and orange stay apart under the
Machado et al. (2009) deuteranopia, protanopia and tritanopia simulations (tests/gui/test_unit_pictures.py)."""


def value_lut(n=256):
    """(n, 3) uint8 colours from ``VALUE_LOW`` (index 0) through white to ``VALUE_HIGH`` (index n − 1)."""
    import numpy as np

    def rgb(c):
        c = pg.mkColor(c)
        return np.array([c.red(), c.green(), c.blue()], dtype=np.float64)

    lo, mid, hi = rgb(VALUE_LOW), rgb(VALUE_MID), rgb(VALUE_HIGH)
    u = np.linspace(-1.0, 1.0, n)[:, None]
    out = np.where(u < 0, mid + (lo - mid) * -u, mid + (hi - mid) * u)
    return np.round(out).astype(np.uint8)
