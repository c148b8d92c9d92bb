"""Issue #11 in the window: TF Playground's unit pictures and diagram controls, regression, input features, and
the book's chapter-6 remedies (weight decay, dropout, batch normalization), in both directions (view → model and
model → view)."""

import math

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from qt_helpers import find_child, flush

from nnplay.core.config import Config
from nnplay.gui.main_window import MainWindow
from nnplay.gui.panels import units as unit_maps
from nnplay.gui.session import TrainingSession
from nnplay.gui.style import VALUE_HIGH, VALUE_LOW, configure_pyqtgraph, value_lut

REG = {"task": "regression", "output": "identity", "loss": "sum_squared_error"}
NEW_NAMES = [
    "weightDecaySpin",
    "regularizationCombo",
    "dropoutSpin",
    "batchNormCheck",
    "featuresButton",
    "taskCombo",
    "addLayerButton",
    "removeLayerButton",
    "unitPicturesCheck",
]


def make_window(qtbot, config=None):
    configure_pyqtgraph()
    w = MainWindow(TrainingSession(config or Config()))
    qtbot.addWidget(w)
    w.resize(1500, 940)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot):
    w = make_window(qtbot)
    yield w
    w.session.pause()


def select(combo, key):
    i = combo.findData(key)
    assert i >= 0, key
    combo.setCurrentIndex(i)


# -- the controls, both ways --------------------------------------------------------------------------------------


def test_the_new_controls_have_names_accessible_names_and_tooltips(window):
    for name in NEW_NAMES:
        w = find_child(window, name)
        assert w.accessibleName() and w.toolTip(), name


def test_weight_decay_and_regularization_apply_to_the_running_training(window):
    s = window.session
    s.step()
    find_child(window, "weightDecaySpin").setValue(0.1)
    assert s.config.weight_decay == pytest.approx(0.1) and s.trainer.network.weight_decay_lambda == pytest.approx(0.1)
    select(find_child(window, "regularizationCombo"), "l1")
    assert s.config.regularization == "l1" and s.trainer.network.regularization == "l1"
    assert s.trainer.step_count == 1  # live, as the learning rate: no start over


def test_dropout_batch_norm_and_features_start_over_with_the_new_network(window):
    s = window.session
    s.step()
    find_child(window, "dropoutSpin").setValue(0.25)
    assert s.config.dropout == 0.25 and s.trainer.network.use_dropout and s.trainer.step_count == 0
    s.step()
    find_child(window, "batchNormCheck").setChecked(True)
    assert s.config.batch_norm and "gamma1" in s.trainer.network.params and s.trainer.step_count == 0
    menu = find_child(window, "featuresButton").menu()
    actions = {a.data(): a for a in menu.actions()}
    assert list(actions) == ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]
    assert actions["x1"].isChecked() and actions["x2"].isChecked() and not actions["x1^2"].isChecked()
    actions["x1^2"].trigger()
    assert s.config.features == ("x1", "x2", "x1^2") and s.trainer.network.sizes[0] == 3
    actions["x1"].trigger()
    actions["x2"].trigger()
    assert s.config.features == ("x1^2",)
    actions["x1^2"].trigger()  # the last input cannot be unchecked
    assert actions["x1^2"].isChecked() and s.config.features == ("x1^2",)
    assert "x₁²" in find_child(window, "featuresButton").text()


def test_the_controls_show_an_experiment_opened_from_a_file(window, tmp_path):
    path = tmp_path / "exp.json"
    Config(weight_decay=0.05, regularization="l1", dropout=0.3, batch_norm=True, features=("x1^2", "x2^2")).save(path)
    assert window.open_experiment(str(path))
    assert find_child(window, "weightDecaySpin").value() == pytest.approx(0.05)
    assert find_child(window, "regularizationCombo").currentData() == "l1"
    assert find_child(window, "dropoutSpin").value() == pytest.approx(0.3)
    assert find_child(window, "batchNormCheck").isChecked()
    checked = [a.data() for a in find_child(window, "featuresButton").menu().actions() if a.isChecked()]
    assert checked == ["x1^2", "x2^2"]
    window.apply_config(Config())
    assert find_child(window, "weightDecaySpin").text() == find_child(window, "weightDecaySpin").specialValueText()


