"""Small reusable widgets."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
    QValidator,
)
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFrame, QScrollArea, QSizePolicy, QWidget

from nnplay.core.messages import CONTEXT, MessageError, Text


class LogSpinBox(QDoubleSpinBox):
    """A spin box for positive values spanning decades (learning rates): the arrows step along
    1, 2, 5, 10, 20, … and the text accepts scientific notation such as ``1e-3``."""

    MANTISSAS = (1.0, 2.0, 5.0)

    def __init__(self, minimum=1e-5, maximum=10.0, parent=None):
        super().__init__(parent)
        self.setDecimals(10)
        self.setRange(minimum, maximum)
        self.setKeyboardTracking(False)

    def textFromValue(self, value):
        return f"{value:g}"

    def valueFromText(self, text):
        try:
            return float(text.strip().replace(",", "."))
        except ValueError:
            return self.value()

    def validate(self, text, pos):
        t = text.strip().replace(",", ".")
        if t in ("", ".", "-", "e", "1e", "1e-") or t.endswith(("e", "e-", "e+")):
            return QValidator.State.Intermediate, text, pos
        try:
            v = float(t)
        except ValueError:
            return QValidator.State.Invalid, text, pos
        if not math.isfinite(v):
            return QValidator.State.Invalid, text, pos
        if self.minimum() <= v <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def fixup(self, text):
        try:
            v = float(text.strip().replace(",", "."))
        except ValueError:
            return self.textFromValue(self.value())
        return self.textFromValue(min(max(v, self.minimum()), self.maximum()))

    def _ladder(self):
        lo, hi = self.minimum(), self.maximum()
        values = []
        for e in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1):
            values += [m * 10.0**e for m in self.MANTISSAS]
        return [v for v in values if lo * (1 - 1e-9) <= v <= hi * (1 + 1e-9)]

    def stepBy(self, steps):
        ladder = self._ladder()
        v = self.value()
        if steps > 0:
            above = [x for x in ladder if x > v * (1 + 1e-9)]
            idx = min(steps - 1, len(above) - 1)
            target = above[idx] if above else self.maximum()
        else:
            below = [x for x in ladder if x < v * (1 - 1e-9)]
            idx = max(len(below) + steps, 0)
            target = below[idx] if below else self.minimum()
        self.setValue(target)

    def stepEnabled(self):
        flags = QDoubleSpinBox.StepEnabledFlag.StepNone
        if self.value() < self.maximum():
            flags |= QDoubleSpinBox.StepEnabledFlag.StepUpEnabled
        if self.value() > self.minimum():
            flags |= QDoubleSpinBox.StepEnabledFlag.StepDownEnabled
        return flags


def named(widget, name, accessible, tip):
    """Give ``widget`` a stable objectName (for UI tests), an accessibleName and a tooltip; return it."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    widget.setToolTip(tip)
    return widget


def scrolling(widget, name):
    """``widget`` in a frameless area that scrolls up and down: on a small screen (or a large zoom) a column of
    controls and text scrolls instead of squeezing its wrapped labels or making the window taller."""
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setMinimumWidth(widget.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width())
    return area


def core_text(value):
    """A message from ``nnplay.core`` (a ``Text``, or an error that carries one) in the window's language.

    Core keeps its messages' templates (see ``nnplay.core.messages``); they are looked up in the "core"
    context of the translation catalogue and filled in with the same values, themselves translated when they
    are ``Text`` too. A translation whose placeholders do not fit falls back to the English. Anything else is
    shown as ``str(value)``.
    """
    if isinstance(value, MessageError):
        value = value.text
    if not isinstance(value, Text):
        return str(value)
    template = QCoreApplication.translate(CONTEXT, value.template)
    if not value.params:
        return template
    params = {key: core_text(v) for key, v in value.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return str(value)


def arg(text, *values):
    """Fill Qt-style placeholders %1, %2, … of a translated string (PySide6's ``tr`` returns a plain ``str``,
    which has no ``.arg``). Translators keep the placeholders and may reorder them."""
    for i in range(len(values), 0, -1):  # %10 before %1
        text = text.replace(f"%{i}", str(values[i - 1]))
    return text


class ShrinkableCombo(QComboBox):
    """A combo box as wide as its longest item when there is room, and narrower (its text elided, the open list
    still whole) when the window is small: its minimum is ``min_chars`` characters, not its longest item."""

    def __init__(self, min_chars=8, parent=None):
        super().__init__(parent)
        self._min_chars = min_chars

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        narrow = self.fontMetrics().horizontalAdvance("x" * self._min_chars) + 36  # (+ the arrow and frame)
        return QSize(min(hint.width(), narrow), hint.height())

    def showPopup(self):
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 24)  # (the list shows every item whole)
        super().showPopup()


