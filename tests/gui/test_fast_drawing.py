"""The shortcuts that keep a frame cheap draw what pyqtgraph and Qt would have drawn.

- ``zero_segments`` (the decision boundary) finds the crossings of pyqtgraph's ``isocurve``;
- ``column_spans`` (the bands as an image) covers the pixels Qt's own aliased polyline covers;
- ``BandRaster`` paints the bands as pyqtgraph does, frame after frame, and exports still get vector bands;
- ``Curve`` paints wide antialiased lines where pyqtgraph's stroke puts them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from qt_helpers import find_child

from nnplay.core.config import Config
from nnplay.core.trainer import Trainer
from nnplay.gui import export
from nnplay.gui.panels._common import BandRaster, Curve, _thicken, aliased_width, column_spans
from nnplay.gui.panels.contour import zero_segments
from nnplay.gui.panels.gradients import GradientPanel
from nnplay.gui.style import configure_pyqtgraph


def _bits(img):
    img = img.convertToFormat(QImage.Format.Format_ARGB32)
    return np.frombuffer(img.constBits(), np.uint32).reshape(img.height(), img.width()).copy()


# -- the decision boundary --------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_zero_segments_are_the_crossings_of_pyqtgraphs_isocurve(seed):
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:60, 0:70] / 30.0 - 1.0
    f = np.sin(4 * x + rng.normal()) * np.cos(3 * y) + 0.2 * rng.normal(size=x.shape)  # (saddles: noisy)
    ends = zero_segments(f)
    ref = np.concatenate([np.asarray(line, dtype=float) for line in pg.isocurve(f.T, 0.0, connected=True)]) - 0.5
    assert len(ends) % 2 == 0 and len(ends) > 100
    # every end is one of isocurve's points, and every point of isocurve is an end of some segment
    d = np.hypot(ends[:, None, 0] - ref[None, :, 0], ends[:, None, 1] - ref[None, :, 1])
    assert d.min(axis=1).max() < 1e-9 and d.min(axis=0).max() < 1e-9
    # each segment joins two crossings of the same cell
    a, b = ends[0::2], ends[1::2]
    assert np.all(np.abs(a - b) <= 1.0 + 1e-12)
    assert np.all(np.floor(np.minimum(a, b) + 1e-9) >= np.floor(np.maximum(a, b) - 1e-9) - 1)


def test_zero_segments_of_a_saddle_follow_the_cells_mean_and_skip_nan_cells():
    f = np.array([[1.0, -1.0], [-1.0, 1.0]])  # (bottom-left and top-right positive)
    f_pos = f + 0.5  # mean > 0: the positive corners join, the negative ones are cut off
    ends = zero_segments(f_pos).reshape(-1, 2, 2)
    assert len(ends) == 2
    corners = {(1.0, 0.0), (0.0, 1.0)}  # bottom-right, top-left: each segment cuts one of them off
    for seg in ends:
        mid = seg.mean(axis=0)
        nearest = min(corners, key=lambda c: np.hypot(*(mid - c)))
        assert np.hypot(*(mid - nearest)) < 0.5
    ends = zero_segments(f - 0.5).reshape(-1, 2, 2)  # mean < 0: the positive corners are cut off
    for seg in ends:
        mid = seg.mean(axis=0)
        assert min(np.hypot(*(mid - c)) for c in ((0.0, 0.0), (1.0, 1.0))) < 0.5
    g = np.array([[1.0, -1.0, 1.0], [1.0, np.nan, 1.0]])
    assert len(zero_segments(g)) == 0  # (both cells touch the NaN)
    assert len(zero_segments(np.ones((5, 5)))) == 0


# -- bands as an image --------------------------------------------------------------------------------------------


def _aliased_painter(img, width):
    """A painter on ``img`` with Qt's aliased cosmetic black pen ``width`` pixels wide."""
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    pen = QPen(QColor("black"))
    pen.setWidthF(width)
    pen.setCosmetic(True)
    p.setPen(pen)
    return p


def _qt_polyline(lines, W, H, width=1.0):
    """The pixels Qt's aliased polylines ``lines`` ((x, y) each) cover in a W × H image."""
    img = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(0)
    p = _aliased_painter(img, width)
    for x, y in lines:
        p.drawPath(pg.arrayToQPath(x, y, connect="finite"))
    p.end()
    return _bits(img) != 0


