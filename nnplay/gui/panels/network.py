"""The network drawn as neurons and connections: weights by colour and thickness, or where the gradient flows.

Drawing one line per connection with its own pen costs ~100 ms per frame for a thousand connections, so the
connections are sorted into a few buckets (sign × thickness), each drawn by one item with one pen.
Wide layers show at most ``MAX_SHOWN`` evenly spaced neurons (and only their connections).
"""

from __future__ import annotations

from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nnplay.gui.panels._common import MUTED, ThrottledRedraw, hex_rgb, make_plot, named
from nnplay.gui.style import CLASS_COLORS, NEGATIVE, POSITIVE

MAX_SHOWN = 16
LEVELS = 4  # thickness buckets
WIDTHS = (0.8, 1.4, 2.3, 3.4)
STRENGTHS = (0.25, 0.45, 0.7, 1.0)  # colour mixed with white: weak connections pale (opaque, see EdgeBucket)
GRADIENT_COLOR = "#7b3294"
PROBE_SIZE = 64
WEIGHT_INTERVAL = 0.05  # s between redraws of the weights
GRADIENT_INTERVAL = 0.2  # s between gradient computations


def shown_units(n):
    """Indices of the neurons drawn for a layer of ``n``: all, or ``MAX_SHOWN`` evenly spaced ones."""
    if n <= MAX_SHOWN:
        return np.arange(n)
    return np.unique(np.round(np.linspace(0, n - 1, MAX_SHOWN)).astype(np.intp))


class EdgeBucket(pg.GraphicsObject):
    """Straight lines that share one pen, drawn in device pixels.

    Measured offscreen for 2,000 lines: a ``connect="pairs"`` PlotCurveItem with a cosmetic pen 2 px wide
    takes 0.4-1.8 s per frame (Qt strokes the scaled path as one polygon); the same lines mapped to pixels
    first and drawn with ``drawLines`` and an opaque pen take ~10 ms. A translucent pen is slow again
    (~160 ms: overlaps must not blend twice), so weak connections are pale, not transparent; and round caps
    cost 20× more than the default square ones.
    """

    def __init__(self, pen):
        super().__init__()
        self._pen = pen
        self._segs = np.zeros((0, 4))
        self._rect = QRectF()
        self._cache = None

    def pen(self):
        return self._pen

    def setPen(self, pen):
        self._pen = pen
        self.update()

    def setSegments(self, segs):
        """segs : (n, 4) rows of x0, y0, x1, y1 in data coordinates."""
        self.prepareGeometryChange()
        self._segs = np.asarray(segs, dtype=np.float64).reshape(-1, 4)
        self._cache = None
        if len(self._segs):
            xs, ys = self._segs[:, [0, 2]], self._segs[:, [1, 3]]
            x0, x1, y0, y1 = xs.min(), xs.max(), ys.min(), ys.max()
            self._rect = QRectF(x0 - 0.1, y0 - 0.1, x1 - x0 + 0.2, y1 - y0 + 0.2)
        else:
            self._rect = QRectF()
        self.update()

    def segment_count(self):
        return len(self._segs)

    def boundingRect(self):
        return self._rect

    def paint(self, p, *args):
        if not len(self._segs):
            return
        t = p.transform()
        key = (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy())
        if self._cache is None or self._cache[0] != key:
            s = self._segs
            x, y = s[:, [0, 2]], s[:, [1, 3]]
            dx = key[0] * x + key[2] * y + key[4]
            dy = key[1] * x + key[3] * y + key[5]
            lines = [QLineF(a, b, c, d) for a, b, c, d in zip(dx[:, 0], dy[:, 0], dx[:, 1], dy[:, 1], strict=True)]
            self._cache = (key, lines)
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(self._pen)
        p.drawLines(self._cache[1])
        p.restore()


def bucket_levels(a):
    """Relative magnitudes in [0, 1] → thickness level 0..LEVELS-1 (−1: too small to draw)."""
    lvl = np.minimum((a * LEVELS).astype(np.intp), LEVELS - 1)
    return np.where(a >= 0.02, lvl, -1)


