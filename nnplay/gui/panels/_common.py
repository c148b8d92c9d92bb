"""Small helpers shared by the panels: naming widgets, making plots that read well on white, cheap curves."""

from __future__ import annotations

import contextlib
import itertools
import math
import re
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF, QImage, QPainter, QPen, QTransform

from nnplay.gui import export
from nnplay.gui.panels.envelope import Envelope
from nnplay.gui.widgets import named

AXIS_FONT_PT = 9
TICK_LENGTH = 4  # pixels, outwards
TOP_ROOM = 9
"""Pixels above a plot for the half of its top tick label that reaches beyond the axis."""
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
    pyqtgraph would label a single tick), each with as many decimals as its spacing needs (never "2.46, 2.46").

    ``zero_lane`` (log10 units, or None) is where a plot draws values that are exactly 0, which have no place on
    a log axis: it gets a tick labelled "0"."""

    _span = 10.0
    zero_lane = None

    def _text_scale(self):
        """How much larger the tick labels are than at 100 % (the zoom): ticks are spaced for their text."""
        font = self.style.get("tickFont")
        return max(1.0, font.pointSizeF() / AXIS_FONT_PT) if font is not None and font.pointSizeF() > 0 else 1.0

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        levels = self._log_tick_values(minVal, maxVal, size, stdTicks)
        lane = self.zero_lane
        if lane is not None and math.isfinite(minVal) and minVal <= lane <= maxVal:
            levels = [(levels[0][0], [*levels[0][1], lane]), *levels[1:]] if levels else [(None, [lane])]
        return levels

    def _log_tick_values(self, minVal, maxVal, size, stdTicks):
        if not (math.isfinite(minVal) and math.isfinite(maxVal)) or maxVal <= minVal:
            return super().logTickValues(minVal, maxVal, size, stdTicks)
        self._span = span = maxVal - minVal
        if span < 1.0:
            lo, hi = 10.0**minVal, 10.0**maxVal
            raw = (hi - lo) / max(2.0, size / (40.0 * self._text_scale()))
            mag = 10.0 ** math.floor(math.log10(raw))
            step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
            major = np.arange(math.ceil(lo / step) * step, hi, step)
            minor = np.arange(math.ceil(lo / (step / 5)) * (step / 5), hi, step / 5)
            major, minor = major[major > 0], minor[minor > 0]
            return [(None, list(np.log10(major))), (None, list(np.log10(minor)))]
        lo, hi = math.floor(minVal), math.ceil(maxVal)
        raw = (hi - lo) / max(2.0, size / (26.0 * self._text_scale()))
        every = next((k for k in (1, 2, 3, 5, 10, 20, 25, 50, 100) if k >= raw), math.ceil(raw / 100) * 100)
        major = [float(d) for d in range(lo, hi + 1) if d % every == 0 and minVal <= d <= maxVal]
        levels = [(None, major)]
        if every == 1:
            mantissas = (2, 5) if span < 3 else range(2, 10)
            minor = [d + math.log10(m) for d in range(lo, hi) for m in mantissas]
            levels.append((None, [v for v in minor if minVal <= v <= maxVal]))
        return levels

    def logTickStrings(self, values, scale, spacing):
        lane = self.zero_lane
        out = [None] * len(values)
        rest = []
        for i, v in enumerate(values):
            if lane is not None and abs(float(v) - lane) < 1e-9:
                out[i] = "0"
            else:
                rest.append(i)
        xs = [10.0 ** float(values[i]) * scale for i in rest]
        if self._span < 1.0:
            labels = _spaced_labels(xs)
        else:
            labels = []
            for v, x in zip((values[i] for i in rest), xs, strict=True):
                m = 10.0 ** (float(v) - math.floor(float(v) + 1e-9))
                if not any(abs(m - k) < 1e-6 for k in ((1,) if self._span >= 3 else (1, 2, 5))):
                    labels.append("")
                elif self._span >= 3 and abs(x - 1) > 1e-9:
                    labels.append(power_label(x, force=True))
                else:
                    labels.append(power_label(x))
        for i, label in zip(rest, labels, strict=True):
            out[i] = label
        return out


class FractionAxis(pg.AxisItem):
    """An axis from 0 to 1 (accuracy) with ticks at 0, ¼, ½, ¾ and 1, or only 0, ½ and 1, or 0 and 1, as many
    as have room for their labels (on a short plot they ran into each other)."""

    STEPS = (0.25, 0.5, 1.0)

    def tickValues(self, minVal, maxVal, size):
        font = self.style.get("tickFont") or QFont()
        room = 1.5 * QFontMetrics(font).height()
        span = max(maxVal - minVal, 1e-9)
        step = next((s for s in self.STEPS if size * s / span >= room), 1.0)
        values = [v * step for v in range(round(1 / step) + 1) if minVal - 1e-9 <= v * step <= maxVal + 1e-9]
        return [(step, values)]

    def tickStrings(self, values, scale, spacing):
        return [f"{v:g}" for v in values]


def _spaced_labels(xs):
    """Labels for evenly spaced ticks ``xs`` with as many decimals as their spacing needs, so that two ticks
    never read the same ("2.455, 2.46, 2.465", not "2.46, 2.46, 2.47")."""
    if not xs:
        return []
    finite = sorted(x for x in xs if math.isfinite(x) and x > 0)
    gaps = [b - a for a, b in itertools.pairwise(finite) if b > a]
    step = min(gaps) if gaps else abs(finite[0]) if finite else 1.0
    if not all(1e-3 <= x < 1e4 for x in finite):
        digits = max(1, math.ceil(math.log10(max(finite) / step)) + 1) if finite and step > 0 else 3
        return [f"{x:.{digits - 1}e}".replace("e-0", "e-").replace("e+0", "e") for x in xs]
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step > 0 else 3
    return [f"{x:.{decimals}f}" for x in xs]


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
        # Ticks outside the plot: inside, they reached into the data area, so every frame's update of the
        # curves repainted the axes too (~0.25 ms each), and they covered the data at the edges.
        ax.setStyle(tickLength=TICK_LENGTH)
    # The top tick label of the left axis (e.g. "10⁰") reaches above the plot: room for it, never clipped.
    p.getAxis("left").setStyle(hideOverlappingLabels=TOP_ROOM)
    p.layout.setContentsMargins(1, TOP_ROOM, 1, 1)
    if bottom:
        p.setLabel("bottom", bottom, **LABEL_STYLE)
    if left:
        p.setLabel("left", left, **LABEL_STYLE)
    # The figure menu (save as PNG or SVG, copy) replaces pyqtgraph's menus: its "Plot Options" (log mode, FFT,
    # downsampling, …) would fight the panels, which draw log10 values, summarise long histories and colour
    # images themselves, and its SVG export fails.
    export.install(w)
    fit_axis_labels(w)
    w.setMinimumSize(160, 100)
    return w


_PARENTHESIS = re.compile(r"\s+\([^()]*\)\s*$")  # (" (log scale)", not the "(x)" of "h′(x)")


def _label_candidates(text):
    """The axis label and shorter forms of it: "loss L (log scale)" → "loss L"."""
    out = [text]
    short = _PARENTHESIS.sub("", text)
    if short and short != text:
        out.append(short)
    return out


_BREAKS = (" · ", ": ", " — ", "; ", ", ", " ")


def _title_candidates(text):
    """A plot title and the same on two lines, broken at the separator nearest its middle."""
    out = [text]
    if "<" in text:  # (rich text: left as it is)
        return out
    for sep in _BREAKS:
        cuts = [i for i in range(len(text)) if text.startswith(sep, i)]
        if cuts:
            i = min(cuts, key=lambda k: abs(k - len(text) / 2))
            keep = sep.rstrip()
            out.append(text[:i] + keep + "<br>" + text[i + len(sep) :].lstrip())
            break
    return out


class _LabelFitter:
    """Keeps the text of a plot inside it: an axis label longer than its axis (a short plot on a small screen,
    or a large zoom) is shown without its last part in brackets, or not at all (the plot's tooltip and help say
    what the axis is); a title wider than the plot goes on two lines, and the plot is made as wide as its widget
    again (a long title had widened it, cutting off its right side and a legend anchored there). A label or
    title set anew by its panel is fitted again."""

    def __init__(self, plot):
        self.plot = plot
        self._full = {}  # side -> the label as the panel set it
        self._title = None  # the title as the panel set it
        self._seen = {}  # part -> what it was fitted for (nothing changed since: nothing to do; it runs every paint)
        plot.scene().sigPrepareForPaint.connect(self.fit)

    def _font(self, size):
        font = QFont(self.plot.font())
        if isinstance(size, str) and size.endswith("pt"):
            with contextlib.suppress(ValueError):
                font.setPointSizeF(float(size[:-2]))
        return font

    def _fit_title(self, item):
        title = item.titleLabel
        if not title.isVisible() or not title.text:
            return
        text = title.text
        # (the view's width: a title wider than that makes the plot wider than its widget, cut off at the right)
        axes = sum(item.getAxis(side).width() for side in ("left", "right") if item.getAxis(side).isVisible())
        room = self.plot.viewport().width() - axes - 12  # (the title is above the view box, between the axes)
        key = (text, round(room), title.opts.get("size"), round(item.width()))
        if self._seen.get("title") == key or room <= 0:
            return
        if self._title is None or text not in _title_candidates(self._title):
            self._title = text
        metrics = QFontMetricsF(self._font(title.opts.get("size")))
        candidates = _title_candidates(self._title)
        best = next(
            (c for c in candidates if max(metrics.horizontalAdvance(line) for line in c.split("<br>")) <= room),
            candidates[-1],
        )
        lines = best.count("<br>") + 1
        height = max(30.0, lines * metrics.lineSpacing() + 10)  # (pyqtgraph gives a title 30 pixels)
        changed = best != text or round(title.maximumHeight()) != round(height)
        if best != text:
            title.setText(best)
        if round(title.maximumHeight()) != round(height):
            item.layout.setRowFixedHeight(0, height)
            title.setMaximumHeight(height)
        if changed or item.width() > self.plot.viewport().width() + 0.5:
            # (a plot that was wider than its widget because of a long title does not shrink back by itself)
            view = self.plot
            pg.GraphicsView.setRange(view, QRectF(view.viewport().rect()), padding=0, disableAutoPixel=False)
        self._seen["title"] = (title.text, round(room), title.opts.get("size"), round(item.width()))

    def fit(self):
        item = self.plot.getPlotItem()
        self._fit_title(item)
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            if axis.label is None or not axis.isVisible():
                continue
            text = axis.labelText
            full = self._full.get(side)
            if full is None or text not in (*_label_candidates(full), ""):
                full = self._full[side] = text
            if not full:
                continue
            geometry = axis.geometry()
            room = (geometry.height() if side == "left" else geometry.width()) - 6
            size = axis.labelStyle.get("font-size", "")
            key = (text, axis.label.isVisible(), round(room), size)
            if room <= 0 or self._seen.get(side) == key:
                continue
            metrics = QFontMetricsF(self._font(size))
            margin = 2 * axis.label.document().documentMargin()
            fits = [c for c in _label_candidates(full) if metrics.horizontalAdvance(c) + margin <= room]
            if fits:
                if fits[0] != text or not axis.label.isVisible():
                    axis.setLabel(fits[0], **axis.labelStyle)  # (shows it)
                    axis.resizeEvent(None)  # (pyqtgraph centres a label only when its axis is resized)
            elif axis.label.isVisible():
                axis.showLabel(False)
            self._seen[side] = (axis.labelText, axis.label.isVisible(), round(room), size)

    def shown(self, side):
        """The label drawn on ``side`` ("" when it is hidden)."""
        axis = self.plot.getPlotItem().getAxis(side)
        return axis.labelText if axis.label.isVisible() else ""


def fit_axis_labels(plot):
    """Keep ``plot``'s axis labels inside their axes (see ``_LabelFitter``); returns the fitter."""
    fitter = getattr(plot, "_nnplay_labels", None)
    if fitter is None:
        fitter = plot._nnplay_labels = _LabelFitter(plot)
    return fitter