@pytest.mark.parametrize("kind", ["band", "noise", "zoomed"])
def test_column_spans_cover_what_qt_draws_of_the_polyline(kind):
    W, H = 300, 150
    rng = np.random.default_rng(3)
    if kind == "band":  # a bucket's minimum and maximum at each x, as the bands are
        xb = np.linspace(-3, W + 3, 400)
        mid = 75 + np.cumsum(rng.normal(0, 1.5, len(xb)))
        x = np.repeat(xb, 2)
        y = np.column_stack([mid - rng.uniform(0, 40, len(xb)), mid + rng.uniform(0, 40, len(xb))]).ravel()
    elif kind == "noise":
        x = np.sort(rng.uniform(-5, W + 5, 500))
        y = rng.uniform(-10, H + 10, len(x))
    else:  # few points far apart, some off the image
        x = np.linspace(-40, W + 40, 12)
        y = rng.uniform(-30, H + 30, len(x))
    y[rng.integers(0, len(y), 2)] = np.nan  # (breaks)
    qt = _qt_polyline([(x, y)], W, H)
    top, bottom = column_spans([(x, y)], W, H)
    rows = np.arange(H)[:, None]
    mine = (rows >= top[0]) & (rows <= bottom[0])
    assert (qt & ~mine).sum() <= 0.01 * qt.sum()  # nearly every pixel Qt draws is in a span
    if kind == "band":
        assert (mine & ~qt).sum() <= 0.05 * qt.sum()  # and the spans hold little else
    # several lines in one call are each their own
    t2, b2 = column_spans([(x, y), (x, y + 5.0)], W, H)
    np.testing.assert_array_equal(t2[0], top[0])
    np.testing.assert_array_equal(b2[0], bottom[0])


@pytest.mark.parametrize("dpr", [1.0, 2.0])
def test_aliased_width_is_what_qt_draws_whatever_the_pixel_ratio(dpr):
    for width in (1.0, 1.5, 2.0, 2.5, 3.0, 4.0):
        img = QImage(int(60 * dpr), int(60 * dpr), QImage.Format.Format_ARGB32_Premultiplied)
        img.setDevicePixelRatio(dpr)
        img.fill(0)
        p = _aliased_painter(img, width)
        p.drawLine(QPointF(5, 30.3), QPointF(55, 30.3))  # (off the pixel grid, as data mostly are)
        p.end()
        drawn = _bits(img) != 0
        assert drawn[:, int(20 * dpr)].sum() == aliased_width(width), width


def test_thick_spans_cover_what_qt_draws_of_a_wide_aliased_polyline():
    W, H = 200, 100
    rng = np.random.default_rng(5)
    xb = np.linspace(10, 190, 150)  # (a band: each bucket's minimum and maximum, as the plots draw them)
    mid = 50 + np.cumsum(rng.normal(0, 1.0, len(xb)))
    x = np.repeat(xb, 2)
    y = np.column_stack([mid - rng.uniform(0, 15, len(xb)), mid + rng.uniform(0, 15, len(xb))]).ravel()
    for width in (2.0, 3.0):
        qt = _qt_polyline([(x, y)], W, H, width)
        top, bottom = column_spans([(x, y)], W, H)
        _thicken(top[0], bottom[0], aliased_width(width), H)
        rows = np.arange(H)[:, None]
        mine = (rows >= top[0]) & (rows <= bottom[0])
        # Qt strokes a wide line as a polygon (caps, joins, rows by where the line falls within its pixel); the
        # spans know whole rows only: as heavy, in the same place, not pixel for pixel.
        assert abs(int(mine.sum()) - int(qt.sum())) <= 0.15 * qt.sum()
        assert (qt & mine).sum() >= 0.9 * qt.sum()


def _gradient_panel(qtbot, steps=3000, size=(700, 420)):
    configure_pyqtgraph()
    panel = GradientPanel()
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    tr = Trainer(Config(hidden=(8,) * 5), eval_every=0)
    tr.step(steps)
    panel.update_from(tr)
    return panel, tr


def _grab(plot):
    plot.viewport().repaint()
    return _bits(plot.grab().toImage())


