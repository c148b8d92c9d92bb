"""Lab: linear collapse. With h(x) = x a stack of layers multiplies out to one matrix (book ch. 3.2.6).

The lab trains its own copy of the network (never the main window's) and shows, in numbers and in a picture,
that the stack and the single affine map x·W + b are the same function, so the boundary stays a straight line.

The lab stays light whatever the main window holds (100,000 samples, 16 layers of 256): the proof, the accuracy
and the scatter use a fixed random subset of at most ``MAX_SAMPLES`` samples, the picture's grid shrinks with
the network's cost, the forward passes of a big network are split into chunks of ``CHUNK_WORK`` multiply-adds,
one chunk per timer event, and nothing is computed while the lab is behind another tab.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnplay.core.analysis import clone_network, collapse_evidence, collapse_linear, forward_work, linear_boundary
from nnplay.core.config import Config
from nnplay.core.trainer import Trainer
from nnplay.gui.style import CLASS_COLORS, NEGATIVE, POSITIVE, configure_pyqtgraph
from nnplay.gui.widgets import arg, core_text, named, scrolling

DEFAULT_CONFIG = Config(dataset="xor", hidden=(8, 8), activation="identity")
TRAIN_STEPS = 500
STEPS_PER_TICK = 5
TICK_MS = 30
"""Pace of the Train button: 5 steps every 30 ms, so 500 steps take about 3 s and the line can be watched."""
GRID = 150
"""Resolution of the background picture of the stack's decisions (a small network's; see ``PICTURE_WORK``)."""
MIN_GRID = 32
GHOST_EVERY = 100
"""While training, the line is also drawn faintly every this many steps: it turns and shifts, never bends."""
MAX_GHOSTS = 20
MAX_SAMPLES = 2000
"""The proof, the accuracy and the scatter use at most this many samples (a fixed random subset of a bigger
data set): the stack's outputs for 100,000 samples through 16 layers of 256 took 3 GB and 15 s."""
CHUNK_WORK = 2e8
"""Multiply-adds of the stack's forward passes in one event (tens of milliseconds): a big network's picture
and proof are computed in chunks of this size, one per timer event, so that the window keeps answering."""
PICTURE_WORK = 1.2e9
"""The picture may cost this many multiply-adds in all: a costly network gets a coarser grid (at least
``MIN_GRID``), computed in chunks."""
TICK_WORK = 2e8
"""Multiply-adds of training in one tick of the Train button: as many steps as fit (at most
``steps_per_tick``), at least one."""


def grid_size(network):
    """Side of the picture's grid for ``network``: ``GRID`` for a small one, coarser for a costly one."""
    return int(min(GRID, max(MIN_GRID, np.sqrt(PICTURE_WORK / forward_work(network)))))


def _is_linear(config):
    return config.activation == "identity" or not config.hidden


def _collapsible(config):
    """The lab's form of ``config``: the raw inputs and no batch norm, dropout or weight decay (they are not part
    of the lesson; features would make W a map of x1², …, not of the plane)."""
    return config.replace(features=(), batch_norm=False, dropout=0.0, weight_decay=0.0)