class LiveLabel(QWidget):
    """A label for text that changes on every frame (the status line, the latest loss, the gradient ratio).

    ``QLabel.setText`` always calls ``updateGeometry()``, and every ``QLayout.activate()`` calls
    ``updateGeometry()`` on its own widget in turn, so one changed label re-lays out each ancestor up to the
    window, and ``QTabWidget`` repaints its whole page on every layout request: the controls, the captions and
    all panel frames were repainted on every frame (about 6 ms of a 40 ms frame). This label keeps its size
    when its text changes and repaints only itself.

    Its height is ``lines`` lines. Plain one-line text is elided ("…") when it does not fit; wrapped text that
    needs more room grows the label once (it never shrinks while the text changes, so the plots below do not
    jump; only a new width fits it again). The tooltip holds the whole text when ``tooltip_text`` is on; the
    text is also the accessible description (the accessible name says what the label is).
    """

    def __init__(self, lines=1, rich=False, color=None, hint_text="", tooltip_text=True, parent=None):
        super().__init__(parent)
        self._text = ""
        self._lines = max(1, int(lines))
        self._needed = 0  # pixels the wrapped text needed at its tallest (since the last change of width)
        self._rich = rich
        self._hint_text = hint_text
        self._tooltip_text = tooltip_text
        self._color = QColor(color) if color else None
        self._doc = QTextDocument(self)
        self._doc.setDocumentMargin(0)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._doc.setDefaultTextOption(option)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    # -- QLabel-like API --------------------------------------------------------------------------------
    def text(self):
        return self._text

    def setText(self, text):
        text = str(text)
        if text == self._text:
            return
        self._text = text
        if self._multiline:
            self._set_document()
            self._fit()
        plain = self._plain()
        self.setAccessibleDescription(plain)
        if self._tooltip_text:
            self.setToolTip(plain)
        self.update()

    # -- size ---------------------------------------------------------------------------------------------
    @property
    def _multiline(self):
        return self._rich or self._lines > 1

    def _text_width(self):
        return max(1, self.contentsRect().width())

    def sizeHint(self):
        m = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._hint_text) + 4 if self._hint_text else 160
        return QSize(width + m.left() + m.right(), self._text_height() + max(4, m.top() + m.bottom()))

    def minimumSizeHint(self):
        return QSize(0, self.sizeHint().height())

    def _text_height(self):
        """Pixels kept for the text: ``lines`` lines, or what the wrapped text needed when it was taller."""
        return max(self._lines * self.fontMetrics().lineSpacing(), self._needed)

    def _set_document(self):
        if self._doc.defaultFont() != self.font():
            self._doc.setDefaultFont(self.font())
        if self._rich:
            self._doc.setHtml(self._text)
        else:
            self._doc.setPlainText(self._text)
        self._doc.setTextWidth(self._text_width())

    def _fit(self, shrink=False):
        """Keep room for the whole wrapped text: grow when it needs more, shrink only when asked (a new
        width); either way a new height is a new layout, once, not on every frame."""
        if self.width() <= 1:
            return
        needed = math.ceil(self._doc.size().height())
        if needed > self._needed or (shrink and needed != self._needed):
            before = self._text_height()
            self._needed = needed
            if self._text_height() != before:
                self.updateGeometry()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self._multiline and event.oldSize().width() != event.size().width():
            self._doc.setTextWidth(self._text_width())
            self._fit(shrink=True)

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            if self._multiline:
                self._set_document()
            self.updateGeometry()

    # -- drawing ------------------------------------------------------------------------------------------
    def _plain(self):
        if not self._rich:
            return self._text
        return self._doc.toPlainText()

    def displayed_text(self):
        """The one-line text as drawn: elided ("…") to the label's width."""
        return self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def paintEvent(self, _event):
        painter = QPainter(self)
        color = self._color or self.palette().color(QPalette.ColorRole.WindowText)
        rect = self.contentsRect()
        if not self._multiline:
            painter.setPen(color)
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(rect, int(align), self.displayed_text())
            return
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, color)
        ctx.clip = QRectF(rect)
        painter.setClipRect(rect)
        painter.translate(rect.topLeft())
        self._doc.documentLayout().draw(painter, ctx)
