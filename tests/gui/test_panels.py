"""The five panels of the main window, each driven by a real Trainer through its one entry point update_from."""

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QComboBox
from qt_helpers import find_child

from nnplay.core.config import Config
from nnplay.core.trainer import Trainer
from nnplay.gui.panels._common import MAX_BUCKETS
from nnplay.gui.panels.activations import ActivationPanel
from nnplay.gui.panels.boundary import BoundaryPanel
from nnplay.gui.panels.gradients import GradientPanel
from nnplay.gui.panels.loss import LossPanel
from nnplay.gui.panels.network import NetworkView
from nnplay.gui.style import configure_pyqtgraph

SHOTS = Path("/tmp/nnplay_panels")
DEEP = (16,) * 8

CONFIGS = {
    "circles": Config(),
    "spiral3": Config(dataset="spiral", hidden=(16, 16)),
    "digits": Config(dataset="digits", samples=1797, hidden=(32,)),
    "deep_sigmoid": Config(dataset="spiral", hidden=DEEP, activation="sigmoid", learning_rate=0.5, batch_size=32),
    "no_hidden": Config(hidden=()),
    "no_test": Config(test_ratio=0),
    "step_units": Config(hidden=(8, 8), activation="step"),  # hidden gradients exactly 0: gaps on log axes
}
RELU_HE = Config(dataset="spiral", hidden=DEEP, activation="relu", init="he", learning_rate=0.05, batch_size=32)
DIVERGES = Config(output="identity", loss="sum_squared_error", activation="relu", init="he", learning_rate=50)

PANELS = {
    "loss": (LossPanel, "lossPlot"),
    "gradients": (GradientPanel, "gradientPlot"),
    "boundary": (BoundaryPanel, "boundaryPlot"),
    "network": (NetworkView, "networkView"),
    "activations": (ActivationPanel, "activationPlot"),
}
NAMED = {
    "loss": ["lossPlot", "accuracyPlot", "lossLogCheck"],
    "gradients": ["gradientPlot", "gradientBars", "gradientQuantityCombo", "gradientRatioLabel"],
    "boundary": ["boundaryPlot", "confusionMatrix", "digitSamples"],
    "network": ["networkView", "networkQuantityCombo"],
    "activations": ["activationPlot", "activationHistPlot"],
}


@pytest.fixture(scope="module", autouse=True)
def _pyqtgraph():
    configure_pyqtgraph()


def make(qtbot, key):
    panel = PANELS[key][0]()
    qtbot.addWidget(panel)
    return panel


def all_modes(panel):
    """Every value of the panel's quantity combo box (or just the one state when it has none)."""
    combos = [c for c in panel.findChildren(QComboBox) if c.objectName().endswith("QuantityCombo")]
    if not combos:
        yield
        return
    for i in range(combos[0].count()):
        combos[0].setCurrentIndex(i)
        yield
    combos[0].setCurrentIndex(0)


# -- every panel, every kind of network --------------------------------------------------------------------
@pytest.mark.parametrize("key", PANELS)
def test_every_panel_handles_every_config(qtbot, key):
    panel = make(qtbot, key)
    panel.resize(500, 350)
    panel.show()
    for config in CONFIGS.values():
        trainer = Trainer(config)
        for _ in all_modes(panel):
            panel.update_from(trainer)  # step 0: empty history, no evaluation yet
        trainer.step(25)
        for _ in all_modes(panel):
            panel.update_from(trainer)
        panel.update_from(trainer)  # nothing changed: a cheap no-op


@pytest.mark.parametrize("key", PANELS)
def test_named_widgets_have_accessible_names_and_tooltips(qtbot, key):
    panel = make(qtbot, key)
    panel.update_from(Trainer(CONFIGS["circles"]))
    for name in NAMED[key]:
        w = find_child(panel, name)
        assert w.accessibleName(), name
        assert w.toolTip(), name