def add_legend(plot_item, offset=(-8, 8), cols=1):
    return plot_item.addLegend(
        offset=offset, brush=LEGEND_BRUSH, pen=LEGEND_PEN, labelTextSize="9pt", colCount=cols, verSpacing=-6
    )


MAX_BUCKETS = 512
"""Curves over the steps are drawn from at most this many buckets of rows, each as its minimum and maximum:
one bucket per pixel column on a plot 512 pixels wide (two on a narrower one), so the band of a noisy curve
looks the same as with every row drawn, at a cost that does not grow with the history."""


FAST_MAX_WIDTH = 2.5
"""Antialiased lines up to this many pixels wide are painted on screen by ``Curve``'s shortcut."""


class Curve(pg.PlotCurveItem):
    """A ``pg.PlotCurveItem`` whose antialiased lines between 1 and ``FAST_MAX_WIDTH`` pixels wide are painted
    on screen as four 1-pixel antialiased polylines, shifted by half the pen's width less half a pixel to the
    left, right, up and down.

    Qt strokes a wide antialiased line as a polygon to fill (about 0.45 ms for a 128-point line of width 2 on
    this machine), but has a fast rasteriser for antialiased lines one pixel wide (about 0.04 ms): four of those
    cover the same pixels, with the same soft edges, in under half the time. The nine layers' lines of the
    gradient panel went from ~4 ms to ~1.8 ms a frame. Anything else (exports, which want one vector line;
    wider pens; dashes; fills) is painted by pyqtgraph as before.
    """

    _thin = None  # (the pen it was made from, the same pen 1 pixel wide)
    raster = None  # the BandRaster that paints this curve on screen (None: it paints itself)
    _version = 0  # (counts changes of data)
    _polys = None  # (the data's version and the transform, the polylines in device pixels)

    def updateData(self, *args, **kargs):
        self._version += 1
        if len(args) != 2 or kargs or not all(isinstance(a, np.ndarray) and a.ndim == 1 for a in args):
            super().updateData(*args, **kargs)
            return
        # The panels' every-frame call, setData(x, y) with arrays: what pyqtgraph's updateData does for it,
        # without its checks and profiler (a dozen of these a frame).
        x, y = args
        if x.shape != y.shape or x.dtype.kind == "c" or y.dtype.kind == "c" or self.opts["stepMode"]:
            super().updateData(*args)
            return
        self.yData = y.view(np.ndarray)
        self.xData = x.view(np.ndarray)
        self.invalidateBounds()
        self.prepareGeometryChange()
        self.informViewBoundsChanged()
        self.path = None
        self.fillPath = None
        self._fillPathList = None
        self._mouseShape = None
        self._lineSegmentsRendered = False
        self.update()
        self.sigPlotChanged.emit(self)

    def paint(self, p, opt, widget):
        o = self.opts
        pen = o["pen"]
        if self.raster is not None and self._exportOpts is False and not self.raster.too_big:
            return None  # (on screen, its BandRaster paints it)
        if (
            self._exportOpts is not False
            or not o["antialias"]
            or self.xData is None
            or len(self.xData) < 2
            or pen is None
            or pen.style() != Qt.PenStyle.SolidLine
            or not pen.isCosmetic()
            or not 1.0 < pen.widthF() <= FAST_MAX_WIDTH
            or o["fillLevel"] is not None
            or o["shadowPen"] is not None
            or o["stepMode"]
            or o["connect"] not in ("all", "finite")
            or o["compositionMode"] is not None
        ):
            return super().paint(p, opt, widget)
        t = p.transform()
        key = (self._version, t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy())
        if self._polys is None or self._polys[0] != key:  # (else: the same picture, another item's repaint)
            with np.errstate(all="ignore"):
                x, y = self.xData, self.yData
                px = t.m11() * x + t.m21() * y + t.dx()
                py = t.m12() * x + t.m22() * y + t.dy()
                ok = np.isfinite(px) & np.isfinite(py)
            huge = ok.any() and np.max(np.abs(px[ok])) + np.max(np.abs(py[ok])) > 1e6
            self._polys = (key, None if huge else list(_polylines(px, py, ok)))
        if self._polys[1] is None:
            return super().paint(p, opt, widget)  # (zoomed far in: leave the clipping of huge coordinates to Qt)
        if self._thin is None or self._thin[0] != pen:
            thin = QPen(pen)
            thin.setWidthF(1.0)
            self._thin = (QPen(pen), thin)
        r = 0.5 * (pen.widthF() - 1.0)
        p.save()
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(self._thin[1])
            for poly in self._polys[1]:
                for dx, dy in ((-r, 0.0), (r, 0.0), (0.0, -r), (0.0, r)):
                    p.setTransform(QTransform.fromTranslate(dx, dy))
                    p.drawPolyline(poly)
        finally:
            p.restore()
        return None


