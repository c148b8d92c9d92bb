"""Helpers shared by the GUI tests."""

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget


def find_child(parent, name, cls=QWidget):
    """The child called ``name`` (failing the test if there is none)."""
    w = parent.findChild(cls, name)
    assert w is not None, name
    return w


def save_screenshot(qtbot, widget, path, size):
    """Show ``widget`` at ``size``, save what it draws to ``path`` (a PNG for a person to look at)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    settle(widget)
    assert widget.grab().save(str(path))
    assert path.stat().st_size > 10_000


class EventRecorder(QObject):
    """Records ``(event type name, object name)`` of the given event types, application-wide, while installed
    (``with EventRecorder(...) as rec``)."""

    def __init__(self, *types):
        super().__init__()
        self.types = set(types)
        self.events = []

    def eventFilter(self, obj, event):
        if event.type() in self.types:
            self.events.append((event.type().name, obj.objectName() or type(obj).__name__))
        return False

    def __enter__(self):
        QApplication.instance().installEventFilter(self)
        return self

    def __exit__(self, *exc):
        QApplication.instance().removeEventFilter(self)


def flush(widget, rounds=3):
    """Deliver what is pending for ``widget``: posted events (layout requests), then a paint (which may post
    more), ``rounds`` times. Counts rounds, not milliseconds, so a loaded machine gives the same result."""
    app = QApplication.instance()
    for _ in range(rounds):
        app.sendPostedEvents()
        app.processEvents()
        widget.repaint()
        app.processEvents()


def settle(widget, quiet_rounds=3, max_rounds=200):
    """Process events until ``widget`` stops laying itself out: ``quiet_rounds`` rounds of ``flush`` in a row
    in which no layout request or resize reached any widget. A new window goes on laying itself out for a
    while after it is first exposed (a few rounds; ~150 ms here, longer on a loaded machine), so a test that
    counts layouts waits for this first, by rounds rather than by time."""
    quiet = 0
    with EventRecorder(QEvent.Type.LayoutRequest, QEvent.Type.Resize) as rec:
        for _ in range(max_rounds):
            rec.events.clear()
            flush(widget, rounds=1)
            quiet = 0 if rec.events else quiet + 1
            if quiet >= quiet_rounds:
                return
    raise AssertionError(f"{widget.objectName()} kept laying itself out: {rec.events[:10]}")


class FakeTime:
    """A time source for ``Clock``/``TrainingSession`` (``now=``) that moves only when a test says so, so that
    pacing can be tested tick by tick with the same result on any machine. ``per_call`` seconds pass at each
    reading (0: time stands still between ``advance`` calls)."""

    def __init__(self, start=1000.0, per_call=0.0):
        self.t = float(start)
        self.per_call = per_call

    def __call__(self):
        self.t += self.per_call
        return self.t

    def advance(self, seconds):
        self.t += seconds