def test_the_band_raster_paints_what_pyqtgraph_paints_and_follows_the_steps(qtbot):
    panel, tr = _gradient_panel(qtbot, steps=3010)  # (the step axis then ends at 3,250 for a while)
    plot = find_child(panel, "gradientPlot")
    raster = panel._lines.raster
    assert isinstance(raster, BandRaster) and raster.bands == panel.bands
    lines = panel.curves
    for _ in range(6):  # frames: new buckets at the right end, repainted column by column
        tr.step(30)
        panel.update_from(tr)
        _grab(plot)
    full_before, columns_before = raster.full_repaints, raster.columns_repainted
    tr.step(30)
    panel.update_from(tr)
    fast = _grab(plot)
    assert raster.full_repaints == full_before  # (only the changed columns: a few at the right end)
    assert 0 < raster.columns_repainted - columns_before < 0.2 * raster._image.shape[1]
    raster._key = None  # every column afresh: the same picture
    assert np.array_equal(_grab(plot), fast)
    # pyqtgraph painting the bands itself (the raster out of the way), lines hidden on both sides
    for line in lines:
        line.hide()
    with_raster = _grab(plot)
    for band in panel.bands:
        band.raster = None
    raster.hide()
    by_qt = _grab(plot)
    differ = np.any(
        np.abs(with_raster.view(np.uint8).reshape(*with_raster.shape, 4).astype(int)
               - by_qt.view(np.uint8).reshape(*by_qt.shape, 4).astype(int)) > 8, axis=2)  # fmt: skip
    painted = by_qt != by_qt[2, 2]  # (anything but the background)
    assert differ.sum() <= 0.03 * painted.sum()


def test_band_switch_and_export_keep_vector_bands(qtbot):
    panel, _ = _gradient_panel(qtbot, steps=500)
    plot = find_child(panel, "gradientPlot")
    with_band = _grab(plot)
    panel.bandCheck.setChecked(False)
    without = _grab(plot)
    assert (with_band != without).sum() > 1000  # the raster follows the bands' visibility
    no_band = ET.fromstring(export.svg(plot))
    panel.bandCheck.setChecked(True)
    root = ET.fromstring(export.svg(plot))
    strokes = {e.get("stroke", "").lower() for e in root.iter()}
    # the bands are vector lines in their colours in a figure, not the screen's picture of them
    for band in panel.bands:
        assert band.opts["pen"].color().name() in strokes

    def images(tree):
        return [e for e in tree.iter() if e.tag.endswith("image")]

    assert len(images(root)) == len(images(no_band))  # (the view's background only)


# -- wide antialiased lines -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [1.5, 2.0, 2.5])
def test_a_wide_line_is_painted_where_pyqtgraph_strokes_it(qtbot, width):
    configure_pyqtgraph()
    rng = np.random.default_rng(7)
    x = np.linspace(0, 10, 150)
    y = np.sin(x) + 0.05 * np.cumsum(rng.normal(size=len(x)))
    y[60] = np.nan
    pictures = []
    for cls in (pg.PlotCurveItem, Curve):
        w = pg.PlotWidget()  # (closed below: pytest-qt closing it again fails inside pyqtgraph)
        w.resize(400, 250)
        item = cls(x, y, pen=pg.mkPen("#1f3b73", width=width), antialias=True, connect="finite")
        w.addItem(item)
        w.setXRange(0, 10, padding=0)
        w.setYRange(-2, 2, padding=0)
        w.show()
        qtbot.waitExposed(w)
        pictures.append(_bits(w.grab().toImage()))
        w.close()
        w.deleteLater()
    dark = [(p & 0xFF) < 160 for p in pictures]  # (the blue channel: the line's core)
    ref, mine = dark
    assert ref.sum() > 200
    assert (ref & mine).sum() >= 0.9 * ref.sum() and (mine & ~ref).sum() <= 0.15 * ref.sum()


# -- readouts while playing fast ------------------------------------------------------------------------------------


