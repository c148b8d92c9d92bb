"""MNIST in the window: choosing the folder, the controls that do not apply, the 28×28 predictions view, the
download offer (yes, no, Cancel, offline) and the book's presets. Generated IDX files and a local HTTP server;
nothing here needs the internet."""

import gc
from pathlib import Path

import numpy as np
import pytest
from idx_fixtures import FileServer, closed_port_url, file_contents, make_arrays, patch_source, write_dataset
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog
from qt_helpers import find_child, save_screenshot

from nnplay.core.config import Config
from nnplay.gui.main_window import MainWindow
from nnplay.gui.presets import PRESETS_BY_KEY
from nnplay.gui.session import TrainingSession
from nnplay.gui.style import configure_pyqtgraph

SHOTS = Path("/tmp/nnplay_mnist")


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("NNPLAY_DATA_DIR", str(tmp_path / "nnplay-data"))  # (empty: MNIST is not there)
    configure_pyqtgraph()
    w = MainWindow(TrainingSession(Config()))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.session.pause()
    w.downloads.shutdown()
    # Gone before the next test, with all its labs (qtbot's deleteLater would wait for some later event loop).
    w.close()
    w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def select(combo, key):
    i = combo.findData(key)
    assert i >= 0, key
    combo.setCurrentIndex(i)


def question(window, qtbot):
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "downloadQuestion") is not None, timeout=2000)
    box = window.findChild(QMessageBox, "downloadQuestion")
    assert box.isVisible()
    return box


def press_cancel(dialog):
    from PySide6.QtWidgets import QPushButton

    (button,) = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    button.click()


def answer(box, accept):
    name = "downloadAcceptButton" if accept else "downloadDeclineButton"
    button = next(b for b in box.buttons() if b.objectName() == name)
    button.click()


# -- a folder the user chose ---------------------------------------------------------------------------------


def test_choosing_a_folder_trains_on_28x28_images(window, qtbot, tmp_path):
    write_dataset(tmp_path / "dataset", style="windows", n_train=200, n_test=60)
    assert window.choose_data_dir(str(tmp_path / "dataset"))
    c = window.session.config
    assert c.dataset == "mnist" and c.data_dir == str(tmp_path / "dataset")
    ds = window.session.trainer.dataset
    assert ds.image_shape == (28, 28) and len(ds.x_train) == 200
    controls = window.controls
    assert controls.datasetCombo.currentData() == "mnist"
    assert find_child(controls, "dataDirRow").isVisible()
    assert find_child(controls, "dataDirLabel").text() == "dataset"
    assert find_child(controls, "dataDirLabel").toolTip() == str(tmp_path / "dataset")
    note = find_child(controls, "standardSplitLabel")
    assert note.isVisible() and "60,000" in note.text() and "do not apply" in note.text()
    for name in ("samplesSpin", "noiseSpin", "testRatioSpin"):
        assert not find_child(controls, name).isEnabled(), name
    assert "784 → 8 → 8 → 10" in find_child(controls, "networkShapeLabel").text()
    for _ in range(3):
        window.session.step()
    panel = window.boundaryPanel
    assert panel.mode() == "images"
    labels = [t.toPlainText() for t in panel.sampleLabels if t.isVisible()]
    assert len(labels) == 16 and all(lab[0] in "✓✗" and lab[2] in "0123456789" for lab in labels)
    assert window.boundaryBox.title() == "Predictions"
    save_screenshot(qtbot, window, SHOTS / "mnist_window.png", (1500, 940))
    # back to a toy set: the controls apply again, the folder row goes
    select(controls.datasetCombo, "circles")
    assert window.session.config.dataset == "circles"
    assert not find_child(controls, "dataDirRow").isVisible()
    assert find_child(controls, "samplesSpin").isEnabled()