def _polylines(px, py, ok):
    """``QPolygonF``s of the runs of at least two consecutive points where ``ok`` (NaN breaks a line)."""
    edges = np.flatnonzero(np.diff(np.r_[0, ok.astype(np.int8), 0]))
    for a, b in zip(edges[0::2], edges[1::2], strict=True):
        if b - a < 2:
            continue
        poly = pg.functions.create_qpolygonf(int(b - a))
        buf = pg.functions.ndarray_from_qpolygonf(poly)
        buf[:, 0] = px[a:b]
        buf[:, 1] = py[a:b]
        yield poly


def add_line(plot_item, pen, name=None, antialias=True):
    """A ``Curve`` added to ``plot_item`` (and to its legend, with ``name``).

    Lines wider than one pixel are drawn as separate segments when pyqtgraph paints them (exports): Qt strokes
    a long, zig-zagging antialiased polyline 10-20× slower (a noisy 5,000-point curve of width 2.5: ~150 ms
    instead of ~15 ms). On screen, ``Curve`` paints them faster still.
    """
    item = Curve(pen=pen, name=name, antialias=antialias, connect="finite", skipFiniteCheck=True)
    plot_item.addItem(item)
    p = pg.mkPen(pen)
    if p.widthF() > 1 and p.style() == Qt.PenStyle.SolidLine:
        item.setSegmentedLineMode("on")
    return item


STEPS_ENDS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)
"""Where the step axis ends (times a power of ten): the first of these at or after the last step."""


def steps_range(lo, hi):
    """The x range for steps ``lo`` … ``hi``: the end is the next of 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100,
    … steps, so the range (and the axis ticks, which pyqtgraph regenerates whenever the range moves, and every
    picture drawn over it) changes only ten times a decade, while the curves fill at least 80 % of the width.
    """
    lo, hi = float(lo), float(max(hi, lo + 1))
    span = max(hi - lo, 10.0)
    e = 10.0 ** math.floor(math.log10(span))
    end = next(m * e for m in STEPS_ENDS if m * e >= span * (1 - 1e-12))
    hi = lo + end
    pad = 0.02 * (hi - lo)
    return lo - pad, hi + pad