def test_readouts_follow_at_most_ten_times_a_second_while_playing_and_exactly_at_a_pause(qtbot):
    from nnplay.gui.panels._common import READOUT_INTERVAL
    from nnplay.gui.panels.loss import LossPanel

    panel, tr = _gradient_panel(qtbot, steps=50)
    loss = LossPanel()
    qtbot.addWidget(loss)
    loss.update_from(tr)
    clock = [100.0]
    for p in (panel, loss):
        p._readout.now = lambda: clock[0]
    panel.update_from(tr, paced=True)
    loss.update_from(tr, paced=True)
    ratio, summary, bars = panel.ratioLabel.text(), loss.summaryLabel.text(), panel.bars.opts["height"].copy()
    tr.step(30)
    clock[0] += READOUT_INTERVAL / 3  # (a frame later: the curves follow, the numbers wait)
    panel.update_from(tr, paced=True)
    loss.update_from(tr, paced=True)
    assert panel.point_count() == loss.loss_point_count() == 80
    assert panel.ratioLabel.text() == ratio and loss.summaryLabel.text() == summary
    np.testing.assert_array_equal(panel.bars.opts["height"], bars)
    assert "step 50" in summary
    # a pause (not paced) sets them at once, though the curves have nothing new
    panel.update_from(tr)
    loss.update_from(tr)
    assert "step 80" in loss.summaryLabel.text()
    assert not np.array_equal(panel.bars.opts["height"], bars)
    # and while playing, they follow once the interval is over
    tr.step(30)
    clock[0] += 1.01 * READOUT_INTERVAL
    loss.update_from(tr, paced=True)
    assert "step 110" in loss.summaryLabel.text()


def test_a_plot_too_big_for_the_band_image_has_its_bands_painted_by_pyqtgraph(qtbot, monkeypatch):
    from nnplay.gui.panels import _common

    panel, _ = _gradient_panel(qtbot, steps=400)
    plot = find_child(panel, "gradientPlot")
    raster = panel._lines.raster
    monkeypatch.setattr(_common, "MAX_RASTER_PIXELS", 100)
    fallback = _grab(plot)
    assert raster.too_big
    for band in panel.bands:
        band.raster = None
    raster.hide()
    assert np.array_equal(_grab(plot), fallback)  # (what pyqtgraph paints on its own)
    raster.show()
    for band in panel.bands:
        band.raster = raster
    monkeypatch.setattr(_common, "MAX_RASTER_PIXELS", 16_000_000)
    _grab(plot)
    assert not raster.too_big


def test_decision_regions_are_coarser_only_while_playing_at_full_speed(qtbot):
    from nnplay.gui.panels.boundary import GRID, PLAY_GRID, BoundaryPanel

    configure_pyqtgraph()
    panel = BoundaryPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 400)
    panel.show()
    tr = Trainer(Config(), eval_every=0)
    tr.step(20)
    panel.update_from(tr, force=True)
    assert panel.grid_size() == GRID and panel.heatmap.image.shape[:2] == (GRID, GRID)
    panel.playing_fast = True
    tr.step(20)
    panel._redraw.invalidate()
    panel._redraw._last = -1e9  # (the throttle's interval is over)
    panel.update_from(tr)
    assert panel.grid_size() == PLAY_GRID and panel.heatmap.image.shape[:2] == (PLAY_GRID, PLAY_GRID)
    x, _ = panel.contour_points()
    assert len(x) > 10  # (the boundary is drawn on the coarse grid too)
    panel.update_from(tr, force=True)  # a pause: the full grid, whatever the speed
    assert panel.grid_size() == GRID and panel.heatmap.image.shape[:2] == (GRID, GRID)


def test_the_diagrams_lines_drawn_from_an_array_are_the_lines_drawn_one_by_one():
    from PySide6.QtCore import QLineF

    from nnplay.gui.panels.network import _line_array

    rng = np.random.default_rng(9)
    dx, dy = rng.uniform(0, 200, (300, 2)), rng.uniform(0, 150, (300, 2))
    arr = _line_array(dx, dy)
    pictures = []
    for lines in (arr, [QLineF(a, b, c, d) for a, b, c, d in zip(dx[:, 0], dy[:, 0], dx[:, 1], dy[:, 1], strict=True)]):
        img = QImage(200, 150, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(0)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(QColor("#205080"), 1.4))
        if isinstance(lines, list):
            p.drawLines(lines)
        else:
            p.drawLines(*lines.drawargs())
        p.end()
        pictures.append(_bits(img))
    assert (pictures[1] != 0).sum() > 1000
    assert np.array_equal(pictures[0], pictures[1])