# -- one point per step -------------------------------------------------------------------------------------
def test_loss_and_gradient_add_exactly_one_point_per_step(qtbot):
    loss, grad = make(qtbot, "loss"), make(qtbot, "gradients")
    trainer = Trainer(CONFIGS["circles"])
    for p in (loss, grad):
        p.update_from(trainer)
    assert loss.loss_point_count() == grad.point_count() == 0
    assert np.isnan(grad.current_ratio())
    trainer.step(1)
    for p in (loss, grad):
        p.update_from(trainer)
    assert loss.loss_point_count() == grad.point_count() == 1
    trainer.step(12)
    for p in (loss, grad):
        p.update_from(trainer)
    assert loss.loss_point_count() == grad.point_count() == 13 == len(trainer.history.steps)


def test_update_ratio_mode_plots_the_same_steps_and_survives_zero_weights(qtbot):
    grad = make(qtbot, "gradients")
    combo = find_child(grad, "gradientQuantityCombo", QComboBox)
    combo.setCurrentIndex(combo.findData("update_ratio"))
    trainer = Trainer(Config(init="zero"))  # ‖W‖ = 0 at first: the update ratio is infinite there
    trainer.step(5)
    grad.update_from(trainer)
    assert grad.point_count() == 5


# -- the vanishing gradient ---------------------------------------------------------------------------------
def test_gradient_ratio_shows_vanishing_for_deep_sigmoid_and_not_for_relu_he(qtbot):
    grad = make(qtbot, "gradients")
    label = find_child(grad, "gradientRatioLabel")
    sigmoid = Trainer(CONFIGS["deep_sigmoid"])
    sigmoid.step(200)
    grad.update_from(sigmoid)
    assert grad.current_ratio() < 1e-2
    assert "vanishing" in label.text()
    g = sigmoid.history.grad_norm[-20:]
    assert np.log10(np.median(g[:, -1]) / np.median(g[:, 0])) > 4  # the curves fan out over 4+ decades

    relu = Trainer(RELU_HE)
    relu.step(200)
    grad.update_from(relu)
    assert grad.current_ratio() > 1e-1
    assert "survives" in label.text()


def test_gradient_ratio_for_a_single_layer_is_one(qtbot):
    grad = make(qtbot, "gradients")
    trainer = Trainer(CONFIGS["no_hidden"])
    trainer.step(3)
    grad.update_from(trainer)
    assert grad.current_ratio() == 1.0
    assert grad.point_count() == 3


# -- boundary -------------------------------------------------------------------------------------------------
def test_boundary_mode_follows_the_data(qtbot, tmp_path):
    panel = make(qtbot, "boundary")
    for config, mode in ((CONFIGS["circles"], "2d"), (CONFIGS["spiral3"], "2d"), (CONFIGS["digits"], "images")):
        panel.update_from(Trainer(config))
        assert panel.mode() == mode
    rows = ["a,b,c,label"] + [f"{i % 7},{(i * 3) % 5},{i % 2},{'cat' if i % 3 else 'dog'}" for i in range(60)]
    csv = tmp_path / "three.csv"
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    trainer = Trainer(Config(dataset="csv", csv_path=str(csv), hidden=(4,)))
    trainer.step(5)
    panel.update_from(trainer)
    assert panel.mode() == "matrix"
    assert find_child(panel, "confusionMatrix").isVisibleTo(panel)
    assert not find_child(panel, "digitSamples").isVisibleTo(panel)


def _image_rect_in_data(item):
    return item.mapRectToParent(item.boundingRect())


