"""Loss and accuracy over the steps: the first thing to look at (book ch. 4.5, 6)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from nnplay.core.trainer import EVAL_COLUMNS
from nnplay.gui.panels._common import (
    LABEL_STYLE,
    MUTED,
    FractionAxis,
    HistoryCurves,
    LogAxis,
    Readout,
    StepAxes,
    make_plot,
    named,
)
from nnplay.gui.style import BAD
from nnplay.gui.widgets import LiveLabel

BATCH_COLOR = "#b4bfd0"
BATCH_PEN = pg.mkPen(BATCH_COLOR, width=1)
TRAIN_COLOR = "#222222"  # train: dark and solid; test: vermillion and dashed (not colour alone)
TEST_COLOR = "#D55E00"
TRAIN_PEN = pg.mkPen(TRAIN_COLOR, width=2.5)
TEST_PEN = pg.mkPen(TEST_COLOR, width=2.5, style=Qt.PenStyle.DashLine)
TOTAL_COLOR = "#0072B2"  # train loss + the weight-decay term: Okabe–Ito blue, dotted (not colour alone)
TOTAL_PEN = pg.mkPen(TOTAL_COLOR, width=2.5, style=Qt.PenStyle.DotLine)
DIVERGED_COLOR = BAD
LEFT_AXIS_WIDTH = 58  # pixels: room for "10⁻²" or "0.55" and the axis label
LOSSES = ("train_loss", "test_loss")
ACCURACIES = ("train_accuracy", "test_accuracy")
R2S = ("train_r2", "test_r2")
R2_RANGE = (-1.0, 1.0)
"""The R² plot's view: 1 is a perfect fit, 0 is no better than predicting the mean; worse leaves it at the bottom."""