def test_a_regression_set_switches_task_output_and_loss_and_back(window):
    s = window.session
    task = find_child(window, "taskCombo")
    assert not task.isEnabled()  # fixed by the built-in sets
    select(find_child(window, "datasetCombo"), "sine")
    assert (s.config.task, s.config.output, s.config.loss) == ("regression", "identity", "sum_squared_error")
    assert task.currentData() == "regression" and s.trainer.network.sizes == (1, 8, 8, 1)
    assert not find_child(window, "featuresButton").isEnabled()  # (1-D data: no plane)
    assert "regression" in find_child(window, "pairingLabel").text()
    select(find_child(window, "datasetCombo"), "moons")
    assert (s.config.task, s.config.output, s.config.loss) == ("classification", "softmax", "cross_entropy")


def test_a_csv_file_of_values_is_fitted_when_the_task_says_so(window, tmp_path):
    path = tmp_path / "values.csv"
    path.write_text("a,b,y\n" + "".join(f"{i / 20},{(i % 5) / 5},{i / 10 + (i % 5) / 5}\n" for i in range(40)))
    window.apply_config(window.session.config.replace(dataset="csv", csv_path=str(path)))
    s = window.session
    task = find_child(window, "taskCombo")
    assert task.isEnabled() and s.config.task == "classification"  # not guessed
    select(task, "regression")
    assert s.config.task == "regression" and s.config.output == "identity" and s.trainer.dataset.task == "regression"
    assert window.boundaryPanel.mode() == "values"


# -- the diagram as picture and control ---------------------------------------------------------------------------


