"""Lab: softmax and the two losses (Deep Learning from Scratch, ch. 3.5 and 4.2).

Scores a → softmax y (bars that sum to 1 and keep the order of the scores), the naive exp(a)/Σexp(a) beside the
stable one for large inputs, and the sum of squared error and cross-entropy against a one-hot target, with and
without the δ inside the log. All numbers come from ``nnplay.core``.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnplay.core.experiments import cross_entropy_without_delta, literal_cross_entropy, naive_softmax
from nnplay.core.functions import DELTA, cross_entropy_error, softmax, sum_squared_error
from nnplay.gui.style import BAD, CLASS_COLORS, WARN, configure_pyqtgraph
from nnplay.gui.widgets import named

MAX_ENTRIES = 10
LECTURE_Y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
LECTURE_TARGET = 2
BOOK_SCORES = [0.3, 2.9, 4.0]
LARGE_SCORES = [1010.0, 1000.0, 990.0]
SCORE_LIMIT = 1e6
BAR = CLASS_COLORS[0]
TARGET_BAR = CLASS_COLORS[2]


def _num(v, digits=4):
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    return f"{v:.{digits}g}"


class SoftmaxLossLab(QWidget):
    """Softmax of editable scores (naive vs stable) and the sum of squared error and cross-entropy."""

    def __init__(self, parent=None):
        super().__init__(parent)
        configure_pyqtgraph()
        self.setObjectName("softmaxLossLab")
        self._scores = BOOK_SCORES + [0.0] * (MAX_ENTRIES - len(BOOK_SCORES))
        self._probs = list(LECTURE_Y)
        self._size = {"scores": len(BOOK_SCORES), "probabilities": len(LECTURE_Y)}
        self._mode = "probabilities"
        self._target = LECTURE_TARGET
        self._values = {}

        layout = QHBoxLayout(self)
        layout.addWidget(self._build_inputs())
        layout.addLayout(self._build_outputs(), 1)
        self._show_inputs()
        self._recompute()

    def title(self):
        return self.tr("Softmax and loss")

    # -- building --------------------------------------------------------------------------------------------
    def _build_inputs(self):
        panel = QWidget()
        panel.setFixedWidth(290)
        col = QVBoxLayout(panel)
        col.setContentsMargins(0, 0, 0, 0)

        box = QGroupBox(self.tr("Input"))
        form = QVBoxLayout(box)
        self.scoresModeRadio = named(
            QRadioButton(self.tr("scores a → softmax")),
            "scoresModeRadio",
            self.tr("Scores mode"),
            self.tr("Type scores a_k; the lab computes y_k = exp(a_k) / Σ_j exp(a_j)"),
        )
        self.probabilitiesModeRadio = named(
            QRadioButton(self.tr("probabilities y directly")),
            "probabilitiesModeRadio",
            self.tr("Probabilities mode"),
            self.tr("Type the network's outputs y_k yourself (each between 0 and 1)"),
        )
        self._modes = QButtonGroup(self)
        self._modes.addButton(self.scoresModeRadio)
        self._modes.addButton(self.probabilitiesModeRadio)
        self.probabilitiesModeRadio.setChecked(True)
        self.scoresModeRadio.toggled.connect(self._mode_toggled)
        form.addWidget(self.scoresModeRadio)
        form.addWidget(self.probabilitiesModeRadio)

        row = QFormLayout()
        self.sizeSpin = named(QSpinBox(), "sizeSpin", self.tr("Number of classes"), self.tr("How many entries (2–10)"))
        self.sizeSpin.setRange(2, MAX_ENTRIES)
        self.sizeSpin.setKeyboardTracking(False)
        self.sizeSpin.valueChanged.connect(self._size_edited)
        row.addRow(self.tr("classes"), self.sizeSpin)
        self.targetCombo = named(
            QComboBox(),
            "targetCombo",
            self.tr("Correct class"),
            self.tr("The correct class: the one-hot target t has t_k = 1 for this k, 0 elsewhere"),
        )
        self.targetCombo.currentIndexChanged.connect(self._target_edited)
        row.addRow(self.tr("correct class t"), self.targetCombo)
        form.addLayout(row)

        self.scoresTable = named(
            QTableWidget(0, 2),
            "scoresTable",
            self.tr("Scores"),
            self.tr("Double-click a value to edit it"),
        )
        self.scoresTable.verticalHeader().setDefaultSectionSize(22)
        self.scoresTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.scoresTable.itemChanged.connect(self._item_edited)
        form.addWidget(self.scoresTable, 1)
        col.addWidget(box, 1)

        self.largeInputsButton = named(
            QPushButton(self.tr("Large inputs [1010, 1000, 990]")),
            "largeInputsButton",
            self.tr("Large inputs"),
            self.tr("exp(1010) overflows to inf, so exp(a)/Σexp(a) = inf/inf = nan;\n"
                    "softmax(a) = softmax(a − max a) does not overflow"),
        )  # fmt: skip
        self.largeInputsButton.clicked.connect(lambda: self.set_scores(LARGE_SCORES))
        self.bookScoresButton = named(
            QPushButton(self.tr("Book scores [0.3, 2.9, 4.0]")),
            "bookScoresButton",
            self.tr("Book scores"),
            self.tr("softmax([0.3, 2.9, 4.0]) ≈ [0.018, 0.245, 0.737]"),
        )
        self.bookScoresButton.clicked.connect(lambda: self.set_scores(BOOK_SCORES))
        self.lectureExampleButton = named(
            QPushButton(self.tr("Lecture example (y, t = class 2)")),
            "lectureExampleButton",
            self.tr("Lecture example"),
            self.tr("y = [0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0], correct class 2"),
        )
        self.lectureExampleButton.clicked.connect(self._load_lecture)
        self.zeroProbabilityButton = named(
            QPushButton(self.tr("Correct class gets y = 0")),
            "zeroProbabilityButton",
            self.tr("Correct class gets probability 0"),
            self.tr("The lecture's y with correct class 3, where y_3 = 0: −log 0 = ∞ without δ"),
        )
        self.zeroProbabilityButton.clicked.connect(self._load_zero_case)
        for b in (self.bookScoresButton, self.largeInputsButton, self.lectureExampleButton, self.zeroProbabilityButton):
            col.addWidget(b)
        self.messageLabel = named(QLabel(), "softmaxMessage", self.tr("Message"), self.tr("Problems with typed values"))
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setStyleSheet(f"color: {BAD};")
        col.addWidget(self.messageLabel)
        return panel

    def _bar_plot(self, name, accessible, tip, title, ylabel):
        plot = pg.PlotWidget()
        plot.setObjectName(name)
        plot.setAccessibleName(accessible)
        plot.setToolTip(tip)
        pi = plot.getPlotItem()
        pi.setTitle(title, size="10pt")
        pi.setLabel("bottom", self.tr("class k"))
        pi.setLabel("left", ylabel)
        pi.setMenuEnabled(False)
        pi.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=BAR, pen=None)
        pi.addItem(bars)
        texts = []
        for _ in range(MAX_ENTRIES):
            t = pg.TextItem(color=BAD, anchor=(0.5, 1.0))
            font = t.textItem.font()
            font.setBold(True)
            font.setPointSize(11)
            t.setFont(font)
            t.setVisible(False)
            pi.addItem(t)
            texts.append(t)
        return plot, bars, texts

    def _build_outputs(self):
        col = QVBoxLayout()
        grid = QGridLayout()
        self.scoresPlot, self._score_bars, self._score_texts = self._bar_plot(
            "scoresPlot", self.tr("Scores"), self.tr("The scores a_k"), self.tr("scores a"), "a"
        )
        self.naivePlot, self._naive_bars, self._naive_texts = self._bar_plot(
            "naivePlot",
            self.tr("Naive softmax"),
            self.tr("exp(a_k) / Σ_j exp(a_j) exactly as written: exp overflows to inf for a > 709"),
            self.tr("naive exp(a) / Σ exp(a)"),
            "y",
        )
        self.softmaxPlot, self._soft_bars, self._soft_texts = self._bar_plot(
            "softmaxPlot",
            self.tr("Softmax"),
            self.tr("nnplay.core softmax: exp(a_k − max a) / Σ_j exp(a_j − max a), the same values, no overflow"),
            self.tr("softmax y (stable)"),
            "y",
        )
        self._target_outline = pg.BarGraphItem(x=[], height=[], width=0.86, brush=None,
                                               pen=pg.mkPen("k", width=1.5, style=Qt.PenStyle.DashLine))  # fmt: skip
        self.softmaxPlot.addItem(self._target_outline)
        for p in (self.naivePlot, self.softmaxPlot):
            p.setYRange(0, 1.12, padding=0)
        self.naiveSumLabel = self._sum_label("naiveSumLabel", self.tr("Sum of the naive softmax"))
        self.softmaxSumLabel = self._sum_label("softmaxSumLabel", self.tr("Sum of the softmax"))
        self.scoresNoteLabel = self._sum_label("scoresNoteLabel", self.tr("Largest score"))
        grid.addWidget(self.scoresPlot, 0, 0)
        grid.addWidget(self.naivePlot, 0, 1)
        grid.addWidget(self.softmaxPlot, 0, 2)
        grid.addWidget(self.scoresNoteLabel, 1, 0)
        grid.addWidget(self.naiveSumLabel, 1, 1)
        grid.addWidget(self.softmaxSumLabel, 1, 2)
        col.addLayout(grid, 1)

        self.overflowLabel = named(
            QLabel(), "overflowLabel", self.tr("Overflow warning"), self.tr("Shown when exp(a) overflows")
        )
        self.overflowLabel.setWordWrap(True)
        self.overflowLabel.setStyleSheet(f"color: {BAD}; font-weight: bold;")
        col.addWidget(self.overflowLabel)

        box = QGroupBox(self.tr("Loss against the one-hot target t (dashed bar)"))
        self.sseLabel = named(QLabel(), "sseLabel", self.tr("Sum of squared error"), self.tr("E = ½·Σ_k (y_k − t_k)²"))
        self.ceLabel = named(
            QLabel(), "ceLabel", self.tr("Cross-entropy"), self.tr("E = −Σ_k t_k·log(y_k + δ), δ = 1e−7")
        )
        self.ceNoDeltaLabel = named(
            QLabel(),
            "ceNoDeltaLabel",
            self.tr("Cross-entropy without delta"),
            self.tr("−Σ_k t_k·log y_k = −log y_t: infinite when the correct class has y_t = 0"),
        )
        self.literalNoteLabel = named(
            QLabel(),
            "literalNoteLabel",
            self.tr("Note on the literal formula"),
            self.tr("What −np.sum(t * np.log(y)) gives without δ"),
        )
        self.literalNoteLabel.setStyleSheet("color: #666;")
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        rows = (
            (self.tr("sum of squared error"), self.sseLabel),
            (self.tr("cross-entropy"), self.ceLabel),
            (self.tr("without δ"), self.ceNoDeltaLabel),
            ("", self.literalNoteLabel),
        )
        for r, (name, lab) in enumerate(rows):
            lab.setTextFormat(Qt.TextFormat.RichText)
            lab.setWordWrap(True)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(QLabel(name), r, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(lab, r, 1)
        col.addWidget(box)
        return col

    def _sum_label(self, name, accessible):
        label = named(QLabel(), name, accessible, accessible)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        return label

    # -- public API ------------------------------------------------------------------------------------------
    def set_scores(self, scores):
        """Scores mode with these scores (1–10 of them; clamped to ±1e6)."""
        values = self._clean(scores, -SCORE_LIMIT, SCORE_LIMIT)
        self._scores[: len(values)] = values
        self._size["scores"] = len(values)
        self._set_mode("scores")

    def set_probabilities(self, y):
        """Probabilities mode with these y (1–10 of them; clamped to [0, 1])."""
        values = self._clean(y, 0.0, 1.0)
        self._probs[: len(values)] = values
        self._size["probabilities"] = len(values)
        self._set_mode("probabilities")

    def set_target(self, k):
        """The correct class (clamped to the classes shown)."""
        self._target = min(max(int(k), 0), self._n() - 1)
        with QSignalBlocker(self.targetCombo):
            self.targetCombo.setCurrentIndex(self._target)
        self._recompute()

    def values(self):
        """What is shown: mode, inputs, softmax (y), naive (scores mode; may hold nan), sum, target, sse, ce,
        ce_without_delta, overflow."""
        return dict(self._values)

    # -- model -----------------------------------------------------------------------------------------------
    def _clean(self, values, lo, hi):
        vals = [float(v) for v in list(values)[:MAX_ENTRIES]]
        if len(vals) < 2:
            raise ValueError("need at least 2 values")
        out = [min(max(v, lo), hi) if math.isfinite(v) else 0.0 for v in vals]
        if out != vals:
            self.messageLabel.setText(self.tr("Some values were out of range and were clamped to [{lo:g}, {hi:g}].")
                                      .format(lo=lo, hi=hi))  # fmt: skip
        else:
            self.messageLabel.clear()
        return out

    def _n(self):
        return self._size[self._mode]

    def _inputs(self):
        store = self._scores if self._mode == "scores" else self._probs
        return np.array(store[: self._n()], dtype=np.float64)

    def _set_mode(self, mode):
        self._mode = mode
        with QSignalBlocker(self.scoresModeRadio), QSignalBlocker(self.probabilitiesModeRadio):
            self.scoresModeRadio.setChecked(mode == "scores")
            self.probabilitiesModeRadio.setChecked(mode == "probabilities")
        self._show_inputs()
        self._recompute()

    def _recompute(self):
        a = self._inputs()
        n = a.size
        self._target = min(self._target, n - 1)
        if self._mode == "scores":
            y = softmax(a)
            naive = naive_softmax(a)
        else:
            y, naive = a, None
        sse = sum_squared_error(y, self._target)
        ce = cross_entropy_error(y, self._target)
        ce0 = cross_entropy_without_delta(y, self._target)
        overflow = naive is not None and not bool(np.all(np.isfinite(naive)))
        self._values = {
            "mode": self._mode,
            "inputs": a.copy(),
            "softmax": y.copy(),
            "naive": None if naive is None else naive.copy(),
            "sum": float(np.sum(y)),
            "target": self._target,
            "sse": sse,
            "ce": ce,
            "ce_without_delta": ce0,
            "ce_literal": literal_cross_entropy(y, self._target),
            "overflow": overflow,
        }
        self._show_results()

    # -- view ------------------------------------------------------------------------------------------------
    def _show_inputs(self):
        n = self._n()
        scores = self._mode == "scores"
        with QSignalBlocker(self.sizeSpin):
            self.sizeSpin.setValue(n)
        with QSignalBlocker(self.targetCombo):
            self.targetCombo.clear()
            self.targetCombo.addItems([self.tr("class {k}").format(k=k) for k in range(n)])
            self.targetCombo.setCurrentIndex(min(self._target, n - 1))
        with QSignalBlocker(self.scoresTable):
            self.scoresTable.setRowCount(n)
            self.scoresTable.setHorizontalHeaderLabels(
                [self.tr("score a_k"), self.tr("softmax y_k")] if scores else [self.tr("y_k"), self.tr("t_k")]
            )
            self.scoresTable.setVerticalHeaderLabels([str(k) for k in range(n)])
            for k, v in enumerate(self._inputs()):
                item = QTableWidgetItem(f"{v:g}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.scoresTable.setItem(k, 0, item)
                out = QTableWidgetItem("")
                out.setFlags(Qt.ItemFlag.ItemIsEnabled)
                out.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.scoresTable.setItem(k, 1, out)
        for w in (self.scoresPlot, self.naivePlot, self.scoresNoteLabel, self.naiveSumLabel):
            w.setVisible(scores)

    def _show_results(self):
        v = self._values
        n, k, y = len(v["softmax"]), v["target"], v["softmax"]
        xs = np.arange(n)
        scores = v["mode"] == "scores"
        with QSignalBlocker(self.scoresTable):
            for i in range(n):
                text = f"{y[i]:.6g}" if scores else ("1" if i == k else "0")
                self.scoresTable.item(i, 1).setText(text)
        brushes = [pg.mkBrush(TARGET_BAR if i == k else BAR) for i in range(n)]
        self._bars(self._soft_bars, self._soft_texts, xs, y, brushes)
        self._target_outline.setOpts(x=[k], height=[1.0])
        ticks = [[(i, str(i)) for i in range(n)]]
        for plot in (self.scoresPlot, self.naivePlot, self.softmaxPlot):
            plot.setXRange(-0.6, n - 0.4, padding=0)
            plot.getPlotItem().getAxis("bottom").setTicks(ticks)
        total = v["sum"]
        ok = abs(total - 1.0) < 1e-9
        text = self.tr("Σ y = {s}").format(s=f"{total:.6f}")
        if not (ok or scores):
            text += f" <span style='color:{WARN}'>" + self.tr("(not 1: not a distribution)") + "</span>"
        self.softmaxSumLabel.setText(text)
        self.softmaxPlot.getPlotItem().setTitle(
            self.tr("softmax y (stable)") if scores else self.tr("y (typed)"), size="10pt"
        )
        if scores:
            a = v["inputs"]
            self._bars(self._score_bars, self._score_texts, xs, a, [pg.mkBrush("#7f7f7f")] * n)
            lo, hi = min(0.0, float(a.min())), max(0.0, float(a.max()))
            pad = 0.08 * (hi - lo or 1.0)
            self.scoresPlot.setYRange(lo - pad, hi + pad, padding=0)
            naive = v["naive"]
            self._bars(self._naive_bars, self._naive_texts, xs, naive, brushes)
            nsum = float(np.sum(naive))
            self.naiveSumLabel.setText(
                self.tr("Σ = {s}").format(s=_num(nsum, 7) if not math.isfinite(nsum) else f"{nsum:.6f}")
            )
            self.scoresNoteLabel.setText(
                self.tr("largest a: class {a} → largest y: class {b}").format(a=int(np.argmax(a)), b=int(np.argmax(y)))
            )
            if v["overflow"]:
                self.overflowLabel.setText(
                    self.tr("exp({m:g}) overflows to inf, so the naive formula gives inf / inf = nan. "
                            "The stable softmax subtracts max a = {m:g} first: every exp(a − max a) ≤ 1, "
                            "and the result is the same mathematically.").format(m=float(a.max()))
                )  # fmt: skip
            else:
                self.overflowLabel.setText("")
        else:
            self.overflowLabel.setText("")
        self.overflowLabel.setVisible(bool(self.overflowLabel.text()))

        yk = float(y[k])
        self.sseLabel.setText(f"½·Σ<sub>k</sub> (y<sub>k</sub> − t<sub>k</sub>)² = <b>{_num(v['sse'], 6)}</b>")
        self.ceLabel.setText(
            f"−Σ<sub>k</sub> t<sub>k</sub>·log(y<sub>k</sub> + δ) = −log({_num(yk)} + 1e−7) = <b>{_num(v['ce'], 6)}</b>"
        )
        if yk == 0.0:
            text = self.tr(
                "−log y<sub>{k}</sub> = −log 0 = <b style='color:{bad}'>∞</b>; with δ: −log(1e−7) ≈ {d:.1f}, "
                "large but finite"
            ).format(k=k, bad=BAD, d=-math.log(DELTA))
        else:
            text = self.tr("−log y<sub>{k}</sub> = −log {y} = <b>{ce}</b>").format(
                k=k, y=_num(yk), ce=_num(v["ce_without_delta"], 6)
            )
        self.ceNoDeltaLabel.setText(text)
        note = ""
        if math.isnan(v["ce_literal"]):
            note = self.tr(
                "Typed as −np.sum(t * np.log(y)) it is nan: some y<sub>k</sub> = 0 and 0·log 0 = 0·(−∞) = nan."
            )
        self.literalNoteLabel.setText(note)
        self.literalNoteLabel.setVisible(bool(note))

    def _bars(self, bars, texts, xs, heights, brushes):
        h = np.asarray(heights, dtype=np.float64)
        finite = np.isfinite(h)
        bars.setOpts(x=xs, height=np.where(finite, h, 0.0), width=0.7, brushes=brushes)
        top = 0.05 if finite.all() or not finite.any() else float(np.max(h[finite])) + 0.05
        for i, t in enumerate(texts):
            if i < len(h) and not finite[i]:
                t.setText(_num(float(h[i])))
                t.setPos(float(xs[i]), max(top, 0.05))
                t.setVisible(True)
            else:
                t.setVisible(False)

    # -- slots -----------------------------------------------------------------------------------------------
    def _mode_toggled(self, _checked):
        self._set_mode("scores" if self.scoresModeRadio.isChecked() else "probabilities")

    def _size_edited(self, n):
        self._size[self._mode] = int(n)
        self._show_inputs()
        self._recompute()

    def _target_edited(self, index):
        if index >= 0:
            self._target = index
            self._recompute()

    def _item_edited(self, item):
        if item.column() != 0:
            return
        row = item.row()
        scores = self._mode == "scores"
        store = self._scores if scores else self._probs
        text = item.text().strip().replace(",", ".")
        try:
            value = float(text)
            if not math.isfinite(value):
                raise ValueError
        except ValueError:
            self.messageLabel.setText(self.tr("“{t}” is not a number; kept {v:g}.").format(t=item.text(), v=store[row]))
            with QSignalBlocker(self.scoresTable):
                item.setText(f"{store[row]:g}")
            return
        lo, hi = (-SCORE_LIMIT, SCORE_LIMIT) if scores else (0.0, 1.0)
        clamped = min(max(value, lo), hi)
        if clamped != value:
            what = self.tr("Scores") if scores else self.tr("Probabilities")
            self.messageLabel.setText(
                self.tr("{what} must lie in [{lo:g}, {hi:g}]; {v:g} became {c:g}.").format(
                    what=what, lo=lo, hi=hi, v=value, c=clamped
                )
            )
            with QSignalBlocker(self.scoresTable):
                item.setText(f"{clamped:g}")
        else:
            self.messageLabel.clear()
        store[row] = clamped
        self._recompute()

    def _load_lecture(self):
        self.set_probabilities(LECTURE_Y)
        self.set_target(LECTURE_TARGET)

    def _load_zero_case(self):
        self.set_probabilities(LECTURE_Y)
        self.set_target(3)
