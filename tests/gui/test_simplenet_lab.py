"""The simpleNet lab: the book's values on screen, editing W, x and t recomputes dW at once, steps lower the loss."""

import re
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QApplication, QComboBox, QTableWidget, QWidget
from qt_helpers import find_child, save_screenshot

from nnplay.core.config import Config
from nnplay.gui.labs.simplenet import SimpleNetLab
from nnplay.gui.main_window import MainWindow
from nnplay.gui.session import TrainingSession
from nnplay.gui.style import configure_pyqtgraph

BOOK_DW = [["0.21924763", "0.14356247", "-0.36281009"], ["0.32887144", "0.21534370", "-0.54421514"]]


@pytest.fixture
def lab(qtbot):
    w = SimpleNetLab()
    qtbot.addWidget(w)
    return w


def cells(table):
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_shows_the_books_printed_values(lab):
    assert cells(find_child(lab, "simplenetWTable", QTableWidget)) == [
        ["0.47355232", "0.9977393", "0.84668094"],
        ["0.85557411", "0.03563661", "0.69422093"],
    ]
    assert cells(find_child(lab, "simplenetXTable", QTableWidget)) == [["0.6", "0.9"]]
    assert cells(find_child(lab, "simplenetScoresTable", QTableWidget)) == [["1.05414809", "0.63071653", "1.13280740"]]
    assert "np.argmax(p) = 2" in find_child(lab, "simplenetArgmaxLabel").text()
    assert "0.92806854" in find_child(lab, "simplenetLossLabel").text()
    assert cells(find_child(lab, "simplenetGradTable", QTableWidget)) == BOOK_DW
    assert find_child(lab, "simplenetTargetCombo", QComboBox).currentIndex() == 2
    exact = re.search(r"difference is ([0-9.e+-]+)\.", find_child(lab, "simplenetExactLabel").text())
    assert float(exact.group(1)) < 1e-8


def test_editing_w_and_x_changes_dw_at_once(lab):
    w = find_child(lab, "simplenetWTable", QTableWidget)
    w.item(0, 0).setText("2")
    r = lab.result()
    assert r.W[0, 0] == 2.0
    assert cells(find_child(lab, "simplenetGradTable", QTableWidget))[0][0] == f"{r.dW[0, 0]:.8f}" != BOOK_DW[0][0]
    np.testing.assert_allclose(r.dW, np.outer(r.x, r.y - [0, 0, 1]), atol=1e-8)
    x = find_child(lab, "simplenetXTable", QTableWidget)
    x.item(0, 1).setText("0")  # x2 = 0: the second row of W no longer matters
    assert lab.result().x.tolist() == [0.6, 0.0]
    assert np.abs(lab.result().dW[1]).max() < 1e-9
    x.item(0, 1).setText("abc")
    assert "not a number" in find_child(lab, "simplenetMessage").text()
    assert x.item(0, 1).text() == "0" and lab.result().x[1] == 0.0
    w.item(1, 2).setText("1e6")
    assert lab.result().W[1, 2] == 100.0 and "clamped" in find_child(lab, "simplenetMessage").text()


def test_changing_t_and_delta(lab):
    find_child(lab, "simplenetTargetCombo", QComboBox).setCurrentIndex(0)
    r = lab.result()
    assert r.t.tolist() == [1.0, 0.0, 0.0] and r.dW[0, 0] < 0  # now w11 should grow
    assert "y<sub>1</sub>" in find_child(lab, "simplenetLossLabel").text()
    find_child(lab, "simplenetBookButton", QAbstractButton).click()
    find_child(lab, "simplenetDeltaCheck", QAbstractButton).setChecked(True)
    assert lab.result().delta == 1e-7
    assert "0.92806829" in find_child(lab, "simplenetLossLabel").text()
    find_child(lab, "simplenetBookButton", QAbstractButton).click()
    assert lab.result().delta == 0.0 and cells(find_child(lab, "simplenetGradTable", QTableWidget)) == BOOK_DW


def test_steps_lower_the_loss_and_random_w(lab):
    losses = [lab.result().loss]
    for _ in range(3):
        find_child(lab, "simplenetStepButton", QAbstractButton).click()
        losses.append(lab.result().loss)
    assert losses == sorted(losses, reverse=True) and losses[-1] < losses[0] - 0.3
    find_child(lab, "simplenetRandomButton", QAbstractButton).click()
    W = lab.result().W
    assert np.all((W >= 0) & (W < 1)) and not np.allclose(W, 0.5)


def test_in_the_window_with_unique_prefixed_names(qtbot):
    configure_pyqtgraph()
    window = MainWindow(TrainingSession(Config()))  # (closed and deleted here, before the next test)
    try:
        lab = window.open_lab("simplenet")
        assert isinstance(lab, SimpleNetLab) and window.tabs.currentWidget() is lab
        named = [w for w in lab.findChildren(QWidget) if w.objectName() and not w.objectName().startswith("qt_")]
        controls = [w for w in named if isinstance(w, QAbstractButton | QAbstractSpinBox | QComboBox | QTableWidget)]
        assert len(controls) >= 8
        for w in controls:
            assert w.objectName().startswith("simplenet"), w.objectName()
            assert w.accessibleName() and w.toolTip(), w.objectName()
        everything = [w.objectName() for w in window.findChildren(QWidget) if w.objectName().startswith("simplenet")]
        assert len(everything) == len(set(everything))
        save_screenshot(qtbot, window, Path("/tmp/nnplay_labs/simplenet.png"), (1400, 860))
    finally:
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
