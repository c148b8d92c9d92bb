"""Zoom for projectors: View → Zoom in / out / reset (Ctrl++, Ctrl+-, Ctrl+0) scales the whole window.

Text in widgets, and in the plots everything a reader has to make out: tick labels, axis labels, titles,
legends, text inside the plots, line widths and marker sizes, together, so that 150 % on a 1920×1080 projector
looks like 100 % on a 1280×720 screen. Sizes that the code fixed in pixels (a column 300 px wide, a plot at
least 100 px high) grow with it, or text would not fit in them.

How, without touching every panel: the window's font is scaled (widgets that did not set their own font follow
it); a sweep over the widgets scales the sizes set explicitly (each widget's own font size, minimum, maximum
and fixed sizes, remembered at 100 % in a dynamic property); a sweep over every pyqtgraph scene scales fonts,
pens and markers, remembering each item's own value at 100 %. Panels that set a new pen or font on an item
later (a redraw with a rebuilt network) set it at 100 %: every plot checks its items just before it paints
(pyqtgraph's ``sigPrepareForPaint``) while the zoom is not 100 %, and scales what is new. At 100 % nothing is
checked, so the zoom costs nothing there.
"""

from __future__ import annotations

import contextlib
import math

import pyqtgraph as pg
from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPen
from PySide6.QtWidgets import QApplication, QHeaderView, QToolBar, QWidget

