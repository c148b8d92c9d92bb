"""The Japanese translation: the .ts is complete and keeps every placeholder, the shipped .qm matches it,
and the main window comes up in Japanese. (No CJK font is needed: nothing here looks at glyph shapes.)"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from nnplay.gui.app import install_translator
from nnplay.paths import resource_path

TS = resource_path("translations", "nnplay_ja.ts")
QM = resource_path("translations", "nnplay_ja.qm")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]")  # kana, kanji, full-width forms
QT_PLACEHOLDER = re.compile(r"%(?:\d+|n|p)")  # %1 … %99 (widgets.arg), %n (plurals), %p (progress bars)
FORMAT_FIELD = re.compile(r"\{[^{}\s]*\}")  # str.format fields, with their format spec: {name}, {p:.0f}
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
MNEMONIC = re.compile(r"&[^&\s;]")  # "&File"; not "&&" and not entities such as "&nbsp;"


def _messages():
    """(context, source, translation, numerus) of every live message (vanished ones are kept for reuse only)."""
    out = []
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name")
        for m in ctx.iter("message"):
            tr = m.find("translation")
            if tr.get("type") in ("vanished", "obsolete"):
                continue
            numerus = m.get("numerus") == "yes"
            forms = [f.text or "" for f in tr.iter("numerusform")] if numerus else [tr.text or ""]
            out.append((name, m.findtext("source"), forms, tr.get("type"), numerus))
    return out


MESSAGES = _messages()


@pytest.fixture
def japanese(qapp):
    translator = install_translator(qapp, "ja")
    assert translator is not None, f"{QM} did not load"
    yield translator
    qapp.removeTranslator(translator)  # the other tests expect English


def test_qm_exists_and_loads():
    assert QM.is_file() and QM.stat().st_size > 1000
    translator = QTranslator()
    assert translator.load(str(QM))
    assert not translator.isEmpty()
    assert translator.language().startswith("ja")


def test_ts_has_entries_and_none_unfinished():
    assert len(MESSAGES) > 100
    unfinished = [(c, s) for c, s, forms, kind, _ in MESSAGES if kind == "unfinished" or not all(forms)]
    assert not unfinished, f"{len(unfinished)} unfinished: run resources/translations/update.py and translate them"


def test_translations_keep_placeholders_tags_and_mnemonics():
    checks = {
        "Qt placeholders %1/%n/%p": lambda t: set(QT_PLACEHOLDER.findall(t)),
        "{name} fields": lambda t: set(FORMAT_FIELD.findall(t)),
        "HTML tags": lambda t: Counter(HTML_TAG.findall(t)),
        "&-mnemonic": lambda t: bool(MNEMONIC.search(t)),
    }
    bad = [
        f"{context}: {what} differ in {text!r} (source {source!r})"
        for context, source, forms, _, _ in MESSAGES
        for text in forms
        for what, key in checks.items()
        if key(text) != key(source)
    ]
    assert not bad, "\n".join(bad)


def test_qm_matches_ts():
    """The committed .qm was compiled from the committed .ts (re-run update.py after editing the .ts)."""
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = []
    for context, source, forms, _, numerus in MESSAGES:
        got = translator.translate(context, source, None, 2 if numerus else -1)
        if got != forms[0]:  # QTranslator returns the form itself; QCoreApplication.translate fills in %n
            stale.append((context, source))
    assert not stale, f"{len(stale)} entries differ from the .qm, e.g. {stale[:3]}"


def test_installed_translator_gives_japanese(japanese):
    assert QCoreApplication.translate("ControlPanel", "Data set") == "データセット"
    assert QCoreApplication.translate("MainWindow", "Play") == "再生"
    text = QCoreApplication.translate("CompareLab", "Loss (mean of the last %n mini-batches)", None, 20)
    assert "20" in text and JAPANESE.search(text)


def test_main_window_in_japanese(qtbot, japanese):
    from nnplay.gui.app import make_window

    window, problem = make_window()
    qtbot.addWidget(window)
    try:
        assert problem is None
        assert window.playButton.text() == "再生"
        for text in (window.windowTitle(), window.stepButton.text(), window.resetButton.text()):
            assert JAPANESE.search(text), text
        assert all(JAPANESE.search(a.text()) for a in window.menuBar().actions())
        assert JAPANESE.search(window.statusLabel.text())
    finally:
        window.session.pause()
