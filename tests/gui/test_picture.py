"""What a student sees first (issue "what a student sees first"): readable gradients, no drawing artefacts,
nothing covering the data, numbers that read right, unique object names."""

import math

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QWidget
from qt_helpers import find_child

from nnplay.core.config import Config
from nnplay.core.trainer import History, StepResult, Trainer
from nnplay.gui.main_window import LABS, MainWindow
from nnplay.gui.panels._common import LogAxis, _spaced_labels
from nnplay.gui.panels.activations import ActivationPanel
from nnplay.gui.panels.boundary import BoundaryPanel
from nnplay.gui.panels.gradients import GradientPanel
from nnplay.gui.panels.loss import LossPanel
from nnplay.gui.presets import PRESETS_BY_KEY
from nnplay.gui.session import TrainingSession
from nnplay.gui.style import configure_pyqtgraph


@pytest.fixture(scope="module", autouse=True)
def _pyqtgraph():
    configure_pyqtgraph()


def shown(qtbot, panel, size=(700, 450)):
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def curve_y(curve):
    _, y = curve.getData()
    return np.array([] if y is None else y, dtype=float)


# -- the gradient panel ----------------------------------------------------------------------------------------
def test_each_layer_is_a_smoothed_line_over_a_band_and_layer_one_is_on_top(qtbot):
    panel = shown(qtbot, GradientPanel())
    tr = Trainer(PRESETS_BY_KEY["vanishing"].config, eval_every=0)
    tr.step(600)
    panel.update_from(tr)
    L = tr.network.n_layers
    assert len(panel.curves) == len(panel.bands) == L
    for line, band in zip(panel.curves, panel.bands, strict=True):
        y, b = curve_y(line), curve_y(band)
        # the line is the running mean: inside the band, and far less jagged than it
        assert np.nanmin(b) <= np.nanmin(y) and np.nanmax(y) <= np.nanmax(b)
        assert np.nansum(np.abs(np.diff(y))) < 0.25 * np.nansum(np.abs(np.diff(b)))
    z_lines = [c.zValue() for c in panel.curves]
    z_bands = [c.zValue() for c in panel.bands]
    assert z_lines[0] == max(z_lines) and z_bands[0] == max(z_bands)  # layer 1 drawn last, on top
    assert min(z_lines) > max(z_bands)  # every line above every band: no band hides a line
    # The bands can be switched off; the lines stay.
    find_child(panel, "gradientBandCheck").setChecked(False)
    assert not any(b.isVisible() for b in panel.bands) and all(c.isVisible() for c in panel.curves)
    find_child(panel, "gradientBandCheck").setChecked(True)
    assert all(b.isVisible() for b in panel.bands)


def test_a_gradient_that_is_exactly_zero_is_drawn_on_a_zero_lane_and_explained(qtbot):
    panel = shown(qtbot, GradientPanel())
    tr = Trainer(PRESETS_BY_KEY["step"].config, eval_every=0)
    tr.step(200)
    panel.update_from(tr)
    assert panel.zero_layers() == [1, 2]  # the hidden layers behind step functions
    lane = panel.lane_height()
    lo, _hi = panel._lines.value_range()
    assert lane is not None and lane < lo
    ymin, ymax = find_child(panel, "gradientPlot").getPlotItem().getViewBox().viewRange()[1]
    assert ymin < lane < ymax  # the lane is in view
    axis = find_child(panel, "gradientPlot").getPlotItem().getAxis("left")
    assert axis.zero_lane == lane and "0" in axis.logTickStrings([lane, 0.0], 1.0, 1.0)
    text = find_child(panel, "gradientRatioLabel").text()
    assert "exactly 0" in text and "step function" in text
    # A network without zeros has no lane.
    tr2 = Trainer(Config(), eval_every=0)
    tr2.step(50)
    panel.update_from(tr2)
    assert panel.zero_layers() == [] and panel.lane_height() is None


