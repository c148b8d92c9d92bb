"""Soak: play with every panel visible for thousands of redraws.

PySide6 6.12.0 on CPython < 3.12 loses a reference to None on every Qt call that returns nothing; a
setData + repaint loop then dies with 'Fatal Python error: none_dealloc' after a few thousand frames, while
short tests pass. This test is what would catch that binding (or a leak of our own) again.
"""

import sys

from nnplay.core.config import Config
from nnplay.gui.main_window import MainWindow
from nnplay.gui.session import TrainingSession
from nnplay.gui.style import configure_pyqtgraph

REDRAWS = 5000


def test_soak_5000_redraws_with_all_panels(qtbot):
    configure_pyqtgraph()
    window = MainWindow(TrainingSession(Config(hidden=(6, 6))))
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    for panel in window.panels:
        assert panel.isVisible()
    session = window.session
    window.set_speed(0)  # full speed: no wait between ticks (at the default 50 steps/s this took 100 s)
    session.clock.frame_budget = 0.0005  # train briefly, redraw often: many frames per second
    none_refs = sys.getrefcount(None)
    start = window.redraw_count
    session.play()
    qtbot.waitUntil(lambda: window.redraw_count - start >= REDRAWS, timeout=300_000)
    session.pause()
    assert window.redraw_count - start >= REDRAWS
    assert session.trainer.step_count >= REDRAWS
    assert session.trainer.diverged is None
    # The binding bug shows as None's refcount falling by one per call; ours must not drift down.
    assert sys.getrefcount(None) >= none_refs - 1000
    window.close()
