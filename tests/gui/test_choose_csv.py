"""Choosing a CSV file in the window (issue 12, §4): a "Choose…" button by the data set, and after a file that
cannot be used, the controls show what is really training."""

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from qt_helpers import find_child

from nnplay.core.config import Config
from nnplay.gui.main_window import MainWindow
from nnplay.gui.session import TrainingSession
from nnplay.gui.style import configure_pyqtgraph


@pytest.fixture
def window(qtbot):
    configure_pyqtgraph()
    w = MainWindow(TrainingSession(Config()))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.session.pause()


@pytest.fixture
def answer(monkeypatch):
    """The file dialog answers with ``answer.path`` (and remembers the folder it was opened in)."""

    class Answer:
        def __init__(self):
            self.path = ""
            self.folders = []

        def __call__(self, parent, caption="", folder="", filters="", *a, **k):
            self.folders.append(folder)
            return str(self.path), ""

    answer = Answer()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer))
    return answer


def _good_csv(tmp_path, name="flowers.csv", classes=("rose", "tulip", "iris")):
    path = tmp_path / name
    rows = "".join(f"{i % 7},{i % 5},{classes[i % len(classes)]}\n" for i in range(60))
    path.write_text("petal,width,species\n" + rows)
    return path


def _shows(window, config):
    c = window.controls
    assert c.config() == config == window.session.config
    assert c.datasetCombo.currentData() == config.dataset
    assert c.csvLabel.isVisibleTo(c) == (config.dataset == "csv")


def test_choose_button_sits_by_the_data_set_and_trains_on_the_file(window, answer, tmp_path, qtbot):
    button = find_child(window, "csvChooseButton", QPushButton)
    assert button.isVisible() and button.accessibleName() and button.toolTip()
    answer.path = _good_csv(tmp_path)
    button.click()
    config = window.session.config
    assert config.dataset == "csv" and config.csv_path == str(answer.path)
    assert window.session.trainer.dataset.n_classes == 3
    _shows(window, config)
    assert window.controls.csvLabel.text() == "flowers.csv"
    # Another file, from the same folder as the first
    answer.path = _good_csv(tmp_path, "pets.csv", ("cat", "dog"))
    button.click()
    assert window.session.trainer.dataset.n_classes == 2 and answer.folders[-1] == str(tmp_path)
    assert window.controls.csvLabel.text() == "pets.csv"


@pytest.mark.parametrize(
    "content",
    [b"x,y,label\n" + b"1" * 200_000 + b",1,a\n2,2,b\n", b"x,y,label\r0.0", b"\x00\x01binary", b"a,b\n1,x\n"],
    ids=["huge cell", "stray CR", "binary", "text feature"],
)
def test_a_csv_that_cannot_be_used_leaves_the_controls_on_what_trains(window, answer, tmp_path, content):
    before = window.session.config
    answer.path = tmp_path / "bad.csv"
    answer.path.write_bytes(content)
    find_child(window, "csvChooseButton", QPushButton).click()
    _shows(window, before)  # still circles, and the controls say so
    assert "bad.csv" in window.controls.messageLabel.text() and window.controls.messageLabel.isVisible()
    # The same after a good CSV: the good one goes on training, and is what the controls show.
    answer.path = _good_csv(tmp_path)
    find_child(window, "csvChooseButton", QPushButton).click()
    good = window.session.config
    assert not window.controls.messageLabel.isVisible()
    answer.path = tmp_path / "bad.csv"
    find_child(window, "csvChooseButton", QPushButton).click()
    _shows(window, good)
    assert window.controls.csvLabel.text() == "flowers.csv"


def test_the_combo_s_csv_entry_asks_for_a_file_and_a_cancel_changes_nothing(window, answer):
    before = window.session.config
    combo = window.controls.datasetCombo
    answer.path = ""
    combo.setCurrentIndex(combo.findData("csv"))
    _shows(window, before)
    find_child(window, "csvChooseButton", QPushButton).click()
    _shows(window, before)


def test_a_csv_with_a_name_too_long_or_missing_is_explained(window, answer, tmp_path):
    before = window.session.config
    for path in (tmp_path / ("x" * 300 + ".csv"), tmp_path / "gone" / "d.csv", tmp_path):
        answer.path = path
        find_child(window, "csvChooseButton", QPushButton).click()
        _shows(window, before)
        assert window.controls.messageLabel.isVisible()


def test_saving_to_a_name_the_file_system_refuses_is_explained(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: shown.append(a[2])))
    assert not window.save_experiment(str(tmp_path / "a\x00b.json"))
    assert shown and "Choose another place" in shown[0]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("[" * 5000 + "]" * 5000, "nested too deeply"),
        ('{"samples": ' + "9" * 5000 + "}", "5,000 digits is too long"),
        ("\x00\x01", "not valid JSON"),
    ],
    ids=["deeply nested", "5000 digits", "binary"],
)
def test_file_open_explains_an_experiment_file_it_cannot_use(window, tmp_path, monkeypatch, content, words):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: shown.append(a[2])))
    window.session.step()
    before = window.session.config
    path = tmp_path / "bad.json"
    path.write_text(content)
    assert not window.open_experiment(str(path))
    assert len(shown) == 1 and words in shown[0] and str(path) in shown[0] and "unchanged" in shown[0]
    assert window.session.config == before and window.session.trainer.step_count == 1
    _shows(window, before)


def test_file_open_accepts_a_byte_order_mark(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: shown.append(a[2])))
    path = tmp_path / "bom.json"
    path.write_bytes(b'\xef\xbb\xbf{"dataset": "moons", "hidden": [5]}')
    assert window.open_experiment(str(path)) and not shown
    assert window.session.config.dataset == "moons" and window.controls.hiddenLayersEdit.text() == "5"