def synthetic(start, n, n_layers, rng):
    steps = np.arange(start, start + n)
    rows = np.exp(rng.normal(size=(n, 1 + 3 * n_layers)))  # stationary noise spanning about a decade
    return StepResult(steps, steps // 40 + 1, rows, (), None)


def test_the_picture_is_continuous_where_the_history_starts_merging(qtbot):
    """A stationary run drawn frame by frame: the history fills up (here at 4,096 rows) and merges rows; the band
    and the line just after that point look like those just before it (the bands used to thin out at once)."""
    loss, grad = shown(qtbot, LossPanel()), shown(qtbot, GradientPanel())
    tr = Trainer(Config(hidden=(8,)), eval_every=0)
    tr.history = History(tr.network.n_layers, capacity=4096)
    rng = np.random.default_rng(0)
    step = 1
    while step < 12_000:
        tr.history._add(synthetic(step, 97, tr.network.n_layers, rng))
        step += 97
        for p in (loss, grad):
            p.update_from(tr)
    assert tr.history.steps.merged
    merge = 4096  # the step at which the history first merged rows
    for lines in (loss.batchLine, grad._lines):
        xs, ys = lines.envelope.points()  # (min, max) pairs per bucket: the band
        lo, hi = ys[0::2], ys[1::2]
        x = xs[0::2]
        width = hi - lo
        before = (x > merge - 3000) & (x < merge)
        after = (x > merge) & (x < merge + 3000)
        assert before.sum() >= 3 and after.sum() >= 3
        for col in range(width.shape[1]):
            a, b = np.median(width[before, col]), np.median(width[after, col])
            assert b == pytest.approx(a, rel=0.15), (col, a, b)
    xm, ym = grad._lines.envelope.means(window=5)
    before = (xm > merge - 3000) & (xm < merge)
    after = (xm > merge) & (xm < merge + 3000)
    for col in range(ym.shape[1]):  # the middle line keeps its level (mean of log10, not log10 of means)
        assert abs(np.mean(ym[after, col]) - np.mean(ym[before, col])) < 0.05


# -- nothing covers the data ---------------------------------------------------------------------------------
def test_no_legend_sits_inside_a_plot(qtbot):
    panels = {
        "loss": LossPanel(),
        "gradients": GradientPanel(),
        "boundary": BoundaryPanel(),
        "activations": ActivationPanel(),
    }
    tr = Trainer(Config(), eval_every=10)
    tr.step(30)
    for panel in panels.values():
        shown(qtbot, panel)
        panel.update_from(tr)
        for plot in panel.findChildren(pg.PlotWidget):
            items = plot.getPlotItem().scene().items()
            assert not [i for i in items if isinstance(i, pg.LegendItem)], plot.objectName()
    legends = {"loss": "lossLegend", "boundary": "boundaryLegend", "activations": "activationLegend"}
    legends["gradients"] = "gradientLegend"
    for key, name in legends.items():
        assert find_child(panels[key], name).text(), name


def test_the_boundary_of_a_linear_network_is_drawn_and_straight(qtbot):
    panel = shown(qtbot, BoundaryPanel())
    tr = Trainer(PRESETS_BY_KEY["linear"].config, eval_every=0)
    tr.step(200)
    panel.update_from(tr, force=True)
    x, y = panel.contour_points()
    ok = np.isfinite(x) & np.isfinite(y)
    assert ok.sum() > 10
    pts = np.column_stack([x[ok], y[ok]])
    centred = pts - pts.mean(axis=0)
    _, sv, _ = np.linalg.svd(centred, full_matrices=False)
    assert sv[1] < 1e-3 * sv[0]  # all on one line
    # A curved boundary (tanh, circles) is not straight: the test can tell.
    tr2 = Trainer(Config(), eval_every=0)
    tr2.step(800)
    panel.update_from(tr2, force=True)
    x, y = panel.contour_points()
    ok = np.isfinite(x) & np.isfinite(y)
    _, sv, _ = np.linalg.svd(np.column_stack([x[ok], y[ok]]) - [x[ok].mean(), y[ok].mean()], full_matrices=False)
    assert sv[1] > 0.1 * sv[0]


def test_classes_differ_by_shape_and_test_points_are_hollow(qtbot):
    panel = shown(qtbot, BoundaryPanel())
    tr = Trainer(Config(dataset="spiral"), eval_every=0)
    panel.update_from(tr, force=True)
    symbols = {str(s) for s in panel.trainPoints.data["symbol"]}
    assert len(symbols) == 3
    brush = panel.testPoints.opts["brush"]
    assert brush.color().name() == "#ffffff"  # hollow: white inside, the class colour on the outline


# -- numbers that read right ------------------------------------------------------------------------------------
def test_tick_labels_never_repeat():
    xs = [2.455, 2.46, 2.465, 2.47]
    assert len(set(_spaced_labels(xs))) == len(xs)
    xs = [1e-7 * (1 + 0.01 * i) for i in range(5)]
    assert len(set(_spaced_labels(xs))) == len(xs)
    axis = LogAxis("left")
    levels = axis.logTickValues(math.log10(2.45), math.log10(2.48), 300, None)
    seen = {}
    for _spacing, values in levels:
        for v, label in zip(values, axis.logTickStrings(values, 1.0, 1.0), strict=True):
            if label:
                assert seen.setdefault(label, round(v, 9)) == round(v, 9), label  # one label, one value
    assert len(seen) >= 2


def test_the_top_tick_label_is_not_clipped(qtbot):
    panel = shown(qtbot, LossPanel())
    tr = Trainer(Config(), eval_every=10)
    tr.step(20)
    panel.update_from(tr)
    plot = find_child(panel, "lossPlot").getPlotItem()
    plot.getViewBox().setYRange(-2, 0, padding=0)  # the top tick (10⁰ = "1") at the very top of the axis
    axis = plot.getAxis("left")
    panel.grab()  # (paint, so that the axis lays out its text)
    from PySide6.QtGui import QImage, QPainter

    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    labels = [t[2] for t in texts]
    assert "1" in labels  # drawn, not dropped ...
    top = next(t[0] for t in texts if t[2] == "1")
    scene_top = axis.mapRectToScene(top).top()
    assert scene_top >= 0  # ... and inside the plot's picture


def test_confusion_matrix_counts_only_where_they_fit(qtbot):
    panel = shown(qtbot, BoundaryPanel(), size=(900, 700))
    tr = Trainer(Config(dataset="digits", samples=1797, hidden=(32,)), eval_every=0)
    tr.step(100)
    panel.update_from(tr, force=True)
    assert panel.counts_shown()
    panel.resize(330, 260)  # cells of a few pixels: colours only
    qtbot.waitUntil(lambda: not panel.counts_shown(), timeout=2000)


def test_status_says_the_batch_of_the_epoch(qtbot):
    w = MainWindow(TrainingSession(Config()))
    qtbot.addWidget(w)
    assert "epoch 0" in w.statusLabel.text()
    w.session.step()
    per_epoch = w.session.trainer.steps_per_epoch
    assert f"epoch 1, batch 1/{per_epoch}" in w.statusLabel.text()
    for _ in range(per_epoch):
        w.session.step()
    assert f"epoch 2, batch 1/{per_epoch}" in w.statusLabel.text()


def test_compare_lab_shows_a_dash_before_the_first_step(qtbot):
    from nnplay.gui.labs.compare import CompareLab

    lab = CompareLab()
    qtbot.addWidget(lab)
    text = find_child(lab, "compareStatusLabel").text()
    assert "nan" not in text and "loss —" in text
    lab.step(1)
    assert "loss —" not in find_child(lab, "compareStatusLabel").text()


# -- unique object names ------------------------------------------------------------------------------------------
EXPORT_ACTIONS = {"saveImageAction", "saveSvgAction", "copyImageAction"}


def test_every_object_name_in_the_window_is_unique_with_every_lab_open(qtbot):
    w = MainWindow(TrainingSession(Config()))
    qtbot.addWidget(w)
    for module, _cls, _text in LABS:
        w.open_lab(module)
    from PySide6.QtCore import QObject

    names = [o.objectName() for o in w.findChildren(QObject)]
    names = [n for n in names if n and not n.startswith("qt_") and n not in EXPORT_ACTIONS]
    dupes = sorted({n for n in names if names.count(n) > 1})
    assert dupes == []
    # The lab widgets carry their lab's prefix.
    descent = w.open_lab("descent")
    for child in descent.findChildren(QWidget):
        if child.objectName() and not child.objectName().startswith("qt_"):
            assert child.objectName().startswith(("descent", "gradientDescentLab")), child.objectName()
