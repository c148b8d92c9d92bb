"""The training view and every lab at the sizes of a lecture (issue 9, part 1): 1280×720 and 1024×640 at zoom
100 %, 1920×1080 at 150 %. No minimum size above the window, no label cut off or elided, no plot wider than its
widget, no axis label or title longer than its room.

Set NNPLAY_SCREENSHOTS to a folder to keep a screenshot of every view at every size, for a person to look at.
"""

import os
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QTabBar, QWidget
from qt_helpers import settle

from nnplay.core.config import Config
from nnplay.gui.app import install_translator
from nnplay.gui.main_window import LABS, MainWindow
from nnplay.gui.session import TrainingSession
from nnplay.gui.style import configure_pyqtgraph
from nnplay.gui.widgets import LiveLabel

SIZES = [(1280, 720, 1.0, "en"), (1024, 640, 1.0, "en"), (1920, 1080, 1.5, "en"), (1024, 640, 1.0, "ja")]
"""Width, height, zoom and language (Japanese text is taller, and its words wrap differently)."""


def shown_in(window, widget):
    return widget.isVisibleTo(window) and widget.isVisible() and widget.width() > 0


def problems(window):
    """Everything cut off in what the window shows now."""
    out = []
    for w in window.findChildren(QWidget):
        if not shown_in(window, w) or w.objectName().startswith("qt_") or isinstance(w.parentWidget(), QTabBar):
            continue  # (Qt's own parts, and the tab bar's arrows, which it sizes itself)
        name = w.objectName() or type(w).__name__
        if isinstance(w, LiveLabel):
            if w.text() and not w._multiline and w.displayed_text() != w.text():
                out.append(f"{name}: elided to {w.displayed_text()!r}")
        elif isinstance(w, QLabel) and w.text():
            if w.wordWrap():
                if w.height() + 1 < w.heightForWidth(w.width()):
                    out.append(f"{name} {w.text()[:30]!r}: {w.height()} px high, needs {w.heightForWidth(w.width())}")
            else:
                hint = w.minimumSizeHint()
                if w.width() + 1 < hint.width() or w.height() + 1 < hint.height():
                    out.append(f"{name} {w.text()[:30]!r}: {w.size().toTuple()} < {hint.toTuple()}")
        elif isinstance(w, QAbstractButton | QComboBox):
            hint = w.minimumSizeHint()
            if w.width() + 1 < hint.width() or w.height() + 1 < hint.height():
                out.append(f"{name}: {w.size().toTuple()} < {hint.toTuple()}")
        if isinstance(w, pg.PlotWidget):
            out += plot_problems(w)
    return out


def plot_problems(plot):
    out = []
    name = plot.objectName()
    item = plot.getPlotItem()
    view = plot.viewport().width()
    if item.width() > view + 1:
        out.append(f"{name}: the plot is {item.width():.0f} px wide in a view of {view}")
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        if axis.isVisible() and axis.label.isVisible() and axis.labelText:
            length = axis.geometry().height() if side == "left" else axis.geometry().width()
            if axis.label.boundingRect().width() > length + 1:
                out.append(f"{name}: the {side} label {axis.labelText!r} is longer than its axis ({length:.0f} px)")
    title = item.titleLabel
    if title.isVisible() and title.text and title.width() > item.vb.width() + 1:
        out.append(f"{name}: the title {title.text!r} is wider than the plot")
    return out


@pytest.fixture
def language(request, qapp):
    translator = install_translator(qapp, request.param) if request.param != "en" else None
    yield request.param
    if translator is not None:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize(
    ("width", "height", "zoom", "language"),
    SIZES,
    ids=[f"{w}x{h}-{round(100 * z)}%-{lang}" for w, h, z, lang in SIZES],
    indirect=["language"],
)
def test_every_view_fits_the_screen(qtbot, width, height, zoom, language):
    configure_pyqtgraph()
    w = MainWindow(TrainingSession(Config()))
    qtbot.addWidget(w)
    w.zoom.set_factor(zoom)
    w.show()
    qtbot.waitExposed(w)
    for _ in range(50):
        w.session.step()
    for module, _cls, _text in LABS:
        w.open_lab(module)
    folder = os.environ.get("NNPLAY_SCREENSHOTS")
    found = {}
    try:
        for index in range(w.tabs.count()):
            w.tabs.setCurrentIndex(index)
            view = w.tabs.widget(index).objectName()
            settle(w)
            need = w.minimumSizeHint()
            assert need.width() <= width and need.height() <= height, (view, need.toTuple())
            w.resize(width, height)
            settle(w)
            assert w.size().toTuple() == (width, height), view
            w.grab()  # (a paint: plots fit their text to their size just before they paint)
            settle(w)
            if folder:
                path = Path(folder) / f"{width}x{height}-{round(100 * zoom)}-{language}-{index}-{view}.png"
                path.parent.mkdir(parents=True, exist_ok=True)
                w.grab().save(str(path))
            found[view] = problems(w)
    finally:
        w.session.pause()
    bad = [f"{view}: {p}" for view, ps in found.items() for p in ps]
    assert not bad, "\n".join(bad)


def test_a_label_is_shortened_only_by_its_remark_in_brackets_and_a_title_breaks_at_a_separator():
    from nnplay.gui.panels._common import _label_candidates, _title_candidates

    assert _label_candidates("loss L (log scale)") == ["loss L (log scale)", "loss L"]
    assert _label_candidates("h(x), h′(x)") == ["h(x), h′(x)"]  # ("h(x), h′" would say something else)
    assert _title_candidates("every checked entry: numerical vs backprop") == [
        "every checked entry: numerical vs backprop",
        "every checked entry:<br>numerical vs backprop",
    ]
