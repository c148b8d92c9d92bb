"""The lecture actions of the main window (issue 9): stable object names, keys for presets, labs and tabs listed
in the shortcuts dialog, and File → Export history as CSV… read back as the session's history."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox
from qt_helpers import find_child

from nnplay.core.config import Config
from nnplay.core.history_csv import columns, read_history_csv
from nnplay.core.trainer import History
from nnplay.gui.main_window import LABS, MainWindow
from nnplay.gui.presets import PRESETS
from nnplay.gui.session import TrainingSession
from nnplay.gui.style import configure_pyqtgraph

NAMES = (
    "fullScreenAction",
    "zoomInAction",
    "zoomOutAction",
    "zoomResetAction",
    "toggleControlsAction",
    "exportHistoryAction",
    "helpAction",
    "lectureGuideAction",
)


@pytest.fixture
def window(qtbot):
    configure_pyqtgraph()
    w = MainWindow(TrainingSession(Config()))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    yield w
    w.session.pause()


def test_the_lecture_actions_have_their_names_texts_and_tooltips(window):
    for name in NAMES:
        a = find_child(window, name, QAction)
        assert a.text() and (a.toolTip() or name == "lectureGuideAction"), name
        assert len(window.findChildren(QAction, name)) == 1, name


def test_ctrl_digits_load_the_first_nine_presets_and_alt_digits_open_the_labs(window, qtbot):
    for i, preset in enumerate(PRESETS[:9]):
        action = find_child(window, f"preset_{preset.key}", QAction)
        assert action.shortcut().toString() == f"Ctrl+{i + 1}"
    assert all(find_child(window, f"preset_{p.key}", QAction).shortcut().isEmpty() for p in PRESETS[9:])
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.session.config == PRESETS[1].config.replace(seed=window.session.config.seed)
    assert window.presetBanner.isVisible()
    for i, (module, _cls, _text) in enumerate(LABS[:9]):
        assert find_child(window, f"lab_{module}", QAction).shortcut().toString() == f"Alt+{i + 1}"
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentWidget().objectName() == "activationsLab"
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentIndex() == 0
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
    window.tabs.setCurrentIndex(1)
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)  # closes the lab …
    assert window.tabs.count() == 1
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)  # … never the Training tab
    assert window.tabs.count() == 1


def test_the_shortcuts_dialog_lists_every_key(window):
    dialog = window._show_shortcuts()
    rows = dict(dialog.rows())
    assert rows["F1"] == "Help on this view"
    assert rows["F11"] == "Full screen"
    assert rows["Ctrl++, Ctrl+="] == "Zoom in"
    assert rows["Ctrl+0"] == "Reset zoom"
    assert rows["Ctrl+B"] == "Controls column"
    assert rows["Ctrl+1"] == PRESETS[0].tr_title()
    assert rows["Alt+1"] == "Gradient descent on a surface"
    assert rows["Space"] == "Play / pause"
    assert "Ctrl+C" in rows and "Ctrl+Tab, Ctrl+PgDown" in rows
    dialog.close()


def test_export_history_reads_back_as_the_sessions_history(window, tmp_path, monkeypatch):
    for _ in range(45):
        window.session.step()
    window.session.pause()  # (evaluates)
    h = window.session.trainer.history
    asked = []

    def fake_dialog(parent, caption, start, filters):
        asked.append(start)
        return str(tmp_path / "run.csv"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    find_child(window, "exportHistoryAction", QAction).trigger()
    assert asked == ["history-step45.csv"]
    assert told == []  # nothing merged: nothing to say
    table = read_history_csv(tmp_path / "run.csv")
    assert table.columns == columns(h)
    steps = table.step_rows()
    np.testing.assert_array_equal(table.column("step", steps), h.step_x)
    np.testing.assert_array_equal(table.column("loss", steps), h.loss)
    np.testing.assert_array_equal(table.column("epoch", steps), h.step_epochs)
    for i in range(h.n_layers):
        np.testing.assert_array_equal(table.column(f"grad_norm_{i + 1}", steps), h.grad_norm[:, i])
    evals = table.evaluation_rows()
    np.testing.assert_array_equal(table.column("step", evals), h.evals.x)
    for name in h.csv_eval_columns:
        np.testing.assert_array_equal(table.column(name, evals), h.evals.y[:, h.eval_columns.index(name)])
    assert table.column("step", evals)[0] == 0  # the evaluation before the first step


def test_a_merged_history_is_said_in_the_file_and_the_dialog(window, tmp_path, monkeypatch):
    tr = window.session.trainer
    tr.history = History(tr.network.n_layers, capacity=16)
    for _ in range(40):
        window.session.step()
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    path = window.export_history(str(tmp_path / "merged.csv"))
    stride = tr.history.steps.stride
    assert stride > 1
    assert told and f"{stride} consecutive steps" in told[0]
    table = read_history_csv(path)
    assert table.comments and f"{stride} consecutive steps" in table.comments[0]
    np.testing.assert_array_equal(table.column("loss", table.step_rows()), tr.history.loss)


def test_a_history_that_cannot_be_written_is_said(window, monkeypatch, tmp_path):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    assert window.export_history(str(tmp_path / "missing" / "run.csv")) is None
    assert said and "run.csv" in said[0]


def test_the_shortcuts_dialog_in_japanese_has_no_mnemonics(qtbot, qapp):
    import re

    from nnplay.gui.app import install_translator

    translator = install_translator(qapp, "ja")
    try:
        w = MainWindow(TrainingSession(Config()))
        qtbot.addWidget(w)
        dialog = w._show_shortcuts()
        texts = [text for _keys, text in dialog.rows()]
        assert "全画面表示" in texts  # (the menu says "全画面表示(&F)")
        assert [t for t in texts if "&" in t or re.search(r"\(\w\)$", t)] == []
        dialog.close()
        w.session.pause()
    finally:
        qapp.removeTranslator(translator)
