"""What each unit of the network computes over the input plane, as small pictures (TF Playground's neurons).

Every unit's output on a coarse grid of the plane comes from one forward pass (``Network.unit_outputs``); the
values become colours here. The same colours serve the network diagram (a small picture per unit) and the
boundary panel (one unit shown large): blue (low) through white to orange (high).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from nnplay.gui.clock import SEC_PER_MAC
from nnplay.gui.panels._common import hex_rgb
from nnplay.gui.style import CLASS_COLORS, value_lut

GRID = 20
"""Points per side of the grid the pictures are computed on."""
BUDGET = 0.004
"""Seconds one update of the pictures may take by the window's cost model (multiply-adds of the grid's forward
pass); a bigger network shows no pictures (the diagram says so)."""
MAX_PICTURES = 160
"""At most this many pictures (the units drawn: wide layers show 16 of their units)."""

_LUT = None


def lut():
    global _LUT
    if _LUT is None:
        _LUT = value_lut()
    return _LUT


def pictures_fit(network, n_drawn):
    """Whether unit pictures of ``network`` (with ``n_drawn`` units drawn) fit the budget."""
    cost = GRID * GRID * network.multiply_adds * SEC_PER_MAC
    return cost <= BUDGET and n_drawn <= MAX_PICTURES


def unit_kind(layer, n_layers, activation, output, regression):
    """How a unit's values map to colours: ``"signed"`` (symmetric about 0, scaled by the largest |value|),
    ``"unit"`` (0 … 1 about 0.5: sigmoid, step), ``"positive"`` (0 … largest: ReLU), ``"class"`` (a softmax
    probability: white to the class's colour) or ``"target"`` (a regression output, on the targets' scale).
    ``layer`` 0 is the input, ``n_layers`` the output."""
    if layer == n_layers:
        return "target" if regression else ("class" if output == "softmax" else "signed")
    if layer == 0:
        return "signed"
    return {"sigmoid": "unit", "step": "unit", "relu": "positive"}.get(activation, "signed")


def to_unit_range(values, kind, target_range=None):
    """``values`` (N, U) → (N, U) in [-1, 1] (the colour map's domain; for ``"class"`` in [0, 1])."""
    v = np.nan_to_num(np.asarray(values, dtype=np.float64), nan=0.0, posinf=0.0, neginf=0.0)
    if kind == "unit":
        return np.clip(2.0 * v - 1.0, -1.0, 1.0)
    if kind == "class":
        return np.clip(v, 0.0, 1.0)
    if kind == "positive":
        top = np.max(v, axis=0, keepdims=True) if len(v) else np.ones((1, v.shape[1]))
        return np.clip(v / np.where(top > 0, top, 1.0), 0.0, 1.0)
    if kind == "target" and target_range is not None:
        lo, hi = target_range
        mid, half = 0.5 * (lo + hi), max(0.5 * (hi - lo), 1e-12)
        return np.clip((v - mid) / half, -1.0, 1.0)
    top = np.max(np.abs(v), axis=0, keepdims=True) if len(v) else np.ones((1, v.shape[1]))
    return np.clip(v / np.where(top > 0, top, 1.0), -1.0, 1.0)


def colors(values, kind, classes=None, target_range=None):
    """``values`` (N, U) of U units → (U, N, 3) uint8 colours. ``classes`` (U,) are the class indices of output
    units (``"class"``: white to the class colour, as the decision regions)."""
    u = to_unit_range(values, kind, target_range)
    if kind == "class":
        out = np.empty((u.shape[1], u.shape[0], 3), dtype=np.uint8)
        for j in range(u.shape[1]):
            c = hex_rgb(CLASS_COLORS[int(classes[j]) % len(CLASS_COLORS)])
            out[j] = np.round(255.0 - (255.0 - c) * u[:, j, None]).astype(np.uint8)
        return out
    table = lut()
    idx = np.round((u + 1.0) * 0.5 * (len(table) - 1)).astype(np.intp)
    return table[idx.T]


def grid_points(lo, hi, n=GRID):
    """(n², 2) points of an n × n grid over [lo, hi] (row-major, row 0 at the bottom)."""
    xs = np.linspace(lo[0], hi[0], n)
    ys = np.linspace(lo[1], hi[1], n)
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()])


MARGIN = 0.1
"""Of the data's range, on every side of the plane (as the boundary panel)."""


def data_extent(ds):
    """(lo, hi), each (2,), of the plane around a 2-D data set's points (with a margin)."""
    pts = np.concatenate([ds.x_train, ds.x_test]) if len(ds.x_test) else ds.x_train
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    pad = np.maximum(MARGIN * (hi - lo), 0.1)
    return lo - pad, hi + pad


class UnitPictures(pg.GraphicsObject):
    """One small square picture per unit, centred on the unit, drawn in device pixels (square whatever the
    plot's aspect) from one mosaic image: ``set_mosaic`` takes (units, g, g, 3) colours."""

    def __init__(self, max_px=44):
        super().__init__()
        self.max_px = max_px
        self._pos = np.zeros((0, 2))
        self._image = None
        self._buffer = None
        self._g = 1
        self.selected = None  # index of the unit drawn with a black frame
        self._rect = QRectF()
        self.frame_pen = QPen(QColor("#555555"))
        self.frame_pen.setWidthF(1.0)
        self.selected_pen = QPen(QColor("#000000"))
        self.selected_pen.setWidthF(3.0)

    def set_positions(self, pos):
        self.prepareGeometryChange()
        self._pos = np.asarray(pos, dtype=np.float64).reshape(-1, 2)
        if len(self._pos):
            lo, hi = self._pos.min(axis=0) - 0.5, self._pos.max(axis=0) + 0.5
            self._rect = QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1])
        else:
            self._rect = QRectF()
        self._image = None
        self.update()

    def set_mosaic(self, rgb):
        """rgb : (units, g, g, 3) uint8, row 0 of each picture at the bottom of the plane."""
        n, g = rgb.shape[0], rgb.shape[1]
        # Each picture flipped upright (image rows go down) and stacked: one QImage for all of them.
        self._buffer = np.ascontiguousarray(rgb[:, ::-1].reshape(n * g, g, 3))
        self._image = QImage(self._buffer.data, g, n * g, 3 * g, QImage.Format.Format_RGB888)
        self._g = g
        self.update()

    def clear(self):
        self._image = None
        self.update()

    def has_pictures(self):
        return self._image is not None

    def boundingRect(self):
        return self._rect

    def side_px(self, transform):
        """Side of a picture in pixels: most of the distance between neighbouring units."""
        return float(max(6.0, min(self.max_px, 0.72 * min(abs(transform.m11()), abs(transform.m22())))))

    def paint(self, p, *args):
        if self._image is None or not len(self._pos):
            return
        t = p.transform()
        side = self.side_px(t)
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        g = self._g
        for i, (x, y) in enumerate(self._pos):
            c = t.map(QPointF(x, y))
            target = QRectF(c.x() - side / 2, c.y() - side / 2, side, side)
            p.drawImage(target, self._image, QRectF(0, i * g, g, g))
            p.setPen(self.selected_pen if i == self.selected else self.frame_pen)
            p.drawRect(target)
        p.restore()
