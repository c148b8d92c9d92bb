"""Small widgets: the label for numbers that change every frame, the learning-rate spin box, ``arg``."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QVBoxLayout, QWidget

from nnplay.gui.widgets import LiveLabel, LogSpinBox, arg


class LayoutRequests(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def holder(qtbot, label, width):
    outer = QWidget()
    lay = QVBoxLayout(outer)
    lay.addWidget(label)
    lay.addStretch(1)
    qtbot.addWidget(outer)
    outer.resize(width, 200)
    outer.show()
    qtbot.waitExposed(outer)
    return outer


def test_live_label_changes_text_without_asking_for_a_layout(qtbot):
    label = LiveLabel()
    outer = holder(qtbot, label, 300)
    qtbot.wait(20)  # (the layout requests of showing it)
    requests = LayoutRequests()
    outer.installEventFilter(requests)
    for i in range(20):
        label.setText(f"step {i * 997} · loss {1 / (i + 1):.4g}")
        qtbot.wait(1)
    assert requests.count == 0
    assert label.text() == "step 18943 · loss 0.05"
    assert label.toolTip() == label.text() == label.accessibleDescription()


def test_live_label_one_line_is_elided_not_wrapped(qtbot):
    label = LiveLabel()
    outer = holder(qtbot, label, 120)  # noqa: F841 (keeps it alive)
    height = label.height()
    label.setText("a long sentence that cannot possibly fit into one hundred and twenty pixels")
    qtbot.wait(10)
    assert label.height() == height == label.sizeHint().height()
    shown = label.displayed_text()
    assert shown.endswith("…") and label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    label.setText("short")
    assert label.displayed_text() == "short"


def test_live_label_keeps_room_for_exactly_the_wrapped_text_inside_its_margins(qtbot):
    label = LiveLabel(lines=2, rich=True)
    font = label.font()
    font.setPointSizeF(10.5)
    label.setFont(font)
    label.setContentsMargins(4, 2, 4, 2)
    outer = holder(qtbot, label, 330)  # noqa: F841 (keeps it alive)
    text = "‖∂L/∂W<sub>1</sub>‖ / ‖∂L/∂W<sub>9</sub>‖ = <b>1/3,400</b>: layer 1 gets 1/3,400 of the last layer's"
    label.setText(text)
    qtbot.wait(20)
    reference = QTextDocument()
    reference.setDocumentMargin(0)
    reference.setDefaultFont(font)
    reference.setHtml(text)
    reference.setTextWidth(label.contentsRect().width())
    needed = reference.size().height()
    assert needed > 1.5 * label.fontMetrics().lineSpacing()  # it wraps
    assert needed <= label.contentsRect().height() < needed + label.fontMetrics().lineSpacing() / 2  # no blank line
    assert label._doc.textWidth() == label.contentsRect().width()  # wrapped inside the margins, where it is drawn


def test_live_label_grows_for_wrapped_text_and_keeps_its_height_while_text_changes(qtbot):
    label = LiveLabel(lines=2, rich=True)
    outer = holder(qtbot, label, 160)  # noqa: F841 (keeps it alive)
    two_lines = label.height()
    long = "<b>ratio</b> = 1/3,400: layer 1 gets 1/3,400 of the last layer's gradient — vanishing"
    label.setText(long)
    qtbot.waitUntil(lambda: label.height() > two_lines, timeout=2000)
    taller = label.height()
    label.setText("<b>ratio</b> = 1")  # short again: the label keeps its height, the plots do not jump
    qtbot.wait(20)
    assert label.height() == taller
    assert label.text() == "<b>ratio</b> = 1" and label.accessibleDescription() == "ratio = 1"


def test_log_spin_box_steps_along_1_2_5_and_reads_scientific_notation(qtbot):
    spin = LogSpinBox(1e-5, 10.0)
    qtbot.addWidget(spin)
    spin.setValue(0.01)
    spin.stepBy(1)
    assert spin.value() == 0.02
    spin.stepBy(2)
    assert spin.value() == 0.1
    spin.stepBy(-3)
    assert spin.value() == 0.01
    assert spin.valueFromText("3e-4") == 3e-4


def test_arg_fills_numbered_placeholders_in_any_order():
    assert arg("%2 of %1", "a", "b") == "b of a"
    assert arg("%1 and %10", *"abcdefghij") == "a and j"
