"""Help where the student is (issue 9, part 3): F1 opens the page of the panel or lab with the focus, in the
window's language; every page exists in English and Japanese, and the Japanese pages are complete.

"Complete" is checked as: the Japanese page has the same sections (heading ids), the same number of paragraphs
and list items, the same links in the same order, and every paragraph, list item and heading contains Japanese
text — except formulas (class "formula"), whose words of four letters or more may only be the names of functions
(softmax, sigmoid, …)."""

import re
from html.parser import HTMLParser

import pytest
from PySide6.QtWidgets import QWidget
from qt_helpers import find_child

from nnplay.core.config import Config
from nnplay.gui import help as helppages
from nnplay.gui.app import install_translator
from nnplay.gui.main_window import LABS, MainWindow
from nnplay.gui.session import TrainingSession
from nnplay.gui.style import configure_pyqtgraph
from nnplay.paths import resource_path

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]")
FORMULA_WORDS = {"exp", "log", "max", "argmax", "softmax", "sigmoid", "network", "ReLU", "tanh", "Xavier", "He"}
TEXT_TAGS = {"p", "li", "h1", "h2", "h3", "td", "th", "title"}


class Page(HTMLParser):
    """The structure and the text blocks of a help page."""

    def __init__(self, path):
        super().__init__()
        self.sections, self.links, self.blocks = [], [], []  # blocks: (tag, class, text)
        self._open = []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("h1", "h2", "h3"):
            self.sections.append((tag, attrs.get("id")))
        if tag == "a":
            self.links.append(attrs.get("href"))
        if tag in TEXT_TAGS:
            self._open.append([tag, attrs.get("class"), ""])

    def handle_endtag(self, tag):
        if tag in TEXT_TAGS and self._open and self._open[-1][0] == tag:
            self.blocks.append(tuple(self._open.pop()))

    def handle_data(self, data):
        for block in self._open:
            block[2] += data

    def counts(self):
        out = {}
        for tag, cls, _ in self.blocks:
            out[tag, cls] = out.get((tag, cls), 0) + 1
        return out


def page(language, topic):
    return Page(resource_path("help", language, f"{topic}.html"))


def test_every_page_is_there_in_both_languages_and_nothing_else():
    for language in helppages.LANGUAGES:
        folder = resource_path("help", language)
        assert sorted(p.stem for p in folder.glob("*.html")) == sorted(helppages.PAGES), language
    assert set(helppages.TOPICS.values()) <= set(helppages.PAGES)


@pytest.mark.parametrize("topic", helppages.PAGES)
def test_the_japanese_page_is_complete(topic):
    en, ja = page("en", topic), page("ja", topic)
    assert ja.sections == en.sections
    assert ja.links == en.links
    assert ja.counts() == en.counts()
    english_only = []
    for tag, cls, text in ja.blocks:
        if JAPANESE.search(text):
            continue
        words = set(re.findall(r"[A-Za-z]{4,}", text))  # (shorter ones in formulas are names: w_ij → "wij")
        if cls == "formula" and words <= FORMULA_WORDS:
            continue
        if tag == "title" and words <= {"nnplay"}:
            continue
        english_only.append((tag, text.strip()[:60]))
    assert english_only == []


@pytest.mark.parametrize("topic", helppages.PAGES)
def test_every_link_leads_to_a_page_and_every_page_has_the_four_parts(topic):
    en = page("en", topic)
    for href in en.links:
        assert href in {f"{p}.html" for p in helppages.PAGES}, href
    if topic not in ("index", "lecture_guide"):
        assert [s for _, s in en.sections] == ["top", "shows", "formulas", "try", "look"]
        assert any(cls == "formula" for _, cls, _ in en.blocks)  # the book's notation


@pytest.fixture
def window(qtbot):
    configure_pyqtgraph()
    w = MainWindow(TrainingSession(Config()))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    yield w
    w.session.pause()


def focus(qtbot, widget):
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def test_f1_opens_the_page_of_the_panel_with_the_focus(window, qtbot):
    assert window.helpAction.shortcut().toString() == "F1"
    focus(qtbot, find_child(window, "gradientQuantityCombo"))
    assert window.help_topic() == "gradients"
    window.helpAction.trigger()
    dialog = find_child(window, "helpDialog", QWidget)
    assert dialog.isVisible() and dialog.topic == "gradients"
    assert dialog.current_file().endswith("help/en/gradients.html")
    assert "‖∂L/∂W‖" in dialog.browser.toPlainText()
    focus(qtbot, find_child(window, "lossPlot"))
    window.helpAction.trigger()
    assert dialog.topic == "loss"
    focus(qtbot, find_child(window, "learningRateSpin"))
    assert window.help_topic() == "controls"
    # In a lab: its own page, from any widget in it.
    lab = window.open_lab("descent")
    focus(qtbot, find_child(lab, "descentLrSpin"))
    assert window.help_topic() == "descent"
    # Nothing focused in the window: the tab in front.
    window.setFocus()
    window.tabs.setCurrentWidget(window.open_lab("gradcheck"))
    assert window.help_topic() == "gradcheck"


def test_every_lab_has_its_page(window):
    for module, _cls, _text in LABS:
        lab = window.open_lab(module)
        topic = helppages.topic_for(lab, None)
        assert topic is not None, module
        assert helppages.page_path(topic).is_file()


def test_lecture_guide_and_links_work_in_the_browser(window):
    window.lectureGuideAction.trigger()
    dialog = find_child(window, "helpDialog", QWidget)
    assert dialog.topic == "lecture_guide"
    text = dialog.browser.toPlainText()
    for topic in ("Softmax and loss lab", "Gradient descent lab", "Gradient check lab", "Linear collapse lab"):
        assert topic in text
    dialog.browser.setSource(dialog.browser.source().resolved("descent.html"))
    assert dialog.current_file().endswith("descent.html")
    assert dialog.backButton.isEnabled()


def test_the_help_is_in_japanese_when_the_window_is(window, qapp):
    translator = install_translator(qapp, "ja")
    try:
        assert helppages.help_language() == "ja"
        dialog = window.show_help("loss")
        assert dialog.current_file().endswith("help/ja/loss.html")
        assert JAPANESE.search(dialog.browser.toPlainText())
    finally:
        qapp.removeTranslator(translator)
    assert helppages.help_language() == "en"
