"""The network drawn as neurons and connections: weights by colour and thickness, or where the gradient flows.

Drawing one line per connection with its own pen costs ~100 ms per frame for a thousand connections, so the
connections are sorted into a few buckets (sign × thickness), each drawn by one item with one pen.
Wide layers show at most ``MAX_SHOWN`` evenly spaced neurons (and only their connections).

For 2-D data every unit is a small picture of what it computes over the input plane (TF Playground's neurons;
``nnplay.gui.panels.units``), all of them from one forward pass of a coarse grid. The diagram is a control too:
clicking a unit shows it large in the boundary panel, ⊕/⊖ above a hidden layer add or remove one of its units,
the buttons above add or remove a hidden layer; hovering a unit shows its activation statistics, hovering a
connection its weight w and ∂L/∂w.
"""

from __future__ import annotations

import math
from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QLineF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QToolButton, QToolTip, QVBoxLayout, QWidget

from nnplay.core.features import FEATURE_LABELS
from nnplay.gui.panels import units as unit_maps
from nnplay.gui.panels._common import MUTED, ThrottledRedraw, hex_rgb, make_plot, named
from nnplay.gui.style import CLASS_COLORS, NEGATIVE, POSITIVE, VALUE_HIGH, VALUE_LOW
from nnplay.gui.widgets import LiveLabel, ShrinkableCombo

MAX_SHOWN = 16
LEVELS = 4  # thickness buckets
WIDTHS = (0.8, 1.4, 2.3, 3.4)
STRENGTHS = (0.25, 0.45, 0.7, 1.0)  # colour mixed with white: weak connections pale (opaque, see EdgeBucket)
GRADIENT_COLOR = "#7b3294"
PROBE_SIZE = 64
WEIGHT_INTERVAL = 0.05  # s between redraws of the weights
GRADIENT_INTERVAL = 0.2  # s between gradient computations
MAX_LAYERS = 16  # what the +/− buttons allow (the control panel's limits)
MAX_WIDTH = 256
NEW_LAYER_WIDTH = 4
SMOOTH_EDGES = 400
SMOOTH_LEVEL = 2
"""Connections are drawn antialiased when the diagram has at most SMOOTH_EDGES of them; in a denser one only the
two strongest levels are (the many thin, pale ones are aliased: the diagram of the deep sigmoid net painted in
~4 ms instead of ~12, and among so many lines the steps do not show)."""
HOVER_PX = 6  # a connection within this many pixels of the pointer is under it
PICTURE_MAX_PX = 44
STATS_SAMPLES = 200  # training samples whose activations the hover statistics summarise


def shown_units(n):
    """Indices of the neurons drawn for a layer of ``n``: all, or ``MAX_SHOWN`` evenly spaced ones."""
    if n <= MAX_SHOWN:
        return np.arange(n)
    return np.unique(np.round(np.linspace(0, n - 1, MAX_SHOWN)).astype(np.intp))


NAME_X = 0.33
"""The input units' names end this far left of the input column (in columns)."""


class EdgeBucket(pg.GraphicsObject):
    """Straight lines that share one pen, drawn in device pixels.

    Measured offscreen for 2,000 lines: a ``connect="pairs"`` PlotCurveItem with a cosmetic pen 2 px wide
    takes 0.4-1.8 s per frame (Qt strokes the scaled path as one polygon); the same lines mapped to pixels
    first and drawn with ``drawLines`` and an opaque pen take ~10 ms. A translucent pen is slow again
    (~160 ms: overlaps must not blend twice), so weak connections are pale, not transparent; and round caps
    cost 20× more than the default square ones.
    """

    antialias = True

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
            self._cache = (key, _line_array(dx, dy))
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, self.antialias)
        p.setPen(self._pen)
        lines = self._cache[1]
        if isinstance(lines, list):
            p.drawLines(lines)
        else:
            p.drawLines(*lines.drawargs())
        p.restore()


