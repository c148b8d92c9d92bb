"""Colours and pyqtgraph settings shared by every view, so that layer 3 has the same colour everywhere."""

from __future__ import annotations

import pyqtgraph as pg

CLASS_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#7f7f7f",
                "#bcbd22", "#17becf")  # fmt: skip
"""One colour per class (tab10)."""

POSITIVE = "#d62728"  # weights > 0
NEGATIVE = "#1f77b4"  # weights < 0


def configure_pyqtgraph():
    """White background, black text, antialiasing: readable on a projector. Call before making plots."""
    pg.setConfigOptions(antialias=True, background="w", foreground="k", imageAxisOrder="row-major")


_LAYER_MAP = pg.ColorMap([0.0, 0.35, 0.7, 1.0], ["#d62728", "#ff7f0e", "#2ca02c", "#1f4fb4"])


def layer_color(i, n):
    """Colour of layer ``i`` (0-based) of ``n``: red at the input side through orange and green to blue at the
    output side, so that the first layers, where gradients vanish, stand out."""
    if n <= 1:
        return pg.mkColor("#d62728")
    return _LAYER_MAP.map(i / (n - 1), mode="qcolor")
