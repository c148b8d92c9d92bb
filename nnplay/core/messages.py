"""Text that core shows to people: English, with its template kept so that the window can translate it.

``nnplay.core`` never imports Qt, yet its messages (why a CSV file cannot be read, why training stopped) are
shown in the window, in Japanese too. So a message is a ``Text``: a template marked with
``QT_TRANSLATE_NOOP("core", ...)`` and the values to put into it. ``str()`` gives the English sentence (the
command line prints that); the window looks the template up in its translation catalogue and fills in the
same values (``nnplay.gui.widgets.core_text``). ``pyside6-lupdate`` finds the templates by the marker's name;
the function here is a plain Python stand-in for Qt's.

Values are put in with ``str.format`` and named placeholders only (``{path}``, never ``{0}`` or format
specs), so a translation can move them around; a value may itself be a ``Text``.
"""

from __future__ import annotations

CONTEXT = "core"


def QT_TRANSLATE_NOOP(context, text):  # (Qt's name: the one pyside6-lupdate looks for)
    """Mark ``text`` as a template to translate (in ``context``) and return it unchanged."""
    return text


class Text:
    """An English sentence made of a translatable ``template`` and named ``params``."""

    __slots__ = ("params", "template")

    def __init__(self, template, **params):
        self.template = template
        self.params = params

    def __str__(self):
        if not self.params:
            return self.template
        return self.template.format(**{k: str(v) for k, v in self.params.items()})

    def __repr__(self):
        return f"Text({str(self)!r})"

    def __eq__(self, other):
        if isinstance(other, Text):
            return self.template == other.template and self.params == other.params
        return NotImplemented

    def __hash__(self):
        return hash((self.template, tuple(sorted((k, str(v)) for k, v in self.params.items()))))

    def __contains__(self, part):
        return part in str(self)


class MessageError(ValueError):
    """A ``ValueError`` whose message is a ``Text`` (``error.text``); ``str(error)`` is the English."""

    def __init__(self, template, **params):
        self.text = template if isinstance(template, Text) else Text(template, **params)
        super().__init__(str(self.text))
