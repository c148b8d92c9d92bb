"""The gradient of every layer over time: where vanishing gradients become visible (book ch. 6.2).

Each layer's ‖∂L/∂W‖ is a smoothed line (the running mean of log10‖∂L/∂W‖) over a pale band (the smallest to the
largest mini-batch value), on a log axis, coloured from dark violet (layer 1, next to the input) to green (the
last layer). With deep sigmoid networks the first layers' lines sink decades below the last ones; with ReLU and He
initialisation they stay together. Layer 1's line and band are drawn on top, so the layer that carries the point
is never hidden. A gradient that is exactly 0 (the step function, a dead ReLU layer) has no place on a log axis:
it is drawn on a "0" lane below the axis. A bar view shows the current step, and a sentence says what the ratio
‖∂L/∂W1‖ / ‖∂L/∂W_L‖ means.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nnplay.gui.panels._common import (
    LABEL_STYLE,
    MUTED,
    HistoryCurves,
    LogAxis,
    Readout,
    StepAxes,
    fmt_sig,
    make_plot,
    named,
)
from nnplay.gui.style import BAD, GOOD, WARN, layer_color
from nnplay.gui.widgets import LiveLabel

RATIO_WINDOW = 20
"""The ratio is taken between the medians of the last this many steps (one mini-batch is noisy)."""
RULE_OF_THUMB = 1e-3
"""A healthy update ratio η‖∂L/∂W‖/‖W‖ is often said to be around 10⁻³."""
BAR_FLOOR = -30.0  # bars start far below any visible value (log10 units)
VANISHING, SHRINKING, GROWING, EXPLODING = 1e-2, 1e-1, 1e1, 1e2
LINE_WIDTH = 2.0
ZERO_GAP = 1.0
"""The "0" lane sits this many decades below the smallest value drawn."""


class GradientPanel(QWidget):
    """‖∂L/∂W‖ (or the update ratio) of every layer over the steps, the current step as bars, and the ratio
    between the first and the last layer in words."""

    QUANTITIES = ("gradient", "update_ratio")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("gradientPanel")
        self._n_layers = None
        self._seen = None
        self._ratio = math.nan
        self._trainer = None
        self.curves = []
        self._readout = Readout()
        self._last_row = np.empty(0)

        self.quantityCombo = named(
            QComboBox(),
            "gradientQuantityCombo",
            self.tr("Quantity plotted per layer"),
            self.tr(
                "What to plot for each layer:\n"
                "‖∂L/∂W‖: the size of the gradient of the loss with respect to the layer's weights\n"
                "η‖∂L/∂W‖/‖W‖: how big one update is compared with the weights themselves "
                "(around 10⁻³ is often healthy; much smaller means the layer hardly changes)"
            ),
        )
        self.quantityCombo.addItem(self.tr("gradient"), "gradient")
        self.quantityCombo.addItem(self.tr("update ratio"), "update_ratio")
        self.quantityCombo.currentIndexChanged.connect(self._on_quantity)

        self.gradientPlot = make_plot(
            "gradientPlot",
            self.tr("Gradient norm of every layer over training steps"),
            self.tr(
                "‖∂L/∂W‖ = √(Σᵢⱼ (∂L/∂wᵢⱼ)²) of each layer's weight matrix at every mini-batch step, on a "
                "logarithmic axis: a line (the running mean) through a pale band (every mini-batch).\n"
                "Dark violet: layer 1 next to the input; green: the last layer, next to the output.\n"
                "Lines fanned out over several decades mean the gradient vanishes on its way back to the input.\n"
                "A gradient that is exactly 0 is drawn on the lane marked 0 below the axis."
            ),
            bottom=self.tr("step"),
            axis_items={"left": LogAxis("left")},
        )
        gp = self.gradientPlot.getPlotItem()
        gp.getAxis("left").setLogMode(False, True)  # the lines carry log10 of the values
        self.referenceLine = pg.InfiniteLine(
            pos=math.log10(RULE_OF_THUMB),
            angle=0,
            pen=pg.mkPen("#666", width=1, style=Qt.PenStyle.DashLine),
            label=self.tr("10⁻³ rule of thumb"),
            labelOpts={"position": 0.02, "color": "#444", "anchors": [(0, 1), (0, 1)], "fill": (255, 255, 255, 210)},
        )
        gp.addItem(self.referenceLine, ignoreBounds=True)
        self.zeroLane = []  # per layer: the steps where its gradient was exactly 0, on the "0" lane
        self._lane = None  # the lane's height (log10 units), None while no gradient is 0
        self._axes = StepAxes(gp, self._redraw, y_empty=(-4.0, 1.0))  # 10⁻⁴ … 10 before the first step
        self._xrange, self._yrange = self._axes.x, self._axes.y
        self._lines = None

        self.barsPlot = make_plot(
            "gradientBars",
            self.tr("Gradient norm of every layer at the current step"),
            self.tr(
                "The current step's value for each layer as a bar on the same logarithmic axis as the curves "
                "(one bar per layer, input side on the left). Equal bars: every layer learns; a staircase "
                "falling to the left: the gradient vanishes before it reaches the first layers."
            ),
            bottom=self.tr("layer"),
            axis_items={"left": LogAxis("left")},
        )
        bp = self.barsPlot.getPlotItem()
        bp.getAxis("left").setLogMode(False, True)
        bp.setMouseEnabled(x=False, y=False)
        bp.hideButtons()
        bp.setMenuEnabled(False)
        bp.enableAutoRange(x=False, y=False)
        bp.setYLink(gp)
        self._yrange.linked.append(bp.getViewBox())
        bp.getAxis("left").setStyle(showValues=False)
        self.bars = pg.BarGraphItem(x=[], height=[], y0=BAR_FLOOR, width=0.7)
        bp.addItem(self.bars, ignoreBounds=True)
        self.barsPlot.setMinimumWidth(110)
        self.barsPlot.setMaximumWidth(260)

        self.bandCheck = named(
            QCheckBox(self.tr("band")),
            "gradientBandCheck",
            self.tr("Show the band of every mini-batch"),
            self.tr(
                "The pale band runs from the smallest to the largest ‖∂L/∂W‖ of the mini-batches at each point; "
                "the line through it is their running mean on the log scale. Switch the band off to see only the "
                "lines."
            ),
        )
        self.bandCheck.setChecked(True)
        self.bandCheck.toggled.connect(self._on_band)
        self.legendLabel = named(
            QLabel(),
            "gradientLegend",
            self.tr("Layer colours"),
            self.tr(
                "Colour of each layer's line and bar: dark violet next to the input (layer 1), green next to the "
                "output; layer 1 is drawn on top"
            ),
        )
        self.legendLabel.setTextFormat(Qt.TextFormat.RichText)
        self.legendLabel.setWordWrap(True)

        # Two lines from the start, so that a sentence that wraps differently does not move the plots.
        self.ratioLabel = LiveLabel(lines=2, rich=True, tooltip_text=False)
        named(
            self.ratioLabel,
            "gradientRatioLabel",
            self.tr("Gradient ratio between the first and the last layer"),
            self.tr(
                "‖∂L/∂W1‖ / ‖∂L/∂W_L‖: how much of the last layer's gradient reaches the first layer "
                "(medians over the last {n} steps). Below 1/100 the gradient vanishes; near 1 it survives."
            ).format(n=RATIO_WINDOW),
        )
        font = self.ratioLabel.font()
        font.setPointSizeF(10.5)
        self.ratioLabel.setFont(font)
        self.ratioLabel.setContentsMargins(4, 2, 4, 2)

        head = QHBoxLayout()
        head.setContentsMargins(4, 0, 4, 0)
        show = QLabel(self.tr("Show:"))
        show.setStyleSheet(f"color: {MUTED};")
        head.addWidget(show)
        head.addWidget(self.quantityCombo)
        head.addWidget(self.bandCheck)
        head.addStretch(1)
        legend = QHBoxLayout()  # (a row of its own: beside the controls it wrapped into three lines)
        legend.setContentsMargins(4, 0, 4, 0)
        legend.addWidget(self.legendLabel, 1)
        plots = QHBoxLayout()
        plots.setSpacing(0)
        plots.addWidget(self.gradientPlot, 4)
        plots.addWidget(self.barsPlot, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(head)
        lay.addLayout(legend)
        lay.addLayout(plots, 1)
        lay.addWidget(self.ratioLabel)
        self._on_quantity()

    # -- public ------------------------------------------------------------------------------------------
    def point_count(self):
        """Number of steps the curves have taken in (the history's length for the first 65,536 steps); at
        most ``2 * MAX_BUCKETS`` points per curve are drawn, the minimum and maximum of each bucket."""
        return self._lines.rows if self._lines is not None else 0

    def current_ratio(self):
        """‖∂L/∂W1‖ / ‖∂L/∂W_L‖ (medians of the last 20 steps); nan before the first step."""
        return self._ratio

    def quantity(self):
        return self.quantityCombo.currentData()

    def update_from(self, trainer, paced=False):
        """Redraw for the trainer's current step; with ``paced`` (fast play) the bars and the sentence follow at
        most every ``READOUT_INTERVAL`` seconds."""
        self._trainer = trainer
        h = trainer.history
        key = (h, len(h.steps), h.last_step, self.quantity(), trainer.diverged, self.bandCheck.isChecked())
        if self._seen is not None and all(a is b or a == b for a, b in zip(key, self._seen, strict=True)):
            if self._readout.pending and self._readout.due(paced):
                self._update_readouts(trainer)
            return
        self._seen = key
        with self._axes.drawing(h):
            L = h.n_layers
            if self._n_layers != L:
                self._rebuild(L)
            x = h.step_x
            self._xrange.follow(0, x[-1] if len(x) else 1)
            quantity = "grad_norm" if self.quantity() == "gradient" else "update_ratio"
            y, lo, hi, logmean, weight = h.summary(quantity)
            self._lines.update((h, self.quantity()), x, y, log=True, lo=lo, hi=hi, logmean=logmean, weight=weight)
            low, high = self._lines.value_range()
            self._update_zero_lane(low, high)
            if self._lane is not None:
                low = self._lane - 0.6
            self._yrange.follow(low, high)
            self._last_row = y[-1] if len(y) else np.full(L, np.nan)
            if self._readout.due(paced):
                self._update_readouts(trainer)

    def _update_readouts(self, trainer):
        self._update_bars(self._last_row)
        self._update_ratio(trainer.history.grad_norm, self._n_layers, trainer)

    @property
    def bands(self):
        """Per layer, the curve of its band (every mini-batch's value, as minimum and maximum per bucket)."""
        return self._lines.bands if self._lines is not None else []

    def zero_layers(self):
        """Layers (1-based) whose gradient was exactly 0 somewhere in what is drawn (they are on the 0 lane)."""
        return [i + 1 for i, item in enumerate(self.zeroLane) if item.xData is not None and len(item.xData)]

    def lane_height(self):
        """Height of the "0" lane (log10 units on the axis), or None while no gradient is exactly 0."""
        return self._lane

    def _redraw(self):
        self._seen = None
        if self._trainer is not None:
            self.update_from(self._trainer)

    # -- internals ---------------------------------------------------------------------------------------
    def _rebuild(self, L):
        gp = self.gradientPlot.getPlotItem()
        for c in (*(self._lines.items() if self._lines is not None else ()), *self.zeroLane):
            gp.removeItem(c)
        lines, names = [], []
        for i in range(L):
            color = layer_color(i, L)
            if L == 1:
                name = self.tr("layer 1 (the only one)")
            elif i == 0:
                name = self.tr("layer 1 (input side)")
            elif i == L - 1:
                name = self.tr("layer {i} (output side)").format(i=L)
            else:
                name = self.tr("layer {i}").format(i=i + 1)
            lines.append((pg.mkPen(color, width=LINE_WIDTH), name))
            short = name if i in (0, L - 1) else str(i + 1)
            names.append(f"<span style='color:{color.name()}'>■</span>&nbsp;{short}")
        self._lines = HistoryCurves(gp, self._xrange, lines, middle=True)
        self._lines.set_band_visible(self.bandCheck.isChecked())
        self.curves = self._lines.lines
        # Layer 1 on top: bands below every line, and within each, the input side above the output side.
        for i, (band, line, (_pen, name)) in enumerate(zip(self._lines.bands, self.curves, lines, strict=True)):
            band.setZValue(-100 + (L - i))
            line.setZValue(100 + (L - i))
            line.setToolTip(name)
        self.zeroLane = []
        for i in range(L):
            item = pg.PlotCurveItem(pen=pg.mkPen(layer_color(i, L), width=3), connect="pairs", antialias=False)
            item.setZValue(200 + (L - i))
            gp.addItem(item)
            self.zeroLane.append(item)
        self.legendLabel.setText(" &nbsp;".join(names))
        self._brushes = [pg.mkBrush(layer_color(i, L)) for i in range(L)]
        self._x = np.arange(1, L + 1)
        bp = self.barsPlot.getPlotItem()
        bp.setXRange(0.4, L + 0.6, padding=0)
        step = max(1, math.ceil(L / 10))
        bp.getAxis("bottom").setTicks([[(i, str(i)) for i in range(1, L + 1, step)]])
        self._n_layers = L

    def _update_zero_lane(self, low, high):
        """Put the steps where a layer's gradient was exactly 0 on a lane ``ZERO_GAP`` decades below the smallest
        value drawn (each layer a little apart), and label the lane "0" on the axis."""
        xb, zero = self._lines.zeros()
        axis = self.gradientPlot.getPlotItem().getAxis("left")
        if not zero.any():
            self._lane = None
            for item in self.zeroLane:
                if item.xData is not None and len(item.xData):  # (an empty item left alone costs nothing)
                    item.setData([], [])
            axis.zero_lane = None
            return
        base = math.floor(low) if math.isfinite(low) else (math.floor(high) - 2 if math.isfinite(high) else -4)
        span = high - low if math.isfinite(high) and math.isfinite(low) else 0.0
        self._lane = base - max(ZERO_GAP, math.ceil(0.08 * span))  # (apart from the lowest tick label)
        L = len(self.zeroLane)
        spread = min(0.12, 0.6 / L)
        ends = np.append(xb[1:], xb[-1] + max(1.0, xb[-1] - xb[-2] if len(xb) > 1 else 1.0))
        for i, item in enumerate(self.zeroLane):
            where = np.flatnonzero(zero[:, i])
            if not len(where):
                if item.xData is not None and len(item.xData):
                    item.setData([], [])
                continue
            xs = np.column_stack([xb[where], ends[where]]).ravel()
            y = self._lane + ((L - 1) / 2 - i) * spread
            item.setData(xs, np.full(len(xs), y))
        axis.zero_lane = self._lane

    def _on_band(self, on):
        if self._lines is not None:
            self._lines.set_band_visible(on)
        self._yrange.release()
        self._redraw()

    def _update_bars(self, row):
        with np.errstate(divide="ignore", invalid="ignore"):
            top = np.log10(row)
        bottom = np.full(len(top), BAR_FLOOR)
        if self._lane is not None:  # an exact 0: a short bar on the "0" lane
            zero = row == 0
            bottom[zero] = self._lane - 0.3
            top[zero] = self._lane + 0.3
        top = np.where(np.isfinite(top), top, BAR_FLOOR)
        self.bars.setOpts(x=self._x, height=top - bottom, y0=bottom, width=0.7, brushes=self._brushes)

    def _update_ratio(self, g, L, trainer):
        n = len(g)
        dv = trainer.diverged
        if dv is not None:
            self._ratio = math.nan
            text = self.tr(
                "The loss exploded at step {step}: the gradients blew up with the weights (η = {rate} is too "
                "large), so their ratio says nothing about vanishing. Lower η to start over."
            ).format(step=dv.step, rate=f"{dv.learning_rate:g}")
            self.ratioLabel.setText(f"<span style='color:{BAD}'><b>▲ {text}</b></span>")
            return
        if n == 0:
            self._ratio = math.nan
            self.ratioLabel.setText(
                self.tr("Take a step to see how much of the last layer's gradient reaches layer 1.")
            )
            return
        if L == 1:
            self._ratio = 1.0
            self.ratioLabel.setText(self.tr("Only one weight layer: there is no depth for the gradient to vanish in."))
            return
        k = min(n, RATIO_WINDOW)
        recent = g[-k:]
        first, last = float(np.median(recent[:, 0])), float(np.median(recent[:, -1]))
        head = self.tr("‖∂L/∂W<sub>1</sub>‖ / ‖∂L/∂W<sub>{L}</sub>‖").format(L=L)
        zero = [i + 1 for i in range(L) if not np.any(recent[:, i])]
        if first == 0 and not zero:  # (0 in most of the last steps)
            zero = [1]
        if last == 0:
            self._ratio = math.nan
            self.ratioLabel.setText(
                head + " — " + self.tr("the last layer gets no gradient: the loss does not change with its weights.")
            )
            return
        r = first / last
        self._ratio = r
        if zero:
            layers = _layer_list(zero)
            text = (
                self.tr("layer {layers} gets exactly 0 (on the 0 lane): {why}")
                if len(zero) == 1
                else self.tr("layers {layers} get exactly 0 (on the 0 lane): {why}")
            ).format(layers=layers, why=self._why_zero(trainer.config.activation))
            self.ratioLabel.setText(f"{head} = <b>0</b>: <span style='color:{BAD}'><b>✗ {text}</b></span>")
            return
        value, text, color = self._verdict(r)
        self.ratioLabel.setText(f"{head} = <b>{value}</b>: <span style='color:{color}'><b>{text}</b></span>")

    def _why_zero(self, activation):
        if activation == "step":
            return self.tr("the step function's derivative is 0 everywhere, so nothing flows back through it")
        if activation == "relu":
            return self.tr("the ReLU units above them are all inactive (dead), and ReLU's derivative is 0 there")
        if activation in ("sigmoid", "tanh"):
            return self.tr("the units above them are saturated, where h′(x) rounds to 0")
        return self.tr("nothing reaches them, so they cannot learn")

    def _verdict(self, r):
        """(the ratio as text, what it means — with a mark, so it does not rest on colour — and its colour)."""
        if r < 0.5:
            value = "1/" + fmt_sig(1 / r)
            text = self.tr("layer 1 gets {part} of the last layer's gradient").format(part=value)
        else:
            value = fmt_sig(r)
            text = self.tr("layer 1 gets {part} the last layer's gradient").format(part=value + "×")
        if r < VANISHING:
            verdict, color = "▼ " + self.tr("vanishing"), BAD
        elif r < SHRINKING:
            verdict, color = "↘ " + self.tr("shrinking"), WARN
        elif r <= GROWING:
            verdict, color = "✓ " + self.tr("the gradient survives"), GOOD
        elif r <= EXPLODING:
            verdict, color = "↗ " + self.tr("growing"), WARN
        else:
            verdict, color = "▲ " + self.tr("exploding"), BAD
        return value, text + " — " + verdict, color

    def _on_quantity(self, *_):
        gp = self.gradientPlot.getPlotItem()
        if self.quantity() == "gradient":
            gp.setLabel("left", self.tr("‖∂L/∂W‖ (log scale)"), **LABEL_STYLE)
            self.referenceLine.hide()
        else:
            gp.setLabel("left", self.tr("η‖∂L/∂W‖ / ‖W‖ (log scale)"), **LABEL_STYLE)
            self.referenceLine.show()
        self._yrange.release()
        self._redraw()


def _layer_list(layers):
    """[1, 2, 3, 5] → "1–3, 5"."""
    runs = []
    for i in layers:
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)
