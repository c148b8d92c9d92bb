"""Projector and small screens (issue 9, part 1): full screen, zoom that scales widget fonts, plot text, legends,
tick labels, lines and markers together and is remembered, and the collapsible controls column."""

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QPen
from PySide6.QtWidgets import QWidget
from qt_helpers import find_child, settle

from nnplay.core.config import Config
from nnplay.gui.main_window import MainWindow
from nnplay.gui.panels._common import AXIS_FONT_PT
from nnplay.gui.session import TrainingSession
from nnplay.gui.style import configure_pyqtgraph


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "nnplay.ini"), QSettings.Format.IniFormat)


def make_window(qtbot, settings=None, config=None):
    configure_pyqtgraph()
    w = MainWindow(TrainingSession(config or Config()), settings=settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def action(window, name):
    return find_child(window, name, QAction)


def pt(size):
    return float(size[:-2])


def plot_state(window):
    """What the zoom scales, measured where it is drawn."""
    loss = find_child(window, "lossPlot", pg.PlotWidget).getPlotItem()
    grad = window.gradientPanel
    return {
        "tick": loss.getAxis("left").style["tickFont"].pointSizeF(),
        "axis label": pt(loss.getAxis("left").labelStyle["font-size"]),
        "line": grad.curves[0].opts["pen"].widthF(),
        "marker": window.boundaryPanel.trainPoints.opts["size"],
        "text in plot": window.networkPanel._labels[0].textItem.font().pointSizeF(),
        "widget font": window.playButton.font().pointSizeF(),
        "legend row": window.lossPanel.legendLabel.font().pointSizeF(),
        "own font": window.gradientPanel.ratioLabel.font().pointSizeF(),
        "plot min height": find_child(window, "gradientPlot").minimumHeight(),
    }


def test_zoom_scales_fonts_lines_and_markers_together_and_back(qtbot, settings):
    w = make_window(qtbot, settings)
    w.session.step()
    settle(w)
    before = plot_state(w)
    assert before["tick"] == AXIS_FONT_PT
    for _ in range(4):  # 100 → 110 → 125 → 150 → 175 %
        action(w, "zoomInAction").trigger()
    assert w.zoom.factor == 1.75
    action(w, "zoomOutAction").trigger()
    assert w.zoom.factor == 1.5
    w.grab()  # (a paint: items a panel set anew are scaled just before the plot paints)
    after = plot_state(w)
    for key, value in before.items():
        assert after[key] == pytest.approx(1.5 * value, rel=0.02, abs=0.6), key
    action(w, "zoomResetAction").trigger()
    w.grab()
    assert plot_state(w) == pytest.approx(before)


def test_items_a_panel_makes_after_the_zoom_are_scaled_too(qtbot):
    w = make_window(qtbot)
    w.zoom.set_factor(2.0)
    # A deeper network: the gradient panel makes new lines, the network view new labels and neuron sizes.
    w.apply_config(w.session.config.replace(hidden=(8, 8, 8, 8)))
    w.session.step()
    w.grab()
    line = w.gradientPanel.curves[0].opts["pen"]
    assert isinstance(line, QPen) and line.widthF() == pytest.approx(2.0 * 2.0)  # LINE_WIDTH at 200 %
    label = w.networkPanel._labels[0].textItem.font().pointSizeF()
    assert label == pytest.approx(2 * 9)
    # the network view's connection bundles (its own item type) are scaled as well
    widths = [b.pen().widthF() for b in w.networkPanel.edgeBuckets]
    from nnplay.gui.panels.network import WIDTHS

    assert max(widths) == pytest.approx(2 * max(WIDTHS))


def test_a_lab_opened_after_zooming_is_zoomed(qtbot):
    w = make_window(qtbot)
    w.zoom.set_factor(1.5)
    lab = w.open_lab("activations")
    w.grab()
    chain = find_child(lab, "chainPlot", pg.PlotWidget).getPlotItem()
    assert chain.legend.opts["labelTextSize"] == "13.5pt"
    label = next(iter(chain.legend.items))[1]
    assert label.opts["size"] == "13.5pt"
    tick = chain.getAxis("bottom").style["tickFont"]
    assert tick.pointSizeF() == pytest.approx(1.5 * w.zoom.base_point_size)


def test_the_zoom_is_remembered(qtbot, settings):
    w = make_window(qtbot, settings)
    w.zoom.set_factor(1.25)
    assert settings.value("zoom", type=float) == 1.25
    w.close()
    again = make_window(qtbot, settings)
    assert again.zoom.factor == 1.25
    assert again.playButton.font().pointSizeF() == pytest.approx(1.25 * again.zoom.base_point_size)


def test_full_screen_and_back(qtbot):
    w = make_window(qtbot)
    full = action(w, "fullScreenAction")
    assert full.isCheckable() and full.shortcut().toString() == "F11"
    full.trigger()
    qtbot.waitUntil(w.isFullScreen, timeout=2000)
    assert full.isChecked()
    full.trigger()
    qtbot.waitUntil(lambda: not w.isFullScreen(), timeout=2000)
    assert not full.isChecked()
    full.trigger()
    qtbot.waitUntil(w.isFullScreen, timeout=2000)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    qtbot.keyClick(w, Qt.Key.Key_Escape)  # (what a teacher tries first)
    qtbot.waitUntil(lambda: not w.isFullScreen(), timeout=2000)
    assert not full.isChecked()


def test_the_controls_column_collapses_and_hides_for_labs_that_ignore_it(qtbot, settings):
    w = make_window(qtbot, settings)
    toggle = action(w, "toggleControlsAction")
    column = find_child(w, "controlsScroll", QWidget)
    assert column.isVisible() and toggle.isChecked() and toggle.shortcut().toString() == "Ctrl+B"
    toggle.trigger()
    assert not column.isVisible() and not toggle.isChecked()
    assert settings.value("controlsVisible", type=bool) is False
    toggle.trigger()
    assert column.isVisible()
    # The descent lab does not use the controls: hidden while it is in front, and the toggle is off.
    w.open_lab("descent")
    assert not column.isVisible() and not toggle.isEnabled()
    # The gradient check checks the main window's network: the controls stay.
    w.open_lab("gradcheck")
    assert column.isVisible() and toggle.isEnabled()
    w.tabs.setCurrentIndex(0)
    assert column.isVisible()
    # Hidden by hand stays hidden after a restart.
    toggle.trigger()
    w.close()
    again = make_window(qtbot, settings)
    assert not find_child(again, "controlsScroll", QWidget).isVisible()
