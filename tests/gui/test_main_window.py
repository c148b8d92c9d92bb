"""The main window, driven as a student would: controls, time, presets, divergence, shortcuts."""

import math

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, Qt
from qt_helpers import EventRecorder, FakeTime, find_child, flush, settle

from nnplay.core.config import Config
from nnplay.core.trainer import Trainer
from nnplay.gui.main_window import MainWindow
from nnplay.gui.presets import PRESETS
from nnplay.gui.session import EVAL_MIN_SAMPLES, TrainingSession
from nnplay.gui.style import configure_pyqtgraph

REQUIRED_NAMES = [
    "datasetCombo",
    "hiddenLayersEdit",
    "activationCombo",
    "outputCombo",
    "lossCombo",
    "initCombo",
    "optimizerCombo",
    "learningRateSpin",
    "batchSizeSpin",
    "gradientMethodCombo",
    "seedSpin",
    "resetButton",
    "stepButton",
    "stepEpochButton",
    "playButton",
    "speedSlider",
    "lossPlot",
    "gradientPlot",
    "boundaryPlot",
    "networkView",
    "activationPlot",
]


@pytest.fixture
def window(qtbot):
    configure_pyqtgraph()
    w = MainWindow(TrainingSession(Config()))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.session.pause()


def select(combo, key):
    i = combo.findData(key)
    assert i >= 0, key
    combo.setCurrentIndex(i)


def test_every_named_control_has_accessible_name_and_tooltip(window):
    for name in REQUIRED_NAMES:
        w = find_child(window, name)
        assert w.accessibleName(), name
        assert w.toolTip(), name
    assert window.presetMenu.objectName() == "presetMenu"
    assert len(window.presetMenu.actions()) == len(PRESETS)


@pytest.mark.parametrize(
    ("name", "key", "field", "restarts"),
    [
        ("datasetCombo", "spiral", "dataset", True),
        ("activationCombo", "relu", "activation", True),
        ("initCombo", "he", "init", True),
        ("optimizerCombo", "adam", "optimizer", False),
        ("gradientMethodCombo", "numerical", "gradient", False),  # (the same gradient, computed another way)
        ("lossCombo", "sum_squared_error", "loss", True),
    ],
)
def test_combo_changes_the_trainer(window, name, key, field, restarts):
    window.session.step()
    select(find_child(window, name), key)
    assert getattr(window.session.trainer.config, field) == key
    assert (window.session.trainer.step_count == 0) is restarts


def test_spins_and_edits_change_the_trainer(window, qtbot):
    s = window.session
    s.step()
    find_child(window, "learningRateSpin").setValue(0.02)
    assert s.trainer.config.learning_rate == pytest.approx(0.02)
    assert s.trainer.optimizer.lr == pytest.approx(0.02)
    find_child(window, "batchSizeSpin").setValue(25)
    assert s.trainer.config.batch_size == 25 and s.trainer.step_count == 1  # applied live
    find_child(window, "seedSpin").setValue(42)
    assert s.trainer.config.seed == 42 and s.trainer.step_count == 0
    find_child(window, "noiseSpin").setValue(0.3)
    assert s.trainer.config.noise == pytest.approx(0.3)
    find_child(window, "samplesSpin").setValue(300)
    assert s.trainer.config.samples == 300
    find_child(window, "testRatioSpin").setValue(0.5)
    assert s.trainer.config.test_ratio == pytest.approx(0.5)
    edit = find_child(window, "hiddenLayersEdit")
    edit.clear()
    qtbot.keyClicks(edit, "6, 5, 4")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert s.trainer.config.hidden == (6, 5, 4)
    assert s.trainer.network.sizes == (2, 6, 5, 4, 2)
    find_child(window, "hiddenCountSpin").setValue(2)
    find_child(window, "hiddenWidthSpin").setValue(12)
    assert s.trainer.config.hidden == (12, 12)
    assert edit.text() == "12, 12"


