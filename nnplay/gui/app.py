"""Start the window: QApplication, translations, remembered settings, Ctrl-C."""

from __future__ import annotations

import contextlib
import signal
import socket
import sys

from PySide6.QtCore import QLocale, QObject, QSettings, QSocketNotifier, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from nnplay.paths import resource_path

EXIT_NO_DISPLAY = 2
EXIT_INTERRUPTED = 130

DROPPED_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)
"""Qt warnings that say nothing to a user: the offscreen platform prints this one for every window shown,
in the middle of ``bench --gui``'s table."""


def install_message_filter():
    """Route Qt's messages through Python: the ones in ``DROPPED_QT_MESSAGES`` are dropped, the others are
    written to stderr as Qt would write them."""
    from PySide6.QtCore import qFormatLogMessage, qInstallMessageHandler

    def handler(mode, context, message):
        if any(dropped in message for dropped in DROPPED_QT_MESSAGES):
            return
        with contextlib.suppress(Exception):  # (never let a log line raise inside Qt)
            sys.stderr.write(qFormatLogMessage(mode, context, message) + "\n")
            sys.stderr.flush()

    install_message_filter.handler = handler  # (kept alive)
    qInstallMessageHandler(handler)


class CtrlC(QObject):
    """Ctrl-C in the terminal closes the windows (each saves what it must) and ends ``app.exec()`` with
    ``EXIT_INTERRUPTED``.

    Python runs its signal handlers only between bytecodes, and an idle Qt event loop runs no Python, so a
    handler alone would wait for the next mouse move. The C-level handler also writes to a socket
    (``signal.set_wakeup_fd``) that a ``QSocketNotifier`` watches: the notifier's slot is Python, and the
    handler runs right then.
    """

    def __init__(self, app):
        super().__init__(app)
        self.app = app
        self.interrupted = False
        self._reader, self._writer = socket.socketpair()
        for s in (self._reader, self._writer):
            s.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._old_handler = signal.signal(signal.SIGINT, self._on_sigint)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self, *_):
        with contextlib.suppress(OSError):
            while self._reader.recv(512):
                pass

    def _on_sigint(self, signum, frame):
        self.interrupted = True
        QTimer.singleShot(0, self._close)  # (not inside whatever Python code the signal interrupted)

    def _close(self):
        self.app.closeAllWindows()
        self.app.exit(EXIT_INTERRUPTED)

    def restore(self):
        """Put back the previous handler and wake-up fd."""
        self._notifier.setEnabled(False)
        signal.signal(signal.SIGINT, self._old_handler)
        signal.set_wakeup_fd(self._old_fd)
        self._reader.close()
        self._writer.close()


def has_cjk_font():
    """Whether some installed font has Japanese characters (without one the Japanese window shows boxes)."""
    from PySide6.QtGui import QFontDatabase

    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.Japanese))


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
    """Open the window and run until it is closed; returns the exit code (``EXIT_NO_DISPLAY`` when the window
    cannot open here, ``EXIT_INTERRUPTED`` after Ctrl-C)."""
    app = QApplication.instance()
    if app is None:
        from nnplay.display import display_problem

        problem = display_problem()
        if problem:
            print(f"nnplay: error: {problem}", file=sys.stderr)
            return EXIT_NO_DISPLAY
        install_message_filter()
        app = QApplication(sys.argv[:1])
    app.setApplicationName("nnplay")
    app.setOrganizationName("nnplay")
    settings = QSettings("nnplay", "nnplay")
    if install_translator(app, lang or settings.value("language", "", type=str) or None) and not has_cjk_font():
        print(
            "nnplay: the Japanese window needs a font with Japanese characters, or its text shows as boxes; "
            "install one, e.g. 'sudo apt-get install fonts-noto-cjk' (Debian/Ubuntu), or use --lang en",
            file=sys.stderr,
        )
    window, problem = make_window(config_path, lang, settings, preset=preset, stop_at=stop_at, speed=speed)
    window.show()
    if problem:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(window, QCoreApplication.translate("MainWindow", "Could not load the experiment"), problem)
    try:
        ctrl_c = CtrlC(app)
    except ValueError:  # (signals can only be handled in the main thread)
        ctrl_c = None
    try:
        code = app.exec()
    finally:
        if ctrl_c is not None:
            ctrl_c.restore()
    return EXIT_INTERRUPTED if ctrl_c is not None and ctrl_c.interrupted else code
