"""Help where the student is: F1 opens the page of the panel or lab that has the focus, the lecture guide maps
the lecture's topics to the app, and the shortcuts dialog lists every key.

The pages are HTML files shipped with the package (``resources/help/<language>/<topic>.html``, English and
Japanese), shown in a ``QTextBrowser``: no network, links between pages work, formulas in the book's notation.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nnplay.paths import resource_path

TOPICS = {
    # object name of a widget -> help page (without .html); the first one found from the focus outwards wins
    "lossPanel": "loss",
    "gradientPanel": "gradients",
    "boundaryPanel": "boundary",
    "networkPanel": "network",
    "activationPanel": "activations",
    "controlsScroll": "controls",
    "timeToolbar": "training",
    "trainingView": "training",
    "gradientDescentLab": "descent",
    "softmaxLossLab": "softmax_loss",
    "activationsLab": "activations_lab",
    "gradientCheckLab": "gradcheck",
    "linearCollapseLab": "collapse",
    "compareLab": "compare",
    "simplenetLab": "simplenet",
}
PAGES = (
    "index",
    "lecture_guide",
    "training",
    "controls",
    "loss",
    "gradients",
    "boundary",
    "network",
    "activations",
    "descent",
    "softmax_loss",
    "activations_lab",
    "gradcheck",
    "collapse",
    "compare",
    "simplenet",
)
LANGUAGES = ("en", "ja")


def help_language():
    """The language of the help pages: that of the window's translation ("ja" when it is Japanese)."""
    code = QCoreApplication.translate(
        "HelpBrowser", "en", "the folder of the help pages in this language: ja for Japanese (resources/help/ja)"
    )
    return code if code in LANGUAGES else "en"


def page_path(topic, language=None):
    """The file of help page ``topic`` in ``language`` (the window's by default; English if it has none)."""
    language = language or help_language()
    path = resource_path("help", language, f"{topic}.html")
    if not path.is_file():
        path = resource_path("help", "en", f"{topic}.html")
    return path


def topic_for(widget, fallback="training"):
    """The help page for ``widget``: that of the first of its ancestors (itself included) that has one."""
    w = widget
    while w is not None:
        topic = TOPICS.get(w.objectName())
        if topic is not None:
            return topic
        w = w.parentWidget()
    return fallback


class HelpBrowser(QDialog):
    """A window with one help page at a time; Back, Contents and the lecture guide at the top."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("nnplay help"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setAccessibleName(self.tr("Help page"))
        self.browser.setOpenExternalLinks(False)  # (no network: the pages have no links out)
        self.browser.setOpenLinks(True)
        buttons = QHBoxLayout()
        self.backButton = QPushButton(self.tr("Back"))
        self.backButton.setObjectName("helpBackButton")
        self.backButton.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.backButton.setEnabled)
        self.backButton.setEnabled(False)
        self.contentsButton = QPushButton(self.tr("All help pages"))
        self.contentsButton.setObjectName("helpContentsButton")
        self.contentsButton.clicked.connect(lambda: self.show_topic("index"))
        self.guideButton = QPushButton(self.tr("Lecture guide"))
        self.guideButton.setObjectName("helpGuideButton")
        self.guideButton.clicked.connect(lambda: self.show_topic("lecture_guide"))
        for b in (self.backButton, self.contentsButton, self.guideButton):
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))  # (Qt's own button texts are not translated here)
        close.setObjectName("helpCloseButton")
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addLayout(buttons)
        lay.addWidget(self.browser, 1)
        self.topic = None
        self.resize(720, 620)

    def show_topic(self, topic):
        """Show page ``topic`` (in the window's language) and bring the window up."""
        path = page_path(topic)
        self.topic = topic
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        self.show()
        self.raise_()
        self.activateWindow()

    def current_file(self):
        return self.browser.source().toLocalFile()


def shortcut_rows(window):
    """(keys, what) for every action of ``window`` with a shortcut, and its single keys, in menu order."""
    rows = []
    seen = set()

    def add(keys, text):
        text = re.sub(r"\(&\w\)", "", text)  # (a Japanese menu's "(&F)")
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()
        if keys and (keys, text) not in seen:
            seen.add((keys, text))
            rows.append((keys, text))

    def walk(menu):
        for a in menu.actions():
            if a.menu() is not None:
                walk(a.menu())
            elif a.shortcuts():
                keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in a.shortcuts())
                add(keys, a.text())

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu())
    for keys, text in getattr(window, "extra_shortcuts", lambda: [])():
        add(keys, text)
    return rows


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the window in a table (made from the menus, so it never goes stale)."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for r, (keys, text) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(keys))
            self.table.setItem(r, 1, QTableWidgetItem(text))
        close = QPushButton(self.tr("Close"))
        close.setObjectName("shortcutsCloseButton")
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self.resize(560, 560)

    def rows(self):
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]


def focused_widget(window: QWidget):
    """The widget with the keyboard focus if it is in ``window``, else None."""
    w = QApplication.focusWidget()
    if w is not None and (w is window or window.isAncestorOf(w)):
        return w
    return None