def test_fashion_mnist_shows_class_names(window, qtbot, tmp_path):
    write_dataset(tmp_path / "fashion", n_train=120, n_test=40)
    assert window.apply_config(Config(dataset="fashion_mnist", data_dir=str(tmp_path), hidden=(16,)))
    window.session.step()
    panel = window.boundaryPanel
    labels = [t.toPlainText() for t in panel.sampleLabels if t.isVisible()]
    assert len(labels) == 8  # 4 × 2: the names need room
    names = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"}
    assert all(lab.split("\n")[0][:2] in ("✓\u2009", "✗\u2009") and lab.split("\n")[0][2:] in names for lab in labels)
    key = find_child(panel, "classKeyLabel")
    assert key.isVisible() and "<b>0</b> T-shirt/top" in key.text() and "<b>9</b> Ankle boot" in key.text()
    assert "class" in panel.samplesPlot.toolTip() and "28×28" in panel.samplesPlot.toolTip()
    save_screenshot(qtbot, window, SHOTS / "fashion_window.png", (1500, 940))


def test_damaged_files_give_one_message_and_the_old_data_keeps_training(window, qtbot, tmp_path):
    write_dataset(tmp_path)
    (tmp_path / "train-images-idx3-ubyte.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    window.session.play()
    qtbot.waitUntil(lambda: window.session.trainer.step_count > 0, timeout=3000)
    assert not window.choose_data_dir(str(tmp_path))
    message = find_child(window.controls, "controlsMessage")
    assert message.isVisible() and "train-images-idx3-ubyte.gz" in message.text() and "damaged" in message.text()
    assert window.findChild(QMessageBox, "downloadQuestion") is None  # (damaged is not missing: no offer)
    assert window.session.config.dataset == "circles" and window.controls.datasetCombo.currentData() == "circles"
    assert window.session.playing
    before = window.session.trainer.step_count
    qtbot.waitUntil(lambda: window.session.trainer.step_count > before, timeout=3000)


def test_numerical_gradient_is_estimated_for_the_data_set_it_switches_to(window, tmp_path):
    write_dataset(tmp_path)
    window.apply_config(window.session.config.replace(gradient="numerical", hidden=(4,), data_dir=str(tmp_path)))
    assert window.session.config.gradient == "numerical"  # 2-4-2: small
    select(window.controls.datasetCombo, "mnist")  # 784-4-10: milliseconds with nnplay's numerical gradient
    assert window.session.config.dataset == "mnist" and window.session.config.gradient == "numerical"
    window.apply_config(window.session.config.replace(gradient="backprop", dataset="circles", hidden=(512, 512)))
    window.controls.datasetCombo.setCurrentIndex(window.controls.datasetCombo.findData("circles"))
    s = window.session
    # counted for MNIST's 784 inputs and 10 classes, not for the 2 and 2 of the circles it leaves
    on_mnist = s.numerical_step_seconds(s.config.replace(dataset="mnist", gradient="numerical"))
    assert on_mnist > 10 * s.numerical_step_seconds(s.config.replace(gradient="numerical"))


# -- the download offer --------------------------------------------------------------------------------------


@pytest.fixture
def server(monkeypatch):
    files = file_contents(make_arrays(n_train=300, n_test=60, noisy=True))
    with FileServer(files) as s:
        patch_source(monkeypatch, "mnist", [s.url], files)
        yield s


def test_missing_mnist_is_downloaded_after_asking(window, qtbot, server, tmp_path):
    select(window.controls.datasetCombo, "mnist")
    box = question(window, qtbot)
    assert "MNIST" in box.text() and str(tmp_path / "nnplay-data" / "mnist") in box.informativeText()
    assert server.requests == []  # nothing before the answer
    assert window.session.config.dataset == "circles"
    answer(box, accept=True)
    qtbot.waitUntil(lambda: window.session.config.dataset == "mnist", timeout=20000)
    assert len(window.session.trainer.dataset.x_train) == 300
    assert len(server.requests) == 4
    folder = tmp_path / "nnplay-data" / "mnist"
    assert sorted(p.name for p in folder.iterdir()) == sorted(server.files)
    dialog = window.findChild(QProgressDialog, "downloadProgress")  # (closed; deleted later)
    assert dialog is None or not dialog.isVisible()
    window.session.step()
    assert window.boundaryPanel.mode() == "images"


def test_saying_no_downloads_nothing(window, qtbot, server):
    select(window.controls.datasetCombo, "mnist")
    answer(question(window, qtbot), accept=False)
    qtbot.waitUntil(lambda: find_child(window.controls, "controlsMessage").isVisible(), timeout=2000)
    assert "MNIST is not in" in find_child(window.controls, "controlsMessage").text()
    assert server.requests == [] and window.session.config.dataset == "circles"
    assert window.controls.datasetCombo.currentData() == "circles"


def test_cancel_stops_the_download_and_keeps_nothing(window, qtbot, server, tmp_path):
    server.slow = 0.05  # 16 KiB every 50 ms: the 235 kB images take about a second
    window.session.play()
    select(window.controls.datasetCombo, "mnist")
    answer(question(window, qtbot), accept=True)
    qtbot.waitUntil(lambda: window.findChild(QProgressDialog, "downloadProgress") is not None, timeout=2000)
    dialog = window.findChild(QProgressDialog, "downloadProgress")
    qtbot.waitUntil(lambda: dialog.maximum() > 0 and dialog.value() > 0, timeout=5000)  # bytes are coming
    assert "File 1 of 4" in dialog.labelText()
    steps = window.session.trainer.step_count
    qtbot.waitUntil(lambda: window.session.trainer.step_count > steps, timeout=3000)  # the window goes on
    press_cancel(dialog)
    download = window.downloads.download
    assert download is None or download.wait(10)
    qtbot.waitUntil(lambda: window.downloads.download is None, timeout=5000)
    assert "cancelled" in window.statusBar().currentMessage()
    folder = tmp_path / "nnplay-data" / "mnist"
    assert not folder.exists() or list(folder.iterdir()) == []
    assert window.session.config.dataset == "circles" and window.session.playing


def test_offline_says_so_and_the_old_data_keeps_training(window, qtbot, monkeypatch, tmp_path):
    patch_source(monkeypatch, "mnist", [closed_port_url()], file_contents(make_arrays()))
    window.session.play()
    select(window.controls.datasetCombo, "mnist")
    answer(question(window, qtbot), accept=True)
    message = find_child(window.controls, "controlsMessage")
    qtbot.waitUntil(lambda: message.isVisible(), timeout=10000)
    assert "Are you offline?" in message.text()
    assert "Download failed" in window.statusBar().currentMessage()
    assert window.session.config.dataset == "circles" and window.session.playing
    assert not (tmp_path / "nnplay-data").exists()


def test_book_preset_offers_the_download_then_shows_its_explanation(window, qtbot, server):
    window.load_preset("book_ch5")
    assert not window.presetBanner.isVisible()
    answer(question(window, qtbot), accept=True)
    qtbot.waitUntil(lambda: window.presetBanner.isVisible(), timeout=20000)
    assert window.session.config == PRESETS_BY_KEY["book_ch5"].config
    assert "0.97" in window.presetBanner.text()
    assert window.speedLabel.text() == "50 steps/s"


def test_the_download_dialog_looks_right(window, qtbot, server):
    server.slow = 0.2
    select(window.controls.datasetCombo, "mnist")
    box = question(window, qtbot)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert box.grab().save(str(SHOTS / "download_question.png"))
    answer(box, accept=True)
    qtbot.waitUntil(lambda: window.findChild(QProgressDialog, "downloadProgress") is not None, timeout=2000)
    dialog = window.findChild(QProgressDialog, "downloadProgress")
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=5000)
    assert dialog.grab().save(str(SHOTS / "download_progress.png"))
    press_cancel(dialog)
    qtbot.waitUntil(lambda: window.downloads.download is None, timeout=10000)


