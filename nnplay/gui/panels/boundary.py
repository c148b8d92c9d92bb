"""What the network predicts: a probability map for 2-D data, test images and a confusion matrix otherwise.

For 2-D data the background colour at every point of a 100×100 grid (70×70 while training plays at full speed)
is the predicted class, paler where the network is less sure (white: undecided); the data points sit on top. For
images (the 8×8 digits, MNIST's 28×28) the panel shows some test images with their predicted labels and a
confusion matrix; for other data only the confusion matrix. Images kept as bytes (``PixelArray``) are predicted
block by block, never copied whole.
For values to fit (regression) the panel shows the network's output over the plane (2-D data) on the same blue–
white–orange scale as the points' true values, the fitted curve over the points (1-D data), or predicted against
true values (more inputs). A unit clicked in the network diagram is shown here large, over the plane.
Every picture costs a forward pass, so it is redrawn at most every 100 ms, and only when the weights changed.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from nnplay.core.features import FEATURE_LABELS
from nnplay.core.pixels import head
from nnplay.gui.clock import SEC_PER_MAC
from nnplay.gui.panels import units as unit_maps
from nnplay.gui.panels._common import LABEL_STYLE, MUTED, ThrottledRedraw, hex_rgb, make_plot, named
from nnplay.gui.panels.contour import zero_segments
from nnplay.gui.style import BAD, CLASS_COLORS, CLASS_SYMBOLS, GOOD, VALUE_HIGH, VALUE_LOW
from nnplay.gui.widgets import LiveLabel

GRID = 100
GRID_MIN = 24
PLAY_GRID = 70
"""While training plays at full speed, the decision regions are at most PLAY_GRID × PLAY_GRID (half the points of
GRID × GRID: ~2.5 ms less per redraw for a 6 × 8 net here); a pause shows the full grid."""
DRAW_BUDGET = 0.02
"""The decision regions are a GRID × GRID image of predictions; for a network so big that they would take
longer than DRAW_BUDGET seconds, the grid is coarser (never below GRID_MIN), so that the window keeps up."""
MAX_MATRIX_SAMPLES = 5000  # the confusion matrix counts at most this many samples (the first, a random subset)
MARGIN = unit_maps.MARGIN  # of the data range, on every side
STRENGTH = 0.5  # colour of a fully confident prediction: half class colour, half white (points stay visible)
REDRAW_INTERVAL = 0.1  # seconds
SAMPLE_ROWS, SAMPLE_COLS = 4, 4
FRAME = 10  # an 8×8 image in a 1-pixel frame
CELL_W, CELL_H = 11, 15  # a sample's cell in image pixels: the framed image, a gap, room for its label
TRANSLATED_CLASS_NAMES = ("fashion_mnist",)
"""Data sets whose class names are words from ``nnplay.core`` (translated in the "core" context)."""


def cell_geometry(image_shape):
    """(frame, cell width, cell height) in image pixels for images of ``image_shape``: the image in a 1-pixel
    frame, a gap, and below it room for its label in proportion (8×8: 10, 11, 15, as the label's size on
    screen does not grow with the image)."""
    h, w = image_shape
    frame = max(h, w) + 2
    return frame, frame + max(1, round(frame / 10)), frame + round(frame / 2)


def class_names(ds):
    """The names to show for the classes of ``ds``: translated words for Fashion-MNIST, else as they are."""
    if ds.name in TRANSLATED_CLASS_NAMES:
        return tuple(QCoreApplication.translate("core", name) for name in ds.class_names)
    return tuple(ds.class_names)


RIGHT, WRONG = GOOD, BAD  # (with ✓ and ✗ beside them: never colour alone)
CONTOUR_PEN = pg.mkPen("#202020", width=2)
SYMBOL_GLYPHS = {"o": "●", "s": "■", "t": "▼", "d": "◆", "p": "⬟", "h": "⬢", "star": "★", "t1": "▲", "+": "✚", "x": "✖"}
HOLLOW_GLYPHS = {"o": "○", "s": "□", "t": "▽", "d": "◇", "p": "⬠", "h": "⬡", "star": "☆", "t1": "△", "+": "+", "x": "×"}
MAX_MATRIX_TEXT = 12  # write counts into the matrix cells up to this many classes
MIN_CELL_PX = 24  # ... and only when a cell is at least this many pixels wide (smaller, the numbers run together)
CURVE_POINTS = 400  # points of the fitted curve (1-D regression)
CURVE_PEN = pg.mkPen("#202020", width=2.5)
DIAGONAL_PEN = pg.mkPen("#888888", width=1.2, style=Qt.PenStyle.DashLine)


def class_colors(k):
    return np.array([hex_rgb(CLASS_COLORS[i % len(CLASS_COLORS)]) for i in range(k)])


def probabilities(network, x, view=False):
    """Rows of class probabilities; outputs that are not probabilities (identity output) are clipped at 0 and
    normalised, and rows that are not finite (a diverged network) become uniform. With ``view``, from the
    network's float32 pass for pictures (``Network.view_outputs``)."""
    with np.errstate(all="ignore"):
        p = network.view_outputs(x, last_only=True) if view else network.predict(x)
        k = p.shape[1]
        if network.output != "softmax":
            p = np.clip(p, 0.0, None)
            s = p.sum(axis=1, keepdims=True)
            p = np.divide(p, s, out=np.full_like(p, 1.0 / k), where=s > 0)
        bad = ~np.all(np.isfinite(p), axis=1)
        if bad.any():
            p[bad] = 1.0 / k
    return p


