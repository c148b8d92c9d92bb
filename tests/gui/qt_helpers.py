"""Helpers shared by the GUI tests."""

from pathlib import Path

from PySide6.QtWidgets import QWidget


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
    assert widget.grab().save(str(path))
    assert path.stat().st_size > 10_000
