"""The three basic labs (gradient descent, softmax & loss, activations & depth): their numbers come from
nnplay.core and match the book; typing into the controls changes what is computed; bad values never crash."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QSlider,
    QSpinBox,
    QTableWidget,
)
from qt_helpers import find_child, save_screenshot

from nnplay.core.experiments import SURFACES, init_experiment
from nnplay.core.gradient import numerical_gradient
from nnplay.core.optimizers import SGD, AdaGrad, Adam, Momentum
from nnplay.gui.labs.activations import ActivationsLab
from nnplay.gui.labs.descent import GradientDescentLab
from nnplay.gui.labs.softmax_loss import SoftmaxLossLab

SHOTS = Path("/tmp/nnplay_labs")
SHOT_SIZE = (1000, 650)


def _type(qtbot, spin, text):
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def _check_controls_named(lab):
    controls = (QComboBox, QAbstractSpinBox, QPushButton, QCheckBox, QRadioButton, QSlider, QTableWidget)
    found = 0
    widgets = lab.findChildren(QAbstractButton) + lab.findChildren(QAbstractSpinBox) + lab.findChildren(QComboBox)
    for w in widgets + lab.findChildren(QSlider) + lab.findChildren(QTableWidget):
        if not isinstance(w, controls) or not w.objectName() or w.objectName().startswith("qt_"):
            continue
        found += 1
        assert w.accessibleName(), w.objectName()
        assert w.toolTip(), w.objectName()
    assert found >= 3
    assert lab.title()


@pytest.fixture
def descent(qtbot):
    lab = GradientDescentLab()
    qtbot.addWidget(lab)
    yield lab
    lab.shutdown()


# -- gradient descent -------------------------------------------------------------------------------------------


def test_descent_defaults_and_names(descent):
    assert descent.objectName() == "gradientDescentLab"
    for name in ("descentFunctionCombo", "descentCasesCombo", "descentGradientMethodCombo"):
        find_child(descent, name, QComboBox)
    for name in ("descentStartX0Spin", "descentStartX1Spin", "descentLrSpin"):
        find_child(descent, name, QDoubleSpinBox)
    find_child(descent, "descentStepsSpin", QSpinBox)
    for name in ("descentRunAllButton", "descentStepButton", "descentPlayButton"):
        find_child(descent, name, QPushButton)
    find_child(descent, "descentCompareButton", QCheckBox)
    find_child(descent, "descentReadoutLabel", QLabel)
    find_child(descent, "descentSurfacePlot", pg.PlotWidget)
    assert find_child(descent, "descentGradientMethodCombo", QComboBox).currentData() == "numerical"
    assert find_child(descent, "descentFunctionCombo", QComboBox).currentData() == "sphere"
    _check_controls_named(descent)


def test_descent_case_converges(descent):
    descent.set_case("converge")
    end = descent.path()[-1]
    assert len(descent.path()) == 101
    np.testing.assert_allclose(end, [-6.11110793e-10, 8.14814391e-10], rtol=1e-6)
    assert descent.status() == "converged"
    assert "minimum" in find_child(descent, "descentReadoutLabel", QLabel).text()


def test_descent_case_diverges_without_breaking_the_plot(descent, qtbot):
    descent.resize(1000, 650)
    descent.show()
    qtbot.waitExposed(descent)
    descent.set_case("diverge")
    end = descent.path()[-1]
    np.testing.assert_allclose(end, [-2.58983747e13, -1.29524862e12], rtol=1e-6)
    assert descent.status() == "diverged"
    text = find_child(descent, "descentReadoutLabel", QLabel).text()
    assert "left the plot" in text and "learning rate too large" in text
    assert "-2.58983747e+13" in text  # the huge values are read out
    qtbot.wait(50)
    (x0, x1), (y0, y1) = find_child(descent, "descentSurfacePlot", pg.PlotWidget).viewRange()
    assert all(math.isfinite(v) for v in (x0, x1, y0, y1))
    assert -20 < x0 < -4 and 4 < x1 < 20 and -20 < y0 < -4 and 4 < y1 < 20
    save_screenshot(qtbot, descent, SHOTS / "descent_diverge.png", SHOT_SIZE)


def test_descent_case_too_small_barely_moves(descent):
    descent.set_case("too_small")
    np.testing.assert_allclose(descent.path()[-1], [-2.99999994, 3.99999992], rtol=1e-8)
    assert descent.status() == "barely_moved"
    moved = np.hypot(*(descent.path()[-1] - descent.path()[0]))
    assert moved == pytest.approx(1e-7, rel=1e-3)
    assert "1.0e−7 in 100 steps" in find_child(descent, "descentReadoutLabel", QLabel).text()


def test_descent_typing_the_learning_rate_and_start_recomputes(descent, qtbot):
    descent.set_case("converge")
    lr = find_child(descent, "descentLrSpin", QDoubleSpinBox)
    _type(qtbot, lr, "1e-10")
    assert lr.value() == pytest.approx(1e-10)
    np.testing.assert_allclose(descent.full_path()[-1], [-2.99999994, 3.99999992], rtol=1e-8)
    assert find_child(descent, "descentCasesCombo", QComboBox).currentData() is None  # no longer the preset
    _type(qtbot, lr, "10")
    np.testing.assert_allclose(descent.full_path()[-1], [-2.58983747e13, -1.29524862e12], rtol=1e-6)
    _type(qtbot, lr, "0.1")
    _type(qtbot, find_child(descent, "descentStartX0Spin", QDoubleSpinBox), "2")
    find_child(descent, "descentStepsSpin", QSpinBox).setValue(3)
    np.testing.assert_allclose(descent.full_path(), [[2, 4], [1.6, 3.2], [1.28, 2.56], [1.024, 2.048]], rtol=1e-6)
    # the exact gradient keeps multiplying by (1 − 2·10) = −19, where the numerical one stalls
    find_child(descent, "descentGradientMethodCombo", QComboBox).setCurrentIndex(1)
    descent.set_case("diverge")
    find_child(descent, "descentGradientMethodCombo", QComboBox).setCurrentIndex(1)
    np.testing.assert_allclose(descent.full_path()[-1], np.array([-3.0, 4.0]) * 19.0**100, rtol=1e-9)
    assert descent.status() == "diverged"


def test_descent_bad_values_are_clamped(descent, qtbot):
    lr = find_child(descent, "descentLrSpin", QDoubleSpinBox)
    before = lr.value()
    _type(qtbot, lr, "abc")
    assert lr.value() == before
    lr.setValue(1e9)
    assert lr.value() == 100.0
    steps = find_child(descent, "descentStepsSpin", QSpinBox)
    steps.setValue(10**9)
    assert steps.value() == steps.maximum()
    x0 = find_child(descent, "descentStartX0Spin", QDoubleSpinBox)
    _type(qtbot, x0, "1e6")
    assert x0.value() <= SURFACES["sphere"].bounds[1]
    assert np.all(np.isfinite(descent.path()[0]))


def test_descent_step_and_play_reveal_the_path(descent, qtbot):
    descent.set_case("converge")
    find_child(descent, "descentStepButton", QPushButton).click()  # whole path shown: start over
    assert len(descent.path()) == 2
    find_child(descent, "descentStepButton", QPushButton).click()
    assert len(descent.path()) == 3
    np.testing.assert_allclose(descent.path()[-1], [-1.92, 2.56], rtol=1e-6)
    play = find_child(descent, "descentPlayButton", QPushButton)
    play.click()
    qtbot.waitUntil(lambda: len(descent.path()) > 6, timeout=3000)
    play.click()
    n = len(descent.path())
    qtbot.wait(120)
    assert len(descent.path()) == n  # paused
    find_child(descent, "descentRunAllButton", QPushButton).click()
    assert len(descent.path()) == 101


def test_descent_dragging_the_start_moves_the_path(descent):
    descent.run_all()
    plot = find_child(descent, "descentSurfacePlot", pg.PlotWidget)
    (target,) = [i for i in plot.getPlotItem().items if isinstance(i, pg.TargetItem)]
    target.setPos(1.0, -2.0)
    assert find_child(descent, "descentStartX0Spin", QDoubleSpinBox).value() == pytest.approx(1.0)
    assert find_child(descent, "descentStartX1Spin", QDoubleSpinBox).value() == pytest.approx(-2.0)
    np.testing.assert_allclose(descent.path()[0], [1.0, -2.0])
    assert len(descent.path()) == 101  # kept showing the whole path
    target.setPos(50.0, 0.0)  # outside the plot: clamped to its edge
    assert descent.path()[0][0] == pytest.approx(SURFACES["sphere"].bounds[1])


def _book_paths(grad, steps=30):
    out = {}
    for key, opt in (("sgd", SGD(0.95)), ("momentum", Momentum(0.1)), ("adagrad", AdaGrad(1.5)), ("adam", Adam(0.3))):
        params = {"x": np.array([-7.0, 2.0])}
        for _ in range(steps):
            opt.update(params, {"x": grad(params["x"])})
        out[key] = params["x"]
    return out


def test_descent_compares_four_optimizers(descent, qtbot):
    box = find_child(descent, "descentCompareButton", QCheckBox)
    box.setChecked(True)
    paths = descent.optimizer_paths()
    assert set(paths) == {"sgd", "momentum", "adagrad", "adam"}
    assert all(p.shape == (31, 2) for p in paths.values())
    assert all(p[0].tolist() == [-7.0, 2.0] for p in paths.values())
    assert descent.path().shape == (0, 2)
    f = SURFACES["book_bowl"].f
    ref = _book_paths(lambda x: numerical_gradient(f, x.copy()))
    for key, end in ref.items():
        np.testing.assert_allclose(paths[key][-1], end, rtol=1e-9, atol=1e-12, err_msg=key)
    exact = _book_paths(SURFACES["book_bowl"].grad)
    np.testing.assert_allclose(paths["adam"][-1], exact["adam"], rtol=1e-5)
    assert "Adam" in find_child(descent, "descentReadoutLabel", QLabel).text()
    save_screenshot(qtbot, descent, SHOTS / "descent_compare.png", SHOT_SIZE)
    box.setChecked(False)
    assert descent.optimizer_paths() == {}
    assert len(descent.path()) > 0


def test_descent_screenshot(descent, qtbot):
    descent.set_case("converge")
    save_screenshot(qtbot, descent, SHOTS / "descent.png", SHOT_SIZE)


# -- softmax and loss ------------------------------------------------------------------------------------------


@pytest.fixture
def softmax_lab(qtbot):
    lab = SoftmaxLossLab()
    qtbot.addWidget(lab)
    return lab


def _bar_heights(plot):
    (bars,) = [i for i in plot.getPlotItem().items if isinstance(i, pg.BarGraphItem) and i.opts.get("brushes")]
    return np.asarray(bars.opts["height"], dtype=float)


def test_softmax_lecture_example_is_preloaded(softmax_lab):
    lab = softmax_lab
    assert lab.objectName() == "softmaxLossLab"
    v = lab.values()
    assert v["mode"] == "probabilities" and v["target"] == 2
    assert v["sse"] == pytest.approx(0.0975)
    assert v["ce"] == pytest.approx(0.510825457, abs=1e-9)
    assert "0.0975" in find_child(lab, "sseLabel", QLabel).text()
    assert "0.510825" in find_child(lab, "ceLabel", QLabel).text()
    assert find_child(lab, "targetCombo", QComboBox).currentIndex() == 2
    _check_controls_named(lab)


def test_softmax_of_the_books_scores_is_shown(softmax_lab):
    lab = softmax_lab
    lab.set_scores([0.3, 2.9, 4.0])
    expected = [0.01821127, 0.24519181, 0.73659691]
    np.testing.assert_allclose(lab.values()["softmax"], expected, rtol=1e-6)
    np.testing.assert_allclose(_bar_heights(find_child(lab, "softmaxPlot", pg.PlotWidget)), expected, rtol=1e-6)
    table = find_child(lab, "scoresTable", QTableWidget)
    assert table.rowCount() == 3
    assert table.item(2, 1).text() == "0.736597"
    assert "1.000000" in find_child(lab, "softmaxSumLabel", QLabel).text()
    assert np.argsort(lab.values()["softmax"]).tolist() == [0, 1, 2]  # order of the scores kept


def test_softmax_large_inputs_naive_overflows_stable_does_not(softmax_lab):
    lab = softmax_lab
    find_child(lab, "largeInputsButton", QPushButton).click()
    v = lab.values()
    assert v["inputs"].tolist() == [1010.0, 1000.0, 990.0]
    assert np.isnan(v["naive"]).any() or np.isinf(v["naive"]).any()
    assert v["overflow"]
    assert np.all(np.isfinite(v["softmax"])) and v["softmax"].sum() == pytest.approx(1.0)
    warning = find_child(lab, "overflowLabel", QLabel)
    assert warning.isVisibleTo(lab) and "nan" in warning.text()
    texts = [i for i in find_child(lab, "naivePlot", pg.PlotWidget).getPlotItem().items if isinstance(i, pg.TextItem)]
    assert sum(t.isVisible() and t.toPlainText() == "nan" for t in texts) == 3
    assert np.all(np.isfinite(_bar_heights(find_child(lab, "naivePlot", pg.PlotWidget))))


def test_softmax_cross_entropy_without_delta(softmax_lab):
    lab = softmax_lab
    find_child(lab, "zeroProbabilityButton", QPushButton).click()
    v = lab.values()
    assert v["target"] == 3
    assert v["ce_without_delta"] == math.inf
    assert v["ce"] == pytest.approx(-math.log(1e-7))
    text = find_child(lab, "ceNoDeltaLabel", QLabel).text()
    assert "−log 0" in text and "∞" in text and "16.1" in text
    lab.set_target(2)
    assert lab.values()["ce_without_delta"] == pytest.approx(-math.log(0.6))


def test_softmax_editing_the_controls_recomputes(softmax_lab, qtbot):
    lab = softmax_lab
    find_child(lab, "scoresModeRadio", QAbstractButton).click()
    size = find_child(lab, "sizeSpin", QSpinBox)
    size.lineEdit().selectAll()
    qtbot.keyClicks(size.lineEdit(), "3")
    qtbot.keyClick(size.lineEdit(), Qt.Key.Key_Return)
    assert lab.values()["inputs"].tolist() == [0.3, 2.9, 4.0]
    table = find_child(lab, "scoresTable", QTableWidget)
    table.item(0, 0).setText("10")
    v = lab.values()
    assert v["inputs"].tolist() == [10.0, 2.9, 4.0]
    assert int(np.argmax(v["softmax"])) == 0
    table.item(1, 0).setText("abc")  # not a number: kept, and said so
    assert lab.values()["inputs"][1] == 2.9
    assert "not a number" in find_child(lab, "softmaxMessage", QLabel).text()
    assert table.item(1, 0).text() == "2.9"
    ce_before = lab.values()["ce"]
    find_child(lab, "targetCombo", QComboBox).setCurrentIndex(0)
    assert lab.values()["target"] == 0 and lab.values()["ce"] < ce_before
    find_child(lab, "probabilitiesModeRadio", QAbstractButton).click()
    size.setValue(10)
    table.item(0, 0).setText("2")  # a probability above 1: clamped
    assert lab.values()["inputs"][0] == 1.0
    assert "not 1" in find_child(lab, "softmaxSumLabel", QLabel).text()


def test_softmax_screenshot(softmax_lab, qtbot):
    softmax_lab.set_scores([0.3, 2.9, 4.0])
    save_screenshot(qtbot, softmax_lab, SHOTS / "softmax_loss.png", SHOT_SIZE)
    softmax_lab.set_scores([1010, 1000, 990])
    save_screenshot(qtbot, softmax_lab, SHOTS / "softmax_loss_large.png", SHOT_SIZE)


# -- activations and depth -------------------------------------------------------------------------------------


@pytest.fixture
def act_lab(qtbot):
    lab = ActivationsLab()
    qtbot.addWidget(lab)
    return lab


def test_activations_depth_readout(act_lab):
    lab = act_lab
    assert lab.objectName() == "activationsLab"
    combo = find_child(lab, "activationLabCombo", QComboBox)
    combo.setCurrentIndex(combo.findData("sigmoid"))
    slider = find_child(lab, "depthSlider", QSlider)
    slider.setValue(10)
    assert lab.chain_value() == 0.25**10
    text = find_child(lab, "depthLabel", QLabel).text()
    assert "0.25¹⁰" in text and "9.5e−7" in text and "layer 1" in text
    slider.setValue(20)
    assert lab.chain_value() == pytest.approx(0.25**20)
    assert "0.25²⁰" in find_child(lab, "depthLabel", QLabel).text()
    combo.setCurrentIndex(combo.findData("tanh"))
    assert lab.chain_value() == 1.0 and "= 1" in find_child(lab, "depthLabel", QLabel).text()
    combo.setCurrentIndex(combo.findData("relu"))
    assert lab.chain_value() == 1.0
    combo.setCurrentIndex(combo.findData("step"))
    assert lab.chain_value() == 0.0 and "no gradient" in find_child(lab, "depthLabel", QLabel).text()
    slider.setValue(99)
    assert slider.value() == 20
    _check_controls_named(lab)


def test_activations_init_experiment_follows_the_combos(act_lab):
    lab = act_lab
    act = find_child(lab, "initActivationCombo", QComboBox)
    init = find_child(lab, "initExperimentCombo", QComboBox)
    assert (act.currentData(), init.currentData()) == ("sigmoid", "std1")
    hists = lab.histograms()
    assert len(hists) == 5 and all(len(c) == 30 for _, c in hists)
    assert hists[0][0][0] == 0.0 and hists[0][0][-1] == 1.0
    first, last = hists[-1][1][[0, -1]]
    assert first + last > 0.3 * hists[-1][1].sum()  # saturated at 0 and 1
    act.setCurrentIndex(act.findData("relu"))
    init.setCurrentIndex(init.findData("he"))
    ref = init_experiment("relu", "he")
    assert all(np.array_equal(a, b) for a, b in zip(lab.experiment(), ref, strict=True))
    edges = lab.histograms()[0][0]
    assert edges[0] == 0.0 and edges[-1] == pytest.approx(max(a.max() for a in ref))
    act.setCurrentIndex(act.findData("tanh"))
    assert lab.histograms()[0][0][0] == -1.0
    assert "Layer 1 to 5" in find_child(lab, "initSummaryLabel", QLabel).text()


def test_activations_screenshot(act_lab, qtbot):
    save_screenshot(qtbot, act_lab, SHOTS / "activations.png", SHOT_SIZE)


def test_descent_view_holds_the_start_and_every_optimizer_s_whole_path(descent, qtbot):
    """The optimizer comparison starts at (−7, 2); Momentum swings out past the surface's own region. The view
    grows to hold every point; a path that flies off (η = 10) is marked where it leaves instead."""
    descent.resize(900, 600)
    descent.show()
    qtbot.waitExposed(descent)
    find_child(descent, "descentCompareButton", QCheckBox).setChecked(True)
    lo0, hi0, lo1, hi1 = descent.view_region()
    (x0, x1), (y0, y1) = find_child(descent, "descentSurfacePlot", pg.PlotWidget).viewRange()
    for key, path in descent.optimizer_paths().items():
        assert np.all((lo0 <= path[:, 0]) & (path[:, 0] <= hi0) & (lo1 <= path[:, 1]) & (path[:, 1] <= hi1)), key
        assert np.all((x0 <= path[:, 0]) & (path[:, 0] <= x1) & (y0 <= path[:, 1]) & (path[:, 1] <= y1)), key
    # Zoomed with the mouse, "Fit" brings it all back.
    plot = find_child(descent, "descentSurfacePlot", pg.PlotWidget)
    plot.getViewBox().setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
    find_child(descent, "descentFitButton", QPushButton).click()
    (x0, x1), (y0, y1) = plot.viewRange()
    assert x0 <= -7 <= x1 and y0 <= 2 <= y1
    find_child(descent, "descentCompareButton", QCheckBox).setChecked(False)
    descent.set_case("diverge")
    assert descent.view_region() == SURFACES["sphere"].bounds  # not chased to 1e13