def values_range(lo, hi):
    """A y range around [lo, hi] that moves only when the data leave it: both ends rounded outwards to a
    quarter of the span's power of ten (0.25 decades on a log10 axis), then 4 % padding."""
    lo, hi = max(float(lo), -1e300), min(float(hi), 1e300)  # (a diverging loss: no overflow to inf below)
    span = hi - lo
    quantum = 10.0 ** math.floor(math.log10(span)) / 4 if span > 0 else max(abs(hi), 1.0) / 4
    lo, hi = math.floor(lo / quantum) * quantum, math.ceil(hi / quantum) * quantum
    if hi <= lo:
        lo, hi = lo - quantum, hi + quantum
    pad = 0.04 * (hi - lo)
    return lo - pad, hi + pad


class RangeFollower:
    """Keeps one axis of a plot on a range computed from the data, instead of pyqtgraph's auto-range.

    With x auto-range on, the data bounds depend on the auto-downsampling factor (the tail that does not fill
    a bin is dropped), the factor depends on the view width, and the view width on the bounds: after ~10,000
    steps the loss plot started repainting itself forever and starved the event loop. Auto-range on y is
    computed while painting, moves the range and so paints each plot a second time in every frame. A range
    computed from the data and rounded (so that it moves only every few frames) costs nothing.
    When the student zooms or pans, the range is left alone until the plot's "A" button is pressed.
    """

    def __init__(self, plot_item, axis, rounding, empty=None):
        self.view_box = plot_item.getViewBox()
        self.linked = []  # view boxes linked to this axis (they move with it)
        self.empty = empty  # the range to show when a new start has no data yet (None: leave it)
        self._axis = 0 if axis == "x" else 1
        self._rounding = rounding
        self._set = None
        self._disable_auto_range()

    def _disable_auto_range(self):
        if self._axis == 0:
            self.view_box.enableAutoRange(x=False)
        else:
            self.view_box.enableAutoRange(y=False)

    def zoomed(self):
        """True when the student changed this axis' range by hand (and has not pressed "A" since)."""
        vb = self.view_box
        if self._set is None or vb.autoRangeEnabled()[self._axis]:
            return False
        current = vb.viewRange()[self._axis]
        tol = 1e-6 * max(1.0, abs(self._set[1] - self._set[0]))
        return abs(current[0] - self._set[0]) > tol or abs(current[1] - self._set[1]) > tol

    def release(self):
        """Forget the range set last (after a change of scale): the next ``follow`` sets one whatever it is."""
        self._set = None

    def follow(self, lo, hi):
        if self.zoomed():
            return
        if math.isfinite(lo) and math.isfinite(hi):
            lo, hi = self._rounding(lo, hi)
        elif self._set is None and self.empty is not None:  # (not the last run's range over an empty plot)
            lo, hi = self.empty
        else:
            return
        if self._set is not None and not self.view_box.autoRangeEnabled()[self._axis]:
            tol = 1e-9 * max(1.0, abs(hi - lo))
            if abs(lo - self._set[0]) <= tol and abs(hi - self._set[1]) <= tol:
                return  # (the range stays: nothing to move, nothing to repaint)
        self._disable_auto_range()
        if self._axis == 0:
            self.view_box.setXRange(lo, hi, padding=0)
        else:
            self.view_box.setYRange(lo, hi, padding=0)
        self._set = tuple(self.view_box.viewRange()[self._axis])
        # pyqtgraph applies a new range when it paints, which moves every item and so schedules a second
        # paint of the plot; applied now, the move is part of this frame's only paint.
        for vb in (self.view_box, *self.linked):
            vb.updateMatrix()


def x_follower(plot_item):
    return RangeFollower(plot_item, "x", steps_range)


def y_follower(plot_item, empty=None):
    return RangeFollower(plot_item, "y", values_range, empty)


class StepAxes:
    """The two axes of a plot of history curves, kept on the data: ``x`` the steps, ``y`` the values.

    A new history (training started over) forgets a hand zoom. When the student zooms or pans the steps, and
    once more when "A" brings the whole history back, ``redraw`` is called, so that the curves show the rows
    in view; range changes made while drawing (inside ``drawing``) do not ask for another drawing.
    """

    def __init__(self, plot_item, redraw, y_empty=None):
        self.x = x_follower(plot_item)
        self.y = y_follower(plot_item, y_empty)
        self._redraw = redraw
        self._history = None
        self._drawing = False
        self._was_zoomed = False
        plot_item.getViewBox().sigXRangeChanged.connect(self._on_view_changed)

    @contextlib.contextmanager
    def drawing(self, history):
        if history is not self._history:
            self._history = history
            self.x.release()
            self.y.release()
        self._drawing = True
        try:
            yield
        finally:
            self._drawing = False

    def _on_view_changed(self, *_):
        if self._drawing:
            return
        zoomed = self.x.zoomed()
        if zoomed or self._was_zoomed:
            self._was_zoomed = zoomed
            self._redraw()


SMOOTH_FRACTION = 40
"""The middle lines are running means over 1/SMOOTH_FRACTION of the buckets drawn (about a dozen pixels),
whatever the zoom, so they stay as smooth when the student zooms in (and show more detail there)."""


def rasterizable(curve):
    """Whether ``BandRaster`` can paint ``curve``: an aliased solid line (a band of minima and maxima)."""
    pen = curve.opts["pen"]
    return (
        not curve.opts["antialias"]
        and pen is not None
        and pen.style() == Qt.PenStyle.SolidLine
        and pen.color().alpha() == 255  # (the image is opaque where a band is)
    )


MAX_RASTER_PIXELS = 16_000_000
EDGE = 6
"""Pixels at the edges of a plot that a ``BandRaster`` leaves out of its bounding rect: Qt widens every update by
2 and looks for items a little further, which would reach the axes (see ``BandRaster.boundingRect``)."""