# -- the book's presets --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "activation", "gradient"), [("book_ch4", "sigmoid", "numerical"), ("book_ch5", "relu", "backprop")]
)
def test_book_presets_are_the_books_settings(key, activation, gradient):
    p = PRESETS_BY_KEY[key]
    c = p.config
    assert (c.dataset, c.hidden, c.activation, c.gradient) == ("mnist", (50,), activation, gradient)
    assert (c.output, c.loss, c.optimizer) == ("softmax", "cross_entropy", "sgd")
    assert (c.learning_rate, c.batch_size, c.init) == (0.1, 100, 0.01)
    assert 20 <= c.speed <= 50
    assert "0.9" in p.explanation and "10,000" in p.explanation


def test_book_preset_keeps_the_folder_the_user_chose(window, tmp_path):
    write_dataset(tmp_path / "book" / "dataset")
    window.choose_data_dir(str(tmp_path / "book" / "dataset"))
    window.load_preset("book_ch4")
    assert window.session.config.data_dir == str(tmp_path / "book" / "dataset")
    assert window.presetBanner.isVisible()
    assert np.all(np.abs(window.session.trainer.network.params["W1"]) < 0.1)  # std 0.01


def test_i_have_them_picks_a_folder(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    write_dataset(tmp_path / "mine", n_train=70)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "mine"))
    select(window.controls.datasetCombo, "mnist")
    box = question(window, qtbot)
    (button,) = [b for b in box.buttons() if b.objectName() == "downloadFolderButton"]
    button.click()
    qtbot.waitUntil(lambda: window.session.config.dataset == "mnist", timeout=3000)
    assert window.session.config.data_dir == str(tmp_path / "mine")
    assert len(window.session.trainer.dataset.x_train) == 70