STEPS = (0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
"""The zoom levels Ctrl++ and Ctrl+- step through (as a browser does)."""
SETTINGS_KEY = "zoom"
MAX_SIZE = 16777215  # QWIDGETSIZE_MAX

_BASE = "nnplayZoomBase"  # dynamic property names: the value at 100 %
_BASE_PT = "nnplayZoomBasePt"


def nearest_step(factor):
    return min(STEPS, key=lambda s: abs(math.log(s) - math.log(max(factor, 1e-3))))


def _pt(size_text):
    """'10pt' → 10.0 (None when it is not in points)."""
    if isinstance(size_text, str) and size_text.endswith("pt"):
        with contextlib.suppress(ValueError):
            return float(size_text[:-2])
    return None


def _fmt_pt(pt):
    return f"{round(pt, 2):g}pt"


class _Memo:
    """What an item looked like at 100 % and what the zoom made of it, per property: a property whose current
    value is no longer what the zoom set was set anew by its panel, at 100 %."""

    __slots__ = ("base", "set")

    def __init__(self):
        self.base = {}
        self.set = {}

    def scaled(self, key, current, scale, factor):
        """The value ``key`` should have at ``factor``: ``scale(base, factor)``; ``current`` is what it has now."""
        if key not in self.set or self.set[key] != current:
            self.base[key] = current  # first seen, or set anew by its panel: at 100 %
        value = scale(self.base[key], factor)
        self.set[key] = value
        return value


def _scale_pen(pen, f):
    pen = QPen(pen)
    width = pen.widthF()
    if width > 0:
        pen.setWidthF(width * f)
    elif f != 1:  # (width 0: a hairline of one pixel)
        pen.setWidthF(f)
    return pen


def _scale_font(font, f):
    font = QFont(font)
    font.setPointSizeF(max(1.0, font.pointSizeF() * f))
    return font


class PlotZoom:
    """Scales the fonts, pens and markers of one ``pg.PlotWidget``."""

    def __init__(self, plot, zoom):
        self.plot = plot
        self.zoom = zoom
        self._memo = {}  # item -> _Memo
        self._factor = 1.0
        self._connected = False
        plot._nnplay_zoom = self

    def memo(self, item):
        m = self._memo.get(item)
        if m is None:
            m = self._memo[item] = _Memo()
        return m

    # -- everything, when the zoom changes ---------------------------------------------------------------
    def apply(self, factor):
        self._factor = factor
        item = self.plot.getPlotItem()
        base_pt = self.zoom.base_point_size
        for name in ("left", "bottom", "right", "top"):
            axis = item.getAxis(name)
            m = self.memo(axis)
            font = axis.style.get("tickFont")
            if font is None:  # (pyqtgraph's default: the widget's font, at 100 %)
                font = QFont(self.plot.font())
                font.setPointSizeF(base_pt)
            axis.setTickFont(m.scaled("tick", QFont(font), _scale_font, factor))
            self._axis_label(axis, factor)
            if axis.fixedWidth is not None:
                axis.setWidth(round(m.scaled("width", axis.fixedWidth, lambda v, f: v * f, factor)))
            if axis.fixedHeight is not None:
                axis.setHeight(round(m.scaled("height", axis.fixedHeight, lambda v, f: v * f, factor)))
            hide = axis.style.get("hideOverlappingLabels")
            if not isinstance(hide, bool) and isinstance(hide, int | float):
                axis.setStyle(hideOverlappingLabels=round(m.scaled("hide", hide, lambda v, f: v * f, factor)))
        layout = item.layout
        m = self.memo(layout)
        margins = layout.getContentsMargins()
        left, top, right, bottom = m.scaled("margins", tuple(margins), lambda v, f: tuple(x * f for x in v), factor)
        layout.setContentsMargins(left, top, right, bottom)
        title = item.titleLabel
        if title.isVisible():
            m = self.memo(title)
            size = _pt(title.opts.get("size")) or base_pt
            title.opts["size"] = _fmt_pt(m.scaled("size", size, lambda v, f: v * f, factor))
            title.setText(title.text)  # (its row is fitted to it before the plot paints: _common.fit_axis_labels)
        legend = item.legend
        if legend is not None:
            m = self.memo(legend)
            size = _pt(legend.opts.get("labelTextSize")) or base_pt
            new = _fmt_pt(m.scaled("size", size, lambda v, f: v * f, factor))
            legend.setLabelTextSize(new)
            for _sample, label in legend.items:  # (pyqtgraph sets the size but draws the old text until set again)
                label.setText(label.text, size=new)
            legend.updateSize()
        self.sync()
        self._connect(factor != 1.0)

    def _connect(self, on):
        scene = self.plot.scene()
        if scene is None or on == self._connected:
            return
        if on:
            scene.sigPrepareForPaint.connect(self.sync)
        else:
            with contextlib.suppress(RuntimeError, TypeError):
                scene.sigPrepareForPaint.disconnect(self.sync)
        self._connected = on

    def _axis_label(self, axis, f):
        style = axis.labelStyle
        size = _pt(style.get("font-size")) or self.zoom.base_point_size
        new = self.memo(axis).scaled("label", size, lambda v, k: v * k, f)
        if new != size:
            axis.labelStyle = {**style, "font-size": _fmt_pt(new)}
            axis._updateLabel()

    # -- items that panels make or change while drawing ----------------------------------------------------
    def sync(self):
        """Scale pens, markers and text of the plot's items that are new or were changed since, and axis labels
        that a panel set anew (cheap: compares each item's current values with what the zoom set)."""
        f = self._factor
        scene = self.plot.scene()
        if scene is None:
            return
        item = self.plot.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            if axis.label.isVisible():
                self._axis_label(axis, f)
        for item in scene.items():
            if isinstance(item, pg.PlotDataItem):
                self._data_item(item, f)
            elif isinstance(item, pg.PlotCurveItem):
                if isinstance(item.parentItem(), pg.PlotDataItem):
                    continue
                pen = item.opts.get("pen")
                if isinstance(pen, QPen):
                    new = self.memo(item).scaled("pen", QPen(pen), _scale_pen, f)
                    if new != pen:
                        item.setPen(new)
            elif isinstance(item, pg.ScatterPlotItem):
                if isinstance(item.parentItem(), pg.PlotDataItem):
                    continue
                self._scatter(item, f)
            elif isinstance(item, pg.TextItem):
                font = item.textItem.font()
                new = self.memo(item).scaled("font", QFont(font), _scale_font, f)
                if new != font:
                    item.setFont(new)
            elif isinstance(item, pg.InfiniteLine):
                new = self.memo(item).scaled("pen", QPen(item.pen), _scale_pen, f)
                if new != item.pen:
                    item.setPen(new)
            elif type(item).__module__.startswith("nnplay") and callable(getattr(item, "pen", None)):
                pen = item.pen()  # (nnplay's own items, e.g. the network view's bundles of connections)
                if isinstance(pen, QPen):
                    new = self.memo(item).scaled("pen", QPen(pen), _scale_pen, f)
                    if new != pen:
                        item.setPen(new)

    def _data_item(self, item, f):
        m = self.memo(item)
        pen = item.opts.get("pen")
        if isinstance(pen, QPen):
            new = m.scaled("pen", QPen(pen), _scale_pen, f)
            if new != pen:
                item.setPen(new)
        size = item.opts.get("symbolSize")
        if item.opts.get("symbol") is not None and isinstance(size, int | float):
            new = m.scaled("symbolSize", size, lambda v, k: v * k, f)
            if new != size:
                item.setSymbolSize(new)

    def _scatter(self, item, f):
        m = self.memo(item)
        size = item.opts.get("size")
        if isinstance(size, int | float):
            new = m.scaled("size", size, lambda v, k: v * k, f)
            if new != size:
                item.setSize(new)
        sizes = item.data["size"]
        if len(sizes) and (sizes >= 0).all():  # (sizes per point: the neurons of the network view)
            current = tuple(float(v) for v in sizes)
            new = m.scaled("sizes", current, lambda v, k: tuple(x * k for x in v), f)
            if new != current:
                item.setSize(list(new))


class Zoom(QObject):
    """The zoom of one window: ``factor`` (1.0 = 100 %), remembered in ``settings`` (QSettings) if given."""

    changed = Signal(float)

    def __init__(self, window: QWidget, settings=None):
        super().__init__(window)
        self.window = window
        self.settings = settings
        app = QApplication.instance()
        self.base_font = QFont(app.font()) if app is not None else QFont()
        self.base_point_size = self.base_font.pointSizeF() if self.base_font.pointSizeF() > 0 else 9.0
        self.factor = 1.0
        self._ever_zoomed = False

    # -- public ----------------------------------------------------------------------------------------------
    def restore(self):
        """Apply the zoom remembered in the settings (100 % if none)."""
        factor = 1.0
        if self.settings is not None:
            with contextlib.suppress(TypeError, ValueError):
                factor = float(self.settings.value(SETTINGS_KEY, 1.0, type=float))
        self.set_factor(factor if math.isfinite(factor) and factor > 0 else 1.0, remember=False)

    def zoom_in(self):
        bigger = [s for s in STEPS if s > self.factor * 1.001]
        self.set_factor(bigger[0] if bigger else STEPS[-1])

    def zoom_out(self):
        smaller = [s for s in STEPS if s < self.factor / 1.001]
        self.set_factor(smaller[-1] if smaller else STEPS[0])

    def reset(self):
        self.set_factor(1.0)

    def set_factor(self, factor, remember=True):
        factor = nearest_step(factor)
        changed = factor != self.factor
        self.factor = factor
        self.apply(self.window)
        if remember and self.settings is not None:
            self.settings.setValue(SETTINGS_KEY, factor)
        if changed:
            self.changed.emit(factor)

    def apply(self, root):
        """Scale ``root`` and everything in it to the current zoom (the main window calls this for a lab it
        opens, too)."""
        f = self.factor
        if f == 1.0 and not self._ever_zoomed:
            return  # (everything is at 100 % already: the window opens as fast as without a zoom)
        self._ever_zoomed = True
        if root is self.window:
            font = QFont(self.base_font)
            font.setPointSizeF(self.base_point_size * f)
            self.window.setFont(font)
        widgets = [root, *root.findChildren(QWidget)]
        for w in widgets:
            self._widget(w, f)
        for plot in [w for w in widgets if isinstance(w, pg.PlotWidget)]:
            pz = getattr(plot, "_nnplay_zoom", None) or PlotZoom(plot, self)
            pz.apply(f)
        for w in widgets:  # (a panel that fits its own text to the space, e.g. the network view's labels)
            hook = getattr(w, "zoom_changed", None)
            if callable(hook):
                hook(f)

    # -- widgets --------------------------------------------------------------------------------------------
    def _widget(self, w, f):
        if (w.isWindow() and w is not self.window) or w.objectName().startswith("qt_"):
            return  # (dialogs keep their size; Qt's own parts of widgets size themselves)
        if w is not self.window:
            self._font(w, f)
            self._sizes(w, f)
        if isinstance(w, QToolBar):
            size = w.property("nnplayZoomIcon")
            if size is None:
                size = w.iconSize().width()
                w.setProperty("nnplayZoomIcon", size)
            w.setIconSize(QSize(round(size * f), round(size * f)))
        if isinstance(w, QHeaderView) and w.orientation() == Qt.Orientation.Vertical:
            size = w.property("nnplayZoomSection")
            if size is None:
                size = w.defaultSectionSize()
                w.setProperty("nnplayZoomSection", size)
            w.setDefaultSectionSize(round(size * f))

    def _sizes(self, w, f):
        """Minimum and maximum sizes set in pixels: at 100 % when first seen; one that its widget set anew since
        (a table fitted to its rows) was computed from the zoomed font, so it counts as zoomed already."""
        mn, mx = w.minimumSize(), w.maximumSize()
        current = [mn.width(), mn.height(), mx.width(), mx.height()]
        memo = w.property(_BASE)  # [base…, set…, factor]
        if memo is None:
            base = current
        else:
            memo = list(memo)
            base, was_set, old = memo[:4], memo[4:8], memo[8]
            if current != was_set:
                base = [v if v >= MAX_SIZE or v == 0 else v / old for v in current]
        new = [v if v >= MAX_SIZE else round(v * f) for v in base]
        w.setProperty(_BASE, [*base, *new, f])
        if new != current:
            w.setMinimumSize(QSize(new[0], new[1]))
            w.setMaximumSize(QSize(new[2], new[3]))

    def _font(self, w, f):
        """A widget that set its own font size (a bigger headline, a smaller note) keeps it relative to the
        zoom; the others follow the window's font, except those with a style sheet, which Qt no longer gives
        their parent's font: they are scaled one by one too."""
        base = w.property(_BASE_PT)
        if base is None:
            own = w.font().pointSizeF()
            parent = w.parentWidget()
            inherited = parent.font().pointSizeF() if parent is not None else own
            window_pt = self.base_point_size * f
            if w.styleSheet():
                # (its font is the window's at 100 % or, if it was polished after the zoom, the zoomed one)
                base = own / f if abs(own - window_pt) < 1e-6 else own
            elif w.testAttribute(Qt.WidgetAttribute.WA_SetFont) and abs(own - inherited) > 1e-6:
                base = own  # (a lab made before it joined the window: its own sizes are at 100 %)
            else:
                base = 0.0
            w.setProperty(_BASE_PT, base)
        if base and base > 0:
            font = QFont(w.font())
            font.setPointSizeF(base * f)
            if font != w.font():
                w.setFont(font)
