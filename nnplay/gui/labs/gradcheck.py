"""Lab: gradient check. Backprop against the numerical gradient on the current network (book ch. 5.7).

The numerical gradient needs two forward passes per parameter, so for a big network it runs a little per
timer tick (with a progress bar and Cancel), on a copy of the network: training is never disturbed.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnplay.core.analysis import GOOD_RELATIVE_ERROR, GradientCheck
from nnplay.core.config import Config
from nnplay.core.gradient import H
from nnplay.core.trainer import Trainer
from nnplay.gui.style import BAD, GOOD, WARN, configure_pyqtgraph, layer_color
from nnplay.gui.widgets import arg, core_text, named

TICK_BUDGET = 0.015
"""Seconds of numerical differentiation per timer tick; the window stays responsive in between."""

ENTRY_CHOICES = (2000, 200, None)
"""Entries checked per parameter block: a random sample of at most this many, or all (None)."""

MAX_SCATTER_POINTS = 6000
FAIR = WARN  # (colours with a word beside them: never colour alone)


def format_seconds(s):
    """412 ms, 1.25 s, 25.6 µs."""
    if not np.isfinite(s):
        return "—"
    if s >= 1.0:
        return f"{s:.3g} s"
    if s >= 1e-3:
        return f"{s * 1e3:.3g} ms"
    return f"{s * 1e6:.3g} µs"


def _sig2(x):
    """A speed-up rounded to two significant digits, with thousands separators: 1,400."""
    if not np.isfinite(x) or x <= 0:
        return "—"
    if x < 10:
        return f"{x:.1f}"
    digits = int(np.floor(np.log10(x))) - 1
    return f"{round(x, -digits):,.0f}"


class GradientCheckLab(QWidget):
    """Compares ``network.gradient`` (backprop) with ``network.numerical_gradient`` for the main window's
    current network, block by block, and times both."""

    COLUMNS = 6

    def __init__(self, trainer: Trainer | None = None, parent=None):
        super().__init__(parent)
        configure_pyqtgraph()
        self.setObjectName("gradientCheckLab")
        self._trainer = trainer if trainer is not None else Trainer(Config())
        self._check: GradientCheck | None = None
        self._check_info = ""
        self._shown_keys = set()
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)
        self._build()
        self._update_network_label()

    def title(self):
        return self.tr("Gradient check")

    def figure_step(self):
        """The step of the network checked (for the file names of saved figures)."""
        return self._trainer.step_count

    # -- building ---------------------------------------------------------------------------------------
    def _build(self):
        layout = QVBoxLayout(self)
        intro = QLabel(
            arg(
                self.tr(
                    "<b>Is backpropagation right?</b> Backprop gets every ∂L/∂w from one forward "
                    "and one backward pass. The numerical gradient (L(w + h) − L(w − h)) / 2h, h "
                    "= %1, needs two forward passes <i>per parameter</i>. Both should agree to "
                    "many digits; the timing shows why we use backprop."
                ),
                f"{H:g}",
            )
        )
        intro.setObjectName("gradcheckIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Samples in the batch:")))
        self.batchSpin = named(
            QSpinBox(),
            "gradcheckBatchSpin",
            self.tr("Samples in the batch"),
            self.tr("How many training samples (the first ones) the loss L is computed on; the book uses 3."),
        )
        self.batchSpin.setRange(1, 100)
        self.batchSpin.setValue(3)
        row.addWidget(self.batchSpin)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Entries per parameter:")))
        self.entriesCombo = named(
            QComboBox(),
            "gradcheckEntriesCombo",
            self.tr("Entries checked per parameter"),
            self.tr(
                "How many entries of each parameter (W1, b1, …) get a numerical derivative. A random sample "
                "keeps big networks fast; the full numerical time is then estimated from the sample."
            ),
        )
        for n in ENTRY_CHOICES:
            if n is None:
                self.entriesCombo.addItem(self.tr("all (can be slow)"), 0)
            else:
                self.entriesCombo.addItem(arg(self.tr("at most %1 (random sample)"), f"{n:,}"), n)
        row.addWidget(self.entriesCombo)
        row.addStretch(1)
        layout.addLayout(row)
        row = QHBoxLayout()  # (a second row: the lab fits beside the controls on a small screen)
        self.runButton = named(
            QPushButton(self.tr("Run gradient check")),
            "runGradientCheckButton",
            self.tr("Run gradient check"),
            self.tr(
                "Compute backprop and numerical gradients on a copy of the current network for the batch and "
                "compare them. Training is not disturbed."
            ),
        )
        self.runButton.clicked.connect(self.run)
        row.addWidget(self.runButton)
        self.cancelButton = named(
            QPushButton(self.tr("Cancel")),
            "gradcheckCancelButton",
            self.tr("Cancel gradient check"),
            self.tr("Stop the numerical gradient; the blocks finished so far stay in the table."),
        )
        self.cancelButton.setEnabled(False)
        self.cancelButton.clicked.connect(self.cancel)
        row.addWidget(self.cancelButton)
        self.progress = named(
            QProgressBar(),
            "gradcheckProgress",
            self.tr("Numerical gradient progress"),
            self.tr("Entries of the numerical gradient computed so far (two forward passes each)."),
        )
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat("%p %")
        row.addWidget(self.progress, 1)
        layout.addLayout(row)

        self.networkLabel = QLabel()
        self.networkLabel.setObjectName("gradcheckNetworkLabel")
        self.networkLabel.setWordWrap(True)
        layout.addWidget(self.networkLabel)

        self.timingLabel = named(
            QLabel(self.tr("Press “Run gradient check”.")),
            "gradcheckTimingLabel",
            self.tr("Timings of the two methods"),
            self.tr(
                "Time of one full gradient by each method. Numerical: 2 forward passes × every parameter; "
                "backprop: 1 forward + 1 backward pass for all parameters together."
            ),
        )
        font = QFont(self.timingLabel.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.timingLabel.setFont(font)
        self.timingLabel.setWordWrap(True)
        self.timingLabel.setMinimumHeight(2 * self.timingLabel.fontMetrics().height() + 8)
        self.timingLabel.setStyleSheet(
            "QLabel { background: #f4f8ff; border: 1px solid #b8c9e8; border-radius: 4px; padding: 6px; }"
        )
        layout.addWidget(self.timingLabel)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.table = named(
            QTableWidget(0, self.COLUMNS),
            "gradcheckTable",
            self.tr("Gradient check per parameter"),
            self.tr("One row per parameter block: how far backprop and the numerical gradient are apart."),
        )
        headers = [
            (self.tr("Parameter"), self.tr("The parameter block: Wi is layer i's weight matrix, bi its bias.")),
            (self.tr("Shape"), self.tr("Rows × columns of the block (fan-in × fan-out for W).")),
            (self.tr("Entries\nchecked"), self.tr("How many entries got a numerical derivative.")),
            (
                self.tr("max |backprop\n− numerical|"),
                self.tr("The largest absolute difference over the checked entries."),
            ),
            (
                self.tr("Relative\nerror"),
                self.tr(
                    "relative error = |a − b| / max(|a| + |b|, ε), a = backprop, b = numerical, |·| the length "
                    "(Euclidean norm) of the whole block, ε = 1e-12.\nScale-free: below 1e-6 (green) the two "
                    "agree; backprop with h = 1e-4 typically reaches 1e-9 … 1e-11."
                ),
            ),
            (
                self.tr("largest\n|∂L/∂w|"),
                self.tr("The size of the gradient itself, to compare the difference with."),
            ),
        ]
        for col, (text, tip) in enumerate(headers):
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            self.table.setHorizontalHeaderItem(col, item)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        split.addWidget(self.table)

        self.scatter = named(
            pg.PlotWidget(),
            "gradcheckScatterPlot",
            self.tr("Numerical against backprop gradient"),
            self.tr("Each dot is one checked entry: backprop on x, numerical on y. Agreement puts it on y = x."),
        )
        pi = self.scatter.getPlotItem()
        pi.setTitle(self.tr("every checked entry: numerical vs backprop"))
        pi.setLabel("bottom", self.tr("backprop ∂L/∂w"))
        pi.setLabel("left", self.tr("numerical ∂L/∂w"))
        pi.showGrid(x=True, y=True, alpha=0.3)
        for axis in ("bottom", "left"):
            pi.getAxis(axis).enableAutoSIPrefix(False)
        self._legend = pi.addLegend(offset=(10, 10))
        self._diagonal = pi.plot([], [], pen=pg.mkPen("#888888", width=1, style=Qt.PenStyle.DashLine))
        self._scatter_items = []
        split.addWidget(self.scatter)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([660, 420])
        layout.addWidget(split, 1)

        self.noteLabel = QLabel()
        self.noteLabel.setObjectName("gradcheckNoteLabel")
        self.noteLabel.setWordWrap(True)
        self.noteLabel.hide()
        layout.addWidget(self.noteLabel)

    # -- public -----------------------------------------------------------------------------------------
    def set_trainer(self, trainer: Trainer):
        """Check this trainer's network from now on (a check already running goes on with its copy)."""
        self._trainer = trainer
        self._update_network_label()

    @property
    def trainer(self):
        return self._trainer

    @property
    def running(self):
        return self._timer.isActive()

    def result(self):
        """The last (possibly partial) ``GradientCheckResult``, or None before the first run."""
        return self._check.result() if self._check is not None else None

    def run(self):
        """Start a gradient check of the current network (backprop at once, numerical per timer tick)."""
        self.cancel()
        tr = self._trainer
        ds = tr.dataset
        n = min(self.batchSpin.value(), len(ds.x_train))
        if n == 0:
            self._show_message(self.tr("The training set is empty: there is nothing to compute a loss on."))
            return
        max_entries = self.entriesCombo.currentData() or None
        try:
            with np.errstate(all="ignore"):
                self._check = GradientCheck(tr.network, tr.x_train[:n], tr.t_train[:n], max_entries=max_entries)
        except (ValueError, FloatingPointError) as e:
            self._show_message(core_text(e))
            return
        net = tr.network
        self._check_info = arg(
            self.tr("Checked: network %1 (%2 activation) at training step %3, on %4 samples."),
            "-".join(str(s) for s in net.sizes),
            net.activation,
            tr.step_count,
            n,
        )
        self._shown_keys = set()
        self.table.setRowCount(0)
        self.noteLabel.hide()
        self._clear_scatter()
        self.progress.setValue(0)
        self.timingLabel.setText(
            arg(
                self.tr("backprop: %1 — numerical gradient running (%2 forward passes)…"),
                format_seconds(self._check.backprop_seconds),
                f"{2 * self._check.total:,}",
            )
        )
        self.runButton.setEnabled(False)
        self.cancelButton.setEnabled(True)
        self._update_network_label()
        self._timer.start()

    def cancel(self):
        """Stop a running check; what is finished stays shown."""
        if not self._timer.isActive():
            return
        self._timer.stop()
        self.runButton.setEnabled(True)
        self.cancelButton.setEnabled(False)
        check = self._check
        self._show_rows()
        self.timingLabel.setText(
            arg(
                self.tr("Cancelled after %1 of %2 entries. backprop: %3"),
                f"{check.done_entries:,}",
                f"{check.total:,}",
                format_seconds(check.backprop_seconds),
            )
        )

    def shutdown(self):
        """Stop the timer (the main window calls this when the tab closes)."""
        self._timer.stop()

    # -- work -------------------------------------------------------------------------------------------
    def _tick(self):
        check = self._check
        with np.errstate(all="ignore"):
            done = check.advance(max_seconds=TICK_BUDGET)
        self.progress.setValue(round(1000 * check.progress))
        self._show_rows()
        if done:
            self._timer.stop()
            self.runButton.setEnabled(True)
            self.cancelButton.setEnabled(False)
            self._show_result()
        else:
            rate = check.done_entries / max(check.result().numerical_seconds + 1e-9, 1e-9)
            left = (check.total - check.done_entries) / rate if check.done_entries else float("nan")
            self.progress.setFormat(
                arg(self.tr("%1: %p % — about %2 left"), check.current_key or "", format_seconds(left))
                if np.isfinite(left)
                else "%p %"
            )

    def _show_rows(self):
        result = self._check.result()
        for key, e in result.items():
            if key in self._shown_keys:
                continue
            self._shown_keys.add(key)
            r = self.table.rowCount()
            self.table.insertRow(r)
            checked = (
                f"{e.checked:,}" if not e.sampled else arg(self.tr("sampled %1 of %2"), f"{e.checked:,}", f"{e.size:,}")
            )
            rel = e.relative_error
            cells = [
                key,
                " × ".join(str(s) for s in e.shape),
                checked,
                f"{e.max_abs_diff:.1e}",
                f"{rel:.1e}",
                f"{e.max_abs_grad:.2e}",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, col, item)
            rel_item = self.table.item(r, 4)
            color = GOOD if rel < GOOD_RELATIVE_ERROR else FAIR if rel < 1e-3 else BAD
            rel_item.setForeground(QBrush(QColor(color)))
            font = rel_item.font()
            font.setBold(True)
            rel_item.setFont(font)
            rel_item.setToolTip(
                arg(
                    self.tr("|a − b| / max(|a| + |b|, ε) = %1 / %2 = %3 (green below 1e-6)"),
                    f"{np.linalg.norm(e.backprop - e.numerical):.2e}",
                    f"{max(np.linalg.norm(e.backprop) + np.linalg.norm(e.numerical), 1e-12):.2e}",
                    f"{rel:.1e}",
                )
            )
            self._add_scatter(key, e)

    def _clear_scatter(self):
        pi = self.scatter.getPlotItem()
        for item in self._scatter_items:
            pi.removeItem(item)
        self._scatter_items = []
        self._legend.clear()
        self._diagonal.setData([], [])
        self._range = [np.inf, -np.inf]

    def _add_scatter(self, key, e):
        n_layers = self._check.network.n_layers
        layer = int(key[1:]) - 1
        a, b = e.backprop, e.numerical
        n_blocks = 2 * n_layers
        cap = max(MAX_SCATTER_POINTS // n_blocks, 50)
        if len(a) > cap:
            pick = np.random.default_rng(0).choice(len(a), cap, replace=False)
            a, b = a[pick], b[pick]
        color = layer_color(layer, n_layers)
        symbol = "o" if key.startswith("W") else "t"
        item = pg.ScatterPlotItem(a, b, size=6, pen=None, brush=pg.mkBrush(color), symbol=symbol)
        self.scatter.getPlotItem().addItem(item)
        item.setZValue(n_layers - layer)  # layer 1, where the gradients are smallest, on top
        self._legend.addItem(item, key)
        self._scatter_items.append(item)
        if len(a):
            lo, hi = float(min(a.min(), b.min())), float(max(a.max(), b.max()))
            if np.isfinite(lo) and np.isfinite(hi):
                self._range = [min(self._range[0], lo), max(self._range[1], hi)]
                self._diagonal.setData(self._range, self._range)

    def _show_result(self):
        check = self._check
        result = check.result()
        if result.sampled:
            numerical = arg(
                self.tr("numerical: ≈ %1 (estimated from %2 of %3 entries: %4 measured)"),
                format_seconds(result.numerical_seconds_full),
                f"{result.n_checked:,}",
                f"{result.n_params:,}",
                format_seconds(result.numerical_seconds),
            )
        else:
            numerical = arg(self.tr("numerical: %1"), format_seconds(result.numerical_seconds))
        self.timingLabel.setText(
            arg(
                self.tr("%1, backprop: %2 — backprop is %3× faster"),
                numerical,
                format_seconds(result.backprop_seconds),
                _sig2(result.speedup),
            )
        )
        self.progress.setFormat(arg(self.tr("done: %1 forward passes"), f"{2 * result.n_checked:,}"))
        self.progress.setValue(1000)
        self._show_note(result, check.network.activation)

    def _show_note(self, result, activation):
        worst_key = max(result, key=lambda k: result[k].relative_error, default=None)
        worst = result.max_relative_error
        if worst_key is None:
            self.noteLabel.hide()
            return
        if worst < GOOD_RELATIVE_ERROR:
            digits = int(np.floor(-np.log10(max(worst, 1e-16))))
            text = arg(
                self.tr(
                    "<span style='color:%1'>✓ Backprop agrees with the numerical gradient to "
                    "about %2 digits for every parameter: the backward pass is correct.</span> %3"
                ),
                GOOD,
                digits,
                self._check_info,
            )
        elif activation in ("relu", "step"):
            text = arg(
                self.tr(
                    "<span style='color:%1'><b>%2 differs (relative error %3).</b></span> %4 has "
                    "a kink at x = 0: where a pre-activation x·W + b lies within h = %5 of 0, L(w "
                    "+ h) and L(w − h) sit on different sides of the kink, so the central "
                    "difference measures a slope between the two one-sided derivatives while "
                    "backprop uses one of them. That is not a bug in backprop; try another batch "
                    "or seed. %6"
                ),
                BAD,
                worst_key,
                f"{worst:.1e}",
                "ReLU" if activation == "relu" else self.tr("The step function"),
                f"{H:g}",
                self._check_info,
            )
        elif result[worst_key].max_abs_grad < 1e-7:
            text = arg(
                self.tr(
                    "<span style='color:%1'><b>%2 differs (relative error %3)</b></span> but its "
                    "gradient is tiny (largest |∂L/∂w| = %4): the numerical gradient subtracts "
                    "two nearly equal losses and loses most digits to rounding (vanishing "
                    "gradients make it unreliable). %5"
                ),
                FAIR,
                worst_key,
                f"{worst:.1e}",
                f"{result[worst_key].max_abs_grad:.1e}",
                self._check_info,
            )
        else:
            text = arg(
                self.tr(
                    "<span style='color:%1'><b>%2 differs (relative error %3).</b></span> Either "
                    "the loss is strongly curved on the scale h = %4 (e.g. saturated units), or "
                    "the backward pass has a bug. %5"
                ),
                BAD,
                worst_key,
                f"{worst:.1e}",
                f"{H:g}",
                self._check_info,
            )
        self.noteLabel.setText(text)
        self.noteLabel.show()

    def _show_message(self, text):
        self.noteLabel.setText(f"<span style='color:{BAD}'>{text}</span>")
        self.noteLabel.show()

    def _update_network_label(self):
        tr = self._trainer
        net = tr.network
        n = net.flat_params.size
        self.networkLabel.setText(
            arg(
                self.tr(
                    "Main window's network: %1 (%2), %3 parameters at step %4 → the numerical "
                    "gradient needs 2 × %3 = %5 forward passes, backprop needs 1 forward + 1 "
                    "backward pass."
                ),
                "-".join(str(s) for s in net.sizes),
                net.activation,
                f"{n:,}",
                tr.step_count,
                f"{2 * n:,}",
            )
        )
        self.batchSpin.setMaximum(max(1, min(100, len(tr.dataset.x_train))))
