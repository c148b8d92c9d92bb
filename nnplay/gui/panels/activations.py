"""The activation function and what each hidden layer feeds it (book ch. 3.2, 6.2).

Top: h(x) and its derivative h'(x) on [−6, 6], with the zones where h' is almost 0 shaded (a unit there passes
almost no gradient back) and the largest derivative marked (sigmoid: 0.25, so every sigmoid layer shrinks the
gradient at least fourfold). Bottom, on the same x axis: each hidden layer's pre-activations x·W + b on a fixed
batch, one histogram per layer, with the fraction of saturated (or dead) units written beside it.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from nnplay.core.functions import ACTIVATIONS
from nnplay.core.trainer import PRE_RANGE, SATURATION
from nnplay.gui.panels._common import LABEL_STYLE, MUTED, ThrottledRedraw, make_plot, named
from nnplay.gui.style import layer_color

X = np.linspace(*PRE_RANGE, 601)
X_RANGE = (PRE_RANGE[0] - 0.3, PRE_RANGE[1] + 0.3)
H_COLOR = "#222222"
DH_COLOR = "#D55E00"  # (vermillion, dashed-free: h' is told apart from h by colour and by the legend row)
ZONE_BRUSH = (120, 120, 120, 38)
LANE = 0.85  # height of the tallest bar in a layer's lane (lanes are 1 apart)
RIGHT_AXIS_PX = 40
"""Room right of the plots for the lanes' percentages ("100 %")."""
Y_RANGES = {"step": (-0.1, 1.15), "sigmoid": (-0.1, 1.15), "tanh": (-1.15, 1.15), "relu": (-0.6, 2.6)}


def flat_zones(dh):
    """Runs of X where h'(x) < SATURATION · max h' (units there pass almost no gradient): [(x0, x1), …]."""
    top = float(dh.max())
    mask = np.ones_like(dh, bool) if top <= 0 else dh < SATURATION * top
    zones, start = [], None
    for i, m in enumerate(mask):
        if m and start is None:
            start = i
        if (not m or i == len(mask) - 1) and start is not None:
            end = i if m else i - 1
            zones.append((float(X[start]), float(X[end])))
            start = None
    return zones


