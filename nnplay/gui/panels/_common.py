"""Small helpers shared by the panels: naming widgets, making plots that read well on white, cheap curves."""

from __future__ import annotations

import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont

from nnplay.gui.widgets import named

AXIS_FONT_PT = 9
LABEL_STYLE = {"font-size": "10pt", "color": "#222"}
LEGEND_BRUSH = (255, 255, 255, 215)
LEGEND_PEN = (170, 170, 170)
MUTED = "#555555"


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_label(x, force=False):
    """1e-05 → "10⁻⁵", 3e-05 → "3·10⁻⁵", 0.25 → "0.25" (as a power of ten too with ``force``)."""
    if not math.isfinite(x) or x <= 0:
        return ""
    if 1e-3 <= x < 1e4 and not force:
        return f"{x:.3g}"
    m, e = f"{x:.0e}".split("e")
    p = "10" + str(int(e)).translate(_SUPERSCRIPT)
    return p if m == "1" else f"{m}·{p}"


class LogAxis(pg.AxisItem):
    """A log axis that reads well: decades as "10⁻⁵" (or plain numbers when the range is near 1), 2 and 5 in
    between only when there is room, and linear-looking ticks when the range is less than a decade (where
    pyqtgraph would label a single tick)."""

    _span = 10.0

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        if not (math.isfinite(minVal) and math.isfinite(maxVal)) or maxVal <= minVal:
            return super().logTickValues(minVal, maxVal, size, stdTicks)
        self._span = span = maxVal - minVal
        if span < 1.0:
            lo, hi = 10.0**minVal, 10.0**maxVal
            raw = (hi - lo) / max(2.0, size / 40.0)
            mag = 10.0 ** math.floor(math.log10(raw))
            step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
            major = np.arange(math.ceil(lo / step) * step, hi, step)
            minor = np.arange(math.ceil(lo / (step / 5)) * (step / 5), hi, step / 5)
            major, minor = major[major > 0], minor[minor > 0]
            return [(None, list(np.log10(major))), (None, list(np.log10(minor)))]
        lo, hi = math.floor(minVal), math.ceil(maxVal)
        raw = (hi - lo) / max(2.0, size / 26.0)
        every = next((k for k in (1, 2, 3, 5, 10, 20, 25, 50, 100) if k >= raw), math.ceil(raw / 100) * 100)
        major = [float(d) for d in range(lo, hi + 1) if d % every == 0 and minVal <= d <= maxVal]
        levels = [(None, major)]
        if every == 1:
            mantissas = (2, 5) if span < 3 else range(2, 10)
            minor = [d + math.log10(m) for d in range(lo, hi) for m in mantissas]
            levels.append((None, [v for v in minor if minVal <= v <= maxVal]))
        return levels

    def logTickStrings(self, values, scale, spacing):
        out = []
        for v in values:
            x = 10.0 ** float(v) * scale
            m = 10.0 ** (float(v) - math.floor(float(v) + 1e-9))
            if self._span >= 1.0 and not any(abs(m - k) < 1e-6 for k in ((1,) if self._span >= 3 else (1, 2, 5))):
                out.append("")
            elif self._span >= 3 and abs(x - 1) > 1e-9:
                out.append(power_label(x, force=True))
            else:
                out.append(power_label(x))
        return out


def make_plot(name, accessible, tip, bottom=None, left=None, *, axis_items=None):
    """A ``pg.PlotWidget`` with labelled axes and readable tick fonts.

    No grid: pyqtgraph draws grid lines as part of the axes, which costs ~8 ms per plot and frame offscreen
    (more than the curves) whenever the range moves, i.e. every step while the x axis follows the data.
    """
    w = pg.PlotWidget(axisItems=axis_items)
    named(w, name, accessible, tip)
    p = w.getPlotItem()
    font = QFont()
    font.setPointSize(AXIS_FONT_PT)
    for side in ("left", "bottom"):
        ax = p.getAxis(side)
        ax.setTickFont(font)
        ax.setTextPen("#222")
        ax.setPen("#888")
        ax.enableAutoSIPrefix(False)
    if bottom:
        p.setLabel("bottom", bottom, **LABEL_STYLE)
    if left:
        p.setLabel("left", left, **LABEL_STYLE)
    w.setMinimumSize(160, 120)
    return w


def add_legend(plot_item, offset=(-8, 8), cols=1):
    return plot_item.addLegend(
        offset=offset, brush=LEGEND_BRUSH, pen=LEGEND_PEN, labelTextSize="9pt", colCount=cols, verSpacing=-6
    )