def probability_colors(p, colors):
    """(N, K) probabilities → (N, 3) uint8 colours: the class colour blended towards white as confidence falls.

    Two classes: the more likely class's colour, with strength |p1 − p0| (white at p = 0.5). K classes: the
    probability-weighted mix of the class colours, with strength (max p − 1/K) / (1 − 1/K).
    """
    k = p.shape[1]
    top = p.max(axis=1)
    if k == 2:
        base = colors[p.argmax(axis=1)]
        conf = np.abs(p[:, 1] - p[:, 0])
    else:
        base = p @ colors
        conf = (top - 1.0 / k) / (1.0 - 1.0 / k) if k > 1 else np.ones_like(top)
    a = (STRENGTH * np.clip(conf, 0.0, 1.0))[:, None]
    return (255.0 - (255.0 - base) * a).astype(np.uint8)


class BoundaryPanel(QWidget):
    """Decision regions for 2-D data; sample images and a confusion matrix for images; the matrix otherwise.
    Regression: the output over the plane ("values"), the fitted curve ("curve") or predicted vs true
    ("parity")."""

    MODES = ("2d", "images", "matrix", "values", "curve", "parity")
    unitCleared = Signal()  # the student went back from a unit to the network's output

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("boundaryPanel")
        self._mode = "2d"
        self._unit = None  # (layer, unit) shown large instead of the output, or None
        self._trainer = None
        self._target_range = (-1.0, 1.0)
        self._dataset = None
        self._network = None
        self._grid_n = GRID
        self._fitted_n = GRID  # (the grid for this network by the cost model; _grid_n is the one in use)
        self.playing_fast = False  # (set by the window: training plays at full speed)
        self.redraw_count = 0
        self._redraw = ThrottledRedraw(self, REDRAW_INTERVAL, self._draw)

        self.stack = QStackedWidget()
        self.stack.setObjectName("boundaryStack")
        self.stack.addWidget(self._make_2d_page())
        self.stack.addWidget(self._make_matrix_page())
        self.stack.addWidget(self._make_curve_page())
        self.caption = LiveLabel(lines=2, rich=True, color=MUTED, tooltip_text=False)  # new text on every redraw
        self.caption.setObjectName("boundaryCaption")
        self.caption.setAccessibleName(self.tr("What the picture shows"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.caption)

    # -- pages ---------------------------------------------------------------------------------------------
    def _make_2d_page(self):
        self.boundaryPlot = make_plot(
            "boundaryPlot",
            self.tr("Decision regions of the network"),
            self.tr(
                "Background: the class the network predicts at each point of a 100×100 grid, coloured by "
                "y = softmax(network(x)); the paler, the less sure (white: p = 1/K, undecided).\n"
                "Filled circles: training points; white triangles: test points (never trained on). "
                "Colour = true class."
            ),
            bottom="x0",
            left="x1",
        )
        p = self.boundaryPlot.getPlotItem()
        p.setAspectLocked(True)
        self.heatmap = pg.ImageItem(axisOrder="row-major")
        p.addItem(self.heatmap)
        self.contour = pg.PlotCurveItem(pen=CONTOUR_PEN, connect="pairs", antialias=True)
        self.contour.setZValue(5)
        self.contour.setToolTip(self.tr("Decision boundary: where the two most likely classes are equally likely"))
        p.addItem(self.contour)
        self.trainPoints = pg.ScatterPlotItem(size=8, pen=pg.mkPen("#222", width=0.8), symbol="o")
        self.testPoints = pg.ScatterPlotItem(size=9, symbol="o", brush=pg.mkBrush("w"))
        self.trainPoints.setZValue(10)
        self.testPoints.setZValue(10)
        p.addItem(self.trainPoints)
        p.addItem(self.testPoints)
        self.blankText = pg.TextItem("", color=BAD, anchor=(0.5, 0.5), fill=pg.mkBrush(255, 255, 255, 230))
        self.blankText.setZValue(20)
        p.addItem(self.blankText, ignoreBounds=True)
        self.blankText.hide()
        # What the colours and shapes are, in a row above the plot (inside, the legend hid points).
        self.legendLabel = named(
            QLabel(),
            "boundaryLegend",
            self.tr("Classes"),
            self.tr("Each class has a colour and a shape; filled: training points, hollow: test points"),
        )
        self.legendLabel.setTextFormat(Qt.TextFormat.RichText)
        self.legendLabel.setWordWrap(True)
        self.backButton = named(
            QPushButton(self.tr("Show the output")),
            "boundaryBackButton",
            self.tr("Back to the network's output"),
            self.tr("Show the network's output again instead of the unit chosen in the Network panel"),
        )
        self.backButton.clicked.connect(self.clear_unit)
        self.backButton.hide()
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.legendLabel, 1)
        row.addWidget(self.backButton)
        lay.addLayout(row)
        lay.addWidget(self.boundaryPlot, 1)
        return page

    def _make_curve_page(self):
        self.curvePlot = make_plot(
            "curvePlot",
            self.tr("The fitted curve"),
            self.tr(
                "Regression with one input: the points are the data (filled: training, hollow: test), the black "
                "line is what the network outputs for every x. With more inputs: the network's prediction for "
                "each test point against its true value; on the dashed diagonal they agree."
            ),
            bottom="x",
            left="y",
        )
        cp = self.curvePlot.getPlotItem()
        self.curveTrain = pg.ScatterPlotItem(size=7, pen=pg.mkPen("#222", width=0.8), brush=pg.mkBrush(VALUE_LOW))
        self.curveTest = pg.ScatterPlotItem(size=8, pen=pg.mkPen(VALUE_HIGH, width=1.8), brush=pg.mkBrush("w"))
        self.curve = pg.PlotCurveItem(pen=CURVE_PEN, antialias=True)
        self.diagonal = pg.PlotCurveItem(pen=DIAGONAL_PEN)
        for item, z in ((self.diagonal, 1), (self.curveTrain, 5), (self.curveTest, 5), (self.curve, 10)):
            item.setZValue(z)
            cp.addItem(item)
        self.curveLegend = QLabel()
        self.curveLegend.setObjectName("curveLegend")
        self.curveLegend.setTextFormat(Qt.TextFormat.RichText)
        self.curveLegend.setWordWrap(True)
        page = QWidget()
        page.setObjectName("curvePage")
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(self.curveLegend)
        lay.addWidget(self.curvePlot, 1)
        return page

    def _make_matrix_page(self):
        page = QWidget()
        page.setObjectName("imagesPage")
        self.samplesPlot = make_plot(
            "digitSamples",
            self.tr("Test images with the predicted digit"),
            self.tr(
                "Some test images (8×8 pixels) with the digit the network predicts for each: ✓ in blue with a blue "
                "frame when it is right, ✗ in vermillion with the true digit in brackets when it is wrong."
            ),
        )
        sp = self.samplesPlot.getPlotItem()
        for side in ("left", "bottom"):
            sp.hideAxis(side)
        sp.setAspectLocked(True)
        sp.invertY(True)
        sp.setMouseEnabled(x=False, y=False)
        sp.hideButtons()
        self.samples = pg.ImageItem(axisOrder="row-major")
        sp.addItem(self.samples)
        font = QFont()
        font.setPointSize(10)
        font.setBold(True)
        self.sampleLabels = []
        for i in range(SAMPLE_ROWS * SAMPLE_COLS):
            r, c = divmod(i, SAMPLE_COLS)
            t = pg.TextItem("", anchor=(0.5, 0))
            t.setFont(font)
            t.setPos(c * CELL_W + FRAME / 2, r * CELL_H + FRAME - 0.2)
            sp.addItem(t)
            self.sampleLabels.append(t)
        self._layout = (SAMPLE_ROWS, SAMPLE_COLS, FRAME, CELL_W, CELL_H)
        sp.setRange(
            xRange=(0, SAMPLE_COLS * CELL_W), yRange=(0, SAMPLE_ROWS * CELL_H), padding=0.02, disableAutoRange=True
        )

        self.matrixPlot = make_plot(
            "confusionMatrix",
            self.tr("Confusion matrix on the test set"),
            self.tr(
                "Row: the true class; column: the class the network predicts. Each cell counts test samples; "
                "its colour is the fraction of its row (the row's true class), so a perfect network has a dark "
                "diagonal and white everywhere else. Off-diagonal cells show which classes get confused."
            ),
            bottom=self.tr("predicted class"),
            left=self.tr("true class"),
        )
        self.matrixPlot.setMinimumWidth(110)  # (two plots side by side in a narrow panel)
        self.samplesPlot.setMinimumWidth(110)
        mp = self.matrixPlot.getPlotItem()
        mp.invertY(True)
        mp.setAspectLocked(True)
        mp.setMouseEnabled(x=False, y=False)
        mp.hideButtons()
        self.matrix = pg.ImageItem(axisOrder="row-major")
        self.matrix.setColorMap(pg.ColorMap([0.0, 1.0], [(255, 255, 255), (31, 79, 180)]))
        mp.addItem(self.matrix)
        self.matrixTexts = []
        mp.getViewBox().sigResized.connect(lambda *_: self._fit_counts())

        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        lay = QHBoxLayout()
        lay.setSpacing(2)
        lay.addWidget(self.samplesPlot, 1)
        lay.addWidget(self.matrixPlot, 1)
        outer.addLayout(lay, 1)
        # Classes with names (Fashion-MNIST): the matrix is numbered, and this says which number is what.
        self.classKey = QLabel()
        self.classKey.setObjectName("classKeyLabel")
        self.classKey.setWordWrap(True)
        self.classKey.setStyleSheet(f"color: {MUTED}; font-size: 8pt;")
        self.classKey.hide()
        outer.addWidget(self.classKey)
        return page

    # -- public --------------------------------------------------------------------------------------------
    def mode(self):
        """ "2d" (decision regions), "images" (sample images and confusion matrix), "matrix"; for regression
        "values" (the output over the plane), "curve" (1-D) or "parity" (predicted vs true)."""
        return self._mode

    def unit(self):
        """(layer, unit) shown large instead of the output, or None."""
        return self._unit

    def show_unit(self, layer, unit):
        """Show what one unit computes over the plane (layer 0: an input, the last: an output); a negative layer
        goes back to the network's output. Only for 2-D data."""
        if layer is None or layer < 0 or self._mode not in ("2d", "values"):
            self.clear_unit()
            return
        self._unit = (int(layer), int(unit))
        self.backButton.show()
        self._redraw.invalidate()
        if self._trainer is not None:
            self.update_from(self._trainer, force=True)

    def clear_unit(self):
        was = self._unit is not None
        self._unit = None
        self.backButton.hide()
        if self._dataset is not None and self._mode in ("2d", "values"):
            self._setup_2d(self._dataset)  # (the legend and caption of the output again)
        self._redraw.invalidate()
        if self._trainer is not None:
            self.update_from(self._trainer, force=True)
        if was:
            self.unitCleared.emit()

    def update_from(self, trainer, force=False):
        """Redraw for the trainer's current step (at most every ``REDRAW_INTERVAL`` seconds unless ``force``)."""
        self._trainer = trainer
        new_data = trainer.dataset is not self._dataset
        if new_data:
            self._set_dataset(trainer.dataset)
        new_net = trainer.network is not self._network
        self._network = trainer.network
        if new_net and self._unit is not None:
            layer, unit = self._unit
            if layer >= len(trainer.network.sizes) or unit >= trainer.network.sizes[layer]:
                self.clear_unit()  # (the network changed: that unit is gone)
        force = force or new_data or new_net
        if self._mode in ("2d", "values"):
            if new_net:
                self._fit_grid(trainer.network)
            # At full speed (the view is redrawn a few times a second while the weights rush on) a coarser grid;
            # every picture that stays (a pause, stop-at, a step by hand) is forced, on the full grid.
            n = self._fitted_n if force or not self.playing_fast else min(self._fitted_n, PLAY_GRID)
            if n != self._grid_n:
                self._make_grid(n)
        self._redraw.request(trainer, (trainer.network, trainer.step_count), force=force)

    # -- internals -----------------------------------------------------------------------------------------
    def _set_dataset(self, ds):
        self._dataset = ds
        if self._unit is not None:
            self._unit = None
            self.backButton.hide()
            self.unitCleared.emit()
        if ds.task == "regression":
            self._mode = "values" if ds.is_2d else "curve" if ds.n_features == 1 else "parity"
        elif ds.image_shape is not None:
            self._mode = "images"
        elif ds.is_2d:
            self._mode = "2d"
        else:
            self._mode = "matrix"
        self.stack.setCurrentIndex({"2d": 0, "values": 0, "curve": 2, "parity": 2}.get(self._mode, 1))
        self.samplesPlot.setVisible(self._mode == "images")
        self._colors = class_colors(ds.n_classes)
        if ds.task == "regression":
            t = np.concatenate([ds.t_train, ds.t_test]) if len(ds.t_test) else ds.t_train
            lo, hi = float(t.min()), float(t.max())
            self._target_range = (lo, hi) if hi > lo else (lo - 1.0, hi + 1.0)
        if self._mode in ("2d", "values"):
            self._setup_2d(ds)
        elif self._mode in ("curve", "parity"):
            self._setup_curve(ds)
        else:
            self._setup_matrix(ds)
            if self._mode == "images":
                self._setup_samples(ds)

    def _setup_2d(self, ds):
        self._extent = unit_maps.data_extent(ds)
        self._make_grid(self._grid_n)
        self._show_image(np.full((self._grid_n, self._grid_n, 3), 255, np.uint8))
        rect = self._grid_rect
        self.contour.setData([], [])
        self.blankText.hide()
        p = self.boundaryPlot.getPlotItem()
        p.setRange(rect=rect, padding=0)
        names = ds.feature_names if len(ds.feature_names) == 2 else ("x1", "x2")
        p.setLabel("bottom", names[0], **LABEL_STYLE)
        p.setLabel("left", names[1], **LABEL_STYLE)
        if ds.task == "regression":
            self._setup_values(ds)
            return
        k = ds.n_classes
        brushes = [pg.mkBrush(CLASS_COLORS[c % len(CLASS_COLORS)]) for c in range(k)]
        pens = [pg.mkPen(CLASS_COLORS[c % len(CLASS_COLORS)], width=1.8) for c in range(k)]
        symbols = [CLASS_SYMBOLS[c % len(CLASS_SYMBOLS)] for c in range(k)]
        self.trainPoints.setData(
            pos=ds.x_train, brush=[brushes[t] for t in ds.t_train], symbol=[symbols[t] for t in ds.t_train]
        )
        self.testPoints.setData(pos=ds.x_test, pen=[pens[t] for t in ds.t_test], symbol=[symbols[t] for t in ds.t_test])
        parts = []
        for c in range(k):
            name = ds.class_names[c]
            text = self.tr("class {name}").format(name=name) if name.isdigit() else name
            glyph = SYMBOL_GLYPHS.get(symbols[c], "●")
            parts.append(f"<span style='color:{CLASS_COLORS[c % len(CLASS_COLORS)]}'>{glyph}</span>&nbsp;{text}")
        if len(ds.x_test):
            hollow = HOLLOW_GLYPHS.get(symbols[0], "○")
            parts.append(self.tr("filled: training, hollow {glyph}: test").format(glyph=hollow))
        self.legendLabel.setText(" &nbsp; ".join(parts))
        # (short: the legend row above says what the points are; on a small screen every line is plot lost)
        caption = self.tr("Background: the predicted class, paler = less sure; black line: the decision boundary.")
        if not len(ds.x_test):
            caption += " " + self.tr("No test set.")
        self.caption.setText(caption)

    def _value_colors(self, v):
        """(N,) values → (N, 3) uint8 on the blue–white–orange scale of the targets' range."""
        return unit_maps.colors(np.asarray(v, dtype=np.float64)[:, None], "target", target_range=self._target_range)[0]

    def _setup_values(self, ds):
        """Regression over the plane: the points in the colours of their true values over the network's output
        on the same scale; training points with a thin outline, test points with a thick dark ring (every point
        keeps an outline, so that middle values stay visible on a pale background)."""
        rgb = self._value_colors(ds.t_train)
        self.trainPoints.setData(
            pos=ds.x_train, brush=[pg.mkBrush(*c) for c in rgb], pen=pg.mkPen("#222", width=0.8), symbol="o"
        )
        rgb = self._value_colors(ds.t_test)
        self.testPoints.setData(
            pos=ds.x_test, brush=[pg.mkBrush(*c) for c in rgb], pen=pg.mkPen("#111", width=1.7), symbol="o"
        )
        lo, hi = self._target_range
        parts = [
            f"<span style='color:{VALUE_LOW}'>■</span>&nbsp;{lo:.3g}",
            f"<span style='color:#bbbbbb'>□</span>&nbsp;{(lo + hi) / 2:.3g}",
            f"<span style='color:{VALUE_HIGH}'>■</span>&nbsp;{hi:.3g}",
        ]
        points = self.tr("● training, ◉ test (dark ring)")
        self.legendLabel.setText(self.tr("value:") + " " + " &nbsp; ".join(parts) + " &nbsp; " + points)
        self.caption.setText(
            self.tr(
                "Background: the network's output y at each point, on the same colour scale as the points' true "
                "values t (blue low, white middle, orange high); where the colours agree, the fit is good."
            )
        )

    def _setup_curve(self, ds):
        cp = self.curvePlot.getPlotItem()
        if self._mode == "curve":
            self.curveTrain.setData(ds.x_train[:, 0], ds.t_train)
            self.curveTest.setData(ds.x_test[:, 0], ds.t_test)
            self.diagonal.setData([], [])
            name = ds.feature_names[0] if ds.feature_names else "x"
            cp.setLabel("bottom", name, **LABEL_STYLE)
            cp.setLabel("left", "y", **LABEL_STYLE)  # (the legend above says which is the network)
            network, training, test = self.tr("the network"), self.tr("training"), self.tr("test")
            self.curveLegend.setText(
                f"<span style='color:#202020'>━</span>&nbsp;{network} &nbsp; "
                f"<span style='color:{VALUE_LOW}'>●</span>&nbsp;{training} &nbsp; "
                f"<span style='color:{VALUE_HIGH}'>○</span>&nbsp;{test}"
            )
            x = np.concatenate([ds.x_train[:, 0], ds.x_test[:, 0]])
            pad = 0.05 * (x.max() - x.min() + 1e-9)
            self._curve_x = np.linspace(x.min() - pad, x.max() + pad, CURVE_POINTS)
            t = np.concatenate([ds.t_train, ds.t_test])
            tpad = 0.15 * (t.max() - t.min() + 1e-9)
            cp.setRange(xRange=(x.min() - pad, x.max() + pad), yRange=(t.min() - tpad, t.max() + tpad), padding=0)
        else:
            self.curve.setData([], [])
            lo, hi = self._target_range
            self.diagonal.setData([lo, hi], [lo, hi])
            cp.setLabel("bottom", self.tr("true value t"), **LABEL_STYLE)
            cp.setLabel("left", self.tr("predicted y"), **LABEL_STYLE)
            training, test, perfect = self.tr("training"), self.tr("test"), self.tr("y = t: a perfect fit")
            self.curveLegend.setText(
                f"<span style='color:{VALUE_LOW}'>●</span>&nbsp;{training} &nbsp; "
                f"<span style='color:{VALUE_HIGH}'>○</span>&nbsp;{test} &nbsp; "
                f"<span style='color:#888'>╍╍</span>&nbsp;{perfect}"
            )
            pad = 0.1 * (hi - lo)
            cp.setRange(xRange=(lo - pad, hi + pad), yRange=(lo - pad, hi + pad), padding=0)
        self.caption.setText("")

    def _eval_set(self, ds):
        """The held-out set, or the training set when there is none (test_ratio 0)."""
        if len(ds.x_test):
            return ds.x_test, ds.t_test, True
        return ds.x_train, ds.t_train, False

    def _setup_matrix(self, ds):
        k = ds.n_classes
        mp = self.matrixPlot.getPlotItem()
        for t in self.matrixTexts:
            mp.removeItem(t)
        self.matrixTexts = []
        # Counts of 3 or 4 digits do not fit into the cells of a 10 × 10 matrix (MNIST): the colours say it.
        big = k > 6 and min(len(self._eval_set(ds)[0]), MAX_MATRIX_SAMPLES) >= 1000
        if k <= MAX_MATRIX_TEXT and not big:
            font = QFont()
            font.setPointSize(9 if k <= 6 else 8)
            for i in range(k * k):
                r, c = divmod(i, k)
                t = pg.TextItem("", anchor=(0.5, 0.5))
                t.setFont(font)
                t.setPos(c + 0.5, r + 0.5)
                mp.addItem(t)
                self.matrixTexts.append(t)
        self.matrix.setImage(np.zeros((k, k)), levels=(0.0, 1.0), autoLevels=False)
        self.matrix.setRect(QRectF(0, 0, k, k))
        every = max(1, int(np.ceil(k / 12)))
        names = class_names(ds)
        # Words (Fashion-MNIST's class names) beside the rows would leave the matrix no room: the rows and
        # columns are numbered, and a key under the panel names the numbers.
        words = any(len(n) > 3 for n in names)
        labels = [str(i) for i in range(k)] if words else names
        ticks = [[(i + 0.5, labels[i]) for i in range(0, k, every)]]
        mp.getAxis("bottom").setTicks(ticks)
        mp.getAxis("left").setTicks(ticks)
        self.classKey.setText(" · ".join(f"<b>{i}</b> {name}" for i, name in enumerate(names)) if words else "")
        self.classKey.setVisible(words)
        mp.setRange(xRange=(0, k), yRange=(0, k), padding=0.02, disableAutoRange=True)

    def _setup_samples(self, ds):
        x, t, _ = self._eval_set(ds)
        self._names = class_names(ds)
        # Long class names (Fashion-MNIST's) need wider cells: 4 rows of 2 images, a smaller label on two lines.
        words = any(len(n) > 3 for n in self._names)
        rows, cols = (4, 2) if words else (SAMPLE_ROWS, SAMPLE_COLS)
        h, w = ds.image_shape
        frame, cell_w, cell_h = cell_geometry(ds.image_shape)
        if words:  # (room for two lines of words, and between the columns)
            cell_w += frame // 2
            cell_h += frame // 2
        self._layout = (rows, cols, frame, cell_w, cell_h)
        # Interleave the classes (the first 0, the first 1, …, the second 0, …) so that many classes show.
        order = np.lexsort((t, _rank_within_class(t)))
        self._sample_idx = order[: rows * cols]
        n = len(self._sample_idx)
        mosaic = np.full((rows * cell_h, cols * cell_w, 3), 255, np.uint8)
        for j, idx in enumerate(self._sample_idx):
            r, c = divmod(j, cols)
            ink = (255 * (1.0 - np.clip(x[idx].reshape(h, w), 0, 1))).astype(np.uint8)
            y0, x0 = r * cell_h + 1, c * cell_w + 1
            mosaic[y0 : y0 + h, x0 : x0 + w] = ink[:, :, None]
        self._mosaic = mosaic
        if words:
            tip = self.tr(
                "Some test images ({h}×{w} pixels) with the class the network predicts for each: ✓ in blue with a "
                "blue frame when it is right, ✗ in vermillion with the true class in brackets when it is wrong."
            )
        else:
            tip = self.tr(
                "Some test images ({h}×{w} pixels) with the digit the network predicts for each: ✓ in blue with a "
                "blue frame when it is right, ✗ in vermillion with the true digit in brackets when it is wrong."
            )
        self.samplesPlot.setToolTip(tip.format(h=h, w=w))
        font = QFont()
        font.setPointSize(7 if words else 8)
        font.setBold(True)
        for j, label in enumerate(self.sampleLabels):
            r, c = divmod(j, cols)
            label.setPos(c * cell_w + frame / 2, r * cell_h + frame - 0.2 * frame / FRAME)
            label.setFont(font)
            label.setVisible(j < n)
        self.samples.setImage(mosaic, levels=(0, 255), autoLevels=False)
        margin = frame / 2 if words else 0  # (a label wider than its image stays inside the plot)
        self.samplesPlot.getPlotItem().setRange(
            xRange=(-margin, cols * cell_w + margin), yRange=(0, rows * cell_h), padding=0.02, disableAutoRange=True
        )

    def _make_grid(self, n):
        """Grid points (n × n, row-major, row 0 at the bottom) over the data's extent, and the image's rect."""
        lo, hi = self._extent
        xs = np.linspace(lo[0], hi[0], n)
        ys = np.linspace(lo[1], hi[1], n)
        gx, gy = np.meshgrid(xs, ys)
        self._grid = np.column_stack([gx.ravel(), gy.ravel()])
        self._grid_n = n
        dx, dy = xs[1] - xs[0], ys[1] - ys[0]
        self._grid_rect = QRectF(lo[0] - dx / 2, lo[1] - dy / 2, hi[0] - lo[0] + dx, hi[1] - lo[1] + dy)

    def _show_image(self, img):
        """Show an (n, n, 3) image over the grid's rect. (pyqtgraph scales the rect by the pixel count of
        the image shown when it is set, so it is set again with every image: the grid can change size.)"""
        self.heatmap.setImage(img, levels=(0, 255), autoLevels=False)
        self.heatmap.setRect(self._grid_rect)

    def _fit_grid(self, network):
        """The finest grid whose prediction fits DRAW_BUDGET by the window's cost model (not by timing: the
        same network gets the same picture on every machine)."""
        fits = math.isqrt(int(DRAW_BUDGET / max(network.multiply_adds * SEC_PER_MAC, 1e-9)))
        n = max(GRID_MIN, min(GRID, fits))
        self._fitted_n = n
        if n != self._grid_n:
            self._make_grid(n)

    def grid_size(self):
        """Points per side of the decision-region image."""
        return self._grid_n

    def _draw(self, trainer):
        self.redraw_count += 1
        if self._unit is not None and self._mode in ("2d", "values"):
            self._draw_unit(trainer)
            return
        if self._mode == "values":
            with np.errstate(all="ignore"):
                y = trainer.network.view_outputs(trainer.inputs(self._grid), last_only=True)[:, 0]
            rgb = self._value_colors(np.where(np.isfinite(y), y, 0.5 * sum(self._target_range)))
            self._show_image(rgb.reshape(self._grid_n, self._grid_n, 3))
            self.contour.setData([], [])
            return
        if self._mode in ("curve", "parity"):
            self._draw_curve(trainer)
            return
        if self._mode == "2d":
            p = probabilities(trainer.network, trainer.inputs(self._grid), view=True)
            self._show_image(probability_colors(p, self._colors).reshape(self._grid_n, self._grid_n, 3))
            self._draw_contour(p)
            dv = trainer.diverged
            self.blankText.setVisible(dv is not None)
            if dv is not None:
                self.blankText.setText(
                    self.tr(
                        "No picture: the loss exploded at step {step},\nso the network's outputs are not numbers.\n"
                        "Lower the learning rate to start over."
                    ).format(step=dv.step)
                )
                lo, hi = self._extent
                self.blankText.setPos((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2)
            return
        ds = self._dataset
        x, t, is_test = self._eval_set(ds)
        x, t = head(x, MAX_MATRIX_SAMPLES), t[:MAX_MATRIX_SAMPLES]
        pred = probabilities(trainer.network, trainer.inputs(x)).argmax(axis=1)
        k = ds.n_classes
        counts = np.zeros((k, k), dtype=np.int64)
        np.add.at(counts, (t, pred), 1)
        rows = counts.sum(axis=1, keepdims=True)
        frac = np.divide(counts, rows, out=np.zeros((k, k)), where=rows > 0)
        self.matrix.setImage(frac, levels=(0.0, 1.0), autoLevels=False)
        self._fit_counts()
        for i, item in enumerate(self.matrixTexts):
            r, c = divmod(i, k)
            n = counts[r, c]
            item.setText(str(n) if n else "")
            item.setColor("w" if frac[r, c] > 0.55 else "#222")
        acc = float(np.mean(pred == t)) if len(t) else float("nan")
        which = self.tr("test set") if is_test else self.tr("training set (no test set)")
        # The summary goes into the wrapping caption, not the plot title: a long title sets the plot's minimum
        # width, and in a narrow panel the right-hand columns of the matrix were cut off.
        summary = self.tr("{which}: {n} samples, accuracy {a}\u00a0%").format(
            which=which, n=len(t), a=f"{100 * acc:.1f}"
        )
        if self._mode == "images":
            self._draw_samples(x, t, pred)
            if any(len(n) > 3 for n in self._names):
                detail = self.tr(
                    "Left: {which} images with the predicted class (✗: wrong, the true class in brackets)."
                )
            else:
                detail = self.tr(
                    "Left: {which} images with the predicted digit (✗: wrong, the true digit in brackets)."
                )
            detail = detail.format(which=self.tr("test") if is_test else self.tr("training"))
        else:
            detail = self.tr(
                "{d} inputs per sample: no 2-D map to draw, so this shows what is confused with what."
            ).format(d=ds.n_features)
        self.caption.setText(f"<b>{summary}</b> · {detail}")

    def _draw_curve(self, trainer):
        ds = self._dataset
        with np.errstate(all="ignore"):
            if self._mode == "curve":
                y = trainer.predict(self._curve_x[:, None])[:, 0]
                self.curve.setData(self._curve_x, np.where(np.isfinite(y), y, np.nan), connect="finite")
            else:
                self.curveTrain.setData(ds.t_train, trainer.predict(ds.x_train)[:, 0])
                self.curveTest.setData(ds.t_test, trainer.predict(ds.x_test)[:, 0])
        r2, rmse = trainer.regression_scores("test" if len(ds.x_test) else "train")
        which = self.tr("test set") if len(ds.x_test) else self.tr("training set (no test set)")
        self.caption.setText(
            self.tr("{which}: R² {r2}, RMSE {rmse}").format(which=which, r2=f"{r2:.3f}", rmse=f"{rmse:.3g}")
        )

    def _draw_unit(self, trainer):
        """One unit over the plane, large (the pictures of the network diagram, on the fine grid)."""
        layer, unit = self._unit
        net = trainer.network
        with np.errstate(all="ignore"):
            values = net.view_outputs(trainer.inputs(self._grid))[layer][:, unit : unit + 1]
        regression = self._dataset.task == "regression"
        kind = unit_maps.unit_kind(layer, net.n_layers, net.activation, net.output, regression)
        rgb = unit_maps.colors(values, kind, classes=[unit], target_range=self._target_range)[0]
        self._show_image(rgb.reshape(self._grid_n, self._grid_n, 3))
        self.contour.setData([], [])
        self.blankText.hide()
        n_layers = net.n_layers
        if layer == 0:
            features = trainer.config.features or ("x1", "x2")
            name = self.tr("Input {name}").format(name=FEATURE_LABELS.get(features[unit], str(unit + 1)))
        elif layer == n_layers:
            name = self.tr("Output unit {k}").format(k=unit + 1)
        else:
            name = self.tr("Unit {k} of hidden layer {layer}").format(k=unit + 1, layer=layer)
        scale = {
            "unit": self.tr("blue 0, white 0.5, orange 1"),
            "positive": self.tr("white 0, orange its largest value here"),
            "class": self.tr("white 0 to the class colour at probability 1"),
            "target": self.tr("the targets' scale: blue low, orange high"),
        }.get(kind, self.tr("blue negative, white 0, orange positive (scaled to its largest |value|)"))
        self.legendLabel.setText(f"<b>{name}</b>")
        self.caption.setText(
            self.tr("{name}: what it outputs at each point of the plane ({scale}). Click it again, or Show the output.")
            .format(name=name, scale=scale)
        )  # fmt: skip

    def _fit_counts(self):
        """Write the counts into the cells only when a cell is ``MIN_CELL_PX`` wide (the colour says enough in a
        small matrix; the numbers ran together at about 7 pixels). Returns whether they are shown."""
        vb = self.matrixPlot.getPlotItem().getViewBox()
        k = max(1, round(math.sqrt(len(self.matrixTexts)))) if self.matrixTexts else 1
        show = min(vb.width(), vb.height()) / k >= MIN_CELL_PX
        for item in self.matrixTexts:
            item.setVisible(show)
        return show

    def counts_shown(self):
        return bool(self.matrixTexts) and self.matrixTexts[0].isVisible()

    def _draw_contour(self, p):
        """The decision boundary: where the most likely class changes, i.e. for each class c the zero line of
        p_c − max_{j≠c} p_j (one line suffices for two classes). Drawn always, so a linear network's straight
        boundary shows even where the colours are pale."""
        n = self._grid_n
        k = p.shape[1]
        p = p.reshape(n, n, k)
        lo, hi = self._extent
        dx, dy = (hi[0] - lo[0]) / (n - 1), (hi[1] - lo[1]) / (n - 1)
        pieces = []
        for c in range(1 if k == 2 else k):
            others = np.delete(p, c, axis=2).max(axis=2)
            margin = p[:, :, c] - others
            if not (margin.min() < 0 < margin.max()):
                continue  # (this class wins everywhere or nowhere: no boundary of its own)
            ends = zero_segments(margin)  # (pairs of points, in grid indices: x = column, y = row)
            pieces.append(np.column_stack([lo[0] + ends[:, 0] * dx, lo[1] + ends[:, 1] * dy]))
        pts = np.concatenate(pieces) if pieces else np.empty((0, 2))
        self.contour.setData(pts[:, 0], pts[:, 1])

    def contour_points(self):
        """(x, y) of the decision boundary drawn: the two ends of each of its segments, one after the other."""
        x, y = self.contour.getData()
        return (np.empty(0), np.empty(0)) if x is None else (x, y)

    def _draw_samples(self, x, t, pred):
        mosaic = self._mosaic.copy()
        right, wrong = hex_rgb(RIGHT).astype(np.uint8), hex_rgb(WRONG).astype(np.uint8)
        _, cols, frame, cell_w, cell_h = self._layout
        names = self._names
        sep = "\n" if any(len(n) > 3 for n in names) else "\u2009"
        for j, idx in enumerate(self._sample_idx):
            r, c = divmod(j, cols)
            ok = pred[idx] == t[idx]
            color = right if ok else wrong
            y0, x0 = r * cell_h, c * cell_w
            mosaic[y0, x0 : x0 + frame] = color
            mosaic[y0 + frame - 1, x0 : x0 + frame] = color
            mosaic[y0 : y0 + frame, x0] = color
            mosaic[y0 : y0 + frame, x0 + frame - 1] = color
            label = self.sampleLabels[j]
            # (thin spaces: "✗ 6 (0)" with full ones overlapped its neighbour in a narrow panel)
            label.setText(f"✓\u2009{names[pred[idx]]}" if ok else f"✗\u2009{names[pred[idx]]}{sep}({names[t[idx]]})")
            label.setColor(RIGHT if ok else WRONG)
        self.samples.setImage(mosaic, levels=(0, 255), autoLevels=False)


def _rank_within_class(t):
    """For each sample, how many earlier samples have its class: 0 for the first of each class, …"""
    rank = np.zeros(len(t), dtype=np.int64)
    for k in np.unique(t):
        idx = np.flatnonzero(t == k)
        rank[idx] = np.arange(len(idx))
    return rank