def test_learning_rate_spin_accepts_scientific_notation_and_steps_by_decades(window, qtbot):
    spin = find_child(window, "learningRateSpin")
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "3e-4")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert window.session.config.learning_rate == pytest.approx(3e-4)
    spin.setValue(0.1)
    spin.stepBy(1)
    assert spin.value() == pytest.approx(0.2)
    spin.stepBy(-2)
    assert spin.value() == pytest.approx(0.05)


def test_bad_hidden_widths_are_explained_and_nothing_changes(window, qtbot):
    edit = find_child(window, "hiddenLayersEdit")
    before = window.session.config
    edit.clear()
    qtbot.keyClicks(edit, "8, 0")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.session.config == before
    assert "Hidden layers" in window.controls.messageLabel.text()
    assert edit.text() == "8, 8"


def test_widths_may_be_separated_by_spaces(window, qtbot):
    edit = find_child(window, "hiddenLayersEdit")
    edit.clear()
    qtbot.keyClicks(edit, "16 8")  # two layers, not one of 168
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.session.config.hidden == (16, 8)
    assert edit.text() == "16, 8"


def test_an_error_goes_once_a_setting_is_applied_but_a_note_is_shown(window, qtbot, tmp_path):
    assert not window.apply_config(Config(dataset="csv", csv_path=str(tmp_path / "nope.csv")))
    label = window.controls.messageLabel
    assert label.isVisibleTo(window) and "nope.csv" in label.text()
    window.load_preset("relu_he")  # something that works, not typed into the controls
    assert not label.isVisibleTo(window)
    window.apply_config(window.session.config.replace(hidden=(256,) * 8))
    select(find_child(window, "gradientMethodCombo"), "numerical")  # too big for numerical: a note
    note = label.text()
    assert label.isVisibleTo(window) and "numerical" in note.lower()  # (it came with a setting that applied)


def test_the_preset_explanation_goes_when_its_experiment_is_changed(window):
    window.load_preset("vanishing")
    banner = window.presetBanner
    assert banner.isVisibleTo(window)
    find_child(window, "seedSpin").setValue(7)  # another draw of the same experiment: still it
    assert banner.isVisibleTo(window)
    select(find_child(window, "activationCombo"), "relu")
    assert not banner.isVisibleTo(window)


def test_status_and_titles_say_what_is_shown(window):
    assert "mini-batch loss —" in window.statusLabel.text()  # nothing to show before the first step
    assert "nan" not in window.statusLabel.text()
    combo = find_child(window, "gradientQuantityCombo")
    combo.setCurrentIndex(combo.findData("update_ratio"))
    assert window.gradientBox.title().startswith("Update ratio")
    window.load_preset("digits")
    assert window.boundaryBox.title() == "Predictions"
    window.load_preset("vanishing")
    assert window.boundaryBox.title() == "Decision boundary"


def test_identity_output_forbids_cross_entropy(window):
    select(find_child(window, "outputCombo"), "identity")
    config = window.session.config
    assert config.output == "identity" and config.loss == "sum_squared_error"
    combo = find_child(window, "lossCombo")
    assert combo.currentData() == "sum_squared_error"
    item = combo.model().item(combo.findData("cross_entropy"))
    assert not item.isEnabled() and "softmax" in item.toolTip()


def test_numerical_gradient_refused_on_a_huge_net_but_not_on_the_book_s(window):
    window.apply_config(Config(hidden=(256,) * 8))  # hours per numerical step
    select(find_child(window, "gradientMethodCombo"), "numerical")
    assert window.session.config.gradient == "backprop"
    assert "too slow" in window.controls.messageLabel.text()
    window.apply_config(Config(dataset="digits", samples=1797, hidden=(64,)))  # 4,810 parameters: fine now
    select(find_child(window, "gradientMethodCombo"), "numerical")
    assert window.session.config.gradient == "numerical"
    note = find_child(window, "numericalWarning").text()
    assert "4,810" in note and "too slow" not in note