def test_nothing_turns_the_whole_image_set_into_floats(window, qtbot, tmp_path, monkeypatch):
    """Every view and lab reads MNIST's bytes row by row or block by block: converting a whole PixelArray
    (``__array__``) is what would make 60,000 × 784 float64 (376 MB), so here it fails the test."""
    from nnplay.core.pixels import PixelArray
    from nnplay.gui.main_window import LABS

    def whole(self, *args, **kwargs):
        raise AssertionError(f"{self!r} converted as a whole")

    write_dataset(tmp_path / "nnplay-data" / "mnist", n_train=300, n_test=80)
    window.load_preset("book_ch5")
    assert window.session.config.dataset == "mnist"
    monkeypatch.setattr(PixelArray, "__array__", whole)
    window.session.restart()
    for _ in range(3):
        window.session.step()
    window.session.trainer.evaluate()
    window.refresh()
    window.networkPanel.quantityCombo.setCurrentIndex(1)  # (the gradient view takes a probe batch)
    for module, _cls, _text in LABS:
        lab = window.open_lab(module)
        qtbot.wait(50)
        if module == "collapse":
            lab.make_linear()  # (its proof in numbers runs the whole data set through both networks)
            assert "on all 380 samples" in lab.proofLabel.text()
    window.tabs.setCurrentIndex(0)
    window.session.step()
    save_screenshot(qtbot, window, SHOTS / "mnist_all_labs_open.png", (1500, 940))


def test_the_estimate_for_leaving_big_data_is_counted_for_the_data_it_switches_to(qapp):
    """From the 64-pixel digits back to the 2-D circles, a numerical step is estimated for 2 inputs (it was
    counted for 64 and refused: 5.7 s instead of 0.08 s, in the case found from MNIST)."""
    from nnplay.gui.session import TrainingSession

    big = TrainingSession(Config(dataset="digits", hidden=(32, 32), batch_norm=True))
    small = TrainingSession(Config(dataset="circles", hidden=(32, 32), batch_norm=True))
    target = Config(dataset="circles", hidden=(32, 32), batch_norm=True, gradient="numerical")
    before = big.numerical_step_seconds(target)
    after = small.numerical_step_seconds(target)
    assert 0.5 * after <= before <= 2 * after