@pytest.mark.parametrize("config", [CONFIGS["circles"], Config(hidden=(256,) * 8)], ids=["fine", "coarse grid"])
def test_boundary_colours_cover_exactly_the_plotted_area(qtbot, config):
    """The prediction image lies over the data's extent, whatever its grid size (a coarser grid for a big
    network; pyqtgraph scaled the rect by the previous image's pixel count: colours 100× too large)."""
    panel = make(qtbot, "boundary")
    trainer = Trainer(config)
    panel.update_from(trainer)
    ds = trainer.dataset
    pts = np.concatenate([ds.x_train, ds.x_test])
    rect = _image_rect_in_data(panel.heatmap)
    (x0, x1), (y0, y1) = (pts[:, 0].min(), pts[:, 0].max()), (pts[:, 1].min(), pts[:, 1].max())
    assert rect.left() < x0 and rect.right() > x1 and rect.top() < y0 and rect.bottom() > y1
    assert rect.width() < 1.5 * (x1 - x0) and rect.height() < 1.5 * (y1 - y0)
    img = panel.heatmap.image
    assert img.shape[:2] == (panel.grid_size(), panel.grid_size())
    if config.hidden == (256,) * 8:
        assert panel.grid_size() < 100
    # Another data set with the same panel: still exactly over the data.
    panel.update_from(Trainer(CONFIGS["spiral3"]))
    rect = _image_rect_in_data(panel.heatmap)
    assert rect.width() < 3.0


def test_boundary_redraw_is_throttled_but_the_last_step_is_drawn(qtbot):
    panel = make(qtbot, "boundary")
    trainer = Trainer(CONFIGS["circles"])
    panel.update_from(trainer)
    first = panel.redraw_count
    assert first == 1  # the first picture comes at once
    for _ in range(5):  # five frames in quick succession: at most one more forward pass now
        trainer.step(1)
        panel.update_from(trainer)
    assert panel.redraw_count <= first + 1
    qtbot.waitUntil(lambda: panel.redraw_count >= first + 1, timeout=2000)
    drawn = panel.redraw_count
    qtbot.wait(250)  # the deferred redraw shows step 5; nothing more after that
    assert panel.redraw_count in (drawn, drawn + 1)
    trainer.step(0)
    panel.update_from(trainer)  # same step: no new forward pass
    count = panel.redraw_count
    qtbot.wait(150)
    assert panel.redraw_count == count


# -- reset, divergence ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("key", PANELS)
def test_reset_to_a_different_network_rebuilds(qtbot, key):
    panel = make(qtbot, key)
    trainer = Trainer(CONFIGS["deep_sigmoid"])
    trainer.step(20)
    panel.update_from(trainer)
    # In place, as the session does: another depth, another data set, a new network and history.
    trainer.apply(Config(dataset="digits", samples=300, hidden=(12, 6), activation="relu"))
    assert trainer.step_count == 0
    panel.update_from(trainer)
    trainer.step(3)
    panel.update_from(trainer)
    if key == "gradients":
        assert panel.point_count() == 3
    if key == "loss":
        assert panel.loss_point_count() == 3
    if key == "activations":
        assert panel.lane_count() == 2
    if key == "boundary":
        assert panel.mode() == "images"
    # And a brand-new trainer with fewer layers.
    other = Trainer(CONFIGS["no_hidden"])
    panel.update_from(other)
    if key == "activations":
        assert panel.lane_count() == 0


@pytest.mark.parametrize("key", PANELS)
def test_a_diverged_trainer_is_drawn_without_errors(qtbot, key):
    panel = make(qtbot, key)
    trainer = Trainer(DIVERGES)
    for _ in all_modes(panel):
        panel.update_from(trainer)
    trainer.step(500)
    assert trainer.diverged is not None
    for _ in all_modes(panel):
        panel.update_from(trainer)
    if key == "loss":
        assert panel.loss_point_count() == len(trainer.history.steps)


