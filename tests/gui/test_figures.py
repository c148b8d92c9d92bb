"""Figures for slides (issue 9, part 2): the same menu on every plot, PNG at 2× with title and legend, valid SVG
with drawn paths, Copy image with Ctrl+C on the focused plot, file names after the plot and the step."""

import xml.etree.ElementTree as ET

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QMenu
from qt_helpers import find_child, settle

from nnplay.core.config import Config
from nnplay.gui import export
from nnplay.gui.main_window import LABS, MainWindow
from nnplay.gui.session import TrainingSession
from nnplay.gui.style import configure_pyqtgraph

ACTIONS = ("saveImageAction", "saveSvgAction", "copyImageAction")
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def window(qtbot):
    configure_pyqtgraph()
    w = MainWindow(TrainingSession(Config()))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.resize(1400, 900)
    for _ in range(30):
        w.session.step()
    settle(w)
    yield w
    w.session.pause()


def plot(window, name):
    return find_child(window, name, pg.PlotWidget)


def test_every_plot_and_view_has_the_figure_menu_with_every_lab_open(window):
    for module, _cls, _text in LABS:
        window.open_lab(module)
    plots = window.findChildren(pg.PlotWidget)
    assert len(plots) >= 20
    for p in plots:
        names = [a.objectName() for a in p.findChildren(QAction)]
        for name in ACTIONS:
            assert names.count(name) == 1, (p.objectName(), name)
            assert p.findChild(QAction, name).parent() is p
        # pyqtgraph's own menus (with the SVG export that fails) are off
        assert not p.getPlotItem().getViewBox().menuEnabled(), p.objectName()
        assert p.scene().contextMenu == []


def test_a_right_click_opens_the_menu(window, qtbot):
    p = plot(window, "gradientBars")
    menu = export.menu_of(p).menu
    centre = p.viewport().rect().center()
    qtbot.mousePress(p.viewport(), Qt.MouseButton.RightButton, pos=centre)
    qtbot.mouseRelease(p.viewport(), Qt.MouseButton.RightButton, pos=centre)
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    assert [a.objectName() for a in menu.actions()][:3] == list(ACTIONS)
    menu.close()
    # A right-button drag (pyqtgraph zooms with it) opens no menu.
    qtbot.mousePress(p.viewport(), Qt.MouseButton.RightButton, pos=centre)
    qtbot.mouseRelease(p.viewport(), Qt.MouseButton.RightButton, pos=centre + QPoint(40, 0))
    assert not menu.isVisible()


def test_file_names_are_the_plot_and_the_step(window):
    step = window.session.trainer.step_count
    assert export.default_name(plot(window, "gradientPlot"), "png") == f"gradients-step{step}.png"
    assert export.default_name(plot(window, "lossPlot"), "svg") == f"loss-step{step}.svg"
    lab = window.open_lab("softmax_loss")
    assert export.default_name(find_child(lab, "softmaxPlot", pg.PlotWidget), "png") == "softmax-stable.png"
    descent = window.open_lab("descent")
    descent.run_all()
    surface = find_child(descent, "descentSurfacePlot", pg.PlotWidget)
    assert export.default_name(surface, "png") == f"descent-surface-step{descent.figure_step()}.png"


def test_save_image_is_a_png_at_twice_the_resolution_with_title_and_legend(window, tmp_path, monkeypatch):
    p = plot(window, "gradientPlot")
    asked = []

    def fake_dialog(parent, caption, start, filters):
        asked.append(start)
        return str(tmp_path / "figure"), filters  # (no suffix: it is added)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    find_child(p, "saveImageAction", QAction).trigger()
    assert asked and asked[0].endswith(f"gradients-step{window.session.trainer.step_count}.png")
    saved = tmp_path / "figure.png"
    image = QImage(str(saved))
    assert not image.isNull()
    figure = export.Figure(p)
    assert (image.width(), image.height()) == (2 * figure.width, 2 * figure.height)
    assert figure.title.startswith("Gradient of every layer")
    assert "layer 1" in figure.legend_html  # the panel's legend row is part of the figure
    # The plot is drawn: some pixels of the title's black text and of layer 1's line colour (dark violet).
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert len(colours) > 50


def test_save_as_svg_is_valid_svg_with_drawn_paths_and_the_title(window, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "g.svg"), ""))
    for name in ("gradientPlot", "boundaryPlot", "networkView", "lossPlot"):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, n=name: (str(tmp_path / f"{n}.svg"), ""))
        find_child(plot(window, name), "saveSvgAction", QAction).trigger()
        root = ET.parse(tmp_path / f"{name}.svg").getroot()  # raises if it is not XML
        assert root.tag == f"{SVG}svg"
        shapes = (f"{SVG}path", f"{SVG}polyline")
        drawn = [e for e in root.iter() if e.tag in shapes and (e.get("d") or e.get("points"))]
        assert len(drawn) > 10, name
        texts = " ".join("".join(e.itertext()) for e in root.iter(f"{SVG}text"))
        assert "step" in texts or name in ("boundaryPlot", "networkView"), name
    root = ET.parse(tmp_path / "boundaryPlot.svg").getroot()
    # the data points are vector markers, not pictures of them
    assert len([e for e in root.iter(f"{SVG}path")]) > 300


def test_ctrl_c_on_the_focused_plot_copies_its_figure(window, qtbot):
    QGuiApplication.clipboard().clear()
    p = plot(window, "networkView")
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)
    p.setFocus()
    qtbot.waitUntil(p.hasFocus, timeout=2000)
    qtbot.keyClick(p, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    image = QGuiApplication.clipboard().image()
    figure = export.Figure(p)
    assert (image.width(), image.height()) == (2 * figure.width, 2 * figure.height)
    # Ctrl+C in a text field still copies text, not a plot.
    edit = find_child(window, "hiddenLayersEdit")
    QGuiApplication.clipboard().clear()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().image().isNull()
    assert QGuiApplication.clipboard().text() == edit.text()


def test_a_lab_plot_made_directly_exports_too(window, tmp_path):
    lab = window.open_lab("compare")
    lab.step(5)
    p = find_child(lab, "compareLossPlot", pg.PlotWidget)
    path = export.menu_of(p).save_svg(str(tmp_path / "c.svg"))
    root = ET.parse(path).getroot()
    assert any(e.tag == f"{SVG}polyline" for e in root.iter())
    png = export.menu_of(p).save_image(str(tmp_path / "c.png"))
    assert QImage(png).width() == 2 * export.Figure(p).width


def test_a_file_that_cannot_be_written_is_said(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    assert export.menu_of(plot(window, "lossPlot")).save_image(str(tmp_path / "no" / "such" / "dir.png")) is None
    assert said and "dir.png" in said[0]


def test_the_menu_lists_show_all_only_for_plots_that_zoom(window):
    loss = export.menu_of(plot(window, "lossPlot"))
    bars = export.menu_of(plot(window, "gradientBars"))
    for m in (loss, bars):
        m.popup(m.plot.mapToGlobal(m.plot.rect().center()))
        m.menu.close()
    assert loss.showAllAction.isVisible() and not bars.showAllAction.isVisible()
    assert isinstance(loss.menu, QMenu)