class LossPanel(QWidget):
    """Batch loss at every step, train/test loss and accuracy at every evaluation."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lossPanel")
        self._seen = None  # (history, rows, last step, evaluations, divergence) at the last drawing
        self._readout = Readout()
        self._has_test = True
        self._trainer = None
        self._n_classes = None
        self._regression = False
        self._decay = False

        # Two lines that never resize the plots as the numbers change (the tooltip has the whole text too).
        self.summaryLabel = LiveLabel(lines=2, color=MUTED)
        self.summaryLabel.setObjectName("lossSummaryLabel")
        self.summaryLabel.setAccessibleName(self.tr("Latest loss and accuracy"))
        self.logCheck = named(
            QCheckBox(self.tr("log scale")),
            "lossLogCheck",
            self.tr("Logarithmic loss axis"),
            self.tr(
                "Show the loss on a logarithmic axis: equal distances mean equal factors, so the slow end of "
                "training (0.1 → 0.01) stays visible."
            ),
        )
        self.logCheck.setChecked(True)
        self.logCheck.toggled.connect(self._on_log)

        self.lossPlot = make_plot(
            "lossPlot",
            self.tr("Loss over training steps"),
            self.tr(
                "Loss L over the training steps.\n"
                "Thin line: loss of each mini-batch (noisy).\n"
                "Thick lines: loss on the whole training set and on the held-out test set, at every evaluation.\n"
                "Cross-entropy L = −(1/N) Σₙ Σₖ tₙₖ log yₙₖ; test above train means over-fitting."
            ),
            left=self.tr("loss L"),
            axis_items={"left": LogAxis("left")},
        )
        lp = self.lossPlot.getPlotItem()
        # Redrawn when the student zooms or pans the steps (on the accuracy plot too: linked below).
        self._axes = StepAxes(lp, self._redraw, y_empty=(-2.0, 0.5))
        self._xrange, self._yrange = self._axes.x, self._axes.y
        self.batchLine = HistoryCurves(lp, self._xrange, [(BATCH_PEN, self.tr("mini-batch loss"), False)])
        self.evalLossLines = HistoryCurves(
            lp,
            self._xrange,
            [
                (TRAIN_PEN, self.tr("train loss")),
                (TEST_PEN, self.tr("test loss")),
                (TOTAL_PEN, self.tr("train loss + weight decay")),
            ],
        )
        self.batchCurve = self.batchLine.curves[0]
        self.trainLossCurve, self.testLossCurve, self.totalLossCurve = self.evalLossLines.curves
        self.divergedLine = pg.InfiniteLine(
            angle=90, pen=pg.mkPen(DIVERGED_COLOR, width=1.5, style=Qt.PenStyle.DashLine)
        )
        self.divergedLine.setToolTip(self.tr("The loss exploded here (see the summary above)"))
        lp.addItem(self.divergedLine, ignoreBounds=True)
        self.divergedLine.hide()

        self.accuracyPlot = make_plot(
            "accuracyPlot",
            self.tr("Accuracy over training steps"),
            self.tr(
                "Accuracy = fraction of samples whose largest output is the correct class (0 to 1), on the training "
                "set and on the test set, at every evaluation. The dotted line is chance level, 1/K for K classes."
            ),
            bottom=self.tr("step"),
            left=self.tr("accuracy"),
            axis_items={"left": FractionAxis("left")},
        )
        self._accuracy_tip = self.accuracyPlot.toolTip()
        ap = self.accuracyPlot.getPlotItem()
        ap.setYRange(0, 1.0, padding=0.08)
        ap.setMouseEnabled(y=False)
        ap.hideButtons()  # its x follows the loss plot (use that one's "A"); its y is always 0 … 1
        ap.enableAutoRange(y=False)
        self.accuracyLines = HistoryCurves(
            ap,
            self._xrange,
            [(TRAIN_PEN, self.tr("train accuracy")), (TEST_PEN, self.tr("test accuracy"))],
        )
        self.trainAccCurve, self.testAccCurve = self.accuracyLines.curves
        self.chanceLine = pg.InfiniteLine(pos=0.5, angle=0, pen=pg.mkPen("#888", width=1, style=Qt.PenStyle.DotLine))
        ap.addItem(self.chanceLine, ignoreBounds=True)
        ap.setXLink(lp)
        self._xrange.linked.append(ap.getViewBox())
        # The steps are read on the accuracy plot's axis (the two share it), and both left axes are as wide, so
        # that a step is at the same place on both; the loss plot's height goes to its curves.
        lp.getAxis("bottom").setStyle(showValues=False)
        for plot in (lp, ap):
            plot.getAxis("left").setWidth(LEFT_AXIS_WIDTH)
        self.lossPlot.setMinimumHeight(85)
        self.accuracyPlot.setMinimumHeight(75)

        # The legend is a row of its own above the plots: inside, it hid the rising test loss (over-fitting).
        self.legendLabel = named(
            QLabel(),
            "lossLegend",
            self.tr("What the lines are"),
            self.tr(
                "Thin grey line: the loss of each mini-batch. Dark solid line: the whole training set. Dashed "
                "vermillion line: the held-out test set (when it rises while the training loss falls, the network "
                "over-fits). Dotted line: chance level."
            ),
        )
        self.legendLabel.setTextFormat(Qt.TextFormat.RichText)
        self.legendLabel.setWordWrap(True)  # (a narrow panel: two lines rather than a wider window)
        self.legendLabel.setStyleSheet(f"color: {MUTED};")
        self._show_legend(2)

        head = QHBoxLayout()
        head.setContentsMargins(4, 0, 4, 0)
        head.addWidget(self.summaryLabel, 1)
        head.addWidget(self.logCheck)
        legend = QHBoxLayout()
        legend.setContentsMargins(4, 0, 4, 0)
        legend.addWidget(self.legendLabel, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("lossSplitter")
        split.addWidget(self.lossPlot)
        split.addWidget(self.accuracyPlot)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(head)
        lay.addLayout(legend)
        lay.addWidget(split, 1)
        self._on_log(True)

    # -- public ------------------------------------------------------------------------------------------
    def loss_point_count(self):
        """Number of mini-batch losses the plot has taken in (the history's length for the first 65,536
        steps); at most ``2 * MAX_BUCKETS`` of them are drawn, as the minimum and maximum of each bucket."""
        return self.batchLine.rows

    def update_from(self, trainer, paced=False):
        """Redraw for the trainer's current step; with ``paced`` (fast play) the line of numbers above the plot
        follows at most every ``READOUT_INTERVAL`` seconds."""
        self._trainer = trainer
        h = trainer.history
        key = (h, len(h.steps), h.last_step, len(h.evals), trainer.diverged)
        if self._seen is not None and all(a is b or a == b for a, b in zip(key, self._seen, strict=True)):
            if self._readout.pending and self._readout.due(paced):
                self._update_summary(trainer, len(trainer.dataset.x_test) > 0)
            return
        self._seen = key
        with self._axes.drawing(h):
            self._draw_lines(trainer, paced)

    def _draw_lines(self, trainer, paced=False):
        h = trainer.history
        log = self.logCheck.isChecked()
        x = h.step_x
        self._xrange.follow(0, x[-1] if len(x) else 1)
        # The mini-batch's data loss (with weight decay the term is in the dotted total line), comparable with the
        # train and test losses.
        y, lo, hi, logmean, weight = h.summary("data_loss")
        self.batchLine.update((h,), x, y, log, lo=lo, hi=hi, logmean=logmean, weight=weight)
        evals = h.evals.y
        regression = trainer.dataset.task == "regression"
        if regression != self._regression:
            self._show_task(regression)
        losses = evals[:, [EVAL_COLUMNS.index(c) for c in LOSSES]]
        # The total (what the update descends) = train data loss + ½λΣW²: drawn where there is a term to add.
        penalty = evals[:, EVAL_COLUMNS.index("penalty")]
        total = np.where(penalty > 0, losses[:, 0] + penalty, np.nan)
        self.evalLossLines.update((h,), h.evals.x, np.column_stack([losses, total]), log)
        scores = R2S if regression else ACCURACIES
        self.accuracyLines.update((h, regression), h.evals.x, evals[:, [EVAL_COLUMNS.index(c) for c in scores]])
        lo, hi = self.batchLine.value_range()
        elo, ehi = self.evalLossLines.value_range()
        lo, hi = np.fmin(lo, elo), np.fmax(hi, ehi)
        self._yrange.follow(lo, hi)
        has_test = len(trainer.dataset.x_test) > 0
        k = trainer.dataset.n_classes
        decay = trainer.config.weight_decay > 0 or bool(np.any(penalty > 0))
        if has_test != self._has_test or k != self._n_classes or decay != self._decay:  # (repaints the plot)
            self._has_test = has_test
            self._n_classes = k
            self._decay = decay
            self.chanceLine.setValue(1.0 / k if k else 0.0)
            self._show_legend(k)
        dv = trainer.diverged
        self.divergedLine.setVisible(dv is not None)
        if dv is not None and self.divergedLine.value() != dv.step:
            self.divergedLine.setValue(dv.step)
        if self._readout.due(paced):
            self._update_summary(trainer, has_test)

    # -- internals ---------------------------------------------------------------------------------------
    def _show_legend(self, k):
        def swatch(color, glyph, text):
            return f"<span style='color:{color}'><b>{glyph}</b></span>&nbsp;{text}"

        test = self.tr("test") if self._has_test else self.tr("test (no test set)")
        parts = [
            swatch(BATCH_COLOR, "━", self.tr("mini-batch loss")),
            swatch(TRAIN_COLOR, "━", self.tr("train")),
            swatch(TEST_COLOR, "╍╍", test),
        ]
        if self._decay:
            parts.append(swatch(TOTAL_COLOR, "┅┅", self.tr("train + weight decay (the total)")))
        if self._regression:
            parts.append(swatch("#888888", "┈┈", self.tr("R² = 0: the mean")))
        else:
            parts.append(swatch("#888888", "┈┈", self.tr("chance 1/{k}").format(k=k)))
        self.legendLabel.setText(" &nbsp; ".join(parts))

    def _show_task(self, regression):
        """Accuracy for classes, R² for values (regression)."""
        self._regression = regression
        ap = self.accuracyPlot.getPlotItem()
        if regression:
            ap.setYRange(*R2_RANGE, padding=0.05)
            ap.getAxis("left").setTicks([[(v, f"{v:g}") for v in (-1, -0.5, 0, 0.5, 1)]])
            ap.setLabel("left", self.tr("R²"), **LABEL_STYLE)
            self.chanceLine.setValue(0.0)
            self.accuracyPlot.setToolTip(
                self.tr(
                    "R² = 1 − Σ(y − t)² / Σ(t − t̄)² on the training and the test set, at every evaluation: 1 is a "
                    "perfect fit, 0 (dotted) no better than always predicting the mean value, below 0 worse."
                )
            )
            self.accuracyPlot.setAccessibleName(self.tr("R² over training steps"))
        else:
            ap.setYRange(0, 1.0, padding=0.08)
            ap.getAxis("left").setTicks([[(v, f"{v:g}") for v in (0, 0.25, 0.5, 0.75, 1)]])
            ap.setLabel("left", self.tr("accuracy"), **LABEL_STYLE)
            self.accuracyPlot.setToolTip(self._accuracy_tip)
            self.accuracyPlot.setAccessibleName(self.tr("Accuracy over training steps"))
        self._n_classes = None  # (the legend follows)

    def _update_summary(self, trainer, has_test):
        h = trainer.history
        parts = [self.tr("step {n}").format(n=trainer.step_count)]
        if len(h.steps) and not len(h.evals):
            parts.append(self.tr("batch loss {v}").format(v=f"{h.loss[-1]:.3g}"))
        if len(h.evals) and self._regression:
            for part, text in (("train", self.tr("train: loss {l}, R² {r}, RMSE {e}")),
                               ("test", self.tr("test: loss {l}, R² {r}, RMSE {e}"))):  # fmt: skip
                if part == "test" and not has_test:
                    continue
                loss, r2 = h.eval_column(f"{part}_loss")[-1], h.eval_column(f"{part}_r2")[-1]
                parts.append(text.format(l=f"{loss:.3g}", r=f"{r2:.3f}", e=f"{h.eval_column(f'{part}_rmse')[-1]:.3g}"))
        elif len(h.evals):
            tl, ta = h.eval_column("train_loss")[-1], h.eval_column("train_accuracy")[-1]
            train = self.tr("train: loss {l}, accuracy {a}\u00a0%").format(l=f"{tl:.3g}", a=f"{100 * ta:.1f}")
            parts.append(train)
            if has_test:
                vl, va = h.eval_column("test_loss")[-1], h.eval_column("test_accuracy")[-1]
                parts.append(self.tr("test: loss {l}, accuracy {a}\u00a0%").format(l=f"{vl:.3g}", a=f"{100 * va:.1f}"))
        if len(h.evals) and h.eval_column("penalty")[-1] > 0:
            parts.append(self.tr("weight decay term {p}").format(p=f"{h.eval_column('penalty')[-1]:.3g}"))
        if trainer.diverged is not None:
            parts.append(self.tr("diverged at step {n}").format(n=trainer.diverged.step))
        n_train, n_test = trainer.evaluation_samples()
        if len(h.evals) and n_train < len(trainer.dataset.x_train):
            parts.append(
                self.tr(
                    "measured on {n} training and {m} test samples (a fixed random subset: the whole set "
                    "would take too long)"
                ).format(n=f"{n_train:,}", m=f"{n_test:,}")
            )
        text = "  ·  ".join(parts)
        self.summaryLabel.setText(text)

    def _on_log(self, on):
        p = self.lossPlot.getPlotItem()
        p.getAxis("left").setLogMode(False, bool(on))  # the lines themselves carry log10 of the loss
        p.setLabel("left", self.tr("loss L (log scale)") if on else self.tr("loss L"), **LABEL_STYLE)
        self._yrange.release()
        self._yrange.empty = (-2.0, 0.5) if on else (0.0, 1.0)
        self._redraw()

    def _redraw(self):
        self._seen = None
        if self._trainer is not None:
            self.update_from(self._trainer)