def _line_array(dx, dy):
    """Lines from (dx[:, 0], dy[:, 0]) to (dx[:, 1], dy[:, 1]) for ``QPainter.drawLines``: pyqtgraph's array of
    QLineF filled through numpy when it is there (building ~2,000 QLineF objects one by one took ~2 ms for the deep
    net's diagram), else a list."""
    try:
        from pyqtgraph.Qt.internals import PrimitiveArray  # (pyqtgraph's own, not public: a list if it changes)

        arr = PrimitiveArray(QLineF, 4)
        arr.resize(len(dx))
        view = arr.ndarray()
        view[:, 0], view[:, 1], view[:, 2], view[:, 3] = dx[:, 0], dy[:, 0], dx[:, 1], dy[:, 1]
        arr.drawargs()  # (raises here, not while painting, if its interface changed)
        return arr
    except Exception:  # (any change in pyqtgraph's internals: the plain way)
        return [QLineF(a, b, c, d) for a, b, c, d in zip(dx[:, 0], dy[:, 0], dx[:, 1], dy[:, 1], strict=True)]


def bucket_levels(a):
    """Relative magnitudes in [0, 1] → thickness level 0..LEVELS-1 (−1: too small to draw)."""
    lvl = np.minimum((a * LEVELS).astype(np.intp), LEVELS - 1)
    return np.where(a >= 0.02, lvl, -1)


