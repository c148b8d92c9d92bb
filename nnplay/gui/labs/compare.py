"""Lab: compare two runs. Configurations A and B train side by side, in lock step, on the same data with the
same seed and the same mini-batches, so that any difference in the curves comes from the settings that differ.

The app's one clock (``nnplay.gui.clock``) drives both runs: one lock step trains A and then B on the same
mini-batch; each tick takes the lock steps the speed asks for (or fills the frame's budget), then redraws once.
When one run diverges, both pause, so the step counts stay equal; the message says which run diverged and why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape
from itertools import pairwise

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSignalBlocker
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnplay.core.config import (
    DATASET_NAMES,
    MAX_DROPOUT,
    MAX_SEED,
    MAX_WEIGHT_DECAY,
    NOT_2D_DATASETS,
    Config,
    ConfigError,
    task_changes,
)
from nnplay.core.datasets import DatasetError
from nnplay.core.features import FEATURE_LABELS
from nnplay.core.network import ACTIVATION_NAMES
from nnplay.core.optimizers import OPTIMIZERS
from nnplay.core.trainer import Trainer, dataset_for
from nnplay.gui.clock import Clock, SpeedControl
from nnplay.gui.session import SEC_PER_NUMGRAD_WORK
from nnplay.gui.style import configure_pyqtgraph, layer_color
from nnplay.gui.widgets import LogSpinBox, arg, core_text, named

CONTEXT = "CompareLab"
DEFAULT_SPEED = 200
"""Lock steps per second when the lab opens (both runs together)."""
SMOOTH = 20
"""The loss curves show the mean of the last SMOOTH mini-batches: one mini-batch is too noisy to compare."""
SMOOTH_GRAD = 50
"""The same for the gradient norms, smoothed more so that the dashed curves stay readable among many."""
MAX_POINTS = 300
"""Points drawn per curve (block means beyond that)."""
SHARED_FIELDS = ("dataset", "samples", "noise", "test_ratio", "csv_path", "data_dir", "seed", "batch_size", "task")
"""Settings both runs take from A: the same data, the same initial random numbers and the same batches."""
NUMERICAL_MAX_SECONDS = 0.05
"""Here both runs step in lock step, whole steps at a time: a numerical-gradient step estimated longer than this
(the window's cost model) uses backprop instead."""
MAX_EDIT_LAYERS = 16
MAX_EDIT_WIDTH = 256
"""Limits of the hidden-layer edits (as in the main control panel): two bigger nets would train too slowly."""
INIT_CHOICES = ("xavier", "he", 0.01, 0.1, 1.0, "zero")
FIELD_LABELS = {
    "hidden": QT_TRANSLATE_NOOP("CompareLab", "hidden layers"),
    "activation": QT_TRANSLATE_NOOP("CompareLab", "activation"),
    "init": QT_TRANSLATE_NOOP("CompareLab", "weight init"),
    "optimizer": QT_TRANSLATE_NOOP("CompareLab", "optimizer"),
    "learning_rate": QT_TRANSLATE_NOOP("CompareLab", "learning rate η"),
    "output": QT_TRANSLATE_NOOP("CompareLab", "output"),
    "loss": QT_TRANSLATE_NOOP("CompareLab", "loss"),
    "gradient": QT_TRANSLATE_NOOP("CompareLab", "gradient"),
    "batch_norm": QT_TRANSLATE_NOOP("CompareLab", "batch normalization"),
    "weight_decay": QT_TRANSLATE_NOOP("CompareLab", "weight decay λ"),
    "regularization": QT_TRANSLATE_NOOP("CompareLab", "regularization"),
    "dropout": QT_TRANSLATE_NOOP("CompareLab", "dropout"),
    "features": QT_TRANSLATE_NOOP("CompareLab", "input features"),
}
CH6_FIELDS = ("batch_norm", "weight_decay", "dropout")
"""The book's chapter 6 remedies, editable per run (issue #11)."""

DEEP = (16,) * 6
INIT_NET = (16,) * 4


@dataclass(frozen=True)
class Pair:
    key: str
    title: str  # untranslated; show with QCoreApplication.translate(CONTEXT, ...)
    explanation: str
    a: Config
    b: Config


PAIRS = (
    Pair(
        "sigmoid_relu",
        QT_TRANSLATE_NOOP("CompareLab", "sigmoid vs ReLU (6 hidden layers)"),
        QT_TRANSLATE_NOOP(
            "CompareLab",
            "sigmoid'(x) ≤ 0.25 shrinks the gradient at every layer: A's layer 1 (dark violet, lowest) gets "
            "about 10⁻⁵ of what its last layer gets, and A barely learns. ReLU + He (B, dashed) passes the "
            "gradient on: its curves stay together and its loss falls.",
        ),
        Config(dataset="circles", hidden=DEEP, activation="sigmoid", init="xavier", learning_rate=0.1),
        Config(dataset="circles", hidden=DEEP, activation="relu", init="he", learning_rate=0.1),
    ),
    Pair(
        "std_xavier",
        QT_TRANSLATE_NOOP("CompareLab", "init std 0.01 vs Xavier (ReLU)"),
        QT_TRANSLATE_NOOP(
            "CompareLab",
            "With weights of std 0.01 every layer makes its signal 100 times smaller: the activations and the "
            "gradients all but vanish and A never leaves its starting loss. Xavier (std √(1/n)) keeps the signal "
            "alive and B learns.",
        ),
        Config(dataset="spiral", hidden=INIT_NET, activation="relu", init=0.01, learning_rate=0.1),
        Config(dataset="spiral", hidden=INIT_NET, activation="relu", init="xavier", learning_rate=0.1),
    ),
    Pair(
        "std_he",
        QT_TRANSLATE_NOOP("CompareLab", "init std 0.01 vs He (ReLU)"),
        QT_TRANSLATE_NOOP(
            "CompareLab",
            "The same with He initialisation (std √(2/n)), made for ReLU, which zeroes half of its inputs: B "
            "starts learning at once (the book's ch. 6.2 experiment).",
        ),
        Config(dataset="spiral", hidden=INIT_NET, activation="relu", init=0.01, learning_rate=0.1),
        Config(dataset="spiral", hidden=INIT_NET, activation="relu", init="he", learning_rate=0.1),
    ),
    Pair(
        "xavier_he",
        QT_TRANSLATE_NOOP("CompareLab", "Xavier vs He (ReLU)"),
        QT_TRANSLATE_NOOP(
            "CompareLab",
            "Both learn; with ReLU, He's √2 larger weights make up for the half of the units that output 0, so B "
            "gets going sooner.",
        ),
        Config(dataset="spiral", hidden=INIT_NET, activation="relu", init="xavier", learning_rate=0.1),
        Config(dataset="spiral", hidden=INIT_NET, activation="relu", init="he", learning_rate=0.1),
    ),
    Pair(
        "sgd_adam",
        QT_TRANSLATE_NOOP("CompareLab", "SGD vs Adam"),
        QT_TRANSLATE_NOOP(
            "CompareLab",
            "The book's rates: SGD with η = 0.01 against Adam with η = 0.001. Adam scales each weight's step by "
            "its own gradient history and gets down much sooner, though its η is ten times smaller.",
        ),
        Config(dataset="spiral", hidden=INIT_NET, activation="relu", init="he", optimizer="sgd", learning_rate=0.01),
        Config(dataset="spiral", hidden=INIT_NET, activation="relu", init="he", optimizer="adam", learning_rate=0.001),
    ),
    Pair(
        "batchnorm",
        QT_TRANSLATE_NOOP("CompareLab", "deep sigmoid without vs with batch normalization"),
        QT_TRANSLATE_NOOP(
            "CompareLab",
            "The same six sigmoid layers; B normalises every unit's input over the mini-batch (the book's ch. 6.3). "
            "A's layer 1 gets almost no gradient; B's gets as much as its last layer, and B learns.",
        ),
        Config(dataset="circles", hidden=DEEP, activation="sigmoid", init="xavier", learning_rate=0.5),
        Config(dataset="circles", hidden=DEEP, activation="sigmoid", init="xavier", learning_rate=0.5, batch_norm=True),
    ),
    Pair(
        "same",
        QT_TRANSLATE_NOOP("CompareLab", "the same configuration twice"),
        QT_TRANSLATE_NOOP(
            "CompareLab",
            "A and B are identical, with the same seed and the same batches: training is deterministic, so the "
            "dashed curves lie exactly on the solid ones.",
        ),
        Config(dataset="circles", hidden=(8, 8), activation="tanh"),
        Config(dataset="circles", hidden=(8, 8), activation="tanh"),
    ),
)
PAIR_KEYS = tuple(p.key for p in PAIRS)


def _tr(text):
    return QCoreApplication.translate(CONTEXT, text)


def _param_count(sizes):
    return sum(a * b + b for a, b in pairwise(sizes))


# The names the main window's controls give these values (the same translations, context "ControlPanel").
VALUE_NAMES = {
    "dataset": {
        "circles": QT_TRANSLATE_NOOP("ControlPanel", "Circles"),
        "xor": QT_TRANSLATE_NOOP("ControlPanel", "XOR"),
        "gaussian": QT_TRANSLATE_NOOP("ControlPanel", "Two Gaussian blobs"),
        "moons": QT_TRANSLATE_NOOP("ControlPanel", "Moons"),
        "spiral": QT_TRANSLATE_NOOP("ControlPanel", "Spiral (3 classes)"),
        "digits": QT_TRANSLATE_NOOP("ControlPanel", "Digits 8×8 (10 classes)"),
        "mnist": QT_TRANSLATE_NOOP("ControlPanel", "MNIST 28×28 (10 digits)"),
        "fashion_mnist": QT_TRANSLATE_NOOP("ControlPanel", "Fashion-MNIST 28×28 (10 kinds of clothing)"),
        "reg_plane": QT_TRANSLATE_NOOP("ControlPanel", "Plane (values to fit)"),
        "reg_gauss": QT_TRANSLATE_NOOP("ControlPanel", "Gaussian bumps (values to fit)"),
        "sine": QT_TRANSLATE_NOOP("ControlPanel", "Sine y = sin x (values to fit)"),
    },
    "activation": {
        "step": QT_TRANSLATE_NOOP("ControlPanel", "step"),
        "sigmoid": QT_TRANSLATE_NOOP("ControlPanel", "sigmoid"),
        "tanh": QT_TRANSLATE_NOOP("ControlPanel", "tanh"),
        "relu": QT_TRANSLATE_NOOP("ControlPanel", "ReLU"),
        "identity": QT_TRANSLATE_NOOP("ControlPanel", "identity"),
    },
    "output": {
        "softmax": QT_TRANSLATE_NOOP("ControlPanel", "softmax"),
        "identity": QT_TRANSLATE_NOOP("ControlPanel", "identity"),
    },
    "loss": {
        "cross_entropy": QT_TRANSLATE_NOOP("ControlPanel", "cross-entropy"),
        "sum_squared_error": QT_TRANSLATE_NOOP("ControlPanel", "sum of squared error"),
    },
    "init": {
        "xavier": QT_TRANSLATE_NOOP("ControlPanel", "Xavier"),
        "he": QT_TRANSLATE_NOOP("ControlPanel", "He"),
        "zero": QT_TRANSLATE_NOOP("ControlPanel", "zero"),
    },
    "optimizer": {"sgd": "SGD", "momentum": "Momentum", "adagrad": "AdaGrad", "adam": "Adam"},
}


def _format_value(field, value):
    """A setting's value as the main window's controls name it (translated), e.g. "ReLU", "Xavier"."""
    if field == "hidden":
        if not value:
            return "–"
        if len(set(value)) == 1 and len(value) > 2:
            return f"{value[0]}×{len(value)}"
        return ",".join(str(v) for v in value)
    if field == "init" and not isinstance(value, str):
        return f"std {value:g}"
    if field == "learning_rate":
        return f"η={value:g}"
    if field in ("weight_decay", "dropout"):
        return f"{value:g}" if value else QCoreApplication.translate("ControlPanel", "off")
    if field == "batch_norm":
        return (
            QCoreApplication.translate("CompareLab", "on")
            if value
            else QCoreApplication.translate("ControlPanel", "off")
        )
    if field == "features":
        return ", ".join(FEATURE_LABELS[f] for f in (value or ("x1", "x2")))
    if field == "regularization":
        return str(value).upper()
    name = VALUE_NAMES.get(field, {}).get(value)
    if name is not None:
        return QCoreApplication.translate("ControlPanel", name)
    return str(value)


def differing_fields(a: Config, b: Config):
    """Names of the Config fields whose values differ between ``a`` and ``b`` (in Config order)."""
    da, db = a.to_dict(), b.to_dict()
    return (
        [k for k in da if k in db and da[k] != db[k]] + [k for k in da if k not in db] + [k for k in db if k not in da]
    )


def short_name(config: Config, fields):
    """A legend name made of the values of the differing fields, e.g. ``sigmoid, xavier``."""
    return ", ".join(_format_value(f, getattr(config, f)) for f in fields)


def _smooth(y, k=SMOOTH):
    """Trailing mean of the last ``k`` rows (fewer at the start) of y (n,) or (n, m)."""
    y = np.asarray(y, dtype=np.float64)
    if len(y) == 0 or k <= 1:
        return y
    cs = np.cumsum(np.concatenate([np.zeros((1, *y.shape[1:])), y]), axis=0)
    n = len(y)
    idx = np.arange(1, n + 1)
    lo = np.maximum(idx - k, 0)
    counts = (idx - lo).reshape(-1, *([1] * (y.ndim - 1)))
    with np.errstate(invalid="ignore", over="ignore"):
        return (cs[idx] - cs[lo]) / counts


def _bin(x, y, max_points):
    """Block means of ``y`` rows so that at most ``max_points`` (+1) remain, keyed by each block's last step.

    Drawing 16 noisy anti-aliased curves of thousands of points costs ~100 ms a frame; a few hundred smoothed
    points per curve draw in a few ms and read better.
    """
    n = len(x)
    if n <= max_points:
        return x, y
    b = math.ceil(n / max_points)
    r = n % b
    xs, ys = [], []
    if r:
        xs.append(x[r - 1 : r])
        ys.append(y[:r].mean(axis=0, keepdims=True))
    m = (n - r) // b
    xs.append(x[r + b - 1 :: b])
    ys.append(y[r:].reshape(m, b, *y.shape[1:]).mean(axis=1))
    return np.concatenate(xs), np.concatenate(ys)


class CompareLab(QWidget):
    """Two configurations trained side by side on the same data, seed and batches, driven by one timer."""

    OWN_TIME_CONTROLS = True
    """It has its own Play, Step and Reset: the main window's act on the Training tab and are disabled here."""

    def __init__(self, config_a: Config | None = None, config_b: Config | None = None, parent=None):
        super().__init__(parent)
        configure_pyqtgraph()
        self.setObjectName("compareLab")
        self._a: Trainer | None = None
        self._b: Trainer | None = None
        self._curves = {"A": [], "B": []}
        self.clock = Clock(self._lock_steps, lambda: self._a.step_count, self, speed=DEFAULT_SPEED)
        self.clock.ticked.connect(lambda _n: self.redraw())
        self.clock.playingChanged.connect(self._on_playing)
        self._pair_key = None
        self._build()
        if config_a is None and config_b is None:
            self.set_pair(PAIRS[0].key)
        else:
            self.set_configs(config_a or Config(), config_b or config_a or Config())

    def title(self):
        return self.tr("Compare two runs")

    def figure_step(self):
        """The step both runs are at (for the file names of saved figures)."""
        return self._a.step_count if self._a is not None else 0

    # -- building ---------------------------------------------------------------------------------------
    def _build(self):
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Start from:")))
        self.pairCombo = named(
            QComboBox(),
            "comparePairCombo",
            self.tr("Starting pair"),
            self.tr("Load a classic comparison from the lecture into A and B (both runs start over)."),
        )
        for p in PAIRS:
            self.pairCombo.addItem(_tr(p.title), p.key)
        self.pairCombo.addItem(self.tr("(your own settings)"), "")
        self.pairCombo.activated.connect(self._pair_chosen)
        top.addWidget(self.pairCombo, 1)
        layout.addLayout(top)
        top = QHBoxLayout()  # (time in a row of its own: the lab fits a small screen)
        self.playButton = named(
            QPushButton(self.tr("Play")),
            "comparePlayButton",
            self.tr("Play or pause both runs"),
            self.tr("Train A and B together, one mini-batch each in turn, so both are always at the same step."),
        )
        self.playButton.setCheckable(True)
        self.playButton.toggled.connect(self._play_toggled)
        top.addWidget(self.playButton)
        self.stepButton = named(
            QPushButton(self.tr("Step")),
            "compareStepButton",
            self.tr("One step of both runs"),
            self.tr("One mini-batch update for A and one for B (the same mini-batch)."),
        )
        self.stepButton.clicked.connect(lambda: self.step(1))
        top.addWidget(self.stepButton)
        self.resetButton = named(
            QPushButton(self.tr("Reset")),
            "compareResetButton",
            self.tr("Reset both runs"),
            self.tr("Both runs start over from their initial weights (same seed: the same weights as before)."),
        )
        self.resetButton.clicked.connect(self.reset)
        top.addWidget(self.resetButton)
        self.speedControl = SpeedControl(self.clock, prefix="compare")
        top.addSpacing(8)
        top.addWidget(self.speedControl)
        top.addStretch(1)
        layout.addLayout(top)

        self.pairNote = QLabel()
        self.pairNote.setObjectName("comparePairNote")
        self.pairNote.setWordWrap(True)
        self.pairNote.setStyleSheet(
            "QLabel { background: #eef4ff; border: 1px solid #9db7e8; padding: 4px; border-radius: 4px; }"
        )
        layout.addWidget(self.pairNote)

        middle = QHBoxLayout()
        middle.addWidget(self._editor(), 3)
        right = QVBoxLayout()
        caption = QLabel(self.tr("What differs between A and B:"))
        right.addWidget(caption)
        self.diffTable = named(
            QTableWidget(0, 2),
            "compareDiffTable",
            self.tr("Settings that differ between A and B"),
            self.tr("Only the settings that differ; data, seed and batch size are always the same for both."),
        )
        self.diffTable.setHorizontalHeaderLabels([self.tr("A (solid)"), self.tr("B (dashed)")])
        self.diffTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diffTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        right.addWidget(self.diffTable)
        self.statusLabel = named(
            QLabel(),
            "compareStatusLabel",
            self.tr("Step and accuracy of both runs"),
            self.tr("Both runs are always at the same step; accuracy (R² for values) is on the whole training set."),
        )
        self.statusLabel.setWordWrap(True)
        font = QFont(self.statusLabel.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.statusLabel.setFont(font)
        right.addWidget(self.statusLabel)
        right.addStretch(1)
        middle.addLayout(right, 2)
        layout.addLayout(middle)

        self.messageLabel = QLabel()
        self.messageLabel.setObjectName("compareMessageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setStyleSheet(
            "QLabel { color: #8a0000; background: #fff0f0; border: 1px solid #e0a0a0; padding: 4px; }"
        )
        self.messageLabel.hide()
        layout.addWidget(self.messageLabel)

        plots = QHBoxLayout()
        self.lossPlot = named(
            pg.PlotWidget(),
            "compareLossPlot",
            self.tr("Loss of A and B"),
            self.tr(
                "Cross-entropy (or squared error) of the mini-batches, without the weight-decay term (so that runs "
                "with and without it compare), mean of the last %n steps. A solid, B dashed.",
                "",
                SMOOTH,
            ),
        )
        pi = self.lossPlot.getPlotItem()
        pi.setTitle(self.tr("Loss (mean of the last %n mini-batches)", "", SMOOTH), size="10pt")
        pi.setLabel("bottom", self.tr("step"))
        pi.setLabel("left", self.tr("loss"))
        pi.showGrid(x=False, y=True, alpha=0.25)
        pi.getAxis("left").enableAutoSIPrefix(False)
        self._loss_curves = {run: pi.plot([], [], pen=self._pen(run, "k"), name=run) for run in "AB"}
        plots.addWidget(self.lossPlot, 1)

        self.gradientPlot = named(
            pg.PlotWidget(),
            "compareGradientPlot",
            self.tr("Gradient norm per layer of A and B"),
            self.tr(
                "‖∂L/∂W‖ of every layer (log scale), mean of the last %n steps. Colour: layer 1 (dark violet, "
                "input side) to the last layer (yellow-green). A solid, B dashed.",
                "",
                SMOOTH_GRAD,
            ),
        )
        gi = self.gradientPlot.getPlotItem()
        gi.setLabel("bottom", self.tr("step"))
        gi.setLabel("left", self.tr("‖∂L/∂W‖ (log scale)"))
        gi.setLogMode(x=False, y=True)
        gi.getAxis("left").enableAutoSIPrefix(False)
        gi.showGrid(x=False, y=True, alpha=0.25)
        plots.addWidget(self.gradientPlot, 1)
        layout.addLayout(plots, 1)

    def _editor(self):
        box = QGroupBox(self.tr("Settings (an edit restarts both runs)"))
        box.setObjectName("compareConfigEdit")
        grid = QGridLayout(box)
        grid.setVerticalSpacing(3)
        grid.addWidget(QLabel(self.tr("<b>A</b> ━━ solid")), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>B</b> ╍╍ dashed")), 0, 2)
        self._edits = {}
        rows = [
            ("hidden", self.tr("Hidden layers")),
            ("activation", self.tr("Activation")),
            ("init", self.tr("Weight init")),
            ("optimizer", self.tr("Optimizer")),
            ("learning_rate", self.tr("Learning rate η")),
            ("batch_norm", self.tr("Batch norm")),
            ("weight_decay", self.tr("Weight decay λ")),
            ("dropout", self.tr("Dropout")),
        ]
        for r, (field, text) in enumerate(rows, start=1):
            grid.addWidget(QLabel(text), r, 0)
            for c, run in enumerate("AB", start=1):
                w = self._make_edit(field, run)
                self._edits[run, field] = w
                grid.addWidget(w, r, c)
        r = len(rows) + 1
        shared = QLabel(self.tr("<i>The same for A and B, so both see the same batches:</i>"))
        grid.addWidget(shared, r, 0, 1, 3)
        self.datasetCombo = named(
            QComboBox(),
            "compareDatasetCombo",
            self.tr("Data set of both runs"),
            self.tr("Both runs train on this one data set (made once, shared)."),
        )
        for name in DATASET_NAMES:
            if name != "csv":
                self.datasetCombo.addItem(_format_value("dataset", name), name)
        self.datasetCombo.activated.connect(self._edited)
        self.batchSpin = named(
            QSpinBox(),
            "compareBatchSizeSpin",
            self.tr("Batch size of both runs"),
            self.tr("Samples per mini-batch. The same seed and batch size give both runs the same batches."),
        )
        self.batchSpin.setRange(1, 1000)
        self.batchSpin.setKeyboardTracking(False)
        self.batchSpin.valueChanged.connect(self._edited)
        self.seedSpin = named(
            QSpinBox(),
            "compareSeedSpin",
            self.tr("Seed of both runs"),
            self.tr("Random seed of the data, the initial weights and the shuffling, shared by A and B."),
        )
        self.seedSpin.setRange(0, MAX_SEED)
        self.seedSpin.setKeyboardTracking(False)
        self.seedSpin.valueChanged.connect(self._edited)
        shared_row = QHBoxLayout()
        for i, (text, w) in enumerate(
            (
                (self.tr("Data set:"), self.datasetCombo),
                (self.tr("Batch size:"), self.batchSpin),
                (self.tr("Seed:"), self.seedSpin),
            )
        ):
            if i:
                shared_row.addSpacing(10)
            shared_row.addWidget(QLabel(text))
            shared_row.addWidget(w, 1)
        grid.addLayout(shared_row, r + 1, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        return box

    def _make_edit(self, field, run):
        name = f"compare{run}"
        what = arg(self.tr("of run %1"), run)
        if field == "hidden":
            w = named(
                QLineEdit(),
                f"{name}HiddenEdit",
                arg(self.tr("Hidden layers %1"), what),
                self.tr("Neurons per hidden layer, input side first, e.g. 16, 16, 16 (empty: none)."),
            )
            w.setValidator(QRegularExpressionValidator(r"[0-9 ,]*", w))
            w.editingFinished.connect(self._edited)
            return w
        if field == "batch_norm":
            w = named(
                QCheckBox(),
                f"{name}BatchNormCheck",
                arg(self.tr("Batch normalization %1"), what),
                self.tr("Batch normalization between every hidden Affine layer and its activation (the book's)."),
            )
            w.toggled.connect(self._edited)
            return w
        if field in ("weight_decay", "dropout"):
            w = named(
                QDoubleSpinBox(),
                f"{name}{'WeightDecay' if field == 'weight_decay' else 'Dropout'}Spin",
                arg(self.tr("Weight decay λ %1") if field == "weight_decay" else self.tr("Dropout ratio %1"), what),
                self.tr("Weight decay: + ½λΣW² in the loss (0: off).")
                if field == "weight_decay"
                else self.tr("Dropout: the share of hidden units switched off in each training step (0: off)."),
            )
            w.setRange(0.0, MAX_WEIGHT_DECAY if field == "weight_decay" else MAX_DROPOUT)
            w.setDecimals(3)
            w.setSingleStep(0.01 if field == "weight_decay" else 0.05)
            w.setSpecialValueText(QCoreApplication.translate("ControlPanel", "off"))
            w.setKeyboardTracking(False)
            w.valueChanged.connect(self._edited)
            return w
        if field == "learning_rate":
            w = named(
                LogSpinBox(1e-5, 10.0),
                f"{name}LearningRateSpin",
                arg(self.tr("Learning rate %1"), what),
                self.tr("η in W ← W − η·∂L/∂W (SGD); Adam uses η as its step size."),
            )
            w.valueChanged.connect(self._edited)
            return w
        w = QComboBox()
        if field == "activation":
            named(
                w,
                f"{name}ActivationCombo",
                arg(self.tr("Activation %1"), what),
                self.tr("h in every hidden layer: sigmoid 1/(1+e^−x), tanh, ReLU max(0, x), step, identity x."),
            )
            for a in ACTIVATION_NAMES:
                w.addItem(_format_value("activation", a), a)
        elif field == "init":
            named(
                w,
                f"{name}InitCombo",
                arg(self.tr("Weight initialisation %1"), what),
                self.tr(
                    "Std of the initial weights: Xavier √(1/n), He √(2/n) (n = inputs of the layer) or a fixed std."
                ),
            )
            for v in INIT_CHOICES:
                w.addItem(_format_value("init", v), v)
        elif field == "optimizer":
            named(
                w,
                f"{name}OptimizerCombo",
                arg(self.tr("Optimizer %1"), what),
                self.tr("SGD: W ← W − η·g; Momentum; AdaGrad; Adam: steps scaled by each weight's gradient history."),
            )
            for o in OPTIMIZERS:
                w.addItem(_format_value("optimizer", o), o)
        w.activated.connect(self._edited)
        return w

    @staticmethod
    def _pen(run, color, width=2):
        pen = pg.mkPen(color, width=width)
        if run == "B":
            pen.setDashPattern([3, 2])  # in pen widths: 6 px dashes, 4 px gaps
        return pen

    # -- public -----------------------------------------------------------------------------------------
    def trainers(self):
        """(A, B): the two ``Trainer`` objects."""
        return self._a, self._b

    def configs(self):
        return self._a.config, self._b.config

    @property
    def playing(self):
        return self.clock.playing

    def set_pair(self, name):
        """Load a starting pair by key (see ``PAIR_KEYS``) or by its (English or translated) title."""
        pair = next((p for p in PAIRS if name in (p.key, p.title, _tr(p.title))), None)
        if pair is None:
            raise ValueError(f"unknown pair {name!r}; choose one of {', '.join(PAIR_KEYS)}")
        self.set_configs(pair.a, pair.b)
        self._pair_key = pair.key
        with QSignalBlocker(self.pairCombo):
            self.pairCombo.setCurrentIndex(PAIR_KEYS.index(pair.key))
        self.pairNote.setText(f"<b>{_tr(pair.title)}.</b> {_tr(pair.explanation)}")
        self.pairNote.show()

    def set_configs(self, a: Config, b: Config):
        """Train ``a`` against ``b`` from step 0. B takes the data set, seed and batch size from A."""
        self.pause()
        shared = {k: getattr(a, k) for k in SHARED_FIELDS}
        try:  # (values to fit: B gets the identity output and the squared error too)
            b = b.replace(**task_changes(b, shared))
        except ConfigError as e:
            self._show_message(arg(self.tr("Not applied: %1"), core_text(e)))
            return False
        notes = []
        try:
            ds = dataset_for(a)
        except (DatasetError, ConfigError, ValueError, OSError) as e:
            self._show_message(arg(self.tr("Cannot make the data set: %1"), core_text(e)))
            return False
        trainers = []
        for c in (a, b):
            tr = Trainer(c, eval_every=0, dataset=ds)
            seconds = tr.estimated_step_work() * SEC_PER_NUMGRAD_WORK
            if seconds > NUMERICAL_MAX_SECONDS:
                tr = Trainer(c.replace(gradient="backprop"), eval_every=0, dataset=ds)
                sizes = (len(c.features) or ds.n_features, *c.hidden, ds.n_outputs)
                notes.append(
                    arg(
                        self.tr("The numerical gradient of %1 parameters is too slow here; using backprop."),
                        f"{_param_count(sizes):,}",
                    )
                )
            trainers.append(tr)
        self._a, self._b = trainers
        self.clock.forget_cost()
        self._pair_key = None
        with QSignalBlocker(self.pairCombo):
            self.pairCombo.setCurrentIndex(self.pairCombo.count() - 1)
        self.pairNote.setText(
            self.tr("Your own settings: A solid, B dashed; data, seed and batches are the same for both.")
        )
        self._show_configs()
        self._make_curves()
        if notes:
            self._show_message(" ".join(notes))
        else:
            self.messageLabel.hide()
        self._update_buttons()
        self.redraw()
        return True

    def step(self, n=1):
        """Advance both runs by ``n`` steps in lock step (fewer if one diverges); returns the steps taken."""
        done = self._advance(int(n))
        self.redraw()
        return done

    def play(self):
        self.playButton.setChecked(True)

    def pause(self):
        self.playButton.setChecked(False)

    def reset(self):
        """Both runs start over (same seed: the same initial weights and batches)."""
        self.pause()
        self._a.reset()
        self._b.reset()
        self.clock.forget_cost()
        self.messageLabel.hide()
        self._update_buttons()
        self.redraw()

    def set_speed(self, steps_per_second):
        """Lock steps per second (0: as fast as possible)."""
        self.speedControl.set_speed(steps_per_second)

    def shutdown(self):
        self.clock.pause()

    # -- training ---------------------------------------------------------------------------------------
    def _advance(self, n):
        a, b = self._a, self._b
        if n <= 0 or a.diverged is not None or b.diverged is not None:
            return 0
        ra = a.step(n)
        done = len(ra) - (1 if ra.diverged else 0)
        if done:
            rb = b.step(done)
            if rb.diverged:
                done = len(rb) - 1
        if a.diverged is not None or b.diverged is not None:
            self._on_diverged()
        return done

    def _on_diverged(self):
        self.pause()
        parts = []
        for run, tr in (("A", self._a), ("B", self._b)):
            if tr.diverged is not None:
                parts.append(arg(self.tr("<b>Run %1 diverged.</b> %2"), run, core_text(tr.diverged.message_text)))
        parts.append(
            self.tr(
                "Both runs are paused so that they stay at the same step. Lower the learning rate (this restarts "
                "both) or press Reset."
            )
        )
        self._show_message(" ".join(parts))
        self._update_buttons()

    def _lock_steps(self, k):
        """The clock's step: ``k`` lock steps of both runs; it cannot go on once one of them diverged."""
        done = self._advance(k)
        return done, self._a.diverged is None and self._b.diverged is None

    def _play_toggled(self, on):
        if on and (self._a.diverged is not None or self._b.diverged is not None):
            with QSignalBlocker(self.playButton):
                self.playButton.setChecked(False)
            on = False
        if on:
            self.clock.play()
        else:
            self.clock.pause()
        self._on_playing(self.clock.playing)

    def _on_playing(self, on):
        with QSignalBlocker(self.playButton):
            self.playButton.setChecked(on)
        self.playButton.setText(self.tr("Pause") if on else self.tr("Play"))
        self.stepButton.setEnabled(not on and self._a.diverged is None and self._b.diverged is None)

    # -- editing ----------------------------------------------------------------------------------------
    def _pair_chosen(self, index):
        key = self.pairCombo.itemData(index)
        if key:
            self.set_pair(key)

    def _edited(self, *_):
        try:
            configs = []
            for run, base in (("A", self._a.config), ("B", self._b.config)):
                init = self._edits[run, "init"].currentData()
                dataset = self.datasetCombo.currentData()
                changes = task_changes(base, {"dataset": dataset})  # (values to fit: identity output)
                if dataset in NOT_2D_DATASETS:
                    changes["features"] = ()
                configs.append(
                    base.replace(
                        hidden=self._edits[run, "hidden"].text(),
                        activation=self._edits[run, "activation"].currentData(),
                        init=init,
                        optimizer=self._edits[run, "optimizer"].currentData(),
                        learning_rate=self._edits[run, "learning_rate"].value(),
                        batch_size=self.batchSpin.value(),
                        seed=self.seedSpin.value(),
                        csv_path=None if dataset != "csv" else base.csv_path,
                        batch_norm=self._edits[run, "batch_norm"].isChecked(),
                        weight_decay=self._edits[run, "weight_decay"].value(),
                        dropout=self._edits[run, "dropout"].value(),
                        **changes,
                    )
                )
            for c in configs:
                if len(c.hidden) > MAX_EDIT_LAYERS or max(c.hidden, default=0) > MAX_EDIT_WIDTH:
                    raise ConfigError(
                        arg(
                            self.tr("hidden: use at most %1 hidden layers of at most %2 neurons here"),
                            MAX_EDIT_LAYERS,
                            MAX_EDIT_WIDTH,
                        )
                    )
        except ConfigError as e:
            self._show_configs()  # back to the settings in use, so the next edit starts from valid ones
            self._show_message(arg(self.tr("Not applied: %1"), core_text(e)))
            return
        if configs[0] == self._a.config and configs[1] == self._b.config:
            return
        self.set_configs(*configs)

    def _show_configs(self):
        for run, c in (("A", self._a.config), ("B", self._b.config)):
            edits = {
                f: self._edits[run, f]
                for f in ("hidden", "activation", "init", "optimizer", "learning_rate", *CH6_FIELDS)
            }
            for w in edits.values():
                w.blockSignals(True)
            edits["hidden"].setText(", ".join(str(h) for h in c.hidden))
            _select(edits["activation"], c.activation)
            init = edits["init"]
            if init.findData(c.init) < 0:
                init.addItem(_format_value("init", c.init), c.init)
            _select(init, c.init)
            _select(edits["optimizer"], c.optimizer)
            edits["learning_rate"].setValue(c.learning_rate)
            edits["batch_norm"].setChecked(c.batch_norm)
            edits["weight_decay"].setValue(c.weight_decay)
            edits["dropout"].setValue(c.dropout)
            for w in edits.values():
                w.blockSignals(False)
        a = self._a.config
        for w in (self.datasetCombo, self.batchSpin, self.seedSpin):
            w.blockSignals(True)
        if self.datasetCombo.findData(a.dataset) < 0:
            self.datasetCombo.addItem(a.dataset, a.dataset)
        _select(self.datasetCombo, a.dataset)
        self.batchSpin.setValue(a.batch_size)
        self.seedSpin.setValue(a.seed)
        for w in (self.datasetCombo, self.batchSpin, self.seedSpin):
            w.blockSignals(False)

        fields = differing_fields(self._a.config, self._b.config)
        self._names = {"A": "A", "B": "B"}
        if fields:
            self._names = {
                "A": f"A: {short_name(self._a.config, fields)}",
                "B": f"B: {short_name(self._b.config, fields)}",
            }
        table = self.diffTable
        if not fields:
            table.setRowCount(1)
            table.setVerticalHeaderLabels([""])
            item = QTableWidgetItem(self.tr("nothing: A and B are the same, so their curves coincide"))
            table.setItem(0, 0, item)
            table.setSpan(0, 0, 1, 2)
        else:
            table.clearSpans()
            table.setRowCount(len(fields))
            table.setVerticalHeaderLabels([_tr(FIELD_LABELS[f]) if f in FIELD_LABELS else f for f in fields])
            for r, f in enumerate(fields):
                for col, c in enumerate((self._a.config, self._b.config)):
                    item = QTableWidgetItem(_format_value(f, getattr(c, f)))
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    table.setItem(r, col, item)
        table.resizeRowsToContents()
        rows_h = sum(table.rowHeight(i) for i in range(table.rowCount()))
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows_h + 2 * table.frameWidth() + 2)

    # -- drawing ----------------------------------------------------------------------------------------
    def _make_curves(self):
        gi = self.gradientPlot.getPlotItem()
        for items in self._curves.values():
            for item in items:
                gi.removeItem(item)
        self._curves = {"A": [], "B": []}
        for run, tr in (("A", self._a), ("B", self._b)):
            n = tr.network.n_layers
            for i in range(n):
                pen = self._pen(run, layer_color(i, n))
                item = gi.plot([], [], pen=pen)
                self._curves[run].append(item)
        n = max(self._a.network.n_layers, self._b.network.n_layers)
        swatches = " ".join(f"<span style='color:{layer_color(i, n).name()}'>■{i + 1}</span>" for i in range(n))
        gi.setTitle(arg(self.tr("‖∂L/∂W‖ of layer %1 (A solid, B dashed)"), swatches), size="10pt")
        # Which line is which, in the title (a legend inside the plot covered run A's curve).
        lines = {"A": "━━", "B": "╍╍"}
        key = " &nbsp; ".join(f"{lines[run]}&nbsp;{escape(self._names[run])}" for run in "AB")
        title = escape(self.tr("Loss (mean of the last %n mini-batches)", "", SMOOTH))
        self.lossPlot.getPlotItem().setTitle(f"{title}<br>{key}", size="10pt")

    def redraw(self):
        """Redraw the curves and the status from both histories (called once per timer tick)."""
        starts, peaks = [], []
        for run, tr in (("A", self._a), ("B", self._b)):
            h = tr.history
            x = h.step_x
            if len(x):
                ys = np.column_stack([_smooth(h.data_loss), _smooth(h.grad_norm, SMOOTH_GRAD)])
                with np.errstate(invalid="ignore"):
                    xb, yb = _bin(x, ys, MAX_POINTS)
                self._loss_curves[run].setData(xb, yb[:, 0])
                with np.errstate(invalid="ignore"):
                    starts.append(float(h.data_loss[0]) if np.isfinite(h.data_loss[0]) else 0.0)
                    peaks.append(float(np.nanmax(np.where(np.isfinite(yb[:, 0]), yb[:, 0], np.inf), initial=0.0)))
                for i, item in enumerate(self._curves[run]):
                    item.setData(xb, yb[:, 1 + i])
            else:
                self._loss_curves[run].setData([], [])
                for item in self._curves[run]:
                    item.setData([], [])
        # A loss that explodes would squash the other curve flat: keep the view on the sensible range and let
        # the exploding curve leave it at the top (the message says what happened).
        vb = self.lossPlot.getPlotItem().getViewBox()
        ref = max(starts, default=0.0)
        if ref > 0 and max(peaks, default=0.0) > 5 * ref:
            vb.enableAutoRange(axis="y", enable=False)
            vb.setYRange(0, 1.5 * ref, padding=0)
        else:
            vb.enableAutoRange(axis="y", enable=True)
        self._update_status()

    def _update_status(self):
        a, b = self._a, self._b
        parts = [arg(self.tr("<b>step %1</b> (epoch %2)"), f"{a.step_count:,}", a.epoch)]
        for run, tr in (("A", a), ("B", b)):
            loss = tr.history.data_loss[-SMOOTH:].mean() if len(tr.history.loss) else float("nan")
            loss_text = f"{loss:.4g}" if len(tr.history.loss) else "—"  # (no step yet: no mini-batch loss)
            if tr.dataset.task == "regression":
                with np.errstate(all="ignore"):
                    r2, _ = tr.regression_scores("train")
                parts.append(arg(self.tr("%1: loss %2, training R² %3"), run, loss_text, f"{r2:.3f}"))
            else:
                with np.errstate(all="ignore"):
                    acc = tr.accuracy("train")
                parts.append(arg(self.tr("%1: loss %2, training accuracy %3 %"), run, loss_text, f"{100 * acc:.0f}"))
            g = tr.history.grad_norm[-SMOOTH_GRAD:]
            if len(g):
                zero = [str(i + 1) for i in range(g.shape[1]) if not np.any(g[:, i])]
                if zero:
                    text = (
                        self.tr("%1: ‖∂L/∂W‖ is exactly 0 in layer %2 (no curve: 0 has no place on a log scale)")
                        if len(zero) == 1
                        else self.tr("%1: ‖∂L/∂W‖ is exactly 0 in layers %2 (no curves: 0 has no place on a log scale)")
                    )
                    parts.append(f"&nbsp;&nbsp;<i>{arg(text, run, ', '.join(zero))}</i>")
        self.statusLabel.setText("<br>".join(parts))

    def _update_buttons(self):
        ok = self._a.diverged is None and self._b.diverged is None
        self.playButton.setEnabled(ok)
        self.stepButton.setEnabled(ok and not self.playing)

    def _show_message(self, text):
        self.messageLabel.setText(text)
        self.messageLabel.show()


def _select(combo, data):
    i = combo.findData(data)
    if i >= 0:
        combo.setCurrentIndex(i)
