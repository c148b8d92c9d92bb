"""Lab: gradient descent on a surface of two variables (Deep Learning from Scratch, ch. 4.4 and 6.1).

Contours of f, the field of −∇f as arrows (the book's gradient_2d figure), a draggable start point and the path of
x ← x − η·∇f(x) from ``nnplay.core.gradient.gradient_descent``. The lecture's three cases (η = 0.1, 10, 1e−10 from
(−3, 4)) are presets; the comparison mode draws SGD, Momentum, AdaGrad and Adam on x²/20 + y² like the book's
figure 6-8 (``nnplay.core.experiments.optimizer_path``). The path is computed when a setting changes (a few
milliseconds); Step and Play only reveal more of it, one point per step, paced by the app's one clock
(``nnplay.gui.clock``: the same speeds and "stop at step" as the training view). The view fits the start and the
whole path (up to ``MAX_ZOOM_OUT`` times the surface's own region; a path that flies further is marked where it
leaves).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnplay.core.experiments import SURFACES, gradient_function, optimizer_path
from nnplay.core.gradient import gradient_descent
from nnplay.core.optimizers import make_optimizer
from nnplay.gui.clock import Clock, SpeedControl
from nnplay.gui.style import BAD, CLASS_COLORS, GOOD, WARN, configure_pyqtgraph
from nnplay.gui.widgets import LogSpinBox, named, scrolling

LECTURE_START = (-3.0, 4.0)
CASES = {  # key -> (learning rate, steps); all on x0² + x1² from (−3, 4), as in the lecture
    "converge": (0.1, 100),
    "diverge": (10.0, 100),
    "too_small": (1e-10, 100),
}
COMPARE_START = (-7.0, 2.0)
COMPARE_STEPS = 30
COMPARED = (  # optimizer key, learning rate from the book's optimizer_compare_naive.py, colour
    ("sgd", 0.95, CLASS_COLORS[0]),
    ("momentum", 0.1, CLASS_COLORS[4]),
    ("adagrad", 1.5, CLASS_COLORS[2]),
    ("adam", 0.3, CLASS_COLORS[3]),
)
OPTIMIZER_TITLES = {"sgd": "SGD", "momentum": "Momentum", "adagrad": "AdaGrad", "adam": "Adam"}
PATH_COLOR = CLASS_COLORS[1]
GRID = 161  # samples per axis for the contours
LR_MIN, LR_MAX = 1e-10, 100.0
MAX_STEPS = 5000
DEFAULT_SPEED = 20
"""Points per second when Play reveals the path (the lecture's 100 steps in five seconds)."""
MAX_ZOOM_OUT = 20
"""The view grows to hold the start and the path, but to at most this many times the surface's region."""
ZOOM_STEPS = (1, 1.5, 2, 3, 5, 10, 20)
ROSENBROCK_LEVELS = np.array([0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0])  # a deep valley


def _fmt(v):
    """A number for the readout: 4 significant digits, 'inf'/'nan' as they are."""
    return f"{v:.4g}" if math.isfinite(v) else str(v)


def _clip_segments(points, box):
    """Liang–Barsky clipping of the polyline ``points`` (N, 2) to ``box`` = (x0, x1, y0, y1).

    Returns (pairs, exit): ``pairs`` (2M, 2) holds the visible part of the segments to draw (for
    ``connect='pairs'``); ``exit`` is (step, point on the border) where the path first leaves the box, or None.
    After that exit only segments that stay near the box are drawn: a diverging path's later jumps all cross the
    plot (they pass near the minimum on their way from one side to the other) and would hide what happened.
    """
    if len(points) < 2:
        return np.empty((0, 2)), None
    p, q = points[:-1], points[1:]
    t0 = np.zeros(len(p))
    t1 = np.ones(len(p))
    ok = np.all(np.isfinite(p), axis=1) & np.all(np.isfinite(q), axis=1)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        d = q - p
        for axis, (lo, hi) in enumerate((box[:2], box[2:])):
            pa, da = p[:, axis], d[:, axis]
            flat = da == 0
            ok &= ~(flat & ((pa < lo) | (pa > hi)))
            ta = (lo - pa) / da
            tb = (hi - pa) / da
            t0 = np.maximum(t0, np.where(flat, -np.inf, np.minimum(ta, tb)))
            t1 = np.minimum(t1, np.where(flat, np.inf, np.maximum(ta, tb)))
    ok &= t0 <= t1
    inside = _inside(points, box)
    leaving = np.flatnonzero(inside[:-1] & ~inside[1:])
    exit_ = None
    if len(leaving):
        e = int(leaving[0])
        w, h = box[1] - box[0], box[3] - box[2]
        near = _inside(points, (box[0] - w, box[1] + w, box[2] - h, box[3] + h))
        ok &= (np.arange(len(p)) <= e) | (near[:-1] & near[1:])
        exit_ = (e + 1, p[e] + t1[e] * d[e] if ok[e] else p[e])
    idx = np.flatnonzero(ok)
    pairs = np.empty((2 * len(idx), 2))
    pairs[0::2] = p[idx] + t0[idx, None] * d[idx]
    pairs[1::2] = p[idx] + t1[idx, None] * d[idx]
    return pairs, exit_


def _fmt9(v):
    return f"{v:.9g}" if math.isfinite(v) else str(v)


def _fmt3(v):
    return f"{v:.3g}" if math.isfinite(v) else str(v)


def _sci(v):
    """1.0e-07 -> '1.0e−7' (unicode minus, no padding zero)."""
    mantissa, exponent = f"{v:.1e}".split("e")
    return f"{mantissa}e{int(exponent)}".replace("-", "−")


def _inside(points, box):
    with np.errstate(invalid="ignore"):
        return (
            np.all(np.isfinite(points), axis=1)
            & (points[:, 0] >= box[0])
            & (points[:, 0] <= box[1])
            & (points[:, 1] >= box[2])
            & (points[:, 1] <= box[3])
        )


class GradientDescentLab(QWidget):
    """Gradient descent on a 2-D surface; the lecture's three learning rates; four optimizers side by side."""

    OWN_TIME_CONTROLS = True
    """It has its own Play, Step and Reset: the main window's act on the Training tab and are disabled here."""

    def __init__(self, parent=None):
        super().__init__(parent)
        configure_pyqtgraph()
        self.setObjectName("gradientDescentLab")
        self._surface = SURFACES["sphere"]
        self._full = np.array([LECTURE_START])  # the whole computed path
        self._compare_full = {}  # optimizer key -> whole path
        self._surface_cache = {}  # surface key -> (bands, rect, contour lines, arrows)
        self._shown = 1  # points of the path(s) on screen
        self._status = "start"
        self._region = None  # the part of the plane on screen: (x0 min, x0 max, x1 min, x1 max)
        self.clock = Clock(self._reveal, lambda: self._shown - 1, self, speed=DEFAULT_SPEED)
        self.clock.ticked.connect(lambda _n: self._redraw())
        self.clock.playingChanged.connect(self._on_playing)

        self._build_controls()
        self._build_plot()

        layout = QHBoxLayout(self)
        layout.addWidget(self.plot, 1)
        layout.addWidget(scrolling(self._controls, "descentControlsScroll"))  # (scrolls on a small screen)

        self._load_surface(self._surface.key, apply_defaults=True)
        self.set_case("converge")

    # -- building --------------------------------------------------------------------------------------------
    def title(self):
        return self.tr("Gradient descent")

    def figure_step(self):
        """The step shown (for the file names of saved figures)."""
        return self._shown - 1

    def _build_controls(self):
        self._controls = QWidget()
        self._controls.setMinimumWidth(300)  # (wider when its buttons need it: a larger zoom)
        self._controls.setMaximumWidth(360)
        col = QVBoxLayout(self._controls)
        col.setContentsMargins(0, 0, 0, 0)

        self.casesCombo = named(
            QComboBox(),
            "descentCasesCombo",
            self.tr("Lecture cases"),
            self.tr("The lecture's three runs on f = x0² + x1² from (−3, 4), 100 steps: η = 0.1, 10 and 1e−10"),
        )
        self.casesCombo.addItem(self.tr("Lecture case…"), None)
        self.casesCombo.addItem(self.tr("η = 0.1: reaches the minimum"), "converge")
        self.casesCombo.addItem(self.tr("η = 10: too large, flies off"), "diverge")
        self.casesCombo.addItem(self.tr("η = 1e−10: too small, barely moves"), "too_small")
        self.casesCombo.activated.connect(self._case_chosen)
        col.addWidget(self.casesCombo)

        box = QGroupBox(self.tr("Surface"))
        form = QFormLayout(box)
        self.functionCombo = named(
            QComboBox(), "descentFunctionCombo", self.tr("Function"), self.tr("The function f(x0, x1) to minimise")
        )
        for key, text in (
            ("sphere", self.tr("x0² + x1²")),
            ("book_bowl", self.tr("x²/20 + y² (optimizer comparison)")),
            ("rosenbrock", self.tr("Rosenbrock valley × 0.01")),
            ("saddle", self.tr("saddle x0² − x1²")),
        ):
            self.functionCombo.addItem(text, key)
        self.functionCombo.setItemData(
            2, self.tr("0.01·((1 − x)² + 100·(y − x²)²): minimum at (1, 1) at the end of a long curved valley"),
            Qt.ItemDataRole.ToolTipRole,
        )  # fmt: skip
        self.functionCombo.currentIndexChanged.connect(self._function_chosen)
        form.addRow(self.tr("f"), self.functionCombo)
        self.gradientMethodCombo = named(
            QComboBox(),
            "descentGradientMethodCombo",
            self.tr("Gradient method"),
            self.tr("Numerical: central difference (f(x + h) − f(x − h)) / 2h with h = 1e−4, as in the lecture.\n"
                    "Exact: the derivative worked out by hand, e.g. ∇(x0² + x1²) = (2·x0, 2·x1)."),
        )  # fmt: skip
        self.gradientMethodCombo.addItem(self.tr("numerical (h = 1e−4)"), "numerical")
        self.gradientMethodCombo.addItem(self.tr("exact"), "exact")
        self.gradientMethodCombo.currentIndexChanged.connect(self._settings_edited)
        form.addRow(self.tr("∇f"), self.gradientMethodCombo)
        col.addWidget(box)

        box = QGroupBox(self.tr("Descent  x ← x − η·∇f(x)"))
        form = self._descent_form = QFormLayout(box)
        self.startX0Spin = self._coordinate_spin("descentStartX0Spin", self.tr("Start x0"))
        self.startX1Spin = self._coordinate_spin("descentStartX1Spin", self.tr("Start x1"))
        start_row = QHBoxLayout()
        start_row.addWidget(self.startX0Spin)
        start_row.addWidget(self.startX1Spin)
        form.addRow(self.tr("start"), start_row)
        self.lrSpin = named(
            LogSpinBox(LR_MIN, LR_MAX),
            "descentLrSpin",
            self.tr("Learning rate"),
            self.tr("Learning rate η in x ← x − η·∇f(x), from 1e−10 to 100; type e.g. 1e-10"),
        )
        self.lrSpin.valueChanged.connect(self._settings_edited)
        form.addRow(self.tr("η"), self.lrSpin)
        self.stepsSpin = named(
            QSpinBox(), "descentStepsSpin", self.tr("Steps"), self.tr("Number of updates x ← x − η·∇f(x)")
        )
        self.stepsSpin.setRange(1, MAX_STEPS)
        self.stepsSpin.setKeyboardTracking(False)
        self.stepsSpin.valueChanged.connect(self._settings_edited)
        form.addRow(self.tr("steps"), self.stepsSpin)
        col.addWidget(box)

        buttons = QHBoxLayout()
        self.runAllButton = named(
            QPushButton(self.tr("Run all")), "descentRunAllButton", self.tr("Run all"), self.tr("Show the whole path")
        )
        self.runAllButton.clicked.connect(self.run_all)
        self.stepButton = named(
            QPushButton(self.tr("Step")), "descentStepButton", self.tr("Step"),
            self.tr("Show one more point: x ← x − η·∇f(x)"),
        )  # fmt: skip
        self.stepButton.clicked.connect(self.step)
        self.playPathButton = named(
            QPushButton(self.tr("Play")), "descentPlayButton", self.tr("Play path"),
            self.tr("Animate the path point by point"),
        )  # fmt: skip
        self.playPathButton.setCheckable(True)
        self.playPathButton.toggled.connect(self._play_toggled)
        self.fitButton = named(
            QPushButton(self.tr("Fit")), "descentFitButton", self.tr("Fit the view"),
            self.tr("Show the start and the whole path (after zooming or panning with the mouse)"),
        )  # fmt: skip
        self.fitButton.clicked.connect(self.fit)
        for b in (self.runAllButton, self.stepButton, self.playPathButton, self.fitButton):
            buttons.addWidget(b)
        col.addLayout(buttons)
        self.speedControl = SpeedControl(self.clock, prefix="descent")
        grid = self.speedControl.layout()
        # (two rows in the narrow column: speed, then stop at)
        for w in (self.speedControl.stopCaption, self.speedControl.stopAtSpin):
            grid.removeWidget(w)
        stop_row = QHBoxLayout()
        stop_row.addWidget(self.speedControl.stopCaption)
        stop_row.addWidget(self.speedControl.stopAtSpin, 1)
        self.speedControl.slider.setFixedWidth(130)
        col.addWidget(self.speedControl)
        col.addLayout(stop_row)

        self.compareOptimizersButton = named(
            QCheckBox(self.tr("Compare optimizers (book fig. 6-8)")),
            "descentCompareButton",
            self.tr("Compare optimizers"),
            self.tr("SGD (η 0.95), Momentum (η 0.1, α 0.9), AdaGrad (η 1.5) and Adam (η 0.3) from the same start,\n"
                    "30 steps on x²/20 + y² from (−7, 2), as in the book.\n"
                    "SGD: x ← x − η·g   Momentum: v ← αv − η·g, x ← x + v\n"
                    "AdaGrad: h ← h + g², x ← x − η·g/√h   Adam: moving averages of g and g²"),
        )  # fmt: skip
        self.compareOptimizersButton.toggled.connect(self.set_compare)
        col.addWidget(self.compareOptimizersButton)

        self.readoutLabel = named(
            QLabel(), "descentReadoutLabel", self.tr("Readout"), self.tr("Current point, f and |∇f|")
        )
        self.readoutLabel.setWordWrap(True)
        self.readoutLabel.setTextFormat(Qt.TextFormat.RichText)
        self.readoutLabel.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.readoutLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readoutLabel.setFrameShape(QFrame.Shape.StyledPanel)
        self.readoutLabel.setMargin(6)
        col.addWidget(self.readoutLabel, 1)

        hint = QLabel(self.tr("Drag the ⊕ marker to move the start. Arrows: −∇f, the way downhill."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        col.addWidget(hint)

    def _coordinate_spin(self, name, accessible):
        spin = named(QDoubleSpinBox(), name, accessible, self.tr("Start point coordinate (or drag the ⊕ marker)"))
        spin.setDecimals(3)
        spin.setSingleStep(0.1)
        spin.setKeyboardTracking(False)
        spin.valueChanged.connect(self._start_typed)
        return spin

    def _build_plot(self):
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("descentSurfacePlot")
        self.plot.setAccessibleName(self.tr("Surface plot"))
        self.plot.setToolTip(self.tr("Contours of f, arrows −∇f, the path of gradient descent"))
        pi = self.plot.getPlotItem()
        pi.setLabel("bottom", "x0")
        pi.setLabel("left", "x1")
        pi.setMenuEnabled(False)
        pi.hideButtons()
        self.plot.setAspectLocked(True)
        self.plot.disableAutoRange()
        self.plot.getViewBox().sigResized.connect(lambda *_: self._region and self._set_view(self._region))

        self._image = pg.ImageItem()
        self._image.setColorMap(pg.ColorMap([0.0, 1.0], ["#cfe1f2", "#fffbea"]))
        self._image.setZValue(-20)
        pi.addItem(self._image)
        self._contours = pg.PlotDataItem(pen=pg.mkPen("#7a8793", width=1), connect="finite")
        self._contours.setZValue(-10)
        pi.addItem(self._contours)
        self._arrows = pg.PlotDataItem(pen=pg.mkPen((60, 60, 60, 170), width=1.2), connect="pairs")
        self._arrows.setZValue(-5)
        pi.addItem(self._arrows)
        self._minimum = pg.ScatterPlotItem(size=14, symbol="star", brush="#ffd700", pen=pg.mkPen("k"))
        pi.addItem(self._minimum)

        self._path_line = pg.PlotDataItem(pen=pg.mkPen(PATH_COLOR, width=2), connect="pairs")
        self._path_dots = pg.ScatterPlotItem(size=5, brush=PATH_COLOR, pen=None)
        self._current = pg.ScatterPlotItem(size=12, brush="w", pen=pg.mkPen(PATH_COLOR, width=2.5))
        self._exit = pg.ScatterPlotItem(size=16, symbol="x", brush=PATH_COLOR, pen=pg.mkPen("k", width=0.5))
        for item in (self._path_line, self._path_dots, self._current, self._exit):
            pi.addItem(item)
        self._exit_text = pg.TextItem(color=PATH_COLOR, anchor=(0.5, 0.5), fill=pg.mkBrush(255, 255, 255, 210))
        self._exit_text.setZValue(20)
        pi.addItem(self._exit_text)

        self.legend = pi.addLegend(offset=(-8, 8), brush=pg.mkBrush(255, 255, 255, 220), labelTextSize="9pt")
        self._compare_items = {}
        for key, _lr, color in COMPARED:
            line = pg.PlotDataItem(pen=pg.mkPen(color, width=2), connect="pairs", name=self._optimizer_label(key))
            dots = pg.ScatterPlotItem(size=5, brush=color, pen=None)
            pi.addItem(line)
            pi.addItem(dots)
            self._compare_items[key] = (line, dots)
        self.legend.setVisible(False)

        self._target = pg.TargetItem(
            pos=LECTURE_START,
            size=16,
            symbol="crosshair",
            pen=pg.mkPen("k", width=2),
            movable=True,
            label=self.tr("start"),
            labelOpts={"color": "k", "offset": (10, -10)},
        )
        self._target.setZValue(30)
        self._target.setToolTip(self.tr("Start point: drag me"))
        pi.addItem(self._target)
        self._target.sigPositionChanged.connect(self._target_moved)

    def _optimizer_label(self, key):
        lr = next(lr for k, lr, _ in COMPARED if k == key)
        return f"{OPTIMIZER_TITLES[key]} (η = {lr:g})"

    # -- public API ------------------------------------------------------------------------------------------
    def path(self):
        """The points of the gradient-descent path now on screen, (n, 2); empty in comparison mode."""
        if self.compareOptimizersButton.isChecked():
            return np.empty((0, 2))
        return self._full[: self._shown].copy()

    def full_path(self):
        """The whole computed path, (steps + 1, 2)."""
        return self._full.copy()

    def optimizer_paths(self):
        """Comparison mode: optimizer key -> the points on screen, (n, 2); empty dict otherwise."""
        if not self.compareOptimizersButton.isChecked():
            return {}
        return {k: p[: self._shown].copy() for k, p in self._compare_full.items()}

    def status(self):
        """What the shown path did: 'start', 'running', 'converged', 'diverged', 'downhill_out' (left the plot
        going downhill), 'barely_moved', 'stalled' (numerical gradient 0 away from a minimum) or 'compare'."""
        return self._status

    def set_case(self, name):
        """Load one of the lecture's cases ('converge', 'diverge', 'too_small') and show its whole path."""
        lr, steps = CASES[name]
        self._stop()
        with QSignalBlocker(self.compareOptimizersButton):
            self.compareOptimizersButton.setChecked(False)
        self._load_surface("sphere", apply_defaults=False)
        self._set_quietly(LECTURE_START, lr, steps)
        with QSignalBlocker(self.casesCombo):
            self.casesCombo.setCurrentIndex(self.casesCombo.findData(name))
        self._recompute(show_all=True)

    def set_function(self, key):
        """Switch to the surface ``key`` of ``SURFACES`` with its suggested start, η and steps."""
        self._stop()
        self._load_surface(key, apply_defaults=True)
        self._recompute(show_all=True)

    def set_start(self, x0, x1):
        self.startX0Spin.setValue(x0)
        self.startX1Spin.setValue(x1)

    def set_compare(self, on):
        """Comparison mode: SGD, Momentum, AdaGrad and Adam on x²/20 + y² from (−7, 2), 30 steps (the book's)."""
        self._stop()
        with QSignalBlocker(self.compareOptimizersButton):
            self.compareOptimizersButton.setChecked(bool(on))
        self._forget_case()
        if on:
            self._load_surface("book_bowl", apply_defaults=False)
            self._set_quietly(COMPARE_START, self.lrSpin.value(), COMPARE_STEPS)
        self._descent_form.setRowVisible(self.lrSpin, not on)
        self.legend.setVisible(bool(on))
        self._recompute(show_all=True)

    def run_all(self):
        """Show the whole path."""
        self._stop()
        self._shown = self._length()
        self._redraw()

    def step(self):
        """Show one more point (from the start again once the whole path is shown)."""
        self._stop()
        self._advance(1)

    def play(self):
        self.playPathButton.setChecked(True)

    def shutdown(self):
        self._stop()

    # -- model -----------------------------------------------------------------------------------------------
    def _load_surface(self, key, apply_defaults):
        s = SURFACES[key]
        self._surface = s
        with QSignalBlocker(self.functionCombo):
            self.functionCombo.setCurrentIndex(self.functionCombo.findData(key))
        lo0, hi0, lo1, hi1 = s.bounds
        for spin, lo, hi in ((self.startX0Spin, lo0, hi0), (self.startX1Spin, lo1, hi1)):
            with QSignalBlocker(spin):
                spin.setRange(lo, hi)
        if apply_defaults:
            self._set_quietly(s.start, s.lr, s.steps)
        self._region = None
        self._draw_surface(s.bounds)

    def _set_quietly(self, start, lr, steps):
        for w, v in ((self.startX0Spin, start[0]), (self.startX1Spin, start[1]), (self.lrSpin, lr),
                     (self.stepsSpin, steps)):  # fmt: skip
            with QSignalBlocker(w):
                w.setValue(v)
        self._move_target()

    def _start(self):
        return np.array([self.startX0Spin.value(), self.startX1Spin.value()])

    def _grad_fn(self):
        exact = self.gradientMethodCombo.currentData() == "exact"
        return gradient_function(self._surface.f, self._surface.grad if exact else None)

    def _recompute(self, show_all=None):
        """Recompute the path(s) for the current settings; keep showing everything if everything was shown."""
        if show_all is None:
            show_all = self._shown >= self._length() and self._length() > 1
        s = self._surface
        steps = self.stepsSpin.value()
        if self.compareOptimizersButton.isChecked():
            grad = self._grad_fn()
            self._compare_full = {
                key: optimizer_path(make_optimizer(key, lr), grad, self._start(), steps) for key, lr, _ in COMPARED
            }
            self._full = self._compare_full["sgd"]
        else:
            exact = self.gradientMethodCombo.currentData() == "exact"
            _, self._full = gradient_descent(
                s.f, self._start(), self.lrSpin.value(), steps, grad=s.grad if exact else None, return_path=True
            )
        self._shown = self._length() if show_all else 1
        self.fit()

    def fit(self):
        """Show the start and the whole path (every optimizer's in comparison mode): the surface's region, grown
        by one of ``ZOOM_STEPS`` as far as the points need. A path that flies off further than ``MAX_ZOOM_OUT``
        times the region (a learning rate too large) is not chased: it is marked where it leaves."""
        region = self._fit_region()
        if region != self._region:
            self._draw_surface(region)
        else:
            self._set_view(region)
        self._redraw()

    def view_region(self):
        """The part of the plane the plot is fitted to: (x0 min, x0 max, x1 min, x1 max)."""
        return self._region

    def _fit_region(self):
        lo0, hi0, lo1, hi1 = self._surface.bounds
        c0, c1, w, h = (lo0 + hi0) / 2, (lo1 + hi1) / 2, (hi0 - lo0) / 2, (hi1 - lo1) / 2
        paths = list(self._compare_full.values()) if self.compareOptimizersButton.isChecked() else [self._full]
        need = 1.0
        for pts in (self._start()[None, :], *paths):
            with np.errstate(invalid="ignore"):
                reach = np.maximum(np.abs(pts[:, 0] - c0) / w, np.abs(pts[:, 1] - c1) / h) * 1.04
            if np.all(np.isfinite(reach)) and reach.max() <= MAX_ZOOM_OUT:
                need = max(need, float(reach.max()))
        zoom = next(z for z in ZOOM_STEPS if z >= need)
        return (c0 - zoom * w, c0 + zoom * w, c1 - zoom * h, c1 + zoom * h)

    def _length(self):
        return len(self._full)

    def _advance(self, n):
        if self._shown >= self._length():
            self._shown = 1
        self._shown = min(self._shown + n, self._length())
        self._redraw()

    # -- slots -----------------------------------------------------------------------------------------------
    def _case_chosen(self, index):
        key = self.casesCombo.itemData(index)
        if key:
            self.set_case(key)

    def _function_chosen(self, _index):
        key = self.functionCombo.currentData()
        self._forget_case()
        self.set_function(key)

    def _settings_edited(self, *_):
        self._forget_case()
        self._stop()
        self._recompute()

    def _start_typed(self, *_):
        self._move_target()
        self._settings_edited()

    def _target_moved(self, *_):
        pos = self._target.pos()
        lo0, hi0, lo1, hi1 = self._surface.bounds
        x0 = min(max(pos.x(), lo0), hi0)
        x1 = min(max(pos.y(), lo1), hi1)
        for spin, v in ((self.startX0Spin, x0), (self.startX1Spin, x1)):
            with QSignalBlocker(spin):
                spin.setValue(v)
        if (x0, x1) != (pos.x(), pos.y()):
            self._move_target()
        self._settings_edited()

    def _move_target(self):
        with QSignalBlocker(self._target):
            self._target.setPos(self.startX0Spin.value(), self.startX1Spin.value())

    def _forget_case(self):
        with QSignalBlocker(self.casesCombo):
            self.casesCombo.setCurrentIndex(0)

    def _play_toggled(self, on):
        if on:
            if self._shown >= self._length():
                self._shown = 1
                self._redraw()
            self.clock.play()
        else:
            self.clock.pause()
        self._on_playing(self.clock.playing)

    def _on_playing(self, on):
        with QSignalBlocker(self.playPathButton):
            self.playPathButton.setChecked(on)
        self.playPathButton.setText(self.tr("Pause") if on else self.tr("Play"))

    def _reveal(self, k):
        """The clock's step: show ``k`` more points; it cannot go on at the end of the path."""
        before = self._shown
        self._shown = min(self._shown + k, self._length())
        return self._shown - before, self._shown < self._length()

    def _stop(self):
        self.clock.pause()

    # -- view ------------------------------------------------------------------------------------------------
    def _draw_surface(self, region):
        s = self._surface
        self._region = region
        key = (s.key, region)
        if key not in self._surface_cache:
            self._surface_cache[key] = self._surface_pictures(s, region)
        band, rect, cont, arrows = self._surface_cache[key]
        self._image.setImage(band, levels=(0, float(band.max()) or 1.0), autoLevels=False)
        self._image.setRect(*rect)
        self._contours.setData(cont[:, 0], cont[:, 1])
        self._arrows.setData(arrows[:, 0], arrows[:, 1])
        if s.minimum is not None:
            self._minimum.setData([s.minimum[0]], [s.minimum[1]])
        else:
            self._minimum.setData([], [])
        self._set_view(region)

    def _set_view(self, region):
        """Show all of ``region``. The axes keep one scale (circles stay round), so the side with room to spare
        shows more; pyqtgraph's aspect lock would crop the other side instead."""
        lo0, hi0, lo1, hi1 = region
        vb = self.plot.getViewBox()
        w, h = (hi0 - lo0) * 1.04, (hi1 - lo1) * 1.04
        c0, c1 = (lo0 + hi0) / 2, (lo1 + hi1) / 2
        vb.setLimits(xMin=c0 - 1.5 * w, xMax=c0 + 1.5 * w, yMin=c1 - 1.5 * h, yMax=c1 + 1.5 * h)
        px, py = vb.width(), vb.height()
        if px > 10 and py > 10:
            scale = max(w / px, h / py)
            w, h = scale * px, scale * py
        vb.setRange(xRange=(c0 - w / 2, c0 + w / 2), yRange=(c1 - h / 2, c1 + h / 2), padding=0)

    def _surface_pictures(self, s, region):
        """Filled bands, contour lines and the −∇f arrows of surface ``s`` over ``region`` (computed once per
        surface and region)."""
        lo0, hi0, lo1, hi1 = region
        xs = np.linspace(lo0, hi0, GRID)
        ys = np.linspace(lo1, hi1, GRID)
        z = s.f(np.stack(np.meshgrid(xs, ys)))  # (y, x), row-major
        levels = self._levels(z)
        band = np.searchsorted(levels, z).astype(np.float64)
        dx, dy = (hi0 - lo0) / (GRID - 1), (hi1 - lo1) / (GRID - 1)
        rect = (lo0 - dx / 2, lo1 - dy / 2, hi0 - lo0 + dx, hi1 - lo1 + dy)
        pieces = []
        for level in levels:
            for line in pg.isocurve(z.T, level, connected=True):
                c = np.asarray(line, dtype=np.float64)
                pts = np.column_stack([lo0 + (c[:, 0] - 0.5) * dx, lo1 + (c[:, 1] - 0.5) * dy])
                pieces += [pts, np.full((1, 2), np.nan)]
        cont = np.concatenate(pieces) if pieces else np.empty((0, 2))
        return band, rect, cont, self._arrow_segments(s, region)

    def _levels(self, z):
        if self._surface.key == "rosenbrock" and self._region == self._surface.bounds:  # levels a factor apart
            return ROSENBROCK_LEVELS
        q = np.quantile(z, np.linspace(0.0, 1.0, 15)[1:-1])
        return np.unique(np.round(q, 6))

    @staticmethod
    def _arrow_segments(s, region):
        """−∇f on a grid over ``region``, as pairs of points: shafts plus two head strokes each."""
        lo0, hi0, lo1, hi1 = region
        cell = max(hi0 - lo0, hi1 - lo1) / 15.0
        gx = np.arange(lo0 + cell / 2, hi0, cell)
        gy = np.arange(lo1 + cell / 2, hi1, cell)
        X, Y = np.meshgrid(gx, gy)
        g = -s.grad(np.stack([X, Y]))
        u, v = g[0].ravel(), g[1].ravel()
        mag = np.hypot(u, v)
        ref = np.quantile(mag, 0.9) or 1.0
        length = 0.85 * cell * np.minimum(mag / ref, 1.0)
        keep = length > 0.08 * cell
        with np.errstate(invalid="ignore", divide="ignore"):
            ux, uy = u / mag, v / mag
        x0 = X.ravel() - 0.5 * length * ux
        y0 = Y.ravel() - 0.5 * length * uy
        x1 = x0 + length * ux
        y1 = y0 + length * uy
        head = np.maximum(0.3 * length, 0.18 * cell)
        segs = [np.column_stack([x0, y0, x1, y1])]
        for ang in (math.radians(150), math.radians(-150)):
            c, sn = math.cos(ang), math.sin(ang)
            hx = x1 + head * (c * ux - sn * uy)
            hy = y1 + head * (sn * ux + c * uy)
            segs.append(np.column_stack([x1, y1, hx, hy]))
        segs = np.concatenate([a[keep] for a in segs])
        return segs.reshape(-1, 2)

    def _redraw(self):
        box = self._region
        compare = self.compareOptimizersButton.isChecked()
        for item in (self._path_line, self._path_dots, self._current):
            item.setVisible(not compare)
        for line, dots in self._compare_items.values():
            line.setVisible(compare)
            dots.setVisible(compare)
        exits = []
        if compare:
            for key, (line, dots) in self._compare_items.items():
                shown = self._compare_full[key][: self._shown]
                pairs, exit_ = _clip_segments(shown, box)
                line.setData(pairs[:, 0], pairs[:, 1])
                inside = shown[_inside(shown, box)]
                dots.setData(inside[:, 0], inside[:, 1])
                exits += [exit_] if exit_ else []
        else:
            shown = self._full[: self._shown]
            pairs, exit_ = _clip_segments(shown, box)
            exits = [exit_] if exit_ else []
            self._path_line.setData(pairs[:, 0], pairs[:, 1])
            inside = shown[_inside(shown, box)]
            self._path_dots.setData(inside[:, 0], inside[:, 1])
            last = shown[-1]
            if _inside(last[None, :], box)[0]:
                self._current.setData([last[0]], [last[1]])
            else:
                self._current.setData([], [])
        if exits:
            pts = np.array([p for _, p in exits])
            self._exit.setData(pts[:, 0], pts[:, 1])
            step, p = exits[0]
            self._exit_text.setText(self.tr("left the plot at step {step}").format(step=step))
            lo0, hi0, lo1, hi1 = box
            cx, cy = (lo0 + hi0) / 2, (lo1 + hi1) / 2
            self._exit_text.setPos(cx + 0.7 * (p[0] - cx), cy + 0.86 * (p[1] - cy))
            self._exit_text.setVisible(True)
        else:
            self._exit.setData([], [])
            self._exit_text.setVisible(False)
        self._update_readout(exits)

    def _update_readout(self, exits):
        if self.compareOptimizersButton.isChecked():
            self._status = "compare"
            x0, x1 = self._compare_full["sgd"][0]
            html = self.tr("Step {k} of {n}, all four from ({x0}, {x1}):").format(
                k=self._shown - 1, n=self._length() - 1, x0=_fmt(x0), x1=_fmt(x1)
            )
            html += "<table cellspacing='0' cellpadding='1'>"
            for key, _lr, color in COMPARED:
                p = self._compare_full[key][self._shown - 1]
                with np.errstate(all="ignore"):
                    fx = float(self._surface.f(p))
                html += (
                    f"<tr><td><span style='color:{color}'>■</span> {OPTIMIZER_TITLES[key]}&nbsp;</td>"
                    f"<td>({_fmt3(p[0])}, {_fmt3(p[1])})&nbsp;</td><td>f = {_fmt3(fx)}</td></tr>"
                )
            html += "</table>"
            self.readoutLabel.setText(html)
            return

        s = self._surface
        k = self._shown - 1
        x = self._full[k]
        with np.errstate(all="ignore"):
            fx = float(s.f(x))
            f0 = float(s.f(self._full[0]))
            g = self._grad_fn()(x) if np.all(np.isfinite(x)) else np.array([np.nan, np.nan])
            gnorm = float(np.hypot(*g))
            exact_norm = float(np.hypot(*s.grad(x)))
            moved = float(np.hypot(*(x - self._full[0])))
        numerical = self.gradientMethodCombo.currentData() == "numerical"
        method = self.tr("numerical") if numerical else self.tr("exact")
        rows = (
            (self.tr("step"), f"{k} / {self._length() - 1}"),
            ("x", f"({_fmt9(x[0])}, {_fmt9(x[1])})"),
            ("f(x)", _fmt(fx)),
            ("|∇f(x)|", f"{_fmt(gnorm)} ({method})"),
        )
        table = "<table cellspacing='0' cellpadding='1'>"
        table += "".join(f"<tr><td>{a}&nbsp;&nbsp;</td><td>{b}</td></tr>" for a, b in rows)
        table += "</table>"

        lo0, hi0, lo1, hi1 = s.bounds
        size = max(hi0 - lo0, hi1 - lo1)
        finite = bool(np.all(np.isfinite(x)))
        color, note = GOOD, ""
        if exits or not finite:
            color = BAD
            if not finite or not math.isfinite(fx) or fx > f0:
                self._status = "diverged"
                note = self.tr(
                    "The path left the plot at step {step}: learning rate too large. Each step overshoots the "
                    "minimum, so f grows"
                ).format(step=exits[0][0] if exits else k)
                if finite and math.isfinite(fx):
                    note += " " + self.tr("(from {f0} to {f}).").format(f0=_fmt(f0), f=_fmt(fx))
                else:
                    bad = int(np.argmax(~np.all(np.isfinite(self._full[: k + 1]), axis=1)))
                    note += " " + self.tr("(from {f0}) until the numbers overflowed float64 at step {bad}.").format(
                        f0=_fmt(f0), bad=bad
                    )
            else:
                self._status = "downhill_out"
                note = self.tr(
                    "The path left the plot at step {step} going downhill: f has no minimum that way."
                ).format(step=exits[0][0])
            if numerical and finite and exact_norm > 0 and gnorm == 0:
                note += "<br><br>" + self.tr(
                    "The numerical gradient is 0 out there: at coordinates of about {x}, x ± h rounds back to x "
                    "(h = 1e−4), so the path stopped moving, though the true |∇f| is {g}."
                ).format(x=_fmt(float(np.max(np.abs(x)))), g=_fmt(exact_norm))
        elif k == 0:
            self._status = "start"
            color, note = "#555555", self.tr("Press Step, Play or Run all.")
        elif s.minimum is not None and float(np.hypot(*(x - np.array(s.minimum)))) < 1e-3 * size:
            self._status = "converged"
            note = self.tr("Reached the minimum ({m0:g}, {m1:g}).").format(m0=s.minimum[0], m1=s.minimum[1])
        elif moved < 1e-3 * size:
            self._status = "barely_moved"
            color = WARN
            note = self.tr("The path barely moved: {d} in {k} steps. Learning rate too small.").format(
                d=_sci(moved), k=k
            )
        else:
            self._status = "running"
            color = "#333333"
            note = self.tr("Moved {d} from the start.").format(d=_fmt(moved))
        self.readoutLabel.setText(f"{table}<p style='color:{color}'><b>{note}</b></p>")
