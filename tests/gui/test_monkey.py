"""A monkey drives the real window (issue 12, "done when"): random clicks, values and texts on every control of
the window and of the labs in front, every menu (file dialogs answer with good, missing and corrupt files),
presets, labs, tabs, resizes, in English and in Japanese. After every action the window must still be there,
show what is training, and stay within its memory; an exception in any slot fails the test (pytest-qt).

CI runs a few dozen actions per language; ``NNPLAY_FUZZ_EXAMPLES=2000`` runs that many, with the controls'
full ranges (the biggest networks on the most samples: slow, but it must hold too); ``NNPLAY_FUZZ_SEED=n``
gives the monkey other ideas.
"""

import json
import os
import random

import pytest
from fuzzing import fuzz_examples
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSlider,
    QSpinBox,
    QWidget,
)

from nnplay.core.config import Config
from nnplay.gui.main_window import MainWindow
from nnplay.gui.session import TrainingSession
from nnplay.gui.style import configure_pyqtgraph
from nnplay.paths import resource_path

LONG_RUN = fuzz_examples(0) > 0
ACTIONS = fuzz_examples(60)
# In the CI run, numbers that make a step slow are kept small (the largest settings have their own test).
CI_CAPS = {"samplesSpin": 3000, "hiddenWidthSpin": 48, "batchSizeSpin": 500}
HIDDEN_TEXTS = ["8, 8", "3", "", "16 16 16", "0", "300", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17", "4,, 4", "64, 32"]


def _rss_mb():
    with open("/proc/self/status") as f:
        return int(next(line for line in f if line.startswith("VmRSS")).split()[1]) / 1024


@pytest.fixture
def files(tmp_path):
    """Good, missing and corrupt files for the patched file dialogs to answer with."""
    good_json = tmp_path / "good.json"
    good_json.write_text(Config(dataset="moons", hidden=(5,), seed=4).to_json())
    bom_json = tmp_path / "bom.json"
    bom_json.write_bytes(b"\xef\xbb\xbf" + json.dumps({"dataset": "xor", "hidden": [3, 3]}).encode())
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 5000 + "]" * 5000)
    digits = tmp_path / "digits.json"
    digits.write_text('{"seed": ' + "7" * 5000 + "}")
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(bytes(range(256)) * 4)
    good_csv = tmp_path / "good.csv"
    good_csv.write_text("a,b,label\n" + "".join(f"{i % 7},{i % 5},{'yes' if i % 3 else 'no'}\n" for i in range(60)))
    cr_csv = tmp_path / "mac.csv"
    cr_csv.write_bytes(
        b"x,y,label\r" + b"".join(b"%d,%d,%s\r" % (i, i % 4, b"ab"[i % 2 : i % 2 + 1]) for i in range(30))
    )
    stray = tmp_path / "stray.csv"
    stray.write_bytes(b"x,y,label\r0.0")
    huge = tmp_path / "huge.csv"
    huge.write_text("x,y,label\n" + "1" * 200_000 + ",1,a\n2,2,b\n")
    many_classes = tmp_path / "prices.csv"
    many_classes.write_text("size,price\n" + "".join(f"{i},{i * 3}\n" for i in range(500)))
    missing = tmp_path / "missing" / "nope.json"
    long_name = tmp_path / ("x" * 300 + ".csv")
    opened = [good_json, bom_json, deep, digits, garbage, missing, long_name, tmp_path, good_csv, ""]
    csvs = [good_csv, cr_csv, stray, huge, many_classes, missing, long_name, tmp_path, resource_path("data"), ""]
    saved = [tmp_path / "saved.json", tmp_path / "missing" / "x.json", tmp_path / "a\x00b.json", tmp_path, ""]
    shots = [tmp_path / "shot.png", tmp_path / "missing" / "shot.png", ""]
    from idx_fixtures import write_dataset

    idx = tmp_path / "idx"
    write_dataset(idx / "mnist", n_train=120, n_test=30)
    write_dataset(idx / "fashion_mnist", n_train=120, n_test=30)
    folders = [idx, idx / "mnist", tmp_path / "missing", tmp_path, ""]
    return {"open": opened, "csv": csvs, "save": saved, "shot": shots, "folder": folders}


@pytest.fixture
def patched_dialogs(monkeypatch, files):
    """File dialogs answer at random from ``files``; message boxes are recorded, never shown (never modal)."""
    rng = random.Random(1)
    shown = []

    def open_name(parent, caption="", folder="", filters="", *a, **k):
        kind = "csv" if "CSV" in filters else "open"
        return str(rng.choice(files[kind])), ""

    def save_name(parent, caption="", folder="", filters="", *a, **k):
        kind = "shot" if "PNG" in filters else "save"
        return str(rng.choice(files[kind])), ""

    def folder_name(parent, caption="", folder="", *a, **k):
        return str(rng.choice(files["folder"]))

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(folder_name))
    # A download the monkey asks for goes to a port where nothing listens: refused at once, never the internet.
    from idx_fixtures import patch_source

    from nnplay.core import mnist

    for key in ("mnist", "fashion_mnist"):
        names = {name: b"" for name in mnist.SOURCES[key].sha256}
        patch_source(monkeypatch, key, ["http://127.0.0.1:9/"], names)
    for name in ("warning", "information", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *a, _n=name, **k: shown.append((_n, a[1:3]))))
    return shown