def add_curve(plot_item, pen, name=None, **kw):
    """Add a line that stays cheap however long it gets.

    * peak auto-downsampling and clip-to-view, set *after* ``addItem`` (which overwrites them);
    * about two drawn points per pixel column (pyqtgraph's default is ten), kept by peak downsampling as the
      minimum and maximum of each column, so the picture is the same;
    * lines wider than one pixel drawn as separate segments: Qt strokes a long, zig-zagging antialiased
      polyline 10-20× slower (a noisy 5,000-point curve of width 2.5: ~150 ms instead of ~15 ms).
    """
    item = pg.PlotDataItem(pen=pen, name=name, **kw)
    plot_item.addItem(item)
    item.setDownsampling(auto=True, method="peak")
    item.setClipToView(True)
    if "autoDownsampleFactor" in item.opts:  # no setter in pyqtgraph 0.14
        item.opts["autoDownsampleFactor"] = 1.0
    p = pg.mkPen(pen)
    if p.widthF() > 1 and p.style() == Qt.PenStyle.SolidLine:
        item.curve.setSegmentedLineMode("on")
    return item


class XFollower:
    """Keeps a plot's x axis on [first step, last step] itself instead of pyqtgraph's x auto-range.

    With x auto-range on, the data bounds depend on the auto-downsampling factor (the tail that does not fill
    a bin is dropped), the factor depends on the view width, and the view width on the bounds: after ~10,000
    steps the loss plot started repainting itself forever and starved the event loop. A range set from the
    steps is stable, and clip-to-view works again (pyqtgraph ignores it while x auto-range is on).
    When the student zooms or pans, the range is left alone until the plot's "A" button is pressed.
    """

    def __init__(self, plot_item):
        self._vb = plot_item.getViewBox()
        self._vb.enableAutoRange(x=False)
        self._set = None

    def follow(self, lo, hi):
        vb = self._vb
        current = vb.viewRange()[0]
        if not vb.autoRangeEnabled()[0] and self._set is not None:
            tol = 1e-6 * max(1.0, abs(self._set[1] - self._set[0]))
            if abs(current[0] - self._set[0]) > tol or abs(current[1] - self._set[1]) > tol:
                return  # zoomed or panned by hand
        lo, hi = float(lo), float(max(hi, lo + 1))
        # Grow the range in steps of a quarter decade-unit so that it (and the axis ticks, which pyqtgraph
        # regenerates whenever the range moves) changes only every few frames, not on every frame.
        quantum = 10.0 ** math.floor(math.log10(max(hi - lo, 10.0))) / 4
        hi = math.ceil(hi / quantum) * quantum
        pad = 0.02 * (hi - lo)
        vb.enableAutoRange(x=False)
        vb.setXRange(lo - pad, hi + pad, padding=0)
        self._set = tuple(vb.viewRange()[0])


def finite_or_nan(a):
    """``a`` with inf replaced by nan (pyqtgraph leaves gaps at nan; inf breaks auto-range)."""
    a = np.asarray(a, dtype=np.float64)
    return np.where(np.isfinite(a), a, np.nan)


def curve_len(item):
    x = item.getOriginalDataset()[0]
    return 0 if x is None else len(x)


def fmt_sig(v, digits=2):
    """``v`` rounded to ``digits`` significant figures, with thousands separators: 3412 → "3,400"."""
    if not math.isfinite(v) or v == 0:
        return f"{v:g}"
    e = math.floor(math.log10(abs(v)))
    r = round(v, digits - 1 - e)
    if abs(r) >= 1:
        return f"{r:,.0f}" if r == int(r) else f"{r:,}"
    return f"{r:.{max(0, digits - 1 - e)}f}"


def hex_rgb(color):
    c = pg.mkColor(color)
    return np.array([c.red(), c.green(), c.blue()], dtype=np.float64)


class ThrottledRedraw:
    """Calls ``draw(trainer)`` when ``key`` changed, at most once per ``interval`` seconds. A request that
    comes too soon is not lost: a single-shot timer draws the latest state when the interval is over (so the
    last step before a pause is always shown)."""

    def __init__(self, parent, interval, draw):
        self.interval = interval
        self._draw = draw
        self._last = -math.inf
        self._key = None
        self._pending = None
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)

    def request(self, trainer, key, force=False):
        if not force and self._key is not None and all(a is b or a == b for a, b in zip(key, self._key, strict=True)):
            self._timer.stop()
            return False
        now = time.perf_counter()
        if force or now - self._last >= self.interval:
            self._timer.stop()
            self._last, self._key = now, key
            self._draw(trainer)
            return True
        self._pending = (trainer, key)
        if not self._timer.isActive():
            self._timer.start(max(1, int(1000 * (self.interval - (now - self._last)))))
        return False

    def invalidate(self):
        self._key = None

    def _fire(self):
        if self._pending is not None:
            trainer, key = self._pending
            self._pending = None
            self.request(trainer, key)