# -- flat cost: items made once, reused as the history grows ---------------------------------------------------
def test_long_history_reuses_the_same_items(qtbot):
    loss, grad = make(qtbot, "loss"), make(qtbot, "gradients")
    for p in (loss, grad):
        p.resize(600, 400)
        p.show()
    trainer = Trainer(Config(hidden=(4,), batch_size=1), eval_every=1000)
    trainer.step(100)
    for p in (loss, grad):
        p.update_from(trainer)
    loss_items = [id(loss.batchCurve), id(loss.trainLossCurve), id(loss.testLossCurve), id(loss.trainAccCurve)]
    grad_items = [id(c) for c in grad.curves] + [id(grad.bars)]
    trainer.step(49_900)
    for p in (loss, grad):
        p.update_from(trainer)
    qtbot.wait(10)
    assert [id(loss.batchCurve), id(loss.trainLossCurve), id(loss.testLossCurve), id(loss.trainAccCurve)] == loss_items
    assert [id(c) for c in grad.curves] + [id(grad.bars)] == grad_items
    assert loss.loss_point_count() == grad.point_count() == 50_000
    # Long curves are drawn from a bounded min/max summary that keeps every peak of the history.
    h = trainer.history
    for curve, column in ((loss.batchCurve, h.loss), *zip(grad.bands, h.grad_norm.T, strict=True)):
        x, y = curve.getData()
        assert len(x) <= 2 * (MAX_BUCKETS + 1)
        assert x[0] == h.step_x[0] and x[-1] <= h.step_x[-1]
        positive = column[column > 0]  # (cross-entropy with its δ can be -1e-7: no place on a log axis)
        assert np.nanmin(y) == pytest.approx(np.log10(positive.min()))
        assert np.nanmax(y) == pytest.approx(np.log10(positive.max()))
    # The x range is set from the steps, not by pyqtgraph's x auto-range: with auto-range the downsampled
    # bounds and the view width fed each other and the main window repainted forever after ~10,000 steps.
    for plot in (find_child(loss, "lossPlot"), find_child(grad, "gradientPlot")):
        vb = plot.getPlotItem().getViewBox()
        assert vb.autoRangeEnabled() == [False, False]  # y too: pyqtgraph's would paint every plot twice
        lo, hi = vb.viewRange()[0]
        assert lo <= 1 and 50_000 <= hi < 52_000
        values = h.grad_norm if plot.objectName() == "gradientPlot" else h.loss
        shown = np.log10(values[values > 0])
        ylo, yhi = vb.viewRange()[1]
        assert ylo <= shown.min() and shown.max() <= yhi


def test_a_zoomed_x_axis_stays_until_auto_range_is_asked_for(qtbot):
    grad = make(qtbot, "gradients")
    trainer = Trainer(CONFIGS["circles"])
    trainer.step(200)
    grad.update_from(trainer)
    vb = find_child(grad, "gradientPlot").getPlotItem().getViewBox()
    vb.setXRange(50, 80, padding=0)  # the student zooms in
    trainer.step(10)
    grad.update_from(trainer)
    assert vb.viewRange()[0] == pytest.approx([50, 80])
    vb.enableAutoRange()  # the plot's "A" button
    trainer.step(10)
    grad.update_from(trainer)
    lo, hi = vb.viewRange()[0]
    assert lo <= 1 and hi >= 220


def test_zooming_in_on_a_long_history_shows_every_step_in_view(qtbot):
    loss, grad = make(qtbot, "loss"), make(qtbot, "gradients")
    trainer = Trainer(Config(hidden=(4,), batch_size=1))
    trainer.step(3 * 2 * MAX_BUCKETS)  # more rows than the summary has buckets
    for p in (loss, grad):
        p.update_from(trainer)
    h = trainer.history
    assert len(loss.batchCurve.getData()[0]) < len(h.steps) // 2  # summarised
    find_child(loss, "lossPlot").getPlotItem().getViewBox().setXRange(1000, 1100, padding=0)
    find_child(grad, "gradientPlot").getPlotItem().getViewBox().setXRange(1000, 1100, padding=0)
    # Redrawn at once (no new step needed), with every row in view and one on either side.
    in_view = (h.step_x >= 999) & (h.step_x <= 1101)
    x, y = loss.batchCurve.getData()
    np.testing.assert_array_equal(x, h.step_x[in_view])
    np.testing.assert_allclose(y, np.log10(h.loss[in_view]))
    # The y axis fits the steps in view (the whole run's range would squash them).
    seen = np.log10(h.loss[in_view])
    ylo, yhi = find_child(loss, "lossPlot").getPlotItem().getViewBox().viewRange()[1]
    everything = np.log10(h.loss[h.loss > 0])
    assert ylo <= seen.min() and seen.max() <= yhi
    assert ylo > everything.min()  # the lowest loss of the run is elsewhere: not the whole run's range
    x, y = grad.bands[0].getData()  # (the band; the line through it is its running mean)
    np.testing.assert_array_equal(x, h.step_x[in_view])
    np.testing.assert_allclose(y, np.log10(h.grad_norm[in_view, 0]))
    # "A" brings back the whole history, summarised again.
    vb = find_child(loss, "lossPlot").getPlotItem().getViewBox()
    vb.enableAutoRange()
    vb.updateAutoRange()  # (what pyqtgraph does when it next paints)
    x, _ = loss.batchCurve.getData()
    assert x[0] == h.step_x[0] and len(x) <= 2 * (MAX_BUCKETS + 1)


