"""Small reusable widgets."""

from __future__ import annotations

import math

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox


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


def arg(text, *values):
    """Fill Qt-style placeholders %1, %2, … of a translated string (PySide6's ``tr`` returns a plain ``str``,
    which has no ``.arg``). Translators keep the placeholders and may reorder them."""
    for i in range(len(values), 0, -1):  # %10 before %1
        text = text.replace(f"%{i}", str(values[i - 1]))
    return text