class NetworkView(QWidget):
    """Neurons in columns (input … output) and their connections, coloured by weight sign and as thick as |w|
    (or as thick as |∂L/∂w|)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("networkPanel")
        self._sizes = None
        self._network = None
        self._probe = None  # (dataset, x, t)
        self._grads = None  # (network, step, grads)
        self._labels = []
        self._label_key = None
        self._markers = []
        self._trainer = None
        self._pens = {}
        white = np.array([255.0, 255.0, 255.0])
        for sign, color in ((0, POSITIVE), (1, NEGATIVE), (2, GRADIENT_COLOR)):
            rgb = hex_rgb(color)
            for level in range(LEVELS):
                mix = white + (rgb - white) * STRENGTHS[level]
                pen = QPen(pg.mkColor(*mix.round().astype(int)))
                pen.setWidthF(WIDTHS[level])
                self._pens[sign, level] = pen

        self.quantityCombo = named(
            QComboBox(),
            "networkQuantityCombo",
            self.tr("What the connections show"),
            self.tr(
                "Weights: each line is one weight w; red w > 0, blue w < 0, thickness ∝ |w| / max |w| of its "
                "layer.\nGradient: thickness ∝ |∂L/∂w| on a fixed batch of {n} training samples, relative to "
                "the largest in the whole network, so layers the gradient does not reach fade away."
            ).format(n=PROBE_SIZE),
        )
        self.quantityCombo.addItem(self.tr("weights w"), "weights")
        self.quantityCombo.addItem(self.tr("gradient |∂L/∂w|"), "gradient")
        self.quantityCombo.currentIndexChanged.connect(self._on_quantity)
        self.caption = QLabel()
        self.caption.setObjectName("networkCaption")
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(f"color: {MUTED};")

        self.plot = make_plot(
            "networkView",
            self.tr("The network's neurons and connections"),
            self.tr(
                "Columns of neurons from the input (left) to the output (right); each line is one weight.\n"
                "Red: w > 0, blue: w < 0; the thicker, the larger |w| compared with the other weights of the same "
                "layer. Output neurons have their class colour. Wide layers show {n} evenly spaced neurons."
            ).format(n=MAX_SHOWN),
        )
        p = self.plot.getPlotItem()
        p.hideAxis("left")
        p.hideAxis("bottom")
        p.setMouseEnabled(x=False, y=False)
        p.hideButtons()
        p.setMenuEnabled(False)
        self.edgeBuckets = []
        for b in range(2 * LEVELS):
            item = EdgeBucket(self._pens[divmod(b, LEVELS)])
            item.setZValue(b % LEVELS)  # strong connections on top of weak ones
            p.addItem(item, ignoreBounds=True)
            self.edgeBuckets.append(item)
        p.getViewBox().sigResized.connect(lambda *_: self._relabel())
        self.neurons = pg.ScatterPlotItem(pen=pg.mkPen("#333", width=1.2), symbol="o")
        self.neurons.setZValue(10)
        p.addItem(self.neurons)
        self._redraw = ThrottledRedraw(self, WEIGHT_INTERVAL, self._draw)

        head = QHBoxLayout()
        head.setContentsMargins(4, 0, 4, 0)
        show = QLabel(self.tr("Show:"))
        show.setStyleSheet(f"color: {MUTED};")
        head.addWidget(show)
        head.addWidget(self.quantityCombo)
        head.addStretch(1)
        caption = QHBoxLayout()  # (the legend of the lines, in a row of its own: beside the menu it wrapped)
        caption.setContentsMargins(4, 0, 4, 0)
        caption.addWidget(self.caption, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(head)
        lay.addLayout(caption)
        lay.addWidget(self.plot, 1)
        self._on_quantity()

    # -- public --------------------------------------------------------------------------------------------
    def edge_bucket_count(self):
        """Number of items that draw all the connections (a few, however many connections there are)."""
        return len(self.edgeBuckets)

    def edge_count(self):
        """Number of connections currently drawn."""
        return sum(b.segment_count() for b in self.edgeBuckets)

    def quantity(self):
        return self.quantityCombo.currentData()

    def update_from(self, trainer, force=False):
        self._trainer = trainer
        net = trainer.network
        if net.sizes != self._sizes:
            self._build(net.sizes)
        new_net = net is not self._network
        self._network = net
        interval = GRADIENT_INTERVAL if self.quantity() == "gradient" else WEIGHT_INTERVAL
        self._redraw.interval = interval
        self._redraw.request(trainer, (net, trainer.step_count, self.quantity()), force=force or new_net)

    # -- geometry ------------------------------------------------------------------------------------------
    def _build(self, sizes):
        self._sizes = sizes
        p = self.plot.getPlotItem()
        for item in self._labels + self._markers:
            p.removeItem(item)
        self._labels, self._markers = [], []
        n_cols = len(sizes)
        shown = [shown_units(n) for n in sizes]
        self._shown = shown
        tallest = max(len(s) for s in shown)
        ys = [(len(s) - 1) / 2.0 - np.arange(len(s), dtype=np.float64) for s in shown]
        xs, yy, brushes, sizes_px = [], [], [], []
        dot = 15 if tallest <= 8 else 11
        for col, (s, y) in enumerate(zip(shown, ys, strict=True)):
            xs.append(np.full(len(s), float(col)))
            yy.append(y)
            for j in range(len(s)):
                if col == 0:
                    brushes.append(pg.mkBrush("#d9d9d9"))
                elif col == n_cols - 1:
                    brushes.append(pg.mkBrush(CLASS_COLORS[s[j] % len(CLASS_COLORS)]))
                else:
                    brushes.append(pg.mkBrush("w"))
            sizes_px.append(np.full(len(s), dot))
        self.neurons.setData(x=np.concatenate(xs), y=np.concatenate(yy), brush=brushes, size=np.concatenate(sizes_px))

        # Every drawn connection: its end points and where its weight sits in the layer's flattened W.
        seg_x, seg_y, layer, flat = [], [], [], []
        for i in range(n_cols - 1):
            a, b = shown[i], shown[i + 1]
            ia, ib = np.meshgrid(np.arange(len(a)), np.arange(len(b)), indexing="ij")
            ia, ib = ia.ravel(), ib.ravel()
            seg_x.append(np.column_stack([np.full(len(ia), float(i)), np.full(len(ia), float(i + 1))]))
            seg_y.append(np.column_stack([ys[i][ia], ys[i + 1][ib]]))
            layer.append(np.full(len(ia), i))
            flat.append(a[ia] * sizes[i + 1] + b[ib])
        if seg_x:
            sx, sy = np.concatenate(seg_x), np.concatenate(seg_y)
            self._segs = np.column_stack([sx[:, 0], sy[:, 0], sx[:, 1], sy[:, 1]])
        else:
            self._segs = np.zeros((0, 4))
        self._edge_layer = np.concatenate(layer) if layer else np.zeros(0, np.intp)
        self._edge_flat = flat
        self._layer_slices = np.cumsum([0] + [len(f) for f in flat])

        font = QFont()
        font.setPointSize(9)
        self._bottom = bottom = -(tallest - 1) / 2.0 - 0.45
        self._tallest = tallest
        for col, n in enumerate(sizes):
            t = pg.TextItem(anchor=(0.5, 0))
            t.setFont(font)
            t.setPos(col, bottom)
            p.addItem(t)
            self._labels.append(t)
            if n > len(shown[col]):
                m = pg.TextItem("⋮", color="#444", anchor=(0.5, 0.5))
                m.setFont(font)
                m.setPos(col, ys[col][-1] - 0.6)
                p.addItem(m)
                self._markers.append(m)
        self._label_style = None
        self._label_key = None
        self._relabel()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._relabel()  # narrower columns, shorter labels

    def zoom_changed(self, _factor):
        """The window's zoom changed the labels' font: fit them again."""
        self._label_key = None
        self._relabel()

    def _label_texts(self, style):
        sizes, shown = self._sizes, self._shown
        n_cols = len(sizes)
        texts = []
        for col, n in enumerate(sizes):
            if style == "short":
                name = self.tr("in") if col == 0 else self.tr("out") if col == n_cols - 1 else f"h{col}"
                text = f"{escape(name)}<br>{n}"
            else:
                if col == 0:
                    name = self.tr("input")
                elif col == n_cols - 1:
                    name = self.tr("output")
                else:
                    name = self.tr("hidden {i}").format(i=col)
                text = f"{escape(name)}{' ' if style == 'long' else '<br>'}({n})"
                if n > len(shown[col]):
                    text += "<br>" + escape(self.tr("{k} shown").format(k=len(shown[col])))
            texts.append(f"<div align='center' style='color:#222'>{text}</div>")
        return texts

    def _relabel(self):
        """Column labels as long as the width allows ("hidden 1 (8)", "hidden 1⏎(8)" or "h1⏎8"), and room below
        the neurons for them, whatever the plot's height and the zoom."""
        if self._sizes is None:
            return
        sizes = self._sizes
        n_cols = len(sizes)
        vb = self.plot.getPlotItem().getViewBox()
        px = max(1.0, vb.width() if vb.width() > 1 else self.width()) / n_cols
        key = (round(px), round(vb.height()), self._labels[0].textItem.font().pointSizeF() if self._labels else 0)
        if key == self._label_key:
            return
        self._label_key = key
        for style in ("long", "two", "short"):
            texts = self._label_texts(style)
            widths = []
            for t, text in zip(self._labels, texts, strict=True):
                t.setHtml(text)
                t.setTextWidth(-1)  # unwrapped first: measured at the previous (narrower) width, "input" broke up
                widths.append(t.textItem.document().idealWidth())
            if max(widths) <= px - 4 or style == "short":
                break
        self._label_style = style
        for t, width in zip(self._labels, widths, strict=True):
            t.setTextWidth(width + 2)
        label_px = max(t.textItem.document().size().height() for t in self._labels) + 2
        top = (self._tallest - 1) / 2.0 + 0.6
        span = top - self._bottom
        h = vb.height() if vb.height() > 1 else self.plot.height()
        # The labels hang below ``self._bottom`` in pixels; in data units they need label_px / h of the whole range.
        label_rows = label_px * span / max(h - label_px, 0.35 * h)
        self.plot.getPlotItem().setRange(
            xRange=(-0.45, n_cols - 0.55),
            yRange=(self._bottom - label_rows, top),
            padding=0,
            disableAutoRange=True,
        )

    # -- drawing -------------------------------------------------------------------------------------------
    def _values(self, trainer):
        """(per-edge signed values, per-edge relative magnitude in [0, 1])."""
        source = self._gradient(trainer) if self.quantity() == "gradient" else trainer.network.params
        vals = np.empty(len(self._segs))
        rel = np.empty(len(self._segs))
        layer_max = []
        for i, flat in enumerate(self._edge_flat):
            W = np.asarray(source[f"W{i + 1}"])
            lo, hi = self._layer_slices[i], self._layer_slices[i + 1]
            v = W.ravel()[flat]
            vals[lo:hi] = v
            a = np.abs(W)
            a = a[np.isfinite(a)]
            layer_max.append(float(a.max()) if a.size else 0.0)
        vals = np.where(np.isfinite(vals), vals, 0.0)
        if self.quantity() == "gradient":
            top = max(layer_max, default=0.0)
            rel[:] = np.abs(vals) / top if top > 0 else 0.0
        else:
            for i in range(len(self._edge_flat)):
                lo, hi = self._layer_slices[i], self._layer_slices[i + 1]
                m = layer_max[i]
                rel[lo:hi] = np.abs(vals[lo:hi]) / m if m > 0 else 0.0
        return vals, np.clip(rel, 0.0, 1.0)

    def _gradient(self, trainer):
        net, ds = trainer.network, trainer.dataset
        if self._grads is not None and self._grads[0] is net and self._grads[1] == trainer.step_count:
            return self._grads[2]
        if self._probe is None or self._probe[0] is not ds:
            x, t = ds.x_train[:PROBE_SIZE], ds.t_train[:PROBE_SIZE]
            self._probe = (ds, np.array(x), np.array(t))
        _, x, t = self._probe
        # network.gradient overwrites the network's gradient buffers; the trainer recomputes them every step.
        with np.errstate(all="ignore"):
            grads = net.gradient(x, t)  # copies
        self._grads = (net, trainer.step_count, grads)
        return grads

    def _draw(self, trainer):
        vals, rel = self._values(trainer)
        lvl = bucket_levels(rel)
        gradient = self.quantity() == "gradient"
        negative = vals < 0
        for b, bucket in enumerate(self.edgeBuckets):
            sign, level = divmod(b, LEVELS)
            if gradient:
                mask = (lvl == level) if sign == 0 else np.zeros(len(lvl), bool)
                bucket.setPen(self._pens[2, level])
            else:
                mask = (lvl == level) & (negative if sign else ~negative)
                bucket.setPen(self._pens[sign, level])
            bucket.setSegments(self._segs[mask])

    def _on_quantity(self, *_):
        if self.quantity() == "gradient":
            self.caption.setText(
                f"<span style='color:{GRADIENT_COLOR}'>━</span> "
                + escape(self.tr("thickness ∝ |∂L/∂w| (the largest in the network is thickest)"))
            )
        else:
            self.caption.setText(
                f"<span style='color:{POSITIVE}'>━</span> "
                + escape(self.tr("w > 0"))
                + f" &nbsp;<span style='color:{NEGATIVE}'>━</span> "
                + escape(self.tr("w < 0"))
                + " &nbsp; "
                + escape(self.tr("thickness ∝ |w| (per layer)"))
            )
        self._redraw.invalidate()
        if self._trainer is not None:
            self.update_from(self._trainer)