class BandRaster(pg.GraphicsObject):
    """Paints the bands of a plot (aliased 1-pixel polylines through each bucket's minimum and maximum, a few
    hundred per band, drawn over each other) on screen as one image, keeping what did not change.

    A band's polyline covers, in each pixel column, the rows between the lowest and the highest point its
    segments reach there: a span per column, found with numpy for all segments at once. The image keeps every
    column of the last frame; a new frame recomputes the spans and repaints only the columns where some band's
    span moved (new buckets at the right end) — all of them after a zoom, a resize or a merge of buckets. Qt
    drawing seven noisy bands of 600 points took ~7 ms a frame here; this takes about 1 ms.

    The bands stay ``Curve`` items that hold their data (``getData``), visibility, order (``zValue``) and pen; on
    screen they paint nothing while a raster stands in for them, and in an export they paint themselves, as
    vectors.
    """

    def __init__(self, bands):
        super().__init__()
        self.bands = list(bands)
        for band in self.bands:
            band.raster = self
        self._key = None
        self._spans = {}  # ids of the bands drawn, their rows per column ("top", "bottom": top > bottom where
        # nothing is drawn; before thickening) and the data they were found from ("data")
        self._image = None  # (H, W) uint32, premultiplied ARGB
        self._drawn = None  # (top, bottom) rows per band and column as drawn (thickened to the pens' widths)
        self._qimage = None
        self._version = 0  # (counts refresh calls: a paint with nothing new only draws the image again)
        self.too_big = False  # (a plot of more than MAX_RASTER_PIXELS: the bands paint themselves)
        self._painted = None  # (the key and version of the image)
        self.full_repaints = 0  # (for tests: how often every column was recomputed)
        self.columns_repainted = 0

    def _view_rect(self):
        vb = self.getViewBox()
        if vb is None or not hasattr(vb, "viewRect"):
            return QRectF()
        return self.mapRectFromView(vb.viewRect())

    def boundingRect(self):
        # The view less EDGE pixels all round: with the view's full rect, every frame's update reached the
        # axes, which were repainted each time (~0.25 ms each). The bands keep clear of the edges (both ranges
        # are padded by more), so nothing they draw is left out.
        r = self._view_rect()
        vb = self.getViewBox()
        if r.isEmpty() or vb is None:
            return r
        px, py = vb.viewPixelSize()
        dx, dy = EDGE * abs(px), EDGE * abs(py)
        return r.adjusted(dx, dy, -dx, -dy) if r.width() > 2 * dx and r.height() > 2 * dy else r

    def viewTransformChanged(self):
        self.prepareGeometryChange()

    def viewRangeChanged(self):
        self.prepareGeometryChange()

    def refresh(self):
        """The bands' data changed: repaint (the z order follows the lowest band's)."""
        z = min((b.zValue() for b in self.bands), default=0.0) - 0.5
        if self.zValue() != z:
            self.setZValue(z)
        self._version += 1
        self.update()

    def paint(self, p, opt, widget):
        if any(b._exportOpts is not False for b in self.bands):
            return  # (an export: the bands paint themselves, as vectors)
        bands = sorted((b for b in self.bands if b.isVisible() and b.xData is not None and len(b.xData)),
                       key=lambda b: b.zValue())  # fmt: skip
        if not bands:
            return
        t = p.transform()
        dev = t.mapRect(self._view_rect())
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        x0, y0 = math.floor(dev.left()), math.floor(dev.top())
        w = max(1, math.ceil(dev.right()) - x0)
        h = max(1, math.ceil(dev.bottom()) - y0)
        W, H = max(1, round(w * dpr)), max(1, round(h * dpr))
        too_big = W * H > MAX_RASTER_PIXELS
        if too_big != self.too_big:
            self.too_big = too_big
            for b in self.bands:
                b.update()  # (they paint themselves, or stop doing so)
        if too_big:
            return
        pens = tuple((id(b), b.opts["pen"].color().rgba(), b.opts["pen"].widthF()) for b in bands)
        key = (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy(), x0, y0, W, H, dpr, pens)
        ids = tuple(id(b) for b in bands)
        if self._painted == (key, self._version, ids):
            self._draw(p, x0, y0, W, H, dpr)  # (nothing new: another item's update exposed this one)
            return
        self._painted = (key, self._version, ids)
        full = key != self._key
        if full:
            self._key = key
            self._image = np.zeros((H, W), dtype=np.uint32)
            self._qimage = QImage(self._image.data, W, H, 4 * W, QImage.Format.Format_ARGB32_Premultiplied)
            self._spans = {}
        if full or self._spans.get("ids") != ids:
            self._spans = {"ids": ids, "top": np.full((len(bands), W), H, np.int32),
                           "bottom": np.full((len(bands), W), -1, np.int32), "data": [None] * len(bands)}  # fmt: skip
            full = True
        top, bottom, data = self._spans["top"], self._spans["bottom"], self._spans["data"]
        lines, firsts = [], []
        sx, sy = t.m11() * dpr, t.m22() * dpr
        ox, oy = (t.dx() - x0) * dpr, (t.dy() - y0) * dpr
        axis_aligned = t.m12() == 0 and t.m21() == 0 and sx > 0
        for i, b in enumerate(bands):
            x, y = b.xData, b.yData
            first = _first_change(data[i], x, y)
            data[i] = (x, y)
            start, col = 0, 0
            if first is not None and axis_aligned and len(x):
                # only the columns from the first changed point on (its segment with the point before included)
                col = max(0, math.floor(sx * x[max(0, min(first, len(x)) - 1)] + ox))
                start = max(0, int(np.searchsorted(x, (col - ox) / sx, side="left")) - 1)
            x, y = x[start:], y[start:]
            with np.errstate(all="ignore"):
                if axis_aligned:
                    px, py = sx * x + ox, sy * y + oy
                else:
                    px = ((t.m11() * x + t.m21() * y + t.dx()) - x0) * dpr
                    py = ((t.m12() * x + t.m22() * y + t.dy()) - y0) * dpr
            lines.append((px, py))
            firsts.append(col)
        new_top, new_bottom = column_spans(lines, W, H, first_col=firsts)
        changed = np.full(W, full)
        for i, col in enumerate(firsts):
            changed[col:] |= (top[i, col:] != new_top[i, col:]) | (bottom[i, col:] != new_bottom[i, col:])
            top[i, col:], bottom[i, col:] = new_top[i, col:], new_bottom[i, col:]
        # As drawn: thickened to the pens' widths (from the whole line: a wide pen reaches the columns around).
        thick = [aliased_width(b.opts["pen"].widthF()) for b in bands]
        if max(thick) > 1:
            drawn = top.copy(), bottom.copy()
            for i in np.flatnonzero(np.array(thick) > 1):
                _thicken(drawn[0][i], drawn[1][i], thick[i], H)
            if not full and self._drawn is not None and self._drawn[0].shape == drawn[0].shape:
                changed = ((self._drawn[0] != drawn[0]) | (self._drawn[1] != drawn[1])).any(axis=0)
            else:
                changed[:] = True
            self._drawn = drawn
        else:
            self._drawn = (top, bottom)
        cols = np.flatnonzero(changed)
        if len(cols):
            self._compose(bands, cols)
            self.full_repaints += bool(full or len(cols) == W)
            self.columns_repainted += len(cols)
        self._draw(p, x0, y0, W, H, dpr)

    def _draw(self, p, x0, y0, W, H, dpr):
        p.save()
        try:
            p.resetTransform()
            p.drawImage(QRectF(x0, y0, W / dpr, H / dpr), self._qimage)
        finally:
            p.restore()

    def _compose(self, bands, cols):
        """Repaint the columns ``cols`` of the image: each band's span in its colour, the lowest first (the
        pixels of each span written by index: the cost follows the area of the bands, not of the plot)."""
        H, W = self._image.shape
        every = len(cols) == W
        n = len(cols)
        block = np.zeros((H, n), dtype=np.uint32)
        flat = block.reshape(-1)
        where = np.arange(n)
        few = n <= 64  # (a few columns: masks over the block are cheaper than building indices)
        rows_all = np.arange(H, dtype=np.int32)[:, None] if few else None
        for i, b in enumerate(bands):
            t, bt = self._drawn[0][i, cols], self._drawn[1][i, cols]
            c = b.opts["pen"].color()
            value = np.uint32((0xFF << 24) | (c.red() << 16) | (c.green() << 8) | c.blue())
            if few:
                block[(rows_all >= t) & (rows_all <= bt)] = value
                continue
            count = np.maximum(bt - t + 1, 0)
            total = int(count.sum())
            if not total:
                continue
            starts = np.cumsum(count) - count
            rows = np.repeat(t - starts, count) + np.arange(total)  # (each span's first row, then on down)
            flat[rows * n + np.repeat(where, count)] = value
        if every:
            self._image[...] = block
        else:
            self._image[:, cols] = block