def test_a_numerical_step_longer_than_a_frame_is_computed_a_piece_per_frame(fake_window):
    """The window answers between the pieces of a long numerical-gradient step, shows how far it is, and the
    step is the same as one taken whole."""
    w = fake_window
    w.step_cost = 0.0
    config = Config(dataset="digits", samples=1797, hidden=(64, 64), gradient="numerical", batch_size=50)
    w.apply_config(config, start_over=True)
    reference = Trainer(config, eval_every=0)
    reference.step(1)
    w.fake_time.per_call = 0.01  # every look at the clock: 10 ms later (a slow machine)
    progress = []
    w.session.stepProgress.connect(progress.append)
    w.session.step()  # (Step: through the clock)
    ticks, shown = 0, []
    while w.session.busy and ticks < 500:
        w.session.clock.tick()
        ticks += 1
        shown.append(w.stepProgress.isVisible())
        if w.session.busy:
            assert w.session.trainer.step_count == 0
    assert w.session.trainer.step_count == 1 and ticks > 2  # in pieces, over several frames
    assert any(0 < p < 1 for p in progress) and progress[-1] == -1.0
    assert any(shown) and not shown[-1]  # shown while it lasted, gone at the end
    np.testing.assert_array_equal(w.session.trainer.network.flat_params, reference.network.flat_params)


def test_model_to_view_every_control_follows_a_loaded_config(window):
    config = Config(
        dataset="moons", samples=250, noise=0.2, test_ratio=0.3, hidden=(7, 3), activation="sigmoid",
        output="softmax", loss="sum_squared_error", init=0.05, optimizer="momentum", learning_rate=0.2,
        batch_size=16, gradient="backprop", seed=9,
    )  # fmt: skip
    assert window.apply_config(config)
    c = window.controls
    assert c.datasetCombo.currentData() == "moons"
    assert c.samplesSpin.value() == 250
    assert c.noiseSpin.value() == pytest.approx(0.2)
    assert c.testRatioSpin.value() == pytest.approx(0.3)
    assert c.hiddenLayersEdit.text() == "7, 3"
    assert c.activationCombo.currentData() == "sigmoid"
    assert c.lossCombo.currentData() == "sum_squared_error"
    assert c.initCombo.currentData() == "std" and c.initStdSpin.value() == pytest.approx(0.05)
    assert c.optimizerCombo.currentData() == "momentum"
    assert c.learningRateSpin.value() == pytest.approx(0.2)
    assert c.batchSizeSpin.value() == 16
    assert c.seedSpin.value() == 9
    assert c.read_config() == config  # and reading the widgets back gives the same config


def test_step_adds_exactly_one_point(window, qtbot):
    s = window.session
    n_loss = window.lossPanel.loss_point_count()
    n_grad = window.gradientPanel.point_count()
    qtbot.mouseClick(find_child(window, "stepButton"), Qt.MouseButton.LeftButton)
    assert s.trainer.step_count == 1
    assert window.lossPanel.loss_point_count() == n_loss + 1
    assert window.gradientPanel.point_count() == n_grad + 1
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_S)
    assert s.trainer.step_count == 3
    assert window.lossPanel.loss_point_count() == n_loss + 3
    assert "step 3" in window.statusLabel.text()