class LinearCollapseLab(QWidget):
    """Shows that a network with identity activations equals one affine map x·W + b."""

    def __init__(self, trainer: Trainer | None = None, parent=None):
        super().__init__(parent)
        configure_pyqtgraph()
        self.setObjectName("linearCollapseLab")
        self._source: Trainer | None = None  # the main window's trainer
        self._trainer = Trainer(DEFAULT_CONFIG, eval_every=0)
        self._origin = self.tr("the default example (XOR, identity activations)")
        self._target = 0
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self.steps_per_tick = STEPS_PER_TICK
        self._timer.timeout.connect(self._tick)
        self._job = None  # a chunked computation of the picture and the proof in progress (a generator)
        self._job_timer = QTimer(self)
        self._job_timer.setInterval(0)
        self._job_timer.timeout.connect(self._job_step)
        self._again = False  # the network changed while a job ran: start another when it ends
        self._job_key = None  # (data set, layer sizes) of the job
        self._shown_key = None  # (data set, layer sizes) of what the proof and the picture show
        self._stale = False  # a refresh was asked for while the lab was behind another tab
        self._sample_for = None  # (dataset, indices of the samples the lab uses, how many are training samples)
        self.chunks_done = 0  # (how many chunks the chunked computations took, for tests)
        self._build()
        if trainer is not None:
            self.set_trainer(trainer)
        else:
            self._update_source()
            self.refresh()

    def title(self):
        return self.tr("Linear collapse")

    def figure_step(self):
        """The step of this lab's network (for the file names of saved figures)."""
        return self._trainer.step_count

    # -- building ---------------------------------------------------------------------------------------
    def _build(self):
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "<b>Why a network needs a non-linear activation.</b> With h(x) = x every layer computes "
                "x·W<sub>i</sub> + b<sub>i</sub>, and an affine map of an affine map is affine: the whole stack "
                "equals <i>one</i> matrix W = W1·W2·…·WL and one bias b = ((b1·W2 + b2)·W3 + …). "
                "Depth adds nothing, and the decision boundary stays a straight line."
            )
        )
        intro.setObjectName("collapseIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        row = QHBoxLayout()
        self.sourceLabel = QLabel()
        self.sourceLabel.setObjectName("collapseSourceLabel")
        self.sourceLabel.setWordWrap(True)
        row.addWidget(self.sourceLabel, 1)
        self.makeLinearButton = named(
            QPushButton(self.tr("Use the main window's network")),
            "makeLinearButton",
            self.tr("Use the main window's network"),
            self.tr(
                "Copy the main window's network into this lab: its weights if it already uses h(x) = x, "
                "otherwise the same layers with h(x) = x (identity) instead of its activation, freshly "
                "initialised. The main window's training is not touched."
            ),
        )
        self.makeLinearButton.clicked.connect(self.make_linear)
        row.addWidget(self.makeLinearButton)
        self.trainButton = named(
            QPushButton(),
            "trainLinearButton",
            self.tr("Train the linear network"),
            self.tr(
                "Train this lab's copy for %n more steps (a little per timer tick) and watch the boundary: "
                "it turns, it moves, it never bends.",
                "",
                TRAIN_STEPS,
            ),
        )
        self.trainButton.clicked.connect(self.toggle_training)
        row.addWidget(self.trainButton)
        self.resetButton = named(
            QPushButton(self.tr("Reset")),
            "collapseResetButton",
            self.tr("Reset the linear network"),
            self.tr("New initial weights (same seed), step 0."),
        )
        self.resetButton.clicked.connect(self.reset)
        row.addWidget(self.resetButton)
        layout.addLayout(row)

        self.shapesLabel = named(
            QLabel(),
            "collapseShapesLabel",
            self.tr("Shapes of the stack"),
            self.tr("The weight matrices of the stack multiply out to one matrix W: (D×H1)·(H1×H2)·…·(HL×K) = D×K."),
        )
        font = QFont(self.shapesLabel.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.shapesLabel.setFont(font)
        self.shapesLabel.setWordWrap(True)
        self.shapesLabel.setStyleSheet(
            "QLabel { background: #f4f8ff; border: 1px solid #b8c9e8; border-radius: 4px; padding: 6px; }"
        )
        layout.addWidget(self.shapesLabel)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("The collapsed model: scores = x·W + b (one row per input, the last row is b)."))
        caption.setWordWrap(True)
        ll.addWidget(caption)
        self.table = named(
            QTableWidget(),
            "collapsedMatrixTable",
            self.tr("Collapsed matrix W and bias b"),
            self.tr(
                "W = W1·W2·…·WL (rows: inputs, columns: classes) and, in the last row, "
                "b = ((b1·W2 + b2)·W3 + …) + bL. Red: positive, blue: negative."
            ),
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        ll.addWidget(self.table)
        self.equationLabel = named(
            QLabel(),
            "collapseEquationLabel",
            self.tr("The stack written out"),
            self.tr("Multiplying out the brackets turns the stack into x·W + b."),
        )
        self.equationLabel.setWordWrap(True)
        self.equationLabel.setTextFormat(Qt.TextFormat.RichText)
        ll.addWidget(self.equationLabel)
        self.proofLabel = named(
            QLabel(),
            "collapseProofLabel",
            self.tr("Proof in numbers"),
            self.tr(
                "The stack's outputs and softmax(x·W + b) on every sample of the data set; the largest "
                "difference is rounding error (about 1e-16), so they are the same function."
            ),
        )
        self.proofLabel.setWordWrap(True)
        self.proofLabel.setTextFormat(Qt.TextFormat.RichText)
        ll.addWidget(self.proofLabel)
        ll.addStretch(1)
        split.addWidget(scrolling(left, "collapseExplanationScroll"))  # (scrolls on a small screen)

        self.plot = named(
            pg.PlotWidget(),
            "collapseBoundaryPlot",
            self.tr("Decision boundary of the linear network"),
            self.tr(
                "Shaded: the class the stack predicts at each point. Black line: where the two class scores "
                "of x·W + b are equal, (W[:,0] − W[:,1])·x + (b0 − b1) = 0. They coincide: one straight line."
            ),
        )
        pi = self.plot.getPlotItem()
        pi.setLabel("bottom", "x₀")
        pi.setLabel("left", "x₁")
        pi.setMenuEnabled(False)
        self._image = pg.ImageItem(axisOrder="row-major")
        self._image.setLevels([0, 255])
        pi.addItem(self._image)
        self._points = []
        self._points_for = None
        self._line = pg.InfiniteLine(pen=pg.mkPen("k", width=3), movable=False)
        pi.addItem(self._line)
        self._line.setZValue(10)
        self._ghosts = []
        self._legend = pi.addLegend(offset=(-10, 10), brush=pg.mkBrush(255, 255, 255, 215), pen=pg.mkPen("#999"))
        self._legend.addItem(pg.PlotDataItem(pen=pg.mkPen("k", width=3)), self.tr("x·W + b: both scores equal"))
        self._legend.addItem(
            pg.PlotDataItem(pen=_ghost_pen()), self.tr("the same line earlier (every %n steps)", "", GHOST_EVERY)
        )
        pi.setTitle(self.tr("shading: what the stack predicts · line: the collapsed x·W + b"), size="10pt")
        self._no_picture = pg.TextItem("", color="k", anchor=(0.5, 0.5))
        pi.addItem(self._no_picture)
        split.addWidget(self.plot)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([520, 560])
        layout.addWidget(split, 1)

        self.accuracyLabel = named(
            QLabel(),
            "collapseAccuracyLabel",
            self.tr("Training accuracy"),
            self.tr("Accuracy of the linear network on the training set."),
        )
        self.accuracyLabel.setWordWrap(True)
        layout.addWidget(self.accuracyLabel)
        self._update_train_button()

    # -- public -----------------------------------------------------------------------------------------
    @property
    def trainer(self):
        """This lab's own (linear) trainer."""
        return self._trainer

    @property
    def training(self):
        return self._timer.isActive()

    def set_trainer(self, trainer: Trainer):
        """The main window's trainer changed. If its network is linear, show a copy of it; otherwise keep
        what is shown and offer ``makeLinearButton``."""
        self._source = trainer
        if trainer is not None and trainer.dataset.task == "regression":
            self._source = None  # (values to fit: no classes, no decision boundary to collapse)
            self._update_source()
        elif trainer is not None and _is_linear(trainer.config):
            self.make_linear()
        else:
            self._update_source()

    def make_linear(self):
        """Copy the main window's network into the lab (with h(x) = x if it had another activation)."""
        src = self._source
        if src is None:
            return
        self.stop()
        config = _collapsible(src.config)
        if _is_linear(config) and config == src.config:
            # Backprop, whatever the main window uses: 500 numerical-gradient steps would take too long here.
            tr = Trainer(config.replace(gradient="backprop"), eval_every=0, dataset=src.dataset)
            tr.network.flat_params[...] = src.network.flat_params
            self._origin = arg(self.tr("a copy of the main window's network at step %1"), src.step_count)
        else:
            config = config.replace(activation="identity", gradient="backprop")
            tr = Trainer(config, eval_every=0, dataset=src.dataset)
            self._origin = arg(
                self.tr("the main window's layers with h(x) = x instead of %1, new weights"), src.config.activation
            )
        self._trainer = tr
        self._clear_ghosts()
        self._update_source()
        self.refresh()

    def set_config(self, config: Config):
        """Show a fresh network made from ``config`` (its activation is replaced by identity)."""
        self.stop()
        config = config.replace(gradient="backprop")
        if not _is_linear(config):
            config = config.replace(activation="identity")
        self._trainer = Trainer(config, eval_every=0)
        self._clear_ghosts()
        self._origin = self.tr("a new network")
        self._update_source()
        self.refresh()

    def train(self, steps=TRAIN_STEPS):
        """Start training the lab's network for ``steps`` more steps, a little per timer tick."""
        self._target = self._trainer.step_count + int(steps)
        if self._trainer.diverged is None:
            self._add_ghost()
            self._timer.start()
        self._update_train_button()

    def stop(self):
        self._timer.stop()
        self._update_train_button()

    def toggle_training(self):
        if self.training:
            self.stop()
        else:
            self.train()

    def reset(self):
        self.stop()
        self._trainer.reset()
        self._clear_ghosts()
        self.refresh()

    def shutdown(self):
        self._timer.stop()
        self._job_timer.stop()
        self._job = None

    def collapsed(self):
        """(W, b) of the lab's network."""
        return collapse_linear(self._trainer.network)

    def boundary_line(self):
        """(w, w0): class 0 scores higher where w·x + w0 > 0; None unless the data is 2-D with 2 classes."""
        W, b = self.collapsed()
        if W.shape != (2, 2):
            return None
        return linear_boundary(W, b)

    def proof(self):
        """max |stack − collapsed| over the samples the lab checks (all of them, or a fixed random subset of
        ``MAX_SAMPLES``): (scores, outputs after the output function). Computed now, in one go (for tests and
        scripts: the lab itself shows the same figures, computed in chunks for a costly network)."""
        net = self._trainer.network
        x, _, n_train = self._sample()
        job = self._compute(net, x, np.empty((0, 2)), n_train)
        result = _finish(job)
        return result["d_scores"], result["d_out"]

    @property
    def computing(self):
        """True while a chunked computation (a big network's picture and proof) is in progress."""
        return self._job is not None

    # -- work -------------------------------------------------------------------------------------------
    def _steps_per_tick(self):
        """Steps in one tick: ``steps_per_tick``, fewer for a costly network (as many as ``TICK_WORK`` holds,
        at least one)."""
        tr = self._trainer
        step_work = 3 * tr.batch_size * forward_work(tr.network)  # (forward, and backward twice that)
        return max(1, min(self.steps_per_tick, int(TICK_WORK // step_work)))

    def _tick(self):
        tr = self._trainer
        if tr.step_count < self._target and tr.diverged is None:
            before = tr.step_count
            tr.step(min(self._steps_per_tick(), self._target - tr.step_count))
            if before // GHOST_EVERY != tr.step_count // GHOST_EVERY:
                self._add_ghost()
        if tr.step_count >= self._target or tr.diverged is not None:
            self._timer.stop()
            self._update_train_button()
        self.refresh()

    def _add_ghost(self):
        if not self._line.isVisible():
            return
        pi = self.plot.getPlotItem()
        if len(self._ghosts) >= MAX_GHOSTS:
            pi.removeItem(self._ghosts.pop(0))
        ghost = pg.InfiniteLine(pos=self._line.pos(), angle=self._line.angle, pen=_ghost_pen(), movable=False)
        ghost.setZValue(4)
        pi.addItem(ghost)
        self._ghosts.append(ghost)

    def _clear_ghosts(self):
        pi = self.plot.getPlotItem()
        for ghost in self._ghosts:
            pi.removeItem(ghost)
        self._ghosts = []

    def _sample(self):
        """(x, t of its training part, number of training samples first in x): every sample of the data set,
        or a fixed random subset of ``MAX_SAMPLES`` of a bigger one, training samples first."""
        ds = self._trainer.dataset
        if self._sample_for is None or self._sample_for[0] is not ds:
            n_train, n_test = len(ds.x_train), len(ds.x_test)
            n = n_train + n_test
            idx = np.arange(n) if n <= MAX_SAMPLES else np.sort(np.random.default_rng(0).choice(n, MAX_SAMPLES, False))
            train_idx, test_idx = idx[idx < n_train], idx[idx >= n_train] - n_train
            x = np.concatenate([ds.x_train[train_idx], ds.x_test[test_idx]])
            self._sample_for = (ds, x, ds.t_train[train_idx], len(train_idx))
        return self._sample_for[1:]

    def _behind(self):
        """True while the lab is a page behind another tab (a lab on its own, never shown, still computes)."""
        return self.parentWidget() is not None and not self.isVisible()

    def showEvent(self, event):
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _update_train_button(self):
        if self.training:
            self.trainButton.setText(arg(self.tr("Stop (%1 steps to go)"), self._target - self.step_count))
        else:
            self.trainButton.setText(self.tr("Train %n steps", "", TRAIN_STEPS))

    @property
    def step_count(self):
        return self._trainer.step_count

    def _update_source(self):
        src = self._source
        text = arg(self.tr("Showing %1."), self._origin)
        if src is not None and not _is_linear(src.config):
            text += " " + arg(
                self.tr("The main window's network uses %1, which is not linear: it does not collapse."),
                src.config.activation,
            )
            self.makeLinearButton.setText(self.tr("Make a linear copy of the main window's network"))
        else:
            self.makeLinearButton.setText(self.tr("Copy the main window's network"))
        self.makeLinearButton.setEnabled(src is not None)
        self.sourceLabel.setText(text)

    def refresh(self):
        """Redraw everything from the lab's network: the shapes, the equation, the matrix and the line at once;
        the stack's own outputs (the proof in numbers, the shaded picture, the accuracy) at once for a small
        network, in chunks (one per timer event) for a costly one. Behind another tab, later, when shown."""
        if self._behind():
            self._stale = True
            return
        self._stale = False
        tr = self._trainer
        net = tr.network
        W, b = collapse_linear(net)
        self._show_shapes(net, W)
        self._show_equation(net.n_layers)
        self._show_table(W, b)
        self._show_line(W, b)
        self._update_train_button()
        key = (tr.dataset, tuple(net.sizes))
        if self._job is not None and self._job_key == key:
            self._again = True  # (the job in progress ends first; then another, with the network as it is then)
            return
        self._job = None  # (a job for other data or another network is of no use any more)
        self._job_timer.stop()
        self._job_key = key
        x, _, n_train = self._sample()
        grid = self._grid_points(net)
        work = forward_work(net) * (len(x) + len(grid))
        if work <= CHUNK_WORK:
            self._show_result(_finish(self._compute(net, x, grid, n_train)))
            return
        # A copy of the weights: training may go on between the chunks, and the picture must show one network.
        self._job = self._compute(clone_network(net), x, grid, n_train, step=tr.step_count)
        if self._shown_key != key:  # (what is shown is about another network: say that it is coming)
            self.proofLabel.setText(
                arg(self.tr("<b>Proof in numbers</b>: running the stack on %1 samples…"), f"{len(x):,}")
            )
            self.accuracyLabel.setText(arg(self.tr("Step %1: measuring the training accuracy…"), tr.step_count))
        self._job_timer.start()

    def _job_step(self):
        """One chunk of the computation in progress (one timer event)."""
        if self._job is None:
            self._job_timer.stop()
            return
        try:
            next(self._job)
            self.chunks_done += 1
        except StopIteration as done:
            self._job = None
            self._job_timer.stop()
            self._show_result(done.value)
            if self._again:
                self._again = False
                self.refresh()

    def _grid_points(self, net):
        """The picture's grid points (G², 2), or none when the data is not 2-D."""
        ds = self._trainer.dataset
        if ds.n_features != 2:
            return np.empty((0, 2))
        lo, hi = self._extent()
        g = grid_size(net)
        xx, yy = np.meshgrid(np.linspace(lo[0], hi[0], g), np.linspace(lo[1], hi[1], g))
        return np.column_stack([xx.ravel(), yy.ravel()])

    def _extent(self):
        ds = self._trainer.dataset
        parts = [p for p in (ds.x_train, ds.x_test) if len(p)]
        lo = np.min([p.min(axis=0) for p in parts], axis=0) - 0.25
        hi = np.max([p.max(axis=0) for p in parts], axis=0) + 0.25
        return lo, hi

    def _compute(self, net, x, grid, n_train, step=None):
        """The stack's outputs on the samples and the grid, in chunks of ``CHUNK_WORK`` (a generator that
        yields after each chunk and returns what ``_show_result`` shows)."""
        dataset, step = self._trainer.dataset, self._trainer.step_count if step is None else step
        _, t, _ = self._sample()
        result = yield from collapse_evidence(net, x, t, grid, CHUNK_WORK // forward_work(net))
        side = math.isqrt(len(grid))
        return {**result, "n": len(x), "side": side, "n_train": n_train, "dataset": dataset, "step": step,
                "output": net.output, "sizes": net.sizes}  # fmt: skip

    def _show_result(self, r):
        W = r["W"]
        ds = self._trainer.dataset
        if r["dataset"] is not ds:
            return
        self._shown_key = (ds, tuple(r["sizes"]))
        total = len(ds.x_train) + len(ds.x_test)
        out_name = "softmax" if r["output"] == "softmax" else self.tr("the identity output")
        color = "#1b7a1b" if r["d_scores"] < 1e-9 * max(1.0, float(np.abs(W).max(initial=0))) else "#c00000"
        if r["n"] == total:
            where = arg(self.tr("on all %1 samples"), f"{total:,}")
        else:
            where = arg(self.tr("on %1 of the %2 samples (a fixed random subset)"), f"{r['n']:,}", f"{total:,}")
        self.proofLabel.setText(
            arg(
                self.tr(
                    "<b>Proof in numbers</b> %1: max |stack scores − (x·W + b)| = "
                    "<b style='color:%2'>%3</b>; after %4: max |difference| = <b style='color:%2'>%5</b> — "
                    "rounding error only: the stack <i>is</i> one affine map."
                ),
                where,
                color,
                f"{r['d_scores']:.1e}",
                out_name,
                f"{r['d_out']:.1e}",
            )
        )
        self._show_picture(r["grid"], r["side"])
        self._show_accuracy(r)

    def _show_equation(self, n_layers):
        stack, bias = "x·W1 + b1", "b1"
        for i in range(2, n_layers + 1):
            stack = f"({stack})·W{i} + b{i}"
            bias = f"{'(' + bias + ')' if i > 2 else bias}·W{i} + b{i}"
        mats = "·".join(f"W{i}" for i in range(1, n_layers + 1))
        self.equationLabel.setText(
            arg(
                self.tr(
                    "<p style='line-height:140%'>stack: scores = "
                    "%1<br>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;= x·<b>(%2)</b> "
                    "+ <b>(%3)</b><br>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;= "
                    "x·<b>W</b> + <b>b</b></p>"
                ),
                stack,
                mats,
                bias,
            )
        )

    def _show_shapes(self, net, W):
        mats = " · ".join(f"{net.sizes[i]}×{net.sizes[i + 1]}" for i in range(net.n_layers))
        self.shapesLabel.setText(
            arg(self.tr("%1 = one %2×%3 matrix W  (+ a bias b of %3)"), mats, W.shape[0], W.shape[1])
        )

    def _show_table(self, W, b):
        d, k = W.shape
        ds = self._trainer.dataset
        self.table.setRowCount(d + 1)
        self.table.setColumnCount(k)
        self.table.setHorizontalHeaderLabels([arg(self.tr("class %1"), c) for c in ds.class_names])
        rows = [f"W: {name}" for name in ds.feature_names] + ["b"]
        self.table.setVerticalHeaderLabels(rows)
        scale = max(float(np.abs(W).max(initial=0)), float(np.abs(b).max(initial=0)), 1e-12)
        bias_bg = QColor("#eeeeee")
        for i in range(d + 1):
            values = W[i] if i < d else b
            for j in range(k):
                v = float(values[j])
                item = self.table.item(i, j)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(i, j, item)
                item.setText(f"{v:+.4f}" if abs(v) >= 1e-3 or v == 0 else f"{v:+.2e}")
                strength = min(abs(v) / scale, 1.0)
                c = QColor(POSITIVE if v > 0 else NEGATIVE)
                c.setAlphaF(0.08 + 0.3 * strength)
                item.setBackground(QBrush(bias_bg) if i == d and strength == 0 else QBrush(c))
                if i == d:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
        self.table.resizeRowsToContents()
        frame = 2 * self.table.frameWidth()
        rows_h = sum(self.table.rowHeight(i) for i in range(d + 1))
        self.table.setFixedHeight(min(self.table.horizontalHeader().sizeHint().height() + rows_h + frame + 2, 320))

    def _show_points(self):
        """The scatter of the training samples the lab uses (or, for data that is not 2-D, a note)."""
        ds = self._trainer.dataset
        pi = self.plot.getPlotItem()
        if ds.n_features != 2:
            self._image.hide()
            self._line.hide()
            for item in self._points:
                item.hide()
            self._no_picture.setText(
                arg(
                    self.tr("The data has %1 inputs: no 2-D picture.\nThe proof in numbers holds all the same."),
                    ds.n_features,
                )
            )
            self._no_picture.setPos(0, 0)
            self._no_picture.show()
            pi.setRange(xRange=(-1, 1), yRange=(-1, 1))
            return False
        self._no_picture.hide()
        if not self._points or len(self._points) != ds.n_classes or self._points_for is not ds:
            for item in self._points:
                pi.removeItem(item)
            self._points = []
            x, t, n_train = self._sample()
            x = x[:n_train]
            for c in range(ds.n_classes):
                color = QColor(CLASS_COLORS[c % len(CLASS_COLORS)])
                item = pg.ScatterPlotItem(size=7, pen=pg.mkPen("w", width=0.8), brush=pg.mkBrush(color))
                pi.addItem(item)
                item.setZValue(5)
                sel = t == c
                item.setData(x[sel, 0], x[sel, 1])
                self._points.append(item)
            self._points_for = ds
            lo, hi = self._extent()
            pi.setRange(xRange=(lo[0], hi[0]), yRange=(lo[1], hi[1]), padding=0)
            self._image.hide()  # (a picture of other data)
        for item in self._points:
            item.show()
        return True

    def _show_picture(self, cls, side):
        """Background: the class the stack itself predicts (not the collapsed model), so the picture tests the
        claim."""
        if not self._show_points() or side < 2:
            return
        ds = self._trainer.dataset
        lo, hi = self._extent()
        lut = np.array([_light(CLASS_COLORS[c % len(CLASS_COLORS)]) for c in range(ds.n_classes)], dtype=np.ubyte)
        self._image.setImage(lut[np.clip(cls, 0, ds.n_classes - 1).reshape(side, side)], autoLevels=False)
        dx, dy = (hi[0] - lo[0]) / (side - 1), (hi[1] - lo[1]) / (side - 1)
        self._image.setRect(lo[0] - dx / 2, lo[1] - dy / 2, (hi[0] - lo[0]) + dx, (hi[1] - lo[1]) + dy)
        self._image.show()

    def _show_line(self, W, b):
        """The collapsed model's boundary: where the two class scores of x·W + b are equal."""
        ds = self._trainer.dataset
        if not self._show_points():
            return
        line = linear_boundary(W, b) if ds.n_classes == 2 and W.shape[0] == 2 else None
        self._legend.setVisible(line is not None)
        if line is None or not np.all(np.isfinite(line[0])) or np.hypot(*line[0]) < 1e-300:
            self._line.hide()
            return
        w, w0 = line
        p = -w0 * w / float(w @ w)
        self._line.setPos(pg.Point(float(p[0]), float(p[1])))
        self._line.setAngle(float(np.degrees(np.arctan2(w[0], -w[1]))))
        self._line.show()

    def _show_accuracy(self, r):
        tr = self._trainer
        ds = tr.dataset
        text = arg(self.tr("Step %1: training accuracy %2 %."), r["step"], f"{100 * r['accuracy']:.0f}")
        if r["n_train"] < len(ds.x_train):
            text += " " + arg(
                self.tr("(Measured on %1 of the %2 training samples.)"), f"{r['n_train']:,}", f"{len(ds.x_train):,}"
            )
        if tr.diverged is not None:
            text += " " + core_text(tr.diverged.message_text)
        elif ds.name == "xor":
            text += " " + self.tr(
                "XOR puts opposite corners in the same class: no straight line separates them, so a linear model "
                "gets at most 3 of the 4 clusters right (≤ 75 %) — however long it trains, however many layers."
            )
        elif ds.n_features == 2:
            text += " " + self.tr("Whatever the training does, the boundary can only turn and shift, never bend.")
        self.accuracyLabel.setText(text)


def _finish(job):
    """Run a chunked computation to its end at once; its result."""
    while True:
        try:
            next(job)
        except StopIteration as done:
            return done.value


def _ghost_pen():
    return pg.mkPen(color=(60, 60, 60, 150), width=1.5, style=Qt.PenStyle.DashLine)


def _light(color):
    """A class colour blended 80 % towards white, as RGB bytes."""
    c = QColor(color)
    return [round(255 - 0.25 * (255 - v)) for v in (c.red(), c.green(), c.blue())]
