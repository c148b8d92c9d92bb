"""Lab: the book's simpleNet (Deep Learning from Scratch 4.4.2, gradient_simplenet.py), the lecture's "gradient
of a neural network" slide.

One weight matrix W (2 × 3), no bias: p = x·W, y = softmax(p), L = −log y_t, and dW = ∂L/∂W by the numerical
gradient, all shown as matrices. The book's W, x = [0.6, 0.9] and t = [0, 0, 1] reproduce its printed values;
editing W, x or t recomputes everything at once, and a step W ← W − η·dW shows the loss going down. The numbers
come from ``nnplay.core.experiments.simplenet``; this file only builds widgets and redraws.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnplay.core.experiments import SIMPLENET_T, SIMPLENET_W, SIMPLENET_X, simplenet
from nnplay.core.functions import DELTA
from nnplay.gui.style import NEGATIVE, POSITIVE
from nnplay.gui.widgets import arg, named

LIMIT = 100.0  # |W|, |x| at most this (beyond it every probability is 0 or 1 and nothing is left to see)
DIGITS = 8  # the book prints 8 decimals


def _fmt(v):
    return f"{v:.{DIGITS}f}" if math.isfinite(v) else str(v)


def _tint(value, top, color):
    """``color`` mixed with white in proportion to |value| / top (white for 0)."""
    c = QColor(color)
    a = 0.0 if top <= 0 else min(abs(value) / top, 1.0) * 0.55
    return QColor(*(round(255 - (255 - ch) * a) for ch in (c.red(), c.green(), c.blue())))


class SimpleNetLab(QWidget):
    """W, x and t in, p = x·W, y = softmax(p), the loss and dW = ∂L/∂W (numerical) out."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("simplenetLab")
        self._W = np.array(SIMPLENET_W, dtype=np.float64)
        self._x = np.array(SIMPLENET_X, dtype=np.float64)
        self._target = int(np.argmax(SIMPLENET_T))
        self._result = None
        self._seed = 0
        layout = QHBoxLayout(self)
        layout.addWidget(self._build_inputs())
        layout.addWidget(self._build_outputs(), 1)
        self._show_inputs()
        self._recompute()

    def title(self):
        return self.tr("simpleNet: ∂L/∂W")

    # -- building --------------------------------------------------------------------------------------------
    def _matrix(self, name, accessible, tip, rows, cols, editable, row_names, col_names):
        table = named(QTableWidget(rows, cols), name, accessible, tip)
        table.setVerticalHeaderLabels(row_names)
        table.setHorizontalHeaderLabels(col_names)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(26)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + 26 * rows + 4)
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for r in range(rows):
            for c in range(cols):
                item = QTableWidgetItem("")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not editable:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                table.setItem(r, c, item)
        if editable:
            table.itemChanged.connect(self._item_edited)
        return table

    def _build_inputs(self):
        panel = QWidget()
        panel.setFixedWidth(360)
        col = QVBoxLayout(panel)
        col.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(self.tr("Input (double-click a number to change it)"))
        form = QVBoxLayout(box)
        form.addWidget(QLabel(self.tr("weights W (2 × 3)")))
        self.wTable = self._matrix(
            "simplenetWTable",
            self.tr("Weights W"),
            self.tr("W: 2 inputs × 3 outputs. Row i, column j is w_ij, the weight from input i to output j"),
            2,
            3,
            True,
            ["1", "2"],
            ["1", "2", "3"],
        )
        form.addWidget(self.wTable)
        form.addWidget(QLabel(self.tr("input x")))
        self.xTable = self._matrix(
            "simplenetXTable", self.tr("Input x"), self.tr("The input x = [x1, x2]"), 1, 2, True, ["x"], ["1", "2"]
        )
        form.addWidget(self.xTable)
        row = QFormLayout()
        self.targetCombo = named(
            QComboBox(),
            "simplenetTargetCombo",
            self.tr("Correct class"),
            self.tr("The correct label as a one-hot vector: t = [0, 0, 1] means the third output is correct"),
        )
        for k in range(3):
            t = ["0", "0", "0"]
            t[k] = "1"
            self.targetCombo.addItem(arg(self.tr("t = [%1] (output %2 is correct)"), ", ".join(t), k + 1))
        self.targetCombo.currentIndexChanged.connect(self._target_edited)
        row.addRow(self.tr("correct label t"), self.targetCombo)
        form.addLayout(row)
        self.deltaCheck = named(
            QCheckBox(self.tr("δ = 1e−7 inside the log, as in the book's code")),
            "simplenetDeltaCheck",
            self.tr("Add delta inside the log"),
            self.tr(
                "The book's cross_entropy_error computes −log(y_t + δ) with δ = 1e−7 so that log 0 never happens. "
                "The numbers the book prints for this example are those without δ; with it the loss is 2.5e−7 "
                "smaller and dW changes in the 7th decimal."
            ),
        )
        self.deltaCheck.toggled.connect(self._recompute)
        form.addWidget(self.deltaCheck)
        col.addWidget(box)

        self.bookButton = named(
            QPushButton(self.tr("The book's W, x and t")),
            "simplenetBookButton",
            self.tr("Book values"),
            self.tr("W as printed in the book, x = [0.6, 0.9], t = [0, 0, 1]"),
        )
        self.bookButton.clicked.connect(self.reset_to_book)
        self.randomButton = named(
            QPushButton(self.tr("New random W")),
            "simplenetRandomButton",
            self.tr("Random weights"),
            self.tr("W from np.random.rand(2, 3) (uniform in [0, 1)), as the book's simpleNet starts"),
        )
        self.randomButton.clicked.connect(self._random_w)
        col.addWidget(self.bookButton)
        col.addWidget(self.randomButton)

        step = QGroupBox(self.tr("Gradient descent on W"))
        grid = QHBoxLayout(step)
        self.lrSpin = named(QDoubleSpinBox(), "simplenetLrSpin", self.tr("Learning rate"), self.tr("η in W ← W − η·dW"))
        self.lrSpin.setRange(0.01, 10.0)
        self.lrSpin.setSingleStep(0.1)
        self.lrSpin.setValue(1.0)
        self.lrSpin.setPrefix("η = ")
        self.stepButton = named(
            QPushButton(self.tr("Step: W ← W − η·dW")),
            "simplenetStepButton",
            self.tr("One gradient step"),
            self.tr("Move every weight against its gradient: the loss goes down"),
        )
        self.stepButton.clicked.connect(self.step)
        grid.addWidget(self.lrSpin)
        grid.addWidget(self.stepButton, 1)
        col.addWidget(step)
        self.messageLabel = named(
            QLabel(), "simplenetMessage", self.tr("Message"), self.tr("Problems with typed values")
        )
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setStyleSheet("color: #c00000;")
        col.addWidget(self.messageLabel)
        col.addStretch(1)
        return panel

    def _build_outputs(self):
        panel = QWidget()
        grid = QGridLayout(panel)
        grid.setColumnStretch(0, 1)
        heading = QLabel(self.tr("<b>p = x·W</b> (scores)"))
        grid.addWidget(heading, 0, 0)
        self.scoresTable = self._matrix(
            "simplenetScoresTable", self.tr("Scores p"), self.tr("p = x·W"), 1, 3, False, ["p"], ["1", "2", "3"]
        )
        grid.addWidget(self.scoresTable, 1, 0)
        self.argmaxLabel = named(
            QLabel(), "simplenetArgmaxLabel", self.tr("Predicted class"), self.tr("np.argmax(p): the largest score")
        )
        self.argmaxLabel.setTextFormat(Qt.TextFormat.RichText)
        self.argmaxLabel.setWordWrap(True)
        grid.addWidget(self.argmaxLabel, 2, 0)
        grid.addWidget(QLabel(self.tr("<b>y = softmax(p)</b> (probabilities)")), 3, 0)
        self.softmaxTable = self._matrix(
            "simplenetSoftmaxTable",
            self.tr("Softmax y"),
            self.tr("y_k = exp(p_k) / Σ_j exp(p_j)"),
            1,
            3,
            False,
            ["y"],
            ["1", "2", "3"],
        )
        grid.addWidget(self.softmaxTable, 4, 0)
        self.lossLabel = named(
            QLabel(),
            "simplenetLossLabel",
            self.tr("Loss"),
            self.tr(
                "Cross-entropy L = −Σ t_k log y_k = −log y_t. The book prints 0.92806853663411326: it computed "
                "with the unrounded W, of which it prints 8 decimals."
            ),
        )
        self.lossLabel.setTextFormat(Qt.TextFormat.RichText)
        self.lossLabel.setStyleSheet("font-size: 13pt;")
        grid.addWidget(self.lossLabel, 5, 0)
        grid.addWidget(
            QLabel(self.tr("<b>dW = ∂L/∂W</b>, numerical gradient: (L(w + h) − L(w − h)) / 2h, h = 1e−4")), 6, 0
        )
        self.gradTable = self._matrix(
            "simplenetGradTable",
            self.tr("Gradient dW"),
            self.tr("Row i, column j: ∂L/∂w_ij, how much L changes per unit change of w_ij (red > 0, blue < 0)"),
            2,
            3,
            False,
            ["1", "2"],
            ["1", "2", "3"],
        )
        grid.addWidget(self.gradTable, 7, 0)
        self.readingLabel = named(
            QLabel(), "simplenetReadingLabel", self.tr("Reading the gradient"), self.tr("What dW says about W")
        )
        self.readingLabel.setWordWrap(True)
        self.readingLabel.setTextFormat(Qt.TextFormat.RichText)
        grid.addWidget(self.readingLabel, 8, 0)
        self.exactLabel = named(
            QLabel(),
            "simplenetExactLabel",
            self.tr("Compared with backpropagation"),
            self.tr("The same derivative in closed form, as backpropagation computes it (chapter 5)"),
        )
        self.exactLabel.setWordWrap(True)
        self.exactLabel.setStyleSheet("color: #555;")
        grid.addWidget(self.exactLabel, 9, 0)
        grid.setRowStretch(10, 1)
        return panel

    # -- public API ------------------------------------------------------------------------------------------
    def set_values(self, W=None, x=None, target=None):
        """Use these W (2 × 3), x (2,) and correct class (0-2); values beyond ±100 are clamped."""
        clamped = False
        if W is not None:
            W = np.array(W, dtype=np.float64).reshape(2, 3)
            clamped |= bool(np.any(np.abs(W) > LIMIT))
            self._W = np.clip(W, -LIMIT, LIMIT)
        if x is not None:
            x = np.array(x, dtype=np.float64).reshape(2)
            clamped |= bool(np.any(np.abs(x) > LIMIT))
            self._x = np.clip(x, -LIMIT, LIMIT)
        if target is not None:
            self._target = min(max(int(target), 0), 2)
        self.messageLabel.setText(self.tr("Values beyond ±100 were clamped.") if clamped else "")
        self._show_inputs()
        self._recompute()

    def reset_to_book(self):
        with QSignalBlocker(self.deltaCheck):
            self.deltaCheck.setChecked(False)
        self.set_values(SIMPLENET_W, SIMPLENET_X, int(np.argmax(SIMPLENET_T)))

    def step(self):
        """One step of gradient descent: W ← W − η·dW."""
        self.set_values(W=self._W - self.lrSpin.value() * self._result.dW)

    def result(self):
        """The current ``SimpleNetResult`` (W, x, t, p, y, loss, dW, …)."""
        return self._result

    # -- model -> view ---------------------------------------------------------------------------------------
    def _show_inputs(self):
        for table, values in ((self.wTable, self._W), (self.xTable, self._x.reshape(1, 2))):
            with QSignalBlocker(table):
                for (r, c), v in np.ndenumerate(values):
                    table.item(r, c).setText(f"{v:.8g}")
        with QSignalBlocker(self.targetCombo):
            self.targetCombo.setCurrentIndex(self._target)

    def _recompute(self, *_):
        delta = DELTA if self.deltaCheck.isChecked() else 0.0
        r = simplenet(self._W, self._x, self._target, delta=delta)
        self._result = r
        for table, values in ((self.scoresTable, r.p), (self.softmaxTable, r.y)):
            for c, v in enumerate(values):
                item = table.item(0, c)
                item.setText(_fmt(v))
                bold = item.font()
                bold.setBold(c == r.argmax)
                item.setFont(bold)
        self.argmaxLabel.setText(
            self.tr(
                "np.argmax(p) = {i} (numpy counts from 0): p<sub>{k}</sub> is the largest score, so the net "
                "predicts output {k}; t says output {c} is correct."
            ).format(i=r.argmax, k=r.argmax + 1, c=self._target + 1)
        )
        log = "−log(y<sub>{k}</sub> + δ)" if delta else "−log y<sub>{k}</sub>"
        self.lossLabel.setText(("L = " + log + " = <b>{loss}</b>").format(k=self._target + 1, loss=_fmt(r.loss)))
        top = float(np.max(np.abs(r.dW))) if np.all(np.isfinite(r.dW)) else 0.0
        for (i, j), v in np.ndenumerate(r.dW):
            item = self.gradTable.item(i, j)
            item.setText(_fmt(v))
            item.setBackground(QBrush(_tint(v, top, POSITIVE if v > 0 else NEGATIVE)))
        self._explain(r)

    def _explain(self, r):
        i, j = np.unravel_index(int(np.argmax(np.abs(r.dW))), r.dW.shape)
        g = float(r.dW[i, j])
        g11 = float(r.dW[0, 0])
        parts = [
            self.tr(
                "∂L/∂w<sub>11</sub> = {g:.2f}: raising w<sub>11</sub> by h changes L by about {g:.2f}·h, so to "
                "lower the loss w<sub>11</sub> should move {way}."
            ).format(g=g11, way=self.tr("down") if g11 > 0 else self.tr("up"))
        ]
        if (i, j) != (0, 0):
            parts.append(
                self.tr(
                    "The largest is ∂L/∂w<sub>{i}{j}</sub> = {g:.2f}: w<sub>{i}{j}</sub> should move {way}, and "
                    "it matters most."
                ).format(i=i + 1, j=j + 1, g=g, way=self.tr("down") if g > 0 else self.tr("up"))
            )
        self.readingLabel.setText(" ".join(parts))
        diff = float(np.max(np.abs(r.dW - r.dW_exact)))
        self.exactLabel.setText(
            self.tr(
                "Backpropagation's closed form x<sup>T</sup>·(y − t) (chapter 5) gives the same matrix: the "
                "largest difference is {d:.1e}."
            ).format(d=diff)
        )
        self.exactLabel.setTextFormat(Qt.TextFormat.RichText)

    # -- view -> model ---------------------------------------------------------------------------------------
    def _item_edited(self, item):
        table = item.tableWidget()
        values = self._W if table is self.wTable else self._x.reshape(1, 2)
        old = float(values[item.row(), item.column()])
        text = item.text().strip().replace(",", ".").replace("−", "-")
        try:
            v = float(text)
            if not math.isfinite(v):
                raise ValueError
        except ValueError:
            self.messageLabel.setText(self.tr("“{t}” is not a number; kept {v:g}.").format(t=item.text(), v=old))
            with QSignalBlocker(table):
                item.setText(f"{old:.8g}")
            return
        new = values.copy()
        new[item.row(), item.column()] = v
        if table is self.wTable:
            self.set_values(W=new)
        else:
            self.set_values(x=new.reshape(2))

    def _target_edited(self, index):
        if index >= 0:
            self._target = index
            self._recompute()

    def _random_w(self):
        self._seed += 1
        self.set_values(W=np.random.default_rng(self._seed).random((2, 3)))