def test_step_epoch_runs_to_the_end_of_the_epoch(window, qtbot):
    s = window.session
    qtbot.mouseClick(find_child(window, "stepEpochButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not s.busy, timeout=10_000)
    assert s.trainer.step_count == s.trainer.steps_per_epoch
    assert s.trainer.steps_to_epoch_end == s.trainer.steps_per_epoch  # at an epoch boundary


def test_play_and_pause(window, qtbot):
    s = window.session
    play = find_child(window, "playButton")
    qtbot.mouseClick(play, Qt.MouseButton.LeftButton)
    assert s.playing and play.isChecked() and play.text() == "Pause"
    qtbot.waitUntil(lambda: s.trainer.step_count > 50, timeout=10_000)
    qtbot.mouseClick(play, Qt.MouseButton.LeftButton)
    assert not s.playing and play.text() == "Play"
    n = s.trainer.step_count
    qtbot.wait(100)
    assert s.trainer.step_count == n
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert s.playing
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not s.playing
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert s.trainer.step_count == 0 and window.lossPanel.loss_point_count() == 0


@pytest.fixture
def fake_window(qtbot):
    """A window whose clock reads a fake time: the test ticks it frame by frame (31 ms of fake time each), so
    what happens does not depend on how fast or busy the machine is."""
    configure_pyqtgraph()
    t = FakeTime()
    w = MainWindow(TrainingSession(Config(), now=t))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.fake_time = t
    w.step_cost = 1e-3  # seconds of fake time per training step (a slow machine; a test may change it)
    original = w.session.trainer.step

    def step(n=1):
        t.advance(w.step_cost * n)
        return original(n)

    w.session.trainer.step = step
    yield w
    w.session.pause()


def frames(window, n, dt=0.031):
    """Tick the window's clock ``n`` times, ``dt`` seconds of fake time apart (while it is busy)."""
    for _ in range(n):
        if not window.session.busy:
            break
        window.session.clock.tick()
        window.fake_time.advance(dt)


def test_playing_evaluates_on_a_fixed_schedule_and_once_more_on_pause(fake_window):
    w = fake_window
    w.step_cost = 3e-5  # (a fast machine)
    s = w.session
    w.set_speed(0)
    every = s.trainer.eval_every
    assert every >= 100  # full speed: evaluations every few thousand steps, not every frame
    s.play()
    frames(w, 20)
    s.pause()
    steps = list(s.trainer.history.evals.x)
    assert steps[0] == 0 and steps[-1] == s.trainer.step_count  # paused: the last steps are evaluated too
    assert all(x % every == 0 for x in steps[1:-1]) and len(steps) >= 3
    assert f"step {s.trainer.step_count:,}".replace(",", "") in w.statusLabel.text().replace(",", "")
    w.set_speed(50)
    assert s.trainer.eval_every <= 5  # at 50 steps/s the curves move several times a second


def test_a_run_to_a_stop_at_step_gets_enough_evaluations_at_full_speed(fake_window):
    s = fake_window.session
    fake_window.set_speed(0)
    assert s.trainer.eval_every >= 100
    s.set_stop_at(1500)  # (before: evaluated every 2,000 steps, the curves were two straight lines)
    assert s.trainer.eval_every <= 1500 // 50  # (a 1-2-5 number: 20)
    s.set_stop_at(0)
    assert s.trainer.eval_every >= 100


def test_slow_panels_are_redrawn_one_per_frame_while_playing(fake_window):
    window = fake_window
    drawn = []
    for panel in window.slow_panels:
        original = panel.update_from
        panel.update_from = lambda tr, panel=panel, original=original, **kw: drawn.append(panel) or original(tr, **kw)
    per_frame = []
    window.session.stepped.connect(lambda _n: per_frame.append(len(drawn)))
    window.set_speed(0)
    window.session.play()
    frames(window, 40)  # 1.2 s of fake time
    counts = np.diff([0, *per_frame])
    window.session.pause()
    assert counts.max() <= 1  # never all three in one frame
    assert all(drawn.count(p) >= 2 for p in window.slow_panels)  # each one every ~0.2 s
    drawn.clear()
    window.session.step()  # by hand: everything at once
    assert set(drawn) == set(window.slow_panels)


def test_slow_speed_trains_at_that_rate(fake_window):
    window = fake_window
    window.speedSlider.setValue(3)  # 10 steps/s
    assert window.speedLabel.text() == "10 steps/s" and window.session.speed == 10
    window.session.play()
    frames(window, 11, dt=0.1)  # ticks at 0, 0.1, …, 1.0 s
    window.session.pause()
    assert window.session.trainer.step_count == 11  # the first step at once, then one every 0.1 s


def test_the_window_opens_at_a_pace_people_can_watch(window):
    assert 10 <= window.session.speed <= 100
    assert window.speedLabel.text() == f"{window.session.speed} steps/s"


def test_at_a_few_steps_a_second_every_view_shows_every_step_and_pause_catches_up(window, qtbot):
    seen = {p: [] for p in window.slow_panels}
    for panel in window.slow_panels:
        original = panel.update_from
        panel.update_from = lambda tr, panel=panel, original=original, **kw: (
            seen[panel].append(tr.step_count) or original(tr, **kw)
        )
    frames = []
    window.session.stepped.connect(lambda _n: frames.append(window.session.trainer.step_count))
    window.speedSlider.setValue(3)  # 10 steps/s
    window.session.play()
    qtbot.waitUntil(lambda: window.session.trainer.step_count >= 4, timeout=5000)
    window.session.pause()
    final = window.session.trainer.step_count
    for steps in seen.values():
        assert steps[-1] == final
        assert set(frames) <= set(steps)  # every frame's step, in every view


def test_a_new_start_forgets_a_zoom(window, qtbot):
    s = window.session
    s.trainer.step(300)
    window.refresh()
    vb = find_child(window, "lossPlot").getPlotItem().getViewBox()
    vb.setXRange(50, 80, padding=0)
    s.restart()
    s.trainer.step(500)
    window.refresh()
    lo, hi = vb.viewRange()[0]
    assert lo <= 1 and hi >= 500


def test_changing_numbers_do_not_lay_out_the_window_again(window):
    """A QLabel whose text changes asks every ancestor for a new layout, and QTabWidget repaints its whole
    page on each: the controls and all panels were repainted on every frame."""
    for _ in range(2):  # (the first sentence with subscripts needs two pixels more, once: a new layout)
        window.session.step()
    settle(window)  # (and a new window lays itself out for a while: by rounds of events, not by time)
    texts = set()
    with EventRecorder(QEvent.Type.LayoutRequest) as rec:
        for _ in range(5):
            window.session.step()
            flush(window)
            texts.add(window.statusLabel.text() + window.lossPanel.summaryLabel.text())
    assert len(texts) == 5  # the numbers changed on every step
    assert [name for _, name in rec.events if name in ("mainTabs", "mainWindow", "mainSplitter")] == []


def test_the_window_lays_itself_out_without_animations(window):
    """QMainWindow moves its toolbar and central widget through zero-length animations that end on a later
    timer tick, so any layout change came back as a second one some milliseconds later (on a loaded machine,
    in a later frame). The window's style has no widget animations."""
    from PySide6.QtCore import QPropertyAnimation

    settle(window)
    window.resize(window.width() - 40, window.height() - 30)
    flush(window)
    assert window.findChildren(QPropertyAnimation) == []


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.key)
def test_each_preset_loads_and_trains(window, qtbot, preset, tmp_path, monkeypatch):
    if preset.config.dataset in ("mnist", "fashion_mnist"):  # (small generated IDX files in nnplay's folder)
        from idx_fixtures import write_dataset

        monkeypatch.setenv("NNPLAY_DATA_DIR", str(tmp_path))
        write_dataset(tmp_path / preset.config.dataset, n_train=300, n_test=50)
    window.load_preset(preset.key)
    assert window.session.config == preset.config
    assert window.controls.read_config() == preset.config
    assert window.presetBanner.isVisible() and preset.tr_title() in window.presetBanner.text()
    for _ in range(5):
        window.session.step()  # (a numerical-gradient step goes through the clock, a piece per frame)
        qtbot.waitUntil(lambda: not window.session.busy, timeout=60_000)
    assert window.session.trainer.step_count == 5
    assert window.lossPanel.loss_point_count() == 5


def test_vanishing_preset_shows_vanishing_and_relu_does_not(window):
    window.load_preset("vanishing")
    window.session.trainer.step(200)
    window.refresh()
    assert window.gradientPanel.current_ratio() < 1e-2
    window.load_preset("relu_he")
    window.session.trainer.step(200)
    window.refresh()
    assert window.gradientPanel.current_ratio() > 1e-1


def test_divergence_pauses_explains_and_recovers(window, qtbot):
    window.load_preset("lr_large")
    s = window.session
    s.play()
    qtbot.waitUntil(lambda: s.trainer.diverged is not None, timeout=20_000)
    assert not s.playing and not window.playButton.isChecked()
    assert window.divergenceBanner.isVisible()
    text = window.divergenceLabel.text()
    assert "exploded" in text and "0.3" in text
    assert np.all(np.isfinite(s.trainer.network.flat_params))
    # The gradient panel does not read the blown-up gradients as vanishing.
    ratio = find_child(window, "gradientRatioLabel").text()
    assert "exploded" in ratio and "vanishing —" not in ratio and "no gradient at all" not in ratio
    assert window.boundaryPanel.blankText.isVisible() and "exploded" in window.boundaryPanel.blankText.toPlainText()
    s.play()  # refuses to run on while diverged
    assert not s.playing
    # Lowering the learning rate starts over with it, and now training stays finite.
    find_child(window, "learningRateSpin").setValue(0.01)
    assert s.trainer.diverged is None and s.trainer.step_count == 0
    assert not window.divergenceBanner.isVisible()
    s.trainer.step(300)
    assert s.trainer.diverged is None
    s.step()
    assert s.trainer.step_count == 301
    # Reset works too.
    qtbot.mouseClick(find_child(window, "resetButton"), Qt.MouseButton.LeftButton)
    assert s.trainer.step_count == 0 and not window.divergenceBanner.isVisible()


def test_bad_experiment_file_is_explained_and_nothing_is_lost(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    window.session.step()
    before = window.session.config
    bad = tmp_path / "bad.json"
    bad.write_text('{"activation": "swish"}')
    assert not window.open_experiment(str(bad))
    assert shown and "activation" in shown[0] and "unchanged" in shown[0]
    assert window.session.config == before and window.session.trainer.step_count == 1
    good = tmp_path / "good.json"
    assert window.save_experiment(str(good))
    assert window.open_experiment(str(good))


def test_csv_data_that_cannot_be_read_keeps_the_old_data(window, tmp_path):
    bad = tmp_path / "d.csv"
    bad.write_text("a,b,label\n1,2,x\n")
    before = window.session.config
    assert not window.apply_config(before.replace(dataset="csv", csv_path=str(bad)))
    assert window.session.config == before
    assert "d.csv" in window.controls.messageLabel.text()
    assert window.controls.datasetCombo.currentData() == before.dataset


def test_labs_open_as_tabs(window):
    from nnplay.gui.main_window import LABS

    for module, _cls, _text in LABS:
        lab = window.open_lab(module)
        assert window.tabs.currentWidget() is lab
    assert window.tabs.count() == 1 + len(LABS)
    window.session.restart()  # labs that watch the trainer get the new one without errors


def test_closing_while_playing_exits_cleanly(qtbot):
    w = MainWindow(TrainingSession(Config()))
    qtbot.addWidget(w)
    w.show()
    w.session.play()
    qtbot.waitUntil(lambda: w.session.trainer.step_count > 0, timeout=5000)
    w.close()
    assert not w.session.busy


def test_status_line_shows_step_epoch_loss_accuracy(window):
    window.session.step()
    text = window.statusLabel.text()
    for word in ("step 1", "epoch 1", "mini-batch loss", "train accuracy", "test accuracy"):
        assert word in text
    loss = float(text.split("mini-batch loss ")[1].split()[0])
    assert math.isclose(loss, window.session.trainer.history.loss[-1], rel_tol=1e-3)


BIG = Config(samples=20000, hidden=(256,) * 16, batch_size=500, activation="relu", init="he")


def test_a_big_network_on_big_data_keeps_the_window_responsive(fake_window):
    window = fake_window
    """16 layers of 256 on 20,000 samples: a step takes ~100 ms and evaluating everything ~10 s. The first tick
    times one step before it takes more, the evaluation uses a subset that fits its budget, and the decision
    regions use a coarser grid."""
    s = window.session
    assert s.trainer.eval_limit is None and window.boundaryPanel.grid_size() == 100  # the small default net
    assert window.apply_config(BIG, start_over=True)
    assert EVAL_MIN_SAMPLES <= s.trainer.eval_limit < 16000
    assert window.boundaryPanel.grid_size() < 100
    assert "measured on" in window.lossPanel.summaryLabel.text()
    chunks = []
    original = s.trainer.step

    def step(n):  # a step of this network takes ~100 ms (here: of fake time)
        chunks.append(n)
        window.fake_time.advance(0.1 * n)
        return original(n)

    s.trainer.step = step
    window.step_cost = 0.0
    window.set_speed(0)
    s.play()
    frames(window, 4)
    s.pause()
    assert chunks == [1, 1, 1, 1]  # one step per tick: a click waits for one step at most


def test_network_labels_stay_whole_after_the_window_shrinks_and_grows(window, qtbot):
    window.apply_config(Config(hidden=(8, 8, 8)), start_over=True)
    styles = []
    for size in ((970, 650), (1900, 1000)):  # short labels ("in 2"), then longer ones ("input (2)")
        window.resize(*size)
        qtbot.wait(30)
        window.refresh()
        styles.append(window.networkPanel._label_style)
    # (the labels are measured: the longest form that fits its column; "long" when the window is wide enough)
    assert styles[0] == "short" and styles[1] in ("two", "long")
    for label in window.networkPanel._labels:
        natural = label.textItem.document().clone()
        natural.setTextWidth(-1)
        assert label.textItem.textWidth() >= natural.idealWidth()  # not wrapped inside a word ("in/p/ut")


def test_a_lab_with_its_own_time_controls_disables_the_toolbar_s(window, qtbot):
    s = window.session
    s.play()
    lab = window.open_lab("descent")
    assert not s.playing  # one thing trains at a time
    assert not window.playButton.isEnabled() and not window.resetButton.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Space)  # the key acts on the Training tab: not while a lab is in front
    assert not s.playing
    window.tabs.setCurrentIndex(0)
    assert window.playButton.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert s.playing
    s.pause()
    window.open_lab("softmax_loss")  # no time controls of its own: the toolbar stays
    assert window.playButton.isEnabled()
    assert lab is not None


def make_fake_window(qtbot, step_cost):
    configure_pyqtgraph()
    t = FakeTime()
    w = MainWindow(TrainingSession(Config(), now=t))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.fake_time = t
    original = w.session.trainer.step

    def step(n=1):
        t.advance(step_cost * n)
        return original(n)

    w.session.trainer.step = step
    return w


def drawn(window):
    """What the window shows, as numbers: every curve of the loss and gradient panels, the boundary image."""
    out = []
    for panel in (window.lossPanel, window.gradientPanel):
        for item in panel.findChildren(pg.PlotWidget):
            for curve in item.getPlotItem().items:
                if isinstance(curve, pg.PlotCurveItem):
                    x, y = curve.getData()
                    out.append(np.array([] if x is None else x))
                    out.append(np.array([] if y is None else y))
    out.append(np.asarray(window.boundaryPanel.heatmap.image))
    return out


@pytest.mark.parametrize("speed", [50, 0])
def test_the_same_experiment_stopped_at_the_same_step_gives_the_same_picture_on_any_machine(qtbot, speed):
    """A fast machine (0.5 ms a step, 20 ms a frame) and a slow one (10 ms a step, 50 ms a frame) play the
    vanishing-gradient preset to "stop at step 700": the same weights, the same history, the same curves."""
    results = []
    for step_cost, frame in ((0.0005, 0.02), (0.01, 0.05)):
        w = make_fake_window(qtbot, step_cost)
        w.load_preset("vanishing")
        w.set_speed(speed)
        w.set_stop_at(700)
        assert find_child(w, "stopAtSpin").value() == 700 and w.session.config.stop_at == 700
        w.session.play()
        for _ in range(100_000):
            if not w.session.busy:
                break
            w.session.clock.tick()
            w.fake_time.advance(frame)
        h = w.session.trainer.history
        tr = w.session.trainer
        state = (tr.step_count, tr.network.flat_params.copy(), h.steps.y.copy(), h.evals.x.copy(), h.evals.y.copy())
        results.append((*state, drawn(w), w.statusLabel.text()))
        w.close()
    a, b = results
    assert a[0] == b[0] == 700
    for u, v in zip(a[1:5], b[1:5], strict=True):
        np.testing.assert_array_equal(u, v)
    assert len(a[5]) == len(b[5]) > 10
    for u, v in zip(a[5], b[5], strict=True):
        np.testing.assert_array_equal(u, v)
    assert a[6] == b[6]