def _clip(a, lo, hi):
    """``np.clip`` without its Python wrapper (a dozen of them per frame; NaN stays NaN)."""
    return np.minimum(np.maximum(a, lo), hi)


def _first_change(old, x, y):
    """The index of the first point of ``(x, y)`` that differs from ``old`` (the data drawn last), or None when
    everything may have changed (no old data); ``len(x)`` when nothing did."""
    if old is None:
        return None
    ox, oy = old
    m = min(len(ox), len(x))
    if ox is x and oy is y:
        return len(x)
    if m == 0:
        return 0
    xa, xb = np.asarray(ox[:m], dtype=np.float64), np.asarray(x[:m], dtype=np.float64)
    ya, yb = np.asarray(oy[:m], dtype=np.float64), np.asarray(y[:m], dtype=np.float64)
    diff = np.flatnonzero((xa.view(np.int64) != xb.view(np.int64)) | (ya.view(np.int64) != yb.view(np.int64)))
    return int(diff[0]) if len(diff) else m  # (m: the same up to where one of them ends)


def column_spans(lines, W, H, first_col=0):
    """Per line and pixel column of a W × H image, the first and last row that an aliased polyline covers.

    ``lines`` holds ``(px, py)`` per line, in device pixels (NaN breaks a line; a lone point is a dot), for a
    pen one pixel wide (``_thicken`` widens them). Returns ``(top, bottom)``, two
    (lines, W) int32 arrays; top > bottom where a line does not reach a column. All lines are done in one pass
    (a few dozen numpy calls, whatever the number of lines). With ``first_col`` (per line, or one for all),
    only the columns from there on are filled (the rest stay empty).
    """
    B = len(lines)
    top = np.full(B * W, H, dtype=np.int64)
    bottom = np.full(B * W, -1, dtype=np.int64)
    if B:
        sep = np.full(1, np.nan)
        px = np.concatenate([a for x, _ in lines for a in (np.asarray(x, dtype=np.float64), sep)])
        py = np.concatenate([a for _, y in lines for a in (np.asarray(y, dtype=np.float64), sep)])
        owner = np.repeat(np.arange(B), [len(x) + 1 for x, _ in lines])
        first = np.broadcast_to(np.asarray(first_col, dtype=np.int64), (B,))
        _spans_into(top, bottom, px, py, owner, W, H, first if first.any() else None)
    top, bottom = top.reshape(B, W), bottom.reshape(B, W)
    return top.clip(0, H).astype(np.int32), bottom.clip(-1, H - 1).astype(np.int32)


def _spans_into(top, bottom, px, py, owner, W, H, first=None):
    """Fill the flat (lines × W) ``top``/``bottom`` with the rows the polylines cover in each column: the points'
    own rows per column, and for a segment that crosses into other columns, the rows it crosses in each.
    ``first`` (per line, or None): columns before it are left alone."""
    ok = np.isfinite(px) & np.isfinite(py)
    with np.errstate(invalid="ignore"):
        col = np.floor(np.where(ok, _clip(px, -2, W + 1), -2)).astype(np.int64)
        row = np.floor(np.where(ok, _clip(py, -1, H), -1)).astype(np.int64)
    inside = (col >= (0 if first is None else first[owner])) & (col < W)
    flat = owner * W + col
    np.minimum.at(top, flat[inside], row[inside])
    np.maximum.at(bottom, flat[inside], row[inside])
    if len(px) < 2:
        return
    jumps = np.flatnonzero(ok[:-1] & ok[1:] & (col[1:] != col[:-1]))
    if len(jumps):
        _segment_spans(top, bottom, px, py, owner, jumps, W, H, first)


