"""The control panel: every setting of ``Config`` as a widget, in both directions.

``set_config`` shows a config (model → view, with signals blocked so nothing loops); every user edit
emits ``configEdited`` with the new config (view → model). The panel never trains anything itself.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnplay.core.config import (
    IDX_DATASET_NAMES,
    MAX_DROPOUT,
    MAX_SEED,
    MAX_WEIGHT_DECAY,
    NOT_2D_DATASETS,
    Config,
    ConfigError,
    task_changes,
)
from nnplay.core.features import FEATURE_LABELS, FEATURE_NAMES
from nnplay.gui.session import NUMERICAL_MAX_SECONDS
from nnplay.gui.widgets import LogSpinBox, arg, core_text, named

MAX_GUI_LAYERS = 16
MAX_GUI_WIDTH = 256


def duration_text(widget, seconds):
    """ "12 ms", "1.5 s", "3 min", "17 h" (translated with the widget's context)."""
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    if seconds < 1:
        return arg(translate("ControlPanel", "%1 ms"), f"{max(1, round(1000 * seconds))}")
    if seconds < 120:
        return arg(translate("ControlPanel", "%1 s"), f"{seconds:.2g}" if seconds < 10 else f"{seconds:.0f}")
    if seconds < 7200:
        return arg(translate("ControlPanel", "%1 min"), f"{seconds / 60:.0f}")
    return arg(translate("ControlPanel", "%1 h"), f"{seconds / 3600:,.0f}")


def param_count(sizes):
    return sum(a * b + b for a, b in pairwise(sizes))


class ControlPanel(QWidget):
    configEdited = Signal(object)  # Config chosen by the user
    csvRequested = Signal()  # the user picked "CSV file…": the window asks for a path
    dataDirRequested = Signal()  # the user pressed "Folder…" (MNIST): the window asks for a folder

    def __init__(self, config: Config | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("controlPanel")
        self._config = config or Config()
        self._n_features = 2
        self._n_classes = 2
        self.numerical_seconds = None  # config -> estimated seconds of a numerical-gradient step (the window's)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._data_group())
        layout.addWidget(self._network_group())
        layout.addWidget(self._training_group())
        layout.addWidget(self._overfitting_group())
        self.messageLabel = QLabel()
        self.messageLabel.setObjectName("controlsMessage")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setStyleSheet("color: #a00000;")
        self.messageLabel.hide()
        layout.addWidget(self.messageLabel)
        layout.addStretch(1)
        self.set_config(self._config)

    # -- building --------------------------------------------------------------------------------------
    def _combo(self, name, accessible, tip, items):
        combo = named(QComboBox(), name, accessible, tip)
        for key, text in items:
            combo.addItem(text, key)
        if max((len(text) for _key, text in items), default=0) > 16:
            # As wide as the column allows, not as its longest item (the data sets' long names widened the whole
            # column past a 1024-pixel screen); the open list still shows every item whole.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(7)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        combo.currentIndexChanged.connect(self._edited)
        return combo

    def _data_group(self):
        box = QGroupBox(self.tr("Data"))
        form = QFormLayout(box)
        self.datasetCombo = self._combo(
            "datasetCombo",
            self.tr("Data set"),
            self.tr("Which data to learn. Changing it starts training over."),
            [
                ("circles", self.tr("Circles")),
                ("xor", self.tr("XOR")),
                ("gaussian", self.tr("Two Gaussian blobs")),
                ("moons", self.tr("Moons")),
                ("spiral", self.tr("Spiral (3 classes)")),
                ("digits", self.tr("Digits 8×8 (10 classes)")),
                ("reg_plane", self.tr("Plane (values to fit)")),
                ("reg_gauss", self.tr("Gaussian bumps (values to fit)")),
                ("sine", self.tr("Sine y = sin x (values to fit)")),
                ("csv", self.tr("CSV file…")),
                ("mnist", self.tr("MNIST 28×28 (10 digits)")),
                ("fashion_mnist", self.tr("Fashion-MNIST 28×28 (10 kinds of clothing)")),
            ],
        )
        self.datasetCombo.currentIndexChanged.disconnect(self._edited)
        self.datasetCombo.currentIndexChanged.connect(self._dataset_changed)
        self.csvChooseButton = named(
            QPushButton(self.tr("Choose…")),
            "csvChooseButton",
            self.tr("Choose a CSV file"),
            self.tr("Train on your own data: choose a CSV file (numeric feature columns and a label column)"),
        )
        self.csvChooseButton.clicked.connect(self.csvRequested)
        row = QHBoxLayout()
        row.addWidget(self.datasetCombo, 1)
        row.addWidget(self.csvChooseButton)
        form.addRow(self.tr("Data set"), row)
        self.csvLabel = QLabel()
        self.csvLabel.setObjectName("csvPathLabel")
        self.csvLabel.setWordWrap(True)
        form.addRow("", self.csvLabel)
        self.dataDirRow = QWidget()
        self.dataDirRow.setObjectName("dataDirRow")
        row = QHBoxLayout(self.dataDirRow)
        row.setContentsMargins(0, 0, 0, 0)
        self.dataDirLabel = QLabel()
        self.dataDirLabel.setObjectName("dataDirLabel")
        self.dataDirLabel.setWordWrap(True)
        self.dataDirLabel.setStyleSheet("color: #555;")
        self.dataDirButton = named(
            QPushButton(self.tr("Folder…")),
            "dataDirButton",
            self.tr("Data folder"),
            self.tr(
                "The folder with the four IDX files (gzipped or not), e.g. the book's dataset/ folder; "
                "nnplay's own data folder unless you choose one"
            ),
        )
        self.dataDirButton.clicked.connect(self.dataDirRequested)
        row.addWidget(self.dataDirLabel, 1)
        row.addWidget(self.dataDirButton)
        form.addRow(self.tr("Folder"), self.dataDirRow)
        self._data_dir_form_label = form.labelForField(self.dataDirRow)
        self.standardSplitLabel = QLabel()
        self.standardSplitLabel.setObjectName("standardSplitLabel")
        self.standardSplitLabel.setWordWrap(True)
        self.standardSplitLabel.setStyleSheet("color: #555;")
        form.addRow("", self.standardSplitLabel)
        self.samplesSpin = named(
            QSpinBox(), "samplesSpin", self.tr("Samples"), self.tr("Number of samples before the train/test split")
        )
        self.samplesSpin.setRange(2, 100_000)
        self.samplesSpin.setSingleStep(50)
        form.addRow(self.tr("Samples"), self.samplesSpin)
        self.noiseSpin = named(
            QDoubleSpinBox(),
            "noiseSpin",
            self.tr("Noise"),
            self.tr("Standard deviation of the Gaussian noise added to every point"),
        )
        self.noiseSpin.setRange(0.0, 5.0)
        self.noiseSpin.setSingleStep(0.05)
        form.addRow(self.tr("Noise"), self.noiseSpin)
        self.testRatioSpin = named(
            QDoubleSpinBox(),
            "testRatioSpin",
            self.tr("Test ratio"),
            self.tr("Fraction of the samples held out for testing (never trained on)"),
        )
        self.testRatioSpin.setRange(0.0, 0.9)
        self.testRatioSpin.setSingleStep(0.05)
        form.addRow(self.tr("Test ratio"), self.testRatioSpin)
        for spin in (self.samplesSpin, self.noiseSpin, self.testRatioSpin):
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self._edited)
        self.regenerateButton = named(
            QPushButton(self.tr("Regenerate")),
            "regenerateButton",
            self.tr("Regenerate data"),
            self.tr("Draw new data (and new starting weights) by moving to the next seed"),
        )
        self.regenerateButton.clicked.connect(self._regenerate)
        form.addRow("", self.regenerateButton)
        self._task_and_features(form)
        return box

    def _task_and_features(self, form):
        """The task (classification or regression: a choice for a CSV file only) and TF Playground's features."""
        self.taskCombo = self._combo(
            "taskCombo",
            self.tr("Task"),
            self.tr(
                "Classification: one output per class (softmax). Regression: one output, the value itself (identity "
                "output, squared error), scored by R² and RMSE. Fixed by the built-in data sets; for a CSV file "
                "whose label column holds numbers, choose here."
            ),
            [("classification", self.tr("classification")), ("regression", self.tr("regression (values)"))],
        )
        self.taskCombo.currentIndexChanged.disconnect(self._edited)
        self.taskCombo.currentIndexChanged.connect(self._task_changed)
        form.addRow(self.tr("Task"), self.taskCombo)
        self.featuresButton = named(
            QToolButton(),
            "featuresButton",
            self.tr("Input features"),
            self.tr(
                "What the network gets as inputs for 2-D data (as in TensorFlow Playground): x₁, x₂ themselves, "
                "their squares, their product, their sines. With x₁² and x₂² even a network without hidden layers "
                "draws a circle."
            ),
        )
        self.featuresButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.featuresButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.featuresButton.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.featuresMenu = QMenu(self.featuresButton)
        self.featuresMenu.setObjectName("featuresMenu")
        self.featureActions = {}
        for name in FEATURE_NAMES:
            action = self.featuresMenu.addAction(FEATURE_LABELS[name])
            action.setObjectName(f"feature_{name}")
            action.setCheckable(True)
            action.setData(name)
            action.toggled.connect(self._feature_toggled)
            self.featureActions[name] = action
        self.featuresButton.setMenu(self.featuresMenu)
        form.addRow(self.tr("Inputs"), self.featuresButton)

    def _overfitting_group(self):
        """The book's chapter 6 cures for over-fitting: weight decay and dropout."""
        box = QGroupBox(self.tr("Against over-fitting"))
        box.setObjectName("overfittingGroup")
        form = QFormLayout(box)
        row = QHBoxLayout()
        self.weightDecaySpin = named(
            QDoubleSpinBox(),
            "weightDecaySpin",
            self.tr("Weight decay λ"),
            self.tr(
                "Weight decay: the loss gets + ½λΣW² (L2, the book's; gradient + λW) or + λΣ|W| (L1; gradient "
                "+ λ·sign W), which pulls the weights towards 0. Biases are not decayed. 0: off. Applies at once."
            ),
        )
        self.weightDecaySpin.setRange(0.0, MAX_WEIGHT_DECAY)
        self.weightDecaySpin.setDecimals(4)
        self.weightDecaySpin.setSingleStep(0.01)
        self.weightDecaySpin.setSpecialValueText(self.tr("off"))
        self.regularizationCombo = self._combo(
            "regularizationCombo",
            self.tr("Regularization"),
            self.tr("L2: + ½λΣW² (the book's weight decay); L1: + λΣ|W| (drives small weights to exactly 0)"),
            [("l2", "L2"), ("l1", "L1")],
        )
        row.addWidget(self.weightDecaySpin, 1)
        row.addWidget(self.regularizationCombo)
        form.addRow(self.tr("Weight decay λ"), row)
        self.dropoutSpin = named(
            QDoubleSpinBox(),
            "dropoutSpin",
            self.tr("Dropout ratio"),
            self.tr(
                "Dropout (the book's): while training, each hidden unit is switched off with this probability, "
                "a new choice every mini-batch; for testing every unit stays on and its output is scaled by "
                "1 − ratio. 0: off. Changing it starts over."
            ),
        )
        self.dropoutSpin.setRange(0.0, MAX_DROPOUT)
        self.dropoutSpin.setSingleStep(0.05)
        self.dropoutSpin.setSpecialValueText(self.tr("off"))
        form.addRow(self.tr("Dropout"), self.dropoutSpin)
        for spin in (self.weightDecaySpin, self.dropoutSpin):
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self._edited)
        return box

    def _network_group(self):
        box = QGroupBox(self.tr("Network"))
        form = QFormLayout(box)
        row = QHBoxLayout()
        self.hiddenCountSpin = named(
            QSpinBox(), "hiddenCountSpin", self.tr("Hidden layers"), self.tr("How many hidden layers (0 to 16)")
        )
        self.hiddenCountSpin.setRange(0, MAX_GUI_LAYERS)
        self.hiddenWidthSpin = named(
            QSpinBox(),
            "hiddenWidthSpin",
            self.tr("Neurons per layer"),
            self.tr("Neurons in every hidden layer (edit the list below for different widths)"),
        )
        self.hiddenWidthSpin.setRange(1, MAX_GUI_WIDTH)
        for spin in (self.hiddenCountSpin, self.hiddenWidthSpin):
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self._hidden_spins_changed)
        row.addWidget(self.hiddenCountSpin)
        row.addWidget(QLabel("×"))
        row.addWidget(self.hiddenWidthSpin)
        form.addRow(self.tr("Hidden layers"), row)
        self.hiddenLayersEdit = named(
            QLineEdit(),
            "hiddenLayersEdit",
            self.tr("Hidden layer widths"),
            self.tr("Neurons in each hidden layer, input side first, e.g. 16, 8, 4 (empty: no hidden layer)"),
        )
        self.hiddenLayersEdit.setValidator(QRegularExpressionValidator(r"[0-9 ,]*", self.hiddenLayersEdit))
        self.hiddenLayersEdit.editingFinished.connect(self._hidden_edit_finished)
        form.addRow(self.tr("Widths"), self.hiddenLayersEdit)
        self.shapeLabel = QLabel()
        self.shapeLabel.setObjectName("networkShapeLabel")
        self.shapeLabel.setWordWrap(True)
        self.shapeLabel.setStyleSheet("color: #555;")
        form.addRow("", self.shapeLabel)
        self.activationCombo = self._combo(
            "activationCombo",
            self.tr("Activation"),
            self.tr(
                "h(x) between layers. step: 1 if x>0 else 0 (h'=0: cannot learn); sigmoid: 1/(1+e^−x) (h' ≤ 0.25); "
                "tanh (h' ≤ 1); ReLU: max(0, x) (h' = 1 where active); identity: x (layers collapse into one)"
            ),
            [
                ("step", self.tr("step")),
                ("sigmoid", self.tr("sigmoid")),
                ("tanh", self.tr("tanh")),
                ("relu", self.tr("ReLU")),
                ("identity", self.tr("identity")),
            ],
        )
        form.addRow(self.tr("Activation"), self.activationCombo)
        self.batchNormCheck = named(
            QCheckBox(self.tr("Batch normalization")),
            "batchNormCheck",
            self.tr("Batch normalization"),
            self.tr(
                "The book's batch normalization between every hidden Affine layer and its activation: each unit's "
                "x·W + b is normalised over the mini-batch to mean 0 and variance 1, then scaled by γ and shifted "
                "by β (learned). Keeps deep sigmoid networks learning. Changing it starts over."
            ),
        )
        self.batchNormCheck.toggled.connect(self._edited)
        form.addRow("", self.batchNormCheck)
        self.outputCombo = self._combo(
            "outputCombo",
            self.tr("Output"),
            self.tr("Output function: softmax y_k = e^{a_k} / Σ e^{a_j} (probabilities), or identity y = a"),
            [("softmax", self.tr("softmax")), ("identity", self.tr("identity"))],
        )
        form.addRow(self.tr("Output"), self.outputCombo)
        self.lossCombo = self._combo(
            "lossCombo",
            self.tr("Loss"),
            self.tr(
                "Cross-entropy E = −Σ t_k log(y_k + δ) (needs softmax), or sum of squared error E = ½ Σ (y_k − t_k)²"
            ),
            [("cross_entropy", self.tr("cross-entropy")), ("sum_squared_error", self.tr("sum of squared error"))],
        )
        form.addRow(self.tr("Loss"), self.lossCombo)
        self.pairingLabel = QLabel()
        self.pairingLabel.setObjectName("pairingLabel")
        self.pairingLabel.setWordWrap(True)
        self.pairingLabel.setStyleSheet("color: #805000;")
        self.pairingLabel.hide()
        form.addRow("", self.pairingLabel)
        row = QHBoxLayout()
        self.initCombo = self._combo(
            "initCombo",
            self.tr("Initialisation"),
            self.tr("Initial weights ~ N(0, σ²): Xavier σ = √(1/n), He σ = √(2/n) (n = inputs), zero, or your own σ"),
            [
                ("xavier", self.tr("Xavier")),
                ("he", self.tr("He")),
                ("zero", self.tr("zero")),
                ("std", self.tr("std σ =")),
            ],
        )
        self.initStdSpin = named(
            LogSpinBox(1e-4, 10.0), "initStdSpin", self.tr("Initial std"), self.tr("σ of the initial weights")
        )
        self.initStdSpin.setValue(0.01)
        self.initStdSpin.valueChanged.connect(self._edited)
        row.addWidget(self.initCombo, 1)
        row.addWidget(self.initStdSpin)
        form.addRow(self.tr("Init"), row)
        return box

    def _training_group(self):
        box = QGroupBox(self.tr("Training"))
        form = QFormLayout(box)
        self.optimizerCombo = self._combo(
            "optimizerCombo",
            self.tr("Optimizer"),
            self.tr(
                "SGD: W ← W − η ∂L/∂W;  Momentum: v ← 0.9v − η ∂L/∂W, W ← W + v;  AdaGrad: η / √(Σ g²);  Adam. "
                "Changing it applies to the running training."
            ),
            [("sgd", "SGD"), ("momentum", "Momentum"), ("adagrad", "AdaGrad"), ("adam", "Adam")],
        )
        form.addRow(self.tr("Optimizer"), self.optimizerCombo)
        self.learningRateSpin = named(
            LogSpinBox(1e-5, 10.0),
            "learningRateSpin",
            self.tr("Learning rate"),
            self.tr("η in W ← W − η ∂L/∂W (1e-5 … 10; arrows step 1, 2, 5, 10…; type e.g. 3e-4). Applies at once."),
        )
        self.learningRateSpin.valueChanged.connect(self._edited)
        form.addRow(self.tr("Learning rate η"), self.learningRateSpin)
        self.batchSizeSpin = named(
            QSpinBox(),
            "batchSizeSpin",
            self.tr("Batch size"),
            self.tr("Samples per mini-batch: each step averages the gradient over this many. Applies at once."),
        )
        self.batchSizeSpin.setRange(1, 1000)
        self.batchSizeSpin.setKeyboardTracking(False)
        self.batchSizeSpin.valueChanged.connect(self._edited)
        form.addRow(self.tr("Batch size"), self.batchSizeSpin)
        self.gradientMethodCombo = self._combo(
            "gradientMethodCombo",
            self.tr("Gradient method"),
            self.tr(
                "backprop: exact, one backward pass. numerical: (L(w+h) − L(w−h)) / 2h with h = 1e−4 for every "
                "weight — two forward passes per weight, very slow on big nets."
            ),
            [("backprop", self.tr("backpropagation")), ("numerical", self.tr("numerical (slow)"))],
        )
        form.addRow(self.tr("Gradient"), self.gradientMethodCombo)
        self.numericalWarning = QLabel()
        self.numericalWarning.setObjectName("numericalWarning")
        self.numericalWarning.setWordWrap(True)
        self.numericalWarning.setStyleSheet("color: #805000;")
        form.addRow("", self.numericalWarning)
        self.seedSpin = named(
            QSpinBox(),
            "seedSpin",
            self.tr("Seed"),
            self.tr("Random seed of the data, the initial weights and the batch order: same seed, same run"),
        )
        self.seedSpin.setRange(0, MAX_SEED)
        self.seedSpin.setKeyboardTracking(False)
        self.seedSpin.valueChanged.connect(self._edited)
        form.addRow(self.tr("Seed"), self.seedSpin)
        return box

    # -- model -> view ---------------------------------------------------------------------------------
    def config(self) -> Config:
        return self._config

    def set_data_shape(self, n_features, n_classes):
        """Tell the panel the data's input and output sizes (for the parameter count): the data's own inputs
        (the features menu is for 2-D data only) and the network's outputs."""
        self._n_features, self._n_classes = n_features, n_classes
        self._update_features(self._config)
        self._update_notes(self._config)

    def set_config(self, config: Config):
        self._config = config
        widgets = [w for w in self.findChildren(QWidget)]
        blockers = [QSignalBlocker(w) for w in widgets]
        try:
            self._select(self.datasetCombo, config.dataset)
            self.csvLabel.setText(Path(config.csv_path).name if config.csv_path else "")
            self.csvLabel.setVisible(config.dataset == "csv")
            self._show_idx_rows(config)
            self.samplesSpin.setValue(config.samples)
            self.noiseSpin.setValue(config.noise)
            self.testRatioSpin.setValue(config.test_ratio)
            self.hiddenCountSpin.setValue(len(config.hidden))
            if config.hidden:
                self.hiddenWidthSpin.setValue(min(config.hidden[0], MAX_GUI_WIDTH))
            self.hiddenLayersEdit.setText(", ".join(map(str, config.hidden)))
            self._select(self.activationCombo, config.activation)
            self._select(self.outputCombo, config.output)
            self._select(self.lossCombo, config.loss)
            if isinstance(config.init, str):
                self._select(self.initCombo, config.init)
            else:
                self._select(self.initCombo, "std")
                self.initStdSpin.setValue(config.init)
            self.initStdSpin.setEnabled(not isinstance(config.init, str))
            self._select(self.optimizerCombo, config.optimizer)
            self.learningRateSpin.setValue(config.learning_rate)
            self.batchSizeSpin.setValue(min(config.batch_size, 1000))
            self._select(self.gradientMethodCombo, config.gradient)
            self.seedSpin.setValue(config.seed)
            self._select(self.taskCombo, config.task)
            self.batchNormCheck.setChecked(config.batch_norm)
            self.weightDecaySpin.setValue(config.weight_decay)
            self._select(self.regularizationCombo, config.regularization)
            self.dropoutSpin.setValue(config.dropout)
            shown = config.features or ("x1", "x2")
            for name, action in self.featureActions.items():
                with QSignalBlocker(action):
                    action.setChecked(name in shown)
        finally:
            del blockers
        self._update_pairing(config)
        self._update_features(config)
        self._update_notes(config)

    def _update_features(self, config):
        """The features button's text ("x₁², x₂²") and whether it applies (2-D data); the task combo is a choice
        for a CSV file only."""
        shown = config.features or ("x1", "x2")
        self.featuresButton.setText(", ".join(FEATURE_LABELS[n] for n in shown))
        self.featuresButton.setEnabled(self._n_features == 2 and config.dataset not in NOT_2D_DATASETS)
        self.taskCombo.setEnabled(config.dataset == "csv")
        self.regularizationCombo.setEnabled(config.weight_decay > 0)

    @staticmethod
    def _select(combo, key):
        i = combo.findData(key)
        if i >= 0:
            combo.setCurrentIndex(i)

    def _show_idx_rows(self, config):
        """MNIST and Fashion-MNIST: their folder, and samples, noise and test ratio disabled (the standard split)."""
        from nnplay.core import mnist

        idx = config.dataset in IDX_DATASET_NAMES
        for w in (self.dataDirRow, self._data_dir_form_label, self.standardSplitLabel):
            if w is not None:
                w.setVisible(idx)
        for spin in (self.samplesSpin, self.noiseSpin, self.testRatioSpin):
            spin.setEnabled(not idx)
        if not idx:
            return
        root = mnist.data_root(config.data_dir)
        if config.data_dir:
            self.dataDirLabel.setText(root.name or str(root))
        else:
            self.dataDirLabel.setText(self.tr("nnplay's data folder"))
        self.dataDirLabel.setToolTip(str(root))
        self.standardSplitLabel.setText(
            arg(
                self.tr(
                    "%1 always uses its standard split: %2 training and %3 test images. Samples, noise and "
                    "test ratio do not apply to it."
                ),
                mnist.SOURCES[config.dataset].title,
                "60,000",
                "10,000",
            )
        )

    def _update_pairing(self, config):
        item = self.lossCombo.model().item(self.lossCombo.findData("cross_entropy"))
        ok = config.output == "softmax"
        item.setEnabled(ok)
        item.setToolTip("" if ok else self.tr("Cross-entropy takes log of probabilities: it needs the softmax output."))

    def _update_notes(self, config):
        sizes = (len(config.features) or self._n_features, *config.hidden, self._n_classes)
        n = param_count(sizes) + (2 * sum(config.hidden) if config.batch_norm else 0)  # (+ γ and β)
        self.shapeLabel.setText(arg(self.tr("%1 → %2 weights and biases"), " → ".join(map(str, sizes)), f"{n:,}"))
        if config.gradient == "numerical":
            seconds = None
            if self.numerical_seconds is not None:
                try:
                    seconds = self.numerical_seconds(config)
                except (ValueError, MemoryError):
                    seconds = None
            if seconds is not None and seconds > NUMERICAL_MAX_SECONDS:
                text = arg(
                    self.tr(
                        "Numerical gradient: %1 parameters, each nudged by ±h (the book's loop: %2 forward passes "
                        "per step). About %3 per step here — too slow to watch; use a smaller network or "
                        "backpropagation."
                    ),
                    f"{n:,}",
                    f"{2 * n:,}",
                    duration_text(self, seconds),
                )
            elif seconds is not None:
                text = arg(
                    self.tr(
                        "Numerical gradient: %1 parameters, each nudged by ±h (the book's loop: %2 forward passes "
                        "per step; nnplay computes the same differences in about %3)."
                    ),
                    f"{n:,}",
                    f"{2 * n:,}",
                    duration_text(self, seconds),
                )
            else:
                text = arg(
                    self.tr("Numerical gradient: %1 forward passes per step (backprop needs one)."), f"{2 * n:,}"
                )
            self.numericalWarning.setText(text)
            self.numericalWarning.show()
        else:
            self.numericalWarning.hide()

    def show_message(self, text, error=False):
        """Show a note, or with ``error`` why something was refused (in red), under the controls."""
        self._message_is_error = bool(text) and error
        self.messageLabel.setStyleSheet("color: #a00000;" if error else "color: #555555;")
        self.messageLabel.setText(text)
        self.messageLabel.setVisible(bool(text))

    def clear_error(self):
        """A setting was applied: an error shown for an earlier attempt no longer holds (notes stay)."""
        if getattr(self, "_message_is_error", False):
            self.show_message("")

    # -- view -> model ---------------------------------------------------------------------------------
    def _hidden_from_edit(self):
        # Commas or spaces separate the widths: "16 8" is two layers (not 168); the box then shows "16, 8".
        parts = [p for p in re.split(r"[\s,]+", self.hiddenLayersEdit.text()) if p]
        widths = tuple(int(p) for p in parts)
        if len(widths) > MAX_GUI_LAYERS or any(not 1 <= w <= MAX_GUI_WIDTH for w in widths):
            raise ConfigError(
                arg(
                    self.tr("Hidden layers: use at most %1 layers of 1 to %2 neurons, e.g. 8, 8"),
                    MAX_GUI_LAYERS,
                    MAX_GUI_WIDTH,
                )
            )
        return widths

    def _hidden_spins_changed(self):
        n, w = self.hiddenCountSpin.value(), self.hiddenWidthSpin.value()
        with QSignalBlocker(self.hiddenLayersEdit):
            self.hiddenLayersEdit.setText(", ".join([str(w)] * n))
        self._edited()

    def _hidden_edit_finished(self):
        try:
            widths = self._hidden_from_edit()
        except (ConfigError, ValueError) as e:
            self.show_message(core_text(e), error=True)
            self.hiddenLayersEdit.setText(", ".join(map(str, self._config.hidden)))
            return
        with QSignalBlocker(self.hiddenCountSpin), QSignalBlocker(self.hiddenWidthSpin):
            self.hiddenCountSpin.setValue(len(widths))
            if widths:
                self.hiddenWidthSpin.setValue(widths[0])
        self._edited()

    def _dataset_changed(self):
        if self.datasetCombo.currentData() == "csv" and not self._config.csv_path:
            self.csvRequested.emit()
            return
        self._follow_task({"dataset": self.datasetCombo.currentData()})
        self._edited()

    def _task_changed(self):
        self._follow_task({"task": self.taskCombo.currentData()})
        self._edited()

    def _follow_task(self, change):
        """A regression set needs task regression, the identity output and the squared error; back to a set of
        classes, softmax and cross-entropy again (``config.task_changes``). The combos follow, with a note."""
        changes = task_changes(self._config, change)
        with QSignalBlocker(self.taskCombo), QSignalBlocker(self.outputCombo), QSignalBlocker(self.lossCombo):
            for key, combo in (("task", self.taskCombo), ("output", self.outputCombo), ("loss", self.lossCombo)):
                if key in changes:
                    self._select(combo, changes[key])
        if changes.get("task") == "regression" and self._config.task != "regression":
            self._task_note = self.tr(
                "Values to fit (regression): one output unit with the identity output and the squared error."
            )
        elif changes.get("task") == "classification" and self._config.task == "regression":
            self._task_note = self.tr("Classes again: softmax output and cross-entropy.")

    def _feature_toggled(self, _checked=False):
        if not any(a.isChecked() for a in self.featureActions.values()):
            self.sender().setChecked(True)  # (the network needs at least one input)
            return
        self._edited()

    def set_features(self, names):
        """Check exactly these features (as a click in the features menu would) and apply them."""
        for name, action in self.featureActions.items():
            with QSignalBlocker(action):
                action.setChecked(name in names)
        self._edited()

    def _regenerate(self):
        self.seedSpin.setValue((self._config.seed + 1) % (MAX_SEED + 1))

    def read_config(self) -> Config:
        """The config the widgets show now (ConfigError if they show something impossible)."""
        init = self.initCombo.currentData()
        if init == "std":
            init = self.initStdSpin.value()
        output = self.outputCombo.currentData()
        loss = self.lossCombo.currentData()
        if output == "identity" and loss == "cross_entropy":
            loss = "sum_squared_error"
        return self._config.replace(
            dataset=self.datasetCombo.currentData(),
            samples=self.samplesSpin.value(),
            noise=self.noiseSpin.value(),
            test_ratio=self.testRatioSpin.value(),
            hidden=self._hidden_from_edit(),
            activation=self.activationCombo.currentData(),
            output=output,
            loss=loss,
            init=init,
            optimizer=self.optimizerCombo.currentData(),
            learning_rate=self.learningRateSpin.value(),
            batch_size=self.batchSizeSpin.value(),
            gradient=self.gradientMethodCombo.currentData(),
            seed=self.seedSpin.value(),
            task=self.taskCombo.currentData(),
            batch_norm=self.batchNormCheck.isChecked(),
            weight_decay=self.weightDecaySpin.value(),
            regularization=self.regularizationCombo.currentData(),
            dropout=self.dropoutSpin.value(),
            features=self._checked_features(),
        )

    def _checked_features(self):
        if self.datasetCombo.currentData() in NOT_2D_DATASETS or not self.featuresButton.isEnabled():
            return ()
        return tuple(n for n, a in self.featureActions.items() if a.isChecked())

    def _edited(self, *_):
        self.initStdSpin.setEnabled(self.initCombo.currentData() == "std")
        try:
            config = self.read_config()
        except (ConfigError, ValueError) as e:
            self.show_message(core_text(e), error=True)
            return
        note = getattr(self, "_task_note", "")
        self._task_note = ""
        if config.loss != self.lossCombo.currentData():
            note = self.tr("Cross-entropy needs the probabilities of softmax, so the loss is now sum of squared error.")
        self.pairingLabel.setText(note)
        self.pairingLabel.setVisible(bool(note))
        self.show_message("")
        self.configEdited.emit(config)
