"""Start the window: QApplication, translations, remembered settings."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from nnplay.paths import resource_path


def install_translator(app, lang=None):
    """Load the Japanese (or other) translation if one matches ``lang`` or the system locale."""
    code = lang or QLocale.system().name().split("_")[0]
    if code == "en":
        return None
    translator = QTranslator(app)
    if translator.load(str(resource_path("translations", f"nnplay_{code}.qm"))):
        app.installTranslator(translator)
        return translator
    return None


def make_window(config_path=None, lang=None, settings=None, preset=None, stop_at=None, speed=None):
    """Build the main window (the QApplication must exist). Returns (window, problem message or None).

    ``preset`` (a key of ``nnplay.gui.presets.PRESETS``) replaces the experiment; ``stop_at`` and ``speed`` then
    set the pace (from the command line: ``python -m nnplay --preset vanishing --stop-at 2000``)."""
    from nnplay.core.config import Config, ConfigError
    from nnplay.gui.main_window import MainWindow
    from nnplay.gui.session import TrainingSession
    from nnplay.gui.style import configure_pyqtgraph
    from nnplay.gui.widgets import core_text

    configure_pyqtgraph()
    problem = None
    config = Config()
    if config_path:
        try:
            config = Config.load(config_path)
        except ConfigError as e:
            problem = core_text(e)
    elif settings is not None and settings.value("config", "", type=str):
        try:
            config = Config.from_json(settings.value("config", "", type=str))
        except ConfigError:
            config = Config()
    try:
        session = TrainingSession(config)
    except Exception as e:  # e.g. a remembered CSV file that was since deleted
        problem = core_text(e)
        session = TrainingSession(Config())
    window = MainWindow(session, settings=settings)
    if settings is not None and settings.value("geometry") is not None:
        window.restoreGeometry(settings.value("geometry"))
    if preset:
        window.load_preset(preset)
    if speed is not None:
        window.set_speed(speed)
    if stop_at is not None:
        window.set_stop_at(stop_at)
    return window, problem


def run(config_path=None, lang=None, preset=None, stop_at=None, speed=None):
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("nnplay")
    app.setOrganizationName("nnplay")
    settings = QSettings("nnplay", "nnplay")
    install_translator(app, lang or settings.value("language", "", type=str) or None)
    window, problem = make_window(config_path, lang, settings, preset=preset, stop_at=stop_at, speed=speed)
    window.show()
    if problem:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(window, QCoreApplication.translate("MainWindow", "Could not load the experiment"), problem)
    return app.exec()