def _segment_spans(top, bottom, px, py, owner, a, W, H, first=None):
    """The rows each segment ``a[k]`` → ``a[k] + 1`` crosses in every column it passes (by linear interpolation)."""
    b = a + 1
    xa, xb, ya, yb = px[a], px[b], py[a], py[b]
    swap = xb < xa
    xa, xb = np.where(swap, xb, xa), np.where(swap, xa, xb)
    ya, yb = np.where(swap, yb, ya), np.where(swap, ya, yb)
    c0 = np.floor(_clip(xa, -1, W)).astype(np.int64)
    c1 = np.floor(_clip(xb, -1, W)).astype(np.int64)
    keep = (c1 >= 0) & (c0 <= W - 1)
    xa, xb, ya, yb, c0, c1, a = xa[keep], xb[keep], ya[keep], yb[keep], c0[keep], c1[keep], a[keep]
    if not len(a):
        return
    c0, c1 = np.maximum(c0, 0), np.minimum(c1, W - 1)
    count = c1 - c0 + 1
    idx = np.repeat(np.arange(len(count)), count)
    col = c0[idx] + (np.arange(len(idx)) - np.repeat(np.cumsum(count) - count, count))
    xa, xb, ya, yb, a = xa[idx], xb[idx], ya[idx], yb[idx], a[idx]
    slope = (yb - ya) / (xb - xa)  # (xb > xa: the segment crosses a column boundary)
    y_left = ya + (np.maximum(xa, col) - xa) * slope
    y_right = ya + (np.minimum(xb, col + 1.0) - xa) * slope
    lo = np.floor(_clip(np.minimum(y_left, y_right), -1, H)).astype(np.int64)
    hi = np.floor(_clip(np.maximum(y_left, y_right), -1, H)).astype(np.int64)
    flat = owner[a] * W + col
    if first is not None:
        mine = col >= first[owner[a]]
        flat, lo, hi = flat[mine], lo[mine], hi[mine]
    np.minimum.at(top, flat, lo)
    np.maximum.at(bottom, flat, hi)


def aliased_width(width):
    """Device pixels across an aliased cosmetic line of pen ``width`` as Qt draws it off the pixel grid, whatever
    the screen's pixel ratio: 1 below 2, then ``width`` rounded half up (1.5 → 1, 2 → 2, 2.5 → 3). (Qt colours the
    pixels whose centres lie within width/2 of the line, so a fractional width can be one pixel more on the grid.)"""
    return 1 if width < 2 else math.floor(width + 0.5)


def _thicken(top, bottom, thickness, H):
    """Widen one line's spans (in place) to a pen ``thickness`` pixels wide: rows above and below, and the
    neighbouring columns' spans (``H``: the image's height)."""
    up, down = (thickness - 1) // 2, thickness // 2
    has = top <= bottom
    top[has] = np.maximum(top[has] - up, 0)
    bottom[has] = np.minimum(bottom[has] + down, H - 1)
    t, b = top.copy(), bottom.copy()
    for k in range(1, down + 1):  # (as Qt: the extra pixels below and to the right)
        np.minimum(top[k:], t[:-k], out=top[k:])
        np.maximum(bottom[k:], b[:-k], out=bottom[k:])
    for k in range(1, up + 1):
        np.minimum(top[:-k], t[k:], out=top[:-k])
        np.maximum(bottom[:-k], b[k:], out=bottom[:-k])