@pytest.fixture(params=["en", "ja"])
def language(request):
    app = QApplication.instance()
    translator = None
    if request.param == "ja":
        translator = QTranslator()
        assert translator.load(str(resource_path("translations", "nnplay_ja.qm")))
        app.installTranslator(translator)
    yield request.param
    if translator is not None:
        app.removeTranslator(translator)


class Monkey:
    def __init__(self, window, rng):
        self.window, self.rng, self.log = window, rng, []

    # -- the actions ----------------------------------------------------------------------------------------
    def controls(self):
        """Enabled, visible controls of the window and of the page in front."""
        kinds = (QPushButton, QComboBox, QAbstractSpinBox, QSlider, QLineEdit, QCheckBox)
        return [
            w
            for w in self.window.findChildren(QWidget)
            if isinstance(w, kinds) and w.isVisible() and w.isEnabled() and not isinstance(w.parent(), QComboBox)
        ]

    def act_on_control(self):
        w = self.rng.choice(self.controls())
        name = w.objectName() or type(w).__name__
        if isinstance(w, QComboBox) and w.count():
            i = self.rng.randrange(w.count())
            self.log.append(f"{name}: index {i}")
            w.setCurrentIndex(i)
            w.activated.emit(i)
        elif isinstance(w, QSpinBox | QDoubleSpinBox):
            hi = w.maximum() if LONG_RUN else min(w.maximum(), CI_CAPS.get(name, w.maximum()))
            if isinstance(w, QSpinBox):
                value = self.rng.choice(
                    [w.minimum(), hi, w.value() + 1, w.value() - 1, self.rng.randint(w.minimum(), hi)]
                )
            else:
                value = self.rng.choice([w.minimum(), hi, self.rng.uniform(w.minimum(), hi)])
            self.log.append(f"{name}: value {value}")
            w.setValue(value)
        elif isinstance(w, QSlider):
            value = self.rng.randint(w.minimum(), w.maximum())
            self.log.append(f"{name}: slider {value}")
            w.setValue(value)
        elif isinstance(w, QLineEdit) and not w.isReadOnly() and not isinstance(w.parent(), QAbstractSpinBox):
            text = self.rng.choice(HIDDEN_TEXTS)
            self.log.append(f"{name}: text {text!r}")
            w.setText(text)
            w.editingFinished.emit()
        elif isinstance(w, QPushButton | QCheckBox):
            self.log.append(f"{name}: click")
            w.click()

    def act_on_menu(self):
        actions = [
            a
            for menu in self.window.menuBar().findChildren(QAction)
            for a in [menu]
            if a.text() and not a.menu() and a.isEnabled() and not a.isSeparator()
        ]
        actions = [a for a in actions if a.objectName() != "quitAction"]  # (not Quit)
        a = self.rng.choice(actions)
        self.log.append(f"menu: {a.text()!r}")
        a.trigger()

    def act_on_tabs(self):
        tabs = self.window.tabs
        if tabs.count() > 1 and self.rng.random() < 0.3:
            i = self.rng.randrange(1, tabs.count())
            self.log.append(f"close tab {i}")
            tabs.tabCloseRequested.emit(i)
        else:
            i = self.rng.randrange(tabs.count())
            self.log.append(f"tab {i}")
            tabs.setCurrentIndex(i)

    def act_on_window(self):
        size = (self.rng.randint(970, 1900), self.rng.randint(602, 1100))
        self.log.append(f"resize {size}")
        self.window.resize(*size)

    def act_on_time(self):
        s = self.window.session
        action = self.rng.choice(["step", "toggle", "restart", "pause"])
        self.log.append(f"session: {action}")
        getattr(s, action)()

    def step(self):
        kinds = [self.act_on_control, self.act_on_menu, self.act_on_tabs, self.act_on_window, self.act_on_time]
        if len(self.log) < len(kinds):  # (each kind once first, however the dice fall)
            action = kinds[len(self.log)]
        else:
            action = self.rng.choices(kinds, weights=[10, 3, 2, 1, 2])[0]
        action()
        app = QApplication.instance()
        for _ in range(3):
            app.processEvents()

    # -- what must hold after every action -----------------------------------------------------------------
    def check(self):
        w = self.window
        config = w.session.config
        controls = w.controls
        where = f"after {self.log[-12:]}"
        assert w.isVisible(), where
        assert controls.config() == config, where
        assert controls.datasetCombo.currentData() == config.dataset, where
        assert controls.activationCombo.currentData() == config.activation, where
        assert controls.samplesSpin.value() == config.samples, where
        assert controls.csvLabel.isVisibleTo(controls) == (config.dataset == "csv"), where
        assert _rss_mb() < 1024, where


def test_monkey_drives_every_control_menu_and_lab(qtbot, patched_dialogs, language):
    configure_pyqtgraph()
    window = MainWindow(TrainingSession(Config()))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    seed = {"en": 12, "ja": 34}[language] + int(os.environ.get("NNPLAY_FUZZ_SEED", "0"))
    monkey = Monkey(window, random.Random(seed))
    for module in ("collapse", "gradcheck"):  # (two labs open from the start; the menu opens the others)
        window.open_lab(module)
    for _ in range(ACTIONS):
        monkey.step()
        monkey.check()
    window.session.pause()
    # It went everywhere: controls, menus and tabs were all used, and dialogs were answered.
    kinds = {entry.split(":")[0].split(" ")[0] for entry in monkey.log}
    assert {"menu", "session"} <= kinds and len(kinds) > 8, kinds
    window.close()
    QCoreApplication.processEvents()