class ActivationPanel(QWidget):
    """h(x), h'(x) and the per-layer pre-activation histograms on the probe batch."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("activationPanel")
        self._activation = None
        self._lane_every = None
        self._shares = None
        self._n_hidden = None
        self._stats = None
        self._probe_size = 0
        self.draw_count = 0
        self.lanes = []
        self.laneTexts = []

        self.activationPlot = make_plot(
            "activationPlot",
            self.tr("Activation function and its derivative"),
            self.tr(
                "The activation function h(x) of the hidden layers (black) and its derivative h'(x) (orange).\n"
                "Backpropagation multiplies the gradient by h'(x) at every layer: where h' is small (grey zones: "
                "below {p} % of its maximum) almost nothing passes back. The sigmoid's h' is at most 0.25, so "
                "each sigmoid layer shrinks the gradient at least 4×."
            ).format(p=round(100 * SATURATION)),
            left=self.tr("h(x), h'(x)"),
        )
        ap = self.activationPlot.getPlotItem()
        ap.titleLabel.setAttr("color", "#222")
        ap.titleLabel.setAttr("size", "10pt")  # (the zoom scales it: no size in the title's own text)
        self._zones_h = self._make_zones(ap)
        self.hCurve = pg.PlotDataItem(pen=pg.mkPen(H_COLOR, width=2.5), name="h(x)")
        self.dhCurve = pg.PlotDataItem(pen=pg.mkPen(DH_COLOR, width=2.5), name="h'(x)")
        ap.addItem(self.hCurve)
        ap.addItem(self.dhCurve)
        self.maxLine = pg.InfiniteLine(angle=0, pen=pg.mkPen(DH_COLOR, width=1.2, style=Qt.PenStyle.DashLine))
        # What the lines are, in a row of its own (inside the plot the legend hid h'(x), and the label of the
        # dashed line was struck through by it).
        self.legendLabel = named(
            QLabel(),
            "activationLegend",
            self.tr("What the lines are"),
            self.tr("Black: the activation h(x); vermillion: its derivative h'(x); dashed: the largest h'(x)"),
        )
        self.legendLabel.setTextFormat(Qt.TextFormat.RichText)
        ap.addItem(self.maxLine, ignoreBounds=True)
        ap.setXRange(*X_RANGE, padding=0)
        ap.setMouseEnabled(x=False, y=False)
        ap.hideButtons()

        self.histPlot = make_plot(
            "activationHistPlot",
            self.tr("Pre-activation histogram of every hidden layer"),
            self.tr(
                "For each hidden layer (layer 1 at the top), the histogram of its pre-activations a = x·W + b on "
                "a fixed batch of training samples, on the same x axis as h(x) above (values beyond ±6 are "
                "piled up at the ends).\nMass in the grey zones means saturated units (sigmoid, tanh) or dead "
                "ones (ReLU): they pass almost no gradient back. The numbers at the right give that fraction per layer."
            ),
            bottom=self.tr("pre-activation a = x·W + b"),
            left=self.tr("hidden layer"),
        )
        hp = self.histPlot.getPlotItem()
        self._zones_hist = self._make_zones(hp)
        hp.setXLink(ap)
        hp.setMouseEnabled(x=False, y=False)
        hp.hideButtons()
        hp.getAxis("left").setStyle(tickLength=0)
        hp.getViewBox().sigResized.connect(lambda *_: self._label_lanes())
        for plot in (ap, hp):  # equal axis widths keep the two x axes aligned
            plot.getAxis("left").setWidth(70)
            # Each layer's share in the grey zone, beside its histogram (inside, the text sat on the piled-up
            # values at ±6 and on the lane below): tick labels of a right axis, outside the data.
            plot.showAxis("right")
            plot.getAxis("right").setWidth(RIGHT_AXIS_PX)
            plot.getAxis("right").setStyle(tickLength=0)
        ap.getAxis("right").setStyle(showValues=False)
        ap.getAxis("right").setPen(pg.mkPen(None))

        self.caption = QLabel()
        self.caption.setObjectName("activationCaption")
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(f"color: {MUTED};")

        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("activationSplitter")
        split.addWidget(self.activationPlot)
        split.addWidget(self.histPlot)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        self.activationPlot.setMinimumHeight(90)
        self.histPlot.setMinimumHeight(80)  # (two hidden layers still read at this height)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.legendLabel)
        lay.addWidget(split, 1)
        lay.addWidget(self.caption)
        self._redraw = ThrottledRedraw(self, 0.1, self._draw_own_stats)

    # -- public --------------------------------------------------------------------------------------------
    def lane_count(self):
        """Number of hidden-layer histograms drawn."""
        return len(self.lanes)

    def update_from(self, trainer, force=False):
        net = trainer.network
        n_hidden = net.n_layers - 1
        self._probe_size = min(trainer.probe_size, len(trainer.dataset.x_train))
        if net.activation != self._activation:
            self._set_activation(net.activation, n_hidden)
        if n_hidden != self._n_hidden:
            self._build_lanes(n_hidden, net.n_layers)
        bn = bool(getattr(net, "use_batchnorm", False))
        if bn != getattr(self, "_batchnorm", False):  # (what the activations take in: normalised with batch norm)
            self._batchnorm = bn
            label = self.tr("activation input a = BN(x·W + b)") if bn else self.tr("pre-activation a = x·W + b")
            self.histPlot.getPlotItem().setLabel("bottom", label, **LABEL_STYLE)
        if n_hidden == 0:
            return
        stats = trainer.history.latest_activations
        if stats is None:
            # Nothing evaluated yet (step 0, or evaluation switched off): summarise the probe batch ourselves.
            self._redraw.request(trainer, (net, trainer.step_count), force=force)
        elif stats is not self._stats:
            self._show(stats, net.activation)

    # -- building ------------------------------------------------------------------------------------------
    def _make_zones(self, plot_item):
        zones = []
        for _ in range(2):
            z = pg.LinearRegionItem(values=(0, 1), movable=False, brush=pg.mkBrush(ZONE_BRUSH), pen=pg.mkPen(None))
            z.setZValue(-10)
            plot_item.addItem(z, ignoreBounds=True)
            z.hide()
            zones.append(z)
        return zones

    def _set_activation(self, name, n_hidden):
        self._activation = name
        self.histPlot.getPlotItem().getAxis("right").setTicks([[]])  # (the old activation's shares go)
        self._shares = []
        h, dh = ACTIVATIONS[name]
        hx, dhx = np.asarray(h(X), dtype=np.float64), np.asarray(dh(X), dtype=np.float64)
        self.hCurve.setData(X, hx)
        self.dhCurve.setData(X, dhx)
        zones = flat_zones(dhx)
        self._zone_on = [i < len(zones) for i in range(2)]
        for items in (self._zones_h, self._zones_hist):
            for i, z in enumerate(items):
                if i < len(zones):
                    z.setRegion(zones[i])
                z.setVisible(i < len(zones) and (items is self._zones_h or n_hidden > 0))
        top = float(dhx.max())
        self.maxLine.setVisible(top > 0)
        if top > 0:
            self.maxLine.setValue(top)
        parts = [
            f"<span style='color:{H_COLOR}'><b>━</b></span>&nbsp;h(x)",
            f"<span style='color:{DH_COLOR}'><b>━</b></span>&nbsp;h′(x)",
        ]
        if top > 0:
            max_text = self.tr("max h′(x) = {v}").format(v=f"{top:.3g}")
            parts.append(f"<span style='color:{DH_COLOR}'><b>╌╌</b></span>&nbsp;{max_text}")
        self.legendLabel.setText(" &nbsp; ".join(parts))
        ap = self.activationPlot.getPlotItem()
        lo, hi = Y_RANGES.get(name, (-2.6, 2.6))
        ap.setYRange(lo, hi, padding=0)
        title = self._formula(name)
        if n_hidden == 0:
            title += "  " + self.tr("(not used: no hidden layers)")
        ap.setTitle(title)
        if name == "relu":
            self._zone_word = self.tr("dead zone: h'(x) = 0")
        elif name == "identity":
            self._zone_word = self.tr("h'(x) = 1 everywhere: nothing saturates")
        elif top <= 0:
            self._zone_word = self.tr("h'(x) = 0 everywhere: no gradient passes")
        else:
            self._zone_word = self.tr("grey: saturated, h'(x) < {p} % of its maximum").format(p=round(100 * SATURATION))
        self._update_caption(n_hidden)
        self._stats = None

    def _formula(self, name):
        formulas = {
            "step": self.tr("h(x) = 1 if x > 0, else 0"),
            "sigmoid": self.tr("h(x) = 1 / (1 + e⁻ˣ)"),
            "tanh": self.tr("h(x) = tanh x"),
            "relu": self.tr("h(x) = max(0, x)"),
            "identity": self.tr("h(x) = x"),
        }
        return formulas.get(name, name)

    def _build_lanes(self, n_hidden, n_layers):
        hp = self.histPlot.getPlotItem()
        for item in self.lanes:
            hp.removeItem(item)
        self.lanes, self.laneTexts = [], []  # (laneTexts: each lane's text, as its right tick label shows it)
        hp.getAxis("right").setTicks([[]])  # (the old lanes' shares go with them)
        self._shares = []
        self._n_hidden = n_hidden
        self._stats = None
        for i in range(n_hidden):
            color = layer_color(i, n_layers)
            base = n_hidden - 1 - i
            fill = pg.mkColor(color)
            fill.setAlpha(90)
            lane = pg.PlotDataItem(
                stepMode="center", fillLevel=base, fillBrush=fill, pen=pg.mkPen(color, width=1.5), name=None
            )
            hp.addItem(lane)
            self.lanes.append(lane)
        # No hidden layer, no pre-activations: the histograms give their room to h(x), the caption says why.
        self.histPlot.setVisible(n_hidden > 0)
        for z, on in zip(self._zones_hist, self._zone_on, strict=True):
            z.setVisible(on and n_hidden > 0)
        self._lane_every = None
        self._label_lanes()
        hp.setRange(xRange=X_RANGE, yRange=(-0.1, max(1, n_hidden) + 0.05), padding=0, disableAutoRange=True)
        self._update_caption(n_hidden)

    def _update_caption(self, n_hidden):
        if self._n_hidden is None or self._activation is None:
            return
        if n_hidden == 0:
            self.caption.setText(
                self.tr(
                    "No hidden layers: the network is a single affine layer, so no activation function is used "
                    "(and there are no pre-activations to show)."
                )
            )
            return
        if self._activation in ("sigmoid", "tanh", "relu"):
            text = self.tr(
                "{zone}. Histograms: pre-activations of each hidden layer on {n} training samples; at the right, "
                "the share of them in the grey zone."
            )
        else:
            text = self.tr("{zone}. Histograms: pre-activations of each hidden layer on {n} training samples.")
        self.caption.setText(text.format(zone=self._zone_word, n=self._probe_size))

    # -- drawing -------------------------------------------------------------------------------------------
    def _draw_own_stats(self, trainer):
        with np.errstate(all="ignore"):
            stats = trainer.activation_stats()
        self._show(stats, trainer.network.activation)

    def _show(self, stats, activation):
        self._stats = stats
        self.draw_count += 1
        counts = np.asarray(stats.pre_counts, dtype=np.float64)
        edges = stats.pre_edges
        n = len(self.lanes)
        for i, lane in enumerate(self.lanes):
            c = counts[i] if i < len(counts) else np.zeros(len(edges) - 1)
            top = c.max()
            base = n - 1 - i
            lane.setData(edges, base + (LANE * c / top if top > 0 else c))
        self.laneTexts = [self._lane_text(stats, i, activation) for i in range(n)]
        self._label_lanes(force=True)

    def _label_lanes(self, force=False):
        """The lanes' names (left) and shares (right), every k-th lane's when the lanes are thinner than a line
        of text (they overlapped at 1280×720 with eight layers)."""
        n = self._n_hidden or 0
        hp = self.histPlot.getPlotItem()
        axis = hp.getAxis("left")
        line = QFontMetricsF(axis.style.get("tickFont") or self.histPlot.font()).height()
        lane_px = hp.getViewBox().height() / max(n + 0.15, 1)
        every = max(1, math.ceil(0.9 * line / lane_px)) if lane_px > 1 else max(1, math.ceil(n / 10))
        if every == self._lane_every and not force:
            return
        shown = range(0, n, every)
        if every != self._lane_every:
            self._lane_every = every
            axis.setTicks([[(n - 1 - i + 0.4, self.tr("layer {i}").format(i=i + 1)) for i in shown]])
        stats, activation = self._stats, self._activation
        shares = []
        if stats is not None:
            shares = [(n - 1 - i + 0.4, self._lane_share(stats, i, activation)) for i in shown]
        if shares != self._shares:  # (a new tick text repaints the axis: only when a share changed)
            self._shares = shares
            hp.getAxis("right").setTicks([shares])

    def _lane_share(self, stats, i, activation):
        """The short form beside the lane: the share in the grey zone ("7 %"), "0" for the step function."""
        if i >= len(stats.mean):
            return ""
        if activation in ("sigmoid", "tanh"):
            return f"{100 * stats.saturated[i]:.0f} %"
        if activation == "relu":
            return f"{100 * stats.dead[i]:.0f} %"
        return ""

    def _lane_text(self, stats, i, activation):
        if i >= len(stats.mean):
            return ""
        if activation in ("sigmoid", "tanh"):
            return self.tr("{p} % saturated").format(p=f"{100 * stats.saturated[i]:.0f}")
        if activation == "relu":
            return self.tr("{p} % dead").format(p=f"{100 * stats.dead[i]:.0f}")
        if activation == "step":
            return self.tr("h' = 0: no gradient")
        return self.tr("std {s}").format(s=f"{stats.std[i]:.2g}")