class NetworkView(QWidget):
    """Neurons in columns (input … output) and their connections, coloured by weight sign and as thick as |w|
    (or as thick as |∂L/∂w|); for 2-D data each unit is a picture of what it computes."""

    unitClicked = Signal(int, int)  # (layer: 0 = input … L = output, unit index in that layer)
    hiddenRequested = Signal(object)  # new hidden-layer widths (a tuple) from the ⊕/⊖ and layer buttons

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("networkPanel")
        self._sizes = None
        self._layout_key = None
        self._input_names = ()
        self._picture_state = "off"  # "on", "not_2d", "too_big" or "off" (switched off by hand)
        self._grid = None  # (dataset, features, raw grid points, network inputs)
        self._stats = None  # (network, step, unit outputs on the first training samples)
        self._unit_buttons = []  # (TextItem, layer index 1…, +1 or −1)
        self._selected = None  # (layer, unit) shown large in the boundary panel
        self._regression = False
        self._network = None
        self._probe = None  # (dataset, x, t)
        self._grads = None  # (network, step, grads)
        self._labels = []
        self._label_key = None
        self._markers = []
        self._name_items = []  # (the input names, also among the markers)
        self._gaps = [1.0]
        self._out_items = []  # (the output units' names)
        self._more_items = []
        self._output_names = ()
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
            ShrinkableCombo(),
            "networkQuantityCombo",
            self.tr("What the connections show"),
            self.tr(
                "Weights: each line is one weight w; teal w > 0, brown w < 0, thickness ∝ |w| / max |w| of its "
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
                "Teal: w > 0, brown: w < 0; the thicker, the larger |w| compared with the other weights of the same "
                "layer. Output neurons have their class colour. Wide layers show {n} evenly spaced neurons.\n"
                "For 2-D data each neuron is a picture of its output over the input plane; click one to see it "
                "large, point at one (or at a line) for its numbers."
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
        self.pictures = unit_maps.UnitPictures(PICTURE_MAX_PX)
        self.pictures.setZValue(11)
        p.addItem(self.pictures, ignoreBounds=True)
        self._redraw = ThrottledRedraw(self, WEIGHT_INTERVAL, self._draw)
        scene = self.plot.scene()
        scene.sigMouseMoved.connect(self._on_mouse_moved)
        scene.sigMouseClicked.connect(self._on_mouse_clicked)

        self.picturesCheck = named(
            QCheckBox(self.tr("pictures")),
            "unitPicturesCheck",
            self.tr("Unit pictures"),
            self.tr(
                "For 2-D data, each unit is a small picture of its output over the input plane (blue: low, white: "
                "middle, orange: high; output units: white to their class colour). Click a unit to see it large in "
                "the boundary panel."
            ),
        )
        self.picturesCheck.setChecked(True)
        self.picturesCheck.toggled.connect(self._on_pictures_toggled)
        self.removeLayerButton = self._tool_button(
            "−", "removeLayerButton", self.tr("Remove the last hidden layer"), self.tr("Remove a hidden layer")
        )
        self.addLayerButton = self._tool_button(
            "+",
            "addLayerButton",
            self.tr("Add a hidden layer (as wide as the last one) before the output; ⊕/⊖ above a layer: its units"),
            self.tr("Add a hidden layer"),
        )
        self.removeLayerButton.clicked.connect(self.remove_layer)
        self.addLayerButton.clicked.connect(self.add_layer)
        self.hoverLabel = LiveLabel(lines=2, color=MUTED, tooltip_text=True)  # (the hint wraps in a narrow panel)
        self.hoverLabel.setObjectName("networkHoverLabel")
        self.hoverLabel.setAccessibleName(self.tr("The unit or connection under the pointer"))
        self.hoverLabel.setText(self.tr("Point at a unit or line; click a unit."))

        head = QHBoxLayout()
        head.setContentsMargins(4, 0, 4, 0)
        show = QLabel(self.tr("Show:"))
        show.setStyleSheet(f"color: {MUTED};")
        head.addWidget(show)
        head.addWidget(self.quantityCombo)
        head.addStretch(1)
        head.addWidget(self.picturesCheck)
        caption = QHBoxLayout()  # (the legend of the lines, in a row of its own: beside the menu it wrapped)
        caption.setContentsMargins(4, 0, 4, 0)
        caption.addWidget(self.caption, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(head)
        lay.addLayout(caption)
        lay.addWidget(self.plot, 1)
        foot = QHBoxLayout()
        foot.setContentsMargins(4, 0, 4, 0)
        foot.addWidget(self.hoverLabel, 1)
        layers = QLabel(self.tr("layers"))
        layers.setStyleSheet(f"color: {MUTED};")
        foot.addWidget(layers)
        foot.addWidget(self.removeLayerButton)
        foot.addWidget(self.addLayerButton)
        lay.addLayout(foot)
        self._on_quantity()

    def _tool_button(self, text, name, tip, accessible):
        b = named(QToolButton(), name, accessible, tip)
        b.setText(text)
        b.setAutoRaise(False)
        b.setFixedWidth(26)
        return b

    # -- public --------------------------------------------------------------------------------------------
    def edge_bucket_count(self):
        """Number of items that draw all the connections (a few, however many connections there are)."""
        return len(self.edgeBuckets)

    def edge_count(self):
        """Number of connections currently drawn."""
        return sum(b.segment_count() for b in self.edgeBuckets)

    def quantity(self):
        return self.quantityCombo.currentData()

    def _output_labels(self, ds):
        """What each output unit stands for, written beside it (its colour is not the only cue): the class
        names when they are short (digits, 0/1), else their numbers (the boundary panel's key names them);
        nothing for regression's one value or more than 10 classes."""
        if ds.task == "regression" or not 0 < ds.n_classes <= 10:
            return ()
        names = tuple(QCoreApplication.translate("core", n) for n in ds.class_names)
        if any(len(n) > 3 for n in names):
            return tuple(str(i) for i in range(ds.n_classes))
        return names

    def update_from(self, trainer, force=False):
        self._trainer = trainer
        net = trainer.network
        ds = trainer.dataset
        names = self._input_labels(trainer)
        self._regression = ds.task == "regression"
        outputs = self._output_labels(ds)
        key = (net.sizes, names, outputs, ds.is_2d, ds.task)
        if key != self._layout_key:
            self._layout_key = key
            self._input_names = names
            self._output_names = outputs
            self._build(net.sizes)
        if net is not self._network:
            self._stats = None
            self._update_picture_state(trainer)
            self._update_buttons(trainer)
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
        self._more_items = []  # ("⋮" under a column that shows only some of its units, the lowest unit's y)
        n_cols = len(sizes)
        shown = [shown_units(n) for n in sizes]
        self._shown = shown
        tallest = max(len(s) for s in shown)
        # A short column (the 2 inputs or outputs beside 16 hidden units) is spread out, up to 3 rows apart: its
        # names and pictures get room, and the fan of connections is easier to follow.
        gaps = [min(3.0, max(1.0, 0.5 * (tallest - 1) / (len(s) - 1))) if len(s) > 1 else 1.0 for s in shown]
        ys = [g * ((len(s) - 1) / 2.0 - np.arange(len(s), dtype=np.float64)) for s, g in zip(shown, gaps, strict=True)]
        self._gaps = gaps
        xs, yy, brushes, sizes_px = [], [], [], []
        dot = 15 if tallest <= 8 else 11
        self._dot_px = dot
        for col, (s, y) in enumerate(zip(shown, ys, strict=True)):
            xs.append(np.full(len(s), float(col)))
            yy.append(y)
            for j in range(len(s)):
                if col == 0:
                    brushes.append(pg.mkBrush("#d9d9d9"))
                elif col == n_cols - 1 and self._regression:
                    brushes.append(pg.mkBrush("#d9d9d9"))  # (one value, no class)
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
                m.setPos(col, ys[col][-1] - 0.6)  # (placed in pixels by _fit_range)
                p.addItem(m)
                self._markers.append(m)
                self._more_items.append((m, ys[col][-1]))
        # Pictures: one per drawn unit, at the neuron's place.
        self._unit_pos = np.column_stack([np.concatenate(xs), np.concatenate(yy)])
        self._unit_layer = np.concatenate([np.full(len(s), col) for col, s in enumerate(shown)])
        self._unit_index = np.concatenate(shown)
        self.pictures.set_positions(self._unit_pos)
        self._select_picture()
        # ⊕ ⊖ above every hidden layer, and the input units' names on their left.
        for item, _, _ in self._unit_buttons:
            p.removeItem(item)
        self._unit_buttons = []
        top = (tallest - 1) / 2.0
        for col in range(1, n_cols - 1):
            for sign, glyph, dx in ((-1, "⊖", -0.17), (1, "⊕", 0.17)):
                t = pg.TextItem(glyph, color="#333", anchor=(0.5, 0.5))
                bold = QFont()
                bold.setPointSize(11)
                t.setFont(bold)
                t.setPos(col + dx, top + 0.75)
                t.setToolTip(self.tr("Add a unit to this layer") if sign > 0 else self.tr("Remove a unit"))
                p.addItem(t)
                self._unit_buttons.append((t, col, sign))
        self._name_items = []
        if self._input_names:
            for j, name in enumerate(self._input_names[: len(shown[0])]):
                t = pg.TextItem(name, color="#222", anchor=(1.0, 0.5))
                t.setFont(font)
                t.setPos(-NAME_X, ys[0][j])
                p.addItem(t)
                self._markers.append(t)
                self._name_items.append(t)
        self._out_items = []
        for j, unit in enumerate(shown[-1] if self._output_names else ()):
            t = pg.TextItem(self._output_names[unit], color="#222", anchor=(0.0, 0.5))
            t.setFont(font)
            t.setPos(n_cols - 1 + NAME_X, ys[-1][j])
            p.addItem(t)
            self._markers.append(t)
            self._out_items.append(t)
        zoom = getattr(self.plot, "_nnplay_zoom", None)
        if zoom is not None:  # (the new text at the window's zoom before it is measured, not after)
            zoom.sync()
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
        """Column labels as long as the width allows ("hidden 1 (8)", "hidden 1⏎(8)" or "h1⏎8"), measured in the
        labels' font (whatever the zoom), and room below the neurons for them, whatever the plot's height."""
        if self._sizes is None:
            return
        n_cols = len(self._sizes)
        vb = self.plot.getPlotItem().getViewBox()
        names_px = self._names_px() + self._names_px(self._out_items)
        px = max(1.0, self._view_width() - names_px) / n_cols
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
        # ⊖ ⊕ side by side need their own width (at the zoom's font) per column; the layer buttons stay.
        # (they sit 0.34 of a column apart: their click boxes must not overlap)
        need = max((item.textItem.boundingRect().width() for item, _, _ in self._unit_buttons), default=0) / 0.34 + 2
        for item, _, _ in self._unit_buttons:
            item.setVisible(px >= need)
        self._fit_range()

    def _view_width(self):
        vb = self.plot.getPlotItem().getViewBox()
        return vb.width() if vb.width() > 1 else max(1.0, self.width() - 10)

    def _names_px(self, items=None):
        """Pixels the input units' names (or ``items``) need beside their units (0 without names)."""
        widths = [t.textItem.boundingRect().width() for t in (self._name_items if items is None else items)]
        return max(widths) + 8 if widths else 0.0

    def _fit_range(self):
        """The view: the units, ⊖ ⊕ above, the input names on the left and the column labels below, whose room
        is measured in pixels (a label is as tall as its text, whatever the plot's height, the zoom or the
        language)."""
        n_cols = len(self._sizes)
        # The input names end at x = −NAME_X and the output names start at n_cols − 1 + NAME_X; their pixels
        # become columns at the view's scale, which depends on the range itself (a few rounds settle it).
        width = self._view_width()
        a = self._names_px() / width
        b = self._names_px(self._out_items) / width
        if a + b > 0.6:
            a, b = 0.6 * a / (a + b), 0.6 * b / (a + b)
        left0 = NAME_X if a else 0.45
        right0 = n_cols - 1 + NAME_X if b else n_cols - 0.55
        span = (left0 + right0) / (1.0 - a - b)  # (names take a and b of the whole width)
        left = max(0.45, left0 + a * span)
        right = max(n_cols - 0.55, right0 + b * span)
        # Vertically in pixels: ⊖ ⊕ above the top unit, the column labels below the bottom one, whatever the
        # plot's height, the zoom or the language; the units share what is left.
        label_px = max((t.textItem.document().size().height() for t in self._labels), default=0.0)
        button_px = max((t.textItem.boundingRect().height() for t, _, _ in self._unit_buttons), default=0.0)
        height = self.plot.getPlotItem().getViewBox().height()
        if height < 2:  # (not laid out yet: the height it will about have)
            height = max(self.plot.height() - 10, 200)
        rows = self._tallest - 1
        per_unit = height / (rows + 2)
        sizes = self.neurons.data["size"] if len(self.neurons.data) else []
        dot = float(np.max(sizes)) if len(sizes) else self._dot_px  # (as drawn: the zoom scales the dots)
        more_px = max((m.textItem.boundingRect().height() for m, _ in self._more_items), default=0.0)
        buttons = any(t.isVisible() for t, _, _ in self._unit_buttons)
        for _ in range(3):  # (a unit's picture is up to 0.72 of the units' spacing: it depends on the range)
            picture = min(0.5 * PICTURE_MAX_PX, 0.36 * per_unit) if self._picture_state == "on" else 0.0
            radius = max(dot / 2, picture) + 3
            p_top = radius + (button_px + 2 if buttons else 0)
            p_bottom = radius + more_px + label_px + 2
            avail = max(height - p_top - p_bottom, 0.3 * height)
            per_unit = avail / max(rows, 1)
        extra = (avail - rows * per_unit) / 2  # (one unit per column: it sits in the middle)
        y1 = rows / 2 + (p_top + extra) / per_unit
        y0 = -rows / 2 - (p_bottom + extra) / per_unit
        for col, t in enumerate(self._labels):
            t.setPos(col, -rows / 2 - (radius + more_px) / per_unit)
        for m, lowest in self._more_items:
            m.setPos(m.pos().x(), lowest - (radius + more_px / 2) / per_unit)
        for t, _, _ in self._unit_buttons:
            t.setPos(t.pos().x(), rows / 2 + (radius + 1 + button_px / 2) / per_unit)
        self.plot.getPlotItem().setRange(xRange=(-left, right), yRange=(y0, y1), padding=0, disableAutoRange=True)
        # Names one unit apart must not run into each other: every k-th one when the units are close.
        for items, gap in ((self._name_items, self._gaps[0]), (self._out_items, self._gaps[-1])):
            text_h = max((QFontMetricsF(t.textItem.font()).height() for t in items), default=0.0)
            every = max(1, math.ceil(0.85 * text_h / max(per_unit * gap, 1e-9)))
            for j, t in enumerate(items):
                t.setVisible(j % every == 0)

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
        if self._probe is None or self._probe[0] is not ds or self._probe[3] != trainer.config.features:
            x, t = trainer.x_train[:PROBE_SIZE], trainer.t_train[:PROBE_SIZE]
            self._probe = (ds, np.array(x), np.array(t), trainer.config.features)
        _, x, t, _ = self._probe
        # network.gradient overwrites the network's gradient buffers; the trainer recomputes them every step. Its
        # training pass would draw dropout masks and move the batch-norm averages: they are put back.
        with np.errstate(all="ignore"), net.preserved_state():
            grads = net.gradient(x, t)  # copies
        self._grads = (net, trainer.step_count, grads)
        return grads

    def _draw(self, trainer):
        self._draw_pictures(trainer)
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
            bucket.antialias = level >= SMOOTH_LEVEL or len(self._segs) <= SMOOTH_EDGES
            bucket.setSegments(self._segs[mask])

    def _on_quantity(self, *_):
        self._on_quantity_caption()
        self._redraw.invalidate()
        if self._trainer is not None:
            self.update_from(self._trainer)

    def _on_quantity_caption(self):
        if self.quantity() == "gradient":
            text = f"<span style='color:{GRADIENT_COLOR}'>━</span> " + escape(
                self.tr("thickness ∝ |∂L/∂w| (the largest in the network is thickest)")
            )
        else:
            text = (
                f"<span style='color:{POSITIVE}'>━</span> "
                + escape(self.tr("w > 0"))
                + f" &nbsp;<span style='color:{NEGATIVE}'>━</span> "
                + escape(self.tr("w < 0"))
                + " &nbsp; "
                + escape(self.tr("thickness ∝ |w| (per layer)"))
            )
        state = self._picture_state
        if state == "on":
            low, high = VALUE_LOW, VALUE_HIGH
            text += " &nbsp; " + escape(self.tr("pictures:")) + (
                f" <span style='color:{low}'>■</span> " + escape(self.tr("low"))
                + f" <span style='color:{high}'>■</span> " + escape(self.tr("high"))
            )  # fmt: skip
        elif state == "too_big":
            text += " &nbsp; <i>" + escape(self.tr("no unit pictures: too big a network to draw them live")) + "</i>"
        self.caption.setText(text)

    # -- unit pictures -------------------------------------------------------------------------------------
    def _input_labels(self, trainer):
        """Names of the input units (features for 2-D data: x₁, x₁², …), or () for many inputs."""
        features = trainer.config.features
        if features:
            return tuple(FEATURE_LABELS[f] for f in features)
        names = trainer.dataset.feature_names
        if trainer.dataset.is_2d and len(names) == 2:
            return ("x₁", "x₂")
        return tuple(names) if len(names) <= 4 else ()

    def picture_state(self):
        """ "on", "not_2d" (no plane to draw), "too_big" (too costly to update live) or "off" (by hand)."""
        return self._picture_state

    def _update_picture_state(self, trainer):
        net = trainer.network
        if not trainer.dataset.is_2d:
            state = "not_2d"
        elif not unit_maps.pictures_fit(net, len(self._unit_pos)):
            state = "too_big"
        elif not self.picturesCheck.isChecked():
            state = "off"
        else:
            state = "on"
        changed = state != self._picture_state
        self._picture_state = state
        if changed and self._sizes is not None:
            self._fit_range()  # (pictures need more room around the units than dots)
        on = state == "on"
        self.picturesCheck.setEnabled(state in ("on", "off"))
        self.neurons.setVisible(not on)
        if not on:
            self.pictures.clear()
        self._on_quantity_caption()

    def _on_pictures_toggled(self, _on):
        if self._trainer is not None:
            self._update_picture_state(self._trainer)
            self._redraw.invalidate()
            self.update_from(self._trainer, force=True)

    def _grid_inputs(self, trainer):
        ds, features = trainer.dataset, trainer.config.features
        if self._grid is None or self._grid[0] is not ds or self._grid[1] != features:
            lo, hi = unit_maps.data_extent(ds)
            raw = unit_maps.grid_points(lo, hi)
            self._grid = (ds, features, raw, trainer.inputs(raw))
        return self._grid[3]

    def _draw_pictures(self, trainer):
        if self._picture_state != "on":
            return
        net = trainer.network
        with np.errstate(all="ignore"):
            outs = net.view_outputs(self._grid_inputs(trainer))
        self.picture_count = len(self._unit_pos)
        g = unit_maps.GRID
        rgb = np.empty((len(self._unit_pos), g * g, 3), dtype=np.uint8)
        regression = trainer.dataset.task == "regression"
        target = _target_range(trainer.dataset) if regression else None
        n_layers = len(outs) - 1
        pos = 0
        for layer, idx in enumerate(self._shown):
            kind = unit_maps.unit_kind(layer, n_layers, net.activation, net.output, regression)
            values = outs[layer][:, idx]
            rgb[pos : pos + len(idx)] = unit_maps.colors(values, kind, classes=idx, target_range=target)
            pos += len(idx)
        self.pictures.set_mosaic(rgb.reshape(len(rgb), g, g, 3))

    def select_unit(self, layer, unit):
        """Frame the unit shown large in the boundary panel (None, None: none)."""
        self._selected = None if layer is None else (int(layer), int(unit))
        self._select_picture()

    def _select_picture(self):
        sel = None
        if self._selected is not None and self._sizes is not None:
            layer, unit = self._selected
            hit = np.flatnonzero((self._unit_layer == layer) & (self._unit_index == unit))
            sel = int(hit[0]) if len(hit) else None
        self.pictures.selected = sel
        self.pictures.update()

    # -- the diagram as a control -----------------------------------------------------------------------
    def _hidden(self):
        return tuple(self._trainer.config.hidden) if self._trainer is not None else ()

    def _update_buttons(self, trainer):
        hidden = tuple(trainer.config.hidden)
        self.addLayerButton.setEnabled(len(hidden) < MAX_LAYERS)
        self.removeLayerButton.setEnabled(len(hidden) > 0)

    def add_layer(self):
        hidden = self._hidden()
        if len(hidden) < MAX_LAYERS:
            self.hiddenRequested.emit((*hidden, hidden[-1] if hidden else NEW_LAYER_WIDTH))

    def remove_layer(self):
        hidden = self._hidden()
        if hidden:
            self.hiddenRequested.emit(hidden[:-1])

    def change_units(self, layer, delta):
        """Add (``delta`` = 1) or remove (−1) a unit of hidden layer ``layer`` (1-based)."""
        hidden = list(self._hidden())
        if not 1 <= layer <= len(hidden):
            return
        new = hidden[layer - 1] + delta
        if 1 <= new <= MAX_WIDTH:
            hidden[layer - 1] = new
            self.hiddenRequested.emit(tuple(hidden))

    def _scene_to_view(self, scene_pos):
        return self.plot.getPlotItem().getViewBox().mapSceneToView(scene_pos)

    def _px_per_unit(self):
        vb = self.plot.getPlotItem().getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        w, h = max(vb.width(), 1.0), max(vb.height(), 1.0)
        return w / max(x1 - x0, 1e-9), h / max(y1 - y0, 1e-9)

    def unit_at(self, x, y):
        """(layer, unit) of the unit drawn at view point (x, y), or None."""
        if self._sizes is None or not len(self._unit_pos):
            return None
        sx, sy = self._px_per_unit()
        d = np.hypot((self._unit_pos[:, 0] - x) * sx, (self._unit_pos[:, 1] - y) * sy)
        i = int(np.argmin(d))
        radius = 0.5 * PICTURE_MAX_PX if self.pictures.has_pictures() else 9.0
        radius = min(radius, 0.36 * min(sx, sy)) if self.pictures.has_pictures() else radius
        if d[i] > max(radius, 6.0):
            return None
        return int(self._unit_layer[i]), int(self._unit_index[i])

    def edge_at(self, x, y):
        """(layer 1…, from unit, to unit) of the connection within a few pixels of view point (x, y), or None."""
        if self._sizes is None or not len(self._segs):
            return None
        sx, sy = self._px_per_unit()
        p = np.array([x * sx, y * sy])
        a = self._segs[:, :2] * [sx, sy]
        b = self._segs[:, 2:] * [sx, sy]
        ab = b - a
        u = np.clip(np.einsum("ij,ij->i", p - a, ab) / np.maximum(np.einsum("ij,ij->i", ab, ab), 1e-12), 0, 1)
        d = np.hypot(*(a + u[:, None] * ab - p).T)
        i = int(np.argmin(d))
        if d[i] > HOVER_PX:
            return None
        layer = int(self._edge_layer[i])
        flat = int(self._edge_flat[layer][i - self._layer_slices[layer]])
        src, dst = divmod(flat, self._sizes[layer + 1])
        return layer + 1, src, dst

    def hover_text(self, x, y):
        """What the status line under the diagram says for the pointer at view point (x, y) ("" for nothing)."""
        tr = self._trainer
        if tr is None:
            return ""
        unit = self.unit_at(x, y)
        if unit is not None:
            return self._unit_text(tr, *unit)
        edge = self.edge_at(x, y)
        if edge is not None:
            return self._edge_text(tr, *edge)
        return ""

    def _layer_name(self, layer, n_cols):
        if layer == 0:
            return self.tr("input")
        if layer == n_cols - 1:
            return self.tr("output")
        return self.tr("hidden {i}").format(i=layer)

    def _unit_name(self, tr, layer, unit):
        n_cols = len(self._sizes)
        if layer == 0 and unit < len(self._input_names):
            return self.tr("input {name}").format(name=self._input_names[unit])
        if layer == n_cols - 1 and tr.dataset.task != "regression" and unit < len(tr.dataset.class_names):
            return self.tr("output {k} (class {name})").format(k=unit + 1, name=tr.dataset.class_names[unit])
        return self.tr("{layer}, unit {k}").format(layer=self._layer_name(layer, n_cols), k=unit + 1)

    def _unit_values(self, tr):
        net = tr.network
        if self._stats is None or self._stats[0] is not net or self._stats[1] != tr.step_count:
            with np.errstate(all="ignore"):
                self._stats = (net, tr.step_count, net.unit_outputs(tr.x_train[:STATS_SAMPLES]))
        return self._stats[2]

    def _unit_text(self, tr, layer, unit):
        outs = self._unit_values(tr)
        v = outs[layer][:, unit]
        n = len(v)
        name = self._unit_name(tr, layer, unit)
        text = self.tr("{name} on {n} training samples: mean {m}, std {s}").format(
            name=name, n=n, m=f"{v.mean():.3g}", s=f"{v.std():.3g}"
        )
        act = tr.network.activation
        if 0 < layer < len(outs) - 1:
            if act == "relu":
                active = float(np.mean(v > 0))
                text += self.tr("; active for {p} % of them").format(p=f"{100 * active:.0f}")
                if active == 0:
                    text += self.tr(" (dead: 0 for every sample, no gradient passes)")
            elif act in ("sigmoid", "tanh"):
                low = v * (1 - v) < 0.1 * 0.25 if act == "sigmoid" else 1 - v * v < 0.1
                text += self.tr("; saturated (h′ < 10 % of its largest) for {p} %").format(
                    p=f"{100 * float(np.mean(low)):.0f}"
                )
        return text

    def _edge_text(self, tr, layer, src, dst):
        w = float(tr.network.params[f"W{layer}"][src, dst])
        g = float(self._gradient(tr)[f"W{layer}"][src, dst])
        return self.tr("w = {w} from {a} to {b};  ∂L/∂w = {g} (on {n} training samples)").format(
            w=f"{w:.4g}",
            a=self._unit_name(tr, layer - 1, src),
            b=self._unit_name(tr, layer, dst),
            g=f"{g:.3g}",
            n=min(PROBE_SIZE, len(tr.x_train)),
        )

    def _on_mouse_moved(self, scene_pos):
        if self._trainer is None or not self.plot.sceneBoundingRect().contains(scene_pos):
            return
        p = self._scene_to_view(scene_pos)
        text = self.hover_text(p.x(), p.y())
        if text:
            self.hoverLabel.setText(text)
            QToolTip.showText(self.plot.mapToGlobal(self.plot.mapFromScene(scene_pos)), text, self.plot)

    def _on_mouse_clicked(self, event):
        if self._trainer is None:
            return
        scene_pos = event.scenePos()
        for item, layer, sign in self._unit_buttons:
            if item.isVisible() and item.sceneBoundingRect().contains(scene_pos):  # (hidden ones are not there)
                self.change_units(layer, sign)
                return
        p = self._scene_to_view(scene_pos)
        unit = self.unit_at(p.x(), p.y())
        if unit is not None and self._picture_state == "on":
            self.click_unit(*unit)

    def click_unit(self, layer, unit):
        """As a click on the unit: show it large (a second click on the same unit goes back to the output)."""
        if self._selected == (layer, unit):
            self.select_unit(None, None)
            self.unitClicked.emit(-1, -1)
        else:
            self.select_unit(layer, unit)
            self.unitClicked.emit(layer, unit)


def _target_range(ds):
    """(smallest, largest) target value of a regression data set: the colour scale of its output."""
    t = np.concatenate([ds.t_train, ds.t_test]) if len(ds.t_test) else ds.t_train
    lo, hi = float(t.min()), float(t.max())
    return (lo, hi) if hi > lo else (lo - 1.0, hi + 1.0)