def test_each_plot_is_painted_once_per_frame_even_when_its_range_moves(qtbot):
    """pyqtgraph applies a new range when it paints, which moves every item and paints the plot a second
    time; the panels apply it when they set it, so a frame costs one paint per plot."""
    loss, grad = make(qtbot, "loss"), make(qtbot, "gradients")
    views = {name: find_child(p, name) for p, name in ((loss, "lossPlot"), (grad, "gradientPlot"))}
    for p in (loss, grad):
        p.resize(500, 350)
        p.show()
        qtbot.waitExposed(p)
    paints = {name: 0 for name in views}

    class Counter(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                paints[obj.parent().objectName()] += 1
            return False

    def frame():
        trainer.step(400)  # the x range grows on every frame
        for p in (loss, grad):
            p.update_from(trainer)
        for _ in range(5):
            QApplication.processEvents()

    trainer = Trainer(CONFIGS["circles"])
    for _ in range(3):  # the first frames widen the axes for longer tick labels: a new layout, another paint
        frame()
    counter = Counter()
    for v in views.values():
        v.viewport().installEventFilter(counter)
    start = {name: v.getPlotItem().getViewBox().viewRange()[0][1] for name, v in views.items()}
    frames = 6
    for _ in range(frames):
        frame()
    assert all(v.getPlotItem().getViewBox().viewRange()[0][1] > start[name] for name, v in views.items())
    assert paints == {name: frames for name in views}


def test_the_log_switch_redraws_the_loss_in_the_other_scale(qtbot):
    loss = make(qtbot, "loss")
    trainer = Trainer(CONFIGS["circles"])
    trainer.step(50)
    loss.update_from(trainer)
    log_y = loss.batchCurve.getData()[1].copy()
    find_child(loss, "lossLogCheck").setChecked(False)
    np.testing.assert_allclose(loss.batchCurve.getData()[1], 10**log_y)
    lo, hi = find_child(loss, "lossPlot").getPlotItem().getViewBox().viewRange()[1]
    assert lo <= trainer.history.loss.min() and trainer.history.loss.max() <= hi


def test_a_new_start_does_not_keep_the_last_runs_value_range(qtbot):
    grad = make(qtbot, "gradients")
    trainer = Trainer(DIVERGES)
    trainer.step(500)  # gradients that grow until they overflow
    grad.update_from(trainer)
    vb = find_child(grad, "gradientPlot").getPlotItem().getViewBox()
    assert vb.viewRange()[1] != pytest.approx([-4.0, 1.0])  # up to 10⁷ while blowing up
    grad.update_from(Trainer(CONFIGS["circles"]))  # step 0: nothing to draw yet
    assert vb.viewRange()[1] == pytest.approx([-4.0, 1.0])


def test_network_view_buckets_edges_into_a_few_items(qtbot):
    view = make(qtbot, "network")
    small, deep, wide = Trainer(CONFIGS["circles"]), Trainer(CONFIGS["deep_sigmoid"]), Trainer(CONFIGS["digits"])
    view.update_from(small)
    buckets = view.edge_bucket_count()
    items = [id(b) for b in view.edgeBuckets]
    assert buckets <= 8
    assert view.edge_count() <= 2 * 8 + 8 * 8 + 8 * 2
    view.update_from(deep)
    assert view.edge_bucket_count() == buckets and [id(b) for b in view.edgeBuckets] == items
    assert view.edge_count() > 1000  # ~1,900 connections, still 8 items
    view.update_from(wide)  # 64 inputs, 32 hidden: at most 16 neurons per column are drawn
    assert view.edge_count() <= 16 * 16 + 16 * 10


def test_network_gradient_view_does_not_disturb_training(qtbot):
    view = make(qtbot, "network")
    combo = find_child(view, "networkQuantityCombo", QComboBox)
    combo.setCurrentIndex(combo.findData("gradient"))
    watched, alone = Trainer(CONFIGS["circles"]), Trainer(CONFIGS["circles"])
    for _ in range(5):
        watched.step(7)
        alone.step(7)
        view.update_from(watched)
        qtbot.wait(5)
    np.testing.assert_array_equal(watched.network.flat_params, alone.network.flat_params)
    np.testing.assert_array_equal(watched.history.loss, alone.history.loss)


def test_activation_panel_summarises_step_zero_itself(qtbot):
    panel = make(qtbot, "activations")
    trainer = Trainer(CONFIGS["deep_sigmoid"])
    assert trainer.history.latest_activations is None
    panel.update_from(trainer)
    assert panel.draw_count == 1 and panel.lane_count() == 8
    assert trainer.step_count == 0 and len(trainer.history.steps) == 0  # looking did not train


# -- pictures for a human ----------------------------------------------------------------------------------------
SHOT_PLAN = {
    "loss": [("circles", 1500, 0), ("no_test", 300, 0), ("deep_sigmoid", 300, 0), ("diverges", 500, 0)],
    "gradients": [
        ("deep_sigmoid", 300, 0),
        ("deep_sigmoid", 300, 1),
        ("relu_he", 300, 0),
        ("no_hidden", 50, 0),
        ("step_units", 100, 0),
    ],
    "boundary": [("spiral3", 1500, 0), ("circles", 800, 0), ("digits", 400, 0)],
    "network": [("circles", 300, 0), ("digits", 100, 0), ("deep_sigmoid", 300, 1), ("relu_he", 300, 1)],
    "activations": [("deep_sigmoid", 300, 0), ("relu_he", 300, 0), ("no_hidden", 0, 0)],
}


def non_white_fraction(image: QImage):
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    a = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine() // 4, 4)
    return float(np.mean(a[:, : img.width(), :3].min(axis=2) < 235))


@pytest.mark.parametrize("key", PANELS)
def test_screenshots(qtbot, key):
    SHOTS.mkdir(parents=True, exist_ok=True)
    configs = {**CONFIGS, "relu_he": RELU_HE, "diverges": DIVERGES}
    for name, steps, mode in SHOT_PLAN[key]:
        panel = make(qtbot, key)
        panel.resize(700, 450)
        panel.show()
        qtbot.waitExposed(panel)
        combos = [c for c in panel.findChildren(QComboBox) if c.objectName().endswith("QuantityCombo")]
        if combos:
            combos[0].setCurrentIndex(mode)
        trainer = Trainer(configs[name])
        trainer.step(steps)
        panel.update_from(trainer)
        qtbot.wait(260)  # throttled views draw their last state
        panel.update_from(trainer)
        image = panel.grab().toImage()
        suffix = f"_{combos[0].itemData(mode)}" if combos and mode else ""
        assert image.save(str(SHOTS / f"{key}_{name}{suffix}.png"))
        assert non_white_fraction(image) > 0.02, f"{key} {name}: the picture is almost empty"
        panel.close()
