"""The Japanese translation: the .ts is complete and keeps every placeholder, the shipped .qm matches it,
and the main window comes up in Japanese. (No CJK font is needed: nothing here looks at glyph shapes.)"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

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


def test_every_string_in_the_sources_is_translated(tmp_path):
    """pyside6-lupdate over the sources finds nothing that the committed catalogue lacks (a string added or
    moved to another context without re-running update.py would be shown in English)."""
    import importlib.util
    import subprocess

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("ts_update", root / "resources" / "translations" / "update.py")
    update = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update)
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [update.tool("pyside6-lupdate"), *update.sources(), "-ts", str(fresh)],
        cwd=root,
        check=True,
        capture_output=True,
    )
    found = {
        (ctx.findtext("name"), m.findtext("source"))
        for ctx in ET.parse(fresh).getroot().iter("context")
        for m in ctx.iter("message")
    }
    done = {(c, s) for c, s, forms, kind, _ in MESSAGES if kind != "unfinished" and all(forms)}
    assert any(c == "core" for c, _ in found)  # core's messages are collected too
    missing = sorted(found - done)
    assert not missing, f"{len(missing)} not in the catalogue, e.g. {missing[:3]}: run resources/translations/update.py"


def test_core_messages_are_shown_in_japanese(qtbot, japanese, tmp_path):
    from nnplay.core.config import Config
    from nnplay.gui.app import make_window
    from nnplay.gui.widgets import core_text

    window, _ = make_window()
    qtbot.addWidget(window)
    try:
        # A CSV file that is not there: the core's DatasetError, in Japanese, with the path in it.
        missing = tmp_path / "missing.csv"
        assert not window.apply_config(Config(dataset="csv", csv_path=str(missing)))
        message = window.controls.messageLabel.text()
        assert JAPANESE.search(message) and str(missing) in message
        # A nested message: the file name, then the JSON problem, both from core.
        bad = tmp_path / "bad.json"
        bad.write_text('{"hidden": "many"}', encoding="utf-8")
        with pytest.raises(Exception) as info:
            Config.load(bad)
        text = core_text(info.value)
        assert text.startswith(str(bad)) and "は使えません" in text and "'many'" in text
        # What changed when training started over.
        window.apply_config(window.session.config.replace(hidden=(4,), activation="relu"))
        status = window.statusBar().currentMessage()
        assert "隠れ層" in status and "活性化関数" in status
        # Why training stopped.
        window.apply_config(
            Config(output="identity", loss="sum_squared_error", activation="relu", init="he", learning_rate=50)
        )
        for _ in range(500):
            if window.session.step().diverged is not None:
                break
        assert window.session.trainer.diverged is not None
        assert JAPANESE.search(window.divergenceLabel.text())
        assert (
            "loss became" not in window.divergenceLabel.text()
            and "gradient overflowed" not in window.divergenceLabel.text()
        )
    finally:
        window.session.pause()


def test_core_text_falls_back_to_english():
    from nnplay.core.messages import Text
    from nnplay.gui.widgets import core_text

    inner = Text("column {n}", n=3)
    assert core_text(Text("not in any catalogue: {where}", where=inner)) == "not in any catalogue: column 3"
    assert core_text(Text("a {missing} placeholder")) == "a {missing} placeholder"  # no values: shown as it is
    assert core_text(ValueError("plain")) == "plain"


def test_compare_lab_names_values_as_the_controls_do(qapp):
    from nnplay.gui.labs.compare import _format_value

    assert _format_value("init", "xavier") == "Xavier" and _format_value("activation", "relu") == "ReLU"
    assert _format_value("dataset", "circles") == "Circles"
    translator = install_translator(qapp, "ja")
    try:
        assert _format_value("activation", "sigmoid") == QCoreApplication.translate("ControlPanel", "sigmoid")
        assert JAPANESE.search(_format_value("dataset", "circles"))
    finally:
        qapp.removeTranslator(translator)
