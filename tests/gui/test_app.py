"""Starting and ending the app from a terminal: Ctrl-C closes an idle window, Qt's offscreen chatter stays out
of the bench's table (issue 12, §4–§5). Both run in a child process, as a user would."""

import os
import signal
import subprocess
import sys
import textwrap

from PySide6.QtCore import QSettings

CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    QTimer.singleShot(0, lambda: print("ready", flush=True))  # (the window is up and the loop idle)
    from nnplay.gui.app import run

    sys.exit(run())
    """
)


def _env():
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def test_ctrl_c_closes_an_idle_window_and_keeps_the_experiment():
    settings = QSettings("nnplay", "nnplay")
    settings.remove("geometry")
    settings.sync()
    p = subprocess.Popen([sys.executable, "-c", CHILD], env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert p.stdout.readline().strip() == b"ready"
        p.send_signal(signal.SIGINT)
        code = p.wait(timeout=60)  # (the old window never noticed: still running a minute later)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    err = p.stderr.read().decode()
    assert code == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    settings.sync()
    assert settings.value("geometry") is not None and settings.value("config", "", type=str)  # closeEvent ran


def test_offscreen_warnings_do_not_interleave_with_the_gui_bench():
    code = (
        "import nnplay.gui.bench as bench\n"
        "bench.startup_time = lambda: 0.0  # (its own child process; its output is captured, never shown)\n"
        "bench.run(seconds=0.2, min_case=0.05, headless_seconds=0.05)"
    )
    r = subprocess.run([sys.executable, "-c", code], env=_env(), capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "goals:" in r.stdout
    assert "propagateSizeHints" not in r.stderr + r.stdout