def click_scene(qtbot, plot, scene_point):
    pos = plot.mapFromScene(scene_point)
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_layer_buttons_and_unit_buttons_edit_the_hidden_layers(window, qtbot):
    s = window.session
    qtbot.mouseClick(find_child(window, "addLayerButton"), Qt.MouseButton.LeftButton)
    assert s.config.hidden == (8, 8, 8) and window.controls.hiddenLayersEdit.text() == "8, 8, 8"
    qtbot.mouseClick(find_child(window, "removeLayerButton"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find_child(window, "removeLayerButton"), Qt.MouseButton.LeftButton)
    assert s.config.hidden == (8,) and s.trainer.network.sizes == (2, 8, 2)
    flush(window)
    panel = window.networkPanel
    plus = next(item for item, layer, sign in panel._unit_buttons if layer == 1 and sign > 0)
    click_scene(qtbot, panel.plot, plus.sceneBoundingRect().center())
    assert s.config.hidden == (9,) and window.controls.hiddenLayersEdit.text() == "9"
    flush(window)
    minus = next(item for item, layer, sign in panel._unit_buttons if layer == 1 and sign < 0)
    click_scene(qtbot, panel.plot, minus.sceneBoundingRect().center())
    assert s.config.hidden == (8,)
    window.apply_config(s.config.replace(hidden=()))
    assert not find_child(window, "removeLayerButton").isEnabled()


def test_every_unit_is_a_picture_and_a_click_shows_it_large(window, qtbot):
    panel, boundary = window.networkPanel, window.boundaryPanel
    assert panel.picture_state() == "on" and panel.pictures.has_pictures()
    assert not panel.neurons.isVisible()
    assert len(panel._unit_pos) == 2 + 8 + 8 + 2
    window.session.trainer.step(300)
    window.session.step()
    flush(window)
    # a click on hidden unit 3 of layer 1
    x, y = panel._unit_pos[2 + 2]
    vb = panel.plot.getPlotItem().getViewBox()
    click_scene(qtbot, panel.plot, vb.mapViewToScene(QPointF(x, y)))
    assert boundary.unit() == (1, 2) and boundary.backButton.isVisible()
    assert "unit" in window.boundaryBox.title().lower()
    # the large picture is that unit's output over the plane: its most orange point is where it is largest
    tr = window.session.trainer
    values = tr.network.unit_outputs(tr.inputs(boundary._grid))[1][:, 2]
    img = boundary.heatmap.image.reshape(-1, 3).astype(float)
    orange = img @ [1.0, 0.0, -1.0]  # red minus blue: high for orange, low for blue
    assert orange[np.argmax(values)] == orange.max() and orange[np.argmin(values)] == orange.min()
    assert np.corrcoef(orange, values)[0, 1] > 0.99  # (a monotone colour scale)
    # a second click goes back to the output
    click_scene(qtbot, panel.plot, vb.mapViewToScene(QPointF(x, y)))
    assert boundary.unit() is None and not boundary.backButton.isVisible()
    assert window.boundaryBox.title() == "Decision boundary"


def test_hovering_a_unit_or_a_connection_says_its_numbers(window):
    panel = window.networkPanel
    tr = window.session.trainer
    tr.step(50)
    window.session.step()
    flush(window)
    x, y = panel._unit_pos[2]  # hidden layer 1, unit 1
    text = panel.hover_text(x, y)
    assert "hidden 1, unit 1" in text and "mean" in text and "std" in text and "saturated" in text
    v = tr.network.unit_outputs(tr.x_train[:200])[1][:, 0]
    assert f"{v.mean():.3g}" in text
    x0, y0, x1, y1 = panel._segs[0]
    edge = panel.edge_at((x0 + x1) / 2, (y0 + y1) / 2)
    assert edge is not None
    layer, src, dst = edge
    text = panel.hover_text((x0 + x1) / 2, (y0 + y1) / 2)
    assert f"w = {tr.network.params[f'W{layer}'][src, dst]:.4g}" in text and "∂L/∂w" in text
    # through the mouse: the label under the diagram follows the pointer
    scene = panel.plot.getPlotItem().getViewBox().mapViewToScene(QPointF(*panel._unit_pos[2]))
    panel._on_mouse_moved(scene)
    assert "hidden 1, unit 1" in panel.hoverLabel.text()
    assert panel.hover_text(-5.0, 50.0) == ""


def test_pictures_switch_off_for_big_networks_and_other_data_saying_so(window):
    panel = window.networkPanel
    window.apply_config(Config(hidden=(256,) * 16))
    assert panel.picture_state() == "too_big" and not panel.pictures.has_pictures()
    assert "too big" in panel.caption.text() and panel.neurons.isVisible()
    window.load_preset("digits")
    assert panel.picture_state() == "not_2d"
    window.apply_config(Config(hidden=(8,) * 6))
    assert panel.picture_state() == "on"  # 6 × 8 units: on
    find_child(window, "unitPicturesCheck").setChecked(False)
    assert panel.picture_state() == "off" and panel.neurons.isVisible() and not panel.pictures.has_pictures()


def test_pictures_cost_one_forward_pass_of_a_coarse_grid(window, monkeypatch):
    net = window.session.trainer.network
    calls = []
    original = net.view_outputs
    monkeypatch.setattr(net, "view_outputs", lambda x, **kw: calls.append(len(x)) or original(x, **kw))
    window.networkPanel.update_from(window.session.trainer, force=True)
    assert calls == [unit_maps.GRID**2]


# -- regression, features and the remedies in the panels ------------------------------------------------------


def test_sine_shows_the_fitted_curve_and_r2(qtbot):
    w = make_window(qtbot, Config(dataset="sine", hidden=(16, 16), **REG))
    tr = w.session.trainer
    tr.step(1500)
    w.session.step()
    flush(w)
    b = w.boundaryPanel
    assert b.mode() == "curve" and w.boundaryBox.title() == "Fitted curve"
    x, y = b.curve.getData()
    np.testing.assert_allclose(y, tr.predict(x[:, None])[:, 0], rtol=1e-12)
    assert "R²" in b.caption.text()
    loss = w.lossPanel
    assert loss.accuracyPlot.getPlotItem().getAxis("left").labelText == "R²"
    r2 = tr.history.eval_column("test_r2")[-1]
    assert r2 > 0.8 and f"{r2:.3f}" in w.statusLabel.text() and "R²" in w.statusLabel.text()
    _, y2 = loss.accuracyLines.curves[1].getData()
    assert math.isclose(float(y2[-1]), r2, rel_tol=1e-9)
    w.session.pause()


def test_regression_over_the_plane_is_an_output_heatmap(qtbot):
    w = make_window(qtbot, Config(dataset="reg_plane", hidden=(8,), **REG))
    tr = w.session.trainer
    tr.step(500)
    w.session.step()
    flush(w)
    b = w.boundaryPanel
    assert b.mode() == "values" and w.boundaryBox.title() == "Output of the network"
    img = b.heatmap.image.reshape(-1, 3).astype(float)
    y = tr.predict(b._grid)[:, 0]
    order = np.argsort(y)
    # blue where the output is lowest, orange where it is highest (as the points' true values)
    assert img[order[0]] @ [-1.0, 0.0, 1.0] > 0 and img[order[-1]] @ [1.0, 0.0, -1.0] > 0
    assert "value" in b.legendLabel.text()
    w.session.pause()


def test_the_loss_panel_shows_data_and_total_loss_with_weight_decay(qtbot):
    w = make_window(qtbot, Config(weight_decay=0.05))
    tr = w.session.trainer
    tr.step(200)
    w.session.step()
    flush(w)
    h = tr.history
    _, total = w.lossPanel.totalLossCurve.getData()
    expected = np.log10(h.eval_column("train_loss") + h.eval_column("penalty"))  # (the axis is log10)
    np.testing.assert_allclose(total[-1], expected[-1], rtol=1e-9)
    assert "weight decay" in w.lossPanel.legendLabel.text()
    assert "weight decay term" in w.lossPanel.summaryLabel.text()
    w2 = make_window(qtbot, Config())
    w2.session.trainer.step(20)
    w2.session.step()
    _, none = w2.lossPanel.totalLossCurve.getData()
    assert none is None or not np.isfinite(none).any()  # no decay: no total line
    assert "weight decay" not in w2.lossPanel.legendLabel.text()


def test_features_feed_the_boundary_and_the_diagram(qtbot):
    w = make_window(qtbot, Config(dataset="circles", hidden=(), features=("x1^2", "x2^2"), learning_rate=0.5))
    w.session.trainer.step(300)
    w.session.step()
    flush(w)
    assert w.networkPanel._input_names == ("x₁²", "x₂²")
    xs, ys = w.boundaryPanel.contour_points()
    pts = np.column_stack([xs, ys])[np.isfinite(xs)]
    r = np.hypot(pts[:, 0], pts[:, 1])
    assert len(pts) > 10 and r.std() < 0.25 * r.mean()  # a closed curve around the centre, not a line


def test_presets_of_chapter6_load_into_the_controls(window):
    window.load_preset("batchnorm")
    assert find_child(window, "batchNormCheck").isChecked() and window.presetBanner.isVisible()
    axis = window.activationPanel.histPlot.getPlotItem().getAxis("bottom")
    assert "BN(" in axis.labelText  # (the histograms show what the sigmoid takes in: normalised values)
    window.load_preset("features")
    checked = [a.data() for a in find_child(window, "featuresButton").menu().actions() if a.isChecked()]
    assert checked == ["x1^2", "x2^2"] and window.session.config.hidden == ()
    window.load_preset("overfitting")
    assert window.session.config.hidden == (100,) * 6 and window.boundaryPanel.mode() == "images"


def test_compare_lab_pairs_and_edits_batch_norm_and_reports_r2(window):
    lab = window.open_lab("compare")
    lab.set_pair("batchnorm")
    a, b = lab.trainers()
    assert not a.config.batch_norm and b.config.batch_norm and "gamma1" in b.network.params
    assert lab.diffTable.rowCount() == 1
    find_child(lab, "compareADropoutSpin").setValue(0.2)
    assert lab.trainers()[0].config.dropout == 0.2
    lab.set_configs(Config(dataset="sine", **REG), Config(dataset="sine", hidden=(16,), **REG))
    lab.step(20)
    assert "R²" in lab.statusLabel.text()


def test_activations_lab_has_batch_norm_next_to_the_init_experiment(window):
    lab = window.open_lab("activations")
    lab.set_experiment("sigmoid", "std0.01", batch_norm=False)
    flat = [a.std() for a in lab.experiment()]
    lab.set_experiment("sigmoid", "std0.01", batch_norm=True)
    spread = [a.std() for a in lab.experiment()]
    assert max(flat) < 0.05 < 0.15 < min(spread)  # σ = 0.01: all near 0.5 without, spread out with
    assert "batch normalization" in lab.initSummaryLabel.text().lower()
    assert find_child(lab, "initBatchNormCheck").isChecked()


# -- colours ------------------------------------------------------------------------------------------------------

# Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB.
CVD = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


def _lab(rgb8):
    c = np.asarray(rgb8, dtype=float) / 255
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return lin


def _to_lab(lin):
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = np.clip(lin, 0, 1) @ m.T / [0.95047, 1.0, 1.08883]
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], axis=-1)