class HistoryCurves:
    """Per column of a history table over the steps (the mini-batch loss, each layer's gradient): a band from
    the smallest to the largest value and, with ``middle``, a smoothed line through it, at a cost per frame that
    does not grow with the history.

    Each frame only the rows that are new since the last one are read (``Envelope``); a band gets at most
    ``2 * MAX_BUCKETS`` points (the minimum and maximum of each bucket, which is what peak downsampling would
    draw) and a middle line one point per bucket: the running mean, over about ``1/SMOOTH_FRACTION`` of the
    buckets, of the values (of their log10 with ``log``). When the student zooms in on the steps, the rows in view
    are summarised afresh at each redraw, so the detail is there. With ``log``, the lines show log10 of the values
    (values <= 0 are gaps; ``zeros()`` says where a value was exactly 0) on a linear view, under an axis that
    labels them as powers of ten; pyqtgraph's own log mode would map every point again on every frame.

    The history's merged rows (after it filled up) carry the minimum, maximum and log-mean of the steps they
    stand for (``nnplay.core.history.Series``), so the band and the middle line look the same before and after
    the point where the history started merging.

    ``lines`` holds ``(pen, name[, antialias])`` per column: the pen of the band, or of the middle line when
    there is one (the band is then a pale tint of its colour, drawn below every middle line).
    """

    def __init__(self, plot_item, x_follower, lines, middle=False):
        self.middle = middle
        self.bands, self.lines = [], []
        for line in lines:
            pen, name = line[0], line[1]
            antialias = line[2] if len(line) > 2 else True
            if middle:
                band_pen = pg.mkPen(tint(pg.mkPen(pen).color(), BAND_TINT), width=1)
                self.bands.append(add_line(plot_item, band_pen, None, antialias=False))
                self.lines.append(add_line(plot_item, pen, name, antialias))
            else:
                self.bands.append(add_line(plot_item, pen, name, antialias))
        self.curves = self.lines if middle else self.bands  # (what the legend names)
        rastered = [b for b in self.bands if rasterizable(b)]
        self.raster = BandRaster(rastered) if rastered else None
        if self.raster is not None:
            plot_item.addItem(self.raster, ignoreBounds=True)
        self.envelope = Envelope(len(lines), MAX_BUCKETS)
        self._x_follower = x_follower
        self._key = None
        self._shown = None  # (rows taken in, zoomed x range, band shown) when the lines were last set
        self._drawn_range = (math.nan, math.nan)
        self._zeros = (np.empty(0), np.zeros((0, len(lines)), dtype=bool))
        self.drawn_points = 0
        self.show_band = True

    def items(self):
        """Every item added to the plot (to remove them)."""
        extra = [self.raster] if self.raster is not None else []
        return [*self.bands, *(self.lines if self.middle else ()), *extra]

    @property
    def rows(self):
        """Rows of the history table taken in since the last start-over (the table's length as long as it
        has not had to merge rows)."""
        return self.envelope.rows

    def set_band_visible(self, on):
        """Show or hide the bands (only with middle lines: without them the band is the curve)."""
        self.show_band = bool(on)
        for band in self.bands if self.middle else ():
            band.setVisible(self.show_band)
        if self.raster is not None:
            self.raster.refresh()
        self._shown = None

    def _take(self, env, rows, log):
        """Feed ``rows`` = (x, y, lo, hi, logmean, weight) into ``env``, in the drawn space (log10 with ``log``)."""
        x, y, lo, hi, lm, weight = rows
        shape = (len(x), env.ncols)
        y, lo, hi = (np.asarray(a, dtype=np.float64).reshape(shape) for a in (y, lo, hi))
        zero = lo == 0
        if log:
            mid = _log10(y) if lm is None else np.asarray(lm, dtype=np.float64).reshape(shape)
            lo, hi = _log10(lo), _log10(hi)
            # (a band that reaches down to 0 starts at the smallest positive value; the zero lane shows the rest)
            lo = np.where(np.isnan(lo) & np.isfinite(hi), mid, lo)
        else:
            mid = y
        env.extend(x, lo, hi, mid=mid, weight=weight, zero=zero)

    def update(self, key, x, y, log=False, lo=None, hi=None, logmean=None, weight=1):
        """Show ``y`` (n, columns) over the steps ``x`` (n,), both the whole table; ``lo``/``hi`` (n, columns) are
        each row's minimum and maximum and ``logmean`` its mean log10 (a history's merged rows; by default the
        rows themselves), ``weight`` the steps each row stands for. ``key`` says what is shown (the history
        object, the quantity): when it or ``log`` changes, the lines start over."""
        key = (*key, log)
        if self._key is None or not all(a is b or a == b for a, b in zip(key, self._key, strict=True)):
            self._key = key
            self.envelope.clear()
            self._shown = None
            self._drawn_range = (math.nan, math.nan)
        lo = y if lo is None else lo
        hi = y if hi is None else hi

        def rows(first, last):
            lm = None if logmean is None else logmean[first:last]
            return x[first:last], y[first:last], lo[first:last], hi[first:last], lm, weight

        env = self.envelope
        start = int(np.searchsorted(x, env.last_x, side="right")) if env.rows else 0
        if start < len(x):
            self._take(env, rows(start, len(x)), log)
        zoomed = env.size > 1 and self._x_follower is not None and self._x_follower.zoomed()
        shown = (env.rows, tuple(self._x_follower.view_box.viewRange()[0]) if zoomed else None, self.show_band)
        if shown == self._shown:
            return  # nothing new (evaluations come less often than frames): no repaint
        self._shown = shown
        first = last = 0  # the rows in view when zoomed, with one more on either side
        if zoomed:
            lo_x, hi_x = shown[1]
            first = max(0, int(np.searchsorted(x, lo_x)) - 1)
            last = min(len(x), int(np.searchsorted(x, hi_x, side="right")) + 1)
        if 0 < last - first < len(x) // 2:  # zoomed in: summarise the rows in view afresh, for the detail
            view = Envelope(env.ncols, MAX_BUCKETS)
            self._take(view, rows(first, last), log)
        else:  # (zoomed out a little: the whole summary is at most twice as coarse, and costs nothing)
            view = env
        xs, ys = view.points()
        self.drawn_points = len(xs)
        self._zeros = view.zeros()
        ranges = []
        if not self.middle or self.show_band:
            ranges.append(ys)
        for column, curve in enumerate(self.bands):
            if math.isnan(env.minimum[column]) and math.isnan(env.maximum[column]):
                curve.setData([], [])
            else:
                curve.setData(xs, ys[:, column])
        if self.raster is not None:
            self.raster.refresh()
        if self.middle:
            window = max(3, len(view) // SMOOTH_FRACTION)
            xm, ym = view.means(window=window)
            # A running mean over ``window`` buckets changes little from one bucket to the next: a point every
            # half window draws the same line with half the points (antialiased wide lines are among the
            # costliest things a frame draws).
            step = max(1, window // 2)
            if step > 1 and len(xm) > 2 * step:
                keep = np.r_[np.arange(0, len(xm) - 1, step), len(xm) - 1]
                xm, ym = xm[keep], ym[keep]
            ranges.append(ym)
            for column, curve in enumerate(self.lines):
                curve.setData(xm, ym[:, column])
        finite = np.concatenate([r[np.isfinite(r)] for r in ranges]) if ranges else np.empty(0)
        self._drawn_range = (float(finite.min()), float(finite.max())) if finite.size else (math.nan, math.nan)

    def value_range(self):
        """(smallest, largest) value drawn, over every column: of the whole history, or of the steps in view
        when zoomed in (so that the y axis fits what is seen); (nan, nan) when there is none."""
        return self._drawn_range

    def zeros(self):
        """``(x, zero)`` of what is drawn: per bucket (its first step) and column, True where some value was
        exactly 0 (a gradient that is exactly zero: no place on a log axis)."""
        return self._zeros


BAND_TINT = 0.72
"""How pale a band is next to its middle line: the share of white mixed into the line's colour."""


def tint(color, white):
    """``color`` (a QColor) mixed with ``white`` parts of white, opaque (semi-transparent long polylines are ten
    times slower to draw)."""
    c = pg.mkColor(color)
    r, g, b = (round(v + (255 - v) * white) for v in (c.red(), c.green(), c.blue()))
    return pg.mkColor(r, g, b)


def _log10(a):
    with np.errstate(divide="ignore", invalid="ignore"):
        v = np.log10(a)
    return np.where(np.isfinite(v), v, np.nan)


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


READOUT_INTERVAL = 0.1
"""While training plays fast, the numbers under the plots, the status line and the bars of the current step are
set at most this often: set 30 times a second they cannot be read, and each setting costs a layout and a
repaint (about 2 ms a frame in all)."""


class Readout:
    """Paces the readouts of a view (see ``READOUT_INTERVAL``). ``due(paced)`` says whether to set them now: always
    when not ``paced``, otherwise when the interval is over. A paced call that is not due leaves ``pending`` set, so
    that the next call that is not paced (a pause, a step by hand) sets them even if nothing else changed."""

    def __init__(self, now=time.perf_counter):
        self.now = now  # (a test may pass a fake clock)
        self._last = -math.inf
        self.pending = False

    def due(self, paced=False):
        now = self.now()
        if paced and now - self._last < READOUT_INTERVAL:
            self.pending = True
            return False
        self._last = now
        self.pending = False
        return True


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
