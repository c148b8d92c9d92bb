"""The linear-collapse lab stays light (issue 12, §4): a bounded subset, nothing computed behind another tab, a
costly network's forward passes in chunks of bounded work, at most a step's work per tick of its training.
Work is counted in multiply-adds of the layers' forward passes, never timed."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

import nnplay.core.layers as layers
from nnplay.core.analysis import forward_work
from nnplay.core.config import Config
from nnplay.core.network import Network
from nnplay.gui.labs.collapse import CHUNK_WORK, MAX_SAMPLES, LinearCollapseLab
from nnplay.gui.main_window import MainWindow
from nnplay.gui.session import TrainingSession
from nnplay.gui.style import configure_pyqtgraph

# 7 hidden layers of 128: ~100,000 multiply-adds a sample, so the picture and the proof take several chunks
COSTLY = Config(dataset="moons", samples=20_000, hidden=(128,) * 7, activation="identity", batch_size=10)


class WorkPerEvent(QObject):
    """Multiply-adds of ``Affine.forward`` between two events the application dispatches."""

    def __init__(self, monkeypatch):
        super().__init__()
        self.total, self.last, self.most = 0, 0, 0
        forward = layers.Affine.forward

        def counted(affine, x):
            self.total += x.shape[0] * affine.W.size
            return forward(affine, x)

        monkeypatch.setattr(layers.Affine, "forward", counted)
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event):
        self.most = max(self.most, self.total - self.last)
        self.last = self.total
        return False

    def remove(self):
        QApplication.instance().removeEventFilter(self)


@pytest.fixture
def window(qtbot):
    configure_pyqtgraph()
    w = MainWindow(TrainingSession(Config()))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.session.pause()


def test_behind_another_tab_the_lab_computes_nothing_until_it_is_in_front(window, monkeypatch, qtbot):
    lab = window.open_lab("collapse")
    window.tabs.setCurrentIndex(0)
    proof = lab.proofLabel.text()
    used = []  # the networks whose scores were computed
    scores = Network.scores
    monkeypatch.setattr(Network, "scores", lambda net, x: used.append(net) or scores(net, x))
    window.apply_config(Config(dataset="xor", hidden=(6, 6), activation="identity"), start_over=True)
    window.session.step()
    assert lab.trainer.config.hidden == (6, 6)  # it took a copy of the new network...
    assert not any(net is lab.trainer.network for net in used) and lab.proofLabel.text() == proof  # ...no more
    window.tabs.setCurrentWidget(lab)
    qtbot.waitUntil(lambda: lab.proofLabel.text() != proof, timeout=5000)
    assert any(net is lab.trainer.network for net in used)
    assert "on all 400 samples" in lab.proofLabel.text()


def test_a_costly_network_is_shown_from_a_subset_in_chunks(window, monkeypatch, qtbot):
    lab = window.open_lab("collapse")
    work = WorkPerEvent(monkeypatch)
    try:
        chunks = lab.chunks_done
        assert window.apply_config(COSTLY, start_over=True)
        assert lab.trainer.network.sizes == window.session.trainer.network.sizes
        qtbot.waitUntil(lambda: not lab.computing, timeout=60_000)
        assert lab.chunks_done - chunks >= 3
        # Per event: one chunk of the lab (or the main window's own work after a change, which is not the lab's).
        lab_most = work.most
        net_row = forward_work(lab.trainer.network)
        assert lab_most <= max(CHUNK_WORK, window_work_after_change(window, net_row)), lab_most
    finally:
        work.remove()
    text = lab.proofLabel.text()
    assert f"on {MAX_SAMPLES:,} of the 20,000 samples" in text and "running" not in text
    assert "of the 16,000 training samples" in lab.accuracyLabel.text()
    assert max(lab.proof()) < 1e-9
    # The picture still says what the stack predicts: shaded on both sides of the line
    (picture,) = [item for item in lab.plot.getPlotItem().items if isinstance(item, pg.ImageItem)]
    assert picture.isVisible() and len(np.unique(picture.image.reshape(-1, 3), axis=0)) == 2


def window_work_after_change(window, row):
    """What the main window itself forward-passes after a change: its evaluation subsets, its probe, its picture,
    and the timing of a few samples that chooses the evaluation subset."""
    tr = window.session.trainer
    return row * (sum(tr.evaluation_samples()) + tr.probe_size + window.boundaryPanel.grid_size() ** 2 + 512)


def test_training_a_costly_copy_takes_a_bounded_number_of_steps_per_tick(qtbot):
    lab = LinearCollapseLab()
    qtbot.addWidget(lab)
    big = Config(dataset="moons", samples=5000, hidden=(256,) * 16, activation="identity", batch_size=1000)
    lab.set_config(big)
    steps = []
    original = lab.trainer.step
    lab.trainer.step = lambda n=1: steps.append(n) or original(n)
    lab.train(3)
    qtbot.waitUntil(lambda: not lab.training, timeout=120_000)
    assert steps == [1, 1, 1]  # one step a tick: a step there is 3e9 multiply-adds
    small = LinearCollapseLab()  # the default example keeps its pace: 5 steps a tick
    qtbot.addWidget(small)
    steps.clear()
    original_small = small.trainer.step
    small.trainer.step = lambda n=1: steps.append(n) or original_small(n)
    small.train(10)
    qtbot.waitUntil(lambda: not small.training, timeout=10_000)
    assert steps == [5, 5]