def test_the_value_colours_survive_colour_blindness():
    lut = value_lut()
    assert tuple(lut[0]) == tuple(int(VALUE_LOW[i : i + 2], 16) for i in (1, 3, 5))
    assert tuple(lut[-1]) == tuple(int(VALUE_HIGH[i : i + 2], 16) for i in (1, 3, 5))
    assert tuple(lut[len(lut) // 2]) == (255, 255, 255) or min(lut[len(lut) // 2]) > 250
    for name, m in {"normal": np.eye(3), **CVD}.items():
        lab = _to_lab(_lab(lut) @ np.asarray(m).T)
        assert np.linalg.norm(lab[0] - lab[-1]) > 30, name  # the two ends stay far apart
        light = lab[:, 0]
        mid = len(lut) // 2
        assert np.all(np.diff(light[: mid + 1]) >= -0.5), name  # lighter towards the middle from each end
        assert np.all(np.diff(light[mid:]) <= 0.5), name


def test_unit_colours_map_values_by_kind():
    v = np.array([[-2.0, 0.0, 0.0], [0.0, 0.5, 1.0], [2.0, 1.0, 3.0]])
    np.testing.assert_allclose(unit_maps.to_unit_range(v, "signed")[:, 0], [-1, 0, 1])  # scaled by max |v|
    np.testing.assert_allclose(unit_maps.to_unit_range(v, "unit")[:, 1], [-1, 0, 1])  # sigmoid: 0.5 is white
    np.testing.assert_allclose(unit_maps.to_unit_range(v, "positive")[:, 2], [0, 1 / 3, 1])  # ReLU: 0 is white
    np.testing.assert_allclose(unit_maps.to_unit_range(v, "target", (-4.0, 0.0))[:, 0], [0, 1, 1])
    rgb = unit_maps.colors(v, "signed")
    assert rgb.shape == (3, 3, 3) and rgb.dtype == np.uint8
    np.testing.assert_array_equal(rgb[0, 0], value_lut()[0])
    np.testing.assert_array_equal(rgb[0, 2], value_lut()[-1])
    probs = unit_maps.colors(np.array([[0.0], [1.0]]), "class", classes=[1])
    np.testing.assert_array_equal(probs[0, 0], [255, 255, 255])  # p = 0: white; p = 1: the class colour
    assert tuple(probs[0, 1]) == (0xE6, 0x9F, 0x00)


def test_compare_lab_gives_b_the_output_that_a_regression_set_needs(window):
    lab = window.open_lab("compare")
    assert lab.set_configs(Config(dataset="reg_plane", **REG), Config(hidden=(4,)))
    b = lab.trainers()[1].config
    assert (b.dataset, b.task, b.output, b.loss, b.hidden) == ("reg_plane", "regression", "identity",
                                                                 "sum_squared_error", (4,))  # fmt: skip


def test_values_with_more_inputs_are_shown_predicted_against_true(qtbot, tmp_path):
    path = tmp_path / "three.csv"
    rng = np.random.default_rng(1)
    x = rng.uniform(-1, 1, (60, 3))
    rows = "".join(f"{a:.4f},{b:.4f},{c:.4f},{a + 2 * b - c:.4f}\n" for a, b, c in x)
    path.write_text("a,b,c,y\n" + rows)
    w = make_window(qtbot, Config(dataset="csv", csv_path=str(path), hidden=(8,), **REG))
    tr = w.session.trainer
    tr.step(800)
    w.session.step()
    flush(w)
    b = w.boundaryPanel
    assert b.mode() == "parity" and w.boundaryBox.title() == "Predicted vs true values"
    t, y = b.curveTest.getData()
    np.testing.assert_allclose(t, tr.dataset.t_test)
    np.testing.assert_allclose(y, tr.predict(tr.dataset.x_test)[:, 0], rtol=1e-12)
    assert f"{tr.regression_scores('test')[0]:.3f}" in b.caption.text()
    w.session.pause()


def test_output_units_are_named_beside_them_and_names_never_overlap(qtbot):
    """Colour is not the only cue: each drawn output unit has its class beside it; when units are closer than
    a line of text, every k-th name is shown, and no two shown names overlap."""
    w = make_window(qtbot, Config(dataset="digits", hidden=(16,)))
    panel = w.networkPanel
    assert [t.toPlainText() for t in panel._out_items] == [str(d) for d in range(10)]
    shown = [t.sceneBoundingRect() for t in panel._out_items if t.isVisible()]
    assert shown and not panel._name_items  # (64 pixels: no names)
    assert not any(a.intersects(b) for i, a in enumerate(shown) for b in shown[i + 1 :])
    w.apply_config(Config(dataset="circles", hidden=(8, 8)))
    flush(w)
    assert [t.toPlainText() for t in panel._out_items] == ["0", "1"]
    assert all(t.isVisible() for t in panel._out_items + panel._name_items)  # (2 of each: spread out)


class _Click:
    def __init__(self, pos):
        self._pos = pos

    def scenePos(self):
        return self._pos


def test_hidden_unit_buttons_take_no_clicks(qtbot):
    w = make_window(qtbot, Config(hidden=(4,) * 14))
    panel = w.networkPanel
    flush(w)
    item = next(t for t, _c, s in panel._unit_buttons if s > 0)
    assert not item.isVisible()  # (columns too narrow for ⊖ ⊕)
    panel._on_mouse_clicked(_Click(item.sceneBoundingRect().center()))
    assert w.session.config.hidden == (4,) * 14


@pytest.mark.parametrize("zoom", [1.0, 1.5])
def test_the_ellipsis_dots_and_labels_under_a_wide_column_do_not_overlap(qtbot, zoom):
    w = make_window(qtbot, Config(dataset="digits", hidden=(20,)))
    w.resize(1920, 1080)  # (150 %: the projector's size)
    w.zoom.set_factor(zoom)
    flush(w)
    w.networkPanel._fit_range()
    panel = w.networkPanel
    assert panel._more_items  # (64 and 20 units: only some are drawn)
    labels = [t.sceneBoundingRect() for t in panel._labels]
    for m, _lowest in panel._more_items:
        dots = m.sceneBoundingRect()
        assert not any(dots.intersects(label) for label in labels)
    # the column labels start below the lowest unit's dot as drawn (the zoom scales the dots)
    sizes = panel.neurons.data["size"]
    vb = panel.plot.getPlotItem().getViewBox()
    lowest_px = vb.mapViewToScene(QPointF(0, float(panel._unit_pos[:, 1].min()))).y() + sizes.max() / 2
    assert all(label.top() >= lowest_px - 1 for label in labels)
