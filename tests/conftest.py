"""Test-wide setup: Qt without a display, and nothing read from or written to the user's real files.

This runs before any test module imports Qt, so the environment set here is what Qt, platformdirs and
hypothesis see: HOME and the XDG folders point into one temporary folder for the whole run (QSettings,
nnplay's data folder and any cache land there), and hypothesis keeps no example database in the tree.
"""

import atexit
import contextlib
import gc
import os
import shutil
import tempfile

# Qt must run without a display (CI has none); set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_HOME = tempfile.mkdtemp(prefix="nnplay-test-home-")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
REAL_HOME = os.path.expanduser("~")
os.environ["HOME"] = _HOME
for var, sub in (
    ("XDG_CONFIG_HOME", ".config"),
    ("XDG_DATA_HOME", ".local/share"),
    ("XDG_CACHE_HOME", ".cache"),
    ("XDG_STATE_HOME", ".local/state"),
):
    os.environ[var] = os.path.join(_HOME, sub)
os.environ.pop("NNPLAY_DATA_DIR", None)

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402
from hypothesis.configuration import set_hypothesis_home_dir  # noqa: E402

set_hypothesis_home_dir(os.path.join(_HOME, ".hypothesis"))  # (its cache of constants; not in the tree)

# No example database (it would be written to .hypothesis/ in the working folder). NNPLAY_FUZZ_EXAMPLES
# scales the number of examples of the fuzz tests (and the monkey's actions) for a longer run by hand: see
# tests/fuzzing.py, whose settings add to this profile.
settings.register_profile("nnplay", database=None, deadline=None)
settings.load_profile("nnplay")


def pytest_report_header(config):
    return f"home for tests: {_HOME}"


@pytest.fixture(autouse=True)
def _widgets_live_until_teardown(request):
    """Keep every widget a test gives to ``qtbot.addWidget`` alive until the test is over, then delete it at a
    safe moment.

    pytest-qt holds only a weak reference. A panel that is in a reference cycle (its slots refer to it) then
    lives until the garbage collector runs, and that can be in the middle of painting it, when pytest-qt
    processes the last events of the test: "QPaintDevice: Cannot destroy paint device that is being painted",
    then a segmentation fault (seen with the loss panel, depending on when the collector happened to run).
    """
    if "qtbot" not in request.fixturenames:
        yield
        return
    qtbot = request.getfixturevalue("qtbot")
    kept = []
    add = qtbot.addWidget

    def add_and_keep(widget, *args, **kwargs):
        kept.append(widget)
        return add(widget, *args, **kwargs)

    qtbot.addWidget = add_and_keep
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in kept:
        with contextlib.suppress(RuntimeError):  # (already deleted by Qt)
            widget.close()
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    kept.clear()
    gc.collect()
