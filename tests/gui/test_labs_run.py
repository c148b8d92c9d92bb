"""The labs that run things: gradient check, linear collapse and compare-two-runs, driven through their controls."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
)
from qt_helpers import find_child, save_screenshot

from nnplay.core.analysis import clone_network, collapse_linear
from nnplay.core.config import Config
from nnplay.core.trainer import Trainer
from nnplay.gui.labs.collapse import LinearCollapseLab
from nnplay.gui.labs.compare import PAIRS, SHARED_FIELDS, CompareLab, differing_fields
from nnplay.gui.labs.gradcheck import GradientCheckLab
from nnplay.gui.style import GOOD

SHOTS = Path("/tmp/nnplay_labs2")
SHOT_SIZE = (1100, 700)


def _check_controls_named(lab):
    widgets = (
        lab.findChildren(QAbstractButton)
        + lab.findChildren(QAbstractSpinBox)
        + lab.findChildren(QComboBox)
        + lab.findChildren(QLineEdit)
        + lab.findChildren(QTableWidget)
    )
    found = 0
    for w in widgets:
        if w.objectName().startswith("qt_") or isinstance(w.parent(), QAbstractSpinBox | QComboBox):
            continue  # Qt's own inner widgets
        if not w.isVisibleTo(lab) and not w.objectName():
            continue
        assert w.objectName(), f"unnamed {type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
        assert w.accessibleName(), w.objectName()
        assert w.toolTip(), w.objectName()
        found += 1
    assert found >= 3
    assert lab.title()


def _click(qtbot, button):
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- gradient check -----------------------------------------------------------------------------------------------


@pytest.fixture
def sigmoid_trainer():
    tr = Trainer(Config(dataset="circles", hidden=(8, 8), activation="sigmoid"), eval_every=0)
    tr.step(20)
    return tr


def test_gradcheck_runs_from_the_button(qtbot, sigmoid_trainer):
    tr = sigmoid_trainer
    params = tr.network.flat_params.copy()
    lab = GradientCheckLab(tr)
    qtbot.addWidget(lab)
    assert lab.objectName() == "gradientCheckLab"
    _check_controls_named(lab)
    spin = find_child(lab, "gradcheckBatchSpin", QSpinBox)
    assert spin.value() == 3
    _click(qtbot, find_child(lab, "runGradientCheckButton", QPushButton))
    qtbot.waitUntil(lambda: not lab.running, timeout=5000)

    result = lab.result()
    assert list(result) == list(tr.network.params)
    # The numbers are the core's: recompute independently with the network's own methods on a copy.
    x, t = tr.dataset.x_train[:3], tr.dataset.t_train[:3]
    ref = clone_network(tr.network)
    bp, num = ref.gradient(x, t), ref.numerical_gradient(x, t, method="loop")
    table = find_child(lab, "gradcheckTable", QTableWidget)
    assert table.rowCount() == 6
    for row, (key, e) in enumerate(result.items()):
        assert e.relative_error < 1e-6
        np.testing.assert_array_equal(e.numerical, num[key].ravel())
        assert table.item(row, 0).text() == key
        assert table.item(row, 3).text() == f"{np.max(np.abs(bp[key] - num[key])):.1e}"
        assert table.item(row, 4).text() == f"{e.relative_error:.1e}"
        assert table.item(row, 4).foreground().color().name() == GOOD.lower()  # the "good" colour
        assert "max(|a| + |b|, ε)" in table.item(row, 4).toolTip()
    assert result.numerical_seconds > result.backprop_seconds
    timing = find_child(lab, "gradcheckTimingLabel", QLabel).text()
    assert "numerical:" in timing and "backprop:" in timing and "faster" in timing
    assert find_child(lab, "gradcheckProgress", QProgressBar).value() == 1000
    assert "✓" in find_child(lab, "gradcheckNoteLabel", QLabel).text()
    np.testing.assert_array_equal(tr.network.flat_params, params)  # training not disturbed
    save_screenshot(qtbot, lab, SHOTS / "gradcheck.png", SHOT_SIZE)


def test_gradcheck_big_net_is_sampled_chunked_and_cancellable(qtbot):
    tr = Trainer(Config(dataset="digits", hidden=(100, 100), activation="relu", init="he"), eval_every=0)
    params = tr.network.flat_params.copy()
    lab = GradientCheckLab()
    qtbot.addWidget(lab)
    lab.set_trainer(tr)
    assert "17,610" in find_child(lab, "gradcheckNetworkLabel", QLabel).text()
    combo = find_child(lab, "gradcheckEntriesCombo", QComboBox)
    assert combo.currentData() == 2000
    _click(qtbot, find_child(lab, "runGradientCheckButton", QPushButton))
    assert lab.running  # the numerical part runs from the timer, not in the slot
    qtbot.waitUntil(lambda: not lab.running, timeout=15000)
    table = find_child(lab, "gradcheckTable", QTableWidget)
    assert table.item(0, 2).text() == "sampled 2,000 of 6,400"
    assert table.item(1, 2).text() == "100"
    result = lab.result()
    assert result.sampled and result.n_checked == 2000 + 100 + 2000 + 100 + 1000 + 10
    assert "estimated from 5,210 of 17,610 entries" in find_child(lab, "gradcheckTimingLabel", QLabel).text()
    np.testing.assert_array_equal(tr.network.flat_params, params)
    save_screenshot(qtbot, lab, SHOTS / "gradcheck_digits.png", SHOT_SIZE)

    # All entries: seconds of work; Cancel stops it and leaves the window usable.
    combo.setCurrentIndex(combo.findData(0))
    _click(qtbot, find_child(lab, "runGradientCheckButton", QPushButton))
    qtbot.waitUntil(lambda: find_child(lab, "gradcheckProgress", QProgressBar).value() > 0, timeout=5000)
    _click(qtbot, find_child(lab, "gradcheckCancelButton", QPushButton))
    assert not lab.running
    assert "Cancelled" in find_child(lab, "gradcheckTimingLabel", QLabel).text()
    assert find_child(lab, "runGradientCheckButton", QPushButton).isEnabled()
    np.testing.assert_array_equal(tr.network.flat_params, params)


def test_gradcheck_relu_kink_note(qtbot):
    # A ReLU net whose first-layer pre-activations sit exactly at 0 for the batch: the central difference
    # straddles the kink there.
    tr = Trainer(Config(dataset="xor", hidden=(4,), activation="relu"), eval_every=0)
    net = tr.network
    x = tr.dataset.x_train[:3]
    net.params["b1"][...] = -(x[0] @ net.params["W1"])  # sample 0 lands on every kink
    lab = GradientCheckLab(tr)
    qtbot.addWidget(lab)
    find_child(lab, "gradcheckBatchSpin", QSpinBox).setValue(1)
    _click(qtbot, find_child(lab, "runGradientCheckButton", QPushButton))
    qtbot.waitUntil(lambda: not lab.running, timeout=5000)
    assert lab.result().max_relative_error > 1e-6
    note = find_child(lab, "gradcheckNoteLabel", QLabel).text()
    assert "kink" in note and "ReLU" in note


# -- linear collapse ----------------------------------------------------------------------------------------------


def test_collapse_default_proof_and_training_keeps_a_line(qtbot):
    lab = LinearCollapseLab()
    qtbot.addWidget(lab)
    assert lab.objectName() == "linearCollapseLab"
    _check_controls_named(lab)
    c = lab.trainer.config
    assert (c.dataset, c.hidden, c.activation) == ("xor", (8, 8), "identity")
    assert find_child(lab, "collapseShapesLabel", QLabel).text().startswith("2×8 · 8×8 · 8×2 = one 2×2 matrix")
    table = find_child(lab, "collapsedMatrixTable", QTableWidget)
    W, b = collapse_linear(lab.trainer.network)
    assert (table.rowCount(), table.columnCount()) == (3, 2)
    assert table.item(2, 1).text() == f"{b[1]:+.4f}" or table.item(2, 1).text() == f"{b[1]:+.2e}"
    assert float(table.item(0, 0).text()) == pytest.approx(W[0, 0], abs=1e-4)
    find_child(lab, "collapseBoundaryPlot", pg.PlotWidget)
    d_scores, d_out = lab.proof()
    assert d_scores < 1e-12 and d_out < 1e-12
    assert "max |stack scores − (x·W + b)|" in find_child(lab, "collapseProofLabel", QLabel).text()

    lab.steps_per_tick = 100  # the real pace is 5 steps per 30 ms, to be watched
    _click(qtbot, find_child(lab, "trainLinearButton", QPushButton))
    assert lab.training
    qtbot.waitUntil(lambda: not lab.training, timeout=10000)
    assert lab.trainer.step_count == 500
    # The stack's own decisions on a grid are exactly one side or the other of the collapsed line.
    w, w0 = lab.boundary_line()
    g = np.linspace(-1.5, 1.5, 101)
    pts = np.array(np.meshgrid(g, g)).reshape(2, -1).T
    side = pts @ w + w0
    cls = lab.trainer.network.scores(pts).argmax(axis=1)
    clear = np.abs(side) > 1e-9
    np.testing.assert_array_equal(cls[clear], np.where(side[clear] > 0, 0, 1))
    assert max(lab.proof()) < 1e-12
    text = find_child(lab, "collapseAccuracyLabel", QLabel).text()
    acc = lab.trainer.network.accuracy(lab.trainer.dataset.x_train, lab.trainer.dataset.t_train)
    assert 0.3 < acc < 0.8
    assert f"{100 * acc:.0f} %" in text and "75 %" in text
    save_screenshot(qtbot, lab, SHOTS / "collapse.png", SHOT_SIZE)


def test_collapse_follows_the_main_window_without_touching_it(qtbot):
    main = Trainer(Config(dataset="moons", hidden=(6, 5, 4), activation="tanh"), eval_every=0)
    main.step(10)
    before = main.network.flat_params.copy()
    lab = LinearCollapseLab(main)
    qtbot.addWidget(lab)
    assert lab.trainer.config.activation == "identity"  # still the default example
    button = find_child(lab, "makeLinearButton", QPushButton)
    assert "linear copy" in button.text()
    _click(qtbot, button)
    c = lab.trainer.config
    assert (c.dataset, c.hidden, c.activation) == ("moons", (6, 5, 4), "identity")
    assert lab.trainer.dataset is main.dataset
    assert find_child(lab, "collapseShapesLabel", QLabel).text().startswith("2×6 · 6×5 · 5×4 · 4×2")
    lab.train(20)
    qtbot.waitUntil(lambda: not lab.training, timeout=5000)
    np.testing.assert_array_equal(main.network.flat_params, before)
    assert main.step_count == 10

    # An identity network in the main window is shown as it is (a copy of its current weights).
    linear = Trainer(Config(dataset="xor", hidden=(3, 3), activation="identity"), eval_every=0)
    linear.step(40)
    lab.set_trainer(linear)
    np.testing.assert_array_equal(lab.trainer.network.flat_params, linear.network.flat_params)
    assert lab.trainer is not linear
    W, _ = collapse_linear(linear.network)
    np.testing.assert_array_equal(lab.collapsed()[0], W)


def test_collapse_digits_has_no_picture_but_a_proof(qtbot):
    lab = LinearCollapseLab()
    qtbot.addWidget(lab)
    lab.set_config(Config(dataset="digits", hidden=(20,), activation="relu"))
    assert lab.trainer.config.activation == "identity"
    assert find_child(lab, "collapsedMatrixTable", QTableWidget).rowCount() == 65
    assert lab.boundary_line() is None
    assert max(lab.proof()) < 1e-12


# -- compare ------------------------------------------------------------------------------------------------------


@pytest.fixture
def compare(qtbot):
    lab = CompareLab()
    qtbot.addWidget(lab)
    yield lab
    lab.shutdown()


def test_compare_identical_configs_give_identical_histories(compare):
    c = Config(dataset="spiral", hidden=(10, 10), activation="relu", init="he", batch_size=16)
    compare.set_configs(c, c)
    a, b = compare.trainers()
    assert a is not b and a.dataset is b.dataset
    assert compare.step(150) == 150
    assert compare.step(1) == 1
    assert a.step_count == b.step_count == 151
    assert np.array_equal(a.history.loss, b.history.loss)
    assert np.array_equal(a.history.grad_norm, b.history.grad_norm)
    assert np.array_equal(a.network.flat_params, b.network.flat_params)
    table = find_child(compare, "compareDiffTable", QTableWidget)
    assert table.rowCount() == 1 and "same" in table.item(0, 0).text()


def test_compare_play_pause_in_lock_step(compare, qtbot):
    assert compare.objectName() == "compareLab"
    _check_controls_named(compare)
    compare.set_speed(0)
    play = find_child(compare, "comparePlayButton", QPushButton)
    _click(qtbot, play)
    assert compare.playing and play.text() == "Pause"
    assert not find_child(compare, "compareStepButton", QPushButton).isEnabled()
    qtbot.waitUntil(lambda: compare.trainers()[0].step_count >= 200, timeout=10000)
    _click(qtbot, play)
    assert not compare.playing and play.text() == "Play"
    a, b = compare.trainers()
    assert a.step_count == b.step_count >= 200
    assert len(a.history.loss) == len(b.history.loss) == a.step_count
    _click(qtbot, find_child(compare, "compareStepButton", QPushButton))
    assert a.step_count == b.step_count
    # The curves show both runs: A solid, B dashed, one gradient curve per layer and run.
    loss_plot = find_child(compare, "compareLossPlot", pg.PlotWidget)
    grad_plot = find_child(compare, "compareGradientPlot", pg.PlotWidget)
    assert len(loss_plot.getPlotItem().listDataItems()) == 2
    assert len(grad_plot.getPlotItem().listDataItems()) == a.network.n_layers + b.network.n_layers
    assert grad_plot.getPlotItem().ctrl.logYCheck.isChecked()
    save_screenshot(qtbot, compare, SHOTS / "compare.png", SHOT_SIZE)
    _click(qtbot, find_child(compare, "compareResetButton", QPushButton))
    assert a.step_count == b.step_count == 0


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.key)
def test_compare_pairs_load(compare, pair):
    compare.set_pair(pair.key)
    a, b = compare.configs()
    assert a == pair.a
    assert b == pair.b.replace(**{k: getattr(pair.a, k) for k in SHARED_FIELDS})
    combo = find_child(compare, "comparePairCombo", QComboBox)
    assert combo.currentData() == pair.key
    fields = differing_fields(a, b)
    table = find_child(compare, "compareDiffTable", QTableWidget)
    assert table.rowCount() == max(1, len(fields))
    for r, f in enumerate(fields):
        assert table.item(r, 0).text() != table.item(r, 1).text(), f
    for run, c in (("A", a), ("B", b)):
        assert find_child(compare, f"compare{run}ActivationCombo", QComboBox).currentData() == c.activation
        assert find_child(compare, f"compare{run}InitCombo", QComboBox).currentData() == c.init
        assert find_child(compare, f"compare{run}OptimizerCombo", QComboBox).currentData() == c.optimizer
    compare.step(5)
    assert compare.trainers()[0].step_count == compare.trainers()[1].step_count == 5


def test_compare_pair_presets_by_combo(compare):
    combo = find_child(compare, "comparePairCombo", QComboBox)
    i = combo.findData("sgd_adam")
    combo.setCurrentIndex(i)
    combo.activated.emit(i)
    a, b = compare.configs()
    assert (a.optimizer, b.optimizer) == ("sgd", "adam")
    assert "SGD" in find_child(compare, "comparePairNote", QLabel).text()
    with pytest.raises(ValueError, match="unknown pair"):
        compare.set_pair("nonsense")


def test_compare_edits_restart_both(compare, qtbot):
    compare.set_pair("std_xavier")
    compare.step(10)
    combo = find_child(compare, "compareBActivationCombo", QComboBox)
    i = combo.findData("tanh")
    combo.setCurrentIndex(i)
    combo.activated.emit(i)
    a, b = compare.trainers()
    assert b.config.activation == "tanh" and a.config.activation == "relu"
    assert a.step_count == b.step_count == 0
    assert find_child(compare, "comparePairCombo", QComboBox).currentData() == ""  # own settings now
    # Bad input: a hidden list that Config refuses shows a message and changes nothing.
    edit = find_child(compare, "compareAHiddenEdit", QLineEdit)
    edit.setText("0, 5")
    edit.editingFinished.emit()
    assert compare.trainers()[0] is a
    msg = find_child(compare, "compareMessageLabel", QLabel)
    assert not msg.isHidden() and "hidden" in msg.text()
    edit.setText("1000, 1000, 1000")
    edit.editingFinished.emit()
    assert compare.trainers()[0] is a and "at most 256" in msg.text()
    assert edit.text() == "16, 16, 16, 16"  # the form shows the settings in use again
    seed = find_child(compare, "compareSeedSpin", QSpinBox)
    seed.setValue(7)
    a, b = compare.trainers()
    assert a.config.seed == b.config.seed == 7


def test_compare_divergence_pauses_both(compare, qtbot):
    good = Config(dataset="circles", hidden=(8,), activation="identity", output="identity", loss="sum_squared_error")
    compare.set_configs(good.replace(learning_rate=3.0), good.replace(learning_rate=0.01))
    compare.set_speed(0)
    _click(qtbot, find_child(compare, "comparePlayButton", QPushButton))
    qtbot.waitUntil(lambda: not compare.playing, timeout=5000)
    a, b = compare.trainers()
    assert a.diverged is not None and b.diverged is None
    assert a.step_count == b.step_count  # still in lock step
    msg = find_child(compare, "compareMessageLabel", QLabel)
    assert not msg.isHidden() and "Run A diverged" in msg.text()
    assert not find_child(compare, "comparePlayButton", QPushButton).isEnabled()
    assert compare.step(10) == 0
    _click(qtbot, find_child(compare, "compareResetButton", QPushButton))
    assert a.diverged is None and find_child(compare, "comparePlayButton", QPushButton).isEnabled()
