"""Lab: activation functions, their derivatives, depth, and the book's initialisation experiment
(Deep Learning from Scratch, ch. 3.2, 5.5 and 6.2).

h(x) and h'(x) of each activation (sigmoid's derivative never exceeds 0.25), the best case of the derivative
chained through L layers (0.25^L for sigmoid), and histograms of every layer's activations for four weight scales
(``nnplay.core.experiments.init_experiment``), with or without batch normalisation (ch. 6.3).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from nnplay.core.experiments import best_chain_derivative, init_experiment, max_derivative
from nnplay.core.functions import ACTIVATIONS
from nnplay.gui.style import CLASS_COLORS, configure_pyqtgraph, layer_color
from nnplay.gui.widgets import named

MAX_DEPTH = 20
INIT_LAYERS = 5
BINS = 30
H_COLOR = CLASS_COLORS[0]
DH_COLOR = CLASS_COLORS[1]
ACTIVATION_TITLES = {
    "step": QT_TRANSLATE_NOOP("ActivationsLab", "step"),
    "sigmoid": QT_TRANSLATE_NOOP("ActivationsLab", "sigmoid"),
    "tanh": QT_TRANSLATE_NOOP("ActivationsLab", "tanh"),
    "relu": QT_TRANSLATE_NOOP("ActivationsLab", "ReLU"),
    "identity": QT_TRANSLATE_NOOP("ActivationsLab", "identity"),
}
SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _sci(v):
    """9.5367e-07 -> '9.5e−7'; 1 -> '1'."""
    if v == 0 or 1e-3 <= abs(v) < 1e4:
        return f"{v:.3g}"
    mantissa, exponent = f"{v:.1e}".split("e")
    return f"{mantissa}e{int(exponent)}".replace("-", "−")


class ActivationsLab(QWidget):
    """Activations and their derivatives, the depth chain, and the weight-initialisation histograms."""

    def __init__(self, parent=None):
        super().__init__(parent)
        configure_pyqtgraph()
        self.setObjectName("activationsLab")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self._build_function_box(), 1)
        top.addWidget(self._build_chain_box(), 1)
        layout.addLayout(top, 5)
        layout.addWidget(self._build_init_box(), 6)
        self._activation_changed()
        self._run_experiment()

    def title(self):
        return self.tr("Activations and depth")

    # -- building --------------------------------------------------------------------------------------------
    def _build_function_box(self):
        box = QGroupBox(self.tr("Activation h(x) and its derivative h′(x)"))
        col = QVBoxLayout(box)
        self.activationLabCombo = named(
            QComboBox(),
            "activationLabCombo",
            self.tr("Activation"),
            self.tr("step: h = 1 if x > 0 else 0, h′ = 0\n"
                    "sigmoid: h = 1 / (1 + exp(−x)), h′ = h(1 − h) ≤ 0.25\n"
                    "tanh: h′ = 1 − tanh²(x) ≤ 1\n"
                    "ReLU: h = max(0, x), h′ = 1 if x > 0 else 0\n"
                    "identity: h = x, h′ = 1"),
        )  # fmt: skip
        for key in ACTIVATIONS:
            self.activationLabCombo.addItem(self.tr(ACTIVATION_TITLES[key]), key)
        self.activationLabCombo.setCurrentIndex(self.activationLabCombo.findData("sigmoid"))
        self.activationLabCombo.currentIndexChanged.connect(self._activation_changed)
        col.addWidget(self.activationLabCombo)

        self.functionPlot = pg.PlotWidget()
        self.functionPlot.setObjectName("activationFunctionPlot")
        self.functionPlot.setAccessibleName(self.tr("Activation and derivative"))
        self.functionPlot.setToolTip(self.tr("h(x) solid, h′(x) dashed"))
        pi = self.functionPlot.getPlotItem()
        pi.setLabel("bottom", "x")
        pi.setLabel("left", self.tr("h(x), h′(x)"))
        pi.setMenuEnabled(False)
        pi.hideButtons()
        pi.showGrid(x=True, y=True, alpha=0.2)
        legend = pi.addLegend(offset=(8, 8), brush=pg.mkBrush(255, 255, 255, 220))
        self._h_curve = pg.PlotDataItem(pen=pg.mkPen(H_COLOR, width=2.5), name="h(x)")
        self._dh_curve = pg.PlotDataItem(pen=pg.mkPen(DH_COLOR, width=2.5, style=Qt.PenStyle.DashLine), name="h′(x)")
        pi.addItem(self._h_curve)
        pi.addItem(self._dh_curve)
        self._ceiling = pg.InfiniteLine(
            angle=0, pen=pg.mkPen("#555", width=1, style=Qt.PenStyle.DotLine), label="", labelOpts={
                "position": 0.82, "color": "#333", "anchors": [(0.5, 1.0), (0.5, 1.0)]}
        )  # fmt: skip
        pi.addItem(self._ceiling)
        legend.setParentItem(pi.vb)
        col.addWidget(self.functionPlot, 1)
        return box

    def _build_chain_box(self):
        box = QGroupBox(self.tr("Through L layers: the best case of Π h′"))
        col = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("layers L")))
        self.depthSlider = named(
            QSlider(Qt.Orientation.Horizontal),
            "depthSlider",
            self.tr("Depth"),
            self.tr("Backpropagation multiplies one h′(a) per layer: at best (max h′)^L reaches layer 1"),
        )
        self.depthSlider.setRange(1, MAX_DEPTH)
        self.depthSlider.setValue(10)
        self.depthSlider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.depthSlider.valueChanged.connect(self._depth_changed)
        row.addWidget(self.depthSlider, 1)
        self.depthValueLabel = QLabel()
        self.depthValueLabel.setMinimumWidth(24)
        row.addWidget(self.depthValueLabel)
        col.addLayout(row)

        self.chainPlot = pg.PlotWidget()
        self.chainPlot.setObjectName("chainPlot")
        self.chainPlot.setAccessibleName(self.tr("Chained derivative"))
        self.chainPlot.setToolTip(self.tr("(max h′)^L on a log scale: 0.25^L for sigmoid, 1 for tanh and ReLU"))
        pi = self.chainPlot.getPlotItem()
        pi.setLogMode(y=True)
        pi.setLabel("bottom", self.tr("layers L"))
        pi.setLabel("left", self.tr("(max h′)^L"))
        pi.setMenuEnabled(False)
        pi.hideButtons()
        pi.showGrid(x=True, y=True, alpha=0.2)
        self.chainPlot.setMouseEnabled(x=False, y=False)
        legend = pi.addLegend(offset=(-8, -8), brush=pg.mkBrush(255, 255, 255, 220))
        depths = np.arange(1, MAX_DEPTH + 1)
        pi.addItem(pg.PlotDataItem(depths, [best_chain_derivative("sigmoid", d) for d in depths],
                                   pen=pg.mkPen(DH_COLOR, width=2), symbol="o", symbolSize=5, symbolBrush=DH_COLOR,
                                   symbolPen=None, name=self.tr("sigmoid: 0.25^L")))  # fmt: skip
        pi.addItem(pg.PlotDataItem(depths, [best_chain_derivative("relu", d) for d in depths],
                                   pen=pg.mkPen(CLASS_COLORS[2], width=2), symbol="o", symbolSize=5,
                                   symbolBrush=CLASS_COLORS[2], symbolPen=None,
                                   name=self.tr("tanh (x = 0), ReLU (x > 0): 1")))  # fmt: skip
        self._chain_marker = pg.PlotDataItem(pen=None, symbol="o", symbolSize=14, symbolBrush=None,
                                             symbolPen=pg.mkPen("k", width=2.5))  # fmt: skip
        pi.addItem(self._chain_marker)
        self._depth_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#888", width=1, style=Qt.PenStyle.DashLine))
        pi.addItem(self._depth_line)
        self._step_text = pg.TextItem(self.tr("step: h′ = 0, so the product\nis 0 at every depth (off the log scale)"),
                                      color="k", anchor=(1.0, 0.5), fill=pg.mkBrush(255, 255, 255, 230))  # fmt: skip
        pi.addItem(self._step_text)
        self._step_text.setPos(MAX_DEPTH + 0.3, -4.0)
        pi.setXRange(0.5, MAX_DEPTH + 0.5, padding=0)
        pi.setYRange(-13, 0.6, padding=0)  # log10 units
        legend.anchor((0, 1), (0, 1), offset=(8, -8))
        col.addWidget(self.chainPlot, 1)

        self.depthLabel = named(
            QLabel(),
            "depthLabel",
            self.tr("Chained derivative readout"),
            self.tr("(max h′)^L for the chosen activation"),
        )
        self.depthLabel.setWordWrap(True)
        self.depthLabel.setStyleSheet("font-weight: bold;")
        col.addWidget(self.depthLabel)
        return box

    def _build_init_box(self):
        box = QGroupBox(self.tr("Weight initialisation (book ch. 6.2): 5 layers × 100 units, 1000 inputs x ~ N(0, 1)"))
        col = QVBoxLayout(box)
        row = QHBoxLayout()
        self.initExperimentCombo = named(
            QComboBox(),
            "initExperimentCombo",
            self.tr("Weight scale"),
            self.tr("Weights W ~ σ·N(0, 1): σ = 1, σ = 0.01, Xavier σ = √(1/n), He σ = √(2/n), n = 100 inputs"),
        )
        for key, text in (
            ("std1", self.tr("σ = 1")),
            ("std0.01", self.tr("σ = 0.01")),
            ("xavier", self.tr("Xavier σ = √(1/n)")),
            ("he", self.tr("He σ = √(2/n)")),
        ):
            self.initExperimentCombo.addItem(text, key)
        self.initActivationCombo = named(
            QComboBox(),
            "initActivationCombo",
            self.tr("Activation of the experiment"),
            self.tr("z = h(x·W) in every layer"),
        )
        for key in ("sigmoid", "tanh", "relu"):
            self.initActivationCombo.addItem(self.tr(ACTIVATION_TITLES[key]), key)
        self.initBatchNormCheck = named(
            QCheckBox(self.tr("batch normalization")),
            "initBatchNormCheck",
            self.tr("Batch normalization in the experiment"),
            self.tr(
                "Normalise every layer's x·W over the 1000 samples to mean 0 and variance 1 before the activation "
                "(the book's ch. 6.3): the histograms keep their spread whatever the weights' scale."
            ),
        )
        self.initExperimentCombo.currentIndexChanged.connect(self._run_experiment)
        self.initActivationCombo.currentIndexChanged.connect(self._run_experiment)
        self.initBatchNormCheck.toggled.connect(self._run_experiment)
        row.addWidget(QLabel(self.tr("weights")))
        row.addWidget(self.initExperimentCombo)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("activation")))
        row.addWidget(self.initActivationCombo)
        row.addSpacing(12)
        row.addWidget(self.initBatchNormCheck)
        self.initSummaryLabel = named(
            QLabel(), "initSummaryLabel", self.tr("What the histograms show"), self.tr("Summary of the experiment")
        )
        self.initSummaryLabel.setWordWrap(True)
        row.addSpacing(12)
        row.addWidget(self.initSummaryLabel, 1)
        col.addLayout(row)

        grid = QGridLayout()
        grid.setSpacing(2)
        self.histogramPlots = []
        self._hist_curves = []
        for i in range(INIT_LAYERS):
            plot = pg.PlotWidget()
            plot.setObjectName(f"initLayer{i + 1}Plot")
            plot.setAccessibleName(self.tr("Layer {k} activations").format(k=i + 1))
            plot.setToolTip(self.tr("Histogram of the activations of layer {k} (30 bins)").format(k=i + 1))
            pi = plot.getPlotItem()
            pi.setMenuEnabled(False)
            pi.hideButtons()
            pi.setLabel("bottom", self.tr("activation"))
            pi.getAxis("bottom").enableAutoSIPrefix(False)
            pi.getAxis("left").enableAutoSIPrefix(False)
            if i == 0:
                pi.setLabel("left", self.tr("count"))
            pi.getAxis("left").setWidth(62 if i == 0 else 44)
            plot.setMouseEnabled(x=False, y=False)
            color = layer_color(i, INIT_LAYERS)
            fill = pg.mkColor(color)
            fill.setAlpha(170)
            curve = pg.PlotDataItem(stepMode="center", fillLevel=0, brush=fill, pen=pg.mkPen(color, width=1))
            pi.addItem(curve)
            grid.addWidget(plot, 0, i)
            self.histogramPlots.append(plot)
            self._hist_curves.append(curve)
        col.addLayout(grid, 1)
        return box

    # -- public API ------------------------------------------------------------------------------------------
    def set_activation(self, key):
        self.activationLabCombo.setCurrentIndex(self.activationLabCombo.findData(key))

    def set_depth(self, depth):
        self.depthSlider.setValue(int(depth))

    def set_experiment(self, activation, init, batch_norm=None):
        with QSignalBlocker(self.initActivationCombo), QSignalBlocker(self.initBatchNormCheck):
            self.initActivationCombo.setCurrentIndex(self.initActivationCombo.findData(activation))
            if batch_norm is not None:
                self.initBatchNormCheck.setChecked(bool(batch_norm))
        self.initExperimentCombo.setCurrentIndex(self.initExperimentCombo.findData(init))
        self._run_experiment()

    def chain_value(self):
        """(max h′)^L for the chosen activation and depth, as shown."""
        return best_chain_derivative(self.activationLabCombo.currentData(), self.depthSlider.value())

    def experiment(self):
        """The activations of the histograms: a list of 5 (1000, 100) arrays."""
        return list(self._activations)

    def histograms(self):
        """(edges, counts) of every layer's histogram as drawn."""
        return list(self._histograms)

    # -- slots and views -------------------------------------------------------------------------------------
    def _activation_changed(self, *_):
        key = self.activationLabCombo.currentData()
        h, dh = ACTIVATIONS[key]
        x = np.linspace(-5.0, 5.0, 1001)
        self._h_curve.setData(x, h(x))
        self._dh_curve.setData(x, dh(x))
        peak = max_derivative(key)
        self._ceiling.setValue(peak)
        self._ceiling.label.setFormat(self.tr("max h′ = {p:g}").format(p=peak))
        self._ceiling.setVisible(key in ("sigmoid", "tanh"))
        lo, hi = {"step": (-0.15, 1.2), "sigmoid": (-0.15, 1.2), "tanh": (-1.2, 1.25)}.get(key, (-1.5, 3.0))
        self.functionPlot.setXRange(-5, 5, padding=0)
        self.functionPlot.setYRange(lo, hi, padding=0)
        self._depth_changed()

    def _depth_changed(self, *_):
        key = self.activationLabCombo.currentData()
        depth = self.depthSlider.value()
        value = best_chain_derivative(key, depth)
        peak = max_derivative(key)
        self.depthValueLabel.setText(str(depth))
        self._depth_line.setValue(depth)
        if value > 0:
            self._chain_marker.setData([depth], [value])
        else:
            self._chain_marker.setData([], [])
        self._step_text.setVisible(key == "step")
        name = self.tr(ACTIVATION_TITLES[key])
        power = f"{peak:g}{str(depth).translate(SUPERSCRIPT)}"
        layers = self.tr("{n} layers").format(n=depth) if depth > 1 else self.tr("1 layer")
        if key == "sigmoid":
            text = self.tr("{name}, {layers}: at best {power} ≈ {v} of the gradient reaches layer 1").format(
                name=name, layers=layers, power=power, v=_sci(value)
            )
        elif key == "step":
            text = self.tr("{name}, {layers}: h′ = 0, so {power} = 0: no gradient reaches layer 1").format(
                name=name, layers=layers, power=power
            )
        else:
            where = {"tanh": self.tr("at x = 0"), "relu": self.tr("where units are active, x > 0")}.get(key, "")
            text = self.tr(
                "{name}, {layers}: at best {power} = 1 {where}: the whole gradient can reach layer 1"
            ).format(name=name, layers=layers, power=power, where=f"({where})" if where else "")
            if key == "identity":
                text += self.tr(" (but identity layers stack into one linear map)")
        self.depthLabel.setText(text.replace("  ", " "))

    def _run_experiment(self, *_):
        activation = self.initActivationCombo.currentData()
        init = self.initExperimentCombo.currentData()
        bn = self.initBatchNormCheck.isChecked()
        self._activations = init_experiment(activation, init, layers=INIT_LAYERS, batch_norm=bn)
        if activation == "sigmoid":
            lo, hi = 0.0, 1.0
        elif activation == "tanh":
            lo, hi = -1.0, 1.0
        else:
            lo, hi = 0.0, max(float(max(a.max() for a in self._activations)), 1e-12)
        self._histograms = []
        top = 1
        for i, (a, curve, plot) in enumerate(
            zip(self._activations, self._hist_curves, self.histogramPlots, strict=True)
        ):
            values = a.ravel()
            if activation == "relu":
                values = values[values > 0]  # the exact zeros (about half) would dwarf the rest
            counts, edges = np.histogram(values, bins=BINS, range=(lo, hi))
            self._histograms.append((edges, counts))
            curve.setData(edges, counts)
            top = max(top, int(counts.max()))
            plot.getPlotItem().setTitle(
                self.tr("layer {k} · std {s}").format(k=i + 1, s=_sci(float(a.std()))), size="9pt"
            )
            plot.setXRange(lo, hi, padding=0.02)
        for plot in self.histogramPlots:
            plot.setYRange(0, top * 1.05, padding=0)
        text = self._summary(activation)
        if bn:
            text = self.tr("With batch normalization: ") + text
        self.initSummaryLabel.setText(text)

    def _summary(self, activation):
        first, last = self._activations[0], self._activations[-1]
        ratio = float(last.std()) / max(float(first.std()), 1e-300)
        if activation == "sigmoid":
            sat = float(np.mean((last < 0.1) | (last > 0.9)))
            near_half = float(np.mean(np.abs(last - 0.5) < 0.05))
            if sat > 0.5:
                return self.tr("{p:.0f} % of layer 5 sits near 0 or 1, where h′ ≈ 0: gradients vanish.").format(
                    p=100 * sat
                )
            if near_half > 0.9:
                return self.tr("Everything near 0.5: all 100 units say the same thing (no expressive power).")
            return self.tr("Spread over (0, 1) in every layer: the signal keeps its scale.")
        if activation == "tanh":
            sat = float(np.mean(np.abs(last) > 0.9))
            if sat > 0.5:
                return self.tr("{p:.0f} % of layer 5 sits near ±1, where h′ ≈ 0: gradients vanish.").format(p=100 * sat)
        zeros = float(np.mean(first == 0)) if activation == "relu" else 0.0
        note = self.tr(" ({p:.0f} % are exactly 0, not drawn.)").format(p=100 * zeros) if activation == "relu" else ""
        spread = self.tr("std {a} → {b}").format(a=_sci(float(first.std())), b=_sci(float(last.std())))
        if ratio < 0.01:
            text = self.tr("Layer 1 to 5: {spread}. The activations collapse toward 0.")
        elif ratio < 0.6:
            text = self.tr("Layer 1 to 5: {spread}. The spread shrinks layer by layer.")
        elif ratio > 100:
            text = self.tr("Layer 1 to 5: {spread}. The activations explode.")
        elif ratio > 1.6:
            text = self.tr("Layer 1 to 5: {spread}. The spread grows layer by layer.")
        else:
            text = self.tr("Layer 1 to 5: {spread}. Every layer keeps about the same spread.")
        return text.format(spread=spread) + note
